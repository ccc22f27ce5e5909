/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-trace-options.h"

#include "pptp-command-line.h"

#include "ns3/boolean.h"
#include "ns3/object.h"

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
    PptpAddTextValue(
        cmd, "label", "Label of the run in the trace database (e.g. a sweep point)", label);
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

Ptr<PptpTraceCollector>
PptpTraceOptions::Open(const std::string& experiment,
                       const CommandLine& cmd,
                       int argc,
                       char** argv) const
{
    if (!IsEnabled())
    {
        return nullptr;
    }
    Ptr<PptpTraceCollector> collector = CreateObject<PptpTraceCollector>();
    collector->SetAttribute("SampleInterval", TimeValue(sampleInterval));
    collector->SetAttribute("Packets", BooleanValue(packets));
    collector->SetLabel(label);
    collector->Open(db, experiment);
    collector->RecordParameters(cmd, argc, argv);
    return collector;
}

} // namespace ns3
