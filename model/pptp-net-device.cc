/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-net-device.h"

#include "ppp-frame-header.h"

#include "ns3/assert.h"
#include "ns3/boolean.h"
#include "ns3/channel.h"
#include "ns3/drop-tail-queue.h"
#include "ns3/log.h"
#include "ns3/net-device-queue-interface.h"
#include "ns3/pointer.h"
#include "ns3/queue-size.h"
#include "ns3/simulator.h"
#include "ns3/trace-source-accessor.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PptpNetDevice");

NS_OBJECT_ENSURE_REGISTERED(PptpNetDevice);

namespace
{
/// Size of the transmit queue created when none is set (as ns-3's point-to-point helper).
const char* const DEFAULT_QUEUE_SIZE = "100p";
/// The smallest MTU an IPv4 interface may have (\RFC{791}).
constexpr uint16_t MIN_MTU = 68;
/// The size of an IPv4 header without options (\RFC{791} s.3.1).
constexpr uint32_t IPV4_MIN_HEADER = 20;
/// The longest PPP header (Address, Control and a two-octet Protocol).
constexpr uint32_t PPP_MAX_HEADER = 4;

/**
 * \brief Whether the IPv4 datagram after a PPP header can be given to ns-3's IPv4, which
 * reads its header (and, trusting Total Length, the layer above reads the payload) without
 * checking them against the bytes present.
 * \param frame the PPP frame
 * \param offset the size of its PPP header
 * \return true when the header is sound (\RFC{791} s.3.1)
 */
bool
IsSoundIpv4(Ptr<const Packet> frame, uint32_t offset)
{
    uint8_t bytes[PPP_MAX_HEADER + IPV4_MIN_HEADER];
    uint32_t size = frame->GetSize() - offset;
    if (offset > PPP_MAX_HEADER || size < IPV4_MIN_HEADER)
    {
        return false;
    }
    frame->CopyData(bytes, offset + IPV4_MIN_HEADER);
    const uint8_t* ip = bytes + offset;
    uint32_t headerLength = (ip[0] & 0x0f) * 4U;
    uint32_t totalLength = (uint32_t(ip[2]) << 8) | ip[3];
    // Total Length below the size present is link padding, which IPv4 trims.
    return (ip[0] >> 4) == 4 && headerLength >= IPV4_MIN_HEADER && headerLength <= size
           && totalLength >= headerLength && totalLength <= size;
}
} // namespace

const char*
PptpNetDevice::DropReasonName(DropReason reason)
{
    switch (reason)
    {
        case QUEUE_FULL:
            return "QUEUE_FULL";
        case TUNNEL_REFUSED:
            return "TUNNEL_REFUSED";
        case NO_TUNNEL:
            return "NO_TUNNEL";
        case LINK_DOWN:
            return "LINK_DOWN";
        case PACKET_TOO_BIG:
            return "PACKET_TOO_BIG";
        case UNSUPPORTED_SEND:
            return "UNSUPPORTED_SEND";
        case MALFORMED_FRAME:
            return "MALFORMED_FRAME";
        case UNSUPPORTED_PROTOCOL:
            return "UNSUPPORTED_PROTOCOL";
        case MALFORMED_IPV4:
            return "MALFORMED_IPV4";
        case DECRYPT_FAILED:
            return "DECRYPT_FAILED";
        case UNENCRYPTED:
            return "UNENCRYPTED";
        case DROP_REASON_COUNT:
            break;
    }
    return "unknown";
}

TypeId
PptpNetDevice::GetTypeId()
{
    static TypeId tid
        = TypeId("ns3::PptpNetDevice")
              .SetParent<NetDevice>()
              .SetGroupName("Pptp")
              .AddConstructor<PptpNetDevice>()
              .AddAttribute("Mtu",
                            "The largest IPv4 packet the interface sends (the PPP information "
                            "field). The default, 1400, is Windows' PPTP tunnel MTU (NdisWan "
                            "TunnelMTU, Microsoft KB 826159); accel-ppp caps PPTP at 1436.",
                            UintegerValue(DEFAULT_MTU),
                            MakeUintegerAccessor(&PptpNetDevice::SetMtu, &PptpNetDevice::GetMtu),
                            MakeUintegerChecker<uint16_t>(MIN_MTU))
              .AddAttribute("TxQueue",
                            "The transmit queue of PPP frames; a DropTailQueue of 100 packets "
                            "when not set. Set it before the device is added to a node.",
                            PointerValue(),
                            MakePointerAccessor(&PptpNetDevice::m_queue),
                            MakePointerChecker<Queue<Packet>>())
              .AddAttribute("AddressCompression",
                            "Leave out the PPP Address and Control octets (ACFC, RFC 1661 "
                            "s.6.6); off until LCP negotiates it. LCP frames always carry them.",
                            BooleanValue(false),
                            MakeBooleanAccessor(&PptpNetDevice::m_addressCompression),
                            MakeBooleanChecker())
              .AddAttribute("ProtocolCompression",
                            "Send PPP protocols below 0x100 as one octet (PFC, RFC 1661 s.6.5); "
                            "off until LCP negotiates it.",
                            BooleanValue(false),
                            MakeBooleanAccessor(&PptpNetDevice::m_protocolCompression),
                            MakeBooleanChecker())
              .AddAttribute("HoldWhenRefused",
                            "Keep a frame the tunnel refuses and stop sending until the tunnel "
                            "calls NotifyTunnelReady(); when false the frame is dropped "
                            "(TUNNEL_REFUSED).",
                            BooleanValue(false),
                            MakeBooleanAccessor(&PptpNetDevice::m_holdWhenRefused),
                            MakeBooleanChecker())
              .AddTraceSource("MacTx",
                              "An IPv4 packet accepted by Send(), before PPP framing.",
                              MakeTraceSourceAccessor(&PptpNetDevice::m_macTxTrace),
                              "ns3::Packet::TracedCallback")
              .AddTraceSource("MacTxDrop",
                              "A packet or frame dropped on the way into the tunnel.",
                              MakeTraceSourceAccessor(&PptpNetDevice::m_macTxDropTrace),
                              "ns3::Packet::TracedCallback")
              .AddTraceSource("MacRx",
                              "An IPv4 packet delivered up the stack, without its PPP header.",
                              MakeTraceSourceAccessor(&PptpNetDevice::m_macRxTrace),
                              "ns3::Packet::TracedCallback")
              .AddTraceSource("MacRxDrop",
                              "A frame from the tunnel that was dropped.",
                              MakeTraceSourceAccessor(&PptpNetDevice::m_macRxDropTrace),
                              "ns3::Packet::TracedCallback")
              .AddTraceSource("Drop",
                              "Every drop, in either direction, with its reason.",
                              MakeTraceSourceAccessor(&PptpNetDevice::m_dropTrace),
                              "ns3::PptpNetDevice::DropTracedCallback")
              .AddTraceSource(
                  "Sniffer",
                  "PPP frames as handed to the tunnel (also those it refuses, as a capture on a "
                  "real ppp0 sees them) and as taken from it (DLT_PPP).",
                  MakeTraceSourceAccessor(&PptpNetDevice::m_snifferTrace),
                  "ns3::Packet::TracedCallback")
              .AddTraceSource(
                  "PromiscSniffer",
                  "PPP frames as handed to the tunnel (also those it refuses, as a capture on a "
                  "real ppp0 sees them) and as taken from it (DLT_PPP).",
                  MakeTraceSourceAccessor(&PptpNetDevice::m_promiscSnifferTrace),
                  "ns3::Packet::TracedCallback");
    return tid;
}

PptpNetDevice::PptpNetDevice()
    : m_address(Mac48Address::Allocate())
    , m_ifIndex(0)
    , m_mtu(DEFAULT_MTU)
    , m_linkUp(false)
    , m_addressCompression(false)
    , m_protocolCompression(false)
    , m_holdWhenRefused(false)
    , m_tunnelBlocked(false)
    , m_inTransmit(false)
    , m_drops{}
    , m_framesSent(0)
    , m_framesReceived(0)
{
    NS_LOG_FUNCTION(this);
}

PptpNetDevice::~PptpNetDevice()
{
    NS_LOG_FUNCTION(this);
}

void
PptpNetDevice::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_readyEvent.Cancel();
    m_node = nullptr;
    m_heldFrame = nullptr;
    m_queue = nullptr;
    m_queueInterface = nullptr;
    m_tunnelSend = TunnelSendCallback();
    m_controlCallback = PppControlCallback();
    m_mppe = nullptr;
    m_rxCallback = NetDevice::ReceiveCallback();
    m_promiscRxCallback = NetDevice::PromiscReceiveCallback();
    NetDevice::DoDispose();
}

void
PptpNetDevice::SetTunnelSendCallback(TunnelSendCallback callback)
{
    NS_LOG_FUNCTION(this);
    m_tunnelSend = callback;
}

void
PptpNetDevice::SetPppControlCallback(PppControlCallback callback)
{
    NS_LOG_FUNCTION(this);
    m_controlCallback = callback;
}

void
PptpNetDevice::SetMppeChannel(Ptr<MppeChannel> channel)
{
    NS_LOG_FUNCTION(this << channel);
    m_mppe = channel;
}

Ptr<MppeChannel>
PptpNetDevice::GetMppeChannel() const
{
    return m_mppe;
}

bool
PptpNetDevice::IsEncrypting() const
{
    return m_mppe && m_mppe->IsStarted();
}

void
PptpNetDevice::SetUpQueue()
{
    if (!m_queue)
    {
        m_queue = CreateObject<DropTailQueue<Packet>>();
        m_queue->SetMaxSize(QueueSize(DEFAULT_QUEUE_SIZE));
    }
    if (!m_queueInterface && m_node)
    {
        // Lets the traffic-control layer stop feeding the device while its queue is full
        // (only happens when frames are held for the tunnel), as ns-3's own devices do.
        m_queueInterface = CreateObject<NetDeviceQueueInterface>();
        AggregateObject(m_queueInterface);
        m_queueInterface->GetTxQueue(0)->ConnectQueueTraces(m_queue);
    }
}

void
PptpNetDevice::SetQueue(Ptr<Queue<Packet>> queue)
{
    NS_LOG_FUNCTION(this << queue);
    NS_ASSERT_MSG(!m_queueInterface, "set the queue before adding the device to a node");
    m_queue = queue;
}

Ptr<Queue<Packet>>
PptpNetDevice::GetQueue()
{
    SetUpQueue();
    return m_queue;
}

void
PptpNetDevice::SetAddressCompression(bool compress)
{
    m_addressCompression = compress;
}

bool
PptpNetDevice::GetAddressCompression() const
{
    return m_addressCompression;
}

void
PptpNetDevice::SetProtocolCompression(bool compress)
{
    m_protocolCompression = compress;
}

bool
PptpNetDevice::GetProtocolCompression() const
{
    return m_protocolCompression;
}

uint64_t
PptpNetDevice::GetDropCount(DropReason reason) const
{
    return reason < DROP_REASON_COUNT ? m_drops[reason] : 0;
}

uint64_t
PptpNetDevice::GetFramesSent() const
{
    return m_framesSent;
}

uint64_t
PptpNetDevice::GetFramesReceived() const
{
    return m_framesReceived;
}

void
PptpNetDevice::Drop(Ptr<const Packet> packet, DropReason reason, bool transmit)
{
    NS_LOG_FUNCTION(this << packet << DropReasonName(reason) << transmit);
    NS_LOG_LOGIC("drop (" << DropReasonName(reason) << ") of " << packet->GetSize()
                          << " bytes on the way " << (transmit ? "out" : "in"));
    ++m_drops[reason];
    if (transmit)
    {
        m_macTxDropTrace(packet);
    }
    else
    {
        m_macRxDropTrace(packet);
    }
    m_dropTrace(packet, reason);
}

void
PptpNetDevice::AddPppHeader(Ptr<Packet> packet, uint16_t protocol) const
{
    PppFrameHeader header(protocol);
    // RFC 1661 s.6.6: LCP packets always carry Address and Control.
    header.SetAddressControl(!m_addressCompression || protocol == PppProtocol::LCP);
    header.SetProtocolCompression(m_protocolCompression);
    packet->AddHeader(header);
}

bool
PptpNetDevice::Send(Ptr<Packet> packet, const Address& dest, uint16_t protocolNumber)
{
    NS_LOG_FUNCTION(this << packet << dest << protocolNumber);
    if (protocolNumber != IPV4_ETHERTYPE)
    {
        Drop(packet, UNSUPPORTED_SEND, true);
        return false;
    }
    if (!m_linkUp)
    {
        Drop(packet, LINK_DOWN, true);
        return false;
    }
    if (packet->GetSize() > m_mtu)
    {
        Drop(packet, PACKET_TOO_BIG, true);
        return false;
    }
    m_macTxTrace(packet);
    if (IsEncrypting())
    {
        // The inner frame never carries Address and Control (RFC 3078 s.3: the MPPE
        // datagram starts with the protocol field).
        Ptr<Packet> frame
            = m_mppe->EncryptDatagram(packet, PppProtocol::IPV4, m_protocolCompression);
        AddPppHeader(frame, PppProtocol::COMPRESSED_DATAGRAM);
        return EnqueueAndTransmit(frame);
    }
    AddPppHeader(packet, PppProtocol::IPV4);
    return EnqueueAndTransmit(packet);
}

bool
PptpNetDevice::SendPppFrame(Ptr<Packet> payload, uint16_t protocol)
{
    NS_LOG_FUNCTION(this << payload << protocol);
    AddPppHeader(payload, protocol);
    return EnqueueAndTransmit(payload);
}

bool
PptpNetDevice::EnqueueAndTransmit(Ptr<Packet> frame)
{
    SetUpQueue();
    if (!m_queue->Enqueue(frame))
    {
        Drop(frame, QUEUE_FULL, true);
        return false;
    }
    // The drain is synchronous: a frame is refused (and dropped) before Send() returns,
    // unless it is held.
    uint64_t refusedBefore = m_drops[TUNNEL_REFUSED] + m_drops[NO_TUNNEL];
    TransmitPending();
    return m_drops[TUNNEL_REFUSED] + m_drops[NO_TUNNEL] == refusedBefore;
}

void
PptpNetDevice::TransmitPending()
{
    NS_LOG_FUNCTION(this);
    // Dequeueing can wake the traffic-control layer, which calls Send() again: the
    // outer loop sends what it queues, in order.
    if (m_inTransmit)
    {
        return;
    }
    m_inTransmit = true;
    while (!m_tunnelBlocked)
    {
        Ptr<Packet> frame = m_heldFrame;
        bool retry = static_cast<bool>(frame);
        if (retry)
        {
            m_heldFrame = nullptr;
        }
        else
        {
            frame = m_queue->Dequeue();
            if (!frame)
            {
                break;
            }
        }
        if (m_tunnelSend.IsNull())
        {
            Drop(frame, NO_TUNNEL, true);
            continue;
        }
        if (!retry)
        {
            // As a capture on a real ppp0: the frame is seen when it is handed on.
            m_snifferTrace(frame);
            m_promiscSnifferTrace(frame);
        }
        if (m_tunnelSend(frame))
        {
            ++m_framesSent;
            continue;
        }
        if (m_holdWhenRefused)
        {
            NS_LOG_LOGIC("tunnel refused a frame: holding it");
            m_heldFrame = frame;
            m_tunnelBlocked = true;
            break;
        }
        Drop(frame, TUNNEL_REFUSED, true);
    }
    m_inTransmit = false;
}

void
PptpNetDevice::NotifyTunnelReady()
{
    NS_LOG_FUNCTION(this);
    if (m_inTransmit)
    {
        // Called from inside the tunnel's send: finish that call first.
        if (!m_readyEvent.IsRunning())
        {
            m_readyEvent = Simulator::ScheduleNow(&PptpNetDevice::NotifyTunnelReady, this);
        }
        return;
    }
    m_tunnelBlocked = false;
    if (m_queue || m_heldFrame)
    {
        SetUpQueue();
        TransmitPending();
    }
}

void
PptpNetDevice::Receive(Ptr<Packet> frame)
{
    NS_LOG_FUNCTION(this << frame);
    m_snifferTrace(frame);
    m_promiscSnifferTrace(frame);
    PppFrameHeader header;
    uint32_t consumed = frame->PeekHeader(header);
    if (consumed == 0 || header.GetError() != WireError::NONE)
    {
        NS_LOG_LOGIC("malformed PPP frame: " << header.GetError());
        Drop(frame, MALFORMED_FRAME, false);
        return;
    }
    uint16_t protocol = header.GetProtocol();
    if (protocol == PppProtocol::IPV4)
    {
        if (IsEncrypting())
        {
            Drop(frame, UNENCRYPTED, false);
            return;
        }
        DeliverIpv4(frame, consumed);
        return;
    }
    if (protocol == PppProtocol::COMPRESSED_DATAGRAM && IsEncrypting())
    {
        ReceiveEncrypted(frame, header, consumed);
        return;
    }
    if (m_controlCallback.IsNull())
    {
        Drop(frame, UNSUPPORTED_PROTOCOL, false);
        return;
    }
    frame->RemoveAtStart(consumed);
    ++m_framesReceived;
    m_controlCallback(protocol, frame);
}

void
PptpNetDevice::ReceiveEncrypted(Ptr<Packet> frame, const PppFrameHeader& header, uint32_t consumed)
{
    NS_LOG_FUNCTION(this << frame << consumed);
    frame->RemoveAtStart(consumed);
    Ptr<Packet> inner = m_mppe->Decrypt(frame);
    if (!inner)
    {
        // The traces show the frame as received.
        Ptr<Packet> dropped = frame->Copy();
        dropped->AddHeader(header);
        Drop(dropped, DECRYPT_FAILED, false);
        return;
    }
    // The inner protocol field (RFC 1661 s.2): one octet when its first octet is odd (PFC),
    // else two whose second is odd; no Address and Control.
    uint8_t field[2];
    uint32_t present = inner->CopyData(field, 2);
    uint16_t protocol = 0;
    uint32_t fieldLength = 0;
    if (present >= 1 && (field[0] & 1) != 0)
    {
        protocol = field[0];
        fieldLength = 1;
    }
    else if (present == 2 && (field[1] & 1) != 0)
    {
        protocol = static_cast<uint16_t>(field[0] << 8 | field[1]);
        fieldLength = 2;
    }
    if (fieldLength == 0)
    {
        NS_LOG_LOGIC("decrypted frame without a valid protocol field");
        Drop(inner, MALFORMED_FRAME, false);
        return;
    }
    if (protocol != PppProtocol::IPV4)
    {
        NS_LOG_LOGIC("encrypted frame of protocol " << protocol);
        Drop(inner, UNSUPPORTED_PROTOCOL, false);
        return;
    }
    DeliverIpv4(inner, fieldLength);
}

void
PptpNetDevice::DeliverIpv4(Ptr<Packet> frame, uint32_t consumed)
{
    if (!m_linkUp)
    {
        Drop(frame, LINK_DOWN, false);
        return;
    }
    if (!IsSoundIpv4(frame, consumed))
    {
        NS_LOG_LOGIC("IPv4 datagram with an unsound header");
        Drop(frame, MALFORMED_IPV4, false);
        return;
    }
    frame->RemoveAtStart(consumed);
    ++m_framesReceived;
    m_macRxTrace(frame);
    if (!m_promiscRxCallback.IsNull())
    {
        m_promiscRxCallback(
            this, frame, IPV4_ETHERTYPE, m_address, m_address, NetDevice::PACKET_HOST);
    }
    if (!m_rxCallback.IsNull())
    {
        m_rxCallback(this, frame, IPV4_ETHERTYPE, m_address);
    }
}

void
PptpNetDevice::SetLinkUp()
{
    SetLink(true);
}

void
PptpNetDevice::SetLinkDown()
{
    SetLink(false);
}

void
PptpNetDevice::SetLink(bool up)
{
    NS_LOG_FUNCTION(this << up);
    if (m_linkUp == up)
    {
        return;
    }
    m_linkUp = up;
    m_linkChangeCallbacks();
}

void
PptpNetDevice::SetIfIndex(const uint32_t index)
{
    m_ifIndex = index;
}

uint32_t
PptpNetDevice::GetIfIndex() const
{
    return m_ifIndex;
}

Ptr<Channel>
PptpNetDevice::GetChannel() const
{
    return nullptr;
}

void
PptpNetDevice::SetAddress(Address address)
{
    m_address = Mac48Address::ConvertFrom(address);
}

Address
PptpNetDevice::GetAddress() const
{
    return m_address;
}

bool
PptpNetDevice::SetMtu(const uint16_t mtu)
{
    NS_LOG_FUNCTION(this << mtu);
    if (mtu < MIN_MTU)
    {
        return false;
    }
    m_mtu = mtu;
    return true;
}

uint16_t
PptpNetDevice::GetMtu() const
{
    return m_mtu;
}

bool
PptpNetDevice::IsLinkUp() const
{
    return m_linkUp;
}

void
PptpNetDevice::AddLinkChangeCallback(Callback<void> callback)
{
    m_linkChangeCallbacks.ConnectWithoutContext(callback);
}

bool
PptpNetDevice::IsBroadcast() const
{
    return false;
}

Address
PptpNetDevice::GetBroadcast() const
{
    return Mac48Address::GetBroadcast();
}

bool
PptpNetDevice::IsMulticast() const
{
    return false;
}

Address
PptpNetDevice::GetMulticast(Ipv4Address multicastGroup) const
{
    return Mac48Address::GetMulticast(multicastGroup);
}

Address
PptpNetDevice::GetMulticast(Ipv6Address addr) const
{
    return Mac48Address::GetMulticast(addr);
}

bool
PptpNetDevice::IsBridge() const
{
    return false;
}

bool
PptpNetDevice::IsPointToPoint() const
{
    return true;
}

bool
PptpNetDevice::SendFrom(Ptr<Packet> packet,
                        const Address& source,
                        const Address& dest,
                        uint16_t protocolNumber)
{
    return Send(packet, dest, protocolNumber);
}

Ptr<Node>
PptpNetDevice::GetNode() const
{
    return m_node;
}

void
PptpNetDevice::SetNode(Ptr<Node> node)
{
    NS_LOG_FUNCTION(this << node);
    m_node = node;
    SetUpQueue();
}

bool
PptpNetDevice::NeedsArp() const
{
    return false;
}

void
PptpNetDevice::SetReceiveCallback(NetDevice::ReceiveCallback cb)
{
    m_rxCallback = cb;
}

void
PptpNetDevice::SetPromiscReceiveCallback(NetDevice::PromiscReceiveCallback cb)
{
    m_promiscRxCallback = cb;
}

bool
PptpNetDevice::SupportsSendFrom() const
{
    return false;
}

} // namespace ns3
