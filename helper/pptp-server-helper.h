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
#include "ns3/node-container.h"
#include "ns3/object-factory.h"

#include <cstdint>
#include <string>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief Installs PptpServer applications on nodes (the usual ns-3 helper shape).
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
};

} // namespace ns3

#endif /* PPTP_SERVER_HELPER_H */
