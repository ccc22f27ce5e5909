/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ppp-link-config.h"

#include "ns3/abort.h"

namespace ns3
{

void
PppLinkConfig::Set(const std::string& name, const AttributeValue& value, const std::string& who)
{
    NS_ABORT_MSG_UNLESS(PppLink::IsPppAttribute(name),
                        who << ": \"" << name
                            << "\" is not an Attribute of the PPP layer (ns3::PppLink, "
                               "ns3::PppLcp, ns3::PppCcp, ns3::PppIpcp, ns3::PppAuthPeer, "
                               "ns3::PppAuthenticator)");
    for (auto& entry : m_values)
    {
        if (entry.first == name)
        {
            entry.second = value.Copy();
            return;
        }
    }
    m_values.emplace_back(name, value.Copy());
}

Ptr<PppLink>
PppLinkConfig::Create() const
{
    Ptr<PppLink> link = CreateObject<PppLink>();
    TypeId::AttributeInformation info;
    for (const auto& entry : m_values)
    {
        if (PppLink::GetTypeId().LookupAttributeByName(entry.first, &info))
        {
            link->SetAttribute(entry.first, *entry.second);
        }
        else
        {
            link->SetSubAttribute(entry.first, *entry.second);
        }
    }
    return link;
}

} // namespace ns3
