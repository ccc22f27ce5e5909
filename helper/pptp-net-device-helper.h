/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_NET_DEVICE_HELPER_H
#define PPTP_NET_DEVICE_HELPER_H

#include "pptp-net-device.h"

#include "ns3/attribute.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"
#include "ns3/trace-helper.h"

#include <string>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief Creates PptpNetDevice (ppp0) interfaces and writes pcap of their inner traffic.
 *
 * The pcap files are DLT_PPP (9): each record is a PPP frame exactly as the
 * device handed it to the tunnel or took it from the tunnel, with or without
 * Address/Control as ACFC says. EnablePcap() (from PcapHelperForDevice) names
 * the file prefix-node-device.pcap unless an explicit name is asked for.
 */
class PptpNetDeviceHelper : public PcapHelperForDevice
{
  public:
    /**
     * \brief A helper creating devices with their default Attributes.
     */
    PptpNetDeviceHelper();
    ~PptpNetDeviceHelper() override;

    /**
     * \brief Set an Attribute of the devices this helper creates.
     * \param name the Attribute name (e.g. "Mtu")
     * \param value its value
     */
    void SetDeviceAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \brief Create a device and add it to a node (not to its IPv4: see PptpAddTunnelInterface).
     * \param node the node
     * \return the device
     */
    Ptr<PptpNetDevice> Install(Ptr<Node> node) const;
    /**
     * \brief Create one device on each node.
     * \param nodes the nodes
     * \return the devices, in the order of the nodes
     */
    NetDeviceContainer Install(const NodeContainer& nodes) const;

  private:
    /**
     * \brief Hook a DLT_PPP pcap file to a PptpNetDevice's sniffer.
     * \param prefix the file name prefix
     * \param nd the device (ignored, with a log message, unless a PptpNetDevice)
     * \param promiscuous use PromiscSniffer (the same frames)
     * \param explicitFilename take prefix as the whole file name
     */
    void EnablePcapInternal(std::string prefix,
                            Ptr<NetDevice> nd,
                            bool promiscuous,
                            bool explicitFilename) override;

    ObjectFactory m_factory; //!< creates the devices
};

} // namespace ns3

#endif /* PPTP_NET_DEVICE_HELPER_H */
