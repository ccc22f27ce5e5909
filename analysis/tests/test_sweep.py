# Copyright (c) 2026 The ns3-pptp authors
#
# SPDX-License-Identifier: GPL-2.0-only
"""The sweep runner: grid expansion, merging with run_id remapping, resume, local and Dask runs
(with a stand-in program, and with a real example when PPTP_TEST_PROGRAM is set)."""

import argparse
import contextlib
import io
import json
import os
import sqlite3
import tempfile
import unittest

import fixture
from pptp_analysis import db, merge, sweep

FAKE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fake_program.py")


def quiet_sweep(argv):
    """sweep.main(argv) with its progress output captured; returns (status, stderr text)."""
    with contextlib.redirect_stderr(io.StringIO()) as errors:
        status = sweep.main(argv)
    return status, errors.getvalue()


def labels(path, status="finished"):
    conn = db.connect(path)
    try:
        return sorted(row["label"] for row in db.runs(conn, status=status))
    finally:
        conn.close()


class Expansion(unittest.TestCase):
    def setUp(self):
        self.directory = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.directory.cleanup()

    def write(self, name, text):
        path = os.path.join(self.directory.name, name)
        with open(path, "w") as stream:
            stream.write(text)
        return path

    def test_parse(self):
        self.assertEqual(sweep.parse_runs("1..3"), [1, 2, 3])
        self.assertEqual(sweep.parse_runs("1,4..5, 9"), [1, 4, 5, 9])
        self.assertEqual(sweep.parse_runs([2, 3]), [2, 3])
        self.assertEqual(sweep.parse_values("10, 20"), ["10", "20"])
        self.assertEqual(sweep.parse_values([10, "2Mbps", True]), ["10", "2Mbps", "true"])

    def test_json_grid(self):
        path = self.write("s.json", json.dumps({
            "program": "/bin/prog", "db": "x.db", "grid": {"clients": [10, 20],
                                                          "accessRate": ["1Mbps", "2Mbps"]},
            "seeds": "1..3", "args": ["--duration=5s"]}))
        points = sweep.expand(sweep.load_spec(path))
        self.assertEqual(len(points), 12)
        self.assertEqual(points[0].label, "clients=10 accessRate=1Mbps run=1")
        self.assertEqual(points[0].argv, ["/bin/prog", "--duration=5s", "--clients=10",
                                          "--accessRate=1Mbps", "--RngRun=1"])
        self.assertEqual(points[3].label, "clients=10 accessRate=2Mbps run=1")
        self.assertEqual(points[-1].label, "clients=20 accessRate=2Mbps run=3")
        self.assertEqual(len({p.label for p in points}), 12)
        self.assertEqual(db.parse_label(points[5].label),
                         {"clients": "10", "accessRate": "2Mbps", "run": "3"})

    def test_ini_grid_and_options(self):
        path = self.write("s.ini", "[sweep]\nprogram = /bin/prog\ndb = y.db\nseeds = 4,5\n"
                          "args = --a=1 --b=2\nlabel_option = label\n"
                          "[grid]\naccessRate = 1Mbps, 2Mbps\n")
        spec = sweep.load_spec(path)
        self.assertEqual(spec["grid"], {"accessRate": ["1Mbps", "2Mbps"]})  # case kept
        points = sweep.expand(spec)
        self.assertEqual([p.seed for p in points], [4, 5, 4, 5])
        self.assertEqual(points[1].argv, ["/bin/prog", "--a=1", "--b=2", "--accessRate=1Mbps",
                                          "--RngRun=5", "--label=accessRate=1Mbps,run=5"])
        # Options add to (and override) the file.
        args = ["--config", path, "--param", "clients=1,2,3", "--runs", "7", "--db", "z.db"]
        parser_args = argparse.Namespace(
            config=path, program=None, db="z.db", param=["clients=1,2,3"], runs="7", arg=None,
            label_option=None)
        spec = sweep.build_spec(parser_args)
        self.assertEqual(spec["db"], "z.db")
        self.assertEqual(len(sweep.expand(spec)), 6)
        with contextlib.redirect_stdout(io.StringIO()) as output:
            status, errors = quiet_sweep(args + ["--dry-run"])
        self.assertEqual(status, 0)
        self.assertIn("6 points, 0 already in z.db, 6 to run", errors)
        commands = output.getvalue().splitlines()
        self.assertEqual(len(commands), 6)
        self.assertEqual(commands[0], "/bin/prog --a=1 --b=2 --accessRate=1Mbps --clients=1"
                         " --RngRun=7 --label=accessRate=1Mbps,clients=1,run=7"
                         " '--db=<temporary file>'")

    def test_bad_options(self):
        with self.assertRaises(db.AnalysisError):
            quiet_sweep(["--program", "/bin/prog"])  # no --db
        with self.assertRaises(db.AnalysisError):
            quiet_sweep(["--program", "/bin/prog", "--db", "x.db", "--param", "clients"])


class Merging(unittest.TestCase):
    def setUp(self):
        self.directory = tempfile.TemporaryDirectory()
        self.main = os.path.join(self.directory.name, "main.db")

    def tearDown(self):
        self.directory.cleanup()

    def part(self, name, clients_list):
        path = os.path.join(self.directory.name, name)
        conn = fixture.create(path)
        for clients in clients_list:
            fixture.capacity_run(conn, clients, "1Mbps", 1)
        conn.close()
        return path

    def test_run_id_remapping(self):
        first = self.part("a.db", [2, 3])
        second = self.part("b.db", [4])
        self.assertEqual(merge.merge(self.main, first, "point a"), [(1, 1), (2, 2)])
        self.assertEqual(merge.merge(self.main, second, "point b"), [(1, 3)])
        conn = db.connect(self.main)
        # Every row followed its run to the new run_id.
        self.assertEqual(db.param_value(conn, 3, "clients"), "4")
        self.assertEqual(db.run_params(conn, 3)[merge.SWEEP_LABEL_KEY], "point b")
        self.assertEqual(db.pick_run(conn, 3)["label"], "point b")
        self.assertAlmostEqual(db.metric(conn, 3, "client-throughput"), 4.1)
        self.assertAlmostEqual(db.metric(conn, 2, "client-throughput"), 3.1)
        for table in ("tunnel", "sample", "run_param"):
            counts = dict(conn.execute("SELECT run_id, count(*) FROM %s GROUP BY run_id" % table))
            self.assertEqual(sorted(counts), [1, 2, 3], table)
        self.assertEqual(conn.execute("SELECT value FROM meta WHERE key = 'schema_version'")
                         .fetchone()[0], "1")
        conn.close()
        self.assertEqual(merge.finished_labels(self.main), {"point a", "point b"})

    def test_added_columns_and_tables(self):
        # Columns may be added to the contract: a newer job database merges into an older main.
        merge.merge(self.main, self.part("a.db", [2]))
        newer = self.part("c.db", [5])
        conn = sqlite3.connect(newer)
        conn.execute("ALTER TABLE sample ADD COLUMN cwnd INTEGER")
        conn.execute("UPDATE sample SET cwnd = 7")
        conn.execute("CREATE TABLE branch(run_id INTEGER, site TEXT)")
        conn.execute("INSERT INTO branch VALUES (1, 'paris')")
        conn.commit()
        conn.close()
        self.assertEqual(merge.merge(self.main, newer), [(1, 2)])
        conn = db.connect(self.main)
        self.assertEqual([tuple(r) for r in conn.execute(
            "SELECT run_id, cwnd FROM sample ORDER BY run_id")], [(1, None), (1, None), (2, 7),
                                                                  (2, 7)])
        self.assertEqual([tuple(r) for r in conn.execute("SELECT * FROM branch")], [(2, "paris")])
        conn.close()

    def test_failed_merge_changes_nothing(self):
        merge.merge(self.main, self.part("a.db", [2]))
        broken = os.path.join(self.directory.name, "broken.db")
        with open(broken, "w") as stream:
            stream.write("not a database")
        with self.assertRaises(sqlite3.DatabaseError):
            merge.merge(self.main, broken, "x")
        self.assertEqual(labels(self.main), [None])

    def test_merge_command(self):
        with contextlib.redirect_stdout(io.StringIO()) as output:
            merge.main(["--into", self.main, "--label", "L", self.part("a.db", [2])])
        self.assertIn("run 1 ->", output.getvalue())
        self.assertEqual(labels(self.main), ["L"])


class FakeProgramSweeps(unittest.TestCase):
    """The runner's machinery with a stand-in program (tests/fake_program.py)."""

    def setUp(self):
        self.directory = tempfile.TemporaryDirectory()
        self.main = os.path.join(self.directory.name, "sweep.db")
        self.args = ["--program", FAKE, "--db", self.main, "--param", "clients=1,2", "--param",
                     "accessRate=1Mbps,2Mbps"]

    def tearDown(self):
        self.directory.cleanup()

    def test_local_sweep_and_resume(self):
        status, errors = quiet_sweep(self.args + ["--jobs", "2"])
        self.assertEqual(status, 0, errors)
        self.assertIn("4/4 ok 4 failed 0 skipped 0", errors)
        done = labels(self.main)
        self.assertEqual(len(done), 4)
        self.assertIn("clients=2 accessRate=1Mbps run=1", done)
        conn = db.connect(self.main)
        groups = db.capacity_points(conn, "clients", "client-throughput")
        self.assertEqual([round(p[1], 6) for p in groups[None]], [1.1, 2.1])
        conn.close()
        # A second seed: the four finished points are skipped, four new ones run.
        status, errors = quiet_sweep(self.args + ["--runs", "1..2"])
        self.assertEqual(status, 0, errors)
        self.assertIn("8 points, 4 already in", errors)
        self.assertIn("4/4 ok 4 failed 0 skipped 4", errors)
        self.assertEqual(len(labels(self.main)), 8)
        status, errors = quiet_sweep(self.args + ["--runs", "1..2"])
        self.assertIn("8 points, 8 already in", errors)
        # The programs ran in their own directories.
        self.assertFalse(os.path.exists(os.path.join(os.getcwd(), "stray-output.pcap")))

    def test_failures_reported_and_retried(self):
        status, errors = quiet_sweep(self.args + ["--arg=--fail=1"])
        self.assertEqual(status, 1)
        self.assertIn("failed 4", errors)
        self.assertIn("exit status 3", errors)
        self.assertIn("fake program done", errors)  # the program's output is shown
        self.assertEqual(len(labels(self.main, "aborted")), 4)  # kept for diagnosis
        self.assertEqual(labels(self.main), [])
        # The aborted points are not "done": the next sweep runs them again.
        status, errors = quiet_sweep(self.args)
        self.assertEqual(status, 0, errors)
        self.assertEqual(len(labels(self.main)), 4)

    def test_labels(self):
        # The program echoes the label it is given (--label-option): the sweep's label wins.
        status, errors = quiet_sweep(self.args + ["--label-option", "label", "--runs", "1"])
        self.assertEqual(status, 0, errors)
        self.assertIn("clients=1 accessRate=2Mbps run=1", labels(self.main))
        # The program sets a label of its own: kept, and the sweep label still marks the point.
        status, errors = quiet_sweep(self.args + ["--arg=--label=mine", "--runs", "2"])
        self.assertEqual(status, 0, errors)
        self.assertEqual(labels(self.main).count("mine"), 4)
        status, errors = quiet_sweep(self.args + ["--runs", "1..2"])
        self.assertIn("8 points, 8 already in", errors)

    def test_no_database_written(self):
        status, errors = quiet_sweep(self.args + ["--arg=--nodb=1", "--jobs", "1"])
        self.assertEqual(status, 1)
        self.assertIn("no database written (does the program accept --db?)", errors)

    def test_dask_local_cluster(self):
        status, errors = quiet_sweep(["--program", FAKE, "--db", self.main, "--param",
                                      "clients=3,4", "--dask", "--dask-threads", "--jobs", "2"])
        self.assertEqual(status, 0, errors)
        self.assertEqual(labels(self.main), ["clients=3 run=1", "clients=4 run=1"])
        conn = db.connect(self.main)
        self.assertEqual(sorted(db.param_value(conn, r["run_id"], "clients")
                                for r in db.runs(conn)), ["3", "4"])
        conn.close()


@unittest.skipUnless(os.environ.get("PPTP_TEST_PROGRAM"),
                     "PPTP_TEST_PROGRAM is not set: no real example program to sweep")
class RealProgramSweeps(unittest.TestCase):
    """Small sweeps of a real example (PPTP_TEST_PROGRAM; it must accept --db, --clients and
    --accessRate; PPTP_TEST_SWEEP_ARGS adds fixed options, e.g. '--duration=5s')."""

    def setUp(self):
        self.directory = tempfile.TemporaryDirectory()
        self.main = os.path.join(self.directory.name, "sweep.db")
        self.base = ["--program", os.environ["PPTP_TEST_PROGRAM"], "--db", self.main]
        for arg in os.environ.get("PPTP_TEST_SWEEP_ARGS", "").split():
            self.base.append("--arg=" + arg)

    def tearDown(self):
        self.directory.cleanup()

    def check_runs(self, expected):
        self.assertEqual(labels(self.main), sorted(expected))
        conn = db.connect(self.main)
        for run in db.runs(conn):
            params = db.run_params(conn, run["run_id"])
            fields = db.parse_label(run["label"])
            self.assertEqual(params.get("clients"), fields["clients"], run["label"])
            self.assertEqual(run["run_number"], int(fields["run"]), run["label"])
            # --clients is the most clients (an arrival process may stop earlier).
            self.assertIn(len(db.tunnels(conn, run["run_id"], role="client")),
                          range(1, int(fields["clients"]) + 1), run["label"])
        conn.close()

    def test_local_2x2(self):
        status, errors = quiet_sweep(self.base + ["--param", "clients=1,2", "--param",
                                                  "accessRate=1Mbps,2Mbps", "--jobs", "2",
                                                  "--timeout", "300"])
        self.assertEqual(status, 0, errors)
        self.check_runs(["clients=%d accessRate=%s run=1" % (c, r) for c in (1, 2)
                         for r in ("1Mbps", "2Mbps")])
        status, errors = quiet_sweep(self.base + ["--param", "clients=1,2", "--param",
                                                  "accessRate=1Mbps,2Mbps"])
        self.assertIn("4 points, 4 already in", errors)

    def test_dask_2_points(self):
        status, errors = quiet_sweep(self.base + ["--param", "clients=1", "--runs", "1..2",
                                                  "--dask", "--dask-threads", "--jobs", "2",
                                                  "--timeout", "300"])
        self.assertEqual(status, 0, errors)
        self.check_runs(["clients=1 run=1", "clients=1 run=2"])


if __name__ == "__main__":
    unittest.main()
