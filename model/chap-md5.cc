/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "chap-md5.h"

#include "crypto-primitives.h"

namespace ns3
{

ChapMd5::Response
ChapMd5::Compute(uint8_t identifier,
                 const std::string& secret,
                 const uint8_t* challenge,
                 std::size_t challengeLength)
{
    Md5 md5;
    md5.Update(&identifier, 1);
    md5.Update(reinterpret_cast<const uint8_t*>(secret.data()), secret.size());
    md5.Update(challenge, challengeLength);
    return md5.Finish();
}

ChapMd5::Response
ChapMd5::Compute(uint8_t identifier,
                 const std::string& secret,
                 const std::vector<uint8_t>& challenge)
{
    return Compute(identifier, secret, challenge.data(), challenge.size());
}

bool
ChapMd5::Verify(uint8_t identifier,
                const std::string& secret,
                const std::vector<uint8_t>& challenge,
                const uint8_t* response,
                std::size_t responseLength)
{
    if (responseLength != RESPONSE_LENGTH)
    {
        return false;
    }
    const Response expected = Compute(identifier, secret, challenge);
    uint8_t difference = 0;
    for (std::size_t i = 0; i < RESPONSE_LENGTH; ++i)
    {
        difference |= expected[i] ^ response[i];
    }
    return difference == 0;
}

} // namespace ns3
