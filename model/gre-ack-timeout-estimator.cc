/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "gre-ack-timeout-estimator.h"

#include "ns3/assert.h"

#include <algorithm>
#include <cmath>

namespace ns3
{

GreAckTimeoutEstimator::GreAckTimeoutEstimator()
    : m_alpha(RFC_ALPHA)
    , m_beta(RFC_BETA)
    , m_chi(RFC_CHI)
    , m_delta(RFC_DELTA)
    , m_rtt(0)
    , m_dev(0)
    , m_min(Time(0))
    , m_max(Seconds(1))
    , m_ato(Time(0))
{
}

void
GreAckTimeoutEstimator::SetGains(double alpha, double beta, double chi, double delta)
{
    NS_ASSERT_MSG(alpha > 0 && alpha <= 1 && beta > 0 && beta <= 1 && chi >= 0 && delta >= 1,
                  "gains out of range");
    m_alpha = alpha;
    m_beta = beta;
    m_chi = chi;
    m_delta = delta;
}

void
GreAckTimeoutEstimator::SetBounds(Time minTimeout, Time maxTimeout)
{
    NS_ASSERT_MSG(minTimeout <= maxTimeout, "MinTimeOut must not exceed MaxTimeOut");
    m_min = minTimeout;
    m_max = maxTimeout;
}

Time
GreAckTimeoutEstimator::Reset(Time initialRtt)
{
    m_rtt = static_cast<double>(initialRtt.GetTimeStep());
    m_dev = 0;
    return Update();
}

Time
GreAckTimeoutEstimator::Sample(Time sample)
{
    double diff = static_cast<double>(sample.GetTimeStep()) - m_rtt;
    m_dev += m_beta * (std::fabs(diff) - m_dev);
    m_rtt += m_alpha * diff;
    return Update();
}

Time
GreAckTimeoutEstimator::Backoff()
{
    // RTT is held at MaxTimeOut: ATO cannot exceed it anyway, and an unbounded RTT would
    // take many acknowledgments to come back down once the network recovers.
    m_rtt = std::min(m_rtt * m_delta, static_cast<double>(m_max.GetTimeStep()));
    return Update();
}

Time
GreAckTimeoutEstimator::Update()
{
    double ato = m_rtt + m_chi * m_dev;
    double max = static_cast<double>(m_max.GetTimeStep());
    double min = static_cast<double>(m_min.GetTimeStep());
    // MAX(MinTimeOut, MIN(RTT + chi * DEV, MaxTimeOut))
    ato = std::max(min, std::min(ato, max));
    m_ato = TimeStep(static_cast<uint64_t>(std::llround(ato)));
    return m_ato;
}

Time
GreAckTimeoutEstimator::GetAckTimeout() const
{
    return m_ato;
}

Time
GreAckTimeoutEstimator::GetRtt() const
{
    return TimeStep(static_cast<uint64_t>(std::llround(m_rtt)));
}

Time
GreAckTimeoutEstimator::GetDeviation() const
{
    return TimeStep(static_cast<uint64_t>(std::llround(m_dev)));
}

} // namespace ns3
