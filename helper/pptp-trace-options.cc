/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-trace-options.h"

#include "pptp-command-line.h"
#include "pptp-remote-access-topology.h"

#include "ns3/boolean.h"
#include "ns3/node-container.h"
#include "ns3/object.h"

#include <sstream>

namespace ns3
{

PptpTraceOptions::PptpTraceOptions(const std::string& defaultDb)
    : db(defaultDb)
{
}

void
PptpTraceOptions::AddToCommandLine(CommandLine& cmd)
{
    PptpAddTextValue(cmd, "db", "SQLite trace database the run is added to (--db= for none)", db);
    PptpAddTextValue(cmd,
                     "label",
                     "Label of the run in the trace database (e.g. a sweep point); programs "
                     "that make several runs add each run's own label after it",
                     label);
    cmd.AddValue("sampleInterval",
                 "Time between two samples of every tunnel in the trace database",
                 sampleInterval);
    cmd.AddValue(
        "tracePackets", "Also write one row per GRE packet into the trace database", packets);
}

bool
PptpTraceOptions::IsEnabled() const
{
    return !db.empty();
}

std::string
PptpTraceOptions::Validate() const
{
    if (!sampleInterval.IsStrictlyPositive())
    {
        std::ostringstream message;
        message << "--sampleInterval must be > 0 (not " << sampleInterval.As(Time::S) << ")";
        return message.str();
    }
    return "";
}

Ptr<PptpTraceCollector>
PptpTraceOptions::Open(const std::string& experiment,
                       const CommandLine& cmd,
                       int argc,
                       char** argv) const
{
    return Open(experiment, cmd, argc, argv, "");
}

Ptr<PptpTraceCollector>
PptpTraceOptions::Open(const std::string& experiment,
                       const CommandLine& cmd,
                       int argc,
                       char** argv,
                       const std::string& runLabel) const
{
    if (!IsEnabled())
    {
        return nullptr;
    }
    Ptr<PptpTraceCollector> collector = CreateObject<PptpTraceCollector>();
    collector->SetAttribute("SampleInterval", TimeValue(sampleInterval));
    collector->SetAttribute("Packets", BooleanValue(packets));
    collector->SetLabel(label.empty() || runLabel.empty() ? label + runLabel
                                                          : label + " " + runLabel);
    collector->Open(db, experiment);
    collector->RecordParameters(cmd, argc, argv);
    return collector;
}

void
PptpWatchTopology(Ptr<PptpTraceCollector> collector, const PptpRemoteAccessTopology& topology)
{
    const NodeContainer clients = topology.GetClientNodes();
    for (uint32_t i = 0; i < clients.GetN(); ++i)
    {
        collector->SetNodeRole(clients.Get(i), "client", "client" + std::to_string(i));
    }
    collector->SetNodeRole(topology.GetIspRouter(), "router", "isp-router");
    collector->SetNodeRole(topology.GetServerNode(), "server", "server");
    const NodeContainer hosts = topology.GetLanHosts();
    for (uint32_t j = 0; j < hosts.GetN(); ++j)
    {
        collector->SetNodeRole(hosts.Get(j), "host", "host" + std::to_string(j));
    }
    collector->Watch(topology.GetClientApps());
    collector->Watch(topology.GetServerApps());
}

} // namespace ns3
