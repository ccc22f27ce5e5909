/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "capture-reader.h"
#include "pptp-test-util.h"

#include "ns3/pcap-file.h"

#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <string>

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

std::string
Capture(const std::string& name)
{
    return SharedDir() + "/captures/" + name;
}

/// Counts of a capture's GRE frames per direction.
struct DirectionCounts
{
    uint32_t toServer{0}; //!< client to server
    uint32_t toClient{0}; //!< server to client
    uint32_t unknown{0};  //!< no direction
};

DirectionCounts
CountGreDirections(const CaptureReader& reader)
{
    DirectionCounts counts;
    for (const auto& frame : reader.GetFrames())
    {
        if (frame.kind != CaptureKind::GRE)
        {
            continue;
        }
        switch (frame.direction)
        {
            case CaptureDirection::CLIENT_TO_SERVER:
                ++counts.toServer;
                break;
            case CaptureDirection::SERVER_TO_CLIENT:
                ++counts.toClient;
                break;
            default:
                ++counts.unknown;
        }
    }
    return counts;
}

/// Ethernet header to the given ether type (MAC addresses arbitrary).
std::string
Ether(const std::string& type)
{
    return "020000000001 020000000002 " + type;
}

/// A minimal IPv4 header (no options) with this total length and protocol.
std::string
Ipv4(uint16_t totalLength, uint8_t protocol, uint16_t fragment = 0)
{
    Bytes b = FromHex("45000000 0001 0000 40 00 0000 0a000001 0a000002");
    b[2] = static_cast<uint8_t>(totalLength >> 8);
    b[3] = static_cast<uint8_t>(totalLength);
    b[6] = static_cast<uint8_t>(fragment >> 8);
    b[7] = static_cast<uint8_t>(fragment);
    b[9] = protocol;
    return ToHex(b);
}

/// A 20-byte TCP header from port 3025 to 1723, seq 0x01020304, ack 0x05060708, PSH+ACK.
const std::string TCP_TO_1723 = "0bd1 06bb 01020304 05060708 5018 ffff 0000 0000";

CaptureFrameError
Parse(const std::string& hex, CaptureFrame& frame)
{
    Bytes bytes = FromHex(hex);
    return ParseEthernetFrame(bytes.data(), bytes.size(), frame);
}

} // namespace

BOOST_AUTO_TEST_SUITE(capture_reader)

BOOST_AUTO_TEST_CASE(chapcrack_three_gre_frames)
{
    CaptureReader reader;
    BOOST_REQUIRE_MESSAGE(reader.Read(Capture("chapcrack_pptp.cap")), reader.GetError());
    BOOST_TEST(reader.GetFrames().size() == 3U);
    BOOST_TEST(reader.Count(CaptureKind::GRE) == 3U);
    BOOST_TEST(reader.Count(CaptureKind::PPTP_TCP) == 0U);
    // no control connection in the file: nothing tells client from server
    BOOST_TEST(CountGreDirections(reader).unknown == 3U);
    const CaptureFrame& first = reader.GetFrames()[0];
    BOOST_TEST(first.number == 1U);
    BOOST_TEST(first.ipVersion == 4);
    BOOST_TEST(ToHex(Bytes(first.source.begin(), first.source.begin() + 4)) == "c6fc991a");
    // the GRE header and the PPP/CHAP Challenge, exactly as tshark -x shows them
    BOOST_TEST(ToHex(first.payload)
               == ToHex(FromHex("3001880b001c0000000000 03c22301b0001a10258d4fc024f111512d0b61"
                                "f9c375aee170707470 64")));
}

BOOST_AUTO_TEST_CASE(chapcrack_sample_whole_session)
{
    CaptureReader reader;
    BOOST_REQUIRE_MESSAGE(reader.Read(Capture("chapcrack_sample_pptp-only.pcap")),
                          reader.GetError());
    BOOST_TEST(reader.GetFrames().size() == 132U);
    BOOST_TEST(reader.Count(CaptureKind::PPTP_TCP) == 15U);
    BOOST_TEST(reader.Count(CaptureKind::GRE) == 117U);
    BOOST_TEST(reader.Count(CaptureKind::OTHER) == 0U);
    BOOST_TEST(reader.CountTcpWithPayload() == 5U);
    BOOST_TEST(reader.CountTcpDuplicates() == 0U);
    DirectionCounts counts = CountGreDirections(reader);
    BOOST_TEST(counts.toServer == 61U);
    BOOST_TEST(counts.toClient == 56U);
    BOOST_TEST(counts.unknown == 0U);

    // SCCRQ (156) + OCRQ (168) + Call-Clear-Request (16); SCCRP (156) + OCRP (32)
    const Bytes& toServer = reader.GetTcpStream(CaptureDirection::CLIENT_TO_SERVER);
    const Bytes& toClient = reader.GetTcpStream(CaptureDirection::SERVER_TO_CLIENT);
    BOOST_REQUIRE(toServer.size() == 340U);
    BOOST_REQUIRE(toClient.size() == 188U);
    BOOST_TEST(ToHex(Bytes(toServer.begin(), toServer.begin() + 10)) == "009c00011a2b3c4d0001");
    BOOST_TEST(ToHex(Bytes(toServer.begin() + 156, toServer.begin() + 166))
               == "00a800011a2b3c4d0007");
    BOOST_TEST(ToHex(Bytes(toServer.begin() + 324, toServer.begin() + 334))
               == "001000011a2b3c4d000c");
    BOOST_TEST(ToHex(Bytes(toClient.begin(), toClient.begin() + 10)) == "009c00011a2b3c4d0002");
    BOOST_TEST(ToHex(Bytes(toClient.begin() + 156, toClient.begin() + 166))
               == "002000011a2b3c4d0008");

    const CaptureFrame& sccrq = reader.GetFrames()[3];
    BOOST_TEST(sccrq.kind == CaptureKind::PPTP_TCP);
    BOOST_TEST(sccrq.direction == CaptureDirection::CLIENT_TO_SERVER);
    BOOST_TEST(sccrq.sourcePort == 48550);
    BOOST_TEST(sccrq.destinationPort == 1723);
    BOOST_TEST(sccrq.tcpSequence == 1605970760U);
    BOOST_TEST(sccrq.payload.size() == 156U);
    BOOST_TEST(sccrq.delivered == sccrq.payload);
    BOOST_TEST(!sccrq.duplicate);
    const CaptureFrame& synAck = reader.GetFrames()[1];
    BOOST_TEST(synAck.direction == CaptureDirection::SERVER_TO_CLIENT);
    BOOST_TEST(synAck.tcpFlags == (TCP_FLAG_SYN | TCP_FLAG_ACK));
    BOOST_TEST(synAck.payload.empty());
}

BOOST_AUTO_TEST_CASE(tcpdump_duplicates_and_padding)
{
    CaptureReader reader;
    BOOST_REQUIRE_MESSAGE(reader.Read(Capture("tcpdump_pptp.pcap")), reader.GetError());
    BOOST_TEST(reader.GetFrames().size() == 23U);
    BOOST_TEST(reader.Count(CaptureKind::PPTP_TCP) == 22U);
    BOOST_TEST(reader.Count(CaptureKind::GRE) == 1U);
    // frames of 60 bytes carry Ethernet padding after a 40-byte IP packet: no payload
    BOOST_TEST(reader.CountTcpWithPayload() == 7U);
    BOOST_TEST(reader.CountTcpDuplicates() == 2U);
    const auto& frames = reader.GetFrames();
    BOOST_TEST(frames[8].duplicate); // frame 9, retransmitted SCCRP
    BOOST_TEST(frames[8].delivered.empty());
    BOOST_TEST(frames[13].duplicate); // frame 14, retransmitted OCRP
    BOOST_TEST(!frames[7].duplicate);
    BOOST_TEST(frames[7].delivered.size() == 156U);
    BOOST_TEST(reader.GetTcpStream(CaptureDirection::CLIENT_TO_SERVER).size() == 348U);
    BOOST_TEST(reader.GetTcpStream(CaptureDirection::SERVER_TO_CLIENT).size() == 188U);
    BOOST_TEST(reader.GetTcpStream(CaptureDirection::UNKNOWN).empty());
    DirectionCounts counts = CountGreDirections(reader);
    BOOST_TEST(counts.toServer == 1U);
    BOOST_TEST(frames[15].kind == CaptureKind::GRE);
    // IP total length 80, IPv4 header 20: 60 bytes of GRE, not the frame's 80
    BOOST_TEST(frames[15].payload.size() == 60U);
}

BOOST_AUTO_TEST_CASE(zeek_vlan_ipv4_in_ipv6)
{
    CaptureReader reader;
    BOOST_REQUIRE_MESSAGE(reader.Read(Capture("zeek_gre-pptp.pcap")), reader.GetError());
    BOOST_REQUIRE(reader.GetFrames().size() == 2U);
    BOOST_TEST(reader.Count(CaptureKind::GRE) == 2U);
    const CaptureFrame& first = reader.GetFrames()[0];
    BOOST_TEST(first.vlanTags == 1);
    BOOST_TEST(first.ipVersion == 4); // the inner header
    BOOST_TEST(ToHex(Bytes(first.source.begin(), first.source.begin() + 4)) == "100000c8");
    // 16-byte GRE header (S and A set) + payload length 103
    BOOST_TEST(first.payload.size() == 16U + 103U);
    BOOST_TEST(ToHex(Bytes(first.payload.begin(), first.payload.begin() + 8))
               == "3081880b00671780");
    // 12-byte GRE header (S only, no ack) + payload length 178
    BOOST_TEST(reader.GetFrames()[1].payload.size() == 12U + 178U);
}

BOOST_AUTO_TEST_CASE(reader_errors)
{
    CaptureReader reader;
    BOOST_TEST(!reader.Read(BinaryDir() + "/no-such-capture.pcap"));
    BOOST_TEST(!reader.GetError().empty());

    // a raw-PPP (DLT 9) file is refused
    std::string name = BinaryDir() + "/capture-reader-test-ppp.pcap";
    {
        PcapFile file;
        file.Open(name, std::ios::out);
        BOOST_REQUIRE(!file.Fail());
        file.Init(9);
        uint8_t frame[4] = {0xff, 0x03, 0xc0, 0x21};
        file.Write(0, 0, frame, sizeof(frame));
        file.Close();
    }
    BOOST_TEST(!reader.Read(name));
    BOOST_TEST(reader.GetError().find("link type 9") != std::string::npos);

    // a frame whose IP length reaches past the captured bytes fails the whole read
    name = BinaryDir() + "/capture-reader-test-truncated.pcap";
    {
        PcapFile file;
        file.Open(name, std::ios::out);
        BOOST_REQUIRE(!file.Fail());
        file.Init(1);
        Bytes frame = FromHex(Ether("0800") + Ipv4(60, 6) + TCP_TO_1723);
        file.Write(0, 0, frame.data(), static_cast<uint32_t>(frame.size()));
        file.Close();
    }
    BOOST_TEST(!reader.Read(name));
    BOOST_TEST(reader.GetError().find("frame 1: TRUNCATED") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(walker_hand_made_frames)
{
    CaptureFrame frame;
    // too short for an Ethernet header
    BOOST_TEST(Parse("02000000000102000000000208", frame) == CaptureFrameError::TRUNCATED);
    // ARP: not IP, walked fine
    BOOST_TEST(Parse(Ether("0806") + "0001080006040001", frame) == CaptureFrameError::NONE);
    BOOST_TEST(frame.kind == CaptureKind::OTHER);

    // 802.1Q, IPv4, TCP to 1723 with 3 bytes of data and 7 bytes of Ethernet padding
    BOOST_TEST(
        Parse(Ether("8100") + "0064 0800" + Ipv4(43, 6) + TCP_TO_1723 + "aabbcc" + "00000000000000",
              frame)
        == CaptureFrameError::NONE);
    BOOST_TEST(frame.kind == CaptureKind::PPTP_TCP);
    BOOST_TEST(frame.vlanTags == 1);
    BOOST_TEST(frame.direction == CaptureDirection::CLIENT_TO_SERVER);
    BOOST_TEST(frame.tcpSequence == 0x01020304U);
    BOOST_TEST(frame.tcpAcknowledgment == 0x05060708U);
    BOOST_TEST(frame.tcpFlags == (TCP_FLAG_PSH | TCP_FLAG_ACK));
    BOOST_TEST(ToHex(frame.payload) == "aabbcc");

    // QinQ (two tags), server to client
    BOOST_TEST(Parse(Ether("88a8") + "0001 8100 0002 0800" + Ipv4(40, 6)
                         + "06bb 0bd1 00000001 00000002 5010 ffff 0000 0000",
                     frame)
               == CaptureFrameError::NONE);
    BOOST_TEST(frame.vlanTags == 2);
    BOOST_TEST(frame.direction == CaptureDirection::SERVER_TO_CLIENT);
    BOOST_TEST(frame.payload.empty());

    // TCP between other ports
    BOOST_TEST(
        Parse(Ether("0800") + Ipv4(40, 6) + "0050 1f90 00000001 00000002 5010 ffff 0000 0000",
              frame)
        == CaptureFrameError::NONE);
    BOOST_TEST(frame.kind == CaptureKind::OTHER);

    // IPv4 with options (IHL 6) carrying GRE
    Bytes withOptions = FromHex(Ether("0800") + Ipv4(30, 47) + "01010101" + "20010000aabb");
    withOptions[14] = 0x46;
    BOOST_TEST(ParseEthernetFrame(withOptions.data(), withOptions.size(), frame)
               == CaptureFrameError::NONE);
    BOOST_TEST(frame.kind == CaptureKind::GRE);
    BOOST_TEST(ToHex(frame.payload) == "20010000aabb");

    // IPv4 errors: version, IHL, total length shorter than the header, past the end
    Bytes bad = FromHex(Ether("0800") + Ipv4(40, 6) + TCP_TO_1723);
    bad[14] = 0x65;
    BOOST_TEST(ParseEthernetFrame(bad.data(), bad.size(), frame) == CaptureFrameError::BAD_HEADER);
    bad[14] = 0x44;
    BOOST_TEST(ParseEthernetFrame(bad.data(), bad.size(), frame) == CaptureFrameError::BAD_HEADER);
    BOOST_TEST(Parse(Ether("0800") + Ipv4(19, 6) + TCP_TO_1723, frame)
               == CaptureFrameError::BAD_HEADER);
    BOOST_TEST(Parse(Ether("0800") + Ipv4(41, 6) + TCP_TO_1723, frame)
               == CaptureFrameError::TRUNCATED);
    BOOST_TEST(Parse(Ether("0800") + "4500002800010000", frame) == CaptureFrameError::TRUNCATED);

    // IPv4 fragments: first fragment (MF) and a later one are not walked further
    BOOST_TEST(Parse(Ether("0800") + Ipv4(40, 6, 0x2000) + TCP_TO_1723, frame)
               == CaptureFrameError::NONE);
    BOOST_TEST(frame.kind == CaptureKind::OTHER);
    BOOST_TEST(Parse(Ether("0800") + Ipv4(40, 6, 0x0010) + TCP_TO_1723, frame)
               == CaptureFrameError::NONE);
    BOOST_TEST(frame.kind == CaptureKind::OTHER);
    // DF alone is fine
    BOOST_TEST(Parse(Ether("0800") + Ipv4(40, 6, 0x4000) + TCP_TO_1723, frame)
               == CaptureFrameError::NONE);
    BOOST_TEST(frame.kind == CaptureKind::PPTP_TCP);

    // TCP errors: data offset below 5, header past the IP end, fewer than 20 bytes
    BOOST_TEST(
        Parse(Ether("0800") + Ipv4(40, 6) + "0bd1 06bb 01020304 05060708 4018 ffff 0000 0000",
              frame)
        == CaptureFrameError::BAD_HEADER);
    BOOST_TEST(
        Parse(Ether("0800") + Ipv4(40, 6) + "0bd1 06bb 01020304 05060708 6018 ffff 0000 0000",
              frame)
        == CaptureFrameError::TRUNCATED);
    BOOST_TEST(
        Parse(Ether("0800") + Ipv4(39, 6) + "0bd1 06bb 01020304 05060708 5018 ffff 0000 00", frame)
        == CaptureFrameError::TRUNCATED);

    // IPv6 with a hop-by-hop header, then GRE
    const std::string v6Addresses
        = "20010db8000000000000000000000001 20010db8000000000000000000000002";
    BOOST_TEST(Parse(Ether("86dd") + "60000000 000c 00 40" + v6Addresses + "2f00 000000000000"
                         + "2001880b",
                     frame)
               == CaptureFrameError::NONE);
    BOOST_TEST(frame.kind == CaptureKind::GRE);
    BOOST_TEST(frame.ipVersion == 6);
    BOOST_TEST(ToHex(frame.payload) == "2001880b");
    BOOST_TEST(frame.source[15] == 1);
    // the extension header claims more than the payload holds
    BOOST_TEST(
        Parse(Ether("86dd") + "60000000 0008 00 40" + v6Addresses + "2f01 000000000000", frame)
        == CaptureFrameError::TRUNCATED);
    // payload length past the captured bytes
    BOOST_TEST(Parse(Ether("86dd") + "60000000 0010 2f 40" + v6Addresses + "2001880b", frame)
               == CaptureFrameError::TRUNCATED);
    // a real fragment (offset 0, M set) and an atomic fragment
    BOOST_TEST(Parse(Ether("86dd") + "60000000 000c 2c 40" + v6Addresses + "2f00 0001 00000001"
                         + "2001880b",
                     frame)
               == CaptureFrameError::NONE);
    BOOST_TEST(frame.kind == CaptureKind::OTHER);
    BOOST_TEST(Parse(Ether("86dd") + "60000000 000c 2c 40" + v6Addresses + "2f00 0000 00000001"
                         + "2001880b",
                     frame)
               == CaptureFrameError::NONE);
    BOOST_TEST(frame.kind == CaptureKind::GRE);

    // IPv4 in IPv6: the inner addresses are reported
    BOOST_TEST(
        Parse(Ether("86dd") + "60000000 0018 04 40" + v6Addresses + Ipv4(24, 47) + "2001880b",
              frame)
        == CaptureFrameError::NONE);
    BOOST_TEST(frame.kind == CaptureKind::GRE);
    BOOST_TEST(frame.ipVersion == 4);
    BOOST_TEST(ToHex(Bytes(frame.destination.begin(), frame.destination.begin() + 4))
               == "0a000002");

    // ten IPv4-in-IPv4 layers are more than the walker follows
    std::string nested = Ether("0800");
    for (int i = 0; i < 10; ++i)
    {
        nested += Ipv4(static_cast<uint16_t>(20 * (11 - i)), 4);
    }
    nested += Ipv4(20, 47);
    BOOST_TEST(Parse(nested, frame) == CaptureFrameError::TOO_NESTED);

    BOOST_TEST(std::string(CaptureFrameErrorName(CaptureFrameError::TOO_NESTED)) == "TOO_NESTED");
    BOOST_TEST(std::string(CaptureKindName(CaptureKind::GRE)) == "GRE");
    BOOST_TEST(std::string(CaptureDirectionName(CaptureDirection::SERVER_TO_CLIENT))
               == "SERVER_TO_CLIENT");
}

BOOST_AUTO_TEST_CASE(reassembler_orders_and_drops)
{
    TcpStreamReassembler stream;
    Bytes out;
    const uint8_t abc[] = {'a', 'b', 'c'};
    const uint8_t def[] = {'d', 'e', 'f'};
    const uint8_t cdefg[] = {'c', 'd', 'e', 'f', 'g'};
    const uint8_t hi[] = {'h', 'i'};

    // SYN at 0xfffffffe: data starts at 0xffffffff and wraps past 2^32
    BOOST_TEST(!stream.Add(0xfffffffeU, TCP_FLAG_SYN, nullptr, 0, out));
    BOOST_TEST(stream.Add(0xffffffffU, TCP_FLAG_ACK, abc, 3, out));
    BOOST_TEST(std::string(out.begin(), out.end()) == "abc");
    // a retransmission of the same bytes
    out.clear();
    BOOST_TEST(!stream.Add(0xffffffffU, TCP_FLAG_ACK, abc, 3, out));
    BOOST_TEST(out.empty());
    BOOST_TEST(stream.GetDuplicateCount() == 1U);
    // ahead of a gap: buffered
    BOOST_TEST(stream.Add(6, TCP_FLAG_ACK, hi, 2, out));
    BOOST_TEST(out.empty());
    BOOST_TEST(stream.GetPendingBytes() == 2U);
    // the same segment again while buffered
    BOOST_TEST(!stream.Add(6, TCP_FLAG_ACK, hi, 2, out));
    BOOST_TEST(stream.GetDuplicateCount() == 2U);
    // overlapping the delivered 'c', filling the gap: delivers "defg" then "hi"
    BOOST_TEST(stream.Add(1, TCP_FLAG_ACK, cdefg, 5, out));
    BOOST_TEST(std::string(out.begin(), out.end()) == "defghi");
    BOOST_TEST(stream.GetPendingBytes() == 0U);
    BOOST_TEST(std::string(stream.GetStream().begin(), stream.GetStream().end()) == "abcdefghi");
    // an old segment wholly inside the stream
    out.clear();
    BOOST_TEST(!stream.Add(2, TCP_FLAG_ACK, def, 3, out));
    BOOST_TEST(out.empty());

    // no SYN seen: the first segment starts the stream
    TcpStreamReassembler late;
    out.clear();
    BOOST_TEST(late.Add(1000, TCP_FLAG_ACK, def, 3, out));
    BOOST_TEST(late.Add(1003, TCP_FLAG_ACK, abc, 3, out));
    BOOST_TEST(std::string(out.begin(), out.end()) == "defabc");
    // a buffered segment that the stream has since passed entirely is dropped on drain
    BOOST_TEST(late.Add(1010, TCP_FLAG_ACK, hi, 2, out));
    BOOST_TEST(late.Add(1008, TCP_FLAG_ACK, hi, 2, out));
    const uint8_t longer[] = {'1', '2', '3', '4', '5', '6', '7', '8'};
    out.clear();
    BOOST_TEST(late.Add(1006, TCP_FLAG_ACK, longer, 8, out));
    BOOST_TEST(std::string(out.begin(), out.end()) == "12345678");
    BOOST_TEST(late.GetPendingBytes() == 0U);
    BOOST_TEST(late.GetStream().size() == 14U);
}

BOOST_AUTO_TEST_SUITE_END()
