/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// CHAP packets (RFC 1994 s.4): exact bytes of hand-derived layouts, the
// MS-CHAPv2 Challenge / Response / Success packets of two real captures
// (decoded and re-encoded to identical bytes), and every decoder error.

#include "chap-packet.h"
#include "pptp-test-util.h"

#include <boost/test/unit_test.hpp>
#include <sstream>
#include <string>

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

/// The error a decode of these bytes reports (checking that it returned 0).
const auto ErrorOf = DecodeError<ChapPacket>;

// CHAP packets after the PPP protocol field c223, from `tshark -x`.
// chapcrack_pptp.cap frames 1-3 (pptpd server, client "moxie").
const char* const CAP_CHALLENGE = "01b0001a10258d4fc024f111512d0b61f9c375aee17070747064";
const char* const CAP_RESPONSE = "02b0003b31abfe01e6c759850155b4d8d6258cdb670000000000000000"
                                 "1c93abce815400686baeca315f348469256420598a73ad49006d6f786965";
const char* const CAP_SUCCESS = "03b0003f533d35343634344638314535463138433045453945323637373634"
                                "393544364243374144444642373637204d3d416363657373206772616e746564";
// chapcrack_sample_pptp-only.pcap frames 17-19.
const char* const SAMPLE_CHALLENGE = "0106001a10fc8c01b224aaa09c1bcc011187406c1e7070747064";
const char* const SAMPLE_RESPONSE
    = "0206003b31a8ec19457f2195684301395a026998050000000000000000549560de3582f59deb569acf592531a1"
      "0bf731f25ba1c36a006d6f786965";
const char* const SAMPLE_SUCCESS
    = "0306003f533d41373545433846363144443733454335443839463541433639383234343842353935453835"
      "373346204d3d416363657373206772616e746564";

/**
 * \brief Decode real bytes, check the decode is clean and consumed everything, and
 * that re-encoding gives the same bytes.
 * \param hex the bytes as hex
 * \param packet the decoded header
 */
void
DecodeRealPacket(const std::string& hex, ChapPacket& packet)
{
    Bytes bytes = FromHex(hex);
    BOOST_TEST(Decode(packet, bytes) == bytes.size());
    BOOST_TEST(packet.GetError() == WireError::NONE);
    BOOST_TEST(packet.GetLength() == bytes.size());
    BOOST_TEST(ToHex(BytesOf(packet)) == ToHex(bytes));
}

} // namespace

BOOST_AUTO_TEST_SUITE(ChapPacketSuite)

BOOST_AUTO_TEST_CASE(TypeIdIsRegistered)
{
    TypeId tid = ChapPacket::GetTypeId();
    BOOST_TEST(tid.GetName() == "ns3::ChapPacket");
    BOOST_TEST(tid.GetGroupName() == "Pptp");
    BOOST_TEST(tid.GetParent() == Header::GetTypeId());
    BOOST_TEST(tid.HasConstructor());
    BOOST_TEST(ChapPacket().GetInstanceTypeId() == tid);
}

BOOST_AUTO_TEST_CASE(CodeNames)
{
    BOOST_TEST(std::string(ChapPacket::CodeName(1)) == "Challenge");
    BOOST_TEST(std::string(ChapPacket::CodeName(2)) == "Response");
    BOOST_TEST(std::string(ChapPacket::CodeName(3)) == "Success");
    BOOST_TEST(std::string(ChapPacket::CodeName(4)) == "Failure");
    BOOST_TEST(std::string(ChapPacket::CodeName(0)) == "Unknown");
    BOOST_TEST(std::string(ChapPacket::CodeName(7)) == "Unknown");
}

BOOST_AUTO_TEST_CASE(Md5ChallengeExactBytes)
{
    ChapPacket packet;
    packet.SetCode(ChapPacket::CHALLENGE);
    packet.SetIdentifier(0x21);
    packet.SetValue(FromHex("000102030405060708090a0b0c0d0e0f"));
    packet.SetName("gw");
    // Code 1, Id 0x21, Length 4+1+16+2 = 23, Value-Size 16, Value, Name "gw".
    BOOST_TEST(packet.GetLength() == 23);
    BOOST_TEST(ToHex(BytesOf(packet))
               == "01210017"
                  "10"
                  "000102030405060708090a0b0c0d0e0f"
                  "6777");
}

BOOST_AUTO_TEST_CASE(ResponseWithOneOctetValueAndEmptyName)
{
    ChapPacket packet;
    packet.SetCode(ChapPacket::RESPONSE);
    packet.SetIdentifier(3);
    packet.SetValue(FromHex("aa"));
    BOOST_TEST(ToHex(BytesOf(packet))
               == "02030006"
                  "01"
                  "aa");
    ChapPacket decoded;
    BOOST_TEST(Decode(decoded, FromHex("02030006 01 aa")) == 6U);
    BOOST_TEST(decoded.GetError() == WireError::NONE);
    BOOST_TEST(ToHex(decoded.GetValue()) == "aa");
    BOOST_TEST(decoded.GetName().empty());
}

BOOST_AUTO_TEST_CASE(SuccessAndFailureExactBytes)
{
    ChapPacket success;
    success.SetCode(ChapPacket::SUCCESS);
    success.SetIdentifier(5);
    success.SetMessage("OK");
    BOOST_TEST(ToHex(BytesOf(success))
               == "03050006"
                  "4f4b");

    ChapPacket failure;
    failure.SetCode(ChapPacket::FAILURE);
    failure.SetIdentifier(5);
    // The Message may be empty: the packet is just the header.
    BOOST_TEST(ToHex(BytesOf(failure)) == "04050004");
    ChapPacket decoded;
    BOOST_TEST(Decode(decoded, FromHex("04050004")) == 4U);
    BOOST_TEST(decoded.GetError() == WireError::NONE);
    BOOST_TEST(decoded.GetCode() == ChapPacket::FAILURE);
    BOOST_TEST(decoded.GetMessage().empty());
}

BOOST_AUTO_TEST_CASE(RealMsChapV2Challenges)
{
    ChapPacket packet;
    DecodeRealPacket(CAP_CHALLENGE, packet);
    BOOST_TEST(packet.GetCode() == ChapPacket::CHALLENGE);
    BOOST_TEST(packet.GetIdentifier() == 0xb0);
    BOOST_TEST(packet.GetLength() == 26);
    BOOST_TEST(ToHex(packet.GetValue()) == "258d4fc024f111512d0b61f9c375aee1");
    BOOST_TEST(packet.GetName() == "pptpd");

    DecodeRealPacket(SAMPLE_CHALLENGE, packet);
    BOOST_TEST(packet.GetCode() == ChapPacket::CHALLENGE);
    BOOST_TEST(packet.GetIdentifier() == 6);
    BOOST_TEST(ToHex(packet.GetValue()) == "fc8c01b224aaa09c1bcc011187406c1e");
    BOOST_TEST(packet.GetName() == "pptpd");
}

BOOST_AUTO_TEST_CASE(RealMsChapV2Responses)
{
    ChapPacket packet;
    DecodeRealPacket(CAP_RESPONSE, packet);
    BOOST_TEST(packet.GetCode() == ChapPacket::RESPONSE);
    BOOST_TEST(packet.GetIdentifier() == 0xb0);
    BOOST_TEST(packet.GetLength() == 59);
    BOOST_TEST(packet.GetValue().size() == 49U);
    BOOST_TEST(ToHex(packet.GetValue())
               == "abfe01e6c759850155b4d8d6258cdb670000000000000000"
                  "1c93abce815400686baeca315f348469256420598a73ad4900");
    BOOST_TEST(packet.GetName() == "moxie");

    DecodeRealPacket(SAMPLE_RESPONSE, packet);
    BOOST_TEST(packet.GetCode() == ChapPacket::RESPONSE);
    BOOST_TEST(packet.GetValue().size() == 49U);
    BOOST_TEST(packet.GetName() == "moxie");
}

BOOST_AUTO_TEST_CASE(RealMsChapV2Successes)
{
    ChapPacket packet;
    DecodeRealPacket(CAP_SUCCESS, packet);
    BOOST_TEST(packet.GetCode() == ChapPacket::SUCCESS);
    BOOST_TEST(packet.GetLength() == 63);
    BOOST_TEST(packet.GetMessage()
               == "S=54644F81E5F18C0EE9E26776495D6BC7ADDFB767 M=Access granted");

    DecodeRealPacket(SAMPLE_SUCCESS, packet);
    BOOST_TEST(packet.GetCode() == ChapPacket::SUCCESS);
    BOOST_TEST(packet.GetIdentifier() == 6);
    BOOST_TEST(packet.GetMessage()
               == "S=A75EC8F61DD73EC5D89F5AC6982448B595E8573F M=Access granted");
}

BOOST_AUTO_TEST_CASE(BuiltPacketsEqualRealOnes)
{
    ChapPacket challenge;
    challenge.SetCode(ChapPacket::CHALLENGE);
    challenge.SetIdentifier(0xb0);
    challenge.SetValue(FromHex("258d4fc024f111512d0b61f9c375aee1"));
    challenge.SetName("pptpd");
    BOOST_TEST(ToHex(BytesOf(challenge)) == CAP_CHALLENGE);

    ChapPacket success;
    success.SetCode(ChapPacket::SUCCESS);
    success.SetIdentifier(0xb0);
    success.SetMessage("S=54644F81E5F18C0EE9E26776495D6BC7ADDFB767 M=Access granted");
    BOOST_TEST(ToHex(BytesOf(success)) == CAP_SUCCESS);
}

BOOST_AUTO_TEST_CASE(PaddingAfterLengthIsNotConsumed)
{
    ChapPacket packet;
    Bytes bytes = FromHex(std::string(SAMPLE_CHALLENGE) + "000000");
    BOOST_TEST(Decode(packet, bytes) == 26U);
    BOOST_TEST(packet.GetName() == "pptpd");
    BOOST_TEST(ToHex(BytesOf(packet)) == SAMPLE_CHALLENGE);
    BOOST_TEST(Decode(packet, FromHex("03010006 4f4b 4f4b")) == 6U);
    BOOST_TEST(packet.GetMessage() == "OK");
}

BOOST_AUTO_TEST_CASE(Truncated)
{
    BOOST_TEST(ErrorOf("") == WireError::TRUNCATED);
    BOOST_TEST(ErrorOf("010100") == WireError::TRUNCATED);
    // The real Challenge with its last octet missing.
    std::string challenge(SAMPLE_CHALLENGE);
    BOOST_TEST(ErrorOf(challenge.substr(0, challenge.size() - 2)) == WireError::TRUNCATED);
    BOOST_TEST(ErrorOf("0301ffff 4f4b") == WireError::TRUNCATED);
}

BOOST_AUTO_TEST_CASE(BadLength)
{
    // Length below the header.
    BOOST_TEST(ErrorOf("03010003 00") == WireError::BAD_LENGTH);
    BOOST_TEST(ErrorOf("01010000") == WireError::BAD_LENGTH);
    // Challenge and Response without Value-Size.
    BOOST_TEST(ErrorOf("01010004") == WireError::BAD_LENGTH);
    BOOST_TEST(ErrorOf("02010004 00") == WireError::BAD_LENGTH);
    // Value-Size 0: the Value is one or more octets.
    BOOST_TEST(ErrorOf("01010005 00") == WireError::BAD_LENGTH);
    BOOST_TEST(ErrorOf("02010007 00 6162") == WireError::BAD_LENGTH);
    // Value-Size overruns Length (the octets after Length do not count).
    BOOST_TEST(ErrorOf("01010007 03 aabb cc") == WireError::BAD_LENGTH);
    BOOST_TEST(ErrorOf("02010005 ff") == WireError::BAD_LENGTH);
}

BOOST_AUTO_TEST_CASE(UnknownCode)
{
    BOOST_TEST(ErrorOf("00010004") == WireError::UNKNOWN_TYPE);
    BOOST_TEST(ErrorOf("05010004") == WireError::UNKNOWN_TYPE);
    // MS-CHAPv2 Change-Password (code 7, RFC 2759 s.7) is not decoded.
    BOOST_TEST(ErrorOf("07010005 00") == WireError::UNKNOWN_TYPE);
}

BOOST_AUTO_TEST_CASE(PrintShowsEveryField)
{
    ChapPacket packet;
    DecodeRealPacket(CAP_CHALLENGE, packet);
    std::ostringstream os;
    packet.Print(os);
    std::string text = os.str();
    BOOST_TEST(text.find("Challenge (1)") != std::string::npos, text);
    BOOST_TEST(text.find("id=176") != std::string::npos, text);
    BOOST_TEST(text.find("length=26") != std::string::npos, text);
    BOOST_TEST(text.find("value-size=16") != std::string::npos, text);
    BOOST_TEST(text.find("value=0x258d4fc024f111512d0b61f9c375aee1") != std::string::npos, text);
    BOOST_TEST(text.find("name=\"pptpd\"") != std::string::npos, text);

    ChapPacket failure;
    failure.SetCode(ChapPacket::FAILURE);
    failure.SetMessage(std::string("E=691\r\n", 7));
    text = Printed(failure);
    BOOST_TEST(text.find("Failure (4)") != std::string::npos, text);
    BOOST_TEST(text.find("message=\"E=691\\x0d\\x0a\"") != std::string::npos, text);

    ChapPacket bad;
    Decode(bad, FromHex("09010004"));
    text = Printed(bad);
    BOOST_TEST(text.find("Unknown (9)") != std::string::npos, text);
    BOOST_TEST(text.find("UNKNOWN_TYPE") != std::string::npos, text);
}

BOOST_AUTO_TEST_CASE(EveryDecodedInputReEncodesIdentically)
{
    // Deterministic pseudo-random inputs with plausible codes and Length fields: whatever
    // decodes must re-encode to exactly the octets it consumed; the rest must say why.
    BOOST_TEST(ReEncodeRandomCodePackets<ChapPacket>(6) > 100U);
}

BOOST_AUTO_TEST_SUITE_END()
