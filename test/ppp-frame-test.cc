/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// PPP frame header as PPTP carries it (RFC 1661 s.2, RFC 1662 s.3, no HDLC
// flags or FCS): the four Address/Control and Protocol-Field-Compression
// combinations, protocol validity, every error value and real frame starts.

#include "ppp-frame-header.h"
#include "pptp-test-util.h"

#include "ns3/buffer.h"
#include "ns3/packet.h"

#include <boost/test/unit_test.hpp>
#include <sstream>
#include <string>

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

} // namespace

BOOST_AUTO_TEST_SUITE(PppFrameTest)

BOOST_AUTO_TEST_CASE(FourEncodings)
{
    // RFC 1662 s.3.1: FF 03, then the Protocol field; RFC 1661 s.6.5 / 6.6 compress them.
    struct Case
    {
        bool addressControl;
        bool pfc;
        const char* hex;
    };

    const Case cases[] = {{true, false, "ff030021"},
                          {true, true, "ff0321"},
                          {false, false, "0021"},
                          {false, true, "21"}};
    for (const auto& c : cases)
    {
        BOOST_TEST_CONTEXT("encoding " << c.hex)
        {
            PppFrameHeader header(PppProtocol::IPV4);
            header.SetAddressControl(c.addressControl);
            header.SetProtocolCompression(c.pfc);
            Bytes expected = FromHex(c.hex);
            BOOST_TEST(header.GetSerializedSize() == expected.size());
            BOOST_TEST(ToHex(BytesOf(header)) == c.hex);

            Bytes withPayload = expected;
            withPayload.push_back(0x45); // first octet of an IPv4 header
            PppFrameHeader decoded(PppProtocol::LCP);
            BOOST_TEST(Decode(decoded, withPayload) == expected.size());
            BOOST_TEST(decoded.GetError() == WireError::NONE);
            BOOST_TEST(decoded.GetProtocol() == PppProtocol::IPV4);
            BOOST_TEST(decoded.HasAddressControl() == c.addressControl);
            BOOST_TEST(decoded.IsProtocolCompressed() == c.pfc);
            BOOST_TEST(ToHex(BytesOf(decoded)) == c.hex);
        }
    }
}

BOOST_AUTO_TEST_CASE(CompressionOnlyBelow0x100)
{
    // RFC 1661 s.6.6: only protocols 0x0000-0x00ff can be compressed; LCP stays 2 octets.
    PppFrameHeader header(PppProtocol::LCP);
    header.SetAddressControl(false);
    header.SetProtocolCompression(true);
    BOOST_TEST(!header.IsProtocolCompressed());
    BOOST_TEST(ToHex(BytesOf(header)) == "c021");
    header.SetProtocol(PppProtocol::COMPRESSED_DATAGRAM);
    BOOST_TEST(header.IsProtocolCompressed());
    BOOST_TEST(ToHex(BytesOf(header)) == "fd");
    header.SetAddressControl(true);
    BOOST_TEST(ToHex(BytesOf(header)) == "ff03fd");
}

BOOST_AUTO_TEST_CASE(DefaultIsIpv4Uncompressed)
{
    PppFrameHeader header;
    BOOST_TEST(ToHex(BytesOf(header)) == "ff030021");
    BOOST_TEST(header.GetError() == WireError::NONE);
}

BOOST_AUTO_TEST_CASE(CapturedFrameStarts)
{
    // Frame starts after the GRE header in the captures: LCP with FF 03 (chapcrack_sample
    // frame 11), LCP without (frame 15, after ACFC), CHAP, CCP, IPCP, MPPE with a one-octet
    // protocol (frame 36), IPv4 with FF 03 and two octets (zeek frame 1).
    struct Case
    {
        const char* hex;
        uint32_t size;
        uint16_t protocol;
        bool addressControl;
        bool compressed;
    };

    const Case cases[]
        = {{"ff03c021010100140206", 4, PppProtocol::LCP, true, false},
           {"c02109000008c29f1d2d", 2, PppProtocol::LCP, false, false},
           {"c2230106001a10fc8c01", 2, PppProtocol::CHAP, false, false},
           {"80fd0101000a12060100", 2, PppProtocol::CCP, false, false},
           {"8021010100100206002d", 2, PppProtocol::IPCP, false, false},
           {"fd90000bf9a4d469ea94", 1, PppProtocol::COMPRESSED_DATAGRAM, false, true},
           {"ff03002145000063", 4, PppProtocol::IPV4, true, false}};
    for (const auto& c : cases)
    {
        BOOST_TEST_CONTEXT("frame " << c.hex)
        {
            Bytes bytes = FromHex(c.hex);
            PppFrameHeader header;
            BOOST_TEST(Decode(header, bytes) == c.size);
            BOOST_TEST(header.GetError() == WireError::NONE);
            BOOST_TEST(header.GetProtocol() == c.protocol);
            BOOST_TEST(header.HasAddressControl() == c.addressControl);
            BOOST_TEST(header.IsProtocolCompressed() == c.compressed);
            BOOST_TEST(ToHex(BytesOf(header))
                       == ToHex(Bytes(bytes.begin(), bytes.begin() + c.size)));
        }
    }
}

BOOST_AUTO_TEST_CASE(ThroughPacket)
{
    Ptr<Packet> packet = PacketOf(FromHex("0102030405"));
    PppFrameHeader header(PppProtocol::CCP);
    header.SetAddressControl(false);
    packet->AddHeader(header);
    BOOST_TEST(ToHex(BytesOf(packet)) == "80fd0102030405");
    PppFrameHeader removed;
    BOOST_TEST(packet->RemoveHeader(removed) == 2u);
    BOOST_TEST(removed.GetProtocol() == PppProtocol::CCP);
    BOOST_TEST(ToHex(BytesOf(packet)) == "0102030405");
}

BOOST_AUTO_TEST_CASE(AllShortInputs)
{
    // Every input of up to two octets plus random longer ones: a decode either fails with
    // a reason, or succeeds and re-encodes to exactly the octets it consumed.
    auto check = [](const Bytes& bytes)
    {
        PppFrameHeader header;
        uint32_t used = Decode(header, bytes);
        if (used == 0)
        {
            BOOST_TEST((header.GetError() != WireError::NONE));
            return;
        }
        BOOST_TEST(header.GetError() == WireError::NONE);
        BOOST_TEST(used <= bytes.size());
        BOOST_TEST(IsValidPppProtocol(header.GetProtocol()));
        BOOST_TEST(ToHex(BytesOf(header)) == ToHex(Bytes(bytes.begin(), bytes.begin() + used)));
    };
    check(Bytes{});
    for (uint32_t a = 0; a < 256; ++a)
    {
        check(Bytes{static_cast<uint8_t>(a)});
        for (uint32_t b = 0; b < 256; ++b)
        {
            check(Bytes{static_cast<uint8_t>(a), static_cast<uint8_t>(b)});
        }
    }
    uint32_t state = 777;
    for (int round = 0; round < 5000; ++round)
    {
        Bytes bytes(2 + round % 4);
        for (auto& octet : bytes)
        {
            state = state * 1103515245u + 12345u;
            octet = static_cast<uint8_t>(state >> 16);
        }
        if (round % 2 == 0)
        {
            bytes[0] = 0xff;
        }
        check(bytes);
    }
}

BOOST_AUTO_TEST_CASE(Truncated)
{
    const char* const cases[] = {"", "ff", "ff03", "ff03c0", "c0", "00"};
    for (const char* hex : cases)
    {
        BOOST_TEST_CONTEXT("frame '" << hex << "'")
        {
            PppFrameHeader header;
            BOOST_TEST(Decode(header, FromHex(hex)) == 0u);
            BOOST_TEST(header.GetError() == WireError::TRUNCATED);
        }
    }
}

BOOST_AUTO_TEST_CASE(AddressWithoutControl)
{
    // RFC 1662 s.3.1: the Control field is always 0x03 after an All-Stations address.
    const char* const cases[] = {"ff00c021", "ff13c021", "ffffc021"};
    for (const char* hex : cases)
    {
        BOOST_TEST_CONTEXT("frame " << hex)
        {
            PppFrameHeader header;
            BOOST_TEST(Decode(header, FromHex(hex)) == 0u);
            BOOST_TEST(header.GetError() == WireError::BAD_VALUE);
        }
    }
}

BOOST_AUTO_TEST_CASE(InvalidProtocol)
{
    // RFC 1661 s.2: low octet odd, high octet even. An odd first octet is always a
    // (valid) one-octet protocol, so only an even low octet can be wrong here.
    const char* const cases[] = {"c020", "ff03c020", "0000", "ff030000", "8020", "00fe"};
    for (const char* hex : cases)
    {
        BOOST_TEST_CONTEXT("frame " << hex)
        {
            PppFrameHeader header;
            BOOST_TEST(Decode(header, FromHex(hex)) == 0u);
            BOOST_TEST(header.GetError() == WireError::BAD_PROTOCOL);
        }
    }
    BOOST_TEST(IsValidPppProtocol(0xc021));
    BOOST_TEST(IsValidPppProtocol(0x0021));
    BOOST_TEST(!IsValidPppProtocol(0xc020));
    BOOST_TEST(!IsValidPppProtocol(0xc121));

    // One-octet protocols are odd, hence always valid: 0xc1 and 0x01.
    PppFrameHeader oneOctet;
    BOOST_TEST(Decode(oneOctet, FromHex("ff03c120")) == 3u);
    BOOST_TEST(oneOctet.GetProtocol() == 0x00c1);
    BOOST_TEST(Decode(oneOctet, FromHex("0100")) == 1u);
    BOOST_TEST(oneOctet.GetProtocol() == PppProtocol::PADDING);
}

BOOST_AUTO_TEST_CASE(ProtocolNames)
{
    BOOST_TEST(PppProtocolName(PppProtocol::IPV4) == std::string("IPv4"));
    BOOST_TEST(PppProtocolName(PppProtocol::COMPRESSED_DATAGRAM)
               == std::string("Compressed-Datagram"));
    BOOST_TEST(PppProtocolName(PppProtocol::IPCP) == std::string("IPCP"));
    BOOST_TEST(PppProtocolName(PppProtocol::CCP) == std::string("CCP"));
    BOOST_TEST(PppProtocolName(PppProtocol::LCP) == std::string("LCP"));
    BOOST_TEST(PppProtocolName(PppProtocol::PAP) == std::string("PAP"));
    BOOST_TEST(PppProtocolName(PppProtocol::CHAP) == std::string("CHAP"));
    BOOST_TEST(PppProtocolName(PppProtocol::IPV6) == std::string("IPv6"));
    BOOST_TEST(PppProtocolName(PppProtocol::IPV6CP) == std::string("IPV6CP"));
    BOOST_TEST(PppProtocolName(0x1234) == std::string("unknown"));
    BOOST_TEST(PppProtocol::IPV4 == 0x0021);
    BOOST_TEST(PppProtocol::COMPRESSED_DATAGRAM == 0x00fd);
    BOOST_TEST(PppProtocol::IPCP == 0x8021);
    BOOST_TEST(PppProtocol::CCP == 0x80fd);
    BOOST_TEST(PppProtocol::LCP == 0xc021);
    BOOST_TEST(PppProtocol::PAP == 0xc023);
    BOOST_TEST(PppProtocol::CHAP == 0xc223);
}

BOOST_AUTO_TEST_CASE(Print)
{
    PppFrameHeader header(PppProtocol::LCP);
    BOOST_TEST(Printed(header) == "PPP address=0xff control=0x03 protocol=0xc021(LCP)");
    header.SetProtocol(PppProtocol::COMPRESSED_DATAGRAM);
    header.SetAddressControl(false);
    header.SetProtocolCompression(true);
    BOOST_TEST(Printed(header) == "PPP (ACFC) protocol=0x00fd(Compressed-Datagram) (PFC)");
    PppFrameHeader bad;
    Decode(bad, FromHex("ff00"));
    BOOST_TEST(Printed(bad).find("error=BAD_VALUE") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(TypeIdRegistered)
{
    TypeId tid;
    BOOST_TEST(TypeId::LookupByNameFailSafe("ns3::PppFrameHeader", &tid));
    BOOST_TEST(tid.GetGroupName() == "Pptp");
}

BOOST_AUTO_TEST_SUITE_END()
