/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-wire-error.h"

namespace ns3
{

const char*
WireErrorName(WireError error)
{
    switch (error)
    {
        case WireError::NONE:
            return "NONE";
        case WireError::TRUNCATED:
            return "TRUNCATED";
        case WireError::BAD_LENGTH:
            return "BAD_LENGTH";
        case WireError::BAD_MAGIC:
            return "BAD_MAGIC";
        case WireError::BAD_MESSAGE_TYPE:
            return "BAD_MESSAGE_TYPE";
        case WireError::UNKNOWN_TYPE:
            return "UNKNOWN_TYPE";
        case WireError::BAD_VERSION:
            return "BAD_VERSION";
        case WireError::BAD_FLAGS:
            return "BAD_FLAGS";
        case WireError::BAD_PROTOCOL:
            return "BAD_PROTOCOL";
        case WireError::BAD_OPTION_LENGTH:
            return "BAD_OPTION_LENGTH";
        case WireError::BAD_VALUE:
            return "BAD_VALUE";
        case WireError::BAD_TEXT:
            return "BAD_TEXT";
    }
    return "UNKNOWN_ERROR";
}

std::ostream&
operator<<(std::ostream& os, WireError error)
{
    return os << WireErrorName(error);
}

} // namespace ns3
