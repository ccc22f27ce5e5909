/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_TOPOLOGY_UTIL_H
#define PPTP_TOPOLOGY_UTIL_H

#include "pptp-access-channel.h"
#include "pptp-client-helper.h"
#include "pptp-server-helper.h"

#include "ns3/attribute.h"
#include "ns3/data-rate.h"
#include "ns3/error-model.h"
#include "ns3/ipv4-address.h"
#include "ns3/net-device-container.h"
#include "ns3/node.h"
#include "ns3/nstime.h"
#include "ns3/ptr.h"

#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief Attributes to set later, in the order they were given (name, value).
 */
typedef std::vector<std::pair<std::string, Ptr<AttributeValue>>> PptpAttributeList;

/**
 * \ingroup pptp
 * \brief The Attributes a topology passes on to its PPTP helpers, each list in order.
 */
struct PptpHelperAttributes
{
    PptpAttributeList client;    //!< PptpClientHelper::SetAttribute
    PptpAttributeList server;    //!< PptpServerHelper::SetAttribute
    PptpAttributeList clientPpp; //!< PptpClientHelper::SetPppAttribute
    PptpAttributeList serverPpp; //!< PptpServerHelper::SetPppAttribute

    /**
     * \brief Set every list on the helpers.
     * \param clientHelper the client helper
     * \param serverHelper the server helper
     */
    void Apply(PptpClientHelper& clientHelper, PptpServerHelper& serverHelper) const;
};

/**
 * \ingroup pptp
 * \brief The parameters of an access (WAN) link: rate, delay, loss and jitter.
 */
struct PptpLinkParameters
{
    DataRate rate;  //!< data rate of both devices
    Time delay;     //!< propagation delay
    double loss{0}; //!< packet loss probability of each direction
    Time jitter;    //!< largest extra delay of a frame (PptpAccessChannel's Jitter)
};

/**
 * \ingroup pptp
 * \brief A point-to-point link with loss and jitter, as PptpInstallAccessLink() makes it.
 */
struct PptpAccessLink
{
    NetDeviceContainer devices;              //!< the two devices, in the order of the nodes
    Ptr<PptpAccessChannel> channel;          //!< the channel (delay and jitter)
    std::array<Ptr<RateErrorModel>, 2> loss; //!< the loss towards device 0 and device 1

    /**
     * \brief Fix the random streams of the link (the two loss models and the jitter).
     * \param stream the first stream index
     * \return the number of streams used (3)
     */
    int64_t AssignStreams(int64_t stream);
};

/**
 * \ingroup pptp
 * \brief Link two nodes by a point-to-point link with a PptpAccessChannel (delay plus a jitter
 * that never reorders) and a per-packet RateErrorModel on the receiving device of each
 * direction (enabled only when the loss is above 0), as PointToPointHelper::Install does
 * otherwise (a DropTail queue and a NetDeviceQueueInterface on each device).
 * \param a the first node (devices[0])
 * \param b the second node (devices[1])
 * \param parameters rate, delay, loss and jitter
 * \return the devices, the channel and the loss models
 */
PptpAccessLink PptpInstallAccessLink(Ptr<Node> a,
                                     Ptr<Node> b,
                                     const PptpLinkParameters& parameters);

/**
 * \ingroup pptp
 * \brief Whether an address is the network address of a usable prefix of /8 ../30.
 * \param network the address
 * \param mask the mask
 * \return true when the mask is contiguous, of /8 ../30, and network is its network address
 */
bool PptpIsValidPrefix(Ipv4Address network, Ipv4Mask mask);

/**
 * \ingroup pptp
 * \brief Whether two prefixes overlap (one contains the other).
 * \param a the first network
 * \param am its mask
 * \param b the second network
 * \param bm its mask
 * \return true when they overlap
 */
bool PptpPrefixesOverlap(Ipv4Address a, Ipv4Mask am, Ipv4Address b, Ipv4Mask bm);

/**
 * \ingroup pptp
 * \brief The number of /30 links a prefix holds.
 * \param mask the prefix's mask (/8 ../30)
 * \return the number
 */
uint64_t PptpSubnetCount(Ipv4Mask mask);

/**
 * \ingroup pptp
 * \brief Check a data rate against 1 kb/s .. 100 Gb/s.
 * \param owner the class, at the start of the message (e.g. "PptpBranchOfficeTopology")
 * \param name the parameter
 * \param rate the value
 * \return "" or a message naming the parameter, its value and the valid range
 */
std::string PptpCheckRate(const std::string& owner, const std::string& name, DataRate rate);

/**
 * \ingroup pptp
 * \brief Check a time against 0 .. max.
 * \param owner the class, at the start of the message
 * \param name the parameter
 * \param t the value
 * \param max the largest valid value
 * \param range the range in words, e.g. "0..10s"
 * \return "" or a message naming the parameter, its value and the valid range
 */
std::string PptpCheckTime(
    const std::string& owner, const std::string& name, Time t, Time max, const std::string& range);

/**
 * \ingroup pptp
 * \brief Check a prefix with PptpIsValidPrefix().
 * \param owner the class, at the start of the message
 * \param name the parameter
 * \param network the network address
 * \param mask its mask
 * \return "" or a message naming the parameter, its value and what is valid
 */
std::string PptpCheckPrefix(const std::string& owner,
                            const std::string& name,
                            Ipv4Address network,
                            Ipv4Mask mask);

/**
 * \ingroup pptp
 * \brief A named prefix, for PptpCheckDisjoint().
 */
struct PptpNamedPrefix
{
    std::string name;    //!< the parameter, e.g. "LanNetwork"
    Ipv4Address network; //!< the network address
    Ipv4Mask mask;       //!< its mask
};

/**
 * \ingroup pptp
 * \brief Check that no two prefixes overlap.
 * \param owner the class, at the start of the message
 * \param prefixes the prefixes
 * \return "" or a message naming the first two that overlap
 */
std::string PptpCheckDisjoint(const std::string& owner,
                              const std::vector<PptpNamedPrefix>& prefixes);

} // namespace ns3

#endif /* PPTP_TOPOLOGY_UTIL_H */
