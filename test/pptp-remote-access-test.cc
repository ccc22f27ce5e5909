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
#include <fstream>
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

// The example's pcap of the server's core link, read by tshark: every TCP 1723 payload is
// PPTP, nothing is malformed, no expert info of warning severity, and each connection carries
// the RFC 2637 sequence SCCRQ, SCCRP, OCRQ, OCRP, CCRQ, CDN, StopCCRQ, StopCCRP.
BOOST_AUTO_TEST_CASE(example_pcap_decodes_as_pptp_in_rfc_order)
{
    const unsigned n = 4;
    const std::string prefix = "pptp-remote-access-test";
    const std::string example = std::string(PPTP_BINARY_DIR) + "/examples/pptp-remote-access";
    BOOST_REQUIRE_MESSAGE(std::ifstream(example).good(), "build the example first: " << example);

    auto wall = std::chrono::steady_clock::now();
    std::string output;
    std::ostringstream command;
    command << "cd '" << BinaryDir() << "' && rm -f " << prefix << "-*.pcap && '" << example
            << "' --clients=" << n
            << " --hold=3s --stagger=0.25s --pcap=true --pcapPrefix=" << prefix;
    int status = RunCommand(command.str(), output);
    BOOST_TEST_MESSAGE("example with " << n << " clients: wall time " << WallSeconds(wall) << " s");
    BOOST_REQUIRE_EQUAL(status, 0);

    // The summary: every call established, cleared normally, the server empty at the end.
    std::map<std::string, std::string> summary;
    for (const std::string& line : SplitLines(output))
    {
        auto colon = line.rfind(": ");
        if (colon != std::string::npos)
        {
            summary[line.substr(0, colon)] = line.substr(colon + 2);
        }
    }
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
    BOOST_REQUIRE_EQUAL(pcap, prefix + "-0-1.pcap");
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
}

BOOST_AUTO_TEST_SUITE_END()
