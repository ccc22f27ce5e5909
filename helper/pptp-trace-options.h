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

class PptpRemoteAccessTopology;

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
 *   if (collector) { PptpWatchTopology(collector, topology); }
 * \endcode
 *
 * A program that makes several runs opens one collector per run with the overload that
 * appends the run's own label to --label.
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
    std::string label;                      //!< the run's label ("" for none), or its prefix
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
     * \brief Check the values.
     * \return an empty string when they are valid, else a message naming the bad option
     */
    std::string Validate() const;

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

    /**
     * \brief Open() for one of several runs of a program (one simulation per mode, size or
     * profile, each a run of the same experiment): the run's label is --label, a space and
     * runLabel (runLabel alone without --label).
     * \param experiment the program's name (run.experiment)
     * \param cmd the parsed command line
     * \param argc the program's argc
     * \param argv the program's argv
     * \param runLabel what tells this run from the program's others, e.g. "profile=rfc"
     * \return the open collector, or nullptr when no database is to be written
     */
    Ptr<PptpTraceCollector> Open(const std::string& experiment,
                                 const CommandLine& cmd,
                                 int argc,
                                 char** argv,
                                 const std::string& runLabel) const;
};

/**
 * \ingroup pptp
 * \brief Record a remote-access topology in a trace database: every node named by its role
 * (client0 ..., isp-router, server, host0 ...) and the PPTP clients and server watched. A role
 * set afterwards replaces the one given here (e.g. the router as 'eavesdropper').
 * \param collector the open collector
 * \param topology the installed topology
 */
void PptpWatchTopology(Ptr<PptpTraceCollector> collector, const PptpRemoteAccessTopology& topology);

} // namespace ns3

#endif /* PPTP_TRACE_OPTIONS_H */
