/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Control connections and calls over real ns-3 TCP between simulated nodes (RFC 2637 s.3).

#include "pptp-call-id-allocator.h"
#include "pptp-call.h"
#include "pptp-client-helper.h"
#include "pptp-client.h"
#include "pptp-control-connection.h"
#include "pptp-control-stream-reassembler.h"
#include "pptp-server-helper.h"
#include "pptp-server.h"
#include "pptp-test-util.h"

#include "ns3/boolean.h"
#include "ns3/config.h"
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
#include "ns3/tcp-socket-factory.h"
#include "ns3/uinteger.h"

#include <boost/test/unit_test.hpp>
#include <iostream>
#include <sstream>
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

// Printer for Boost.Test messages.
static std::ostream&
operator<<(std::ostream& os, PptpBearerType v)
{
    return os << PptpBearerTypeName(v);
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

/// A bare TCP peer that sends chosen PPTP messages and decodes what comes back.
struct RawPeer
{
    Ptr<Socket> socket;                   //!< the TCP socket
    std::vector<PptpControlMessage> rx;   //!< decoded messages received
    PptpControlStreamReassembler stream;  //!< cuts the byte stream
    bool closedByPeer{false};             //!< the peer closed TCP
    std::vector<PptpControlMessage> send; //!< sent once connected

    /// Connect from a node to a server address.
    void
    Connect(Ptr<Node> node, Address server)
    {
        socket = Socket::CreateSocket(node, TcpSocketFactory::GetTypeId());
        socket->Bind();
        socket->SetConnectCallback(Callback<void, Ptr<Socket>>(
                                       [this](Ptr<Socket>)
                                       {
                                           for (const auto& m : send)
                                           {
                                               Send(m);
                                           }
                                       }),
                                   MakeNullCallback<void, Ptr<Socket>>());
        socket->SetRecvCallback(Callback<void, Ptr<Socket>>(
            [this](Ptr<Socket> s)
            {
                while (Ptr<Packet> p = s->Recv())
                {
                    if (p->GetSize() == 0)
                    {
                        break;
                    }
                    stream.Push(p);
                    PptpControlMessage m;
                    WireError e;
                    while (stream.Pop(m, e))
                    {
                        BOOST_TEST(e == WireError::NONE);
                        rx.push_back(m);
                    }
                }
            }));
        socket->SetCloseCallbacks(
            Callback<void, Ptr<Socket>>([this](Ptr<Socket>) { closedByPeer = true; }),
            Callback<void, Ptr<Socket>>([this](Ptr<Socket>) { closedByPeer = true; }));
        socket->Connect(server);
    }

    /// Send one message.
    void
    Send(const PptpControlMessage& m)
    {
        Ptr<Packet> p = Create<Packet>();
        p->AddHeader(m);
        socket->Send(p);
    }

    /// \return the first received message of type T, or nullptr
    template <class T>
    const T*
    First() const
    {
        for (const auto& m : rx)
        {
            if (const T* b = m.GetBody<T>())
            {
                return b;
            }
        }
        return nullptr;
    }
};

/// Calls seen on a CallCleared trace.
struct ClearLog
{
    std::vector<uint16_t> ids;                //!< local Call IDs
    std::vector<PptpCallClearReason> reasons; //!< causes
    std::vector<int> results;                 //!< result codes

    /// \return a callback that appends to this log
    Callback<void, uint16_t, PptpCallClearReason, uint8_t>
    Sink()
    {
        return Callback<void, uint16_t, PptpCallClearReason, uint8_t>(
            [this](uint16_t id, PptpCallClearReason r, uint8_t result)
            {
                ids.push_back(id);
                reasons.push_back(r);
                results.push_back(result);
            });
    }
};

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
    // NewConnection reports each accepted connection, the refused one too, with its own traces.
    std::vector<Ptr<PptpControlConnection>> accepted;
    std::vector<uint32_t> sccrqsPerConnection;
    server->TraceConnectWithoutContext(
        "NewConnection",
        Callback<void, Ptr<PptpControlConnection>>(
            [&accepted, &sccrqsPerConnection](Ptr<PptpControlConnection> c)
            {
                std::size_t index = accepted.size();
                accepted.push_back(c);
                sccrqsPerConnection.push_back(0);
                c->TraceConnectWithoutContext(
                    "Rx",
                    Callback<void, const PptpControlMessage&>(
                        [&sccrqsPerConnection, index](const PptpControlMessage& m) {
                            sccrqsPerConnection[index] += m.Is<PptpStartControlConnectionRequest>();
                        }));
            }));
    Simulator::Stop(Seconds(4));
    Simulator::Run();
    BOOST_REQUIRE(accepted.size() == 2U);
    BOOST_TEST(accepted[0]->GetPeerAddress()
               == clients.Get(0)->GetObject<Ipv4>()->GetAddress(1, 0).GetLocal());
    BOOST_TEST(accepted[1]->GetPeerAddress()
               == clients.Get(1)->GetObject<Ipv4>()->GetAddress(1, 0).GetLocal());
    BOOST_TEST(sccrqsPerConnection == std::vector<uint32_t>({1, 1}),
               boost::test_tools::per_element());
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
    // Control plane only: without a data channel PPP would give up on the silent server
    // (no TunnelAddress) after Max-Configure and the client would clear the call.
    ch.SetAttribute("DataChannel", BooleanValue(false));
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
        // A truncated SCCRQ (Length 12 instead of 156): consumed, stream in sync -> Stop; the
        // connection still ends as MALFORMED_MESSAGE once the Stop exchange completes.
        {pptptest::PptpHeaderBytes(12, 1),
         WireError::BAD_LENGTH,
         1,
         PptpControlCloseReason::MALFORMED_MESSAGE},
        // An unknown Control Message Type: Stop with reason Stop-Protocol.
        {[]
         {
             pptptest::Bytes b = pptptest::PptpHeaderBytes(16, 99);
             b.resize(16, 0);
             return b;
         }(),
         WireError::UNKNOWN_TYPE,
         2,
         PptpControlCloseReason::MALFORMED_MESSAGE},
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

BOOST_AUTO_TEST_CASE(incoming_call_placed_by_the_pac)
{
    Pair net;
    Ptr<PptpServer> server = InstallServer(net.nodes.Get(1));
    PptpClientHelper ch(Ipv4Address("10.1.1.2"));
    ch.SetAttribute("ReceiveWindow", UintegerValue(20));
    ch.SetAttribute("PacketProcessingDelay", UintegerValue(3));
    ApplicationContainer apps = ch.Install(net.nodes.Get(0));
    apps.Start(Seconds(1));
    Ptr<PptpClient> client = DynamicCast<PptpClient>(apps.Get(0));
    MessageLog all;
    client->TraceConnectWithoutContext("Tx", all.Sink());
    server->TraceConnectWithoutContext("Tx", all.Sink());
    std::vector<std::vector<uint16_t>> serverUp;
    std::vector<std::vector<uint16_t>> clientUp;
    auto upSink = [](std::vector<std::vector<uint16_t>>* log)
    {
        return Callback<void, uint16_t, uint16_t, uint16_t, uint16_t, uint16_t>(
            [log](uint16_t l, uint16_t p, uint16_t lw, uint16_t pw, uint16_t pd) {
                log->push_back({l, p, lw, pw, pd});
            });
    };
    server->TraceConnectWithoutContext("CallEstablished", upSink(&serverUp));
    client->TraceConnectWithoutContext("CallEstablished", upSink(&clientUp));
    ClearLog clientCleared;
    client->TraceConnectWithoutContext("CallCleared", clientCleared.Sink());
    Simulator::Stop(Seconds(2));
    Simulator::Run();
    BOOST_REQUIRE(serverUp.size() == 1U); // the client's own outgoing call
    Ptr<PptpControlConnection> sc = server->GetControlConnections().at(0);
    Ptr<PptpControlConnection> cc = client->GetControlConnection();
    std::size_t before = all.seen.size();

    // A PNS cannot place an incoming call, a PAC can.
    BOOST_TEST(!cc->PlaceIncomingCall(PptpIncomingCallRequest(), 8, 0));
    PptpIncomingCallRequest icrq;
    icrq.callBearerType = PptpBearerType::DIGITAL;
    icrq.physicalChannelId = 7;
    icrq.dialedNumberLength = 7;
    PptpSetText(icrq.dialedNumber, "5551234");
    Ptr<PptpCall> pac = sc->PlaceIncomingCall(icrq, 16, 2);
    BOOST_REQUIRE(pac);
    BOOST_TEST(pac->GetState() == PptpCallState::WAIT_REPLY);
    BOOST_TEST(server->GetCallCount() == 2U);
    Simulator::Stop(Seconds(1));
    Simulator::Run();

    // ICRQ (PAC), ICRP (PNS), ICCN (PAC), nothing else.
    std::vector<int> sequence{9, 10, 11};
    std::vector<int> types = all.Types();
    std::vector<int> tail(types.begin() + before, types.end());
    BOOST_TEST(tail == sequence, boost::test_tools::per_element());
    const auto* sent = all.First<PptpIncomingCallRequest>();
    const auto* icrp = all.First<PptpIncomingCallReply>();
    const auto* iccn = all.First<PptpIncomingCallConnected>();
    BOOST_REQUIRE(sent && icrp && iccn);
    BOOST_TEST(sent->callId == pac->GetLocalCallId());
    BOOST_TEST(sent->callBearerType == PptpBearerType::DIGITAL);
    BOOST_TEST(sent->physicalChannelId == 7U);
    BOOST_TEST(PptpGetText(sent->dialedNumber) == "5551234");
    BOOST_TEST(icrp->peersCallId == pac->GetLocalCallId());
    BOOST_TEST(static_cast<int>(icrp->resultCode) == 1); // Connect
    BOOST_TEST(icrp->packetRecvWindowSize == 20);
    BOOST_TEST(icrp->packetTransmitDelay == 3);
    BOOST_TEST(iccn->peersCallId == icrp->callId);
    BOOST_TEST(iccn->packetRecvWindowSize == 16);
    BOOST_TEST(iccn->packetTransmitDelay == 2);

    Ptr<PptpCall> pns = cc->GetCall(icrp->callId);
    BOOST_REQUIRE(pns);
    BOOST_TEST((pns->GetDirection() == PptpCallDirection::INCOMING));
    BOOST_TEST((pns->GetRole() == PptpPeerType::PNS));
    BOOST_TEST(pns->GetState() == PptpCallState::ESTABLISHED);
    BOOST_TEST(pac->GetState() == PptpCallState::ESTABLISHED);
    BOOST_TEST(pns->GetPeerCallId() == pac->GetLocalCallId());
    BOOST_TEST(pac->GetPeerCallId() == pns->GetLocalCallId());
    BOOST_TEST(pns->GetSerialNumber() == pac->GetSerialNumber());
    BOOST_TEST(pns->GetPeerWindow() == 16);
    BOOST_TEST(pns->GetPeerProcessingDelay() == 2);
    BOOST_TEST(pac->GetPeerWindow() == 20);
    BOOST_TEST(pac->GetPeerProcessingDelay() == 3);
    BOOST_TEST(pns->GetBearerType() == PptpBearerType::DIGITAL);
    BOOST_REQUIRE(serverUp.size() == 2U);
    std::vector<uint16_t> pacUp{pac->GetLocalCallId(), pns->GetLocalCallId(), 16, 20, 3};
    BOOST_TEST(serverUp[1] == pacUp, boost::test_tools::per_element());
    BOOST_REQUIRE(clientUp.size() == 2U);
    std::vector<uint16_t> pnsUp{pns->GetLocalCallId(), pac->GetLocalCallId(), 20, 16, 2};
    BOOST_TEST(clientUp[1] == pnsUp, boost::test_tools::per_element());
    BOOST_TEST(cc->GetCallCount() == 2U);

    // The PAC hangs up: CDN Admin-Shutdown; the client's own call and connection stay up.
    BOOST_TEST(sc->ClearCall(pac->GetLocalCallId()));
    Simulator::Stop(Seconds(1));
    Simulator::Run();
    BOOST_REQUIRE(clientCleared.ids.size() == 1U);
    BOOST_TEST(clientCleared.ids[0] == pns->GetLocalCallId());
    BOOST_TEST(clientCleared.reasons[0] == PptpCallClearReason::DISCONNECT_NOTIFY_RECEIVED);
    BOOST_TEST(clientCleared.results[0] == 3);
    BOOST_TEST(client->GetCall()->GetState() == PptpCallState::ESTABLISHED);
    BOOST_TEST(cc->GetState() == PptpControlConnectionState::ESTABLISHED);
    BOOST_TEST(server->GetCallCount() == 1U);
    BOOST_TEST(sc->GetUnexpectedMessages() == 0U);
    BOOST_TEST(cc->GetUnexpectedMessages() == 0U);
    Simulator::Destroy(); // before the trace sinks go out of scope
}

BOOST_AUTO_TEST_CASE(client_clears_at_call_duration_and_on_request)
{
    // CallDuration: the CCRQ leaves exactly CallDuration after the OCRP arrived.
    {
        Pair net;
        Ptr<PptpServer> server = InstallServer(net.nodes.Get(1));
        Ptr<PptpClient> client = InstallClient(net.nodes.Get(0), Ipv4Address("10.1.1.2"), 1.0, 2.5);
        MessageLog clientRx;
        MessageLog clientTx;
        client->TraceConnectWithoutContext("Rx", clientRx.Sink());
        client->TraceConnectWithoutContext("Tx", clientTx.Sink());
        Simulator::Stop(Seconds(10));
        Simulator::Run();
        double ocrpAt = -1;
        double ccrqAt = -1;
        for (const auto& s : clientRx.seen)
        {
            ocrpAt = s.message.Is<PptpOutgoingCallReply>() ? s.time : ocrpAt;
        }
        for (const auto& s : clientTx.seen)
        {
            ccrqAt = s.message.Is<PptpCallClearRequest>() ? s.time : ccrqAt;
        }
        BOOST_TEST(ocrpAt > 1.0);
        BOOST_TEST(ccrqAt - ocrpAt == 2.5, boost::test_tools::tolerance(1e-9));
        BOOST_TEST(client->GetCall()->GetClearReason() == PptpCallClearReason::LOCAL_CLEAR);
        BOOST_TEST(client->GetControlConnection()->GetCloseReason()
                   == PptpControlCloseReason::STOP_COMPLETED);
        BOOST_TEST(server->GetClearedCalls() == 1U);
        Simulator::Destroy(); // before the trace sinks go out of scope
    }
    // ClearCall() on request, StopAfterClear false: the connection stays up.
    {
        Pair net;
        Ptr<PptpServer> server = InstallServer(net.nodes.Get(1));
        PptpClientHelper ch(Ipv4Address("10.1.1.2"));
        ch.SetAttribute("StopAfterClear", BooleanValue(false));
        ApplicationContainer apps = ch.Install(net.nodes.Get(0));
        apps.Start(Seconds(1));
        Ptr<PptpClient> client = DynamicCast<PptpClient>(apps.Get(0));
        BOOST_TEST(!client->ClearCall()); // nothing to clear yet
        ClearLog cleared;
        client->TraceConnectWithoutContext("CallCleared", cleared.Sink());
        MessageLog serverTx;
        server->TraceConnectWithoutContext("Tx", serverTx.Sink());
        Simulator::Stop(Seconds(3));
        Simulator::Run();
        BOOST_TEST(client->GetCall()->GetState() == PptpCallState::ESTABLISHED);
        BOOST_TEST(client->ClearCall());
        BOOST_TEST(client->GetCall()->GetState() == PptpCallState::WAIT_DISCONNECT);
        BOOST_TEST(!client->ClearCall()); // already clearing
        Simulator::Stop(Seconds(60));
        Simulator::Run();
        BOOST_REQUIRE(cleared.reasons.size() == 1U);
        BOOST_TEST(cleared.reasons[0] == PptpCallClearReason::LOCAL_CLEAR);
        BOOST_TEST(cleared.results[0] == 4); // CDN Request
        BOOST_TEST(client->GetControlConnection()->GetState()
                   == PptpControlConnectionState::ESTABLISHED);
        BOOST_TEST(server->GetCallCount() == 0U);
        BOOST_TEST(server->GetControlConnectionCount() == 1U);
        BOOST_TEST(serverTx.Count<PptpStopControlConnectionRequest>() == 0);
        Simulator::Destroy(); // before the trace sinks go out of scope
    }
    // Cleared while the OCRQ is still unanswered (RFC 2637 s.3.2.4.2 wait_reply -> Abort):
    // the OCRP then the CDN arrive in WAIT_DISCONNECT and the call ends cleanly.
    {
        Pair net;
        Ptr<PptpServer> server = InstallServer(net.nodes.Get(1));
        PptpClientHelper ch(Ipv4Address("10.1.1.2"));
        ch.SetAttribute("StopAfterClear", BooleanValue(false));
        ApplicationContainer apps = ch.Install(net.nodes.Get(0));
        apps.Start(Seconds(1));
        Ptr<PptpClient> client = DynamicCast<PptpClient>(apps.Get(0));
        Simulator::Stop(Seconds(2));
        Simulator::Run();
        Ptr<PptpControlConnection> cc = client->GetControlConnection();
        PptpOutgoingCallRequest r;
        r.bearerType = PptpBearerType::EITHER;
        r.framingType = PptpFramingType::EITHER;
        Ptr<PptpCall> call = cc->PlaceOutgoingCall(r, 8, 0);
        BOOST_REQUIRE(call);
        BOOST_TEST(cc->ClearCall(call->GetLocalCallId()));
        Simulator::Stop(Seconds(1));
        Simulator::Run();
        BOOST_TEST(call->IsCleared());
        BOOST_TEST(call->GetClearReason() == PptpCallClearReason::LOCAL_CLEAR);
        BOOST_TEST(call->GetClearResultCode() == 4);
        BOOST_TEST(call->HasPeerCallId());
        BOOST_TEST(cc->GetUnexpectedMessages() == 0U);
        BOOST_TEST(cc->GetState() == PptpControlConnectionState::ESTABLISHED);
        BOOST_TEST(server->GetCallCount() == 1U); // the client's own call
        Simulator::Destroy();                     // before the trace sinks go out of scope
    }
}

BOOST_AUTO_TEST_CASE(set_link_info_and_wan_error_notify)
{
    Pair net;
    Ptr<PptpServer> server = InstallServer(net.nodes.Get(1));
    Ptr<PptpClient> client = InstallClient(net.nodes.Get(0), Ipv4Address("10.1.1.2"), 1.0, 0);
    std::vector<std::pair<uint16_t, PptpSetLinkInfo>> sli;
    server->TraceConnectWithoutContext("LinkInfo",
                                       Callback<void, uint16_t, const PptpSetLinkInfo&>(
                                           [&sli](uint16_t id, const PptpSetLinkInfo& m)
                                           { sli.emplace_back(id, m); }));
    std::vector<std::pair<uint16_t, PptpWanErrorNotify>> wen;
    client->TraceConnectWithoutContext("WanError",
                                       Callback<void, uint16_t, const PptpWanErrorNotify&>(
                                           [&wen](uint16_t id, const PptpWanErrorNotify& m)
                                           { wen.emplace_back(id, m); }));
    Simulator::Stop(Seconds(2));
    Simulator::Run();
    Ptr<PptpControlConnection> cc = client->GetControlConnection();
    Ptr<PptpControlConnection> sc = server->GetControlConnections().at(0);
    Ptr<PptpCall> pns = client->GetCall();
    Ptr<PptpCall> pac = sc->GetCall(pns->GetPeerCallId());
    BOOST_REQUIRE(pac);

    // Only the PNS sends Set-Link-Info, only the PAC sends WAN-Error-Notify.
    BOOST_TEST(!sc->SendSetLinkInfo(pac->GetLocalCallId(), 0, 0));
    BOOST_TEST(!cc->SendWanErrorNotify(pns->GetLocalCallId(), PptpWanErrorNotify()));
    BOOST_TEST(!cc->SendSetLinkInfo(999, 0, 0));
    BOOST_TEST(cc->SendSetLinkInfo(pns->GetLocalCallId(), 0x00000000, 0x000a0000));
    PptpWanErrorNotify counters;
    counters.crcErrors = 3;
    counters.framingErrors = 4;
    counters.hardwareOverruns = 5;
    counters.bufferOverruns = 6;
    counters.timeoutErrors = 7;
    counters.alignmentErrors = 8;
    BOOST_TEST(sc->SendWanErrorNotify(pac->GetLocalCallId(), counters));
    Simulator::Stop(Seconds(1));
    Simulator::Run();

    BOOST_REQUIRE(sli.size() == 1U);
    BOOST_TEST(sli[0].first == pac->GetLocalCallId());
    BOOST_TEST(sli[0].second.peersCallId == pac->GetLocalCallId());
    BOOST_TEST(sli[0].second.sendAccm == 0U);
    BOOST_TEST(sli[0].second.receiveAccm == 0x000a0000U);
    BOOST_TEST(pac->GetLinkInfo().receiveAccm == 0x000a0000U);
    BOOST_TEST(pns->GetLinkInfo().receiveAccm == 0x000a0000U); // kept by the sender too
    BOOST_REQUIRE(wen.size() == 1U);
    BOOST_TEST(wen[0].first == pns->GetLocalCallId());
    BOOST_TEST(wen[0].second.peersCallId == pns->GetLocalCallId());
    BOOST_TEST(pns->GetWanErrors().crcErrors == 3U);
    BOOST_TEST(pns->GetWanErrors().framingErrors == 4U);
    BOOST_TEST(pns->GetWanErrors().hardwareOverruns == 5U);
    BOOST_TEST(pns->GetWanErrors().bufferOverruns == 6U);
    BOOST_TEST(pns->GetWanErrors().timeoutErrors == 7U);
    BOOST_TEST(pns->GetWanErrors().alignmentErrors == 8U);
    BOOST_TEST(sc->GetUnexpectedMessages() == 0U);
    BOOST_TEST(cc->GetUnexpectedMessages() == 0U);

    // A Set-Link-Info for a Call ID the PAC does not have: counted, not traced, no answer.
    PptpSetLinkInfo stray;
    stray.peersCallId = 4242;
    uint64_t serverTx = sc->GetTxMessages();
    cc->SendRaw(PptpControlMessage(stray));
    Simulator::Stop(Seconds(1));
    Simulator::Run();
    BOOST_TEST(sli.size() == 1U);
    BOOST_TEST(sc->GetUnexpectedMessages() == 1U);
    BOOST_TEST(sc->GetTxMessages() == serverTx);
    BOOST_TEST(sc->GetState() == PptpControlConnectionState::ESTABLISHED);
    Simulator::Destroy(); // before the trace sinks go out of scope
}

BOOST_AUTO_TEST_CASE(requests_before_the_control_connection_is_established)
{
    Pair net;
    Ptr<PptpServer> server = InstallServer(net.nodes.Get(1));
    std::vector<std::pair<int, PptpGeneralError>> unexpected;
    Simulator::Stop(Seconds(1));
    Simulator::Run();
    RawPeer peer;
    PptpOutgoingCallRequest ocrq;
    ocrq.callId = 0x1234;
    ocrq.bearerType = PptpBearerType::EITHER;
    ocrq.framingType = PptpFramingType::EITHER;
    PptpEchoRequest echo;
    echo.identifier = 0xdeadbeef;
    PptpIncomingCallReply icrp;
    icrp.callId = 5;
    icrp.peersCallId = 6;
    icrp.resultCode = PptpIncomingCallResult::CONNECT;
    peer.send = {
        PptpControlMessage(ocrq), PptpControlMessage(echo), RawCcrq(77), PptpControlMessage(icrp)};
    peer.Connect(net.nodes.Get(0), InetSocketAddress(Ipv4Address("10.1.1.2"), 1723));
    Simulator::Stop(Seconds(1));
    Simulator::Run();
    BOOST_REQUIRE(server->GetControlConnectionCount() == 1U);
    Ptr<PptpControlConnection> sc = server->GetControlConnections().at(0);
    sc->TraceConnectWithoutContext(
        "UnexpectedMessage",
        Callback<void, const PptpControlMessage&, PptpGeneralError>(
            [&unexpected](const PptpControlMessage& m, PptpGeneralError e)
            { unexpected.emplace_back(static_cast<int>(m.GetMessageType()), e); }));

    // RFC 2637 s.2.16 Not-Connected in the reply of each request; the ICRP has no reply.
    BOOST_REQUIRE(peer.rx.size() == 3U);
    const auto* ocrp = peer.First<PptpOutgoingCallReply>();
    BOOST_REQUIRE(ocrp);
    BOOST_TEST(ocrp->peersCallId == 0x1234);
    BOOST_TEST(static_cast<int>(ocrp->resultCode) == 2);
    BOOST_TEST(ocrp->errorCode == PptpGeneralError::NOT_CONNECTED);
    const auto* reply = peer.First<PptpEchoReply>();
    BOOST_REQUIRE(reply);
    BOOST_TEST(reply->identifier == 0xdeadbeefU);
    BOOST_TEST(static_cast<int>(reply->resultCode) == 2);
    BOOST_TEST(reply->errorCode == PptpGeneralError::NOT_CONNECTED);
    const auto* cdn = peer.First<PptpCallDisconnectNotify>();
    BOOST_REQUIRE(cdn);
    BOOST_TEST(static_cast<int>(cdn->resultCode) == 2);
    BOOST_TEST(cdn->errorCode == PptpGeneralError::NOT_CONNECTED);
    BOOST_TEST(sc->GetUnexpectedMessages() == 4U);
    BOOST_TEST(sc->GetState() == PptpControlConnectionState::WAIT_CTL_REQUEST);
    BOOST_TEST(server->GetCallCount() == 0U);

    // Now the SCCRQ: established. Then an accepting ICRP for a call the PAC never announced:
    // CDN General Error / Bad-Call ID naming that Call ID, so the PNS can clear its half.
    peer.Send(PptpControlMessage(PptpStartControlConnectionRequest()));
    icrp.peersCallId = 999;
    peer.Send(PptpControlMessage(icrp));
    Simulator::Stop(Seconds(1));
    Simulator::Run();
    BOOST_TEST(sc->GetState() == PptpControlConnectionState::ESTABLISHED);
    BOOST_REQUIRE(peer.rx.size() == 5U);
    BOOST_TEST(peer.rx[3].Is<PptpStartControlConnectionReply>());
    const auto* bad = peer.rx[4].GetBody<PptpCallDisconnectNotify>();
    BOOST_REQUIRE(bad);
    BOOST_TEST(bad->callId == 999);
    BOOST_TEST(static_cast<int>(bad->resultCode) == 2);
    BOOST_TEST(bad->errorCode == PptpGeneralError::BAD_CALL_ID);
    BOOST_REQUIRE(unexpected.size() == 1U);
    BOOST_TEST(unexpected[0].first == 10);
    BOOST_TEST(unexpected[0].second == PptpGeneralError::BAD_CALL_ID);
    Simulator::Destroy(); // before the trace sinks go out of scope
}

BOOST_AUTO_TEST_CASE(replies_for_unknown_calls_on_an_established_connection)
{
    Pair net;
    Ptr<PptpServer> server = InstallServer(net.nodes.Get(1));
    Ptr<PptpClient> client = InstallClient(net.nodes.Get(0), Ipv4Address("10.1.1.2"), 1.0, 0);
    MessageLog clientTx;
    MessageLog serverTx;
    client->TraceConnectWithoutContext("Tx", clientTx.Sink());
    server->TraceConnectWithoutContext("Tx", serverTx.Sink());
    Simulator::Stop(Seconds(2));
    Simulator::Run();
    Ptr<PptpControlConnection> cc = client->GetControlConnection();
    Ptr<PptpControlConnection> sc = server->GetControlConnections().at(0);
    std::size_t clientBefore = clientTx.seen.size();
    std::size_t serverBefore = serverTx.seen.size();

    // An OCRP (Connected) for no call reaches the PNS: it asks the PAC to clear the call the
    // OCRP named (CCRQ with that Call ID); the PAC has no such call either and says so.
    PptpOutgoingCallReply stray;
    stray.callId = 31;
    stray.peersCallId = 4000;
    stray.resultCode = PptpOutgoingCallResult::CONNECTED;
    sc->SendRaw(PptpControlMessage(stray));
    // An OCRP with an error for no call needs nothing.
    stray.resultCode = PptpOutgoingCallResult::BUSY;
    sc->SendRaw(PptpControlMessage(stray));
    Simulator::Stop(Seconds(1));
    Simulator::Run();
    BOOST_REQUIRE(clientTx.seen.size() == clientBefore + 1);
    const auto* ccrq = clientTx.seen.back().message.GetBody<PptpCallClearRequest>();
    BOOST_REQUIRE(ccrq);
    BOOST_TEST(ccrq->callId == 4000);
    BOOST_REQUIRE(serverTx.seen.size() == serverBefore + 3); // 2 raw OCRPs + the CDN
    const auto* cdn = serverTx.seen.back().message.GetBody<PptpCallDisconnectNotify>();
    BOOST_REQUIRE(cdn);
    BOOST_TEST(static_cast<int>(cdn->resultCode) == 2);
    BOOST_TEST(cdn->errorCode == PptpGeneralError::BAD_CALL_ID);
    BOOST_TEST(cc->GetUnexpectedMessages() == 3U); // two OCRPs and the CDN
    BOOST_TEST(sc->GetUnexpectedMessages() == 1U);
    // Nothing else was disturbed.
    BOOST_TEST(client->GetCall()->GetState() == PptpCallState::ESTABLISHED);
    BOOST_TEST(cc->GetState() == PptpControlConnectionState::ESTABLISHED);
    BOOST_TEST(sc->GetState() == PptpControlConnectionState::ESTABLISHED);
    Simulator::Destroy(); // before the trace sinks go out of scope
}

BOOST_AUTO_TEST_CASE(tcp_closed_without_stop_and_connect_failure)
{
    // The client's TCP goes away without the Stop exchange: the server clears the call with a
    // cause and closes with PEER_CLOSED.
    {
        Pair net;
        Ptr<PptpServer> server = InstallServer(net.nodes.Get(1));
        Ptr<PptpClient> client = InstallClient(net.nodes.Get(0), Ipv4Address("10.1.1.2"), 1.0, 0);
        ClearLog serverCleared;
        ClearLog clientCleared;
        server->TraceConnectWithoutContext("CallCleared", serverCleared.Sink());
        client->TraceConnectWithoutContext("CallCleared", clientCleared.Sink());
        MessageLog serverTx;
        server->TraceConnectWithoutContext("Tx", serverTx.Sink());
        Simulator::Stop(Seconds(2));
        Simulator::Run();
        Ptr<PptpControlConnection> sc = server->GetControlConnections().at(0);
        BOOST_REQUIRE(server->GetCallCount() == 1U);
        std::size_t before = serverTx.seen.size();
        client->GetControlConnection()->Abort();
        BOOST_TEST(client->GetControlConnection()->GetCloseReason()
                   == PptpControlCloseReason::ABORTED);
        Simulator::Stop(Seconds(1));
        Simulator::Run();
        BOOST_TEST(sc->GetState() == PptpControlConnectionState::IDLE);
        BOOST_TEST(sc->GetCloseReason() == PptpControlCloseReason::PEER_CLOSED);
        BOOST_REQUIRE(serverCleared.reasons.size() == 1U);
        BOOST_TEST(serverCleared.reasons[0] == PptpCallClearReason::CONTROL_CONNECTION_CLOSED);
        BOOST_REQUIRE(clientCleared.reasons.size() == 1U);
        BOOST_TEST(clientCleared.reasons[0] == PptpCallClearReason::CONTROL_CONNECTION_CLOSED);
        BOOST_TEST(serverTx.seen.size() == before); // nothing sent into a closed connection
        BOOST_TEST(server->GetCallCount() == 0U);
        BOOST_TEST(server->GetControlConnectionCount() == 0U);
        BOOST_TEST(net.nodes.Get(1)->GetObject<PptpCallIdAllocator>()->GetInUseCount() == 0U);
        Simulator::Destroy(); // before the trace sinks go out of scope
    }
    // Nobody listens on port 1723: the SYNs go unanswered and the TCP open fails.
    Config::SetDefault("ns3::TcpSocket::ConnCount", UintegerValue(2));
    {
        Pair net;
        Ptr<PptpClient> client = InstallClient(net.nodes.Get(0), Ipv4Address("10.1.1.2"), 1.0, 0);
        std::vector<PptpControlConnectionState> states;
        client->TraceConnectWithoutContext(
            "ControlState",
            Callback<void, PptpControlConnectionState, PptpControlConnectionState>(
                [&states](PptpControlConnectionState, PptpControlConnectionState n)
                { states.push_back(n); }));
        Simulator::Stop(Seconds(60));
        Simulator::Run();
        BOOST_TEST(client->GetControlConnection()->GetCloseReason()
                   == PptpControlCloseReason::CONNECT_FAILED);
        BOOST_TEST(client->GetControlConnection()->GetState() == PptpControlConnectionState::IDLE);
        BOOST_TEST(!client->GetCall());
        BOOST_TEST(client->GetControlConnection()->GetTxMessages() == 0U);
        BOOST_TEST(states.empty()); // never left IDLE
        Simulator::Destroy();       // before the trace sinks go out of scope
    }
    Config::Reset();
}

BOOST_AUTO_TEST_CASE(full_send_buffer_loses_nothing)
{
    // A send buffer smaller than one OCRQ (168 octets) on both ends; 60 calls placed at once.
    Config::SetDefault("ns3::TcpSocket::SndBufSize", UintegerValue(100));
    {
        Pair net;
        Ptr<PptpServer> server = InstallServer(net.nodes.Get(1));
        Ptr<PptpClient> client = InstallClient(net.nodes.Get(0), Ipv4Address("10.1.1.2"), 1.0, 0);
        MessageLog clientTx;
        MessageLog serverRx;
        MessageLog clientRx;
        client->TraceConnectWithoutContext("Tx", clientTx.Sink());
        server->TraceConnectWithoutContext("Rx", serverRx.Sink());
        client->TraceConnectWithoutContext("Rx", clientRx.Sink());
        Simulator::Stop(Seconds(2));
        Simulator::Run();
        Ptr<PptpControlConnection> cc = client->GetControlConnection();
        BOOST_REQUIRE(cc->GetState() == PptpControlConnectionState::ESTABLISHED);
        std::vector<Ptr<PptpCall>> calls;
        PptpOutgoingCallRequest r;
        r.bearerType = PptpBearerType::EITHER;
        r.framingType = PptpFramingType::EITHER;
        for (int i = 0; i < 60; ++i)
        {
            calls.push_back(cc->PlaceOutgoingCall(r, 8, 0));
            BOOST_REQUIRE(calls.back());
        }
        BOOST_TEST(cc->GetQueuedPackets() > 50U); // most of them wait for room
        Simulator::Stop(Seconds(10));
        Simulator::Run();
        BOOST_TEST(cc->GetQueuedPackets() == 0U);
        for (const auto& c : calls)
        {
            BOOST_TEST(c->GetState() == PptpCallState::ESTABLISHED);
        }
        // The server saw every OCRQ, in the order they were sent, and no broken message.
        std::vector<int> sentIds;
        std::vector<int> seenIds;
        for (const auto& s : clientTx.seen)
        {
            if (const auto* b = s.message.GetBody<PptpOutgoingCallRequest>())
            {
                sentIds.push_back(b->callId);
            }
        }
        for (const auto& s : serverRx.seen)
        {
            if (const auto* b = s.message.GetBody<PptpOutgoingCallRequest>())
            {
                seenIds.push_back(b->callId);
            }
        }
        BOOST_TEST(sentIds.size() == 61U);
        BOOST_TEST(seenIds == sentIds, boost::test_tools::per_element());
        Ptr<PptpControlConnection> sc = server->GetControlConnections().at(0);
        BOOST_TEST(sc->GetMalformedMessages() == 0U);
        BOOST_TEST(cc->GetMalformedMessages() == 0U);
        BOOST_TEST(clientRx.Count<PptpOutgoingCallReply>() == 61);
        BOOST_TEST(server->GetCallCount() == 61U);

        // Stop with everything still queued on both sides: 61 CCRQs, the StopCCRQ; the
        // server's 61 CDNs and its StopCCRP all arrive before TCP closes.
        client->StopControlConnection(PptpStopReason::STOP_LOCAL_SHUTDOWN);
        BOOST_TEST(cc->GetQueuedPackets() > 0U);
        Simulator::Stop(Seconds(20));
        Simulator::Run();
        BOOST_TEST(serverRx.Count<PptpCallClearRequest>() == 61);
        BOOST_TEST(clientRx.Count<PptpCallDisconnectNotify>() == 61);
        BOOST_TEST(clientRx.Count<PptpStopControlConnectionReply>() == 1);
        BOOST_TEST(cc->GetCloseReason() == PptpControlCloseReason::STOP_COMPLETED);
        BOOST_TEST(sc->GetCloseReason() == PptpControlCloseReason::STOP_COMPLETED);
        BOOST_TEST(server->GetCallCount() == 0U);
        BOOST_TEST(sc->GetMalformedMessages() == 0U);
        BOOST_TEST(cc->GetMalformedMessages() == 0U);
        Simulator::Destroy(); // before the trace sinks go out of scope
    }
    Config::Reset();
}

BOOST_AUTO_TEST_CASE(attribute_edge_values_and_checkers)
{
    // The smallest and largest valid values are taken as they are.
    Ptr<PptpServer> server = CreateObject<PptpServer>();
    Ptr<PptpClient> client = CreateObject<PptpClient>();
    Ptr<PptpControlConnection> c = CreateObject<PptpControlConnection>();
    Ptr<PptpCallIdAllocator> a = CreateObject<PptpCallIdAllocator>();
    struct Valid
    {
        Ptr<Object> object;
        std::string name;
        std::string value;
    };
    std::vector<Valid> valid{
        {server, "Port", "1"},
        {server, "Port", "65535"},
        {server, "ReceiveWindow", "1"},
        {server, "ReceiveWindow", "65535"},
        {server, "MaxCalls", "0"},
        {server, "MaxCalls", "65535"},
        {server, "MaxControlConnections", "1"},
        {server, "EchoInterval", "1ns"},
        {server, "EchoTimeout", "1ns"},
        {client, "RemotePort", "1"},
        {client, "ReceiveWindow", "65535"},
        {client, "BearerType", "1"},
        {client, "FramingType", "3"},
        {client, "CallDuration", "0s"},
        {client, "EchoInterval", "1ns"},
        {c, "ProtocolVersion", "1"},
        {c, "FramingCapabilities", "3"},
        {c, "BearerCapabilities", "0"},
        {c, "ControlTimeout", "0s"},
        {c, "CallTimeout", "0s"},
        {c, "EchoTimeout", "1ns"},
        {a, "FirstCallId", "65535"},
    };
    for (const auto& v : valid)
    {
        BOOST_TEST(v.object->SetAttributeFailSafe(v.name, StringValue(v.value)),
                   v.name << "=" << v.value);
        StringValue back;
        v.object->GetAttribute(v.name, back);
        if (v.value.back() == 's')
        {
            BOOST_TEST(Time(back.Get()) == Time(v.value), v.name);
        }
        else
        {
            BOOST_TEST(back.Get() == v.value, v.name);
        }
    }

    // Values just outside the range are refused, with a message that names the Attribute and
    // its valid range (ns-3 itself then stops; the fail-safe setter only returns false).
    std::vector<Valid> invalid{
        {server, "Port", "0"},
        {server, "ReceiveWindow", "0"},
        {server, "MaxCalls", "65536"},
        {server, "MaxControlConnections", "0"},
        {server, "EchoInterval", "0s"},
        {client, "RemotePort", "0"},
        {client, "BearerType", "4"},
        {client, "FramingType", "0"},
        {client, "CallDuration", "-1s"},
        {client, "EchoTimeout", "0s"},
        {c, "ProtocolVersion", "0"},
        {c, "FramingCapabilities", "4"},
        {c, "ControlTimeout", "-1s"},
        {c, "CallTimeout", "-1s"},
        {c, "EchoInterval", "0s"},
        {a, "FirstCallId", "0"},
    };
    for (const auto& v : invalid)
    {
        std::ostringstream captured;
        std::streambuf* old = std::cerr.rdbuf(captured.rdbuf());
        bool set = v.object->SetAttributeFailSafe(v.name, StringValue(v.value));
        std::cerr.rdbuf(old);
        BOOST_TEST(!set, v.name << "=" << v.value);
        std::string tid = v.object->GetInstanceTypeId().GetName();
        BOOST_TEST(captured.str().find(tid + "::" + v.name) != std::string::npos, captured.str());
        BOOST_TEST(captured.str().find("valid values are") != std::string::npos);
    }

    // MaxCalls 0 is legal and refuses every call with General Error / No-Resource.
    Pair net;
    Ptr<PptpServer> s = InstallServer(net.nodes.Get(1), 0);
    Ptr<PptpClient> cl = InstallClient(net.nodes.Get(0), Ipv4Address("10.1.1.2"), 1.0, 0);
    Simulator::Stop(Seconds(3));
    Simulator::Run();
    BOOST_TEST(cl->GetCall()->GetClearReason() == PptpCallClearReason::REFUSED_BY_PEER);
    BOOST_TEST(cl->GetCall()->GetClearErrorCode() == PptpGeneralError::NO_RESOURCE);
    BOOST_TEST(s->GetRefusedCalls() == 1U);
}

BOOST_AUTO_TEST_SUITE_END()
