/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// PPTP control messages (RFC 2637 s.2): exact octets of every message against layouts
// written by hand from the RFC figures, decoding of real captures, round trips and every
// decoder error.

#include "pptp-control-message.h"
#include "pptp-control-types.h"
#include "pptp-test-util.h"

#include "ns3/buffer.h"
#include "ns3/packet.h"

#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <random>
#include <sstream>
#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

/// Hex of a text field: the text, then NUL octets up to size.
std::string
TextHex(const std::string& text, std::size_t size)
{
    Bytes b(text.begin(), text.end());
    b.resize(size, 0);
    return ToHex(b);
}

/// Hex of n zero octets.
std::string
Zeros(std::size_t n)
{
    return std::string(2 * n, '0');
}

/// The common header: Length, PPTP Message Type 1, Magic Cookie, Control Message Type,
/// Reserved0 0.
std::string
CommonHex(uint16_t length, uint16_t type)
{
    return ToHex(PptpHeaderBytes(length, type));
}

/// Decode bytes with the byte-array decoder; requires success and full consumption.
PptpControlMessage
Decode(const Bytes& bytes)
{
    PptpControlMessage m;
    uint32_t n = m.Deserialize(bytes.data(), bytes.size());
    BOOST_REQUIRE_MESSAGE(m.GetError() == WireError::NONE,
                          "decode failed: " << WireErrorName(m.GetError()));
    BOOST_REQUIRE_EQUAL(n, bytes.size());
    return m;
}

/// Decode through a Packet (the Buffer::Iterator path), requiring success.
PptpControlMessage
DecodePacket(const Bytes& bytes)
{
    Ptr<Packet> p = PacketOf(bytes);
    PptpControlMessage m;
    uint32_t n = p->RemoveHeader(m);
    BOOST_REQUIRE_MESSAGE(m.GetError() == WireError::NONE,
                          "decode failed: " << WireErrorName(m.GetError()));
    BOOST_REQUIRE_EQUAL(n, bytes.size());
    BOOST_CHECK_EQUAL(p->GetSize(), 0u);
    return m;
}

/// Decode bytes and expect a specific error.
void
ExpectError(const Bytes& bytes, WireError expected)
{
    PptpControlMessage m;
    uint32_t n = m.Deserialize(bytes.data(), bytes.size());
    BOOST_CHECK_EQUAL(n, 0u);
    BOOST_CHECK_MESSAGE(m.GetError() == expected,
                        "expected " << WireErrorName(expected) << ", got "
                                    << WireErrorName(m.GetError()) << " for " << ToHex(bytes));
    // The Buffer::Iterator path gives the same verdict.
    Ptr<Packet> p = PacketOf(bytes);
    PptpControlMessage viaPacket;
    BOOST_CHECK_EQUAL(p->PeekHeader(viaPacket), 0u);
    BOOST_CHECK(viaPacket.GetError() == expected);
}

/// Encoder output must equal the hand-derived layout, and decode back to the same octets.
void
CheckEncoding(const PptpControlMessage& m, const std::string& expectedHex)
{
    Bytes expected = FromHex(expectedHex);
    BOOST_CHECK_EQUAL(m.GetSerializedSize(), expected.size());
    BOOST_CHECK_EQUAL(m.GetLength(), expected.size());
    BOOST_CHECK_EQUAL(ToHex(BytesOf(m)), ToHex(expected));
    PptpControlMessage back = Decode(expected);
    BOOST_CHECK(back.GetMessageType() == m.GetMessageType());
    BOOST_CHECK_EQUAL(ToHex(BytesOf(back)), ToHex(expected));
    PptpControlMessage back2 = DecodePacket(expected);
    BOOST_CHECK_EQUAL(ToHex(BytesOf(back2)), ToHex(expected));
}

/// Real messages from /work/shared/captures (TCP payloads, copied from tshark).
struct CaptureMessage
{
    const char* source; //!< file and frame
    PptpControlMessageType type;
    const char* hex;
};

const CaptureMessage CAPTURED[] = {
    {"chapcrack_sample_pptp-only.pcap frame 4",
     PptpControlMessageType::START_CONTROL_CONNECTION_REQUEST,
     "009c00011a2b3c4d00010000010000000000000300000003ffff00016c6f63616c0000000000000000000000"
     "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
     "0000000063616e616e69616e0000000000000000000000000000000000000000000000000000000000000000"
     "000000000000000000000000000000000000000000000000"},
    {"chapcrack_sample_pptp-only.pcap frame 6",
     PptpControlMessageType::START_CONTROL_CONNECTION_REPLY,
     "009c00011a2b3c4d00020000010001000000000000000000000100016c6f63616c0000000000000000000000"
     "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
     "000000006c696e75780000000000000000000000000000000000000000000000000000000000000000000000"
     "000000000000000000000000000000000000000000000000"},
    {"chapcrack_sample_pptp-only.pcap frame 8",
     PptpControlMessageType::OUTGOING_CALL_REQUEST,
     "00a800011a2b3c4d000700000000000000000960009896800000000300000003000300000000000000000000"
     "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
     "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
     "000000000000000000000000000000000000000000000000000000000000000000000000"},
    {"chapcrack_sample_pptp-only.pcap frame 9",
     PptpControlMessageType::OUTGOING_CALL_REPLY,
     "002000011a2b3c4d000800007800000001000000009896800003000000000000"},
    {"chapcrack_sample_pptp-only.pcap frame 128",
     PptpControlMessageType::CALL_CLEAR_REQUEST,
     "001000011a2b3c4d000c000000000000"},
    {"tcpdump_pptp.pcap frame 5",
     PptpControlMessageType::START_CONTROL_CONNECTION_REQUEST,
     "009c00011a2b3c4d000100000100000000000001000000010000087000000000000000000000000000000000"
     "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
     "000000004d6963726f736f66742057696e646f7773204e540000000000000000000000000000000000000000"
     "000000000000000000000000000000000000000000000000"},
    {"tcpdump_pptp.pcap frame 8",
     PptpControlMessageType::START_CONTROL_CONNECTION_REPLY,
     "009c00011a2b3c4d00020000010001000000000000000000000100016c6f63616c0000000000000000000000"
     "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
     "000000004d6f7265746f6e426179000000000000000000000000000000000000000000000000000000000000"
     "000000000000000000000000000000000000000000000000"},
    {"tcpdump_pptp.pcap frame 10",
     PptpControlMessageType::OUTGOING_CALL_REQUEST,
     "00a800011a2b3c4d00070000000078280000012c05f5e1000000000300000003004000000000000000000000"
     "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
     "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
     "000000000000000000000000000000000000000000000000000000000000000000000000"},
    {"tcpdump_pptp.pcap frame 13",
     PptpControlMessageType::OUTGOING_CALL_REPLY,
     "002000011a2b3c4d00080000000000000100000005f5e1000040000000000000"},
    {"tcpdump_pptp.pcap frame 15",
     PptpControlMessageType::SET_LINK_INFO,
     "001800011a2b3c4d000f000000000000ffffffffffffffff"},
};

/// One message of every type, with non-default field values.
std::vector<PptpControlMessage>
OneOfEach()
{
    std::vector<PptpControlMessage> all;
    PptpStartControlConnectionRequest sccrq;
    sccrq.framingCapabilities = 3;
    sccrq.bearerCapabilities = 1;
    sccrq.firmwareRevision = 0x0102;
    PptpSetText(sccrq.hostName, "pns.example");
    PptpSetText(sccrq.vendorName, "ns-3");
    all.emplace_back(sccrq);
    PptpStartControlConnectionReply sccrp;
    sccrp.resultCode = PptpStartControlConnectionResult::SUCCESS;
    sccrp.maximumChannels = 100;
    PptpSetText(sccrp.hostName, "pac");
    all.emplace_back(sccrp);
    PptpStopControlConnectionRequest stopRq;
    stopRq.reason = PptpStopReason::STOP_LOCAL_SHUTDOWN;
    all.emplace_back(stopRq);
    PptpStopControlConnectionReply stopRp;
    stopRp.resultCode = PptpStopControlConnectionResult::GENERAL_ERROR;
    stopRp.errorCode = PptpGeneralError::BAD_FORMAT;
    all.emplace_back(stopRp);
    PptpEchoRequest echoRq;
    echoRq.identifier = 0x01020304;
    all.emplace_back(echoRq);
    PptpEchoReply echoRp;
    echoRp.identifier = 0x01020304;
    echoRp.resultCode = PptpEchoResult::OK;
    all.emplace_back(echoRp);
    PptpOutgoingCallRequest ocrq;
    ocrq.callId = 7;
    ocrq.bearerType = PptpBearerType::EITHER;
    ocrq.framingType = PptpFramingType::EITHER;
    PptpSetText(ocrq.phoneNumber, "555");
    ocrq.phoneNumberLength = 3;
    all.emplace_back(ocrq);
    PptpOutgoingCallReply ocrp;
    ocrp.callId = 8;
    ocrp.peersCallId = 7;
    ocrp.resultCode = PptpOutgoingCallResult::BUSY;
    all.emplace_back(ocrp);
    PptpIncomingCallRequest icrq;
    icrq.callId = 9;
    icrq.callBearerType = PptpBearerType::DIGITAL;
    PptpSetText(icrq.dialingNumber, "0123");
    all.emplace_back(icrq);
    PptpIncomingCallReply icrp;
    icrp.resultCode = PptpIncomingCallResult::DO_NOT_ACCEPT;
    all.emplace_back(icrp);
    PptpIncomingCallConnected iccn;
    iccn.framingType = PptpFramingType::SYNCHRONOUS;
    all.emplace_back(iccn);
    PptpCallClearRequest ccrq;
    ccrq.callId = 0xabcd;
    all.emplace_back(ccrq);
    PptpCallDisconnectNotify cdn;
    cdn.resultCode = PptpCallDisconnectResult::ADMIN_SHUTDOWN;
    PptpSetText(cdn.callStatistics, "stats");
    all.emplace_back(cdn);
    PptpWanErrorNotify wen;
    wen.crcErrors = 42;
    all.emplace_back(wen);
    PptpSetLinkInfo sli;
    sli.sendAccm = 0;
    all.emplace_back(sli);
    return all;
}

} // namespace

BOOST_AUTO_TEST_SUITE(PptpControlMessageSuite)

BOOST_AUTO_TEST_CASE(FixedLengthsFollowTheRfcFigures)
{
    // Sums of the field sizes in the figures of RFC 2637 s.2.1 to s.2.15.
    const uint16_t expected[16]
        = {0, 156, 156, 16, 16, 16, 20, 168, 32, 220, 24, 28, 16, 148, 40, 24};
    for (uint16_t t = 1; t <= 15; ++t)
    {
        BOOST_CHECK_EQUAL(
            PptpControlMessage::GetFixedLength(static_cast<PptpControlMessageType>(t)),
            expected[t]);
    }
    BOOST_CHECK_EQUAL(PptpControlMessage::GetFixedLength(static_cast<PptpControlMessageType>(0)),
                      0);
    BOOST_CHECK_EQUAL(PptpControlMessage::GetFixedLength(static_cast<PptpControlMessageType>(16)),
                      0);
    auto all = OneOfEach();
    BOOST_REQUIRE_EQUAL(all.size(), 15u);
    for (std::size_t i = 0; i < all.size(); ++i)
    {
        BOOST_CHECK_EQUAL(static_cast<int>(all[i].GetMessageType()), static_cast<int>(i + 1));
        BOOST_CHECK_EQUAL(all[i].GetLength(), expected[i + 1]);
        BOOST_CHECK_EQUAL(BytesOf(all[i]).size(), expected[i + 1]);
    }
}

BOOST_AUTO_TEST_CASE(StartControlConnectionRequestBytes)
{
    PptpStartControlConnectionRequest b;
    b.protocolVersion = PPTP_PROTOCOL_VERSION;
    b.framingCapabilities = 3;
    b.bearerCapabilities = 3;
    b.maximumChannels = 0;
    b.firmwareRevision = 0x0100;
    PptpSetText(b.hostName, "pns");
    PptpSetText(b.vendorName, "ns3");
    PptpControlMessage m(b);
    BOOST_CHECK(m.GetMessageType() == PptpControlMessageType::START_CONTROL_CONNECTION_REQUEST);
    CheckEncoding(m,
                  CommonHex(156, 1) + "0100 0000" + "00000003" + "00000003" + "0000 0100"
                      + TextHex("pns", 64) + TextHex("ns3", 64));
}

BOOST_AUTO_TEST_CASE(StartControlConnectionReplyBytes)
{
    PptpStartControlConnectionReply b;
    b.resultCode = PptpStartControlConnectionResult::GENERAL_ERROR;
    b.errorCode = PptpGeneralError::NO_RESOURCE;
    b.framingCapabilities = 1;
    b.bearerCapabilities = 2;
    b.maximumChannels = 0x0200;
    b.firmwareRevision = 0x0001;
    PptpSetText(b.hostName, "pac");
    PptpSetText(b.vendorName, "vendor");
    CheckEncoding(PptpControlMessage(b),
                  CommonHex(156, 2) + "0100 02 04" + "00000001" + "00000002" + "0200 0001"
                      + TextHex("pac", 64) + TextHex("vendor", 64));
}

BOOST_AUTO_TEST_CASE(StopControlConnectionBytes)
{
    PptpStopControlConnectionRequest rq;
    rq.reason = PptpStopReason::STOP_PROTOCOL;
    CheckEncoding(PptpControlMessage(rq), CommonHex(16, 3) + "02 00 0000");
    PptpStopControlConnectionReply rp;
    rp.resultCode = PptpStopControlConnectionResult::OK;
    CheckEncoding(PptpControlMessage(rp), CommonHex(16, 4) + "01 00 0000");
}

BOOST_AUTO_TEST_CASE(EchoBytes)
{
    PptpEchoRequest rq;
    rq.identifier = 0xdeadbeef;
    CheckEncoding(PptpControlMessage(rq), CommonHex(16, 5) + "deadbeef");
    PptpEchoReply rp;
    rp.identifier = 0xdeadbeef;
    rp.resultCode = PptpEchoResult::GENERAL_ERROR;
    rp.errorCode = PptpGeneralError::NOT_CONNECTED;
    CheckEncoding(PptpControlMessage(rp), CommonHex(20, 6) + "deadbeef 02 01 0000");
}

BOOST_AUTO_TEST_CASE(OutgoingCallRequestBytes)
{
    PptpOutgoingCallRequest b;
    b.callId = 0x1234;
    b.callSerialNumber = 0x0001;
    b.minimumBps = 2400;
    b.maximumBps = 10000000;
    b.bearerType = PptpBearerType::EITHER;
    b.framingType = PptpFramingType::EITHER;
    b.packetRecvWindowSize = 64;
    b.packetProcessingDelay = 0;
    b.phoneNumberLength = 4;
    PptpSetText(b.phoneNumber, "1234");
    CheckEncoding(PptpControlMessage(b),
                  CommonHex(168, 7) + "1234 0001" + "00000960" + "00989680" + "00000003"
                      + "00000003" + "0040 0000" + "0004 0000" + TextHex("1234", 64) + Zeros(64));
}

BOOST_AUTO_TEST_CASE(OutgoingCallReplyBytes)
{
    PptpOutgoingCallReply b;
    b.callId = 0x8000;
    b.peersCallId = 0x1234;
    b.resultCode = PptpOutgoingCallResult::CONNECTED;
    b.errorCode = PptpGeneralError::NONE;
    b.causeCode = 0x0102;
    b.connectSpeed = 10000000;
    b.packetRecvWindowSize = 64;
    b.packetProcessingDelay = 5;
    b.physicalChannelId = 7;
    CheckEncoding(PptpControlMessage(b),
                  CommonHex(32, 8) + "8000 1234" + "01 00 0102" + "00989680" + "0040 0005"
                      + "00000007");
}

BOOST_AUTO_TEST_CASE(IncomingCallBytes)
{
    PptpIncomingCallRequest rq;
    rq.callId = 7;
    rq.callSerialNumber = 9;
    rq.callBearerType = PptpBearerType::ANALOG;
    rq.physicalChannelId = 10;
    rq.dialedNumberLength = 3;
    rq.dialingNumberLength = 4;
    PptpSetText(rq.dialedNumber, "555");
    PptpSetText(rq.dialingNumber, "1234");
    PptpSetText(rq.subaddress, "x");
    CheckEncoding(PptpControlMessage(rq),
                  CommonHex(220, 9) + "0007 0009" + "00000001" + "0000000a" + "0003 0004"
                      + TextHex("555", 64) + TextHex("1234", 64) + TextHex("x", 64));

    PptpIncomingCallReply rp;
    rp.callId = 0x0100;
    rp.peersCallId = 7;
    rp.resultCode = PptpIncomingCallResult::CONNECT;
    rp.packetRecvWindowSize = 16;
    rp.packetTransmitDelay = 3;
    CheckEncoding(PptpControlMessage(rp),
                  CommonHex(24, 10) + "0100 0007" + "01 00 0010" + "0003 0000");

    PptpIncomingCallConnected cn;
    cn.peersCallId = 7;
    cn.connectSpeed = 57600;
    cn.packetRecvWindowSize = 16;
    cn.packetTransmitDelay = 2;
    cn.framingType = PptpFramingType::ASYNCHRONOUS;
    CheckEncoding(PptpControlMessage(cn),
                  CommonHex(28, 11) + "0007 0000" + "0000e100" + "0010 0002" + "00000001");
}

BOOST_AUTO_TEST_CASE(CallClearAndDisconnectBytes)
{
    PptpCallClearRequest cc;
    cc.callId = 0x0100;
    CheckEncoding(PptpControlMessage(cc), CommonHex(16, 12) + "0100 0000");

    PptpCallDisconnectNotify cdn;
    cdn.callId = 0x8000;
    cdn.resultCode = PptpCallDisconnectResult::REQUEST;
    cdn.errorCode = PptpGeneralError::NONE;
    cdn.causeCode = 0x0010;
    PptpSetText(cdn.callStatistics, "rx 10 tx 20");
    CheckEncoding(PptpControlMessage(cdn),
                  CommonHex(148, 13) + "8000 04 00" + "0010 0000" + TextHex("rx 10 tx 20", 128));
}

BOOST_AUTO_TEST_CASE(WanErrorNotifyBytes)
{
    PptpWanErrorNotify b;
    b.peersCallId = 0x1234;
    b.crcErrors = 1;
    b.framingErrors = 2;
    b.hardwareOverruns = 3;
    b.bufferOverruns = 4;
    b.timeoutErrors = 5;
    b.alignmentErrors = 6;
    CheckEncoding(PptpControlMessage(b),
                  CommonHex(40, 14) + "1234 0000" + "00000001 00000002 00000003 00000004"
                      + "00000005 00000006");
}

BOOST_AUTO_TEST_CASE(SetLinkInfoBytes)
{
    PptpSetLinkInfo defaults;
    BOOST_CHECK_EQUAL(defaults.sendAccm, 0xFFFFFFFFu);
    BOOST_CHECK_EQUAL(defaults.receiveAccm, 0xFFFFFFFFu);
    PptpSetLinkInfo b;
    b.peersCallId = 0x8000;
    b.sendAccm = 0x00000000;
    b.receiveAccm = 0x000a0000;
    CheckEncoding(PptpControlMessage(b), CommonHex(24, 15) + "8000 0000" + "00000000 000a0000");
}

BOOST_AUTO_TEST_CASE(DecodedFieldsLandInTheRightPlaces)
{
    // Every field set to a distinct value in the hand layout of an OCRP and an ICRQ.
    PptpControlMessage ocrp = Decode(FromHex(CommonHex(32, 8) + "1122 3344" + "07 06 5566"
                                             + "778899aa" + "bbcc ddee" + "f0e0d0c0"));
    const auto* r = ocrp.GetBody<PptpOutgoingCallReply>();
    BOOST_REQUIRE(r != nullptr);
    BOOST_CHECK(ocrp.GetBody<PptpOutgoingCallRequest>() == nullptr);
    BOOST_CHECK(ocrp.Is<PptpOutgoingCallReply>());
    BOOST_CHECK_EQUAL(r->callId, 0x1122);
    BOOST_CHECK_EQUAL(r->peersCallId, 0x3344);
    BOOST_CHECK(r->resultCode == PptpOutgoingCallResult::DO_NOT_ACCEPT);
    BOOST_CHECK(r->errorCode == PptpGeneralError::PAC_ERROR);
    BOOST_CHECK_EQUAL(r->causeCode, 0x5566);
    BOOST_CHECK_EQUAL(r->connectSpeed, 0x778899aau);
    BOOST_CHECK_EQUAL(r->packetRecvWindowSize, 0xbbcc);
    BOOST_CHECK_EQUAL(r->packetProcessingDelay, 0xddee);
    BOOST_CHECK_EQUAL(r->physicalChannelId, 0xf0e0d0c0u);

    PptpControlMessage icrq
        = Decode(FromHex(CommonHex(220, 9) + "0102 0304" + "00000002" + "05060708" + "0009 000a"
                         + TextHex("dialed", 64) + TextHex("dialing", 64) + TextHex("sub", 64)));
    const auto* q = icrq.GetBody<PptpIncomingCallRequest>();
    BOOST_REQUIRE(q != nullptr);
    BOOST_CHECK_EQUAL(q->callId, 0x0102);
    BOOST_CHECK_EQUAL(q->callSerialNumber, 0x0304);
    BOOST_CHECK(q->callBearerType == PptpBearerType::DIGITAL);
    BOOST_CHECK_EQUAL(q->physicalChannelId, 0x05060708u);
    BOOST_CHECK_EQUAL(q->dialedNumberLength, 9);
    BOOST_CHECK_EQUAL(q->dialingNumberLength, 10);
    BOOST_CHECK_EQUAL(PptpGetText(q->dialedNumber), "dialed");
    BOOST_CHECK_EQUAL(PptpGetText(q->dialingNumber), "dialing");
    BOOST_CHECK_EQUAL(PptpGetText(q->subaddress), "sub");

    PptpControlMessage sccrp
        = Decode(FromHex(CommonHex(156, 2) + "0100 05 00" + "00000003" + "00000001" + "0010 2345"
                         + TextHex("h", 64) + TextHex("v", 64)));
    const auto* s = sccrp.GetBody<PptpStartControlConnectionReply>();
    BOOST_REQUIRE(s != nullptr);
    BOOST_CHECK_EQUAL(s->protocolVersion, 0x0100);
    BOOST_CHECK(s->resultCode == PptpStartControlConnectionResult::VERSION_NOT_SUPPORTED);
    BOOST_CHECK_EQUAL(s->framingCapabilities, 3u);
    BOOST_CHECK_EQUAL(s->bearerCapabilities, 1u);
    BOOST_CHECK_EQUAL(s->maximumChannels, 0x0010);
    BOOST_CHECK_EQUAL(s->firmwareRevision, 0x2345);
    BOOST_CHECK_EQUAL(PptpGetText(s->hostName), "h");
    BOOST_CHECK_EQUAL(PptpGetText(s->vendorName), "v");
}

BOOST_AUTO_TEST_CASE(RealCapturesDecodeAndReencodeIdentically)
{
    for (const auto& c : CAPTURED)
    {
        BOOST_TEST_CONTEXT(c.source)
        {
            Bytes bytes = FromHex(c.hex);
            PptpControlMessage m = Decode(bytes);
            BOOST_CHECK(m.GetMessageType() == c.type);
            BOOST_CHECK_EQUAL(ToHex(BytesOf(m)), ToHex(bytes));
            PptpControlMessage viaPacket = DecodePacket(bytes);
            BOOST_CHECK_EQUAL(ToHex(BytesOf(viaPacket)), ToHex(bytes));
        }
    }
    // Fields tshark shows for these frames.
    PptpControlMessage sccrq = Decode(FromHex(CAPTURED[0].hex));
    const auto* rq = sccrq.GetBody<PptpStartControlConnectionRequest>();
    BOOST_REQUIRE(rq != nullptr);
    BOOST_CHECK_EQUAL(rq->protocolVersion, 0x0100);
    BOOST_CHECK_EQUAL(rq->framingCapabilities, 3u);
    BOOST_CHECK_EQUAL(rq->bearerCapabilities, 3u);
    BOOST_CHECK_EQUAL(rq->maximumChannels, 0xffff);
    BOOST_CHECK_EQUAL(rq->firmwareRevision, 1);
    BOOST_CHECK_EQUAL(PptpGetText(rq->hostName), "local");
    BOOST_CHECK_EQUAL(PptpGetText(rq->vendorName), "cananian");

    PptpControlMessage ocrp = Decode(FromHex(CAPTURED[3].hex));
    const auto* rp = ocrp.GetBody<PptpOutgoingCallReply>();
    BOOST_REQUIRE(rp != nullptr);
    BOOST_CHECK_EQUAL(rp->callId, 0x7800);
    BOOST_CHECK_EQUAL(rp->peersCallId, 0);
    BOOST_CHECK(rp->resultCode == PptpOutgoingCallResult::CONNECTED);
    BOOST_CHECK_EQUAL(rp->connectSpeed, 10000000u);
    BOOST_CHECK_EQUAL(rp->packetRecvWindowSize, 3);

    PptpControlMessage nt = Decode(FromHex(CAPTURED[5].hex));
    BOOST_CHECK_EQUAL(PptpGetText(nt.GetBody<PptpStartControlConnectionRequest>()->vendorName),
                      "Microsoft Windows NT");
    BOOST_CHECK_EQUAL(nt.GetBody<PptpStartControlConnectionRequest>()->firmwareRevision, 0x0870);

    PptpControlMessage ocrq = Decode(FromHex(CAPTURED[7].hex));
    const auto* oq = ocrq.GetBody<PptpOutgoingCallRequest>();
    BOOST_REQUIRE(oq != nullptr);
    BOOST_CHECK_EQUAL(oq->callId, 0);
    BOOST_CHECK_EQUAL(oq->callSerialNumber, 0x7828);
    BOOST_CHECK_EQUAL(oq->minimumBps, 300u);
    BOOST_CHECK_EQUAL(oq->maximumBps, 100000000u);
    BOOST_CHECK(oq->bearerType == PptpBearerType::EITHER);
    BOOST_CHECK(oq->framingType == PptpFramingType::EITHER);
    BOOST_CHECK_EQUAL(oq->packetRecvWindowSize, 64);

    PptpControlMessage sli = Decode(FromHex(CAPTURED[9].hex));
    BOOST_REQUIRE(sli.Is<PptpSetLinkInfo>());
    BOOST_CHECK_EQUAL(sli.GetBody<PptpSetLinkInfo>()->sendAccm, 0xffffffffu);
    BOOST_CHECK_EQUAL(sli.GetBody<PptpSetLinkInfo>()->receiveAccm, 0xffffffffu);
}

BOOST_AUTO_TEST_CASE(RoundTripOfEveryTypeKeepsReservedAndPadding)
{
    for (const auto& m : OneOfEach())
    {
        Bytes bytes = BytesOf(m);
        PptpControlMessage back = Decode(bytes);
        BOOST_CHECK(back.GetMessageType() == m.GetMessageType());
        BOOST_CHECK_EQUAL(ToHex(BytesOf(back)), ToHex(bytes));
    }
    // Random octets under a valid common header always decode (all fields are kept
    // verbatim, reserved fields, unknown codes and octets after a text's NUL included) and
    // encode back to the same octets.
    std::mt19937 rng(2637);
    for (int i = 0; i < 3000; ++i)
    {
        uint16_t type = static_cast<uint16_t>(1 + i % 15);
        uint16_t length
            = PptpControlMessage::GetFixedLength(static_cast<PptpControlMessageType>(type));
        Bytes bytes = FromHex(CommonHex(length, type));
        bytes[10] = static_cast<uint8_t>(rng());
        bytes[11] = static_cast<uint8_t>(rng());
        while (bytes.size() < length)
        {
            // Mostly zeros so text fields get NULs followed by junk.
            uint32_t r = rng();
            bytes.push_back((r & 3) == 0 ? static_cast<uint8_t>(r >> 8) : 0);
        }
        PptpControlMessage m = Decode(bytes);
        BOOST_CHECK_EQUAL(static_cast<int>(m.GetMessageType()), type);
        BOOST_CHECK_EQUAL(m.GetReserved0(), (bytes[10] << 8) | bytes[11]);
        Bytes again = BytesOf(m);
        if (again != bytes)
        {
            BOOST_ERROR("round trip differs: " << ToHex(bytes) << " -> " << ToHex(again));
        }
    }
    // Reserved0 and reserved fields set by the API come out verbatim.
    PptpStopControlConnectionRequest stop;
    stop.reason = PptpStopReason::NONE;
    stop.reserved1 = 0xaa;
    stop.reserved2 = 0xbbcc;
    PptpControlMessage m(stop);
    m.SetReserved0(0x1234);
    BOOST_CHECK_EQUAL(ToHex(BytesOf(m)),
                      "001000011a2b3c4d00031234"
                      "01aabbcc");
}

BOOST_AUTO_TEST_CASE(SetBodyChangesTypeAndLength)
{
    PptpControlMessage m;
    BOOST_CHECK(m.GetMessageType() == PptpControlMessageType::START_CONTROL_CONNECTION_REQUEST);
    BOOST_CHECK_EQUAL(m.GetLength(), 156);
    BOOST_CHECK(m.GetError() == WireError::NONE);
    PptpEchoRequest echo;
    echo.identifier = 5;
    m.SetBody(echo);
    BOOST_CHECK(m.GetMessageType() == PptpControlMessageType::ECHO_REQUEST);
    BOOST_CHECK_EQUAL(m.GetLength(), 16);
    BOOST_CHECK_EQUAL(m.GetSerializedSize(), 16u);
    BOOST_REQUIRE(m.GetBody<PptpEchoRequest>() != nullptr);
    m.GetBody<PptpEchoRequest>()->identifier = 6;
    BOOST_CHECK_EQUAL(ToHex(BytesOf(m)), CommonHex(16, 5) + "00000006");
    BOOST_CHECK(m.GetBody<PptpEchoReply>() == nullptr);
    BOOST_CHECK(std::holds_alternative<PptpEchoRequest>(m.GetVariant()));
}

BOOST_AUTO_TEST_CASE(TextHelpers)
{
    std::array<uint8_t, 64> field;
    field.fill(0xee);
    PptpSetText(field, "abc");
    BOOST_CHECK_EQUAL(ToHex(Bytes(field.begin(), field.end())), TextHex("abc", 64));
    BOOST_CHECK_EQUAL(PptpGetText(field), "abc");
    std::string longText(70, 'x');
    PptpSetText(field, longText);
    BOOST_CHECK_EQUAL(PptpGetText(field), std::string(64, 'x'));
    PptpSetText(field, "");
    BOOST_CHECK_EQUAL(ToHex(Bytes(field.begin(), field.end())), Zeros(64));
    BOOST_CHECK_EQUAL(PptpGetText(field), "");
    field[0] = 'a';
    field[1] = 0;
    field[2] = 'b';
    BOOST_CHECK_EQUAL(PptpGetText(field), "a");
}

BOOST_AUTO_TEST_CASE(BadMagicIsRefused)
{
    for (const auto& m : OneOfEach())
    {
        Bytes bytes = BytesOf(m);
        bytes[4] ^= 0x01;
        ExpectError(bytes, WireError::BAD_MAGIC);
        bytes = BytesOf(m);
        bytes[7] = 0x4e;
        ExpectError(bytes, WireError::BAD_MAGIC);
    }
    // The Magic Cookie is checked before anything after it.
    Bytes bad = FromHex("0010 0002 1a2b3c4e 00ff 0000 00000000");
    ExpectError(bad, WireError::BAD_MAGIC);
}

BOOST_AUTO_TEST_CASE(WrongPptpMessageTypeIsRefused)
{
    for (uint16_t t : {0, 2, 3, 0x0100, 0xffff})
    {
        Bytes bytes = FromHex(CommonHex(16, 5) + "00000001");
        bytes[2] = static_cast<uint8_t>(t >> 8);
        bytes[3] = static_cast<uint8_t>(t);
        ExpectError(bytes, WireError::BAD_MESSAGE_TYPE);
    }
}

BOOST_AUTO_TEST_CASE(UnknownControlMessageTypeIsRefused)
{
    for (uint16_t t : {0, 16, 17, 0x0101, 0xffff})
    {
        ExpectError(FromHex(CommonHex(16, t) + "00000000"), WireError::UNKNOWN_TYPE);
    }
}

BOOST_AUTO_TEST_CASE(LengthThatDisagreesWithTheTypeIsRefused)
{
    for (const auto& m : OneOfEach())
    {
        Bytes good = BytesOf(m);
        for (int delta : {-4, -1, 1, 4})
        {
            uint16_t length = static_cast<uint16_t>(good.size() + delta);
            if (length < PptpControlMessage::HEADER_LENGTH)
            {
                continue;
            }
            Bytes bytes = good;
            bytes.resize(length, 0);
            bytes[0] = static_cast<uint8_t>(length >> 8);
            bytes[1] = static_cast<uint8_t>(length);
            ExpectError(bytes, WireError::BAD_LENGTH);
        }
    }
    // Length below the common header.
    for (uint16_t length : {0, 1, 8, 11})
    {
        Bytes bytes = FromHex(CommonHex(length, 5) + "00000000");
        ExpectError(bytes, WireError::BAD_LENGTH);
    }
    // A Length of 11 is refused even when only the Length is present.
    ExpectError(FromHex("000b"), WireError::BAD_LENGTH);
}

BOOST_AUTO_TEST_CASE(TruncatedInputIsRefused)
{
    for (const auto& m : OneOfEach())
    {
        Bytes good = BytesOf(m);
        for (std::size_t cut = 0; cut < good.size(); ++cut)
        {
            Bytes bytes(good.begin(), good.begin() + cut);
            PptpControlMessage d;
            BOOST_CHECK_EQUAL(d.Deserialize(bytes.data(), bytes.size()), 0u);
            BOOST_CHECK(d.GetError() == WireError::TRUNCATED);
        }
        ExpectError(Bytes(good.begin(), good.begin() + good.size() - 1), WireError::TRUNCATED);
    }
    PptpControlMessage d;
    BOOST_CHECK_EQUAL(d.Deserialize(nullptr, 0), 0u);
    BOOST_CHECK(d.GetError() == WireError::TRUNCATED);
}

BOOST_AUTO_TEST_CASE(FailedDecodeKeepsThePreviousMessage)
{
    PptpEchoRequest echo;
    echo.identifier = 77;
    PptpControlMessage m(echo);
    Bytes bad = FromHex(CommonHex(16, 5) + "00000001");
    bad[5] = 0;
    BOOST_CHECK_EQUAL(m.Deserialize(bad.data(), bad.size()), 0u);
    BOOST_CHECK(m.GetError() == WireError::BAD_MAGIC);
    BOOST_REQUIRE(m.GetBody<PptpEchoRequest>() != nullptr);
    BOOST_CHECK_EQUAL(m.GetBody<PptpEchoRequest>()->identifier, 77u);
    // A later good decode clears the error.
    Bytes good = FromHex(CommonHex(12 + 4, 12) + "0005 0000");
    BOOST_CHECK_EQUAL(m.Deserialize(good.data(), good.size()), 16u);
    BOOST_CHECK(m.GetError() == WireError::NONE);
    BOOST_CHECK(m.Is<PptpCallClearRequest>());
}

BOOST_AUTO_TEST_CASE(DeserializeReadsExactlyLengthOctets)
{
    // Two messages back to back in one packet: each RemoveHeader takes exactly one.
    Bytes two = FromHex(CAPTURED[4].hex);
    Bytes echo = FromHex(CommonHex(16, 5) + "cafebabe");
    two.insert(two.end(), echo.begin(), echo.end());
    Ptr<Packet> p = PacketOf(two);
    PptpControlMessage a;
    BOOST_CHECK_EQUAL(p->RemoveHeader(a), 16u);
    BOOST_CHECK(a.Is<PptpCallClearRequest>());
    PptpControlMessage b;
    BOOST_CHECK_EQUAL(p->RemoveHeader(b), 16u);
    BOOST_REQUIRE(b.Is<PptpEchoRequest>());
    BOOST_CHECK_EQUAL(b.GetBody<PptpEchoRequest>()->identifier, 0xcafebabeu);
    BOOST_CHECK_EQUAL(p->GetSize(), 0u);

    // The bounded form stops at the given size even when more octets follow.
    Ptr<Packet> q = PacketOf(echo);
    q->AddAtEnd(PacketOf(echo));
    PptpControlMessage c;
    BOOST_CHECK_EQUAL(q->RemoveHeader(c, 15), 0u);
    BOOST_CHECK(c.GetError() == WireError::TRUNCATED);
    BOOST_CHECK_EQUAL(q->RemoveHeader(c, 16), 16u);
    BOOST_CHECK(c.GetError() == WireError::NONE);

    PptpControlMessage d;
    BOOST_CHECK_EQUAL(d.Deserialize(two.data(), two.size()), 16u);
}

BOOST_AUTO_TEST_CASE(PeekHelpers)
{
    Bytes sccrq = FromHex(CAPTURED[0].hex);
    BOOST_CHECK_EQUAL(PptpControlMessage::PeekLength(sccrq.data(), 1), 0);
    BOOST_CHECK_EQUAL(PptpControlMessage::PeekLength(sccrq.data(), 2), 156);
    uint16_t length = 1;
    BOOST_CHECK(PptpControlMessage::PeekFraming(sccrq.data(), 0, length) == WireError::TRUNCATED);
    BOOST_CHECK_EQUAL(length, 0);
    BOOST_CHECK(PptpControlMessage::PeekFraming(sccrq.data(), 7, length) == WireError::TRUNCATED);
    BOOST_CHECK_EQUAL(length, 156);
    BOOST_CHECK(PptpControlMessage::PeekFraming(sccrq.data(), 8, length) == WireError::NONE);
    sccrq[6] = 0;
    BOOST_CHECK(PptpControlMessage::PeekFraming(sccrq.data(), 8, length) == WireError::BAD_MAGIC);
    Bytes tiny = FromHex("000a");
    BOOST_CHECK(PptpControlMessage::PeekFraming(tiny.data(), 2, length) == WireError::BAD_LENGTH);
    BOOST_CHECK_EQUAL(length, 10);
}

BOOST_AUTO_TEST_CASE(PrintNamesEveryTypeAndField)
{
    const char* names[] = {"Start-Control-Connection-Request",
                           "Start-Control-Connection-Reply",
                           "Stop-Control-Connection-Request",
                           "Stop-Control-Connection-Reply",
                           "Echo-Request",
                           "Echo-Reply",
                           "Outgoing-Call-Request",
                           "Outgoing-Call-Reply",
                           "Incoming-Call-Request",
                           "Incoming-Call-Reply",
                           "Incoming-Call-Connected",
                           "Call-Clear-Request",
                           "Call-Disconnect-Notify",
                           "WAN-Error-Notify",
                           "Set-Link-Info"};
    auto all = OneOfEach();
    for (std::size_t i = 0; i < all.size(); ++i)
    {
        std::string s = Printed(all[i]);
        BOOST_CHECK_MESSAGE(s.find(names[i]) != std::string::npos, s);
        BOOST_CHECK_MESSAGE(
            s.find("length=" + std::to_string(all[i].GetLength())) != std::string::npos, s);
        std::ostringstream viaOperator;
        viaOperator << all[i];
        BOOST_CHECK_EQUAL(viaOperator.str(), s);
    }
    std::string sccrq = Printed(all[0]);
    BOOST_CHECK_MESSAGE(sccrq.find("hostName=\"pns.example\"") != std::string::npos, sccrq);
    BOOST_CHECK_MESSAGE(sccrq.find("vendorName=\"ns-3\"") != std::string::npos, sccrq);
    BOOST_CHECK_MESSAGE(sccrq.find("protocolVersion=1.0(0x0100)") != std::string::npos, sccrq);
    BOOST_CHECK_MESSAGE(
        sccrq.find("framingCapabilities=Async|Sync(0x00000003)") != std::string::npos, sccrq);
    BOOST_CHECK_MESSAGE(sccrq.find("bearerCapabilities=Analog(0x00000001)") != std::string::npos,
                        sccrq);
    BOOST_CHECK_MESSAGE(sccrq.find("firmwareRevision=0x0102") != std::string::npos, sccrq);
    std::string ocrp = Printed(all[7]);
    BOOST_CHECK_MESSAGE(ocrp.find("resultCode=Busy(4)") != std::string::npos, ocrp);
    BOOST_CHECK_MESSAGE(ocrp.find("errorCode=None(0)") != std::string::npos, ocrp);
    BOOST_CHECK_MESSAGE(ocrp.find("peersCallId=7") != std::string::npos, ocrp);
    std::string ocrq = Printed(all[6]);
    BOOST_CHECK_MESSAGE(ocrq.find("bearerType=Either(3)") != std::string::npos, ocrq);
    BOOST_CHECK_MESSAGE(ocrq.find("phoneNumber=\"555\"") != std::string::npos, ocrq);
    std::string sli = Printed(all[14]);
    BOOST_CHECK_MESSAGE(sli.find("sendAccm=0x00000000") != std::string::npos, sli);
    BOOST_CHECK_MESSAGE(sli.find("receiveAccm=0xffffffff") != std::string::npos, sli);

    // Unknown codes, unprintable text and junk after a NUL are shown, not refused.
    PptpCallDisconnectNotify cdn;
    cdn.resultCode = static_cast<PptpCallDisconnectResult>(99);
    cdn.errorCode = static_cast<PptpGeneralError>(200);
    cdn.callStatistics[0] = 'o';
    cdn.callStatistics[1] = 'k';
    cdn.callStatistics[2] = 0x01;
    cdn.callStatistics[3] = '"';
    cdn.callStatistics[5] = 0xab;
    std::string s = Printed(PptpControlMessage(cdn));
    BOOST_CHECK_MESSAGE(s.find("resultCode=UNKNOWN(99)") != std::string::npos, s);
    BOOST_CHECK_MESSAGE(s.find("errorCode=UNKNOWN(200)") != std::string::npos, s);
    BOOST_CHECK_MESSAGE(
        s.find("callStatistics=\"ok\\x01\\x22\"+padding[00ab]") != std::string::npos, s);

    // After a failed decode Print says so.
    PptpControlMessage failed;
    Bytes bad = FromHex("0010");
    failed.Deserialize(bad.data(), bad.size());
    BOOST_CHECK(Printed(failed).find("TRUNCATED") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(NameFunctionsNeverFail)
{
    BOOST_CHECK_EQUAL(PptpControlMessageTypeName(PptpControlMessageType::SET_LINK_INFO),
                      "Set-Link-Info");
    BOOST_CHECK_EQUAL(PptpControlMessageTypeName(static_cast<PptpControlMessageType>(0)),
                      "UNKNOWN");
    BOOST_CHECK_EQUAL(PptpControlMessageTypeName(static_cast<PptpControlMessageType>(16)),
                      "UNKNOWN");
    for (uint16_t t = 1; t <= 15; ++t)
    {
        BOOST_CHECK_NE(PptpControlMessageTypeName(static_cast<PptpControlMessageType>(t)),
                       "UNKNOWN");
    }
    auto known = [](const char* s) { return std::string(s) != "UNKNOWN"; };
    for (unsigned v = 0; v < 256; ++v)
    {
        auto u8 = static_cast<uint8_t>(v);
        BOOST_CHECK_EQUAL(known(PptpStartControlConnectionResultName(
                              static_cast<PptpStartControlConnectionResult>(u8))),
                          v >= 1 && v <= 5);
        BOOST_CHECK_EQUAL(known(PptpStopReasonName(static_cast<PptpStopReason>(u8))),
                          v >= 1 && v <= 3);
        BOOST_CHECK_EQUAL(known(PptpStopControlConnectionResultName(
                              static_cast<PptpStopControlConnectionResult>(u8))),
                          v >= 1 && v <= 2);
        BOOST_CHECK_EQUAL(known(PptpEchoResultName(static_cast<PptpEchoResult>(u8))),
                          v >= 1 && v <= 2);
        BOOST_CHECK_EQUAL(
            known(PptpOutgoingCallResultName(static_cast<PptpOutgoingCallResult>(u8))),
            v >= 1 && v <= 7);
        BOOST_CHECK_EQUAL(
            known(PptpIncomingCallResultName(static_cast<PptpIncomingCallResult>(u8))),
            v >= 1 && v <= 3);
        BOOST_CHECK_EQUAL(
            known(PptpCallDisconnectResultName(static_cast<PptpCallDisconnectResult>(u8))),
            v >= 1 && v <= 4);
        BOOST_CHECK_EQUAL(known(PptpGeneralErrorName(static_cast<PptpGeneralError>(u8))), v <= 6);
        BOOST_CHECK_EQUAL(known(PptpFramingCapabilitiesName(v)), v <= 3);
        BOOST_CHECK_EQUAL(known(PptpBearerCapabilitiesName(v)), v <= 3);
        BOOST_CHECK_EQUAL(known(PptpFramingTypeName(static_cast<PptpFramingType>(v))),
                          v >= 1 && v <= 3);
        BOOST_CHECK_EQUAL(known(PptpBearerTypeName(static_cast<PptpBearerType>(v))),
                          v >= 1 && v <= 3);
    }
    BOOST_CHECK_EQUAL(PptpGeneralErrorName(PptpGeneralError::BAD_CALL_ID), "Bad-Call-ID");
    BOOST_CHECK_EQUAL(PptpOutgoingCallResultName(PptpOutgoingCallResult::NO_DIAL_TONE),
                      "No-Dial-Tone");
    BOOST_CHECK_EQUAL(PptpProtocolVersionName(0x0100), "1.0");
    BOOST_CHECK_EQUAL(PptpProtocolVersionName(0x0200), "UNKNOWN");
    BOOST_CHECK_EQUAL(PptpFramingCapabilitiesName(0xffffffff), "UNKNOWN");
}

BOOST_AUTO_TEST_CASE(TypeIdIsRegistered)
{
    TypeId tid;
    BOOST_CHECK(TypeId::LookupByNameFailSafe("ns3::PptpControlMessage", &tid));
    BOOST_CHECK_EQUAL(tid.GetGroupName(), "Pptp");
    BOOST_CHECK(tid.GetParent() == Header::GetTypeId());
    BOOST_CHECK(PptpControlMessage().GetInstanceTypeId() == tid);
}

BOOST_AUTO_TEST_SUITE_END()
