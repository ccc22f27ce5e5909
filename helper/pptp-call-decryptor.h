/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_CALL_DECRYPTOR_H
#define PPTP_CALL_DECRYPTOR_H

#include "mppe-keys.h"
#include "mschapv2-dictionary-attack.h"
#include "mschapv2.h"
#include "pptp-captured-call.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief The MPPE keys of one call, derived from its MS-CHAPv2 exchange and the password
 * (\RFC{3079} s.3).
 *
 * \RFC{3079} names keys from the server's side: its "SendStartKey" is the server's send key,
 * which is the client's receive key; so the key of client-to-server frames is the client's
 * send key, which is the server's receive key.
 */
struct PptpCallKeys
{
    MsChapV2::PasswordHash passwordHash{};     //!< NtPasswordHash(password)
    MsChapV2::PasswordHash passwordHashHash{}; //!< HashNtPasswordHash() of it
    MppeKeys::MasterKey masterKey{};           //!< GetMasterKey()
    MppeKey clientSendStartKey; //!< client-to-server frames (the server's receive key)
    MppeKey serverSendStartKey; //!< server-to-client frames (the client's receive key)
};

/**
 * \ingroup pptp
 * \brief One frame decrypted by PptpCallDecryptor.
 */
struct PptpDecryptedFrame
{
    double time{0};                 //!< capture time (s)
    PptpFrameDirection direction{}; //!< which way it went
    uint16_t coherencyCount{0};     //!< its MPPE coherency count
    uint16_t protocol{0};           //!< the inner PPP protocol (0 if it did not decode)
    std::size_t headerSize{0};      //!< octets of the inner protocol field
    std::vector<uint8_t> data;      //!< the plaintext: the inner protocol field and datagram

    /**
     * \brief The inner IPv4 datagram, when protocol is IPv4 and it is well formed.
     * \param ip receives the view into data
     * \return false otherwise
     */
    bool GetIpv4(PptpIpv4View& ip) const;
};

/**
 * \ingroup pptp
 * \brief Derives a captured call's MPPE keys from a password and decrypts its frames, the way
 * each end would: one model/mppe-channel.h MppeChannel per direction, started as the receiving
 * end (the server for client-to-server frames, the client for the others) with the strength
 * and mode the call's CCP negotiated, fed the frames in capture order (stateless and stateful
 * modes, key changes and FLUSHED resynchronisation as MppeChannel does them).
 */
class PptpCallDecryptor
{
  public:
    /**
     * \brief The key chain of \RFC{3079} s.3.4 from the password.
     * \param exchange the MS-CHAPv2 exchange (its NT-Response)
     * \param password the password
     * \param strength the key strength
     * \return the keys
     */
    static PptpCallKeys DeriveKeys(const MsChapV2Exchange& exchange,
                                   const std::string& password,
                                   MppeStrength strength);

    /**
     * \brief Derive the keys and decrypt every MPPE frame of a call.
     * \param call the captured call (its exchange, MPPE bits and frames)
     * \param password the password
     */
    PptpCallDecryptor(const PptpCapturedCall& call, const std::string& password);

    /**
     * \brief The keys.
     * \return the keys derived for the call's strength
     */
    const PptpCallKeys& GetKeys() const;

    /**
     * \brief The decrypted frames, in capture order.
     * \return the frames
     */
    const std::vector<PptpDecryptedFrame>& GetFrames() const;

    /**
     * \brief Frames decrypted in one direction.
     * \param direction the direction
     * \return the count
     */
    uint64_t GetDecryptedCount(PptpFrameDirection direction) const;

    /**
     * \brief Frames MppeChannel refused in one direction (loss, discard, not flushed...).
     * \param direction the direction
     * \return the count
     */
    uint64_t GetFailedCount(PptpFrameDirection direction) const;

    /**
     * \brief Decrypted frames of one direction whose plaintext is a well-formed IPv4
     * datagram: the evidence that the key was right.
     * \param direction the direction
     * \return the count
     */
    uint64_t GetIpv4Count(PptpFrameDirection direction) const;

  private:
    PptpCallKeys m_keys;                      //!< the derived keys
    std::vector<PptpDecryptedFrame> m_frames; //!< the plaintexts
    uint64_t m_decrypted[2]{0, 0};            //!< by direction
    uint64_t m_failed[2]{0, 0};               //!< by direction
    uint64_t m_ipv4[2]{0, 0};                 //!< by direction
};

} // namespace ns3

#endif /* PPTP_CALL_DECRYPTOR_H */
