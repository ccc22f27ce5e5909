#!/usr/bin/env python3
# Copyright (c) 2026 The ns3-pptp authors
#
# SPDX-License-Identifier: GPL-2.0-only
"""Runs wscript's build() against a stand-in for waf's build context and checks
that it declares the pptp module with every file of module-files.txt.
Run by ctest as wscript-build-test."""

import os
import runpy
import sys


class Task:
    def __init__(self, **kwargs):
        self.__dict__.update(kwargs)
        self.use = []


class FakeBuild:
    def __init__(self, folder, examples):
        self.path = type('Node', (), {'abspath': lambda _self: folder})()
        self.env = type('Env', (), {'ENABLE_EXAMPLES': examples})()
        self.modules, self.headers, self.programs = [], [], []

    def create_ns3_module(self, name, dependencies):
        module = Task(name=name, dependencies=dependencies)
        self.modules.append(module)
        return module

    def __call__(self, **kwargs):
        task = Task(**kwargs)
        self.headers.append(task)
        return task

    def create_ns3_program(self, name, dependencies):
        program = Task(name=name, dependencies=dependencies)
        self.programs.append(program)
        return program


def main():
    folder = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else '.')
    wscript = runpy.run_path(os.path.join(folder, 'wscript'))
    files = wscript['read_manifest'](folder)
    bld = FakeBuild(folder, examples=True)
    wscript['build'](bld)
    problems = []
    if [m.name for m in bld.modules] != ['pptp']:
        problems.append('expected one module named pptp, got %r' % [m.name for m in bld.modules])
    else:
        module = bld.modules[0]
        if list(module.source) != files['source']:
            problems.append('module sources differ from module-files.txt')
        for needed in ('core', 'network', 'internet', 'point-to-point', 'flow-monitor'):
            if needed not in module.dependencies:
                problems.append('module does not depend on %s' % needed)
        if 'SQLITE3' not in module.use:
            problems.append('module does not use SQLITE3 (configure checks sqlite3)')
    if len(bld.headers) != 1 or list(bld.headers[0].source) != files['header']:
        problems.append('installed headers differ from module-files.txt')
    for program in bld.programs:
        for needed in ('pptp', 'internet', 'point-to-point'):
            if needed not in program.dependencies:
                problems.append('example %s does not depend on %s' % (program.name, needed))
    if sorted(p.source for p in bld.programs) != sorted(files['example'] + files['benchmark']):
        problems.append('examples and benchmarks differ from module-files.txt')
    for program in bld.programs:
        if program.source in files['benchmark'] and 'virtual-net-device' not in program.dependencies:
            problems.append('benchmark %s does not depend on virtual-net-device' % program.name)
    for path in files['source'] + files['header'] + files['example'] + files['benchmark']:
        if not os.path.exists(os.path.join(folder, path)):
            problems.append('%s is listed but missing' % path)
    for problem in problems:
        print('wscript:', problem)
    if problems:
        return 1
    print('wscript declares pptp with %d sources, %d headers, %d examples, %d benchmarks'
          % (len(files['source']), len(files['header']), len(files['example']),
             len(files['benchmark'])))
    return 0


if __name__ == '__main__':
    sys.exit(main())
