/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mppe-keys.h"

#include "crypto-primitives.h"
#include "mschapv2.h"
#include "pptp-wire-text.h"

#include "ns3/assert.h"
#include "ns3/log.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MppeKeys");

namespace
{

// The constants of RFC 3079 s.3.4 (without the string terminator).
const char MAGIC1[] = "This is the MPPE Master Key";
const char MAGIC2[]
    = "On the client side, this is the send key; on the server side, it is the receive key.";
const char MAGIC3[]
    = "On the client side, this is the receive key; on the server side, it is the send key.";
static_assert(sizeof(MAGIC1) - 1 == 27, "RFC 3079 Magic1 is 27 octets");
static_assert(sizeof(MAGIC2) - 1 == 84, "RFC 3079 Magic2 is 84 octets");
static_assert(sizeof(MAGIC3) - 1 == 84, "RFC 3079 Magic3 is 84 octets");

const uint8_t SHS_PAD1[40] = {}; //!< 40 octets of 0x00
const uint8_t SHS_PAD2[40]
    = {0xf2, 0xf2, 0xf2, 0xf2, 0xf2, 0xf2, 0xf2, 0xf2, 0xf2, 0xf2, 0xf2, 0xf2, 0xf2, 0xf2,
       0xf2, 0xf2, 0xf2, 0xf2, 0xf2, 0xf2, 0xf2, 0xf2, 0xf2, 0xf2, 0xf2, 0xf2, 0xf2, 0xf2,
       0xf2, 0xf2, 0xf2, 0xf2, 0xf2, 0xf2, 0xf2, 0xf2, 0xf2, 0xf2, 0xf2, 0xf2}; //!< 40 x 0xF2

const uint8_t*
Octets(const char* text)
{
    return reinterpret_cast<const uint8_t*>(text);
}

} // namespace

const char*
MppeStrengthName(MppeStrength strength)
{
    switch (strength)
    {
        case MppeStrength::BITS_40:
            return "BITS_40";
        case MppeStrength::BITS_56:
            return "BITS_56";
        case MppeStrength::BITS_128:
            return "BITS_128";
    }
    return "UNKNOWN";
}

std::ostream&
operator<<(std::ostream& os, MppeStrength strength)
{
    return os << MppeStrengthName(strength);
}

MppeKey::MppeKey()
    : m_bytes{}
    , m_length(0)
{
}

MppeKey::MppeKey(const uint8_t* data, std::size_t length)
    : m_bytes{}
    , m_length(static_cast<uint8_t>(length))
{
    NS_ASSERT_MSG(length <= MAX_LENGTH, "MPPE key of " << length << " octets");
    std::copy(data, data + length, m_bytes.begin());
}

const uint8_t*
MppeKey::GetData() const
{
    return m_bytes.data();
}

uint8_t*
MppeKey::GetData()
{
    return m_bytes.data();
}

std::size_t
MppeKey::GetLength() const
{
    return m_length;
}

uint8_t
MppeKey::operator[](std::size_t i) const
{
    NS_ASSERT_MSG(i < m_length, "MPPE key index " << i);
    return m_bytes[i];
}

bool
MppeKey::operator==(const MppeKey& other) const
{
    return m_length == other.m_length
           && std::equal(m_bytes.begin(), m_bytes.begin() + m_length, other.m_bytes.begin());
}

bool
MppeKey::operator!=(const MppeKey& other) const
{
    return !(*this == other);
}

std::string
MppeKey::ToHex() const
{
    std::string text;
    pptp::AppendHex(text, m_bytes.data(), m_length);
    return text;
}

std::ostream&
operator<<(std::ostream& os, const MppeKey& key)
{
    return os << key.ToHex();
}

std::size_t
MppeKeys::KeyLength(MppeStrength strength)
{
    return strength == MppeStrength::BITS_128 ? 16 : 8;
}

MppeKeys::MasterKey
MppeKeys::GetMasterKey(const std::array<uint8_t, 16>& passwordHashHash,
                       const std::array<uint8_t, 24>& ntResponse)
{
    Sha1 sha1;
    sha1.Update(passwordHashHash.data(), passwordHashHash.size());
    sha1.Update(ntResponse.data(), ntResponse.size());
    sha1.Update(Octets(MAGIC1), sizeof(MAGIC1) - 1);
    const Sha1::Digest digest = sha1.Finish();
    MasterKey masterKey;
    std::copy(digest.begin(), digest.begin() + masterKey.size(), masterKey.begin());
    return masterKey;
}

MppeKey
MppeKeys::GetAsymmetricStartKey(const MasterKey& masterKey,
                                MppeStrength strength,
                                MppeDirection direction,
                                MppeSide side)
{
    // The client's send key is the server's receive key (Magic2), and the other way round.
    const bool isSend = direction == MppeDirection::SEND;
    const bool isServer = side == MppeSide::SERVER;
    const char* magic = (isSend == isServer) ? MAGIC3 : MAGIC2;
    Sha1 sha1;
    sha1.Update(masterKey.data(), masterKey.size());
    sha1.Update(SHS_PAD1, sizeof(SHS_PAD1));
    sha1.Update(Octets(magic), sizeof(MAGIC2) - 1);
    sha1.Update(SHS_PAD2, sizeof(SHS_PAD2));
    const Sha1::Digest digest = sha1.Finish();
    return MppeKey(digest.data(), KeyLength(strength));
}

MppeKey
MppeKeys::GetStartKey(const std::string& password,
                      const std::array<uint8_t, 24>& ntResponse,
                      MppeStrength strength,
                      MppeDirection direction,
                      MppeSide side)
{
    const MsChapV2::PasswordHash passwordHashHash
        = MsChapV2::HashNtPasswordHash(MsChapV2::NtPasswordHash(password));
    return GetAsymmetricStartKey(
        GetMasterKey(passwordHashHash, ntResponse), strength, direction, side);
}

MppeKey
MppeKeys::GetNewKeyFromSha(const MppeKey& startKey, const MppeKey& sessionKey)
{
    NS_ASSERT_MSG(startKey.GetLength() == sessionKey.GetLength() && startKey.GetLength() > 0,
                  "start key and session key lengths " << startKey.GetLength() << " and "
                                                       << sessionKey.GetLength());
    Sha1 sha1;
    sha1.Update(startKey.GetData(), startKey.GetLength());
    sha1.Update(SHS_PAD1, sizeof(SHS_PAD1));
    sha1.Update(sessionKey.GetData(), sessionKey.GetLength());
    sha1.Update(SHS_PAD2, sizeof(SHS_PAD2));
    const Sha1::Digest digest = sha1.Finish();
    return MppeKey(digest.data(), startKey.GetLength());
}

void
MppeKeys::ReduceKey(MppeKey& key, MppeStrength strength)
{
    NS_ASSERT_MSG(key.GetLength() == KeyLength(strength),
                  "key of " << key.GetLength() << " octets for " << strength);
    uint8_t* octets = key.GetData();
    switch (strength)
    {
        case MppeStrength::BITS_40:
            octets[0] = 0xd1;
            octets[1] = 0x26;
            octets[2] = 0x9e;
            break;
        case MppeStrength::BITS_56:
            octets[0] = 0xd1;
            break;
        case MppeStrength::BITS_128:
            break;
    }
}

MppeKey
MppeKeys::GetInitialSessionKey(const MppeKey& startKey, MppeStrength strength)
{
    MppeKey key = GetNewKeyFromSha(startKey, startKey);
    ReduceKey(key, strength);
    return key;
}

MppeKey
MppeKeys::GetNextSessionKey(const MppeKey& startKey,
                            const MppeKey& sessionKey,
                            MppeStrength strength)
{
    MppeKey key = GetNewKeyFromSha(startKey, sessionKey);
    Rc4 rc4(key.GetData(), key.GetLength());
    rc4.Process(key.GetData(), key.GetLength());
    ReduceKey(key, strength);
    return key;
}

} // namespace ns3
