/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// PAP packets (RFC 1334 s.2.2): exact bytes of hand-derived layouts, round
// trips, padding after Length, and every error the strict decoder reports.

#include "pap-packet.h"
#include "pptp-test-util.h"

#include <boost/test/unit_test.hpp>
#include <sstream>
#include <string>

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

/// The error a decode of these bytes reports (checking that it returned 0).
const auto ErrorOf = DecodeError<PapPacket>;

} // namespace

BOOST_AUTO_TEST_SUITE(PapPacketSuite)

BOOST_AUTO_TEST_CASE(TypeIdIsRegistered)
{
    TypeId tid = PapPacket::GetTypeId();
    BOOST_TEST(tid.GetName() == "ns3::PapPacket");
    BOOST_TEST(tid.GetGroupName() == "Pptp");
    BOOST_TEST(tid.GetParent() == Header::GetTypeId());
    BOOST_TEST(tid.HasConstructor());
    BOOST_TEST(PapPacket().GetInstanceTypeId() == tid);
}

BOOST_AUTO_TEST_CASE(CodeNames)
{
    BOOST_TEST(std::string(PapPacket::CodeName(1)) == "Authenticate-Request");
    BOOST_TEST(std::string(PapPacket::CodeName(2)) == "Authenticate-Ack");
    BOOST_TEST(std::string(PapPacket::CodeName(3)) == "Authenticate-Nak");
    BOOST_TEST(std::string(PapPacket::CodeName(0)) == "Unknown");
    BOOST_TEST(std::string(PapPacket::CodeName(4)) == "Unknown");
}

BOOST_AUTO_TEST_CASE(RequestExactBytes)
{
    PapPacket packet;
    packet.SetCode(PapPacket::AUTHENTICATE_REQUEST);
    packet.SetIdentifier(7);
    packet.SetPeerId("user");
    packet.SetPassword("pass");
    // Code 1, Id 7, Length 4+1+4+1+4 = 14, Peer-ID-Length 4 "user", Passwd-Length 4 "pass".
    BOOST_TEST(packet.GetLength() == 14);
    BOOST_TEST(packet.GetSerializedSize() == 14U);
    BOOST_TEST(ToHex(BytesOf(packet))
               == "0107000e"
                  "04"
                  "75736572"
                  "04"
                  "70617373");
}

BOOST_AUTO_TEST_CASE(AckAndNakExactBytes)
{
    PapPacket ack;
    ack.SetCode(PapPacket::AUTHENTICATE_ACK);
    ack.SetIdentifier(0xfe);
    ack.SetMessage("Login ok");
    // Code 2, Id 0xfe, Length 4+1+8 = 13, Msg-Length 8, "Login ok".
    BOOST_TEST(ToHex(BytesOf(ack))
               == "02fe000d"
                  "08"
                  "4c6f67696e206f6b");

    PapPacket nak;
    nak.SetCode(PapPacket::AUTHENTICATE_NAK);
    nak.SetIdentifier(1);
    // An empty message still has its Msg-Length octet.
    BOOST_TEST(ToHex(BytesOf(nak))
               == "03010005"
                  "00");
}

BOOST_AUTO_TEST_CASE(EmptyPeerIdAndPassword)
{
    PapPacket packet;
    packet.SetIdentifier(1);
    BOOST_TEST(ToHex(BytesOf(packet))
               == "01010006"
                  "00"
                  "00");
    PapPacket decoded;
    BOOST_TEST(Decode(decoded, FromHex("01010006 00 00")) == 6U);
    BOOST_TEST(decoded.GetError() == WireError::NONE);
    BOOST_TEST(decoded.GetPeerId().empty());
    BOOST_TEST(decoded.GetPassword().empty());
}

BOOST_AUTO_TEST_CASE(DecodeRequest)
{
    PapPacket packet;
    Bytes bytes = FromHex("0107000e 04 75736572 04 70617373");
    BOOST_TEST(Decode(packet, bytes) == 14U);
    BOOST_TEST(packet.GetError() == WireError::NONE);
    BOOST_TEST(packet.GetCode() == PapPacket::AUTHENTICATE_REQUEST);
    BOOST_TEST(packet.GetIdentifier() == 7);
    BOOST_TEST(packet.GetPeerId() == "user");
    BOOST_TEST(packet.GetPassword() == "pass");
    BOOST_TEST(ToHex(BytesOf(packet)) == ToHex(bytes));
}

BOOST_AUTO_TEST_CASE(DecodeAckAndNak)
{
    PapPacket ack;
    BOOST_TEST(Decode(ack, FromHex("02fe000d 08 4c6f67696e206f6b")) == 13U);
    BOOST_TEST(ack.GetError() == WireError::NONE);
    BOOST_TEST(ack.GetCode() == PapPacket::AUTHENTICATE_ACK);
    BOOST_TEST(ack.GetIdentifier() == 0xfe);
    BOOST_TEST(ack.GetMessage() == "Login ok");

    PapPacket nak;
    BOOST_TEST(Decode(nak, FromHex("03010005 00")) == 5U);
    BOOST_TEST(nak.GetCode() == PapPacket::AUTHENTICATE_NAK);
    BOOST_TEST(nak.GetMessage().empty());
    BOOST_TEST(ToHex(BytesOf(nak)) == "0301000500");
}

BOOST_AUTO_TEST_CASE(BinaryAndMaximalFieldsRoundTrip)
{
    std::string peerId(255, '\0');
    std::string password(255, '\0');
    for (int k = 0; k < 255; ++k)
    {
        peerId[k] = static_cast<char>(k);
        password[k] = static_cast<char>(255 - k);
    }
    PapPacket packet;
    packet.SetIdentifier(0x42);
    packet.SetPeerId(peerId);
    packet.SetPassword(password);
    Bytes bytes = BytesOf(packet);
    BOOST_REQUIRE(bytes.size() == 4U + 1 + 255 + 1 + 255);
    BOOST_TEST(bytes[2] == 0x02); // Length 516 = 0x0204
    BOOST_TEST(bytes[3] == 0x04);
    BOOST_TEST(bytes[4] == 0xff);
    BOOST_TEST(bytes[4 + 1 + 255] == 0xff);

    PapPacket decoded;
    BOOST_TEST(Decode(decoded, bytes) == 516U);
    BOOST_TEST(decoded.GetPeerId() == peerId);
    BOOST_TEST(decoded.GetPassword() == password);
    BOOST_TEST(ToHex(BytesOf(decoded)) == ToHex(bytes));
}

BOOST_AUTO_TEST_CASE(PaddingAfterLengthIsNotConsumed)
{
    PapPacket packet;
    // Ethernet-style padding after the 5-octet Nak.
    BOOST_TEST(Decode(packet, FromHex("03090005 00 0000000000")) == 5U);
    BOOST_TEST(packet.GetError() == WireError::NONE);
    BOOST_TEST(ToHex(BytesOf(packet)) == "0309000500");
}

BOOST_AUTO_TEST_CASE(Truncated)
{
    BOOST_TEST(ErrorOf("") == WireError::TRUNCATED);
    BOOST_TEST(ErrorOf("0101") == WireError::TRUNCATED);
    BOOST_TEST(ErrorOf("010100") == WireError::TRUNCATED);
    // Length 14, 13 octets present.
    BOOST_TEST(ErrorOf("0107000e 04 75736572 04 706173") == WireError::TRUNCATED);
    BOOST_TEST(ErrorOf("0301ffff 00") == WireError::TRUNCATED);
}

BOOST_AUTO_TEST_CASE(LengthBelowHeader)
{
    BOOST_TEST(ErrorOf("01010000 0000") == WireError::BAD_LENGTH);
    BOOST_TEST(ErrorOf("02010003 0000") == WireError::BAD_LENGTH);
}

BOOST_AUTO_TEST_CASE(UnknownCode)
{
    BOOST_TEST(ErrorOf("00010005 00") == WireError::UNKNOWN_TYPE);
    BOOST_TEST(ErrorOf("04010005 00") == WireError::UNKNOWN_TYPE);
    BOOST_TEST(ErrorOf("ff010004") == WireError::UNKNOWN_TYPE);
    PapPacket packet;
    Decode(packet, FromHex("04010005 00"));
    BOOST_TEST(packet.GetCode() == 4);
}

BOOST_AUTO_TEST_CASE(InnerLengthsMustFillLength)
{
    // Request without Peer-ID-Length.
    BOOST_TEST(ErrorOf("01010004") == WireError::BAD_LENGTH);
    // Request without Passwd-Length.
    BOOST_TEST(ErrorOf("01010005 00") == WireError::BAD_LENGTH);
    // Peer-ID-Length 5 overruns Length 9 (4 + 1 + 4 octets of data).
    BOOST_TEST(ErrorOf("01010009 05 75736572") == WireError::BAD_LENGTH);
    // Peer-ID fills Length but leaves no room for Passwd-Length.
    BOOST_TEST(ErrorOf("01010009 04 75736572") == WireError::BAD_LENGTH);
    // Passwd-Length 5 overruns Length 14, though the octets are present after it.
    BOOST_TEST(ErrorOf("0107000e 04 75736572 05 70617373 21") == WireError::BAD_LENGTH);
    // Passwd-Length 3 leaves an octet inside Length that no field covers.
    BOOST_TEST(ErrorOf("0107000e 04 75736572 03 70617373") == WireError::BAD_LENGTH);
    // Ack without Msg-Length.
    BOOST_TEST(ErrorOf("02010004") == WireError::BAD_LENGTH);
    // Msg-Length 2 overruns Length 6.
    BOOST_TEST(ErrorOf("02010006 02 41 42") == WireError::BAD_LENGTH);
    // Msg-Length 0 leaves an octet inside Length.
    BOOST_TEST(ErrorOf("03010006 00 41") == WireError::BAD_LENGTH);
}

BOOST_AUTO_TEST_CASE(SuccessClearsAnEarlierError)
{
    PapPacket packet;
    Decode(packet, FromHex("01"));
    BOOST_TEST(packet.GetError() == WireError::TRUNCATED);
    BOOST_TEST(Decode(packet, FromHex("02010005 00")) == 5U);
    BOOST_TEST(packet.GetError() == WireError::NONE);
}

BOOST_AUTO_TEST_CASE(PrintShowsEveryField)
{
    PapPacket packet;
    packet.SetIdentifier(9);
    packet.SetPeerId("bob");
    packet.SetPassword(std::string("p\x01\"", 3));
    std::string text = Printed(packet);
    BOOST_TEST(text.find("Authenticate-Request") != std::string::npos, text);
    BOOST_TEST(text.find("id=9") != std::string::npos, text);
    BOOST_TEST(text.find("length=12") != std::string::npos, text);
    BOOST_TEST(text.find("peer-id=\"bob\"") != std::string::npos, text);
    BOOST_TEST(text.find("password=\"p\\x01\\x22\"") != std::string::npos, text);

    PapPacket ack;
    ack.SetCode(PapPacket::AUTHENTICATE_ACK);
    ack.SetMessage("welcome");
    text = Printed(ack);
    BOOST_TEST(text.find("Authenticate-Ack") != std::string::npos, text);
    BOOST_TEST(text.find("message=\"welcome\"") != std::string::npos, text);

    PapPacket bad;
    Decode(bad, FromHex("07010004"));
    text = Printed(bad);
    BOOST_TEST(text.find("Unknown (7)") != std::string::npos, text);
    BOOST_TEST(text.find("UNKNOWN_TYPE") != std::string::npos, text);
}

BOOST_AUTO_TEST_CASE(EveryDecodedInputReEncodesIdentically)
{
    // Deterministic pseudo-random inputs with plausible codes and Length fields: whatever
    // decodes must re-encode to exactly the octets it consumed; the rest must say why.
    BOOST_TEST(ReEncodeRandomCodePackets<PapPacket>(5) > 100U);
}

BOOST_AUTO_TEST_SUITE_END()
