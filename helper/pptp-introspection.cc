/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-introspection.h"

#include "ns3/attribute.h"
#include "ns3/nstime.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <utility>

namespace ns3
{

namespace
{

/// The command that regenerates the blocks, named in their comment line.
const char* const REGENERATE_COMMAND = "build/examples/pptp-print-attributes --update=doc/pptp.rst";

/**
 * \brief The name of a block in its marker lines.
 * \param section the block
 * \return "ATTRIBUTES" or "TRACE SOURCES"
 */
const char*
SectionName(PptpIntrospection::Section section)
{
    return section == PptpIntrospection::Section::ATTRIBUTES ? "ATTRIBUTES" : "TRACE SOURCES";
}

/**
 * \brief A time as a person writes it on an ns-3 command line: the largest unit (s, ms, us,
 * ns) that shows it as a whole number.
 * \param nanoseconds the time in nanoseconds
 * \return e.g. "500ms"
 */
std::string
TimeText(int64_t nanoseconds)
{
    if (nanoseconds == 0)
    {
        return "0s";
    }
    const std::pair<int64_t, const char*> units[]
        = {{1000000000, "s"}, {1000000, "ms"}, {1000, "us"}, {1, "ns"}};
    for (const auto& unit : units)
    {
        if (nanoseconds % unit.first == 0)
        {
            return std::to_string(nanoseconds / unit.first) + unit.second;
        }
    }
    return std::to_string(nanoseconds) + "ns";
}

/**
 * \brief A bound of a Time checker's range, as ns-3 prints it ("+1e+10ns"), in a person's
 * form.
 * \param bound the printed bound
 * \param[out] unbounded true when it is ns-3's largest Time (no bound in practice)
 * \return the bound (e.g. "10s"), or the text unchanged when it is not of that form
 */
std::string
TimeBoundText(const std::string& bound, bool& unbounded)
{
    unbounded = false;
    const std::string suffix = "ns";
    if (bound.size() <= suffix.size()
        || bound.compare(bound.size() - suffix.size(), suffix.size(), suffix) != 0)
    {
        return bound;
    }
    const std::string number = bound.substr(0, bound.size() - suffix.size());
    char* end = nullptr;
    const double value = std::strtod(number.c_str(), &end);
    if (end != number.c_str() + number.size())
    {
        return bound;
    }
    if (value >= 9.0e18)
    {
        unbounded = true;
        return "";
    }
    return TimeText(static_cast<int64_t>(std::llround(value)));
}

/**
 * \brief The type an Attribute holds, as a person reads it.
 * \param checker the Attribute's checker
 * \return the underlying type with its range or values when the checker knows them (the
 * range in words when MakePptpRangeChecker gave one, else min..max), else the value class
 * without "ns3::" and "Value"
 */
std::string
AttributeType(Ptr<const AttributeChecker> checker)
{
    if (!checker->HasUnderlyingTypeInformation())
    {
        std::string name = checker->GetValueTypeName();
        const std::string prefix = "ns3::";
        if (name.compare(0, prefix.size(), prefix) == 0)
        {
            name.erase(0, prefix.size());
        }
        const std::string suffix = "Value";
        if (name.size() > suffix.size()
            && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
        {
            name.erase(name.size() - suffix.size());
        }
        return name;
    }
    const std::string info = checker->GetUnderlyingTypeInformation();
    const std::size_t space = info.find(' ');
    if (space == std::string::npos)
    {
        return info;
    }
    const std::string base = info.substr(0, space);
    // MakePptpRangeChecker appends the valid values in words: "uint16_t 1:65535 (1..65535)".
    const std::size_t words = info.find(" (");
    if (words != std::string::npos && info.back() == ')')
    {
        return base + " " + info.substr(words + 2, info.size() - words - 3);
    }
    static const char* const numeric[] = {"int8_t",
                                          "int16_t",
                                          "int32_t",
                                          "int64_t",
                                          "uint8_t",
                                          "uint16_t",
                                          "uint32_t",
                                          "uint64_t",
                                          "double",
                                          "Time"};
    const bool isNumeric
        = std::find(std::begin(numeric), std::end(numeric), base) != std::end(numeric);
    const std::string range = info.substr(space + 1);
    const std::size_t colon = range.find(':');
    if (!isNumeric || colon == std::string::npos || range.find(':', colon + 1) != std::string::npos)
    {
        return info;
    }
    std::string low = range.substr(0, colon);
    std::string high = range.substr(colon + 1);
    if (base == "Time")
    {
        bool lowUnbounded = false;
        bool highUnbounded = false;
        low = TimeBoundText(low, lowUnbounded);
        high = TimeBoundText(high, highUnbounded);
        if (highUnbounded)
        {
            return base + " >= " + low;
        }
    }
    return base + " " + low + ".." + high;
}

/**
 * \brief An Attribute's default as the code declares it (Config::SetDefault does not change
 * it); a Time in the largest unit that shows it whole.
 * \param info the Attribute
 * \return the value's text
 */
std::string
AttributeDefault(const TypeId::AttributeInformation& info)
{
    Ptr<const TimeValue> time = DynamicCast<const TimeValue>(info.originalInitialValue);
    if (time)
    {
        return TimeText(time->Get().GetNanoSeconds());
    }
    return info.originalInitialValue->SerializeToString(info.checker);
}

/**
 * \brief A help text with the support level in front when the item is deprecated or obsolete.
 * \param help the help text
 * \param level the support level
 * \param message the support message
 * \return the text
 */
std::string
HelpWithSupport(const std::string& help, TypeId::SupportLevel level, const std::string& message)
{
    switch (level)
    {
        case TypeId::SUPPORTED:
            return help;
        case TypeId::DEPRECATED:
            return "(deprecated: " + message + ") " + help;
        case TypeId::OBSOLETE:
            return "(obsolete: " + message + ") " + help;
    }
    return help;
}

/**
 * \brief The ancestors of a TypeId that have Attributes (or trace sources) of their own,
 * which its objects have too.
 * \param tid the TypeId
 * \param attributes true for Attributes, false for trace sources
 * \return their names, nearest first, joined by ", " (empty when none)
 */
std::string
Inherited(TypeId tid, bool attributes)
{
    std::string names;
    TypeId ancestor = tid;
    while (ancestor.HasParent() && ancestor.GetParent() != ancestor)
    {
        ancestor = ancestor.GetParent();
        if ((attributes ? ancestor.GetAttributeN() : ancestor.GetTraceSourceN()) > 0)
        {
            names += (names.empty() ? "" : ", ") + ancestor.GetName();
        }
    }
    return names;
}

/**
 * \brief The line under a TypeId's heading that names the ancestors whose items it has too.
 * \param os the stream
 * \param tid the TypeId
 * \param attributes true for Attributes, false for trace sources
 */
void
InheritedLine(std::ostream& os, TypeId tid, bool attributes)
{
    const std::string names = Inherited(tid, attributes);
    if (!names.empty())
    {
        os << "Also " << (attributes ? "the Attributes" : "the trace sources") << " of "
           << PptpIntrospection::LiteralRst(names) << ".\n\n";
    }
}

/**
 * \brief A reStructuredText heading.
 * \param os the stream
 * \param title the title
 * \param underline the underline character
 */
void
Heading(std::ostream& os, const std::string& title, char underline)
{
    os << title << '\n' << std::string(title.size(), underline) << "\n\n";
}

/**
 * \brief The head of a list-table.
 * \param os the stream
 * \param widths the :widths: option
 * \param columns the header row's cells
 */
void
TableHead(std::ostream& os, const char* widths, const std::vector<const char*>& columns)
{
    os << ".. list-table::\n   :header-rows: 1\n   :widths: " << widths << "\n\n";
    const char* lead = "   * - ";
    for (const char* column : columns)
    {
        os << lead << column << '\n';
        lead = "     - ";
    }
}

/**
 * \brief One row of a list-table.
 * \param cells the cells, already in reStructuredText
 * \return the row's lines
 */
std::string
TableRow(const std::vector<std::string>& cells)
{
    std::string row;
    const char* lead = "   * - ";
    for (const std::string& cell : cells)
    {
        row += lead;
        row += cell;
        row += '\n';
        lead = "     - ";
    }
    return row;
}

/**
 * \brief A text on one line: every line break or tab becomes a space.
 * \param text the text
 * \return the text
 */
std::string
OneLine(const std::string& text)
{
    std::string line = text;
    std::replace_if(
        line.begin(), line.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
    return line;
}

/**
 * \brief The first and last byte offsets of a block's marker lines in a document.
 * \param document the text
 * \param section the block
 * \param[out] contentBegin offset of the first line after the begin marker's line
 * \param[out] contentEnd offset of the end marker's line
 * \return false when a marker is missing, repeated or they are out of order
 */
bool
FindSection(const std::string& document,
            PptpIntrospection::Section section,
            std::size_t& contentBegin,
            std::size_t& contentEnd)
{
    const std::string begin = PptpIntrospection::GetBeginMarker(section);
    const std::string end = PptpIntrospection::GetEndMarker(section);
    std::size_t beginLine = std::string::npos;
    std::size_t endLine = std::string::npos;
    std::size_t lineStart = 0;
    while (lineStart < document.size())
    {
        std::size_t lineEnd = document.find('\n', lineStart);
        if (lineEnd == std::string::npos)
        {
            lineEnd = document.size();
        }
        std::string line = document.substr(lineStart, lineEnd - lineStart);
        while (!line.empty() && (line.back() == ' ' || line.back() == '\r'))
        {
            line.pop_back();
        }
        if (line == begin || line == end)
        {
            std::size_t& found = line == begin ? beginLine : endLine;
            if (found != std::string::npos)
            {
                return false;
            }
            found = lineStart;
            if (line == begin)
            {
                contentBegin = std::min(lineEnd + 1, document.size());
            }
        }
        lineStart = lineEnd + 1;
    }
    if (beginLine == std::string::npos || endLine == std::string::npos || endLine < beginLine)
    {
        return false;
    }
    contentEnd = endLine;
    return true;
}

} // namespace

std::vector<TypeId>
PptpIntrospection::GetTypeIds(const std::string& group)
{
    std::vector<TypeId> tids;
    for (uint16_t i = 0; i < TypeId::GetRegisteredN(); ++i)
    {
        TypeId tid = TypeId::GetRegistered(i);
        if (tid.GetGroupName() == group)
        {
            tids.push_back(tid);
        }
    }
    std::sort(tids.begin(),
              tids.end(),
              [](const TypeId& a, const TypeId& b) { return a.GetName() < b.GetName(); });
    return tids;
}

std::string
PptpIntrospection::EscapeRst(const std::string& text)
{
    const std::string line = OneLine(text);
    if (line.find_first_not_of(' ') == std::string::npos)
    {
        return "(none)";
    }
    std::string escaped;
    escaped.reserve(line.size() + 8);
    // A first character other than a letter, or a letter followed by '.' or ')', could open
    // a list, a line block or a field list: an escaped space (which renders as nothing)
    // keeps the text a paragraph.
    const char first = line[0];
    const bool letter = (first >= 'A' && first <= 'Z') || (first >= 'a' && first <= 'z');
    if (!letter || (line.size() > 1 && (line[1] == '.' || line[1] == ')')))
    {
        escaped += "\\ ";
    }
    const auto isWordChar = [&line](std::size_t i)
    { return i < line.size() && std::isalnum(static_cast<unsigned char>(line[i])); };
    for (std::size_t i = 0; i < line.size(); ++i)
    {
        const char c = line[i];
        // An underscore inside a word (ng_pptpgre) is plain text; at a word's edge it could
        // make a reference or a target.
        const bool innerUnderscore = c == '_' && i > 0 && isWordChar(i - 1) && isWordChar(i + 1);
        if (c == '\\' || c == '*' || c == '`' || c == '|' || (c == '_' && !innerUnderscore))
        {
            escaped += '\\';
        }
        escaped += c;
    }
    return escaped;
}

std::string
PptpIntrospection::LiteralRst(const std::string& text)
{
    const std::string line = OneLine(text);
    if (line.empty())
    {
        return "*(empty)*";
    }
    if (line.find("``") != std::string::npos || line.front() == ' ' || line.back() == ' '
        || line.back() == '`')
    {
        return EscapeRst(line);
    }
    return "``" + line + "``";
}

std::string
PptpIntrospection::GetAttributeRow(TypeId tid, std::size_t i)
{
    const TypeId::AttributeInformation info = tid.GetAttribute(i);
    return TableRow({LiteralRst(info.name),
                     LiteralRst(AttributeType(info.checker)),
                     LiteralRst(AttributeDefault(info)),
                     EscapeRst(HelpWithSupport(info.help, info.supportLevel, info.supportMsg))});
}

std::string
PptpIntrospection::GetTraceSourceRow(TypeId tid, std::size_t i)
{
    const TypeId::TraceSourceInformation info = tid.GetTraceSource(i);
    return TableRow({LiteralRst(info.name),
                     LiteralRst(info.callback),
                     EscapeRst(HelpWithSupport(info.help, info.supportLevel, info.supportMsg))});
}

void
PptpIntrospection::PrintAttributes(std::ostream& os, Format format, const std::string& group)
{
    for (const TypeId& tid : GetTypeIds(group))
    {
        if (tid.GetAttributeN() == 0)
        {
            continue;
        }
        if (format == Format::TEXT)
        {
            os << tid.GetName() << '\n';
            if (!Inherited(tid, true).empty())
            {
                os << "  (also the Attributes of " << Inherited(tid, true) << ")\n";
            }
            for (std::size_t i = 0; i < tid.GetAttributeN(); ++i)
            {
                const TypeId::AttributeInformation info = tid.GetAttribute(i);
                os << "  " << info.name << " (" << AttributeType(info.checker) << ", default \""
                   << AttributeDefault(info) << "\")\n      "
                   << OneLine(HelpWithSupport(info.help, info.supportLevel, info.supportMsg))
                   << '\n';
            }
            os << '\n';
            continue;
        }
        Heading(os, tid.GetName() + " Attributes", '#');
        InheritedLine(os, tid, true);
        TableHead(os, "22 20 16 42", {"Attribute", "Type", "Default", "Description"});
        for (std::size_t i = 0; i < tid.GetAttributeN(); ++i)
        {
            os << GetAttributeRow(tid, i);
        }
        os << '\n';
    }
}

void
PptpIntrospection::PrintTraceSources(std::ostream& os, Format format, const std::string& group)
{
    for (const TypeId& tid : GetTypeIds(group))
    {
        if (tid.GetTraceSourceN() == 0)
        {
            continue;
        }
        if (format == Format::TEXT)
        {
            os << tid.GetName() << '\n';
            if (!Inherited(tid, false).empty())
            {
                os << "  (also the trace sources of " << Inherited(tid, false) << ")\n";
            }
            for (std::size_t i = 0; i < tid.GetTraceSourceN(); ++i)
            {
                const TypeId::TraceSourceInformation info = tid.GetTraceSource(i);
                os << "  " << info.name << " (" << info.callback << ")\n      "
                   << OneLine(HelpWithSupport(info.help, info.supportLevel, info.supportMsg))
                   << '\n';
            }
            os << '\n';
            continue;
        }
        Heading(os, tid.GetName() + " trace sources", '#');
        InheritedLine(os, tid, false);
        TableHead(os, "22 38 40", {"Trace source", "Callback signature", "Description"});
        for (std::size_t i = 0; i < tid.GetTraceSourceN(); ++i)
        {
            os << GetTraceSourceRow(tid, i);
        }
        os << '\n';
    }
}

std::string
PptpIntrospection::GetSection(Section section, const std::string& group)
{
    std::ostringstream os;
    os << "\n.. Generated from the TypeIds' help strings; do not edit by hand: regenerate with\n"
       << "   " << REGENERATE_COMMAND << "\n\n";
    if (section == Section::ATTRIBUTES)
    {
        PrintAttributes(os, Format::RST, group);
    }
    else
    {
        PrintTraceSources(os, Format::RST, group);
    }
    return os.str();
}

std::string
PptpIntrospection::GetBeginMarker(Section section)
{
    return std::string(".. BEGIN GENERATED ") + SectionName(section);
}

std::string
PptpIntrospection::GetEndMarker(Section section)
{
    return std::string(".. END GENERATED ") + SectionName(section);
}

bool
PptpIntrospection::ExtractSection(const std::string& document, Section section, std::string& text)
{
    std::size_t contentBegin = 0;
    std::size_t contentEnd = 0;
    if (!FindSection(document, section, contentBegin, contentEnd))
    {
        return false;
    }
    text = document.substr(contentBegin, contentEnd - contentBegin);
    return true;
}

bool
PptpIntrospection::ReplaceSection(std::string& document, Section section, const std::string& text)
{
    std::size_t contentBegin = 0;
    std::size_t contentEnd = 0;
    if (!FindSection(document, section, contentBegin, contentEnd))
    {
        return false;
    }
    document.replace(contentBegin, contentEnd - contentBegin, text);
    return true;
}

std::string
PptpIntrospection::UpdateDocument(const std::string& path, const std::string& group, bool& changed)
{
    changed = false;
    std::ifstream in(path, std::ios::binary);
    if (!in)
    {
        return "cannot read " + path;
    }
    std::ostringstream read;
    read << in.rdbuf();
    const std::string original = read.str();
    std::string document = original;
    for (Section section : {Section::ATTRIBUTES, Section::TRACE_SOURCES})
    {
        if (!ReplaceSection(document, section, GetSection(section, group)))
        {
            return path + ": the lines '" + GetBeginMarker(section) + "' and '"
                   + GetEndMarker(section) + "' must each appear once, in that order";
        }
    }
    if (document == original)
    {
        return "";
    }
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << document;
    out.close();
    if (!out)
    {
        return "cannot write " + path;
    }
    changed = true;
    return "";
}

} // namespace ns3
