/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-topology-util.h"

#include "ns3/double.h"
#include "ns3/drop-tail-queue.h"
#include "ns3/enum.h"
#include "ns3/log.h"
#include "ns3/mac48-address.h"
#include "ns3/net-device-queue-interface.h"
#include "ns3/point-to-point-net-device.h"

#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PptpTopologyUtil");

void
PptpHelperAttributes::Apply(PptpClientHelper& clientHelper, PptpServerHelper& serverHelper) const
{
    for (const auto& [name, value] : client)
    {
        clientHelper.SetAttribute(name, *value);
    }
    for (const auto& [name, value] : server)
    {
        serverHelper.SetAttribute(name, *value);
    }
    for (const auto& [name, value] : clientPpp)
    {
        clientHelper.SetPppAttribute(name, *value);
    }
    for (const auto& [name, value] : serverPpp)
    {
        serverHelper.SetPppAttribute(name, *value);
    }
}

int64_t
PptpAccessLink::AssignStreams(int64_t stream)
{
    int64_t current = stream;
    current += loss[0]->AssignStreams(current);
    current += loss[1]->AssignStreams(current);
    current += channel->AssignStreams(current);
    return current - stream;
}

PptpAccessLink
PptpInstallAccessLink(Ptr<Node> a, Ptr<Node> b, const PptpLinkParameters& parameters)
{
    NS_LOG_FUNCTION(a << b);
    PptpAccessLink link;
    Ptr<PptpAccessChannel> channel = CreateObject<PptpAccessChannel>();
    channel->SetAttribute("Delay", TimeValue(parameters.delay));
    channel->SetAttribute("Jitter", TimeValue(parameters.jitter));
    link.channel = channel;
    std::size_t side = 0;
    for (Ptr<Node> node : {a, b})
    {
        Ptr<PointToPointNetDevice> device = CreateObject<PointToPointNetDevice>();
        device->SetAddress(Mac48Address::Allocate());
        device->SetDataRate(parameters.rate);
        node->AddDevice(device);
        Ptr<Queue<Packet>> queue = CreateObject<DropTailQueue<Packet>>();
        device->SetQueue(queue);
        Ptr<NetDeviceQueueInterface> queueInterface = CreateObject<NetDeviceQueueInterface>();
        queueInterface->GetTxQueue(0)->ConnectQueueTraces(queue);
        device->AggregateObject(queueInterface);
        // The loss of the direction towards this device.
        Ptr<RateErrorModel> loss = CreateObject<RateErrorModel>();
        loss->SetAttribute("ErrorUnit", EnumValue(RateErrorModel::ERROR_UNIT_PACKET));
        loss->SetAttribute("ErrorRate", DoubleValue(parameters.loss));
        loss->Enable();
        if (parameters.loss > 0)
        {
            device->SetReceiveErrorModel(loss);
        }
        link.loss[side++] = loss;
        device->Attach(channel);
        link.devices.Add(device);
    }
    return link;
}

bool
PptpIsValidPrefix(Ipv4Address network, Ipv4Mask mask)
{
    uint16_t length = mask.GetPrefixLength();
    return length >= 8 && length <= 30 && mask.Get() == (0xffffffffU << (32 - length))
           && network.CombineMask(mask) == network;
}

bool
PptpPrefixesOverlap(Ipv4Address a, Ipv4Mask am, Ipv4Address b, Ipv4Mask bm)
{
    Ipv4Mask shorter = am.GetPrefixLength() < bm.GetPrefixLength() ? am : bm;
    return a.CombineMask(shorter) == b.CombineMask(shorter);
}

uint64_t
PptpSubnetCount(Ipv4Mask mask)
{
    return uint64_t{1} << (30 - mask.GetPrefixLength());
}

std::string
PptpCheckRate(const std::string& owner, const std::string& name, DataRate rate)
{
    if (rate.GetBitRate() < 1000 || rate.GetBitRate() > 100000000000ULL)
    {
        std::ostringstream os;
        os << owner << ": " << name << " " << rate.GetBitRate()
           << " bit/s is out of range (valid 1 kb/s .. 100 Gb/s)";
        return os.str();
    }
    return "";
}

std::string
PptpCheckTime(
    const std::string& owner, const std::string& name, Time t, Time max, const std::string& range)
{
    if (t.IsStrictlyNegative() || t > max)
    {
        std::ostringstream os;
        os << owner << ": " << name << " " << t.As(Time::S) << " is out of range (valid " << range
           << ")";
        return os.str();
    }
    return "";
}

std::string
PptpCheckPrefix(const std::string& owner,
                const std::string& name,
                Ipv4Address network,
                Ipv4Mask mask)
{
    if (!PptpIsValidPrefix(network, mask))
    {
        std::ostringstream os;
        os << owner << ": " << name << " " << network << "/" << mask.GetPrefixLength() << " (mask "
           << mask
           << ") is not valid (valid: a contiguous mask of /8 ../30 and the address its "
              "network address)";
        return os.str();
    }
    return "";
}

std::string
PptpCheckDisjoint(const std::string& owner, const std::vector<PptpNamedPrefix>& prefixes)
{
    for (std::size_t a = 0; a < prefixes.size(); ++a)
    {
        for (std::size_t b = a + 1; b < prefixes.size(); ++b)
        {
            if (PptpPrefixesOverlap(
                    prefixes[a].network, prefixes[a].mask, prefixes[b].network, prefixes[b].mask))
            {
                return owner + ": " + prefixes[a].name + " overlaps " + prefixes[b].name
                       + " (valid: disjoint prefixes)";
            }
        }
    }
    return "";
}

} // namespace ns3
