/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_TEST_UTIL_H
#define PPTP_TEST_UTIL_H

#include "pptp-wire-error.h"

#include "ns3/buffer.h"
#include "ns3/header.h"
#include "ns3/packet.h"
#include "ns3/ptr.h"

#include <array>
#include <boost/test/unit_test.hpp>
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

namespace ns3
{
namespace pptptest
{

/// Bytes, as the tests handle them.
using Bytes = std::vector<uint8_t>;

/**
 * \brief Hex text to bytes; spaces, colons and newlines between digit pairs are ignored.
 * \param hex the text, upper or lower case
 * \return the bytes (the test fails on an odd digit count or a non-hex character)
 */
Bytes FromHex(const std::string& hex);

/**
 * \brief Bytes to lower-case hex text without separators.
 * \param bytes the bytes
 * \return the text
 */
std::string ToHex(const Bytes& bytes);

/**
 * \brief A packet holding exactly these bytes.
 * \param bytes the bytes
 * \return the packet
 */
Ptr<Packet> PacketOf(const Bytes& bytes);

/**
 * \brief The bytes a packet holds.
 * \param packet the packet
 * \return its bytes
 */
Bytes BytesOf(Ptr<const Packet> packet);

/**
 * \brief The bytes a header serialises to.
 * \param header the header
 * \return exactly GetSerializedSize() bytes
 */
Bytes BytesOf(const Header& header);

/**
 * \brief The bytes of an array.
 * \param array the array
 * \return the same bytes
 */
template <std::size_t N>
Bytes
BytesOfArray(const std::array<uint8_t, N>& array)
{
    return Bytes(array.begin(), array.end());
}

/**
 * \brief An array of bytes as lower-case hex text without separators.
 * \param array the array
 * \return the text
 */
template <std::size_t N>
std::string
ToHex(const std::array<uint8_t, N>& array)
{
    return ToHex(BytesOfArray(array));
}

/**
 * \brief A Buffer holding exactly these bytes, for the decoders.
 * \param data the first byte
 * \param size how many
 * \return the buffer
 */
Buffer BufferOf(const uint8_t* data, std::size_t size);

/**
 * \brief Deserialize a header from exactly these bytes (all of them available to it).
 * \param header the header to decode into
 * \param bytes the bytes
 * \return what Deserialize() returned
 */
template <typename T>
uint32_t
Decode(T& header, const Bytes& bytes)
{
    Buffer buffer = BufferOf(bytes.data(), bytes.size());
    return header.Deserialize(buffer.Begin());
}

/**
 * \brief The error a decoder reports for these bytes, checking that it consumed nothing.
 * \param hex the bytes as hex
 * \return GetError() of a T that decoded them
 */
template <typename T>
WireError
DecodeError(const std::string& hex)
{
    T header;
    uint32_t consumed = Decode(header, FromHex(hex));
    BOOST_TEST(consumed == 0U);
    return header.GetError();
}

/**
 * \brief The printed form of a value.
 * \param value anything with operator<< (a Header prints through its Print())
 * \return the text
 */
template <typename T>
std::string
Printed(const T& value)
{
    std::ostringstream os;
    os << value;
    return os.str();
}

/**
 * \brief Decodes 20000 deterministic pseudo-random inputs shaped like a PPP authentication
 * packet (a small Code, an Identifier, a Length near the input's size, small octets) and
 * requires that every input that decodes re-encodes to exactly the octets it consumed and
 * that every other one reports an error.
 * \param codes the Code octet is drawn from 0 to codes - 1
 * \return how many inputs decoded
 */
template <typename T>
unsigned
ReEncodeRandomCodePackets(uint8_t codes)
{
    uint32_t state = 12345;
    auto next = [&state]()
    {
        state = state * 1103515245U + 12345U;
        return static_cast<uint8_t>(state >> 16);
    };
    unsigned decoded = 0;
    for (int round = 0; round < 20000; ++round)
    {
        Bytes bytes(next() % 24);
        for (uint8_t& octet : bytes)
        {
            octet = next() % 8 == 0 ? next() : next() % 6;
        }
        if (bytes.size() >= 4)
        {
            bytes[0] = next() % codes;
            bytes[2] = 0;
            bytes[3] = static_cast<uint8_t>(next() % (bytes.size() + 2));
        }
        T packet;
        uint32_t consumed = Decode(packet, bytes);
        if (consumed == 0)
        {
            BOOST_REQUIRE(packet.GetError() != WireError::NONE);
            continue;
        }
        ++decoded;
        BOOST_REQUIRE(packet.GetError() == WireError::NONE);
        BOOST_REQUIRE(consumed <= bytes.size());
        BOOST_REQUIRE_EQUAL(ToHex(BytesOf(packet)),
                            ToHex(Bytes(bytes.begin(), bytes.begin() + consumed)));
    }
    return decoded;
}

/**
 * \brief The 12-octet header of a PPTP control message (\RFC{2637} s.2): Length, PPTP
 * Message Type 1, Magic Cookie 0x1A2B3C4D, Control Message Type, Reserved0 0.
 * \param length the Length field
 * \param type the Control Message Type
 * \return the bytes
 */
Bytes PptpHeaderBytes(uint16_t length, uint16_t type);

/// \RFC{2759} s.9.2 AuthenticatorChallenge (also the synthetic session's default).
extern const std::array<uint8_t, 16> RFC2759_AUTHENTICATOR_CHALLENGE;
/// \RFC{2759} s.9.2 PeerChallenge (also the synthetic session's default).
extern const std::array<uint8_t, 16> RFC2759_PEER_CHALLENGE;

/**
 * \brief The folder with the project's shared vectors and captures.
 * \return PPTP_SHARED_DIR as configured by CMake (env PPTP_SHARED_DIR overrides it)
 */
std::string SharedDir();

/**
 * \brief The binary (build) folder; tests write their scratch files here.
 * \return PPTP_BINARY_DIR as configured by CMake
 */
std::string BinaryDir();

} // namespace pptptest
} // namespace ns3

#endif /* PPTP_TEST_UTIL_H */
