/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// MS-CHAPv2 Response Value, Success and Failure messages (RFC 2759 s.4-6):
// the RFC 2759 s.9.2 vectors, the values of two real captures, hand-written
// texts, and every way the strict parsers refuse their input.

#include "chap-packet.h"
#include "mschapv2-message.h"
#include "pptp-test-util.h"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <sstream>
#include <string>

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

/**
 * \brief A string value from the RFC 2759 s.9.2 entry of /work/shared/vectors/vectors.json.
 * \param key the key inside the entry
 * \return the value (the test stops when it is missing)
 */
std::string
HashExampleVector(const std::string& key)
{
    std::ifstream in(SharedDir() + "/vectors/vectors.json");
    BOOST_REQUIRE_MESSAGE(in, "cannot open vectors.json under " << SharedDir());
    std::ostringstream all;
    all << in.rdbuf();
    const std::string text = all.str();
    std::size_t entry = text.find("\"rfc2759_s9_2_mschapv2_hash_example\"");
    BOOST_REQUIRE(entry != std::string::npos);
    std::size_t entryEnd = text.find('}', entry);
    std::string pattern = "\"" + key + "\": \"";
    std::size_t at = text.find(pattern, entry);
    BOOST_REQUIRE_MESSAGE(at != std::string::npos && at < entryEnd, "no " << key);
    at += pattern.size();
    std::size_t end = text.find('"', at);
    BOOST_REQUIRE(end != std::string::npos);
    return text.substr(at, end - at);
}

/**
 * \brief The CHAP packet of real bytes (checked to decode cleanly).
 * \param hex the CHAP packet as hex
 * \return the packet
 */
ChapPacket
ChapOf(const std::string& hex)
{
    ChapPacket packet;
    Bytes bytes = FromHex(hex);
    BOOST_REQUIRE(PacketOf(bytes)->PeekHeader(packet) == bytes.size());
    return packet;
}

/// A Failure message laid out by hand from RFC 2759 s.6.
const std::string FAILURE_TEXT
    = "E=691 R=1 C=00112233445566778899AABBCCDDEEFF V=3 M=Authentication failure";

} // namespace

BOOST_AUTO_TEST_SUITE(MsChapV2MessageSuite)

BOOST_AUTO_TEST_CASE(ResponseValueFromRfcVectors)
{
    Bytes value = FromHex(HashExampleVector("derived_chap_response_value_49"));
    BOOST_REQUIRE(value.size() == 49U);
    MsChapV2ResponseValue response;
    BOOST_TEST(response.Decode(value) == WireError::NONE);
    BOOST_TEST(ToHex(response.peerChallenge) == HashExampleVector("peer_challenge"));
    BOOST_TEST(ToHex(response.ntResponse) == HashExampleVector("nt_response"));
    BOOST_TEST(response.flags == 0);
    BOOST_TEST(ToHex(response.Encode()) == ToHex(value));
}

BOOST_AUTO_TEST_CASE(ResponseValueLayout)
{
    MsChapV2ResponseValue response;
    for (std::size_t k = 0; k < 16; ++k)
    {
        response.peerChallenge[k] = static_cast<uint8_t>(0x10 + k);
    }
    for (std::size_t k = 0; k < 24; ++k)
    {
        response.ntResponse[k] = static_cast<uint8_t>(0xa0 + k);
    }
    response.flags = 0x5a;
    uint8_t out[49];
    response.Encode(out);
    BOOST_TEST(ToHex(Bytes(out, out + 49))
               == "101112131415161718191a1b1c1d1e1f"
                  "0000000000000000"
                  "a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7"
                  "5a");
    MsChapV2ResponseValue decoded;
    BOOST_TEST(decoded.Decode(out, 49) == WireError::NONE);
    BOOST_TEST(decoded.flags == 0x5a);
    BOOST_TEST(ToHex(decoded.peerChallenge) == ToHex(response.peerChallenge));
    BOOST_TEST(ToHex(decoded.ntResponse) == ToHex(response.ntResponse));
}

BOOST_AUTO_TEST_CASE(RealResponseValues)
{
    // chapcrack_pptp.cap frame 2 and chapcrack_sample_pptp-only.pcap frame 18.
    ChapPacket packet = ChapOf("02b0003b31abfe01e6c759850155b4d8d6258cdb670000000000000000"
                               "1c93abce815400686baeca315f348469256420598a73ad49006d6f786965");
    MsChapV2ResponseValue response;
    BOOST_TEST(response.Decode(packet.GetValue()) == WireError::NONE);
    BOOST_TEST(ToHex(response.peerChallenge) == "abfe01e6c759850155b4d8d6258cdb67");
    BOOST_TEST(ToHex(response.ntResponse) == "1c93abce815400686baeca315f348469256420598a73ad49");
    BOOST_TEST(response.flags == 0);
    BOOST_TEST(ToHex(response.Encode()) == ToHex(packet.GetValue()));

    packet = ChapOf("0206003b31a8ec19457f2195684301395a026998050000000000000000549560de3582f59d"
                    "eb569acf592531a10bf731f25ba1c36a006d6f786965");
    BOOST_TEST(response.Decode(packet.GetValue()) == WireError::NONE);
    BOOST_TEST(ToHex(response.peerChallenge) == "a8ec19457f2195684301395a02699805");
    BOOST_TEST(ToHex(response.ntResponse) == "549560de3582f59deb569acf592531a10bf731f25ba1c36a");
    BOOST_TEST(ToHex(response.Encode()) == ToHex(packet.GetValue()));
}

BOOST_AUTO_TEST_CASE(ResponseValueErrors)
{
    Bytes value = FromHex(HashExampleVector("derived_chap_response_value_49"));
    MsChapV2ResponseValue response;
    response.flags = 0x77;
    BOOST_TEST(response.Decode(Bytes()) == WireError::BAD_LENGTH);
    BOOST_TEST(response.Decode(Bytes(value.begin(), value.end() - 1)) == WireError::BAD_LENGTH);
    Bytes longer = value;
    longer.push_back(0);
    BOOST_TEST(response.Decode(longer) == WireError::BAD_LENGTH);
    // A 16-octet MD5 response is not an MS-CHAPv2 value.
    BOOST_TEST(response.Decode(Bytes(16, 0)) == WireError::BAD_LENGTH);
    for (std::size_t k = 16; k < 24; ++k)
    {
        Bytes bad = value;
        bad[k] = 0x01;
        BOOST_TEST(response.Decode(bad) == WireError::BAD_VALUE, "reserved octet " << k);
    }
    // A refused value leaves the fields as they were.
    BOOST_TEST(response.flags == 0x77);
    BOOST_TEST(ToHex(response.peerChallenge) == std::string(32, '0'));
}

BOOST_AUTO_TEST_CASE(ResponseValuePrint)
{
    MsChapV2ResponseValue response;
    response.Decode(FromHex(HashExampleVector("derived_chap_response_value_49")));
    std::string text = Printed(response);
    BOOST_TEST(text.find("peer-challenge=21402324255E262A28295F2B3A337C7E") != std::string::npos,
               text);
    BOOST_TEST(text.find("nt-response=82309ECD8D708B5EA08FAA3981CD83544233114A3D85D6DF")
                   != std::string::npos,
               text);
    BOOST_TEST(text.find("flags=0x00") != std::string::npos, text);
}

BOOST_AUTO_TEST_CASE(SuccessFromRfcExample)
{
    // RFC 2759 s.9.2: the authenticator response as printed, the bare S= form.
    std::string text = HashExampleVector("authenticator_response");
    BOOST_REQUIRE(text == "S=407A5589115FD0D6209F510FE9C04566932CDA56");
    MsChapV2Success success;
    BOOST_TEST(success.Parse(text) == WireError::NONE);
    BOOST_TEST(ToHex(success.authenticatorResponse) == "407a5589115fd0d6209f510fe9c04566932cda56");
    BOOST_TEST(!success.hasMessage);
    BOOST_TEST(success.message.empty());
    BOOST_TEST(success.Format() == text);
}

BOOST_AUTO_TEST_CASE(SuccessLowerCaseInput)
{
    MsChapV2Success success;
    BOOST_TEST(success.Parse("S=407a5589115fd0d6209f510fe9c04566932cda56 M=hi") == WireError::NONE);
    BOOST_TEST(ToHex(success.authenticatorResponse) == "407a5589115fd0d6209f510fe9c04566932cda56");
    BOOST_TEST(success.hasMessage);
    BOOST_TEST(success.message == "hi");
    // Output is upper case, as the RFC requires.
    BOOST_TEST(success.Format() == "S=407A5589115FD0D6209F510FE9C04566932CDA56 M=hi");
}

BOOST_AUTO_TEST_CASE(RealSuccessMessages)
{
    // chapcrack_pptp.cap frame 3 and chapcrack_sample_pptp-only.pcap frame 19.
    ChapPacket packet = ChapOf("03b0003f533d35343634344638314535463138433045453945323637373634"
                               "393544364243374144444642373637204d3d416363657373206772616e746564");
    MsChapV2Success success;
    BOOST_TEST(success.Parse(packet.GetMessage()) == WireError::NONE);
    BOOST_TEST(ToHex(success.authenticatorResponse) == "54644f81e5f18c0ee9e26776495d6bc7addfb767");
    BOOST_TEST(success.hasMessage);
    BOOST_TEST(success.message == "Access granted");
    BOOST_TEST(success.Format() == packet.GetMessage());

    packet = ChapOf("0306003f533d41373545433846363144443733454335443839463541433639383234343842"
                    "353935453835373346204d3d416363657373206772616e746564");
    BOOST_TEST(success.Parse(packet.GetMessage()) == WireError::NONE);
    BOOST_TEST(ToHex(success.authenticatorResponse) == "a75ec8f61dd73ec5d89f5ac6982448b595e8573f");
    BOOST_TEST(success.message == "Access granted");
    BOOST_TEST(success.Format() == packet.GetMessage());
}

BOOST_AUTO_TEST_CASE(SuccessEmptyAndSpacedMessages)
{
    MsChapV2Success success;
    BOOST_TEST(success.Parse("S=407A5589115FD0D6209F510FE9C04566932CDA56 M=") == WireError::NONE);
    BOOST_TEST(success.hasMessage);
    BOOST_TEST(success.message.empty());
    BOOST_TEST(success.Format() == "S=407A5589115FD0D6209F510FE9C04566932CDA56 M=");
    BOOST_TEST(success.Parse("S=407A5589115FD0D6209F510FE9C04566932CDA56 M= a  M=b ")
               == WireError::NONE);
    BOOST_TEST(success.message == " a  M=b ");
}

BOOST_AUTO_TEST_CASE(SuccessBadText)
{
    const std::string hex = "407A5589115FD0D6209F510FE9C04566932CDA56";
    const char* const bad[] = {
        "",
        "S=",
        "S",
        "s=407A5589115FD0D6209F510FE9C04566932CDA56",  // lower-case S
        " S=407A5589115FD0D6209F510FE9C04566932CDA56", // leading space
        "S=407A5589115FD0D6209F510FE9C04566932CDA5",   // 39 digits
        "S=407A5589115FD0D6209F510FE9C04566932CDA560", // 41 digits
        "S=407A5589115FD0D6209F510FE9C04566932CDA5G",  // not a hex digit
        "S=407A5589115FD0D6209F510FE9C04566932CDA56M=x",
        "S=407A5589115FD0D6209F510FE9C04566932CDA56 ",
        "S=407A5589115FD0D6209F510FE9C04566932CDA56 M",
        "S=407A5589115FD0D6209F510FE9C04566932CDA56  M=x",
        "S=407A5589115FD0D6209F510FE9C04566932CDA56 X=x",
        "E=691 R=1 C=00112233445566778899AABBCCDDEEFF V=3 M=no",
    };
    for (const char* text : bad)
    {
        MsChapV2Success success;
        success.message = "kept";
        BOOST_TEST(success.Parse(text) == WireError::BAD_TEXT, "text: " << text);
        BOOST_TEST(success.message == "kept");
        BOOST_TEST(success.hasMessage);
    }
    // A NUL inside the text (a std::string may hold one) is no hex digit either.
    MsChapV2Success success;
    BOOST_TEST(success.Parse(std::string("S=407A\0", 7) + hex.substr(5)) == WireError::BAD_TEXT);
    BOOST_TEST(success.Parse("S=" + hex + std::string(" M=\0x", 5)) == WireError::NONE);
    BOOST_TEST(success.message == std::string("\0x", 2));
}

BOOST_AUTO_TEST_CASE(SuccessPrint)
{
    MsChapV2Success success;
    success.Parse("S=407A5589115FD0D6209F510FE9C04566932CDA56 M=Access granted");
    std::string text = Printed(success);
    BOOST_TEST(text.find("authenticator-response=407A5589115FD0D6209F510FE9C04566932CDA56")
                   != std::string::npos,
               text);
    BOOST_TEST(text.find("message=\"Access granted\"") != std::string::npos, text);
}

BOOST_AUTO_TEST_CASE(ErrorCodeNames)
{
    BOOST_TEST(std::string(MsChapV2ErrorCodeName(646)) == "ERROR_RESTRICTED_LOGON_HOURS");
    BOOST_TEST(std::string(MsChapV2ErrorCodeName(647)) == "ERROR_ACCT_DISABLED");
    BOOST_TEST(std::string(MsChapV2ErrorCodeName(648)) == "ERROR_PASSWD_EXPIRED");
    BOOST_TEST(std::string(MsChapV2ErrorCodeName(649)) == "ERROR_NO_DIALIN_PERMISSION");
    BOOST_TEST(std::string(MsChapV2ErrorCodeName(691)) == "ERROR_AUTHENTICATION_FAILURE");
    BOOST_TEST(std::string(MsChapV2ErrorCodeName(709)) == "ERROR_CHANGING_PASSWORD");
    BOOST_TEST(std::string(MsChapV2ErrorCodeName(0)) == "UNKNOWN_ERROR");
    BOOST_TEST(std::string(MsChapV2ErrorCodeName(650)) == "UNKNOWN_ERROR");
    BOOST_TEST(static_cast<uint32_t>(MsChapV2ErrorCode::ERROR_AUTHENTICATION_FAILURE) == 691U);
    BOOST_TEST(static_cast<uint32_t>(MsChapV2ErrorCode::ERROR_CHANGING_PASSWORD) == 709U);
}

BOOST_AUTO_TEST_CASE(FailureFormat)
{
    MsChapV2Failure failure;
    failure.errorCode = static_cast<uint32_t>(MsChapV2ErrorCode::ERROR_AUTHENTICATION_FAILURE);
    failure.retry = true;
    Bytes challenge = FromHex("00112233445566778899aabbccddeeff");
    std::copy(challenge.begin(), challenge.end(), failure.challenge.begin());
    failure.version = 3;
    failure.message = "Authentication failure";
    BOOST_TEST(failure.Format() == FAILURE_TEXT);

    failure.errorCode = 648;
    failure.retry = false;
    failure.version = 0;
    failure.hasMessage = false;
    BOOST_TEST(failure.Format() == "E=648 R=0 C=00112233445566778899AABBCCDDEEFF V=0");
}

BOOST_AUTO_TEST_CASE(FailureParse)
{
    MsChapV2Failure failure;
    BOOST_TEST(failure.Parse(FAILURE_TEXT) == WireError::NONE);
    BOOST_TEST(failure.errorCode == 691U);
    BOOST_TEST(failure.retry);
    BOOST_TEST(ToHex(failure.challenge) == "00112233445566778899aabbccddeeff");
    BOOST_TEST(failure.version == 3U);
    BOOST_TEST(failure.hasMessage);
    BOOST_TEST(failure.message == "Authentication failure");
    BOOST_TEST(failure.Format() == FAILURE_TEXT);

    // The form pppd sends: version 0, lower-case challenge digits accepted.
    BOOST_TEST(failure.Parse("E=649 R=0 C=0123456789abcdefABCDEF0123456789 V=0 M=Access denied")
               == WireError::NONE);
    BOOST_TEST(failure.errorCode == 649U);
    BOOST_TEST(std::string(MsChapV2ErrorCodeName(failure.errorCode))
               == "ERROR_NO_DIALIN_PERMISSION");
    BOOST_TEST(!failure.retry);
    BOOST_TEST(ToHex(failure.challenge) == "0123456789abcdefabcdef0123456789");
    BOOST_TEST(failure.version == 0U);
    BOOST_TEST(failure.message == "Access denied");

    // Without M=, a 10-digit code and the largest 32-bit version.
    BOOST_TEST(failure.Parse("E=4294967295 R=1 C=FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF V=4294967295")
               == WireError::NONE);
    BOOST_TEST(failure.errorCode == 4294967295U);
    BOOST_TEST(failure.version == 4294967295U);
    BOOST_TEST(!failure.hasMessage);
    BOOST_TEST(failure.message.empty());
    BOOST_TEST(std::string(MsChapV2ErrorCodeName(failure.errorCode)) == "UNKNOWN_ERROR");
}

BOOST_AUTO_TEST_CASE(FailureInAChapPacket)
{
    ChapPacket packet;
    packet.SetCode(ChapPacket::FAILURE);
    packet.SetIdentifier(0xb0);
    packet.SetMessage(FAILURE_TEXT);
    Bytes bytes = BytesOf(packet);
    BOOST_TEST(bytes.size() == 4U + FAILURE_TEXT.size());
    ChapPacket decoded;
    BOOST_REQUIRE(PacketOf(bytes)->PeekHeader(decoded) == bytes.size());
    MsChapV2Failure failure;
    BOOST_TEST(failure.Parse(decoded.GetMessage()) == WireError::NONE);
    BOOST_TEST(failure.errorCode == 691U);
}

BOOST_AUTO_TEST_CASE(FailureBadText)
{
    const char* const bad[] = {
        "",
        "E=691",
        "E=691 R=1",                                                // no C (MS-CHAPv1 form)
        "E=691 R=1 V=3 M=x",                                        // no C
        "E=691 R=1 C=00112233445566778899AABBCCDDEEFF",             // no V
        "E=691 R=1 C=00112233445566778899AABBCCDDEEFF M=x",         // no V
        "E= R=1 C=00112233445566778899AABBCCDDEEFF V=3",            // E without digits
        "E=69a R=1 C=00112233445566778899AABBCCDDEEFF V=3",         // E not decimal
        "E=-691 R=1 C=00112233445566778899AABBCCDDEEFF V=3",        // E negative
        "E=12345678901 R=1 C=00112233445566778899AABBCCDDEEFF V=3", // 11 digits
        "E=4294967296 R=1 C=00112233445566778899AABBCCDDEEFF V=3",  // beyond 32 bits
        "E=691 R=2 C=00112233445566778899AABBCCDDEEFF V=3",         // R not 0 or 1
        "E=691 R= C=00112233445566778899AABBCCDDEEFF V=3",          // R empty
        "E=691 R=10 C=00112233445566778899AABBCCDDEEFF V=3",        // R two digits
        "E=691 R=1 C=00112233445566778899AABBCCDDEEF V=3",          // 31 digits
        "E=691 R=1 C=00112233445566778899AABBCCDDEEFF0 V=3",        // 33 digits
        "E=691 R=1 C=00112233445566778899AABBCCDDEEFG V=3",         // not hex
        "E=691 R=1 C=00112233445566778899AABBCCDDEEFF V=",          // V without digits
        "E=691 R=1 C=00112233445566778899AABBCCDDEEFF V=3x",        // junk after V
        "E=691 R=1 C=00112233445566778899AABBCCDDEEFF V=3 ",        // space, no M=
        "E=691 R=1 C=00112233445566778899AABBCCDDEEFF V=3 m=x",     // lower-case m
        "R=1 E=691 C=00112233445566778899AABBCCDDEEFF V=3",         // out of order
        "E=691  R=1 C=00112233445566778899AABBCCDDEEFF V=3",        // two spaces
        "e=691 R=1 C=00112233445566778899AABBCCDDEEFF V=3",         // lower-case e
        "S=407A5589115FD0D6209F510FE9C04566932CDA56 M=Access granted",
    };
    for (const char* text : bad)
    {
        MsChapV2Failure failure;
        failure.errorCode = 1;
        failure.message = "kept";
        BOOST_TEST(failure.Parse(text) == WireError::BAD_TEXT, "text: " << text);
        BOOST_TEST(failure.errorCode == 1U);
        BOOST_TEST(failure.message == "kept");
    }
}

BOOST_AUTO_TEST_CASE(FailurePrint)
{
    MsChapV2Failure failure;
    failure.Parse(FAILURE_TEXT);
    std::string text = Printed(failure);
    BOOST_TEST(text.find("error=691 (ERROR_AUTHENTICATION_FAILURE)") != std::string::npos, text);
    BOOST_TEST(text.find("retry=1") != std::string::npos, text);
    BOOST_TEST(text.find("challenge=00112233445566778899AABBCCDDEEFF") != std::string::npos, text);
    BOOST_TEST(text.find("version=3") != std::string::npos, text);
    BOOST_TEST(text.find("message=\"Authentication failure\"") != std::string::npos, text);
}

BOOST_AUTO_TEST_SUITE_END()
