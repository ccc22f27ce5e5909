/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "gre-drop-reason.h"

namespace ns3
{

const char*
GreDropReasonName(GreDropReason reason)
{
    switch (reason)
    {
        case GreDropReason::TRUNCATED_HEADER:
            return "TRUNCATED_HEADER";
        case GreDropReason::BAD_VERSION:
            return "BAD_VERSION";
        case GreDropReason::BAD_PROTOCOL:
            return "BAD_PROTOCOL";
        case GreDropReason::BAD_FLAGS:
            return "BAD_FLAGS";
        case GreDropReason::BAD_LENGTH:
            return "BAD_LENGTH";
        case GreDropReason::LENGTH_MISMATCH:
            return "LENGTH_MISMATCH";
        case GreDropReason::UNKNOWN_CALL_ID:
            return "UNKNOWN_CALL_ID";
        case GreDropReason::OUT_OF_SEQUENCE:
            return "OUT_OF_SEQUENCE";
        case GreDropReason::DUPLICATE:
            return "DUPLICATE";
        case GreDropReason::TX_QUEUE_FULL:
            return "TX_QUEUE_FULL";
        case GreDropReason::PAYLOAD_TOO_LARGE:
            return "PAYLOAD_TOO_LARGE";
        case GreDropReason::SESSION_CLOSED:
            return "SESSION_CLOSED";
    }
    return "UNKNOWN_REASON";
}

std::ostream&
operator<<(std::ostream& os, GreDropReason reason)
{
    return os << GreDropReasonName(reason);
}

} // namespace ns3
