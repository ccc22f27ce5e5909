/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// GreSession (RFC 2637 s.4) between two sessions joined by a small simulated link that
// serialises every GRE header, delays, drops, reorders or duplicates packets on request:
// in-order delivery, the sliding window (stall and resume, queue drops), s.4.3
// out-of-sequence handling and the optional reorder buffer, the adaptive ack time-out and
// the window's congestion response, 2^32 wrap-around, ack-only and piggy-backed acks, the
// WINDOWS profile, and the s.4.4.1 estimator's arithmetic.

#include "gre-ack-timeout-estimator.h"
#include "gre-header.h"
#include "gre-session.h"
#include "pptp-test-util.h"

#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/nstime.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <functional>
#include <vector>

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

const Ipv4Address ADDRESS_A("10.0.0.1");
const Ipv4Address ADDRESS_B("10.0.0.2");
const uint16_t CALL_ID_A = 0x1111; //!< the Call ID A assigned (B puts it in its packets)
const uint16_t CALL_ID_B = 0x2222; //!< the Call ID B assigned

/// A frame whose first 4 bytes are its index; the rest depends on the index too.
Ptr<Packet>
Frame(uint32_t index)
{
    Bytes bytes(8 + index % 50);
    bytes[0] = static_cast<uint8_t>(index >> 24);
    bytes[1] = static_cast<uint8_t>(index >> 16);
    bytes[2] = static_cast<uint8_t>(index >> 8);
    bytes[3] = static_cast<uint8_t>(index);
    for (std::size_t i = 4; i < bytes.size(); ++i)
    {
        bytes[i] = static_cast<uint8_t>(index * 7 + i);
    }
    return PacketOf(bytes);
}

/// Index of a frame made by Frame(), after checking all its bytes.
uint32_t
IndexOf(Ptr<const Packet> frame)
{
    Bytes bytes = BytesOf(frame);
    BOOST_REQUIRE_GE(bytes.size(), 8U);
    uint32_t index = (uint32_t(bytes[0]) << 24) | (uint32_t(bytes[1]) << 16)
                     | (uint32_t(bytes[2]) << 8) | bytes[3];
    BOOST_REQUIRE(ToHex(bytes) == ToHex(BytesOf(Frame(index))));
    return index;
}

/// One GRE packet seen on the link.
struct Seen
{
    Time at;          //!< when it was sent
    GreHeader header; //!< its header
    Bytes wire;       //!< header and payload bytes
};

/**
 * Two sessions A and B joined by a link with a fixed one-way delay. Every packet is
 * serialised (header + payload) and decoded again on arrival, so the sessions only ever
 * see bytes. Hooks decide per packet whether it is dropped, delayed more or duplicated.
 */
class Link
{
  public:
    Link(Ptr<GreSession> a, Ptr<GreSession> b, Time delay)
        : m_a(a)
        , m_b(b)
        , m_delay(delay)
    {
        a->Setup(ADDRESS_A, ADDRESS_B, CALL_ID_A, CALL_ID_B);
        b->Setup(ADDRESS_B, ADDRESS_A, CALL_ID_B, CALL_ID_A);
        a->SetTransmitCallback(MakeCallback(&Link::FromA, this));
        b->SetTransmitCallback(MakeCallback(&Link::FromB, this));
        a->SetReceiveCallback(MakeCallback(&Link::DeliveredToA, this));
        b->SetReceiveCallback(MakeCallback(&Link::DeliveredToB, this));
    }

    /// Drop a packet? (header, true for A to B, send time)
    std::function<bool(const GreHeader&, bool)> drop;
    /// Extra delay of a packet.
    std::function<Time(const GreHeader&, bool)> extraDelay;
    /// Deliver a packet twice?
    std::function<bool(const GreHeader&, bool)> duplicate;

    std::vector<Seen> sentByA;  //!< every packet A sent
    std::vector<Seen> sentByB;  //!< every packet B sent
    std::vector<uint32_t> atA;  //!< frame indices delivered to A
    std::vector<uint32_t> atB;  //!< frame indices delivered to B
    std::vector<Time> atBTimes; //!< when each was delivered to B

  private:
    void
    FromA(Ptr<Packet> payload, const GreHeader& header, Ipv4Address src, Ipv4Address dst)
    {
        BOOST_CHECK(src == ADDRESS_A && dst == ADDRESS_B);
        Carry(payload, header, true);
    }

    void
    FromB(Ptr<Packet> payload, const GreHeader& header, Ipv4Address src, Ipv4Address dst)
    {
        BOOST_CHECK(src == ADDRESS_B && dst == ADDRESS_A);
        Carry(payload, header, false);
    }

    void
    Carry(Ptr<Packet> payload, const GreHeader& header, bool aToB)
    {
        Ptr<Packet> packet = payload->Copy();
        packet->AddHeader(header);
        (aToB ? sentByA : sentByB).push_back(Seen{Simulator::Now(), header, BytesOf(packet)});
        if (drop && drop(header, aToB))
        {
            return;
        }
        Time delay = m_delay + (extraDelay ? extraDelay(header, aToB) : Time(0));
        Simulator::Schedule(delay, &Link::Arrive, this, packet, aToB);
        if (duplicate && duplicate(header, aToB))
        {
            Simulator::Schedule(delay + MicroSeconds(100), &Link::Arrive, this, packet, aToB);
        }
    }

    void
    Arrive(Ptr<Packet> packet, bool aToB)
    {
        Ptr<Packet> copy = packet->Copy();
        GreHeader header;
        uint32_t consumed = copy->PeekHeader(header);
        BOOST_REQUIRE(consumed > 0);
        copy->RemoveAtStart(consumed);
        BOOST_REQUIRE_EQUAL(copy->GetSize(),
                            header.HasSequenceNumber() ? header.GetPayloadLength() : 0U);
        (aToB ? m_b : m_a)->Receive(copy, header);
    }

    void
    DeliveredToA(Ptr<Packet> frame)
    {
        atA.push_back(IndexOf(frame));
    }

    void
    DeliveredToB(Ptr<Packet> frame)
    {
        atB.push_back(IndexOf(frame));
        atBTimes.push_back(Simulator::Now());
    }

    Ptr<GreSession> m_a;
    Ptr<GreSession> m_b;
    Time m_delay;
};

/// 0, 1, ..., n - 1
std::vector<uint32_t>
Range(uint32_t from, uint32_t to)
{
    std::vector<uint32_t> result;
    for (uint32_t i = from; i < to; ++i)
    {
        result.push_back(i);
    }
    return result;
}

/// Send frames from..to-1 from a session, spaced by interval, starting at start.
void
SendFrames(Ptr<GreSession> session, uint32_t from, uint32_t to, Time start, Time interval)
{
    for (uint32_t i = from; i < to; ++i)
    {
        Simulator::Schedule(start + interval * static_cast<int64_t>(i - from),
                            [session, i]() { session->Send(Frame(i)); });
    }
}

/// Records a traced value's changes with their times.
template <typename T>
struct Recorder
{
    std::vector<std::pair<Time, T>> values; //!< (time, new value)

    void
    Record(T oldValue, T newValue)
    {
        values.emplace_back(Simulator::Now(), newValue);
    }

    T
    Max() const
    {
        T max = values.empty() ? T() : values.front().second;
        for (const auto& v : values)
        {
            max = std::max(max, v.second);
        }
        return max;
    }

    T
    MinBetween(Time from, Time to, T initial) const
    {
        T min = initial;
        for (const auto& v : values)
        {
            if (v.first >= from && v.first < to)
            {
                min = std::min(min, v.second);
            }
        }
        return min;
    }

    T
    MaxBetween(Time from, Time to, T initial) const
    {
        T max = initial;
        for (const auto& v : values)
        {
            if (v.first >= from && v.first < to)
            {
                max = std::max(max, v.second);
            }
        }
        return max;
    }
};

/// Appends a traced time to a vector.
void
RecordTime(std::vector<Time>* times, Time time)
{
    times->push_back(time);
}

/// Drops seen on a Drop trace.
struct DropRecorder
{
    std::vector<GreDropReason> reasons; //!< in order

    void
    Record(Ptr<const Packet> packet, GreDropReason reason)
    {
        reasons.push_back(reason);
    }

    std::size_t
    Count(GreDropReason reason) const
    {
        return std::count(reasons.begin(), reasons.end(), reason);
    }
};

} // namespace

BOOST_AUTO_TEST_SUITE(GreSessionTest)

BOOST_AUTO_TEST_CASE(estimator_follows_rfc2637_s4_4_formulas)
{
    GreAckTimeoutEstimator estimator;
    estimator.SetBounds(MilliSeconds(1), Seconds(10));
    BOOST_TEST(estimator.Reset(MilliSeconds(100)) == MilliSeconds(100)); // RTT = PPD, DEV = 0
    // SAMPLE 200: DIFF 100, DEV 0 + 1/4 * 100 = 25, RTT 100 + 1/8 * 100 = 112.5,
    // ATO 112.5 + 4 * 25 = 212.5 ms.
    BOOST_TEST(estimator.Sample(MilliSeconds(200)) == MicroSeconds(212500));
    BOOST_TEST(estimator.GetRtt() == MicroSeconds(112500));
    BOOST_TEST(estimator.GetDeviation() == MilliSeconds(25));
    // SAMPLE 100: DIFF -12.5, DEV 25 + 1/4 * (12.5 - 25) = 21.875,
    // RTT 112.5 - 12.5 / 8 = 110.9375, ATO 110.9375 + 87.5 = 198.4375 ms.
    BOOST_TEST(estimator.Sample(MilliSeconds(100)) == NanoSeconds(198437500));
    // s.4.4.2 time-out: RTT 2 * 110.9375 = 221.875, DEV kept, ATO 309.375 ms.
    BOOST_TEST(estimator.Backoff() == NanoSeconds(309375000));
    BOOST_TEST(estimator.GetDeviation() == NanoSeconds(21875000));
    // MaxTimeOut bounds ATO (and RTT).
    estimator.SetBounds(MilliSeconds(1), MilliSeconds(300));
    BOOST_TEST(estimator.Backoff() == MilliSeconds(300));
    BOOST_TEST(estimator.GetRtt() == MilliSeconds(300));
    // MinTimeOut bounds it from below.
    estimator.SetBounds(MilliSeconds(12), Seconds(3));
    BOOST_TEST(estimator.Reset(Time(0)) == MilliSeconds(12));
    BOOST_TEST(estimator.Backoff() == MilliSeconds(12)); // 2 * 0 stays 0
}

BOOST_AUTO_TEST_CASE(every_frame_in_order_both_ways)
{
    Ptr<GreSession> a = CreateObject<GreSession>();
    Ptr<GreSession> b = CreateObject<GreSession>();
    a->SetAttribute("TxQueueSize", UintegerValue(1000));
    b->SetAttribute("TxQueueSize", UintegerValue(1000));
    // Each advertised a window of 8, and each sends within the other's.
    a->SetAttribute("ReceiveWindow", UintegerValue(8));
    b->SetAttribute("ReceiveWindow", UintegerValue(8));
    Link link(a, b, MilliSeconds(10));
    a->SetPeerWindow(8);
    b->SetPeerWindow(8);
    DropRecorder drops;
    a->TraceConnectWithoutContext("Drop", MakeCallback(&DropRecorder::Record, &drops));
    b->TraceConnectWithoutContext("Drop", MakeCallback(&DropRecorder::Record, &drops));
    SendFrames(a, 0, 500, Time(0), Time(0));
    SendFrames(b, 0, 200, MilliSeconds(1), Time(0));
    Simulator::Stop(Seconds(30));
    Simulator::Run();
    BOOST_TEST(link.atB == Range(0, 500), boost::test_tools::per_element());
    BOOST_TEST(link.atA == Range(0, 200), boost::test_tools::per_element());
    BOOST_TEST(drops.reasons.empty());
    BOOST_TEST(a->GetOutstanding() == 0U);
    BOOST_TEST(b->GetOutstanding() == 0U);
    BOOST_TEST(a->GetAckTimeouts() == 0U);
    BOOST_TEST(a->GetWindow() == 8U); // opened from 4 to the peer's window
    BOOST_TEST(a->GetTxDataPackets() == 500U);
    BOOST_TEST(b->GetDeliveredPackets() == 500U);
    // Sequence numbers from 0, consecutive; acks ride on data both ways.
    uint32_t expected = 0;
    bool piggyBacked = false;
    for (const Seen& seen : link.sentByA)
    {
        if (seen.header.HasSequenceNumber())
        {
            BOOST_TEST(seen.header.GetSequenceNumber() == expected++);
            BOOST_TEST(seen.header.GetCallId() == CALL_ID_B);
            piggyBacked = piggyBacked || seen.header.HasAcknowledgment();
        }
    }
    BOOST_TEST(piggyBacked);
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(closed_window_stalls_the_sender_and_acks_resume_it)
{
    Ptr<GreSession> a = CreateObject<GreSession>();
    Ptr<GreSession> b = CreateObject<GreSession>();
    // A must not time out: it waits for the slow receiver's acks.
    a->SetAttribute("InitialRtt", TimeValue(Seconds(5)));
    a->SetAttribute("MinAckTimeout", TimeValue(Seconds(5)));
    a->SetAttribute("MaxAckTimeout", TimeValue(Seconds(10)));
    a->SetAttribute("TxQueueSize", UintegerValue(5));
    // B acknowledges only after 1 s.
    b->SetAttribute("AckDelay", TimeValue(Seconds(1)));
    b->SetAttribute("MinAckDelay", TimeValue(Seconds(1)));
    b->SetAttribute("AckEvery", UintegerValue(1000));
    Link link(a, b, MilliSeconds(10));
    a->SetPeerWindow(4); // s.4.2.1: the window starts at 2
    BOOST_TEST(a->GetWindow() == 2U);
    DropRecorder drops;
    a->TraceConnectWithoutContext("Drop", MakeCallback(&DropRecorder::Record, &drops));
    Recorder<uint32_t> outstanding;
    a->TraceConnectWithoutContext("Outstanding",
                                  MakeCallback(&Recorder<uint32_t>::Record, &outstanding));
    Recorder<uint32_t> window;
    a->TraceConnectWithoutContext("Window", MakeCallback(&Recorder<uint32_t>::Record, &window));

    std::vector<bool> accepted;
    for (uint32_t i = 0; i < 10; ++i)
    {
        accepted.push_back(a->Send(Frame(i)));
    }
    // 2 leave, 5 wait in the queue, 3 are dropped.
    BOOST_TEST(std::count(accepted.begin(), accepted.end(), true) == 7);
    BOOST_TEST(!accepted[7]);
    BOOST_TEST(!accepted[9]);
    BOOST_TEST(drops.Count(GreDropReason::TX_QUEUE_FULL) == 3U);
    BOOST_TEST(a->GetDropCount(GreDropReason::TX_QUEUE_FULL) == 3U);
    BOOST_TEST(a->GetQueueLength() == 5U);

    Simulator::Stop(MilliSeconds(900));
    Simulator::Run();
    // Stalled: nothing acknowledged yet.
    BOOST_TEST(link.atB == Range(0, 2), boost::test_tools::per_element());
    BOOST_TEST(a->GetOutstanding() == 2U);
    BOOST_TEST(a->GetQueueLength() == 5U);
    BOOST_TEST(link.sentByA.size() == 2U);

    // B's ack (sent at 1.01 s, arriving 1.02 s) acknowledges both: the window's worth opens
    // the window to 3 and three queued frames leave.
    Simulator::Stop(MilliSeconds(200));
    Simulator::Run();
    BOOST_TEST(link.sentByB.size() == 1U);
    BOOST_TEST(!link.sentByB[0].header.HasSequenceNumber());
    BOOST_TEST(link.sentByB[0].header.GetAcknowledgment() == 1U);
    BOOST_TEST(a->GetWindow() == 3U);
    BOOST_TEST(a->GetOutstanding() == 3U);
    BOOST_TEST(a->GetQueueLength() == 2U);

    Simulator::Stop(Seconds(5));
    Simulator::Run();
    BOOST_TEST(link.atB == Range(0, 7), boost::test_tools::per_element());
    BOOST_TEST(a->GetWindow() == 4U); // at the peer's window
    BOOST_TEST(a->GetAckTimeouts() == 0U);
    BOOST_TEST(a->GetOutstanding() == 0U);
    BOOST_TEST(outstanding.Max() == 3U); // never more than the window
    std::vector<uint32_t> windows;
    for (const auto& w : window.values)
    {
        windows.push_back(w.second);
    }
    BOOST_TEST(windows == std::vector<uint32_t>({3, 4}), boost::test_tools::per_element());
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(windows_profile_sends_beyond_the_window)
{
    for (bool windowsProfile : {false, true})
    {
        Ptr<GreSession> a = CreateObject<GreSession>();
        Ptr<GreSession> b = CreateObject<GreSession>();
        if (windowsProfile)
        {
            a->SetAttribute("Profile", EnumValue(GreSession::WINDOWS));
        }
        a->SetAttribute("InitialRtt", TimeValue(Seconds(5)));
        a->SetAttribute("MinAckTimeout", TimeValue(Seconds(5)));
        b->SetAttribute("AckDelay", TimeValue(Seconds(1)));
        b->SetAttribute("MinAckDelay", TimeValue(Seconds(1)));
        b->SetAttribute("AckEvery", UintegerValue(1000));
        Link link(a, b, MilliSeconds(10));
        a->SetPeerWindow(4);
        for (uint32_t i = 0; i < 10; ++i)
        {
            BOOST_TEST(a->Send(Frame(i)));
        }
        Simulator::Stop(MilliSeconds(500));
        Simulator::Run();
        BOOST_TEST_CONTEXT("profile " << (windowsProfile ? "WINDOWS" : "RFC"))
        {
            BOOST_TEST(link.atB.size() == (windowsProfile ? 10U : 2U));
            BOOST_TEST(a->GetOutstanding() == (windowsProfile ? 10U : 2U));
            BOOST_TEST(a->GetWindow() == 2U); // computed the same way, enforced only by RFC
        }
        // Either way everything arrives and is acknowledged.
        Simulator::Stop(Seconds(5));
        Simulator::Run();
        BOOST_TEST(link.atB == Range(0, 10), boost::test_tools::per_element());
        BOOST_TEST(a->GetOutstanding() == 0U);
        Simulator::Destroy();
    }
}

BOOST_AUTO_TEST_CASE(out_of_sequence_packets_are_discarded_as_s4_3_says)
{
    Ptr<GreSession> a = CreateObject<GreSession>();
    Ptr<GreSession> b = CreateObject<GreSession>();
    Link link(a, b, MilliSeconds(10));
    a->SetPeerWindow(64);
    // Sequence 3 arrives after 4..7; sequence 6 arrives twice.
    link.extraDelay = [](const GreHeader& h, bool aToB) {
        return aToB && h.HasSequenceNumber() && h.GetSequenceNumber() == 3 ? MilliSeconds(5)
                                                                           : Time(0);
    };
    link.duplicate = [](const GreHeader& h, bool aToB)
    { return aToB && h.HasSequenceNumber() && h.GetSequenceNumber() == 6; };
    DropRecorder drops;
    b->TraceConnectWithoutContext("Drop", MakeCallback(&DropRecorder::Record, &drops));
    SendFrames(a, 0, 10, Time(0), MilliSeconds(1));
    Simulator::Stop(Seconds(5));
    Simulator::Run();
    std::vector<uint32_t> expected = {0, 1, 2, 4, 5, 6, 7, 8, 9};
    BOOST_TEST(link.atB == expected, boost::test_tools::per_element());
    BOOST_TEST(drops.reasons
                   == std::vector<GreDropReason>(
                       {GreDropReason::DUPLICATE, GreDropReason::OUT_OF_SEQUENCE}),
               boost::test_tools::per_element());
    BOOST_TEST(b->GetDropCount(GreDropReason::OUT_OF_SEQUENCE) == 1U);
    BOOST_TEST(b->GetDropCount(GreDropReason::DUPLICATE) == 1U);
    BOOST_TEST(b->GetMissingPackets() == 1U); // 3 was taken as lost when 4 came
    // B acknowledged 4 (granting credit beyond it) and never went back to 3.
    uint32_t lastAck = 0;
    for (const Seen& seen : link.sentByB)
    {
        BOOST_TEST(seen.header.HasAcknowledgment());
        BOOST_TEST(seen.header.GetAcknowledgment() != 3U);
        BOOST_TEST(seen.header.GetAcknowledgment() >= lastAck);
        lastAck = seen.header.GetAcknowledgment();
    }
    BOOST_TEST(lastAck == 9U);
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(reorder_buffer_restores_order_and_gives_up_after_its_timeout)
{
    // Reordered: everything delivered in order.
    {
        Ptr<GreSession> a = CreateObject<GreSession>();
        Ptr<GreSession> b = CreateObject<GreSession>();
        b->SetAttribute("ReorderBuffer", BooleanValue(true));
        b->SetAttribute("ReorderTimeout", TimeValue(MilliSeconds(100)));
        Link link(a, b, MilliSeconds(10));
        a->SetPeerWindow(64);
        link.extraDelay = [](const GreHeader& h, bool aToB) {
            return aToB && h.HasSequenceNumber() && h.GetSequenceNumber() == 3 ? MilliSeconds(5)
                                                                               : Time(0);
        };
        SendFrames(a, 0, 10, Time(0), MilliSeconds(1));
        Simulator::Stop(Seconds(5));
        Simulator::Run();
        BOOST_TEST(link.atB == Range(0, 10), boost::test_tools::per_element());
        BOOST_TEST(b->GetMissingPackets() == 0U);
        BOOST_TEST(b->GetDropCount(GreDropReason::OUT_OF_SEQUENCE) == 0U);
        // 4..7 waited for 3 (which arrived at 18 ms) and left with it.
        BOOST_TEST(link.atBTimes[3] == MilliSeconds(18));
        BOOST_TEST(link.atBTimes[7] == MilliSeconds(18));
        Simulator::Destroy();
    }
    // Lost: the frames after the gap wait ReorderTimeout, then the gap is taken as lost.
    {
        Ptr<GreSession> a = CreateObject<GreSession>();
        Ptr<GreSession> b = CreateObject<GreSession>();
        b->SetAttribute("ReorderBuffer", BooleanValue(true));
        b->SetAttribute("ReorderTimeout", TimeValue(MilliSeconds(100)));
        Link link(a, b, MilliSeconds(10));
        a->SetPeerWindow(64);
        link.drop = [](const GreHeader& h, bool aToB)
        { return aToB && h.HasSequenceNumber() && h.GetSequenceNumber() == 5; };
        SendFrames(a, 0, 10, Time(0), MilliSeconds(1));
        Simulator::Stop(Seconds(5));
        Simulator::Run();
        std::vector<uint32_t> expected = {0, 1, 2, 3, 4, 6, 7, 8, 9};
        BOOST_TEST(link.atB == expected, boost::test_tools::per_element());
        BOOST_TEST(b->GetMissingPackets() == 1U);
        // 6 arrived at 16 ms and waited until 116 ms; 7..9 (deadlines later) follow it.
        BOOST_TEST(link.atBTimes[4] == MilliSeconds(14));
        BOOST_TEST(link.atBTimes[5] == MilliSeconds(116));
        BOOST_TEST(link.atBTimes[8] == MilliSeconds(116));
        Simulator::Destroy();
    }
    // A full buffer gives up on the gap at once.
    {
        Ptr<GreSession> a = CreateObject<GreSession>();
        Ptr<GreSession> b = CreateObject<GreSession>();
        b->SetAttribute("ReorderBuffer", BooleanValue(true));
        b->SetAttribute("ReorderBufferSize", UintegerValue(2));
        Link link(a, b, MilliSeconds(10));
        a->SetPeerWindow(64);
        link.drop = [](const GreHeader& h, bool aToB)
        { return aToB && h.HasSequenceNumber() && h.GetSequenceNumber() == 1; };
        SendFrames(a, 0, 6, Time(0), MilliSeconds(1));
        Simulator::Stop(Seconds(5));
        Simulator::Run();
        std::vector<uint32_t> expected = {0, 2, 3, 4, 5};
        BOOST_TEST(link.atB == expected, boost::test_tools::per_element());
        BOOST_TEST(link.atBTimes[1] == MilliSeconds(14)); // when 4 overflowed the buffer
        Simulator::Destroy();
    }
}

BOOST_AUTO_TEST_CASE(loss_grows_the_ack_timeout_and_shrinks_the_window_then_both_recover)
{
    Ptr<GreSession> a = CreateObject<GreSession>();
    Ptr<GreSession> b = CreateObject<GreSession>();
    a->SetAttribute("TxQueueSize", UintegerValue(100000));
    a->SetAttribute("MinAckTimeout", TimeValue(MilliSeconds(10)));
    // B acknowledges every packet at once, so no ack is late on a loss-free link.
    b->SetAttribute("AckEvery", UintegerValue(1));
    Link link(a, b, MilliSeconds(10));
    a->SetPeerWindow(16); // starts at 8
    // The link loses everything from A between 2 s and 2.5 s.
    link.drop = [](const GreHeader& h, bool aToB)
    { return aToB && Simulator::Now() >= Seconds(2) && Simulator::Now() < MilliSeconds(2500); };
    Recorder<uint32_t> window;
    a->TraceConnectWithoutContext("Window", MakeCallback(&Recorder<uint32_t>::Record, &window));
    Recorder<Time> ato;
    a->TraceConnectWithoutContext("AckTimeout", MakeCallback(&Recorder<Time>::Record, &ato));
    std::vector<Time> samples;
    a->TraceConnectWithoutContext("RttSample", MakeBoundCallback(&RecordTime, &samples));
    SendFrames(a, 0, 4000, Time(0), MilliSeconds(2));
    Simulator::Stop(Seconds(2));
    Simulator::Run();
    uint32_t windowBefore = a->GetWindow();
    Time atoBefore = a->GetAckTimeout();
    BOOST_TEST(windowBefore == 16U); // opened to the peer's window
    BOOST_TEST(a->GetAckTimeouts() == 0U);
    BOOST_TEST(atoBefore < MilliSeconds(100));
    BOOST_TEST(!samples.empty());

    Simulator::Stop(Seconds(7));
    Simulator::Run();
    BOOST_TEST(a->GetAckTimeouts() >= 3U);
    // The window halved down to 1 or 2 during the outage and the time-out backed off.
    BOOST_TEST(window.MinBetween(Seconds(2), MilliSeconds(2600), 16) <= 2U);
    Time atoPeak = ato.MaxBetween(Seconds(2), Seconds(3), Time(0));
    BOOST_TEST(atoPeak > atoBefore * 4);
    // Recovered: the window is back at 16, the time-out back near where it was.
    BOOST_TEST(a->GetWindow() == 16U);
    BOOST_TEST(a->GetAckTimeout() < atoPeak / 2);
    BOOST_TEST(a->GetAckTimeout() < MilliSeconds(100));
    // Every frame sent after the outage reached B in order; the lost ones are missing.
    BOOST_TEST(std::is_sorted(link.atB.begin(), link.atB.end()));
    BOOST_TEST(link.atB.size() + b->GetMissingPackets() == a->GetTxDataPackets());
    BOOST_TEST(link.atB.back() == 3999U);
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(sequence_numbers_wrap_around_at_2_pow_32)
{
    Ptr<GreSession> a = CreateObject<GreSession>();
    Ptr<GreSession> b = CreateObject<GreSession>();
    a->SetAttribute("InitialSequenceNumber", UintegerValue(0xFFFFFFF0));
    b->SetAttribute("InitialSequenceNumber", UintegerValue(0xFFFFFFFE));
    Link link(a, b, MilliSeconds(10));
    a->SetPeerWindow(8);
    b->SetPeerWindow(8);
    SendFrames(a, 0, 40, Time(0), MilliSeconds(1));
    SendFrames(b, 0, 5, MilliSeconds(3), MilliSeconds(7));
    Simulator::Stop(Seconds(5));
    Simulator::Run();
    BOOST_TEST(link.atB == Range(0, 40), boost::test_tools::per_element());
    BOOST_TEST(link.atA == Range(0, 5), boost::test_tools::per_element());
    std::vector<uint32_t> sequences;
    for (const Seen& seen : link.sentByA)
    {
        if (seen.header.HasSequenceNumber())
        {
            sequences.push_back(seen.header.GetSequenceNumber());
        }
    }
    BOOST_REQUIRE_EQUAL(sequences.size(), 40U);
    BOOST_TEST(sequences[0] == 0xFFFFFFF0U);
    BOOST_TEST(sequences[15] == 0xFFFFFFFFU);
    BOOST_TEST(sequences[16] == 0U);
    BOOST_TEST(sequences[39] == 23U);
    // The wire carries the wrapped number: seq 0 at bytes 8..11 of A's 17th data packet.
    auto wrapped = std::find_if(link.sentByA.begin(),
                                link.sentByA.end(),
                                [](const Seen& seen) {
                                    return seen.header.HasSequenceNumber()
                                           && seen.header.GetSequenceNumber() == 0;
                                });
    BOOST_REQUIRE(wrapped != link.sentByA.end());
    BOOST_TEST(ToHex(Bytes(wrapped->wire.begin() + 8, wrapped->wire.begin() + 12)) == "00000000");
    std::string flags = ToHex(Bytes(wrapped->wire.begin(), wrapped->wire.begin() + 4));
    BOOST_TEST((flags == "3001880b" || flags == "3081880b"));
    // Acks across the wrap free the window: no time-out, nothing outstanding, window open.
    BOOST_TEST(a->GetAckTimeouts() == 0U);
    BOOST_TEST(a->GetOutstanding() == 0U);
    BOOST_TEST(a->GetWindow() > 4U);
    BOOST_TEST(b->GetAckTimeouts() == 0U);
    BOOST_TEST(b->GetOutstanding() == 0U);
    BOOST_TEST(b->GetNextSequenceNumber() == 3U);
    BOOST_TEST(link.sentByB.back().header.GetAcknowledgment() == 23U);
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(one_way_traffic_gets_ack_only_packets)
{
    Ptr<GreSession> a = CreateObject<GreSession>();
    Ptr<GreSession> b = CreateObject<GreSession>();
    b->SetAttribute("AckDelay", TimeValue(MilliSeconds(200)));
    b->SetAttribute("MinAckDelay", TimeValue(MilliSeconds(200)));
    b->SetAttribute("AckEvery", UintegerValue(2));        // pptp-linux's rule, tested here
    a->SetAttribute("InitialRtt", TimeValue(Seconds(1))); // A waits for B's slow acks
    Link link(a, b, MilliSeconds(10));
    a->SetPeerWindow(64);
    Simulator::Schedule(Time(0), [a]() { a->Send(Frame(0)); });
    Simulator::Schedule(Seconds(1), [a]() { a->Send(Frame(1)); });
    Simulator::Schedule(Seconds(2),
                        [a]()
                        {
                            a->Send(Frame(2));
                            a->Send(Frame(3));
                        });
    Simulator::Stop(Seconds(5));
    Simulator::Run();
    BOOST_TEST(link.atB == Range(0, 4), boost::test_tools::per_element());
    BOOST_REQUIRE_EQUAL(link.sentByB.size(), 3U);
    BOOST_TEST(b->GetTxDataPackets() == 0U);
    BOOST_TEST(b->GetTxAckPackets() == 3U);
    BOOST_TEST(a->GetRxAckPackets() == 3U);
    // A lone frame is acknowledged AckDelay after it arrived: K and A, no S, length 0,
    // A's Call ID, ack 0.
    BOOST_TEST(link.sentByB[0].at == MilliSeconds(210));
    BOOST_TEST(ToHex(link.sentByB[0].wire) == "2081880b0000111100000000");
    BOOST_TEST(link.sentByB[1].at == MilliSeconds(1210));
    BOOST_TEST(link.sentByB[1].header.GetAcknowledgment() == 1U);
    // The second unacknowledged frame is acknowledged at once (AckEvery 2), for both.
    BOOST_TEST(link.sentByB[2].at == MilliSeconds(2010));
    BOOST_TEST(ToHex(link.sentByB[2].wire) == "2081880b0000111100000003");
    BOOST_TEST(a->GetOutstanding() == 0U);
    BOOST_TEST(a->GetAckTimeouts() == 0U);
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(acks_ride_on_data_going_the_other_way)
{
    Ptr<GreSession> a = CreateObject<GreSession>();
    Ptr<GreSession> b = CreateObject<GreSession>();
    b->SetAttribute("AckDelay", TimeValue(MilliSeconds(200)));
    b->SetAttribute("MinAckDelay", TimeValue(MilliSeconds(200)));
    Link link(a, b, MilliSeconds(10));
    a->SetPeerWindow(64);
    b->SetPeerWindow(64);
    Simulator::Schedule(Time(0), [a]() { a->Send(Frame(7)); });
    Simulator::Schedule(MilliSeconds(50), [b]() { b->Send(Frame(9)); });
    Simulator::Stop(Seconds(1));
    Simulator::Run();
    BOOST_REQUIRE_EQUAL(link.sentByB.size(), 1U); // no ack-only packet
    // B's data packet: S and A, payload length 17, A's Call ID, seq 0, ack 0, then the frame.
    BOOST_TEST(ToHex(link.sentByB[0].wire)
               == "3081880b0011111100000000"
                  "00000000"
                      + ToHex(BytesOf(Frame(9))));
    BOOST_TEST(link.atA == std::vector<uint32_t>({9}), boost::test_tools::per_element());
    BOOST_TEST(a->GetOutstanding() == 0U);
    // A's first packet had nothing to acknowledge: S only.
    BOOST_TEST(ToHex(link.sentByA[0].wire)
               == "3001880b000f222200000000" + ToHex(BytesOf(Frame(7))));
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(closed_session_and_oversized_frames_are_refused)
{
    Ptr<GreSession> a = CreateObject<GreSession>();
    Ptr<GreSession> b = CreateObject<GreSession>();
    Link link(a, b, MilliSeconds(10));
    a->SetPeerWindow(2); // window 1
    DropRecorder drops;
    a->TraceConnectWithoutContext("Drop", MakeCallback(&DropRecorder::Record, &drops));
    BOOST_TEST(!a->Send(Create<Packet>(65536))); // the payload length field has 16 bits
    BOOST_TEST(a->Send(Frame(0)));               // sent
    BOOST_TEST(a->Send(Frame(1)));               // queued
    BOOST_TEST(a->Send(Frame(2)));               // queued
    BOOST_TEST(a->GetQueueLength() == 2U);
    a->Close();
    BOOST_TEST(a->GetQueueLength() == 0U);
    BOOST_TEST(!a->Send(Frame(3)));
    BOOST_TEST(drops.reasons
                   == std::vector<GreDropReason>({GreDropReason::PAYLOAD_TOO_LARGE,
                                                  GreDropReason::SESSION_CLOSED,
                                                  GreDropReason::SESSION_CLOSED,
                                                  GreDropReason::SESSION_CLOSED}),
               boost::test_tools::per_element());
    Simulator::Stop(Seconds(1));
    Simulator::Run();
    BOOST_TEST(link.atB == std::vector<uint32_t>({0}), boost::test_tools::per_element());
    // B's ack reaches a closed session: dropped too.
    BOOST_TEST(a->GetDropCount(GreDropReason::SESSION_CLOSED) == 4U);
    Simulator::Destroy();
}

BOOST_AUTO_TEST_CASE(closing_while_delivering_sends_no_further_acknowledgment)
{
    // The receive callback closes the session (a user clearing the call from its handler):
    // the frame being delivered must not be acknowledged by a closed session, and frames
    // held by the reorder buffer are not delivered after it.
    for (bool reorder : {false, true})
    {
        Ptr<GreSession> a = CreateObject<GreSession>();
        Ptr<GreSession> b = CreateObject<GreSession>();
        b->SetAttribute("AckEvery", UintegerValue(1)); // each delivery acknowledged at once
        b->SetAttribute("ReorderBuffer", BooleanValue(reorder));
        Link link(a, b, MilliSeconds(10));
        a->SetPeerWindow(64);
        // Sequence 1 comes late: with the reorder buffer 2..4 wait for it and go with it.
        link.extraDelay = [](const GreHeader& h, bool aToB) {
            return aToB && h.HasSequenceNumber() && h.GetSequenceNumber() == 1 ? MilliSeconds(5)
                                                                               : Time(0);
        };
        std::vector<uint32_t> delivered;
        uint32_t closeAt = reorder ? 2 : 0;
        b->SetReceiveCallback(Callback<void, Ptr<Packet>>(
            [&delivered, b, closeAt](Ptr<Packet> frame)
            {
                delivered.push_back(IndexOf(frame));
                if (delivered.back() == closeAt)
                {
                    b->Close();
                }
            }));
        SendFrames(a, 0, 5, Time(0), MilliSeconds(1));
        Simulator::Stop(Seconds(5));
        Simulator::Run();
        BOOST_TEST_CONTEXT("reorder buffer " << reorder)
        {
            BOOST_TEST(delivered == Range(0, closeAt + 1), boost::test_tools::per_element());
            if (reorder)
            {
                // 0 was acknowledged before the close; nothing after it.
                BOOST_REQUIRE_EQUAL(link.sentByB.size(), 1U);
                BOOST_TEST(link.sentByB[0].header.GetAcknowledgment() == 0U);
                BOOST_TEST(link.sentByB[0].at == MilliSeconds(10));
            }
            else
            {
                BOOST_TEST(link.sentByB.empty());
            }
            BOOST_TEST(b->GetTxAckPackets() == link.sentByB.size());
            // What arrives after the close, and what the buffer held, is dropped as such.
            BOOST_TEST(b->GetDropCount(GreDropReason::SESSION_CLOSED) == (reorder ? 2U : 4U));
        }
        Simulator::Destroy();
        // The receive callback holds b: disposing clears it, as a tunnel's teardown does.
        a->Dispose();
        b->Dispose();
    }
}

BOOST_AUTO_TEST_CASE(reorder_buffer_costs_no_event_per_held_packet)
{
    // Sequence 1 is lost and 60 packets arrive while the buffer waits for it: they join the
    // buffer without scheduling (or cancelling) an event each, and all go at the deadline
    // of the first of them.
    uint64_t events[2] = {0, 0};
    for (bool reorder : {false, true})
    {
        Ptr<GreSession> a = CreateObject<GreSession>();
        Ptr<GreSession> b = CreateObject<GreSession>();
        b->SetAttribute("ReorderBuffer", BooleanValue(reorder));
        b->SetAttribute("ReorderTimeout", TimeValue(MilliSeconds(100)));
        b->SetAttribute("ReorderBufferSize", UintegerValue(100));
        Link link(a, b, MilliSeconds(10));
        a->SetPeerWindow(1000); // A never waits for B's acknowledgments
        link.drop = [](const GreHeader& h, bool aToB)
        { return aToB && h.HasSequenceNumber() && h.GetSequenceNumber() == 1; };
        SendFrames(a, 0, 62, Time(0), MilliSeconds(1));
        Simulator::Stop(Seconds(5));
        Simulator::Run();
        std::vector<uint32_t> expected = Range(0, 62);
        expected.erase(expected.begin() + 1);
        BOOST_TEST(link.atB == expected, boost::test_tools::per_element());
        BOOST_TEST(b->GetMissingPackets() == 1U);
        if (reorder)
        {
            BOOST_TEST(link.atBTimes[1] == MilliSeconds(112));
            BOOST_TEST(link.atBTimes.back() == MilliSeconds(112));
        }
        events[reorder ? 1 : 0] = Simulator::GetEventCount();
        Simulator::Destroy();
    }
    // Cancelled events count too: a reschedule per held packet would add about 60.
    BOOST_TEST(events[1] <= events[0] + 5);
}

BOOST_AUTO_TEST_CASE(attribute_checkers_reject_bad_values)
{
    Ptr<GreSession> s = CreateObject<GreSession>();
    BOOST_TEST(!s->SetAttributeFailSafe("ReceiveWindow", UintegerValue(0)));
    BOOST_TEST(!s->SetAttributeFailSafe("ReceiveWindow", UintegerValue(65536)));
    BOOST_TEST(s->SetAttributeFailSafe("ReceiveWindow", UintegerValue(65535)));
    BOOST_TEST(!s->SetAttributeFailSafe("AckEvery", UintegerValue(65536)));
    BOOST_TEST(s->SetAttributeFailSafe("AckEvery", UintegerValue(0))); // a quarter of the window
    BOOST_TEST(!s->SetAttributeFailSafe("ReorderTimeout", TimeValue(MilliSeconds(5))));
    BOOST_TEST(!s->SetAttributeFailSafe("ReorderBufferSize", UintegerValue(0)));
    BOOST_TEST(!s->SetAttributeFailSafe("AckDelay", TimeValue(Seconds(11))));
    BOOST_TEST(!s->SetAttributeFailSafe("MaxAckTimeout", TimeValue(Time(0))));
    BOOST_TEST(!s->SetAttributeFailSafe("Delta", DoubleValue(0.5)));
    BOOST_TEST(!s->SetAttributeFailSafe("Alpha", DoubleValue(0)));
    BOOST_TEST(!s->SetAttributeFailSafe("Profile", EnumValue(7)));
    BOOST_TEST(s->SetAttributeFailSafe("Profile", EnumValue(GreSession::WINDOWS)));
    // The first ATO is InitialRtt (100 ms) raised to MinAckTimeout (1 s); with a PPD it is
    // the PPD (tenths of a second).
    BOOST_TEST(s->GetAckTimeout() == Seconds(1));
    s->SetPeerPacketProcessingDelay(5);
    s->SetAttribute("MinAckTimeout", TimeValue(MilliSeconds(1)));
    s->Send(Frame(0));
    BOOST_TEST(s->GetAckTimeout() == MilliSeconds(500));
    Simulator::Destroy();
}

BOOST_AUTO_TEST_SUITE_END()
