/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "topology-test-util.h"

#include "ns3/callback.h"
#include "ns3/ipv4-header.h"
#include "ns3/ipv4-l3-protocol.h"
#include "ns3/ipv4-routing-protocol.h"
#include "ns3/ipv4.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"

namespace ns3
{
namespace pptptest
{

Ptr<Ipv4Route>
RouteTo(Ptr<Node> node, Ipv4Address to)
{
    Ipv4Header header;
    header.SetDestination(to);
    Socket::SocketErrno error = Socket::ERROR_NOTERROR;
    return node->GetObject<Ipv4>()->GetRoutingProtocol()->RouteOutput(
        nullptr, header, nullptr, error);
}

int32_t
OutputInterface(Ptr<Node> node, Ipv4Address to)
{
    Ptr<Ipv4Route> route = RouteTo(node, to);
    return route ? node->GetObject<Ipv4>()->GetInterfaceForDevice(route->GetOutputDevice()) : -1;
}

void
CountNoRouteDrops(Ptr<Node> node, uint32_t* count)
{
    node->GetObject<Ipv4L3Protocol>()->TraceConnectWithoutContext(
        "Drop",
        Callback<void,
                 const Ipv4Header&,
                 Ptr<const Packet>,
                 Ipv4L3Protocol::DropReason,
                 Ptr<Ipv4>,
                 uint32_t>(
            [count](const Ipv4Header&,
                    Ptr<const Packet>,
                    Ipv4L3Protocol::DropReason reason,
                    Ptr<Ipv4>,
                    uint32_t)
            {
                if (reason == Ipv4L3Protocol::DROP_NO_ROUTE)
                {
                    ++*count;
                }
            }));
}

void
CloseSocketsAndDestroy(std::vector<Ptr<Socket>>& sockets)
{
    for (Ptr<Socket> socket : sockets)
    {
        socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
        socket->Close();
    }
    sockets.clear();
    Simulator::Destroy();
}

} // namespace pptptest
} // namespace ns3
