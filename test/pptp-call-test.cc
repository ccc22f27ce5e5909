/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The call state machines of RFC 2637 s.3.2 and the Call ID allocator, in isolation.

#include "pptp-call-id-allocator.h"
#include "pptp-call.h"
#include "pptp-test-util.h"

#include "ns3/node.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <boost/test/unit_test.hpp>
#include <vector>

using namespace ns3;

namespace ns3
{
// Printers for Boost.Test messages (the wire enums have name functions only).
static std::ostream&
operator<<(std::ostream& os, PptpOutgoingCallResult v)
{
    return os << PptpOutgoingCallResultName(v);
}

static std::ostream&
operator<<(std::ostream& os, PptpGeneralError v)
{
    return os << PptpGeneralErrorName(v);
}

static std::ostream&
operator<<(std::ostream& os, PptpCallDisconnectResult v)
{
    return os << PptpCallDisconnectResultName(v);
}

static std::ostream&
operator<<(std::ostream& os, PptpIncomingCallResult v)
{
    return os << PptpIncomingCallResultName(v);
}
} // namespace ns3

namespace
{

/// A call plus everything it sent and every state it passed through.
struct Harness
{
    Ptr<PptpCall> call;                   //!< the call
    std::vector<PptpControlMessage> sent; //!< messages sent
    std::vector<PptpCallState> states;    //!< states entered
    int cleared{0};                       //!< cleared callbacks
    int timeouts{0};                      //!< timeout callbacks

    Harness(PptpPeerType role, PptpCallDirection direction, uint16_t id, uint16_t serial)
    {
        call = Create<PptpCall>(role, direction, id, serial);
        call->SetSendCallback(
            PptpCall::SendCallback([this](const PptpControlMessage& m) { sent.push_back(m); }));
        call->SetStateCallback(PptpCall::StateCallback(
            [this](Ptr<PptpCall>, PptpCallState, PptpCallState n) { states.push_back(n); }));
        call->SetClearedCallback(PptpCall::CallCallback([this](Ptr<PptpCall>) { ++cleared; }));
    }

    template <class T>
    const T&
    Last() const
    {
        BOOST_REQUIRE(!sent.empty());
        const T* body = sent.back().GetBody<T>();
        BOOST_REQUIRE(body != nullptr);
        return *body;
    }
};

PptpOutgoingCallReply
Ocrp(uint16_t callId, uint16_t peersCallId, PptpOutgoingCallResult result)
{
    PptpOutgoingCallReply r;
    r.callId = callId;
    r.peersCallId = peersCallId;
    r.resultCode = result;
    r.packetRecvWindowSize = 16;
    r.packetProcessingDelay = 3;
    r.connectSpeed = 64000;
    return r;
}

PptpCallDisconnectNotify
Cdn(uint16_t callId, PptpCallDisconnectResult result)
{
    PptpCallDisconnectNotify n;
    n.callId = callId;
    n.resultCode = result;
    return n;
}

} // namespace

BOOST_AUTO_TEST_SUITE(PptpCallTest)

BOOST_AUTO_TEST_CASE(names)
{
    BOOST_TEST(std::string(PptpCallStateName(PptpCallState::WAIT_CS_ANS)) == "WAIT_CS_ANS");
    BOOST_TEST(std::string(PptpCallStateName(static_cast<PptpCallState>(77))) == "UNKNOWN");
    BOOST_TEST(std::string(PptpPeerTypeName(PptpPeerType::PAC)) == "PAC");
    BOOST_TEST(std::string(PptpCallDirectionName(PptpCallDirection::INCOMING)) == "INCOMING");
    BOOST_TEST(std::string(PptpCallClearReasonName(PptpCallClearReason::TIMEOUT)) == "TIMEOUT");
}

BOOST_AUTO_TEST_CASE(pns_outgoing_full_cycle)
{
    Harness h(PptpPeerType::PNS, PptpCallDirection::OUTGOING, 7, 42);
    h.call->SetLocalWindow(10, 2);
    PptpOutgoingCallRequest tmpl;
    tmpl.minimumBps = 2400;
    tmpl.maximumBps = 10000000;
    tmpl.bearerType = PptpBearerType::EITHER;
    tmpl.framingType = PptpFramingType::EITHER;
    BOOST_TEST(h.call->StartOutgoing(tmpl));
    BOOST_TEST(h.call->GetState() == PptpCallState::WAIT_REPLY);
    const auto& ocrq = h.Last<PptpOutgoingCallRequest>();
    BOOST_TEST(ocrq.callId == 7);
    BOOST_TEST(ocrq.callSerialNumber == 42);
    BOOST_TEST(ocrq.packetRecvWindowSize == 10);
    BOOST_TEST(ocrq.packetProcessingDelay == 2);
    BOOST_TEST(ocrq.maximumBps == 10000000U);
    BOOST_TEST(!h.call->StartOutgoing(tmpl)); // only from IDLE

    // A reply for another call is not ours.
    BOOST_TEST(
        !h.call->Receive(PptpControlMessage(Ocrp(900, 8, PptpOutgoingCallResult::CONNECTED))));
    BOOST_TEST(h.call->GetState() == PptpCallState::WAIT_REPLY);

    BOOST_TEST(
        h.call->Receive(PptpControlMessage(Ocrp(900, 7, PptpOutgoingCallResult::CONNECTED))));
    BOOST_TEST(h.call->GetState() == PptpCallState::ESTABLISHED);
    BOOST_TEST(h.call->GetPeerCallId() == 900);
    BOOST_TEST(h.call->GetPeerWindow() == 16);
    BOOST_TEST(h.call->GetPeerProcessingDelay() == 3);
    BOOST_TEST(h.call->GetConnectSpeed() == 64000U);

    // A second OCRP is unexpected in ESTABLISHED.
    BOOST_TEST(
        !h.call->Receive(PptpControlMessage(Ocrp(900, 7, PptpOutgoingCallResult::CONNECTED))));

    BOOST_TEST(h.call->Clear());
    BOOST_TEST(h.Last<PptpCallClearRequest>().callId == 7);
    BOOST_TEST(h.call->GetState() == PptpCallState::WAIT_DISCONNECT);
    BOOST_TEST(!h.call->Clear());
    BOOST_TEST(h.call->Receive(PptpControlMessage(Cdn(900, PptpCallDisconnectResult::REQUEST))));
    BOOST_TEST(h.call->GetState() == PptpCallState::IDLE);
    BOOST_TEST(h.call->IsCleared());
    BOOST_TEST(h.cleared == 1);
    BOOST_TEST(h.call->GetClearReason() == PptpCallClearReason::LOCAL_CLEAR);
    BOOST_TEST(h.call->GetClearResultCode() == 4);
    std::vector<PptpCallState> expected{PptpCallState::WAIT_REPLY,
                                        PptpCallState::ESTABLISHED,
                                        PptpCallState::WAIT_DISCONNECT,
                                        PptpCallState::IDLE};
    BOOST_TEST(h.states == expected, boost::test_tools::per_element());
    BOOST_TEST(h.sent.size() == 2U);
    // Nothing more once cleared.
    BOOST_TEST(!h.call->Receive(PptpControlMessage(Cdn(900, PptpCallDisconnectResult::REQUEST))));
}

BOOST_AUTO_TEST_CASE(pns_outgoing_refused_and_disconnected)
{
    Harness refused(PptpPeerType::PNS, PptpCallDirection::OUTGOING, 1, 0);
    refused.call->StartOutgoing(PptpOutgoingCallRequest());
    PptpOutgoingCallReply r = Ocrp(0, 1, PptpOutgoingCallResult::GENERAL_ERROR);
    r.errorCode = PptpGeneralError::NO_RESOURCE;
    BOOST_TEST(refused.call->Receive(PptpControlMessage(r)));
    BOOST_TEST(refused.call->GetClearReason() == PptpCallClearReason::REFUSED_BY_PEER);
    BOOST_TEST(refused.call->GetClearResultCode() == 2);
    BOOST_TEST(refused.call->GetClearErrorCode() == PptpGeneralError::NO_RESOURCE);
    BOOST_TEST(refused.cleared == 1);

    Harness dropped(PptpPeerType::PNS, PptpCallDirection::OUTGOING, 2, 0);
    dropped.call->StartOutgoing(PptpOutgoingCallRequest());
    dropped.call->Receive(PptpControlMessage(Ocrp(50, 2, PptpOutgoingCallResult::CONNECTED)));
    // A CDN is routed by the PAC's Call ID; the call accepts it in ESTABLISHED.
    BOOST_TEST(
        dropped.call->Receive(PptpControlMessage(Cdn(50, PptpCallDisconnectResult::LOST_CARRIER))));
    BOOST_TEST(dropped.call->GetClearReason() == PptpCallClearReason::DISCONNECT_NOTIFY_RECEIVED);
    BOOST_TEST(dropped.call->GetClearResultCode() == 1);

    // Abort while waiting for the reply: CCRQ, then the late OCRP is swallowed, then CDN.
    Harness abort(PptpPeerType::PNS, PptpCallDirection::OUTGOING, 3, 0);
    abort.call->StartOutgoing(PptpOutgoingCallRequest());
    BOOST_TEST(abort.call->Clear());
    BOOST_TEST(abort.call->GetState() == PptpCallState::WAIT_DISCONNECT);
    BOOST_TEST(
        abort.call->Receive(PptpControlMessage(Ocrp(51, 3, PptpOutgoingCallResult::CONNECTED))));
    BOOST_TEST(abort.call->GetState() == PptpCallState::WAIT_DISCONNECT);
    BOOST_TEST(abort.call->Receive(PptpControlMessage(Cdn(51, PptpCallDisconnectResult::REQUEST))));
    BOOST_TEST(abort.call->IsCleared());

    // Drop: no message at all.
    Harness drop(PptpPeerType::PNS, PptpCallDirection::OUTGOING, 4, 0);
    drop.call->StartOutgoing(PptpOutgoingCallRequest());
    drop.call->Drop(PptpCallClearReason::CONTROL_CONNECTION_CLOSED);
    BOOST_TEST(drop.sent.size() == 1U);
    BOOST_TEST(drop.call->GetClearReason() == PptpCallClearReason::CONTROL_CONNECTION_CLOSED);
    drop.call->Drop(PptpCallClearReason::TIMEOUT);
    BOOST_TEST(drop.cleared == 1);
}

BOOST_AUTO_TEST_CASE(pac_outgoing)
{
    Harness h(PptpPeerType::PAC, PptpCallDirection::OUTGOING, 300, 0);
    h.call->SetLocalWindow(64, 0);
    PptpOutgoingCallRequest ocrq;
    ocrq.callId = 5;
    ocrq.callSerialNumber = 9;
    ocrq.maximumBps = 10000000;
    ocrq.packetRecvWindowSize = 3;
    ocrq.packetProcessingDelay = 1;
    ocrq.framingType = PptpFramingType::SYNCHRONOUS;
    BOOST_TEST(!h.call->Answer()); // not in WAIT_CS_ANS yet
    BOOST_TEST(h.call->ReceiveOutgoingRequest(ocrq));
    BOOST_TEST(h.call->GetState() == PptpCallState::WAIT_CS_ANS);
    BOOST_TEST(h.sent.empty());
    BOOST_TEST(h.call->GetPeerWindow() == 3);
    BOOST_TEST(h.call->GetSerialNumber() == 9);
    BOOST_TEST(h.call->Answer());
    const auto& ocrp = h.Last<PptpOutgoingCallReply>();
    BOOST_TEST(ocrp.callId == 300);
    BOOST_TEST(ocrp.peersCallId == 5);
    BOOST_TEST(ocrp.resultCode == PptpOutgoingCallResult::CONNECTED);
    BOOST_TEST(ocrp.packetRecvWindowSize == 64);
    BOOST_TEST(ocrp.connectSpeed == 10000000U); // the PNS's Maximum BPS by default
    BOOST_TEST(h.call->GetState() == PptpCallState::ESTABLISHED);

    PptpSetLinkInfo sli;
    sli.peersCallId = 300;
    sli.sendAccm = 0;
    BOOST_TEST(h.call->Receive(PptpControlMessage(sli)));
    BOOST_TEST(h.call->GetLinkInfo().sendAccm == 0U);
    BOOST_TEST(!h.call->Receive(PptpControlMessage(PptpWanErrorNotify()))); // PAC sends WEN

    PptpCallClearRequest ccrq;
    ccrq.callId = 5;
    BOOST_TEST(h.call->Receive(PptpControlMessage(ccrq)));
    const auto& cdn = h.Last<PptpCallDisconnectNotify>();
    BOOST_TEST(cdn.callId == 300);
    BOOST_TEST(cdn.resultCode == PptpCallDisconnectResult::REQUEST);
    BOOST_TEST(h.call->GetClearReason() == PptpCallClearReason::CLEAR_REQUEST_RECEIVED);

    // Failure while dialing: OCRP with the error.
    Harness f(PptpPeerType::PAC, PptpCallDirection::OUTGOING, 301, 0);
    f.call->ReceiveOutgoingRequest(ocrq);
    BOOST_TEST(f.call->Fail(PptpOutgoingCallResult::BUSY, PptpGeneralError::NONE, 17));
    BOOST_TEST(f.Last<PptpOutgoingCallReply>().resultCode == PptpOutgoingCallResult::BUSY);
    BOOST_TEST(f.Last<PptpOutgoingCallReply>().causeCode == 17);
    BOOST_TEST(f.call->GetClearReason() == PptpCallClearReason::REFUSED_LOCALLY);

    // CCRQ while dialing: CDN (Request).
    Harness c(PptpPeerType::PAC, PptpCallDirection::OUTGOING, 302, 0);
    c.call->ReceiveOutgoingRequest(ocrq);
    BOOST_TEST(c.call->Receive(PptpControlMessage(ccrq)));
    BOOST_TEST(c.Last<PptpCallDisconnectNotify>().resultCode == PptpCallDisconnectResult::REQUEST);

    // Local clear when established: CDN (Admin Shutdown).
    Harness l(PptpPeerType::PAC, PptpCallDirection::OUTGOING, 303, 0);
    l.call->ReceiveOutgoingRequest(ocrq);
    l.call->Answer();
    BOOST_TEST(l.call->Clear());
    BOOST_TEST(l.Last<PptpCallDisconnectNotify>().resultCode
               == PptpCallDisconnectResult::ADMIN_SHUTDOWN);
    BOOST_TEST(l.call->GetClearReason() == PptpCallClearReason::LOCAL_CLEAR);
    BOOST_TEST(!l.call->Clear());

    // Wrong role / direction.
    Harness w(PptpPeerType::PAC, PptpCallDirection::OUTGOING, 304, 0);
    BOOST_TEST(!w.call->StartOutgoing(PptpOutgoingCallRequest()));
    BOOST_TEST(!w.call->StartIncoming(PptpIncomingCallRequest()));
    BOOST_TEST(!w.call->ReceiveIncomingRequest(PptpIncomingCallRequest()));
    BOOST_TEST(!w.call->Receive(PptpControlMessage(ccrq))); // IDLE
}

BOOST_AUTO_TEST_CASE(incoming_both_sides)
{
    Harness pac(PptpPeerType::PAC, PptpCallDirection::INCOMING, 20, 77);
    Harness pns(PptpPeerType::PNS, PptpCallDirection::INCOMING, 40, 0);
    pac.call->SetLocalWindow(32, 1);
    pac.call->SetConnectSpeed(33600);
    pns.call->SetLocalWindow(8, 5);
    PptpIncomingCallRequest tmpl;
    tmpl.callBearerType = PptpBearerType::ANALOG;
    BOOST_TEST(pac.call->StartIncoming(tmpl));
    BOOST_TEST(pac.call->GetState() == PptpCallState::WAIT_REPLY);
    const auto icrq = pac.Last<PptpIncomingCallRequest>();
    BOOST_TEST(icrq.callId == 20);
    BOOST_TEST(icrq.callSerialNumber == 77);

    BOOST_TEST(pns.call->ReceiveIncomingRequest(icrq));
    BOOST_TEST(pns.call->GetState() == PptpCallState::WAIT_CONNECT);
    const auto icrp = pns.Last<PptpIncomingCallReply>();
    BOOST_TEST(icrp.callId == 40);
    BOOST_TEST(icrp.peersCallId == 20);
    BOOST_TEST(icrp.resultCode == PptpIncomingCallResult::CONNECT);
    BOOST_TEST(icrp.packetRecvWindowSize == 8);

    BOOST_TEST(pac.call->Receive(PptpControlMessage(icrp)));
    BOOST_TEST(pac.call->GetState() == PptpCallState::ESTABLISHED);
    BOOST_TEST(pac.call->GetPeerWindow() == 8);
    BOOST_TEST(pac.call->GetPeerProcessingDelay() == 5);
    const auto iccn = pac.Last<PptpIncomingCallConnected>();
    BOOST_TEST(iccn.peersCallId == 40);
    BOOST_TEST(iccn.connectSpeed == 33600U);
    BOOST_TEST(iccn.packetRecvWindowSize == 32);

    BOOST_TEST(pns.call->Receive(PptpControlMessage(iccn)));
    BOOST_TEST(pns.call->GetState() == PptpCallState::ESTABLISHED);
    BOOST_TEST(pns.call->GetPeerWindow() == 32);
    BOOST_TEST(pns.call->GetConnectSpeed() == 33600U);

    PptpWanErrorNotify wen;
    wen.peersCallId = 40;
    wen.crcErrors = 5;
    BOOST_TEST(pns.call->Receive(PptpControlMessage(wen)));
    BOOST_TEST(pns.call->GetWanErrors().crcErrors == 5U);

    // PNS clears: CCRQ, then the PAC's CDN.
    BOOST_TEST(pns.call->Clear());
    const auto ccrq = pns.Last<PptpCallClearRequest>();
    BOOST_TEST(pac.call->Receive(PptpControlMessage(ccrq)));
    BOOST_TEST(pns.call->Receive(PptpControlMessage(pac.Last<PptpCallDisconnectNotify>())));
    BOOST_TEST(pns.call->IsCleared());
    BOOST_TEST(pac.call->IsCleared());

    // The PNS refuses; the PAC goes back to IDLE.
    Harness pac2(PptpPeerType::PAC, PptpCallDirection::INCOMING, 21, 0);
    pac2.call->StartIncoming(tmpl);
    PptpIncomingCallReply no;
    no.peersCallId = 21;
    no.resultCode = PptpIncomingCallResult::DO_NOT_ACCEPT;
    BOOST_TEST(pac2.call->Receive(PptpControlMessage(no)));
    BOOST_TEST(pac2.call->GetClearReason() == PptpCallClearReason::REFUSED_BY_PEER);
    BOOST_TEST(pac2.call->GetClearResultCode() == 3);
    BOOST_TEST(pac2.sent.size() == 1U); // no ICCN

    // The PAC fails to connect: CDN in WAIT_CONNECT.
    Harness pns2(PptpPeerType::PNS, PptpCallDirection::INCOMING, 41, 0);
    pns2.call->ReceiveIncomingRequest(icrq);
    BOOST_TEST(!pns2.call->Receive(PptpControlMessage(icrq))); // ICRQ is not for a call
    BOOST_TEST(
        pns2.call->Receive(PptpControlMessage(Cdn(20, PptpCallDisconnectResult::LOST_CARRIER))));
    BOOST_TEST(pns2.call->GetClearReason() == PptpCallClearReason::DISCONNECT_NOTIFY_RECEIVED);
}

BOOST_AUTO_TEST_CASE(request_timer)
{
    Harness h(PptpPeerType::PNS, PptpCallDirection::OUTGOING, 9, 0);
    h.call->SetRequestTimeout(Seconds(10),
                              PptpCall::CallCallback([&h](Ptr<PptpCall>) { ++h.timeouts; }));
    h.call->StartOutgoing(PptpOutgoingCallRequest());
    Simulator::Stop(Seconds(9.9));
    Simulator::Run();
    BOOST_TEST(h.timeouts == 0);
    Simulator::Stop(Seconds(0.2));
    Simulator::Run();
    BOOST_TEST(h.timeouts == 1);

    // No timer in ESTABLISHED.
    Harness e(PptpPeerType::PNS, PptpCallDirection::OUTGOING, 10, 0);
    e.call->SetRequestTimeout(Seconds(10),
                              PptpCall::CallCallback([&e](Ptr<PptpCall>) { ++e.timeouts; }));
    e.call->StartOutgoing(PptpOutgoingCallRequest());
    e.call->Receive(PptpControlMessage(Ocrp(1, 10, PptpOutgoingCallResult::CONNECTED)));
    Simulator::Stop(Seconds(30));
    Simulator::Run();
    BOOST_TEST(e.timeouts == 0);
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(allocator_ids_and_wrap)
{
    Ptr<Node> node = CreateObject<Node>();
    Ptr<PptpCallIdAllocator> a = PptpCallIdAllocator::GetOrCreate(node);
    BOOST_TEST(PeekPointer(PptpCallIdAllocator::GetOrCreate(node)) == PeekPointer(a));
    BOOST_TEST(PeekPointer(node->GetObject<PptpCallIdAllocator>()) == PeekPointer(a));
    uint16_t id = 0;
    BOOST_TEST(a->Allocate(id));
    BOOST_TEST(id == 1);
    BOOST_TEST(a->Allocate(id));
    BOOST_TEST(id == 2);
    a->Release(1);
    BOOST_TEST(!a->IsInUse(1));
    BOOST_TEST(a->Allocate(id));
    BOOST_TEST(id == 3); // no immediate reuse
    BOOST_TEST(a->GetInUseCount() == 2U);
    BOOST_TEST(a->NextSerialNumber() == 0);
    BOOST_TEST(a->NextSerialNumber() == 1);

    Ptr<PptpCallIdAllocator> w = CreateObject<PptpCallIdAllocator>();
    w->SetAttribute("FirstCallId", UintegerValue(65534));
    w->SetAttribute("FirstSerialNumber", UintegerValue(65535));
    BOOST_TEST(w->Allocate(id));
    BOOST_TEST(id == 65534);
    BOOST_TEST(w->Allocate(id));
    BOOST_TEST(id == 65535);
    BOOST_TEST(w->Allocate(id));
    BOOST_TEST(id == 1); // wraps, skipping 0
    BOOST_TEST(w->NextSerialNumber() == 65535);
    BOOST_TEST(w->NextSerialNumber() == 0);
    // Fill everything: IDs in use are skipped, then the allocator is exhausted.
    uint32_t count = 3;
    while (w->Allocate(id))
    {
        BOOST_REQUIRE(id != 0);
        ++count;
    }
    BOOST_TEST(count == 65535U);
    BOOST_TEST(w->GetInUseCount() == 65535U);
    w->Release(40000);
    BOOST_TEST(w->Allocate(id));
    BOOST_TEST(id == 40000);
    w->Release(0); // harmless
    BOOST_TEST(w->GetInUseCount() == 65535U);
}

BOOST_AUTO_TEST_SUITE_END()
