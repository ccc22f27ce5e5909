/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MSCHAPV2_H
#define MSCHAPV2_H

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief The MS-CHAPv2 hash and response computations of \RFC{2759} s.8.
 *
 * Passwords are taken as UTF-8 (plain ASCII is UTF-8) and hashed as UTF-16LE, which is the
 * "unicode" of the RFC. User names are hashed as the octets given, after any "DOMAIN\"
 * prefix has been removed (s.8.2).
 */
class MsChapV2
{
  public:
    using Challenge = std::array<uint8_t, 16>;             //!< an authenticator or peer challenge
    using PasswordHash = std::array<uint8_t, 16>;          //!< an NT password hash (or its hash)
    using ChallengeDigest = std::array<uint8_t, 8>;        //!< ChallengeHash() output
    using NtResponse = std::array<uint8_t, 24>;            //!< the NT-Response of the Response
    using AuthenticatorResponse = std::array<uint8_t, 20>; //!< the digest behind "S=..."

    static constexpr std::size_t AUTHENTICATOR_RESPONSE_TEXT_LENGTH = 42; //!< "S=" + 40 hex

    /**
     * \brief The UTF-16LE form of a password, as NtPasswordHash() hashes it.
     *
     * Characters outside the BMP become surrogate pairs; an octet that is not part of a
     * valid UTF-8 sequence is taken as the Latin-1 character of the same value.
     * \param password the password as UTF-8
     * \return two octets per UTF-16 code unit, low octet first
     */
    static std::vector<uint8_t> PasswordToUnicode(const std::string& password);

    /**
     * \brief NtPasswordHash() (s.8.3): MD4 of the UTF-16LE password.
     * \param password the password as UTF-8
     * \return the 16-octet hash
     */
    static PasswordHash NtPasswordHash(const std::string& password);

    /**
     * \brief HashNtPasswordHash() (s.8.4): MD4 of the password hash.
     * \param passwordHash the NT password hash
     * \return the 16-octet PasswordHashHash
     */
    static PasswordHash HashNtPasswordHash(const PasswordHash& passwordHash);

    /**
     * \brief ChallengeHash() (s.8.2): the first 8 octets of SHA-1(peer challenge ||
     * authenticator challenge || user name).
     * \param peerChallenge the peer's 16-octet challenge
     * \param authenticatorChallenge the authenticator's 16-octet challenge
     * \param userName the user name; anything up to and including the last '\' is removed
     * \return the 8-octet challenge
     */
    static ChallengeDigest ChallengeHash(const Challenge& peerChallenge,
                                         const Challenge& authenticatorChallenge,
                                         const std::string& userName);

    /**
     * \brief ChallengeResponse() (s.8.5): the challenge DES-encrypted with each 7-octet third
     * of the password hash padded with zeros to 21 octets.
     * \param challenge the 8-octet challenge
     * \param passwordHash the NT password hash
     * \return the 24-octet response
     */
    static NtResponse ChallengeResponse(const ChallengeDigest& challenge,
                                        const PasswordHash& passwordHash);

    /**
     * \brief GenerateNTResponse() (s.8.1).
     * \param authenticatorChallenge the authenticator's challenge
     * \param peerChallenge the peer's challenge
     * \param userName the user name
     * \param password the password as UTF-8
     * \return the 24-octet NT-Response
     */
    static NtResponse GenerateNtResponse(const Challenge& authenticatorChallenge,
                                         const Challenge& peerChallenge,
                                         const std::string& userName,
                                         const std::string& password);

    /**
     * \brief GenerateNTResponse() (s.8.1) for an authenticator that stores the password hash.
     * \param authenticatorChallenge the authenticator's challenge
     * \param peerChallenge the peer's challenge
     * \param userName the user name
     * \param passwordHash NtPasswordHash() of the password
     * \return the 24-octet NT-Response
     */
    static NtResponse GenerateNtResponse(const Challenge& authenticatorChallenge,
                                         const Challenge& peerChallenge,
                                         const std::string& userName,
                                         const PasswordHash& passwordHash);

    /**
     * \brief GenerateAuthenticatorResponse() (s.8.7), as the 20-octet digest.
     * \param password the password as UTF-8
     * \param ntResponse the peer's NT-Response
     * \param peerChallenge the peer's challenge
     * \param authenticatorChallenge the authenticator's challenge
     * \param userName the user name
     * \return the digest; FormatAuthenticatorResponse() gives the "S=..." text
     */
    static AuthenticatorResponse GenerateAuthenticatorResponse(
        const std::string& password,
        const NtResponse& ntResponse,
        const Challenge& peerChallenge,
        const Challenge& authenticatorChallenge,
        const std::string& userName);

    /**
     * \brief GenerateAuthenticatorResponse() (s.8.7) from the password hash.
     * \param passwordHash NtPasswordHash() of the password
     * \param ntResponse the peer's NT-Response
     * \param peerChallenge the peer's challenge
     * \param authenticatorChallenge the authenticator's challenge
     * \param userName the user name
     * \return the digest
     */
    static AuthenticatorResponse GenerateAuthenticatorResponse(
        const PasswordHash& passwordHash,
        const NtResponse& ntResponse,
        const Challenge& peerChallenge,
        const Challenge& authenticatorChallenge,
        const std::string& userName);

    /**
     * \brief The 42-character text form: "S=" and 40 upper-case hex digits (s.8.7), the
     * bare form of MsChapV2Success::Format().
     * \param response the digest
     * \return the text
     */
    static std::string FormatAuthenticatorResponse(const AuthenticatorResponse& response);

    /**
     * \brief Reads the 42-character text form back (MsChapV2Success::Parse() of a Success
     * message without " M=").
     * \param text "S=" and exactly 40 hex digits (either case), nothing else
     * \param response receives the digest on success
     * \return false if the text does not have that form
     */
    static bool ParseAuthenticatorResponse(const std::string& text,
                                           AuthenticatorResponse& response);

    /**
     * \brief CheckAuthenticatorResponse() (s.8.8), comparing digests in constant time.
     * \param password the password as UTF-8
     * \param ntResponse the NT-Response the peer sent
     * \param peerChallenge the peer's challenge
     * \param authenticatorChallenge the authenticator's challenge
     * \param userName the user name
     * \param received the digest from the authenticator's Success message
     * \return true if the authenticator knew the password
     */
    static bool CheckAuthenticatorResponse(const std::string& password,
                                           const NtResponse& ntResponse,
                                           const Challenge& peerChallenge,
                                           const Challenge& authenticatorChallenge,
                                           const std::string& userName,
                                           const AuthenticatorResponse& received);

    /**
     * \brief CheckAuthenticatorResponse() (s.8.8) on the 42-character text.
     * \param password the password as UTF-8
     * \param ntResponse the NT-Response the peer sent
     * \param peerChallenge the peer's challenge
     * \param authenticatorChallenge the authenticator's challenge
     * \param userName the user name
     * \param received "S=" and 40 hex digits, as ParseAuthenticatorResponse() reads it
     * \return true if the text is well formed and matches
     */
    static bool CheckAuthenticatorResponse(const std::string& password,
                                           const NtResponse& ntResponse,
                                           const Challenge& peerChallenge,
                                           const Challenge& authenticatorChallenge,
                                           const std::string& userName,
                                           const std::string& received);
};

} // namespace ns3

#endif /* MSCHAPV2_H */
