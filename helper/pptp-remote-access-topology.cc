/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-remote-access-topology.h"

#include "pptp-access-channel.h"
#include "pptp-client.h"
#include "pptp-range-checker.h"
#include "pptp-server.h"

#include "ns3/abort.h"
#include "ns3/double.h"
#include "ns3/drop-tail-queue.h"
#include "ns3/enum.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/ipv4-static-routing.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/mac48-address.h"
#include "ns3/net-device-queue-interface.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/pointer.h"
#include "ns3/random-variable-stream.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PptpRemoteAccessTopology");

namespace
{

/**
 * \brief Whether an address is the network address of a usable prefix (/8 .. /30).
 * \param network the address
 * \param mask the mask
 * \return true when valid
 */
bool
IsValidPrefix(Ipv4Address network, Ipv4Mask mask)
{
    uint16_t length = mask.GetPrefixLength();
    return length >= 8 && length <= 30 && mask.Get() == (0xffffffffU << (32 - length))
           && network.CombineMask(mask) == network;
}

/**
 * \brief Whether two prefixes overlap.
 * \param a the first network
 * \param am its mask
 * \param b the second network
 * \param bm its mask
 * \return true when one contains the other
 */
bool
Overlap(Ipv4Address a, Ipv4Mask am, Ipv4Address b, Ipv4Mask bm)
{
    Ipv4Mask shorter = am.GetPrefixLength() < bm.GetPrefixLength() ? am : bm;
    return a.CombineMask(shorter) == b.CombineMask(shorter);
}

/**
 * \brief The number of /30s in a prefix.
 * \param mask the prefix's mask (/8 .. /30)
 * \return the number
 */
uint64_t
SubnetCount(Ipv4Mask mask)
{
    return uint64_t{1} << (30 - mask.GetPrefixLength());
}

/**
 * \brief Check a data rate.
 * \param name the parameter
 * \param rate the value
 * \return "" or the message
 */
std::string
CheckRate(const std::string& name, DataRate rate)
{
    if (rate.GetBitRate() < 1000 || rate.GetBitRate() > 100000000000ULL)
    {
        std::ostringstream os;
        os << "PptpRemoteAccessTopology: " << name << " " << rate.GetBitRate()
           << " bit/s is out of range (valid 1 kb/s .. 100 Gb/s)";
        return os.str();
    }
    return "";
}

/**
 * \brief Check a time against a range.
 * \param name the parameter
 * \param t the value
 * \param max the largest valid value
 * \param range the range in words
 * \return "" or the message
 */
std::string
CheckTime(const std::string& name, Time t, Time max, const std::string& range)
{
    if (t.IsStrictlyNegative() || t > max)
    {
        std::ostringstream os;
        os << "PptpRemoteAccessTopology: " << name << " " << t.As(Time::S)
           << " is out of range (valid " << range << ")";
        return os.str();
    }
    return "";
}

/**
 * \brief Check a prefix.
 * \param name the parameter
 * \param network the network address
 * \param mask its mask
 * \return "" or the message
 */
std::string
CheckPrefix(const std::string& name, Ipv4Address network, Ipv4Mask mask)
{
    if (!IsValidPrefix(network, mask))
    {
        std::ostringstream os;
        os << "PptpRemoteAccessTopology: " << name << " " << network << "/"
           << mask.GetPrefixLength() << " (mask " << mask
           << ") is not valid (valid: a contiguous mask of /8 ../30 and the address its "
              "network address)";
        return os.str();
    }
    return "";
}

/**
 * \brief Apply stored Attributes through a setter.
 * \param attributes the Attributes
 * \param set the setter
 */
template <typename Setter>
void
ApplyAll(const std::vector<std::pair<std::string, Ptr<AttributeValue>>>& attributes, Setter set)
{
    for (const auto& [name, value] : attributes)
    {
        set(name, *value);
    }
}

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
    m_clientAttributes.emplace_back(name, value.Copy());
}

void
PptpRemoteAccessTopology::SetServerAttribute(const std::string& name, const AttributeValue& value)
{
    m_serverAttributes.emplace_back(name, value.Copy());
}

void
PptpRemoteAccessTopology::SetClientPppAttribute(const std::string& name,
                                                const AttributeValue& value)
{
    m_clientPppAttributes.emplace_back(name, value.Copy());
}

void
PptpRemoteAccessTopology::SetServerPppAttribute(const std::string& name,
                                                const AttributeValue& value)
{
    m_serverPppAttributes.emplace_back(name, value.Copy());
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
        std::string problem = CheckRate(name, rate);
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
         {CheckTime("AccessDelay", m_accessDelay, Seconds(10), "0..10s"),
          CheckTime("AccessJitter", m_accessJitter, Seconds(1), "0..1s"),
          CheckTime("CoreDelay", m_coreDelay, Seconds(10), "0..10s"),
          CheckTime("LanDelay", m_lanDelay, Seconds(10), "0..10s"),
          CheckTime("ClientStart first", m_firstStart, Seconds(3600), "0..3600s"),
          CheckTime("ClientStart stagger", m_stagger, Seconds(3600), "0..3600s"),
          CheckPrefix("AccessNetwork", m_accessNetwork, m_accessMask),
          CheckPrefix("LanNetwork", m_lanNetwork, m_lanMask),
          CheckPrefix("PoolNetwork", m_poolNetwork, m_poolMask)})
    {
        if (!problem.empty())
        {
            return problem;
        }
    }
    if (m_clients > SubnetCount(m_accessMask))
    {
        os << "ClientCount " << m_clients << " does not fit AccessNetwork /"
           << m_accessMask.GetPrefixLength() << " (valid 1.." << SubnetCount(m_accessMask)
           << ": one /30 per client)";
        return os.str();
    }
    if (m_hosts > SubnetCount(m_lanMask))
    {
        os << "LanHostCount " << m_hosts << " does not fit LanNetwork /"
           << m_lanMask.GetPrefixLength() << " (valid 1.." << SubnetCount(m_lanMask)
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
    const Ipv4Address core("203.0.113.0");
    const Ipv4Mask coreMask("255.255.255.252");
    const std::pair<const char*, std::pair<Ipv4Address, Ipv4Mask>> prefixes[]
        = {{"AccessNetwork", {m_accessNetwork, m_accessMask}},
           {"LanNetwork", {m_lanNetwork, m_lanMask}},
           {"PoolNetwork", {m_poolNetwork, m_poolMask}},
           {"the core link 203.0.113.0/30", {core, coreMask}}};
    for (std::size_t a = 0; a < 4; ++a)
    {
        for (std::size_t b = a + 1; b < 4; ++b)
        {
            if (Overlap(prefixes[a].second.first,
                        prefixes[a].second.second,
                        prefixes[b].second.first,
                        prefixes[b].second.second))
            {
                os << prefixes[a].first << " overlaps " << prefixes[b].first
                   << " (valid: disjoint prefixes)";
                return os.str();
            }
        }
    }
    std::string problem = m_security.Validate();
    if (!problem.empty())
    {
        return "PptpRemoteAccessTopology: Security: " + problem;
    }
    return "";
}

NetDeviceContainer
PptpRemoteAccessTopology::InstallAccessLink(Ptr<Node> client, Ptr<Node> router)
{
    NS_LOG_FUNCTION(this << client << router);
    // PointToPointHelper::Install, with the jittered channel and the loss models.
    Ptr<PptpAccessChannel> channel = CreateObject<PptpAccessChannel>();
    channel->SetAttribute("Delay", TimeValue(m_accessDelay));
    channel->SetAttribute("Jitter", TimeValue(m_accessJitter));
    NetDeviceContainer devices;
    for (Ptr<Node> node : {client, router})
    {
        Ptr<PointToPointNetDevice> device = CreateObject<PointToPointNetDevice>();
        device->SetAddress(Mac48Address::Allocate());
        device->SetDataRate(m_accessRate);
        node->AddDevice(device);
        Ptr<Queue<Packet>> queue = CreateObject<DropTailQueue<Packet>>();
        device->SetQueue(queue);
        Ptr<NetDeviceQueueInterface> queueInterface = CreateObject<NetDeviceQueueInterface>();
        queueInterface->GetTxQueue(0)->ConnectQueueTraces(queue);
        device->AggregateObject(queueInterface);
        // The loss of the direction towards this device.
        Ptr<RateErrorModel> loss = CreateObject<RateErrorModel>();
        loss->SetAttribute("ErrorUnit", EnumValue(RateErrorModel::ERROR_UNIT_PACKET));
        loss->SetAttribute("ErrorRate", DoubleValue(m_accessLoss));
        loss->Enable();
        if (m_accessLoss > 0)
        {
            device->SetReceiveErrorModel(loss);
        }
        m_lossModels.push_back(loss);
        device->Attach(channel);
        devices.Add(device);
    }
    m_accessChannels.push_back(channel);
    return devices;
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
        m_accessDevices.push_back(InstallAccessLink(m_clientNodes.Get(i), m_router));
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
        m_accessIfs.push_back(address.Assign(m_accessDevices[i]));
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
    ApplyAll(m_serverAttributes,
             [&](const std::string& n, const AttributeValue& v)
             { serverHelper.SetAttribute(n, v); });
    ApplyAll(m_clientAttributes,
             [&](const std::string& n, const AttributeValue& v)
             { clientHelper.SetAttribute(n, v); });
    ApplyAll(m_serverPppAttributes,
             [&](const std::string& n, const AttributeValue& v)
             { serverHelper.SetPppAttribute(n, v); });
    ApplyAll(m_clientPppAttributes,
             [&](const std::string& n, const AttributeValue& v)
             { clientHelper.SetPppAttribute(n, v); });
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
    for (uint32_t i = 0; i < m_clients; ++i)
    {
        current += m_lossModels[2 * i]->AssignStreams(current);
        current += m_lossModels[2 * i + 1]->AssignStreams(current);
        current += DynamicCast<PptpAccessChannel>(m_accessChannels[i])->AssignStreams(current);
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
    return m_accessDevices[i];
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
