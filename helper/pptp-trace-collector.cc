/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-trace-collector.h"

#include "gre-drop-reason.h"
#include "gre-header.h"
#include "gre-l4-protocol.h"
#include "gre-session.h"
#include "mppe-channel.h"
#include "ppp-auth-method.h"
#include "ppp-auth-peer.h"
#include "ppp-authenticator.h"
#include "ppp-automaton.h"
#include "ppp-ccp.h"
#include "ppp-ipcp.h"
#include "ppp-lcp.h"
#include "ppp-link.h"
#include "pptp-call.h"
#include "pptp-client.h"
#include "pptp-control-connection.h"
#include "pptp-control-message.h"
#include "pptp-control-types.h"
#include "pptp-net-device.h"
#include "pptp-range-checker.h"
#include "pptp-server.h"
#include "pptp-trace-schema.h"
#include "pptp-tunnel.h"
#include "pptp-wire-error.h"

#include "ns3/boolean.h"
#include "ns3/fatal-error.h"
#include "ns3/histogram.h"
#include "ns3/log.h"
#include "ns3/names.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <cmath>
#include <exception>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PptpTraceCollector");

NS_OBJECT_ENSURE_REGISTERED(PptpTraceCollector);

namespace
{

/// NULL for a REAL column.
constexpr double NONE = std::numeric_limits<double>::quiet_NaN();

/**
 * \brief The short name of a control message type, as the trace database names it.
 * \param type the type
 * \return e.g. "SCCRQ", "OCRP"; "UNKNOWN" outside 1..15
 */
const char*
ControlName(PptpControlMessageType type)
{
    static const char* const names[] = {"UNKNOWN",
                                        "SCCRQ",
                                        "SCCRP",
                                        "StopCCRQ",
                                        "StopCCRP",
                                        "EchoRQ",
                                        "EchoRP",
                                        "OCRQ",
                                        "OCRP",
                                        "ICRQ",
                                        "ICRP",
                                        "ICCN",
                                        "CCRQ",
                                        "CDN",
                                        "WEN",
                                        "SLI"};
    auto index = static_cast<std::size_t>(type);
    return index < sizeof(names) / sizeof(names[0]) ? names[index] : names[0];
}

/**
 * \brief The trace database's name of an authentication method.
 * \param method the method
 * \return "PAP", "CHAP-MD5", "MS-CHAPv2" or "none"
 */
const char*
AuthLabel(PppAuthMethod method)
{
    switch (method)
    {
        case PppAuthMethod::PAP:
            return "PAP";
        case PppAuthMethod::CHAP_MD5:
            return "CHAP-MD5";
        case PppAuthMethod::MSCHAPV2:
            return "MS-CHAPv2";
        default:
            return "none";
    }
}

/**
 * \brief What CCP agreed, in words.
 * \param mppe whether MPPE is on
 * \param strength its key length
 * \param stateless its mode
 * \return e.g. "MPPE-128 stateless", or "none"
 */
const char*
MppeLabel(bool mppe, MppeStrength strength, bool stateless)
{
    static const char* const labels[3][2] = {{"MPPE-40 stateful", "MPPE-40 stateless"},
                                             {"MPPE-56 stateful", "MPPE-56 stateless"},
                                             {"MPPE-128 stateful", "MPPE-128 stateless"}};
    auto index = static_cast<std::size_t>(strength);
    if (!mppe || index > 2)
    {
        return "none";
    }
    return labels[index][stateless ? 1 : 0];
}

/**
 * \brief An address as dotted text.
 * \param address the address
 * \return e.g. "10.0.0.1"
 */
std::string
AddressText(Ipv4Address address)
{
    std::ostringstream os;
    address.Print(os);
    return os.str();
}

/**
 * \brief Bind text, or NULL when empty.
 * \param stmt the statement
 * \param index the parameter
 * \param text the text
 */
void
BindText(SqliteStatement& stmt, int index, const std::string& text)
{
    if (text.empty())
    {
        stmt.BindNull(index);
    }
    else
    {
        stmt.Bind(index, text);
    }
}

} // namespace

/** \brief A watched application. */
struct PptpTraceCollector::AppRecord
{
    PptpTraceCollector* c;                                //!< the collector
    Ptr<Application> app;                                 //!< the application
    uint32_t nodeId;                                      //!< its node
    const char* role;                                     //!< 'client' or 'server'
    std::vector<ControlRecord*> controls;                 //!< its control connections
    std::unordered_map<uint16_t, TunnelRecord*> byCallId; //!< its open tunnels

    /** \brief \return whether the application is a client */
    bool
    IsClient() const
    {
        return role[0] == 'c';
    }

    /** \brief Server: a control connection was accepted. \param conn the connection */
    void OnNewConnection(Ptr<PptpControlConnection> conn);
    /** \brief A tunnel opened. \param callId the Call ID \param tunnel the tunnel */
    void OnTunnelOpened(uint16_t callId, Ptr<PptpTunnel> tunnel);
    /** \brief A tunnel is up. \param callId the Call ID \param tunnel the tunnel */
    void OnTunnelUp(uint16_t callId, Ptr<PptpTunnel> tunnel);
    /** \brief A tunnel closed. \param callId the Call ID \param tunnel the tunnel */
    void OnTunnelDown(uint16_t callId, Ptr<PptpTunnel> tunnel);
};

/** \brief A control connection: the client's, or one the server accepted. */
struct PptpTraceCollector::ControlRecord
{
    PptpTraceCollector* c;           //!< the collector
    AppRecord* app;                  //!< its application
    Ptr<PptpControlConnection> conn; //!< the connection (server side; null on a client)
    TunnelRecord* tunnel{nullptr};   //!< the tunnel its latest SCCRQ started

    /**
     * \brief A message sent or received.
     * \param message the message
     * \param tx true when sent
     */
    void Message(const PptpControlMessage& message, bool tx);
    /** \brief \param message the message sent */
    void
    OnTx(const PptpControlMessage& message)
    {
        Message(message, true);
    }

    /** \brief \param message the message received */
    void
    OnRx(const PptpControlMessage& message)
    {
        Message(message, false);
    }

    /** \brief \param from the old state \param to the new state */
    void OnState(PptpControlConnectionState from, PptpControlConnectionState to);
    /** \brief \param callId the call \param from the old state \param to the new state */
    void OnCallState(uint16_t callId, PptpCallState from, PptpCallState to);
    /** \brief \param error why the message did not decode */
    void OnMalformed(WireError error);
    /** \brief \return the tunnel id for events (-1: none) */
    int64_t TunnelId() const;
};

/** \brief One tunnel end: its row, its counters, its callbacks. */
struct PptpTraceCollector::TunnelRecord
{
    PptpTraceCollector* c;           //!< the collector
    AppRecord* app;                  //!< its application
    int64_t id;                      //!< tunnel_id
    Ptr<PptpTunnel> tunnel;          //!< the tunnel (after it opened)
    Ptr<GreSession> session;         //!< its GRE session
    int64_t localCallId{-1};         //!< this end's Call ID
    int64_t peerCallId{-1};          //!< the peer's Call ID
    std::string outerLocal;          //!< physical address
    std::string outerPeer;           //!< the peer's physical address
    std::string innerLocal;          //!< tunnel address
    std::string innerPeer;           //!< the peer's tunnel address
    std::string user;                //!< PPP user name
    double startedS{NONE};           //!< SCCRQ
    double openedS{NONE};            //!< TunnelOpened
    double upS{NONE};                //!< TunnelUp
    double downS{NONE};              //!< TunnelDown
    std::string downReason;          //!< why it went down
    std::string linkDownReason;      //!< the PPP link's reason
    const char* authMethod{nullptr}; //!< authentication method
    int authOk{-1};                  //!< 1, 0, or -1 for NULL
    const char* mppe{nullptr};       //!< what CCP agreed
    bool opened{false};              //!< TunnelOpened seen
    bool live{false};                //!< opened and not down
    bool written{false};             //!< its row exists (later writes replace it)
    /** \brief What happened since the last sample. */
    struct Counters
    {
        uint64_t txBytes{0};   //!< ppp0 IPv4 bytes sent since the last sample
        uint64_t rxBytes{0};   //!< ppp0 IPv4 bytes delivered since the last sample
        uint64_t txPackets{0}; //!< ppp0 IPv4 packets sent since the last sample
        uint64_t rxPackets{0}; //!< ppp0 IPv4 packets delivered since the last sample
        uint64_t drops{0};     //!< drops since the last sample
        double rttSum{0};      //!< GRE round-trip samples since the last sample
        uint32_t rttCount{0};  //!< their number
    };

    Counters n;      //!< the counts of the present sample interval
    Time lastSample; //!< end of the last sample

    /** \brief \return the node id */
    uint32_t
    NodeId() const
    {
        return app->nodeId;
    }

    /**
     * \brief Write an event of this tunnel.
     * \param category the category
     * \param name the name
     * \param detail the detail
     * \param value the value
     */
    void
    Event(const char* category, const char* name, const char* detail, double value = NONE)
    {
        c->WriteEvent(NodeId(), id, category, name, detail, value);
    }

    /** \brief \param from the old phase \param to the new phase */
    void
    OnPhase(PppPhase from, PppPhase to)
    {
        Event("ppp-phase", PppPhaseName(to), PppPhaseName(from));
    }

    /** \brief \param method the method \param ok success \param detail name or message */
    void OnAuthentication(PppAuthMethod method, bool ok, std::string detail);

    /** \brief \param local this end's address \param peer the peer's */
    void
    OnNetworkUp(Ipv4Address local, Ipv4Address peer)
    {
        innerLocal = AddressText(local);
        innerPeer = AddressText(peer);
    }

    /** \brief \param reason why the link died */
    void
    OnLinkDown(std::string reason)
    {
        linkDownReason = reason;
    }

    /**
     * \brief The state of LCP, IPCP or CCP changed.
     * \param layer "LCP", "IPCP" or "CCP" (bound when connecting)
     * \param from the old state
     * \param to the new state
     */
    void
    OnAutomatonState(const char* layer, PppAutomatonState from, PppAutomatonState to)
    {
        Event("ppp-state", layer, PppAutomatonStateName(to));
    }

    /** \brief \param from the old state \param to the new state */
    void
    OnAuthenticatorState(PppAuthenticatorState from, PppAuthenticatorState to)
    {
        Event("ppp-state", "AUTH", PppAuthenticatorStateName(to));
    }

    /** \brief \param from the old state \param to the new state */
    void
    OnAuthPeerState(PppAuthPeerState from, PppAuthPeerState to)
    {
        Event("ppp-state", "AUTH", PppAuthPeerStateName(to));
    }

    /** \brief \param protocol the PPP protocol \param packet the packet \param error why */
    void
    OnPppMalformed(uint16_t protocol, Ptr<const Packet> packet, WireError error)
    {
        ++n.drops;
        Event("drop", "ppp", WireErrorName(error));
    }

    /** \brief LCP: the peer does not answer echoes. */
    void
    OnPeerDead()
    {
        Event("lcp", "peer-dead", nullptr);
    }

    /** \brief LCP: the link is looped back. */
    void
    OnLoopback()
    {
        Event("lcp", "loopback", nullptr);
    }

    /** \brief LCP: the peer refused our authentication protocol. */
    void
    OnAuthRefused()
    {
        Event("lcp", "auth-refused", nullptr);
    }

    /** \brief \param rtt an LCP echo round trip */
    void
    OnEchoRtt(Time rtt)
    {
        Event("lcp", "echo-rtt", nullptr, rtt.GetSeconds());
    }

    /** \brief \param on MPPE on \param strength its keys \param stateless its mode */
    void OnCcpNegotiated(bool on, MppeStrength strength, bool stateless);

    /** \brief \param reason why encryption was refused */
    void
    OnEncryptionRefused(const std::string& reason)
    {
        c->WriteEvent(NodeId(), id, "ccp", "refused", reason);
    }

    /** \brief \param identifier the Reset-Request's identifier */
    void
    OnResetRequest(uint8_t identifier)
    {
        Event("ccp", "reset-request", nullptr, identifier);
    }

    /** \brief \param payload the payload \param header the GRE header */
    void
    OnGreTx(Ptr<const Packet> payload, const GreHeader& header)
    {
        c->WritePacket(*this, true, payload, header);
    }

    /** \brief \param payload the payload \param header the GRE header */
    void
    OnGreRx(Ptr<const Packet> payload, const GreHeader& header)
    {
        c->WritePacket(*this, false, payload, header);
    }

    /** \brief \param packet the packet \param reason why */
    void
    OnGreDrop(Ptr<const Packet> packet, GreDropReason reason)
    {
        ++n.drops;
        Event("drop", "gre", GreDropReasonName(reason));
    }

    /** \brief \param sample a GRE round-trip sample */
    void
    OnRttSample(Time sample)
    {
        n.rttSum += sample.GetSeconds();
        ++n.rttCount;
    }

    /** \brief \param packet an IPv4 packet sent into ppp0 */
    void
    OnMacTx(Ptr<const Packet> packet)
    {
        n.txBytes += packet->GetSize();
        ++n.txPackets;
    }

    /** \brief \param packet an IPv4 packet ppp0 delivered */
    void
    OnMacRx(Ptr<const Packet> packet)
    {
        n.rxBytes += packet->GetSize();
        ++n.rxPackets;
    }

    /** \brief \param packet the packet \param reason why */
    void
    OnDeviceDrop(Ptr<const Packet> packet, PptpNetDevice::DropReason reason)
    {
        ++n.drops;
        Event("drop", "ppp0", PptpNetDevice::DropReasonName(reason));
    }

    /** \brief \param payload the payload \param reason why (also a ppp0 DECRYPT_FAILED) */
    void
    OnMppeDrop(Ptr<const Packet> payload, MppeChannel::DropReason reason)
    {
        Event("mppe", "drop", MppeChannel::DropReasonName(reason));
    }

    /** \brief \param coherencyCount the count that brought the receiver in sync */
    void
    OnResynchronized(uint16_t coherencyCount)
    {
        Event("mppe", "resynchronized", nullptr, coherencyCount);
    }
};

/** \brief A node whose GRE protocol's drops are recorded. */
struct PptpTraceCollector::NodeRecord
{
    PptpTraceCollector* c; //!< the collector
    uint32_t nodeId;       //!< the node

    /** \brief \param packet the packet \param reason why */
    void
    OnDrop(Ptr<const Packet> packet, GreDropReason reason)
    {
        c->WriteEvent(nodeId, -1, "drop", "gre-l4", GreDropReasonName(reason));
    }
};

TypeId
PptpTraceCollector::GetTypeId()
{
    static TypeId tid
        = TypeId("ns3::PptpTraceCollector")
              .SetParent<Object>()
              .SetGroupName("Pptp")
              .AddConstructor<PptpTraceCollector>()
              .AddAttribute("SampleInterval",
                            "Simulated time between two sample rows of a tunnel (> 0).",
                            TimeValue(MilliSeconds(100)),
                            MakeTimeAccessor(&PptpTraceCollector::m_sampleInterval),
                            MakePptpRangeChecker(MakeTimeChecker(TimeStep(1)),
                                                 "ns3::PptpTraceCollector::SampleInterval",
                                                 "> 0 s"))
              .AddAttribute("Events",
                            "Write protocol events (event table).",
                            BooleanValue(true),
                            MakeBooleanAccessor(&PptpTraceCollector::m_events),
                            MakeBooleanChecker())
              .AddAttribute("Samples",
                            "Write a sample row per open tunnel every SampleInterval (sample "
                            "table).",
                            BooleanValue(true),
                            MakeBooleanAccessor(&PptpTraceCollector::m_samples),
                            MakeBooleanChecker())
              .AddAttribute("Flows",
                            "Write FlowMonitor's flows at Finish() (flow and flow_delay tables; "
                            "needs WatchFlows()).",
                            BooleanValue(true),
                            MakeBooleanAccessor(&PptpTraceCollector::m_flows),
                            MakeBooleanChecker())
              .AddAttribute("Packets",
                            "Write one row per GRE packet (packet table) and LCP echo round "
                            "trips; set before Watch(). Costly: off by default.",
                            BooleanValue(false),
                            MakeBooleanAccessor(&PptpTraceCollector::m_packets),
                            MakeBooleanChecker())
              .AddAttribute("BatchSize",
                            "Rows per transaction (1..1000000).",
                            UintegerValue(10000),
                            MakeUintegerAccessor(&PptpTraceCollector::m_batchSize),
                            MakePptpRangeChecker(MakeUintegerChecker<uint32_t>(1, 1000000),
                                                 "ns3::PptpTraceCollector::BatchSize",
                                                 "1..1000000"))
              .AddAttribute("CommitInterval",
                            "Simulated time between forced commits (> 0): what an early stop "
                            "can lose at most, and how long a SIGINT or SIGTERM waits at most "
                            "to end the run.",
                            TimeValue(Seconds(1)),
                            MakeTimeAccessor(&PptpTraceCollector::m_commitInterval),
                            MakePptpRangeChecker(MakeTimeChecker(TimeStep(1)),
                                                 "ns3::PptpTraceCollector::CommitInterval",
                                                 "> 0 s"));
    return tid;
}

PptpTraceCollector::PptpTraceCollector()
    : m_sampleInterval(MilliSeconds(100))
    , m_events(true)
    , m_samples(true)
    , m_flows(true)
    , m_packets(false)
    , m_batchSize(10000)
    , m_commitInterval(Seconds(1))
    , m_open(false)
    , m_runId(-1)
    , m_rows(0)
{
    NS_LOG_FUNCTION(this);
}

PptpTraceCollector::~PptpTraceCollector()
{
    NS_LOG_FUNCTION(this);
}

void
PptpTraceCollector::DoDispose()
{
    NS_LOG_FUNCTION(this);
    if (m_open && std::uncaught_exceptions() > 0)
    {
        // The collector goes with the stack an exception unwinds: the run did not finish.
        m_recorder->MarkAborted("uncaught exception (the collector was destroyed while it "
                                "propagated)");
        Close();
    }
    Finish();
    DisconnectAll();
    m_live.clear();
    m_tunnels.clear();
    m_controls.clear();
    m_apps.clear();
    m_greNodes.clear();
    m_monitor = nullptr;
    m_classifier = nullptr;
    Object::DoDispose();
}

void
PptpTraceCollector::Open(const std::string& path, const std::string& experiment)
{
    NS_LOG_FUNCTION(this << path << experiment);
    if (m_open)
    {
        NS_FATAL_ERROR("PptpTraceCollector: Open(" << path << ") while " << m_db->GetPath()
                                                   << " is open");
    }
    if (m_runId >= 0)
    {
        // Its tunnels, applications and trace connections belong to that run.
        NS_FATAL_ERROR("PptpTraceCollector: Open(" << path << ") after run " << m_runId
                                                   << " ended: a collector records one run "
                                                      "(create another for the next)");
    }
    m_db = std::make_unique<SqliteDatabase>();
    std::string error;
    if (!m_db->Open(path, error))
    {
        NS_FATAL_ERROR("PptpTraceCollector: cannot open the trace database '" << path
                                                                              << "': " << error);
    }
    // A write is tried at once, so that an unwritable file is reported here by its path.
    if (!m_db->TryExec("PRAGMA journal_mode=WAL") || !m_db->TryExec("BEGIN IMMEDIATE")
        || !m_db->TryExec("ROLLBACK"))
    {
        NS_FATAL_ERROR("PptpTraceCollector: cannot write the trace database '"
                       << path << "': " << m_db->GetLastError());
    }
    m_db->Exec("PRAGMA synchronous=NORMAL");
    m_db->Exec("PRAGMA foreign_keys=ON");
    PptpTraceSchemaCreate(*m_db);

    m_recorder = std::make_unique<PptpRunRecorder>(*m_db);
    m_runId = m_recorder->Begin(experiment, m_label);
    m_rows = 1;
    m_eventStmt.Prepare(*m_db,
                        "INSERT INTO event(run_id, time_s, node_id, tunnel_id, category, name, "
                        "detail, value) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    m_sampleStmt.Prepare(*m_db,
                         "INSERT INTO sample(run_id, time_s, tunnel_id, tx_bytes, rx_bytes, "
                         "tx_packets, rx_packets, tx_bps, rx_bps, rtt_s, window, outstanding, "
                         "ack_timeout_s, drops) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                         "?11, ?12, ?13, ?14)");
    m_packetStmt.Prepare(*m_db,
                         "INSERT INTO packet(run_id, time_s, tunnel_id, direction, layer, seq, "
                         "ack, size) VALUES(?1, ?2, ?3, ?4, 'gre', ?5, ?6, ?7)");
    m_tunnelStmt.Prepare(*m_db,
                         "INSERT OR REPLACE INTO tunnel(run_id, tunnel_id, node_id, role, "
                         "local_call_id, peer_call_id, outer_local, outer_peer, inner_local, "
                         "inner_peer, user, started_s, opened_s, up_s, down_s, down_reason, "
                         "auth_method, auth_ok, mppe) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                         "?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)");
    m_nodeStmt.Prepare(*m_db,
                       "INSERT OR REPLACE INTO node(run_id, node_id, name, role) "
                       "VALUES(?1, ?2, ?3, ?4)");
    for (SqliteStatement* stmt :
         {&m_eventStmt, &m_sampleStmt, &m_packetStmt, &m_tunnelStmt, &m_nodeStmt})
    {
        stmt->Bind(1, m_runId);
    }
    m_tx = std::make_unique<SqliteBatchedTransaction>(*m_db, m_batchSize);
    m_tx->SetBeforeCommit([this]() { m_recorder->UpdateProgress(); });
    m_recorder->EnableAbortHandling();
    m_open = true;

    // Roles set before Open().
    for (const auto& [nodeId, roleAndName] : m_nodeRoles)
    {
        BeginRow();
        m_nodeStmt.Bind(2, static_cast<int64_t>(nodeId));
        BindText(m_nodeStmt, 3, roleAndName.second);
        m_nodeStmt.Bind(4, roleAndName.first);
        m_nodeStmt.Run();
        EndRow();
    }
    if (m_samples)
    {
        m_sampleEvent
            = Simulator::Schedule(m_sampleInterval, &PptpTraceCollector::SampleTick, this);
    }
    m_commitEvent = Simulator::Schedule(m_commitInterval, &PptpTraceCollector::CommitTick, this);
    m_tx->Commit();
    NS_LOG_INFO("run " << m_runId << " of " << experiment << " in " << path);
}

bool
PptpTraceCollector::IsOpen() const
{
    return m_open;
}

void
PptpTraceCollector::SetLabel(const std::string& label)
{
    NS_LOG_FUNCTION(this << label);
    m_label = label;
    if (m_open)
    {
        m_tx->Begin();
        m_recorder->SetLabel(label);
    }
}

void
PptpTraceCollector::RecordParameters(const CommandLine& cmd, int argc, char** argv)
{
    NS_LOG_FUNCTION(this << argc);
    if (!m_open)
    {
        NS_FATAL_ERROR("PptpTraceCollector::RecordParameters: call Open() first");
    }
    m_tx->Begin();
    m_rows += m_recorder->RecordParameters(cmd, argc, argv);
    m_tx->Commit();
}

void
PptpTraceCollector::SetNodeRole(Ptr<Node> node, const std::string& role, const std::string& name)
{
    NS_LOG_FUNCTION(this << node << role << name);
    std::string nodeName = name.empty() ? Names::FindName(node) : name;
    bool known = m_nodeRoles.find(node->GetId()) != m_nodeRoles.end();
    m_nodeRoles[node->GetId()] = {role, nodeName};
    if (m_open)
    {
        BeginRow();
        m_nodeStmt.Bind(2, static_cast<int64_t>(node->GetId()));
        BindText(m_nodeStmt, 3, nodeName);
        m_nodeStmt.Bind(4, role);
        m_nodeStmt.Run();
        EndRow(!known);
    }
}

void
PptpTraceCollector::Connect(Ptr<Object> object, const char* name, const CallbackBase& callback)
{
    if (!object->TraceConnectWithoutContext(name, callback))
    {
        NS_FATAL_ERROR("PptpTraceCollector: " << object->GetInstanceTypeId().GetName()
                                              << " has no trace source " << name);
    }
    m_connections.push_back({object, name, callback});
}

void
PptpTraceCollector::DisconnectAll()
{
    for (const Connection& connection : m_connections)
    {
        connection.object->TraceDisconnectWithoutContext(connection.name, connection.callback);
    }
    m_connections.clear();
}

PptpTraceCollector::AppRecord*
PptpTraceCollector::AddApp(Ptr<Application> app, const char* role)
{
    for (const auto& record : m_apps)
    {
        if (record->app == app)
        {
            return nullptr;
        }
    }
    auto record = std::make_unique<AppRecord>();
    record->c = this;
    record->app = app;
    record->nodeId = app->GetNode()->GetId();
    record->role = role;
    m_apps.push_back(std::move(record));
    if (m_nodeRoles.find(app->GetNode()->GetId()) == m_nodeRoles.end())
    {
        SetNodeRole(app->GetNode(), role);
    }
    WatchGreProtocol(app->GetNode());
    return m_apps.back().get();
}

void
PptpTraceCollector::ConnectControl(Ptr<Object> object,
                                   ControlRecord* control,
                                   const char* stateSource)
{
    Connect(object, "Tx", MakeCallback(&ControlRecord::OnTx, control));
    Connect(object, "Rx", MakeCallback(&ControlRecord::OnRx, control));
    Connect(object, stateSource, MakeCallback(&ControlRecord::OnState, control));
    Connect(object, "CallState", MakeCallback(&ControlRecord::OnCallState, control));
    Connect(object, "MalformedMessage", MakeCallback(&ControlRecord::OnMalformed, control));
}

void
PptpTraceCollector::ConnectTunnelTraces(AppRecord* app)
{
    Connect(app->app, "TunnelOpened", MakeCallback(&AppRecord::OnTunnelOpened, app));
    Connect(app->app, "TunnelUp", MakeCallback(&AppRecord::OnTunnelUp, app));
    Connect(app->app, "TunnelDown", MakeCallback(&AppRecord::OnTunnelDown, app));
}

void
PptpTraceCollector::Watch(Ptr<PptpClient> client)
{
    NS_LOG_FUNCTION(this << client);
    AppRecord* app = AddApp(client, "client");
    if (!app)
    {
        return;
    }
    auto control = std::make_unique<ControlRecord>();
    control->c = this;
    control->app = app;
    app->controls.push_back(control.get());
    ConnectControl(client, control.get(), "ControlState");
    m_controls.push_back(std::move(control));
    ConnectTunnelTraces(app);
}

void
PptpTraceCollector::Watch(Ptr<PptpServer> server)
{
    NS_LOG_FUNCTION(this << server);
    AppRecord* app = AddApp(server, "server");
    if (!app)
    {
        return;
    }
    Connect(server, "NewConnection", MakeCallback(&AppRecord::OnNewConnection, app));
    ConnectTunnelTraces(app);
}

void
PptpTraceCollector::Watch(const ApplicationContainer& apps)
{
    NS_LOG_FUNCTION(this);
    for (auto i = apps.Begin(); i != apps.End(); ++i)
    {
        if (Ptr<PptpClient> client = DynamicCast<PptpClient>(*i))
        {
            Watch(client);
        }
        else if (Ptr<PptpServer> server = DynamicCast<PptpServer>(*i))
        {
            Watch(server);
        }
    }
}

void
PptpTraceCollector::WatchGreProtocol(Ptr<Node> node)
{
    if (m_greNodes.find(node->GetId()) != m_greNodes.end())
    {
        return;
    }
    Ptr<GreL4Protocol> gre = node->GetObject<GreL4Protocol>();
    if (!gre)
    {
        NS_LOG_WARN("node " << node->GetId()
                            << " has no GreL4Protocol: its GRE drops are not "
                               "recorded");
        return;
    }
    auto record = std::make_unique<NodeRecord>();
    record->c = this;
    record->nodeId = node->GetId();
    Connect(gre, "Drop", MakeCallback(&NodeRecord::OnDrop, record.get()));
    m_greNodes[node->GetId()] = std::move(record);
}

void
PptpTraceCollector::WatchFlows(Ptr<FlowMonitor> monitor, Ptr<Ipv4FlowClassifier> classifier)
{
    NS_LOG_FUNCTION(this << monitor << classifier);
    m_monitor = monitor;
    m_classifier = classifier;
}

void
PptpTraceCollector::AddEvent(Ptr<Node> node,
                             const std::string& category,
                             const std::string& name,
                             const std::string& detail,
                             double value)
{
    if (!m_open || !m_events)
    {
        return;
    }
    BeginRow();
    m_eventStmt.Bind(2, Simulator::Now().GetSeconds());
    if (node)
    {
        m_eventStmt.Bind(3, static_cast<int64_t>(node->GetId()));
    }
    else
    {
        m_eventStmt.BindNull(3);
    }
    m_eventStmt.BindNull(4);
    m_eventStmt.Bind(5, category);
    m_eventStmt.Bind(6, name);
    BindText(m_eventStmt, 7, detail);
    m_eventStmt.Bind(8, value);
    m_eventStmt.Run();
    EndRow();
}

PptpTraceCollector::TunnelRecord*
PptpTraceCollector::NewTunnel(AppRecord* app)
{
    auto record = std::make_unique<TunnelRecord>();
    record->c = this;
    record->app = app;
    record->id = static_cast<int64_t>(m_tunnels.size()) + 1;
    m_tunnels.push_back(std::move(record));
    return m_tunnels.back().get();
}

void
PptpTraceCollector::ControlRecord::Message(const PptpControlMessage& message, bool tx)
{
    PptpControlMessageType type = message.GetMessageType();
    // A client's SCCRQ sent, or a server's SCCRQ received, starts a tunnel end.
    if (type == PptpControlMessageType::START_CONTROL_CONNECTION_REQUEST && tx == app->IsClient())
    {
        tunnel = c->NewTunnel(app);
        tunnel->startedS = Simulator::Now().GetSeconds();
        if (conn)
        {
            tunnel->outerPeer = AddressText(conn->GetPeerAddress());
        }
        c->WriteTunnel(*tunnel);
    }
    c->WriteEvent(app->nodeId, TunnelId(), "control", ControlName(type), tx ? "tx" : "rx");
}

void
PptpTraceCollector::ControlRecord::OnState(PptpControlConnectionState from,
                                           PptpControlConnectionState to)
{
    c->WriteEvent(app->nodeId,
                  TunnelId(),
                  "control-state",
                  PptpControlConnectionStateName(to),
                  PptpControlConnectionStateName(from));
}

void
PptpTraceCollector::ControlRecord::OnCallState(uint16_t callId,
                                               PptpCallState from,
                                               PptpCallState to)
{
    c->WriteEvent(app->nodeId,
                  TunnelId(),
                  "call-state",
                  PptpCallStateName(to),
                  PptpCallStateName(from),
                  callId);
}

void
PptpTraceCollector::ControlRecord::OnMalformed(WireError error)
{
    if (tunnel)
    {
        ++tunnel->n.drops;
    }
    c->WriteEvent(app->nodeId, TunnelId(), "drop", "control", WireErrorName(error));
}

int64_t
PptpTraceCollector::ControlRecord::TunnelId() const
{
    return tunnel ? tunnel->id : -1;
}

void
PptpTraceCollector::AppRecord::OnNewConnection(Ptr<PptpControlConnection> conn)
{
    auto control = std::make_unique<ControlRecord>();
    control->c = c;
    control->app = this;
    control->conn = conn;
    controls.push_back(control.get());
    c->ConnectControl(conn, control.get(), "State");
    c->m_controls.push_back(std::move(control));
}

void
PptpTraceCollector::AppRecord::OnTunnelOpened(uint16_t callId, Ptr<PptpTunnel> tunnel)
{
    // The control connection that carries the call (the newest first).
    ControlRecord* control = nullptr;
    for (auto it = controls.rbegin(); it != controls.rend(); ++it)
    {
        if (IsClient() || ((*it)->conn && (*it)->conn->GetCall(callId)))
        {
            control = *it;
            break;
        }
    }
    TunnelRecord* record = nullptr;
    if (control && control->tunnel && !control->tunnel->opened)
    {
        record = control->tunnel;
    }
    else
    {
        record = c->NewTunnel(this);
        if (control)
        {
            control->tunnel = record;
        }
    }
    Ptr<GreSession> session = tunnel->GetSession();
    record->tunnel = tunnel;
    record->session = session;
    record->localCallId = callId;
    record->peerCallId = session->GetPeerCallId();
    record->outerLocal = AddressText(session->GetLocalAddress());
    record->outerPeer = AddressText(session->GetPeerAddress());
    record->openedS = Simulator::Now().GetSeconds();
    record->opened = true;
    record->live = true;
    record->lastSample = Simulator::Now();
    if (IsClient())
    {
        Ptr<PppAuthPeer> peer = tunnel->GetPppLink()->GetAuthPeer();
        StringValue user;
        if (peer && peer->GetAttributeFailSafe("UserName", user))
        {
            record->user = user.Get();
        }
    }
    byCallId[callId] = record;
    c->m_live.push_back(record);
    c->ConnectTunnel(record);
    record->Event("tunnel", "opened", nullptr);
    c->WriteTunnel(*record);
}

void
PptpTraceCollector::AppRecord::OnTunnelUp(uint16_t callId, Ptr<PptpTunnel> tunnel)
{
    auto it = byCallId.find(callId);
    if (it == byCallId.end())
    {
        return;
    }
    TunnelRecord* record = it->second;
    record->upS = Simulator::Now().GetSeconds();
    record->innerLocal = AddressText(tunnel->GetTunnelAddress());
    record->innerPeer = AddressText(tunnel->GetPeerTunnelAddress());
    record->Event("tunnel", "up", nullptr);
    c->WriteTunnel(*record);
}

void
PptpTraceCollector::AppRecord::OnTunnelDown(uint16_t callId, Ptr<PptpTunnel> tunnel)
{
    auto it = byCallId.find(callId);
    if (it == byCallId.end())
    {
        return;
    }
    TunnelRecord* record = it->second;
    byCallId.erase(it);
    if (c->m_samples)
    {
        c->WriteSample(*record);
    }
    record->live = false;
    for (auto live = c->m_live.begin(); live != c->m_live.end(); ++live)
    {
        if (*live == record)
        {
            c->m_live.erase(live);
            break;
        }
    }
    record->downS = Simulator::Now().GetSeconds();
    record->downReason = record->linkDownReason;
    if (record->downReason.empty())
    {
        record->downReason = tunnel->GetPppLink()->GetDownReason();
    }
    if (record->downReason.empty())
    {
        record->downReason = "call cleared";
    }
    c->WriteEvent(record->NodeId(), record->id, "tunnel", "down", record->downReason);
    c->WriteTunnel(*record);
}

void
PptpTraceCollector::TunnelRecord::OnAuthentication(PppAuthMethod method,
                                                   bool ok,
                                                   std::string detail)
{
    authMethod = AuthLabel(method);
    authOk = ok ? 1 : 0;
    if (!app->IsClient() && !detail.empty())
    {
        user = detail;
    }
    if (ok)
    {
        Event("auth", authMethod, "success");
    }
    else
    {
        c->WriteEvent(NodeId(), id, "auth", authMethod, "failure: " + detail);
    }
    c->WriteTunnel(*this);
}

void
PptpTraceCollector::TunnelRecord::OnCcpNegotiated(bool on, MppeStrength strength, bool stateless)
{
    mppe = MppeLabel(on, strength, stateless);
    Event("ccp", "negotiated", mppe);
    c->WriteTunnel(*this);
}

void
PptpTraceCollector::ConnectTunnel(TunnelRecord* record)
{
    Ptr<PptpTunnel> tunnel = record->tunnel;
    Ptr<PppLink> link = tunnel->GetPppLink();
    Connect(link, "Phase", MakeCallback(&TunnelRecord::OnPhase, record));
    Connect(link, "Authentication", MakeCallback(&TunnelRecord::OnAuthentication, record));
    Connect(link, "NetworkUp", MakeCallback(&TunnelRecord::OnNetworkUp, record));
    Connect(link, "LinkDown", MakeCallback(&TunnelRecord::OnLinkDown, record));
    if (Ptr<PppLcp> lcp = link->GetLcp())
    {
        Connect(lcp, "State", MakeCallback(&TunnelRecord::OnAutomatonState, record, "LCP"));
        Connect(lcp, "Malformed", MakeCallback(&TunnelRecord::OnPppMalformed, record));
        Connect(lcp, "PeerDead", MakeCallback(&TunnelRecord::OnPeerDead, record));
        Connect(lcp, "LoopbackDetected", MakeCallback(&TunnelRecord::OnLoopback, record));
        Connect(lcp, "AuthenticationRefused", MakeCallback(&TunnelRecord::OnAuthRefused, record));
        if (m_packets)
        {
            Connect(lcp, "EchoRtt", MakeCallback(&TunnelRecord::OnEchoRtt, record));
        }
    }
    if (Ptr<PppIpcp> ipcp = link->GetIpcp())
    {
        Connect(ipcp, "State", MakeCallback(&TunnelRecord::OnAutomatonState, record, "IPCP"));
        Connect(ipcp, "Malformed", MakeCallback(&TunnelRecord::OnPppMalformed, record));
    }
    if (Ptr<PppCcp> ccp = link->GetCcp())
    {
        Connect(ccp, "State", MakeCallback(&TunnelRecord::OnAutomatonState, record, "CCP"));
        Connect(ccp, "Malformed", MakeCallback(&TunnelRecord::OnPppMalformed, record));
        Connect(ccp, "Negotiated", MakeCallback(&TunnelRecord::OnCcpNegotiated, record));
        Connect(ccp, "EncryptionRefused", MakeCallback(&TunnelRecord::OnEncryptionRefused, record));
        Connect(ccp, "ResetRequestSent", MakeCallback(&TunnelRecord::OnResetRequest, record));
    }
    if (Ptr<PppAuthenticator> authenticator = link->GetAuthenticator())
    {
        Connect(authenticator, "State", MakeCallback(&TunnelRecord::OnAuthenticatorState, record));
        Connect(authenticator, "Malformed", MakeCallback(&TunnelRecord::OnPppMalformed, record));
    }
    if (Ptr<PppAuthPeer> peer = link->GetAuthPeer())
    {
        Connect(peer, "State", MakeCallback(&TunnelRecord::OnAuthPeerState, record));
        Connect(peer, "Malformed", MakeCallback(&TunnelRecord::OnPppMalformed, record));
    }
    if (Ptr<MppeChannel> mppe = link->GetMppeChannel())
    {
        Connect(mppe, "Drop", MakeCallback(&TunnelRecord::OnMppeDrop, record));
        Connect(mppe, "Resynchronized", MakeCallback(&TunnelRecord::OnResynchronized, record));
    }
    Ptr<GreSession> session = record->session;
    Connect(session, "Drop", MakeCallback(&TunnelRecord::OnGreDrop, record));
    Connect(session, "RttSample", MakeCallback(&TunnelRecord::OnRttSample, record));
    if (m_packets)
    {
        Connect(session, "Tx", MakeCallback(&TunnelRecord::OnGreTx, record));
        Connect(session, "Rx", MakeCallback(&TunnelRecord::OnGreRx, record));
    }
    Ptr<PptpNetDevice> device = tunnel->GetDevice();
    Connect(device, "MacTx", MakeCallback(&TunnelRecord::OnMacTx, record));
    Connect(device, "MacRx", MakeCallback(&TunnelRecord::OnMacRx, record));
    Connect(device, "Drop", MakeCallback(&TunnelRecord::OnDeviceDrop, record));
}

void
PptpTraceCollector::BeginRow()
{
    m_tx->Begin();
}

void
PptpTraceCollector::EndRow(bool newRow)
{
    if (newRow)
    {
        ++m_rows;
    }
    m_tx->RowAdded();
}

bool
PptpTraceCollector::BeginEvent(uint32_t nodeId,
                               int64_t tunnelId,
                               const char* category,
                               const char* name)
{
    if (!m_open || !m_events)
    {
        return false;
    }
    BeginRow();
    m_eventStmt.Bind(2, Simulator::Now().GetSeconds());
    m_eventStmt.Bind(3, static_cast<int64_t>(nodeId));
    if (tunnelId < 0)
    {
        m_eventStmt.BindNull(4);
    }
    else
    {
        m_eventStmt.Bind(4, tunnelId);
    }
    m_eventStmt.BindStatic(5, category);
    m_eventStmt.BindStatic(6, name);
    return true;
}

void
PptpTraceCollector::WriteEvent(uint32_t nodeId,
                               int64_t tunnelId,
                               const char* category,
                               const char* name,
                               const char* detail,
                               double value)
{
    if (BeginEvent(nodeId, tunnelId, category, name))
    {
        m_eventStmt.BindStatic(7, detail);
        m_eventStmt.Bind(8, value);
        m_eventStmt.Run();
        EndRow();
    }
}

void
PptpTraceCollector::WriteEvent(uint32_t nodeId,
                               int64_t tunnelId,
                               const char* category,
                               const char* name,
                               const std::string& detail)
{
    if (BeginEvent(nodeId, tunnelId, category, name))
    {
        BindText(m_eventStmt, 7, detail);
        m_eventStmt.Bind(8, NONE);
        m_eventStmt.Run();
        EndRow();
    }
}

void
PptpTraceCollector::WriteTunnel(TunnelRecord& r)
{
    if (!m_open)
    {
        return;
    }
    BeginRow();
    SqliteStatement& s = m_tunnelStmt;
    s.Bind(2, r.id);
    s.Bind(3, static_cast<int64_t>(r.NodeId()));
    s.BindStatic(4, r.app->role);
    if (r.localCallId < 0)
    {
        s.BindNull(5);
        s.BindNull(6);
    }
    else
    {
        s.Bind(5, r.localCallId);
        s.Bind(6, r.peerCallId);
    }
    BindText(s, 7, r.outerLocal);
    BindText(s, 8, r.outerPeer);
    BindText(s, 9, r.innerLocal);
    BindText(s, 10, r.innerPeer);
    BindText(s, 11, r.user);
    s.Bind(12, r.startedS);
    s.Bind(13, r.openedS);
    s.Bind(14, r.upS);
    s.Bind(15, r.downS);
    BindText(s, 16, r.downReason);
    s.BindStatic(17, r.authMethod);
    if (r.authOk < 0)
    {
        s.BindNull(18);
    }
    else
    {
        s.Bind(18, static_cast<int64_t>(r.authOk));
    }
    s.BindStatic(19, r.mppe);
    s.Run();
    EndRow(!r.written);
    r.written = true;
}

void
PptpTraceCollector::WriteSample(TunnelRecord& r)
{
    Time now = Simulator::Now();
    double interval = (now - r.lastSample).GetSeconds();
    bool empty = r.n.txPackets == 0 && r.n.rxPackets == 0 && r.n.drops == 0 && r.n.rttCount == 0;
    if (!m_open || (interval <= 0 && empty))
    {
        return;
    }
    BeginRow();
    SqliteStatement& s = m_sampleStmt;
    s.Bind(2, now.GetSeconds());
    s.Bind(3, r.id);
    s.Bind(4, static_cast<int64_t>(r.n.txBytes));
    s.Bind(5, static_cast<int64_t>(r.n.rxBytes));
    s.Bind(6, static_cast<int64_t>(r.n.txPackets));
    s.Bind(7, static_cast<int64_t>(r.n.rxPackets));
    s.Bind(8, interval > 0 ? r.n.txBytes * 8.0 / interval : NONE);
    s.Bind(9, interval > 0 ? r.n.rxBytes * 8.0 / interval : NONE);
    s.Bind(10, r.n.rttCount > 0 ? r.n.rttSum / r.n.rttCount : NONE);
    s.Bind(11, static_cast<int64_t>(r.session->GetWindow()));
    s.Bind(12, static_cast<int64_t>(r.session->GetOutstanding()));
    s.Bind(13, r.session->GetAckTimeout().GetSeconds());
    s.Bind(14, static_cast<int64_t>(r.n.drops));
    s.Run();
    EndRow();
    r.n = TunnelRecord::Counters{};
    r.lastSample = now;
}

void
PptpTraceCollector::WritePacket(const TunnelRecord& record,
                                bool tx,
                                Ptr<const Packet> payload,
                                const GreHeader& header)
{
    if (!m_open)
    {
        return;
    }
    BeginRow();
    SqliteStatement& s = m_packetStmt;
    s.Bind(2, Simulator::Now().GetSeconds());
    s.Bind(3, record.id);
    s.BindStatic(4, tx ? "tx" : "rx");
    if (header.HasSequenceNumber())
    {
        s.Bind(5, static_cast<int64_t>(header.GetSequenceNumber()));
    }
    else
    {
        s.BindNull(5);
    }
    if (header.HasAcknowledgment())
    {
        s.Bind(6, static_cast<int64_t>(header.GetAcknowledgment()));
    }
    else
    {
        s.BindNull(6);
    }
    s.Bind(7, static_cast<int64_t>(payload->GetSize() + header.GetSerializedSize()));
    s.Run();
    EndRow();
}

void
PptpTraceCollector::WriteFlows()
{
    if (!m_open || !m_flows || !m_monitor || !m_classifier)
    {
        return;
    }
    NS_LOG_FUNCTION(this);
    m_monitor->CheckForLostPackets();
    SqliteStatement flow(*m_db,
                         "INSERT OR REPLACE INTO flow(run_id, flow_id, src, dst, protocol, "
                         "src_port, dst_port, tx_packets, rx_packets, tx_bytes, rx_bytes, "
                         "lost_packets, first_tx_s, last_tx_s, first_rx_s, last_rx_s, "
                         "throughput_bps, mean_delay_s, mean_jitter_s) VALUES(?1, ?2, ?3, ?4, ?5, "
                         "?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)");
    SqliteStatement bin(*m_db,
                        "INSERT INTO flow_delay(run_id, flow_id, bin_start_s, bin_width_s, count) "
                        "VALUES(?1, ?2, ?3, ?4, ?5)");
    flow.Bind(1, m_runId);
    bin.Bind(1, m_runId);
    for (const auto& [id, st] : m_monitor->GetFlowStats())
    {
        Ipv4FlowClassifier::FiveTuple t = m_classifier->FindFlow(id);
        bool received = st.rxPackets > 0;
        BeginRow();
        flow.Bind(2, static_cast<int64_t>(id));
        flow.Bind(3, AddressText(t.sourceAddress));
        flow.Bind(4, AddressText(t.destinationAddress));
        flow.Bind(5, static_cast<int64_t>(t.protocol));
        flow.Bind(6, static_cast<int64_t>(t.sourcePort));
        flow.Bind(7, static_cast<int64_t>(t.destinationPort));
        flow.Bind(8, static_cast<int64_t>(st.txPackets));
        flow.Bind(9, static_cast<int64_t>(st.rxPackets));
        flow.Bind(10, static_cast<int64_t>(st.txBytes));
        flow.Bind(11, static_cast<int64_t>(st.rxBytes));
        flow.Bind(12, static_cast<int64_t>(st.lostPackets));
        flow.Bind(13, st.timeFirstTxPacket.GetSeconds());
        flow.Bind(14, st.timeLastTxPacket.GetSeconds());
        flow.Bind(15, received ? st.timeFirstRxPacket.GetSeconds() : NONE);
        flow.Bind(16, received ? st.timeLastRxPacket.GetSeconds() : NONE);
        // Seconds of the span only when it is positive: ns-3 3.37 converts a negative Time to
        // seconds through a left shift of a negative value (undefined behaviour).
        const bool spanned = received && st.timeLastRxPacket > st.timeFirstTxPacket;
        flow.Bind(17,
                  spanned
                      ? st.rxBytes * 8.0 / (st.timeLastRxPacket - st.timeFirstTxPacket).GetSeconds()
                      : NONE);
        flow.Bind(18, received ? st.delaySum.GetSeconds() / st.rxPackets : NONE);
        flow.Bind(19, st.rxPackets > 1 ? st.jitterSum.GetSeconds() / (st.rxPackets - 1) : NONE);
        flow.Run();
        EndRow();
        Histogram h = st.delayHistogram; // its getters are not const
        for (uint32_t i = 0; i < h.GetNBins(); ++i)
        {
            if (h.GetBinCount(i) == 0)
            {
                continue;
            }
            BeginRow();
            bin.Bind(2, static_cast<int64_t>(id));
            bin.Bind(3, h.GetBinStart(i));
            bin.Bind(4, h.GetBinWidth(i));
            bin.Bind(5, static_cast<int64_t>(h.GetBinCount(i)));
            bin.Run();
            EndRow();
        }
    }
}

void
PptpTraceCollector::SampleTick()
{
    for (TunnelRecord* record : m_live)
    {
        WriteSample(*record);
    }
    m_sampleEvent = Simulator::Schedule(m_sampleInterval, &PptpTraceCollector::SampleTick, this);
}

void
PptpTraceCollector::CommitTick()
{
    // A transaction even when nothing was written: the run row's progress is brought up to
    // date, and a SIGINT or SIGTERM (handled when a call into sqlite returns) ends the run
    // within a CommitInterval even while nothing else touches the database.
    m_tx->Begin();
    m_tx->Commit();
    m_commitEvent = Simulator::Schedule(m_commitInterval, &PptpTraceCollector::CommitTick, this);
}

void
PptpTraceCollector::Commit()
{
    if (m_open)
    {
        m_tx->Commit();
    }
}

void
PptpTraceCollector::Finish()
{
    if (!m_open)
    {
        return;
    }
    NS_LOG_FUNCTION(this);
    m_sampleEvent.Cancel();
    m_commitEvent.Cancel();
    if (m_samples)
    {
        for (TunnelRecord* record : m_live)
        {
            WriteSample(*record);
        }
    }
    WriteFlows();
    m_tx->Begin();
    m_recorder->MarkFinished();
    m_tx->Commit();
    Close();
    NS_LOG_INFO("run " << m_runId << " finished: " << m_rows << " rows");
}

void
PptpTraceCollector::Close()
{
    NS_LOG_FUNCTION(this);
    m_sampleEvent.Cancel();
    m_commitEvent.Cancel();
    DisconnectAll();
    m_recorder->DisableAbortHandling();
    m_open = false;
    m_eventStmt.Finalize();
    m_sampleStmt.Finalize();
    m_packetStmt.Finalize();
    m_tunnelStmt.Finalize();
    m_nodeStmt.Finalize();
    m_tx.reset();
    m_recorder.reset();
    // Fold the write-ahead log into the file, so that a reader needs nothing beside it.
    m_db->TryExec("PRAGMA wal_checkpoint(TRUNCATE)");
    m_db->Close();
}

uint64_t
PptpTraceCollector::GetRowCount() const
{
    return m_rows;
}

int64_t
PptpTraceCollector::GetRunId() const
{
    return m_runId;
}

uint32_t
PptpTraceCollector::GetTunnelCount() const
{
    return static_cast<uint32_t>(m_tunnels.size());
}

} // namespace ns3
