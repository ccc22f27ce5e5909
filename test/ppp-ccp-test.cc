/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// PppCcp (RFC 1962, MPPE option of RFC 3078 s.2): two instances back to back through a
// delayed link, checking every packet exchanged and the outcome; a scripted peer that
// replays the CCP exchange of the real capture chapcrack_sample_pptp-only.pcap (frames
// 20-25) against either side; the peer-bits verdicts (D, C, no common strength, other
// options); the RFC 3078 s.8.2 Reset-Request without Reset-Ack; configuration errors.

#include "abort-check.h"
#include "mppe-keys.h"
#include "ppp-automaton-link.h"
#include "ppp-ccp.h"
#include "ppp-control-packet.h"
#include "ppp-frame-header.h"
#include "ppp-option.h"
#include "pptp-test-util.h"

#include "ns3/boolean.h"
#include "ns3/enum.h"
#include "ns3/nstime.h"
#include "ns3/simulator.h"
#include "ns3/string.h"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

// CCP payloads (from Code on) of chapcrack_sample_pptp-only.pcap; client 192.168.1.102
// (pptp-linux), server 198.252.153.26 (pptpd).
const char* const FRAME_20_CLIENT_CR = "0101000a120601000060"; // H S L
const char* const FRAME_21_SERVER_CR = "0101000a120601000040"; // H S
const char* const FRAME_22_CLIENT_CA = "0201000a120601000040";
const char* const FRAME_23_SERVER_CN = "0301000a120601000040"; // H S for the client
const char* const FRAME_24_CLIENT_CR = "0102000a120601000040";
const char* const FRAME_25_SERVER_CA = "0202000a120601000040";

const uint32_t H = PppOption::MPPE_STATELESS;
const uint32_t S = PppOption::MPPE_128_BIT;
const uint32_t M = PppOption::MPPE_56_BIT;
const uint32_t L = PppOption::MPPE_40_BIT;

/// A CCP packet as "CR MPPE=01000040 t26" (the test fails if it does not decode).
std::string
Describe(Ptr<const Packet> packet)
{
    PppControlPacket decoded(PppProtocol::CCP);
    packet->PeekHeader(decoded);
    BOOST_REQUIRE(decoded.GetError() == WireError::NONE);
    std::string text = PppCodeTag(decoded.GetCode());
    if (decoded.GetCode() <= PppControlPacket::CONFIGURE_REJECT)
    {
        for (const PppOption& option : decoded.GetOptions())
        {
            if (option.GetStatus() == WireError::NONE
                && option.Is(PppProtocol::CCP, PppOption::CCP_MPPE))
            {
                char bits[16];
                std::snprintf(bits, sizeof(bits), "%08x", option.GetMppeBits());
                text += std::string(" MPPE=") + bits;
            }
            else
            {
                text += " t" + std::to_string(option.GetType());
            }
        }
    }
    return text;
}

/// What the "Negotiated" trace reported.
struct Outcome
{
    int fired = 0;                                 //!< how often
    bool mppe = false;                             //!< last mppe
    MppeStrength strength = MppeStrength::BITS_40; //!< last strength
    bool stateless = false;                        //!< last mode
};

/// One CCP instance with its layer events and traces recorded.
struct Side
{
    Ptr<PppCcp> ccp;                   //!< the instance
    int up = 0;                        //!< tlu callbacks
    int down = 0;                      //!< tld callbacks
    int finished = 0;                  //!< tlf callbacks
    int resets = 0;                    //!< Reset-Request callbacks
    Outcome outcome;                   //!< "Negotiated"
    std::vector<std::string> refusals; //!< "EncryptionRefused" reasons
    std::vector<uint8_t> resetIds;     //!< "ResetRequestSent" identifiers

    /// A CCP with MPPE keys, recording everything.
    Side()
        : ccp(CreateObject<PppCcp>())
    {
        ccp->SetKeysAvailable(true);
        ccp->SetLayerCallbacks(Callback<void>([this]() { ++up; }),
                               Callback<void>([this]() { ++down; }),
                               Callback<void>([this]() { ++finished; }));
        ccp->SetResetRequestCallback(Callback<void>([this]() { ++resets; }));
        ccp->TraceConnectWithoutContext("Negotiated",
                                        Callback<void, bool, MppeStrength, bool>(
                                            [this](bool m, MppeStrength s, bool h)
                                            {
                                                ++outcome.fired;
                                                outcome.mppe = m;
                                                outcome.strength = s;
                                                outcome.stateless = h;
                                            }));
        ccp->TraceConnectWithoutContext(
            "EncryptionRefused",
            Callback<void, const std::string&>([this](const std::string& reason)
                                               { refusals.push_back(reason); }));
        ccp->TraceConnectWithoutContext(
            "ResetRequestSent",
            Callback<void, uint8_t>([this](uint8_t id) { resetIds.push_back(id); }));
    }

    /// Set one attribute.
    Side&
    Set(const std::string& name, const AttributeValue& value)
    {
        ccp->SetAttribute(name, value);
        return *this;
    }
};

/**
 * Two CCP instances, A (the client) and B (the server), 10 ms apart; every packet is logged
 * as "A CR MPPE=01000040".
 */
struct Link : PppAutomatonLink<Side, PppCcp, &Side::ccp>
{
    Link()
        : PppAutomatonLink(PppProtocol::CCP, &Describe)
    {
    }
};

/// One CCP instance whose packets are collected; the test plays the peer.
struct Probe : PppAutomatonProbe<Side, PppCcp, &Side::ccp>
{
    Probe()
        : PppAutomatonProbe(PppProtocol::CCP)
    {
    }
};

} // namespace

BOOST_AUTO_TEST_SUITE(PppCcpTest)

BOOST_AUTO_TEST_CASE(PolicyNames)
{
    BOOST_CHECK_EQUAL(PppCcp::PolicyName(PppCcp::Policy::NONE), std::string("NONE"));
    BOOST_CHECK_EQUAL(PppCcp::PolicyName(PppCcp::Policy::OPTIONAL), std::string("OPTIONAL"));
    BOOST_CHECK_EQUAL(PppCcp::PolicyName(PppCcp::Policy::REQUIRED), std::string("REQUIRED"));
    BOOST_CHECK_EQUAL(Printed(PppCcp::Policy::REQUIRED), std::string("REQUIRED"));
    // The Encryption attribute takes the names.
    Ptr<PppCcp> ccp = CreateObject<PppCcp>();
    EnumValue policy;
    ccp->GetAttribute("Encryption", policy);
    BOOST_CHECK_EQUAL(policy.Get(), int(PppCcp::Policy::OPTIONAL));
    ccp->SetAttribute("Encryption", StringValue("REQUIRED"));
    ccp->GetAttribute("Encryption", policy);
    BOOST_CHECK_EQUAL(policy.Get(), int(PppCcp::Policy::REQUIRED));
    BOOST_CHECK(!ccp->SetAttributeFailSafe("Encryption", StringValue("SOMETIMES")));
    BOOST_CHECK(!ccp->SetAttributeFailSafe("Encryption", EnumValue(7)));
    ccp->Dispose();
}

BOOST_AUTO_TEST_CASE(FirstRequestBytes)
{
    // Defaults: 128-bit stateless only, as pptpd's request in frame 21:
    // 01 id 000a | 12 06 01000040 (type 18, length 6, H|S).
    {
        Probe probe;
        probe.Start();
        BOOST_REQUIRE_EQUAL(probe.out.size(), 1U);
        BOOST_CHECK_EQUAL(WithoutIdentifier(probe.Last()), "0100000a120601000040");
        BOOST_CHECK_EQUAL(WithoutIdentifier(probe.Last()),
                          WithoutIdentifier(FromHex(FRAME_21_SERVER_CR)));
        Simulator::Destroy();
    }
    // 40 and 128 allowed: H|S|L as pptp-linux's request in frame 20.
    {
        Probe probe;
        probe.side.Set("Allow40Bit", BooleanValue(true));
        probe.Start();
        BOOST_CHECK_EQUAL(WithoutIdentifier(probe.Last()),
                          WithoutIdentifier(FromHex(FRAME_20_CLIENT_CR)));
        Simulator::Destroy();
    }
    // Every strength, both modes: H preferred, 0x010000e0.
    {
        Probe probe;
        probe.side.Set("Allow40Bit", BooleanValue(true))
            .Set("Allow56Bit", BooleanValue(true))
            .Set("AllowStateful", BooleanValue(true));
        probe.Start();
        BOOST_CHECK_EQUAL(WithoutIdentifier(probe.Last()), "0100000a1206010000e0");
        Simulator::Destroy();
    }
    // Stateful only: no H.
    {
        Probe probe;
        probe.side.Set("AllowStateless", BooleanValue(false))
            .Set("AllowStateful", BooleanValue(true));
        probe.Start();
        BOOST_CHECK_EQUAL(WithoutIdentifier(probe.Last()), "0100000a120600000040");
        Simulator::Destroy();
    }
    // Policy NONE, or no keys: an empty request.
    {
        Probe probe;
        probe.side.Set("Encryption", EnumValue(PppCcp::Policy::NONE));
        probe.Start();
        BOOST_CHECK_EQUAL(WithoutIdentifier(probe.Last()), "01000004");
        Simulator::Destroy();
    }
    {
        Probe probe;
        probe.side.ccp->SetKeysAvailable(false);
        probe.Start();
        BOOST_CHECK_EQUAL(WithoutIdentifier(probe.Last()), "01000004");
        Simulator::Destroy();
    }
}

BOOST_AUTO_TEST_CASE(ReplayCaptureAsClient)
{
    // Our client configured as pptp-linux (40 and 128 bits, stateless) against the
    // capture's server: every reply must be the capture's bytes.
    Probe client;
    client.side.Set("Allow40Bit", BooleanValue(true));
    client.Start();
    BOOST_REQUIRE_EQUAL(client.out.size(), 1U);
    BOOST_CHECK_EQUAL(WithoutIdentifier(client.Last()),
                      WithoutIdentifier(FromHex(FRAME_20_CLIENT_CR)));
    uint8_t firstId = client.Last()[1];

    client.Inject(FRAME_21_SERVER_CR);
    BOOST_REQUIRE_EQUAL(client.out.size(), 2U);
    BOOST_CHECK_EQUAL(ToHex(client.Last()), FRAME_22_CLIENT_CA);

    client.Inject(WithIdentifier(FRAME_23_SERVER_CN, firstId));
    BOOST_REQUIRE_EQUAL(client.out.size(), 3U);
    BOOST_CHECK_EQUAL(WithoutIdentifier(client.Last()),
                      WithoutIdentifier(FromHex(FRAME_24_CLIENT_CR)));
    uint8_t secondId = client.Last()[1];
    BOOST_CHECK_NE(secondId, firstId);

    client.Inject(WithIdentifier(FRAME_25_SERVER_CA, secondId));
    BOOST_CHECK(client.side.ccp->GetState() == PppAutomatonState::OPENED);
    BOOST_CHECK_EQUAL(client.side.up, 1);
    BOOST_CHECK(client.side.ccp->IsMppeOn());
    BOOST_CHECK(client.side.ccp->GetStrength() == MppeStrength::BITS_128);
    BOOST_CHECK(client.side.ccp->IsStateless());
    BOOST_CHECK_EQUAL(client.side.outcome.fired, 1);
    BOOST_CHECK(client.side.outcome.mppe);
    BOOST_CHECK(client.side.outcome.strength == MppeStrength::BITS_128);
    BOOST_CHECK(client.side.outcome.stateless);
    BOOST_CHECK_EQUAL(client.out.size(), 3U);
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(ReplayCaptureAsServer)
{
    // Our server with the defaults against the capture's client.
    Probe server;
    server.Start();
    BOOST_CHECK_EQUAL(WithoutIdentifier(server.Last()),
                      WithoutIdentifier(FromHex(FRAME_21_SERVER_CR)));
    uint8_t id = server.Last()[1];

    server.Inject(FRAME_20_CLIENT_CR);
    BOOST_REQUIRE_EQUAL(server.out.size(), 2U);
    BOOST_CHECK_EQUAL(ToHex(server.Last()), FRAME_23_SERVER_CN);

    server.Inject(WithIdentifier(FRAME_22_CLIENT_CA, id));
    BOOST_CHECK(server.side.ccp->GetState() == PppAutomatonState::ACK_RCVD);

    server.Inject(FRAME_24_CLIENT_CR);
    BOOST_REQUIRE_EQUAL(server.out.size(), 3U);
    BOOST_CHECK_EQUAL(ToHex(server.Last()), FRAME_25_SERVER_CA);
    BOOST_CHECK(server.side.ccp->GetState() == PppAutomatonState::OPENED);
    BOOST_CHECK(server.side.ccp->IsMppeOn());
    BOOST_CHECK(server.side.ccp->GetStrength() == MppeStrength::BITS_128);
    BOOST_CHECK(server.side.ccp->IsStateless());
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(BothDefaultsGive128Stateless)
{
    Link link;
    link.Run();
    std::vector<std::string> expected{
        "B CR MPPE=01000040", "A CR MPPE=01000040", "A CA MPPE=01000040", "B CA MPPE=01000040"};
    BOOST_CHECK_EQUAL_COLLECTIONS(
        link.log.begin(), link.log.end(), expected.begin(), expected.end());
    for (Side* side : {&link.a, &link.b})
    {
        BOOST_CHECK(side->ccp->IsOpened());
        BOOST_CHECK_EQUAL(side->up, 1);
        BOOST_CHECK(side->ccp->IsMppeOn());
        BOOST_CHECK(side->ccp->GetStrength() == MppeStrength::BITS_128);
        BOOST_CHECK(side->ccp->IsStateless());
        BOOST_CHECK_EQUAL(side->outcome.fired, 1);
        BOOST_CHECK(side->outcome.mppe);
        BOOST_CHECK(side->refusals.empty());
    }
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(ClientOffersEveryStrengthServer128Only)
{
    Link link;
    link.a.Set("Allow40Bit", BooleanValue(true)).Set("Allow56Bit", BooleanValue(true));
    link.Run();
    std::vector<std::string> expected{"B CR MPPE=01000040",
                                      "A CR MPPE=010000e0",
                                      "A CA MPPE=01000040",
                                      "B CN MPPE=01000040",
                                      "A CR MPPE=01000040",
                                      "B CA MPPE=01000040"};
    BOOST_CHECK_EQUAL_COLLECTIONS(
        link.log.begin(), link.log.end(), expected.begin(), expected.end());
    for (Side* side : {&link.a, &link.b})
    {
        BOOST_CHECK(side->ccp->IsMppeOn());
        BOOST_CHECK(side->ccp->GetStrength() == MppeStrength::BITS_128);
        BOOST_CHECK(side->ccp->IsStateless());
    }
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(Export56BitOnBothSides)
{
    // 56 is the strongest both allow: both end at M, stateless.
    Link link;
    link.a.Set("Allow40Bit", BooleanValue(true))
        .Set("Allow56Bit", BooleanValue(true))
        .Set("Allow128Bit", BooleanValue(false));
    link.b.Set("Allow56Bit", BooleanValue(true));
    link.Run();
    BOOST_CHECK(link.Logged("A CR MPPE=010000a0"));
    BOOST_CHECK(link.Logged("B CR MPPE=010000c0"));
    BOOST_CHECK(link.Logged("A CN MPPE=01000080"));
    BOOST_CHECK(link.Logged("B CN MPPE=01000080"));
    for (Side* side : {&link.a, &link.b})
    {
        BOOST_CHECK(side->ccp->IsOpened());
        BOOST_CHECK(side->ccp->IsMppeOn());
        BOOST_CHECK(side->ccp->GetStrength() == MppeStrength::BITS_56);
        BOOST_CHECK(side->outcome.strength == MppeStrength::BITS_56);
    }
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(StatefulOnBothSides)
{
    Link link;
    for (Side* side : {&link.a, &link.b})
    {
        side->Set("AllowStateless", BooleanValue(false)).Set("AllowStateful", BooleanValue(true));
    }
    link.Run();
    std::vector<std::string> expected{
        "B CR MPPE=00000040", "A CR MPPE=00000040", "A CA MPPE=00000040", "B CA MPPE=00000040"};
    BOOST_CHECK_EQUAL_COLLECTIONS(
        link.log.begin(), link.log.end(), expected.begin(), expected.end());
    for (Side* side : {&link.a, &link.b})
    {
        BOOST_CHECK(side->ccp->IsMppeOn());
        BOOST_CHECK(!side->ccp->IsStateless());
        BOOST_CHECK_EQUAL(side->outcome.fired, 1);
        BOOST_CHECK(!side->outcome.stateless);
    }
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(BothModesAgainstStatefulPeer)
{
    // A allows both modes (requests H); B is stateful-only: B Naks H away, A accepts the
    // stateful Nak, and A acknowledges B's stateful request.
    Link link;
    link.a.Set("AllowStateful", BooleanValue(true));
    link.b.Set("AllowStateless", BooleanValue(false)).Set("AllowStateful", BooleanValue(true));
    link.Run();
    BOOST_CHECK(link.Logged("A CR MPPE=01000040"));
    BOOST_CHECK(link.Logged("B CN MPPE=00000040"));
    BOOST_CHECK(link.Logged("A CR MPPE=00000040"));
    BOOST_CHECK(link.Logged("A CA MPPE=00000040"));
    for (Side* side : {&link.a, &link.b})
    {
        BOOST_CHECK(side->ccp->IsOpened());
        BOOST_CHECK(side->ccp->IsMppeOn());
        BOOST_CHECK(!side->ccp->IsStateless());
    }
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(StatefulServerStatelessClientNoAgreement)
{
    // B (server) requires MPPE, stateful only; A (client) is stateless only. Each Naks the
    // other's mode and neither accepts the other's Nak, until Max-Failure turns the Naks into
    // Rejects: B, which requires MPPE, closes.
    Link link;
    link.b.Set("Encryption", EnumValue(PppCcp::Policy::REQUIRED))
        .Set("AllowStateless", BooleanValue(false))
        .Set("AllowStateful", BooleanValue(true));
    link.Run();
    BOOST_CHECK(link.Logged("A CR MPPE=01000040"));
    BOOST_CHECK(link.Logged("B CR MPPE=00000040"));
    BOOST_CHECK(link.Logged("B CN MPPE=00000040"));
    BOOST_CHECK(link.Logged("A CN MPPE=01000040"));
    BOOST_CHECK(link.Logged("B CJ MPPE=01000040") || link.Logged("A CJ MPPE=00000040"));
    // Neither side ever acknowledged an MPPE option.
    BOOST_CHECK(!link.Logged("A CA MPPE=00000040"));
    BOOST_CHECK(!link.Logged("B CA MPPE=01000040"));
    BOOST_CHECK(link.Logged("B TR"));
    BOOST_REQUIRE_GE(link.b.refusals.size(), 1U);
    BOOST_CHECK(link.b.refusals[0] == "MPPE refused" || link.b.refusals[0] == "MPPE required");
    BOOST_CHECK_EQUAL(link.b.outcome.fired, 0);
    BOOST_CHECK(link.b.ccp->GetState() == PppAutomatonState::CLOSED);
    BOOST_CHECK(!link.b.ccp->IsMppeOn());
    BOOST_CHECK_GE(link.b.finished, 1);
    BOOST_CHECK(!link.a.ccp->IsMppeOn());
    BOOST_CHECK(link.a.refusals.empty());
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(ClientRefusesMppeServerRequires)
{
    // A client that refuses MPPE against a server that requires it.
    Link link;
    link.a.Set("Encryption", EnumValue(PppCcp::Policy::NONE));
    link.b.Set("Encryption", EnumValue(PppCcp::Policy::REQUIRED));
    link.Run();
    std::vector<std::string> head{"B CR MPPE=01000040", "A CR", "A CJ MPPE=01000040"};
    BOOST_REQUIRE_GE(link.log.size(), head.size());
    BOOST_CHECK_EQUAL_COLLECTIONS(
        link.log.begin(), link.log.begin() + head.size(), head.begin(), head.end());
    BOOST_CHECK(link.Logged("B TR"));
    BOOST_REQUIRE_EQUAL(link.b.refusals.size(), 1U);
    BOOST_CHECK_EQUAL(link.b.refusals[0], "MPPE refused");
    BOOST_CHECK_EQUAL(link.b.outcome.fired, 0);
    BOOST_CHECK_EQUAL(link.b.up, 0);
    BOOST_CHECK(link.b.ccp->GetState() == PppAutomatonState::CLOSED);
    BOOST_CHECK_EQUAL(link.b.finished, 1);
    BOOST_CHECK(!link.a.ccp->IsMppeOn());
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(ClientRefusesMppeServerOptional)
{
    // NONE against OPTIONAL: the MPPE option is rejected, both open without MPPE.
    Link link;
    link.a.Set("Encryption", EnumValue(PppCcp::Policy::NONE));
    link.Run();
    std::vector<std::string> expected{
        "B CR MPPE=01000040", "A CR", "A CJ MPPE=01000040", "B CA", "B CR", "A CA"};
    BOOST_CHECK_EQUAL_COLLECTIONS(
        link.log.begin(), link.log.end(), expected.begin(), expected.end());
    for (Side* side : {&link.a, &link.b})
    {
        BOOST_CHECK(side->ccp->IsOpened());
        BOOST_CHECK_EQUAL(side->up, 1);
        BOOST_CHECK(!side->ccp->IsMppeOn());
        BOOST_CHECK_EQUAL(side->outcome.fired, 1);
        BOOST_CHECK(!side->outcome.mppe);
        BOOST_CHECK(side->refusals.empty());
    }
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(KeysUnavailable)
{
    // Without keys (no MS-CHAPv2) MPPE is neither offered nor accepted.
    {
        Link link;
        link.b.ccp->SetKeysAvailable(false);
        link.Run();
        BOOST_CHECK(link.Logged("B CR"));
        BOOST_CHECK(link.Logged("B CJ MPPE=01000040"));
        for (Side* side : {&link.a, &link.b})
        {
            BOOST_CHECK(side->ccp->IsOpened());
            BOOST_CHECK(!side->ccp->IsMppeOn());
            BOOST_CHECK_EQUAL(side->outcome.fired, 1);
        }
        Simulator::Destroy();
    }
    // A side that requires MPPE but has no keys opens CCP without it and then closes.
    {
        Link link;
        link.b.Set("Encryption", EnumValue(PppCcp::Policy::REQUIRED));
        link.b.ccp->SetKeysAvailable(false);
        link.Run();
        BOOST_CHECK(link.Logged("B CR"));
        BOOST_CHECK(link.Logged("B CJ MPPE=01000040"));
        BOOST_REQUIRE_EQUAL(link.b.refusals.size(), 1U);
        BOOST_CHECK_EQUAL(link.b.refusals[0], "MPPE required");
        BOOST_CHECK_EQUAL(link.b.outcome.fired, 0);
        BOOST_CHECK(link.Logged("B TR"));
        BOOST_CHECK(link.b.ccp->GetState() == PppAutomatonState::CLOSED);
        BOOST_CHECK(!link.b.ccp->IsMppeOn());
        Simulator::Destroy();
    }
}

BOOST_AUTO_TEST_CASE(PeerBitsVerdicts)
{
    // The instance's answer to a peer's request, one request at a time (defaults: 128 bit,
    // stateless only).
    struct Case
    {
        const char* request; //!< the peer's CCP Configure-Request, identifier 0x42
        const char* reply;   //!< the answer expected
    };
    const Case cases[] = {
        // exactly our choice: Ack
        {"0142000a120601000040", "0242000a120601000040"},
        // obsolete D bit: Nak with H|S
        {"0142000a120601000050", "0342000a120601000040"},
        // MPPC compression C bit: Nak with H|S
        {"0142000a120601000041", "0342000a120601000040"},
        // several strengths: Nak with the strongest common one
        {"0142000a1206010000e0", "0342000a120601000040"},
        // stateful 128 while we only do stateless: Nak with H
        {"0142000a120600000040", "0342000a120601000040"},
        // 40-bit only, nothing in common: Nak with our whole set
        {"0142000a120601000020", "0342000a120601000040"},
        // an unknown bit besides: Nak with exactly H|S
        {"0142000a120601000140", "0342000a120601000040"},
        // Deflate (26) alongside MPPE: Reject the Deflate option only
        {"0142000e1206010000401a047800", "044200081a047800"},
        // BSD-Compress (21) alone: Reject
        {"01420007150341", "04420007150341"},
        // an empty request: Ack
        {"01420004", "02420004"},
    };
    for (const Case& c : cases)
    {
        Probe probe;
        probe.Start();
        probe.Inject(c.request);
        BOOST_REQUIRE_EQUAL(probe.out.size(), 2U);
        BOOST_CHECK_MESSAGE(ToHex(probe.Last()) == c.reply,
                            "request " << c.request << ": got " << ToHex(probe.Last())
                                       << ", expected " << c.reply);
        Simulator::Destroy();
    }
    // Policy NONE: the MPPE option is Rejected.
    {
        Probe probe;
        probe.side.Set("Encryption", EnumValue(PppCcp::Policy::NONE));
        probe.Start();
        probe.Inject("0142000a120601000040");
        BOOST_CHECK_EQUAL(ToHex(probe.Last()), "0442000a120601000040");
        Simulator::Destroy();
    }
    // Every strength allowed, both modes: a stateful 40-bit request is acknowledged,
    // a stateless 56|40 request is Nak'ed to 56 stateless.
    {
        Probe probe;
        probe.side.Set("Allow40Bit", BooleanValue(true))
            .Set("Allow56Bit", BooleanValue(true))
            .Set("AllowStateful", BooleanValue(true));
        probe.Start();
        probe.Inject("0142000a120600000020");
        BOOST_CHECK_EQUAL(ToHex(probe.Last()), "0242000a120600000020");
        probe.Inject("0143000a1206010000a0");
        BOOST_CHECK_EQUAL(ToHex(probe.Last()), "0343000a120601000080");
        Simulator::Destroy();
    }
}

BOOST_AUTO_TEST_CASE(DuplicateMppeOptionRejected)
{
    Probe probe;
    probe.Start();
    // Two MPPE options, 22 octets: the second one is rejected.
    probe.Inject("01420010120601000040120601000040");
    BOOST_CHECK_EQUAL(ToHex(probe.Last()), "0442000a120601000040");
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(NakHandling)
{
    // A Nak naming one strength we allow in a mode we allow becomes the next request; any
    // other Nak leaves the request unchanged.
    struct Case
    {
        uint32_t nak;      //!< bits of the peer's Nak
        uint32_t expected; //!< bits of our next request
    };
    const Case cases[] = {
        {H | S, H | S},         // accepted
        {H | L, H | L},         // accepted: 40-bit stateless
        {H | S | L, H | S | L}, // two strengths we allow: kept
        {S, H | S | L},         // stateful: not allowed, kept
        {H | M, H | S | L},     // 56-bit: not allowed, kept
        {H | S | M, H | S},     // one strength we allow (M is not ours)
        {0, H | S | L},         // nothing: kept
    };
    for (const Case& c : cases)
    {
        Probe probe;
        probe.side.Set("Allow40Bit", BooleanValue(true));
        probe.Start();
        uint8_t id = probe.Last()[1];
        PppControlPacket nak = PppControlPacket::MakeConfigure(
            PppProtocol::CCP, PppControlPacket::CONFIGURE_NAK, id, {PppOption::MakeMppe(c.nak)});
        Ptr<Packet> packet = Create<Packet>();
        packet->AddHeader(nak);
        probe.Inject(packet);
        BOOST_REQUIRE_EQUAL(probe.out.size(), 2U);
        char bits[16];
        std::snprintf(bits, sizeof(bits), "%08x", c.expected);
        BOOST_CHECK_EQUAL(Describe(PacketOf(probe.Last())), std::string("CR MPPE=") + bits);
        Simulator::Destroy();
    }
}

BOOST_AUTO_TEST_CASE(RejectOfOurMppe)
{
    // OPTIONAL: the next request is empty and nothing is refused.
    {
        Probe probe;
        probe.Start();
        uint8_t id = probe.Last()[1];
        probe.Inject(WithIdentifier("0400000a120601000040", id));
        BOOST_REQUIRE_EQUAL(probe.out.size(), 2U);
        BOOST_CHECK_EQUAL(Describe(PacketOf(probe.Last())), "CR");
        BOOST_CHECK(probe.side.refusals.empty());
        Simulator::Run();
        BOOST_CHECK(probe.side.ccp->GetState() == PppAutomatonState::REQ_SENT
                    || probe.side.ccp->GetState() == PppAutomatonState::STOPPED);
        Simulator::Destroy();
    }
    // REQUIRED: "EncryptionRefused" and a Terminate-Request.
    {
        Probe probe;
        probe.side.Set("Encryption", EnumValue(PppCcp::Policy::REQUIRED));
        probe.Start();
        uint8_t id = probe.Last()[1];
        probe.Inject(WithIdentifier("0400000a120601000040", id));
        BOOST_REQUIRE_EQUAL(probe.side.refusals.size(), 1U);
        BOOST_CHECK_EQUAL(probe.side.refusals[0], "MPPE refused");
        Simulator::Stop(MilliSeconds(1));
        Simulator::Run();
        BOOST_CHECK(probe.side.ccp->GetState() == PppAutomatonState::CLOSING);
        BOOST_CHECK_EQUAL(Describe(PacketOf(probe.Last())), "TR");
        Bytes tr = probe.Last();
        // Terminate-Request data: the reason.
        BOOST_CHECK_EQUAL(std::string(tr.begin() + 4, tr.end()), "MPPE refused");
        Simulator::Destroy();
    }
}

BOOST_AUTO_TEST_CASE(ResetRequestAndAck)
{
    Link link;
    link.a.Set("AllowStateless", BooleanValue(false)).Set("AllowStateful", BooleanValue(true));
    link.b.Set("AllowStateless", BooleanValue(false)).Set("AllowStateful", BooleanValue(true));
    link.Run(Seconds(1));
    BOOST_REQUIRE(link.a.ccp->IsMppeOn() && link.b.ccp->IsMppeOn());
    std::size_t before = link.log.size();

    // The MPPE receiver of A lost a packet: A sends a Reset-Request without data.
    Simulator::Schedule(Seconds(0), &PppCcp::SendResetRequest, link.a.ccp);
    Simulator::Stop(Seconds(1));
    Simulator::Run();
    BOOST_REQUIRE_EQUAL(link.log.size(), before + 1); // no Reset-Ack (RFC 3078 s.8.2)
    BOOST_CHECK_EQUAL(link.log.back(), "A RR");
    const Bytes& rr = link.wire.back();
    BOOST_REQUIRE_EQUAL(rr.size(), 4U);
    BOOST_CHECK_EQUAL(rr[0], 14);
    BOOST_CHECK_EQUAL(rr[2], 0);
    BOOST_CHECK_EQUAL(rr[3], 4);
    BOOST_REQUIRE_EQUAL(link.a.resetIds.size(), 1U);
    BOOST_CHECK_EQUAL(link.a.resetIds[0], rr[1]);
    BOOST_CHECK_EQUAL(link.a.ccp->GetResetRequestsSent(), 1U);
    BOOST_CHECK_EQUAL(link.b.ccp->GetResetRequestsReceived(), 1U);
    BOOST_CHECK_EQUAL(link.b.resets, 1);
    BOOST_CHECK_EQUAL(link.a.resets, 0);

    // A second one takes a fresh identifier.
    Simulator::Schedule(Seconds(0), &PppCcp::SendResetRequest, link.a.ccp);
    Simulator::Stop(Seconds(1));
    Simulator::Run();
    BOOST_REQUIRE_EQUAL(link.a.resetIds.size(), 2U);
    BOOST_CHECK_NE(link.a.resetIds[1], link.a.resetIds[0]);
    BOOST_CHECK_EQUAL(link.b.resets, 2);

    // A Reset-Ack is counted and ignored.
    before = link.log.size();
    link.b.ccp->Receive(PacketOf(FromHex("0f770004")));
    BOOST_CHECK_EQUAL(link.b.ccp->GetResetAcksReceived(), 1U);
    BOOST_CHECK_EQUAL(link.b.resets, 2);
    BOOST_CHECK(link.b.ccp->IsOpened());
    BOOST_CHECK(link.b.ccp->IsMppeOn());
    Simulator::Stop(Seconds(1));
    Simulator::Run();
    BOOST_CHECK_EQUAL(link.log.size(), before);
    BOOST_CHECK_EQUAL(link.b.ccp->GetMalformedCount(), 0U);
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(ResetRequestOnlyWhenOpened)
{
    Probe probe;
    probe.side.ccp->SendResetRequest(); // Initial: nothing
    BOOST_CHECK(probe.out.empty());
    probe.Start();
    std::size_t sent = probe.out.size();
    probe.side.ccp->SendResetRequest(); // Req-Sent: nothing
    BOOST_CHECK_EQUAL(probe.out.size(), sent);
    BOOST_CHECK_EQUAL(probe.side.ccp->GetResetRequestsSent(), 0U);
    BOOST_CHECK(probe.side.resetIds.empty());
    // A Reset-Request received before Opened is counted but does not reach the owner.
    probe.Inject("0e050004");
    BOOST_CHECK_EQUAL(probe.side.ccp->GetResetRequestsReceived(), 1U);
    BOOST_CHECK_EQUAL(probe.side.resets, 0);
    BOOST_CHECK_EQUAL(probe.out.size(), sent);
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(RenegotiationStartsAfresh)
{
    // After A's Nak was taken (H|S from H|S|L), a Down/Up restarts with the full set.
    Probe probe;
    probe.side.Set("Allow40Bit", BooleanValue(true));
    probe.Start();
    uint8_t id = probe.Last()[1];
    probe.Inject(WithIdentifier(FRAME_23_SERVER_CN, id));
    BOOST_CHECK_EQUAL(Describe(PacketOf(probe.Last())), "CR MPPE=01000040");
    probe.side.ccp->Down();
    probe.side.ccp->Up();
    BOOST_CHECK_EQUAL(Describe(PacketOf(probe.Last())), "CR MPPE=01000060");
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(ConfigurationErrorsAreFatal)
{
    // Each runs in a child process: NS_FATAL_ERROR aborts.
    auto abortsAtOpen
        = [](const std::vector<std::pair<std::string, bool>>& settings, PppCcp::Policy policy)
    {
        return Aborts(
            [&settings, policy]()
            {
                Ptr<PppCcp> ccp = CreateObject<PppCcp>();
                ccp->SetAttribute("Encryption", EnumValue(policy));
                for (const auto& setting : settings)
                {
                    ccp->SetAttribute(setting.first, BooleanValue(setting.second));
                }
                ccp->SetKeysAvailable(true);
                ccp->Open();
                ccp->Up();
            });
    };
    BOOST_CHECK(abortsAtOpen({{"Allow128Bit", false}}, PppCcp::Policy::REQUIRED));
    BOOST_CHECK(abortsAtOpen({{"Allow128Bit", false}}, PppCcp::Policy::OPTIONAL));
    BOOST_CHECK(abortsAtOpen({{"AllowStateless", false}}, PppCcp::Policy::OPTIONAL));
    // Consistent settings do not abort.
    BOOST_CHECK(!abortsAtOpen({{"Allow128Bit", false}}, PppCcp::Policy::NONE));
    BOOST_CHECK(
        !abortsAtOpen({{"Allow128Bit", false}, {"Allow40Bit", true}}, PppCcp::Policy::REQUIRED));
    BOOST_CHECK(!abortsAtOpen({{"AllowStateless", false}, {"AllowStateful", true}},
                              PppCcp::Policy::REQUIRED));
}

BOOST_AUTO_TEST_SUITE_END()
