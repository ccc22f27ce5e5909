/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPP_LCP_H
#define PPP_LCP_H

#include "ppp-auth-method.h"
#include "ppp-automaton.h"

#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/packet.h"
#include "ns3/ptr.h"
#include "ns3/random-variable-stream.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief The Link Control Protocol (\RFC{1661} s.5-6) of a PPP link inside a PPTP tunnel.
 *
 * Our Configure-Request carries, in pppd's order: Maximum-Receive-Unit (when the "Mru"
 * Attribute is not the default 1500), Authentication-Protocol (the authenticator's
 * SetRequiredAuthentication()), Magic-Number, Protocol-Field-Compression and
 * Address-and-Control-Field-Compression. PPTP's GRE link is synchronous, so no
 * Async-Control-Character-Map is requested.
 *
 * The peer's request: an MRU of 128 or more is accepted (a smaller one is Nak'ed with 128,
 * as pppd does); PFC and ACFC are accepted when our Attribute allows them, else rejected;
 * an Authentication-Protocol naming a method SetAcceptedAuthentication() accepts is acked,
 * another one is Nak'ed with the strongest accepted method (MS-CHAPv2, then CHAP-MD5, then
 * PAP), and the option is rejected when no method is accepted; a Magic-Number equal to ours
 * (or zero) is Nak'ed with a fresh random value (s.6.4); every other option (ACCM, Quality,
 * Callback, multilink options, unknown types) is rejected.
 *
 * Loop-back: after 5 consecutive requests carrying our own Magic-Number the link is taken to
 * be looped back: trace "LoopbackDetected" and Close("loopback").
 *
 * The authenticator keeps requesting its own method whatever a Nak suggests (the peer's
 * Max-Failure then turns its Nak into a Reject); a Reject of the Authentication-Protocol
 * option means the peer will not authenticate: trace "AuthenticationRefused" and
 * Close("authentication refused").
 *
 * In OPENED: Echo-Requests are answered with our Magic-Number; Echo-Requests are sent every
 * "EchoInterval", and when "EchoFailure" of them are unanswered at the time the next is due,
 * the peer is dead: trace "PeerDead" and Close("peer not responding"). A Protocol-Reject of
 * LCP is the RXJ- event; of another protocol it goes to the owner's callback
 * (SetProtocolRejectCallback()), which routes it as RXJ- to that protocol.
 */
class PppLcp : public PppAutomaton
{
  public:
    /**
     * \brief TracedCallback signature of an event without arguments ("PeerDead",
     * "LoopbackDetected", "AuthenticationRefused").
     */
    typedef void (*EventTracedCallback)();

    /**
     * \brief TracedCallback signature of the round-trip time of an answered Echo-Request.
     * \param rtt the time from the Echo-Request to its Echo-Reply
     */
    typedef void (*RttTracedCallback)(Time rtt);

    /// Consecutive requests with our own Magic-Number that mean the link is looped back.
    static constexpr uint32_t LOOPBACK_LIMIT = 5;

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /** \brief LCP in the Initial state, without authentication. */
    PppLcp();
    ~PppLcp() override;

    /**
     * \brief Use fixed random streams.
     * \param stream the first stream index
     * \return the number of streams used (1)
     */
    int64_t AssignStreams(int64_t stream);

    /**
     * \brief The authenticator's side: the method our Configure-Request asks the peer to
     * use (NONE: no Authentication-Protocol option). Set before Open().
     * \param method the method
     */
    void SetRequiredAuthentication(PppAuthMethod method);
    /**
     * \brief The peer's side: the methods we agree to authenticate ourselves with when the
     * peer's request names them. Set before Open().
     * \param pap PAP
     * \param chapMd5 CHAP with MD5
     * \param msChapV2 MS-CHAPv2
     */
    void SetAcceptedAuthentication(bool pap, bool chapMd5, bool msChapV2);

    /**
     * \brief Set the function told of a Protocol-Reject received in OPENED for a protocol
     * other than LCP.
     * \param callback called with the rejected protocol number
     */
    void SetProtocolRejectCallback(Callback<void, uint16_t> callback);

    /**
     * \brief Reject a frame of a protocol we do not support (only in OPENED, \RFC{1661} s.5.7).
     * \param protocol the frame's protocol number
     * \param information the frame after its protocol field (truncated to fit the peer's MRU)
     */
    void SendProtocolReject(uint16_t protocol, Ptr<const Packet> information);

    /** \brief \return the MRU the peer asked for (1500 when it did not) */
    uint16_t GetPeerMru() const;
    /** \brief \return whether the peer asked for ACFC and we acked it: we may omit FF 03 */
    bool GetSendAcfc() const;
    /** \brief \return whether the peer asked for PFC and we acked it: we may send 1-octet
     * protocols */
    bool GetSendPfc() const;
    /** \brief \return whether the peer acked our ACFC: it may omit FF 03 */
    bool GetReceiveAcfc() const;
    /** \brief \return whether the peer acked our PFC: it may send 1-octet protocols */
    bool GetReceivePfc() const;
    /** \brief \return the method we require of the peer, as the peer acked it (NONE if none) */
    PppAuthMethod GetLocalAuthMethod() const;
    /** \brief \return the method the peer requires of us, as we acked it (NONE if none) */
    PppAuthMethod GetPeerAuthMethod() const;
    /** \brief \return our Magic-Number (0 when none is negotiated) */
    uint32_t GetLocalMagic() const;
    /** \brief \return the peer's Magic-Number (0 when it sent none) */
    uint32_t GetPeerMagic() const;

    /** \brief \return Echo-Requests sent */
    uint64_t GetEchoRequestsSent() const;
    /** \brief \return Echo-Replies received (with a Magic-Number not ours) */
    uint64_t GetEchoRepliesReceived() const;
    /** \brief \return requests seen with our own Magic-Number */
    uint64_t GetLoopbackDetections() const;

  protected:
    void DoDispose() override;
    /** \brief Start the request over from the Attributes and forget the last results. */
    void BeginNegotiation() override;
    std::vector<PppOption> BuildConfigureRequest() override;
    RequestVerdict ProcessConfigureRequest(const std::vector<PppOption>& options,
                                           std::vector<PppOption>& reply) override;
    void ProcessConfigureAck(const std::vector<PppOption>& options) override;
    void ProcessConfigureNak(const std::vector<PppOption>& options) override;
    void ProcessConfigureReject(const std::vector<PppOption>& options) override;
    void ThisLayerUp() override;
    void ThisLayerDown() override;
    void ThisLayerFinished() override;
    void ReceiveOtherCode(const PppControlPacket& packet) override;

  private:
    /**
     * \brief A random non-zero Magic-Number different from \p avoid.
     * \param avoid a value not to return
     * \return the number
     */
    uint32_t DrawMagic(uint32_t avoid);
    /**
     * \brief The strongest accepted method.
     * \return NONE when no method is accepted
     */
    PppAuthMethod StrongestAccepted() const;
    /**
     * \brief Whether we accept a method.
     * \param method the method
     * \return true when accepted
     */
    bool Accepts(PppAuthMethod method) const;
    void SendEchoRequest(); //!< the keep-alive timer
    void StopEcho();        //!< cancel the keep-alive

    // Attributes
    uint16_t m_mru;         //!< MRU we ask for
    bool m_magicNumber;     //!< request a Magic-Number
    bool m_acfc;            //!< request and accept ACFC
    bool m_pfc;             //!< request and accept PFC
    Time m_echoInterval;    //!< keep-alive period (0: off)
    uint32_t m_echoFailure; //!< unanswered Echo-Requests before the peer is dead

    // Configuration set by the owner
    PppAuthMethod m_requiredAuth;                      //!< method we require
    bool m_acceptPap;                                  //!< PAP accepted
    bool m_acceptChapMd5;                              //!< CHAP-MD5 accepted
    bool m_acceptMsChapV2;                             //!< MS-CHAPv2 accepted
    Callback<void, uint16_t> m_protocolRejectCallback; //!< Protocol-Reject of another protocol

    // What our next Configure-Request carries
    bool m_requestMru;          //!< carry MRU
    uint16_t m_requestMruValue; //!< its value
    bool m_requestAuth;         //!< carry Authentication-Protocol
    bool m_requestMagic;        //!< carry Magic-Number
    bool m_requestPfc;          //!< carry PFC
    bool m_requestAcfc;         //!< carry ACFC
    uint32_t m_localMagic;      //!< our Magic-Number

    // Results
    uint16_t m_peerMru;        //!< peer's MRU
    bool m_sendAcfc;           //!< peer's ACFC acked
    bool m_sendPfc;            //!< peer's PFC acked
    bool m_receiveAcfc;        //!< our ACFC acked
    bool m_receivePfc;         //!< our PFC acked
    PppAuthMethod m_localAuth; //!< our auth request acked
    PppAuthMethod m_peerAuth;  //!< peer's auth request acked
    uint32_t m_peerMagic;      //!< peer's Magic-Number
    bool m_magicAcked;         //!< our Magic-Number acked

    // Loop-back and keep-alive
    uint32_t m_loopbackRun;         //!< consecutive requests with our magic
    uint64_t m_loopbackDetections;  //!< all such requests
    EventId m_echoEvent;            //!< next Echo-Request
    uint32_t m_echoUnanswered;      //!< Echo-Requests unanswered since the last reply
    uint8_t m_echoIdentifier;       //!< identifier of the last Echo-Request
    Time m_echoSentAt;              //!< when it was sent
    uint64_t m_echoRequestsSent;    //!< Echo-Requests sent
    uint64_t m_echoRepliesReceived; //!< Echo-Replies received

    Ptr<UniformRandomVariable> m_random; //!< draws Magic-Numbers

    TracedCallback<> m_peerDeadTrace;              //!< keep-alive failed
    TracedCallback<> m_loopbackTrace;              //!< loop-back detected
    TracedCallback<> m_authenticationRefusedTrace; //!< peer rejected our auth option
    TracedCallback<Time> m_echoRttTrace;           //!< answered echo
};

} // namespace ns3

#endif /* PPP_LCP_H */
