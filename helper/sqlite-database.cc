/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "sqlite-database.h"

#include "ns3/fatal-error.h"
#include "ns3/log.h"

#include <cmath>
#include <sqlite3.h>
#include <utility>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("SqliteDatabase");

void (*volatile SqliteDatabase::s_idle)() = nullptr;

SqliteDatabase::SqliteDatabase()
    : m_db(nullptr)
    , m_busy(0)
{
}

SqliteDatabase::~SqliteDatabase()
{
    Close();
}

bool
SqliteDatabase::Open(const std::string& path, std::string& error)
{
    NS_LOG_FUNCTION(this << path);
    Close();
    sqlite3* db = nullptr;
    int rc
        = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc != SQLITE_OK)
    {
        error = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
        sqlite3_close(db);
        return false;
    }
    // A second writer (another process on the same file) waits up to 5 s for the lock instead
    // of failing at once. That covers short transactions only: a PptpTraceCollector keeps its
    // write transaction open between commits, so programs that run at the same time need a
    // file each (the sweep runner gives each job its own and merges them).
    sqlite3_busy_timeout(db, 5000);
    m_db = db;
    m_path = path;
    return true;
}

void
SqliteDatabase::Close()
{
    if (m_db)
    {
        NS_LOG_FUNCTION(this << m_path);
        // Statements still open keep the connection as a zombie until they are finalized.
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

bool
SqliteDatabase::IsOpen() const
{
    return m_db != nullptr;
}

const std::string&
SqliteDatabase::GetPath() const
{
    return m_path;
}

sqlite3*
SqliteDatabase::GetHandle() const
{
    return m_db;
}

void
SqliteDatabase::Exec(const std::string& sql)
{
    NS_LOG_FUNCTION(this << sql);
    if (!TryExec(sql))
    {
        Fail("exec", sql);
    }
}

bool
SqliteDatabase::TryExec(const std::string& sql) noexcept
{
    if (!m_db)
    {
        return false;
    }
    SqliteBusyScope busy(*this);
    return sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
}

std::string
SqliteDatabase::GetLastError() const
{
    return m_db ? sqlite3_errmsg(m_db) : "the database is not open";
}

bool
SqliteDatabase::InTransaction() const
{
    return m_db && sqlite3_get_autocommit(m_db) == 0;
}

int64_t
SqliteDatabase::GetLastInsertRowId() const
{
    return m_db ? sqlite3_last_insert_rowid(m_db) : 0;
}

void
SqliteDatabase::Fail(const char* what, const std::string& sql) const
{
    NS_FATAL_ERROR("SQLite database " << m_path << ": " << what << " failed: " << GetLastError()
                                      << "; SQL: " << sql);
}

void
SqliteDatabase::EnterCall()
{
    m_busy = m_busy + 1;
}

void
SqliteDatabase::LeaveCall()
{
    m_busy = m_busy - 1;
    if (m_busy == 0 && s_idle)
    {
        void (*hook)() = s_idle;
        s_idle = nullptr;
        hook();
    }
}

void
SqliteDatabase::SetIdleHook(void (*hook)())
{
    s_idle = hook;
}

SqliteBusyScope::SqliteBusyScope(SqliteDatabase& db)
    : m_db(db)
{
    m_db.EnterCall();
}

SqliteBusyScope::~SqliteBusyScope()
{
    m_db.LeaveCall();
}

SqliteStatement::SqliteStatement()
    : m_db(nullptr)
    , m_stmt(nullptr)
{
}

SqliteStatement::SqliteStatement(SqliteDatabase& db, const std::string& sql)
    : SqliteStatement()
{
    Prepare(db, sql);
}

SqliteStatement::~SqliteStatement()
{
    Finalize();
}

SqliteStatement::SqliteStatement(SqliteStatement&& other) noexcept
    : m_db(other.m_db)
    , m_stmt(other.m_stmt)
    , m_sql(std::move(other.m_sql))
{
    other.m_db = nullptr;
    other.m_stmt = nullptr;
}

SqliteStatement&
SqliteStatement::operator=(SqliteStatement&& other) noexcept
{
    if (this != &other)
    {
        Finalize();
        m_db = other.m_db;
        m_stmt = other.m_stmt;
        m_sql = std::move(other.m_sql);
        other.m_db = nullptr;
        other.m_stmt = nullptr;
    }
    return *this;
}

void
SqliteStatement::Prepare(SqliteDatabase& db, const std::string& sql)
{
    NS_LOG_FUNCTION(this << sql);
    Finalize();
    m_db = &db;
    m_sql = sql;
    int rc;
    {
        SqliteBusyScope busy(db);
        rc = sqlite3_prepare_v2(db.GetHandle(), sql.c_str(), -1, &m_stmt, nullptr);
    }
    if (rc != SQLITE_OK)
    {
        db.Fail("prepare", sql);
    }
}

void
SqliteStatement::Finalize()
{
    if (m_stmt)
    {
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
    }
}

bool
SqliteStatement::IsPrepared() const
{
    return m_stmt != nullptr;
}

void
SqliteStatement::Bind(int index, int64_t value)
{
    if (sqlite3_bind_int64(m_stmt, index, value) != SQLITE_OK)
    {
        m_db->Fail("bind", m_sql);
    }
}

void
SqliteStatement::Bind(int index, double value)
{
    int rc = std::isnan(value) ? sqlite3_bind_null(m_stmt, index)
                               : sqlite3_bind_double(m_stmt, index, value);
    if (rc != SQLITE_OK)
    {
        m_db->Fail("bind", m_sql);
    }
}

void
SqliteStatement::Bind(int index, const std::string& value)
{
    if (sqlite3_bind_text(
            m_stmt, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT)
        != SQLITE_OK)
    {
        m_db->Fail("bind", m_sql);
    }
}

void
SqliteStatement::BindStatic(int index, const char* value)
{
    int rc = value ? sqlite3_bind_text(m_stmt, index, value, -1, SQLITE_STATIC)
                   : sqlite3_bind_null(m_stmt, index);
    if (rc != SQLITE_OK)
    {
        m_db->Fail("bind", m_sql);
    }
}

void
SqliteStatement::BindNull(int index)
{
    if (sqlite3_bind_null(m_stmt, index) != SQLITE_OK)
    {
        m_db->Fail("bind", m_sql);
    }
}

bool
SqliteStatement::Step()
{
    int rc = TryStep();
    if (rc == SQLITE_ROW)
    {
        return true;
    }
    if (rc != SQLITE_DONE)
    {
        m_db->Fail("step", m_sql);
    }
    return false;
}

int
SqliteStatement::TryStep() noexcept
{
    if (!m_stmt)
    {
        return SQLITE_MISUSE;
    }
    SqliteBusyScope busy(*m_db);
    return sqlite3_step(m_stmt);
}

void
SqliteStatement::Reset()
{
    sqlite3_reset(m_stmt);
}

void
SqliteStatement::Run()
{
    Step();
    sqlite3_reset(m_stmt);
}

bool
SqliteStatement::IsNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

int64_t
SqliteStatement::GetInt(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double
SqliteStatement::GetDouble(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

std::string
SqliteStatement::GetText(int column) const
{
    const unsigned char* text = sqlite3_column_text(m_stmt, column);
    if (!text)
    {
        return "";
    }
    return std::string(reinterpret_cast<const char*>(text),
                       static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column)));
}

SqliteBatchedTransaction::SqliteBatchedTransaction(SqliteDatabase& db, uint32_t batchSize)
    : m_db(db)
    , m_batchSize(batchSize > 0 ? batchSize : 1)
    , m_pending(0)
    , m_commits(0)
    , m_open(false)
{
}

void
SqliteBatchedTransaction::SetBeforeCommit(std::function<void()> callback)
{
    m_beforeCommit = std::move(callback);
}

void
SqliteBatchedTransaction::Begin()
{
    if (!m_open)
    {
        m_db.Exec("BEGIN");
        m_open = true;
    }
}

void
SqliteBatchedTransaction::RowAdded()
{
    if (++m_pending >= m_batchSize)
    {
        Commit();
    }
}

void
SqliteBatchedTransaction::Commit()
{
    if (!m_open)
    {
        return;
    }
    NS_LOG_FUNCTION(this << m_pending);
    if (m_beforeCommit)
    {
        m_beforeCommit();
    }
    m_db.Exec("COMMIT");
    m_open = false;
    m_pending = 0;
    ++m_commits;
}

uint32_t
SqliteBatchedTransaction::GetPendingRows() const
{
    return m_pending;
}

uint64_t
SqliteBatchedTransaction::GetCommits() const
{
    return m_commits;
}

} // namespace ns3
