/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_REMOTE_ACCESS_TOPOLOGY_H
#define PPTP_REMOTE_ACCESS_TOPOLOGY_H

#include "pptp-client-helper.h"
#include "pptp-security-options.h"
#include "pptp-server-helper.h"
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
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

class PptpClient;
class PptpServer;
class PointToPointNetDevice;

/**
 * \ingroup pptp
 * \brief Builds a PPTP remote-access network and installs PPTP on it with one call.
 *
 * \verbatim
 *   client 0 --access--+
 *   client 1 --access--+-- ISP router ==core== server ==lan== host 0, host 1, ...
 *   ...                |                       pool network + 1 on every ppp0
 *   client N-1 -access-+                       (the clients from pool network + 2 up)
 * \endverbatim
 *
 * Configure with the setters (each documents its default and valid range), then call
 * Install(): it creates the nodes, the links, the Internet stacks, the addresses, the routes
 * and the PptpServer and PptpClient applications (with PptpServerHelper and
 * PptpClientHelper), and keeps every piece for the accessors. Values are checked by
 * Validate(); Install() stops the program (NS_ABORT_MSG) with Validate()'s message when a
 * value is out of range.
 *
 * Links and addresses:
 * - access link i: client i to the ISP router, a point-to-point link with the access data
 *   rate, delay, loss and jitter, the /30 number i of the access network (client .1 + 4i,
 *   router .2 + 4i). Loss is a RateErrorModel (per packet) on the receiving device of each
 *   direction. Jitter: each frame gets an extra delay drawn uniformly from [0, jitter] on
 *   top of the propagation delay, but never arrives before the frame sent before it on the
 *   same direction (a link does not reorder; when frames are closer together than the
 *   jitter, the later one waits for the earlier one, as in a FIFO).
 * - core: the ISP router and the server, 203.0.113.0/30 (router .1, server .2: the server's
 *   public address).
 * - corporate LAN: host j is linked to the server by its own point-to-point link, the /30
 *   number j of the LAN prefix (server .1 + 4j, host .2 + 4j); the whole prefix is what the
 *   clients route through their tunnels (split tunnelling: PptpClient's TunnelNetwork and
 *   TunnelMask).
 * - tunnels: the server's ppp0 address is the pool network + 1, its address pool starts at
 *   the pool network + 2 and holds one address per client.
 *
 * Routing (static only; Install() never populates global routing, so that ppp0, which has
 * no channel, is never seen by it; do not call Ipv4GlobalRoutingHelper on these nodes):
 * the clients have a default route to the ISP router; the router knows only its own links
 * (the access links and the core), so the LAN is reachable from a client only through its
 * tunnel; the server has a default route to the router and routes to its tunnels (added by
 * the tunnels); the LAN hosts route the pool network back through the server and nothing
 * else.
 *
 * Security: a PptpSecurityOptions (default: MS-CHAPv2 and MPPE-128 stateless, required by
 * both ends) applied to both helpers; SetClientPppAttribute() and SetServerPppAttribute()
 * are applied after it and can override it.
 */
class PptpRemoteAccessTopology
{
  public:
    /** \brief A topology with the defaults documented at each setter. */
    PptpRemoteAccessTopology();

    /**
     * \brief The number of PPTP clients (default 1; valid 1..16000, and at most the /30s of
     * the access network and the addresses of the pool network).
     * \param n the number
     */
    void SetClientCount(uint32_t n);
    /**
     * \brief The number of hosts on the corporate LAN (default 1; valid 1..1000, and at most
     * the /30s of the LAN prefix).
     * \param n the number
     */
    void SetLanHostCount(uint32_t n);
    /**
     * \brief The data rate of every access link (default 10 Mb/s; valid 1 kb/s .. 100 Gb/s).
     * \param rate the rate
     */
    void SetAccessDataRate(DataRate rate);
    /**
     * \brief The propagation delay of every access link (default 5 ms; valid 0 .. 10 s).
     * \param delay the delay
     */
    void SetAccessDelay(Time delay);
    /**
     * \brief The packet loss probability of every access link, each direction (default 0;
     * valid [0, 1)).
     * \param loss the probability
     */
    void SetAccessLoss(double loss);
    /**
     * \brief The jitter of every access link: the largest extra delay of a frame, drawn
     * uniformly from [0, jitter] (default 0; valid 0 .. 1 s).
     * \param jitter the jitter
     */
    void SetAccessJitter(Time jitter);
    /**
     * \brief The data rate of the router-server core link (default 100 Mb/s; valid 1 kb/s ..
     * 100 Gb/s).
     * \param rate the rate
     */
    void SetCoreDataRate(DataRate rate);
    /**
     * \brief The delay of the router-server core link (default 10 ms; valid 0 .. 10 s).
     * \param delay the delay
     */
    void SetCoreDelay(Time delay);
    /**
     * \brief The data rate of the server-host LAN links (default 1 Gb/s; valid 1 kb/s ..
     * 100 Gb/s).
     * \param rate the rate
     */
    void SetLanDataRate(DataRate rate);
    /**
     * \brief The delay of the server-host LAN links (default 100 us; valid 0 .. 10 s).
     * \param delay the delay
     */
    void SetLanDelay(Time delay);
    /**
     * \brief The network the access links' /30s are taken from (default 10.0.0.0/16; valid:
     * a mask of /8 ../30, the address its network address).
     * \param network the network address
     * \param mask its mask
     */
    void SetAccessNetwork(Ipv4Address network, Ipv4Mask mask);
    /**
     * \brief The corporate LAN prefix (default 172.16.1.0/24; valid: a mask of /8 ../30, the
     * address its network address).
     * \param network the network address
     * \param mask its mask
     */
    void SetLanNetwork(Ipv4Address network, Ipv4Mask mask);
    /**
     * \brief The tunnel address network (default 10.8.0.0/16; valid: a mask of /8 ../30, the
     * address its network address, not overlapping the access network or the LAN).
     * \param network the network address
     * \param mask its mask
     */
    void SetPoolNetwork(Ipv4Address network, Ipv4Mask mask);
    /**
     * \brief When the clients start: client i at first + i * stagger (defaults 1 s and
     * 100 ms; valid first 0 .. 3600 s, stagger 0 .. 3600 s).
     * \param first the first client's start
     * \param stagger the time between two clients' starts
     */
    void SetClientStart(Time first, Time stagger);
    /**
     * \brief The authentication and MPPE settings of both ends (default: a default
     * PptpSecurityOptions, MS-CHAPv2 with MPPE-128 stateless).
     * \param security the settings (checked by its own Validate())
     */
    void SetSecurity(const PptpSecurityOptions& security);
    /**
     * \brief Set an Attribute of every PptpClient (e.g. "CallDuration", "DataChannel").
     * TunnelNetwork and TunnelMask are set to the LAN prefix before these are applied.
     * \param name the Attribute name
     * \param value its value
     */
    void SetClientAttribute(const std::string& name, const AttributeValue& value);
    /**
     * \brief Set an Attribute of the PptpServer (e.g. "MaxCalls", "PrimaryDns").
     * TunnelAddress, AddressPoolStart and AddressPoolSize are set from the pool network before
     * these are applied.
     * \param name the Attribute name
     * \param value its value
     */
    void SetServerAttribute(const std::string& name, const AttributeValue& value);
    /**
     * \brief Set a PPP Attribute of every client's calls, after the security settings.
     * \param name the Attribute name
     * \param value its value
     */
    void SetClientPppAttribute(const std::string& name, const AttributeValue& value);
    /**
     * \brief Set a PPP Attribute of every call of the server, after the security settings.
     * \param name the Attribute name
     * \param value its value
     */
    void SetServerPppAttribute(const std::string& name, const AttributeValue& value);
    /**
     * \brief Add a user to the server's table after the security settings' user (the same
     * name replaces its password: a password other than the clients' makes every
     * authentication fail).
     * \param user the user name
     * \param password the password
     */
    void AddServerUser(const std::string& user, const std::string& password);

    /**
     * \brief Check every value.
     * \return an empty string when all are valid, else a message naming the first bad
     * parameter, its value and its valid range
     */
    std::string Validate() const;

    /**
     * \brief Build the network and install PPTP on it (once per topology). Stops the program
     * with Validate()'s message when a value is invalid.
     */
    void Install();

    /**
     * \brief Fix the random streams of the access links (loss and jitter), after Install().
     * The PPP layers' own random numbers (magic numbers, challenges) are not covered: the
     * PPTP applications do not take streams.
     * \param stream the first stream index
     * \return the number of streams used (3 per client)
     */
    int64_t AssignStreams(int64_t stream);

    /**
     * \brief Whether Install() has run.
     * \return true once it has
     */
    bool IsInstalled() const;

    /**
     * \brief The client nodes.
     * \return the nodes, client 0 first
     */
    NodeContainer GetClientNodes() const;
    /**
     * \brief One client node.
     * \param i the client index (< the client count)
     * \return the node
     */
    Ptr<Node> GetClientNode(uint32_t i) const;
    /**
     * \brief The ISP router.
     * \return the node
     */
    Ptr<Node> GetIspRouter() const;
    /**
     * \brief The PPTP server's node.
     * \return the node
     */
    Ptr<Node> GetServerNode() const;
    /**
     * \brief The LAN hosts.
     * \return the nodes, host 0 first
     */
    NodeContainer GetLanHosts() const;
    /**
     * \brief One LAN host.
     * \param j the host index (< the host count)
     * \return the node
     */
    Ptr<Node> GetLanHost(uint32_t j) const;

    /**
     * \brief Client i's access link devices: the client's (0) and the router's (1).
     * \param i the client index
     * \return the two devices
     */
    NetDeviceContainer GetAccessDevices(uint32_t i) const;
    /**
     * \brief Client i's access link interfaces: the client's (0) and the router's (1).
     * \param i the client index
     * \return the interfaces
     */
    Ipv4InterfaceContainer GetAccessInterfaces(uint32_t i) const;
    /**
     * \brief The core link devices: the router's (0) and the server's (1).
     * \return the devices
     */
    NetDeviceContainer GetCoreDevices() const;
    /**
     * \brief The core link interfaces: the router's (0) and the server's (1).
     * \return the interfaces
     */
    Ipv4InterfaceContainer GetCoreInterfaces() const;
    /**
     * \brief Host j's LAN link devices: the server's (0) and the host's (1).
     * \param j the host index
     * \return the devices
     */
    NetDeviceContainer GetLanDevices(uint32_t j) const;
    /**
     * \brief Host j's LAN link interfaces: the server's (0) and the host's (1).
     * \param j the host index
     * \return the interfaces
     */
    Ipv4InterfaceContainer GetLanInterfaces(uint32_t j) const;

    /**
     * \brief Client i's public address (on its access link).
     * \param i the client index
     * \return the address
     */
    Ipv4Address GetClientAddress(uint32_t i) const;
    /**
     * \brief The server's public address (on the core link), the clients' PPTP server.
     * \return the address
     */
    Ipv4Address GetServerAddress() const;
    /**
     * \brief LAN host j's address.
     * \param j the host index
     * \return the address
     */
    Ipv4Address GetLanHostAddress(uint32_t j) const;
    /**
     * \brief The server's ppp0 address (the pool network + 1).
     * \return the address
     */
    Ipv4Address GetServerTunnelAddress() const;
    /**
     * \brief The first address of the server's pool (the pool network + 2).
     * \return the address
     */
    Ipv4Address GetPoolStart() const;
    /**
     * \brief The LAN prefix.
     * \return the network address and its mask
     */
    std::pair<Ipv4Address, Ipv4Mask> GetLanNetwork() const;

    /**
     * \brief The client applications.
     * \return the PptpClient applications, client 0 first
     */
    ApplicationContainer GetClientApps() const;
    /**
     * \brief The server application.
     * \return the PptpServer application
     */
    ApplicationContainer GetServerApps() const;
    /**
     * \brief Client i's application.
     * \param i the client index
     * \return the PptpClient
     */
    Ptr<PptpClient> GetClient(uint32_t i) const;
    /**
     * \brief The server application.
     * \return the PptpServer
     */
    Ptr<PptpServer> GetServer() const;

  private:
    /** \brief Stop the program unless Install() has run (for the accessors). */
    void CheckInstalled() const;

    uint32_t m_clients{1};                   //!< client count
    uint32_t m_hosts{1};                     //!< LAN host count
    DataRate m_accessRate{"10Mbps"};         //!< access data rate
    Time m_accessDelay{MilliSeconds(5)};     //!< access delay
    double m_accessLoss{0};                  //!< access loss probability
    Time m_accessJitter{Seconds(0)};         //!< access jitter
    DataRate m_coreRate{"100Mbps"};          //!< core data rate
    Time m_coreDelay{MilliSeconds(10)};      //!< core delay
    DataRate m_lanRate{"1Gbps"};             //!< LAN data rate
    Time m_lanDelay{MicroSeconds(100)};      //!< LAN delay
    Ipv4Address m_accessNetwork{"10.0.0.0"}; //!< access links' network
    Ipv4Mask m_accessMask{"255.255.0.0"};    //!< its mask
    Ipv4Address m_lanNetwork{"172.16.1.0"};  //!< LAN prefix
    Ipv4Mask m_lanMask{"255.255.255.0"};     //!< its mask
    Ipv4Address m_poolNetwork{"10.8.0.0"};   //!< tunnel address network
    Ipv4Mask m_poolMask{"255.255.0.0"};      //!< its mask
    Time m_firstStart{Seconds(1)};           //!< client 0's start
    Time m_stagger{MilliSeconds(100)};       //!< time between clients' starts
    PptpSecurityOptions m_security;          //!< auth and MPPE settings
    PptpHelperAttributes m_attributes;       //!< the helpers' Attributes, in order
    std::vector<std::pair<std::string, std::string>> m_serverUsers; //!< AddServerUser()

    bool m_installed{false};                         //!< Install() has run
    NodeContainer m_clientNodes;                     //!< the clients
    Ptr<Node> m_router;                              //!< the ISP router
    Ptr<Node> m_server;                              //!< the PPTP server
    NodeContainer m_hostNodes;                       //!< the LAN hosts
    std::vector<Ipv4InterfaceContainer> m_accessIfs; //!< per client: client, router
    NetDeviceContainer m_coreDevices;                //!< router, server
    Ipv4InterfaceContainer m_coreIfs;                //!< router, server
    std::vector<NetDeviceContainer> m_lanDevices;    //!< per host: server, host
    std::vector<Ipv4InterfaceContainer> m_lanIfs;    //!< per host: server, host
    ApplicationContainer m_clientApps;               //!< the PptpClients
    ApplicationContainer m_serverApps;               //!< the PptpServer
    std::vector<PptpAccessLink> m_accessLinks;       //!< per client: client, router
};

} // namespace ns3

#endif /* PPTP_REMOTE_ACCESS_TOPOLOGY_H */
