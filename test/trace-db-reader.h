/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef TRACE_DB_READER_H
#define TRACE_DB_READER_H

#include "sqlite-database.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{
namespace pptptest
{

/**
 * \ingroup pptp
 * \brief A trace database read back by a test: one query, the first column of its result.
 *
 * Each function prepares its query, reads what it needs and finalizes it, so a reader can
 * run any number of queries. A query that SQLite rejects stops the program with its message
 * (SqliteStatement); a missing value is told apart from a value, as each function documents:
 * Int gives -1 and Double gives NaN for "no row" and for NULL alike (a test that must tell
 * them apart reads Text), Text gives "<none>" for no row and "<null>" for NULL.
 */
class TraceDbReader
{
  public:
    /**
     * \brief Open a database file (the test fails at once when it cannot).
     * \param path the file
     */
    explicit TraceDbReader(const std::string& path);

    /**
     * \brief One integer.
     * \param sql the query
     * \return the first column of the first row; -1 when there is no row or it is NULL
     */
    int64_t Int(const std::string& sql);

    /**
     * \brief One real.
     * \param sql the query
     * \return the first column of the first row; NaN when there is no row or it is NULL
     */
    double Double(const std::string& sql);

    /**
     * \brief One text.
     * \param sql the query
     * \return the first column of the first row; "<none>" when there is no row, "<null>" when
     * it is NULL
     */
    std::string Text(const std::string& sql);

    /**
     * \brief The first column of every row, as text.
     * \param sql the query
     * \return one value per row in the query's order, "<null>" for NULL
     */
    std::vector<std::string> Texts(const std::string& sql);

  private:
    SqliteDatabase m_db; //!< the connection
};

/**
 * \ingroup pptp
 * \brief Make way for a new database: remove the file and its WAL files (-wal, -shm).
 * \param path the file
 * \return the same path
 */
std::string FreshDatabase(const std::string& path);

} // namespace pptptest
} // namespace ns3

#endif /* TRACE_DB_READER_H */
