/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ppp-option.h"

#include "ppp-frame-header.h"
#include "pptp-wire-text.h"

#include "ns3/assert.h"
#include "ns3/log.h"

#include <algorithm>
#include <ios>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PppOption");

namespace
{

/// The name of everything without a name; its address tells known from unknown types.
const char UNKNOWN_NAME[] = "unknown";

/**
 * Allowed Length octet range of an option type; false when the protocol does
 * not define the type.
 */
bool
LengthRange(uint16_t protocol, uint8_t type, uint8_t& minLength, uint8_t& maxLength)
{
    minLength = 2;
    maxLength = 255;
    if (!PppOption::IsKnownType(protocol, type))
    {
        return false;
    }
    auto exactly = [&](uint8_t length)
    {
        minLength = length;
        maxLength = length;
    };
    if (protocol == PppProtocol::LCP)
    {
        switch (type)
        {
            case PppOption::LCP_MRU:
            case PppOption::LCP_MRRU:
                exactly(4);
                break;
            case PppOption::LCP_ACCM:
            case PppOption::LCP_MAGIC_NUMBER:
                exactly(6);
                break;
            case PppOption::LCP_AUTHENTICATION_PROTOCOL:
            case PppOption::LCP_QUALITY_PROTOCOL:
                minLength = 4;
                break;
            case PppOption::LCP_PFC:
            case PppOption::LCP_ACFC:
            case PppOption::LCP_SHORT_SEQUENCE:
                exactly(2);
                break;
            case PppOption::LCP_CALLBACK:
            case PppOption::LCP_ENDPOINT_DISCRIMINATOR:
                minLength = 3;
                break;
            default:
                break;
        }
    }
    else if (protocol == PppProtocol::IPCP)
    {
        switch (type)
        {
            case PppOption::IPCP_IP_ADDRESSES:
                exactly(10);
                break;
            case PppOption::IPCP_IP_COMPRESSION_PROTOCOL:
                minLength = 4;
                break;
            default: // IP-Address, Mobile-IPv4, DNS and NBNS addresses
                exactly(6);
                break;
        }
    }
    else if (protocol == PppProtocol::CCP && type == PppOption::CCP_MPPE)
    {
        exactly(6);
    }
    return true;
}

} // namespace

PppOption::PppOption()
    : m_protocol(PppProtocol::LCP)
    , m_type(LCP_VENDOR_SPECIFIC)
    , m_dataSize(0)
    , m_status(WireError::NONE)
    , m_data{}
{
    Validate();
}

PppOption::PppOption(uint16_t protocol, uint8_t type, const uint8_t* data, uint8_t size)
    : m_protocol(protocol)
    , m_type(type)
    , m_dataSize(size)
    , m_status(WireError::NONE)
{
    NS_ASSERT_MSG(IsControlProtocol(protocol), "not a PPP control protocol: " << protocol);
    NS_ASSERT_MSG(size <= MAX_DATA_SIZE, "PPP option data too long: " << unsigned(size));
    NS_ASSERT_MSG(size == 0 || data != nullptr, "PPP option data missing");
    if (size > 0)
    {
        std::copy(data, data + size, m_data.begin());
    }
    Validate();
}

PppOption
PppOption::MakeMru(uint16_t mru)
{
    uint8_t data[2] = {static_cast<uint8_t>(mru >> 8), static_cast<uint8_t>(mru)};
    return PppOption(PppProtocol::LCP, LCP_MRU, data, 2);
}

PppOption
PppOption::MakeAccm(uint32_t accm)
{
    uint8_t data[4] = {static_cast<uint8_t>(accm >> 24),
                       static_cast<uint8_t>(accm >> 16),
                       static_cast<uint8_t>(accm >> 8),
                       static_cast<uint8_t>(accm)};
    return PppOption(PppProtocol::LCP, LCP_ACCM, data, 4);
}

PppOption
PppOption::MakeAuthenticationPap()
{
    uint8_t data[2] = {PppProtocol::PAP >> 8, PppProtocol::PAP & 0xff};
    return PppOption(PppProtocol::LCP, LCP_AUTHENTICATION_PROTOCOL, data, 2);
}

PppOption
PppOption::MakeAuthenticationChap(uint8_t algorithm)
{
    uint8_t data[3] = {PppProtocol::CHAP >> 8, PppProtocol::CHAP & 0xff, algorithm};
    return PppOption(PppProtocol::LCP, LCP_AUTHENTICATION_PROTOCOL, data, 3);
}

PppOption
PppOption::MakeQualityProtocol(uint16_t protocol, const uint8_t* data, uint8_t size)
{
    NS_ASSERT_MSG(size <= MAX_DATA_SIZE - 2, "Quality-Protocol data too long");
    PppOption option(PppProtocol::LCP, LCP_QUALITY_PROTOCOL, nullptr, 0);
    option.m_data[0] = static_cast<uint8_t>(protocol >> 8);
    option.m_data[1] = static_cast<uint8_t>(protocol);
    if (size > 0)
    {
        NS_ASSERT_MSG(data != nullptr, "Quality-Protocol data missing");
        std::copy(data, data + size, option.m_data.begin() + 2);
    }
    option.m_dataSize = 2 + size;
    option.Validate();
    return option;
}

PppOption
PppOption::MakeMagicNumber(uint32_t magic)
{
    uint8_t data[4] = {static_cast<uint8_t>(magic >> 24),
                       static_cast<uint8_t>(magic >> 16),
                       static_cast<uint8_t>(magic >> 8),
                       static_cast<uint8_t>(magic)};
    return PppOption(PppProtocol::LCP, LCP_MAGIC_NUMBER, data, 4);
}

PppOption
PppOption::MakePfc()
{
    return PppOption(PppProtocol::LCP, LCP_PFC, nullptr, 0);
}

PppOption
PppOption::MakeAcfc()
{
    return PppOption(PppProtocol::LCP, LCP_ACFC, nullptr, 0);
}

PppOption
PppOption::MakeCallback(uint8_t operation, const uint8_t* message, uint8_t size)
{
    NS_ASSERT_MSG(size <= MAX_DATA_SIZE - 1, "Callback message too long");
    PppOption option(PppProtocol::LCP, LCP_CALLBACK, &operation, 1);
    if (size > 0)
    {
        NS_ASSERT_MSG(message != nullptr, "Callback message missing");
        std::copy(message, message + size, option.m_data.begin() + 1);
    }
    option.m_dataSize = 1 + size;
    option.Validate();
    return option;
}

PppOption
PppOption::MakeMrru(uint16_t mrru)
{
    uint8_t data[2] = {static_cast<uint8_t>(mrru >> 8), static_cast<uint8_t>(mrru)};
    return PppOption(PppProtocol::LCP, LCP_MRRU, data, 2);
}

PppOption
PppOption::MakeShortSequence()
{
    return PppOption(PppProtocol::LCP, LCP_SHORT_SEQUENCE, nullptr, 0);
}

PppOption
PppOption::MakeEndpointDiscriminator(uint8_t endpointClass, const uint8_t* address, uint8_t size)
{
    NS_ASSERT_MSG(size <= MAX_DATA_SIZE - 1, "Endpoint-Discriminator address too long");
    PppOption option(PppProtocol::LCP, LCP_ENDPOINT_DISCRIMINATOR, &endpointClass, 1);
    if (size > 0)
    {
        NS_ASSERT_MSG(address != nullptr, "Endpoint-Discriminator address missing");
        std::copy(address, address + size, option.m_data.begin() + 1);
    }
    option.m_dataSize = 1 + size;
    option.Validate();
    return option;
}

PppOption
PppOption::MakeIpCompressionProtocol(uint16_t protocol, const uint8_t* data, uint8_t size)
{
    NS_ASSERT_MSG(size <= MAX_DATA_SIZE - 2, "IP-Compression-Protocol data too long");
    PppOption option(PppProtocol::IPCP, IPCP_IP_COMPRESSION_PROTOCOL, nullptr, 0);
    option.m_data[0] = static_cast<uint8_t>(protocol >> 8);
    option.m_data[1] = static_cast<uint8_t>(protocol);
    if (size > 0)
    {
        NS_ASSERT_MSG(data != nullptr, "IP-Compression-Protocol data missing");
        std::copy(data, data + size, option.m_data.begin() + 2);
    }
    option.m_dataSize = 2 + size;
    option.Validate();
    return option;
}

PppOption
PppOption::MakeIpcpAddress(uint8_t type, Ipv4Address address)
{
    NS_ASSERT_MSG(type == IPCP_IP_ADDRESS || type == IPCP_MOBILE_IPV4 || type == IPCP_PRIMARY_DNS
                      || type == IPCP_PRIMARY_NBNS || type == IPCP_SECONDARY_DNS
                      || type == IPCP_SECONDARY_NBNS,
                  "not an IPCP single-address option: " << unsigned(type));
    uint8_t data[4];
    address.Serialize(data);
    return PppOption(PppProtocol::IPCP, type, data, 4);
}

PppOption
PppOption::MakeIpAddress(Ipv4Address address)
{
    return MakeIpcpAddress(IPCP_IP_ADDRESS, address);
}

PppOption
PppOption::MakeMppe(uint32_t supportedBits)
{
    uint8_t data[4] = {static_cast<uint8_t>(supportedBits >> 24),
                       static_cast<uint8_t>(supportedBits >> 16),
                       static_cast<uint8_t>(supportedBits >> 8),
                       static_cast<uint8_t>(supportedBits)};
    return PppOption(PppProtocol::CCP, CCP_MPPE, data, 4);
}

uint32_t
PppOption::Deserialize(Buffer::Iterator start, uint32_t available, uint16_t protocol)
{
    NS_LOG_FUNCTION(this << available << protocol);
    NS_ASSERT_MSG(IsControlProtocol(protocol), "not a PPP control protocol: " << protocol);
    m_protocol = protocol;
    available = std::min(available, start.GetRemainingSize());
    if (available < 2)
    {
        m_type = available == 1 ? start.ReadU8() : 0;
        m_dataSize = 0;
        m_status = WireError::BAD_OPTION_LENGTH;
        NS_LOG_LOGIC("PPP option header cut off");
        return 0;
    }
    m_type = start.ReadU8();
    uint8_t length = start.ReadU8();
    if (length < 2 || length > available)
    {
        m_dataSize = 0;
        m_status = WireError::BAD_OPTION_LENGTH;
        NS_LOG_LOGIC("PPP option type " << unsigned(m_type) << " has length " << unsigned(length)
                                        << " with " << available << " octets left");
        return 0;
    }
    m_dataSize = length - 2;
    start.Read(m_data.data(), m_dataSize);
    Validate();
    if (m_status == WireError::BAD_OPTION_LENGTH)
    {
        NS_LOG_LOGIC("PPP option " << TypeName(m_protocol, m_type) << " has wrong length "
                                   << unsigned(length));
        return 0;
    }
    return length;
}

void
PppOption::Serialize(Buffer::Iterator start) const
{
    start.WriteU8(m_type);
    start.WriteU8(GetLength());
    start.Write(m_data.data(), m_dataSize);
}

uint32_t
PppOption::GetSerializedSize() const
{
    return 2 + m_dataSize;
}

void
PppOption::Validate()
{
    uint8_t minLength = 0;
    uint8_t maxLength = 0;
    if (!LengthRange(m_protocol, m_type, minLength, maxLength))
    {
        m_status = WireError::UNKNOWN_TYPE;
        return;
    }
    uint32_t length = GetLength();
    if (length < minLength || length > maxLength)
    {
        m_status = WireError::BAD_OPTION_LENGTH;
        return;
    }
    if (m_protocol == PppProtocol::LCP && m_type == LCP_AUTHENTICATION_PROTOCOL)
    {
        // PAP carries no data (RFC 1334 s.3.1); CHAP exactly one algorithm octet (RFC 1994 s.3).
        uint16_t auth = DataU16(0);
        if ((auth == PppProtocol::PAP && length != 4) || (auth == PppProtocol::CHAP && length != 5))
        {
            m_status = WireError::BAD_OPTION_LENGTH;
            return;
        }
    }
    m_status = WireError::NONE;
}

void
PppOption::Print(std::ostream& os) const
{
    const char* name = TypeName(m_protocol, m_type);
    if (m_status != WireError::NONE)
    {
        os << PppProtocolName(m_protocol) << "-option(type=" << unsigned(m_type) << " " << name
           << " length=" << unsigned(GetLength()) << " data=";
        pptp::PrintHex(os, m_data.data(), m_dataSize);
        os << " status=" << m_status << ")";
        return;
    }
    os << name;
    if (m_protocol == PppProtocol::LCP)
    {
        switch (m_type)
        {
            case LCP_MRU:
            case LCP_MRRU:
                os << "=" << DataU16(0);
                return;
            case LCP_ACCM:
            case LCP_MAGIC_NUMBER:
                os << "=";
                pptp::PrintHexValue(os, DataU32(0), 8);
                return;
            case LCP_AUTHENTICATION_PROTOCOL:
            case LCP_QUALITY_PROTOCOL:
            {
                uint16_t protocol = DataU16(0);
                os << "=" << PppProtocolName(protocol) << "(";
                pptp::PrintHexValue(os, protocol, 4);
                os << ")";
                if (m_type == LCP_AUTHENTICATION_PROTOCOL && protocol == PppProtocol::CHAP)
                {
                    os << " algorithm=" << ChapAlgorithmName(m_data[2]) << "(";
                    pptp::PrintHexValue(os, m_data[2], 2);
                    os << ")";
                }
                else if (m_dataSize > 2)
                {
                    os << " data=";
                    pptp::PrintHex(os, m_data.data() + 2, m_dataSize - 2);
                }
                return;
            }
            case LCP_PFC:
            case LCP_ACFC:
            case LCP_SHORT_SEQUENCE:
                return;
            case LCP_CALLBACK:
                os << " operation=" << CallbackOperationName(m_data[0]) << "("
                   << unsigned(m_data[0]) << ") message=";
                pptp::PrintHex(os, m_data.data() + 1, m_dataSize - 1);
                return;
            case LCP_ENDPOINT_DISCRIMINATOR:
                os << " class=" << EndpointClassName(m_data[0]) << "(" << unsigned(m_data[0])
                   << ") address=";
                pptp::PrintHex(os, m_data.data() + 1, m_dataSize - 1);
                return;
            default:
                break;
        }
    }
    else if (m_protocol == PppProtocol::IPCP)
    {
        switch (m_type)
        {
            case IPCP_IP_ADDRESSES:
                os << "=" << Ipv4Address::Deserialize(m_data.data()) << ","
                   << Ipv4Address::Deserialize(m_data.data() + 4);
                return;
            case IPCP_IP_COMPRESSION_PROTOCOL:
            {
                uint16_t protocol = DataU16(0);
                os << "=" << PppProtocolName(protocol) << "(";
                pptp::PrintHexValue(os, protocol, 4);
                os << ") data=";
                pptp::PrintHex(os, m_data.data() + 2, m_dataSize - 2);
                return;
            }
            default:
                os << "=" << Ipv4Address::Deserialize(m_data.data());
                return;
        }
    }
    else if (m_protocol == PppProtocol::CCP && m_type == CCP_MPPE)
    {
        uint32_t bits = DataU32(0);
        os << " bits=";
        pptp::PrintHexValue(os, bits, 8);
        os << "(";
        const char* separator = "";
        static const struct
        {
            uint32_t bit;
            const char* name;
        } names[] = {{MPPE_STATELESS, "H-stateless"},
                     {MPPE_56_BIT, "M-56bit"},
                     {MPPE_128_BIT, "S-128bit"},
                     {MPPE_40_BIT, "L-40bit"},
                     {MPPE_OBSOLETE_D, "D-obsolete"},
                     {MPPC_COMPRESSION, "C-MPPC"}};
        uint32_t known = 0;
        for (const auto& entry : names)
        {
            known |= entry.bit;
            if (bits & entry.bit)
            {
                os << separator << entry.name;
                separator = ",";
            }
        }
        if (bits & ~known)
        {
            os << separator << "reserved=";
            pptp::PrintHexValue(os, bits & ~known, 8);
        }
        os << ")";
        return;
    }
    os << "(type=" << unsigned(m_type) << " data=";
    pptp::PrintHex(os, m_data.data(), m_dataSize);
    os << ")";
}

WireError
PppOption::GetStatus() const
{
    return m_status;
}

uint16_t
PppOption::GetProtocol() const
{
    return m_protocol;
}

uint8_t
PppOption::GetType() const
{
    return m_type;
}

uint8_t
PppOption::GetLength() const
{
    return static_cast<uint8_t>(2 + m_dataSize);
}

const uint8_t*
PppOption::GetData() const
{
    return m_data.data();
}

uint8_t
PppOption::GetDataSize() const
{
    return m_dataSize;
}

bool
PppOption::Is(uint16_t protocol, uint8_t type) const
{
    return m_protocol == protocol && m_type == type;
}

uint16_t
PppOption::DataU16(uint8_t offset) const
{
    return static_cast<uint16_t>((m_data[offset] << 8) | m_data[offset + 1]);
}

uint32_t
PppOption::DataU32(uint8_t offset) const
{
    return (static_cast<uint32_t>(m_data[offset]) << 24)
           | (static_cast<uint32_t>(m_data[offset + 1]) << 16)
           | (static_cast<uint32_t>(m_data[offset + 2]) << 8) | m_data[offset + 3];
}

void
PppOption::Expect(uint16_t protocol, uint8_t type) const
{
    NS_ASSERT_MSG(Is(protocol, type) && m_status == WireError::NONE,
                  "PPP option is " << PppProtocolName(m_protocol) << " type " << unsigned(m_type)
                                   << " (status " << m_status << "), not "
                                   << PppProtocolName(protocol) << " type " << unsigned(type));
}

uint16_t
PppOption::GetMru() const
{
    Expect(PppProtocol::LCP, LCP_MRU);
    return DataU16(0);
}

uint32_t
PppOption::GetAccm() const
{
    Expect(PppProtocol::LCP, LCP_ACCM);
    return DataU32(0);
}

uint16_t
PppOption::GetAuthenticationProtocol() const
{
    Expect(PppProtocol::LCP, LCP_AUTHENTICATION_PROTOCOL);
    return DataU16(0);
}

uint8_t
PppOption::GetChapAlgorithm() const
{
    Expect(PppProtocol::LCP, LCP_AUTHENTICATION_PROTOCOL);
    NS_ASSERT_MSG(DataU16(0) == PppProtocol::CHAP, "Authentication-Protocol is not CHAP");
    return m_data[2];
}

uint16_t
PppOption::GetQualityProtocol() const
{
    Expect(PppProtocol::LCP, LCP_QUALITY_PROTOCOL);
    return DataU16(0);
}

uint32_t
PppOption::GetMagicNumber() const
{
    Expect(PppProtocol::LCP, LCP_MAGIC_NUMBER);
    return DataU32(0);
}

uint8_t
PppOption::GetCallbackOperation() const
{
    Expect(PppProtocol::LCP, LCP_CALLBACK);
    return m_data[0];
}

uint16_t
PppOption::GetMrru() const
{
    Expect(PppProtocol::LCP, LCP_MRRU);
    return DataU16(0);
}

uint8_t
PppOption::GetEndpointClass() const
{
    Expect(PppProtocol::LCP, LCP_ENDPOINT_DISCRIMINATOR);
    return m_data[0];
}

uint16_t
PppOption::GetIpCompressionProtocol() const
{
    Expect(PppProtocol::IPCP, IPCP_IP_COMPRESSION_PROTOCOL);
    return DataU16(0);
}

Ipv4Address
PppOption::GetIpv4Address() const
{
    NS_ASSERT_MSG(m_protocol == PppProtocol::IPCP && m_status == WireError::NONE && m_dataSize == 4,
                  "PPP option is not an IPCP address option");
    return Ipv4Address::Deserialize(m_data.data());
}

uint32_t
PppOption::GetMppeBits() const
{
    Expect(PppProtocol::CCP, CCP_MPPE);
    return DataU32(0);
}

const char*
PppOption::TypeName(uint16_t protocol, uint8_t type)
{
    if (protocol == PppProtocol::LCP)
    {
        switch (type)
        {
            case LCP_VENDOR_SPECIFIC:
                return "Vendor-Specific";
            case LCP_MRU:
                return "MRU";
            case LCP_ACCM:
                return "ACCM";
            case LCP_AUTHENTICATION_PROTOCOL:
                return "Authentication-Protocol";
            case LCP_QUALITY_PROTOCOL:
                return "Quality-Protocol";
            case LCP_MAGIC_NUMBER:
                return "Magic-Number";
            case LCP_PFC:
                return "PFC";
            case LCP_ACFC:
                return "ACFC";
            case LCP_FCS_ALTERNATIVES:
                return "FCS-Alternatives";
            case LCP_SELF_DESCRIBING_PAD:
                return "Self-Describing-Pad";
            case LCP_NUMBERED_MODE:
                return "Numbered-Mode";
            case LCP_MULTILINK_PROCEDURE:
                return "Multi-Link-Procedure";
            case LCP_CALLBACK:
                return "Callback";
            case LCP_CONNECT_TIME:
                return "Connect-Time";
            case LCP_COMPOUND_FRAMES:
                return "Compound-Frames";
            case LCP_NOMINAL_DATA_ENCAPSULATION:
                return "Nominal-Data-Encapsulation";
            case LCP_MRRU:
                return "MRRU";
            case LCP_SHORT_SEQUENCE:
                return "Short-Sequence";
            case LCP_ENDPOINT_DISCRIMINATOR:
                return "Endpoint-Discriminator";
            case LCP_PROPRIETARY:
                return "Proprietary";
            case LCP_DCE_IDENTIFIER:
                return "DCE-Identifier";
            case LCP_MULTILINK_PLUS_PROCEDURE:
                return "Multi-Link-Plus-Procedure";
            case LCP_LINK_DISCRIMINATOR:
                return "Link-Discriminator";
            case LCP_AUTHENTICATION_OPTION:
                return "LCP-Authentication-Option";
            case LCP_COBS:
                return "COBS";
            case LCP_PREFIX_ELISION:
                return "Prefix-Elision";
            case LCP_MULTILINK_HEADER_FORMAT:
                return "Multilink-Header-Format";
            case LCP_INTERNATIONALIZATION:
                return "Internationalization";
            case LCP_SIMPLE_DATA_LINK:
                return "Simple-Data-Link";
        }
    }
    else if (protocol == PppProtocol::IPCP)
    {
        switch (type)
        {
            case IPCP_IP_ADDRESSES:
                return "IP-Addresses";
            case IPCP_IP_COMPRESSION_PROTOCOL:
                return "IP-Compression-Protocol";
            case IPCP_IP_ADDRESS:
                return "IP-Address";
            case IPCP_MOBILE_IPV4:
                return "Mobile-IPv4";
            case IPCP_PRIMARY_DNS:
                return "Primary-DNS";
            case IPCP_PRIMARY_NBNS:
                return "Primary-NBNS";
            case IPCP_SECONDARY_DNS:
                return "Secondary-DNS";
            case IPCP_SECONDARY_NBNS:
                return "Secondary-NBNS";
        }
    }
    else if (protocol == PppProtocol::CCP)
    {
        switch (type)
        {
            case CCP_OUI:
                return "OUI";
            case CCP_PREDICTOR_1:
                return "Predictor-1";
            case CCP_PREDICTOR_2:
                return "Predictor-2";
            case CCP_PUDDLE_JUMPER:
                return "Puddle-Jumper";
            case CCP_HP_PPC:
                return "HP-PPC";
            case CCP_STAC_LZS:
                return "Stac-LZS";
            case CCP_MPPE:
                return "MPPE/MPPC";
            case CCP_GANDALF_FZA:
                return "Gandalf-FZA";
            case CCP_V42BIS:
                return "V.42bis";
            case CCP_BSD_COMPRESS:
                return "BSD-Compress";
            case CCP_LZS_DCP:
                return "LZS-DCP";
            case CCP_MVRCA:
                return "MVRCA";
            case CCP_DCE:
                return "DCE";
            case CCP_DEFLATE:
                return "Deflate";
        }
    }
    return UNKNOWN_NAME;
}

bool
PppOption::IsKnownType(uint16_t protocol, uint8_t type)
{
    return TypeName(protocol, type) != UNKNOWN_NAME;
}

const char*
PppOption::ChapAlgorithmName(uint8_t algorithm)
{
    switch (algorithm)
    {
        case CHAP_MD5:
            return "MD5";
        case CHAP_MS_CHAP_V1:
            return "MS-CHAP";
        case CHAP_MS_CHAP_V2:
            return "MS-CHAPv2";
    }
    return "unknown";
}

const char*
PppOption::CallbackOperationName(uint8_t operation)
{
    switch (operation)
    {
        case CALLBACK_AUTHENTICATION:
            return "user-authentication";
        case CALLBACK_DIALING_STRING:
            return "dialing-string";
        case CALLBACK_LOCATION_ID:
            return "location-identifier";
        case CALLBACK_E164:
            return "E.164-number";
        case CALLBACK_DISTINGUISHED_NAME:
            return "distinguished-name";
        case CALLBACK_CBCP:
            return "CBCP";
    }
    return "unknown";
}

const char*
PppOption::EndpointClassName(uint8_t endpointClass)
{
    switch (endpointClass)
    {
        case ENDPOINT_NULL:
            return "null";
        case ENDPOINT_LOCAL:
            return "locally-assigned";
        case ENDPOINT_IP:
            return "IP-address";
        case ENDPOINT_MAC:
            return "MAC-address";
        case ENDPOINT_MAGIC_BLOCK:
            return "magic-number-block";
        case ENDPOINT_DIRECTORY_NUMBER:
            return "directory-number";
    }
    return "unknown";
}

bool
PppOption::IsControlProtocol(uint16_t protocol)
{
    return protocol == PppProtocol::LCP || protocol == PppProtocol::IPCP
           || protocol == PppProtocol::CCP;
}

bool
PppOption::operator==(const PppOption& other) const
{
    return m_protocol == other.m_protocol && m_type == other.m_type
           && m_dataSize == other.m_dataSize
           && std::equal(m_data.begin(), m_data.begin() + m_dataSize, other.m_data.begin());
}

bool
PppOption::operator!=(const PppOption& other) const
{
    return !(*this == other);
}

std::ostream&
operator<<(std::ostream& os, const PppOption& option)
{
    option.Print(os);
    return os;
}

} // namespace ns3
