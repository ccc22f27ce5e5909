/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "chap-packet.h"

#include "ppp-packet-head.h"
#include "pptp-wire-text.h"

#include "ns3/assert.h"
#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ChapPacket");

NS_OBJECT_ENSURE_REGISTERED(ChapPacket);

namespace
{

/// The largest Length field.
constexpr std::size_t MAX_LENGTH = 0xffff;

} // namespace

const char*
ChapPacket::CodeName(uint8_t code)
{
    switch (code)
    {
        case CHALLENGE:
            return "Challenge";
        case RESPONSE:
            return "Response";
        case SUCCESS:
            return "Success";
        case FAILURE:
            return "Failure";
    }
    return "Unknown";
}

ChapPacket::ChapPacket()
    : m_code(CHALLENGE)
    , m_identifier(0)
    , m_value(1, 0)
    , m_wireLength(0)
    , m_error(WireError::NONE)
{
}

TypeId
ChapPacket::GetTypeId()
{
    static TypeId tid = TypeId("ns3::ChapPacket")
                            .SetParent<Header>()
                            .SetGroupName("Pptp")
                            .AddConstructor<ChapPacket>();
    return tid;
}

TypeId
ChapPacket::GetInstanceTypeId() const
{
    return GetTypeId();
}

bool
ChapPacket::HasValue() const
{
    return m_code == CHALLENGE || m_code == RESPONSE;
}

uint16_t
ChapPacket::GetLength() const
{
    if (HasValue())
    {
        return static_cast<uint16_t>(HEADER_SIZE + 1 + m_value.size() + m_name.size());
    }
    return static_cast<uint16_t>(HEADER_SIZE + m_message.size());
}

uint32_t
ChapPacket::GetSerializedSize() const
{
    return GetLength();
}

void
ChapPacket::Serialize(Buffer::Iterator start) const
{
    Buffer::Iterator i = start;
    i.WriteU8(m_code);
    i.WriteU8(m_identifier);
    i.WriteHtonU16(GetLength());
    if (HasValue())
    {
        i.WriteU8(static_cast<uint8_t>(m_value.size()));
        i.Write(m_value.data(), static_cast<uint32_t>(m_value.size()));
        i.Write(reinterpret_cast<const uint8_t*>(m_name.data()),
                static_cast<uint32_t>(m_name.size()));
    }
    else
    {
        i.Write(reinterpret_cast<const uint8_t*>(m_message.data()),
                static_cast<uint32_t>(m_message.size()));
    }
}

uint32_t
ChapPacket::Deserialize(Buffer::Iterator start)
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
        NS_LOG_LOGIC("CHAP: " << error << ", Length " << m_wireLength << ", " << available
                              << " octets");
        m_error = error;
        return 0;
    }
    if (m_code < CHALLENGE || m_code > FAILURE)
    {
        NS_LOG_LOGIC("CHAP: unknown code " << +m_code);
        m_error = WireError::UNKNOWN_TYPE;
        return 0;
    }
    uint32_t left = m_wireLength - HEADER_SIZE;
    if (HasValue())
    {
        if (left < 1)
        {
            NS_LOG_LOGIC("CHAP: " << CodeName(m_code) << " without Value-Size");
            m_error = WireError::BAD_LENGTH;
            return 0;
        }
        uint8_t valueSize = i.ReadU8();
        left -= 1;
        if (valueSize == 0 || valueSize > left)
        {
            NS_LOG_LOGIC("CHAP: Value-Size " << +valueSize << " with " << left
                                             << " octets left in Length");
            m_error = WireError::BAD_LENGTH;
            return 0;
        }
        m_value.resize(valueSize);
        i.Read(m_value.data(), valueSize);
        pptp::ReadText(i, left - valueSize, m_name);
        m_message.clear();
    }
    else
    {
        pptp::ReadText(i, left, m_message);
        m_value.clear();
        m_name.clear();
    }
    return m_wireLength;
}

void
ChapPacket::Print(std::ostream& os) const
{
    os << "CHAP " << CodeName(m_code) << " (" << +m_code << ") id=" << +m_identifier;
    if (m_error != WireError::NONE)
    {
        os << " length=" << m_wireLength << " malformed: " << m_error;
        return;
    }
    os << " length=" << GetLength();
    if (HasValue())
    {
        os << " value-size=" << m_value.size() << " value=0x";
        pptp::PrintHex(os, m_value.data(), m_value.size());
        os << " name=";
        pptp::PrintQuoted(os, m_name);
    }
    else
    {
        os << " message=";
        pptp::PrintQuoted(os, m_message);
    }
}

WireError
ChapPacket::GetError() const
{
    return m_error;
}

void
ChapPacket::SetCode(Code code)
{
    NS_ASSERT_MSG(code >= CHALLENGE && code <= FAILURE, "ChapPacket: unknown code " << +code);
    m_code = code;
}

uint8_t
ChapPacket::GetCode() const
{
    return m_code;
}

void
ChapPacket::SetIdentifier(uint8_t identifier)
{
    m_identifier = identifier;
}

uint8_t
ChapPacket::GetIdentifier() const
{
    return m_identifier;
}

void
ChapPacket::SetValue(const std::vector<uint8_t>& value)
{
    SetValue(value.data(), value.size());
}

void
ChapPacket::SetValue(const uint8_t* value, std::size_t size)
{
    NS_ASSERT_MSG(size >= 1 && size <= MAX_VALUE_SIZE,
                  "ChapPacket: a Value has 1 to 255 octets, not " << size);
    NS_ASSERT_MSG(HEADER_SIZE + 1 + size + m_name.size() <= MAX_LENGTH,
                  "ChapPacket: Value and Name exceed the Length field");
    m_value.assign(value, value + size);
}

const std::vector<uint8_t>&
ChapPacket::GetValue() const
{
    return m_value;
}

void
ChapPacket::SetName(const std::string& name)
{
    NS_ASSERT_MSG(HEADER_SIZE + 1 + m_value.size() + name.size() <= MAX_LENGTH,
                  "ChapPacket: Value and Name exceed the Length field");
    m_name = name;
}

const std::string&
ChapPacket::GetName() const
{
    return m_name;
}

void
ChapPacket::SetMessage(const std::string& message)
{
    NS_ASSERT_MSG(HEADER_SIZE + message.size() <= MAX_LENGTH,
                  "ChapPacket: Message exceeds the Length field");
    m_message = message;
}

const std::string&
ChapPacket::GetMessage() const
{
    return m_message;
}

} // namespace ns3
