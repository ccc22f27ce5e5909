/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_CLIENT_HELPER_H
#define PPTP_CLIENT_HELPER_H

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
 * \brief Installs PptpClient applications on nodes (the usual ns-3 helper shape).
 *
 * Install() also aggregates a GreL4Protocol (IP protocol 47) to each node that has none, for
 * the calls' data channels; install the Internet stack first or after, in either order.
 * SetSessionAttribute() and SetDeviceAttribute() set the Attributes of the GreSession and
 * the PptpNetDevice of every call of the installed applications.
 */
class PptpClientHelper
{
  public:
    /**
     * \brief A helper for clients of one server.
     * \param server the server's address (an Ipv4Address or an InetSocketAddress)
     * \param port the server's TCP port (default 1723)
     */
    explicit PptpClientHelper(const Address& server, uint16_t port = PPTP_TCP_PORT);

    /**
     * \brief Set an Attribute of the applications this helper installs.
     * \param name the Attribute name
     * \param value its value
     */
    void SetAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \brief Set an Attribute of the GRE session of every call (PptpClient::SetSessionAttribute).
     * \param name the GreSession Attribute name (e.g. "Profile", "AckDelay", "TxQueueSize")
     * \param value its value
     */
    void SetSessionAttribute(const std::string& name, const AttributeValue& value);
    /**
     * \brief Set an Attribute of the ppp0 device of every call (PptpClient::SetDeviceAttribute).
     * \param name the PptpNetDevice Attribute name (e.g. "Mtu", "TxQueue")
     * \param value its value
     */
    void SetDeviceAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \brief Set an Attribute of the PPP layer of the clients' calls
     * (PptpClient::SetPppAttribute): e.g. "Encryption", "AcceptPap", "EchoInterval".
     * \param name the Attribute name
     * \param value its value
     */
    void SetPppAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \brief The user name and password the clients authenticate with (the PPP Attributes
     * "UserName" and "Password").
     * \param user the user name
     * \param password the password
     */
    void SetCredentials(const std::string& user, const std::string& password);
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
    std::vector<std::pair<std::string, Ptr<AttributeValue>>>
        m_pppAttributes; //!< PPP Attributes, in the order set
};

} // namespace ns3

#endif /* PPTP_CLIENT_HELPER_H */
