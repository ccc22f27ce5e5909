# Copyright (c) 2026 The ns3-pptp authors
#
# SPDX-License-Identifier: GPL-2.0-only
"""The tables the analysis reads: the database contract of issue 6, in one place.

The C++ collector (helper/pptp-trace-schema.cc) creates these tables; the analysis only reads
them. This copy serves the test fixtures and the sweep merge when the main database does not
exist yet and no collector-written database gives the DDL. Columns may be added, never renamed:
queries name the columns they read, so added columns do not disturb them.
"""

SCHEMA_VERSION = "1"

DDL = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS schema(table_name TEXT, column_name TEXT, type TEXT, unit TEXT,
    description TEXT, PRIMARY KEY(table_name, column_name));
CREATE TABLE IF NOT EXISTS run(run_id INTEGER PRIMARY KEY AUTOINCREMENT,
    experiment TEXT NOT NULL, label TEXT, seed INTEGER, run_number INTEGER,
    started_wall TEXT NOT NULL, finished_wall TEXT, status TEXT NOT NULL, status_detail TEXT,
    module_version TEXT NOT NULL, ns3_version TEXT NOT NULL, sim_time_s REAL, wall_s REAL);
CREATE TABLE IF NOT EXISTS run_param(run_id INTEGER, key TEXT, value TEXT, source TEXT,
    PRIMARY KEY(run_id, key));
CREATE TABLE IF NOT EXISTS node(run_id INTEGER, node_id INTEGER, name TEXT, role TEXT,
    PRIMARY KEY(run_id, node_id));
CREATE TABLE IF NOT EXISTS tunnel(run_id INTEGER, tunnel_id INTEGER, node_id INTEGER, role TEXT,
    local_call_id INTEGER, peer_call_id INTEGER, outer_local TEXT, outer_peer TEXT,
    inner_local TEXT, inner_peer TEXT, user TEXT, started_s REAL, opened_s REAL, up_s REAL,
    down_s REAL, down_reason TEXT, auth_method TEXT, auth_ok INTEGER, mppe TEXT,
    PRIMARY KEY(run_id, tunnel_id));
CREATE TABLE IF NOT EXISTS event(run_id INTEGER, time_s REAL, node_id INTEGER, tunnel_id INTEGER,
    category TEXT, name TEXT, detail TEXT, value REAL);
CREATE TABLE IF NOT EXISTS sample(run_id INTEGER, time_s REAL, tunnel_id INTEGER,
    tx_bytes INTEGER, rx_bytes INTEGER, tx_packets INTEGER, rx_packets INTEGER,
    tx_bps REAL, rx_bps REAL, rtt_s REAL, window INTEGER, outstanding INTEGER,
    ack_timeout_s REAL, drops INTEGER);
CREATE TABLE IF NOT EXISTS flow(run_id INTEGER, flow_id INTEGER, src TEXT, dst TEXT,
    protocol INTEGER, src_port INTEGER, dst_port INTEGER, tx_packets INTEGER, rx_packets INTEGER,
    tx_bytes INTEGER, rx_bytes INTEGER, lost_packets INTEGER, first_tx_s REAL, last_tx_s REAL,
    first_rx_s REAL, last_rx_s REAL, throughput_bps REAL, mean_delay_s REAL, mean_jitter_s REAL,
    PRIMARY KEY(run_id, flow_id));
CREATE TABLE IF NOT EXISTS flow_delay(run_id INTEGER, flow_id INTEGER, bin_start_s REAL,
    bin_width_s REAL, count INTEGER);
CREATE TABLE IF NOT EXISTS packet(run_id INTEGER, time_s REAL, tunnel_id INTEGER, direction TEXT,
    layer TEXT, seq INTEGER, ack INTEGER, size INTEGER);
CREATE INDEX IF NOT EXISTS event_run_time ON event(run_id, time_s);
CREATE INDEX IF NOT EXISTS sample_run_tunnel_time ON sample(run_id, tunnel_id, time_s);
CREATE INDEX IF NOT EXISTS packet_run_tunnel_time ON packet(run_id, tunnel_id, time_s);
"""


def create(conn):
    """Create the contract's tables (if missing) on an open sqlite3 connection."""
    conn.executescript(DDL)
    conn.execute(
        "INSERT OR IGNORE INTO meta(key, value) VALUES('schema_version', ?)", (SCHEMA_VERSION,)
    )
    conn.commit()
