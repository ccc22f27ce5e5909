/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef SQLITE_DATABASE_H
#define SQLITE_DATABASE_H

#include <csignal>
#include <cstdint>
#include <functional>
#include <string>

struct sqlite3;
struct sqlite3_stmt;

namespace ns3
{

/**
 * \ingroup pptp
 * \brief One SQLite database connection (Debian's libsqlite3), closed when the object goes.
 *
 * Every failure of a normal operation stops the program with NS_FATAL_ERROR naming the
 * database file, sqlite's message (sqlite3_errmsg) and the SQL: unlike an NS_ASSERT, the
 * check stays in release builds. The Try* functions report failures by their result instead,
 * for paths that must not stop the program again (a terminate or signal handler).
 *
 * Every call into sqlite is bracketed by a SqliteBusyScope; a function set with SetIdleHook()
 * runs when the call under way (or the next one) is over. A signal handler, which may interrupt
 * anything, defers its work that way.
 */
class SqliteDatabase
{
  public:
    SqliteDatabase();
    ~SqliteDatabase();
    SqliteDatabase(const SqliteDatabase&) = delete;
    SqliteDatabase& operator=(const SqliteDatabase&) = delete;

    /**
     * \brief Open (or create) a database file for reading and writing.
     * \param path the file
     * \param error set to sqlite's message when the file cannot be opened
     * \return false when it cannot (nothing is open then)
     */
    bool Open(const std::string& path, std::string& error);
    /** \brief Close the connection (statements must be finalized first); nothing when closed. */
    void Close();
    /** \brief \return whether a connection is open */
    bool IsOpen() const;
    /** \brief \return the file name given to Open() */
    const std::string& GetPath() const;
    /** \brief \return the connection (nullptr when closed) */
    sqlite3* GetHandle() const;

    /**
     * \brief Run SQL text (one or more statements); stops the program on an error.
     * \param sql the SQL
     */
    void Exec(const std::string& sql);
    /**
     * \brief Run SQL text without stopping the program on an error.
     * \param sql the SQL
     * \return false on an error (the message is in GetLastError())
     */
    bool TryExec(const std::string& sql) noexcept;
    /** \brief \return sqlite's message of the last error on this connection */
    std::string GetLastError() const;
    /** \brief \return whether a transaction is open (sqlite3_get_autocommit() is false) */
    bool InTransaction() const;
    /** \brief \return the rowid of the last INSERT */
    int64_t GetLastInsertRowId() const;

    /**
     * \brief Stop the program with a message naming the file, sqlite's message and the SQL.
     * \param what what was being done (e.g. "step", "prepare")
     * \param sql the SQL concerned
     */
    [[noreturn]] void Fail(const char* what, const std::string& sql) const;

    /**
     * \brief Mark the start of a call into sqlite (BusyScope does it).
     */
    void EnterCall();
    /**
     * \brief Mark the end of a call into sqlite; runs the idle hook if one was set meanwhile.
     */
    void LeaveCall();
    /**
     * \brief A function to run once, the next time a call into any database ends (set from a
     * signal handler, which defers its work to it); nullptr clears it.
     * \param hook the function
     */
    static void SetIdleHook(void (*hook)());

  private:
    sqlite3* m_db;                    //!< the connection
    std::string m_path;               //!< the file
    volatile sig_atomic_t m_busy;     //!< calls into sqlite under way
    static void (*volatile s_idle)(); //!< run when a call ends (deferred signal)
};

/**
 * \ingroup pptp
 * \brief Marks a call into sqlite for its lifetime (see SqliteDatabase::SetIdleHook()).
 */
class SqliteBusyScope
{
  public:
    /** \brief \param db the database */
    explicit SqliteBusyScope(SqliteDatabase& db);
    ~SqliteBusyScope();
    SqliteBusyScope(const SqliteBusyScope&) = delete;
    SqliteBusyScope& operator=(const SqliteBusyScope&) = delete;

  private:
    SqliteDatabase& m_db; //!< the database
};

/**
 * \ingroup pptp
 * \brief A prepared statement, made once and reused: Bind, Step, Reset.
 *
 * Parameter indices start at 1, column indices at 0, as in sqlite. Text bound with
 * BindStatic() is not copied (the text must outlive the step: string literals and the
 * model's name functions); Bind() of a std::string copies it.
 */
class SqliteStatement
{
  public:
    SqliteStatement();
    /**
     * \brief Prepare a statement; stops the program on an error.
     * \param db the open database
     * \param sql one SQL statement
     */
    SqliteStatement(SqliteDatabase& db, const std::string& sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;
    /** \brief Take another statement over. \param other the statement */
    SqliteStatement(SqliteStatement&& other) noexcept;
    /** \brief Take another statement over. \param other the statement \return this */
    SqliteStatement& operator=(SqliteStatement&& other) noexcept;

    /**
     * \brief Prepare a statement (finalizing the one held); stops the program on an error.
     * \param db the open database
     * \param sql one SQL statement
     */
    void Prepare(SqliteDatabase& db, const std::string& sql);
    /** \brief Finalize the statement; nothing when none is held. */
    void Finalize();
    /** \brief \return whether a statement is held */
    bool IsPrepared() const;

    /** \brief Bind an integer. \param index the parameter \param value the value */
    void Bind(int index, int64_t value);
    /** \brief Bind a real; NaN binds NULL. \param index the parameter \param value the value */
    void Bind(int index, double value);
    /** \brief Bind text (copied). \param index the parameter \param value the value */
    void Bind(int index, const std::string& value);
    /**
     * \brief Bind text that is not copied; nullptr binds NULL.
     * \param index the parameter
     * \param value text that lives until the statement is stepped
     */
    void BindStatic(int index, const char* value);
    /** \brief Bind NULL. \param index the parameter */
    void BindNull(int index);

    /**
     * \brief Run the statement one step; stops the program on an error.
     * \return true when a row is available (SELECT), false when done
     */
    bool Step();
    /**
     * \brief Run the statement one step without stopping the program on an error.
     * \return sqlite's result code (SQLITE_ROW, SQLITE_DONE or an error)
     */
    int TryStep() noexcept;
    /** \brief Reset the statement for another run (the bindings stay). */
    void Reset();
    /** \brief Step once (to SQLITE_DONE) and reset: one INSERT or UPDATE. */
    void Run();

    /** \brief \param column the column \return whether it is NULL */
    bool IsNull(int column) const;
    /** \brief \param column the column \return its value as an integer */
    int64_t GetInt(int column) const;
    /** \brief \param column the column \return its value as a real */
    double GetDouble(int column) const;
    /** \brief \param column the column \return its value as text ("" for NULL) */
    std::string GetText(int column) const;

  private:
    SqliteDatabase* m_db; //!< the database
    sqlite3_stmt* m_stmt; //!< the statement
    std::string m_sql;    //!< its SQL, for messages
};

/**
 * \ingroup pptp
 * \brief Groups rows into transactions: BEGIN before the first row, COMMIT every BatchSize
 * rows (and whenever Commit() is called).
 */
class SqliteBatchedTransaction
{
  public:
    /**
     * \brief \param db the database (open for the lifetime of this object)
     * \param batchSize rows per transaction (at least 1)
     */
    SqliteBatchedTransaction(SqliteDatabase& db, uint32_t batchSize);
    /**
     * \brief A function run inside each transaction just before its COMMIT (e.g. to update a
     * progress row).
     * \param callback the function
     */
    void SetBeforeCommit(std::function<void()> callback);
    /** \brief Open a transaction unless one is open; call before writing a row. */
    void Begin();
    /** \brief Count one row written; commits when the batch is full. */
    void RowAdded();
    /** \brief Commit the open transaction, if any (runs the before-commit function). */
    void Commit();
    /** \brief \return rows written since the last commit */
    uint32_t GetPendingRows() const;
    /** \brief \return transactions committed */
    uint64_t GetCommits() const;

  private:
    SqliteDatabase& m_db;                 //!< the database
    uint32_t m_batchSize;                 //!< rows per transaction
    uint32_t m_pending;                   //!< rows in the open transaction
    uint64_t m_commits;                   //!< transactions committed
    bool m_open;                          //!< a transaction is open
    std::function<void()> m_beforeCommit; //!< run before each COMMIT
};

} // namespace ns3

#endif /* SQLITE_DATABASE_H */
