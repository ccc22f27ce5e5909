/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-eavesdropper.h"

#include "chap-packet.h"
#include "gre-header.h"
#include "mschapv2-message.h"
#include "ppp-control-packet.h"
#include "ppp-frame-header.h"
#include "ppp-option.h"
#include "pptp-control-message.h"
#include "pptp-range-checker.h"

#include "ns3/log.h"
#include "ns3/pcap-file.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <ios>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PptpEavesdropper");

NS_OBJECT_ENSURE_REGISTERED(PptpEavesdropper);

namespace
{

constexpr uint8_t IP_PROTOCOL_TCP = 6;       //!< TCP
constexpr uint8_t IP_PROTOCOL_GRE = 47;      //!< GRE
constexpr uint16_t ETHERTYPE_IPV4 = 0x0800;  //!< IPv4 in Ethernet
constexpr uint16_t ETHERTYPE_VLAN = 0x8100;  //!< IEEE 802.1Q tag
constexpr uint16_t ETHERTYPE_QINQ = 0x88A8;  //!< IEEE 802.1ad tag
constexpr std::size_t ETHERNET_HEADER = 14;  //!< destination, source, EtherType
constexpr std::size_t SLL_HEADER = 16;       //!< Linux cooked capture header
constexpr std::size_t TCP_MIN_HEADER = 20;   //!< TCP header without options
constexpr uint8_t TCP_SYN = 0x02;            //!< SYN flag
constexpr uint8_t TCP_RST = 0x04;            //!< RST flag
constexpr uint32_t MAX_PCAP_FRAME = 262144;  //!< largest frame read from a pcap file
constexpr std::size_t MPPE_MIN_DATAGRAM = 3; //!< MPPE header and one octet

/**
 * \brief A 16-bit network-order value.
 * \param p the first octet
 * \return the value
 */
uint16_t
U16(const uint8_t* p)
{
    return static_cast<uint16_t>((p[0] << 8) | p[1]);
}

/**
 * \brief A 32-bit network-order value.
 * \param p the first octet
 * \return the value
 */
uint32_t
U32(const uint8_t* p)
{
    return static_cast<uint32_t>(p[0]) << 24 | static_cast<uint32_t>(p[1]) << 16
           | static_cast<uint32_t>(p[2]) << 8 | p[3];
}

} // namespace

const char*
PptpCaptureErrorName(PptpCaptureError error)
{
    switch (error)
    {
        case PptpCaptureError::NONE:
            return "NONE";
        case PptpCaptureError::LINK:
            return "LINK";
        case PptpCaptureError::IPV4:
            return "IPV4";
        case PptpCaptureError::TCP:
            return "TCP";
        case PptpCaptureError::CONTROL:
            return "CONTROL";
        case PptpCaptureError::GRE:
            return "GRE";
        case PptpCaptureError::PPP:
            return "PPP";
        case PptpCaptureError::CHAP:
            return "CHAP";
        case PptpCaptureError::CCP:
            return "CCP";
        case PptpCaptureError::MPPE:
            return "MPPE";
        case PptpCaptureError::COUNT:
            break;
    }
    return "UNKNOWN";
}

std::ostream&
operator<<(std::ostream& os, PptpCaptureError error)
{
    return os << PptpCaptureErrorName(error);
}

TypeId
PptpEavesdropper::GetTypeId()
{
    static TypeId tid
        = TypeId("ns3::PptpEavesdropper")
              .SetParent<Object>()
              .SetGroupName("Pptp")
              .AddConstructor<PptpEavesdropper>()
              .AddAttribute("ControlPort",
                            "TCP port of the PPTP control connection (RFC 2637 s.1.4: 1723; "
                            "1..65535).",
                            UintegerValue(1723),
                            MakeUintegerAccessor(&PptpEavesdropper::m_controlPort),
                            MakePptpRangeChecker(MakeUintegerChecker<uint16_t>(1, 65535),
                                                 "ns3::PptpEavesdropper::ControlPort",
                                                 "1..65535"))
              .AddAttribute("MaxFrames",
                            "MPPE frames stored at most, over all calls (default 1000000; "
                            "1..100000000); later ones are only counted.",
                            UintegerValue(1000000),
                            MakeUintegerAccessor(&PptpEavesdropper::m_maxFrames),
                            MakePptpRangeChecker(MakeUintegerChecker<uint32_t>(1, 100000000),
                                                 "ns3::PptpEavesdropper::MaxFrames",
                                                 "1..100000000"))
              .AddTraceSource("Malformed",
                              "A frame was malformed at some layer and skipped.",
                              MakeTraceSourceAccessor(&PptpEavesdropper::m_malformedTrace),
                              "ns3::PptpEavesdropper::MalformedTracedCallback")
              .AddTraceSource("ExchangeCaptured",
                              "An MS-CHAPv2 Response completed a captured exchange.",
                              MakeTraceSourceAccessor(&PptpEavesdropper::m_exchangeTrace),
                              "ns3::PptpEavesdropper::ExchangeTracedCallback");
    return tid;
}

PptpEavesdropper::PptpEavesdropper()
    : m_controlPort(1723)
    , m_maxFrames(1000000)
{
    NS_LOG_FUNCTION(this);
}

PptpEavesdropper::~PptpEavesdropper()
{
    NS_LOG_FUNCTION(this);
}

void
PptpEavesdropper::DoDispose()
{
    NS_LOG_FUNCTION(this);
    if (m_device)
    {
        m_device->TraceDisconnectWithoutContext("PromiscSniffer",
                                                MakeCallback(&PptpEavesdropper::Sniff, this));
        m_device = nullptr;
    }
    Object::DoDispose();
}

bool
PptpEavesdropper::IsSupportedLinkType(uint32_t linkType)
{
    return linkType == LINK_ETHERNET || linkType == LINK_PPP || linkType == LINK_RAW
           || linkType == LINK_LINUX_SLL || linkType == LINK_IPV4;
}

bool
PptpEavesdropper::Tap(Ptr<NetDevice> device, LinkType linkType)
{
    NS_LOG_FUNCTION(this << device << linkType);
    if (!device->TraceConnectWithoutContext("PromiscSniffer",
                                            MakeCallback(&PptpEavesdropper::Sniff, this)))
    {
        return false;
    }
    m_device = device;
    m_tapLinkType = linkType;
    return true;
}

void
PptpEavesdropper::Sniff(Ptr<const Packet> packet)
{
    const uint32_t size = packet->GetSize();
    if (m_scratch.size() < size)
    {
        m_scratch.resize(size);
    }
    packet->CopyData(m_scratch.data(), size);
    ReceiveFrame(m_scratch.data(), size, m_tapLinkType, Simulator::Now().GetSeconds());
}

bool
PptpEavesdropper::ReadPcap(const std::string& path, std::string& error)
{
    NS_LOG_FUNCTION(this << path);
    PcapFile file;
    file.Open(path, std::ios::in);
    if (file.Fail())
    {
        error = "cannot open " + path + " as a pcap file";
        return false;
    }
    const uint32_t linkType = file.GetDataLinkType();
    if (!IsSupportedLinkType(linkType))
    {
        error = path + ": link type " + std::to_string(linkType) + " is not supported";
        return false;
    }
    const bool nanoseconds = file.IsNanoSecMode();
    m_scratch.resize(MAX_PCAP_FRAME);
    while (!file.Eof())
    {
        uint32_t seconds = 0;
        uint32_t fraction = 0;
        uint32_t included = 0;
        uint32_t original = 0;
        uint32_t read = 0;
        file.Read(m_scratch.data(), MAX_PCAP_FRAME, seconds, fraction, included, original, read);
        if (file.Fail())
        {
            break; // the end, or a record cut short
        }
        const double time = seconds + fraction * (nanoseconds ? 1e-9 : 1e-6);
        ReceiveFrame(m_scratch.data(), std::min(read, included), linkType, time);
    }
    file.Close();
    return true;
}

void
PptpEavesdropper::Malformed(PptpCaptureError error)
{
    NS_LOG_LOGIC("frame " << m_frames << " malformed at " << error);
    ++m_malformed[static_cast<std::size_t>(error)];
    m_malformedTrace(error, m_frames);
}

Buffer::Iterator
PptpEavesdropper::Load(const uint8_t* data, std::size_t size)
{
    m_buffer = Buffer(0);
    m_buffer.AddAtStart(static_cast<uint32_t>(size));
    m_buffer.Begin().Write(data, static_cast<uint32_t>(size));
    return m_buffer.Begin();
}

void
PptpEavesdropper::ReceiveFrame(const uint8_t* data,
                               std::size_t size,
                               uint32_t linkType,
                               double time)
{
    NS_LOG_FUNCTION(this << size << linkType << time);
    ++m_frames;
    switch (linkType)
    {
        case LINK_ETHERNET:
        {
            if (size < ETHERNET_HEADER)
            {
                Malformed(PptpCaptureError::LINK);
                return;
            }
            std::size_t offset = ETHERNET_HEADER;
            uint16_t etherType = U16(data + 12);
            for (int tags = 0;
                 tags < 2 && (etherType == ETHERTYPE_VLAN || etherType == ETHERTYPE_QINQ);
                 ++tags)
            {
                if (size < offset + 4)
                {
                    Malformed(PptpCaptureError::LINK);
                    return;
                }
                etherType = U16(data + offset + 2);
                offset += 4;
            }
            if (etherType != ETHERTYPE_IPV4)
            {
                ++m_ignored;
                return;
            }
            ReceiveIpv4(data + offset, size - offset, time);
            return;
        }
        case LINK_PPP:
        {
            PppFrameHeader ppp;
            const uint32_t consumed = ppp.Deserialize(Load(data, size));
            if (consumed == 0)
            {
                Malformed(PptpCaptureError::LINK);
                return;
            }
            if (ppp.GetProtocol() != PppProtocol::IPV4)
            {
                ++m_ignored;
                return;
            }
            ReceiveIpv4(data + consumed, size - consumed, time);
            return;
        }
        case LINK_LINUX_SLL:
            if (size < SLL_HEADER)
            {
                Malformed(PptpCaptureError::LINK);
                return;
            }
            if (U16(data + 14) != ETHERTYPE_IPV4)
            {
                ++m_ignored;
                return;
            }
            ReceiveIpv4(data + SLL_HEADER, size - SLL_HEADER, time);
            return;
        case LINK_RAW:
        case LINK_IPV4:
            if (size > 0 && (data[0] >> 4) != 4)
            {
                ++m_ignored; // IPv6 on a raw-IP link
                return;
            }
            ReceiveIpv4(data, size, time);
            return;
        default:
            ++m_ignored;
            return;
    }
}

void
PptpEavesdropper::ReceiveIpv4(const uint8_t* data, std::size_t size, double time)
{
    NS_LOG_FUNCTION(this << size << time);
    PptpIpv4View ip;
    if (!ip.Parse(data, size))
    {
        Malformed(PptpCaptureError::IPV4);
        return;
    }
    if (ip.fragment)
    {
        ++m_ignored; // PPTP endpoints avoid fragments; reassembly is not modelled
        return;
    }
    if (ip.protocol == IP_PROTOCOL_GRE)
    {
        ReceiveGre(ip, time);
        return;
    }
    if (ip.protocol == IP_PROTOCOL_TCP && ip.payloadSize >= 4
        && (U16(ip.payload) == m_controlPort || U16(ip.payload + 2) == m_controlPort))
    {
        ReceiveTcp(ip, time);
        return;
    }
    ++m_ignored;
}

void
PptpEavesdropper::ReceiveTcp(const PptpIpv4View& ip, double time)
{
    NS_LOG_FUNCTION(this << ip.source << ip.destination << time);
    const uint8_t* tcp = ip.payload;
    if (ip.payloadSize < TCP_MIN_HEADER)
    {
        Malformed(PptpCaptureError::TCP);
        return;
    }
    const std::size_t headerLength = (tcp[12] >> 4) * 4U;
    if (headerLength < TCP_MIN_HEADER || headerLength > ip.payloadSize)
    {
        Malformed(PptpCaptureError::TCP);
        return;
    }
    ++m_controlSegments;
    const uint8_t flags = tcp[13];
    const uint32_t sequence = U32(tcp + 4);
    ControlStream& stream
        = m_streams[StreamKey(ip.source.Get(), U16(tcp), ip.destination.Get(), U16(tcp + 2))];
    if ((flags & TCP_SYN) != 0)
    {
        stream.synced = true;
        stream.lost = false;
        stream.next = sequence + 1;
        stream.reassembler.Reset();
        return;
    }
    const std::size_t length = ip.payloadSize - headerLength;
    if (length == 0 || (flags & TCP_RST) != 0 || stream.lost)
    {
        return;
    }
    if (!stream.synced)
    {
        // The capture began after the handshake: take this segment as the start.
        stream.synced = true;
        stream.next = sequence;
    }
    const auto offset = static_cast<int32_t>(sequence - stream.next);
    if (offset > 0)
    {
        stream.lost = true; // a segment the tap never saw: the stream cannot be framed
        Malformed(PptpCaptureError::CONTROL);
        return;
    }
    const auto repeated = static_cast<std::size_t>(-static_cast<int64_t>(offset));
    if (repeated >= length)
    {
        return; // a retransmission of octets already read
    }
    stream.reassembler.Push(tcp + headerLength + repeated, length - repeated);
    stream.next = sequence + static_cast<uint32_t>(length);

    PptpControlMessage message;
    WireError error;
    while (stream.reassembler.Pop(message, error))
    {
        if (error != WireError::NONE)
        {
            Malformed(PptpCaptureError::CONTROL);
            continue;
        }
        m_control.push_back({time, ip.source, ip.destination, message.GetMessageType()});
        if (const auto* reply = message.GetBody<PptpOutgoingCallReply>())
        {
            // The PAC answers the PNS: its Call ID and the PNS's (RFC 2637 s.2.8).
            uint32_t index = FindCall(ip.destination, ip.source, reply->callId, time);
            PptpCapturedCall& call = m_calls[index];
            if (call.client != ip.destination)
            {
                call.SwapRoles();
            }
            call.rolesKnown = true;
            call.clientCallIdKnown = true;
            call.clientCallId = reply->peersCallId;
        }
    }
}

uint32_t
PptpEavesdropper::FindCall(Ipv4Address source,
                           Ipv4Address destination,
                           uint16_t callId,
                           double time)
{
    NS_LOG_FUNCTION(this << source << destination << callId << time);
    for (std::size_t i = m_calls.size(); i-- > 0;)
    {
        PptpCapturedCall& call = m_calls[i];
        bool toServer = call.client == source && call.server == destination;
        bool toClient = call.server == source && call.client == destination;
        if (!toServer && !toClient)
        {
            continue;
        }
        bool& known = toServer ? call.serverCallIdKnown : call.clientCallIdKnown;
        uint16_t& id = toServer ? call.serverCallId : call.clientCallId;
        if (known && id != callId)
        {
            continue;
        }
        known = true;
        id = callId;
        call.lastTime = time;
        return static_cast<uint32_t>(i);
    }
    // A new call: its first packet goes to the server until CHAP or the control says otherwise.
    m_calls.emplace_back();
    PptpCapturedCall& call = m_calls.back();
    call.client = source;
    call.server = destination;
    call.serverCallIdKnown = true;
    call.serverCallId = callId;
    call.firstTime = call.lastTime = time;
    NS_LOG_LOGIC("new call " << source << " -> " << destination << " Call ID " << callId);
    return static_cast<uint32_t>(m_calls.size() - 1);
}

void
PptpEavesdropper::ReceiveGre(const PptpIpv4View& ip, double time)
{
    NS_LOG_FUNCTION(this << ip.source << ip.destination << time);
    GreHeader gre;
    const uint32_t consumed = gre.Deserialize(Load(ip.payload, ip.payloadSize));
    if (consumed == 0)
    {
        Malformed(PptpCaptureError::GRE);
        return;
    }
    const std::size_t payload = gre.HasSequenceNumber() ? gre.GetPayloadLength() : 0;
    if (consumed + payload > ip.payloadSize)
    {
        Malformed(PptpCaptureError::GRE);
        return;
    }
    ++m_gre;
    const uint32_t index = FindCall(ip.source, ip.destination, gre.GetCallId(), time);
    PptpCapturedCall& call = m_calls[index];
    const bool fromClient = ip.source == call.client;
    ++call.greFrames[fromClient ? 0 : 1];
    if (payload > 0)
    {
        ReceivePpp(call, index, ip.source, ip.payload + consumed, payload, time);
    }
}

void
PptpEavesdropper::ReceivePpp(PptpCapturedCall& call,
                             uint32_t callIndex,
                             Ipv4Address source,
                             const uint8_t* data,
                             std::size_t size,
                             double time)
{
    NS_LOG_FUNCTION(this << callIndex << source << size << time);
    PppFrameHeader ppp;
    const uint32_t consumed = ppp.Deserialize(Load(data, size));
    if (consumed == 0)
    {
        Malformed(PptpCaptureError::PPP);
        return;
    }
    ++call.pppFrames;
    data += consumed;
    size -= consumed;
    switch (ppp.GetProtocol())
    {
        case PppProtocol::CHAP:
            ReceiveChap(call, callIndex, source, data, size);
            return;
        case PppProtocol::CCP:
            ReceiveCcp(call, data, size);
            return;
        case PppProtocol::COMPRESSED_DATAGRAM:
            if (size < MPPE_MIN_DATAGRAM)
            {
                Malformed(PptpCaptureError::MPPE);
                return;
            }
            if (m_storedFrames >= m_maxFrames)
            {
                ++m_unstoredFrames;
                return;
            }
            ++m_storedFrames;
            call.frames.push_back({time,
                                   source == call.client ? PptpFrameDirection::CLIENT_TO_SERVER
                                                         : PptpFrameDirection::SERVER_TO_CLIENT,
                                   std::vector<uint8_t>(data, data + size)});
            return;
        default:
            return; // LCP, IPCP, clear IP: nothing the attack needs
    }
}

void
PptpEavesdropper::ReceiveChap(PptpCapturedCall& call,
                              uint32_t callIndex,
                              Ipv4Address source,
                              const uint8_t* data,
                              std::size_t size)
{
    NS_LOG_FUNCTION(this << callIndex << source << size);
    ChapPacket chap;
    if (chap.Deserialize(Load(data, size)) == 0)
    {
        Malformed(PptpCaptureError::CHAP);
        return;
    }
    switch (chap.GetCode())
    {
        case ChapPacket::CHALLENGE:
        {
            const std::vector<uint8_t>& value = chap.GetValue();
            if (value.size() != call.exchange.authenticatorChallenge.size())
            {
                return; // not MS-CHAPv2 (CHAP-MD5 challenges are not attacked here)
            }
            // The authenticator sends the Challenge: that is the server.
            if (source != call.server && !call.rolesKnown)
            {
                call.SwapRoles();
            }
            call.rolesKnown = true;
            call.hasChallenge = true;
            call.hasResponse = false;
            call.hasSuccess = false;
            call.hasFailure = false;
            call.exchange.hasAuthenticatorResponse = false;
            call.resultMessage.clear();
            call.chapIdentifier = chap.GetIdentifier();
            call.authenticatorName = chap.GetName();
            std::copy(value.begin(), value.end(), call.exchange.authenticatorChallenge.begin());
            return;
        }
        case ChapPacket::RESPONSE:
        {
            if (!call.hasChallenge || chap.GetIdentifier() != call.chapIdentifier)
            {
                return;
            }
            MsChapV2ResponseValue response;
            if (response.Decode(chap.GetValue()) != WireError::NONE)
            {
                Malformed(PptpCaptureError::CHAP);
                return;
            }
            call.hasResponse = true;
            call.exchange.userName = chap.GetName();
            call.exchange.peerChallenge = response.peerChallenge;
            call.exchange.ntResponse = response.ntResponse;
            m_exchangeTrace(callIndex);
            return;
        }
        case ChapPacket::SUCCESS:
        {
            if (!call.hasResponse || chap.GetIdentifier() != call.chapIdentifier)
            {
                return;
            }
            MsChapV2Success success;
            if (success.Parse(chap.GetMessage()) != WireError::NONE)
            {
                Malformed(PptpCaptureError::CHAP);
                return;
            }
            call.hasSuccess = true;
            call.resultMessage = chap.GetMessage();
            call.exchange.hasAuthenticatorResponse = true;
            call.exchange.authenticatorResponse = success.authenticatorResponse;
            return;
        }
        case ChapPacket::FAILURE:
            if (call.hasResponse && chap.GetIdentifier() == call.chapIdentifier)
            {
                call.hasFailure = true;
                call.resultMessage = chap.GetMessage();
            }
            return;
        default:
            return;
    }
}

void
PptpEavesdropper::ReceiveCcp(PptpCapturedCall& call, const uint8_t* data, std::size_t size)
{
    NS_LOG_FUNCTION(this << size);
    PppControlPacket ccp(PppProtocol::CCP);
    if (ccp.Deserialize(Load(data, size)) == 0)
    {
        Malformed(PptpCaptureError::CCP);
        return;
    }
    if (ccp.GetCode() != PppControlPacket::CONFIGURE_ACK)
    {
        return;
    }
    for (const PppOption& option : ccp.GetOptions())
    {
        if (option.Is(PppProtocol::CCP, PppOption::CCP_MPPE)
            && option.GetStatus() == WireError::NONE)
        {
            call.hasMppe = true;
            call.mppeBits = option.GetMppeBits();
        }
    }
}

const std::vector<PptpCapturedCall>&
PptpEavesdropper::GetCalls() const
{
    return m_calls;
}

const std::vector<PptpCapturedControl>&
PptpEavesdropper::GetControlMessages() const
{
    return m_control;
}

uint64_t
PptpEavesdropper::GetFrameCount() const
{
    return m_frames;
}

uint64_t
PptpEavesdropper::GetIgnoredCount() const
{
    return m_ignored;
}

uint64_t
PptpEavesdropper::GetGreCount() const
{
    return m_gre;
}

uint64_t
PptpEavesdropper::GetControlSegmentCount() const
{
    return m_controlSegments;
}

uint64_t
PptpEavesdropper::GetMalformedCount(PptpCaptureError error) const
{
    const auto index = static_cast<std::size_t>(error);
    return index < m_malformed.size() ? m_malformed[index] : 0;
}

uint64_t
PptpEavesdropper::GetMalformedCount() const
{
    uint64_t total = 0;
    for (uint64_t count : m_malformed)
    {
        total += count;
    }
    return total;
}

uint64_t
PptpEavesdropper::GetUnstoredFrameCount() const
{
    return m_unstoredFrames;
}

void
PptpEavesdropper::Clear()
{
    NS_LOG_FUNCTION(this);
    m_calls.clear();
    m_control.clear();
    m_streams.clear();
    m_frames = 0;
    m_ignored = 0;
    m_gre = 0;
    m_controlSegments = 0;
    m_storedFrames = 0;
    m_unstoredFrames = 0;
    m_malformed.fill(0);
}

} // namespace ns3
