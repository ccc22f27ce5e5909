/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPP_AUTH_PROTOCOL_H
#define PPP_AUTH_PROTOCOL_H

#include "mppe-keys.h"
#include "ppp-auth-method.h"
#include "pptp-wire-error.h"

#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/packet.h"
#include "ns3/ptr.h"
#include "ns3/random-variable-stream.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief What both roles of PPP authentication share (PAP, \RFC{1334} s.2; CHAP, \RFC{1994};
 * MS-CHAPv2, \RFC{2759}): the owner's interface (method, send and result callbacks, Start,
 * Stop, Receive), the dispatch of received packets by protocol, the Restart timer that repeats
 * the packet this role sends first, the Timeout that bounds the whole authentication, the
 * reporting of the result, the \RFC{3079} s.3.4 master key, and the Tx, Rx, Discarded and
 * Malformed trace sources with their counters.
 *
 * Not created by itself: PppAuthPeer (the client) and PppAuthenticator (the server) derive
 * from it and register their own State and Result trace sources and their Attributes (whose
 * values may live here).
 */
class PppAuthProtocol : public Object
{
  public:
    /** \brief Sends one packet: the PPP protocol (PAP or CHAP) and the packet from its Code on. */
    typedef Callback<void, uint16_t, Ptr<Packet>> SendCallback;
    /**
     * \brief Told the result once: success, and a text (the peer: the authenticator's message
     * or the reason; the authenticator: the peer's name).
     */
    typedef Callback<void, bool, std::string> ResultCallback;

    /**
     * \brief TracedCallback signature of a packet sent, received or discarded.
     * \param protocol the PPP protocol (PAP or CHAP)
     * \param packet the packet from its Code on
     */
    typedef void (*PacketTracedCallback)(uint16_t protocol, Ptr<const Packet> packet);

    /**
     * \brief TracedCallback signature of a received packet that did not decode.
     * \param protocol the PPP protocol
     * \param packet the packet from its Code on
     * \param error why it did not decode
     */
    typedef void (*MalformedTracedCallback)(uint16_t protocol,
                                            Ptr<const Packet> packet,
                                            WireError error);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /** \brief Method MS-CHAPv2, not started. */
    PppAuthProtocol();
    ~PppAuthProtocol() override;

    /**
     * \brief Set the method; takes effect at the next Start().
     * \param method PAP, CHAP_MD5 or MSCHAPV2
     */
    void SetMethod(PppAuthMethod method);
    /** \brief \return the method */
    PppAuthMethod GetMethod() const;

    /**
     * \brief Set the function that sends the packets.
     * \param callback the function
     */
    void SetSendCallback(SendCallback callback);

    /**
     * \brief Set the function told the result.
     * \param callback the function
     */
    void SetResultCallback(ResultCallback callback);

    /**
     * \brief Begin (what is sent first depends on the role and the method). Starting again
     * restarts (timers, counts, no result yet); Identifiers continue.
     */
    void Start();

    /** \brief Stop: cancel the timers and discard what arrives from now on; no result. */
    void Stop();

    /**
     * \brief One received packet of PAP or CHAP.
     * \param protocol PppProtocol::PAP or PppProtocol::CHAP
     * \param packet the octets after the PPP protocol field
     */
    void Receive(uint16_t protocol, Ptr<Packet> packet);

    /**
     * \brief Use a fixed random stream for the challenges this role generates.
     * \param stream the stream index
     * \return the number of streams used (1)
     */
    int64_t AssignStreams(int64_t stream);

    /** \brief \return whether an MS-CHAPv2 success produced an MPPE master key */
    bool HasMppeMasterKey() const;
    /**
     * \brief The \RFC{3079} s.3.4 master key of the last MS-CHAPv2 success.
     * \return the key (all zero when HasMppeMasterKey() is false)
     */
    const MppeKeys::MasterKey& GetMppeMasterKey() const;

    /** \brief \return received packets that did not decode */
    uint64_t GetMalformedCount() const;
    /** \brief \return received packets discarded (wrong protocol or code, stale, out of state) */
    uint64_t GetDiscardedCount() const;

  protected:
    void DoDispose() override;

    /** \brief \return whether Start() was called and Stop() not since (the state is not INITIAL) */
    virtual bool IsStarted() const = 0;
    /** \brief \return whether the result is still to come (the Timeout applies) */
    virtual bool IsAwaitingResult() const = 0;
    /** \brief \return whether the packet repeated by the Restart timer is unanswered */
    virtual bool IsAwaitingReply() const = 0;
    /** \brief Called by Start() after the common reset: reset the role, enter its first state. */
    virtual void DoStart() = 0;
    /** \brief Enter the INITIAL state (Stop()). */
    virtual void EnterInitial() = 0;
    /**
     * \brief Enter SUCCEEDED or FAILED.
     * \param success the result
     */
    virtual void EnterResult(bool success) = 0;
    /**
     * \brief End with a failure this side decided.
     * \param reason "(timeout)" or "(no reply)"
     */
    virtual void Fail(const std::string& reason) = 0;
    /** \brief Send the next packet the Restart timer repeats (PAP request, CHAP Challenge). */
    virtual void Repeat() = 0;
    /**
     * \brief A received PAP packet, after the protocol checks.
     * \param packet the packet
     */
    virtual void ReceivePap(Ptr<Packet> packet) = 0;
    /**
     * \brief A received CHAP packet, after the protocol checks.
     * \param packet the packet
     */
    virtual void ReceiveChap(Ptr<Packet> packet) = 0;

    /**
     * \brief The PPP protocol of the method.
     * \return PppProtocol::PAP or PppProtocol::CHAP
     */
    uint16_t Protocol() const;
    /**
     * \brief Send a packet (traced).
     * \param packet the packet from its Code on
     */
    void Send(Ptr<Packet> packet);
    /**
     * \brief Send a packet that the Restart timer repeats: count it and arm the timer.
     * \param packet the packet from its Code on
     */
    void SendRepeated(Ptr<Packet> packet);
    /**
     * \brief Count, trace and drop a received packet.
     * \param protocol its protocol
     * \param packet the packet
     * \param why for the log
     */
    void Discard(uint16_t protocol, Ptr<const Packet> packet, const char* why);
    /**
     * \brief Count, trace and drop a packet that did not decode.
     * \param protocol its protocol
     * \param packet the packet
     * \param error the decoder's verdict
     */
    void Malformed(uint16_t protocol, Ptr<const Packet> packet, WireError error);
    /**
     * \brief Cancel the timers, enter the result state and tell the Result trace and the owner.
     * \param success the result
     * \param text what the owner is told with it
     */
    void ReportResult(bool success, const std::string& text);
    /**
     * \brief Fill a challenge: the SetNextChallenge() octets once, else random ones.
     * \param challenge receives the octets
     * \param size octets of a random challenge
     */
    void DrawChallenge(std::vector<uint8_t>& challenge, std::size_t size);

    PppAuthMethod m_method; //!< the method
    Time m_restartTimer;    //!< repetition interval of the first packet (subclass attribute)
    uint32_t m_maxSent;     //!< most repeated packets per Start() (subclass attribute)
    Time m_timeout;         //!< bound on the whole authentication (subclass attribute)
    EventId m_restartEvent; //!< Restart timer

    uint8_t m_identifier;                 //!< Identifier of the last request, Response or Challenge
    uint32_t m_sent;                      //!< repeated packets sent since Start()
    std::vector<uint8_t> m_nextChallenge; //!< SetNextChallenge() octets, empty when unset
    bool m_hasMasterKey;                  //!< whether m_masterKey is set
    MppeKeys::MasterKey m_masterKey;      //!< \RFC{3079} master key

    TracedCallback<PppAuthMethod, bool, std::string> m_resultTrace; //!< result

  private:
    /** \brief The Restart timer: repeat or give up. */
    void RestartTimeout();
    /** \brief The Timeout: fail unless already done. */
    void AuthenticationTimeout();

    SendCallback m_send;                 //!< sends packets
    ResultCallback m_result;             //!< told the result
    Ptr<UniformRandomVariable> m_random; //!< challenge octets
    EventId m_timeoutEvent;              //!< Timeout
    uint64_t m_malformed;                //!< malformed packets received
    uint64_t m_discarded;                //!< packets discarded

    TracedCallback<uint16_t, Ptr<const Packet>> m_txTrace;                   //!< packets sent
    TracedCallback<uint16_t, Ptr<const Packet>> m_rxTrace;                   //!< packets received
    TracedCallback<uint16_t, Ptr<const Packet>> m_discardTrace;              //!< discarded
    TracedCallback<uint16_t, Ptr<const Packet>, WireError> m_malformedTrace; //!< malformed
};

} // namespace ns3

#endif /* PPP_AUTH_PROTOCOL_H */
