/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// PPP Configuration Options of LCP (RFC 1661 s.6, RFC 1570, RFC 1990), IPCP
// (RFC 1332, RFC 1877) and CCP (RFC 1962, MPPE of RFC 3078): exact bytes of
// each typed option, typed accessors, length rules, unknown types and Print.

#include "ppp-frame-header.h"
#include "ppp-option.h"
#include "pptp-test-util.h"

#include "ns3/buffer.h"

#include <boost/test/unit_test.hpp>
#include <sstream>
#include <string>

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

/// The bytes an option serialises to.
Bytes
Encode(const PppOption& option)
{
    Buffer buffer;
    buffer.AddAtStart(option.GetSerializedSize());
    option.Serialize(buffer.Begin());
    Bytes out(buffer.GetSize());
    buffer.CopyData(out.data(), static_cast<uint32_t>(out.size()));
    return out;
}

/// Decode one option from exactly these bytes (all of them available to it).
uint32_t
Decode(PppOption& option, const Bytes& bytes, uint16_t protocol)
{
    Buffer buffer;
    buffer.AddAtStart(static_cast<uint32_t>(bytes.size()));
    buffer.Begin().Write(bytes.data(), static_cast<uint32_t>(bytes.size()));
    return option.Deserialize(buffer.Begin(), static_cast<uint32_t>(bytes.size()), protocol);
}

/// Encode, compare with the hand-written layout, decode back and compare again.
void
CheckLayout(const PppOption& option, const std::string& hex)
{
    BOOST_TEST_CONTEXT("option " << hex)
    {
        BOOST_TEST(option.GetStatus() == WireError::NONE);
        BOOST_TEST(ToHex(Encode(option)) == hex);
        BOOST_TEST(option.GetSerializedSize() == hex.size() / 2);
        BOOST_TEST(option.GetLength() == hex.size() / 2);
        PppOption decoded;
        BOOST_TEST(Decode(decoded, FromHex(hex), option.GetProtocol()) == hex.size() / 2);
        BOOST_TEST(decoded.GetStatus() == WireError::NONE);
        BOOST_TEST((decoded == option));
        BOOST_TEST(ToHex(Encode(decoded)) == hex);
    }
}

} // namespace

BOOST_AUTO_TEST_SUITE(PppOptionTest)

BOOST_AUTO_TEST_CASE(LcpLayouts)
{
    // RFC 1661 s.6.1: MRU, type 1, length 4, 2-octet MRU.
    PppOption mru = PppOption::MakeMru(1400);
    CheckLayout(mru, "01040578");
    BOOST_TEST(mru.GetMru() == 1400);
    BOOST_TEST(mru.Is(PppProtocol::LCP, PppOption::LCP_MRU));
    // RFC 1662 s.7.1: ACCM, type 2, length 6.
    PppOption accm = PppOption::MakeAccm(0x000a0000);
    CheckLayout(accm, "0206000a0000");
    BOOST_TEST(accm.GetAccm() == 0x000a0000u);
    // RFC 1661 s.6.2 / RFC 1334 s.3.1: PAP, length 4.
    PppOption pap = PppOption::MakeAuthenticationPap();
    CheckLayout(pap, "0304c023");
    BOOST_TEST(pap.GetAuthenticationProtocol() == PppProtocol::PAP);
    // RFC 1994 s.3 / RFC 2759 s.2: CHAP with algorithm 0x05 (MD5), 0x80, 0x81 (MS-CHAPv2).
    PppOption md5 = PppOption::MakeAuthenticationChap(PppOption::CHAP_MD5);
    CheckLayout(md5, "0305c22305");
    PppOption msChap = PppOption::MakeAuthenticationChap(PppOption::CHAP_MS_CHAP_V1);
    CheckLayout(msChap, "0305c22380");
    PppOption msChapV2 = PppOption::MakeAuthenticationChap(PppOption::CHAP_MS_CHAP_V2);
    CheckLayout(msChapV2, "0305c22381");
    BOOST_TEST(msChapV2.GetAuthenticationProtocol() == PppProtocol::CHAP);
    BOOST_TEST(msChapV2.GetChapAlgorithm() == 0x81);
    // RFC 1661 s.6.3: Quality-Protocol with LQR and its reporting period (RFC 1989).
    const uint8_t period[] = {0x00, 0x00, 0x03, 0xe8};
    PppOption quality = PppOption::MakeQualityProtocol(PppProtocol::LQR, period, 4);
    CheckLayout(quality, "0408c025000003e8");
    BOOST_TEST(quality.GetQualityProtocol() == PppProtocol::LQR);
    // RFC 1661 s.6.4: Magic-Number, length 6.
    PppOption magic = PppOption::MakeMagicNumber(0xcdc7e2da);
    CheckLayout(magic, "0506cdc7e2da");
    BOOST_TEST(magic.GetMagicNumber() == 0xcdc7e2dau);
    // RFC 1661 s.6.5, 6.6: PFC and ACFC, length 2.
    CheckLayout(PppOption::MakePfc(), "0702");
    CheckLayout(PppOption::MakeAcfc(), "0802");
    // RFC 1570 s.2.3: Callback, operation, message.
    PppOption callback = PppOption::MakeCallback(PppOption::CALLBACK_CBCP, nullptr, 0);
    CheckLayout(callback, "0d0306");
    BOOST_TEST(callback.GetCallbackOperation() == 6);
    const uint8_t number[] = {'5', '5', '5'};
    CheckLayout(PppOption::MakeCallback(PppOption::CALLBACK_E164, number, 3), "0d0603353535");
    // RFC 1990 s.5.1: MRRU (length 4), Short-Sequence (2), Endpoint-Discriminator.
    PppOption mrru = PppOption::MakeMrru(1614);
    CheckLayout(mrru, "1104064e");
    BOOST_TEST(mrru.GetMrru() == 1614);
    CheckLayout(PppOption::MakeShortSequence(), "1202");
    const uint8_t address[] = {0x0a, 0x00, 0x00, 0x01};
    PppOption endpoint = PppOption::MakeEndpointDiscriminator(PppOption::ENDPOINT_IP, address, 4);
    CheckLayout(endpoint, "1307020a000001");
    BOOST_TEST(endpoint.GetEndpointClass() == PppOption::ENDPOINT_IP);
    BOOST_TEST(endpoint.GetDataSize() == 5);
    BOOST_TEST(endpoint.GetData()[0] == 2);
}

BOOST_AUTO_TEST_CASE(IpcpLayouts)
{
    // RFC 1332 s.3.2: IP-Compression-Protocol VJ 0x002d, Max-Slot-Id 15, Comp-Slot-Id 1
    // (chapcrack_sample frame 26).
    const uint8_t vj[] = {0x0f, 0x01};
    PppOption compression = PppOption::MakeIpCompressionProtocol(0x002d, vj, 2);
    CheckLayout(compression, "0206002d0f01");
    BOOST_TEST(compression.GetIpCompressionProtocol() == PppProtocol::VJ_COMPRESSED_TCP);
    // RFC 1332 s.3.3: IP-Address, type 3, length 6.
    PppOption ip = PppOption::MakeIpAddress(Ipv4Address("172.27.200.1"));
    CheckLayout(ip, "0306ac1bc801");
    BOOST_TEST(ip.GetIpv4Address() == Ipv4Address("172.27.200.1"));
    BOOST_TEST(ip.Is(PppProtocol::IPCP, PppOption::IPCP_IP_ADDRESS));
    // RFC 1877 s.1.1, 1.2, 1.3, 1.4: types 129..132.
    PppOption dns = PppOption::MakeIpcpAddress(PppOption::IPCP_PRIMARY_DNS, Ipv4Address("8.8.8.8"));
    CheckLayout(dns, "810608080808");
    BOOST_TEST(dns.GetIpv4Address() == Ipv4Address("8.8.8.8"));
    CheckLayout(PppOption::MakeIpcpAddress(PppOption::IPCP_PRIMARY_NBNS, Ipv4Address("10.0.0.2")),
                "82060a000002");
    CheckLayout(PppOption::MakeIpcpAddress(PppOption::IPCP_SECONDARY_DNS, Ipv4Address("1.1.1.1")),
                "830601010101");
    CheckLayout(PppOption::MakeIpcpAddress(PppOption::IPCP_SECONDARY_NBNS, Ipv4Address("10.0.0.3")),
                "84060a000003");
    CheckLayout(PppOption::MakeIpAddress(Ipv4Address("0.0.0.0")), "030600000000");
}

BOOST_AUTO_TEST_CASE(MppeBitsFollowRfc3078)
{
    // RFC 3078 s.2 text: H = 0x01 in the most significant octet (stateless), S = 0x40
    // (128-bit), M = 0x80 (56-bit), L = 0x20 (40-bit), D = 0x10 (obsolete), C = 0x01 (MPPC).
    BOOST_TEST(PppOption::MPPE_STATELESS == 0x01000000u);
    BOOST_TEST(PppOption::MPPE_128_BIT == 0x40u);
    BOOST_TEST(PppOption::MPPE_56_BIT == 0x80u);
    BOOST_TEST(PppOption::MPPE_40_BIT == 0x20u);
    BOOST_TEST(PppOption::MPPE_OBSOLETE_D == 0x10u);
    BOOST_TEST(PppOption::MPPC_COMPRESSION == 0x01u);

    // 128-bit stateless, as pptpd Naks to and both sides Ack (chapcrack_sample frames 23-25).
    PppOption mppe = PppOption::MakeMppe(PppOption::MPPE_STATELESS | PppOption::MPPE_128_BIT);
    CheckLayout(mppe, "120601000040");
    BOOST_TEST(mppe.Is(PppProtocol::CCP, PppOption::CCP_MPPE));
    BOOST_TEST(mppe.GetMppeBits() == 0x01000040u);

    // The client's first offer, frame 20: tshark shows "0x01000060, H, S, L" with
    // S = "128-bit encryption ON" and L = "40-bit encryption ON".
    PppOption offer;
    BOOST_TEST(Decode(offer, FromHex("120601000060"), PppProtocol::CCP) == 6u);
    BOOST_TEST(offer.GetStatus() == WireError::NONE);
    uint32_t bits = offer.GetMppeBits();
    BOOST_TEST((bits & PppOption::MPPE_STATELESS) != 0);
    BOOST_TEST((bits & PppOption::MPPE_128_BIT) != 0);
    BOOST_TEST((bits & PppOption::MPPE_40_BIT) != 0);
    BOOST_TEST((bits & PppOption::MPPE_56_BIT) == 0);
    BOOST_TEST(Printed(offer) == "MPPE/MPPC bits=0x01000060(H-stateless,S-128bit,L-40bit)");
}

BOOST_AUTO_TEST_CASE(CapturedTcpdumpLcpOptions)
{
    // tcpdump_pptp.pcap frame 16 (Windows NT client): Magic, PFC, ACFC, Callback(6),
    // MRRU 1614, Endpoint-Discriminator class 1 with 20 octets.
    Bytes bytes = FromHex("0506021952cf070208020d03061104064e13170129f76a9077f1472c835247f271d6"
                          "56070000000c");
    Buffer buffer;
    buffer.AddAtStart(static_cast<uint32_t>(bytes.size()));
    buffer.Begin().Write(bytes.data(), static_cast<uint32_t>(bytes.size()));
    Buffer::Iterator it = buffer.Begin();
    uint32_t left = static_cast<uint32_t>(bytes.size());
    const uint8_t types[] = {5, 7, 8, 13, 17, 19};
    Bytes reencoded;
    for (uint8_t type : types)
    {
        PppOption option;
        uint32_t used = option.Deserialize(it, left, PppProtocol::LCP);
        BOOST_TEST_REQUIRE(used > 0u);
        BOOST_TEST(option.GetStatus() == WireError::NONE);
        BOOST_TEST(option.GetType() == type);
        Bytes encoded = Encode(option);
        reencoded.insert(reencoded.end(), encoded.begin(), encoded.end());
        it.Next(used);
        left -= used;
        if (type == 5)
        {
            BOOST_TEST(option.GetMagicNumber() == 0x021952cfu);
        }
        if (type == 13)
        {
            BOOST_TEST(option.GetCallbackOperation() == PppOption::CALLBACK_CBCP);
            BOOST_TEST(Printed(option) == "Callback operation=CBCP(6) message=");
        }
        if (type == 17)
        {
            BOOST_TEST(option.GetMrru() == 1614);
        }
        if (type == 19)
        {
            BOOST_TEST(option.GetEndpointClass() == PppOption::ENDPOINT_LOCAL);
            BOOST_TEST(option.GetLength() == 23);
            BOOST_TEST(Printed(option)
                       == "Endpoint-Discriminator class=locally-assigned(1) "
                          "address=29f76a9077f1472c835247f271d656070000000c");
        }
    }
    BOOST_TEST(left == 0u);
    BOOST_TEST(ToHex(reencoded) == ToHex(bytes));
}

BOOST_AUTO_TEST_CASE(OptionLengthStructure)
{
    // Length 0 or 1, a Length past the available octets, or only a Type octet left.
    struct Case
    {
        const char* hex;
        uint32_t available;
    };

    const Case cases[] = {{"0100", 2},
                          {"0101", 2},
                          {"0704", 2},
                          {"0506cdc7e2", 5},
                          {"05", 1},
                          {"", 0},
                          {"050600000000", 4}};
    for (const auto& c : cases)
    {
        BOOST_TEST_CONTEXT("option '" << c.hex << "' in " << c.available << " octets")
        {
            Bytes bytes = FromHex(c.hex);
            Buffer buffer;
            buffer.AddAtStart(static_cast<uint32_t>(bytes.size()));
            buffer.Begin().Write(bytes.data(), static_cast<uint32_t>(bytes.size()));
            PppOption option;
            BOOST_TEST(option.Deserialize(buffer.Begin(), c.available, PppProtocol::LCP) == 0u);
            BOOST_TEST(option.GetStatus() == WireError::BAD_OPTION_LENGTH);
        }
    }
}

BOOST_AUTO_TEST_CASE(WrongLengthForType)
{
    struct Case
    {
        uint16_t protocol;
        const char* hex;
    };

    const Case cases[] = {
        {PppProtocol::LCP, "010305"},          // MRU not 4
        {PppProtocol::LCP, "0105050000"},      // MRU not 4
        {PppProtocol::LCP, "0205000000"},      // ACCM not 6
        {PppProtocol::LCP, "030300"},          // Auth shorter than 4
        {PppProtocol::LCP, "0305c02300"},      // PAP with data
        {PppProtocol::LCP, "0304c223"},        // CHAP without algorithm
        {PppProtocol::LCP, "0306c2238100"},    // CHAP with two octets
        {PppProtocol::LCP, "0403c0"},          // Quality shorter than 4
        {PppProtocol::LCP, "0505cdc7e2"},      // Magic not 6
        {PppProtocol::LCP, "0507cdc7e2da00"},  // Magic not 6
        {PppProtocol::LCP, "070300"},          // PFC not 2
        {PppProtocol::LCP, "080300"},          // ACFC not 2
        {PppProtocol::LCP, "0d02"},            // Callback without operation
        {PppProtocol::LCP, "110306"},          // MRRU not 4
        {PppProtocol::LCP, "120300"},          // Short-Sequence not 2
        {PppProtocol::LCP, "1302"},            // Endpoint-Discriminator without class
        {PppProtocol::IPCP, "020300"},         // IP-Compression-Protocol shorter than 4
        {PppProtocol::IPCP, "0305ac1bc8"},     // IP-Address not 6
        {PppProtocol::IPCP, "0307ac1bc80100"}, // IP-Address not 6
        {PppProtocol::IPCP, "8105ac1b00"},     // Primary-DNS not 6
        {PppProtocol::IPCP, "8205ac1b00"},     // Primary-NBNS not 6
        {PppProtocol::IPCP, "8305ac1b00"},     // Secondary-DNS not 6
        {PppProtocol::IPCP, "8405ac1b00"},     // Secondary-NBNS not 6
        {PppProtocol::IPCP, "010600000000"},   // IP-Addresses not 10
        {PppProtocol::CCP, "1205010000"},      // MPPE not 6
        {PppProtocol::CCP, "12070100004000"},  // MPPE not 6
    };
    for (const auto& c : cases)
    {
        BOOST_TEST_CONTEXT(PppProtocolName(c.protocol) << " option " << c.hex)
        {
            PppOption option;
            BOOST_TEST(Decode(option, FromHex(c.hex), c.protocol) == 0u);
            BOOST_TEST(option.GetStatus() == WireError::BAD_OPTION_LENGTH);
            // Built by hand, the same option reports the same status.
            Bytes bytes = FromHex(c.hex);
            PppOption built(
                c.protocol, bytes[0], bytes.data() + 2, static_cast<uint8_t>(bytes.size() - 2));
            BOOST_TEST(built.GetStatus() == WireError::BAD_OPTION_LENGTH);
            BOOST_TEST(Printed(built).find("status=BAD_OPTION_LENGTH") != std::string::npos);
        }
    }
}

BOOST_AUTO_TEST_CASE(UnknownTypesAreKept)
{
    // Types the protocol does not define decode (for a Configure-Reject) and re-encode as is.
    struct Case
    {
        uint16_t protocol;
        const char* hex;
    };

    const Case cases[] = {{PppProtocol::LCP, "0603ab"},
                          {PppProtocol::LCP, "1e02"},
                          {PppProtocol::LCP, "c8050a0b0c"},
                          {PppProtocol::IPCP, "050401ff"},
                          {PppProtocol::IPCP, "80060a000001"},
                          {PppProtocol::IPCP, "8506c0a80001"},
                          {PppProtocol::CCP, "0402"},
                          {PppProtocol::CCP, "1603aa"},
                          {PppProtocol::CCP, "ff02"}};
    for (const auto& c : cases)
    {
        BOOST_TEST_CONTEXT(PppProtocolName(c.protocol) << " option " << c.hex)
        {
            Bytes bytes = FromHex(c.hex);
            PppOption option;
            BOOST_TEST(Decode(option, bytes, c.protocol) == bytes.size());
            BOOST_TEST(option.GetStatus() == WireError::UNKNOWN_TYPE);
            BOOST_TEST(!PppOption::IsKnownType(c.protocol, bytes[0]));
            BOOST_TEST(option.GetType() == bytes[0]);
            BOOST_TEST(option.GetDataSize() == bytes.size() - 2);
            BOOST_TEST(ToHex(Encode(option)) == c.hex);
            BOOST_TEST(Printed(option).find("status=UNKNOWN_TYPE") != std::string::npos);
        }
    }
}

BOOST_AUTO_TEST_CASE(GenericKnownTypes)
{
    // Defined types without a typed accessor are kept as raw data with status NONE.
    PppOption deflate;
    BOOST_TEST(Decode(deflate, FromHex("1a047800"), PppProtocol::CCP) == 4u);
    BOOST_TEST(deflate.GetStatus() == WireError::NONE);
    BOOST_TEST(Printed(deflate) == "Deflate(type=26 data=7800)");
    PppOption bsd;
    BOOST_TEST(Decode(bsd, FromHex("15032f"), PppProtocol::CCP) == 3u);
    BOOST_TEST(bsd.GetStatus() == WireError::NONE);
    PppOption connect;
    BOOST_TEST(Decode(connect, FromHex("0e0600000e10"), PppProtocol::LCP) == 6u);
    BOOST_TEST(connect.GetStatus() == WireError::NONE);
    BOOST_TEST(ToHex(Encode(connect)) == "0e0600000e10");
    // An authentication protocol other than PAP and CHAP (EAP) has no fixed length.
    PppOption eap;
    BOOST_TEST(Decode(eap, FromHex("0304c227"), PppProtocol::LCP) == 4u);
    BOOST_TEST(eap.GetStatus() == WireError::NONE);
    BOOST_TEST(eap.GetAuthenticationProtocol() == PppProtocol::EAP);
}

BOOST_AUTO_TEST_CASE(SameTypeDiffersByProtocol)
{
    // Type 3 is Authentication-Protocol in LCP and IP-Address in IPCP; type 18 is
    // Short-Sequence in LCP and MPPE in CCP.
    PppOption lcp;
    PppOption ipcp;
    Bytes bytes = FromHex("0306ac1bc801");
    BOOST_TEST(Decode(lcp, bytes, PppProtocol::LCP) == 6u);
    BOOST_TEST(Decode(ipcp, bytes, PppProtocol::IPCP) == 6u);
    BOOST_TEST(lcp.GetStatus() == WireError::NONE);
    BOOST_TEST(ipcp.GetStatus() == WireError::NONE);
    BOOST_TEST((lcp != ipcp));
    BOOST_TEST(PppOption::TypeName(PppProtocol::LCP, 3) == std::string("Authentication-Protocol"));
    BOOST_TEST(PppOption::TypeName(PppProtocol::IPCP, 3) == std::string("IP-Address"));
    BOOST_TEST(PppOption::TypeName(PppProtocol::CCP, 18) == std::string("MPPE/MPPC"));
    BOOST_TEST(PppOption::TypeName(PppProtocol::LCP, 18) == std::string("Short-Sequence"));
    PppOption shortSeq;
    BOOST_TEST(Decode(shortSeq, FromHex("120601000040"), PppProtocol::LCP) == 0u);
    BOOST_TEST(shortSeq.GetStatus() == WireError::BAD_OPTION_LENGTH);
}

BOOST_AUTO_TEST_CASE(RandomOptions)
{
    // Random type/length/data in random windows: a decode either fails with
    // BAD_OPTION_LENGTH, or consumes Length octets and re-encodes them exactly.
    const uint16_t protocols[] = {PppProtocol::LCP, PppProtocol::IPCP, PppProtocol::CCP};
    uint32_t state = 99;
    auto next = [&state]()
    {
        state = state * 1103515245u + 12345u;
        return state >> 16;
    };
    for (int round = 0; round < 30000; ++round)
    {
        Bytes bytes(next() % 12);
        for (auto& octet : bytes)
        {
            octet = static_cast<uint8_t>(next());
        }
        if (bytes.size() >= 2 && next() % 4 != 0)
        {
            bytes[1] = static_cast<uint8_t>(next() % (bytes.size() + 2));
        }
        uint16_t protocol = protocols[next() % 3];
        PppOption option;
        uint32_t used = Decode(option, bytes, protocol);
        if (used == 0)
        {
            BOOST_TEST(option.GetStatus() == WireError::BAD_OPTION_LENGTH);
            continue;
        }
        BOOST_TEST((option.GetStatus() == WireError::NONE
                    || option.GetStatus() == WireError::UNKNOWN_TYPE));
        BOOST_TEST(used == bytes[1]);
        BOOST_TEST(ToHex(Encode(option)) == ToHex(Bytes(bytes.begin(), bytes.begin() + used)));
        BOOST_TEST(!Printed(option).empty());
    }
}

BOOST_AUTO_TEST_CASE(Print)
{
    BOOST_TEST(Printed(PppOption::MakeMru(1400)) == "MRU=1400");
    BOOST_TEST(Printed(PppOption::MakeAccm(0)) == "ACCM=0x00000000");
    BOOST_TEST(Printed(PppOption::MakeAuthenticationPap())
               == "Authentication-Protocol=PAP(0xc023)");
    BOOST_TEST(Printed(PppOption::MakeAuthenticationChap(PppOption::CHAP_MS_CHAP_V2))
               == "Authentication-Protocol=CHAP(0xc223) algorithm=MS-CHAPv2(0x81)");
    BOOST_TEST(Printed(PppOption::MakeMagicNumber(0xc29f1d2d)) == "Magic-Number=0xc29f1d2d");
    BOOST_TEST(Printed(PppOption::MakePfc()) == "PFC");
    BOOST_TEST(Printed(PppOption::MakeAcfc()) == "ACFC");
    BOOST_TEST(Printed(PppOption::MakeMrru(1614)) == "MRRU=1614");
    const uint8_t vj[] = {0x0f, 0x01};
    BOOST_TEST(Printed(PppOption::MakeIpCompressionProtocol(0x002d, vj, 2))
               == "IP-Compression-Protocol=VJ-Compressed-TCP(0x002d) data=0f01");
    BOOST_TEST(Printed(PppOption::MakeIpAddress(Ipv4Address("172.27.200.10")))
               == "IP-Address=172.27.200.10");
    BOOST_TEST(Printed(PppOption::MakeIpcpAddress(PppOption::IPCP_SECONDARY_DNS,
                                                  Ipv4Address("172.27.0.1")))
               == "Secondary-DNS=172.27.0.1");
    BOOST_TEST(Printed(PppOption::MakeMppe(0x81000011))
               == "MPPE/MPPC bits=0x81000011(H-stateless,D-obsolete,C-MPPC,reserved=0x80000000)");
    PppOption unknown;
    Decode(unknown, FromHex("1e03ff"), PppProtocol::LCP);
    BOOST_TEST(Printed(unknown)
               == "LCP-option(type=30 unknown length=3 data=ff status=UNKNOWN_TYPE)");
}

BOOST_AUTO_TEST_CASE(Names)
{
    BOOST_TEST(PppOption::ChapAlgorithmName(0x05) == std::string("MD5"));
    BOOST_TEST(PppOption::ChapAlgorithmName(0x80) == std::string("MS-CHAP"));
    BOOST_TEST(PppOption::ChapAlgorithmName(0x81) == std::string("MS-CHAPv2"));
    BOOST_TEST(PppOption::ChapAlgorithmName(0x06) == std::string("unknown"));
    BOOST_TEST(PppOption::CallbackOperationName(3) == std::string("E.164-number"));
    BOOST_TEST(PppOption::EndpointClassName(3) == std::string("MAC-address"));
    BOOST_TEST(PppOption::TypeName(PppProtocol::IPCP, 129) == std::string("Primary-DNS"));
    BOOST_TEST(PppOption::TypeName(PppProtocol::IPCP, 132) == std::string("Secondary-NBNS"));
    BOOST_TEST(PppOption::TypeName(PppProtocol::IPV4, 1) == std::string("unknown"));
    BOOST_TEST(PppOption::IsControlProtocol(PppProtocol::LCP));
    BOOST_TEST(PppOption::IsControlProtocol(PppProtocol::IPCP));
    BOOST_TEST(PppOption::IsControlProtocol(PppProtocol::CCP));
    BOOST_TEST(!PppOption::IsControlProtocol(PppProtocol::CHAP));
}

BOOST_AUTO_TEST_SUITE_END()
