# Copyright (c) 2026 The ns3-pptp authors
#
# SPDX-License-Identifier: GPL-2.0-only
"""Analysis of the PPTP trace databases: queries, plots, summaries and parameter sweeps.

Every command is a module run as ``python3 -m pptp_analysis.<command>`` from analysis/
(or through the ``analysis/pptp-analysis <command>`` script); see analysis/README.md.
"""

COMMANDS = (
    "runs",
    "summary",
    "throughput",
    "delay",
    "window",
    "setup",
    "capacity",
    "overhead",
    "sweep",
    "merge",
)
