/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Enhanced GRE header (RFC 2637 s.4.1): exact bytes against the RFC layout,
// every error value, and every GRE header of the real captures in
// /work/shared/captures decoded and re-encoded to the same bytes.

#include "gre-header.h"
#include "pptp-test-util.h"

#include "ns3/buffer.h"

#include <boost/test/unit_test.hpp>
#include <sstream>
#include <string>

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

/// Every GRE header (up to the payload) of chapcrack_sample_pptp-only.pcap,
/// tcpdump_pptp.pcap, zeek_gre-pptp.pcap and chapcrack_pptp.cap, in frame order.
const char* const CAPTURED_HEADERS[] = {
    "3001880b0018780000000001",         "3081880b001d00000000000000000001",
    "3001880b0018000000000001",         "3081880b001d78000000000200000001",
    "3081880b000a00000000000200000002", "3081880b000a78000000000300000002",
    "3001880b001c000000000003",         "3081880b003d78000000000400000003",
    "3081880b004100000000000400000004", "3081880b000c78000000000500000004",
    "3001880b000c000000000005",         "3081880b000c78000000000600000005",
    "3081880b000c00000000000600000005", "3081880b000c78000000000700000006",
    "3081880b000c00000000000700000007", "3001880b0012000000000008",
    "2081880b0000780000000008",         "3001880b0018780000000008",
    "3001880b000c780000000009",         "3081880b001800000000000900000009",
    "3081880b001878000000000a00000009", "3001880b000c00000000000a",
    "3081880b000c78000000000b0000000a", "3081880b001800000000000b0000000b",
    "2081880b000078000000000b",         "3001880b004178000000000c",
    "3081880b007e00000000000c0000000c", "3081880b005278000000000d0000000c",
    "3081880b008200000000000d0000000d", "3081880b004178000000000e0000000d",
    "2081880b000000000000000e",         "3001880b009100000000000e",
    "3081880b005178000000000f0000000e", "2081880b000000000000000f",
    "3001880b005100000000000f",         "2081880b000078000000000f",
    "3001880b0051780000000010",         "2081880b0000000000000010",
    "3001880b0051000000000010",         "2081880b0000780000000010",
    "3001880b0043780000000011",         "3001880b0041780000000012",
    "3001880b0041780000000013",         "3081880b00a300000000001100000013",
    "3001880b012d000000000012",         "3001880b012d000000000013",
    "2081880b0000780000000012",         "2081880b0000780000000013",
    "3001880b0051780000000014",         "2081880b0000000000000014",
    "3001880b0051000000000014",         "3081880b004e78000000001500000014",
    "3001880b004e780000000016",         "3001880b004e780000000017",
    "3081880b007e00000000001500000015", "3081880b003d78000000001800000015",
    "3001880b004e780000000019",         "3001880b004e78000000001a",
    "3001880b004e78000000001b",         "3081880b007e0000000000160000001b",
    "3081880b003d78000000001c00000016", "3001880b007e000000000017",
    "3081880b003d78000000001d00000017", "3001880b007e000000000018",
    "3081880b003d78000000001e00000018", "3001880b0088000000000019",
    "3081880b008800000000001a0000001e", "2081880b000078000000001a",
    "3001880b008800000000001b",         "3001880b008800000000001c",
    "2081880b000078000000001c",         "3001880b005178000000001f",
    "2081880b000000000000001f",         "3001880b005100000000001d",
    "2081880b000078000000001d",         "3001880b0047780000000020",
    "3001880b004e780000000021",         "3001880b004e780000000022",
    "3081880b008500000000001e00000020", "3081880b00587800000000230000001e",
    "3081880b008800000000001f00000023", "3081880b00477800000000240000001f",
    "3081880b00bf00000000002000000024", "3081880b004178000000002500000020",
    "2081880b0000000000000025",         "3001880b0041000000000021",
    "3081880b003978000000002600000021", "2081880b0000000000000026",
    "3001880b0049780000000027",         "2081880b0000000000000027",
    "3001880b0039000000000022",         "3081880b003b78000000002800000022",
    "2081880b0000000000000028",         "3001880b0039000000000023",
    "3001880b038d000000000024",         "2081880b0000780000000024",
    "3001880b0039000000000025",         "3001880b0039780000000029",
    "3081880b003978000000002a00000025", "2081880b000000000000002a",
    "3001880b0039000000000026",         "2081880b0000780000000026",
    "3001880b004e78000000002b",         "3001880b004e78000000002c",
    "3081880b007e0000000000270000002c", "3001880b007e000000000028",
    "3081880b003d78000000002d00000028", "3001880b003d78000000002e",
    "3081880b00880000000000290000002e", "3001880b008800000000002a",
    "2081880b000078000000002a",         "3001880b001578000000002f",
    "3001880b0015780000000030",         "2081880b0000000000000030",
    "3001880b000800000000002b",         "3001880b000800000000002c",
    "2081880b000078000000002c",         "3001880b0030000000000000",
    "3081880b0067178000068fb100083a76", "3001880b00b2001100083ab8",
    "3001880b001c000000000003",         "3081880b003db4000000000400000003",
    "3081880b004100000000000400000004",
};

} // namespace

BOOST_AUTO_TEST_SUITE(GreHeaderTest)

BOOST_AUTO_TEST_CASE(DataPacketWithSequenceAndAck)
{
    // RFC 2637 s.4.1: K S | A Ver=1, 0x880B, payload length 0x001d, Call ID 0x7800,
    // sequence 2, ack 1 (the LCP Configure-Ack of chapcrack_sample frame 14).
    GreHeader header;
    header.SetPayloadLength(0x1d);
    header.SetCallId(0x7800);
    header.SetSequenceNumber(2);
    header.SetAcknowledgment(1);
    BOOST_TEST(header.GetSerializedSize() == 16u);
    BOOST_TEST(ToHex(BytesOf(header)) == "3081880b001d78000000000200000001");
}

BOOST_AUTO_TEST_CASE(DataPacketWithoutAck)
{
    GreHeader header;
    header.SetPayloadLength(1500);
    header.SetCallId(0xbeef);
    header.SetSequenceNumber(0xfffffffe);
    BOOST_TEST(header.GetSerializedSize() == 12u);
    BOOST_TEST(ToHex(BytesOf(header)) == "3001880b05dcbeeffffffffe");
}

BOOST_AUTO_TEST_CASE(AckOnly)
{
    // K and A set, no S, payload length 0 (chapcrack_sample frame 27).
    GreHeader header;
    header.SetCallId(0x7800);
    header.SetAcknowledgment(8);
    BOOST_TEST(ToHex(BytesOf(header)) == "2081880b0000780000000008");
    BOOST_TEST(!header.HasSequenceNumber());
    BOOST_TEST(header.HasAcknowledgment());
}

BOOST_AUTO_TEST_CASE(DefaultAndClear)
{
    GreHeader header;
    BOOST_TEST(ToHex(BytesOf(header)) == "2001880b00000000");
    header.SetSequenceNumber(7);
    header.SetAcknowledgment(9);
    header.ClearSequenceNumber();
    header.ClearAcknowledgment();
    BOOST_TEST(ToHex(BytesOf(header)) == "2001880b00000000");
    BOOST_TEST(header.GetSequenceNumber() == 0u);
    BOOST_TEST(header.GetAcknowledgment() == 0u);
}

BOOST_AUTO_TEST_CASE(DecodeFields)
{
    // zeek_gre-pptp.pcap frame 1: large sequence and ack numbers, then the payload.
    Bytes bytes = FromHex("3081880b0067178000068fb100083a76 ff030021");
    GreHeader header;
    BOOST_TEST(Decode(header, bytes) == 16u);
    BOOST_TEST(header.GetError() == WireError::NONE);
    BOOST_TEST(header.GetPayloadLength() == 0x67);
    BOOST_TEST(header.GetCallId() == 0x1780);
    BOOST_TEST(header.HasSequenceNumber());
    BOOST_TEST(header.GetSequenceNumber() == 0x00068fb1u);
    BOOST_TEST(header.HasAcknowledgment());
    BOOST_TEST(header.GetAcknowledgment() == 0x00083a76u);

    Bytes ackOnly = FromHex("2081880b0000000000000025");
    GreHeader ack;
    BOOST_TEST(Decode(ack, ackOnly) == 12u);
    BOOST_TEST(!ack.HasSequenceNumber());
    BOOST_TEST(ack.GetAcknowledgment() == 0x25u);
    BOOST_TEST(ack.GetCallId() == 0u);
}

BOOST_AUTO_TEST_CASE(CapturedHeadersRoundTrip)
{
    uint32_t count = 0;
    for (const char* hex : CAPTURED_HEADERS)
    {
        Bytes bytes = FromHex(hex);
        GreHeader header;
        BOOST_TEST_CONTEXT("header " << hex)
        {
            BOOST_TEST(Decode(header, bytes) == bytes.size());
            BOOST_TEST(header.GetError() == WireError::NONE);
            BOOST_TEST(ToHex(BytesOf(header)) == ToHex(bytes));
        }
        ++count;
    }
    BOOST_TEST(count == 123u);
}

BOOST_AUTO_TEST_CASE(MutatedInputsNeverMisdecode)
{
    // Captured headers with random octets changed and random cuts: a decode either fails
    // with a reason, or succeeds and re-encodes to exactly the octets it consumed.
    uint32_t state = 12345;
    auto next = [&state]()
    {
        state = state * 1103515245u + 12345u;
        return state >> 16;
    };
    uint32_t decoded = 0;
    for (int round = 0; round < 20000; ++round)
    {
        Bytes bytes = FromHex(CAPTURED_HEADERS[next() % 123]);
        for (uint32_t flips = next() % 3; flips > 0; --flips)
        {
            bytes[next() % bytes.size()] ^= static_cast<uint8_t>(1u << (next() % 8));
        }
        bytes.resize(next() % (bytes.size() + 1));
        GreHeader header;
        uint32_t used = Decode(header, bytes);
        if (used == 0)
        {
            BOOST_TEST((header.GetError() != WireError::NONE));
            continue;
        }
        ++decoded;
        BOOST_TEST(header.GetError() == WireError::NONE);
        BOOST_TEST(used <= bytes.size());
        BOOST_TEST(ToHex(BytesOf(header)) == ToHex(Bytes(bytes.begin(), bytes.begin() + used)));
    }
    BOOST_TEST(decoded > 500u);
}

BOOST_AUTO_TEST_CASE(Truncated)
{
    GreHeader header;
    BOOST_TEST(Decode(header, Bytes{}) == 0u);
    BOOST_TEST(header.GetError() == WireError::TRUNCATED);
    BOOST_TEST(Decode(header, FromHex("3081880b001d7800")) == 0u); // S and A announced, missing
    BOOST_TEST(header.GetError() == WireError::TRUNCATED);
    BOOST_TEST(Decode(header, FromHex("3081880b001d78000000000200")) == 0u);
    BOOST_TEST(header.GetError() == WireError::TRUNCATED);
    BOOST_TEST(Decode(header, FromHex("2081880b00007800000000")) == 0u);
    BOOST_TEST(header.GetError() == WireError::TRUNCATED);
    BOOST_TEST(Decode(header, FromHex("2001880b000078")) == 0u);
    BOOST_TEST(header.GetError() == WireError::TRUNCATED);
    // A failed decode leaves the header usable again.
    BOOST_TEST(Decode(header, FromHex("2001880b00007800")) == 8u);
    BOOST_TEST(header.GetError() == WireError::NONE);
}

BOOST_AUTO_TEST_CASE(BadVersion)
{
    GreHeader header;
    BOOST_TEST(Decode(header, FromHex("30000800001d780000000002")) == 0u); // plain GRE v0
    BOOST_TEST(header.GetError() == WireError::BAD_VERSION);
    BOOST_TEST(Decode(header, FromHex("3002880b001d780000000002")) == 0u);
    BOOST_TEST(header.GetError() == WireError::BAD_VERSION);
    BOOST_TEST(Decode(header, FromHex("3007880b001d780000000002")) == 0u);
    BOOST_TEST(header.GetError() == WireError::BAD_VERSION);
}

BOOST_AUTO_TEST_CASE(BadProtocol)
{
    GreHeader header;
    BOOST_TEST(Decode(header, FromHex("30010800001d780000000002")) == 0u);
    BOOST_TEST(header.GetError() == WireError::BAD_PROTOCOL);
    BOOST_TEST(Decode(header, FromHex("3001880a001d780000000002")) == 0u);
    BOOST_TEST(header.GetError() == WireError::BAD_PROTOCOL);
}

BOOST_AUTO_TEST_CASE(BadFlags)
{
    // C, R, K clear, s, Recur, each Flags bit.
    const char* const bad[] = {"b001880b001d780000000002",
                               "7001880b001d780000000002",
                               "1001880b001d780000000002",
                               "3801880b001d780000000002",
                               "3101880b001d780000000002",
                               "3401880b001d780000000002",
                               "3009880b001d780000000002",
                               "3011880b001d780000000002",
                               "3021880b001d780000000002",
                               "3041880b001d780000000002"};
    for (const char* hex : bad)
    {
        GreHeader header;
        BOOST_TEST_CONTEXT("header " << hex)
        {
            BOOST_TEST(Decode(header, FromHex(hex)) == 0u);
            BOOST_TEST(header.GetError() == WireError::BAD_FLAGS);
        }
    }
}

BOOST_AUTO_TEST_CASE(PayloadWithoutSequenceIsBadLength)
{
    // RFC 2637 s.4.1: S is clear only when no payload is present.
    GreHeader header;
    BOOST_TEST(Decode(header, FromHex("2081880b0005780000000008")) == 0u);
    BOOST_TEST(header.GetError() == WireError::BAD_LENGTH);
}

BOOST_AUTO_TEST_CASE(PrintShowsFields)
{
    GreHeader header;
    header.SetPayloadLength(29);
    header.SetCallId(30720);
    header.SetSequenceNumber(2);
    header.SetAcknowledgment(1);
    std::ostringstream os;
    header.Print(os);
    BOOST_TEST(
        os.str()
        == "GRE v1 flags=KSA protocol=0x880b(PPP) payloadLength=29 callId=30720 seq=2 ack=1");
    GreHeader bad;
    Decode(bad, FromHex("3000"));
    std::ostringstream badOs;
    bad.Print(badOs);
    BOOST_TEST(badOs.str().find("error=TRUNCATED") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(TypeIdRegistered)
{
    TypeId tid;
    BOOST_TEST(TypeId::LookupByNameFailSafe("ns3::GreHeader", &tid));
    BOOST_TEST(tid.GetGroupName() == "Pptp");
    BOOST_TEST(tid.GetParent() == Header::GetTypeId());
}

BOOST_AUTO_TEST_SUITE_END()
