/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "gre-header.h"

#include "ns3/log.h"

#include <ios>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("GreHeader");

NS_OBJECT_ENSURE_REGISTERED(GreHeader);

namespace
{
// First octet: C R K S s Recur; second octet: A Flags(4) Ver(3).
constexpr uint8_t FLAG_C = 0x80;
constexpr uint8_t FLAG_R = 0x40;
constexpr uint8_t FLAG_K = 0x20;
constexpr uint8_t FLAG_S = 0x10;
constexpr uint8_t FLAG_SSR = 0x08;
constexpr uint8_t RECUR_MASK = 0x07;
constexpr uint8_t FLAG_A = 0x80;
constexpr uint8_t FLAGS_MASK = 0x78;
constexpr uint8_t VERSION_MASK = 0x07;
} // namespace

GreHeader::GreHeader()
    : m_payloadLength(0)
    , m_callId(0)
    , m_hasSequence(false)
    , m_hasAck(false)
    , m_sequence(0)
    , m_ack(0)
    , m_error(WireError::NONE)
{
}

TypeId
GreHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::GreHeader")
                            .SetParent<Header>()
                            .SetGroupName("Pptp")
                            .AddConstructor<GreHeader>();
    return tid;
}

TypeId
GreHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

uint32_t
GreHeader::GetSerializedSize() const
{
    return BASE_SIZE + (m_hasSequence ? 4 : 0) + (m_hasAck ? 4 : 0);
}

void
GreHeader::Serialize(Buffer::Iterator start) const
{
    start.WriteU8(FLAG_K | (m_hasSequence ? FLAG_S : 0));
    start.WriteU8((m_hasAck ? FLAG_A : 0) | VERSION_ENHANCED);
    start.WriteHtonU16(PROTOCOL_PPP);
    start.WriteHtonU16(m_payloadLength);
    start.WriteHtonU16(m_callId);
    if (m_hasSequence)
    {
        start.WriteHtonU32(m_sequence);
    }
    if (m_hasAck)
    {
        start.WriteHtonU32(m_ack);
    }
}

uint32_t
GreHeader::Deserialize(Buffer::Iterator start)
{
    NS_LOG_FUNCTION(this);
    if (start.GetRemainingSize() < BASE_SIZE)
    {
        m_error = WireError::TRUNCATED;
        NS_LOG_LOGIC("GRE header truncated: " << start.GetRemainingSize() << " bytes");
        return 0;
    }
    uint8_t first = start.ReadU8();
    uint8_t second = start.ReadU8();
    uint16_t protocol = start.ReadNtohU16();
    uint16_t payloadLength = start.ReadNtohU16();
    uint16_t callId = start.ReadNtohU16();
    if ((second & VERSION_MASK) != VERSION_ENHANCED)
    {
        m_error = WireError::BAD_VERSION;
        NS_LOG_LOGIC("GRE version " << (second & VERSION_MASK) << " is not Enhanced GRE");
        return 0;
    }
    if (protocol != PROTOCOL_PPP)
    {
        m_error = WireError::BAD_PROTOCOL;
        NS_LOG_LOGIC("GRE protocol type 0x" << std::hex << protocol << std::dec << " is not PPP");
        return 0;
    }
    if ((first & (FLAG_C | FLAG_R | FLAG_SSR | RECUR_MASK)) != 0 || (first & FLAG_K) == 0
        || (second & FLAGS_MASK) != 0)
    {
        m_error = WireError::BAD_FLAGS;
        NS_LOG_LOGIC("GRE flags 0x" << std::hex << unsigned(first) << " 0x" << unsigned(second)
                                    << std::dec << " are not those of Enhanced GRE");
        return 0;
    }
    bool hasSequence = (first & FLAG_S) != 0;
    bool hasAck = (second & FLAG_A) != 0;
    if (!hasSequence && payloadLength != 0)
    {
        m_error = WireError::BAD_LENGTH;
        NS_LOG_LOGIC("GRE packet without S announces a payload of " << payloadLength);
        return 0;
    }
    uint32_t size = BASE_SIZE + (hasSequence ? 4 : 0) + (hasAck ? 4 : 0);
    if (start.GetRemainingSize() < size - BASE_SIZE)
    {
        m_error = WireError::TRUNCATED;
        NS_LOG_LOGIC("GRE header truncated before its sequence/ack numbers");
        return 0;
    }
    m_sequence = hasSequence ? start.ReadNtohU32() : 0;
    m_ack = hasAck ? start.ReadNtohU32() : 0;
    m_hasSequence = hasSequence;
    m_hasAck = hasAck;
    m_payloadLength = payloadLength;
    m_callId = callId;
    m_error = WireError::NONE;
    return size;
}

void
GreHeader::Print(std::ostream& os) const
{
    os << "GRE v1 flags=K" << (m_hasSequence ? "S" : "") << (m_hasAck ? "A" : "")
       << " protocol=0x880b(PPP) payloadLength=" << m_payloadLength << " callId=" << m_callId;
    if (m_hasSequence)
    {
        os << " seq=" << m_sequence;
    }
    if (m_hasAck)
    {
        os << " ack=" << m_ack;
    }
    if (m_error != WireError::NONE)
    {
        os << " error=" << m_error;
    }
}

WireError
GreHeader::GetError() const
{
    return m_error;
}

void
GreHeader::SetPayloadLength(uint16_t length)
{
    m_payloadLength = length;
}

uint16_t
GreHeader::GetPayloadLength() const
{
    return m_payloadLength;
}

void
GreHeader::SetCallId(uint16_t callId)
{
    m_callId = callId;
}

uint16_t
GreHeader::GetCallId() const
{
    return m_callId;
}

void
GreHeader::SetSequenceNumber(uint32_t sequence)
{
    m_hasSequence = true;
    m_sequence = sequence;
}

void
GreHeader::ClearSequenceNumber()
{
    m_hasSequence = false;
    m_sequence = 0;
}

bool
GreHeader::HasSequenceNumber() const
{
    return m_hasSequence;
}

uint32_t
GreHeader::GetSequenceNumber() const
{
    return m_sequence;
}

void
GreHeader::SetAcknowledgment(uint32_t ack)
{
    m_hasAck = true;
    m_ack = ack;
}

void
GreHeader::ClearAcknowledgment()
{
    m_hasAck = false;
    m_ack = 0;
}

bool
GreHeader::HasAcknowledgment() const
{
    return m_hasAck;
}

uint32_t
GreHeader::GetAcknowledgment() const
{
    return m_ack;
}

} // namespace ns3
