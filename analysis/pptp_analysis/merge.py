# Copyright (c) 2026 The ns3-pptp authors
#
# SPDX-License-Identifier: GPL-2.0-only
"""Merge the runs of one trace database into another, giving them new run_ids.

The sweep runner runs every job into its own temporary database and merges the finished job
into the one main database here, in the runner's process: a single writer, so no two programs
ever write the same SQLite file at once (no lock waits, no busy time-outs, and a job killed half
way leaves nothing in the main file). Usable by hand as well:
python3 -m pptp_analysis.merge --into main.db part1.db part2.db
"""

import argparse
import sqlite3

from . import db

SWEEP_LABEL_KEY = "sweep.label"


def one_word(label):
    """label as the sweep passes it to a program (--label-option): ns-3's CommandLine reads a
    string option up to the first blank, so blanks become commas."""
    return label.replace(" ", ",")


def _columns(conn, database, table):
    return [(row[1], row[2]) for row in conn.execute("PRAGMA %s.table_info(%s)" % (database, table))]


def _tables(conn, database):
    return [row[0] for row in conn.execute(
        "SELECT name FROM %s.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%%'"
        " ORDER BY name" % database)]


def open_main(path):
    """Open (creating if needed) the main database for writing, in WAL mode like the collector."""
    conn = sqlite3.connect(path, timeout=60, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    return conn


def _copy_schema(conn):
    """Create in main every table and index of src that main lacks, add columns main lacks."""
    main_tables = set(_tables(conn, "main"))
    for name, sql in conn.execute(
            "SELECT name, sql FROM src.sqlite_master WHERE type = 'table'"
            " AND name NOT LIKE 'sqlite_%' AND sql IS NOT NULL").fetchall():
        if name not in main_tables:
            conn.execute(sql)
            continue
        have = {column for column, _ in _columns(conn, "main", name)}
        for column, kind in _columns(conn, "src", name):
            if column not in have:
                conn.execute('ALTER TABLE main.%s ADD COLUMN "%s" %s' % (name, column, kind))
    main_indexes = {row[0] for row in conn.execute(
        "SELECT name FROM main.sqlite_master WHERE type = 'index'")}
    for name, sql in conn.execute(
            "SELECT name, sql FROM src.sqlite_master WHERE type = 'index'"
            " AND sql IS NOT NULL").fetchall():
        if name not in main_indexes:
            conn.execute(sql)


def merge(main_path, src_path, label=None):
    """Copy every run of src_path (with all its rows) into main_path under new run_ids.

    label, if given, marks the runs as one sweep point: it becomes the run's label when the
    program set none (or just echoed one_word(label)), and a run_param row (key 'sweep.label',
    source 'sweep') in any case.
    Returns [(old run_id, new run_id)]. All in one transaction: a failure leaves main unchanged.
    """
    conn = open_main(main_path)
    try:
        conn.execute("ATTACH DATABASE ? AS src", (src_path,))
        if "run" not in _tables(conn, "src"):
            raise db.AnalysisError("%s holds no run table" % src_path)
        conn.execute("BEGIN IMMEDIATE")
        try:
            _copy_schema(conn)
            for table in ("meta", "schema"):
                if table in _tables(conn, "src"):
                    names = ", ".join('"%s"' % c for c, _ in _columns(conn, "src", table))
                    conn.execute("INSERT OR IGNORE INTO main.%s (%s) SELECT %s FROM src.%s"
                                 % (table, names, names, table))
            per_run = [t for t in _tables(conn, "src") if t != "run" and "run_id" in
                       {c for c, _ in _columns(conn, "src", t)}]
            run_columns = [c for c, _ in _columns(conn, "src", "run") if c != "run_id"]
            mapping = []
            for (old,) in conn.execute("SELECT run_id FROM src.run ORDER BY run_id").fetchall():
                names = ", ".join('"%s"' % c for c in run_columns)
                cursor = conn.execute("INSERT INTO main.run (%s) SELECT %s FROM src.run"
                                      " WHERE run_id = ?" % (names, names), (old,))
                new = cursor.lastrowid
                for table in per_run:
                    others = [c for c, _ in _columns(conn, "src", table) if c != "run_id"]
                    names = ", ".join('"%s"' % c for c in others)
                    conn.execute("INSERT INTO main.%s (run_id, %s) SELECT ?, %s FROM src.%s"
                                 " WHERE run_id = ?" % (table, names, names, table), (new, old))
                if label is not None:
                    conn.execute("UPDATE main.run SET label = ? WHERE run_id = ? AND (label IS NULL"
                                 " OR label IN ('', ?))", (label, new, one_word(label)))
                    conn.execute("INSERT OR REPLACE INTO main.run_param (run_id, key, value, source)"
                                 " VALUES (?, ?, ?, 'sweep')", (new, SWEEP_LABEL_KEY, label))
                mapping.append((old, new))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("DETACH DATABASE src")
        return mapping
    finally:
        conn.close()


def finished_labels(main_path):
    """The sweep labels (run.label or run_param 'sweep.label') of the finished runs in main_path;
    empty when the file does not exist yet."""
    try:
        conn = db.connect(main_path)
    except db.AnalysisError:
        return set()
    try:
        labels = {row[0] for row in conn.execute(
            "SELECT label FROM run WHERE status = 'finished' AND label IS NOT NULL")}
        labels |= {row[0] for row in conn.execute(
            "SELECT p.value FROM run_param p JOIN run r ON r.run_id = p.run_id"
            " WHERE r.status = 'finished' AND p.key = ?", (SWEEP_LABEL_KEY,))}
        return labels
    except sqlite3.Error:
        return set()
    finally:
        conn.close()


def main(argv=None):
    parser = argparse.ArgumentParser(description="Merge the runs of trace databases into one.")
    parser.add_argument("--into", required=True, help="the main database (created if missing)")
    parser.add_argument("--label", help="sweep label to attach to every merged run")
    parser.add_argument("sources", nargs="+", help="databases whose runs are copied")
    args = parser.parse_args(argv)
    for source in args.sources:
        for old, new in merge(args.into, source, args.label):
            print("%s run %d -> %s run %d" % (source, old, args.into, new))
    return 0


if __name__ == "__main__":
    db.run_main(main)
