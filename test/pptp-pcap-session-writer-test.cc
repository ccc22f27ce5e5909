/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "capture-reader.h"
#include "pptp-pcap-session-writer.h"
#include "pptp-test-util.h"
#include "tshark-util.h"

#include "ns3/pcap-file.h"

#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

/// Every frame of a pcap file, raw.
std::vector<Bytes>
RawFrames(const std::string& name)
{
    std::vector<Bytes> frames;
    PcapFile file;
    file.Open(name, std::ios::in);
    BOOST_REQUIRE(!file.Fail());
    BOOST_REQUIRE(file.GetDataLinkType() == 1U);
    Bytes buffer(65536);
    while (true)
    {
        uint32_t sec;
        uint32_t usec;
        uint32_t incl;
        uint32_t orig;
        uint32_t read;
        file.Read(buffer.data(), static_cast<uint32_t>(buffer.size()), sec, usec, incl, orig, read);
        if (file.Eof() || file.Fail())
        {
            break;
        }
        frames.emplace_back(buffer.begin(), buffer.begin() + read);
    }
    return frames;
}

/// The Internet checksum (RFC 1071) of bytes, folded, not complemented.
uint32_t
OnesSum(const uint8_t* data, size_t size, uint32_t sum = 0)
{
    for (size_t i = 0; i + 1 < size; i += 2)
    {
        sum += static_cast<uint32_t>(data[i] << 8 | data[i + 1]);
    }
    if (size % 2)
    {
        sum += static_cast<uint32_t>(data[size - 1] << 8);
    }
    while (sum >> 16)
    {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    return sum;
}

/// Checks the IPv4 header checksum and, for TCP, the TCP checksum of an Ethernet frame.
void
CheckChecksums(const Bytes& frame)
{
    BOOST_REQUIRE(frame.size() >= 34U);
    const uint8_t* ip = frame.data() + 14;
    BOOST_TEST(OnesSum(ip, 20) == 0xffffU);
    size_t total = static_cast<size_t>(ip[2] << 8 | ip[3]);
    BOOST_REQUIRE(14 + total == frame.size());
    if (ip[9] == 6)
    {
        uint8_t pseudo[12];
        std::copy(ip + 12, ip + 20, pseudo);
        pseudo[8] = 0;
        pseudo[9] = 6;
        pseudo[10] = static_cast<uint8_t>((total - 20) >> 8);
        pseudo[11] = static_cast<uint8_t>(total - 20);
        BOOST_TEST(OnesSum(ip + 20, total - 20, OnesSum(pseudo, 12)) == 0xffffU);
    }
}

std::string
Scratch(const std::string& name)
{
    return BinaryDir() + "/" + name;
}

} // namespace

BOOST_AUTO_TEST_SUITE(pptp_pcap_session_writer)

BOOST_AUTO_TEST_CASE(handshake_bytes)
{
    std::string name = Scratch("writer-handshake.pcap");
    PptpPcapSessionWriter writer;
    writer.SetTiming(Seconds(100), MilliSeconds(2));
    BOOST_REQUIRE(writer.Open(name));
    BOOST_TEST(writer.IsOpen());
    writer.WriteTcpHandshake();
    BOOST_TEST(writer.GetFrameCount() == 3U);
    writer.Close();
    BOOST_TEST(!writer.IsOpen());

    std::vector<Bytes> frames = RawFrames(name);
    BOOST_REQUIRE(frames.size() == 3U);
    for (const auto& frame : frames)
    {
        CheckChecksums(frame);
    }
    // SYN: Ethernet to the server's MAC, IPv4 (DF, TTL 64, id 1, length 44), TCP 49152 -> 1723,
    // ISN 0x10000000, data offset 6, SYN, window 64240, MSS 1460; checksums blanked here.
    Bytes syn = frames[0];
    BOOST_REQUIRE(syn.size() == 58U);
    syn[24] = syn[25] = 0;
    syn[50] = syn[51] = 0;
    BOOST_TEST(ToHex(syn)
               == ToHex(FromHex("020000000001 02000000000a 0800"
                                "4500 002c 0001 4000 40 06 0000 c000020a c6336401"
                                "c000 06bb 10000000 00000000 6002 faf0 0000 0000"
                                "020405b4")));
    // SYN-ACK acknowledges ISN + 1 and carries the server's ISN
    BOOST_TEST(ToHex(Bytes(frames[1].begin() + 34, frames[1].begin() + 48))
               == "06bbc00020000000100000016012");
}

BOOST_AUTO_TEST_CASE(sequence_numbers_and_close)
{
    std::string name = Scratch("writer-sequence.pcap");
    PptpPcapSessionWriter writer;
    writer.SetInitialSequenceNumbers(0xfffffff0U, 5000);
    BOOST_REQUIRE(writer.Open(name));
    writer.WriteTcpHandshake();
    Bytes request(156, 0x11);
    Bytes reply(32, 0x22);
    writer.WriteControl(PptpPcapSessionWriter::CLIENT_TO_SERVER,
                        request.data(),
                        static_cast<uint32_t>(request.size()),
                        true);
    writer.WriteControl(PptpPcapSessionWriter::SERVER_TO_CLIENT, PacketOf(reply), false);
    writer.WriteGre(PptpPcapSessionWriter::SERVER_TO_CLIENT, PacketOf(FromHex("2001880b0000aaaa")));
    writer.WriteTcpClose(PptpPcapSessionWriter::CLIENT_TO_SERVER);
    // 3 handshake + data + ack + data + GRE + 3 close
    BOOST_TEST(writer.GetFrameCount() == 10U);
    // client: ISN + SYN + 156 + FIN (wraps past 2^32); server: ISN + SYN + 32 + FIN
    BOOST_TEST(writer.GetNextSequence(PptpPcapSessionWriter::CLIENT_TO_SERVER)
               == 0xfffffff0U + 1 + 156 + 1);
    BOOST_TEST(writer.GetNextSequence(PptpPcapSessionWriter::SERVER_TO_CLIENT)
               == 5000U + 1 + 32 + 1);
    writer.Close();

    CaptureReader reader;
    BOOST_REQUIRE_MESSAGE(reader.Read(name), reader.GetError());
    const auto& f = reader.GetFrames();
    BOOST_REQUIRE(f.size() == 10U);
    struct Expected
    {
        CaptureKind kind;
        CaptureDirection direction;
        uint32_t sequence;
        uint32_t ack;
        uint8_t flags;
        size_t size;
    };
    const uint32_t c = 0xfffffff0U;
    const auto C2S = CaptureDirection::CLIENT_TO_SERVER;
    const auto S2C = CaptureDirection::SERVER_TO_CLIENT;
    const auto TCP = CaptureKind::PPTP_TCP;
    const Expected expected[] = {
        {TCP, C2S, c, 0, TCP_FLAG_SYN, 0},
        {TCP, S2C, 5000, c + 1, TCP_FLAG_SYN | TCP_FLAG_ACK, 0},
        {TCP, C2S, c + 1, 5001, TCP_FLAG_ACK, 0},
        {TCP, C2S, c + 1, 5001, TCP_FLAG_PSH | TCP_FLAG_ACK, 156},
        {TCP, S2C, 5001, c + 157, TCP_FLAG_ACK, 0},
        {TCP, S2C, 5001, c + 157, TCP_FLAG_PSH | TCP_FLAG_ACK, 32},
        {CaptureKind::GRE, S2C, 0, 0, 0, 8},
        {TCP, C2S, c + 157, 5033, TCP_FLAG_FIN | TCP_FLAG_ACK, 0},
        {TCP, S2C, 5033, c + 158, TCP_FLAG_FIN | TCP_FLAG_ACK, 0},
        {TCP, C2S, c + 158, 5034, TCP_FLAG_ACK, 0},
    };
    for (size_t i = 0; i < 10; ++i)
    {
        BOOST_TEST_CONTEXT("frame " << i + 1)
        {
            BOOST_TEST(f[i].kind == expected[i].kind);
            BOOST_TEST(f[i].direction == expected[i].direction);
            BOOST_TEST(f[i].payload.size() == expected[i].size);
            if (f[i].kind == TCP)
            {
                BOOST_TEST(f[i].tcpSequence == expected[i].sequence);
                BOOST_TEST(f[i].tcpAcknowledgment == expected[i].ack);
                BOOST_TEST(f[i].tcpFlags == expected[i].flags);
                BOOST_TEST(f[i].sourcePort == (f[i].direction == C2S ? 49152 : 1723));
            }
        }
    }
    BOOST_TEST(reader.GetTcpStream(C2S) == request);
    BOOST_TEST(reader.GetTcpStream(S2C) == reply);
    BOOST_TEST(ToHex(f[6].payload) == "2001880b0000aaaa");
    // time stamps 1 ms apart from 0
    BOOST_TEST(f[9].timeSeconds == 0U);
    BOOST_TEST(f[9].timeMicroseconds == 9000U);
    for (const auto& frame : RawFrames(name))
    {
        CheckChecksums(frame);
    }
}

BOOST_AUTO_TEST_CASE(replay_of_a_real_session_decodes_like_the_original)
{
    // Every control-connection byte and GRE packet of the chapcrack session, framed again by
    // the writer: tshark must see the same PPTP / GRE / PPP messages, and nothing malformed.
    std::string original = SharedDir() + "/captures/chapcrack_sample_pptp-only.pcap";
    CaptureReader source;
    BOOST_REQUIRE_MESSAGE(source.Read(original), source.GetError());

    std::string name = Scratch("writer-replay.pcap");
    PptpPcapSessionWriter writer;
    writer.SetClient(Ipv4Address("192.168.1.102"), Mac48Address("02:00:00:00:01:02"), 48550);
    writer.SetServer(Ipv4Address("198.252.153.26"), Mac48Address("02:00:00:00:99:1a"));
    BOOST_REQUIRE(writer.Open(name));
    writer.WriteTcpHandshake();
    std::vector<uint32_t> originalNumbers;
    std::vector<uint32_t> replayNumbers;
    for (const auto& frame : source.GetFrames())
    {
        auto direction = frame.direction == CaptureDirection::CLIENT_TO_SERVER
                             ? PptpPcapSessionWriter::CLIENT_TO_SERVER
                             : PptpPcapSessionWriter::SERVER_TO_CLIENT;
        if (frame.kind == CaptureKind::PPTP_TCP && !frame.delivered.empty())
        {
            writer.WriteControl(direction, PacketOf(frame.delivered), false);
        }
        else if (frame.kind == CaptureKind::GRE)
        {
            writer.WriteGre(direction, PacketOf(frame.payload));
        }
        else
        {
            continue;
        }
        originalNumbers.push_back(frame.number);
        replayNumbers.push_back(writer.GetFrameCount());
    }
    writer.WriteTcpClose(PptpPcapSessionWriter::CLIENT_TO_SERVER);
    writer.Close();
    BOOST_REQUIRE(originalNumbers.size() == 5U + 117U);

    CaptureReader replay;
    BOOST_REQUIRE_MESSAGE(replay.Read(name), replay.GetError());
    BOOST_TEST(replay.GetTcpStream(CaptureDirection::CLIENT_TO_SERVER)
               == source.GetTcpStream(CaptureDirection::CLIENT_TO_SERVER));
    BOOST_TEST(replay.GetTcpStream(CaptureDirection::SERVER_TO_CLIENT)
               == source.GetTcpStream(CaptureDirection::SERVER_TO_CLIENT));
    BOOST_TEST(replay.Count(CaptureKind::GRE) == 117U);

    const std::string fields = "-T fields -e frame.protocols -e _ws.col.Info";
    std::string before;
    std::string after;
    BOOST_REQUIRE(RunTshark(original, fields, before) == 0);
    BOOST_REQUIRE(RunTshark(name, fields, after) == 0);
    std::vector<std::string> beforeLines = SplitLines(before);
    std::vector<std::string> afterLines = SplitLines(after);
    BOOST_REQUIRE(beforeLines.size() == 132U);
    BOOST_REQUIRE(afterLines.size() == 3U + 122U + 3U);
    for (size_t i = 0; i < originalNumbers.size(); ++i)
    {
        BOOST_TEST_CONTEXT("original frame " << originalNumbers[i])
        {
            BOOST_TEST(afterLines[replayNumbers[i] - 1] == beforeLines[originalNumbers[i] - 1]);
        }
    }

    std::string bad;
    BOOST_REQUIRE(RunTshark(name,
                            "-o ip.check_checksum:TRUE -o tcp.check_checksum:TRUE "
                            "-Y '_ws.malformed || _ws.expert.severity >= warning'",
                            bad)
                  == 0);
    BOOST_TEST(bad == "");
}

BOOST_AUTO_TEST_CASE(open_failure)
{
    PptpPcapSessionWriter writer;
    BOOST_TEST(!writer.Open(Scratch("no-such-folder/x.pcap")));
    BOOST_TEST(!writer.IsOpen());
    writer.WriteTcpHandshake(); // ignored, logged
    BOOST_TEST(writer.GetFrameCount() == 0U);
    BOOST_TEST(
        std::string(PptpPcapSessionWriter::DirectionName(PptpPcapSessionWriter::SERVER_TO_CLIENT))
        == "server->client");
}

BOOST_AUTO_TEST_SUITE_END()
