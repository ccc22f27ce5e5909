/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_CONTROL_CONNECTION_H
#define PPTP_CONTROL_CONNECTION_H

#include "pptp-call-id-allocator.h"
#include "pptp-call.h"
#include "pptp-control-message.h"
#include "pptp-control-stream-reassembler.h"
#include "pptp-control-types.h"
#include "pptp-range-checker.h"
#include "pptp-wire-error.h"

#include "ns3/address.h"
#include "ns3/attribute.h"
#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/ipv4-address.h"
#include "ns3/node.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/packet.h"
#include "ns3/socket.h"
#include "ns3/traced-callback.h"
#include "ns3/traced-value.h"

#include <cstdint>
#include <deque>
#include <ostream>
#include <string>
#include <unordered_map>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief Control connection states of \RFC{2637} s.3.1.1 (originator) and s.3.1.2 (receiver).
 */
enum class PptpControlConnectionState : uint8_t
{
    IDLE = 0,             //!< no TCP connection (before it opens, after it closes)
    WAIT_CTL_REPLY = 1,   //!< originator: SCCRQ sent, waiting for SCCRP
    WAIT_CTL_REQUEST = 2, //!< receiver: TCP accepted, waiting for SCCRQ
    ESTABLISHED = 3,      //!< SCCRQ / SCCRP exchanged; calls may be placed
    WAIT_STOP_REPLY = 4   //!< StopCCRQ sent, waiting for StopCCRP
};

/**
 * \ingroup pptp
 * \brief The name of a control connection state, e.g. "WAIT_CTL_REPLY".
 * \param state the value
 * \return a static string; "UNKNOWN" for values outside the enum
 */
const char* PptpControlConnectionStateName(PptpControlConnectionState state);

/**
 * \ingroup pptp
 * \brief Which end opened the TCP connection (\RFC{2637} s.3.1).
 */
enum class PptpControlRole : uint8_t
{
    ORIGINATOR = 0, //!< opened the TCP connection and sends SCCRQ
    RECEIVER = 1    //!< accepted the TCP connection and answers SCCRQ
};

/**
 * \ingroup pptp
 * \brief The name of a control connection role.
 * \param role the value
 * \return "ORIGINATOR", "RECEIVER" or "UNKNOWN"
 */
const char* PptpControlRoleName(PptpControlRole role);

/**
 * \ingroup pptp
 * \brief Why a control connection ended (PptpControlConnection::GetCloseReason()).
 */
enum class PptpControlCloseReason : uint8_t
{
    NONE = 0,              //!< not closed
    STOP_COMPLETED = 1,    //!< the Stop-Control-Connection exchange completed (either side)
    START_REFUSED = 2,     //!< SCCRP with an error result (sent or received)
    COLLISION = 3,         //!< lost the SCCRQ collision of \RFC{2637} s.3.1.3
    ECHO_TIMEOUT = 4,      //!< Echo-Request unanswered (\RFC{2637} s.3.1.4)
    CONTROL_TIMEOUT = 5,   //!< no SCCRQ / SCCRP / StopCCRP in time, or a call timer expired
    MALFORMED_MESSAGE = 6, //!< a malformed or unknown message (Stop sent)
    PEER_CLOSED = 7,       //!< the peer closed TCP without the Stop exchange
    TCP_ERROR = 8,         //!< TCP reported an error (reset, retransmissions exhausted)
    CONNECT_FAILED = 9,    //!< the TCP open failed
    ABORTED = 10           //!< Abort() was called
};

/**
 * \ingroup pptp
 * \brief The name of a close reason, e.g. "ECHO_TIMEOUT".
 * \param reason the value
 * \return a static string; "UNKNOWN" for values outside the enum
 */
const char* PptpControlCloseReasonName(PptpControlCloseReason reason);

/**
 * \ingroup pptp
 * \brief Stream output of a control connection state (its name).
 * \param os the stream
 * \param state the value
 * \return the stream
 */
std::ostream& operator<<(std::ostream& os, PptpControlConnectionState state);

/**
 * \ingroup pptp
 * \brief Stream output of a close reason (its name).
 * \param os the stream
 * \param reason the value
 * \return the stream
 */
std::ostream& operator<<(std::ostream& os, PptpControlCloseReason reason);

/**
 * \ingroup pptp
 * \brief One PPTP control connection (\RFC{2637} s.3.1) on one ns-3 TCP connection, with the
 * calls (s.3.2) it carries.
 *
 * Life cycle:
 * - originator: SetNode(), SetPeerType(), Connect(address) opens TCP; on open it sends SCCRQ
 *   (WAIT_CTL_REPLY); a compatible SCCRP makes it ESTABLISHED;
 * - receiver: the server's listening socket hands each accepted socket to Accept()
 *   (WAIT_CTL_REQUEST); an SCCRQ is answered with SCCRP and the connection is ESTABLISHED;
 * - Stop() sends StopCCRQ (every call cleared first) and waits for StopCCRP, then closes TCP;
 *   a received StopCCRQ is answered with StopCCRP and TCP is closed; either way the state
 *   ends in IDLE and the closed callback runs.
 *
 * Calls: PlaceOutgoingCall() (PNS) and PlaceIncomingCall() (PAC) start calls; a PAC answers
 * an OCRQ (the admission callback may refuse it: OCRP General Error / No-Resource) and a PNS
 * answers an ICRQ. Each call gets a node-wide unique Call ID (PptpCallIdAllocator).
 *
 * Keep-alive (\RFC{2637} s.3.1.4): once established, EchoInterval without any received
 * message sends an Echo-Request; no Echo-Reply within EchoTimeout stops the connection, closes
 * TCP and clears every call. ControlTimeout bounds WAIT_CTL_REPLY, WAIT_CTL_REQUEST and
 * WAIT_STOP_REPLY; CallTimeout bounds every waiting call state, and per \RFC{2637} s.3.2.1
 * its expiry stops the entire control connection.
 *
 * Unexpected messages (\RFC{2637} s.2.16): requests that have a reply are answered with the
 * reply's General Error (Not-Connected before establishment, Bad-Call ID for an unknown call,
 * Channel-Exists for a second SCCRQ); other unexpected messages are counted and ignored.
 * Malformed or unknown messages are counted, traced (MalformedMessage) and answered with
 * StopCCRQ (reason Stop-Protocol for an unknown message type, else None); when the byte
 * stream lost sync the TCP connection is closed right after the StopCCRQ.
 *
 * Send path: every message becomes one Packet; when the TCP send buffer is full the octets
 * wait in a queue that the socket's send callback drains in order (splitting a message where
 * the room ends), so no message is lost or reordered. A close that must push the last
 * messages (StopCCRP) grows the send buffer to take the queue, then closes TCP.
 *
 * Unknown Call IDs: a CCRQ for no call is answered with CDN General Error / Bad-Call ID; an
 * accepting ICRP for no call with a CDN (General Error / Bad-Call ID) carrying the Call ID the
 * ICRP named; an accepting OCRP or an ICCN for no call with a CCRQ carrying the Call ID it
 * named, so the peer clears its half of the call.
 */
class PptpControlConnection : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PptpControlConnection();
    ~PptpControlConnection() override;

    /**
     * \brief TracedCallback signature of a control message sent or received.
     * \param message the decoded message
     */
    typedef void (*MessageTracedCallback)(const PptpControlMessage& message);
    /**
     * \brief TracedValue callback signature of the control connection state.
     * \param oldState the previous state
     * \param newState the new state
     */
    typedef void (*StateTracedCallback)(PptpControlConnectionState oldState,
                                        PptpControlConnectionState newState);
    /**
     * \brief TracedCallback signature of a call state change.
     * \param callId the local Call ID
     * \param oldState the previous state
     * \param newState the new state
     */
    typedef void (*CallStateTracedCallback)(uint16_t callId,
                                            PptpCallState oldState,
                                            PptpCallState newState);
    /**
     * \brief TracedCallback signature of a call reaching ESTABLISHED.
     * \param localCallId this node's Call ID
     * \param peerCallId the peer's Call ID
     * \param localWindow this node's receive window
     * \param peerWindow the peer's receive window
     * \param peerProcessingDelay the peer's packet processing delay (1/10 s)
     */
    typedef void (*CallEstablishedTracedCallback)(uint16_t localCallId,
                                                  uint16_t peerCallId,
                                                  uint16_t localWindow,
                                                  uint16_t peerWindow,
                                                  uint16_t peerProcessingDelay);
    /**
     * \brief TracedCallback signature of a call that ended.
     * \param callId the local Call ID
     * \param reason why it ended
     * \param resultCode the Result Code of the message that ended it (OCRP, ICRP or CDN;
     *        0 when no message did)
     */
    typedef void (*CallClearedTracedCallback)(uint16_t callId,
                                              PptpCallClearReason reason,
                                              uint8_t resultCode);
    /**
     * \brief TracedCallback signature of a malformed or unknown message.
     * \param error what was wrong with it
     */
    typedef void (*MalformedTracedCallback)(WireError error);
    /**
     * \brief TracedCallback signature of a well-formed message unexpected in its state.
     * \param message the message
     * \param error the General Error Code it was answered with (NONE when not answered)
     */
    typedef void (*UnexpectedTracedCallback)(const PptpControlMessage& message,
                                             PptpGeneralError error);
    /**
     * \brief TracedCallback signature of a Set-Link-Info received by a PAC (\RFC{2637} s.2.15).
     * \param callId the local Call ID of the call it is for
     * \param info the message (the ACCMs the PNS negotiated)
     */
    typedef void (*LinkInfoTracedCallback)(uint16_t callId, const PptpSetLinkInfo& info);
    /**
     * \brief TracedCallback signature of a WAN-Error-Notify received by a PNS
     * (\RFC{2637} s.2.14).
     * \param callId the local Call ID of the call it is for
     * \param errors the message (cumulative error counters)
     */
    typedef void (*WanErrorTracedCallback)(uint16_t callId, const PptpWanErrorNotify& errors);

    /** \brief Callback about the connection itself (established, closed). */
    typedef Callback<void, Ptr<PptpControlConnection>> ConnectionCallback;
    /** \brief Callback that decides whether a new call is accepted. */
    typedef Callback<bool, Ptr<PptpControlConnection>> AdmissionCallback;
    /** \brief Callback about a call (established, cleared). */
    typedef Callback<void, Ptr<PptpControlConnection>, Ptr<PptpCall>> CallCallback;

    /**
     * \brief Set the node (needed before Connect() and for Call IDs).
     * \param node the node
     */
    void SetNode(Ptr<Node> node);
    /** \brief \return the node */
    Ptr<Node> GetNode() const;
    /**
     * \brief Set whether this node is the PAC or the PNS of the connection.
     * \param type the peer type (default PNS)
     */
    void SetPeerType(PptpPeerType type);
    /** \brief \return whether this node is the PAC or the PNS */
    PptpPeerType GetPeerType() const;

    /**
     * \brief Open the TCP connection to a peer and start the originator state machine.
     * \param peer the peer's InetSocketAddress (port 1723 usually)
     */
    void Connect(const Address& peer);
    /**
     * \brief Take over an accepted TCP socket and start the receiver state machine.
     * \param socket the accepted socket
     * \param from the peer's address (InetSocketAddress)
     */
    void Accept(Ptr<Socket> socket, const Address& from);
    /**
     * \brief Make a receiver refuse the SCCRQ with SCCRP General Error / No-Resource and
     * close (a server over its connection limit). Call before the SCCRQ arrives.
     */
    void RefuseStart();

    /**
     * \brief PNS: place an outgoing call (OCRQ).
     * \param request the OCRQ template: BPS, bearer and framing type, phone number; Call ID
     *        and serial number are allocated here
     * \param window this node's receive window for the call
     * \param processingDelay this node's packet processing delay (1/10 s)
     * \return the call (WAIT_REPLY), or nullptr when not ESTABLISHED, not a PNS, out of
     *         Call IDs, or refused by the admission callback (the limit on calls)
     */
    Ptr<PptpCall> PlaceOutgoingCall(const PptpOutgoingCallRequest& request,
                                    uint16_t window,
                                    uint16_t processingDelay);
    /**
     * \brief PAC: announce an incoming call (ICRQ).
     * \param request the ICRQ template; Call ID and serial number are allocated here
     * \param window this node's receive window for the call
     * \param processingDelay this node's packet processing delay (1/10 s)
     * \return the call (WAIT_REPLY), or nullptr when not ESTABLISHED, not a PAC, out of
     *         Call IDs, or refused by the admission callback (the limit on calls)
     */
    Ptr<PptpCall> PlaceIncomingCall(const PptpIncomingCallRequest& request,
                                    uint16_t window,
                                    uint16_t processingDelay);
    /**
     * \brief Set the receive window and processing delay a PAC answers an OCRQ with, or a PNS
     * answers an ICRQ with.
     * \param window the Packet Recv. Window Size
     * \param processingDelay the packet processing delay (1/10 s)
     * \param connectSpeed the Connect Speed a PAC reports (0: the PNS's Maximum BPS)
     */
    void SetAnswerParameters(uint16_t window, uint16_t processingDelay, uint32_t connectSpeed);
    /**
     * \brief Clear a call on a local decision (CCRQ from a PNS, CDN from a PAC).
     * \param localCallId the call's local Call ID
     * \return false for an unknown Call ID or a call with nothing to clear
     */
    bool ClearCall(uint16_t localCallId);
    /**
     * \brief PNS: send a Set-Link-Info for an established call (\RFC{2637} s.2.15).
     * \param localCallId the call's local Call ID
     * \param sendAccm the Send ACCM
     * \param receiveAccm the Receive ACCM
     * \return false for an unknown Call ID, a PAC, or a call not ESTABLISHED
     */
    bool SendSetLinkInfo(uint16_t localCallId, uint32_t sendAccm, uint32_t receiveAccm);
    /**
     * \brief PAC: send a WAN-Error-Notify for an established call (\RFC{2637} s.2.14).
     * \param localCallId the call's local Call ID
     * \param counters the cumulative counters (the Call ID field is filled in)
     * \return false for an unknown Call ID, a PNS, or a call not ESTABLISHED
     */
    bool SendWanErrorNotify(uint16_t localCallId, const PptpWanErrorNotify& counters);
    /**
     * \brief Local terminate (\RFC{2637} s.3.1): clear every call, send StopCCRQ and wait for
     * StopCCRP. Before establishment the TCP connection is simply closed.
     * \param reason the Stop reason
     */
    void Stop(PptpStopReason reason = PptpStopReason::NONE);
    /** \brief Close TCP at once, clearing every call without any message. */
    void Abort();

    /** \brief \param callback called when the connection becomes ESTABLISHED */
    void SetEstablishedCallback(ConnectionCallback callback);
    /** \brief \param callback called once when the connection ends (state IDLE after use) */
    void SetClosedCallback(ConnectionCallback callback);
    /** \brief \param callback asked before a peer's call request is accepted */
    void SetAdmissionCallback(AdmissionCallback callback);
    /** \brief \param callback called when a call reaches ESTABLISHED */
    void SetCallEstablishedCallback(CallCallback callback);
    /** \brief \param callback called when a call ends (once per call created) */
    void SetCallClearedCallback(CallCallback callback);

    /** \brief \return the state */
    PptpControlConnectionState GetState() const;
    /** \brief \return originator or receiver */
    PptpControlRole GetRole() const;
    /** \brief \return why the connection ended (NONE while open) */
    PptpControlCloseReason GetCloseReason() const;
    /** \brief \return the peer's IPv4 address */
    Ipv4Address GetPeerAddress() const;
    /** \brief \return the call with this local Call ID, or nullptr */
    Ptr<PptpCall> GetCall(uint16_t localCallId) const;
    /** \brief \return the number of calls on the connection (any state but ended) */
    uint32_t GetCallCount() const;
    /** \brief \return the peer's SCCRQ / SCCRP protocol version (0 until known) */
    uint16_t GetPeerProtocolVersion() const;
    /** \brief \return the peer's Host Name */
    std::string GetPeerHostName() const;
    /** \brief \return the peer's Vendor String */
    std::string GetPeerVendorName() const;
    /** \brief \return the peer's Framing Capabilities bits */
    uint32_t GetPeerFramingCapabilities() const;
    /** \brief \return the peer's Bearer Capabilities bits */
    uint32_t GetPeerBearerCapabilities() const;
    /** \brief \return the peer's Maximum Channels */
    uint16_t GetPeerMaximumChannels() const;
    /** \brief \return the messages sent */
    uint64_t GetTxMessages() const;
    /** \brief \return the well-formed messages received */
    uint64_t GetRxMessages() const;
    /** \brief \return the malformed or unknown messages received */
    uint64_t GetMalformedMessages() const;
    /** \brief \return the well-formed messages unexpected in their state */
    uint64_t GetUnexpectedMessages() const;
    /** \brief \return the Echo-Requests sent */
    uint64_t GetEchoRequestsSent() const;
    /** \brief \return the packets waiting for room in the TCP send buffer */
    uint32_t GetQueuedPackets() const;

    /**
     * \brief Send one control message as it is (for tests of a peer's reaction; the state
     * machine is not involved).
     * \param message the message
     */
    void SendRaw(const PptpControlMessage& message);
    /**
     * \brief Send raw octets on the TCP connection (for tests: garbage, truncated messages).
     * \param data the octets
     * \param size how many
     */
    void SendRawBytes(const uint8_t* data, uint32_t size);

  protected:
    void DoDispose() override;

  private:
    /** \brief \param socket the socket \brief TCP open succeeded. */
    void ConnectionSucceeded(Ptr<Socket> socket);
    /** \brief \param socket the socket \brief TCP open failed. */
    void ConnectionFailed(Ptr<Socket> socket);
    /** \brief \param socket the socket \brief Data arrived. */
    void HandleRead(Ptr<Socket> socket);
    /** \brief \param socket the socket \param available free octets \brief Room to send. */
    void HandleSendRoom(Ptr<Socket> socket, uint32_t available);
    /** \brief \param socket the socket \brief The peer closed TCP. */
    void HandlePeerClose(Ptr<Socket> socket);
    /** \brief \param socket the socket \brief TCP error. */
    void HandleError(Ptr<Socket> socket);
    /** \brief Install the socket callbacks. */
    void SetupSocket();

    /** \brief Handle one decoded message. \param m the message */
    void Receive(const PptpControlMessage& m);
    /** \brief Handle a malformed message. \param error what was wrong */
    void ReceiveMalformed(WireError error);
    /** \brief IDLE: nothing expected. \param m the message */
    void ProcessIdle(const PptpControlMessage& m);
    /** \brief WAIT_CTL_REPLY. \param m the message */
    void ProcessWaitCtlReply(const PptpControlMessage& m);
    /** \brief WAIT_CTL_REQUEST. \param m the message */
    void ProcessWaitCtlRequest(const PptpControlMessage& m);
    /** \brief ESTABLISHED. \param m the message */
    void ProcessEstablished(const PptpControlMessage& m);
    /** \brief WAIT_STOP_REPLY. \param m the message */
    void ProcessWaitStopReply(const PptpControlMessage& m);
    /** \brief A call message in ESTABLISHED. \param m the message */
    void ProcessCallMessage(const PptpControlMessage& m);
    /** \brief PAC: a new OCRQ. \param request the request */
    void HandleOutgoingCallRequest(const PptpOutgoingCallRequest& request);
    /** \brief PNS: a new ICRQ. \param request the request */
    void HandleIncomingCallRequest(const PptpIncomingCallRequest& request);
    /**
     * \brief Answer an unexpected message: its reply with this General Error if it is a
     * request that has one, else nothing. Counts and traces it.
     * \param m the message
     * \param error the General Error Code
     */
    void AnswerUnexpected(const PptpControlMessage& m, PptpGeneralError error);
    /** \brief Answer a StopCCRQ with StopCCRP OK and close. */
    void AnswerStop();
    /** \brief Build and send SCCRQ or SCCRP. \param reply true for SCCRP \param result the
     * result \param error the error code */
    void SendStart(bool reply, PptpStartControlConnectionResult result, PptpGeneralError error);
    /** \brief Send StopCCRQ and wait for the reply. \param reason the reason */
    void SendStop(PptpStopReason reason);
    /** \brief Send a message. \param message the message */
    void Send(const PptpControlMessage& message);
    /** \brief Send a packet or queue it. \param packet the packet */
    void SendPacket(Ptr<Packet> packet);
    /** \brief Move queued octets into the TCP send buffer, in order, as far as room allows
     * (a message may be split: TCP is a byte stream). */
    void DrainQueue();
    /**
     * \brief Detach from the socket (every callback nulled) and close it.
     * \param flush true: queued messages go out before the FIN (the send buffer is grown to
     *        take them); false: they are discarded
     */
    void ReleaseSocket(bool flush);
    /**
     * \brief A call reply or notification names a Call ID no call has: answer it so that the
     * peer's half of the call does not wait for ever (\RFC{2637} s.2.16 Bad-Call ID).
     * \param m the message
     */
    void AnswerUnknownCall(const PptpControlMessage& m);

    /** \brief Create and register a call. \param role the role \param direction the direction
     * \param window window \param delay delay \return the call or nullptr (no Call ID) */
    Ptr<PptpCall> CreateCall(PptpPeerType role,
                             PptpCallDirection direction,
                             uint16_t window,
                             uint16_t delay);
    /** \brief Find a call by the peer's Call ID. \param peerCallId the ID \return the call or
     * nullptr */
    Ptr<PptpCall> FindByPeerCallId(uint16_t peerCallId) const;
    /** \brief Call state callback. \param call the call \param o old \param n new */
    void CallStateChanged(Ptr<PptpCall> call, PptpCallState o, PptpCallState n);
    /** \brief Call ended. \param call the call */
    void CallCleared(Ptr<PptpCall> call);
    /** \brief A call timer expired. \param call the call */
    void CallTimedOut(Ptr<PptpCall> call);
    /** \brief End every call without messages. \param reason the reason */
    void DropAllCalls(PptpCallClearReason reason);
    /** \brief Clear every call with its clear message (before a local Stop). */
    void ClearAllCalls();

    /** \brief Enter a state and arm its timers. \param state the state */
    void SetState(PptpControlConnectionState state);
    /**
     * \brief Drop the calls, close TCP, enter IDLE and run the closed callback.
     * \param reason why
     * \param flush true: queued messages go out before the FIN; false: they are discarded
     */
    void Close(PptpControlCloseReason reason, bool flush);
    /** \brief The timer of a waiting state expired. */
    void ControlTimeout();
    /** \brief The idle timer fired: send an Echo-Request if nothing arrived for EchoInterval. */
    void EchoIdleCheck();
    /** \brief No Echo-Reply in time. */
    void EchoTimeoutExpired();
    /** \brief Register with the node's connection list. \param peer the peer address */
    void Register(Ipv4Address peer);
    /** \brief Leave the node's connection list. */
    void Unregister();
    /** \brief SCCRQ collision check (\RFC{2637} s.3.1.3).
     * \return true when this receiver must stay silent (it won; the loser closes) */
    bool ResolveCollision();

    /** \brief Setter of EchoInterval (validates). \param t the time */
    void SetEchoInterval(Time t);
    /** \brief \return EchoInterval */
    Time GetEchoInterval() const;
    /** \brief Setter of EchoTimeout (validates). \param t the time */
    void SetEchoTimeout(Time t);
    /** \brief \return EchoTimeout */
    Time GetEchoTimeout() const;

    // Attributes
    uint16_t m_protocolVersion;     //!< our Protocol Version
    uint32_t m_framingCapabilities; //!< our Framing Capabilities
    uint32_t m_bearerCapabilities;  //!< our Bearer Capabilities
    uint16_t m_maximumChannels;     //!< our Maximum Channels
    uint16_t m_firmwareRevision;    //!< our Firmware Revision
    std::string m_hostName;         //!< our Host Name
    std::string m_vendorName;       //!< our Vendor String
    Time m_echoInterval;            //!< idle time before an Echo-Request
    Time m_echoTimeout;             //!< time allowed for the Echo-Reply
    Time m_controlTimeout;          //!< time allowed in WAIT_CTL_* and WAIT_STOP_REPLY
    Time m_callTimeout;             //!< time allowed in a waiting call state
    uint32_t m_sendQueueLimit;      //!< most packets queued (0: no limit)

    // State
    Ptr<Node> m_node;                                //!< the node
    Ptr<PptpCallIdAllocator> m_allocator;            //!< the node's Call IDs
    Ptr<Socket> m_socket;                            //!< the TCP socket
    PptpPeerType m_peerType;                         //!< PAC or PNS
    PptpControlRole m_role;                          //!< originator or receiver
    TracedValue<PptpControlConnectionState> m_state; //!< state
    PptpControlCloseReason m_closeReason;            //!< why it ended
    PptpControlCloseReason m_stopCloseReason{
        PptpControlCloseReason::STOP_COMPLETED}; //!< why the Stop we sent was sent: the close
                                                 //!< reason once it completes
    bool m_used;                                 //!< Connect() or Accept() was called
    bool m_closed;                               //!< Close() ran
    bool m_refuseStart;                          //!< answer SCCRQ with No-Resource
    bool m_registered;                           //!< in the node's connection list
    uint32_t m_socketCallbackDepth;              //!< socket callbacks now running
    Ipv4Address m_localAddress;                  //!< our IPv4 address
    Ipv4Address m_peerAddress;                   //!< the peer's IPv4 address
    PptpControlStreamReassembler m_reassembler;  //!< cuts the stream into messages
    std::deque<Ptr<Packet>> m_sendQueue;         //!< packets waiting for TCP room
    std::unordered_map<uint16_t, Ptr<PptpCall>> m_calls; //!< calls by local Call ID
    uint16_t m_answerWindow;                             //!< window for answered calls
    uint16_t m_answerDelay;                              //!< processing delay for answered calls
    uint32_t m_answerConnectSpeed;                       //!< Connect Speed a PAC reports
    EventId m_controlTimer;                              //!< WAIT_* timer
    EventId m_echoIdleTimer;                             //!< idle check
    EventId m_echoReplyTimer;                            //!< Echo-Reply wait
    Time m_lastRx;                                       //!< when the last message arrived
    uint32_t m_echoIdentifier;                           //!< last Echo-Request Identifier
    bool m_echoOutstanding;                              //!< an Echo-Request awaits its reply
    uint16_t m_peerVersion;                              //!< the peer's Protocol Version
    uint32_t m_peerFraming;                              //!< the peer's Framing Capabilities
    uint32_t m_peerBearer;                               //!< the peer's Bearer Capabilities
    uint16_t m_peerMaxChannels;                          //!< the peer's Maximum Channels
    std::string m_peerHostName;                          //!< the peer's Host Name
    std::string m_peerVendorName;                        //!< the peer's Vendor String
    uint64_t m_txMessages;                               //!< messages sent
    uint64_t m_rxMessages;                               //!< good messages received
    uint64_t m_malformedMessages;                        //!< malformed messages received
    uint64_t m_unexpectedMessages;                       //!< unexpected messages received
    uint64_t m_echoRequestsSent;                         //!< Echo-Requests sent

    ConnectionCallback m_establishedCallback; //!< established
    ConnectionCallback m_closedCallback;      //!< closed
    AdmissionCallback m_admissionCallback;    //!< call admission
    CallCallback m_callEstablishedCallback;   //!< call established
    CallCallback m_callClearedCallback;       //!< call ended

    TracedCallback<const PptpControlMessage&> m_txTrace;                     //!< message sent
    TracedCallback<const PptpControlMessage&> m_rxTrace;                     //!< message received
    TracedCallback<uint16_t, PptpCallState, PptpCallState> m_callStateTrace; //!< call state
    TracedCallback<uint16_t, uint16_t, uint16_t, uint16_t, uint16_t>
        m_callEstablishedTrace;                                                    //!< call up
    TracedCallback<uint16_t, PptpCallClearReason, uint8_t> m_callClearedTrace;     //!< call ended
    TracedCallback<WireError> m_malformedTrace;                                    //!< malformed
    TracedCallback<const PptpControlMessage&, PptpGeneralError> m_unexpectedTrace; //!< unexpected
    TracedCallback<uint16_t, const PptpSetLinkInfo&> m_linkInfoTrace;              //!< SLI received
    TracedCallback<uint16_t, const PptpWanErrorNotify&> m_wanErrorTrace;           //!< WEN received
};

} // namespace ns3

#endif /* PPTP_CONTROL_CONNECTION_H */
