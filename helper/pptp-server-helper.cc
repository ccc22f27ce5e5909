/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-server-helper.h"

#include "pptp-server.h"

#include "ns3/abort.h"
#include "ns3/names.h"
#include "ns3/uinteger.h"

namespace ns3
{

PptpServerHelper::PptpServerHelper(uint16_t port)
{
    m_factory.SetTypeId(PptpServer::GetTypeId());
    m_factory.Set("Port", UintegerValue(port));
}

void
PptpServerHelper::SetAttribute(const std::string& name, const AttributeValue& value)
{
    m_factory.Set(name, value);
}

ApplicationContainer
PptpServerHelper::Install(Ptr<Node> node) const
{
    return ApplicationContainer(InstallPriv(node));
}

ApplicationContainer
PptpServerHelper::Install(const std::string& nodeName) const
{
    Ptr<Node> node = Names::Find<Node>(nodeName);
    NS_ABORT_MSG_IF(!node, "PptpServerHelper::Install: no node named '" << nodeName << "'");
    return ApplicationContainer(InstallPriv(node));
}

ApplicationContainer
PptpServerHelper::Install(NodeContainer nodes) const
{
    ApplicationContainer apps;
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        apps.Add(InstallPriv(*it));
    }
    return apps;
}

Ptr<Application>
PptpServerHelper::InstallPriv(Ptr<Node> node) const
{
    Ptr<Application> app = m_factory.Create<PptpServer>();
    node->AddApplication(app);
    return app;
}

} // namespace ns3
