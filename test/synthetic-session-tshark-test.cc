/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mschapv2.h"
#include "pptp-synthetic-session.h"
#include "pptp-test-util.h"
#include "tshark-util.h"

#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

/// What tshark must show for one frame.
struct ExpectedFrame
{
    const char* protocols; //!< frame.protocols
    const char* info;      //!< _ws.col.Info, or a part of it (see exact)
    bool exact;            //!< Info must equal info; otherwise contain it
};

const char* const TCP = "eth:ethertype:ip:tcp";
const char* const PPTP = "eth:ethertype:ip:tcp:pptp";
const char* const GRE = "eth:ethertype:ip:gre";
const char* const LCP = "eth:ethertype:ip:gre:ppp:lcp";
const char* const CHAP = "eth:ethertype:ip:gre:ppp:chap";
const char* const CCP = "eth:ethertype:ip:gre:ppp:ccp";
const char* const IPCP = "eth:ethertype:ip:gre:ppp:ipcp";
const char* const MPPE = "eth:ethertype:ip:gre:ppp:comp_data";

/// The default session (RFC 2759 s.9.2 credentials, 6 data packets), frame by frame.
const std::vector<ExpectedFrame> DEFAULT_SESSION = {
    {TCP, "49152 \xe2\x86\x92 1723 [SYN] Seq=0", false},
    {TCP, "1723 \xe2\x86\x92 49152 [SYN, ACK] Seq=0 Ack=1", false},
    {TCP, "49152 \xe2\x86\x92 1723 [ACK] Seq=1 Ack=1", false},
    {PPTP, "Start-Control-Connection-Request", true},
    {TCP, "[ACK] Seq=1 Ack=157", false},
    {PPTP, "Start-Control-Connection-Reply", true},
    {TCP, "[ACK] Seq=157 Ack=157", false},
    {PPTP, "Outgoing-Call-Request", true},
    {TCP, "[ACK] Seq=157 Ack=325", false},
    {PPTP, "Outgoing-Call-Reply", true},
    {TCP, "[ACK] Seq=325 Ack=189", false},
    {PPTP, "Set-Link-Info", true},
    {TCP, "[ACK] Seq=189 Ack=349", false},
    {LCP, "Configuration Request", true},
    {LCP, "Configuration Request", true},
    {LCP, "Configuration Ack", true},
    {LCP, "Configuration Ack", true},
    {CHAP, "Challenge (NAME='ns3-pptp-server', VALUE=0x5b5d7c7d7b3f2f3e3c2c602132262628)", true},
    {CHAP, "Response (NAME='User', VALUE=0x21402324255e262a28295f2b3a337c7e", false},
    {CHAP, "Success (MESSAGE='S=407A5589115FD0D6209F510FE9C04566932CDA56 M=Access granted')", true},
    {CCP, "Configuration Request", true},
    {CCP, "Configuration Request", true},
    {CCP, "Configuration Ack", true},
    {CCP, "Configuration Ack", true},
    {IPCP, "Configuration Request", true},
    {IPCP, "Configuration Request", true},
    {IPCP, "Configuration Ack", true},
    {IPCP, "Configuration Nak", true},
    {IPCP, "Configuration Request", true},
    {IPCP, "Configuration Ack", true},
    {MPPE, "Compressed data", true},
    {MPPE, "Compressed data", true},
    {MPPE, "Compressed data", true},
    {MPPE, "Compressed data", true},
    {MPPE, "Compressed data", true},
    {MPPE, "Compressed data", true},
    {GRE, "Encapsulated PPP", true},
    {LCP, "Termination Request", true},
    {LCP, "Termination Ack", true},
    {GRE, "Encapsulated PPP", true},
    {PPTP, "Call-Clear-Request", true},
    {TCP, "[ACK] Seq=189 Ack=365", false},
    {PPTP, "Call-Disconnect-Notify", true},
    {TCP, "[ACK] Seq=365 Ack=337", false},
    {PPTP, "Stop-Control-Connection-Request", true},
    {TCP, "[ACK] Seq=337 Ack=381", false},
    {PPTP, "Stop-Control-Connection-Reply", true},
    {TCP, "[ACK] Seq=381 Ack=353", false},
    {TCP, "[FIN, ACK] Seq=381 Ack=353", false},
    {TCP, "[FIN, ACK] Seq=353 Ack=382", false},
    {TCP, "[ACK] Seq=382 Ack=354", false},
};

/// One row of `tshark -T fields` output, split at tabs, per frame.
std::vector<std::vector<std::string>>
Fields(const std::string& file, const std::string& filter, const std::vector<std::string>& fields)
{
    std::string arguments = "-T fields";
    if (!filter.empty())
    {
        arguments += " -Y '" + filter + "'";
    }
    for (const auto& field : fields)
    {
        arguments += " -e " + field;
    }
    std::string output;
    BOOST_REQUIRE_MESSAGE(RunTshark(file, arguments, output) == 0, "tshark " << arguments);
    std::vector<std::vector<std::string>> rows;
    for (const auto& line : SplitLines(output))
    {
        rows.push_back(SplitTabs(line));
        BOOST_REQUIRE(rows.back().size() == fields.size());
    }
    return rows;
}

/// tshark finds nothing malformed and no expert info of warning or error severity.
void
CheckClean(const std::string& file)
{
    std::string bad;
    BOOST_REQUIRE(RunTshark(file,
                            "-o ip.check_checksum:TRUE -o tcp.check_checksum:TRUE "
                            "-Y '_ws.malformed || _ws.expert.severity >= warning'",
                            bad)
                  == 0);
    BOOST_TEST(bad == "", "malformed or suspicious frames:\n" << bad);
}

/**
 * Enhanced GRE rules (RFC 2637 s.4.4): per direction, sequence numbers from 0
 * without gaps; every acknowledgment is the highest number received from the
 * peer so far and acknowledges something new; ack-only packets have no payload.
 * \return the number of ack-only packets
 */
uint32_t
CheckGre(const std::string& file)
{
    auto rows = Fields(file,
                       "gre",
                       {"frame.number",
                        "ip.src",
                        "ip.dst",
                        "gre.key.call_id",
                        "gre.sequence_number",
                        "gre.ack_number",
                        "gre.key.payload_length",
                        "ip.len"});
    BOOST_REQUIRE(!rows.empty());
    const std::string client = rows[0][1];
    std::map<std::string, int64_t> nextSequence; // by sender
    std::map<std::string, int64_t> lastReceived; // by receiver
    std::map<std::string, int64_t> lastAckSent;  // by sender
    uint32_t ackOnly = 0;
    for (const auto& row : rows)
    {
        BOOST_TEST_CONTEXT("frame " << row[0])
        {
            const std::string& sender = row[1];
            const std::string& receiver = row[2];
            const std::string& sequence = row[4];
            const std::string& ack = row[5];
            // each side sends with the peer's Call ID
            BOOST_TEST(row[3] == (sender == client ? "32769" : "16384"));
            uint32_t payload = std::stoul(row[6]);
            uint32_t header = 8 + (sequence.empty() ? 0 : 4) + (ack.empty() ? 0 : 4);
            BOOST_TEST(std::stoul(row[7]) == 20 + header + payload);
            if (!ack.empty())
            {
                // the sender acknowledges the highest number it received, and only news
                BOOST_REQUIRE(lastReceived.count(sender) == 1U);
                BOOST_TEST(std::stoll(ack) == lastReceived[sender]);
                if (lastAckSent.count(sender))
                {
                    BOOST_TEST(std::stoll(ack) > lastAckSent[sender]);
                }
                lastAckSent[sender] = std::stoll(ack);
            }
            if (sequence.empty())
            {
                BOOST_TEST(payload == 0U);
                BOOST_TEST(!ack.empty());
                ++ackOnly;
                continue;
            }
            BOOST_TEST(payload > 0U);
            BOOST_TEST(std::stoll(sequence) == nextSequence[sender]);
            nextSequence[sender] = std::stoll(sequence) + 1;
            lastReceived[receiver] = std::stoll(sequence);
        }
    }
    // nothing is left unacknowledged at the end
    for (const auto& entry : lastReceived)
    {
        BOOST_TEST(lastAckSent[entry.first] == entry.second);
    }
    return ackOnly;
}

std::string
Scratch(const std::string& name)
{
    return BinaryDir() + "/" + name;
}

std::string
Hex(const uint8_t* data, size_t size)
{
    return ToHex(Bytes(data, data + size));
}

} // namespace

BOOST_AUTO_TEST_SUITE(synthetic_session_tshark)

BOOST_AUTO_TEST_CASE(default_session_decodes_message_by_message)
{
    std::string file = Scratch("synthetic-session.pcap");
    PptpSyntheticSession session;
    BOOST_REQUIRE(session.Write(file));
    BOOST_TEST(session.GetFrameCount() == DEFAULT_SESSION.size());

    auto rows = Fields(file, "", {"frame.number", "frame.protocols", "_ws.col.Info"});
    BOOST_REQUIRE(rows.size() == DEFAULT_SESSION.size());
    for (size_t i = 0; i < rows.size(); ++i)
    {
        BOOST_TEST_CONTEXT("frame " << i + 1)
        {
            const ExpectedFrame& expected = DEFAULT_SESSION[i];
            BOOST_TEST(rows[i][0] == std::to_string(i + 1));
            BOOST_TEST(rows[i][1] == expected.protocols);
            if (expected.exact)
            {
                BOOST_TEST(rows[i][2] == expected.info);
            }
            else
            {
                BOOST_TEST(rows[i][2].find(expected.info) != std::string::npos,
                           "'" << rows[i][2] << "' lacks '" << expected.info << "'");
            }
        }
    }
    CheckClean(file);
    BOOST_TEST(CheckGre(file) == 2U);

    // The steps the session reports name the frames tshark decodes.
    std::map<uint32_t, std::string> steps;
    for (const auto& step : session.GetSteps())
    {
        steps[step.frame] = step.what;
    }
    BOOST_TEST(steps[4] == "Start-Control-Connection-Request");
    BOOST_TEST(steps[12] == "Set-Link-Info");
    BOOST_TEST(steps[18] == "CHAP Challenge");
    BOOST_TEST(steps[28] == "IPCP Configure-Nak");
    BOOST_TEST(steps[31] == "MPPE data (ICMP echo request)");
    BOOST_TEST(steps[37] == "GRE ack");
    BOOST_TEST(steps[47] == "Stop-Control-Connection-Reply");
    BOOST_TEST(session.GetSteps().size() == 36U);
}

BOOST_AUTO_TEST_CASE(default_session_fields)
{
    std::string file = Scratch("synthetic-session-fields.pcap");
    PptpSyntheticSession session;
    BOOST_REQUIRE(session.Write(file));

    // CHAP with the RFC 2759 s.9.2 values: NT-Response 82309ECD..., "S=407A5589..."
    auto chap = Fields(
        file, "chap", {"chap.code", "chap.identifier", "chap.value", "chap.name", "chap.message"});
    BOOST_REQUIRE(chap.size() == 3U);
    BOOST_TEST(chap[0][0] == "1");
    BOOST_TEST(chap[0][2] == "5b5d7c7d7b3f2f3e3c2c602132262628");
    BOOST_TEST(chap[0][3] == "ns3-pptp-server");
    BOOST_TEST(chap[1][0] == "2");
    BOOST_TEST(chap[1][1] == chap[0][1]);
    BOOST_TEST(chap[1][2]
               == "21402324255e262a28295f2b3a337c7e"
                  "0000000000000000"
                  "82309ecd8d708b5ea08faa3981cd83544233114a3d85d6df"
                  "00");
    BOOST_TEST(chap[1][3] == "User");
    BOOST_TEST(chap[2][0] == "3");
    BOOST_TEST(chap[2][4] == "S=407A5589115FD0D6209F510FE9C04566932CDA56 M=Access granted");

    // CCP: MPPE, 128-bit stateless, both ways (requests and acks)
    auto ccp = Fields(file,
                      "ccp",
                      {"ccp.opt.type",
                       "ccp.opt.supported_bits",
                       "ccp.opt.supported_bits.h",
                       "ccp.opt.supported_bits.s",
                       "ccp.opt.supported_bits.m",
                       "ccp.opt.supported_bits.l",
                       "ccp.opt.supported_bits.c",
                       "ip.src"});
    BOOST_REQUIRE(ccp.size() == 4U);
    for (const auto& row : ccp)
    {
        BOOST_TEST(row[0] == "18");
        BOOST_TEST(row[1] == "0x01000040");
        BOOST_TEST(row[2] == "1");
        BOOST_TEST(row[3] == "1");
        BOOST_TEST(row[4] == "0");
        BOOST_TEST(row[5] == "0");
        BOOST_TEST(row[6] == "0");
    }
    BOOST_TEST(ccp[0][7] != ccp[1][7]);

    // LCP: the server asks for CHAP with MS-CHAPv2; PFC and ACFC both ways
    auto lcp = Fields(file,
                      "lcp && ppp.code == 1",
                      {"lcp.opt.type", "lcp.opt.mru", "lcp.opt.auth_protocol", "ip.src"});
    BOOST_REQUIRE(lcp.size() == 2U);
    BOOST_TEST(lcp[0][0] == "1,5,7,8");
    BOOST_TEST(lcp[0][1] == "1400");
    BOOST_TEST(lcp[1][0] == "1,3,5,7,8");
    BOOST_TEST(lcp[1][2] == "0xc223");
    std::string verbose;
    BOOST_REQUIRE(RunTshark(file, "-V -Y 'lcp && ppp.code == 1 && lcp.opt.auth_protocol'", verbose)
                  == 0);
    BOOST_TEST(verbose.find("Algorithm: MS-CHAP-2 (129)") != std::string::npos);

    // IPCP: the client learns its address and DNS server from the Nak
    auto ipcp
        = Fields(file, "ipcp", {"ppp.code", "ipcp.opt.ip_address", "ipcp.opt.pri_dns_address"});
    BOOST_REQUIRE(ipcp.size() == 6U);
    BOOST_TEST(ipcp[0][1] == "0.0.0.0");
    BOOST_TEST(ipcp[0][2] == "0.0.0.0");
    BOOST_TEST(ipcp[3][0] == "3");
    BOOST_TEST(ipcp[3][1] == "172.16.0.10");
    BOOST_TEST(ipcp[3][2] == "172.16.0.53");
    BOOST_TEST(ipcp[5][0] == "2");
    BOOST_TEST(ipcp[5][1] == "172.16.0.10");

    // PPP framing: FF 03 on LCP only once PFC and ACFC are agreed; MPPE data is protocol 0xfd
    auto ppp = Fields(file, "ppp", {"frame.number", "ppp.address", "ppp.protocol"});
    for (const auto& row : ppp)
    {
        BOOST_TEST_CONTEXT("frame " << row[0])
        {
            bool isLcp = row[2] == "0xc021";
            BOOST_TEST((row[1] == "0xff") == isLcp);
        }
    }
    auto data = Fields(file, "comp_data", {"ppp.protocol", "gre.key.payload_length"});
    BOOST_REQUIRE(data.size() == 6U);
    for (const auto& row : data)
    {
        BOOST_TEST(row[0] == "0x00fd");
        // 1 (compressed protocol) + 2 (MPPE header) + 2 (inner protocol) + 60 (IPv4/ICMP)
        BOOST_TEST(row[1] == "65");
    }

    // tshark -V spells the option bits and CHAP fields out
    BOOST_REQUIRE(RunTshark(file, "-V -Y 'ccp || chap'", verbose) == 0);
    for (const char* line :
         {"Supported Bits: 0x01000040, H, S",
          "= H: Stateless mode ON",
          "= S: 128-bit encryption ON",
          "= L: 40-bit encryption OFF",
          "= M: 56-bit encryption OFF",
          "Value Size: 49",
          "Name: User",
          "Name: ns3-pptp-server",
          "Message: S=407A5589115FD0D6209F510FE9C04566932CDA56 M=Access granted"})
    {
        BOOST_TEST(verbose.find(line) != std::string::npos, "tshark -V lacks '" << line << "'");
    }
}

BOOST_AUTO_TEST_CASE(parameters_change_the_session)
{
    std::string file = Scratch("synthetic-session-alice.pcap");
    PptpSyntheticSession session;
    session.SetUser("alice");
    session.SetPassword("s3cr3t-\xc3\xa9t\xc3\xa9");
    session.SetDataPackets(3);
    session.SetStrength(MppeStrength::BITS_40);
    BOOST_REQUIRE(session.Write(file));
    // 51 frames less 3 data packets
    BOOST_TEST(session.GetFrameCount() == 48U);
    CheckClean(file);
    BOOST_TEST(CheckGre(file) == 2U);

    auto chap = Fields(file, "chap", {"chap.value", "chap.name", "chap.message"});
    BOOST_REQUIRE(chap.size() == 3U);
    BOOST_TEST(chap[1][1] == "alice");
    const MsChapV2::Challenge& authenticator = RFC2759_AUTHENTICATOR_CHALLENGE;
    const MsChapV2::Challenge& peer = RFC2759_PEER_CHALLENGE;
    MsChapV2::NtResponse nt
        = MsChapV2::GenerateNtResponse(authenticator, peer, "alice", "s3cr3t-\xc3\xa9t\xc3\xa9");
    BOOST_TEST(Hex(session.GetNtResponse().data(), 24) == Hex(nt.data(), nt.size()));
    BOOST_TEST(chap[1][0] == Hex(peer.data(), 16) + "0000000000000000" + Hex(nt.data(), 24) + "00");
    BOOST_TEST(chap[2][2]
               == MsChapV2::FormatAuthenticatorResponse(session.GetAuthenticatorResponse())
                      + " M=Access granted");

    auto ccp = Fields(file,
                      "ccp",
                      {"ccp.opt.supported_bits",
                       "ccp.opt.supported_bits.h",
                       "ccp.opt.supported_bits.l",
                       "ccp.opt.supported_bits.s"});
    BOOST_REQUIRE(ccp.size() == 4U);
    for (const auto& row : ccp)
    {
        BOOST_TEST(row[0] == "0x01000020");
        BOOST_TEST(row[1] == "1");
        BOOST_TEST(row[2] == "1");
        BOOST_TEST(row[3] == "0");
    }
    auto info = Fields(file, "comp_data", {"frame.number"});
    BOOST_TEST(info.size() == 3U);

    // stateful 56-bit: only the option bits change on the wire
    PptpSyntheticSession stateful;
    stateful.SetStrength(MppeStrength::BITS_56);
    stateful.SetStateless(false);
    std::string statefulFile = Scratch("synthetic-session-stateful.pcap");
    BOOST_REQUIRE(stateful.Write(statefulFile));
    CheckClean(statefulFile);
    auto bits = Fields(statefulFile, "ccp", {"ccp.opt.supported_bits"});
    BOOST_REQUIRE(bits.size() == 4U);
    BOOST_TEST(bits[0][0] == "0x00000080");
}

BOOST_AUTO_TEST_SUITE_END()
