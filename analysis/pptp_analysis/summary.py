# Copyright (c) 2026 The ns3-pptp authors
#
# SPDX-License-Identifier: GPL-2.0-only
"""Print a run's key figures: python3 -m pptp_analysis.summary --db FILE [--run ID]."""

import argparse
import math

from . import db


def format_value(value):
    """Numbers with 3 decimals (NaN as '-'), the rest as text."""
    if isinstance(value, float):
        return "-" if math.isnan(value) else "%.3f" % value
    return str(value)


def main(argv=None):
    parser = argparse.ArgumentParser(description="Print the key figures of one run.")
    parser.add_argument("--db", required=True, help="the trace database (SQLite file)")
    parser.add_argument("--run", type=int, help="run_id (default: the latest finished run)")
    parser.add_argument("--experiment", help="pick the latest finished run of this experiment")
    parser.add_argument("--params", action="store_true",
                        help="also print the run's command-line parameters")
    args = parser.parse_args(argv)
    conn = db.connect(args.db)
    run = db.pick_run(conn, args.run, args.experiment)
    figures = db.summary(conn, run["run_id"])
    width = max(len(name) for name, _ in figures)
    for name, value in figures:
        print("%-*s  %s" % (width, name, format_value(value)))
    if args.params:
        for key, value in sorted(db.run_params(conn, run["run_id"], source="cmdline").items()):
            print("%-*s  %s" % (width, "--" + key, value))
    return 0


if __name__ == "__main__":
    db.run_main(main)
