/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_WIRE_TEXT_H
#define PPTP_WIRE_TEXT_H

#include "ns3/buffer.h"

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>

namespace ns3
{
/// Small text and hex helpers shared by the module's Print() and text formats.
namespace pptp
{

/**
 * \ingroup pptp
 * \brief The letter case of the hex digits a to f.
 */
enum class HexCase : uint8_t
{
    LOWER, //!< "0123456789abcdef", as every Print() of the module shows octets
    UPPER, //!< "0123456789ABCDEF", as \RFC{2759} writes MS-CHAPv2 text
};

/**
 * \ingroup pptp
 * \brief The value of a hex digit of either case.
 * \param c the character
 * \return 0 to 15, or -1 for a character that is not a hex digit
 */
int HexValue(char c);

/**
 * \ingroup pptp
 * \brief Append octets as hex digits, two an octet, without separators.
 * \param out the text
 * \param data the octets
 * \param size their number
 * \param letters the case of the digits a to f
 */
void AppendHex(std::string& out,
               const uint8_t* data,
               std::size_t size,
               HexCase letters = HexCase::LOWER);

/**
 * \ingroup pptp
 * \brief Print octets as hex digits, two an octet, without separators.
 * \param os the stream
 * \param data the octets
 * \param size their number
 * \param letters the case of the digits a to f
 */
void PrintHex(std::ostream& os,
              const uint8_t* data,
              std::size_t size,
              HexCase letters = HexCase::LOWER);

/**
 * \ingroup pptp
 * \brief Print a value as "0x" and a fixed number of hex digits, e.g. 0x0021.
 * \param os the stream
 * \param value the value; bits beyond the digits are not shown
 * \param digits how many digits, 1 to 8
 * \param letters the case of the digits a to f
 */
void PrintHexValue(std::ostream& os,
                   uint32_t value,
                   std::size_t digits,
                   HexCase letters = HexCase::LOWER);

/**
 * \ingroup pptp
 * \brief Print octets from a wire as quoted text: printable ASCII as it is, anything
 * else, the quote and the backslash as \\xNN (lower-case digits).
 * \param os the stream
 * \param text the octets
 */
void PrintQuoted(std::ostream& os, const std::string& text);

/**
 * \ingroup pptp
 * \brief Read octets from a Buffer into a string.
 * \param i the iterator; the caller has checked that \p size octets are there
 * \param size octets to read
 * \param out the destination, replaced
 */
void ReadText(Buffer::Iterator& i, uint32_t size, std::string& out);

} // namespace pptp
} // namespace ns3

#endif /* PPTP_WIRE_TEXT_H */
