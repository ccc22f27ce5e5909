/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPP_AUTHENTICATOR_H
#define PPP_AUTHENTICATOR_H

#include "mppe-keys.h"
#include "ppp-auth-method.h"
#include "ppp-credentials.h"
#include "pptp-wire-error.h"

#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/packet.h"
#include "ns3/ptr.h"
#include "ns3/random-variable-stream.h"
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
class PppAuthenticator : public Object
{
  public:
    /** \brief Sends one packet: the PPP protocol (PAP or CHAP) and the packet from its Code on. */
    typedef Callback<void, uint16_t, Ptr<Packet>> SendCallback;
    /** \brief Told the result once: success, and the peer's name. */
    typedef Callback<void, bool, std::string> ResultCallback;

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

    /** \brief An authenticator in the Initial state, method MS-CHAPv2, no users. */
    PppAuthenticator();
    ~PppAuthenticator() override;

    /**
     * \brief Set the method; takes effect at the next Start().
     * \param method PAP, CHAP_MD5 or MSCHAPV2
     */
    void SetMethod(PppAuthMethod method);
    /** \brief \return the method */
    PppAuthMethod GetMethod() const;

    /**
     * \brief Set the table of users and passwords.
     * \param credentials the table (null: nobody is known)
     */
    void SetCredentials(Ptr<const PppCredentials> credentials);

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
     * \brief Begin authenticating the peer: PAP waits for a request, CHAP sends a Challenge.
     * Starting again restarts (timers, attempt counts, no result yet); Identifiers continue.
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
     * \brief Use fixed random streams for the challenges.
     * \param stream the first stream index
     * \return the number of streams used (1)
     */
    int64_t AssignStreams(int64_t stream);

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

    /** \brief \return whether an MS-CHAPv2 success produced an MPPE master key */
    bool HasMppeMasterKey() const;
    /**
     * \brief The \RFC{3079} s.3.4 master key of the last MS-CHAPv2 success.
     * \return the key (all zero when HasMppeMasterKey() is false)
     */
    const MppeKeys::MasterKey& GetMppeMasterKey() const;

    /** \brief \return the name in the last Authenticate-Request or Response (empty before) */
    std::string GetPeerName() const;

    /** \brief \return received packets that did not decode */
    uint64_t GetMalformedCount() const;
    /** \brief \return received packets discarded (wrong protocol or code, stale, out of state) */
    uint64_t GetDiscardedCount() const;
    /** \brief \return Challenges sent since Start() */
    uint32_t GetChallengesSent() const;
    /** \brief \return wrong requests or responses received since Start() */
    uint32_t GetFailedAttempts() const;

  protected:
    void DoDispose() override;

  private:
    /**
     * \brief The PPP protocol of the method.
     * \return PppProtocol::PAP or PppProtocol::CHAP
     */
    uint16_t Protocol() const;
    /**
     * \brief Move to a state.
     * \param state the new state
     */
    void SetState(PppAuthenticatorState state);
    /**
     * \brief Send a packet (traced).
     * \param packet the packet from its Code on
     */
    void Send(Ptr<Packet> packet);
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
     * \brief Fill m_challenge with the next challenge (SetNextChallenge() or random).
     * \param size octets of a random challenge
     */
    void NextChallenge(std::size_t size);
    /** \brief Send a new Challenge and arm the Restart timer. */
    void SendChallenge();
    /** \brief The Restart timer: repeat the Challenge or give up. */
    void RestartTimeout();
    /** \brief The Timeout: fail unless already done. */
    void AuthenticationTimeout();
    /**
     * \brief Enter SUCCEEDED or FAILED and tell the owner.
     * \param success the result
     */
    void Finish(bool success);

    /**
     * \brief A PAP packet.
     * \param packet the packet
     */
    void ReceivePap(Ptr<Packet> packet);
    /**
     * \brief Send a PAP Authenticate-Ack or -Nak.
     * \param identifier the request's Identifier
     * \param ack true for an Ack
     */
    void SendPapReply(uint8_t identifier, bool ack);
    /**
     * \brief A CHAP packet.
     * \param packet the packet
     */
    void ReceiveChap(Ptr<Packet> packet);
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

    PppAuthMethod m_method;                  //!< the method
    Ptr<const PppCredentials> m_credentials; //!< users and passwords
    SendCallback m_send;                     //!< sends packets
    ResultCallback m_result;                 //!< told the result

    std::string m_name;                  //!< Name of the Challenges (attribute)
    Time m_restartTimer;                 //!< Challenge repetition interval (attribute)
    uint32_t m_maxChallenges;            //!< most Challenges per Start() (attribute)
    uint32_t m_maxAttempts;              //!< wrong answers before the failure is final (attribute)
    Time m_timeout;                      //!< bound on the whole authentication (attribute)
    Ptr<UniformRandomVariable> m_random; //!< challenge octets

    TracedValue<PppAuthenticatorState> m_state; //!< the state
    EventId m_restartEvent;                     //!< Restart timer
    EventId m_timeoutEvent;                     //!< Timeout

    uint8_t m_identifier;                 //!< Identifier of the current Challenge
    std::vector<uint8_t> m_challenge;     //!< the current challenge value
    std::vector<uint8_t> m_nextChallenge; //!< SetNextChallenge() octets, empty when unset
    uint32_t m_challengesSent;            //!< Challenges since Start()
    uint32_t m_failedAttempts;            //!< wrong answers since Start()
    std::string m_peerName;               //!< the peer's name
    Ptr<Packet> m_lastReply;              //!< the CHAP Success / Failure sent last
    uint8_t m_lastReplyIdentifier;        //!< its Identifier
    bool m_hasMasterKey;                  //!< whether m_masterKey is set
    MppeKeys::MasterKey m_masterKey;      //!< \RFC{3079} master key
    uint64_t m_malformed;                 //!< malformed packets received
    uint64_t m_discarded;                 //!< packets discarded

    TracedCallback<PppAuthMethod, bool, std::string> m_resultTrace;          //!< result
    TracedCallback<uint16_t, Ptr<const Packet>> m_txTrace;                   //!< packets sent
    TracedCallback<uint16_t, Ptr<const Packet>> m_rxTrace;                   //!< packets received
    TracedCallback<uint16_t, Ptr<const Packet>> m_discardTrace;              //!< discarded
    TracedCallback<uint16_t, Ptr<const Packet>, WireError> m_malformedTrace; //!< malformed
};

} // namespace ns3

#endif /* PPP_AUTHENTICATOR_H */
