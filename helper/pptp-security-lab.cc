/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-security-lab.h"

#include "pptp-client.h"
#include "pptp-tunnel.h"

#include "ns3/abort.h"
#include "ns3/inet-socket-address.h"
#include "ns3/log.h"
#include "ns3/packet.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/simulator.h"
#include "ns3/trace-helper.h"
#include "ns3/udp-socket-factory.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PptpSecurityLab");

namespace
{

const Time MESSAGE_INTERVAL = MilliSeconds(100); //!< between two secrets
const Time FIRST_MESSAGE = MilliSeconds(50);     //!< after the tunnel is up

} // namespace

PptpSecurityLab::PptpSecurityLab()
    : m_secret("The exam answers are: 1-B 2-D 3-A 4-C 5-B")
{
    NS_LOG_FUNCTION(this);
    m_security.password = "password1";
}

PptpSecurityLab::~PptpSecurityLab()
{
    Dispose();
}

void
PptpSecurityLab::SetSecurity(const PptpSecurityOptions& security)
{
    m_security = security;
}

void
PptpSecurityLab::SetSecret(const std::string& text)
{
    m_secret = text;
}

void
PptpSecurityLab::SetMessageCount(uint32_t count)
{
    m_messages = count;
}

void
PptpSecurityLab::SetPcapFile(const std::string& path)
{
    m_pcap = path;
}

const std::string&
PptpSecurityLab::GetReply()
{
    static const std::string reply = "Received.";
    return reply;
}

void
PptpSecurityLab::Install()
{
    NS_LOG_FUNCTION(this);
    NS_ABORT_MSG_IF(m_messages < 1 || m_messages > 1000,
                    "the message count must be 1..1000 (not " << m_messages << ")");
    NS_ABORT_MSG_IF(m_secret.empty() || m_secret.size() > 1000,
                    "the secret must be 1..1000 octets (not " << m_secret.size() << ")");
    m_topology.SetClientCount(1);
    m_topology.SetLanHostCount(1);
    m_topology.SetSecurity(m_security);
    m_topology.Install();

    // The attacker sits on the ISP router: every frame of its core link, both ways.
    Ptr<NetDevice> core = m_topology.GetCoreDevices().Get(0);
    m_eavesdropper = CreateObject<PptpEavesdropper>();
    m_eavesdropper->Tap(core, PptpEavesdropper::LINK_PPP);
    if (!m_pcap.empty())
    {
        PcapHelper pcap;
        Ptr<PcapFileWrapper> file = pcap.CreateFile(m_pcap, std::ios::out, PcapHelper::DLT_PPP);
        pcap.HookDefaultSink<NetDevice>(core, "PromiscSniffer", file);
    }

    m_topology.GetClient(0)->TraceConnectWithoutContext(
        "TunnelUp", MakeCallback(&PptpSecurityLab::TunnelUp, this));
    m_hostSocket = Socket::CreateSocket(m_topology.GetLanHost(0), UdpSocketFactory::GetTypeId());
    m_hostSocket->Bind(InetSocketAddress(Ipv4Address::GetAny(), SECRET_PORT));
    m_hostSocket->SetRecvCallback(MakeCallback(&PptpSecurityLab::HostReceive, this));
}

Time
PptpSecurityLab::GetStopTime() const
{
    return Seconds(5) + MESSAGE_INTERVAL * static_cast<int64_t>(m_messages);
}

void
PptpSecurityLab::TunnelUp(uint16_t callId, Ptr<PptpTunnel> tunnel)
{
    NS_LOG_FUNCTION(this << callId);
    m_tunnelUp = true;
    m_clientSocket
        = Socket::CreateSocket(m_topology.GetClientNode(0), UdpSocketFactory::GetTypeId());
    m_clientSocket->Bind();
    m_clientSocket->Connect(InetSocketAddress(m_topology.GetLanHostAddress(0), SECRET_PORT));
    m_clientSocket->SetRecvCallback(MakeCallback(&PptpSecurityLab::ClientReceive, this));
    for (uint32_t k = 0; k < m_messages; ++k)
    {
        m_sends.push_back(Simulator::Schedule(
            FIRST_MESSAGE + MESSAGE_INTERVAL * int64_t(k), &PptpSecurityLab::SendSecret, this));
    }
}

void
PptpSecurityLab::SendSecret()
{
    NS_LOG_FUNCTION(this);
    Ptr<Packet> p = Create<Packet>(reinterpret_cast<const uint8_t*>(m_secret.data()),
                                   static_cast<uint32_t>(m_secret.size()));
    if (m_clientSocket && m_clientSocket->Send(p) >= 0)
    {
        ++m_sent;
    }
}

void
PptpSecurityLab::HostReceive(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    Address from;
    while (Ptr<Packet> p = socket->RecvFrom(from))
    {
        std::string text(p->GetSize(), '\0');
        p->CopyData(reinterpret_cast<uint8_t*>(text.data()), p->GetSize());
        if (text == m_secret)
        {
            ++m_delivered;
        }
        const std::string& reply = GetReply();
        socket->SendTo(Create<Packet>(reinterpret_cast<const uint8_t*>(reply.data()),
                                      static_cast<uint32_t>(reply.size())),
                       0,
                       from);
    }
}

void
PptpSecurityLab::ClientReceive(Ptr<Socket> socket)
{
    while (Ptr<Packet> p = socket->Recv())
    {
        ++m_replies;
    }
}

PptpRemoteAccessTopology&
PptpSecurityLab::GetTopology()
{
    return m_topology;
}

Ptr<PptpEavesdropper>
PptpSecurityLab::GetEavesdropper() const
{
    return m_eavesdropper;
}

const PptpSecurityOptions&
PptpSecurityLab::GetSecurity() const
{
    return m_security;
}

const std::string&
PptpSecurityLab::GetSecret() const
{
    return m_secret;
}

uint32_t
PptpSecurityLab::GetMessagesSent() const
{
    return m_sent;
}

uint32_t
PptpSecurityLab::GetMessagesDelivered() const
{
    return m_delivered;
}

uint32_t
PptpSecurityLab::GetRepliesReceived() const
{
    return m_replies;
}

bool
PptpSecurityLab::IsTunnelUp() const
{
    return m_tunnelUp;
}

void
PptpSecurityLab::Dispose()
{
    NS_LOG_FUNCTION(this);
    for (EventId& e : m_sends)
    {
        e.Cancel();
    }
    m_sends.clear();
    for (Ptr<Socket>* s : {&m_clientSocket, &m_hostSocket})
    {
        if (*s)
        {
            (*s)->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
            (*s)->Close();
            *s = nullptr;
        }
    }
    if (m_eavesdropper)
    {
        m_eavesdropper->Dispose(); // untaps; what it captured stays readable
        m_eavesdropper = nullptr;
    }
}

} // namespace ns3
