# Copyright (c) 2026 The ns3-pptp authors
#
# SPDX-License-Identifier: GPL-2.0-only
"""Tunnel overhead against packet size (runs of the pptp-overhead example)."""

from . import db, plot

MODE_NAMES = {"plain": "plain IPv4", "gre": "PPTP (GRE + PPP)", "mppe": "PPTP + MPPE-128"}
MODE_ORDER = ("plain", "gre", "mppe")


def _curves(axis, points, scale=1.0, style="-", marker="o", label=True):
    """One line per mode of [(size, mode, value)] points."""
    modes = sorted({p[1] for p in points},
                   key=lambda m: (MODE_ORDER.index(m) if m in MODE_ORDER else 9, m))
    for index, mode in enumerate(modes):
        mine = [p for p in points if p[1] == mode]
        axis.plot([p[0] for p in mine], [p[2] / scale for p in mine], style, marker=marker,
                  color="C%d" % index, label=MODE_NAMES.get(mode, mode) if label else None)
    return len(modes)


def main(argv=None):
    parser = plot.parser("Plot tunnel overhead, goodput and simulation cost against payload size,"
                         " one curve per mode (runs of the pptp-overhead example).", run=False)
    args = parser.parse_args(argv)
    conn = db.connect(args.db)
    points = db.overhead_points(conn)
    if not points:
        raise db.AnalysisError("no finished pptp-overhead runs (events of category 'overhead'"
                               " named payload_bytes and wire_bytes_per_payload_byte)")
    analytic = [(size, mode, value / size) for size, mode, value
                in db.overhead_points(conn, "analytic_bytes_per_packet")]
    fig, axes = plot.figure(1, 3, height=4.2, width=15)
    modes = _curves(axes[0], points)
    _curves(axes[0], analytic, style=":", marker="", label=False)
    axes[0].axhline(1.0, color="grey", linewidth=0.6)
    axes[0].set_ylabel("wire bytes per payload byte (dotted: analytic)")
    axes[0].set_title("Overhead on the core link")
    _curves(axes[1], db.overhead_points(conn, "goodput_bps"), scale=1e6)
    axes[1].set_ylabel("goodput [Mbit/s]")
    axes[1].set_title("Goodput")
    _curves(axes[2], db.overhead_points(conn, "wall_us_per_packet"))
    axes[2].set_ylabel("wall-clock time per datagram [us]")
    axes[2].set_title("Simulation cost")
    sizes = sorted({p[0] for p in points})
    for axis in axes:
        axis.set_xscale("log", base=2)
        axis.set_xticks(sizes, ["%g" % size for size in sizes])
        axis.set_xlabel("UDP payload size [bytes]")
        axis.grid(True, alpha=0.3)
        plot.legend(axis, modes + (modes == 1))
    return plot.save(fig, args.out, "overhead")


if __name__ == "__main__":
    db.run_main(main)
