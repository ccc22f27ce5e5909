/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mschapv2.h"

#include "crypto-primitives.h"
#include "mschapv2-message.h"

#include "ns3/log.h"

#include <algorithm>
#include <utility>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MsChapV2");

namespace
{

/// "Magic server to client signing constant" (\RFC{2759} s.8.7).
const char AUTH_MAGIC1[] = "Magic server to client signing constant";
/// "Pad to make it do more than one iteration" (\RFC{2759} s.8.7).
const char AUTH_MAGIC2[] = "Pad to make it do more than one iteration";

/**
 * Decodes UTF-8 and hands each UTF-16 code unit to the sink, without allocating.
 * An octet that does not start a valid, shortest-form sequence stands for itself (Latin-1).
 */
template <typename Sink>
void
ForEachUtf16Unit(const std::string& text, Sink sink)
{
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n)
    {
        const uint8_t b0 = static_cast<uint8_t>(text[i]);
        uint32_t codePoint = b0;
        std::size_t length = 1;
        std::size_t extra = 0;
        uint32_t minimum = 0;
        if (b0 >= 0xc2 && b0 <= 0xdf)
        {
            extra = 1;
            codePoint = b0 & 0x1f;
            minimum = 0x80;
        }
        else if (b0 >= 0xe0 && b0 <= 0xef)
        {
            extra = 2;
            codePoint = b0 & 0x0f;
            minimum = 0x800;
        }
        else if (b0 >= 0xf0 && b0 <= 0xf4)
        {
            extra = 3;
            codePoint = b0 & 0x07;
            minimum = 0x10000;
        }
        if (extra > 0)
        {
            bool valid = i + extra < n;
            for (std::size_t k = 1; valid && k <= extra; ++k)
            {
                const uint8_t b = static_cast<uint8_t>(text[i + k]);
                if ((b & 0xc0) != 0x80)
                {
                    valid = false;
                }
                else
                {
                    codePoint = codePoint << 6 | (b & 0x3f);
                }
            }
            if (valid && codePoint >= minimum && codePoint <= 0x10ffff
                && !(codePoint >= 0xd800 && codePoint <= 0xdfff))
            {
                length = extra + 1;
            }
            else
            {
                codePoint = b0;
            }
        }
        if (codePoint >= 0x10000)
        {
            const uint32_t v = codePoint - 0x10000;
            sink(static_cast<uint16_t>(0xd800 | v >> 10));
            sink(static_cast<uint16_t>(0xdc00 | (v & 0x3ff)));
        }
        else
        {
            sink(static_cast<uint16_t>(codePoint));
        }
        i += length;
    }
}

/// The user name without a "DOMAIN\" prefix (\RFC{2759} s.8.2).
std::pair<const char*, std::size_t>
StripDomain(const std::string& userName)
{
    const std::size_t slash = userName.rfind('\\');
    if (slash == std::string::npos)
    {
        return {userName.data(), userName.size()};
    }
    return {userName.data() + slash + 1, userName.size() - slash - 1};
}

} // namespace

std::vector<uint8_t>
MsChapV2::PasswordToUnicode(const std::string& password)
{
    std::vector<uint8_t> out;
    out.reserve(password.size() * 2);
    ForEachUtf16Unit(password,
                     [&out](uint16_t unit)
                     {
                         out.push_back(static_cast<uint8_t>(unit & 0xff));
                         out.push_back(static_cast<uint8_t>(unit >> 8));
                     });
    return out;
}

MsChapV2::PasswordHash
MsChapV2::NtPasswordHash(const std::string& password)
{
    Md4 md4;
    ForEachUtf16Unit(password,
                     [&md4](uint16_t unit)
                     {
                         const uint8_t le[2]
                             = {static_cast<uint8_t>(unit & 0xff), static_cast<uint8_t>(unit >> 8)};
                         md4.Update(le, sizeof(le));
                     });
    return md4.Finish();
}

MsChapV2::PasswordHash
MsChapV2::HashNtPasswordHash(const PasswordHash& passwordHash)
{
    return Md4::Hash(passwordHash.data(), passwordHash.size());
}

MsChapV2::ChallengeDigest
MsChapV2::ChallengeHash(const Challenge& peerChallenge,
                        const Challenge& authenticatorChallenge,
                        const std::string& userName)
{
    const auto name = StripDomain(userName);
    Sha1 sha1;
    sha1.Update(peerChallenge.data(), peerChallenge.size());
    sha1.Update(authenticatorChallenge.data(), authenticatorChallenge.size());
    sha1.Update(reinterpret_cast<const uint8_t*>(name.first), name.second);
    const Sha1::Digest digest = sha1.Finish();
    ChallengeDigest challenge;
    std::copy(digest.begin(), digest.begin() + challenge.size(), challenge.begin());
    return challenge;
}

MsChapV2::NtResponse
MsChapV2::ChallengeResponse(const ChallengeDigest& challenge, const PasswordHash& passwordHash)
{
    std::array<uint8_t, 21> zPasswordHash{};
    std::copy(passwordHash.begin(), passwordHash.end(), zPasswordHash.begin());
    NtResponse response;
    for (std::size_t third = 0; third < 3; ++third)
    {
        const Des::Block block
            = Des::Encrypt(challenge.data(), zPasswordHash.data() + third * Des::SHORT_KEY_LENGTH);
        std::copy(block.begin(), block.end(), response.begin() + third * Des::BLOCK_LENGTH);
    }
    return response;
}

MsChapV2::NtResponse
MsChapV2::GenerateNtResponse(const Challenge& authenticatorChallenge,
                             const Challenge& peerChallenge,
                             const std::string& userName,
                             const std::string& password)
{
    return GenerateNtResponse(
        authenticatorChallenge, peerChallenge, userName, NtPasswordHash(password));
}

MsChapV2::NtResponse
MsChapV2::GenerateNtResponse(const Challenge& authenticatorChallenge,
                             const Challenge& peerChallenge,
                             const std::string& userName,
                             const PasswordHash& passwordHash)
{
    NS_LOG_FUNCTION(userName);
    return ChallengeResponse(ChallengeHash(peerChallenge, authenticatorChallenge, userName),
                             passwordHash);
}

MsChapV2::AuthenticatorResponse
MsChapV2::GenerateAuthenticatorResponse(const std::string& password,
                                        const NtResponse& ntResponse,
                                        const Challenge& peerChallenge,
                                        const Challenge& authenticatorChallenge,
                                        const std::string& userName)
{
    return GenerateAuthenticatorResponse(
        NtPasswordHash(password), ntResponse, peerChallenge, authenticatorChallenge, userName);
}

MsChapV2::AuthenticatorResponse
MsChapV2::GenerateAuthenticatorResponse(const PasswordHash& passwordHash,
                                        const NtResponse& ntResponse,
                                        const Challenge& peerChallenge,
                                        const Challenge& authenticatorChallenge,
                                        const std::string& userName)
{
    NS_LOG_FUNCTION(userName);
    const PasswordHash passwordHashHash = HashNtPasswordHash(passwordHash);
    Sha1 sha1;
    sha1.Update(passwordHashHash.data(), passwordHashHash.size());
    sha1.Update(ntResponse.data(), ntResponse.size());
    sha1.Update(reinterpret_cast<const uint8_t*>(AUTH_MAGIC1), sizeof(AUTH_MAGIC1) - 1);
    const Sha1::Digest first = sha1.Finish();

    const ChallengeDigest challenge
        = ChallengeHash(peerChallenge, authenticatorChallenge, userName);
    sha1.Update(first.data(), first.size());
    sha1.Update(challenge.data(), challenge.size());
    sha1.Update(reinterpret_cast<const uint8_t*>(AUTH_MAGIC2), sizeof(AUTH_MAGIC2) - 1);
    return sha1.Finish();
}

std::string
MsChapV2::FormatAuthenticatorResponse(const AuthenticatorResponse& response)
{
    MsChapV2Success success;
    success.authenticatorResponse = response;
    success.hasMessage = false;
    return success.Format();
}

bool
MsChapV2::ParseAuthenticatorResponse(const std::string& text, AuthenticatorResponse& response)
{
    // The bare "S=<auth_string>" form of a Success message, nothing after it.
    MsChapV2Success success;
    if (success.Parse(text) != WireError::NONE || success.hasMessage)
    {
        return false;
    }
    response = success.authenticatorResponse;
    return true;
}

bool
MsChapV2::CheckAuthenticatorResponse(const std::string& password,
                                     const NtResponse& ntResponse,
                                     const Challenge& peerChallenge,
                                     const Challenge& authenticatorChallenge,
                                     const std::string& userName,
                                     const AuthenticatorResponse& received)
{
    const AuthenticatorResponse expected = GenerateAuthenticatorResponse(
        password, ntResponse, peerChallenge, authenticatorChallenge, userName);
    uint8_t difference = 0;
    for (std::size_t i = 0; i < expected.size(); ++i)
    {
        difference |= expected[i] ^ received[i];
    }
    NS_LOG_LOGIC("authenticator response " << (difference == 0 ? "matches" : "does not match"));
    return difference == 0;
}

bool
MsChapV2::CheckAuthenticatorResponse(const std::string& password,
                                     const NtResponse& ntResponse,
                                     const Challenge& peerChallenge,
                                     const Challenge& authenticatorChallenge,
                                     const std::string& userName,
                                     const std::string& received)
{
    AuthenticatorResponse digest;
    if (!ParseAuthenticatorResponse(received, digest))
    {
        NS_LOG_LOGIC("malformed authenticator response text");
        return false;
    }
    return CheckAuthenticatorResponse(
        password, ntResponse, peerChallenge, authenticatorChallenge, userName, digest);
}

} // namespace ns3
