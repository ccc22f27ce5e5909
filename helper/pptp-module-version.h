/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_MODULE_VERSION_H
#define PPTP_MODULE_VERSION_H

namespace ns3
{

/**
 * \ingroup pptp
 * \brief The pptp module's version (major.minor.patch), written into every run of the trace
 * database (run.module_version).
 */
constexpr const char* PPTP_MODULE_VERSION = "0.6.0";

} // namespace ns3

#endif /* PPTP_MODULE_VERSION_H */
