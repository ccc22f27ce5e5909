/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// PPP authentication, both roles: a PppAuthPeer and a PppAuthenticator joined back to back
// through the Simulator (10 ms each way, optional drops, extra delays and rewrites). For PAP
// (RFC 1334 s.2), CHAP-MD5 (RFC 1994) and MS-CHAPv2 (RFC 2759): the exact packets exchanged,
// the results on both sides, retransmission after losses, stale and repeated packets, retries,
// mutual authentication, the RFC 2759 s.9.2 / RFC 3079 s.3.5.1 vectors end to end, malformed
// input and time-outs.

#include "chap-md5.h"
#include "chap-packet.h"
#include "mppe-keys.h"
#include "mschapv2-message.h"
#include "mschapv2.h"
#include "pap-packet.h"
#include "ppp-auth-peer.h"
#include "ppp-authenticator.h"
#include "ppp-credentials.h"
#include "ppp-frame-header.h"
#include "pptp-test-util.h"
#include "vector-file.h"

#include "ns3/boolean.h"
#include "ns3/nstime.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
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

const Time ONE_WAY = MilliSeconds(10); //!< delay of each direction

/// One packet put on the link.
struct Sent
{
    Time at;           //!< when it was sent
    bool fromPeer;     //!< true: peer -> authenticator
    uint16_t protocol; //!< PPP protocol
    Bytes bytes;       //!< from Code on
};

/// A result as a callback reported it.
struct Result
{
    Time at;            //!< when
    bool success;       //!< the verdict
    std::string detail; //!< peer name (authenticator) or message (peer)
};

/// The ASCII octets of a string as hex.
std::string
HexOf(const std::string& text)
{
    return ToHex(Bytes(text.begin(), text.end()));
}

/**
 * A peer and an authenticator joined by a link with ONE_WAY delay in each direction. Every
 * packet is recorded as bytes; hooks may drop it, delay it more or replace its bytes.
 */
class Link
{
  public:
    explicit Link(PppAuthMethod method)
        : peer(CreateObject<PppAuthPeer>())
        , auth(CreateObject<PppAuthenticator>())
        , credentials(Create<PppCredentials>())
    {
        peer->SetMethod(method);
        auth->SetMethod(method);
        auth->SetCredentials(credentials);
        peer->SetSendCallback(MakeCallback(&Link::FromPeer, this));
        auth->SetSendCallback(MakeCallback(&Link::FromAuth, this));
        peer->SetResultCallback(MakeCallback(&Link::PeerResult, this));
        auth->SetResultCallback(MakeCallback(&Link::AuthResult, this));
        peer->AssignStreams(1);
        auth->AssignStreams(2);
    }

    ~Link()
    {
        peer->Dispose();
        auth->Dispose();
        Simulator::Destroy();
    }

    /// Start both sides at time 0 and run the simulation to its end.
    void
    Run()
    {
        Simulator::Schedule(Time(0), &PppAuthenticator::Start, auth);
        Simulator::Schedule(Time(0), &PppAuthPeer::Start, peer);
        Simulator::Run();
    }

    /// The packets one side sent.
    std::vector<Sent>
    SentBy(bool fromPeer) const
    {
        std::vector<Sent> out;
        for (const Sent& s : sent)
        {
            if (s.fromPeer == fromPeer)
            {
                out.push_back(s);
            }
        }
        return out;
    }

    Ptr<PppAuthPeer> peer;                     //!< the client side
    Ptr<PppAuthenticator> auth;                //!< the server side
    Ptr<PppCredentials> credentials;           //!< the server's table
    std::vector<Sent> sent;                    //!< every packet, in order
    std::vector<Result> peerResults;           //!< the peer's result callbacks
    std::vector<Result> authResults;           //!< the authenticator's result callbacks
    std::function<bool(const Sent&)> drop;     //!< drop this packet?
    std::function<Time(const Sent&)> extra;    //!< extra delay of this packet
    std::function<Bytes(const Sent&)> rewrite; //!< the bytes delivered instead (if set)

  private:
    void
    FromPeer(uint16_t protocol, Ptr<Packet> packet)
    {
        Carry(protocol, packet, true);
    }

    void
    FromAuth(uint16_t protocol, Ptr<Packet> packet)
    {
        Carry(protocol, packet, false);
    }

    void
    Carry(uint16_t protocol, Ptr<Packet> packet, bool fromPeer)
    {
        Sent s{Simulator::Now(), fromPeer, protocol, BytesOf(packet)};
        sent.push_back(s);
        if (drop && drop(s))
        {
            return;
        }
        Ptr<Packet> delivered = PacketOf(rewrite ? rewrite(s) : s.bytes);
        Time delay = ONE_WAY + (extra ? extra(s) : Time(0));
        if (fromPeer)
        {
            Simulator::Schedule(delay, &PppAuthenticator::Receive, auth, protocol, delivered);
        }
        else
        {
            Simulator::Schedule(delay, &PppAuthPeer::Receive, peer, protocol, delivered);
        }
    }

    void
    PeerResult(bool success, std::string message)
    {
        peerResults.push_back(Result{Simulator::Now(), success, message});
    }

    void
    AuthResult(bool success, std::string name)
    {
        authResults.push_back(Result{Simulator::Now(), success, name});
    }
};

/// A CHAP packet decoded from recorded bytes (the test fails if it does not decode).
ChapPacket
Chap(const Sent& s)
{
    BOOST_REQUIRE_EQUAL(s.protocol, PppProtocol::CHAP);
    ChapPacket chap;
    BOOST_REQUIRE_EQUAL(Decode(chap, s.bytes), s.bytes.size());
    return chap;
}

/// A PAP packet decoded from recorded bytes.
PapPacket
Pap(const Sent& s)
{
    BOOST_REQUIRE_EQUAL(s.protocol, PppProtocol::PAP);
    PapPacket pap;
    BOOST_REQUIRE_EQUAL(Decode(pap, s.bytes), s.bytes.size());
    return pap;
}

/// The RFC 2759 s.9.2 example.
struct Rfc2759
{
    std::string user;         //!< "User"
    std::string password;     //!< "clientPass"
    Bytes authChallenge;      //!< authenticator challenge
    Bytes peerChallenge;      //!< peer challenge
    std::string ntResponse;   //!< hex
    std::string authResponse; //!< "S=..."
    std::string value49;      //!< the Response Value, hex
    std::string masterKey;    //!< RFC 3079 s.3.5.1, hex
};

Rfc2759
LoadRfc2759()
{
    const JsonValue& v = TestVectors()["rfc2759_s9_2_mschapv2_hash_example"];
    const JsonValue& k = TestVectors()["rfc3079_s3_5_1_mschapv2_40bit"];
    return Rfc2759{v["user_name"].AsString(),
                   v["password"].AsString(),
                   v.Hex("authenticator_challenge"),
                   v.Hex("peer_challenge"),
                   v["nt_response"].AsString(),
                   v["authenticator_response"].AsString(),
                   v["derived_chap_response_value_49"].AsString(),
                   k["master_key"].AsString()};
}

/// A link for MS-CHAPv2 with the RFC 2759 user and both challenges fixed to the vectors.
void
SetUpRfc2759(Link& link, const Rfc2759& ex)
{
    link.credentials->Add(ex.user, ex.password);
    link.peer->SetAttribute("UserName", StringValue(ex.user));
    link.peer->SetAttribute("Password", StringValue(ex.password));
    link.auth->SetNextChallenge(ex.authChallenge);
    link.peer->SetNextChallenge(ex.peerChallenge);
}

/// The authenticator's challenge for a retry (a literal: FromHex() reports through Boost.Test,
/// which does not exist yet when namespace-scope constants are initialised).
const Bytes RETRY_CHALLENGE = {
    0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff};

} // namespace

BOOST_AUTO_TEST_SUITE(ppp_auth)

BOOST_AUTO_TEST_CASE(credentials_table)
{
    Ptr<PppCredentials> c = Create<PppCredentials>();
    BOOST_TEST(c->GetSize() == 0U);
    c->Add("alice", "one");
    c->Add("Alice", "two");
    c->Add("alice", "three"); // replaces
    BOOST_TEST(c->GetSize() == 2U);
    std::string password = "untouched";
    BOOST_TEST(!c->Lookup("ALICE", password));
    BOOST_TEST(password == "untouched");
    BOOST_TEST(c->Lookup("alice", password));
    BOOST_TEST(password == "three");
    BOOST_TEST(c->Lookup("Alice", password));
    BOOST_TEST(password == "two");
}

BOOST_AUTO_TEST_CASE(pap_success_exact_packets)
{
    Link link(PppAuthMethod::PAP);
    link.credentials->Add("alice", "secret");
    link.peer->SetAttribute("UserName", StringValue("alice"));
    link.peer->SetAttribute("Password", StringValue("secret"));
    link.Run();

    BOOST_REQUIRE_EQUAL(link.sent.size(), 2U);
    // RFC 1334 s.2.2.1: Code 1, Identifier, Length 17, Peer-ID-Length 5 "alice",
    // Passwd-Length 6 "secret".
    BOOST_TEST(link.sent[0].fromPeer);
    BOOST_TEST(link.sent[0].at == Time(0));
    BOOST_TEST(link.sent[0].protocol == PppProtocol::PAP);
    BOOST_TEST(ToHex(link.sent[0].bytes) == "0101001105" + HexOf("alice") + "06" + HexOf("secret"));
    // s.2.2.2: Code 2, the same Identifier, Length 13, Msg-Length 8 "Login ok".
    BOOST_TEST(!link.sent[1].fromPeer);
    BOOST_TEST(link.sent[1].at == ONE_WAY);
    BOOST_TEST(ToHex(link.sent[1].bytes) == "0201000d08" + HexOf("Login ok"));

    BOOST_REQUIRE_EQUAL(link.peerResults.size(), 1U);
    BOOST_TEST(link.peerResults[0].success);
    BOOST_TEST(link.peerResults[0].detail == "Login ok");
    BOOST_TEST(link.peerResults[0].at == 2 * ONE_WAY);
    BOOST_REQUIRE_EQUAL(link.authResults.size(), 1U);
    BOOST_TEST(link.authResults[0].success);
    BOOST_TEST(link.authResults[0].detail == "alice");
    BOOST_TEST(link.authResults[0].at == ONE_WAY);
    BOOST_TEST(link.peer->GetState() == PppAuthPeerState::SUCCEEDED);
    BOOST_TEST(link.auth->GetState() == PppAuthenticatorState::SUCCEEDED);
    BOOST_TEST(link.auth->GetPeerName() == "alice");
    BOOST_TEST(link.peer->GetMessage() == "Login ok");
    BOOST_TEST(!link.peer->HasMppeMasterKey());
    BOOST_TEST(!link.auth->HasMppeMasterKey());
    BOOST_TEST(link.peer->GetRequestsSent() == 1U);
}

BOOST_AUTO_TEST_CASE(pap_wrong_password_and_unknown_user)
{
    for (const std::string user : {"alice", "bob"})
    {
        Link link(PppAuthMethod::PAP);
        link.credentials->Add("alice", "secret");
        link.peer->SetAttribute("UserName", StringValue(user));
        link.peer->SetAttribute("Password", StringValue(user == "alice" ? "Secret" : "secret"));
        link.Run();

        BOOST_REQUIRE_EQUAL(link.sent.size(), 2U);
        BOOST_TEST(Pap(link.sent[0]).GetCode() == PapPacket::AUTHENTICATE_REQUEST);
        // Code 3, Identifier 1, Length 20, Msg-Length 15 "Login incorrect".
        BOOST_TEST(ToHex(link.sent[1].bytes) == "030100140f" + HexOf("Login incorrect"));
        BOOST_REQUIRE_EQUAL(link.peerResults.size(), 1U);
        BOOST_TEST(!link.peerResults[0].success);
        BOOST_TEST(link.peerResults[0].detail == "Login incorrect");
        BOOST_REQUIRE_EQUAL(link.authResults.size(), 1U);
        BOOST_TEST(!link.authResults[0].success);
        BOOST_TEST(link.authResults[0].detail == user);
        BOOST_TEST(link.peer->GetState() == PppAuthPeerState::FAILED);
        BOOST_TEST(link.auth->GetState() == PppAuthenticatorState::FAILED);
        BOOST_TEST(link.auth->GetFailedAttempts() == 1U);
    }
}

BOOST_AUTO_TEST_CASE(pap_lost_request_is_repeated_with_a_new_identifier)
{
    Link link(PppAuthMethod::PAP);
    link.credentials->Add("user", "password");
    int peerPackets = 0;
    link.drop = [&peerPackets](const Sent& s) { return s.fromPeer && peerPackets++ == 0; };
    link.Run();

    BOOST_REQUIRE_EQUAL(link.sent.size(), 3U);
    BOOST_TEST(link.sent[0].fromPeer);
    BOOST_TEST(Pap(link.sent[0]).GetIdentifier() == 1);
    BOOST_TEST(link.sent[1].fromPeer);
    BOOST_TEST(link.sent[1].at == Seconds(3)); // RestartTimer
    BOOST_TEST(Pap(link.sent[1]).GetCode() == PapPacket::AUTHENTICATE_REQUEST);
    BOOST_TEST(Pap(link.sent[1]).GetIdentifier() == 2); // RFC 1334: changed each time
    BOOST_TEST(Pap(link.sent[1]).GetPeerId() == "user");
    BOOST_TEST(Pap(link.sent[1]).GetPassword() == "password");
    BOOST_TEST(Pap(link.sent[2]).GetCode() == PapPacket::AUTHENTICATE_ACK);
    BOOST_TEST(Pap(link.sent[2]).GetIdentifier() == 2);
    BOOST_REQUIRE_EQUAL(link.peerResults.size(), 1U);
    BOOST_TEST(link.peerResults[0].success);
    BOOST_TEST(link.peerResults[0].at == Seconds(3) + 2 * ONE_WAY);
    BOOST_REQUIRE_EQUAL(link.authResults.size(), 1U);
    BOOST_TEST(link.authResults[0].success);
    BOOST_TEST(link.peer->GetRequestsSent() == 2U);
}

BOOST_AUTO_TEST_CASE(pap_lost_ack_repeated_request_gets_the_same_reply)
{
    Link link(PppAuthMethod::PAP);
    link.credentials->Add("user", "password");
    int authPackets = 0;
    link.drop = [&authPackets](const Sent& s) { return !s.fromPeer && authPackets++ == 0; };
    link.Run();

    // Request 1, Ack 1 (lost), Request 2 at 3 s, Ack 2 (RFC 1334 s.2.2.1).
    BOOST_REQUIRE_EQUAL(link.sent.size(), 4U);
    BOOST_TEST(Pap(link.sent[1]).GetCode() == PapPacket::AUTHENTICATE_ACK);
    BOOST_TEST(Pap(link.sent[1]).GetIdentifier() == 1);
    BOOST_TEST(Pap(link.sent[2]).GetIdentifier() == 2);
    BOOST_TEST(link.sent[3].at == Seconds(3) + ONE_WAY);
    BOOST_TEST(ToHex(link.sent[3].bytes) == "0202000d08" + HexOf("Login ok"));
    BOOST_REQUIRE_EQUAL(link.authResults.size(), 1U); // once, at the first request
    BOOST_TEST(link.authResults[0].at == ONE_WAY);
    BOOST_REQUIRE_EQUAL(link.peerResults.size(), 1U);
    BOOST_TEST(link.peerResults[0].success);
}

BOOST_AUTO_TEST_CASE(pap_max_attempts_and_the_same_result_after_it)
{
    Ptr<PppAuthenticator> auth = CreateObject<PppAuthenticator>();
    Ptr<PppCredentials> credentials = Create<PppCredentials>();
    credentials->Add("alice", "secret");
    auth->SetCredentials(credentials);
    auth->SetMethod(PppAuthMethod::PAP);
    BOOST_TEST(auth->SetAttributeFailSafe("MaxAttempts", UintegerValue(2)));
    std::vector<Bytes> replies;
    std::vector<bool> results;
    auth->SetSendCallback(Callback<void, uint16_t, Ptr<Packet>>(
        [&replies](uint16_t protocol, Ptr<Packet> p)
        {
            BOOST_TEST(protocol == PppProtocol::PAP);
            replies.push_back(BytesOf(p));
        }));
    auth->SetResultCallback(Callback<void, bool, std::string>([&results](bool success, std::string)
                                                              { results.push_back(success); }));
    auth->Start();

    auto request = [](uint8_t id, const std::string& password)
    {
        PapPacket p;
        p.SetCode(PapPacket::AUTHENTICATE_REQUEST);
        p.SetIdentifier(id);
        p.SetPeerId("alice");
        p.SetPassword(password);
        return PacketOf(BytesOf(p));
    };
    const std::string nak = "0f" + HexOf("Login incorrect");
    auth->Receive(PppProtocol::PAP, request(7, "wrong"));
    BOOST_REQUIRE_EQUAL(replies.size(), 1U);
    BOOST_TEST(ToHex(replies[0]) == "03070014" + nak);
    BOOST_TEST(results.empty()); // one attempt left
    BOOST_TEST(auth->GetState() == PppAuthenticatorState::WAIT_REQUEST);

    auth->Receive(PppProtocol::PAP, request(8, "wrong again"));
    BOOST_REQUIRE_EQUAL(replies.size(), 2U);
    BOOST_TEST(ToHex(replies[1]) == "03080014" + nak);
    BOOST_REQUIRE_EQUAL(results.size(), 1U);
    BOOST_TEST(!results[0]);
    BOOST_TEST(auth->GetFailedAttempts() == 2U);

    // After the result even the right password gets the same reply code.
    auth->Receive(PppProtocol::PAP, request(9, "secret"));
    BOOST_REQUIRE_EQUAL(replies.size(), 3U);
    BOOST_TEST(ToHex(replies[2]) == "03090014" + nak);
    BOOST_TEST(results.size() == 1U);
    BOOST_TEST(auth->GetState() == PppAuthenticatorState::FAILED);

    auth->Dispose();
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(pap_no_reply_and_timeouts)
{
    Link link(PppAuthMethod::PAP);
    link.peer->SetAttribute("MaxRequests", UintegerValue(3));
    link.drop = [](const Sent&) { return true; };
    link.Run();

    BOOST_REQUIRE_EQUAL(link.sent.size(), 3U);
    for (std::size_t i = 0; i < 3; ++i)
    {
        BOOST_TEST(link.sent[i].at == Seconds(3 * i));
        BOOST_TEST(Pap(link.sent[i]).GetIdentifier() == i + 1);
    }
    BOOST_REQUIRE_EQUAL(link.peerResults.size(), 1U);
    BOOST_TEST(!link.peerResults[0].success);
    BOOST_TEST(link.peerResults[0].detail == "(no reply)");
    BOOST_TEST(link.peerResults[0].at == Seconds(9));
    // The authenticator heard nothing: its Timeout (30 s) ends it.
    BOOST_REQUIRE_EQUAL(link.authResults.size(), 1U);
    BOOST_TEST(!link.authResults[0].success);
    BOOST_TEST(link.authResults[0].detail == "");
    BOOST_TEST(link.authResults[0].at == Seconds(30));
}

BOOST_AUTO_TEST_CASE(chap_md5_success_exact_packets)
{
    // The CHAP-MD5 vector of pear/Crypt_CHAP: Identifier 1, secret "MyPw", an 8-octet
    // challenge.
    const JsonValue& v = TestVectors()["chap_md5_pear_crypt_chap"]["cases"][0];
    BOOST_REQUIRE(v["identifier"].AsInt() == 1);
    Link link(PppAuthMethod::CHAP_MD5);
    link.credentials->Add("pear", v["secret"].AsString());
    link.peer->SetAttribute("UserName", StringValue("pear"));
    link.peer->SetAttribute("Password", StringValue(v["secret"].AsString()));
    link.auth->SetNextChallenge(v.Hex("challenge"));
    link.Run();

    BOOST_REQUIRE_EQUAL(link.sent.size(), 3U);
    // RFC 1994 s.4.1 Challenge: Code 1, Identifier 1, Length 18, Value-Size 8, Value, "pptpd".
    BOOST_TEST(!link.sent[0].fromPeer);
    BOOST_TEST(link.sent[0].protocol == PppProtocol::CHAP);
    BOOST_TEST(ToHex(link.sent[0].bytes)
               == "0101001208" + v["challenge"].AsString() + HexOf("pptpd"));
    // Response: Code 2, Identifier 1, Length 25, Value-Size 16, MD5, Name "pear".
    BOOST_TEST(link.sent[1].fromPeer);
    BOOST_TEST(link.sent[1].at == ONE_WAY);
    BOOST_TEST(ToHex(link.sent[1].bytes)
               == "0201001910" + v["response"].AsString() + HexOf("pear"));
    // s.4.2 Success: Code 3, Identifier 1, Length 18, "Access granted".
    BOOST_TEST(link.sent[2].at == 2 * ONE_WAY);
    BOOST_TEST(ToHex(link.sent[2].bytes) == "03010012" + HexOf("Access granted"));

    BOOST_REQUIRE_EQUAL(link.peerResults.size(), 1U);
    BOOST_TEST(link.peerResults[0].success);
    BOOST_TEST(link.peerResults[0].detail == "Access granted");
    BOOST_REQUIRE_EQUAL(link.authResults.size(), 1U);
    BOOST_TEST(link.authResults[0].success);
    BOOST_TEST(link.authResults[0].detail == "pear");
    BOOST_TEST(link.auth->GetChallengesSent() == 1U);
    BOOST_TEST(!link.auth->HasMppeMasterKey());
    BOOST_TEST(!link.peer->HasMppeMasterKey());
}

BOOST_AUTO_TEST_CASE(chap_md5_random_challenge_is_16_octets)
{
    Link link(PppAuthMethod::CHAP_MD5);
    link.credentials->Add("user", "password");
    link.auth->SetAttribute("Name", StringValue("server"));
    link.Run();
    BOOST_REQUIRE_EQUAL(link.sent.size(), 3U);
    ChapPacket challenge = Chap(link.sent[0]);
    BOOST_TEST(challenge.GetValue().size() == 16U);
    BOOST_TEST(challenge.GetName() == "server");
    BOOST_TEST(link.sent[0].bytes.size() == 4U + 1U + 16U + 6U);
    ChapPacket response = Chap(link.sent[1]);
    BOOST_TEST(
        ToHex(response.GetValue())
        == ToHex(ChapMd5::Compute(challenge.GetIdentifier(), "password", challenge.GetValue())));
    BOOST_TEST(Chap(link.sent[2]).GetCode() == ChapPacket::SUCCESS);
    BOOST_REQUIRE_EQUAL(link.authResults.size(), 1U);
    BOOST_TEST(link.authResults[0].success);
}

BOOST_AUTO_TEST_CASE(chap_md5_wrong_secret_and_unknown_user)
{
    for (const std::string user : {"pear", "apple"})
    {
        Link link(PppAuthMethod::CHAP_MD5);
        link.credentials->Add("pear", "MyPw");
        link.auth->SetAttribute("MaxAttempts", UintegerValue(3)); // CHAP-MD5: still final
        link.peer->SetAttribute("UserName", StringValue(user));
        link.peer->SetAttribute("Password", StringValue(user == "pear" ? "sepp" : "MyPw"));
        link.Run();

        BOOST_REQUIRE_EQUAL(link.sent.size(), 3U);
        BOOST_TEST(ToHex(link.sent[2].bytes) == "04010011" + HexOf("Access denied"));
        BOOST_REQUIRE_EQUAL(link.peerResults.size(), 1U);
        BOOST_TEST(!link.peerResults[0].success);
        BOOST_TEST(link.peerResults[0].detail == "Access denied");
        BOOST_REQUIRE_EQUAL(link.authResults.size(), 1U);
        BOOST_TEST(!link.authResults[0].success);
        BOOST_TEST(link.authResults[0].detail == user);
        BOOST_TEST(link.auth->GetState() == PppAuthenticatorState::FAILED);
        BOOST_TEST(link.peer->GetState() == PppAuthPeerState::FAILED);
    }
}

BOOST_AUTO_TEST_CASE(chap_lost_challenge_is_followed_by_a_new_one)
{
    Link link(PppAuthMethod::CHAP_MD5);
    link.credentials->Add("user", "password");
    int authPackets = 0;
    link.drop = [&authPackets](const Sent& s) { return !s.fromPeer && authPackets++ == 0; };
    link.Run();

    BOOST_REQUIRE_EQUAL(link.sent.size(), 4U);
    ChapPacket first = Chap(link.sent[0]);
    ChapPacket second = Chap(link.sent[1]);
    BOOST_TEST(first.GetCode() == ChapPacket::CHALLENGE);
    BOOST_TEST(first.GetIdentifier() == 1);
    BOOST_TEST(second.GetCode() == ChapPacket::CHALLENGE);
    BOOST_TEST(link.sent[1].at == Seconds(3));
    // RFC 1994 s.4.1: the Identifier changes with every Challenge sent.
    BOOST_TEST(second.GetIdentifier() == 2);
    BOOST_TEST(ToHex(second.GetValue()) != ToHex(first.GetValue()));
    BOOST_TEST(Chap(link.sent[2]).GetIdentifier() == 2);
    BOOST_TEST(Chap(link.sent[3]).GetCode() == ChapPacket::SUCCESS);
    BOOST_TEST(Chap(link.sent[3]).GetIdentifier() == 2);
    BOOST_REQUIRE_EQUAL(link.peerResults.size(), 1U);
    BOOST_TEST(link.peerResults[0].success);
    BOOST_TEST(link.peerResults[0].at == Seconds(3) + 3 * ONE_WAY);
    BOOST_TEST(link.auth->GetChallengesSent() == 2U);
}

BOOST_AUTO_TEST_CASE(chap_stale_response_is_ignored)
{
    // The first Response is delayed past the second Challenge: when it arrives its
    // Identifier is stale and it is dropped; the second Response succeeds.
    Link link(PppAuthMethod::CHAP_MD5);
    link.credentials->Add("user", "password");
    int peerPackets = 0;
    link.extra = [&peerPackets](const Sent& s)
    { return s.fromPeer && peerPackets++ == 0 ? MilliSeconds(2995) : Time(0); };
    std::vector<Bytes> discarded;
    link.auth->TraceConnectWithoutContext(
        "Discarded",
        Callback<void, uint16_t, Ptr<const Packet>>([&discarded](uint16_t, Ptr<const Packet> p)
                                                    { discarded.push_back(BytesOf(p)); }));
    link.Run();

    // Challenge 1, Response 1, Challenge 2, Response 2, Success 2.
    BOOST_REQUIRE_EQUAL(link.sent.size(), 5U);
    BOOST_TEST(Chap(link.sent[2]).GetIdentifier() == 2);
    BOOST_TEST(Chap(link.sent[3]).GetIdentifier() == 2);
    BOOST_REQUIRE_EQUAL(link.SentBy(false).size(), 3U); // and one Success
    BOOST_TEST(ToHex(link.SentBy(false)[2].bytes) == "03020012" + HexOf("Access granted"));
    BOOST_REQUIRE_EQUAL(discarded.size(), 1U);
    BOOST_TEST(ToHex(discarded[0]) == ToHex(link.sent[1].bytes));
    BOOST_TEST(link.auth->GetDiscardedCount() == 1U);
    BOOST_REQUIRE_EQUAL(link.authResults.size(), 1U);
    BOOST_TEST(link.authResults[0].success);
    BOOST_REQUIRE_EQUAL(link.peerResults.size(), 1U);
    BOOST_TEST(link.peerResults[0].success);
}

BOOST_AUTO_TEST_CASE(chap_repeated_response_after_success_gets_success_again)
{
    Link link(PppAuthMethod::CHAP_MD5);
    link.credentials->Add("user", "password");
    // The peer's Response arrives twice (the second copy 1 s later).
    Simulator::Schedule(Seconds(1),
                        [&link]()
                        {
                            BOOST_REQUIRE_EQUAL(link.sent.size(), 3U);
                            link.auth->Receive(PppProtocol::CHAP, PacketOf(link.sent[1].bytes));
                        });
    link.Run();

    BOOST_REQUIRE_EQUAL(link.sent.size(), 4U);
    BOOST_TEST(link.sent[3].at == Seconds(1));
    BOOST_TEST(ToHex(link.sent[3].bytes) == ToHex(link.sent[2].bytes)); // the same Success
    BOOST_TEST(link.authResults.size() == 1U);
    BOOST_TEST(link.peerResults.size() == 1U);
    BOOST_TEST(link.peer->GetDiscardedCount() == 1U); // the second Success, after the result
}

BOOST_AUTO_TEST_CASE(mschapv2_rfc2759_exchange_and_rfc3079_master_key)
{
    const Rfc2759 ex = LoadRfc2759();
    Link link(PppAuthMethod::MSCHAPV2);
    SetUpRfc2759(link, ex);
    link.Run();

    BOOST_REQUIRE_EQUAL(link.sent.size(), 3U);
    // Challenge: Code 1, Identifier 1, Length 26, Value-Size 16, the authenticator
    // challenge, Name "pptpd".
    BOOST_TEST(ToHex(link.sent[0].bytes)
               == "0101001a10" + ToHex(ex.authChallenge) + HexOf("pptpd"));
    // Response (RFC 2759 s.4): Length 58, Value-Size 49, peer challenge, 8 zero octets,
    // NT-Response, flags 0; Name "User".
    BOOST_TEST(ToHex(link.sent[1].bytes) == "0201003a31" + ex.value49 + HexOf(ex.user));
    MsChapV2ResponseValue value;
    BOOST_REQUIRE(value.Decode(Chap(link.sent[1]).GetValue()) == WireError::NONE);
    BOOST_TEST(ToHex(value.ntResponse) == ex.ntResponse);
    // Success (s.5): "S=<authenticator response> M=Access granted", Length 4 + 59.
    const std::string success = ex.authResponse + " M=Access granted";
    BOOST_TEST(success == "S=407A5589115FD0D6209F510FE9C04566932CDA56 M=Access granted");
    BOOST_TEST(ToHex(link.sent[2].bytes) == "0301003f" + HexOf(success));

    BOOST_REQUIRE_EQUAL(link.peerResults.size(), 1U);
    BOOST_TEST(link.peerResults[0].success);
    BOOST_TEST(link.peerResults[0].detail == success);
    BOOST_REQUIRE_EQUAL(link.authResults.size(), 1U);
    BOOST_TEST(link.authResults[0].success);
    BOOST_TEST(link.authResults[0].detail == "User");

    BOOST_REQUIRE(link.auth->HasMppeMasterKey());
    BOOST_REQUIRE(link.peer->HasMppeMasterKey());
    BOOST_TEST(ToHex(link.auth->GetMppeMasterKey()) == ex.masterKey);
    BOOST_TEST(ToHex(link.peer->GetMppeMasterKey()) == ex.masterKey);
}

BOOST_AUTO_TEST_CASE(mschapv2_domain_prefix)
{
    // RFC 2759 s.4 / s.8.2: the Name carries "DOMAIN\User", the hash uses "User", so the
    // NT-Response is the s.9.2 one; the table holds "User".
    const Rfc2759 ex = LoadRfc2759();
    Link link(PppAuthMethod::MSCHAPV2);
    SetUpRfc2759(link, ex);
    link.peer->SetAttribute("UserName", StringValue("CORP\\User"));
    link.Run();

    BOOST_REQUIRE_EQUAL(link.sent.size(), 3U);
    ChapPacket response = Chap(link.sent[1]);
    BOOST_TEST(response.GetName() == "CORP\\User");
    BOOST_TEST(ToHex(response.GetValue()) == ex.value49);
    BOOST_TEST(Chap(link.sent[2]).GetMessage() == ex.authResponse + " M=Access granted");
    BOOST_REQUIRE_EQUAL(link.authResults.size(), 1U);
    BOOST_TEST(link.authResults[0].success);
    BOOST_TEST(link.authResults[0].detail == "CORP\\User");
    BOOST_REQUIRE_EQUAL(link.peerResults.size(), 1U);
    BOOST_TEST(link.peerResults[0].success);
    BOOST_TEST(ToHex(link.peer->GetMppeMasterKey()) == ex.masterKey);
}

BOOST_AUTO_TEST_CASE(mschapv2_wrong_password_exact_failure)
{
    const Rfc2759 ex = LoadRfc2759();
    Link link(PppAuthMethod::MSCHAPV2);
    SetUpRfc2759(link, ex);
    link.peer->SetAttribute("Password", StringValue("clientpass"));
    // The C= of the Failure: the challenge generated after the first one.
    Simulator::Schedule(
        MilliSeconds(1), &PppAuthenticator::SetNextChallenge, link.auth, RETRY_CHALLENGE);
    link.Run();

    BOOST_REQUIRE_EQUAL(link.sent.size(), 3U);
    const std::string failure
        = "E=691 R=0 C=00112233445566778899AABBCCDDEEFF V=3 M=Authentication failure";
    // Code 4, Identifier 1, Length 4 + 73.
    BOOST_TEST(ToHex(link.sent[2].bytes) == "0401004d" + HexOf(failure));
    BOOST_REQUIRE_EQUAL(link.peerResults.size(), 1U);
    BOOST_TEST(!link.peerResults[0].success);
    BOOST_TEST(link.peerResults[0].detail == failure);
    BOOST_REQUIRE_EQUAL(link.authResults.size(), 1U);
    BOOST_TEST(!link.authResults[0].success);
    BOOST_TEST(link.authResults[0].detail == "User");
    BOOST_TEST(!link.auth->HasMppeMasterKey());
    BOOST_TEST(!link.peer->HasMppeMasterKey());
    BOOST_TEST(link.peer->GetState() == PppAuthPeerState::FAILED);
}

BOOST_AUTO_TEST_CASE(mschapv2_unknown_user)
{
    Link link(PppAuthMethod::MSCHAPV2);
    link.credentials->Add("User", "clientPass");
    link.peer->SetAttribute("UserName", StringValue("user")); // names are case-sensitive
    link.peer->SetAttribute("Password", StringValue("clientPass"));
    link.Run();

    BOOST_REQUIRE_EQUAL(link.sent.size(), 3U);
    ChapPacket reply = Chap(link.sent[2]);
    BOOST_TEST(reply.GetCode() == ChapPacket::FAILURE);
    MsChapV2Failure failure;
    BOOST_REQUIRE(failure.Parse(reply.GetMessage()) == WireError::NONE);
    BOOST_TEST(failure.errorCode == 691U);
    BOOST_TEST(!failure.retry);
    BOOST_TEST(failure.version == 3U);
    BOOST_TEST(failure.message == "Authentication failure");
    BOOST_REQUIRE_EQUAL(link.authResults.size(), 1U);
    BOOST_TEST(!link.authResults[0].success);
    BOOST_TEST(link.authResults[0].detail == "user");
    BOOST_REQUIRE_EQUAL(link.peerResults.size(), 1U);
    BOOST_TEST(!link.peerResults[0].success);
}

BOOST_AUTO_TEST_CASE(mschapv2_max_attempts_2_retry_still_wrong)
{
    const Rfc2759 ex = LoadRfc2759();
    Link link(PppAuthMethod::MSCHAPV2);
    SetUpRfc2759(link, ex);
    link.peer->SetAttribute("Password", StringValue("wrong"));
    link.auth->SetAttribute("MaxAttempts", UintegerValue(2));
    Simulator::Schedule(
        MilliSeconds(1), &PppAuthenticator::SetNextChallenge, link.auth, RETRY_CHALLENGE);
    link.Run();

    // Challenge 1, Response 1, Failure 1 (R=1, C=retry), Response 2, Failure 2 (R=0).
    BOOST_REQUIRE_EQUAL(link.sent.size(), 5U);
    const std::vector<bool> fromPeer{false, true, false, true, false};
    const std::vector<uint8_t> codes{1, 2, 4, 2, 4};
    const std::vector<uint8_t> ids{1, 1, 1, 2, 2};
    for (std::size_t i = 0; i < 5; ++i)
    {
        BOOST_TEST(link.sent[i].fromPeer == fromPeer[i]);
        BOOST_TEST(link.sent[i].at == i * ONE_WAY);
        BOOST_TEST(Chap(link.sent[i]).GetCode() == codes[i]);
        BOOST_TEST(Chap(link.sent[i]).GetIdentifier() == ids[i]);
    }
    BOOST_TEST(Chap(link.sent[2]).GetMessage()
               == "E=691 R=1 C=00112233445566778899AABBCCDDEEFF V=3 M=Authentication failure");
    // The retry answers C= with a new peer challenge (RFC 2759 s.6, s.9.1.4).
    MsChapV2ResponseValue retry;
    BOOST_REQUIRE(retry.Decode(Chap(link.sent[3]).GetValue()) == WireError::NONE);
    BOOST_TEST(ToHex(retry.peerChallenge) != ToHex(ex.peerChallenge));
    BOOST_TEST(ToHex(retry.ntResponse)
               == ToHex(MsChapV2::GenerateNtResponse(
                   ArrayOf<16>(RETRY_CHALLENGE), retry.peerChallenge, ex.user, "wrong")));
    MsChapV2Failure last;
    BOOST_REQUIRE(last.Parse(Chap(link.sent[4]).GetMessage()) == WireError::NONE);
    BOOST_TEST(!last.retry);
    BOOST_TEST(last.errorCode == 691U);

    BOOST_REQUIRE_EQUAL(link.authResults.size(), 1U);
    BOOST_TEST(!link.authResults[0].success);
    BOOST_TEST(link.authResults[0].at == 4 * ONE_WAY);
    BOOST_REQUIRE_EQUAL(link.peerResults.size(), 1U);
    BOOST_TEST(!link.peerResults[0].success);
    BOOST_TEST(link.peerResults[0].detail == Chap(link.sent[4]).GetMessage());
    BOOST_TEST(link.auth->GetFailedAttempts() == 2U);
    BOOST_TEST(link.auth->GetChallengesSent() == 1U);
    BOOST_TEST(link.peer->GetResponsesSent() == 2U);
}

BOOST_AUTO_TEST_CASE(mschapv2_success_after_retry)
{
    // RFC 2759 s.9.1.4: the user types the right password after the first Failure.
    const Rfc2759 ex = LoadRfc2759();
    Link link(PppAuthMethod::MSCHAPV2);
    SetUpRfc2759(link, ex);
    link.peer->SetAttribute("Password", StringValue("wrong"));
    link.auth->SetAttribute("MaxAttempts", UintegerValue(2));
    Simulator::Schedule(
        MilliSeconds(1), &PppAuthenticator::SetNextChallenge, link.auth, RETRY_CHALLENGE);
    Simulator::Schedule(MilliSeconds(25),
                        [&link, &ex]()
                        { link.peer->SetAttribute("Password", StringValue(ex.password)); });
    link.Run();

    BOOST_REQUIRE_EQUAL(link.sent.size(), 5U);
    ChapPacket success = Chap(link.sent[4]);
    BOOST_TEST(success.GetCode() == ChapPacket::SUCCESS);
    BOOST_TEST(success.GetIdentifier() == 2);
    MsChapV2ResponseValue retry;
    BOOST_REQUIRE(retry.Decode(Chap(link.sent[3]).GetValue()) == WireError::NONE);
    const MsChapV2::Challenge retryChallenge = ArrayOf<16>(RETRY_CHALLENGE);
    BOOST_TEST(success.GetMessage()
               == MsChapV2::FormatAuthenticatorResponse(MsChapV2::GenerateAuthenticatorResponse(
                      ex.password, retry.ntResponse, retry.peerChallenge, retryChallenge, ex.user))
                      + " M=Access granted");
    BOOST_REQUIRE_EQUAL(link.authResults.size(), 1U);
    BOOST_TEST(link.authResults[0].success);
    BOOST_REQUIRE_EQUAL(link.peerResults.size(), 1U);
    BOOST_TEST(link.peerResults[0].success);
    // Both master keys come from the second NT-Response.
    const MppeKeys::MasterKey expected = MppeKeys::GetMasterKey(
        MsChapV2::HashNtPasswordHash(MsChapV2::NtPasswordHash(ex.password)), retry.ntResponse);
    BOOST_TEST(ToHex(link.auth->GetMppeMasterKey()) == ToHex(expected));
    BOOST_TEST(ToHex(link.peer->GetMppeMasterKey()) == ToHex(expected));
}

BOOST_AUTO_TEST_CASE(mschapv2_bad_authenticator_response)
{
    const Rfc2759 ex = LoadRfc2759();
    // The Success on the way is replaced by one whose S= is one bit off.
    std::string forged = ex.authResponse + " M=Access granted";
    forged[2] = forged[2] == '4' ? '5' : '4';
    auto forge = [&forged](const Sent& s)
    {
        if (s.fromPeer || s.bytes[0] != ChapPacket::SUCCESS)
        {
            return s.bytes;
        }
        ChapPacket p;
        p.SetCode(ChapPacket::SUCCESS);
        p.SetIdentifier(s.bytes[1]);
        p.SetMessage(forged);
        return BytesOf(p);
    };
    for (bool verify : {true, false})
    {
        Link link(PppAuthMethod::MSCHAPV2);
        SetUpRfc2759(link, ex);
        link.peer->SetAttribute("VerifyAuthenticator", BooleanValue(verify));
        link.rewrite = forge;
        link.Run();

        BOOST_REQUIRE_EQUAL(link.authResults.size(), 1U);
        BOOST_TEST(link.authResults[0].success); // the authenticator is satisfied
        BOOST_REQUIRE_EQUAL(link.peerResults.size(), 1U);
        BOOST_TEST(link.peerResults[0].success == !verify);
        BOOST_TEST(link.peerResults[0].detail
                   == (verify ? std::string("(bad authenticator response)") : forged));
        BOOST_TEST(link.peer->HasMppeMasterKey() == !verify);
    }
}

BOOST_AUTO_TEST_CASE(malformed_and_misdirected_packets)
{
    const Rfc2759 ex = LoadRfc2759();
    Link link(PppAuthMethod::MSCHAPV2);
    SetUpRfc2759(link, ex);
    // Hold the real Response back until the junk has been seen.
    link.extra = [](const Sent& s) { return s.fromPeer ? MilliSeconds(90) : Time(0); };
    std::vector<WireError> authErrors;
    std::vector<WireError> peerErrors;
    link.auth->TraceConnectWithoutContext(
        "Malformed",
        Callback<void, uint16_t, Ptr<const Packet>, WireError>(
            [&authErrors](uint16_t protocol, Ptr<const Packet>, WireError e)
            {
                BOOST_TEST(protocol == PppProtocol::CHAP);
                authErrors.push_back(e);
            }));
    link.peer->TraceConnectWithoutContext(
        "Malformed",
        Callback<void, uint16_t, Ptr<const Packet>, WireError>(
            [&peerErrors](uint16_t, Ptr<const Packet>, WireError e) { peerErrors.push_back(e); }));

    auto toAuth = [&link](uint16_t protocol, const std::string& hex)
    { link.auth->Receive(protocol, PacketOf(FromHex(hex))); };
    auto toPeer = [&link](uint16_t protocol, const std::string& hex)
    { link.peer->Receive(protocol, PacketOf(FromHex(hex))); };
    const std::string zeros24(48, '0');
    Simulator::Schedule(
        MilliSeconds(20),
        [&]()
        {
            // To the authenticator (Challenge 1 is out):
            toAuth(PppProtocol::CHAP, "020100");     // TRUNCATED head
            toAuth(PppProtocol::CHAP, "0201002010"); // Length beyond the octets
            toAuth(PppProtocol::CHAP, "09010004");   // unknown code
            // a Response of Identifier 1 whose Value has 48 octets (BAD_LENGTH) ...
            toAuth(PppProtocol::CHAP, "0201003530" + std::string(96, '1') + HexOf("User"));
            // ... and one whose Reserved octets are not zero (BAD_VALUE).
            toAuth(PppProtocol::CHAP,
                   "0201003a31" + std::string(32, '1') + "0000000000000001" + zeros24 + "00"
                       + HexOf("User"));
            toAuth(PppProtocol::CHAP,
                   "0101000601ab"); // a Challenge: not for this role
            toAuth(PppProtocol::PAP,
                   "010100060000"); // PAP while MS-CHAPv2 runs
            // To the peer (its Response is out):
            toPeer(PppProtocol::CHAP,
                   "0102000500"); // Value-Size 0: BAD_LENGTH
            toPeer(PppProtocol::CHAP,
                   "0102000d080102030405060708"); // 8-octet MS-CHAPv2 challenge
            toPeer(PppProtocol::CHAP,
                   "020100060100"); // a Response: not for this role
            toPeer(PppProtocol::CHAP,
                   "030900064f4b"); // Success of a stale Identifier
        });
    link.Run();

    BOOST_TEST(authErrors
                   == (std::vector<WireError>{WireError::TRUNCATED,
                                              WireError::TRUNCATED,
                                              WireError::UNKNOWN_TYPE,
                                              WireError::BAD_LENGTH,
                                              WireError::BAD_VALUE}),
               boost::test_tools::per_element());
    BOOST_TEST(link.auth->GetMalformedCount() == 5U);
    BOOST_TEST(link.auth->GetDiscardedCount() == 2U);
    BOOST_TEST(peerErrors == (std::vector<WireError>{WireError::BAD_LENGTH, WireError::BAD_LENGTH}),
               boost::test_tools::per_element());
    BOOST_TEST(link.peer->GetMalformedCount() == 2U);
    BOOST_TEST(link.peer->GetDiscardedCount() == 2U);
    // None of it disturbed the exchange.
    BOOST_REQUIRE_EQUAL(link.sent.size(), 3U);
    BOOST_REQUIRE_EQUAL(link.authResults.size(), 1U);
    BOOST_TEST(link.authResults[0].success);
    BOOST_REQUIRE_EQUAL(link.peerResults.size(), 1U);
    BOOST_TEST(link.peerResults[0].success);
    BOOST_TEST(ToHex(link.peer->GetMppeMasterKey()) == ex.masterKey);
}

BOOST_AUTO_TEST_CASE(packets_before_start_are_discarded)
{
    Ptr<PppAuthenticator> auth = CreateObject<PppAuthenticator>();
    Ptr<PppAuthPeer> peer = CreateObject<PppAuthPeer>();
    auth->Receive(PppProtocol::CHAP, PacketOf(FromHex("0201000601ab")));
    peer->Receive(PppProtocol::CHAP, PacketOf(FromHex("0101000601ab")));
    BOOST_TEST(auth->GetDiscardedCount() == 1U);
    BOOST_TEST(peer->GetDiscardedCount() == 1U);
    BOOST_TEST(auth->GetState() == PppAuthenticatorState::INITIAL);
    BOOST_TEST(peer->GetState() == PppAuthPeerState::INITIAL);
    auth->Dispose();
    peer->Dispose();
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(chap_max_challenges_and_timeouts)
{
    {
        // Nothing gets through: 3 Challenges 3 s apart, failure when the third expires.
        Link link(PppAuthMethod::CHAP_MD5);
        link.auth->SetAttribute("MaxChallenges", UintegerValue(3));
        link.drop = [](const Sent&) { return true; };
        link.Run();
        BOOST_REQUIRE_EQUAL(link.sent.size(), 3U);
        for (std::size_t i = 0; i < 3; ++i)
        {
            BOOST_TEST(link.sent[i].at == Seconds(3 * i));
            BOOST_TEST(Chap(link.sent[i]).GetIdentifier() == i + 1);
        }
        BOOST_REQUIRE_EQUAL(link.authResults.size(), 1U);
        BOOST_TEST(!link.authResults[0].success);
        BOOST_TEST(link.authResults[0].at == Seconds(9));
        BOOST_TEST(link.auth->GetState() == PppAuthenticatorState::FAILED);
        // The peer never saw a Challenge: its Timeout ends it.
        BOOST_REQUIRE_EQUAL(link.peerResults.size(), 1U);
        BOOST_TEST(!link.peerResults[0].success);
        BOOST_TEST(link.peerResults[0].detail == "(timeout)");
        BOOST_TEST(link.peerResults[0].at == Seconds(30));
        BOOST_TEST(link.peer->GetState() == PppAuthPeerState::FAILED);
    }
    {
        // The authenticator's Timeout comes before MaxChallenges; the peer's Timeout is shorter
        // still: each ends its own side once.
        Link link(PppAuthMethod::MSCHAPV2);
        link.auth->SetAttribute("Timeout", TimeValue(Seconds(5)));
        link.peer->SetAttribute("Timeout", TimeValue(Seconds(4)));
        link.drop = [](const Sent&) { return true; };
        link.Run();
        BOOST_TEST(link.sent.size() == 2U); // Challenges at 0 and 3 s
        BOOST_REQUIRE_EQUAL(link.authResults.size(), 1U);
        BOOST_TEST(!link.authResults[0].success);
        BOOST_TEST(link.authResults[0].at == Seconds(5));
        BOOST_REQUIRE_EQUAL(link.peerResults.size(), 1U);
        BOOST_TEST(link.peerResults[0].detail == "(timeout)");
        BOOST_TEST(link.peerResults[0].at == Seconds(4));
    }
    {
        // Stop() cancels everything: no result, no more Challenges.
        Link link(PppAuthMethod::CHAP_MD5);
        link.drop = [](const Sent&) { return true; };
        Simulator::Schedule(Seconds(1), &PppAuthenticator::Stop, link.auth);
        Simulator::Schedule(Seconds(1), &PppAuthPeer::Stop, link.peer);
        link.Run();
        BOOST_TEST(link.sent.size() == 1U);
        BOOST_TEST(link.authResults.empty());
        BOOST_TEST(link.peerResults.empty());
        BOOST_TEST(link.auth->GetState() == PppAuthenticatorState::INITIAL);
        BOOST_TEST(link.peer->GetState() == PppAuthPeerState::INITIAL);
    }
}

BOOST_AUTO_TEST_CASE(attributes_and_names)
{
    Ptr<PppAuthenticator> auth = CreateObject<PppAuthenticator>();
    BOOST_TEST(!auth->SetAttributeFailSafe("MaxAttempts", UintegerValue(0)));
    BOOST_TEST(!auth->SetAttributeFailSafe("MaxAttempts", UintegerValue(11)));
    BOOST_TEST(auth->SetAttributeFailSafe("MaxAttempts", UintegerValue(10)));
    BOOST_TEST(!auth->SetAttributeFailSafe("MaxChallenges", UintegerValue(0)));
    BOOST_TEST(!auth->SetAttributeFailSafe("RestartTimer", TimeValue(Time(0))));
    BOOST_TEST(!auth->SetAttributeFailSafe("Timeout", TimeValue(Seconds(-1))));
    Ptr<PppAuthPeer> peer = CreateObject<PppAuthPeer>();
    BOOST_TEST(!peer->SetAttributeFailSafe("MaxRequests", UintegerValue(0)));
    BOOST_TEST(!peer->SetAttributeFailSafe("RestartTimer", TimeValue(Time(0))));
    BOOST_TEST(!peer->SetAttributeFailSafe("Timeout", TimeValue(Time(0))));

    StringValue name;
    auth->GetAttribute("Name", name);
    BOOST_TEST(name.Get() == "pptpd");
    TimeValue time;
    auth->GetAttribute("RestartTimer", time);
    BOOST_TEST(time.Get() == Seconds(3));
    peer->GetAttribute("Timeout", time);
    BOOST_TEST(time.Get() == Seconds(30));
    BooleanValue verify;
    peer->GetAttribute("VerifyAuthenticator", verify);
    BOOST_TEST(verify.Get());

    BOOST_TEST(std::string(PppAuthenticatorStateName(PppAuthenticatorState::CHALLENGE_SENT))
               == "CHALLENGE_SENT");
    BOOST_TEST(Printed(PppAuthPeerState::RESPONSE_SENT) == "RESPONSE_SENT");
    BOOST_TEST(Printed(PppAuthenticatorState::WAIT_REQUEST) == "WAIT_REQUEST");
    BOOST_TEST(std::string(PppAuthPeerStateName(static_cast<PppAuthPeerState>(77))) == "UNKNOWN");

    std::vector<std::string> states;
    Link link(PppAuthMethod::CHAP_MD5);
    link.credentials->Add("user", "password");
    link.auth->TraceConnectWithoutContext(
        "State",
        Callback<void, PppAuthenticatorState, PppAuthenticatorState>(
            [&states](PppAuthenticatorState, PppAuthenticatorState s)
            { states.push_back(Printed(s)); }));
    link.peer->TraceConnectWithoutContext("State",
                                          Callback<void, PppAuthPeerState, PppAuthPeerState>(
                                              [&states](PppAuthPeerState, PppAuthPeerState s)
                                              { states.push_back("peer " + Printed(s)); }));
    std::vector<std::string> results;
    link.peer->TraceConnectWithoutContext(
        "Result",
        Callback<void, PppAuthMethod, bool, std::string>(
            [&results](PppAuthMethod m, bool ok, std::string message)
            { results.push_back(Printed(m) + (ok ? " ok " : " failed ") + message); }));
    link.auth->TraceConnectWithoutContext(
        "Result",
        Callback<void, PppAuthMethod, bool, std::string>(
            [&results](PppAuthMethod m, bool ok, std::string name)
            { results.push_back(Printed(m) + (ok ? " ok " : " failed ") + name); }));
    link.Run();
    BOOST_TEST(states
                   == (std::vector<std::string>{"CHALLENGE_SENT",
                                                "peer WAIT_CHALLENGE",
                                                "peer RESPONSE_SENT",
                                                "SUCCEEDED",
                                                "peer SUCCEEDED"}),
               boost::test_tools::per_element());
    BOOST_TEST(results
                   == (std::vector<std::string>{"CHAP_MD5 ok user", "CHAP_MD5 ok Access granted"}),
               boost::test_tools::per_element());
    auth->Dispose();
    peer->Dispose();
}

BOOST_AUTO_TEST_SUITE_END()
