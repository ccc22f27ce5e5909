/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPP_AUTHENTICATOR_H
#define PPP_AUTHENTICATOR_H

#include "ppp-auth-protocol.h"
#include "ppp-credentials.h"

#include "ns3/traced-value.h"

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief The states of the authenticator (PppAuthenticator).
 */
enum class PppAuthenticatorState : uint8_t
{
    INITIAL = 0,        //!< not started, or stopped
    WAIT_REQUEST = 1,   //!< PAP: waiting for the peer's Authenticate-Request
    CHALLENGE_SENT = 2, //!< CHAP: a Challenge (or an MS-CHAPv2 retry challenge) is out
    SUCCEEDED = 3,      //!< the peer is authenticated
    FAILED = 4,         //!< the peer failed (wrong credentials, no answer, timeout)
};

/**
 * \ingroup pptp
 * \brief The name of an authenticator state, e.g. "CHALLENGE_SENT".
 * \param state the state
 * \return a static string; never null
 */
const char* PppAuthenticatorStateName(PppAuthenticatorState state);

/**
 * \ingroup pptp
 * \brief Prints PppAuthenticatorStateName().
 * \param os the stream
 * \param state the state
 * \return the stream
 */
std::ostream& operator<<(std::ostream& os, PppAuthenticatorState state);

/**
 * \ingroup pptp
 * \brief The authenticator side of PPP authentication (the server): PAP (\RFC{1334} s.2),
 * CHAP with MD5 (\RFC{1994}) and MS-CHAPv2 (\RFC{2759}), checked against a PppCredentials
 * table.
 *
 * PAP: the peer sends Authenticate-Requests; a known user with the right password gets an
 * Authenticate-Ack ("Login ok"), anything else an Authenticate-Nak ("Login incorrect"). Once
 * the result is known every further request gets the same reply code (\RFC{1334} s.2.2.1: the
 * Ack may have been lost), with the request's Identifier.
 *
 * CHAP: Start() sends a Challenge (Identifier one more than the last one sent, a 16-octet
 * random Value, the Name attribute) and repeats a new one every RestartTimer until a Response
 * answers the current one, MaxChallenges at most (\RFC{1994} s.4.1: the Identifier changes
 * with every Challenge, so each repetition is a fresh challenge). A Response whose Identifier is
 * not the current one is stale and discarded. CHAP-MD5 checks MD5(Identifier || secret ||
 * Challenge) and answers Success ("Access granted") or Failure ("Access denied"); a Failure is
 * final (\RFC{1994} has no retry). MS-CHAPv2 checks the NT-Response of the 49-octet Response
 * Value (\RFC{2759} s.4) and answers "S=<authenticator response> M=Access granted" (s.5) or
 * "E=691 R=r C=<new challenge> V=3 M=Authentication failure" (s.6). The user name is the
 * Response's Name, looked up as sent and, when not found, without its "DOMAIN\" prefix; the
 * challenge hash always uses the name without the prefix (s.8.2). While fewer than MaxAttempts
 * wrong Responses have been received the Failure carries R=1 and a new challenge C=, which the
 * peer answers with the Failure's Identifier + 1 (s.9.1); no Challenge is repeated meanwhile
 * (R=1 "disables short timeouts", s.6), only Timeout applies. A Response repeating the one
 * answered last (same Identifier) after the result gets the same reply again (\RFC{1994}
 * s.4.1).
 *
 * PAP also honours MaxAttempts: a wrong request before the last attempt is Nak'ed and the
 * authenticator keeps waiting for another request.
 *
 * After an MS-CHAPv2 success the \RFC{3079} s.3.4 master key (from the password hash hash and
 * the NT-Response) is available for MPPE.
 *
 * Timeout bounds the whole authentication: if it has not succeeded by then, it fails. The
 * result callback is called once per Start() (not at all when Stop() comes first). Received
 * packets that do not decode are counted, traced ("Malformed") and dropped; packets of the
 * wrong protocol, with a code the authenticator does not take (a Challenge, a Success, ...),
 * stale or out of state are counted, traced ("Discarded") and dropped.
 */
class PppAuthenticator : public PppAuthProtocol
{
  public:
    /**
     * \brief TracedValue callback signature of the state.
     * \param oldValue the previous state
     * \param newValue the new state
     */
    typedef void (*StateTracedCallback)(PppAuthenticatorState oldValue,
                                        PppAuthenticatorState newValue);

    /**
     * \brief TracedCallback signature of the result.
     * \param method the method
     * \param success whether the peer is authenticated
     * \param peerName the name the peer gave (empty when it gave none)
     */
    typedef void (*ResultTracedCallback)(PppAuthMethod method, bool success, std::string peerName);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /** \brief An authenticator in the Initial state, method MS-CHAPv2, no users. */
    PppAuthenticator();
    ~PppAuthenticator() override;

    /**
     * \brief Set the table of users and passwords.
     * \param credentials the table (null: nobody is known)
     */
    void SetCredentials(Ptr<const PppCredentials> credentials);

    /**
     * \brief Use these octets as the next challenge generated instead of random ones, once:
     * for tests and to reproduce published exchanges (e.g. \RFC{2759} s.9.2). The next
     * challenge is the one of the next Challenge packet or, for MS-CHAPv2, the C= value of the
     * next Failure.
     * \param challenge 1 to 255 octets (MS-CHAPv2 needs exactly 16)
     */
    void SetNextChallenge(const std::vector<uint8_t>& challenge);

    /** \brief \return the state */
    PppAuthenticatorState GetState() const;

    /** \brief \return the name in the last Authenticate-Request or Response (empty before) */
    std::string GetPeerName() const;

    /** \brief \return Challenges sent since Start() */
    uint32_t GetChallengesSent() const;
    /** \brief \return wrong requests or responses received since Start() */
    uint32_t GetFailedAttempts() const;

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
    void SetState(PppAuthenticatorState state);
    /**
     * \brief Fill m_challenge with the next challenge (SetNextChallenge() or random).
     * \param size octets of a random challenge
     */
    void NextChallenge(std::size_t size);
    /** \brief Send a new Challenge and arm the Restart timer. */
    void SendChallenge();
    /**
     * \brief Report the result with the peer's name.
     * \param success the result
     */
    void Finish(bool success);

    /**
     * \brief Send a PAP Authenticate-Ack or -Nak.
     * \param identifier the request's Identifier
     * \param ack true for an Ack
     */
    void SendPapReply(uint8_t identifier, bool ack);
    /**
     * \brief Check a CHAP-MD5 Response to the current challenge and answer it.
     * \param name the Response's Name
     * \param value the Response's Value
     */
    void CheckMd5Response(const std::string& name, const std::vector<uint8_t>& value);
    /**
     * \brief Check an MS-CHAPv2 Response to the current challenge and answer it.
     * \param name the Response's Name
     * \param packet the packet (for the Malformed trace)
     * \param value the Response's Value
     */
    void CheckMsChapV2Response(const std::string& name,
                               Ptr<const Packet> packet,
                               const std::vector<uint8_t>& value);
    /**
     * \brief Send a CHAP Success or Failure and remember it for repeated Responses.
     * \param code ChapPacket::SUCCESS or ChapPacket::FAILURE
     * \param message the Message
     */
    void SendChapReply(uint8_t code, const std::string& message);
    /**
     * \brief Look a user up in the table, as sent and then without a "DOMAIN\" prefix.
     * \param user the name the peer gave
     * \param password receives the password
     * \return whether the user is known
     */
    bool LookupUser(const std::string& user, std::string& password) const;

    Ptr<const PppCredentials> m_credentials; //!< users and passwords
    std::string m_name;                      //!< Name of the Challenges (attribute)
    uint32_t m_maxAttempts; //!< wrong answers before the failure is final (attribute)

    TracedValue<PppAuthenticatorState> m_state; //!< the state

    std::vector<uint8_t> m_challenge; //!< the current challenge value
    uint32_t m_failedAttempts;        //!< wrong answers since Start()
    std::string m_peerName;           //!< the peer's name
    Ptr<Packet> m_lastReply;          //!< the CHAP Success / Failure sent last
    uint8_t m_lastReplyIdentifier;    //!< its Identifier
};

} // namespace ns3

#endif /* PPP_AUTHENTICATOR_H */
