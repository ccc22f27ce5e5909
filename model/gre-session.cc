/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "gre-session.h"

#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <limits>
#include <utility>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("GreSession");

NS_OBJECT_ENSURE_REGISTERED(GreSession);

namespace
{
/// Ring size for the send times of outstanding packets at first (grows by doubling).
constexpr uint32_t INITIAL_RING_SIZE = 64;

/**
 * \brief Sequence number arithmetic modulo 2^32.
 * \param a a sequence number
 * \param b another
 * \return a - b as a signed distance
 */
inline int32_t
SeqDiff(uint32_t a, uint32_t b)
{
    return static_cast<int32_t>(a - b);
}
} // namespace

TypeId
GreSession::GetTypeId()
{
    static TypeId tid
        = TypeId("ns3::GreSession")
              .SetParent<Object>()
              .SetGroupName("Pptp")
              .AddConstructor<GreSession>()
              .AddAttribute("InitialSequenceNumber",
                            "Sequence number of the first data packet (RFC 2637 s.4.1: 0; "
                            "pptp-linux starts at 1). Settable to test 2^32 wrap-around.",
                            UintegerValue(0),
                            MakeUintegerAccessor(&GreSession::SetInitialSequenceNumber,
                                                 &GreSession::GetInitialSequenceNumber),
                            MakeUintegerChecker<uint32_t>())
              .AddAttribute("ReceiveWindow",
                            "The Packet Recv. Window Size this node advertised for the call "
                            "(1..65535; default 64, what pptpd and Windows send). Informational: "
                            "the receiver does not drop by window (see the class description).",
                            UintegerValue(64),
                            MakeUintegerAccessor(&GreSession::m_receiveWindow),
                            MakeUintegerChecker<uint16_t>(1, 65535))
              .AddAttribute("TxQueueSize",
                            "Frames held while the send window is closed (0..1000000; RFC 2637 "
                            "s.4.2.4). Default 100, ns-3's default device queue; FreeBSD "
                            "ng_pptpgre holds none (0).",
                            UintegerValue(100),
                            MakeUintegerAccessor(&GreSession::m_txQueueSize),
                            MakeUintegerChecker<uint32_t>(0, 1000000))
              .AddAttribute("AckDelay",
                            "Longest wait for a data packet to carry an acknowledgment before an "
                            "ack-only packet is sent (0..10 s). The wait is RTT/4 bounded by "
                            "MinAckDelay and AckDelay, as FreeBSD ng_pptpgre does; default "
                            "500 ms, its PPTP_MAX_ACK_DELAY and what pptp-linux waits (the "
                            "captures show its lone acks 0.50 s after the last data packet).",
                            TimeValue(MilliSeconds(500)),
                            MakeTimeAccessor(&GreSession::m_ackDelay),
                            MakeTimeChecker(Time(0), Seconds(10)))
              .AddAttribute("MinAckDelay",
                            "Shortest wait before an ack-only packet (0..10 s; default 2 ms, "
                            "FreeBSD ng_pptpgre's PPTP_MIN_ACK_DELAY).",
                            TimeValue(MilliSeconds(2)),
                            MakeTimeAccessor(&GreSession::m_minAckDelay),
                            MakeTimeChecker(Time(0), Seconds(10)))
              .AddAttribute("AckEvery",
                            "Delivered packets awaiting acknowledgment that make an ack-only "
                            "packet leave at once (0..65535). Default 0: a quarter of the "
                            "ReceiveWindow this node advertised (at least 1), so a sender that "
                            "starts at half that window hears from us before it must stop; "
                            "otherwise an acknowledgment waits for data going the other way or "
                            "for the ack delay (RFC 2637 s.4.2). 2 mimics pptp-linux, which "
                            "acknowledges the second unacknowledged packet at once in the "
                            "captures.",
                            UintegerValue(0),
                            MakeUintegerAccessor(&GreSession::m_ackEvery),
                            MakeUintegerChecker<uint32_t>(0, 65535))
              .AddAttribute("InitialRtt",
                            "RTT[0] when the peer's Packet Processing Delay is 0 (RFC 2637 s.4.4 "
                            "seeds RTT with the PPD; 0..60 s; default 100 ms, FreeBSD "
                            "ng_pptpgre's seed for a PPD of 0 or 1).",
                            TimeValue(MilliSeconds(100)),
                            MakeTimeAccessor(&GreSession::m_initialRtt),
                            MakeTimeChecker(Time(0), Seconds(60)))
              .AddAttribute("MinAckTimeout",
                            "MinTimeOut of RFC 2637 s.4.4.1 (0..60 s). Default 1 s, the minimum "
                            "retransmission time-out of TCP (RFC 6298 s.2.4), whose 1989 "
                            "estimator s.4.4.1 follows, for the same reason: an acknowledgment "
                            "delayed by the receiver (AckDelay, AckEvery) must not look lost. "
                            "FreeBSD ng_pptpgre uses 12 ms plus about 8 ms of clock granularity.",
                            TimeValue(Seconds(1)),
                            MakeTimeAccessor(&GreSession::m_minAckTimeout),
                            MakeTimeChecker(Time(0), Seconds(60)))
              .AddAttribute("MaxAckTimeout",
                            "MaxTimeOut of RFC 2637 s.4.4.1, the administrator's maximum "
                            "(1 ms..600 s; default 3 s, FreeBSD ng_pptpgre's PPTP_MAX_TIMEOUT).",
                            TimeValue(Seconds(3)),
                            MakeTimeAccessor(&GreSession::m_maxAckTimeout),
                            MakeTimeChecker(MilliSeconds(1), Seconds(600)))
              .AddAttribute("Alpha",
                            "Gain of the RTT average (RFC 2637 s.4.4.1: 1/8; 0 < alpha <= 1).",
                            DoubleValue(GreAckTimeoutEstimator::RFC_ALPHA),
                            MakeDoubleAccessor(&GreSession::m_alpha),
                            MakeDoubleChecker<double>(1e-6, 1.0))
              .AddAttribute("Beta",
                            "Gain of the deviation (RFC 2637 s.4.4.1: 1/4; 0 < beta <= 1).",
                            DoubleValue(GreAckTimeoutEstimator::RFC_BETA),
                            MakeDoubleAccessor(&GreSession::m_beta),
                            MakeDoubleChecker<double>(1e-6, 1.0))
              .AddAttribute("Chi",
                            "Gain of the deviation in the time-out (RFC 2637 s.4.4.1: 4; 0..64).",
                            DoubleValue(GreAckTimeoutEstimator::RFC_CHI),
                            MakeDoubleAccessor(&GreSession::m_chi),
                            MakeDoubleChecker<double>(0.0, 64.0))
              .AddAttribute("Delta",
                            "Time-out gain of RTT on an ack time-out (RFC 2637 s.4.4.2: 2; 1..16).",
                            DoubleValue(GreAckTimeoutEstimator::RFC_DELTA),
                            MakeDoubleAccessor(&GreSession::m_delta),
                            MakeDoubleChecker<double>(1.0, 16.0))
              .AddAttribute("Profile",
                            "Flow control: RFC (RFC 2637 s.4.2, the window is enforced) or "
                            "WINDOWS (MS-PTPT: the window is not enforced; acks still sent).",
                            EnumValue(GreSession::RFC),
                            MakeEnumAccessor(&GreSession::m_profile),
                            MakeEnumChecker(GreSession::RFC, "RFC", GreSession::WINDOWS, "WINDOWS"))
              .AddAttribute("ReorderBuffer",
                            "Hold packets that follow a gap for the missing ones, as pptp-linux's "
                            "reordering queue does (default off: RFC 2637 s.4.3 discards).",
                            BooleanValue(false),
                            MakeBooleanAccessor(&GreSession::m_reorderEnabled),
                            MakeBooleanChecker())
              .AddAttribute("ReorderTimeout",
                            "Longest hold in the reorder buffer (10 ms..10 s, pptp-linux's "
                            "--timeout range; default 300 ms, its DEFAULT_PACKET_TIMEOUT).",
                            TimeValue(MilliSeconds(300)),
                            MakeTimeAccessor(&GreSession::m_reorderTimeout),
                            MakeTimeChecker(MilliSeconds(10), Seconds(10)))
              .AddAttribute("ReorderBufferSize",
                            "Most packets held by the reorder buffer (1..65535; default 64: "
                            "pptp-linux bounds its queue by time only, this bounds memory too).",
                            UintegerValue(64),
                            MakeUintegerAccessor(&GreSession::m_reorderBufferSize),
                            MakeUintegerChecker<uint32_t>(1, 65535))
              .AddTraceSource("Tx",
                              "A GRE packet was sent (payload without the GRE header, header).",
                              MakeTraceSourceAccessor(&GreSession::m_txTrace),
                              "ns3::GreSession::PacketTracedCallback")
              .AddTraceSource("Rx",
                              "A GRE packet for this session was received.",
                              MakeTraceSourceAccessor(&GreSession::m_rxTrace),
                              "ns3::GreSession::PacketTracedCallback")
              .AddTraceSource("Drop",
                              "A frame or packet was dropped, with the reason.",
                              MakeTraceSourceAccessor(&GreSession::m_dropTrace),
                              "ns3::GreSession::DropTracedCallback")
              .AddTraceSource("Window",
                              "The send window in packets.",
                              MakeTraceSourceAccessor(&GreSession::m_window),
                              "ns3::TracedValueCallback::Uint32")
              .AddTraceSource("Outstanding",
                              "Packets sent and not yet acknowledged (or given up).",
                              MakeTraceSourceAccessor(&GreSession::m_outstanding),
                              "ns3::TracedValueCallback::Uint32")
              .AddTraceSource("AckTimeout",
                              "The adaptive acknowledgment time-out (RFC 2637 s.4.4.1).",
                              MakeTraceSourceAccessor(&GreSession::m_ackTimeout),
                              "ns3::TracedValueCallback::Time")
              .AddTraceSource("RttSample",
                              "A round-trip sample taken from an acknowledgment.",
                              MakeTraceSourceAccessor(&GreSession::m_rttSampleTrace),
                              "ns3::GreSession::RttSampleTracedCallback");
    return tid;
}

GreSession::GreSession()
    : m_initialSequence(0)
    , m_receiveWindow(64)
    , m_txQueueSize(100)
    , m_ackDelay(MilliSeconds(500))
    , m_minAckDelay(MilliSeconds(2))
    , m_ackEvery(0)
    , m_initialRtt(MilliSeconds(100))
    , m_minAckTimeout(Seconds(1))
    , m_maxAckTimeout(Seconds(3))
    , m_alpha(GreAckTimeoutEstimator::RFC_ALPHA)
    , m_beta(GreAckTimeoutEstimator::RFC_BETA)
    , m_chi(GreAckTimeoutEstimator::RFC_CHI)
    , m_delta(GreAckTimeoutEstimator::RFC_DELTA)
    , m_profile(RFC)
    , m_reorderEnabled(false)
    , m_reorderTimeout(MilliSeconds(300))
    , m_reorderBufferSize(64)
    , m_localCallId(0)
    , m_peerCallId(0)
    , m_closed(false)
    , m_started(false)
    , m_nextSequence(0)
    , m_lastAcked(std::numeric_limits<uint32_t>::max())
    , m_peerWindow(64)
    , m_peerPpd(0)
    , m_windowGrowthMark(0)
    , m_window(32)
    , m_outstanding(0)
    , m_ackTimeout(Time(0))
    , m_sentAt(INITIAL_RING_SIZE)
    , m_sentAtHead(0)
    , m_receivedAny(false)
    , m_lastDelivered(0)
    , m_unacked(0)
    , m_ackDueSet(false)
    , m_txData(0)
    , m_txAck(0)
    , m_rxData(0)
    , m_rxAck(0)
    , m_delivered(0)
    , m_missing(0)
    , m_timeouts(0)
    , m_invalidAcks(0)
    , m_drops{}
{
    NS_LOG_FUNCTION(this);
    m_windowGrowthMark = m_lastAcked + m_window;
}

void
GreSession::NotifyConstructionCompleted()
{
    Object::NotifyConstructionCompleted();
    ResetEstimator();
}

GreSession::~GreSession()
{
    NS_LOG_FUNCTION(this);
}

void
GreSession::DoDispose()
{
    NS_LOG_FUNCTION(this);
    Close();
    m_transmit = TransmitCallback();
    m_receive = Callback<void, Ptr<Packet>>();
    Object::DoDispose();
}

void
GreSession::Setup(Ipv4Address local, Ipv4Address peer, uint16_t localCallId, uint16_t peerCallId)
{
    NS_LOG_FUNCTION(this << local << peer << localCallId << peerCallId);
    m_local = local;
    m_peer = peer;
    m_localCallId = localCallId;
    m_peerCallId = peerCallId;
}

void
GreSession::SetTransmitCallback(TransmitCallback transmit)
{
    m_transmit = transmit;
}

void
GreSession::SetReceiveCallback(Callback<void, Ptr<Packet>> receive)
{
    m_receive = receive;
}

void
GreSession::SetInitialSequenceNumber(uint32_t sequence)
{
    NS_ASSERT_MSG(m_txData == 0, "InitialSequenceNumber set after data was sent");
    m_initialSequence = sequence;
    m_nextSequence = sequence;
    m_lastAcked = sequence - 1;
    m_windowGrowthMark = m_lastAcked + m_window;
}

uint32_t
GreSession::GetInitialSequenceNumber() const
{
    return m_initialSequence;
}

void
GreSession::SetPeerWindow(uint16_t window)
{
    NS_LOG_FUNCTION(this << window);
    m_peerWindow = std::max<uint32_t>(window, 1);
    // s.4.2.1: start at half the peer's window, at least one packet (fractions rounded up
    // as s.4.2.2 does).
    m_window = std::max<uint32_t>((m_peerWindow + 1) / 2, 1);
    m_windowGrowthMark = m_lastAcked + m_window;
    DrainQueue();
}

void
GreSession::SetPeerPacketProcessingDelay(uint16_t tenthsOfSecond)
{
    NS_LOG_FUNCTION(this << tenthsOfSecond);
    m_peerPpd = tenthsOfSecond;
    if (m_started)
    {
        ResetEstimator();
    }
}

void
GreSession::ResetEstimator()
{
    m_estimator.SetGains(m_alpha, m_beta, m_chi, m_delta);
    m_estimator.SetBounds(m_minAckTimeout, std::max(m_minAckTimeout, m_maxAckTimeout));
    Time rtt0 = m_peerPpd > 0 ? MilliSeconds(100) * static_cast<int64_t>(m_peerPpd) : m_initialRtt;
    m_ackTimeout = m_estimator.Reset(rtt0);
}

bool
GreSession::CanTransmit() const
{
    return m_profile == WINDOWS || m_outstanding.Get() < m_window.Get();
}

bool
GreSession::Send(Ptr<Packet> pppFrame)
{
    NS_LOG_FUNCTION(this << pppFrame);
    if (m_closed)
    {
        Drop(pppFrame, GreDropReason::SESSION_CLOSED);
        return false;
    }
    if (pppFrame->GetSize() > std::numeric_limits<uint16_t>::max())
    {
        Drop(pppFrame, GreDropReason::PAYLOAD_TOO_LARGE);
        return false;
    }
    if (m_txQueue.empty() && CanTransmit())
    {
        TransmitData(pppFrame);
        return true;
    }
    if (m_txQueue.size() >= m_txQueueSize)
    {
        Drop(pppFrame, GreDropReason::TX_QUEUE_FULL);
        return false;
    }
    NS_LOG_LOGIC("window closed (" << m_outstanding.Get() << " outstanding, window "
                                   << m_window.Get() << "): frame queued");
    m_txQueue.push_back(pppFrame);
    return true;
}

Time
GreSession::SentAt(uint32_t index) const
{
    return m_sentAt[(m_sentAtHead + index) & (m_sentAt.size() - 1)];
}

void
GreSession::TransmitData(Ptr<Packet> frame)
{
    if (!m_started)
    {
        // Attributes may have changed since construction.
        m_started = true;
        ResetEstimator();
    }
    GreHeader header;
    header.SetCallId(m_peerCallId);
    header.SetPayloadLength(static_cast<uint16_t>(frame->GetSize()));
    header.SetSequenceNumber(m_nextSequence);
    if (m_unacked > 0)
    {
        header.SetAcknowledgment(m_lastDelivered);
        m_unacked = 0;
        // The delayed-ack event is left to run: it finds nothing to acknowledge, or a later
        // deadline (m_ackDue), so one event serves many piggy-backed acknowledgments.
        m_ackDueSet = false;
    }
    uint32_t outstanding = m_outstanding.Get();
    if (outstanding == m_sentAt.size())
    {
        std::vector<Time> larger(m_sentAt.size() * 2);
        for (uint32_t i = 0; i < outstanding; ++i)
        {
            larger[i] = SentAt(i);
        }
        m_sentAt.swap(larger);
        m_sentAtHead = 0;
    }
    m_sentAt[(m_sentAtHead + outstanding) & (m_sentAt.size() - 1)] = Simulator::Now();
    ++m_nextSequence;
    m_outstanding = outstanding + 1;
    ++m_txData;
    ArmAckTimer();
    NS_LOG_LOGIC("send seq " << header.GetSequenceNumber() << " (" << frame->GetSize()
                             << " bytes)");
    m_txTrace(frame, header);
    if (!m_transmit.IsNull())
    {
        m_transmit(frame, header, m_local, m_peer);
    }
}

void
GreSession::TransmitAck()
{
    NS_LOG_FUNCTION(this);
    GreHeader header;
    header.SetCallId(m_peerCallId);
    header.SetAcknowledgment(m_lastDelivered);
    m_unacked = 0;
    m_ackDueSet = false;
    ++m_txAck;
    Ptr<Packet> empty = Create<Packet>();
    m_txTrace(empty, header);
    if (!m_transmit.IsNull())
    {
        m_transmit(empty, header, m_local, m_peer);
    }
}

void
GreSession::DrainQueue()
{
    while (!m_closed && !m_txQueue.empty() && CanTransmit())
    {
        Ptr<Packet> frame = m_txQueue.front();
        m_txQueue.pop_front();
        TransmitData(frame);
    }
}

void
GreSession::ArmAckTimer()
{
    if (m_outstanding.Get() == 0)
    {
        // A running timer finds nothing outstanding and stops by itself.
        return;
    }
    // The oldest outstanding packet times out when more than ATO has passed since it was
    // sent; an ack arriving exactly at the deadline is in time (the timer runs one time step
    // later, so the order of simultaneous events does not matter).
    Time now = Simulator::Now();
    Time expiry = SentAt(0) + m_ackTimeout.Get() + TimeStep(1);
    Time delay = expiry > now ? expiry - now : Time(0);
    if (m_ackTimer.IsRunning())
    {
        // The timer re-arms itself when it fires early, so one event serves many acks.
        if (Simulator::GetDelayLeft(m_ackTimer) <= delay)
        {
            return;
        }
        m_ackTimer.Cancel();
    }
    m_ackTimer = Simulator::Schedule(delay, &GreSession::AckTimerExpired, this);
}

void
GreSession::AckTimerExpired()
{
    if (m_outstanding.Get() == 0)
    {
        return;
    }
    Time now = Simulator::Now();
    Time deadline = SentAt(0) + m_ackTimeout.Get();
    if (now <= deadline)
    {
        m_ackTimer
            = Simulator::Schedule(deadline - now + TimeStep(1), &GreSession::AckTimerExpired, this);
        return;
    }
    // s.4.4.2: back the time-out off; s.4.2.2: halve the window (rounded up, at least 1).
    // Nothing is retransmitted: the outstanding packets are given up for lost, so sending
    // resumes with the smaller window; a late ack for them is ignored.
    ++m_timeouts;
    uint32_t lost = m_outstanding.Get();
    m_ackTimeout = m_estimator.Backoff();
    m_window = std::max<uint32_t>((m_window.Get() + 1) / 2, 1);
    m_lastAcked = m_nextSequence - 1;
    m_sentAtHead = 0;
    m_outstanding = 0;
    m_windowGrowthMark = m_lastAcked + m_window.Get();
    NS_LOG_INFO("ack time-out: " << lost << " packets given up, window " << m_window.Get()
                                 << ", ATO " << m_ackTimeout.Get().As(Time::MS));
    DrainQueue();
}

void
GreSession::Receive(Ptr<Packet> payload, const GreHeader& header)
{
    NS_LOG_FUNCTION(this << payload);
    if (m_closed)
    {
        Drop(payload, GreDropReason::SESSION_CLOSED);
        return;
    }
    m_rxTrace(payload, header);
    if (header.HasSequenceNumber())
    {
        ++m_rxData;
    }
    else
    {
        ++m_rxAck;
    }
    if (header.HasAcknowledgment())
    {
        ProcessAck(header.GetAcknowledgment());
    }
    if (header.HasSequenceNumber() && !m_closed)
    {
        ProcessData(header.GetSequenceNumber(), payload);
    }
}

void
GreSession::ProcessAck(uint32_t ack)
{
    if (SeqDiff(ack, m_nextSequence - 1) > 0)
    {
        ++m_invalidAcks;
        NS_LOG_LOGIC("ack " << ack << " for a packet never sent (next " << m_nextSequence
                            << "): ignored");
        return;
    }
    int32_t newly = SeqDiff(ack, m_lastAcked);
    if (newly <= 0)
    {
        return; // already acknowledged, or given up after a time-out
    }
    // s.4.2.5: everything up to ack is acknowledged; the sample is the send time of the
    // packet the ack names.
    Time sample = Simulator::Now() - SentAt(static_cast<uint32_t>(newly) - 1);
    m_ackTimeout = m_estimator.Sample(sample);
    m_rttSampleTrace(sample);
    m_sentAtHead = (m_sentAtHead + static_cast<uint32_t>(newly)) & (m_sentAt.size() - 1);
    m_outstanding = m_outstanding.Get() - static_cast<uint32_t>(newly);
    m_lastAcked = ack;
    // s.4.2.3: a window's worth acknowledged without a time-out opens the window by one.
    if (SeqDiff(ack, m_windowGrowthMark) >= 0)
    {
        if (m_window.Get() < m_peerWindow)
        {
            m_window = m_window.Get() + 1;
        }
        m_windowGrowthMark = ack + m_window.Get();
    }
    ArmAckTimer();
    DrainQueue();
}

void
GreSession::ProcessData(uint32_t sequence, Ptr<Packet> payload)
{
    if (!m_receivedAny)
    {
        // Peers start where they like (pptp-linux at 1, pptpd at 0).
        m_receivedAny = true;
        m_lastDelivered = sequence - 1;
    }
    int32_t gap = SeqDiff(sequence, m_lastDelivered + 1);
    if (gap < 0)
    {
        Drop(payload,
             sequence == m_lastDelivered ? GreDropReason::DUPLICATE
                                         : GreDropReason::OUT_OF_SEQUENCE);
        return;
    }
    if (gap == 0)
    {
        Deliver(sequence, payload);
        if (!m_held.empty())
        {
            DeliverConsecutiveHeld();
            ScheduleReorderTimer();
        }
        ScheduleAck();
        return;
    }
    if (!m_reorderEnabled)
    {
        // s.4.3: accept it; the missing packets are taken as lost.
        m_missing += static_cast<uint32_t>(gap);
        NS_LOG_LOGIC("seq " << sequence << " after a gap of " << gap);
        Deliver(sequence, payload);
        ScheduleAck();
        return;
    }
    // Reordering mostly delays one packet, so the others arrive in order after it: the
    // common case appends.
    auto position = m_held.end();
    if (!m_held.empty() && SeqDiff(m_held.back().sequence, sequence) >= 0)
    {
        position = std::lower_bound(
            m_held.begin(),
            m_held.end(),
            sequence,
            [this](const Held& held, uint32_t seq)
            { return SeqDiff(held.sequence, m_lastDelivered) < SeqDiff(seq, m_lastDelivered); });
        if (position->sequence == sequence)
        {
            Drop(payload, GreDropReason::DUPLICATE);
            return;
        }
    }
    m_held.insert(position, Held{sequence, payload});
    // Deadlines never go backwards (even when ReorderTimeout shrinks), so the earliest is
    // always at the front.
    Time deadline = Simulator::Now() + m_reorderTimeout;
    if (!m_heldDeadlines.empty())
    {
        deadline = std::max(deadline, m_heldDeadlines.back().deadline);
    }
    m_heldDeadlines.push_back(HeldDeadline{sequence, deadline});
    if (m_held.size() > m_reorderBufferSize)
    {
        FlushHeld(m_held.front().sequence);
    }
    ScheduleReorderTimer();
    ScheduleAck();
}

void
GreSession::Deliver(uint32_t sequence, Ptr<Packet> frame)
{
    m_lastDelivered = sequence;
    ++m_unacked;
    ++m_delivered;
    if (!m_receive.IsNull())
    {
        m_receive(frame);
    }
}

void
GreSession::DeliverConsecutiveHeld()
{
    while (!m_held.empty() && m_held.front().sequence == m_lastDelivered + 1)
    {
        // Taken out first: delivering may re-enter the session.
        Held held = std::move(m_held.front());
        m_held.pop_front();
        Deliver(held.sequence, held.packet);
    }
}

void
GreSession::FlushHeld(uint32_t upTo)
{
    while (!m_held.empty() && SeqDiff(m_held.front().sequence, upTo) <= 0)
    {
        // Taken out first: delivering may re-enter the session (and even close it, which
        // empties the buffer).
        Held held = std::move(m_held.front());
        m_held.pop_front();
        int32_t gap = SeqDiff(held.sequence, m_lastDelivered + 1);
        if (gap < 0)
        {
            continue; // cannot happen: held packets all follow the last delivered one
        }
        m_missing += static_cast<uint32_t>(gap);
        Deliver(held.sequence, held.packet);
    }
    DeliverConsecutiveHeld();
}

void
GreSession::ReorderTimeout()
{
    // Every held packet whose deadline passed goes, with those before it (in sequence order)
    // that are still within theirs.
    Time now = Simulator::Now();
    bool expired = false;
    uint32_t upTo = 0;
    while (!m_heldDeadlines.empty() && m_heldDeadlines.front().deadline <= now)
    {
        uint32_t sequence = m_heldDeadlines.front().sequence;
        m_heldDeadlines.pop_front();
        if (SeqDiff(sequence, m_lastDelivered) <= 0)
        {
            continue; // delivered already
        }
        if (!expired || SeqDiff(sequence, upTo) > 0)
        {
            upTo = sequence;
        }
        expired = true;
    }
    if (expired)
    {
        NS_LOG_LOGIC("reorder time-out: held packets up to " << upTo << " delivered");
        FlushHeld(upTo);
    }
    ScheduleReorderTimer();
    ScheduleAck();
}

void
GreSession::ScheduleReorderTimer()
{
    // Entries of packets delivered already are dropped from the front; the front entry is
    // then the earliest deadline of a held packet.
    while (!m_heldDeadlines.empty()
           && SeqDiff(m_heldDeadlines.front().sequence, m_lastDelivered) <= 0)
    {
        m_heldDeadlines.pop_front();
    }
    if (m_heldDeadlines.empty() || m_closed)
    {
        m_reorderTimer.Cancel();
        return;
    }
    Time now = Simulator::Now();
    Time earliest = m_heldDeadlines.front().deadline;
    if (m_reorderTimer.IsRunning())
    {
        // A timer that fires early finds nothing due and moves itself on: one event serves
        // every packet held meanwhile.
        if (now + Simulator::GetDelayLeft(m_reorderTimer) <= earliest)
        {
            return;
        }
        m_reorderTimer.Cancel();
    }
    m_reorderTimer = Simulator::Schedule(
        earliest > now ? earliest - now : Time(0), &GreSession::ReorderTimeout, this);
}

void
GreSession::ScheduleAck()
{
    // Closed (perhaps by the receive callback, while a frame was being delivered): no more
    // acknowledgments go out.
    if (m_unacked == 0 || m_closed)
    {
        return;
    }
    uint32_t ackEvery = m_ackEvery > 0 ? m_ackEvery : std::max<uint32_t>(1, m_receiveWindow / 4);
    if (m_unacked >= ackEvery)
    {
        TransmitAck();
        return;
    }
    if (!m_ackDueSet)
    {
        // The first packet of a new batch to acknowledge: FreeBSD ng_pptpgre's rule, a
        // quarter of the RTT estimate, bounded.
        Time delay = std::min(std::max(m_estimator.GetRtt() / 4, m_minAckDelay), m_ackDelay);
        m_ackDue = Simulator::Now() + delay;
        m_ackDueSet = true;
        if (m_ackDelayTimer.IsRunning())
        {
            if (Simulator::GetDelayLeft(m_ackDelayTimer) <= delay)
            {
                return; // it fires first and moves itself to m_ackDue
            }
            m_ackDelayTimer.Cancel();
        }
        m_ackDelayTimer = Simulator::Schedule(delay, &GreSession::AckDelayExpired, this);
    }
}

void
GreSession::AckDelayExpired()
{
    if (m_unacked == 0 || !m_ackDueSet || m_closed)
    {
        return;
    }
    Time now = Simulator::Now();
    if (now < m_ackDue)
    {
        m_ackDelayTimer = Simulator::Schedule(m_ackDue - now, &GreSession::AckDelayExpired, this);
        return;
    }
    TransmitAck();
}

void
GreSession::Drop(Ptr<const Packet> packet, GreDropReason reason)
{
    NS_LOG_INFO("drop " << packet->GetSize() << " bytes: " << reason);
    ++m_drops[static_cast<std::size_t>(reason)];
    m_dropTrace(packet, reason);
}

void
GreSession::Close()
{
    NS_LOG_FUNCTION(this);
    if (m_closed)
    {
        return;
    }
    m_closed = true;
    m_ackTimer.Cancel();
    m_ackDelayTimer.Cancel();
    m_reorderTimer.Cancel();
    while (!m_txQueue.empty())
    {
        Ptr<Packet> frame = m_txQueue.front();
        m_txQueue.pop_front();
        Drop(frame, GreDropReason::SESSION_CLOSED);
    }
    while (!m_held.empty())
    {
        Ptr<Packet> frame = m_held.front().packet;
        m_held.pop_front();
        Drop(frame, GreDropReason::SESSION_CLOSED);
    }
    m_heldDeadlines.clear();
}

Ipv4Address
GreSession::GetLocalAddress() const
{
    return m_local;
}

Ipv4Address
GreSession::GetPeerAddress() const
{
    return m_peer;
}

uint16_t
GreSession::GetLocalCallId() const
{
    return m_localCallId;
}

uint16_t
GreSession::GetPeerCallId() const
{
    return m_peerCallId;
}

uint32_t
GreSession::GetWindow() const
{
    return m_window.Get();
}

uint32_t
GreSession::GetMaxWindow() const
{
    return m_peerWindow;
}

uint32_t
GreSession::GetOutstanding() const
{
    return m_outstanding.Get();
}

uint32_t
GreSession::GetQueueLength() const
{
    return static_cast<uint32_t>(m_txQueue.size());
}

Time
GreSession::GetAckTimeout() const
{
    return m_ackTimeout.Get();
}

Time
GreSession::GetRtt() const
{
    return m_estimator.GetRtt();
}

uint32_t
GreSession::GetNextSequenceNumber() const
{
    return m_nextSequence;
}

uint64_t
GreSession::GetTxDataPackets() const
{
    return m_txData;
}

uint64_t
GreSession::GetTxAckPackets() const
{
    return m_txAck;
}

uint64_t
GreSession::GetRxDataPackets() const
{
    return m_rxData;
}

uint64_t
GreSession::GetRxAckPackets() const
{
    return m_rxAck;
}

uint64_t
GreSession::GetDeliveredPackets() const
{
    return m_delivered;
}

uint64_t
GreSession::GetMissingPackets() const
{
    return m_missing;
}

uint64_t
GreSession::GetAckTimeouts() const
{
    return m_timeouts;
}

uint64_t
GreSession::GetInvalidAcks() const
{
    return m_invalidAcks;
}

uint64_t
GreSession::GetDropCount(GreDropReason reason) const
{
    std::size_t index = static_cast<std::size_t>(reason);
    return index < m_drops.size() ? m_drops[index] : 0;
}

} // namespace ns3
