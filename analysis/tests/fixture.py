# Copyright (c) 2026 The ns3-pptp authors
#
# SPDX-License-Identifier: GPL-2.0-only
"""A small trace database with known content, built with the contract's DDL (schema.py)."""

import os
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from pptp_analysis import schema  # noqa: E402

TUNNEL_COLUMNS = ("tunnel_id", "node_id", "role", "started_s", "opened_s", "up_s", "down_s")
SAMPLE_COLUMNS = ("time_s", "tunnel_id", "tx_bps", "rx_bps", "rtt_s", "window", "outstanding",
                  "ack_timeout_s")
FLOW_COLUMNS = ("flow_id", "tx_packets", "rx_packets", "lost_packets", "throughput_bps",
                "mean_delay_s")


def create(path):
    """An empty database with the contract's tables."""
    conn = sqlite3.connect(path)
    schema.create(conn)
    return conn


def _insert(conn, table, columns, run_id, rows):
    sql = "INSERT INTO %s (run_id, %s) VALUES (?%s)" % (
        table, ", ".join(columns), ", ?" * len(columns))
    conn.executemany(sql, [(run_id,) + tuple(row) for row in rows])


def add_run(conn, experiment, params=(), seed=1, run_number=1, status="finished", label=None,
            tunnels=(), samples=(), flows=(), delay_bins=(), events=()):
    """Insert one run with its rows (tuples in the *_COLUMNS orders, delay_bins as
    (flow_id, bin_start_s, bin_width_s, count), events as (time_s, category, name, detail, value));
    returns its run_id."""
    cursor = conn.execute(
        "INSERT INTO run (experiment, label, seed, run_number, started_wall, finished_wall,"
        " status, module_version, ns3_version, sim_time_s, wall_s)"
        " VALUES (?, ?, ?, ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:01Z', ?, '0.6.0',"
        " '3.37', 10.0, 0.5)",
        (experiment, label, seed, run_number, status))
    run_id = cursor.lastrowid
    _insert(conn, "run_param", ("key", "value", "source"), run_id,
            [(k, v, "cmdline") for k, v in params] + [("RngRun", str(run_number), "global")])
    _insert(conn, "tunnel", TUNNEL_COLUMNS, run_id, tunnels)
    _insert(conn, "sample", SAMPLE_COLUMNS, run_id, samples)
    _insert(conn, "flow", FLOW_COLUMNS, run_id, flows)
    _insert(conn, "flow_delay", ("flow_id", "bin_start_s", "bin_width_s", "count"), run_id,
            delay_bins)
    _insert(conn, "event", ("time_s", "category", "name", "detail", "value"), run_id, events)
    conn.commit()
    return run_id


# The main run's content; tests/test_queries.py checks the numbers derived from it.
MAIN_TUNNELS = [
    (1, 1, "client", 1.0, 1.05, 1.1, 5.0),    # set-up 0.1 s
    (2, 2, "client", 2.0, 2.1, 2.3, None),    # set-up 0.3 s, still up at the end
    (3, 3, "client", 3.0, None, None, None),  # never up
    (4, 0, "server", 1.01, 1.05, 1.09, 5.0),
]
MAIN_SAMPLES = [
    (1.2, 1, 1e6, 0.5e6, 0.020, 64, 3, 0.5),
    (1.3, 1, 2e6, 0.5e6, None, 64, 5, 0.25),
    (1.4, 1, 3e6, 0.5e6, 0.030, 64, 2, 0.25),
    (2.4, 2, 4e6, 0.0, 0.040, 32, 1, 1.0),
    (2.5, 2, 4e6, 0.0, 0.050, 32, 0, 1.0),
    (1.2, 4, 0.5e6, 1e6, 0.010, 64, 0, 0.5),
]
MAIN_FLOWS = [(1, 100, 90, 10, 1e6, 0.010), (2, 100, 100, 0, 3e6, 0.020)]
MAIN_DELAY_BINS = [(1, 0.0, 0.01, 30), (1, 0.01, 0.01, 60), (2, 0.01, 0.01, 50),
                   (2, 0.02, 0.01, 50)]
MAIN_EVENTS = [(1.5, "drop", "gre", "SEQUENCE_OLD", None), (1.6, "drop", "gre", "WINDOW", None),
               (1.7, "drop", "ppp0", "DOWN", None), (1.1, "tunnel", "up", "", None)]

CAPACITY_EXPERIMENT = "pptp-remote-access-capacity"
# (payload, mode, wire bytes per payload byte); the pptp-overhead example's events.
OVERHEAD = [(64, "plain", 1.4375), (64, "gre", 1.953125), (64, "mppe", 2.0), (512, "plain", 1.0547),
            (512, "gre", 1.1191), (512, "mppe", 1.125)]


def overhead_events(size, mode, ratio):
    """The 'overhead' events of one pptp-overhead run."""
    figures = [("payload_bytes", size), ("wire_bytes_per_payload_byte", ratio),
               ("analytic_bytes_per_packet", ratio * size), ("goodput_bps", 2e6 / ratio),
               ("wall_us_per_packet", 40.0 * ratio)]
    return [(5.0, "overhead", name, mode, value) for name, value in figures]


def capacity_run(conn, clients, rate, seed, status="finished", label=None):
    """A run whose one client tunnel carries clients*1 Mbit/s + seed*0.1 Mbit/s and whose set-up
    delay is clients*10 ms + seed ms."""
    throughput = clients * 1e6 + seed * 1e5
    return add_run(conn, CAPACITY_EXPERIMENT, [("clients", str(clients)), ("accessRate", rate)],
                   seed=1, run_number=seed, status=status, label=label,
                   tunnels=[(1, 1, "client", 1.0, 1.01, 1.0 + clients * 0.01 + seed * 0.001,
                             None)],
                   samples=[(2.0, 1, throughput, 0.0, None, 64, 0, 1.0),
                            (3.0, 1, throughput, 0.0, None, 64, 0, 1.0)])


def build(path):
    """The fixture: returns {'main': run_id, 'running': run_id, 'capacity': [run_ids],
    'overhead': [run_ids]}."""
    if os.path.exists(path):
        os.remove(path)
    conn = create(path)
    ids = {"capacity": [], "overhead": []}
    ids["main"] = add_run(conn, "pptp-remote-access", [("clients", "3")], seed=1, run_number=1,
                          tunnels=MAIN_TUNNELS, samples=MAIN_SAMPLES, flows=MAIN_FLOWS,
                          delay_bins=MAIN_DELAY_BINS, events=MAIN_EVENTS)
    for clients in (2, 4):
        for rate in ("1Mbps", "2Mbps"):
            for seed in (1, 2, 3):
                ids["capacity"].append(capacity_run(conn, clients, rate, seed))
    # An aborted run of the same point must not count.
    capacity_run(conn, 2, "1Mbps", 9, status="aborted")
    for size, mode, value in OVERHEAD:
        ids["overhead"].append(add_run(
            conn, "pptp-overhead", [("sizes", str(size))], label="size=%d mode=%s" % (size, mode),
            events=overhead_events(size, mode, value)))
    # The newest run is still running: the default run is the last finished one before it.
    ids["running"] = add_run(conn, "pptp-remote-access", status="running")
    conn.close()
    return ids
