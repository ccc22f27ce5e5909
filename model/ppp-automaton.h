/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPP_AUTOMATON_H
#define PPP_AUTOMATON_H

#include "ppp-control-packet.h"
#include "ppp-option.h"
#include "pptp-wire-error.h"

#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/packet.h"
#include "ns3/ptr.h"
#include "ns3/traced-callback.h"
#include "ns3/traced-value.h"

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief The ten states of the option negotiation automaton (\RFC{1661} s.4.2).
 */
enum class PppAutomatonState : uint8_t
{
    INITIAL = 0,  //!< lower layer down, no Open
    STARTING = 1, //!< lower layer down, Open
    CLOSED = 2,   //!< lower layer up, no Open
    STOPPED = 3,  //!< lower layer up, Open, waiting for the peer (after tlf)
    CLOSING = 4,  //!< Terminate-Request sent after a Close
    STOPPING = 5, //!< Terminate-Request sent, Open still in force
    REQ_SENT = 6, //!< Configure-Request sent
    ACK_RCVD = 7, //!< Configure-Request sent and acknowledged
    ACK_SENT = 8, //!< Configure-Request sent, the peer's acknowledged
    OPENED = 9,   //!< both Configure-Requests acknowledged
};

/**
 * \ingroup pptp
 * \brief The name of an automaton state, e.g. "REQ_SENT".
 * \param state the state
 * \return a static string; never null
 */
const char* PppAutomatonStateName(PppAutomatonState state);

/**
 * \ingroup pptp
 * \brief Prints PppAutomatonStateName().
 * \param os the stream
 * \param state the state
 * \return the stream
 */
std::ostream& operator<<(std::ostream& os, PppAutomatonState state);

/**
 * \ingroup pptp
 * \brief The option negotiation automaton of \RFC{1661} s.4, shared by LCP, IPCP and CCP:
 * all ten states, every event (Up, Down, Open, Close, TO+, TO-, RCR+, RCR-, RCA, RCN,
 * RTR, RTA, RUC, RXJ+, RXJ-, RXR), the Restart timer and the Max-Terminate,
 * Max-Configure and Max-Failure counters.
 *
 * A protocol derives from it and supplies only its options and policies through the
 * protected hooks: the options of its Configure-Request, its verdict on the peer's
 * Configure-Request, what it learns from a Configure-Ack, -Nak and -Reject, and the
 * this-layer actions (tlu, tld, tls, tlf). The automaton decides when a new negotiation
 * starts (BeginNegotiation(): the protocol restarts its request from its configuration) and
 * owns the deferred Close a hook may ask for (CloseSoon()). Codes beyond 1..7 (LCP's
 * Protocol-Reject, Echo and Discard, CCP's Reset) go to ReceiveOtherCode().
 *
 * Receive() takes one packet of the protocol (the bytes after the PPP protocol field). A
 * packet that does not decode is counted (GetMalformedCount()), traced ("Malformed") and
 * dropped; a code the protocol does not define is an RUC event (Code-Reject). A Configure-Ack,
 * -Nak or -Reject whose Identifier is not the one of the last Configure-Request sent is
 * silently discarded (s.5.2), as is a Configure-Ack whose options are not exactly those of
 * the request.
 *
 * Max-Failure: after that many Configure-Naks sent without a Configure-Ack, the options a
 * Nak would name are rejected instead (s.4.6).
 *
 * Sending goes through the send callback (SetSendCallback()): the protocol number and the
 * packet from Code on; the owner adds the PPP header. The callback must not deliver a packet
 * back into this automaton synchronously (schedule it).
 *
 * Order of the actions of one cell: the this-layer actions see the new state (tld in
 * CLOSING or STOPPING tells the owner that the link is terminating, not renegotiating);
 * a Configure-Request that starts a negotiation (from STARTING, CLOSED or STOPPED) is built
 * while GetState() still returns the old state; in a cell that leaves OPENED, tld comes
 * first and the state is then REQ_SENT (or STOPPING, CLOSING) for the rest. A Configure-Request
 * received in OPENED passes through REQ_SENT (tld, scr) before the verdict decides REQ_SENT
 * or ACK_SENT. When a hook or an owner's callback causes another event (e.g. Close() from
 * tlu), the rest of the first cell's actions are dropped. Responses are validated (the
 * Identifier of the last Configure-Request, the options of an Ack, a Reject's options among
 * the request's) in REQ_SENT, ACK_RCVD, ACK_SENT and OPENED; in CLOSED and STOPPED any
 * Configure-Ack/Nak/Reject is answered with a Terminate-Ack, as the table says. The [r]
 * and [p] options of s.4.1 are the "RestartOnOpen" and "Passive" Attributes (off).
 */
class PppAutomaton : public Object
{
  public:
    /**
     * \brief The protocol's verdict on a peer's Configure-Request.
     */
    enum class RequestVerdict : uint8_t
    {
        ACK,    //!< every option acceptable: Configure-Ack with the request's options
        NAK,    //!< some values unacceptable: Configure-Nak with the reply options
        REJECT, //!< some options not recognised or not negotiable: Configure-Reject
    };

    /**
     * \brief Sends one packet: the protocol number and the packet from its Code on.
     */
    typedef Callback<void, uint16_t, Ptr<Packet>> SendCallback;

    /**
     * \brief TracedValue callback signature of the state.
     * \param oldValue the previous state
     * \param newValue the new state
     */
    typedef void (*StateTracedCallback)(PppAutomatonState oldValue, PppAutomatonState newValue);

    /**
     * \brief TracedCallback signature of a control packet sent or received.
     * \param protocol the PPP protocol (LCP, IPCP, CCP)
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

    /**
     * \brief An automaton in the Initial state.
     * \param protocol PppProtocol::LCP, IPCP or CCP
     */
    explicit PppAutomaton(uint16_t protocol);
    ~PppAutomaton() override;

    /**
     * \brief Set the function that sends the automaton's packets.
     * \param callback the function
     */
    void SetSendCallback(SendCallback callback);

    /**
     * \brief Set the functions told of the this-layer actions, for the owner (the PPP
     * link): each is called after the protocol's own hook (ThisLayerUp() etc.). Null
     * callbacks are allowed.
     * \param up tlu: the automaton entered OPENED
     * \param down tld: the automaton left OPENED
     * \param finished tlf: the layer is done with the lower layer
     */
    void SetLayerCallbacks(Callback<void> up, Callback<void> down, Callback<void> finished);

    /** \brief \return the PPP protocol number of the automaton */
    uint16_t GetProtocol() const;
    /** \brief \return the state */
    PppAutomatonState GetState() const;
    /** \brief \return whether the state is OPENED */
    bool IsOpened() const;

    /** \brief The Up event: the lower layer is ready to carry packets. */
    void Up();
    /** \brief The Down event: the lower layer is no longer available. */
    void Down();
    /** \brief The Open event: the administrator allows the link to be opened. */
    void Open();
    /**
     * \brief The Close event: the link is not to be open (Terminate-Request when open).
     * \param reason put in the Terminate-Request's data (may be empty)
     */
    void Close(const std::string& reason);

    /**
     * \brief One received packet of the protocol.
     * \param packet the octets after the PPP protocol field
     */
    void Receive(Ptr<Packet> packet);

    /**
     * \brief LCP rejected this protocol (a Protocol-Reject naming it): the RXJ- event.
     */
    void ProtocolRejected();

    /** \brief \return received packets that did not decode */
    uint64_t GetMalformedCount() const;
    /** \brief \return Configure-Requests sent (retransmissions included) */
    uint64_t GetConfigureRequestsSent() const;
    /**
     * \brief \return events the table marks as illegal ('-') in the state they arrived in
     * (logged and ignored, \RFC{1661} s.4.4)
     */
    uint64_t GetIllegalEventCount() const;
    /**
     * \brief \return Configure-Ack, -Nak and -Reject packets silently discarded: wrong
     * Identifier, an Ack whose options are not those of the request, a Reject naming options
     * the request did not carry (\RFC{1661} s.5.2-5.4)
     */
    uint64_t GetDiscardedResponseCount() const;
    /**
     * \brief Whether the peer answered a packet of this code with a Code-Reject (RXJ+): the
     * protocol MUST stop sending that code (\RFC{1661} s.4.3).
     * \param code the packet code
     * \return true once rejected (until the automaton is disposed)
     */
    bool IsCodeRejected(uint8_t code) const;
    /**
     * \brief Set the largest packet (from the Code on) the peer receives: a Code-Reject
     * truncates the rejected packet to fit (\RFC{1661} s.5.6). LCP sets it from the
     * negotiated MRU; the default is 1500.
     * \param mru the peer's MRU (at least 128)
     */
    void SetPeerMru(uint16_t mru);

  protected:
    void DoDispose() override;

    /**
     * \brief The options of the next Configure-Request (called for every scr action).
     * \return the options
     */
    virtual std::vector<PppOption> BuildConfigureRequest() = 0;

    /**
     * \brief Judge a peer's Configure-Request (RCR+ or RCR-).
     * \param options the request's options, in order (unknown types included)
     * \param reply set to the options of the Nak or Reject (ignored for ACK)
     * \return the verdict
     */
    virtual RequestVerdict ProcessConfigureRequest(const std::vector<PppOption>& options,
                                                   std::vector<PppOption>& reply)
        = 0;

    /**
     * \brief The peer acknowledged our last Configure-Request (its options are ours).
     * \param options the acknowledged options
     */
    virtual void ProcessConfigureAck(const std::vector<PppOption>& options);

    /**
     * \brief The peer's Configure-Nak of our last request: adjust the next request.
     * \param options the Nak's options (values the peer prefers, options it wants added);
     * options that do not decode (PppOption::GetStatus() not NONE) are left out
     */
    virtual void ProcessConfigureNak(const std::vector<PppOption>& options) = 0;

    /**
     * \brief The peer's Configure-Reject of our last request: leave those options out.
     * \param options the rejected options
     */
    virtual void ProcessConfigureReject(const std::vector<PppOption>& options) = 0;

    /** \brief tlu: the automaton entered OPENED. */
    virtual void ThisLayerUp();
    /** \brief tld: the automaton left OPENED. */
    virtual void ThisLayerDown();
    /** \brief tls: the layer needs the lower layer (entering STARTING). */
    virtual void ThisLayerStarted();
    /** \brief tlf: the layer is done with the lower layer (INITIAL, CLOSED or STOPPED). */
    virtual void ThisLayerFinished();

    /**
     * \brief A received packet whose code is valid for the protocol but beyond 7 (e.g. LCP
     * Echo-Request, CCP Reset-Request). The default does nothing.
     * \param packet the decoded packet
     */
    virtual void ReceiveOtherCode(const PppControlPacket& packet);

    /**
     * \brief Send one packet of this protocol through the send callback.
     * \param packet the packet
     */
    void SendPacket(const PppControlPacket& packet);

    /**
     * \brief A fresh identifier for a packet this side originates.
     * \return the identifier
     */
    uint8_t NextIdentifier();

    /** \brief \return the options of the last Configure-Request sent */
    const std::vector<PppOption>& GetLastRequest() const;

    /**
     * \brief A new negotiation starts: called by the scr action just before
     * BuildConfigureRequest() when the request is not a continuation of the current
     * negotiation, i.e. the first request after the automaton was made, after tls, tld or
     * tlf, after RequestFreshNegotiation(), or a request sent outside REQ_SENT, ACK_RCVD and
     * ACK_SENT (as pppd's fsm_sconfreq decides when to reset its options). GetState() still
     * returns the state the request is sent from. The protocol restarts its request from its
     * configuration and forgets the results of the last negotiation. The default does
     * nothing.
     */
    virtual void BeginNegotiation();

    /**
     * \brief The configuration changed: the next Configure-Request starts a new negotiation
     * (BeginNegotiation() is called before it is built).
     */
    void RequestFreshNegotiation();

    /**
     * \brief \return whether the next Configure-Request starts a new negotiation whatever the
     * state (see BeginNegotiation())
     */
    bool IsFreshNegotiationPending() const;

    /**
     * \brief Close the automaton in an event of its own, for a hook that runs inside an
     * automaton event (e.g. a Reject handler, tlu). Does nothing while one is pending.
     * \param reason the reason of the Close
     * \return false when a deferred Close was already pending (this one is dropped)
     */
    bool CloseSoon(const std::string& reason);

    /** \brief \return whether a Close scheduled by CloseSoon() is pending */
    bool IsCloseSoonPending() const;

    /** \brief Cancel the Close scheduled by CloseSoon(), if any. */
    void CancelCloseSoon();

  private:
    /**
     * \brief Enter a state (logged with the event); stops the Restart timer when the new
     * state has none.
     * \param state the new state
     * \param event the name of the event that caused it, as \RFC{1661} s.4.1 writes it
     */
    void SetState(PppAutomatonState state, const char* event);
    /**
     * \brief The '-' cell: log, count, no transition.
     * \param event the name of the event
     */
    void IllegalEvent(const char* event);
    /**
     * \brief Start handling one event: counts it so that a hook that causes another event
     * can be detected (see Superseded()).
     * \return the event's serial number
     */
    uint64_t BeginEvent();
    /**
     * \brief Whether a hook called while handling the event \p serial caused another event,
     * which then decided the state: the rest of the first event's actions are dropped.
     * \param serial what BeginEvent() returned
     * \return true when superseded
     */
    bool Superseded(uint64_t serial) const;

    void DeferredClose(); //!< the Close scheduled by CloseSoon()

    void Tlu(); //!< tlu: hook, then the owner's callback
    void Tld(); //!< tld: a fresh negotiation, the hook, then the owner's callback
    void Tls(); //!< tls: a fresh negotiation, then the hook
    void Tlf(); //!< tlf: a fresh negotiation, the hook, then the owner's callback
    /**
     * \brief irc: the Restart counter to Max-Configure or Max-Terminate.
     * \param configure true for Max-Configure
     */
    void InitializeRestartCount(bool configure);
    void ZeroRestartCount();     //!< zrc: counter 0, timer restarted for one Restart period
    void SendConfigureRequest(); //!< scr
    /**
     * \brief sca: the Configure-Ack of a request.
     * \param identifier the request's identifier
     * \param options the request's options
     */
    void SendConfigureAck(uint8_t identifier, const std::vector<PppOption>& options);
    /**
     * \brief scn: a Configure-Nak or Configure-Reject.
     * \param code CONFIGURE_NAK or CONFIGURE_REJECT
     * \param identifier the request's identifier
     * \param options the reply options
     */
    void SendConfigureNak(uint8_t code, uint8_t identifier, const std::vector<PppOption>& options);
    void SendTerminateRequest(); //!< str (with the reason of the last Close)
    /**
     * \brief sta.
     * \param identifier the identifier of the packet answered
     */
    void SendTerminateAck(uint8_t identifier);
    /**
     * \brief scj: a Code-Reject of a received packet.
     * \param rejected the received packet, decoded with an unknown code
     */
    void SendCodeReject(const PppControlPacket& rejected);
    void StartRestartTimer();   //!< (re)start the Restart timer
    void RestartTimerExpired(); //!< TO+ or TO-

    /**
     * \brief RCR+ or RCR-.
     * \param packet the Configure-Request
     */
    void ReceiveConfigureRequest(const PppControlPacket& packet);
    /**
     * \brief Judge a request: the protocol's verdict, then Max-Failure.
     * \param options the request's options
     * \param reply set to the Nak or Reject options
     * \return the verdict
     */
    RequestVerdict Judge(const std::vector<PppOption>& options, std::vector<PppOption>& reply);
    /**
     * \brief Answer a judged request: sca or scn, with the Max-Failure count.
     * \param verdict the verdict
     * \param identifier the request's identifier
     * \param options the request's options
     * \param reply the Nak or Reject options
     */
    void Answer(RequestVerdict verdict,
                uint8_t identifier,
                const std::vector<PppOption>& options,
                const std::vector<PppOption>& reply);
    /**
     * \brief Whether a Configure-Ack/Nak/Reject answers the last request (identifier and, for
     * Ack and Reject, options); counts it as discarded otherwise.
     * \param packet the response
     * \return true when valid
     */
    bool IsValidResponse(const PppControlPacket& packet);
    /**
     * \brief RCA.
     * \param packet the Configure-Ack
     */
    void ReceiveConfigureAck(const PppControlPacket& packet);
    /**
     * \brief RCN.
     * \param packet the Configure-Nak or Configure-Reject
     */
    void ReceiveConfigureNak(const PppControlPacket& packet);
    /**
     * \brief RTR.
     * \param packet the Terminate-Request
     */
    void ReceiveTerminateRequest(const PppControlPacket& packet);
    /** \brief RTA. */
    void ReceiveTerminateAck();
    /**
     * \brief RUC.
     * \param packet the received packet, decoded with an unknown code
     */
    void ReceiveUnknownCode(const PppControlPacket& packet);
    /**
     * \brief A Code-Reject: RXJ- when it rejects a Configure-* or Terminate-* code, else
     * RXJ+ (and the code is not sent again).
     * \param packet the Code-Reject
     */
    void ReceiveCodeReject(const PppControlPacket& packet);
    /**
     * \brief RXJ+ or RXJ-.
     * \param catastrophic true for RXJ-
     */
    void ReceiveReject(bool catastrophic);
    /**
     * \brief RXR and the other codes beyond 7.
     * \param packet the packet
     */
    void ReceiveOther(const PppControlPacket& packet);

    uint16_t m_protocol;                    //!< LCP, IPCP or CCP
    TracedValue<PppAutomatonState> m_state; //!< the state
    SendCallback m_send;                    //!< sends a packet
    Callback<void> m_upCallback;            //!< owner's tlu
    Callback<void> m_downCallback;          //!< owner's tld
    Callback<void> m_finishedCallback;      //!< owner's tlf
    Time m_restartTime;                     //!< Restart timer period
    uint32_t m_maxConfigure;                //!< Max-Configure
    uint32_t m_maxTerminate;                //!< Max-Terminate
    uint32_t m_maxFailure;                  //!< Max-Failure
    bool m_restartOnOpen;                   //!< the [r] option of s.4.1
    bool m_passive;                         //!< the [p] option of s.4.1
    EventId m_restartEvent;                 //!< the Restart timer
    uint32_t m_restartCount;                //!< the Restart counter
    uint8_t m_identifier;                   //!< the next identifier
    uint8_t m_requestIdentifier;            //!< identifier of the last Configure-Request
    bool m_requestSent;                     //!< a Configure-Request was sent
    std::vector<PppOption> m_lastRequest;   //!< options of the last Configure-Request
    bool m_freshNegotiation;                //!< the next scr starts a negotiation
    EventId m_closeSoonEvent;               //!< the Close scheduled by CloseSoon()
    std::string m_closeSoonReason;          //!< its reason
    std::vector<uint8_t> m_terminateData;   //!< data of the Terminate-Requests
    uint32_t m_naksSent;                    //!< Configure-Naks sent since the last Ack sent
    uint16_t m_peerMru;                     //!< bounds Code-Reject
    std::vector<bool> m_rejectedCodes;      //!< codes the peer Code-Rejected (RXJ+)
    uint64_t m_eventSerial;                 //!< events begun (see BeginEvent())
    uint64_t m_malformed;                   //!< undecodable packets received
    uint64_t m_requestsSent;                //!< Configure-Requests sent
    uint64_t m_illegalEvents;               //!< '-' events
    uint64_t m_discardedResponses;          //!< invalid Ack/Nak/Reject
    TracedCallback<uint16_t, Ptr<const Packet>> m_txTrace;                   //!< packet sent
    TracedCallback<uint16_t, Ptr<const Packet>> m_rxTrace;                   //!< packet received
    TracedCallback<uint16_t, Ptr<const Packet>, WireError> m_malformedTrace; //!< bad packet
};

} // namespace ns3

#endif /* PPP_AUTOMATON_H */
