/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-wire-text.h"

namespace ns3
{
/// Small text and hex helpers shared by the module's Print() and text formats.
namespace pptp
{

namespace
{

/**
 * \brief The digit of a nibble.
 * \param nibble 0 to 15
 * \param letters the case of the digits a to f
 * \return the character
 */
char
HexDigit(unsigned nibble, HexCase letters)
{
    static const char lower[] = "0123456789abcdef";
    static const char upper[] = "0123456789ABCDEF";
    return (letters == HexCase::UPPER ? upper : lower)[nibble & 0x0f];
}

} // namespace

int
HexValue(char c)
{
    if (c >= '0' && c <= '9')
    {
        return c - '0';
    }
    if (c >= 'A' && c <= 'F')
    {
        return c - 'A' + 10;
    }
    if (c >= 'a' && c <= 'f')
    {
        return c - 'a' + 10;
    }
    return -1;
}

void
AppendHex(std::string& out, const uint8_t* data, std::size_t size, HexCase letters)
{
    out.reserve(out.size() + 2 * size);
    for (std::size_t k = 0; k < size; ++k)
    {
        out.push_back(HexDigit(data[k] >> 4, letters));
        out.push_back(HexDigit(data[k], letters));
    }
}

void
PrintHex(std::ostream& os, const uint8_t* data, std::size_t size, HexCase letters)
{
    for (std::size_t k = 0; k < size; ++k)
    {
        os << HexDigit(data[k] >> 4, letters) << HexDigit(data[k], letters);
    }
}

void
PrintHexValue(std::ostream& os, uint32_t value, std::size_t digits, HexCase letters)
{
    os << "0x";
    for (std::size_t d = digits; d > 0; --d)
    {
        os << HexDigit(value >> (4 * (d - 1)), letters);
    }
}

void
PrintQuoted(std::ostream& os, const std::string& text)
{
    os << '"';
    for (char c : text)
    {
        auto octet = static_cast<uint8_t>(c);
        if (octet >= 0x20 && octet < 0x7f && c != '"' && c != '\\')
        {
            os << c;
        }
        else
        {
            os << "\\x";
            PrintHex(os, &octet, 1);
        }
    }
    os << '"';
}

void
ReadText(Buffer::Iterator& i, uint32_t size, std::string& out)
{
    out.resize(size);
    for (uint32_t k = 0; k < size; ++k)
    {
        out[k] = static_cast<char>(i.ReadU8());
    }
}

} // namespace pptp
} // namespace ns3
