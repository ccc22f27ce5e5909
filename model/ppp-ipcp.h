/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPP_IPCP_H
#define PPP_IPCP_H

#include "ppp-automaton.h"
#include "ppp-option.h"

#include "ns3/ipv4-address.h"
#include "ns3/traced-callback.h"

#include <vector>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief The IP Control Protocol (\RFC{1332}, DNS and NBNS options of \RFC{1877}) on the
 * \RFC{1661} option negotiation automaton.
 *
 * The owner configures the instance before Open() (the values come from the server's
 * address pool or the client's configuration, hence setters rather than Attributes):
 * - SetLocalAddress(): the address requested for this side; 0.0.0.0 asks the peer to
 *   assign one, as a dial-in client does.
 * - SetPeerAddress(): the address assigned to the peer. A peer request for any other
 *   address (0.0.0.0 included) is Nak'ed with it, and a peer request without IP-Address
 *   is Nak'ed with the option added (\RFC{1332} s.3.3). 0.0.0.0: any non-zero address the
 *   peer asks for is accepted; a peer request for 0.0.0.0 is then Rejected (nobody can
 *   assign it one).
 * - SetDnsServers(): a peer asking for Primary/Secondary-DNS is Nak'ed with these; an
 *   unconfigured (0.0.0.0) server is Rejected. NBNS options are always Rejected.
 * - SetRequestDns(): include Primary-DNS and Secondary-DNS 0.0.0.0 in our request, as
 *   Windows does; each is dropped from the request when the peer Rejects it.
 *
 * Our IP-Address follows the peer's Nak. When the peer Rejects IP-Address and we have no
 * address of our own, IPCP cannot come up and closes itself ("no address"). The peer's
 * IP-Compression-Protocol (Van Jacobson), the deprecated IP-Addresses, Mobile-IPv4 and
 * unknown options are Rejected.
 *
 * The request state starts afresh whenever a negotiation starts (tls, or after tlf/tld).
 */
class PppIpcp : public PppAutomaton
{
  public:
    /**
     * \brief TracedCallback signature of the negotiated addresses (fired at tlu).
     * \param local the address the peer acknowledged for us
     * \param peer the address the peer's acknowledged request named for itself
     */
    typedef void (*NegotiatedTracedCallback)(Ipv4Address local, Ipv4Address peer);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /** \brief An IPCP automaton in the Initial state, with nothing configured. */
    PppIpcp();
    ~PppIpcp() override;

    /**
     * \brief Set the address requested for this side.
     * \param address the address; 0.0.0.0 asks the peer to assign one
     */
    void SetLocalAddress(Ipv4Address address);
    /**
     * \brief Set the address assigned to the peer.
     * \param address the address; 0.0.0.0 accepts any non-zero address the peer asks for
     */
    void SetPeerAddress(Ipv4Address address);
    /**
     * \brief Set the DNS servers given to a peer that asks (\RFC{1877}).
     * \param primary the Primary-DNS address (0.0.0.0: the option is Rejected)
     * \param secondary the Secondary-DNS address (0.0.0.0: the option is Rejected)
     */
    void SetDnsServers(Ipv4Address primary, Ipv4Address secondary);
    /**
     * \brief Whether our request asks the peer for DNS servers (\RFC{1877}).
     * \param request true to include Primary-DNS and Secondary-DNS 0.0.0.0
     */
    void SetRequestDns(bool request);

    /**
     * \brief The address acknowledged for us (the configured local address if the peer
     * rejected the IP-Address option).
     * \return the address; 0.0.0.0 before the first Configure-Ack
     */
    Ipv4Address GetLocalAddress() const;
    /**
     * \brief The peer's address: the IP-Address of its acknowledged request.
     * \return the address; 0.0.0.0 if unknown
     */
    Ipv4Address GetPeerAddress() const;
    /**
     * \brief The Primary-DNS address the peer acknowledged in our request.
     * \return the address; 0.0.0.0 if not negotiated
     */
    Ipv4Address GetPrimaryDns() const;
    /**
     * \brief The Secondary-DNS address the peer acknowledged in our request.
     * \return the address; 0.0.0.0 if not negotiated
     */
    Ipv4Address GetSecondaryDns() const;

  protected:
    /** \brief Start the request afresh from the configuration and forget the last results. */
    void BeginNegotiation() override;
    std::vector<PppOption> BuildConfigureRequest() override;
    RequestVerdict ProcessConfigureRequest(const std::vector<PppOption>& options,
                                           std::vector<PppOption>& reply) override;
    void ProcessConfigureAck(const std::vector<PppOption>& options) override;
    void ProcessConfigureNak(const std::vector<PppOption>& options) override;
    void ProcessConfigureReject(const std::vector<PppOption>& options) override;
    void ThisLayerUp() override;

  private:
    /**
     * \brief Our verdict on one DNS option of the peer's request.
     * \param option the peer's Primary- or Secondary-DNS option
     * \param server the configured server for it (0.0.0.0: none)
     * \param nak the Nak options, appended to when the value is not the server's
     * \param reject the Reject options, appended to when no server is configured
     */
    static void JudgeDns(const PppOption& option,
                         Ipv4Address server,
                         std::vector<PppOption>& nak,
                         std::vector<PppOption>& reject);

    // configuration
    Ipv4Address m_localConfig;  //!< address requested for us (0.0.0.0: ask the peer)
    Ipv4Address m_peerConfig;   //!< address assigned to the peer (0.0.0.0: accept its own)
    Ipv4Address m_dnsPrimary;   //!< Primary-DNS given to the peer (0.0.0.0: Reject)
    Ipv4Address m_dnsSecondary; //!< Secondary-DNS given to the peer (0.0.0.0: Reject)
    bool m_requestDns;          //!< whether our request asks for DNS servers

    // request state
    bool m_requestIpAddress;             //!< whether the request holds IP-Address
    Ipv4Address m_requestAddress;        //!< its value
    bool m_requestPrimaryDns;            //!< whether the request holds Primary-DNS
    Ipv4Address m_requestPrimaryValue;   //!< its value
    bool m_requestSecondaryDns;          //!< whether the request holds Secondary-DNS
    Ipv4Address m_requestSecondaryValue; //!< its value

    // results
    Ipv4Address m_localAddress; //!< the address acknowledged for us
    Ipv4Address m_peerAddress;  //!< the address of the peer's acknowledged request
    Ipv4Address m_primaryDns;   //!< Primary-DNS acknowledged in our request
    Ipv4Address m_secondaryDns; //!< Secondary-DNS acknowledged in our request

    TracedCallback<Ipv4Address, Ipv4Address> m_negotiatedTrace; //!< fired at tlu
};

} // namespace ns3

#endif /* PPP_IPCP_H */
