/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The research examples run as programs with small arguments: pptp-remote-access-capacity
// (Poisson arrivals and holding times), pptp-overhead (wire bytes per packet against the
// analytic header layout of RFC 2637 s.4.1, RFC 1661 and RFC 3078) and pptp-flow-control
// (GRE window profiles under loss and reordering). Each test checks the printed summary and
// that the trace database holds finished runs with the rows the analysis reads.

#include "example-run.h"
#include "pptp-test-util.h"
#include "trace-db-reader.h"

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <map>
#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

/**
 * \brief Run an example program with a fresh database; it must exit with status 0.
 * \param program the example's name
 * \param db the database file name in the binary folder (removed first, with its WAL files)
 * \param arguments more options
 * \return its output (standard error included) and summary lines
 */
ExampleRun
RunProgram(const std::string& program, const std::string& db, const std::string& arguments)
{
    FreshDatabase(BinaryDir() + "/" + db);
    ExampleRun out = RunExampleProgram(program, "--db=" + db + " " + arguments + " 2>&1");
    BOOST_TEST_MESSAGE(program << " " << arguments << ":\n" << out.output);
    BOOST_REQUIRE_EQUAL(out.status, 0);
    return out;
}

/**
 * \brief The number at the start of a printed value, e.g. 217.4 of "217.4 ms".
 * \param text the value
 * \return the number
 */
double
Leading(const std::string& text)
{
    BOOST_REQUIRE_MESSAGE(!text.empty(), "missing summary line");
    return std::stod(text);
}

} // namespace

BOOST_AUTO_TEST_SUITE(pptp_research_examples)

// Six clients arrive at 5/s from 1 s and hold their calls about a second: every tunnel comes
// up, the figures printed are the 'summary' events of the run, and the tunnel, flow and
// sample tables hold what the analysis derives them from.
BOOST_AUTO_TEST_CASE(capacity_example_reports_tunnels_and_records_them)
{
    const std::string db = "research-capacity.db";
    ExampleRun out = RunProgram("pptp-remote-access-capacity",
                                db,
                                "--clients=6 --arrivalRate=5 --holdMean=1s --duration=5s "
                                "--label=point-a --run=2");
    BOOST_TEST(out.summary["Tunnels attempted"] == "6");
    BOOST_TEST(out.summary["Tunnels up"] == "6");
    BOOST_TEST(out.summary["Tunnels failed"] == "0");
    BOOST_TEST(out.summary["Tunnels still setting up at the end"] == "0");
    BOOST_TEST(out.summary["Server calls established"] == "6");
    BOOST_TEST(out.summary["Server calls refused"] == "0");
    const double setupMs = Leading(out.summary["Set-up delay mean (SCCRQ to tunnel up)"]);
    // Two 10 ms access and 5 ms core hops each way: TCP, SCCRQ/SCCRP, OCRQ/OCRP, then LCP,
    // MS-CHAPv2, CCP and IPCP each take at least one 30 ms round trip.
    BOOST_TEST(setupMs > 150.0);
    BOOST_TEST(setupMs < 1000.0);
    BOOST_TEST(Leading(out.summary["Concurrent tunnels max"]) >= 1.0);
    BOOST_TEST(Leading(out.summary["Concurrent tunnels max"]) <= 6.0);
    BOOST_TEST(Leading(out.summary["Bytes delivered to the LAN"]) > 0.0);

    TraceDbReader d(BinaryDir() + "/" + db);
    BOOST_TEST(d.Texts("SELECT status || ' ' || label || ' ' || run_number FROM run "
                       "WHERE experiment = 'pptp-remote-access-capacity'")
                   == std::vector<std::string>{"finished point-a 2"},
               boost::test_tools::per_element());
    BOOST_TEST(d.Double("SELECT value FROM event WHERE category = 'summary' AND "
                        "name = 'tunnels_up'")
               == 6.0);
    BOOST_TEST(d.Double("SELECT COUNT(*) FROM event WHERE category = 'capacity' AND "
                        "name = 'arrival'")
               == 6.0);
    BOOST_TEST(d.Double("SELECT COUNT(*) FROM event WHERE category = 'summary'") >= 18.0);
    // The set-up delay from the tunnel table: the client's SCCRQ to its tunnel up.
    BOOST_TEST(d.Double("SELECT COUNT(*) FROM tunnel WHERE role = 'client' AND "
                        "up_s IS NOT NULL")
               == 6.0);
    const double fromTunnels
        = d.Double("SELECT AVG(up_s - started_s) FROM tunnel WHERE role = 'client'");
    const double fromEvent = d.Double("SELECT value FROM event WHERE name = 'setup_delay_mean_s'");
    BOOST_TEST(std::fabs(fromTunnels - fromEvent) < 1e-3, fromTunnels << " vs " << fromEvent);
    BOOST_TEST(std::fabs(fromEvent * 1000 - setupMs) < 0.1);
    // The clients' UDP flows (port 40000 + index) in the flow table: what they delivered is
    // what the sinks counted (FlowMonitor counts the IPv4 and UDP headers, 28 octets each).
    const std::string udp = "FROM flow WHERE protocol = 17 AND dst_port BETWEEN 40000 AND 40005";
    BOOST_TEST(d.Double("SELECT COUNT(*) " + udp + " AND rx_packets > 0") >= 1.0);
    BOOST_TEST(d.Double("SELECT SUM(rx_bytes) - 28 * SUM(rx_packets) " + udp)
               == Leading(out.summary["Bytes delivered to the LAN"]));
    BOOST_TEST(d.Double("SELECT COUNT(*) FROM sample") > 0.0);
    BOOST_TEST(d.Double("SELECT COUNT(*) FROM node WHERE role = 'client'") == 6.0);
    BOOST_TEST(d.Double("SELECT value FROM run_param WHERE key = 'clients'") == 6.0);
}

// The server's MaxCalls refuses what it cannot hold (RFC 2637 s.2.8: No-Resource): with one
// call at a time and four clients arriving together, calls are refused and counted.
BOOST_AUTO_TEST_CASE(capacity_example_counts_refused_calls)
{
    ExampleRun out = RunProgram("pptp-remote-access-capacity",
                                "research-capacity-refused.db",
                                "--clients=4 --arrivalRate=100 --holdMean=5s "
                                "--duration=3s --maxCalls=1");
    BOOST_TEST(out.summary["Tunnels attempted"] == "4");
    BOOST_TEST(out.summary["Server load peak calls"] == "1");
    BOOST_TEST(out.summary["Concurrent tunnels max"] == "1");
    BOOST_TEST(Leading(out.summary["Server calls refused"]) >= 1.0);
    BOOST_TEST(Leading(out.summary["Tunnels failed"])
               == Leading(out.summary["Server calls refused"]));
}

// Common random numbers: a longer --duration lets more clients arrive, but the first clients'
// access links keep their loss and jitter draws, so the start of the run is the same (the
// streams of the topology do not depend on how many clients arrived).
BOOST_AUTO_TEST_CASE(capacity_example_streams_do_not_depend_on_the_client_count)
{
    const std::string options = "--accessLoss=0.05 --accessJitter=5ms --clients=1000 ";
    RunProgram("pptp-remote-access-capacity", "research-capacity-4s.db", options + "--duration=4s");
    RunProgram("pptp-remote-access-capacity", "research-capacity-5s.db", options + "--duration=5s");
    const std::string sql = "SELECT printf('%.9f', started_s) FROM tunnel WHERE role = 'client' "
                            "AND started_s < 3 ORDER BY started_s";
    TraceDbReader shorter(BinaryDir() + "/research-capacity-4s.db");
    TraceDbReader longer(BinaryDir() + "/research-capacity-5s.db");
    const std::vector<std::string> first = shorter.Texts(sql);
    BOOST_TEST(first.size() >= 4U);
    BOOST_TEST(first == longer.Texts(sql), boost::test_tools::per_element());
    BOOST_TEST(shorter.Int("SELECT COUNT(*) FROM tunnel WHERE role = 'client'")
               < longer.Int("SELECT COUNT(*) FROM tunnel WHERE role = 'client'"));
}

// Options that cannot make sense end the program at once with a message naming them (a zero
// sending rate used to leave OnOffApplication waiting forever; a negative first arrival
// scheduled events in the past).
BOOST_AUTO_TEST_CASE(examples_refuse_zero_rates_and_negative_arrivals)
{
    const std::map<std::string, std::pair<std::string, std::string>> cases{
        {"pptp-overhead", {"--rate=0bps --sizes=64 --modes=gre", "--rate must be > 0"}},
        {"pptp-branch-office", {"--flowRate=0bps", "--flowRate must be > 0"}},
        {"pptp-remote-access-capacity", {"--firstArrival=-1s", "--firstArrival must be >= 0"}},
    };
    for (const auto& [program, check] : cases)
    {
        ExampleRun out = RunExampleProgram(program, "--db= " + check.first + " 2>&1");
        BOOST_TEST_MESSAGE(program << " " << check.first << ":\n" << out.output);
        BOOST_TEST(out.status != 0, program);
        BOOST_TEST(out.output.find(check.second) != std::string::npos, program);
    }
}

// The wire bytes of one UDP datagram on the core link, measured, equal the layout derived by
// hand: plain IPv4 20 + UDP 8 + payload; GRE adds outer IPv4 20, GRE 12 (K and S, no ack:
// the flow is one-way) and PPP protocol 0x21 in one octet (LCP negotiates ACFC and PFC);
// MPPE adds protocol 0xFD (1) and its 2-octet header, the inner 0x21 going under the
// encryption.
BOOST_AUTO_TEST_CASE(overhead_example_measures_the_header_layout)
{
    const std::string db = "research-overhead.db";
    ExampleRun out
        = RunProgram("pptp-overhead", db, "--sizes=64,512 --modes=plain,gre,mppe --duration=0.3s");
    const std::map<std::string, double> expected = {
        {"size=64 mode=plain", 92},
        {"size=64 mode=gre", 125},
        {"size=64 mode=mppe", 128},
        {"size=512 mode=plain", 540},
        {"size=512 mode=gre", 573},
        {"size=512 mode=mppe", 576},
    };
    TraceDbReader d(BinaryDir() + "/" + db);
    BOOST_TEST(d.Double("SELECT COUNT(*) FROM run WHERE experiment = 'pptp-overhead' AND "
                        "status = 'finished'")
               == 6.0);
    for (const auto& [label, bytes] : expected)
    {
        BOOST_TEST_CONTEXT(label)
        {
            const std::string& text = out.summary[label];
            BOOST_REQUIRE(!text.empty());
            BOOST_TEST(text.find("wire " + std::to_string(static_cast<int>(bytes))
                                 + ".00 B/packet (analytic "
                                 + std::to_string(static_cast<int>(bytes)) + ".00")
                           == 0U,
                       text);
            const std::string run = "(SELECT run_id FROM run WHERE label = '" + label + "')";
            auto figure = [&](const std::string& name)
            {
                return d.Double("SELECT value FROM event WHERE category = 'overhead' AND "
                                "name = '"
                                + name + "' AND run_id = " + run);
            };
            BOOST_TEST(figure("wire_bytes_per_packet") == bytes);
            BOOST_TEST(figure("analytic_bytes_per_packet") == bytes);
            const double payload = figure("payload_bytes");
            BOOST_TEST(figure("wire_bytes_per_payload_byte") == bytes / payload,
                       boost::test_tools::tolerance(1e-9));
            // The access link (2 Mb/s) is saturated: goodput is its rate times the payload
            // share of each frame (the link's own 2-octet header included).
            BOOST_TEST(figure("goodput_bps") / figure("predicted_goodput_bps") == 1.0,
                       boost::test_tools::tolerance(0.02));
            BOOST_TEST(figure("wall_s") > 0.0);
        }
    }
}

// Flow control: the RFC profile never has more than the window outstanding, the Windows
// profile ignores it (MS-PTPT) and so carries more when the window is small; reordering on
// the access link makes the receiver discard late GRE packets (RFC 2637 s.4.3) unless it has
// a reorder buffer. Each profile is a run; the samples hold the window over time.
BOOST_AUTO_TEST_CASE(flow_control_example_compares_profiles)
{
    const std::string db = "research-flow-control.db";
    ExampleRun out = RunProgram("pptp-flow-control",
                                db,
                                "--loss=0 --reorder=0 --window=8 --duration=2s "
                                "--profile=both --label=small-window");
    const double rfc = Leading(out.summary["Goodput, profile rfc"]);
    const double windows = Leading(out.summary["Goodput, profile windows"]);
    BOOST_TEST(rfc > 0.0);
    BOOST_TEST(windows > 1.2 * rfc, "rfc " << rfc << " kb/s, windows " << windows << " kb/s");
    const std::string rfcOutstanding = out.summary["Outstanding, profile rfc"];
    BOOST_REQUIRE(rfcOutstanding.rfind(", max ") != std::string::npos);
    BOOST_TEST(std::stod(rfcOutstanding.substr(rfcOutstanding.rfind(", max ") + 6)) <= 8.0);
    const std::string winOutstanding = out.summary["Outstanding, profile windows"];
    BOOST_REQUIRE(winOutstanding.rfind(", max ") != std::string::npos);
    BOOST_TEST(std::stod(winOutstanding.substr(winOutstanding.rfind(", max ") + 6)) > 8.0);
    BOOST_TEST(out.summary["Access frames reordered, profile rfc"] == "0");
    BOOST_TEST(out.summary["GRE drops, profile rfc"] == "none");

    TraceDbReader d(BinaryDir() + "/" + db);
    BOOST_TEST(d.Texts("SELECT label FROM run WHERE experiment = 'pptp-flow-control' AND "
                       "status = 'finished' ORDER BY run_id")
                   == (std::vector<std::string>{"small-window profile=rfc loss=0 reorder=0",
                                                "small-window profile=windows loss=0 reorder=0"}),
               boost::test_tools::per_element());
    BOOST_TEST(d.Texts("SELECT value FROM run_param WHERE key = 'ns3::GreSession::Profile' "
                       "ORDER BY run_id")
                   == (std::vector<std::string>{"RFC", "WINDOWS"}),
               boost::test_tools::per_element());
    // The RFC run's samples: the window of its client tunnel never beyond the peer's 8.
    BOOST_TEST(d.Double("SELECT COUNT(*) FROM sample WHERE window IS NOT NULL") > 10.0);
    BOOST_TEST(d.Double("SELECT MAX(s.outstanding) FROM sample s JOIN run r USING (run_id) "
                        "WHERE r.label LIKE '%profile=rfc%'")
               <= 8.0);
    BOOST_TEST(d.Double("SELECT value FROM event WHERE category = 'flow-control' AND name = "
                        "'goodput_bps' AND detail = 'rfc'")
                   == rfc * 1000,
               boost::test_tools::tolerance(1e-3));

    // Reordering without a reorder buffer: late packets are discarded as OUT_OF_SEQUENCE.
    ExampleRun reordered = RunProgram("pptp-flow-control",
                                      "research-flow-control-reorder.db",
                                      "--loss=0 --reorder=0.05 --duration=2s --profile=rfc");
    BOOST_TEST(Leading(reordered.summary["Access frames reordered, profile rfc"]) > 0.0);
    BOOST_TEST(reordered.output.find("GRE drops, profile rfc: server OUT_OF_SEQUENCE")
               != std::string::npos);
    BOOST_TEST(reordered.summary["Access frames lost, profile rfc"] == "0");
    // With the reorder buffer (300 ms, far above the 5 ms a frame is held) nothing is late.
    ExampleRun buffered = RunProgram("pptp-flow-control",
                                     "research-flow-control-buffer.db",
                                     "--loss=0 --reorder=0.05 --duration=2s --profile=rfc "
                                     "--reorderBuffer=true");
    BOOST_TEST(Leading(buffered.summary["Access frames reordered, profile rfc"]) > 0.0);
    BOOST_TEST(buffered.output.find("OUT_OF_SEQUENCE") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
