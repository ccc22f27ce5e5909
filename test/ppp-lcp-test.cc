/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// PppLcp (RFC 1661 s.5-6): two LCPs back to back through the simulator (10 ms each way):
// the exact first Configure-Request (pppd's option order, as in the real pptpd capture),
// negotiation results (MRU, ACFC/PFC, magic numbers, the authentication method for PAP,
// CHAP-MD5 and MS-CHAPv2), a peer that refuses the server's method, loop-back detection,
// the Echo keep-alive and a dead peer, Protocol-Reject both ways, and the Nak/Reject policy
// for MRU, magic and options LCP does not negotiate.

#include "ppp-auth-method.h"
#include "ppp-control-packet.h"
#include "ppp-frame-header.h"
#include "ppp-lcp.h"
#include "ppp-option.h"
#include "pptp-test-util.h"

#include "ns3/boolean.h"
#include "ns3/nstime.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

using State = PppAutomatonState;

/// Four octets of a magic number, big-endian, as hex.
std::string
MagicHex(uint32_t magic)
{
    return ToHex(Bytes{static_cast<uint8_t>(magic >> 24),
                       static_cast<uint8_t>(magic >> 16),
                       static_cast<uint8_t>(magic >> 8),
                       static_cast<uint8_t>(magic)});
}

/// The magic number in a Configure-Request's options (0 if none).
uint32_t
MagicOf(const Bytes& request)
{
    PppControlPacket p(PppProtocol::LCP);
    BOOST_REQUIRE(Decode(p, request) > 0);
    for (const PppOption& option : p.GetOptions())
    {
        if (option.Is(PppProtocol::LCP, PppOption::LCP_MAGIC_NUMBER))
        {
            return option.GetMagicNumber();
        }
    }
    return 0;
}

/// One LCP endpoint: what it sent and what it reported.
struct End
{
    Ptr<PppLcp> lcp;
    std::vector<Bytes> sent;        //!< packets from Code on
    unsigned up{0};                 //!< owner's tlu
    unsigned down{0};               //!< owner's tld
    unsigned finished{0};           //!< owner's tlf
    unsigned peerDead{0};           //!< PeerDead trace
    unsigned loopback{0};           //!< LoopbackDetected trace
    unsigned refused{0};            //!< AuthenticationRefused trace
    std::vector<Time> rtts;         //!< EchoRtt trace
    std::vector<uint16_t> rejected; //!< Protocol-Reject callback
    Time deadAt;                    //!< when PeerDead fired

    explicit End(int64_t stream)
    {
        lcp = CreateObject<PppLcp>();
        lcp->AssignStreams(stream);
        lcp->SetLayerCallbacks(MakeCallback(&End::Up, this),
                               MakeCallback(&End::Down, this),
                               MakeCallback(&End::Finished, this));
        lcp->SetProtocolRejectCallback(MakeCallback(&End::Rejected, this));
        lcp->TraceConnectWithoutContext("PeerDead", MakeCallback(&End::PeerDead, this));
        lcp->TraceConnectWithoutContext("LoopbackDetected", MakeCallback(&End::Loopback, this));
        lcp->TraceConnectWithoutContext("AuthenticationRefused", MakeCallback(&End::Refused, this));
        lcp->TraceConnectWithoutContext("EchoRtt", MakeCallback(&End::Rtt, this));
    }

    ~End()
    {
        lcp->Dispose();
    }

    void
    Up()
    {
        ++up;
    }

    void
    Down()
    {
        ++down;
    }

    void
    Finished()
    {
        ++finished;
    }

    void
    PeerDead()
    {
        ++peerDead;
        deadAt = Simulator::Now();
    }

    void
    Loopback()
    {
        ++loopback;
    }

    void
    Refused()
    {
        ++refused;
    }

    void
    Rtt(Time rtt)
    {
        rtts.push_back(rtt);
    }

    void
    Rejected(uint16_t protocol)
    {
        rejected.push_back(protocol);
    }

    /// The sent packets of one code.
    std::vector<Bytes>
    Sent(uint8_t code) const
    {
        std::vector<Bytes> out;
        for (const Bytes& b : sent)
        {
            if (b[0] == code)
            {
                out.push_back(b);
            }
        }
        return out;
    }
};

/// A (server, authenticator) and B (client) joined with 10 ms each way and a drop filter.
struct Link
{
    End a{1};
    End b{2};
    std::function<bool(bool fromA, const Bytes&)> drop; //!< true: lose the packet

    Link()
    {
        a.lcp->SetSendCallback(MakeCallback(&Link::FromA, this));
        b.lcp->SetSendCallback(MakeCallback(&Link::FromB, this));
    }

    void
    FromA(uint16_t protocol, Ptr<Packet> packet)
    {
        BOOST_TEST(protocol == PppProtocol::LCP);
        a.sent.push_back(BytesOf(packet));
        Forward(true, packet);
    }

    void
    FromB(uint16_t protocol, Ptr<Packet> packet)
    {
        BOOST_TEST(protocol == PppProtocol::LCP);
        b.sent.push_back(BytesOf(packet));
        Forward(false, packet);
    }

    void
    Forward(bool fromA, Ptr<Packet> packet)
    {
        if (drop && drop(fromA, BytesOf(packet)))
        {
            return;
        }
        Ptr<PppLcp> to = fromA ? b.lcp : a.lcp;
        Simulator::Schedule(MilliSeconds(10), &PppAutomaton::Receive, to, packet->Copy());
    }

    void
    Start()
    {
        a.lcp->Open();
        a.lcp->Up();
        b.lcp->Open();
        b.lcp->Up();
    }

    void
    RunFor(Time t)
    {
        Simulator::Stop(t);
        Simulator::Run();
    }
};

/// One LCP alone whose packets are only recorded; the test injects the peer's.
struct Alone
{
    End e{7};

    Alone()
    {
        e.lcp->SetSendCallback(MakeCallback(&Alone::Send, this));
        e.lcp->Open();
        e.lcp->Up();
    }

    void
    Send(uint16_t /* protocol */, Ptr<Packet> packet)
    {
        e.sent.push_back(BytesOf(packet));
    }

    void
    Inject(const std::string& hex)
    {
        e.lcp->Receive(PacketOf(FromHex(hex)));
    }
};

} // namespace

BOOST_AUTO_TEST_SUITE(PppLcpSuite)

BOOST_AUTO_TEST_CASE(AttributesAndCheckers)
{
    Ptr<PppLcp> lcp = CreateObject<PppLcp>();
    UintegerValue mru;
    lcp->GetAttribute("Mru", mru);
    BOOST_TEST(mru.Get() == 1400U);
    TimeValue interval;
    lcp->GetAttribute("EchoInterval", interval);
    BOOST_TEST(interval.Get() == Seconds(10));
    UintegerValue failure;
    lcp->GetAttribute("EchoFailure", failure);
    BOOST_TEST(failure.Get() == 3U);
    BOOST_TEST(!lcp->SetAttributeFailSafe("Mru", UintegerValue(127)));
    BOOST_TEST(lcp->SetAttributeFailSafe("Mru", UintegerValue(128)));
    BOOST_TEST(!lcp->SetAttributeFailSafe("EchoFailure", UintegerValue(0)));
    BOOST_TEST(!lcp->SetAttributeFailSafe("EchoInterval", TimeValue(Seconds(-1))));
    BOOST_TEST(lcp->SetAttributeFailSafe("EchoInterval", TimeValue(Time(0))));
    BOOST_TEST(lcp->GetProtocol() == PppProtocol::LCP);
    BOOST_TEST(lcp->GetPeerMru() == 1500U);
    lcp->Dispose();
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(FirstConfigureRequestLayout)
{
    Link link;
    link.a.lcp->SetRequiredAuthentication(PppAuthMethod::MSCHAPV2);
    link.b.lcp->SetAcceptedAuthentication(true, true, true);
    link.Start();
    BOOST_REQUIRE(link.a.sent.size() == 1U);
    BOOST_REQUIRE(link.b.sent.size() == 1U);
    uint32_t magicA = MagicOf(link.a.sent[0]);
    uint32_t magicB = MagicOf(link.b.sent[0]);
    BOOST_TEST(magicA != 0U);
    BOOST_TEST(magicB != 0U);
    BOOST_TEST(magicA != magicB);
    // MRU 1400, Auth MS-CHAPv2, Magic, PFC, ACFC: pppd's order. From the Authentication
    // option on, the same octets as pptpd's request in chapcrack_sample_pptp-only.pcap
    // frame 12 (which has an ACCM instead of the MRU, and its own magic number).
    BOOST_TEST(ToHex(link.a.sent[0])
               == "01010017"
                  "01040578"
                  "0305c22381"
                  "0506"
                      + MagicHex(magicA)
                      + "0702"
                        "0802");
    const std::string pptpdTail = "0305c22381"
                                  "0506c29f1d2d"
                                  "0702"
                                  "0802";
    std::string ours = ToHex(link.a.sent[0]).substr(16);
    BOOST_TEST(ours.substr(0, 14) == pptpdTail.substr(0, 14));
    BOOST_TEST(ours.substr(22) == pptpdTail.substr(22));
    // The client asks for no authentication.
    BOOST_TEST(ToHex(link.b.sent[0])
               == "01010012"
                  "01040578"
                  "0506"
                      + MagicHex(magicB)
                      + "0702"
                        "0802");
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(RequestWithoutDefaults)
{
    // MRU 1500 is the default: not requested. Magic and PFC turned off.
    End c(3);
    std::vector<Bytes> out;
    c.lcp->SetAttribute("Mru", UintegerValue(1500));
    c.lcp->SetAttribute("MagicNumber", BooleanValue(false));
    c.lcp->SetAttribute("Pfc", BooleanValue(false));
    c.lcp->SetSendCallback(
        PppAutomaton::SendCallback([&out](uint16_t, Ptr<Packet> p) { out.push_back(BytesOf(p)); }));
    c.lcp->Open();
    c.lcp->Up();
    BOOST_REQUIRE(out.size() == 1U);
    BOOST_TEST(ToHex(out[0])
               == "01010006"
                  "0802");
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(NegotiationResultsForEachMethod)
{
    for (PppAuthMethod method : {PppAuthMethod::NONE,
                                 PppAuthMethod::PAP,
                                 PppAuthMethod::CHAP_MD5,
                                 PppAuthMethod::MSCHAPV2})
    {
        Link link;
        link.a.lcp->SetRequiredAuthentication(method);
        // The client accepts only that method (or all of them when none is required).
        bool all = method == PppAuthMethod::NONE;
        link.b.lcp->SetAcceptedAuthentication(all || method == PppAuthMethod::PAP,
                                              all || method == PppAuthMethod::CHAP_MD5,
                                              all || method == PppAuthMethod::MSCHAPV2);
        link.Start();
        link.RunFor(Seconds(1));
        BOOST_TEST_CONTEXT(method)
        {
            PppLcp& a = *link.a.lcp;
            PppLcp& b = *link.b.lcp;
            BOOST_TEST(a.IsOpened());
            BOOST_TEST(b.IsOpened());
            BOOST_TEST(link.a.up == 1U);
            BOOST_TEST(link.b.up == 1U);
            BOOST_TEST(a.GetLocalAuthMethod() == method);
            BOOST_TEST(b.GetPeerAuthMethod() == method);
            BOOST_TEST(a.GetPeerAuthMethod() == PppAuthMethod::NONE);
            BOOST_TEST(b.GetLocalAuthMethod() == PppAuthMethod::NONE);
            BOOST_TEST(a.GetPeerMru() == 1400U);
            BOOST_TEST(b.GetPeerMru() == 1400U);
            BOOST_TEST(a.GetSendAcfc());
            BOOST_TEST(a.GetSendPfc());
            BOOST_TEST(a.GetReceiveAcfc());
            BOOST_TEST(a.GetReceivePfc());
            BOOST_TEST(b.GetSendAcfc());
            BOOST_TEST(b.GetReceivePfc());
            BOOST_TEST(a.GetLocalMagic() != 0U);
            BOOST_TEST(a.GetLocalMagic() == b.GetPeerMagic());
            BOOST_TEST(b.GetLocalMagic() == a.GetPeerMagic());
            BOOST_TEST(a.GetLocalMagic() == MagicOf(link.a.sent[0]));
            // One request and one ack each: nothing to Nak.
            BOOST_TEST(link.a.sent.size() == 2U);
            BOOST_TEST(link.b.sent.size() == 2U);
        }
        Simulator::Destroy();
    }
}

BOOST_AUTO_TEST_CASE(PeerSuggestsItsStrongestMethod)
{
    // A client accepting PAP and CHAP-MD5 Naks a server's MS-CHAPv2 with CHAP-MD5.
    Link link;
    link.a.lcp->SetRequiredAuthentication(PppAuthMethod::MSCHAPV2);
    link.b.lcp->SetAcceptedAuthentication(true, true, false);
    link.Start();
    link.RunFor(MilliSeconds(15));
    std::vector<Bytes> naks = link.b.Sent(PppControlPacket::CONFIGURE_NAK);
    BOOST_REQUIRE(naks.size() == 1U);
    BOOST_TEST(ToHex(naks[0])
               == "03010009"
                  "0305c22305");
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(PeerAcceptingOnlyPapRefusesMsChapV2)
{
    Link link;
    link.a.lcp->SetRequiredAuthentication(PppAuthMethod::MSCHAPV2);
    link.b.lcp->SetAcceptedAuthentication(true, false, false);
    link.Start();
    link.RunFor(Seconds(1));
    // Max-Failure (5) Naks suggesting PAP, then a Reject of the server's option.
    std::vector<Bytes> naks = link.b.Sent(PppControlPacket::CONFIGURE_NAK);
    BOOST_REQUIRE(naks.size() == 5U);
    for (const Bytes& nak : naks)
    {
        BOOST_TEST(ToHex(Bytes(nak.begin() + 2, nak.end()))
                   == "0008"
                      "0304c023");
    }
    std::vector<Bytes> rejects = link.b.Sent(PppControlPacket::CONFIGURE_REJECT);
    BOOST_REQUIRE(rejects.size() == 1U);
    BOOST_TEST(ToHex(Bytes(rejects[0].begin() + 2, rejects[0].end()))
               == "0009"
                  "0305c22381");
    BOOST_TEST(link.a.refused == 1U);
    BOOST_TEST(link.a.up == 0U);
    BOOST_TEST(link.b.up == 0U);
    // The server closed: Terminate-Request "authentication refused", acknowledged.
    std::vector<Bytes> terminates = link.a.Sent(PppControlPacket::TERMINATE_REQUEST);
    BOOST_REQUIRE(terminates.size() == 1U);
    BOOST_TEST(std::string(terminates[0].begin() + 4, terminates[0].end())
               == "authentication refused");
    BOOST_TEST(link.a.lcp->GetState() == State::CLOSED);
    BOOST_TEST(link.a.finished == 1U);
    // The client got the Terminate-Request in ACK_RCVD (sta/6): it keeps requesting, the
    // closed server answers with Terminate-Acks, and Max-Configure ends it (TO-, tlf/3).
    BOOST_TEST(link.b.lcp->GetState() == State::REQ_SENT);
    link.RunFor(Seconds(40));
    BOOST_TEST(link.b.lcp->GetState() == State::STOPPED);
    BOOST_TEST(link.b.finished == 1U);
    BOOST_TEST(link.a.lcp->GetState() == State::CLOSED);
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(PeerAcceptingNoMethodRejectsAtOnce)
{
    Link link;
    link.a.lcp->SetRequiredAuthentication(PppAuthMethod::CHAP_MD5);
    link.b.lcp->SetAcceptedAuthentication(false, false, false);
    link.Start();
    link.RunFor(Seconds(1));
    BOOST_TEST(link.b.Sent(PppControlPacket::CONFIGURE_NAK).empty());
    BOOST_TEST(link.b.Sent(PppControlPacket::CONFIGURE_REJECT).size() == 1U);
    BOOST_TEST(link.a.refused == 1U);
    BOOST_TEST(!link.a.lcp->IsOpened());
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(LoopbackDetected)
{
    // A mirror: every packet the LCP sends comes back to it 10 ms later.
    End e(5);
    e.lcp->SetSendCallback(PppAutomaton::SendCallback(
        [&e](uint16_t, Ptr<Packet> p)
        {
            e.sent.push_back(BytesOf(p));
            Simulator::Schedule(MilliSeconds(10), &PppAutomaton::Receive, e.lcp, p->Copy());
        }));
    e.lcp->Open();
    e.lcp->Up();
    Simulator::Stop(Seconds(1));
    Simulator::Run();
    BOOST_TEST(e.loopback == 1U);
    BOOST_TEST(e.lcp->GetLoopbackDetections() == PppLcp::LOOPBACK_LIMIT);
    BOOST_TEST(e.up == 0U);
    // Each detection Naked our own number with a fresh one; each request had a new number.
    std::vector<Bytes> requests = e.Sent(PppControlPacket::CONFIGURE_REQUEST);
    std::vector<Bytes> naks = e.Sent(PppControlPacket::CONFIGURE_NAK);
    BOOST_REQUIRE(requests.size() == 5U);
    BOOST_REQUIRE(naks.size() == 4U);
    for (std::size_t i = 0; i < naks.size(); ++i)
    {
        uint32_t mine = MagicOf(requests[i]);
        BOOST_TEST(ToHex(Bytes(naks[i].begin() + 2, naks[i].begin() + 6)) == "000a0506");
        BOOST_TEST(ToHex(Bytes(naks[i].begin() + 6, naks[i].end())) != MagicHex(mine));
        BOOST_TEST(MagicOf(requests[i + 1]) != mine);
    }
    std::vector<Bytes> terminates = e.Sent(PppControlPacket::TERMINATE_REQUEST);
    BOOST_REQUIRE(terminates.size() == 1U);
    BOOST_TEST(std::string(terminates[0].begin() + 4, terminates[0].end()) == "loopback");
    BOOST_TEST(e.lcp->GetState() == State::CLOSED);
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(EchoRequestAnswered)
{
    Link link;
    link.Start();
    link.RunFor(Seconds(1));
    BOOST_REQUIRE(link.a.lcp->IsOpened());
    // Both send an Echo-Request 10 s after opening; each answers the other's.
    link.RunFor(Seconds(10));
    BOOST_TEST(link.a.lcp->GetEchoRequestsSent() == 1U);
    BOOST_TEST(link.a.lcp->GetEchoRepliesReceived() == 1U);
    BOOST_TEST(link.b.lcp->GetEchoRequestsSent() == 1U);
    BOOST_TEST(link.b.lcp->GetEchoRepliesReceived() == 1U);
    std::vector<Bytes> requests = link.a.Sent(PppControlPacket::ECHO_REQUEST);
    std::vector<Bytes> replies = link.b.Sent(PppControlPacket::ECHO_REPLY);
    BOOST_REQUIRE(requests.size() == 1U);
    BOOST_REQUIRE(replies.size() == 1U);
    BOOST_TEST(ToHex(requests[0])
               == "09" + ToHex(Bytes{requests[0][1]}) + "0008"
                      + MagicHex(link.a.lcp->GetLocalMagic()));
    BOOST_TEST(ToHex(replies[0])
               == "0a" + ToHex(Bytes{requests[0][1]}) + "0008"
                      + MagicHex(link.b.lcp->GetLocalMagic()));
    BOOST_REQUIRE(link.a.rtts.size() == 1U);
    BOOST_TEST(link.a.rtts[0] == MilliSeconds(20));
    // An Echo-Request with data: the reply carries the data back.
    link.b.lcp->SetSendCallback(MakeCallback(&Link::FromB, &link));
    Ptr<Packet> request = PacketOf(FromHex("09 42 00 0b 00 00 00 00 61 62 63"));
    link.b.lcp->Receive(request);
    BOOST_TEST(ToHex(link.b.sent.back())
               == "0a42000b" + MagicHex(link.b.lcp->GetLocalMagic()) + "616263");
    // Discard-Request: nothing.
    std::size_t before = link.b.sent.size();
    link.b.lcp->Receive(PacketOf(FromHex("0b 43 00 08 00 00 00 00")));
    BOOST_TEST(link.b.sent.size() == before);
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(EchoNotAnsweredBeforeOpened)
{
    Alone x; // REQ_SENT
    std::size_t before = x.e.sent.size();
    x.Inject("09 01 00 08 00 00 00 00");
    BOOST_TEST(x.e.sent.size() == before);
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(DeadPeerDetected)
{
    Link link;
    link.Start();
    link.RunFor(Seconds(1));
    BOOST_REQUIRE(link.a.lcp->IsOpened());
    link.drop = [](bool, const Bytes&) { return true; };
    // A opened at 20 ms: Echo-Requests at 10.02, 20.02 and 30.02 s go unanswered; at
    // 40.02 s (EchoFailure * EchoInterval after the first) the peer is dead.
    Simulator::Stop(Seconds(40) - Simulator::Now());
    Simulator::Run();
    BOOST_TEST(link.a.peerDead == 0U);
    BOOST_TEST(link.a.lcp->GetEchoRequestsSent() == 3U);
    link.RunFor(MilliSeconds(100));
    BOOST_TEST(link.a.peerDead == 1U);
    BOOST_TEST(link.a.deadAt == MilliSeconds(40020));
    BOOST_TEST(link.a.lcp->GetState() == State::CLOSING);
    BOOST_TEST(link.a.down == 1U);
    std::vector<Bytes> terminates = link.a.Sent(PppControlPacket::TERMINATE_REQUEST);
    BOOST_REQUIRE(terminates.size() == 1U);
    BOOST_TEST(std::string(terminates[0].begin() + 4, terminates[0].end())
               == "peer not responding");
    link.RunFor(Seconds(10));
    BOOST_TEST(link.a.lcp->GetState() == State::CLOSED);
    BOOST_TEST(link.a.finished == 1U);
    BOOST_TEST(link.a.lcp->GetEchoRequestsSent() == 3U);
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(EchoDisabled)
{
    Link link;
    link.a.lcp->SetAttribute("EchoInterval", TimeValue(Time(0)));
    link.Start();
    link.RunFor(Seconds(60));
    BOOST_TEST(link.a.lcp->GetEchoRequestsSent() == 0U);
    BOOST_TEST(link.b.lcp->GetEchoRequestsSent() == 5U);
    BOOST_TEST(link.a.lcp->IsOpened());
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(ProtocolReject)
{
    Link link;
    link.Start();
    link.RunFor(Seconds(1));
    BOOST_REQUIRE(link.b.lcp->IsOpened());
    // B rejects an IPCP frame; A's owner hears of it.
    link.b.lcp->SendProtocolReject(PppProtocol::IPCP, PacketOf(FromHex("01 05 00 04")));
    Bytes sent = link.b.sent.back();
    BOOST_TEST(ToHex(sent)
               == "08" + ToHex(Bytes{sent[1]})
                      + "000a"
                        "8021"
                        "01050004");
    link.RunFor(MilliSeconds(20));
    BOOST_REQUIRE(link.a.rejected.size() == 1U);
    BOOST_TEST(link.a.rejected[0] == PppProtocol::IPCP);
    BOOST_TEST(link.a.lcp->IsOpened());
    // Truncated to the peer's MRU (1400).
    Bytes big(3000, 0xee);
    link.b.lcp->SendProtocolReject(0x0057, PacketOf(big));
    BOOST_TEST(link.b.sent.back().size() == 1400U);
    // A Protocol-Reject of LCP is RXJ-: tld, irc, str / Stopping.
    link.b.lcp->SendProtocolReject(PppProtocol::LCP, PacketOf(FromHex("01 01 00 04")));
    link.RunFor(MilliSeconds(15));
    BOOST_TEST(link.a.lcp->GetState() == State::STOPPING);
    BOOST_TEST(link.a.down == 1U);
    BOOST_TEST(link.a.rejected.size() == 2U); // IPv6 went to the owner, LCP did not
    // Not sent outside OPENED.
    std::size_t before = link.a.sent.size();
    link.a.lcp->SendProtocolReject(PppProtocol::IPCP, PacketOf(FromHex("01")));
    BOOST_TEST(link.a.sent.size() == before);
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(SmallMruNakedAndUnknownOptionsRejected)
{
    Alone x;
    // MRU 100: Nak'ed with 128.
    x.Inject("01 21 00 08 01 04 00 64");
    BOOST_TEST(ToHex(x.e.sent.back())
               == "03210008"
                  "01040080");
    // MRU 128 is fine.
    x.Inject("01 22 00 08 01 04 00 80");
    BOOST_TEST(ToHex(x.e.sent.back())
               == "02220008"
                  "01040080");
    BOOST_TEST(x.e.lcp->GetState() == State::ACK_SENT);
    // ACCM, Callback, an unknown type 0x42 and MRRU are rejected verbatim, in order; the
    // acceptable options are left out of the Reject.
    x.Inject("01 23 00 1b 02 06 00 00 00 00 01 04 05 78 0d 03 06 42 04 de ad 11 04 05 dc 07 02");
    BOOST_TEST(ToHex(x.e.sent.back())
               == "04230015"
                  "020600000000"
                  "0d0306"
                  "4204dead"
                  "110405dc");
    // Magic-Number zero is Nak'ed with a random non-zero one.
    x.Inject("01 24 00 0a 05 06 00 00 00 00");
    Bytes nak = x.e.sent.back();
    BOOST_TEST(ToHex(Bytes(nak.begin(), nak.begin() + 6)) == "0324000a0506");
    BOOST_TEST(ToHex(Bytes(nak.begin() + 6, nak.end())) != "00000000");
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(CompressionOffRejectsThePeers)
{
    Link link;
    link.a.lcp->SetAttribute("Acfc", BooleanValue(false));
    link.a.lcp->SetAttribute("Pfc", BooleanValue(false));
    link.Start();
    link.RunFor(Seconds(1));
    BOOST_REQUIRE(link.a.lcp->IsOpened());
    BOOST_REQUIRE(link.b.lcp->IsOpened());
    std::vector<Bytes> rejects = link.a.Sent(PppControlPacket::CONFIGURE_REJECT);
    BOOST_REQUIRE(rejects.size() == 1U);
    BOOST_TEST(ToHex(Bytes(rejects[0].begin() + 2, rejects[0].end()))
               == "0008"
                  "0702"
                  "0802");
    BOOST_TEST(!link.a.lcp->GetSendAcfc());
    BOOST_TEST(!link.a.lcp->GetSendPfc());
    BOOST_TEST(!link.a.lcp->GetReceivePfc());
    BOOST_TEST(!link.b.lcp->GetReceiveAcfc());
    BOOST_TEST(!link.b.lcp->GetReceivePfc());
    BOOST_TEST(!link.b.lcp->GetSendPfc());
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(MruNakAdopted)
{
    Alone x;
    uint8_t id = x.e.sent.back()[1];
    // The peer prefers 1200: our next request asks for it.
    Bytes nak = FromHex("03 00 00 08 01 04 04 b0");
    nak[1] = id;
    x.e.lcp->Receive(PacketOf(nak));
    PppControlPacket next(PppProtocol::LCP);
    BOOST_REQUIRE(Decode(next, x.e.sent.back()) > 0);
    BOOST_REQUIRE(!next.GetOptions().empty());
    BOOST_TEST(next.GetOptions()[0].GetMru() == 1200U);
    Simulator::Destroy();
}

BOOST_AUTO_TEST_SUITE_END()
