/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef GRE_L4_PROTOCOL_H
#define GRE_L4_PROTOCOL_H

#include "gre-drop-reason.h"
#include "gre-header.h"
#include "gre-session.h"

#include "ns3/ip-l4-protocol.h"
#include "ns3/ipv4-address.h"
#include "ns3/node.h"
#include "ns3/object-factory.h"
#include "ns3/traced-callback.h"

#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief IP protocol 47 (GRE) in a node's IPv4 stack, carrying the PPTP data channel
 * (\RFC{2637} s.4).
 *
 * Aggregate it to a node that has an Ipv4 (as UdpL4Protocol is): it registers itself with
 * Ipv4::Insert and sends through Ipv4::Send. Each PPTP call has a GreSession, made with
 * CreateSession(). A received packet's Enhanced GRE header carries the receiver's Call ID
 * (the sender puts its peer's Call ID in the Key, s.4.1), so a packet is given to the
 * session with that local Call ID and the packet's source as peer address.
 *
 * A received packet is dropped, counted and traced ("Drop") when its header does not decode
 * (truncated, version not 1, protocol not 0x880B, wrong flag bits, a payload length without
 * the S bit), when its payload length differs from the bytes after the header, or when no
 * session has its Call ID and source; no ICMP error is sent for it (Linux and FreeBSD send
 * none either).
 */
class GreL4Protocol : public IpL4Protocol
{
  public:
    /// The IP protocol number of GRE.
    static const uint8_t PROT_NUMBER;

    /**
     * \brief TracedCallback signature of a received packet dropped.
     * \param packet the packet as received (GRE header included)
     * \param reason why
     */
    typedef void (*DropTracedCallback)(Ptr<const Packet> packet, GreDropReason reason);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /**
     * \brief A protocol not yet aggregated to a node.
     */
    GreL4Protocol();
    ~GreL4Protocol() override;

    /**
     * \brief Set the node (done by NotifyNewAggregate when aggregated).
     * \param node the node
     */
    void SetNode(Ptr<Node> node);

    /**
     * \brief Set an Attribute of the sessions CreateSession() makes from now on.
     * \param name the GreSession Attribute name, e.g. "Profile"
     * \param value its value
     */
    void SetSessionAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \brief Make the GRE session of a call.
     * \param local this node's address (source of the GRE packets)
     * \param peer the peer's address
     * \param localCallId the Call ID this node assigned (packets from the peer carry it)
     * \param peerCallId the Call ID the peer assigned (packets to the peer carry it)
     * \return the session; null if one with this peer and local Call ID exists already
     */
    Ptr<GreSession> CreateSession(Ipv4Address local,
                                  Ipv4Address peer,
                                  uint16_t localCallId,
                                  uint16_t peerCallId);

    /**
     * \brief Make the GRE session of a call with a given factory (the Attributes of the
     * application that owns the call), instead of the protocol's own.
     * \param factory makes the session (its TypeId must be GreSession or a subclass)
     * \param local this node's address (source of the GRE packets)
     * \param peer the peer's address
     * \param localCallId the Call ID this node assigned (packets from the peer carry it)
     * \param peerCallId the Call ID the peer assigned (packets to the peer carry it)
     * \return the session; null if one with this peer and local Call ID exists already
     */
    Ptr<GreSession> CreateSession(const ObjectFactory& factory,
                                  Ipv4Address local,
                                  Ipv4Address peer,
                                  uint16_t localCallId,
                                  uint16_t peerCallId);

    /**
     * \brief Find a session.
     * \param peer the peer's address
     * \param localCallId the Call ID this node assigned
     * \return the session, or null
     */
    Ptr<GreSession> FindSession(Ipv4Address peer, uint16_t localCallId) const;

    /**
     * \brief Close and forget a session; later packets for it are UNKNOWN_CALL_ID.
     * \param peer the peer's address
     * \param localCallId the Call ID this node assigned
     * \return true if the session existed
     */
    bool RemoveSession(Ipv4Address peer, uint16_t localCallId);

    /**
     * \brief Number of sessions.
     * \return how many
     */
    uint32_t GetNSessions() const;

    /**
     * \brief Received packets dropped for one reason.
     * \param reason the reason
     * \return the count
     */
    uint64_t GetDropCount(GreDropReason reason) const;

    /**
     * \brief Received packets handed to a session.
     * \return the count
     */
    uint64_t GetReceivedPackets() const;

    /**
     * \brief Packets sent to the IPv4 layer.
     * \return the count
     */
    uint64_t GetSentPackets() const;

    int GetProtocolNumber() const override;
    enum IpL4Protocol::RxStatus Receive(Ptr<Packet> p,
                                        const Ipv4Header& header,
                                        Ptr<Ipv4Interface> incomingInterface) override;
    enum IpL4Protocol::RxStatus Receive(Ptr<Packet> p,
                                        const Ipv6Header& header,
                                        Ptr<Ipv6Interface> incomingInterface) override;
    void SetDownTarget(IpL4Protocol::DownTargetCallback cb) override;
    void SetDownTarget6(IpL4Protocol::DownTargetCallback6 cb) override;
    IpL4Protocol::DownTargetCallback GetDownTarget() const override;
    IpL4Protocol::DownTargetCallback6 GetDownTarget6() const override;

  protected:
    void DoDispose() override;
    void NotifyNewAggregate() override;

  private:
    /**
     * \brief Key of a session: peer address and local Call ID.
     * \param peer the peer's address
     * \param localCallId the local Call ID
     * \return the key
     */
    static uint64_t Key(Ipv4Address peer, uint16_t localCallId);

    /**
     * \brief Put a session's GRE packet on the wire (the sessions' TransmitCallback).
     * \param payload the PPP frame (empty for an ack-only packet)
     * \param header the GRE header
     * \param source this node's address
     * \param destination the peer's address
     */
    void SendFromSession(Ptr<Packet> payload,
                         const GreHeader& header,
                         Ipv4Address source,
                         Ipv4Address destination);

    /**
     * \brief Count, trace and log a received packet that is dropped.
     * \param packet the packet as received
     * \param reason why
     * \return the status for Ipv4L3Protocol (no ICMP error)
     */
    enum IpL4Protocol::RxStatus Drop(Ptr<const Packet> packet, GreDropReason reason);

    Ptr<Node> m_node;                                             //!< the node
    IpL4Protocol::DownTargetCallback m_downTarget;                //!< Ipv4::Send
    IpL4Protocol::DownTargetCallback6 m_downTarget6;              //!< unused (IPv4 only)
    ObjectFactory m_sessionFactory;                               //!< makes GreSessions
    std::unordered_map<uint64_t, Ptr<GreSession>> m_sessions;     //!< by Key()
    std::array<uint64_t, GRE_DROP_REASON_COUNT> m_drops;          //!< drops per reason
    uint64_t m_received;                                          //!< packets given to sessions
    uint64_t m_sent;                                              //!< packets sent
    TracedCallback<Ptr<const Packet>, GreDropReason> m_dropTrace; //!< drops
};

} // namespace ns3

#endif /* GRE_L4_PROTOCOL_H */
