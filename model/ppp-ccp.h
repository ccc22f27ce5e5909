/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPP_CCP_H
#define PPP_CCP_H

#include "mppe-keys.h"
#include "ppp-automaton.h"
#include "ppp-option.h"

#include "ns3/callback.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief The Compression Control Protocol (\RFC{1962}) negotiating Microsoft Point-to-Point
 * Encryption with the MPPE/MPPC option (\RFC{3078} s.2), as pppd and Windows do it.
 *
 * Our Configure-Request holds one MPPE option with every allowed strength and H when
 * stateless mode is allowed (H is preferred when both modes are); it is empty when the
 * Encryption policy is NONE or no MPPE keys exist (SetKeysAvailable(): only MS-CHAPv2
 * yields them).
 *
 * The peer's MPPE option (bits B) is judged: the strongest strength common to B and ours
 * (128 > 56 > 40); stateless when B has H and we allow it, or when we do not allow stateful
 * mode. B equal to exactly that strength (plus H when stateless) is acknowledged; otherwise
 * (other strengths, the obsolete D bit, MPPC compression C) it is Nak'ed with exactly that.
 * Without a common strength it is Nak'ed with our whole allowed set; the automaton's
 * Max-Failure turns a lasting disagreement into a Reject. With policy NONE or without keys
 * the MPPE option is Rejected, as is every other CCP option (Deflate, BSD-Compress, ...).
 *
 * A Nak of our request naming exactly one strength we allow, in a mode we allow, becomes
 * our next request; any other Nak leaves it as is. A Reject of our MPPE option empties our
 * request; with policy REQUIRED the layer closes ("MPPE refused") and fires
 * "EncryptionRefused".
 *
 * At tlu MPPE is on when both acknowledged requests hold the same single strength and
 * mode. With policy REQUIRED and MPPE off the layer closes ("MPPE required") and fires
 * "EncryptionRefused"; otherwise "Negotiated" reports the outcome.
 *
 * Reset-Request (\RFC{1962} s.3.1, \RFC{3078} s.8.2): a received one calls the reset
 * callback (the MPPE sender flushes); no Reset-Ack is sent, as MPPE resynchronises through
 * the flushed bit. A received Reset-Ack is counted and ignored.
 */
class PppCcp : public PppAutomaton
{
  public:
    /**
     * \brief The encryption policy ("Encryption" attribute).
     *
     * Unscoped (but nested and spelled PppCcp::Policy::REQUIRED) so that ns-3's EnumValue
     * and MakeEnumChecker, which take int, accept its values.
     */
    enum Policy : uint8_t
    {
        NONE = 0,     //!< never encrypt: no MPPE option requested, the peer's rejected
        OPTIONAL = 1, //!< negotiate MPPE, open without it when the peer refuses
        REQUIRED = 2, //!< negotiate MPPE, close CCP when it is not agreed
    };

    /**
     * \brief The name of a policy: "NONE", "OPTIONAL", "REQUIRED".
     * \param policy the policy
     * \return a static string; never null
     */
    static const char* PolicyName(Policy policy);

    /**
     * \brief TracedCallback signature of the outcome of CCP (fired at tlu).
     * \param mppe whether MPPE is on
     * \param strength the key strength (meaningful when mppe)
     * \param stateless whether stateless mode (meaningful when mppe)
     */
    typedef void (*NegotiatedTracedCallback)(bool mppe, MppeStrength strength, bool stateless);

    /**
     * \brief TracedCallback signature of a refusal of the required encryption.
     * \param reason "MPPE refused" (the peer rejected our MPPE option) or "MPPE required"
     *        (CCP opened without MPPE)
     */
    typedef void (*EncryptionRefusedTracedCallback)(const std::string& reason);

    /**
     * \brief TracedCallback signature of a Reset-Request sent.
     * \param identifier the Reset-Request's identifier
     */
    typedef void (*ResetRequestTracedCallback)(uint8_t identifier);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /** \brief A CCP automaton in the Initial state, without MPPE keys. */
    PppCcp();
    ~PppCcp() override;

    /**
     * \brief Tell CCP whether MPPE keys exist (after MS-CHAPv2); without them MPPE is
     * neither offered nor accepted. Set before Open().
     * \param available true when keys exist
     */
    void SetKeysAvailable(bool available);

    /**
     * \brief Set the function called when the peer sends a Reset-Request in OPENED (the
     * MPPE sender re-initialises its RC4 state and sets the flushed bit).
     * \param callback the function (may be null)
     */
    void SetResetRequestCallback(Callback<void> callback);

    /**
     * \brief Send a Reset-Request without data and with a fresh identifier (the MPPE
     * receiver after a detected loss in stateful mode). Only in OPENED; ignored otherwise.
     */
    void SendResetRequest();

    /** \brief \return whether MPPE was agreed in both directions (valid while OPENED) */
    bool IsMppeOn() const;
    /** \brief \return the agreed key strength (meaningful when IsMppeOn()) */
    MppeStrength GetStrength() const;
    /** \brief \return whether stateless mode was agreed (meaningful when IsMppeOn()) */
    bool IsStateless() const;

    /** \brief \return Reset-Requests sent */
    uint64_t GetResetRequestsSent() const;
    /** \brief \return Reset-Requests received (in any state) */
    uint64_t GetResetRequestsReceived() const;
    /** \brief \return Reset-Acks received (ignored) */
    uint64_t GetResetAcksReceived() const;

  protected:
    void DoDispose() override;
    /** \brief Start the request afresh from the configuration (Validate() first). */
    void BeginNegotiation() override;
    std::vector<PppOption> BuildConfigureRequest() override;
    RequestVerdict ProcessConfigureRequest(const std::vector<PppOption>& options,
                                           std::vector<PppOption>& reply) override;
    void ProcessConfigureAck(const std::vector<PppOption>& options) override;
    void ProcessConfigureNak(const std::vector<PppOption>& options) override;
    void ProcessConfigureReject(const std::vector<PppOption>& options) override;
    void ThisLayerUp() override;
    void ThisLayerDown() override;
    void ThisLayerStarted() override;
    void ThisLayerFinished() override;
    void ReceiveOtherCode(const PppControlPacket& packet) override;

  private:
    /** \brief NS_FATAL_ERROR on an inconsistent configuration (at Open). */
    void Validate() const;
    /** \brief \return whether MPPE may be negotiated (policy not NONE, keys available) */
    bool IsMppeWanted() const;
    /** \brief \return the strength bits (L, M, S) the attributes allow */
    uint32_t AllowedStrengths() const;
    /**
     * \brief Our answer to the peer's MPPE bits: one strength and H when stateless, or
     * our whole allowed set when there is no common strength.
     * \param bits the peer's Supported Bits
     * \return the bits we can acknowledge
     */
    uint32_t ChooseBits(uint32_t bits) const;
    /**
     * \brief Whether bits name exactly one strength and nothing but H besides.
     * \param bits Supported Bits
     * \return true for a single agreed configuration
     */
    static bool IsSingleChoice(uint32_t bits);
    /**
     * \brief The MPPE bits of an option list holding exactly one MPPE option and nothing
     * else.
     * \param options the options
     * \param bits set to the option's bits
     * \return true when found
     */
    static bool SoleMppeBits(const std::vector<PppOption>& options, uint32_t& bits);
    /**
     * \brief Refuse the required encryption: fire the trace and close (deferred, as this
     * runs inside an automaton event).
     * \param reason the Terminate-Request reason and trace argument
     */
    void RefuseEncryption(const char* reason);

    // configuration
    Policy m_policy;       //!< "Encryption"
    bool m_allow40;        //!< "Allow40Bit"
    bool m_allow56;        //!< "Allow56Bit"
    bool m_allow128;       //!< "Allow128Bit"
    bool m_allowStateless; //!< "AllowStateless"
    bool m_allowStateful;  //!< "AllowStateful"
    bool m_keysAvailable;  //!< MPPE keys exist

    // request state
    bool m_requestMppe;                   //!< whether our request holds the MPPE option
    uint32_t m_requestBits;               //!< its Supported Bits
    std::vector<PppOption> m_ackedByPeer; //!< our request as the peer acknowledged it
    std::vector<PppOption> m_ackedByUs;   //!< the peer's request as we acknowledged it

    // outcome
    bool m_mppeOn;           //!< MPPE agreed in both directions
    MppeStrength m_strength; //!< agreed strength
    bool m_stateless;        //!< agreed mode

    Callback<void> m_resetRequestCallback; //!< owner: the peer asked for a reset

    uint64_t m_resetRequestsSent;     //!< Reset-Requests sent
    uint64_t m_resetRequestsReceived; //!< Reset-Requests received
    uint64_t m_resetAcksReceived;     //!< Reset-Acks received

    TracedCallback<bool, MppeStrength, bool> m_negotiatedTrace;  //!< outcome at tlu
    TracedCallback<const std::string&> m_encryptionRefusedTrace; //!< required MPPE refused
    TracedCallback<uint8_t> m_resetRequestSentTrace;             //!< Reset-Request sent
};

/**
 * \ingroup pptp
 * \brief Prints PppCcp::PolicyName().
 * \param os the stream
 * \param policy the policy
 * \return the stream
 */
std::ostream& operator<<(std::ostream& os, PppCcp::Policy policy);

} // namespace ns3

#endif /* PPP_CCP_H */
