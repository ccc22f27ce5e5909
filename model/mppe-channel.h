/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MPPE_CHANNEL_H
#define MPPE_CHANNEL_H

#include "mppe-keys.h"
#include "mppe-session-key.h"

#include "ns3/callback.h"
#include "ns3/object.h"
#include "ns3/packet.h"
#include "ns3/ptr.h"
#include "ns3/traced-callback.h"

#include <array>
#include <cstdint>
#include <ostream>
#include <vector>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief Both directions of Microsoft Point-to-Point Encryption on one PPP link: the MPPE
 * data packets of \RFC{3078} s.3 with the keys of \RFC{3079}.
 *
 * Start() derives the two start keys from the MS-CHAPv2 master key: this side's send key is
 * MppeKeys::GetAsymmetricStartKey(master, strength, SEND, side), its receive key the one of
 * (RECEIVE, side), so a CLIENT channel and a SERVER channel started with the same master key
 * talk to each other (\RFC{3079}'s "SendStartKey" is the server's send key, the client's
 * receive key). The RC4 state of each direction is an MppeSessionKey, which owns the key
 * changes, the FLUSHED logic and the coherency counts of both modes.
 *
 * Encrypt() takes the inner PPP frame from its protocol field on (00 21 + an IPv4 datagram,
 * or 21 + datagram with PFC) and returns the MPPE header (A = FLUSHED as the session key
 * decides, B = 0, C = 0, D = 1, the 12-bit coherency count) followed by the encrypted frame;
 * the caller adds the PPP header of protocol 0x00FD. Decrypt() takes the information field
 * of a received 0x00FD frame and returns the inner frame, or nullptr when the packet is
 * dropped. Every drop is counted and traced ("Drop") with its DropReason: MALFORMED (fewer
 * than 3 octets, or the MPPC bit B set), NOT_STARTED, NOT_ENCRYPTED (D clear), COMPRESSED
 * (C set: MPPC, \RFC{2118}, is not modelled), LOSS_DETECTED (stateful mode: the coherency
 * count is not the next one; the reset-request callback is called so that CCP sends a
 * Reset-Request, \RFC{3078} s.8.2), DISCARDED (stateful mode: waiting for a FLUSHED packet
 * after a loss) and NOT_FLUSHED (stateless mode: every packet must carry FLUSHED, \RFC{3078}
 * s.3.1). MPPE has no integrity check: a packet encrypted with other keys decrypts to
 * garbage, which the layer above must catch (PptpNetDevice checks the inner protocol and the
 * IPv4 header).
 *
 * ReceiveResetRequest() is the peer's CCP Reset-Request: the sender re-initialises its RC4
 * tables and sets FLUSHED on its next packet. "Resynchronized" fires when a packet is
 * decrypted after a gap in the coherency counts or after a detected loss (in stateless mode
 * the packet after a gap is decrypted at once, so a gap costs only the packets lost);
 * "KeyChange" fires for each packet before which a direction changed its session key (once
 * per packet, also when a receiver catches up on several key changes).
 *
 * Per packet the channel copies the octets once into a scratch buffer kept per direction,
 * runs RC4 in place and creates one Packet: nothing else is allocated. The ns-3 packet tags
 * and byte tags of the input are copied onto the output (byte tags moved with the octets
 * they cover: FlowMonitor's Ipv4FlowProbe finds its packets by a byte tag), and only when
 * the input has tags.
 */
class MppeChannel : public Object
{
  public:
    /**
     * \ingroup pptp
     * \brief Why Decrypt() dropped a packet.
     */
    enum DropReason : uint8_t
    {
        MALFORMED = 0,     //!< no MPPE header and data, or the MPPC bit B set
        NOT_STARTED,       //!< Decrypt() before Start() or after Stop()
        NOT_ENCRYPTED,     //!< bit D clear
        COMPRESSED,        //!< bit C set: MPPC is not modelled
        LOSS_DETECTED,     //!< stateful: unexpected coherency count; a Reset-Request is asked
        DISCARDED,         //!< stateful: waiting for a FLUSHED packet after a loss
        NOT_FLUSHED,       //!< stateless: a packet without FLUSHED
        DROP_REASON_COUNT, //!< number of reasons (not a reason)
    };

    /**
     * \brief The name of a drop reason, e.g. "LOSS_DETECTED".
     * \param reason the reason
     * \return a static string; never null
     */
    static const char* DropReasonName(DropReason reason);

    /**
     * \brief Signature of the "Drop" trace source.
     * \param payload the information field of the dropped 0x00FD frame
     * \param reason why it was dropped
     */
    typedef void (*DropTracedCallback)(Ptr<const Packet> payload, DropReason reason);
    /**
     * \brief Signature of the "Resynchronized" trace source.
     * \param coherencyCount the count of the packet that brought the receiver in sync
     */
    typedef void (*ResynchronizedTracedCallback)(uint16_t coherencyCount);
    /**
     * \brief Signature of the "KeyChange" trace source.
     * \param direction SEND or RECEIVE
     * \param coherencyCount the count of the packet before which the key changed
     */
    typedef void (*KeyChangeTracedCallback)(MppeDirection direction, uint16_t coherencyCount);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /** \brief A channel that is not started. */
    MppeChannel();
    ~MppeChannel() override;

    /**
     * \brief Starts (or restarts) both directions with fresh session state.
     * \param masterKey the MS-CHAPv2 master key (MppeKeys::GetMasterKey())
     * \param side this end of the link: CLIENT (authenticated itself) or SERVER
     * \param strength the negotiated strength
     * \param stateless whether stateless mode (the H bit) was negotiated
     */
    void Start(const MppeKeys::MasterKey& masterKey,
               MppeSide side,
               MppeStrength strength,
               bool stateless);
    /**
     * \brief Stops the channel: Encrypt() returns nullptr and Decrypt() drops (NOT_STARTED)
     * until the next Start(). The counters are kept.
     */
    void Stop();
    /**
     * \brief Whether Start() was called and Stop() not since.
     * \return true when started
     */
    bool IsStarted() const;
    /**
     * \brief The strength given to the last Start().
     * \return the strength
     */
    MppeStrength GetStrength() const;
    /**
     * \brief The mode given to the last Start().
     * \return true for stateless mode
     */
    bool IsStateless() const;
    /**
     * \brief The side given to the last Start().
     * \return CLIENT or SERVER
     */
    MppeSide GetSide() const;

    /**
     * \brief Encrypts one inner PPP frame.
     * \param inner the frame from its protocol field on
     * \return the MPPE header and the encrypted frame (without the PPP header 0x00FD), or
     * nullptr when the channel is not started
     */
    Ptr<Packet> Encrypt(Ptr<const Packet> inner);
    /**
     * \brief Encrypts a datagram with its inner protocol field, without adding that field
     * to the datagram first: the same as Encrypt() of the datagram behind
     * PppFrameHeader(protocol) without Address and Control.
     * \param datagram the datagram (e.g. an IPv4 packet)
     * \param protocol its valid PPP protocol number
     * \param compressProtocol send a protocol below 0x100 as one octet (PFC)
     * \return as Encrypt()
     */
    Ptr<Packet> EncryptDatagram(Ptr<const Packet> datagram,
                                uint16_t protocol,
                                bool compressProtocol);
    /**
     * \brief Decrypts one received MPPE packet.
     * \param payload the information field of a 0x00FD frame (MPPE header and data)
     * \return the inner frame (protocol field and data), or nullptr when dropped
     */
    Ptr<Packet> Decrypt(Ptr<const Packet> payload);

    /**
     * \brief Set what to call when the receiver detects a loss in stateful mode (CCP then
     * sends a Reset-Request, \RFC{3078} s.8.2).
     * \param callback the function; null for none
     */
    void SetResetRequestCallback(Callback<void> callback);
    /**
     * \brief The peer's CCP Reset-Request arrived: the next packet sent re-initialises the
     * RC4 tables and carries FLUSHED (\RFC{3078} s.8.2; in stateless mode every packet does
     * already).
     */
    void ReceiveResetRequest();

    /**
     * \brief Packets Encrypt() returned.
     * \return the count
     */
    uint64_t GetPacketsEncrypted() const;
    /**
     * \brief Packets Decrypt() returned.
     * \return the count
     */
    uint64_t GetPacketsDecrypted() const;
    /**
     * \brief Drops for one reason.
     * \param reason the reason
     * \return the count
     */
    uint64_t GetDropCount(DropReason reason) const;
    /**
     * \brief Reset-Requests asked for through the callback (losses detected).
     * \return the count
     */
    uint64_t GetResetRequestsSent() const;
    /**
     * \brief ReceiveResetRequest() calls.
     * \return the count
     */
    uint64_t GetResetRequestsReceived() const;
    /**
     * \brief Packets decrypted after a gap or a detected loss ("Resynchronized").
     * \return the count
     */
    uint64_t GetResynchronizations() const;

    /**
     * \brief The send direction's state, for inspection.
     * \return the session key state
     */
    const MppeSessionKey& GetSendKey() const;
    /**
     * \brief The receive direction's state, for inspection.
     * \return the session key state
     */
    const MppeSessionKey& GetReceiveKey() const;

  protected:
    void DoDispose() override;

  private:
    /**
     * \brief Encrypts a prefix and a packet's octets into one MPPE packet.
     * \param prefix octets placed before the packet's (the inner protocol field)
     * \param prefixLength 0 to 2
     * \param packet the rest of the inner frame
     * \return the MPPE packet, or nullptr when not started
     */
    Ptr<Packet> EncryptWithPrefix(const uint8_t* prefix,
                                  uint32_t prefixLength,
                                  Ptr<const Packet> packet);
    /**
     * \brief Count, trace and log a drop.
     * \param payload the dropped packet
     * \param reason why
     */
    void Drop(Ptr<const Packet> payload, DropReason reason);
    /**
     * \brief Copies the packet tags and the byte tags of one packet onto another, the byte
     * tags moved by a number of octets and clipped to the target.
     * \param from the source
     * \param to the target
     * \param shift where octet 0 of from lies in to (negative: before its start)
     */
    static void CopyTags(Ptr<const Packet> from, Ptr<const Packet> to, int32_t shift);

    MppeSessionKey m_send;                           //!< this side's send direction
    MppeSessionKey m_receive;                        //!< this side's receive direction
    MppeSide m_side;                                 //!< side given to Start()
    bool m_started;                                  //!< between Start() and Stop()
    std::vector<uint8_t> m_txScratch;                //!< reusable buffer for Encrypt
    std::vector<uint8_t> m_rxScratch;                //!< reusable buffer for Decrypt
    Callback<void> m_resetRequest;                   //!< asks CCP for a Reset-Request
    uint64_t m_encrypted;                            //!< packets encrypted
    uint64_t m_decrypted;                            //!< packets decrypted
    uint64_t m_resetRequestsSent;                    //!< losses reported through the callback
    uint64_t m_resetRequestsReceived;                //!< ReceiveResetRequest() calls
    uint64_t m_resynchronizations;                   //!< packets decrypted after a gap or loss
    std::array<uint64_t, DROP_REASON_COUNT> m_drops; //!< drops by reason

    TracedCallback<Ptr<const Packet>, DropReason> m_dropTrace; //!< every drop
    TracedCallback<uint16_t> m_resynchronizedTrace;            //!< back in sync
    TracedCallback<MppeDirection, uint16_t> m_keyChangeTrace;  //!< session key changes
};

/**
 * \ingroup pptp
 * \brief Prints MppeChannel::DropReasonName().
 * \param os the stream
 * \param reason the reason
 * \return the stream
 */
std::ostream& operator<<(std::ostream& os, MppeChannel::DropReason reason);

} // namespace ns3

#endif /* MPPE_CHANNEL_H */
