/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPP_LINK_CONFIG_H
#define PPP_LINK_CONFIG_H

#include "ppp-link.h"

#include "ns3/attribute.h"
#include "ns3/ptr.h"

#include <string>
#include <utility>
#include <vector>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief The Attributes an application sets for the PPP layer of each of its calls: those of
 * PppLink itself and of its sub-layers (PppLcp, PppCcp, PppIpcp, PppAuthPeer,
 * PppAuthenticator), by name, applied in order to every PppLink it creates.
 */
class PppLinkConfig
{
  public:
    /**
     * \brief Remember an Attribute for the links created from now on. An Attribute none of
     * the PPP classes has stops the program with a message naming it (a set-up error); a
     * value its checker rejects stops it when the first link is created.
     * \param name the Attribute name, e.g. "Password", "EchoInterval", "Encryption"
     * \param value its value
     * \param who the application, for the message (e.g. "PptpClient")
     */
    void Set(const std::string& name, const AttributeValue& value, const std::string& who);

    /**
     * \brief A new link with every remembered Attribute set.
     * \return the link, not started
     */
    Ptr<PppLink> Create() const;

  private:
    std::vector<std::pair<std::string, Ptr<AttributeValue>>> m_values; //!< name, value
};

} // namespace ns3

#endif /* PPP_LINK_CONFIG_H */
