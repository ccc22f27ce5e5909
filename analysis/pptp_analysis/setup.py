# Copyright (c) 2026 The ns3-pptp authors
#
# SPDX-License-Identifier: GPL-2.0-only
"""Tunnel set-up delay (up_s - started_s): histogram, CDF, and against time of arrival."""

from . import db, plot


def main(argv=None):
    parser = plot.parser("Plot the tunnel set-up delay (SCCRQ to interface up).")
    parser.add_argument("--role", default="client", choices=("client", "server"),
                        help="tunnels of this side [client]; server: SCCRQ received to up")
    parser.add_argument("--bins", type=int, default=30, help="histogram bins [30]")
    args = parser.parse_args(argv)
    conn, run = plot.open_run(args)
    points = db.setup_delays(conn, run["run_id"], role=args.role)
    starts = [p[0] for p in points]
    delays_ms = [p[1] * 1e3 for p in points]
    fig, axes = plot.figure(1, 3, height=3.6, width=13)
    if delays_ms:
        axes[0].hist(delays_ms, bins=args.bins)
        x, y = db.empirical_cdf(delays_ms)
        axes[1].step(x, y, where="post")
        axes[2].scatter(starts, delays_ms, s=8)
    else:
        for axis in axes:
            plot.no_data(axis, "no tunnel came up")
    axes[0].set_xlabel("set-up delay [ms]")
    axes[0].set_ylabel("tunnels")
    axes[0].set_title("Histogram")
    axes[1].set_xlabel("set-up delay [ms]")
    axes[1].set_ylabel("fraction of tunnels")
    axes[1].set_title("CDF")
    axes[2].set_xlabel("tunnel start (arrival) time [s]")
    axes[2].set_ylabel("set-up delay [ms]")
    axes[2].set_title("Against time of arrival")
    never = sum(1 for t in db.tunnels(conn, run["run_id"], role=args.role) if t["up_s"] is None)
    fig.suptitle("Set-up delay of %s tunnels (%d up, %d never up), %s"
                 % (args.role, len(points), never, plot.run_title(run)))
    return plot.save(fig, args.out, "setup-run%d" % run["run_id"])


if __name__ == "__main__":
    db.run_main(main)
