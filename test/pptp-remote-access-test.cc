/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Remote access at scale (RFC 2637 s.3): many PptpClient applications on one PptpServer over
// ns-3 TCP, with PPP (MS-CHAPv2, MPPE-128, IPCP) in every call's tunnel; the server's call and
// control-connection limits; and the pptp-remote-access example run as a program: its tunnels
// and traffic with the default options, PAP without MPPE, a wrong password, and its pcaps
// (server core link, client 0's access link and ppp0) checked with tshark.

#include "example-run.h"
#include "pptp-call.h"
#include "pptp-client-helper.h"
#include "pptp-client.h"
#include "pptp-control-connection.h"
#include "pptp-control-message.h"
#include "pptp-control-types.h"
#include "pptp-security-options.h"
#include "pptp-server-helper.h"
#include "pptp-server.h"
#include "pptp-test-util.h"
#include "pptp-tunnel.h"
#include "tshark-util.h"

#include "ns3/application-container.h"
#include "ns3/boolean.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-interface-container.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/ipv4-static-routing.h"
#include "ns3/ipv4.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/nstime.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

/// A star: every client has its own point-to-point link to the router, the router one to the
/// server. Static routes (a default route on each client and on the server) keep the set-up
/// linear in the number of clients.
struct Star
{
    Ptr<Node> server;          //!< the PPTP server
    Ptr<Node> router;          //!< the ISP router
    NodeContainer clients;     //!< the PPTP clients
    Ipv4Address serverAddress; //!< the server's address on the core link
};

/**
 * \brief Builds the star.
 * \param clients how many clients
 * \return the nodes and the server's address
 */
Star
BuildStar(uint32_t clients)
{
    Star star;
    star.server = CreateObject<Node>();
    star.router = CreateObject<Node>();
    star.clients.Create(clients);
    InternetStackHelper internet;
    internet.Install(star.server);
    internet.Install(star.router);
    internet.Install(star.clients);

    PointToPointHelper core;
    core.SetDeviceAttribute("DataRate", StringValue("1Gbps"));
    core.SetChannelAttribute("Delay", StringValue("5ms"));
    PointToPointHelper access;
    access.SetDeviceAttribute("DataRate", StringValue("10Mbps"));
    access.SetChannelAttribute("Delay", StringValue("2ms"));

    Ipv4AddressHelper address;
    Ipv4StaticRoutingHelper staticRouting;
    address.SetBase("192.168.0.0", "255.255.255.252");
    Ipv4InterfaceContainer coreIf = address.Assign(core.Install(star.router, star.server));
    star.serverAddress = coreIf.GetAddress(1);
    Ptr<Ipv4> serverIp = star.server->GetObject<Ipv4>();
    staticRouting.GetStaticRouting(serverIp)->SetDefaultRoute(coreIf.GetAddress(0),
                                                              coreIf.Get(1).second);

    address.SetBase("10.0.0.0", "255.255.255.252");
    for (uint32_t i = 0; i < clients; ++i)
    {
        Ipv4InterfaceContainer linkIf
            = address.Assign(access.Install(star.clients.Get(i), star.router));
        address.NewNetwork();
        Ptr<Ipv4> clientIp = star.clients.Get(i)->GetObject<Ipv4>();
        staticRouting.GetStaticRouting(clientIp)->SetDefaultRoute(linkIf.GetAddress(1),
                                                                  linkIf.Get(0).second);
    }
    return star;
}

/// What one client saw.
struct ClientLog
{
    uint32_t established{0};                                    //!< CallEstablished events
    uint16_t localCallId{0};                                    //!< from CallEstablished
    uint16_t peerCallId{0};                                     //!< from CallEstablished
    uint32_t cleared{0};                                        //!< CallCleared events
    PptpCallClearReason clearReason{PptpCallClearReason::NONE}; //!< last clear cause
    uint8_t clearResult{0};                                     //!< last clear result code
    uint32_t malformed{0};                                      //!< MalformedMessage events
    bool sccrpSeen{false};                                      //!< an SCCRP arrived
    PptpStartControlConnectionResult sccrpResult{0};            //!< its Result Code
    PptpGeneralError sccrpError{PptpGeneralError::NONE};        //!< its Error Code
    bool ocrpSeen{false};                                       //!< an OCRP arrived
    PptpOutgoingCallResult ocrpResult{0};                       //!< its Result Code
    PptpGeneralError ocrpError{PptpGeneralError::NONE};         //!< its Error Code
    std::vector<PptpControlMessageType> tx;                     //!< types sent, in order
    uint32_t tunnelsUp{0};                                      //!< TunnelUp events
    uint32_t tunnelsDown{0};                                    //!< TunnelDown events
    Ipv4Address tunnelAddress;                                  //!< from TunnelUp
    bool mppe{false};                                           //!< MPPE on at TunnelUp
};

/// What the server saw, over all its connections.
struct ServerLog
{
    uint32_t established{0};                           //!< CallEstablished events
    uint32_t active{0};                                //!< calls up now
    uint32_t peakActive{0};                            //!< most calls up at once
    std::set<uint16_t> localCallIds;                   //!< Call IDs of established calls
    std::map<PptpCallClearReason, uint32_t> clearedBy; //!< CallCleared by cause
    std::map<uint8_t, uint32_t> clearedResult;         //!< CallCleared by result code
    uint32_t malformed{0};                             //!< MalformedMessage events
    uint32_t tunnelsUp{0};                             //!< TunnelUp events
};

/// The logs of one simulation.
struct Logs
{
    std::vector<ClientLog> clients; //!< one per client
    ServerLog server;               //!< the server
};

Logs* g_logs = nullptr; //!< the logs the sinks write to

/// Sink of client i's CallEstablished.
void
ClientEstablished(uint32_t i, uint16_t local, uint16_t peer, uint16_t, uint16_t, uint16_t)
{
    ClientLog& log = g_logs->clients[i];
    ++log.established;
    log.localCallId = local;
    log.peerCallId = peer;
}

/// Sink of client i's CallCleared.
void
ClientCleared(uint32_t i, uint16_t, PptpCallClearReason reason, uint8_t result)
{
    ClientLog& log = g_logs->clients[i];
    ++log.cleared;
    log.clearReason = reason;
    log.clearResult = result;
}

/// Sink of client i's MalformedMessage.
void
ClientMalformed(uint32_t i, WireError)
{
    ++g_logs->clients[i].malformed;
}

/// Sink of client i's Rx: keeps the SCCRP and OCRP codes.
void
ClientRx(uint32_t i, const PptpControlMessage& m)
{
    ClientLog& log = g_logs->clients[i];
    if (const auto* sccrp = m.GetBody<PptpStartControlConnectionReply>())
    {
        log.sccrpSeen = true;
        log.sccrpResult = sccrp->resultCode;
        log.sccrpError = sccrp->errorCode;
    }
    else if (const auto* ocrp = m.GetBody<PptpOutgoingCallReply>())
    {
        log.ocrpSeen = true;
        log.ocrpResult = ocrp->resultCode;
        log.ocrpError = ocrp->errorCode;
    }
}

/// Sink of client i's Tx: keeps the message types.
void
ClientTx(uint32_t i, const PptpControlMessage& m)
{
    g_logs->clients[i].tx.push_back(m.GetMessageType());
}

/// Sink of client i's TunnelUp: keeps the address IPCP gave and whether MPPE is on.
void
ClientTunnelUp(uint32_t i, uint16_t, Ptr<PptpTunnel> tunnel)
{
    ClientLog& log = g_logs->clients[i];
    ++log.tunnelsUp;
    log.tunnelAddress = tunnel->GetTunnelAddress();
    Ptr<MppeChannel> mppe = tunnel->GetPppLink()->GetMppeChannel();
    log.mppe = mppe && mppe->IsStarted();
}

/// Sink of client i's TunnelDown.
void
ClientTunnelDown(uint32_t i, uint16_t, Ptr<PptpTunnel>)
{
    ++g_logs->clients[i].tunnelsDown;
}

/// Sink of the server's TunnelUp.
void
ServerTunnelUp(uint16_t, Ptr<PptpTunnel>)
{
    ++g_logs->server.tunnelsUp;
}

/// Sink of the server's CallEstablished.
void
ServerEstablished(uint16_t local, uint16_t, uint16_t, uint16_t, uint16_t)
{
    ServerLog& log = g_logs->server;
    ++log.established;
    ++log.active;
    log.peakActive = std::max(log.peakActive, log.active);
    log.localCallIds.insert(local);
}

/// Sink of the server's CallCleared.
void
ServerCleared(uint16_t, PptpCallClearReason reason, uint8_t result)
{
    ServerLog& log = g_logs->server;
    if (log.active > 0)
    {
        --log.active;
    }
    ++log.clearedBy[reason];
    ++log.clearedResult[result];
}

/// Sink of the server's MalformedMessage.
void
ServerMalformed(WireError)
{
    ++g_logs->server.malformed;
}

/// One remote-access run on the star.
struct Run
{
    Star star;                            //!< the topology
    Ptr<PptpServer> server;               //!< the server application
    std::vector<Ptr<PptpClient>> clients; //!< the client applications
};

/**
 * \brief Builds the star, installs the server and the clients and connects the logs.
 * \param logs where the sinks write
 * \param clients how many clients
 * \param stagger time between two clients' starts (client i starts at 1 s + i * stagger)
 * \param hold CallDuration of each client
 * \param maxCalls the server's MaxCalls
 * \param maxConnections the server's MaxControlConnections
 * \param dataChannel bring each call's tunnel up with PPP (the default security options:
 * MS-CHAPv2, MPPE-128 stateless; the server's pool 10.8.0.2 upward); false: control plane only
 * (the clients' DataChannel false, no TunnelAddress on the server)
 * \return the run
 */
Run
SetUp(Logs& logs,
      uint32_t clients,
      Time stagger,
      Time hold,
      uint32_t maxCalls,
      uint32_t maxConnections,
      bool dataChannel)
{
    g_logs = &logs;
    logs.clients.assign(clients, ClientLog());
    Run run;
    run.star = BuildStar(clients);

    PptpServerHelper serverHelper;
    serverHelper.SetAttribute("MaxCalls", UintegerValue(maxCalls));
    serverHelper.SetAttribute("MaxControlConnections", UintegerValue(maxConnections));
    PptpClientHelper clientHelper(run.star.serverAddress);
    clientHelper.SetAttribute("CallDuration", TimeValue(hold));
    clientHelper.SetAttribute("StopAfterClear", BooleanValue(true));
    clientHelper.SetAttribute("DataChannel", BooleanValue(dataChannel));
    if (dataChannel)
    {
        serverHelper.SetAttribute("TunnelAddress", Ipv4AddressValue("10.8.0.1"));
        serverHelper.SetAttribute("AddressPoolStart", Ipv4AddressValue("10.8.0.2"));
        serverHelper.SetAttribute("AddressPoolSize", UintegerValue(clients));
        PptpSecurityOptions().Apply(clientHelper, serverHelper);
    }
    ApplicationContainer serverApps = serverHelper.Install(run.star.server);
    serverApps.Start(Seconds(0));
    run.server = DynamicCast<PptpServer>(serverApps.Get(0));
    BOOST_REQUIRE(run.server);
    run.server->TraceConnectWithoutContext("CallEstablished", MakeCallback(&ServerEstablished));
    run.server->TraceConnectWithoutContext("CallCleared", MakeCallback(&ServerCleared));
    run.server->TraceConnectWithoutContext("MalformedMessage", MakeCallback(&ServerMalformed));
    run.server->TraceConnectWithoutContext("TunnelUp", MakeCallback(&ServerTunnelUp));

    ApplicationContainer clientApps = clientHelper.Install(run.star.clients);
    for (uint32_t i = 0; i < clients; ++i)
    {
        Ptr<PptpClient> client = DynamicCast<PptpClient>(clientApps.Get(i));
        BOOST_REQUIRE(client);
        client->SetStartTime(Seconds(1) + stagger * static_cast<int64_t>(i));
        client->TraceConnectWithoutContext("CallEstablished",
                                           MakeBoundCallback(&ClientEstablished, i));
        client->TraceConnectWithoutContext("CallCleared", MakeBoundCallback(&ClientCleared, i));
        client->TraceConnectWithoutContext("MalformedMessage",
                                           MakeBoundCallback(&ClientMalformed, i));
        client->TraceConnectWithoutContext("Rx", MakeBoundCallback(&ClientRx, i));
        client->TraceConnectWithoutContext("Tx", MakeBoundCallback(&ClientTx, i));
        client->TraceConnectWithoutContext("TunnelUp", MakeBoundCallback(&ClientTunnelUp, i));
        client->TraceConnectWithoutContext("TunnelDown", MakeBoundCallback(&ClientTunnelDown, i));
        run.clients.push_back(client);
    }
    return run;
}

/**
 * \brief Seconds of wall time since a moment.
 * \param since the moment
 * \return the seconds
 */
double
WallSeconds(std::chrono::steady_clock::time_point since)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

/**
 * \brief A code as its name, for readable comparisons and failure messages.
 * \param v the value
 * \return the name
 */
std::string
N(PptpStartControlConnectionResult v)
{
    return PptpStartControlConnectionResultName(v);
}

/** \copydoc N(PptpStartControlConnectionResult) */
std::string
N(PptpOutgoingCallResult v)
{
    return PptpOutgoingCallResultName(v);
}

/** \copydoc N(PptpStartControlConnectionResult) */
std::string
N(PptpGeneralError v)
{
    return PptpGeneralErrorName(v);
}

/** \copydoc N(PptpStartControlConnectionResult) */
std::string
N(PptpCallClearReason v)
{
    return PptpCallClearReasonName(v);
}

/** \copydoc N(PptpStartControlConnectionResult) */
std::string
N(PptpControlConnectionState v)
{
    return PptpControlConnectionStateName(v);
}

/** \copydoc N(PptpStartControlConnectionResult) */
std::string
N(PptpControlCloseReason v)
{
    return PptpControlCloseReasonName(v);
}

/// The message types a client sends on a connection that carries one call, in order.
const std::vector<PptpControlMessageType> NORMAL_CLIENT_TX = {
    PptpControlMessageType::START_CONTROL_CONNECTION_REQUEST,
    PptpControlMessageType::OUTGOING_CALL_REQUEST,
    PptpControlMessageType::CALL_CLEAR_REQUEST,
    PptpControlMessageType::STOP_CONTROL_CONNECTION_REQUEST,
};

/**
 * \brief The control messages types, one per line, e.g. "1 7 12 3".
 * \param types the types
 * \return the text
 */
std::string
TypesText(const std::vector<PptpControlMessageType>& types)
{
    std::ostringstream os;
    for (std::size_t k = 0; k < types.size(); ++k)
    {
        os << (k ? " " : "") << static_cast<unsigned>(types[k]);
    }
    return os.str();
}

} // namespace

BOOST_AUTO_TEST_SUITE(pptp_remote_access)

// 1,000 clients on one server, all holding a call at the same time, each with its tunnel up
// (PPP: LCP, MS-CHAPv2, CCP/MPPE-128, IPCP with an address from the pool), then all clearing.
BOOST_AUTO_TEST_CASE(thousand_clients_establish_and_clear)
{
    const uint32_t n = 1000;
    auto wall = std::chrono::steady_clock::now();
    Logs logs;
    // Starts 2 ms apart (all within 2 s), calls held 5 s: all 1,000 calls are up together.
    Run run = SetUp(logs, n, MilliSeconds(2), Seconds(5), 65535, 2000, true);
    Simulator::Stop(Seconds(15));
    Simulator::Run();

    for (uint32_t i = 0; i < n; ++i)
    {
        const ClientLog& c = logs.clients[i];
        BOOST_TEST_CONTEXT("client " << i)
        {
            BOOST_TEST(c.established == 1U);
            BOOST_TEST(c.cleared == 1U);
            // The PNS cleared its own call: CCRQ answered by CDN Result Code 4 (Call-Clear-
            // Request received, RFC 2637 s.2.13).
            BOOST_TEST(N(c.clearReason) == "LOCAL_CLEAR");
            BOOST_TEST(c.clearResult == static_cast<uint8_t>(PptpCallDisconnectResult::REQUEST));
            BOOST_TEST(c.malformed == 0U);
            BOOST_TEST(c.sccrpSeen);
            BOOST_TEST(N(c.sccrpResult) == N(PptpStartControlConnectionResult::SUCCESS));
            BOOST_TEST(c.ocrpSeen);
            BOOST_TEST(N(c.ocrpResult) == N(PptpOutgoingCallResult::CONNECTED));
            BOOST_TEST(TypesText(c.tx) == TypesText(NORMAL_CLIENT_TX));
            Ptr<PptpControlConnection> cc = run.clients[i]->GetControlConnection();
            BOOST_REQUIRE(cc);
            BOOST_TEST(N(cc->GetState()) == "IDLE");
            BOOST_TEST(N(cc->GetCloseReason()) == "STOP_COMPLETED");
            BOOST_TEST(c.tunnelsUp == 1U);
            BOOST_TEST(c.tunnelsDown == 1U);
            BOOST_TEST(c.mppe);
        }
    }
    // IPCP gave every client its own address of the pool 10.8.0.2 ... 10.8.3.233.
    std::set<uint32_t> tunnelAddresses;
    for (const ClientLog& c : logs.clients)
    {
        BOOST_TEST(c.tunnelAddress.Get() >= Ipv4Address("10.8.0.2").Get());
        BOOST_TEST(c.tunnelAddress.Get() < Ipv4Address("10.8.0.2").Get() + n);
        tunnelAddresses.insert(c.tunnelAddress.Get());
    }
    BOOST_TEST(tunnelAddresses.size() == n);
    BOOST_TEST(logs.server.tunnelsUp == n);
    // Every client's peer Call ID is one of the server's, and the server's are all distinct.
    std::set<uint16_t> peerIds;
    for (const ClientLog& c : logs.clients)
    {
        peerIds.insert(c.peerCallId);
    }
    BOOST_TEST(peerIds.size() == n);
    BOOST_TEST(peerIds == logs.server.localCallIds);

    const ServerLog& s = logs.server;
    BOOST_TEST(s.established == n);
    BOOST_TEST(s.peakActive == n);
    BOOST_TEST(s.active == 0U);
    BOOST_TEST(s.malformed == 0U);
    BOOST_TEST(s.clearedBy.size() == 1U);
    BOOST_TEST(s.clearedBy.count(PptpCallClearReason::CLEAR_REQUEST_RECEIVED) == 1U);
    BOOST_TEST(s.clearedBy.at(PptpCallClearReason::CLEAR_REQUEST_RECEIVED) == n);
    BOOST_TEST(run.server->GetAcceptedControlConnections() == n);
    BOOST_TEST(run.server->GetRefusedControlConnections() == 0U);
    BOOST_TEST(run.server->GetEstablishedCalls() == n);
    BOOST_TEST(run.server->GetRefusedCalls() == 0U);
    BOOST_TEST(run.server->GetClearedCalls() == n);
    BOOST_TEST(run.server->GetCallCount() == 0U);
    BOOST_TEST(run.server->GetControlConnectionCount() == 0U);

    Simulator::Destroy();
    BOOST_TEST_MESSAGE("1000 clients: wall time " << WallSeconds(wall) << " s");
}

// MaxCalls 20, 50 clients holding their calls: the 21st OCRQ and later ones are answered with
// OCRP Result Code 2 (General Error) and Error Code 4 (No-Resource), RFC 2637 s.2.8, s.2.16.
// Once the first calls are cleared, a late client gets a call again.
BOOST_AUTO_TEST_CASE(max_calls_refuses_with_no_resource)
{
    const uint32_t n = 50;
    const uint32_t limit = 20;
    auto wall = std::chrono::steady_clock::now();
    Logs logs;
    // Starts 10 ms apart (within 0.5 s), calls held 5 s. Client n (the 51st) starts at 10 s,
    // after the first calls have been cleared.
    Run run = SetUp(logs, n + 1, MilliSeconds(10), Seconds(5), limit, 1000, true);
    run.clients[n]->SetStartTime(Seconds(10));
    Simulator::Stop(Seconds(25));
    Simulator::Run();

    for (uint32_t i = 0; i <= n; ++i)
    {
        const ClientLog& c = logs.clients[i];
        BOOST_TEST_CONTEXT("client " << i)
        {
            BOOST_TEST(N(c.sccrpResult) == N(PptpStartControlConnectionResult::SUCCESS));
            BOOST_TEST(c.ocrpSeen);
            BOOST_TEST(c.cleared == 1U);
            BOOST_TEST(c.malformed == 0U);
            Ptr<PptpControlConnection> cc = run.clients[i]->GetControlConnection();
            BOOST_REQUIRE(cc);
            BOOST_TEST(N(cc->GetCloseReason()) == "STOP_COMPLETED");
            if (i < limit || i == n)
            {
                BOOST_TEST(c.established == 1U);
                BOOST_TEST(N(c.ocrpResult) == N(PptpOutgoingCallResult::CONNECTED));
                BOOST_TEST(N(c.ocrpError) == N(PptpGeneralError::NONE));
                BOOST_TEST(N(c.clearReason) == "LOCAL_CLEAR");
                BOOST_TEST(c.tunnelsUp == 1U);
                BOOST_TEST(c.tunnelsDown == 1U);
            }
            else
            {
                BOOST_TEST(c.established == 0U);
                BOOST_TEST(c.tunnelsUp == 0U);
                BOOST_TEST(N(c.ocrpResult) == N(PptpOutgoingCallResult::GENERAL_ERROR));
                BOOST_TEST(N(c.ocrpError) == N(PptpGeneralError::NO_RESOURCE));
                BOOST_TEST(N(c.clearReason) == "REFUSED_BY_PEER");
                BOOST_TEST(c.clearResult
                           == static_cast<uint8_t>(PptpOutgoingCallResult::GENERAL_ERROR));
                // A refused call is not cleared: no CCRQ follows, only the Stop.
                std::vector<PptpControlMessageType> expected = {
                    PptpControlMessageType::START_CONTROL_CONNECTION_REQUEST,
                    PptpControlMessageType::OUTGOING_CALL_REQUEST,
                    PptpControlMessageType::STOP_CONTROL_CONNECTION_REQUEST,
                };
                BOOST_TEST(TypesText(c.tx) == TypesText(expected));
            }
        }
    }
    const ServerLog& s = logs.server;
    BOOST_TEST(s.peakActive == limit);
    BOOST_TEST(s.established == limit + 1);
    BOOST_TEST(s.tunnelsUp == limit + 1);
    BOOST_TEST(s.clearedBy.at(PptpCallClearReason::CLEAR_REQUEST_RECEIVED) == limit + 1);
    BOOST_TEST(run.server->GetRefusedCalls() == n - limit);
    BOOST_TEST(run.server->GetEstablishedCalls() == limit + 1);
    BOOST_TEST(run.server->GetAcceptedControlConnections() == n + 1);
    BOOST_TEST(run.server->GetRefusedControlConnections() == 0U);
    BOOST_TEST(run.server->GetCallCount() == 0U);
    BOOST_TEST(run.server->GetControlConnectionCount() == 0U);

    Simulator::Destroy();
    BOOST_TEST_MESSAGE("MaxCalls 20, 51 clients: wall time " << WallSeconds(wall) << " s");
}

// MaxControlConnections 20, 50 clients holding their calls: the 21st SCCRQ and later ones are
// answered with SCCRP Result Code 2 (General Error) and Error Code 4 (No-Resource), RFC 2637
// s.2.2, s.2.16, and no call is placed on those connections.
BOOST_AUTO_TEST_CASE(max_control_connections_refuses_with_no_resource)
{
    const uint32_t n = 50;
    const uint32_t limit = 20;
    auto wall = std::chrono::steady_clock::now();
    Logs logs;
    // Control plane only: the clients' DataChannel is off.
    Run run = SetUp(logs, n, MilliSeconds(10), Seconds(5), 1000, limit, false);
    Simulator::Stop(Seconds(20));
    Simulator::Run();

    for (uint32_t i = 0; i < n; ++i)
    {
        const ClientLog& c = logs.clients[i];
        BOOST_TEST_CONTEXT("client " << i)
        {
            BOOST_TEST(c.sccrpSeen);
            BOOST_TEST(c.malformed == 0U);
            Ptr<PptpControlConnection> cc = run.clients[i]->GetControlConnection();
            BOOST_REQUIRE(cc);
            BOOST_TEST(N(cc->GetState()) == "IDLE");
            if (i < limit)
            {
                BOOST_TEST(N(c.sccrpResult) == N(PptpStartControlConnectionResult::SUCCESS));
                BOOST_TEST(c.established == 1U);
                BOOST_TEST(N(c.clearReason) == "LOCAL_CLEAR");
                BOOST_TEST(N(cc->GetCloseReason()) == "STOP_COMPLETED");
            }
            else
            {
                BOOST_TEST(N(c.sccrpResult) == N(PptpStartControlConnectionResult::GENERAL_ERROR));
                BOOST_TEST(N(c.sccrpError) == N(PptpGeneralError::NO_RESOURCE));
                BOOST_TEST(c.established == 0U);
                BOOST_TEST(c.cleared == 0U);
                BOOST_TEST(!c.ocrpSeen);
                BOOST_TEST(
                    TypesText(c.tx)
                    == TypesText({PptpControlMessageType::START_CONTROL_CONNECTION_REQUEST}));
                BOOST_TEST(N(cc->GetCloseReason()) == "START_REFUSED");
            }
        }
    }
    BOOST_TEST(logs.server.peakActive == limit);
    BOOST_TEST(logs.server.established == limit);
    BOOST_TEST(logs.server.tunnelsUp == 0U);
    for (const ClientLog& c : logs.clients)
    {
        BOOST_TEST(c.tunnelsUp == 0U);
    }
    BOOST_TEST(run.server->GetAcceptedControlConnections() == limit);
    BOOST_TEST(run.server->GetRefusedControlConnections() == n - limit);
    BOOST_TEST(run.server->GetRefusedCalls() == 0U);
    BOOST_TEST(run.server->GetCallCount() == 0U);
    BOOST_TEST(run.server->GetControlConnectionCount() == 0U);

    Simulator::Destroy();
    BOOST_TEST_MESSAGE("MaxControlConnections 20, 50 clients: wall time " << WallSeconds(wall)
                                                                          << " s");
}

/**
 * \brief Runs the pptp-remote-access example in the test binary folder.
 * \param arguments its options
 * \return the exit status, the output and the summary lines
 */
ExampleRun
RunExample(const std::string& arguments)
{
    auto wall = std::chrono::steady_clock::now();
    // No trace database unless a case asks for one (--db=...).
    const std::string db = arguments.find("--db=") == std::string::npos ? "--db= " : "";
    ExampleRun run = RunExampleProgram("pptp-remote-access", db + arguments);
    BOOST_TEST_MESSAGE("example " << arguments << ": wall time " << WallSeconds(wall) << " s");
    return run;
}

/// One client's line of the example's --perClient report.
struct ClientLine
{
    bool up{false};        //!< its tunnel came up
    std::string address;   //!< its tunnel address ("" when never up)
    bool mppe{false};      //!< MPPE on
    uint64_t sent{0};      //!< UDP payload bytes sent through the tunnel
    uint64_t delivered{0}; //!< UDP payload bytes the LAN host received from it
};

/**
 * \brief The --perClient lines of a run, e.g. "Client 3: tunnel up, address 10.8.0.5, MPPE on,
 * sent 316000, delivered 316000".
 * \param run the run
 * \param n how many clients
 * \return one entry per client (a missing line fails the test)
 */
std::vector<ClientLine>
ClientLines(const ExampleRun& run, unsigned n)
{
    std::vector<ClientLine> lines(n);
    for (unsigned i = 0; i < n; ++i)
    {
        auto it = run.summary.find("Client " + std::to_string(i));
        BOOST_REQUIRE_MESSAGE(it != run.summary.end(), "no line for client " << i);
        std::stringstream fields(it->second);
        std::string field;
        while (std::getline(fields, field, ','))
        {
            if (!field.empty() && field[0] == ' ')
            {
                field.erase(0, 1);
            }
            auto space = field.rfind(' ');
            BOOST_REQUIRE(space != std::string::npos);
            std::string key = field.substr(0, space);
            std::string value = field.substr(space + 1);
            if (key == "tunnel")
            {
                lines[i].up = value == "up";
            }
            else if (key == "tunnel never")
            {
                lines[i].up = false;
            }
            else if (key == "address")
            {
                lines[i].address = value;
            }
            else if (key == "MPPE")
            {
                lines[i].mppe = value == "on";
            }
            else if (key == "sent")
            {
                lines[i].sent = std::stoull(value);
            }
            else if (key == "delivered")
            {
                lines[i].delivered = std::stoull(value);
            }
            else
            {
                BOOST_FAIL("unknown field '" << field << "' for client " << i);
            }
        }
    }
    return lines;
}

/**
 * \brief The number of frames of a capture that match a display filter.
 * \param file the capture
 * \param filter the display filter
 * \return the count
 */
std::size_t
CountFrames(const std::string& file, const std::string& filter)
{
    std::string text;
    BOOST_REQUIRE_EQUAL(RunTshark(file, "-Y '" + filter + "' -T fields -e frame.number", text), 0);
    return SplitLines(text).size();
}

/**
 * \brief Checks that tshark decodes a capture without malformed frames or expert infos of
 * warning severity or above.
 * \param file the capture
 */
void
CheckDecodesCleanly(const std::string& file)
{
    BOOST_TEST_CONTEXT(file)
    {
        BOOST_TEST(CountFrames(file, "frame") > 0U);
        std::string text;
        BOOST_REQUIRE_EQUAL(
            RunTshark(file, "-Y '_ws.malformed || _ws.expert.severity >= warning'", text), 0);
        BOOST_TEST(text.empty(), "malformed or warning frames:\n" << text);
    }
}

// The README's default experiment, as it is run: 10 clients, MS-CHAPv2, MPPE-128 stateless.
// Every call's tunnel comes up (both ends), authentication succeeds, MPPE is on, IPCP gives
// each client its own pool address and the server's DNS servers, and each client's UDP flow
// (256 kbit/s from its tunnel's coming up to the end of its 10 s hold) reaches the LAN host
// through its tunnel, all of it.
BOOST_AUTO_TEST_CASE(example_default_options_bring_every_tunnel_up)
{
    const unsigned n = 10;
    ExampleRun run = RunExample("--pcap=false --perClient=true");
    BOOST_REQUIRE_EQUAL(run.status, 0);
    std::map<std::string, std::string>& s = run.summary;
    BOOST_TEST(s["Calls established"] == "10 of 10");
    BOOST_TEST(s["Tunnels up"] == "10 of 10");
    BOOST_TEST(s["Tunnels up at the server"] == "10");
    BOOST_TEST(s["Client authentication MSCHAPV2"] == "10 succeeded, 0 failed");
    BOOST_TEST(s["Server authentication MSCHAPV2"] == "10 succeeded, 0 failed");
    BOOST_TEST(s["Tunnels with MPPE on"] == "10");
    BOOST_TEST(s["Tunnels with MPPE BITS_128 stateless"] == "10");
    BOOST_TEST(s["Clients given the DNS servers (172.16.1.2, 172.16.1.3)"] == "10");
    BOOST_TEST(s["Client flows"] == "10, delivering: 10");
    BOOST_TEST(s["Bytes the LAN host received from outside the tunnels"] == "0");
    BOOST_TEST(s["PPP links down"] == "none");
    BOOST_TEST(s["Lowest per-client delivered share"] == "100.00 %");
    BOOST_TEST(s["Client calls cleared, cause LOCAL_CLEAR, result code 4"] == "10");
    BOOST_TEST(s["Server calls cleared, cause CLEAR_REQUEST_RECEIVED, result code 4"] == "10");
    BOOST_TEST(s["Client control connections closed, reason STOP_COMPLETED"] == "10");
    BOOST_TEST(s["Server at the end"] == "0 control connections, 0 calls");
    BOOST_TEST(s.count("PPP set-up delay (call established to tunnel up)") == 1U);
    BOOST_TEST(s["PPP set-up delay (call established to tunnel up)"].rfind("min ", 0) == 0U);

    // 256 kbit/s of 1000-byte datagrams is one every 31.25 ms; the flow runs for the 10 s hold
    // less PPP's set-up (a few round trips of 30 ms).
    const uint64_t perSecond = 256000 / 8;
    std::set<std::string> addresses;
    uint64_t sent = 0;
    uint64_t delivered = 0;
    std::vector<ClientLine> lines = ClientLines(run, n);
    for (unsigned i = 0; i < n; ++i)
    {
        const ClientLine& c = lines[i];
        BOOST_TEST_CONTEXT("client " << i)
        {
            BOOST_TEST(c.up);
            BOOST_TEST(c.mppe);
            addresses.insert(c.address);
            BOOST_TEST(c.sent >= perSecond * 95 / 10);
            BOOST_TEST(c.sent <= perSecond * 10 + 1000);
            BOOST_TEST(c.sent % 1000 == 0U);
            BOOST_TEST(c.delivered > 0U);
            BOOST_TEST(c.delivered == c.sent);
        }
        sent += c.sent;
        delivered += c.delivered;
    }
    std::set<std::string> pool;
    for (unsigned i = 0; i < n; ++i)
    {
        pool.insert("10.8.0." + std::to_string(2 + i));
    }
    BOOST_TEST(addresses == pool, boost::test_tools::per_element());
    BOOST_TEST(s["Bytes sent through the tunnels"] == std::to_string(sent));
    BOOST_TEST(s["Bytes delivered through the tunnels"] == std::to_string(delivered));
}

// --auth=pap --mppe=none: PAP authenticates every client, no MPPE, the traffic still goes
// through every tunnel; client 0's ppp0 pcap shows the PAP exchange and the datagrams in clear
// (UDP from its tunnel address to the LAN host), one per datagram it sent.
BOOST_AUTO_TEST_CASE(example_pap_without_mppe)
{
    const unsigned n = 4;
    const std::string prefix = "pptp-remote-access-test-pap";
    std::string ignored;
    RunCommand("cd '" + BinaryDir() + "' && rm -f " + prefix + "-*.pcap", ignored);
    ExampleRun run = RunExample("--auth=pap --mppe=none --clients=4 --hold=3s --stagger=0.25s "
                                "--perClient=true --pcap=true --pcapPrefix="
                                + prefix);
    BOOST_REQUIRE_EQUAL(run.status, 0);
    std::map<std::string, std::string>& s = run.summary;
    BOOST_TEST(s["PPP"].find("authentication pap, MPPE none") == 0U);
    BOOST_TEST(s["Tunnels up"] == "4 of 4");
    BOOST_TEST(s["Tunnels up at the server"] == "4");
    BOOST_TEST(s["Client authentication PAP"] == "4 succeeded, 0 failed");
    BOOST_TEST(s["Server authentication PAP"] == "4 succeeded, 0 failed");
    BOOST_TEST(s.count("Client authentication MSCHAPV2") == 0U);
    BOOST_TEST(s["Tunnels with MPPE on"] == "0");
    BOOST_TEST(s.count("Tunnels with MPPE BITS_128 stateless") == 0U);
    BOOST_TEST(s["Client flows"] == "4, delivering: 4");
    BOOST_TEST(s["PPP links down"] == "none");
    BOOST_TEST(s["Client calls cleared, cause LOCAL_CLEAR, result code 4"] == "4");
    std::vector<ClientLine> lines = ClientLines(run, n);
    for (unsigned i = 0; i < n; ++i)
    {
        BOOST_TEST_CONTEXT("client " << i)
        {
            BOOST_TEST(lines[i].up);
            BOOST_TEST(!lines[i].mppe);
            BOOST_TEST(lines[i].delivered > 0U);
            BOOST_TEST(lines[i].delivered == lines[i].sent);
        }
    }

    const std::string inner = BinaryDir() + "/" + s["Pcap of client 0's ppp0"];
    const std::string outer = BinaryDir() + "/" + s["Pcap of client 0's access link"];
    BOOST_TEST(s["Pcap of client 0's ppp0"] == prefix + "-client0-ppp0.pcap");
    CheckDecodesCleanly(inner);
    CheckDecodesCleanly(outer);
    BOOST_TEST(CountFrames(inner, "pap.code == 1") == 1U); // Authenticate-Request
    BOOST_TEST(CountFrames(inner, "pap.code == 2") == 1U); // Authenticate-Ack
    BOOST_TEST(CountFrames(inner, "chap || comp_data") == 0U);
    BOOST_TEST(CountFrames(inner,
                           "ip.src == " + lines[0].address
                               + " && ip.dst == 172.16.1.2 && udp.dstport == 49600 && "
                                 "udp.length == 1008")
               == lines[0].sent / 1000);
    // The same datagrams on the access link, inside GRE and PPP.
    BOOST_TEST(
        CountFrames(outer, "gre && ip.src == " + lines[0].address + " && udp.dstport == 49600")
        == lines[0].sent / 1000);
}

// A wrong password (the server's user table holds another one): MS-CHAPv2 fails for every
// client (E=691), both ends' PPP links end with "authentication failed", no tunnel comes up,
// no datagram is sent, and every call is cleared and every control connection stopped.
BOOST_AUTO_TEST_CASE(example_wrong_password_brings_no_tunnel_up)
{
    const unsigned n = 4;
    ExampleRun run = RunExample("--serverPassword=not-the-password --clients=4 --hold=3s "
                                "--stagger=0.25s --perClient=true --pcap=false");
    BOOST_REQUIRE_EQUAL(run.status, 0);
    std::map<std::string, std::string>& s = run.summary;
    BOOST_TEST(s["Calls established"] == "4 of 4");
    BOOST_TEST(s["Tunnels up"] == "0 of 4");
    BOOST_TEST(s["Tunnels up at the server"] == "0");
    BOOST_TEST(s["PPP set-up delay (call established to tunnel up)"] == "no tunnel up");
    BOOST_TEST(s["Client authentication MSCHAPV2"] == "0 succeeded, 4 failed");
    BOOST_TEST(s["Server authentication MSCHAPV2"] == "0 succeeded, 4 failed");
    BOOST_TEST(s["Tunnels with MPPE on"] == "0");
    BOOST_TEST(s["Client flows"] == "0, delivering: 0");
    BOOST_TEST(s["Bytes sent through the tunnels"] == "0");
    BOOST_TEST(s["Client PPP links down, \"authentication failed\""] == "4");
    BOOST_TEST(s["Server PPP links down, \"authentication failed\""] == "4");
    BOOST_TEST(s.count("PPP links down") == 0U);
    // Every call ended at both ends, well before the hold, and the connections were stopped.
    BOOST_TEST(s["Client calls that reached IDLE (ended)"] == "4");
    BOOST_TEST(s["Server call entries into IDLE (ended)"] == "4");
    BOOST_TEST(s["Server calls established"] == "4, refused: 0, cleared: 4");
    BOOST_TEST(s["Client control connections closed, reason STOP_COMPLETED"] == "4");
    BOOST_TEST(s["Server at the end"] == "0 control connections, 0 calls");
    std::vector<ClientLine> lines = ClientLines(run, n);
    for (unsigned i = 0; i < n; ++i)
    {
        BOOST_TEST_CONTEXT("client " << i)
        {
            BOOST_TEST(!lines[i].up);
            BOOST_TEST(lines[i].address.empty());
            BOOST_TEST(lines[i].sent == 0U);
        }
    }
}

// The example's pcaps, read by tshark. The server's core link: every TCP 1723 payload is PPTP,
// nothing is malformed, no expert info of warning severity, and each connection carries the
// RFC 2637 sequence SCCRQ, SCCRP, OCRQ, OCRP, CCRQ, CDN, StopCCRQ, StopCCRP. Client 0's access
// link (outer: PPTP and GRE carrying PPP) and its ppp0 (inner, DLT_PPP) decode cleanly too,
// with the whole PPP negotiation (LCP from the first Configure-Request, MS-CHAPv2, CCP with
// MPPE, IPCP) and the MPPE-encrypted datagrams in both.
BOOST_AUTO_TEST_CASE(example_pcap_decodes_as_pptp_in_rfc_order)
{
    const unsigned n = 4;
    const std::string prefix = "pptp-remote-access-test";
    std::string ignored;
    RunCommand("cd '" + BinaryDir() + "' && rm -f " + prefix + "-*.pcap", ignored);
    ExampleRun run = RunExample("--clients=4 --hold=3s --stagger=0.25s --perClient=true "
                                "--pcap=true --pcapPrefix="
                                + prefix);
    BOOST_REQUIRE_EQUAL(run.status, 0);

    // The summary: every call established, cleared normally, the server empty at the end.
    std::map<std::string, std::string>& summary = run.summary;
    BOOST_TEST(summary["Calls established"] == "4 of 4");
    BOOST_TEST(summary["Calls established at the server"] == "4");
    BOOST_TEST(summary["Client control connections that reached ESTABLISHED"] == "4");
    BOOST_TEST(summary["Client calls that reached ESTABLISHED"] == "4");
    BOOST_TEST(summary["Client calls that reached WAIT_DISCONNECT"] == "4");
    BOOST_TEST(summary["Server call entries into ESTABLISHED"] == "4");
    BOOST_TEST(summary["Client calls cleared, cause LOCAL_CLEAR, result code 4"] == "4");
    BOOST_TEST(summary["Server calls cleared, cause CLEAR_REQUEST_RECEIVED, result code 4"] == "4");
    BOOST_TEST(summary["Client control connections closed, reason STOP_COMPLETED"] == "4");
    BOOST_TEST(summary["Server at the end"] == "0 control connections, 0 calls");
    BOOST_TEST(summary.count("Set-up delay (client start to call established)") == 1U);
    const std::string pcap = summary["Pcap of the server's core link"];
    // The server is node n + 1 (after the clients and the ISP router); its core link device
    // is its first (the topology adds the devices before the IPv4 stack's loop-back).
    BOOST_REQUIRE_EQUAL(pcap, prefix + "-" + std::to_string(n + 1) + "-0.pcap");
    const std::string file = BinaryDir() + "/" + pcap;

    // tshark reads the file, and no TCP 1723 payload is left undecoded.
    std::string text;
    BOOST_REQUIRE_EQUAL(RunTshark(file, "-T fields -e frame.number", text), 0);
    BOOST_TEST(!SplitLines(text).empty());
    BOOST_REQUIRE_EQUAL(RunTshark(file, "-Y 'tcp.port == 1723 && tcp.len > 0 && !pptp'", text), 0);
    BOOST_TEST(text.empty(), "TCP 1723 payload not decoded as PPTP:\n" << text);

    // No malformed frame and no expert info of warning severity or above.
    BOOST_REQUIRE_EQUAL(
        RunTshark(file, "-Y '_ws.malformed || _ws.expert.severity >= warning'", text), 0);
    BOOST_TEST(text.empty(), "malformed or warning frames:\n" << text);

    // For the record: the expert infos of note severity that tshark's TCP analysis gives
    // ordinary ns-3 TCP behaviour (not failures; warnings and errors fail above).
    BOOST_REQUIRE_EQUAL(RunTshark(file,
                                  "-Y '_ws.expert' -T fields -E occurrence=a -E 'aggregator=|' "
                                  "-e _ws.expert.severity -e _ws.expert.message",
                                  text),
                        0);
    const std::string noteSeverity = "4194304"; // PI_NOTE
    std::map<std::string, unsigned> notes;
    for (const std::string& line : SplitLines(text))
    {
        std::vector<std::string> fields = SplitTabs(line);
        BOOST_REQUIRE_EQUAL(fields.size(), 2U);
        std::stringstream severities(fields[0]);
        std::stringstream messages(fields[1]);
        std::string severity;
        std::string message;
        while (std::getline(severities, severity, '|') && std::getline(messages, message, '|'))
        {
            if (severity == noteSeverity)
            {
                ++notes[message];
            }
        }
    }
    for (const auto& [message, count] : notes)
    {
        BOOST_TEST_MESSAGE("tshark note (" << count << " times): " << message);
    }

    // The PPTP messages of each TCP connection, in order (a frame may carry several).
    BOOST_REQUIRE_EQUAL(RunTshark(file,
                                  "-Y pptp -T fields -E occurrence=a -E aggregator=, -e tcp.stream "
                                  "-e pptp.control_message_type -e pptp.magic_cookie",
                                  text),
                        0);
    std::map<std::string, std::vector<unsigned>> streams;
    unsigned messages = 0;
    for (const std::string& line : SplitLines(text))
    {
        std::vector<std::string> fields = SplitTabs(line);
        BOOST_REQUIRE_EQUAL(fields.size(), 3U);
        std::stringstream types(fields[1]);
        std::string type;
        while (std::getline(types, type, ','))
        {
            unsigned value = std::stoul(type);
            ++messages;
            if (value == 5 || value == 6)
            {
                continue; // Echo-Request / -Reply may appear during a long hold
            }
            streams[fields[0]].push_back(value);
        }
        std::stringstream cookies(fields[2]);
        std::string cookie;
        while (std::getline(cookies, cookie, ','))
        {
            BOOST_TEST(cookie == "0x1a2b3c4d");
        }
    }
    BOOST_TEST(messages >= 8U * n);
    BOOST_TEST(streams.size() == n);
    const std::vector<unsigned> rfcOrder = {1, 2, 7, 8, 12, 13, 3, 4};
    for (const auto& [stream, types] : streams)
    {
        BOOST_TEST_CONTEXT("tcp.stream " << stream)
        {
            BOOST_TEST(types == rfcOrder, boost::test_tools::per_element());
        }
    }

    // Client 0's access link (outer) and ppp0 (inner).
    BOOST_TEST(summary["Tunnels up"] == "4 of 4");
    BOOST_TEST(summary["Pcap of client 0's access link"] == prefix + "-client0-access.pcap");
    BOOST_TEST(summary["Pcap of client 0's ppp0"] == prefix + "-client0-ppp0.pcap");
    const std::string outer = BinaryDir() + "/" + summary["Pcap of client 0's access link"];
    const std::string inner = BinaryDir() + "/" + summary["Pcap of client 0's ppp0"];
    const uint64_t datagrams = ClientLines(run, n)[0].sent / 1000;
    BOOST_TEST(datagrams > 0U);
    for (const std::string& file : {outer, inner})
    {
        CheckDecodesCleanly(file);
        BOOST_TEST_CONTEXT(file)
        {
            // The negotiation: LCP Configure-Ack both ways; MS-CHAPv2 Challenge, Response and
            // Success once each; CCP and IPCP acknowledged both ways; then only MPPE-encrypted
            // datagrams (no IPv4 in clear), one per datagram client 0 sent.
            // Both Configure-Requests: the capture started before PPP's first frame.
            BOOST_TEST(CountFrames(file, "lcp && ppp.code == 1") == 2U);
            BOOST_TEST(CountFrames(file, "lcp && ppp.code == 2") == 2U);
            BOOST_TEST(CountFrames(file, "chap.code == 1") == 1U);
            BOOST_TEST(CountFrames(file, "chap.code == 2") == 1U);
            BOOST_TEST(CountFrames(file, "chap.code == 3") == 1U);
            BOOST_TEST(CountFrames(file, "ccp && ppp.code == 2") == 2U);
            BOOST_TEST(CountFrames(file, "ipcp && ppp.code == 2") == 2U);
            BOOST_TEST(CountFrames(file, "pap || (ipcp && ppp.code == 4) || chap.code == 4") == 0U);
            BOOST_TEST(CountFrames(file, "comp_data") == datagrams);
        }
    }
    BOOST_TEST(CountFrames(inner, "ip") == 0U);
    BOOST_TEST(CountFrames(inner, "frame.number == 1 && lcp && ppp.code == 1") == 1U);
    // Outer: the control connection, and Enhanced GRE (version 1, protocol 0x880B) with one
    // Call ID each way for everything else.
    BOOST_TEST(CountFrames(outer, "pptp") >= 8U);
    BOOST_TEST(CountFrames(outer, "gre") > datagrams);
    BOOST_TEST(CountFrames(outer, "gre && !(gre.flags.version == 1 && gre.proto == 0x880b)") == 0U);
    BOOST_TEST(CountFrames(outer, "!tcp && !gre") == 0U);
    std::string callIds;
    BOOST_REQUIRE_EQUAL(RunTshark(outer, "-Y gre -T fields -e ip.dst -e gre.key.call_id", callIds),
                        0);
    std::set<std::string> distinct;
    for (const std::string& line : SplitLines(callIds))
    {
        distinct.insert(line);
    }
    BOOST_TEST(distinct.size() == 2U, "GRE (destination, Call ID) pairs:\n" << callIds);
}

BOOST_AUTO_TEST_SUITE_END()
