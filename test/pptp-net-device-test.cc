/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mppe-channel.h"
#include "mppe-keys.h"
#include "mppe-session-key.h"
#include "ppp-frame-header.h"
#include "pptp-net-device-helper.h"
#include "pptp-net-device.h"
#include "pptp-test-util.h"
#include "pptp-tunnel-routes.h"
#include "topology-test-util.h"
#include "tshark-util.h"

#include "ns3/boolean.h"
#include "ns3/channel.h"
#include "ns3/drop-tail-queue.h"
#include "ns3/inet-socket-address.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-global-routing-helper.h"
#include "ns3/ipv4-l3-protocol.h"
#include "ns3/ipv4-static-routing.h"
#include "ns3/ipv4.h"
#include "ns3/net-device-queue-interface.h"
#include "ns3/node-container.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/pointer.h"
#include "ns3/queue-size.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

/// A master key for the MPPE tests (any 16 octets do).
const MppeKeys::MasterKey TEST_MASTER_KEY{
    0xfd, 0xec, 0xe3, 0x71, 0x7a, 0x8c, 0x83, 0x8c, 0xb3, 0x88, 0xe5, 0x27, 0xae, 0x3c, 0xdd, 0x31};

/// A tunnel stand-in: records the frames handed to it and delivers them to the peer later.
struct FakeTunnel
{
    Ptr<PptpNetDevice> peer;     //!< where frames arrive
    Time delay{MilliSeconds(5)}; //!< one-way delay
    bool refuse{false};          //!< refuse every frame
    std::vector<Bytes> frames;   //!< the frames accepted, as given

    /**
     * \brief The tunnel send callback.
     * \param frame the PPP frame
     * \return false when refusing
     */
    bool
    Send(Ptr<Packet> frame)
    {
        if (refuse)
        {
            return false;
        }
        frames.push_back(BytesOf(frame));
        Simulator::Schedule(delay, &PptpNetDevice::Receive, peer, frame);
        return true;
    }
};

/// Drops seen on a device's "Drop" trace.
struct DropLog
{
    std::vector<PptpNetDevice::DropReason> reasons; //!< in order

    /**
     * \brief The trace sink.
     * \param packet the dropped packet
     * \param reason why
     */
    void
    Record(Ptr<const Packet> packet, PptpNetDevice::DropReason reason)
    {
        reasons.push_back(reason);
    }

    /**
     * \brief Connect to a device.
     * \param device the device
     */
    void
    Attach(Ptr<PptpNetDevice> device)
    {
        BOOST_REQUIRE(
            device->TraceConnectWithoutContext("Drop", MakeCallback(&DropLog::Record, this)));
    }
};

/// Two nodes whose ppp0 devices are connected back to back by fake tunnels.
struct TunnelPair
{
    NodeContainer nodes;  //!< 0 = client (10.8.0.2), 1 = server (10.8.0.1)
    Ptr<PptpNetDevice> a; //!< client device
    Ptr<PptpNetDevice> b; //!< server device
    FakeTunnel ab;        //!< a to b
    FakeTunnel ba;        //!< b to a
    uint32_t ifA{0};      //!< a's IPv4 interface
    uint32_t ifB{0};      //!< b's IPv4 interface

    /**
     * \brief Build the pair.
     * \param helper creates the devices
     * \param stack install an IPv4 stack and addresses
     */
    explicit TunnelPair(const PptpNetDeviceHelper& helper = PptpNetDeviceHelper(),
                        bool stack = true)
    {
        nodes.Create(2);
        if (stack)
        {
            InternetStackHelper internet;
            internet.Install(nodes);
        }
        a = helper.Install(nodes.Get(0));
        b = helper.Install(nodes.Get(1));
        Connect();
        if (stack)
        {
            ifA = PptpAddTunnelInterface(a, Ipv4Address("10.8.0.2"));
            ifB = PptpAddTunnelInterface(b, Ipv4Address("10.8.0.1"));
            PptpAddTunnelHostRoute(nodes.Get(0), ifA, Ipv4Address("10.8.0.1"));
            PptpAddTunnelHostRoute(nodes.Get(1), ifB, Ipv4Address("10.8.0.2"));
        }
        a->SetLinkUp();
        b->SetLinkUp();
    }

    TunnelPair(const TunnelPair&) = delete;
    TunnelPair& operator=(const TunnelPair&) = delete;

    /**
     * \brief Connect the devices through the fake tunnels.
     */
    void
    Connect()
    {
        ab.peer = b;
        ba.peer = a;
        a->SetTunnelSendCallback(MakeCallback(&FakeTunnel::Send, &ab));
        b->SetTunnelSendCallback(MakeCallback(&FakeTunnel::Send, &ba));
    }
};

/**
 * \brief The payload of test datagram number index: every octet depends on its place.
 * \param index the datagram number
 * \param size its size
 * \return the packet
 */
Ptr<Packet>
PatternPacket(uint32_t index, uint32_t size)
{
    std::vector<uint8_t> bytes(size);
    for (uint32_t j = 0; j < size; ++j)
    {
        bytes[j] = static_cast<uint8_t>(index + j * 13);
    }
    return Create<Packet>(bytes.data(), size);
}

/**
 * \brief Whether a datagram has the pattern of PatternPacket.
 * \param packet the datagram
 * \return true when intact
 */
bool
HasPattern(Ptr<const Packet> packet)
{
    Bytes bytes = BytesOf(packet);
    for (uint32_t j = 0; j < bytes.size(); ++j)
    {
        if (bytes[j] != static_cast<uint8_t>(bytes[0] + j * 13))
        {
            return false;
        }
    }
    return true;
}

/// What a UDP echo exchange delivered.
struct EchoResult
{
    uint64_t sent{0};          //!< bytes sent by the client
    uint64_t atServer{0};      //!< bytes received by the echo server
    uint64_t echoed{0};        //!< bytes received back by the client
    uint32_t corrupted{0};     //!< datagrams whose content was changed
    uint32_t datagramsBack{0}; //!< datagrams received back
};

/**
 * \brief Run a UDP echo exchange: the client sends count datagrams of size octets, 10 ms
 * apart, the server sends each back. Runs the simulator for 10 s more.
 * \param client the client node
 * \param server the echo server node
 * \param serverAddress where the client sends
 * \param count datagrams
 * \param size their size
 * \return the counts
 */
EchoResult
RunUdpEcho(
    Ptr<Node> client, Ptr<Node> server, Ipv4Address serverAddress, uint32_t count, uint32_t size)
{
    EchoResult result;
    Ptr<Socket> echo = Socket::CreateSocket(server, UdpSocketFactory::GetTypeId());
    BOOST_REQUIRE_EQUAL(echo->Bind(InetSocketAddress(Ipv4Address::GetAny(), 7)), 0);
    echo->SetRecvCallback(Callback<void, Ptr<Socket>>(
        [&result](Ptr<Socket> socket)
        {
            Address from;
            while (Ptr<Packet> packet = socket->RecvFrom(from))
            {
                result.atServer += packet->GetSize();
                result.corrupted += HasPattern(packet) ? 0 : 1;
                socket->SendTo(packet, 0, from);
            }
        }));
    Ptr<Socket> sender = Socket::CreateSocket(client, UdpSocketFactory::GetTypeId());
    BOOST_REQUIRE_EQUAL(sender->Bind(), 0);
    BOOST_REQUIRE_EQUAL(sender->Connect(InetSocketAddress(serverAddress, 7)), 0);
    sender->SetRecvCallback(Callback<void, Ptr<Socket>>(
        [&result](Ptr<Socket> socket)
        {
            while (Ptr<Packet> packet = socket->Recv())
            {
                result.echoed += packet->GetSize();
                result.corrupted += HasPattern(packet) ? 0 : 1;
                ++result.datagramsBack;
            }
        }));
    for (uint32_t i = 0; i < count; ++i)
    {
        Simulator::Schedule(MilliSeconds(100 + 10 * i),
                            [sender, i, size, &result]()
                            {
                                if (sender->Send(PatternPacket(i, size)) >= 0)
                                {
                                    result.sent += size;
                                }
                            });
    }
    Simulator::Stop(Seconds(10));
    Simulator::Run();
    echo->Close();
    sender->Close();
    return result;
}

} // namespace

BOOST_AUTO_TEST_SUITE(pptp_net_device)

BOOST_AUTO_TEST_CASE(net_device_essentials)
{
    Ptr<PptpNetDevice> device = CreateObject<PptpNetDevice>();
    BOOST_TEST(device->IsPointToPoint());
    BOOST_TEST(!device->NeedsArp());
    BOOST_TEST(!device->IsBroadcast());
    BOOST_TEST(!device->IsMulticast());
    BOOST_TEST(!device->IsBridge());
    BOOST_TEST(!device->SupportsSendFrom());
    BOOST_TEST(!device->GetChannel());
    BOOST_TEST(Mac48Address::IsMatchingType(device->GetAddress()));
    BOOST_TEST(device->GetMtu() == 1400);
    BOOST_TEST(!device->GetAddressCompression());
    BOOST_TEST(!device->GetProtocolCompression());
    BOOST_TEST(!device->IsLinkUp());

    int changes = 0;
    device->AddLinkChangeCallback(Callback<void>([&changes]() { ++changes; }));
    device->SetLinkUp();
    BOOST_TEST(device->IsLinkUp());
    device->SetLinkUp();
    device->SetLinkDown();
    BOOST_TEST(!device->IsLinkUp());
    BOOST_TEST(changes == 2);

    // Mtu: an IPv4 interface needs at least 68 octets (RFC 791).
    BOOST_TEST(!device->SetAttributeFailSafe("Mtu", UintegerValue(67)));
    BOOST_TEST(device->SetAttributeFailSafe("Mtu", UintegerValue(68)));
    BOOST_TEST(device->GetMtu() == 68);
    BOOST_TEST(!device->SetMtu(20));
    BOOST_TEST(device->GetMtu() == 68);

    // The default queue is a DropTailQueue of 100 packets.
    Ptr<Queue<Packet>> queue = device->GetQueue();
    BOOST_REQUIRE(queue);
    BOOST_TEST(queue->GetMaxSize() == QueueSize("100p"));
    BOOST_TEST(DynamicCast<DropTailQueue<Packet>>(queue));

    const std::vector<std::pair<PptpNetDevice::DropReason, std::string>> names = {
        {PptpNetDevice::QUEUE_FULL, "QUEUE_FULL"},
        {PptpNetDevice::TUNNEL_REFUSED, "TUNNEL_REFUSED"},
        {PptpNetDevice::NO_TUNNEL, "NO_TUNNEL"},
        {PptpNetDevice::LINK_DOWN, "LINK_DOWN"},
        {PptpNetDevice::PACKET_TOO_BIG, "PACKET_TOO_BIG"},
        {PptpNetDevice::UNSUPPORTED_SEND, "UNSUPPORTED_SEND"},
        {PptpNetDevice::MALFORMED_FRAME, "MALFORMED_FRAME"},
        {PptpNetDevice::UNSUPPORTED_PROTOCOL, "UNSUPPORTED_PROTOCOL"},
        {PptpNetDevice::MALFORMED_IPV4, "MALFORMED_IPV4"},
        {PptpNetDevice::DROP_REASON_COUNT, "unknown"},
    };
    for (const auto& [reason, name] : names)
    {
        BOOST_TEST(PptpNetDevice::DropReasonName(reason) == name);
    }
    device->Dispose();
}

BOOST_AUTO_TEST_CASE(udp_echo_delivers_every_byte)
{
    TunnelPair pair;
    uint64_t macTx = 0;
    uint64_t macRx = 0;
    pair.a->TraceConnectWithoutContext(
        "MacTx", Callback<void, Ptr<const Packet>>([&macTx](Ptr<const Packet> p) { ++macTx; }));
    pair.a->TraceConnectWithoutContext(
        "MacRx", Callback<void, Ptr<const Packet>>([&macRx](Ptr<const Packet> p) { ++macRx; }));
    Ptr<PptpNetDevice> a = pair.a;
    Ptr<PptpNetDevice> b = pair.b;
    EchoResult r
        = RunUdpEcho(pair.nodes.Get(0), pair.nodes.Get(1), Ipv4Address("10.8.0.1"), 50, 1000);
    BOOST_TEST(r.sent == 50000U);
    BOOST_TEST(r.atServer == 50000U);
    BOOST_TEST(r.echoed == 50000U);
    BOOST_TEST(r.datagramsBack == 50U);
    BOOST_TEST(r.corrupted == 0U);
    BOOST_TEST(macTx == 50U);
    BOOST_TEST(macRx == 50U);
    BOOST_TEST(a->GetFramesSent() == 50U);
    BOOST_TEST(b->GetFramesReceived() == 50U);
    for (uint8_t reason = 0; reason < PptpNetDevice::DROP_REASON_COUNT; ++reason)
    {
        BOOST_TEST(a->GetDropCount(PptpNetDevice::DropReason(reason)) == 0U);
        BOOST_TEST(b->GetDropCount(PptpNetDevice::DropReason(reason)) == 0U);
    }
    // Every frame a sent: FF 03 00 21, then an IPv4 header of 20 octets with UDP (17)
    // from 10.8.0.2 to 10.8.0.1, then UDP with destination port 7 and the datagram.
    BOOST_REQUIRE_EQUAL(pair.ab.frames.size(), 50U);
    for (const Bytes& frame : pair.ab.frames)
    {
        BOOST_REQUIRE_EQUAL(frame.size(), 4U + 20U + 8U + 1000U);
        BOOST_TEST(ToHex(Bytes(frame.begin(), frame.begin() + 5)) == "ff03002145");
        BOOST_TEST(frame[4 + 9] == 17);
        BOOST_TEST(ToHex(Bytes(frame.begin() + 4 + 12, frame.begin() + 4 + 20))
                   == "0a0800020a080001");
        BOOST_TEST(ToHex(Bytes(frame.begin() + 4 + 22, frame.begin() + 4 + 24)) == "0007");
    }
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(frames_with_and_without_acfc_and_pfc)
{
    // {ACFC, PFC, expected PPP header}
    const std::vector<std::tuple<bool, bool, std::string>> cases = {
        {false, false, "ff030021"},
        {true, false, "0021"},
        {false, true, "ff0321"},
        {true, true, "21"},
    };
    for (const auto& [acfc, pfc, header] : cases)
    {
        BOOST_TEST_CONTEXT("ACFC " << acfc << " PFC " << pfc)
        {
            PptpNetDeviceHelper helper;
            helper.SetDeviceAttribute("AddressCompression", BooleanValue(acfc));
            helper.SetDeviceAttribute("ProtocolCompression", BooleanValue(pfc));
            TunnelPair pair(helper);
            std::vector<std::pair<uint16_t, Bytes>> control;
            pair.b->SetPppControlCallback(Callback<void, uint16_t, Ptr<Packet>>(
                [&control](uint16_t protocol, Ptr<Packet> payload)
                { control.emplace_back(protocol, BytesOf(payload)); }));
            // LCP keeps Address and Control whatever ACFC says (RFC 1661 s.6.6); a
            // two-octet protocol is never compressed.
            Simulator::Schedule(MilliSeconds(50),
                                [&pair]()
                                {
                                    pair.a->SendPppFrame(PacketOf(FromHex("0901000401020304")),
                                                         0xC021);
                                    pair.a->SendPppFrame(PacketOf(FromHex("01010004")), 0x8021);
                                });
            Ptr<PptpNetDevice> b = pair.b;
            EchoResult r
                = RunUdpEcho(pair.nodes.Get(0), pair.nodes.Get(1), Ipv4Address("10.8.0.1"), 5, 100);
            BOOST_TEST(r.atServer == 500U);
            BOOST_TEST(r.echoed == 500U);
            BOOST_TEST(r.corrupted == 0U);
            BOOST_REQUIRE_EQUAL(pair.ab.frames.size(), 7U);
            BOOST_TEST(ToHex(pair.ab.frames[0]) == "ff03c0210901000401020304");
            BOOST_TEST(ToHex(pair.ab.frames[1])
                       == std::string(acfc ? "" : "ff03") + "802101010004");
            for (std::size_t i = 2; i < 7; ++i)
            {
                const Bytes& frame = pair.ab.frames[i];
                BOOST_TEST(ToHex(Bytes(frame.begin(), frame.begin() + header.size() / 2 + 1))
                           == header + "45");
                BOOST_TEST(frame.size() == header.size() / 2 + 20 + 8 + 100);
            }
            // The echoes came back framed the same way and were decoded.
            BOOST_REQUIRE_EQUAL(pair.ba.frames.size(), 5U);
            BOOST_TEST(ToHex(Bytes(pair.ba.frames[0].begin(),
                                   pair.ba.frames[0].begin() + header.size() / 2))
                       == header);
            BOOST_REQUIRE_EQUAL(control.size(), 2U);
            BOOST_TEST(control[0].first == 0xC021);
            BOOST_TEST(ToHex(control[0].second) == "0901000401020304");
            BOOST_TEST(control[1].first == 0x8021);
            BOOST_TEST(ToHex(control[1].second) == "01010004");
            BOOST_TEST(b->GetDropCount(PptpNetDevice::MALFORMED_FRAME) == 0U);
            Simulator::Destroy();
        }
    }
}

BOOST_AUTO_TEST_CASE(received_frames_are_checked)
{
    TunnelPair pair(PptpNetDeviceHelper(), false);
    Ptr<PptpNetDevice> device = pair.b;
    DropLog drops;
    drops.Attach(device);
    uint32_t macRxDrops = 0;
    device->TraceConnectWithoutContext(
        "MacRxDrop",
        Callback<void, Ptr<const Packet>>([&macRxDrops](Ptr<const Packet> p) { ++macRxDrops; }));
    std::vector<Bytes> up;
    device->SetReceiveCallback(
        Callback<bool, Ptr<NetDevice>, Ptr<const Packet>, uint16_t, const Address&>(
            [&up](Ptr<NetDevice> d, Ptr<const Packet> p, uint16_t protocol, const Address& from)
            {
                BOOST_TEST(protocol == 0x0800);
                up.push_back(BytesOf(p));
                return true;
            }));
    std::vector<Bytes> sniffed;
    device->TraceConnectWithoutContext(
        "Sniffer",
        Callback<void, Ptr<const Packet>>([&sniffed](Ptr<const Packet> p)
                                          { sniffed.push_back(BytesOf(p)); }));

    const std::vector<std::string> malformed = {
        "",           // nothing
        "ff",         // Address without Control
        "ff03",       // no protocol
        "ff05002145", // Control is not 03
        "0020450000", // protocol with an even low octet
        "ff0380",     // a two-octet protocol cut after its first octet
        "00",         // one even octet: a truncated two-octet protocol
    };
    for (const std::string& hex : malformed)
    {
        device->Receive(PacketOf(FromHex(hex)));
    }
    BOOST_TEST(device->GetDropCount(PptpNetDevice::MALFORMED_FRAME) == malformed.size());
    BOOST_TEST(sniffed.size() == malformed.size());

    // Valid non-IPv4 protocols without a control callback.
    device->Receive(PacketOf(FromHex("ff03c02101010004")));
    device->Receive(PacketOf(FromHex("805701010004")));
    device->Receive(PacketOf(FromHex("fd90001234")));
    BOOST_TEST(device->GetDropCount(PptpNetDevice::UNSUPPORTED_PROTOCOL) == 3U);

    // IPv4 while the link is down.
    device->SetLinkDown();
    device->Receive(PacketOf(FromHex("ff03002145000014")));
    BOOST_TEST(device->GetDropCount(PptpNetDevice::LINK_DOWN) == 1U);
    BOOST_TEST(up.empty());

    std::vector<PptpNetDevice::DropReason> expected(malformed.size(),
                                                    PptpNetDevice::MALFORMED_FRAME);
    expected.insert(expected.end(), 3, PptpNetDevice::UNSUPPORTED_PROTOCOL);
    expected.push_back(PptpNetDevice::LINK_DOWN);
    BOOST_TEST(drops.reasons == expected, boost::test_tools::per_element());
    BOOST_TEST(macRxDrops == expected.size());
    BOOST_TEST(device->GetFramesReceived() == 0U);

    // With a control callback the same frames reach it, the PPP header removed.
    std::vector<std::pair<uint16_t, Bytes>> control;
    device->SetPppControlCallback(Callback<void, uint16_t, Ptr<Packet>>(
        [&control](uint16_t protocol, Ptr<Packet> payload)
        { control.emplace_back(protocol, BytesOf(payload)); }));
    device->Receive(PacketOf(FromHex("ff03c02101010004")));
    device->Receive(PacketOf(FromHex("805701010004")));
    device->Receive(PacketOf(FromHex("fd90001234")));
    device->Receive(PacketOf(FromHex("ff0300fd90001234")));
    BOOST_REQUIRE_EQUAL(control.size(), 4U);
    BOOST_TEST(control[0].first == 0xC021);
    BOOST_TEST(ToHex(control[0].second) == "01010004");
    BOOST_TEST(control[1].first == 0x8057);
    BOOST_TEST(ToHex(control[1].second) == "01010004");
    BOOST_TEST(control[2].first == 0x00FD);
    BOOST_TEST(ToHex(control[2].second) == "90001234");
    BOOST_TEST(control[3].first == 0x00FD);
    BOOST_TEST(ToHex(control[3].second) == "90001234");
    BOOST_TEST(device->GetDropCount(PptpNetDevice::UNSUPPORTED_PROTOCOL) == 3U);

    // IPv4 in all four frame layouts goes up without its PPP header (a 20-octet datagram
    // whose TOS octet tells them apart).
    device->SetLinkUp();
    const std::string ipv4Rest = "0014000000004011abcd0a0800020a080001";
    for (const char* ppp : {"ff030021", "ff0321", "0021", "21"})
    {
        std::string tos = "0" + std::to_string(up.size());
        device->Receive(PacketOf(FromHex(ppp + ("45" + tos) + ipv4Rest)));
    }
    BOOST_REQUIRE_EQUAL(up.size(), 4U);
    BOOST_TEST(ToHex(up[0]) == "4500" + ipv4Rest);
    BOOST_TEST(ToHex(up[1]) == "4501" + ipv4Rest);
    BOOST_TEST(ToHex(up[2]) == "4502" + ipv4Rest);
    BOOST_TEST(ToHex(up[3]) == "4503" + ipv4Rest);
    BOOST_TEST(device->GetFramesReceived() == 8U);
    BOOST_TEST(drops.reasons.size() == expected.size());
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(received_ipv4_needs_a_sound_header)
{
    // ns-3's IPv4 reads a datagram's header without checking it against the octets present
    // (and the layer above trusts Total Length): the device lets only sound ones up.
    TunnelPair pair(PptpNetDeviceHelper(), false);
    Ptr<PptpNetDevice> device = pair.b;
    DropLog drops;
    drops.Attach(device);
    std::vector<Bytes> up;
    device->SetReceiveCallback(
        Callback<bool, Ptr<NetDevice>, Ptr<const Packet>, uint16_t, const Address&>(
            [&up](Ptr<NetDevice> d, Ptr<const Packet> p, uint16_t protocol, const Address& from)
            {
                up.push_back(BytesOf(p));
                return true;
            }));
    const std::string addresses = "0a0800020a080001";
    const std::vector<std::string> unsound = {
        "4500", // 2 octets
        "450000130000000040110000"
        "0a0800020a0800",                                // 19 octets
        "650000140000000040110000" + addresses,          // version 6
        "440000140000000040110000" + addresses,          // IHL 4 (16 octets)
        "460000140000000040110000" + addresses,          // IHL 6: options cut off
        "450000150000000040110000" + addresses,          // Total Length 21, 20 present
        "450000130000000040110000" + addresses,          // Total Length below the IHL
        "4f0000140000000040110000" + addresses + "0000", // IHL 15 (60 octets), 22 present
    };
    for (const std::string& hex : unsound)
    {
        device->Receive(PacketOf(FromHex("ff030021" + hex)));
        device->Receive(PacketOf(FromHex("21" + hex))); // with ACFC and PFC
    }
    BOOST_TEST(up.empty());
    BOOST_TEST(device->GetDropCount(PptpNetDevice::MALFORMED_IPV4) == 2 * unsound.size());
    BOOST_TEST(drops.reasons
                   == std::vector<PptpNetDevice::DropReason>(2 * unsound.size(),
                                                             PptpNetDevice::MALFORMED_IPV4),
               boost::test_tools::per_element());
    BOOST_TEST(device->GetFramesReceived() == 0U);

    const std::vector<std::string> sound = {
        "450000140000000040110000" + addresses,              // the smallest
        "450000140000000040110000" + addresses + "00000000", // link padding after it
        "460000180000000040110000" + addresses + "01010100", // with 4 octets of options
        "450000170000000040110000" + addresses + "616263",   // 3 octets of payload
    };
    for (const std::string& hex : sound)
    {
        device->Receive(PacketOf(FromHex("ff030021" + hex)));
    }
    BOOST_REQUIRE_EQUAL(up.size(), sound.size());
    for (std::size_t i = 0; i < sound.size(); ++i)
    {
        BOOST_TEST(ToHex(up[i]) == sound[i]);
    }
    BOOST_TEST(drops.reasons.size() == 2 * unsound.size());

    // Through a real IPv4 stack: a datagram cut short is dropped before IPv4 sees it.
    TunnelPair stacked;
    DropLog stackedDrops;
    stackedDrops.Attach(stacked.b);
    uint32_t atIpv4 = 0;
    BOOST_REQUIRE(stacked.nodes.Get(1)->GetObject<Ipv4L3Protocol>()->TraceConnectWithoutContext(
        "Rx",
        Callback<void, Ptr<const Packet>, Ptr<Ipv4>, uint32_t>(
            [&atIpv4](Ptr<const Packet>, Ptr<Ipv4>, uint32_t) { ++atIpv4; })));
    stacked.b->Receive(PacketOf(FromHex("ff0300214500001c")));
    BOOST_TEST(stacked.b->GetDropCount(PptpNetDevice::MALFORMED_IPV4) == 1U);
    BOOST_TEST(atIpv4 == 0U);
    // A sound one does reach it (protocol 253, which no layer above reads).
    stacked.b->Receive(PacketOf(FromHex("ff0300214500001400000000"
                                        "40fd0000"
                                        "0a0800020a080001")));
    BOOST_TEST(atIpv4 == 1U);
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(send_refusals_are_dropped_and_counted)
{
    TunnelPair pair(PptpNetDeviceHelper(), false);
    Ptr<PptpNetDevice> device = pair.a;
    DropLog drops;
    drops.Attach(device);
    uint32_t macTxDrops = 0;
    device->TraceConnectWithoutContext(
        "MacTxDrop",
        Callback<void, Ptr<const Packet>>([&macTxDrops](Ptr<const Packet> p) { ++macTxDrops; }));
    Address to = device->GetBroadcast();

    BOOST_TEST(!device->Send(Create<Packet>(100), to, 0x86DD));
    BOOST_TEST(!device->Send(Create<Packet>(1401), to, 0x0800));
    BOOST_TEST(device->Send(Create<Packet>(1400), to, 0x0800));
    device->SetLinkDown();
    BOOST_TEST(!device->Send(Create<Packet>(100), to, 0x0800));
    // PPP control frames pass while the link is down.
    BOOST_TEST(device->SendPppFrame(PacketOf(FromHex("01010004")), 0xC021));
    device->SetLinkUp();
    pair.ab.refuse = true;
    BOOST_TEST(!device->Send(Create<Packet>(100), to, 0x0800));
    device->SetTunnelSendCallback(PptpNetDevice::TunnelSendCallback());
    BOOST_TEST(!device->Send(Create<Packet>(100), to, 0x0800));

    const std::vector<PptpNetDevice::DropReason> expected = {
        PptpNetDevice::UNSUPPORTED_SEND,
        PptpNetDevice::PACKET_TOO_BIG,
        PptpNetDevice::LINK_DOWN,
        PptpNetDevice::TUNNEL_REFUSED,
        PptpNetDevice::NO_TUNNEL,
    };
    BOOST_TEST(drops.reasons == expected, boost::test_tools::per_element());
    BOOST_TEST(macTxDrops == expected.size());
    for (PptpNetDevice::DropReason reason : expected)
    {
        BOOST_TEST(device->GetDropCount(reason) == 1U);
    }
    BOOST_TEST(device->GetFramesSent() == 2U);
    BOOST_REQUIRE_EQUAL(pair.ab.frames.size(), 2U);
    BOOST_TEST(pair.ab.frames[0].size() == 1404U);
    BOOST_TEST(ToHex(pair.ab.frames[1]) == "ff03c02101010004");
    BOOST_TEST(device->GetQueue()->IsEmpty());
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(held_frames_wait_for_the_tunnel)
{
    PptpNetDeviceHelper helper;
    Ptr<Queue<Packet>> queue = CreateObject<DropTailQueue<Packet>>();
    queue->SetMaxSize(QueueSize("3p"));
    helper.SetDeviceAttribute("HoldWhenRefused", BooleanValue(true));
    helper.SetDeviceAttribute("TxQueue", PointerValue(queue));
    helper.SetDeviceAttribute("Mtu", UintegerValue(200));
    TunnelPair pair(helper, false);
    Ptr<PptpNetDevice> device = pair.a;
    BOOST_TEST(device->GetQueue() == queue);
    DropLog drops;
    drops.Attach(device);
    Ptr<NetDeviceQueueInterface> ndqi = device->GetObject<NetDeviceQueueInterface>();
    BOOST_REQUIRE(ndqi);
    Ptr<NetDeviceQueue> txq = ndqi->GetTxQueue(0);

    pair.ab.refuse = true;
    Address to = device->GetBroadcast();
    // The first frame is refused and held; three more fill the queue; the fifth overflows.
    for (uint32_t i = 0; i < 5; ++i)
    {
        device->Send(PatternPacket(i, 50), to, 0x0800);
    }
    BOOST_TEST(queue->GetNPackets() == 3U);
    BOOST_TEST(txq->IsStopped());
    BOOST_TEST(pair.ab.frames.empty());
    BOOST_REQUIRE_EQUAL(drops.reasons.size(), 1U);
    BOOST_TEST(drops.reasons[0] == PptpNetDevice::QUEUE_FULL);

    // Still refusing: nothing moves, nothing is lost.
    device->NotifyTunnelReady();
    BOOST_TEST(queue->GetNPackets() == 3U);
    BOOST_TEST(device->GetDropCount(PptpNetDevice::TUNNEL_REFUSED) == 0U);

    pair.ab.refuse = false;
    device->NotifyTunnelReady();
    BOOST_TEST(queue->IsEmpty());
    BOOST_TEST(!txq->IsStopped());
    BOOST_REQUIRE_EQUAL(pair.ab.frames.size(), 4U);
    for (uint32_t i = 0; i < 4; ++i)
    {
        // In order: datagram i starts with octet i after the four PPP octets.
        BOOST_TEST(pair.ab.frames[i].size() == 54U);
        BOOST_TEST(pair.ab.frames[i][4] == i);
    }
    BOOST_TEST(device->GetFramesSent() == 4U);
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(mtu_makes_ipv4_fragment)
{
    PptpNetDeviceHelper helper;
    helper.SetDeviceAttribute("Mtu", UintegerValue(576));
    TunnelPair pair(helper);
    Ptr<PptpNetDevice> a = pair.a;
    EchoResult r
        = RunUdpEcho(pair.nodes.Get(0), pair.nodes.Get(1), Ipv4Address("10.8.0.1"), 3, 2000);
    BOOST_TEST(r.atServer == 6000U);
    BOOST_TEST(r.echoed == 6000U);
    BOOST_TEST(r.corrupted == 0U);
    // 2008 octets of UDP in fragments of at most 576 - 20 = 552 (a multiple of 8): 4 each.
    BOOST_TEST(pair.ab.frames.size() == 12U);
    BOOST_TEST(pair.ba.frames.size() == 12U);
    for (const Bytes& frame : pair.ab.frames)
    {
        BOOST_TEST(frame.size() <= 4U + 576U);
    }
    BOOST_TEST(a->GetDropCount(PptpNetDevice::PACKET_TOO_BIG) == 0U);
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(pcap_is_ppp_for_tshark)
{
    for (bool compress : {false, true})
    {
        BOOST_TEST_CONTEXT("ACFC and PFC " << compress)
        {
            std::string file = BinaryDir() + "/pptp-net-device-test-"
                               + (compress ? "compressed" : "plain") + ".pcap";
            std::remove(file.c_str());
            uint32_t frames = 0;
            {
                PptpNetDeviceHelper helper;
                helper.SetDeviceAttribute("AddressCompression", BooleanValue(compress));
                helper.SetDeviceAttribute("ProtocolCompression", BooleanValue(compress));
                TunnelPair pair(helper);
                helper.EnablePcap(file, pair.a, false, true);
                EchoResult r = RunUdpEcho(
                    pair.nodes.Get(0), pair.nodes.Get(1), Ipv4Address("10.8.0.1"), 10, 300);
                BOOST_TEST(r.echoed == 3000U);
                frames = pair.ab.frames.size() + pair.ba.frames.size();
                // Disposing the devices closes the pcap file once the pair is gone.
                Simulator::Destroy();
            }
            std::string text;
            BOOST_REQUIRE_EQUAL(
                RunTshark(
                    file, "-T fields -e frame.protocols -e ppp.protocol -e ip.src -e ip.dst", text),
                0);
            std::vector<std::string> lines = SplitLines(text);
            BOOST_REQUIRE_EQUAL(lines.size(), frames);
            BOOST_TEST(frames == 20U);
            uint32_t up = 0;
            uint32_t down = 0;
            for (const std::string& line : lines)
            {
                std::vector<std::string> fields = SplitTabs(line);
                BOOST_REQUIRE_EQUAL(fields.size(), 4U);
                // Port 7 is the echo service for Wireshark.
                BOOST_TEST(fields[0] == "ppp:ip:udp:echo");
                BOOST_TEST(fields[1] == "0x0021");
                up += fields[2] == "10.8.0.2" && fields[3] == "10.8.0.1" ? 1 : 0;
                down += fields[2] == "10.8.0.1" && fields[3] == "10.8.0.2" ? 1 : 0;
            }
            BOOST_TEST(up == 10U);
            BOOST_TEST(down == 10U);
            BOOST_REQUIRE_EQUAL(
                RunTshark(file, "-Y '_ws.malformed || _ws.expert.severity >= 6291456'", text), 0);
            BOOST_TEST(text.empty());
            // The pcap global header's link type (octets 20 to 23, host order) is DLT_PPP.
            std::FILE* in = std::fopen(file.c_str(), "rb");
            BOOST_REQUIRE(in);
            uint8_t global[24] = {};
            BOOST_REQUIRE_EQUAL(std::fread(global, 1, sizeof(global), in), sizeof(global));
            std::fclose(in);
            uint32_t linkType = 0;
            std::memcpy(&linkType, global + 20, 4);
            BOOST_TEST(linkType == 9U);
        }
    }
}

BOOST_AUTO_TEST_CASE(routes_keep_the_server_on_the_physical_link)
{
    // client -- isp -- server -- lanHost; ppp0 between client and server.
    NodeContainer nodes;
    nodes.Create(4);
    Ptr<Node> client = nodes.Get(0);
    Ptr<Node> isp = nodes.Get(1);
    Ptr<Node> server = nodes.Get(2);
    Ptr<Node> lanHost = nodes.Get(3);
    InternetStackHelper internet;
    internet.Install(nodes);
    PointToPointHelper p2p;
    NetDeviceContainer access = p2p.Install(client, isp);
    NetDeviceContainer core = p2p.Install(isp, server);
    NetDeviceContainer lan = p2p.Install(server, lanHost);
    Ipv4AddressHelper addresses;
    addresses.SetBase("198.51.100.0", "255.255.255.252");
    addresses.Assign(access);
    addresses.SetBase("203.0.113.0", "255.255.255.252");
    Ipv4InterfaceContainer coreIf = addresses.Assign(core);
    addresses.SetBase("172.16.1.0", "255.255.255.0");
    Ipv4InterfaceContainer lanIf = addresses.Assign(lan);
    Ipv4GlobalRoutingHelper::PopulateRoutingTables();
    Ipv4Address serverPublic = coreIf.GetAddress(1);
    Ipv4Address lanHostAddress = lanIf.GetAddress(1);

    // The tunnel comes up after the routing tables were built, as a call does.
    FakeTunnel up;
    FakeTunnel down;
    PptpNetDeviceHelper helper;
    Ptr<PptpNetDevice> clientPpp = helper.Install(client);
    Ptr<PptpNetDevice> serverPpp = helper.Install(server);
    up.peer = serverPpp;
    down.peer = clientPpp;
    clientPpp->SetTunnelSendCallback(MakeCallback(&FakeTunnel::Send, &up));
    serverPpp->SetTunnelSendCallback(MakeCallback(&FakeTunnel::Send, &down));
    uint32_t clientIf = PptpAddTunnelInterface(clientPpp, Ipv4Address("10.8.0.2"));
    uint32_t serverIf = PptpAddTunnelInterface(serverPpp, Ipv4Address("10.8.0.1"));
    clientPpp->SetLinkUp();
    serverPpp->SetLinkUp();
    int32_t physicalIf = client->GetObject<Ipv4>()->GetInterfaceForDevice(access.Get(0));

    // Before: everything the client knows leaves by the physical link.
    BOOST_TEST(OutputInterface(client, serverPublic) == physicalIf);
    BOOST_TEST(OutputInterface(client, lanHostAddress) == physicalIf);

    BOOST_REQUIRE(PptpRouteAllThroughTunnel(client, clientIf, serverPublic));
    PptpAddTunnelHostRoute(server, serverIf, Ipv4Address("10.8.0.2"));
    // The LAN host answers through the server (its only neighbour).
    PptpGetStaticRouting(lanHost)->SetDefaultRoute(lanIf.GetAddress(0), 1);

    BOOST_TEST(OutputInterface(client, serverPublic) == physicalIf);
    BOOST_TEST(OutputInterface(client, lanHostAddress) == static_cast<int32_t>(clientIf));
    BOOST_TEST(OutputInterface(client, Ipv4Address("8.8.8.8")) == static_cast<int32_t>(clientIf));
    BOOST_TEST(OutputInterface(client, Ipv4Address("200.1.2.3")) == static_cast<int32_t>(clientIf));

    // Traffic to the server's public address leaves by the physical link ...
    uint64_t physicalTx = 0;
    access.Get(0)->TraceConnectWithoutContext(
        "MacTx",
        Callback<void, Ptr<const Packet>>([&physicalTx](Ptr<const Packet> p) { ++physicalTx; }));
    EchoResult direct = RunUdpEcho(client, server, serverPublic, 5, 200);
    BOOST_TEST(direct.echoed == 1000U);
    BOOST_TEST(physicalTx == 5U);
    BOOST_TEST(up.frames.empty());

    // ... and traffic to the LAN host goes through the tunnel and the server forwards it.
    EchoResult tunnelled = RunUdpEcho(client, lanHost, lanHostAddress, 5, 200);
    BOOST_TEST(tunnelled.atServer == 1000U);
    BOOST_TEST(tunnelled.echoed == 1000U);
    BOOST_TEST(tunnelled.corrupted == 0U);
    BOOST_TEST(physicalTx == 5U);
    BOOST_TEST(up.frames.size() == 5U);
    BOOST_TEST(down.frames.size() == 5U);
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(split_tunnel_routes_one_prefix)
{
    TunnelPair pair;
    Ptr<Node> client = pair.nodes.Get(0);
    PptpAddTunnelNetworkRoute(client, pair.ifA, Ipv4Address("172.16.0.0"), Ipv4Mask("255.255.0.0"));
    BOOST_TEST(OutputInterface(client, Ipv4Address("172.16.9.9"))
               == static_cast<int32_t>(pair.ifA));
    BOOST_TEST(OutputInterface(client, Ipv4Address("10.8.0.1")) == static_cast<int32_t>(pair.ifA));
    BOOST_TEST(OutputInterface(client, Ipv4Address("8.8.8.8")) == -1);
    Simulator::Destroy();
}

/**
 * \brief A started MPPE channel.
 * \param side the side
 * \param stateless the mode
 * \return the channel
 */
Ptr<MppeChannel>
StartedChannel(MppeSide side, bool stateless)
{
    Ptr<MppeChannel> channel = CreateObject<MppeChannel>();
    channel->Start(TEST_MASTER_KEY, side, MppeStrength::BITS_128, stateless);
    return channel;
}

BOOST_AUTO_TEST_CASE(mppe_encrypts_ipv4_on_the_wire)
{
    // {ACFC, PFC, expected outer PPP header, expected inner protocol field}
    const std::vector<std::tuple<bool, bool, std::string, std::string>> cases = {
        {false, false, "ff0300fd", "0021"},
        {true, false, "00fd", "0021"},
        {false, true, "ff03fd", "21"},
        {true, true, "fd", "21"},
    };
    for (const auto& [acfc, pfc, header, inner] : cases)
    {
        for (bool stateless : {false, true})
        {
            BOOST_TEST_CONTEXT("ACFC " << acfc << " PFC " << pfc << " stateless " << stateless)
            {
                PptpNetDeviceHelper helper;
                helper.SetDeviceAttribute("AddressCompression", BooleanValue(acfc));
                helper.SetDeviceAttribute("ProtocolCompression", BooleanValue(pfc));
                TunnelPair pair(helper);
                Ptr<MppeChannel> clientChannel = StartedChannel(MppeSide::CLIENT, stateless);
                Ptr<MppeChannel> serverChannel = StartedChannel(MppeSide::SERVER, stateless);
                pair.a->SetMppeChannel(clientChannel);
                pair.b->SetMppeChannel(serverChannel);
                BOOST_TEST(pair.a->IsEncrypting());
                BOOST_TEST(pair.b->GetMppeChannel() == serverChannel);
                std::vector<Bytes> sniffed;
                pair.b->TraceConnectWithoutContext(
                    "Sniffer",
                    Callback<void, Ptr<const Packet>>([&sniffed](Ptr<const Packet> p)
                                                      { sniffed.push_back(BytesOf(p)); }));
                const uint32_t count = 5;
                const uint32_t size = 100;
                EchoResult r = RunUdpEcho(
                    pair.nodes.Get(0), pair.nodes.Get(1), Ipv4Address("10.8.0.1"), count, size);
                BOOST_TEST(r.atServer == count * size);
                BOOST_TEST(r.echoed == count * size);
                BOOST_TEST(r.corrupted == 0U);
                BOOST_REQUIRE_EQUAL(pair.ab.frames.size(), count);
                BOOST_REQUIRE_EQUAL(pair.ba.frames.size(), count);
                // The receiver's sniffer sees the frames as on the wire: encrypted.
                BOOST_TEST(sniffed.size() == 2 * count); // the frames in and the echoes out
                BOOST_TEST((sniffed[0] == pair.ab.frames[0]));

                // Decrypt the client's frames independently with the client's send key.
                MppeSessionKey receiver(MppeKeys::GetAsymmetricStartKey(TEST_MASTER_KEY,
                                                                        MppeStrength::BITS_128,
                                                                        MppeDirection::SEND,
                                                                        MppeSide::CLIENT),
                                        MppeStrength::BITS_128,
                                        stateless);
                const std::size_t outer = header.size() / 2;
                for (uint32_t i = 0; i < count; ++i)
                {
                    const Bytes& frame = pair.ab.frames[i];
                    BOOST_REQUIRE(frame.size() > outer + 2);
                    BOOST_TEST(ToHex(Bytes(frame.begin(), frame.begin() + outer)) == header);
                    BOOST_TEST(frame.size() == outer + 2 + inner.size() / 2 + 20 + 8 + size);
                    const uint8_t flags = frame[outer];
                    BOOST_TEST((flags & 0x70) == 0x10); // D set, B and C clear
                    // Stateless: every packet FLUSHED; stateful: none of the first five.
                    BOOST_TEST(((flags & 0x80) != 0) == stateless);
                    const uint16_t ccount
                        = static_cast<uint16_t>((flags & 0x0f) << 8 | frame[outer + 1]);
                    BOOST_TEST(ccount == i);
                    Bytes data(frame.begin() + outer + 2, frame.end());
                    BOOST_TEST(ToHex(Bytes(data.begin(), data.begin() + inner.size() / 2 + 1))
                               != inner + "45");
                    BOOST_REQUIRE(
                        receiver.Decrypt(data.data(), data.size(), ccount, (flags & 0x80) != 0)
                        == MppeDecryptResult::DECRYPTED);
                    BOOST_TEST(ToHex(Bytes(data.begin(), data.begin() + inner.size() / 2 + 1))
                               == inner + "45");
                    BOOST_TEST(HasPattern(PacketOf(Bytes(data.end() - size, data.end()))));
                }
                BOOST_TEST(clientChannel->GetPacketsEncrypted() == count);
                BOOST_TEST(clientChannel->GetPacketsDecrypted() == count);
                BOOST_TEST(serverChannel->GetPacketsDecrypted() == count);
                BOOST_TEST(pair.b->GetFramesReceived() == count);
                BOOST_TEST(pair.b->GetDropCount(PptpNetDevice::DECRYPT_FAILED) == 0U);
                Simulator::Destroy();
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(mppe_drops_plain_and_garbage)
{
    TunnelPair pair(PptpNetDeviceHelper(), false);
    Ptr<PptpNetDevice> device = pair.b;
    std::vector<std::pair<PptpNetDevice::DropReason, Bytes>> drops;
    device->TraceConnectWithoutContext(
        "Drop",
        Callback<void, Ptr<const Packet>, PptpNetDevice::DropReason>(
            [&drops](Ptr<const Packet> p, PptpNetDevice::DropReason reason)
            { drops.emplace_back(reason, BytesOf(p)); }));
    std::vector<Bytes> up;
    device->SetReceiveCallback(
        Callback<bool, Ptr<NetDevice>, Ptr<const Packet>, uint16_t, const Address&>(
            [&up](Ptr<NetDevice> d, Ptr<const Packet> p, uint16_t protocol, const Address& from)
            {
                up.push_back(BytesOf(p));
                return true;
            }));
    std::vector<std::pair<uint16_t, Bytes>> control;
    device->SetPppControlCallback(Callback<void, uint16_t, Ptr<Packet>>(
        [&control](uint16_t protocol, Ptr<Packet> payload)
        { control.emplace_back(protocol, BytesOf(payload)); }));

    const std::string ipv4 = "450000140000000040110000"
                             "0a0800020a080001";
    Ptr<MppeChannel> clientChannel = CreateObject<MppeChannel>();
    Ptr<MppeChannel> serverChannel = CreateObject<MppeChannel>();
    pair.a->SetMppeChannel(clientChannel);
    device->SetMppeChannel(serverChannel);

    // Set but not started: nothing changes. IPv4 goes out plain, 0x00FD goes to PPP.
    BOOST_TEST(!pair.a->IsEncrypting());
    BOOST_TEST(pair.a->Send(PacketOf(FromHex(ipv4)), Address(), 0x0800));
    BOOST_TEST(ToHex(pair.ab.frames.back()) == "ff030021" + ipv4);
    device->Receive(PacketOf(FromHex("ff0300fd90001234")));
    BOOST_REQUIRE_EQUAL(control.size(), 1U);
    BOOST_TEST(control[0].first == 0x00FD);
    device->Receive(PacketOf(FromHex("ff030021" + ipv4)));
    BOOST_REQUIRE_EQUAL(up.size(), 1U);

    clientChannel->Start(TEST_MASTER_KEY, MppeSide::CLIENT, MppeStrength::BITS_40, false);
    serverChannel->Start(TEST_MASTER_KEY, MppeSide::SERVER, MppeStrength::BITS_40, false);
    BOOST_TEST(device->IsEncrypting());

    // Plain IPv4 is refused now.
    device->Receive(PacketOf(FromHex("ff030021" + ipv4)));
    device->Receive(PacketOf(FromHex("21" + ipv4)));
    BOOST_TEST(device->GetDropCount(PptpNetDevice::UNENCRYPTED) == 2U);
    BOOST_TEST(up.size() == 1U);

    // Garbage 0x00FD: the channel refuses it, the device drops the frame as received.
    const std::vector<std::string> garbage = {
        "ff0300fd",         // no MPPE header
        "fd9000",           // a header without data
        "00fd20001234",     // MPPC-compressed
        "ff0300fd00001234", // not encrypted
        "fdd0001234",       // bit B
    };
    for (const std::string& hex : garbage)
    {
        device->Receive(PacketOf(FromHex(hex)));
    }
    BOOST_TEST(device->GetDropCount(PptpNetDevice::DECRYPT_FAILED) == garbage.size());
    BOOST_TEST(serverChannel->GetDropCount(MppeChannel::MALFORMED) == 3U);
    BOOST_TEST(serverChannel->GetDropCount(MppeChannel::COMPRESSED) == 1U);
    BOOST_TEST(serverChannel->GetDropCount(MppeChannel::NOT_ENCRYPTED) == 1U);
    BOOST_REQUIRE_EQUAL(drops.size(), 2 + garbage.size());
    for (std::size_t i = 0; i < garbage.size(); ++i)
    {
        BOOST_TEST(drops[2 + i].first == PptpNetDevice::DECRYPT_FAILED);
        BOOST_TEST(ToHex(drops[2 + i].second) == garbage[i]);
    }
    BOOST_TEST(control.size() == 1U);

    // Encrypted frames from the peer's channel, in its order: IPv4 goes up decrypted;
    // another protocol, a bad protocol field and an unsound datagram are dropped.
    auto encrypted = [&clientChannel](const std::string& innerHex)
    {
        Ptr<Packet> frame = clientChannel->Encrypt(PacketOf(FromHex(innerHex)));
        frame->AddHeader(PppFrameHeader(0x00FD));
        return frame;
    };
    device->Receive(encrypted("0021" + ipv4));
    device->Receive(encrypted("21" + ipv4));
    BOOST_REQUIRE_EQUAL(up.size(), 3U);
    BOOST_TEST(ToHex(up[1]) == ipv4);
    BOOST_TEST(ToHex(up[2]) == ipv4);
    device->Receive(encrypted("802101010004"));
    BOOST_TEST(device->GetDropCount(PptpNetDevice::UNSUPPORTED_PROTOCOL) == 1U);
    BOOST_TEST(ToHex(drops.back().second) == "802101010004"); // the decrypted inner frame
    device->Receive(encrypted("0020" + ipv4));
    device->Receive(encrypted("00"));
    BOOST_TEST(device->GetDropCount(PptpNetDevice::MALFORMED_FRAME) == 2U);
    device->Receive(encrypted("0021"
                              "4500ffff"));
    BOOST_TEST(device->GetDropCount(PptpNetDevice::MALFORMED_IPV4) == 1U);
    BOOST_TEST(control.size() == 1U);
    BOOST_TEST(up.size() == 3U);
    // A lost packet: the channel drops the next one (LOSS_DETECTED), the device too.
    clientChannel->Encrypt(PacketOf(FromHex("0021" + ipv4)));
    device->Receive(encrypted("0021" + ipv4));
    BOOST_TEST(device->GetDropCount(PptpNetDevice::DECRYPT_FAILED) == garbage.size() + 1);
    BOOST_TEST(serverChannel->GetDropCount(MppeChannel::LOSS_DETECTED) == 1U);

    // Frames of the PPP layer are never encrypted; IPv4 from Send() is.
    pair.a->SendPppFrame(PacketOf(FromHex("0901000401020304")), 0xC021);
    BOOST_TEST(ToHex(pair.ab.frames.back()) == "ff03c0210901000401020304");
    BOOST_TEST(pair.a->Send(PacketOf(FromHex(ipv4)), Address(), 0x0800));
    BOOST_TEST(ToHex(Bytes(pair.ab.frames.back().begin(), pair.ab.frames.back().begin() + 4))
               == "ff0300fd");

    // Stopped: back to plain.
    serverChannel->Stop();
    BOOST_TEST(!device->IsEncrypting());
    device->Receive(PacketOf(FromHex("ff030021" + ipv4)));
    device->Receive(PacketOf(FromHex("ff0300fd90001234")));
    BOOST_TEST(up.size() == 4U);
    BOOST_TEST(control.size() == 2U);
    device->SetMppeChannel(nullptr);
    BOOST_TEST(!device->GetMppeChannel());

    BOOST_TEST(std::string(PptpNetDevice::DropReasonName(PptpNetDevice::DECRYPT_FAILED))
               == "DECRYPT_FAILED");
    BOOST_TEST(std::string(PptpNetDevice::DropReasonName(PptpNetDevice::UNENCRYPTED))
               == "UNENCRYPTED");
    // Dispose lets go of the channel.
    pair.a->Dispose();
    BOOST_TEST(!pair.a->GetMppeChannel());
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(mppe_throughput_figure)
{
    // Send() to Receive() through two devices, 1400-octet datagrams, with and without MPPE.
    Bytes datagram = FromHex("4500057800000000401100000a0800020a080001");
    datagram.resize(1400, 0x5a);
    const uint32_t count = 20000;
    auto run = [&datagram, count](bool mppe)
    {
        TunnelPair pair(PptpNetDeviceHelper(), false);
        pair.ab.delay = Seconds(0);
        uint64_t received = 0;
        pair.b->SetReceiveCallback(
            Callback<bool, Ptr<NetDevice>, Ptr<const Packet>, uint16_t, const Address&>(
                [&received](Ptr<NetDevice>, Ptr<const Packet> p, uint16_t, const Address&)
                {
                    received += p->GetSize();
                    return true;
                }));
        if (mppe)
        {
            pair.a->SetMppeChannel(StartedChannel(MppeSide::CLIENT, false));
            pair.b->SetMppeChannel(StartedChannel(MppeSide::SERVER, false));
        }
        const auto start = std::chrono::steady_clock::now();
        for (uint32_t i = 0; i < count; ++i)
        {
            pair.a->Send(PacketOf(datagram), Address(), 0x0800);
            if (i % 100 == 99)
            {
                Simulator::Run();
                pair.ab.frames.clear();
            }
        }
        Simulator::Run();
        const double seconds
            = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        BOOST_TEST(received == uint64_t(count) * 1400);
        BOOST_TEST(pair.b->GetDropCount(PptpNetDevice::DECRYPT_FAILED) == 0U);
        Simulator::Destroy();
        return seconds;
    };
    const double plain = run(false);
    const double encrypted = run(true);
    BOOST_TEST_MESSAGE("ppp0 Send to Receive of "
                       << count << " 1400-octet datagrams: plain " << plain / count * 1e6
                       << " us, MPPE " << encrypted / count * 1e6 << " us per datagram (ratio "
                       << encrypted / plain << ")");
}

BOOST_AUTO_TEST_SUITE_END()
