/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-remote-access-topology.h"

#include "pptp-client.h"
#include "pptp-range-checker.h"
#include "pptp-server.h"

#include "ns3/abort.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/ipv4-static-routing.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PptpRemoteAccessTopology");

namespace
{

/// The owner named in every message.
const std::string OWNER = "PptpRemoteAccessTopology";

} // namespace

PptpRemoteAccessTopology::PptpRemoteAccessTopology()
{
    NS_LOG_FUNCTION(this);
}

void
PptpRemoteAccessTopology::SetClientCount(uint32_t n)
{
    m_clients = n;
}

void
PptpRemoteAccessTopology::SetLanHostCount(uint32_t n)
{
    m_hosts = n;
}

void
PptpRemoteAccessTopology::SetAccessDataRate(DataRate rate)
{
    m_accessRate = rate;
}

void
PptpRemoteAccessTopology::SetAccessDelay(Time delay)
{
    m_accessDelay = delay;
}

void
PptpRemoteAccessTopology::SetAccessLoss(double loss)
{
    m_accessLoss = loss;
}

void
PptpRemoteAccessTopology::SetAccessJitter(Time jitter)
{
    m_accessJitter = jitter;
}

void
PptpRemoteAccessTopology::SetCoreDataRate(DataRate rate)
{
    m_coreRate = rate;
}

void
PptpRemoteAccessTopology::SetCoreDelay(Time delay)
{
    m_coreDelay = delay;
}

void
PptpRemoteAccessTopology::SetLanDataRate(DataRate rate)
{
    m_lanRate = rate;
}

void
PptpRemoteAccessTopology::SetLanDelay(Time delay)
{
    m_lanDelay = delay;
}

void
PptpRemoteAccessTopology::SetAccessNetwork(Ipv4Address network, Ipv4Mask mask)
{
    m_accessNetwork = network;
    m_accessMask = mask;
}

void
PptpRemoteAccessTopology::SetLanNetwork(Ipv4Address network, Ipv4Mask mask)
{
    m_lanNetwork = network;
    m_lanMask = mask;
}

void
PptpRemoteAccessTopology::SetPoolNetwork(Ipv4Address network, Ipv4Mask mask)
{
    m_poolNetwork = network;
    m_poolMask = mask;
}

void
PptpRemoteAccessTopology::SetClientStart(Time first, Time stagger)
{
    m_firstStart = first;
    m_stagger = stagger;
}

void
PptpRemoteAccessTopology::SetSecurity(const PptpSecurityOptions& security)
{
    m_security = security;
}

void
PptpRemoteAccessTopology::SetClientAttribute(const std::string& name, const AttributeValue& value)
{
    m_attributes.client.emplace_back(name, value.Copy());
}

void
PptpRemoteAccessTopology::SetServerAttribute(const std::string& name, const AttributeValue& value)
{
    m_attributes.server.emplace_back(name, value.Copy());
}

void
PptpRemoteAccessTopology::SetClientPppAttribute(const std::string& name,
                                                const AttributeValue& value)
{
    m_attributes.clientPpp.emplace_back(name, value.Copy());
}

void
PptpRemoteAccessTopology::SetServerPppAttribute(const std::string& name,
                                                const AttributeValue& value)
{
    m_attributes.serverPpp.emplace_back(name, value.Copy());
}

void
PptpRemoteAccessTopology::AddServerUser(const std::string& user, const std::string& password)
{
    m_serverUsers.emplace_back(user, password);
}

std::string
PptpRemoteAccessTopology::Validate() const
{
    std::ostringstream os;
    os << "PptpRemoteAccessTopology: ";
    if (m_clients < 1 || m_clients > 16000)
    {
        os << "ClientCount " << m_clients << " is out of range (valid 1..16000)";
        return os.str();
    }
    if (m_hosts < 1 || m_hosts > 1000)
    {
        os << "LanHostCount " << m_hosts << " is out of range (valid 1..1000)";
        return os.str();
    }
    for (const auto& [name, rate] : {std::make_pair("AccessDataRate", m_accessRate),
                                     std::make_pair("CoreDataRate", m_coreRate),
                                     std::make_pair("LanDataRate", m_lanRate)})
    {
        std::string problem = PptpCheckRate(OWNER, name, rate);
        if (!problem.empty())
        {
            return problem;
        }
    }
    if (!(m_accessLoss >= 0.0 && m_accessLoss < 1.0))
    {
        os << "AccessLoss " << m_accessLoss << " is out of range (valid [0, 1))";
        return os.str();
    }
    for (std::string problem :
         {PptpCheckTime(OWNER, "AccessDelay", m_accessDelay, Seconds(10), "0..10s"),
          PptpCheckTime(OWNER, "AccessJitter", m_accessJitter, Seconds(1), "0..1s"),
          PptpCheckTime(OWNER, "CoreDelay", m_coreDelay, Seconds(10), "0..10s"),
          PptpCheckTime(OWNER, "LanDelay", m_lanDelay, Seconds(10), "0..10s"),
          PptpCheckTime(OWNER, "ClientStart first", m_firstStart, Seconds(3600), "0..3600s"),
          PptpCheckTime(OWNER, "ClientStart stagger", m_stagger, Seconds(3600), "0..3600s"),
          PptpCheckPrefix(OWNER, "AccessNetwork", m_accessNetwork, m_accessMask),
          PptpCheckPrefix(OWNER, "LanNetwork", m_lanNetwork, m_lanMask),
          PptpCheckPrefix(OWNER, "PoolNetwork", m_poolNetwork, m_poolMask)})
    {
        if (!problem.empty())
        {
            return problem;
        }
    }
    if (m_clients > PptpSubnetCount(m_accessMask))
    {
        os << "ClientCount " << m_clients << " does not fit AccessNetwork /"
           << m_accessMask.GetPrefixLength() << " (valid 1.." << PptpSubnetCount(m_accessMask)
           << ": one /30 per client)";
        return os.str();
    }
    if (m_hosts > PptpSubnetCount(m_lanMask))
    {
        os << "LanHostCount " << m_hosts << " does not fit LanNetwork /"
           << m_lanMask.GetPrefixLength() << " (valid 1.." << PptpSubnetCount(m_lanMask)
           << ": one /30 per host)";
        return os.str();
    }
    // The pool holds the server's address (+1) and one per client (+2 ...), below the
    // broadcast address.
    uint64_t poolAddresses = (uint64_t{1} << (32 - m_poolMask.GetPrefixLength())) - 3;
    if (m_clients > poolAddresses)
    {
        os << "ClientCount " << m_clients << " does not fit PoolNetwork /"
           << m_poolMask.GetPrefixLength() << " (valid 1.." << poolAddresses
           << ": one tunnel address per client)";
        return os.str();
    }
    std::string overlap = PptpCheckDisjoint(OWNER,
                                            {{"AccessNetwork", m_accessNetwork, m_accessMask},
                                             {"LanNetwork", m_lanNetwork, m_lanMask},
                                             {"PoolNetwork", m_poolNetwork, m_poolMask},
                                             {"the core link 203.0.113.0/30",
                                              Ipv4Address("203.0.113.0"),
                                              Ipv4Mask("255.255.255.252")}});
    if (!overlap.empty())
    {
        return overlap;
    }
    std::string problem = m_security.Validate();
    if (!problem.empty())
    {
        return OWNER + ": Security: " + problem;
    }
    return "";
}

void
PptpRemoteAccessTopology::Install()
{
    NS_LOG_FUNCTION(this);
    NS_ABORT_MSG_IF(m_installed, "PptpRemoteAccessTopology::Install called twice");
    std::string problem = Validate();
    NS_ABORT_MSG_UNLESS(problem.empty(), problem);
    m_installed = true;

    m_clientNodes.Create(m_clients);
    m_router = CreateObject<Node>();
    m_server = CreateObject<Node>();
    m_hostNodes.Create(m_hosts);

    // Devices first, the stacks after, so that every device gets the default queue disc.
    for (uint32_t i = 0; i < m_clients; ++i)
    {
        m_accessLinks.push_back(
            PptpInstallAccessLink(m_clientNodes.Get(i),
                                  m_router,
                                  {m_accessRate, m_accessDelay, m_accessLoss, m_accessJitter}));
    }
    PointToPointHelper core;
    core.SetDeviceAttribute("DataRate", DataRateValue(m_coreRate));
    core.SetChannelAttribute("Delay", TimeValue(m_coreDelay));
    m_coreDevices = core.Install(m_router, m_server);
    PointToPointHelper lan;
    lan.SetDeviceAttribute("DataRate", DataRateValue(m_lanRate));
    lan.SetChannelAttribute("Delay", TimeValue(m_lanDelay));
    for (uint32_t j = 0; j < m_hosts; ++j)
    {
        m_lanDevices.push_back(lan.Install(m_server, m_hostNodes.Get(j)));
    }
    InternetStackHelper internet;
    internet.Install(m_clientNodes);
    internet.Install(m_router);
    internet.Install(m_server);
    internet.Install(m_hostNodes);

    Ipv4AddressHelper address;
    const Ipv4Mask slash30("255.255.255.252");
    address.SetBase(m_accessNetwork, slash30);
    for (uint32_t i = 0; i < m_clients; ++i)
    {
        m_accessIfs.push_back(address.Assign(m_accessLinks[i].devices));
        address.NewNetwork();
    }
    address.SetBase("203.0.113.0", slash30);
    m_coreIfs = address.Assign(m_coreDevices);
    address.SetBase(m_lanNetwork, slash30);
    for (uint32_t j = 0; j < m_hosts; ++j)
    {
        m_lanIfs.push_back(address.Assign(m_lanDevices[j]));
        address.NewNetwork();
    }

    // Static routes only (see the class documentation): the router knows only its links.
    Ipv4StaticRoutingHelper staticRouting;
    for (uint32_t i = 0; i < m_clients; ++i)
    {
        staticRouting.GetStaticRouting(m_clientNodes.Get(i)->GetObject<Ipv4>())
            ->SetDefaultRoute(m_accessIfs[i].GetAddress(1), m_accessIfs[i].Get(0).second);
    }
    staticRouting.GetStaticRouting(m_server->GetObject<Ipv4>())
        ->SetDefaultRoute(m_coreIfs.GetAddress(0), m_coreIfs.Get(1).second);
    for (uint32_t j = 0; j < m_hosts; ++j)
    {
        staticRouting.GetStaticRouting(m_hostNodes.Get(j)->GetObject<Ipv4>())
            ->AddNetworkRouteTo(
                m_poolNetwork, m_poolMask, m_lanIfs[j].GetAddress(0), m_lanIfs[j].Get(1).second);
    }

    // PPTP: the server hands out the pool, the clients route the LAN prefix through it.
    PptpServerHelper serverHelper;
    serverHelper.SetAttribute("TunnelAddress", Ipv4AddressValue(GetServerTunnelAddress()));
    serverHelper.SetAttribute("AddressPoolStart", Ipv4AddressValue(GetPoolStart()));
    serverHelper.SetAttribute("AddressPoolSize", UintegerValue(m_clients));
    PptpClientHelper clientHelper(GetServerAddress());
    clientHelper.SetAttribute("TunnelNetwork", Ipv4AddressValue(m_lanNetwork));
    clientHelper.SetAttribute("TunnelMask", Ipv4MaskValue(m_lanMask));
    m_security.Apply(clientHelper, serverHelper);
    for (const auto& [user, password] : m_serverUsers)
    {
        serverHelper.AddUser(user, password);
    }
    m_attributes.Apply(clientHelper, serverHelper);
    m_serverApps = serverHelper.Install(m_server);
    m_serverApps.Start(Seconds(0));
    m_clientApps = clientHelper.Install(m_clientNodes);
    for (uint32_t i = 0; i < m_clients; ++i)
    {
        m_clientApps.Get(i)->SetStartTime(m_firstStart + m_stagger * static_cast<int64_t>(i));
    }
}

int64_t
PptpRemoteAccessTopology::AssignStreams(int64_t stream)
{
    NS_LOG_FUNCTION(this << stream);
    CheckInstalled();
    int64_t current = stream;
    for (PptpAccessLink& link : m_accessLinks)
    {
        current += link.AssignStreams(current);
    }
    return current - stream;
}

bool
PptpRemoteAccessTopology::IsInstalled() const
{
    return m_installed;
}

void
PptpRemoteAccessTopology::CheckInstalled() const
{
    NS_ABORT_MSG_UNLESS(m_installed, "PptpRemoteAccessTopology: call Install() first");
}

NodeContainer
PptpRemoteAccessTopology::GetClientNodes() const
{
    CheckInstalled();
    return m_clientNodes;
}

Ptr<Node>
PptpRemoteAccessTopology::GetClientNode(uint32_t i) const
{
    CheckInstalled();
    NS_ABORT_MSG_UNLESS(i < m_clients,
                        "PptpRemoteAccessTopology: client index "
                            << i << " is out of range (valid 0.." << m_clients - 1 << ")");
    return m_clientNodes.Get(i);
}

Ptr<Node>
PptpRemoteAccessTopology::GetIspRouter() const
{
    CheckInstalled();
    return m_router;
}

Ptr<Node>
PptpRemoteAccessTopology::GetServerNode() const
{
    CheckInstalled();
    return m_server;
}

NodeContainer
PptpRemoteAccessTopology::GetLanHosts() const
{
    CheckInstalled();
    return m_hostNodes;
}

Ptr<Node>
PptpRemoteAccessTopology::GetLanHost(uint32_t j) const
{
    CheckInstalled();
    NS_ABORT_MSG_UNLESS(j < m_hosts,
                        "PptpRemoteAccessTopology: host index "
                            << j << " is out of range (valid 0.." << m_hosts - 1 << ")");
    return m_hostNodes.Get(j);
}

NetDeviceContainer
PptpRemoteAccessTopology::GetAccessDevices(uint32_t i) const
{
    GetClientNode(i);
    return m_accessLinks[i].devices;
}

Ipv4InterfaceContainer
PptpRemoteAccessTopology::GetAccessInterfaces(uint32_t i) const
{
    GetClientNode(i);
    return m_accessIfs[i];
}

NetDeviceContainer
PptpRemoteAccessTopology::GetCoreDevices() const
{
    CheckInstalled();
    return m_coreDevices;
}

Ipv4InterfaceContainer
PptpRemoteAccessTopology::GetCoreInterfaces() const
{
    CheckInstalled();
    return m_coreIfs;
}

NetDeviceContainer
PptpRemoteAccessTopology::GetLanDevices(uint32_t j) const
{
    GetLanHost(j);
    return m_lanDevices[j];
}

Ipv4InterfaceContainer
PptpRemoteAccessTopology::GetLanInterfaces(uint32_t j) const
{
    GetLanHost(j);
    return m_lanIfs[j];
}

Ipv4Address
PptpRemoteAccessTopology::GetClientAddress(uint32_t i) const
{
    return GetAccessInterfaces(i).GetAddress(0);
}

Ipv4Address
PptpRemoteAccessTopology::GetServerAddress() const
{
    return GetCoreInterfaces().GetAddress(1);
}

Ipv4Address
PptpRemoteAccessTopology::GetLanHostAddress(uint32_t j) const
{
    return GetLanInterfaces(j).GetAddress(1);
}

Ipv4Address
PptpRemoteAccessTopology::GetServerTunnelAddress() const
{
    return Ipv4Address(m_poolNetwork.Get() + 1);
}

Ipv4Address
PptpRemoteAccessTopology::GetPoolStart() const
{
    return Ipv4Address(m_poolNetwork.Get() + 2);
}

std::pair<Ipv4Address, Ipv4Mask>
PptpRemoteAccessTopology::GetLanNetwork() const
{
    return {m_lanNetwork, m_lanMask};
}

ApplicationContainer
PptpRemoteAccessTopology::GetClientApps() const
{
    CheckInstalled();
    return m_clientApps;
}

ApplicationContainer
PptpRemoteAccessTopology::GetServerApps() const
{
    CheckInstalled();
    return m_serverApps;
}

Ptr<PptpClient>
PptpRemoteAccessTopology::GetClient(uint32_t i) const
{
    GetClientNode(i);
    return DynamicCast<PptpClient>(m_clientApps.Get(i));
}

Ptr<PptpServer>
PptpRemoteAccessTopology::GetServer() const
{
    CheckInstalled();
    return DynamicCast<PptpServer>(m_serverApps.Get(0));
}

} // namespace ns3
