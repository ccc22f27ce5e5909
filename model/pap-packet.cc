/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pap-packet.h"

#include "ppp-packet-head.h"
#include "pptp-wire-text.h"

#include "ns3/assert.h"
#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PapPacket");

NS_OBJECT_ENSURE_REGISTERED(PapPacket);

namespace
{

/// The largest field a one-octet length can describe.
constexpr std::size_t MAX_FIELD = 255;

/**
 * \brief Write a one-octet length and the octets of a field.
 * \param i the iterator
 * \param text the field
 */
void
WriteField(Buffer::Iterator& i, const std::string& text)
{
    i.WriteU8(static_cast<uint8_t>(text.size()));
    i.Write(reinterpret_cast<const uint8_t*>(text.data()), static_cast<uint32_t>(text.size()));
}

} // namespace

const char*
PapPacket::CodeName(uint8_t code)
{
    switch (code)
    {
        case AUTHENTICATE_REQUEST:
            return "Authenticate-Request";
        case AUTHENTICATE_ACK:
            return "Authenticate-Ack";
        case AUTHENTICATE_NAK:
            return "Authenticate-Nak";
    }
    return "Unknown";
}

PapPacket::PapPacket()
    : m_code(AUTHENTICATE_REQUEST)
    , m_identifier(0)
    , m_wireLength(0)
    , m_error(WireError::NONE)
{
}

TypeId
PapPacket::GetTypeId()
{
    static TypeId tid = TypeId("ns3::PapPacket")
                            .SetParent<Header>()
                            .SetGroupName("Pptp")
                            .AddConstructor<PapPacket>();
    return tid;
}

TypeId
PapPacket::GetInstanceTypeId() const
{
    return GetTypeId();
}

uint16_t
PapPacket::GetLength() const
{
    if (m_code == AUTHENTICATE_REQUEST)
    {
        return static_cast<uint16_t>(HEADER_SIZE + 2 + m_peerId.size() + m_password.size());
    }
    return static_cast<uint16_t>(HEADER_SIZE + 1 + m_message.size());
}

uint32_t
PapPacket::GetSerializedSize() const
{
    return GetLength();
}

void
PapPacket::Serialize(Buffer::Iterator start) const
{
    Buffer::Iterator i = start;
    i.WriteU8(m_code);
    i.WriteU8(m_identifier);
    i.WriteHtonU16(GetLength());
    if (m_code == AUTHENTICATE_REQUEST)
    {
        WriteField(i, m_peerId);
        WriteField(i, m_password);
    }
    else
    {
        WriteField(i, m_message);
    }
}

uint32_t
PapPacket::Deserialize(Buffer::Iterator start)
{
    NS_LOG_FUNCTION(this);
    Buffer::Iterator i = start;
    m_error = WireError::NONE;
    m_wireLength = 0;
    const uint32_t available = i.GetRemainingSize();
    PppPacketHead head;
    WireError error = head.Read(i);
    m_code = head.code;
    m_identifier = head.identifier;
    m_wireLength = head.length;
    if (error != WireError::NONE)
    {
        NS_LOG_LOGIC("PAP: " << error << ", Length " << m_wireLength << ", " << available
                             << " octets");
        m_error = error;
        return 0;
    }
    if (m_code != AUTHENTICATE_REQUEST && m_code != AUTHENTICATE_ACK && m_code != AUTHENTICATE_NAK)
    {
        NS_LOG_LOGIC("PAP: unknown code " << +m_code);
        m_error = WireError::UNKNOWN_TYPE;
        return 0;
    }
    // Octets of the packet left after the header, bounded by Length.
    uint32_t left = m_wireLength - HEADER_SIZE;
    if (m_code == AUTHENTICATE_REQUEST)
    {
        if (left < 1)
        {
            m_error = WireError::BAD_LENGTH;
            return 0;
        }
        uint8_t peerIdLength = i.ReadU8();
        left -= 1;
        if (peerIdLength + 1U > left)
        {
            NS_LOG_LOGIC("PAP: Peer-ID-Length " << +peerIdLength << " overruns Length");
            m_error = WireError::BAD_LENGTH;
            return 0;
        }
        pptp::ReadText(i, peerIdLength, m_peerId);
        left -= peerIdLength;
        uint8_t passwordLength = i.ReadU8();
        left -= 1;
        if (passwordLength != left)
        {
            NS_LOG_LOGIC("PAP: Passwd-Length " << +passwordLength << " but " << left
                                               << " octets left in Length");
            m_error = WireError::BAD_LENGTH;
            return 0;
        }
        pptp::ReadText(i, passwordLength, m_password);
        m_message.clear();
    }
    else
    {
        if (left < 1)
        {
            m_error = WireError::BAD_LENGTH;
            return 0;
        }
        uint8_t messageLength = i.ReadU8();
        left -= 1;
        if (messageLength != left)
        {
            NS_LOG_LOGIC("PAP: Msg-Length " << +messageLength << " but " << left
                                            << " octets left in Length");
            m_error = WireError::BAD_LENGTH;
            return 0;
        }
        pptp::ReadText(i, messageLength, m_message);
        m_peerId.clear();
        m_password.clear();
    }
    return m_wireLength;
}

void
PapPacket::Print(std::ostream& os) const
{
    os << "PAP " << CodeName(m_code) << " (" << +m_code << ") id=" << +m_identifier;
    if (m_error != WireError::NONE)
    {
        os << " length=" << m_wireLength << " malformed: " << m_error;
        return;
    }
    os << " length=" << GetLength();
    if (m_code == AUTHENTICATE_REQUEST)
    {
        os << " peer-id=";
        pptp::PrintQuoted(os, m_peerId);
        os << " password=";
        pptp::PrintQuoted(os, m_password);
    }
    else
    {
        os << " message=";
        pptp::PrintQuoted(os, m_message);
    }
}

WireError
PapPacket::GetError() const
{
    return m_error;
}

void
PapPacket::SetCode(Code code)
{
    NS_ASSERT_MSG(code == AUTHENTICATE_REQUEST || code == AUTHENTICATE_ACK
                      || code == AUTHENTICATE_NAK,
                  "PapPacket: unknown code " << +code);
    m_code = code;
}

uint8_t
PapPacket::GetCode() const
{
    return m_code;
}

void
PapPacket::SetIdentifier(uint8_t identifier)
{
    m_identifier = identifier;
}

uint8_t
PapPacket::GetIdentifier() const
{
    return m_identifier;
}

void
PapPacket::SetPeerId(const std::string& peerId)
{
    NS_ASSERT_MSG(peerId.size() <= MAX_FIELD, "PapPacket: Peer-ID longer than 255 octets");
    m_peerId = peerId;
}

const std::string&
PapPacket::GetPeerId() const
{
    return m_peerId;
}

void
PapPacket::SetPassword(const std::string& password)
{
    NS_ASSERT_MSG(password.size() <= MAX_FIELD, "PapPacket: Password longer than 255 octets");
    m_password = password;
}

const std::string&
PapPacket::GetPassword() const
{
    return m_password;
}

void
PapPacket::SetMessage(const std::string& message)
{
    NS_ASSERT_MSG(message.size() <= MAX_FIELD, "PapPacket: Message longer than 255 octets");
    m_message = message;
}

const std::string&
PapPacket::GetMessage() const
{
    return m_message;
}

} // namespace ns3
