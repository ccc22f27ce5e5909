/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "capture-reader.h"
#include "chap-packet.h"
#include "gre-header.h"
#include "mppe-header.h"
#include "mppe-keys.h"
#include "mppe-session-key.h"
#include "mschapv2-message.h"
#include "mschapv2.h"
#include "ppp-control-packet.h"
#include "ppp-frame-header.h"
#include "pptp-control-message.h"
#include "pptp-control-stream-reassembler.h"
#include "pptp-synthetic-session.h"
#include "pptp-test-util.h"

#include "ns3/buffer.h"
#include "ns3/icmpv4.h"
#include "ns3/ipv4-header.h"

#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

/// Everything the decoders learnt from one synthetic session.
struct Decoded
{
    std::vector<PptpControlMessageType> toServer; //!< control messages from the client
    std::vector<PptpControlMessageType> toClient; //!< control messages from the server
    std::vector<std::string> ppp;                 //!< "<protocol>/<code>" per GRE payload
    std::vector<Bytes> chap;                      //!< CHAP packets, as bytes
    std::vector<Bytes> clientData;                //!< decrypted MPPE from the client
    std::vector<Bytes> serverData;                //!< decrypted MPPE from the server
    std::vector<uint16_t> coherencyCounts;        //!< per MPPE packet, in order
    uint32_t ackOnly{0};                          //!< GRE packets without payload
};

/// Decodes every message of a session file, checks that re-encoding gives the same bytes.
Decoded
DecodeSession(const std::string& file,
              const PptpSyntheticSession& session,
              const std::string& password,
              MppeStrength strength,
              bool stateless)
{
    Decoded decoded;
    CaptureReader reader;
    BOOST_REQUIRE_MESSAGE(reader.Read(file), reader.GetError());

    // control connection, both directions
    for (auto direction : {CaptureDirection::CLIENT_TO_SERVER, CaptureDirection::SERVER_TO_CLIENT})
    {
        const Bytes& stream = reader.GetTcpStream(direction);
        PptpControlStreamReassembler reassembler;
        reassembler.Push(stream.data(), stream.size());
        PptpControlMessage message;
        WireError error;
        Bytes again;
        while (reassembler.Pop(message, error))
        {
            BOOST_REQUIRE(error == WireError::NONE);
            Bytes bytes = BytesOf(message);
            again.insert(again.end(), bytes.begin(), bytes.end());
            (direction == CaptureDirection::CLIENT_TO_SERVER ? decoded.toServer : decoded.toClient)
                .push_back(message.GetMessageType());
        }
        BOOST_TEST(!reassembler.IsBroken());
        BOOST_TEST(reassembler.GetBufferedBytes() == 0U);
        BOOST_TEST(again == stream);
    }

    // the receivers' MPPE keys, derived independently of the sender's
    MsChapV2::NtResponse nt = session.GetNtResponse();
    MppeSessionKey serverReceive(
        MppeKeys::GetStartKey(password, nt, strength, MppeDirection::RECEIVE, MppeSide::SERVER),
        strength,
        stateless);
    MppeSessionKey clientReceive(
        MppeKeys::GetStartKey(password, nt, strength, MppeDirection::RECEIVE, MppeSide::CLIENT),
        strength,
        stateless);

    for (const auto& frame : reader.GetFrames())
    {
        if (frame.kind != CaptureKind::GRE)
        {
            continue;
        }
        BOOST_TEST_CONTEXT("frame " << frame.number)
        {
            Buffer buffer = BufferOf(frame.payload.data(), frame.payload.size());
            Buffer::Iterator i = buffer.Begin();
            GreHeader gre;
            uint32_t used = gre.Deserialize(i);
            BOOST_REQUIRE(used > 0U);
            BOOST_TEST(gre.GetPayloadLength() == frame.payload.size() - used);
            Bytes rebuilt = BytesOf(gre);
            if (gre.GetPayloadLength() == 0)
            {
                BOOST_TEST(!gre.HasSequenceNumber());
                ++decoded.ackOnly;
                BOOST_TEST(rebuilt == frame.payload);
                continue;
            }
            i.Next(used);
            PppFrameHeader ppp;
            uint32_t pppUsed = ppp.Deserialize(i);
            BOOST_REQUIRE(pppUsed > 0U);
            i.Next(pppUsed);
            Bytes frameBytes = BytesOf(ppp);
            rebuilt.insert(rebuilt.end(), frameBytes.begin(), frameBytes.end());
            size_t offset = used + pppUsed;
            const uint8_t* rest = frame.payload.data() + offset;
            size_t restSize = frame.payload.size() - offset;
            uint16_t protocol = ppp.GetProtocol();
            Bytes body;
            if (protocol == PppProtocol::CHAP)
            {
                ChapPacket chap;
                BOOST_REQUIRE(chap.Deserialize(i) == restSize);
                body = BytesOf(chap);
                decoded.chap.push_back(body);
                decoded.ppp.push_back("chap/" + std::to_string(chap.GetCode()));
            }
            else if (protocol == PppProtocol::COMPRESSED_DATAGRAM)
            {
                MppeHeader mppe;
                BOOST_REQUIRE(mppe.Deserialize(i) == MppeHeader::SIZE);
                BOOST_TEST(mppe.IsEncrypted());
                body = BytesOf(mppe);
                body.insert(body.end(), rest + MppeHeader::SIZE, rest + restSize);
                Bytes clear(rest + MppeHeader::SIZE, rest + restSize);
                bool fromClient = frame.direction == CaptureDirection::CLIENT_TO_SERVER;
                MppeSessionKey& key = fromClient ? serverReceive : clientReceive;
                BOOST_TEST(
                    key.Decrypt(
                        clear.data(), clear.size(), mppe.GetCoherencyCount(), mppe.IsFlushed())
                    == MppeDecryptResult::DECRYPTED);
                (fromClient ? decoded.clientData : decoded.serverData).push_back(clear);
                decoded.coherencyCounts.push_back(mppe.GetCoherencyCount());
                decoded.ppp.push_back(fromClient ? "mppe/client" : "mppe/server");
                if (stateless)
                {
                    // RFC 3078 s.3.1: every stateless packet is flushed
                    BOOST_TEST(mppe.IsFlushed());
                }
            }
            else
            {
                PppControlPacket control(protocol);
                BOOST_REQUIRE(control.Deserialize(i) == restSize);
                BOOST_TEST(!control.HasUnknownOptions());
                body = BytesOf(control);
                decoded.ppp.push_back(std::string(PppProtocolName(protocol)) + "/"
                                      + std::to_string(control.GetCode()));
            }
            rebuilt.insert(rebuilt.end(), body.begin(), body.end());
            BOOST_TEST(ToHex(rebuilt) == ToHex(frame.payload));
        }
    }
    return decoded;
}

/// Checks a decrypted MPPE payload: PPP protocol IPv4, then an ICMP echo with good checksums.
void
CheckEcho(const Bytes& clear, bool request, uint16_t sequence)
{
    BOOST_REQUIRE(clear.size() == 2U + 20U + 8U + 32U);
    BOOST_TEST(clear[0] == 0x00);
    BOOST_TEST(clear[1] == 0x21);
    Buffer buffer = BufferOf(clear.data() + 2, clear.size() - 2);
    Ipv4Header ip;
    ip.EnableChecksum();
    BOOST_REQUIRE(ip.Deserialize(buffer.Begin()) == 20U);
    BOOST_TEST(ip.IsChecksumOk());
    BOOST_TEST(ip.GetProtocol() == 1);
    BOOST_TEST(ip.GetSource() == Ipv4Address(request ? "172.16.0.10" : "172.16.0.1"));
    BOOST_TEST(ip.GetDestination() == Ipv4Address(request ? "172.16.0.1" : "172.16.0.10"));
    const uint8_t* icmp = clear.data() + 22;
    BOOST_TEST(icmp[0] == (request ? 8 : 0));
    uint32_t sum = 0;
    for (size_t k = 0; k < 40; k += 2)
    {
        sum += static_cast<uint32_t>(icmp[k] << 8 | icmp[k + 1]);
    }
    while (sum >> 16)
    {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    BOOST_TEST(sum == 0xffffU);
    BOOST_TEST((icmp[6] << 8 | icmp[7]) == sequence);
    BOOST_TEST(std::string(icmp + 8, icmp + 40) == "abcdefghijklmnopqrstuvwabcdefghi");
}

} // namespace

BOOST_AUTO_TEST_SUITE(pptp_synthetic_session)

BOOST_AUTO_TEST_CASE(rfc_values)
{
    PptpSyntheticSession session;
    BOOST_REQUIRE(session.Write(BinaryDir() + "/synthetic-session-rfc.pcap"));
    // RFC 2759 s.9.2
    BOOST_TEST(ToHex(Bytes(session.GetNtResponse().begin(), session.GetNtResponse().end()))
               == "82309ecd8d708b5ea08faa3981cd83544233114a3d85d6df");
    BOOST_TEST(MsChapV2::FormatAuthenticatorResponse(session.GetAuthenticatorResponse())
               == "S=407A5589115FD0D6209F510FE9C04566932CDA56");
    // RFC 3079 s.3.5.3: the server's send key (the client's receive key)
    BOOST_TEST(session.GetSendStartKey(MppeSide::SERVER).ToHex()
               == "8b7cdc149b993a1ba118cb153f56dccb");
}

BOOST_AUTO_TEST_CASE(every_message_decodes_and_reencodes)
{
    std::string file = BinaryDir() + "/synthetic-session-decode.pcap";
    PptpSyntheticSession session;
    session.SetDataPackets(8);
    BOOST_REQUIRE(session.Write(file));
    Decoded d = DecodeSession(file, session, "clientPass", MppeStrength::BITS_128, true);

    using T = PptpControlMessageType;
    BOOST_TEST((d.toServer
                == std::vector<T>{T::START_CONTROL_CONNECTION_REQUEST,
                                  T::OUTGOING_CALL_REQUEST,
                                  T::SET_LINK_INFO,
                                  T::CALL_CLEAR_REQUEST,
                                  T::STOP_CONTROL_CONNECTION_REQUEST}));
    BOOST_TEST((d.toClient
                == std::vector<T>{T::START_CONTROL_CONNECTION_REPLY,
                                  T::OUTGOING_CALL_REPLY,
                                  T::CALL_DISCONNECT_NOTIFY,
                                  T::STOP_CONTROL_CONNECTION_REPLY}));
    std::vector<std::string> expected = {"LCP/1",
                                         "LCP/1",
                                         "LCP/2",
                                         "LCP/2",
                                         "chap/1",
                                         "chap/2",
                                         "chap/3",
                                         "CCP/1",
                                         "CCP/1",
                                         "CCP/2",
                                         "CCP/2",
                                         "IPCP/1",
                                         "IPCP/1",
                                         "IPCP/2",
                                         "IPCP/3",
                                         "IPCP/1",
                                         "IPCP/2"};
    for (int k = 0; k < 4; ++k)
    {
        expected.push_back("mppe/client");
        expected.push_back("mppe/server");
    }
    expected.push_back("LCP/5");
    expected.push_back("LCP/6");
    BOOST_TEST(d.ppp == expected, boost::test_tools::per_element());
    BOOST_TEST(d.ackOnly == 2U);

    // MS-CHAPv2: the server can verify the response, the client the success message
    BOOST_REQUIRE(d.chap.size() == 3U);
    ChapPacket response;
    Buffer buffer = BufferOf(d.chap[1].data(), d.chap[1].size());
    BOOST_REQUIRE(response.Deserialize(buffer.Begin()) > 0U);
    MsChapV2ResponseValue value;
    BOOST_REQUIRE(value.Decode(response.GetValue()) == WireError::NONE);
    const MsChapV2::Challenge& authenticator = RFC2759_AUTHENTICATOR_CHALLENGE;
    BOOST_TEST(value.ntResponse
               == MsChapV2::GenerateNtResponse(
                   authenticator, value.peerChallenge, response.GetName(), "clientPass"));
    ChapPacket success;
    buffer = BufferOf(d.chap[2].data(), d.chap[2].size());
    BOOST_REQUIRE(success.Deserialize(buffer.Begin()) > 0U);
    BOOST_TEST(MsChapV2::CheckAuthenticatorResponse("clientPass",
                                                    value.ntResponse,
                                                    value.peerChallenge,
                                                    authenticator,
                                                    response.GetName(),
                                                    success.GetMessage().substr(0, 42)));

    // MPPE: per direction counts 0, 1, 2, ...; the plaintext is real ICMP
    BOOST_REQUIRE(d.coherencyCounts.size() == 8U);
    for (size_t k = 0; k < 8; ++k)
    {
        BOOST_TEST(d.coherencyCounts[k] == k / 2);
    }
    BOOST_REQUIRE(d.clientData.size() == 4U);
    BOOST_REQUIRE(d.serverData.size() == 4U);
    for (uint16_t k = 0; k < 4; ++k)
    {
        CheckEcho(d.clientData[k], true, k + 1);
        CheckEcho(d.serverData[k], false, k + 1);
    }
}

BOOST_AUTO_TEST_CASE(other_credentials_and_strengths_decrypt)
{
    for (auto strength : {MppeStrength::BITS_40, MppeStrength::BITS_56, MppeStrength::BITS_128})
    {
        for (bool stateless : {true, false})
        {
            BOOST_TEST_CONTEXT("strength " << strength << " stateless " << stateless)
            {
                std::string file = BinaryDir() + "/synthetic-session-variant.pcap";
                PptpSyntheticSession session;
                session.SetUser("bob");
                session.SetPassword("hunter2");
                session.SetDataPackets(5);
                session.SetStrength(strength);
                session.SetStateless(stateless);
                BOOST_REQUIRE(session.Write(file));
                Decoded d = DecodeSession(file, session, "hunter2", strength, stateless);
                BOOST_REQUIRE(d.clientData.size() == 3U);
                BOOST_REQUIRE(d.serverData.size() == 2U);
                CheckEcho(d.clientData[2], true, 3);
                CheckEcho(d.serverData[1], false, 2);
                // a wrong password gives other keys: the plaintext is garbage
                Decoded wrong = DecodeSession(file, session, "hunter3", strength, stateless);
                BOOST_REQUIRE(wrong.clientData.size() == 3U);
                BOOST_TEST(wrong.clientData[0] != d.clientData[0]);
            }
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
