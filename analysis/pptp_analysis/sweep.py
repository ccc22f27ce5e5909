# Copyright (c) 2026 The ns3-pptp authors
#
# SPDX-License-Identifier: GPL-2.0-only
"""Parameter sweeps: a grid of --key=value options times seeds, run in parallel, one database.

python3 -m pptp_analysis.sweep --program build/examples/pptp-remote-access-capacity \\
    --db capacity.db --param clients=10,20 --param accessRate=1Mbps,2Mbps --runs 1..3
python3 -m pptp_analysis.sweep --config sweep.json [--jobs N | --dask | --scheduler URL]

Each point runs as ``<program> [args] --key=value ... --RngRun=<run> --db=<temporary file>``
in a temporary directory; when it ends, the runner merges its runs into the main database
(merge.py: new run_ids, the point's label) and deletes the temporary files. Points whose label
already names a finished run in the main database are skipped, so an interrupted sweep resumes
where it stopped.
"""

import argparse
import collections
import concurrent.futures
import configparser
import itertools
import json
import os
import shlex
import shutil
import sys
import tempfile
import time

from . import db, merge, sweep_task

Point = collections.namedtuple("Point", "label params seed argv")


def parse_runs(text):
    """'1..3' -> [1, 2, 3]; '1,4,7' -> [1, 4, 7]; a list of numbers as is."""
    if isinstance(text, list):
        return [int(v) for v in text]
    result = []
    for part in str(text).split(","):
        part = part.strip()
        if ".." in part:
            low, high = part.split("..", 1)
            result.extend(range(int(low), int(high) + 1))
        elif part:
            result.append(int(part))
    return result


def parse_values(text):
    """'10,20' -> ['10', '20']; a JSON list -> its items as strings."""
    if isinstance(text, list):
        return [json.dumps(v) if isinstance(v, bool) else str(v) for v in text]
    return [v.strip() for v in str(text).split(",") if v.strip()]


def load_spec(path):
    """A sweep specification from a JSON file or an INI file ([sweep] and [grid] sections)."""
    with open(path) as stream:
        text = stream.read()
    if text.lstrip().startswith("{"):
        spec = json.loads(text)
    else:
        parser = configparser.ConfigParser(interpolation=None)
        parser.optionxform = str  # ns-3 option names are case-sensitive
        parser.read_string(text, source=path)
        spec = dict(parser["sweep"]) if parser.has_section("sweep") else {}
        spec["grid"] = dict(parser["grid"]) if parser.has_section("grid") else {}
        if "args" in spec:
            spec["args"] = spec["args"].split()
    spec["grid"] = collections.OrderedDict(
        (key, parse_values(values)) for key, values in spec.get("grid", {}).items())
    if "seeds" in spec:
        spec["seeds"] = parse_runs(spec["seeds"])
    return spec


def make_label(params, seed):
    """The point's label: 'key=value ... run=<seed>' (readable by db.parse_label)."""
    return " ".join(["%s=%s" % kv for kv in params] + ["run=%d" % seed])


def expand(spec):
    """The spec's points: the grid's cartesian product (first key outermost) times the seeds."""
    program = spec["program"]
    if os.path.exists(program):
        program = os.path.abspath(program)
    grid = spec.get("grid") or {}
    fixed = list(spec.get("args") or [])
    points = []
    for values in itertools.product(*grid.values()):
        params = list(zip(grid.keys(), values))
        for seed in spec.get("seeds") or [1]:
            label = make_label(params, seed)
            argv = [program] + fixed + ["--%s=%s" % kv for kv in params]
            argv.append("--RngRun=%d" % seed)
            if spec.get("label_option"):
                argv.append("--%s=%s" % (spec["label_option"], merge.one_word(label)))
            points.append(Point(label, params, seed, argv))
    return points


def pending(points, db_path):
    """(points still to run, number skipped because the database holds them finished)."""
    done = merge.finished_labels(db_path)
    todo = [p for p in points if p.label not in done]
    return todo, len(points) - len(todo)


class Progress:
    """A one-line text progress bar (one line per event when the stream is not a terminal)."""

    def __init__(self, total, skipped=0, stream=None, width=30):
        self.total, self.skipped, self.width = total, skipped, width
        self.stream = stream or sys.stderr
        self.ok = self.failed = 0
        self.start = time.monotonic()
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()

    def line(self):
        done = self.ok + self.failed
        filled = int(self.width * done / self.total) if self.total else self.width
        elapsed = time.monotonic() - self.start
        left = elapsed / done * (self.total - done) if done else float("nan")
        return "[%s%s] %d/%d ok %d failed %d skipped %d | %.0fs elapsed, ~%.0fs left" % (
            "#" * filled, "." * (self.width - filled), done, self.total, self.ok, self.failed,
            self.skipped, elapsed, left)

    def update(self, ok, message=None):
        if ok:
            self.ok += 1
        else:
            self.failed += 1
        if self.tty:
            self.stream.write("\r\033[K")
        if message:
            self.stream.write(message.rstrip() + "\n")
        self.stream.write(self.line() + ("" if self.tty else "\n"))
        self.stream.flush()

    def close(self):
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()


def _merge_result(db_path, point, status, path, output):
    """Merge one finished job's database; returns (ok, message for the user or None)."""
    problem = None
    if status != 0:
        problem = "exit status %s" % status
    if not os.path.isfile(path):
        return False, "%s: %s, no database written (does the program accept --db?)\n%s" % (
            point.label, problem or "exit status 0", output)
    try:
        mapping = merge.merge(db_path, path, point.label)
    except Exception as error:  # a damaged database must not stop the other points
        return False, "%s: cannot merge its database: %s\n%s" % (point.label, error, output)
    if not mapping:
        problem = problem or "no run in its database"
    if problem:
        return False, "%s: %s\n%s" % (point.label, problem, output)
    return True, None


def _local_job(point, timeout):
    workdir = tempfile.mkdtemp(prefix="pptp-sweep-")
    status, path, output = sweep_task.run_program(point.argv, workdir, timeout)
    return workdir, status, path, output


def run_local(points, db_path, jobs, timeout=None, progress=None):
    """Run points with jobs parallel processes on this machine; returns the number of failures."""
    failures = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = {pool.submit(_local_job, p, timeout): p for p in points}
        for future in concurrent.futures.as_completed(futures):
            workdir, status, path, output = future.result()
            try:
                ok, message = _merge_result(db_path, futures[future], status, path, output)
            finally:
                shutil.rmtree(workdir, ignore_errors=True)
            failures += not ok
            if progress:
                progress.update(ok, message)
    return failures


def run_dask(points, db_path, timeout=None, scheduler=None, workers=None, processes=True,
             progress=None):
    """Run points on a Dask cluster: the scheduler at address scheduler, or else a LocalCluster of
    workers single-threaded workers. Each task returns its database's bytes; this process merges
    them. Returns the number of failures."""
    import cloudpickle
    from dask.distributed import Client, LocalCluster, as_completed

    cloudpickle.register_pickle_by_value(sweep_task)
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers or os.cpu_count(), threads_per_worker=1,
                               processes=processes, dashboard_address=None)
        client = Client(cluster)
    failures = 0
    try:
        futures = {client.submit(sweep_task.run_remote, p.argv, timeout, pure=False): p
                   for p in points}
        for future in as_completed(futures):
            point = futures[future]
            workdir = tempfile.mkdtemp(prefix="pptp-sweep-")
            try:
                result = future.result()
                path = os.path.join(workdir, "run.db")
                if result["db"] is not None:
                    with open(path, "wb") as stream:
                        stream.write(result["db"])
                ok, message = _merge_result(db_path, point, result["status"], path,
                                            result["output"])
            except Exception as error:  # a task that raised on its worker
                ok, message = False, "%s: task failed: %r" % (point.label, error)
            finally:
                shutil.rmtree(workdir, ignore_errors=True)
            failures += not ok
            if progress:
                progress.update(ok, message)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return failures


def build_spec(args):
    """The spec from --config and the command-line options (options win)."""
    spec = load_spec(args.config) if args.config else {"grid": collections.OrderedDict()}
    if args.program:
        spec["program"] = args.program
    if args.db:
        spec["db"] = args.db
    for item in args.param or []:
        key, sep, values = item.partition("=")
        if not sep or not key:
            raise db.AnalysisError("--param wants key=value[,value...], not %r" % item)
        spec["grid"][key] = parse_values(values)
    if args.runs:
        spec["seeds"] = parse_runs(args.runs)
    if args.arg:
        spec["args"] = list(spec.get("args") or []) + args.arg
    if args.label_option:
        spec["label_option"] = args.label_option
    for key in ("program", "db"):
        if not spec.get(key):
            raise db.AnalysisError("no %s: give --%s or put it in the --config file" % (key, key))
    return spec


def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Run a program over a parameter grid and seeds, all runs into one database.")
    parser.add_argument("--config", help="sweep file, JSON or INI (see analysis/README.md)")
    parser.add_argument("--program", help="the simulation program (an example's executable)")
    parser.add_argument("--db", help="the one database all runs end up in")
    parser.add_argument("--param", action="append",
                        help="a swept option: key=value1,value2 (repeat for a grid)")
    parser.add_argument("--runs", help="RngRun values: 1..3 or 1,2,5 [1]")
    parser.add_argument("--arg", action="append",
                        help="a fixed option for every run, e.g. --arg=--duration=20s (repeat)")
    parser.add_argument("--label-option",
                        help="also pass the point's label to the program as --<this>=<label>"
                        " (blanks as commas)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count(),
                        help="parallel runs (local) or LocalCluster workers (--dask) [%(default)s]")
    parser.add_argument("--timeout", type=float, help="seconds before a run is killed")
    parser.add_argument("--dask", action="store_true", help="run on a Dask LocalCluster")
    parser.add_argument("--dask-threads", action="store_true",
                        help="LocalCluster with threads instead of processes (processes=False)")
    parser.add_argument("--scheduler", help="run on an existing Dask cluster: tcp://host:8786")
    parser.add_argument("--force", action="store_true",
                        help="run every point, even those the database holds finished")
    parser.add_argument("--dry-run", action="store_true", help="print the commands, run nothing")
    args = parser.parse_args(argv)
    spec = build_spec(args)
    points = expand(spec)
    todo, skipped = (points, 0) if args.force else pending(points, spec["db"])
    print("%d points, %d already in %s, %d to run" % (len(points), skipped, spec["db"], len(todo)),
          file=sys.stderr)
    if args.dry_run:
        for point in todo:
            print(shlex.join(point.argv + ["--db=<temporary file>"]))
        return 0
    if not todo:
        return 0
    progress = Progress(len(todo), skipped)
    try:
        if args.dask or args.scheduler:
            failures = run_dask(todo, spec["db"], args.timeout, args.scheduler, args.jobs,
                                not args.dask_threads, progress)
        else:
            failures = run_local(todo, spec["db"], max(1, args.jobs), args.timeout, progress)
    finally:
        progress.close()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(db.run_main(main))
