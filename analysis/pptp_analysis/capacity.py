# Copyright (c) 2026 The ns3-pptp authors
#
# SPDX-License-Identifier: GPL-2.0-only
"""Capacity curves across runs: a metric against a swept parameter, averaged over seeds."""

import re

from . import db, plot


def main(argv=None):
    parser = plot.parser("Plot a per-run metric against a swept parameter (one point per"
                         " parameter value, mean over seeds with standard deviation bars).",
                         run=False)
    parser.add_argument("--param", required=True,
                        help="the swept parameter: a run_param key (e.g. clients, accessRate)")
    parser.add_argument("--metric", action="append", choices=sorted(db.METRICS),
                        help="metric (repeat for several plots) [client-throughput]")
    parser.add_argument("--group-by", help="a second parameter: one curve per value")
    parser.add_argument("--experiment", help="only runs of this experiment")
    parser.add_argument("--logx", action="store_true", help="logarithmic x axis")
    args = parser.parse_args(argv)
    conn = db.connect(args.db)
    written = []
    for name in args.metric or ["client-throughput"]:
        groups = db.capacity_points(conn, args.param, name, args.experiment, args.group_by)
        fig, axes = plot.figure(1, 1, height=4.2, width=7)
        axis = axes[0]
        unit, scale = _unit(groups)
        ticks = {}
        for group, points in sorted(groups.items(), key=lambda item: str(item[0])):
            label = "%s=%s" % (args.group_by, group) if args.group_by else None
            axis.errorbar([p[0] / scale for p in points], [p[1] for p in points],
                          yerr=[p[2] for p in points], marker="o", capsize=3, label=label)
            ticks.update((p[0], p[4]) for p in points)
        if any(db.to_number(text) is None for text in ticks.values()):  # ranks: name them
            axis.set_xticks(sorted(ticks), [ticks[x] for x in sorted(ticks)])
        if args.logx:
            axis.set_xscale("log")
        runs = sum(p[3] for points in groups.values() for p in points)
        seeds = max(p[3] for points in groups.values() for p in points)
        axis.set_xlabel(args.param + unit)
        axis.set_ylabel(db.METRICS[name][0])
        axis.set_title("%s against %s\n%d finished runs, up to %d seeds per point%s" % (
            db.METRICS[name][0], args.param, runs, seeds,
            ", %s" % args.experiment if args.experiment else ""))
        plot.legend(axis, len(groups) if args.group_by else 0)
        axis.grid(True, alpha=0.3)
        written += plot.save(fig, args.out, "capacity-%s-%s" % (name, args.param))
    return written


def _unit(groups):
    """(axis unit, divisor) for parameter values that all carry an ns-3 rate or time unit."""
    texts = [point[4].lower() for points in groups.values() for point in points]
    if all(text.endswith("bps") for text in texts):
        return " [Mbit/s]", 1e6
    if all(re.search(r"\d(s|ms|us|ns|ps|fs|min|h|d)$", text) for text in texts):
        return " [s]", 1.0
    return "", 1.0


if __name__ == "__main__":
    db.run_main(main)
