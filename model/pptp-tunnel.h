/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_TUNNEL_H
#define PPTP_TUNNEL_H

#include "gre-l4-protocol.h"
#include "gre-session.h"
#include "ppp-link.h"
#include "pptp-call.h"
#include "pptp-net-device.h"

#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/ipv4-address.h"
#include "ns3/node.h"
#include "ns3/object-factory.h"
#include "ns3/object.h"
#include "ns3/ptr.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief The data channel of one established PPTP call on one node: its GRE session
 * (\RFC{2637} s.4), its ppp0 interface (PptpNetDevice) and the routes through it.
 *
 * PptpClient and PptpServer make one when a call reaches ESTABLISHED and close it when the
 * call is cleared. Open() creates the GreSession in the node's GreL4Protocol (outer
 * addresses, both Call IDs, this node's advertised window, the peer's window and packet
 * processing delay from the call), creates the device and adds it to the node, links device
 * and session with callbacks, attaches the call's PppLink to the device and starts it: LCP,
 * authentication, CCP and IPCP run over the device while its link is down for IPv4. When
 * the PPP network layer comes up, the device is added to the node's IPv4 as an interface
 * with the address IPCP agreed (a /32), a host route to the peer's address is added, the
 * device's link goes up and the up callback lets the owner add its routes. When the PPP
 * link dies, the link-down callback tells the owner (which clears the call). The Add*Route
 * functions add static routes and remember them. Close() undoes everything the node can
 * undo: the PPP link is aborted, the session is removed from the protocol (later packets for
 * it are UNKNOWN_CALL_ID), the callbacks are nulled, the link goes down, the routes are
 * removed, the address is removed and the IPv4 interface is set down. ns-3 cannot remove a
 * device or an interface from a node, so the device stays in the node's list, down.
 *
 * The tunnel interface has no Channel: ns-3's global routing must not be (re)computed while
 * a tunnel interface is up (Ipv4GlobalRoutingHelper::PopulateRoutingTables() before the
 * calls come up, RespondToInterfaceEvents off, the default). Routes through the tunnel are
 * static; the GRE packets and the control connection keep their routes over the physical
 * network.
 */
class PptpTunnel : public Object
{
  public:
    /**
     * \brief TracedCallback signature of a tunnel opened, up or closed.
     * \param callId this node's Call ID of the call
     * \param tunnel the tunnel (its session, ppp0 device, PPP link and addresses)
     */
    typedef void (*TunnelTracedCallback)(uint16_t callId, Ptr<PptpTunnel> tunnel);

    /** \brief Told that the PPP network layer came up and the interface is configured. */
    typedef Callback<void, Ptr<PptpTunnel>> UpCallback;
    /** \brief Told that the PPP link died, with the reason (the owner clears the call). */
    typedef Callback<void, Ptr<PptpTunnel>, std::string> LinkDownCallback;

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /**
     * \brief A tunnel that is not open.
     */
    PptpTunnel();
    ~PptpTunnel() override;

    /**
     * \brief The node's GRE protocol; the program stops with a message naming the fix when
     * there is none (a set-up error).
     * \param node the node
     * \param who the application asking, for the message (e.g. "PptpClient")
     * \return the protocol
     */
    static Ptr<GreL4Protocol> GetGreProtocol(Ptr<Node> node, const std::string& who);

    /**
     * \brief The address a node's packets to a peer leave from (the routing's choice).
     * \param node the node
     * \param peer the peer's address
     * \return the source address; Ipv4Address::GetAny() when there is no route
     */
    static Ipv4Address GetSourceAddressTo(Ptr<Node> node, Ipv4Address peer);

    /**
     * \brief Bring the data channel of an established call up.
     * \param node the node (with an IPv4 stack and a GreL4Protocol)
     * \param sessionFactory makes the GreSession (its Attributes are the session's)
     * \param deviceFactory makes the PptpNetDevice (its Attributes are the device's)
     * \param outerLocal this node's address on the physical network (GRE source)
     * \param outerPeer the peer's address on the physical network (GRE destination)
     * \param call the established call (Call IDs, windows, processing delay)
     * \param ppp the call's PPP layer, configured (role, addresses, credentials) and not
     * started; Open() attaches it and starts it in an event of its own (ScheduleNow), so
     * the caller can connect to its traces first
     * \param up told when the PPP network layer is up and the interface configured
     * \param down told when the PPP link died
     * \return false when the GRE layer already has a session for this peer and Call ID
     * (nothing is created)
     */
    bool Open(Ptr<Node> node,
              const ObjectFactory& sessionFactory,
              const ObjectFactory& deviceFactory,
              Ipv4Address outerLocal,
              Ipv4Address outerPeer,
              Ptr<const PptpCall> call,
              Ptr<PppLink> ppp,
              UpCallback up,
              LinkDownCallback down);

    /**
     * \brief Route one host through the tunnel (the peer's tunnel address).
     * \param host the host
     */
    void AddHostRoute(Ipv4Address host);
    /**
     * \brief Route one prefix through the tunnel (split tunnelling).
     * \param network the prefix
     * \param mask its mask
     */
    void AddNetworkRoute(Ipv4Address network, Ipv4Mask mask);
    /**
     * \brief Route everything through the tunnel but the server's public address, which
     * keeps its present route (PptpRouteAllThroughTunnel).
     * \param serverPublicAddress the server's address on the physical network
     * \return false when the server had no route (nothing added)
     */
    bool AddDefaultRoute(Ipv4Address serverPublicAddress);

    /**
     * \brief Take the data channel down (see the class description); nothing when not open.
     */
    void Close();

    /** \brief \return whether Open() succeeded and Close() was not called */
    bool IsOpen() const;
    /** \brief \return whether the PPP network layer is up and the interface configured */
    bool IsUp() const;
    /** \brief \return the call's PPP layer (kept after Close() for its counters) */
    Ptr<PppLink> GetPppLink() const;
    /** \brief \return the peer's tunnel address (from IPCP; 0.0.0.0 before) */
    Ipv4Address GetPeerTunnelAddress() const;
    /** \brief \return the GRE session (kept after Close() for its counters) */
    Ptr<GreSession> GetSession() const;
    /** \brief \return the ppp0 device (kept after Close() for its counters) */
    Ptr<PptpNetDevice> GetDevice() const;
    /** \brief \return the IPv4 interface index of the device */
    uint32_t GetInterface() const;
    /** \brief \return this node's Call ID of the call */
    uint16_t GetLocalCallId() const;
    /** \brief \return this end's tunnel address (from IPCP; 0.0.0.0 before) */
    Ipv4Address GetTunnelAddress() const;
    /** \brief \return how many routes the tunnel added and still holds */
    uint32_t GetNRoutes() const;

  protected:
    void DoDispose() override;

  private:
    /** \brief One static route the tunnel added. */
    struct Route
    {
        Ipv4Address destination; //!< host or network
        Ipv4Mask mask;           //!< mask (all ones for a host)
        Ipv4Address gateway;     //!< gateway (any for a direct route)
        uint32_t interface;      //!< output interface
    };

    /** \brief \return the node's static route count */
    uint32_t StaticRouteCount() const;
    /** \brief Remove the remembered routes from the static routing. */
    void RemoveRoutes();
    /** \brief The session's window may have opened: tell the device (HoldWhenRefused). */
    void NotifyDeviceReady();
    /**
     * \brief The session's Outstanding trace (used with HoldWhenRefused).
     * \param oldValue the old count
     * \param newValue the new count
     */
    void OutstandingChanged(uint32_t oldValue, uint32_t newValue);
    /** \brief Drop the links between session and device. */
    void Unlink();
    /**
     * \brief The PPP network layer came up: configure the interface.
     * \param local this end's address
     * \param peer the peer's address
     */
    void PppNetworkUp(Ipv4Address local, Ipv4Address peer);
    /**
     * \brief Add the interface with its address, bring the link up, route the peer and tell
     * the owner (an event of its own, after PppNetworkUp()).
     * \param local this end's address
     * \param peer the peer's address
     */
    void ConfigureInterface(Ipv4Address local, Ipv4Address peer);
    /**
     * \brief The PPP link died.
     * \param reason why
     */
    void PppLinkDown(std::string reason);

    Ptr<Node> m_node;                //!< the node
    Ptr<GreL4Protocol> m_gre;        //!< the node's GRE protocol
    Ptr<GreSession> m_session;       //!< the call's GRE session
    Ptr<PptpNetDevice> m_device;     //!< the call's ppp0
    Ptr<PppLink> m_ppp;              //!< the call's PPP layer
    UpCallback m_upCallback;         //!< told when the network layer is up
    LinkDownCallback m_downCallback; //!< told when the PPP link died
    Ipv4Address m_peerAddress;       //!< the peer's tunnel address
    bool m_up;                       //!< the interface is configured
    Ipv4Address m_outerPeer;         //!< the peer's physical address (session key)
    Ipv4Address m_innerAddress;      //!< this end's tunnel address
    uint16_t m_localCallId;          //!< this node's Call ID (session key)
    uint32_t m_interface;            //!< IPv4 interface index of the device (when m_up)
    bool m_open;                     //!< Open() succeeded, Close() not yet called
    bool m_holdHooked;               //!< the Outstanding trace is connected
    EventId m_readyEvent;            //!< a pending NotifyDeviceReady()
    EventId m_upEvent;               //!< a pending ConfigureInterface()
    EventId m_startEvent;            //!< the pending PppLink::Start()
    std::vector<Route> m_routes;     //!< static routes added through (or for) the tunnel
};

} // namespace ns3

#endif /* PPTP_TUNNEL_H */
