/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_NET_DEVICE_H
#define PPTP_NET_DEVICE_H

#include "mppe-channel.h"

#include "ns3/address.h"
#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/mac48-address.h"
#include "ns3/net-device.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/ptr.h"
#include "ns3/queue.h"
#include "ns3/traced-callback.h"

#include <array>
#include <cstdint>

namespace ns3
{

class NetDeviceQueueInterface;
class PppFrameHeader;

/**
 * \ingroup pptp
 * \brief The ppp0 interface of one end of a PPTP tunnel: a virtual NetDevice whose
 * link layer is PPP (\RFC{1661}) carried in the tunnel's Enhanced GRE session
 * (\RFC{2637} s.4).
 *
 * IPv4 packets routed to the device are framed as PPP protocol 0x0021
 * (PppFrameHeader; Address/Control and the protocol field compressed or not as
 * the AddressCompression / ProtocolCompression Attributes say) and handed to the
 * tunnel through the callback set with SetTunnelSendCallback(). The device does not
 * know the GRE session: whoever builds the tunnel connects the two with callbacks
 * (the session's receive callback calls Receive()).
 *
 * Transmission: Send() puts the framed packet in the device's transmit queue
 * (TxQueue, a DropTailQueue of 100 packets unless set; a full queue drops with
 * reason QUEUE_FULL) and the queue is drained into the tunnel at once. When the
 * tunnel refuses a frame (its send callback returns false: the session's window
 * is closed and its own bounded queue is full), the frame is dropped with reason
 * TUNNEL_REFUSED, unless HoldWhenRefused is true: then the frame is kept, the
 * device stops draining its queue (and, through the NetDeviceQueueInterface
 * aggregated to it, stops the traffic-control layer above when the queue fills)
 * until the tunnel calls NotifyTunnelReady(). Holding needs that call from the
 * tunnel, so it is off by default.
 *
 * Reception: Receive() decodes the PPP header strictly. IPv4 (0x0021) goes up
 * the stack as protocol 0x0800, PACKET_HOST, while the link is up; every other
 * valid protocol goes to the PPP control callback (LCP, authentication, CCP, IPCP
 * and compressed datagrams are the PPP layer's business) and, without one, is
 * dropped with reason UNSUPPORTED_PROTOCOL. A frame that does not decode is
 * dropped with reason MALFORMED_FRAME. An IPv4 datagram goes up only when its
 * header is sound (at least 20 octets, version 4, IHL of 5 or more within the
 * datagram, a Total Length from the IHL up to the octets present): ns-3's IPv4
 * reads the header without checking it against the bytes present, so anything
 * else is dropped with reason MALFORMED_IPV4. Every drop is counted, traced with its
 * reason ("Drop") and in the usual MacTxDrop / MacRxDrop sources.
 *
 * Encryption (MPPE, \RFC{3078}): the PPP layer sets an MppeChannel with SetMppeChannel()
 * once CCP has agreed on MPPE and starts it. While a started channel is set:
 * - an IPv4 packet given to Send() becomes the inner frame PppFrameHeader(IPV4) without
 *   Address and Control, its protocol field one octet when ProtocolCompression is on; the
 *   channel encrypts it (MppeChannel::EncryptDatagram(), the same as Encrypt() of that
 *   frame) and the result is framed as protocol 0x00FD with the usual Address/Control and
 *   protocol field compression (0x00FD is below 0x100, so PFC applies to it);
 * - a received 0x00FD frame is decrypted: when the channel drops it the frame is dropped
 *   with reason DECRYPT_FAILED (the channel's "Drop" trace has the precise reason); the
 *   inner frame's protocol field (one or two octets, never Address/Control) is decoded, a
 *   field that is not a valid protocol is MALFORMED_FRAME, IPv4 goes up as plain IPv4 does
 *   (link up, sound header), any other protocol is dropped with UNSUPPORTED_PROTOCOL
 *   (only datagrams are encrypted);
 * - a received plain IPv4 frame (0x0021) is dropped with reason UNENCRYPTED: once MPPE is
 *   negotiated the peer encrypts every datagram (\RFC{3078} s.3; pppd's require-mppe drops
 *   plain ones too).
 * Frames sent with SendPppFrame() (LCP, CCP, ...) are never encrypted. Without a channel,
 * or while it is not started, a received 0x00FD frame goes to the PPP control callback
 * (the PPP layer discards it: no compressed datagram may come before CCP is opened,
 * \RFC{1962} s.2.1, \RFC{3078} s.3).
 * The MTU stays the Mtu Attribute: the PPP layer lowers it by the 4 octets MPPE adds (the
 * MPPE header and the inner protocol field), as Linux does.
 *
 * The Sniffer and PromiscSniffer sources carry the PPP frames exactly as given
 * to / taken from the tunnel (encrypted, when MPPE is on), so a pcap of them is DLT_PPP
 * (see PptpNetDeviceHelper::EnablePcap).
 *
 * The link is down when the device is created: the tunnel owner calls
 * SetLinkUp() once the call (and later PPP's network phase) is up. PPP
 * frames other than IPv4 pass in both directions while the link is down.
 *
 * Limitation: the device has no Channel (the tunnel is not a link the
 * simulator can see), and ns-3's GlobalRouter dereferences the channel of
 * every point-to-point IPv4 interface that is up. So
 * Ipv4GlobalRoutingHelper::PopulateRoutingTables() / RecomputeRoutingTables()
 * must run before any tunnel interface is up; routes through the tunnel are
 * static (see pptp-tunnel-routes.h).
 */
class PptpNetDevice : public NetDevice
{
  public:
    /**
     * \ingroup pptp
     * \brief Why the device dropped a packet.
     */
    enum DropReason : uint8_t
    {
        QUEUE_FULL = 0,       //!< the transmit queue was full
        TUNNEL_REFUSED,       //!< the tunnel's send callback returned false
        NO_TUNNEL,            //!< no tunnel send callback is set
        LINK_DOWN,            //!< IPv4 sent or received while the link is down
        PACKET_TOO_BIG,       //!< an IPv4 packet larger than the MTU was given to Send()
        UNSUPPORTED_SEND,     //!< Send() with a protocol other than IPv4 (0x0800)
        MALFORMED_FRAME,      //!< a received frame whose PPP header does not decode
        UNSUPPORTED_PROTOCOL, //!< a received valid non-IPv4 protocol and no control callback
        MALFORMED_IPV4,       //!< a received IPv4 frame whose datagram header is not sound
        DECRYPT_FAILED,       //!< a received 0x00FD frame the MPPE channel dropped
        UNENCRYPTED,          //!< a received plain IPv4 frame while MPPE is on
        DROP_REASON_COUNT,    //!< number of reasons (not a reason)
    };

    /**
     * \brief The name of a drop reason, e.g. "QUEUE_FULL".
     * \param reason the reason
     * \return a static string; never null
     */
    static const char* DropReasonName(DropReason reason);

    /**
     * \brief Signature of the "Drop" trace source.
     * \param packet the dropped packet (an IPv4 packet on the way out, the PPP frame on
     * the way in; the decrypted inner frame for drops after decryption)
     * \param reason why it was dropped
     */
    typedef void (*DropTracedCallback)(Ptr<const Packet> packet, DropReason reason);

    /**
     * \brief The tunnel's send function: takes one PPP frame, returns false when it
     * refuses it.
     */
    typedef Callback<bool, Ptr<Packet>> TunnelSendCallback;
    /**
     * \brief Receives PPP frames of protocols other than IPv4: the protocol number and
     * the payload without the PPP header.
     */
    typedef Callback<void, uint16_t, Ptr<Packet>> PppControlCallback;

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /**
     * \brief A device with its link down, no tunnel and no node.
     */
    PptpNetDevice();
    ~PptpNetDevice() override;

    /**
     * \brief Set the function that carries PPP frames into the tunnel (e.g. GreSession::Send).
     * \param callback the function
     */
    void SetTunnelSendCallback(TunnelSendCallback callback);
    /**
     * \brief Set the receiver of non-IPv4 PPP frames (the PPP layer).
     * \param callback the function; a null callback makes such frames drop
     */
    void SetPppControlCallback(PppControlCallback callback);

    /**
     * \brief Set the MPPE channel that encrypts IPv4 datagrams while it is started (see the
     * class description).
     * \param channel the channel; nullptr for none
     */
    void SetMppeChannel(Ptr<MppeChannel> channel);
    /**
     * \brief The MPPE channel.
     * \return the channel set with SetMppeChannel(), or nullptr
     */
    Ptr<MppeChannel> GetMppeChannel() const;
    /**
     * \brief Whether datagrams are encrypted now: a channel is set and started.
     * \return true when MPPE is on
     */
    bool IsEncrypting() const;

    /**
     * \brief Deliver a PPP frame that came out of the tunnel (the GRE payload).
     * \param frame the frame, starting with Address/Control or the protocol field
     */
    void Receive(Ptr<Packet> frame);

    /**
     * \brief Send a PPP frame of any protocol through the queue and the tunnel (for
     * the PPP layer: LCP, authentication, CCP, IPCP, compressed datagrams).
     *
     * LCP frames always carry Address and Control (\RFC{1661} s.6.6); other
     * protocols follow the compression settings. Works while the link is down.
     * \param payload the PPP information field
     * \param protocol a valid PPP protocol number (asserted)
     * \return false when the frame was dropped
     */
    bool SendPppFrame(Ptr<Packet> payload, uint16_t protocol);

    /**
     * \brief The tunnel can take frames again: retry a held frame and drain the queue.
     * Only needed with HoldWhenRefused.
     */
    void NotifyTunnelReady();

    /**
     * \brief Bring the link up and notify the link-change callbacks.
     */
    void SetLinkUp();
    /**
     * \brief Take the link down and notify the link-change callbacks.
     */
    void SetLinkDown();

    /**
     * \brief Use a given transmit queue; only before the device is added to a node.
     * \param queue the queue
     */
    void SetQueue(Ptr<Queue<Packet>> queue);
    /**
     * \brief The transmit queue (created on first need).
     * \return the queue
     */
    Ptr<Queue<Packet>> GetQueue();

    /**
     * \brief Choose whether Address and Control are left out (ACFC in force).
     * \param compress true to leave them out
     */
    void SetAddressCompression(bool compress);
    /**
     * \brief Whether Address and Control are left out.
     * \return true when ACFC is in force
     */
    bool GetAddressCompression() const;
    /**
     * \brief Choose whether protocols below 0x100 are sent as one octet (PFC in force).
     * \param compress true to compress
     */
    void SetProtocolCompression(bool compress);
    /**
     * \brief Whether protocols below 0x100 are sent as one octet.
     * \return true when PFC is in force
     */
    bool GetProtocolCompression() const;

    /**
     * \brief How many packets were dropped for one reason.
     * \param reason the reason
     * \return the count
     */
    uint64_t GetDropCount(DropReason reason) const;
    /**
     * \brief How many PPP frames went into the tunnel.
     * \return the count
     */
    uint64_t GetFramesSent() const;
    /**
     * \brief How many PPP frames came out of the tunnel and were accepted.
     * \return the count
     */
    uint64_t GetFramesReceived() const;

    // NetDevice
    void SetIfIndex(const uint32_t index) override;
    uint32_t GetIfIndex() const override;
    Ptr<Channel> GetChannel() const override;
    void SetAddress(Address address) override;
    Address GetAddress() const override;
    bool SetMtu(const uint16_t mtu) override;
    uint16_t GetMtu() const override;
    bool IsLinkUp() const override;
    void AddLinkChangeCallback(Callback<void> callback) override;
    bool IsBroadcast() const override;
    Address GetBroadcast() const override;
    bool IsMulticast() const override;
    Address GetMulticast(Ipv4Address multicastGroup) const override;
    Address GetMulticast(Ipv6Address addr) const override;
    bool IsBridge() const override;
    bool IsPointToPoint() const override;
    bool Send(Ptr<Packet> packet, const Address& dest, uint16_t protocolNumber) override;
    bool SendFrom(Ptr<Packet> packet,
                  const Address& source,
                  const Address& dest,
                  uint16_t protocolNumber) override;
    Ptr<Node> GetNode() const override;
    void SetNode(Ptr<Node> node) override;
    bool NeedsArp() const override;
    void SetReceiveCallback(NetDevice::ReceiveCallback cb) override;
    void SetPromiscReceiveCallback(NetDevice::PromiscReceiveCallback cb) override;
    bool SupportsSendFrom() const override;

    /// The IPv4 EtherType, the only protocol Send() accepts.
    static constexpr uint16_t IPV4_ETHERTYPE = 0x0800;
    /// Default MTU: Windows' PPTP tunnel MTU (NdisWan TunnelMTU, Microsoft KB 826159).
    static constexpr uint16_t DEFAULT_MTU = 1400;

  protected:
    void DoDispose() override;

  private:
    /**
     * \brief Record a drop: counter, "Drop" trace, log.
     * \param packet the packet
     * \param reason why
     * \param transmit true on the way into the tunnel (MacTxDrop), false on the way out
     * of it (MacRxDrop)
     */
    void Drop(Ptr<const Packet> packet, DropReason reason, bool transmit);
    /**
     * \brief Add the PPP header for a protocol as the settings say.
     * \param packet the payload, framed in place
     * \param protocol the PPP protocol number
     */
    void AddPppHeader(Ptr<Packet> packet, uint16_t protocol) const;
    /**
     * \brief Queue a framed packet and drain the queue.
     * \param frame the PPP frame
     * \return false when it was dropped (queue full, no tunnel, tunnel refused)
     */
    bool EnqueueAndTransmit(Ptr<Packet> frame);
    /**
     * \brief Hand queued frames to the tunnel until it is empty or the tunnel refuses.
     */
    void TransmitPending();
    /**
     * \brief Create the queue if needed and the NetDeviceQueueInterface that reports it.
     */
    void SetUpQueue();
    /**
     * \brief Deliver a received IPv4 datagram up the stack when the link is up and its
     * header sound.
     * \param frame the frame, starting with a PPP header (or an inner protocol field)
     * \param offset the size of that header
     */
    void DeliverIpv4(Ptr<Packet> frame, uint32_t offset);
    /**
     * \brief Decrypt a received 0x00FD frame and deliver the datagram inside.
     * \param frame the frame as received
     * \param header its decoded PPP header
     * \param consumed the size of the PPP header
     */
    void ReceiveEncrypted(Ptr<Packet> frame, const PppFrameHeader& header, uint32_t consumed);
    /**
     * \brief Change the link state and notify.
     * \param up the new state
     */
    void SetLink(bool up);

    Ptr<Node> m_node;                              //!< the node
    Mac48Address m_address;                        //!< MAC address (allocated; unused on the wire)
    uint32_t m_ifIndex;                            //!< interface index
    uint16_t m_mtu;                                //!< MTU (IPv4 packet size)
    bool m_linkUp;                                 //!< link state
    bool m_addressCompression;                     //!< ACFC in force
    bool m_protocolCompression;                    //!< PFC in force
    bool m_holdWhenRefused;                        //!< keep refused frames queued
    bool m_tunnelBlocked;                          //!< the tunnel refused and was not ready since
    bool m_inTransmit;                             //!< TransmitPending() is running
    EventId m_readyEvent;                          //!< a deferred NotifyTunnelReady()
    Ptr<Packet> m_heldFrame;                       //!< refused frame waiting for the tunnel
    Ptr<Queue<Packet>> m_queue;                    //!< transmit queue of PPP frames
    Ptr<NetDeviceQueueInterface> m_queueInterface; //!< tells traffic control about the queue
    TunnelSendCallback m_tunnelSend;               //!< into the tunnel
    PppControlCallback m_controlCallback;          //!< non-IPv4 frames up to PPP
    Ptr<MppeChannel> m_mppe;                       //!< encryption, when set and started
    NetDevice::ReceiveCallback m_rxCallback;       //!< IPv4 up the stack
    NetDevice::PromiscReceiveCallback m_promiscRxCallback; //!< promiscuous receivers
    TracedCallback<> m_linkChangeCallbacks;                //!< link state listeners
    std::array<uint64_t, DROP_REASON_COUNT> m_drops;       //!< drops by reason
    uint64_t m_framesSent;                                 //!< frames into the tunnel
    uint64_t m_framesReceived;                             //!< frames accepted from the tunnel

    TracedCallback<Ptr<const Packet>> m_macTxTrace;            //!< IPv4 packet accepted by Send
    TracedCallback<Ptr<const Packet>> m_macTxDropTrace;        //!< packet dropped on the way out
    TracedCallback<Ptr<const Packet>> m_macRxTrace;            //!< IPv4 packet delivered up
    TracedCallback<Ptr<const Packet>> m_macRxDropTrace;        //!< frame dropped on the way in
    TracedCallback<Ptr<const Packet>, DropReason> m_dropTrace; //!< every drop, with reason
    TracedCallback<Ptr<const Packet>> m_snifferTrace;          //!< PPP frames both ways
    TracedCallback<Ptr<const Packet>> m_promiscSnifferTrace;   //!< PPP frames both ways
};

} // namespace ns3

#endif /* PPTP_NET_DEVICE_H */
