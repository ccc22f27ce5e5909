/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/*
 * PPTP remote access (RFC 2637): N clients, each behind its own access link to an ISP
 * router, reach one PPTP server over the router's core link and, through their tunnels, a
 * host on the server's corporate LAN.
 *
 *   client 0 --access--+
 *   client 1 --access--+-- router ==core== server ==lan== host (172.16.1.2)
 *   ...                |                   10.8.0.1 on every ppp0
 *   client N-1 -access-+                   (pool 10.8.0.2 ... for the clients)
 *
 * Client i starts at 1 s + i * stagger: it opens the control connection (SCCRQ / SCCRP),
 * places an outgoing call (OCRQ / OCRP) and, once the call is up, PPP runs inside the GRE
 * tunnel: LCP, authentication (MS-CHAPv2 by default; --auth=pap, chap-md5, none), CCP with
 * MPPE (128-bit stateless by default; --mppe=40, 56, none, --stateless=false) and IPCP, which
 * gives the client an address from the server's pool and the server's DNS servers (RFC 1877).
 * The client routes the LAN prefix through its tunnel (split tunnelling) and, from the moment
 * its tunnel is up until its hold ends, sends --clientRate of --packetSize UDP datagrams to the
 * LAN host, which counts them by source. After --hold (counted from the call's establishment)
 * the client clears the call (CCRQ / CDN), which closes the tunnel, and stops the control
 * connection (StopCCRQ / StopCCRP).
 *
 * At the end a summary is printed, one figure a line: how many control connections and calls
 * reached each state, how they ended, the call set-up delays, the server's counters; then the
 * tunnels that came up, the PPP set-up delay (call established to tunnel up), the
 * authentication results by method, MPPE, the traffic sent and delivered through the tunnels
 * (total and per-client goodput) and why PPP links went down, if any did.
 *
 *   ./pptp-remote-access --clients=10 --hold=10s
 *   ./pptp-remote-access --auth=pap --mppe=none
 *   ./pptp-remote-access --serverPassword=other      (every authentication fails)
 *   tshark -r pptp-remote-access-0-1.pcap -Y pptp    (the server's core link)
 *   tshark -r pptp-remote-access-client0-access.pcap (client 0: PPTP control + GRE/PPP)
 *   tshark -r pptp-remote-access-client0-ppp0.pcap   (client 0's ppp0: PPP negotiation, IP)
 */

#include "mppe-channel.h"
#include "mppe-keys.h"
#include "ppp-auth-method.h"
#include "ppp-ipcp.h"
#include "ppp-link.h"
#include "pptp-call.h"
#include "pptp-client.h"
#include "pptp-control-connection.h"
#include "pptp-control-message.h"
#include "pptp-net-device-helper.h"
#include "pptp-remote-access-topology.h"
#include "pptp-security-options.h"
#include "pptp-server.h"
#include "pptp-trace-collector.h"
#include "pptp-trace-options.h"
#include "pptp-tunnel.h"

#include "ns3/abort.h"
#include "ns3/application-container.h"
#include "ns3/boolean.h"
#include "ns3/command-line.h"
#include "ns3/data-rate.h"
#include "ns3/double.h"
#include "ns3/flow-monitor-helper.h"
#include "ns3/inet-socket-address.h"
#include "ns3/ipv4-flow-classifier.h"
#include "ns3/ipv4.h"
#include "ns3/node-container.h"
#include "ns3/nstime.h"
#include "ns3/packet.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/string.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>
#include <unordered_map>
#include <utility>
#include <vector>

using namespace ns3;

namespace
{

/// Number of control connection states (PptpControlConnectionState).
constexpr std::size_t CONTROL_STATES = 5;
/// Number of call states (PptpCallState).
constexpr std::size_t CALL_STATES = 6;
/// UDP port of the LAN host's sink (no Wireshark dissector claims it; 5000 would be GSM-IPA).
constexpr uint16_t SINK_PORT = 49600;

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
    Ptr<Node> node;                                //!< the client's node
    Time start;                                    //!< when the application started
    Time established{Seconds(-1)};                 //!< when the call came up (< 0: never)
    Time tunnelUp{Seconds(-1)};                    //!< when the tunnel came up (< 0: never)
    std::array<bool, CONTROL_STATES> ctlReached{}; //!< control states entered
    std::array<bool, CALL_STATES> callReached{};   //!< call states entered
    Ipv4Address tunnelAddress;                     //!< the address IPCP gave the client
    bool mppe{false};                              //!< MPPE on in its tunnel
    std::string mppeMode;                          //!< e.g. "BITS_128 stateless"
    bool dns{false};                               //!< IPCP gave it the server's DNS servers
    Ptr<Socket> socket;                            //!< its UDP flow's socket
    EventId sendEvent;                             //!< its next datagram
    Time flowStart{Seconds(-1)};                   //!< when its flow started
    Time flowStop{Seconds(-1)};                    //!< when its flow stopped
    uint64_t sentBytes{0};                         //!< UDP payload sent
    uint64_t deliveredBytes{0};                    //!< UDP payload the host received from it
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
    std::map<PppAuthMethod, std::pair<uint64_t, uint64_t>>
        clientAuth; //!< client authentication results: (successes, failures) by method
    std::map<PppAuthMethod, std::pair<uint64_t, uint64_t>>
        serverAuth;                                  //!< server authentication results
    std::map<std::string, uint64_t> clientLinkDown;  //!< client PPP links down, by reason
    std::map<std::string, uint64_t> serverLinkDown;  //!< server PPP links down, by reason
    uint64_t serverTunnelsUp{0};                     //!< server TunnelUp events
    std::unordered_map<uint32_t, uint32_t> bySource; //!< tunnel address -> client index
    uint64_t outsideBytes{0};                        //!< bytes the host got from other addresses
    Ipv4Address hostAddress;                         //!< the LAN host
    Ipv4Address primaryDns;                          //!< DNS server the server offers
    Ipv4Address secondaryDns;                        //!< DNS server the server offers
    uint32_t packetSize{1000};                       //!< UDP payload size
    Time interval;                                   //!< time between two datagrams of a client
    std::string innerPcap;                           //!< client 0's ppp0 pcap file ("" for none)
    bool verbose{false};                             //!< print every message and PPP phase
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
 * \brief Stop a client's UDP flow (its hold ended or its tunnel went down).
 * \param i the client index
 */
void
StopFlow(uint32_t i)
{
    ClientRecord& r = g_summary.clients[i];
    if (r.socket)
    {
        r.sendEvent.Cancel();
        r.socket->Close();
        r.socket = nullptr;
        r.flowStop = Simulator::Now();
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
    if (oldState == PptpCallState::ESTABLISHED)
    {
        // The hold ended (Call-Clear-Request) or the call was cleared: the tunnel goes.
        StopFlow(i);
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
 * \brief A client's PPP phase changed (printed with --verbose).
 * \param i the client index
 * \param oldPhase the previous phase
 * \param newPhase the new phase
 */
void
ClientPppPhase(uint32_t i, PppPhase oldPhase, PppPhase newPhase)
{
    std::cout << NowText() << "s client " << i << " PPP " << oldPhase << " -> " << newPhase
              << std::endl;
}

/**
 * \brief A client's PPP authentication ended.
 * \param i the client index
 * \param method the method
 * \param success whether it succeeded
 * \param detail the server's message
 */
void
ClientAuthentication(uint32_t i, PppAuthMethod method, bool success, std::string detail)
{
    auto& counts = g_summary.clientAuth[method];
    ++(success ? counts.first : counts.second);
    if (g_summary.verbose)
    {
        std::cout << NowText() << "s client " << i << " authentication " << method
                  << (success ? " succeeded" : " failed") << " (\"" << detail << "\")" << std::endl;
    }
}

/**
 * \brief A client's PPP link went down.
 * \param i the client index
 * \param reason why
 */
void
ClientLinkDown(uint32_t i, std::string reason)
{
    ++g_summary.clientLinkDown[reason];
    if (g_summary.verbose)
    {
        std::cout << NowText() << "s client " << i << " PPP link down: " << reason << std::endl;
    }
}

/**
 * \brief A client's data channel opened and PPP starts: follow its PPP layer, and start
 * client 0's inner pcap so that the negotiation is in it.
 * \param i the client index
 * \param callId the client's Call ID
 * \param tunnel the tunnel
 */
void
ClientTunnelOpened(uint32_t i, uint16_t callId, Ptr<PptpTunnel> tunnel)
{
    Ptr<PppLink> ppp = tunnel->GetPppLink();
    ppp->TraceConnectWithoutContext("Authentication", MakeBoundCallback(&ClientAuthentication, i));
    ppp->TraceConnectWithoutContext("LinkDown", MakeBoundCallback(&ClientLinkDown, i));
    if (g_summary.verbose)
    {
        ppp->TraceConnectWithoutContext("Phase", MakeBoundCallback(&ClientPppPhase, i));
    }
    if (i == 0 && !g_summary.innerPcap.empty())
    {
        PptpNetDeviceHelper pcap;
        pcap.EnablePcap(g_summary.innerPcap, tunnel->GetDevice(), false, true);
    }
}

/**
 * \brief Send client i's next datagram to the LAN host and schedule the one after.
 * \param i the client index
 */
void
SendDatagram(uint32_t i)
{
    ClientRecord& r = g_summary.clients[i];
    if (r.socket->Send(Create<Packet>(g_summary.packetSize)) >= 0)
    {
        r.sentBytes += g_summary.packetSize;
    }
    r.sendEvent = Simulator::Schedule(g_summary.interval, &SendDatagram, i);
}

/**
 * \brief A client's tunnel came up (IPCP open, MPPE settled, routes added): note what was
 * negotiated and start its UDP flow to the LAN host through the tunnel.
 * \param i the client index
 * \param callId the client's Call ID
 * \param tunnel the tunnel
 */
void
ClientTunnelUp(uint32_t i, uint16_t callId, Ptr<PptpTunnel> tunnel)
{
    ClientRecord& r = g_summary.clients[i];
    r.tunnelUp = Simulator::Now();
    r.tunnelAddress = tunnel->GetTunnelAddress();
    Ptr<PppLink> ppp = tunnel->GetPppLink();
    Ptr<MppeChannel> mppe = ppp->GetMppeChannel();
    r.mppe = mppe && mppe->IsStarted();
    if (r.mppe)
    {
        r.mppeMode = std::string(MppeStrengthName(mppe->GetStrength()))
                     + (mppe->IsStateless() ? " stateless" : " stateful");
    }
    r.dns = ppp->GetIpcp()->GetPrimaryDns() == g_summary.primaryDns
            && ppp->GetIpcp()->GetSecondaryDns() == g_summary.secondaryDns;
    g_summary.bySource[r.tunnelAddress.Get()] = i;
    if (g_summary.verbose)
    {
        std::cout << NowText() << "s client " << i << " tunnel up: " << r.tunnelAddress << " <-> "
                  << tunnel->GetPeerTunnelAddress() << ", " << ppp->GetAuthMethod()
                  << (r.mppe ? ", MPPE on" : ", no MPPE") << std::endl;
    }
    if (g_summary.interval.IsZero())
    {
        return; // --clientRate=0: no traffic
    }
    r.socket = Socket::CreateSocket(r.node, UdpSocketFactory::GetTypeId());
    r.socket->Bind();
    r.socket->Connect(InetSocketAddress(g_summary.hostAddress, SINK_PORT));
    r.flowStart = Simulator::Now();
    r.sendEvent = Simulator::ScheduleNow(&SendDatagram, i);
}

/**
 * \brief A client's tunnel was closed (its call ended).
 * \param i the client index
 * \param callId the client's Call ID
 * \param tunnel the tunnel
 */
void
ClientTunnelDown(uint32_t i, uint16_t callId, Ptr<PptpTunnel> tunnel)
{
    StopFlow(i);
    if (g_summary.verbose)
    {
        std::cout << NowText() << "s client " << i << " tunnel down" << std::endl;
    }
}

/**
 * \brief The LAN host received datagrams: count them by source.
 * \param socket the host's socket
 */
void
HostReceive(Ptr<Socket> socket)
{
    Address from;
    while (Ptr<Packet> packet = socket->RecvFrom(from))
    {
        Ipv4Address source = InetSocketAddress::ConvertFrom(from).GetIpv4();
        auto it = g_summary.bySource.find(source.Get());
        if (it == g_summary.bySource.end())
        {
            g_summary.outsideBytes += packet->GetSize();
        }
        else
        {
            g_summary.clients[it->second].deliveredBytes += packet->GetSize();
        }
    }
}

/**
 * \brief The server's PPP authentication of a client ended.
 * \param method the method
 * \param success whether it succeeded
 * \param peerName the client's user name
 */
void
ServerAuthentication(PppAuthMethod method, bool success, std::string peerName)
{
    auto& counts = g_summary.serverAuth[method];
    ++(success ? counts.first : counts.second);
}

/**
 * \brief A server PPP link went down.
 * \param reason why
 */
void
ServerLinkDown(std::string reason)
{
    ++g_summary.serverLinkDown[reason];
}

/**
 * \brief A server data channel opened: follow its PPP layer.
 * \param callId the server's Call ID
 * \param tunnel the tunnel
 */
void
ServerTunnelOpened(uint16_t callId, Ptr<PptpTunnel> tunnel)
{
    Ptr<PppLink> ppp = tunnel->GetPppLink();
    ppp->TraceConnectWithoutContext("Authentication", MakeCallback(&ServerAuthentication));
    ppp->TraceConnectWithoutContext("LinkDown", MakeCallback(&ServerLinkDown));
}

/**
 * \brief A server tunnel came up.
 * \param callId the server's Call ID
 * \param tunnel the tunnel
 */
void
ServerTunnelUp(uint16_t callId, Ptr<PptpTunnel> tunnel)
{
    ++g_summary.serverTunnelsUp;
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
 * \brief A rate in kbit/s with one decimal.
 * \param bitsPerSecond the rate
 * \return the text
 */
std::string
Kbps(double bitsPerSecond)
{
    std::ostringstream os;
    os << std::fixed << std::setprecision(1) << bitsPerSecond / 1000.0 << " kbit/s";
    return os.str();
}

/**
 * \brief Minimum, mean and maximum of some durations, as "min X, mean Y, max Z".
 * \param values the durations (not empty)
 * \return the text
 */
std::string
TimeStats(const std::vector<Time>& values)
{
    Time sum = Seconds(0);
    for (Time t : values)
    {
        sum += t;
    }
    auto [lo, hi] = std::minmax_element(values.begin(), values.end());
    return "min " + Ms(*lo) + ", mean " + Ms(sum / static_cast<int64_t>(values.size())) + ", max "
           + Ms(*hi);
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
    std::string lanRate = "1Gbps";
    Time stagger = Seconds(0.5);
    Time hold = Seconds(10);
    uint32_t maxCalls = 100;
    uint32_t maxConnections = 100;
    DataRate clientRate("256kbps");
    uint32_t packetSize = 1000;
    std::string serverPassword;
    bool pcap = true;
    std::string pcapPrefix = "pptp-remote-access";
    bool verbose = false;
    bool perClient = false;
    PptpSecurityOptions security;
    PptpTraceOptions trace("pptp-remote-access.db");

    CommandLine cmd(__FILE__);
    cmd.AddValue("clients", "number of PPTP clients (1..16000)", clients);
    cmd.AddValue("accessRate", "data rate of each client's access link", accessRate);
    cmd.AddValue("accessDelay", "delay of each client's access link", accessDelay);
    cmd.AddValue("coreRate", "data rate of the router-server core link", coreRate);
    cmd.AddValue("coreDelay", "delay of the router-server core link", coreDelay);
    cmd.AddValue("lanRate", "data rate of the server-host LAN link", lanRate);
    cmd.AddValue("stagger", "time between two clients' starts (e.g. 0.5s)", stagger);
    cmd.AddValue("hold",
                 "how long each call is held once established (> 0, e.g. 10s); the tunnel's "
                 "traffic runs from the tunnel's coming up to the end of the hold",
                 hold);
    cmd.AddValue("maxCalls", "server's MaxCalls (calls at a time)", maxCalls);
    cmd.AddValue("maxConnections",
                 "server's MaxControlConnections (control connections at a time)",
                 maxConnections);
    cmd.AddValue("clientRate",
                 "rate of each client's UDP flow to the LAN host through its tunnel (0: none)",
                 clientRate);
    cmd.AddValue("packetSize", "UDP payload size of the flows (1..1368 bytes)", packetSize);
    security.AddToCommandLine(cmd);
    cmd.AddValue("serverPassword",
                 "the password the server's user table holds (default: --password; another "
                 "value makes every authentication fail)",
                 serverPassword);
    cmd.AddValue("pcap",
                 "write pcaps: the server's core link, client 0's access link (outer) and "
                 "client 0's ppp0 (inner)",
                 pcap);
    cmd.AddValue("pcapPrefix", "file name prefix of the pcaps", pcapPrefix);
    cmd.AddValue(
        "verbose", "print every control message, state change and PPP phase change", verbose);
    cmd.AddValue("perClient", "print one line per client at the end", perClient);
    trace.AddToCommandLine(cmd);
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
    // The datagram must fit the tunnel's MTU (1400, 1396 with MPPE) with its IPv4 and UDP
    // headers, so that it is not fragmented.
    const uint32_t maxPacket = PptpNetDevice::DEFAULT_MTU - security.GetMtuReduction() - 28;
    if (packetSize < 1 || packetSize > maxPacket)
    {
        std::cerr << "--packetSize must be between 1 and " << maxPacket << std::endl;
        return EXIT_FAILURE;
    }
    for (const std::string& problem : {security.Validate(), trace.Validate()})
    {
        if (!problem.empty())
        {
            std::cerr << problem << std::endl;
            return EXIT_FAILURE;
        }
    }
    if (serverPassword.empty())
    {
        serverPassword = security.password;
    }
    const bool traffic = clientRate.GetBitRate() > 0;
    g_summary.verbose = verbose;
    g_summary.clients.resize(clients);
    g_summary.packetSize = packetSize;
    if (traffic)
    {
        g_summary.interval = clientRate.CalculateBytesTxTime(packetSize);
    }

    // The topology (helper/pptp-remote-access-topology.h): the clients, each on its own
    // access link to the ISP router, the core link to the server, the LAN host behind the
    // server; static routes only, so the LAN is reachable only through the tunnels. The
    // server is pptpd-like: 10.8.0.1 on every ppp0, the clients from the pool 10.8.0.2 up.
    PptpRemoteAccessTopology topology;
    topology.SetClientCount(clients);
    topology.SetAccessDataRate(DataRate(accessRate));
    topology.SetAccessDelay(Time(accessDelay));
    topology.SetCoreDataRate(DataRate(coreRate));
    topology.SetCoreDelay(Time(coreDelay));
    topology.SetLanDataRate(DataRate(lanRate));
    topology.SetLanDelay(MilliSeconds(1));
    // Client i starts at 1 s + i * stagger (the first second leaves the server time to listen).
    const Time firstStart = Seconds(1);
    topology.SetClientStart(firstStart, stagger);
    topology.SetSecurity(security);
    // Added after the security options' user: replaces its password in the server's table.
    topology.AddServerUser(security.user, serverPassword);
    topology.SetServerAttribute("MaxCalls", UintegerValue(maxCalls));
    topology.SetServerAttribute("MaxControlConnections", UintegerValue(maxConnections));
    topology.SetServerAttribute("HostName", StringValue("pptp-server"));
    g_summary.secondaryDns = Ipv4Address("172.16.1.3");
    topology.SetClientAttribute("CallDuration", TimeValue(hold));
    topology.SetClientAttribute("StopAfterClear", BooleanValue(true));
    const std::string problem = topology.Validate();
    if (!problem.empty())
    {
        std::cerr << problem << std::endl;
        return EXIT_FAILURE;
    }
    // The LAN host is the primary DNS server the server offers (RFC 1877).
    topology.SetServerAttribute("PrimaryDns", Ipv4AddressValue("172.16.1.2"));
    topology.SetServerAttribute("SecondaryDns", Ipv4AddressValue(g_summary.secondaryDns));
    topology.Install();
    g_summary.hostAddress = topology.GetLanHostAddress(0);
    g_summary.primaryDns = g_summary.hostAddress;
    NS_ABORT_MSG_UNLESS(g_summary.hostAddress == Ipv4Address("172.16.1.2"),
                        "the LAN host is not the primary DNS server offered");
    Ptr<Node> server = topology.GetServerNode();
    Ptr<Node> host = topology.GetLanHost(0);
    for (uint32_t i = 0; i < clients; ++i)
    {
        g_summary.clients[i].node = topology.GetClientNode(i);
        g_summary.clients[i].start = firstStart + stagger * static_cast<int64_t>(i);
    }
    const Ipv4Address serverAddress = topology.GetServerAddress();
    ApplicationContainer serverApps = topology.GetServerApps();
    ApplicationContainer clientApps = topology.GetClientApps();
    Ptr<PptpServer> pptpServer = topology.GetServer();
    pptpServer->TraceConnectWithoutContext("ControlState", MakeCallback(&ServerControlState));
    pptpServer->TraceConnectWithoutContext("CallState", MakeCallback(&ServerCallState));
    pptpServer->TraceConnectWithoutContext("CallEstablished", MakeCallback(&ServerCallEstablished));
    pptpServer->TraceConnectWithoutContext("CallCleared", MakeCallback(&ServerCallCleared));
    pptpServer->TraceConnectWithoutContext("TunnelOpened", MakeCallback(&ServerTunnelOpened));
    pptpServer->TraceConnectWithoutContext("TunnelUp", MakeCallback(&ServerTunnelUp));
    if (verbose)
    {
        pptpServer->TraceConnectWithoutContext(
            "Tx", MakeBoundCallback(&PrintMessage, std::string("server Tx")));
        pptpServer->TraceConnectWithoutContext(
            "Rx", MakeBoundCallback(&PrintMessage, std::string("server Rx")));
    }
    for (uint32_t i = 0; i < clients; ++i)
    {
        Ptr<PptpClient> client = topology.GetClient(i);
        client->TraceConnectWithoutContext("ControlState",
                                           MakeBoundCallback(&ClientControlState, i));
        client->TraceConnectWithoutContext("CallState", MakeBoundCallback(&ClientCallState, i));
        client->TraceConnectWithoutContext("CallEstablished",
                                           MakeBoundCallback(&ClientCallEstablished, i));
        client->TraceConnectWithoutContext("CallCleared", MakeBoundCallback(&ClientCallCleared, i));
        client->TraceConnectWithoutContext("TunnelOpened",
                                           MakeBoundCallback(&ClientTunnelOpened, i));
        client->TraceConnectWithoutContext("TunnelUp", MakeBoundCallback(&ClientTunnelUp, i));
        client->TraceConnectWithoutContext("TunnelDown", MakeBoundCallback(&ClientTunnelDown, i));
        if (verbose)
        {
            std::string name = "client " + std::to_string(i);
            client->TraceConnectWithoutContext("Tx",
                                               MakeBoundCallback(&PrintMessage, name + " Tx"));
            client->TraceConnectWithoutContext("Rx",
                                               MakeBoundCallback(&PrintMessage, name + " Rx"));
        }
    }

    // The trace database (--db): the run, every tunnel's events and samples, and the flows
    // FlowMonitor sees at the clients, the server and the LAN host (the inner UDP flows and
    // the control connections).
    Ptr<PptpTraceCollector> collector = trace.Open("pptp-remote-access", cmd, argc, argv);
    FlowMonitorHelper flowHelper;
    if (collector)
    {
        PptpWatchTopology(collector, topology);
        // The control connections end at the server: monitor it too, or their packets would
        // count as lost.
        NodeContainer endpoints = topology.GetClientNodes();
        endpoints.Add(server);
        endpoints.Add(host);
        // 0.1 ms delay bins (FlowMonitor's default is 1 ms) for the delay CDF.
        flowHelper.SetMonitorAttribute("DelayBinWidth", DoubleValue(0.0001));
        Ptr<FlowMonitor> monitor = flowHelper.Install(endpoints);
        collector->WatchFlows(monitor, DynamicCast<Ipv4FlowClassifier>(flowHelper.GetClassifier()));
    }

    // The LAN host: one UDP socket for every client's flow, counted by source address.
    Ptr<Socket> sink = Socket::CreateSocket(host, UdpSocketFactory::GetTypeId());
    sink->Bind(InetSocketAddress(Ipv4Address::GetAny(), SINK_PORT));
    sink->SetRecvCallback(MakeCallback(&HostReceive));

    std::string pcapFile;
    std::string accessPcap;
    if (pcap)
    {
        PointToPointHelper p2p;
        Ptr<NetDevice> serverDevice = topology.GetCoreDevices().Get(1);
        p2p.EnablePcap(pcapPrefix, serverDevice);
        pcapFile = pcapPrefix + "-" + std::to_string(server->GetId()) + "-"
                   + std::to_string(serverDevice->GetIfIndex()) + ".pcap";
        accessPcap = pcapPrefix + "-client0-access.pcap";
        p2p.EnablePcap(accessPcap, topology.GetAccessDevices(0).Get(0), false, true);
        g_summary.innerPcap = pcapPrefix + "-client0-ppp0.pcap";
    }

    // The last client starts at firstStart + (N - 1) * stagger; 10 s after its hold every
    // exchange is long over.
    Time stop = firstStart + stagger * static_cast<int64_t>(clients - 1) + hold + Seconds(10);
    Simulator::Stop(stop);
    Simulator::Run();
    if (collector)
    {
        collector->Finish();
    }

    // The summary, one item a line.
    const Summary& s = g_summary;
    std::cout << "PPTP remote access: " << clients << " clients, server " << serverAddress
              << ", access " << accessRate << " / " << accessDelay << ", core " << coreRate << " / "
              << coreDelay << ", stagger " << stagger.As(Time::S) << ", hold " << hold.As(Time::S)
              << ", simulated " << stop.As(Time::S) << std::endl;
    std::cout << "PPP: authentication " << security.auth << ", MPPE " << security.mppe
              << (security.IsEncrypted() ? (security.stateless ? " stateless" : " stateful") : "")
              << ", LAN host " << s.hostAddress << ", each client's flow " << clientRate << " of "
              << packetSize << "-byte UDP datagrams" << std::endl;
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

    std::vector<Time> callDelays;
    std::vector<Time> pppDelays;
    for (const ClientRecord& r : s.clients)
    {
        if (!r.established.IsNegative())
        {
            callDelays.push_back(r.established - r.start);
            if (!r.tunnelUp.IsNegative())
            {
                pppDelays.push_back(r.tunnelUp - r.established);
            }
        }
    }
    std::cout << "Calls established: " << callDelays.size() << " of " << clients << std::endl;
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
    std::cout << "Set-up delay (client start to call established): "
              << (callDelays.empty() ? std::string("no call established") : TimeStats(callDelays))
              << std::endl;
    std::cout << "Server control connections accepted: "
              << pptpServer->GetAcceptedControlConnections()
              << ", refused: " << pptpServer->GetRefusedControlConnections() << std::endl;
    std::cout << "Server calls established: " << pptpServer->GetEstablishedCalls()
              << ", refused: " << pptpServer->GetRefusedCalls()
              << ", cleared: " << pptpServer->GetClearedCalls() << std::endl;
    std::cout << "Server at the end: " << pptpServer->GetControlConnectionCount()
              << " control connections, " << pptpServer->GetCallCount() << " calls" << std::endl;

    // The data plane: PPP inside the tunnels and the traffic through them.
    std::cout << "Tunnels up: " << pppDelays.size() << " of " << clients << std::endl;
    std::cout << "Tunnels up at the server: " << s.serverTunnelsUp << std::endl;
    std::cout << "PPP set-up delay (call established to tunnel up): "
              << (pppDelays.empty() ? std::string("no tunnel up") : TimeStats(pppDelays))
              << std::endl;
    if (s.clientAuth.empty() && s.serverAuth.empty())
    {
        std::cout << "Authentication: none" << std::endl;
    }
    for (const auto& [method, counts] : s.clientAuth)
    {
        std::cout << "Client authentication " << method << ": " << counts.first << " succeeded, "
                  << counts.second << " failed" << std::endl;
    }
    for (const auto& [method, counts] : s.serverAuth)
    {
        std::cout << "Server authentication " << method << ": " << counts.first << " succeeded, "
                  << counts.second << " failed" << std::endl;
    }
    uint64_t mppeOn = std::count_if(
        s.clients.begin(), s.clients.end(), [](const ClientRecord& r) { return r.mppe; });
    uint64_t dnsGiven = std::count_if(
        s.clients.begin(), s.clients.end(), [](const ClientRecord& r) { return r.dns; });
    std::cout << "Tunnels with MPPE on: " << mppeOn << std::endl;
    std::map<std::string, uint64_t> mppeModes;
    for (const ClientRecord& r : s.clients)
    {
        if (r.mppe)
        {
            ++mppeModes[r.mppeMode];
        }
    }
    for (const auto& [mode, count] : mppeModes)
    {
        std::cout << "Tunnels with MPPE " << mode << ": " << count << std::endl;
    }
    std::cout << "Clients given the DNS servers (" << s.primaryDns << ", " << s.secondaryDns
              << "): " << dnsGiven << std::endl;

    uint64_t totalSent = 0;
    uint64_t totalDelivered = 0;
    uint64_t flows = 0;
    uint64_t delivering = 0;
    double worstShare = 1.0;
    std::vector<double> goodputs;
    for (const ClientRecord& r : s.clients)
    {
        totalSent += r.sentBytes;
        totalDelivered += r.deliveredBytes;
        if (r.flowStart.IsNegative())
        {
            continue;
        }
        ++flows;
        delivering += r.deliveredBytes > 0 ? 1 : 0;
        Time end = r.flowStop.IsNegative() ? stop : r.flowStop;
        double seconds = (end - r.flowStart).GetSeconds();
        goodputs.push_back(seconds > 0 ? r.deliveredBytes * 8.0 / seconds : 0.0);
        if (r.sentBytes > 0)
        {
            worstShare = std::min(worstShare,
                                  static_cast<double>(r.deliveredBytes)
                                      / static_cast<double>(r.sentBytes));
        }
    }
    std::cout << "Client flows: " << flows << ", delivering: " << delivering << std::endl;
    std::cout << "Bytes sent through the tunnels: " << totalSent << std::endl;
    std::cout << "Bytes delivered through the tunnels: " << totalDelivered << std::endl;
    if (!goodputs.empty())
    {
        double sum = 0;
        for (double g : goodputs)
        {
            sum += g;
        }
        auto [lo, hi] = std::minmax_element(goodputs.begin(), goodputs.end());
        std::cout << "Goodput per client: min " << Kbps(*lo) << ", mean "
                  << Kbps(sum / goodputs.size()) << ", max " << Kbps(*hi) << std::endl;
        std::ostringstream share;
        share << std::fixed << std::setprecision(2) << worstShare * 100.0 << " %";
        std::cout << "Lowest per-client delivered share: " << share.str() << std::endl;
    }
    std::cout << "Bytes the LAN host received from outside the tunnels: " << s.outsideBytes
              << std::endl;
    if (s.clientLinkDown.empty() && s.serverLinkDown.empty())
    {
        std::cout << "PPP links down: none" << std::endl;
    }
    for (const auto& [reason, count] : s.clientLinkDown)
    {
        std::cout << "Client PPP links down, \"" << reason << "\": " << count << std::endl;
    }
    for (const auto& [reason, count] : s.serverLinkDown)
    {
        std::cout << "Server PPP links down, \"" << reason << "\": " << count << std::endl;
    }
    if (perClient)
    {
        for (uint32_t i = 0; i < clients; ++i)
        {
            const ClientRecord& r = s.clients[i];
            std::cout << "Client " << i << ": tunnel ";
            if (r.tunnelUp.IsNegative())
            {
                std::cout << "never up";
            }
            else
            {
                std::cout << "up, address " << r.tunnelAddress;
            }
            std::cout << ", MPPE " << (r.mppe ? "on" : "off") << ", sent " << r.sentBytes
                      << ", delivered " << r.deliveredBytes << std::endl;
        }
    }
    if (pcap)
    {
        std::cout << "Pcap of the server's core link: " << pcapFile << std::endl;
        std::cout << "Pcap of client 0's access link: " << accessPcap << std::endl;
        std::cout << "Pcap of client 0's ppp0: " << s.innerPcap << std::endl;
    }
    if (collector)
    {
        std::cout << "Trace database: " << trace.db << ", run " << collector->GetRunId() << ", "
                  << collector->GetRowCount() << " rows" << std::endl;
    }

    // The flows' sockets are closed; the records drop their pointers before the simulator
    // disposes of the nodes.
    for (uint32_t i = 0; i < clients; ++i)
    {
        StopFlow(i);
        g_summary.clients[i].node = nullptr;
    }
    sink->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
    sink = nullptr;
    Simulator::Destroy();
    return EXIT_SUCCESS;
}
