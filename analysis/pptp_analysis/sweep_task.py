# Copyright (c) 2026 The ns3-pptp authors
#
# SPDX-License-Identifier: GPL-2.0-only
"""One sweep job: run the program into its own database. Standard library only.

The Dask runner ships this module to the workers by value (cloudpickle), so a worker needs
Python, Dask and the simulation program at the same path, not the analysis code.
"""

import os
import sqlite3
import subprocess
import tempfile

OUTPUT_TAIL = 2000


def run_program(argv, workdir, timeout=None):
    """Run argv + ['--db=<workdir>/run.db'] with workdir as current directory (files the program
    writes, pcaps for instance, stay there). Returns (exit status, database path, output tail);
    the status is None on a time-out."""
    path = os.path.join(workdir, "run.db")
    try:
        done = subprocess.run(list(argv) + ["--db=" + path], cwd=workdir, timeout=timeout,
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT)
        status, output = done.returncode, done.stdout
    except subprocess.TimeoutExpired as expired:
        status, output = None, (expired.stdout or b"") + b"\n[time-out after %gs]" % timeout
    except OSError as error:
        status, output = 127, str(error).encode()
    return status, path, output[-OUTPUT_TAIL:].decode("utf-8", "replace")


def self_contained(path):
    """Fold the database's write-ahead log into the file, so the file alone holds every row."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode=DELETE")
    finally:
        conn.close()


def run_remote(argv, timeout=None):
    """The Dask task: run the program in a temporary directory and return
    {'status', 'output', 'db'} where db is the database file's bytes (None if none was written)."""
    with tempfile.TemporaryDirectory(prefix="pptp-sweep-") as workdir:
        status, path, output = run_program(argv, workdir, timeout)
        data = None
        if os.path.isfile(path):
            try:
                self_contained(path)
            except sqlite3.Error as error:
                output += "\n[database unreadable: %s]" % error
            with open(path, "rb") as stream:
                data = stream.read()
        return {"status": status, "output": output, "db": data}
