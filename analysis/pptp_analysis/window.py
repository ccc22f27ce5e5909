# Copyright (c) 2026 The ns3-pptp authors
#
# SPDX-License-Identifier: GPL-2.0-only
"""GRE sliding window, outstanding packets and acknowledgement time-out over time."""

from . import db, plot

MAX_TUNNEL_LINES = 8


def main(argv=None):
    parser = plot.parser("Plot the GRE window, outstanding packets and ack time-out over time.")
    parser.add_argument("--role", default="client", choices=("client", "server", "all"),
                        help="tunnels of this side [client]")
    parser.add_argument("--tunnel", type=int, action="append",
                        help="only this tunnel_id (repeat); default: the first %d tunnels"
                        % MAX_TUNNEL_LINES)
    args = parser.parse_args(argv)
    conn, run = plot.open_run(args)
    role = None if args.role == "all" else args.role
    series = db.samples(conn, run["run_id"], role=role, tunnel_ids=args.tunnel)
    shown = list(series.items())[:MAX_TUNNEL_LINES]
    fig, axes = plot.figure(2, 1)
    for tunnel_id, data in shown:
        line = axes[0].step(data["time_s"], data["window"], where="post", linewidth=1.0,
                            label="tunnel %d window" % tunnel_id)
        axes[0].step(data["time_s"], data["outstanding"], where="post", linewidth=0.8,
                     linestyle=":", color=line[0].get_color(),
                     label="tunnel %d outstanding" % tunnel_id)
        axes[1].step(data["time_s"], [v * 1e3 if v is not None else None
                                      for v in data["ack_timeout_s"]],
                     where="post", linewidth=1.0, label="tunnel %d" % tunnel_id)
    for axis in axes:
        axis.set_xlabel("simulation time [s]")
        if not shown:
            plot.no_data(axis, "no samples")
    axes[0].set_ylabel("packets")
    axes[1].set_ylabel("ack time-out [ms]")
    plot.legend(axes[0], 2 * len(shown))
    plot.legend(axes[1], len(shown))
    axes[0].set_title("GRE window (solid) and outstanding packets (dotted), %s side\n%s"
                      % (args.role, plot.run_title(run)))
    axes[1].set_title("GRE acknowledgement time-out")
    return plot.save(fig, args.out, "window-run%d" % run["run_id"])


if __name__ == "__main__":
    db.run_main(main)
