/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-control-trace-forwarder.h"

#include "gre-session.h"
#include "pptp-net-device.h"
#include "pptp-tunnel.h"

#include "ns3/trace-source-accessor.h"

namespace ns3
{

PptpControlTraceForwarder::~PptpControlTraceForwarder() = default;

TypeId
PptpControlTraceForwarder::AddTraceSources(TypeId tid)
{
    using F = PptpControlTraceForwarder;
    return tid
        .AddTraceSource("Tx",
                        "A control message was sent.",
                        MakeTraceSourceAccessor(&F::m_txTrace),
                        "ns3::PptpControlConnection::MessageTracedCallback")
        .AddTraceSource("Rx",
                        "A well-formed control message was received.",
                        MakeTraceSourceAccessor(&F::m_rxTrace),
                        "ns3::PptpControlConnection::MessageTracedCallback")
        .AddTraceSource("ControlState",
                        "A control connection changed state.",
                        MakeTraceSourceAccessor(&F::m_stateTrace),
                        "ns3::PptpControlConnection::StateTracedCallback")
        .AddTraceSource("CallState",
                        "A call changed state.",
                        MakeTraceSourceAccessor(&F::m_callStateTrace),
                        "ns3::PptpControlConnection::CallStateTracedCallback")
        .AddTraceSource("CallEstablished",
                        "A call reached ESTABLISHED: Call IDs, windows, peer's delay.",
                        MakeTraceSourceAccessor(&F::m_callEstablishedTrace),
                        "ns3::PptpControlConnection::CallEstablishedTracedCallback")
        .AddTraceSource("CallCleared",
                        "A call ended, with the cause.",
                        MakeTraceSourceAccessor(&F::m_callClearedTrace),
                        "ns3::PptpControlConnection::CallClearedTracedCallback")
        .AddTraceSource("MalformedMessage",
                        "A malformed or unknown control message was received.",
                        MakeTraceSourceAccessor(&F::m_malformedTrace),
                        "ns3::PptpControlConnection::MalformedTracedCallback")
        .AddTraceSource("LinkInfo",
                        "A Set-Link-Info was received for a call (PAC side).",
                        MakeTraceSourceAccessor(&F::m_linkInfoTrace),
                        "ns3::PptpControlConnection::LinkInfoTracedCallback")
        .AddTraceSource("WanError",
                        "A WAN-Error-Notify was received for a call (PNS side).",
                        MakeTraceSourceAccessor(&F::m_wanErrorTrace),
                        "ns3::PptpControlConnection::WanErrorTracedCallback")
        .AddTraceSource("TunnelOpened",
                        "The data channel of a call was opened and its PPP layer starts: Call "
                        "ID, tunnel (connect to tunnel->GetPppLink()'s traces here).",
                        MakeTraceSourceAccessor(&F::m_tunnelOpenedTrace),
                        "ns3::PptpTunnel::TunnelTracedCallback")
        .AddTraceSource("TunnelUp",
                        "The tunnel of a call is up (IPCP open, MPPE settled, ppp0 has its "
                        "address): Call ID, tunnel (GetTunnelAddress(), GetPeerTunnelAddress()).",
                        MakeTraceSourceAccessor(&F::m_tunnelUpTrace),
                        "ns3::PptpTunnel::TunnelTracedCallback")
        .AddTraceSource("TunnelDown",
                        "The data channel of a call was closed (the call ended): Call ID, "
                        "tunnel, with the final counters of its session, device and PPP layer.",
                        MakeTraceSourceAccessor(&F::m_tunnelDownTrace),
                        "ns3::PptpTunnel::TunnelTracedCallback");
}

void
PptpControlTraceForwarder::ForwardTraces(Ptr<PptpControlConnection> c)
{
    c->TraceConnectWithoutContext(
        "Tx", MakeCallback(&TracedCallback<const PptpControlMessage&>::operator(), &m_txTrace));
    c->TraceConnectWithoutContext(
        "Rx", MakeCallback(&TracedCallback<const PptpControlMessage&>::operator(), &m_rxTrace));
    c->TraceConnectWithoutContext(
        "State",
        MakeCallback(
            &TracedCallback<PptpControlConnectionState, PptpControlConnectionState>::operator(),
            &m_stateTrace));
    c->TraceConnectWithoutContext(
        "CallState",
        MakeCallback(&TracedCallback<uint16_t, PptpCallState, PptpCallState>::operator(),
                     &m_callStateTrace));
    c->TraceConnectWithoutContext(
        "CallEstablished",
        MakeCallback(&TracedCallback<uint16_t, uint16_t, uint16_t, uint16_t, uint16_t>::operator(),
                     &m_callEstablishedTrace));
    c->TraceConnectWithoutContext(
        "CallCleared",
        MakeCallback(&TracedCallback<uint16_t, PptpCallClearReason, uint8_t>::operator(),
                     &m_callClearedTrace));
    c->TraceConnectWithoutContext(
        "MalformedMessage",
        MakeCallback(&TracedCallback<WireError>::operator(), &m_malformedTrace));
    c->TraceConnectWithoutContext(
        "LinkInfo",
        MakeCallback(&TracedCallback<uint16_t, const PptpSetLinkInfo&>::operator(),
                     &m_linkInfoTrace));
    c->TraceConnectWithoutContext(
        "WanError",
        MakeCallback(&TracedCallback<uint16_t, const PptpWanErrorNotify&>::operator(),
                     &m_wanErrorTrace));
}

} // namespace ns3
