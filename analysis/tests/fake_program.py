#!/usr/bin/env python3
# Copyright (c) 2026 The ns3-pptp authors
#
# SPDX-License-Identifier: GPL-2.0-only
"""A stand-in simulation program for the sweep tests: takes ns-3 style --key=value options,
writes one capacity run (fixture.capacity_run) into --db, and can fail on request:
--fail=1 exits with status 3 after writing an aborted run, --nodb=1 writes nothing."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import fixture  # noqa: E402


def main():
    options = dict(arg[2:].partition("=")[::2] for arg in sys.argv[1:] if arg.startswith("--"))
    if options.get("nodb") == "1":
        return 0
    conn = fixture.create(options["db"])
    status = "aborted" if options.get("fail") == "1" else "finished"
    fixture.capacity_run(conn, int(options.get("clients", "1")), options.get("accessRate", "1Mbps"),
                         int(options.get("RngRun", "1")), status=status,
                         label=options.get("label", ""))
    conn.close()
    with open("stray-output.pcap", "w") as stream:  # must land in the job's own directory
        stream.write("x")
    print("fake program done: %s" % " ".join(sys.argv[1:]))
    return 3 if status == "aborted" else 0


if __name__ == "__main__":
    sys.exit(main())
