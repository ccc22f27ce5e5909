# Copyright (c) 2026 The ns3-pptp authors
#
# SPDX-License-Identifier: GPL-2.0-only
"""Throughput over time per tunnel, both directions, from the sample table."""

from . import db, plot

MAX_TUNNEL_LINES = 20


def main(argv=None):
    parser = plot.parser("Plot the inner (ppp0) throughput of each tunnel over time.")
    parser.add_argument("--role", default="client", choices=("client", "server", "all"),
                        help="tunnels of this side [client]")
    parser.add_argument("--tunnel", type=int, action="append", help="only this tunnel_id (repeat)")
    args = parser.parse_args(argv)
    conn, run = plot.open_run(args)
    role = None if args.role == "all" else args.role
    series = db.samples(conn, run["run_id"], role=role, tunnel_ids=args.tunnel)
    fig, axes = plot.figure(2, 1)
    directions = (("tx_bps", "sent (tx)"), ("rx_bps", "received (rx)"))
    for axis, (column, text) in zip(axes, directions):
        for tunnel_id, data in list(series.items())[:MAX_TUNNEL_LINES]:
            axis.plot(data["time_s"], [v / 1e6 for v in data[column]], linewidth=0.8,
                      label="tunnel %d" % tunnel_id)
        if len(series) > 1 and role and not args.tunnel:
            total = db.aggregate_throughput(conn, run["run_id"], role)
            index = 1 if column == "tx_bps" else 2
            axis.plot([t[0] for t in total], [t[index] / 1e6 for t in total], color="black",
                      linewidth=1.5, label="sum of %s tunnels" % role)
        if not series:
            plot.no_data(axis, "no samples")
        axis.set_ylabel("%s [Mbit/s]" % text)
        axis.set_xlabel("simulation time [s]")
        plot.legend(axis, min(len(series), MAX_TUNNEL_LINES) + (len(series) > 1))
    shown = "" if len(series) <= MAX_TUNNEL_LINES else " (first %d tunnels)" % MAX_TUNNEL_LINES
    axes[0].set_title("Tunnel throughput, %s side%s\n%s" % (args.role, shown, plot.run_title(run)))
    return plot.save(fig, args.out, "throughput-run%d" % run["run_id"])


if __name__ == "__main__":
    db.run_main(main)
