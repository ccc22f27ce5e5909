/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_ACCESS_CHANNEL_H
#define PPTP_ACCESS_CHANNEL_H

#include "ns3/nstime.h"
#include "ns3/point-to-point-channel.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/ptr.h"
#include "ns3/random-variable-stream.h"

#include <cstdint>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief A point-to-point channel with jitter: each frame arrives after the propagation delay
 * plus an extra delay drawn uniformly from [0, Jitter], but never before the frame sent
 * before it in the same direction (no reordering). The access links of
 * PptpRemoteAccessTopology.
 */
class PptpAccessChannel : public PointToPointChannel
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /** \brief A channel without jitter. */
    PptpAccessChannel();

    /**
     * \brief Send a frame to the other device (PointToPointChannel::TransmitStart with jitter).
     * \param p the frame
     * \param src the sending device
     * \param txTime its transmission time
     * \return true
     */
    bool TransmitStart(Ptr<const Packet> p, Ptr<PointToPointNetDevice> src, Time txTime) override;

    /**
     * \brief Fix the stream of the jitter's random variable.
     * \param stream the stream index
     * \return 1
     */
    int64_t AssignStreams(int64_t stream);

  protected:
    void DoDispose() override;

  private:
    Time m_jitter;                       //!< largest extra delay
    Ptr<UniformRandomVariable> m_random; //!< draws the extra delays
    Time m_lastArrival[2];               //!< arrival of the last frame, per direction
};

} // namespace ns3

#endif /* PPTP_ACCESS_CHANNEL_H */
