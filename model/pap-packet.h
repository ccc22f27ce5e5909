/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PAP_PACKET_H
#define PAP_PACKET_H

#include "pptp-wire-error.h"

#include "ns3/header.h"

#include <cstdint>
#include <string>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief A PPP Password Authentication Protocol packet (protocol 0xC023), \RFC{1334} s.2.2.
 *
 * Code, Identifier and Length, then for an Authenticate-Request the
 * Peer-ID-Length / Peer-ID / Passwd-Length / Password fields, and for an
 * Authenticate-Ack or Authenticate-Nak the Msg-Length / Message fields.
 *
 * The decoder is strict: the inner length octets must fill the Length
 * exactly (bytes inside Length that no field covers would not survive a
 * re-encoding, so they are refused as BAD_LENGTH). Octets after Length are
 * data-link padding (\RFC{1334} s.2.2): they are not consumed.
 */
class PapPacket : public Header
{
  public:
    /** \brief PAP codes (\RFC{1334} s.2.2). */
    enum Code : uint8_t
    {
        AUTHENTICATE_REQUEST = 1, //!< peer -> authenticator: Peer-ID and Password
        AUTHENTICATE_ACK = 2,     //!< authenticator -> peer: accepted, with a message
        AUTHENTICATE_NAK = 3,     //!< authenticator -> peer: refused, with a message
    };

    /// Octets of Code, Identifier and Length.
    static constexpr uint16_t HEADER_SIZE = 4;

    /**
     * \brief The name of a PAP code, e.g. "Authenticate-Request".
     * \param code the code octet (any value)
     * \return a static string; "Unknown" for codes \RFC{1334} does not define
     */
    static const char* CodeName(uint8_t code);

    /** \brief An Authenticate-Request with identifier 0 and empty Peer-ID and Password. */
    PapPacket();

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    uint32_t GetSerializedSize() const override;
    void Serialize(Buffer::Iterator start) const override;
    /**
     * \brief Decode a PAP packet.
     * \param start the first octet of the packet
     * \return the value of the Length field on success, 0 on malformed input (see GetError())
     */
    uint32_t Deserialize(Buffer::Iterator start) override;
    void Print(std::ostream& os) const override;

    /**
     * \brief Why the last Deserialize() refused its input.
     * \return WireError::NONE after a successful decode (and before any)
     */
    WireError GetError() const;

    /**
     * \brief Set the code; it selects which fields are encoded.
     * \param code the code
     */
    void SetCode(Code code);
    /**
     * \brief Get the code octet (after a failed decode it may be an unknown value).
     * \return the code
     */
    uint8_t GetCode() const;

    /**
     * \brief Set the identifier.
     * \param identifier the identifier
     */
    void SetIdentifier(uint8_t identifier);
    /**
     * \brief Get the identifier.
     * \return the identifier
     */
    uint8_t GetIdentifier() const;

    /**
     * \brief Set the Peer-ID of an Authenticate-Request.
     * \param peerId at most 255 octets
     */
    void SetPeerId(const std::string& peerId);
    /**
     * \brief Get the Peer-ID of an Authenticate-Request.
     * \return the octets of the Peer-ID
     */
    const std::string& GetPeerId() const;

    /**
     * \brief Set the Password of an Authenticate-Request.
     * \param password at most 255 octets
     */
    void SetPassword(const std::string& password);
    /**
     * \brief Get the Password of an Authenticate-Request.
     * \return the octets of the Password
     */
    const std::string& GetPassword() const;

    /**
     * \brief Set the Message of an Authenticate-Ack or Authenticate-Nak.
     * \param message at most 255 octets
     */
    void SetMessage(const std::string& message);
    /**
     * \brief Get the Message of an Authenticate-Ack or Authenticate-Nak.
     * \return the octets of the Message
     */
    const std::string& GetMessage() const;

    /**
     * \brief The Length field: the packet size the current fields encode to.
     * \return HEADER_SIZE plus the data octets
     */
    uint16_t GetLength() const;

  private:
    uint8_t m_code;         //!< Code field
    uint8_t m_identifier;   //!< Identifier field
    std::string m_peerId;   //!< Peer-ID (Authenticate-Request)
    std::string m_password; //!< Password (Authenticate-Request)
    std::string m_message;  //!< Message (Authenticate-Ack / -Nak)
    uint16_t m_wireLength;  //!< Length field read by the last Deserialize()
    WireError m_error;      //!< result of the last Deserialize()
};

} // namespace ns3

#endif /* PAP_PACKET_H */
