/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// PptpBranchOfficeTopology (issue 6): M branch routers hold PPTP tunnels to a head office,
// which routes each site's LAN into its router's tunnel (PptpServer::AddUserRoute) and gives
// each router its own tunnel address (AddUserTunnelAddress). Hosts of different sites reach
// each other through two tunnels, the head-office LAN through one; the ISP knows no private
// prefix; a site's routes go when its tunnel goes; bad parameters are refused by name; the
// example runs.

#include "abort-check.h"
#include "example-run.h"
#include "gre-session.h"
#include "ppp-link.h"
#include "pptp-branch-office-topology.h"
#include "pptp-client.h"
#include "pptp-security-options.h"
#include "pptp-server-helper.h"
#include "pptp-server.h"
#include "pptp-test-util.h"
#include "pptp-tunnel.h"
#include "topology-test-util.h"
#include "trace-db-reader.h"

#include "ns3/inet-socket-address.h"
#include "ns3/ipv4-route.h"
#include "ns3/ipv4.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/udp-socket-factory.h"

#include <boost/test/unit_test.hpp>
#include <functional>
#include <map>
#include <vector>

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

const uint16_t ECHO_PORT = 49700; //!< the echo responders' UDP port
const uint32_t PAYLOAD = 300;     //!< datagram size

/// What the sockets and traces saw.
struct Observed
{
    std::vector<Ptr<Socket>> sockets;              //!< every socket made here
    std::map<uint32_t, uint32_t> echoed;           //!< responder address -> requests answered
    std::map<uint32_t, uint32_t> replies;          //!< requester address -> replies received
    std::map<uint32_t, Ipv4Address> tunnelAddress; //!< site -> branch router's IPCP address
    uint32_t serverUp{0};                          //!< server TunnelUp events
    uint32_t ispNoRoute{0};                        //!< ISP drops for want of a route
};

/**
 * \brief Answer every datagram to the port with the same datagram, on a node.
 * \param obs what is observed
 * \param node the responder
 */
void
StartResponder(Observed* obs, Ptr<Node> node)
{
    Ptr<Socket> socket = Socket::CreateSocket(node, UdpSocketFactory::GetTypeId());
    socket->Bind(InetSocketAddress(Ipv4Address::GetAny(), ECHO_PORT));
    Ipv4Address self = node->GetObject<Ipv4>()->GetAddress(1, 0).GetLocal();
    socket->SetRecvCallback(Callback<void, Ptr<Socket>>(
        [obs, self](Ptr<Socket> s)
        {
            Address from;
            while (Ptr<Packet> p = s->RecvFrom(from))
            {
                ++obs->echoed[self.Get()];
                s->SendTo(p, 0, from);
            }
        }));
    obs->sockets.push_back(socket);
}

/**
 * \brief Send datagrams from a node to a responder, 10 ms apart from now, counting replies.
 * \param obs what is observed
 * \param node the requester
 * \param to the responder's address
 * \param count how many
 */
void
StartRequests(Observed* obs, Ptr<Node> node, Ipv4Address to, uint32_t count)
{
    Ptr<Socket> socket = Socket::CreateSocket(node, UdpSocketFactory::GetTypeId());
    socket->Bind();
    socket->Connect(InetSocketAddress(to, ECHO_PORT));
    Ipv4Address self = node->GetObject<Ipv4>()->GetAddress(1, 0).GetLocal();
    socket->SetRecvCallback(Callback<void, Ptr<Socket>>(
        [obs, self](Ptr<Socket> s)
        {
            while (s->Recv())
            {
                ++obs->replies[self.Get()];
            }
        }));
    obs->sockets.push_back(socket);
    for (uint32_t k = 0; k < count; ++k)
    {
        Simulator::Schedule(MilliSeconds(10) * static_cast<int64_t>(k),
                            [socket]() { socket->Send(Create<Packet>(PAYLOAD)); });
    }
}

/**
 * \brief Count the ISP router's no-route drops and every tunnel coming up.
 * \param obs what is observed
 * \param topology the installed topology
 */
void
Observe(Observed* obs, const PptpBranchOfficeTopology& topology)
{
    CountNoRouteDrops(topology.GetIspRouter(), &obs->ispNoRoute);
    for (uint32_t i = 0; i < topology.GetSiteCount(); ++i)
    {
        topology.GetBranchClient(i)->TraceConnectWithoutContext(
            "TunnelUp",
            Callback<void, uint16_t, Ptr<PptpTunnel>>(
                [obs, i](uint16_t, Ptr<PptpTunnel> t)
                { obs->tunnelAddress[i] = t->GetTunnelAddress(); }));
    }
    topology.GetServer()->TraceConnectWithoutContext(
        "TunnelUp",
        Callback<void, uint16_t, Ptr<PptpTunnel>>([obs](uint16_t, Ptr<PptpTunnel>)
                                                  { ++obs->serverUp; }));
}

/**
 * \brief The head office's tunnel of a site (found by the user its router authenticated as).
 * \param topology the topology
 * \param i the site index
 * \return the tunnel, or nullptr
 */
Ptr<PptpTunnel>
ServerTunnelOf(const PptpBranchOfficeTopology& topology, uint32_t i)
{
    for (Ptr<PptpTunnel> tunnel : topology.GetServer()->GetTunnels())
    {
        if (PptpServer::GetTunnelUser(tunnel) == topology.GetSiteUser(i))
        {
            return tunnel;
        }
    }
    return nullptr;
}

/// The GRE data packets of the four sessions a site-to-site datagram crosses.
struct GreCounts
{
    uint64_t fromTx{0};    //!< sent by the source site's branch router
    uint64_t fromRx{0};    //!< received by it
    uint64_t hubFromRx{0}; //!< received by the head office on the source site's tunnel
    uint64_t hubFromTx{0}; //!< sent by the head office on it
    uint64_t hubToTx{0};   //!< sent by the head office on the destination site's tunnel
    uint64_t hubToRx{0};   //!< received by the head office on it
    uint64_t toRx{0};      //!< received by the destination site's branch router
    uint64_t toTx{0};      //!< sent by it
};

/**
 * \brief The GRE counters of two sites' tunnels, at both ends.
 * \param topology the topology
 * \param from the source site
 * \param to the destination site
 * \return the counters
 */
GreCounts
CountGre(const PptpBranchOfficeTopology& topology, uint32_t from, uint32_t to)
{
    Ptr<GreSession> a = topology.GetBranchClient(from)->GetTunnel()->GetSession();
    Ptr<GreSession> b = topology.GetBranchClient(to)->GetTunnel()->GetSession();
    Ptr<GreSession> ha = ServerTunnelOf(topology, from)->GetSession();
    Ptr<GreSession> hb = ServerTunnelOf(topology, to)->GetSession();
    return GreCounts{a->GetTxDataPackets(),
                     a->GetRxDataPackets(),
                     ha->GetRxDataPackets(),
                     ha->GetTxDataPackets(),
                     hb->GetTxDataPackets(),
                     hb->GetRxDataPackets(),
                     b->GetRxDataPackets(),
                     b->GetTxDataPackets()};
}

} // namespace

BOOST_AUTO_TEST_SUITE(PptpBranchOfficeTopologyTest)

BOOST_AUTO_TEST_CASE(ThreeSitesReachEachOtherThroughTheHeadOffice)
{
    const uint32_t sites = 3;
    const uint32_t count = 10;
    PptpBranchOfficeTopology topology;
    topology.Install();
    BOOST_TEST(topology.AssignStreams(100) == 3 * sites);
    BOOST_TEST(topology.GetSiteCount() == sites);
    BOOST_TEST(topology.GetBranchRouters().GetN() == sites);
    BOOST_TEST(topology.GetAllSiteHosts().GetN() == 2 * sites);
    BOOST_TEST(topology.GetHeadOfficeHosts().GetN() == 1u);
    BOOST_TEST(topology.GetBranchApps().GetN() == sites);
    BOOST_TEST(topology.GetServerApps().GetN() == 1u);
    BOOST_TEST(topology.GetServerAddress() == Ipv4Address("203.0.113.2"));
    BOOST_TEST(topology.GetBranchRouterAddress(0) == Ipv4Address("100.64.0.1"));
    BOOST_TEST(topology.GetBranchRouterAddress(2) == Ipv4Address("100.64.0.9"));
    BOOST_TEST(topology.GetSiteHostAddress(0, 0) == Ipv4Address("10.1.0.2"));
    BOOST_TEST(topology.GetSiteHostAddress(2, 1) == Ipv4Address("10.3.0.6"));
    BOOST_TEST(topology.GetHeadOfficeHostAddress(0) == Ipv4Address("10.0.0.2"));
    BOOST_TEST(topology.GetServerTunnelAddress() == Ipv4Address("10.255.0.1"));
    BOOST_TEST(topology.GetBranchTunnelAddress(1) == Ipv4Address("10.255.0.3"));
    BOOST_TEST(topology.GetSiteUser(2) == "alice-site2");
    // The ISP router knows the public addresses, no private prefix.
    BOOST_TEST(RouteTo(topology.GetIspRouter(), topology.GetServerAddress()));
    BOOST_TEST(RouteTo(topology.GetIspRouter(), topology.GetBranchRouterAddress(1)));
    for (uint32_t i = 0; i < sites; ++i)
    {
        BOOST_TEST(!RouteTo(topology.GetIspRouter(), topology.GetSiteHostAddress(i, 0)));
        BOOST_TEST(!RouteTo(topology.GetIspRouter(), topology.GetBranchTunnelAddress(i)));
    }
    BOOST_TEST(!RouteTo(topology.GetIspRouter(), topology.GetHeadOfficeHostAddress(0)));

    Observed obs;
    Observe(&obs, topology);
    Ptr<Node> src = topology.GetSiteHost(0, 0);
    Ptr<Node> dst = topology.GetSiteHost(2, 1);
    StartResponder(&obs, dst);
    StartResponder(&obs, topology.GetHeadOfficeHost(0));
    GreCounts before;
    Simulator::Schedule(Seconds(3),
                        [&]()
                        {
                            before = CountGre(topology, 0, 2);
                            StartRequests(&obs, src, topology.GetSiteHostAddress(2, 1), count);
                            for (uint32_t i = 0; i < sites; ++i)
                            {
                                StartRequests(&obs,
                                              topology.GetSiteHost(i, 1),
                                              topology.GetHeadOfficeHostAddress(0),
                                              count);
                            }
                        });
    GreCounts after;
    Simulator::Schedule(Seconds(4.5), [&]() { after = CountGre(topology, 0, 2); });
    Simulator::Stop(Seconds(5));
    Simulator::Run();

    // Every tunnel came up with the router's own address; the head office routes each site's
    // LAN into that site's tunnel.
    BOOST_TEST(obs.serverUp == sites);
    BOOST_TEST(obs.tunnelAddress.size() == sites);
    for (uint32_t i = 0; i < sites; ++i)
    {
        BOOST_TEST(obs.tunnelAddress[i] == topology.GetBranchTunnelAddress(i), "site " << i);
        BOOST_TEST(topology.GetBranchClient(i)->GetTunnel()->IsUp());
        Ptr<PptpTunnel> hub = ServerTunnelOf(topology, i);
        BOOST_REQUIRE_MESSAGE(hub,
                              "the head office has a tunnel of user " << topology.GetSiteUser(i));
        BOOST_TEST(hub->GetPeerTunnelAddress() == topology.GetBranchTunnelAddress(i));
        Ptr<Ipv4Route> route = RouteTo(topology.GetServerNode(), topology.GetSiteHostAddress(i, 1));
        BOOST_REQUIRE(route);
        BOOST_TEST(route->GetOutputDevice() == hub->GetDevice(), "site " << i);
        // The host route to the router's tunnel address and the site's prefix.
        BOOST_TEST(hub->GetNRoutes() == 2u);
    }
    BOOST_TEST(topology.GetServer()->GetUnroutedCalls() == 0u);
    // Site 0 to site 2 and back: each request and reply crossed both tunnels.
    uint32_t srcAddr = topology.GetSiteHostAddress(0, 0).Get();
    BOOST_TEST(obs.echoed[topology.GetSiteHostAddress(2, 1).Get()] == count);
    BOOST_TEST(obs.replies[srcAddr] == count);
    BOOST_TEST(after.fromTx - before.fromTx >= count);
    BOOST_TEST(after.hubFromRx - before.hubFromRx >= count);
    BOOST_TEST(after.hubToTx - before.hubToTx >= count);
    BOOST_TEST(after.toRx - before.toRx >= count);
    BOOST_TEST(after.toTx - before.toTx >= count);
    BOOST_TEST(after.hubToRx - before.hubToRx >= count);
    BOOST_TEST(after.hubFromTx - before.hubFromTx >= count);
    BOOST_TEST(after.fromRx - before.fromRx >= count);
    // Every site reaches the head-office host through its tunnel.
    BOOST_TEST(obs.echoed[topology.GetHeadOfficeHostAddress(0).Get()] == sites * count);
    for (uint32_t i = 0; i < sites; ++i)
    {
        BOOST_TEST(obs.replies[topology.GetSiteHostAddress(i, 1).Get()] == count, "site " << i);
    }
    // Nothing private leaked to the ISP.
    BOOST_TEST(obs.ispNoRoute == 0u);
    CloseSocketsAndDestroy(obs.sockets);
}

BOOST_AUTO_TEST_CASE(RoutesGoWhenABranchTunnelGoesDown)
{
    PptpBranchOfficeTopology topology;
    topology.SetHostsPerSite(1);
    topology.Install();
    Observed obs;
    Observe(&obs, topology);
    StartResponder(&obs, topology.GetSiteHost(1, 0));
    StartResponder(&obs, topology.GetSiteHost(2, 0));
    // Site 1's branch router stops at 3 s: StopCCRQ, the call and the tunnel end.
    topology.GetBranchClient(1)->SetStopTime(Seconds(3));
    Ptr<PptpTunnel> hub1;
    uint32_t routesBefore = 0;
    Simulator::Schedule(Seconds(2.9),
                        [&]()
                        {
                            hub1 = ServerTunnelOf(topology, 1);
                            routesBefore = hub1 ? hub1->GetNRoutes() : 0;
                        });
    Simulator::Schedule(
        Seconds(4),
        [&]()
        {
            StartRequests(&obs, topology.GetSiteHost(0, 0), topology.GetSiteHostAddress(1, 0), 5);
            StartRequests(&obs, topology.GetSiteHost(0, 0), topology.GetSiteHostAddress(2, 0), 5);
        });
    Simulator::Stop(Seconds(5));
    Simulator::Run();

    BOOST_REQUIRE(hub1);
    BOOST_TEST(routesBefore == 2u);
    BOOST_TEST(!hub1->IsOpen());
    BOOST_TEST(hub1->GetNRoutes() == 0u);
    BOOST_TEST(topology.GetServer()->GetTunnels().size() == 2u);
    BOOST_TEST(!ServerTunnelOf(topology, 1));
    // Site 1's prefix now follows the head office's default route to the ISP, which drops it.
    Ptr<Ipv4Route> route = RouteTo(topology.GetServerNode(), topology.GetSiteHostAddress(1, 0));
    BOOST_REQUIRE(route);
    BOOST_TEST(route->GetOutputDevice() == topology.GetCoreDevices().Get(1));
    BOOST_TEST(obs.echoed[topology.GetSiteHostAddress(1, 0).Get()] == 0u);
    BOOST_TEST(obs.ispNoRoute == 5u);
    // Site 2 is still reachable.
    BOOST_TEST(obs.echoed[topology.GetSiteHostAddress(2, 0).Get()] == 5u);
    BOOST_TEST(obs.replies[topology.GetSiteHostAddress(0, 0).Get()] == 5u);
    CloseSocketsAndDestroy(obs.sockets);
}

BOOST_AUTO_TEST_CASE(OwnCredentialsAndPrefixes)
{
    // Two sites with their own users and prefixes, PAP without MPPE, a pool on the server:
    // the users' own addresses win over the pool.
    PptpBranchOfficeTopology topology;
    topology.SetSiteCount(2);
    topology.SetHostsPerSite(1);
    topology.SetOrganisationNetwork(Ipv4Address("172.16.0.0"), Ipv4Mask("255.240.0.0"));
    topology.SetHeadOfficeNetwork(Ipv4Address("172.16.0.0"), Ipv4Mask("255.255.255.0"));
    topology.SetTunnelNetwork(Ipv4Address("172.31.255.0"), Ipv4Mask("255.255.255.0"));
    topology.SetSiteNetwork(0, Ipv4Address("172.20.0.0"), Ipv4Mask("255.255.0.0"));
    topology.SetSiteNetwork(1, Ipv4Address("172.21.8.0"), Ipv4Mask("255.255.252.0"));
    topology.SetSiteCredentials(0, "paris", "paris-secret");
    topology.SetSiteCredentials(1, "lyon", "lyon-secret");
    PptpSecurityOptions security;
    security.auth = "pap";
    security.mppe = "none";
    topology.SetSecurity(security);
    topology.SetServerAttribute("AddressPoolStart", Ipv4AddressValue("172.31.255.100"));
    topology.SetServerAttribute("AddressPoolSize", UintegerValue(10));
    BOOST_TEST(topology.Validate() == "");
    topology.Install();
    BOOST_TEST(topology.GetSiteUser(1) == "lyon");
    BOOST_TEST(topology.GetSiteHostAddress(0, 0) == Ipv4Address("172.20.0.2"));
    BOOST_TEST(topology.GetSiteHostAddress(1, 0) == Ipv4Address("172.21.8.2"));
    Observed obs;
    Observe(&obs, topology);
    StartResponder(&obs, topology.GetSiteHost(1, 0));
    Simulator::Schedule(
        Seconds(3),
        [&]()
        { StartRequests(&obs, topology.GetSiteHost(0, 0), topology.GetSiteHostAddress(1, 0), 4); });
    Simulator::Stop(Seconds(4));
    Simulator::Run();
    BOOST_TEST(obs.tunnelAddress[0] == Ipv4Address("172.31.255.2"));
    BOOST_TEST(obs.tunnelAddress[1] == Ipv4Address("172.31.255.3"));
    BOOST_TEST(PptpServer::GetTunnelUser(ServerTunnelOf(topology, 0)) == "paris");
    BOOST_TEST(obs.replies[topology.GetSiteHostAddress(0, 0).Get()] == 4u);
    CloseSocketsAndDestroy(obs.sockets);
}

BOOST_AUTO_TEST_CASE(UserRouteParameters)
{
    const Ipv4Mask slash24("255.255.255.0");
    BOOST_TEST(PptpServer::CheckUserRoute("site0", Ipv4Address("10.1.0.0"), slash24) == "");
    BOOST_TEST(PptpServer::CheckUserRoute("h", Ipv4Address("10.1.0.7"), Ipv4Mask::GetOnes()) == "");
    BOOST_TEST(PptpServer::CheckUserRoute("", Ipv4Address("10.1.0.0"), slash24)
               == "PptpServer::AddUserRoute: the user name is empty (valid: the PPP user name of a "
                  "branch router)");
    BOOST_TEST(PptpServer::CheckUserRoute("site0", Ipv4Address("10.1.0.0"), Ipv4Mask("255.0.255.0"))
               == "PptpServer::AddUserRoute: user 'site0': mask 255.0.255.0 is not valid (valid: a "
                  "contiguous mask of /1 ../32)");
    BOOST_TEST(PptpServer::CheckUserRoute("site0", Ipv4Address("0.0.0.0"), Ipv4Mask::GetZero())
               != "");
    BOOST_TEST(PptpServer::CheckUserRoute("site0", Ipv4Address("10.1.0.9"), slash24)
               == "PptpServer::AddUserRoute: user 'site0': 10.1.0.9 is not the network address of "
                  "a /24 (valid: 10.1.0.0/24)");

    // Routes and addresses for users the server does not know are named.
    Ptr<PptpServer> server = CreateObject<PptpServer>();
    BOOST_TEST(server->CheckUsers() == "");
    server->AddUser("site0", "secret");
    server->AddUserRoute("site0", Ipv4Address("10.1.0.0"), slash24);
    server->AddUserRoute("site0", Ipv4Address("10.9.0.0"), slash24);
    server->AddUserTunnelAddress("site0", Ipv4Address("10.255.0.2"));
    BOOST_TEST(server->CheckUsers() == "");
    server->AddUserRoute("bob", Ipv4Address("10.2.0.0"), slash24);
    BOOST_TEST(server->CheckUsers()
               == "PptpServer: AddUserRoute names user 'bob', who is not in the user table "
                  "(AddUser()): the prefix is never routed");
    server->AddUser("bob", "x");
    server->AddUserTunnelAddress("carol", Ipv4Address("10.255.0.9"));
    BOOST_TEST(server->CheckUsers()
               == "PptpServer: AddUserTunnelAddress names user 'carol', who is not in the user "
                  "table (AddUser()): the address is never given");
    BOOST_TEST(PptpServer::GetTunnelUser(nullptr) == "");
    server->Dispose();

    // Bad parameters stop the program with the message.
    BOOST_TEST(Aborts(
        []() {
            CreateObject<PptpServer>()->AddUserRoute("a", Ipv4Address("10.0.0.1"), Ipv4Mask("/24"));
        }));
    BOOST_TEST(Aborts(
        []()
        {
            PptpServerHelper helper;
            helper.AddUserRoute("", Ipv4Address("10.0.0.0"), Ipv4Mask("/24"));
        }));
    BOOST_TEST(Aborts(
        []() { CreateObject<PptpServer>()->AddUserTunnelAddress("a", Ipv4Address::GetAny()); }));
    BOOST_TEST(Aborts(
        []() { CreateObject<PptpServer>()->AddUserTunnelAddress("", Ipv4Address("1.2.3.4")); }));
    BOOST_TEST(!Aborts(
        []() {
            CreateObject<PptpServer>()->AddUserRoute("a", Ipv4Address("10.0.0.0"), Ipv4Mask("/24"));
        }));
}

BOOST_AUTO_TEST_CASE(BadParametersAreNamed)
{
    using Configure = std::function<void(PptpBranchOfficeTopology&)>;
    const std::vector<std::pair<Configure, std::string>> cases{
        {[](auto& t) { t.SetSiteCount(0); }, "SiteCount 0 is out of range (valid 1..250)"},
        {[](auto& t) { t.SetSiteCount(251); }, "SiteCount 251 is out of range (valid 1..250)"},
        {[](auto& t) { t.SetHostsPerSite(0); }, "HostsPerSite 0 is out of range (valid 1..1000)"},
        {[](auto& t) { t.SetHostsPerSite(65); },
         "HostsPerSite 65 does not fit SiteNetwork of site 0 /24 (valid 1..64: one /30 per "
         "host)"},
        {[](auto& t) { t.SetHeadOfficeHostCount(1001); },
         "HeadOfficeHostCount 1001 is out of range (valid 1..1000)"},
        {[](auto& t) { t.SetWanDataRate(DataRate(999)); },
         "WanDataRate 999 bit/s is out of range (valid 1 kb/s .. 100 Gb/s)"},
        {[](auto& t) { t.SetWanLoss(1.0); }, "WanLoss 1 is out of range (valid [0, 1))"},
        {[](auto& t) { t.SetWanJitter(Seconds(2)); },
         "WanJitter +2s is out of range (valid 0..1s)"},
        {[](auto& t) { t.SetWanDelay(Seconds(-1)); },
         "WanDelay -1s is out of range (valid 0..10s)"},
        {[](auto& t) { t.SetSiteNetwork(3, Ipv4Address("10.9.0.0"), Ipv4Mask("/24")); },
         "SiteNetwork of site 3: the site index is out of range (valid 0..2)"},
        {[](auto& t) { t.SetSiteCredentials(5, "x", "y"); },
         "SiteCredentials of site 5: the site index is out of range (valid 0..2)"},
        {[](auto& t) { t.SetSiteNetwork(1, Ipv4Address("10.1.0.0"), Ipv4Mask("/16")); },
         "SiteNetwork of site 0 overlaps SiteNetwork of site 1 (valid: disjoint prefixes)"},
        {[](auto& t) { t.SetSiteNetwork(1, Ipv4Address("192.168.1.0"), Ipv4Mask("/24")); },
         "SiteNetwork of site 1 192.168.1.0/24 is not inside OrganisationNetwork 10.0.0.0/8 "
         "(valid: a prefix of the organisation, which the branch routers route through their "
         "tunnels)"},
        {[](auto& t) { t.SetSiteNetwork(2, Ipv4Address("10.3.0.1"), Ipv4Mask("/24")); },
         "SiteNetwork of site 2 10.3.0.1/24 (mask 255.255.255.0) is not valid (valid: a "
         "contiguous mask of /8 ../30 and the address its network address)"},
        {[](auto& t) { t.SetWanNetwork(Ipv4Address("10.200.0.0"), Ipv4Mask("/16")); },
         "OrganisationNetwork overlaps WanNetwork (valid: disjoint prefixes)"},
        {[](auto& t) { t.SetTunnelNetwork(Ipv4Address("10.255.0.0"), Ipv4Mask("/30")); },
         "SiteCount 3 does not fit TunnelNetwork /30 (valid 1..1: one tunnel address per site)"},
        {[](auto& t) { t.SetSiteCredentials(1, "alice-site0", "y"); },
         "SiteCredentials of site 1: user 'alice-site0' is the user of another site (valid: a "
         "non-empty name of its own)"},
        {[](auto& t) { t.SetSiteCredentials(0, "", "y"); },
         "SiteCredentials of site 0: user '' is empty (valid: a non-empty name of its own)"},
        {[](auto& t)
         {
             PptpSecurityOptions s;
             s.auth = "none";
             s.mppe = "none";
             t.SetSecurity(s);
         },
         "Security auth 'none' is not valid here: the head office tells the sites apart by "
         "their PPP user names (valid: pap, chap-md5, mschapv2)"},
        {[](auto& t)
         {
             PptpSecurityOptions s;
             s.mppe = "64";
             t.SetSecurity(s);
         },
         "Security: "},
    };
    for (const auto& [configure, message] : cases)
    {
        PptpBranchOfficeTopology topology;
        configure(topology);
        std::string problem = topology.Validate();
        BOOST_TEST(problem.find("PptpBranchOfficeTopology: " + message) == 0u,
                   "got '" << problem << "', expected '" << message << "'");
    }
    PptpBranchOfficeTopology good;
    BOOST_TEST(good.Validate() == "");
    BOOST_TEST(Aborts(
        []()
        {
            PptpBranchOfficeTopology t;
            t.SetSiteCount(0);
            t.Install();
        }));
    BOOST_TEST(Aborts(
        []()
        {
            PptpBranchOfficeTopology t;
            t.GetServer();
        }));
}

BOOST_AUTO_TEST_CASE(ExampleRuns)
{
    ExampleRun run = RunExampleProgram("pptp-branch-office", "--sites=3 --duration=4s --db=");
    BOOST_TEST_MESSAGE(run.output);
    BOOST_REQUIRE(run.status == 0);
    std::map<std::string, std::string>& summary = run.summary;
    for (uint32_t i = 0; i < 3; ++i)
    {
        std::string site = "Site " + std::to_string(i);
        BOOST_REQUIRE_MESSAGE(summary.count(site), "no line for " << site);
        BOOST_TEST(summary[site].find("tunnel up") == 0u, site << ": " << summary[site]);
    }
    BOOST_TEST(summary["Tunnels up at the head office"] == "3 of 3");
    BOOST_REQUIRE(summary.count("Flows delivering"));
    BOOST_TEST(summary["Flows delivering"] == "6 of 6");
    // With a database: the run is recorded.
    const std::string db = FreshDatabase(BinaryDir() + "/branch-office-test.db");
    run = RunExampleProgram("pptp-branch-office",
                            "--sites=2 --duration=4s --db=branch-office-test.db");
    BOOST_TEST(run.status == 0);
    BOOST_TEST(run.output.find("Trace database: branch-office-test.db, run 1, ")
                   != std::string::npos,
               run.output);
    FreshDatabase(db);
    // A bad value is refused by name.
    run = RunExampleProgram("pptp-branch-office", "--sites=0 --db= 2>&1");
    BOOST_TEST(run.status != 0);
    BOOST_TEST(run.output.find("SiteCount 0 is out of range") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
