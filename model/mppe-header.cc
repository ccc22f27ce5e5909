/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mppe-header.h"

#include "pptp-wire-text.h"

#include "ns3/assert.h"
#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MppeHeader");

NS_OBJECT_ENSURE_REGISTERED(MppeHeader);

MppeHeader::MppeHeader()
    : m_flags(FLAG_ENCRYPTED)
    , m_count(0)
    , m_error(WireError::NONE)
{
}

TypeId
MppeHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::MppeHeader")
                            .SetParent<Header>()
                            .SetGroupName("Pptp")
                            .AddConstructor<MppeHeader>();
    return tid;
}

TypeId
MppeHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

uint32_t
MppeHeader::GetSerializedSize() const
{
    return SIZE;
}

void
MppeHeader::Serialize(Buffer::Iterator start) const
{
    start.WriteHtonU16(static_cast<uint16_t>(m_flags << 8 | m_count));
}

uint32_t
MppeHeader::Deserialize(Buffer::Iterator start)
{
    NS_LOG_FUNCTION(this);
    m_error = WireError::NONE;
    if (start.GetRemainingSize() < SIZE)
    {
        NS_LOG_LOGIC("MPPE: " << start.GetRemainingSize() << " octets, fewer than a header");
        m_error = WireError::TRUNCATED;
        return 0;
    }
    uint16_t word = start.ReadNtohU16();
    m_flags = static_cast<uint8_t>(word >> 8) & 0xf0;
    m_count = word & MAX_COHERENCY_COUNT;
    if ((m_flags & (FLAG_AT_FRONT | FLAG_COMPRESSED)) != 0 || (m_flags & FLAG_ENCRYPTED) == 0)
    {
        NS_LOG_LOGIC("MPPE: flags 0x" << std::hex << +m_flags << std::dec
                                      << " need MPPC (B or C set, or D clear)");
        m_error = WireError::BAD_FLAGS;
        return 0;
    }
    return SIZE;
}

void
MppeHeader::Print(std::ostream& os) const
{
    os << "MPPE flags=";
    pptp::PrintHexValue(os, m_flags, 2);
    os << " (";
    os << (IsFlushed() ? "A:flushed" : "a");
    os << ((m_flags & FLAG_AT_FRONT) != 0 ? " B:at-front" : " b");
    os << (IsCompressed() ? " C:compressed" : " c");
    os << (IsEncrypted() ? " D:encrypted" : " d:not-encrypted");
    os << ") coherency-count=" << m_count;
    if (m_error != WireError::NONE)
    {
        os << " malformed: " << m_error;
    }
}

WireError
MppeHeader::GetError() const
{
    return m_error;
}

void
MppeHeader::SetFlushed(bool flushed)
{
    m_flags = flushed ? (m_flags | FLAG_FLUSHED) : (m_flags & ~FLAG_FLUSHED);
}

bool
MppeHeader::IsFlushed() const
{
    return (m_flags & FLAG_FLUSHED) != 0;
}

void
MppeHeader::SetEncrypted(bool encrypted)
{
    m_flags = encrypted ? (m_flags | FLAG_ENCRYPTED) : (m_flags & ~FLAG_ENCRYPTED);
}

bool
MppeHeader::IsEncrypted() const
{
    return (m_flags & FLAG_ENCRYPTED) != 0;
}

void
MppeHeader::SetCompressed(bool compressed)
{
    m_flags = compressed ? (m_flags | FLAG_COMPRESSED) : (m_flags & ~FLAG_COMPRESSED);
}

bool
MppeHeader::IsCompressed() const
{
    return (m_flags & FLAG_COMPRESSED) != 0;
}

void
MppeHeader::SetCoherencyCount(uint16_t count)
{
    NS_ASSERT_MSG(count <= MAX_COHERENCY_COUNT,
                  "MppeHeader: coherency count " << count << " exceeds 12 bits");
    m_count = count & MAX_COHERENCY_COUNT;
}

uint16_t
MppeHeader::GetCoherencyCount() const
{
    return m_count;
}

uint8_t
MppeHeader::GetFlags() const
{
    return m_flags;
}

uint16_t
MppeHeader::NextCoherencyCount(uint16_t count)
{
    return (count + 1) & MAX_COHERENCY_COUNT;
}

uint16_t
MppeHeader::CoherencyCountDistance(uint16_t from, uint16_t to)
{
    return (to - from) & MAX_COHERENCY_COUNT;
}

} // namespace ns3
