/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_WIRE_ERROR_H
#define PPTP_WIRE_ERROR_H

#include <cstdint>
#include <ostream>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief Why a decoder refused bytes that came off a simulated (or real) wire.
 *
 * Every wire-format class of the module (PPTP control messages, Enhanced GRE,
 * PPP frames, control packets and options, authentication packets, MPPE data)
 * reports a malformed input with one of these values instead of asserting,
 * throwing or reading past the end of its input. The convention of every
 * ns-3 Header in the module: Deserialize() returns 0 and GetError() returns
 * the reason when the input is refused; on success GetError() is NONE.
 */
enum class WireError : uint8_t
{
    NONE = 0,          //!< decoded cleanly
    TRUNCATED,         //!< fewer bytes than the format (or its own length field) needs
    BAD_LENGTH,        //!< a length field disagrees with the message type or the bytes present
    BAD_MAGIC,         //!< PPTP magic cookie is not 0x1A2B3C4D
    BAD_MESSAGE_TYPE,  //!< PPTP message type is not 1 (control message)
    UNKNOWN_TYPE,      //!< unknown control message type, PPP code or option type
    BAD_VERSION,       //!< a version field has a value this format does not define
    BAD_FLAGS,         //!< flag bits that must have a given value do not
    BAD_PROTOCOL,      //!< protocol type / PPP protocol field not allowed here
    BAD_OPTION_LENGTH, //!< a TLV option length of 0 or 1, or past the end of its packet
    BAD_VALUE,         //!< a field holds a value its definition rules out
    BAD_TEXT,          //!< a text field (e.g. an MS-CHAPv2 message) does not follow its grammar
};

/**
 * \ingroup pptp
 * \brief The name of a WireError value, e.g. "TRUNCATED".
 * \param error the value
 * \return a static string; never null, also for values outside the enum
 */
const char* WireErrorName(WireError error);

/**
 * \ingroup pptp
 * \brief Stream output of a WireError (its name).
 * \param os the stream
 * \param error the value
 * \return the stream
 */
std::ostream& operator<<(std::ostream& os, WireError error);

} // namespace ns3

#endif /* PPTP_WIRE_ERROR_H */
