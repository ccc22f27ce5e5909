# Copyright (c) 2026 The ns3-pptp authors
#
# SPDX-License-Identifier: GPL-2.0-only
"""Every command runs on the fixture (and on a real database) and writes non-empty PNG and PDF."""

import contextlib
import io
import os
import subprocess
import sys
import tempfile
import unittest

import fixture
from pptp_analysis import capacity, db, delay, overhead, runs, setup, summary, throughput, window

ANALYSIS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PER_RUN = (throughput, delay, window, setup)


class PlotChecks:
    """Shared checks; subclasses set self.path (database) and self.out (directory)."""

    def check_files(self, paths, name):
        self.assertEqual([os.path.splitext(p)[1] for p in paths], [".png", ".pdf"])
        for path in paths:
            self.assertTrue(os.path.basename(path).startswith(name), path)
            self.assertGreater(os.path.getsize(path), 1000, path)
        with open(paths[0], "rb") as stream:
            self.assertEqual(stream.read(8), b"\x89PNG\r\n\x1a\n")
        with open(paths[1], "rb") as stream:
            self.assertEqual(stream.read(5), b"%PDF-")

    def run_quiet(self, module, argv):
        with contextlib.redirect_stdout(io.StringIO()) as output:
            result = module.main(argv)
        return result, output.getvalue()


class FixturePlots(PlotChecks, unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.directory = tempfile.TemporaryDirectory()
        cls.path = os.path.join(cls.directory.name, "fixture.db")
        cls.ids = fixture.build(cls.path)
        cls.out = os.path.join(cls.directory.name, "plots") + os.sep

    @classmethod
    def tearDownClass(cls):
        cls.directory.cleanup()

    def test_per_run_plots(self):
        main = str(self.ids["main"])
        for module in PER_RUN:
            name = module.__name__.rsplit(".", 1)[1]
            with self.subTest(name):
                paths, printed = self.run_quiet(module, ["--db", self.path, "--out", self.out,
                                                         "--run", main])
                self.check_files(paths, "%s-run%s" % (name, main))
                self.assertEqual(printed.split(), paths)

    def test_empty_run_still_plots(self):
        # The running run has no rows at all: every plot says so instead of failing.
        for module in PER_RUN:
            paths, _ = self.run_quiet(module, ["--db", self.path, "--out", self.out, "--run",
                                               str(self.ids["running"])])
            self.check_files(paths, module.__name__.rsplit(".", 1)[1])

    def test_options(self):
        prefix = os.path.join(self.directory.name, "sub", "fig")
        paths, _ = self.run_quiet(throughput, ["--db", self.path, "--out", prefix, "--run",
                                               str(self.ids["main"]), "--role", "all", "--tunnel",
                                               "4"])
        self.assertEqual(paths[0], prefix + "-throughput-run%d.png" % self.ids["main"])
        paths, _ = self.run_quiet(delay, ["--db", self.path, "--out", self.out, "--flow", "2",
                                          "--experiment", "pptp-remote-access"])
        self.check_files(paths, "delay-run%d" % self.ids["main"])

    def test_capacity(self):
        paths, _ = self.run_quiet(capacity, [
            "--db", self.path, "--out", self.out, "--param", "clients", "--metric",
            "client-throughput", "--metric", "setup-p95",
            "--experiment", fixture.CAPACITY_EXPERIMENT])
        self.assertEqual(len(paths), 4)
        self.check_files(paths[:2], "capacity-client-throughput-clients")
        self.check_files(paths[2:], "capacity-setup-p95-clients")
        paths, _ = self.run_quiet(capacity, ["--db", self.path, "--out", self.out, "--param",
                                             "accessRate", "--group-by", "clients", "--logx"])
        self.check_files(paths, "capacity-client-throughput-accessRate")

    def test_overhead(self):
        paths, _ = self.run_quiet(overhead, ["--db", self.path, "--out", self.out])
        self.check_files(paths, "overhead")

    def test_text_commands(self):
        _, printed = self.run_quiet(runs, ["--db", self.path])
        self.assertEqual(len(printed.splitlines()), 1 + len(db.runs(db.connect(self.path))))
        self.assertIn("size=64 mode=plain", printed)
        _, printed = self.run_quiet(summary, ["--db", self.path, "--run", str(self.ids["main"]),
                                              "--params"])
        self.assertRegex(printed, r"\nclient tunnels up +2\n")
        self.assertIn("--clients", printed)

    def test_script_and_errors(self):
        # The script (which finds Debian's python3 with matplotlib by itself) and -m both work;
        # a bad request is a one-line error with exit status 2.
        script = os.path.join(ANALYSIS, "pptp-analysis")
        done = subprocess.run([script, "setup", "--db", self.path, "--out", self.out],
                              capture_output=True, text=True)
        self.assertEqual(done.returncode, 0, done.stderr)
        self.check_files(done.stdout.split(), "setup-run")
        done = subprocess.run([sys.executable, "-m", "pptp_analysis.summary", "--db", self.path,
                               "--run", "9999"], cwd=ANALYSIS, capture_output=True, text=True)
        self.assertEqual(done.returncode, 2)
        self.assertEqual(done.stderr.strip(),
                         "error: no run 9999 in the database (see the runs command)")
        done = subprocess.run([script, "nonsense"], capture_output=True, text=True)
        self.assertNotEqual(done.returncode, 0)
        self.assertIn("commands: runs, summary", done.stderr)


@unittest.skipUnless(os.environ.get("PPTP_TEST_DB"),
                     "PPTP_TEST_DB is not set: no database from a real run to plot")
class RealPlots(PlotChecks, unittest.TestCase):
    """Every plot of the latest finished run of a real database (PPTP_TEST_DB)."""

    def setUp(self):
        self.path = os.environ["PPTP_TEST_DB"]
        self.directory = tempfile.TemporaryDirectory()
        self.out = self.directory.name

    def tearDown(self):
        self.directory.cleanup()

    def test_per_run_plots(self):
        for module in PER_RUN:
            name = module.__name__.rsplit(".", 1)[1]
            with self.subTest(name):
                paths, _ = self.run_quiet(module, ["--db", self.path, "--out", self.out])
                self.check_files(paths, name)

    def test_capacity_and_summary(self):
        paths, _ = self.run_quiet(capacity, ["--db", self.path, "--out", self.out, "--param",
                                             "RngRun", "--metric", "tunnels-up"])
        self.check_files(paths, "capacity-tunnels-up-RngRun")
        _, printed = self.run_quiet(summary, ["--db", self.path])
        self.assertIn("client tunnels attempted", printed)


if __name__ == "__main__":
    unittest.main()
