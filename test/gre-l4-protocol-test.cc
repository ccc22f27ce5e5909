/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// GreL4Protocol (IP protocol 47) on two nodes joined by a point-to-point link: the exact
// Enhanced GRE bytes on the wire, demultiplexing by Call ID and peer address, and every
// kind of bad packet (sent as raw IP protocol 47 datagrams) dropped, counted and traced
// with its reason.

#include "gre-header.h"
#include "gre-l4-protocol.h"
#include "gre-session.h"
#include "pptp-test-util.h"

#include "ns3/enum.h"
#include "ns3/inet-socket-address.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-header.h"
#include "ns3/ipv4-interface.h"
#include "ns3/ipv4-l3-protocol.h"
#include "ns3/ipv6-header.h"
#include "ns3/ipv6-interface.h"
#include "ns3/node-container.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

const uint16_t CALL_ID_A = 100; //!< assigned by node A (0x0064)
const uint16_t CALL_ID_B = 200; //!< assigned by node B (0x00c8)

/// Two nodes with IPv4 on a point-to-point link and a GreL4Protocol each.
struct TwoNodes
{
    NodeContainer nodes;
    Ipv4Address addressA;
    Ipv4Address addressB;
    Ptr<GreL4Protocol> greA;
    Ptr<GreL4Protocol> greB;

    TwoNodes()
    {
        nodes.Create(2);
        PointToPointHelper p2p;
        p2p.SetDeviceAttribute("DataRate", StringValue("10Mbps"));
        p2p.SetChannelAttribute("Delay", StringValue("2ms"));
        NetDeviceContainer devices = p2p.Install(nodes);
        InternetStackHelper internet;
        internet.Install(nodes);
        Ipv4AddressHelper ipv4;
        ipv4.SetBase("10.1.1.0", "255.255.255.0");
        Ipv4InterfaceContainer interfaces = ipv4.Assign(devices);
        addressA = interfaces.GetAddress(0);
        addressB = interfaces.GetAddress(1);
        greA = CreateObject<GreL4Protocol>();
        greB = CreateObject<GreL4Protocol>();
        nodes.Get(0)->AggregateObject(greA);
        nodes.Get(1)->AggregateObject(greB);
    }
};

/// Bytes of the IP packets a node sends (IPv4 header included).
struct IpTxRecorder
{
    std::vector<Bytes> packets; //!< in order

    void
    Record(Ptr<const Packet> packet, Ptr<Ipv4> ipv4, uint32_t interface)
    {
        packets.push_back(BytesOf(packet));
    }
};

/// Frames a session delivered.
struct FrameRecorder
{
    std::vector<Bytes> frames; //!< in order

    void
    Record(Ptr<Packet> frame)
    {
        frames.push_back(BytesOf(frame));
    }
};

/// Drops seen on a Drop trace.
struct DropRecorder
{
    std::vector<GreDropReason> reasons; //!< in order

    void
    Record(Ptr<const Packet> packet, GreDropReason reason)
    {
        reasons.push_back(reason);
    }
};

/// Send raw bytes as the payload of an IP protocol 47 datagram.
void
SendRaw(Ptr<Socket> socket, Ipv4Address to, std::string hex)
{
    socket->SendTo(PacketOf(FromHex(hex)), 0, InetSocketAddress(to, 0));
}

} // namespace

BOOST_AUTO_TEST_SUITE(GreL4ProtocolTest)

BOOST_AUTO_TEST_CASE(registers_as_ip_protocol_47)
{
    TwoNodes net;
    BOOST_TEST(net.greA->GetProtocolNumber() == 47);
    BOOST_TEST(GreL4Protocol::PROT_NUMBER == 47);
    Ptr<Ipv4L3Protocol> ipv4 = net.nodes.Get(0)->GetObject<Ipv4L3Protocol>();
    BOOST_TEST(ipv4->GetProtocol(47) == net.greA);
    BOOST_TEST(!net.greA->GetDownTarget().IsNull());
    // GRE here is IPv4 only.
    Ipv6Header ipv6;
    BOOST_TEST(net.greA->Receive(Create<Packet>(12), ipv6, nullptr)
               == IpL4Protocol::RX_ENDPOINT_UNREACH);
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(wire_bytes_are_exact_enhanced_gre)
{
    TwoNodes net;
    Ptr<GreSession> a = net.greA->CreateSession(net.addressA, net.addressB, CALL_ID_A, CALL_ID_B);
    Ptr<GreSession> b = net.greB->CreateSession(net.addressB, net.addressA, CALL_ID_B, CALL_ID_A);
    BOOST_REQUIRE(a && b);
    FrameRecorder atB;
    FrameRecorder atA;
    b->SetReceiveCallback(MakeCallback(&FrameRecorder::Record, &atB));
    a->SetReceiveCallback(MakeCallback(&FrameRecorder::Record, &atA));
    IpTxRecorder txA;
    IpTxRecorder txB;
    net.nodes.Get(0)->GetObject<Ipv4L3Protocol>()->TraceConnectWithoutContext(
        "Tx", MakeCallback(&IpTxRecorder::Record, &txA));
    net.nodes.Get(1)->GetObject<Ipv4L3Protocol>()->TraceConnectWithoutContext(
        "Tx", MakeCallback(&IpTxRecorder::Record, &txB));
    // An LCP Echo-Request in PPP (FF 03 C0 21 ...) from A; B answers with a frame at 1 ms
    // after it arrived, carrying its ack.
    const std::string frameA = "ff03c021090100080000abcd";
    const std::string frameB = "ff03c0210a0100080000dcba";
    Simulator::Schedule(MilliSeconds(1), [a, frameA]() { a->Send(PacketOf(FromHex(frameA))); });
    Simulator::Schedule(MilliSeconds(20), [b, frameB]() { b->Send(PacketOf(FromHex(frameB))); });
    Simulator::Stop(Seconds(2));
    Simulator::Run();

    BOOST_REQUIRE_GE(txA.packets.size(), 1U);
    BOOST_REQUIRE_GE(txB.packets.size(), 1U);
    const Bytes& ipA = txA.packets[0];
    BOOST_REQUIRE_EQUAL(ipA.size(), 20U + 12U + 12U);
    BOOST_TEST(ipA[9] == 47); // IP protocol GRE
    BOOST_TEST(ToHex(Bytes(ipA.begin() + 12, ipA.begin() + 20)) == "0a0101010a010102");
    // K and S, version 1, protocol 0x880B, payload length 12, B's Call ID 200, seq 0.
    BOOST_TEST(ToHex(Bytes(ipA.begin() + 20, ipA.end())) == "3001880b000c00c800000000" + frameA);
    const Bytes& ipB = txB.packets[0];
    BOOST_TEST(ipB[9] == 47);
    // K, S and A: A's Call ID 100, seq 0, ack 0 (A's first packet).
    BOOST_TEST(ToHex(Bytes(ipB.begin() + 20, ipB.end()))
               == "3081880b000c00640000000000000000" + frameB);
    BOOST_TEST(atB.frames.size() == 1U);
    BOOST_TEST(ToHex(atB.frames[0]) == frameA);
    BOOST_TEST(atA.frames.size() == 1U);
    BOOST_TEST(ToHex(atA.frames[0]) == frameB);
    // A acknowledges B's packet later with an ack-only packet: K and A, no S, length 0.
    BOOST_REQUIRE_EQUAL(txA.packets.size(), 2U);
    BOOST_TEST(ToHex(Bytes(txA.packets[1].begin() + 20, txA.packets[1].end()))
               == "2081880b000000c800000000");
    BOOST_TEST(net.greA->GetSentPackets() == 2U);
    BOOST_TEST(net.greB->GetReceivedPackets() == 2U);
    BOOST_TEST(a->GetOutstanding() == 0U);
    BOOST_TEST(b->GetOutstanding() == 0U);
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(bad_packets_are_dropped_counted_and_traced)
{
    TwoNodes net;
    Ptr<GreSession> b = net.greB->CreateSession(net.addressB, net.addressA, CALL_ID_B, CALL_ID_A);
    FrameRecorder atB;
    b->SetReceiveCallback(MakeCallback(&FrameRecorder::Record, &atB));
    DropRecorder drops;
    net.greB->TraceConnectWithoutContext("Drop", MakeCallback(&DropRecorder::Record, &drops));
    Ptr<Socket> raw
        = Socket::CreateSocket(net.nodes.Get(0), TypeId::LookupByName("ns3::Ipv4RawSocketFactory"));
    raw->SetAttribute("Protocol", UintegerValue(47));

    struct Case
    {
        const char* hex;
        GreDropReason reason;
    };
    const std::vector<Case> cases = {
        // a well-formed packet for Call ID 201, which B never assigned
        {"3001880b000200c900000000aabb", GreDropReason::UNKNOWN_CALL_ID},
        // version 0 (plain GRE)
        {"2000880b000000c8", GreDropReason::BAD_VERSION},
        // version 1 but protocol type IPv4 (0x0800)
        {"30010800000200c800000000aabb", GreDropReason::BAD_PROTOCOL},
        // checksum bit set
        {"b001880b000200c800000000aabb", GreDropReason::BAD_FLAGS},
        // K clear
        {"1001880b000200c800000000aabb", GreDropReason::BAD_FLAGS},
        // S set but the sequence number missing
        {"3001880b000000c8", GreDropReason::TRUNCATED_HEADER},
        // A set but the ack number cut short
        {"2081880b000000c80000", GreDropReason::TRUNCATED_HEADER},
        // fewer than 8 bytes
        {"3001880b", GreDropReason::TRUNCATED_HEADER},
        // a payload length on an ack-only packet
        {"2081880b000200c800000000", GreDropReason::BAD_LENGTH},
        // payload length 4, 2 bytes present
        {"3001880b000400c800000000aabb", GreDropReason::LENGTH_MISMATCH},
        // payload length 1, 2 bytes present
        {"3001880b000100c800000000aabb", GreDropReason::LENGTH_MISMATCH},
        // an ack-only packet with bytes after it
        {"2081880b000000c800000000aa", GreDropReason::LENGTH_MISMATCH},
    };
    Time at = MilliSeconds(1);
    for (const Case& c : cases)
    {
        Simulator::Schedule(at, &SendRaw, raw, net.addressB, std::string(c.hex));
        at += MilliSeconds(1);
    }
    // And one good packet: delivered.
    Simulator::Schedule(
        at, &SendRaw, raw, net.addressB, std::string("3001880b000200c800000007aabb"));
    Simulator::Stop(Seconds(1));
    Simulator::Run();

    std::vector<GreDropReason> expected;
    for (const Case& c : cases)
    {
        expected.push_back(c.reason);
    }
    BOOST_TEST(drops.reasons == expected, boost::test_tools::per_element());
    BOOST_TEST(net.greB->GetDropCount(GreDropReason::UNKNOWN_CALL_ID) == 1U);
    BOOST_TEST(net.greB->GetDropCount(GreDropReason::BAD_VERSION) == 1U);
    BOOST_TEST(net.greB->GetDropCount(GreDropReason::BAD_PROTOCOL) == 1U);
    BOOST_TEST(net.greB->GetDropCount(GreDropReason::BAD_FLAGS) == 2U);
    BOOST_TEST(net.greB->GetDropCount(GreDropReason::TRUNCATED_HEADER) == 3U);
    BOOST_TEST(net.greB->GetDropCount(GreDropReason::BAD_LENGTH) == 1U);
    BOOST_TEST(net.greB->GetDropCount(GreDropReason::LENGTH_MISMATCH) == 3U);
    BOOST_TEST(net.greB->GetReceivedPackets() == 1U);
    BOOST_TEST(b->GetRxDataPackets() == 1U);
    BOOST_REQUIRE_EQUAL(atB.frames.size(), 1U);
    BOOST_TEST(ToHex(atB.frames[0]) == "aabb");
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(demultiplexes_by_call_id_and_peer_address)
{
    TwoNodes net;
    Ptr<GreSession> a1 = net.greA->CreateSession(net.addressA, net.addressB, 100, 200);
    Ptr<GreSession> a2 = net.greA->CreateSession(net.addressA, net.addressB, 101, 201);
    Ptr<GreSession> b1 = net.greB->CreateSession(net.addressB, net.addressA, 200, 100);
    Ptr<GreSession> b2 = net.greB->CreateSession(net.addressB, net.addressA, 201, 101);
    BOOST_REQUIRE(a1 && a2 && b1 && b2);
    BOOST_TEST(net.greB->GetNSessions() == 2U);
    // The same local Call ID for the same peer is refused; for another peer it is fine.
    BOOST_TEST(!net.greB->CreateSession(net.addressB, net.addressA, 200, 999));
    Ptr<GreSession> other
        = net.greB->CreateSession(net.addressB, Ipv4Address("10.9.9.9"), 200, 300);
    BOOST_TEST(other != nullptr);
    BOOST_TEST(net.greB->FindSession(net.addressA, 201) == b2);
    FrameRecorder at1;
    FrameRecorder at2;
    FrameRecorder atOther;
    b1->SetReceiveCallback(MakeCallback(&FrameRecorder::Record, &at1));
    b2->SetReceiveCallback(MakeCallback(&FrameRecorder::Record, &at2));
    other->SetReceiveCallback(MakeCallback(&FrameRecorder::Record, &atOther));
    Simulator::Schedule(MilliSeconds(1), [a1]() { a1->Send(PacketOf(FromHex("0101"))); });
    Simulator::Schedule(MilliSeconds(2), [a2]() { a2->Send(PacketOf(FromHex("0202"))); });
    Simulator::Schedule(MilliSeconds(3), [a1]() { a1->Send(PacketOf(FromHex("0303"))); });
    Simulator::Stop(Seconds(1));
    Simulator::Run();
    BOOST_REQUIRE_EQUAL(at1.frames.size(), 2U);
    BOOST_TEST(ToHex(at1.frames[0]) == "0101");
    BOOST_TEST(ToHex(at1.frames[1]) == "0303");
    BOOST_REQUIRE_EQUAL(at2.frames.size(), 1U);
    BOOST_TEST(ToHex(at2.frames[0]) == "0202");
    BOOST_TEST(atOther.frames.empty());

    // The same Call ID from another source reaches the other session only.
    Ipv4Header ip;
    ip.SetSource(Ipv4Address("10.9.9.9"));
    ip.SetDestination(net.addressB);
    BOOST_TEST(net.greB->Receive(PacketOf(FromHex("3001880b000200c800000000cafe")), ip, nullptr)
               == IpL4Protocol::RX_OK);
    BOOST_REQUIRE_EQUAL(atOther.frames.size(), 1U);
    BOOST_TEST(ToHex(atOther.frames[0]) == "cafe");
    ip.SetSource(Ipv4Address("10.8.8.8"));
    BOOST_TEST(net.greB->Receive(PacketOf(FromHex("3001880b000200c800000001cafe")), ip, nullptr)
               == IpL4Protocol::RX_ENDPOINT_CLOSED);
    BOOST_TEST(net.greB->GetDropCount(GreDropReason::UNKNOWN_CALL_ID) == 1U);

    // A removed session is closed; its packets become UNKNOWN_CALL_ID.
    BOOST_TEST(net.greB->RemoveSession(net.addressA, 201));
    BOOST_TEST(!net.greB->RemoveSession(net.addressA, 201));
    BOOST_TEST(!net.greB->FindSession(net.addressA, 201));
    Simulator::Schedule(MilliSeconds(1), [a2]() { a2->Send(PacketOf(FromHex("0404"))); });
    Simulator::Stop(Seconds(1));
    Simulator::Run();
    BOOST_TEST(at2.frames.size() == 1U);
    BOOST_TEST(net.greB->GetDropCount(GreDropReason::UNKNOWN_CALL_ID) == 2U);
    BOOST_TEST(!b2->Send(PacketOf(FromHex("05"))));
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(session_attributes_set_through_the_protocol)
{
    Ptr<GreL4Protocol> gre = CreateObject<GreL4Protocol>();
    gre->SetSessionAttribute("InitialSequenceNumber", UintegerValue(1));
    gre->SetSessionAttribute("Profile", EnumValue(GreSession::WINDOWS));
    Ptr<GreSession> session
        = gre->CreateSession(Ipv4Address("10.0.0.1"), Ipv4Address("10.0.0.2"), 1, 2);
    BOOST_TEST(session->GetNextSequenceNumber() == 1U);
    EnumValue profile;
    session->GetAttribute("Profile", profile);
    BOOST_TEST(profile.Get() == int(GreSession::WINDOWS));
    BOOST_TEST(session->GetLocalCallId() == 1U);
    BOOST_TEST(session->GetPeerCallId() == 2U);
    // Not aggregated to a node: sending is harmless and nothing goes out.
    BOOST_TEST(session->Send(PacketOf(FromHex("00"))));
    BOOST_TEST(gre->GetSentPackets() == 0U);
    gre->Dispose();
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(dispose_survives_a_drop_sink_that_removes_sessions)
{
    // Disposing the protocol closes its sessions, whose queued frames are dropped and
    // traced; a sink that removes sessions then must not pull the map from under the loop.
    TwoNodes net;
    std::vector<Ptr<GreSession>> sessions;
    for (uint16_t i = 0; i < 8; ++i)
    {
        Ptr<GreSession> session
            = net.greA->CreateSession(net.addressA, net.addressB, CALL_ID_A + i, CALL_ID_B + i);
        BOOST_REQUIRE(session);
        session->SetPeerWindow(1); // window 1: the second frame waits in the queue
        Simulator::Schedule(MilliSeconds(1),
                            [session]()
                            {
                                BOOST_TEST(session->Send(PacketOf(FromHex("ff030021"))));
                                BOOST_TEST(session->Send(PacketOf(FromHex("ff030021"))));
                            });
        sessions.push_back(session);
    }
    Simulator::Stop(MilliSeconds(10));
    Simulator::Run();
    for (const Ptr<GreSession>& session : sessions)
    {
        BOOST_TEST(session->GetQueueLength() == 1U);
    }
    Ptr<GreL4Protocol> gre = net.greA;
    uint32_t closedDrops = 0;
    Ipv4Address peer = net.addressB;
    for (const Ptr<GreSession>& session : sessions)
    {
        session->TraceConnectWithoutContext(
            "Drop",
            Callback<void, Ptr<const Packet>, GreDropReason>(
                [gre, peer, &closedDrops](Ptr<const Packet>, GreDropReason reason)
                {
                    closedDrops += reason == GreDropReason::SESSION_CLOSED ? 1 : 0;
                    for (uint16_t i = 0; i < 8; ++i)
                    {
                        gre->RemoveSession(peer, CALL_ID_A + i);
                    }
                }));
    }
    gre->Dispose();
    BOOST_TEST(closedDrops == 8U); // every queued frame, once
    BOOST_TEST(gre->GetNSessions() == 0U);
    for (const Ptr<GreSession>& session : sessions)
    {
        BOOST_TEST(!session->Send(PacketOf(FromHex("ff030021"))));
    }
    Simulator::Destroy();
}

BOOST_AUTO_TEST_SUITE_END()
