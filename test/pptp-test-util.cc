/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-test-util.h"

#include <boost/test/unit_test.hpp>

#include <cctype>
#include <cstdlib>

namespace ns3
{
namespace pptptest
{

namespace
{

int
HexDigit(char c)
{
    if (c >= '0' && c <= '9')
    {
        return c - '0';
    }
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (c >= 'a' && c <= 'f')
    {
        return c - 'a' + 10;
    }
    return -1;
}

} // namespace

Bytes
FromHex(const std::string& hex)
{
    Bytes out;
    int high = -1;
    for (char c : hex)
    {
        if (c == ' ' || c == ':' || c == '\n' || c == '\t' || c == '\r')
        {
            BOOST_REQUIRE_MESSAGE(high < 0, "hex text splits a byte: " << hex);
            continue;
        }
        int digit = HexDigit(c);
        BOOST_REQUIRE_MESSAGE(digit >= 0, "not a hex digit '" << c << "' in: " << hex);
        if (high < 0)
        {
            high = digit;
        }
        else
        {
            out.push_back(static_cast<uint8_t>(high << 4 | digit));
            high = -1;
        }
    }
    BOOST_REQUIRE_MESSAGE(high < 0, "odd number of hex digits in: " << hex);
    return out;
}

std::string
ToHex(const Bytes& bytes)
{
    static const char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (uint8_t b : bytes)
    {
        out.push_back(digits[b >> 4]);
        out.push_back(digits[b & 0x0f]);
    }
    return out;
}

Ptr<Packet>
PacketOf(const Bytes& bytes)
{
    return Create<Packet>(bytes.data(), static_cast<uint32_t>(bytes.size()));
}

Bytes
BytesOf(Ptr<const Packet> packet)
{
    Bytes out(packet->GetSize());
    packet->CopyData(out.data(), static_cast<uint32_t>(out.size()));
    return out;
}

Bytes
BytesOf(const Header& header)
{
    Buffer buffer;
    buffer.AddAtStart(header.GetSerializedSize());
    header.Serialize(buffer.Begin());
    Bytes out(buffer.GetSize());
    buffer.CopyData(out.data(), static_cast<uint32_t>(out.size()));
    return out;
}

std::string
SharedDir()
{
    if (const char* env = std::getenv("PPTP_SHARED_DIR"))
    {
        return env;
    }
    return PPTP_SHARED_DIR;
}

std::string
BinaryDir()
{
    return PPTP_BINARY_DIR;
}

} // namespace pptptest
} // namespace ns3
