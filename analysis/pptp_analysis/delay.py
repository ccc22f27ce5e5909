# Copyright (c) 2026 The ns3-pptp authors
#
# SPDX-License-Identifier: GPL-2.0-only
"""Delay CDFs: end-to-end flow delay (FlowMonitor histograms) and GRE round-trip time."""

from . import db, plot

MAX_FLOW_LINES = 12


def main(argv=None):
    parser = plot.parser("Plot the flow delay CDF (from flow_delay) and the GRE RTT CDF.")
    parser.add_argument("--flow", type=int, action="append",
                        help="plot this flow_id (repeat); default: all flows aggregated, plus each"
                        " flow when there are at most %d" % MAX_FLOW_LINES)
    args = parser.parse_args(argv)
    conn, run = plot.open_run(args)
    run_id = run["run_id"]
    fig, axes = plot.figure(1, 2, height=3.8, width=10)
    flow_ids = args.flow or [row["flow_id"] for row in db.flows(conn, run_id)]
    lines = 0
    if not args.flow:
        points = db.histogram_cdf(db.delay_histogram(conn, run_id))
        if points:
            axes[0].step([p[0] * 1e3 for p in points], [p[1] for p in points], where="post",
                         color="black", linewidth=1.5, label="all flows")
            lines += 1
    if args.flow or len(flow_ids) <= MAX_FLOW_LINES:
        for flow_id in flow_ids:
            points = db.histogram_cdf(db.delay_histogram(conn, run_id, flow_id))
            if points:
                axes[0].step([p[0] * 1e3 for p in points], [p[1] for p in points], where="post",
                             linewidth=0.8, label="flow %d" % flow_id)
                lines += 1
    if not lines:
        plot.no_data(axes[0], "no flow delay histogram")
    axes[0].set_xlabel("one-way delay [ms] (bin upper edge)")
    axes[0].set_ylabel("fraction of packets")
    axes[0].set_title("Flow delay CDF")
    plot.legend(axes[0], lines)
    rtts = [v for data in db.samples(conn, run_id).values() for v in data["rtt_s"]]
    x, y = db.empirical_cdf(rtts)
    if x:
        axes[1].step([v * 1e3 for v in x], y, where="post")
    else:
        plot.no_data(axes[1], "no GRE RTT samples")
    axes[1].set_xlabel("GRE round-trip time, mean per sample interval [ms]")
    axes[1].set_ylabel("fraction of samples")
    axes[1].set_title("GRE RTT CDF (all tunnels)")
    fig.suptitle(plot.run_title(run))
    return plot.save(fig, args.out, "delay-run%d" % run_id)


if __name__ == "__main__":
    db.run_main(main)
