/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_CLIENT_H
#define PPTP_CLIENT_H

#include "ppp-link-config.h"
#include "pptp-call.h"
#include "pptp-control-connection.h"
#include "pptp-control-message.h"
#include "pptp-control-trace-forwarder.h"
#include "pptp-tunnel.h"
#include "pptp-wire-error.h"

#include "ns3/address.h"
#include "ns3/application.h"
#include "ns3/event-id.h"
#include "ns3/ipv4-address.h"
#include "ns3/nstime.h"
#include "ns3/object-factory.h"
#include "ns3/ptr.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <string>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief The PNS side of PPTP remote access (the "client" of Microsoft's profile, MS-PTPT):
 * connects to a server, places one outgoing call and holds it.
 *
 * At start it opens the control connection to RemoteAddress:RemotePort (SCCRQ); once the
 * connection is established it sends an Outgoing-Call-Request built from its Attributes.
 * After CallDuration (0: until stopped, or until ClearCall()) it clears the call
 * (Call-Clear-Request), waits for the Call-Disconnect-Notify and, when StopAfterClear is true,
 * stops the control connection (Stop-Control-Connection-Request, then TCP close). A call the
 * server refuses or clears also ends the control connection when StopAfterClear is true.
 * StopApplication() stops the control connection (reason Local-Shutdown) if it is still open.
 *
 * The connection's trace sources are forwarded to the client's own, with the same
 * signatures.
 *
 * Data channel (\RFC{2637} s.4): when the call reaches ESTABLISHED (and DataChannel is true,
 * the default), the client opens a PptpTunnel: a GreSession in the node's GreL4Protocol (from
 * the client's physical address to the server's, with both Call IDs, ReceiveWindow as
 * advertised and the server's window and processing delay from its Outgoing-Call-Reply), a
 * ppp0 PptpNetDevice, and a PppLink in the client role that brings PPP up over them: LCP,
 * authentication with UserName / Password, CCP with MPPE, IPCP (asking for TunnelAddress, or
 * for an address assigned by the server when it is 0.0.0.0). When IPCP is open, ppp0 gets the
 * address as a /32 with a host route to the server's tunnel address; the client adds
 * TunnelNetwork/TunnelMask (when set) and, with DefaultRoute, everything but the server's
 * public address, which keeps its route over the physical network. When PPP ends (failed
 * authentication, MPPE refused, the peer dead, terminated), the client clears the call
 * (Call-Clear-Request), as pptp-linux and Windows do. The tunnel is closed (PPP aborted,
 * session removed, interface down, routes removed) when the call is cleared. The node needs a
 * GreL4Protocol (PptpClientHelper::Install aggregates one; without it the program stops with
 * a message). The session's, the device's and the PPP layer's Attributes are set with
 * SetSessionAttribute(), SetDeviceAttribute() and SetPppAttribute() (or Config::SetDefault on
 * ns3::GreSession, ns3::PptpNetDevice, ns3::PppLink, ns3::PppLcp ...). TunnelOpened reports
 * the tunnel when PPP starts (connect to its PppLink's traces there), TunnelUp when the
 * network layer is up, TunnelDown when it is closed.
 */
class PptpClient
    : public Application
    , public PptpControlTraceForwarder
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PptpClient();
    ~PptpClient() override;

    /**
     * \brief Clear the call now (Call-Clear-Request); the control connection is stopped after
     * the Call-Disconnect-Notify when StopAfterClear is true.
     * \return false when there is no call to clear
     */
    bool ClearCall();
    /**
     * \brief Stop the control connection now (the call is cleared first).
     * \param reason the Stop reason
     */
    void StopControlConnection(PptpStopReason reason = PptpStopReason::NONE);

    /**
     * \brief Set an Attribute of the GRE session of the call (e.g. "Profile", "AckDelay",
     * "TxQueueSize", "ReorderBuffer", "InitialSequenceNumber"); used for the calls that
     * come up from now on.
     * \param name the GreSession Attribute name
     * \param value its value
     */
    void SetSessionAttribute(const std::string& name, const AttributeValue& value);
    /**
     * \brief Set an Attribute of the ppp0 device of the call (e.g. "Mtu", "TxQueue",
     * "HoldWhenRefused"); used for the calls that come up from now on.
     * \param name the PptpNetDevice Attribute name
     * \param value its value
     */
    void SetDeviceAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \brief Set an Attribute of the PPP layer of the call (ns3::PppLink or one of its
     * sub-layers: e.g. "UserName", "Password", "AcceptPap", "Encryption", "Allow128Bit",
     * "AllowStateless", "EchoInterval", "Mru"); used for the calls that come up from now on.
     * A name no PPP class has stops the program with a message.
     * \param name the Attribute name
     * \param value its value
     */
    void SetPppAttribute(const std::string& name, const AttributeValue& value);
    /** \brief \return the data channel of the call (nullptr before it came up; kept, closed,
     * after the call ended) */
    Ptr<PptpTunnel> GetTunnel() const;
    /** \brief \return the call's GRE session (nullptr before the data channel came up) */
    Ptr<GreSession> GetGreSession() const;
    /** \brief \return the call's ppp0 device (nullptr before the data channel came up) */
    Ptr<PptpNetDevice> GetTunnelDevice() const;

    /** \brief \return the control connection (nullptr before the start) */
    Ptr<PptpControlConnection> GetControlConnection() const;
    /** \brief \return the call (nullptr before it is placed; kept after it ends) */
    Ptr<PptpCall> GetCall() const;

  protected:
    void DoDispose() override;

  private:
    void StartApplication() override;
    void StopApplication() override;

    /** \brief \param c the connection \brief the control connection came up */
    void HandleEstablished(Ptr<PptpControlConnection> c);
    /** \brief \param c the connection \brief the control connection ended */
    void HandleClosed(Ptr<PptpControlConnection> c);
    /** \brief \param c the connection \param call the call \brief the call came up */
    void HandleCallEstablished(Ptr<PptpControlConnection> c, Ptr<PptpCall> call);
    /** \brief \param c the connection \param call the call \brief the call ended */
    void HandleCallCleared(Ptr<PptpControlConnection> c, Ptr<PptpCall> call);
    /**
     * \brief Open the data channel of the established call.
     * \param c the connection
     * \param call the call
     */
    void OpenTunnel(Ptr<PptpControlConnection> c, Ptr<PptpCall> call);
    /** \brief Close the data channel, if open. */
    void CloseTunnel();
    /**
     * \brief The tunnel's PPP network layer is up: add the configured routes.
     * \param tunnel the tunnel
     */
    void TunnelUp(Ptr<PptpTunnel> tunnel);
    /**
     * \brief The tunnel's PPP link died: clear the call.
     * \param tunnel the tunnel
     * \param reason why the link died
     */
    void TunnelLinkDown(Ptr<PptpTunnel> tunnel, std::string reason);
    /** \brief ClearCall(), as an event. */
    void ClearCallIfAny();
    /** \brief CallDuration expired. */
    void DurationExpired();

    /** \brief Setter of EchoInterval (validates). \param t the time */
    void SetEchoInterval(Time t);
    /** \brief Setter of EchoTimeout (validates). \param t the time */
    void SetEchoTimeout(Time t);
    /** \brief Setter of CallDuration (validates). \param t the time */
    void SetCallDuration(Time t);
    /** \brief \return EchoInterval */
    Time GetEchoInterval() const;
    /** \brief \return EchoTimeout */
    Time GetEchoTimeout() const;
    /** \brief \return CallDuration */
    Time GetCallDuration() const;

    Address m_remote;               //!< server address
    uint16_t m_remotePort;          //!< server port
    uint16_t m_receiveWindow;       //!< window of OCRQ
    uint16_t m_processingDelay;     //!< delay of OCRQ (1/10 s)
    uint32_t m_minimumBps;          //!< Minimum BPS of OCRQ
    uint32_t m_maximumBps;          //!< Maximum BPS of OCRQ
    uint32_t m_bearerType;          //!< Bearer Type of OCRQ
    uint32_t m_framingType;         //!< Framing Type of OCRQ
    std::string m_phoneNumber;      //!< Phone Number of OCRQ
    std::string m_subaddress;       //!< Subaddress of OCRQ
    Time m_callDuration;            //!< how long the call is held (0: until stopped)
    bool m_stopAfterClear;          //!< stop the connection once the call ended
    Time m_echoInterval;            //!< EchoInterval of the connection
    Time m_echoTimeout;             //!< EchoTimeout of the connection
    std::string m_hostName;         //!< Host Name of SCCRQ
    std::string m_vendorName;       //!< Vendor String of SCCRQ
    bool m_dataChannel;             //!< open the data channel of the call
    Ipv4Address m_tunnelAddress;    //!< the address asked of IPCP (any: assigned)
    bool m_defaultRoute;            //!< route everything through the tunnel
    Ipv4Address m_tunnelNetwork;    //!< prefix routed through the tunnel
    Ipv4Mask m_tunnelMask;          //!< its mask (0: no prefix route)
    ObjectFactory m_sessionFactory; //!< makes the GRE session
    ObjectFactory m_deviceFactory;  //!< makes the ppp0 device
    PppLinkConfig m_pppConfig;      //!< the Attributes of each call's PPP layer

    Ptr<PptpControlConnection> m_connection; //!< the control connection
    Ptr<PptpCall> m_call;                    //!< the call
    EventId m_durationEvent;                 //!< end of CallDuration
    EventId m_openEvent;                     //!< the tunnel about to be opened
    Ptr<PptpTunnel> m_tunnel;                //!< the call's data channel
};

} // namespace ns3

#endif /* PPTP_CLIENT_H */
