/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MPPE_SESSION_KEY_H
#define MPPE_SESSION_KEY_H

#include "crypto-primitives.h"
#include "mppe-keys.h"

#include <cstddef>
#include <cstdint>
#include <ostream>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief What MppeSessionKey::Decrypt() did with a packet.
 */
enum class MppeDecryptResult : uint8_t
{
    DECRYPTED,     //!< the data were decrypted in place
    LOSS_DETECTED, //!< stateful: unexpected coherency count; drop, send a CCP Reset-Request
    DISCARDED,     //!< stateful: still waiting for a packet with the FLUSHED bit after a loss
    NOT_FLUSHED,   //!< stateless: the FLUSHED bit is clear (\RFC{3078} s.3.1 requires it); drop
};

/**
 * \ingroup pptp
 * \brief The name of a decrypt result.
 * \param result the result
 * \return its enumerator name (or "UNKNOWN")
 */
const char* MppeDecryptResultName(MppeDecryptResult result);

/**
 * \ingroup pptp
 * \brief Prints MppeDecryptResultName().
 * \param os the stream
 * \param result the result
 * \return the stream
 */
std::ostream& operator<<(std::ostream& os, MppeDecryptResult result);

/**
 * \ingroup pptp
 * \brief The RC4 session state of one MPPE direction (\RFC{3078} s.5-8, \RFC{3079} s.3): the
 * start key, the current session key, the RC4 tables and the coherency count. One instance
 * encrypts (the sender's) or decrypts (the receiver's); nothing is allocated per packet.
 *
 * The initial session key is ReduceKey(GetNewKeyFromSHA(start, start)). A key change
 * (\RFC{3078} s.7.3) computes the next session key from the start key and the current one and
 * re-keys RC4 with it.
 *
 * Stateless mode: the key changes before every packet, the first (coherency count 0)
 * included, and every packet carries FLUSHED; a receiver applies as many key changes as the
 * coherency count advanced (\RFC{3078} s.8.1), as Linux ppp_mppe does.
 *
 * Stateful mode: the RC4 state runs on across packets; the key changes before the "flag"
 * packet whose coherency count ends in 0xFF (\RFC{3078} s.7.2), which is also sent with FLUSHED
 * as Linux expects. The first packet is encrypted with session key 0 and FLUSHED clear. After
 * a CCP Reset-Request the sender re-initialises RC4 with the current session key and sets
 * FLUSHED on its next packet; a receiver that detected a loss drops packets until one with
 * FLUSHED arrives, applies the key changes of the flag packets it missed, re-initialises RC4
 * with the current key and decrypts (\RFC{3078} s.8.2). A FLUSHED packet that arrives after a
 * gap is decrypted at once (its sender re-initialised its tables), without a Reset-Request.
 * (Linux instead changes the key on a Reset-Request; this class follows the RFC.)
 *
 * Coherency counts are 12 bits; a gap of 4096 or more packets cannot be seen.
 */
class MppeSessionKey
{
  public:
    static constexpr uint16_t COHERENCY_COUNT_MODULUS = 4096; //!< counts run 0 to 4095
    static constexpr uint16_t COHERENCY_COUNT_MASK = 0x0fff;  //!< the 12 count bits

    /** \brief An uninitialised state; Initialize() before use. */
    MppeSessionKey();

    /**
     * \brief A state at the start of a session; see Initialize().
     * \param startKey the direction's start key (MppeKeys::GetAsymmetricStartKey())
     * \param strength the negotiated strength
     * \param stateless whether stateless mode was negotiated
     */
    MppeSessionKey(const MppeKey& startKey, MppeStrength strength, bool stateless);

    /**
     * \brief (Re)starts the session: session key 0, RC4 keyed with it, no packet yet (the
     * last coherency count is 4095, so the first packet is number 0).
     * \param startKey the direction's start key, of MppeKeys::KeyLength(strength) octets
     * \param strength the negotiated strength
     * \param stateless whether stateless mode was negotiated
     */
    void Initialize(const MppeKey& startKey, MppeStrength strength, bool stateless);

    /**
     * \brief Whether Initialize() was called.
     * \return true once initialised
     */
    bool IsInitialized() const;

    /**
     * \brief The strength.
     * \return the strength given to Initialize()
     */
    MppeStrength GetStrength() const;

    /**
     * \brief The mode.
     * \return true for stateless mode
     */
    bool IsStateless() const;

    /**
     * \brief The start key.
     * \return the start key given to Initialize()
     */
    const MppeKey& GetStartKey() const;

    /**
     * \brief The current session key.
     * \return the key RC4 was last keyed with by a key change (or session key 0)
     */
    const MppeKey& GetSessionKey() const;

    /**
     * \brief The coherency count of the last packet sent or received in sync.
     * \return 0 to 4095; 4095 before the first packet
     */
    uint16_t GetCoherencyCount() const;

    /**
     * \brief Key changes since Initialize().
     * \return how many
     */
    uint64_t GetKeyChangeCount() const;

    /**
     * \brief One key change (\RFC{3078} s.7.3); RC4 is re-initialised with the new key.
     */
    void ChangeKey();

    /**
     * \brief Several key changes.
     * \param count how many
     */
    void ChangeKeys(uint32_t count);

    /**
     * \brief Re-initialises the RC4 tables with the current session key (a FLUSHED packet).
     */
    void ResetRc4();

    /**
     * \brief Runs the RC4 key stream over data in place (encrypts and decrypts alike).
     * \param data the octets
     * \param length how many
     */
    void Process(uint8_t* data, std::size_t length);

    /**
     * \brief Sender: a CCP Reset-Request arrived; the next packet re-initialises RC4 and
     * carries FLUSHED (stateful mode; stateless packets always do).
     */
    void RequestFlush();

    /**
     * \brief Sender: encrypts the next packet in place, changing the key first as the mode
     * requires.
     * \param data the packet from its PPP protocol field on
     * \param length its length
     * \param flushed set to whether the packet must carry the FLUSHED bit
     * \return the packet's coherency count
     */
    uint16_t Encrypt(uint8_t* data, std::size_t length, bool& flushed);

    /**
     * \brief How many key changes take a state in sync with coherency count lastCount to
     * coherency count newCount: every packet between them in stateless mode, every flag
     * packet (count ending in 0xFF) in the interval (lastCount, newCount] in stateful mode.
     * Counts are taken modulo 4096, going forward from lastCount.
     * \param lastCount the last count the state is in sync with
     * \param newCount the count to reach
     * \param stateless the mode
     * \return the number of key changes
     */
    static uint32_t CountKeyChanges(uint16_t lastCount, uint16_t newCount, bool stateless);

    /**
     * \brief Receiver: brings the key state to the given coherency count (the key changes of
     * CountKeyChanges()), re-initialises RC4 with the resulting key and leaves the discard
     * state. Before any packet (after Initialize()), SynchroniseTo(n) applies the key changes
     * of packets 0 to n, so it yields the key a sender has after sending them (n = 4095
     * included); afterwards the same count again means no key change.
     * \param coherencyCount the count of the packet about to be decrypted
     */
    void SynchroniseTo(uint16_t coherencyCount);

    /**
     * \brief Receiver: decrypts one packet in place if the key state allows it.
     * \param data the encrypted data after the MPPE header
     * \param length its length
     * \param coherencyCount the packet's coherency count (only its 12 low bits are used)
     * \param flushed the packet's FLUSHED bit
     * \return what was done; on anything but DECRYPTED the data are untouched
     */
    MppeDecryptResult Decrypt(uint8_t* data,
                              std::size_t length,
                              uint16_t coherencyCount,
                              bool flushed);

    /**
     * \brief Receiver: whether a loss was detected and no FLUSHED packet came since.
     * \return true while discarding
     */
    bool IsDiscarding() const;

  private:
    MppeKey m_startKey;      //!< the direction's start key
    MppeKey m_sessionKey;    //!< the current session key
    MppeStrength m_strength; //!< the strength
    bool m_stateless;        //!< stateless mode
    bool m_initialized;      //!< Initialize() was called
    Rc4 m_rc4;               //!< the RC4 tables
    uint16_t m_ccount;       //!< last coherency count sent or received in sync
    bool m_flushPending;     //!< sender: a Reset-Request asks for a FLUSHED packet
    bool m_discarding;       //!< receiver: waiting for a FLUSHED packet
    bool m_hasPacket;        //!< a packet was sent or received in sync since Initialize()
    uint64_t m_keyChanges;   //!< key changes since Initialize()
};

} // namespace ns3

#endif /* MPPE_SESSION_KEY_H */
