/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_TRACE_OPTIONS_H
#define PPTP_TRACE_OPTIONS_H

#include "pptp-trace-collector.h"

#include "ns3/command-line.h"
#include "ns3/nstime.h"
#include "ns3/ptr.h"

#include <string>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief The trace-database options every example shares: --db, --label, --sampleInterval
 * and --tracePackets, and the one way to open a PptpTraceCollector from them.
 *
 * \code
 *   PptpTraceOptions trace("pptp-remote-access.db");
 *   trace.AddToCommandLine(cmd);
 *   cmd.Parse(argc, argv);
 *   Ptr<PptpTraceCollector> collector = trace.Open("pptp-remote-access", cmd, argc, argv);
 *   if (collector) { collector->Watch(apps); }
 * \endcode
 */
class PptpTraceOptions
{
  public:
    /**
     * \brief Construct with the database file used when --db is not given.
     * \param defaultDb the file ("" for no database by default)
     */
    explicit PptpTraceOptions(const std::string& defaultDb);

    std::string db;                         //!< the database file ("" for none)
    std::string label;                      //!< the run's label ("" for none)
    Time sampleInterval{MilliSeconds(100)}; //!< the collector's SampleInterval
    bool packets{false};                    //!< one row per GRE packet (the Packets Attribute)

    /**
     * \brief Add --db (--db= for none), --label, --sampleInterval and --tracePackets.
     * \param cmd the command line
     */
    void AddToCommandLine(CommandLine& cmd);

    /** \brief \return whether a database is to be written */
    bool IsEnabled() const;

    /**
     * \brief Create a collector with these options, Open() the database, set the label and
     * record the run's parameters.
     * \param experiment the program's name (run.experiment)
     * \param cmd the parsed command line
     * \param argc the program's argc
     * \param argv the program's argv
     * \return the open collector, or nullptr when no database is to be written
     */
    Ptr<PptpTraceCollector> Open(const std::string& experiment,
                                 const CommandLine& cmd,
                                 int argc,
                                 char** argv) const;
};

} // namespace ns3

#endif /* PPTP_TRACE_OPTIONS_H */
