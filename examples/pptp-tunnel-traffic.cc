/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/*
 * Traffic through a PPTP tunnel (RFC 2637 s.4 data channel): a client behind an access link
 * reaches a host on the server's LAN through the tunnel.
 *
 *   client ==access== router ==core== server ==lan== host
 *   10.8.0.2 (ppp0)                   10.8.0.1 (ppp0)   172.16.1.2
 *
 * The client opens the control connection, places a call and, once the call is up, the
 * GRE session and the ppp0 interfaces come up on both ends and PPP runs over them: LCP,
 * authentication (MS-CHAPv2 by default, --auth), CCP with MPPE (128-bit stateless by
 * default, --mppe, --stateless) and IPCP, which gives the client 10.8.0.2 from the server's
 * pool. The client routes the LAN prefix (172.16.1.0/24) through the tunnel, the server
 * forwards between the tunnel and its LAN. Then a bulk TCP transfer (BulkSendApplication ->
 * PacketSink) and/or a constant-rate UDP flow (OnOffApplication -> PacketSink) run from the
 * client to the LAN host. At the end it prints the goodput of each flow, the GRE counters of
 * both ends (data and ack-only packets sent and received, delivered, missing, time-outs,
 * drops by reason), the client's final send window and acknowledgment time-out.
 *
 * The LAN is private: the router knows no route to it, so the flows can only go through the
 * tunnel. Routing is static (see doc/pptp.rst on global routing and tunnel interfaces).
 *
 *   ./pptp-tunnel-traffic --rate=10Mbps --delay=10ms --loss=0.001 --flow=both --pcap=1
 *   tshark -r pptp-tunnel-traffic-access.pcap          (PPTP control + GRE / PPP / IP)
 *   tshark -r pptp-tunnel-traffic-ppp0.pcap            (the inner traffic, DLT_PPP)
 */

#include "gre-drop-reason.h"
#include "gre-l4-protocol.h"
#include "gre-session.h"
#include "mppe-channel.h"
#include "ppp-link.h"
#include "pptp-client-helper.h"
#include "pptp-client.h"
#include "pptp-net-device-helper.h"
#include "pptp-net-device.h"
#include "pptp-security-options.h"
#include "pptp-server-helper.h"
#include "pptp-server.h"
#include "pptp-tunnel.h"

#include "ns3/application-container.h"
#include "ns3/boolean.h"
#include "ns3/bulk-send-helper.h"
#include "ns3/command-line.h"
#include "ns3/config.h"
#include "ns3/data-rate.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/error-model.h"
#include "ns3/inet-socket-address.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-interface-container.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/ipv4-static-routing.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/on-off-helper.h"
#include "ns3/packet-sink-helper.h"
#include "ns3/packet-sink.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/tcp-socket-factory.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"

#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <string>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("PptpTunnelTraffic");

namespace
{

// Ports without a Wireshark dissector (5000 and 6000 would be decoded as other protocols).
const uint16_t TCP_PORT = 49500; //!< the bulk TCP transfer
const uint16_t UDP_PORT = 49501; //!< the UDP flow

/// The sessions and devices of the run, taken from the TunnelUp traces.
struct Tunnels
{
    Ptr<GreSession> clientSession; //!< the client's GRE session
    Ptr<PptpNetDevice> clientPpp;  //!< the client's ppp0
    Ptr<GreSession> serverSession; //!< the server's GRE session
    Ptr<PptpNetDevice> serverPpp;  //!< the server's ppp0
    Ptr<PppLink> clientLink;       //!< the client's PPP layer
    Ptr<PppLink> serverLink;       //!< the server's PPP layer
    Time upAt;                     //!< when the client's tunnel came up
    std::string innerPcap;         //!< inner pcap file name ("" for none)
};

Tunnels g_tunnels; //!< filled by the trace sinks

/**
 * \brief The client's data channel opened (PPP starts): start the inner pcap, so that the
 * PPP negotiation is in it.
 * \param callId the client's Call ID
 * \param tunnel the tunnel
 */
void
ClientTunnelOpened(uint16_t callId, Ptr<PptpTunnel> tunnel)
{
    if (!g_tunnels.innerPcap.empty())
    {
        PptpNetDeviceHelper pcap;
        pcap.EnablePcap(g_tunnels.innerPcap, tunnel->GetDevice(), false, true);
    }
}

/**
 * \brief The client's tunnel came up (IPCP open): keep it.
 * \param callId the client's Call ID
 * \param tunnel the tunnel
 */
void
ClientTunnelUp(uint16_t callId, Ptr<PptpTunnel> tunnel)
{
    g_tunnels.clientSession = tunnel->GetSession();
    g_tunnels.clientPpp = tunnel->GetDevice();
    g_tunnels.clientLink = tunnel->GetPppLink();
    g_tunnels.upAt = Simulator::Now();
    std::cout << "tunnel up at " << Simulator::Now().As(Time::MS) << ": client "
              << tunnel->GetTunnelAddress() << ", server " << tunnel->GetPeerTunnelAddress() << ", "
              << tunnel->GetPppLink()->GetAuthMethod()
              << (tunnel->GetPppLink()->GetMppeChannel()->IsStarted() ? ", MPPE on" : ", no MPPE")
              << "\n";
}

/**
 * \brief The server's tunnel came up: keep it.
 * \param callId the server's Call ID
 * \param tunnel the tunnel
 */
void
ServerTunnelUp(uint16_t callId, Ptr<PptpTunnel> tunnel)
{
    g_tunnels.serverSession = tunnel->GetSession();
    g_tunnels.serverPpp = tunnel->GetDevice();
    g_tunnels.serverLink = tunnel->GetPppLink();
}

/**
 * \brief Print one end's MPPE counters.
 * \param name "client" or "server"
 * \param link its PPP layer
 */
void
PrintMppe(const std::string& name, Ptr<PppLink> link)
{
    Ptr<MppeChannel> mppe = link->GetMppeChannel();
    std::cout << "MPPE " << name << ": encrypted " << mppe->GetPacketsEncrypted() << ", decrypted "
              << mppe->GetPacketsDecrypted() << ", Reset-Requests sent "
              << mppe->GetResetRequestsSent() << ", received " << mppe->GetResetRequestsReceived()
              << ", drops:";
    bool any = false;
    for (uint8_t r = 0; r < MppeChannel::DROP_REASON_COUNT; ++r)
    {
        auto reason = static_cast<MppeChannel::DropReason>(r);
        if (mppe->GetDropCount(reason) > 0)
        {
            std::cout << " " << MppeChannel::DropReasonName(reason) << "="
                      << mppe->GetDropCount(reason);
            any = true;
        }
    }
    std::cout << (any ? "\n" : " none\n");
}

/**
 * \brief Print one end's GRE counters.
 * \param name "client" or "server"
 * \param session its session
 * \param gre its node's GRE protocol
 */
void
PrintGre(const std::string& name, Ptr<GreSession> session, Ptr<GreL4Protocol> gre)
{
    std::cout << "GRE " << name << ": data sent " << session->GetTxDataPackets()
              << ", ack-only sent " << session->GetTxAckPackets() << ", data received "
              << session->GetRxDataPackets() << ", ack-only received " << session->GetRxAckPackets()
              << ", delivered " << session->GetDeliveredPackets() << ", missing "
              << session->GetMissingPackets() << ", ack time-outs " << session->GetAckTimeouts()
              << "\n";
    std::cout << "GRE " << name << " drops:";
    bool any = false;
    for (std::size_t r = 0; r < GRE_DROP_REASON_COUNT; ++r)
    {
        auto reason = static_cast<GreDropReason>(r);
        uint64_t count = session->GetDropCount(reason) + gre->GetDropCount(reason);
        if (count > 0)
        {
            std::cout << " " << GreDropReasonName(reason) << "=" << count;
            any = true;
        }
    }
    std::cout << (any ? "" : " none") << "\n";
}

} // namespace

int
main(int argc, char* argv[])
{
    std::string rate = "10Mbps";
    Time delay = MilliSeconds(10);
    double loss = 0.0;
    uint32_t window = 64;
    std::string profile = "rfc";
    Time duration = Seconds(10);
    std::string flow = "both";
    std::string udpRate = "2Mbps";
    uint32_t udpSize = 1000;
    bool pcap = false;
    std::string prefix = "pptp-tunnel-traffic";

    CommandLine cmd(__FILE__);
    cmd.AddValue("rate", "Access link rate (the bottleneck)", rate);
    cmd.AddValue("delay", "Access link one-way delay", delay);
    cmd.AddValue("loss", "Packet loss rate on the access link, both directions (0..1)", loss);
    cmd.AddValue("window", "GRE receive window both ends advertise (packets, 1..65535)", window);
    cmd.AddValue("profile", "GRE flow control: rfc (RFC 2637 s.4.2) or windows (MS-PTPT)", profile);
    cmd.AddValue("duration", "How long the flows run", duration);
    cmd.AddValue("flow", "Which flows: tcp, udp or both", flow);
    cmd.AddValue("udpRate", "Rate of the UDP flow", udpRate);
    cmd.AddValue("udpSize", "UDP payload size (bytes)", udpSize);
    cmd.AddValue(
        "pcap", "Write the outer pcap (access link) and the inner one (client ppp0)", pcap);
    cmd.AddValue("prefix", "Pcap file name prefix", prefix);
    PptpSecurityOptions security;
    security.AddToCommandLine(cmd);
    cmd.Parse(argc, argv);

    std::string problem = security.Validate();
    if (!problem.empty())
    {
        std::cerr << problem << "\n";
        return 1;
    }
    if (flow != "tcp" && flow != "udp" && flow != "both")
    {
        std::cerr << "--flow must be tcp, udp or both\n";
        return 1;
    }
    if (profile != "rfc" && profile != "windows")
    {
        std::cerr << "--profile must be rfc or windows\n";
        return 1;
    }
    if (window < 1 || window > 65535 || loss < 0.0 || loss > 1.0 || !duration.IsStrictlyPositive())
    {
        std::cerr << "--window must be 1..65535, --loss 0..1, --duration > 0\n";
        return 1;
    }
    bool tcp = flow != "udp";
    bool udp = flow != "tcp";
    // Segments that fill the tunnel's MTU (1400, 1396 with MPPE) without IPv4 fragmentation.
    Config::SetDefault("ns3::TcpSocket::SegmentSize",
                       UintegerValue(PptpNetDevice::DEFAULT_MTU - security.GetMtuReduction() - 40));

    NodeContainer nodes;
    nodes.Create(4);
    Ptr<Node> client = nodes.Get(0);
    Ptr<Node> router = nodes.Get(1);
    Ptr<Node> server = nodes.Get(2);
    Ptr<Node> host = nodes.Get(3);
    PointToPointHelper access;
    access.SetDeviceAttribute("DataRate", StringValue(rate));
    access.SetChannelAttribute("Delay", TimeValue(delay));
    PointToPointHelper fast;
    fast.SetDeviceAttribute("DataRate", StringValue("1Gbps"));
    fast.SetChannelAttribute("Delay", StringValue("1ms"));
    NetDeviceContainer accessDevices = access.Install(client, router);
    NetDeviceContainer coreDevices = fast.Install(router, server);
    NetDeviceContainer lanDevices = fast.Install(server, host);
    // After the devices: each gets ns-3's default queue disc (pfifo_fast, 1000 packets).
    InternetStackHelper internet;
    internet.Install(nodes);
    if (loss > 0.0)
    {
        for (uint32_t i = 0; i < 2; ++i)
        {
            Ptr<RateErrorModel> em = CreateObject<RateErrorModel>();
            em->SetUnit(RateErrorModel::ERROR_UNIT_PACKET);
            em->SetRate(loss);
            em->AssignStreams(10 + i);
            accessDevices.Get(i)->SetAttribute("ReceiveErrorModel", PointerValue(em));
        }
    }

    Ipv4AddressHelper address;
    address.SetBase("198.51.100.0", "255.255.255.252");
    Ipv4InterfaceContainer accessIf = address.Assign(accessDevices);
    address.SetBase("203.0.113.0", "255.255.255.252");
    Ipv4InterfaceContainer coreIf = address.Assign(coreDevices);
    address.SetBase("172.16.1.0", "255.255.255.0");
    Ipv4InterfaceContainer lanIf = address.Assign(lanDevices);
    Ipv4Address serverPublic = coreIf.GetAddress(1);
    Ipv4Address hostAddress = lanIf.GetAddress(1);

    // Static routes: the router knows only its two links, so the LAN is private.
    Ipv4StaticRoutingHelper staticRouting;
    staticRouting.GetStaticRouting(client->GetObject<Ipv4>())
        ->SetDefaultRoute(accessIf.GetAddress(1), 1);
    staticRouting.GetStaticRouting(server->GetObject<Ipv4>())
        ->SetDefaultRoute(coreIf.GetAddress(0), 1);
    staticRouting.GetStaticRouting(host->GetObject<Ipv4>())
        ->SetDefaultRoute(lanIf.GetAddress(0), 1);

    // The tunnel is up well before 1 s (PPP takes about eight round trips); the flows start
    // then. The call
    // is cleared about two seconds after they stop, and the tunnel goes down with it.
    Time start = Seconds(1);
    Time stop = start + duration;

    EnumValue greProfile(profile == "rfc" ? GreSession::RFC : GreSession::WINDOWS);
    PptpServerHelper serverHelper;
    serverHelper.SetAttribute("TunnelAddress", Ipv4AddressValue("10.8.0.1"));
    serverHelper.SetAttribute("AddressPoolStart", Ipv4AddressValue("10.8.0.2"));
    serverHelper.SetAttribute("AddressPoolSize", UintegerValue(10));
    serverHelper.SetAttribute("ReceiveWindow", UintegerValue(window));
    serverHelper.SetSessionAttribute("Profile", greProfile);

    PptpClientHelper clientHelper(serverPublic);
    clientHelper.SetAttribute("TunnelNetwork", Ipv4AddressValue("172.16.1.0"));
    clientHelper.SetAttribute("TunnelMask", Ipv4MaskValue("255.255.255.0"));
    clientHelper.SetAttribute("ReceiveWindow", UintegerValue(window));
    clientHelper.SetAttribute("CallDuration", TimeValue(stop + Seconds(1)));
    clientHelper.SetSessionAttribute("Profile", greProfile);
    security.Apply(clientHelper, serverHelper);
    ApplicationContainer serverApps = serverHelper.Install(server);
    serverApps.Start(Seconds(0));
    ApplicationContainer clientApps = clientHelper.Install(client);
    Ptr<PptpClient> pptpClient = DynamicCast<PptpClient>(clientApps.Get(0));
    pptpClient->TraceConnectWithoutContext("TunnelOpened", MakeCallback(&ClientTunnelOpened));
    pptpClient->TraceConnectWithoutContext("TunnelUp", MakeCallback(&ClientTunnelUp));
    DynamicCast<PptpServer>(serverApps.Get(0))
        ->TraceConnectWithoutContext("TunnelUp", MakeCallback(&ServerTunnelUp));
    clientApps.Start(Seconds(0.1));

    ApplicationContainer sinks;
    Ptr<PacketSink> tcpSink;
    Ptr<PacketSink> udpSink;
    if (tcp)
    {
        PacketSinkHelper sink("ns3::TcpSocketFactory",
                              InetSocketAddress(Ipv4Address::GetAny(), TCP_PORT));
        ApplicationContainer app = sink.Install(host);
        tcpSink = DynamicCast<PacketSink>(app.Get(0));
        sinks.Add(app);
        BulkSendHelper bulk("ns3::TcpSocketFactory", InetSocketAddress(hostAddress, TCP_PORT));
        bulk.SetAttribute("SendSize", UintegerValue(PptpNetDevice::DEFAULT_MTU - 40));
        ApplicationContainer sender = bulk.Install(client);
        sender.Start(start);
        sender.Stop(stop);
    }
    if (udp)
    {
        PacketSinkHelper sink("ns3::UdpSocketFactory",
                              InetSocketAddress(Ipv4Address::GetAny(), UDP_PORT));
        ApplicationContainer app = sink.Install(host);
        udpSink = DynamicCast<PacketSink>(app.Get(0));
        sinks.Add(app);
        OnOffHelper onoff("ns3::UdpSocketFactory", InetSocketAddress(hostAddress, UDP_PORT));
        onoff.SetConstantRate(DataRate(udpRate), udpSize);
        ApplicationContainer sender = onoff.Install(client);
        sender.Start(start);
        sender.Stop(stop);
    }
    sinks.Start(Seconds(0));

    Simulator::Stop(stop + Seconds(4));

    if (pcap)
    {
        access.EnablePcap(prefix + "-access.pcap", accessDevices.Get(0), false, true);
        g_tunnels.innerPcap = prefix + "-ppp0.pcap";
    }

    Simulator::Run();

    std::cout << std::fixed << std::setprecision(3);
    std::cout << "access link " << rate << ", delay " << delay.As(Time::MS) << ", loss " << loss
              << ", GRE window " << window << ", profile " << profile << ", duration "
              << duration.As(Time::S) << "\n";
    if (!g_tunnels.clientSession || !g_tunnels.serverSession)
    {
        std::cout << "the tunnel did not come up\n";
        Simulator::Destroy();
        return 1;
    }
    std::cout << "tunnel up at " << g_tunnels.upAt.As(Time::S) << "\n";
    double seconds = duration.GetSeconds();
    if (tcpSink)
    {
        std::cout << "TCP goodput " << tcpSink->GetTotalRx() * 8.0 / seconds / 1e6 << " Mbit/s ("
                  << tcpSink->GetTotalRx() << " bytes)\n";
    }
    if (udpSink)
    {
        std::cout << "UDP goodput " << udpSink->GetTotalRx() * 8.0 / seconds / 1e6 << " Mbit/s ("
                  << udpSink->GetTotalRx() << " bytes)\n";
    }
    PrintGre("client", g_tunnels.clientSession, client->GetObject<GreL4Protocol>());
    PrintGre("server", g_tunnels.serverSession, server->GetObject<GreL4Protocol>());
    std::cout << "client send window " << g_tunnels.clientSession->GetWindow() << " of "
              << g_tunnels.clientSession->GetMaxWindow() << ", ack time-out "
              << g_tunnels.clientSession->GetAckTimeout().As(Time::MS) << ", RTT estimate "
              << g_tunnels.clientSession->GetRtt().As(Time::MS) << "\n";
    std::cout << "client ppp0 frames sent " << g_tunnels.clientPpp->GetFramesSent() << ", received "
              << g_tunnels.clientPpp->GetFramesReceived() << "; server ppp0 "
              << "frames sent " << g_tunnels.serverPpp->GetFramesSent() << ", received "
              << g_tunnels.serverPpp->GetFramesReceived() << "\n";
    if (security.IsEncrypted())
    {
        PrintMppe("client", g_tunnels.clientLink);
        PrintMppe("server", g_tunnels.serverLink);
    }
    Simulator::Destroy();
    return 0;
}
