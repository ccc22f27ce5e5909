/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef ABORT_CHECK_H
#define ABORT_CHECK_H

#include <functional>
#include <string>

namespace ns3
{
namespace pptptest
{

/**
 * \ingroup pptp
 * \brief How a child process of RunInChild() ended.
 */
struct ChildExit
{
    int status{0};      //!< the wait status (waitpid)
    std::string errors; //!< everything the child wrote to stderr

    /**
     * \brief The signal that ended the child.
     * \return the signal number; 0 when the child exited
     */
    int Signal() const;
};

/**
 * \ingroup pptp
 * \brief Run code in a child process (fork) and wait for it: the parent's test goes on
 * whatever the code does (NS_FATAL_ERROR, abort, a signal, an uncaught exception).
 *
 * In the child, SIGABRT, SIGTERM, SIGINT, SIGSEGV, SIGBUS, SIGFPE and SIGILL get their
 * default actions back (Boost.Test catches some of them), stderr goes to an unnamed
 * temporary file that the parent reads once the child is gone (so expected fatal messages stay
 * out of the test log), and the child exits with status 0 when the code returns (status 2
 * when stderr cannot be redirected), never running the test program's exit handlers.
 * \param code the child's work
 * \return its wait status and its stderr
 */
ChildExit RunInChild(const std::function<void()>& code);

/**
 * \ingroup pptp
 * \brief Whether code aborts the program (SIGABRT, as NS_FATAL_ERROR and NS_ABORT do), run in a
 * child process by RunInChild().
 * \param code the code
 * \return true when the child ended with SIGABRT
 */
bool Aborts(const std::function<void()>& code);

} // namespace pptptest
} // namespace ns3

#endif /* ABORT_CHECK_H */
