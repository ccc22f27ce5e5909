/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-client-helper.h"

#include "gre-l4-protocol.h"
#include "pptp-client.h"

#include "ns3/abort.h"
#include "ns3/names.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

namespace ns3
{

PptpClientHelper::PptpClientHelper(const Address& server, uint16_t port)
{
    m_factory.SetTypeId(PptpClient::GetTypeId());
    m_factory.Set("RemoteAddress", AddressValue(server));
    m_factory.Set("RemotePort", UintegerValue(port));
}

void
PptpClientHelper::SetAttribute(const std::string& name, const AttributeValue& value)
{
    m_factory.Set(name, value);
}

ApplicationContainer
PptpClientHelper::Install(Ptr<Node> node) const
{
    return ApplicationContainer(InstallPriv(node));
}

ApplicationContainer
PptpClientHelper::Install(const std::string& nodeName) const
{
    Ptr<Node> node = Names::Find<Node>(nodeName);
    NS_ABORT_MSG_IF(!node, "PptpClientHelper::Install: no node named '" << nodeName << "'");
    return ApplicationContainer(InstallPriv(node));
}

ApplicationContainer
PptpClientHelper::Install(NodeContainer nodes) const
{
    ApplicationContainer apps;
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        apps.Add(InstallPriv(*it));
    }
    return apps;
}

void
PptpClientHelper::SetSessionAttribute(const std::string& name, const AttributeValue& value)
{
    m_sessionAttributes.emplace_back(name, value.Copy());
}

void
PptpClientHelper::SetPppAttribute(const std::string& name, const AttributeValue& value)
{
    m_pppAttributes.emplace_back(name, value.Copy());
}

void
PptpClientHelper::SetCredentials(const std::string& user, const std::string& password)
{
    SetPppAttribute("UserName", StringValue(user));
    SetPppAttribute("Password", StringValue(password));
}

void
PptpClientHelper::SetDeviceAttribute(const std::string& name, const AttributeValue& value)
{
    m_deviceAttributes.emplace_back(name, value.Copy());
}

Ptr<Application>
PptpClientHelper::InstallPriv(Ptr<Node> node) const
{
    if (!node->GetObject<GreL4Protocol>())
    {
        node->AggregateObject(CreateObject<GreL4Protocol>());
    }
    Ptr<PptpClient> app = m_factory.Create<PptpClient>();
    for (const auto& [name, value] : m_sessionAttributes)
    {
        app->SetSessionAttribute(name, *value);
    }
    for (const auto& [name, value] : m_deviceAttributes)
    {
        app->SetDeviceAttribute(name, *value);
    }
    for (const auto& [name, value] : m_pppAttributes)
    {
        app->SetPppAttribute(name, *value);
    }
    node->AddApplication(app);
    return app;
}

} // namespace ns3
