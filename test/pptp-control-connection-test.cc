/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Control connections and calls over real ns-3 TCP between simulated nodes (RFC 2637 s.3).

#include "pptp-call.h"
#include "pptp-client-helper.h"
#include "pptp-client.h"
#include "pptp-control-connection.h"
#include "pptp-server-helper.h"
#include "pptp-server.h"
#include "pptp-test-util.h"

#include "ns3/double.h"
#include "ns3/error-model.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <boost/test/unit_test.hpp>
#include <vector>

using namespace ns3;

namespace ns3
{
// Printer for Boost.Test messages.
static std::ostream&
operator<<(std::ostream& os, PptpGeneralError v)
{
    return os << PptpGeneralErrorName(v);
}
} // namespace ns3

namespace
{

/// One message seen on a trace source.
struct Seen
{
    double time;                //!< seconds
    PptpControlMessage message; //!< the message
};

/// Messages seen on a Tx or Rx trace.
struct MessageLog
{
    std::vector<Seen> seen; //!< in order

    /// \return a callback that appends to this log
    Callback<void, const PptpControlMessage&>
    Sink()
    {
        return Callback<void, const PptpControlMessage&>(
            [this](const PptpControlMessage& m) {
                seen.push_back({Simulator::Now().GetSeconds(), m});
            });
    }

    /// \return the Control Message Types in order
    std::vector<int>
    Types() const
    {
        std::vector<int> types;
        for (const auto& s : seen)
        {
            types.push_back(static_cast<int>(s.message.GetMessageType()));
        }
        return types;
    }

    /// \return the first message of type T, or nullptr
    template <class T>
    const T*
    First() const
    {
        for (const auto& s : seen)
        {
            if (const T* b = s.message.GetBody<T>())
            {
                return b;
            }
        }
        return nullptr;
    }

    /// \return how many messages of type T
    template <class T>
    int
    Count() const
    {
        int n = 0;
        for (const auto& s : seen)
        {
            n += s.message.Is<T>() ? 1 : 0;
        }
        return n;
    }
};

/// Two nodes (10.1.1.1 and 10.1.1.2) on a point-to-point link.
struct Pair
{
    NodeContainer nodes;     //!< client node 0, server node 1
    NetDeviceContainer devs; //!< the link's devices

    Pair()
    {
        Simulator::Destroy();
        nodes.Create(2);
        PointToPointHelper p2p;
        p2p.SetDeviceAttribute("DataRate", StringValue("10Mbps"));
        p2p.SetChannelAttribute("Delay", StringValue("2ms"));
        devs = p2p.Install(nodes);
        InternetStackHelper stack;
        stack.Install(nodes);
        Ipv4AddressHelper addresses("10.1.1.0", "255.255.255.0");
        addresses.Assign(devs);
    }

    ~Pair()
    {
        Simulator::Destroy();
    }

    /// Make the link drop every packet from now on.
    void
    Break()
    {
        for (uint32_t i = 0; i < devs.GetN(); ++i)
        {
            Ptr<RateErrorModel> em = CreateObject<RateErrorModel>();
            em->SetUnit(RateErrorModel::ERROR_UNIT_PACKET);
            em->SetRate(1.0);
            devs.Get(i)->SetAttribute("ReceiveErrorModel", PointerValue(em));
        }
    }
};

Ptr<PptpServer>
InstallServer(Ptr<Node> node, uint32_t maxCalls = 100, uint32_t maxConnections = 100)
{
    PptpServerHelper helper;
    helper.SetAttribute("MaxCalls", UintegerValue(maxCalls));
    helper.SetAttribute("MaxControlConnections", UintegerValue(maxConnections));
    ApplicationContainer apps = helper.Install(node);
    apps.Start(Seconds(0.5));
    return DynamicCast<PptpServer>(apps.Get(0));
}

Ptr<PptpClient>
InstallClient(Ptr<Node> node, Ipv4Address server, double start, double duration)
{
    PptpClientHelper helper(server);
    helper.SetAttribute("CallDuration", TimeValue(Seconds(duration)));
    ApplicationContainer apps = helper.Install(node);
    apps.Start(Seconds(start));
    return DynamicCast<PptpClient>(apps.Get(0));
}

PptpControlMessage
RawCcrq(uint16_t callId)
{
    PptpCallClearRequest b;
    b.callId = callId;
    return PptpControlMessage(b);
}

} // namespace

BOOST_AUTO_TEST_SUITE(PptpControlConnectionTest)

BOOST_AUTO_TEST_CASE(setup_hold_clear_stop_message_by_message)
{
    Pair net;
    Ptr<PptpServer> server = InstallServer(net.nodes.Get(1));
    Ptr<PptpClient> client = InstallClient(net.nodes.Get(0), Ipv4Address("10.1.1.2"), 1.0, 5.0);
    MessageLog clientTx;
    MessageLog serverTx;
    MessageLog all;
    client->TraceConnectWithoutContext("Tx", clientTx.Sink());
    server->TraceConnectWithoutContext("Tx", serverTx.Sink());
    client->TraceConnectWithoutContext("Tx", all.Sink());
    server->TraceConnectWithoutContext("Tx", all.Sink());
    std::vector<uint16_t> est;
    client->TraceConnectWithoutContext(
        "CallEstablished",
        Callback<void, uint16_t, uint16_t, uint16_t, uint16_t, uint16_t>(
            [&est](uint16_t l, uint16_t p, uint16_t lw, uint16_t pw, uint16_t pd) {
                est = {l, p, lw, pw, pd};
            }));
    std::vector<PptpCallClearReason> clientCleared;
    client->TraceConnectWithoutContext(
        "CallCleared",
        Callback<void, uint16_t, PptpCallClearReason, uint8_t>(
            [&clientCleared](uint16_t, PptpCallClearReason r, uint8_t result)
            {
                clientCleared.push_back(r);
                BOOST_TEST(result == 4); // CDN Result Code 4: Call-Clear-Request received
            }));
    std::vector<PptpControlConnectionState> serverStates;
    server->TraceConnectWithoutContext(
        "ControlState",
        Callback<void, PptpControlConnectionState, PptpControlConnectionState>(
            [&serverStates](PptpControlConnectionState, PptpControlConnectionState n)
            { serverStates.push_back(n); }));

    Simulator::Stop(Seconds(3));
    Simulator::Run();
    // Mid-call: both sides established, one call on the server.
    BOOST_TEST(client->GetControlConnection()->GetState()
               == PptpControlConnectionState::ESTABLISHED);
    BOOST_TEST(client->GetCall()->GetState() == PptpCallState::ESTABLISHED);
    BOOST_TEST(server->GetCallCount() == 1U);
    BOOST_TEST(server->GetControlConnectionCount() == 1U);
    Ptr<PptpControlConnection> sc = server->GetControlConnections().at(0);
    BOOST_TEST((sc->GetRole() == PptpControlRole::RECEIVER));
    BOOST_TEST(sc->GetPeerAddress() == Ipv4Address("10.1.1.1"));
    BOOST_TEST(sc->GetPeerVendorName() == "ns-3 pptp");
    BOOST_TEST(sc->GetPeerProtocolVersion() == 0x0100);

    Simulator::Stop(Seconds(10));
    Simulator::Run();

    std::vector<int> sequence{1, 2, 7, 8, 12, 13, 3, 4};
    BOOST_TEST(all.Types() == sequence, boost::test_tools::per_element());
    std::vector<int> ctx{1, 7, 12, 3};
    BOOST_TEST(clientTx.Types() == ctx, boost::test_tools::per_element());

    const auto* ocrq = clientTx.First<PptpOutgoingCallRequest>();
    const auto* ocrp = serverTx.First<PptpOutgoingCallReply>();
    BOOST_REQUIRE(ocrq && ocrp);
    BOOST_TEST(ocrp->peersCallId == ocrq->callId);
    BOOST_TEST(ocrp->packetRecvWindowSize == 64);
    BOOST_TEST(ocrq->packetRecvWindowSize == 64);
    BOOST_TEST(ocrq->minimumBps == 2400U);
    BOOST_TEST(ocrp->connectSpeed == 10000000U);
    BOOST_TEST(static_cast<int>(ocrp->resultCode) == 1);
    const auto* sccrp = serverTx.First<PptpStartControlConnectionReply>();
    BOOST_REQUIRE(sccrp);
    BOOST_TEST(static_cast<int>(sccrp->resultCode) == 1);
    BOOST_TEST(sccrp->maximumChannels == 100);
    const auto* cdn = serverTx.First<PptpCallDisconnectNotify>();
    BOOST_REQUIRE(cdn);
    BOOST_TEST(cdn->callId == ocrp->callId);
    BOOST_TEST(static_cast<int>(cdn->resultCode) == 4);

    BOOST_REQUIRE(est.size() == 5U);
    BOOST_TEST(est[0] == ocrq->callId);
    BOOST_TEST(est[1] == ocrp->callId);
    BOOST_TEST(est[3] == 64);
    BOOST_TEST(clientCleared.size() == 1U);
    BOOST_TEST(clientCleared.at(0) == PptpCallClearReason::LOCAL_CLEAR);

    // The call was cleared 5 s after it came up, then the Stop exchange closed TCP.
    BOOST_TEST(all.seen.at(4).time > 5.9);
    BOOST_TEST(all.seen.at(4).time < 6.2);
    BOOST_TEST(client->GetControlConnection()->GetState() == PptpControlConnectionState::IDLE);
    BOOST_TEST(client->GetControlConnection()->GetCloseReason()
               == PptpControlCloseReason::STOP_COMPLETED);
    BOOST_TEST(sc->GetCloseReason() == PptpControlCloseReason::STOP_COMPLETED);
    std::vector<PptpControlConnectionState> states{PptpControlConnectionState::WAIT_CTL_REQUEST,
                                                   PptpControlConnectionState::ESTABLISHED,
                                                   PptpControlConnectionState::IDLE};
    BOOST_TEST(serverStates == states, boost::test_tools::per_element());
    BOOST_TEST(server->GetCallCount() == 0U);
    BOOST_TEST(server->GetControlConnectionCount() == 0U);
    BOOST_TEST(server->GetEstablishedCalls() == 1U);
    BOOST_TEST(sc->GetMalformedMessages() == 0U);
    BOOST_TEST(sc->GetUnexpectedMessages() == 0U);
    // Call IDs are given back.
    BOOST_TEST(net.nodes.Get(1)->GetObject<PptpCallIdAllocator>()->GetInUseCount() == 0U);
    BOOST_TEST(net.nodes.Get(0)->GetObject<PptpCallIdAllocator>()->GetInUseCount() == 0U);
}

BOOST_AUTO_TEST_CASE(two_calls_on_one_connection_and_call_limit)
{
    Pair net;
    Ptr<PptpServer> server = InstallServer(net.nodes.Get(1), 2);
    Ptr<PptpClient> client = InstallClient(net.nodes.Get(0), Ipv4Address("10.1.1.2"), 1.0, 0);
    MessageLog serverTx;
    server->TraceConnectWithoutContext("Tx", serverTx.Sink());
    std::vector<Ptr<PptpCall>> extra;
    auto place = [&client, &extra]()
    {
        PptpOutgoingCallRequest r;
        r.bearerType = PptpBearerType::EITHER;
        r.framingType = PptpFramingType::EITHER;
        extra.push_back(client->GetControlConnection()->PlaceOutgoingCall(r, 32, 0));
    };
    Simulator::Schedule(Seconds(2), place);
    Simulator::Schedule(Seconds(3), place); // the third call: over MaxCalls = 2
    Simulator::Stop(Seconds(4));
    Simulator::Run();

    Ptr<PptpControlConnection> cc = client->GetControlConnection();
    BOOST_TEST(cc->GetCallCount() == 2U);
    BOOST_TEST(server->GetCallCount() == 2U);
    BOOST_REQUIRE(extra.size() == 2U);
    BOOST_TEST(extra[0]->GetState() == PptpCallState::ESTABLISHED);
    BOOST_TEST(extra[0]->GetLocalCallId() != client->GetCall()->GetLocalCallId());
    BOOST_TEST(extra[0]->GetPeerCallId() != client->GetCall()->GetPeerCallId());
    BOOST_TEST(extra[1]->IsCleared());
    BOOST_TEST(extra[1]->GetClearReason() == PptpCallClearReason::REFUSED_BY_PEER);
    BOOST_TEST(extra[1]->GetClearResultCode() == 2); // General Error
    BOOST_TEST(extra[1]->GetClearErrorCode() == PptpGeneralError::NO_RESOURCE);
    BOOST_TEST(server->GetRefusedCalls() == 1U);
    BOOST_TEST(serverTx.Count<PptpOutgoingCallReply>() == 3);

    // Clear the second call: CCRQ -> CDN; the first stays up.
    BOOST_TEST(cc->ClearCall(extra[0]->GetLocalCallId()));
    Simulator::Stop(Seconds(1));
    Simulator::Run();
    BOOST_TEST(extra[0]->IsCleared());
    BOOST_TEST(extra[0]->GetClearReason() == PptpCallClearReason::LOCAL_CLEAR);
    BOOST_TEST(cc->GetCallCount() == 1U);
    BOOST_TEST(server->GetCallCount() == 1U);
    BOOST_TEST(client->GetCall()->GetState() == PptpCallState::ESTABLISHED);
    BOOST_TEST(cc->GetState() == PptpControlConnectionState::ESTABLISHED);
    BOOST_TEST(serverTx.Count<PptpCallDisconnectNotify>() == 1);

    // Unexpected requests get the reply with the General Error of RFC 2637 s.2.16.
    MessageLog clientRx;
    client->TraceConnectWithoutContext("Rx", clientRx.Sink());
    cc->SendRaw(RawCcrq(999));
    cc->SendRaw(PptpControlMessage(PptpStartControlConnectionRequest()));
    Simulator::Stop(Seconds(1));
    Simulator::Run();
    const auto* cdn = clientRx.First<PptpCallDisconnectNotify>();
    BOOST_REQUIRE(cdn);
    BOOST_TEST(static_cast<int>(cdn->resultCode) == 2);
    BOOST_TEST(cdn->errorCode == PptpGeneralError::BAD_CALL_ID);
    const auto* sccrp = clientRx.First<PptpStartControlConnectionReply>();
    BOOST_REQUIRE(sccrp);
    BOOST_TEST(static_cast<int>(sccrp->resultCode) == 3); // Channel exists
    BOOST_TEST(server->GetControlConnections().at(0)->GetUnexpectedMessages() == 2U);

    // Stopping the application stops the connection and clears the remaining call.
    client->SetStopTime(Seconds(0));
    client->StopControlConnection(PptpStopReason::STOP_LOCAL_SHUTDOWN);
    Simulator::Stop(Seconds(1));
    Simulator::Run();
    BOOST_TEST(cc->GetState() == PptpControlConnectionState::IDLE);
    BOOST_TEST(server->GetCallCount() == 0U);
    BOOST_TEST(server->GetClearedCalls() == 2U);
}

BOOST_AUTO_TEST_CASE(control_connection_limit)
{
    Simulator::Destroy();
    NodeContainer clients(2);
    NodeContainer serverNode(1);
    InternetStackHelper stack;
    stack.Install(clients);
    stack.Install(serverNode);
    PointToPointHelper p2p;
    Ipv4AddressHelper addresses;
    std::vector<Ipv4Address> serverAddresses;
    for (uint32_t i = 0; i < 2; ++i)
    {
        NetDeviceContainer d = p2p.Install(clients.Get(i), serverNode.Get(0));
        std::string base = "10.0." + std::to_string(i + 1) + ".0";
        addresses.SetBase(base.c_str(), "255.255.255.0");
        serverAddresses.push_back(addresses.Assign(d).GetAddress(1));
    }
    Ptr<PptpServer> server = InstallServer(serverNode.Get(0), 100, 1);
    Ptr<PptpClient> first = InstallClient(clients.Get(0), serverAddresses[0], 1.0, 0);
    Ptr<PptpClient> second = InstallClient(clients.Get(1), serverAddresses[1], 2.0, 0);
    MessageLog secondRx;
    second->TraceConnectWithoutContext("Rx", secondRx.Sink());
    Simulator::Stop(Seconds(4));
    Simulator::Run();
    BOOST_TEST(first->GetCall()->GetState() == PptpCallState::ESTABLISHED);
    BOOST_TEST(second->GetControlConnection()->GetCloseReason()
               == PptpControlCloseReason::START_REFUSED);
    const auto* sccrp = secondRx.First<PptpStartControlConnectionReply>();
    BOOST_REQUIRE(sccrp);
    BOOST_TEST(static_cast<int>(sccrp->resultCode) == 2);
    BOOST_TEST(sccrp->errorCode == PptpGeneralError::NO_RESOURCE);
    BOOST_TEST(server->GetRefusedControlConnections() == 1U);
    BOOST_TEST(server->GetControlConnectionCount() == 1U);
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(sccrq_collision)
{
    Pair net;
    // Each node runs a server and a client to the other; both originate at the same time.
    Ptr<PptpServer> serverA = InstallServer(net.nodes.Get(0));
    Ptr<PptpServer> serverB = InstallServer(net.nodes.Get(1));
    Ptr<PptpClient> clientA = InstallClient(net.nodes.Get(0), Ipv4Address("10.1.1.2"), 1.0, 0);
    Ptr<PptpClient> clientB = InstallClient(net.nodes.Get(1), Ipv4Address("10.1.1.1"), 1.0, 0);
    MessageLog aTx;
    MessageLog bTx;
    serverA->TraceConnectWithoutContext("Tx", aTx.Sink());
    serverB->TraceConnectWithoutContext("Tx", bTx.Sink());
    Simulator::Stop(Seconds(3));
    Simulator::Run();
    // 10.1.1.1 loses: it closes the connection it opened and answers the winner's SCCRQ.
    BOOST_TEST(clientA->GetControlConnection()->GetCloseReason()
               == PptpControlCloseReason::COLLISION);
    BOOST_TEST(clientB->GetControlConnection()->GetState()
               == PptpControlConnectionState::ESTABLISHED);
    BOOST_TEST(clientB->GetCall()->GetState() == PptpCallState::ESTABLISHED);
    BOOST_TEST(aTx.Count<PptpStartControlConnectionReply>() == 1);
    // The winner sends nothing on the loser's connection, which the loser then closes.
    BOOST_TEST(bTx.seen.empty());
    BOOST_TEST(serverB->GetControlConnectionCount() == 0U);
    BOOST_TEST(serverA->GetControlConnectionCount() == 1U);
    BOOST_TEST(serverA->GetCallCount() == 1U);
}

BOOST_AUTO_TEST_CASE(echo_keepalive_and_link_failure)
{
    Pair net;
    PptpServerHelper sh;
    sh.SetAttribute("EchoInterval", TimeValue(Seconds(10)));
    sh.SetAttribute("EchoTimeout", TimeValue(Seconds(5)));
    Ptr<PptpServer> server = DynamicCast<PptpServer>(sh.Install(net.nodes.Get(1)).Get(0));
    PptpClientHelper ch(Ipv4Address("10.1.1.2"));
    ch.SetAttribute("EchoInterval", TimeValue(Seconds(10)));
    ch.SetAttribute("EchoTimeout", TimeValue(Seconds(5)));
    ApplicationContainer apps = ch.Install(net.nodes.Get(0));
    apps.Start(Seconds(1));
    Ptr<PptpClient> client = DynamicCast<PptpClient>(apps.Get(0));
    MessageLog clientRx;
    MessageLog serverRx;
    client->TraceConnectWithoutContext("Rx", clientRx.Sink());
    server->TraceConnectWithoutContext("Rx", serverRx.Sink());
    std::vector<PptpCallClearReason> serverCleared;
    server->TraceConnectWithoutContext(
        "CallCleared",
        Callback<void, uint16_t, PptpCallClearReason, uint8_t>(
            [&serverCleared](uint16_t, PptpCallClearReason r, uint8_t)
            { serverCleared.push_back(r); }));

    Simulator::Stop(Seconds(40));
    Simulator::Run();
    // Idle for 10 s: Echo-Requests answered; everything stays up.
    BOOST_TEST(clientRx.Count<PptpEchoReply>() + serverRx.Count<PptpEchoReply>() >= 2);
    BOOST_TEST(clientRx.Count<PptpEchoRequest>() + serverRx.Count<PptpEchoRequest>() >= 2);
    const auto* reply = clientRx.First<PptpEchoReply>();
    if (reply)
    {
        BOOST_TEST(static_cast<int>(reply->resultCode) == 1);
    }
    Ptr<PptpControlConnection> cc = client->GetControlConnection();
    BOOST_TEST(cc->GetState() == PptpControlConnectionState::ESTABLISHED);
    BOOST_TEST(server->GetCallCount() == 1U);
    uint64_t echoes = cc->GetEchoRequestsSent();

    // The link goes down: the next echo is not answered; both ends close and clear the call.
    net.Break();
    Simulator::Stop(Seconds(20));
    Simulator::Run();
    BOOST_TEST(cc->GetEchoRequestsSent() == echoes + 1);
    BOOST_TEST(cc->GetState() == PptpControlConnectionState::IDLE);
    BOOST_TEST(cc->GetCloseReason() == PptpControlCloseReason::ECHO_TIMEOUT);
    BOOST_TEST(client->GetCall()->GetClearReason()
               == PptpCallClearReason::CONTROL_CONNECTION_CLOSED);
    BOOST_TEST(server->GetControlConnectionCount() == 0U);
    BOOST_TEST(server->GetCallCount() == 0U);
    BOOST_REQUIRE(serverCleared.size() == 1U);
    BOOST_TEST(serverCleared[0] == PptpCallClearReason::CONTROL_CONNECTION_CLOSED);
}

BOOST_AUTO_TEST_CASE(garbage_and_malformed_messages)
{
    struct Case
    {
        pptptest::Bytes bytes;      // what the client injects
        WireError error;            // what the server reports
        int stopReason;             // Reason of the server's StopCCRQ
        PptpControlCloseReason end; // how the server's connection ends
    };

    std::vector<Case> cases{
        // Bad Magic Cookie: the stream lost sync -> Stop, then TCP close.
        {pptptest::FromHex("0010 0001 deadbeef 0005 0000 00000001"),
         WireError::BAD_MAGIC,
         1,
         PptpControlCloseReason::MALFORMED_MESSAGE},
        // A truncated SCCRQ (Length 12 instead of 156): consumed, stream in sync -> Stop.
        {pptptest::PptpHeaderBytes(12, 1),
         WireError::BAD_LENGTH,
         1,
         PptpControlCloseReason::STOP_COMPLETED},
        // An unknown Control Message Type: Stop with reason Stop-Protocol.
        {[]
         {
             pptptest::Bytes b = pptptest::PptpHeaderBytes(16, 99);
             b.resize(16, 0);
             return b;
         }(),
         WireError::UNKNOWN_TYPE,
         2,
         PptpControlCloseReason::STOP_COMPLETED},
    };
    for (const auto& c : cases)
    {
        Pair net;
        Ptr<PptpServer> server = InstallServer(net.nodes.Get(1));
        Ptr<PptpClient> client = InstallClient(net.nodes.Get(0), Ipv4Address("10.1.1.2"), 1.0, 0);
        std::vector<WireError> errors;
        server->TraceConnectWithoutContext(
            "MalformedMessage",
            Callback<void, WireError>([&errors](WireError e) { errors.push_back(e); }));
        MessageLog clientRx;
        client->TraceConnectWithoutContext("Rx", clientRx.Sink());
        Simulator::Schedule(
            Seconds(3),
            [&client, &c]()
            { client->GetControlConnection()->SendRawBytes(c.bytes.data(), c.bytes.size()); });
        Simulator::Stop(Seconds(3));
        Simulator::Run();
        Ptr<PptpControlConnection> sc = server->GetControlConnections().at(0);
        Simulator::Stop(Seconds(5));
        Simulator::Run();
        BOOST_REQUIRE(errors.size() == 1U);
        BOOST_TEST(errors[0] == c.error);
        BOOST_TEST(sc->GetMalformedMessages() == 1U);
        const auto* stop = clientRx.First<PptpStopControlConnectionRequest>();
        BOOST_REQUIRE(stop);
        BOOST_TEST(static_cast<int>(stop->reason) == c.stopReason);
        BOOST_TEST(sc->GetCloseReason() == c.end);
        BOOST_TEST(sc->GetState() == PptpControlConnectionState::IDLE);
        BOOST_TEST(client->GetControlConnection()->GetState() == PptpControlConnectionState::IDLE);
        BOOST_TEST(server->GetCallCount() == 0U);
        // The client's call was cleared before the Stop (CDN from the PAC).
        BOOST_TEST(client->GetCall()->IsCleared());
    }
}

BOOST_AUTO_TEST_SUITE_END()
