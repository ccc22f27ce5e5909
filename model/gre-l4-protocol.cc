/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "gre-l4-protocol.h"

#include "ns3/ipv4-header.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("GreL4Protocol");

NS_OBJECT_ENSURE_REGISTERED(GreL4Protocol);

const uint8_t GreL4Protocol::PROT_NUMBER = 47;

TypeId
GreL4Protocol::GetTypeId()
{
    static TypeId tid = TypeId("ns3::GreL4Protocol")
                            .SetParent<IpL4Protocol>()
                            .SetGroupName("Pptp")
                            .AddConstructor<GreL4Protocol>()
                            .AddTraceSource("Drop",
                                            "A received GRE packet was dropped, with the reason.",
                                            MakeTraceSourceAccessor(&GreL4Protocol::m_dropTrace),
                                            "ns3::GreL4Protocol::DropTracedCallback");
    return tid;
}

GreL4Protocol::GreL4Protocol()
    : m_drops{}
    , m_received(0)
    , m_sent(0)
{
    NS_LOG_FUNCTION(this);
    m_sessionFactory.SetTypeId(GreSession::GetTypeId());
}

GreL4Protocol::~GreL4Protocol()
{
    NS_LOG_FUNCTION(this);
}

void
GreL4Protocol::SetNode(Ptr<Node> node)
{
    m_node = node;
}

void
GreL4Protocol::NotifyNewAggregate()
{
    NS_LOG_FUNCTION(this);
    Ptr<Node> node = GetObject<Node>();
    Ptr<Ipv4> ipv4 = GetObject<Ipv4>();
    if (!m_node && node && ipv4)
    {
        SetNode(node);
    }
    // Register once, when both the node's IPv4 and this protocol are in the aggregate.
    if (ipv4 && m_downTarget.IsNull())
    {
        ipv4->Insert(this);
        SetDownTarget(MakeCallback(&Ipv4::Send, ipv4));
    }
    IpL4Protocol::NotifyNewAggregate();
}

void
GreL4Protocol::DoDispose()
{
    NS_LOG_FUNCTION(this);
    // Taken out first: a session's last drops are traced, and a trace sink may remove
    // sessions while they are disposed.
    std::unordered_map<uint64_t, Ptr<GreSession>> sessions;
    sessions.swap(m_sessions);
    for (auto& entry : sessions)
    {
        entry.second->Dispose();
    }
    m_node = nullptr;
    m_downTarget.Nullify();
    m_downTarget6.Nullify();
    IpL4Protocol::DoDispose();
}

int
GreL4Protocol::GetProtocolNumber() const
{
    return PROT_NUMBER;
}

uint64_t
GreL4Protocol::Key(Ipv4Address peer, uint16_t localCallId)
{
    return (static_cast<uint64_t>(peer.Get()) << 16) | localCallId;
}

void
GreL4Protocol::SetSessionAttribute(const std::string& name, const AttributeValue& value)
{
    m_sessionFactory.Set(name, value);
}

Ptr<GreSession>
GreL4Protocol::CreateSession(Ipv4Address local,
                             Ipv4Address peer,
                             uint16_t localCallId,
                             uint16_t peerCallId)
{
    return CreateSession(m_sessionFactory, local, peer, localCallId, peerCallId);
}

Ptr<GreSession>
GreL4Protocol::CreateSession(const ObjectFactory& factory,
                             Ipv4Address local,
                             Ipv4Address peer,
                             uint16_t localCallId,
                             uint16_t peerCallId)
{
    NS_LOG_FUNCTION(this << local << peer << localCallId << peerCallId);
    uint64_t key = Key(peer, localCallId);
    if (m_sessions.find(key) != m_sessions.end())
    {
        NS_LOG_WARN("a session with peer " << peer << " and Call ID " << localCallId
                                           << " exists already");
        return nullptr;
    }
    Ptr<GreSession> session = factory.Create<GreSession>();
    session->Setup(local, peer, localCallId, peerCallId);
    session->SetTransmitCallback(MakeCallback(&GreL4Protocol::SendFromSession, this));
    m_sessions.emplace(key, session);
    return session;
}

Ptr<GreSession>
GreL4Protocol::FindSession(Ipv4Address peer, uint16_t localCallId) const
{
    auto it = m_sessions.find(Key(peer, localCallId));
    return it == m_sessions.end() ? nullptr : it->second;
}

bool
GreL4Protocol::RemoveSession(Ipv4Address peer, uint16_t localCallId)
{
    NS_LOG_FUNCTION(this << peer << localCallId);
    auto it = m_sessions.find(Key(peer, localCallId));
    if (it == m_sessions.end())
    {
        return false;
    }
    it->second->Close();
    m_sessions.erase(it);
    return true;
}

uint32_t
GreL4Protocol::GetNSessions() const
{
    return static_cast<uint32_t>(m_sessions.size());
}

uint64_t
GreL4Protocol::GetDropCount(GreDropReason reason) const
{
    std::size_t index = static_cast<std::size_t>(reason);
    return index < m_drops.size() ? m_drops[index] : 0;
}

uint64_t
GreL4Protocol::GetReceivedPackets() const
{
    return m_received;
}

uint64_t
GreL4Protocol::GetSentPackets() const
{
    return m_sent;
}

void
GreL4Protocol::SendFromSession(Ptr<Packet> payload,
                               const GreHeader& header,
                               Ipv4Address source,
                               Ipv4Address destination)
{
    NS_LOG_FUNCTION(this << payload << source << destination);
    if (m_downTarget.IsNull())
    {
        NS_LOG_WARN("GRE packet to " << destination << " dropped: not aggregated to an Ipv4");
        return;
    }
    // The caller may keep its packet: the header goes on a (copy-on-write) copy.
    Ptr<Packet> packet = payload->Copy();
    packet->AddHeader(header);
    ++m_sent;
    m_downTarget(packet, source, destination, PROT_NUMBER, nullptr);
}

enum IpL4Protocol::RxStatus
GreL4Protocol::Drop(Ptr<const Packet> packet, GreDropReason reason)
{
    NS_LOG_INFO("GRE packet of " << packet->GetSize() << " bytes dropped: " << reason);
    ++m_drops[static_cast<std::size_t>(reason)];
    m_dropTrace(packet, reason);
    return IpL4Protocol::RX_ENDPOINT_CLOSED;
}

enum IpL4Protocol::RxStatus
GreL4Protocol::Receive(Ptr<Packet> p,
                       const Ipv4Header& header,
                       Ptr<Ipv4Interface> incomingInterface)
{
    NS_LOG_FUNCTION(this << p << header.GetSource() << header.GetDestination());
    GreHeader gre;
    // PeekHeader + RemoveAtStart: the packet's metadata need not record a GreHeader.
    uint32_t consumed = p->PeekHeader(gre);
    if (consumed == 0)
    {
        switch (gre.GetError())
        {
            case WireError::BAD_VERSION:
                return Drop(p, GreDropReason::BAD_VERSION);
            case WireError::BAD_PROTOCOL:
                return Drop(p, GreDropReason::BAD_PROTOCOL);
            case WireError::BAD_FLAGS:
                return Drop(p, GreDropReason::BAD_FLAGS);
            case WireError::BAD_LENGTH:
                return Drop(p, GreDropReason::BAD_LENGTH);
            default:
                return Drop(p, GreDropReason::TRUNCATED_HEADER);
        }
    }
    uint32_t present = p->GetSize() - consumed;
    uint32_t announced = gre.HasSequenceNumber() ? gre.GetPayloadLength() : 0;
    if (present != announced)
    {
        NS_LOG_LOGIC("payload length " << announced << ", " << present << " bytes present");
        return Drop(p, GreDropReason::LENGTH_MISMATCH);
    }
    auto it = m_sessions.find(Key(header.GetSource(), gre.GetCallId()));
    if (it == m_sessions.end())
    {
        NS_LOG_LOGIC("no session for Call ID " << gre.GetCallId() << " from "
                                               << header.GetSource());
        return Drop(p, GreDropReason::UNKNOWN_CALL_ID);
    }
    Ptr<GreSession> session = it->second;
    p->RemoveAtStart(consumed);
    ++m_received;
    session->Receive(p, gre);
    return IpL4Protocol::RX_OK;
}

enum IpL4Protocol::RxStatus
GreL4Protocol::Receive(Ptr<Packet> p,
                       const Ipv6Header& header,
                       Ptr<Ipv6Interface> incomingInterface)
{
    NS_LOG_FUNCTION(this << p);
    // PPTP's data channel runs over IPv4 only.
    return IpL4Protocol::RX_ENDPOINT_UNREACH;
}

void
GreL4Protocol::SetDownTarget(IpL4Protocol::DownTargetCallback cb)
{
    m_downTarget = cb;
}

void
GreL4Protocol::SetDownTarget6(IpL4Protocol::DownTargetCallback6 cb)
{
    m_downTarget6 = cb;
}

IpL4Protocol::DownTargetCallback
GreL4Protocol::GetDownTarget() const
{
    return m_downTarget;
}

IpL4Protocol::DownTargetCallback6
GreL4Protocol::GetDownTarget6() const
{
    return m_downTarget6;
}

} // namespace ns3
