/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The security lab (issue 6): an eavesdropper on the ISP router's core link captures a PPTP
// tunnel's MS-CHAPv2 exchange, a dictionary attack recovers a weak password, the MPPE keys
// derived from it decrypt the captured frames byte for byte (MPPE-128 and -40, stateless and
// stateful); a strong password is not found; the real chapcrack capture decodes to the values
// tshark shows; the RFC 2759 s.9.2 vector cracks; malformed frames are counted and skipped.

#include "example-run.h"
#include "mppe-channel.h"
#include "mschapv2-dictionary-attack.h"
#include "mschapv2.h"
#include "ppp-link.h"
#include "pptp-call-decryptor.h"
#include "pptp-captured-call.h"
#include "pptp-client.h"
#include "pptp-eavesdropper.h"
#include "pptp-security-lab.h"
#include "pptp-test-util.h"
#include "pptp-tunnel.h"
#include "trace-db-reader.h"
#include "tshark-util.h"
#include "vector-file.h"

#include "ns3/pcap-file.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/simulator.h"

#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

/// The real capture of a pptp-linux client and a pptpd server (password unknown).
const std::string SAMPLE = "/captures/chapcrack_sample_pptp-only.pcap";

/**
 * \brief The word list shipped with the example.
 * \return its words
 */
std::vector<std::string>
ShippedWords()
{
    std::vector<std::string> words;
    BOOST_REQUIRE(MsChapV2DictionaryAttack::ReadWordList(
        std::string(PPTP_SOURCE_DIR) + "/examples/pptp-security-lab-words.txt", words));
    return words;
}

/// What one simulated lab run left behind.
struct LabRun
{
    std::vector<PptpCapturedCall> calls; //!< the eavesdropper's calls
    uint64_t malformed{0};               //!< its malformed count
    uint32_t sent{0};                    //!< secrets sent
    uint32_t delivered{0};               //!< secrets delivered
    uint32_t replies{0};                 //!< replies received
    MppeKey clientSendStart;             //!< the client's real send start key
    MppeKey clientReceiveStart;          //!< the client's real receive start key
};

/**
 * \brief Run the lab once.
 * \param mppe "40", "56" or "128"
 * \param stateless the MPPE mode
 * \param password the client's password
 * \param pcap a pcap file for the tap ("" for none)
 * \return what it left
 */
LabRun
RunLab(const std::string& mppe,
       bool stateless,
       const std::string& password,
       const std::string& pcap = "")
{
    PptpSecurityOptions security;
    security.mppe = mppe;
    security.stateless = stateless;
    security.password = password;
    LabRun run;
    {
        PptpSecurityLab lab;
        lab.SetSecurity(security);
        lab.SetMessageCount(4);
        lab.SetPcapFile(pcap);
        lab.Install();
        Simulator::Stop(lab.GetStopTime());
        Simulator::Run();
        BOOST_REQUIRE(lab.IsTunnelUp());
        run.calls = lab.GetEavesdropper()->GetCalls();
        run.malformed = lab.GetEavesdropper()->GetMalformedCount();
        run.sent = lab.GetMessagesSent();
        run.delivered = lab.GetMessagesDelivered();
        run.replies = lab.GetRepliesReceived();
        Ptr<MppeChannel> channel
            = lab.GetTopology().GetClient(0)->GetTunnel()->GetPppLink()->GetMppeChannel();
        BOOST_REQUIRE(channel);
        run.clientSendStart = channel->GetSendKey().GetStartKey();
        run.clientReceiveStart = channel->GetReceiveKey().GetStartKey();
        lab.Dispose();
    }
    Simulator::Destroy();
    return run;
}

/**
 * \brief The UDP payloads of the decrypted frames of one direction.
 * \param decryptor the decrypted call
 * \param direction the direction
 * \return the payloads as strings
 */
std::vector<std::string>
UdpPayloads(const PptpCallDecryptor& decryptor, PptpFrameDirection direction)
{
    std::vector<std::string> out;
    for (const PptpDecryptedFrame& f : decryptor.GetFrames())
    {
        PptpIpv4View ip;
        uint16_t sport = 0;
        uint16_t dport = 0;
        const uint8_t* data = nullptr;
        std::size_t size = 0;
        if (f.direction == direction && f.GetIpv4(ip) && ip.GetUdp(sport, dport, data, size))
        {
            out.emplace_back(data, data + size);
        }
    }
    return out;
}

/**
 * \brief The whole attack on a simulated run with a weak password.
 * \param mppe the strength
 * \param stateless the mode
 */
void
CheckWeakPasswordFalls(const std::string& mppe, bool stateless)
{
    const std::string secret = "The exam answers are: 1-B 2-D 3-A 4-C 5-B";
    LabRun run = RunLab(mppe, stateless, "password1");
    BOOST_TEST(run.sent == 4U);
    BOOST_TEST(run.delivered == 4U);
    BOOST_TEST(run.replies == 4U);
    BOOST_TEST(run.malformed == 0U);
    BOOST_REQUIRE_EQUAL(run.calls.size(), 1U);
    const PptpCapturedCall& call = run.calls[0];
    BOOST_TEST(call.rolesKnown);
    BOOST_REQUIRE(call.HasExchange());
    BOOST_TEST(call.hasSuccess);
    BOOST_TEST(call.exchange.userName == "alice");
    BOOST_TEST(call.hasMppe);
    BOOST_TEST(call.GetStrength()
               == (mppe == "40" ? MppeStrength::BITS_40 : MppeStrength::BITS_128));
    BOOST_TEST(call.IsStateless() == stateless);

    const std::vector<std::string> words = ShippedWords();
    MsChapV2AttackResult result = MsChapV2DictionaryAttack(call.exchange).Run(words);
    BOOST_REQUIRE(result.found);
    BOOST_TEST(result.password == "password1");
    BOOST_TEST(result.verifiable);
    BOOST_TEST(result.verified);
    const auto position = std::find(words.begin(), words.end(), "password1") - words.begin();
    BOOST_TEST(result.attempts == static_cast<uint64_t>(position + 1));
    BOOST_TEST(ToHex(result.passwordHash) == ToHex(MsChapV2::NtPasswordHash("password1")));

    PptpCallDecryptor decryptor(call, result.password);
    // The keys are those the client really used (RFC 3079's send/receive naming got right).
    BOOST_TEST(decryptor.GetKeys().clientSendStartKey == run.clientSendStart);
    BOOST_TEST(decryptor.GetKeys().serverSendStartKey == run.clientReceiveStart);
    for (PptpFrameDirection d :
         {PptpFrameDirection::CLIENT_TO_SERVER, PptpFrameDirection::SERVER_TO_CLIENT})
    {
        BOOST_TEST(call.CountFrames(d) >= 4U);
        BOOST_TEST(decryptor.GetDecryptedCount(d) == call.CountFrames(d));
        BOOST_TEST(decryptor.GetFailedCount(d) == 0U);
        BOOST_TEST(decryptor.GetIpv4Count(d) == decryptor.GetDecryptedCount(d));
    }
    BOOST_TEST(UdpPayloads(decryptor, PptpFrameDirection::CLIENT_TO_SERVER)
                   == std::vector<std::string>(4, secret),
               boost::test_tools::per_element());
    BOOST_TEST(UdpPayloads(decryptor, PptpFrameDirection::SERVER_TO_CLIENT)
                   == std::vector<std::string>(4, PptpSecurityLab::GetReply()),
               boost::test_tools::per_element());
}

/**
 * \brief An Ethernet frame around an IPv4 datagram (addresses 10.0.0.1 -> 10.0.0.2).
 * \param protocol the IP protocol
 * \param payload the IP payload
 * \return the frame
 */
Bytes
EthernetIpv4(uint8_t protocol, const Bytes& payload)
{
    Bytes frame = FromHex("0000000000020000000000010800");
    const auto total = static_cast<uint16_t>(20 + payload.size());
    Bytes ip = {0x45,
                0,
                static_cast<uint8_t>(total >> 8),
                static_cast<uint8_t>(total),
                0,
                0,
                0,
                0,
                64,
                protocol,
                0,
                0,
                10,
                0,
                0,
                1,
                10,
                0,
                0,
                2};
    frame.insert(frame.end(), ip.begin(), ip.end());
    frame.insert(frame.end(), payload.begin(), payload.end());
    return frame;
}

/**
 * \brief A GRE packet (Call ID 7, sequence 1) carrying a PPP frame.
 * \param ppp the PPP frame (from its protocol field)
 * \return the GRE packet
 */
Bytes
GreWith(const Bytes& ppp)
{
    Bytes gre = FromHex("3001880b");
    gre.push_back(static_cast<uint8_t>(ppp.size() >> 8));
    gre.push_back(static_cast<uint8_t>(ppp.size()));
    Bytes rest = FromHex("000700000001");
    gre.insert(gre.end(), rest.begin(), rest.end());
    gre.insert(gre.end(), ppp.begin(), ppp.end());
    return gre;
}

/**
 * \brief Feed a frame to an eavesdropper.
 * \param eve the eavesdropper
 * \param frame the frame
 * \param linkType its link type
 */
void
Feed(Ptr<PptpEavesdropper> eve,
     const Bytes& frame,
     uint32_t linkType = PptpEavesdropper::LINK_ETHERNET)
{
    eve->ReceiveFrame(frame.data(), frame.size(), linkType, 0.0);
}

/**
 * \brief Every frame of a pcap file.
 * \param path the file
 * \return the frames
 */
std::vector<Bytes>
PcapFrames(const std::string& path)
{
    PcapFile file;
    file.Open(path, std::ios::in);
    BOOST_REQUIRE(!file.Fail());
    std::vector<Bytes> frames;
    Bytes buffer(65536);
    while (true)
    {
        uint32_t s = 0;
        uint32_t us = 0;
        uint32_t incl = 0;
        uint32_t orig = 0;
        uint32_t read = 0;
        file.Read(buffer.data(), buffer.size(), s, us, incl, orig, read);
        if (file.Fail())
        {
            break;
        }
        frames.emplace_back(buffer.begin(), buffer.begin() + read);
    }
    return frames;
}

/**
 * \brief Malformed trace sink.
 * \param out where the errors go
 * \param error the layer
 * \param frame the frame number
 */
void
RecordMalformed(std::vector<PptpCaptureError>* out, PptpCaptureError error, uint64_t frame)
{
    out->push_back(error);
}

} // namespace

BOOST_AUTO_TEST_SUITE(pptp_security_lab)

BOOST_AUTO_TEST_CASE(weak_password_falls_mppe128_stateless)
{
    CheckWeakPasswordFalls("128", true);
}

BOOST_AUTO_TEST_CASE(weak_password_falls_mppe128_stateful)
{
    CheckWeakPasswordFalls("128", false);
}

BOOST_AUTO_TEST_CASE(weak_password_falls_mppe40_stateless)
{
    CheckWeakPasswordFalls("40", true);
}

BOOST_AUTO_TEST_CASE(weak_password_falls_mppe40_stateful)
{
    CheckWeakPasswordFalls("40", false);
}

BOOST_AUTO_TEST_CASE(strong_password_is_not_found)
{
    const std::string strong = "v7#Qe!m2Lz@9wPk";
    LabRun run = RunLab("128", true, strong);
    BOOST_REQUIRE_EQUAL(run.calls.size(), 1U);
    const PptpCapturedCall& call = run.calls[0];
    BOOST_REQUIRE(call.HasExchange());
    const std::vector<std::string> words = ShippedWords();
    MsChapV2AttackResult result = MsChapV2DictionaryAttack(call.exchange).Run(words);
    BOOST_TEST(!result.found);
    BOOST_TEST(result.password.empty());
    BOOST_TEST(result.attempts == words.size());
    // A wrong guess yields no plaintext: no frame decodes as IPv4, the secret never appears.
    PptpCallDecryptor guess(call, words.back());
    BOOST_TEST(guess.GetIpv4Count(PptpFrameDirection::CLIENT_TO_SERVER) == 0U);
    BOOST_TEST(guess.GetIpv4Count(PptpFrameDirection::SERVER_TO_CLIENT) == 0U);
    BOOST_TEST(UdpPayloads(guess, PptpFrameDirection::CLIENT_TO_SERVER).empty());
    // The right password still works: the capture was complete.
    PptpCallDecryptor right(call, strong);
    BOOST_TEST(right.GetIpv4Count(PptpFrameDirection::CLIENT_TO_SERVER)
               == call.CountFrames(PptpFrameDirection::CLIENT_TO_SERVER));
}

BOOST_AUTO_TEST_CASE(pcap_of_the_tap_reads_back_the_same)
{
    const std::string pcap = BinaryDir() + "/pptp-security-lab-test.pcap";
    LabRun run = RunLab("128", false, "password1", pcap);
    Ptr<PptpEavesdropper> eve = CreateObject<PptpEavesdropper>();
    std::string error;
    BOOST_REQUIRE_MESSAGE(eve->ReadPcap(pcap, error), error);
    BOOST_TEST(eve->GetMalformedCount() == 0U);
    BOOST_REQUIRE_EQUAL(eve->GetCalls().size(), 1U);
    const PptpCapturedCall& live = run.calls[0];
    const PptpCapturedCall& file = eve->GetCalls()[0];
    BOOST_TEST(file.client == live.client);
    BOOST_TEST(file.server == live.server);
    BOOST_TEST(file.clientCallId == live.clientCallId);
    BOOST_TEST(file.serverCallId == live.serverCallId);
    BOOST_TEST(ToHex(file.exchange.ntResponse) == ToHex(live.exchange.ntResponse));
    BOOST_TEST(file.mppeBits == live.mppeBits);
    BOOST_REQUIRE_EQUAL(file.frames.size(), live.frames.size());
    for (std::size_t i = 0; i < file.frames.size(); ++i)
    {
        BOOST_TEST(ToHex(file.frames[i].payload) == ToHex(live.frames[i].payload));
    }
    // The control connection was on the same link: SCCRQ ... OCRP gave the Call IDs.
    BOOST_TEST(eve->GetControlMessages().size() >= 4U);
    BOOST_TEST(file.rolesKnown);
    std::remove(pcap.c_str());
}

BOOST_AUTO_TEST_CASE(real_capture_decodes_as_tshark_shows)
{
    const std::string path = SharedDir() + SAMPLE;
    Ptr<PptpEavesdropper> eve = CreateObject<PptpEavesdropper>();
    std::string error;
    BOOST_REQUIRE_MESSAGE(eve->ReadPcap(path, error), error);
    BOOST_TEST(eve->GetMalformedCount() == 0U);
    BOOST_REQUIRE_EQUAL(eve->GetCalls().size(), 1U);
    const PptpCapturedCall& call = eve->GetCalls()[0];
    // Values as `tshark -r chapcrack_sample_pptp-only.pcap -V` prints them (frames 9, 17-19).
    BOOST_TEST(call.client == Ipv4Address("192.168.1.102"));
    BOOST_TEST(call.server == Ipv4Address("198.252.153.26"));
    BOOST_TEST(call.rolesKnown);
    BOOST_TEST(call.clientCallId == 0U);
    BOOST_TEST(call.serverCallId == 30720U);
    BOOST_TEST(call.authenticatorName == "pptpd");
    BOOST_TEST(call.chapIdentifier == 6U);
    BOOST_REQUIRE(call.HasExchange());
    BOOST_TEST(call.exchange.userName == "moxie");
    BOOST_TEST(ToHex(call.exchange.authenticatorChallenge) == "fc8c01b224aaa09c1bcc011187406c1e");
    BOOST_TEST(ToHex(call.exchange.peerChallenge) == "a8ec19457f2195684301395a02699805");
    BOOST_TEST(ToHex(call.exchange.ntResponse)
               == "549560de3582f59deb569acf592531a10bf731f25ba1c36a");
    BOOST_TEST(call.hasSuccess);
    BOOST_TEST(call.resultMessage == "S=A75EC8F61DD73EC5D89F5AC6982448B595E8573F M=Access granted");
    BOOST_TEST(MsChapV2::FormatAuthenticatorResponse(call.exchange.authenticatorResponse)
               == "S=A75EC8F61DD73EC5D89F5AC6982448B595E8573F");
    BOOST_TEST(call.hasMppe);
    BOOST_TEST(call.GetStrength() == MppeStrength::BITS_128);
    BOOST_TEST(call.IsStateless());
    BOOST_TEST(call.frames.size() == 66U);
    BOOST_TEST(call.greFrames[0] == 61U);
    BOOST_TEST(call.greFrames[1] == 56U);
    BOOST_TEST(eve->GetGreCount() == 117U);

    // The same fields straight from tshark, when it is installed.
    std::string out;
    if (RunTshark(path, "-Y chap -T fields -e chap.code -e chap.value -e chap.name", out) == 0
        && !out.empty())
    {
        std::vector<std::string> lines = SplitLines(out);
        BOOST_REQUIRE_GE(lines.size(), 2U);
        std::vector<std::string> challenge = SplitTabs(lines[0]);
        std::vector<std::string> response = SplitTabs(lines[1]);
        BOOST_REQUIRE_EQUAL(challenge.size(), 3U);
        BOOST_REQUIRE_EQUAL(response.size(), 3U);
        BOOST_TEST(challenge[1] == ToHex(call.exchange.authenticatorChallenge));
        BOOST_TEST(challenge[2] == call.authenticatorName);
        BOOST_TEST(response[1].substr(0, 32) == ToHex(call.exchange.peerChallenge));
        BOOST_TEST(response[1].substr(48, 48) == ToHex(call.exchange.ntResponse));
        BOOST_TEST(response[2] == call.exchange.userName);
    }
    else
    {
        BOOST_TEST_MESSAGE("tshark not available: compared with the recorded values only");
    }

    // The password is unknown: the dictionary fails, and says so.
    const std::vector<std::string> words = ShippedWords();
    MsChapV2AttackResult result = MsChapV2DictionaryAttack(call.exchange).Run(words);
    BOOST_TEST(!result.found);
    BOOST_TEST(result.attempts == words.size());
    BOOST_TEST(result.verifiable);
}

BOOST_AUTO_TEST_CASE(rfc2759_vector_cracks)
{
    const JsonValue& v = TestVectors()["rfc2759_s9_2_mschapv2_hash_example"];
    MsChapV2Exchange x;
    x.userName = v["user_name"].AsString();
    x.authenticatorChallenge = ArrayOf<16>(v.Hex("authenticator_challenge"));
    x.peerChallenge = ArrayOf<16>(v.Hex("peer_challenge"));
    x.ntResponse = ArrayOf<24>(v.Hex("nt_response"));
    x.hasAuthenticatorResponse = MsChapV2::ParseAuthenticatorResponse(
        v["authenticator_response"].AsString(), x.authenticatorResponse);
    BOOST_REQUIRE(x.hasAuthenticatorResponse);
    MsChapV2DictionaryAttack attack(x);
    BOOST_TEST(ToHex(attack.GetChallengeDigest()) == ToHex(v.Hex("challenge")));
    const std::string password = v["password"].AsString();
    std::vector<std::string> words = ShippedWords();
    words.insert(words.begin() + 10, password);
    MsChapV2AttackResult result = attack.Run(words);
    BOOST_REQUIRE(result.found);
    BOOST_TEST(result.password == password);
    BOOST_TEST(result.attempts == 11U);
    BOOST_TEST(ToHex(result.passwordHash) == ToHex(v.Hex("password_hash")));
    BOOST_TEST(result.verified);
    BOOST_TEST(attack.Test(password));
    BOOST_TEST(!attack.Test(password + "x"));
    BOOST_TEST(attack.Verify(password));
    BOOST_TEST(!attack.Verify("clientpass"));
    // Without the Success message the match stands alone.
    x.hasAuthenticatorResponse = false;
    MsChapV2AttackResult unverified = MsChapV2DictionaryAttack(x).Run({"a", password});
    BOOST_TEST(unverified.found);
    BOOST_TEST(!unverified.verifiable);
    BOOST_TEST(!unverified.verified);
    // The MPPE keys of the vector (RFC 3079 s.3.5.3: the same credentials, 128 bits).
    const JsonValue& k = TestVectors()["rfc3079_s3_5_3_mschapv2_128bit"];
    PptpCallKeys keys = PptpCallDecryptor::DeriveKeys(x, password, MppeStrength::BITS_128);
    BOOST_TEST(ToHex(keys.passwordHashHash) == ToHex(v.Hex("password_hash_hash")));
    BOOST_TEST(ToHex(keys.masterKey) == ToHex(k.Hex("master_key")));
    // RFC 3079's "SendStartKey" is the server's send key.
    BOOST_TEST(keys.serverSendStartKey.ToHex() == ToHex(k.Hex("send_start_key128")));
    BOOST_TEST(keys.clientSendStartKey.ToHex()
               == ToHex(k.Hex("derived_server_receive_start_key128")));
}

BOOST_AUTO_TEST_CASE(word_lists)
{
    std::istringstream in("# a comment\npassword\r\n\n  spaced \nlast");
    std::vector<std::string> words = MsChapV2DictionaryAttack::ParseWordList(in);
    BOOST_TEST(words == (std::vector<std::string>{"password", "  spaced ", "last"}),
               boost::test_tools::per_element());
    std::vector<std::string> none;
    BOOST_TEST(!MsChapV2DictionaryAttack::ReadWordList("/nonexistent/words.txt", none));
    const std::vector<std::string> shipped = ShippedWords();
    BOOST_TEST(shipped.size() >= 300U);
    BOOST_TEST(std::count(shipped.begin(), shipped.end(), "password1") == 1);
}

BOOST_AUTO_TEST_CASE(malformed_frames_are_counted_and_skipped)
{
    Ptr<PptpEavesdropper> eve = CreateObject<PptpEavesdropper>();
    std::vector<PptpCaptureError> traced;
    eve->TraceConnectWithoutContext("Malformed", MakeBoundCallback(&RecordMalformed, &traced));
    const Bytes chapChallenge = FromHex("c2230101001510"
                                        "00112233445566778899aabbccddeeff"
                                        "53");

    Feed(eve, FromHex("00000000"));                             // LINK
    Feed(eve, FromHex("ff05"), PptpEavesdropper::LINK_PPP);     // LINK: FF without 03
    Feed(eve, FromHex("000000000002000000000001080045000050")); // IPV4 truncated
    Bytes longer = EthernetIpv4(47, Bytes(8, 0));
    longer[17] = 200;                                 // Total Length beyond the frame
    Feed(eve, longer);                                // IPV4
    Feed(eve, EthernetIpv4(47, FromHex("3001880b"))); // GRE truncated
    Bytes cut = EthernetIpv4(47, GreWith(chapChallenge));
    cut.resize(cut.size() - 3);
    cut[17] -= 3; // GRE payload cut
    Feed(eve, cut);
    Feed(eve, EthernetIpv4(47, GreWith(FromHex("0200"))));         // PPP: bad protocol
    Feed(eve, EthernetIpv4(47, GreWith(FromHex("c223010100ff")))); // CHAP: bad length
    Feed(eve, EthernetIpv4(47, GreWith(FromHex("80fd0201"))));     // CCP truncated
    Feed(eve, EthernetIpv4(47, GreWith(FromHex("00fd90"))));       // MPPE too short
    Feed(eve, EthernetIpv4(6, FromHex("06bb1234")));               // TCP truncated
    Bytes badControl = FromHex("c0de06bb000000010000000050180100000000000010"
                               "0001"
                               "deadbeef"
                               "0001"
                               "0000");
    Feed(eve, EthernetIpv4(6, badControl)); // CONTROL: bad magic
    // A response whose value is not 49 octets after a well-formed Challenge.
    Feed(eve, EthernetIpv4(47, GreWith(chapChallenge)));
    Feed(eve, EthernetIpv4(47, GreWith(FromHex("c22302010009020011")))); // CHAP (response)

    using E = PptpCaptureError;
    BOOST_TEST(eve->GetMalformedCount(E::LINK) == 2U);
    BOOST_TEST(eve->GetMalformedCount(E::IPV4) == 2U);
    BOOST_TEST(eve->GetMalformedCount(E::GRE) == 2U);
    BOOST_TEST(eve->GetMalformedCount(E::PPP) == 1U);
    BOOST_TEST(eve->GetMalformedCount(E::CHAP) == 2U);
    BOOST_TEST(eve->GetMalformedCount(E::CCP) == 1U);
    BOOST_TEST(eve->GetMalformedCount(E::MPPE) == 1U);
    BOOST_TEST(eve->GetMalformedCount(E::TCP) == 1U);
    BOOST_TEST(eve->GetMalformedCount(E::CONTROL) == 1U);
    BOOST_TEST(eve->GetMalformedCount() == 13U);
    BOOST_TEST(traced.size() == 13U);
    BOOST_TEST(eve->GetFrameCount() == 14U);
    // The well-formed Challenge was kept; the bad Response did not complete it.
    BOOST_REQUIRE_EQUAL(eve->GetCalls().size(), 1U);
    BOOST_TEST(eve->GetCalls()[0].hasChallenge);
    BOOST_TEST(!eve->GetCalls()[0].hasResponse);
    BOOST_TEST(eve->GetCalls()[0].server == Ipv4Address("10.0.0.1"));

    // Every prefix and many single-octet corruptions of every real frame: counted, never fatal,
    // and the complete frames afterwards still give the exchange.
    const std::vector<Bytes> frames = PcapFrames(SharedDir() + SAMPLE);
    BOOST_REQUIRE_GT(frames.size(), 100U);
    eve->Clear();
    BOOST_TEST(eve->GetFrameCount() == 0U);
    uint64_t fed = 0;
    for (const Bytes& frame : frames)
    {
        for (std::size_t n = 0; n < frame.size(); ++n)
        {
            eve->ReceiveFrame(frame.data(), n, PptpEavesdropper::LINK_ETHERNET, 0.0);
            Bytes flipped = frame;
            flipped[n] ^= static_cast<uint8_t>(0x5a + n);
            Feed(eve, flipped);
            fed += 2;
        }
    }
    BOOST_TEST(eve->GetFrameCount() == fed);
    BOOST_TEST(eve->GetMalformedCount() > 0U);
    Ptr<PptpEavesdropper> clean = CreateObject<PptpEavesdropper>();
    for (const Bytes& frame : frames)
    {
        Feed(clean, frame);
    }
    BOOST_TEST(clean->GetMalformedCount() == 0U);
    BOOST_REQUIRE_EQUAL(clean->GetCalls().size(), 1U);
    BOOST_TEST(clean->GetCalls()[0].HasExchange());

    // Not a pcap file, a missing file: an error message, no crash.
    std::string error;
    BOOST_TEST(!eve->ReadPcap("/nonexistent/file.pcap", error));
    BOOST_TEST(!error.empty());
    error.clear();
    BOOST_TEST(!eve->ReadPcap(
        std::string(PPTP_SOURCE_DIR) + "/examples/pptp-security-lab-words.txt", error));
    BOOST_TEST(!error.empty());
}

BOOST_AUTO_TEST_CASE(example_prints_the_steps)
{
    const std::string program = "pptp-security-lab";
    ExampleRun run = RunExampleProgram(program, "--db= 2>&1");
    BOOST_REQUIRE_EQUAL(run.status, 0);
    const std::string& out = run.output;
    for (const char* line :
         {"\n1. What the eavesdropper captured",
          "Match after 80 attempts: the password of \"alice\" is \"password1\"",
          "Equal: the password is confirmed.",
          "\n4. MPPE keys",
          "client -> server: 3 captured, 3 decrypted (3 of them well-formed IPv4)",
          "\"The exam answers are: 1-B 2-D 3-A 4-C 5-B\"",
          "\n6. The lesson",
          "Summary: exchange captured yes, password recovered yes, secret read "
          "yes"})
    {
        BOOST_TEST(out.find(line) != std::string::npos, "missing: " << line);
    }
    run = RunExampleProgram(program, "--db= --read=" + SharedDir() + SAMPLE + " 2>&1");
    BOOST_REQUIRE_EQUAL(run.status, 0);
    BOOST_TEST(out.find("No word matched after") != std::string::npos);
    BOOST_TEST(out.find("Summary: exchange captured yes, password recovered no")
               != std::string::npos);
    run = RunExampleProgram(program, "--db= --read=/nonexistent.pcap 2>&1");
    BOOST_TEST(run.status != 0);
    BOOST_TEST(out.find("cannot open") != std::string::npos);
    // A capture that cannot be read leaves no run (it used to be recorded as 'finished').
    const std::string db = BinaryDir() + "/security-lab-unreadable.db";
    FreshDatabase(db);
    run = RunExampleProgram(program, "--db=" + db + " --read=/nonexistent.pcap 2>&1");
    BOOST_TEST(run.status != 0);
    BOOST_TEST(!std::ifstream(db).good(), "a database was written: " << db);
}

BOOST_AUTO_TEST_CASE(names)
{
    BOOST_TEST(Printed(PptpCaptureError::CONTROL) == "CONTROL");
    BOOST_TEST(Printed(PptpCaptureError::COUNT) == "UNKNOWN");
    BOOST_TEST(Printed(PptpFrameDirection::SERVER_TO_CLIENT) == "SERVER_TO_CLIENT");
    BOOST_TEST(PptpEavesdropper::IsSupportedLinkType(PptpEavesdropper::LINK_PPP));
    BOOST_TEST(!PptpEavesdropper::IsSupportedLinkType(105));
}

BOOST_AUTO_TEST_SUITE_END()
