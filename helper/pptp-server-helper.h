/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_SERVER_HELPER_H
#define PPTP_SERVER_HELPER_H

#include "pptp-control-types.h"

#include "ns3/address.h"
#include "ns3/application-container.h"
#include "ns3/attribute.h"
#include "ns3/ipv4-address.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"
#include "ns3/ptr.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief Installs PptpServer applications on nodes (the usual ns-3 helper shape).
 *
 * Install() also aggregates a GreL4Protocol (IP protocol 47) to each node that has none, for
 * the calls' data channels; install the Internet stack first or after, in either order.
 * SetSessionAttribute() and SetDeviceAttribute() set the Attributes of the GreSession and
 * the PptpNetDevice of every call of the installed applications.
 */
class PptpServerHelper
{
  public:
    /**
     * \brief A helper for servers listening on a port.
     * \param port the TCP port (default 1723)
     */
    explicit PptpServerHelper(uint16_t port = PPTP_TCP_PORT);

    /**
     * \brief Set an Attribute of the applications this helper installs.
     * \param name the Attribute name
     * \param value its value
     */
    void SetAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \brief Set an Attribute of the GRE session of every call (PptpServer::SetSessionAttribute).
     * \param name the GreSession Attribute name (e.g. "Profile", "AckDelay", "TxQueueSize")
     * \param value its value
     */
    void SetSessionAttribute(const std::string& name, const AttributeValue& value);
    /**
     * \brief Set an Attribute of the ppp0 device of every call (PptpServer::SetDeviceAttribute).
     * \param name the PptpNetDevice Attribute name (e.g. "Mtu", "TxQueue")
     * \param value its value
     */
    void SetDeviceAttribute(const std::string& name, const AttributeValue& value);
    /**
     * \brief Tell the installed servers the tunnel address of the client behind an outer
     * address (PptpServer::AddPeerTunnelAddress).
     * \param outerPeer the client's address on the physical network
     * \param innerPeer the client's tunnel address
     */
    void AddPeerTunnelAddress(Ipv4Address outerPeer, Ipv4Address innerPeer);

    /**
     * \brief Route a prefix into the tunnel of a user on the installed servers
     * (PptpServer::AddUserRoute: a branch office's LAN behind the router that authenticates
     * as the user). Bad parameters stop the program at once with the message of
     * PptpServer::CheckUserRoute().
     * \param user the PPP user name
     * \param network the prefix's network address
     * \param mask its mask
     */
    void AddUserRoute(const std::string& user, Ipv4Address network, Ipv4Mask mask);
    /**
     * \brief Fix the tunnel address of a user on the installed servers
     * (PptpServer::AddUserTunnelAddress).
     * \param user the PPP user name
     * \param innerPeer the tunnel address
     */
    void AddUserTunnelAddress(const std::string& user, Ipv4Address innerPeer);

    /**
     * \brief Add a user the servers' PPP authentication accepts (PptpServer::AddUser).
     * \param user the user name
     * \param password the password
     */
    void AddUser(const std::string& user, const std::string& password);

    /**
     * \brief Set an Attribute of the PPP layer of every call of the servers
     * (PptpServer::SetPppAttribute): e.g. "Authentication", "Encryption", "Allow40Bit".
     * \param name the Attribute name
     * \param value its value
     */
    void SetPppAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \brief Install one application on a node.
     * \param node the node
     * \return the application
     */
    ApplicationContainer Install(Ptr<Node> node) const;
    /**
     * \brief Install one application on a node found by name (ns3::Names).
     * \param nodeName the node's name
     * \return the application
     */
    ApplicationContainer Install(const std::string& nodeName) const;
    /**
     * \brief Install one application on each node.
     * \param nodes the nodes
     * \return the applications, in the order of the nodes
     */
    ApplicationContainer Install(NodeContainer nodes) const;

  private:
    /**
     * \brief Create and add the application.
     * \param node the node
     * \return the application
     */
    Ptr<Application> InstallPriv(Ptr<Node> node) const;

    ObjectFactory m_factory; //!< creates the applications
    std::vector<std::pair<std::string, Ptr<AttributeValue>>>
        m_sessionAttributes; //!< GreSession Attributes, in the order set
    std::vector<std::pair<std::string, Ptr<AttributeValue>>>
        m_deviceAttributes; //!< PptpNetDevice Attributes, in the order set
    std::vector<std::pair<Ipv4Address, Ipv4Address>> m_peers; //!< outer, inner
    std::vector<std::pair<std::string, Ptr<AttributeValue>>>
        m_pppAttributes;                                      //!< PPP Attributes, in order
    std::vector<std::pair<std::string, std::string>> m_users; //!< user, password
    std::vector<std::pair<std::string, std::pair<Ipv4Address, Ipv4Mask>>>
        m_userRoutes;                                                 //!< user, prefix
    std::vector<std::pair<std::string, Ipv4Address>> m_userAddresses; //!< user, tunnel address
};

} // namespace ns3

#endif /* PPTP_SERVER_HELPER_H */
