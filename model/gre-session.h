/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef GRE_SESSION_H
#define GRE_SESSION_H

#include "gre-ack-timeout-estimator.h"
#include "gre-drop-reason.h"
#include "gre-header.h"

#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/ipv4-address.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/packet.h"
#include "ns3/traced-callback.h"
#include "ns3/traced-value.h"

#include <array>
#include <cstdint>
#include <deque>
#include <vector>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief The GRE half of one PPTP call: sequence and acknowledgment numbers, the sliding
 * window, the adaptive acknowledgment time-out and out-of-sequence handling of
 * \RFC{2637} s.4.
 *
 * Send path: Send() takes a PPP frame (with its PPP header). When the send window is open
 * the frame leaves at once with the next sequence number and, if anything received is still
 * unacknowledged, a piggy-backed acknowledgment; when it is closed the frame waits in a
 * transmit queue of TxQueueSize frames (s.4.2.4), and a full queue drops it (traced).
 *
 * Window (s.4.2): the send window starts at half the peer's receive window (SetPeerWindow(),
 * from the call's OCRQ/OCRP; fractions rounded up, at least 1). Each window's worth of
 * packets acknowledged without a time-out opens it by one, up to the peer's window
 * (s.4.2.3). An acknowledgment acknowledges every packet up to its number (s.4.2.5) and
 * gives one round-trip sample: the time since the packet it names was sent. When the oldest
 * unacknowledged packet is not acknowledged within the adaptive time-out (s.4.4.1), the
 * window halves (rounded up, at least 1; s.4.2.2), the time-out backs off (s.4.4.2) and the
 * outstanding packets are given up for lost: PPTP never retransmits, so transmission resumes
 * at once with the smaller window.
 *
 * Receive path: the first data packet sets where the peer starts (pptp-linux starts at 1,
 * pptpd at 0). A packet after the expected one is accepted and the missing ones are taken
 * as lost; a packet before it is discarded (OUT_OF_SEQUENCE) and a repeated one too
 * (DUPLICATE), as s.4.3 says. With ReorderBuffer on, a packet after a gap waits up to
 * ReorderTimeout (at most ReorderBufferSize packets) for the missing ones, as pptp-linux's
 * reordering queue does. The acknowledgment number is the highest sequence number
 * delivered in order; it goes with the next data packet, or alone (an ack-only packet: K
 * and A set, no S) at once when AckEvery delivered packets wait for it (by default a quarter
 * of the advertised ReceiveWindow), else after a
 * quarter of the RTT estimate bounded by MinAckDelay and AckDelay (FreeBSD ng_pptpgre's
 * rule). The receiver does not drop packets beyond its advertised ReceiveWindow: after the
 * sender's time-outs its sequence numbers legitimately run ahead of the last ack, and such
 * a drop would stall the session for good.
 *
 * The ack timer: the oldest outstanding packet is late when more than ATO has passed since
 * it was sent. With multi-packet and delayed acks that packet waits longer than the packet
 * its ack names (whose send time gives the sample, s.4.2.5), which is why MinAckTimeout
 * defaults to TCP's 1 s (RFC 6298 s.2.4).
 *
 * Profile WINDOWS follows MS-PTPT: the sliding window is not enforced (frames leave
 * regardless of outstanding packets), acknowledgments are still sent and processed and the
 * window is still computed and traced, so the two profiles can be compared.
 */
class GreSession : public Object
{
  public:
    /// Flow-control profile.
    enum Profile
    {
        RFC = 0,    //!< \RFC{2637} s.4.2: the sender never has more than the window outstanding
        WINDOWS = 1 //!< MS-PTPT: the window is not enforced; acks sent and processed
    };

    /**
     * \brief Called to put a GRE packet on the wire.
     *
     * Arguments: the payload (the PPP frame; empty for an ack-only packet), the GRE header to
     * put before it, the local and the peer address.
     */
    typedef Callback<void, Ptr<Packet>, const GreHeader&, Ipv4Address, Ipv4Address>
        TransmitCallback;

    /**
     * \brief TracedCallback signature of a GRE packet sent or received.
     * \param payload the PPP frame (empty for an ack-only packet), without the GRE header
     * \param header the GRE header
     */
    typedef void (*PacketTracedCallback)(Ptr<const Packet> payload, const GreHeader& header);

    /**
     * \brief TracedCallback signature of a dropped packet.
     * \param packet the PPP frame (or whole GRE packet) dropped
     * \param reason why
     */
    typedef void (*DropTracedCallback)(Ptr<const Packet> packet, GreDropReason reason);

    /**
     * \brief TracedCallback signature of a round-trip sample.
     * \param sample time from sending a packet to receiving its acknowledgment
     */
    typedef void (*RttSampleTracedCallback)(Time sample);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /**
     * \brief A session with no call bound (Setup() binds it).
     */
    GreSession();
    ~GreSession() override;

    /**
     * \brief Bind the session to its call.
     * \param local this node's address (source of the GRE packets)
     * \param peer the peer's address
     * \param localCallId the Call ID this node assigned (carried by packets we receive)
     * \param peerCallId the Call ID the peer assigned (carried by packets we send)
     */
    void Setup(Ipv4Address local, Ipv4Address peer, uint16_t localCallId, uint16_t peerCallId);

    /**
     * \brief Set where GRE packets go (the GreL4Protocol, or a test's link).
     * \param transmit the callback
     */
    void SetTransmitCallback(TransmitCallback transmit);

    /**
     * \brief Set who receives the PPP frames, in sequence order.
     * \param receive called with each PPP frame delivered
     */
    void SetReceiveCallback(Callback<void, Ptr<Packet>> receive);

    /**
     * \brief The peer's Packet Recv. Window Size (from its OCRQ or OCRP): the largest send
     * window; the window restarts at half of it (s.4.2.1).
     * \param window the peer's receive window in packets (0 is taken as 1)
     */
    void SetPeerWindow(uint16_t window);

    /**
     * \brief The peer's Packet Processing Delay (from its OCRQ or OCRP), the first RTT
     * estimate (s.4.4). 0 means the peer gave none: InitialRtt is used instead.
     * \param tenthsOfSecond the delay in 1/10 s
     */
    void SetPeerPacketProcessingDelay(uint16_t tenthsOfSecond);

    /**
     * \brief Send one PPP frame through the tunnel.
     * \param pppFrame the frame including its PPP header
     * \return false if the frame was dropped (queue full, too large, session closed)
     */
    bool Send(Ptr<Packet> pppFrame);

    /**
     * \brief A GRE packet for this session arrived (called by GreL4Protocol).
     * \param payload the bytes after the GRE header (payload length already checked)
     * \param header the decoded header
     */
    void Receive(Ptr<Packet> payload, const GreHeader& header);

    /**
     * \brief Stop the session: timers stop, queued and held frames are dropped (traced as
     * SESSION_CLOSED), no acknowledgment leaves any more, Send() refuses.
     */
    void Close();

    /** \brief \return this node's address */
    Ipv4Address GetLocalAddress() const;
    /** \brief \return the peer's address */
    Ipv4Address GetPeerAddress() const;
    /** \brief \return the Call ID this node assigned (in received packets) */
    uint16_t GetLocalCallId() const;
    /** \brief \return the Call ID the peer assigned (in sent packets) */
    uint16_t GetPeerCallId() const;

    /** \brief \return the current send window in packets */
    uint32_t GetWindow() const;
    /** \brief \return the largest send window (the peer's receive window) */
    uint32_t GetMaxWindow() const;
    /** \brief \return packets sent and neither acknowledged nor given up */
    uint32_t GetOutstanding() const;
    /** \brief \return frames waiting for the window */
    uint32_t GetQueueLength() const;
    /** \brief \return the current adaptive acknowledgment time-out */
    Time GetAckTimeout() const;
    /** \brief \return the current round-trip estimate */
    Time GetRtt() const;
    /** \brief \return the sequence number the next data packet will carry */
    uint32_t GetNextSequenceNumber() const;

    /** \brief \return data packets sent */
    uint64_t GetTxDataPackets() const;
    /** \brief \return ack-only packets sent */
    uint64_t GetTxAckPackets() const;
    /** \brief \return data packets received (before sequence checks) */
    uint64_t GetRxDataPackets() const;
    /** \brief \return ack-only packets received */
    uint64_t GetRxAckPackets() const;
    /** \brief \return PPP frames delivered to the receive callback */
    uint64_t GetDeliveredPackets() const;
    /** \brief \return sequence numbers skipped on receive (taken as lost) */
    uint64_t GetMissingPackets() const;
    /** \brief \return acknowledgment time-outs */
    uint64_t GetAckTimeouts() const;
    /** \brief \return acknowledgments for sequence numbers never sent (ignored) */
    uint64_t GetInvalidAcks() const;
    /**
     * \brief Packets dropped for one reason.
     * \param reason the reason
     * \return the count
     */
    uint64_t GetDropCount(GreDropReason reason) const;

  protected:
    void DoDispose() override;
    void NotifyConstructionCompleted() override;

  private:
    /** \brief One packet held by the reorder buffer. */
    struct Held
    {
        uint32_t sequence;  //!< its sequence number
        Ptr<Packet> packet; //!< the PPP frame
    };

    /** \brief When a held packet is delivered at the latest (kept in arrival order). */
    struct HeldDeadline
    {
        uint32_t sequence; //!< the held packet's sequence number
        Time deadline;     //!< its deadline (never before an earlier arrival's)
    };

    /**
     * \brief Set the first sequence number (before anything is sent).
     * \param sequence the number
     */
    void SetInitialSequenceNumber(uint32_t sequence);
    /** \brief \return the first sequence number */
    uint32_t GetInitialSequenceNumber() const;

    /**
     * \brief Whether the window lets one more packet leave.
     * \return true when it does (always in the WINDOWS profile)
     */
    bool CanTransmit() const;
    /**
     * \brief Send a data packet now.
     * \param frame the PPP frame
     */
    void TransmitData(Ptr<Packet> frame);
    /** \brief Send an ack-only packet now. */
    void TransmitAck();
    /** \brief Send queued frames while the window allows. */
    void DrainQueue();
    /**
     * \brief Handle a received acknowledgment number.
     * \param ack the number
     */
    void ProcessAck(uint32_t ack);
    /**
     * \brief Handle a received data packet.
     * \param sequence its sequence number
     * \param payload its PPP frame
     */
    void ProcessData(uint32_t sequence, Ptr<Packet> payload);
    /**
     * \brief Hand a frame up and note that it needs an acknowledgment.
     * \param sequence its sequence number (the highest delivered from now on)
     * \param frame the PPP frame
     */
    void Deliver(uint32_t sequence, Ptr<Packet> frame);
    /**
     * \brief Deliver held frames that follow the last delivered one without a gap.
     */
    void DeliverConsecutiveHeld();
    /**
     * \brief Deliver held frames up to and including sequence number upTo, taking the gaps
     * before them as lost, then those that follow without a gap.
     * \param upTo a held sequence number
     */
    void FlushHeld(uint32_t upTo);
    /** \brief The reorder timer: deliver frames whose time is up. */
    void ReorderTimeout();
    /** \brief Schedule the reorder timer for the earliest deadline, if any. */
    void ScheduleReorderTimer();
    /** \brief Decide when to acknowledge what was delivered. */
    void ScheduleAck();
    /** \brief The delayed-ack timer. */
    void AckDelayExpired();
    /** \brief Make sure the ack time-out timer covers the oldest outstanding packet. */
    void ArmAckTimer();
    /** \brief The ack time-out timer. */
    void AckTimerExpired();
    /**
     * \brief Count, trace and log a drop.
     * \param packet what is dropped
     * \param reason why
     */
    void Drop(Ptr<const Packet> packet, GreDropReason reason);
    /** \brief Restart the estimator from the peer's PPD or InitialRtt. */
    void ResetEstimator();
    /**
     * \brief Send time of an outstanding packet.
     * \param index 0 for the oldest
     * \return the time it was sent
     */
    Time SentAt(uint32_t index) const;

    // Attributes
    uint32_t m_initialSequence;   //!< first sequence number sent
    uint16_t m_receiveWindow;     //!< the receive window this node advertised
    uint32_t m_txQueueSize;       //!< largest transmit queue (frames)
    Time m_ackDelay;              //!< longest wait before an ack-only packet
    Time m_minAckDelay;           //!< shortest wait before an ack-only packet
    uint32_t m_ackEvery;          //!< delivered packets that trigger an ack-only packet at once (0:
                                  //!< ReceiveWindow / 4)
    Time m_initialRtt;            //!< RTT[0] when the peer's PPD is 0
    Time m_minAckTimeout;         //!< MinTimeOut
    Time m_maxAckTimeout;         //!< MaxTimeOut
    double m_alpha;               //!< gain of the average
    double m_beta;                //!< gain of the deviation
    double m_chi;                 //!< gain of the deviation in ATO
    double m_delta;               //!< back-off factor of RTT
    Profile m_profile;            //!< flow-control profile
    bool m_reorderEnabled;        //!< hold packets after a gap
    Time m_reorderTimeout;        //!< longest hold
    uint32_t m_reorderBufferSize; //!< most packets held

    // Binding
    Ipv4Address m_local;                   //!< this node's address
    Ipv4Address m_peer;                    //!< the peer's address
    uint16_t m_localCallId;                //!< Call ID in received packets
    uint16_t m_peerCallId;                 //!< Call ID in sent packets
    TransmitCallback m_transmit;           //!< where packets go
    Callback<void, Ptr<Packet>> m_receive; //!< where frames go
    bool m_closed;                         //!< Close() was called
    bool m_started;                        //!< the first data packet was sent

    // Sender
    uint32_t m_nextSequence;             //!< next sequence number to send
    uint32_t m_lastAcked;                //!< highest acknowledged (or given up)
    uint32_t m_peerWindow;               //!< the peer's receive window
    uint16_t m_peerPpd;                  //!< the peer's processing delay (1/10 s)
    uint32_t m_windowGrowthMark;         //!< ack at which the window opens by one
    TracedValue<uint32_t> m_window;      //!< current send window
    TracedValue<uint32_t> m_outstanding; //!< packets awaiting acknowledgment
    TracedValue<Time> m_ackTimeout;      //!< current ATO
    GreAckTimeoutEstimator m_estimator;  //!< s.4.4.1
    std::vector<Time> m_sentAt;          //!< ring of send times of outstanding packets
    uint32_t m_sentAtHead;               //!< ring index of the oldest outstanding packet
    std::deque<Ptr<Packet>> m_txQueue;   //!< frames waiting for the window
    EventId m_ackTimer;                  //!< ack time-out of the oldest outstanding packet

    // Receiver
    bool m_receivedAny;       //!< a data packet arrived already
    uint32_t m_lastDelivered; //!< highest sequence number delivered
    uint32_t m_unacked;       //!< delivered packets not yet acknowledged
    bool m_ackDueSet;         //!< m_ackDue holds the deadline of the unacknowledged ones
    Time m_ackDue;            //!< when an ack-only packet leaves at the latest
    std::deque<Held> m_held;  //!< reorder buffer, by sequence number
    std::deque<HeldDeadline> m_heldDeadlines; //!< deadlines of held packets, earliest first
                                              //!< (entries of delivered ones skipped lazily)
    EventId m_ackDelayTimer;                  //!< delayed ack-only packet
    EventId m_reorderTimer;                   //!< reorder buffer deadline

    // Counters
    uint64_t m_txData;                                   //!< data packets sent
    uint64_t m_txAck;                                    //!< ack-only packets sent
    uint64_t m_rxData;                                   //!< data packets received
    uint64_t m_rxAck;                                    //!< ack-only packets received
    uint64_t m_delivered;                                //!< frames delivered
    uint64_t m_missing;                                  //!< sequence numbers skipped
    uint64_t m_timeouts;                                 //!< ack time-outs
    uint64_t m_invalidAcks;                              //!< acks beyond what was sent
    std::array<uint64_t, GRE_DROP_REASON_COUNT> m_drops; //!< drops per reason

    // Traces
    TracedCallback<Ptr<const Packet>, const GreHeader&> m_txTrace; //!< packet sent
    TracedCallback<Ptr<const Packet>, const GreHeader&> m_rxTrace; //!< packet received
    TracedCallback<Ptr<const Packet>, GreDropReason> m_dropTrace;  //!< packet dropped
    TracedCallback<Time> m_rttSampleTrace;                         //!< round-trip sample
};

} // namespace ns3

#endif /* GRE_SESSION_H */
