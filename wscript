# -*- Mode: python; py-indent-offset: 4; indent-tabs-mode: nil; coding: utf-8; -*-
# Copyright (c) 2026 The ns3-pptp authors
#
# SPDX-License-Identifier: GPL-2.0-only
#
# The pptp module for waf-based ns-3 trees (<= 3.35): place this folder in
# contrib/pptp. Every file is listed once, in module-files.txt, which
# CMakeLists.txt reads too. The Boost.Test suites are built by the CMake build.

import os

KINDS = ('source', 'header', 'testlib', 'test', 'example', 'benchmark')


def read_manifest(folder):
    """Return {kind: [path, ...]} from folder/module-files.txt."""
    files = {kind: [] for kind in KINDS}
    with open(os.path.join(folder, 'module-files.txt')) as manifest:
        for number, line in enumerate(manifest, 1):
            line = line.strip()
            if not line or line.startswith('#'):
                continue
            parts = line.split()
            if len(parts) != 2 or parts[0] not in KINDS:
                raise ValueError('module-files.txt:%d: cannot read %r' % (number, line))
            files[parts[0]].append(parts[1])
    return files


def configure(conf):
    conf.check_cfg(package='nettle', uselib_store='NETTLE', args=['--cflags', '--libs'],
                   mandatory=True)
    conf.check_cfg(package='sqlite3', uselib_store='SQLITE3', args=['--cflags', '--libs'],
                   mandatory=True)


def build(bld):
    files = read_manifest(bld.path.abspath())
    module = bld.create_ns3_module('pptp', ['core', 'network', 'internet', 'point-to-point',
                                            'flow-monitor'])
    module.source = files['source']
    module.use.append('NETTLE')
    module.use.append('SQLITE3')
    headers = bld(features='ns3header')
    headers.module = 'pptp'
    headers.source = files['header']
    if bld.env.ENABLE_EXAMPLES:
        for example in files['example']:
            name = os.path.splitext(os.path.basename(example))[0]
            program = bld.create_ns3_program(name, ['pptp', 'internet', 'point-to-point',
                                                    'applications'])
            program.source = example
        # Benchmarks are programs like the examples.
        for benchmark in files['benchmark']:
            name = os.path.splitext(os.path.basename(benchmark))[0]
            program = bld.create_ns3_program(name, ['pptp', 'internet', 'point-to-point',
                                                    'applications', 'virtual-net-device'])
            program.source = benchmark
