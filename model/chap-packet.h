/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef CHAP_PACKET_H
#define CHAP_PACKET_H

#include "pptp-wire-error.h"

#include "ns3/header.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief A PPP Challenge-Handshake Authentication Protocol packet (protocol 0xC223),
 * \RFC{1994} s.4.
 *
 * Code, Identifier and Length, then for a Challenge or Response the
 * Value-Size / Value / Name fields, and for a Success or Failure the Message
 * (the rest of the packet). The same format carries CHAP with MD5 and
 * MS-CHAPv2 (\RFC{2759}: a 16-octet Challenge value, a 49-octet Response value
 * laid out by MsChapV2ResponseValue, Success and Failure messages parsed by
 * MsChapV2Success and MsChapV2Failure).
 *
 * The decoder is strict: an unknown code is UNKNOWN_TYPE; Length below the
 * header, a Challenge or Response without Value-Size, a Value-Size of 0
 * (\RFC{1994}: the Value is one or more octets) or one that overruns Length
 * are BAD_LENGTH; Length beyond the octets present is TRUNCATED. Octets after
 * Length are data-link padding: they are not consumed. The Name may be empty
 * (MS-CHAPv2 allows a name of 0 characters).
 */
class ChapPacket : public Header
{
  public:
    /** \brief CHAP codes (\RFC{1994} s.4). */
    enum Code : uint8_t
    {
        CHALLENGE = 1, //!< authenticator -> peer: Value and Name
        RESPONSE = 2,  //!< peer -> authenticator: Value and Name
        SUCCESS = 3,   //!< authenticator -> peer: Message
        FAILURE = 4,   //!< authenticator -> peer: Message
    };

    /// Octets of Code, Identifier and Length.
    static constexpr uint16_t HEADER_SIZE = 4;
    /// The largest Value a one-octet Value-Size can describe.
    static constexpr uint16_t MAX_VALUE_SIZE = 255;

    /**
     * \brief The name of a CHAP code, e.g. "Challenge".
     * \param code the code octet (any value)
     * \return a static string; "Unknown" for codes \RFC{1994} does not define
     */
    static const char* CodeName(uint8_t code);

    /** \brief A Challenge with identifier 0, a one-octet zero Value and an empty Name. */
    ChapPacket();

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    uint32_t GetSerializedSize() const override;
    void Serialize(Buffer::Iterator start) const override;
    /**
     * \brief Decode a CHAP packet.
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
     * \brief Set the Value of a Challenge or Response.
     * \param value 1 to 255 octets
     */
    void SetValue(const std::vector<uint8_t>& value);
    /**
     * \brief Set the Value of a Challenge or Response.
     * \param value the first octet
     * \param size 1 to 255
     */
    void SetValue(const uint8_t* value, std::size_t size);
    /**
     * \brief Get the Value of a Challenge or Response.
     * \return the octets of the Value
     */
    const std::vector<uint8_t>& GetValue() const;

    /**
     * \brief Set the Name of a Challenge or Response.
     * \param name the octets of the Name (at most 65535 - 5 - Value-Size)
     */
    void SetName(const std::string& name);
    /**
     * \brief Get the Name of a Challenge or Response.
     * \return the octets of the Name
     */
    const std::string& GetName() const;

    /**
     * \brief Set the Message of a Success or Failure.
     * \param message the octets of the Message (at most 65531)
     */
    void SetMessage(const std::string& message);
    /**
     * \brief Get the Message of a Success or Failure.
     * \return the octets of the Message
     */
    const std::string& GetMessage() const;

    /**
     * \brief The Length field: the packet size the current fields encode to.
     * \return HEADER_SIZE plus the data octets
     */
    uint16_t GetLength() const;

  private:
    /**
     * \brief Whether the current code carries Value-Size / Value / Name.
     * \return true for Challenge and Response
     */
    bool HasValue() const;

    uint8_t m_code;               //!< Code field
    uint8_t m_identifier;         //!< Identifier field
    std::vector<uint8_t> m_value; //!< Value (Challenge / Response)
    std::string m_name;           //!< Name (Challenge / Response)
    std::string m_message;        //!< Message (Success / Failure)
    uint16_t m_wireLength;        //!< Length field read by the last Deserialize()
    WireError m_error;            //!< result of the last Deserialize()
};

} // namespace ns3

#endif /* CHAP_PACKET_H */
