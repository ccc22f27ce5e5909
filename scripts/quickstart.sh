#!/usr/bin/env bash
# Copyright (c) 2026 The ns3-pptp authors
#
# SPDX-License-Identifier: GPL-2.0-only
#
# The README's first command: installs what is missing, builds, and runs the
# default experiment.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/install-deps.sh"
build=$(bash "$root/scripts/build.sh" | tail -n 1)

cd "$build"
"$build/examples/pptp-remote-access" "$@"
if [ "$(id -u)" -eq 0 ] && [ -n "${SUDO_USER:-}" ]; then
    chown "$SUDO_USER": "$build"/*.pcap 2>/dev/null || true
fi
