/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-trace-schema.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PptpTraceSchema");

namespace
{

/// The run_id column every table but meta and schema starts with.
const PptpTraceColumn RUN_ID{"run_id", "INTEGER", "", "", "the run (run.run_id)"};
/// A tunnel_id column.
const PptpTraceColumn TUNNEL_ID{
    "tunnel_id", "INTEGER", "", "", "the tunnel (tunnel.tunnel_id of the same run)"};

} // namespace

const std::vector<PptpTraceTable>&
PptpTraceSchemaTables()
{
    static const std::vector<PptpTraceTable> tables = {
        {"meta",
         "Facts about the database file itself",
         {
             {"key", "TEXT", "PRIMARY KEY", "", "the fact's name, e.g. 'schema_version'"},
             {"value", "TEXT", "", "", "the value of the fact, as text"},
         },
         ""},
        {"schema",
         "The description of every table (column_name '') and every column of the database",
         {
             {"table_name", "TEXT", "", "", "the table described"},
             {"column_name", "TEXT", "", "", "the column; '' for the row describing the table"},
             {"type", "TEXT", "", "", "the SQLite type: INTEGER, REAL or TEXT"},
             {"unit", "TEXT", "", "", "the unit of the values, '' when they have none"},
             {"description", "TEXT", "", "", "what the table or the column holds"},
         },
         "PRIMARY KEY(table_name, column_name)"},
        {"run",
         "One simulation run: one program execution that opened a PptpTraceCollector",
         {
             {"run_id",
              "INTEGER",
              "PRIMARY KEY AUTOINCREMENT",
              "",
              "the run; every other table refers to it"},
             {"experiment",
              "TEXT",
              "NOT NULL",
              "",
              "the program's name, e.g. 'pptp-remote-access'"},
             {"label", "TEXT", "", "", "free text the user set (e.g. a sweep point), NULL if none"},
             {"seed", "INTEGER", "", "", "RngSeedManager::GetSeed() (the RngSeed global value)"},
             {"run_number",
              "INTEGER",
              "",
              "",
              "RngSeedManager::GetRun() (the RngRun global value)"},
             {"started_wall",
              "TEXT",
              "NOT NULL",
              "ISO 8601 UTC",
              "wall-clock time when the run began"},
             {"finished_wall",
              "TEXT",
              "",
              "ISO 8601 UTC",
              "wall-clock time when the run ended (finished or aborted); NULL while running"},
             {"status",
              "TEXT",
              "NOT NULL",
              "",
              "'running', 'finished' or 'aborted' (a run left 'running' did not end: killed)"},
             {"status_detail", "TEXT", "", "", "why the run was aborted, NULL otherwise"},
             {"module_version", "TEXT", "NOT NULL", "", "the pptp module's version"},
             {"ns3_version", "TEXT", "NOT NULL", "", "the ns-3 version"},
             {"sim_time_s",
              "REAL",
              "",
              "s",
              "simulated time reached at the end of the run, or at its last commit"},
             {"wall_s",
              "REAL",
              "",
              "s",
              "wall-clock seconds from opening the database to the end, or to the last commit"},
         },
         ""},
        {"run_param",
         "One parameter of a run: a CommandLine value, the command line, an Attribute default or "
         "a global value",
         {
             RUN_ID,
             {"key",
              "TEXT",
              "",
              "",
              "the option name (cmdline), 'argv', 'ns3::Class::Attribute' (attribute) or the "
              "global value's name (global)"},
             {"value", "TEXT", "", "", "the value as text"},
             {"source",
              "TEXT",
              "",
              "",
              "'cmdline' (CommandLine option, default or given), 'argv' (the command line), "
              "'attribute' (TypeId Attribute initial value) or 'global' (GlobalValue)"},
         },
         "PRIMARY KEY(run_id, key)"},
        {"node",
         "One node of a run and its role in the experiment",
         {
             RUN_ID,
             {"node_id", "INTEGER", "", "", "ns-3's Node::GetId()"},
             {"name", "TEXT", "", "", "the node's name (Names, or as the program set it)"},
             {"role",
              "TEXT",
              "",
              "",
              "'client', 'server', 'router', 'host', 'branch-router', 'eavesdropper', ..."},
         },
         "PRIMARY KEY(run_id, node_id)"},
        {"tunnel",
         "One PPTP tunnel end (a call's data channel on one node) of a run",
         {
             RUN_ID,
             {"tunnel_id", "INTEGER", "", "", "per-run counter given by the collector, from 1"},
             {"node_id", "INTEGER", "", "", "the node of this tunnel end"},
             {"role", "TEXT", "", "", "'client' (PNS) or 'server' (PAC)"},
             {"local_call_id", "INTEGER", "", "", "this end's PPTP Call ID (NULL before the call)"},
             {"peer_call_id", "INTEGER", "", "", "the peer's PPTP Call ID (NULL before the call)"},
             {"outer_local", "TEXT", "", "", "this end's physical (GRE) IPv4 address"},
             {"outer_peer", "TEXT", "", "", "the peer's physical (GRE) IPv4 address"},
             {"inner_local", "TEXT", "", "", "this end's tunnel address from IPCP (NULL until up)"},
             {"inner_peer", "TEXT", "", "", "the peer's tunnel address from IPCP (NULL until up)"},
             {"user", "TEXT", "", "", "the PPP user name when known"},
             {"started_s",
              "REAL",
              "",
              "s",
              "client: when its control connection began (SCCRQ sent); server: SCCRQ received"},
             {"opened_s",
              "REAL",
              "",
              "s",
              "when the call was established and its data channel opened (TunnelOpened)"},
             {"up_s",
              "REAL",
              "",
              "s",
              "when IPCP and CCP were done and the interface up (TunnelUp); NULL if never"},
             {"down_s", "REAL", "", "s", "when the data channel was closed; NULL if never"},
             {"down_reason", "TEXT", "", "", "why the tunnel went down (the PPP link's reason)"},
             {"auth_method",
              "TEXT",
              "",
              "",
              "'PAP', 'CHAP-MD5' or 'MS-CHAPv2'; NULL when no authentication happened"},
             {"auth_ok",
              "INTEGER",
              "",
              "",
              "1 when authentication succeeded, 0 when it failed, NULL when none happened"},
             {"mppe", "TEXT", "", "", "what CCP agreed, e.g. 'MPPE-128 stateless' or 'none'"},
         },
         "PRIMARY KEY(run_id, tunnel_id)"},
        {"event",
         "One protocol event (state change, message, result, drop) of a run",
         {
             RUN_ID,
             {"time_s", "REAL", "", "s", "simulated time of the event"},
             {"node_id", "INTEGER", "", "", "the node where it happened"},
             {"tunnel_id",
              "INTEGER",
              "",
              "",
              "the tunnel it belongs to (tunnel.tunnel_id), NULL if none"},
             {"category",
              "TEXT",
              "",
              "",
              "'control', 'control-state', 'call-state', 'tunnel', 'ppp-phase', 'ppp-state', "
              "'auth', 'ccp', 'mppe', 'lcp', 'drop', or one an example adds"},
             {"name",
              "TEXT",
              "",
              "",
              "control: message ('SCCRQ', 'OCRP', ...); control-state, call-state, ppp-phase: the "
              "new state; tunnel: 'opened', 'up', 'down'; ppp-state: the layer ('LCP', 'IPCP', "
              "'CCP', 'AUTH'); auth: the method; ccp: 'negotiated', 'refused', 'reset-request'; "
              "mppe: 'resynchronized', 'drop'; lcp: 'peer-dead', 'loopback', 'auth-refused', "
              "'echo-rtt'; drop: the layer ('gre', 'gre-l4', 'ppp0', 'ppp', 'control')"},
             {"detail",
              "TEXT",
              "",
              "",
              "control: 'tx' or 'rx'; state changes: the old state (ppp-state: the new automaton "
              "state); tunnel down: the reason; auth: 'success' or 'failure: <message>'; ccp "
              "negotiated: e.g. 'MPPE-128 stateless'; drops: the reason's name"},
             {"value",
              "REAL",
              "",
              "",
              "call-state: the Call ID; mppe resynchronized: the coherency count; ccp "
              "reset-request: the identifier; lcp echo-rtt: seconds; NULL otherwise"},
         },
         ""},
        {"sample",
         "The state of one tunnel over one SampleInterval (the last row of a tunnel covers the "
         "time to its end or to the end of the run)",
         {
             RUN_ID,
             {"time_s", "REAL", "", "s", "simulated time at the end of the interval"},
             TUNNEL_ID,
             {"tx_bytes", "INTEGER", "", "bytes", "IPv4 bytes sent into ppp0 in the interval"},
             {"rx_bytes", "INTEGER", "", "bytes", "IPv4 bytes ppp0 delivered in the interval"},
             {"tx_packets",
              "INTEGER",
              "",
              "packets",
              "IPv4 packets sent into ppp0 in the interval"},
             {"rx_packets",
              "INTEGER",
              "",
              "packets",
              "IPv4 packets ppp0 delivered in the interval"},
             {"tx_bps", "REAL", "", "bit/s", "tx_bytes * 8 / the interval's length"},
             {"rx_bps", "REAL", "", "bit/s", "rx_bytes * 8 / the interval's length"},
             {"rtt_s",
              "REAL",
              "",
              "s",
              "mean GRE round-trip sample in the interval, NULL if none was taken"},
             {"window", "INTEGER", "", "packets", "the GRE session's send window at the sample"},
             {"outstanding",
              "INTEGER",
              "",
              "packets",
              "GRE packets sent and not yet acknowledged at the sample"},
             {"ack_timeout_s",
              "REAL",
              "",
              "s",
              "the GRE session's adaptive acknowledgment time-out at the sample"},
             {"drops",
              "INTEGER",
              "",
              "packets",
              "drops of this tunnel in the interval (GRE session, ppp0, PPP; MPPE drops are "
              "counted once, as ppp0 DECRYPT_FAILED)"},
         },
         ""},
        {"flow",
         "One IPv4 flow seen by FlowMonitor, at the end of the run",
         {
             RUN_ID,
             {"flow_id", "INTEGER", "", "", "FlowMonitor's flow id"},
             {"src", "TEXT", "", "", "source address"},
             {"dst", "TEXT", "", "", "destination address"},
             {"protocol", "INTEGER", "", "", "IP protocol number (6 TCP, 17 UDP, 47 GRE)"},
             {"src_port", "INTEGER", "", "", "source port (0 when the protocol has none)"},
             {"dst_port", "INTEGER", "", "", "destination port (0 when the protocol has none)"},
             {"tx_packets", "INTEGER", "", "packets", "packets sent"},
             {"rx_packets", "INTEGER", "", "packets", "packets received"},
             {"tx_bytes", "INTEGER", "", "bytes", "bytes sent (IPv4 header included)"},
             {"rx_bytes", "INTEGER", "", "bytes", "bytes received (IPv4 header included)"},
             {"lost_packets", "INTEGER", "", "packets", "packets FlowMonitor declared lost"},
             {"first_tx_s", "REAL", "", "s", "time of the first packet sent"},
             {"last_tx_s", "REAL", "", "s", "time of the last packet sent"},
             {"first_rx_s", "REAL", "", "s", "time of the first packet received (NULL if none)"},
             {"last_rx_s", "REAL", "", "s", "time of the last packet received (NULL if none)"},
             {"throughput_bps",
              "REAL",
              "",
              "bit/s",
              "rx_bytes * 8 / (last_rx_s - first_tx_s), NULL when undefined"},
             {"mean_delay_s", "REAL", "", "s", "mean one-way delay of the packets received"},
             {"mean_jitter_s",
              "REAL",
              "",
              "s",
              "mean delay variation between consecutive packets received"},
         },
         "PRIMARY KEY(run_id, flow_id)"},
        {"flow_delay",
         "One non-empty bin of a flow's delay histogram (FlowMonitor's, for the delay CDF)",
         {
             RUN_ID,
             {"flow_id", "INTEGER", "", "", "the flow (flow.flow_id)"},
             {"bin_start_s", "REAL", "", "s", "the lower edge of the bin"},
             {"bin_width_s", "REAL", "", "s", "the width of the bin"},
             {"count", "INTEGER", "", "packets", "packets whose delay fell in the bin"},
         },
         ""},
        {"packet",
         "One GRE packet sent or received by a tunnel (only with the collector's Packets on)",
         {
             RUN_ID,
             {"time_s", "REAL", "", "s", "simulated time"},
             TUNNEL_ID,
             {"direction", "TEXT", "", "", "'tx' or 'rx'"},
             {"layer", "TEXT", "", "", "the protocol layer of the packet: 'gre'"},
             {"seq", "INTEGER", "", "", "GRE sequence number, NULL if absent (ack-only)"},
             {"ack", "INTEGER", "", "", "GRE acknowledgment number, NULL if absent"},
             {"size", "INTEGER", "", "bytes", "GRE header and payload"},
         },
         ""},
    };
    return tables;
}

std::string
PptpTraceTableDdl(const PptpTraceTable& table)
{
    std::string sql = "CREATE TABLE IF NOT EXISTS ";
    sql += table.name;
    sql += " (";
    bool first = true;
    for (const PptpTraceColumn& column : table.columns)
    {
        sql += first ? "" : ", ";
        first = false;
        sql += column.name;
        sql += " ";
        sql += column.type;
        if (*column.constraint)
        {
            sql += " ";
            sql += column.constraint;
        }
    }
    if (*table.tableConstraint)
    {
        sql += ", ";
        sql += table.tableConstraint;
    }
    sql += ")";
    return sql;
}

std::vector<std::string>
PptpTraceIndexDdl()
{
    return {
        "CREATE INDEX IF NOT EXISTS event_run_time ON event(run_id, time_s)",
        "CREATE INDEX IF NOT EXISTS sample_run_tunnel_time ON sample(run_id, tunnel_id, time_s)",
        "CREATE INDEX IF NOT EXISTS packet_run_tunnel_time ON packet(run_id, tunnel_id, time_s)",
    };
}

void
PptpTraceSchemaCreate(SqliteDatabase& db)
{
    NS_LOG_FUNCTION(db.GetPath());
    // BEGIN IMMEDIATE: two programs creating one file at once take turns.
    db.Exec("BEGIN IMMEDIATE");
    for (const PptpTraceTable& table : PptpTraceSchemaTables())
    {
        db.Exec(PptpTraceTableDdl(table));
    }
    for (const std::string& index : PptpTraceIndexDdl())
    {
        db.Exec(index);
    }
    SqliteStatement meta(db,
                         "INSERT OR REPLACE INTO meta(key, value) VALUES('schema_version', ?1)");
    meta.BindStatic(1, PPTP_TRACE_SCHEMA_VERSION);
    meta.Run();
    SqliteStatement describe(db,
                             "INSERT OR REPLACE INTO schema(table_name, column_name, type, unit, "
                             "description) VALUES(?1, ?2, ?3, ?4, ?5)");
    for (const PptpTraceTable& table : PptpTraceSchemaTables())
    {
        describe.BindStatic(1, table.name);
        describe.BindStatic(2, "");
        describe.BindStatic(3, "");
        describe.BindStatic(4, "");
        describe.BindStatic(5, table.description);
        describe.Run();
        for (const PptpTraceColumn& column : table.columns)
        {
            describe.BindStatic(2, column.name);
            describe.BindStatic(3, column.type);
            describe.BindStatic(4, column.unit);
            describe.BindStatic(5, column.description);
            describe.Run();
        }
    }
    meta.Finalize();
    describe.Finalize();
    db.Exec("COMMIT");
}

} // namespace ns3
