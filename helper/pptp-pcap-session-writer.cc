/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-pcap-session-writer.h"

#include "ns3/ethernet-header.h"
#include "ns3/ipv4-header.h"
#include "ns3/log.h"
#include "ns3/sequence-number.h"
#include "ns3/tcp-header.h"
#include "ns3/tcp-option-rfc793.h"

#include <ios>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PptpPcapSessionWriter");

namespace
{

constexpr uint32_t DLT_EN10MB = 1;          //!< pcap link type of Ethernet
constexpr uint16_t ETHERTYPE_IPV4 = 0x0800; //!< EtherType of IPv4
constexpr uint8_t IP_PROTOCOL_TCP = 6;      //!< IP protocol number of TCP
constexpr uint8_t IP_PROTOCOL_GRE = 47;     //!< IP protocol number of GRE
constexpr uint8_t IP_TTL = 64;              //!< TTL of every packet
constexpr uint16_t TCP_WINDOW = 64240;      //!< advertised TCP window
constexpr uint16_t TCP_MSS = 1460;          //!< MSS option on SYN segments

} // namespace

const char*
PptpPcapSessionWriter::DirectionName(Direction direction)
{
    switch (direction)
    {
        case CLIENT_TO_SERVER:
            return "client->server";
        case SERVER_TO_CLIENT:
            return "server->client";
    }
    return "unknown";
}

PptpPcapSessionWriter::PptpPcapSessionWriter()
    : m_open(false)
    , m_clientAddress("192.0.2.10")
    , m_serverAddress("198.51.100.1")
    , m_clientMac("02:00:00:00:00:0a")
    , m_serverMac("02:00:00:00:00:01")
    , m_clientPort(49152)
    , m_clientIsn(0x10000000)
    , m_serverIsn(0x20000000)
    , m_clientNext(0x10000000)
    , m_serverNext(0x20000000)
    , m_clientIpId(1)
    , m_serverIpId(1)
    , m_start(Seconds(0))
    , m_step(MilliSeconds(1))
    , m_now(Seconds(0))
    , m_frames(0)
{
}

void
PptpPcapSessionWriter::SetClient(Ipv4Address address, Mac48Address mac, uint16_t port)
{
    m_clientAddress = address;
    m_clientMac = mac;
    m_clientPort = port;
}

void
PptpPcapSessionWriter::SetServer(Ipv4Address address, Mac48Address mac)
{
    m_serverAddress = address;
    m_serverMac = mac;
}

void
PptpPcapSessionWriter::SetInitialSequenceNumbers(uint32_t client, uint32_t server)
{
    m_clientIsn = client;
    m_serverIsn = server;
    m_clientNext = client;
    m_serverNext = server;
}

void
PptpPcapSessionWriter::SetTiming(Time start, Time step)
{
    NS_ASSERT_MSG(!start.IsNegative() && !step.IsNegative(), "time stamps must not be negative");
    m_start = start;
    m_step = step;
    m_now = start;
}

bool
PptpPcapSessionWriter::Open(const std::string& filename)
{
    NS_LOG_FUNCTION(this << filename);
    Close();
    m_file.Clear();
    m_file.Open(filename, std::ios::out);
    if (m_file.Fail())
    {
        NS_LOG_WARN("cannot create " << filename);
        m_file.Clear();
        return false;
    }
    m_file.Init(DLT_EN10MB);
    if (m_file.Fail())
    {
        NS_LOG_WARN("cannot write the pcap header to " << filename);
        m_file.Close();
        m_file.Clear();
        return false;
    }
    m_open = true;
    m_frames = 0;
    m_now = m_start;
    m_clientNext = m_clientIsn;
    m_serverNext = m_serverIsn;
    m_clientIpId = 1;
    m_serverIpId = 1;
    return true;
}

void
PptpPcapSessionWriter::Close()
{
    if (m_open)
    {
        m_file.Close();
        m_open = false;
    }
}

bool
PptpPcapSessionWriter::IsOpen() const
{
    return m_open;
}

void
PptpPcapSessionWriter::WriteTcpHandshake()
{
    NS_LOG_FUNCTION(this);
    m_clientNext = m_clientIsn;
    m_serverNext = m_serverIsn;
    // The SYN's ack number is 0 and not sent with the ACK flag.
    WriteTcpSegment(CLIENT_TO_SERVER, TcpHeader::SYN, Create<Packet>(), true);
    WriteTcpSegment(SERVER_TO_CLIENT, TcpHeader::SYN | TcpHeader::ACK, Create<Packet>(), true);
    WriteTcpSegment(CLIENT_TO_SERVER, TcpHeader::ACK, Create<Packet>(), false);
}

void
PptpPcapSessionWriter::WriteControl(Direction direction,
                                    const uint8_t* data,
                                    uint32_t size,
                                    bool acknowledge)
{
    WriteControl(direction, Create<Packet>(data, size), acknowledge);
}

void
PptpPcapSessionWriter::WriteControl(Direction direction, Ptr<const Packet> packet, bool acknowledge)
{
    NS_LOG_FUNCTION(this << DirectionName(direction) << packet->GetSize() << acknowledge);
    WriteTcpSegment(direction, TcpHeader::PSH | TcpHeader::ACK, packet->Copy(), false);
    if (acknowledge)
    {
        WriteTcpAck(direction == CLIENT_TO_SERVER ? SERVER_TO_CLIENT : CLIENT_TO_SERVER);
    }
}

void
PptpPcapSessionWriter::WriteTcpAck(Direction direction)
{
    WriteTcpSegment(direction, TcpHeader::ACK, Create<Packet>(), false);
}

void
PptpPcapSessionWriter::WriteTcpClose(Direction initiator)
{
    NS_LOG_FUNCTION(this << DirectionName(initiator));
    Direction other = initiator == CLIENT_TO_SERVER ? SERVER_TO_CLIENT : CLIENT_TO_SERVER;
    WriteTcpSegment(initiator, TcpHeader::FIN | TcpHeader::ACK, Create<Packet>(), false);
    WriteTcpSegment(other, TcpHeader::FIN | TcpHeader::ACK, Create<Packet>(), false);
    WriteTcpSegment(initiator, TcpHeader::ACK, Create<Packet>(), false);
}

void
PptpPcapSessionWriter::WriteGre(Direction direction, Ptr<const Packet> grePacket)
{
    NS_LOG_FUNCTION(this << DirectionName(direction) << grePacket->GetSize());
    WriteIpv4(direction, IP_PROTOCOL_GRE, grePacket->Copy());
}

void
PptpPcapSessionWriter::AdvanceTime(Time gap)
{
    NS_ASSERT_MSG(!gap.IsNegative(), "time cannot go backwards");
    m_now += gap;
}

uint32_t
PptpPcapSessionWriter::GetFrameCount() const
{
    return m_frames;
}

uint32_t
PptpPcapSessionWriter::GetNextSequence(Direction direction) const
{
    return direction == CLIENT_TO_SERVER ? m_clientNext : m_serverNext;
}

void
PptpPcapSessionWriter::WriteTcpSegment(Direction direction,
                                       uint8_t flags,
                                       Ptr<Packet> payload,
                                       bool withMss)
{
    bool fromClient = direction == CLIENT_TO_SERVER;
    uint32_t& own = fromClient ? m_clientNext : m_serverNext;
    uint32_t peer = fromClient ? m_serverNext : m_clientNext;

    TcpHeader tcp;
    tcp.SetSourcePort(fromClient ? m_clientPort : PPTP_PORT);
    tcp.SetDestinationPort(fromClient ? PPTP_PORT : m_clientPort);
    tcp.SetSequenceNumber(SequenceNumber32(own));
    tcp.SetAckNumber(SequenceNumber32((flags & TcpHeader::ACK) ? peer : 0));
    tcp.SetFlags(flags);
    tcp.SetWindowSize(TCP_WINDOW);
    if (withMss)
    {
        Ptr<TcpOptionMSS> mss = CreateObject<TcpOptionMSS>();
        mss->SetMSS(TCP_MSS);
        tcp.AppendOption(mss);
    }
    tcp.EnableChecksums();
    tcp.InitializeChecksum(fromClient ? m_clientAddress : m_serverAddress,
                           fromClient ? m_serverAddress : m_clientAddress,
                           IP_PROTOCOL_TCP);

    // SYN and FIN take one sequence number each.
    own += payload->GetSize();
    if (flags & (TcpHeader::SYN | TcpHeader::FIN))
    {
        own += 1;
    }
    payload->AddHeader(tcp);
    WriteIpv4(direction, IP_PROTOCOL_TCP, payload);
}

void
PptpPcapSessionWriter::WriteIpv4(Direction direction, uint8_t protocol, Ptr<Packet> packet)
{
    if (!m_open)
    {
        NS_LOG_WARN("no pcap file is open; frame dropped");
        return;
    }
    bool fromClient = direction == CLIENT_TO_SERVER;
    uint16_t& id = fromClient ? m_clientIpId : m_serverIpId;

    Ipv4Header ip;
    ip.SetSource(fromClient ? m_clientAddress : m_serverAddress);
    ip.SetDestination(fromClient ? m_serverAddress : m_clientAddress);
    ip.SetProtocol(protocol);
    ip.SetPayloadSize(static_cast<uint16_t>(packet->GetSize()));
    ip.SetIdentification(id++);
    ip.SetTtl(IP_TTL);
    ip.SetDontFragment();
    ip.EnableChecksum();
    packet->AddHeader(ip);

    EthernetHeader ethernet;
    ethernet.SetSource(fromClient ? m_clientMac : m_serverMac);
    ethernet.SetDestination(fromClient ? m_serverMac : m_clientMac);
    ethernet.SetLengthType(ETHERTYPE_IPV4);
    packet->AddHeader(ethernet);

    int64_t us = m_now.GetMicroSeconds();
    m_file.Write(static_cast<uint32_t>(us / 1000000), static_cast<uint32_t>(us % 1000000), packet);
    ++m_frames;
    m_now += m_step;
}

} // namespace ns3
