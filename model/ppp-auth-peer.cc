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
              .SetParent<PppAuthProtocol>()
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
                            MakeUintegerAccessor(&PppAuthPeer::m_maxSent),
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
                              "ns3::PppAuthPeer::ResultTracedCallback");
    return tid;
}

PppAuthPeer::PppAuthPeer()
    : m_verifyAuthenticator(true)
    , m_state(PppAuthPeerState::INITIAL)
    , m_responsesSent(0)
    , m_authenticatorChallenge{}
    , m_peerChallenge{}
    , m_ntResponse{}
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
    m_lastResponse = nullptr;
    PppAuthProtocol::DoDispose();
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

std::string
PppAuthPeer::GetMessage() const
{
    return m_message;
}

uint32_t
PppAuthPeer::GetRequestsSent() const
{
    return m_sent;
}

uint32_t
PppAuthPeer::GetResponsesSent() const
{
    return m_responsesSent;
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

bool
PppAuthPeer::IsStarted() const
{
    return m_state != PppAuthPeerState::INITIAL;
}

bool
PppAuthPeer::IsAwaitingResult() const
{
    return m_state == PppAuthPeerState::REQUEST_SENT || m_state == PppAuthPeerState::WAIT_CHALLENGE
           || m_state == PppAuthPeerState::RESPONSE_SENT;
}

bool
PppAuthPeer::IsAwaitingReply() const
{
    return m_state == PppAuthPeerState::REQUEST_SENT;
}

void
PppAuthPeer::DoStart()
{
    NS_LOG_FUNCTION(this);
    m_responsesSent = 0;
    m_challengeValue.clear();
    m_lastResponse = nullptr;
    m_message.clear();
    if (m_method == PppAuthMethod::PAP)
    {
        SetState(PppAuthPeerState::REQUEST_SENT);
        SendRequest();
        return;
    }
    SetState(PppAuthPeerState::WAIT_CHALLENGE);
}

void
PppAuthPeer::EnterInitial()
{
    SetState(PppAuthPeerState::INITIAL);
}

void
PppAuthPeer::EnterResult(bool success)
{
    SetState(success ? PppAuthPeerState::SUCCEEDED : PppAuthPeerState::FAILED);
}

void
PppAuthPeer::Fail(const std::string& reason)
{
    Finish(false, reason);
}

void
PppAuthPeer::Repeat()
{
    SendRequest();
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
    SendRepeated(packet);
}

void
PppAuthPeer::Finish(bool success, const std::string& message)
{
    NS_LOG_FUNCTION(this << success << message);
    m_message = message;
    ReportResult(success, m_message);
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
    if (static_cast<uint8_t>(m_identifier - reply.GetIdentifier()) >= m_sent)
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
    DrawChallenge(m_drawnChallenge, m_peerChallenge.size());
    std::copy(m_drawnChallenge.begin(), m_drawnChallenge.end(), m_peerChallenge.begin());
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
