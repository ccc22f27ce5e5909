/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef CAPTURE_READER_H
#define CAPTURE_READER_H

#include "pptp-test-util.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace ns3
{
namespace pptptest
{

/**
 * \ingroup pptp
 * \brief The TCP port of the PPTP control connection (\RFC{2637} s.2).
 */
constexpr uint16_t PPTP_TCP_PORT = 1723;

/**
 * \ingroup pptp
 * \brief The IP protocol number of GRE.
 */
constexpr uint8_t GRE_IP_PROTOCOL = 47;

/**
 * \ingroup pptp
 * \brief Which way a captured payload travelled.
 */
enum class CaptureDirection : uint8_t
{
    UNKNOWN = 0,      //!< no control connection seen that tells client from server
    CLIENT_TO_SERVER, //!< from the PNS (the side that connected to TCP 1723)
    SERVER_TO_CLIENT, //!< from the PAC (the side listening on TCP 1723)
};

/**
 * \ingroup pptp
 * \brief The name of a CaptureDirection value.
 * \param direction the value
 * \return a static string
 */
const char* CaptureDirectionName(CaptureDirection direction);

/**
 * \ingroup pptp
 * \brief What a captured frame carries, as far as PPTP is concerned.
 */
enum class CaptureKind : uint8_t
{
    OTHER = 0, //!< not PPTP-related, or a later IP fragment
    PPTP_TCP,  //!< a TCP segment from or to port 1723 (possibly without payload)
    GRE,       //!< an IP packet with protocol 47
};

/**
 * \ingroup pptp
 * \brief The name of a CaptureKind value.
 * \param kind the value
 * \return a static string
 */
const char* CaptureKindName(CaptureKind kind);

/**
 * \ingroup pptp
 * \brief Why a frame could not be walked down to its PPTP payload.
 */
enum class CaptureFrameError : uint8_t
{
    NONE = 0,   //!< walked cleanly (the frame may still be CaptureKind::OTHER)
    TRUNCATED,  //!< a header or a length field reaches past the captured bytes
    BAD_HEADER, //!< an IP or TCP header field is impossible (version, IHL, data offset)
    TOO_NESTED, //!< more tunnel or VLAN layers than the walker follows
};

/**
 * \ingroup pptp
 * \brief The name of a CaptureFrameError value.
 * \param error the value
 * \return a static string
 */
const char* CaptureFrameErrorName(CaptureFrameError error);

/**
 * \ingroup pptp
 * \brief Stream output of a CaptureDirection (its name).
 * \param os the stream
 * \param direction the value
 * \return the stream
 */
std::ostream& operator<<(std::ostream& os, CaptureDirection direction);

/**
 * \ingroup pptp
 * \brief Stream output of a CaptureKind (its name).
 * \param os the stream
 * \param kind the value
 * \return the stream
 */
std::ostream& operator<<(std::ostream& os, CaptureKind kind);

/**
 * \ingroup pptp
 * \brief Stream output of a CaptureFrameError (its name).
 * \param os the stream
 * \param error the value
 * \return the stream
 */
std::ostream& operator<<(std::ostream& os, CaptureFrameError error);

/// TCP flag bits, as in the TCP header's flags byte.
constexpr uint8_t TCP_FLAG_FIN = 0x01; //!< FIN
constexpr uint8_t TCP_FLAG_SYN = 0x02; //!< SYN
constexpr uint8_t TCP_FLAG_RST = 0x04; //!< RST
constexpr uint8_t TCP_FLAG_PSH = 0x08; //!< PSH
constexpr uint8_t TCP_FLAG_ACK = 0x10; //!< ACK

/**
 * \ingroup pptp
 * \brief One captured frame, walked down to its PPTP-relevant payload.
 */
struct CaptureFrame
{
    uint32_t number{0};                                    //!< 1-based frame number in the file
    uint32_t timeSeconds{0};                               //!< capture time stamp, seconds
    uint32_t timeMicroseconds{0};                          //!< capture time stamp, microseconds
    CaptureKind kind{CaptureKind::OTHER};                  //!< what the frame carries
    CaptureDirection direction{CaptureDirection::UNKNOWN}; //!< which way it travelled
    uint8_t ipVersion{0};                  //!< 4 or 6: the IP header that carries the TCP or GRE
    std::array<uint8_t, 16> source{};      //!< source address (IPv4 in the first 4 bytes)
    std::array<uint8_t, 16> destination{}; //!< destination address (IPv4 in the first 4 bytes)
    uint16_t vlanTags{0};                  //!< number of 802.1Q / 802.1ad tags walked
    uint16_t sourcePort{0};                //!< TCP source port
    uint16_t destinationPort{0};           //!< TCP destination port
    uint32_t tcpSequence{0};               //!< TCP sequence number (raw)
    uint32_t tcpAcknowledgment{0};         //!< TCP acknowledgment number (raw)
    uint8_t tcpFlags{0};                   //!< TCP flags byte (TCP_FLAG_*)
    Bytes payload;   //!< TCP payload, or the GRE header and everything after it up to the IP end
    Bytes delivered; //!< TCP only: the bytes this segment added to its in-order stream
    bool duplicate{false}; //!< TCP only: the payload was entirely seen before (retransmission)
};

/**
 * \ingroup pptp
 * \brief Walks one Ethernet II frame (802.1Q / 802.1ad tags, IPv4, IPv6 with
 * extension headers, IPv4-in-IPv6, IPv6-in-IPv4, IP-in-IP) down to a TCP
 * segment on port 1723 or a GRE packet.
 *
 * Every read is bounds-checked against the captured bytes; IP lengths bound
 * the payload, so Ethernet padding is never returned. Non-first IP fragments
 * and first fragments of fragmented packets are reported as CaptureKind::OTHER.
 *
 * \param data the frame, starting with the destination MAC address
 * \param size the captured length
 * \param frame receives kind, addresses, ports, TCP numbers and payload
 *        (direction is set for TCP by the port; GRE is left UNKNOWN)
 * \return NONE, or why the frame could not be walked
 */
CaptureFrameError ParseEthernetFrame(const uint8_t* data, size_t size, CaptureFrame& frame);

/**
 * \ingroup pptp
 * \brief One direction of a TCP connection, put back in order.
 *
 * Segments are placed by sequence number (modulo 2^32): bytes already
 * delivered (retransmissions, duplicates, overlaps) are dropped, segments
 * ahead of a gap wait until the gap is filled. The stream starts at the SYN's
 * sequence number plus one, or, when no SYN was seen, at the first segment.
 */
class TcpStreamReassembler
{
  public:
    /**
     * \brief Adds one segment.
     * \param sequence the segment's sequence number
     * \param flags the TCP flags (SYN sets the initial sequence number)
     * \param data the payload
     * \param size the payload length
     * \param delivered receives the bytes that became in-order with this
     *        segment (appended; also bytes of earlier buffered segments)
     * \return true if the segment brought new bytes (delivered now or buffered),
     *         false if all of it had been seen before
     */
    bool Add(uint32_t sequence, uint8_t flags, const uint8_t* data, size_t size, Bytes& delivered);

    /**
     * \brief The whole in-order stream so far.
     * \return the bytes delivered since the start
     */
    const Bytes& GetStream() const;

    /**
     * \brief How many segments carried only bytes seen before.
     * \return the count
     */
    uint32_t GetDuplicateCount() const;

    /**
     * \brief How many bytes wait behind a gap.
     * \return the count
     */
    size_t GetPendingBytes() const;

  private:
    /**
     * \brief Delivers buffered segments that the stream has reached.
     * \param delivered receives the bytes
     */
    void Drain(Bytes& delivered);

    /**
     * \brief Appends bytes to the stream and to the caller's buffer.
     * \param data the bytes
     * \param size their number
     * \param delivered the caller's buffer
     */
    void Deliver(const uint8_t* data, size_t size, Bytes& delivered);

    bool m_started{false};               //!< the initial sequence number is known
    uint32_t m_base{0};                  //!< sequence number of m_stream[0]
    uint32_t m_duplicates{0};            //!< segments dropped as already seen
    Bytes m_stream;                      //!< everything delivered so far
    std::map<uint32_t, Bytes> m_pending; //!< segments behind a gap, by offset from m_base
};

/**
 * \ingroup pptp
 * \brief Reads a classic pcap file (Ethernet link type) with ns-3's PcapFile
 * and yields the PPTP control segments and GRE packets of every frame.
 *
 * The client is the side that sends to TCP port 1723; GRE packets from or to
 * its address get a direction. Both directions of the control connection are
 * reassembled (CaptureFrame::delivered, GetTcpStream()).
 */
class CaptureReader
{
  public:
    /**
     * \brief Reads every frame of a file.
     * \param filename the pcap file
     * \return true on success; false if the file cannot be read, is not
     *         Ethernet, or a frame cannot be walked (see GetError())
     */
    bool Read(const std::string& filename);

    /**
     * \brief Why Read() failed.
     * \return a message, empty after success
     */
    const std::string& GetError() const;

    /**
     * \brief Every frame of the file, in order, OTHER frames included.
     * \return the frames
     */
    const std::vector<CaptureFrame>& GetFrames() const;

    /**
     * \brief How many frames are of a kind.
     * \param kind the kind
     * \return the count
     */
    uint32_t Count(CaptureKind kind) const;

    /**
     * \brief How many TCP segments on port 1723 carried payload, duplicates included.
     * \return the count
     */
    uint32_t CountTcpWithPayload() const;

    /**
     * \brief How many TCP segments were dropped as duplicates.
     * \return the count
     */
    uint32_t CountTcpDuplicates() const;

    /**
     * \brief The reassembled control connection in one direction.
     * \param direction CLIENT_TO_SERVER or SERVER_TO_CLIENT
     * \return the in-order bytes (empty for UNKNOWN)
     */
    const Bytes& GetTcpStream(CaptureDirection direction) const;

  private:
    std::string m_error;                //!< why Read() failed
    std::vector<CaptureFrame> m_frames; //!< every frame of the file
    TcpStreamReassembler m_toServer;    //!< client-to-server stream
    TcpStreamReassembler m_toClient;    //!< server-to-client stream
    Bytes m_empty;                      //!< returned for UNKNOWN
};

} // namespace pptptest
} // namespace ns3

#endif /* CAPTURE_READER_H */
