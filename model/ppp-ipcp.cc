/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ppp-ipcp.h"

#include "ppp-frame-header.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PppIpcp");

NS_OBJECT_ENSURE_REGISTERED(PppIpcp);

TypeId
PppIpcp::GetTypeId()
{
    static TypeId tid
        = TypeId("ns3::PppIpcp")
              .SetParent<PppAutomaton>()
              .SetGroupName("Pptp")
              .AddConstructor<PppIpcp>()
              .AddTraceSource("Negotiated",
                              "IPCP opened (tlu): the address acknowledged for us and the "
                              "address of the peer's acknowledged request.",
                              MakeTraceSourceAccessor(&PppIpcp::m_negotiatedTrace),
                              "ns3::PppIpcp::NegotiatedTracedCallback");
    return tid;
}

PppIpcp::PppIpcp()
    : PppAutomaton(PppProtocol::IPCP)
    , m_localConfig(Ipv4Address::GetAny())
    , m_peerConfig(Ipv4Address::GetAny())
    , m_dnsPrimary(Ipv4Address::GetAny())
    , m_dnsSecondary(Ipv4Address::GetAny())
    , m_requestDns(false)
    , m_requestIpAddress(true)
    , m_requestAddress(Ipv4Address::GetAny())
    , m_requestPrimaryDns(false)
    , m_requestPrimaryValue(Ipv4Address::GetAny())
    , m_requestSecondaryDns(false)
    , m_requestSecondaryValue(Ipv4Address::GetAny())
    , m_localAddress(Ipv4Address::GetAny())
    , m_peerAddress(Ipv4Address::GetAny())
    , m_primaryDns(Ipv4Address::GetAny())
    , m_secondaryDns(Ipv4Address::GetAny())
{
    NS_LOG_FUNCTION(this);
}

PppIpcp::~PppIpcp()
{
    NS_LOG_FUNCTION(this);
}

void
PppIpcp::SetLocalAddress(Ipv4Address address)
{
    NS_LOG_FUNCTION(this << address);
    m_localConfig = address;
    RequestFreshNegotiation();
}

void
PppIpcp::SetPeerAddress(Ipv4Address address)
{
    NS_LOG_FUNCTION(this << address);
    m_peerConfig = address;
}

void
PppIpcp::SetDnsServers(Ipv4Address primary, Ipv4Address secondary)
{
    NS_LOG_FUNCTION(this << primary << secondary);
    m_dnsPrimary = primary;
    m_dnsSecondary = secondary;
}

void
PppIpcp::SetRequestDns(bool request)
{
    NS_LOG_FUNCTION(this << request);
    m_requestDns = request;
    RequestFreshNegotiation();
}

Ipv4Address
PppIpcp::GetLocalAddress() const
{
    return m_localAddress;
}

Ipv4Address
PppIpcp::GetPeerAddress() const
{
    return m_peerAddress;
}

Ipv4Address
PppIpcp::GetPrimaryDns() const
{
    return m_primaryDns;
}

Ipv4Address
PppIpcp::GetSecondaryDns() const
{
    return m_secondaryDns;
}

void
PppIpcp::BeginNegotiation()
{
    NS_LOG_FUNCTION(this);
    m_requestIpAddress = true;
    m_requestAddress = m_localConfig;
    m_requestPrimaryDns = m_requestDns;
    m_requestPrimaryValue = Ipv4Address::GetAny();
    m_requestSecondaryDns = m_requestDns;
    m_requestSecondaryValue = Ipv4Address::GetAny();
    // m_peerAddress is left alone: the verdict on the peer's request may precede this
    // request (RCR in Opened: tld, scr, sca).
    m_localAddress = Ipv4Address::GetAny();
    m_primaryDns = Ipv4Address::GetAny();
    m_secondaryDns = Ipv4Address::GetAny();
}

std::vector<PppOption>
PppIpcp::BuildConfigureRequest()
{
    NS_LOG_FUNCTION(this);
    std::vector<PppOption> options;
    options.reserve(3);
    if (m_requestIpAddress)
    {
        options.push_back(PppOption::MakeIpAddress(m_requestAddress));
    }
    if (m_requestPrimaryDns)
    {
        options.push_back(
            PppOption::MakeIpcpAddress(PppOption::IPCP_PRIMARY_DNS, m_requestPrimaryValue));
    }
    if (m_requestSecondaryDns)
    {
        options.push_back(
            PppOption::MakeIpcpAddress(PppOption::IPCP_SECONDARY_DNS, m_requestSecondaryValue));
    }
    return options;
}

void
PppIpcp::JudgeDns(const PppOption& option,
                  Ipv4Address server,
                  std::vector<PppOption>& nak,
                  std::vector<PppOption>& reject)
{
    if (server == Ipv4Address::GetAny())
    {
        reject.push_back(option);
    }
    else if (option.GetIpv4Address() != server)
    {
        nak.push_back(PppOption::MakeIpcpAddress(option.GetType(), server));
    }
}

PppAutomaton::RequestVerdict
PppIpcp::ProcessConfigureRequest(const std::vector<PppOption>& options,
                                 std::vector<PppOption>& reply)
{
    NS_LOG_FUNCTION(this << options.size());
    std::vector<PppOption> nak;
    std::vector<PppOption> reject;
    bool hasAddress = false;
    Ipv4Address requested = Ipv4Address::GetAny();
    for (const PppOption& option : options)
    {
        if (option.GetStatus() != WireError::NONE)
        {
            reject.push_back(option);
            continue;
        }
        switch (option.GetType())
        {
            case PppOption::IPCP_IP_ADDRESS:
            {
                hasAddress = true;
                requested = option.GetIpv4Address();
                if (m_peerConfig != Ipv4Address::GetAny())
                {
                    if (requested != m_peerConfig)
                    {
                        nak.push_back(PppOption::MakeIpAddress(m_peerConfig));
                    }
                }
                else if (requested == Ipv4Address::GetAny())
                {
                    // The peer wants an address and we have none to give.
                    reject.push_back(option);
                }
                break;
            }
            case PppOption::IPCP_PRIMARY_DNS:
                JudgeDns(option, m_dnsPrimary, nak, reject);
                break;
            case PppOption::IPCP_SECONDARY_DNS:
                JudgeDns(option, m_dnsSecondary, nak, reject);
                break;
            default:
                // IP-Compression-Protocol (no VJ here), IP-Addresses (deprecated), Mobile-IPv4,
                // NBNS and anything unknown.
                reject.push_back(option);
                break;
        }
    }
    if (!reject.empty())
    {
        NS_LOG_LOGIC("IPCP: rejecting " << reject.size() << " option(s)");
        reply = std::move(reject);
        return RequestVerdict::REJECT;
    }
    if (!hasAddress && m_peerConfig != Ipv4Address::GetAny())
    {
        // RFC 1332 s.3.3: the peer must be told its address; a Nak may add an option.
        nak.push_back(PppOption::MakeIpAddress(m_peerConfig));
    }
    if (!nak.empty())
    {
        NS_LOG_LOGIC("IPCP: naking " << nak.size() << " option(s)");
        reply = std::move(nak);
        return RequestVerdict::NAK;
    }
    m_peerAddress = hasAddress ? requested : Ipv4Address::GetAny();
    return RequestVerdict::ACK;
}

void
PppIpcp::ProcessConfigureAck(const std::vector<PppOption>& options)
{
    NS_LOG_FUNCTION(this << options.size());
    m_localAddress = m_localConfig;
    m_primaryDns = Ipv4Address::GetAny();
    m_secondaryDns = Ipv4Address::GetAny();
    for (const PppOption& option : options)
    {
        if (option.GetStatus() != WireError::NONE)
        {
            continue;
        }
        switch (option.GetType())
        {
            case PppOption::IPCP_IP_ADDRESS:
                m_localAddress = option.GetIpv4Address();
                break;
            case PppOption::IPCP_PRIMARY_DNS:
                m_primaryDns = option.GetIpv4Address();
                break;
            case PppOption::IPCP_SECONDARY_DNS:
                m_secondaryDns = option.GetIpv4Address();
                break;
            default:
                break;
        }
    }
}

void
PppIpcp::ProcessConfigureNak(const std::vector<PppOption>& options)
{
    NS_LOG_FUNCTION(this << options.size());
    for (const PppOption& option : options)
    {
        switch (option.GetType())
        {
            case PppOption::IPCP_IP_ADDRESS:
            {
                Ipv4Address offered = option.GetIpv4Address();
                if (offered != Ipv4Address::GetAny())
                {
                    // The peer assigns our address (or wants the option added with it).
                    m_requestIpAddress = true;
                    m_requestAddress = offered;
                }
                break;
            }
            case PppOption::IPCP_PRIMARY_DNS:
                if (m_requestPrimaryDns)
                {
                    m_requestPrimaryValue = option.GetIpv4Address();
                }
                break;
            case PppOption::IPCP_SECONDARY_DNS:
                if (m_requestSecondaryDns)
                {
                    m_requestSecondaryValue = option.GetIpv4Address();
                }
                break;
            default:
                // Options we do not want are not added on a peer's suggestion.
                break;
        }
    }
}

void
PppIpcp::ProcessConfigureReject(const std::vector<PppOption>& options)
{
    NS_LOG_FUNCTION(this << options.size());
    for (const PppOption& option : options)
    {
        switch (option.GetType())
        {
            case PppOption::IPCP_IP_ADDRESS:
                m_requestIpAddress = false;
                // Deferred: the automaton is in the middle of the RCJ event.
                if (m_requestAddress == Ipv4Address::GetAny() && CloseSoon("no address"))
                {
                    NS_LOG_INFO("IPCP: the peer rejected IP-Address and we have no address");
                }
                break;
            case PppOption::IPCP_PRIMARY_DNS:
                m_requestPrimaryDns = false;
                break;
            case PppOption::IPCP_SECONDARY_DNS:
                m_requestSecondaryDns = false;
                break;
            default:
                break;
        }
    }
}

void
PppIpcp::ThisLayerUp()
{
    NS_LOG_FUNCTION(this);
    NS_LOG_INFO("IPCP up: local " << m_localAddress << ", peer " << m_peerAddress);
    m_negotiatedTrace(m_localAddress, m_peerAddress);
}

} // namespace ns3
