/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/*
 * Capacity planning of a PPTP remote-access server (RFC 2637): clients arrive, hold their
 * tunnel for a while, send traffic through it and leave, as a teletraffic model.
 *
 *   client 0 --access--+
 *   client 1 --access--+-- ISP router ==core== server ==lan== host 0 ... host H-1
 *   ...                |
 *   client N-1 -access-+        (PptpRemoteAccessTopology)
 *
 * Arrivals are a Poisson process: the time between two arrivals is exponential with mean
 * 1 / --arrivalRate, the first at --firstArrival; at most --clients arrive, and none after
 * --duration (the simulation's end). Each arriving client opens its control connection
 * (SCCRQ), places its call and brings PPP up (MS-CHAPv2, MPPE-128 stateless by default: the
 * --auth/--mppe/--stateless options); it holds the call for an exponential time of mean
 * --holdMean counted from the call's establishment (PptpClient CallDuration), then clears it
 * and stops its control connection. While its tunnel is up it runs an on-off UDP source to
 * its own port on a LAN host: --clientRate during exponential on periods of mean --onMean,
 * silent during exponential off periods of mean --offMean, --packetSize bytes a datagram.
 * The access links have --accessRate, --accessDelay, --accessLoss and --accessJitter; the
 * server's link to the ISP --coreRate. The server admits at most --maxCalls calls and
 * --maxConnections control connections (beyond them it refuses with No-Resource, RFC 2637
 * s.2.16). Every random variable has a fixed stream (AssignStreams), so --seed and --run
 * (ns-3's RngSeed and RngRun; --RngRun works too) select independent replications.
 *
 * The summary, one figure a line: tunnels attempted, up, failed and still setting up at the
 * end; the set-up delay from SCCRQ sent to tunnel up (mean, median, 95th percentile);
 * concurrent tunnels (peak and time average); per-client goodput (mean, min, 5th, 50th, 95th
 * percentile, max, over the time each tunnel was up); the server's load (calls established and
 * refused, peak and mean calls, aggregate goodput into the LAN, core link utilisation).
 *
 * The trace database (--db=FILE; --db= for none; schema in doc/pptp.rst): one run of experiment
 * "pptp-remote-access-capacity", label --label. Besides the collector's own rows, the figures
 * of the summary are events of category 'summary' at the end of the run (node: the server;
 * name = the figure, value = the number): tunnels_attempted, tunnels_up, tunnels_failed,
 * tunnels_pending, setup_delay_mean_s, setup_delay_p50_s, setup_delay_p95_s,
 * concurrent_tunnels_max, concurrent_tunnels_mean, client_goodput_mean_bps,
 * client_goodput_p5_bps, client_goodput_p50_bps, client_goodput_p95_bps, server_calls_refused,
 * server_calls_max, server_calls_mean, server_goodput_bps, core_utilisation. Each client's
 * arrival is an event of category 'capacity', name 'arrival', value = its drawn holding time
 * in seconds, on the client's node; its departure (tunnel down) 'departure'. The set-up delays
 * are also in the tunnel table (up_s - started_s, role 'client'), the goodput of every client
 * in the flow table (UDP flows to port 40000 + client index).
 *
 *   ./pptp-remote-access-capacity --clients=50 --arrivalRate=10 --holdMean=5s --duration=20s
 *   ./pptp-remote-access-capacity --maxCalls=8 --coreRate=2Mbps --run=3 --db=capacity.db
 */

#include "pptp-client.h"
#include "pptp-control-message.h"
#include "pptp-remote-access-topology.h"
#include "pptp-security-options.h"
#include "pptp-server.h"
#include "pptp-trace-collector.h"
#include "pptp-trace-options.h"
#include "pptp-tunnel.h"

#include "ns3/application-container.h"
#include "ns3/boolean.h"
#include "ns3/command-line.h"
#include "ns3/data-rate.h"
#include "ns3/double.h"
#include "ns3/flow-monitor-helper.h"
#include "ns3/inet-socket-address.h"
#include "ns3/ipv4-flow-classifier.h"
#include "ns3/node-container.h"
#include "ns3/nstime.h"
#include "ns3/on-off-helper.h"
#include "ns3/onoff-application.h"
#include "ns3/packet-sink-helper.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/random-variable-stream.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// The LAN port of client 0's flow; client i sends to this + i.
constexpr uint16_t BASE_PORT = 40000;
/// Most clients (--clients).
constexpr uint32_t MAX_CLIENTS = 16000;
/// First random stream of the example's own variables (the topology's follow them).
constexpr int64_t STREAM_BASE = 1000;
/// First stream of the topology: after every possible client's source, so that no stream
/// depends on how many clients arrived (a longer --duration keeps the first clients' draws).
constexpr int64_t TOPOLOGY_STREAM = STREAM_BASE + 2 + 2 * static_cast<int64_t>(MAX_CLIENTS);

/// What one client did.
struct ClientRecord
{
    Ptr<Node> node;                 //!< its node
    Time arrival;                   //!< when its application started
    Time hold;                      //!< its drawn holding time
    Time sccrq{Seconds(-1)};        //!< SCCRQ sent (< 0: never)
    Time established{Seconds(-1)};  //!< call established (< 0: never)
    Time up{Seconds(-1)};           //!< tunnel up (< 0: never)
    Time down{Seconds(-1)};         //!< tunnel down (< 0: never)
    bool ended{false};              //!< its control connection or call ended
    uint16_t host{0};               //!< the LAN host its flow goes to
    uint64_t deliveredBytes{0};     //!< bytes its sink received
    Ptr<OnOffApplication> source{}; //!< its traffic source, once the tunnel is up
};

/// A count that changes over time: its peak and its time integral.
struct Occupancy
{
    uint32_t now{0};  //!< the current value
    uint32_t peak{0}; //!< the largest value
    double area{0};   //!< integral over time (value * seconds)
    Time last{0};     //!< when the value last changed
    Time origin{0};   //!< start of the averaging window

    /**
     * \brief The value becomes value at the current simulation time.
     * \param value the new value
     */
    void
    Set(uint32_t value)
    {
        Time t = Simulator::Now();
        area += now * (t - last).GetSeconds();
        last = t;
        now = value;
        peak = std::max(peak, now);
    }

    /**
     * \brief The time average from the origin to a moment.
     * \param end the moment (not before the last change)
     * \return the average
     */
    double
    Mean(Time end) const
    {
        double span = (end - origin).GetSeconds();
        double total = area + now * (end - last).GetSeconds();
        return span > 0 ? total / span : 0.0;
    }
};

/// Everything the trace sinks write.
struct State
{
    std::vector<ClientRecord> clients; //!< one per client
    Occupancy tunnels;                 //!< tunnels up (client side)
    Occupancy serverCalls;             //!< calls the server holds (any state)
    Ptr<PptpTraceCollector> collector; //!< the database (nullptr: none)
    OnOffHelper* traffic{nullptr};     //!< makes the clients' sources
    std::vector<Ipv4Address> hosts;    //!< LAN host addresses
    uint64_t coreBytes{0};             //!< bytes the router sent to the server
} g_state;                             //!< the one simulation's state

/**
 * \brief An event of the example in the database, if one is open.
 * \param node the node
 * \param category the category
 * \param name the name
 * \param value the number
 */
void
Record(Ptr<Node> node, const std::string& category, const std::string& name, double value)
{
    if (g_state.collector)
    {
        g_state.collector->AddEvent(node, category, name, "", value);
    }
}

/// Client i's application started.
void
Arrive(uint32_t i)
{
    const ClientRecord& r = g_state.clients[i];
    Record(r.node, "capacity", "arrival", r.hold.GetSeconds());
}

/// Client i sent a control message: the first SCCRQ starts its set-up delay.
void
ClientTx(uint32_t i, const PptpControlMessage& message)
{
    ClientRecord& r = g_state.clients[i];
    if (r.sccrq.IsNegative()
        && message.GetMessageType() == PptpControlMessageType::START_CONTROL_CONNECTION_REQUEST)
    {
        r.sccrq = Simulator::Now();
    }
}

/// Client i's call came up.
void
ClientEstablished(uint32_t i, uint16_t, uint16_t, uint16_t, uint16_t, uint16_t)
{
    g_state.clients[i].established = Simulator::Now();
}

/// Client i's call ended (cleared or refused).
void
ClientCleared(uint32_t i, uint16_t, PptpCallClearReason, uint8_t)
{
    g_state.clients[i].ended = true;
}

/// Client i's control connection changed state: IDLE is the end.
void
ClientControlState(uint32_t i, PptpControlConnectionState, PptpControlConnectionState state)
{
    if (state == PptpControlConnectionState::IDLE)
    {
        g_state.clients[i].ended = true;
    }
}

/// Client i's tunnel is up: its traffic source starts, to stop when its call is cleared.
void
ClientTunnelUp(uint32_t i, uint16_t, Ptr<PptpTunnel>)
{
    ClientRecord& r = g_state.clients[i];
    r.up = Simulator::Now();
    g_state.tunnels.Set(g_state.tunnels.now + 1);
    Time remaining = r.established + r.hold - Simulator::Now();
    if (!remaining.IsStrictlyPositive())
    {
        return;
    }
    g_state.traffic->SetAttribute(
        "Remote", AddressValue(InetSocketAddress(g_state.hosts[r.host], BASE_PORT + i)));
    ApplicationContainer apps = g_state.traffic->Install(r.node);
    r.source = DynamicCast<OnOffApplication>(apps.Get(0));
    // Installed during the simulation: the start and stop are counted from now.
    r.source->SetStartTime(Seconds(0));
    r.source->SetStopTime(remaining);
    r.source->AssignStreams(STREAM_BASE + 2 + 2 * static_cast<int64_t>(i));
}

/// Client i's tunnel is down: it leaves.
void
ClientTunnelDown(uint32_t i, uint16_t, Ptr<PptpTunnel>)
{
    ClientRecord& r = g_state.clients[i];
    if (!r.up.IsNegative() && r.down.IsNegative())
    {
        g_state.tunnels.Set(g_state.tunnels.now - 1);
    }
    r.down = Simulator::Now();
    Record(r.node, "capacity", "departure", (r.down - r.arrival).GetSeconds());
}

/**
 * \brief The server's load is the number of calls it holds.
 * \param server the server
 */
void
UpdateServerCalls(const PptpServer* server)
{
    g_state.serverCalls.Set(server->GetCallCount());
}

/// A call of the server changed state: its load is read once the change has settled.
void
ServerCallState(const PptpServer* server, uint16_t, PptpCallState, PptpCallState)
{
    Simulator::ScheduleNow(&UpdateServerCalls, server);
}

/// Client i's sink received a datagram.
void
SinkRx(uint32_t i, Ptr<const Packet> packet, const Address&)
{
    g_state.clients[i].deliveredBytes += packet->GetSize();
}

/// The router sent a frame to the server on the core link.
void
CoreTx(Ptr<const Packet> packet)
{
    g_state.coreBytes += packet->GetSize();
}

/**
 * \brief The q-quantile of sorted values (nearest rank).
 * \param sorted the values, ascending, not empty
 * \param q the quantile in [0, 1]
 * \return the value
 */
double
Quantile(const std::vector<double>& sorted, double q)
{
    auto rank = static_cast<std::size_t>(std::ceil(q * sorted.size()));
    return sorted[rank == 0 ? 0 : rank - 1];
}

/**
 * \brief The mean of values.
 * \param values the values, not empty
 * \return the mean
 */
double
Mean(const std::vector<double>& values)
{
    double sum = 0;
    for (double v : values)
    {
        sum += v;
    }
    return sum / values.size();
}

/**
 * \brief A number with a fixed number of decimals and a unit.
 * \param value the number
 * \param decimals the decimals
 * \param unit the unit, after a space (none when empty)
 * \return the text
 */
std::string
Fixed(double value, int decimals, const std::string& unit = "")
{
    std::ostringstream os;
    os << std::fixed << std::setprecision(decimals) << value << (unit.empty() ? "" : " ") << unit;
    return os.str();
}

/// How a summary figure is printed (the event holds it as it is).
enum class Shown
{
    COUNT,   //!< a whole number
    MEAN,    //!< two decimals
    MS,      //!< seconds, printed in milliseconds with one decimal
    KBPS,    //!< bit/s, printed in kb/s with one decimal
    PERCENT, //!< a share, printed in per cent with two decimals
};

/**
 * \brief Print one summary line "label: value" and record the figure as a 'summary' event.
 * \param server the server node (the event's node)
 * \param label the line's label
 * \param name the event name
 * \param value the figure
 * \param shown how the line prints it
 */
void
Figure(Ptr<Node> server,
       const std::string& label,
       const std::string& name,
       double value,
       Shown shown = Shown::COUNT)
{
    std::string text;
    switch (shown)
    {
        case Shown::COUNT:
            text = Fixed(value, 0);
            break;
        case Shown::MEAN:
            text = Fixed(value, 2);
            break;
        case Shown::MS:
            text = Fixed(value * 1000, 1, "ms");
            break;
        case Shown::KBPS:
            text = Fixed(value / 1000, 1, "kb/s");
            break;
        case Shown::PERCENT:
            text = Fixed(value * 100, 2, "%");
            break;
    }
    std::cout << label << ": " << text << std::endl;
    Record(server, "summary", name, value);
}

} // namespace

int
main(int argc, char* argv[])
{
    uint32_t clients = 20;
    double arrivalRate = 4;
    Time firstArrival = Seconds(1);
    Time holdMean = Seconds(3);
    Time duration = Seconds(10);
    DataRate clientRate("256kbps");
    Time onMean = Seconds(1);
    Time offMean = Seconds(1);
    uint32_t packetSize = 512;
    uint32_t hosts = 1;
    DataRate accessRate("2Mbps");
    Time accessDelay = MilliSeconds(10);
    double accessLoss = 0;
    Time accessJitter = Seconds(0);
    DataRate coreRate("10Mbps");
    Time coreDelay = MilliSeconds(5);
    uint32_t maxCalls = 100;
    uint32_t maxConnections = 100;
    uint32_t seed = 0;
    uint64_t run = 0;
    PptpSecurityOptions security;
    PptpTraceOptions trace("pptp-remote-access-capacity.db");

    CommandLine cmd(__FILE__);
    cmd.AddValue("clients", "Most clients that arrive (1..16000)", clients);
    cmd.AddValue("arrivalRate", "Client arrivals per second (Poisson process, > 0)", arrivalRate);
    cmd.AddValue("firstArrival", "When the arrival process starts", firstArrival);
    cmd.AddValue("holdMean", "Mean holding time of a call (exponential, > 0)", holdMean);
    cmd.AddValue("duration", "Simulated time; no arrival after it", duration);
    cmd.AddValue("clientRate", "A client's sending rate while on", clientRate);
    cmd.AddValue("onMean", "Mean on period of a client's source (exponential, > 0)", onMean);
    cmd.AddValue("offMean", "Mean off period of a client's source (exponential, >= 0)", offMean);
    cmd.AddValue("packetSize", "UDP payload bytes of a client's datagram (1..1400)", packetSize);
    cmd.AddValue("hosts", "LAN hosts the clients' flows are spread over", hosts);
    cmd.AddValue("accessRate", "Data rate of every access link", accessRate);
    cmd.AddValue("accessDelay", "Delay of every access link", accessDelay);
    cmd.AddValue(
        "accessLoss", "Packet loss probability of every access link direction", accessLoss);
    cmd.AddValue("accessJitter", "Largest extra delay of an access link frame", accessJitter);
    cmd.AddValue("coreRate", "Data rate of the ISP router - server link", coreRate);
    cmd.AddValue("coreDelay", "Delay of the ISP router - server link", coreDelay);
    cmd.AddValue("maxCalls", "The server's MaxCalls (0..65535)", maxCalls);
    cmd.AddValue("maxConnections", "The server's MaxControlConnections (>= 1)", maxConnections);
    cmd.AddValue("seed", "RngSeed (0: keep ns-3's, --RngSeed)", seed);
    cmd.AddValue("run", "RngRun, the replication (0: keep ns-3's, --RngRun)", run);
    trace.AddToCommandLine(cmd);
    security.AddToCommandLine(cmd);
    cmd.Parse(argc, argv);

    NS_ABORT_MSG_IF(clients < 1 || clients > MAX_CLIENTS, "--clients must be 1..16000");
    NS_ABORT_MSG_IF(!(arrivalRate > 0), "--arrivalRate must be > 0");
    NS_ABORT_MSG_IF(!holdMean.IsStrictlyPositive(), "--holdMean must be > 0");
    NS_ABORT_MSG_IF(!onMean.IsStrictlyPositive(), "--onMean must be > 0");
    NS_ABORT_MSG_IF(offMean.IsStrictlyNegative(), "--offMean must be >= 0");
    NS_ABORT_MSG_IF(packetSize < 1 || packetSize > 1400, "--packetSize must be 1..1400");
    NS_ABORT_MSG_IF(hosts < 1, "--hosts must be >= 1");
    NS_ABORT_MSG_IF(firstArrival.IsStrictlyNegative() || firstArrival >= duration,
                    "--firstArrival must be >= 0 and before --duration");
    for (const std::string& problem : {security.Validate(), trace.Validate()})
    {
        NS_ABORT_MSG_UNLESS(problem.empty(), problem);
    }
    if (seed != 0)
    {
        RngSeedManager::SetSeed(seed);
    }
    if (run != 0)
    {
        RngSeedManager::SetRun(run);
    }

    // The arrival times and holding times, drawn before the topology is built (it needs the
    // number of clients).
    Ptr<ExponentialRandomVariable> interArrival = CreateObject<ExponentialRandomVariable>();
    interArrival->SetAttribute("Mean", DoubleValue(1.0 / arrivalRate));
    interArrival->SetStream(STREAM_BASE);
    Ptr<ExponentialRandomVariable> holding = CreateObject<ExponentialRandomVariable>();
    holding->SetAttribute("Mean", DoubleValue(holdMean.GetSeconds()));
    holding->SetStream(STREAM_BASE + 1);
    std::vector<ClientRecord>& records = g_state.clients;
    Time next = firstArrival;
    while (records.size() < clients && next < duration)
    {
        ClientRecord r;
        r.arrival = next;
        // At least 1 ms: CallDuration 0 would mean "hold until stopped".
        r.hold = std::max(Seconds(holding->GetValue()), MilliSeconds(1));
        r.host = static_cast<uint16_t>(records.size() % hosts);
        records.push_back(r);
        next += Seconds(interArrival->GetValue());
    }
    const auto n = static_cast<uint32_t>(records.size());

    PptpRemoteAccessTopology topology;
    topology.SetClientCount(n);
    topology.SetLanHostCount(hosts);
    topology.SetAccessDataRate(accessRate);
    topology.SetAccessDelay(accessDelay);
    topology.SetAccessLoss(accessLoss);
    topology.SetAccessJitter(accessJitter);
    topology.SetCoreDataRate(coreRate);
    topology.SetCoreDelay(coreDelay);
    topology.SetSecurity(security);
    topology.SetClientAttribute("StopAfterClear", BooleanValue(true));
    topology.SetServerAttribute("MaxCalls", UintegerValue(maxCalls));
    topology.SetServerAttribute("MaxControlConnections", UintegerValue(maxConnections));
    topology.Install();
    topology.AssignStreams(TOPOLOGY_STREAM);

    Ptr<Node> serverNode = topology.GetServerNode();
    Ptr<PptpTraceCollector> collector = trace.Open("pptp-remote-access-capacity", cmd, argc, argv);
    if (collector)
    {
        PptpWatchTopology(collector, topology);
        g_state.collector = collector;
    }

    OnOffHelper traffic("ns3::UdpSocketFactory", Address());
    traffic.SetConstantRate(clientRate, packetSize);
    traffic.SetAttribute("OnTime",
                         StringValue("ns3::ExponentialRandomVariable[Mean="
                                     + std::to_string(onMean.GetSeconds()) + "]"));
    traffic.SetAttribute("OffTime",
                         StringValue("ns3::ExponentialRandomVariable[Mean="
                                     + std::to_string(offMean.GetSeconds()) + "]"));
    g_state.traffic = &traffic;
    for (uint32_t j = 0; j < hosts; ++j)
    {
        g_state.hosts.push_back(topology.GetLanHostAddress(j));
    }

    for (uint32_t i = 0; i < n; ++i)
    {
        ClientRecord& r = records[i];
        r.node = topology.GetClientNode(i);
        Ptr<PptpClient> client = topology.GetClient(i);
        client->SetStartTime(r.arrival);
        client->SetAttribute("CallDuration", TimeValue(r.hold));
        Simulator::Schedule(r.arrival, &Arrive, i);
        client->TraceConnectWithoutContext("Tx", MakeBoundCallback(&ClientTx, i));
        client->TraceConnectWithoutContext("CallEstablished",
                                           MakeBoundCallback(&ClientEstablished, i));
        client->TraceConnectWithoutContext("CallCleared", MakeBoundCallback(&ClientCleared, i));
        client->TraceConnectWithoutContext("ControlState",
                                           MakeBoundCallback(&ClientControlState, i));
        client->TraceConnectWithoutContext("TunnelUp", MakeBoundCallback(&ClientTunnelUp, i));
        client->TraceConnectWithoutContext("TunnelDown", MakeBoundCallback(&ClientTunnelDown, i));

        PacketSinkHelper sinkHelper("ns3::UdpSocketFactory",
                                    InetSocketAddress(Ipv4Address::GetAny(), BASE_PORT + i));
        ApplicationContainer sink = sinkHelper.Install(topology.GetLanHost(r.host));
        sink.Get(0)->TraceConnectWithoutContext("Rx", MakeBoundCallback(&SinkRx, i));
    }
    Ptr<PptpServer> server = topology.GetServer();
    server->TraceConnectWithoutContext(
        "CallState",
        MakeBoundCallback(&ServerCallState, static_cast<const PptpServer*>(PeekPointer(server))));
    topology.GetCoreDevices().Get(0)->TraceConnectWithoutContext("MacTx", MakeCallback(&CoreTx));
    g_state.tunnels.origin = g_state.tunnels.last = firstArrival;
    g_state.serverCalls.origin = g_state.serverCalls.last = firstArrival;

    FlowMonitorHelper flowHelper;
    Ptr<FlowMonitor> monitor = flowHelper.InstallAll();
    if (collector)
    {
        collector->WatchFlows(monitor, DynamicCast<Ipv4FlowClassifier>(flowHelper.GetClassifier()));
    }

    Simulator::Stop(duration);
    Simulator::Run();

    // The summary.
    const Time end = duration;
    std::cout << "PPTP remote-access capacity: " << n << " clients arrived at "
              << Fixed(arrivalRate, 3) << "/s (Poisson) from " << firstArrival.As(Time::S)
              << ", hold mean " << holdMean.As(Time::S) << " (exponential), simulated "
              << duration.As(Time::S) << std::endl;
    std::cout << "Traffic: on-off UDP, " << clientRate << " while on, on mean "
              << onMean.As(Time::S) << ", off mean " << offMean.As(Time::S) << ", " << packetSize
              << "-byte datagrams to " << hosts << " LAN host(s)" << std::endl;
    std::cout << "Links: access " << accessRate << " / " << accessDelay.As(Time::MS) << ", loss "
              << accessLoss << ", jitter " << accessJitter.As(Time::MS) << "; core " << coreRate
              << " / " << coreDelay.As(Time::MS) << std::endl;
    std::cout << "Security: authentication " << security.auth << ", MPPE " << security.mppe
              << "; server MaxCalls " << maxCalls << ", MaxControlConnections " << maxConnections
              << "; RngSeed " << RngSeedManager::GetSeed() << ", RngRun "
              << RngSeedManager::GetRun() << std::endl;

    uint32_t up = 0;
    uint32_t pending = 0;
    std::vector<double> setup;
    std::vector<double> goodput;
    uint64_t delivered = 0;
    for (const ClientRecord& r : records)
    {
        delivered += r.deliveredBytes;
        if (r.up.IsNegative())
        {
            pending += r.ended ? 0 : 1;
            continue;
        }
        ++up;
        if (!r.sccrq.IsNegative())
        {
            setup.push_back((r.up - r.sccrq).GetSeconds());
        }
        Time last = r.down.IsNegative() ? end : r.down;
        double seconds = (last - r.up).GetSeconds();
        // Over the clients whose source ran (a call may end before its tunnel is up).
        if (r.source && seconds > 0)
        {
            goodput.push_back(r.deliveredBytes * 8.0 / seconds);
        }
    }
    const uint32_t failed = n - up - pending;
    Figure(serverNode, "Tunnels attempted", "tunnels_attempted", n);
    Figure(serverNode, "Tunnels up", "tunnels_up", up);
    Figure(serverNode, "Tunnels failed", "tunnels_failed", failed);
    Figure(serverNode, "Tunnels still setting up at the end", "tunnels_pending", pending);
    std::sort(setup.begin(), setup.end());
    if (setup.empty())
    {
        std::cout << "Set-up delay (SCCRQ to tunnel up): no tunnel up" << std::endl;
    }
    else
    {
        Figure(serverNode,
               "Set-up delay mean (SCCRQ to tunnel up)",
               "setup_delay_mean_s",
               Mean(setup),
               Shown::MS);
        Figure(
            serverNode, "Set-up delay p50", "setup_delay_p50_s", Quantile(setup, 0.5), Shown::MS);
        Figure(
            serverNode, "Set-up delay p95", "setup_delay_p95_s", Quantile(setup, 0.95), Shown::MS);
    }
    Figure(serverNode, "Concurrent tunnels max", "concurrent_tunnels_max", g_state.tunnels.peak);
    Figure(serverNode,
           "Concurrent tunnels mean",
           "concurrent_tunnels_mean",
           g_state.tunnels.Mean(end),
           Shown::MEAN);
    std::sort(goodput.begin(), goodput.end());
    if (goodput.empty())
    {
        std::cout << "Per-client goodput: no tunnel carried traffic" << std::endl;
    }
    else
    {
        Figure(serverNode,
               "Per-client goodput mean",
               "client_goodput_mean_bps",
               Mean(goodput),
               Shown::KBPS);
        std::cout << "Per-client goodput distribution: min " << Fixed(goodput.front() / 1000, 1)
                  << ", p5 " << Fixed(Quantile(goodput, 0.05) / 1000, 1) << ", p50 "
                  << Fixed(Quantile(goodput, 0.5) / 1000, 1) << ", p95 "
                  << Fixed(Quantile(goodput, 0.95) / 1000, 1) << ", max "
                  << Fixed(goodput.back() / 1000, 1) << " kb/s over " << goodput.size()
                  << " clients" << std::endl;
        Record(serverNode, "summary", "client_goodput_p5_bps", Quantile(goodput, 0.05));
        Record(serverNode, "summary", "client_goodput_p50_bps", Quantile(goodput, 0.5));
        Record(serverNode, "summary", "client_goodput_p95_bps", Quantile(goodput, 0.95));
    }
    std::cout << "Server calls established: " << server->GetEstablishedCalls() << std::endl;
    Figure(serverNode, "Server calls refused", "server_calls_refused", server->GetRefusedCalls());
    std::cout << "Server control connections refused: " << server->GetRefusedControlConnections()
              << std::endl;
    Figure(serverNode, "Server load peak calls", "server_calls_max", g_state.serverCalls.peak);
    Figure(serverNode,
           "Server load mean calls",
           "server_calls_mean",
           g_state.serverCalls.Mean(end),
           Shown::MEAN);
    const double span = (end - firstArrival).GetSeconds();
    Figure(serverNode,
           "Server aggregate goodput",
           "server_goodput_bps",
           delivered * 8.0 / span,
           Shown::KBPS);
    Figure(serverNode,
           "Core link utilisation (ISP to server)",
           "core_utilisation",
           g_state.coreBytes * 8.0 / span / coreRate.GetBitRate(),
           Shown::PERCENT);
    std::cout << "Bytes delivered to the LAN: " << delivered << std::endl;

    if (collector)
    {
        collector->Finish();
        std::cout << "Trace database: " << trace.db << ", run " << collector->GetRunId() << ", "
                  << collector->GetRowCount() << " rows" << std::endl;
    }
    g_state.collector = nullptr;
    g_state.traffic = nullptr;
    for (ClientRecord& r : records)
    {
        r.node = nullptr;
        r.source = nullptr;
    }
    Simulator::Destroy();
    return EXIT_SUCCESS;
}
