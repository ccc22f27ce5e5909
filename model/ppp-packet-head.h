/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPP_PACKET_HEAD_H
#define PPP_PACKET_HEAD_H

#include "pptp-wire-error.h"

#include "ns3/buffer.h"

#include <cstdint>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief The Code, Identifier and Length that begin every LCP, IPCP, CCP (\RFC{1661} s.5),
 * PAP (\RFC{1334} s.2.2) and CHAP (\RFC{1994} s.4) packet.
 */
struct PppPacketHead
{
    static constexpr uint16_t SIZE = 4; //!< octets of Code, Identifier and Length

    uint8_t code{0};       //!< Code
    uint8_t identifier{0}; //!< Identifier
    uint16_t length{0};    //!< Length, the whole packet's octets

    /**
     * \brief Read and check the head of a packet.
     * \param i the iterator, advanced past the head when it was read
     * \return TRUNCATED when fewer than 4 octets are there or Length exceeds the octets
     * present, BAD_LENGTH when Length is below 4, else NONE; the fields hold what was read
     * whenever the 4 octets were there
     */
    WireError Read(Buffer::Iterator& i);
};

} // namespace ns3

#endif /* PPP_PACKET_HEAD_H */
