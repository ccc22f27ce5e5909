/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ppp-auth-peer.h"

#include "chap-md5.h"
#include "chap-packet.h"
#include "mschapv2-message.h"
#include "pap-packet.h"
#include "ppp-frame-header.h"
#include "pptp-range-checker.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PppAuthPeer");

NS_OBJECT_ENSURE_REGISTERED(PppAuthPeer);

const char*
PppAuthPeerStateName(PppAuthPeerState state)
{
    switch (state)
    {
        case PppAuthPeerState::INITIAL:
            return "INITIAL";
        case PppAuthPeerState::REQUEST_SENT:
            return "REQUEST_SENT";
        case PppAuthPeerState::WAIT_CHALLENGE:
            return "WAIT_CHALLENGE";
        case PppAuthPeerState::RESPONSE_SENT:
            return "RESPONSE_SENT";
        case PppAuthPeerState::SUCCEEDED:
            return "SUCCEEDED";
        case PppAuthPeerState::FAILED:
            return "FAILED";
    }
    return "UNKNOWN";
}

std::ostream&
operator<<(std::ostream& os, PppAuthPeerState state)
{
    return os << PppAuthPeerStateName(state);
}

TypeId
PppAuthPeer::GetTypeId()
{
    static TypeId tid
        = TypeId("ns3::PppAuthPeer")
              .SetParent<Object>()
              .SetGroupName("Pptp")
              .AddConstructor<PppAuthPeer>()
              .AddAttribute("UserName",
                            "The user name: PAP Peer-ID, CHAP Response Name (default \"user\"). "
                            "MS-CHAPv2 hashes it without a \"DOMAIN\\\" prefix (RFC 2759 s.8.2).",
                            StringValue("user"),
                            MakeStringAccessor(&PppAuthPeer::m_userName),
                            MakeStringChecker())
              .AddAttribute("Password",
                            "The password or CHAP secret, UTF-8 (default \"password\").",
                            StringValue("password"),
                            MakeStringAccessor(&PppAuthPeer::m_password),
                            MakeStringChecker())
              .AddAttribute("RestartTimer",
                            "Interval after which an unanswered PAP Authenticate-Request is "
                            "repeated (> 0 s; default 3 s, pppd's pap-restart).",
                            TimeValue(Seconds(3)),
                            MakeTimeAccessor(&PppAuthPeer::m_restartTimer),
                            MakePptpRangeChecker(MakeTimeChecker(TimeStep(1)),
                                                 "ns3::PppAuthPeer::RestartTimer",
                                                 "> 0 s"))
              .AddAttribute("MaxRequests",
                            "Most PAP Authenticate-Requests per authentication before it fails "
                            "(1..4294967295; default 10, pppd's pap-max-authreq).",
                            UintegerValue(10),
                            MakeUintegerAccessor(&PppAuthPeer::m_maxRequests),
                            MakePptpRangeChecker(MakeUintegerChecker<uint32_t>(1),
                                                 "ns3::PppAuthPeer::MaxRequests",
                                                 "1..4294967295"))
              .AddAttribute("VerifyAuthenticator",
                            "Check the S= authenticator response of an MS-CHAPv2 Success (RFC "
                            "2759 s.8.8, mutual authentication): a mismatch fails the "
                            "authentication (default true).",
                            BooleanValue(true),
                            MakeBooleanAccessor(&PppAuthPeer::m_verifyAuthenticator),
                            MakeBooleanChecker())
              .AddAttribute("Timeout",
                            "The whole authentication must succeed within this time from "
                            "Start(), else it fails (> 0 s; default 30 s).",
                            TimeValue(Seconds(30)),
                            MakeTimeAccessor(&PppAuthPeer::m_timeout),
                            MakePptpRangeChecker(
                                MakeTimeChecker(TimeStep(1)), "ns3::PppAuthPeer::Timeout", "> 0 s"))
              .AddTraceSource("State",
                              "The peer's state.",
                              MakeTraceSourceAccessor(&PppAuthPeer::m_state),
                              "ns3::PppAuthPeer::StateTracedCallback")
              .AddTraceSource("Result",
                              "Authentication ended: method, success, the authenticator's "
                              "message or the local reason.",
                              MakeTraceSourceAccessor(&PppAuthPeer::m_resultTrace),
                              "ns3::PppAuthPeer::ResultTracedCallback")
              .AddTraceSource("Tx",
                              "A PAP or CHAP packet was sent (protocol, packet from Code on).",
                              MakeTraceSourceAccessor(&PppAuthPeer::m_txTrace),
                              "ns3::PppAuthPeer::PacketTracedCallback")
              .AddTraceSource("Rx",
                              "A PAP or CHAP packet was received (protocol, packet from Code on).",
                              MakeTraceSourceAccessor(&PppAuthPeer::m_rxTrace),
                              "ns3::PppAuthPeer::PacketTracedCallback")
              .AddTraceSource("Discarded",
                              "A received packet was dropped: wrong protocol or code, stale "
                              "Identifier, or not expected in the state.",
                              MakeTraceSourceAccessor(&PppAuthPeer::m_discardTrace),
                              "ns3::PppAuthPeer::PacketTracedCallback")
              .AddTraceSource("Malformed",
                              "A received packet did not decode (protocol, packet, error).",
                              MakeTraceSourceAccessor(&PppAuthPeer::m_malformedTrace),
                              "ns3::PppAuthPeer::MalformedTracedCallback");
    return tid;
}

PppAuthPeer::PppAuthPeer()
    : m_method(PppAuthMethod::MSCHAPV2)
    , m_maxRequests(10)
    , m_verifyAuthenticator(true)
    , m_random(CreateObject<UniformRandomVariable>())
    , m_state(PppAuthPeerState::INITIAL)
    , m_identifier(0)
    , m_requestsSent(0)
    , m_responsesSent(0)
    , m_authenticatorChallenge{}
    , m_peerChallenge{}
    , m_ntResponse{}
    , m_hasMasterKey(false)
    , m_masterKey{}
    , m_malformed(0)
    , m_discarded(0)
{
    NS_LOG_FUNCTION(this);
}

PppAuthPeer::~PppAuthPeer()
{
    NS_LOG_FUNCTION(this);
}

void
PppAuthPeer::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_restartEvent.Cancel();
    m_timeoutEvent.Cancel();
    m_send = MakeNullCallback<void, uint16_t, Ptr<Packet>>();
    m_result = MakeNullCallback<void, bool, std::string>();
    m_random = nullptr;
    m_lastResponse = nullptr;
    Object::DoDispose();
}

void
PppAuthPeer::SetMethod(PppAuthMethod method)
{
    NS_LOG_FUNCTION(this << method);
    NS_ABORT_MSG_IF(method == PppAuthMethod::NONE, "PppAuthPeer: method NONE");
    m_method = method;
}

PppAuthMethod
PppAuthPeer::GetMethod() const
{
    return m_method;
}

void
PppAuthPeer::SetSendCallback(SendCallback callback)
{
    m_send = callback;
}

void
PppAuthPeer::SetResultCallback(ResultCallback callback)
{
    m_result = callback;
}

int64_t
PppAuthPeer::AssignStreams(int64_t stream)
{
    NS_LOG_FUNCTION(this << stream);
    m_random->SetStream(stream);
    return 1;
}

void
PppAuthPeer::SetNextChallenge(const std::vector<uint8_t>& challenge)
{
    NS_LOG_FUNCTION(this);
    NS_ABORT_MSG_IF(challenge.size() != MsChapV2ResponseValue::PEER_CHALLENGE_SIZE,
                    "PppAuthPeer::SetNextChallenge: an MS-CHAPv2 peer challenge has 16 octets");
    m_nextChallenge = challenge;
}

PppAuthPeerState
PppAuthPeer::GetState() const
{
    return m_state;
}

bool
PppAuthPeer::HasMppeMasterKey() const
{
    return m_hasMasterKey;
}

const MppeKeys::MasterKey&
PppAuthPeer::GetMppeMasterKey() const
{
    return m_masterKey;
}

std::string
PppAuthPeer::GetMessage() const
{
    return m_message;
}

uint64_t
PppAuthPeer::GetMalformedCount() const
{
    return m_malformed;
}

uint64_t
PppAuthPeer::GetDiscardedCount() const
{
    return m_discarded;
}

uint32_t
PppAuthPeer::GetRequestsSent() const
{
    return m_requestsSent;
}

uint32_t
PppAuthPeer::GetResponsesSent() const
{
    return m_responsesSent;
}

uint16_t
PppAuthPeer::Protocol() const
{
    return m_method == PppAuthMethod::PAP ? PppProtocol::PAP : PppProtocol::CHAP;
}

void
PppAuthPeer::SetState(PppAuthPeerState state)
{
    if (m_state != state)
    {
        NS_LOG_LOGIC(this << " " << m_state.Get() << " -> " << state);
        m_state = state;
    }
}

void
PppAuthPeer::Start()
{
    NS_LOG_FUNCTION(this << m_method);
    NS_ABORT_MSG_IF(m_method == PppAuthMethod::NONE, "PppAuthPeer::Start without a method");
    m_restartEvent.Cancel();
    m_timeoutEvent.Cancel();
    m_requestsSent = 0;
    m_responsesSent = 0;
    m_challengeValue.clear();
    m_lastResponse = nullptr;
    m_message.clear();
    m_hasMasterKey = false;
    m_masterKey.fill(0);
    m_timeoutEvent = Simulator::Schedule(m_timeout, &PppAuthPeer::AuthenticationTimeout, this);
    if (m_method == PppAuthMethod::PAP)
    {
        SetState(PppAuthPeerState::REQUEST_SENT);
        SendRequest();
        return;
    }
    SetState(PppAuthPeerState::WAIT_CHALLENGE);
}

void
PppAuthPeer::Stop()
{
    NS_LOG_FUNCTION(this);
    m_restartEvent.Cancel();
    m_timeoutEvent.Cancel();
    SetState(PppAuthPeerState::INITIAL);
}

void
PppAuthPeer::Send(Ptr<Packet> packet)
{
    uint16_t protocol = Protocol();
    m_txTrace(protocol, packet);
    if (!m_send.IsNull())
    {
        m_send(protocol, packet);
    }
}

void
PppAuthPeer::Discard(uint16_t protocol, Ptr<const Packet> packet, const char* why)
{
    NS_LOG_LOGIC(this << " discarded " << PppProtocolName(protocol) << " packet: " << why);
    ++m_discarded;
    m_discardTrace(protocol, packet);
}

void
PppAuthPeer::Malformed(uint16_t protocol, Ptr<const Packet> packet, WireError error)
{
    NS_LOG_LOGIC(this << " malformed " << PppProtocolName(protocol) << " packet: " << error);
    ++m_malformed;
    m_malformedTrace(protocol, packet, error);
}

void
PppAuthPeer::SendRequest()
{
    NS_LOG_FUNCTION(this);
    ++m_identifier;
    PapPacket request;
    request.SetCode(PapPacket::AUTHENTICATE_REQUEST);
    request.SetIdentifier(m_identifier);
    request.SetPeerId(m_userName);
    request.SetPassword(m_password);
    Ptr<Packet> packet = Create<Packet>();
    packet->AddHeader(request);
    ++m_requestsSent;
    m_restartEvent = Simulator::Schedule(m_restartTimer, &PppAuthPeer::RestartTimeout, this);
    Send(packet);
}

void
PppAuthPeer::RestartTimeout()
{
    NS_LOG_FUNCTION(this);
    if (m_state != PppAuthPeerState::REQUEST_SENT)
    {
        return;
    }
    if (m_requestsSent >= m_maxRequests)
    {
        NS_LOG_INFO(this << " no reply to " << m_requestsSent << " Authenticate-Requests");
        Finish(false, "(no reply)");
        return;
    }
    SendRequest();
}

void
PppAuthPeer::AuthenticationTimeout()
{
    NS_LOG_FUNCTION(this);
    if (m_state == PppAuthPeerState::REQUEST_SENT || m_state == PppAuthPeerState::WAIT_CHALLENGE
        || m_state == PppAuthPeerState::RESPONSE_SENT)
    {
        NS_LOG_INFO(this << " authentication timed out");
        Finish(false, "(timeout)");
    }
}

void
PppAuthPeer::Finish(bool success, const std::string& message)
{
    NS_LOG_FUNCTION(this << success << message);
    m_restartEvent.Cancel();
    m_timeoutEvent.Cancel();
    m_message = message;
    SetState(success ? PppAuthPeerState::SUCCEEDED : PppAuthPeerState::FAILED);
    m_resultTrace(m_method, success, m_message);
    if (!m_result.IsNull())
    {
        // Last: the owner may stop or dispose of this object.
        m_result(success, m_message);
    }
}

void
PppAuthPeer::Receive(uint16_t protocol, Ptr<Packet> packet)
{
    NS_LOG_FUNCTION(this << protocol << packet);
    m_rxTrace(protocol, packet);
    if (m_state == PppAuthPeerState::INITIAL)
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
PppAuthPeer::ReceivePap(Ptr<Packet> packet)
{
    NS_LOG_FUNCTION(this << packet);
    PapPacket reply;
    packet->PeekHeader(reply);
    if (reply.GetError() != WireError::NONE)
    {
        Malformed(PppProtocol::PAP, packet, reply.GetError());
        return;
    }
    if (reply.GetCode() == PapPacket::AUTHENTICATE_REQUEST)
    {
        Discard(PppProtocol::PAP, packet, "an Authenticate-Request at the peer");
        return;
    }
    if (m_state != PppAuthPeerState::REQUEST_SENT)
    {
        Discard(PppProtocol::PAP, packet, "reply after the result");
        return;
    }
    // Any request of this run may be answered: they all carry the same credentials.
    if (static_cast<uint8_t>(m_identifier - reply.GetIdentifier()) >= m_requestsSent)
    {
        Discard(PppProtocol::PAP, packet, "Identifier of no request sent");
        return;
    }
    Finish(reply.GetCode() == PapPacket::AUTHENTICATE_ACK, reply.GetMessage());
}

void
PppAuthPeer::ReceiveChap(Ptr<Packet> packet)
{
    NS_LOG_FUNCTION(this << packet);
    ChapPacket chap;
    packet->PeekHeader(chap);
    if (chap.GetError() != WireError::NONE)
    {
        Malformed(PppProtocol::CHAP, packet, chap.GetError());
        return;
    }
    switch (chap.GetCode())
    {
        case ChapPacket::CHALLENGE:
            if (m_state != PppAuthPeerState::WAIT_CHALLENGE
                && m_state != PppAuthPeerState::RESPONSE_SENT)
            {
                Discard(PppProtocol::CHAP, packet, "Challenge after the result");
                return;
            }
            Respond(chap.GetIdentifier(), chap.GetValue(), packet);
            return;
        case ChapPacket::SUCCESS:
        case ChapPacket::FAILURE:
            if (m_state != PppAuthPeerState::RESPONSE_SENT)
            {
                Discard(PppProtocol::CHAP, packet, "Success or Failure without a Response");
                return;
            }
            if (chap.GetIdentifier() != m_identifier)
            {
                Discard(PppProtocol::CHAP, packet, "stale Identifier");
                return;
            }
            if (m_method == PppAuthMethod::MSCHAPV2)
            {
                ReceiveMsChapV2Result(
                    chap.GetCode() == ChapPacket::SUCCESS, chap.GetMessage(), chap.GetIdentifier());
                return;
            }
            Finish(chap.GetCode() == ChapPacket::SUCCESS, chap.GetMessage());
            return;
        default:
            Discard(PppProtocol::CHAP, packet, "a Response at the peer");
            return;
    }
}

void
PppAuthPeer::Respond(uint8_t identifier,
                     const std::vector<uint8_t>& value,
                     Ptr<const Packet> packet)
{
    NS_LOG_FUNCTION(this << +identifier);
    if (m_state == PppAuthPeerState::RESPONSE_SENT && m_lastResponse && identifier == m_identifier
        && value == m_challengeValue)
    {
        // The same Challenge again (the Response may have been lost): the same Response, so
        // that whichever copy is answered, the answer matches what this side holds.
        ++m_responsesSent;
        Send(m_lastResponse->Copy());
        return;
    }
    if (m_method == PppAuthMethod::CHAP_MD5)
    {
        ChapMd5::Response response = ChapMd5::Compute(identifier, m_password, value);
        m_challengeValue = value;
        SendResponse(identifier, std::vector<uint8_t>(response.begin(), response.end()));
        return;
    }
    if (value.size() != m_authenticatorChallenge.size())
    {
        // RFC 2759 s.3: the MS-CHAPv2 challenge is 16 octets.
        Malformed(PppProtocol::CHAP, packet, WireError::BAD_LENGTH);
        return;
    }
    std::copy(value.begin(), value.end(), m_authenticatorChallenge.begin());
    m_challengeValue = value;
    SendMsChapV2Response(identifier);
}

void
PppAuthPeer::SendMsChapV2Response(uint8_t identifier)
{
    NS_LOG_FUNCTION(this << +identifier);
    if (!m_nextChallenge.empty())
    {
        std::copy(m_nextChallenge.begin(), m_nextChallenge.end(), m_peerChallenge.begin());
        m_nextChallenge.clear();
    }
    else
    {
        for (uint8_t& octet : m_peerChallenge)
        {
            octet = static_cast<uint8_t>(m_random->GetInteger(0, 255));
        }
    }
    m_ntResponse = MsChapV2::GenerateNtResponse(
        m_authenticatorChallenge, m_peerChallenge, m_userName, m_password);
    MsChapV2ResponseValue value;
    value.peerChallenge = m_peerChallenge;
    value.ntResponse = m_ntResponse;
    value.flags = 0;
    SendResponse(identifier, value.Encode());
}

void
PppAuthPeer::SendResponse(uint8_t identifier, const std::vector<uint8_t>& value)
{
    NS_LOG_FUNCTION(this << +identifier);
    ChapPacket response;
    response.SetCode(ChapPacket::RESPONSE);
    response.SetIdentifier(identifier);
    response.SetValue(value);
    response.SetName(m_userName);
    Ptr<Packet> packet = Create<Packet>();
    packet->AddHeader(response);
    m_lastResponse = packet->Copy();
    m_identifier = identifier;
    ++m_responsesSent;
    SetState(PppAuthPeerState::RESPONSE_SENT);
    Send(packet);
}

void
PppAuthPeer::ReceiveMsChapV2Result(bool success, const std::string& message, uint8_t identifier)
{
    NS_LOG_FUNCTION(this << success << message);
    if (success)
    {
        // A Success whose text does not parse cannot be verified; without verification the
        // code alone decides.
        MsChapV2Success parsed;
        bool verified = parsed.Parse(message) == WireError::NONE
                        && MsChapV2::CheckAuthenticatorResponse(m_password,
                                                                m_ntResponse,
                                                                m_peerChallenge,
                                                                m_authenticatorChallenge,
                                                                m_userName,
                                                                parsed.authenticatorResponse);
        if (!verified && m_verifyAuthenticator)
        {
            NS_LOG_INFO(this << " the authenticator response does not match: " << message);
            Finish(false, "(bad authenticator response)");
            return;
        }
        m_masterKey = MppeKeys::GetMasterKey(
            MsChapV2::HashNtPasswordHash(MsChapV2::NtPasswordHash(m_password)), m_ntResponse);
        m_hasMasterKey = true;
        Finish(true, message);
        return;
    }
    MsChapV2Failure failure;
    if (failure.Parse(message) == WireError::NONE && failure.retry)
    {
        // RFC 2759 s.9.1.4: answer the new challenge with the Failure's Identifier + 1.
        NS_LOG_INFO(this << " MS-CHAPv2 failure with retry: " << message);
        m_authenticatorChallenge = failure.challenge;
        m_challengeValue.assign(failure.challenge.begin(), failure.challenge.end());
        SendMsChapV2Response(static_cast<uint8_t>(identifier + 1));
        return;
    }
    Finish(false, message);
}

} // namespace ns3
