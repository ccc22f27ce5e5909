/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPP_AUTH_PEER_H
#define PPP_AUTH_PEER_H

#include "mschapv2.h"
#include "ppp-auth-protocol.h"

#include "ns3/traced-value.h"

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief The states of the peer being authenticated (PppAuthPeer).
 */
enum class PppAuthPeerState : uint8_t
{
    INITIAL = 0,        //!< not started, or stopped
    REQUEST_SENT = 1,   //!< PAP: an Authenticate-Request is out
    WAIT_CHALLENGE = 2, //!< CHAP: waiting for the authenticator's Challenge
    RESPONSE_SENT = 3,  //!< CHAP: a Response is out, waiting for Success or Failure
    SUCCEEDED = 4,      //!< authenticated (and, for MS-CHAPv2, the authenticator too)
    FAILED = 5,         //!< refused, no answer, timeout or a bad authenticator response
};

/**
 * \ingroup pptp
 * \brief The name of a peer state, e.g. "RESPONSE_SENT".
 * \param state the state
 * \return a static string; never null
 */
const char* PppAuthPeerStateName(PppAuthPeerState state);

/**
 * \ingroup pptp
 * \brief Prints PppAuthPeerStateName().
 * \param os the stream
 * \param state the state
 * \return the stream
 */
std::ostream& operator<<(std::ostream& os, PppAuthPeerState state);

/**
 * \ingroup pptp
 * \brief The peer side of PPP authentication (the client that authenticates itself): PAP
 * (\RFC{1334} s.2), CHAP with MD5 (\RFC{1994}) and MS-CHAPv2 (\RFC{2759}).
 *
 * PAP: Start() sends an Authenticate-Request (UserName, Password) and repeats it, with a new
 * Identifier each time (\RFC{1334} s.2.2.1), every RestartTimer until a reply comes, MaxRequests
 * at most. An Ack or Nak answering any request of this run ends it.
 *
 * CHAP: Start() waits for a Challenge and answers each one with a Response carrying the
 * Challenge's Identifier and UserName as the Name: MD5(Identifier || Password || Challenge) for
 * CHAP-MD5; for MS-CHAPv2 the 49-octet value of \RFC{2759} s.4 with a 16-octet random peer
 * challenge and the NT-Response. A Challenge repeated with the same Identifier and Value gets
 * the same Response again. A Success or Failure answering the last Response ends it; one with
 * another Identifier is stale and discarded. MS-CHAPv2: the Success's S= value must match
 * CheckAuthenticatorResponse() (s.8.8, mutual authentication) when VerifyAuthenticator is set,
 * else the result is a failure; a Failure with R=1 is answered at once with a new Response to
 * its C= challenge, Identifier the Failure's + 1 (s.9.1.4), with the same credentials; R=0 is
 * final. After an MS-CHAPv2 success the \RFC{3079} s.3.4 master key is available for MPPE.
 *
 * Timeout bounds the whole authentication. The result callback is called once per Start()
 * (not at all when Stop() comes first) with the message the authenticator sent or, when this
 * side decided, a reason in parentheses: "(timeout)", "(no reply)", "(bad authenticator
 * response)". After the result further packets are discarded: re-challenges in the Network
 * phase (\RFC{1994} s.4.1) are not modelled. Received packets that do not decode are counted,
 * traced ("Malformed") and dropped; wrong protocol or code, stale Identifiers and packets out of
 * state are counted, traced ("Discarded") and dropped.
 */
class PppAuthPeer : public PppAuthProtocol
{
  public:
    /**
     * \brief TracedValue callback signature of the state.
     * \param oldValue the previous state
     * \param newValue the new state
     */
    typedef void (*StateTracedCallback)(PppAuthPeerState oldValue, PppAuthPeerState newValue);

    /**
     * \brief TracedCallback signature of the result.
     * \param method the method
     * \param success whether this side is authenticated
     * \param message the authenticator's message, or the local reason in parentheses
     */
    typedef void (*ResultTracedCallback)(PppAuthMethod method, bool success, std::string message);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /** \brief A peer in the Initial state, method MS-CHAPv2. */
    PppAuthPeer();
    ~PppAuthPeer() override;

    /**
     * \brief Use these octets as the next MS-CHAPv2 peer challenge instead of random ones,
     * once: for tests and to reproduce published exchanges (e.g. \RFC{2759} s.9.2).
     * \param challenge exactly 16 octets
     */
    void SetNextChallenge(const std::vector<uint8_t>& challenge);

    /** \brief \return the state */
    PppAuthPeerState GetState() const;

    /** \brief \return the message of the result (empty before one) */
    std::string GetMessage() const;

    /** \brief \return PAP Authenticate-Requests sent since Start() */
    uint32_t GetRequestsSent() const;
    /** \brief \return CHAP Responses sent since Start() (repetitions included) */
    uint32_t GetResponsesSent() const;

  protected:
    void DoDispose() override;
    bool IsStarted() const override;
    bool IsAwaitingResult() const override;
    bool IsAwaitingReply() const override;
    void DoStart() override;
    void EnterInitial() override;
    void EnterResult(bool success) override;
    void Fail(const std::string& reason) override;
    void Repeat() override;
    void ReceivePap(Ptr<Packet> packet) override;
    void ReceiveChap(Ptr<Packet> packet) override;

  private:
    /**
     * \brief Move to a state.
     * \param state the new state
     */
    void SetState(PppAuthPeerState state);
    /** \brief Send a new PAP Authenticate-Request and arm the Restart timer. */
    void SendRequest();
    /**
     * \brief Keep the message and report the result.
     * \param success the result
     * \param message the authenticator's message or the local reason
     */
    void Finish(bool success, const std::string& message);
    /**
     * \brief Answer a CHAP Challenge.
     * \param identifier the Challenge's Identifier
     * \param value the Challenge's Value
     * \param packet the packet (for the Malformed trace)
     */
    void Respond(uint8_t identifier, const std::vector<uint8_t>& value, Ptr<const Packet> packet);
    /**
     * \brief Send an MS-CHAPv2 Response to m_authenticatorChallenge with a new peer challenge.
     * \param identifier its Identifier
     */
    void SendMsChapV2Response(uint8_t identifier);
    /**
     * \brief Send a CHAP Response and remember it for a repeated Challenge.
     * \param identifier its Identifier
     * \param value its Value
     */
    void SendResponse(uint8_t identifier, const std::vector<uint8_t>& value);
    /**
     * \brief An MS-CHAPv2 Success or Failure answering the last Response.
     * \param success true for Success
     * \param message its Message
     * \param identifier its Identifier
     */
    void ReceiveMsChapV2Result(bool success, const std::string& message, uint8_t identifier);

    std::string m_userName;     //!< UserName (attribute)
    std::string m_password;     //!< Password (attribute)
    bool m_verifyAuthenticator; //!< check the MS-CHAPv2 S= value (attribute)

    TracedValue<PppAuthPeerState> m_state; //!< the state

    uint32_t m_responsesSent;                     //!< CHAP Responses since Start()
    std::vector<uint8_t> m_challengeValue;        //!< Value of the Challenge answered last
    Ptr<Packet> m_lastResponse;                   //!< the Response sent last
    MsChapV2::Challenge m_authenticatorChallenge; //!< MS-CHAPv2: the challenge answered
    MsChapV2::Challenge m_peerChallenge;          //!< MS-CHAPv2: the peer challenge sent
    std::vector<uint8_t> m_drawnChallenge;        //!< octets of m_peerChallenge as drawn
    MsChapV2::NtResponse m_ntResponse;            //!< MS-CHAPv2: the NT-Response sent
    std::string m_message;                        //!< message of the result
};

} // namespace ns3

#endif /* PPP_AUTH_PEER_H */
