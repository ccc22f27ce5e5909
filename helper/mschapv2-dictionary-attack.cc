/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mschapv2-dictionary-attack.h"

#include "ns3/log.h"

#include <fstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MsChapV2DictionaryAttack");

MsChapV2DictionaryAttack::MsChapV2DictionaryAttack(const MsChapV2Exchange& exchange)
    : m_exchange(exchange)
    , m_digest(MsChapV2::ChallengeHash(
          exchange.peerChallenge, exchange.authenticatorChallenge, exchange.userName))
{
    NS_LOG_FUNCTION(this << exchange.userName);
}

const MsChapV2::ChallengeDigest&
MsChapV2DictionaryAttack::GetChallengeDigest() const
{
    return m_digest;
}

bool
MsChapV2DictionaryAttack::Test(const std::string& word) const
{
    return MsChapV2::ChallengeResponse(m_digest, MsChapV2::NtPasswordHash(word))
           == m_exchange.ntResponse;
}

bool
MsChapV2DictionaryAttack::Verify(const std::string& password) const
{
    return m_exchange.hasAuthenticatorResponse
           && MsChapV2::CheckAuthenticatorResponse(password,
                                                   m_exchange.ntResponse,
                                                   m_exchange.peerChallenge,
                                                   m_exchange.authenticatorChallenge,
                                                   m_exchange.userName,
                                                   m_exchange.authenticatorResponse);
}

MsChapV2AttackResult
MsChapV2DictionaryAttack::Run(const std::vector<std::string>& words) const
{
    NS_LOG_FUNCTION(this << words.size());
    MsChapV2AttackResult result;
    result.verifiable = m_exchange.hasAuthenticatorResponse;
    for (const std::string& word : words)
    {
        ++result.attempts;
        MsChapV2::PasswordHash hash = MsChapV2::NtPasswordHash(word);
        if (MsChapV2::ChallengeResponse(m_digest, hash) == m_exchange.ntResponse)
        {
            NS_LOG_LOGIC("match after " << result.attempts << " words");
            result.found = true;
            result.password = word;
            result.passwordHash = hash;
            result.verified = Verify(word);
            return result;
        }
    }
    return result;
}

std::vector<std::string>
MsChapV2DictionaryAttack::ParseWordList(std::istream& in)
{
    std::vector<std::string> words;
    std::string line;
    while (std::getline(in, line))
    {
        if (!line.empty() && line.back() == '\r')
        {
            line.pop_back();
        }
        if (line.empty() || line[0] == '#')
        {
            continue;
        }
        words.push_back(line);
    }
    return words;
}

bool
MsChapV2DictionaryAttack::ReadWordList(const std::string& path, std::vector<std::string>& words)
{
    NS_LOG_FUNCTION(path);
    std::ifstream in(path);
    if (!in)
    {
        return false;
    }
    words = ParseWordList(in);
    return true;
}

} // namespace ns3
