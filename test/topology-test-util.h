/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef TOPOLOGY_TEST_UTIL_H
#define TOPOLOGY_TEST_UTIL_H

#include "ns3/ipv4-address.h"
#include "ns3/ipv4-route.h"
#include "ns3/node.h"
#include "ns3/ptr.h"
#include "ns3/socket.h"

#include <cstdint>
#include <vector>

namespace ns3
{
namespace pptptest
{

/**
 * \ingroup pptp
 * \brief The route a node's own routing gives to an address (what a socket of the node
 * would be sent along).
 * \param node the node (with an Ipv4)
 * \param to the address
 * \return the route, or nullptr when there is none
 */
Ptr<Ipv4Route> RouteTo(Ptr<Node> node, Ipv4Address to);

/**
 * \ingroup pptp
 * \brief The interface a node routes an address out of.
 * \param node the node (with an Ipv4)
 * \param to the address
 * \return the interface index, or -1 when there is no route
 */
int32_t OutputInterface(Ptr<Node> node, Ipv4Address to);

/**
 * \ingroup pptp
 * \brief Count the packets a node's IPv4 drops for want of a route
 * (Ipv4L3Protocol::DROP_NO_ROUTE on its "Drop" trace).
 * \param node the node (with an Ipv4L3Protocol)
 * \param count incremented per drop; must outlive the simulation
 */
void CountNoRouteDrops(Ptr<Node> node, uint32_t* count);

/**
 * \ingroup pptp
 * \brief End a simulation test: close every socket (its receive callback nulled first, so no
 * test state is reached any more), forget them, and destroy the simulator.
 * \param sockets the sockets the test made; empty afterwards
 */
void CloseSocketsAndDestroy(std::vector<Ptr<Socket>>& sockets);

} // namespace pptptest
} // namespace ns3

#endif /* TOPOLOGY_TEST_UTIL_H */
