/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ppp-control-packet.h"

#include "ppp-frame-header.h"
#include "ppp-packet-head.h"
#include "pptp-wire-text.h"

#include "ns3/assert.h"
#include "ns3/log.h"

#include <limits>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PppControlPacket");

NS_OBJECT_ENSURE_REGISTERED(PppControlPacket);

PppControlPacket::PppControlPacket()
    : PppControlPacket(PppProtocol::LCP)
{
}

PppControlPacket::PppControlPacket(uint16_t protocol)
    : m_protocol(protocol)
    , m_code(CONFIGURE_REQUEST)
    , m_identifier(0)
    , m_magic(0)
    , m_rejectedProtocol(0)
    , m_error(WireError::NONE)
{
    NS_ASSERT_MSG(PppOption::IsControlProtocol(protocol),
                  "not a PPP control protocol: " << protocol);
}

TypeId
PppControlPacket::GetTypeId()
{
    static TypeId tid = TypeId("ns3::PppControlPacket")
                            .SetParent<Header>()
                            .SetGroupName("Pptp")
                            .AddConstructor<PppControlPacket>();
    return tid;
}

TypeId
PppControlPacket::GetInstanceTypeId() const
{
    return GetTypeId();
}

PppControlPacket::Content
PppControlPacket::ContentOf(uint8_t code) const
{
    if (!IsValidCode(m_protocol, code))
    {
        return Content::DATA;
    }
    switch (code)
    {
        case CONFIGURE_REQUEST:
        case CONFIGURE_ACK:
        case CONFIGURE_NAK:
        case CONFIGURE_REJECT:
            return Content::OPTIONS;
        case PROTOCOL_REJECT:
            return Content::PROTOCOL_AND_DATA;
        case ECHO_REQUEST:
        case ECHO_REPLY:
        case DISCARD_REQUEST:
            return Content::MAGIC_AND_DATA;
        default:
            return Content::DATA;
    }
}

uint32_t
PppControlPacket::GetSerializedSize() const
{
    switch (ContentOf(m_code))
    {
        case Content::OPTIONS:
        {
            uint32_t size = HEADER_SIZE;
            for (const auto& option : m_options)
            {
                size += option.GetSerializedSize();
            }
            return size;
        }
        case Content::MAGIC_AND_DATA:
            return HEADER_SIZE + 4 + m_data.size();
        case Content::PROTOCOL_AND_DATA:
            return HEADER_SIZE + 2 + m_data.size();
        case Content::DATA:
            break;
    }
    return HEADER_SIZE + m_data.size();
}

void
PppControlPacket::Serialize(Buffer::Iterator start) const
{
    uint32_t size = GetSerializedSize();
    NS_ASSERT_MSG(size <= std::numeric_limits<uint16_t>::max(), "PPP control packet too long");
    start.WriteU8(m_code);
    start.WriteU8(m_identifier);
    start.WriteHtonU16(static_cast<uint16_t>(size));
    switch (ContentOf(m_code))
    {
        case Content::OPTIONS:
            for (const auto& option : m_options)
            {
                option.Serialize(start);
                start.Next(option.GetSerializedSize());
            }
            return;
        case Content::MAGIC_AND_DATA:
            start.WriteHtonU32(m_magic);
            break;
        case Content::PROTOCOL_AND_DATA:
            start.WriteHtonU16(m_rejectedProtocol);
            break;
        case Content::DATA:
            break;
    }
    start.Write(m_data.data(), m_data.size());
}

uint32_t
PppControlPacket::Deserialize(Buffer::Iterator start)
{
    NS_LOG_FUNCTION(this);
    uint32_t remaining = start.GetRemainingSize();
    PppPacketHead head;
    WireError error = head.Read(start);
    if (error != WireError::NONE)
    {
        m_error = error;
        NS_LOG_LOGIC("PPP control packet: " << error << ", Length " << head.length << ", "
                                            << remaining << " octets");
        return 0;
    }
    uint8_t code = head.code;
    uint8_t identifier = head.identifier;
    uint16_t length = head.length;
    m_code = code;
    m_identifier = identifier;
    m_magic = 0;
    m_rejectedProtocol = 0;
    m_options.clear();
    m_data.clear();
    uint32_t left = length - HEADER_SIZE;
    if (!IsValidCode(m_protocol, code))
    {
        // Kept whole so that the caller can answer with a Code-Reject.
        m_data.resize(left);
        start.Read(m_data.data(), left);
        m_error = WireError::UNKNOWN_TYPE;
        NS_LOG_LOGIC(PppProtocolName(m_protocol) << " code " << unsigned(code) << " unknown");
        return 0;
    }
    switch (ContentOf(code))
    {
        case Content::OPTIONS:
            while (left > 0)
            {
                m_options.emplace_back();
                PppOption& option = m_options.back();
                uint32_t used = option.Deserialize(start, left, m_protocol);
                if (used == 0)
                {
                    m_error = WireError::BAD_OPTION_LENGTH;
                    NS_LOG_LOGIC("bad option in " << PppProtocolName(m_protocol) << " "
                                                  << CodeName(code));
                    return 0;
                }
                start.Next(used);
                left -= used;
            }
            m_error = WireError::NONE;
            return length;
        case Content::MAGIC_AND_DATA:
            if (left < 4)
            {
                m_error = WireError::BAD_LENGTH;
                NS_LOG_LOGIC(CodeName(code) << " without a Magic-Number");
                return 0;
            }
            m_magic = start.ReadNtohU32();
            left -= 4;
            break;
        case Content::PROTOCOL_AND_DATA:
            if (left < 2)
            {
                m_error = WireError::BAD_LENGTH;
                NS_LOG_LOGIC("Protocol-Reject without a protocol");
                return 0;
            }
            m_rejectedProtocol = start.ReadNtohU16();
            left -= 2;
            break;
        case Content::DATA:
            break;
    }
    m_data.resize(left);
    start.Read(m_data.data(), left);
    m_error = WireError::NONE;
    return length;
}

void
PppControlPacket::Print(std::ostream& os) const
{
    os << PppProtocolName(m_protocol) << " " << CodeName(m_code) << "(" << unsigned(m_code)
       << ") id=" << unsigned(m_identifier) << " length=" << GetSerializedSize();
    switch (ContentOf(m_code))
    {
        case Content::OPTIONS:
            os << " options=[";
            for (std::size_t i = 0; i < m_options.size(); ++i)
            {
                os << (i == 0 ? "" : " ");
                m_options[i].Print(os);
            }
            os << "]";
            break;
        case Content::MAGIC_AND_DATA:
            os << " magic=";
            pptp::PrintHexValue(os, m_magic, 8);
            os << " data=";
            pptp::PrintHex(os, m_data.data(), m_data.size());
            break;
        case Content::PROTOCOL_AND_DATA:
            os << " rejected-protocol=" << PppProtocolName(m_rejectedProtocol) << "(";
            pptp::PrintHexValue(os, m_rejectedProtocol, 4);
            os << ") information=";
            pptp::PrintHex(os, m_data.data(), m_data.size());
            break;
        case Content::DATA:
            os << (m_code == CODE_REJECT ? " rejected-packet=" : " data=");
            pptp::PrintHex(os, m_data.data(), m_data.size());
            break;
    }
    if (m_error != WireError::NONE)
    {
        os << " error=" << m_error;
    }
}

WireError
PppControlPacket::GetError() const
{
    return m_error;
}

void
PppControlPacket::SetProtocol(uint16_t protocol)
{
    NS_ASSERT_MSG(PppOption::IsControlProtocol(protocol),
                  "not a PPP control protocol: " << protocol);
    m_protocol = protocol;
}

uint16_t
PppControlPacket::GetProtocol() const
{
    return m_protocol;
}

void
PppControlPacket::SetCode(uint8_t code)
{
    NS_ASSERT_MSG(IsValidCode(m_protocol, code),
                  "code " << unsigned(code) << " is not defined for "
                          << PppProtocolName(m_protocol));
    m_code = code;
}

uint8_t
PppControlPacket::GetCode() const
{
    return m_code;
}

void
PppControlPacket::SetIdentifier(uint8_t identifier)
{
    m_identifier = identifier;
}

uint8_t
PppControlPacket::GetIdentifier() const
{
    return m_identifier;
}

void
PppControlPacket::SetOptions(const std::vector<PppOption>& options)
{
    for (const auto& option : options)
    {
        NS_ASSERT_MSG(option.GetProtocol() == m_protocol,
                      "a " << PppProtocolName(option.GetProtocol()) << " option in a "
                           << PppProtocolName(m_protocol) << " packet");
    }
    m_options = options;
}

void
PppControlPacket::AddOption(const PppOption& option)
{
    NS_ASSERT_MSG(option.GetProtocol() == m_protocol,
                  "a " << PppProtocolName(option.GetProtocol()) << " option in a "
                       << PppProtocolName(m_protocol) << " packet");
    m_options.push_back(option);
}

const std::vector<PppOption>&
PppControlPacket::GetOptions() const
{
    return m_options;
}

bool
PppControlPacket::HasUnknownOptions() const
{
    for (const auto& option : m_options)
    {
        if (option.GetStatus() == WireError::UNKNOWN_TYPE)
        {
            return true;
        }
    }
    return false;
}

void
PppControlPacket::SetData(const std::vector<uint8_t>& data)
{
    m_data = data;
}

void
PppControlPacket::SetData(const uint8_t* data, uint32_t size)
{
    NS_ASSERT_MSG(size == 0 || data != nullptr, "PPP control packet data missing");
    m_data.assign(data, data + size);
}

const std::vector<uint8_t>&
PppControlPacket::GetData() const
{
    return m_data;
}

void
PppControlPacket::SetMagicNumber(uint32_t magic)
{
    m_magic = magic;
}

uint32_t
PppControlPacket::GetMagicNumber() const
{
    return m_magic;
}

void
PppControlPacket::SetRejectedProtocol(uint16_t protocol)
{
    m_rejectedProtocol = protocol;
}

uint16_t
PppControlPacket::GetRejectedProtocol() const
{
    return m_rejectedProtocol;
}

bool
PppControlPacket::IsValidCode(uint16_t protocol, uint8_t code)
{
    switch (protocol)
    {
        case PppProtocol::LCP:
            return code >= CONFIGURE_REQUEST && code <= DISCARD_REQUEST;
        case PppProtocol::IPCP:
            return code >= CONFIGURE_REQUEST && code <= CODE_REJECT;
        case PppProtocol::CCP:
            return (code >= CONFIGURE_REQUEST && code <= CODE_REJECT) || code == RESET_REQUEST
                   || code == RESET_ACK;
        default:
            return false;
    }
}

const char*
PppControlPacket::CodeName(uint8_t code)
{
    switch (code)
    {
        case CONFIGURE_REQUEST:
            return "Configure-Request";
        case CONFIGURE_ACK:
            return "Configure-Ack";
        case CONFIGURE_NAK:
            return "Configure-Nak";
        case CONFIGURE_REJECT:
            return "Configure-Reject";
        case TERMINATE_REQUEST:
            return "Terminate-Request";
        case TERMINATE_ACK:
            return "Terminate-Ack";
        case CODE_REJECT:
            return "Code-Reject";
        case PROTOCOL_REJECT:
            return "Protocol-Reject";
        case ECHO_REQUEST:
            return "Echo-Request";
        case ECHO_REPLY:
            return "Echo-Reply";
        case DISCARD_REQUEST:
            return "Discard-Request";
        case RESET_REQUEST:
            return "Reset-Request";
        case RESET_ACK:
            return "Reset-Ack";
    }
    return "unknown";
}

PppControlPacket
PppControlPacket::MakeConfigure(uint16_t protocol,
                                uint8_t code,
                                uint8_t identifier,
                                const std::vector<PppOption>& options)
{
    NS_ASSERT_MSG(code >= CONFIGURE_REQUEST && code <= CONFIGURE_REJECT,
                  "not a Configure-* code: " << unsigned(code));
    PppControlPacket packet(protocol);
    packet.SetCode(code);
    packet.SetIdentifier(identifier);
    packet.SetOptions(options);
    return packet;
}

PppControlPacket
PppControlPacket::MakeConfigureRequest(uint16_t protocol,
                                       uint8_t identifier,
                                       const std::vector<PppOption>& options)
{
    return MakeConfigure(protocol, CONFIGURE_REQUEST, identifier, options);
}

PppControlPacket
PppControlPacket::MakeTerminate(uint16_t protocol,
                                uint8_t code,
                                uint8_t identifier,
                                const std::vector<uint8_t>& data)
{
    NS_ASSERT_MSG(code == TERMINATE_REQUEST || code == TERMINATE_ACK,
                  "not a Terminate-* code: " << unsigned(code));
    PppControlPacket packet(protocol);
    packet.SetCode(code);
    packet.SetIdentifier(identifier);
    packet.SetData(data);
    return packet;
}

PppControlPacket
PppControlPacket::MakeCodeReject(uint16_t protocol,
                                 uint8_t identifier,
                                 const std::vector<uint8_t>& rejected)
{
    PppControlPacket packet(protocol);
    packet.SetCode(CODE_REJECT);
    packet.SetIdentifier(identifier);
    packet.SetData(rejected);
    return packet;
}

PppControlPacket
PppControlPacket::MakeProtocolReject(uint8_t identifier,
                                     uint16_t rejectedProtocol,
                                     const std::vector<uint8_t>& information)
{
    PppControlPacket packet(PppProtocol::LCP);
    packet.SetCode(PROTOCOL_REJECT);
    packet.SetIdentifier(identifier);
    packet.SetRejectedProtocol(rejectedProtocol);
    packet.SetData(information);
    return packet;
}

PppControlPacket
PppControlPacket::MakeEcho(uint8_t code,
                           uint8_t identifier,
                           uint32_t magic,
                           const std::vector<uint8_t>& data)
{
    NS_ASSERT_MSG(code == ECHO_REQUEST || code == ECHO_REPLY || code == DISCARD_REQUEST,
                  "not an Echo-* or Discard-Request code: " << unsigned(code));
    PppControlPacket packet(PppProtocol::LCP);
    packet.SetCode(code);
    packet.SetIdentifier(identifier);
    packet.SetMagicNumber(magic);
    packet.SetData(data);
    return packet;
}

PppControlPacket
PppControlPacket::MakeReset(uint8_t code, uint8_t identifier, const std::vector<uint8_t>& data)
{
    NS_ASSERT_MSG(code == RESET_REQUEST || code == RESET_ACK,
                  "not a Reset-* code: " << unsigned(code));
    PppControlPacket packet(PppProtocol::CCP);
    packet.SetCode(code);
    packet.SetIdentifier(identifier);
    packet.SetData(data);
    return packet;
}

} // namespace ns3
