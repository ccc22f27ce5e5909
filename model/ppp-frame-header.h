/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPP_FRAME_HEADER_H
#define PPP_FRAME_HEADER_H

#include "pptp-wire-error.h"

#include "ns3/header.h"

#include <cstdint>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief PPP protocol field values used by the module (\RFC{1661} s.2, IANA PPP numbers).
 */
namespace PppProtocol
{
/**
 * \ingroup pptp
 * \brief PPP protocol numbers.
 */
enum Number : uint16_t
{
    PADDING = 0x0001,             //!< Padding Protocol
    IPV4 = 0x0021,                //!< Internet Protocol version 4
    VJ_COMPRESSED_TCP = 0x002D,   //!< Van Jacobson compressed TCP/IP (\RFC{1332})
    VJ_UNCOMPRESSED_TCP = 0x002F, //!< Van Jacobson uncompressed TCP/IP (\RFC{1332})
    IPV6 = 0x0057,                //!< Internet Protocol version 6
    COMPRESSED_DATAGRAM = 0x00FD, //!< compressed (MPPE/MPPC) datagram (\RFC{1962}, \RFC{3078})
    IPCP = 0x8021,                //!< IP Control Protocol (\RFC{1332})
    IPV6CP = 0x8057,              //!< IPv6 Control Protocol
    CCP = 0x80FD,                 //!< Compression Control Protocol (\RFC{1962})
    LCP = 0xC021,                 //!< Link Control Protocol (\RFC{1661})
    PAP = 0xC023,                 //!< Password Authentication Protocol (\RFC{1334})
    LQR = 0xC025,                 //!< Link Quality Report (\RFC{1989})
    CHAP = 0xC223,                //!< Challenge Handshake Authentication Protocol (\RFC{1994})
    EAP = 0xC227,                 //!< Extensible Authentication Protocol
};
} // namespace PppProtocol

/**
 * \ingroup pptp
 * \brief The name of a PPP protocol number, e.g. "LCP".
 * \param protocol the protocol field value
 * \return a static string; "unknown" for numbers without a name here
 */
const char* PppProtocolName(uint16_t protocol);

/**
 * \ingroup pptp
 * \brief Whether a value is a valid PPP protocol number (\RFC{1661} s.2).
 *
 * The least significant bit of the low octet is 1 and that of the high octet is 0.
 * \param protocol the value
 * \return true when valid
 */
bool IsValidPppProtocol(uint16_t protocol);

/**
 * \ingroup pptp
 * \brief The PPP frame header as carried in a PPTP GRE payload: optional
 * Address/Control and the Protocol field (\RFC{1661} s.2, \RFC{1662} s.3).
 *
 * There are no HDLC flags and no FCS in PPTP. The Address (0xFF) and Control
 * (0x03) octets are absent when Address-and-Control-Field-Compression is in
 * force, and a protocol below 0x100 is sent as one octet when
 * Protocol-Field-Compression is in force. The decoder detects both forms from
 * the bytes: a leading FF must be followed by 03 (else WireError::BAD_VALUE);
 * a first protocol octet that is odd is a one-octet protocol. A protocol
 * number whose low octet is even is WireError::BAD_PROTOCOL.
 */
class PppFrameHeader : public Header
{
  public:
    /// The Address octet (all-stations).
    static constexpr uint8_t ADDRESS = 0xFF;
    /// The Control octet (Unnumbered Information).
    static constexpr uint8_t CONTROL = 0x03;

    /**
     * \brief A header for IPv4 with Address/Control and a two-octet protocol.
     */
    PppFrameHeader();
    /**
     * \brief A header for the given protocol with Address/Control and a two-octet protocol.
     * \param protocol the protocol number (must be valid)
     */
    explicit PppFrameHeader(uint16_t protocol);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    uint32_t GetSerializedSize() const override;
    void Serialize(Buffer::Iterator start) const override;
    /**
     * \brief Decode the header, detecting Address/Control and a compressed protocol.
     * \param start where the frame begins
     * \return the bytes consumed (1 to 4), or 0 with GetError() telling why
     */
    uint32_t Deserialize(Buffer::Iterator start) override;
    void Print(std::ostream& os) const override;

    /**
     * \brief The outcome of the last Deserialize().
     * \return WireError::NONE after a successful decode (and for a built header)
     */
    WireError GetError() const;

    /**
     * \brief Set the protocol number.
     * \param protocol a valid PPP protocol number (asserted)
     */
    void SetProtocol(uint16_t protocol);
    /**
     * \brief Get the protocol number.
     * \return the protocol
     */
    uint16_t GetProtocol() const;

    /**
     * \brief Choose whether Address and Control are sent (false once ACFC is in force).
     *
     * \RFC{1661} s.6.6: LCP packets are always sent with Address and Control;
     * that is the caller's choice, not enforced here.
     * \param present true to send FF 03
     */
    void SetAddressControl(bool present);
    /**
     * \brief Whether Address and Control are sent / were received.
     * \return true when FF 03 is present
     */
    bool HasAddressControl() const;

    /**
     * \brief Choose whether a protocol below 0x100 is sent as one octet (PFC in force).
     * \param compress true to compress; has no effect on protocols of 0x100 and above
     */
    void SetProtocolCompression(bool compress);
    /**
     * \brief Whether the protocol field is (or was received) one octet long.
     * \return true when the Protocol field takes one octet
     */
    bool IsProtocolCompressed() const;

  private:
    uint16_t m_protocol;     //!< protocol number
    bool m_addressControl;   //!< FF 03 present
    bool m_compressProtocol; //!< PFC wanted (applies to protocols < 0x100)
    WireError m_error;       //!< outcome of the last Deserialize()
};

} // namespace ns3

#endif /* PPP_FRAME_HEADER_H */
