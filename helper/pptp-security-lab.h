/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_SECURITY_LAB_H
#define PPTP_SECURITY_LAB_H

#include "pptp-eavesdropper.h"
#include "pptp-remote-access-topology.h"
#include "pptp-security-options.h"

#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/ptr.h"
#include "ns3/socket.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

class PptpTunnel;

/**
 * \ingroup pptp
 * \brief The scenario of the PPTP security lab: a PptpRemoteAccessTopology with one client,
 * an eavesdropper (PptpEavesdropper) on the ISP router's core link, and a secret the client
 * sends through its tunnel to LAN host 0, which answers each datagram.
 *
 * Once the client's tunnel is up, it sends the secret as a UDP datagram every 100 ms, the
 * message count times, to the host's port 49600; the host answers each with "Received." so
 * that both directions carry encrypted data. The stop time leaves the exchange time to end.
 */
class PptpSecurityLab
{
  public:
    static constexpr uint16_t SECRET_PORT = 49600; //!< the LAN host's UDP port

    /** \brief A lab with the defaults of each setter. */
    PptpSecurityLab();
    /** \brief Closes the sockets (Dispose()). */
    ~PptpSecurityLab();

    PptpSecurityLab(const PptpSecurityLab&) = delete;
    PptpSecurityLab& operator=(const PptpSecurityLab&) = delete;

    /**
     * \brief The tunnel's security (default: MS-CHAPv2, MPPE-128 stateless, user "alice",
     * password "password1").
     * \param security the settings
     */
    void SetSecurity(const PptpSecurityOptions& security);

    /**
     * \brief The secret message (default "The exam answers are: 1-B 2-D 3-A 4-C 5-B").
     * \param text the UDP payload
     */
    void SetSecret(const std::string& text);

    /**
     * \brief How many times the secret is sent (default 3; valid 1..1000).
     * \param count the count
     */
    void SetMessageCount(uint32_t count);

    /**
     * \brief Write what the eavesdropper sees to a pcap file (PPP link type, as the core
     * device carries it), set before Install().
     * \param path the file ("" for none, the default)
     */
    void SetPcapFile(const std::string& path);

    /**
     * \brief Build the network, install PPTP, tap the core link and schedule the flow. Stops
     * the program with a message if a value is invalid.
     */
    void Install();

    /**
     * \brief When the simulation should stop: the client's start, 4 s of set-up and the
     * messages.
     * \return the time
     */
    Time GetStopTime() const;

    /**
     * \brief The topology.
     * \return it
     */
    PptpRemoteAccessTopology& GetTopology();

    /**
     * \brief The eavesdropper.
     * \return it
     */
    Ptr<PptpEavesdropper> GetEavesdropper() const;

    /**
     * \brief The security settings.
     * \return them
     */
    const PptpSecurityOptions& GetSecurity() const;

    /**
     * \brief The secret.
     * \return the text sent
     */
    const std::string& GetSecret() const;

    /**
     * \brief The reply the host sends.
     * \return its text
     */
    static const std::string& GetReply();

    /**
     * \brief Datagrams the client's socket accepted.
     * \return the count
     */
    uint32_t GetMessagesSent() const;

    /**
     * \brief Secrets the host received (byte for byte equal to the secret).
     * \return the count
     */
    uint32_t GetMessagesDelivered() const;

    /**
     * \brief Replies the client received.
     * \return the count
     */
    uint32_t GetRepliesReceived() const;

    /**
     * \brief Whether the client's tunnel came up.
     * \return true once it did
     */
    bool IsTunnelUp() const;

    /**
     * \brief Close the sockets and untap (before Simulator::Destroy()); GetEavesdropper()
     * returns null afterwards, but a pointer taken before still reads what was captured.
     */
    void Dispose();

  private:
    /**
     * \brief The client's tunnel is up: open the sockets and schedule the messages.
     * \param callId the Call ID
     * \param tunnel the tunnel
     */
    void TunnelUp(uint16_t callId, Ptr<PptpTunnel> tunnel);

    /** \brief Send the secret once. */
    void SendSecret();

    /**
     * \brief The host's socket has data.
     * \param socket the socket
     */
    void HostReceive(Ptr<Socket> socket);

    /**
     * \brief The client's socket has data.
     * \param socket the socket
     */
    void ClientReceive(Ptr<Socket> socket);

    PptpSecurityOptions m_security;       //!< the tunnel's security
    std::string m_secret;                 //!< the secret
    uint32_t m_messages{3};               //!< how many times it is sent
    std::string m_pcap;                   //!< pcap file of the tap ("" for none)
    PptpRemoteAccessTopology m_topology;  //!< the network
    Ptr<PptpEavesdropper> m_eavesdropper; //!< the attacker
    Ptr<Socket> m_clientSocket;           //!< the client's socket
    Ptr<Socket> m_hostSocket;             //!< the host's socket
    std::vector<EventId> m_sends;         //!< scheduled messages
    uint32_t m_sent{0};                   //!< datagrams sent
    uint32_t m_delivered{0};              //!< secrets received by the host
    uint32_t m_replies{0};                //!< replies received by the client
    bool m_tunnelUp{false};               //!< the tunnel came up
};

} // namespace ns3

#endif /* PPTP_SECURITY_LAB_H */
