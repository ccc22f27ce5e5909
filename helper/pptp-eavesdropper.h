/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_EAVESDROPPER_H
#define PPTP_EAVESDROPPER_H

#include "pptp-captured-call.h"
#include "pptp-control-stream-reassembler.h"
#include "pptp-control-types.h"

#include "ns3/buffer.h"
#include "ns3/ipv4-address.h"
#include "ns3/net-device.h"
#include "ns3/object.h"
#include "ns3/packet.h"
#include "ns3/ptr.h"
#include "ns3/traced-callback.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <ostream>
#include <string>
#include <tuple>
#include <vector>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief Why PptpEavesdropper skipped a frame as malformed (the layer that failed).
 */
enum class PptpCaptureError : uint8_t
{
    NONE = 0, //!< not malformed
    LINK,     //!< the link header is truncated or wrong (Ethernet, PPP, Linux cooked)
    IPV4,     //!< the IPv4 header is not well formed or Total Length exceeds the frame
    TCP,      //!< the TCP header of a control segment is truncated or wrong
    CONTROL,  //!< a PPTP control message did not decode, or the stream had a gap
    GRE,      //!< the Enhanced GRE header did not decode or its payload is cut short
    PPP,      //!< the PPP frame header inside GRE did not decode
    CHAP,     //!< a CHAP packet or its MS-CHAPv2 Response / Success did not decode
    CCP,      //!< a CCP packet did not decode
    MPPE,     //!< an MPPE datagram shorter than its header and one octet
    COUNT,    //!< number of values (not an error)
};

/**
 * \ingroup pptp
 * \brief The name of a capture error.
 * \param error the error
 * \return its enumerator name (or "UNKNOWN")
 */
const char* PptpCaptureErrorName(PptpCaptureError error);

/**
 * \ingroup pptp
 * \brief Prints PptpCaptureErrorName().
 * \param os the stream
 * \param error the error
 * \return the stream
 */
std::ostream& operator<<(std::ostream& os, PptpCaptureError error);

/**
 * \ingroup pptp
 * \brief One PPTP control message an eavesdropper decoded from a TCP stream.
 */
struct PptpCapturedControl
{
    double time{0};                //!< capture time of the segment that completed it (s)
    Ipv4Address source;            //!< sender
    Ipv4Address destination;       //!< receiver
    PptpControlMessageType type{}; //!< message type
};

/**
 * \ingroup pptp
 * \brief A passive attacker on a link: it reads every frame (from a device's PromiscSniffer
 * trace or from a pcap file), decodes IPv4, TCP port 1723 and GRE / PPP with the module's wire
 * classes, and collects, per PPTP call, what a classroom attack needs: the MS-CHAPv2 Challenge,
 * Response and Success (\RFC{2759}), the MPPE strength and mode the CCP Configure-Acks carry
 * (\RFC{3078} s.2) and the MPPE-encrypted frames each way.
 *
 * It never sends anything. Frames that are not PPTP are counted as ignored; frames that are
 * malformed at some layer are counted by layer (PptpCaptureError), traced and skipped; nothing
 * read from a frame can stop the program.
 *
 * Link types: Ethernet (with up to two VLAN tags), PPP (as ns-3's point-to-point devices and
 * their pcap files carry it), raw IPv4 and Linux cooked capture.
 */
class PptpEavesdropper : public Object
{
  public:
    /**
     * \brief Link types, numbered as pcap's LINKTYPE values.
     */
    enum LinkType : uint32_t
    {
        LINK_ETHERNET = 1,    //!< Ethernet II
        LINK_PPP = 9,         //!< PPP (optional FF 03, then the protocol field)
        LINK_RAW = 101,       //!< raw IP
        LINK_LINUX_SLL = 113, //!< Linux cooked capture
        LINK_IPV4 = 228,      //!< raw IPv4
    };

    /**
     * \brief Signature of the Malformed trace source.
     * \param error the layer that failed
     * \param frame the frame's number (1 for the first frame read)
     */
    typedef void (*MalformedTracedCallback)(PptpCaptureError error, uint64_t frame);

    /**
     * \brief Signature of the ExchangeCaptured trace source.
     * \param callIndex the call's index in GetCalls()
     */
    typedef void (*ExchangeTracedCallback)(uint32_t callIndex);

    /**
     * \brief The TypeId.
     * \return the TypeId
     */
    static TypeId GetTypeId();

    /** \brief An eavesdropper that has seen nothing yet. */
    PptpEavesdropper();
    /** \brief Destructor. */
    ~PptpEavesdropper() override;

    /**
     * \brief Listen to a device's PromiscSniffer trace (every frame it sends or receives).
     * \param device the device (e.g. a PointToPointNetDevice: LINK_PPP)
     * \param linkType how its frames start
     * \return false if the device has no PromiscSniffer trace source
     */
    bool Tap(Ptr<NetDevice> device, LinkType linkType = LINK_PPP);

    /**
     * \brief Read every frame of a classic pcap file (microsecond or nanosecond, either byte
     * order).
     * \param path the file
     * \param error receives the reason when false is returned
     * \return false if the file cannot be opened, is not a pcap file or has an unsupported
     * link type
     */
    bool ReadPcap(const std::string& path, std::string& error);

    /**
     * \brief Read one frame.
     * \param data the frame from its link header on
     * \param size its length
     * \param linkType its link type (LinkType values)
     * \param time its capture time (s)
     */
    void ReceiveFrame(const uint8_t* data, std::size_t size, uint32_t linkType, double time);

    /**
     * \brief Whether a link type is one ReceiveFrame() decodes.
     * \param linkType a pcap LINKTYPE value
     * \return true if supported
     */
    static bool IsSupportedLinkType(uint32_t linkType);

    /**
     * \brief The calls found, in the order their first frame was seen.
     * \return the calls
     */
    const std::vector<PptpCapturedCall>& GetCalls() const;

    /**
     * \brief The control messages decoded, in order.
     * \return the messages
     */
    const std::vector<PptpCapturedControl>& GetControlMessages() const;

    /**
     * \brief Frames read.
     * \return the count
     */
    uint64_t GetFrameCount() const;

    /**
     * \brief Frames that are not PPTP (other protocols, IPv6, later fragments).
     * \return the count
     */
    uint64_t GetIgnoredCount() const;

    /**
     * \brief GRE packets decoded.
     * \return the count
     */
    uint64_t GetGreCount() const;

    /**
     * \brief TCP segments to or from the control port.
     * \return the count
     */
    uint64_t GetControlSegmentCount() const;

    /**
     * \brief Malformed frames of one layer.
     * \param error the layer
     * \return the count
     */
    uint64_t GetMalformedCount(PptpCaptureError error) const;

    /**
     * \brief Malformed frames of every layer.
     * \return the count
     */
    uint64_t GetMalformedCount() const;

    /**
     * \brief MPPE frames seen but not stored because MaxFrames was reached.
     * \return the count
     */
    uint64_t GetUnstoredFrameCount() const;

    /** \brief Forget every call, message and counter (the tap stays). */
    void Clear();

  protected:
    void DoDispose() override;

  private:
    /// One direction of a TCP connection to or from the control port.
    struct ControlStream
    {
        bool synced{false};                       //!< the next sequence number is known
        bool lost{false};                         //!< a gap was seen; the rest is skipped
        uint32_t next{0};                         //!< next expected sequence number
        PptpControlStreamReassembler reassembler; //!< the messages
    };

    /// (source, source port, destination, destination port)
    using StreamKey = std::tuple<uint32_t, uint16_t, uint32_t, uint16_t>;

    /**
     * \brief The PromiscSniffer sink.
     * \param packet the frame
     */
    void Sniff(Ptr<const Packet> packet);

    /**
     * \brief Count and trace a malformed frame.
     * \param error the layer
     */
    void Malformed(PptpCaptureError error);

    /**
     * \brief An IPv4 datagram.
     * \param data its first octet
     * \param size octets available
     * \param time capture time
     */
    void ReceiveIpv4(const uint8_t* data, std::size_t size, double time);

    /**
     * \brief A TCP segment to or from the control port.
     * \param ip the datagram
     * \param time capture time
     */
    void ReceiveTcp(const PptpIpv4View& ip, double time);

    /**
     * \brief A GRE packet.
     * \param ip the datagram
     * \param time capture time
     */
    void ReceiveGre(const PptpIpv4View& ip, double time);

    /**
     * \brief A PPP frame from a GRE packet.
     * \param call its call
     * \param callIndex the call's index
     * \param source the sender
     * \param data the frame
     * \param size its length
     * \param time capture time
     */
    void ReceivePpp(PptpCapturedCall& call,
                    uint32_t callIndex,
                    Ipv4Address source,
                    const uint8_t* data,
                    std::size_t size,
                    double time);

    /**
     * \brief A CHAP packet.
     * \param call its call
     * \param callIndex the call's index
     * \param source the sender
     * \param data the packet
     * \param size its length
     */
    void ReceiveChap(PptpCapturedCall& call,
                     uint32_t callIndex,
                     Ipv4Address source,
                     const uint8_t* data,
                     std::size_t size);

    /**
     * \brief A CCP packet.
     * \param call its call
     * \param data the packet
     * \param size its length
     */
    void ReceiveCcp(PptpCapturedCall& call, const uint8_t* data, std::size_t size);

    /**
     * \brief The call a GRE packet or control message belongs to, created if new.
     * \param source the sender
     * \param destination the receiver
     * \param callId the Call ID of the receiver
     * \param time capture time
     * \return the call's index in m_calls
     */
    uint32_t FindCall(Ipv4Address source, Ipv4Address destination, uint16_t callId, double time);

    /**
     * \brief Put bytes in the scratch buffer for a Header's Deserialize().
     * \param data the bytes
     * \param size their length
     * \return an iterator at their start
     */
    Buffer::Iterator Load(const uint8_t* data, std::size_t size);

    uint16_t m_controlPort; //!< TCP port of the control connection
    uint32_t m_maxFrames;   //!< MPPE frames stored at most (all calls)

    Ptr<NetDevice> m_device;                      //!< the tapped device (null if none)
    uint32_t m_tapLinkType{LINK_PPP};             //!< its link type
    std::vector<uint8_t> m_scratch;               //!< frame copy of Sniff() and ReadPcap()
    Buffer m_buffer;                              //!< bytes for the Header decoders
    std::vector<PptpCapturedCall> m_calls;        //!< the calls
    std::vector<PptpCapturedControl> m_control;   //!< the control messages
    std::map<StreamKey, ControlStream> m_streams; //!< TCP streams by direction
    uint64_t m_frames{0};                         //!< frames read
    uint64_t m_ignored{0};                        //!< frames not PPTP
    uint64_t m_gre{0};                            //!< GRE packets
    uint64_t m_controlSegments{0};                //!< TCP segments of the control port
    uint64_t m_storedFrames{0};                   //!< MPPE frames stored
    uint64_t m_unstoredFrames{0};                 //!< MPPE frames beyond MaxFrames
    std::array<uint64_t, static_cast<std::size_t>(PptpCaptureError::COUNT)>
        m_malformed{}; //!< malformed frames by layer

    TracedCallback<PptpCaptureError, uint64_t> m_malformedTrace; //!< every malformed frame
    TracedCallback<uint32_t> m_exchangeTrace; //!< a Response completed an exchange
};

} // namespace ns3

#endif /* PPTP_EAVESDROPPER_H */
