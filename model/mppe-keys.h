/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MPPE_KEYS_H
#define MPPE_KEYS_H

#include <array>
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief MPPE key strength (\RFC{3078} s.2, \RFC{3079} s.3).
 */
enum class MppeStrength : uint8_t
{
    BITS_40,  //!< 8-octet keys, first 3 octets fixed to D1 26 9E
    BITS_56,  //!< 8-octet keys, first octet fixed to D1
    BITS_128, //!< 16-octet keys
};

/**
 * \ingroup pptp
 * \brief The name of a strength.
 * \param strength the strength
 * \return "BITS_40", "BITS_56", "BITS_128" (or "UNKNOWN")
 */
const char* MppeStrengthName(MppeStrength strength);

/**
 * \ingroup pptp
 * \brief Prints MppeStrengthName().
 * \param os the stream
 * \param strength the strength
 * \return the stream
 */
std::ostream& operator<<(std::ostream& os, MppeStrength strength);

/**
 * \ingroup pptp
 * \brief Which end of the link a key is derived for (\RFC{3079} s.3.4 IsServer).
 */
enum class MppeSide : uint8_t
{
    CLIENT, //!< the peer that authenticated itself (the PNS side's PPP client)
    SERVER, //!< the authenticator
};

/**
 * \ingroup pptp
 * \brief Which direction a key protects, seen from its side (\RFC{3079} s.3.4 IsSend).
 */
enum class MppeDirection : uint8_t
{
    SEND,    //!< packets this side sends
    RECEIVE, //!< packets this side receives
};

/**
 * \ingroup pptp
 * \brief An MPPE key of 8 or 16 octets, held without heap allocation.
 */
class MppeKey
{
  public:
    static constexpr std::size_t MAX_LENGTH = 16; //!< longest MPPE key

    /** \brief An empty key (length 0). */
    MppeKey();

    /**
     * \brief A key holding a copy of the given octets.
     * \param data the octets
     * \param length at most MAX_LENGTH
     */
    MppeKey(const uint8_t* data, std::size_t length);

    /**
     * \brief The octets.
     * \return GetLength() octets
     */
    const uint8_t* GetData() const;

    /**
     * \brief The octets, writable.
     * \return GetLength() octets
     */
    uint8_t* GetData();

    /**
     * \brief The length.
     * \return octets in the key
     */
    std::size_t GetLength() const;

    /**
     * \brief One octet.
     * \param i index below GetLength()
     * \return the octet
     */
    uint8_t operator[](std::size_t i) const;

    /**
     * \brief Equal length and octets.
     * \param other the other key
     * \return whether they are equal
     */
    bool operator==(const MppeKey& other) const;

    /**
     * \brief Negation of operator==.
     * \param other the other key
     * \return whether they differ
     */
    bool operator!=(const MppeKey& other) const;

    /**
     * \brief Lower-case hex, for logs and test messages.
     * \return 2 * GetLength() hex digits
     */
    std::string ToHex() const;

  private:
    std::array<uint8_t, MAX_LENGTH> m_bytes; //!< the octets; only the first m_length count
    uint8_t m_length;                        //!< octets in use
};

/**
 * \ingroup pptp
 * \brief Prints MppeKey::ToHex().
 * \param os the stream
 * \param key the key
 * \return the stream
 */
std::ostream& operator<<(std::ostream& os, const MppeKey& key);

/**
 * \ingroup pptp
 * \brief The MPPE key derivation from MS-CHAPv2 credentials (\RFC{3079} s.3) and the key
 * change function (\RFC{3078} s.7.3).
 *
 * Mind the naming of \RFC{3079} s.3.5: what it calls the "SendStartKey" is derived with
 * IsSend = IsServer = TRUE, so it is the server's send key, which is the client's receive key.
 */
class MppeKeys
{
  public:
    static constexpr std::size_t MASTER_KEY_LENGTH = 16;      //!< octets in the master key
    using MasterKey = std::array<uint8_t, MASTER_KEY_LENGTH>; //!< a master key

    /**
     * \brief Key length of a strength.
     * \param strength the strength
     * \return 8 for 40 and 56 bits, 16 for 128 bits
     */
    static std::size_t KeyLength(MppeStrength strength);

    /**
     * \brief GetMasterKey() (\RFC{3079} s.3.4): the first 16 octets of
     * SHA-1(PasswordHashHash || NT-Response || Magic1).
     * \param passwordHashHash MsChapV2::HashNtPasswordHash() of the password hash
     * \param ntResponse the NT-Response of the MS-CHAPv2 Response
     * \return the master key
     */
    static MasterKey GetMasterKey(const std::array<uint8_t, 16>& passwordHashHash,
                                  const std::array<uint8_t, 24>& ntResponse);

    /**
     * \brief GetAsymmetricStartKey() (\RFC{3079} s.3.4): the first KeyLength() octets of
     * SHA-1(MasterKey || pad1 || Magic2 or Magic3 || pad2).
     * \param masterKey the master key
     * \param strength gives the key length
     * \param direction SEND or RECEIVE, from the side's point of view
     * \param side CLIENT or SERVER
     * \return the start ("master session") key of that direction
     */
    static MppeKey GetAsymmetricStartKey(const MasterKey& masterKey,
                                         MppeStrength strength,
                                         MppeDirection direction,
                                         MppeSide side);

    /**
     * \brief The whole chain from a password: NtPasswordHash, HashNtPasswordHash,
     * GetMasterKey, GetAsymmetricStartKey.
     * \param password the user's password as UTF-8
     * \param ntResponse the NT-Response of the MS-CHAPv2 Response
     * \param strength gives the key length
     * \param direction SEND or RECEIVE, from the side's point of view
     * \param side CLIENT or SERVER
     * \return the start key
     */
    static MppeKey GetStartKey(const std::string& password,
                               const std::array<uint8_t, 24>& ntResponse,
                               MppeStrength strength,
                               MppeDirection direction,
                               MppeSide side);

    /**
     * \brief GetNewKeyFromSHA() (\RFC{3078} s.7.3, \RFC{3079} s.3.4): the first n octets of
     * SHA-1(StartKey || pad1 || SessionKey || pad2), n the keys' length; no reduction.
     * \param startKey the start key
     * \param sessionKey the current session key (the start key itself for the first key)
     * \return the interim key
     */
    static MppeKey GetNewKeyFromSha(const MppeKey& startKey, const MppeKey& sessionKey);

    /**
     * \brief Reduces a key's effective strength in place: 40 bits sets octets 0 to 2 to
     * D1 26 9E, 56 bits sets octet 0 to D1, 128 bits leaves the key alone.
     * \param key the key, of KeyLength(strength) octets
     * \param strength the strength
     */
    static void ReduceKey(MppeKey& key, MppeStrength strength);

    /**
     * \brief The initial session key: ReduceKey(GetNewKeyFromSha(start, start)).
     * \param startKey the start key, of KeyLength(strength) octets
     * \param strength the strength
     * \return session key 0
     */
    static MppeKey GetInitialSessionKey(const MppeKey& startKey, MppeStrength strength);

    /**
     * \brief One key change (\RFC{3078} s.7.3): interim = GetNewKeyFromSha(start, current);
     * new = RC4 keyed with interim applied to interim; then ReduceKey().
     * \param startKey the start key
     * \param sessionKey the current session key
     * \param strength the strength
     * \return the next session key
     */
    static MppeKey GetNextSessionKey(const MppeKey& startKey,
                                     const MppeKey& sessionKey,
                                     MppeStrength strength);
};

} // namespace ns3

#endif /* MPPE_KEYS_H */
