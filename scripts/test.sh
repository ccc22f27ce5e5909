#!/usr/bin/env bash
# Copyright (c) 2026 The ns3-pptp authors
#
# SPDX-License-Identifier: GPL-2.0-only
#
# The README's test command: builds the module and runs every test suite.
# SANITIZE=1 builds and runs them under AddressSanitizer and UBSan instead.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=$(bash "$root/scripts/build.sh" | tail -n 1)
exec ctest --test-dir "$build" --output-on-failure -j "${JOBS:-$(nproc)}"
