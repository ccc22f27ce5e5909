/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/*
 * The module's reference documentation from its TypeIds: for every TypeId of the group
 * "Pptp", its Attributes (name, type, default, help) and its trace sources (name, callback
 * signature, help), as reStructuredText list-tables (the form of doc/pptp.rst) or plain text.
 *
 *   ./pptp-print-attributes                          (reStructuredText, both blocks)
 *   ./pptp-print-attributes --format=text --what=traces
 *   ./pptp-print-attributes --update=doc/pptp.rst    (rewrite the generated blocks)
 *   ./pptp-print-attributes --check=doc/pptp.rst     (exit 1 if they are out of date)
 *
 * The generated blocks of doc/pptp.rst lie between the comment lines
 * ".. BEGIN GENERATED ATTRIBUTES" / ".. END GENERATED ATTRIBUTES" and
 * ".. BEGIN GENERATED TRACE SOURCES" / ".. END GENERATED TRACE SOURCES"; test/pptp-doc-test
 * fails when they differ from what this program prints.
 */

#include "pptp-introspection.h"

#include "ns3/command-line.h"

#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

using namespace ns3;

int
main(int argc, char* argv[])
{
    std::string format = "rst";
    std::string what = "all";
    std::string group = "Pptp";
    std::string update;
    std::string check;

    CommandLine cmd(__FILE__);
    cmd.Usage("Print the Attributes and trace sources of the module's TypeIds, or update the "
              "generated blocks of doc/pptp.rst.");
    cmd.AddValue("format", "rst (reStructuredText list-tables) or text", format);
    cmd.AddValue("what", "all, attributes or traces", what);
    cmd.AddValue("group", "the TypeId group name to document", group);
    cmd.AddValue(
        "update", "rewrite the generated blocks of this .rst file (e.g. doc/pptp.rst)", update);
    cmd.AddValue("check",
                 "exit with status 1 when the generated blocks of this .rst file are out of date",
                 check);
    cmd.Parse(argc, argv);

    if (format != "rst" && format != "text")
    {
        std::cerr << "invalid --format=" << format << ": valid values are rst, text\n";
        return 2;
    }
    if (what != "all" && what != "attributes" && what != "traces")
    {
        std::cerr << "invalid --what=" << what << ": valid values are all, attributes, traces\n";
        return 2;
    }

    if (!update.empty())
    {
        bool changed = false;
        const std::string error = PptpIntrospection::UpdateDocument(update, group, changed);
        if (!error.empty())
        {
            std::cerr << error << '\n';
            return 1;
        }
        std::cout << update << (changed ? ": generated blocks updated" : ": already up to date")
                  << '\n';
        return 0;
    }

    if (!check.empty())
    {
        std::ifstream in(check, std::ios::binary);
        if (!in)
        {
            std::cerr << "cannot read " << check << '\n';
            return 1;
        }
        std::ostringstream document;
        document << in.rdbuf();
        int status = 0;
        for (auto section :
             {PptpIntrospection::Section::ATTRIBUTES, PptpIntrospection::Section::TRACE_SOURCES})
        {
            std::string text;
            if (!PptpIntrospection::ExtractSection(document.str(), section, text))
            {
                std::cerr << check << ": missing or repeated '"
                          << PptpIntrospection::GetBeginMarker(section) << "' / '"
                          << PptpIntrospection::GetEndMarker(section) << "'\n";
                status = 1;
            }
            else if (text != PptpIntrospection::GetSection(section, group))
            {
                std::cerr << check << ": the block after '"
                          << PptpIntrospection::GetBeginMarker(section)
                          << "' is out of date; run with --update=" << check << '\n';
                status = 1;
            }
        }
        if (status == 0)
        {
            std::cout << check << ": generated blocks up to date\n";
        }
        return status;
    }

    const auto form
        = format == "rst" ? PptpIntrospection::Format::RST : PptpIntrospection::Format::TEXT;
    if (what != "traces")
    {
        std::cout << (format == "rst" ? "Attributes\n==========\n\n" : "ATTRIBUTES\n\n");
        PptpIntrospection::PrintAttributes(std::cout, form, group);
    }
    if (what != "attributes")
    {
        std::cout << (format == "rst" ? "Trace sources\n=============\n\n" : "TRACE SOURCES\n\n");
        PptpIntrospection::PrintTraceSources(std::cout, form, group);
    }
    return 0;
}
