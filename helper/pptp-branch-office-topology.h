/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_BRANCH_OFFICE_TOPOLOGY_H
#define PPTP_BRANCH_OFFICE_TOPOLOGY_H

#include "pptp-security-options.h"
#include "pptp-topology-util.h"

#include "ns3/application-container.h"
#include "ns3/attribute.h"
#include "ns3/data-rate.h"
#include "ns3/ipv4-address.h"
#include "ns3/ipv4-interface-container.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/nstime.h"
#include "ns3/ptr.h"

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

class PptpClient;
class PptpServer;

/**
 * \ingroup pptp
 * \brief Builds a LAN-to-LAN PPTP network of a distributed organisation (branch offices
 * linked to a head office by PPTP tunnels) and installs PPTP on it with one call.
 *
 * \verbatim
 *   site 0: host 0.0, host 0.1 ==lan== branch router 0 --wan--+
 *   site 1: host 1.0, host 1.1 ==lan== branch router 1 --wan--+-- ISP router ==core==
 *   ...                                                       |     head office ==lan== hosts
 *   site M-1 ...                ==lan== branch router M-1 -wan-+     (PPTP server)
 * \endverbatim
 *
 * Each branch router is a PptpClient that authenticates as its site's user and routes the
 * organisation's supernet (default 10.0.0.0/8) through its tunnel (split tunnelling:
 * TunnelNetwork / TunnelMask). The head office is the PptpServer: it gives each site's router
 * its own tunnel address (PptpServer::AddUserTunnelAddress) and routes the site's LAN prefix
 * into that router's tunnel while it is up (PptpServer::AddUserRoute), and forwards between
 * its tunnels and its LAN. So a host of site i reaches a host of site k through two tunnels
 * (site i to the head office, the head office to site k) and the head-office LAN through one.
 *
 * Links and addresses (every link a point-to-point link with a /30):
 * - site LAN: host j of site i is linked to branch router i by the /30 number j of the site's
 *   prefix (router .1 + 4j, host .2 + 4j); default prefix of site i: 10.(i+1).0.0/24.
 * - WAN: branch router i to the ISP router, the /30 number i of the WAN network (default
 *   100.64.0.0/16; router .1 + 4i, ISP .2 + 4i), with the WAN data rate, delay, loss and
 *   jitter (PptpInstallAccessLink()).
 * - core: the ISP router and the head office, 203.0.113.0/30 (ISP .1, head office .2: the
 *   PPTP server's public address).
 * - head-office LAN: host j linked to the head office by the /30 number j of the head-office
 *   prefix (default 10.0.0.0/24).
 * - tunnels: the head office's ppp0 address is the tunnel network + 1 (default 10.255.0.0/24),
 *   branch router i's is the tunnel network + 2 + i.
 *
 * Routing (static only; Install() never populates global routing, so that ppp0, which has
 * no channel, is never seen by it): site hosts have a default route to their branch router;
 * a branch router has a default route to the ISP router and, while its tunnel is up, the
 * organisation's supernet through the tunnel; the ISP router knows only its own links (no
 * private prefix: the inter-site traffic can only go through the tunnels); the head office
 * has a default route to the ISP router and the site prefixes through the tunnels; the
 * head-office hosts route the supernet to the head office.
 *
 * Security: a PptpSecurityOptions (default: MS-CHAPv2 and MPPE-128 stateless) applied to both
 * ends; authentication is required (a site is told apart by its PPP user name). Site i's user
 * is "<security user>-site<i>" with the security password unless SetSiteCredentials() sets
 * it. SetClientPppAttribute() and SetServerPppAttribute() are applied after the security
 * settings.
 *
 * Configure with the setters (each documents its default and valid range), then call
 * Install(). Validate() names the first bad parameter; Install() stops the program with its
 * message.
 */
class PptpBranchOfficeTopology
{
  public:
    /** \brief A topology with the defaults documented at each setter. */
    PptpBranchOfficeTopology();

    /**
     * \brief The number of branch sites (default 3; valid 1..250, and at most the /30s of the
     * WAN network and the addresses of the tunnel network).
     * \param n the number
     */
    void SetSiteCount(uint32_t n);
    /**
     * \brief The number of hosts on each site's LAN (default 2; valid 1..1000, and at most the
     * /30s of each site prefix).
     * \param n the number
     */
    void SetHostsPerSite(uint32_t n);
    /**
     * \brief The number of hosts on the head-office LAN (default 1; valid 1..1000, and at most
     * the /30s of the head-office prefix).
     * \param n the number
     */
    void SetHeadOfficeHostCount(uint32_t n);
    /**
     * \brief The data rate of every site's WAN link (default 10 Mb/s; valid 1 kb/s ..
     * 100 Gb/s).
     * \param rate the rate
     */
    void SetWanDataRate(DataRate rate);
    /**
     * \brief The propagation delay of every WAN link (default 10 ms; valid 0 .. 10 s).
     * \param delay the delay
     */
    void SetWanDelay(Time delay);
    /**
     * \brief The packet loss probability of every WAN link, each direction (default 0; valid
     * [0, 1)).
     * \param loss the probability
     */
    void SetWanLoss(double loss);
    /**
     * \brief The jitter of every WAN link: the largest extra delay of a frame, uniform in
     * [0, jitter], without reordering (default 0; valid 0 .. 1 s).
     * \param jitter the jitter
     */
    void SetWanJitter(Time jitter);
    /**
     * \brief The data rate of the ISP-head office core link (default 100 Mb/s; valid 1 kb/s
     * .. 100 Gb/s).
     * \param rate the rate
     */
    void SetCoreDataRate(DataRate rate);
    /**
     * \brief The delay of the core link (default 5 ms; valid 0 .. 10 s).
     * \param delay the delay
     */
    void SetCoreDelay(Time delay);
    /**
     * \brief The data rate of the LAN links, at the sites and the head office (default
     * 1 Gb/s; valid 1 kb/s .. 100 Gb/s).
     * \param rate the rate
     */
    void SetLanDataRate(DataRate rate);
    /**
     * \brief The delay of the LAN links (default 100 us; valid 0 .. 10 s).
     * \param delay the delay
     */
    void SetLanDelay(Time delay);
    /**
     * \brief The public network the WAN links' /30s are taken from (default 100.64.0.0/16;
     * valid: /8 ../30, the address its network address, outside the organisation's network).
     * \param network the network address
     * \param mask its mask
     */
    void SetWanNetwork(Ipv4Address network, Ipv4Mask mask);
    /**
     * \brief The organisation's supernet, which every branch router routes through its tunnel
     * (default 10.0.0.0/8; valid: /8 ../30, the address its network address, holding every
     * site prefix, the head-office prefix and the tunnel network).
     * \param network the network address
     * \param mask its mask
     */
    void SetOrganisationNetwork(Ipv4Address network, Ipv4Mask mask);
    /**
     * \brief The LAN prefix of one site (default 10.(i+1).0.0/24; valid: /8 ../30, the
     * address its network address, inside the organisation's network, disjoint from the
     * others).
     * \param i the site index (< the site count when Install() runs)
     * \param network the network address
     * \param mask its mask
     */
    void SetSiteNetwork(uint32_t i, Ipv4Address network, Ipv4Mask mask);
    /**
     * \brief The head-office LAN prefix (default 10.0.0.0/24; same rules as a site prefix).
     * \param network the network address
     * \param mask its mask
     */
    void SetHeadOfficeNetwork(Ipv4Address network, Ipv4Mask mask);
    /**
     * \brief The tunnel address network (default 10.255.0.0/24; valid: /8 ../30, the address
     * its network address, inside the organisation's network, disjoint from the LANs).
     * \param network the network address
     * \param mask its mask
     */
    void SetTunnelNetwork(Ipv4Address network, Ipv4Mask mask);
    /**
     * \brief When the branch routers start: site i at first + i * stagger (defaults 1 s and
     * 100 ms; valid 0 .. 3600 s each).
     * \param first site 0's start
     * \param stagger the time between two sites' starts
     */
    void SetSiteStart(Time first, Time stagger);
    /**
     * \brief The authentication and MPPE settings of both ends (default: MS-CHAPv2 with
     * MPPE-128 stateless; auth "none" is not valid here).
     * \param security the settings
     */
    void SetSecurity(const PptpSecurityOptions& security);
    /**
     * \brief The PPP user name and password of one site's branch router (default
     * "<security user>-site<i>" and the security password; valid: a non-empty name, distinct
     * from the other sites').
     * \param i the site index
     * \param user the user name
     * \param password the password
     */
    void SetSiteCredentials(uint32_t i, const std::string& user, const std::string& password);
    /**
     * \brief Set an Attribute of every branch router's PptpClient. TunnelNetwork and
     * TunnelMask are set to the organisation's network before these are applied.
     * \param name the Attribute name
     * \param value its value
     */
    void SetClientAttribute(const std::string& name, const AttributeValue& value);
    /**
     * \brief Set an Attribute of the head office's PptpServer. TunnelAddress is set before
     * these are applied.
     * \param name the Attribute name
     * \param value its value
     */
    void SetServerAttribute(const std::string& name, const AttributeValue& value);
    /**
     * \brief Set a PPP Attribute of every branch router's calls, after the security settings.
     * \param name the Attribute name
     * \param value its value
     */
    void SetClientPppAttribute(const std::string& name, const AttributeValue& value);
    /**
     * \brief Set a PPP Attribute of every call of the head office, after the security
     * settings.
     * \param name the Attribute name
     * \param value its value
     */
    void SetServerPppAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \brief Check every value.
     * \return an empty string when all are valid, else a message naming the first bad
     * parameter, its value and its valid range
     */
    std::string Validate() const;

    /**
     * \brief Build the network and install PPTP on it (once). Stops the program with
     * Validate()'s message when a value is invalid.
     */
    void Install();

    /**
     * \brief Fix the random streams of the WAN links (loss and jitter), after Install().
     * \param stream the first stream index
     * \return the number of streams used (3 per site)
     */
    int64_t AssignStreams(int64_t stream);

    /** \brief \return whether Install() has run */
    bool IsInstalled() const;
    /** \brief \return the number of sites */
    uint32_t GetSiteCount() const;
    /** \brief \return the number of hosts per site */
    uint32_t GetHostsPerSite() const;
    /** \brief \return the number of head-office hosts */
    uint32_t GetHeadOfficeHostCount() const;

    /** \brief \return the branch routers, site 0 first */
    NodeContainer GetBranchRouters() const;
    /**
     * \brief One branch router.
     * \param i the site index
     * \return the node
     */
    Ptr<Node> GetBranchRouter(uint32_t i) const;
    /**
     * \brief One site's hosts.
     * \param i the site index
     * \return the nodes, host 0 first
     */
    NodeContainer GetSiteHosts(uint32_t i) const;
    /**
     * \brief One host of a site.
     * \param i the site index
     * \param j the host index
     * \return the node
     */
    Ptr<Node> GetSiteHost(uint32_t i, uint32_t j) const;
    /** \brief \return every site host, site 0's first */
    NodeContainer GetAllSiteHosts() const;
    /** \brief \return the ISP router */
    Ptr<Node> GetIspRouter() const;
    /** \brief \return the head office (the PPTP server's node) */
    Ptr<Node> GetServerNode() const;
    /** \brief \return the head-office hosts, host 0 first */
    NodeContainer GetHeadOfficeHosts() const;
    /**
     * \brief One head-office host.
     * \param j the host index
     * \return the node
     */
    Ptr<Node> GetHeadOfficeHost(uint32_t j) const;

    /**
     * \brief Site i's WAN link devices: the branch router's (0) and the ISP's (1).
     * \param i the site index
     * \return the devices
     */
    NetDeviceContainer GetWanDevices(uint32_t i) const;
    /**
     * \brief Site i's WAN link interfaces: the branch router's (0) and the ISP's (1).
     * \param i the site index
     * \return the interfaces
     */
    Ipv4InterfaceContainer GetWanInterfaces(uint32_t i) const;
    /**
     * \brief The LAN link of a site host: the branch router's (0) and the host's (1) device.
     * \param i the site index
     * \param j the host index
     * \return the devices
     */
    NetDeviceContainer GetSiteLanDevices(uint32_t i, uint32_t j) const;
    /**
     * \brief The LAN link of a site host: the branch router's (0) and the host's (1)
     * interface.
     * \param i the site index
     * \param j the host index
     * \return the interfaces
     */
    Ipv4InterfaceContainer GetSiteLanInterfaces(uint32_t i, uint32_t j) const;
    /** \brief \return the core link devices: the ISP's (0) and the head office's (1) */
    NetDeviceContainer GetCoreDevices() const;
    /** \brief \return the core link interfaces: the ISP's (0) and the head office's (1) */
    Ipv4InterfaceContainer GetCoreInterfaces() const;
    /**
     * \brief Head-office host j's LAN link devices: the head office's (0) and the host's (1).
     * \param j the host index
     * \return the devices
     */
    NetDeviceContainer GetHeadOfficeLanDevices(uint32_t j) const;
    /**
     * \brief Head-office host j's LAN link interfaces: the head office's (0) and the host's.
     * \param j the host index
     * \return the interfaces
     */
    Ipv4InterfaceContainer GetHeadOfficeLanInterfaces(uint32_t j) const;

    /**
     * \brief A branch router's public address (on its WAN link).
     * \param i the site index
     * \return the address
     */
    Ipv4Address GetBranchRouterAddress(uint32_t i) const;
    /** \brief \return the PPTP server's public address (head office, core link) */
    Ipv4Address GetServerAddress() const;
    /**
     * \brief A site host's address.
     * \param i the site index
     * \param j the host index
     * \return the address
     */
    Ipv4Address GetSiteHostAddress(uint32_t i, uint32_t j) const;
    /**
     * \brief A head-office host's address.
     * \param j the host index
     * \return the address
     */
    Ipv4Address GetHeadOfficeHostAddress(uint32_t j) const;
    /** \brief \return the head office's ppp0 address (the tunnel network + 1) */
    Ipv4Address GetServerTunnelAddress() const;
    /**
     * \brief A branch router's tunnel address (the tunnel network + 2 + i).
     * \param i the site index
     * \return the address
     */
    Ipv4Address GetBranchTunnelAddress(uint32_t i) const;
    /**
     * \brief A site's LAN prefix.
     * \param i the site index
     * \return the network address and its mask
     */
    std::pair<Ipv4Address, Ipv4Mask> GetSiteNetwork(uint32_t i) const;
    /** \brief \return the head-office LAN prefix */
    std::pair<Ipv4Address, Ipv4Mask> GetHeadOfficeNetwork() const;
    /** \brief \return the organisation's supernet */
    std::pair<Ipv4Address, Ipv4Mask> GetOrganisationNetwork() const;
    /**
     * \brief A site's PPP user name.
     * \param i the site index
     * \return the name
     */
    std::string GetSiteUser(uint32_t i) const;

    /** \brief \return the branch routers' PptpClient applications, site 0 first */
    ApplicationContainer GetBranchApps() const;
    /** \brief \return the head office's PptpServer application */
    ApplicationContainer GetServerApps() const;
    /**
     * \brief A branch router's application.
     * \param i the site index
     * \return the PptpClient
     */
    Ptr<PptpClient> GetBranchClient(uint32_t i) const;
    /** \brief \return the head office's PptpServer */
    Ptr<PptpServer> GetServer() const;

  private:
    /** \brief Stop the program unless Install() has run (for the accessors). */
    void CheckInstalled() const;
    /**
     * \brief Stop the program unless a site index is valid (and Install() has run).
     * \param i the site index
     */
    void CheckSite(uint32_t i) const;
    /**
     * \brief The password of a site.
     * \param i the site index
     * \return the password
     */
    std::string GetSitePassword(uint32_t i) const;

    uint32_t m_sites{3};           //!< site count
    uint32_t m_hostsPerSite{2};    //!< hosts per site
    uint32_t m_headOfficeHosts{1}; //!< head-office host count
    PptpLinkParameters m_wan{DataRate("10Mbps"), MilliSeconds(10), 0, Seconds(0)}; //!< WAN
    DataRate m_coreRate{"100Mbps"};         //!< core data rate
    Time m_coreDelay{MilliSeconds(5)};      //!< core delay
    DataRate m_lanRate{"1Gbps"};            //!< LAN data rate
    Time m_lanDelay{MicroSeconds(100)};     //!< LAN delay
    Ipv4Address m_wanNetwork{"100.64.0.0"}; //!< WAN links' network
    Ipv4Mask m_wanMask{"255.255.0.0"};      //!< its mask
    Ipv4Address m_orgNetwork{"10.0.0.0"};   //!< organisation's supernet
    Ipv4Mask m_orgMask{"255.0.0.0"};        //!< its mask
    std::map<uint32_t, std::pair<Ipv4Address, Ipv4Mask>> m_siteNetworks; //!< set prefixes
    Ipv4Address m_headOfficeNetwork{"10.0.0.0"};                         //!< head-office prefix
    Ipv4Mask m_headOfficeMask{"255.255.255.0"};                          //!< its mask
    Ipv4Address m_tunnelNetwork{"10.255.0.0"};                           //!< tunnel address network
    Ipv4Mask m_tunnelMask{"255.255.255.0"};                              //!< its mask
    Time m_firstStart{Seconds(1)};                                       //!< site 0's start
    Time m_stagger{MilliSeconds(100)}; //!< time between sites' starts
    PptpSecurityOptions m_security;    //!< auth and MPPE settings
    std::map<uint32_t, std::pair<std::string, std::string>> m_credentials; //!< set users
    PptpHelperAttributes m_attributes; //!< client, server and PPP Attributes, in order

    bool m_installed{false};                                       //!< Install() has run
    NodeContainer m_branchRouters;                                 //!< one per site
    std::vector<NodeContainer> m_siteHosts;                        //!< per site
    Ptr<Node> m_isp;                                               //!< the ISP router
    Ptr<Node> m_server;                                            //!< the head office
    NodeContainer m_headOfficeHostNodes;                           //!< head-office hosts
    std::vector<PptpAccessLink> m_wanLinks;                        //!< per site
    std::vector<Ipv4InterfaceContainer> m_wanIfs;                  //!< per site: router, ISP
    std::vector<std::vector<NetDeviceContainer>> m_siteLanDevices; //!< [site][host]
    std::vector<std::vector<Ipv4InterfaceContainer>> m_siteLanIfs; //!< [site][host]
    NetDeviceContainer m_coreDevices;                              //!< ISP, head office
    Ipv4InterfaceContainer m_coreIfs;                              //!< ISP, head office
    std::vector<NetDeviceContainer> m_headOfficeLanDevices;        //!< per host: server, host
    std::vector<Ipv4InterfaceContainer> m_headOfficeLanIfs;        //!< per host: server, host
    ApplicationContainer m_branchApps;                             //!< the PptpClients
    ApplicationContainer m_serverApps;                             //!< the PptpServer
};

} // namespace ns3

#endif /* PPTP_BRANCH_OFFICE_TOPOLOGY_H */
