/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_INTROSPECTION_H
#define PPTP_INTROSPECTION_H

#include "ns3/type-id.h"

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief The module's reference documentation, read from the TypeId registry: every
 * Attribute (name, type, default, help) and every trace source (name, callback signature,
 * help) of every TypeId of a group, as reStructuredText or plain text.
 *
 * The two generated blocks of doc/pptp.rst (Attributes and Trace sources) are exactly
 * GetAttributeSection() and GetTraceSourceSection() between marker comments:
 *
 * \verbatim
   .. BEGIN GENERATED ATTRIBUTES
   ...
   .. END GENERATED ATTRIBUTES
   \endverbatim
 *
 * and likewise for TRACE SOURCES; UpdateDocument() rewrites them (examples/
 * pptp-print-attributes --update=doc/pptp.rst) and test/pptp-doc-test checks that they are
 * up to date.
 */
class PptpIntrospection
{
  public:
    /** \brief Output forms. */
    enum class Format
    {
        RST, //!< reStructuredText list-tables under one heading per TypeId
        TEXT //!< indented plain text
    };

    /** \brief The generated blocks of the document. */
    enum class Section
    {
        ATTRIBUTES,   //!< the Attributes tables
        TRACE_SOURCES //!< the trace-source tables
    };

    /**
     * \brief Every registered TypeId of a group, sorted by name.
     * \param group the group name (TypeId::GetGroupName)
     * \return the TypeIds
     */
    static std::vector<TypeId> GetTypeIds(const std::string& group);

    /**
     * \brief Print every Attribute of every TypeId of a group that has any.
     * \param os the stream
     * \param format RST or TEXT
     * \param group the group name
     */
    static void PrintAttributes(std::ostream& os, Format format, const std::string& group);

    /**
     * \brief Print every trace source of every TypeId of a group that has any.
     * \param os the stream
     * \param format RST or TEXT
     * \param group the group name
     */
    static void PrintTraceSources(std::ostream& os, Format format, const std::string& group);

    /**
     * \brief The reStructuredText of one generated block (what lies between its markers).
     * \param section which block
     * \param group the group name
     * \return the text, ending with a newline
     */
    static std::string GetSection(Section section, const std::string& group);

    /**
     * \brief The reStructuredText row of one Attribute, as it appears in its TypeId's table.
     * \param tid the TypeId
     * \param i the Attribute's index (below tid.GetAttributeN())
     * \return the row's lines
     */
    static std::string GetAttributeRow(TypeId tid, std::size_t i);

    /**
     * \brief The reStructuredText row of one trace source, as it appears in its TypeId's table.
     * \param tid the TypeId
     * \param i the trace source's index (below tid.GetTraceSourceN())
     * \return the row's lines
     */
    static std::string GetTraceSourceRow(TypeId tid, std::size_t i);

    /**
     * \brief The marker comment line that opens a block.
     * \param section which block
     * \return e.g. ".. BEGIN GENERATED ATTRIBUTES"
     */
    static std::string GetBeginMarker(Section section);

    /**
     * \brief The marker comment line that closes a block.
     * \param section which block
     * \return e.g. ".. END GENERATED ATTRIBUTES"
     */
    static std::string GetEndMarker(Section section);

    /**
     * \brief Find a generated block in a document.
     * \param document the document's text
     * \param section which block
     * \param[out] text what lies between the two marker lines (the lines after the begin
     * marker's line up to the end marker's line)
     * \return false when the markers are missing, repeated or out of order
     */
    static bool ExtractSection(const std::string& document, Section section, std::string& text);

    /**
     * \brief Replace a generated block of a document.
     * \param document the document's text, changed in place
     * \param section which block
     * \param text the new block, ending with a newline
     * \return false (and the document unchanged) when the markers are missing, repeated or
     * out of order
     */
    static bool ReplaceSection(std::string& document, Section section, const std::string& text);

    /**
     * \brief Regenerate both blocks of a document file.
     * \param path the file (e.g. doc/pptp.rst)
     * \param group the group name
     * \param[out] changed whether the file's text changed (it is written only then)
     * \return an empty string on success, else what went wrong
     */
    static std::string UpdateDocument(const std::string& path,
                                      const std::string& group,
                                      bool& changed);

    /**
     * \brief Escape text for a reStructuredText paragraph: markup characters are escaped,
     * line breaks become spaces and a leading character that could open a list is neutralised.
     * \param text the text
     * \return the escaped text ("(none)" for an empty text)
     */
    static std::string EscapeRst(const std::string& text);

    /**
     * \brief Text as a reStructuredText inline literal, or escaped text when it cannot be one.
     * \param text the text
     * \return the literal (``text``), or "*(empty)*" for an empty text
     */
    static std::string LiteralRst(const std::string& text);
};

} // namespace ns3

#endif /* PPTP_INTROSPECTION_H */
