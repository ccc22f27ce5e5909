/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_PCAP_SESSION_WRITER_H
#define PPTP_PCAP_SESSION_WRITER_H

#include "ns3/ipv4-address.h"
#include "ns3/mac48-address.h"
#include "ns3/nstime.h"
#include "ns3/packet.h"
#include "ns3/pcap-file.h"
#include "ns3/ptr.h"

#include <cstdint>
#include <string>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief Writes the frames of one PPTP session between two IPv4 hosts to a
 * pcap file (Ethernet link type), as a capture on the wire would show them.
 *
 * The control connection is a TCP connection from the client's port to TCP
 * port 1723 (\RFC{2637} s.2): a three-way handshake, control-message bytes as
 * data segments with consistent sequence and acknowledgment numbers, and a FIN
 * exchange. GRE packets (\RFC{2637} s.4) are IPv4 protocol 47. IPv4 and TCP
 * checksums are correct; every frame gets a time stamp one step after the
 * previous one.
 *
 * The writer only frames bytes: what the control messages and GRE packets
 * hold is the caller's business (see PptpSyntheticSession).
 */
class PptpPcapSessionWriter
{
  public:
    /**
     * \brief Which host sends a frame.
     */
    enum Direction
    {
        CLIENT_TO_SERVER, //!< from the client (PNS), which opened the control connection
        SERVER_TO_CLIENT, //!< from the server (PAC), listening on TCP port 1723
    };

    /**
     * \brief The name of a Direction value.
     * \param direction the value
     * \return a static string
     */
    static const char* DirectionName(Direction direction);

    /// The TCP port of the PPTP control connection.
    static constexpr uint16_t PPTP_PORT = 1723;

    /**
     * \brief A writer with the defaults: client 192.0.2.10 port 49152, server
     * 198.51.100.1, locally administered MAC addresses, initial sequence
     * numbers 0x10000000 and 0x20000000, frames 1 ms apart from t = 0.
     */
    PptpPcapSessionWriter();

    /**
     * \brief Sets the client host.
     * \param address its IPv4 address
     * \param mac its Ethernet address
     * \param port its TCP port for the control connection
     */
    void SetClient(Ipv4Address address, Mac48Address mac, uint16_t port);

    /**
     * \brief Sets the server host.
     * \param address its IPv4 address
     * \param mac its Ethernet address
     */
    void SetServer(Ipv4Address address, Mac48Address mac);

    /**
     * \brief Sets the TCP initial sequence numbers (before Open()).
     * \param client the client's ISN
     * \param server the server's ISN
     */
    void SetInitialSequenceNumbers(uint32_t client, uint32_t server);

    /**
     * \brief Sets the time of the first frame and the gap between frames.
     * \param start time stamp of the first frame
     * \param step added after every frame
     */
    void SetTiming(Time start, Time step);

    /**
     * \brief Creates (or truncates) the pcap file and writes its header.
     * \param filename the file
     * \return false if the file cannot be created
     */
    bool Open(const std::string& filename);

    /**
     * \brief Closes the file; later writes are ignored.
     */
    void Close();

    /**
     * \brief Is a file open?
     * \return true between a successful Open() and Close()
     */
    bool IsOpen() const;

    /**
     * \brief Writes SYN, SYN-ACK and ACK, client first.
     */
    void WriteTcpHandshake();

    /**
     * \brief Writes bytes of the control connection as one TCP segment (PSH, ACK).
     * \param direction who sends them
     * \param data the bytes (one or more whole control messages)
     * \param size their number
     * \param acknowledge whether the peer then answers with a bare ACK
     */
    void WriteControl(Direction direction, const uint8_t* data, uint32_t size, bool acknowledge);

    /**
     * \brief Writes a packet's bytes as one control-connection segment.
     * \param direction who sends them
     * \param packet the bytes (one or more whole control messages)
     * \param acknowledge whether the peer then answers with a bare ACK
     */
    void WriteControl(Direction direction, Ptr<const Packet> packet, bool acknowledge);

    /**
     * \brief Writes a bare TCP ACK of everything the peer has sent.
     * \param direction who sends the ACK
     */
    void WriteTcpAck(Direction direction);

    /**
     * \brief Closes the control connection: FIN from one side, FIN from the
     * other (acknowledging the first), then the last ACK.
     * \param initiator who sends the first FIN
     */
    void WriteTcpClose(Direction initiator);

    /**
     * \brief Writes one GRE packet as an IPv4 packet with protocol 47.
     * \param direction who sends it
     * \param grePacket the GRE header and everything after it
     */
    void WriteGre(Direction direction, Ptr<const Packet> grePacket);

    /**
     * \brief Adds a pause before the next frame (on top of the step).
     * \param gap the pause
     */
    void AdvanceTime(Time gap);

    /**
     * \brief How many frames were written since Open().
     * \return the count
     */
    uint32_t GetFrameCount() const;

    /**
     * \brief The next sequence number a side will send on the control connection.
     * \param direction the sending side
     * \return the sequence number
     */
    uint32_t GetNextSequence(Direction direction) const;

  private:
    /**
     * \brief Wraps a TCP segment in IPv4 and Ethernet and writes it.
     * \param direction who sends it
     * \param flags TCP flags
     * \param payload the segment's data (may be empty)
     * \param withMss whether to add an MSS option (SYN segments)
     */
    void WriteTcpSegment(Direction direction, uint8_t flags, Ptr<Packet> payload, bool withMss);

    /**
     * \brief Wraps an IPv4 payload in IPv4 and Ethernet and writes the frame.
     * \param direction who sends it
     * \param protocol the IP protocol number
     * \param packet the IPv4 payload; receives the headers
     */
    void WriteIpv4(Direction direction, uint8_t protocol, Ptr<Packet> packet);

    PcapFile m_file;             //!< the output
    bool m_open;                 //!< a file is open
    Ipv4Address m_clientAddress; //!< client IPv4 address
    Ipv4Address m_serverAddress; //!< server IPv4 address
    Mac48Address m_clientMac;    //!< client Ethernet address
    Mac48Address m_serverMac;    //!< server Ethernet address
    uint16_t m_clientPort;       //!< client TCP port
    uint32_t m_clientIsn;        //!< client initial sequence number
    uint32_t m_serverIsn;        //!< server initial sequence number
    uint32_t m_clientNext;       //!< next sequence number the client sends
    uint32_t m_serverNext;       //!< next sequence number the server sends
    uint16_t m_clientIpId;       //!< next IPv4 identification from the client
    uint16_t m_serverIpId;       //!< next IPv4 identification from the server
    Time m_start;                //!< time stamp of the first frame
    Time m_step;                 //!< gap between frames
    Time m_now;                  //!< time stamp of the next frame
    uint32_t m_frames;           //!< frames written since Open()
};

} // namespace ns3

#endif /* PPTP_PCAP_SESSION_WRITER_H */
