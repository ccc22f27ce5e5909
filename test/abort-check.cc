/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "abort-check.h"

#include <boost/test/unit_test.hpp>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <sys/wait.h>
#include <unistd.h>

namespace ns3
{
namespace pptptest
{

int
ChildExit::Signal() const
{
    return WIFSIGNALED(status) ? WTERMSIG(status) : 0;
}

ChildExit
RunInChild(const std::function<void()>& code)
{
    std::FILE* capture = std::tmpfile();
    BOOST_REQUIRE_MESSAGE(capture, "no temporary file for the child's stderr");
    // Nothing buffered may be written twice, by the parent and by the child.
    std::fflush(nullptr);
    pid_t pid = fork();
    if (pid == 0)
    {
        for (int signal : {SIGABRT, SIGTERM, SIGINT, SIGSEGV, SIGBUS, SIGFPE, SIGILL})
        {
            std::signal(signal, SIG_DFL);
        }
        if (dup2(fileno(capture), STDERR_FILENO) < 0)
        {
            _exit(2);
        }
        code();
        std::fflush(stderr);
        _exit(0);
    }
    ChildExit child;
    if (pid < 0)
    {
        std::fclose(capture);
        BOOST_FAIL("fork failed");
    }
    while (waitpid(pid, &child.status, 0) < 0 && errno == EINTR)
    {
    }
    // The child wrote through the same file description: read it from the start.
    std::rewind(capture);
    char chunk[4096];
    std::size_t n;
    while ((n = std::fread(chunk, 1, sizeof(chunk), capture)) > 0)
    {
        child.errors.append(chunk, n);
    }
    std::fclose(capture);
    return child;
}

bool
Aborts(const std::function<void()>& code)
{
    return RunInChild(code).Signal() == SIGABRT;
}

} // namespace pptptest
} // namespace ns3
