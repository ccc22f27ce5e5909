/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ppp-frame-header.h"

#include "pptp-wire-text.h"

#include "ns3/assert.h"
#include "ns3/log.h"

#include <ios>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PppFrameHeader");

NS_OBJECT_ENSURE_REGISTERED(PppFrameHeader);

const char*
PppProtocolName(uint16_t protocol)
{
    switch (protocol)
    {
        case PppProtocol::PADDING:
            return "Padding";
        case PppProtocol::IPV4:
            return "IPv4";
        case PppProtocol::VJ_COMPRESSED_TCP:
            return "VJ-Compressed-TCP";
        case PppProtocol::VJ_UNCOMPRESSED_TCP:
            return "VJ-Uncompressed-TCP";
        case PppProtocol::IPV6:
            return "IPv6";
        case PppProtocol::COMPRESSED_DATAGRAM:
            return "Compressed-Datagram";
        case PppProtocol::IPCP:
            return "IPCP";
        case PppProtocol::IPV6CP:
            return "IPV6CP";
        case PppProtocol::CCP:
            return "CCP";
        case PppProtocol::LCP:
            return "LCP";
        case PppProtocol::PAP:
            return "PAP";
        case PppProtocol::LQR:
            return "LQR";
        case PppProtocol::CHAP:
            return "CHAP";
        case PppProtocol::EAP:
            return "EAP";
    }
    return "unknown";
}

bool
IsValidPppProtocol(uint16_t protocol)
{
    return (protocol & 0x0001) != 0 && (protocol & 0x0100) == 0;
}

PppFrameHeader::PppFrameHeader()
    : PppFrameHeader(PppProtocol::IPV4)
{
}

PppFrameHeader::PppFrameHeader(uint16_t protocol)
    : m_protocol(protocol)
    , m_addressControl(true)
    , m_compressProtocol(false)
    , m_error(WireError::NONE)
{
    NS_ASSERT_MSG(IsValidPppProtocol(protocol), "invalid PPP protocol " << protocol);
}

TypeId
PppFrameHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::PppFrameHeader")
                            .SetParent<Header>()
                            .SetGroupName("Pptp")
                            .AddConstructor<PppFrameHeader>();
    return tid;
}

TypeId
PppFrameHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

uint32_t
PppFrameHeader::GetSerializedSize() const
{
    return (m_addressControl ? 2 : 0) + (IsProtocolCompressed() ? 1 : 2);
}

void
PppFrameHeader::Serialize(Buffer::Iterator start) const
{
    if (m_addressControl)
    {
        start.WriteU8(ADDRESS);
        start.WriteU8(CONTROL);
    }
    if (IsProtocolCompressed())
    {
        start.WriteU8(static_cast<uint8_t>(m_protocol));
    }
    else
    {
        start.WriteHtonU16(m_protocol);
    }
}

uint32_t
PppFrameHeader::Deserialize(Buffer::Iterator start)
{
    NS_LOG_FUNCTION(this);
    uint32_t remaining = start.GetRemainingSize();
    if (remaining < 1)
    {
        m_error = WireError::TRUNCATED;
        return 0;
    }
    uint8_t octet = start.ReadU8();
    uint32_t consumed = 1;
    bool addressControl = false;
    if (octet == ADDRESS)
    {
        if (remaining < 2)
        {
            m_error = WireError::TRUNCATED;
            return 0;
        }
        if (start.ReadU8() != CONTROL)
        {
            m_error = WireError::BAD_VALUE;
            NS_LOG_LOGIC("PPP Address 0xff without Control 0x03");
            return 0;
        }
        addressControl = true;
        if (remaining < 3)
        {
            m_error = WireError::TRUNCATED;
            return 0;
        }
        octet = start.ReadU8();
        consumed = 3;
    }
    uint16_t protocol = octet;
    bool compressed = (octet & 0x01) != 0;
    if (!compressed)
    {
        if (remaining < consumed + 1)
        {
            m_error = WireError::TRUNCATED;
            return 0;
        }
        protocol = static_cast<uint16_t>((octet << 8) | start.ReadU8());
        ++consumed;
        if (!IsValidPppProtocol(protocol))
        {
            m_error = WireError::BAD_PROTOCOL;
            NS_LOG_LOGIC("invalid PPP protocol 0x" << std::hex << protocol);
            return 0;
        }
    }
    m_protocol = protocol;
    m_addressControl = addressControl;
    m_compressProtocol = compressed;
    m_error = WireError::NONE;
    return consumed;
}

void
PppFrameHeader::Print(std::ostream& os) const
{
    os << "PPP";
    if (m_addressControl)
    {
        os << " address=0xff control=0x03";
    }
    else
    {
        os << " (ACFC)";
    }
    os << " protocol=";
    pptp::PrintHexValue(os, m_protocol, 4);
    os << "(" << PppProtocolName(m_protocol) << ")";
    if (IsProtocolCompressed())
    {
        os << " (PFC)";
    }
    if (m_error != WireError::NONE)
    {
        os << " error=" << m_error;
    }
}

WireError
PppFrameHeader::GetError() const
{
    return m_error;
}

void
PppFrameHeader::SetProtocol(uint16_t protocol)
{
    NS_ASSERT_MSG(IsValidPppProtocol(protocol), "invalid PPP protocol " << protocol);
    m_protocol = protocol;
}

uint16_t
PppFrameHeader::GetProtocol() const
{
    return m_protocol;
}

void
PppFrameHeader::SetAddressControl(bool present)
{
    m_addressControl = present;
}

bool
PppFrameHeader::HasAddressControl() const
{
    return m_addressControl;
}

void
PppFrameHeader::SetProtocolCompression(bool compress)
{
    m_compressProtocol = compress;
}

bool
PppFrameHeader::IsProtocolCompressed() const
{
    return m_compressProtocol && m_protocol < 0x100;
}

} // namespace ns3
