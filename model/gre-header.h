/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef GRE_HEADER_H
#define GRE_HEADER_H

#include "pptp-wire-error.h"

#include "ns3/header.h"

#include <cstdint>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief The Enhanced GRE header that carries PPP frames of a PPTP call (\RFC{2637} s.4.1).
 *
 * \verbatim
    0                   1                   2                   3
    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
   |C|R|K|S|s|Recur|A| Flags | Ver |         Protocol Type         |
   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
   |    Key (HW) Payload Length    |       Key (LW) Call ID        |
   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
   |                  Sequence Number (Optional)                   |
   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
   |               Acknowledgment Number (Optional)                |
   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
   \endverbatim
 *
 * C, R, s, Recur and Flags are always zero, K is always one, Ver is 1 and the
 * protocol type is 0x880B; only S and A vary, so the header is 8, 12 or 16
 * bytes. The header records the payload length but does not own the payload:
 * the caller adds the PPP frame after it and checks the length against it.
 *
 * Decoding is strict: a version other than 1 gives WireError::BAD_VERSION, a
 * protocol other than 0x880B BAD_PROTOCOL, any of C/R/s/Recur/Flags set or K
 * clear BAD_FLAGS, a payload length other than 0 without S (an ack-only packet
 * has no payload) BAD_LENGTH, and fewer bytes than the flags announce TRUNCATED.
 */
class GreHeader : public Header
{
  public:
    /// The GRE protocol type of PPP (\RFC{2637} s.4.1).
    static constexpr uint16_t PROTOCOL_PPP = 0x880B;
    /// The version of Enhanced GRE.
    static constexpr uint8_t VERSION_ENHANCED = 1;
    /// Size of the header without sequence and acknowledgment numbers.
    static constexpr uint32_t BASE_SIZE = 8;
    /// Largest possible header (both optional numbers present).
    static constexpr uint32_t MAX_SIZE = 16;

    /**
     * \brief An ack-only header (no S, no A, payload length 0, Call ID 0).
     */
    GreHeader();

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    uint32_t GetSerializedSize() const override;
    void Serialize(Buffer::Iterator start) const override;
    /**
     * \brief Decode the header; strict (see the class description).
     * \param start where the header begins
     * \return the bytes consumed, or 0 with GetError() telling why
     */
    uint32_t Deserialize(Buffer::Iterator start) override;
    void Print(std::ostream& os) const override;

    /**
     * \brief The outcome of the last Deserialize().
     * \return WireError::NONE after a successful decode (and for a built header)
     */
    WireError GetError() const;

    /**
     * \brief Set the payload length (high half of the Key).
     * \param length size of the PPP frame after the header, in bytes
     */
    void SetPayloadLength(uint16_t length);
    /**
     * \brief Get the payload length (high half of the Key).
     * \return size of the PPP frame after the header, in bytes
     */
    uint16_t GetPayloadLength() const;

    /**
     * \brief Set the peer's Call ID (low half of the Key).
     * \param callId the Call ID the peer assigned to the call
     */
    void SetCallId(uint16_t callId);
    /**
     * \brief Get the Call ID (low half of the Key).
     * \return the Call ID
     */
    uint16_t GetCallId() const;

    /**
     * \brief Set the sequence number and the S bit.
     * \param sequence the sequence number of the payload
     */
    void SetSequenceNumber(uint32_t sequence);
    /**
     * \brief Clear the S bit (ack-only packet): no sequence number is sent.
     */
    void ClearSequenceNumber();
    /**
     * \brief Whether the S bit is set.
     * \return true when a sequence number is present
     */
    bool HasSequenceNumber() const;
    /**
     * \brief Get the sequence number.
     * \return the sequence number; 0 when HasSequenceNumber() is false
     */
    uint32_t GetSequenceNumber() const;

    /**
     * \brief Set the acknowledgment number and the A bit.
     * \param ack the highest sequence number received from the peer
     */
    void SetAcknowledgment(uint32_t ack);
    /**
     * \brief Clear the A bit: no acknowledgment number is sent.
     */
    void ClearAcknowledgment();
    /**
     * \brief Whether the A bit is set.
     * \return true when an acknowledgment number is present
     */
    bool HasAcknowledgment() const;
    /**
     * \brief Get the acknowledgment number.
     * \return the acknowledgment number; 0 when HasAcknowledgment() is false
     */
    uint32_t GetAcknowledgment() const;

  private:
    uint16_t m_payloadLength; //!< high half of the Key
    uint16_t m_callId;        //!< low half of the Key
    bool m_hasSequence;       //!< S bit
    bool m_hasAck;            //!< A bit
    uint32_t m_sequence;      //!< sequence number (valid if m_hasSequence)
    uint32_t m_ack;           //!< acknowledgment number (valid if m_hasAck)
    WireError m_error;        //!< outcome of the last Deserialize()
};

} // namespace ns3

#endif /* GRE_HEADER_H */
