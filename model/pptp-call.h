/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_CALL_H
#define PPTP_CALL_H

#include "pptp-control-message.h"
#include "pptp-control-types.h"

#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/simple-ref-count.h"

#include <cstdint>
#include <ostream>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief Which end of a PPTP tunnel a node is (\RFC{2637} s.1.2).
 */
enum class PptpPeerType : uint8_t
{
    PAC = 0, //!< PPTP Access Concentrator (the server side in Microsoft's remote-access profile)
    PNS = 1  //!< PPTP Network Server (the client side in Microsoft's remote-access profile)
};

/**
 * \ingroup pptp
 * \brief The name of a peer type.
 * \param type the value
 * \return "PAC", "PNS" or "UNKNOWN"
 */
const char* PptpPeerTypeName(PptpPeerType type);

/**
 * \ingroup pptp
 * \brief The direction of a call, seen from the PAC's telephone side (\RFC{2637} s.3.2.3, 3.2.4).
 */
enum class PptpCallDirection : uint8_t
{
    OUTGOING = 0, //!< placed by the PNS: Outgoing-Call-Request / Reply
    INCOMING = 1  //!< announced by the PAC: Incoming-Call-Request / Reply / Connected
};

/**
 * \ingroup pptp
 * \brief The name of a call direction.
 * \param direction the value
 * \return "OUTGOING", "INCOMING" or "UNKNOWN"
 */
const char* PptpCallDirectionName(PptpCallDirection direction);

/**
 * \ingroup pptp
 * \brief Call states of \RFC{2637} s.3.2.3.1, 3.2.3.2, 3.2.4.1 and 3.2.4.2.
 *
 * Which states a call passes through depends on its role and direction:
 * - PNS, outgoing: IDLE, WAIT_REPLY, ESTABLISHED, WAIT_DISCONNECT;
 * - PAC, outgoing: IDLE, WAIT_CS_ANS, ESTABLISHED;
 * - PAC, incoming: IDLE, WAIT_REPLY, ESTABLISHED;
 * - PNS, incoming: IDLE, WAIT_CONNECT, ESTABLISHED, WAIT_DISCONNECT.
 */
enum class PptpCallState : uint8_t
{
    IDLE = 0,           //!< no call (before it starts and after it is cleared)
    WAIT_REPLY = 1,     //!< OCRQ sent (PNS) or ICRQ sent (PAC), waiting for the reply
    WAIT_CS_ANS = 2,    //!< PAC: OCRQ accepted, waiting for the telephone side to answer
    WAIT_CONNECT = 3,   //!< PNS: ICRP sent, waiting for Incoming-Call-Connected
    ESTABLISHED = 4,    //!< data may flow
    WAIT_DISCONNECT = 5 //!< PNS: Call-Clear-Request sent, waiting for Call-Disconnect-Notify
};

/**
 * \ingroup pptp
 * \brief The name of a call state, e.g. "WAIT_REPLY".
 * \param state the value
 * \return a static string; "UNKNOWN" for values outside the enum
 */
const char* PptpCallStateName(PptpCallState state);

/**
 * \ingroup pptp
 * \brief Why a call ended (the cause reported by the CallCleared trace sources).
 */
enum class PptpCallClearReason : uint8_t
{
    NONE = 0,                       //!< the call has not ended
    LOCAL_CLEAR = 1,                //!< cleared on request of this node (Clear())
    CLEAR_REQUEST_RECEIVED = 2,     //!< PAC: the PNS sent Call-Clear-Request
    DISCONNECT_NOTIFY_RECEIVED = 3, //!< PNS: the PAC sent Call-Disconnect-Notify
    REFUSED_BY_PEER = 4,            //!< the peer's OCRP / ICRP carried an error result
    REFUSED_LOCALLY = 5,            //!< this node answered the request with an error result
    TIMEOUT = 6,                    //!< no answer to a request within the call timeout
    CONTROL_CONNECTION_CLOSED = 7   //!< the control connection ended (Stop, TCP close, echo)
};

/**
 * \ingroup pptp
 * \brief The name of a clear reason, e.g. "DISCONNECT_NOTIFY_RECEIVED".
 * \param reason the value
 * \return a static string; "UNKNOWN" for values outside the enum
 */
const char* PptpCallClearReasonName(PptpCallClearReason reason);

/**
 * \ingroup pptp
 * \brief Stream output of a peer type (its name).
 * \param os the stream
 * \param type the value
 * \return the stream
 */
std::ostream& operator<<(std::ostream& os, PptpPeerType type);

/**
 * \ingroup pptp
 * \brief Stream output of a call state (its name).
 * \param os the stream
 * \param state the value
 * \return the stream
 */
std::ostream& operator<<(std::ostream& os, PptpCallState state);

/**
 * \ingroup pptp
 * \brief Stream output of a clear reason (its name).
 * \param os the stream
 * \param reason the value
 * \return the stream
 */
std::ostream& operator<<(std::ostream& os, PptpCallClearReason reason);

/**
 * \ingroup pptp
 * \brief One PPTP call (session) on a control connection: the state machines of \RFC{2637}
 * s.3.2 for both roles (PAC, PNS) and both directions (outgoing, incoming).
 *
 * Pure protocol logic: it takes decoded control messages (Receive()) and local events
 * (Start(), Answer(), Clear(), ...) and hands the messages it must send to the send callback.
 * The control connection routes messages to it by Call ID and owns the TCP side.
 *
 * What the GRE layer needs is kept here: the local and peer Call IDs, both receive windows
 * and both packet processing delays (\RFC{2637} s.4.2), plus the link information of
 * Set-Link-Info and the error counters of WAN-Error-Notify.
 *
 * A timer (SetRequestTimeout(), 0 disables it) runs in every waiting state; when it expires
 * the timeout callback is called (the connection then acts on \RFC{2637} s.3.2.1).
 */
class PptpCall : public SimpleRefCount<PptpCall>
{
  public:
    /** \brief Callback that sends a control message on the connection. */
    typedef Callback<void, const PptpControlMessage&> SendCallback;
    /** \brief Callback on every state change: the call, old state, new state. */
    typedef Callback<void, Ptr<PptpCall>, PptpCallState, PptpCallState> StateCallback;
    /** \brief Callback when a call ends (also for a call refused before it started). */
    typedef Callback<void, Ptr<PptpCall>> CallCallback;

    /**
     * \brief A call in the IDLE state.
     * \param role whether this node is the PAC or the PNS of the call
     * \param direction outgoing (PNS places it) or incoming (PAC announces it)
     * \param localCallId this node's Call ID for the call (unique on the node)
     * \param serialNumber the Call Serial Number (used when this node sends the request)
     */
    PptpCall(PptpPeerType role,
             PptpCallDirection direction,
             uint16_t localCallId,
             uint16_t serialNumber);
    ~PptpCall();

    /**
     * \brief Set where messages go.
     * \param callback called with each message the call sends
     */
    void SetSendCallback(SendCallback callback);
    /**
     * \brief Set the state-change callback.
     * \param callback called after each state change
     */
    void SetStateCallback(StateCallback callback);
    /**
     * \brief Set the callback for a call that ends (enters IDLE for good).
     * \param callback called once, after the last state change
     */
    void SetClearedCallback(CallCallback callback);
    /**
     * \brief Set the timeout callback and the time allowed in a waiting state.
     * \param timeout the time, 0 to disable the timer
     * \param callback called when the timer expires (the call stays in its state)
     */
    void SetRequestTimeout(Time timeout, CallCallback callback);

    /**
     * \brief Set this node's receive window and packet processing delay for the GRE layer.
     * \param window Packet Recv. Window Size (packets)
     * \param processingDelay Packet Processing (or Transmit) Delay, in 1/10 s
     */
    void SetLocalWindow(uint16_t window, uint16_t processingDelay);
    /**
     * \brief Set the Connect Speed a PAC reports (OCRP / ICCN).
     * \param bps bit/s; 0 means the PNS's Maximum BPS (OCRP) or 0 (ICCN)
     */
    void SetConnectSpeed(uint32_t bps);

    /**
     * \brief PNS, outgoing: send the Outgoing-Call-Request and enter WAIT_REPLY.
     *
     * Call ID, Call Serial Number, window and delay come from this call; the rest (BPS,
     * bearer and framing type, phone number, subaddress) from the template.
     * \param request the template of the request
     * \return false (nothing sent) unless this is a PNS outgoing call in IDLE
     */
    bool StartOutgoing(const PptpOutgoingCallRequest& request);
    /**
     * \brief PAC, incoming: send the Incoming-Call-Request and enter WAIT_REPLY.
     * \param request the template (bearer type, channel, numbers); Call ID and serial are
     *        this call's
     * \return false (nothing sent) unless this is a PAC incoming call in IDLE
     */
    bool StartIncoming(const PptpIncomingCallRequest& request);
    /**
     * \brief PAC, outgoing: take the PNS's Outgoing-Call-Request and enter WAIT_CS_ANS.
     * \param request the received request
     * \return false unless this is a PAC outgoing call in IDLE
     */
    bool ReceiveOutgoingRequest(const PptpOutgoingCallRequest& request);
    /**
     * \brief PAC, outgoing, WAIT_CS_ANS: the telephone side answered; send the
     * Outgoing-Call-Reply (Connected) and enter ESTABLISHED.
     * \return false in any other state
     */
    bool Answer();
    /**
     * \brief PAC, outgoing, WAIT_CS_ANS: the call failed; send an Outgoing-Call-Reply with
     * this result and return to IDLE.
     * \param result the Result Code (not CONNECTED)
     * \param error the Error Code (General Error only, else NONE)
     * \param cause the Cause Code
     * \return false in any other state
     */
    bool Fail(PptpOutgoingCallResult result, PptpGeneralError error, uint16_t cause);
    /**
     * \brief PNS, incoming: take the PAC's Incoming-Call-Request, answer with an
     * Incoming-Call-Reply (Connect) and enter WAIT_CONNECT.
     * \param request the received request
     * \return false unless this is a PNS incoming call in IDLE
     */
    bool ReceiveIncomingRequest(const PptpIncomingCallRequest& request);
    /**
     * \brief Clear the call on a local decision: a PNS sends Call-Clear-Request and waits for
     * the Call-Disconnect-Notify (WAIT_DISCONNECT); a PAC sends Call-Disconnect-Notify (Admin
     * Shutdown) and returns to IDLE (in WAIT_CS_ANS: Outgoing-Call-Reply with General Error).
     * \return false when there is nothing to clear (IDLE or already WAIT_DISCONNECT)
     */
    bool Clear();
    /**
     * \brief PNS, ESTABLISHED: send a Set-Link-Info with the PPP-negotiated ACCMs
     * (\RFC{2637} s.2.15); it is also kept as GetLinkInfo().
     * \param sendAccm the Send ACCM
     * \param receiveAccm the Receive ACCM
     * \return false (nothing sent) unless this is a PNS call in ESTABLISHED
     */
    bool SendSetLinkInfo(uint32_t sendAccm, uint32_t receiveAccm);
    /**
     * \brief PAC, ESTABLISHED: send a WAN-Error-Notify with these cumulative counters
     * (\RFC{2637} s.2.14); the Peer's Call ID is filled in here.
     * \param counters the counters (the Call ID field is ignored)
     * \return false (nothing sent) unless this is a PAC call in ESTABLISHED
     */
    bool SendWanErrorNotify(const PptpWanErrorNotify& counters);
    /**
     * \brief End the call without any message (the control connection is gone).
     * \param reason the cause reported by the cleared callback
     */
    void Drop(PptpCallClearReason reason);

    /**
     * \brief Handle a message of this call (routed by the connection by Call ID).
     *
     * OCRP (PNS), ICRP (PAC), ICCN (PNS), CCRQ (PAC), CDN (PNS), WAN-Error-Notify (PNS) and
     * Set-Link-Info (PAC) are handled in the states where \RFC{2637} s.3.2 expects them.
     * \param message the message
     * \return false when the message is not expected in this state (it is then ignored;
     *         the connection counts it)
     */
    bool Receive(const PptpControlMessage& message);

    /** \brief \return the state */
    PptpCallState GetState() const;
    /** \brief \return the role of this node in the call */
    PptpPeerType GetRole() const;
    /** \brief \return the direction of the call */
    PptpCallDirection GetDirection() const;
    /** \brief \return this node's Call ID */
    uint16_t GetLocalCallId() const;
    /** \brief \return the peer's Call ID (0 until it is known) */
    uint16_t GetPeerCallId() const;
    /** \brief \return whether the peer's Call ID is known */
    bool HasPeerCallId() const;
    /** \brief \return the Call Serial Number */
    uint16_t GetSerialNumber() const;
    /** \brief \return this node's Packet Recv. Window Size */
    uint16_t GetLocalWindow() const;
    /** \brief \return the peer's Packet Recv. Window Size (0 until known) */
    uint16_t GetPeerWindow() const;
    /** \brief \return this node's packet processing delay (1/10 s) */
    uint16_t GetLocalProcessingDelay() const;
    /** \brief \return the peer's packet processing delay (1/10 s) */
    uint16_t GetPeerProcessingDelay() const;
    /** \brief \return the Connect Speed (bit/s) reported by the PAC */
    uint32_t GetConnectSpeed() const;
    /** \brief \return the framing type of the call (OCRQ / ICCN) */
    PptpFramingType GetFramingType() const;
    /** \brief \return the bearer type of the call (OCRQ / ICRQ) */
    PptpBearerType GetBearerType() const;
    /** \brief \return why the call ended (NONE while it is alive) */
    PptpCallClearReason GetClearReason() const;
    /** \brief \return the Result Code of the message that ended the call (OCRP, ICRP or CDN
     * result, depending on the message), 0 if none */
    uint8_t GetClearResultCode() const;
    /** \brief \return the General Error Code of the message that ended the call */
    PptpGeneralError GetClearErrorCode() const;
    /** \brief \return the last Set-Link-Info received or sent (ACCMs 0xFFFFFFFF if none) */
    const PptpSetLinkInfo& GetLinkInfo() const;
    /** \brief \return the last WAN-Error-Notify received (all counters 0 if none) */
    const PptpWanErrorNotify& GetWanErrors() const;
    /** \brief \return whether the call has ended (it never comes back) */
    bool IsCleared() const;

  private:
    /** \brief Send a message through the send callback. \param message the message */
    void Send(const PptpControlMessage& message);
    /** \brief Change state, (re)arm the timer and notify. \param state the new state */
    void SetState(PptpCallState state);
    /**
     * \brief End the call: IDLE, cleared callback.
     * \param reason the cause
     * \param result the result code of the ending message
     * \param error the error code of the ending message
     */
    void Finish(PptpCallClearReason reason, uint8_t result, PptpGeneralError error);
    /** \brief The timer expired. */
    void Timeout();

    /** \brief Handle a message in WAIT_REPLY. \param m the message \return handled */
    bool ProcessWaitReply(const PptpControlMessage& m);
    /** \brief Handle a message in WAIT_CS_ANS. \param m the message \return handled */
    bool ProcessWaitCsAns(const PptpControlMessage& m);
    /** \brief Handle a message in WAIT_CONNECT. \param m the message \return handled */
    bool ProcessWaitConnect(const PptpControlMessage& m);
    /** \brief Handle a message in ESTABLISHED. \param m the message \return handled */
    bool ProcessEstablished(const PptpControlMessage& m);
    /** \brief Handle a message in WAIT_DISCONNECT. \param m the message \return handled */
    bool ProcessWaitDisconnect(const PptpControlMessage& m);
    /** \brief Handle link messages (SLI, WEN) in any live state. \param m the message
     * \return handled */
    bool ProcessLinkMessage(const PptpControlMessage& m);
    /** \brief PAC: answer a Call-Clear-Request with a Call-Disconnect-Notify (Request). */
    void DisconnectOnRequest();

    PptpPeerType m_role;               //!< PAC or PNS
    PptpCallDirection m_direction;     //!< outgoing or incoming
    PptpCallState m_state;             //!< current state
    uint16_t m_localCallId;            //!< this node's Call ID
    uint16_t m_peerCallId;             //!< the peer's Call ID
    bool m_hasPeerCallId;              //!< m_peerCallId is known
    uint16_t m_serialNumber;           //!< Call Serial Number
    uint16_t m_localWindow;            //!< this node's receive window
    uint16_t m_peerWindow;             //!< the peer's receive window
    uint16_t m_localDelay;             //!< this node's processing delay (1/10 s)
    uint16_t m_peerDelay;              //!< the peer's processing delay (1/10 s)
    uint32_t m_connectSpeed;           //!< Connect Speed (bit/s)
    PptpFramingType m_framingType;     //!< framing type
    PptpBearerType m_bearerType;       //!< bearer type
    PptpCallClearReason m_clearReason; //!< why the call ended
    uint8_t m_clearResult;             //!< result code of the ending message
    PptpGeneralError m_clearError;     //!< error code of the ending message
    bool m_cleared;                    //!< the call has ended
    PptpSetLinkInfo m_linkInfo;        //!< last Set-Link-Info
    PptpWanErrorNotify m_wanErrors;    //!< last WAN-Error-Notify
    Time m_timeout;                    //!< time allowed in a waiting state (0: no timer)
    EventId m_timer;                   //!< the waiting-state timer
    SendCallback m_send;               //!< sends messages
    StateCallback m_stateCallback;     //!< state changes
    CallCallback m_clearedCallback;    //!< end of the call
    CallCallback m_timeoutCallback;    //!< timer expiry
};

} // namespace ns3

#endif /* PPTP_CALL_H */
