/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_TRACE_SCHEMA_H
#define PPTP_TRACE_SCHEMA_H

#include "sqlite-database.h"

#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief The version of the trace database layout, kept in meta('schema_version'). Columns
 * may be added to a version; none is ever renamed or removed.
 */
constexpr const char* PPTP_TRACE_SCHEMA_VERSION = "1";

/**
 * \ingroup pptp
 * \brief One column of a trace database table.
 */
struct PptpTraceColumn
{
    const char* name;        //!< column name
    const char* type;        //!< SQLite type: INTEGER, REAL or TEXT
    const char* constraint;  //!< e.g. "NOT NULL", "PRIMARY KEY AUTOINCREMENT", or ""
    const char* unit;        //!< e.g. "s", "bytes", "bit/s", or "" when none
    const char* description; //!< what the column holds
};

/**
 * \ingroup pptp
 * \brief One table of the trace database.
 */
struct PptpTraceTable
{
    const char* name;                     //!< table name
    const char* description;              //!< what one row is
    std::vector<PptpTraceColumn> columns; //!< its columns, in order
    const char* tableConstraint;          //!< e.g. "PRIMARY KEY(run_id, key)", or ""
};

/**
 * \ingroup pptp
 * \brief Every table of the trace database (the one definition of its layout: the DDL and
 * the descriptions in the schema table are both made from it).
 * \return the tables, in creation order
 */
const std::vector<PptpTraceTable>& PptpTraceSchemaTables();

/**
 * \ingroup pptp
 * \brief The CREATE TABLE IF NOT EXISTS statement of a table.
 * \param table the table
 * \return the SQL
 */
std::string PptpTraceTableDdl(const PptpTraceTable& table);

/**
 * \ingroup pptp
 * \brief The CREATE INDEX IF NOT EXISTS statements of the database.
 * \return the SQL statements
 */
std::vector<std::string> PptpTraceIndexDdl();

/**
 * \ingroup pptp
 * \brief Create every table and index that is missing, set meta('schema_version') and write
 * the description of every table and column into the schema table (replacing what was
 * there), in one transaction.
 * \param db an open database with no transaction open
 */
void PptpTraceSchemaCreate(SqliteDatabase& db);

} // namespace ns3

#endif /* PPTP_TRACE_SCHEMA_H */
