/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_TEST_UTIL_H
#define PPTP_TEST_UTIL_H

#include "ns3/header.h"
#include "ns3/packet.h"
#include "ns3/ptr.h"

#include <cstdint>
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
