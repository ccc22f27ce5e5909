/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mppe-session-key.h"

#include "ns3/assert.h"
#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MppeSessionKey");

const char*
MppeDecryptResultName(MppeDecryptResult result)
{
    switch (result)
    {
        case MppeDecryptResult::DECRYPTED:
            return "DECRYPTED";
        case MppeDecryptResult::LOSS_DETECTED:
            return "LOSS_DETECTED";
        case MppeDecryptResult::DISCARDED:
            return "DISCARDED";
        case MppeDecryptResult::NOT_FLUSHED:
            return "NOT_FLUSHED";
    }
    return "UNKNOWN";
}

std::ostream&
operator<<(std::ostream& os, MppeDecryptResult result)
{
    return os << MppeDecryptResultName(result);
}

MppeSessionKey::MppeSessionKey()
    : m_strength(MppeStrength::BITS_128)
    , m_stateless(true)
    , m_initialized(false)
    , m_ccount(COHERENCY_COUNT_MASK)
    , m_flushPending(false)
    , m_discarding(false)
    , m_hasPacket(false)
    , m_keyChanges(0)
{
}

MppeSessionKey::MppeSessionKey(const MppeKey& startKey, MppeStrength strength, bool stateless)
    : MppeSessionKey()
{
    Initialize(startKey, strength, stateless);
}

void
MppeSessionKey::Initialize(const MppeKey& startKey, MppeStrength strength, bool stateless)
{
    NS_LOG_FUNCTION(this << strength << stateless);
    NS_ASSERT_MSG(startKey.GetLength() == MppeKeys::KeyLength(strength),
                  "start key of " << startKey.GetLength() << " octets for " << strength);
    m_startKey = startKey;
    m_strength = strength;
    m_stateless = stateless;
    m_sessionKey = MppeKeys::GetInitialSessionKey(startKey, strength);
    m_rc4.SetKey(m_sessionKey.GetData(), m_sessionKey.GetLength());
    m_ccount = COHERENCY_COUNT_MASK;
    m_flushPending = false;
    m_discarding = false;
    m_hasPacket = false;
    m_keyChanges = 0;
    m_initialized = true;
}

bool
MppeSessionKey::IsInitialized() const
{
    return m_initialized;
}

MppeStrength
MppeSessionKey::GetStrength() const
{
    return m_strength;
}

bool
MppeSessionKey::IsStateless() const
{
    return m_stateless;
}

const MppeKey&
MppeSessionKey::GetStartKey() const
{
    return m_startKey;
}

const MppeKey&
MppeSessionKey::GetSessionKey() const
{
    return m_sessionKey;
}

uint16_t
MppeSessionKey::GetCoherencyCount() const
{
    return m_ccount;
}

uint64_t
MppeSessionKey::GetKeyChangeCount() const
{
    return m_keyChanges;
}

void
MppeSessionKey::ChangeKey()
{
    NS_ASSERT_MSG(m_initialized, "MppeSessionKey used before Initialize()");
    m_sessionKey = MppeKeys::GetNextSessionKey(m_startKey, m_sessionKey, m_strength);
    m_rc4.SetKey(m_sessionKey.GetData(), m_sessionKey.GetLength());
    ++m_keyChanges;
}

void
MppeSessionKey::ChangeKeys(uint32_t count)
{
    NS_LOG_FUNCTION(this << count);
    for (uint32_t i = 0; i < count; ++i)
    {
        ChangeKey();
    }
}

void
MppeSessionKey::ResetRc4()
{
    NS_ASSERT_MSG(m_initialized, "MppeSessionKey used before Initialize()");
    m_rc4.SetKey(m_sessionKey.GetData(), m_sessionKey.GetLength());
}

void
MppeSessionKey::Process(uint8_t* data, std::size_t length)
{
    NS_ASSERT_MSG(m_initialized, "MppeSessionKey used before Initialize()");
    m_rc4.Process(data, length);
}

void
MppeSessionKey::RequestFlush()
{
    NS_LOG_FUNCTION(this);
    m_flushPending = true;
}

uint16_t
MppeSessionKey::Encrypt(uint8_t* data, std::size_t length, bool& flushed)
{
    NS_ASSERT_MSG(m_initialized, "MppeSessionKey used before Initialize()");
    const uint16_t ccount = (m_ccount + 1) & COHERENCY_COUNT_MASK;
    flushed = false;
    if (m_stateless || (ccount & 0xff) == 0xff)
    {
        ChangeKey();
        flushed = true;
    }
    if (m_flushPending)
    {
        if (!flushed)
        {
            ResetRc4();
        }
        flushed = true;
        m_flushPending = false;
    }
    m_rc4.Process(data, length);
    m_ccount = ccount;
    m_hasPacket = true;
    NS_LOG_LOGIC("encrypted " << length << " octets, ccount " << ccount << " flushed " << flushed);
    return ccount;
}

uint32_t
MppeSessionKey::CountKeyChanges(uint16_t lastCount, uint16_t newCount, bool stateless)
{
    const uint32_t distance = (newCount - lastCount) & COHERENCY_COUNT_MASK;
    if (stateless)
    {
        return distance;
    }
    // The first flag count (low octet 0xFF) after lastCount is this many steps ahead.
    uint32_t firstFlag = (0xff - (lastCount & 0xff)) & 0xff;
    if (firstFlag == 0)
    {
        firstFlag = 256;
    }
    return distance < firstFlag ? 0 : 1 + (distance - firstFlag) / 256;
}

void
MppeSessionKey::SynchroniseTo(uint16_t coherencyCount)
{
    NS_LOG_FUNCTION(this << coherencyCount);
    NS_ASSERT_MSG(m_initialized, "MppeSessionKey used before Initialize()");
    coherencyCount &= COHERENCY_COUNT_MASK;
    // Before the first packet the state stands just before count 0, a full cycle away from
    // 4095: count the key changes of packets 0 to coherencyCount.
    const uint32_t changes
        = m_hasPacket ? CountKeyChanges(m_ccount, coherencyCount, m_stateless)
                      : (m_stateless ? coherencyCount + 1u : (coherencyCount + 1u) / 256);
    if (changes == 0)
    {
        ResetRc4();
    }
    else
    {
        ChangeKeys(changes);
    }
    m_ccount = coherencyCount;
    m_discarding = false;
    m_hasPacket = true;
}

MppeDecryptResult
MppeSessionKey::Decrypt(uint8_t* data, std::size_t length, uint16_t coherencyCount, bool flushed)
{
    NS_ASSERT_MSG(m_initialized, "MppeSessionKey used before Initialize()");
    coherencyCount &= COHERENCY_COUNT_MASK;
    if (m_stateless)
    {
        if (!flushed)
        {
            NS_LOG_LOGIC("stateless packet " << coherencyCount << " without FLUSHED");
            return MppeDecryptResult::NOT_FLUSHED;
        }
        SynchroniseTo(coherencyCount);
    }
    else if (!m_discarding && coherencyCount == ((m_ccount + 1) & COHERENCY_COUNT_MASK))
    {
        bool changed = false;
        if ((coherencyCount & 0xff) == 0xff)
        {
            ChangeKey();
            changed = true;
        }
        if (flushed && !changed)
        {
            ResetRc4();
        }
        m_ccount = coherencyCount;
        m_hasPacket = true;
    }
    else if (flushed)
    {
        NS_LOG_LOGIC("resynchronising from " << m_ccount << " to " << coherencyCount);
        SynchroniseTo(coherencyCount);
    }
    else if (m_discarding)
    {
        return MppeDecryptResult::DISCARDED;
    }
    else
    {
        NS_LOG_LOGIC("expected coherency count " << ((m_ccount + 1) & COHERENCY_COUNT_MASK)
                                                 << ", got " << coherencyCount);
        m_discarding = true;
        return MppeDecryptResult::LOSS_DETECTED;
    }
    m_rc4.Process(data, length);
    return MppeDecryptResult::DECRYPTED;
}

bool
MppeSessionKey::IsDiscarding() const
{
    return m_discarding;
}

} // namespace ns3
