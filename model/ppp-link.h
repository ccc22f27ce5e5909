/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPP_LINK_H
#define PPP_LINK_H

#include "mppe-channel.h"
#include "ppp-auth-method.h"
#include "ppp-auth-peer.h"
#include "ppp-authenticator.h"
#include "ppp-ccp.h"
#include "ppp-credentials.h"
#include "ppp-ipcp.h"
#include "ppp-lcp.h"
#include "pptp-net-device.h"

#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/ipv4-address.h"
#include "ns3/object-factory.h"
#include "ns3/object.h"
#include "ns3/ptr.h"
#include "ns3/traced-callback.h"
#include "ns3/traced-value.h"

#include <cstdint>
#include <ostream>
#include <string>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief The phases of a PPP link (\RFC{1661} s.3.2).
 */
enum class PppPhase : uint8_t
{
    DEAD = 0,         //!< no link
    ESTABLISH = 1,    //!< LCP negotiates the link
    AUTHENTICATE = 2, //!< PAP, CHAP-MD5 or MS-CHAPv2 runs
    NETWORK = 3,      //!< CCP and IPCP negotiate; datagrams flow once IPCP is open
    TERMINATE = 4,    //!< LCP terminates the link
};

/**
 * \ingroup pptp
 * \brief The name of a phase, e.g. "NETWORK".
 * \param phase the phase
 * \return a static string; never null
 */
const char* PppPhaseName(PppPhase phase);

/**
 * \ingroup pptp
 * \brief Prints PppPhaseName().
 * \param os the stream
 * \param phase the phase
 * \return the stream
 */
std::ostream& operator<<(std::ostream& os, PppPhase phase);

/**
 * \ingroup pptp
 * \brief Which end of the link a PppLink is.
 */
enum class PppRole : uint8_t
{
    CLIENT = 0, //!< the dial-in client: authenticates itself, is given an address
    SERVER = 1, //!< the server: authenticates the client, assigns its address
};

/**
 * \ingroup pptp
 * \brief The PPP layer of one end of a PPTP tunnel (\RFC{1661}): LCP, authentication, CCP with
 * MPPE and IPCP, run over the ppp0 device of the call.
 *
 * Start() begins the Establish phase: LCP is Up and Open. When LCP opens, the link follows
 * what was agreed (the device compresses Address/Control and the protocol field when the peer
 * asked for it, \RFC{1661} s.6.5-6.6) and moves to Authenticate: the server (PppAuthenticator)
 * authenticates the client (PppAuthPeer) with the method the client acknowledged in LCP. A
 * failure terminates the link (LCP Terminate-Request). On success, or without authentication,
 * the Network phase starts CCP and IPCP together. CCP negotiates MPPE (\RFC{3078}) when
 * MS-CHAPv2 produced keys; when it opens with MPPE on, the MppeChannel is started with the
 * keys of \RFC{3079} and set on the device, whose MTU drops by 4 octets (the MPPE header and
 * the encrypted protocol field), as Linux does. When the Encryption policy is REQUIRED and
 * MPPE is not agreed (the peer rejects it, nothing matches), the link is terminated. IPv4 may
 * flow once IPCP is open and CCP has settled (open, or given up when MPPE is not required):
 * then the network-up callback gives the owner this end's address and the peer's, and the
 * "NetworkUp" trace fires.
 *
 * Frames of the Authenticate protocols before that phase, and of IPCP and CCP before the
 * Network phase, are silently discarded (\RFC{1661} s.3.2); a frame of an unknown protocol
 * gets an LCP Protocol-Reject while LCP is open. A Protocol-Reject of CCP or IPCP stops that
 * protocol (RXJ-). When LCP finishes (the link is dead: terminated by either end, the peer
 * not answering echoes, negotiation failed), the link-down callback tells the owner, which
 * clears the PPTP call.
 *
 * The sub-layers are created by Attach() from factories whose Attributes SetSubAttribute()
 * sets (any Attribute of ns3::PppLcp, ns3::PppCcp, ns3::PppIpcp, ns3::PppAuthPeer or
 * ns3::PppAuthenticator, by name), so an application can configure each call's PPP layer.
 */
class PppLink : public Object
{
  public:
    /**
     * \brief TracedValue callback signature of the phase.
     * \param oldValue the previous phase
     * \param newValue the new phase
     */
    typedef void (*PhaseTracedCallback)(PppPhase oldValue, PppPhase newValue);

    /**
     * \brief TracedCallback signature of the network layer coming up.
     * \param local this end's address
     * \param peer the peer's address
     */
    typedef void (*NetworkUpTracedCallback)(Ipv4Address local, Ipv4Address peer);

    /**
     * \brief TracedCallback signature of an authentication result.
     * \param method the method
     * \param success whether it succeeded
     * \param detail the peer's name (server) or the server's message (client)
     */
    typedef void (*AuthenticationTracedCallback)(PppAuthMethod method,
                                                 bool success,
                                                 std::string detail);

    /**
     * \brief TracedCallback signature of the end of the link.
     * \param reason why the link ended
     */
    typedef void (*LinkDownTracedCallback)(std::string reason);

    /** \brief Told that the network layer is up: this end's and the peer's address. */
    typedef Callback<void, Ipv4Address, Ipv4Address> NetworkUpCallback;
    /** \brief Told that the link is dead, with the reason. */
    typedef Callback<void, std::string> LinkDownCallback;

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /** \brief A link in the Dead phase, client role. */
    PppLink();
    ~PppLink() override;

    /**
     * \brief Set an Attribute of the sub-layers created by Attach(): every one of PppLcp,
     * PppCcp, PppIpcp, PppAuthPeer, PppAuthenticator that has it (so "RestartTimer" sets
     * the Restart timer of LCP, CCP, IPCP and authentication alike).
     * \param name the Attribute name, e.g. "EchoInterval", "Password", "Allow40Bit"
     * \param value its value
     * \return false when none of them has an Attribute of that name
     */
    bool SetSubAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \brief Whether an Attribute name belongs to PppLink or one of its sub-layers.
     * \param name the name
     * \return true when SetSubAttribute() or SetAttribute() would accept it
     */
    static bool IsPppAttribute(const std::string& name);

    /** \brief \param role this end's role (before Attach()) */
    void SetRole(PppRole role);
    /** \brief \return this end's role */
    PppRole GetRole() const;

    /**
     * \brief Server: the table of users and passwords (before Attach()).
     * \param credentials the table
     */
    void SetCredentials(Ptr<const PppCredentials> credentials);

    /**
     * \brief The addresses IPCP negotiates (before Attach()).
     * \param local the address this end asks for (0.0.0.0: to be assigned by the peer)
     * \param peer the address this end assigns to the peer (0.0.0.0: the peer chooses)
     */
    void SetAddresses(Ipv4Address local, Ipv4Address peer);

    /**
     * \brief Server: the DNS servers offered to the client (\RFC{1877}); 0.0.0.0 for none.
     * \param primary the primary server
     * \param secondary the secondary server
     */
    void SetDnsServers(Ipv4Address primary, Ipv4Address secondary);

    /** \brief \param callback told when the network layer comes up */
    void SetNetworkUpCallback(NetworkUpCallback callback);
    /** \brief \param callback told when the link is dead */
    void SetLinkDownCallback(LinkDownCallback callback);

    /**
     * \brief Run the link over a device: its PPP control frames come here and the
     * MppeChannel is set on it once MPPE is on. Creates the sub-layers (GetLcp() ... are
     * valid from here on): role, credentials, addresses and random streams must be set
     * before. Once only.
     * \param device the call's ppp0
     */
    void Attach(Ptr<PptpNetDevice> device);

    /**
     * \brief Start the Establish phase (LCP Open and Up), after Attach().
     */
    void Start();

    /**
     * \brief Terminate the link gracefully (LCP Close: Terminate-Request).
     * \param reason the reason (in the Terminate-Request and the trace)
     */
    void Close(const std::string& reason);

    /**
     * \brief The lower layer is gone (the call was cleared): every layer goes Down at
     * once, no packet is sent; the link-down callback is not called.
     */
    void Abort();

    /**
     * \brief Use fixed random streams.
     * \param stream the first stream
     * \return the number of streams used
     */
    int64_t AssignStreams(int64_t stream);

    /** \brief \return the phase */
    PppPhase GetPhase() const;
    /** \brief \return whether the network layer is up (datagrams flow) */
    bool IsNetworkUp() const;
    /** \brief \return this end's address (after IPCP) */
    Ipv4Address GetLocalAddress() const;
    /** \brief \return the peer's address (after IPCP) */
    Ipv4Address GetPeerAddress() const;
    /** \brief \return the method authentication used (NONE before or without it) */
    PppAuthMethod GetAuthMethod() const;
    /** \brief \return why the link ended (empty while it lives) */
    const std::string& GetDownReason() const;
    /** \brief \return LCP (nullptr before Attach()) */
    Ptr<PppLcp> GetLcp() const;
    /** \brief \return IPCP (nullptr before Attach()) */
    Ptr<PppIpcp> GetIpcp() const;
    /** \brief \return CCP (nullptr before Attach()) */
    Ptr<PppCcp> GetCcp() const;
    /** \brief \return the server's authenticator (nullptr on a client or before Attach()) */
    Ptr<PppAuthenticator> GetAuthenticator() const;
    /** \brief \return the client's authentication (nullptr on a server or before Attach()) */
    Ptr<PppAuthPeer> GetAuthPeer() const;
    /** \brief \return the MPPE channel (nullptr before Attach()) */
    Ptr<MppeChannel> GetMppeChannel() const;
    /** \brief \return frames discarded because their protocol was not expected in the phase */
    uint64_t GetDiscardedFrames() const;
    /** \brief \return frames of unknown protocols answered with Protocol-Reject */
    uint64_t GetRejectedProtocols() const;

  protected:
    void DoDispose() override;

  private:
    /**
     * \brief A PPP frame of a protocol other than IPv4 arrived from the device.
     * \param protocol the protocol
     * \param packet the frame after its protocol field
     */
    void ReceiveFrame(uint16_t protocol, Ptr<Packet> packet);
    /**
     * \brief A sub-layer sends a packet.
     * \param protocol the protocol
     * \param packet the packet from its Code on
     */
    void SendFrame(uint16_t protocol, Ptr<Packet> packet);
    /** \brief Create and connect the sub-layers (from Attach()). */
    void CreateLayers();
    /** \brief \param phase the new phase */
    void SetPhase(PppPhase phase);
    void LcpUp();       //!< LCP opened
    void LcpDown();     //!< LCP left Opened
    void LcpFinished(); //!< LCP is done with the link
    /**
     * \brief LCP received a Protocol-Reject.
     * \param protocol the rejected protocol
     */
    void ProtocolRejected(uint16_t protocol);
    /**
     * \brief Authentication ended.
     * \param success whether it succeeded
     * \param detail the peer's name or the server's message
     */
    void AuthenticationDone(bool success, std::string detail);
    void StartNetwork();   //!< enter the Network phase
    void CcpUp();          //!< CCP opened
    void CcpDown();        //!< CCP left Opened
    void CcpFinished();    //!< CCP gave up or was stopped
    void IpcpUp();         //!< IPCP opened
    void IpcpDown();       //!< IPCP left Opened
    void IpcpFinished();   //!< IPCP gave up or was stopped
    void StopNetwork();    //!< take the network protocols and authentication down
    void MaybeNetworkUp(); //!< declare the network up when IPCP is open and CCP settled
    /**
     * \brief Remember why the link ends, unless a reason is known already.
     * \param link the link
     * \param reason the reason
     */
    static void NoteReason(PppLink* link, std::string reason);
    /**
     * \brief CCP refused to open without MPPE (Encryption REQUIRED).
     * \param reason CCP's reason
     */
    void EncryptionRefused(const std::string& reason);
    /** \brief MPPE detected a loss: send a CCP Reset-Request. */
    void MppeResetRequest();
    /** \brief The peer's CCP Reset-Request: the MPPE sender flushes. */
    void CcpResetRequestReceived();
    /**
     * \brief Terminate the link because of a failure.
     * \param reason the reason
     */
    void Fail(const std::string& reason);
    /** \brief Setter of the Authentication Attribute. \param method a PppAuthMethod */
    void SetAuthenticationAttribute(int method);
    /** \brief \return the Authentication Attribute (a PppAuthMethod) */
    int GetAuthenticationAttribute() const;
    /** \brief \return whether the policy requires MPPE */
    bool IsEncryptionRequired() const;

    PppRole m_role;                          //!< client or server
    TracedValue<PppPhase> m_phase;           //!< the phase
    Ptr<PptpNetDevice> m_device;             //!< the call's ppp0
    uint16_t m_deviceMtu;                    //!< the device's MTU before PPP changed it
    Ptr<const PppCredentials> m_credentials; //!< server: users and passwords
    Ipv4Address m_requestedLocal;            //!< the address this end asks for
    Ipv4Address m_assignedPeer;              //!< the address this end assigns to the peer
    Ipv4Address m_dnsPrimary;                //!< DNS offered (server)
    Ipv4Address m_dnsSecondary;              //!< DNS offered (server)
    bool m_requestDns;                       //!< client: ask for DNS servers
    ObjectFactory m_lcpFactory;              //!< makes LCP
    ObjectFactory m_ccpFactory;              //!< makes CCP
    ObjectFactory m_ipcpFactory;             //!< makes IPCP
    ObjectFactory m_authPeerFactory;         //!< makes the client's authentication
    ObjectFactory m_authenticatorFactory;    //!< makes the server's authenticator
    Ptr<PppLcp> m_lcp;                       //!< LCP
    Ptr<PppCcp> m_ccp;                       //!< CCP
    Ptr<PppIpcp> m_ipcp;                     //!< IPCP
    Ptr<PppAuthenticator> m_authenticator;   //!< server: authenticates the peer
    Ptr<PppAuthPeer> m_authPeer;             //!< client: authenticates itself
    Ptr<MppeChannel> m_mppe;                 //!< MPPE data channel
    PppAuthMethod m_authMethod;              //!< the method in use
    PppAuthMethod m_requiredMethod;          //!< server: the method it requires
    bool m_acceptPap;                        //!< client accepts PAP
    bool m_acceptChapMd5;                    //!< client accepts CHAP-MD5
    bool m_acceptMsChapV2;                   //!< client accepts MS-CHAPv2
    bool m_ccpSettled;                       //!< CCP open, or given up without MPPE required
    bool m_networkUp;                        //!< the network-up callback was called
    bool m_started;                          //!< Start() was called
    int64_t m_stream;                        //!< first random stream (-1: not assigned)
    std::string m_downReason;                //!< why the link ended
    uint64_t m_discardedFrames;              //!< frames not expected in the phase
    uint64_t m_rejectedProtocols;            //!< frames answered with Protocol-Reject
    NetworkUpCallback m_networkUpCallback;   //!< told when the network is up
    LinkDownCallback m_linkDownCallback;     //!< told when the link is dead
    TracedCallback<Ipv4Address, Ipv4Address> m_networkUpTrace;    //!< network up
    TracedCallback<PppAuthMethod, bool, std::string> m_authTrace; //!< auth result
    TracedCallback<std::string> m_linkDownTrace;                  //!< link dead
};

} // namespace ns3

#endif /* PPP_LINK_H */
