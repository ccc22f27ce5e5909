/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ppp-packet-head.h"

namespace ns3
{

WireError
PppPacketHead::Read(Buffer::Iterator& i)
{
    const uint32_t available = i.GetRemainingSize();
    if (available < SIZE)
    {
        return WireError::TRUNCATED;
    }
    code = i.ReadU8();
    identifier = i.ReadU8();
    length = i.ReadNtohU16();
    if (length < SIZE)
    {
        return WireError::BAD_LENGTH;
    }
    return length > available ? WireError::TRUNCATED : WireError::NONE;
}

} // namespace ns3
