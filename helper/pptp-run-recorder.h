/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_RUN_RECORDER_H
#define PPTP_RUN_RECORDER_H

#include "sqlite-database.h"

#include "ns3/command-line.h"

#include <chrono>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief The run row of a trace database and its parameters (tables run and run_param), and
 * what happens to the run when the program stops early.
 *
 * Begin() inserts the run with status 'running'; UpdateProgress() refreshes its simulated
 * and wall-clock time (the collector calls it inside every transaction before COMMIT);
 * MarkFinished() ends it. RecordParameters() writes every CommandLine option with its value,
 * the command line, the Attribute initial values of the module's TypeIds (and of any TypeId
 * whose default was changed) and the global values.
 *
 * Early stop: while a recorder is registered (EnableAbortHandling()), std::terminate (an
 * uncaught exception, NS_FATAL_ERROR, which calls std::terminate) and SIGINT / SIGTERM commit
 * the open transaction of every registered recorder's database and mark its run 'aborted'
 * with the reason; then the previous terminate handler runs, or the signal's default action
 * is restored and the signal raised again, so the process ends as it would have. The signal
 * handler itself only notes the signal (the program may be anywhere, inside malloc or sqlite):
 * the work is done when the next call into sqlite of a covered database returns, which the
 * collector's periodic samples and commits make happen within a SampleInterval (at most a
 * CommitInterval) of simulated time; a second signal before that ends the process at once.
 * SIGKILL cannot be caught: the run stays 'running' with the batches committed so far.
 */
class PptpRunRecorder
{
  public:
    /**
     * \brief \param db the open database (outlives the recorder)
     */
    explicit PptpRunRecorder(SqliteDatabase& db);
    ~PptpRunRecorder();
    PptpRunRecorder(const PptpRunRecorder&) = delete;
    PptpRunRecorder& operator=(const PptpRunRecorder&) = delete;

    /**
     * \brief Insert the run row (status 'running', seed and run number, versions, wall-clock
     * start) and start the wall clock.
     * \param experiment the program's name
     * \param label the user's label ("" for NULL)
     * \return the run_id
     */
    int64_t Begin(const std::string& experiment, const std::string& label);
    /** \brief \return the run_id (-1 before Begin()) */
    int64_t GetRunId() const;
    /** \brief Set the run's label. \param label the label ("" for NULL) */
    void SetLabel(const std::string& label);
    /** \brief Write the present RngSeedManager seed and run number into the run row. */
    void UpdateSeed();

    /**
     * \brief Write the run's parameters into run_param (see the class description).
     * \param cmd the program's command line, after Parse()
     * \param argc the program's argc
     * \param argv the program's argv
     * \return the rows added (a value given on the command line replaces its default's row)
     */
    uint32_t RecordParameters(const CommandLine& cmd, int argc, char** argv);
    /**
     * \brief Write one parameter (replacing the one with the same key).
     * \param key the key
     * \param value the value
     * \param source 'cmdline', 'argv', 'attribute' or 'global'
     */
    void AddParameter(const std::string& key, const std::string& value, const char* source);

    /** \brief Write the simulated time reached and the wall seconds so far into the run row. */
    void UpdateProgress();
    /** \brief End the run: status 'finished', finish time, final times. */
    void MarkFinished();
    /**
     * \brief End the run as aborted, from any state (a terminate or signal handler): commits
     * the open transaction, then updates the run row; never stops the program.
     * \param reason the reason (status_detail)
     * \return false when the database refused (the reason is lost)
     */
    bool MarkAborted(const std::string& reason) noexcept;
    /** \brief \return whether MarkFinished() or MarkAborted() was called */
    bool IsEnded() const;
    /** \brief \return wall-clock seconds since Begin() */
    double GetWallSeconds() const;

    /** \brief Cover this recorder with the terminate and signal handlers (see above). */
    void EnableAbortHandling();
    /** \brief Stop covering it; the handlers are removed when no recorder is covered. */
    void DisableAbortHandling();

    /**
     * \brief The options and their defaults in the output of CommandLine::PrintHelp().
     * \param help the output
     * \return (name, default) pairs in order; an option without a default has ""
     */
    static std::vector<std::pair<std::string, std::string>> ParseHelp(const std::string& help);
    /** \brief \return the wall-clock time now, ISO 8601 UTC with milliseconds */
    static std::string UtcNow();
    /** \brief \return the ns-3 version, e.g. "3.37.0" */
    static std::string Ns3Version();

  private:
    /** \brief The std::terminate handler. */
    static void OnTerminate();
    /** \brief The SIGINT / SIGTERM handler. \param signal the signal */
    static void OnSignal(int signal);
    /** \brief A signal deferred until sqlite returned: handle it now. */
    static void OnDeferredSignal();
    /**
     * \brief Mark every covered run aborted.
     * \param reason the reason
     */
    static void AbortAll(const std::string& reason) noexcept;
    /**
     * \brief Restore the default action of a signal and raise it again.
     * \param signal the signal
     */
    static void RaiseDefault(int signal);

    SqliteDatabase& m_db;                              //!< the database
    int64_t m_runId;                                   //!< the run
    bool m_ended;                                      //!< finished or aborted
    bool m_covered;                                    //!< registered with the handlers
    std::chrono::steady_clock::time_point m_wallStart; //!< Begin()
    SqliteStatement m_param;                           //!< INSERT OR REPLACE INTO run_param
    SqliteStatement m_progress;                        //!< UPDATE run: times
};

} // namespace ns3

#endif /* PPTP_RUN_RECORDER_H */
