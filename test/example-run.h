/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EXAMPLE_RUN_H
#define EXAMPLE_RUN_H

#include <map>
#include <string>

namespace ns3
{
namespace pptptest
{

/**
 * \ingroup pptp
 * \brief One finished run of an example program.
 */
struct ExampleRun
{
    int status{-1};                             //!< exit status (-1 when it could not start)
    std::string output;                         //!< what it wrote to standard output
    std::map<std::string, std::string> summary; //!< its "label: value" lines, value by label
};

/**
 * \ingroup pptp
 * \brief Run an example program of this build (examples/<name> in the binary folder) with the
 * binary folder as its working directory, so that the files it writes land there.
 * \param name the example's name
 * \param arguments its options, given to the shell as they are (add " 2>&1" to collect
 * standard error too)
 * \return the exit status, the output and the summary lines (a line's label is the text
 * before its first ": "; a later line with the same label wins); the test fails at once when
 * the program was not built
 */
ExampleRun RunExampleProgram(const std::string& name, const std::string& arguments);

} // namespace pptptest
} // namespace ns3

#endif /* EXAMPLE_RUN_H */
