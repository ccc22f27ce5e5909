/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-run-recorder.h"

#include "pptp-module-version.h"

#include "ns3/global-value.h"
#include "ns3/log.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/type-id.h"

#include <array>
#include <cmath>
#include <csignal>
#include <ctime>
#include <exception>
#include <sqlite3.h>
#include <sstream>

#if __has_include("ns3/version-defines.h")
#include "ns3/version-defines.h"
#endif

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PptpRunRecorder");

namespace
{

/// Most recorders the handlers cover at once.
constexpr std::size_t MAX_COVERED = 16;
/// The covered recorders (null where free).
std::array<PptpRunRecorder*, MAX_COVERED> g_covered{};
/// How many are covered.
std::size_t g_coveredCount = 0;
/// The terminate handler before ours.
std::terminate_handler g_previousTerminate = nullptr;
/// The SIGINT action before ours.
struct sigaction g_previousInt;
/// The SIGTERM action before ours.
struct sigaction g_previousTerm;
/// A signal that arrived while sqlite was busy (0: none).
volatile sig_atomic_t g_pendingSignal = 0;
/// A handler is running (a second std::terminate or signal goes straight on).
volatile sig_atomic_t g_handling = 0;

/**
 * \brief The name of a handled signal.
 * \param signal the signal
 * \return "SIGINT", "SIGTERM" or "signal"
 */
const char*
SignalName(int signal)
{
    switch (signal)
    {
        case SIGINT:
            return "SIGINT";
        case SIGTERM:
            return "SIGTERM";
        default:
            return "signal";
    }
}

} // namespace

PptpRunRecorder::PptpRunRecorder(SqliteDatabase& db)
    : m_db(db)
    , m_runId(-1)
    , m_ended(false)
    , m_covered(false)
    , m_wallStart(std::chrono::steady_clock::now())
{
}

PptpRunRecorder::~PptpRunRecorder()
{
    DisableAbortHandling();
}

int64_t
PptpRunRecorder::Begin(const std::string& experiment, const std::string& label)
{
    NS_LOG_FUNCTION(this << experiment << label);
    m_wallStart = std::chrono::steady_clock::now();
    SqliteStatement insert(m_db,
                           "INSERT INTO run(experiment, label, seed, run_number, started_wall, "
                           "status, module_version, ns3_version, sim_time_s, wall_s) "
                           "VALUES(?1, ?2, ?3, ?4, ?5, 'running', ?6, ?7, ?8, 0)");
    insert.Bind(1, experiment);
    if (label.empty())
    {
        insert.BindNull(2);
    }
    else
    {
        insert.Bind(2, label);
    }
    insert.Bind(3, static_cast<int64_t>(RngSeedManager::GetSeed()));
    insert.Bind(4, static_cast<int64_t>(RngSeedManager::GetRun()));
    insert.Bind(5, UtcNow());
    insert.BindStatic(6, PPTP_MODULE_VERSION);
    insert.Bind(7, Ns3Version());
    insert.Bind(8, Simulator::Now().GetSeconds());
    insert.Run();
    m_runId = m_db.GetLastInsertRowId();
    m_param.Prepare(m_db,
                    "INSERT OR REPLACE INTO run_param(run_id, key, value, source) "
                    "VALUES(?1, ?2, ?3, ?4)");
    m_param.Bind(1, m_runId);
    m_progress.Prepare(m_db, "UPDATE run SET sim_time_s = ?1, wall_s = ?2 WHERE run_id = ?3");
    m_progress.Bind(3, m_runId);
    return m_runId;
}

int64_t
PptpRunRecorder::GetRunId() const
{
    return m_runId;
}

void
PptpRunRecorder::SetLabel(const std::string& label)
{
    NS_LOG_FUNCTION(this << label);
    SqliteStatement update(m_db, "UPDATE run SET label = ?1 WHERE run_id = ?2");
    if (label.empty())
    {
        update.BindNull(1);
    }
    else
    {
        update.Bind(1, label);
    }
    update.Bind(2, m_runId);
    update.Run();
}

void
PptpRunRecorder::UpdateSeed()
{
    SqliteStatement update(m_db, "UPDATE run SET seed = ?1, run_number = ?2 WHERE run_id = ?3");
    update.Bind(1, static_cast<int64_t>(RngSeedManager::GetSeed()));
    update.Bind(2, static_cast<int64_t>(RngSeedManager::GetRun()));
    update.Bind(3, m_runId);
    update.Run();
}

std::vector<std::pair<std::string, std::string>>
PptpRunRecorder::ParseHelp(const std::string& help)
{
    // PrintHelp() writes "Program Options:", then one "    --name:  help [default]" per option
    // (help text may run over several lines), then "General Arguments:".
    std::vector<std::pair<std::string, std::string>> options;
    std::vector<std::string> texts;
    std::istringstream in(help);
    std::string line;
    bool inOptions = false;
    while (std::getline(in, line))
    {
        if (line == "Program Options:")
        {
            inOptions = true;
            continue;
        }
        if (!inOptions)
        {
            continue;
        }
        if (line.empty())
        {
            continue;
        }
        if (line[0] != ' ' && line.back() == ':')
        {
            break; // the next section
        }
        if (line.rfind("    --", 0) == 0)
        {
            std::size_t colon = line.find(':', 6);
            if (colon == std::string::npos)
            {
                continue;
            }
            options.emplace_back(line.substr(6, colon - 6), "");
            texts.push_back(line.substr(colon + 1));
        }
        else if (!texts.empty())
        {
            texts.back() += "\n" + line;
        }
    }
    for (std::size_t i = 0; i < options.size(); ++i)
    {
        const std::string& text = texts[i];
        if (!text.empty() && text.back() == ']')
        {
            std::size_t open = text.rfind(" [");
            if (open != std::string::npos)
            {
                options[i].second = text.substr(open + 2, text.size() - open - 3);
            }
        }
    }
    return options;
}

uint32_t
PptpRunRecorder::RecordParameters(const CommandLine& cmd, int argc, char** argv)
{
    NS_LOG_FUNCTION(this << argc);
    uint32_t rows = 0;
    std::ostringstream help;
    cmd.PrintHelp(help);
    std::vector<std::pair<std::string, std::string>> options = ParseHelp(help.str());
    for (const auto& [name, value] : options)
    {
        AddParameter(name, value, "cmdline");
        ++rows;
    }
    // The values given on the command line replace the defaults.
    std::string commandLine;
    for (int i = 0; i < argc; ++i)
    {
        std::string arg = argv[i] ? argv[i] : "";
        commandLine += (i > 0 ? " " : "") + arg;
        if (i == 0 || arg.rfind("-", 0) != 0)
        {
            continue;
        }
        std::size_t start = arg.find_first_not_of('-');
        if (start == std::string::npos)
        {
            continue;
        }
        std::size_t equals = arg.find('=', start);
        std::string name = arg.substr(start, equals == std::string::npos ? equals : equals - start);
        // A boolean option given alone is set to true.
        std::string value = equals == std::string::npos ? "true" : arg.substr(equals + 1);
        for (const auto& option : options)
        {
            if (option.first == name)
            {
                // Replaces the default's row.
                AddParameter(name, value, "cmdline");
                break;
            }
        }
    }
    AddParameter("argv", commandLine, "argv");
    ++rows;
    // Every Attribute of the module; elsewhere the defaults that were changed.
    for (uint32_t t = 0; t < TypeId::GetRegisteredN(); ++t)
    {
        TypeId tid = TypeId::GetRegistered(t);
        bool ours = tid.GetGroupName() == "Pptp";
        for (std::size_t a = 0; a < tid.GetAttributeN(); ++a)
        {
            TypeId::AttributeInformation info = tid.GetAttribute(a);
            if (info.supportLevel == TypeId::OBSOLETE || !info.initialValue || !info.checker)
            {
                continue;
            }
            std::string value = info.initialValue->SerializeToString(info.checker);
            if (!ours
                && (!info.originalInitialValue
                    || value == info.originalInitialValue->SerializeToString(info.checker)))
            {
                continue;
            }
            AddParameter(tid.GetName() + "::" + info.name, value, "attribute");
            ++rows;
        }
    }
    for (auto g = GlobalValue::Begin(); g != GlobalValue::End(); ++g)
    {
        Ptr<const AttributeChecker> checker = (*g)->GetChecker();
        Ptr<AttributeValue> value = checker->Create();
        (*g)->GetValue(*value);
        AddParameter((*g)->GetName(), value->SerializeToString(checker), "global");
        ++rows;
    }
    UpdateSeed();
    return rows;
}

void
PptpRunRecorder::AddParameter(const std::string& key, const std::string& value, const char* source)
{
    m_param.Bind(2, key);
    m_param.Bind(3, value);
    m_param.BindStatic(4, source);
    m_param.Run();
}

void
PptpRunRecorder::UpdateProgress()
{
    m_progress.Bind(1, Simulator::Now().GetSeconds());
    m_progress.Bind(2, GetWallSeconds());
    m_progress.Run();
}

void
PptpRunRecorder::MarkFinished()
{
    NS_LOG_FUNCTION(this);
    SqliteStatement update(m_db,
                           "UPDATE run SET status = 'finished', finished_wall = ?1, sim_time_s = "
                           "?2, wall_s = ?3 WHERE run_id = ?4");
    update.Bind(1, UtcNow());
    update.Bind(2, Simulator::Now().GetSeconds());
    update.Bind(3, GetWallSeconds());
    update.Bind(4, m_runId);
    update.Run();
    m_ended = true;
}

bool
PptpRunRecorder::MarkAborted(const std::string& reason) noexcept
{
    if (m_ended || m_runId < 0 || !m_db.IsOpen())
    {
        return false;
    }
    m_ended = true;
    if (m_db.InTransaction())
    {
        m_db.TryExec("COMMIT");
    }
    double simTime = Simulator::Now().GetSeconds();
    char* sql = sqlite3_mprintf("UPDATE run SET status = 'aborted', status_detail = %Q, "
                                "finished_wall = %Q, sim_time_s = %.9f, wall_s = %.6f "
                                "WHERE run_id = %lld",
                                reason.c_str(),
                                UtcNow().c_str(),
                                simTime,
                                GetWallSeconds(),
                                static_cast<long long>(m_runId));
    bool ok = sql && m_db.TryExec(sql);
    sqlite3_free(sql);
    return ok;
}

bool
PptpRunRecorder::IsEnded() const
{
    return m_ended;
}

double
PptpRunRecorder::GetWallSeconds() const
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - m_wallStart).count();
}

std::string
PptpRunRecorder::UtcNow()
{
    auto now = std::chrono::system_clock::now();
    std::time_t seconds = std::chrono::system_clock::to_time_t(now);
    auto millis
        = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count()
          % 1000;
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[40];
    std::size_t n = std::strftime(text, sizeof(text), "%Y-%m-%dT%H:%M:%S", &utc);
    std::snprintf(text + n, sizeof(text) - n, ".%03dZ", static_cast<int>(millis));
    return text;
}

std::string
PptpRunRecorder::Ns3Version()
{
#ifdef NS3_VERSION_MAJOR
    return std::to_string(NS3_VERSION_MAJOR) + "." + std::to_string(NS3_VERSION_MINOR) + "."
           + std::to_string(NS3_VERSION_PATCH);
#else
    return "3.x";
#endif
}

void
PptpRunRecorder::EnableAbortHandling()
{
    NS_LOG_FUNCTION(this);
    if (m_covered)
    {
        return;
    }
    for (std::size_t i = 0; i < MAX_COVERED; ++i)
    {
        if (!g_covered[i])
        {
            g_covered[i] = this;
            m_covered = true;
            break;
        }
    }
    if (!m_covered)
    {
        NS_LOG_WARN("more than " << MAX_COVERED << " runs open: this one is not covered");
        return;
    }
    if (g_coveredCount++ == 0)
    {
        g_previousTerminate = std::set_terminate(&PptpRunRecorder::OnTerminate);
        struct sigaction action;
        action.sa_handler = &PptpRunRecorder::OnSignal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = 0;
        sigaction(SIGINT, &action, &g_previousInt);
        sigaction(SIGTERM, &action, &g_previousTerm);
    }
}

void
PptpRunRecorder::DisableAbortHandling()
{
    if (!m_covered)
    {
        return;
    }
    NS_LOG_FUNCTION(this);
    for (std::size_t i = 0; i < MAX_COVERED; ++i)
    {
        if (g_covered[i] == this)
        {
            g_covered[i] = nullptr;
        }
    }
    m_covered = false;
    if (--g_coveredCount == 0)
    {
        std::set_terminate(g_previousTerminate);
        sigaction(SIGINT, &g_previousInt, nullptr);
        sigaction(SIGTERM, &g_previousTerm, nullptr);
    }
}

void
PptpRunRecorder::AbortAll(const std::string& reason) noexcept
{
    for (PptpRunRecorder* recorder : g_covered)
    {
        if (recorder)
        {
            recorder->MarkAborted(reason);
        }
    }
}

void
PptpRunRecorder::OnTerminate()
{
    if (!g_handling)
    {
        g_handling = 1;
        std::string reason = "std::terminate (NS_FATAL_ERROR or abort)";
        if (std::exception_ptr error = std::current_exception())
        {
            try
            {
                std::rethrow_exception(error);
            }
            catch (const std::exception& e)
            {
                reason = std::string("uncaught exception: ") + e.what();
            }
            catch (...)
            {
                reason = "uncaught exception of an unknown type";
            }
        }
        AbortAll(reason);
    }
    if (g_previousTerminate)
    {
        g_previousTerminate();
    }
    std::abort();
}

void
PptpRunRecorder::OnSignal(int signal)
{
    if (g_handling || g_pendingSignal != 0)
    {
        // A second signal, or one during the handling: end at once.
        RaiseDefault(signal);
        return;
    }
    // Only async-signal-safe work here: the program may be inside malloc or sqlite. The next
    // call into sqlite handles the signal when it returns.
    g_pendingSignal = signal;
    SqliteDatabase::SetIdleHook(&PptpRunRecorder::OnDeferredSignal);
}

void
PptpRunRecorder::OnDeferredSignal()
{
    int signal = g_pendingSignal;
    g_pendingSignal = 0;
    g_handling = 1;
    AbortAll(std::string("signal ") + SignalName(signal));
    RaiseDefault(signal);
}

void
PptpRunRecorder::RaiseDefault(int signal)
{
    struct sigaction action;
    action.sa_handler = SIG_DFL;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    sigaction(signal, &action, nullptr);
    // The handler runs with the signal blocked: unblock it so that it takes effect now.
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, signal);
    sigprocmask(SIG_UNBLOCK, &set, nullptr);
    std::raise(signal);
}

} // namespace ns3
