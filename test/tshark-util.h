/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef TSHARK_UTIL_H
#define TSHARK_UTIL_H

#include <string>
#include <vector>

namespace ns3
{
namespace pptptest
{

/**
 * \ingroup pptp
 * \brief Runs a shell command and collects what it writes to standard output.
 * \param command the command line (run by /bin/sh through popen)
 * \param output receives the standard output
 * \return the exit status of the command, or -1 if it could not be started
 */
int RunCommand(const std::string& command, std::string& output);

/**
 * \ingroup pptp
 * \brief Runs tshark on a capture file with quiet standard error.
 * \param file the capture
 * \param arguments further arguments, e.g. "-T fields -e frame.number"
 * \param output receives the standard output
 * \return the exit status of tshark, or -1 if it could not be started
 */
int RunTshark(const std::string& file, const std::string& arguments, std::string& output);

/**
 * \ingroup pptp
 * \brief Splits text into lines (without the newline characters; no trailing empty line).
 * \param text the text
 * \return the lines
 */
std::vector<std::string> SplitLines(const std::string& text);

/**
 * \ingroup pptp
 * \brief Splits one line at tab characters.
 * \param line the line
 * \return the fields (an empty line gives one empty field)
 */
std::vector<std::string> SplitTabs(const std::string& line);

} // namespace pptptest
} // namespace ns3

#endif /* TSHARK_UTIL_H */
