/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/*
 * What the SQLite trace collector costs in wall-clock time. One remote-access scenario (by
 * default 10 clients behind 10 Mb/s access links, MS-CHAPv2 and MPPE-128 stateless; the even
 * clients send UDP at 2 Mb/s each, the odd ones a bulk TCP transfer, all through their tunnels
 * to a LAN host) is run four ways in one process:
 *
 *   none      no collector
 *   events    a collector writing the run, its parameters, the tunnels and the events
 *   periodic  the same and a sample row per tunnel every 100 ms (the default collector)
 *   full      the same and a row per GRE packet (Packets = true)
 *
 * each --repeat times, interleaved (none, events, periodic, full, none, ...) so that a slow
 * phase of the machine hits every way alike. It prints, per way, the median wall time (from
 * opening the database to closing it, the simulation included), the rows written and the rows
 * per second, and the ratio of each median to the median without a collector; then the rows the
 * collector sustains per second of the wall time it adds (full way). The targets:
 * periodic < 1.10, full < 1.50. Build it in Release (cmake -DCMAKE_BUILD_TYPE=Release) for
 * meaningful figures.
 *
 *   ./pptp-trace-benchmark --duration=10s --repeat=3 --clients=10
 */

#include "pptp-remote-access-topology.h"
#include "pptp-trace-collector.h"

#include "ns3/application-container.h"
#include "ns3/boolean.h"
#include "ns3/bulk-send-helper.h"
#include "ns3/command-line.h"
#include "ns3/config.h"
#include "ns3/data-rate.h"
#include "ns3/inet-socket-address.h"
#include "ns3/on-off-helper.h"
#include "ns3/packet-sink-helper.h"
#include "ns3/packet-sink.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// How much the collector records.
enum class Way
{
    NONE,     //!< no collector
    EVENTS,   //!< events only (Samples off)
    PERIODIC, //!< events and periodic samples
    FULL,     //!< events, samples and one row per GRE packet
};

/// Every way, in the order they run and print.
const std::vector<Way> WAYS = {Way::NONE, Way::EVENTS, Way::PERIODIC, Way::FULL};

/// The TCP port of the bulk transfers.
const uint16_t TCP_PORT = 50000;
/// The UDP port of the constant-rate flows.
const uint16_t UDP_PORT = 50001;
/// When the traffic starts: every tunnel is up by then.
const Time TRAFFIC_START = Seconds(2);

/**
 * \brief The name of a way, as printed.
 * \param way the way
 * \return e.g. "periodic"
 */
const char*
WayName(Way way)
{
    switch (way)
    {
        case Way::NONE:
            return "none";
        case Way::EVENTS:
            return "events";
        case Way::PERIODIC:
            return "periodic";
        case Way::FULL:
            return "full";
    }
    return "?";
}

/// The figures of one run.
struct Figures
{
    double wallSeconds{0}; //!< open to close (or the simulation alone without a collector)
    uint64_t rows{0};      //!< rows the collector wrote
    uint64_t bytes{0};     //!< bytes the LAN host received
};

/// What every run shares.
struct Setup
{
    Time duration;          //!< how long the traffic runs
    uint32_t clients;       //!< PPTP clients
    std::string db;         //!< the database file (removed before each run)
    const CommandLine* cmd; //!< the program's command line, for RecordParameters()
    int argc;               //!< the program's argc
    char** argv;            //!< the program's argv
};

/**
 * \brief Remove a database and its write-ahead files.
 * \param path the database
 */
void
RemoveDatabase(const std::string& path)
{
    for (const char* suffix : {"", "-wal", "-shm"})
    {
        std::remove((path + suffix).c_str());
    }
}

/**
 * \brief Run the scenario once.
 * \param way what the collector records
 * \param setup the shared settings
 * \return the figures
 */
Figures
RunOnce(Way way, const Setup& setup)
{
    PptpRemoteAccessTopology topology;
    topology.SetClientCount(setup.clients);
    topology.SetClientStart(Seconds(0.5), MilliSeconds(20));
    topology.Install();
    topology.AssignStreams(1);

    Ptr<Node> host = topology.GetLanHost(0);
    Ipv4Address hostAddress = topology.GetLanHostAddress(0);
    PacketSinkHelper tcpSink("ns3::TcpSocketFactory",
                             InetSocketAddress(Ipv4Address::GetAny(), TCP_PORT));
    PacketSinkHelper udpSink("ns3::UdpSocketFactory",
                             InetSocketAddress(Ipv4Address::GetAny(), UDP_PORT));
    ApplicationContainer sinks = tcpSink.Install(host);
    sinks.Add(udpSink.Install(host));
    BulkSendHelper bulk("ns3::TcpSocketFactory", InetSocketAddress(hostAddress, TCP_PORT));
    OnOffHelper cbr("ns3::UdpSocketFactory", InetSocketAddress(hostAddress, UDP_PORT));
    cbr.SetConstantRate(DataRate("2Mbps"), 1200);
    ApplicationContainer senders;
    for (uint32_t i = 0; i < setup.clients; ++i)
    {
        senders.Add(i % 2 == 0 ? cbr.Install(topology.GetClientNode(i))
                               : bulk.Install(topology.GetClientNode(i)));
    }
    senders.Start(TRAFFIC_START);
    senders.Stop(TRAFFIC_START + setup.duration);
    Simulator::Stop(TRAFFIC_START + setup.duration);

    RemoveDatabase(setup.db);
    auto begin = std::chrono::steady_clock::now();
    Ptr<PptpTraceCollector> collector;
    if (way != Way::NONE)
    {
        collector = CreateObject<PptpTraceCollector>();
        collector->SetAttribute("Samples", BooleanValue(way != Way::EVENTS));
        collector->SetAttribute("Packets", BooleanValue(way == Way::FULL));
        collector->Open(setup.db, "pptp-trace-benchmark");
        collector->SetLabel(WayName(way));
        collector->RecordParameters(*setup.cmd, setup.argc, setup.argv);
        collector->Watch(topology.GetClientApps());
        collector->Watch(topology.GetServerApps());
    }
    Simulator::Run();
    Figures figures;
    if (collector)
    {
        collector->Finish();
        figures.rows = collector->GetRowCount();
    }
    auto end = std::chrono::steady_clock::now();
    figures.wallSeconds = std::chrono::duration<double>(end - begin).count();
    for (uint32_t i = 0; i < sinks.GetN(); ++i)
    {
        figures.bytes += DynamicCast<PacketSink>(sinks.Get(i))->GetTotalRx();
    }
    if (collector)
    {
        collector->Dispose();
    }
    Simulator::Destroy();
    return figures;
}

/**
 * \brief The middle value (the mean of the two middle ones for an even count).
 * \param samples the values, at least one
 * \return their median
 */
double
MiddleOf(std::vector<double> samples)
{
    std::size_t half = samples.size() / 2;
    std::nth_element(samples.begin(), samples.begin() + half, samples.end());
    double upper = samples[half];
    if (samples.size() % 2 == 1)
    {
        return upper;
    }
    return (upper + *std::max_element(samples.begin(), samples.begin() + half)) / 2;
}

} // namespace

int
main(int argc, char* argv[])
{
    Time duration = Seconds(10);
    uint32_t repeat = 3;
    uint32_t clients = 10;
    std::string db = "pptp-trace-benchmark.db";
    bool keep = false;
    CommandLine cmd(__FILE__);
    cmd.AddValue("duration", "Simulated time of the traffic", duration);
    cmd.AddValue("repeat", "Runs of each way (the median is reported)", repeat);
    cmd.AddValue("clients", "PPTP clients (even: UDP at 2 Mb/s, odd: bulk TCP)", clients);
    cmd.AddValue("db", "The database file each run writes (removed before each run)", db);
    cmd.AddValue("keep", "Keep the database of the last run", keep);
    cmd.Parse(argc, argv);
    if (repeat < 1 || !duration.IsStrictlyPositive() || clients < 1 || clients > 200 || db.empty())
    {
        std::cerr << "--repeat must be >= 1, --duration > 0, --clients 1..200, --db not empty\n";
        return 1;
    }
    // Segments that fill the MPPE tunnel's MTU (1396 bytes, less the IPv4 and TCP headers).
    Config::SetDefault("ns3::TcpSocket::SegmentSize", UintegerValue(1356));

    Setup setup{duration, clients, db, &cmd, argc, argv};
    std::vector<std::vector<Figures>> results(WAYS.size());
    for (uint32_t r = 0; r < repeat; ++r)
    {
        for (std::size_t w = 0; w < WAYS.size(); ++w)
        {
            results[w].push_back(RunOnce(WAYS[w], setup));
        }
    }
    if (!keep)
    {
        RemoveDatabase(db);
    }

    std::cout << std::fixed << std::setprecision(3);
    std::cout << clients << " clients (UDP and TCP through MPPE tunnels), " << duration.As(Time::S)
              << " of traffic, " << repeat << " run(s) of each way, interleaved\n";
    std::vector<double> medians(WAYS.size());
    for (std::size_t w = 0; w < WAYS.size(); ++w)
    {
        std::vector<double> walls;
        for (const Figures& f : results[w])
        {
            walls.push_back(f.wallSeconds);
        }
        medians[w] = MiddleOf(walls);
        const Figures& last = results[w].back();
        std::cout << std::setw(9) << WayName(WAYS[w]) << ": wall median " << medians[w]
                  << " s, rows " << last.rows << ", rows/s " << std::setprecision(0)
                  << last.rows / medians[w] << std::setprecision(3) << ", ratio "
                  << medians[w] / medians[0] << ", delivered "
                  << last.bytes * 8.0 / duration.GetSeconds() / 1e6 << " Mbit/s\n";
    }
    double periodic = medians[2] / medians[0];
    double full = medians[3] / medians[0];
    std::cout << "ratio periodic/none " << periodic
              << " (target < 1.10: " << (periodic < 1.10 ? "met" : "NOT met") << ")\n";
    std::cout << "ratio full/none " << full
              << " (target < 1.50: " << (full < 1.50 ? "met" : "NOT met") << ")\n";
    // What the collector sustains: the rows of the full way over the wall time it added.
    const double extra = medians[3] - medians[0];
    if (extra > 0)
    {
        std::cout << "collector rate (full): " << std::setprecision(0)
                  << results[3].back().rows / extra << " rows per second of its own wall time\n";
    }
    return 0;
}
