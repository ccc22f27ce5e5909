/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/*
 * GRE flow control of PPTP (RFC 2637 s.4.2 - s.4.4) under loss and reordering: the RFC's
 * sliding window against the Windows profile (MS-PTPT: the window is computed but not
 * enforced), with a bulk TCP transfer through the tunnel.
 *
 *   client --access (loss, reordering)-- ISP router ==core== server ==lan== host
 *     BulkSend -----------------------> tunnel -------------------------> PacketSink
 *
 * One client (PptpRemoteAccessTopology; MS-CHAPv2 and MPPE-128 stateless by default) sends
 * as fast as TCP lets it to a LAN host for --duration from the moment its tunnel is up. Both
 * directions of the access link lose --loss of their frames (the topology's loss model) and
 * hold back --reorder of them by --reorderDelay, so that the frames behind overtake them (an
 * error model on each access device that delivers the held frame late: the topology's own
 * jitter never reorders). RFC 2637 s.4.3 discards a GRE packet that arrives after a later
 * one (OUT_OF_SEQUENCE) unless the receiver has a reorder buffer (--reorderBuffer, as
 * pptp-linux). Each window loss (an acknowledgment time-out) halves the RFC profile's send
 * window (s.4.2.2); the Windows profile keeps sending.
 *
 * --profile=rfc, windows or both (the default: one simulation each, the same seed). Printed
 * per profile: TCP goodput; the client session's acknowledgment time-outs, send window (time
 * mean, min, max), outstanding packets (mean, max), adaptive time-out (mean, max) and RTT
 * estimate at the end; frames the access link reordered and lost; GRE drops by reason at the
 * client and at the server.
 *
 * The trace database (--db=FILE; --db= for none): one run per profile, experiment
 * "pptp-flow-control", label "profile=<rfc|windows> loss=<loss> reorder=<reorder>" (after
 * --label and a space when given). The collector's samples hold window / outstanding /
 * ack_timeout_s of both tunnels every SampleInterval (--sampleInterval); the figures printed
 * are events of category 'flow-control' on the client node at the end (value = the number):
 * goodput_bps, ack_timeouts, window_mean, window_min, window_max, outstanding_mean,
 * outstanding_max, ack_timeout_mean_s, ack_timeout_max_s, rtt_s, reordered_frames,
 * lost_frames, and gre_drops (detail "client <REASON>" or "server <REASON>").
 *
 *   ./pptp-flow-control --loss=0.02 --reorder=0 --profile=both
 *   ./pptp-flow-control --loss=0 --reorder=0.05 --reorderBuffer=true
 */

#include "gre-drop-reason.h"
#include "gre-session.h"
#include "pptp-client.h"
#include "pptp-remote-access-topology.h"
#include "pptp-security-options.h"
#include "pptp-server.h"
#include "pptp-trace-collector.h"
#include "pptp-trace-options.h"
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
#include "ns3/flow-monitor-helper.h"
#include "ns3/inet-socket-address.h"
#include "ns3/ipv4-flow-classifier.h"
#include "ns3/nstime.h"
#include "ns3/packet-sink-helper.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/pointer.h"
#include "ns3/random-variable-stream.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief Reorders the frames a point-to-point device receives: each frame is held back with
 * a probability and handed to the device after a delay, so that later frames overtake it.
 * Frames an inner error model (the link's loss) marks are lost as before.
 */
class AccessReorderModel : public ErrorModel
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    AccessReorderModel();

    /**
     * \brief The device the held frames are delivered to, and the loss in front of it.
     * \param device the receiving device (this model is its receive error model)
     * \param loss its former receive error model (nullptr: none)
     */
    void Attach(Ptr<PointToPointNetDevice> device, Ptr<ErrorModel> loss);

    /**
     * \brief Fix the random stream.
     * \param stream the stream index
     * \return 1
     */
    int64_t AssignStreams(int64_t stream);

    /** \brief \return frames held back and delivered late */
    uint64_t GetReordered() const;
    /** \brief \return frames the inner loss model dropped */
    uint64_t GetLost() const;

  private:
    bool DoCorrupt(Ptr<Packet> p) override;
    void DoReset() override;

    /**
     * \brief Deliver a held frame.
     * \param frame the frame
     */
    void Release(Ptr<Packet> frame);

    double m_probability;                //!< share of frames held back
    Time m_delay;                        //!< how long
    Ptr<UniformRandomVariable> m_random; //!< draws the choice
    Ptr<PointToPointNetDevice> m_device; //!< where held frames go
    Ptr<ErrorModel> m_loss;              //!< the link's loss (may be null)
    bool m_releasing;                    //!< a held frame is being delivered
    uint64_t m_reordered;                //!< frames held back
    uint64_t m_lost;                     //!< frames lost
};

NS_OBJECT_ENSURE_REGISTERED(AccessReorderModel);

TypeId
AccessReorderModel::GetTypeId()
{
    static TypeId tid = TypeId("ns3::AccessReorderModel")
                            .SetParent<ErrorModel>()
                            .AddConstructor<AccessReorderModel>()
                            .AddAttribute("Probability",
                                          "Share of frames held back (0..1).",
                                          DoubleValue(0),
                                          MakeDoubleAccessor(&AccessReorderModel::m_probability),
                                          MakeDoubleChecker<double>(0, 1))
                            .AddAttribute("Delay",
                                          "How long a held frame waits (> 0).",
                                          TimeValue(MilliSeconds(5)),
                                          MakeTimeAccessor(&AccessReorderModel::m_delay),
                                          MakeTimeChecker(TimeStep(1)));
    return tid;
}

AccessReorderModel::AccessReorderModel()
    : m_probability(0)
    , m_random(CreateObject<UniformRandomVariable>())
    , m_releasing(false)
    , m_reordered(0)
    , m_lost(0)
{
}

void
AccessReorderModel::Attach(Ptr<PointToPointNetDevice> device, Ptr<ErrorModel> loss)
{
    m_device = device;
    m_loss = loss;
}

int64_t
AccessReorderModel::AssignStreams(int64_t stream)
{
    m_random->SetStream(stream);
    return 1;
}

uint64_t
AccessReorderModel::GetReordered() const
{
    return m_reordered;
}

uint64_t
AccessReorderModel::GetLost() const
{
    return m_lost;
}

bool
AccessReorderModel::DoCorrupt(Ptr<Packet> p)
{
    if (m_releasing)
    {
        return false; // a held frame coming back
    }
    if (m_loss && m_loss->IsCorrupt(p))
    {
        ++m_lost;
        return true;
    }
    if (m_probability > 0 && m_random->GetValue() < m_probability)
    {
        // The device drops this copy; the held one arrives after the delay.
        ++m_reordered;
        Simulator::Schedule(
            m_delay, &AccessReorderModel::Release, Ptr<AccessReorderModel>(this), p->Copy());
        return true;
    }
    return false;
}

void
AccessReorderModel::Release(Ptr<Packet> frame)
{
    m_releasing = true;
    m_device->Receive(frame);
    m_releasing = false;
}

void
AccessReorderModel::DoReset()
{
}

} // namespace ns3

using namespace ns3;

namespace
{

/// TCP port of the LAN host's sink.
constexpr uint16_t SINK_PORT = 49800;

/// A value over time: time-weighted mean, extremes.
struct TimeSeries
{
    double value{0};                                    //!< current value
    double low{std::numeric_limits<double>::max()};     //!< smallest value seen
    double high{std::numeric_limits<double>::lowest()}; //!< largest value seen
    double weighted{0};                                 //!< sum of value * seconds
    Time since{0};                                      //!< when the value was set
    Time from{0};                                       //!< start of the series

    /**
     * \brief Start the series now at a value.
     * \param v the value
     */
    void
    Begin(double v)
    {
        from = since = Simulator::Now();
        value = low = high = v;
        weighted = 0;
    }

    /**
     * \brief The value changes now.
     * \param v the new value
     */
    void
    Update(double v)
    {
        const Time now = Simulator::Now();
        weighted += value * (now - since).GetSeconds();
        since = now;
        value = v;
        low = std::min(low, v);
        high = std::max(high, v);
    }

    /**
     * \brief The time-weighted mean until now.
     * \return the mean (the value itself over an empty span)
     */
    double
    Average() const
    {
        const Time now = Simulator::Now();
        const double span = (now - from).GetSeconds();
        return span > 0 ? (weighted + value * (now - since).GetSeconds()) / span : value;
    }
};

/// What one profile's run observed.
struct Observed
{
    Ptr<GreSession> client;      //!< the client's GRE session
    Ptr<GreSession> server;      //!< the server's GRE session
    bool flowing{false};         //!< the flow started (series running)
    TimeSeries window;           //!< client send window
    TimeSeries outstanding;      //!< client outstanding packets
    TimeSeries ackTimeout;       //!< client ATO, seconds
    uint64_t received{0};        //!< bytes the sink received
    Time flowStart{Seconds(-1)}; //!< when the flow started
} g_observed;                    //!< the current run

/// The settings of every run.
struct Settings
{
    double loss{0.005};                 //!< access loss per frame
    double reorder{0.01};               //!< access reordering per frame
    Time reorderDelay{MilliSeconds(5)}; //!< delay of a held frame
    bool reorderBuffer{false};          //!< GRE ReorderBuffer
    uint32_t window{32};                //!< ReceiveWindow advertised by both ends
    DataRate accessRate{"10Mbps"};      //!< access link rate
    Time accessDelay{MilliSeconds(10)}; //!< access link delay
    Time duration{Seconds(5)};          //!< flow time
    uint32_t segmentSize{1300};         //!< TCP segment size
};

/// The client session's send window changed.
void
WindowChanged(uint32_t, uint32_t w)
{
    if (g_observed.flowing)
    {
        g_observed.window.Update(w);
    }
}

/// The client session's outstanding packets changed.
void
OutstandingChanged(uint32_t, uint32_t n)
{
    if (g_observed.flowing)
    {
        g_observed.outstanding.Update(n);
    }
}

/// The client session's ack time-out changed.
void
AckTimeoutChanged(Time, Time t)
{
    if (g_observed.flowing)
    {
        g_observed.ackTimeout.Update(t.GetSeconds());
    }
}

/// The sink received bytes.
void
SinkRx(Ptr<const Packet> packet, const Address&)
{
    g_observed.received += packet->GetSize();
}

/// The client's tunnel is up: the bulk transfer starts, for the duration.
void
ClientTunnelUp(BulkSendHelper* bulk, Time duration, uint16_t, Ptr<PptpTunnel> tunnel)
{
    Observed& o = g_observed;
    if (!o.flowStart.IsNegative())
    {
        return;
    }
    o.client = tunnel->GetSession();
    o.flowStart = Simulator::Now();
    o.flowing = true;
    o.window.Begin(o.client->GetWindow());
    o.outstanding.Begin(o.client->GetOutstanding());
    o.ackTimeout.Begin(o.client->GetAckTimeout().GetSeconds());
    o.client->TraceConnectWithoutContext("Window", MakeCallback(&WindowChanged));
    o.client->TraceConnectWithoutContext("Outstanding", MakeCallback(&OutstandingChanged));
    o.client->TraceConnectWithoutContext("AckTimeout", MakeCallback(&AckTimeoutChanged));
    // Installed during the simulation: the start and stop count from now.
    bulk->SetAttribute("StartTime", TimeValue(Seconds(0)));
    bulk->SetAttribute("StopTime", TimeValue(duration));
    bulk->Install(tunnel->GetDevice()->GetNode());
    Simulator::Stop(duration);
}

/// The server's tunnel opened.
void
ServerTunnelOpened(uint16_t, Ptr<PptpTunnel> tunnel)
{
    g_observed.server = tunnel->GetSession();
}

/**
 * \brief Simulate one profile and print its figures.
 * \param profile the profile
 * \param s the settings
 * \param security the security options
 * \param trace the trace database options
 * \param cmd the command line
 * \param argc the program's argc
 * \param argv the program's argv
 * \return false when the tunnel never came up
 */
bool
RunProfile(GreSession::Profile profile,
           const Settings& s,
           const PptpSecurityOptions& security,
           const PptpTraceOptions& trace,
           const CommandLine& cmd,
           int argc,
           char* argv[])
{
    const std::string name = profile == GreSession::RFC ? "rfc" : "windows";
    g_observed = Observed();
    // Both ends' sessions take their profile and reorder buffer from the defaults.
    Config::SetDefault("ns3::GreSession::Profile", EnumValue(profile));
    Config::SetDefault("ns3::GreSession::ReorderBuffer", BooleanValue(s.reorderBuffer));
    Config::SetDefault("ns3::GreSession::ReceiveWindow", UintegerValue(s.window));

    PptpRemoteAccessTopology topology;
    topology.SetAccessDataRate(s.accessRate);
    topology.SetAccessDelay(s.accessDelay);
    topology.SetAccessLoss(s.loss);
    topology.SetSecurity(security);
    topology.SetClientAttribute("ReceiveWindow", UintegerValue(s.window));
    topology.SetServerAttribute("ReceiveWindow", UintegerValue(s.window));
    topology.Install();
    int64_t stream = topology.AssignStreams(0);

    // Reordering on both ends of the access link, behind the topology's loss.
    std::vector<Ptr<AccessReorderModel>> reorders;
    NetDeviceContainer access = topology.GetAccessDevices(0);
    for (uint32_t k = 0; k < access.GetN(); ++k)
    {
        Ptr<PointToPointNetDevice> device = DynamicCast<PointToPointNetDevice>(access.Get(k));
        PointerValue loss;
        device->GetAttribute("ReceiveErrorModel", loss);
        Ptr<AccessReorderModel> reorder = CreateObject<AccessReorderModel>();
        reorder->SetAttribute("Probability", DoubleValue(s.reorder));
        reorder->SetAttribute("Delay", TimeValue(s.reorderDelay));
        reorder->Attach(device, loss.Get<ErrorModel>());
        reorder->AssignStreams(stream + k);
        device->SetReceiveErrorModel(reorder);
        reorders.push_back(reorder);
    }

    Ptr<Node> host = topology.GetLanHost(0);
    PacketSinkHelper sinkHelper("ns3::TcpSocketFactory",
                                InetSocketAddress(Ipv4Address::GetAny(), SINK_PORT));
    ApplicationContainer sink = sinkHelper.Install(host);
    sink.Get(0)->TraceConnectWithoutContext("Rx", MakeCallback(&SinkRx));
    BulkSendHelper bulk("ns3::TcpSocketFactory",
                        InetSocketAddress(topology.GetLanHostAddress(0), SINK_PORT));
    bulk.SetAttribute("SendSize", UintegerValue(s.segmentSize));
    topology.GetClient(0)->TraceConnectWithoutContext(
        "TunnelUp", MakeBoundCallback(&ClientTunnelUp, &bulk, s.duration));
    topology.GetServer()->TraceConnectWithoutContext("TunnelOpened",
                                                     MakeCallback(&ServerTunnelOpened));

    std::ostringstream label;
    label << "profile=" << name << " loss=" << s.loss << " reorder=" << s.reorder;
    Ptr<PptpTraceCollector> collector
        = trace.Open("pptp-flow-control", cmd, argc, argv, label.str());
    FlowMonitorHelper flowHelper;
    Ptr<Node> client = topology.GetClientNode(0);
    if (collector)
    {
        PptpWatchTopology(collector, topology);
        Ptr<FlowMonitor> monitor = flowHelper.InstallAll();
        collector->WatchFlows(monitor, DynamicCast<Ipv4FlowClassifier>(flowHelper.GetClassifier()));
    }

    // A guard for a tunnel that never comes up; otherwise the tunnel's start plus the
    // duration ends the run.
    Simulator::Stop(Seconds(30) + s.duration);
    Simulator::Run();

    Observed& o = g_observed;
    const bool up = !o.flowStart.IsNegative();
    const std::string tag = ", profile " + name + ": ";
    uint64_t reordered = 0;
    uint64_t lost = 0;
    for (const Ptr<AccessReorderModel>& r : reorders)
    {
        reordered += r->GetReordered();
        lost += r->GetLost();
    }
    std::vector<std::pair<std::string, double>> figures;
    if (!up)
    {
        std::cout << "Tunnel" << tag << "never up" << std::endl;
    }
    else
    {
        const double seconds = (Simulator::Now() - o.flowStart).GetSeconds();
        const double goodput = seconds > 0 ? o.received * 8.0 / seconds : 0.0;
        figures = {
            {"goodput_bps", goodput},
            {"ack_timeouts", static_cast<double>(o.client->GetAckTimeouts())},
            {"window_mean", o.window.Average()},
            {"window_min", o.window.low},
            {"window_max", o.window.high},
            {"outstanding_mean", o.outstanding.Average()},
            {"outstanding_max", o.outstanding.high},
            {"ack_timeout_mean_s", o.ackTimeout.Average()},
            {"ack_timeout_max_s", o.ackTimeout.high},
            {"rtt_s", o.client->GetRtt().GetSeconds()},
            {"reordered_frames", static_cast<double>(reordered)},
            {"lost_frames", static_cast<double>(lost)},
        };
        std::cout << "Goodput" << tag << goodput / 1e3 << " kb/s" << std::endl;
        std::cout << "Bytes delivered" << tag << o.received << std::endl;
        std::cout << "Ack time-outs" << tag << o.client->GetAckTimeouts() << std::endl;
        std::cout << "Send window" << tag << "mean " << o.window.Average() << ", min "
                  << o.window.low << ", max " << o.window.high << " (peer's window "
                  << o.client->GetMaxWindow() << ")" << std::endl;
        std::cout << "Outstanding" << tag << "mean " << o.outstanding.Average() << ", max "
                  << o.outstanding.high << std::endl;
        std::cout << "Ack time-out" << tag << "mean " << o.ackTimeout.Average() * 1e3 << " ms, max "
                  << o.ackTimeout.high * 1e3 << " ms" << std::endl;
        std::cout << "RTT estimate at the end" << tag << o.client->GetRtt().GetSeconds() * 1e3
                  << " ms" << std::endl;
        std::cout << "GRE data packets sent by the client" << tag << o.client->GetTxDataPackets()
                  << std::endl;
        std::cout << "GRE packets missing at the server" << tag
                  << (o.server ? o.server->GetMissingPackets() : 0) << std::endl;
    }
    std::cout << "Access frames reordered" << tag << reordered << std::endl;
    std::cout << "Access frames lost" << tag << lost << std::endl;
    std::vector<std::pair<std::string, uint64_t>> drops;
    for (const auto& [side, session] : {std::make_pair(std::string("client"), o.client),
                                        std::make_pair(std::string("server"), o.server)})
    {
        for (std::size_t k = 0; session && k < GRE_DROP_REASON_COUNT; ++k)
        {
            auto reason = static_cast<GreDropReason>(k);
            uint64_t count = session->GetDropCount(reason);
            if (count > 0)
            {
                drops.emplace_back(side + " " + GreDropReasonName(reason), count);
            }
        }
    }
    if (drops.empty())
    {
        std::cout << "GRE drops" << tag << "none" << std::endl;
    }
    for (const auto& [what, count] : drops)
    {
        std::cout << "GRE drops" << tag << what << " " << count << std::endl;
    }

    if (collector)
    {
        for (const auto& [figure, value] : figures)
        {
            collector->AddEvent(client, "flow-control", figure, name, value);
        }
        for (const auto& [what, count] : drops)
        {
            collector->AddEvent(client, "flow-control", "gre_drops", what, count);
        }
        collector->Finish();
    }
    g_observed = Observed();
    Simulator::Destroy();
    return up;
}

} // namespace

int
main(int argc, char* argv[])
{
    Settings s;
    std::string profile = "both";
    PptpSecurityOptions security;
    PptpTraceOptions trace("pptp-flow-control.db");

    CommandLine cmd(__FILE__);
    cmd.AddValue("loss", "Loss probability of each access link frame, each direction", s.loss);
    cmd.AddValue("reorder", "Share of access link frames held back (reordered), 0..1", s.reorder);
    cmd.AddValue("reorderDelay", "How long a held-back frame waits", s.reorderDelay);
    cmd.AddValue("reorderBuffer", "GRE reorder buffer at both ends (pptp-linux)", s.reorderBuffer);
    cmd.AddValue("profile", "GRE flow-control profile: rfc, windows or both", profile);
    cmd.AddValue("window", "Receive window both ends advertise (packets, 1..65535)", s.window);
    cmd.AddValue("accessRate", "Data rate of the access link", s.accessRate);
    cmd.AddValue("accessDelay", "Delay of the access link", s.accessDelay);
    cmd.AddValue("duration", "Bulk transfer time from the tunnel's start", s.duration);
    cmd.AddValue("segmentSize", "TCP segment size (fits the tunnel's MTU)", s.segmentSize);
    trace.AddToCommandLine(cmd);
    security.AddToCommandLine(cmd);
    cmd.Parse(argc, argv);

    NS_ABORT_MSG_IF(profile != "rfc" && profile != "windows" && profile != "both",
                    "--profile must be rfc, windows or both");
    NS_ABORT_MSG_IF(s.reorder < 0 || s.reorder > 1, "--reorder must be 0..1");
    NS_ABORT_MSG_IF(!s.reorderDelay.IsStrictlyPositive(), "--reorderDelay must be > 0");
    NS_ABORT_MSG_IF(s.window < 1 || s.window > 65535, "--window must be 1..65535");
    NS_ABORT_MSG_IF(!s.duration.IsStrictlyPositive(), "--duration must be > 0");
    NS_ABORT_MSG_IF(s.segmentSize < 100 || s.segmentSize > 1340, "--segmentSize must be 100..1340");
    for (const std::string& problem : {security.Validate(), trace.Validate()})
    {
        NS_ABORT_MSG_UNLESS(problem.empty(), problem);
    }
    Config::SetDefault("ns3::TcpSocket::SegmentSize", UintegerValue(s.segmentSize));
    // Buffers that never limit the transfer: the tunnel's window and the loss do.
    Config::SetDefault("ns3::TcpSocket::SndBufSize", UintegerValue(4 << 20));
    Config::SetDefault("ns3::TcpSocket::RcvBufSize", UintegerValue(4 << 20));

    std::cout << "PPTP flow control: bulk TCP for " << s.duration.As(Time::S) << ", access "
              << s.accessRate << " / " << s.accessDelay.As(Time::MS) << ", loss " << s.loss
              << ", reorder " << s.reorder << " by " << s.reorderDelay.As(Time::MS)
              << ", reorder buffer " << (s.reorderBuffer ? "on" : "off") << ", window " << s.window
              << ", MPPE " << security.mppe << std::endl;
    // The figures below: one decimal.
    std::cout << std::fixed << std::setprecision(1);
    bool ok = true;
    if (profile != "windows")
    {
        ok = RunProfile(GreSession::RFC, s, security, trace, cmd, argc, argv) && ok;
    }
    if (profile != "rfc")
    {
        ok = RunProfile(GreSession::WINDOWS, s, security, trace, cmd, argc, argv) && ok;
    }
    if (trace.IsEnabled())
    {
        std::cout << "Trace database: " << trace.db << std::endl;
    }
    return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
