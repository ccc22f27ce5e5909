/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_SERVER_H
#define PPTP_SERVER_H

#include "ppp-auth-method.h"
#include "ppp-credentials.h"
#include "ppp-link-config.h"
#include "pptp-address-pool.h"
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
#include "ns3/socket.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief The PAC side of PPTP remote access (the "server" of Microsoft's profile, MS-PTPT):
 * listens on TCP port 1723, accepts control connections and answers Outgoing-Call-Requests.
 *
 * Each accepted TCP connection becomes a PptpControlConnection (receiver, PAC). Beyond
 * MaxControlConnections an SCCRQ is answered with SCCRP General Error / No-Resource and the
 * connection closed; beyond MaxCalls an OCRQ is answered with OCRP General Error (2) and
 * Error Code No-Resource (4), \RFC{2637} s.2.8 and s.2.16. Accepted calls are answered at
 * once with OCRP Connected, carrying ReceiveWindow and PacketProcessingDelay.
 *
 * The trace sources of every connection are forwarded to the server's own, with the same
 * signatures. StopApplication() stops every connection (StopCCRQ, reason Local-Shutdown).
 *
 * Data channel (\RFC{2637} s.4): when a call reaches ESTABLISHED and TunnelAddress is set,
 * the server opens a PptpTunnel for it: a GreSession in the node's GreL4Protocol (from the
 * address the client connected to, to the client's address, with both Call IDs,
 * ReceiveWindow as advertised in the OCRP and the client's window and processing delay from
 * its OCRQ), a ppp0 PptpNetDevice and a PppLink in the server role: LCP, authentication of
 * the client against the users added with AddUser() (method: the PPP Attribute
 * "Authentication", MS-CHAPv2 by default), CCP with MPPE, IPCP. IPCP assigns the client the
 * address of the static table (AddPeerTunnelAddress(), by the client's outer address) or the
 * lowest free address of the pool (AddressPoolStart / AddressPoolSize), offers PrimaryDns /
 * SecondaryDns, and gives TunnelAddress as the server's own; once the client has
 * authenticated, a user's own address (AddUserTunnelAddress()) replaces the one chosen. When IPCP
 * is open, ppp0 gets TunnelAddress/32 (the same on every tunnel interface, as pptpd's localip), IP
 * forwarding is on (the server forwards between its tunnels and its LAN) and a host route leads to
 * the client's address, and the prefixes of the user the client authenticated as (AddUserRoute(): a
 * branch office's LAN) are routed through the tunnel. When PPP ends (authentication failed, MPPE
 * refused, the peer dead), the server clears the call (Call-Disconnect-Notify), as pptpd does. Each
 * tunnel is closed, and its pool address freed, when its call is cleared. A call for which no
 * address can be assigned is counted (GetUnroutedCalls()) and its client keeps the address it asks
 * for. Without TunnelAddress no data channel is made. The PPP layer's Attributes are set with
 * SetPppAttribute().
 * The node needs a GreL4Protocol (PptpServerHelper::Install aggregates one; without it the
 * program stops with a message).
 */
class PptpServer
    : public Application
    , public PptpControlTraceForwarder
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /**
     * \brief TracedCallback signature of a newly accepted control connection.
     * \param connection the connection; its own trace sources tell it apart from the others
     */
    typedef void (*NewConnectionTracedCallback)(Ptr<PptpControlConnection> connection);

    PptpServer();
    ~PptpServer() override;

    /**
     * \brief Add a user the PPP authentication accepts (replaces the password of a user
     * added before).
     * \param user the user name
     * \param password the password
     */
    void AddUser(const std::string& user, const std::string& password);
    /**
     * \brief Set an Attribute of the PPP layer of the calls that come up from now on
     * (ns3::PppLink or one of its sub-layers: e.g. "Authentication", "Encryption",
     * "Allow40Bit", "AllowStateful", "MaxAttempts", "EchoInterval"). A name no PPP class has
     * stops the program with a message.
     * \param name the Attribute name
     * \param value its value
     */
    void SetPppAttribute(const std::string& name, const AttributeValue& value);
    /**
     * \brief Fix the tunnel address IPCP assigns to the client behind an outer address
     * (instead of one from the pool).
     * \param outerPeer the client's address on the physical network
     * \param innerPeer the client's tunnel address
     */
    void AddPeerTunnelAddress(Ipv4Address outerPeer, Ipv4Address innerPeer);
    /**
     * \brief Route a prefix into the tunnel of a user, as RADIUS's Framed-Route or a pppd
     * ip-up script do for a LAN-to-LAN (branch office) link: when a tunnel whose client
     * authenticated as the user comes up, the prefix is routed through that tunnel; the route
     * goes away with the tunnel. A user may have several prefixes (call it once per prefix).
     * The name matches as the authenticator matches it: as sent, then without a "DOMAIN\"
     * prefix. A tunnel without authentication has no user and gets no prefix. Bad parameters
     * (CheckUserRoute()) stop the program with the message.
     * \param user the PPP user name (non-empty)
     * \param network the prefix's network address
     * \param mask its mask (contiguous, /1 ../32)
     */
    void AddUserRoute(const std::string& user, Ipv4Address network, Ipv4Mask mask);
    /**
     * \brief Check the parameters of AddUserRoute().
     * \param user the PPP user name
     * \param network the prefix's network address
     * \param mask its mask
     * \return an empty string when valid, else a message naming the bad parameter and what
     * is valid
     */
    static std::string CheckUserRoute(const std::string& user, Ipv4Address network, Ipv4Mask mask);
    /**
     * \brief Fix the tunnel address IPCP assigns to a user (instead of one from the pool, and
     * before AddPeerTunnelAddress(), which knows only the outer address): a branch router
     * gets the same address on every call, wherever it connects from. The pool address taken
     * for the call is given back once the user is authenticated. Choose addresses outside the
     * pool. An empty user name or the address 0.0.0.0 stops the program with a message.
     * \param user the PPP user name
     * \param innerPeer the tunnel address
     */
    void AddUserTunnelAddress(const std::string& user, Ipv4Address innerPeer);
    /**
     * \brief Whether every user named in AddUserRoute() or AddUserTunnelAddress() is in the
     * table of AddUser() (a user who cannot authenticate never gets the routes).
     * StartApplication() logs the message as a warning.
     * \return an empty string when all are known, else a message naming the first unknown
     */
    std::string CheckUsers() const;
    /**
     * \brief The user the client of a tunnel authenticated as.
     * \param tunnel the tunnel
     * \return the name the client gave; empty without (or before) authentication
     */
    static std::string GetTunnelUser(Ptr<const PptpTunnel> tunnel);
    /**
     * \brief Set an Attribute of the GRE sessions of the calls that come up from now on
     * (e.g. "Profile", "AckDelay", "TxQueueSize", "ReorderBuffer").
     * \param name the GreSession Attribute name
     * \param value its value
     */
    void SetSessionAttribute(const std::string& name, const AttributeValue& value);
    /**
     * \brief Set an Attribute of the ppp0 devices of the calls that come up from now on
     * (e.g. "Mtu", "TxQueue", "HoldWhenRefused").
     * \param name the PptpNetDevice Attribute name
     * \param value its value
     */
    void SetDeviceAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \brief The data channel of a call.
     * \param localCallId the server's Call ID of the call
     * \return the open tunnel, or nullptr
     */
    Ptr<PptpTunnel> GetTunnel(uint16_t localCallId) const;
    /** \brief \return the open tunnels */
    std::vector<Ptr<PptpTunnel>> GetTunnels() const;
    /** \brief \return the calls for which no tunnel address could be assigned */
    uint64_t GetUnroutedCalls() const;

    /** \brief \return the control connections that are open (not yet closed) */
    std::vector<Ptr<PptpControlConnection>> GetControlConnections() const;
    /** \brief \return the number of open control connections */
    uint32_t GetControlConnectionCount() const;
    /** \brief \return the number of calls admitted and not yet ended */
    uint32_t GetCallCount() const;
    /** \brief \return the control connections accepted since the start */
    uint64_t GetAcceptedControlConnections() const;
    /** \brief \return the SCCRQs refused because of MaxControlConnections */
    uint64_t GetRefusedControlConnections() const;
    /** \brief \return the calls that reached ESTABLISHED since the start */
    uint64_t GetEstablishedCalls() const;
    /** \brief \return the OCRQs refused because of MaxCalls (or no free Call ID) */
    uint64_t GetRefusedCalls() const;
    /** \brief \return the calls that ended since the start */
    uint64_t GetClearedCalls() const;

  protected:
    void DoDispose() override;

  private:
    void StartApplication() override;
    void StopApplication() override;

    /** \brief \param socket the listener \param from the peer \return accept the TCP
     * connection */
    bool HandleConnectionRequest(Ptr<Socket> socket, const Address& from);
    /** \brief \param socket the new socket \param from the peer \brief a TCP connection was
     * accepted */
    void HandleAccept(Ptr<Socket> socket, const Address& from);
    /** \brief \param c the connection \brief a control connection ended */
    void HandleClosed(Ptr<PptpControlConnection> c);
    /** \brief \param c the connection \return whether one more call is accepted */
    bool AdmitCall(Ptr<PptpControlConnection> c);
    /** \brief \param c the connection \param call the call \brief a call came up */
    void HandleCallEstablished(Ptr<PptpControlConnection> c, Ptr<PptpCall> call);
    /** \brief \param c the connection \param call the call \brief a call ended */
    void HandleCallCleared(Ptr<PptpControlConnection> c, Ptr<PptpCall> call);
    /**
     * \brief Open the data channel of an established call.
     * \param c the connection
     * \param call the call
     */
    void OpenTunnel(Ptr<PptpControlConnection> c, Ptr<PptpCall> call);
    /**
     * \brief A tunnel's PPP network layer is up.
     * \param tunnel the tunnel
     */
    void TunnelUp(Ptr<PptpTunnel> tunnel);
    /**
     * \brief A tunnel's PPP link died: clear its call.
     * \param tunnel the tunnel
     * \param reason why the link died
     */
    void TunnelLinkDown(Ptr<PptpTunnel> tunnel, std::string reason);
    /**
     * \brief Clear a call whose PPP link died, if it is still up.
     * \param callId the server's Call ID
     */
    void ClearTunnelCall(uint16_t callId);
    /**
     * \brief A tunnel's PPP authentication ended: give a user's own tunnel address.
     * \param callId the server's Call ID
     * \param method the method
     * \param success whether the client is authenticated
     * \param user the name the client gave
     */
    void TunnelAuthenticated(uint16_t callId, PppAuthMethod method, bool success, std::string user);
    /**
     * \brief Find a user's entry as the authenticator finds the user: as sent, then without
     * a "DOMAIN\" prefix.
     * \param table the table
     * \param user the name the client gave
     * \return the entry, or table.end()
     */
    template <typename Table>
    static typename Table::const_iterator FindUser(const Table& table, const std::string& user);

    /** \brief An open tunnel and the pool address it holds. */
    struct Tunnel
    {
        Ptr<PptpTunnel> tunnel; //!< the tunnel
        Ipv4Address pooled;     //!< the address taken from the pool (0.0.0.0: none)
        bool addressed;         //!< IPCP has an address to assign to the client
    };

    /** \brief A prefix routed into a user's tunnel. */
    struct UserRoute
    {
        Ipv4Address network; //!< the network address
        Ipv4Mask mask;       //!< its mask
    };

    Address m_local;                  //!< local address to bind
    uint16_t m_port;                  //!< TCP port
    uint32_t m_maxControlConnections; //!< most open control connections
    uint32_t m_maxCalls;              //!< most calls at a time
    uint16_t m_receiveWindow;         //!< window offered in OCRP
    uint16_t m_processingDelay;       //!< delay offered in OCRP (1/10 s)
    uint32_t m_connectSpeed;          //!< Connect Speed of OCRP (0: the PNS's Maximum BPS)
    Time m_echoInterval;              //!< EchoInterval of each connection
    Time m_echoTimeout;               //!< EchoTimeout of each connection
    std::string m_hostName;           //!< Host Name of SCCRP
    std::string m_vendorName;         //!< Vendor String of SCCRP
    Ipv4Address m_tunnelAddress;      //!< the server's tunnel address (any: no data channel)
    std::unordered_map<uint32_t, Ipv4Address> m_peerTunnelAddresses; //!< outer -> inner
    std::map<std::string, std::vector<UserRoute>> m_userRoutes;      //!< AddUserRoute()
    std::map<std::string, Ipv4Address> m_userTunnelAddresses;        //!< AddUserTunnelAddress()
    ObjectFactory m_sessionFactory;                                  //!< makes GRE sessions
    ObjectFactory m_deviceFactory;                                   //!< makes ppp0 devices
    std::unordered_map<uint16_t, Tunnel> m_tunnels;                  //!< open tunnels by Call ID
    Ipv4Address m_poolStart;                                         //!< AddressPoolStart
    uint32_t m_poolSize;                                             //!< AddressPoolSize
    PptpAddressPool m_pool;                                          //!< client addresses
    Ipv4Address m_primaryDns;                                        //!< DNS offered
    Ipv4Address m_secondaryDns;                                      //!< DNS offered
    Ptr<PppCredentials> m_credentials;                               //!< users (AddUser())
    PppLinkConfig m_pppConfig;                                       //!< PPP Attributes
    std::unordered_map<PptpControlConnection*, Ipv4Address>
        m_localAddresses;     //!< the address each connection was accepted at
    uint64_t m_unroutedCalls; //!< tunnels without a route
    std::unordered_map<uint16_t, EventId> m_pendingOpens; //!< tunnels about to be opened

    Ptr<Socket> m_listener; //!< the listening socket
    std::unordered_map<PptpControlConnection*, Ptr<PptpControlConnection>>
        m_connections;              //!< open control connections
    uint32_t m_activeCalls;         //!< calls admitted and not ended
    uint64_t m_acceptedConnections; //!< control connections accepted
    uint64_t m_refusedConnections;  //!< control connections refused
    uint64_t m_establishedCalls;    //!< calls established
    uint64_t m_refusedCalls;        //!< calls refused
    uint64_t m_clearedCalls;        //!< calls ended
    TracedCallback<Ptr<PptpControlConnection>> m_newConnectionTrace; //!< connection accepted
};

} // namespace ns3

#endif /* PPTP_SERVER_H */
