/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-access-channel.h"

#include "pptp-range-checker.h"

#include "ns3/log.h"
#include "ns3/simulator.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PptpAccessChannel");

NS_OBJECT_ENSURE_REGISTERED(PptpAccessChannel);

TypeId
PptpAccessChannel::GetTypeId()
{
    static TypeId tid
        = TypeId("ns3::PptpAccessChannel")
              .SetParent<PointToPointChannel>()
              .SetGroupName("Pptp")
              .AddConstructor<PptpAccessChannel>()
              .AddAttribute("Jitter",
                            "The largest extra delay of a frame, drawn uniformly from [0, Jitter] "
                            "(a frame never overtakes the one before it).",
                            TimeValue(Seconds(0)),
                            MakeTimeAccessor(&PptpAccessChannel::m_jitter),
                            MakePptpRangeChecker(MakeTimeChecker(Seconds(0), Seconds(1)),
                                                 "ns3::PptpAccessChannel::Jitter",
                                                 "0..1s"));
    return tid;
}

PptpAccessChannel::PptpAccessChannel()
    : m_jitter(Seconds(0))
    , m_random(CreateObject<UniformRandomVariable>())
{
    NS_LOG_FUNCTION(this);
}

void
PptpAccessChannel::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_random = nullptr;
    PointToPointChannel::DoDispose();
}

int64_t
PptpAccessChannel::AssignStreams(int64_t stream)
{
    m_random->SetStream(stream);
    return 1;
}

bool
PptpAccessChannel::TransmitStart(Ptr<const Packet> p, Ptr<PointToPointNetDevice> src, Time txTime)
{
    NS_LOG_FUNCTION(this << p << src << txTime);
    NS_ASSERT_MSG(IsInitialized(), "PptpAccessChannel: both devices must be attached");
    const uint32_t wire = src == GetSource(0) ? 0 : 1;
    Ptr<PointToPointNetDevice> dst = GetDestination(wire);
    Time arrival = Simulator::Now() + txTime + GetDelay();
    if (m_jitter.IsStrictlyPositive())
    {
        arrival += NanoSeconds(
            static_cast<int64_t>(m_random->GetValue(0, m_jitter.GetNanoSeconds() + 1.0)));
    }
    arrival = std::max(arrival, m_lastArrival[wire]);
    m_lastArrival[wire] = arrival;
    Simulator::ScheduleWithContext(dst->GetNode()->GetId(),
                                   arrival - Simulator::Now(),
                                   &PointToPointNetDevice::Receive,
                                   dst,
                                   p->Copy());
    return true;
}

} // namespace ns3
