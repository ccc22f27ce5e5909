/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// doc/pptp.rst against the code: its generated Attribute and trace-source blocks are what
// PptpIntrospection prints from the TypeIds now, every example and benchmark of
// module-files.txt is described, every table and column of the trace database has its
// description, and docutils reads the document without a warning. The introspection
// helper's own text handling (escaping, markers, updating a file) is checked first.

#include "pptp-introspection.h"
#include "pptp-test-util.h"
#include "pptp-trace-schema.h"
#include "tshark-util.h"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

using namespace ns3;
using Section = PptpIntrospection::Section;

namespace
{

/// The command that regenerates the document's generated blocks, for failure messages.
const char* const REGENERATE = "regenerate with: build/examples/pptp-print-attributes "
                               "--update=doc/pptp.rst";

/**
 * \brief The whole text of a file.
 * \param path the file
 * \return its text (the test stops when it cannot be read)
 */
std::string
ReadText(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    BOOST_REQUIRE_MESSAGE(in, "cannot read " << path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/**
 * \brief The model documentation.
 * \return the text of doc/pptp.rst
 */
std::string
Document()
{
    return ReadText(std::string(PPTP_SOURCE_DIR) + "/doc/pptp.rst");
}

/**
 * \brief Whether a text holds a token that is not part of a longer name: the characters
 * around it are not letters, digits, '-' or '_' ("pptp-remote-access" is not found in
 * "pptp-remote-access-capacity").
 * \param text the text
 * \param token the token
 * \return true when found so
 */
bool
ContainsName(const std::string& text, const std::string& token)
{
    const auto isNameChar = [](char c)
    { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'; };
    for (std::size_t at = text.find(token); at != std::string::npos; at = text.find(token, at + 1))
    {
        const std::size_t after = at + token.size();
        if ((at == 0 || !isNameChar(text[at - 1]))
            && (after == text.size() || !isNameChar(text[after])))
        {
            return true;
        }
    }
    return false;
}

/**
 * \brief The part of a reStructuredText document under a heading: from the heading's line to
 * the next heading of any level.
 * \param document the text
 * \param title the heading's exact line
 * \return the part (empty when the heading is not there)
 */
std::string
UnderHeading(const std::string& document, const std::string& title)
{
    const std::vector<std::string> lines = pptptest::SplitLines(document);
    const auto isUnderline = [](const std::string& line, std::size_t length)
    {
        return line.size() >= length && length > 0
               && line.find_first_not_of(line[0]) == std::string::npos
               && std::string("-*=#~^").find(line[0]) != std::string::npos;
    };
    std::string part;
    bool inside = false;
    for (std::size_t i = 0; i < lines.size(); ++i)
    {
        const bool heading = i + 1 < lines.size() && !lines[i].empty()
                             && isUnderline(lines[i + 1], lines[i].size());
        if (heading && inside)
        {
            break;
        }
        if (heading && lines[i] == title)
        {
            inside = true;
        }
        if (inside)
        {
            part += lines[i] + '\n';
        }
    }
    return part;
}

/**
 * \brief The programs of module-files.txt: its example and benchmark lines.
 * \return their paths without the .cc extension, e.g. "examples/pptp-remote-access"
 */
std::vector<std::string>
ListedPrograms()
{
    std::istringstream manifest(ReadText(std::string(PPTP_SOURCE_DIR) + "/module-files.txt"));
    std::vector<std::string> programs;
    std::string kind;
    std::string path;
    std::string line;
    while (std::getline(manifest, line))
    {
        std::istringstream words(line);
        if ((words >> kind >> path) && (kind == "example" || kind == "benchmark") && path.size() > 3
            && path.compare(path.size() - 3, 3, ".cc") == 0)
        {
            programs.push_back(path.substr(0, path.size() - 3));
        }
    }
    return programs;
}

/**
 * \brief Whether python3 has docutils 0.19 or later, whose command line the document check
 * runs (the check is skipped otherwise).
 * \return true when it can
 */
bool
HaveDocutils()
{
    std::string output;
    return pptptest::RunCommand("python3 -m docutils --version 2>/dev/null", output) == 0;
}

/**
 * \brief Check that a generated block of the document equals what the TypeIds give now, and
 * name every item whose row is missing or differs.
 * \param section the block
 */
void
CheckGeneratedBlock(Section section)
{
    std::string block;
    BOOST_REQUIRE_MESSAGE(PptpIntrospection::ExtractSection(Document(), section, block),
                          "doc/pptp.rst needs the lines '"
                              << PptpIntrospection::GetBeginMarker(section) << "' and '"
                              << PptpIntrospection::GetEndMarker(section)
                              << "', once each, in that order");
    std::size_t items = 0;
    for (const TypeId& tid : PptpIntrospection::GetTypeIds("Pptp"))
    {
        const bool attributes = section == Section::ATTRIBUTES;
        const std::size_t n = attributes ? tid.GetAttributeN() : tid.GetTraceSourceN();
        for (std::size_t i = 0; i < n; ++i)
        {
            const std::string row = attributes ? PptpIntrospection::GetAttributeRow(tid, i)
                                               : PptpIntrospection::GetTraceSourceRow(tid, i);
            const std::string name
                = tid.GetName()
                  + "::" + (attributes ? tid.GetAttribute(i).name : tid.GetTraceSource(i).name);
            BOOST_CHECK_MESSAGE(block.find(row) != std::string::npos,
                                name << " is not documented as it is now in doc/pptp.rst; "
                                     << REGENERATE);
            ++items;
        }
    }
    BOOST_TEST_MESSAGE(items << " items checked in the block "
                             << PptpIntrospection::GetBeginMarker(section));
    BOOST_CHECK_GT(items, 0u);
    BOOST_CHECK_MESSAGE(block == PptpIntrospection::GetSection(section, "Pptp"),
                        "the block after '" << PptpIntrospection::GetBeginMarker(section)
                                            << "' in doc/pptp.rst is out of date; " << REGENERATE);
}

/**
 * \brief Check a text function against a table.
 * \param function the function
 * \param cases each input with the output it must give
 */
void
CheckCases(std::string (*function)(const std::string&),
           const std::vector<std::pair<std::string, std::string>>& cases)
{
    for (const auto& [input, output] : cases)
    {
        BOOST_TEST(function(input) == output, "input '" << input << "'");
    }
}

} // namespace

BOOST_AUTO_TEST_SUITE(PptpDoc)

BOOST_AUTO_TEST_CASE(escape_keeps_text_a_paragraph)
{
    CheckCases(
        &PptpIntrospection::EscapeRst,
        {
            {"", "(none)"},
            {"   ", "(none)"},
            {"Plain text.", "Plain text."},
            // Markup characters are escaped; line breaks and tabs become spaces.
            {"a *b* `c` |d| e\\f", "a \\*b\\* \\`c\\` \\|d\\| e\\\\f"},
            {"one\ntwo\tthree", "one two three"},
            // An underscore inside a word stays; at a word's edge it could make a reference.
            {"ng_pptpgre PPTP_MAX", "ng_pptpgre PPTP_MAX"},
            {"see link_ or _target", "see link\\_ or \\_target"},
            // What could open a list, a line block or a field list starts with an escaped space.
            {"- a bullet?", "\\ - a bullet?"},
            {"5 Configure-Requests", "\\ 5 Configure-Requests"},
            {"A. first", "\\ A. first"},
            {":field: x", "\\ :field: x"},
        });
}

BOOST_AUTO_TEST_CASE(literal_or_escaped_text)
{
    CheckCases(&PptpIntrospection::LiteralRst,
               {
                   {"ns3::GreSession", "``ns3::GreSession``"},
                   {"", "*(empty)*"},
                   {"a\nb", "``a b``"},
                   // Text that an inline literal cannot hold is escaped instead.
                   {" lead", "\\  lead"},
                   {"x``y", "x\\`\\`y"},
                   {"tick`", "tick\\`"},
               });
}

BOOST_AUTO_TEST_CASE(markers_found_once_in_order)
{
    const std::string begin = PptpIntrospection::GetBeginMarker(Section::ATTRIBUTES);
    const std::string end = PptpIntrospection::GetEndMarker(Section::ATTRIBUTES);
    BOOST_TEST(begin == ".. BEGIN GENERATED ATTRIBUTES");
    BOOST_TEST(end == ".. END GENERATED ATTRIBUTES");
    BOOST_TEST(PptpIntrospection::GetBeginMarker(Section::TRACE_SOURCES)
               == ".. BEGIN GENERATED TRACE SOURCES");
    BOOST_TEST(PptpIntrospection::GetEndMarker(Section::TRACE_SOURCES)
               == ".. END GENERATED TRACE SOURCES");

    const std::string document = "Title\n=====\n\n" + begin + "\n\nold\n\n" + end + "\nafter\n";
    std::string text;
    BOOST_REQUIRE(PptpIntrospection::ExtractSection(document, Section::ATTRIBUTES, text));
    BOOST_TEST(text == "\nold\n\n");
    BOOST_TEST(!PptpIntrospection::ExtractSection(document, Section::TRACE_SOURCES, text));

    std::string replaced = document;
    BOOST_REQUIRE(PptpIntrospection::ReplaceSection(replaced, Section::ATTRIBUTES, "\nnew\n"));
    BOOST_TEST(replaced == "Title\n=====\n\n" + begin + "\n\nnew\n" + end + "\nafter\n");

    // Trailing spaces after a marker are tolerated; a repeated or reversed pair is refused
    // and leaves the document as it was.
    BOOST_TEST(PptpIntrospection::ExtractSection(
        begin + "  \nx\n" + end + "\n", Section::ATTRIBUTES, text));
    BOOST_TEST(text == "x\n");
    for (const std::string& bad : {begin + "\n" + begin + "\n" + end + "\n",
                                   begin + "\n" + end + "\n" + end + "\n",
                                   end + "\nx\n" + begin + "\n",
                                   begin + "\nno end\n",
                                   "  " + begin + "\nindented\n" + end + "\n"})
    {
        std::string copy = bad;
        BOOST_TEST(!PptpIntrospection::ReplaceSection(copy, Section::ATTRIBUTES, "y\n"));
        BOOST_TEST(copy == bad);
    }
}

BOOST_AUTO_TEST_CASE(update_document_rewrites_only_the_blocks)
{
    const std::string path = pptptest::BinaryDir() + "/pptp-doc-test-update.rst";
    const std::string head = "Head\n====\n\nkept prose\n\n";
    const std::string middle = "\nmiddle prose\n\n";
    const auto marker = [](bool begin, Section section)
    {
        return (begin ? PptpIntrospection::GetBeginMarker(section)
                      : PptpIntrospection::GetEndMarker(section))
               + "\n";
    };
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out << head << marker(true, Section::ATTRIBUTES) << "stale\n"
            << marker(false, Section::ATTRIBUTES) << middle << marker(true, Section::TRACE_SOURCES)
            << marker(false, Section::TRACE_SOURCES) << "tail\n";
    }
    bool changed = false;
    BOOST_REQUIRE_EQUAL(PptpIntrospection::UpdateDocument(path, "Pptp", changed), "");
    BOOST_TEST(changed);
    const std::string expected = head + marker(true, Section::ATTRIBUTES)
                                 + PptpIntrospection::GetSection(Section::ATTRIBUTES, "Pptp")
                                 + marker(false, Section::ATTRIBUTES) + middle
                                 + marker(true, Section::TRACE_SOURCES)
                                 + PptpIntrospection::GetSection(Section::TRACE_SOURCES, "Pptp")
                                 + marker(false, Section::TRACE_SOURCES) + "tail\n";
    BOOST_TEST(ReadText(path) == expected);
    BOOST_REQUIRE_EQUAL(PptpIntrospection::UpdateDocument(path, "Pptp", changed), "");
    BOOST_TEST(!changed);

    // A file without the markers is refused and left alone; a missing file is named.
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out << head;
    }
    const std::string error = PptpIntrospection::UpdateDocument(path, "Pptp", changed);
    BOOST_TEST(error.find(".. BEGIN GENERATED ATTRIBUTES") != std::string::npos, error);
    BOOST_TEST(!changed);
    BOOST_TEST(ReadText(path) == head);
    std::remove(path.c_str());
    BOOST_TEST(PptpIntrospection::UpdateDocument(path, "Pptp", changed) == "cannot read " + path);
}

BOOST_AUTO_TEST_CASE(generated_rows_of_known_items)
{
    // A few rows built by hand from the code's declarations: name, type with range, default
    // in a person's units, help.
    TypeId session = TypeId::LookupByName("ns3::GreSession");
    TypeId::AttributeInformation info;
    BOOST_REQUIRE(session.LookupAttributeByName("AckDelay", &info));
    std::size_t index = 0;
    while (session.GetAttribute(index).name != "AckDelay")
    {
        ++index;
    }
    const std::string row = PptpIntrospection::GetAttributeRow(session, index);
    BOOST_TEST(row.find("   * - ``AckDelay``\n     - ``Time 0s..10s``\n     - ``500ms``\n") == 0u,
               row);
    BOOST_TEST(row.find(info.help.substr(0, 20)) != std::string::npos, row);

    const std::vector<TypeId> tids = PptpIntrospection::GetTypeIds("Pptp");
    BOOST_TEST(std::is_sorted(tids.begin(),
                              tids.end(),
                              [](const TypeId& a, const TypeId& b)
                              { return a.GetName() < b.GetName(); }));
    std::set<std::string> names;
    for (const TypeId& tid : tids)
    {
        BOOST_TEST(tid.GetGroupName() == "Pptp");
        names.insert(tid.GetName());
    }
    for (const char* expected : {"ns3::GreSession",
                                 "ns3::PptpClient",
                                 "ns3::PptpServer",
                                 "ns3::PppLink",
                                 "ns3::GreHeader"})
    {
        BOOST_TEST(names.count(expected) == 1u, expected);
    }

    // Inherited items are named under the heading, not repeated.
    std::ostringstream text;
    PptpIntrospection::PrintAttributes(text, PptpIntrospection::Format::RST, "Pptp");
    BOOST_TEST(text.str().find("ns3::PppLcp Attributes\n######################\n\n"
                               "Also the Attributes of ``ns3::PppAutomaton``.\n")
               != std::string::npos);
    std::ostringstream plain;
    PptpIntrospection::PrintTraceSources(plain, PptpIntrospection::Format::TEXT, "Pptp");
    BOOST_TEST(plain.str().find("ns3::GreSession\n") != std::string::npos);
    BOOST_TEST(plain.str().find("  Tx (ns3::GreSession::PacketTracedCallback)\n")
               != std::string::npos);
}

BOOST_AUTO_TEST_CASE(every_attribute_documented)
{
    CheckGeneratedBlock(Section::ATTRIBUTES);
}

BOOST_AUTO_TEST_CASE(every_trace_source_documented)
{
    CheckGeneratedBlock(Section::TRACE_SOURCES);
}

BOOST_AUTO_TEST_CASE(every_program_described)
{
    const std::string document = Document();
    const std::string examples = UnderHeading(document, "Examples");
    BOOST_REQUIRE_MESSAGE(!examples.empty(), "doc/pptp.rst has no Examples section");
    const std::vector<std::string> programs = ListedPrograms();
    BOOST_TEST(programs.size() >= 3u);
    for (const std::string& program : programs)
    {
        // Each has a paragraph in Examples that names its source and shows its command.
        const std::string name = program.substr(program.find('/') + 1);
        BOOST_CHECK_MESSAGE(ContainsName(document, program + ".cc"),
                            program << ".cc (module-files.txt) is not described in doc/pptp.rst");
        BOOST_CHECK_MESSAGE(ContainsName(examples, name),
                            name << " is not in the Examples section of doc/pptp.rst");
    }
}

BOOST_AUTO_TEST_CASE(every_trace_table_and_column_described)
{
    const std::string document = Document();
    const std::vector<PptpTraceTable>& tables = PptpTraceSchemaTables();
    BOOST_TEST(tables.size() >= 10u);
    for (const PptpTraceTable& table : tables)
    {
        // "Table ``run``" heads the table's description; every column is named in it.
        const std::string title = std::string("Table ``") + table.name + "``";
        const std::string part = UnderHeading(document, title);
        BOOST_CHECK_MESSAGE(!part.empty(),
                            "doc/pptp.rst has no heading '" << title << "' for the table");
        for (const PptpTraceColumn& column : table.columns)
        {
            BOOST_CHECK_MESSAGE(part.find(std::string("``") + column.name + "``")
                                    != std::string::npos,
                                "the column " << table.name << "." << column.name
                                              << " is not described under '" << title << "'");
        }
    }
}

BOOST_AUTO_TEST_CASE(document_reads_without_warnings,
                     *boost::unit_test::precondition([](boost::unit_test::test_unit_id)
                                                     { return HaveDocutils(); }))
{
    // docutils, not Sphinx: the document uses no Sphinx-only directive or role.
    const std::string source = std::string(PPTP_SOURCE_DIR) + "/doc/pptp.rst";
    const std::string html = pptptest::BinaryDir() + "/pptp-doc-test.html";
    std::string output;
    const int status = pptptest::RunCommand("python3 -m docutils --halt=warning --report=warning "
                                            "--no-file-insertion --no-raw '"
                                                + source + "' '" + html + "' 2>&1",
                                            output);
    BOOST_CHECK_MESSAGE(status == 0, "docutils reports on doc/pptp.rst:\n" << output);
    BOOST_CHECK_MESSAGE(output.empty(), output);
    // The figures it refers to exist.
    std::size_t figures = 0;
    std::istringstream lines(ReadText(source));
    std::string line;
    const std::string directive = ".. figure:: ";
    while (std::getline(lines, line))
    {
        if (line.compare(0, directive.size(), directive) == 0)
        {
            const std::string figure = line.substr(directive.size());
            std::ifstream in(std::string(PPTP_SOURCE_DIR) + "/doc/" + figure);
            BOOST_CHECK_MESSAGE(in.good(), "doc/" << figure << " is missing");
            ++figures;
        }
    }
    BOOST_TEST(figures >= 1u);
    std::remove(html.c_str());
}

BOOST_AUTO_TEST_SUITE_END()
