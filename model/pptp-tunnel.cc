/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-tunnel.h"

#include "pptp-tunnel-routes.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/ipv4-header.h"
#include "ns3/ipv4-interface-address.h"
#include "ns3/ipv4-route.h"
#include "ns3/ipv4-routing-protocol.h"
#include "ns3/ipv4-routing-table-entry.h"
#include "ns3/ipv4-static-routing.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PptpTunnel");

NS_OBJECT_ENSURE_REGISTERED(PptpTunnel);

TypeId
PptpTunnel::GetTypeId()
{
    static TypeId tid = TypeId("ns3::PptpTunnel")
                            .SetParent<Object>()
                            .SetGroupName("Pptp")
                            .AddConstructor<PptpTunnel>();
    return tid;
}

PptpTunnel::PptpTunnel()
    : m_up(false)
    , m_localCallId(0)
    , m_interface(0)
    , m_open(false)
    , m_holdHooked(false)
{
    NS_LOG_FUNCTION(this);
}

PptpTunnel::~PptpTunnel()
{
    NS_LOG_FUNCTION(this);
}

void
PptpTunnel::DoDispose()
{
    NS_LOG_FUNCTION(this);
    // At the end of a simulation the node's IPv4 may be disposed already: only the links
    // between the objects are dropped here.
    m_readyEvent.Cancel();
    m_upEvent.Cancel();
    m_startEvent.Cancel();
    Unlink();
    m_open = false;
    m_up = false;
    if (m_ppp)
    {
        // The link may outlive the tunnel (whoever kept it reads its counters): it only
        // loses its way back here.
        m_ppp->Abort();
        m_ppp->SetNetworkUpCallback(PppLink::NetworkUpCallback());
        m_ppp->SetLinkDownCallback(PppLink::LinkDownCallback());
    }
    m_ppp = nullptr;
    m_upCallback = UpCallback();
    m_downCallback = LinkDownCallback();
    m_session = nullptr;
    m_device = nullptr;
    m_gre = nullptr;
    m_node = nullptr;
    m_routes.clear();
    Object::DoDispose();
}

Ptr<GreL4Protocol>
PptpTunnel::GetGreProtocol(Ptr<Node> node, const std::string& who)
{
    Ptr<GreL4Protocol> gre = node->GetObject<GreL4Protocol>();
    if (!gre)
    {
        NS_FATAL_ERROR(who << " on node " << node->GetId()
                           << ": the node has no GreL4Protocol (IP protocol 47), so the call's "
                              "data channel cannot be made. Install the application with "
                              "PptpClientHelper / PptpServerHelper (Install aggregates one), "
                              "or call node->AggregateObject(CreateObject<GreL4Protocol>()) "
                              "after InternetStackHelper::Install.");
    }
    return gre;
}

Ipv4Address
PptpTunnel::GetSourceAddressTo(Ptr<Node> node, Ipv4Address peer)
{
    Ptr<Ipv4> ipv4 = node->GetObject<Ipv4>();
    if (!ipv4 || !ipv4->GetRoutingProtocol())
    {
        return Ipv4Address::GetAny();
    }
    Ipv4Header header;
    header.SetDestination(peer);
    Socket::SocketErrno error = Socket::ERROR_NOTERROR;
    Ptr<Ipv4Route> route = ipv4->GetRoutingProtocol()->RouteOutput(nullptr, header, nullptr, error);
    if (!route || error != Socket::ERROR_NOTERROR)
    {
        return Ipv4Address::GetAny();
    }
    return route->GetSource();
}

bool
PptpTunnel::Open(Ptr<Node> node,
                 const ObjectFactory& sessionFactory,
                 const ObjectFactory& deviceFactory,
                 Ipv4Address outerLocal,
                 Ipv4Address outerPeer,
                 Ptr<const PptpCall> call,
                 Ptr<PppLink> ppp,
                 UpCallback up,
                 LinkDownCallback down)
{
    NS_LOG_FUNCTION(this << node->GetId() << outerLocal << outerPeer << call->GetLocalCallId());
    NS_ASSERT_MSG(!m_open && !m_session, "PptpTunnel::Open called twice");
    Ptr<GreL4Protocol> gre = node->GetObject<GreL4Protocol>();
    NS_ASSERT_MSG(gre, "no GreL4Protocol: see PptpTunnel::GetGreProtocol");
    Ptr<GreSession> session = gre->CreateSession(
        sessionFactory, outerLocal, outerPeer, call->GetLocalCallId(), call->GetPeerCallId());
    if (!session)
    {
        NS_LOG_WARN("node " << node->GetId() << ": a GRE session with " << outerPeer
                            << " and Call ID " << call->GetLocalCallId() << " exists already");
        return false;
    }
    m_node = node;
    m_gre = gre;
    m_session = session;
    m_outerPeer = outerPeer;
    m_localCallId = call->GetLocalCallId();
    m_upCallback = up;
    m_downCallback = down;

    // s.4.2: our advertised window is what the call told the peer; the send window is the
    // peer's; the peer's processing delay seeds the round-trip estimate (s.4.4).
    session->SetAttribute("ReceiveWindow", UintegerValue(call->GetLocalWindow()));
    session->SetPeerWindow(call->GetPeerWindow());
    session->SetPeerPacketProcessingDelay(call->GetPeerProcessingDelay());

    m_device = deviceFactory.Create<PptpNetDevice>();
    node->AddDevice(m_device);
    m_device->SetTunnelSendCallback(MakeCallback(&GreSession::Send, session));
    session->SetReceiveCallback(MakeCallback(&PptpNetDevice::Receive, m_device));
    BooleanValue hold;
    m_device->GetAttribute("HoldWhenRefused", hold);
    if (hold.Get())
    {
        m_holdHooked = session->TraceConnectWithoutContext(
            "Outstanding", MakeCallback(&PptpTunnel::OutstandingChanged, this));
    }
    m_open = true;
    m_ppp = ppp;
    ppp->Attach(m_device);
    ppp->SetNetworkUpCallback(MakeCallback(&PptpTunnel::PppNetworkUp, this));
    ppp->SetLinkDownCallback(MakeCallback(&PptpTunnel::PppLinkDown, this));
    NS_LOG_INFO("node " << node->GetId() << ": data channel of call " << m_localCallId
                        << " open, GRE " << outerLocal << " -> " << outerPeer << ", PPP starting");
    // In an event of its own, so that whoever opened the tunnel can connect to the PPP
    // layer's traces (and start a capture) before the first LCP packet.
    m_startEvent = Simulator::ScheduleNow(&PppLink::Start, ppp);
    return true;
}

void
PptpTunnel::PppNetworkUp(Ipv4Address local, Ipv4Address peer)
{
    NS_LOG_FUNCTION(this << local << peer);
    // Called from the receive path (the last IPCP packet): adding an IPv4 interface there
    // would change the traffic-control layer's handler list while it iterates over it.
    m_upEvent.Cancel();
    m_upEvent = Simulator::ScheduleNow(&PptpTunnel::ConfigureInterface, this, local, peer);
}

void
PptpTunnel::ConfigureInterface(Ipv4Address local, Ipv4Address peer)
{
    NS_LOG_FUNCTION(this << local << peer);
    if (!m_open || m_up)
    {
        return;
    }
    m_innerAddress = local;
    m_peerAddress = peer;
    m_interface = PptpAddTunnelInterface(m_device, local);
    // The server forwards between its tunnels and its LAN.
    m_node->GetObject<Ipv4>()->SetForwarding(m_interface, true);
    m_device->SetLinkUp();
    m_up = true;
    if (peer != Ipv4Address::GetAny() && peer != local)
    {
        AddHostRoute(peer);
    }
    NS_LOG_INFO("node " << m_node->GetId() << ": tunnel of call " << m_localCallId << " up, "
                        << local << " <-> " << peer << " on interface " << m_interface);
    if (!m_upCallback.IsNull())
    {
        m_upCallback(this);
    }
}

void
PptpTunnel::PppLinkDown(std::string reason)
{
    NS_LOG_FUNCTION(this << reason);
    if (m_open && !m_downCallback.IsNull())
    {
        m_downCallback(this, reason);
    }
}

uint32_t
PptpTunnel::StaticRouteCount() const
{
    return PptpGetStaticRouting(m_node)->GetNRoutes();
}

void
PptpTunnel::AddHostRoute(Ipv4Address host)
{
    NS_LOG_FUNCTION(this << host);
    if (!m_up)
    {
        return;
    }
    PptpAddTunnelHostRoute(m_node, m_interface, host);
    m_routes.push_back(Route{host, Ipv4Mask::GetOnes(), Ipv4Address::GetAny(), m_interface});
}

void
PptpTunnel::AddNetworkRoute(Ipv4Address network, Ipv4Mask mask)
{
    NS_LOG_FUNCTION(this << network << mask);
    if (!m_up)
    {
        return;
    }
    PptpAddTunnelNetworkRoute(m_node, m_interface, network, mask);
    m_routes.push_back(Route{network.CombineMask(mask), mask, Ipv4Address::GetAny(), m_interface});
}

bool
PptpTunnel::AddDefaultRoute(Ipv4Address serverPublicAddress)
{
    NS_LOG_FUNCTION(this << serverPublicAddress);
    if (!m_up)
    {
        return false;
    }
    uint32_t before = StaticRouteCount();
    if (!PptpRouteAllThroughTunnel(m_node, m_interface, serverPublicAddress))
    {
        return false;
    }
    // The pinned host route to the server (on the physical interface) and the two /1 routes.
    uint32_t added = StaticRouteCount() - before;
    Ptr<Ipv4StaticRouting> routing = PptpGetStaticRouting(m_node);
    for (uint32_t i = 0; i < routing->GetNRoutes() && added > 0; ++i)
    {
        Ipv4RoutingTableEntry entry = routing->GetRoute(i);
        bool pinned = entry.GetDest() == serverPublicAddress
                      && entry.GetDestNetworkMask() == Ipv4Mask::GetOnes()
                      && entry.GetInterface() != m_interface;
        bool half = entry.GetInterface() == m_interface
                    && entry.GetDestNetworkMask() == Ipv4Mask("128.0.0.0");
        if (pinned || half)
        {
            m_routes.push_back(Route{entry.GetDest(),
                                     entry.GetDestNetworkMask(),
                                     entry.GetGateway(),
                                     entry.GetInterface()});
            --added;
        }
    }
    return true;
}

void
PptpTunnel::RemoveRoutes()
{
    if (m_routes.empty())
    {
        return;
    }
    Ptr<Ipv4StaticRouting> routing = PptpGetStaticRouting(m_node);
    for (const Route& route : m_routes)
    {
        for (uint32_t i = routing->GetNRoutes(); i-- > 0;)
        {
            Ipv4RoutingTableEntry entry = routing->GetRoute(i);
            if (entry.GetDest() == route.destination && entry.GetDestNetworkMask() == route.mask
                && entry.GetGateway() == route.gateway && entry.GetInterface() == route.interface)
            {
                routing->RemoveRoute(i);
                break;
            }
        }
    }
    m_routes.clear();
}

void
PptpTunnel::Unlink()
{
    if (m_holdHooked && m_session)
    {
        m_session->TraceDisconnectWithoutContext(
            "Outstanding", MakeCallback(&PptpTunnel::OutstandingChanged, this));
        m_holdHooked = false;
    }
    if (m_session)
    {
        m_session->SetReceiveCallback(Callback<void, Ptr<Packet>>());
    }
    if (m_device)
    {
        m_device->SetTunnelSendCallback(PptpNetDevice::TunnelSendCallback());
    }
}

void
PptpTunnel::Close()
{
    NS_LOG_FUNCTION(this);
    if (!m_open)
    {
        return;
    }
    m_open = false;
    m_readyEvent.Cancel();
    m_upEvent.Cancel();
    m_startEvent.Cancel();
    m_ppp->Abort();
    m_gre->RemoveSession(m_outerPeer, m_localCallId);
    Unlink();
    m_device->SetLinkDown();
    if (m_up)
    {
        m_up = false;
        RemoveRoutes();
        Ptr<Ipv4> ipv4 = m_node->GetObject<Ipv4>();
        for (uint32_t i = ipv4->GetNAddresses(m_interface); i-- > 0;)
        {
            if (ipv4->GetAddress(m_interface, i).GetLocal() == m_innerAddress)
            {
                ipv4->RemoveAddress(m_interface, i);
            }
        }
        ipv4->SetDown(m_interface);
    }
    NS_LOG_INFO("node " << m_node->GetId() << ": tunnel of call " << m_localCallId << " down");
}

void
PptpTunnel::OutstandingChanged(uint32_t oldValue, uint32_t newValue)
{
    // Outstanding falls when an ack arrives or on a time-out: the session then drains its
    // queue. The device retries after that, in an event of its own.
    if (newValue < oldValue && m_open && !m_readyEvent.IsRunning())
    {
        m_readyEvent = Simulator::ScheduleNow(&PptpTunnel::NotifyDeviceReady, this);
    }
}

void
PptpTunnel::NotifyDeviceReady()
{
    if (m_open)
    {
        m_device->NotifyTunnelReady();
    }
}

bool
PptpTunnel::IsOpen() const
{
    return m_open;
}

bool
PptpTunnel::IsUp() const
{
    return m_up;
}

Ptr<PppLink>
PptpTunnel::GetPppLink() const
{
    return m_ppp;
}

Ipv4Address
PptpTunnel::GetPeerTunnelAddress() const
{
    return m_peerAddress;
}

Ptr<GreSession>
PptpTunnel::GetSession() const
{
    return m_session;
}

Ptr<PptpNetDevice>
PptpTunnel::GetDevice() const
{
    return m_device;
}

uint32_t
PptpTunnel::GetInterface() const
{
    return m_interface;
}

uint16_t
PptpTunnel::GetLocalCallId() const
{
    return m_localCallId;
}

Ipv4Address
PptpTunnel::GetTunnelAddress() const
{
    return m_innerAddress;
}

uint32_t
PptpTunnel::GetNRoutes() const
{
    return static_cast<uint32_t>(m_routes.size());
}

} // namespace ns3
