/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef CRYPTO_PRIMITIVES_H
#define CRYPTO_PRIMITIVES_H

#include <array>
#include <cstddef>
#include <cstdint>
#include <nettle/arcfour.h>
#include <nettle/md4.h>
#include <nettle/md5.h>
#include <nettle/sha1.h>

/**
 * \file
 * \ingroup pptp
 * Thin wrappers over nettle's MD4, MD5, SHA-1, DES and ARCFOUR: the only
 * primitives MS-CHAPv2, CHAP-MD5 and MPPE need. No primitive is written here.
 */

namespace ns3
{

/**
 * \ingroup pptp
 * \brief Incremental MD4 (RFC 1320), as NtPasswordHash needs it (\RFC{2759} s.8.3).
 */
class Md4
{
  public:
    static constexpr std::size_t DIGEST_LENGTH = 16;   //!< octets in a digest
    using Digest = std::array<uint8_t, DIGEST_LENGTH>; //!< an MD4 digest

    /** \brief Starts an empty message. */
    Md4();

    /**
     * \brief Appends octets to the message.
     * \param data the octets (may be null when length is 0)
     * \param length how many
     */
    void Update(const uint8_t* data, std::size_t length);

    /**
     * \brief Finishes the message and starts a new, empty one.
     * \return the digest of everything appended since the last Finish()
     */
    Digest Finish();

    /**
     * \brief One-shot digest.
     * \param data the octets
     * \param length how many
     * \return MD4(data)
     */
    static Digest Hash(const uint8_t* data, std::size_t length);

  private:
    md4_ctx m_ctx; //!< nettle state
};

/**
 * \ingroup pptp
 * \brief Incremental MD5 (RFC 1321), as CHAP-MD5 needs it (\RFC{1994} s.4.1).
 */
class Md5
{
  public:
    static constexpr std::size_t DIGEST_LENGTH = 16;   //!< octets in a digest
    using Digest = std::array<uint8_t, DIGEST_LENGTH>; //!< an MD5 digest

    /** \brief Starts an empty message. */
    Md5();

    /**
     * \brief Appends octets to the message.
     * \param data the octets (may be null when length is 0)
     * \param length how many
     */
    void Update(const uint8_t* data, std::size_t length);

    /**
     * \brief Finishes the message and starts a new, empty one.
     * \return the digest of everything appended since the last Finish()
     */
    Digest Finish();

    /**
     * \brief One-shot digest.
     * \param data the octets
     * \param length how many
     * \return MD5(data)
     */
    static Digest Hash(const uint8_t* data, std::size_t length);

  private:
    md5_ctx m_ctx; //!< nettle state
};

/**
 * \ingroup pptp
 * \brief Incremental SHA-1 (FIPS 180), for the multi-part hashes of \RFC{2759} s.8 and
 * \RFC{3079} s.3.4.
 */
class Sha1
{
  public:
    static constexpr std::size_t DIGEST_LENGTH = 20;   //!< octets in a digest
    using Digest = std::array<uint8_t, DIGEST_LENGTH>; //!< a SHA-1 digest

    /** \brief Starts an empty message. */
    Sha1();

    /**
     * \brief Appends octets to the message.
     * \param data the octets (may be null when length is 0)
     * \param length how many
     */
    void Update(const uint8_t* data, std::size_t length);

    /**
     * \brief Finishes the message and starts a new, empty one.
     * \return the digest of everything appended since the last Finish()
     */
    Digest Finish();

    /**
     * \brief One-shot digest.
     * \param data the octets
     * \param length how many
     * \return SHA-1(data)
     */
    static Digest Hash(const uint8_t* data, std::size_t length);

  private:
    sha1_ctx m_ctx; //!< nettle state
};

/**
 * \ingroup pptp
 * \brief Single-block DES encryption as MS-CHAP uses it (\RFC{2759} s.8.6).
 */
class Des
{
  public:
    static constexpr std::size_t BLOCK_LENGTH = 8;     //!< octets in a block and in a full key
    static constexpr std::size_t SHORT_KEY_LENGTH = 7; //!< octets in a key without parity bits
    using Block = std::array<uint8_t, BLOCK_LENGTH>;   //!< one block, or a full 8-octet key

    /**
     * \brief Spreads 56 key bits over 8 octets, 7 bits each in the high bits, and sets the low
     * bit of each octet to odd parity (\RFC{2759} s.8.6 and the example of s.9.3).
     * \param key7 7 octets
     * \return the 8-octet DES key
     */
    static Block ExpandKey(const uint8_t* key7);

    /**
     * \brief DesEncrypt() of \RFC{2759} s.8.6: encrypts one block with a 7-octet key.
     * \param clear 8 octets of clear text
     * \param key7 7 octets of key, expanded with ExpandKey()
     * \return 8 octets of cipher text
     */
    static Block Encrypt(const uint8_t* clear, const uint8_t* key7);

    /**
     * \brief DES-ECB encryption of one block with a full 8-octet key (parity bits ignored; weak
     * keys are used as they are, as MS-CHAP requires).
     * \param clear 8 octets of clear text
     * \param key8 8 octets of key
     * \return 8 octets of cipher text
     */
    static Block EncryptWithFullKey(const uint8_t* clear, const uint8_t* key8);
};

/**
 * \ingroup pptp
 * \brief RC4 (ARCFOUR) key stream state; copyable, so a state can be saved and restored.
 */
class Rc4
{
  public:
    static constexpr std::size_t MAX_KEY_LENGTH = 256; //!< longest key RC4 takes

    /** \brief An unkeyed state; SetKey() before Process(). */
    Rc4();

    /**
     * \brief A state keyed with the given key.
     * \param key the key octets
     * \param length 1 to 256
     */
    Rc4(const uint8_t* key, std::size_t length);

    /**
     * \brief (Re)initialises the tables with a key; the key stream starts again.
     * \param key the key octets
     * \param length 1 to 256
     */
    void SetKey(const uint8_t* key, std::size_t length);

    /**
     * \brief XORs the next key stream octets into the data; encrypts and decrypts alike.
     * \param in input octets
     * \param out output octets (may equal in)
     * \param length how many
     */
    void Process(const uint8_t* in, uint8_t* out, std::size_t length);

    /**
     * \brief Process() in place.
     * \param data the octets, replaced by their encryption
     * \param length how many
     */
    void Process(uint8_t* data, std::size_t length);

    /**
     * \brief Whether a key was set.
     * \return true after SetKey() or the keyed constructor
     */
    bool IsKeyed() const;

  private:
    arcfour_ctx m_ctx; //!< nettle state (permutation and the two indices)
    bool m_keyed;      //!< whether m_ctx was keyed
};

} // namespace ns3

#endif /* CRYPTO_PRIMITIVES_H */
