/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ppp-link.h"

#include "ppp-frame-header.h"

#include "ns3/boolean.h"
#include "ns3/enum.h"
#include "ns3/log.h"
#include "ns3/string.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PppLink");

NS_OBJECT_ENSURE_REGISTERED(PppLink);

const char*
PppPhaseName(PppPhase phase)
{
    switch (phase)
    {
        case PppPhase::DEAD:
            return "DEAD";
        case PppPhase::ESTABLISH:
            return "ESTABLISH";
        case PppPhase::AUTHENTICATE:
            return "AUTHENTICATE";
        case PppPhase::NETWORK:
            return "NETWORK";
        case PppPhase::TERMINATE:
            return "TERMINATE";
    }
    return "UNKNOWN";
}

std::ostream&
operator<<(std::ostream& os, PppPhase phase)
{
    return os << PppPhaseName(phase);
}

TypeId
PppLink::GetTypeId()
{
    static TypeId tid
        = TypeId("ns3::PppLink")
              .SetParent<Object>()
              .SetGroupName("Pptp")
              .AddConstructor<PppLink>()
              .AddAttribute("Authentication",
                            "Server: the authentication method it requires of the client (LCP "
                            "Authentication-Protocol). NONE lets any client in.",
                            EnumValue(static_cast<int>(PppAuthMethod::MSCHAPV2)),
                            MakeEnumAccessor(&PppLink::SetAuthenticationAttribute,
                                             &PppLink::GetAuthenticationAttribute),
                            MakeEnumChecker(static_cast<int>(PppAuthMethod::NONE),
                                            "NONE",
                                            static_cast<int>(PppAuthMethod::PAP),
                                            "PAP",
                                            static_cast<int>(PppAuthMethod::CHAP_MD5),
                                            "CHAP_MD5",
                                            static_cast<int>(PppAuthMethod::MSCHAPV2),
                                            "MSCHAPV2"))
              .AddAttribute("AcceptPap",
                            "Client: accept a server that asks for PAP (the password travels in "
                            "clear).",
                            BooleanValue(true),
                            MakeBooleanAccessor(&PppLink::m_acceptPap),
                            MakeBooleanChecker())
              .AddAttribute("AcceptChapMd5",
                            "Client: accept a server that asks for CHAP with MD5.",
                            BooleanValue(true),
                            MakeBooleanAccessor(&PppLink::m_acceptChapMd5),
                            MakeBooleanChecker())
              .AddAttribute("AcceptMsChapV2",
                            "Client: accept a server that asks for MS-CHAPv2.",
                            BooleanValue(true),
                            MakeBooleanAccessor(&PppLink::m_acceptMsChapV2),
                            MakeBooleanChecker())
              .AddAttribute("RequestDns",
                            "Client: ask IPCP for the primary and secondary DNS servers "
                            "(RFC 1877), as Windows does.",
                            BooleanValue(true),
                            MakeBooleanAccessor(&PppLink::m_requestDns),
                            MakeBooleanChecker())
              .AddTraceSource("Phase",
                              "The PPP phase (RFC 1661 s.3.2).",
                              MakeTraceSourceAccessor(&PppLink::m_phase),
                              "ns3::PppLink::PhaseTracedCallback")
              .AddTraceSource("Authentication",
                              "Authentication ended: method, success, the peer's name (server) "
                              "or the server's message (client).",
                              MakeTraceSourceAccessor(&PppLink::m_authTrace),
                              "ns3::PppLink::AuthenticationTracedCallback")
              .AddTraceSource("NetworkUp",
                              "IPCP is open and CCP settled: this end's and the peer's address.",
                              MakeTraceSourceAccessor(&PppLink::m_networkUpTrace),
                              "ns3::PppLink::NetworkUpTracedCallback")
              .AddTraceSource("LinkDown",
                              "The link is dead (LCP finished), with the reason.",
                              MakeTraceSourceAccessor(&PppLink::m_linkDownTrace),
                              "ns3::PppLink::LinkDownTracedCallback");
    return tid;
}

PppLink::PppLink()
    : m_role(PppRole::CLIENT)
    , m_phase(PppPhase::DEAD)
    , m_deviceMtu(0)
    , m_requestDns(true)
    , m_authMethod(PppAuthMethod::NONE)
    , m_requiredMethod(PppAuthMethod::MSCHAPV2)
    , m_acceptPap(true)
    , m_acceptChapMd5(true)
    , m_acceptMsChapV2(true)
    , m_ccpSettled(false)
    , m_networkUp(false)
    , m_started(false)
    , m_stream(-1)
    , m_discardedFrames(0)
    , m_rejectedProtocols(0)
{
    NS_LOG_FUNCTION(this);
    m_lcpFactory.SetTypeId(PppLcp::GetTypeId());
    m_ccpFactory.SetTypeId(PppCcp::GetTypeId());
    m_ipcpFactory.SetTypeId(PppIpcp::GetTypeId());
    m_authPeerFactory.SetTypeId(PppAuthPeer::GetTypeId());
    m_authenticatorFactory.SetTypeId(PppAuthenticator::GetTypeId());
}

PppLink::~PppLink()
{
    NS_LOG_FUNCTION(this);
}

void
PppLink::DoDispose()
{
    NS_LOG_FUNCTION(this);
    if (m_device)
    {
        m_device->SetPppControlCallback(PptpNetDevice::PppControlCallback());
        m_device->SetMppeChannel(nullptr);
    }
    for (Ptr<PppAutomaton> automaton :
         {Ptr<PppAutomaton>(m_lcp), Ptr<PppAutomaton>(m_ccp), Ptr<PppAutomaton>(m_ipcp)})
    {
        if (automaton)
        {
            automaton->SetSendCallback(PppAutomaton::SendCallback());
            automaton->SetLayerCallbacks(Callback<void>(), Callback<void>(), Callback<void>());
            automaton->Dispose();
        }
    }
    if (m_authenticator)
    {
        m_authenticator->Dispose();
    }
    if (m_authPeer)
    {
        m_authPeer->Dispose();
    }
    if (m_mppe)
    {
        m_mppe->Dispose();
    }
    m_lcp = nullptr;
    m_ccp = nullptr;
    m_ipcp = nullptr;
    m_authenticator = nullptr;
    m_authPeer = nullptr;
    m_mppe = nullptr;
    m_device = nullptr;
    m_credentials = nullptr;
    m_networkUpCallback = NetworkUpCallback();
    m_linkDownCallback = LinkDownCallback();
    Object::DoDispose();
}

bool
PppLink::SetSubAttribute(const std::string& name, const AttributeValue& value)
{
    NS_LOG_FUNCTION(this << name);
    // Names several layers share (RestartTimer, MaxConfigure, Timeout ...) go to all of them.
    TypeId::AttributeInformation info;
    bool found = false;
    for (ObjectFactory* factory : {&m_lcpFactory,
                                   &m_ccpFactory,
                                   &m_ipcpFactory,
                                   &m_authPeerFactory,
                                   &m_authenticatorFactory})
    {
        if (factory->GetTypeId().LookupAttributeByName(name, &info))
        {
            factory->Set(name, value);
            found = true;
        }
    }
    return found;
}

bool
PppLink::IsPppAttribute(const std::string& name)
{
    TypeId::AttributeInformation info;
    for (const TypeId& tid : {PppLink::GetTypeId(),
                              PppLcp::GetTypeId(),
                              PppCcp::GetTypeId(),
                              PppIpcp::GetTypeId(),
                              PppAuthPeer::GetTypeId(),
                              PppAuthenticator::GetTypeId()})
    {
        if (tid.LookupAttributeByName(name, &info))
        {
            return true;
        }
    }
    return false;
}

void
PppLink::SetAuthenticationAttribute(int method)
{
    m_requiredMethod = static_cast<PppAuthMethod>(method);
}

int
PppLink::GetAuthenticationAttribute() const
{
    return static_cast<int>(m_requiredMethod);
}

void
PppLink::SetRole(PppRole role)
{
    m_role = role;
}

PppRole
PppLink::GetRole() const
{
    return m_role;
}

void
PppLink::SetCredentials(Ptr<const PppCredentials> credentials)
{
    m_credentials = credentials;
}

void
PppLink::SetAddresses(Ipv4Address local, Ipv4Address peer)
{
    m_requestedLocal = local;
    m_assignedPeer = peer;
}

void
PppLink::SetDnsServers(Ipv4Address primary, Ipv4Address secondary)
{
    m_dnsPrimary = primary;
    m_dnsSecondary = secondary;
}

void
PppLink::SetNetworkUpCallback(NetworkUpCallback callback)
{
    m_networkUpCallback = callback;
}

void
PppLink::SetLinkDownCallback(LinkDownCallback callback)
{
    m_linkDownCallback = callback;
}

void
PppLink::Attach(Ptr<PptpNetDevice> device)
{
    NS_LOG_FUNCTION(this << device);
    NS_ABORT_MSG_IF(m_device, "PppLink::Attach called twice");
    m_device = device;
    m_deviceMtu = device->GetMtu();
    device->SetPppControlCallback(MakeCallback(&PppLink::ReceiveFrame, this));
    CreateLayers();
}

int64_t
PppLink::AssignStreams(int64_t stream)
{
    m_stream = stream;
    return 3;
}

void
PppLink::CreateLayers()
{
    NS_LOG_FUNCTION(this);
    m_lcp = m_lcpFactory.Create<PppLcp>();
    m_ccp = m_ccpFactory.Create<PppCcp>();
    m_ipcp = m_ipcpFactory.Create<PppIpcp>();
    m_mppe = CreateObject<MppeChannel>();
    if (m_role == PppRole::SERVER)
    {
        m_authenticator = m_authenticatorFactory.Create<PppAuthenticator>();
        m_authenticator->SetCredentials(
            m_credentials ? m_credentials : Ptr<const PppCredentials>(Create<PppCredentials>()));
        m_authenticator->SetSendCallback(MakeCallback(&PppLink::SendFrame, this));
        m_authenticator->SetResultCallback(MakeCallback(&PppLink::AuthenticationDone, this));
        m_lcp->SetRequiredAuthentication(m_requiredMethod);
        m_lcp->SetAcceptedAuthentication(false, false, false);
    }
    else
    {
        m_authPeer = m_authPeerFactory.Create<PppAuthPeer>();
        m_authPeer->SetSendCallback(MakeCallback(&PppLink::SendFrame, this));
        m_authPeer->SetResultCallback(MakeCallback(&PppLink::AuthenticationDone, this));
        m_lcp->SetRequiredAuthentication(PppAuthMethod::NONE);
        m_lcp->SetAcceptedAuthentication(m_acceptPap, m_acceptChapMd5, m_acceptMsChapV2);
    }
    if (m_stream >= 0)
    {
        m_lcp->AssignStreams(m_stream);
        if (m_authenticator)
        {
            m_authenticator->AssignStreams(m_stream + 1);
        }
        if (m_authPeer)
        {
            m_authPeer->AssignStreams(m_stream + 2);
        }
    }
    m_lcp->SetSendCallback(MakeCallback(&PppLink::SendFrame, this));
    m_lcp->SetLayerCallbacks(MakeCallback(&PppLink::LcpUp, this),
                             MakeCallback(&PppLink::LcpDown, this),
                             MakeCallback(&PppLink::LcpFinished, this));
    m_lcp->SetProtocolRejectCallback(MakeCallback(&PppLink::ProtocolRejected, this));
    // LCP closes itself on these; the link's reason names them.
    m_lcp->TraceConnectWithoutContext(
        "PeerDead",
        MakeBoundCallback(&PppLink::NoteReason, this, std::string("peer not responding")));
    m_lcp->TraceConnectWithoutContext(
        "LoopbackDetected",
        MakeBoundCallback(&PppLink::NoteReason, this, std::string("loopback detected")));
    m_lcp->TraceConnectWithoutContext(
        "AuthenticationRefused",
        MakeBoundCallback(
            &PppLink::NoteReason, this, std::string("the peer refused the authentication method")));
    m_ccp->TraceConnectWithoutContext("EncryptionRefused",
                                      MakeCallback(&PppLink::EncryptionRefused, this));
    m_ccp->SetSendCallback(MakeCallback(&PppLink::SendFrame, this));
    m_ccp->SetLayerCallbacks(MakeCallback(&PppLink::CcpUp, this),
                             MakeCallback(&PppLink::CcpDown, this),
                             MakeCallback(&PppLink::CcpFinished, this));
    m_ccp->SetResetRequestCallback(MakeCallback(&PppLink::CcpResetRequestReceived, this));
    m_ipcp->SetSendCallback(MakeCallback(&PppLink::SendFrame, this));
    m_ipcp->SetLayerCallbacks(MakeCallback(&PppLink::IpcpUp, this),
                              MakeCallback(&PppLink::IpcpDown, this),
                              MakeCallback(&PppLink::IpcpFinished, this));
    m_ipcp->SetLocalAddress(m_requestedLocal);
    m_ipcp->SetPeerAddress(m_assignedPeer);
    if (m_role == PppRole::SERVER)
    {
        m_ipcp->SetDnsServers(m_dnsPrimary, m_dnsSecondary);
        m_ipcp->SetRequestDns(false);
    }
    else
    {
        m_ipcp->SetRequestDns(m_requestDns);
    }
    m_mppe->SetResetRequestCallback(MakeCallback(&PppLink::MppeResetRequest, this));
}

void
PppLink::Start()
{
    NS_LOG_FUNCTION(this);
    NS_ABORT_MSG_IF(!m_lcp, "PppLink::Start before Attach");
    NS_ABORT_MSG_IF(m_started, "PppLink::Start called twice");
    m_started = true;
    SetPhase(PppPhase::ESTABLISH);
    m_lcp->Open();
    m_lcp->Up();
}

void
PppLink::Close(const std::string& reason)
{
    NS_LOG_FUNCTION(this << reason);
    if (!m_lcp || m_phase == PppPhase::DEAD)
    {
        return;
    }
    if (m_downReason.empty())
    {
        m_downReason = reason;
    }
    m_lcp->Close(reason);
}

void
PppLink::Abort()
{
    NS_LOG_FUNCTION(this);
    if (!m_lcp || m_phase == PppPhase::DEAD)
    {
        return;
    }
    if (m_downReason.empty())
    {
        m_downReason = "lower layer down";
    }
    // Nothing can be sent any more: the layers go Down, no callback reaches the owner.
    m_linkDownCallback = LinkDownCallback();
    m_networkUpCallback = NetworkUpCallback();
    m_lcp->Down();
    StopNetwork();
    SetPhase(PppPhase::DEAD);
}

void
PppLink::SetPhase(PppPhase phase)
{
    if (m_phase != phase)
    {
        NS_LOG_INFO("PPP " << (m_role == PppRole::SERVER ? "server" : "client") << " phase "
                           << m_phase.Get() << " -> " << phase);
        m_phase = phase;
    }
}

void
PppLink::SendFrame(uint16_t protocol, Ptr<Packet> packet)
{
    NS_LOG_FUNCTION(this << protocol << packet);
    if (m_device)
    {
        m_device->SendPppFrame(packet, protocol);
    }
}

void
PppLink::ReceiveFrame(uint16_t protocol, Ptr<Packet> packet)
{
    NS_LOG_FUNCTION(this << protocol << packet);
    if (!m_lcp)
    {
        ++m_discardedFrames;
        return;
    }
    switch (protocol)
    {
        case PppProtocol::LCP:
            m_lcp->Receive(packet);
            return;
        case PppProtocol::PAP:
        case PppProtocol::CHAP:
            // RFC 1661 s.3.4: authentication packets before the Authenticate phase are discarded;
            // after it, a duplicate Response still gets its answer.
            if (m_phase == PppPhase::AUTHENTICATE || m_phase == PppPhase::NETWORK)
            {
                if (m_authenticator)
                {
                    m_authenticator->Receive(protocol, packet);
                }
                else
                {
                    m_authPeer->Receive(protocol, packet);
                }
                return;
            }
            break;
        case PppProtocol::IPCP:
            if (m_phase == PppPhase::NETWORK)
            {
                m_ipcp->Receive(packet);
                return;
            }
            break;
        case PppProtocol::CCP:
            if (m_phase == PppPhase::NETWORK)
            {
                m_ccp->Receive(packet);
                return;
            }
            break;
        case PppProtocol::COMPRESSED_DATAGRAM:
            // RFC 1962 s.2: compressed datagrams before CCP is open are discarded.
            break;
        default:
            if (m_lcp->IsOpened())
            {
                NS_LOG_LOGIC("protocol 0x" << std::hex << protocol << std::dec << " rejected");
                ++m_rejectedProtocols;
                m_lcp->SendProtocolReject(protocol, packet);
                return;
            }
            break;
    }
    NS_LOG_LOGIC("frame of protocol 0x" << std::hex << protocol << std::dec
                                        << " discarded in phase " << m_phase.Get());
    ++m_discardedFrames;
}

void
PppLink::LcpUp()
{
    NS_LOG_FUNCTION(this);
    // RFC 1661 s.6.5-6.6: the sender compresses what the receiver asked to receive compressed.
    m_device->SetAddressCompression(m_lcp->GetSendAcfc());
    m_device->SetProtocolCompression(m_lcp->GetSendPfc());
    m_authMethod
        = m_role == PppRole::SERVER ? m_lcp->GetLocalAuthMethod() : m_lcp->GetPeerAuthMethod();
    if (m_role == PppRole::SERVER && m_authMethod != m_requiredMethod)
    {
        Fail("authentication not agreed");
        return;
    }
    if (m_authMethod == PppAuthMethod::NONE)
    {
        StartNetwork();
        return;
    }
    SetPhase(PppPhase::AUTHENTICATE);
    if (m_authenticator)
    {
        m_authenticator->SetMethod(m_authMethod);
        m_authenticator->Start();
    }
    else
    {
        m_authPeer->SetMethod(m_authMethod);
        m_authPeer->Start();
    }
}

void
PppLink::AuthenticationDone(bool success, std::string detail)
{
    NS_LOG_FUNCTION(this << success << detail);
    if (m_phase != PppPhase::AUTHENTICATE)
    {
        return;
    }
    NS_LOG_INFO("PPP " << (m_role == PppRole::SERVER ? "server" : "client") << ": " << m_authMethod
                       << (success ? " succeeded" : " failed") << " (" << detail << ")");
    m_authTrace(m_authMethod, success, detail);
    if (!success)
    {
        Fail("authentication failed");
        return;
    }
    StartNetwork();
}

void
PppLink::StartNetwork()
{
    NS_LOG_FUNCTION(this);
    SetPhase(PppPhase::NETWORK);
    bool keys = m_authMethod == PppAuthMethod::MSCHAPV2
                && (m_authenticator ? m_authenticator->HasMppeMasterKey()
                                    : m_authPeer->HasMppeMasterKey());
    m_ccp->SetKeysAvailable(keys);
    if (!keys && IsEncryptionRequired())
    {
        Fail("MPPE required but no MS-CHAPv2 keys");
        return;
    }
    m_ccpSettled = false;
    m_ccp->Open();
    m_ccp->Up();
    m_ipcp->Open();
    m_ipcp->Up();
}

bool
PppLink::IsEncryptionRequired() const
{
    EnumValue policy;
    m_ccp->GetAttribute("Encryption", policy);
    return policy.Get() == static_cast<int>(PppCcp::Policy::REQUIRED);
}

void
PppLink::CcpUp()
{
    NS_LOG_FUNCTION(this);
    if (m_ccp->IsMppeOn())
    {
        const MppeKeys::MasterKey& master = m_authenticator ? m_authenticator->GetMppeMasterKey()
                                                            : m_authPeer->GetMppeMasterKey();
        m_mppe->Start(master,
                      m_role == PppRole::SERVER ? MppeSide::SERVER : MppeSide::CLIENT,
                      m_ccp->GetStrength(),
                      m_ccp->IsStateless());
        m_device->SetMppeChannel(m_mppe);
        // The encrypted frame carries the MPPE header and the protocol field in the peer's
        // MRU: Linux lowers the MTU by 4 octets.
        m_device->SetMtu(std::min<uint16_t>(m_deviceMtu, m_lcp->GetPeerMru()) - 4);
        NS_LOG_INFO("PPP " << (m_role == PppRole::SERVER ? "server" : "client") << ": MPPE on");
    }
    else if (IsEncryptionRequired())
    {
        // CCP closes itself and reports EncryptionRefused; its tlf terminates the link.
        return;
    }
    m_ccpSettled = true;
    MaybeNetworkUp();
}

void
PppLink::CcpDown()
{
    NS_LOG_FUNCTION(this);
    m_device->SetMppeChannel(nullptr);
    m_mppe->Stop();
    m_device->SetMtu(m_deviceMtu);
}

void
PppLink::CcpFinished()
{
    NS_LOG_FUNCTION(this);
    if (m_phase != PppPhase::NETWORK)
    {
        return;
    }
    if (IsEncryptionRequired())
    {
        Fail("encryption required: MPPE not agreed");
        return;
    }
    // Without MPPE the datagrams flow in clear (the policy allows it).
    m_ccpSettled = true;
    MaybeNetworkUp();
}

void
PppLink::IpcpUp()
{
    NS_LOG_FUNCTION(this);
    MaybeNetworkUp();
}

void
PppLink::IpcpDown()
{
    NS_LOG_FUNCTION(this);
    m_networkUp = false;
}

void
PppLink::IpcpFinished()
{
    NS_LOG_FUNCTION(this);
    if (m_phase == PppPhase::NETWORK)
    {
        Fail("IPCP did not open");
    }
}

void
PppLink::MaybeNetworkUp()
{
    if (m_networkUp || !m_ccpSettled || !m_ipcp->IsOpened())
    {
        return;
    }
    m_networkUp = true;
    Ipv4Address local = m_ipcp->GetLocalAddress();
    Ipv4Address peer = m_ipcp->GetPeerAddress();
    NS_LOG_INFO("PPP " << (m_role == PppRole::SERVER ? "server" : "client") << ": network up, "
                       << local << " <-> " << peer);
    m_networkUpTrace(local, peer);
    if (!m_networkUpCallback.IsNull())
    {
        m_networkUpCallback(local, peer);
    }
}

void
PppLink::ProtocolRejected(uint16_t protocol)
{
    NS_LOG_FUNCTION(this << protocol);
    if (protocol == PppProtocol::CCP)
    {
        m_ccp->ProtocolRejected();
    }
    else if (protocol == PppProtocol::IPCP)
    {
        m_ipcp->ProtocolRejected();
    }
}

void
PppLink::NoteReason(PppLink* link, std::string reason)
{
    if (link->m_downReason.empty())
    {
        link->m_downReason = reason;
    }
}

void
PppLink::EncryptionRefused(const std::string& reason)
{
    NoteReason(this, "encryption required: " + reason);
}

void
PppLink::MppeResetRequest()
{
    m_ccp->SendResetRequest();
}

void
PppLink::CcpResetRequestReceived()
{
    m_mppe->ReceiveResetRequest();
}

void
PppLink::StopNetwork()
{
    NS_LOG_FUNCTION(this);
    bool wasUp = m_networkUp;
    m_networkUp = false;
    m_ccpSettled = false;
    if (m_authenticator)
    {
        m_authenticator->Stop();
    }
    if (m_authPeer)
    {
        m_authPeer->Stop();
    }
    // Down events only (RFC 1661 s.3.4): the protocols stay administratively open and
    // wait in Starting for LCP to come back (Start() opened them).
    m_ccp->Down();
    m_ipcp->Down();
    m_device->SetMppeChannel(nullptr);
    m_mppe->Stop();
    m_device->SetMtu(m_deviceMtu);
    m_device->SetAddressCompression(false);
    m_device->SetProtocolCompression(false);
    if (wasUp)
    {
        NS_LOG_INFO("PPP " << (m_role == PppRole::SERVER ? "server" : "client")
                           << ": network down");
    }
}

void
PppLink::LcpDown()
{
    NS_LOG_FUNCTION(this);
    StopNetwork();
    SetPhase(m_lcp->GetState() == PppAutomatonState::CLOSING
                     || m_lcp->GetState() == PppAutomatonState::STOPPING
                 ? PppPhase::TERMINATE
                 : PppPhase::ESTABLISH);
}

void
PppLink::LcpFinished()
{
    NS_LOG_FUNCTION(this);
    if (m_phase == PppPhase::DEAD)
    {
        return;
    }
    StopNetwork();
    if (m_downReason.empty())
    {
        m_downReason = "LCP finished in " + std::string(PppAutomatonStateName(m_lcp->GetState()));
    }
    SetPhase(PppPhase::DEAD);
    NS_LOG_INFO("PPP " << (m_role == PppRole::SERVER ? "server" : "client") << ": link dead ("
                       << m_downReason << ")");
    m_linkDownTrace(m_downReason);
    if (!m_linkDownCallback.IsNull())
    {
        m_linkDownCallback(m_downReason);
    }
}

void
PppLink::Fail(const std::string& reason)
{
    NS_LOG_FUNCTION(this << reason);
    if (m_downReason.empty())
    {
        m_downReason = reason;
    }
    SetPhase(PppPhase::TERMINATE);
    m_lcp->Close(reason);
}

PppPhase
PppLink::GetPhase() const
{
    return m_phase;
}

bool
PppLink::IsNetworkUp() const
{
    return m_networkUp;
}

Ipv4Address
PppLink::GetLocalAddress() const
{
    return m_ipcp ? m_ipcp->GetLocalAddress() : Ipv4Address::GetAny();
}

Ipv4Address
PppLink::GetPeerAddress() const
{
    return m_ipcp ? m_ipcp->GetPeerAddress() : Ipv4Address::GetAny();
}

PppAuthMethod
PppLink::GetAuthMethod() const
{
    return m_authMethod;
}

const std::string&
PppLink::GetDownReason() const
{
    return m_downReason;
}

Ptr<PppLcp>
PppLink::GetLcp() const
{
    return m_lcp;
}

Ptr<PppIpcp>
PppLink::GetIpcp() const
{
    return m_ipcp;
}

Ptr<PppCcp>
PppLink::GetCcp() const
{
    return m_ccp;
}

Ptr<PppAuthenticator>
PppLink::GetAuthenticator() const
{
    return m_authenticator;
}

Ptr<PppAuthPeer>
PppLink::GetAuthPeer() const
{
    return m_authPeer;
}

Ptr<MppeChannel>
PppLink::GetMppeChannel() const
{
    return m_mppe;
}

uint64_t
PppLink::GetDiscardedFrames() const
{
    return m_discardedFrames;
}

uint64_t
PppLink::GetRejectedProtocols() const
{
    return m_rejectedProtocols;
}

} // namespace ns3
