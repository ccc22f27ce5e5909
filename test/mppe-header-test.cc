/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The MPPE data header (RFC 3078 s.3.1): exact bytes, the headers of real
// MPPE frames from chapcrack_sample_pptp-only.pcap, every one of the 16 flag
// combinations, every coherency count, and the wrap from 4095 to 0.

#include "mppe-header.h"
#include "pptp-test-util.h"

#include <boost/test/unit_test.hpp>
#include <sstream>
#include <string>

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

/// One real MPPE frame: its PPP payload (protocol 0xFD compressed by PFC) and what it holds.
struct RealFrame
{
    unsigned frame;  //!< frame number in the capture
    const char* hex; //!< PPP protocol octet, MPPE header, start of the encrypted data
    uint16_t count;  //!< coherency count tshark shows
};

/// chapcrack_sample_pptp-only.pcap: the first MPPE frames of each direction, as
/// `tshark -x` shows them (payloads cut after a few octets of encrypted data).
const RealFrame REAL_FRAMES[] = {
    {36, "fd90000bf9a4d469ea949d4bec42371f", 0},
    {37, "fd900083349f5388b714fbd5dbc01ddc", 0},
    {38, "fd90013ea4c90a083ccd33f8b92d5267", 1},
    {39, "fd9001ebb9edf2f3b0b08311d0c4c394", 1},
    {40, "fd9002645af4135262eaa757d94fe8f8", 2},
    {42, "fd900220275c5fc304006805a636d023", 2},
    {47, "fd90040c7a2d6d55ce021e2a714a490a", 4},
    {64, "fd900b4af57b761265f74535547cec4f", 11},
    {69, "fd900f757865f56223a71ff8120f5a05", 15},
};

} // namespace

BOOST_AUTO_TEST_SUITE(MppeHeaderSuite)

BOOST_AUTO_TEST_CASE(TypeIdIsRegistered)
{
    TypeId tid = MppeHeader::GetTypeId();
    BOOST_TEST(tid.GetName() == "ns3::MppeHeader");
    BOOST_TEST(tid.GetGroupName() == "Pptp");
    BOOST_TEST(tid.GetParent() == Header::GetTypeId());
    BOOST_TEST(tid.HasConstructor());
    BOOST_TEST(MppeHeader().GetInstanceTypeId() == tid);
    BOOST_TEST(MppeHeader::PROTOCOL == 0x00fd);
}

BOOST_AUTO_TEST_CASE(DefaultIsEncryptedCountZero)
{
    MppeHeader header;
    BOOST_TEST(header.GetSerializedSize() == 2U);
    BOOST_TEST(header.IsEncrypted());
    BOOST_TEST(!header.IsFlushed());
    BOOST_TEST(!header.IsCompressed());
    BOOST_TEST(header.GetCoherencyCount() == 0);
    // A=0 B=0 C=0 D=1, count 0.
    BOOST_TEST(ToHex(BytesOf(header)) == "1000");
}

BOOST_AUTO_TEST_CASE(ExactBytes)
{
    MppeHeader header;
    header.SetFlushed(true);
    header.SetCoherencyCount(0);
    // A=1 D=1: 1001 0000, count 0.
    BOOST_TEST(ToHex(BytesOf(header)) == "9000");
    header.SetCoherencyCount(0x123);
    // The count's high nibble shares the first octet with the flags.
    BOOST_TEST(ToHex(BytesOf(header)) == "9123");
    header.SetFlushed(false);
    header.SetCoherencyCount(4095);
    BOOST_TEST(ToHex(BytesOf(header)) == "1fff");
    BOOST_TEST(header.GetFlags() == 0x10);
    // The encoder also writes the MPPC bit C and a clear D (the decoder refuses them).
    header.SetCompressed(true);
    header.SetEncrypted(false);
    header.SetFlushed(true);
    header.SetCoherencyCount(1);
    BOOST_TEST(ToHex(BytesOf(header)) == "a001");
    BOOST_TEST(header.IsCompressed());
    BOOST_TEST(!header.IsEncrypted());
    BOOST_TEST(header.GetFlags() == 0xa0);
}

BOOST_AUTO_TEST_CASE(RealFrames)
{
    for (const RealFrame& real : REAL_FRAMES)
    {
        Bytes bytes = FromHex(real.hex);
        BOOST_REQUIRE(bytes[0] == MppeHeader::PROTOCOL);
        Bytes payload(bytes.begin() + 1, bytes.end());
        MppeHeader header;
        BOOST_TEST(Decode(header, payload) == 2U, "frame " << real.frame);
        BOOST_TEST(header.GetError() == WireError::NONE, "frame " << real.frame);
        BOOST_TEST(header.IsFlushed(), "frame " << real.frame);
        BOOST_TEST(header.IsEncrypted(), "frame " << real.frame);
        BOOST_TEST(!header.IsCompressed(), "frame " << real.frame);
        BOOST_TEST(header.GetCoherencyCount() == real.count, "frame " << real.frame);
        BOOST_TEST(ToHex(BytesOf(header)) == ToHex(Bytes(payload.begin(), payload.begin() + 2)),
                   "frame " << real.frame);
    }
}

BOOST_AUTO_TEST_CASE(EveryFlagCombination)
{
    for (unsigned nibble = 0; nibble < 16; ++nibble)
    {
        uint8_t flags = static_cast<uint8_t>(nibble << 4);
        MppeHeader header;
        uint32_t consumed = Decode(header, Bytes{static_cast<uint8_t>(flags | 0x0a), 0xbc});
        // MPPE without MPPC: B and C clear, D set; A either way.
        bool valid = (flags & 0x60) == 0 && (flags & 0x10) != 0;
        if (valid)
        {
            BOOST_TEST(consumed == 2U, "flags " << nibble);
            BOOST_TEST(header.GetError() == WireError::NONE);
            BOOST_TEST(header.GetFlags() == flags);
            BOOST_TEST(header.IsFlushed() == ((flags & 0x80) != 0));
            BOOST_TEST(header.GetCoherencyCount() == 0xabc);
            BOOST_TEST(ToHex(BytesOf(header))
                       == ToHex(Bytes{static_cast<uint8_t>(flags | 0x0a), 0xbc}));
        }
        else
        {
            BOOST_TEST(consumed == 0U, "flags " << nibble);
            BOOST_TEST(header.GetError() == WireError::BAD_FLAGS, "flags " << nibble);
        }
    }
}

BOOST_AUTO_TEST_CASE(EveryCoherencyCountRoundTrips)
{
    for (uint16_t count = 0; count <= MppeHeader::MAX_COHERENCY_COUNT; ++count)
    {
        MppeHeader header;
        header.SetFlushed(true);
        header.SetCoherencyCount(count);
        Bytes bytes = BytesOf(header);
        BOOST_REQUIRE(bytes.size() == 2U);
        BOOST_REQUIRE(bytes[0] == (0x90 | count >> 8));
        BOOST_REQUIRE(bytes[1] == (count & 0xff));
        MppeHeader decoded;
        BOOST_REQUIRE(Decode(decoded, bytes) == 2U);
        BOOST_REQUIRE(decoded.GetCoherencyCount() == count);
        BOOST_REQUIRE(decoded.IsFlushed());
    }
}

BOOST_AUTO_TEST_CASE(EveryTwoOctetInput)
{
    // Exhaustive: each of the 65536 inputs either decodes and re-encodes to itself, or is
    // refused as BAD_FLAGS exactly when B or C is set or D is clear.
    unsigned decoded = 0;
    for (uint32_t word = 0; word <= 0xffff; ++word)
    {
        Bytes bytes{static_cast<uint8_t>(word >> 8), static_cast<uint8_t>(word)};
        MppeHeader header;
        uint32_t consumed = Decode(header, bytes);
        bool valid = (word & 0x6000) == 0 && (word & 0x1000) != 0;
        BOOST_REQUIRE_EQUAL(consumed, valid ? 2U : 0U);
        if (valid)
        {
            ++decoded;
            BOOST_REQUIRE(header.GetError() == WireError::NONE);
            BOOST_REQUIRE_EQUAL(ToHex(BytesOf(header)), ToHex(bytes));
        }
        else
        {
            BOOST_REQUIRE(header.GetError() == WireError::BAD_FLAGS);
        }
    }
    BOOST_TEST(decoded == 2U * 4096U);
}

BOOST_AUTO_TEST_CASE(Truncated)
{
    MppeHeader header;
    BOOST_TEST(Decode(header, Bytes()) == 0U);
    BOOST_TEST(header.GetError() == WireError::TRUNCATED);
    BOOST_TEST(Decode(header, FromHex("90")) == 0U);
    BOOST_TEST(header.GetError() == WireError::TRUNCATED);
    // A later good decode clears the error.
    BOOST_TEST(Decode(header, FromHex("9001")) == 2U);
    BOOST_TEST(header.GetError() == WireError::NONE);
}

BOOST_AUTO_TEST_CASE(PayloadIsNotConsumed)
{
    MppeHeader header;
    Ptr<Packet> packet = PacketOf(FromHex("9005 d2a9d133f6b6"));
    BOOST_TEST(packet->RemoveHeader(header) == 2U);
    BOOST_TEST(header.GetCoherencyCount() == 5);
    BOOST_TEST(ToHex(BytesOf(packet)) == "d2a9d133f6b6");
}

BOOST_AUTO_TEST_CASE(CoherencyCountArithmetic)
{
    BOOST_TEST(MppeHeader::NextCoherencyCount(0) == 1);
    BOOST_TEST(MppeHeader::NextCoherencyCount(4094) == 4095);
    BOOST_TEST(MppeHeader::NextCoherencyCount(4095) == 0);
    BOOST_TEST(MppeHeader::CoherencyCountDistance(7, 7) == 0);
    BOOST_TEST(MppeHeader::CoherencyCountDistance(7, 8) == 1);
    BOOST_TEST(MppeHeader::CoherencyCountDistance(4095, 0) == 1);
    BOOST_TEST(MppeHeader::CoherencyCountDistance(4090, 3) == 9);
    BOOST_TEST(MppeHeader::CoherencyCountDistance(8, 7) == 4095);
}

BOOST_AUTO_TEST_CASE(PrintShowsEveryField)
{
    MppeHeader header;
    Decode(header, FromHex("900b"));
    std::string text = Printed(header);
    BOOST_TEST(text.find("flags=0x90") != std::string::npos, text);
    BOOST_TEST(text.find("A:flushed") != std::string::npos, text);
    BOOST_TEST(text.find("D:encrypted") != std::string::npos, text);
    BOOST_TEST(text.find("coherency-count=11") != std::string::npos, text);

    Decode(header, FromHex("6fff"));
    text = Printed(header);
    BOOST_TEST(text.find("flags=0x60") != std::string::npos, text);
    BOOST_TEST(text.find("B:at-front") != std::string::npos, text);
    BOOST_TEST(text.find("C:compressed") != std::string::npos, text);
    BOOST_TEST(text.find("d:not-encrypted") != std::string::npos, text);
    BOOST_TEST(text.find("BAD_FLAGS") != std::string::npos, text);
}

BOOST_AUTO_TEST_SUITE_END()
