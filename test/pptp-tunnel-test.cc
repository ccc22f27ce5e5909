/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The data channel end to end (RFC 2637 s.4): PptpClient and PptpServer bring a GRE session
// and a ppp0 interface up with each call, and ns-3 traffic from the client to a host on the
// server's LAN goes through PPP in Enhanced GRE over the simulated network.
//
//   client ==access== r1 ==core== [r2 ==] server ==lan== host
//   10.8.0.2 (ppp0)                       10.8.0.1 (ppp0)  172.16.1.2

#include "example-run.h"
#include "gre-drop-reason.h"
#include "gre-header.h"
#include "gre-l4-protocol.h"
#include "gre-session.h"
#include "pptp-client-helper.h"
#include "pptp-client.h"
#include "pptp-net-device.h"
#include "pptp-server-helper.h"
#include "pptp-server.h"
#include "pptp-test-util.h"
#include "pptp-tunnel.h"
#include "topology-test-util.h"
#include "tshark-util.h"

#include "ns3/boolean.h"
#include "ns3/bulk-send-helper.h"
#include "ns3/config.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/error-model.h"
#include "ns3/inet-socket-address.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-global-routing-helper.h"
#include "ns3/ipv4-interface-container.h"
#include "ns3/ipv4-raw-socket-factory.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/ipv4-static-routing.h"
#include "ns3/ipv4.h"
#include "ns3/packet-sink-helper.h"
#include "ns3/packet-sink.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/pointer.h"
#include "ns3/seq-ts-header.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/string.h"
#include "ns3/udp-client-server-helper.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <functional>
#include <map>
#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

const Ipv4Address CLIENT_INNER("10.8.0.2"); //!< the client's tunnel address
const Ipv4Address SERVER_INNER("10.8.0.1"); //!< the server's tunnel address
const uint16_t UDP_PORT = 6000;             //!< the counting UDP receiver's port
const uint16_t TCP_PORT = 5000;             //!< the TCP sink's port

/// How the network is built.
struct NetOptions
{
    std::string rate{"10Mbps"};   //!< access link rate
    Time delay{MilliSeconds(5)};  //!< access link delay
    bool parallelCore{false};     //!< two core links of different delay, random ECMP
    bool clientTunnel{true};      //!< the client opens a data channel
    bool serverKnowsClient{true}; //!< the server's peer table has the client
    std::function<void(PptpClientHelper&, PptpServerHelper&)> configure; //!< extra settings
};

/// The network, the applications and what the traces saw.
struct Net
{
    NodeContainer nodes;                                   //!< every node
    Ptr<Node> client;                                      //!< the PPTP client
    Ptr<Node> server;                                      //!< the PPTP server
    Ptr<Node> host;                                        //!< the LAN host
    NetDeviceContainer access;                             //!< client and r1 on the access link
    Ipv4Address clientPublic;                              //!< the client's physical address
    Ipv4Address serverPublic;                              //!< the server's physical address
    Ipv4Address hostAddress;                               //!< the LAN host
    Ptr<PptpClient> pptpClient;                            //!< the client application
    Ptr<PptpServer> pptpServer;                            //!< the server application
    Ptr<GreSession> clientSession;                         //!< from TunnelUp
    Ptr<GreSession> serverSession;                         //!< from TunnelUp
    Ptr<PptpNetDevice> clientPpp;                          //!< from TunnelUp
    Ptr<PptpNetDevice> serverPpp;                          //!< from TunnelUp
    Time upAt{Seconds(-1)};                                //!< when the client's tunnel came up
    uint32_t clientUp{0};                                  //!< TunnelUp events at the client
    uint32_t clientDown{0};                                //!< TunnelDown events at the client
    uint32_t serverUp{0};                                  //!< TunnelUp events at the server
    uint32_t serverDown{0};                                //!< TunnelDown events at the server
    std::map<GreDropReason, uint32_t> serverProtocolDrops; //!< server GreL4Protocol "Drop"

    /** \brief \param callId Call ID \param t tunnel \brief client up */
    void
    ClientUp(uint16_t callId, Ptr<PptpTunnel> t)
    {
        ++clientUp;
        clientSession = t->GetSession();
        clientPpp = t->GetDevice();
        upAt = Simulator::Now();
    }
    /** \brief \param callId Call ID \param t tunnel \brief server up */
    void
    ServerUp(uint16_t callId, Ptr<PptpTunnel> t)
    {
        ++serverUp;
        serverSession = t->GetSession();
        serverPpp = t->GetDevice();
    }
    /** \brief \param callId Call ID \param t tunnel \brief client down */
    void
    ClientDown(uint16_t callId, Ptr<PptpTunnel> t)
    {
        ++clientDown;
    }
    /** \brief \param callId Call ID \param t tunnel \brief server down */
    void
    ServerDown(uint16_t callId, Ptr<PptpTunnel> t)
    {
        ++serverDown;
    }
    /** \brief \param p packet \param reason why \brief server protocol drop */
    void
    ProtocolDrop(Ptr<const Packet> p, GreDropReason reason)
    {
        ++serverProtocolDrops[reason];
    }
};

/**
 * \brief Build the network and install the PPTP applications (the client starts at 0.1 s).
 * \param net the network to fill
 * \param options how
 */
void
Build(Net& net, const NetOptions& options)
{
    Config::SetDefault("ns3::Ipv4GlobalRouting::RandomEcmpRouting",
                       BooleanValue(options.parallelCore));
    net.nodes.Create(options.parallelCore ? 5 : 4);
    net.client = net.nodes.Get(0);
    Ptr<Node> r1 = net.nodes.Get(1);
    net.server = net.nodes.Get(options.parallelCore ? 3 : 2);
    net.host = net.nodes.Get(options.parallelCore ? 4 : 3);
    PointToPointHelper access;
    access.SetDeviceAttribute("DataRate", StringValue(options.rate));
    access.SetChannelAttribute("Delay", TimeValue(options.delay));
    PointToPointHelper fast;
    fast.SetDeviceAttribute("DataRate", StringValue("1Gbps"));
    fast.SetChannelAttribute("Delay", StringValue("1ms"));
    net.access = access.Install(net.client, r1);
    NetDeviceContainer fastPath;
    NetDeviceContainer slowPath;
    Ptr<Node> beforeServer = r1;
    if (options.parallelCore)
    {
        // Two paths of different delay between r1 and r2, chosen at random per packet.
        Ptr<Node> r2 = net.nodes.Get(2);
        PointToPointHelper slow;
        slow.SetDeviceAttribute("DataRate", StringValue("1Gbps"));
        slow.SetChannelAttribute("Delay", StringValue("10ms"));
        fastPath = fast.Install(r1, r2);
        slowPath = slow.Install(r1, r2);
        beforeServer = r2;
    }
    NetDeviceContainer core = fast.Install(beforeServer, net.server);
    NetDeviceContainer lan = fast.Install(net.server, net.host);
    // The stack after the devices, so that each gets the default queue disc (as usual).
    InternetStackHelper internet;
    internet.Install(net.nodes);

    Ipv4AddressHelper address;
    address.SetBase("198.51.100.0", "255.255.255.252");
    net.clientPublic = address.Assign(net.access).GetAddress(0);
    if (options.parallelCore)
    {
        address.SetBase("192.0.2.0", "255.255.255.252");
        address.Assign(fastPath);
        address.SetBase("192.0.2.4", "255.255.255.252");
        address.Assign(slowPath);
    }
    address.SetBase("203.0.113.0", "255.255.255.252");
    net.serverPublic = address.Assign(core).GetAddress(1);
    address.SetBase("172.16.1.0", "255.255.255.0");
    Ipv4InterfaceContainer lanIf = address.Assign(lan);
    net.hostAddress = lanIf.GetAddress(1);
    // Global routing over the physical network, before any tunnel interface exists.
    Ipv4GlobalRoutingHelper::PopulateRoutingTables();
    // The LAN host reaches the tunnel addresses through the server.
    Ipv4StaticRoutingHelper staticRouting;
    staticRouting.GetStaticRouting(net.host->GetObject<Ipv4>())
        ->SetDefaultRoute(lanIf.GetAddress(0), 1);

    PptpServerHelper serverHelper;
    serverHelper.SetAttribute("TunnelAddress", Ipv4AddressValue(SERVER_INNER));
    if (options.serverKnowsClient)
    {
        serverHelper.AddPeerTunnelAddress(net.clientPublic, CLIENT_INNER);
    }
    // These tests measure the data channel: PPP runs without authentication and MPPE.
    serverHelper.SetPppAttribute("Authentication", StringValue("NONE"));
    PptpClientHelper clientHelper(net.serverPublic);
    clientHelper.SetAttribute("TunnelAddress", Ipv4AddressValue(CLIENT_INNER));
    if (!options.clientTunnel)
    {
        clientHelper.SetAttribute("DataChannel", BooleanValue(false));
    }
    clientHelper.SetAttribute("TunnelNetwork", Ipv4AddressValue("172.16.1.0"));
    clientHelper.SetAttribute("TunnelMask", Ipv4MaskValue("255.255.255.0"));
    if (options.configure)
    {
        options.configure(clientHelper, serverHelper);
    }
    net.pptpServer = DynamicCast<PptpServer>(serverHelper.Install(net.server).Get(0));
    net.pptpClient = DynamicCast<PptpClient>(clientHelper.Install(net.client).Get(0));
    net.pptpClient->SetStartTime(Seconds(0.1));
    net.pptpClient->TraceConnectWithoutContext("TunnelUp", MakeCallback(&Net::ClientUp, &net));
    net.pptpClient->TraceConnectWithoutContext("TunnelDown", MakeCallback(&Net::ClientDown, &net));
    net.pptpServer->TraceConnectWithoutContext("TunnelUp", MakeCallback(&Net::ServerUp, &net));
    net.pptpServer->TraceConnectWithoutContext("TunnelDown", MakeCallback(&Net::ServerDown, &net));
    net.server->GetObject<GreL4Protocol>()->TraceConnectWithoutContext(
        "Drop", MakeCallback(&Net::ProtocolDrop, &net));
}

/// A UDP receiver that checks the SeqTsHeader counter of every datagram.
struct CountingReceiver
{
    Ptr<Socket> socket;             //!< the socket
    std::vector<uint32_t> sequence; //!< counters, in arrival order
    std::vector<Time> arrival;      //!< arrival times
    uint64_t bytes{0};              //!< payload bytes

    /**
     * \brief Listen on the host.
     * \param node the host
     */
    void
    Listen(Ptr<Node> node)
    {
        socket = Socket::CreateSocket(node, UdpSocketFactory::GetTypeId());
        socket->Bind(InetSocketAddress(Ipv4Address::GetAny(), UDP_PORT));
        socket->SetRecvCallback(MakeCallback(&CountingReceiver::Read, this));
    }

    /** \brief \param s the socket \brief read everything */
    void
    Read(Ptr<Socket> s)
    {
        while (Ptr<Packet> p = s->Recv())
        {
            bytes += p->GetSize();
            SeqTsHeader header;
            p->RemoveHeader(header);
            sequence.push_back(header.GetSeq());
            arrival.push_back(Simulator::Now());
        }
    }

    /** \brief \return whether the counters strictly increase */
    bool
    InOrder() const
    {
        for (std::size_t i = 1; i < sequence.size(); ++i)
        {
            if (sequence[i] <= sequence[i - 1])
            {
                return false;
            }
        }
        return true;
    }
};

/**
 * \brief A UdpClient (SeqTsHeader counter in each payload) from the client to the host.
 * \param net the network
 * \param packets how many
 * \param interval time between them
 * \param size UDP payload size
 * \param start when
 */
void
StartUdp(Net& net, uint32_t packets, Time interval, uint32_t size, Time start)
{
    UdpClientHelper udp(net.hostAddress, UDP_PORT);
    udp.SetAttribute("MaxPackets", UintegerValue(packets));
    udp.SetAttribute("Interval", TimeValue(interval));
    udp.SetAttribute("PacketSize", UintegerValue(size));
    ApplicationContainer app = udp.Install(net.client);
    app.Start(start);
}

} // namespace

BOOST_AUTO_TEST_SUITE(PptpTunnelTest)

BOOST_AUTO_TEST_CASE(tcp_and_udp_deliver_every_byte_in_order)
{
    // The GRE transmit queue is made deep enough for TCP's receive window (131072 bytes of
    // 536-byte segments) plus the UDP flow, so that no frame is dropped before the tunnel.
    Net net;
    NetOptions options;
    options.configure = [](PptpClientHelper& client, PptpServerHelper& server)
    { client.SetSessionAttribute("TxQueueSize", UintegerValue(1000)); };
    Build(net, options);
    const uint32_t tcpBytes = 3000000;
    PacketSinkHelper sinkHelper("ns3::TcpSocketFactory",
                                InetSocketAddress(Ipv4Address::GetAny(), TCP_PORT));
    Ptr<PacketSink> sink = DynamicCast<PacketSink>(sinkHelper.Install(net.host).Get(0));
    BulkSendHelper bulk("ns3::TcpSocketFactory", InetSocketAddress(net.hostAddress, TCP_PORT));
    bulk.SetAttribute("MaxBytes", UintegerValue(tcpBytes));
    bulk.Install(net.client).Start(Seconds(1));
    CountingReceiver udp;
    udp.Listen(net.host);
    StartUdp(net, 1000, MilliSeconds(4), 1000, Seconds(1));
    // What the tunnel carries shows up on ppp0 and in GRE, not as plain IP to the LAN host.
    uint64_t physicalFramesAtRouter = 0;
    net.access.Get(1)->TraceConnectWithoutContext(
        "MacRx",
        Callback<void, Ptr<const Packet>>([&physicalFramesAtRouter](Ptr<const Packet>)
                                          { ++physicalFramesAtRouter; }));
    Simulator::Stop(Seconds(12));
    Simulator::Run();

    BOOST_REQUIRE(net.clientSession && net.serverSession);
    BOOST_TEST(net.upAt < Seconds(1));
    BOOST_TEST(sink->GetTotalRx() == tcpBytes);
    BOOST_TEST(udp.sequence.size() == 1000U);
    BOOST_TEST(udp.bytes == 1000U * 1000U);
    BOOST_TEST(udp.InOrder());
    BOOST_TEST(udp.sequence.front() == 0U);
    BOOST_TEST(udp.sequence.back() == 999U);
    // Every GRE data packet delivered in sequence, none missing, none discarded.
    BOOST_TEST(net.serverSession->GetDeliveredPackets() == net.clientSession->GetTxDataPackets());
    BOOST_TEST(net.clientSession->GetDeliveredPackets() == net.serverSession->GetTxDataPackets());
    BOOST_TEST(net.serverSession->GetMissingPackets() == 0U);
    BOOST_TEST(net.serverSession->GetDropCount(GreDropReason::OUT_OF_SEQUENCE) == 0U);
    BOOST_TEST(net.clientPpp->GetFramesSent() == net.serverPpp->GetFramesReceived());
    BOOST_TEST(net.serverPpp->GetFramesSent() == net.clientPpp->GetFramesReceived());
    BOOST_TEST(net.clientSession->GetTxDataPackets() > 1000U + tcpBytes / 1400);
    BOOST_TEST(physicalFramesAtRouter >= net.clientSession->GetTxDataPackets());
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(tunnel_comes_up_with_the_call_and_goes_down_with_it)
{
    Net net;
    NetOptions options;
    options.configure = [](PptpClientHelper& client, PptpServerHelper& server)
    {
        client.SetAttribute("CallDuration", TimeValue(Seconds(3)));
        client.SetDeviceAttribute("Mtu", UintegerValue(1200));
        server.SetSessionAttribute("ReceiveWindow", UintegerValue(7));
    };
    Build(net, options);
    int32_t physical = net.client->GetObject<Ipv4>()->GetInterfaceForDevice(net.access.Get(0));
    int32_t duringLan = -2;
    int32_t duringServer = -2;
    int32_t duringPeer = -2;
    Simulator::Schedule(Seconds(2),
                        [&]()
                        {
                            duringLan = OutputInterface(net.client, net.hostAddress);
                            duringServer = OutputInterface(net.client, net.serverPublic);
                            duringPeer = OutputInterface(net.client, SERVER_INNER);
                        });
    Simulator::Stop(Seconds(6));
    Simulator::Run();

    BOOST_REQUIRE(net.clientPpp && net.serverPpp);
    uint32_t clientIf = net.pptpClient->GetTunnel()->GetInterface();
    BOOST_TEST(duringLan == static_cast<int32_t>(clientIf));
    BOOST_TEST(duringPeer == static_cast<int32_t>(clientIf));
    BOOST_TEST(duringServer == physical);
    // The device and session Attributes reached the call's objects; windows from the call.
    BOOST_TEST(net.clientPpp->GetMtu() == 1200U);
    BOOST_TEST(net.clientSession->GetMaxWindow() == 64U); // the server's OCRP window
    UintegerValue advertised;
    net.serverSession->GetAttribute("ReceiveWindow", advertised);
    BOOST_TEST(advertised.Get() == 64U); // what the server's OCRP said, not the factory's 7
    // Down with the call: traces, sessions removed, interfaces down, routes gone.
    BOOST_TEST(net.clientUp == 1U);
    BOOST_TEST(net.clientDown == 1U);
    BOOST_TEST(net.serverUp == 1U);
    BOOST_TEST(net.serverDown == 1U);
    BOOST_TEST(!net.pptpClient->GetTunnel()->IsOpen());
    BOOST_TEST(net.pptpServer->GetTunnels().empty());
    BOOST_TEST(net.client->GetObject<GreL4Protocol>()->GetNSessions() == 0U);
    BOOST_TEST(net.server->GetObject<GreL4Protocol>()->GetNSessions() == 0U);
    BOOST_TEST(!net.client->GetObject<Ipv4>()->IsUp(clientIf));
    BOOST_TEST(!net.clientPpp->IsLinkUp());
    BOOST_TEST(net.pptpClient->GetTunnel()->GetNRoutes() == 0U);
    BOOST_TEST(OutputInterface(net.client, net.hostAddress) == physical);
    BOOST_TEST(OutputInterface(net.client, SERVER_INNER) != static_cast<int32_t>(clientIf));
    BOOST_TEST(net.pptpServer->GetUnroutedCalls() == 0U);
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(without_tunnel_address_or_peer_entry)
{
    {
        // No TunnelAddress at the client: the call comes up, no data channel on its side.
        Net net;
        NetOptions options;
        options.clientTunnel = false;
        Build(net, options);
        Simulator::Stop(Seconds(2));
        Simulator::Run();
        BOOST_TEST(net.pptpClient->GetCall()->GetState() == PptpCallState::ESTABLISHED);
        BOOST_TEST(net.clientUp == 0U);
        BOOST_TEST(!net.pptpClient->GetGreSession());
        BOOST_TEST(net.client->GetObject<GreL4Protocol>()->GetNSessions() == 0U);
        // The server opened its side and runs PPP, which nobody answers.
        BOOST_TEST(net.server->GetObject<GreL4Protocol>()->GetNSessions() == 1U);
        BOOST_TEST(net.serverUp == 0U);
        Simulator::Destroy();
    }
    {
        // No peer table entry and no pool at the server: nothing to assign (counted); the
        // client keeps the address it asks IPCP for and the server routes it.
        Net net;
        NetOptions options;
        options.serverKnowsClient = false;
        Build(net, options);
        Simulator::Stop(Seconds(2));
        Simulator::Run();
        BOOST_TEST(net.serverUp == 1U);
        BOOST_TEST(net.pptpServer->GetUnroutedCalls() == 1U);
        BOOST_REQUIRE(net.pptpServer->GetTunnels().size() == 1U);
        BOOST_TEST(net.pptpServer->GetTunnels()[0]->GetNRoutes() == 1U);
        BOOST_TEST(net.pptpServer->GetTunnels()[0]->GetPeerTunnelAddress() == CLIENT_INNER);
        BOOST_TEST(net.server->GetObject<GreL4Protocol>()->GetNSessions() == 1U);
        Simulator::Destroy();
    }
}

BOOST_AUTO_TEST_CASE(saturating_udp_goodput_matches_the_analytic_value)
{
    // 10 Mbit/s bottleneck, UDP payload 1000 bytes offered at 16 Mbit/s. Bytes on the wire
    // per datagram: 1000 + UDP 8 + inner IPv4 20 + PPP 1 (protocol 0x21: LCP agreed ACFC and
    // PFC) + GRE 12 (no ack: nothing flows back to piggy-back on; the acks go alone the other
    // way on the full-duplex link) + outer IPv4 20 + point-to-point PPP 2 = 1063.
    // The window (up to 64) is far above the 12-packet bandwidth-delay product.
    Net net;
    Build(net, NetOptions{});
    CountingReceiver udp;
    udp.Listen(net.host);
    StartUdp(net, 100000, MicroSeconds(500), 1000, Seconds(1));
    uint64_t acksBefore = 0;
    Simulator::Schedule(Seconds(1), [&]() { acksBefore = net.clientSession->GetTxAckPackets(); });
    Simulator::Stop(Seconds(7));
    Simulator::Run();

    const Time from = Seconds(2);
    const Time to = Seconds(6);
    uint64_t bytes = 0;
    for (std::size_t i = 0; i < udp.arrival.size(); ++i)
    {
        bytes += udp.arrival[i] >= from && udp.arrival[i] < to ? 1000 : 0;
    }
    double measured = bytes * 8.0 / (to - from).GetSeconds();
    double analytic = 10e6 * 1000.0 / 1063.0;
    BOOST_TEST_MESSAGE("goodput " << measured << " bit/s, analytic " << analytic);
    BOOST_TEST(std::abs(measured - analytic) / analytic < 0.01);
    BOOST_TEST(udp.InOrder());
    BOOST_TEST(net.clientSession->GetAckTimeouts() == 0U);
    // During the flow (the PPP negotiation before it had its acks).
    BOOST_TEST(net.clientSession->GetTxAckPackets() == acksBefore);
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(slow_receiver_stalls_the_sender_and_it_resumes)
{
    // The server advertises a window of 1 and acknowledges only after 300 ms: the client
    // sends one packet, stalls with the rest queued, and sends the next when the ack comes.
    Net net;
    NetOptions options;
    options.configure = [](PptpClientHelper& client, PptpServerHelper& server)
    {
        server.SetAttribute("ReceiveWindow", UintegerValue(1));
        server.SetSessionAttribute("AckEvery", UintegerValue(1000));
        server.SetSessionAttribute("MinAckDelay", TimeValue(MilliSeconds(300)));
        server.SetSessionAttribute("AckDelay", TimeValue(MilliSeconds(300)));
    };
    Build(net, options);
    CountingReceiver udp;
    udp.Listen(net.host);
    StartUdp(net, 10, MilliSeconds(10), 500, Seconds(1));
    uint64_t sentEarly = 0;
    uint64_t queuedEarly = 0;
    uint64_t outstandingEarly = 0;
    uint64_t sentBefore = 0;
    Simulator::Schedule(Seconds(0.99),
                        [&]() { sentBefore = net.clientSession->GetTxDataPackets(); });
    Simulator::Schedule(Seconds(1.2),
                        [&]()
                        {
                            sentEarly = net.clientSession->GetTxDataPackets() - sentBefore;
                            queuedEarly = net.clientSession->GetQueueLength();
                            outstandingEarly = net.clientSession->GetOutstanding();
                        });
    Simulator::Stop(Seconds(8));
    Simulator::Run();

    BOOST_TEST(net.clientSession->GetMaxWindow() == 1U);
    BOOST_TEST(sentEarly == 1U);
    BOOST_TEST(outstandingEarly == 1U);
    BOOST_TEST(queuedEarly == 9U);
    BOOST_REQUIRE(udp.sequence.size() == 10U);
    BOOST_TEST(udp.InOrder());
    for (std::size_t i = 1; i < udp.arrival.size(); ++i)
    {
        BOOST_TEST((udp.arrival[i] - udp.arrival[i - 1]) >= MilliSeconds(300));
    }
    BOOST_TEST(net.clientSession->GetAckTimeouts() == 0U);
    BOOST_TEST(net.clientSession->GetDropCount(GreDropReason::TX_QUEUE_FULL) == 0U);
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(reordering_link_gets_the_s43_behaviour)
{
    for (bool buffer : {false, true})
    {
        // Two core paths (1 ms and 10 ms) chosen at random per packet reorder the GRE packets.
        Net net;
        NetOptions options;
        options.parallelCore = true;
        options.configure = [buffer](PptpClientHelper& client, PptpServerHelper& server)
        {
            server.SetSessionAttribute("ReorderBuffer", BooleanValue(buffer));
            // No keep-alive packets among the counted ones.
            client.SetPppAttribute("EchoInterval", TimeValue(Seconds(0)));
            server.SetPppAttribute("EchoInterval", TimeValue(Seconds(0)));
        };
        Build(net, options);
        CountingReceiver udp;
        udp.Listen(net.host);
        const uint32_t sent = 400;
        // PPP's negotiation over the reordering paths may need Restart-timer retransmissions:
        // the flow starts half a second after the tunnel is up, with the counters noted then.
        uint64_t rxBefore = 0;
        uint64_t lateBefore = 0;
        uint64_t missingBefore = 0;
        uint32_t ends = 0;
        Callback<void, uint16_t, Ptr<PptpTunnel>> up(
            [&](uint16_t, Ptr<PptpTunnel>)
            {
                if (++ends < 2)
                {
                    return; // both ends up: the client's tunnel may open before the server's
                }
                Simulator::Schedule(Seconds(0.49),
                                    [&]()
                                    {
                                        rxBefore = net.serverSession->GetRxDataPackets();
                                        lateBefore = net.serverSession->GetDropCount(
                                            GreDropReason::OUT_OF_SEQUENCE);
                                        missingBefore = net.serverSession->GetMissingPackets();
                                    });
                StartUdp(net, sent, MilliSeconds(2), 200, Seconds(0.5));
            });
        net.pptpClient->TraceConnectWithoutContext("TunnelUp", up);
        net.pptpServer->TraceConnectWithoutContext("TunnelUp", up);
        Simulator::Stop(Seconds(30));
        Simulator::Run();
        Config::SetDefault("ns3::Ipv4GlobalRouting::RandomEcmpRouting", BooleanValue(false));
        BOOST_REQUIRE(net.serverSession);

        uint64_t late
            = net.serverSession->GetDropCount(GreDropReason::OUT_OF_SEQUENCE) - lateBefore;
        BOOST_TEST_MESSAGE("reorder buffer " << buffer << ": " << udp.sequence.size()
                                             << " delivered, " << late << " discarded late");
        BOOST_TEST(net.serverSession->GetRxDataPackets() - rxBefore == sent);
        BOOST_TEST(udp.InOrder());
        BOOST_TEST(net.serverSession->GetDropCount(GreDropReason::DUPLICATE) == 0U);
        if (!buffer)
        {
            // s.4.3: a packet older than one already delivered is discarded; the gap it left
            // was counted as missing when the later packet was accepted.
            BOOST_TEST(late > 10U);
            BOOST_TEST(udp.sequence.size() + late == sent);
            BOOST_TEST(net.serverSession->GetMissingPackets() - missingBefore == late);
        }
        else
        {
            BOOST_TEST(late == 0U);
            BOOST_TEST(udp.sequence.size() == sent);
            BOOST_TEST(net.serverSession->GetMissingPackets() == missingBefore);
        }
        Simulator::Destroy();
    }
}

BOOST_AUTO_TEST_CASE(lossy_link_grows_the_timeout_and_shrinks_the_window_then_recovers)
{
    // 20 % loss both ways on the access link from 2 s to 12 s. A lost ack-only packet with
    // the window full leaves the oldest packet unacknowledged: time-out, window halved,
    // RTT backed off (s.4.4.2). MinAckTimeout is lowered so that ATO follows the estimate.
    Net net;
    NetOptions options;
    options.configure = [](PptpClientHelper& client, PptpServerHelper& server)
    {
        server.SetAttribute("ReceiveWindow", UintegerValue(8));
        client.SetSessionAttribute("MinAckTimeout", TimeValue(MilliSeconds(50)));
    };
    Build(net, options);
    std::vector<Ptr<RateErrorModel>> models;
    for (uint32_t i = 0; i < 2; ++i)
    {
        Ptr<RateErrorModel> em = CreateObject<RateErrorModel>();
        em->SetUnit(RateErrorModel::ERROR_UNIT_PACKET);
        em->SetRate(0.2);
        em->AssignStreams(100 + i);
        em->Disable();
        net.access.Get(i)->SetAttribute("ReceiveErrorModel", PointerValue(em));
        Simulator::Schedule(Seconds(2), &RateErrorModel::Enable, em);
        Simulator::Schedule(Seconds(12), &RateErrorModel::Disable, em);
        models.push_back(em);
    }
    CountingReceiver udp;
    udp.Listen(net.host);
    StartUdp(net, 12000, MilliSeconds(2), 500, Seconds(1));

    Time atoBefore;
    uint64_t timeoutsBefore = 0;
    uint64_t timeoutsDuring = 0;
    uint32_t minWindow = 1000;
    Time maxAto;
    Simulator::Schedule(
        Seconds(1.99),
        [&]()
        {
            atoBefore = net.clientSession->GetAckTimeout();
            timeoutsBefore = net.clientSession->GetAckTimeouts();
            net.clientSession->TraceConnectWithoutContext(
                "Window",
                Callback<void, uint32_t, uint32_t>([&minWindow](uint32_t, uint32_t w)
                                                   { minWindow = std::min(minWindow, w); }));
            net.clientSession->TraceConnectWithoutContext(
                "AckTimeout",
                Callback<void, Time, Time>([&maxAto](Time, Time t)
                                           { maxAto = std::max(maxAto, t); }));
        });
    Simulator::Schedule(Seconds(12),
                        [&]()
                        { timeoutsDuring = net.clientSession->GetAckTimeouts() - timeoutsBefore; });
    uint64_t timeoutsAt20 = 0;
    Simulator::Schedule(Seconds(20), [&]() { timeoutsAt20 = net.clientSession->GetAckTimeouts(); });
    Simulator::Stop(Seconds(25));
    Simulator::Run();

    BOOST_TEST_MESSAGE("ATO before " << atoBefore.As(Time::MS) << ", max " << maxAto.As(Time::MS)
                                     << ", end " << net.clientSession->GetAckTimeout().As(Time::MS)
                                     << "; time-outs " << timeoutsDuring << ", min window "
                                     << minWindow << ", end window "
                                     << net.clientSession->GetWindow());
    BOOST_TEST(timeoutsBefore == 0U);
    BOOST_TEST(timeoutsDuring > 0U);
    BOOST_TEST(minWindow < 4U);
    BOOST_TEST(maxAto > 2 * atoBefore);
    // After the loss: no more time-outs from 20 s on, the window back at the peer's 8 and
    // the time-out back near its loss-free value.
    BOOST_TEST(net.clientSession->GetAckTimeouts() == timeoutsAt20);
    BOOST_TEST(net.clientSession->GetWindow() == 8U);
    BOOST_TEST(net.clientSession->GetAckTimeout() <= atoBefore * 2);
    BOOST_TEST(udp.InOrder());
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(sequence_numbers_wrap_at_2_32_end_to_end)
{
    const uint32_t initial = 0xFFFFFF00U;
    Net net;
    NetOptions options;
    options.configure = [initial](PptpClientHelper& client, PptpServerHelper& server)
    {
        client.SetSessionAttribute("InitialSequenceNumber", UintegerValue(initial));
        server.SetSessionAttribute("InitialSequenceNumber", UintegerValue(initial));
    };
    Build(net, options);
    CountingReceiver udp;
    udp.Listen(net.host);
    StartUdp(net, 600, MilliSeconds(2), 300, Seconds(1));
    std::vector<uint32_t> sentSequence;
    std::vector<uint32_t> receivedAcks;
    Simulator::Schedule(Seconds(0.99),
                        [&]()
                        {
                            net.clientSession->TraceConnectWithoutContext(
                                "Tx",
                                Callback<void, Ptr<const Packet>, const GreHeader&>(
                                    [&sentSequence](Ptr<const Packet>, const GreHeader& h)
                                    {
                                        if (h.HasSequenceNumber())
                                        {
                                            sentSequence.push_back(h.GetSequenceNumber());
                                        }
                                    }));
                            net.clientSession->TraceConnectWithoutContext(
                                "Rx",
                                Callback<void, Ptr<const Packet>, const GreHeader&>(
                                    [&receivedAcks](Ptr<const Packet>, const GreHeader& h)
                                    {
                                        if (h.HasAcknowledgment())
                                        {
                                            receivedAcks.push_back(h.GetAcknowledgment());
                                        }
                                    }));
                        });
    Simulator::Stop(Seconds(4));
    Simulator::Run();

    BOOST_REQUIRE(sentSequence.size() == 600U);
    // PPP's negotiation took the first few sequence numbers.
    const uint32_t base = sentSequence.front();
    BOOST_TEST(base - initial < 16U);
    auto wrap = std::find(sentSequence.begin(), sentSequence.end(), 0xFFFFFFFFU);
    BOOST_REQUIRE(wrap != sentSequence.end());
    BOOST_REQUIRE(wrap + 1 != sentSequence.end());
    BOOST_TEST(*(wrap + 1) == 0U);
    BOOST_TEST(sentSequence.back() == base + 599U);
    BOOST_TEST(net.clientSession->GetNextSequenceNumber() == base + 600U);
    BOOST_TEST(std::count(receivedAcks.begin(), receivedAcks.end(), 0xFFFFFFFFU) <= 1);
    BOOST_TEST(!receivedAcks.empty());
    BOOST_TEST(receivedAcks.back() == base + 599U);
    BOOST_TEST(udp.sequence.size() == 600U);
    BOOST_TEST(udp.InOrder());
    BOOST_TEST(net.serverSession->GetMissingPackets() == 0U);
    BOOST_TEST(net.serverSession->GetDropCount(GreDropReason::OUT_OF_SEQUENCE) == 0U);
    BOOST_TEST(net.clientSession->GetInvalidAcks() == 0U);
    BOOST_TEST(net.clientSession->GetOutstanding() == 0U);
    BOOST_TEST(net.clientSession->GetAckTimeouts() == 0U);
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(injected_bad_gre_packets_are_dropped_and_counted)
{
    Net net;
    Build(net, NetOptions{});
    CountingReceiver udp;
    udp.Listen(net.host);
    StartUdp(net, 50, MilliSeconds(10), 200, Seconds(1.5));
    // Raw IP protocol 47 from the client's node to the server's public address.
    std::vector<std::pair<std::string, GreDropReason>> bad = {
        // K S, version 1, PPP, length 4, Call ID 0x7777 (nobody's), sequence 0.
        {"3001880b000477770000000000210000", GreDropReason::UNKNOWN_CALL_ID},
        // version 0 (plain GRE).
        {"3000880b000400010000000000210000", GreDropReason::BAD_VERSION},
        // six bytes: the header stops inside the Call ID.
        {"3001880b0004", GreDropReason::TRUNCATED_HEADER},
        // protocol 0x0800 instead of 0x880B.
        {"30010800000400010000000000210000", GreDropReason::BAD_PROTOCOL},
        // C (checksum present) set.
        {"b001880b000400010000000000210000", GreDropReason::BAD_FLAGS},
        // payload length 10, 4 bytes present.
        {"3001880b000a00010000000000210000", GreDropReason::LENGTH_MISMATCH},
        // ack-only packet with a payload length: no S bit.
        {"2081880b0004000100000000", GreDropReason::BAD_LENGTH},
    };
    Simulator::Schedule(
        Seconds(1),
        [&]()
        {
            Ptr<Socket> raw = Socket::CreateSocket(net.client, Ipv4RawSocketFactory::GetTypeId());
            raw->SetAttribute("Protocol", UintegerValue(47));
            for (const auto& [hex, reason] : bad)
            {
                raw->SendTo(PacketOf(FromHex(hex)), 0, InetSocketAddress(net.serverPublic, 0));
            }
            raw->Close();
        });
    Simulator::Stop(Seconds(3));
    Simulator::Run();

    Ptr<GreL4Protocol> gre = net.server->GetObject<GreL4Protocol>();
    for (const auto& [hex, reason] : bad)
    {
        BOOST_TEST(gre->GetDropCount(reason) == 1U, GreDropReasonName(reason));
        BOOST_TEST(net.serverProtocolDrops[reason] == 1U, GreDropReasonName(reason));
    }
    // The real session is untouched and the tunnel still carries traffic.
    BOOST_TEST(udp.sequence.size() == 50U);
    BOOST_TEST(udp.InOrder());
    BOOST_TEST(net.serverSession->GetMissingPackets() == 0U);
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(example_outer_pcap_decodes_cleanly_in_tshark)
{
    const std::string prefix = "pptp-tunnel-test-example";
    std::string ignored;
    RunCommand("cd '" + BinaryDir() + "' && rm -f " + prefix + "-*.pcap", ignored);
    ExampleRun run = RunExampleProgram("pptp-tunnel-traffic",
                                       "--duration=2s --flow=both --rate=100Mbps --window=256 "
                                       "--auth=chap-md5 --mppe=none --pcap=1 --prefix="
                                           + prefix);
    BOOST_REQUIRE_EQUAL(run.status, 0);
    const std::string& output = run.output;
    BOOST_TEST_MESSAGE(output);
    BOOST_TEST(output.find("TCP goodput") != std::string::npos);
    // With a window of 256 nothing waits long enough to overflow the GRE queue: every TCP
    // segment the client sends is on the wire, so tshark's TCP analysis sees no gap.
    BOOST_TEST(output.find("GRE client drops: none") != std::string::npos);
    BOOST_TEST(output.find("GRE server drops: none") != std::string::npos);
    const std::string outer = BinaryDir() + "/" + prefix + "-access.pcap";
    const std::string inner = BinaryDir() + "/" + prefix + "-ppp0.pcap";

    std::string text;
    auto count = [&text](const std::string& file, const std::string& filter)
    {
        BOOST_REQUIRE_EQUAL(RunTshark(file, "-Y '" + filter + "' -T fields -e frame.number", text),
                            0);
        return SplitLines(text).size();
    };
    // PPTP control messages, GRE with PPP carrying IPv4 (TCP and UDP), ack-only GRE packets.
    BOOST_TEST(count(outer, "pptp.type == 1") >= 1U);
    BOOST_TEST(count(outer, "pptp.control_message_type == 7") == 1U); // OCRQ
    BOOST_TEST(count(outer, "pptp.control_message_type == 8") == 1U); // OCRP
    BOOST_TEST(count(outer, "gre && ppp.protocol == 0x0021 && ip.src == 10.8.0.2 && tcp") > 100U);
    BOOST_TEST(count(outer, "gre && ppp.protocol == 0x0021 && ip.src == 10.8.0.2 && udp") > 100U);
    BOOST_TEST(count(outer, "gre && ppp.protocol == 0x0021 && ip.dst == 10.8.0.2 && tcp") > 10U);
    BOOST_TEST(count(outer, "gre && gre.flags.sequence_number == 0 && gre.ack_number") > 0U);
    BOOST_TEST(count(outer, "gre && gre.proto != 0x880b") == 0U);
    // PPP's negotiation in the tunnel: LCP, CHAP-MD5, CCP (no MPPE asked for), IPCP.
    BOOST_TEST(count(outer, "gre && lcp && ppp.code == 1") >= 2U);
    BOOST_TEST(count(outer, "gre && chap.code == 3") == 1U);        // Success
    BOOST_TEST(count(outer, "gre && ipcp && ppp.code == 2") == 2U); // both Configure-Acks
    BOOST_TEST(count(outer, "_ws.malformed || _ws.expert.severity >= warning") == 0U,
               "malformed or warning frames in " << outer);
    // The inner pcap (DLT_PPP) is the same traffic without GRE and the outer IP.
    BOOST_TEST(count(inner, "ppp.protocol == 0x0021 && tcp") > 100U);
    BOOST_TEST(count(inner, "gre") == 0U);
    BOOST_TEST(count(inner, "chap.code == 1") == 1U); // the Challenge
    BOOST_TEST(count(inner, "_ws.malformed || _ws.expert.severity >= warning") == 0U);
}

BOOST_AUTO_TEST_SUITE_END()
