/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "trace-db-reader.h"

#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <limits>

namespace ns3
{
namespace pptptest
{

namespace
{

/// What Text() and Texts() give for a NULL value.
const char* const NULL_TEXT = "<null>";

} // namespace

TraceDbReader::TraceDbReader(const std::string& path)
{
    std::string error;
    BOOST_REQUIRE_MESSAGE(m_db.Open(path, error), path << ": " << error);
}

int64_t
TraceDbReader::Int(const std::string& sql)
{
    SqliteStatement query(m_db, sql);
    return query.Step() && !query.IsNull(0) ? query.GetInt(0) : -1;
}

double
TraceDbReader::Double(const std::string& sql)
{
    SqliteStatement query(m_db, sql);
    return query.Step() && !query.IsNull(0) ? query.GetDouble(0)
                                            : std::numeric_limits<double>::quiet_NaN();
}

std::string
TraceDbReader::Text(const std::string& sql)
{
    SqliteStatement query(m_db, sql);
    if (!query.Step())
    {
        return "<none>";
    }
    return query.IsNull(0) ? NULL_TEXT : query.GetText(0);
}

std::vector<std::string>
TraceDbReader::Texts(const std::string& sql)
{
    SqliteStatement query(m_db, sql);
    std::vector<std::string> values;
    while (query.Step())
    {
        values.push_back(query.IsNull(0) ? NULL_TEXT : query.GetText(0));
    }
    return values;
}

std::string
FreshDatabase(const std::string& path)
{
    for (const char* suffix : {"", "-wal", "-shm"})
    {
        std::remove((path + suffix).c_str());
    }
    return path;
}

} // namespace pptptest
} // namespace ns3
