/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-test-util.h"

#include "pptp-wire-text.h"

#include <boost/test/unit_test.hpp>
#include <cstdlib>

namespace ns3
{
namespace pptptest
{

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
        int digit = pptp::HexValue(c);
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
    std::string out;
    pptp::AppendHex(out, bytes.data(), bytes.size());
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

Buffer
BufferOf(const uint8_t* data, std::size_t size)
{
    Buffer buffer;
    buffer.AddAtStart(static_cast<uint32_t>(size));
    buffer.Begin().Write(data, static_cast<uint32_t>(size));
    return buffer;
}

Bytes
PptpHeaderBytes(uint16_t length, uint16_t type)
{
    return Bytes{static_cast<uint8_t>(length >> 8),
                 static_cast<uint8_t>(length),
                 0x00,
                 0x01,
                 0x1a,
                 0x2b,
                 0x3c,
                 0x4d,
                 static_cast<uint8_t>(type >> 8),
                 static_cast<uint8_t>(type),
                 0x00,
                 0x00};
}

const std::array<uint8_t, 16> RFC2759_AUTHENTICATOR_CHALLENGE = {
    0x5B, 0x5D, 0x7C, 0x7D, 0x7B, 0x3F, 0x2F, 0x3E, 0x3C, 0x2C, 0x60, 0x21, 0x32, 0x26, 0x26, 0x28};
const std::array<uint8_t, 16> RFC2759_PEER_CHALLENGE = {
    0x21, 0x40, 0x23, 0x24, 0x25, 0x5E, 0x26, 0x2A, 0x28, 0x29, 0x5F, 0x2B, 0x3A, 0x33, 0x7C, 0x7E};

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
