#!/usr/bin/env bash
# Copyright (c) 2026 The ns3-pptp authors
#
# SPDX-License-Identifier: GPL-2.0-only
#
# The README's first command: installs what is missing, builds, runs the default experiment
# (its trace database: build/pptp-remote-access.db) and plots it (build/plots/).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/install-deps.sh"
build=$(bash "$root/scripts/build.sh" | tail -n 1)

cd "$build"
# A fresh database each time, so that the plots show this run (the sweep runner and the
# examples' --db option add runs to one file instead).
rm -f pptp-remote-access.db pptp-remote-access.db-wal pptp-remote-access.db-shm
"$build/examples/pptp-remote-access" "$@"
if grep -q -- "--db=" <<<"$*"; then
    echo "quickstart: --db given; plot it with $root/analysis/pptp-analysis (see analysis/README.md)"
else
    mkdir -p plots
    for plot in throughput delay setup; do
        "$root/analysis/pptp-analysis" "$plot" --db pptp-remote-access.db --out plots/
    done
    "$root/analysis/pptp-analysis" summary --db pptp-remote-access.db
fi
if [ "$(id -u)" -eq 0 ] && [ -n "${SUDO_USER:-}" ]; then
    chown -R "$SUDO_USER": "$build"/*.pcap "$build"/pptp-remote-access.db* "$build"/plots 2>/dev/null || true
fi
