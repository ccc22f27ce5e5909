/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-client.h"

#include "ns3/boolean.h"
#include "ns3/inet-socket-address.h"
#include "ns3/ipv4-address.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PptpClient");

NS_OBJECT_ENSURE_REGISTERED(PptpClient);

TypeId
PptpClient::GetTypeId()
{
    static TypeId tid = AddTraceSources(
        TypeId("ns3::PptpClient")
            .SetParent<Application>()
            .SetGroupName("Pptp")
            .AddConstructor<PptpClient>()
            .AddAttribute("RemoteAddress",
                          "The server's address (an Ipv4Address or an InetSocketAddress).",
                          AddressValue(),
                          MakeAddressAccessor(&PptpClient::m_remote),
                          MakeAddressChecker())
            .AddAttribute("RemotePort",
                          "The server's TCP port (RFC 2637 s.1.4: 1723; 1..65535); unused when "
                          "RemoteAddress is an InetSocketAddress.",
                          UintegerValue(PPTP_TCP_PORT),
                          MakeUintegerAccessor(&PptpClient::m_remotePort),
                          MakePptpRangeChecker(MakeUintegerChecker<uint16_t>(1, 65535),
                                               "ns3::PptpClient::RemotePort",
                                               "1..65535"))
            .AddAttribute("ReceiveWindow",
                          "Packet Recv. Window Size of the OCRQ (1..65535; default 64, what "
                          "Windows clients send).",
                          UintegerValue(64),
                          MakeUintegerAccessor(&PptpClient::m_receiveWindow),
                          MakePptpRangeChecker(MakeUintegerChecker<uint16_t>(1, 65535),
                                               "ns3::PptpClient::ReceiveWindow",
                                               "1..65535"))
            .AddAttribute("PacketProcessingDelay",
                          "Packet Processing Delay of the OCRQ in 1/10 s (0..65535; default 0).",
                          UintegerValue(0),
                          MakeUintegerAccessor(&PptpClient::m_processingDelay),
                          MakeUintegerChecker<uint16_t>())
            .AddAttribute("MinimumBps",
                          "Minimum BPS of the OCRQ (default 2400, as pptp-linux).",
                          UintegerValue(2400),
                          MakeUintegerAccessor(&PptpClient::m_minimumBps),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("MaximumBps",
                          "Maximum BPS of the OCRQ (default 10000000, as pptp-linux).",
                          UintegerValue(10000000),
                          MakeUintegerAccessor(&PptpClient::m_maximumBps),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("BearerType",
                          "Bearer Type of the OCRQ: 1 analog, 2 digital, 3 either (default 3).",
                          UintegerValue(3),
                          MakeUintegerAccessor(&PptpClient::m_bearerType),
                          MakePptpRangeChecker(MakeUintegerChecker<uint32_t>(1, 3),
                                               "ns3::PptpClient::BearerType",
                                               "1..3"))
            .AddAttribute("FramingType",
                          "Framing Type of the OCRQ: 1 async, 2 sync, 3 either (default 3).",
                          UintegerValue(3),
                          MakeUintegerAccessor(&PptpClient::m_framingType),
                          MakePptpRangeChecker(MakeUintegerChecker<uint32_t>(1, 3),
                                               "ns3::PptpClient::FramingType",
                                               "1..3"))
            .AddAttribute("PhoneNumber",
                          "Phone Number of the OCRQ (at most 64 octets).",
                          StringValue(""),
                          MakeStringAccessor(&PptpClient::m_phoneNumber),
                          MakeStringChecker())
            .AddAttribute("Subaddress",
                          "Subaddress of the OCRQ (at most 64 octets).",
                          StringValue(""),
                          MakeStringAccessor(&PptpClient::m_subaddress),
                          MakeStringChecker())
            .AddAttribute(
                "CallDuration",
                "How long the call is held once established; 0 holds it until the "
                "application stops or ClearCall() is called. Must be >= 0.",
                TimeValue(Seconds(0)),
                MakeTimeAccessor(&PptpClient::SetCallDuration, &PptpClient::GetCallDuration),
                MakePptpRangeChecker(MakeTimeChecker(Seconds(0)),
                                     "ns3::PptpClient::CallDuration",
                                     ">= 0 s (0: until stopped)"))
            .AddAttribute("StopAfterClear",
                          "Stop the control connection once the call has ended.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&PptpClient::m_stopAfterClear),
                          MakeBooleanChecker())
            .AddAttribute(
                "EchoInterval",
                "EchoInterval of the control connection (RFC 2637 s.3.1.4: 60 s). "
                "Must be > 0.",
                TimeValue(Seconds(60)),
                MakeTimeAccessor(&PptpClient::SetEchoInterval, &PptpClient::GetEchoInterval),
                MakePptpRangeChecker(
                    MakeTimeChecker(TimeStep(1)), "ns3::PptpClient::EchoInterval", "> 0 s"))
            .AddAttribute(
                "EchoTimeout",
                "EchoTimeout of the control connection (RFC 2637 s.3.1.4: 60 s). "
                "Must be > 0.",
                TimeValue(Seconds(60)),
                MakeTimeAccessor(&PptpClient::SetEchoTimeout, &PptpClient::GetEchoTimeout),
                MakePptpRangeChecker(
                    MakeTimeChecker(TimeStep(1)), "ns3::PptpClient::EchoTimeout", "> 0 s"))
            .AddAttribute("HostName",
                          "Host Name of the SCCRQ.",
                          StringValue(""),
                          MakeStringAccessor(&PptpClient::m_hostName),
                          MakeStringChecker())
            .AddAttribute("VendorName",
                          "Vendor String of the SCCRQ.",
                          StringValue("ns-3 pptp"),
                          MakeStringAccessor(&PptpClient::m_vendorName),
                          MakeStringChecker())
            .AddAttribute("DataChannel",
                          "Open the call's data channel (GRE session, ppp0 and PPP) once the "
                          "call is established. false: the call carries no data (control "
                          "plane studies).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&PptpClient::m_dataChannel),
                          MakeBooleanChecker())
            .AddAttribute("TunnelAddress",
                          "The tunnel (inner) address this client asks IPCP for. 0.0.0.0 "
                          "(the default): the server assigns one, as for any dial-in client.",
                          Ipv4AddressValue(Ipv4Address::GetAny()),
                          MakeIpv4AddressAccessor(&PptpClient::m_tunnelAddress),
                          MakeIpv4AddressChecker())
            .AddAttribute("DefaultRoute",
                          "Route everything through the tunnel (0.0.0.0/1 and 128.0.0.0/1), "
                          "keeping a host route to the server's public address over the "
                          "physical network, as pppd's defaultroute with a PPTP client.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&PptpClient::m_defaultRoute),
                          MakeBooleanChecker())
            .AddAttribute("TunnelNetwork",
                          "A prefix routed through the tunnel (split tunnelling), with "
                          "TunnelMask.",
                          Ipv4AddressValue(Ipv4Address::GetAny()),
                          MakeIpv4AddressAccessor(&PptpClient::m_tunnelNetwork),
                          MakeIpv4AddressChecker())
            .AddAttribute("TunnelMask",
                          "The mask of TunnelNetwork; 0.0.0.0 (the default): no prefix route.",
                          Ipv4MaskValue(Ipv4Mask::GetZero()),
                          MakeIpv4MaskAccessor(&PptpClient::m_tunnelMask),
                          MakeIpv4MaskChecker()));
    return tid;
}

PptpClient::PptpClient()
    : m_remotePort(PPTP_TCP_PORT)
    , m_receiveWindow(64)
    , m_processingDelay(0)
    , m_minimumBps(2400)
    , m_maximumBps(10000000)
    , m_bearerType(3)
    , m_framingType(3)
    , m_callDuration(Seconds(0))
    , m_stopAfterClear(true)
    , m_echoInterval(Seconds(60))
    , m_echoTimeout(Seconds(60))
    , m_defaultRoute(false)
    , m_tunnelMask(Ipv4Mask::GetZero())
{
    NS_LOG_FUNCTION(this);
    m_sessionFactory.SetTypeId(GreSession::GetTypeId());
    m_deviceFactory.SetTypeId(PptpNetDevice::GetTypeId());
}

PptpClient::~PptpClient()
{
    NS_LOG_FUNCTION(this);
}

void
PptpClient::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_durationEvent.Cancel();
    m_openEvent.Cancel();
    if (m_tunnel)
    {
        // The node's IPv4 may be gone already: only the links are dropped.
        m_tunnel->Dispose();
        m_tunnel = nullptr;
    }
    if (m_connection)
    {
        m_connection->Dispose();
        m_connection = nullptr;
    }
    m_call = nullptr;
    Application::DoDispose();
}

void
PptpClient::SetEchoInterval(Time t)
{
    if (!t.IsStrictlyPositive())
    {
        NS_FATAL_ERROR("PptpClient: EchoInterval must be > 0 s (got " << t.As(Time::S) << ")");
    }
    m_echoInterval = t;
}

void
PptpClient::SetEchoTimeout(Time t)
{
    if (!t.IsStrictlyPositive())
    {
        NS_FATAL_ERROR("PptpClient: EchoTimeout must be > 0 s (got " << t.As(Time::S) << ")");
    }
    m_echoTimeout = t;
}

void
PptpClient::SetCallDuration(Time t)
{
    if (t.IsStrictlyNegative())
    {
        NS_FATAL_ERROR("PptpClient: CallDuration must be >= 0 s (got " << t.As(Time::S) << ")");
    }
    m_callDuration = t;
}

Time
PptpClient::GetEchoInterval() const
{
    return m_echoInterval;
}

Time
PptpClient::GetEchoTimeout() const
{
    return m_echoTimeout;
}

Time
PptpClient::GetCallDuration() const
{
    return m_callDuration;
}

void
PptpClient::StartApplication()
{
    NS_LOG_FUNCTION(this);
    Address peer;
    if (InetSocketAddress::IsMatchingType(m_remote))
    {
        peer = m_remote;
    }
    else if (Ipv4Address::IsMatchingType(m_remote))
    {
        peer = InetSocketAddress(Ipv4Address::ConvertFrom(m_remote), m_remotePort);
    }
    else
    {
        NS_FATAL_ERROR("PptpClient: RemoteAddress must be an Ipv4Address or an "
                       "InetSocketAddress (got "
                       << m_remote << ")");
    }
    if (m_connection)
    {
        return; // a control connection is used once
    }
    m_connection = CreateObject<PptpControlConnection>();
    m_connection->SetNode(GetNode());
    m_connection->SetPeerType(PptpPeerType::PNS);
    m_connection->SetAttribute("EchoInterval", TimeValue(m_echoInterval));
    m_connection->SetAttribute("EchoTimeout", TimeValue(m_echoTimeout));
    m_connection->SetAttribute("HostName", StringValue(m_hostName));
    m_connection->SetAttribute("VendorName", StringValue(m_vendorName));
    m_connection->SetAnswerParameters(m_receiveWindow, m_processingDelay, 0);
    m_connection->SetEstablishedCallback(MakeCallback(&PptpClient::HandleEstablished, this));
    m_connection->SetClosedCallback(MakeCallback(&PptpClient::HandleClosed, this));
    m_connection->SetCallEstablishedCallback(
        MakeCallback(&PptpClient::HandleCallEstablished, this));
    m_connection->SetCallClearedCallback(MakeCallback(&PptpClient::HandleCallCleared, this));
    ForwardTraces(m_connection);
    m_connection->Connect(peer);
}

void
PptpClient::StopApplication()
{
    NS_LOG_FUNCTION(this);
    m_durationEvent.Cancel();
    if (m_connection)
    {
        m_connection->Stop(PptpStopReason::STOP_LOCAL_SHUTDOWN);
    }
}

void
PptpClient::HandleEstablished(Ptr<PptpControlConnection> c)
{
    NS_LOG_FUNCTION(this);
    PptpOutgoingCallRequest request;
    request.minimumBps = m_minimumBps;
    request.maximumBps = m_maximumBps;
    request.bearerType = static_cast<PptpBearerType>(m_bearerType);
    request.framingType = static_cast<PptpFramingType>(m_framingType);
    request.phoneNumberLength
        = static_cast<uint16_t>(std::min<std::size_t>(m_phoneNumber.size(), 64));
    PptpSetText(request.phoneNumber, m_phoneNumber);
    PptpSetText(request.subaddress, m_subaddress);
    m_call = c->PlaceOutgoingCall(request, m_receiveWindow, m_processingDelay);
    if (!m_call)
    {
        NS_LOG_WARN("PptpClient: the call could not be placed");
        if (m_stopAfterClear)
        {
            c->Stop(PptpStopReason::NONE);
        }
    }
}

void
PptpClient::HandleClosed(Ptr<PptpControlConnection> c)
{
    NS_LOG_FUNCTION(this << PptpControlCloseReasonName(c->GetCloseReason()));
    m_durationEvent.Cancel();
}

void
PptpClient::HandleCallEstablished(Ptr<PptpControlConnection> c, Ptr<PptpCall> call)
{
    NS_LOG_FUNCTION(this << call->GetLocalCallId());
    if (call != m_call)
    {
        return;
    }
    // Not from inside the packet's receive path: adding an interface registers protocol
    // handlers with the node's traffic-control layer, whose handler list is being walked.
    m_openEvent = Simulator::ScheduleNow(&PptpClient::OpenTunnel, this, c, call);
    if (m_callDuration.IsStrictlyPositive())
    {
        m_durationEvent = Simulator::Schedule(m_callDuration, &PptpClient::DurationExpired, this);
    }
}

void
PptpClient::OpenTunnel(Ptr<PptpControlConnection> c, Ptr<PptpCall> call)
{
    NS_LOG_FUNCTION(this << call->GetLocalCallId());
    if (call->IsCleared() || call->GetState() != PptpCallState::ESTABLISHED)
    {
        return;
    }
    if (!m_dataChannel)
    {
        NS_LOG_INFO("PptpClient on node " << GetNode()->GetId() << ": call "
                                          << call->GetLocalCallId()
                                          << " is up without a data channel (DataChannel "
                                             "is false)");
        return;
    }
    PptpTunnel::GetGreProtocol(GetNode(), "PptpClient");
    Ipv4Address server = c->GetPeerAddress();
    Ipv4Address local = PptpTunnel::GetSourceAddressTo(GetNode(), server);
    if (local == Ipv4Address::GetAny())
    {
        NS_LOG_WARN("PptpClient on node " << GetNode()->GetId() << ": no route to " << server
                                          << " for the GRE packets; no data channel");
        return;
    }
    Ptr<PppLink> ppp = m_pppConfig.Create();
    ppp->SetRole(PppRole::CLIENT);
    ppp->SetAddresses(m_tunnelAddress, Ipv4Address::GetAny());
    Ptr<PptpTunnel> tunnel = CreateObject<PptpTunnel>();
    if (!tunnel->Open(GetNode(),
                      m_sessionFactory,
                      m_deviceFactory,
                      local,
                      server,
                      call,
                      ppp,
                      MakeCallback(&PptpClient::TunnelUp, this),
                      MakeCallback(&PptpClient::TunnelLinkDown, this)))
    {
        return;
    }
    m_tunnel = tunnel;
    m_tunnelOpenedTrace(call->GetLocalCallId(), tunnel);
}

void
PptpClient::TunnelUp(Ptr<PptpTunnel> tunnel)
{
    NS_LOG_FUNCTION(this);
    if (m_tunnelMask != Ipv4Mask::GetZero())
    {
        tunnel->AddNetworkRoute(m_tunnelNetwork, m_tunnelMask);
    }
    Ipv4Address server = m_connection->GetPeerAddress();
    if (m_defaultRoute && !tunnel->AddDefaultRoute(server))
    {
        NS_LOG_WARN("PptpClient on node " << GetNode()->GetId()
                                          << ": no default route through the tunnel (no "
                                             "route to the server to keep)");
    }
    m_tunnelUpTrace(tunnel->GetLocalCallId(), tunnel);
}

void
PptpClient::TunnelLinkDown(Ptr<PptpTunnel> tunnel, std::string reason)
{
    NS_LOG_FUNCTION(this << reason);
    NS_LOG_INFO("PptpClient on node " << GetNode()->GetId() << ": PPP link of call "
                                      << tunnel->GetLocalCallId() << " ended (" << reason
                                      << "); clearing the call");
    // pptp-linux and Windows clear the call (Call-Clear-Request) when PPP ends.
    Simulator::ScheduleNow(&PptpClient::ClearCallIfAny, this);
}

void
PptpClient::ClearCallIfAny()
{
    ClearCall();
}

void
PptpClient::CloseTunnel()
{
    if (m_tunnel && m_tunnel->IsOpen())
    {
        NS_LOG_FUNCTION(this);
        m_tunnel->Close();
        m_tunnelDownTrace(m_tunnel->GetLocalCallId(), m_tunnel);
    }
}

void
PptpClient::SetSessionAttribute(const std::string& name, const AttributeValue& value)
{
    m_sessionFactory.Set(name, value);
}

void
PptpClient::SetDeviceAttribute(const std::string& name, const AttributeValue& value)
{
    m_deviceFactory.Set(name, value);
}

void
PptpClient::SetPppAttribute(const std::string& name, const AttributeValue& value)
{
    m_pppConfig.Set(name, value, "PptpClient");
}

Ptr<PptpTunnel>
PptpClient::GetTunnel() const
{
    return m_tunnel;
}

Ptr<GreSession>
PptpClient::GetGreSession() const
{
    return m_tunnel ? m_tunnel->GetSession() : nullptr;
}

Ptr<PptpNetDevice>
PptpClient::GetTunnelDevice() const
{
    return m_tunnel ? m_tunnel->GetDevice() : nullptr;
}

void
PptpClient::HandleCallCleared(Ptr<PptpControlConnection> c, Ptr<PptpCall> call)
{
    NS_LOG_FUNCTION(this << call->GetLocalCallId());
    if (call != m_call)
    {
        return; // another call placed on the connection directly: not the client's own
    }
    m_durationEvent.Cancel();
    m_openEvent.Cancel();
    CloseTunnel();
    if (m_stopAfterClear && c->GetState() == PptpControlConnectionState::ESTABLISHED)
    {
        // Not from inside the call's own handling: the CDN is still being processed.
        Simulator::ScheduleNow(&PptpControlConnection::Stop, c, PptpStopReason::NONE);
    }
}

void
PptpClient::DurationExpired()
{
    NS_LOG_FUNCTION(this);
    ClearCall();
}

bool
PptpClient::ClearCall()
{
    NS_LOG_FUNCTION(this);
    if (!m_connection || !m_call || m_call->IsCleared())
    {
        return false;
    }
    return m_connection->ClearCall(m_call->GetLocalCallId());
}

void
PptpClient::StopControlConnection(PptpStopReason reason)
{
    NS_LOG_FUNCTION(this);
    if (m_connection)
    {
        m_connection->Stop(reason);
    }
}

Ptr<PptpControlConnection>
PptpClient::GetControlConnection() const
{
    return m_connection;
}

Ptr<PptpCall>
PptpClient::GetCall() const
{
    return m_call;
}

} // namespace ns3
