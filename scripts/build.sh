#!/usr/bin/env bash
# Copyright (c) 2026 The ns3-pptp authors
#
# SPDX-License-Identifier: GPL-2.0-only
#
# Configures and builds the module in build/ (Release), or in build-sanitize/
# (tests with AddressSanitizer and UndefinedBehaviorSanitizer) when SANITIZE=1.
# Prints the build folder's path as its last line.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
if [ "${SANITIZE:-0}" = 1 ]; then
    build="$root/build-sanitize"
    options=(-DCMAKE_BUILD_TYPE=Debug -DNS3_PPTP_SANITIZE=ON)
else
    build="$root/build"
    options=(-DCMAKE_BUILD_TYPE="${BUILD_TYPE:-Release}")
fi

cmake -S "$root" -B "$build" -G Ninja "${options[@]}" >/dev/null
cmake --build "$build" -j "${JOBS:-$(nproc)}" >&2

# A build run through sudo leaves the folder to the user who asked for it.
if [ "$(id -u)" -eq 0 ] && [ -n "${SUDO_USER:-}" ]; then
    chown -R "$SUDO_USER": "$build"
fi
echo "$build"
