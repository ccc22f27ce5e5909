/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_SYNTHETIC_SESSION_H
#define PPTP_SYNTHETIC_SESSION_H

#include "mppe-keys.h"
#include "mppe-session-key.h"
#include "mschapv2.h"
#include "pptp-pcap-session-writer.h"

#include "ns3/ipv4-address.h"
#include "ns3/packet.h"
#include "ns3/ptr.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

class PppControlPacket;
class PppOption;
class PptpControlMessage;

/**
 * \ingroup pptp
 * \brief One PPTP, PPP or GRE message of a synthetic session and the frame that carries it.
 */
struct PptpSyntheticSessionStep
{
    uint32_t frame;                             //!< 1-based frame number in the pcap
    PptpPcapSessionWriter::Direction direction; //!< who sent it
    const char* what;                           //!< e.g. "SCCRQ", "LCP Configure-Request"
};

/**
 * \ingroup pptp
 * \brief Builds a complete PPTP session with the module's encoders and crypto
 * and writes it as a pcap that Wireshark decodes message by message.
 *
 * The session, client (PNS) and server (PAC) alternating as real stacks do:
 * - TCP handshake to port 1723; Start-Control-Connection-Request / -Reply,
 *   Outgoing-Call-Request / -Reply, Set-Link-Info (\RFC{2637} s.2);
 * - over Enhanced GRE (\RFC{2637} s.4; Call IDs of the peer, sequence
 *   numbers from 0, piggy-backed acknowledgments, ack-only packets):
 *   LCP Configure-Request / -Ack both ways (MRU, MS-CHAPv2 authentication
 *   from the server, Magic-Number, PFC, ACFC; \RFC{1661});
 *   MS-CHAPv2 Challenge, Response and Success with the NT-Response and
 *   authenticator response computed from the user name, password and
 *   challenges (\RFC{2759});
 *   CCP with the MPPE option both ways (\RFC{3078});
 *   IPCP with address assignment by Configure-Nak and DNS (\RFC{1332},
 *   \RFC{1877});
 *   MPPE-encrypted ICMP echo requests and replies, keys derived from the
 *   MS-CHAPv2 exchange (\RFC{3079});
 *   LCP Terminate-Request / -Ack;
 * - Call-Clear-Request, Call-Disconnect-Notify,
 *   Stop-Control-Connection-Request / -Reply and the TCP FIN exchange.
 *
 * After LCP has agreed on PFC and ACFC, frames other than LCP drop the
 * address and control fields and compress the protocol field.
 */
class PptpSyntheticSession
{
  public:
    /**
     * \brief A session with the \RFC{2759} s.9.2 values: user "User", password
     * "clientPass" and its two challenges; 128-bit stateless MPPE; 6 data packets.
     */
    PptpSyntheticSession();

    /**
     * \brief Sets the user name sent in the MS-CHAPv2 Response.
     * \param user the name
     */
    void SetUser(const std::string& user);

    /**
     * \brief Sets the password both sides know.
     * \param password the password (UTF-8)
     */
    void SetPassword(const std::string& password);

    /**
     * \brief Sets the two MS-CHAPv2 challenges.
     * \param authenticator the server's challenge
     * \param peer the client's challenge
     */
    void SetChallenges(const MsChapV2::Challenge& authenticator, const MsChapV2::Challenge& peer);

    /**
     * \brief Sets how many MPPE data packets are sent (echo requests from the client and
     * replies from the server, alternating).
     * \param packets the number (0 to 4000)
     */
    void SetDataPackets(uint32_t packets);

    /**
     * \brief Sets the MPPE key strength offered and used by both sides.
     * \param strength 40, 56 or 128 bits
     */
    void SetStrength(MppeStrength strength);

    /**
     * \brief Chooses stateless (key change every packet) or stateful MPPE.
     * \param stateless true for stateless (the default)
     */
    void SetStateless(bool stateless);

    /**
     * \brief Sets the public addresses of the two hosts.
     * \param client the client's address
     * \param server the server's address
     */
    void SetPublicAddresses(Ipv4Address client, Ipv4Address server);

    /**
     * \brief Sets the tunnel addresses: the server's own, the one it assigns to the client
     * and the DNS server it announces.
     * \param server the server's tunnel address
     * \param client the address assigned to the client
     * \param dns the primary DNS server
     */
    void SetTunnelAddresses(Ipv4Address server, Ipv4Address client, Ipv4Address dns);

    /**
     * \brief Builds the session and writes it.
     * \param filename the pcap file
     * \return false if the file cannot be created
     */
    bool Write(const std::string& filename);

    /**
     * \brief The messages of the last Write(), in order.
     * \return the steps
     */
    const std::vector<PptpSyntheticSessionStep>& GetSteps() const;

    /**
     * \brief How many frames the last Write() produced.
     * \return the count
     */
    uint32_t GetFrameCount() const;

    /**
     * \brief The NT-Response of the last Write().
     * \return the 24 octets
     */
    const MsChapV2::NtResponse& GetNtResponse() const;

    /**
     * \brief The authenticator response of the last Write().
     * \return the 20 octets behind "S="
     */
    const MsChapV2::AuthenticatorResponse& GetAuthenticatorResponse() const;

    /**
     * \brief The MPPE start key a side sends with (last Write()).
     * \param side CLIENT or SERVER
     * \return the key
     */
    MppeKey GetSendStartKey(MppeSide side) const;

  private:
    /// Who sends.
    using Direction = PptpPcapSessionWriter::Direction;

    /// The GRE state of one sender.
    struct GreSender
    {
        uint16_t peerCallId{0};   //!< Call ID in the packets this side sends
        uint32_t nextSequence{0}; //!< sequence number of the next packet with payload
        bool received{false};     //!< a packet with payload came from the peer
        uint32_t lastReceived{0}; //!< highest sequence number received from the peer
        bool pendingAck{false};   //!< lastReceived has not been acknowledged yet
    };

    /**
     * \brief Writes one control message as a TCP segment, acknowledged by the peer.
     * \param direction who sends it
     * \param message the message
     * \param what the step's name
     */
    void Control(Direction direction, const PptpControlMessage& message, const char* what);

    /**
     * \brief Frames a PPP payload and sends it in a GRE packet.
     * \param direction who sends it
     * \param protocol the PPP protocol number
     * \param payload the PPP information field; receives the headers
     * \param what the step's name
     */
    void Ppp(Direction direction, uint16_t protocol, Ptr<Packet> payload, const char* what);

    /**
     * \brief Frames an LCP, IPCP or CCP packet and sends it in a GRE packet.
     * \param direction who sends it
     * \param packet the packet; Ppp() is given its protocol
     * \param what the step's name
     */
    void PppControl(Direction direction, const PppControlPacket& packet, const char* what);

    /**
     * \brief A Configure exchange in which each side's request is acknowledged as it is: the
     * client's Configure-Request, the server's, then the server's and the client's Ack.
     * \param protocol LCP, IPCP or CCP
     * \param clientOptions what the client requests
     * \param serverOptions what the server requests
     * \param requestWhat the step name of a Configure-Request
     * \param ackWhat the step name of a Configure-Ack
     */
    void ConfigureBothWays(uint16_t protocol,
                           const std::vector<PppOption>& clientOptions,
                           const std::vector<PppOption>& serverOptions,
                           const char* requestWhat,
                           const char* ackWhat);

    /**
     * \brief Sends a GRE packet without payload that acknowledges what the side received.
     * \param direction who sends it
     */
    void GreAck(Direction direction);

    /**
     * \brief Writes a GRE packet with sequence number and piggy-backed acknowledgment.
     * \param direction who sends it
     * \param ppp the PPP frame; receives the GRE header
     */
    void Gre(Direction direction, Ptr<Packet> ppp);

    /**
     * \brief An ICMP echo request or reply inside IPv4, as the tunnel carries it.
     * \param request an echo request from the client, or the server's reply
     * \param sequence the echo sequence number
     * \return the IPv4 packet
     */
    Ptr<Packet> MakeEcho(bool request, uint16_t sequence) const;

    /**
     * \brief Records a step at the frame written next.
     * \param direction who sends it
     * \param what the step's name
     */
    void Step(Direction direction, const char* what);

    std::string m_user;                                      //!< MS-CHAPv2 user name
    std::string m_password;                                  //!< MS-CHAPv2 password
    MsChapV2::Challenge m_authenticatorChallenge;            //!< server's challenge
    MsChapV2::Challenge m_peerChallenge;                     //!< client's challenge
    uint32_t m_dataPackets;                                  //!< MPPE data packets to send
    MppeStrength m_strength;                                 //!< MPPE key strength
    bool m_stateless;                                        //!< stateless MPPE
    Ipv4Address m_clientPublic;                              //!< client's public address
    Ipv4Address m_serverPublic;                              //!< server's public address
    Ipv4Address m_serverTunnel;                              //!< server's tunnel address
    Ipv4Address m_clientTunnel;                              //!< address assigned to the client
    Ipv4Address m_dns;                                       //!< announced DNS server
    PptpPcapSessionWriter m_writer;                          //!< the output
    GreSender m_client;                                      //!< client's GRE state
    GreSender m_server;                                      //!< server's GRE state
    bool m_compressed;                                       //!< PFC and ACFC are in force
    MsChapV2::NtResponse m_ntResponse;                       //!< computed NT-Response
    MsChapV2::AuthenticatorResponse m_authenticatorResponse; //!< computed "S=" digest
    MppeKey m_clientSendKey;                                 //!< client's send start key
    MppeKey m_serverSendKey;                                 //!< server's send start key
    std::vector<PptpSyntheticSessionStep> m_steps;           //!< what was written
};

} // namespace ns3

#endif /* PPTP_SYNTHETIC_SESSION_H */
