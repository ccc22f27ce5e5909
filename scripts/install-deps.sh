#!/usr/bin/env bash
# Copyright (c) 2026 The ns3-pptp authors
#
# SPDX-License-Identifier: GPL-2.0-only
#
# Installs the Debian 12 packages the module needs, if any is missing.
# Works as root and as a user with sudo.
set -euo pipefail

PACKAGES=(
    libns3-dev ns3 libgsl-dev libxml2-dev libpython3.11-dev
    libboost-test-dev libsqlite3-dev nettle-dev
    python3-matplotlib python3-distributed python3-docutils tshark
    cmake ninja-build g++
)

missing=()
for package in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: every package is installed"
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    as_root=()
elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
else
    echo "install-deps: missing ${missing[*]}; run this script as root or install sudo" >&2
    exit 1
fi

echo "install-deps: installing ${missing[*]}"
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
