/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ppp-auth-protocol.h"

#include "ppp-frame-header.h"

#include "ns3/abort.h"
#include "ns3/log.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PppAuthProtocol");

NS_OBJECT_ENSURE_REGISTERED(PppAuthProtocol);

TypeId
PppAuthProtocol::GetTypeId()
{
    static TypeId tid
        = TypeId("ns3::PppAuthProtocol")
              .SetParent<Object>()
              .SetGroupName("Pptp")
              .AddTraceSource("Tx",
                              "A PAP or CHAP packet was sent (protocol, packet from Code on).",
                              MakeTraceSourceAccessor(&PppAuthProtocol::m_txTrace),
                              "ns3::PppAuthProtocol::PacketTracedCallback")
              .AddTraceSource("Rx",
                              "A PAP or CHAP packet was received (protocol, packet from Code on).",
                              MakeTraceSourceAccessor(&PppAuthProtocol::m_rxTrace),
                              "ns3::PppAuthProtocol::PacketTracedCallback")
              .AddTraceSource("Discarded",
                              "A received packet was dropped: wrong protocol or code, stale "
                              "Identifier, or not expected in the state.",
                              MakeTraceSourceAccessor(&PppAuthProtocol::m_discardTrace),
                              "ns3::PppAuthProtocol::PacketTracedCallback")
              .AddTraceSource("Malformed",
                              "A received packet did not decode (protocol, packet, error).",
                              MakeTraceSourceAccessor(&PppAuthProtocol::m_malformedTrace),
                              "ns3::PppAuthProtocol::MalformedTracedCallback");
    return tid;
}

PppAuthProtocol::PppAuthProtocol()
    : m_method(PppAuthMethod::MSCHAPV2)
    , m_maxSent(10)
    , m_identifier(0)
    , m_sent(0)
    , m_hasMasterKey(false)
    , m_masterKey{}
    , m_random(CreateObject<UniformRandomVariable>())
    , m_malformed(0)
    , m_discarded(0)
{
    NS_LOG_FUNCTION(this);
}

PppAuthProtocol::~PppAuthProtocol()
{
    NS_LOG_FUNCTION(this);
}

void
PppAuthProtocol::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_restartEvent.Cancel();
    m_timeoutEvent.Cancel();
    m_send = MakeNullCallback<void, uint16_t, Ptr<Packet>>();
    m_result = MakeNullCallback<void, bool, std::string>();
    m_random = nullptr;
    Object::DoDispose();
}

void
PppAuthProtocol::SetMethod(PppAuthMethod method)
{
    NS_LOG_FUNCTION(this << method);
    NS_ABORT_MSG_IF(method == PppAuthMethod::NONE,
                    GetInstanceTypeId().GetName() << ": method NONE");
    m_method = method;
}

PppAuthMethod
PppAuthProtocol::GetMethod() const
{
    return m_method;
}

void
PppAuthProtocol::SetSendCallback(SendCallback callback)
{
    m_send = callback;
}

void
PppAuthProtocol::SetResultCallback(ResultCallback callback)
{
    m_result = callback;
}

int64_t
PppAuthProtocol::AssignStreams(int64_t stream)
{
    NS_LOG_FUNCTION(this << stream);
    m_random->SetStream(stream);
    return 1;
}

bool
PppAuthProtocol::HasMppeMasterKey() const
{
    return m_hasMasterKey;
}

const MppeKeys::MasterKey&
PppAuthProtocol::GetMppeMasterKey() const
{
    return m_masterKey;
}

uint64_t
PppAuthProtocol::GetMalformedCount() const
{
    return m_malformed;
}

uint64_t
PppAuthProtocol::GetDiscardedCount() const
{
    return m_discarded;
}

uint16_t
PppAuthProtocol::Protocol() const
{
    return m_method == PppAuthMethod::PAP ? PppProtocol::PAP : PppProtocol::CHAP;
}

void
PppAuthProtocol::Start()
{
    NS_LOG_FUNCTION(this << m_method);
    NS_ABORT_MSG_IF(m_method == PppAuthMethod::NONE,
                    GetInstanceTypeId().GetName() << "::Start without a method");
    m_restartEvent.Cancel();
    m_timeoutEvent.Cancel();
    m_sent = 0;
    m_hasMasterKey = false;
    m_masterKey.fill(0);
    m_timeoutEvent = Simulator::Schedule(m_timeout, &PppAuthProtocol::AuthenticationTimeout, this);
    DoStart();
}

void
PppAuthProtocol::Stop()
{
    NS_LOG_FUNCTION(this);
    m_restartEvent.Cancel();
    m_timeoutEvent.Cancel();
    EnterInitial();
}

void
PppAuthProtocol::Receive(uint16_t protocol, Ptr<Packet> packet)
{
    NS_LOG_FUNCTION(this << protocol << packet);
    m_rxTrace(protocol, packet);
    if (!IsStarted())
    {
        Discard(protocol, packet, "not started");
        return;
    }
    if (protocol != Protocol())
    {
        Discard(protocol, packet, "not the protocol of the method");
        return;
    }
    if (protocol == PppProtocol::PAP)
    {
        ReceivePap(packet);
    }
    else
    {
        ReceiveChap(packet);
    }
}

void
PppAuthProtocol::Send(Ptr<Packet> packet)
{
    uint16_t protocol = Protocol();
    m_txTrace(protocol, packet);
    if (!m_send.IsNull())
    {
        m_send(protocol, packet);
    }
}

void
PppAuthProtocol::SendRepeated(Ptr<Packet> packet)
{
    ++m_sent;
    m_restartEvent = Simulator::Schedule(m_restartTimer, &PppAuthProtocol::RestartTimeout, this);
    Send(packet);
}

void
PppAuthProtocol::Discard(uint16_t protocol, Ptr<const Packet> packet, const char* why)
{
    NS_LOG_LOGIC(this << " discarded " << PppProtocolName(protocol) << " packet: " << why);
    ++m_discarded;
    m_discardTrace(protocol, packet);
}

void
PppAuthProtocol::Malformed(uint16_t protocol, Ptr<const Packet> packet, WireError error)
{
    NS_LOG_LOGIC(this << " malformed " << PppProtocolName(protocol) << " packet: " << error);
    ++m_malformed;
    m_malformedTrace(protocol, packet, error);
}

void
PppAuthProtocol::ReportResult(bool success, const std::string& text)
{
    NS_LOG_FUNCTION(this << success << text);
    m_restartEvent.Cancel();
    m_timeoutEvent.Cancel();
    EnterResult(success);
    m_resultTrace(m_method, success, text);
    if (!m_result.IsNull())
    {
        // Last: the owner may stop or dispose of this object.
        m_result(success, text);
    }
}

void
PppAuthProtocol::DrawChallenge(std::vector<uint8_t>& challenge, std::size_t size)
{
    if (!m_nextChallenge.empty())
    {
        challenge.swap(m_nextChallenge);
        m_nextChallenge.clear();
        return;
    }
    challenge.resize(size);
    for (uint8_t& octet : challenge)
    {
        octet = static_cast<uint8_t>(m_random->GetInteger(0, 255));
    }
}

void
PppAuthProtocol::RestartTimeout()
{
    NS_LOG_FUNCTION(this);
    if (!IsAwaitingReply())
    {
        return;
    }
    if (m_sent >= m_maxSent)
    {
        NS_LOG_INFO(this << " no reply to " << m_sent << " packets");
        Fail("(no reply)");
        return;
    }
    Repeat();
}

void
PppAuthProtocol::AuthenticationTimeout()
{
    NS_LOG_FUNCTION(this);
    if (IsAwaitingResult())
    {
        NS_LOG_INFO(this << " authentication timed out");
        Fail("(timeout)");
    }
}

} // namespace ns3
