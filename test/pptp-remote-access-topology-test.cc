/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// PptpRemoteAccessTopology (issue 6): N clients behind access links, an ISP router, the PPTP
// server and its LAN, built and PPTP-installed with one call. The tunnels come up, traffic to
// the LAN goes through them (and only through them), the access links' loss and jitter do
// what they say, and bad parameters are refused with a message naming them.

#include "abort-check.h"
#include "mppe-channel.h"
#include "ppp-link.h"
#include "pptp-client.h"
#include "pptp-remote-access-topology.h"
#include "pptp-security-options.h"
#include "pptp-server.h"
#include "pptp-test-util.h"
#include "pptp-tunnel.h"
#include "topology-test-util.h"

#include "ns3/boolean.h"
#include "ns3/inet-socket-address.h"
#include "ns3/ipv4.h"
#include "ns3/packet.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"

#include <boost/test/unit_test.hpp>
#include <functional>
#include <map>
#include <set>
#include <vector>

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

const uint16_t SINK_PORT = 49600; //!< the LAN hosts' UDP port
const uint32_t DATAGRAMS = 10;    //!< datagrams each client sends through its tunnel
const uint32_t PAYLOAD = 200;     //!< their size

/// What the traces and sockets saw.
struct Observed
{
    std::map<uint32_t, Ipv4Address> tunnelAddress; //!< client index -> address from IPCP
    std::map<uint32_t, bool> mppe;                 //!< client index -> MPPE started
    uint32_t serverUp{0};                          //!< server TunnelUp events
    std::vector<Ptr<Socket>> sockets;              //!< every socket made here
    std::map<std::pair<uint32_t, uint32_t>, uint32_t> received; //!< (host, source) -> count
    uint32_t sent{0};                                           //!< datagrams Send() accepted
    uint32_t noRoute{0}; //!< router drops for want of a route
};

/**
 * \brief Send one datagram on a socket.
 * \param obs what is observed
 * \param socket the socket (connected)
 */
void
SendOne(Observed* obs, Ptr<Socket> socket)
{
    if (socket->Send(Create<Packet>(PAYLOAD)) >= 0)
    {
        ++obs->sent;
    }
}

/**
 * \brief Open a UDP socket on a node to an address and send datagrams every 20 ms from now.
 * \param obs what is observed
 * \param node the sender
 * \param to the destination
 * \param count how many
 */
void
StartFlow(Observed* obs, Ptr<Node> node, Ipv4Address to, uint32_t count)
{
    Ptr<Socket> socket = Socket::CreateSocket(node, UdpSocketFactory::GetTypeId());
    socket->Bind();
    socket->Connect(InetSocketAddress(to, SINK_PORT));
    obs->sockets.push_back(socket);
    for (uint32_t k = 0; k < count; ++k)
    {
        Simulator::Schedule(MilliSeconds(20) * static_cast<int64_t>(k), &SendOne, obs, socket);
    }
}

/**
 * \brief Listen on every LAN host, counting datagrams by (host, source address).
 * \param obs what is observed
 * \param topology the topology
 */
void
ListenOnHosts(Observed* obs, const PptpRemoteAccessTopology& topology)
{
    NodeContainer hosts = topology.GetLanHosts();
    for (uint32_t j = 0; j < hosts.GetN(); ++j)
    {
        Ptr<Socket> sink = Socket::CreateSocket(hosts.Get(j), UdpSocketFactory::GetTypeId());
        sink->Bind(InetSocketAddress(Ipv4Address::GetAny(), SINK_PORT));
        sink->SetRecvCallback(Callback<void, Ptr<Socket>>(
            [obs, j](Ptr<Socket> s)
            {
                Address from;
                while (Ptr<Packet> p = s->RecvFrom(from))
                {
                    ++obs->received[{j, InetSocketAddress::ConvertFrom(from).GetIpv4().Get()}];
                }
            }));
        obs->sockets.push_back(sink);
    }
}

/**
 * \brief Run a topology's validation in a child process through Install().
 * \param configure sets the bad value
 * \return true when Install() aborted the child
 */
bool
InstallAborts(const std::function<void(PptpRemoteAccessTopology&)>& configure)
{
    return Aborts(
        [&configure]()
        {
            PptpRemoteAccessTopology topology;
            configure(topology);
            topology.Install();
        });
}

} // namespace

BOOST_AUTO_TEST_SUITE(PptpRemoteAccessTopologyTest)

BOOST_AUTO_TEST_CASE(FiveClientsTunnelToTheLan)
{
    const uint32_t clients = 5;
    PptpRemoteAccessTopology topology;
    topology.SetClientCount(clients);
    topology.SetLanHostCount(2);
    topology.Install();
    topology.AssignStreams(10);
    BOOST_TEST(topology.IsInstalled());
    BOOST_TEST(topology.GetClientNodes().GetN() == clients);
    BOOST_TEST(topology.GetClientApps().GetN() == clients);
    BOOST_TEST(topology.GetServerApps().GetN() == 1u);
    BOOST_TEST(topology.GetLanHosts().GetN() == 2u);
    BOOST_TEST(topology.GetServerAddress() == Ipv4Address("203.0.113.2"));
    BOOST_TEST(topology.GetClientAddress(0) == Ipv4Address("10.0.0.1"));
    BOOST_TEST(topology.GetClientAddress(4) == Ipv4Address("10.0.0.17"));
    BOOST_TEST(topology.GetLanHostAddress(0) == Ipv4Address("172.16.1.2"));
    BOOST_TEST(topology.GetLanHostAddress(1) == Ipv4Address("172.16.1.6"));
    BOOST_TEST(topology.GetServerTunnelAddress() == Ipv4Address("10.8.0.1"));
    BOOST_TEST(topology.GetPoolStart() == Ipv4Address("10.8.0.2"));
    UintegerValue poolSize;
    topology.GetServer()->GetAttribute("AddressPoolSize", poolSize);
    BOOST_TEST(poolSize.Get() == clients);
    // The ISP router knows the clients and the server, not the LAN.
    BOOST_TEST(RouteTo(topology.GetIspRouter(), topology.GetServerAddress()));
    BOOST_TEST(RouteTo(topology.GetIspRouter(), topology.GetClientAddress(3)));
    BOOST_TEST(!RouteTo(topology.GetIspRouter(), topology.GetLanHostAddress(0)));
    BOOST_TEST(!RouteTo(topology.GetIspRouter(), topology.GetLanHostAddress(1)));
    // The LAN hosts route the pool, and only the pool, back through the server.
    BOOST_TEST(RouteTo(topology.GetLanHost(1), Ipv4Address("10.8.0.4")));
    BOOST_TEST(!RouteTo(topology.GetLanHost(1), topology.GetClientAddress(0)));

    Observed obs;
    Observed* o = &obs;
    ListenOnHosts(o, topology);
    for (uint32_t i = 0; i < clients; ++i)
    {
        Ptr<Node> node = topology.GetClientNode(i);
        Ipv4Address host = topology.GetLanHostAddress(i % 2);
        topology.GetClient(i)->TraceConnectWithoutContext(
            "TunnelUp",
            Callback<void, uint16_t, Ptr<PptpTunnel>>(
                [o, i, node, host](uint16_t, Ptr<PptpTunnel> tunnel)
                {
                    o->tunnelAddress[i] = tunnel->GetTunnelAddress();
                    Ptr<MppeChannel> mppe = tunnel->GetPppLink()->GetMppeChannel();
                    o->mppe[i] = mppe && mppe->IsStarted();
                    StartFlow(o, node, host, DATAGRAMS);
                }));
    }
    topology.GetServer()->TraceConnectWithoutContext(
        "TunnelUp",
        Callback<void, uint16_t, Ptr<PptpTunnel>>([o](uint16_t, Ptr<PptpTunnel>)
                                                  { ++o->serverUp; }));
    Simulator::Stop(Seconds(5));
    Simulator::Run();

    BOOST_TEST(obs.tunnelAddress.size() == clients);
    BOOST_TEST(obs.serverUp == clients);
    std::set<uint32_t> distinct;
    for (const auto& [i, address] : obs.tunnelAddress)
    {
        distinct.insert(address.Get());
        BOOST_TEST(address.Get() >= Ipv4Address("10.8.0.2").Get());
        BOOST_TEST(address.Get() < Ipv4Address("10.8.0.2").Get() + clients);
        BOOST_TEST(obs.mppe[i], "client " << i << " runs MPPE");
    }
    BOOST_TEST(distinct.size() == clients);
    BOOST_TEST(obs.sent == clients * DATAGRAMS);
    // Every datagram arrived at its host from the client's tunnel address, none from outside.
    uint32_t total = 0;
    for (uint32_t i = 0; i < clients; ++i)
    {
        auto key = std::make_pair(i % 2, obs.tunnelAddress[i].Get());
        BOOST_TEST(obs.received[key] == DATAGRAMS, "client " << i);
    }
    for (const auto& [key, count] : obs.received)
    {
        total += count;
    }
    BOOST_TEST(total == clients * DATAGRAMS);
    CloseSocketsAndDestroy(obs.sockets);
}

BOOST_AUTO_TEST_CASE(LanUnreachableOutsideTheTunnel)
{
    PptpRemoteAccessTopology topology;
    topology.SetClientAttribute("DataChannel", BooleanValue(false));
    topology.Install();
    Observed obs;
    Observed* o = &obs;
    ListenOnHosts(o, topology);
    uint32_t up = 0;
    topology.GetClient(0)->TraceConnectWithoutContext(
        "TunnelUp",
        Callback<void, uint16_t, Ptr<PptpTunnel>>([&up](uint16_t, Ptr<PptpTunnel>) { ++up; }));
    CountNoRouteDrops(topology.GetIspRouter(), &o->noRoute);
    Simulator::Schedule(Seconds(3),
                        &StartFlow,
                        o,
                        topology.GetClientNode(0),
                        topology.GetLanHostAddress(0),
                        DATAGRAMS);
    Simulator::Stop(Seconds(5));
    Simulator::Run();
    // The call is up (control plane), but no tunnel: the datagrams leave the client on its
    // default route and the ISP router, which has no route to the LAN, drops them.
    Ptr<PptpCall> call = topology.GetClient(0)->GetCall();
    BOOST_TEST(call);
    BOOST_TEST(up == 0u);
    BOOST_TEST(obs.sent == DATAGRAMS);
    BOOST_TEST(obs.noRoute == DATAGRAMS);
    BOOST_TEST(obs.received.empty());
    CloseSocketsAndDestroy(obs.sockets);
}

/// Datagrams over client 0's access link: how many the router's device received and dropped.
struct LinkCounts
{
    uint32_t received{0}; //!< PhyRxEnd at the router
    uint32_t dropped{0};  //!< PhyRxDrop at the router
};

/**
 * \brief Send datagrams from client 0 to the server's public address (the PPTP client never
 * starts) and count what the router's access device receives and drops.
 * \param loss the access loss
 * \return the counts
 */
LinkCounts
CountLoss(double loss)
{
    PptpRemoteAccessTopology topology;
    topology.SetAccessLoss(loss);
    topology.SetClientStart(Seconds(3600), Seconds(0));
    topology.Install();
    BOOST_TEST(topology.AssignStreams(1) == 3);
    Ptr<NetDevice> routerSide = topology.GetAccessDevices(0).Get(1);
    Ptr<NetDevice> clientSide = topology.GetAccessDevices(0).Get(0);
    // Both directions carry a loss model when the loss is positive.
    for (Ptr<NetDevice> device : {routerSide, clientSide})
    {
        PointerValue model;
        device->GetAttribute("ReceiveErrorModel", model);
        BOOST_TEST((model.Get<ErrorModel>() != nullptr) == (loss > 0));
    }
    LinkCounts counts;
    LinkCounts* c = &counts;
    routerSide->TraceConnectWithoutContext(
        "PhyRxEnd", Callback<void, Ptr<const Packet>>([c](Ptr<const Packet>) { ++c->received; }));
    routerSide->TraceConnectWithoutContext(
        "PhyRxDrop", Callback<void, Ptr<const Packet>>([c](Ptr<const Packet>) { ++c->dropped; }));
    Observed obs;
    StartFlow(&obs, topology.GetClientNode(0), topology.GetServerAddress(), 1000);
    Simulator::Stop(Seconds(25));
    Simulator::Run();
    BOOST_TEST(obs.sent == 1000u);
    CloseSocketsAndDestroy(obs.sockets);
    return counts;
}

BOOST_AUTO_TEST_CASE(AccessLossDropsPackets)
{
    LinkCounts none = CountLoss(0.0);
    BOOST_TEST(none.dropped == 0u);
    BOOST_TEST(none.received == 1000u);
    LinkCounts lossy = CountLoss(0.1);
    BOOST_TEST(lossy.received + lossy.dropped == 1000u);
    // 10 % of 1000 (standard deviation 9.5): within four of them.
    BOOST_TEST(lossy.dropped >= 62u);
    BOOST_TEST(lossy.dropped <= 138u);
}

/**
 * \brief The one-way delays of 100 datagrams over client 0's access link (end of transmission
 * at the client to end of reception at the router), 50 ms apart.
 * \param jitter the access jitter
 * \return the delays
 */
std::vector<Time>
AccessDelays(Time jitter)
{
    PptpRemoteAccessTopology topology;
    topology.SetAccessDelay(MilliSeconds(5));
    topology.SetAccessJitter(jitter);
    topology.SetClientStart(Seconds(3600), Seconds(0));
    topology.Install();
    topology.AssignStreams(7);
    std::map<uint64_t, Time> txEnd;
    std::vector<Time> delays;
    auto* tx = &txEnd;
    auto* d = &delays;
    topology.GetAccessDevices(0).Get(0)->TraceConnectWithoutContext(
        "PhyTxEnd",
        Callback<void, Ptr<const Packet>>([tx](Ptr<const Packet> p)
                                          { (*tx)[p->GetUid()] = Simulator::Now(); }));
    topology.GetAccessDevices(0).Get(1)->TraceConnectWithoutContext(
        "PhyRxEnd",
        Callback<void, Ptr<const Packet>>(
            [tx, d](Ptr<const Packet> p)
            {
                auto it = tx->find(p->GetUid());
                if (it != tx->end())
                {
                    d->push_back(Simulator::Now() - it->second);
                }
            }));
    Observed obs;
    Ptr<Socket> socket
        = Socket::CreateSocket(topology.GetClientNode(0), UdpSocketFactory::GetTypeId());
    socket->Connect(InetSocketAddress(topology.GetServerAddress(), SINK_PORT));
    obs.sockets.push_back(socket);
    for (int64_t k = 0; k < 100; ++k)
    {
        Simulator::Schedule(MilliSeconds(50) * k, &SendOne, &obs, socket);
    }
    Simulator::Stop(Seconds(6));
    Simulator::Run();
    CloseSocketsAndDestroy(obs.sockets);
    return delays;
}

BOOST_AUTO_TEST_CASE(AccessJitterVariesDelays)
{
    std::vector<Time> steady = AccessDelays(Seconds(0));
    BOOST_TEST_REQUIRE(steady.size() == 100u);
    for (Time t : steady)
    {
        BOOST_TEST(t == MilliSeconds(5));
    }
    std::vector<Time> jittered = AccessDelays(MilliSeconds(20));
    BOOST_TEST_REQUIRE(jittered.size() == 100u);
    Time lo = jittered[0];
    Time hi = jittered[0];
    Time sum = Seconds(0);
    std::set<int64_t> distinct;
    for (Time t : jittered)
    {
        BOOST_TEST(t >= MilliSeconds(5));
        BOOST_TEST(t <= MilliSeconds(25));
        lo = std::min(lo, t);
        hi = std::max(hi, t);
        sum += t;
        distinct.insert(t.GetNanoSeconds());
    }
    // Uniform over [5, 25] ms: spread nearly the whole window, mean near 15 ms.
    BOOST_TEST((hi - lo) > MilliSeconds(15));
    BOOST_TEST(distinct.size() > 90u);
    Time mean = sum / 100;
    BOOST_TEST(mean > MilliSeconds(12));
    BOOST_TEST(mean < MilliSeconds(18));
}

BOOST_AUTO_TEST_CASE(FramesAreNotReorderedByJitter)
{
    // Back-to-back frames (closer together than the jitter) keep their order: each one's
    // arrival is at least the previous one's.
    PptpRemoteAccessTopology topology;
    topology.SetAccessJitter(MilliSeconds(50));
    topology.SetClientStart(Seconds(3600), Seconds(0));
    topology.Install();
    topology.AssignStreams(3);
    std::vector<uint64_t> order;
    std::vector<uint64_t> sentOrder;
    auto* o = &order;
    auto* so = &sentOrder;
    topology.GetAccessDevices(0).Get(0)->TraceConnectWithoutContext(
        "PhyTxEnd",
        Callback<void, Ptr<const Packet>>([so](Ptr<const Packet> p)
                                          { so->push_back(p->GetUid()); }));
    topology.GetAccessDevices(0).Get(1)->TraceConnectWithoutContext(
        "PhyRxEnd",
        Callback<void, Ptr<const Packet>>([o](Ptr<const Packet> p) { o->push_back(p->GetUid()); }));
    Observed obs;
    Ptr<Socket> socket
        = Socket::CreateSocket(topology.GetClientNode(0), UdpSocketFactory::GetTypeId());
    socket->Connect(InetSocketAddress(topology.GetServerAddress(), SINK_PORT));
    obs.sockets.push_back(socket);
    for (int64_t k = 0; k < 50; ++k)
    {
        Simulator::Schedule(MilliSeconds(1) * k, &SendOne, &obs, socket);
    }
    Simulator::Stop(Seconds(2));
    Simulator::Run();
    CloseSocketsAndDestroy(obs.sockets);
    BOOST_TEST(order.size() == 50u);
    BOOST_TEST(order == sentOrder);
}

BOOST_AUTO_TEST_CASE(BadParametersAreRefused)
{
    auto message = [](const std::function<void(PptpRemoteAccessTopology&)>& configure)
    {
        PptpRemoteAccessTopology topology;
        configure(topology);
        return topology.Validate();
    };
    auto has = [](const std::string& text, const std::string& part)
    { return text.find(part) != std::string::npos; };

    BOOST_TEST(message([](PptpRemoteAccessTopology&) {}).empty());
    std::string m = message([](PptpRemoteAccessTopology& t) { t.SetClientCount(0); });
    BOOST_TEST(has(m, "ClientCount 0"), m);
    BOOST_TEST(has(m, "1..16000"), m);
    m = message([](PptpRemoteAccessTopology& t) { t.SetLanHostCount(0); });
    BOOST_TEST(has(m, "LanHostCount 0"), m);
    BOOST_TEST(has(m, "1..1000"), m);
    m = message([](PptpRemoteAccessTopology& t) { t.SetAccessLoss(1.0); });
    BOOST_TEST(has(m, "AccessLoss 1"), m);
    BOOST_TEST(has(m, "[0, 1)"), m);
    m = message([](PptpRemoteAccessTopology& t) { t.SetAccessLoss(-0.1); });
    BOOST_TEST(has(m, "AccessLoss -0.1"), m);
    m = message([](PptpRemoteAccessTopology& t) { t.SetAccessJitter(Seconds(2)); });
    BOOST_TEST(has(m, "AccessJitter"), m);
    BOOST_TEST(has(m, "0..1s"), m);
    m = message([](PptpRemoteAccessTopology& t) { t.SetAccessDelay(MilliSeconds(-1)); });
    BOOST_TEST(has(m, "AccessDelay"), m);
    BOOST_TEST(has(m, "0..10s"), m);
    m = message([](PptpRemoteAccessTopology& t) { t.SetCoreDelay(Seconds(11)); });
    BOOST_TEST(has(m, "CoreDelay"), m);
    m = message([](PptpRemoteAccessTopology& t) { t.SetLanDelay(Seconds(-1)); });
    BOOST_TEST(has(m, "LanDelay"), m);
    m = message([](PptpRemoteAccessTopology& t) { t.SetAccessDataRate(DataRate(10)); });
    BOOST_TEST(has(m, "AccessDataRate 10 bit/s"), m);
    BOOST_TEST(has(m, "1 kb/s .. 100 Gb/s"), m);
    m = message([](PptpRemoteAccessTopology& t) { t.SetCoreDataRate(DataRate(0)); });
    BOOST_TEST(has(m, "CoreDataRate"), m);
    m = message([](PptpRemoteAccessTopology& t) { t.SetLanDataRate(DataRate(0)); });
    BOOST_TEST(has(m, "LanDataRate"), m);
    m = message([](PptpRemoteAccessTopology& t) { t.SetClientStart(Seconds(-1), Seconds(0)); });
    BOOST_TEST(has(m, "ClientStart first"), m);
    m = message([](PptpRemoteAccessTopology& t) { t.SetClientStart(Seconds(0), Seconds(-1)); });
    BOOST_TEST(has(m, "ClientStart stagger"), m);
    m = message([](PptpRemoteAccessTopology& t)
                { t.SetLanNetwork("172.16.1.1", "255.255.255.0"); });
    BOOST_TEST(has(m, "LanNetwork 172.16.1.1/24"), m);
    BOOST_TEST(has(m, "/8 ../30"), m);
    m = message([](PptpRemoteAccessTopology& t) { t.SetAccessNetwork("10.0.0.0", "255.0.255.0"); });
    BOOST_TEST(has(m, "AccessNetwork"), m);
    m = message([](PptpRemoteAccessTopology& t) { t.SetPoolNetwork("172.16.0.0", "255.255.0.0"); });
    BOOST_TEST(has(m, "LanNetwork overlaps PoolNetwork"), m);
    m = message(
        [](PptpRemoteAccessTopology& t)
        {
            t.SetClientCount(5);
            t.SetPoolNetwork("10.8.0.0", "255.255.255.248");
        });
    BOOST_TEST(m.empty(), m);
    m = message(
        [](PptpRemoteAccessTopology& t)
        {
            t.SetClientCount(6);
            t.SetPoolNetwork("10.8.0.0", "255.255.255.248");
        });
    BOOST_TEST(has(m, "ClientCount 6 does not fit PoolNetwork /29 (valid 1..5"), m);
    m = message(
        [](PptpRemoteAccessTopology& t)
        {
            t.SetClientCount(5);
            t.SetAccessNetwork("10.0.0.0", "255.255.255.240");
        });
    BOOST_TEST(has(m, "ClientCount 5 does not fit AccessNetwork /28 (valid 1..4"), m);
    m = message([](PptpRemoteAccessTopology& t) { t.SetLanHostCount(65); });
    BOOST_TEST(has(m, "LanHostCount 65 does not fit LanNetwork /24 (valid 1..64"), m);
    m = message(
        [](PptpRemoteAccessTopology& t)
        {
            PptpSecurityOptions s;
            s.mppe = "64";
            t.SetSecurity(s);
        });
    BOOST_TEST(has(m, "Security"), m);

    // Install() stops the program with the message; a valid topology installs.
    BOOST_TEST(InstallAborts([](PptpRemoteAccessTopology& t) { t.SetAccessLoss(1.5); }));
    BOOST_TEST(InstallAborts([](PptpRemoteAccessTopology& t) { t.SetClientCount(0); }));
    BOOST_TEST(!InstallAborts([](PptpRemoteAccessTopology&) {}));
}

BOOST_AUTO_TEST_SUITE_END()
