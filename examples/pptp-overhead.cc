/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/*
 * What a PPTP tunnel costs per packet: header overhead on the wire, goodput and the CPU time
 * of the simulation, against the datagram size, for three ways of carrying the same UDP flow
 * (RFC 2637 s.4, RFC 3078):
 *
 *   plain  the client sends to the server's public address: IPv4 20 + UDP 8 + payload
 *   gre    through the PPTP tunnel to a LAN host, no MPPE: outer IPv4 20 + GRE 12 (16 when an
 *          acknowledgment rides along) + PPP protocol 1 (2 without PFC; + 2 without ACFC) +
 *          inner IPv4 20 + UDP 8 + payload
 *   mppe   the same with MPPE-128 (stateless by default): the PPP protocol 0x00FD, the MPPE
 *          header 2 and the encrypted inner protocol 0x0021 (1 with PFC) before inner IPv4
 *
 *   client --access-- ISP router ==core== server ==lan== host   (PptpRemoteAccessTopology,
 *                                 ^ measured here                one client, one host)
 *
 * For every payload size of --sizes and every mode of --modes, one simulation: the client
 * sends --rate of UDP datagrams of that payload (constant bit rate; a rate above --accessRate
 * saturates the access link, the default) for --warmup plus --duration, from the moment its
 * tunnel is up (plain: from --start). During the --duration window the router's core device
 * counts the IPv4 packets it sends to the server of the mode's protocol (UDP, or GRE data
 * packets), their bytes (IPv4 header on, the point-to-point link's 2-byte PPP header off) and
 * how many carry a GRE acknowledgment; the sink counts the payload it receives. Printed per
 * run: measured wire bytes per packet and the analytic figure (computed from the ACFC/PFC that
 * LCP negotiated and the measured share of packets with an acknowledgment: they must agree),
 * wire bytes per payload byte, goodput and, when the access link is saturated, the goodput the
 * analytic overhead predicts (accessRate * payload / (wire + 2)); and the wall-clock time of
 * the simulation (Simulator::Run) per datagram sent: MPPE's RC4 and key changes are the
 * difference between mppe and gre (with --db the FlowMonitor and the collector run too, for
 * every mode alike; --db= measures the simulation alone). The GRE sessions use the Windows
 * profile by default (--profile=windows): the sender never holds frames back, so a saturated
 * access link drops the excess at its own queue, as it does for plain IP (--profile=rfc: the
 * GRE window holds frames back and drops them, the subject of pptp-flow-control).
 *
 * The trace database (--db=FILE; --db= for none): every (size, mode) is its own run of
 * experiment "pptp-overhead", label "size=<payload> mode=<plain|gre|mppe>" (after --label and
 * a space when --label is given). The figures of each run are events of category 'overhead' on
 * the client node, detail = the mode, value = the number, names:
 *   payload_bytes                 the UDP payload size
 *   wire_bytes_per_packet         measured mean IPv4 bytes per packet on the core link
 *   analytic_bytes_per_packet     the analytic figure
 *   wire_bytes_per_payload_byte   measured bytes per packet / payload (the plot's y axis)
 *   ack_share                     share of GRE packets carrying an acknowledgment
 *   goodput_bps                   payload bits per second received in the window
 *   predicted_goodput_bps         accessRate * payload / (analytic + 2)
 *   wall_s                        wall-clock seconds of Simulator::Run
 *   wall_us_per_packet            wall_s / datagrams sent, in microseconds
 * "Overhead vs packet size": per mode, x = payload_bytes, y = wire_bytes_per_payload_byte of
 * the same run_id:
 *   SELECT r.run_id, e.detail AS mode, e.name, e.value FROM event e JOIN run r USING (run_id)
 *   WHERE r.experiment = 'pptp-overhead' AND r.status = 'finished' AND e.category = 'overhead'
 *
 *   ./pptp-overhead --sizes=64,512,1356 --modes=gre,mppe --duration=2s
 *   ./pptp-overhead --rate=1Mbps           (not saturated: goodput = the offered rate)
 */

#include "gre-header.h"
#include "gre-session.h"
#include "ppp-lcp.h"
#include "ppp-link.h"
#include "pptp-client.h"
#include "pptp-remote-access-topology.h"
#include "pptp-security-options.h"
#include "pptp-trace-collector.h"
#include "pptp-trace-options.h"
#include "pptp-tunnel.h"

#include "ns3/application-container.h"
#include "ns3/command-line.h"
#include "ns3/config.h"
#include "ns3/data-rate.h"
#include "ns3/enum.h"
#include "ns3/flow-monitor-helper.h"
#include "ns3/inet-socket-address.h"
#include "ns3/ipv4-flow-classifier.h"
#include "ns3/ipv4-header.h"
#include "ns3/nstime.h"
#include "ns3/on-off-helper.h"
#include "ns3/packet-sink-helper.h"
#include "ns3/packet.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/ppp-header.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <chrono>
#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

using namespace ns3;

namespace
{

/// UDP port of the sink.
constexpr uint16_t SINK_PORT = 49700;
/// IPv4 protocol number of GRE.
constexpr uint8_t GRE_PROTOCOL = 47;
/// IPv4 protocol number of UDP.
constexpr uint8_t UDP_PROTOCOL = 17;
/// Bytes of the point-to-point link's own PPP header (ns-3 PointToPointNetDevice).
constexpr double LINK_HEADER = 2;

/// How the flow is carried.
enum class Mode
{
    PLAIN, //!< no tunnel
    GRE,   //!< PPTP without MPPE
    MPPE   //!< PPTP with MPPE-128
};

/**
 * \brief The name of a mode, as in --modes and the labels.
 * \param mode the mode
 * \return "plain", "gre" or "mppe"
 */
std::string
ModeName(Mode mode)
{
    switch (mode)
    {
        case Mode::PLAIN:
            return "plain";
        case Mode::GRE:
            return "gre";
        case Mode::MPPE:
            return "mppe";
    }
    return "?";
}

/// The settings every run shares.
struct Settings
{
    DataRate rate{"3Mbps"};            //!< offered rate
    DataRate accessRate{"2Mbps"};      //!< access link rate
    Time accessDelay{MilliSeconds(2)}; //!< access link delay
    DataRate coreRate{"100Mbps"};      //!< core link rate
    Time coreDelay{MilliSeconds(1)};   //!< core link delay
    Time start{MilliSeconds(500)};     //!< the client's start (plain: the flow's)
    Time warmup{MilliSeconds(200)};    //!< flow time before the window
    Time duration{Seconds(1)};         //!< the measured window
    bool stateless{true};              //!< MPPE stateless mode
    std::string profile{"windows"};    //!< GRE flow-control profile
};

/// What one run measured.
struct Measure
{
    uint32_t payload{0};         //!< UDP payload bytes
    Mode mode{Mode::PLAIN};      //!< the mode
    bool acfc{false};            //!< the client may omit FF 03 (LCP)
    bool pfc{false};             //!< the client may send 1-octet protocols (LCP)
    Time flowStart{Seconds(-1)}; //!< when the flow started (< 0: never)
    bool counting{false};        //!< inside the measured window
    uint64_t wirePackets{0};     //!< core packets of the mode's protocol in the window
    uint64_t wireBytes{0};       //!< their IPv4 bytes
    uint64_t ackPackets{0};      //!< GRE packets among them carrying an acknowledgment
    uint64_t sinkBytes{0};       //!< payload received in the window
    uint64_t sentPackets{0};     //!< datagrams the source sent (all of the run)
    double wallSeconds{0};       //!< wall time of Simulator::Run
};

Measure g_measure;                                  //!< the current run
std::map<Mode, std::pair<double, uint64_t>> g_wall; //!< per mode: wall seconds, datagrams
const Settings* g_settings = nullptr;               //!< the settings of every run
OnOffHelper* g_source = nullptr;                    //!< makes the current run's source
Ptr<Node> g_sourceNode;                             //!< where it goes

/**
 * \brief The analytic IPv4 bytes of one packet on the core link.
 * \param m the run (payload, mode, negotiated ACFC/PFC)
 * \param ackShare share of packets with a GRE acknowledgment (4 more bytes each)
 * \return the bytes
 */
double
AnalyticBytes(const Measure& m, double ackShare)
{
    const double inner = 20 + 8 + m.payload; // IPv4 + UDP + payload
    if (m.mode == Mode::PLAIN)
    {
        return inner;
    }
    const double protocol = m.pfc ? 1 : 2;                       // 0x0021 or 0x00FD
    const double ppp = (m.acfc ? 0 : 2) + protocol;              // address/control + protocol
    const double gre = 12 + 4 * ackShare;                        // base 8 + sequence 4 (+ ack 4)
    const double mppe = m.mode == Mode::MPPE ? 2 + protocol : 0; // header + inner protocol
    return 20 + gre + ppp + mppe + inner;
}

/// The measured window begins.
void
StartCounting()
{
    g_measure.counting = true;
}

/// The measured window ends.
void
StopCounting()
{
    g_measure.counting = false;
}

/// The router sends a frame to the server: counted when it carries the mode's protocol.
void
CoreTx(Ptr<const Packet> frame)
{
    Measure& m = g_measure;
    if (!m.counting)
    {
        return;
    }
    // MacTx shows the frame with the link's PPP header; the IPv4 packet follows it.
    Ptr<Packet> packet = frame->Copy();
    PppHeader link;
    Ipv4Header ip;
    if (packet->RemoveHeader(link) == 0 || packet->RemoveHeader(ip) == 0)
    {
        return;
    }
    const uint32_t bytes = ip.GetSerializedSize() + packet->GetSize();
    GreHeader gre;
    if (m.mode == Mode::PLAIN ? ip.GetProtocol() != UDP_PROTOCOL
                              : ip.GetProtocol() != GRE_PROTOCOL || packet->RemoveHeader(gre) == 0
                                    || !gre.HasSequenceNumber())
    {
        return; // another protocol, or a GRE packet without data
    }
    ++m.wirePackets;
    m.wireBytes += bytes;
    m.ackPackets += gre.HasAcknowledgment() ? 1 : 0;
}

/// The sink received a datagram.
void
SinkRx(Ptr<const Packet> packet, const Address&)
{
    if (g_measure.counting)
    {
        g_measure.sinkBytes += packet->GetSize();
    }
}

/// The source sent a datagram.
void
SourceTx(Ptr<const Packet>)
{
    ++g_measure.sentPackets;
}

/// Start the flow now, for warmup + duration, and the measured window after warmup.
void
StartFlow()
{
    if (!g_measure.flowStart.IsNegative())
    {
        return;
    }
    g_measure.flowStart = Simulator::Now();
    const Settings& s = *g_settings;
    // Installed during the simulation: its start and stop count from now.
    g_source->SetAttribute("StartTime", TimeValue(Seconds(0)));
    g_source->SetAttribute("StopTime", TimeValue(s.warmup + s.duration));
    ApplicationContainer source = g_source->Install(g_sourceNode);
    source.Get(0)->TraceConnectWithoutContext("Tx", MakeCallback(&SourceTx));
    Simulator::Schedule(s.warmup, &StartCounting);
    Simulator::Schedule(s.warmup + s.duration, &StopCounting);
}

/// The client's tunnel is up: note what LCP negotiated, start the flow a moment later.
void
TunnelUp(uint16_t, Ptr<PptpTunnel> tunnel)
{
    Ptr<PppLcp> lcp = tunnel->GetPppLink()->GetLcp();
    g_measure.acfc = lcp->GetSendAcfc();
    g_measure.pfc = lcp->GetSendPfc();
    Simulator::Schedule(MilliSeconds(10), &StartFlow);
}

/**
 * \brief A number with a fixed number of decimals.
 * \param value the number
 * \param decimals the decimals
 * \return the text
 */
std::string
Fixed(double value, int decimals)
{
    std::ostringstream os;
    os << std::fixed << std::setprecision(decimals) << value;
    return os.str();
}

/**
 * \brief Simulate one (size, mode), print its line and record its run.
 * \param payload the UDP payload bytes
 * \param mode the mode
 * \param s the settings
 * \param trace the trace database options
 * \param cmd the command line (for the run's parameters)
 * \param argc the program's argc
 * \param argv the program's argv
 */
void
RunOne(uint32_t payload,
       Mode mode,
       const Settings& s,
       const PptpTraceOptions& trace,
       const CommandLine& cmd,
       int argc,
       char* argv[])
{
    g_measure = Measure();
    g_measure.payload = payload;
    g_measure.mode = mode;

    PptpSecurityOptions security;
    security.mppe = mode == Mode::MPPE ? "128" : "none";
    security.stateless = s.stateless;
    PptpRemoteAccessTopology topology;
    topology.SetAccessDataRate(s.accessRate);
    topology.SetAccessDelay(s.accessDelay);
    topology.SetCoreDataRate(s.coreRate);
    topology.SetCoreDelay(s.coreDelay);
    topology.SetSecurity(security);
    topology.SetClientStart(s.start, Seconds(0));
    topology.Install();
    topology.AssignStreams(0);
    Ptr<Node> client = topology.GetClientNode(0);

    // plain: to the server's public address, no PPTP; else through the tunnel to the host.
    Ptr<Node> sinkNode = mode == Mode::PLAIN ? topology.GetServerNode() : topology.GetLanHost(0);
    Ipv4Address sinkAddress
        = mode == Mode::PLAIN ? topology.GetServerAddress() : topology.GetLanHostAddress(0);
    PacketSinkHelper sinkHelper("ns3::UdpSocketFactory",
                                InetSocketAddress(Ipv4Address::GetAny(), SINK_PORT));
    ApplicationContainer sink = sinkHelper.Install(sinkNode);
    sink.Get(0)->TraceConnectWithoutContext("Rx", MakeCallback(&SinkRx));

    OnOffHelper onOff("ns3::UdpSocketFactory", InetSocketAddress(sinkAddress, SINK_PORT));
    onOff.SetConstantRate(s.rate, payload);
    g_settings = &s;
    g_source = &onOff;
    g_sourceNode = client;
    if (mode == Mode::PLAIN)
    {
        topology.GetClient(0)->SetStartTime(s.start + s.warmup + s.duration + Seconds(100));
        Simulator::Schedule(s.start, &StartFlow);
    }
    else
    {
        topology.GetClient(0)->TraceConnectWithoutContext("TunnelUp", MakeCallback(&TunnelUp));
    }
    topology.GetCoreDevices().Get(0)->TraceConnectWithoutContext("MacTx", MakeCallback(&CoreTx));

    Ptr<PptpTraceCollector> collector
        = trace.Open("pptp-overhead",
                     cmd,
                     argc,
                     argv,
                     "size=" + std::to_string(payload) + " mode=" + ModeName(mode));
    FlowMonitorHelper flowHelper;
    if (collector)
    {
        // plain: the PPTP applications are watched too; the client never starts.
        PptpWatchTopology(collector, topology);
        Ptr<FlowMonitor> monitor = flowHelper.InstallAll();
        collector->WatchFlows(monitor, DynamicCast<Ipv4FlowClassifier>(flowHelper.GetClassifier()));
    }

    // The run ends when the source stops (the tunnel takes well under 10 s to come up).
    Simulator::Stop(s.start + Seconds(10) + s.warmup + s.duration);
    auto wall = std::chrono::steady_clock::now();
    Simulator::Run();
    Measure& m = g_measure;
    m.wallSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall).count();

    const double window = s.duration.GetSeconds();
    const double ackShare
        = m.wirePackets > 0 ? static_cast<double>(m.ackPackets) / m.wirePackets : 0.0;
    const double wirePerPacket
        = m.wirePackets > 0 ? static_cast<double>(m.wireBytes) / m.wirePackets : 0.0;
    const double analytic = AnalyticBytes(m, ackShare);
    const double goodput = m.sinkBytes * 8.0 / window;
    const double predicted = s.accessRate.GetBitRate() * payload / (analytic + LINK_HEADER);
    const double wallPerPacket = m.sentPackets > 0 ? m.wallSeconds * 1e6 / m.sentPackets : 0.0;
    std::cout << "size=" << payload << " mode=" << ModeName(mode) << ": wire "
              << Fixed(wirePerPacket, 2) << " B/packet (analytic " << Fixed(analytic, 2) << ", "
              << m.wirePackets << " packets, " << Fixed(ackShare * 100, 1) << " % with ack), "
              << Fixed(wirePerPacket / payload, 3) << " wire B per payload B, goodput "
              << Fixed(goodput / 1000, 1) << " kb/s (predicted " << Fixed(predicted / 1000, 1)
              << " if saturated), wall " << Fixed(m.wallSeconds, 3) << " s, "
              << Fixed(wallPerPacket, 2) << " us/datagram" << std::endl;
    g_wall[mode].first += m.wallSeconds;
    g_wall[mode].second += m.sentPackets;
    if (m.flowStart.IsNegative())
    {
        std::cout << "size=" << payload << " mode=" << ModeName(mode)
                  << " error: the tunnel never came up" << std::endl;
    }

    if (collector)
    {
        const std::string detail = ModeName(mode);
        struct
        {
            const char* name;
            double value;
        } figures[] = {
            {"payload_bytes", static_cast<double>(payload)},
            {"wire_bytes_per_packet", wirePerPacket},
            {"analytic_bytes_per_packet", analytic},
            {"wire_bytes_per_payload_byte", wirePerPacket / payload},
            {"ack_share", ackShare},
            {"goodput_bps", goodput},
            {"predicted_goodput_bps", predicted},
            {"wall_s", m.wallSeconds},
            {"wall_us_per_packet", wallPerPacket},
        };
        for (const auto& f : figures)
        {
            collector->AddEvent(client, "overhead", f.name, detail, f.value);
        }
        collector->Finish();
    }
    g_source = nullptr;
    g_sourceNode = nullptr;
    Simulator::Destroy();
}

/**
 * \brief Split a comma-separated list.
 * \param text the list
 * \return the items (empty ones dropped)
 */
std::vector<std::string>
SplitCommas(const std::string& text)
{
    std::vector<std::string> items;
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ','))
    {
        if (!item.empty())
        {
            items.push_back(item);
        }
    }
    return items;
}

} // namespace

int
main(int argc, char* argv[])
{
    Settings s;
    std::string sizes = "64,128,256,512,1024,1356";
    std::string modes = "plain,gre,mppe";
    PptpTraceOptions trace("pptp-overhead.db");

    CommandLine cmd(__FILE__);
    cmd.AddValue("sizes", "UDP payload sizes, comma-separated (1..1356 bytes)", sizes);
    cmd.AddValue("modes", "Modes, comma-separated: plain, gre, mppe", modes);
    cmd.AddValue("rate", "Offered rate of the flow (above accessRate: saturated)", s.rate);
    cmd.AddValue("accessRate", "Data rate of the access link", s.accessRate);
    cmd.AddValue("accessDelay", "Delay of the access link", s.accessDelay);
    cmd.AddValue("coreRate", "Data rate of the core link (measured)", s.coreRate);
    cmd.AddValue("coreDelay", "Delay of the core link", s.coreDelay);
    cmd.AddValue("warmup", "Flow time before the measured window", s.warmup);
    cmd.AddValue("duration", "The measured window of each run", s.duration);
    cmd.AddValue("stateless", "MPPE stateless mode (mode mppe)", s.stateless);
    cmd.AddValue("profile",
                 "GRE flow control: windows (a saturated access link drops at its own queue, "
                 "as for plain IP) or rfc (the GRE window holds frames back and drops them)",
                 s.profile);
    trace.AddToCommandLine(cmd);
    cmd.Parse(argc, argv);

    std::vector<uint32_t> payloads;
    for (const std::string& item : SplitCommas(sizes))
    {
        char* end = nullptr;
        unsigned long value = std::strtoul(item.c_str(), &end, 10);
        NS_ABORT_MSG_IF(*end != '\0' || value < 1 || value > 1356,
                        "--sizes: '" << item << "' is not a size of 1..1356 bytes");
        payloads.push_back(static_cast<uint32_t>(value));
    }
    std::vector<Mode> modeList;
    for (const std::string& item : SplitCommas(modes))
    {
        Mode mode = Mode::PLAIN;
        if (item == "gre")
        {
            mode = Mode::GRE;
        }
        else if (item == "mppe")
        {
            mode = Mode::MPPE;
        }
        else
        {
            NS_ABORT_MSG_IF(item != "plain", "--modes: '" << item << "' is not plain, gre or mppe");
        }
        modeList.push_back(mode);
    }
    NS_ABORT_MSG_IF(payloads.empty() || modeList.empty(), "--sizes and --modes need an item");
    NS_ABORT_MSG_IF(s.profile != "windows" && s.profile != "rfc",
                    "--profile must be windows or rfc");
    Config::SetDefault("ns3::GreSession::Profile",
                       EnumValue(s.profile == "rfc" ? GreSession::RFC : GreSession::WINDOWS));
    NS_ABORT_MSG_IF(!s.duration.IsStrictlyPositive(), "--duration must be > 0");
    NS_ABORT_MSG_IF(s.rate.GetBitRate() == 0, "--rate must be > 0");
    NS_ABORT_MSG_IF(s.warmup.IsStrictlyNegative(), "--warmup must be >= 0");
    const std::string problem = trace.Validate();
    NS_ABORT_MSG_UNLESS(problem.empty(), problem);

    std::cout << "PPTP overhead: " << payloads.size() << " sizes x " << modeList.size()
              << " modes, offered " << s.rate << ", access " << s.accessRate << " / "
              << s.accessDelay.As(Time::MS) << ", core " << s.coreRate << " / "
              << s.coreDelay.As(Time::MS) << ", window " << s.duration.As(Time::S) << " after "
              << s.warmup.As(Time::S) << ", MPPE " << (s.stateless ? "stateless" : "stateful")
              << std::endl;
    for (uint32_t payload : payloads)
    {
        for (Mode mode : modeList)
        {
            RunOne(payload, mode, s, trace, cmd, argc, argv);
        }
    }
    // The CPU cost of each mode over all sizes (MPPE's is the difference with gre).
    for (const auto& [mode, wall] : g_wall)
    {
        std::cout << "Wall time per datagram, mode " << ModeName(mode) << ": "
                  << Fixed(wall.second > 0 ? wall.first * 1e6 / wall.second : 0.0, 2) << " us"
                  << std::endl;
    }
    if (trace.IsEnabled())
    {
        std::cout << "Trace database: " << trace.db << ", " << payloads.size() * modeList.size()
                  << " runs" << std::endl;
    }
    return EXIT_SUCCESS;
}
