/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "capture-reader.h"
#include "chap-packet.h"
#include "gre-header.h"
#include "mppe-header.h"
#include "pap-packet.h"
#include "ppp-control-packet.h"
#include "ppp-frame-header.h"
#include "pptp-control-message.h"
#include "pptp-control-stream-reassembler.h"
#include "pptp-test-util.h"

#include "ns3/buffer.h"

#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <map>
#include <string>

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

/// What the decoders saw in one capture.
struct Tally
{
    std::map<PptpControlMessageType, uint32_t> control; //!< control messages by type
    std::map<uint16_t, uint32_t> ppp;                   //!< GRE payloads by PPP protocol
    uint32_t ackOnly{0};                                //!< GRE packets without payload
};

/**
 * Decodes every control message and GRE packet of a real capture with the module's
 * decoders and checks that encoding gives back the captured bytes.
 */
Tally
DecodeCapture(const std::string& name)
{
    Tally tally;
    CaptureReader reader;
    BOOST_REQUIRE_MESSAGE(reader.Read(SharedDir() + "/captures/" + name), reader.GetError());

    for (auto direction : {CaptureDirection::CLIENT_TO_SERVER, CaptureDirection::SERVER_TO_CLIENT})
    {
        const Bytes& stream = reader.GetTcpStream(direction);
        PptpControlStreamReassembler reassembler;
        // feed the segments as they arrived, not the whole stream at once
        for (const auto& frame : reader.GetFrames())
        {
            if (frame.kind == CaptureKind::PPTP_TCP && frame.direction == direction)
            {
                reassembler.Push(frame.delivered.data(), frame.delivered.size());
            }
        }
        PptpControlMessage message;
        WireError error = WireError::NONE;
        Bytes again;
        while (reassembler.Pop(message, error))
        {
            BOOST_TEST_REQUIRE(error == WireError::NONE);
            Bytes bytes = BytesOf(message);
            again.insert(again.end(), bytes.begin(), bytes.end());
            ++tally.control[message.GetMessageType()];
        }
        BOOST_TEST(!reassembler.IsBroken());
        BOOST_TEST(ToHex(again) == ToHex(stream));
    }

    for (const auto& frame : reader.GetFrames())
    {
        if (frame.kind != CaptureKind::GRE)
        {
            continue;
        }
        BOOST_TEST_CONTEXT(name << " frame " << frame.number)
        {
            Buffer buffer = BufferOf(frame.payload.data(), frame.payload.size());
            Buffer::Iterator i = buffer.Begin();
            GreHeader gre;
            uint32_t used = gre.Deserialize(i);
            BOOST_TEST_REQUIRE(gre.GetError() == WireError::NONE);
            BOOST_REQUIRE(used > 0U);
            BOOST_TEST_REQUIRE(gre.GetPayloadLength() == frame.payload.size() - used);
            Bytes rebuilt = BytesOf(gre);
            if (gre.GetPayloadLength() == 0)
            {
                ++tally.ackOnly;
                BOOST_TEST(ToHex(rebuilt) == ToHex(frame.payload));
                continue;
            }
            i.Next(used);
            PppFrameHeader ppp;
            uint32_t pppUsed = ppp.Deserialize(i);
            BOOST_TEST_REQUIRE(ppp.GetError() == WireError::NONE);
            BOOST_REQUIRE(pppUsed > 0U);
            i.Next(pppUsed);
            Bytes header = BytesOf(ppp);
            rebuilt.insert(rebuilt.end(), header.begin(), header.end());
            size_t offset = used + pppUsed;
            uint32_t rest = static_cast<uint32_t>(frame.payload.size() - offset);
            uint16_t protocol = ppp.GetProtocol();
            ++tally.ppp[protocol];
            Bytes body;
            uint32_t consumed = 0;
            if (protocol == PppProtocol::CHAP)
            {
                ChapPacket chap;
                consumed = chap.Deserialize(i);
                BOOST_TEST(chap.GetError() == WireError::NONE);
                body = BytesOf(chap);
            }
            else if (protocol == PppProtocol::PAP)
            {
                PapPacket pap;
                consumed = pap.Deserialize(i);
                BOOST_TEST(pap.GetError() == WireError::NONE);
                body = BytesOf(pap);
            }
            else if (protocol == PppProtocol::COMPRESSED_DATAGRAM)
            {
                MppeHeader mppe;
                consumed = mppe.Deserialize(i);
                BOOST_TEST(mppe.GetError() == WireError::NONE);
                BOOST_TEST(mppe.IsEncrypted());
                body = BytesOf(mppe);
            }
            else if (PppOption::IsControlProtocol(protocol))
            {
                PppControlPacket control(protocol);
                consumed = control.Deserialize(i);
                BOOST_TEST(control.GetError() == WireError::NONE);
                body = BytesOf(control);
            }
            BOOST_TEST(consumed == body.size());
            BOOST_TEST(consumed <= rest);
            rebuilt.insert(rebuilt.end(), body.begin(), body.end());
            // encrypted data, IPv4 datagrams and padding after a control packet stay as captured
            rebuilt.insert(
                rebuilt.end(), frame.payload.begin() + offset + consumed, frame.payload.end());
            BOOST_TEST(ToHex(rebuilt) == ToHex(frame.payload));
        }
    }
    return tally;
}

} // namespace

BOOST_AUTO_TEST_SUITE(capture_decode)

BOOST_AUTO_TEST_CASE(chapcrack_pptp)
{
    Tally tally = DecodeCapture("chapcrack_pptp.cap");
    BOOST_TEST(tally.ppp[PppProtocol::CHAP] == 3U);
    BOOST_TEST(tally.control.empty());
}

BOOST_AUTO_TEST_CASE(chapcrack_sample)
{
    Tally tally = DecodeCapture("chapcrack_sample_pptp-only.pcap");
    using T = PptpControlMessageType;
    BOOST_TEST(tally.control[T::START_CONTROL_CONNECTION_REQUEST] == 1U);
    BOOST_TEST(tally.control[T::START_CONTROL_CONNECTION_REPLY] == 1U);
    BOOST_TEST(tally.control[T::OUTGOING_CALL_REQUEST] == 1U);
    BOOST_TEST(tally.control[T::OUTGOING_CALL_REPLY] == 1U);
    BOOST_TEST(tally.control[T::CALL_CLEAR_REQUEST] == 1U);
    BOOST_TEST(tally.ppp[PppProtocol::LCP] == 10U); // with Echo and both Terminates twice
    BOOST_TEST(tally.ppp[PppProtocol::CHAP] == 3U);
    BOOST_TEST(tally.ppp[PppProtocol::CCP] == 6U);
    BOOST_TEST(tally.ppp[PppProtocol::IPCP] == 8U);
    BOOST_TEST(tally.ppp[PppProtocol::COMPRESSED_DATAGRAM] == 66U);
    BOOST_TEST(tally.ackOnly == 24U);
}

BOOST_AUTO_TEST_CASE(tcpdump_pptp)
{
    Tally tally = DecodeCapture("tcpdump_pptp.pcap");
    using T = PptpControlMessageType;
    BOOST_TEST(tally.control[T::START_CONTROL_CONNECTION_REQUEST] == 1U);
    BOOST_TEST(tally.control[T::START_CONTROL_CONNECTION_REPLY] == 1U);
    BOOST_TEST(tally.control[T::OUTGOING_CALL_REQUEST] == 1U);
    BOOST_TEST(tally.control[T::OUTGOING_CALL_REPLY] == 1U);
    BOOST_TEST(tally.control[T::SET_LINK_INFO] == 1U);
    BOOST_TEST(tally.ppp[PppProtocol::LCP] == 1U);
}

BOOST_AUTO_TEST_CASE(zeek_gre_pptp)
{
    Tally tally = DecodeCapture("zeek_gre-pptp.pcap");
    BOOST_TEST(tally.ppp[PppProtocol::IPV4] == 2U);
}

BOOST_AUTO_TEST_SUITE_END()
