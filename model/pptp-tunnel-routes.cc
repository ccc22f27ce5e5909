/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-tunnel-routes.h"

#include "ns3/abort.h"
#include "ns3/ipv4-header.h"
#include "ns3/ipv4-interface-address.h"
#include "ns3/ipv4-list-routing.h"
#include "ns3/ipv4-route.h"
#include "ns3/ipv4-routing-protocol.h"
#include "ns3/ipv4-static-routing.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/socket.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PptpTunnelRoutes");

namespace
{
/**
 * \brief The node's IPv4, which must exist.
 * \param node the node
 * \return its Ipv4
 */
Ptr<Ipv4>
GetIpv4(Ptr<Node> node)
{
    Ptr<Ipv4> ipv4 = node->GetObject<Ipv4>();
    NS_ABORT_MSG_IF(!ipv4, "node " << node->GetId() << " has no IPv4 stack");
    return ipv4;
}
} // namespace

uint32_t
PptpAddTunnelInterface(Ptr<PptpNetDevice> device, Ipv4Address address, Ipv4Mask mask)
{
    NS_LOG_FUNCTION(device << address << mask);
    Ptr<Node> node = device->GetNode();
    NS_ABORT_MSG_IF(!node, "add the tunnel device to a node first");
    Ptr<Ipv4> ipv4 = GetIpv4(node);
    int32_t existing = ipv4->GetInterfaceForDevice(device);
    uint32_t interface = existing >= 0 ? static_cast<uint32_t>(existing)
                                       : ipv4->AddInterface(device);
    ipv4->AddAddress(interface, Ipv4InterfaceAddress(address, mask));
    ipv4->SetUp(interface);
    return interface;
}

Ptr<Ipv4StaticRouting>
PptpGetStaticRouting(Ptr<Node> node)
{
    Ptr<Ipv4RoutingProtocol> routing = GetIpv4(node)->GetRoutingProtocol();
    Ptr<Ipv4StaticRouting> found = DynamicCast<Ipv4StaticRouting>(routing);
    Ptr<Ipv4ListRouting> list = DynamicCast<Ipv4ListRouting>(routing);
    for (uint32_t i = 0; !found && list && i < list->GetNRoutingProtocols(); ++i)
    {
        int16_t priority;
        found = DynamicCast<Ipv4StaticRouting>(list->GetRoutingProtocol(i, priority));
    }
    NS_ABORT_MSG_IF(!found, "node " << node->GetId() << " has no Ipv4StaticRouting");
    return found;
}

void
PptpAddTunnelHostRoute(Ptr<Node> node, uint32_t tunnelInterface, Ipv4Address destination)
{
    NS_LOG_FUNCTION(node << tunnelInterface << destination);
    PptpGetStaticRouting(node)->AddHostRouteTo(destination, tunnelInterface);
}

void
PptpAddTunnelNetworkRoute(Ptr<Node> node,
                          uint32_t tunnelInterface,
                          Ipv4Address network,
                          Ipv4Mask mask)
{
    NS_LOG_FUNCTION(node << tunnelInterface << network << mask);
    PptpGetStaticRouting(node)->AddNetworkRouteTo(network, mask, tunnelInterface);
}

bool
PptpPinHostRoute(Ptr<Node> node, Ipv4Address destination)
{
    NS_LOG_FUNCTION(node << destination);
    Ptr<Ipv4> ipv4 = GetIpv4(node);
    Ipv4Header header;
    header.SetDestination(destination);
    Socket::SocketErrno error = Socket::ERROR_NOTERROR;
    Ptr<Ipv4Route> route = ipv4->GetRoutingProtocol()->RouteOutput(nullptr, header, nullptr, error);
    if (!route || error != Socket::ERROR_NOTERROR)
    {
        NS_LOG_WARN("no route to " << destination << " to pin");
        return false;
    }
    int32_t interface = ipv4->GetInterfaceForDevice(route->GetOutputDevice());
    if (interface < 0)
    {
        return false;
    }
    Ptr<Ipv4StaticRouting> routing = PptpGetStaticRouting(node);
    if (route->GetGateway() == Ipv4Address::GetAny())
    {
        routing->AddHostRouteTo(destination, static_cast<uint32_t>(interface));
    }
    else
    {
        routing->AddHostRouteTo(destination, route->GetGateway(), static_cast<uint32_t>(interface));
    }
    return true;
}

bool
PptpRouteAllThroughTunnel(Ptr<Node> node, uint32_t tunnelInterface, Ipv4Address serverPublicAddress)
{
    NS_LOG_FUNCTION(node << tunnelInterface << serverPublicAddress);
    if (!PptpPinHostRoute(node, serverPublicAddress))
    {
        return false;
    }
    Ptr<Ipv4StaticRouting> routing = PptpGetStaticRouting(node);
    routing->AddNetworkRouteTo(Ipv4Address("0.0.0.0"), Ipv4Mask("128.0.0.0"), tunnelInterface);
    routing->AddNetworkRouteTo(Ipv4Address("128.0.0.0"), Ipv4Mask("128.0.0.0"), tunnelInterface);
    return true;
}

} // namespace ns3
