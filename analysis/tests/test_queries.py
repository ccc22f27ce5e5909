# Copyright (c) 2026 The ns3-pptp authors
#
# SPDX-License-Identifier: GPL-2.0-only
"""The query helpers against the fixture's known numbers, and against a real database."""

import math
import os
import tempfile
import unittest

import fixture
from pptp_analysis import db


class FixtureQueries(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.directory = tempfile.TemporaryDirectory()
        cls.path = os.path.join(cls.directory.name, "fixture.db")
        cls.ids = fixture.build(cls.path)
        cls.conn = db.connect(cls.path)
        cls.main = cls.ids["main"]

    @classmethod
    def tearDownClass(cls):
        cls.conn.close()
        cls.directory.cleanup()

    def test_read_only(self):
        with self.assertRaises(Exception):
            self.conn.execute("DELETE FROM run")

    def test_missing_file(self):
        with self.assertRaises(db.AnalysisError):
            db.connect(os.path.join(self.directory.name, "absent.db"))

    def test_pick_run(self):
        self.assertEqual(db.pick_run(self.conn)["run_id"], self.ids["overhead"][-1])
        self.assertEqual(db.pick_run(self.conn, experiment="pptp-remote-access")["run_id"],
                         self.main)
        self.assertEqual(db.pick_run(self.conn, self.ids["running"])["status"], "running")
        with self.assertRaises(db.AnalysisError):
            db.pick_run(self.conn, 9999)
        with self.assertRaises(db.AnalysisError):
            db.pick_run(self.conn, experiment="no-such-experiment")

    def test_runs_and_params(self):
        self.assertEqual(len(db.runs(self.conn)), 1 + 12 + 1 + 6 + 1)
        self.assertEqual(len(db.runs(self.conn, status="aborted")), 1)
        self.assertEqual(db.run_params(self.conn, self.main, source="cmdline"), {"clients": "3"})
        self.assertEqual(db.param_value(self.conn, self.ids["overhead"][0], "mode"), "plain")

    def test_setup_delays(self):
        delays = db.setup_delays(self.conn, self.main)
        self.assertEqual([s for s, _ in delays], [1.0, 2.0])
        self.assertAlmostEqual(delays[0][1], 0.1)
        self.assertAlmostEqual(delays[1][1], 0.3)
        self.assertAlmostEqual(db.metric(self.conn, self.main, "setup-mean"), 200.0)
        self.assertAlmostEqual(db.metric(self.conn, self.main, "setup-p95"), 290.0)
        self.assertAlmostEqual(db.setup_delays(self.conn, self.main, "server")[0][1], 0.08)

    def test_samples(self):
        series = db.samples(self.conn, self.main, role="client")
        self.assertEqual(sorted(series), [1, 2])
        self.assertEqual(series[1]["tx_bps"], [1e6, 2e6, 3e6])
        self.assertEqual(series[1]["rtt_s"], [0.020, None, 0.030])
        self.assertEqual(series[2]["window"], [32, 32])
        self.assertEqual(sorted(db.samples(self.conn, self.main)), [1, 2, 4])
        self.assertEqual(list(db.samples(self.conn, self.main, tunnel_ids=[4])), [4])
        total = db.aggregate_throughput(self.conn, self.main)
        self.assertEqual(total[0], (1.2, 1e6, 0.5e6))  # the server tunnel is not summed in
        self.assertEqual(len(total), 5)

    def test_metrics(self):
        self.assertAlmostEqual(db.metric(self.conn, self.main, "client-throughput"), 3.25)
        self.assertAlmostEqual(db.metric(self.conn, self.main, "flow-throughput"), 2.0)
        self.assertEqual(db.metric(self.conn, self.main, "tunnels-up"), 2)
        self.assertEqual(db.metric(self.conn, self.main, "tunnels-failed"), 1)
        self.assertEqual(db.metric(self.conn, self.main, "max-concurrent"), 2)
        self.assertAlmostEqual(db.metric(self.conn, self.main, "delay-mean"), 2.9 / 190 * 1e3)
        self.assertAlmostEqual(db.metric(self.conn, self.main, "loss"), 0.05)
        with self.assertRaises(db.AnalysisError):
            db.metric(self.conn, self.main, "no-such-metric")

    def test_delay_histogram_cdf(self):
        self.assertEqual(db.delay_histogram(self.conn, self.main),
                         [(0.0, 0.01, 30), (0.01, 0.01, 110), (0.02, 0.01, 50)])
        self.assertEqual(db.delay_histogram(self.conn, self.main, 2),
                         [(0.01, 0.01, 50), (0.02, 0.01, 50)])
        cdf = db.histogram_cdf(db.delay_histogram(self.conn, self.main))
        self.assertEqual([round(x, 9) for x, _ in cdf], [0.0, 0.01, 0.02, 0.03])
        self.assertEqual([y for _, y in cdf], [0.0, 30 / 190, 140 / 190, 1.0])
        self.assertEqual(db.histogram_cdf([]), [])

    def test_capacity_points(self):
        groups = db.capacity_points(self.conn, "clients", "client-throughput",
                                    experiment=fixture.CAPACITY_EXPERIMENT)
        self.assertEqual(list(groups), [None])
        points = groups[None]
        self.assertEqual([p[0] for p in points], [2.0, 4.0])
        self.assertEqual([p[3] for p in points], [6, 6])  # 2 rates x 3 seeds, aborted run out
        self.assertAlmostEqual(points[0][1], 2.2)  # 2 Mbit/s + mean seed 0.2
        self.assertAlmostEqual(points[1][1], 4.2)
        self.assertAlmostEqual(points[0][2], db.stdev([2.1, 2.2, 2.3] * 2))
        grouped = db.capacity_points(self.conn, "accessRate", "setup-mean",
                                     experiment=fixture.CAPACITY_EXPERIMENT, group_by="clients")
        self.assertEqual(sorted(grouped), ["2", "4"])
        self.assertEqual([p[0] for p in grouped["4"]], [1e6, 2e6])
        self.assertAlmostEqual(grouped["4"][0][1], 42.0)
        self.assertEqual(grouped["4"][0][3], 3)
        with self.assertRaises(db.AnalysisError):
            db.capacity_points(self.conn, "no-such-param", "tunnels-up")

    def test_capacity_points_share_one_rank_scale(self):
        # Non-numeric values are placed by rank: the same value at the same x in every group,
        # even when a group lacks a value (here 'gre' for stateless=false).
        with tempfile.TemporaryDirectory() as directory:
            path = os.path.join(directory, "ranks.db")
            conn = fixture.create(path)
            for stateless, modes in (("true", ("gre", "mppe", "plain")),
                                     ("false", ("mppe", "plain"))):
                for mode in modes:
                    fixture.add_run(conn, "ranks", [("mode", mode), ("stateless", stateless)])
            conn.close()
            with db.connect(path) as reader:
                groups = db.capacity_points(reader, "mode", "tunnels-up", group_by="stateless")
            reader.close()
        self.assertEqual([(p[0], p[4]) for p in groups["true"]],
                         [(0.0, "gre"), (1.0, "mppe"), (2.0, "plain")])
        self.assertEqual([(p[0], p[4]) for p in groups["false"]], [(1.0, "mppe"), (2.0, "plain")])

    def test_overhead_points(self):
        points = db.overhead_points(self.conn)
        self.assertEqual(len(points), 6)
        self.assertIn((512.0, "mppe", 1.125), points)
        self.assertEqual([p[1] for p in points], ["gre"] * 2 + ["mppe"] * 2 + ["plain"] * 2)
        self.assertEqual([p[0] for p in points], [64.0, 512.0] * 3)
        goodput = db.overhead_points(self.conn, "goodput_bps")
        self.assertAlmostEqual(dict(((s, m), v) for s, m, v in goodput)[(64.0, "gre")], 1.024e6)

    def test_summary(self):
        figures = dict(db.summary(self.conn, self.main))
        self.assertEqual(figures["client tunnels attempted"], 3)
        self.assertEqual(figures["client tunnels up"], 2)
        self.assertEqual(figures["set-up delay mean / p50 / p95 [ms]"],
                         "200.000 / 200.000 / 290.000")
        self.assertEqual(figures["drops by layer"], "gre 2, ppp0 1")
        self.assertEqual(db.event_counts(self.conn, self.main)[("drop", "gre")], 2)


class Helpers(unittest.TestCase):
    def test_to_number(self):
        self.assertEqual(db.to_number("2Mbps"), 2e6)
        self.assertEqual(db.to_number("+500ms"), 0.5)
        self.assertEqual(db.to_number("10"), 10.0)
        self.assertEqual(db.to_number("1.5e3"), 1500.0)
        # ns-3 prints a zero Time (e.g. a default --accessJitter) as '+0fs'.
        self.assertEqual(db.to_number("+0fs"), 0.0)
        self.assertAlmostEqual(db.to_number("+2500ps"), 2.5e-9, delta=1e-20)
        self.assertIsNone(db.to_number("mppe"))
        self.assertIsNone(db.to_number("3 parsecs"))

    def test_percentile_mean(self):
        self.assertEqual(db.percentile([4, 1, 3, 2], 0.5), 2.5)
        self.assertEqual(db.percentile([1, 2, 3, 4, 5], 0.95), 4.8)
        self.assertTrue(math.isnan(db.percentile([], 0.5)))
        self.assertTrue(math.isnan(db.mean([None])))
        self.assertEqual(db.stdev([1]), 0.0)

    def test_parse_label(self):
        self.assertEqual(db.parse_label("size=512 mode=mppe x"), {"size": "512", "mode": "mppe"})
        self.assertEqual(db.parse_label(None), {})


@unittest.skipUnless(os.environ.get("PPTP_TEST_DB"),
                     "PPTP_TEST_DB is not set: no database from a real run to check")
class RealDatabase(unittest.TestCase):
    """A database written by a real run of an example (PPTP_TEST_DB): the contract holds."""

    def setUp(self):
        self.conn = db.connect(os.environ["PPTP_TEST_DB"])
        self.run = db.pick_run(self.conn)
        self.run_id = self.run["run_id"]

    def tearDown(self):
        self.conn.close()

    def test_finished_run_with_rows(self):
        self.assertEqual(self.run["status"], "finished")
        self.assertTrue(db.run_params(self.conn, self.run_id))
        client_tunnels = db.tunnels(self.conn, self.run_id, role="client")
        self.assertTrue(client_tunnels, "the run has no client tunnel")
        self.assertTrue(db.setup_delays(self.conn, self.run_id), "no client tunnel came up")
        for _, delay in db.setup_delays(self.conn, self.run_id):
            self.assertGreater(delay, 0.0)
        self.assertTrue(db.event_counts(self.conn, self.run_id))

    def test_samples_consistent(self):
        for tunnel_id, data in db.samples(self.conn, self.run_id).items():
            self.assertEqual(data["time_s"], sorted(data["time_s"]), tunnel_id)
            for rate in data["tx_bps"] + data["rx_bps"]:
                self.assertGreaterEqual(rate, 0.0)

    def test_delay_cdf_ends_at_one(self):
        cdf = db.histogram_cdf(db.delay_histogram(self.conn, self.run_id))
        if cdf:
            self.assertAlmostEqual(cdf[-1][1], 1.0)
            self.assertEqual([x for x, _ in cdf], sorted(x for x, _ in cdf))

    def test_summary(self):
        figures = dict(db.summary(self.conn, self.run_id))
        self.assertEqual(figures["client tunnels attempted"],
                         len(db.tunnels(self.conn, self.run_id, role="client")))


if __name__ == "__main__":
    unittest.main()
