/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-captured-call.h"

#include "ppp-option.h"

#include <algorithm>
#include <utility>

namespace ns3
{

namespace
{

/**
 * \brief A 16-bit network-order value.
 * \param p the first octet
 * \return the value
 */
uint16_t
ReadU16(const uint8_t* p)
{
    return static_cast<uint16_t>((p[0] << 8) | p[1]);
}

/**
 * \brief The opposite direction.
 * \param direction a direction
 * \return the other one
 */
PptpFrameDirection
Opposite(PptpFrameDirection direction)
{
    return direction == PptpFrameDirection::CLIENT_TO_SERVER ? PptpFrameDirection::SERVER_TO_CLIENT
                                                             : PptpFrameDirection::CLIENT_TO_SERVER;
}

} // namespace

const char*
PptpFrameDirectionName(PptpFrameDirection direction)
{
    switch (direction)
    {
        case PptpFrameDirection::CLIENT_TO_SERVER:
            return "CLIENT_TO_SERVER";
        case PptpFrameDirection::SERVER_TO_CLIENT:
            return "SERVER_TO_CLIENT";
    }
    return "UNKNOWN";
}

std::ostream&
operator<<(std::ostream& os, PptpFrameDirection direction)
{
    return os << PptpFrameDirectionName(direction);
}

bool
PptpIpv4View::Parse(const uint8_t* data, std::size_t size)
{
    constexpr std::size_t MIN_HEADER = 20;
    if (size < MIN_HEADER || (data[0] >> 4) != 4)
    {
        return false;
    }
    const std::size_t headerLength = (data[0] & 0x0f) * 4U;
    const std::size_t totalLength = ReadU16(data + 2);
    if (headerLength < MIN_HEADER || totalLength < headerLength || totalLength > size)
    {
        return false;
    }
    const uint16_t fragmentField = ReadU16(data + 6);
    fragment = (fragmentField & 0x3fff) != 0; // MF or an offset
    protocol = data[9];
    source = Ipv4Address(static_cast<uint32_t>(data[12]) << 24 | data[13] << 16 | data[14] << 8
                         | data[15]);
    destination = Ipv4Address(static_cast<uint32_t>(data[16]) << 24 | data[17] << 16 | data[18] << 8
                              | data[19]);
    payload = data + headerLength;
    payloadSize = totalLength - headerLength;
    return true;
}

bool
PptpIpv4View::GetUdp(uint16_t& sourcePort,
                     uint16_t& destinationPort,
                     const uint8_t*& data,
                     std::size_t& size) const
{
    constexpr uint8_t UDP = 17;
    constexpr std::size_t UDP_HEADER = 8;
    if (protocol != UDP || fragment || payloadSize < UDP_HEADER)
    {
        return false;
    }
    const std::size_t length = ReadU16(payload + 4);
    if (length < UDP_HEADER || length > payloadSize)
    {
        return false;
    }
    sourcePort = ReadU16(payload);
    destinationPort = ReadU16(payload + 2);
    data = payload + UDP_HEADER;
    size = length - UDP_HEADER;
    return true;
}

bool
PptpCapturedCall::HasExchange() const
{
    return hasChallenge && hasResponse;
}

MppeStrength
PptpCapturedCall::GetStrength() const
{
    if (!hasMppe || (mppeBits & PppOption::MPPE_128_BIT) != 0)
    {
        return MppeStrength::BITS_128;
    }
    if ((mppeBits & PppOption::MPPE_56_BIT) != 0)
    {
        return MppeStrength::BITS_56;
    }
    return MppeStrength::BITS_40;
}

bool
PptpCapturedCall::IsStateless() const
{
    return (mppeBits & PppOption::MPPE_STATELESS) != 0;
}

uint64_t
PptpCapturedCall::CountFrames(PptpFrameDirection direction) const
{
    return std::count_if(frames.begin(),
                         frames.end(),
                         [direction](const PptpCapturedFrame& f)
                         { return f.direction == direction; });
}

void
PptpCapturedCall::SwapRoles()
{
    std::swap(client, server);
    std::swap(clientCallIdKnown, serverCallIdKnown);
    std::swap(clientCallId, serverCallId);
    std::swap(greFrames[0], greFrames[1]);
    for (PptpCapturedFrame& f : frames)
    {
        f.direction = Opposite(f.direction);
    }
}

} // namespace ns3
