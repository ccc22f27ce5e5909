/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// LCP, IPCP and CCP packets (RFC 1661 s.5, RFC 1332, RFC 1962): exact bytes
// of every packet kind against hand-written layouts, codes per protocol,
// padding, every error value, and every control packet of the real captures
// decoded through GRE and PPP framing and re-encoded to identical bytes.

#include "gre-header.h"
#include "ppp-control-packet.h"
#include "ppp-frame-header.h"
#include "ppp-option.h"
#include "pptp-test-util.h"

#include "ns3/buffer.h"
#include "ns3/packet.h"

#include <boost/test/unit_test.hpp>
#include <sstream>
#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

/// Decode these bytes as a packet of the protocol; expect success and identical re-encoding.
PppControlPacket
CheckRoundTrip(uint16_t protocol, const std::string& hex)
{
    PppControlPacket packet(protocol);
    Bytes bytes = FromHex(hex);
    BOOST_TEST_CONTEXT(PppProtocolName(protocol) << " packet " << hex)
    {
        BOOST_TEST(Decode(packet, bytes) == bytes.size());
        BOOST_TEST(packet.GetError() == WireError::NONE);
        BOOST_TEST(ToHex(BytesOf(packet)) == hex);
    }
    return packet;
}

/// A captured GRE packet carrying a control packet (GRE header, then the PPP frame).
struct CapturedControl
{
    const char* frame; //!< capture and frame number
    const char* hex;   //!< GRE header and payload
};

/// Every LCP, IPCP and CCP packet of chapcrack_sample_pptp-only.pcap and tcpdump_pptp.pcap.
const CapturedControl CAPTURED[] = {
    {"chapcrack_sample 11",
     "3001880b0018780000000001"
     "ff03c021010100140206000000000506cdc7e2da07020802"},
    {"chapcrack_sample 12",
     "3081880b001d00000000000000000001"
     "ff03c021010100190206000000000305c223810506c29f1d2d07020802"},
    {"chapcrack_sample 13",
     "3001880b0018000000000001"
     "ff03c021020100140206000000000506cdc7e2da07020802"},
    {"chapcrack_sample 14",
     "3081880b001d78000000000200000001"
     "ff03c021020100190206000000000305c223810506c29f1d2d07020802"},
    {"chapcrack_sample 15",
     "3081880b000a00000000000200000002"
     "c02109000008c29f1d2d"},
    {"chapcrack_sample 16",
     "3081880b000a78000000000300000002"
     "c0210a000008cdc7e2da"},
    {"chapcrack_sample 20",
     "3081880b000c78000000000500000004"
     "80fd0101000a120601000060"},
    {"chapcrack_sample 21",
     "3001880b000c000000000005"
     "80fd0101000a120601000040"},
    {"chapcrack_sample 22",
     "3081880b000c78000000000600000005"
     "80fd0201000a120601000040"},
    {"chapcrack_sample 23",
     "3081880b000c00000000000600000005"
     "80fd0301000a120601000040"},
    {"chapcrack_sample 24",
     "3081880b000c78000000000700000006"
     "80fd0102000a120601000040"},
    {"chapcrack_sample 25",
     "3081880b000c00000000000700000007"
     "80fd0202000a120601000040"},
    {"chapcrack_sample 26",
     "3001880b0012000000000008"
     "8021010100100206002d0f010306ac1bc801"},
    {"chapcrack_sample 28",
     "3001880b0018780000000008"
     "802101010016030600000000810600000000830600000000"},
    {"chapcrack_sample 29",
     "3001880b000c780000000009"
     "80210401000a0206002d0f01"},
    {"chapcrack_sample 30",
     "3081880b001800000000000900000009"
     "8021030100160306ac1bc80a8106ac1b00018306ac1b0001"},
    {"chapcrack_sample 31",
     "3081880b001878000000000a00000009"
     "8021010200160306ac1bc80a8106ac1b00018306ac1b0001"},
    {"chapcrack_sample 32",
     "3001880b000c00000000000a"
     "80210102000a0306ac1bc801"},
    {"chapcrack_sample 33",
     "3081880b000c78000000000b0000000a"
     "80210202000a0306ac1bc801"},
    {"chapcrack_sample 34",
     "3081880b001800000000000b0000000b"
     "8021020200160306ac1bc80a8106ac1b00018306ac1b0001"},
    {"chapcrack_sample 122",
     "3001880b001578000000002f"
     "ff03c021050200114d5050452064697361626c6564"},
    {"chapcrack_sample 123",
     "3001880b0015780000000030"
     "ff03c021050300114d5050452064697361626c6564"},
    {"chapcrack_sample 125",
     "3001880b000800000000002b"
     "ff03c02106020004"},
    {"chapcrack_sample 126",
     "3001880b000800000000002c"
     "ff03c02106030004"},
    {"tcpdump 16",
     "3001880b0030000000000000"
     "ff03c0210100002c0506021952cf070208020d03061104064e13170129f76a9077f1472c835247f271d6560700000"
     "00c"},
};

} // namespace

BOOST_AUTO_TEST_SUITE(PppControlPacketTest)

BOOST_AUTO_TEST_CASE(LcpConfigureRequest)
{
    // RFC 1661 s.5.1: Code 1, Identifier, Length = 4 + options; MRU 1500 (s.6.1),
    // Authentication-Protocol CHAP / MS-CHAPv2 (s.6.2, RFC 2759), Magic-Number (s.6.4),
    // PFC (s.6.5), ACFC (s.6.6): 4 + 4 + 5 + 6 + 2 + 2 = 23 = 0x17.
    std::vector<PppOption> options = {
        PppOption::MakeMru(1500),
        PppOption::MakeAuthenticationChap(PppOption::CHAP_MS_CHAP_V2),
        PppOption::MakeMagicNumber(0x12345678),
        PppOption::MakePfc(),
        PppOption::MakeAcfc(),
    };
    PppControlPacket packet = PppControlPacket::MakeConfigureRequest(PppProtocol::LCP, 1, options);
    const std::string hex = "01010017010405dc0305c22381050612345678"
                            "07020802";
    BOOST_TEST(packet.GetSerializedSize() == 23u);
    BOOST_TEST(ToHex(BytesOf(packet)) == hex);

    PppControlPacket decoded = CheckRoundTrip(PppProtocol::LCP, hex);
    BOOST_TEST(decoded.GetCode() == PppControlPacket::CONFIGURE_REQUEST);
    BOOST_TEST(decoded.GetIdentifier() == 1);
    BOOST_TEST_REQUIRE(decoded.GetOptions().size() == 5u);
    BOOST_TEST(decoded.GetOptions()[0].GetMru() == 1500);
    BOOST_TEST(decoded.GetOptions()[1].GetChapAlgorithm() == PppOption::CHAP_MS_CHAP_V2);
    BOOST_TEST(decoded.GetOptions()[2].GetMagicNumber() == 0x12345678u);
    BOOST_TEST((decoded.GetOptions()[3] == PppOption::MakePfc()));
    BOOST_TEST((decoded.GetOptions()[4] == PppOption::MakeAcfc()));
    BOOST_TEST(!decoded.HasUnknownOptions());
    BOOST_TEST(Printed(decoded)
               == "LCP Configure-Request(1) id=1 length=23 options=[MRU=1500 "
                  "Authentication-Protocol=CHAP(0xc223) algorithm=MS-CHAPv2(0x81) "
                  "Magic-Number=0x12345678 PFC ACFC]");
}

BOOST_AUTO_TEST_CASE(ConfigureAckNakReject)
{
    std::vector<PppOption> mru = {PppOption::MakeMru(1400)};
    BOOST_TEST(ToHex(BytesOf(PppControlPacket::MakeConfigure(
                   PppProtocol::LCP, PppControlPacket::CONFIGURE_ACK, 2, mru)))
               == "0202000801040578");
    BOOST_TEST(ToHex(BytesOf(PppControlPacket::MakeConfigure(
                   PppProtocol::LCP, PppControlPacket::CONFIGURE_NAK, 3, mru)))
               == "0303000801040578");
    BOOST_TEST(ToHex(BytesOf(PppControlPacket::MakeConfigure(
                   PppProtocol::LCP, PppControlPacket::CONFIGURE_REJECT, 4, mru)))
               == "0404000801040578");
    // An empty Configure-Request is legal (all defaults).
    BOOST_TEST(ToHex(BytesOf(PppControlPacket::MakeConfigureRequest(PppProtocol::IPCP, 9, {})))
               == "01090004");
    CheckRoundTrip(PppProtocol::IPCP, "01090004");
}

BOOST_AUTO_TEST_CASE(IpcpAddressAndDns)
{
    // RFC 1332 s.3.3 IP-Address, RFC 1877 Primary/Secondary DNS, all 0.0.0.0 to ask the
    // server: byte for byte the request of chapcrack_sample frame 28.
    PppControlPacket packet(PppProtocol::IPCP);
    packet.SetIdentifier(1);
    packet.AddOption(PppOption::MakeIpAddress(Ipv4Address("0.0.0.0")));
    packet.AddOption(
        PppOption::MakeIpcpAddress(PppOption::IPCP_PRIMARY_DNS, Ipv4Address("0.0.0.0")));
    packet.AddOption(
        PppOption::MakeIpcpAddress(PppOption::IPCP_SECONDARY_DNS, Ipv4Address("0.0.0.0")));
    BOOST_TEST(ToHex(BytesOf(packet)) == "01010016030600000000810600000000830600000000");

    // The server's Nak (frame 30) assigns the addresses.
    PppControlPacket nak
        = CheckRoundTrip(PppProtocol::IPCP, "030100160306ac1bc80a8106ac1b00018306ac1b0001");
    BOOST_TEST(nak.GetCode() == PppControlPacket::CONFIGURE_NAK);
    BOOST_TEST_REQUIRE(nak.GetOptions().size() == 3u);
    BOOST_TEST(nak.GetOptions()[0].GetIpv4Address() == Ipv4Address("172.27.200.10"));
    BOOST_TEST(nak.GetOptions()[1].Is(PppProtocol::IPCP, PppOption::IPCP_PRIMARY_DNS));
    BOOST_TEST(nak.GetOptions()[1].GetIpv4Address() == Ipv4Address("172.27.0.1"));
    BOOST_TEST(nak.GetOptions()[2].GetIpv4Address() == Ipv4Address("172.27.0.1"));
    BOOST_TEST(Printed(nak)
               == "IPCP Configure-Nak(3) id=1 length=22 options=[IP-Address="
                  "172.27.200.10 Primary-DNS=172.27.0.1 Secondary-DNS=172.27.0.1]");
}

BOOST_AUTO_TEST_CASE(CcpMppe128Stateless)
{
    // RFC 1962 s.4 with the RFC 3078 s.2 option: H (0x01000000) | S 128-bit (0x40).
    PppControlPacket packet = PppControlPacket::MakeConfigureRequest(
        PppProtocol::CCP,
        1,
        {PppOption::MakeMppe(PppOption::MPPE_STATELESS | PppOption::MPPE_128_BIT)});
    BOOST_TEST(ToHex(BytesOf(packet)) == "0101000a120601000040");
    PppControlPacket decoded = CheckRoundTrip(PppProtocol::CCP, "0101000a120601000040");
    BOOST_TEST(decoded.GetOptions()[0].GetMppeBits() == 0x01000040u);
}

BOOST_AUTO_TEST_CASE(CcpResetRequestAndAck)
{
    // RFC 1962 s.3.1: Code 14 Reset-Request, 15 Reset-Ack, with optional data.
    BOOST_TEST(ToHex(BytesOf(PppControlPacket::MakeReset(PppControlPacket::RESET_REQUEST, 5, {})))
               == "0e050004");
    BOOST_TEST(ToHex(BytesOf(PppControlPacket::MakeReset(PppControlPacket::RESET_ACK, 5, {})))
               == "0f050004");
    PppControlPacket withData
        = PppControlPacket::MakeReset(PppControlPacket::RESET_REQUEST, 6, {0xab, 0xcd});
    BOOST_TEST(ToHex(BytesOf(withData)) == "0e060006abcd");
    PppControlPacket decoded = CheckRoundTrip(PppProtocol::CCP, "0e060006abcd");
    BOOST_TEST(decoded.GetCode() == PppControlPacket::RESET_REQUEST);
    BOOST_TEST(ToHex(decoded.GetData()) == "abcd");
    CheckRoundTrip(PppProtocol::CCP, "0f060004");
    BOOST_TEST(Printed(decoded) == "CCP Reset-Request(14) id=6 length=6 data=abcd");
}

BOOST_AUTO_TEST_CASE(EchoAndDiscard)
{
    // RFC 1661 s.5.8: Code, Identifier, Length, Magic-Number, Data.
    PppControlPacket request
        = PppControlPacket::MakeEcho(PppControlPacket::ECHO_REQUEST, 0, 0xc29f1d2d, {});
    BOOST_TEST(ToHex(BytesOf(request)) == "09000008c29f1d2d"); // chapcrack_sample frame 15
    PppControlPacket reply
        = PppControlPacket::MakeEcho(PppControlPacket::ECHO_REPLY, 7, 0x01020304, {0xab, 0xcd});
    BOOST_TEST(ToHex(BytesOf(reply)) == "0a07000a01020304abcd");
    PppControlPacket discard
        = PppControlPacket::MakeEcho(PppControlPacket::DISCARD_REQUEST, 1, 0, {});
    BOOST_TEST(ToHex(BytesOf(discard)) == "0b01000800000000");

    PppControlPacket decoded = CheckRoundTrip(PppProtocol::LCP, "0a07000a01020304abcd");
    BOOST_TEST(decoded.GetCode() == PppControlPacket::ECHO_REPLY);
    BOOST_TEST(decoded.GetMagicNumber() == 0x01020304u);
    BOOST_TEST(ToHex(decoded.GetData()) == "abcd");
    BOOST_TEST(Printed(decoded) == "LCP Echo-Reply(10) id=7 length=10 magic=0x01020304 data=abcd");
    CheckRoundTrip(PppProtocol::LCP, "0b01000800000000");
}

BOOST_AUTO_TEST_CASE(CodeReject)
{
    // RFC 1661 s.5.6: the rejected packet follows Length, starting at its Code.
    PppControlPacket packet
        = PppControlPacket::MakeCodeReject(PppProtocol::LCP, 3, {0x20, 0x05, 0x00, 0x04});
    BOOST_TEST(ToHex(BytesOf(packet)) == "0703000820050004");
    PppControlPacket decoded = CheckRoundTrip(PppProtocol::LCP, "0703000820050004");
    BOOST_TEST(decoded.GetCode() == PppControlPacket::CODE_REJECT);
    BOOST_TEST(ToHex(decoded.GetData()) == "20050004");
    BOOST_TEST(Printed(decoded) == "LCP Code-Reject(7) id=3 length=8 rejected-packet=20050004");
    CheckRoundTrip(PppProtocol::CCP, "0703000820050004");
}

BOOST_AUTO_TEST_CASE(ProtocolReject)
{
    // RFC 1661 s.5.7: Rejected-Protocol (2 octets), then the rejected information.
    PppControlPacket packet
        = PppControlPacket::MakeProtocolReject(4, PppProtocol::IPV6CP, {0x01, 0x01, 0x00, 0x04});
    BOOST_TEST(ToHex(BytesOf(packet)) == "0804000a805701010004");
    PppControlPacket decoded = CheckRoundTrip(PppProtocol::LCP, "0804000a805701010004");
    BOOST_TEST(decoded.GetRejectedProtocol() == PppProtocol::IPV6CP);
    BOOST_TEST(ToHex(decoded.GetData()) == "01010004");
    BOOST_TEST(Printed(decoded)
               == "LCP Protocol-Reject(8) id=4 length=10 "
                  "rejected-protocol=IPV6CP(0x8057) information=01010004");
    CheckRoundTrip(PppProtocol::LCP, "08040006c025"); // no information
}

BOOST_AUTO_TEST_CASE(Terminate)
{
    // RFC 1661 s.5.5; the request of chapcrack_sample frame 122 carries "MPPE disabled".
    const std::string text = "MPPE disabled";
    PppControlPacket request = PppControlPacket::MakeTerminate(
        PppProtocol::LCP, PppControlPacket::TERMINATE_REQUEST, 2, Bytes(text.begin(), text.end()));
    BOOST_TEST(ToHex(BytesOf(request)) == "050200114d5050452064697361626c6564");
    PppControlPacket ack = PppControlPacket::MakeTerminate(
        PppProtocol::IPCP, PppControlPacket::TERMINATE_ACK, 2, {});
    BOOST_TEST(ToHex(BytesOf(ack)) == "06020004");
    PppControlPacket decoded
        = CheckRoundTrip(PppProtocol::LCP, "050200114d5050452064697361626c6564");
    BOOST_TEST(std::string(decoded.GetData().begin(), decoded.GetData().end()) == text);
}

BOOST_AUTO_TEST_CASE(CapturedControlPacketsThroughTheStack)
{
    // GRE header, PPP frame header and control packet removed from a packet, checked
    // and added back: identical bytes.
    for (const auto& captured : CAPTURED)
    {
        BOOST_TEST_CONTEXT(captured.frame)
        {
            Bytes bytes = FromHex(captured.hex);
            Ptr<Packet> packet = PacketOf(bytes);
            GreHeader gre;
            BOOST_TEST_REQUIRE(packet->RemoveHeader(gre) > 0u);
            BOOST_TEST(gre.GetError() == WireError::NONE);
            BOOST_TEST(gre.GetPayloadLength() == packet->GetSize());
            PppFrameHeader frame;
            BOOST_TEST_REQUIRE(packet->RemoveHeader(frame) > 0u);
            BOOST_TEST(frame.GetError() == WireError::NONE);
            PppControlPacket control(frame.GetProtocol());
            BOOST_TEST_REQUIRE(packet->RemoveHeader(control) > 0u);
            BOOST_TEST(control.GetError() == WireError::NONE);
            BOOST_TEST(packet->GetSize() == 0u);
            BOOST_TEST(!control.HasUnknownOptions());
            std::string printed = Printed(control);
            BOOST_TEST(printed.find("unknown") == std::string::npos);

            packet->AddHeader(control);
            packet->AddHeader(frame);
            packet->AddHeader(gre);
            BOOST_TEST(ToHex(BytesOf(packet)) == ToHex(bytes));
        }
    }
}

BOOST_AUTO_TEST_CASE(CapturedContents)
{
    // chapcrack_sample frame 12: pptpd asks for ACCM 0, CHAP MS-CHAPv2, a magic, PFC, ACFC.
    PppControlPacket lcp
        = CheckRoundTrip(PppProtocol::LCP, "010100190206000000000305c223810506c29f1d2d07020802");
    BOOST_TEST_REQUIRE(lcp.GetOptions().size() == 5u);
    BOOST_TEST(lcp.GetOptions()[0].GetAccm() == 0u);
    BOOST_TEST(lcp.GetOptions()[1].GetAuthenticationProtocol() == PppProtocol::CHAP);
    BOOST_TEST(lcp.GetOptions()[1].GetChapAlgorithm() == PppOption::CHAP_MS_CHAP_V2);
    BOOST_TEST(lcp.GetOptions()[2].GetMagicNumber() == 0xc29f1d2du);
    // Frame 29: the client rejects Van Jacobson compression.
    PppControlPacket reject = CheckRoundTrip(PppProtocol::IPCP, "0401000a0206002d0f01");
    BOOST_TEST(reject.GetCode() == PppControlPacket::CONFIGURE_REJECT);
    BOOST_TEST(reject.GetOptions()[0].GetIpCompressionProtocol() == 0x002d);
    // tcpdump frame 16: six options, the last an Endpoint-Discriminator of 23 octets.
    PppControlPacket windows = CheckRoundTrip(PppProtocol::LCP,
                                              "0100002c0506021952cf070208020d03061104064e131701"
                                              "29f76a9077f1472c835247f271d656070000000c");
    BOOST_TEST_REQUIRE(windows.GetOptions().size() == 6u);
    BOOST_TEST(windows.GetOptions()[3].GetCallbackOperation() == PppOption::CALLBACK_CBCP);
    BOOST_TEST(windows.GetOptions()[4].GetMrru() == 1614);
    BOOST_TEST(windows.GetOptions()[5].GetEndpointClass() == PppOption::ENDPOINT_LOCAL);
}

BOOST_AUTO_TEST_CASE(MutatedInputsNeverMisdecode)
{
    // Captured control packets with random octets changed and random cuts, decoded as each
    // control protocol: a decode either fails with a reason, or succeeds and re-encodes to
    // exactly the octets it consumed (Length).
    std::vector<Bytes> seeds;
    for (const auto& captured : CAPTURED)
    {
        Bytes bytes = FromHex(captured.hex);
        uint32_t greSize = 8 + ((bytes[0] & 0x10) ? 4 : 0) + ((bytes[1] & 0x80) ? 4 : 0);
        uint32_t frameSize = bytes[greSize] == 0xff ? 4 : 2;
        seeds.emplace_back(bytes.begin() + greSize + frameSize, bytes.end());
    }
    const uint16_t protocols[] = {PppProtocol::LCP, PppProtocol::IPCP, PppProtocol::CCP};
    uint32_t state = 4242;
    auto next = [&state]()
    {
        state = state * 1103515245u + 12345u;
        return state >> 16;
    };
    uint32_t decoded = 0;
    for (int round = 0; round < 30000; ++round)
    {
        Bytes bytes = seeds[next() % seeds.size()];
        for (uint32_t flips = next() % 3; flips > 0; --flips)
        {
            bytes[next() % bytes.size()] = static_cast<uint8_t>(next());
        }
        if (next() % 2 == 0)
        {
            bytes.resize(next() % (bytes.size() + 1));
        }
        PppControlPacket packet(protocols[next() % 3]);
        uint32_t used = Decode(packet, bytes);
        if (used == 0)
        {
            BOOST_TEST((packet.GetError() != WireError::NONE));
            continue;
        }
        ++decoded;
        BOOST_TEST(packet.GetError() == WireError::NONE);
        BOOST_TEST(used <= bytes.size());
        BOOST_TEST(ToHex(BytesOf(packet)) == ToHex(Bytes(bytes.begin(), bytes.begin() + used)));
        std::ostringstream os;
        packet.Print(os);
        BOOST_TEST(!os.str().empty());
    }
    BOOST_TEST(decoded > 1000u);
}

BOOST_AUTO_TEST_CASE(PaddingIsNotConsumed)
{
    // RFC 1661 s.5: octets outside Length are padding and are ignored.
    PppControlPacket packet(PppProtocol::LCP);
    BOOST_TEST(Decode(packet, FromHex("060200040000000000")) == 4u);
    BOOST_TEST(packet.GetError() == WireError::NONE);
    BOOST_TEST(packet.GetCode() == PppControlPacket::TERMINATE_ACK);
    BOOST_TEST(ToHex(BytesOf(packet)) == "06020004");
    PppControlPacket options(PppProtocol::LCP);
    BOOST_TEST(Decode(options, FromHex("010100080104057800")) == 8u);
    BOOST_TEST(options.GetOptions().size() == 1u);
    BOOST_TEST(ToHex(BytesOf(options)) == "0101000801040578");
}

BOOST_AUTO_TEST_CASE(Truncated)
{
    const char* const cases[]
        = {"", "01", "010100", "01010008010405", "09000008c29f1d", "0e050006ab"};
    for (const char* hex : cases)
    {
        BOOST_TEST_CONTEXT("packet '" << hex << "'")
        {
            PppControlPacket packet(PppProtocol::CCP);
            if (std::string(hex).substr(0, 2) == "09")
            {
                packet.SetProtocol(PppProtocol::LCP);
            }
            BOOST_TEST(Decode(packet, FromHex(hex)) == 0u);
            BOOST_TEST(packet.GetError() == WireError::TRUNCATED);
        }
    }
}

BOOST_AUTO_TEST_CASE(BadLength)
{
    struct Case
    {
        uint16_t protocol;
        const char* hex;
    };

    const Case cases[] = {
        {PppProtocol::LCP, "01010000"},       // Length 0
        {PppProtocol::LCP, "05010003ff"},     // Length 3
        {PppProtocol::LCP, "09000004"},       // Echo-Request without Magic-Number
        {PppProtocol::LCP, "0a000007c29f1d"}, // Echo-Reply with 3 octets of it
        {PppProtocol::LCP, "0b000006c29f"},   // Discard-Request
        {PppProtocol::LCP, "08000005c0"},     // Protocol-Reject with half a protocol
        {PppProtocol::LCP, "08000004"},       // Protocol-Reject without a protocol
    };
    for (const auto& c : cases)
    {
        BOOST_TEST_CONTEXT("packet " << c.hex)
        {
            PppControlPacket packet(c.protocol);
            BOOST_TEST(Decode(packet, FromHex(c.hex)) == 0u);
            BOOST_TEST(packet.GetError() == WireError::BAD_LENGTH);
        }
    }
}

BOOST_AUTO_TEST_CASE(UnknownCodeKeptForCodeReject)
{
    struct Case
    {
        uint16_t protocol;
        const char* hex;
    };

    const Case cases[] = {
        {PppProtocol::LCP, "00010008000000ff"}, // Vendor-Specific (RFC 2153), not supported
        {PppProtocol::LCP, "0c010004"},
        {PppProtocol::LCP, "0e010004"},          // Reset-Request is CCP only
        {PppProtocol::IPCP, "08010006c021"},     // Protocol-Reject is LCP only
        {PppProtocol::IPCP, "09000008c29f1d2d"}, // Echo-Request is LCP only
        {PppProtocol::IPCP, "0e010004"},
        {PppProtocol::CCP, "0b0100080000000000"},
        {PppProtocol::CCP, "0d010004"},
        {PppProtocol::CCP, "10010004"},
        {PppProtocol::CCP, "ff0100050a"},
    };
    for (const auto& c : cases)
    {
        BOOST_TEST_CONTEXT(PppProtocolName(c.protocol) << " packet " << c.hex)
        {
            Bytes bytes = FromHex(c.hex);
            PppControlPacket packet(c.protocol);
            BOOST_TEST(Decode(packet, bytes) == 0u);
            BOOST_TEST(packet.GetError() == WireError::UNKNOWN_TYPE);
            BOOST_TEST(packet.GetCode() == bytes[0]);
            BOOST_TEST(packet.GetIdentifier() == bytes[1]);
            uint32_t length = (bytes[2] << 8) | bytes[3];
            BOOST_TEST(ToHex(packet.GetData())
                       == ToHex(Bytes(bytes.begin() + 4, bytes.begin() + length)));
            // Serialize() gives back the packet (up to Length) for the Code-Reject.
            Bytes rejected = BytesOf(packet);
            BOOST_TEST(ToHex(rejected) == ToHex(Bytes(bytes.begin(), bytes.begin() + length)));
            PppControlPacket codeReject = PppControlPacket::MakeCodeReject(c.protocol, 9, rejected);
            BOOST_TEST(ToHex(BytesOf(codeReject)).substr(8) == ToHex(rejected));
            BOOST_TEST(Printed(packet).find("error=UNKNOWN_TYPE") != std::string::npos);
        }
    }
    BOOST_TEST(!PppControlPacket::IsValidCode(PppProtocol::LCP, 0));
    BOOST_TEST(PppControlPacket::IsValidCode(PppProtocol::LCP, 11));
    BOOST_TEST(!PppControlPacket::IsValidCode(PppProtocol::LCP, 12));
    BOOST_TEST(PppControlPacket::IsValidCode(PppProtocol::IPCP, 7));
    BOOST_TEST(!PppControlPacket::IsValidCode(PppProtocol::IPCP, 8));
    BOOST_TEST(PppControlPacket::IsValidCode(PppProtocol::CCP, 14));
    BOOST_TEST(PppControlPacket::IsValidCode(PppProtocol::CCP, 15));
    BOOST_TEST(!PppControlPacket::IsValidCode(PppProtocol::CCP, 8));
    BOOST_TEST(!PppControlPacket::IsValidCode(PppProtocol::CHAP, 1));
}

BOOST_AUTO_TEST_CASE(BadOptionLength)
{
    struct Case
    {
        uint16_t protocol;
        const char* hex;
    };

    const Case cases[] = {
        {PppProtocol::LCP, "010100060100"},     // option Length 0
        {PppProtocol::LCP, "010100060101"},     // option Length 1
        {PppProtocol::LCP, "0101000801060578"}, // option past the packet's Length
        {PppProtocol::LCP,
         "0101000901040578"
         "07"},                                       // a lone Type octet at the end
        {PppProtocol::LCP, "0201000701030a"},         // MRU of length 3 in a Configure-Ack
        {PppProtocol::LCP, "030100080703ffff"},       // PFC of length 3 in a Configure-Nak
        {PppProtocol::IPCP, "0401000903050a0000"},    // IP-Address of length 5
        {PppProtocol::CCP, "0101000b12070100004000"}, // MPPE of length 7
    };
    for (const auto& c : cases)
    {
        BOOST_TEST_CONTEXT(PppProtocolName(c.protocol) << " packet " << c.hex)
        {
            PppControlPacket packet(c.protocol);
            BOOST_TEST(Decode(packet, FromHex(c.hex)) == 0u);
            BOOST_TEST(packet.GetError() == WireError::BAD_OPTION_LENGTH);
        }
    }
}

BOOST_AUTO_TEST_CASE(UnknownOptionsDecodeForConfigureReject)
{
    // An LCP type 30 and an IPCP type 5 are undefined; the packet still decodes.
    PppControlPacket lcp = CheckRoundTrip(PppProtocol::LCP, "01050011010405dc1e03aa05060a0b0c0d");
    BOOST_TEST(lcp.HasUnknownOptions());
    BOOST_TEST_REQUIRE(lcp.GetOptions().size() == 3u);
    BOOST_TEST(lcp.GetOptions()[0].GetStatus() == WireError::NONE);
    BOOST_TEST(lcp.GetOptions()[1].GetStatus() == WireError::UNKNOWN_TYPE);
    BOOST_TEST(lcp.GetOptions()[2].GetStatus() == WireError::NONE);

    // The Configure-Reject echoes the unknown option unchanged.
    PppControlPacket reject = PppControlPacket::MakeConfigure(
        PppProtocol::LCP, PppControlPacket::CONFIGURE_REJECT, 5, {lcp.GetOptions()[1]});
    BOOST_TEST(ToHex(BytesOf(reject)) == "040500071e03aa");
    PppControlPacket decodedReject = CheckRoundTrip(PppProtocol::LCP, "040500071e03aa");
    BOOST_TEST(decodedReject.HasUnknownOptions());

    PppControlPacket ipcp = CheckRoundTrip(PppProtocol::IPCP, "0101000a050401ff0702");
    BOOST_TEST(ipcp.HasUnknownOptions());
    BOOST_TEST(ipcp.GetOptions()[1].GetStatus() == WireError::UNKNOWN_TYPE); // 7 undefined in IPCP
}

BOOST_AUTO_TEST_CASE(DecodeReusesThePacket)
{
    PppControlPacket packet(PppProtocol::LCP);
    CheckRoundTrip(PppProtocol::LCP, "010100190206000000000305c223810506c29f1d2d07020802");
    BOOST_TEST(Decode(packet, FromHex("010100190206000000000305c223810506c29f1d2d07020802"))
               == 25u);
    BOOST_TEST(packet.GetOptions().size() == 5u);
    BOOST_TEST(Decode(packet, FromHex("09000008c29f1d2d")) == 8u);
    BOOST_TEST(packet.GetOptions().empty());
    BOOST_TEST(packet.GetMagicNumber() == 0xc29f1d2du);
    BOOST_TEST(ToHex(BytesOf(packet)) == "09000008c29f1d2d");
    BOOST_TEST(Decode(packet, FromHex("0101")) == 0u);
    BOOST_TEST(Decode(packet, FromHex("06020004")) == 4u);
    BOOST_TEST(packet.GetError() == WireError::NONE);
}

BOOST_AUTO_TEST_CASE(CodeNamesAndTypeId)
{
    BOOST_TEST(PppControlPacket::CodeName(1) == std::string("Configure-Request"));
    BOOST_TEST(PppControlPacket::CodeName(4) == std::string("Configure-Reject"));
    BOOST_TEST(PppControlPacket::CodeName(7) == std::string("Code-Reject"));
    BOOST_TEST(PppControlPacket::CodeName(11) == std::string("Discard-Request"));
    BOOST_TEST(PppControlPacket::CodeName(14) == std::string("Reset-Request"));
    BOOST_TEST(PppControlPacket::CodeName(15) == std::string("Reset-Ack"));
    BOOST_TEST(PppControlPacket::CodeName(12) == std::string("unknown"));
    TypeId tid;
    BOOST_TEST(TypeId::LookupByNameFailSafe("ns3::PppControlPacket", &tid));
    BOOST_TEST(tid.GetGroupName() == "Pptp");
}

BOOST_AUTO_TEST_SUITE_END()
