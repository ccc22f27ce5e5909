/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-control-connection.h"

#include "ns3/inet-socket-address.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/tcp-socket-factory.h"
#include "ns3/uinteger.h"

#include <iostream>
#include <typeinfo>
#include <utility>
#include <vector>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PptpControlConnection");

NS_OBJECT_ENSURE_REGISTERED(PptpControlConnection);

const char*
PptpControlConnectionStateName(PptpControlConnectionState state)
{
    switch (state)
    {
        case PptpControlConnectionState::IDLE:
            return "IDLE";
        case PptpControlConnectionState::WAIT_CTL_REPLY:
            return "WAIT_CTL_REPLY";
        case PptpControlConnectionState::WAIT_CTL_REQUEST:
            return "WAIT_CTL_REQUEST";
        case PptpControlConnectionState::ESTABLISHED:
            return "ESTABLISHED";
        case PptpControlConnectionState::WAIT_STOP_REPLY:
            return "WAIT_STOP_REPLY";
    }
    return "UNKNOWN";
}

const char*
PptpControlRoleName(PptpControlRole role)
{
    switch (role)
    {
        case PptpControlRole::ORIGINATOR:
            return "ORIGINATOR";
        case PptpControlRole::RECEIVER:
            return "RECEIVER";
    }
    return "UNKNOWN";
}

const char*
PptpControlCloseReasonName(PptpControlCloseReason reason)
{
    switch (reason)
    {
        case PptpControlCloseReason::NONE:
            return "NONE";
        case PptpControlCloseReason::STOP_COMPLETED:
            return "STOP_COMPLETED";
        case PptpControlCloseReason::START_REFUSED:
            return "START_REFUSED";
        case PptpControlCloseReason::COLLISION:
            return "COLLISION";
        case PptpControlCloseReason::ECHO_TIMEOUT:
            return "ECHO_TIMEOUT";
        case PptpControlCloseReason::CONTROL_TIMEOUT:
            return "CONTROL_TIMEOUT";
        case PptpControlCloseReason::MALFORMED_MESSAGE:
            return "MALFORMED_MESSAGE";
        case PptpControlCloseReason::PEER_CLOSED:
            return "PEER_CLOSED";
        case PptpControlCloseReason::TCP_ERROR:
            return "TCP_ERROR";
        case PptpControlCloseReason::CONNECT_FAILED:
            return "CONNECT_FAILED";
        case PptpControlCloseReason::ABORTED:
            return "ABORTED";
    }
    return "UNKNOWN";
}

std::ostream&
operator<<(std::ostream& os, PptpControlConnectionState state)
{
    return os << PptpControlConnectionStateName(state);
}

std::ostream&
operator<<(std::ostream& os, PptpControlCloseReason reason)
{
    return os << PptpControlCloseReasonName(reason);
}

namespace
{

/**
 * Close a socket this connection no longer uses. Scheduled when the connection lets go of it
 * from inside one of the socket's own callbacks: the socket must outlive that call.
 * \param socket the socket
 */
void
CloseDetachedSocket(Ptr<Socket> socket)
{
    socket->Close();
}

/// Counts the socket callbacks being run (PptpControlConnection::m_socketCallbackDepth).
class SocketCallbackScope
{
  public:
    /// \param depth the counter
    explicit SocketCallbackScope(uint32_t& depth)
        : m_depth(depth)
    {
        ++m_depth;
    }

    ~SocketCallbackScope()
    {
        --m_depth;
    }

    SocketCallbackScope(const SocketCallbackScope&) = delete;
    SocketCallbackScope& operator=(const SocketCallbackScope&) = delete;

  private:
    uint32_t& m_depth; //!< the counter
};

} // namespace

TypeId
PptpControlConnection::GetTypeId()
{
    static TypeId tid
        = TypeId("ns3::PptpControlConnection")
              .SetParent<Object>()
              .SetGroupName("Pptp")
              .AddConstructor<PptpControlConnection>()
              .AddAttribute("ProtocolVersion",
                            "Protocol Version sent in SCCRQ / SCCRP (RFC 2637 s.2.1: 0x0100, "
                            "version 1 revision 0); a peer with a lower version is refused.",
                            UintegerValue(PPTP_PROTOCOL_VERSION),
                            MakeUintegerAccessor(&PptpControlConnection::m_protocolVersion),
                            MakePptpRangeChecker(MakeUintegerChecker<uint16_t>(1, 65535),
                                                 "ns3::PptpControlConnection::ProtocolVersion",
                                                 "1..65535"))
              .AddAttribute("FramingCapabilities",
                            "Framing Capabilities bits of SCCRQ / SCCRP (1 async, 2 sync; 0..3). "
                            "Default 1, what Windows clients send.",
                            UintegerValue(1),
                            MakeUintegerAccessor(&PptpControlConnection::m_framingCapabilities),
                            MakePptpRangeChecker(MakeUintegerChecker<uint32_t>(0, 3),
                                                 "ns3::PptpControlConnection::FramingCapabilities",
                                                 "0..3"))
              .AddAttribute("BearerCapabilities",
                            "Bearer Capabilities bits of SCCRQ / SCCRP (1 analog, 2 digital; "
                            "0..3). Default 1, what Windows clients send.",
                            UintegerValue(1),
                            MakeUintegerAccessor(&PptpControlConnection::m_bearerCapabilities),
                            MakePptpRangeChecker(MakeUintegerChecker<uint32_t>(0, 3),
                                                 "ns3::PptpControlConnection::BearerCapabilities",
                                                 "0..3"))
              .AddAttribute("MaximumChannels",
                            "Maximum Channels of SCCRQ / SCCRP (0..65535; a PNS sends 0).",
                            UintegerValue(0),
                            MakeUintegerAccessor(&PptpControlConnection::m_maximumChannels),
                            MakeUintegerChecker<uint16_t>())
              .AddAttribute("FirmwareRevision",
                            "Firmware Revision of SCCRQ / SCCRP (0..65535).",
                            UintegerValue(1),
                            MakeUintegerAccessor(&PptpControlConnection::m_firmwareRevision),
                            MakeUintegerChecker<uint16_t>())
              .AddAttribute("HostName",
                            "Host Name of SCCRQ / SCCRP (at most 64 octets are sent).",
                            StringValue(""),
                            MakeStringAccessor(&PptpControlConnection::m_hostName),
                            MakeStringChecker())
              .AddAttribute("VendorName",
                            "Vendor String of SCCRQ / SCCRP (at most 64 octets are sent).",
                            StringValue("ns-3 pptp"),
                            MakeStringAccessor(&PptpControlConnection::m_vendorName),
                            MakeStringChecker())
              .AddAttribute("EchoInterval",
                            "Idle time (no message received) after which an Echo-Request is sent "
                            "(RFC 2637 s.3.1.4: 60 s). Must be > 0.",
                            TimeValue(Seconds(60)),
                            MakeTimeAccessor(&PptpControlConnection::SetEchoInterval,
                                             &PptpControlConnection::GetEchoInterval),
                            MakePptpRangeChecker(MakeTimeChecker(TimeStep(1)),
                                                 "ns3::PptpControlConnection::EchoInterval",
                                                 "> 0 s"))
              .AddAttribute("EchoTimeout",
                            "Time allowed for the Echo-Reply before the connection is closed "
                            "(RFC 2637 s.3.1.4: 60 s). Must be > 0.",
                            TimeValue(Seconds(60)),
                            MakeTimeAccessor(&PptpControlConnection::SetEchoTimeout,
                                             &PptpControlConnection::GetEchoTimeout),
                            MakePptpRangeChecker(MakeTimeChecker(TimeStep(1)),
                                                 "ns3::PptpControlConnection::EchoTimeout",
                                                 "> 0 s"))
              .AddAttribute("ControlTimeout",
                            "Time allowed for SCCRQ, SCCRP or StopCCRP before TCP is closed "
                            "(RFC 2637 s.3.1.4: 60 s); 0 disables the timer.",
                            TimeValue(Seconds(60)),
                            MakeTimeAccessor(&PptpControlConnection::m_controlTimeout),
                            MakePptpRangeChecker(MakeTimeChecker(Seconds(0)),
                                                 "ns3::PptpControlConnection::ControlTimeout",
                                                 ">= 0 s (0 disables the timer)"))
              .AddAttribute("CallTimeout",
                            "Time a call may stay in a waiting state before the whole control "
                            "connection is stopped (RFC 2637 s.3.2.1: 1 minute); 0 disables it.",
                            TimeValue(Seconds(60)),
                            MakeTimeAccessor(&PptpControlConnection::m_callTimeout),
                            MakePptpRangeChecker(MakeTimeChecker(Seconds(0)),
                                                 "ns3::PptpControlConnection::CallTimeout",
                                                 ">= 0 s (0 disables the timer)"))
              .AddAttribute("SendQueueLimit",
                            "Most messages kept waiting for room in the TCP send buffer; beyond "
                            "it the connection is aborted (0 = no limit).",
                            UintegerValue(0),
                            MakeUintegerAccessor(&PptpControlConnection::m_sendQueueLimit),
                            MakeUintegerChecker<uint32_t>())
              .AddTraceSource("Tx",
                              "A control message was sent.",
                              MakeTraceSourceAccessor(&PptpControlConnection::m_txTrace),
                              "ns3::PptpControlConnection::MessageTracedCallback")
              .AddTraceSource("Rx",
                              "A well-formed control message was received.",
                              MakeTraceSourceAccessor(&PptpControlConnection::m_rxTrace),
                              "ns3::PptpControlConnection::MessageTracedCallback")
              .AddTraceSource("State",
                              "The control connection state (RFC 2637 s.3.1).",
                              MakeTraceSourceAccessor(&PptpControlConnection::m_state),
                              "ns3::PptpControlConnection::StateTracedCallback")
              .AddTraceSource("CallState",
                              "A call changed state (RFC 2637 s.3.2).",
                              MakeTraceSourceAccessor(&PptpControlConnection::m_callStateTrace),
                              "ns3::PptpControlConnection::CallStateTracedCallback")
              .AddTraceSource(
                  "CallEstablished",
                  "A call reached ESTABLISHED: both Call IDs, both windows, the peer's delay.",
                  MakeTraceSourceAccessor(&PptpControlConnection::m_callEstablishedTrace),
                  "ns3::PptpControlConnection::CallEstablishedTracedCallback")
              .AddTraceSource("CallCleared",
                              "A call ended, with the cause.",
                              MakeTraceSourceAccessor(&PptpControlConnection::m_callClearedTrace),
                              "ns3::PptpControlConnection::CallClearedTracedCallback")
              .AddTraceSource("MalformedMessage",
                              "A malformed or unknown message was received.",
                              MakeTraceSourceAccessor(&PptpControlConnection::m_malformedTrace),
                              "ns3::PptpControlConnection::MalformedTracedCallback")
              .AddTraceSource("UnexpectedMessage",
                              "A well-formed message not expected in the current state.",
                              MakeTraceSourceAccessor(&PptpControlConnection::m_unexpectedTrace),
                              "ns3::PptpControlConnection::UnexpectedTracedCallback")
              .AddTraceSource("LinkInfo",
                              "PAC: a Set-Link-Info was received for a call (RFC 2637 s.2.15).",
                              MakeTraceSourceAccessor(&PptpControlConnection::m_linkInfoTrace),
                              "ns3::PptpControlConnection::LinkInfoTracedCallback")
              .AddTraceSource("WanError",
                              "PNS: a WAN-Error-Notify was received for a call (RFC 2637 s.2.14).",
                              MakeTraceSourceAccessor(&PptpControlConnection::m_wanErrorTrace),
                              "ns3::PptpControlConnection::WanErrorTracedCallback");
    return tid;
}

PptpControlConnection::PptpControlConnection()
    : m_protocolVersion(PPTP_PROTOCOL_VERSION)
    , m_framingCapabilities(1)
    , m_bearerCapabilities(1)
    , m_maximumChannels(0)
    , m_firmwareRevision(1)
    , m_echoInterval(Seconds(60))
    , m_echoTimeout(Seconds(60))
    , m_controlTimeout(Seconds(60))
    , m_callTimeout(Seconds(60))
    , m_sendQueueLimit(0)
    , m_peerType(PptpPeerType::PNS)
    , m_role(PptpControlRole::ORIGINATOR)
    , m_state(PptpControlConnectionState::IDLE)
    , m_closeReason(PptpControlCloseReason::NONE)
    , m_used(false)
    , m_closed(false)
    , m_refuseStart(false)
    , m_registered(false)
    , m_socketCallbackDepth(0)
    , m_answerWindow(64)
    , m_answerDelay(0)
    , m_answerConnectSpeed(0)
    , m_echoIdentifier(0)
    , m_echoOutstanding(false)
    , m_peerVersion(0)
    , m_peerFraming(0)
    , m_peerBearer(0)
    , m_peerMaxChannels(0)
    , m_txMessages(0)
    , m_rxMessages(0)
    , m_malformedMessages(0)
    , m_unexpectedMessages(0)
    , m_echoRequestsSent(0)
{
    NS_LOG_FUNCTION(this);
}

PptpControlConnection::~PptpControlConnection()
{
    NS_LOG_FUNCTION(this);
    // Normally DoDispose() or Close() did this; a connection dropped while open must not leave
    // a socket or a timer pointing at freed memory.
    m_controlTimer.Cancel();
    m_echoIdleTimer.Cancel();
    m_echoReplyTimer.Cancel();
    if (m_socket)
    {
        ReleaseSocket(false);
    }
    Unregister();
}

void
PptpControlConnection::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_establishedCallback = MakeNullCallback<void, Ptr<PptpControlConnection>>();
    m_closedCallback = MakeNullCallback<void, Ptr<PptpControlConnection>>();
    m_callEstablishedCallback = MakeNullCallback<void, Ptr<PptpControlConnection>, Ptr<PptpCall>>();
    m_callClearedCallback = MakeNullCallback<void, Ptr<PptpControlConnection>, Ptr<PptpCall>>();
    m_admissionCallback = MakeNullCallback<bool, Ptr<PptpControlConnection>>();
    if (!m_closed && m_used)
    {
        Close(PptpControlCloseReason::ABORTED, false);
    }
    m_controlTimer.Cancel();
    m_echoIdleTimer.Cancel();
    m_echoReplyTimer.Cancel();
    Unregister();
    if (m_socket)
    {
        ReleaseSocket(false);
    }
    m_sendQueue.clear();
    m_calls.clear();
    m_allocator = nullptr;
    m_node = nullptr;
    Object::DoDispose();
}

void
PptpControlConnection::SetEchoInterval(Time t)
{
    if (!t.IsStrictlyPositive())
    {
        NS_FATAL_ERROR("PptpControlConnection: EchoInterval must be > 0 s (got " << t.As(Time::S)
                                                                                 << ")");
    }
    m_echoInterval = t;
}

Time
PptpControlConnection::GetEchoInterval() const
{
    return m_echoInterval;
}

void
PptpControlConnection::SetEchoTimeout(Time t)
{
    if (!t.IsStrictlyPositive())
    {
        NS_FATAL_ERROR("PptpControlConnection: EchoTimeout must be > 0 s (got " << t.As(Time::S)
                                                                                << ")");
    }
    m_echoTimeout = t;
}

Time
PptpControlConnection::GetEchoTimeout() const
{
    return m_echoTimeout;
}

void
PptpControlConnection::SetNode(Ptr<Node> node)
{
    m_node = node;
    m_allocator = PptpCallIdAllocator::GetOrCreate(node);
}

Ptr<Node>
PptpControlConnection::GetNode() const
{
    return m_node;
}

void
PptpControlConnection::SetPeerType(PptpPeerType type)
{
    m_peerType = type;
}

PptpPeerType
PptpControlConnection::GetPeerType() const
{
    return m_peerType;
}

void
PptpControlConnection::SetAnswerParameters(uint16_t window,
                                           uint16_t processingDelay,
                                           uint32_t connectSpeed)
{
    m_answerWindow = window;
    m_answerDelay = processingDelay;
    m_answerConnectSpeed = connectSpeed;
}

void
PptpControlConnection::SetEstablishedCallback(ConnectionCallback callback)
{
    m_establishedCallback = callback;
}

void
PptpControlConnection::SetClosedCallback(ConnectionCallback callback)
{
    m_closedCallback = callback;
}

void
PptpControlConnection::SetAdmissionCallback(AdmissionCallback callback)
{
    m_admissionCallback = callback;
}

void
PptpControlConnection::SetCallEstablishedCallback(CallCallback callback)
{
    m_callEstablishedCallback = callback;
}

void
PptpControlConnection::SetCallClearedCallback(CallCallback callback)
{
    m_callClearedCallback = callback;
}

void
PptpControlConnection::RefuseStart()
{
    m_refuseStart = true;
}

// ---------------------------------------------------------------------------
// TCP side

void
PptpControlConnection::Connect(const Address& peer)
{
    NS_LOG_FUNCTION(this << peer);
    NS_ASSERT_MSG(m_node, "PptpControlConnection::Connect: SetNode() first");
    NS_ASSERT_MSG(!m_used, "PptpControlConnection::Connect: a connection is used once");
    NS_ASSERT_MSG(InetSocketAddress::IsMatchingType(peer),
                  "PptpControlConnection::Connect: an InetSocketAddress is needed");
    m_used = true;
    m_role = PptpControlRole::ORIGINATOR;
    m_socket = Socket::CreateSocket(m_node, TcpSocketFactory::GetTypeId());
    m_socket->Bind();
    m_socket->SetConnectCallback(MakeCallback(&PptpControlConnection::ConnectionSucceeded, this),
                                 MakeCallback(&PptpControlConnection::ConnectionFailed, this));
    SetupSocket();
    Register(InetSocketAddress::ConvertFrom(peer).GetIpv4());
    m_socket->Connect(peer);
}

void
PptpControlConnection::Accept(Ptr<Socket> socket, const Address& from)
{
    NS_LOG_FUNCTION(this << socket << from);
    NS_ASSERT_MSG(m_node, "PptpControlConnection::Accept: SetNode() first");
    NS_ASSERT_MSG(!m_used, "PptpControlConnection::Accept: a connection is used once");
    m_used = true;
    m_role = PptpControlRole::RECEIVER;
    m_socket = socket;
    Address local;
    if (m_socket->GetSockName(local) == 0 && InetSocketAddress::IsMatchingType(local))
    {
        m_localAddress = InetSocketAddress::ConvertFrom(local).GetIpv4();
    }
    SetupSocket();
    Register(InetSocketAddress::IsMatchingType(from)
                 ? InetSocketAddress::ConvertFrom(from).GetIpv4()
                 : Ipv4Address());
    SetState(PptpControlConnectionState::WAIT_CTL_REQUEST);
}

void
PptpControlConnection::SetupSocket()
{
    m_socket->SetRecvCallback(MakeCallback(&PptpControlConnection::HandleRead, this));
    m_socket->SetSendCallback(MakeCallback(&PptpControlConnection::HandleSendRoom, this));
    m_socket->SetCloseCallbacks(MakeCallback(&PptpControlConnection::HandlePeerClose, this),
                                MakeCallback(&PptpControlConnection::HandleError, this));
}

void
PptpControlConnection::Register(Ipv4Address peer)
{
    m_peerAddress = peer;
    if (m_allocator && !m_registered)
    {
        m_allocator->AddConnection(peer.Get(), this);
        m_registered = true;
    }
}

void
PptpControlConnection::Unregister()
{
    if (m_allocator && m_registered)
    {
        m_allocator->RemoveConnection(m_peerAddress.Get(), this);
        m_registered = false;
    }
}

void
PptpControlConnection::ConnectionSucceeded(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    Ptr<PptpControlConnection> keep(this);
    SocketCallbackScope scope(m_socketCallbackDepth);
    if (m_closed)
    {
        return;
    }
    Address local;
    if (m_socket->GetSockName(local) == 0 && InetSocketAddress::IsMatchingType(local))
    {
        m_localAddress = InetSocketAddress::ConvertFrom(local).GetIpv4();
    }
    SetState(PptpControlConnectionState::WAIT_CTL_REPLY);
    SendStart(false, PptpStartControlConnectionResult::SUCCESS, PptpGeneralError::NONE);
}

void
PptpControlConnection::ConnectionFailed(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    Ptr<PptpControlConnection> keep(this);
    SocketCallbackScope scope(m_socketCallbackDepth);
    Close(PptpControlCloseReason::CONNECT_FAILED, false);
}

void
PptpControlConnection::HandlePeerClose(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    Ptr<PptpControlConnection> keep(this);
    SocketCallbackScope scope(m_socketCallbackDepth);
    if (m_closed)
    {
        return;
    }
    Close(m_state == PptpControlConnectionState::WAIT_STOP_REPLY
              ? m_stopCloseReason
              : PptpControlCloseReason::PEER_CLOSED,
          true);
}

void
PptpControlConnection::HandleError(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    Ptr<PptpControlConnection> keep(this);
    SocketCallbackScope scope(m_socketCallbackDepth);
    if (m_closed)
    {
        return;
    }
    Close(PptpControlCloseReason::TCP_ERROR, false);
}

void
PptpControlConnection::HandleRead(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    Ptr<PptpControlConnection> keep(this);
    SocketCallbackScope scope(m_socketCallbackDepth);
    PptpControlMessage message;
    WireError error = WireError::NONE;
    while (!m_closed && m_socket)
    {
        Ptr<Packet> packet = m_socket->Recv();
        if (!packet || packet->GetSize() == 0)
        {
            break;
        }
        m_reassembler.Push(packet);
        while (!m_closed && m_reassembler.Pop(message, error))
        {
            if (error == WireError::NONE)
            {
                Receive(message);
            }
            else
            {
                ReceiveMalformed(error);
            }
        }
    }
}

void
PptpControlConnection::HandleSendRoom(Ptr<Socket> socket, uint32_t available)
{
    NS_LOG_FUNCTION(this << socket << available);
    Ptr<PptpControlConnection> keep(this);
    SocketCallbackScope scope(m_socketCallbackDepth);
    DrainQueue();
}

void
PptpControlConnection::DrainQueue()
{
    while (m_socket && !m_sendQueue.empty())
    {
        uint32_t room = m_socket->GetTxAvailable();
        if (room == 0)
        {
            return;
        }
        Ptr<Packet> front = m_sendQueue.front();
        if (front->GetSize() <= room)
        {
            if (m_socket->Send(front) < 0)
            {
                NS_LOG_WARN("Send failed: " << m_socket->GetErrno());
                return;
            }
            m_sendQueue.pop_front();
            continue;
        }
        // TCP is a byte stream: what fits goes now, the rest stays first in line.
        if (m_socket->Send(front->CreateFragment(0, room)) < 0)
        {
            NS_LOG_WARN("Send failed: " << m_socket->GetErrno());
            return;
        }
        m_sendQueue.front() = front->CreateFragment(room, front->GetSize() - room);
    }
}

void
PptpControlConnection::ReleaseSocket(bool flush)
{
    NS_LOG_FUNCTION(this << flush);
    Ptr<Socket> s = m_socket;
    m_socket = nullptr;
    if (!s)
    {
        m_sendQueue.clear();
        return;
    }
    s->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
    s->SetSendCallback(MakeNullCallback<void, Ptr<Socket>, uint32_t>());
    s->SetConnectCallback(MakeNullCallback<void, Ptr<Socket>>(),
                          MakeNullCallback<void, Ptr<Socket>>());
    s->SetCloseCallbacks(MakeNullCallback<void, Ptr<Socket>>(),
                         MakeNullCallback<void, Ptr<Socket>>());
    if (flush && !m_sendQueue.empty())
    {
        // The last messages (e.g. StopCCRP) go out before the FIN (RFC 2637 s.3.1.1: "making
        // sure that the final TCP information has been pushed"). Nobody is left to wait for
        // send room, so the buffer takes them all now and TCP sends them before its FIN.
        uint32_t queued = 0;
        for (const auto& p : m_sendQueue)
        {
            queued += p->GetSize();
        }
        UintegerValue size;
        if (s->GetAttributeFailSafe("SndBufSize", size))
        {
            s->SetAttributeFailSafe("SndBufSize", UintegerValue(size.Get() + queued));
        }
        for (const auto& p : m_sendQueue)
        {
            if (s->Send(p) < 0)
            {
                NS_LOG_WARN("final messages not sent: " << s->GetErrno());
                break;
            }
        }
    }
    m_sendQueue.clear();
    // Unread octets would make ns-3's TCP answer the Close() with a reset.
    while (s->GetRxAvailable() > 0)
    {
        if (!s->Recv())
        {
            break;
        }
    }
    if (m_socketCallbackDepth > 0)
    {
        // Inside the socket's own callback, this may be its last reference (ns-3's TCP goes
        // on using itself after the callback returns): close it in an event of its own.
        Simulator::ScheduleNow(&CloseDetachedSocket, s);
        return;
    }
    s->Close();
}

void
PptpControlConnection::Send(const PptpControlMessage& message)
{
    NS_LOG_FUNCTION(this << PptpControlMessageTypeName(message.GetMessageType()));
    if (!m_socket || m_closed)
    {
        NS_LOG_LOGIC("no socket: " << PptpControlMessageTypeName(message.GetMessageType())
                                   << " dropped");
        return;
    }
    Ptr<Packet> packet = Create<Packet>();
    packet->AddHeader(message);
    ++m_txMessages;
    m_txTrace(message);
    SendPacket(packet);
}

void
PptpControlConnection::SendPacket(Ptr<Packet> packet)
{
    if (!m_socket || m_closed)
    {
        return;
    }
    if (m_sendQueue.empty() && m_socket->GetTxAvailable() >= packet->GetSize())
    {
        if (m_socket->Send(packet) >= 0)
        {
            return;
        }
        if (m_socket->GetErrno() != Socket::ERROR_MSGSIZE)
        {
            NS_LOG_WARN("Send failed: " << m_socket->GetErrno() << "; message dropped");
            return;
        }
    }
    if (m_sendQueueLimit != 0 && m_sendQueue.size() >= m_sendQueueLimit)
    {
        NS_LOG_WARN("send queue full (" << m_sendQueue.size() << "): aborting");
        Close(PptpControlCloseReason::ABORTED, false);
        return;
    }
    m_sendQueue.push_back(packet);
    DrainQueue();
}

void
PptpControlConnection::SendRaw(const PptpControlMessage& message)
{
    Send(message);
}

void
PptpControlConnection::SendRawBytes(const uint8_t* data, uint32_t size)
{
    NS_LOG_FUNCTION(this << size);
    SendPacket(Create<Packet>(data, size));
}

// ---------------------------------------------------------------------------
// States

void
PptpControlConnection::SetState(PptpControlConnectionState state)
{
    NS_LOG_FUNCTION(this << PptpControlConnectionStateName(state));
    if (m_closed && state != PptpControlConnectionState::IDLE)
    {
        // Close() ran inside the handling that led here (e.g. the send queue limit): stay IDLE.
        return;
    }
    PptpControlConnectionState old = m_state;
    m_controlTimer.Cancel();
    if (state != PptpControlConnectionState::ESTABLISHED)
    {
        m_echoIdleTimer.Cancel();
        m_echoReplyTimer.Cancel();
        m_echoOutstanding = false;
    }
    bool waiting = state == PptpControlConnectionState::WAIT_CTL_REPLY
                   || state == PptpControlConnectionState::WAIT_CTL_REQUEST
                   || state == PptpControlConnectionState::WAIT_STOP_REPLY;
    if (waiting && m_controlTimeout.IsStrictlyPositive())
    {
        m_controlTimer
            = Simulator::Schedule(m_controlTimeout, &PptpControlConnection::ControlTimeout, this);
    }
    if (state == PptpControlConnectionState::ESTABLISHED
        && old != PptpControlConnectionState::ESTABLISHED)
    {
        m_lastRx = Simulator::Now();
        m_echoIdleTimer
            = Simulator::Schedule(m_echoInterval, &PptpControlConnection::EchoIdleCheck, this);
    }
    if (old != state)
    {
        NS_LOG_INFO(PptpControlRoleName(m_role) << " " << m_localAddress << "->" << m_peerAddress
                                                << " " << PptpControlConnectionStateName(old)
                                                << " -> " << PptpControlConnectionStateName(state));
    }
    m_state = state;
}

void
PptpControlConnection::Close(PptpControlCloseReason reason, bool flush)
{
    NS_LOG_FUNCTION(this << PptpControlCloseReasonName(reason) << flush);
    if (m_closed)
    {
        return;
    }
    Ptr<PptpControlConnection> self(this);
    m_closed = true;
    m_closeReason = reason;
    m_controlTimer.Cancel();
    m_echoIdleTimer.Cancel();
    m_echoReplyTimer.Cancel();
    DropAllCalls(PptpCallClearReason::CONTROL_CONNECTION_CLOSED);
    ReleaseSocket(flush);
    Unregister();
    SetState(PptpControlConnectionState::IDLE);
    NS_LOG_INFO("control connection " << m_localAddress << "->" << m_peerAddress
                                      << " closed: " << PptpControlCloseReasonName(reason));
    if (!m_closedCallback.IsNull())
    {
        m_closedCallback(self);
    }
}

void
PptpControlConnection::ControlTimeout()
{
    NS_LOG_FUNCTION(this << PptpControlConnectionStateName(m_state));
    Close(PptpControlCloseReason::CONTROL_TIMEOUT, false);
}

void
PptpControlConnection::EchoIdleCheck()
{
    NS_LOG_FUNCTION(this);
    if (m_state != PptpControlConnectionState::ESTABLISHED || m_echoOutstanding)
    {
        return;
    }
    Time idle = Simulator::Now() - m_lastRx;
    if (idle < m_echoInterval)
    {
        m_echoIdleTimer = Simulator::Schedule(
            m_echoInterval - idle, &PptpControlConnection::EchoIdleCheck, this);
        return;
    }
    PptpEchoRequest request;
    request.identifier = ++m_echoIdentifier;
    m_echoOutstanding = true;
    ++m_echoRequestsSent;
    m_echoReplyTimer
        = Simulator::Schedule(m_echoTimeout, &PptpControlConnection::EchoTimeoutExpired, this);
    Send(PptpControlMessage(request));
}

void
PptpControlConnection::EchoTimeoutExpired()
{
    NS_LOG_FUNCTION(this);
    NS_LOG_WARN("no Echo-Reply within " << m_echoTimeout.As(Time::S) << ": closing");
    DropAllCalls(PptpCallClearReason::CONTROL_CONNECTION_CLOSED);
    PptpStopControlConnectionRequest stop;
    stop.reason = PptpStopReason::NONE;
    Send(PptpControlMessage(stop));
    Close(PptpControlCloseReason::ECHO_TIMEOUT, false);
}

void
PptpControlConnection::Stop(PptpStopReason reason)
{
    NS_LOG_FUNCTION(this << PptpStopReasonName(reason));
    switch (m_state)
    {
        case PptpControlConnectionState::ESTABLISHED:
            ClearAllCalls();
            SendStop(reason);
            break;
        case PptpControlConnectionState::WAIT_CTL_REPLY:
        case PptpControlConnectionState::WAIT_CTL_REQUEST:
            Close(PptpControlCloseReason::ABORTED, true);
            break;
        case PptpControlConnectionState::IDLE:
            if (m_used && !m_closed)
            {
                Close(PptpControlCloseReason::ABORTED, false);
            }
            break;
        case PptpControlConnectionState::WAIT_STOP_REPLY:
            break;
    }
}

void
PptpControlConnection::Abort()
{
    NS_LOG_FUNCTION(this);
    if (m_used)
    {
        Close(PptpControlCloseReason::ABORTED, false);
    }
}

void
PptpControlConnection::SendStart(bool reply,
                                 PptpStartControlConnectionResult result,
                                 PptpGeneralError error)
{
    if (reply)
    {
        PptpStartControlConnectionReply body;
        body.protocolVersion = m_protocolVersion;
        body.resultCode = result;
        body.errorCode = error;
        body.framingCapabilities = m_framingCapabilities;
        body.bearerCapabilities = m_bearerCapabilities;
        body.maximumChannels = m_maximumChannels;
        body.firmwareRevision = m_firmwareRevision;
        PptpSetText(body.hostName, m_hostName);
        PptpSetText(body.vendorName, m_vendorName);
        Send(PptpControlMessage(body));
        return;
    }
    PptpStartControlConnectionRequest body;
    body.protocolVersion = m_protocolVersion;
    body.framingCapabilities = m_framingCapabilities;
    body.bearerCapabilities = m_bearerCapabilities;
    body.maximumChannels = m_maximumChannels;
    body.firmwareRevision = m_firmwareRevision;
    PptpSetText(body.hostName, m_hostName);
    PptpSetText(body.vendorName, m_vendorName);
    Send(PptpControlMessage(body));
}

void
PptpControlConnection::SendStop(PptpStopReason reason)
{
    PptpStopControlConnectionRequest body;
    body.reason = reason;
    SetState(PptpControlConnectionState::WAIT_STOP_REPLY);
    Send(PptpControlMessage(body));
}

void
PptpControlConnection::AnswerStop()
{
    NS_LOG_FUNCTION(this);
    DropAllCalls(PptpCallClearReason::CONTROL_CONNECTION_CLOSED);
    PptpStopControlConnectionReply reply;
    reply.resultCode = PptpStopControlConnectionResult::OK;
    Send(PptpControlMessage(reply));
    Close(PptpControlCloseReason::STOP_COMPLETED, true);
}

// ---------------------------------------------------------------------------
// Receive path

void
PptpControlConnection::Receive(const PptpControlMessage& m)
{
    NS_LOG_FUNCTION(this << PptpControlMessageTypeName(m.GetMessageType())
                         << PptpControlConnectionStateName(m_state));
    ++m_rxMessages;
    m_lastRx = Simulator::Now();
    m_rxTrace(m);
    switch (m_state)
    {
        case PptpControlConnectionState::IDLE:
            ProcessIdle(m);
            break;
        case PptpControlConnectionState::WAIT_CTL_REPLY:
            ProcessWaitCtlReply(m);
            break;
        case PptpControlConnectionState::WAIT_CTL_REQUEST:
            ProcessWaitCtlRequest(m);
            break;
        case PptpControlConnectionState::ESTABLISHED:
            ProcessEstablished(m);
            break;
        case PptpControlConnectionState::WAIT_STOP_REPLY:
            ProcessWaitStopReply(m);
            break;
    }
}

void
PptpControlConnection::ReceiveMalformed(WireError error)
{
    NS_LOG_FUNCTION(this << error);
    ++m_malformedMessages;
    m_malformedTrace(error);
    NS_LOG_WARN("malformed control message from "
                << m_peerAddress << ": " << error
                << (m_reassembler.IsBroken() ? " (stream lost sync)" : ""));
    PptpStopReason reason
        = (error == WireError::UNKNOWN_TYPE || error == WireError::BAD_MESSAGE_TYPE)
              ? PptpStopReason::STOP_PROTOCOL
              : PptpStopReason::NONE;
    if (m_state == PptpControlConnectionState::WAIT_STOP_REPLY)
    {
        if (m_reassembler.IsBroken())
        {
            // The StopCCRP can no longer be found in the stream; a second Stop would not help.
            Close(PptpControlCloseReason::MALFORMED_MESSAGE, false);
        }
        return;
    }
    if (m_state == PptpControlConnectionState::ESTABLISHED && !m_reassembler.IsBroken())
    {
        ClearAllCalls();
        m_stopCloseReason = PptpControlCloseReason::MALFORMED_MESSAGE;
        SendStop(reason);
        return;
    }
    // The stream lost sync, or no control connection exists yet: Stop, then close TCP.
    DropAllCalls(PptpCallClearReason::CONTROL_CONNECTION_CLOSED);
    PptpStopControlConnectionRequest stop;
    stop.reason = reason;
    Send(PptpControlMessage(stop));
    Close(PptpControlCloseReason::MALFORMED_MESSAGE, true);
}

void
PptpControlConnection::AnswerUnexpected(const PptpControlMessage& m, PptpGeneralError error)
{
    NS_LOG_FUNCTION(this << PptpControlMessageTypeName(m.GetMessageType())
                         << PptpGeneralErrorName(error));
    ++m_unexpectedMessages;
    PptpGeneralError answered = PptpGeneralError::NONE;
    switch (m.GetMessageType())
    {
        case PptpControlMessageType::START_CONTROL_CONNECTION_REQUEST:
            SendStart(true,
                      error == PptpGeneralError::NONE
                          ? PptpStartControlConnectionResult::CHANNEL_EXISTS
                          : PptpStartControlConnectionResult::GENERAL_ERROR,
                      error);
            answered = error;
            break;
        case PptpControlMessageType::ECHO_REQUEST:
        {
            PptpEchoReply reply;
            reply.identifier = m.GetBody<PptpEchoRequest>()->identifier;
            reply.resultCode = PptpEchoResult::GENERAL_ERROR;
            reply.errorCode = error;
            Send(PptpControlMessage(reply));
            answered = error;
            break;
        }
        case PptpControlMessageType::OUTGOING_CALL_REQUEST:
        {
            PptpOutgoingCallReply reply;
            reply.peersCallId = m.GetBody<PptpOutgoingCallRequest>()->callId;
            reply.resultCode = PptpOutgoingCallResult::GENERAL_ERROR;
            reply.errorCode = error;
            Send(PptpControlMessage(reply));
            answered = error;
            break;
        }
        case PptpControlMessageType::INCOMING_CALL_REQUEST:
        {
            PptpIncomingCallReply reply;
            reply.peersCallId = m.GetBody<PptpIncomingCallRequest>()->callId;
            reply.resultCode = PptpIncomingCallResult::GENERAL_ERROR;
            reply.errorCode = error;
            Send(PptpControlMessage(reply));
            answered = error;
            break;
        }
        case PptpControlMessageType::CALL_CLEAR_REQUEST:
        {
            PptpCallDisconnectNotify notify;
            notify.resultCode = PptpCallDisconnectResult::GENERAL_ERROR;
            notify.errorCode = error;
            Send(PptpControlMessage(notify));
            answered = error;
            break;
        }
        default:
            // A reply or a notification: nothing to answer with (RFC 2637 s.2.16).
            break;
    }
    NS_LOG_LOGIC("unexpected " << PptpControlMessageTypeName(m.GetMessageType()) << " in "
                               << PptpControlConnectionStateName(m_state) << ", answered with "
                               << PptpGeneralErrorName(answered));
    m_unexpectedTrace(m, answered);
}

void
PptpControlConnection::ProcessIdle(const PptpControlMessage& m)
{
    ++m_unexpectedMessages;
    m_unexpectedTrace(m, PptpGeneralError::NONE);
}

bool
PptpControlConnection::ResolveCollision()
{
    // Returns true when this receiver connection must stay silent.
    if (!m_allocator)
    {
        return false;
    }
    PptpControlConnection* rival = nullptr;
    bool exists = false;
    auto range = m_allocator->GetConnections(m_peerAddress.Get());
    for (auto it = range.first; it != range.second; ++it)
    {
        PptpControlConnection* other = it->second;
        if (other == this || other->m_closed)
        {
            continue;
        }
        if (other->m_state == PptpControlConnectionState::ESTABLISHED)
        {
            exists = true;
        }
        else if (other->m_role == PptpControlRole::ORIGINATOR
                 && other->m_state == PptpControlConnectionState::WAIT_CTL_REPLY)
        {
            rival = other;
        }
    }
    if (exists)
    {
        NS_LOG_INFO("a control connection to " << m_peerAddress << " already exists");
        ++m_unexpectedMessages;
        SendStart(true, PptpStartControlConnectionResult::CHANNEL_EXISTS, PptpGeneralError::NONE);
        Close(PptpControlCloseReason::START_REFUSED, true);
        return true;
    }
    if (!rival)
    {
        return false;
    }
    if (m_localAddress.Get() > m_peerAddress.Get())
    {
        // Winner: wait for SCCRP on the own connection and for the loser to close this one.
        NS_LOG_INFO("SCCRQ collision with " << m_peerAddress << ": this node wins");
        return true;
    }
    NS_LOG_INFO("SCCRQ collision with " << m_peerAddress << ": this node loses");
    Ptr<PptpControlConnection> keep(rival);
    rival->Close(PptpControlCloseReason::COLLISION, false);
    return false;
}

void
PptpControlConnection::ProcessWaitCtlRequest(const PptpControlMessage& m)
{
    if (const auto* request = m.GetBody<PptpStartControlConnectionRequest>())
    {
        m_peerVersion = request->protocolVersion;
        m_peerFraming = request->framingCapabilities;
        m_peerBearer = request->bearerCapabilities;
        m_peerMaxChannels = request->maximumChannels;
        m_peerHostName = PptpGetText(request->hostName);
        m_peerVendorName = PptpGetText(request->vendorName);
        if (m_refuseStart)
        {
            SendStart(true,
                      PptpStartControlConnectionResult::GENERAL_ERROR,
                      PptpGeneralError::NO_RESOURCE);
            Close(PptpControlCloseReason::START_REFUSED, true);
            return;
        }
        if (request->protocolVersion < m_protocolVersion)
        {
            SendStart(true,
                      PptpStartControlConnectionResult::VERSION_NOT_SUPPORTED,
                      PptpGeneralError::NONE);
            Close(PptpControlCloseReason::START_REFUSED, true);
            return;
        }
        if (ResolveCollision())
        {
            return;
        }
        SendStart(true, PptpStartControlConnectionResult::SUCCESS, PptpGeneralError::NONE);
        SetState(PptpControlConnectionState::ESTABLISHED);
        if (!m_establishedCallback.IsNull())
        {
            m_establishedCallback(this);
        }
        return;
    }
    if (m.Is<PptpStopControlConnectionRequest>())
    {
        AnswerStop();
        return;
    }
    AnswerUnexpected(m, PptpGeneralError::NOT_CONNECTED);
}

void
PptpControlConnection::ProcessWaitCtlReply(const PptpControlMessage& m)
{
    if (const auto* reply = m.GetBody<PptpStartControlConnectionReply>())
    {
        m_peerVersion = reply->protocolVersion;
        m_peerFraming = reply->framingCapabilities;
        m_peerBearer = reply->bearerCapabilities;
        m_peerMaxChannels = reply->maximumChannels;
        m_peerHostName = PptpGetText(reply->hostName);
        m_peerVendorName = PptpGetText(reply->vendorName);
        if (reply->resultCode != PptpStartControlConnectionResult::SUCCESS)
        {
            NS_LOG_INFO("SCCRP refused: " << PptpStartControlConnectionResultName(reply->resultCode)
                                          << " / " << PptpGeneralErrorName(reply->errorCode));
            Close(PptpControlCloseReason::START_REFUSED, false);
            return;
        }
        if (reply->protocolVersion < m_protocolVersion)
        {
            SendStop(PptpStopReason::STOP_PROTOCOL);
            return;
        }
        SetState(PptpControlConnectionState::ESTABLISHED);
        if (!m_establishedCallback.IsNull())
        {
            m_establishedCallback(this);
        }
        return;
    }
    if (m.Is<PptpStopControlConnectionRequest>())
    {
        AnswerStop();
        return;
    }
    AnswerUnexpected(m, PptpGeneralError::NOT_CONNECTED);
}

void
PptpControlConnection::ProcessEstablished(const PptpControlMessage& m)
{
    switch (m.GetMessageType())
    {
        case PptpControlMessageType::START_CONTROL_CONNECTION_REQUEST:
            AnswerUnexpected(m, PptpGeneralError::NONE); // SCCRP Channel-Exists
            return;
        case PptpControlMessageType::STOP_CONTROL_CONNECTION_REQUEST:
            AnswerStop();
            return;
        case PptpControlMessageType::ECHO_REQUEST:
        {
            PptpEchoReply reply;
            reply.identifier = m.GetBody<PptpEchoRequest>()->identifier;
            reply.resultCode = PptpEchoResult::OK;
            Send(PptpControlMessage(reply));
            return;
        }
        case PptpControlMessageType::ECHO_REPLY:
            if (m_echoOutstanding && m.GetBody<PptpEchoReply>()->identifier == m_echoIdentifier)
            {
                m_echoOutstanding = false;
                m_echoReplyTimer.Cancel();
                m_echoIdleTimer.Cancel();
                m_echoIdleTimer = Simulator::Schedule(
                    m_echoInterval, &PptpControlConnection::EchoIdleCheck, this);
            }
            else
            {
                AnswerUnexpected(m, PptpGeneralError::NONE);
            }
            return;
        case PptpControlMessageType::START_CONTROL_CONNECTION_REPLY:
        case PptpControlMessageType::STOP_CONTROL_CONNECTION_REPLY:
            AnswerUnexpected(m, PptpGeneralError::NONE);
            return;
        default:
            ProcessCallMessage(m);
            return;
    }
}

void
PptpControlConnection::ProcessWaitStopReply(const PptpControlMessage& m)
{
    if (m.Is<PptpStopControlConnectionReply>())
    {
        Close(m_stopCloseReason, true);
        return;
    }
    if (m.Is<PptpStopControlConnectionRequest>())
    {
        // Both sides stopped at once: answer and close.
        AnswerStop();
        return;
    }
    // Calls were cleared before the Stop; their late messages need no answer.
}

void
PptpControlConnection::ProcessCallMessage(const PptpControlMessage& m)
{
    Ptr<PptpCall> call;
    switch (m.GetMessageType())
    {
        case PptpControlMessageType::OUTGOING_CALL_REQUEST:
            if (m_peerType == PptpPeerType::PAC)
            {
                HandleOutgoingCallRequest(*m.GetBody<PptpOutgoingCallRequest>());
            }
            else
            {
                // A PNS has no lines to dial out on.
                AnswerUnexpected(m, PptpGeneralError::NO_RESOURCE);
            }
            return;
        case PptpControlMessageType::INCOMING_CALL_REQUEST:
            if (m_peerType == PptpPeerType::PNS)
            {
                HandleIncomingCallRequest(*m.GetBody<PptpIncomingCallRequest>());
            }
            else
            {
                AnswerUnexpected(m, PptpGeneralError::NO_RESOURCE);
            }
            return;
        case PptpControlMessageType::OUTGOING_CALL_REPLY:
            call = GetCall(m.GetBody<PptpOutgoingCallReply>()->peersCallId);
            break;
        case PptpControlMessageType::INCOMING_CALL_REPLY:
            call = GetCall(m.GetBody<PptpIncomingCallReply>()->peersCallId);
            break;
        case PptpControlMessageType::INCOMING_CALL_CONNECTED:
            call = GetCall(m.GetBody<PptpIncomingCallConnected>()->peersCallId);
            break;
        case PptpControlMessageType::CALL_CLEAR_REQUEST:
            call = FindByPeerCallId(m.GetBody<PptpCallClearRequest>()->callId);
            if (!call || m_peerType != PptpPeerType::PAC)
            {
                AnswerUnexpected(m, PptpGeneralError::BAD_CALL_ID);
                return;
            }
            break;
        case PptpControlMessageType::CALL_DISCONNECT_NOTIFY:
            call = FindByPeerCallId(m.GetBody<PptpCallDisconnectNotify>()->callId);
            break;
        case PptpControlMessageType::WAN_ERROR_NOTIFY:
            call = GetCall(m.GetBody<PptpWanErrorNotify>()->peersCallId);
            break;
        case PptpControlMessageType::SET_LINK_INFO:
            call = GetCall(m.GetBody<PptpSetLinkInfo>()->peersCallId);
            break;
        default:
            break;
    }
    if (!call)
    {
        AnswerUnknownCall(m);
        return;
    }
    if (!call->Receive(m))
    {
        AnswerUnexpected(m, PptpGeneralError::NONE);
        return;
    }
    if (const auto* sli = m.GetBody<PptpSetLinkInfo>())
    {
        m_linkInfoTrace(call->GetLocalCallId(), *sli);
    }
    else if (const auto* wen = m.GetBody<PptpWanErrorNotify>())
    {
        NS_LOG_INFO("call " << call->GetLocalCallId() << ": WAN errors CRC " << wen->crcErrors
                            << " framing " << wen->framingErrors << " timeout "
                            << wen->timeoutErrors);
        m_wanErrorTrace(call->GetLocalCallId(), *wen);
    }
}

void
PptpControlConnection::AnswerUnknownCall(const PptpControlMessage& m)
{
    NS_LOG_FUNCTION(this << PptpControlMessageTypeName(m.GetMessageType()));
    if (const auto* icrp = m.GetBody<PptpIncomingCallReply>())
    {
        if (m_peerType == PptpPeerType::PAC && icrp->resultCode == PptpIncomingCallResult::CONNECT)
        {
            // The PNS accepted a call this PAC does not have: tell it the call is gone.
            ++m_unexpectedMessages;
            PptpCallDisconnectNotify notify;
            notify.callId = icrp->peersCallId;
            notify.resultCode = PptpCallDisconnectResult::GENERAL_ERROR;
            notify.errorCode = PptpGeneralError::BAD_CALL_ID;
            Send(PptpControlMessage(notify));
            m_unexpectedTrace(m, PptpGeneralError::BAD_CALL_ID);
            return;
        }
    }
    else if (m_peerType == PptpPeerType::PNS)
    {
        uint16_t named = 0;
        bool clear = false;
        if (const auto* ocrp = m.GetBody<PptpOutgoingCallReply>())
        {
            named = ocrp->peersCallId;
            clear = ocrp->resultCode == PptpOutgoingCallResult::CONNECTED;
        }
        else if (const auto* iccn = m.GetBody<PptpIncomingCallConnected>())
        {
            named = iccn->peersCallId;
            clear = true;
        }
        if (clear)
        {
            // The PAC connected a call this PNS does not have: ask it to clear the call.
            ++m_unexpectedMessages;
            PptpCallClearRequest request;
            request.callId = named;
            Send(PptpControlMessage(request));
            m_unexpectedTrace(m, PptpGeneralError::BAD_CALL_ID);
            return;
        }
    }
    AnswerUnexpected(m, PptpGeneralError::BAD_CALL_ID);
}

void
PptpControlConnection::HandleOutgoingCallRequest(const PptpOutgoingCallRequest& request)
{
    NS_LOG_FUNCTION(this << request.callId);
    if (FindByPeerCallId(request.callId))
    {
        AnswerUnexpected(PptpControlMessage(request), PptpGeneralError::BAD_CALL_ID);
        return;
    }
    Ptr<PptpCall> call
        = CreateCall(PptpPeerType::PAC, PptpCallDirection::OUTGOING, m_answerWindow, m_answerDelay);
    if (!call || (!m_admissionCallback.IsNull() && !m_admissionCallback(this)))
    {
        if (call)
        {
            m_allocator->Release(call->GetLocalCallId());
        }
        PptpOutgoingCallReply reply;
        reply.peersCallId = request.callId;
        reply.resultCode = PptpOutgoingCallResult::GENERAL_ERROR;
        reply.errorCode = PptpGeneralError::NO_RESOURCE;
        NS_LOG_INFO("OCRQ " << request.callId << " refused: no resource");
        Send(PptpControlMessage(reply));
        return;
    }
    call->SetConnectSpeed(m_answerConnectSpeed);
    m_calls.emplace(call->GetLocalCallId(), call);
    call->ReceiveOutgoingRequest(request);
    // The simulated PAC has no telephone line to wait for: the call is answered at once.
    call->Answer();
}

void
PptpControlConnection::HandleIncomingCallRequest(const PptpIncomingCallRequest& request)
{
    NS_LOG_FUNCTION(this << request.callId);
    if (FindByPeerCallId(request.callId))
    {
        AnswerUnexpected(PptpControlMessage(request), PptpGeneralError::BAD_CALL_ID);
        return;
    }
    Ptr<PptpCall> call
        = CreateCall(PptpPeerType::PNS, PptpCallDirection::INCOMING, m_answerWindow, m_answerDelay);
    if (!call || (!m_admissionCallback.IsNull() && !m_admissionCallback(this)))
    {
        if (call)
        {
            m_allocator->Release(call->GetLocalCallId());
        }
        PptpIncomingCallReply reply;
        reply.peersCallId = request.callId;
        reply.resultCode = PptpIncomingCallResult::GENERAL_ERROR;
        reply.errorCode = PptpGeneralError::NO_RESOURCE;
        Send(PptpControlMessage(reply));
        return;
    }
    m_calls.emplace(call->GetLocalCallId(), call);
    call->ReceiveIncomingRequest(request);
}

// ---------------------------------------------------------------------------
// Calls

Ptr<PptpCall>
PptpControlConnection::CreateCall(PptpPeerType role,
                                  PptpCallDirection direction,
                                  uint16_t window,
                                  uint16_t delay)
{
    uint16_t id = 0;
    if (!m_allocator || !m_allocator->Allocate(id))
    {
        NS_LOG_WARN("no free Call ID");
        return nullptr;
    }
    Ptr<PptpCall> call = Create<PptpCall>(role, direction, id, m_allocator->NextSerialNumber());
    call->SetLocalWindow(window, delay);
    call->SetSendCallback(MakeCallback(&PptpControlConnection::Send, this));
    call->SetStateCallback(MakeCallback(&PptpControlConnection::CallStateChanged, this));
    call->SetClearedCallback(MakeCallback(&PptpControlConnection::CallCleared, this));
    call->SetRequestTimeout(m_callTimeout,
                            MakeCallback(&PptpControlConnection::CallTimedOut, this));
    return call;
}

Ptr<PptpCall>
PptpControlConnection::PlaceOutgoingCall(const PptpOutgoingCallRequest& request,
                                         uint16_t window,
                                         uint16_t processingDelay)
{
    NS_LOG_FUNCTION(this << window << processingDelay);
    if (m_state != PptpControlConnectionState::ESTABLISHED || m_peerType != PptpPeerType::PNS)
    {
        return nullptr;
    }
    Ptr<PptpCall> call
        = CreateCall(PptpPeerType::PNS, PptpCallDirection::OUTGOING, window, processingDelay);
    if (!call)
    {
        return nullptr;
    }
    // The limit on calls binds the calls this node places as well as those it answers.
    if (!m_admissionCallback.IsNull() && !m_admissionCallback(this))
    {
        m_allocator->Release(call->GetLocalCallId());
        return nullptr;
    }
    m_calls.emplace(call->GetLocalCallId(), call);
    call->StartOutgoing(request);
    return call;
}

Ptr<PptpCall>
PptpControlConnection::PlaceIncomingCall(const PptpIncomingCallRequest& request,
                                         uint16_t window,
                                         uint16_t processingDelay)
{
    NS_LOG_FUNCTION(this << window << processingDelay);
    if (m_state != PptpControlConnectionState::ESTABLISHED || m_peerType != PptpPeerType::PAC)
    {
        return nullptr;
    }
    Ptr<PptpCall> call
        = CreateCall(PptpPeerType::PAC, PptpCallDirection::INCOMING, window, processingDelay);
    if (!call)
    {
        return nullptr;
    }
    // The limit on calls binds the calls this node places as well as those it answers.
    if (!m_admissionCallback.IsNull() && !m_admissionCallback(this))
    {
        m_allocator->Release(call->GetLocalCallId());
        return nullptr;
    }
    call->SetConnectSpeed(m_answerConnectSpeed);
    m_calls.emplace(call->GetLocalCallId(), call);
    call->StartIncoming(request);
    return call;
}

bool
PptpControlConnection::SendSetLinkInfo(uint16_t localCallId,
                                       uint32_t sendAccm,
                                       uint32_t receiveAccm)
{
    NS_LOG_FUNCTION(this << localCallId);
    Ptr<PptpCall> call = GetCall(localCallId);
    return call && m_state == PptpControlConnectionState::ESTABLISHED
           && call->SendSetLinkInfo(sendAccm, receiveAccm);
}

bool
PptpControlConnection::SendWanErrorNotify(uint16_t localCallId, const PptpWanErrorNotify& counters)
{
    NS_LOG_FUNCTION(this << localCallId);
    Ptr<PptpCall> call = GetCall(localCallId);
    return call && m_state == PptpControlConnectionState::ESTABLISHED
           && call->SendWanErrorNotify(counters);
}

bool
PptpControlConnection::ClearCall(uint16_t localCallId)
{
    NS_LOG_FUNCTION(this << localCallId);
    Ptr<PptpCall> call = GetCall(localCallId);
    return call && call->Clear();
}

Ptr<PptpCall>
PptpControlConnection::FindByPeerCallId(uint16_t peerCallId) const
{
    for (const auto& entry : m_calls)
    {
        if (entry.second->HasPeerCallId() && entry.second->GetPeerCallId() == peerCallId)
        {
            return entry.second;
        }
    }
    return nullptr;
}

void
PptpControlConnection::CallStateChanged(Ptr<PptpCall> call, PptpCallState o, PptpCallState n)
{
    m_callStateTrace(call->GetLocalCallId(), o, n);
    if (n == PptpCallState::ESTABLISHED)
    {
        NS_LOG_INFO("call " << call->GetLocalCallId() << "/" << call->GetPeerCallId()
                            << " established, windows " << call->GetLocalWindow() << "/"
                            << call->GetPeerWindow());
        m_callEstablishedTrace(call->GetLocalCallId(),
                               call->GetPeerCallId(),
                               call->GetLocalWindow(),
                               call->GetPeerWindow(),
                               call->GetPeerProcessingDelay());
        if (!m_callEstablishedCallback.IsNull())
        {
            m_callEstablishedCallback(this, call);
        }
    }
}

void
PptpControlConnection::CallCleared(Ptr<PptpCall> call)
{
    uint16_t id = call->GetLocalCallId();
    NS_LOG_INFO("call " << id << " cleared: " << PptpCallClearReasonName(call->GetClearReason())
                        << " result " << static_cast<int>(call->GetClearResultCode()));
    m_calls.erase(id);
    if (m_allocator)
    {
        m_allocator->Release(id);
    }
    m_callClearedTrace(id, call->GetClearReason(), call->GetClearResultCode());
    if (!m_callClearedCallback.IsNull())
    {
        m_callClearedCallback(this, call);
    }
}

void
PptpControlConnection::CallTimedOut(Ptr<PptpCall> call)
{
    NS_LOG_WARN("call " << call->GetLocalCallId() << " stuck in "
                        << PptpCallStateName(call->GetState())
                        << ": stopping the control connection (RFC 2637 s.3.2.1)");
    call->Drop(PptpCallClearReason::TIMEOUT);
    Stop(PptpStopReason::NONE);
}

void
PptpControlConnection::DropAllCalls(PptpCallClearReason reason)
{
    while (!m_calls.empty())
    {
        Ptr<PptpCall> call = m_calls.begin()->second;
        call->Drop(reason); // erases it through CallCleared()
        m_calls.erase(call->GetLocalCallId());
    }
}

void
PptpControlConnection::ClearAllCalls()
{
    std::vector<Ptr<PptpCall>> calls;
    calls.reserve(m_calls.size());
    for (const auto& entry : m_calls)
    {
        calls.push_back(entry.second);
    }
    for (const auto& call : calls)
    {
        call->Clear();
        call->Drop(PptpCallClearReason::LOCAL_CLEAR);
    }
}

// ---------------------------------------------------------------------------
// Accessors

PptpControlConnectionState
PptpControlConnection::GetState() const
{
    return m_state;
}

PptpControlRole
PptpControlConnection::GetRole() const
{
    return m_role;
}

PptpControlCloseReason
PptpControlConnection::GetCloseReason() const
{
    return m_closeReason;
}

Ipv4Address
PptpControlConnection::GetPeerAddress() const
{
    return m_peerAddress;
}

Ptr<PptpCall>
PptpControlConnection::GetCall(uint16_t localCallId) const
{
    auto it = m_calls.find(localCallId);
    return it == m_calls.end() ? nullptr : it->second;
}

uint32_t
PptpControlConnection::GetCallCount() const
{
    return m_calls.size();
}

uint16_t
PptpControlConnection::GetPeerProtocolVersion() const
{
    return m_peerVersion;
}

std::string
PptpControlConnection::GetPeerHostName() const
{
    return m_peerHostName;
}

std::string
PptpControlConnection::GetPeerVendorName() const
{
    return m_peerVendorName;
}

uint32_t
PptpControlConnection::GetPeerFramingCapabilities() const
{
    return m_peerFraming;
}

uint32_t
PptpControlConnection::GetPeerBearerCapabilities() const
{
    return m_peerBearer;
}

uint16_t
PptpControlConnection::GetPeerMaximumChannels() const
{
    return m_peerMaxChannels;
}

uint64_t
PptpControlConnection::GetTxMessages() const
{
    return m_txMessages;
}

uint64_t
PptpControlConnection::GetRxMessages() const
{
    return m_rxMessages;
}

uint64_t
PptpControlConnection::GetMalformedMessages() const
{
    return m_malformedMessages;
}

uint64_t
PptpControlConnection::GetUnexpectedMessages() const
{
    return m_unexpectedMessages;
}

uint64_t
PptpControlConnection::GetEchoRequestsSent() const
{
    return m_echoRequestsSent;
}

uint32_t
PptpControlConnection::GetQueuedPackets() const
{
    return m_sendQueue.size();
}

} // namespace ns3
