/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef CHAP_MD5_H
#define CHAP_MD5_H

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief The CHAP response with MD5 (\RFC{1994} s.4.1, algorithm 5 of s.3):
 * MD5(Identifier || secret || Challenge).
 */
class ChapMd5
{
  public:
    static constexpr std::size_t RESPONSE_LENGTH = 16;     //!< octets in the Response Value
    using Response = std::array<uint8_t, RESPONSE_LENGTH>; //!< a Response Value

    /**
     * \brief Computes the Response Value.
     * \param identifier the Identifier of the Challenge packet
     * \param secret the shared secret, as octets
     * \param challenge the Challenge Value
     * \param challengeLength its length in octets
     * \return MD5(identifier || secret || challenge)
     */
    static Response Compute(uint8_t identifier,
                            const std::string& secret,
                            const uint8_t* challenge,
                            std::size_t challengeLength);

    /**
     * \brief Computes the Response Value.
     * \param identifier the Identifier of the Challenge packet
     * \param secret the shared secret, as octets
     * \param challenge the Challenge Value
     * \return MD5(identifier || secret || challenge)
     */
    static Response Compute(uint8_t identifier,
                            const std::string& secret,
                            const std::vector<uint8_t>& challenge);

    /**
     * \brief The authenticator's check of a received Response Value (constant time).
     * \param identifier the Identifier of the Challenge (and Response) packet
     * \param secret the shared secret
     * \param challenge the Challenge Value that was sent
     * \param response the received Response Value
     * \param responseLength its length; anything but 16 fails
     * \return true if the response matches
     */
    static bool Verify(uint8_t identifier,
                       const std::string& secret,
                       const std::vector<uint8_t>& challenge,
                       const uint8_t* response,
                       std::size_t responseLength);
};

} // namespace ns3

#endif /* CHAP_MD5_H */
