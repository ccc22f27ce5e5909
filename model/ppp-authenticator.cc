/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ppp-authenticator.h"

#include "chap-md5.h"
#include "chap-packet.h"
#include "mschapv2-message.h"
#include "mschapv2.h"
#include "pap-packet.h"
#include "ppp-frame-header.h"
#include "pptp-range-checker.h"

#include "ns3/abort.h"
#include "ns3/log.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PppAuthenticator");

NS_OBJECT_ENSURE_REGISTERED(PppAuthenticator);

namespace
{
/// Octets of the challenges the authenticator generates (pppd's CHAP-MD5 minimum; \RFC{2759} s.3).
constexpr std::size_t CHALLENGE_SIZE = 16;

/**
 * \brief Compare two byte arrays in time independent of where they differ.
 * \param a one array
 * \param b the other
 * \return whether they are equal
 */
template <std::size_t N>
bool
ConstantTimeEqual(const std::array<uint8_t, N>& a, const std::array<uint8_t, N>& b)
{
    uint8_t diff = 0;
    for (std::size_t i = 0; i < N; ++i)
    {
        diff |= a[i] ^ b[i];
    }
    return diff == 0;
}
} // namespace

const char*
PppAuthenticatorStateName(PppAuthenticatorState state)
{
    switch (state)
    {
        case PppAuthenticatorState::INITIAL:
            return "INITIAL";
        case PppAuthenticatorState::WAIT_REQUEST:
            return "WAIT_REQUEST";
        case PppAuthenticatorState::CHALLENGE_SENT:
            return "CHALLENGE_SENT";
        case PppAuthenticatorState::SUCCEEDED:
            return "SUCCEEDED";
        case PppAuthenticatorState::FAILED:
            return "FAILED";
    }
    return "UNKNOWN";
}

std::ostream&
operator<<(std::ostream& os, PppAuthenticatorState state)
{
    return os << PppAuthenticatorStateName(state);
}

TypeId
PppAuthenticator::GetTypeId()
{
    static TypeId tid
        = TypeId("ns3::PppAuthenticator")
              .SetParent<PppAuthProtocol>()
              .SetGroupName("Pptp")
              .AddConstructor<PppAuthenticator>()
              .AddAttribute("Name",
                            "The Name field of the CHAP Challenges (RFC 1994 s.4.1; default "
                            "\"pptpd\", pppd's name under pptpd).",
                            StringValue("pptpd"),
                            MakeStringAccessor(&PppAuthenticator::m_name),
                            MakeStringChecker())
              .AddAttribute("RestartTimer",
                            "Interval after which an unanswered Challenge is followed by a new "
                            "one (> 0 s; default 3 s, pppd's chap-restart).",
                            TimeValue(Seconds(3)),
                            MakeTimeAccessor(&PppAuthenticator::m_restartTimer),
                            MakePptpRangeChecker(MakeTimeChecker(TimeStep(1)),
                                                 "ns3::PppAuthenticator::RestartTimer",
                                                 "> 0 s"))
              .AddAttribute("MaxChallenges",
                            "Most Challenges sent per authentication before it fails "
                            "(1..4294967295; default 10, pppd's chap-max-challenge).",
                            UintegerValue(10),
                            MakeUintegerAccessor(&PppAuthenticator::m_maxSent),
                            MakePptpRangeChecker(MakeUintegerChecker<uint32_t>(1),
                                                 "ns3::PppAuthenticator::MaxChallenges",
                                                 "1..4294967295"))
              .AddAttribute("MaxAttempts",
                            "Wrong answers accepted before the failure is final (1..10; default "
                            "1). MS-CHAPv2 Failures carry R=1 and a new challenge while attempts "
                            "remain (RFC 2759 s.6); PAP keeps waiting for another request. "
                            "CHAP-MD5 failures are always final (RFC 1994 has no retry).",
                            UintegerValue(1),
                            MakeUintegerAccessor(&PppAuthenticator::m_maxAttempts),
                            MakePptpRangeChecker(MakeUintegerChecker<uint32_t>(1, 10),
                                                 "ns3::PppAuthenticator::MaxAttempts",
                                                 "1..10"))
              .AddAttribute("Timeout",
                            "The whole authentication must succeed within this time from "
                            "Start(), else it fails (> 0 s; default 30 s; for PAP the only "
                            "timer, since the peer sends the requests).",
                            TimeValue(Seconds(30)),
                            MakeTimeAccessor(&PppAuthenticator::m_timeout),
                            MakePptpRangeChecker(MakeTimeChecker(TimeStep(1)),
                                                 "ns3::PppAuthenticator::Timeout",
                                                 "> 0 s"))
              .AddTraceSource("State",
                              "The authenticator's state.",
                              MakeTraceSourceAccessor(&PppAuthenticator::m_state),
                              "ns3::PppAuthenticator::StateTracedCallback")
              .AddTraceSource("Result",
                              "Authentication ended: method, success, the peer's name.",
                              MakeTraceSourceAccessor(&PppAuthenticator::m_resultTrace),
                              "ns3::PppAuthenticator::ResultTracedCallback");
    return tid;
}

PppAuthenticator::PppAuthenticator()
    : m_maxAttempts(1)
    , m_state(PppAuthenticatorState::INITIAL)
    , m_failedAttempts(0)
    , m_lastReplyIdentifier(0)
{
    NS_LOG_FUNCTION(this);
}

PppAuthenticator::~PppAuthenticator()
{
    NS_LOG_FUNCTION(this);
}

void
PppAuthenticator::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_credentials = nullptr;
    m_lastReply = nullptr;
    PppAuthProtocol::DoDispose();
}

void
PppAuthenticator::SetCredentials(Ptr<const PppCredentials> credentials)
{
    m_credentials = credentials;
}

void
PppAuthenticator::SetNextChallenge(const std::vector<uint8_t>& challenge)
{
    NS_LOG_FUNCTION(this);
    NS_ABORT_MSG_IF(challenge.empty() || challenge.size() > ChapPacket::MAX_VALUE_SIZE,
                    "PppAuthenticator::SetNextChallenge: 1 to 255 octets");
    m_nextChallenge = challenge;
}

PppAuthenticatorState
PppAuthenticator::GetState() const
{
    return m_state;
}

std::string
PppAuthenticator::GetPeerName() const
{
    return m_peerName;
}

uint32_t
PppAuthenticator::GetChallengesSent() const
{
    return m_sent;
}

uint32_t
PppAuthenticator::GetFailedAttempts() const
{
    return m_failedAttempts;
}

void
PppAuthenticator::SetState(PppAuthenticatorState state)
{
    if (m_state != state)
    {
        NS_LOG_LOGIC(this << " " << m_state.Get() << " -> " << state);
        m_state = state;
    }
}

bool
PppAuthenticator::IsStarted() const
{
    return m_state != PppAuthenticatorState::INITIAL;
}

bool
PppAuthenticator::IsAwaitingResult() const
{
    return m_state == PppAuthenticatorState::WAIT_REQUEST
           || m_state == PppAuthenticatorState::CHALLENGE_SENT;
}

bool
PppAuthenticator::IsAwaitingReply() const
{
    return m_state == PppAuthenticatorState::CHALLENGE_SENT;
}

void
PppAuthenticator::DoStart()
{
    NS_LOG_FUNCTION(this);
    m_failedAttempts = 0;
    m_peerName.clear();
    m_lastReply = nullptr;
    if (m_method == PppAuthMethod::PAP)
    {
        SetState(PppAuthenticatorState::WAIT_REQUEST);
        return;
    }
    SetState(PppAuthenticatorState::CHALLENGE_SENT);
    SendChallenge();
}

void
PppAuthenticator::EnterInitial()
{
    SetState(PppAuthenticatorState::INITIAL);
}

void
PppAuthenticator::EnterResult(bool success)
{
    SetState(success ? PppAuthenticatorState::SUCCEEDED : PppAuthenticatorState::FAILED);
}

void
PppAuthenticator::Fail(const std::string& reason)
{
    NS_LOG_FUNCTION(this << reason);
    Finish(false);
}

void
PppAuthenticator::Repeat()
{
    SendChallenge();
}

void
PppAuthenticator::NextChallenge(std::size_t size)
{
    NS_ABORT_MSG_IF(!m_nextChallenge.empty() && m_method == PppAuthMethod::MSCHAPV2
                        && m_nextChallenge.size() != MsChapV2ResponseValue::PEER_CHALLENGE_SIZE,
                    "PppAuthenticator: an MS-CHAPv2 challenge has 16 octets");
    DrawChallenge(m_challenge, size);
}

void
PppAuthenticator::SendChallenge()
{
    NS_LOG_FUNCTION(this);
    ++m_identifier;
    NextChallenge(CHALLENGE_SIZE);
    ChapPacket challenge;
    challenge.SetCode(ChapPacket::CHALLENGE);
    challenge.SetIdentifier(m_identifier);
    challenge.SetValue(m_challenge);
    challenge.SetName(m_name);
    Ptr<Packet> packet = Create<Packet>();
    packet->AddHeader(challenge);
    SendRepeated(packet);
}

void
PppAuthenticator::Finish(bool success)
{
    NS_LOG_FUNCTION(this << success);
    ReportResult(success, m_peerName);
}

void
PppAuthenticator::SendPapReply(uint8_t identifier, bool ack)
{
    NS_LOG_FUNCTION(this << +identifier << ack);
    PapPacket reply;
    reply.SetCode(ack ? PapPacket::AUTHENTICATE_ACK : PapPacket::AUTHENTICATE_NAK);
    reply.SetIdentifier(identifier);
    reply.SetMessage(ack ? "Login ok" : "Login incorrect");
    Ptr<Packet> packet = Create<Packet>();
    packet->AddHeader(reply);
    Send(packet);
}

void
PppAuthenticator::ReceivePap(Ptr<Packet> packet)
{
    NS_LOG_FUNCTION(this << packet);
    PapPacket request;
    packet->PeekHeader(request);
    if (request.GetError() != WireError::NONE)
    {
        Malformed(PppProtocol::PAP, packet, request.GetError());
        return;
    }
    if (request.GetCode() != PapPacket::AUTHENTICATE_REQUEST)
    {
        Discard(PppProtocol::PAP, packet, "not an Authenticate-Request");
        return;
    }
    if (m_state != PppAuthenticatorState::WAIT_REQUEST)
    {
        // RFC 1334 s.2.2.1: the Ack may have been lost; the same reply code again.
        NS_LOG_LOGIC(this << " repeated Authenticate-Request " << +request.GetIdentifier());
        SendPapReply(request.GetIdentifier(), m_state == PppAuthenticatorState::SUCCEEDED);
        return;
    }
    m_peerName = request.GetPeerId();
    std::string password;
    bool ok = m_credentials && m_credentials->Lookup(request.GetPeerId(), password)
              && password == request.GetPassword();
    SendPapReply(request.GetIdentifier(), ok);
    if (ok)
    {
        Finish(true);
        return;
    }
    ++m_failedAttempts;
    NS_LOG_INFO(this << " PAP: wrong user or password (" << m_failedAttempts << " of "
                     << m_maxAttempts << ")");
    if (m_failedAttempts >= m_maxAttempts)
    {
        Finish(false);
    }
}

void
PppAuthenticator::ReceiveChap(Ptr<Packet> packet)
{
    NS_LOG_FUNCTION(this << packet);
    ChapPacket response;
    packet->PeekHeader(response);
    if (response.GetError() != WireError::NONE)
    {
        Malformed(PppProtocol::CHAP, packet, response.GetError());
        return;
    }
    if (response.GetCode() != ChapPacket::RESPONSE)
    {
        Discard(PppProtocol::CHAP, packet, "not a Response");
        return;
    }
    if (m_state != PppAuthenticatorState::CHALLENGE_SENT)
    {
        // RFC 1994 s.4.1: a Response to the challenge already answered gets the same reply.
        if (m_lastReply && response.GetIdentifier() == m_lastReplyIdentifier)
        {
            NS_LOG_LOGIC(this << " repeated Response " << +response.GetIdentifier());
            Send(m_lastReply->Copy());
            return;
        }
        Discard(PppProtocol::CHAP, packet, "Response after the result");
        return;
    }
    if (response.GetIdentifier() != m_identifier)
    {
        Discard(PppProtocol::CHAP, packet, "stale Identifier");
        return;
    }
    if (m_method == PppAuthMethod::CHAP_MD5)
    {
        CheckMd5Response(response.GetName(), response.GetValue());
    }
    else
    {
        CheckMsChapV2Response(response.GetName(), packet, response.GetValue());
    }
}

void
PppAuthenticator::SendChapReply(uint8_t code, const std::string& message)
{
    NS_LOG_FUNCTION(this << +code << message);
    ChapPacket reply;
    reply.SetCode(static_cast<ChapPacket::Code>(code));
    reply.SetIdentifier(m_identifier);
    reply.SetMessage(message);
    Ptr<Packet> packet = Create<Packet>();
    packet->AddHeader(reply);
    m_lastReply = packet->Copy();
    m_lastReplyIdentifier = m_identifier;
    Send(packet);
}

bool
PppAuthenticator::LookupUser(const std::string& user, std::string& password) const
{
    if (!m_credentials)
    {
        return false;
    }
    if (m_credentials->Lookup(user, password))
    {
        return true;
    }
    std::size_t slash = user.rfind('\\');
    return slash != std::string::npos && m_credentials->Lookup(user.substr(slash + 1), password);
}

void
PppAuthenticator::CheckMd5Response(const std::string& name, const std::vector<uint8_t>& value)
{
    NS_LOG_FUNCTION(this << name);
    m_peerName = name;
    std::string secret;
    bool ok = m_credentials && m_credentials->Lookup(name, secret)
              && ChapMd5::Verify(m_identifier, secret, m_challenge, value.data(), value.size());
    m_restartEvent.Cancel();
    if (ok)
    {
        SendChapReply(ChapPacket::SUCCESS, "Access granted");
        Finish(true);
        return;
    }
    ++m_failedAttempts;
    NS_LOG_INFO(this << " CHAP-MD5: wrong user or secret");
    SendChapReply(ChapPacket::FAILURE, "Access denied");
    Finish(false);
}

void
PppAuthenticator::CheckMsChapV2Response(const std::string& name,
                                        Ptr<const Packet> packet,
                                        const std::vector<uint8_t>& value)
{
    NS_LOG_FUNCTION(this << name);
    MsChapV2ResponseValue response;
    WireError error = response.Decode(value);
    if (error != WireError::NONE)
    {
        Malformed(PppProtocol::CHAP, packet, error);
        return;
    }
    m_peerName = name;
    MsChapV2::Challenge challenge;
    std::copy(m_challenge.begin(), m_challenge.end(), challenge.begin());
    std::string password;
    bool ok = false;
    MsChapV2::PasswordHash passwordHash{};
    if (LookupUser(name, password))
    {
        passwordHash = MsChapV2::NtPasswordHash(password);
        ok = ConstantTimeEqual(
            MsChapV2::GenerateNtResponse(challenge, response.peerChallenge, name, passwordHash),
            response.ntResponse);
    }
    m_restartEvent.Cancel();
    if (ok)
    {
        MsChapV2Success success;
        success.authenticatorResponse = MsChapV2::GenerateAuthenticatorResponse(
            passwordHash, response.ntResponse, response.peerChallenge, challenge, name);
        success.message = "Access granted";
        m_masterKey = MppeKeys::GetMasterKey(MsChapV2::HashNtPasswordHash(passwordHash),
                                             response.ntResponse);
        m_hasMasterKey = true;
        SendChapReply(ChapPacket::SUCCESS, success.Format());
        Finish(true);
        return;
    }
    ++m_failedAttempts;
    bool retry = m_failedAttempts < m_maxAttempts;
    NS_LOG_INFO(this << " MS-CHAPv2: wrong user or password (" << m_failedAttempts << " of "
                     << m_maxAttempts << ")" << (retry ? ", retry allowed" : ""));
    NextChallenge(CHALLENGE_SIZE);
    MsChapV2Failure failure;
    failure.errorCode = static_cast<uint32_t>(MsChapV2ErrorCode::ERROR_AUTHENTICATION_FAILURE);
    failure.retry = retry;
    std::copy(m_challenge.begin(), m_challenge.end(), failure.challenge.begin());
    failure.version = 3;
    failure.message = "Authentication failure";
    SendChapReply(ChapPacket::FAILURE, failure.Format());
    if (retry)
    {
        // RFC 2759 s.9.1.4: the peer answers C= with the Failure's Identifier + 1.
        ++m_identifier;
        return;
    }
    Finish(false);
}

} // namespace ns3
