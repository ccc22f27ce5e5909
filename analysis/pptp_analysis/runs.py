# Copyright (c) 2026 The ns3-pptp authors
#
# SPDX-License-Identifier: GPL-2.0-only
"""List the runs of a trace database: python3 -m pptp_analysis.runs --db FILE."""

import argparse

from . import db


def format_runs(rows):
    """The runs as lines of a text table."""
    lines = ["%6s  %-30s %-9s %6s %6s %10s %9s  %s" % (
        "run_id", "experiment", "status", "seed", "run", "sim [s]", "wall [s]", "label")]
    for row in rows:
        lines.append("%6d  %-30s %-9s %6s %6s %10s %9s  %s" % (
            row["run_id"], row["experiment"], row["status"], row["seed"], row["run_number"],
            "%.3f" % row["sim_time_s"] if row["sim_time_s"] is not None else "-",
            "%.2f" % row["wall_s"] if row["wall_s"] is not None else "-",
            row["label"] or ""))
    return lines


def main(argv=None):
    parser = argparse.ArgumentParser(description="List the runs in a trace database.")
    parser.add_argument("--db", required=True, help="the trace database (SQLite file)")
    parser.add_argument("--experiment", help="only runs of this experiment")
    parser.add_argument("--status", help="only runs with this status (finished, running, aborted)")
    args = parser.parse_args(argv)
    conn = db.connect(args.db)
    for line in format_runs(db.runs(conn, args.experiment, args.status)):
        print(line)
    return 0


if __name__ == "__main__":
    db.run_main(main)
