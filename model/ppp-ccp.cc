/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ppp-ccp.h"

#include "ppp-control-packet.h"
#include "ppp-frame-header.h"

#include "ns3/boolean.h"
#include "ns3/enum.h"
#include "ns3/fatal-error.h"
#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PppCcp");

NS_OBJECT_ENSURE_REGISTERED(PppCcp);

namespace
{

/// The strength bits of the MPPE option.
constexpr uint32_t STRENGTH_BITS
    = PppOption::MPPE_40_BIT | PppOption::MPPE_56_BIT | PppOption::MPPE_128_BIT;

} // namespace

const char*
PppCcp::PolicyName(Policy policy)
{
    switch (policy)
    {
        case NONE:
            return "NONE";
        case OPTIONAL:
            return "OPTIONAL";
        case REQUIRED:
            return "REQUIRED";
    }
    return "UNKNOWN";
}

std::ostream&
operator<<(std::ostream& os, PppCcp::Policy policy)
{
    return os << PppCcp::PolicyName(policy);
}

TypeId
PppCcp::GetTypeId()
{
    static TypeId tid
        = TypeId("ns3::PppCcp")
              .SetParent<PppAutomaton>()
              .SetGroupName("Pptp")
              .AddConstructor<PppCcp>()
              .AddAttribute("Encryption",
                            "MPPE policy: NONE (never encrypt; the peer's MPPE option is "
                            "rejected), OPTIONAL (negotiate MPPE, open in clear if the peer "
                            "refuses) or REQUIRED (close CCP, and so the link, unless MPPE is "
                            "agreed). OPTIONAL and REQUIRED need at least one Allow*Bit.",
                            EnumValue(OPTIONAL),
                            MakeEnumAccessor(&PppCcp::m_policy),
                            MakeEnumChecker(NONE,
                                            PolicyName(NONE),
                                            OPTIONAL,
                                            PolicyName(OPTIONAL),
                                            REQUIRED,
                                            PolicyName(REQUIRED)))
              .AddAttribute("Allow40Bit",
                            "Offer and accept 40-bit MPPE keys (L bit; export grade, off by "
                            "default).",
                            BooleanValue(false),
                            MakeBooleanAccessor(&PppCcp::m_allow40),
                            MakeBooleanChecker())
              .AddAttribute("Allow56Bit",
                            "Offer and accept 56-bit MPPE keys (M bit; export grade, off by "
                            "default).",
                            BooleanValue(false),
                            MakeBooleanAccessor(&PppCcp::m_allow56),
                            MakeBooleanChecker())
              .AddAttribute("Allow128Bit",
                            "Offer and accept 128-bit MPPE keys (S bit).",
                            BooleanValue(true),
                            MakeBooleanAccessor(&PppCcp::m_allow128),
                            MakeBooleanChecker())
              .AddAttribute("AllowStateless",
                            "Offer and accept stateless MPPE (H bit: a key change per packet); "
                            "preferred when both modes are allowed.",
                            BooleanValue(true),
                            MakeBooleanAccessor(&PppCcp::m_allowStateless),
                            MakeBooleanChecker())
              .AddAttribute("AllowStateful",
                            "Accept stateful MPPE (no H bit; key change every 256 packets, "
                            "Reset-Request after a loss). Off by default, as pppd's "
                            "nomppe-stateful.",
                            BooleanValue(false),
                            MakeBooleanAccessor(&PppCcp::m_allowStateful),
                            MakeBooleanChecker())
              .AddTraceSource("Negotiated",
                              "CCP opened (tlu): whether MPPE is on, its strength and mode.",
                              MakeTraceSourceAccessor(&PppCcp::m_negotiatedTrace),
                              "ns3::PppCcp::NegotiatedTracedCallback")
              .AddTraceSource("EncryptionRefused",
                              "Encryption is REQUIRED but the peer refused MPPE or CCP opened "
                              "without it; CCP closes.",
                              MakeTraceSourceAccessor(&PppCcp::m_encryptionRefusedTrace),
                              "ns3::PppCcp::EncryptionRefusedTracedCallback")
              .AddTraceSource("ResetRequestSent",
                              "A CCP Reset-Request was sent (MPPE receiver after a loss).",
                              MakeTraceSourceAccessor(&PppCcp::m_resetRequestSentTrace),
                              "ns3::PppCcp::ResetRequestTracedCallback");
    return tid;
}

PppCcp::PppCcp()
    : PppAutomaton(PppProtocol::CCP)
    , m_policy(OPTIONAL)
    , m_allow40(false)
    , m_allow56(false)
    , m_allow128(true)
    , m_allowStateless(true)
    , m_allowStateful(false)
    , m_keysAvailable(false)
    , m_requestMppe(false)
    , m_requestBits(0)
    , m_mppeOn(false)
    , m_strength(MppeStrength::BITS_128)
    , m_stateless(true)
    , m_resetRequestsSent(0)
    , m_resetRequestsReceived(0)
    , m_resetAcksReceived(0)
{
    NS_LOG_FUNCTION(this);
}

PppCcp::~PppCcp()
{
    NS_LOG_FUNCTION(this);
}

void
PppCcp::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_resetRequestCallback = MakeNullCallback<void>();
    PppAutomaton::DoDispose();
}

void
PppCcp::SetKeysAvailable(bool available)
{
    NS_LOG_FUNCTION(this << available);
    m_keysAvailable = available;
    RequestFreshNegotiation();
}

void
PppCcp::SetResetRequestCallback(Callback<void> callback)
{
    m_resetRequestCallback = callback;
}

bool
PppCcp::IsMppeOn() const
{
    return m_mppeOn;
}

MppeStrength
PppCcp::GetStrength() const
{
    return m_strength;
}

bool
PppCcp::IsStateless() const
{
    return m_stateless;
}

uint64_t
PppCcp::GetResetRequestsSent() const
{
    return m_resetRequestsSent;
}

uint64_t
PppCcp::GetResetRequestsReceived() const
{
    return m_resetRequestsReceived;
}

uint64_t
PppCcp::GetResetAcksReceived() const
{
    return m_resetAcksReceived;
}

void
PppCcp::Validate() const
{
    if (m_policy == NONE)
    {
        return;
    }
    if (AllowedStrengths() == 0)
    {
        NS_FATAL_ERROR("PppCcp: Encryption=" << PolicyName(m_policy)
                                             << " but Allow40Bit, Allow56Bit and Allow128Bit "
                                                "are all false");
    }
    if (!m_allowStateless && !m_allowStateful)
    {
        NS_FATAL_ERROR("PppCcp: Encryption=" << PolicyName(m_policy)
                                             << " but AllowStateless and AllowStateful are "
                                                "both false");
    }
}

bool
PppCcp::IsMppeWanted() const
{
    return m_policy != NONE && m_keysAvailable;
}

uint32_t
PppCcp::AllowedStrengths() const
{
    return (m_allow40 ? uint32_t(PppOption::MPPE_40_BIT) : 0U)
           | (m_allow56 ? uint32_t(PppOption::MPPE_56_BIT) : 0U)
           | (m_allow128 ? uint32_t(PppOption::MPPE_128_BIT) : 0U);
}

void
PppCcp::BeginNegotiation()
{
    NS_LOG_FUNCTION(this);
    Validate();
    m_requestMppe = IsMppeWanted();
    m_requestBits = AllowedStrengths() | (m_allowStateless ? PppOption::MPPE_STATELESS : 0U);
    m_ackedByPeer.clear();
}

std::vector<PppOption>
PppCcp::BuildConfigureRequest()
{
    NS_LOG_FUNCTION(this);
    std::vector<PppOption> options;
    if (m_requestMppe)
    {
        options.push_back(PppOption::MakeMppe(m_requestBits));
    }
    return options;
}

uint32_t
PppCcp::ChooseBits(uint32_t bits) const
{
    uint32_t common = bits & AllowedStrengths();
    bool stateless
        = ((bits & PppOption::MPPE_STATELESS) != 0 && m_allowStateless) || !m_allowStateful;
    uint32_t mode = stateless ? uint32_t(PppOption::MPPE_STATELESS) : 0U;
    if (common == 0)
    {
        // Nothing in common: show the peer everything we could accept.
        return AllowedStrengths() | (m_allowStateless ? PppOption::MPPE_STATELESS : 0U);
    }
    uint32_t strongest = (common & PppOption::MPPE_128_BIT)  ? PppOption::MPPE_128_BIT
                         : (common & PppOption::MPPE_56_BIT) ? PppOption::MPPE_56_BIT
                                                             : PppOption::MPPE_40_BIT;
    return strongest | mode;
}

bool
PppCcp::IsSingleChoice(uint32_t bits)
{
    uint32_t strength = bits & STRENGTH_BITS;
    if ((bits & ~(STRENGTH_BITS | PppOption::MPPE_STATELESS)) != 0)
    {
        return false;
    }
    return strength == PppOption::MPPE_40_BIT || strength == PppOption::MPPE_56_BIT
           || strength == PppOption::MPPE_128_BIT;
}

bool
PppCcp::SoleMppeBits(const std::vector<PppOption>& options, uint32_t& bits)
{
    if (options.size() != 1 || options[0].GetStatus() != WireError::NONE
        || !options[0].Is(PppProtocol::CCP, PppOption::CCP_MPPE))
    {
        return false;
    }
    bits = options[0].GetMppeBits();
    return true;
}

PppAutomaton::RequestVerdict
PppCcp::ProcessConfigureRequest(const std::vector<PppOption>& options,
                                std::vector<PppOption>& reply)
{
    NS_LOG_FUNCTION(this << options.size());
    if (IsFreshNegotiationPending())
    {
        // A peer's request may arrive before we built ours (Stopped, Closed + Open).
        Validate();
    }
    std::vector<PppOption> nak;
    std::vector<PppOption> reject;
    bool seenMppe = false;
    for (const PppOption& option : options)
    {
        if (option.GetStatus() != WireError::NONE
            || !option.Is(PppProtocol::CCP, PppOption::CCP_MPPE) || seenMppe || !IsMppeWanted())
        {
            // Compression (Deflate, BSD-Compress, Stac, ...), a repeated MPPE option, or
            // MPPE when we may not encrypt.
            reject.push_back(option);
            continue;
        }
        seenMppe = true;
        uint32_t bits = option.GetMppeBits();
        uint32_t choice = ChooseBits(bits);
        if (bits != choice)
        {
            NS_LOG_LOGIC("CCP: peer MPPE bits 0x" << std::hex << bits << ", we want 0x" << choice
                                                  << std::dec);
            nak.push_back(PppOption::MakeMppe(choice));
        }
    }
    if (!reject.empty())
    {
        reply = std::move(reject);
        return RequestVerdict::REJECT;
    }
    if (!nak.empty())
    {
        reply = std::move(nak);
        return RequestVerdict::NAK;
    }
    m_ackedByUs = options;
    return RequestVerdict::ACK;
}

void
PppCcp::ProcessConfigureAck(const std::vector<PppOption>& options)
{
    NS_LOG_FUNCTION(this << options.size());
    m_ackedByPeer = options;
}

void
PppCcp::ProcessConfigureNak(const std::vector<PppOption>& options)
{
    NS_LOG_FUNCTION(this << options.size());
    if (!m_requestMppe)
    {
        // We do not add MPPE on the peer's suggestion once refused or not wanted.
        return;
    }
    for (const PppOption& option : options)
    {
        if (!option.Is(PppProtocol::CCP, PppOption::CCP_MPPE))
        {
            continue;
        }
        uint32_t bits = option.GetMppeBits();
        uint32_t strength = bits & AllowedStrengths();
        bool single = strength == PppOption::MPPE_40_BIT || strength == PppOption::MPPE_56_BIT
                      || strength == PppOption::MPPE_128_BIT;
        bool stateless = (bits & PppOption::MPPE_STATELESS) != 0;
        bool modeAllowed = stateless ? m_allowStateless : m_allowStateful;
        if (single && modeAllowed)
        {
            m_requestBits = strength | (stateless ? PppOption::MPPE_STATELESS : 0U);
            NS_LOG_LOGIC("CCP: the peer's Nak picks 0x" << std::hex << m_requestBits << std::dec);
        }
        else
        {
            NS_LOG_LOGIC("CCP: the peer's Nak (0x" << std::hex << bits << std::dec
                                                   << ") is unacceptable; keeping our request");
        }
        break;
    }
}

void
PppCcp::ProcessConfigureReject(const std::vector<PppOption>& options)
{
    NS_LOG_FUNCTION(this << options.size());
    for (const PppOption& option : options)
    {
        if (option.Is(PppProtocol::CCP, PppOption::CCP_MPPE) && m_requestMppe)
        {
            NS_LOG_INFO("CCP: the peer rejected MPPE");
            m_requestMppe = false;
            if (m_policy == REQUIRED)
            {
                // At once, inside the RCJ event: the automaton then sends no new (empty)
                // Configure-Request the peer could acknowledge, as pppd closes in its
                // Reject handler.
                NS_LOG_INFO("CCP: MPPE refused; closing");
                CancelCloseSoon();
                m_encryptionRefusedTrace("MPPE refused");
                Close("MPPE refused");
                return;
            }
        }
    }
}

void
PppCcp::RefuseEncryption(const char* reason)
{
    NS_LOG_FUNCTION(this << reason);
    if (IsCloseSoonPending())
    {
        return;
    }
    NS_LOG_INFO("CCP: " << reason << "; closing");
    m_encryptionRefusedTrace(reason);
    // Deferred: this runs inside an automaton event (RCJ or the entry into Opened).
    CloseSoon(reason);
}

void
PppCcp::ThisLayerUp()
{
    NS_LOG_FUNCTION(this);
    uint32_t ours = 0;
    uint32_t theirs = 0;
    m_mppeOn = IsMppeWanted() && SoleMppeBits(m_ackedByPeer, ours)
               && SoleMppeBits(m_ackedByUs, theirs) && ours == theirs && IsSingleChoice(ours);
    if (m_mppeOn)
    {
        uint32_t strength = ours & STRENGTH_BITS;
        m_strength = strength == PppOption::MPPE_128_BIT  ? MppeStrength::BITS_128
                     : strength == PppOption::MPPE_56_BIT ? MppeStrength::BITS_56
                                                          : MppeStrength::BITS_40;
        m_stateless = (ours & PppOption::MPPE_STATELESS) != 0;
    }
    if (m_policy == REQUIRED && !m_mppeOn)
    {
        RefuseEncryption("MPPE required");
        return;
    }
    NS_LOG_INFO("CCP up: MPPE " << (m_mppeOn ? "on" : "off") << ", " << m_strength << ", "
                                << (m_stateless ? "stateless" : "stateful"));
    m_negotiatedTrace(m_mppeOn, m_strength, m_stateless);
}

void
PppCcp::ThisLayerDown()
{
    NS_LOG_FUNCTION(this);
    m_mppeOn = false;
}

void
PppCcp::ThisLayerStarted()
{
    NS_LOG_FUNCTION(this);
    Validate();
}

void
PppCcp::ThisLayerFinished()
{
    NS_LOG_FUNCTION(this);
    m_mppeOn = false;
}

void
PppCcp::ReceiveOtherCode(const PppControlPacket& packet)
{
    NS_LOG_FUNCTION(this << static_cast<uint32_t>(packet.GetCode()));
    switch (packet.GetCode())
    {
        case PppControlPacket::RESET_REQUEST:
            ++m_resetRequestsReceived;
            // RFC 3078 s.8.2: the sender re-initialises and sets the flushed bit; no Reset-Ack.
            if (IsOpened() && !m_resetRequestCallback.IsNull())
            {
                m_resetRequestCallback();
            }
            break;
        case PppControlPacket::RESET_ACK:
            ++m_resetAcksReceived;
            break;
        default:
            break;
    }
}

void
PppCcp::SendResetRequest()
{
    NS_LOG_FUNCTION(this);
    if (!IsOpened())
    {
        NS_LOG_LOGIC("CCP: not opened, no Reset-Request");
        return;
    }
    uint8_t identifier = NextIdentifier();
    SendPacket(PppControlPacket::MakeReset(
        PppControlPacket::RESET_REQUEST, identifier, std::vector<uint8_t>()));
    ++m_resetRequestsSent;
    m_resetRequestSentTrace(identifier);
}

} // namespace ns3
