/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef GRE_ACK_TIMEOUT_ESTIMATOR_H
#define GRE_ACK_TIMEOUT_ESTIMATOR_H

#include "ns3/nstime.h"

namespace ns3
{

/**
 * \ingroup pptp
 * \brief The adaptive acknowledgment time-out (ATO) of \RFC{2637} s.4.4.1 and its back-off
 * on a time-out (s.4.4.2).
 *
 * On every acknowledgment (Sample()):
 * \verbatim
   DIFF[n] = SAMPLE[n] - RTT[n-1]
   DEV[n]  = DEV[n-1] + beta * (|DIFF[n]| - DEV[n-1])
   RTT[n]  = RTT[n-1] + alpha * DIFF[n]
   ATO[n]  = MAX(MinTimeOut, MIN(RTT[n] + chi * DEV[n], MaxTimeOut))
   \endverbatim
 * On a time-out (Backoff()): RTT[n] = delta * RTT[n-1], DEV unchanged, ATO as above;
 * RTT is held at MaxTimeOut (ATO cannot exceed it, and an unbounded RTT would take many
 * acknowledgments to come down again once the path recovers).
 * RTT starts at the peer's packet processing delay (PPD), DEV at 0. The RFC's gains
 * (alpha 1/8, beta 1/4, chi 4, delta 2) are the defaults; the arithmetic is done on
 * simulator time steps, so no precision is lost to the RFC's integer scaling.
 */
class GreAckTimeoutEstimator
{
  public:
    /// alpha, the gain of the average (\RFC{2637} s.4.4.1: typically 1/8).
    static constexpr double RFC_ALPHA = 0.125;
    /// beta, the gain of the deviation (\RFC{2637} s.4.4.1: typically 1/4).
    static constexpr double RFC_BETA = 0.25;
    /// chi, the gain of the time-out (\RFC{2637} s.4.4.1: typically 4).
    static constexpr double RFC_CHI = 4.0;
    /// delta, the time-out gain of RTT on a time-out (\RFC{2637} s.4.4.2: 2 suggested).
    static constexpr double RFC_DELTA = 2.0;

    /**
     * \brief An estimator with the RFC gains, bounds 0 .. 1 s and RTT 0.
     */
    GreAckTimeoutEstimator();

    /**
     * \brief Set the gains.
     * \param alpha gain of the average, 0 < alpha <= 1
     * \param beta gain of the deviation, 0 < beta <= 1
     * \param chi gain of the deviation in the time-out, >= 0
     * \param delta back-off factor of RTT on a time-out, >= 1
     */
    void SetGains(double alpha, double beta, double chi, double delta);

    /**
     * \brief Set MinTimeOut and MaxTimeOut.
     * \param minTimeout lower bound of ATO
     * \param maxTimeout upper bound of ATO (>= minTimeout)
     */
    void SetBounds(Time minTimeout, Time maxTimeout);

    /**
     * \brief Start over: RTT = initialRtt (the PPD), DEV = 0, ATO computed from them.
     * \param initialRtt RTT[0]
     * \return the new ATO
     */
    Time Reset(Time initialRtt);

    /**
     * \brief An acknowledgment arrived: feed one measured round-trip sample.
     * \param sample time from sending the acknowledged packet to receiving its ack
     * \return the new ATO
     */
    Time Sample(Time sample);

    /**
     * \brief An acknowledgment time-out: back RTT off by delta (s.4.4.2).
     * \return the new ATO
     */
    Time Backoff();

    /**
     * \brief Get the current adaptive time-out.
     * \return ATO[n]
     */
    Time GetAckTimeout() const;

    /**
     * \brief Get the round-trip time estimate.
     * \return RTT[n]
     */
    Time GetRtt() const;

    /**
     * \brief Get the estimated mean deviation.
     * \return DEV[n]
     */
    Time GetDeviation() const;

  private:
    /**
     * \brief ATO from RTT and DEV, bounded.
     * \return the time-out (also stored)
     */
    Time Update();

    double m_alpha; //!< gain of the average
    double m_beta;  //!< gain of the deviation
    double m_chi;   //!< gain of the deviation in ATO
    double m_delta; //!< back-off factor of RTT
    double m_rtt;   //!< RTT in time steps
    double m_dev;   //!< DEV in time steps
    Time m_min;     //!< MinTimeOut
    Time m_max;     //!< MaxTimeOut
    Time m_ato;     //!< current ATO
};

} // namespace ns3

#endif /* GRE_ACK_TIMEOUT_ESTIMATOR_H */
