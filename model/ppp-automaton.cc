/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ppp-automaton.h"

#include "ppp-frame-header.h"
#include "pptp-range-checker.h"

#include "ns3/boolean.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/trace-source-accessor.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <iterator>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PppAutomaton");

NS_OBJECT_ENSURE_REGISTERED(PppAutomaton);

namespace
{

/**
 * \brief Whether the Restart timer runs in a state (the states with TO events, s.4.1).
 * \param state the state
 * \return true in CLOSING, STOPPING, REQ_SENT, ACK_RCVD and ACK_SENT
 */
bool
HasRestartTimer(PppAutomatonState state)
{
    switch (state)
    {
        case PppAutomatonState::CLOSING:
        case PppAutomatonState::STOPPING:
        case PppAutomatonState::REQ_SENT:
        case PppAutomatonState::ACK_RCVD:
        case PppAutomatonState::ACK_SENT:
            return true;
        default:
            return false;
    }
}

/**
 * \brief Whether a Configure-Request sent in this state continues a negotiation (a
 * retransmission, or an answer to a Nak, Reject or crossed Ack) rather than starting one
 * (as pppd's fsm_sconfreq decides when to reset its options).
 * \param state the automaton state when the request is built
 * \return true in REQ_SENT, ACK_RCVD and ACK_SENT
 */
bool
IsNegotiating(PppAutomatonState state)
{
    return state == PppAutomatonState::REQ_SENT || state == PppAutomatonState::ACK_RCVD
           || state == PppAutomatonState::ACK_SENT;
}

/**
 * \brief Whether two options are the same octets.
 * \param a one option
 * \param b the other
 * \return true when type, length and data agree
 */
bool
SameOption(const PppOption& a, const PppOption& b)
{
    return a.GetType() == b.GetType() && a.GetDataSize() == b.GetDataSize()
           && std::equal(a.GetData(), a.GetData() + a.GetDataSize(), b.GetData());
}

/**
 * \brief Whether two option lists are the same octets in the same order.
 * \param a one list
 * \param b the other
 * \return true when equal
 */
bool
SameOptions(const std::vector<PppOption>& a, const std::vector<PppOption>& b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), SameOption);
}

/**
 * \brief Whether a list holds an option with these octets.
 * \param list the list
 * \param option the option
 * \return true when found
 */
bool
Contains(const std::vector<PppOption>& list, const PppOption& option)
{
    return std::any_of(
        list.begin(), list.end(), [&option](const PppOption& o) { return SameOption(o, option); });
}

} // namespace

const char*
PppAutomatonStateName(PppAutomatonState state)
{
    switch (state)
    {
        case PppAutomatonState::INITIAL:
            return "INITIAL";
        case PppAutomatonState::STARTING:
            return "STARTING";
        case PppAutomatonState::CLOSED:
            return "CLOSED";
        case PppAutomatonState::STOPPED:
            return "STOPPED";
        case PppAutomatonState::CLOSING:
            return "CLOSING";
        case PppAutomatonState::STOPPING:
            return "STOPPING";
        case PppAutomatonState::REQ_SENT:
            return "REQ_SENT";
        case PppAutomatonState::ACK_RCVD:
            return "ACK_RCVD";
        case PppAutomatonState::ACK_SENT:
            return "ACK_SENT";
        case PppAutomatonState::OPENED:
            return "OPENED";
    }
    return "unknown";
}

std::ostream&
operator<<(std::ostream& os, PppAutomatonState state)
{
    return os << PppAutomatonStateName(state);
}

TypeId
PppAutomaton::GetTypeId()
{
    static TypeId tid
        = TypeId("ns3::PppAutomaton")
              .SetParent<Object>()
              .SetGroupName("Pptp")
              .AddAttribute("RestartTimer",
                            "Period of the Restart timer that retransmits Configure-Requests "
                            "and Terminate-Requests (RFC 1661 s.4.6; the RFC's default, 3 s).",
                            TimeValue(Seconds(3)),
                            MakeTimeAccessor(&PppAutomaton::m_restartTime),
                            MakePptpRangeChecker(MakeTimeChecker(NanoSeconds(1)),
                                                 "ns3::PppAutomaton::RestartTimer",
                                                 "> 0"))
              .AddAttribute("MaxConfigure",
                            "Configure-Requests sent without a valid answer before the peer is "
                            "taken to be unable to respond (RFC 1661 s.4.6 Max-Configure).",
                            UintegerValue(10),
                            MakeUintegerAccessor(&PppAutomaton::m_maxConfigure),
                            MakePptpRangeChecker(MakeUintegerChecker<uint32_t>(1),
                                                 "ns3::PppAutomaton::MaxConfigure",
                                                 ">= 1"))
              .AddAttribute("MaxTerminate",
                            "Terminate-Requests sent without a Terminate-Ack before the peer is "
                            "taken to be unable to respond (RFC 1661 s.4.6 Max-Terminate).",
                            UintegerValue(2),
                            MakeUintegerAccessor(&PppAutomaton::m_maxTerminate),
                            MakePptpRangeChecker(MakeUintegerChecker<uint32_t>(1),
                                                 "ns3::PppAutomaton::MaxTerminate",
                                                 ">= 1"))
              .AddAttribute("MaxFailure",
                            "Configure-Naks sent without a Configure-Ack sent, after which the "
                            "options a Nak would name are rejected instead (RFC 1661 s.4.6 "
                            "Max-Failure).",
                            UintegerValue(5),
                            MakeUintegerAccessor(&PppAutomaton::m_maxFailure),
                            MakePptpRangeChecker(MakeUintegerChecker<uint32_t>(1),
                                                 "ns3::PppAutomaton::MaxFailure",
                                                 ">= 1"))
              .AddAttribute("RestartOnOpen",
                            "The [r] option of RFC 1661 s.4.1: an Open in STOPPED, CLOSING, "
                            "STOPPING or OPENED is followed by Down and Up, which renegotiates "
                            "the link. Off: those cells keep their plain transition.",
                            BooleanValue(false),
                            MakeBooleanAccessor(&PppAutomaton::m_restartOnOpen),
                            MakeBooleanChecker())
              .AddAttribute("Passive",
                            "The [p] option of RFC 1661 s.4.1: when the peer does not answer "
                            "Max-Configure requests (TO- in REQ_SENT, ACK_RCVD, ACK_SENT), wait "
                            "in STOPPED for its Configure-Request without the tlf action.",
                            BooleanValue(false),
                            MakeBooleanAccessor(&PppAutomaton::m_passive),
                            MakeBooleanChecker())
              .AddTraceSource("State",
                              "The automaton state (RFC 1661 s.4.2).",
                              MakeTraceSourceAccessor(&PppAutomaton::m_state),
                              "ns3::PppAutomaton::StateTracedCallback")
              .AddTraceSource("Tx",
                              "A control packet sent: the protocol and the packet from its Code "
                              "on.",
                              MakeTraceSourceAccessor(&PppAutomaton::m_txTrace),
                              "ns3::PppAutomaton::PacketTracedCallback")
              .AddTraceSource("Rx",
                              "A control packet received (before it is decoded): the protocol "
                              "and the packet from its Code on.",
                              MakeTraceSourceAccessor(&PppAutomaton::m_rxTrace),
                              "ns3::PppAutomaton::PacketTracedCallback")
              .AddTraceSource("Malformed",
                              "A received packet that did not decode, and why; it was dropped.",
                              MakeTraceSourceAccessor(&PppAutomaton::m_malformedTrace),
                              "ns3::PppAutomaton::MalformedTracedCallback");
    return tid;
}

PppAutomaton::PppAutomaton(uint16_t protocol)
    : m_protocol(protocol)
    , m_state(PppAutomatonState::INITIAL)
    , m_restartTime(Seconds(3))
    , m_maxConfigure(10)
    , m_maxTerminate(2)
    , m_maxFailure(5)
    , m_restartOnOpen(false)
    , m_passive(false)
    , m_restartCount(0)
    , m_identifier(1)
    , m_requestIdentifier(0)
    , m_requestSent(false)
    , m_freshNegotiation(true)
    , m_naksSent(0)
    , m_peerMru(1500)
    , m_rejectedCodes(256, false)
    , m_eventSerial(0)
    , m_malformed(0)
    , m_requestsSent(0)
    , m_illegalEvents(0)
    , m_discardedResponses(0)
{
    NS_LOG_FUNCTION(this << protocol);
    NS_ASSERT_MSG(PppOption::IsControlProtocol(protocol),
                  "PppAutomaton: not a control protocol: " << protocol);
}

PppAutomaton::~PppAutomaton()
{
    NS_LOG_FUNCTION(this);
}

void
PppAutomaton::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_restartEvent.Cancel();
    m_closeSoonEvent.Cancel();
    m_send = SendCallback();
    m_upCallback = Callback<void>();
    m_downCallback = Callback<void>();
    m_finishedCallback = Callback<void>();
    m_lastRequest.clear();
    Object::DoDispose();
}

void
PppAutomaton::SetSendCallback(SendCallback callback)
{
    NS_LOG_FUNCTION(this);
    m_send = callback;
}

void
PppAutomaton::SetLayerCallbacks(Callback<void> up, Callback<void> down, Callback<void> finished)
{
    NS_LOG_FUNCTION(this);
    m_upCallback = up;
    m_downCallback = down;
    m_finishedCallback = finished;
}

uint16_t
PppAutomaton::GetProtocol() const
{
    return m_protocol;
}

PppAutomatonState
PppAutomaton::GetState() const
{
    return m_state;
}

bool
PppAutomaton::IsOpened() const
{
    return m_state == PppAutomatonState::OPENED;
}

uint64_t
PppAutomaton::GetMalformedCount() const
{
    return m_malformed;
}

uint64_t
PppAutomaton::GetConfigureRequestsSent() const
{
    return m_requestsSent;
}

uint64_t
PppAutomaton::GetIllegalEventCount() const
{
    return m_illegalEvents;
}

uint64_t
PppAutomaton::GetDiscardedResponseCount() const
{
    return m_discardedResponses;
}

bool
PppAutomaton::IsCodeRejected(uint8_t code) const
{
    return m_rejectedCodes[code];
}

void
PppAutomaton::SetPeerMru(uint16_t mru)
{
    NS_LOG_FUNCTION(this << mru);
    m_peerMru = std::max<uint16_t>(mru, 128);
}

const std::vector<PppOption>&
PppAutomaton::GetLastRequest() const
{
    return m_lastRequest;
}

void
PppAutomaton::RequestFreshNegotiation()
{
    NS_LOG_FUNCTION(this);
    m_freshNegotiation = true;
}

bool
PppAutomaton::IsFreshNegotiationPending() const
{
    return m_freshNegotiation;
}

bool
PppAutomaton::CloseSoon(const std::string& reason)
{
    NS_LOG_FUNCTION(this << reason);
    if (m_closeSoonEvent.IsRunning())
    {
        return false;
    }
    m_closeSoonReason = reason;
    m_closeSoonEvent = Simulator::ScheduleNow(&PppAutomaton::DeferredClose, this);
    return true;
}

bool
PppAutomaton::IsCloseSoonPending() const
{
    return m_closeSoonEvent.IsRunning();
}

void
PppAutomaton::CancelCloseSoon()
{
    NS_LOG_FUNCTION(this);
    m_closeSoonEvent.Cancel();
}

void
PppAutomaton::DeferredClose()
{
    NS_LOG_FUNCTION(this);
    Close(m_closeSoonReason);
}

uint8_t
PppAutomaton::NextIdentifier()
{
    return m_identifier++;
}

// ---- state bookkeeping ----

void
PppAutomaton::SetState(PppAutomatonState state, const char* event)
{
    NS_LOG_LOGIC(PppProtocolName(m_protocol)
                 << " " << m_state.Get() << " --" << event << "--> " << state);
    if (!HasRestartTimer(state))
    {
        m_restartEvent.Cancel();
    }
    m_state = state;
}

void
PppAutomaton::IllegalEvent(const char* event)
{
    ++m_illegalEvents;
    NS_LOG_WARN(PppProtocolName(m_protocol)
                << " illegal event " << event << " in state " << m_state.Get() << ": ignored");
}

uint64_t
PppAutomaton::BeginEvent()
{
    return ++m_eventSerial;
}

bool
PppAutomaton::Superseded(uint64_t serial) const
{
    if (serial != m_eventSerial)
    {
        NS_LOG_LOGIC(PppProtocolName(m_protocol)
                     << " a hook caused another event: the rest of the actions are dropped");
        return true;
    }
    return false;
}

// ---- actions (s.4.4) ----

void
PppAutomaton::Tlu()
{
    NS_LOG_LOGIC(PppProtocolName(m_protocol) << " tlu");
    uint64_t serial = m_eventSerial;
    ThisLayerUp();
    if (!Superseded(serial) && !m_upCallback.IsNull())
    {
        m_upCallback();
    }
}

void
PppAutomaton::Tld()
{
    NS_LOG_LOGIC(PppProtocolName(m_protocol) << " tld");
    uint64_t serial = m_eventSerial;
    m_freshNegotiation = true;
    ThisLayerDown();
    if (!Superseded(serial) && !m_downCallback.IsNull())
    {
        m_downCallback();
    }
}

void
PppAutomaton::Tls()
{
    NS_LOG_LOGIC(PppProtocolName(m_protocol) << " tls");
    m_freshNegotiation = true;
    ThisLayerStarted();
}

void
PppAutomaton::Tlf()
{
    NS_LOG_LOGIC(PppProtocolName(m_protocol) << " tlf");
    uint64_t serial = m_eventSerial;
    m_freshNegotiation = true;
    ThisLayerFinished();
    if (!Superseded(serial) && !m_finishedCallback.IsNull())
    {
        m_finishedCallback();
    }
}

void
PppAutomaton::InitializeRestartCount(bool configure)
{
    m_restartCount = configure ? m_maxConfigure : m_maxTerminate;
}

void
PppAutomaton::ZeroRestartCount()
{
    // s.4.4: pause one Restart period before the final state, so the peer gets our
    // Terminate-Ack and can disconnect first (s.3.7).
    m_restartCount = 0;
    StartRestartTimer();
}

void
PppAutomaton::StartRestartTimer()
{
    m_restartEvent.Cancel();
    m_restartEvent = Simulator::Schedule(m_restartTime, &PppAutomaton::RestartTimerExpired, this);
}

void
PppAutomaton::SendConfigureRequest()
{
    NS_LOG_FUNCTION(this);
    if (m_freshNegotiation || !IsNegotiating(m_state))
    {
        NS_LOG_LOGIC(PppProtocolName(m_protocol) << " begins a negotiation in " << m_state.Get());
        m_freshNegotiation = false;
        BeginNegotiation();
    }
    m_lastRequest = BuildConfigureRequest();
    m_requestIdentifier = NextIdentifier();
    m_requestSent = true;
    ++m_requestsSent;
    if (m_restartCount > 0)
    {
        --m_restartCount;
    }
    StartRestartTimer();
    SendPacket(
        PppControlPacket::MakeConfigureRequest(m_protocol, m_requestIdentifier, m_lastRequest));
}

void
PppAutomaton::SendConfigureAck(uint8_t identifier, const std::vector<PppOption>& options)
{
    SendPacket(PppControlPacket::MakeConfigure(
        m_protocol, PppControlPacket::CONFIGURE_ACK, identifier, options));
}

void
PppAutomaton::SendConfigureNak(uint8_t code,
                               uint8_t identifier,
                               const std::vector<PppOption>& options)
{
    SendPacket(PppControlPacket::MakeConfigure(m_protocol, code, identifier, options));
}

void
PppAutomaton::SendTerminateRequest()
{
    NS_LOG_FUNCTION(this);
    if (m_restartCount > 0)
    {
        --m_restartCount;
    }
    StartRestartTimer();
    SendPacket(PppControlPacket::MakeTerminate(
        m_protocol, PppControlPacket::TERMINATE_REQUEST, NextIdentifier(), m_terminateData));
}

void
PppAutomaton::SendTerminateAck(uint8_t identifier)
{
    SendPacket(PppControlPacket::MakeTerminate(
        m_protocol, PppControlPacket::TERMINATE_ACK, identifier, std::vector<uint8_t>()));
}

void
PppAutomaton::SendCodeReject(const PppControlPacket& rejected)
{
    NS_LOG_FUNCTION(this);
    Ptr<Packet> copy = Create<Packet>();
    copy->AddHeader(rejected);
    // s.5.6: the rejected packet is truncated to fit the peer's MRU.
    uint32_t room = m_peerMru - PppControlPacket::HEADER_SIZE;
    std::vector<uint8_t> bytes(std::min(copy->GetSize(), room));
    copy->CopyData(bytes.data(), bytes.size());
    SendPacket(PppControlPacket::MakeCodeReject(m_protocol, NextIdentifier(), bytes));
}

void
PppAutomaton::SendPacket(const PppControlPacket& packet)
{
    NS_LOG_FUNCTION(this << PppControlPacket::CodeName(packet.GetCode())
                         << static_cast<uint32_t>(packet.GetIdentifier()));
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(packet);
    m_txTrace(m_protocol, p);
    if (m_send.IsNull())
    {
        NS_LOG_WARN(PppProtocolName(m_protocol) << " no send callback: packet dropped");
        return;
    }
    m_send(m_protocol, p);
}

// ---- administrative events ----

void
PppAutomaton::Up()
{
    NS_LOG_FUNCTION(this);
    BeginEvent();
    switch (m_state)
    {
        case PppAutomatonState::INITIAL:
            SetState(PppAutomatonState::CLOSED, "Up");
            break;
        case PppAutomatonState::STARTING:
            m_naksSent = 0;
            InitializeRestartCount(true);
            SendConfigureRequest();
            SetState(PppAutomatonState::REQ_SENT, "Up");
            break;
        default:
            IllegalEvent("Up");
            break;
    }
}

void
PppAutomaton::Down()
{
    NS_LOG_FUNCTION(this);
    BeginEvent();
    switch (m_state)
    {
        case PppAutomatonState::CLOSED:
        case PppAutomatonState::CLOSING:
            SetState(PppAutomatonState::INITIAL, "Down");
            break;
        case PppAutomatonState::STOPPED:
            SetState(PppAutomatonState::STARTING, "Down");
            Tls();
            break;
        case PppAutomatonState::STOPPING:
        case PppAutomatonState::REQ_SENT:
        case PppAutomatonState::ACK_RCVD:
        case PppAutomatonState::ACK_SENT:
            SetState(PppAutomatonState::STARTING, "Down");
            break;
        case PppAutomatonState::OPENED:
            SetState(PppAutomatonState::STARTING, "Down");
            Tld();
            break;
        default:
            IllegalEvent("Down");
            break;
    }
}

void
PppAutomaton::Open()
{
    NS_LOG_FUNCTION(this);
    uint64_t serial = BeginEvent();
    switch (m_state)
    {
        case PppAutomatonState::INITIAL:
            SetState(PppAutomatonState::STARTING, "Open");
            Tls();
            return;
        case PppAutomatonState::STARTING:
        case PppAutomatonState::REQ_SENT:
        case PppAutomatonState::ACK_RCVD:
        case PppAutomatonState::ACK_SENT:
            SetState(m_state, "Open");
            return;
        case PppAutomatonState::CLOSED:
            m_naksSent = 0;
            InitializeRestartCount(true);
            SendConfigureRequest();
            SetState(PppAutomatonState::REQ_SENT, "Open");
            return;
        case PppAutomatonState::STOPPED:
        case PppAutomatonState::OPENED:
            SetState(m_state, "Open");
            break;
        case PppAutomatonState::CLOSING:
        case PppAutomatonState::STOPPING:
            SetState(PppAutomatonState::STOPPING, "Open");
            break;
    }
    if (m_restartOnOpen && !Superseded(serial))
    {
        // [r]: renegotiate through Starting (s.4.3 Open, Implementation Option).
        Down();
        Up();
    }
}

void
PppAutomaton::Close(const std::string& reason)
{
    NS_LOG_FUNCTION(this << reason);
    uint64_t serial = BeginEvent();
    switch (m_state)
    {
        case PppAutomatonState::INITIAL:
        case PppAutomatonState::CLOSED:
        case PppAutomatonState::CLOSING:
            SetState(m_state, "Close");
            break;
        case PppAutomatonState::STARTING:
            SetState(PppAutomatonState::INITIAL, "Close");
            Tlf();
            break;
        case PppAutomatonState::STOPPED:
            SetState(PppAutomatonState::CLOSED, "Close");
            break;
        case PppAutomatonState::STOPPING:
            SetState(PppAutomatonState::CLOSING, "Close");
            break;
        case PppAutomatonState::REQ_SENT:
        case PppAutomatonState::ACK_RCVD:
        case PppAutomatonState::ACK_SENT:
            m_terminateData.assign(reason.begin(), reason.end());
            InitializeRestartCount(false);
            SendTerminateRequest();
            SetState(PppAutomatonState::CLOSING, "Close");
            break;
        case PppAutomatonState::OPENED:
            m_terminateData.assign(reason.begin(), reason.end());
            SetState(PppAutomatonState::CLOSING, "Close");
            Tld();
            if (Superseded(serial))
            {
                return;
            }
            InitializeRestartCount(false);
            SendTerminateRequest();
            break;
    }
}

void
PppAutomaton::RestartTimerExpired()
{
    NS_LOG_FUNCTION(this << m_restartCount);
    BeginEvent();
    if (m_restartCount > 0)
    {
        switch (m_state)
        {
            case PppAutomatonState::CLOSING:
            case PppAutomatonState::STOPPING:
                SendTerminateRequest();
                SetState(m_state, "TO+");
                break;
            case PppAutomatonState::REQ_SENT:
            case PppAutomatonState::ACK_RCVD:
                SendConfigureRequest();
                SetState(PppAutomatonState::REQ_SENT, "TO+");
                break;
            case PppAutomatonState::ACK_SENT:
                SendConfigureRequest();
                SetState(PppAutomatonState::ACK_SENT, "TO+");
                break;
            default:
                IllegalEvent("TO+");
                break;
        }
        return;
    }
    switch (m_state)
    {
        case PppAutomatonState::CLOSING:
            SetState(PppAutomatonState::CLOSED, "TO-");
            Tlf();
            break;
        case PppAutomatonState::STOPPING:
            SetState(PppAutomatonState::STOPPED, "TO-");
            Tlf();
            break;
        case PppAutomatonState::REQ_SENT:
        case PppAutomatonState::ACK_RCVD:
        case PppAutomatonState::ACK_SENT:
            SetState(PppAutomatonState::STOPPED, "TO-");
            if (!m_passive)
            {
                Tlf();
            }
            break;
        default:
            IllegalEvent("TO-");
            break;
    }
}

// ---- receive events ----

void
PppAutomaton::Receive(Ptr<Packet> packet)
{
    NS_LOG_FUNCTION(this << packet);
    m_rxTrace(m_protocol, packet);
    PppControlPacket decoded(m_protocol);
    if (packet->PeekHeader(decoded) == 0)
    {
        if (decoded.GetError() == WireError::UNKNOWN_TYPE)
        {
            ReceiveUnknownCode(decoded);
            return;
        }
        ++m_malformed;
        NS_LOG_WARN(PppProtocolName(m_protocol) << " malformed packet of " << packet->GetSize()
                                                << " octets dropped: " << decoded.GetError());
        m_malformedTrace(m_protocol, packet, decoded.GetError());
        return;
    }
    switch (decoded.GetCode())
    {
        case PppControlPacket::CONFIGURE_REQUEST:
            ReceiveConfigureRequest(decoded);
            break;
        case PppControlPacket::CONFIGURE_ACK:
            ReceiveConfigureAck(decoded);
            break;
        case PppControlPacket::CONFIGURE_NAK:
        case PppControlPacket::CONFIGURE_REJECT:
            ReceiveConfigureNak(decoded);
            break;
        case PppControlPacket::TERMINATE_REQUEST:
            ReceiveTerminateRequest(decoded);
            break;
        case PppControlPacket::TERMINATE_ACK:
            ReceiveTerminateAck();
            break;
        case PppControlPacket::CODE_REJECT:
            ReceiveCodeReject(decoded);
            break;
        default:
            ReceiveOther(decoded);
            break;
    }
}

PppAutomaton::RequestVerdict
PppAutomaton::Judge(const std::vector<PppOption>& options, std::vector<PppOption>& reply)
{
    reply.clear();
    RequestVerdict verdict = ProcessConfigureRequest(options, reply);
    if (verdict != RequestVerdict::NAK || m_naksSent < m_maxFailure)
    {
        return verdict;
    }
    // s.4.6 Max-Failure: reject the request's options the Nak would have named; options the
    // Nak would have asked to be added are no longer asked for.
    std::vector<PppOption> rejected;
    for (const PppOption& option : options)
    {
        bool named = std::any_of(reply.begin(),
                                 reply.end(),
                                 [&option](const PppOption& o)
                                 { return o.GetType() == option.GetType(); });
        if (named)
        {
            rejected.push_back(option);
        }
    }
    NS_LOG_LOGIC(PppProtocolName(m_protocol)
                 << " Max-Failure (" << m_maxFailure << " Naks sent): Nak turned into "
                 << (rejected.empty() ? "Ack" : "Reject"));
    reply.swap(rejected);
    return reply.empty() ? RequestVerdict::ACK : RequestVerdict::REJECT;
}

void
PppAutomaton::Answer(RequestVerdict verdict,
                     uint8_t identifier,
                     const std::vector<PppOption>& options,
                     const std::vector<PppOption>& reply)
{
    switch (verdict)
    {
        case RequestVerdict::ACK:
            m_naksSent = 0;
            SendConfigureAck(identifier, options);
            break;
        case RequestVerdict::NAK:
            ++m_naksSent;
            SendConfigureNak(PppControlPacket::CONFIGURE_NAK, identifier, reply);
            break;
        case RequestVerdict::REJECT:
            SendConfigureNak(PppControlPacket::CONFIGURE_REJECT, identifier, reply);
            break;
    }
}

void
PppAutomaton::ReceiveConfigureRequest(const PppControlPacket& packet)
{
    NS_LOG_FUNCTION(this << static_cast<uint32_t>(packet.GetIdentifier()));
    uint64_t serial = BeginEvent();
    const std::vector<PppOption>& options = packet.GetOptions();
    std::vector<PppOption> reply;
    RequestVerdict verdict;
    switch (m_state)
    {
        case PppAutomatonState::INITIAL:
        case PppAutomatonState::STARTING:
            IllegalEvent("RCR");
            return;
        case PppAutomatonState::CLOSED:
            SendTerminateAck(packet.GetIdentifier());
            SetState(m_state, "RCR");
            return;
        case PppAutomatonState::CLOSING:
        case PppAutomatonState::STOPPING:
            SetState(m_state, "RCR");
            return;
        case PppAutomatonState::STOPPED:
            m_naksSent = 0;
            InitializeRestartCount(true);
            SendConfigureRequest();
            break;
        case PppAutomatonState::OPENED:
            // tld first, so that the protocol judges the request afresh; the state passes through
            // REQ_SENT and the verdict decides where it ends.
            SetState(PppAutomatonState::REQ_SENT, "RCR");
            Tld();
            if (Superseded(serial))
            {
                return;
            }
            m_naksSent = 0;
            SendConfigureRequest();
            break;
        default:
            break;
    }
    verdict = Judge(options, reply);
    if (Superseded(serial))
    {
        return;
    }
    Answer(verdict, packet.GetIdentifier(), options, reply);
    bool good = verdict == RequestVerdict::ACK;
    const char* event = good ? "RCR+" : "RCR-";
    switch (m_state)
    {
        case PppAutomatonState::ACK_RCVD:
            if (good)
            {
                SetState(PppAutomatonState::OPENED, event);
                Tlu();
            }
            else
            {
                SetState(PppAutomatonState::ACK_RCVD, event);
            }
            break;
        default: // STOPPED, REQ_SENT, ACK_SENT and OPENED (now REQ_SENT)
            SetState(good ? PppAutomatonState::ACK_SENT : PppAutomatonState::REQ_SENT, event);
            break;
    }
}

bool
PppAutomaton::IsValidResponse(const PppControlPacket& packet)
{
    bool valid = m_requestSent && packet.GetIdentifier() == m_requestIdentifier;
    if (valid && packet.GetCode() == PppControlPacket::CONFIGURE_ACK)
    {
        valid = SameOptions(packet.GetOptions(), m_lastRequest);
    }
    else if (valid && packet.GetCode() == PppControlPacket::CONFIGURE_REJECT)
    {
        const std::vector<PppOption>& rejected = packet.GetOptions();
        valid = !rejected.empty()
                && std::all_of(rejected.begin(),
                               rejected.end(),
                               [this](const PppOption& o) { return Contains(m_lastRequest, o); });
    }
    if (!valid)
    {
        ++m_discardedResponses;
        NS_LOG_LOGIC(PppProtocolName(m_protocol)
                     << " " << PppControlPacket::CodeName(packet.GetCode()) << " identifier "
                     << static_cast<uint32_t>(packet.GetIdentifier())
                     << " does not answer the last request (identifier "
                     << static_cast<uint32_t>(m_requestIdentifier) << "): silently discarded");
    }
    return valid;
}

void
PppAutomaton::ReceiveConfigureAck(const PppControlPacket& packet)
{
    NS_LOG_FUNCTION(this << static_cast<uint32_t>(packet.GetIdentifier()));
    uint64_t serial = BeginEvent();
    switch (m_state)
    {
        case PppAutomatonState::INITIAL:
        case PppAutomatonState::STARTING:
            IllegalEvent("RCA");
            return;
        case PppAutomatonState::CLOSED:
        case PppAutomatonState::STOPPED:
            SendTerminateAck(packet.GetIdentifier());
            SetState(m_state, "RCA");
            return;
        case PppAutomatonState::CLOSING:
        case PppAutomatonState::STOPPING:
            SetState(m_state, "RCA");
            return;
        default:
            break;
    }
    if (!IsValidResponse(packet))
    {
        return;
    }
    switch (m_state)
    {
        case PppAutomatonState::REQ_SENT:
            InitializeRestartCount(true);
            ProcessConfigureAck(packet.GetOptions());
            if (!Superseded(serial))
            {
                SetState(PppAutomatonState::ACK_RCVD, "RCA");
            }
            break;
        case PppAutomatonState::ACK_RCVD:
            NS_LOG_WARN(PppProtocolName(m_protocol) << " second Configure-Ack in ACK_RCVD: crossed "
                                                       "connection (s.4.3 RCA)");
            SendConfigureRequest();
            SetState(PppAutomatonState::REQ_SENT, "RCA");
            break;
        case PppAutomatonState::ACK_SENT:
            InitializeRestartCount(true);
            ProcessConfigureAck(packet.GetOptions());
            if (!Superseded(serial))
            {
                SetState(PppAutomatonState::OPENED, "RCA");
                Tlu();
            }
            break;
        case PppAutomatonState::OPENED:
            NS_LOG_WARN(PppProtocolName(m_protocol) << " Configure-Ack in OPENED: crossed "
                                                       "connection (s.4.3 RCA)");
            SetState(PppAutomatonState::REQ_SENT, "RCA");
            Tld();
            if (!Superseded(serial))
            {
                m_naksSent = 0;
                SendConfigureRequest();
            }
            break;
        default:
            break;
    }
}

void
PppAutomaton::ReceiveConfigureNak(const PppControlPacket& packet)
{
    NS_LOG_FUNCTION(this << static_cast<uint32_t>(packet.GetIdentifier()));
    uint64_t serial = BeginEvent();
    switch (m_state)
    {
        case PppAutomatonState::INITIAL:
        case PppAutomatonState::STARTING:
            IllegalEvent("RCN");
            return;
        case PppAutomatonState::CLOSED:
        case PppAutomatonState::STOPPED:
            SendTerminateAck(packet.GetIdentifier());
            SetState(m_state, "RCN");
            return;
        case PppAutomatonState::CLOSING:
        case PppAutomatonState::STOPPING:
            SetState(m_state, "RCN");
            return;
        default:
            break;
    }
    if (!IsValidResponse(packet))
    {
        return;
    }
    PppAutomatonState next = m_state == PppAutomatonState::ACK_SENT ? PppAutomatonState::ACK_SENT
                                                                    : PppAutomatonState::REQ_SENT;
    switch (m_state)
    {
        case PppAutomatonState::REQ_SENT:
        case PppAutomatonState::ACK_SENT:
            InitializeRestartCount(true);
            break;
        case PppAutomatonState::ACK_RCVD:
            NS_LOG_WARN(PppProtocolName(m_protocol) << " Configure-Nak/Reject in ACK_RCVD: crossed "
                                                       "connection (s.4.3 RCA)");
            break;
        case PppAutomatonState::OPENED:
            NS_LOG_WARN(PppProtocolName(m_protocol) << " Configure-Nak/Reject in OPENED: crossed "
                                                       "connection (s.4.3 RCA)");
            SetState(PppAutomatonState::REQ_SENT, "RCN");
            Tld();
            if (Superseded(serial))
            {
                return;
            }
            m_naksSent = 0;
            break;
        default:
            break;
    }
    if (packet.GetCode() == PppControlPacket::CONFIGURE_NAK)
    {
        // A Nak's values are suggestions: the protocol sees only those that decode.
        const std::vector<PppOption>& options = packet.GetOptions();
        if (std::all_of(options.begin(),
                        options.end(),
                        [](const PppOption& o) { return o.GetStatus() == WireError::NONE; }))
        {
            ProcessConfigureNak(options);
        }
        else
        {
            std::vector<PppOption> wellFormed;
            std::copy_if(options.begin(),
                         options.end(),
                         std::back_inserter(wellFormed),
                         [](const PppOption& o) { return o.GetStatus() == WireError::NONE; });
            ProcessConfigureNak(wellFormed);
        }
    }
    else
    {
        ProcessConfigureReject(packet.GetOptions());
    }
    if (Superseded(serial))
    {
        return;
    }
    SendConfigureRequest();
    SetState(next, "RCN");
}

void
PppAutomaton::ReceiveTerminateRequest(const PppControlPacket& packet)
{
    NS_LOG_FUNCTION(this << static_cast<uint32_t>(packet.GetIdentifier()));
    uint64_t serial = BeginEvent();
    switch (m_state)
    {
        case PppAutomatonState::INITIAL:
        case PppAutomatonState::STARTING:
            IllegalEvent("RTR");
            break;
        case PppAutomatonState::CLOSED:
        case PppAutomatonState::STOPPED:
        case PppAutomatonState::CLOSING:
        case PppAutomatonState::STOPPING:
            SendTerminateAck(packet.GetIdentifier());
            SetState(m_state, "RTR");
            break;
        case PppAutomatonState::REQ_SENT:
        case PppAutomatonState::ACK_RCVD:
        case PppAutomatonState::ACK_SENT:
            SendTerminateAck(packet.GetIdentifier());
            SetState(PppAutomatonState::REQ_SENT, "RTR");
            break;
        case PppAutomatonState::OPENED:
            SetState(PppAutomatonState::STOPPING, "RTR");
            Tld();
            if (Superseded(serial))
            {
                return;
            }
            ZeroRestartCount();
            SendTerminateAck(packet.GetIdentifier());
            break;
    }
}

void
PppAutomaton::ReceiveTerminateAck()
{
    NS_LOG_FUNCTION(this);
    uint64_t serial = BeginEvent();
    switch (m_state)
    {
        case PppAutomatonState::INITIAL:
        case PppAutomatonState::STARTING:
            IllegalEvent("RTA");
            break;
        case PppAutomatonState::CLOSED:
        case PppAutomatonState::STOPPED:
        case PppAutomatonState::REQ_SENT:
        case PppAutomatonState::ACK_SENT:
            SetState(m_state, "RTA");
            break;
        case PppAutomatonState::CLOSING:
            SetState(PppAutomatonState::CLOSED, "RTA");
            Tlf();
            break;
        case PppAutomatonState::STOPPING:
            SetState(PppAutomatonState::STOPPED, "RTA");
            Tlf();
            break;
        case PppAutomatonState::ACK_RCVD:
            SetState(PppAutomatonState::REQ_SENT, "RTA");
            break;
        case PppAutomatonState::OPENED:
            SetState(PppAutomatonState::REQ_SENT, "RTA");
            Tld();
            if (!Superseded(serial))
            {
                m_naksSent = 0;
                SendConfigureRequest();
            }
            break;
    }
}

void
PppAutomaton::ReceiveUnknownCode(const PppControlPacket& packet)
{
    NS_LOG_FUNCTION(this << static_cast<uint32_t>(packet.GetCode()));
    BeginEvent();
    switch (m_state)
    {
        case PppAutomatonState::INITIAL:
        case PppAutomatonState::STARTING:
            IllegalEvent("RUC");
            break;
        default:
            SendCodeReject(packet);
            SetState(m_state, "RUC");
            break;
    }
}

void
PppAutomaton::ReceiveCodeReject(const PppControlPacket& packet)
{
    NS_LOG_FUNCTION(this);
    const std::vector<uint8_t>& rejected = packet.GetData();
    if (rejected.empty())
    {
        // Nothing named: nothing to stop sending.
        ReceiveReject(false);
        return;
    }
    uint8_t code = rejected[0];
    NS_LOG_LOGIC(PppProtocolName(m_protocol)
                 << " Code-Reject of " << PppControlPacket::CodeName(code));
    // s.4.3: a Code-Reject of Configure-* or Terminate-* is catastrophic; of another code
    // (Code-Reject, the extended codes) the code is just not sent any more.
    if (code >= PppControlPacket::CONFIGURE_REQUEST && code <= PppControlPacket::TERMINATE_ACK)
    {
        ReceiveReject(true);
        return;
    }
    m_rejectedCodes[code] = true;
    ReceiveReject(false);
}

void
PppAutomaton::ProtocolRejected()
{
    NS_LOG_FUNCTION(this);
    ReceiveReject(true);
}

void
PppAutomaton::ReceiveReject(bool catastrophic)
{
    uint64_t serial = BeginEvent();
    const char* event = catastrophic ? "RXJ-" : "RXJ+";
    if (m_state == PppAutomatonState::INITIAL || m_state == PppAutomatonState::STARTING)
    {
        IllegalEvent(event);
        return;
    }
    if (!catastrophic)
    {
        SetState(m_state, event);
        return;
    }
    switch (m_state)
    {
        case PppAutomatonState::CLOSED:
        case PppAutomatonState::CLOSING:
            SetState(PppAutomatonState::CLOSED, event);
            Tlf();
            break;
        case PppAutomatonState::STOPPED:
        case PppAutomatonState::STOPPING:
        case PppAutomatonState::REQ_SENT:
        case PppAutomatonState::ACK_RCVD:
        case PppAutomatonState::ACK_SENT:
            SetState(PppAutomatonState::STOPPED, event);
            Tlf();
            break;
        case PppAutomatonState::OPENED:
            SetState(PppAutomatonState::STOPPING, event);
            Tld();
            if (!Superseded(serial))
            {
                m_terminateData.clear();
                InitializeRestartCount(false);
                SendTerminateRequest();
            }
            break;
        default:
            break;
    }
}

void
PppAutomaton::ReceiveOther(const PppControlPacket& packet)
{
    NS_LOG_FUNCTION(this << static_cast<uint32_t>(packet.GetCode()));
    BeginEvent();
    if (m_state == PppAutomatonState::INITIAL || m_state == PppAutomatonState::STARTING)
    {
        IllegalEvent("RXR");
        return;
    }
    SetState(m_state, "RXR");
    ReceiveOtherCode(packet);
}

// ---- default hooks ----

void
PppAutomaton::ProcessConfigureAck(const std::vector<PppOption>& /* options */)
{
}

void
PppAutomaton::BeginNegotiation()
{
}

void
PppAutomaton::ThisLayerUp()
{
}

void
PppAutomaton::ThisLayerDown()
{
}

void
PppAutomaton::ThisLayerStarted()
{
}

void
PppAutomaton::ThisLayerFinished()
{
}

void
PppAutomaton::ReceiveOtherCode(const PppControlPacket& /* packet */)
{
}

} // namespace ns3
