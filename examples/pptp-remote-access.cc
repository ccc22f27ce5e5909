/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/*
 * PPTP remote access (RFC 2637 control plane): N clients, each behind its own access link to
 * an ISP router, reach one PPTP server over the router's core link.
 *
 *   client 0 --access--+
 *   client 1 --access--+-- router ==core== server (PptpServer, TCP 1723)
 *   ...                |
 *   client N-1 -access-+
 *
 * Client i starts at i * stagger: it opens the control connection (SCCRQ / SCCRP), places an
 * outgoing call (OCRQ / OCRP), holds it for --hold, clears it (CCRQ / CDN) and stops the
 * control connection (StopCCRQ / StopCCRP). At the end a per-state summary is printed:
 * how many control connections and calls reached each state, how many calls came up and
 * were cleared (by cause), the set-up delays, and the server's counters.
 *
 *   ./pptp-remote-access --clients=10 --hold=10s
 *   tshark -r pptp-remote-access-0-1.pcap -Y pptp
 */

#include "pptp-call.h"
#include "pptp-client-helper.h"
#include "pptp-client.h"
#include "pptp-control-connection.h"
#include "pptp-control-message.h"
#include "pptp-server-helper.h"
#include "pptp-server.h"

#include "ns3/application-container.h"
#include "ns3/boolean.h"
#include "ns3/command-line.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-global-routing-helper.h"
#include "ns3/ipv4-interface-container.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/nstime.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>
#include <utility>
#include <vector>

using namespace ns3;

namespace
{

/// Number of control connection states (PptpControlConnectionState).
constexpr std::size_t CONTROL_STATES = 5;
/// Number of call states (PptpCallState).
constexpr std::size_t CALL_STATES = 6;

/**
 * \brief The simulation time for the per-message lines, e.g. "1.030102s" (std::cout's own
 * number format is left alone).
 * \return the text
 */
std::string
NowText()
{
    std::ostringstream os;
    os << std::fixed << std::setprecision(6) << Simulator::Now().GetSeconds();
    return os.str();
}

/// What one client went through.
struct ClientRecord
{
    Time start;                                    //!< when the application started
    Time established{Seconds(-1)};                 //!< when the call came up (< 0: never)
    std::array<bool, CONTROL_STATES> ctlReached{}; //!< control states entered
    std::array<bool, CALL_STATES> callReached{};   //!< call states entered
};

/// Everything the trace sinks collect.
struct Summary
{
    std::vector<ClientRecord> clients;                       //!< one per client
    std::array<uint64_t, CONTROL_STATES> serverCtlEntries{}; //!< server: entries per state
    std::array<uint64_t, CALL_STATES> serverCallEntries{};   //!< server: entries per state
    std::map<std::pair<PptpCallClearReason, uint8_t>, uint64_t>
        clientCleared; //!< client calls cleared by (cause, result code)
    std::map<std::pair<PptpCallClearReason, uint8_t>, uint64_t>
        serverCleared;             //!< server calls cleared by (cause, result code)
    uint64_t serverEstablished{0}; //!< server CallEstablished events
    bool verbose{false};           //!< print every message
};

Summary g_summary; //!< the collected figures

/**
 * \brief A client's control connection changed state.
 * \param i the client index
 * \param oldState the previous state
 * \param newState the new state
 */
void
ClientControlState(uint32_t i,
                   PptpControlConnectionState oldState,
                   PptpControlConnectionState newState)
{
    auto index = static_cast<std::size_t>(newState);
    if (index < CONTROL_STATES)
    {
        g_summary.clients[i].ctlReached[index] = true;
    }
    if (g_summary.verbose)
    {
        std::cout << NowText() << "s client " << i << " control "
                  << PptpControlConnectionStateName(oldState) << " -> "
                  << PptpControlConnectionStateName(newState) << std::endl;
    }
}

/**
 * \brief A client's call changed state.
 * \param i the client index
 * \param callId the local Call ID
 * \param oldState the previous state
 * \param newState the new state
 */
void
ClientCallState(uint32_t i, uint16_t callId, PptpCallState oldState, PptpCallState newState)
{
    auto index = static_cast<std::size_t>(newState);
    if (index < CALL_STATES)
    {
        g_summary.clients[i].callReached[index] = true;
    }
    if (g_summary.verbose)
    {
        std::cout << NowText() << "s client " << i << " call " << callId << " "
                  << PptpCallStateName(oldState) << " -> " << PptpCallStateName(newState)
                  << std::endl;
    }
}

/**
 * \brief A client's call came up.
 * \param i the client index
 * \param localCallId the client's Call ID
 * \param peerCallId the server's Call ID
 * \param localWindow the client's receive window
 * \param peerWindow the server's receive window
 * \param peerDelay the server's packet processing delay
 */
void
ClientCallEstablished(uint32_t i,
                      uint16_t localCallId,
                      uint16_t peerCallId,
                      uint16_t localWindow,
                      uint16_t peerWindow,
                      uint16_t peerDelay)
{
    g_summary.clients[i].established = Simulator::Now();
}

/**
 * \brief A client's call ended.
 * \param i the client index
 * \param callId the local Call ID
 * \param reason the cause
 * \param resultCode the Result Code of the message that ended it
 */
void
ClientCallCleared(uint32_t i, uint16_t callId, PptpCallClearReason reason, uint8_t resultCode)
{
    ++g_summary.clientCleared[{reason, resultCode}];
}

/**
 * \brief A message was sent or received (printed with --verbose).
 * \param who "client 3 Tx", "server Rx", ...
 * \param message the message
 */
void
PrintMessage(std::string who, const PptpControlMessage& message)
{
    std::cout << NowText() << "s " << who << " " << message << std::endl;
}

/**
 * \brief The server's control connection changed state.
 * \param oldState the previous state
 * \param newState the new state
 */
void
ServerControlState(PptpControlConnectionState oldState, PptpControlConnectionState newState)
{
    auto index = static_cast<std::size_t>(newState);
    if (index < CONTROL_STATES)
    {
        ++g_summary.serverCtlEntries[index];
    }
}

/**
 * \brief A server call changed state.
 * \param callId the local Call ID
 * \param oldState the previous state
 * \param newState the new state
 */
void
ServerCallState(uint16_t callId, PptpCallState oldState, PptpCallState newState)
{
    auto index = static_cast<std::size_t>(newState);
    if (index < CALL_STATES)
    {
        ++g_summary.serverCallEntries[index];
    }
}

/**
 * \brief A server call came up.
 * \param localCallId the server's Call ID
 * \param peerCallId the client's Call ID
 * \param localWindow the server's receive window
 * \param peerWindow the client's receive window
 * \param peerDelay the client's packet processing delay
 */
void
ServerCallEstablished(uint16_t localCallId,
                      uint16_t peerCallId,
                      uint16_t localWindow,
                      uint16_t peerWindow,
                      uint16_t peerDelay)
{
    ++g_summary.serverEstablished;
}

/**
 * \brief A server call ended.
 * \param callId the local Call ID
 * \param reason the cause
 * \param resultCode the Result Code of the message that ended it
 */
void
ServerCallCleared(uint16_t callId, PptpCallClearReason reason, uint8_t resultCode)
{
    ++g_summary.serverCleared[{reason, resultCode}];
}

/**
 * \brief A time in milliseconds with three decimals.
 * \param t the time
 * \return the text
 */
std::string
Ms(Time t)
{
    std::ostringstream os;
    os << std::fixed << std::setprecision(3) << t.GetSeconds() * 1000.0 << " ms";
    return os.str();
}

/**
 * \brief A control connection state for the summary ("IDLE" marked as the end).
 * \param state the state
 * \return the text
 */
std::string
StateLabel(PptpControlConnectionState state)
{
    return state == PptpControlConnectionState::IDLE
               ? std::string("IDLE (closed)")
               : std::string(PptpControlConnectionStateName(state));
}

/**
 * \brief A call state for the summary ("IDLE" marked as the end).
 * \param state the state
 * \return the text
 */
std::string
StateLabel(PptpCallState state)
{
    return state == PptpCallState::IDLE ? std::string("IDLE (ended)")
                                        : std::string(PptpCallStateName(state));
}

} // namespace

int
main(int argc, char* argv[])
{
    uint32_t clients = 10;
    std::string accessRate = "10Mbps";
    std::string accessDelay = "5ms";
    std::string coreRate = "100Mbps";
    std::string coreDelay = "10ms";
    Time stagger = Seconds(0.5);
    Time hold = Seconds(10);
    uint32_t maxCalls = 100;
    uint32_t maxConnections = 100;
    bool pcap = true;
    std::string pcapPrefix = "pptp-remote-access";
    bool verbose = false;

    CommandLine cmd(__FILE__);
    cmd.AddValue("clients", "number of PPTP clients (1..16000)", clients);
    cmd.AddValue("accessRate", "data rate of each client's access link", accessRate);
    cmd.AddValue("accessDelay", "delay of each client's access link", accessDelay);
    cmd.AddValue("coreRate", "data rate of the router-server core link", coreRate);
    cmd.AddValue("coreDelay", "delay of the router-server core link", coreDelay);
    cmd.AddValue("stagger", "time between two clients' starts (e.g. 0.5s)", stagger);
    cmd.AddValue("hold", "how long each call is held once established (> 0, e.g. 10s)", hold);
    cmd.AddValue("maxCalls", "server's MaxCalls (calls at a time)", maxCalls);
    cmd.AddValue("maxConnections",
                 "server's MaxControlConnections (control connections at a time)",
                 maxConnections);
    cmd.AddValue("pcap", "write a pcap of the server's core link", pcap);
    cmd.AddValue("pcapPrefix", "file name prefix of the pcap", pcapPrefix);
    cmd.AddValue("verbose", "print every control message and state change", verbose);
    cmd.Parse(argc, argv);

    if (clients < 1 || clients > 16000)
    {
        std::cerr << "--clients must be between 1 and 16000" << std::endl;
        return EXIT_FAILURE;
    }
    if (!hold.IsStrictlyPositive() || stagger.IsStrictlyNegative())
    {
        std::cerr << "--hold must be > 0 and --stagger >= 0" << std::endl;
        return EXIT_FAILURE;
    }
    if (maxCalls > 65535 || maxConnections < 1)
    {
        std::cerr << "--maxCalls must be at most 65535 and --maxConnections at least 1"
                  << std::endl;
        return EXIT_FAILURE;
    }
    g_summary.verbose = verbose;
    g_summary.clients.resize(clients);

    // Nodes: the server first (node 0), then the router (node 1), then the clients.
    Ptr<Node> server = CreateObject<Node>();
    Ptr<Node> router = CreateObject<Node>();
    NodeContainer clientNodes;
    clientNodes.Create(clients);
    InternetStackHelper internet;
    internet.Install(server);
    internet.Install(router);
    internet.Install(clientNodes);

    PointToPointHelper core;
    core.SetDeviceAttribute("DataRate", StringValue(coreRate));
    core.SetChannelAttribute("Delay", StringValue(coreDelay));
    NetDeviceContainer coreDevices = core.Install(router, server);

    PointToPointHelper access;
    access.SetDeviceAttribute("DataRate", StringValue(accessRate));
    access.SetChannelAttribute("Delay", StringValue(accessDelay));

    Ipv4AddressHelper address;
    address.SetBase("192.168.0.0", "255.255.255.252");
    Ipv4InterfaceContainer coreInterfaces = address.Assign(coreDevices);
    Ipv4Address serverAddress = coreInterfaces.GetAddress(1);
    // One /30 per access link: 10.0.0.0/30, 10.0.0.4/30, ... (16384 links fit in 10.0/16).
    address.SetBase("10.0.0.0", "255.255.255.252");
    for (uint32_t i = 0; i < clients; ++i)
    {
        NetDeviceContainer link = access.Install(clientNodes.Get(i), router);
        address.Assign(link);
        address.NewNetwork();
    }
    Ipv4GlobalRoutingHelper::PopulateRoutingTables();

    PptpServerHelper serverHelper;
    serverHelper.SetAttribute("MaxCalls", UintegerValue(maxCalls));
    serverHelper.SetAttribute("MaxControlConnections", UintegerValue(maxConnections));
    serverHelper.SetAttribute("HostName", StringValue("pptp-server"));
    ApplicationContainer serverApps = serverHelper.Install(server);
    serverApps.Start(Seconds(0));
    Ptr<PptpServer> pptpServer = DynamicCast<PptpServer>(serverApps.Get(0));
    pptpServer->TraceConnectWithoutContext("ControlState", MakeCallback(&ServerControlState));
    pptpServer->TraceConnectWithoutContext("CallState", MakeCallback(&ServerCallState));
    pptpServer->TraceConnectWithoutContext("CallEstablished", MakeCallback(&ServerCallEstablished));
    pptpServer->TraceConnectWithoutContext("CallCleared", MakeCallback(&ServerCallCleared));
    if (verbose)
    {
        pptpServer->TraceConnectWithoutContext(
            "Tx", MakeBoundCallback(&PrintMessage, std::string("server Tx")));
        pptpServer->TraceConnectWithoutContext(
            "Rx", MakeBoundCallback(&PrintMessage, std::string("server Rx")));
    }

    PptpClientHelper clientHelper(serverAddress);
    clientHelper.SetAttribute("CallDuration", TimeValue(hold));
    clientHelper.SetAttribute("StopAfterClear", BooleanValue(true));
    ApplicationContainer clientApps = clientHelper.Install(clientNodes);
    // Client i starts at 1 s + i * stagger (the first second leaves the server time to listen).
    const Time firstStart = Seconds(1);
    for (uint32_t i = 0; i < clients; ++i)
    {
        Ptr<PptpClient> client = DynamicCast<PptpClient>(clientApps.Get(i));
        Time start = firstStart + stagger * static_cast<int64_t>(i);
        g_summary.clients[i].start = start;
        client->SetStartTime(start);
        client->TraceConnectWithoutContext("ControlState",
                                           MakeBoundCallback(&ClientControlState, i));
        client->TraceConnectWithoutContext("CallState", MakeBoundCallback(&ClientCallState, i));
        client->TraceConnectWithoutContext("CallEstablished",
                                           MakeBoundCallback(&ClientCallEstablished, i));
        client->TraceConnectWithoutContext("CallCleared", MakeBoundCallback(&ClientCallCleared, i));
        if (verbose)
        {
            std::string name = "client " + std::to_string(i);
            client->TraceConnectWithoutContext("Tx",
                                               MakeBoundCallback(&PrintMessage, name + " Tx"));
            client->TraceConnectWithoutContext("Rx",
                                               MakeBoundCallback(&PrintMessage, name + " Rx"));
        }
    }

    std::string pcapFile;
    if (pcap)
    {
        Ptr<NetDevice> serverDevice = coreDevices.Get(1);
        core.EnablePcap(pcapPrefix, serverDevice);
        pcapFile = pcapPrefix + "-" + std::to_string(server->GetId()) + "-"
                   + std::to_string(serverDevice->GetIfIndex()) + ".pcap";
    }

    // The last client starts at firstStart + (N - 1) * stagger; 10 s after its hold every
    // exchange is long over.
    Time stop = firstStart + stagger * static_cast<int64_t>(clients - 1) + hold + Seconds(10);
    Simulator::Stop(stop);
    Simulator::Run();

    // The summary, one item a line.
    const Summary& s = g_summary;
    std::cout << "PPTP remote access: " << clients << " clients, server " << serverAddress
              << ", access " << accessRate << " / " << accessDelay << ", core " << coreRate << " / "
              << coreDelay << ", stagger " << stagger.As(Time::S) << ", hold " << hold.As(Time::S)
              << ", simulated " << stop.As(Time::S) << std::endl;
    // The states each role passes through, in the order of a normal connection or call
    // (\RFC{2637} s.3.1.1, s.3.1.2, s.3.2.3.1, s.3.2.3.2); IDLE last, as the end.
    using Ctl = PptpControlConnectionState;
    for (Ctl st : {Ctl::WAIT_CTL_REPLY, Ctl::ESTABLISHED, Ctl::WAIT_STOP_REPLY, Ctl::IDLE})
    {
        auto index = static_cast<std::size_t>(st);
        uint64_t reached
            = std::count_if(s.clients.begin(),
                            s.clients.end(),
                            [index](const ClientRecord& r) { return r.ctlReached[index]; });
        std::cout << "Client control connections that reached " << StateLabel(st) << ": " << reached
                  << std::endl;
    }
    for (Ctl st : {Ctl::WAIT_CTL_REQUEST, Ctl::ESTABLISHED, Ctl::WAIT_STOP_REPLY, Ctl::IDLE})
    {
        std::cout << "Server control connection entries into " << StateLabel(st) << ": "
                  << s.serverCtlEntries[static_cast<std::size_t>(st)] << std::endl;
    }
    using Call = PptpCallState;
    for (Call st : {Call::WAIT_REPLY, Call::ESTABLISHED, Call::WAIT_DISCONNECT, Call::IDLE})
    {
        auto index = static_cast<std::size_t>(st);
        uint64_t reached
            = std::count_if(s.clients.begin(),
                            s.clients.end(),
                            [index](const ClientRecord& r) { return r.callReached[index]; });
        std::cout << "Client calls that reached " << StateLabel(st) << ": " << reached << std::endl;
    }
    for (Call st : {Call::WAIT_CS_ANS, Call::ESTABLISHED, Call::IDLE})
    {
        std::cout << "Server call entries into " << StateLabel(st) << ": "
                  << s.serverCallEntries[static_cast<std::size_t>(st)] << std::endl;
    }

    std::map<PptpControlCloseReason, uint64_t> closeReasons;
    for (uint32_t i = 0; i < clients; ++i)
    {
        Ptr<PptpClient> client = DynamicCast<PptpClient>(clientApps.Get(i));
        Ptr<PptpControlConnection> c = client->GetControlConnection();
        ++closeReasons[c ? c->GetCloseReason() : PptpControlCloseReason::NONE];
    }
    for (const auto& [reason, count] : closeReasons)
    {
        std::cout << "Client control connections closed, reason "
                  << PptpControlCloseReasonName(reason) << ": " << count << std::endl;
    }

    uint64_t established = 0;
    Time minDelay = Time::Max();
    Time maxDelay = Seconds(0);
    Time sumDelay = Seconds(0);
    for (const ClientRecord& r : s.clients)
    {
        if (r.established.IsNegative())
        {
            continue;
        }
        ++established;
        Time delay = r.established - r.start;
        minDelay = std::min(minDelay, delay);
        maxDelay = std::max(maxDelay, delay);
        sumDelay += delay;
    }
    std::cout << "Calls established: " << established << " of " << clients << std::endl;
    std::cout << "Calls established at the server: " << s.serverEstablished << std::endl;
    for (const auto& [key, count] : s.clientCleared)
    {
        std::cout << "Client calls cleared, cause " << PptpCallClearReasonName(key.first)
                  << ", result code " << static_cast<unsigned>(key.second) << ": " << count
                  << std::endl;
    }
    for (const auto& [key, count] : s.serverCleared)
    {
        std::cout << "Server calls cleared, cause " << PptpCallClearReasonName(key.first)
                  << ", result code " << static_cast<unsigned>(key.second) << ": " << count
                  << std::endl;
    }
    if (established > 0)
    {
        std::cout << "Set-up delay (client start to call established): min " << Ms(minDelay)
                  << ", mean " << Ms(sumDelay / static_cast<int64_t>(established)) << ", max "
                  << Ms(maxDelay) << std::endl;
    }
    else
    {
        std::cout << "Set-up delay (client start to call established): no call established"
                  << std::endl;
    }
    std::cout << "Server control connections accepted: "
              << pptpServer->GetAcceptedControlConnections()
              << ", refused: " << pptpServer->GetRefusedControlConnections() << std::endl;
    std::cout << "Server calls established: " << pptpServer->GetEstablishedCalls()
              << ", refused: " << pptpServer->GetRefusedCalls()
              << ", cleared: " << pptpServer->GetClearedCalls() << std::endl;
    std::cout << "Server at the end: " << pptpServer->GetControlConnectionCount()
              << " control connections, " << pptpServer->GetCallCount() << " calls" << std::endl;
    if (pcap)
    {
        std::cout << "Pcap of the server's core link: " << pcapFile << std::endl;
    }

    Simulator::Destroy();
    return EXIT_SUCCESS;
}
