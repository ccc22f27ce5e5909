/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-server.h"

#include "pptp-range-checker.h"

#include "ns3/abort.h"
#include "ns3/inet-socket-address.h"
#include "ns3/ipv4-address.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/tcp-socket-factory.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PptpServer");

NS_OBJECT_ENSURE_REGISTERED(PptpServer);

TypeId
PptpServer::GetTypeId()
{
    static TypeId tid = AddTraceSources(
        TypeId("ns3::PptpServer")
            .SetParent<Application>()
            .SetGroupName("Pptp")
            .AddConstructor<PptpServer>()
            .AddAttribute("Local",
                          "The address to listen at (an Ipv4Address; default any).",
                          AddressValue(Ipv4Address::GetAny()),
                          MakeAddressAccessor(&PptpServer::m_local),
                          MakeAddressChecker())
            .AddAttribute("Port",
                          "TCP port of the control connection (RFC 2637 s.1.4: 1723; 1..65535).",
                          UintegerValue(PPTP_TCP_PORT),
                          MakeUintegerAccessor(&PptpServer::m_port),
                          MakePptpRangeChecker(MakeUintegerChecker<uint16_t>(1, 65535),
                                               "ns3::PptpServer::Port",
                                               "1..65535"))
            .AddAttribute("MaxControlConnections",
                          "Most open control connections; beyond it SCCRQ is refused with "
                          "General Error / No-Resource (1..4294967295; default 100 as pptpd's "
                          "'connections' option).",
                          UintegerValue(100),
                          MakeUintegerAccessor(&PptpServer::m_maxControlConnections),
                          MakePptpRangeChecker(MakeUintegerChecker<uint32_t>(1),
                                               "ns3::PptpServer::MaxControlConnections",
                                               "1..4294967295"))
            .AddAttribute("MaxCalls",
                          "Most calls at a time over all connections; beyond it OCRQ is refused "
                          "with General Error / No-Resource (0..65535; default 100).",
                          UintegerValue(100),
                          MakeUintegerAccessor(&PptpServer::m_maxCalls),
                          MakePptpRangeChecker(MakeUintegerChecker<uint32_t>(0, 65535),
                                               "ns3::PptpServer::MaxCalls",
                                               "0..65535"))
            .AddAttribute("ReceiveWindow",
                          "Packet Recv. Window Size offered in OCRP (1..65535; default 64, what "
                          "pptpd and Windows send).",
                          UintegerValue(64),
                          MakeUintegerAccessor(&PptpServer::m_receiveWindow),
                          MakePptpRangeChecker(MakeUintegerChecker<uint16_t>(1, 65535),
                                               "ns3::PptpServer::ReceiveWindow",
                                               "1..65535"))
            .AddAttribute("PacketProcessingDelay",
                          "Packet Processing Delay of OCRP in 1/10 s (0..65535; default 0).",
                          UintegerValue(0),
                          MakeUintegerAccessor(&PptpServer::m_processingDelay),
                          MakeUintegerChecker<uint16_t>())
            .AddAttribute("ConnectSpeed",
                          "Connect Speed of OCRP in bit/s (0: the client's Maximum BPS).",
                          UintegerValue(0),
                          MakeUintegerAccessor(&PptpServer::m_connectSpeed),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("EchoInterval",
                          "EchoInterval of every control connection (RFC 2637 s.3.1.4: 60 s).",
                          TimeValue(Seconds(60)),
                          MakeTimeAccessor(&PptpServer::m_echoInterval),
                          MakePptpRangeChecker(MakeTimeChecker(TimeStep(1)),
                                               "ns3::PptpServer::EchoInterval",
                                               "> 0 s"))
            .AddAttribute("EchoTimeout",
                          "EchoTimeout of every control connection (RFC 2637 s.3.1.4: 60 s).",
                          TimeValue(Seconds(60)),
                          MakeTimeAccessor(&PptpServer::m_echoTimeout),
                          MakePptpRangeChecker(MakeTimeChecker(TimeStep(1)),
                                               "ns3::PptpServer::EchoTimeout",
                                               "> 0 s"))
            .AddAttribute("HostName",
                          "Host Name of SCCRP.",
                          StringValue(""),
                          MakeStringAccessor(&PptpServer::m_hostName),
                          MakeStringChecker())
            .AddAttribute("VendorName",
                          "Vendor String of SCCRP.",
                          StringValue("ns-3 pptp"),
                          MakeStringAccessor(&PptpServer::m_vendorName),
                          MakeStringChecker())
            .AddAttribute("TunnelAddress",
                          "The server's tunnel (inner) address, a /32 on every ppp0 interface "
                          "and its IPCP address (pptpd's localip). 0.0.0.0 (the default): no "
                          "data channel is made for the calls.",
                          Ipv4AddressValue(Ipv4Address::GetAny()),
                          MakeIpv4AddressAccessor(&PptpServer::m_tunnelAddress),
                          MakeIpv4AddressChecker())
            .AddAttribute("AddressPoolStart",
                          "The first address IPCP assigns to clients (pptpd's remoteip), "
                          "with AddressPoolSize. Clients named with AddPeerTunnelAddress get "
                          "their own address instead.",
                          Ipv4AddressValue(Ipv4Address::GetAny()),
                          MakeIpv4AddressAccessor(&PptpServer::m_poolStart),
                          MakeIpv4AddressChecker())
            .AddAttribute("AddressPoolSize",
                          "How many consecutive addresses the pool holds from AddressPoolStart "
                          "(0, the default: no pool; a client then keeps the address it asks "
                          "for, and one that asks for none cannot come up).",
                          UintegerValue(0),
                          MakeUintegerAccessor(&PptpServer::m_poolSize),
                          MakePptpRangeChecker(MakeUintegerChecker<uint32_t>(0, 16777216),
                                               "ns3::PptpServer::AddressPoolSize",
                                               "0..16777216"))
            .AddAttribute("PrimaryDns",
                          "The primary DNS server offered to clients through IPCP (RFC 1877); "
                          "0.0.0.0 (the default): the DNS options are rejected.",
                          Ipv4AddressValue(Ipv4Address::GetAny()),
                          MakeIpv4AddressAccessor(&PptpServer::m_primaryDns),
                          MakeIpv4AddressChecker())
            .AddAttribute("SecondaryDns",
                          "The secondary DNS server offered to clients through IPCP.",
                          Ipv4AddressValue(Ipv4Address::GetAny()),
                          MakeIpv4AddressAccessor(&PptpServer::m_secondaryDns),
                          MakeIpv4AddressChecker())
            .AddTraceSource("NewConnection",
                            "A control connection was accepted (before its SCCRQ): connect to "
                            "its own trace sources to tell connections apart.",
                            MakeTraceSourceAccessor(&PptpServer::m_newConnectionTrace),
                            "ns3::PptpServer::NewConnectionTracedCallback"));
    return tid;
}

PptpServer::PptpServer()
    : m_port(PPTP_TCP_PORT)
    , m_maxControlConnections(100)
    , m_maxCalls(100)
    , m_receiveWindow(64)
    , m_processingDelay(0)
    , m_connectSpeed(0)
    , m_poolSize(0)
    , m_credentials(Create<PppCredentials>())
    , m_unroutedCalls(0)
    , m_activeCalls(0)
    , m_acceptedConnections(0)
    , m_refusedConnections(0)
    , m_establishedCalls(0)
    , m_refusedCalls(0)
    , m_clearedCalls(0)
{
    NS_LOG_FUNCTION(this);
    m_sessionFactory.SetTypeId(GreSession::GetTypeId());
    m_deviceFactory.SetTypeId(PptpNetDevice::GetTypeId());
}

PptpServer::~PptpServer()
{
    NS_LOG_FUNCTION(this);
}

void
PptpServer::DoDispose()
{
    NS_LOG_FUNCTION(this);
    for (auto& entry : m_pendingOpens)
    {
        entry.second.Cancel();
    }
    m_pendingOpens.clear();
    // The node's IPv4 may be gone already: the tunnels only drop their links.
    for (auto& entry : m_tunnels)
    {
        entry.second.tunnel->Dispose();
    }
    m_tunnels.clear();
    m_localAddresses.clear();
    auto connections = m_connections;
    m_connections.clear();
    for (auto& entry : connections)
    {
        entry.second->Dispose();
    }
    if (m_listener)
    {
        m_listener->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                      MakeNullCallback<void, Ptr<Socket>, const Address&>());
        m_listener->Close();
        m_listener = nullptr;
    }
    Application::DoDispose();
}

void
PptpServer::StartApplication()
{
    NS_LOG_FUNCTION(this);
    if (m_poolSize > 0
        && (m_poolStart == Ipv4Address::GetAny()
            || uint64_t{m_poolStart.Get()} + m_poolSize > uint64_t{0xffffffff}))
    {
        NS_FATAL_ERROR("PptpServer on node "
                       << GetNode()->GetId() << ": AddressPoolStart " << m_poolStart
                       << " with AddressPoolSize " << m_poolSize
                       << " is not a valid range: set ns3::PptpServer::AddressPoolStart to a "
                          "unicast address and keep AddressPoolSize within 0.."
                       << (0xffffffffu - m_poolStart.Get()) << " from it");
    }
    m_pool.SetRange(m_poolStart, m_poolSize);
    std::string unknown = CheckUsers();
    if (!unknown.empty())
    {
        NS_LOG_WARN(unknown);
    }
    if (!m_echoInterval.IsStrictlyPositive())
    {
        NS_FATAL_ERROR("PptpServer: EchoInterval must be > 0 s (got " << m_echoInterval.As(Time::S)
                                                                      << ")");
    }
    if (!m_echoTimeout.IsStrictlyPositive())
    {
        NS_FATAL_ERROR("PptpServer: EchoTimeout must be > 0 s (got " << m_echoTimeout.As(Time::S)
                                                                     << ")");
    }
    if (!m_listener)
    {
        m_listener = Socket::CreateSocket(GetNode(), TcpSocketFactory::GetTypeId());
        Ipv4Address ip = Ipv4Address::IsMatchingType(m_local) ? Ipv4Address::ConvertFrom(m_local)
                                                              : Ipv4Address::GetAny();
        if (InetSocketAddress::IsMatchingType(m_local))
        {
            ip = InetSocketAddress::ConvertFrom(m_local).GetIpv4();
        }
        if (m_listener->Bind(InetSocketAddress(ip, m_port)) != 0)
        {
            NS_FATAL_ERROR("PptpServer: cannot bind TCP port " << m_port);
        }
        m_listener->Listen();
    }
    m_listener->SetAcceptCallback(MakeCallback(&PptpServer::HandleConnectionRequest, this),
                                  MakeCallback(&PptpServer::HandleAccept, this));
}

void
PptpServer::StopApplication()
{
    NS_LOG_FUNCTION(this);
    if (m_listener)
    {
        m_listener->Close();
        m_listener->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                      MakeNullCallback<void, Ptr<Socket>, const Address&>());
        m_listener = nullptr;
    }
    for (const auto& c : GetControlConnections())
    {
        c->Stop(PptpStopReason::STOP_LOCAL_SHUTDOWN);
    }
}

bool
PptpServer::HandleConnectionRequest(Ptr<Socket> socket, const Address& from)
{
    return true;
}

void
PptpServer::HandleAccept(Ptr<Socket> socket, const Address& from)
{
    NS_LOG_FUNCTION(this << socket << from);
    Ptr<PptpControlConnection> c = CreateObject<PptpControlConnection>();
    c->SetNode(GetNode());
    c->SetPeerType(PptpPeerType::PAC);
    c->SetAttribute("EchoInterval", TimeValue(m_echoInterval));
    c->SetAttribute("EchoTimeout", TimeValue(m_echoTimeout));
    c->SetAttribute("HostName", StringValue(m_hostName));
    c->SetAttribute("VendorName", StringValue(m_vendorName));
    c->SetAttribute("MaximumChannels", UintegerValue(std::min<uint32_t>(m_maxCalls, 65535)));
    c->SetAnswerParameters(m_receiveWindow, m_processingDelay, m_connectSpeed);
    c->SetClosedCallback(MakeCallback(&PptpServer::HandleClosed, this));
    c->SetAdmissionCallback(MakeCallback(&PptpServer::AdmitCall, this));
    c->SetCallEstablishedCallback(MakeCallback(&PptpServer::HandleCallEstablished, this));
    c->SetCallClearedCallback(MakeCallback(&PptpServer::HandleCallCleared, this));
    ForwardTraces(c);
    Address local;
    if (socket->GetSockName(local) == 0 && InetSocketAddress::IsMatchingType(local))
    {
        m_localAddresses[PeekPointer(c)] = InetSocketAddress::ConvertFrom(local).GetIpv4();
    }
    m_newConnectionTrace(c);
    if (m_connections.size() >= m_maxControlConnections)
    {
        NS_LOG_INFO("control connection from " << from << " over the limit of "
                                               << m_maxControlConnections);
        ++m_refusedConnections;
        c->RefuseStart();
    }
    else
    {
        ++m_acceptedConnections;
    }
    m_connections.emplace(PeekPointer(c), c);
    c->Accept(socket, from);
}

void
PptpServer::HandleClosed(Ptr<PptpControlConnection> c)
{
    NS_LOG_FUNCTION(this << c);
    m_connections.erase(PeekPointer(c));
    m_localAddresses.erase(PeekPointer(c));
}

bool
PptpServer::AdmitCall(Ptr<PptpControlConnection> c)
{
    if (m_activeCalls >= m_maxCalls)
    {
        NS_LOG_INFO("call refused: " << m_activeCalls << " calls, MaxCalls " << m_maxCalls);
        ++m_refusedCalls;
        return false;
    }
    ++m_activeCalls;
    return true;
}

void
PptpServer::HandleCallEstablished(Ptr<PptpControlConnection> c, Ptr<PptpCall> call)
{
    ++m_establishedCalls;
    // Not from inside the packet's receive path: adding an interface registers protocol
    // handlers with the node's traffic-control layer, whose handler list is being walked.
    m_pendingOpens[call->GetLocalCallId()]
        = Simulator::ScheduleNow(&PptpServer::OpenTunnel, this, c, call);
}

void
PptpServer::OpenTunnel(Ptr<PptpControlConnection> c, Ptr<PptpCall> call)
{
    NS_LOG_FUNCTION(this << call->GetLocalCallId());
    m_pendingOpens.erase(call->GetLocalCallId());
    if (call->IsCleared() || call->GetState() != PptpCallState::ESTABLISHED)
    {
        return;
    }
    if (m_tunnelAddress == Ipv4Address::GetAny())
    {
        NS_LOG_INFO("PptpServer on node " << GetNode()->GetId() << ": call "
                                          << call->GetLocalCallId()
                                          << " is up without a data channel (TunnelAddress "
                                             "is not set)");
        return;
    }
    PptpTunnel::GetGreProtocol(GetNode(), "PptpServer");
    Ipv4Address peer = c->GetPeerAddress();
    auto found = m_localAddresses.find(PeekPointer(c));
    Ipv4Address local = found != m_localAddresses.end() && found->second != Ipv4Address::GetAny()
                            ? found->second
                            : PptpTunnel::GetSourceAddressTo(GetNode(), peer);
    Ipv4Address assigned;
    bool pooled = false;
    auto inner = m_peerTunnelAddresses.find(peer.Get());
    if (inner != m_peerTunnelAddresses.end())
    {
        assigned = inner->second;
    }
    else
    {
        assigned = m_pool.Allocate();
        pooled = assigned != Ipv4Address::GetAny();
    }
    // A user's own address may still come after authentication (TunnelAuthenticated).
    if (assigned == Ipv4Address::GetAny() && m_userTunnelAddresses.empty())
    {
        ++m_unroutedCalls;
        NS_LOG_WARN("PptpServer on node " << GetNode()->GetId() << ": no tunnel address to "
                                          << "assign to " << peer << " (AddPeerTunnelAddress, "
                                          << "AddressPoolStart/Size); call "
                                          << call->GetLocalCallId()
                                          << " keeps the address its client asks for");
    }
    Ptr<PppLink> ppp = m_pppConfig.Create();
    ppp->SetRole(PppRole::SERVER);
    ppp->SetCredentials(m_credentials);
    ppp->SetAddresses(m_tunnelAddress, assigned);
    ppp->SetDnsServers(m_primaryDns, m_secondaryDns);
    Ptr<PptpTunnel> tunnel = CreateObject<PptpTunnel>();
    if (!tunnel->Open(GetNode(),
                      m_sessionFactory,
                      m_deviceFactory,
                      local,
                      peer,
                      call,
                      ppp,
                      MakeCallback(&PptpServer::TunnelUp, this),
                      MakeCallback(&PptpServer::TunnelLinkDown, this)))
    {
        if (pooled)
        {
            m_pool.Release(assigned);
        }
        return;
    }
    m_tunnels[call->GetLocalCallId()] = Tunnel{
        tunnel, pooled ? assigned : Ipv4Address::GetAny(), assigned != Ipv4Address::GetAny()};
    if (!m_userTunnelAddresses.empty())
    {
        ppp->TraceConnectWithoutContext(
            "Authentication",
            MakeCallback(&PptpServer::TunnelAuthenticated, this, call->GetLocalCallId()));
    }
    m_tunnelOpenedTrace(call->GetLocalCallId(), tunnel);
}

void
PptpServer::TunnelAuthenticated(uint16_t callId,
                                PppAuthMethod method,
                                bool success,
                                std::string user)
{
    NS_LOG_FUNCTION(this << callId << method << success << user);
    auto it = m_tunnels.find(callId);
    if (!success || it == m_tunnels.end())
    {
        return;
    }
    auto own = FindUser(m_userTunnelAddresses, user);
    if (own == m_userTunnelAddresses.end())
    {
        if (!it->second.addressed)
        {
            ++m_unroutedCalls;
            NS_LOG_WARN("PptpServer on node " << GetNode()->GetId() << ": no tunnel address for "
                                              << "user '" << user << "' (call " << callId
                                              << "); it keeps the address its client asks for");
        }
        return;
    }
    // IPCP starts right after this trace: the client is offered its own address.
    it->second.tunnel->GetPppLink()->GetIpcp()->SetPeerAddress(own->second);
    m_pool.Release(it->second.pooled);
    it->second.pooled = Ipv4Address::GetAny();
    it->second.addressed = true;
}

void
PptpServer::TunnelUp(Ptr<PptpTunnel> tunnel)
{
    NS_LOG_FUNCTION(this);
    auto routes = FindUser(m_userRoutes, GetTunnelUser(tunnel));
    if (routes != m_userRoutes.end())
    {
        for (const UserRoute& route : routes->second)
        {
            NS_LOG_INFO("PptpServer on node " << GetNode()->GetId() << ": " << route.network << "/"
                                              << route.mask.GetPrefixLength()
                                              << " through the tunnel of '" << routes->first
                                              << "' (call " << tunnel->GetLocalCallId() << ")");
            tunnel->AddNetworkRoute(route.network, route.mask);
        }
    }
    m_tunnelUpTrace(tunnel->GetLocalCallId(), tunnel);
}

void
PptpServer::TunnelLinkDown(Ptr<PptpTunnel> tunnel, std::string reason)
{
    NS_LOG_FUNCTION(this << reason);
    uint16_t callId = tunnel->GetLocalCallId();
    NS_LOG_INFO("PptpServer on node " << GetNode()->GetId() << ": PPP link of call " << callId
                                      << " ended (" << reason << "); clearing the call");
    // pptpd sends Call-Disconnect-Notify when its pppd ends.
    Simulator::ScheduleNow(&PptpServer::ClearTunnelCall, this, callId);
}

void
PptpServer::ClearTunnelCall(uint16_t callId)
{
    for (const auto& entry : m_connections)
    {
        Ptr<PptpCall> call = entry.second->GetCall(callId);
        if (call && !call->IsCleared())
        {
            entry.second->ClearCall(callId);
            return;
        }
    }
}

void
PptpServer::AddUser(const std::string& user, const std::string& password)
{
    NS_LOG_FUNCTION(this << user);
    m_credentials->Add(user, password);
}

void
PptpServer::SetPppAttribute(const std::string& name, const AttributeValue& value)
{
    m_pppConfig.Set(name, value, "PptpServer");
}

void
PptpServer::AddPeerTunnelAddress(Ipv4Address outerPeer, Ipv4Address innerPeer)
{
    NS_LOG_FUNCTION(this << outerPeer << innerPeer);
    m_peerTunnelAddresses[outerPeer.Get()] = innerPeer;
}

std::string
PptpServer::CheckUserRoute(const std::string& user, Ipv4Address network, Ipv4Mask mask)
{
    std::ostringstream os;
    uint16_t length = mask.GetPrefixLength();
    if (user.empty())
    {
        os << "PptpServer::AddUserRoute: the user name is empty (valid: the PPP user name of "
              "a branch router)";
    }
    else if (length == 0 || mask.Get() != (0xffffffffU << (32 - length)))
    {
        os << "PptpServer::AddUserRoute: user '" << user << "': mask " << mask
           << " is not valid (valid: a contiguous mask of /1 ../32)";
    }
    else if (network.CombineMask(mask) != network)
    {
        os << "PptpServer::AddUserRoute: user '" << user << "': " << network << " is not the "
           << "network address of a /" << length << " (valid: " << network.CombineMask(mask) << "/"
           << length << ")";
    }
    return os.str();
}

void
PptpServer::AddUserRoute(const std::string& user, Ipv4Address network, Ipv4Mask mask)
{
    NS_LOG_FUNCTION(this << user << network << mask);
    std::string problem = CheckUserRoute(user, network, mask);
    NS_ABORT_MSG_UNLESS(problem.empty(), problem);
    m_userRoutes[user].push_back(UserRoute{network, mask});
}

void
PptpServer::AddUserTunnelAddress(const std::string& user, Ipv4Address innerPeer)
{
    NS_LOG_FUNCTION(this << user << innerPeer);
    NS_ABORT_MSG_IF(user.empty(),
                    "PptpServer::AddUserTunnelAddress: the user name is empty (valid: a PPP "
                    "user name)");
    NS_ABORT_MSG_IF(innerPeer == Ipv4Address::GetAny() || innerPeer.IsBroadcast()
                        || innerPeer.IsMulticast(),
                    "PptpServer::AddUserTunnelAddress: user '"
                        << user << "': " << innerPeer
                        << " is not a valid tunnel address (valid: a unicast address)");
    m_userTunnelAddresses[user] = innerPeer;
}

std::string
PptpServer::CheckUsers() const
{
    std::string password;
    for (const auto& entry : m_userRoutes)
    {
        if (!m_credentials->Lookup(entry.first, password))
        {
            return "PptpServer: AddUserRoute names user '" + entry.first
                   + "', who is not in the user table (AddUser()): the prefix is never routed";
        }
    }
    for (const auto& entry : m_userTunnelAddresses)
    {
        if (!m_credentials->Lookup(entry.first, password))
        {
            return "PptpServer: AddUserTunnelAddress names user '" + entry.first
                   + "', who is not in the user table (AddUser()): the address is never given";
        }
    }
    return "";
}

std::string
PptpServer::GetTunnelUser(Ptr<const PptpTunnel> tunnel)
{
    Ptr<PppLink> ppp = tunnel ? tunnel->GetPppLink() : nullptr;
    Ptr<PppAuthenticator> authenticator = ppp ? ppp->GetAuthenticator() : nullptr;
    if (!authenticator || authenticator->GetState() != PppAuthenticatorState::SUCCEEDED)
    {
        return "";
    }
    return authenticator->GetPeerName();
}

template <typename Table>
typename Table::const_iterator
PptpServer::FindUser(const Table& table, const std::string& user)
{
    if (user.empty())
    {
        return table.end();
    }
    auto it = table.find(user);
    std::size_t slash = user.rfind('\\');
    if (it == table.end() && slash != std::string::npos)
    {
        it = table.find(user.substr(slash + 1));
    }
    return it;
}

void
PptpServer::SetSessionAttribute(const std::string& name, const AttributeValue& value)
{
    m_sessionFactory.Set(name, value);
}

void
PptpServer::SetDeviceAttribute(const std::string& name, const AttributeValue& value)
{
    m_deviceFactory.Set(name, value);
}

Ptr<PptpTunnel>
PptpServer::GetTunnel(uint16_t localCallId) const
{
    auto it = m_tunnels.find(localCallId);
    return it == m_tunnels.end() ? nullptr : it->second.tunnel;
}

std::vector<Ptr<PptpTunnel>>
PptpServer::GetTunnels() const
{
    std::vector<Ptr<PptpTunnel>> result;
    result.reserve(m_tunnels.size());
    for (const auto& entry : m_tunnels)
    {
        result.push_back(entry.second.tunnel);
    }
    return result;
}

uint64_t
PptpServer::GetUnroutedCalls() const
{
    return m_unroutedCalls;
}

void
PptpServer::HandleCallCleared(Ptr<PptpControlConnection> c, Ptr<PptpCall> call)
{
    if (m_activeCalls > 0)
    {
        --m_activeCalls;
    }
    ++m_clearedCalls;
    auto pending = m_pendingOpens.find(call->GetLocalCallId());
    if (pending != m_pendingOpens.end())
    {
        pending->second.Cancel();
        m_pendingOpens.erase(pending);
    }
    auto it = m_tunnels.find(call->GetLocalCallId());
    if (it != m_tunnels.end())
    {
        Ptr<PptpTunnel> tunnel = it->second.tunnel;
        m_pool.Release(it->second.pooled);
        m_tunnels.erase(it);
        tunnel->Close();
        m_tunnelDownTrace(tunnel->GetLocalCallId(), tunnel);
    }
}

std::vector<Ptr<PptpControlConnection>>
PptpServer::GetControlConnections() const
{
    std::vector<Ptr<PptpControlConnection>> result;
    result.reserve(m_connections.size());
    for (const auto& entry : m_connections)
    {
        result.push_back(entry.second);
    }
    return result;
}

uint32_t
PptpServer::GetControlConnectionCount() const
{
    return m_connections.size();
}

uint32_t
PptpServer::GetCallCount() const
{
    return m_activeCalls;
}

uint64_t
PptpServer::GetAcceptedControlConnections() const
{
    return m_acceptedConnections;
}

uint64_t
PptpServer::GetRefusedControlConnections() const
{
    return m_refusedConnections;
}

uint64_t
PptpServer::GetEstablishedCalls() const
{
    return m_establishedCalls;
}

uint64_t
PptpServer::GetRefusedCalls() const
{
    return m_refusedCalls;
}

uint64_t
PptpServer::GetClearedCalls() const
{
    return m_clearedCalls;
}

} // namespace ns3
