/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// PppIpcp (RFC 1332, RFC 1877): a dial-in client against an address-assigning server
// through a delayed link, checking every packet exchanged and the addresses; a scripted
// peer that replays the IPCP exchange of the real capture chapcrack_sample_pptp-only.pcap
// (frames 26-34) against either side; the verdicts on peer options (VJ, IP-Addresses,
// NBNS, unknown types, a missing IP-Address); nobody able to assign an address.

#include "ppp-automaton-link.h"
#include "ppp-control-packet.h"
#include "ppp-frame-header.h"
#include "ppp-ipcp.h"
#include "ppp-option.h"
#include "pptp-test-util.h"

#include "ns3/ipv4-address.h"
#include "ns3/nstime.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

// IPCP payloads (from Code on) of chapcrack_sample_pptp-only.pcap: pptp-linux client
// 192.168.1.102 and pptpd server 198.252.153.26 (172.27.200.1, assigns 172.27.200.10,
// DNS 172.27.0.1).
const char* const FRAME_26_SERVER_CR = "010100100206002d0f010306ac1bc801"; // VJ, IP
const char* const FRAME_28_CLIENT_CR = "01010016030600000000810600000000830600000000";
const char* const FRAME_29_CLIENT_CJ = "0401000a0206002d0f01"; // VJ
const char* const FRAME_30_SERVER_CN = "030100160306ac1bc80a8106ac1b00018306ac1b0001";
const char* const FRAME_31_CLIENT_CR = "010200160306ac1bc80a8106ac1b00018306ac1b0001";
const char* const FRAME_32_SERVER_CR = "0102000a0306ac1bc801";
const char* const FRAME_33_CLIENT_CA = "0202000a0306ac1bc801";
const char* const FRAME_34_SERVER_CA = "020200160306ac1bc80a8106ac1b00018306ac1b0001";

const Ipv4Address ANY("0.0.0.0");
const Ipv4Address SERVER("10.0.0.1");
const Ipv4Address CLIENT("10.0.0.2");
const Ipv4Address DNS1("8.8.8.8");
const Ipv4Address DNS2("8.8.4.4");

/// An IPCP packet as "CR IP=0.0.0.0 DNS1=0.0.0.0 t2" (the test fails if it does not decode).
std::string
Describe(Ptr<const Packet> packet)
{
    PppControlPacket decoded(PppProtocol::IPCP);
    packet->PeekHeader(decoded);
    BOOST_REQUIRE(decoded.GetError() == WireError::NONE);
    std::ostringstream text;
    text << PppCodeTag(decoded.GetCode());
    if (decoded.GetCode() <= PppControlPacket::CONFIGURE_REJECT)
    {
        for (const PppOption& option : decoded.GetOptions())
        {
            const char* name = nullptr;
            switch (option.GetType())
            {
                case PppOption::IPCP_IP_ADDRESS:
                    name = "IP";
                    break;
                case PppOption::IPCP_PRIMARY_DNS:
                    name = "DNS1";
                    break;
                case PppOption::IPCP_SECONDARY_DNS:
                    name = "DNS2";
                    break;
                case PppOption::IPCP_PRIMARY_NBNS:
                    name = "NBNS1";
                    break;
                case PppOption::IPCP_SECONDARY_NBNS:
                    name = "NBNS2";
                    break;
            }
            if (name && option.GetStatus() == WireError::NONE)
            {
                text << " " << name << "=" << option.GetIpv4Address();
            }
            else
            {
                text << " t" << unsigned(option.GetType());
            }
        }
    }
    return text.str();
}

/// One IPCP instance with its layer events and traces recorded.
struct Side
{
    Ptr<PppIpcp> ipcp;                                           //!< the instance
    int up = 0;                                                  //!< tlu callbacks
    int down = 0;                                                //!< tld callbacks
    int finished = 0;                                            //!< tlf callbacks
    std::vector<std::pair<Ipv4Address, Ipv4Address>> negotiated; //!< "Negotiated"

    Side()
        : ipcp(CreateObject<PppIpcp>())
    {
        ipcp->SetLayerCallbacks(Callback<void>([this]() { ++up; }),
                                Callback<void>([this]() { ++down; }),
                                Callback<void>([this]() { ++finished; }));
        ipcp->TraceConnectWithoutContext(
            "Negotiated",
            Callback<void, Ipv4Address, Ipv4Address>([this](Ipv4Address local, Ipv4Address peer)
                                                     { negotiated.emplace_back(local, peer); }));
    }

    /// Configure as a Windows dial-in client: no address, asks for DNS.
    void
    Client()
    {
        ipcp->SetLocalAddress(ANY);
        ipcp->SetPeerAddress(ANY);
        ipcp->SetRequestDns(true);
    }

    /// Configure as the server: 10.0.0.1, assigns 10.0.0.2, optionally gives DNS servers.
    void
    Server(Ipv4Address primary, Ipv4Address secondary)
    {
        ipcp->SetLocalAddress(SERVER);
        ipcp->SetPeerAddress(CLIENT);
        ipcp->SetDnsServers(primary, secondary);
        ipcp->SetRequestDns(false);
    }
};

/**
 * Two IPCP instances, A (the client) and B (the server), 10 ms apart; every packet is logged
 * as "A CR IP=0.0.0.0".
 */
struct Link : PppAutomatonLink<Side, PppIpcp, &Side::ipcp>
{
    Link()
        : PppAutomatonLink(PppProtocol::IPCP, &Describe)
    {
    }
};

/// One IPCP instance whose packets are collected; the test plays the peer.
struct Probe : PppAutomatonProbe<Side, PppIpcp, &Side::ipcp>
{
    Probe()
        : PppAutomatonProbe(PppProtocol::IPCP)
    {
    }

    /// \return the last packet sent, described
    std::string
    LastDescribed() const
    {
        return Describe(PacketOf(Last()));
    }
};

} // namespace

BOOST_AUTO_TEST_SUITE(PppIpcpTest)

BOOST_AUTO_TEST_CASE(WindowsClientAgainstServer)
{
    Link link;
    link.a.Client();
    link.b.Server(DNS1, DNS2);
    link.Run();
    link.Expect({"B CR IP=10.0.0.1",
                 "A CR IP=0.0.0.0 DNS1=0.0.0.0 DNS2=0.0.0.0",
                 "A CA IP=10.0.0.1",
                 "B CN IP=10.0.0.2 DNS1=8.8.8.8 DNS2=8.8.4.4",
                 "A CR IP=10.0.0.2 DNS1=8.8.8.8 DNS2=8.8.4.4",
                 "B CA IP=10.0.0.2 DNS1=8.8.8.8 DNS2=8.8.4.4"});
    // The client's first request, byte for byte (RFC 1332 s.3.3, RFC 1877 s.1.1, s.1.3).
    BOOST_REQUIRE_GE(link.wire.size(), 2U);
    BOOST_CHECK_EQUAL(WithoutIdentifier(link.wire[1]),
                      "01000016"
                      "030600000000"
                      "810600000000"
                      "830600000000");
    // Acks and Naks carry the identifier of the request they answer.
    BOOST_CHECK_EQUAL(link.wire[2][1], link.wire[0][1]);
    BOOST_CHECK_EQUAL(link.wire[3][1], link.wire[1][1]);
    BOOST_CHECK_EQUAL(link.wire[5][1], link.wire[4][1]);

    BOOST_CHECK(link.a.ipcp->IsOpened());
    BOOST_CHECK(link.b.ipcp->IsOpened());
    BOOST_CHECK_EQUAL(link.a.up, 1);
    BOOST_CHECK_EQUAL(link.b.up, 1);
    BOOST_CHECK_EQUAL(link.a.ipcp->GetLocalAddress(), CLIENT);
    BOOST_CHECK_EQUAL(link.a.ipcp->GetPeerAddress(), SERVER);
    BOOST_CHECK_EQUAL(link.a.ipcp->GetPrimaryDns(), DNS1);
    BOOST_CHECK_EQUAL(link.a.ipcp->GetSecondaryDns(), DNS2);
    BOOST_CHECK_EQUAL(link.b.ipcp->GetLocalAddress(), SERVER);
    BOOST_CHECK_EQUAL(link.b.ipcp->GetPeerAddress(), CLIENT);
    BOOST_CHECK_EQUAL(link.b.ipcp->GetPrimaryDns(), ANY);
    BOOST_CHECK_EQUAL(link.b.ipcp->GetSecondaryDns(), ANY);
    BOOST_REQUIRE_EQUAL(link.a.negotiated.size(), 1U);
    BOOST_CHECK_EQUAL(link.a.negotiated[0].first, CLIENT);
    BOOST_CHECK_EQUAL(link.a.negotiated[0].second, SERVER);
    BOOST_REQUIRE_EQUAL(link.b.negotiated.size(), 1U);
    BOOST_CHECK_EQUAL(link.b.negotiated[0].first, SERVER);
    BOOST_CHECK_EQUAL(link.b.negotiated[0].second, CLIENT);
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(DnsNotConfigured)
{
    {
        Link link;
        link.a.Client();
        link.b.Server(ANY, ANY);
        link.Run();
        link.Expect({"B CR IP=10.0.0.1",
                     "A CR IP=0.0.0.0 DNS1=0.0.0.0 DNS2=0.0.0.0",
                     "A CA IP=10.0.0.1",
                     "B CJ DNS1=0.0.0.0 DNS2=0.0.0.0",
                     "A CR IP=0.0.0.0",
                     "B CN IP=10.0.0.2",
                     "A CR IP=10.0.0.2",
                     "B CA IP=10.0.0.2"});
        BOOST_CHECK(link.a.ipcp->IsOpened());
        BOOST_CHECK(link.b.ipcp->IsOpened());
        BOOST_CHECK_EQUAL(link.a.ipcp->GetLocalAddress(), CLIENT);
        BOOST_CHECK_EQUAL(link.a.ipcp->GetPrimaryDns(), ANY);
        BOOST_CHECK_EQUAL(link.a.ipcp->GetSecondaryDns(), ANY);
        Simulator::Destroy();
    }
    // Only a primary server: the secondary is rejected, the primary given.
    {
        Link link;
        link.a.Client();
        link.b.Server(DNS1, ANY);
        link.Run();
        link.Expect({"B CR IP=10.0.0.1",
                     "A CR IP=0.0.0.0 DNS1=0.0.0.0 DNS2=0.0.0.0",
                     "A CA IP=10.0.0.1",
                     "B CJ DNS2=0.0.0.0",
                     "A CR IP=0.0.0.0 DNS1=0.0.0.0",
                     "B CN IP=10.0.0.2 DNS1=8.8.8.8",
                     "A CR IP=10.0.0.2 DNS1=8.8.8.8",
                     "B CA IP=10.0.0.2 DNS1=8.8.8.8"});
        BOOST_CHECK_EQUAL(link.a.ipcp->GetPrimaryDns(), DNS1);
        BOOST_CHECK_EQUAL(link.a.ipcp->GetSecondaryDns(), ANY);
        Simulator::Destroy();
    }
}

BOOST_AUTO_TEST_CASE(ClientAskingForAnAddressIsNaked)
{
    Link link;
    link.a.ipcp->SetLocalAddress(Ipv4Address("10.0.0.99"));
    link.b.Server(DNS1, DNS2);
    link.Run();
    link.Expect({"B CR IP=10.0.0.1",
                 "A CR IP=10.0.0.99",
                 "A CA IP=10.0.0.1",
                 "B CN IP=10.0.0.2",
                 "A CR IP=10.0.0.2",
                 "B CA IP=10.0.0.2"});
    BOOST_CHECK_EQUAL(link.a.ipcp->GetLocalAddress(), CLIENT);
    BOOST_CHECK_EQUAL(link.b.ipcp->GetPeerAddress(), CLIENT);
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(ServerWithoutAssignmentAcceptsPeerAddress)
{
    Link link;
    link.a.ipcp->SetLocalAddress(Ipv4Address("10.0.0.7"));
    link.b.ipcp->SetLocalAddress(SERVER);
    link.Run();
    link.Expect({"B CR IP=10.0.0.1", "A CR IP=10.0.0.7", "A CA IP=10.0.0.1", "B CA IP=10.0.0.7"});
    BOOST_CHECK_EQUAL(link.b.ipcp->GetPeerAddress(), Ipv4Address("10.0.0.7"));
    BOOST_CHECK_EQUAL(link.a.ipcp->GetLocalAddress(), Ipv4Address("10.0.0.7"));
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(NobodyAssignsAnAddress)
{
    // Both ask for an address and neither can give one: each rejects the other's
    // IP-Address 0.0.0.0 and, rejected itself without an address, closes.
    Link link;
    link.Run();
    std::vector<std::string> head{
        "B CR IP=0.0.0.0", "A CR IP=0.0.0.0", "A CJ IP=0.0.0.0", "B CJ IP=0.0.0.0"};
    BOOST_REQUIRE_GE(link.log.size(), head.size());
    BOOST_CHECK_EQUAL_COLLECTIONS(
        link.log.begin(), link.log.begin() + head.size(), head.begin(), head.end());
    BOOST_CHECK(link.Logged("A TR"));
    BOOST_CHECK(link.Logged("B TR"));
    for (Side* side : {&link.a, &link.b})
    {
        BOOST_CHECK_EQUAL(side->up, 0);
        BOOST_CHECK(side->negotiated.empty());
        BOOST_CHECK(side->ipcp->GetState() == PppAutomatonState::CLOSED);
        BOOST_CHECK_GE(side->finished, 1);
        BOOST_CHECK_EQUAL(side->ipcp->GetLocalAddress(), ANY);
    }
    // The Terminate-Request says why.
    for (std::size_t i = 0; i < link.log.size(); ++i)
    {
        if (link.log[i] == "A TR")
        {
            const Bytes& tr = link.wire[i];
            BOOST_CHECK_EQUAL(std::string(tr.begin() + 4, tr.end()), "no address");
        }
    }
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(ReplayCaptureAsClient)
{
    // Our client as pptp-linux (no address, asks for DNS) against the capture's server:
    // every reply must be the capture's bytes.
    Probe client;
    client.side.Client();
    client.Start();
    BOOST_REQUIRE_EQUAL(client.out.size(), 1U);
    BOOST_CHECK_EQUAL(WithoutIdentifier(client.Last()),
                      WithoutIdentifier(FromHex(FRAME_28_CLIENT_CR)));
    uint8_t firstId = client.Last()[1];

    // The server's request with VJ compression: Rejected (frame 29).
    client.Inject(FRAME_26_SERVER_CR);
    BOOST_REQUIRE_EQUAL(client.out.size(), 2U);
    BOOST_CHECK_EQUAL(ToHex(client.Last()), FRAME_29_CLIENT_CJ);

    // The server's Nak assigns the address and the DNS servers (frame 30 -> 31).
    client.Inject(WithIdentifier(FRAME_30_SERVER_CN, firstId));
    BOOST_REQUIRE_EQUAL(client.out.size(), 3U);
    BOOST_CHECK_EQUAL(WithoutIdentifier(client.Last()),
                      WithoutIdentifier(FromHex(FRAME_31_CLIENT_CR)));
    uint8_t secondId = client.Last()[1];
    BOOST_CHECK_NE(secondId, firstId);

    // The server's request without VJ: Ack (frame 32 -> 33).
    client.Inject(FRAME_32_SERVER_CR);
    BOOST_REQUIRE_EQUAL(client.out.size(), 4U);
    BOOST_CHECK_EQUAL(ToHex(client.Last()), FRAME_33_CLIENT_CA);

    client.Inject(WithIdentifier(FRAME_34_SERVER_CA, secondId));
    BOOST_CHECK(client.side.ipcp->IsOpened());
    BOOST_CHECK_EQUAL(client.out.size(), 4U);
    BOOST_CHECK_EQUAL(client.side.ipcp->GetLocalAddress(), Ipv4Address("172.27.200.10"));
    BOOST_CHECK_EQUAL(client.side.ipcp->GetPeerAddress(), Ipv4Address("172.27.200.1"));
    BOOST_CHECK_EQUAL(client.side.ipcp->GetPrimaryDns(), Ipv4Address("172.27.0.1"));
    BOOST_CHECK_EQUAL(client.side.ipcp->GetSecondaryDns(), Ipv4Address("172.27.0.1"));
    BOOST_REQUIRE_EQUAL(client.side.negotiated.size(), 1U);
    BOOST_CHECK_EQUAL(client.side.negotiated[0].first, Ipv4Address("172.27.200.10"));
    BOOST_CHECK_EQUAL(client.side.negotiated[0].second, Ipv4Address("172.27.200.1"));
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(ReplayCaptureAsServer)
{
    // Our server configured as the capture's pptpd (without VJ) against its client.
    Probe server;
    server.side.ipcp->SetLocalAddress(Ipv4Address("172.27.200.1"));
    server.side.ipcp->SetPeerAddress(Ipv4Address("172.27.200.10"));
    server.side.ipcp->SetDnsServers(Ipv4Address("172.27.0.1"), Ipv4Address("172.27.0.1"));
    server.Start();
    BOOST_CHECK_EQUAL(WithoutIdentifier(server.Last()),
                      WithoutIdentifier(FromHex(FRAME_32_SERVER_CR)));
    uint8_t id = server.Last()[1];

    server.Inject(FRAME_28_CLIENT_CR);
    BOOST_REQUIRE_EQUAL(server.out.size(), 2U);
    BOOST_CHECK_EQUAL(ToHex(server.Last()), FRAME_30_SERVER_CN);

    server.Inject(WithIdentifier(FRAME_33_CLIENT_CA, id));
    BOOST_CHECK(server.side.ipcp->GetState() == PppAutomatonState::ACK_RCVD);

    server.Inject(FRAME_31_CLIENT_CR);
    BOOST_REQUIRE_EQUAL(server.out.size(), 3U);
    BOOST_CHECK_EQUAL(ToHex(server.Last()), FRAME_34_SERVER_CA);
    BOOST_CHECK(server.side.ipcp->IsOpened());
    BOOST_CHECK_EQUAL(server.side.ipcp->GetLocalAddress(), Ipv4Address("172.27.200.1"));
    BOOST_CHECK_EQUAL(server.side.ipcp->GetPeerAddress(), Ipv4Address("172.27.200.10"));
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(PeerOptionVerdicts)
{
    // The server's answer (10.0.0.1, assigns 10.0.0.2, DNS 8.8.8.8 / 8.8.4.4) to one
    // request of the peer, identifier 0x42.
    struct Case
    {
        const char* request; //!< the peer's request
        const char* reply;   //!< the answer expected
    };
    const Case cases[] = {
        // the assigned address: Ack
        {"0142000a03060a000002", "0242000a03060a000002"},
        // another address: Nak with the assigned one
        {"0142000a03060a000063", "0342000a03060a000002"},
        // VJ compression (as in frame 26) beside a good address: Reject VJ only
        {"014200100206002d0f0103060a000002", "0442000a0206002d0f01"},
        // deprecated IP-Addresses (type 1, length 10): Reject
        {"0142000e010a0a0000020a000001", "0442000e010a0a0000020a000001"},
        // NBNS (130, 132): Reject
        {"01420016"
         "03060a000002"
         "820600000000"
         "840600000000",
         "04420010"
         "820600000000"
         "840600000000"},
        // an unknown type (77): Reject
        {"01420010"
         "03060a000002"
         "4d06"
         "01020304",
         "0442000a"
         "4d06"
         "01020304"},
        // wrong DNS values: Nak with ours
        {"01420016"
         "03060a000002"
         "810601010101"
         "830602020202",
         "03420010"
         "810608080808"
         "830608080404"},
        // no IP-Address at all: Nak adding the assigned one (RFC 1332 s.3.3)
        {"01420004", "0342000a03060a000002"},
        // DNS only: Nak adding IP-Address and the DNS values
        {"0142000a810600000000",
         "03420010810608080808"
         "03060a000002"},
    };
    for (const Case& c : cases)
    {
        Probe probe;
        probe.side.Server(DNS1, DNS2);
        probe.Start();
        probe.Inject(c.request);
        BOOST_REQUIRE_EQUAL(probe.out.size(), 2U);
        BOOST_CHECK_MESSAGE(ToHex(probe.Last()) == c.reply,
                            "request " << c.request << ": got " << ToHex(probe.Last())
                                       << ", expected " << c.reply);
        Simulator::Destroy();
    }
}

BOOST_AUTO_TEST_CASE(PeerWithoutAssignment)
{
    // SetPeerAddress(0.0.0.0): any non-zero address is acknowledged, 0.0.0.0 rejected, an
    // empty request acknowledged.
    const std::pair<const char*, const char*> cases[] = {
        {"0142000a0306c0a80105", "0242000a0306c0a80105"},
        {"0142000a030600000000", "0442000a030600000000"},
        {"01420004", "02420004"},
    };
    for (const auto& c : cases)
    {
        Probe probe;
        probe.side.ipcp->SetLocalAddress(SERVER);
        probe.Start();
        probe.Inject(c.first);
        BOOST_REQUIRE_EQUAL(probe.out.size(), 2U);
        BOOST_CHECK_EQUAL(ToHex(probe.Last()), c.second);
        Simulator::Destroy();
    }
}

BOOST_AUTO_TEST_CASE(OurRequestAfterNakAndReject)
{
    // With an address of our own, a Reject of IP-Address drops the option and IPCP opens
    // with the configured address.
    {
        Probe probe;
        probe.side.ipcp->SetLocalAddress(SERVER);
        probe.Start();
        BOOST_CHECK_EQUAL(probe.LastDescribed(), "CR IP=10.0.0.1");
        probe.Inject(WithIdentifier("0400000a03060a000001", probe.Last()[1]));
        BOOST_REQUIRE_EQUAL(probe.out.size(), 2U);
        BOOST_CHECK_EQUAL(probe.LastDescribed(), "CR");
        probe.Inject(WithIdentifier("02000004", probe.Last()[1]));
        probe.Inject("0107000a03060a000002");
        BOOST_CHECK_EQUAL(ToHex(probe.Last()), "0207000a03060a000002");
        BOOST_CHECK(probe.side.ipcp->IsOpened());
        BOOST_CHECK_EQUAL(probe.side.ipcp->GetLocalAddress(), SERVER);
        BOOST_CHECK_EQUAL(probe.side.ipcp->GetPeerAddress(), CLIENT);
        Simulator::Destroy();
    }
    // Without an address, the same Reject closes IPCP ("no address").
    {
        Probe probe;
        probe.side.Client();
        probe.Start();
        probe.Inject(WithIdentifier("0400000a030600000000", probe.Last()[1]));
        Simulator::Stop(MilliSeconds(1));
        Simulator::Run();
        BOOST_CHECK(probe.side.ipcp->GetState() == PppAutomatonState::CLOSING);
        BOOST_CHECK_EQUAL(probe.LastDescribed(), "TR");
        Simulator::Destroy();
    }
    // A Nak of 0.0.0.0, and DNS values we did not ask for, change nothing.
    {
        Probe probe;
        probe.side.ipcp->SetLocalAddress(Ipv4Address("10.0.0.5"));
        probe.Start();
        probe.Inject(WithIdentifier("03000010030600000000810608080808", probe.Last()[1]));
        BOOST_REQUIRE_EQUAL(probe.out.size(), 2U);
        BOOST_CHECK_EQUAL(probe.LastDescribed(), "CR IP=10.0.0.5");
        Simulator::Destroy();
    }
    // Rejected DNS options leave the request one by one.
    {
        Probe probe;
        probe.side.Client();
        probe.Start();
        probe.Inject(WithIdentifier("0400000a830600000000", probe.Last()[1]));
        BOOST_CHECK_EQUAL(probe.LastDescribed(), "CR IP=0.0.0.0 DNS1=0.0.0.0");
        probe.Inject(WithIdentifier("0400000a810600000000", probe.Last()[1]));
        BOOST_CHECK_EQUAL(probe.LastDescribed(), "CR IP=0.0.0.0");
        Simulator::Destroy();
    }
}

BOOST_AUTO_TEST_CASE(RenegotiationStartsAfresh)
{
    // After the Nak moved our request to the assigned address, a Down/Up starts again from
    // the configuration (0.0.0.0 and DNS 0.0.0.0).
    Probe probe;
    probe.side.Client();
    probe.Start();
    probe.Inject(WithIdentifier(FRAME_30_SERVER_CN, probe.Last()[1]));
    BOOST_CHECK_EQUAL(probe.LastDescribed(), "CR IP=172.27.200.10 DNS1=172.27.0.1 DNS2=172.27.0.1");
    probe.side.ipcp->Down();
    probe.side.ipcp->Up();
    BOOST_CHECK_EQUAL(probe.LastDescribed(), "CR IP=0.0.0.0 DNS1=0.0.0.0 DNS2=0.0.0.0");
    Simulator::Destroy();
}

BOOST_AUTO_TEST_SUITE_END()
