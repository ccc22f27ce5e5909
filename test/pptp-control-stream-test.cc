/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The control-connection stream reassembler: TCP delivers PPTP control messages in arbitrary
// pieces; the reassembler must cut them out exactly, report malformed messages without losing
// sync, and give up (broken) when the framing itself is lost (RFC 2637 s.1.4).

#include "pptp-control-message.h"
#include "pptp-control-stream-reassembler.h"
#include "pptp-test-util.h"

#include "ns3/packet.h"

#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

/// A random but valid message of the given type: random body octets under a valid header.
Bytes
RandomMessage(std::mt19937& rng, uint16_t type)
{
    uint16_t length = PptpControlMessage::GetFixedLength(static_cast<PptpControlMessageType>(type));
    Bytes b = PptpHeaderBytes(length, type);
    while (b.size() < length)
    {
        b.push_back(static_cast<uint8_t>(rng()));
    }
    return b;
}

/// The messages one after the other, as a stream.
Bytes
Append(const std::vector<Bytes>& messages)
{
    Bytes all;
    for (const auto& m : messages)
    {
        all.insert(all.end(), m.begin(), m.end());
    }
    return all;
}

/// Messages of a sample session (from the captures and built by the encoder).
std::vector<Bytes>
SampleSession()
{
    std::vector<Bytes> s;
    // SCCRQ and OCRP of chapcrack_sample_pptp-only.pcap (frames 4 and 9).
    s.push_back(FromHex(
        "009c00011a2b3c4d00010000010000000000000300000003ffff00016c6f63616c0000000000000000000000"
        "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
        "0000000063616e616e69616e0000000000000000000000000000000000000000000000000000000000000000"
        "000000000000000000000000000000000000000000000000"));
    s.push_back(FromHex("002000011a2b3c4d000800007800000001000000009896800003000000000000"));
    PptpEchoRequest echo;
    echo.identifier = 0x11223344;
    s.push_back(BytesOf(PptpControlMessage(echo)));
    PptpSetLinkInfo sli;
    sli.peersCallId = 0x7800;
    s.push_back(BytesOf(PptpControlMessage(sli)));
    PptpIncomingCallRequest icrq;
    icrq.callId = 3;
    s.push_back(BytesOf(PptpControlMessage(icrq)));
    s.push_back(FromHex("001000011a2b3c4d000c000000000000"));
    return s;
}

/// Pop everything available; good messages' octets go to out, errors to errors.
void
Drain(PptpControlStreamReassembler& r, std::vector<Bytes>& out, std::vector<WireError>& errors)
{
    PptpControlMessage m;
    WireError e = WireError::NONE;
    while (r.Pop(m, e))
    {
        if (e == WireError::NONE)
        {
            BOOST_CHECK(m.GetError() == WireError::NONE);
            out.push_back(BytesOf(m));
        }
        else
        {
            errors.push_back(e);
        }
    }
}

/// A message with a valid header and magic, but the given length and octet count.
Bytes
WithLength(uint16_t type, uint16_t length)
{
    Bytes b = PptpHeaderBytes(length, type);
    b.resize(length, 0x5a);
    return b;
}

} // namespace

BOOST_AUTO_TEST_SUITE(PptpControlStreamSuite)

BOOST_AUTO_TEST_CASE(OneByteSegments)
{
    auto session = SampleSession();
    Bytes stream = Append(session);
    PptpControlStreamReassembler r;
    std::vector<Bytes> got;
    std::vector<WireError> errors;
    for (std::size_t i = 0; i < stream.size(); ++i)
    {
        r.Push(&stream[i], 1);
        std::size_t before = got.size();
        Drain(r, got, errors);
        // A message comes out exactly when its last octet arrives.
        std::size_t end = 0;
        bool boundary = false;
        for (const auto& m : session)
        {
            end += m.size();
            boundary = boundary || end == i + 1;
        }
        BOOST_CHECK_EQUAL(got.size() - before, boundary ? 1u : 0u);
    }
    BOOST_CHECK(errors.empty());
    BOOST_REQUIRE_EQUAL(got.size(), session.size());
    for (std::size_t i = 0; i < got.size(); ++i)
    {
        BOOST_CHECK_EQUAL(ToHex(got[i]), ToHex(session[i]));
    }
    BOOST_CHECK_EQUAL(r.GetBufferedBytes(), 0u);
    BOOST_CHECK_EQUAL(r.GetBytesReceived(), stream.size());
    BOOST_CHECK_EQUAL(r.GetMessagesReceived(), session.size());
    BOOST_CHECK_EQUAL(r.GetErrors(), 0u);
    BOOST_CHECK(!r.IsBroken());
}

BOOST_AUTO_TEST_CASE(SeveralMessagesPerSegment)
{
    auto session = SampleSession();
    Bytes stream = Append(session);
    PptpControlStreamReassembler r;
    // All in one packet.
    r.Push(PacketOf(stream));
    BOOST_CHECK_EQUAL(r.GetBufferedBytes(), stream.size());
    std::vector<Bytes> got;
    std::vector<WireError> errors;
    Drain(r, got, errors);
    BOOST_REQUIRE_EQUAL(got.size(), session.size());
    BOOST_CHECK(errors.empty());
    for (std::size_t i = 0; i < got.size(); ++i)
    {
        BOOST_CHECK_EQUAL(ToHex(got[i]), ToHex(session[i]));
    }
    // One and a half messages, then the rest.
    Bytes two = Append({session[2], session[3]});
    r.Push(PacketOf(Bytes(two.begin(), two.begin() + 24)));
    got.clear();
    Drain(r, got, errors);
    BOOST_REQUIRE_EQUAL(got.size(), 1u);
    BOOST_CHECK_EQUAL(ToHex(got[0]), ToHex(session[2]));
    BOOST_CHECK_EQUAL(r.GetBufferedBytes(), 8u);
    r.Push(PacketOf(Bytes(two.begin() + 24, two.end())));
    Drain(r, got, errors);
    BOOST_REQUIRE_EQUAL(got.size(), 2u);
    BOOST_CHECK_EQUAL(ToHex(got[1]), ToHex(session[3]));
    BOOST_CHECK_EQUAL(r.GetMessagesReceived(), session.size() + 2);
    // An empty packet changes nothing.
    r.Push(Create<Packet>());
    PptpControlMessage m;
    WireError e;
    BOOST_CHECK(!r.Pop(m, e));
}

BOOST_AUTO_TEST_CASE(BadLengthForTypeIsConsumedAndStreamStaysInSync)
{
    auto session = SampleSession();
    // An Echo-Request claiming 20 octets, an SCCRQ claiming 40, an unknown type, a management
    // message (PPTP Message Type 2): each is framed by its Length and skipped.
    Bytes badEcho = WithLength(5, 20);
    Bytes badSccrq = WithLength(1, 40);
    Bytes unknown = WithLength(99, 16);
    Bytes management = WithLength(5, 16);
    management[3] = 0x02;
    Bytes stream
        = Append({session[0], badEcho, session[1], badSccrq, unknown, management, session[2]});
    PptpControlStreamReassembler r;
    r.Push(stream.data(), stream.size());

    PptpControlMessage m;
    WireError e;
    BOOST_REQUIRE(r.Pop(m, e));
    BOOST_CHECK(e == WireError::NONE);
    BOOST_CHECK(m.Is<PptpStartControlConnectionRequest>());
    BOOST_REQUIRE(r.Pop(m, e));
    BOOST_CHECK(e == WireError::BAD_LENGTH);
    BOOST_CHECK(m.GetError() == WireError::BAD_LENGTH);
    BOOST_CHECK(!r.IsBroken());
    BOOST_REQUIRE(r.Pop(m, e));
    BOOST_CHECK(e == WireError::NONE);
    BOOST_CHECK(m.Is<PptpOutgoingCallReply>());
    BOOST_REQUIRE(r.Pop(m, e));
    BOOST_CHECK(e == WireError::BAD_LENGTH);
    BOOST_REQUIRE(r.Pop(m, e));
    BOOST_CHECK(e == WireError::UNKNOWN_TYPE);
    BOOST_REQUIRE(r.Pop(m, e));
    BOOST_CHECK(e == WireError::BAD_MESSAGE_TYPE);
    BOOST_REQUIRE(r.Pop(m, e));
    BOOST_CHECK(e == WireError::NONE);
    BOOST_REQUIRE(m.Is<PptpEchoRequest>());
    BOOST_CHECK_EQUAL(m.GetBody<PptpEchoRequest>()->identifier, 0x11223344u);
    BOOST_CHECK(!r.Pop(m, e));
    BOOST_CHECK(!r.IsBroken());
    BOOST_CHECK(r.GetBrokenReason() == WireError::NONE);
    BOOST_CHECK_EQUAL(r.GetMessagesReceived(), 3u);
    BOOST_CHECK_EQUAL(r.GetErrors(), 4u);
    BOOST_CHECK_EQUAL(r.GetBufferedBytes(), 0u);
}

BOOST_AUTO_TEST_CASE(BadLengthWaitsForTheWholeClaimedLength)
{
    // A plausible but wrong Length: the reassembler waits for that many octets, then skips them.
    Bytes bad = WithLength(5, 300);
    PptpControlStreamReassembler r;
    r.Push(bad.data(), 299);
    PptpControlMessage m;
    WireError e;
    BOOST_CHECK(!r.Pop(m, e));
    BOOST_CHECK(!r.IsBroken());
    r.Push(&bad[299], 1);
    BOOST_REQUIRE(r.Pop(m, e));
    BOOST_CHECK(e == WireError::BAD_LENGTH);
    BOOST_CHECK(!r.IsBroken());
    BOOST_CHECK_EQUAL(r.GetBufferedBytes(), 0u);
}

BOOST_AUTO_TEST_CASE(BadMagicBreaksTheStream)
{
    auto session = SampleSession();
    Bytes bad = session[2];
    bad[4] = 0x00;
    Bytes stream = Append({session[0], bad, session[1]});
    PptpControlStreamReassembler r;
    r.Push(stream.data(), stream.size());
    PptpControlMessage m;
    WireError e;
    BOOST_REQUIRE(r.Pop(m, e));
    BOOST_CHECK(e == WireError::NONE);
    BOOST_REQUIRE(r.Pop(m, e));
    BOOST_CHECK(e == WireError::BAD_MAGIC);
    BOOST_CHECK(r.IsBroken());
    BOOST_CHECK(r.GetBrokenReason() == WireError::BAD_MAGIC);
    // Reported once; the good message after it is not trusted, nor is later input.
    BOOST_CHECK(!r.Pop(m, e));
    r.Push(session[1].data(), session[1].size());
    BOOST_CHECK(!r.Pop(m, e));
    BOOST_CHECK_EQUAL(r.GetMessagesReceived(), 1u);
    BOOST_CHECK_EQUAL(r.GetErrors(), 1u);
    BOOST_CHECK_EQUAL(r.GetBytesReceived(), stream.size() + session[1].size());
    BOOST_CHECK_EQUAL(r.GetBufferedBytes(), 0u);
}

BOOST_AUTO_TEST_CASE(BadMagicIsSeenAfterEightOctets)
{
    // The stream is declared lost as soon as the cookie can be read, without waiting for
    // the (untrustworthy) Length.
    Bytes bad = FromHex("ffff0001deadbeef");
    PptpControlStreamReassembler r;
    PptpControlMessage m;
    WireError e;
    r.Push(bad.data(), 7);
    BOOST_CHECK(!r.Pop(m, e));
    r.Push(&bad[7], 1);
    BOOST_REQUIRE(r.Pop(m, e));
    BOOST_CHECK(e == WireError::BAD_MAGIC);
    BOOST_CHECK(r.IsBroken());
}

BOOST_AUTO_TEST_CASE(LengthBelowTheHeaderBreaksTheStream)
{
    for (uint16_t length : {0, 1, 11})
    {
        Bytes bad = WithLength(5, 16);
        bad[0] = static_cast<uint8_t>(length >> 8);
        bad[1] = static_cast<uint8_t>(length);
        PptpControlStreamReassembler r;
        PptpControlMessage m;
        WireError e;
        r.Push(bad.data(), 1);
        BOOST_CHECK(!r.Pop(m, e));
        r.Push(&bad[1], 1);
        BOOST_REQUIRE(r.Pop(m, e));
        BOOST_CHECK(e == WireError::BAD_LENGTH);
        BOOST_CHECK(r.IsBroken());
        BOOST_CHECK(r.GetBrokenReason() == WireError::BAD_LENGTH);
        r.Push(&bad[2], bad.size() - 2);
        BOOST_CHECK(!r.Pop(m, e));
    }
}

BOOST_AUTO_TEST_CASE(ResetStartsAgain)
{
    auto session = SampleSession();
    PptpControlStreamReassembler r;
    Bytes bad = FromHex("0010000100000000");
    r.Push(bad.data(), bad.size());
    PptpControlMessage m;
    WireError e;
    BOOST_REQUIRE(r.Pop(m, e));
    BOOST_CHECK(r.IsBroken());
    r.Reset();
    BOOST_CHECK(!r.IsBroken());
    BOOST_CHECK_EQUAL(r.GetErrors(), 0u);
    BOOST_CHECK_EQUAL(r.GetBytesReceived(), 0u);
    r.Push(session[1].data(), session[1].size());
    BOOST_REQUIRE(r.Pop(m, e));
    BOOST_CHECK(e == WireError::NONE);
    BOOST_CHECK(m.Is<PptpOutgoingCallReply>());
}

BOOST_AUTO_TEST_CASE(RandomSplitOfFiftyMessages)
{
    std::mt19937 rng(20260);
    std::vector<Bytes> messages;
    for (int i = 0; i < 50; ++i)
    {
        messages.push_back(RandomMessage(rng, static_cast<uint16_t>(1 + rng() % 15)));
    }
    Bytes stream = Append(messages);
    for (int round = 0; round < 20; ++round)
    {
        PptpControlStreamReassembler r;
        std::vector<Bytes> got;
        std::vector<WireError> errors;
        std::size_t pos = 0;
        std::size_t pieces = 0;
        while (pos < stream.size())
        {
            // Segments from 1 octet to a few messages long.
            std::size_t n = 1 + rng() % (round % 2 == 0 ? 40 : 700);
            n = std::min(n, stream.size() - pos);
            if (rng() % 2 == 0)
            {
                r.Push(&stream[pos], n);
            }
            else
            {
                r.Push(Create<Packet>(&stream[pos], static_cast<uint32_t>(n)));
            }
            pos += n;
            ++pieces;
            // Sometimes the reader lags behind several segments.
            if (rng() % 3 != 0)
            {
                Drain(r, got, errors);
            }
        }
        Drain(r, got, errors);
        BOOST_CHECK(errors.empty());
        BOOST_REQUIRE_EQUAL(got.size(), messages.size());
        for (std::size_t i = 0; i < got.size(); ++i)
        {
            if (got[i] != messages[i])
            {
                BOOST_ERROR("round " << round << " message " << i << " differs");
            }
        }
        BOOST_CHECK_EQUAL(r.GetBytesReceived(), stream.size());
        BOOST_CHECK_EQUAL(r.GetMessagesReceived(), 50u);
        BOOST_CHECK_EQUAL(r.GetBufferedBytes(), 0u);
        BOOST_TEST_MESSAGE("round " << round << ": " << pieces << " segments");
    }
}

BOOST_AUTO_TEST_SUITE_END()
