/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_TUNNEL_ROUTES_H
#define PPTP_TUNNEL_ROUTES_H

#include "pptp-net-device.h"

#include "ns3/ipv4-address.h"
#include "ns3/node.h"
#include "ns3/ptr.h"

#include <cstdint>

namespace ns3
{

class Ipv4StaticRouting;

/**
 * \ingroup pptp
 * \brief Add a tunnel device (already added to its node) to the node's IPv4 as an
 * interface with one address, and bring the interface up.
 *
 * A /32 address (the default) adds no network route; the peer is then reached
 * through PptpAddTunnelHostRoute(), as pppd does with its point-to-point peer.
 * \param device the device
 * \param address the tunnel address of this end (later given by IPCP)
 * \param mask its mask
 * \return the IPv4 interface index
 */
uint32_t PptpAddTunnelInterface(Ptr<PptpNetDevice> device,
                                Ipv4Address address,
                                Ipv4Mask mask = Ipv4Mask::GetOnes());

/**
 * \ingroup pptp
 * \brief The node's Ipv4StaticRouting, alone or inside an Ipv4ListRouting.
 * \param node the node (with an IPv4 stack)
 * \return the static routing (the program aborts when there is none: a set-up error)
 */
Ptr<Ipv4StaticRouting> PptpGetStaticRouting(Ptr<Node> node);

/**
 * \ingroup pptp
 * \brief A host route through the tunnel interface: the client's route to the
 * server's tunnel address, or the server's route to a client's tunnel address.
 * \param node the node
 * \param tunnelInterface the IPv4 interface of the tunnel device
 * \param destination the host
 */
void PptpAddTunnelHostRoute(Ptr<Node> node, uint32_t tunnelInterface, Ipv4Address destination);

/**
 * \ingroup pptp
 * \brief Route one prefix through the tunnel (split tunnelling: e.g. the corporate LAN).
 * \param node the node
 * \param tunnelInterface the IPv4 interface of the tunnel device
 * \param network the prefix
 * \param mask its mask
 */
void PptpAddTunnelNetworkRoute(Ptr<Node> node,
                               uint32_t tunnelInterface,
                               Ipv4Address network,
                               Ipv4Mask mask);

/**
 * \ingroup pptp
 * \brief Pin the route a host is reached by now as a static host route, so that
 * routes added later through the tunnel do not capture it.
 *
 * Used for the server's public address: GRE and the control connection must
 * keep leaving by the physical interface.
 * \param node the node
 * \param destination the host
 * \return false when the node has no route to the host now (nothing added)
 */
bool PptpPinHostRoute(Ptr<Node> node, Ipv4Address destination);

/**
 * \ingroup pptp
 * \brief Route everything through the tunnel, except the server's public address.
 *
 * Pins the server's public address to its present route (PptpPinHostRoute),
 * then adds 0.0.0.0/1 and 128.0.0.0/1 through the tunnel: together they are a
 * default route that wins over any existing /0 without removing it, and both go
 * away when the tunnel interface goes down.
 * \param node the client node
 * \param tunnelInterface the IPv4 interface of the tunnel device
 * \param serverPublicAddress the address the tunnel's GRE and TCP go to
 * \return false when the server was not reachable (no routes added)
 */
bool PptpRouteAllThroughTunnel(Ptr<Node> node,
                               uint32_t tunnelInterface,
                               Ipv4Address serverPublicAddress);

} // namespace ns3

#endif /* PPTP_TUNNEL_ROUTES_H */
