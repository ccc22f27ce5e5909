/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MSCHAPV2_DICTIONARY_ATTACK_H
#define MSCHAPV2_DICTIONARY_ATTACK_H

#include "mschapv2.h"

#include <cstdint>
#include <istream>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief What an eavesdropper needs from one MS-CHAPv2 authentication (\RFC{2759} s.4-5):
 * the Challenge, the Response and, when it was seen, the Success message's authenticator
 * response.
 */
struct MsChapV2Exchange
{
    std::string userName;                                    //!< Name of the Response
    MsChapV2::Challenge authenticatorChallenge{};            //!< Value of the Challenge
    MsChapV2::Challenge peerChallenge{};                     //!< Peer-Challenge of the Response
    MsChapV2::NtResponse ntResponse{};                       //!< NT-Response of the Response
    bool hasAuthenticatorResponse{false};                    //!< a Success message was seen
    MsChapV2::AuthenticatorResponse authenticatorResponse{}; //!< its S= value
};

/**
 * \ingroup pptp
 * \brief The outcome of MsChapV2DictionaryAttack::Run().
 */
struct MsChapV2AttackResult
{
    bool found{false};                     //!< a word produced the NT-Response
    std::string password;                  //!< that word (empty if none)
    uint64_t attempts{0};                  //!< words tried (up to and including the match)
    MsChapV2::PasswordHash passwordHash{}; //!< NtPasswordHash() of the word (if found)
    bool verifiable{false};                //!< the exchange holds an authenticator response
    bool verified{false}; //!< the word also reproduces the Success message's S= value
};

/**
 * \ingroup pptp
 * \brief The offline dictionary attack on a captured MS-CHAPv2 exchange.
 *
 * The NT-Response is ChallengeResponse(ChallengeHash(peer challenge, authenticator challenge,
 * user name), NtPasswordHash(password)) (\RFC{2759} s.8.1): every input but the password
 * crosses the wire in clear text, so each candidate word costs one MD4 and three DES
 * operations, with no further help from the server. The digest of ChallengeHash() is
 * computed once; each word is hashed and compared with model/mschapv2.h's functions.
 */
class MsChapV2DictionaryAttack
{
  public:
    /**
     * \brief An attack on one exchange.
     * \param exchange the captured exchange
     */
    explicit MsChapV2DictionaryAttack(const MsChapV2Exchange& exchange);

    /**
     * \brief The 8-octet challenge DES encrypts (ChallengeHash(), \RFC{2759} s.8.2).
     * \return the digest
     */
    const MsChapV2::ChallengeDigest& GetChallengeDigest() const;

    /**
     * \brief Whether a word produces the captured NT-Response.
     * \param word a candidate password (UTF-8)
     * \return true on a match
     */
    bool Test(const std::string& word) const;

    /**
     * \brief Whether a password reproduces the authenticator response of the Success message
     * (\RFC{2759} s.8.7): a second, independent confirmation.
     * \param password the password
     * \return false also when the exchange holds no authenticator response
     */
    bool Verify(const std::string& password) const;

    /**
     * \brief Tries the words in order until one matches.
     * \param words the candidates
     * \return the outcome
     */
    MsChapV2AttackResult Run(const std::vector<std::string>& words) const;

    /**
     * \brief Reads a word list: one word a line; a trailing carriage return is removed;
     * empty lines and lines starting with "#" are skipped.
     * \param in the stream
     * \return the words in order
     */
    static std::vector<std::string> ParseWordList(std::istream& in);

    /**
     * \brief Reads a word-list file (ParseWordList()).
     * \param path the file
     * \param words receives the words
     * \return false if the file cannot be opened
     */
    static bool ReadWordList(const std::string& path, std::vector<std::string>& words);

  private:
    MsChapV2Exchange m_exchange;          //!< the captured exchange
    MsChapV2::ChallengeDigest m_digest{}; //!< ChallengeHash() of it
};

} // namespace ns3

#endif /* MSCHAPV2_DICTIONARY_ATTACK_H */
