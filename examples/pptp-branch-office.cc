/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/*
 * PPTP LAN-to-LAN: an organisation with M branch offices. Each site's router holds a PPTP
 * tunnel to the head office (RFC 2637), which routes every site's LAN prefix into that site's
 * tunnel, so hosts of different sites reach each other (through two tunnels, via the head
 * office) and the head-office LAN (through one). The ISP in between knows no private prefix.
 *
 *   site i: hosts ==lan== branch router i --wan (--rate, --delay, --loss, --jitter)--+
 *                                                                                   ISP
 *   head office hosts ==lan== head office (PPTP server) ==core==-------------------+
 *
 * Site i's LAN is 10.(i+1).0.0/24, the head office's 10.0.0.0/24; every branch router routes
 * 10.0.0.0/8 through its tunnel and authenticates as "<user>-site<i>" (MS-CHAPv2 and MPPE-128
 * stateless by default: --auth, --mppe, --stateless). From --trafficStart, traffic runs in a
 * ring (site i's host 0 to site i+1's last host) and from each site's last host to head-office
 * host 0: UDP OnOff at --flowRate by default, TCP BulkSend with --tcp. FlowMonitor measures
 * every flow on the hosts.
 *
 * At the end it prints one line per site (tunnel state, addresses, user, MPPE, GRE packets)
 * and one per flow (packets, throughput, mean delay), then totals. With --db (default
 * pptp-branch-office.db; --db= for none) the trace collector records the run (its tables
 * describe themselves in the schema table), with every node named by its role.
 *
 *   ./pptp-branch-office --sites=5 --hostsPerSite=3 --duration=20s
 *   ./pptp-branch-office --rate=2Mbps --delay=40ms --loss=0.01 --tcp
 */

#include "gre-session.h"
#include "mppe-channel.h"
#include "ppp-link.h"
#include "pptp-branch-office-topology.h"
#include "pptp-client.h"
#include "pptp-security-options.h"
#include "pptp-server.h"
#include "pptp-trace-collector.h"
#include "pptp-trace-options.h"
#include "pptp-tunnel.h"

#include "ns3/application-container.h"
#include "ns3/bulk-send-helper.h"
#include "ns3/command-line.h"
#include "ns3/data-rate.h"
#include "ns3/flow-monitor-helper.h"
#include "ns3/inet-socket-address.h"
#include "ns3/ipv4-flow-classifier.h"
#include "ns3/nstime.h"
#include "ns3/on-off-helper.h"
#include "ns3/packet-sink-helper.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <iomanip>
#include <iostream>
#include <set>
#include <sstream>
#include <string>

using namespace ns3;

namespace
{

/// The port of the flows' sinks.
constexpr uint16_t SINK_PORT = 49800;

/**
 * \brief A prefix as text, e.g. "10.1.0.0/24".
 * \param prefix the network address and its mask
 * \return the text
 */
std::string
PrefixText(const std::pair<Ipv4Address, Ipv4Mask>& prefix)
{
    std::ostringstream os;
    os << prefix.first << "/" << prefix.second.GetPrefixLength();
    return os.str();
}

} // namespace

int
main(int argc, char* argv[])
{
    uint32_t sites = 3;
    uint32_t hostsPerSite = 2;
    uint32_t headOfficeHosts = 1;
    DataRate rate("10Mbps");
    Time delay = MilliSeconds(10);
    double loss = 0;
    Time jitter = Seconds(0);
    Time duration = Seconds(8);
    Time trafficStart = Seconds(3);
    DataRate flowRate("1Mbps");
    uint32_t packetSize = 1000;
    bool tcp = false;
    PptpSecurityOptions security;
    PptpTraceOptions trace("pptp-branch-office.db");

    CommandLine cmd(__FILE__);
    cmd.AddValue("sites", "number of branch sites (1..250)", sites);
    cmd.AddValue("hostsPerSite", "hosts on each site's LAN (1..64)", hostsPerSite);
    cmd.AddValue("headOfficeHosts", "hosts on the head-office LAN (1..64)", headOfficeHosts);
    cmd.AddValue("rate", "data rate of each site's WAN link", rate);
    cmd.AddValue("delay", "delay of each site's WAN link", delay);
    cmd.AddValue("loss", "packet loss probability of each WAN link, each way ([0, 1))", loss);
    cmd.AddValue("jitter", "jitter of each WAN link (0..1s)", jitter);
    cmd.AddValue("duration", "simulated time", duration);
    cmd.AddValue("trafficStart", "when the flows start (the tunnels are up by then)", trafficStart);
    cmd.AddValue("flowRate", "UDP rate of each flow (OnOff, always on)", flowRate);
    cmd.AddValue(
        "packetSize", "UDP payload / TCP segment size of the flows (1..1300 bytes)", packetSize);
    cmd.AddValue("tcp", "TCP BulkSend flows instead of UDP OnOff", tcp);
    security.AddToCommandLine(cmd);
    trace.AddToCommandLine(cmd);
    cmd.Parse(argc, argv);

    if (packetSize < 1 || packetSize > 1300)
    {
        std::cerr << "--packetSize must be between 1 and 1300" << std::endl;
        return 1;
    }
    if (flowRate.GetBitRate() == 0)
    {
        std::cerr << "--flowRate must be > 0" << std::endl;
        return 1;
    }
    if (!duration.IsStrictlyPositive() || trafficStart.IsStrictlyNegative()
        || trafficStart >= duration)
    {
        std::cerr << "--duration must be > 0 and --trafficStart in [0, duration)" << std::endl;
        return 1;
    }
    std::string problem = trace.Validate();
    if (!problem.empty())
    {
        std::cerr << problem << std::endl;
        return 1;
    }

    PptpBranchOfficeTopology topology;
    topology.SetSiteCount(sites);
    topology.SetHostsPerSite(hostsPerSite);
    topology.SetHeadOfficeHostCount(headOfficeHosts);
    topology.SetWanDataRate(rate);
    topology.SetWanDelay(delay);
    topology.SetWanLoss(loss);
    topology.SetWanJitter(jitter);
    topology.SetSecurity(security);
    problem = topology.Validate();
    if (!problem.empty())
    {
        std::cerr << problem << std::endl;
        return 1;
    }
    topology.Install();
    topology.AssignStreams(1);

    // The flows: a ring between the sites (when there are two or more) and every site to the
    // head office.
    ApplicationContainer sinks;
    ApplicationContainer sources;
    std::set<uint32_t> sinkNodes;
    auto addFlow = [&](Ptr<Node> from, Ptr<Node> to, Ipv4Address toAddress)
    {
        std::string factory = tcp ? "ns3::TcpSocketFactory" : "ns3::UdpSocketFactory";
        if (sinkNodes.insert(to->GetId()).second)
        {
            PacketSinkHelper sink(factory, InetSocketAddress(Ipv4Address::GetAny(), SINK_PORT));
            sinks.Add(sink.Install(to));
        }
        InetSocketAddress remote(toAddress, SINK_PORT);
        if (tcp)
        {
            BulkSendHelper bulk(factory, remote);
            bulk.SetAttribute("SendSize", UintegerValue(packetSize));
            sources.Add(bulk.Install(from));
        }
        else
        {
            OnOffHelper onOff(factory, remote);
            onOff.SetConstantRate(flowRate, packetSize);
            sources.Add(onOff.Install(from));
        }
    };
    const uint32_t last = hostsPerSite - 1;
    for (uint32_t i = 0; i < sites && sites > 1; ++i)
    {
        uint32_t next = (i + 1) % sites;
        addFlow(topology.GetSiteHost(i, 0),
                topology.GetSiteHost(next, last),
                topology.GetSiteHostAddress(next, last));
    }
    for (uint32_t i = 0; i < sites; ++i)
    {
        addFlow(topology.GetSiteHost(i, last),
                topology.GetHeadOfficeHost(0),
                topology.GetHeadOfficeHostAddress(0));
    }
    sinks.Start(Seconds(0));
    sources.Start(trafficStart);
    // The sources stop a little before the end, so that what they sent can arrive.
    sources.Stop(duration - std::min(MilliSeconds(500), (duration - trafficStart) / 2));

    FlowMonitorHelper flowHelper;
    NodeContainer hosts = topology.GetAllSiteHosts();
    hosts.Add(topology.GetHeadOfficeHosts());
    Ptr<FlowMonitor> monitor = flowHelper.Install(hosts);
    Ptr<Ipv4FlowClassifier> classifier
        = DynamicCast<Ipv4FlowClassifier>(flowHelper.GetClassifier());

    // The trace database: every node by role, both ends of every tunnel, the flows.
    Ptr<PptpTraceCollector> collector = trace.Open("pptp-branch-office", cmd, argc, argv);
    if (collector)
    {
        for (uint32_t i = 0; i < sites; ++i)
        {
            std::string site = "site" + std::to_string(i);
            collector->SetNodeRole(topology.GetBranchRouter(i), "branch-router", site + "-router");
            for (uint32_t j = 0; j < hostsPerSite; ++j)
            {
                collector->SetNodeRole(
                    topology.GetSiteHost(i, j), "host", site + "-host" + std::to_string(j));
            }
        }
        collector->SetNodeRole(topology.GetServerNode(), "server", "head-office");
        collector->SetNodeRole(topology.GetIspRouter(), "router", "isp-router");
        for (uint32_t j = 0; j < headOfficeHosts; ++j)
        {
            collector->SetNodeRole(
                topology.GetHeadOfficeHost(j), "host", "head-office-host" + std::to_string(j));
        }
        collector->Watch(topology.GetBranchApps());
        collector->Watch(topology.GetServerApps());
        collector->WatchFlows(monitor, classifier);
    }

    std::cout << "PPTP branch offices: " << sites << " sites of " << hostsPerSite << " hosts, WAN "
              << rate << " " << delay.As(Time::MS) << " loss " << loss << ", head office "
              << topology.GetServerAddress() << std::endl;
    std::cout << "PPP: authentication " << security.auth << ", MPPE " << security.mppe
              << (security.IsEncrypted() ? (security.stateless ? " stateless" : " stateful") : "")
              << std::endl;

    Simulator::Stop(duration);
    Simulator::Run();

    // One line per site.
    Ptr<PptpServer> server = topology.GetServer();
    uint32_t hubUp = 0;
    for (Ptr<PptpTunnel> tunnel : server->GetTunnels())
    {
        hubUp += tunnel->IsUp() ? 1 : 0;
    }
    for (uint32_t i = 0; i < sites; ++i)
    {
        Ptr<PptpTunnel> tunnel = topology.GetBranchClient(i)->GetTunnel();
        std::cout << "Site " << i << ": ";
        if (!tunnel || !tunnel->IsUp())
        {
            std::cout << "tunnel down, router " << topology.GetBranchRouterAddress(i) << ", user "
                      << topology.GetSiteUser(i) << std::endl;
            continue;
        }
        Ptr<MppeChannel> mppe = tunnel->GetPppLink()->GetMppeChannel();
        Ptr<GreSession> session = tunnel->GetSession();
        std::cout << "tunnel up, router " << topology.GetBranchRouterAddress(i) << ", tunnel "
                  << tunnel->GetTunnelAddress() << ", user " << topology.GetSiteUser(i) << ", LAN "
                  << PrefixText(topology.GetSiteNetwork(i)) << ", MPPE "
                  << (mppe && mppe->IsStarted() ? "on" : "off") << ", GRE data sent "
                  << session->GetTxDataPackets() << ", received " << session->GetRxDataPackets()
                  << std::endl;
    }
    std::cout << "Tunnels up at the head office: " << hubUp << " of " << sites << std::endl;

    // One line per flow.
    monitor->CheckForLostPackets();
    uint32_t flows = 0;
    uint32_t delivering = 0;
    double totalBps = 0;
    for (const auto& [id, stats] : monitor->GetFlowStats())
    {
        Ipv4FlowClassifier::FiveTuple t = classifier->FindFlow(id);
        if (t.destinationPort != SINK_PORT)
        {
            continue; // the TCP acknowledgments' flows
        }
        ++flows;
        double seconds = (stats.timeLastRxPacket - stats.timeFirstTxPacket).GetSeconds();
        double bps = stats.rxPackets > 0 && seconds > 0 ? stats.rxBytes * 8.0 / seconds : 0.0;
        double delayMs
            = stats.rxPackets > 0 ? stats.delaySum.GetSeconds() * 1000.0 / stats.rxPackets : 0.0;
        delivering += stats.rxPackets > 0 ? 1 : 0;
        totalBps += bps;
        std::cout << "Flow " << id << " " << t.sourceAddress << " -> " << t.destinationAddress
                  << (tcp ? " TCP" : " UDP") << ": sent " << stats.txPackets << ", received "
                  << stats.rxPackets << ", lost " << stats.lostPackets << ", throughput "
                  << std::fixed << std::setprecision(3) << bps / 1e6 << " Mb/s, mean delay "
                  << delayMs << " ms" << std::defaultfloat << std::endl;
    }
    std::cout << "Flows delivering: " << delivering << " of " << flows << std::endl;
    std::cout << "Total throughput: " << std::fixed << std::setprecision(3) << totalBps / 1e6
              << " Mb/s" << std::defaultfloat << std::endl;
    std::cout << "Head office calls established: " << server->GetEstablishedCalls()
              << ", unrouted: " << server->GetUnroutedCalls() << std::endl;

    if (collector)
    {
        collector->Finish();
        std::cout << "Trace database: " << trace.db << ", run " << collector->GetRunId() << ", "
                  << collector->GetRowCount() << " rows" << std::endl;
    }
    Simulator::Destroy();
    return 0;
}
