/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-branch-office-topology.h"

#include "pptp-client-helper.h"
#include "pptp-client.h"
#include "pptp-server-helper.h"
#include "pptp-server.h"

#include "ns3/abort.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/ipv4-static-routing.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/uinteger.h"

#include <set>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PptpBranchOfficeTopology");

namespace
{

/// The class name at the start of every message.
const char* const OWNER = "PptpBranchOfficeTopology";

/// The core link (ISP .1, head office .2).
const Ipv4Address CORE_NETWORK("203.0.113.0");
/// A /30.
const Ipv4Mask SLASH30("255.255.255.252");

/**
 * \brief Whether a prefix lies inside another.
 * \param inner the inner network
 * \param innerMask its mask
 * \param outer the outer network
 * \param outerMask its mask
 * \return true when every address of inner is in outer
 */
bool
Contains(Ipv4Address outer, Ipv4Mask outerMask, Ipv4Address inner, Ipv4Mask innerMask)
{
    return innerMask.GetPrefixLength() >= outerMask.GetPrefixLength()
           && inner.CombineMask(outerMask) == outer;
}

/**
 * \brief The default LAN prefix of a site: 10.(i+1).0.0/24.
 * \param i the site index
 * \return the prefix
 */
std::pair<Ipv4Address, Ipv4Mask>
DefaultSiteNetwork(uint32_t i)
{
    return {Ipv4Address((10U << 24) | ((i + 1) << 16)), Ipv4Mask("255.255.255.0")};
}

/**
 * \brief Link two nodes by point-to-point links, one per node of a container.
 * \param hub the node every link starts at (device 0)
 * \param nodes the other ends (device 1)
 * \param rate the data rate
 * \param delay the delay
 * \return one device pair per node
 */
std::vector<NetDeviceContainer>
InstallStar(Ptr<Node> hub, const NodeContainer& nodes, DataRate rate, Time delay)
{
    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", DataRateValue(rate));
    p2p.SetChannelAttribute("Delay", TimeValue(delay));
    std::vector<NetDeviceContainer> devices;
    devices.reserve(nodes.GetN());
    for (uint32_t j = 0; j < nodes.GetN(); ++j)
    {
        devices.push_back(p2p.Install(hub, nodes.Get(j)));
    }
    return devices;
}

/**
 * \brief Number consecutive /30s of a prefix onto links, and give each far end a static
 * route through its near end.
 * \param links the links (device 0: the near end)
 * \param network the prefix
 * \param destination what the far ends route through the near end
 * \param mask its mask (0.0.0.0 with destination 0.0.0.0: a default route)
 * \return the interfaces of each link
 */
std::vector<Ipv4InterfaceContainer>
AddressStar(const std::vector<NetDeviceContainer>& links,
            Ipv4Address network,
            Ipv4Address destination,
            Ipv4Mask mask)
{
    Ipv4AddressHelper address;
    address.SetBase(network, SLASH30);
    Ipv4StaticRoutingHelper staticRouting;
    std::vector<Ipv4InterfaceContainer> ifs;
    ifs.reserve(links.size());
    for (const NetDeviceContainer& link : links)
    {
        Ipv4InterfaceContainer pair = address.Assign(link);
        address.NewNetwork();
        staticRouting.GetStaticRouting(link.Get(1)->GetNode()->GetObject<Ipv4>())
            ->AddNetworkRouteTo(destination, mask, pair.GetAddress(0), pair.Get(1).second);
        ifs.push_back(pair);
    }
    return ifs;
}

} // namespace

PptpBranchOfficeTopology::PptpBranchOfficeTopology() = default;

void
PptpBranchOfficeTopology::SetSiteCount(uint32_t n)
{
    m_sites = n;
}

void
PptpBranchOfficeTopology::SetHostsPerSite(uint32_t n)
{
    m_hostsPerSite = n;
}

void
PptpBranchOfficeTopology::SetHeadOfficeHostCount(uint32_t n)
{
    m_headOfficeHosts = n;
}

void
PptpBranchOfficeTopology::SetWanDataRate(DataRate rate)
{
    m_wan.rate = rate;
}

void
PptpBranchOfficeTopology::SetWanDelay(Time delay)
{
    m_wan.delay = delay;
}

void
PptpBranchOfficeTopology::SetWanLoss(double loss)
{
    m_wan.loss = loss;
}

void
PptpBranchOfficeTopology::SetWanJitter(Time jitter)
{
    m_wan.jitter = jitter;
}

void
PptpBranchOfficeTopology::SetCoreDataRate(DataRate rate)
{
    m_coreRate = rate;
}

void
PptpBranchOfficeTopology::SetCoreDelay(Time delay)
{
    m_coreDelay = delay;
}

void
PptpBranchOfficeTopology::SetLanDataRate(DataRate rate)
{
    m_lanRate = rate;
}

void
PptpBranchOfficeTopology::SetLanDelay(Time delay)
{
    m_lanDelay = delay;
}

void
PptpBranchOfficeTopology::SetWanNetwork(Ipv4Address network, Ipv4Mask mask)
{
    m_wanNetwork = network;
    m_wanMask = mask;
}

void
PptpBranchOfficeTopology::SetOrganisationNetwork(Ipv4Address network, Ipv4Mask mask)
{
    m_orgNetwork = network;
    m_orgMask = mask;
}

void
PptpBranchOfficeTopology::SetSiteNetwork(uint32_t i, Ipv4Address network, Ipv4Mask mask)
{
    m_siteNetworks[i] = {network, mask};
}

void
PptpBranchOfficeTopology::SetHeadOfficeNetwork(Ipv4Address network, Ipv4Mask mask)
{
    m_headOfficeNetwork = network;
    m_headOfficeMask = mask;
}

void
PptpBranchOfficeTopology::SetTunnelNetwork(Ipv4Address network, Ipv4Mask mask)
{
    m_tunnelNetwork = network;
    m_tunnelMask = mask;
}

void
PptpBranchOfficeTopology::SetSiteStart(Time first, Time stagger)
{
    m_firstStart = first;
    m_stagger = stagger;
}

void
PptpBranchOfficeTopology::SetSecurity(const PptpSecurityOptions& security)
{
    m_security = security;
}

void
PptpBranchOfficeTopology::SetSiteCredentials(uint32_t i,
                                             const std::string& user,
                                             const std::string& password)
{
    m_credentials[i] = {user, password};
}

void
PptpBranchOfficeTopology::SetClientAttribute(const std::string& name, const AttributeValue& value)
{
    m_attributes.client.emplace_back(name, value.Copy());
}

void
PptpBranchOfficeTopology::SetServerAttribute(const std::string& name, const AttributeValue& value)
{
    m_attributes.server.emplace_back(name, value.Copy());
}

void
PptpBranchOfficeTopology::SetClientPppAttribute(const std::string& name,
                                                const AttributeValue& value)
{
    m_attributes.clientPpp.emplace_back(name, value.Copy());
}

void
PptpBranchOfficeTopology::SetServerPppAttribute(const std::string& name,
                                                const AttributeValue& value)
{
    m_attributes.serverPpp.emplace_back(name, value.Copy());
}

std::string
PptpBranchOfficeTopology::Validate() const
{
    std::ostringstream os;
    os << OWNER << ": ";
    for (const auto& [name, value, max] :
         {std::make_tuple("SiteCount", m_sites, 250U),
          std::make_tuple("HostsPerSite", m_hostsPerSite, 1000U),
          std::make_tuple("HeadOfficeHostCount", m_headOfficeHosts, 1000U)})
    {
        if (value < 1 || value > max)
        {
            os << name << " " << value << " is out of range (valid 1.." << max << ")";
            return os.str();
        }
    }
    std::vector<std::string> problems{
        PptpCheckRate(OWNER, "WanDataRate", m_wan.rate),
        PptpCheckRate(OWNER, "CoreDataRate", m_coreRate),
        PptpCheckRate(OWNER, "LanDataRate", m_lanRate),
        PptpCheckTime(OWNER, "WanDelay", m_wan.delay, Seconds(10), "0..10s"),
        PptpCheckTime(OWNER, "WanJitter", m_wan.jitter, Seconds(1), "0..1s"),
        PptpCheckTime(OWNER, "CoreDelay", m_coreDelay, Seconds(10), "0..10s"),
        PptpCheckTime(OWNER, "LanDelay", m_lanDelay, Seconds(10), "0..10s"),
        PptpCheckTime(OWNER, "SiteStart first", m_firstStart, Seconds(3600), "0..3600s"),
        PptpCheckTime(OWNER, "SiteStart stagger", m_stagger, Seconds(3600), "0..3600s"),
        PptpCheckPrefix(OWNER, "WanNetwork", m_wanNetwork, m_wanMask),
        PptpCheckPrefix(OWNER, "OrganisationNetwork", m_orgNetwork, m_orgMask),
        PptpCheckPrefix(OWNER, "HeadOfficeNetwork", m_headOfficeNetwork, m_headOfficeMask),
        PptpCheckPrefix(OWNER, "TunnelNetwork", m_tunnelNetwork, m_tunnelMask)};
    for (const std::string& problem : problems)
    {
        if (!problem.empty())
        {
            return problem;
        }
    }
    if (!(m_wan.loss >= 0.0 && m_wan.loss < 1.0))
    {
        os << "WanLoss " << m_wan.loss << " is out of range (valid [0, 1))";
        return os.str();
    }
    for (const auto& entry : m_siteNetworks)
    {
        if (entry.first >= m_sites)
        {
            os << "SiteNetwork of site " << entry.first << ": the site index is out of range "
               << "(valid 0.." << m_sites - 1 << ")";
            return os.str();
        }
    }
    for (const auto& entry : m_credentials)
    {
        if (entry.first >= m_sites)
        {
            os << "SiteCredentials of site " << entry.first << ": the site index is out of "
               << "range (valid 0.." << m_sites - 1 << ")";
            return os.str();
        }
    }
    if (m_sites > PptpSubnetCount(m_wanMask))
    {
        os << "SiteCount " << m_sites << " does not fit WanNetwork /" << m_wanMask.GetPrefixLength()
           << " (valid 1.." << PptpSubnetCount(m_wanMask) << ": one /30 per site)";
        return os.str();
    }
    // The tunnel network holds the head office (+1) and one address per site (+2 ...).
    uint64_t tunnelAddresses = (uint64_t{1} << (32 - m_tunnelMask.GetPrefixLength())) - 3;
    if (m_sites > tunnelAddresses)
    {
        os << "SiteCount " << m_sites << " does not fit TunnelNetwork /"
           << m_tunnelMask.GetPrefixLength() << " (valid 1.." << tunnelAddresses
           << ": one tunnel address per site)";
        return os.str();
    }
    if (m_headOfficeHosts > PptpSubnetCount(m_headOfficeMask))
    {
        os << "HeadOfficeHostCount " << m_headOfficeHosts << " does not fit HeadOfficeNetwork /"
           << m_headOfficeMask.GetPrefixLength() << " (valid 1.."
           << PptpSubnetCount(m_headOfficeMask) << ": one /30 per host)";
        return os.str();
    }
    std::vector<PptpNamedPrefix> inside{
        {"HeadOfficeNetwork", m_headOfficeNetwork, m_headOfficeMask},
        {"TunnelNetwork", m_tunnelNetwork, m_tunnelMask}};
    for (uint32_t i = 0; i < m_sites; ++i)
    {
        auto [network, mask] = GetSiteNetwork(i);
        std::string name = "SiteNetwork of site " + std::to_string(i);
        std::string problem = PptpCheckPrefix(OWNER, name, network, mask);
        if (!problem.empty())
        {
            return problem;
        }
        if (m_hostsPerSite > PptpSubnetCount(mask))
        {
            os << "HostsPerSite " << m_hostsPerSite << " does not fit " << name << " /"
               << mask.GetPrefixLength() << " (valid 1.." << PptpSubnetCount(mask)
               << ": one /30 per host)";
            return os.str();
        }
        inside.push_back({name, network, mask});
    }
    for (const PptpNamedPrefix& prefix : inside)
    {
        if (!Contains(m_orgNetwork, m_orgMask, prefix.network, prefix.mask))
        {
            os << prefix.name << " " << prefix.network << "/" << prefix.mask.GetPrefixLength()
               << " is not inside OrganisationNetwork " << m_orgNetwork << "/"
               << m_orgMask.GetPrefixLength()
               << " (valid: a prefix of the organisation, which the branch routers route "
                  "through their tunnels)";
            return os.str();
        }
    }
    std::string problem = PptpCheckDisjoint(OWNER, inside);
    if (problem.empty())
    {
        problem = PptpCheckDisjoint(OWNER,
                                    {{"OrganisationNetwork", m_orgNetwork, m_orgMask},
                                     {"WanNetwork", m_wanNetwork, m_wanMask},
                                     {"the core link 203.0.113.0/30", CORE_NETWORK, SLASH30}});
    }
    if (!problem.empty())
    {
        return problem;
    }
    problem = m_security.Validate();
    if (!problem.empty())
    {
        return std::string(OWNER) + ": Security: " + problem;
    }
    if (m_security.auth == "none")
    {
        os << "Security auth 'none' is not valid here: the head office tells the sites apart "
              "by their PPP user names (valid: pap, chap-md5, mschapv2)";
        return os.str();
    }
    std::set<std::string> users;
    for (uint32_t i = 0; i < m_sites; ++i)
    {
        std::string user = GetSiteUser(i);
        if (user.empty() || !users.insert(user).second)
        {
            os << "SiteCredentials of site " << i << ": user '" << user << "' is "
               << (user.empty() ? "empty" : "the user of another site")
               << " (valid: a non-empty name of its own)";
            return os.str();
        }
    }
    return "";
}

void
PptpBranchOfficeTopology::Install()
{
    NS_LOG_FUNCTION(this);
    NS_ABORT_MSG_IF(m_installed, OWNER << "::Install called twice");
    std::string problem = Validate();
    NS_ABORT_MSG_UNLESS(problem.empty(), problem);
    m_installed = true;

    m_branchRouters.Create(m_sites);
    m_siteHosts.resize(m_sites);
    for (NodeContainer& hosts : m_siteHosts)
    {
        hosts.Create(m_hostsPerSite);
    }
    m_isp = CreateObject<Node>();
    m_server = CreateObject<Node>();
    m_headOfficeHostNodes.Create(m_headOfficeHosts);

    // Devices first, the stacks after, so that every device gets the default queue disc.
    for (uint32_t i = 0; i < m_sites; ++i)
    {
        m_wanLinks.push_back(PptpInstallAccessLink(m_branchRouters.Get(i), m_isp, m_wan));
        m_siteLanDevices.push_back(
            InstallStar(m_branchRouters.Get(i), m_siteHosts[i], m_lanRate, m_lanDelay));
    }
    PointToPointHelper core;
    core.SetDeviceAttribute("DataRate", DataRateValue(m_coreRate));
    core.SetChannelAttribute("Delay", TimeValue(m_coreDelay));
    m_coreDevices = core.Install(m_isp, m_server);
    m_headOfficeLanDevices = InstallStar(m_server, m_headOfficeHostNodes, m_lanRate, m_lanDelay);
    InternetStackHelper internet;
    internet.Install(m_branchRouters);
    for (const NodeContainer& hosts : m_siteHosts)
    {
        internet.Install(hosts);
    }
    internet.Install(m_isp);
    internet.Install(m_server);
    internet.Install(m_headOfficeHostNodes);

    // Addresses and static routes (see the class documentation): the ISP knows only its links.
    Ipv4AddressHelper address;
    address.SetBase(m_wanNetwork, SLASH30);
    Ipv4StaticRoutingHelper staticRouting;
    for (uint32_t i = 0; i < m_sites; ++i)
    {
        m_wanIfs.push_back(address.Assign(m_wanLinks[i].devices));
        address.NewNetwork();
        staticRouting.GetStaticRouting(m_branchRouters.Get(i)->GetObject<Ipv4>())
            ->SetDefaultRoute(m_wanIfs[i].GetAddress(1), m_wanIfs[i].Get(0).second);
        auto [network, mask] = GetSiteNetwork(i);
        m_siteLanIfs.push_back(
            AddressStar(m_siteLanDevices[i], network, Ipv4Address::GetAny(), Ipv4Mask::GetZero()));
    }
    address.SetBase(CORE_NETWORK, SLASH30);
    m_coreIfs = address.Assign(m_coreDevices);
    staticRouting.GetStaticRouting(m_server->GetObject<Ipv4>())
        ->SetDefaultRoute(m_coreIfs.GetAddress(0), m_coreIfs.Get(1).second);
    m_headOfficeLanIfs
        = AddressStar(m_headOfficeLanDevices, m_headOfficeNetwork, m_orgNetwork, m_orgMask);

    // PPTP: each site's user has its tunnel address and its LAN routed into its tunnel.
    PptpServerHelper serverHelper;
    serverHelper.SetAttribute("TunnelAddress", Ipv4AddressValue(GetServerTunnelAddress()));
    PptpClientHelper clientHelper(GetServerAddress());
    clientHelper.SetAttribute("TunnelNetwork", Ipv4AddressValue(m_orgNetwork));
    clientHelper.SetAttribute("TunnelMask", Ipv4MaskValue(m_orgMask));
    m_security.Apply(clientHelper, serverHelper);
    for (uint32_t i = 0; i < m_sites; ++i)
    {
        auto [network, mask] = GetSiteNetwork(i);
        serverHelper.AddUser(GetSiteUser(i), GetSitePassword(i));
        serverHelper.AddUserTunnelAddress(GetSiteUser(i), GetBranchTunnelAddress(i));
        serverHelper.AddUserRoute(GetSiteUser(i), network, mask);
    }
    m_attributes.Apply(clientHelper, serverHelper);
    m_serverApps = serverHelper.Install(m_server);
    m_serverApps.Start(Seconds(0));
    for (uint32_t i = 0; i < m_sites; ++i)
    {
        // The site's credentials come last: they win over the security settings' user.
        clientHelper.SetCredentials(GetSiteUser(i), GetSitePassword(i));
        ApplicationContainer app = clientHelper.Install(m_branchRouters.Get(i));
        app.Get(0)->SetStartTime(m_firstStart + m_stagger * static_cast<int64_t>(i));
        m_branchApps.Add(app);
    }
}

int64_t
PptpBranchOfficeTopology::AssignStreams(int64_t stream)
{
    NS_LOG_FUNCTION(this << stream);
    CheckInstalled();
    int64_t current = stream;
    for (PptpAccessLink& link : m_wanLinks)
    {
        current += link.AssignStreams(current);
    }
    return current - stream;
}

bool
PptpBranchOfficeTopology::IsInstalled() const
{
    return m_installed;
}

uint32_t
PptpBranchOfficeTopology::GetSiteCount() const
{
    return m_sites;
}

uint32_t
PptpBranchOfficeTopology::GetHostsPerSite() const
{
    return m_hostsPerSite;
}

uint32_t
PptpBranchOfficeTopology::GetHeadOfficeHostCount() const
{
    return m_headOfficeHosts;
}

void
PptpBranchOfficeTopology::CheckInstalled() const
{
    NS_ABORT_MSG_UNLESS(m_installed, OWNER << ": call Install() first");
}

void
PptpBranchOfficeTopology::CheckSite(uint32_t i) const
{
    CheckInstalled();
    NS_ABORT_MSG_UNLESS(i < m_sites,
                        OWNER << ": site index " << i << " is out of range (valid 0.."
                              << m_sites - 1 << ")");
}

NodeContainer
PptpBranchOfficeTopology::GetBranchRouters() const
{
    CheckInstalled();
    return m_branchRouters;
}

Ptr<Node>
PptpBranchOfficeTopology::GetBranchRouter(uint32_t i) const
{
    CheckSite(i);
    return m_branchRouters.Get(i);
}

NodeContainer
PptpBranchOfficeTopology::GetSiteHosts(uint32_t i) const
{
    CheckSite(i);
    return m_siteHosts[i];
}

Ptr<Node>
PptpBranchOfficeTopology::GetSiteHost(uint32_t i, uint32_t j) const
{
    CheckSite(i);
    NS_ABORT_MSG_UNLESS(j < m_hostsPerSite,
                        OWNER << ": host index " << j << " is out of range (valid 0.."
                              << m_hostsPerSite - 1 << ")");
    return m_siteHosts[i].Get(j);
}

NodeContainer
PptpBranchOfficeTopology::GetAllSiteHosts() const
{
    CheckInstalled();
    NodeContainer all;
    for (const NodeContainer& hosts : m_siteHosts)
    {
        all.Add(hosts);
    }
    return all;
}

Ptr<Node>
PptpBranchOfficeTopology::GetIspRouter() const
{
    CheckInstalled();
    return m_isp;
}

Ptr<Node>
PptpBranchOfficeTopology::GetServerNode() const
{
    CheckInstalled();
    return m_server;
}

NodeContainer
PptpBranchOfficeTopology::GetHeadOfficeHosts() const
{
    CheckInstalled();
    return m_headOfficeHostNodes;
}

Ptr<Node>
PptpBranchOfficeTopology::GetHeadOfficeHost(uint32_t j) const
{
    CheckInstalled();
    NS_ABORT_MSG_UNLESS(j < m_headOfficeHosts,
                        OWNER << ": head-office host index " << j << " is out of range (valid 0.."
                              << m_headOfficeHosts - 1 << ")");
    return m_headOfficeHostNodes.Get(j);
}

NetDeviceContainer
PptpBranchOfficeTopology::GetWanDevices(uint32_t i) const
{
    CheckSite(i);
    return m_wanLinks[i].devices;
}

Ipv4InterfaceContainer
PptpBranchOfficeTopology::GetWanInterfaces(uint32_t i) const
{
    CheckSite(i);
    return m_wanIfs[i];
}

NetDeviceContainer
PptpBranchOfficeTopology::GetSiteLanDevices(uint32_t i, uint32_t j) const
{
    GetSiteHost(i, j);
    return m_siteLanDevices[i][j];
}

Ipv4InterfaceContainer
PptpBranchOfficeTopology::GetSiteLanInterfaces(uint32_t i, uint32_t j) const
{
    GetSiteHost(i, j);
    return m_siteLanIfs[i][j];
}

NetDeviceContainer
PptpBranchOfficeTopology::GetCoreDevices() const
{
    CheckInstalled();
    return m_coreDevices;
}

Ipv4InterfaceContainer
PptpBranchOfficeTopology::GetCoreInterfaces() const
{
    CheckInstalled();
    return m_coreIfs;
}

NetDeviceContainer
PptpBranchOfficeTopology::GetHeadOfficeLanDevices(uint32_t j) const
{
    GetHeadOfficeHost(j);
    return m_headOfficeLanDevices[j];
}

Ipv4InterfaceContainer
PptpBranchOfficeTopology::GetHeadOfficeLanInterfaces(uint32_t j) const
{
    GetHeadOfficeHost(j);
    return m_headOfficeLanIfs[j];
}

Ipv4Address
PptpBranchOfficeTopology::GetBranchRouterAddress(uint32_t i) const
{
    return GetWanInterfaces(i).GetAddress(0);
}

Ipv4Address
PptpBranchOfficeTopology::GetServerAddress() const
{
    return GetCoreInterfaces().GetAddress(1);
}

Ipv4Address
PptpBranchOfficeTopology::GetSiteHostAddress(uint32_t i, uint32_t j) const
{
    return GetSiteLanInterfaces(i, j).GetAddress(1);
}

Ipv4Address
PptpBranchOfficeTopology::GetHeadOfficeHostAddress(uint32_t j) const
{
    return GetHeadOfficeLanInterfaces(j).GetAddress(1);
}

Ipv4Address
PptpBranchOfficeTopology::GetServerTunnelAddress() const
{
    return Ipv4Address(m_tunnelNetwork.Get() + 1);
}

Ipv4Address
PptpBranchOfficeTopology::GetBranchTunnelAddress(uint32_t i) const
{
    return Ipv4Address(m_tunnelNetwork.Get() + 2 + i);
}

std::pair<Ipv4Address, Ipv4Mask>
PptpBranchOfficeTopology::GetSiteNetwork(uint32_t i) const
{
    auto it = m_siteNetworks.find(i);
    return it != m_siteNetworks.end() ? it->second : DefaultSiteNetwork(i);
}

std::pair<Ipv4Address, Ipv4Mask>
PptpBranchOfficeTopology::GetHeadOfficeNetwork() const
{
    return {m_headOfficeNetwork, m_headOfficeMask};
}

std::pair<Ipv4Address, Ipv4Mask>
PptpBranchOfficeTopology::GetOrganisationNetwork() const
{
    return {m_orgNetwork, m_orgMask};
}

std::string
PptpBranchOfficeTopology::GetSiteUser(uint32_t i) const
{
    auto it = m_credentials.find(i);
    return it != m_credentials.end() ? it->second.first
                                     : m_security.user + "-site" + std::to_string(i);
}

std::string
PptpBranchOfficeTopology::GetSitePassword(uint32_t i) const
{
    auto it = m_credentials.find(i);
    return it != m_credentials.end() ? it->second.second : m_security.password;
}

ApplicationContainer
PptpBranchOfficeTopology::GetBranchApps() const
{
    CheckInstalled();
    return m_branchApps;
}

ApplicationContainer
PptpBranchOfficeTopology::GetServerApps() const
{
    CheckInstalled();
    return m_serverApps;
}

Ptr<PptpClient>
PptpBranchOfficeTopology::GetBranchClient(uint32_t i) const
{
    CheckSite(i);
    return DynamicCast<PptpClient>(m_branchApps.Get(i));
}

Ptr<PptpServer>
PptpBranchOfficeTopology::GetServer() const
{
    CheckInstalled();
    return DynamicCast<PptpServer>(m_serverApps.Get(0));
}

} // namespace ns3
