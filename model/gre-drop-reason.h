/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef GRE_DROP_REASON_H
#define GRE_DROP_REASON_H

#include <cstddef>
#include <cstdint>
#include <ostream>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief Why the GRE data channel (GreL4Protocol or a GreSession) dropped a packet.
 *
 * The first group is found by GreL4Protocol on a received IP protocol 47 packet (the
 * header does not decode, the length disagrees, no session has the Call ID); the second
 * by a GreSession (\RFC{2637} s.4.2 and s.4.3) on its send or receive path.
 */
enum class GreDropReason : uint8_t
{
    TRUNCATED_HEADER = 0, //!< fewer bytes than the 8..16 byte header its flags announce
    BAD_VERSION,          //!< GRE version other than 1 (Enhanced GRE)
    BAD_PROTOCOL,         //!< protocol type other than 0x880B (PPP)
    BAD_FLAGS,            //!< C, R, s, Recur or Flags set, or K clear
    BAD_LENGTH,           //!< a payload length without the S bit (ack-only packets carry none)
    LENGTH_MISMATCH,      //!< payload length field differs from the bytes after the header
    UNKNOWN_CALL_ID,      //!< no session for this Call ID and peer address
    OUT_OF_SEQUENCE,      //!< sequence number before the expected one (s.4.3: discarded)
    DUPLICATE,            //!< sequence number already received (s.4.3: discarded)
    TX_QUEUE_FULL,        //!< send window closed and the transmit queue full (s.4.2.4)
    PAYLOAD_TOO_LARGE,    //!< PPP frame longer than the 16-bit payload length can say
    SESSION_CLOSED,       //!< the session was closed (call cleared)
};

/// Number of GreDropReason values (for per-reason counters).
constexpr std::size_t GRE_DROP_REASON_COUNT = 12;

/**
 * \ingroup pptp
 * \brief The name of a GreDropReason value, e.g. "UNKNOWN_CALL_ID".
 * \param reason the value
 * \return a static string; never null, also for values outside the enum
 */
const char* GreDropReasonName(GreDropReason reason);

/**
 * \ingroup pptp
 * \brief Stream output of a GreDropReason (its name).
 * \param os the stream
 * \param reason the value
 * \return the stream
 */
std::ostream& operator<<(std::ostream& os, GreDropReason reason);

} // namespace ns3

#endif /* GRE_DROP_REASON_H */
