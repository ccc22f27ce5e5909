/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Feeds truncated, oversized and randomly mutated copies of every known message (real captures,
// a synthetic session, encoder-built samples) to every decoder of the module, with a fixed seed,
// and checks that each decoder either refuses the bytes with a reason or accepts them as an exact
// inverse of its encoder.

#include "capture-reader.h"
#include "chap-packet.h"
#include "gre-header.h"
#include "mppe-header.h"
#include "mschapv2-message.h"
#include "pap-packet.h"
#include "ppp-control-packet.h"
#include "ppp-frame-header.h"
#include "ppp-option.h"
#include "pptp-control-message.h"
#include "pptp-control-stream-reassembler.h"
#include "pptp-synthetic-session.h"
#include "pptp-test-util.h"

#include "ns3/buffer.h"
#include "ns3/ipv4-address.h"
#include "ns3/packet.h"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cctype>
#include <cstdint>
#include <functional>
#include <iomanip>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

/// The fixed seed of every random choice of the suite.
constexpr uint32_t FUZZ_SEED = 0x50505450;
/// Random mutations per seed.
constexpr uint32_t MUTATIONS_PER_SEED = 40;
/// Seeds up to this size get every truncation length; longer ones every length up to it.
constexpr size_t FULL_TRUNCATION_LIMIT = 300;
/// Failures reported one by one before the rest are only counted.
constexpr uint64_t MAX_REPORTED_FAILURES = 25;

/// What one decoder did with one input.
struct Outcome
{
    WireError error{WireError::NONE}; //!< GetError() / the parser's return value
    uint32_t consumed{0};             //!< octets consumed (0: refused)
    Bytes encoded;                    //!< the re-encoding of an accepted value
};

/// Outcome counts and failures of the whole run.
class Fuzzer
{
  public:
    /**
     * Records a broken invariant.
     * \param decoder the decoder's name
     * \param input the input it was given
     * \param what what went wrong
     */
    void
    Fail(const std::string& decoder, const Bytes& input, const std::string& what)
    {
        ++m_failures;
        if (m_failures <= MAX_REPORTED_FAILURES)
        {
            Bytes head(input.begin(), input.begin() + std::min<size_t>(input.size(), 96));
            BOOST_ERROR(decoder << ": " << what << "; input (" << input.size() << " octets): "
                                << ToHex(head) << (input.size() > head.size() ? "..." : ""));
        }
    }

    /**
     * Counts one call.
     * \param decoder the decoder's name
     * \param accepted whether it accepted the input
     * \param error its error value
     */
    void
    Count(const std::string& decoder, bool accepted, WireError error)
    {
        ++m_calls;
        auto& row = m_counts[decoder];
        if (accepted)
        {
            ++row.accepted;
        }
        else
        {
            ++row.refused[error];
        }
    }

    /// Outcome counts of one decoder.
    struct Row
    {
        uint64_t accepted{0};                  //!< accepted inputs
        std::map<WireError, uint64_t> refused; //!< refused inputs by error
    };

    uint64_t m_failures{0};              //!< broken invariants
    uint64_t m_calls{0};                 //!< decoder calls
    std::map<std::string, Row> m_counts; //!< outcomes by decoder
};

/// One decoder under test.
struct Decoder
{
    std::string name;                 //!< for messages and the summary
    bool selfDelimiting;              //!< trailing octets leave an accepted decode unchanged
    std::vector<WireError> errors;    //!< every error value the decoder can produce
    std::vector<WireError> truncated; //!< errors allowed for a truncated valid seed (empty: any)
    std::function<Outcome(Fuzzer&, const Bytes&, uint32_t)> run; //!< decode, check, count
};

/**
 * Whether the encoded bytes equal the input followed by zero octets.
 * \param encoded the re-encoding
 * \param input the input
 * \return true if equal
 */
bool
EqualsInputThenZeros(const Bytes& encoded, const Bytes& input)
{
    for (size_t i = 0; i < encoded.size(); ++i)
    {
        uint8_t expected = i < input.size() ? input[i] : 0;
        if (encoded[i] != expected)
        {
            return false;
        }
    }
    return true;
}

/**
 * Decodes with a Header class, from a packet of exactly the input and from a packet where the
 * input is followed by a zero-filled payload fragment; checks the invariants.
 * \param fuzzer the run
 * \param name the decoder's name
 * \param prototype the header to decode into (e.g. told its protocol)
 * \param bytes the input
 * \param pad octets of zero-filled payload for the second decode
 * \return the outcome of the exact decode
 */
template <class H>
Outcome
RunHeader(
    Fuzzer& fuzzer, const std::string& name, const H& prototype, const Bytes& bytes, uint32_t pad)
{
    Outcome out;
    H header = prototype;
    Ptr<Packet> packet = PacketOf(bytes);
    out.consumed = packet->PeekHeader(header);
    out.error = header.GetError();
    fuzzer.Count(name, out.consumed > 0, out.error);
    std::ostringstream os;
    header.Print(os);
    if (out.consumed == 0)
    {
        if (out.error == WireError::NONE)
        {
            fuzzer.Fail(name, bytes, "returned 0 with GetError() NONE");
        }
    }
    else if (out.error != WireError::NONE)
    {
        fuzzer.Fail(name,
                    bytes,
                    "consumed octets but GetError() is " + std::string(WireErrorName(out.error)));
    }
    else if (out.consumed > bytes.size())
    {
        fuzzer.Fail(
            name, bytes, "consumed " + std::to_string(out.consumed) + " octets, more than present");
    }
    else if (header.GetSerializedSize() != out.consumed)
    {
        fuzzer.Fail(name,
                    bytes,
                    "consumed " + std::to_string(out.consumed) + " octets but re-encodes to "
                        + std::to_string(header.GetSerializedSize()));
    }
    else
    {
        out.encoded = BytesOf(header);
        if (!std::equal(out.encoded.begin(), out.encoded.end(), bytes.begin()))
        {
            fuzzer.Fail(name, bytes, "re-encoding differs: " + ToHex(out.encoded));
        }
    }

    // The same octets followed by a fragment that ns-3 keeps as a virtual zero area.
    H padded = prototype;
    Ptr<Packet> longer = PacketOf(bytes);
    longer->AddAtEnd(Create<Packet>(pad));
    uint32_t used = longer->PeekHeader(padded);
    fuzzer.Count(name + " +payload", used > 0, padded.GetError());
    if (out.consumed > 0 && out.error == WireError::NONE)
    {
        if (used != out.consumed || padded.GetError() != WireError::NONE
            || BytesOf(padded) != out.encoded)
        {
            fuzzer.Fail(name,
                        bytes,
                        "a payload of " + std::to_string(pad)
                            + " zero octets after the input changes the decode (consumed "
                            + std::to_string(used) + ", " + WireErrorName(padded.GetError()) + ")");
        }
    }
    else if (used > 0)
    {
        if (padded.GetError() != WireError::NONE || used > bytes.size() + pad
            || padded.GetSerializedSize() != used || !EqualsInputThenZeros(BytesOf(padded), bytes))
        {
            fuzzer.Fail(name, bytes, "with a zero payload: accepted but not an exact inverse");
        }
    }
    else if (padded.GetError() == WireError::NONE)
    {
        fuzzer.Fail(name, bytes, "with a zero payload: returned 0 with GetError() NONE");
    }
    return out;
}

/**
 * Decodes one PppOption from a buffer holding the input, and again from a buffer where the
 * input is followed by a virtual zero area; checks the invariants.
 * \param fuzzer the run
 * \param name the decoder's name
 * \param protocol LCP, IPCP or CCP
 * \param bytes the input
 * \param pad octets of zero area for the second decode
 * \return the outcome of the exact decode
 */
Outcome
RunOption(
    Fuzzer& fuzzer, const std::string& name, uint16_t protocol, const Bytes& bytes, uint32_t pad)
{
    Outcome out;
    Buffer buffer;
    buffer.AddAtStart(static_cast<uint32_t>(bytes.size()));
    buffer.Begin().Write(bytes.data(), static_cast<uint32_t>(bytes.size()));
    PppOption option;
    out.consumed
        = option.Deserialize(buffer.Begin(), static_cast<uint32_t>(bytes.size()), protocol);
    out.error = out.consumed > 0 ? WireError::NONE : option.GetStatus();
    fuzzer.Count(name, out.consumed > 0, option.GetStatus());
    std::ostringstream os;
    option.Print(os);
    if (out.consumed == 0)
    {
        if (option.GetStatus() != WireError::BAD_OPTION_LENGTH)
        {
            fuzzer.Fail(name,
                        bytes,
                        "refused with status " + std::string(WireErrorName(option.GetStatus())));
        }
    }
    else if (out.consumed > bytes.size() || option.GetSerializedSize() != out.consumed
             || option.GetLength() != out.consumed)
    {
        fuzzer.Fail(
            name, bytes, "consumed " + std::to_string(out.consumed) + " octets inconsistently");
    }
    else if (option.GetStatus() != WireError::NONE && option.GetStatus() != WireError::UNKNOWN_TYPE)
    {
        fuzzer.Fail(
            name, bytes, "accepted with status " + std::string(WireErrorName(option.GetStatus())));
    }
    else
    {
        Buffer again;
        again.AddAtStart(out.consumed);
        option.Serialize(again.Begin());
        out.encoded.resize(out.consumed);
        again.CopyData(out.encoded.data(), out.consumed);
        if (!std::equal(out.encoded.begin(), out.encoded.end(), bytes.begin()))
        {
            fuzzer.Fail(name, bytes, "re-encoding differs: " + ToHex(out.encoded));
        }
    }

    // Input followed by a virtual zero area, which the option may see as available.
    Buffer zeros(pad);
    zeros.AddAtStart(static_cast<uint32_t>(bytes.size()));
    zeros.Begin().Write(bytes.data(), static_cast<uint32_t>(bytes.size()));
    PppOption padded;
    uint32_t used
        = padded.Deserialize(zeros.Begin(), static_cast<uint32_t>(bytes.size() + pad), protocol);
    fuzzer.Count(name + " +zeros", used > 0, padded.GetStatus());
    if (out.consumed > 0)
    {
        if (used != out.consumed || !(padded == option) || padded.GetStatus() != option.GetStatus())
        {
            fuzzer.Fail(name, bytes, "a zero area after the input changes the decode");
        }
    }
    else if (used > 0)
    {
        Buffer again;
        again.AddAtStart(used);
        padded.Serialize(again.Begin());
        Bytes encoded(used);
        again.CopyData(encoded.data(), used);
        if (padded.GetSerializedSize() != used || !EqualsInputThenZeros(encoded, bytes))
        {
            fuzzer.Fail(name, bytes, "with a zero area: accepted but not an exact inverse");
        }
    }
    return out;
}

/**
 * Upper-case copy of a text (the MS-CHAPv2 parsers accept either case of hex digits and
 * format upper case).
 * \param text the text
 * \return the copy
 */
std::string
Upper(std::string text)
{
    for (auto& c : text)
    {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return text;
}

/**
 * Parses the input as the text of an MS-CHAPv2 Success or Failure message.
 * \param fuzzer the run
 * \param name the decoder's name
 * \param bytes the input
 * \return the outcome
 */
template <class T>
Outcome
RunText(Fuzzer& fuzzer, const std::string& name, const Bytes& bytes)
{
    Outcome out;
    std::string text(bytes.begin(), bytes.end());
    T value;
    out.error = value.Parse(text);
    fuzzer.Count(name, out.error == WireError::NONE, out.error);
    std::ostringstream os;
    value.Print(os);
    if (out.error != WireError::NONE)
    {
        return out;
    }
    out.consumed = static_cast<uint32_t>(bytes.size());
    std::string formatted = value.Format();
    out.encoded.assign(formatted.begin(), formatted.end());
    if (Upper(formatted) != Upper(text))
    {
        fuzzer.Fail(name, bytes, "Format() gives back \"" + formatted + "\"");
    }
    T again;
    if (again.Parse(formatted) != WireError::NONE || again.Format() != formatted)
    {
        fuzzer.Fail(name, bytes, "Format() does not parse to the same value");
    }
    return out;
}

/**
 * Decodes the input as an MS-CHAPv2 Response Value.
 * \param fuzzer the run
 * \param name the decoder's name
 * \param bytes the input
 * \return the outcome
 */
Outcome
RunResponseValue(Fuzzer& fuzzer, const std::string& name, const Bytes& bytes)
{
    Outcome out;
    MsChapV2ResponseValue value;
    out.error = value.Decode(bytes.data(), bytes.size());
    fuzzer.Count(name, out.error == WireError::NONE, out.error);
    std::ostringstream os;
    value.Print(os);
    if (out.error == WireError::NONE)
    {
        out.consumed = static_cast<uint32_t>(bytes.size());
        out.encoded = value.Encode();
        if (out.encoded != bytes)
        {
            fuzzer.Fail(name, bytes, "Encode() gives back " + ToHex(out.encoded));
        }
    }
    return out;
}

/**
 * Every decoder of the module.
 * \return the decoders
 */
std::vector<Decoder>
MakeDecoders()
{
    using E = WireError;
    std::vector<Decoder> d;
    d.push_back({"PptpControlMessage",
                 true,
                 {E::TRUNCATED, E::BAD_LENGTH, E::BAD_MAGIC, E::BAD_MESSAGE_TYPE, E::UNKNOWN_TYPE},
                 {E::TRUNCATED, E::BAD_LENGTH},
                 [](Fuzzer& f, const Bytes& b, uint32_t pad)
                 { return RunHeader(f, "PptpControlMessage", PptpControlMessage(), b, pad); }});
    d.push_back({"GreHeader",
                 true,
                 {E::TRUNCATED, E::BAD_LENGTH, E::BAD_FLAGS, E::BAD_PROTOCOL, E::BAD_VERSION},
                 {},
                 [](Fuzzer& f, const Bytes& b, uint32_t pad)
                 { return RunHeader(f, "GreHeader", GreHeader(), b, pad); }});
    d.push_back({"PppFrameHeader",
                 true,
                 {E::TRUNCATED, E::BAD_VALUE, E::BAD_PROTOCOL},
                 {},
                 [](Fuzzer& f, const Bytes& b, uint32_t pad)
                 { return RunHeader(f, "PppFrameHeader", PppFrameHeader(), b, pad); }});
    static const std::pair<uint16_t, const char*> controlProtocols[]
        = {{PppProtocol::LCP, "LCP"}, {PppProtocol::IPCP, "IPCP"}, {PppProtocol::CCP, "CCP"}};
    for (const auto& [protocol, name] : controlProtocols)
    {
        std::string packetName = std::string("PppControlPacket ") + name;
        uint16_t p = protocol;
        d.push_back({packetName,
                     true,
                     {E::TRUNCATED, E::BAD_LENGTH, E::UNKNOWN_TYPE, E::BAD_OPTION_LENGTH},
                     {E::TRUNCATED},
                     [packetName, p](Fuzzer& f, const Bytes& b, uint32_t pad)
                     { return RunHeader(f, packetName, PppControlPacket(p), b, pad); }});
        std::string optionName = std::string("PppOption ") + name;
        d.push_back({optionName,
                     true,
                     {E::BAD_OPTION_LENGTH},
                     {E::BAD_OPTION_LENGTH},
                     [optionName, p](Fuzzer& f, const Bytes& b, uint32_t pad)
                     { return RunOption(f, optionName, p, b, pad); }});
    }
    d.push_back({"PapPacket",
                 true,
                 {E::TRUNCATED, E::BAD_LENGTH, E::UNKNOWN_TYPE},
                 {},
                 [](Fuzzer& f, const Bytes& b, uint32_t pad)
                 { return RunHeader(f, "PapPacket", PapPacket(), b, pad); }});
    d.push_back({"ChapPacket",
                 true,
                 {E::TRUNCATED, E::BAD_LENGTH, E::UNKNOWN_TYPE},
                 {},
                 [](Fuzzer& f, const Bytes& b, uint32_t pad)
                 { return RunHeader(f, "ChapPacket", ChapPacket(), b, pad); }});
    d.push_back({"MppeHeader",
                 true,
                 {E::TRUNCATED, E::BAD_FLAGS},
                 {E::TRUNCATED},
                 [](Fuzzer& f, const Bytes& b, uint32_t pad)
                 { return RunHeader(f, "MppeHeader", MppeHeader(), b, pad); }});
    d.push_back({"MsChapV2ResponseValue",
                 false,
                 {E::BAD_LENGTH, E::BAD_VALUE},
                 {},
                 [](Fuzzer& f, const Bytes& b, uint32_t)
                 { return RunResponseValue(f, "MsChapV2ResponseValue", b); }});
    d.push_back(
        {"MsChapV2Success", false, {E::BAD_TEXT}, {}, [](Fuzzer& f, const Bytes& b, uint32_t) {
             return RunText<MsChapV2Success>(f, "MsChapV2Success", b);
         }});
    d.push_back(
        {"MsChapV2Failure", false, {E::BAD_TEXT}, {}, [](Fuzzer& f, const Bytes& b, uint32_t) {
             return RunText<MsChapV2Failure>(f, "MsChapV2Failure", b);
         }});
    return d;
}

/// Seeds: single messages, and the control streams they came from.
struct Seeds
{
    std::set<Bytes> messages;   //!< every message, deduplicated
    std::vector<Bytes> streams; //!< control-connection byte streams
};

/**
 * Adds the messages of a pcap: control messages cut from both reassembled streams, and each
 * GRE packet, its PPP frame, its PPP packet and (for CHAP) the Value or Message inside.
 * \param file the pcap
 * \param seeds receives the messages and streams
 */
void
AddCapture(const std::string& file, Seeds& seeds)
{
    CaptureReader reader;
    BOOST_REQUIRE_MESSAGE(reader.Read(file), file << ": " << reader.GetError());
    for (auto direction : {CaptureDirection::CLIENT_TO_SERVER, CaptureDirection::SERVER_TO_CLIENT})
    {
        const Bytes& stream = reader.GetTcpStream(direction);
        if (!stream.empty())
        {
            seeds.streams.push_back(stream);
        }
        size_t offset = 0;
        while (offset + 2 <= stream.size())
        {
            uint16_t length
                = PptpControlMessage::PeekLength(stream.data() + offset, stream.size() - offset);
            if (length < PptpControlMessage::HEADER_LENGTH || offset + length > stream.size())
            {
                break;
            }
            seeds.messages.emplace(stream.begin() + offset, stream.begin() + offset + length);
            offset += length;
        }
    }
    for (const auto& frame : reader.GetFrames())
    {
        if (frame.kind != CaptureKind::GRE)
        {
            continue;
        }
        const Bytes& gre = frame.payload;
        seeds.messages.insert(gre);
        GreHeader greHeader;
        uint32_t greSize = PacketOf(gre)->PeekHeader(greHeader);
        if (greSize == 0 || greSize >= gre.size())
        {
            continue;
        }
        Bytes ppp(gre.begin() + greSize, gre.end());
        seeds.messages.insert(ppp);
        PppFrameHeader frameHeader;
        uint32_t frameSize = PacketOf(ppp)->PeekHeader(frameHeader);
        if (frameSize == 0 || frameSize >= ppp.size())
        {
            continue;
        }
        Bytes packet(ppp.begin() + frameSize, ppp.end());
        seeds.messages.insert(packet);
        if (frameHeader.GetProtocol() == PppProtocol::CHAP && packet.size() > 4)
        {
            // the Value of a Challenge / Response, the Message of a Success / Failure
            if (packet[0] <= 2 && packet.size() > 5U + packet[4])
            {
                seeds.messages.emplace(packet.begin() + 5, packet.begin() + 5 + packet[4]);
            }
            else if (packet[0] >= 3)
            {
                seeds.messages.emplace(packet.begin() + 4, packet.end());
            }
        }
    }
}

/**
 * Adds encoder-built samples of every message kind.
 * \param seeds receives the messages and one stream of all 15 control messages
 */
void
AddEncoded(Seeds& seeds)
{
    std::vector<PptpControlMessage> control;
    PptpStartControlConnectionRequest sccrq;
    sccrq.framingCapabilities = 1;
    sccrq.bearerCapabilities = 1;
    sccrq.maximumChannels = 1;
    PptpSetText(sccrq.hostName, "fuzz-host");
    PptpSetText(sccrq.vendorName, "ns3-pptp");
    control.emplace_back(sccrq);
    PptpStartControlConnectionReply sccrp;
    sccrp.resultCode = PptpStartControlConnectionResult::SUCCESS;
    control.emplace_back(sccrp);
    control.emplace_back(PptpStopControlConnectionRequest{PptpStopReason::NONE, 0, 0});
    control.emplace_back(PptpStopControlConnectionReply{});
    control.emplace_back(PptpEchoRequest{0x01020304});
    control.emplace_back(PptpEchoReply{});
    PptpOutgoingCallRequest ocrq;
    ocrq.callId = 7;
    ocrq.minimumBps = 300;
    ocrq.maximumBps = 100000000;
    ocrq.bearerType = PptpBearerType::EITHER;
    ocrq.framingType = PptpFramingType::EITHER;
    ocrq.packetRecvWindowSize = 64;
    PptpSetText(ocrq.phoneNumber, "5551234");
    ocrq.phoneNumberLength = 7;
    control.emplace_back(ocrq);
    control.emplace_back(PptpOutgoingCallReply{});
    control.emplace_back(PptpIncomingCallRequest{});
    control.emplace_back(PptpIncomingCallReply{});
    control.emplace_back(PptpIncomingCallConnected{});
    control.emplace_back(PptpCallClearRequest{});
    PptpCallDisconnectNotify cdn;
    PptpSetText(cdn.callStatistics, "rx 10 tx 12");
    control.emplace_back(cdn);
    control.emplace_back(PptpWanErrorNotify{});
    control.emplace_back(PptpSetLinkInfo{});
    Bytes stream;
    for (const auto& message : control)
    {
        Bytes bytes = BytesOf(message);
        seeds.messages.insert(bytes);
        stream.insert(stream.end(), bytes.begin(), bytes.end());
    }
    seeds.streams.push_back(stream);

    using P = PppControlPacket;
    std::vector<PppOption> lcpOptions{PppOption::MakeMru(1400),
                                      PppOption::MakeAccm(0),
                                      PppOption::MakeAuthenticationChap(0x81),
                                      PppOption::MakeMagicNumber(0x12345678),
                                      PppOption::MakePfc(),
                                      PppOption::MakeAcfc(),
                                      PppOption::MakeMrru(1500),
                                      PppOption::MakeShortSequence()};
    std::vector<PppOption> ipcpOptions{
        PppOption::MakeIpAddress(Ipv4Address("10.0.0.2")),
        PppOption::MakeIpcpAddress(PppOption::IPCP_PRIMARY_DNS, Ipv4Address("10.0.0.53")),
        PppOption::MakeIpcpAddress(PppOption::IPCP_SECONDARY_NBNS, Ipv4Address("0.0.0.0"))};
    std::vector<PppOption> ccpOptions{PppOption::MakeMppe(0x01000040)};
    std::vector<P> packets;
    for (uint8_t code = P::CONFIGURE_REQUEST; code <= P::CONFIGURE_REJECT; ++code)
    {
        packets.push_back(P::MakeConfigure(PppProtocol::LCP, code, code, lcpOptions));
        packets.push_back(P::MakeConfigure(PppProtocol::IPCP, code, code, ipcpOptions));
        packets.push_back(P::MakeConfigure(PppProtocol::CCP, code, code, ccpOptions));
    }
    for (uint16_t protocol : {PppProtocol::LCP, PppProtocol::IPCP, PppProtocol::CCP})
    {
        packets.push_back(P::MakeTerminate(protocol, P::TERMINATE_REQUEST, 9, {'b', 'y', 'e'}));
        packets.push_back(P::MakeTerminate(protocol, P::TERMINATE_ACK, 9, {}));
        packets.push_back(P::MakeCodeReject(protocol, 3, {0x0C, 0x01, 0x00, 0x04}));
    }
    packets.push_back(P::MakeProtocolReject(4, 0x8057, {0x01, 0x01, 0x00, 0x04}));
    packets.push_back(P::MakeEcho(P::ECHO_REQUEST, 5, 0xCAFEBABE, {}));
    packets.push_back(P::MakeEcho(P::ECHO_REPLY, 5, 0xDEADBEEF, {1, 2, 3}));
    packets.push_back(P::MakeEcho(P::DISCARD_REQUEST, 6, 0, {0xFF}));
    packets.push_back(P::MakeReset(P::RESET_REQUEST, 7, {}));
    packets.push_back(P::MakeReset(P::RESET_ACK, 7, {0x00}));
    for (const auto& packet : packets)
    {
        seeds.messages.insert(BytesOf(packet));
    }
    for (const auto& options : {lcpOptions, ipcpOptions, ccpOptions})
    {
        for (const auto& option : options)
        {
            Buffer buffer;
            buffer.AddAtStart(option.GetSerializedSize());
            option.Serialize(buffer.Begin());
            Bytes bytes(option.GetSerializedSize());
            buffer.CopyData(bytes.data(), bytes.size());
            seeds.messages.insert(bytes);
        }
    }

    PapPacket pap;
    pap.SetCode(PapPacket::AUTHENTICATE_REQUEST);
    pap.SetIdentifier(1);
    pap.SetPeerId("user");
    pap.SetPassword("secret");
    seeds.messages.insert(BytesOf(pap));
    pap.SetCode(PapPacket::AUTHENTICATE_ACK);
    pap.SetMessage("welcome");
    seeds.messages.insert(BytesOf(pap));
    pap.SetCode(PapPacket::AUTHENTICATE_NAK);
    pap.SetMessage("");
    seeds.messages.insert(BytesOf(pap));

    MsChapV2ResponseValue response;
    for (size_t i = 0; i < response.peerChallenge.size(); ++i)
    {
        response.peerChallenge[i] = static_cast<uint8_t>(0x21 + i);
    }
    for (size_t i = 0; i < response.ntResponse.size(); ++i)
    {
        response.ntResponse[i] = static_cast<uint8_t>(0x80 + 3 * i);
    }
    seeds.messages.insert(response.Encode());
    MsChapV2Success success;
    success.authenticatorResponse.fill(0xA5);
    success.message = "Access granted";
    MsChapV2Failure failure;
    failure.retry = true;
    failure.challenge.fill(0x3C);
    failure.message = "Try again";
    std::string texts[] = {success.Format(), failure.Format()};
    success.hasMessage = false;
    failure.hasMessage = false;
    std::string bare[] = {success.Format(), failure.Format()};

    ChapPacket chap;
    chap.SetIdentifier(2);
    chap.SetCode(ChapPacket::CHALLENGE);
    chap.SetValue(Bytes(16, 0x11));
    chap.SetName("server");
    seeds.messages.insert(BytesOf(chap));
    chap.SetCode(ChapPacket::RESPONSE);
    chap.SetValue(response.Encode());
    chap.SetName("User");
    seeds.messages.insert(BytesOf(chap));
    for (const auto& text : {texts[0], texts[1], bare[0], bare[1]})
    {
        seeds.messages.emplace(text.begin(), text.end());
    }
    chap.SetCode(ChapPacket::SUCCESS);
    chap.SetMessage(texts[0]);
    seeds.messages.insert(BytesOf(chap));
    chap.SetCode(ChapPacket::FAILURE);
    chap.SetMessage(texts[1]);
    seeds.messages.insert(BytesOf(chap));

    for (uint8_t flags : {0x10, 0x90, 0x00, 0x80, 0x20, 0x40})
    {
        for (uint16_t count : {0, 1, 0x0FFF, 0x0800})
        {
            seeds.messages.insert(Bytes{static_cast<uint8_t>(flags | (count >> 8)),
                                        static_cast<uint8_t>(count & 0xFF)});
        }
    }
}

/**
 * All seeds: the four real captures, a synthetic session and the encoder-built samples.
 * \return the seeds
 */
const Seeds&
GetSeeds()
{
    static Seeds seeds;
    static bool built = false;
    if (!built)
    {
        built = true;
        for (const char* name : {"chapcrack_pptp.cap",
                                 "chapcrack_sample_pptp-only.pcap",
                                 "tcpdump_pptp.pcap",
                                 "zeek_gre-pptp.pcap"})
        {
            AddCapture(SharedDir() + "/captures/" + name, seeds);
        }
        PptpSyntheticSession session;
        std::string file = BinaryDir() + "/wire-fuzz-session.pcap";
        BOOST_REQUIRE(session.Write(file));
        AddCapture(file, seeds);
        AddEncoded(seeds);
        seeds.messages.insert(Bytes{});
    }
    return seeds;
}

/**
 * Applies one random mutation.
 * \param rng the generator
 * \param bytes the bytes to change
 */
void
Mutate(std::mt19937& rng, Bytes& bytes)
{
    uint32_t op = rng() % 8;
    if (bytes.empty())
    {
        op = 4;
    }
    size_t at = bytes.empty() ? 0 : rng() % bytes.size();
    switch (op)
    {
        case 0:
            bytes[at] ^= static_cast<uint8_t>(1U << (rng() % 8));
            break;
        case 1:
            bytes[at] = static_cast<uint8_t>(rng());
            break;
        case 2:
            bytes[at] = 0x00;
            break;
        case 3:
            bytes[at] = 0xFF;
            break;
        case 4:
        {
            size_t count = 1 + rng() % 4;
            size_t where = rng() % (bytes.size() + 1);
            for (size_t i = 0; i < count; ++i)
            {
                bytes.insert(bytes.begin() + where, static_cast<uint8_t>(rng()));
            }
            break;
        }
        case 5:
        {
            size_t count = std::min<size_t>(1 + rng() % 4, bytes.size() - at);
            bytes.erase(bytes.begin() + at, bytes.begin() + at + count);
            break;
        }
        case 6:
        {
            // a 16-bit length field: PPTP Length (0), PPP Length (2), GRE payload length (4),
            // the PPP Length after a frame header (4, 6), or anywhere
            static const size_t fields[] = {0, 2, 4, 6, 2, 0};
            size_t field = rng() % 3 == 0 ? at : fields[rng() % 6];
            if (field + 2 > bytes.size())
            {
                break;
            }
            static const int deltas[] = {1, -1, 2, -2, 4, -4, 12, -12, 255, -256};
            int delta = deltas[rng() % 10];
            uint16_t value = static_cast<uint16_t>((bytes[field] << 8) | bytes[field + 1]);
            value = static_cast<uint16_t>(value + delta);
            bytes[field] = static_cast<uint8_t>(value >> 8);
            bytes[field + 1] = static_cast<uint8_t>(value & 0xFF);
            break;
        }
        default:
            if (at + 1 < bytes.size())
            {
                std::swap(bytes[at], bytes[at + 1]);
            }
            break;
    }
}

/// The run over all messages; its summary is printed by the test cases.
struct MessageRun
{
    Fuzzer fuzzer;                 //!< counts and failures
    std::vector<Decoder> decoders; //!< the decoders
    uint64_t seeds{0};             //!< seeds used
    uint64_t variants{0};          //!< inputs (seeds and their variants) given to every decoder
    uint64_t truncationChecks{0};  //!< truncations checked against an accepted seed
    uint64_t oversizeChecks{0};    //!< oversized copies checked against an accepted seed
    std::map<std::string, uint64_t> seedsAccepted; //!< seeds each decoder accepted
};

/**
 * Every input to every decoder.
 * \param run the run
 * \param input the input
 * \param rng the generator (chooses the payload size of the second decode)
 * \return the outcomes, one per decoder
 */
std::vector<Outcome>
RunAll(MessageRun& run, const Bytes& input, std::mt19937& rng)
{
    static const uint32_t pads[] = {1, 2, 7, 64, 1500};
    uint32_t pad = pads[rng() % 5];
    std::vector<Outcome> outcomes;
    outcomes.reserve(run.decoders.size());
    for (const auto& decoder : run.decoders)
    {
        outcomes.push_back(decoder.run(run.fuzzer, input, pad));
    }
    ++run.variants;
    return outcomes;
}

/**
 * Runs the fuzzer over every seed once (the result is shared by the test cases).
 * \return the run
 */
MessageRun&
GetMessageRun()
{
    static MessageRun run;
    static bool done = false;
    if (done)
    {
        return run;
    }
    done = true;
    run.decoders = MakeDecoders();
    const Seeds& seeds = GetSeeds();
    std::mt19937 rng(FUZZ_SEED);
    Bytes big(64 * 1024);
    for (auto& b : big)
    {
        b = static_cast<uint8_t>(rng());
    }
    for (const Bytes& seed : seeds.messages)
    {
        ++run.seeds;
        std::vector<Outcome> base = RunAll(run, seed, rng);
        for (size_t d = 0; d < run.decoders.size(); ++d)
        {
            if (base[d].consumed > 0)
            {
                ++run.seedsAccepted[run.decoders[d].name];
            }
        }

        // truncations
        std::vector<size_t> lengths;
        for (size_t t = 0; t < seed.size() && t <= FULL_TRUNCATION_LIMIT; ++t)
        {
            lengths.push_back(t);
        }
        for (size_t i = 0; seed.size() > FULL_TRUNCATION_LIMIT + 1 && i < 16; ++i)
        {
            lengths.push_back(FULL_TRUNCATION_LIMIT + 1
                              + rng() % (seed.size() - FULL_TRUNCATION_LIMIT - 1));
        }
        for (size_t t : lengths)
        {
            Bytes cut(seed.begin(), seed.begin() + t);
            std::vector<Outcome> outcomes = RunAll(run, cut, rng);
            for (size_t d = 0; d < run.decoders.size(); ++d)
            {
                const Decoder& decoder = run.decoders[d];
                if (!decoder.selfDelimiting || base[d].consumed == 0 || t >= base[d].consumed)
                {
                    continue;
                }
                ++run.truncationChecks;
                const Outcome& o = outcomes[d];
                bool allowed
                    = decoder.truncated.empty()
                      || std::find(decoder.truncated.begin(), decoder.truncated.end(), o.error)
                             != decoder.truncated.end();
                if (o.consumed != 0 || !allowed)
                {
                    run.fuzzer.Fail(decoder.name,
                                    cut,
                                    "truncation to " + std::to_string(t) + " of a valid "
                                        + std::to_string(base[d].consumed)
                                        + "-octet message not refused as truncated ("
                                        + WireErrorName(o.error) + ")");
                }
            }
        }

        // oversized copies: random trailing octets, and 64 KiB of them
        for (uint32_t i = 0; i < 5; ++i)
        {
            Bytes longer = seed;
            size_t extra = i == 4 ? big.size() : 1 + rng() % 32;
            size_t from = rng() % (big.size() - 32);
            if (i == 4)
            {
                longer.insert(longer.end(), big.begin(), big.end());
            }
            else
            {
                longer.insert(longer.end(), big.begin() + from, big.begin() + from + extra);
            }
            std::vector<Outcome> outcomes = RunAll(run, longer, rng);
            for (size_t d = 0; d < run.decoders.size(); ++d)
            {
                const Decoder& decoder = run.decoders[d];
                if (!decoder.selfDelimiting || base[d].consumed == 0)
                {
                    continue;
                }
                ++run.oversizeChecks;
                if (outcomes[d].consumed != base[d].consumed
                    || outcomes[d].encoded != base[d].encoded)
                {
                    run.fuzzer.Fail(decoder.name,
                                    longer,
                                    std::to_string(extra)
                                        + " trailing octets change the decode of a valid message");
                }
            }
        }

        // random mutations, one to three at a time
        for (uint32_t i = 0; i < MUTATIONS_PER_SEED; ++i)
        {
            Bytes mutated = seed;
            uint32_t count = 1 + rng() % 3;
            for (uint32_t k = 0; k < count; ++k)
            {
                Mutate(rng, mutated);
            }
            RunAll(run, mutated, rng);
        }
    }
    return run;
}

/**
 * Prints the outcome table of some decoders and checks that each saw acceptance, refusal and
 * every error value it can produce.
 * \param fuzzer the run
 * \param rows the table rows (decoder names) and the errors each must show
 */
void
CheckCoverage(const Fuzzer& fuzzer,
              const std::vector<std::pair<std::string, std::vector<WireError>>>& rows)
{
    std::ostringstream table;
    table << std::left << std::setw(34) << "decoder" << std::right << std::setw(10) << "accepted"
          << "  refused by error\n";
    for (const auto& [name, errors] : rows)
    {
        auto it = fuzzer.m_counts.find(name);
        BOOST_REQUIRE_MESSAGE(it != fuzzer.m_counts.end(), name << " was never called");
        const Fuzzer::Row& row = it->second;
        table << std::left << std::setw(34) << name << std::right << std::setw(10) << row.accepted
              << " ";
        uint64_t refused = 0;
        for (const auto& [error, count] : row.refused)
        {
            table << " " << WireErrorName(error) << "=" << count;
            refused += count;
        }
        table << "\n";
        BOOST_CHECK_MESSAGE(row.accepted > 0U, name << " accepted no input");
        BOOST_CHECK_MESSAGE(refused > 0U, name << " refused no input");
        for (WireError error : errors)
        {
            BOOST_CHECK_MESSAGE(row.refused.count(error) == 1U,
                                name << " never refused an input with " << WireErrorName(error));
        }
    }
    BOOST_TEST_MESSAGE(table.str());
}

/// One event of a control stream: a message (error NONE) or an error.
struct StreamEvent
{
    WireError error; //!< NONE for a message
    Bytes bytes;     //!< the message's encoding (for NONE)

    /**
     * Equality.
     * \param other the other event
     * \return true if equal
     */
    bool
    operator==(const StreamEvent& other) const
    {
        return error == other.error && bytes == other.bytes;
    }
};

/**
 * What a reassembler must report for a whole stream, worked out message by message with
 * PeekFraming() and PptpControlMessage::Deserialize().
 * \param stream the stream
 * \param leftover receives the octets left waiting for more
 * \param broken receives whether the stream lost sync
 * \return the events
 */
std::vector<StreamEvent>
ExpectedEvents(const Bytes& stream, size_t& leftover, bool& broken)
{
    std::vector<StreamEvent> events;
    size_t offset = 0;
    broken = false;
    while (offset < stream.size())
    {
        size_t available = stream.size() - offset;
        uint16_t length = 0;
        WireError framing
            = PptpControlMessage::PeekFraming(stream.data() + offset, available, length);
        if (framing == WireError::TRUNCATED || (framing == WireError::NONE && available < length))
        {
            break;
        }
        if (framing != WireError::NONE)
        {
            events.push_back({framing, {}});
            broken = true;
            offset = stream.size();
            break;
        }
        PptpControlMessage message;
        if (message.Deserialize(stream.data() + offset, length) == 0)
        {
            events.push_back({message.GetError(), {}});
        }
        else
        {
            events.push_back({WireError::NONE, BytesOf(message)});
            if (!std::equal(events.back().bytes.begin(),
                            events.back().bytes.end(),
                            stream.begin() + offset))
            {
                events.back().error = WireError::BAD_VALUE; // flags a non-inverse below
            }
        }
        offset += length;
    }
    leftover = stream.size() - offset;
    return events;
}

} // namespace

BOOST_AUTO_TEST_SUITE(wire_fuzz)

BOOST_AUTO_TEST_CASE(every_decoder_refuses_or_inverts_every_variant)
{
    MessageRun& run = GetMessageRun();
    BOOST_TEST_MESSAGE(run.seeds << " seeds, " << run.variants << " inputs to each of "
                                 << run.decoders.size() << " decoders, " << run.fuzzer.m_calls
                                 << " decoder calls, " << run.truncationChecks
                                 << " truncation checks, " << run.oversizeChecks
                                 << " oversize checks");
    BOOST_TEST(run.fuzzer.m_calls >= 100000U);
    BOOST_TEST(run.truncationChecks > 0U);
    BOOST_TEST(run.oversizeChecks > 0U);
    std::vector<std::pair<std::string, std::vector<WireError>>> rows;
    for (const auto& decoder : run.decoders)
    {
        rows.emplace_back(decoder.name, decoder.errors);
    }
    CheckCoverage(run.fuzzer, rows);
    BOOST_TEST(run.fuzzer.m_failures == 0U);
}

BOOST_AUTO_TEST_CASE(control_stream_reassembler_random_splits)
{
    const Seeds& seeds = GetSeeds();
    std::mt19937 rng(FUZZ_SEED + 1);
    Fuzzer fuzzer;
    const std::string name = "PptpControlStreamReassembler";
    uint64_t streams = 0;
    for (const Bytes& seed : seeds.streams)
    {
        for (uint32_t variant = 0; variant < 300; ++variant)
        {
            Bytes stream = seed;
            if (variant % 10 == 9)
            {
                stream.resize(rng() % (stream.size() + 1));
            }
            else if (variant > 0)
            {
                uint32_t count = 1 + rng() % 4;
                for (uint32_t k = 0; k < count; ++k)
                {
                    Mutate(rng, stream);
                }
            }
            ++streams;
            size_t leftover = 0;
            bool broken = false;
            std::vector<StreamEvent> expected = ExpectedEvents(stream, leftover, broken);

            PptpControlStreamReassembler reassembler;
            std::vector<StreamEvent> events;
            size_t offset = 0;
            while (offset < stream.size())
            {
                size_t piece = rng() % 4 == 0 ? 1 + rng() % 3 : 1 + rng() % 200;
                piece = std::min(piece, stream.size() - offset);
                if (rng() % 2 == 0)
                {
                    reassembler.Push(stream.data() + offset, piece);
                }
                else
                {
                    reassembler.Push(Create<Packet>(stream.data() + offset, piece));
                }
                offset += piece;
                PptpControlMessage message;
                WireError error = WireError::NONE;
                while (reassembler.Pop(message, error))
                {
                    events.push_back(
                        {error, error == WireError::NONE ? BytesOf(message) : Bytes{}});
                    fuzzer.Count(name, error == WireError::NONE, error);
                    if (error == WireError::NONE)
                    {
                        std::ostringstream os;
                        message.Print(os);
                    }
                }
            }
            uint64_t good
                = std::count_if(expected.begin(),
                                expected.end(),
                                [](const StreamEvent& e) { return e.error == WireError::NONE; });
            if (events != expected)
            {
                fuzzer.Fail(name, stream, "events differ from a message-by-message decode");
            }
            else if (reassembler.IsBroken() != broken
                     || reassembler.GetBufferedBytes() != (broken ? 0 : leftover)
                     || reassembler.GetBytesReceived() != stream.size()
                     || reassembler.GetMessagesReceived() != good
                     || reassembler.GetErrors() != expected.size() - good)
            {
                fuzzer.Fail(name, stream, "counters or state differ after the stream");
            }
        }
    }
    BOOST_TEST_MESSAGE(streams << " control streams fed in random pieces");
    CheckCoverage(fuzzer,
                  {{name,
                    {WireError::BAD_LENGTH,
                     WireError::BAD_MAGIC,
                     WireError::BAD_MESSAGE_TYPE,
                     WireError::UNKNOWN_TYPE}}});
    BOOST_TEST(fuzzer.m_failures == 0U);
}

BOOST_AUTO_TEST_CASE(seeds_cover_every_message_kind)
{
    // The fuzzer starts from valid messages of every kind, so that it reaches deep paths.
    MessageRun& run = GetMessageRun();
    BOOST_TEST_MESSAGE(run.seeds << " distinct seeds");
    BOOST_TEST(run.seeds >= 150U);
    for (const auto& decoder : run.decoders)
    {
        BOOST_CHECK_MESSAGE(run.seedsAccepted[decoder.name] > 0U,
                            decoder.name << " accepted no seed");
    }
    std::set<uint16_t> controlTypes;
    std::set<std::pair<uint16_t, uint8_t>> pppCodes;
    for (const Bytes& seed : GetSeeds().messages)
    {
        PptpControlMessage message;
        if (PacketOf(seed)->PeekHeader(message) > 0)
        {
            controlTypes.insert(static_cast<uint16_t>(message.GetMessageType()));
        }
        for (uint16_t protocol : {PppProtocol::LCP, PppProtocol::IPCP, PppProtocol::CCP})
        {
            PppControlPacket packet(protocol);
            if (PacketOf(seed)->PeekHeader(packet) > 0)
            {
                pppCodes.insert({protocol, packet.GetCode()});
            }
        }
    }
    BOOST_TEST(controlTypes.size() == 15U);
    BOOST_TEST(pppCodes.size() == 11U + 7U + 9U);
}

BOOST_AUTO_TEST_SUITE_END()
