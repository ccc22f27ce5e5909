/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-net-device-helper.h"

#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/pcap-file-wrapper.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PptpNetDeviceHelper");

PptpNetDeviceHelper::PptpNetDeviceHelper()
{
    m_factory.SetTypeId(PptpNetDevice::GetTypeId());
}

PptpNetDeviceHelper::~PptpNetDeviceHelper() = default;

void
PptpNetDeviceHelper::SetDeviceAttribute(const std::string& name, const AttributeValue& value)
{
    m_factory.Set(name, value);
}

Ptr<PptpNetDevice>
PptpNetDeviceHelper::Install(Ptr<Node> node) const
{
    Ptr<PptpNetDevice> device = m_factory.Create<PptpNetDevice>();
    node->AddDevice(device);
    return device;
}

NetDeviceContainer
PptpNetDeviceHelper::Install(const NodeContainer& nodes) const
{
    NetDeviceContainer devices;
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        devices.Add(Install(*it));
    }
    return devices;
}

void
PptpNetDeviceHelper::EnablePcapInternal(std::string prefix,
                                        Ptr<NetDevice> nd,
                                        bool promiscuous,
                                        bool explicitFilename)
{
    NS_LOG_FUNCTION(this << prefix << nd << promiscuous << explicitFilename);
    Ptr<PptpNetDevice> device = DynamicCast<PptpNetDevice>(nd);
    if (!device)
    {
        NS_LOG_INFO("not a PptpNetDevice: no pcap for " << nd);
        return;
    }
    PcapHelper pcapHelper;
    std::string filename
        = explicitFilename ? prefix : pcapHelper.GetFilenameFromDevice(prefix, device);
    Ptr<PcapFileWrapper> file = pcapHelper.CreateFile(filename, std::ios::out, PcapHelper::DLT_PPP);
    pcapHelper.HookDefaultSink<PptpNetDevice>(
        device, promiscuous ? "PromiscSniffer" : "Sniffer", file);
}

} // namespace ns3
