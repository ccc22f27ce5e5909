/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_COMMAND_LINE_H
#define PPTP_COMMAND_LINE_H

#include "ns3/command-line.h"

#include <string>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief Add a text option that takes its value whole: with spaces ("--password=a b c") and
 * empty ("--db="). A plain std::string option of ns-3 3.37's CommandLine stops at the first
 * blank and refuses an empty value.
 * \param cmd the command line
 * \param name the option's name (without --)
 * \param help its help text
 * \param value where the value goes; its value now is the default shown by --help
 */
void PptpAddTextValue(CommandLine& cmd,
                      const std::string& name,
                      const std::string& help,
                      std::string& value);

} // namespace ns3

#endif /* PPTP_COMMAND_LINE_H */
