# Copyright (c) 2026 The ns3-pptp authors
#
# SPDX-License-Identifier: GPL-2.0-only
"""Read access to a trace database: open read-only, pick a run, query helpers.

Every function takes an open connection (from :func:`connect`) and returns plain Python
values (lists, dicts, floats), so the plotting commands stay short and the numbers can be
tested without matplotlib. Times are simulation seconds, rates bit/s, as in the database.
"""

import math
import os
import re
import sqlite3
import sys
import urllib.parse


class AnalysisError(Exception):
    """A problem with the database or the request, reported to the user without a traceback."""


def run_main(function, argv=None):
    """Run a command's function(argv); report AnalysisError as a message and exit status 2."""
    try:
        return function(argv)
    except AnalysisError as error:
        print("error: %s" % error, file=sys.stderr)
        sys.exit(2)
    except BrokenPipeError:  # output piped into head and the like
        sys.stderr.close()
        sys.exit(0)


def connect(path):
    """Open the database at path read-only (it may be written to at the same time)."""
    if not os.path.isfile(path):
        raise AnalysisError("no database at %s" % path)
    uri = "file:%s?mode=ro" % urllib.parse.quote(os.path.abspath(path))
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=30)
        conn.execute("SELECT count(*) FROM run").fetchone()
    except sqlite3.Error as error:
        raise AnalysisError("cannot read %s as a trace database: %s" % (path, error)) from None
    conn.row_factory = sqlite3.Row
    return conn


def _select(conn, sql, order, **equal):
    """The rows of sql with 'column = value' conditions for the non-None keyword arguments."""
    conditions = [(column, value) for column, value in equal.items() if value is not None]
    if conditions:
        sql += " WHERE " + " AND ".join("%s = ?" % column for column, _ in conditions)
    return conn.execute(sql + " ORDER BY " + order, [v for _, v in conditions]).fetchall()


def runs(conn, experiment=None, status=None):
    """All runs (as sqlite3.Row with the run table's columns), oldest first."""
    return _select(conn, "SELECT * FROM run", "run_id", experiment=experiment, status=status)


def pick_run(conn, run_id=None, experiment=None):
    """The run with run_id, or else the latest finished run (of experiment, if given)."""
    if run_id is not None:
        row = conn.execute("SELECT * FROM run WHERE run_id = ?", (run_id,)).fetchone()
        if row is None:
            raise AnalysisError("no run %s in the database (see the runs command)" % run_id)
        return row
    finished = runs(conn, experiment=experiment, status="finished")
    if not finished:
        raise AnalysisError(
            "no finished run%s in the database (see the runs command)"
            % (" of experiment %s" % experiment if experiment else "")
        )
    return finished[-1]


def run_params(conn, run_id, source=None):
    """The run's parameters as a dict key -> value (strings), optionally of one source."""
    rows = _select(conn, "SELECT key, value FROM run_param", "key", run_id=run_id, source=source)
    return {row[0]: row[1] for row in rows}


def parse_label(label):
    """'size=512 mode=mppe' -> {'size': '512', 'mode': 'mppe'} (words without '=' are ignored)."""
    result = {}
    for word in (label or "").split():
        key, sep, value = word.partition("=")
        if sep:
            result[key] = value
    return result


_UNITS = {
    "bps": 1.0, "kbps": 1e3, "mbps": 1e6, "gbps": 1e9, "kib/s": 8192.0, "b/s": 1.0,
    "s": 1.0, "ms": 1e-3, "us": 1e-6, "ns": 1e-9, "ps": 1e-12, "fs": 1e-15, "min": 60.0,
    "h": 3600.0, "d": 86400.0,  # ns-3 prints a zero Time as '+0fs'
    "b": 1.0, "kb": 1e3, "mb": 1e6, "kib": 1024.0, "mib": 1048576.0,
}
_NUMBER_UNIT = re.compile(r"^\s*\+?([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*([A-Za-z/]*)\s*$")


def to_number(value):
    """A parameter value as a float in base units ('2Mbps' -> 2e6, '+500ms' -> 0.5), or None."""
    if value is None:
        return None
    if isinstance(value, (int, float)):
        return float(value)
    match = _NUMBER_UNIT.match(str(value))
    if not match:
        return None
    number, unit = float(match.group(1)), match.group(2).lower()
    if not unit:
        return number
    if unit in _UNITS:
        return number * _UNITS[unit]
    return None


def percentile(values, fraction):
    """The fraction-quantile (0..1) of values by linear interpolation; NaN when empty."""
    data = sorted(v for v in values if v is not None)
    if not data:
        return math.nan
    position = fraction * (len(data) - 1)
    low = math.floor(position)
    high = min(low + 1, len(data) - 1)
    return data[low] + (data[high] - data[low]) * (position - low)


def mean(values):
    """The arithmetic mean of the non-None values; NaN when there are none."""
    data = [v for v in values if v is not None]
    return sum(data) / len(data) if data else math.nan


def stdev(values):
    """The sample standard deviation of the non-None values; 0 for fewer than two."""
    data = [v for v in values if v is not None]
    if len(data) < 2:
        return 0.0
    m = sum(data) / len(data)
    return math.sqrt(sum((v - m) ** 2 for v in data) / (len(data) - 1))


def tunnels(conn, run_id, role=None):
    """The run's tunnels (sqlite3.Row), by tunnel_id, optionally of one role."""
    return _select(conn, "SELECT * FROM tunnel", "tunnel_id", run_id=run_id, role=role)


def setup_delays(conn, run_id, role="client"):
    """[(started_s, up_s - started_s)] of the tunnels of role that came up, by start time."""
    return [
        (row[0], row[1])
        for row in conn.execute(
            "SELECT started_s, up_s - started_s FROM tunnel WHERE run_id = ? AND role = ?"
            " AND up_s IS NOT NULL AND started_s IS NOT NULL ORDER BY started_s, tunnel_id",
            (run_id, role),
        )
    ]


SAMPLE_COLUMNS = ("time_s", "tx_bps", "rx_bps", "rtt_s", "window", "outstanding",
                  "ack_timeout_s", "tx_bytes", "rx_bytes", "drops")


def samples(conn, run_id, role=None, tunnel_ids=None):
    """{tunnel_id: {column: [values by time]}} from the sample table (columns SAMPLE_COLUMNS)."""
    sql = "SELECT s.tunnel_id, %s FROM sample s" % ", ".join("s." + c for c in SAMPLE_COLUMNS)
    args = [run_id]
    if role:
        sql += " JOIN tunnel t ON t.run_id = s.run_id AND t.tunnel_id = s.tunnel_id"
        sql += " WHERE s.run_id = ? AND t.role = ?"
        args.append(role)
    else:
        sql += " WHERE s.run_id = ?"
    if tunnel_ids:
        sql += " AND s.tunnel_id IN (%s)" % ",".join("?" * len(tunnel_ids))
        args.extend(tunnel_ids)
    result = {}
    for row in conn.execute(sql + " ORDER BY s.tunnel_id, s.time_s", args):
        series = result.setdefault(row[0], {c: [] for c in SAMPLE_COLUMNS})
        for index, column in enumerate(SAMPLE_COLUMNS):
            series[column].append(row[index + 1])
    return result


def aggregate_throughput(conn, run_id, role="client"):
    """[(time_s, sum tx_bps, sum rx_bps)] over the tunnels of role, per sample interval.

    The collector samples every tunnel on one grid of SampleInterval, plus one last sample
    when a tunnel closes (between two grid points); each sample's bytes are added to the grid
    interval it ends in, so that a closing tunnel neither hides the others nor spikes."""
    rows = conn.execute(
        "SELECT s.time_s, s.tx_bytes, s.rx_bytes, s.tx_bps, s.rx_bps FROM sample s JOIN tunnel t"
        " ON t.run_id = s.run_id AND t.tunnel_id = s.tunnel_id"
        " WHERE s.run_id = ? AND t.role = ? ORDER BY s.time_s",
        (run_id, role),
    ).fetchall()
    interval = sample_interval(conn, run_id)
    if not rows or not interval:
        return []
    bins = {}
    for time_s, tx_bytes, rx_bytes, tx_bps, rx_bps in rows:
        index = math.ceil(time_s / interval - 1e-6)
        tx, rx = bins.get(index, (0, 0))
        # Databases without byte counts (older or hand-made ones): a whole interval's rate.
        tx_bytes = tx_bytes if tx_bytes is not None else (tx_bps or 0) * interval / 8
        rx_bytes = rx_bytes if rx_bytes is not None else (rx_bps or 0) * interval / 8
        bins[index] = (tx + tx_bytes, rx + rx_bytes)
    return [
        (round(index * interval, 9), tx * 8 / interval, rx * 8 / interval)
        for index, (tx, rx) in sorted(bins.items())
    ]


def sample_interval(conn, run_id):
    """The run's SampleInterval in seconds: the most common step between one tunnel's
    consecutive samples (None without two samples)."""
    steps = {}
    previous = {}
    for tunnel_id, time_s in conn.execute(
            "SELECT tunnel_id, time_s FROM sample WHERE run_id = ? ORDER BY tunnel_id, time_s",
            (run_id,)):
        if tunnel_id in previous:
            step = round(time_s - previous[tunnel_id], 9)
            if step > 0:
                steps[step] = steps.get(step, 0) + 1
        previous[tunnel_id] = time_s
    return max(steps, key=steps.get) if steps else None


def flows(conn, run_id):
    """The run's FlowMonitor flows (sqlite3.Row), by flow_id."""
    return conn.execute(
        "SELECT * FROM flow WHERE run_id = ? ORDER BY flow_id", (run_id,)
    ).fetchall()


def delay_histogram(conn, run_id, flow_id=None):
    """[(bin_start_s, bin_width_s, count)] of one flow, or summed over all flows per bin."""
    if flow_id is None:
        sql = ("SELECT bin_start_s, max(bin_width_s), sum(count) FROM flow_delay WHERE run_id = ?"
               " GROUP BY bin_start_s ORDER BY bin_start_s")
        args = (run_id,)
    else:
        sql = ("SELECT bin_start_s, bin_width_s, count FROM flow_delay WHERE run_id = ?"
               " AND flow_id = ? ORDER BY bin_start_s")
        args = (run_id, flow_id)
    return [(row[0], row[1], row[2]) for row in conn.execute(sql, args)]


def histogram_cdf(bins):
    """CDF points [(upper edge, cumulative fraction)] of [(start, width, count)] bins, starting
    with (start of the first non-empty bin, 0)."""
    total = sum(count for _, _, count in bins)
    if total == 0:
        return []
    points, cumulative = [], 0
    for start, width, count in bins:
        if count and not points:
            points.append((start, 0.0))
        if count:
            cumulative += count
            points.append((start + width, cumulative / total))
    return points


def empirical_cdf(values):
    """([sorted values], [i/n]) of the non-None values."""
    data = sorted(v for v in values if v is not None)
    n = len(data)
    return data, [(i + 1) / n for i in range(n)]


def event_counts(conn, run_id):
    """{(category, name): count} of the run's events."""
    return {
        (row[0], row[1]): row[2]
        for row in conn.execute(
            "SELECT category, name, count(*) FROM event WHERE run_id = ? GROUP BY category, name",
            (run_id,),
        )
    }


# Capacity metrics: one number per run. Each entry: name -> (axis label, function(conn, run_id)).
# Add a metric by adding an entry; the capacity command and the summary pick them up.


def _scalar(conn, sql, run_id):
    """The one value sql (with one parameter, the run_id) selects; NaN for NULL."""
    value = conn.execute(sql, (run_id,)).fetchone()[0]
    return value if value is not None else math.nan


def _client_throughput(conn, run_id):
    """Mean over client tunnels of their mean (tx + rx) rate while sampled, bit/s."""
    return _scalar(
        conn,
        "SELECT avg(m) FROM (SELECT avg(s.tx_bps + s.rx_bps) AS m FROM sample s JOIN tunnel t"
        " ON t.run_id = s.run_id AND t.tunnel_id = s.tunnel_id"
        " WHERE s.run_id = ? AND t.role = 'client' GROUP BY s.tunnel_id)",
        run_id)


def _flow_throughput(conn, run_id):
    """Mean FlowMonitor flow throughput, bit/s."""
    return mean(row["throughput_bps"] for row in flows(conn, run_id))


def _count_tunnels(conn, run_id, up):
    return conn.execute(
        "SELECT count(*) FROM tunnel WHERE run_id = ? AND role = 'client' AND up_s IS %s NULL"
        % ("NOT" if up else ""),
        (run_id,),
    ).fetchone()[0]


def _flow_delay(conn, run_id):
    """Mean packet delay over all flows weighted by received packets, seconds."""
    return _scalar(conn, "SELECT sum(mean_delay_s * rx_packets) / sum(rx_packets) FROM flow"
                   " WHERE run_id = ? AND rx_packets > 0", run_id)


def _flow_loss(conn, run_id):
    """Lost packets / transmitted packets over all flows."""
    return _scalar(conn, "SELECT CAST(sum(lost_packets) AS REAL) / sum(tx_packets) FROM flow"
                   " WHERE run_id = ?", run_id)


def _max_concurrent(conn, run_id):
    """Largest number of client tunnels up at the same time."""
    changes = []
    for up, down in conn.execute(
        "SELECT up_s, down_s FROM tunnel WHERE run_id = ? AND role = 'client' AND up_s IS NOT NULL",
        (run_id,),
    ):
        changes.append((up, 1))
        if down is not None:
            changes.append((down, -1))
    level = peak = 0
    for _, step in sorted(changes, key=lambda change: (change[0], change[1])):
        level += step
        peak = max(peak, level)
    return peak


METRICS = {
    "client-throughput": ("mean per-client throughput [Mbit/s]",
                          lambda c, r: _client_throughput(c, r) / 1e6),
    "flow-throughput": ("mean flow throughput [Mbit/s]", lambda c, r: _flow_throughput(c, r) / 1e6),
    "tunnels-up": ("client tunnels up", lambda c, r: _count_tunnels(c, r, True)),
    "tunnels-failed": ("client tunnels never up", lambda c, r: _count_tunnels(c, r, False)),
    "max-concurrent": ("max concurrent client tunnels", _max_concurrent),
    "setup-mean": ("mean set-up delay [ms]",
                   lambda c, r: mean(d for _, d in setup_delays(c, r)) * 1e3),
    "setup-p50": ("median set-up delay [ms]",
                  lambda c, r: percentile([d for _, d in setup_delays(c, r)], 0.5) * 1e3),
    "setup-p95": ("95th percentile set-up delay [ms]",
                  lambda c, r: percentile([d for _, d in setup_delays(c, r)], 0.95) * 1e3),
    "delay-mean": ("mean flow delay [ms]", lambda c, r: _flow_delay(c, r) * 1e3),
    "loss": ("flow packet loss ratio", _flow_loss),
}


def metric(conn, run_id, name):
    """The value of the capacity metric name for one run."""
    if name not in METRICS:
        raise AnalysisError("unknown metric %s (known: %s)" % (name, ", ".join(METRICS)))
    return METRICS[name][1](conn, run_id)


def param_value(conn, run_id, key):
    """One run_param value (string) or, failing that, the value of key in the run's label."""
    row = conn.execute(
        "SELECT value FROM run_param WHERE run_id = ? AND key = ?", (run_id, key)
    ).fetchone()
    if row is not None:
        return row[0]
    label = conn.execute("SELECT label FROM run WHERE run_id = ?", (run_id,)).fetchone()
    return parse_label(label[0] if label else None).get(key)


def capacity_points(conn, param, metric_name, experiment=None, group_by=None):
    """Mean, standard deviation and count of metric over the finished runs sharing the value of
    param (and of group_by), i.e. averaged over seeds.

    Returns {group value or None: [(x, mean, stdev, n, x as string)]} sorted by x, where x is the
    numeric value of param ('2Mbps' -> 2e6) or, for non-numeric values, its rank.
    """
    cells = {}
    for run in runs(conn, experiment=experiment, status="finished"):
        x = param_value(conn, run["run_id"], param)
        if x is None:
            continue
        group = param_value(conn, run["run_id"], group_by) if group_by else None
        value = metric(conn, run["run_id"], metric_name)
        cells.setdefault(group, {}).setdefault(x, []).append(value)
    if not cells:
        raise AnalysisError("no finished run has parameter %s" % param)
    # One x scale for every group: a value has the same rank in each curve, even when a group
    # lacks some values.
    every = {k for by_x in cells.values() for k in by_x}
    numeric = all(to_number(k) is not None for k in every)
    rank = {k: float(i) for i, k in enumerate(sorted(every, key=to_number if numeric else str))}
    result = {}
    for group, by_x in cells.items():
        keys = sorted(by_x, key=rank.get)
        result[group] = [
            (to_number(k) if numeric else rank[k], mean(by_x[k]), stdev(by_x[k]), len(by_x[k]), k)
            for k in keys
        ]
    return result


OVERHEAD_FIGURES = ("wire_bytes_per_payload_byte", "analytic_bytes_per_packet", "goodput_bps",
                    "predicted_goodput_bps", "wall_us_per_packet", "wire_bytes_per_packet")


def overhead_points(conn, figure="wire_bytes_per_payload_byte"):
    """[(payload size, mode, mean of figure)] of the finished pptp-overhead runs, by mode and size.

    The pptp-overhead example writes one run per (payload size, mode), each with events of
    category 'overhead', detail = the mode (plain, gre, mppe), value = the number, named
    'payload_bytes' and one per figure (OVERHEAD_FIGURES). Runs of the same size and mode (other
    seeds) are averaged. Change this one query if the example changes.
    """
    rows = conn.execute(
        "SELECT p.value, y.detail, avg(y.value) FROM event y JOIN run r ON r.run_id = y.run_id"
        " JOIN event p ON p.run_id = y.run_id AND p.category = 'overhead'"
        " AND p.name = 'payload_bytes'"
        " WHERE r.status = 'finished' AND y.category = 'overhead' AND y.name = ?"
        " GROUP BY p.value, y.detail ORDER BY y.detail, p.value", (figure,)).fetchall()
    return [(row[0], row[1], row[2]) for row in rows]


def summary(conn, run_id):
    """A run's key figures as an ordered list of (name, value) pairs."""
    run = pick_run(conn, run_id)
    client_tunnels = tunnels(conn, run_id, role="client")
    delays = [d for _, d in setup_delays(conn, run_id)]
    run_flows = flows(conn, run_id)
    figures = [
        ("run", "%d (%s%s)" % (run["run_id"], run["experiment"],
                               ", label '%s'" % run["label"] if run["label"] else "")),
        ("status", run["status"] + (": %s" % run["status_detail"] if run["status_detail"] else "")),
        ("seed / run number", "%s / %s" % (run["seed"], run["run_number"])),
        ("simulated time [s]", run["sim_time_s"]),
        ("wall time [s]", run["wall_s"]),
        ("client tunnels attempted", len(client_tunnels)),
        ("client tunnels up", sum(1 for t in client_tunnels if t["up_s"] is not None)),
        ("client tunnels never up", sum(1 for t in client_tunnels if t["up_s"] is None)),
        ("max concurrent client tunnels", _max_concurrent(conn, run_id)),
        ("set-up delay mean / p50 / p95 [ms]", "%.3f / %.3f / %.3f" % (
            mean(delays) * 1e3, percentile(delays, 0.5) * 1e3, percentile(delays, 0.95) * 1e3)),
        ("mean per-client throughput [Mbit/s]", _client_throughput(conn, run_id) / 1e6),
        ("flows", len(run_flows)),
        ("flow throughput mean [Mbit/s]", _flow_throughput(conn, run_id) / 1e6),
        ("flow delay mean [ms]", _flow_delay(conn, run_id) * 1e3),
        ("flow loss ratio", _flow_loss(conn, run_id)),
    ]
    drops = conn.execute(
        "SELECT name, count(*) FROM event WHERE run_id = ? AND category = 'drop'"
        " GROUP BY name ORDER BY name", (run_id,)
    ).fetchall()
    figures.append(("drops by layer", ", ".join("%s %d" % (n, c) for n, c in drops) or "none"))
    return figures
