/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-call.h"

#include "ns3/log.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PptpCall");

const char*
PptpPeerTypeName(PptpPeerType type)
{
    switch (type)
    {
        case PptpPeerType::PAC:
            return "PAC";
        case PptpPeerType::PNS:
            return "PNS";
    }
    return "UNKNOWN";
}

const char*
PptpCallDirectionName(PptpCallDirection direction)
{
    switch (direction)
    {
        case PptpCallDirection::OUTGOING:
            return "OUTGOING";
        case PptpCallDirection::INCOMING:
            return "INCOMING";
    }
    return "UNKNOWN";
}

const char*
PptpCallStateName(PptpCallState state)
{
    switch (state)
    {
        case PptpCallState::IDLE:
            return "IDLE";
        case PptpCallState::WAIT_REPLY:
            return "WAIT_REPLY";
        case PptpCallState::WAIT_CS_ANS:
            return "WAIT_CS_ANS";
        case PptpCallState::WAIT_CONNECT:
            return "WAIT_CONNECT";
        case PptpCallState::ESTABLISHED:
            return "ESTABLISHED";
        case PptpCallState::WAIT_DISCONNECT:
            return "WAIT_DISCONNECT";
    }
    return "UNKNOWN";
}

const char*
PptpCallClearReasonName(PptpCallClearReason reason)
{
    switch (reason)
    {
        case PptpCallClearReason::NONE:
            return "NONE";
        case PptpCallClearReason::LOCAL_CLEAR:
            return "LOCAL_CLEAR";
        case PptpCallClearReason::CLEAR_REQUEST_RECEIVED:
            return "CLEAR_REQUEST_RECEIVED";
        case PptpCallClearReason::DISCONNECT_NOTIFY_RECEIVED:
            return "DISCONNECT_NOTIFY_RECEIVED";
        case PptpCallClearReason::REFUSED_BY_PEER:
            return "REFUSED_BY_PEER";
        case PptpCallClearReason::REFUSED_LOCALLY:
            return "REFUSED_LOCALLY";
        case PptpCallClearReason::TIMEOUT:
            return "TIMEOUT";
        case PptpCallClearReason::CONTROL_CONNECTION_CLOSED:
            return "CONTROL_CONNECTION_CLOSED";
    }
    return "UNKNOWN";
}

std::ostream&
operator<<(std::ostream& os, PptpPeerType type)
{
    return os << PptpPeerTypeName(type);
}

std::ostream&
operator<<(std::ostream& os, PptpCallState state)
{
    return os << PptpCallStateName(state);
}

std::ostream&
operator<<(std::ostream& os, PptpCallClearReason reason)
{
    return os << PptpCallClearReasonName(reason);
}

PptpCall::PptpCall(PptpPeerType role,
                   PptpCallDirection direction,
                   uint16_t localCallId,
                   uint16_t serialNumber)
    : m_role(role)
    , m_direction(direction)
    , m_state(PptpCallState::IDLE)
    , m_localCallId(localCallId)
    , m_peerCallId(0)
    , m_hasPeerCallId(false)
    , m_serialNumber(serialNumber)
    , m_localWindow(64)
    , m_peerWindow(0)
    , m_localDelay(0)
    , m_peerDelay(0)
    , m_connectSpeed(0)
    , m_framingType(PptpFramingType::ASYNCHRONOUS)
    , m_bearerType(PptpBearerType::ANALOG)
    , m_clearReason(PptpCallClearReason::NONE)
    , m_clearResult(0)
    , m_clearError(PptpGeneralError::NONE)
    , m_cleared(false)
    , m_timeout(Seconds(0))
{
    NS_LOG_FUNCTION(this << PptpPeerTypeName(role) << PptpCallDirectionName(direction)
                         << localCallId << serialNumber);
}

PptpCall::~PptpCall()
{
    m_timer.Cancel();
}

void
PptpCall::SetSendCallback(SendCallback callback)
{
    m_send = callback;
}

void
PptpCall::SetStateCallback(StateCallback callback)
{
    m_stateCallback = callback;
}

void
PptpCall::SetClearedCallback(CallCallback callback)
{
    m_clearedCallback = callback;
}

void
PptpCall::SetRequestTimeout(Time timeout, CallCallback callback)
{
    m_timeout = timeout;
    m_timeoutCallback = callback;
}

void
PptpCall::SetLocalWindow(uint16_t window, uint16_t processingDelay)
{
    m_localWindow = window;
    m_localDelay = processingDelay;
}

void
PptpCall::SetConnectSpeed(uint32_t bps)
{
    m_connectSpeed = bps;
}

void
PptpCall::Send(const PptpControlMessage& message)
{
    if (!m_send.IsNull())
    {
        m_send(message);
    }
}

void
PptpCall::SetState(PptpCallState state)
{
    PptpCallState old = m_state;
    m_state = state;
    m_timer.Cancel();
    bool waiting = state == PptpCallState::WAIT_REPLY || state == PptpCallState::WAIT_CS_ANS
                   || state == PptpCallState::WAIT_CONNECT
                   || state == PptpCallState::WAIT_DISCONNECT;
    if (waiting && m_timeout.IsStrictlyPositive())
    {
        m_timer = Simulator::Schedule(m_timeout, &PptpCall::Timeout, this);
    }
    if (old != state)
    {
        NS_LOG_LOGIC("call " << m_localCallId << " " << PptpCallStateName(old) << " -> "
                             << PptpCallStateName(state));
        if (!m_stateCallback.IsNull())
        {
            m_stateCallback(Ptr<PptpCall>(this), old, state);
        }
    }
}

void
PptpCall::Finish(PptpCallClearReason reason, uint8_t result, PptpGeneralError error)
{
    NS_LOG_FUNCTION(this << m_localCallId << PptpCallClearReasonName(reason)
                         << static_cast<int>(result));
    if (m_cleared)
    {
        return;
    }
    Ptr<PptpCall> self(this); // the callbacks may drop the owner's reference
    m_cleared = true;
    m_clearReason = reason;
    m_clearResult = result;
    m_clearError = error;
    SetState(PptpCallState::IDLE);
    m_timer.Cancel();
    if (!m_clearedCallback.IsNull())
    {
        m_clearedCallback(self);
    }
}

void
PptpCall::Timeout()
{
    NS_LOG_FUNCTION(this << m_localCallId << PptpCallStateName(m_state));
    if (!m_timeoutCallback.IsNull())
    {
        m_timeoutCallback(Ptr<PptpCall>(this));
    }
}

bool
PptpCall::StartOutgoing(const PptpOutgoingCallRequest& request)
{
    NS_LOG_FUNCTION(this);
    if (m_role != PptpPeerType::PNS || m_direction != PptpCallDirection::OUTGOING
        || m_state != PptpCallState::IDLE || m_cleared)
    {
        return false;
    }
    PptpControlMessage message(request);
    PptpOutgoingCallRequest* body = message.GetBody<PptpOutgoingCallRequest>();
    body->callId = m_localCallId;
    body->callSerialNumber = m_serialNumber;
    body->packetRecvWindowSize = m_localWindow;
    body->packetProcessingDelay = m_localDelay;
    m_framingType = request.framingType;
    m_bearerType = request.bearerType;
    SetState(PptpCallState::WAIT_REPLY);
    Send(message);
    return true;
}

bool
PptpCall::StartIncoming(const PptpIncomingCallRequest& request)
{
    NS_LOG_FUNCTION(this);
    if (m_role != PptpPeerType::PAC || m_direction != PptpCallDirection::INCOMING
        || m_state != PptpCallState::IDLE || m_cleared)
    {
        return false;
    }
    PptpControlMessage message(request);
    PptpIncomingCallRequest* body = message.GetBody<PptpIncomingCallRequest>();
    body->callId = m_localCallId;
    body->callSerialNumber = m_serialNumber;
    m_bearerType = request.callBearerType;
    SetState(PptpCallState::WAIT_REPLY);
    Send(message);
    return true;
}

bool
PptpCall::ReceiveOutgoingRequest(const PptpOutgoingCallRequest& request)
{
    NS_LOG_FUNCTION(this << request.callId);
    if (m_role != PptpPeerType::PAC || m_direction != PptpCallDirection::OUTGOING
        || m_state != PptpCallState::IDLE || m_cleared)
    {
        return false;
    }
    m_peerCallId = request.callId;
    m_hasPeerCallId = true;
    m_serialNumber = request.callSerialNumber;
    m_peerWindow = request.packetRecvWindowSize;
    m_peerDelay = request.packetProcessingDelay;
    m_framingType = request.framingType;
    m_bearerType = request.bearerType;
    if (m_connectSpeed == 0)
    {
        m_connectSpeed = request.maximumBps;
    }
    SetState(PptpCallState::WAIT_CS_ANS);
    return true;
}

bool
PptpCall::Answer()
{
    NS_LOG_FUNCTION(this);
    if (m_role != PptpPeerType::PAC || m_state != PptpCallState::WAIT_CS_ANS)
    {
        return false;
    }
    PptpOutgoingCallReply reply;
    reply.callId = m_localCallId;
    reply.peersCallId = m_peerCallId;
    reply.resultCode = PptpOutgoingCallResult::CONNECTED;
    reply.connectSpeed = m_connectSpeed;
    reply.packetRecvWindowSize = m_localWindow;
    reply.packetProcessingDelay = m_localDelay;
    reply.physicalChannelId = m_localCallId;
    SetState(PptpCallState::ESTABLISHED);
    Send(PptpControlMessage(reply));
    return true;
}

bool
PptpCall::Fail(PptpOutgoingCallResult result, PptpGeneralError error, uint16_t cause)
{
    NS_LOG_FUNCTION(this << PptpOutgoingCallResultName(result));
    NS_ASSERT_MSG(result != PptpOutgoingCallResult::CONNECTED, "Fail() needs an error result");
    if (m_role != PptpPeerType::PAC || m_state != PptpCallState::WAIT_CS_ANS)
    {
        return false;
    }
    PptpOutgoingCallReply reply;
    reply.callId = m_localCallId;
    reply.peersCallId = m_peerCallId;
    reply.resultCode = result;
    reply.errorCode = error;
    reply.causeCode = cause;
    Send(PptpControlMessage(reply));
    Finish(PptpCallClearReason::REFUSED_LOCALLY, static_cast<uint8_t>(result), error);
    return true;
}

bool
PptpCall::ReceiveIncomingRequest(const PptpIncomingCallRequest& request)
{
    NS_LOG_FUNCTION(this << request.callId);
    if (m_role != PptpPeerType::PNS || m_direction != PptpCallDirection::INCOMING
        || m_state != PptpCallState::IDLE || m_cleared)
    {
        return false;
    }
    m_peerCallId = request.callId;
    m_hasPeerCallId = true;
    m_serialNumber = request.callSerialNumber;
    m_bearerType = request.callBearerType;
    PptpIncomingCallReply reply;
    reply.callId = m_localCallId;
    reply.peersCallId = m_peerCallId;
    reply.resultCode = PptpIncomingCallResult::CONNECT;
    reply.packetRecvWindowSize = m_localWindow;
    reply.packetTransmitDelay = m_localDelay;
    SetState(PptpCallState::WAIT_CONNECT);
    Send(PptpControlMessage(reply));
    return true;
}

bool
PptpCall::Clear()
{
    NS_LOG_FUNCTION(this << PptpCallStateName(m_state));
    if (m_cleared || m_state == PptpCallState::IDLE || m_state == PptpCallState::WAIT_DISCONNECT)
    {
        return false;
    }
    if (m_role == PptpPeerType::PNS)
    {
        PptpCallClearRequest request;
        request.callId = m_localCallId;
        SetState(PptpCallState::WAIT_DISCONNECT);
        Send(PptpControlMessage(request));
        return true;
    }
    if (m_state == PptpCallState::WAIT_CS_ANS)
    {
        PptpOutgoingCallReply reply;
        reply.callId = m_localCallId;
        reply.peersCallId = m_peerCallId;
        reply.resultCode = PptpOutgoingCallResult::GENERAL_ERROR;
        reply.errorCode = PptpGeneralError::PAC_ERROR;
        Send(PptpControlMessage(reply));
        Finish(PptpCallClearReason::LOCAL_CLEAR,
               static_cast<uint8_t>(PptpOutgoingCallResult::GENERAL_ERROR),
               PptpGeneralError::PAC_ERROR);
        return true;
    }
    PptpCallDisconnectNotify notify;
    notify.callId = m_localCallId;
    notify.resultCode = PptpCallDisconnectResult::ADMIN_SHUTDOWN;
    Send(PptpControlMessage(notify));
    Finish(PptpCallClearReason::LOCAL_CLEAR,
           static_cast<uint8_t>(PptpCallDisconnectResult::ADMIN_SHUTDOWN),
           PptpGeneralError::NONE);
    return true;
}

void
PptpCall::Drop(PptpCallClearReason reason)
{
    NS_LOG_FUNCTION(this << PptpCallClearReasonName(reason));
    Finish(reason, 0, PptpGeneralError::NONE);
}

bool
PptpCall::SendSetLinkInfo(uint32_t sendAccm, uint32_t receiveAccm)
{
    NS_LOG_FUNCTION(this << sendAccm << receiveAccm);
    if (m_cleared || m_role != PptpPeerType::PNS || m_state != PptpCallState::ESTABLISHED)
    {
        return false;
    }
    PptpSetLinkInfo sli;
    sli.peersCallId = m_peerCallId;
    sli.sendAccm = sendAccm;
    sli.receiveAccm = receiveAccm;
    m_linkInfo = sli;
    Send(PptpControlMessage(sli));
    return true;
}

bool
PptpCall::SendWanErrorNotify(const PptpWanErrorNotify& counters)
{
    NS_LOG_FUNCTION(this);
    if (m_cleared || m_role != PptpPeerType::PAC || m_state != PptpCallState::ESTABLISHED)
    {
        return false;
    }
    PptpControlMessage message(counters);
    message.GetBody<PptpWanErrorNotify>()->peersCallId = m_peerCallId;
    Send(message);
    return true;
}

void
PptpCall::DisconnectOnRequest()
{
    PptpCallDisconnectNotify notify;
    notify.callId = m_localCallId;
    notify.resultCode = PptpCallDisconnectResult::REQUEST;
    Send(PptpControlMessage(notify));
    Finish(PptpCallClearReason::CLEAR_REQUEST_RECEIVED,
           static_cast<uint8_t>(PptpCallDisconnectResult::REQUEST),
           PptpGeneralError::NONE);
}

bool
PptpCall::Receive(const PptpControlMessage& message)
{
    NS_LOG_FUNCTION(this << PptpControlMessageTypeName(message.GetMessageType())
                         << PptpCallStateName(m_state));
    if (m_cleared)
    {
        return false;
    }
    switch (m_state)
    {
        case PptpCallState::IDLE:
            return false;
        case PptpCallState::WAIT_REPLY:
            return ProcessWaitReply(message);
        case PptpCallState::WAIT_CS_ANS:
            return ProcessWaitCsAns(message);
        case PptpCallState::WAIT_CONNECT:
            return ProcessWaitConnect(message);
        case PptpCallState::ESTABLISHED:
            return ProcessEstablished(message);
        case PptpCallState::WAIT_DISCONNECT:
            return ProcessWaitDisconnect(message);
    }
    return false;
}

bool
PptpCall::ProcessWaitReply(const PptpControlMessage& m)
{
    if (m_role == PptpPeerType::PNS)
    {
        if (const auto* reply = m.GetBody<PptpOutgoingCallReply>())
        {
            if (reply->peersCallId != m_localCallId)
            {
                return false;
            }
            if (reply->resultCode != PptpOutgoingCallResult::CONNECTED)
            {
                Finish(PptpCallClearReason::REFUSED_BY_PEER,
                       static_cast<uint8_t>(reply->resultCode),
                       reply->errorCode);
                return true;
            }
            m_peerCallId = reply->callId;
            m_hasPeerCallId = true;
            m_peerWindow = reply->packetRecvWindowSize;
            m_peerDelay = reply->packetProcessingDelay;
            m_connectSpeed = reply->connectSpeed;
            SetState(PptpCallState::ESTABLISHED);
            return true;
        }
        return false;
    }
    // PAC, incoming
    if (const auto* reply = m.GetBody<PptpIncomingCallReply>())
    {
        if (reply->peersCallId != m_localCallId)
        {
            return false;
        }
        if (reply->resultCode != PptpIncomingCallResult::CONNECT)
        {
            Finish(PptpCallClearReason::REFUSED_BY_PEER,
                   static_cast<uint8_t>(reply->resultCode),
                   reply->errorCode);
            return true;
        }
        m_peerCallId = reply->callId;
        m_hasPeerCallId = true;
        m_peerWindow = reply->packetRecvWindowSize;
        m_peerDelay = reply->packetTransmitDelay;
        PptpIncomingCallConnected connected;
        connected.peersCallId = m_peerCallId;
        connected.connectSpeed = m_connectSpeed;
        connected.packetRecvWindowSize = m_localWindow;
        connected.packetTransmitDelay = m_localDelay;
        connected.framingType = m_framingType;
        SetState(PptpCallState::ESTABLISHED);
        Send(PptpControlMessage(connected));
        return true;
    }
    if (m.Is<PptpCallClearRequest>())
    {
        // The PNS gave up before replying: the PAC answers with a Call-Disconnect-Notify.
        DisconnectOnRequest();
        return true;
    }
    return false;
}

bool
PptpCall::ProcessWaitCsAns(const PptpControlMessage& m)
{
    if (m.Is<PptpCallClearRequest>())
    {
        DisconnectOnRequest();
        return true;
    }
    return ProcessLinkMessage(m);
}

bool
PptpCall::ProcessWaitConnect(const PptpControlMessage& m)
{
    if (const auto* connected = m.GetBody<PptpIncomingCallConnected>())
    {
        m_peerWindow = connected->packetRecvWindowSize;
        m_peerDelay = connected->packetTransmitDelay;
        m_connectSpeed = connected->connectSpeed;
        m_framingType = connected->framingType;
        SetState(PptpCallState::ESTABLISHED);
        return true;
    }
    if (const auto* notify = m.GetBody<PptpCallDisconnectNotify>())
    {
        Finish(PptpCallClearReason::DISCONNECT_NOTIFY_RECEIVED,
               static_cast<uint8_t>(notify->resultCode),
               notify->errorCode);
        return true;
    }
    return ProcessLinkMessage(m);
}

bool
PptpCall::ProcessEstablished(const PptpControlMessage& m)
{
    if (m_role == PptpPeerType::PAC && m.Is<PptpCallClearRequest>())
    {
        DisconnectOnRequest();
        return true;
    }
    if (m_role == PptpPeerType::PNS)
    {
        if (const auto* notify = m.GetBody<PptpCallDisconnectNotify>())
        {
            Finish(PptpCallClearReason::DISCONNECT_NOTIFY_RECEIVED,
                   static_cast<uint8_t>(notify->resultCode),
                   notify->errorCode);
            return true;
        }
    }
    return ProcessLinkMessage(m);
}

bool
PptpCall::ProcessWaitDisconnect(const PptpControlMessage& m)
{
    if (const auto* notify = m.GetBody<PptpCallDisconnectNotify>())
    {
        Finish(PptpCallClearReason::LOCAL_CLEAR,
               static_cast<uint8_t>(notify->resultCode),
               notify->errorCode);
        return true;
    }
    if (const auto* reply = m.GetBody<PptpOutgoingCallReply>())
    {
        // The reply to the request this PNS cleared while waiting (RFC 2637 s.3.2.4.2,
        // wait_reply -> wait_disconnect). Its Call ID is what the PAC's Call-Disconnect-Notify
        // will carry, so remember it; an error reply means no call exists and no CDN follows.
        if (m_hasPeerCallId || reply->peersCallId != m_localCallId)
        {
            return false;
        }
        if (reply->resultCode != PptpOutgoingCallResult::CONNECTED)
        {
            Finish(PptpCallClearReason::LOCAL_CLEAR,
                   static_cast<uint8_t>(reply->resultCode),
                   reply->errorCode);
            return true;
        }
        m_peerCallId = reply->callId;
        m_hasPeerCallId = true;
        m_peerWindow = reply->packetRecvWindowSize;
        m_peerDelay = reply->packetProcessingDelay;
        return true;
    }
    if (m.Is<PptpIncomingCallConnected>())
    {
        // The PAC connected the call before it saw the Call-Clear-Request: the CDN follows.
        return true;
    }
    return ProcessLinkMessage(m);
}

bool
PptpCall::ProcessLinkMessage(const PptpControlMessage& m)
{
    if (m_role == PptpPeerType::PNS)
    {
        if (const auto* wen = m.GetBody<PptpWanErrorNotify>())
        {
            m_wanErrors = *wen;
            return true;
        }
        return false;
    }
    if (const auto* sli = m.GetBody<PptpSetLinkInfo>())
    {
        m_linkInfo = *sli;
        return true;
    }
    return false;
}

PptpCallState
PptpCall::GetState() const
{
    return m_state;
}

PptpPeerType
PptpCall::GetRole() const
{
    return m_role;
}

PptpCallDirection
PptpCall::GetDirection() const
{
    return m_direction;
}

uint16_t
PptpCall::GetLocalCallId() const
{
    return m_localCallId;
}

uint16_t
PptpCall::GetPeerCallId() const
{
    return m_peerCallId;
}

bool
PptpCall::HasPeerCallId() const
{
    return m_hasPeerCallId;
}

uint16_t
PptpCall::GetSerialNumber() const
{
    return m_serialNumber;
}

uint16_t
PptpCall::GetLocalWindow() const
{
    return m_localWindow;
}

uint16_t
PptpCall::GetPeerWindow() const
{
    return m_peerWindow;
}

uint16_t
PptpCall::GetLocalProcessingDelay() const
{
    return m_localDelay;
}

uint16_t
PptpCall::GetPeerProcessingDelay() const
{
    return m_peerDelay;
}

uint32_t
PptpCall::GetConnectSpeed() const
{
    return m_connectSpeed;
}

PptpFramingType
PptpCall::GetFramingType() const
{
    return m_framingType;
}

PptpBearerType
PptpCall::GetBearerType() const
{
    return m_bearerType;
}

PptpCallClearReason
PptpCall::GetClearReason() const
{
    return m_clearReason;
}

uint8_t
PptpCall::GetClearResultCode() const
{
    return m_clearResult;
}

PptpGeneralError
PptpCall::GetClearErrorCode() const
{
    return m_clearError;
}

const PptpSetLinkInfo&
PptpCall::GetLinkInfo() const
{
    return m_linkInfo;
}

const PptpWanErrorNotify&
PptpCall::GetWanErrors() const
{
    return m_wanErrors;
}

bool
PptpCall::IsCleared() const
{
    return m_cleared;
}

} // namespace ns3
