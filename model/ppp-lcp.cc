/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ppp-lcp.h"

#include "ppp-frame-header.h"
#include "pptp-range-checker.h"

#include "ns3/boolean.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/trace-source-accessor.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PppLcp");

NS_OBJECT_ENSURE_REGISTERED(PppLcp);

namespace
{

/// The MRU every PPP implementation accepts without negotiation (\RFC{1661} s.6.1).
const uint16_t DEFAULT_MRU = 1500;
/// The smallest MRU we accept from the peer (pppd's MINMRU).
const uint16_t MIN_MRU = 128;

} // namespace

TypeId
PppLcp::GetTypeId()
{
    static TypeId tid
        = TypeId("ns3::PppLcp")
              .SetParent<PppAutomaton>()
              .SetGroupName("Pptp")
              .AddConstructor<PppLcp>()
              .AddAttribute("Mru",
                            "The Maximum-Receive-Unit we ask the peer for; requested only when "
                            "not PPP's default 1500. 1400 is what Windows and pppd ask for over "
                            "PPTP.",
                            UintegerValue(1400),
                            MakeUintegerAccessor(&PppLcp::m_mru),
                            MakePptpRangeChecker(MakeUintegerChecker<uint16_t>(MIN_MRU, 65535),
                                                 "ns3::PppLcp::Mru",
                                                 "128..65535"))
              .AddAttribute("MagicNumber",
                            "Request a random Magic-Number (loop-back detection, RFC 1661 s.6.4).",
                            BooleanValue(true),
                            MakeBooleanAccessor(&PppLcp::m_magicNumber),
                            MakeBooleanChecker())
              .AddAttribute("Acfc",
                            "Request Address-and-Control-Field-Compression and accept the "
                            "peer's (RFC 1661 s.6.6).",
                            BooleanValue(true),
                            MakeBooleanAccessor(&PppLcp::m_acfc),
                            MakeBooleanChecker())
              .AddAttribute("Pfc",
                            "Request Protocol-Field-Compression and accept the peer's (RFC 1661 "
                            "s.6.5).",
                            BooleanValue(true),
                            MakeBooleanAccessor(&PppLcp::m_pfc),
                            MakeBooleanChecker())
              .AddAttribute("EchoInterval",
                            "Period of the Echo-Request keep-alive while OPENED; 0 disables it.",
                            TimeValue(Seconds(10)),
                            MakeTimeAccessor(&PppLcp::m_echoInterval),
                            MakePptpRangeChecker(
                                MakeTimeChecker(Time(0)), "ns3::PppLcp::EchoInterval", ">= 0"))
              .AddAttribute("EchoFailure",
                            "Echo-Requests unanswered when the next one is due after which the "
                            "peer is declared dead and the link closed.",
                            UintegerValue(3),
                            MakeUintegerAccessor(&PppLcp::m_echoFailure),
                            MakePptpRangeChecker(MakeUintegerChecker<uint32_t>(1),
                                                 "ns3::PppLcp::EchoFailure",
                                                 ">= 1"))
              .AddTraceSource("PeerDead",
                              "EchoFailure Echo-Requests went unanswered: the link is closed.",
                              MakeTraceSourceAccessor(&PppLcp::m_peerDeadTrace),
                              "ns3::PppLcp::EventTracedCallback")
              .AddTraceSource("LoopbackDetected",
                              "5 consecutive Configure-Requests carried our own Magic-Number: "
                              "the link is looped back and is closed.",
                              MakeTraceSourceAccessor(&PppLcp::m_loopbackTrace),
                              "ns3::PppLcp::EventTracedCallback")
              .AddTraceSource("AuthenticationRefused",
                              "The peer rejected our Authentication-Protocol option: the link "
                              "is closed.",
                              MakeTraceSourceAccessor(&PppLcp::m_authenticationRefusedTrace),
                              "ns3::PppLcp::EventTracedCallback")
              .AddTraceSource("EchoRtt",
                              "Round-trip time of each answered Echo-Request.",
                              MakeTraceSourceAccessor(&PppLcp::m_echoRttTrace),
                              "ns3::PppLcp::RttTracedCallback");
    return tid;
}

PppLcp::PppLcp()
    : PppAutomaton(PppProtocol::LCP)
    , m_mru(1400)
    , m_magicNumber(true)
    , m_acfc(true)
    , m_pfc(true)
    , m_echoInterval(Seconds(10))
    , m_echoFailure(3)
    , m_requiredAuth(PppAuthMethod::NONE)
    , m_acceptPap(false)
    , m_acceptChapMd5(false)
    , m_acceptMsChapV2(false)
    , m_requestMru(false)
    , m_requestMruValue(DEFAULT_MRU)
    , m_requestAuth(false)
    , m_requestMagic(false)
    , m_requestPfc(false)
    , m_requestAcfc(false)
    , m_localMagic(0)
    , m_peerMru(DEFAULT_MRU)
    , m_sendAcfc(false)
    , m_sendPfc(false)
    , m_receiveAcfc(false)
    , m_receivePfc(false)
    , m_localAuth(PppAuthMethod::NONE)
    , m_peerAuth(PppAuthMethod::NONE)
    , m_peerMagic(0)
    , m_magicAcked(false)
    , m_loopbackRun(0)
    , m_loopbackDetections(0)
    , m_echoUnanswered(0)
    , m_echoIdentifier(0)
    , m_echoRequestsSent(0)
    , m_echoRepliesReceived(0)
    , m_random(CreateObject<UniformRandomVariable>())
{
    NS_LOG_FUNCTION(this);
}

PppLcp::~PppLcp()
{
    NS_LOG_FUNCTION(this);
}

void
PppLcp::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_echoEvent.Cancel();
    m_protocolRejectCallback = Callback<void, uint16_t>();
    m_random = nullptr;
    PppAutomaton::DoDispose();
}

int64_t
PppLcp::AssignStreams(int64_t stream)
{
    NS_LOG_FUNCTION(this << stream);
    m_random->SetStream(stream);
    return 1;
}

void
PppLcp::SetRequiredAuthentication(PppAuthMethod method)
{
    NS_LOG_FUNCTION(this << method);
    m_requiredAuth = method;
    RequestFreshNegotiation();
}

void
PppLcp::SetAcceptedAuthentication(bool pap, bool chapMd5, bool msChapV2)
{
    NS_LOG_FUNCTION(this << pap << chapMd5 << msChapV2);
    m_acceptPap = pap;
    m_acceptChapMd5 = chapMd5;
    m_acceptMsChapV2 = msChapV2;
}

void
PppLcp::SetProtocolRejectCallback(Callback<void, uint16_t> callback)
{
    NS_LOG_FUNCTION(this);
    m_protocolRejectCallback = callback;
}

void
PppLcp::SendProtocolReject(uint16_t protocol, Ptr<const Packet> information)
{
    NS_LOG_FUNCTION(this << protocol << information);
    if (!IsOpened())
    {
        // s.5.7: Protocol-Reject is sent only in OPENED.
        NS_LOG_LOGIC("Protocol-Reject of 0x" << std::hex << protocol << std::dec
                                             << " not sent outside OPENED");
        return;
    }
    // Code, Identifier, Length and the rejected protocol precede the information.
    uint32_t room = m_peerMru - PppControlPacket::HEADER_SIZE - 2;
    std::vector<uint8_t> bytes(std::min(information->GetSize(), room));
    information->CopyData(bytes.data(), bytes.size());
    SendPacket(PppControlPacket::MakeProtocolReject(NextIdentifier(), protocol, bytes));
}

uint16_t
PppLcp::GetPeerMru() const
{
    return m_peerMru;
}

bool
PppLcp::GetSendAcfc() const
{
    return m_sendAcfc;
}

bool
PppLcp::GetSendPfc() const
{
    return m_sendPfc;
}

bool
PppLcp::GetReceiveAcfc() const
{
    return m_receiveAcfc;
}

bool
PppLcp::GetReceivePfc() const
{
    return m_receivePfc;
}

PppAuthMethod
PppLcp::GetLocalAuthMethod() const
{
    return m_localAuth;
}

PppAuthMethod
PppLcp::GetPeerAuthMethod() const
{
    return m_peerAuth;
}

uint32_t
PppLcp::GetLocalMagic() const
{
    return m_magicAcked ? m_localMagic : 0;
}

uint32_t
PppLcp::GetPeerMagic() const
{
    return m_peerMagic;
}

uint64_t
PppLcp::GetEchoRequestsSent() const
{
    return m_echoRequestsSent;
}

uint64_t
PppLcp::GetEchoRepliesReceived() const
{
    return m_echoRepliesReceived;
}

uint64_t
PppLcp::GetLoopbackDetections() const
{
    return m_loopbackDetections;
}

uint32_t
PppLcp::DrawMagic(uint32_t avoid)
{
    uint32_t magic = 0;
    while (magic == 0 || magic == avoid)
    {
        double value = m_random->GetValue(1.0, 4294967296.0);
        magic = static_cast<uint32_t>(std::min(value, 4294967295.0));
    }
    return magic;
}

bool
PppLcp::Accepts(PppAuthMethod method) const
{
    switch (method)
    {
        case PppAuthMethod::PAP:
            return m_acceptPap;
        case PppAuthMethod::CHAP_MD5:
            return m_acceptChapMd5;
        case PppAuthMethod::MSCHAPV2:
            return m_acceptMsChapV2;
        case PppAuthMethod::NONE:
            break;
    }
    return false;
}

PppAuthMethod
PppLcp::StrongestAccepted() const
{
    if (m_acceptMsChapV2)
    {
        return PppAuthMethod::MSCHAPV2;
    }
    if (m_acceptChapMd5)
    {
        return PppAuthMethod::CHAP_MD5;
    }
    if (m_acceptPap)
    {
        return PppAuthMethod::PAP;
    }
    return PppAuthMethod::NONE;
}

void
PppLcp::BeginNegotiation()
{
    NS_LOG_FUNCTION(this);
    m_requestMru = m_mru != DEFAULT_MRU;
    m_requestMruValue = m_mru;
    m_requestAuth = m_requiredAuth != PppAuthMethod::NONE;
    m_requestMagic = m_magicNumber;
    m_localMagic = m_magicNumber ? DrawMagic(0) : 0;
    m_requestPfc = m_pfc;
    m_requestAcfc = m_acfc;
    m_peerMru = DEFAULT_MRU;
    m_sendAcfc = false;
    m_sendPfc = false;
    m_receiveAcfc = false;
    m_receivePfc = false;
    m_localAuth = PppAuthMethod::NONE;
    m_peerAuth = PppAuthMethod::NONE;
    m_peerMagic = 0;
    m_magicAcked = false;
    m_loopbackRun = 0;
}

std::vector<PppOption>
PppLcp::BuildConfigureRequest()
{
    NS_LOG_FUNCTION(this);
    std::vector<PppOption> options;
    options.reserve(5);
    // pppd's order: MRU, Auth, Magic, PFC, ACFC.
    if (m_requestMru)
    {
        options.push_back(PppOption::MakeMru(m_requestMruValue));
    }
    if (m_requestAuth)
    {
        options.push_back(PppAuthMethodOption(m_requiredAuth));
    }
    if (m_requestMagic)
    {
        options.push_back(PppOption::MakeMagicNumber(m_localMagic));
    }
    if (m_requestPfc)
    {
        options.push_back(PppOption::MakePfc());
    }
    if (m_requestAcfc)
    {
        options.push_back(PppOption::MakeAcfc());
    }
    return options;
}

PppAutomaton::RequestVerdict
PppLcp::ProcessConfigureRequest(const std::vector<PppOption>& options,
                                std::vector<PppOption>& reply)
{
    NS_LOG_FUNCTION(this << options.size());
    std::vector<PppOption> nak;
    std::vector<PppOption> reject;
    uint16_t peerMru = DEFAULT_MRU;
    PppAuthMethod peerAuth = PppAuthMethod::NONE;
    uint32_t peerMagic = 0;
    bool sendPfc = false;
    bool sendAcfc = false;
    bool looped = false;
    for (const PppOption& option : options)
    {
        if (option.GetStatus() != WireError::NONE)
        {
            reject.push_back(option);
            continue;
        }
        switch (option.GetType())
        {
            case PppOption::LCP_MRU:
                if (option.GetMru() < MIN_MRU)
                {
                    nak.push_back(PppOption::MakeMru(MIN_MRU));
                }
                else
                {
                    peerMru = option.GetMru();
                }
                break;
            case PppOption::LCP_AUTHENTICATION_PROTOCOL:
            {
                PppAuthMethod method = PppAuthMethod::NONE;
                if (PppAuthMethodFromOption(option, method) && Accepts(method))
                {
                    peerAuth = method;
                }
                else if (StrongestAccepted() != PppAuthMethod::NONE)
                {
                    nak.push_back(PppAuthMethodOption(StrongestAccepted()));
                }
                else
                {
                    reject.push_back(option);
                }
                break;
            }
            case PppOption::LCP_MAGIC_NUMBER:
            {
                uint32_t magic = option.GetMagicNumber();
                if (magic == 0 || (m_requestMagic && magic == m_localMagic))
                {
                    // s.6.4: zero is illegal; our own number may mean a loop-back.
                    if (magic != 0)
                    {
                        looped = true;
                    }
                    nak.push_back(PppOption::MakeMagicNumber(DrawMagic(m_localMagic)));
                }
                else
                {
                    peerMagic = magic;
                }
                break;
            }
            case PppOption::LCP_PFC:
                if (m_pfc)
                {
                    sendPfc = true;
                }
                else
                {
                    reject.push_back(option);
                }
                break;
            case PppOption::LCP_ACFC:
                if (m_acfc)
                {
                    sendAcfc = true;
                }
                else
                {
                    reject.push_back(option);
                }
                break;
            default:
                // ACCM (meaningless on PPTP's synchronous link), Quality-Protocol, Callback,
                // multilink options, ...: not negotiated here.
                reject.push_back(option);
                break;
        }
    }
    if (looped)
    {
        ++m_loopbackRun;
        ++m_loopbackDetections;
        NS_LOG_LOGIC("Configure-Request with our own Magic-Number (" << m_loopbackRun
                                                                     << " in a row)");
        if (m_loopbackRun >= LOOPBACK_LIMIT)
        {
            NS_LOG_INFO("LCP: the link is looped back");
            m_loopbackTrace();
            Close("loopback");
        }
    }
    else
    {
        m_loopbackRun = 0;
    }
    if (!reject.empty())
    {
        reply.swap(reject);
        return RequestVerdict::REJECT;
    }
    if (!nak.empty())
    {
        reply.swap(nak);
        return RequestVerdict::NAK;
    }
    m_peerMru = peerMru;
    m_peerAuth = peerAuth;
    m_peerMagic = peerMagic;
    m_sendPfc = sendPfc;
    m_sendAcfc = sendAcfc;
    return RequestVerdict::ACK;
}

void
PppLcp::ProcessConfigureAck(const std::vector<PppOption>& options)
{
    NS_LOG_FUNCTION(this << options.size());
    m_receivePfc = m_requestPfc;
    m_receiveAcfc = m_requestAcfc;
    m_localAuth = m_requestAuth ? m_requiredAuth : PppAuthMethod::NONE;
    m_magicAcked = m_requestMagic;
}

void
PppLcp::ProcessConfigureNak(const std::vector<PppOption>& options)
{
    NS_LOG_FUNCTION(this << options.size());
    for (const PppOption& option : options)
    {
        switch (option.GetType())
        {
            case PppOption::LCP_MRU:
            {
                uint16_t mru = option.GetMru();
                if (mru >= MIN_MRU && (mru <= m_mru || mru <= DEFAULT_MRU))
                {
                    m_requestMru = true;
                    m_requestMruValue = mru;
                }
                break;
            }
            case PppOption::LCP_MAGIC_NUMBER:
                if (m_magicNumber)
                {
                    // s.6.4: a Nak of our number means a new random one.
                    m_requestMagic = true;
                    m_localMagic = DrawMagic(option.GetMagicNumber());
                }
                break;
            case PppOption::LCP_AUTHENTICATION_PROTOCOL:
                // The authenticator requires its method; the peer's Max-Failure ends the debate.
                NS_LOG_LOGIC("Authentication-Protocol Nak'ed; still requiring " << m_requiredAuth);
                break;
            default:
                break;
        }
    }
}

void
PppLcp::ProcessConfigureReject(const std::vector<PppOption>& options)
{
    NS_LOG_FUNCTION(this << options.size());
    bool authRefused = false;
    for (const PppOption& option : options)
    {
        switch (option.GetType())
        {
            case PppOption::LCP_MRU:
                m_requestMru = false;
                break;
            case PppOption::LCP_MAGIC_NUMBER:
                m_requestMagic = false;
                m_localMagic = 0;
                break;
            case PppOption::LCP_PFC:
                m_requestPfc = false;
                break;
            case PppOption::LCP_ACFC:
                m_requestAcfc = false;
                break;
            case PppOption::LCP_AUTHENTICATION_PROTOCOL:
                authRefused = m_requestAuth;
                break;
            default:
                break;
        }
    }
    if (authRefused)
    {
        NS_LOG_INFO("LCP: the peer refuses to authenticate with " << m_requiredAuth);
        m_authenticationRefusedTrace();
        Close("authentication refused");
    }
}

void
PppLcp::ThisLayerUp()
{
    NS_LOG_FUNCTION(this);
    SetPeerMru(m_peerMru);
    m_loopbackRun = 0;
    m_echoUnanswered = 0;
    m_echoEvent.Cancel();
    if (m_echoInterval.IsStrictlyPositive())
    {
        m_echoEvent = Simulator::Schedule(m_echoInterval, &PppLcp::SendEchoRequest, this);
    }
}

void
PppLcp::ThisLayerDown()
{
    NS_LOG_FUNCTION(this);
    StopEcho();
}

void
PppLcp::ThisLayerFinished()
{
    NS_LOG_FUNCTION(this);
    StopEcho();
}

void
PppLcp::StopEcho()
{
    m_echoEvent.Cancel();
    m_echoUnanswered = 0;
}

void
PppLcp::SendEchoRequest()
{
    NS_LOG_FUNCTION(this << m_echoUnanswered);
    if (!IsOpened() || IsCodeRejected(PppControlPacket::ECHO_REQUEST))
    {
        return;
    }
    if (m_echoUnanswered >= m_echoFailure)
    {
        NS_LOG_INFO("LCP: " << m_echoUnanswered << " Echo-Requests unanswered: peer dead");
        m_peerDeadTrace();
        Close("peer not responding");
        return;
    }
    m_echoIdentifier = NextIdentifier();
    m_echoSentAt = Simulator::Now();
    ++m_echoUnanswered;
    ++m_echoRequestsSent;
    m_echoEvent = Simulator::Schedule(m_echoInterval, &PppLcp::SendEchoRequest, this);
    SendPacket(PppControlPacket::MakeEcho(
        PppControlPacket::ECHO_REQUEST, m_echoIdentifier, GetLocalMagic(), std::vector<uint8_t>()));
}

void
PppLcp::ReceiveOtherCode(const PppControlPacket& packet)
{
    NS_LOG_FUNCTION(this << PppControlPacket::CodeName(packet.GetCode()));
    if (!IsOpened())
    {
        // s.5.7, s.5.8: Protocol-Reject and Echo are for the OPENED state only.
        NS_LOG_LOGIC(PppControlPacket::CodeName(packet.GetCode())
                     << " discarded in " << GetState());
        return;
    }
    uint32_t ours = GetLocalMagic();
    switch (packet.GetCode())
    {
        case PppControlPacket::ECHO_REQUEST:
            if (ours != 0 && packet.GetMagicNumber() == ours)
            {
                NS_LOG_LOGIC("Echo-Request with our own Magic-Number: looped back, not answered");
                return;
            }
            SendPacket(PppControlPacket::MakeEcho(
                PppControlPacket::ECHO_REPLY, packet.GetIdentifier(), ours, packet.GetData()));
            return;
        case PppControlPacket::ECHO_REPLY:
            if (ours != 0 && packet.GetMagicNumber() == ours)
            {
                NS_LOG_LOGIC("Echo-Reply with our own Magic-Number: looped back, ignored");
                return;
            }
            ++m_echoRepliesReceived;
            m_echoUnanswered = 0;
            if (packet.GetIdentifier() == m_echoIdentifier && m_echoRequestsSent > 0)
            {
                m_echoRttTrace(Simulator::Now() - m_echoSentAt);
            }
            return;
        case PppControlPacket::PROTOCOL_REJECT:
            if (packet.GetRejectedProtocol() == PppProtocol::LCP)
            {
                ProtocolRejected();
            }
            else if (!m_protocolRejectCallback.IsNull())
            {
                m_protocolRejectCallback(packet.GetRejectedProtocol());
            }
            return;
        default: // Discard-Request
            return;
    }
}

} // namespace ns3
