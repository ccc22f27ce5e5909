/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-server-helper.h"

#include "gre-l4-protocol.h"
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

void
PptpServerHelper::AddPeerTunnelAddress(Ipv4Address outerPeer, Ipv4Address innerPeer)
{
    m_peers.emplace_back(outerPeer, innerPeer);
}

void
PptpServerHelper::AddUser(const std::string& user, const std::string& password)
{
    m_users.emplace_back(user, password);
}

void
PptpServerHelper::AddUserRoute(const std::string& user, Ipv4Address network, Ipv4Mask mask)
{
    std::string problem = PptpServer::CheckUserRoute(user, network, mask);
    NS_ABORT_MSG_UNLESS(problem.empty(), problem);
    m_userRoutes.emplace_back(user, std::make_pair(network, mask));
}

void
PptpServerHelper::AddUserTunnelAddress(const std::string& user, Ipv4Address innerPeer)
{
    m_userAddresses.emplace_back(user, innerPeer);
}

void
PptpServerHelper::SetPppAttribute(const std::string& name, const AttributeValue& value)
{
    m_pppAttributes.emplace_back(name, value.Copy());
}

void
PptpServerHelper::SetSessionAttribute(const std::string& name, const AttributeValue& value)
{
    m_sessionAttributes.emplace_back(name, value.Copy());
}

void
PptpServerHelper::SetDeviceAttribute(const std::string& name, const AttributeValue& value)
{
    m_deviceAttributes.emplace_back(name, value.Copy());
}

Ptr<Application>
PptpServerHelper::InstallPriv(Ptr<Node> node) const
{
    if (!node->GetObject<GreL4Protocol>())
    {
        node->AggregateObject(CreateObject<GreL4Protocol>());
    }
    Ptr<PptpServer> app = m_factory.Create<PptpServer>();
    for (const auto& [name, value] : m_sessionAttributes)
    {
        app->SetSessionAttribute(name, *value);
    }
    for (const auto& [name, value] : m_deviceAttributes)
    {
        app->SetDeviceAttribute(name, *value);
    }
    for (const auto& [outer, inner] : m_peers)
    {
        app->AddPeerTunnelAddress(outer, inner);
    }
    for (const auto& [name, value] : m_pppAttributes)
    {
        app->SetPppAttribute(name, *value);
    }
    for (const auto& [user, password] : m_users)
    {
        app->AddUser(user, password);
    }
    for (const auto& [user, prefix] : m_userRoutes)
    {
        app->AddUserRoute(user, prefix.first, prefix.second);
    }
    for (const auto& [user, inner] : m_userAddresses)
    {
        app->AddUserTunnelAddress(user, inner);
    }
    node->AddApplication(app);
    return app;
}

} // namespace ns3
