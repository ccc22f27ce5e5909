/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// PptpTraceCollector (issue 6): a 5 s remote-access run with two clients sending UDP through
// their tunnels to a LAN host is written into an SQLite file, which is then read back: the
// run row and its parameters, control messages, tunnel ends, authentication and PPP phases,
// samples whose byte sums equal what the ppp0 devices carried, FlowMonitor's flows, GRE
// packet rows against the sessions' counters, two runs in one file, the options that turn
// tables off, the schema table against the tables, bad configuration, and the four ways a
// run can stop early (NS_FATAL_ERROR, an uncaught exception, SIGTERM, SIGKILL) run in a
// child process whose database the test then opens.

#include "abort-check.h"
#include "gre-session.h"
#include "pptp-client.h"
#include "pptp-module-version.h"
#include "pptp-net-device.h"
#include "pptp-remote-access-topology.h"
#include "pptp-run-recorder.h"
#include "pptp-server.h"
#include "pptp-test-util.h"
#include "pptp-trace-collector.h"
#include "pptp-trace-schema.h"
#include "pptp-tunnel.h"
#include "trace-db-reader.h"

#include "ns3/boolean.h"
#include "ns3/command-line.h"
#include "ns3/config.h"
#include "ns3/fatal-error.h"
#include "ns3/flow-monitor-helper.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/udp-client-server-helper.h"
#include "ns3/udp-client.h"
#include "ns3/udp-server.h"
#include "ns3/uinteger.h"

#include <array>
#include <boost/test/unit_test.hpp>
#include <csignal>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <unistd.h>
#include <utility>
#include <vector>

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

/// The UDP port of the LAN host's server.
const uint16_t UDP_PORT = 4000;
/// UDP payload of each datagram.
const uint32_t UDP_SIZE = 500;
/// Each client sends a datagram this often.
const Time UDP_INTERVAL = MilliSeconds(20);
/// The IPv4 packet ppp0 carries for each datagram: payload, UDP and IPv4 headers.
const uint32_t IP_SIZE = UDP_SIZE + 8 + 20;

/// What the test itself saw of one tunnel end.
struct TunnelSeen
{
    uint64_t macTxBytes{0};   //!< ppp0 MacTx bytes
    uint64_t macRxBytes{0};   //!< ppp0 MacRx bytes
    uint64_t macTxPackets{0}; //!< ppp0 MacTx packets
    uint64_t macRxPackets{0}; //!< ppp0 MacRx packets
    uint64_t greTx{0};        //!< GRE packets the session sent (data and ack-only)
    uint64_t greRx{0};        //!< GRE packets the session received
    Ptr<GreSession> session;  //!< the session (until the counters are read)
};

/// What a scenario run produced, besides the database.
struct Outcome
{
    int64_t runId{-1};                                           //!< the collector's run
    uint64_t rows{0};                                            //!< rows it wrote
    std::map<std::pair<uint32_t, uint16_t>, TunnelSeen> tunnels; //!< by (node, local Call ID)
    std::map<FlowId, FlowMonitor::FlowStats> flows;              //!< FlowMonitor's flows
    uint64_t udpSent{0};                                         //!< datagrams sent by the clients
    uint64_t udpReceived{0};                                     //!< datagrams the host received
};

/**
 * \brief A fresh path in the build folder (the file and its WAL files removed).
 * \param name the file name
 * \return the path
 */
std::string
FreshPath(const std::string& name)
{
    return FreshDatabase(BinaryDir() + "/collector-test-" + name + ".db");
}

/**
 * \brief A ppp0 trace callback that counts bytes and packets.
 * \param bytes the byte counter
 * \param packets the packet counter
 * \return the callback
 */
Callback<void, Ptr<const Packet>>
Counter(uint64_t* bytes, uint64_t* packets)
{
    return Callback<void, Ptr<const Packet>>(
        [bytes, packets](Ptr<const Packet> p)
        {
            *bytes += p->GetSize();
            ++*packets;
        });
}

/**
 * \brief Count a tunnel end's ppp0 traffic and keep its GRE session.
 * \param outcome where to count
 * \param app the PptpClient or PptpServer
 */
void
HookTunnels(Outcome* outcome, Ptr<Application> app)
{
    uint32_t node = app->GetNode()->GetId();
    app->TraceConnectWithoutContext(
        "TunnelOpened",
        Callback<void, uint16_t, Ptr<PptpTunnel>>(
            [outcome, node](uint16_t callId, Ptr<PptpTunnel> tunnel)
            {
                TunnelSeen* seen = &outcome->tunnels[{node, callId}];
                seen->session = tunnel->GetSession();
                tunnel->GetDevice()->TraceConnectWithoutContext(
                    "MacTx", Counter(&seen->macTxBytes, &seen->macTxPackets));
                tunnel->GetDevice()->TraceConnectWithoutContext(
                    "MacRx", Counter(&seen->macRxBytes, &seen->macRxPackets));
            }));
}

/**
 * \brief Run 2 PPTP clients sending UDP through their tunnels to a LAN host for 5 s (or until
 * stop), with a collector writing into path.
 * \param path the database
 * \param configure sets the collector's Attributes (before Open) and may schedule events; it
 * may keep a reference to the collector's pointer and clear it (the run is then not read)
 * \param network changes the topology before it is installed
 * \return what the run produced
 */
Outcome
RunScenario(const std::string& path,
            const std::function<void(Ptr<PptpTraceCollector>&)>& configure = {},
            const std::function<void(PptpRemoteAccessTopology&)>& network = {})
{
    Outcome outcome;
    PptpRemoteAccessTopology topology;
    topology.SetClientCount(2);
    if (network)
    {
        network(topology);
    }
    topology.Install();
    topology.AssignStreams(1);

    // A program's command line: one value given, one left at its default.
    CommandLine cmd(__FILE__);
    std::string rate = "5Mbps";
    uint32_t clients = 2;
    cmd.AddValue("rate", "Access rate", rate);
    cmd.AddValue("clients", "Number of clients", clients);
    std::vector<std::string> args = {"collector-test", "--rate=7Mbps"};
    std::vector<char*> argv;
    for (std::string& arg : args)
    {
        argv.push_back(arg.data());
    }
    cmd.Parse(static_cast<int>(argv.size()), argv.data());

    Ptr<PptpTraceCollector> collector = CreateObject<PptpTraceCollector>();
    if (configure)
    {
        configure(collector);
    }
    collector->Open(path, "collector-test");
    collector->RecordParameters(cmd, static_cast<int>(argv.size()), argv.data());
    collector->SetNodeRole(topology.GetIspRouter(), "router", "isp");
    collector->SetNodeRole(topology.GetLanHost(0), "host");
    collector->Watch(topology.GetClientApps());
    collector->Watch(topology.GetServerApps());
    HookTunnels(&outcome, topology.GetClient(0));
    HookTunnels(&outcome, topology.GetClient(1));
    HookTunnels(&outcome, topology.GetServer());

    UdpServerHelper serverHelper(UDP_PORT);
    ApplicationContainer sink = serverHelper.Install(topology.GetLanHost(0));
    UdpClientHelper clientHelper(topology.GetLanHostAddress(0), UDP_PORT);
    clientHelper.SetAttribute("MaxPackets", UintegerValue(100000));
    clientHelper.SetAttribute("Interval", TimeValue(UDP_INTERVAL));
    clientHelper.SetAttribute("PacketSize", UintegerValue(UDP_SIZE));
    ApplicationContainer senders = clientHelper.Install(topology.GetClientNodes());
    senders.Start(Seconds(2.5));
    senders.Stop(Seconds(4.5));

    FlowMonitorHelper flowHelper;
    Ptr<FlowMonitor> monitor = flowHelper.InstallAll();
    collector->WatchFlows(monitor, DynamicCast<Ipv4FlowClassifier>(flowHelper.GetClassifier()));

    Simulator::Stop(Seconds(5));
    Simulator::Run();
    if (collector)
    {
        collector->Finish();
        outcome.runId = collector->GetRunId();
        outcome.rows = collector->GetRowCount();
        collector->Dispose();
    }
    outcome.flows = monitor->GetFlowStats();
    for (uint32_t i = 0; i < senders.GetN(); ++i)
    {
        outcome.udpSent += DynamicCast<UdpClient>(senders.Get(i))->GetTotalTx() / UDP_SIZE;
    }
    outcome.udpReceived = DynamicCast<UdpServer>(sink.Get(0))->GetReceived();
    for (auto& [key, seen] : outcome.tunnels)
    {
        seen.greTx = seen.session->GetTxDataPackets() + seen.session->GetTxAckPackets();
        seen.greRx = seen.session->GetRxDataPackets() + seen.session->GetRxAckPackets();
        seen.session = nullptr;
    }
    Simulator::Destroy();
    return outcome;
}

/**
 * \brief A run's filter.
 * \param runId the run
 * \return e.g. " run_id = 1"
 */
std::string
RunFilter(int64_t runId)
{
    return " run_id = " + std::to_string(runId);
}

/// How a forked child ends its run.
enum class EarlyStop
{
    FATAL,     //!< NS_FATAL_ERROR
    EXCEPTION, //!< an uncaught exception; the collector outlives the stack (held globally)
    UNWOUND,   //!< an uncaught exception that unwinds the stack holding the collector
    TERM,      //!< raise(SIGTERM)
    KILL,      //!< raise(SIGKILL)
};

/// The child's collector when the program holds it beyond the stack an exception unwinds.
Ptr<PptpTraceCollector> g_heldCollector;

/// When the child stops (between two sample ticks, after the commit at 3 s).
const Time STOP_AT = Seconds(3.55);

/**
 * \brief The event that ends the child.
 * \param how how
 */
void
StopNow(EarlyStop how)
{
    switch (how)
    {
        case EarlyStop::FATAL:
            NS_FATAL_ERROR("collector test: fatal error on purpose");
        case EarlyStop::EXCEPTION:
        case EarlyStop::UNWOUND:
            throw std::runtime_error("collector test exception");
        case EarlyStop::TERM:
            std::raise(SIGTERM);
            break;
        case EarlyStop::KILL:
            std::raise(SIGKILL);
            break;
    }
}

/**
 * \brief The child's run; noexcept, so that an exception escaping it ends in std::terminate
 * and not in Boost.Test's handlers.
 * \param path the database
 * \param how how the run ends
 */
[[noreturn]] void
ChildRun(const std::string& path, EarlyStop how) noexcept
{
    RunScenario(path,
                [how](Ptr<PptpTraceCollector> collector)
                {
                    if (how == EarlyStop::EXCEPTION)
                    {
                        g_heldCollector = collector;
                    }
                    Simulator::Schedule(STOP_AT, &StopNow, how);
                });
    _exit(0);
}

/**
 * \brief Run a child that stops early and check what its database holds.
 * \param how how it stops
 * \param signal the signal the child must die of
 * \param status the run's expected status
 * \param detail text the status_detail must contain ("" when it must be NULL)
 */
void
CheckEarlyStop(EarlyStop how, int signal, const std::string& status, const std::string& detail)
{
    std::string path = FreshPath("early-stop-" + std::to_string(static_cast<int>(how)));
    ChildExit child = RunInChild([&path, how]() { ChildRun(path, how); });
    BOOST_TEST_REQUIRE(child.Signal() != 0, child.errors);
    BOOST_TEST(child.Signal() == signal, child.errors);

    TraceDbReader db(path);
    BOOST_TEST(db.Text("SELECT status FROM run") == status);
    std::string statusDetail = db.Text("SELECT status_detail FROM run");
    if (detail.empty())
    {
        BOOST_TEST(statusDetail == "<null>");
        BOOST_TEST(db.Text("SELECT finished_wall FROM run") == "<null>");
    }
    else
    {
        BOOST_TEST(statusDetail.find(detail) != std::string::npos, statusDetail);
        BOOST_TEST(db.Text("SELECT finished_wall FROM run") != "<null>");
    }
    // Both tunnels came up before the stop, and their events were committed.
    BOOST_TEST(db.Int("SELECT count(*) FROM event WHERE category = 'tunnel' AND name = 'up'") == 4);
    BOOST_TEST(db.Int("SELECT count(*) FROM run_param WHERE key = 'rate'") == 1);
    double lastSample = db.Double("SELECT max(time_s) FROM sample");
    double simTime = db.Double("SELECT sim_time_s FROM run");
    if (signal == SIGKILL)
    {
        // Only what the commit at 3 s held (it runs before the sample of 3 s): the samples of
        // 3.0 .. 3.5 s are lost.
        BOOST_TEST(lastSample == 2.9, boost::test_tools::tolerance(1e-9));
        BOOST_TEST(simTime == 3.0, boost::test_tools::tolerance(1e-9));
    }
    else if (signal == SIGTERM)
    {
        // The handler only notes the signal; the next call into sqlite (the first row of the
        // sample at 3.6 s) commits the open batch and ends the run.
        BOOST_TEST(lastSample == 3.6, boost::test_tools::tolerance(1e-9));
        BOOST_TEST(simTime == 3.6, boost::test_tools::tolerance(1e-9));
    }
    else
    {
        // The open batch was committed at the stop.
        BOOST_TEST(lastSample == 3.5, boost::test_tools::tolerance(1e-9));
        BOOST_TEST(simTime == STOP_AT.GetSeconds(), boost::test_tools::tolerance(1e-9));
    }
}

/// Tables and columns of the contract (schema.md), in order.
const std::map<std::string, std::vector<std::string>> CONTRACT = {
    {"meta", {"key", "value"}},
    {"schema", {"table_name", "column_name", "type", "unit", "description"}},
    {"run",
     {"run_id",
      "experiment",
      "label",
      "seed",
      "run_number",
      "started_wall",
      "finished_wall",
      "status",
      "status_detail",
      "module_version",
      "ns3_version",
      "sim_time_s",
      "wall_s"}},
    {"run_param", {"run_id", "key", "value", "source"}},
    {"node", {"run_id", "node_id", "name", "role"}},
    {"tunnel",
     {"run_id",
      "tunnel_id",
      "node_id",
      "role",
      "local_call_id",
      "peer_call_id",
      "outer_local",
      "outer_peer",
      "inner_local",
      "inner_peer",
      "user",
      "started_s",
      "opened_s",
      "up_s",
      "down_s",
      "down_reason",
      "auth_method",
      "auth_ok",
      "mppe"}},
    {"event", {"run_id", "time_s", "node_id", "tunnel_id", "category", "name", "detail", "value"}},
    {"sample",
     {"run_id",
      "time_s",
      "tunnel_id",
      "tx_bytes",
      "rx_bytes",
      "tx_packets",
      "rx_packets",
      "tx_bps",
      "rx_bps",
      "rtt_s",
      "window",
      "outstanding",
      "ack_timeout_s",
      "drops"}},
    {"flow",
     {"run_id",
      "flow_id",
      "src",
      "dst",
      "protocol",
      "src_port",
      "dst_port",
      "tx_packets",
      "rx_packets",
      "tx_bytes",
      "rx_bytes",
      "lost_packets",
      "first_tx_s",
      "last_tx_s",
      "first_rx_s",
      "last_rx_s",
      "throughput_bps",
      "mean_delay_s",
      "mean_jitter_s"}},
    {"flow_delay", {"run_id", "flow_id", "bin_start_s", "bin_width_s", "count"}},
    {"packet", {"run_id", "time_s", "tunnel_id", "direction", "layer", "seq", "ack", "size"}},
};

} // namespace

BOOST_AUTO_TEST_SUITE(PptpTraceCollectorTest)

BOOST_AUTO_TEST_CASE(RunRowAndParameters)
{
    RngSeedManager::SetSeed(7);
    RngSeedManager::SetRun(3);
    Config::SetDefault("ns3::TcpSocket::SegmentSize", UintegerValue(1000));
    std::string path = FreshPath("run");
    Outcome outcome = RunScenario(path);
    RngSeedManager::SetSeed(1);
    RngSeedManager::SetRun(1);
    Config::SetDefault("ns3::TcpSocket::SegmentSize", UintegerValue(536));
    TraceDbReader db(path);
    std::string run = RunFilter(outcome.runId);
    BOOST_TEST(outcome.runId == 1);
    BOOST_TEST(db.Text("SELECT status FROM run WHERE" + run) == "finished");
    BOOST_TEST(db.Text("SELECT experiment FROM run WHERE" + run) == "collector-test");
    BOOST_TEST(db.Text("SELECT label FROM run WHERE" + run) == "<null>");
    BOOST_TEST(db.Int("SELECT seed FROM run WHERE" + run) == 7);
    BOOST_TEST(db.Int("SELECT run_number FROM run WHERE" + run) == 3);
    BOOST_TEST(db.Text("SELECT module_version FROM run WHERE" + run) == PPTP_MODULE_VERSION);
    BOOST_TEST(db.Text("SELECT ns3_version FROM run WHERE" + run) == "3.37.0");
    BOOST_TEST(db.Text("SELECT status_detail FROM run WHERE" + run) == "<null>");
    std::string started = db.Text("SELECT started_wall FROM run WHERE" + run);
    std::string finished = db.Text("SELECT finished_wall FROM run WHERE" + run);
    BOOST_TEST(started.size() == 24u); // 2026-01-02T03:04:05.678Z
    BOOST_TEST(started.back() == 'Z');
    BOOST_TEST(started[10] == 'T');
    BOOST_TEST(finished >= started);
    BOOST_TEST(db.Double("SELECT sim_time_s FROM run WHERE" + run) == 5.0,
               boost::test_tools::tolerance(1e-12));
    BOOST_TEST(db.Double("SELECT wall_s FROM run WHERE" + run) > 0);

    // CommandLine: the given value and the default, the command line, the attributes of the
    // module's TypeIds, the global values.
    auto param = [&db, &run](const std::string& key, const std::string& column)
    {
        return db.Text("SELECT " + column + " FROM run_param WHERE" + run + " AND key = '" + key
                       + "'");
    };
    // key, column, expected value (an Attribute of another group, TcpSocket's, only because its
    // default was changed).
    const std::vector<std::array<std::string, 3>> expected = {
        {"rate", "value", "7Mbps"},
        {"rate", "source", "cmdline"},
        {"clients", "value", "2"},
        {"clients", "source", "cmdline"},
        {"argv", "value", "collector-test --rate=7Mbps"},
        {"argv", "source", "argv"},
        {"ns3::GreSession::AckEvery", "source", "attribute"},
        {"ns3::PptpTraceCollector::SampleInterval", "value", "+1e+08ns"},
        {"ns3::PptpServer::Port", "value", "1723"},
        {"RngSeed", "value", "7"},
        {"RngRun", "value", "3"},
        {"RngRun", "source", "global"},
        {"SimulatorImplementationType", "value", "ns3::DefaultSimulatorImpl"},
        {"ns3::TcpSocket::SegmentSize", "value", "1000"},
        {"ns3::TcpSocket::SegmentSize", "source", "attribute"},
    };
    for (const auto& [key, column, value] : expected)
    {
        BOOST_TEST(param(key, column) == value, key << " " << column);
    }
    BOOST_TEST(param("ns3::GreSession::TxQueueSize", "value") != "<none>");
    BOOST_TEST(db.Int("SELECT count(*) FROM run_param WHERE source = 'attribute' AND key LIKE "
                      "'ns3::TcpSocket::%'")
               == 1);

    // Nodes: the roles set and those Watch() wrote.
    BOOST_TEST(db.Int("SELECT count(*) FROM node WHERE role = 'client' AND" + run) == 2);
    BOOST_TEST(db.Int("SELECT count(*) FROM node WHERE role = 'server' AND" + run) == 1);
    BOOST_TEST(db.Text("SELECT name FROM node WHERE role = 'router' AND" + run) == "isp");
    BOOST_TEST(db.Int("SELECT count(*) FROM node WHERE role = 'host' AND" + run) == 1);
    BOOST_TEST(outcome.rows > 100u);
    // The row count is the rows the run has: a tunnel row rewritten as the tunnel changes, or
    // the default of an option replaced by the value given (--rate), is one row.
    int64_t rows = 0;
    for (const char* table :
         {"run", "run_param", "node", "tunnel", "event", "sample", "flow", "flow_delay", "packet"})
    {
        rows += db.Int(std::string("SELECT count(*) FROM ") + table + " WHERE" + run);
    }
    BOOST_TEST(static_cast<int64_t>(outcome.rows) == rows);
    BOOST_TEST(db.Text("SELECT value FROM meta WHERE key = 'schema_version'") == "1");
    BOOST_TEST(db.Text("PRAGMA journal_mode") == "wal");
}

BOOST_AUTO_TEST_CASE(EventsAndTunnels)
{
    std::string path = FreshPath("events");
    Outcome outcome = RunScenario(path);
    TraceDbReader db(path);
    std::string run = RunFilter(outcome.runId);
    int64_t server = db.Int("SELECT node_id FROM node WHERE role = 'server' AND" + run);
    BOOST_TEST_REQUIRE(server >= 0);
    std::string onServer = " AND node_id = " + std::to_string(server);
    std::string onClients = " AND node_id != " + std::to_string(server);
    auto count = [&db, &run](const std::string& where)
    { return db.Int("SELECT count(*) FROM event WHERE" + run + " AND " + where); };
    // Control messages, both directions on both ends.
    BOOST_TEST(count("category = 'control' AND name = 'SCCRQ' AND detail = 'tx'" + onClients) == 2);
    BOOST_TEST(count("category = 'control' AND name = 'SCCRQ' AND detail = 'rx'" + onServer) == 2);
    BOOST_TEST(count("category = 'control' AND name = 'SCCRP' AND detail = 'rx'" + onClients) == 2);
    BOOST_TEST(count("category = 'control' AND name = 'OCRQ' AND detail = 'tx'" + onClients) == 2);
    BOOST_TEST(count("category = 'control' AND name = 'OCRP' AND detail = 'tx'" + onServer) == 2);
    BOOST_TEST(count("category = 'control-state' AND name = 'ESTABLISHED'") == 4);
    BOOST_TEST(count("category = 'call-state' AND name = 'ESTABLISHED' AND value > 0") == 4);
    // Every control event of a connection belongs to the tunnel its SCCRQ started.
    BOOST_TEST(count("category = 'control' AND tunnel_id IS NULL") == 0);
    // Tunnels: opened and up on each end.
    BOOST_TEST(count("category = 'tunnel' AND name = 'opened'") == 4);
    BOOST_TEST(count("category = 'tunnel' AND name = 'up'" + onServer) == 2);
    BOOST_TEST(count("category = 'tunnel' AND name = 'up'" + onClients) == 2);
    BOOST_TEST(db.Int("SELECT count(DISTINCT tunnel_id) FROM event WHERE category = 'tunnel' "
                      "AND name = 'up' AND"
                      + run)
               == 4);
    // PPP: authentication, phases, states, CCP.
    BOOST_TEST(count("category = 'auth' AND name = 'MS-CHAPv2' AND detail = 'success'" + onServer)
               == 2);
    BOOST_TEST(count("category = 'auth' AND name = 'MS-CHAPv2' AND detail = 'success'" + onClients)
               == 2);
    BOOST_TEST(count("category = 'ppp-phase' AND name = 'NETWORK' AND detail = 'AUTHENTICATE'")
               == 4);
    BOOST_TEST(count("category = 'ppp-phase' AND name = 'ESTABLISH'") == 4);
    BOOST_TEST(count("category = 'ppp-state' AND name = 'LCP' AND detail = 'OPENED'") == 4);
    BOOST_TEST(count("category = 'ppp-state' AND name = 'IPCP' AND detail = 'OPENED'") == 4);
    BOOST_TEST(count("category = 'ppp-state' AND name = 'CCP' AND detail = 'OPENED'") == 4);
    BOOST_TEST(count("category = 'ppp-state' AND name = 'AUTH'") >= 4);
    BOOST_TEST(count("category = 'ccp' AND name = 'negotiated' AND detail = 'MPPE-128 "
                     "stateless'")
               == 4);
    BOOST_TEST(count("category = 'drop'") == 0);
    // Events come in time order of the simulation (rowid order).
    BOOST_TEST(db.Int("SELECT count(*) FROM event a JOIN event b ON b.rowid = a.rowid + 1 "
                      "WHERE b.time_s < a.time_s")
               == 0);

    // The tunnel rows.
    BOOST_TEST(db.Int("SELECT count(*) FROM tunnel WHERE" + run) == 4);
    BOOST_TEST(db.Int("SELECT count(*) FROM tunnel WHERE role = 'server' AND" + run + onServer)
               == 2);
    BOOST_TEST(db.Int("SELECT count(*) FROM tunnel WHERE" + run
                      + " AND up_s IS NOT NULL AND started_s <= opened_s AND opened_s <= "
                        "up_s AND down_s IS NULL AND auth_method = 'MS-CHAPv2' AND auth_ok = "
                        "1 AND mppe = 'MPPE-128 stateless' AND user = 'alice' AND "
                        "local_call_id IS NOT NULL AND peer_call_id IS NOT NULL")
               == 4);
    // Each client's inner address is its server tunnel's peer address, and the Call IDs
    // match crosswise.
    BOOST_TEST(db.Int("SELECT count(*) FROM tunnel c JOIN tunnel s ON s.run_id = c.run_id AND "
                      "s.role = 'server' AND c.role = 'client' AND s.inner_peer = c.inner_local "
                      "AND s.inner_local = c.inner_peer AND s.local_call_id = c.peer_call_id AND "
                      "s.peer_call_id = c.local_call_id AND s.outer_peer = c.outer_local AND "
                      "s.outer_local = c.outer_peer WHERE c."
                      + RunFilter(outcome.runId).substr(1))
               == 2);
    BOOST_TEST(
        db.Text("SELECT inner_local FROM tunnel WHERE role = 'server' AND" + run + " LIMIT 1")
        == "10.8.0.1");
}

BOOST_AUTO_TEST_CASE(SamplesMatchTheDevices)
{
    std::string path = FreshPath("samples");
    Outcome outcome = RunScenario(path);
    TraceDbReader db(path);
    std::string run = RunFilter(outcome.runId);
    BOOST_TEST(outcome.udpSent > 150u);
    BOOST_TEST(outcome.udpReceived == outcome.udpSent);
    BOOST_TEST(outcome.tunnels.size() == 4u);
    uint64_t serverRxPackets = 0;
    for (const auto& [key, seen] : outcome.tunnels)
    {
        std::string tunnel = "(SELECT tunnel_id FROM tunnel WHERE" + run
                             + " AND node_id = " + std::to_string(key.first)
                             + " AND local_call_id = " + std::to_string(key.second) + ")";
        std::string where = " FROM sample WHERE" + run + " AND tunnel_id = " + tunnel;
        BOOST_TEST(db.Int("SELECT sum(tx_bytes)" + where) == static_cast<int64_t>(seen.macTxBytes));
        BOOST_TEST(db.Int("SELECT sum(rx_bytes)" + where) == static_cast<int64_t>(seen.macRxBytes));
        BOOST_TEST(db.Int("SELECT sum(tx_packets)" + where)
                   == static_cast<int64_t>(seen.macTxPackets));
        BOOST_TEST(db.Int("SELECT sum(rx_packets)" + where)
                   == static_cast<int64_t>(seen.macRxPackets));
        // One sample every 100 ms from the opening to the end (5 s).
        double opened
            = db.Double("SELECT opened_s FROM tunnel WHERE tunnel_id = " + tunnel + " AND" + run);
        double first = db.Double("SELECT min(time_s)" + where);
        BOOST_TEST(first > opened);
        BOOST_TEST(first <= opened + 0.1 + 1e-9);
        BOOST_TEST(db.Double("SELECT max(time_s)" + where) == 5.0,
                   boost::test_tools::tolerance(1e-9));
        int64_t expected = static_cast<int64_t>(std::lround((5.0 - first) / 0.1)) + 1;
        BOOST_TEST(db.Int("SELECT count(*)" + where) == expected);
        BOOST_TEST(db.Int("SELECT count(*) FROM sample a JOIN sample b ON b.run_id = a.run_id "
                          "AND b.tunnel_id = a.tunnel_id AND b.time_s > a.time_s AND b.time_s < "
                          "a.time_s + 0.1 - 1e-9 WHERE a."
                          + run.substr(1) + " AND a.tunnel_id = " + tunnel)
                   == 0);
        // The rate is the bytes over the interval.
        BOOST_TEST(db.Int("SELECT count(*)" + where + " AND time_s > "
                          + std::to_string(first + 0.05)
                          + " AND abs(tx_bps - tx_bytes * 80.0) > 1e-3")
                   == 0);
        BOOST_TEST(db.Int("SELECT count(*)" + where + " AND window < 1") == 0);
        BOOST_TEST(db.Int("SELECT count(*)" + where + " AND ack_timeout_s <= 0") == 0);
        if (db.Text("SELECT role FROM tunnel WHERE tunnel_id = " + tunnel + " AND" + run)
            == "server")
        {
            serverRxPackets += seen.macRxPackets;
        }
        else
        {
            // The client's datagrams, and only them, went into its ppp0.
            BOOST_TEST(seen.macTxBytes == seen.macTxPackets * IP_SIZE);
            BOOST_TEST(db.Int("SELECT count(*)" + where + " AND rtt_s > 0") > 5);
        }
    }
    BOOST_TEST(serverRxPackets == outcome.udpReceived);
}

BOOST_AUTO_TEST_CASE(TunnelsGoingDown)
{
    // Calls held for 1.5 s: both ends close their tunnel, the last sample ends there.
    std::string path = FreshPath("down");
    Outcome held
        = RunScenario(path,
                      {},
                      [](PptpRemoteAccessTopology& t)
                      { t.SetClientAttribute("CallDuration", TimeValue(MilliSeconds(1500))); });
    // A wrong password: the server refuses the client, which clears the call.
    Outcome refused
        = RunScenario(path,
                      {},
                      [](PptpRemoteAccessTopology& t)
                      { t.SetClientPppAttribute("Password", StringValue("wrong password")); });
    TraceDbReader db(path);
    std::string run = RunFilter(held.runId);
    BOOST_TEST(db.Int("SELECT count(*) FROM tunnel WHERE" + run
                      + " AND down_s IS NOT NULL AND down_s > up_s AND down_reason != ''")
               == 4);
    BOOST_TEST(db.Int("SELECT count(*) FROM event WHERE category = 'tunnel' AND name = 'down' "
                      "AND detail IS NOT NULL AND"
                      + run)
               == 4);
    BOOST_TEST(db.Int("SELECT count(*) FROM event WHERE category = 'control' AND name = 'CCRQ' "
                      "AND detail = 'tx' AND"
                      + run)
               == 2);
    BOOST_TEST(db.Int("SELECT count(*) FROM event WHERE category = 'control' AND name = 'CDN' "
                      "AND detail = 'tx' AND"
                      + run)
               == 2);
    // No sample after a tunnel went down; its last one at the moment it went down.
    BOOST_TEST(db.Int("SELECT count(*) FROM sample s JOIN tunnel t USING (run_id, tunnel_id) "
                      "WHERE s."
                      + run.substr(1) + " AND s.time_s > t.down_s")
               == 0);
    BOOST_TEST(db.Int("SELECT count(*) FROM tunnel t WHERE" + run
                      + " AND abs((SELECT max(time_s) FROM sample s WHERE s.run_id = t.run_id "
                        "AND s.tunnel_id = t.tunnel_id) - t.down_s) < 1e-9")
               == 4);

    run = RunFilter(refused.runId);
    BOOST_TEST(db.Int("SELECT count(*) FROM event WHERE category = 'auth' AND name = "
                      "'MS-CHAPv2' AND detail LIKE 'failure: %' AND"
                      + run)
               >= 2);
    BOOST_TEST(db.Int("SELECT count(*) FROM tunnel WHERE auth_ok = 0 AND auth_method = "
                      "'MS-CHAPv2' AND up_s IS NULL AND down_s IS NOT NULL AND"
                      + run)
               >= 2);
    BOOST_TEST(db.Int("SELECT count(*) FROM event WHERE category = 'tunnel' AND name = "
                      "'up' AND"
                      + run)
               == 0);
    BOOST_TEST(refused.udpReceived == 0u);
}

BOOST_AUTO_TEST_CASE(FinishedBeforeTheSimulationEnds)
{
    // The collector finishes and is deleted at 3 s while the tunnels carry traffic until 4.5 s:
    // it must have disconnected from every trace source (the sanitizer build sees a use after
    // free otherwise), and its run ends at 3 s.
    std::string path = FreshPath("early-finish");
    RunScenario(path,
                [](Ptr<PptpTraceCollector>& collector)
                {
                    Ptr<PptpTraceCollector>* held = &collector;
                    Simulator::Schedule(Seconds(3),
                                        [held]()
                                        {
                                            (*held)->Finish();
                                            *held = nullptr; // the last reference: deleted
                                        });
                });
    TraceDbReader db(path);
    BOOST_TEST(db.Text("SELECT status FROM run") == "finished");
    BOOST_TEST(db.Double("SELECT sim_time_s FROM run") == 3.0, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(db.Double("SELECT max(time_s) FROM sample") == 3.0,
               boost::test_tools::tolerance(1e-12));
    BOOST_TEST(db.Int("SELECT count(*) FROM event WHERE time_s > 3") == 0);
}

BOOST_AUTO_TEST_CASE(FlowsMatchFlowMonitor)
{
    std::string path = FreshPath("flows");
    Outcome outcome = RunScenario(path);
    TraceDbReader db(path);
    std::string run = RunFilter(outcome.runId);
    BOOST_TEST(outcome.flows.size() >= 4u); // two UDP flows, TCP control both ways
    BOOST_TEST(db.Int("SELECT count(*) FROM flow WHERE" + run)
               == static_cast<int64_t>(outcome.flows.size()));
    for (const auto& [id, st] : outcome.flows)
    {
        std::string where = " FROM flow WHERE" + run + " AND flow_id = " + std::to_string(id);
        BOOST_TEST(db.Int("SELECT tx_packets" + where) == static_cast<int64_t>(st.txPackets));
        BOOST_TEST(db.Int("SELECT rx_packets" + where) == static_cast<int64_t>(st.rxPackets));
        BOOST_TEST(db.Int("SELECT tx_bytes" + where) == static_cast<int64_t>(st.txBytes));
        BOOST_TEST(db.Int("SELECT rx_bytes" + where) == static_cast<int64_t>(st.rxBytes));
        BOOST_TEST(db.Int("SELECT lost_packets" + where) == static_cast<int64_t>(st.lostPackets));
        if (st.rxPackets > 0)
        {
            BOOST_TEST(db.Double("SELECT mean_delay_s" + where)
                           == st.delaySum.GetSeconds() / st.rxPackets,
                       boost::test_tools::tolerance(1e-9));
            // The histogram's bins hold every packet received.
            BOOST_TEST(db.Int("SELECT sum(count) FROM flow_delay WHERE" + run
                              + " AND flow_id = " + std::to_string(id))
                       == static_cast<int64_t>(st.rxPackets));
        }
    }
    // The clients' UDP flows to the LAN host, through the tunnels.
    BOOST_TEST(db.Int("SELECT count(*) FROM flow WHERE" + run
                      + " AND protocol = 17 AND dst = '172.16.1.2' AND dst_port = "
                      + std::to_string(UDP_PORT) + " AND src LIKE '10.8.0.%'")
               == 2);
    BOOST_TEST(db.Int("SELECT sum(rx_packets) FROM flow WHERE" + run
                      + " AND protocol = 17 AND dst_port = " + std::to_string(UDP_PORT))
               == static_cast<int64_t>(outcome.udpReceived));
    // The control connections (FlowMonitor classifies TCP and UDP only: no GRE flows).
    BOOST_TEST(
        db.Int("SELECT count(*) FROM flow WHERE" + run + " AND protocol = 6 AND dst_port = 1723")
        == 2);
    BOOST_TEST(db.Int("SELECT count(*) FROM flow WHERE" + run
                      + " AND protocol = 17 AND throughput_bps > 0 AND mean_jitter_s >= 0")
               == 2);
}

BOOST_AUTO_TEST_CASE(TwoRunsInOneFile)
{
    std::string path = FreshPath("two-runs");
    Outcome first = RunScenario(path);
    Outcome second = RunScenario(path, [](Ptr<PptpTraceCollector> c) { c->SetLabel("second"); });
    BOOST_TEST(first.runId == 1);
    BOOST_TEST(second.runId == 2);
    TraceDbReader db(path);
    BOOST_TEST(db.Int("SELECT count(*) FROM run WHERE status = 'finished'") == 2);
    BOOST_TEST(db.Text("SELECT label FROM run WHERE run_id = 2") == "second");
    for (int64_t runId : {first.runId, second.runId})
    {
        std::string run = RunFilter(runId);
        BOOST_TEST(db.Int("SELECT count(*) FROM tunnel WHERE" + run) == 4);
        BOOST_TEST(db.Int("SELECT min(tunnel_id) FROM tunnel WHERE" + run) == 1);
        BOOST_TEST(db.Int("SELECT max(tunnel_id) FROM tunnel WHERE" + run) == 4);
        BOOST_TEST(db.Int("SELECT count(*) FROM event WHERE category = 'tunnel' AND name = "
                          "'up' AND"
                          + run)
                   == 4);
        BOOST_TEST(db.Int("SELECT count(*) FROM run_param WHERE key = 'rate' AND" + run) == 1);
    }
    // The same simulation twice: the same rows apart from the run.
    BOOST_TEST(db.Int("SELECT count(*) FROM sample WHERE run_id = 1")
               == db.Int("SELECT count(*) FROM sample WHERE run_id = 2"));
    BOOST_TEST(db.Int("SELECT count(*) FROM event WHERE run_id = 1")
               == db.Int("SELECT count(*) FROM event WHERE run_id = 2"));
    BOOST_TEST(first.rows == second.rows);
    // The schema descriptions are not repeated per run.
    BOOST_TEST(db.Int("SELECT count(*) FROM schema WHERE column_name = ''")
               == static_cast<int64_t>(PptpTraceSchemaTables().size()));
}

BOOST_AUTO_TEST_CASE(PacketsAndSamplesOptions)
{
    std::string path = FreshPath("options");
    Outcome plain = RunScenario(path);
    Outcome packets = RunScenario(
        path, [](Ptr<PptpTraceCollector> c) { c->SetAttribute("Packets", BooleanValue(true)); });
    Outcome quiet = RunScenario(path,
                                [](Ptr<PptpTraceCollector> c)
                                {
                                    c->SetAttribute("Samples", BooleanValue(false));
                                    c->SetAttribute("Events", BooleanValue(false));
                                    c->SetAttribute("Flows", BooleanValue(false));
                                });
    TraceDbReader db(path);
    BOOST_TEST(db.Int("SELECT count(*) FROM packet WHERE" + RunFilter(plain.runId)) == 0);
    BOOST_TEST(db.Int("SELECT count(*) FROM sample WHERE" + RunFilter(plain.runId)) > 0);
    // Packets: one row per GRE packet each session sent or received.
    std::string run = RunFilter(packets.runId);
    BOOST_TEST(packets.tunnels.size() == 4u);
    for (const auto& [key, seen] : packets.tunnels)
    {
        std::string where = " FROM packet WHERE" + run
                            + " AND tunnel_id = (SELECT tunnel_id FROM tunnel WHERE" + run
                            + " AND node_id = " + std::to_string(key.first)
                            + " AND local_call_id = " + std::to_string(key.second) + ")";
        BOOST_TEST(seen.greTx > 100u);
        BOOST_TEST(db.Int("SELECT count(*)" + where + " AND direction = 'tx'")
                   == static_cast<int64_t>(seen.greTx));
        BOOST_TEST(db.Int("SELECT count(*)" + where + " AND direction = 'rx'")
                   == static_cast<int64_t>(seen.greRx));
        BOOST_TEST(db.Int("SELECT count(*)" + where + " AND layer != 'gre'") == 0);
        // Ack-only packets: no sequence number, the 12-byte header alone.
        BOOST_TEST(db.Int("SELECT count(*)" + where + " AND seq IS NULL AND size != 12") == 0);
        BOOST_TEST(db.Int("SELECT count(*)" + where + " AND seq IS NOT NULL AND size <= 16") == 0);
    }
    BOOST_TEST(packets.rows > plain.rows);
    // Samples, events and flows off: those tables stay empty for the run, the rest is there.
    run = RunFilter(quiet.runId);
    BOOST_TEST(db.Int("SELECT count(*) FROM sample WHERE" + run) == 0);
    BOOST_TEST(db.Int("SELECT count(*) FROM event WHERE" + run) == 0);
    BOOST_TEST(db.Int("SELECT count(*) FROM flow WHERE" + run) == 0);
    BOOST_TEST(db.Int("SELECT count(*) FROM packet WHERE" + run) == 0);
    BOOST_TEST(db.Int("SELECT count(*) FROM tunnel WHERE up_s IS NOT NULL AND" + run) == 4);
    BOOST_TEST(db.Text("SELECT status FROM run WHERE" + run) == "finished");
}

BOOST_AUTO_TEST_CASE(SchemaDescribesEveryColumn)
{
    std::string path = FreshPath("schema");
    {
        // Open and Finish without a simulation: the file has every table.
        Ptr<PptpTraceCollector> collector = CreateObject<PptpTraceCollector>();
        collector->Open(path, "schema-test");
        collector->Finish();
        collector->Dispose();
        Simulator::Destroy();
    }
    TraceDbReader db(path);
    const std::vector<std::string> names = db.Texts("SELECT name FROM sqlite_master WHERE type = "
                                                    "'table' AND name NOT LIKE 'sqlite_%'");
    const std::set<std::string> tables(names.begin(), names.end());
    std::set<std::string> contract;
    for (const auto& entry : CONTRACT)
    {
        contract.insert(entry.first);
    }
    BOOST_TEST(tables == contract);
    for (const std::string& table : tables)
    {
        const std::vector<std::string> columns
            = db.Texts("SELECT name FROM pragma_table_info('" + table + "') ORDER BY cid");
        // The contract's columns first, in its order (more may be added after them).
        const std::vector<std::string>& expected = CONTRACT.at(table);
        BOOST_TEST_REQUIRE(columns.size() >= expected.size());
        BOOST_TEST(std::vector<std::string>(columns.begin(), columns.begin() + expected.size())
                       == expected,
                   boost::test_tools::per_element());
        for (const std::string& column : columns)
        {
            BOOST_TEST(db.Int("SELECT count(*) FROM schema WHERE table_name = '" + table
                              + "' AND column_name = '" + column
                              + "' AND length(description) > 10 AND type IN ('INTEGER', "
                                "'REAL', 'TEXT')")
                           == 1,
                       table << "." << column);
        }
        BOOST_TEST(db.Int("SELECT count(*) FROM schema WHERE table_name = '" + table
                          + "' AND column_name = '' AND length(description) > 10")
                   == 1);
        // No description of a column that does not exist.
        BOOST_TEST(db.Int("SELECT count(*) FROM schema WHERE table_name = '" + table + "'")
                   == static_cast<int64_t>(columns.size() + 1));
    }
    BOOST_TEST(db.Int("SELECT count(DISTINCT table_name) FROM schema")
               == static_cast<int64_t>(tables.size()));
    BOOST_TEST(db.Int("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN "
                      "('event_run_time', 'sample_run_tunnel_time', "
                      "'packet_run_tunnel_time')")
               == 3);
    BOOST_TEST(db.Text("SELECT status FROM run") == "finished");
}

BOOST_AUTO_TEST_CASE(CommandLineHelpIsParsed)
{
    std::string help = "prog [Program Options] [General Arguments]\n"
                       "\n"
                       "Program Options:\n"
                       "    --x:        an x value [1.5]\n"
                       "    --s:        a string\n"
                       "with newline [hello]\n"
                       "    --verbose:  a flag [false]\n"
                       "    --t:        a time [+2s]\n"
                       "    --empty:    empty default\n"
                       "\n"
                       "General Arguments:\n"
                       "    --PrintGlobals:              Print the list of globals.\n"
                       "    --PrintHelp:                 Print this help message.\n";
    // name=default, for Boost to print.
    auto parsed = [](const std::string& text)
    {
        std::vector<std::string> out;
        for (const auto& [name, value] : PptpRunRecorder::ParseHelp(text))
        {
            out.push_back(name + "=" + value);
        }
        return out;
    };
    std::vector<std::string> expected = {"x=1.5", "s=hello", "verbose=false", "t=+2s", "empty="};
    BOOST_TEST(parsed(help) == expected, boost::test_tools::per_element());
    // A real CommandLine's help.
    CommandLine cmd(__FILE__);
    double x = 2.5;
    std::string name = "abc";
    cmd.AddValue("x", "the x", x);
    cmd.AddValue("name", "the name", name);
    std::ostringstream os;
    cmd.PrintHelp(os);
    expected = {"x=2.5", "name=abc"};
    BOOST_TEST(parsed(os.str()) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(BadConfiguration)
{
    Ptr<PptpTraceCollector> collector = CreateObject<PptpTraceCollector>();
    BOOST_TEST(!collector->SetAttributeFailSafe("SampleInterval", TimeValue(Seconds(0))));
    BOOST_TEST(!collector->SetAttributeFailSafe("SampleInterval", TimeValue(Seconds(-1))));
    BOOST_TEST(collector->SetAttributeFailSafe("SampleInterval", TimeValue(MilliSeconds(10))));
    BOOST_TEST(!collector->SetAttributeFailSafe("BatchSize", UintegerValue(0)));
    BOOST_TEST(!collector->SetAttributeFailSafe("BatchSize", UintegerValue(1000001)));
    BOOST_TEST(collector->SetAttributeFailSafe("BatchSize", UintegerValue(1)));
    BOOST_TEST(!collector->SetAttributeFailSafe("CommitInterval", TimeValue(Seconds(0))));
    collector->Dispose();

    // A file that cannot be created: the program stops, naming the path and sqlite's reason.
    std::string bad = "/nonexistent-folder-of-the-collector-test/trace.db";
    ChildExit child = RunInChild(
        [&bad]()
        {
            Ptr<PptpTraceCollector> c = CreateObject<PptpTraceCollector>();
            c->Open(bad, "bad");
        });
    BOOST_TEST(child.Signal() == SIGABRT);
    const std::string& message = child.errors;
    BOOST_TEST(message.find(bad) != std::string::npos, message);
    BOOST_TEST(message.find("unable to open database file") != std::string::npos, message);

    // A second run with the same collector: its tunnels, open ones included, would be carried
    // into the new run, so the program stops.
    std::string path = FreshPath("reopen");
    child = RunInChild(
        [&path]()
        {
            Ptr<PptpTraceCollector> c = CreateObject<PptpTraceCollector>();
            c->Open(path, "first");
            c->Finish();
            c->Open(path, "second");
        });
    BOOST_TEST(child.Signal() == SIGABRT);
    BOOST_TEST(child.errors.find("a collector records one run") != std::string::npos, child.errors);
}

BOOST_AUTO_TEST_CASE(StopByFatalError)
{
    CheckEarlyStop(EarlyStop::FATAL, SIGABRT, "aborted", "std::terminate");
}

BOOST_AUTO_TEST_CASE(StopByUncaughtException)
{
    CheckEarlyStop(
        EarlyStop::EXCEPTION, SIGABRT, "aborted", "uncaught exception: collector test exception");
}

BOOST_AUTO_TEST_CASE(StopByExceptionThatUnwindsTheCollector)
{
    CheckEarlyStop(EarlyStop::UNWOUND, SIGABRT, "aborted", "uncaught exception (the collector");
}

BOOST_AUTO_TEST_CASE(StopBySigterm)
{
    CheckEarlyStop(EarlyStop::TERM, SIGTERM, "aborted", "signal SIGTERM");
}

BOOST_AUTO_TEST_CASE(StopBySigtermWhileNothingIsWritten)
{
    // No tunnel, so no row to write: the periodic commit still calls into sqlite, so the
    // signal (noted by the handler, acted on when a call into sqlite returns) ends the run at
    // the commit of 1 s, not when the 100 s simulation is over.
    std::string path = FreshPath("idle-sigterm");
    ChildExit child = RunInChild(
        [&path]()
        {
            Ptr<PptpTraceCollector> collector = CreateObject<PptpTraceCollector>();
            collector->Open(path, "idle-sigterm");
            Simulator::Schedule(Seconds(0.55), []() { std::raise(SIGTERM); });
            Simulator::Stop(Seconds(100));
            Simulator::Run();
            collector->Finish();
            collector->Dispose();
            Simulator::Destroy();
            _exit(0);
        });
    BOOST_TEST(child.Signal() == SIGTERM, child.errors);
    TraceDbReader db(path);
    BOOST_TEST(db.Text("SELECT status FROM run") == "aborted");
    BOOST_TEST(db.Text("SELECT status_detail FROM run") == "signal SIGTERM");
    BOOST_TEST(db.Double("SELECT sim_time_s FROM run") == 1.0, boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(StopBySigkill)
{
    CheckEarlyStop(EarlyStop::KILL, SIGKILL, "running", "");
}

BOOST_AUTO_TEST_SUITE_END()
