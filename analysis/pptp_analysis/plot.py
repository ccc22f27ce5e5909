# Copyright (c) 2026 The ns3-pptp authors
#
# SPDX-License-Identifier: GPL-2.0-only
"""What every plotting command shares: options, the chosen run, the figure and its files."""

import argparse
import os

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (the backend must be chosen first)

from . import db  # noqa: E402


def parser(description, run=True):
    """An ArgumentParser with --db and --out (and --run/--experiment when run is True)."""
    result = argparse.ArgumentParser(description=description)
    result.add_argument("--db", required=True, help="the trace database (SQLite file)")
    result.add_argument(
        "--out", default=".",
        help="output directory (existing, or ending in /) or file name prefix; PNG and PDF are"
        " written [.]",
    )
    if run:
        result.add_argument("--run", type=int, help="run_id (default: the latest finished run)")
        result.add_argument("--experiment", help="pick the latest finished run of this experiment")
    return result


def open_run(args):
    """(connection, run row) for the parsed --db/--run/--experiment options."""
    conn = db.connect(args.db)
    return conn, db.pick_run(conn, args.run, args.experiment)


def run_title(run):
    """A short description of a run for plot titles."""
    text = "run %d, %s" % (run["run_id"], run["experiment"])
    if run["label"]:
        text += " [%s]" % run["label"]
    return text


def output_path(out, name, extension):
    """The file for figure name: out/name.ext when out is a directory, else out-name.ext."""
    if out.endswith(os.sep) or os.path.isdir(out):
        path = os.path.join(out, name + "." + extension)
    else:
        separator = "" if out.endswith(("-", "_", ".")) else "-"
        path = out + separator + name + "." + extension
    directory = os.path.dirname(path)
    if directory:
        os.makedirs(directory, exist_ok=True)
    return path


def figure(rows=1, columns=1, height=3.2, width=7.5):
    """A new figure with rows x columns axes (always returned as a flat list)."""
    fig, axes = plt.subplots(rows, columns, figsize=(width, height * rows), squeeze=False)
    return fig, [axis for line in axes for axis in line]


def save(fig, out, name):
    """Write fig as PNG and PDF, close it and return the two paths (also printed)."""
    fig.tight_layout()
    paths = []
    for extension in ("png", "pdf"):
        path = output_path(out, name, extension)
        fig.savefig(path, dpi=150)
        paths.append(path)
        print(path)
    plt.close(fig)
    return paths


def legend(axis, entries):
    """A legend only when there is something to tell apart, small when there are many entries."""
    if 1 < entries <= 12:
        axis.legend(fontsize="small")
    elif entries > 12:
        axis.legend(fontsize="x-small", ncol=3)


def no_data(axis, text):
    """Mark an axis that has nothing to show."""
    axis.text(0.5, 0.5, text, ha="center", va="center", transform=axis.transAxes)
