/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MPPE_HEADER_H
#define MPPE_HEADER_H

#include "pptp-wire-error.h"

#include "ns3/header.h"

#include <cstdint>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief The two octets that start an MPPE datagram (PPP protocol 0x00FD), \RFC{3078} s.3.1.
 *
 * \verbatim
   |A|B|C|D|    Coherency Count    |   then the encrypted data
 \endverbatim
 *
 * A is the FLUSHED bit (the sender re-initialised its RC4 tables: in
 * stateless mode it is set on every packet), D the encrypted bit, and the
 * 12-bit coherency count rises by one per packet, wrapping from 4095 to 0.
 * The encrypted data (which begins with the inner PPP protocol) follows and
 * is not part of this header.
 *
 * B and C belong to MPPC (\RFC{2118}: packet at the front of the history,
 * packet compressed) and have no significance in MPPE. This module does not
 * implement MPPC, so the decoder accepts only what MPPE alone produces: B and
 * C clear, and D set, since without MPPC protocol 0x00FD carries encrypted
 * datagrams only (\RFC{3078} s.3; the Linux ppp_mppe receiver refuses the
 * same packets). Anything else is BAD_FLAGS; fewer than 2 octets TRUNCATED.
 */
class MppeHeader : public Header
{
  public:
    /// The PPP protocol number of MPPE datagrams.
    static constexpr uint16_t PROTOCOL = 0x00FD;
    /// Octets of the header.
    static constexpr uint32_t SIZE = 2;
    /// Bit A of the first octet: FLUSHED.
    static constexpr uint8_t FLAG_FLUSHED = 0x80;
    /// Bit B of the first octet (MPPC: packet at the front of the history buffer).
    static constexpr uint8_t FLAG_AT_FRONT = 0x40;
    /// Bit C of the first octet (MPPC: compressed).
    static constexpr uint8_t FLAG_COMPRESSED = 0x20;
    /// Bit D of the first octet: encrypted.
    static constexpr uint8_t FLAG_ENCRYPTED = 0x10;
    /// The largest coherency count; the count after it is 0.
    static constexpr uint16_t MAX_COHERENCY_COUNT = 0x0FFF;

    /** \brief An encrypted, not flushed header with coherency count 0. */
    MppeHeader();

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    uint32_t GetSerializedSize() const override;
    void Serialize(Buffer::Iterator start) const override;
    /**
     * \brief Decode the two header octets.
     * \param start the first octet after the PPP protocol field
     * \return 2 on success, 0 on malformed input (see GetError())
     */
    uint32_t Deserialize(Buffer::Iterator start) override;
    void Print(std::ostream& os) const override;

    /**
     * \brief Why the last Deserialize() refused its input.
     * \return WireError::NONE after a successful decode (and before any)
     */
    WireError GetError() const;

    /**
     * \brief Set bit A (FLUSHED).
     * \param flushed whether the sender re-initialised its RC4 tables before this packet
     */
    void SetFlushed(bool flushed);
    /**
     * \brief Get bit A (FLUSHED).
     * \return whether the receiver must re-initialise its tables before decrypting
     */
    bool IsFlushed() const;

    /**
     * \brief Set bit D.
     * \param encrypted whether the payload is encrypted
     */
    void SetEncrypted(bool encrypted);
    /**
     * \brief Get bit D.
     * \return whether the payload is encrypted
     */
    bool IsEncrypted() const;

    /**
     * \brief Set bit C (MPPC only: this module's decoder refuses it).
     * \param compressed whether the payload is MPPC-compressed
     */
    void SetCompressed(bool compressed);
    /**
     * \brief Get bit C.
     * \return whether the payload is MPPC-compressed
     */
    bool IsCompressed() const;

    /**
     * \brief Set the coherency count.
     * \param count 0 to 4095
     */
    void SetCoherencyCount(uint16_t count);
    /**
     * \brief Get the coherency count.
     * \return 0 to 4095
     */
    uint16_t GetCoherencyCount() const;

    /**
     * \brief Get the four flag bits A B C D as they sit in the first octet.
     * \return the first octet with the count's high nibble cleared
     */
    uint8_t GetFlags() const;

    /**
     * \brief The coherency count that follows another, wrapping from 4095 to 0.
     * \param count 0 to 4095
     * \return (count + 1) mod 4096
     */
    static uint16_t NextCoherencyCount(uint16_t count);
    /**
     * \brief How many counts lie from one coherency count forward to another, modulo 4096.
     * \param from the expected count
     * \param to the received count
     * \return 0 when equal, 1 for the next packet, ..., 4095 for the previous one
     */
    static uint16_t CoherencyCountDistance(uint16_t from, uint16_t to);

  private:
    uint8_t m_flags;   //!< bits A B C D in the high nibble
    uint16_t m_count;  //!< coherency count, 12 bits
    WireError m_error; //!< result of the last Deserialize()
};

} // namespace ns3

#endif /* MPPE_HEADER_H */
