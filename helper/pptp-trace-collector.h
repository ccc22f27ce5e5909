/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_TRACE_COLLECTOR_H
#define PPTP_TRACE_COLLECTOR_H

#include "pptp-run-recorder.h"
#include "sqlite-database.h"

#include "ns3/application-container.h"
#include "ns3/callback.h"
#include "ns3/command-line.h"
#include "ns3/event-id.h"
#include "ns3/flow-monitor.h"
#include "ns3/ipv4-flow-classifier.h"
#include "ns3/node.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/ptr.h"

#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace ns3
{

class GreHeader;
class Packet;
class PptpClient;
class PptpServer;

/**
 * \ingroup pptp
 * \brief Writes what a PPTP simulation does into an SQLite database (the trace database
 * whose tables and columns the schema table of the file describes): one run row with its
 * parameters, the nodes, every tunnel end, protocol events, periodic samples per tunnel,
 * FlowMonitor's flows and, optionally, every GRE packet.
 *
 * Use: CreateObject, set the Attributes, Open() the file, RecordParameters() after the
 * CommandLine was parsed, Watch() the PptpClient and PptpServer applications (before the
 * simulation starts), optionally WatchFlows(), run the simulation with a stop time
 * (Simulator::Stop: the collector's periodic events never run out), then Finish() before
 * Simulator::Destroy(). Many runs may share one file: each gets its own run_id.
 *
 * The collector connects to the objects' trace sources directly (no Config paths): the
 * applications' control and tunnel traces, and, when a tunnel opens, its PPP link (phase,
 * authentication, LCP / IPCP / CCP / authentication states, CCP results, LCP events), its GRE
 * session, its ppp0 device and its MPPE channel. Per packet it only adds to the counters of
 * the tunnel (bytes and packets through ppp0, GRE round-trip samples, drops); a periodic
 * event writes one sample row per open tunnel every SampleInterval. With Packets on, every
 * GRE packet also becomes a row (and LCP echo round trips become events).
 *
 * Rows are written by statements prepared once, in transactions of BatchSize rows, and
 * committed at least every CommitInterval of simulated time (the run row's simulated and
 * wall-clock time are updated at each commit). The database is in WAL mode: what was
 * committed survives the process. When the program stops early (an uncaught exception,
 * NS_FATAL_ERROR, SIGINT, SIGTERM) the open transaction is committed and the run marked
 * 'aborted' with the reason (PptpRunRecorder); a run killed with SIGKILL stays 'running'.
 */
class PptpTraceCollector : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PptpTraceCollector();
    ~PptpTraceCollector() override;

    /**
     * \brief Open (or create) the database, create the tables that are missing, insert this
     * run (status 'running') and commit it at once. Stops the program with a message naming
     * the path and sqlite's message when the file cannot be opened or written, and when this
     * collector was opened before (a collector records one run).
     * \param path the database file
     * \param experiment the program's name (run.experiment)
     */
    void Open(const std::string& path, const std::string& experiment);
    /** \brief \return whether Open() succeeded and Finish() was not called */
    bool IsOpen() const;

    /**
     * \brief Set the run's label (free text, e.g. a sweep point id); before or after Open().
     * \param label the label
     */
    void SetLabel(const std::string& label);

    /**
     * \brief Write the run's parameters: every CommandLine option with its default or given
     * value, the command line, the Attribute initial values of the module's TypeIds (and of
     * any TypeId whose default was changed) and the global values (RngSeed, RngRun, ...). Call
     * after cmd.Parse() and after Open().
     * \param cmd the command line
     * \param argc the program's argc
     * \param argv the program's argv
     */
    void RecordParameters(const CommandLine& cmd, int argc, char** argv);

    /**
     * \brief Write a node's role and name (node table); Watch() writes 'client' and 'server'
     * for the applications' nodes unless a role was set before.
     * \param node the node
     * \param role e.g. 'client', 'server', 'router', 'host', 'eavesdropper'
     * \param name the name ("": the node's name in Names, if any)
     */
    void SetNodeRole(Ptr<Node> node, const std::string& role, const std::string& name = "");

    /**
     * \brief Record a PPTP client: its control connection, its tunnels and their samples.
     * \param client the application (before it starts)
     */
    void Watch(Ptr<PptpClient> client);
    /**
     * \brief Record a PPTP server: every control connection it accepts, its tunnels and
     * their samples.
     * \param server the application (before it starts)
     */
    void Watch(Ptr<PptpServer> server);
    /**
     * \brief Record every PptpClient and PptpServer of a container (others are ignored).
     * \param apps the applications
     */
    void Watch(const ApplicationContainer& apps);
    /**
     * \brief Write the flows of a FlowMonitor at Finish() (flow and flow_delay tables).
     * \param monitor the monitor
     * \param classifier its IPv4 classifier
     */
    void WatchFlows(Ptr<FlowMonitor> monitor, Ptr<Ipv4FlowClassifier> classifier);

    /**
     * \brief Write an event of the program's own (e.g. an attack step of an example).
     * \param node the node (nullptr: none)
     * \param category the category
     * \param name the name
     * \param detail the detail ("" for NULL)
     * \param value the value (NaN for NULL)
     */
    void AddEvent(Ptr<Node> node,
                  const std::string& category,
                  const std::string& name,
                  const std::string& detail = "",
                  double value = std::numeric_limits<double>::quiet_NaN());

    /** \brief Commit the rows written so far now. */
    void Commit();
    /**
     * \brief End the run: a last sample of every open tunnel, the flows, the run row
     * 'finished', commit, disconnect from every trace source and close the file. Called by
     * DoDispose() when not called before (when DoDispose() runs because an exception unwinds
     * the stack, the run is marked 'aborted' instead); nothing when not open.
     */
    void Finish();

    /** \brief \return the rows written in this run (every table) */
    uint64_t GetRowCount() const;
    /** \brief \return the run_id (-1 before Open()) */
    int64_t GetRunId() const;
    /** \brief \return the tunnel ends recorded so far */
    uint32_t GetTunnelCount() const;

  protected:
    void DoDispose() override;

  private:
    struct AppRecord;
    struct ControlRecord;
    struct TunnelRecord;
    struct NodeRecord;

    /** \brief One trace connection, kept to disconnect it at Finish(). */
    struct Connection
    {
        Ptr<Object> object;    //!< the object
        std::string name;      //!< the trace source
        CallbackBase callback; //!< the callback
    };

    /**
     * \brief Connect to a trace source and remember the connection.
     * \param object the object
     * \param name the trace source (the program stops when it has none of that name)
     * \param callback the callback
     */
    void Connect(Ptr<Object> object, const char* name, const CallbackBase& callback);
    /** \brief Disconnect every remembered connection. */
    void DisconnectAll();
    /**
     * \brief Stop the periodic events, disconnect, unregister from the abort handlers and
     * close the file (the run row is already ended).
     */
    void Close();

    /**
     * \brief The record of an application, made on first use.
     * \param app the application
     * \param role 'client' or 'server'
     * \return the record
     */
    AppRecord* AddApp(Ptr<Application> app, const char* role);
    /**
     * \brief Connect the control traces of a client or of one connection of a server.
     * \param object the client or the connection
     * \param control the record the callbacks carry
     * \param stateSource the name of the connection state source ("ControlState" or "State")
     */
    void ConnectControl(Ptr<Object> object, ControlRecord* control, const char* stateSource);
    /**
     * \brief Connect an application's TunnelOpened, TunnelUp and TunnelDown.
     * \param app the application's record
     */
    void ConnectTunnelTraces(AppRecord* app);
    /**
     * \brief Connect the GRE protocol's drops on a node, once per node.
     * \param node the node
     */
    void WatchGreProtocol(Ptr<Node> node);
    /**
     * \brief A new tunnel end record.
     * \param app the application
     * \return the record (owned by the collector)
     */
    TunnelRecord* NewTunnel(AppRecord* app);
    /**
     * \brief Connect the traces of an opened tunnel's PPP link, session, device and MPPE.
     * \param record the tunnel's record
     */
    void ConnectTunnel(TunnelRecord* record);

    /** \brief Open a transaction if needed (before a row). */
    void BeginRow();
    /**
     * \brief Count a row written (commits when the batch is full).
     * \param newRow false when the row replaced one written before (not counted again)
     */
    void EndRow(bool newRow = true);
    /**
     * \brief Open a row of the event table and bind all but its detail and value.
     * \param nodeId the node
     * \param tunnelId the tunnel (-1: NULL)
     * \param category static text
     * \param name static text
     * \return false when events are not written (nothing bound)
     */
    bool BeginEvent(uint32_t nodeId, int64_t tunnelId, const char* category, const char* name);
    /**
     * \brief Write an event.
     * \param nodeId the node
     * \param tunnelId the tunnel (-1: NULL)
     * \param category static text
     * \param name static text
     * \param detail static text (nullptr: NULL)
     * \param value the value (NaN: NULL)
     */
    void WriteEvent(uint32_t nodeId,
                    int64_t tunnelId,
                    const char* category,
                    const char* name,
                    const char* detail,
                    double value = std::numeric_limits<double>::quiet_NaN());
    /**
     * \brief Write an event whose detail is made at run time.
     * \param nodeId the node
     * \param tunnelId the tunnel (-1: NULL)
     * \param category static text
     * \param name static text
     * \param detail the detail (copied)
     */
    void WriteEvent(uint32_t nodeId,
                    int64_t tunnelId,
                    const char* category,
                    const char* name,
                    const std::string& detail);
    /** \brief Write (insert or replace) a tunnel row. \param record the tunnel */
    void WriteTunnel(TunnelRecord& record);
    /**
     * \brief Write a sample row of a tunnel for the time since its last one, and reset its
     * counters.
     * \param record the tunnel
     */
    void WriteSample(TunnelRecord& record);
    /**
     * \brief Write a GRE packet row.
     * \param record the tunnel
     * \param tx true for a packet sent
     * \param payload the payload
     * \param header the GRE header
     */
    void WritePacket(const TunnelRecord& record,
                     bool tx,
                     Ptr<const Packet> payload,
                     const GreHeader& header);
    /** \brief Write the flows of the FlowMonitor. */
    void WriteFlows();
    /** \brief The periodic sample event. */
    void SampleTick();
    /** \brief The periodic commit event. */
    void CommitTick();

    Time m_sampleInterval; //!< SampleInterval
    bool m_events;         //!< Events
    bool m_samples;        //!< Samples
    bool m_flows;          //!< Flows
    bool m_packets;        //!< Packets
    uint32_t m_batchSize;  //!< BatchSize
    Time m_commitInterval; //!< CommitInterval
    std::string m_label;   //!< the label set before Open()

    std::unique_ptr<SqliteDatabase> m_db;                   //!< the database
    std::unique_ptr<PptpRunRecorder> m_recorder;            //!< the run row
    std::unique_ptr<SqliteBatchedTransaction> m_tx;         //!< the transactions
    SqliteStatement m_eventStmt;                            //!< INSERT INTO event
    SqliteStatement m_sampleStmt;                           //!< INSERT INTO sample
    SqliteStatement m_packetStmt;                           //!< INSERT INTO packet
    SqliteStatement m_tunnelStmt;                           //!< INSERT OR REPLACE INTO tunnel
    SqliteStatement m_nodeStmt;                             //!< INSERT OR REPLACE INTO node
    bool m_open;                                            //!< Open() done, Finish() not yet
    int64_t m_runId;                                        //!< the run
    uint64_t m_rows;                                        //!< rows written
    EventId m_sampleEvent;                                  //!< next SampleTick()
    EventId m_commitEvent;                                  //!< next CommitTick()
    Ptr<FlowMonitor> m_monitor;                             //!< the flows' monitor
    Ptr<Ipv4FlowClassifier> m_classifier;                   //!< its classifier
    std::vector<Connection> m_connections;                  //!< trace connections
    std::vector<std::unique_ptr<AppRecord>> m_apps;         //!< watched applications
    std::vector<std::unique_ptr<ControlRecord>> m_controls; //!< control connections
    std::vector<std::unique_ptr<TunnelRecord>> m_tunnels;   //!< tunnel ends, by id - 1
    std::vector<TunnelRecord*> m_live;                      //!< tunnels open now
    std::unordered_map<uint32_t, std::unique_ptr<NodeRecord>> m_greNodes; //!< nodes' GRE drops
    std::unordered_map<uint32_t, std::pair<std::string, std::string>>
        m_nodeRoles; //!< role and name of each node given one
};

} // namespace ns3

#endif /* PPTP_TRACE_COLLECTOR_H */
