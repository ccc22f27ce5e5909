/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "capture-reader.h"

#include "ns3/pcap-file.h"

#include <algorithm>
#include <ios>

namespace ns3
{
namespace pptptest
{

namespace
{

/// Tunnel and VLAN layers the walker follows before it gives up.
constexpr int MAX_DEPTH = 8;

/// Link type of Ethernet in pcap files.
constexpr uint32_t DLT_EN10MB = 1;

constexpr uint16_t ETHERTYPE_IPV4 = 0x0800;     //!< IPv4
constexpr uint16_t ETHERTYPE_IPV6 = 0x86dd;     //!< IPv6
constexpr uint16_t ETHERTYPE_VLAN = 0x8100;     //!< 802.1Q
constexpr uint16_t ETHERTYPE_QINQ = 0x88a8;     //!< 802.1ad
constexpr uint16_t ETHERTYPE_QINQ_OLD = 0x9100; //!< pre-standard QinQ

constexpr uint8_t IP_PROTO_HOP_BY_HOP = 0; //!< IPv6 hop-by-hop options
constexpr uint8_t IP_PROTO_IPV4 = 4;       //!< IPv4 encapsulation
constexpr uint8_t IP_PROTO_TCP = 6;        //!< TCP
constexpr uint8_t IP_PROTO_IPV6 = 41;      //!< IPv6 encapsulation
constexpr uint8_t IP_PROTO_ROUTING = 43;   //!< IPv6 routing header
constexpr uint8_t IP_PROTO_FRAGMENT = 44;  //!< IPv6 fragment header
constexpr uint8_t IP_PROTO_AH = 51;        //!< authentication header
constexpr uint8_t IP_PROTO_DST_OPTS = 60;  //!< IPv6 destination options

uint16_t
Read16(const uint8_t* p)
{
    return static_cast<uint16_t>(p[0] << 8 | p[1]);
}

uint32_t
Read32(const uint8_t* p)
{
    return static_cast<uint32_t>(p[0]) << 24 | static_cast<uint32_t>(p[1]) << 16
           | static_cast<uint32_t>(p[2]) << 8 | static_cast<uint32_t>(p[3]);
}

CaptureFrameError WalkIpv4(const uint8_t* data, size_t size, CaptureFrame& frame, int depth);
CaptureFrameError WalkIpv6(const uint8_t* data, size_t size, CaptureFrame& frame, int depth);

CaptureFrameError
WalkTcp(const uint8_t* data, size_t size, CaptureFrame& frame)
{
    if (size < 20)
    {
        return CaptureFrameError::TRUNCATED;
    }
    size_t headerLength = static_cast<size_t>(data[12] >> 4) * 4;
    if (headerLength < 20)
    {
        return CaptureFrameError::BAD_HEADER;
    }
    if (headerLength > size)
    {
        return CaptureFrameError::TRUNCATED;
    }
    uint16_t sourcePort = Read16(data);
    uint16_t destinationPort = Read16(data + 2);
    if (sourcePort != PPTP_TCP_PORT && destinationPort != PPTP_TCP_PORT)
    {
        frame.kind = CaptureKind::OTHER;
        return CaptureFrameError::NONE;
    }
    frame.kind = CaptureKind::PPTP_TCP;
    frame.direction = destinationPort == PPTP_TCP_PORT ? CaptureDirection::CLIENT_TO_SERVER
                                                       : CaptureDirection::SERVER_TO_CLIENT;
    frame.sourcePort = sourcePort;
    frame.destinationPort = destinationPort;
    frame.tcpSequence = Read32(data + 4);
    frame.tcpAcknowledgment = Read32(data + 8);
    frame.tcpFlags = data[13];
    frame.payload.assign(data + headerLength, data + size);
    return CaptureFrameError::NONE;
}

CaptureFrameError
WalkTransport(uint8_t protocol, const uint8_t* data, size_t size, CaptureFrame& frame, int depth)
{
    if (depth > MAX_DEPTH)
    {
        return CaptureFrameError::TOO_NESTED;
    }
    switch (protocol)
    {
        case IP_PROTO_IPV4:
            return WalkIpv4(data, size, frame, depth + 1);
        case IP_PROTO_IPV6:
            return WalkIpv6(data, size, frame, depth + 1);
        case IP_PROTO_TCP:
            return WalkTcp(data, size, frame);
        case GRE_IP_PROTOCOL:
            frame.kind = CaptureKind::GRE;
            frame.payload.assign(data, data + size);
            return CaptureFrameError::NONE;
        default:
            frame.kind = CaptureKind::OTHER;
            return CaptureFrameError::NONE;
    }
}

CaptureFrameError
WalkIpv4(const uint8_t* data, size_t size, CaptureFrame& frame, int depth)
{
    if (size < 20)
    {
        return CaptureFrameError::TRUNCATED;
    }
    if (data[0] >> 4 != 4)
    {
        return CaptureFrameError::BAD_HEADER;
    }
    size_t headerLength = static_cast<size_t>(data[0] & 0x0f) * 4;
    size_t totalLength = Read16(data + 2);
    if (headerLength < 20 || totalLength < headerLength)
    {
        return CaptureFrameError::BAD_HEADER;
    }
    if (totalLength > size)
    {
        return CaptureFrameError::TRUNCATED;
    }
    frame.ipVersion = 4;
    std::fill(frame.source.begin(), frame.source.end(), 0);
    std::fill(frame.destination.begin(), frame.destination.end(), 0);
    std::copy(data + 12, data + 16, frame.source.begin());
    std::copy(data + 16, data + 20, frame.destination.begin());
    uint16_t fragment = Read16(data + 6);
    if ((fragment & 0x3fff) != 0)
    {
        // more-fragments set or a non-zero offset: the payload is incomplete
        frame.kind = CaptureKind::OTHER;
        return CaptureFrameError::NONE;
    }
    return WalkTransport(data[9], data + headerLength, totalLength - headerLength, frame, depth);
}

CaptureFrameError
WalkIpv6(const uint8_t* data, size_t size, CaptureFrame& frame, int depth)
{
    if (size < 40)
    {
        return CaptureFrameError::TRUNCATED;
    }
    if (data[0] >> 4 != 6)
    {
        return CaptureFrameError::BAD_HEADER;
    }
    size_t end = 40 + static_cast<size_t>(Read16(data + 4));
    if (end > size)
    {
        return CaptureFrameError::TRUNCATED;
    }
    frame.ipVersion = 6;
    std::copy(data + 8, data + 24, frame.source.begin());
    std::copy(data + 24, data + 40, frame.destination.begin());
    uint8_t next = data[6];
    size_t offset = 40;
    for (int headers = 0;; ++headers)
    {
        if (headers > MAX_DEPTH)
        {
            return CaptureFrameError::TOO_NESTED;
        }
        if (next == IP_PROTO_HOP_BY_HOP || next == IP_PROTO_ROUTING || next == IP_PROTO_DST_OPTS
            || next == IP_PROTO_AH)
        {
            if (end - offset < 2)
            {
                return CaptureFrameError::TRUNCATED;
            }
            size_t length = next == IP_PROTO_AH ? (static_cast<size_t>(data[offset + 1]) + 2) * 4
                                                : (static_cast<size_t>(data[offset + 1]) + 1) * 8;
            if (end - offset < length)
            {
                return CaptureFrameError::TRUNCATED;
            }
            next = data[offset];
            offset += length;
        }
        else if (next == IP_PROTO_FRAGMENT)
        {
            if (end - offset < 8)
            {
                return CaptureFrameError::TRUNCATED;
            }
            if ((Read16(data + offset + 2) & 0xfff9) != 0)
            {
                // a real fragment (not an atomic one): the payload is incomplete
                frame.kind = CaptureKind::OTHER;
                return CaptureFrameError::NONE;
            }
            next = data[offset];
            offset += 8;
        }
        else
        {
            break;
        }
    }
    return WalkTransport(next, data + offset, end - offset, frame, depth);
}

} // namespace

const char*
CaptureDirectionName(CaptureDirection direction)
{
    switch (direction)
    {
        case CaptureDirection::UNKNOWN:
            return "UNKNOWN";
        case CaptureDirection::CLIENT_TO_SERVER:
            return "CLIENT_TO_SERVER";
        case CaptureDirection::SERVER_TO_CLIENT:
            return "SERVER_TO_CLIENT";
    }
    return "INVALID";
}

const char*
CaptureKindName(CaptureKind kind)
{
    switch (kind)
    {
        case CaptureKind::OTHER:
            return "OTHER";
        case CaptureKind::PPTP_TCP:
            return "PPTP_TCP";
        case CaptureKind::GRE:
            return "GRE";
    }
    return "INVALID";
}

const char*
CaptureFrameErrorName(CaptureFrameError error)
{
    switch (error)
    {
        case CaptureFrameError::NONE:
            return "NONE";
        case CaptureFrameError::TRUNCATED:
            return "TRUNCATED";
        case CaptureFrameError::BAD_HEADER:
            return "BAD_HEADER";
        case CaptureFrameError::TOO_NESTED:
            return "TOO_NESTED";
    }
    return "INVALID";
}

std::ostream&
operator<<(std::ostream& os, CaptureDirection direction)
{
    return os << CaptureDirectionName(direction);
}

std::ostream&
operator<<(std::ostream& os, CaptureKind kind)
{
    return os << CaptureKindName(kind);
}

std::ostream&
operator<<(std::ostream& os, CaptureFrameError error)
{
    return os << CaptureFrameErrorName(error);
}

CaptureFrameError
ParseEthernetFrame(const uint8_t* data, size_t size, CaptureFrame& frame)
{
    frame.kind = CaptureKind::OTHER;
    frame.direction = CaptureDirection::UNKNOWN;
    frame.ipVersion = 0;
    frame.vlanTags = 0;
    frame.payload.clear();
    if (data == nullptr || size < 14)
    {
        return CaptureFrameError::TRUNCATED;
    }
    size_t offset = 12;
    uint16_t type = Read16(data + offset);
    offset += 2;
    while (type == ETHERTYPE_VLAN || type == ETHERTYPE_QINQ || type == ETHERTYPE_QINQ_OLD)
    {
        if (frame.vlanTags >= MAX_DEPTH)
        {
            return CaptureFrameError::TOO_NESTED;
        }
        if (size - offset < 4)
        {
            return CaptureFrameError::TRUNCATED;
        }
        type = Read16(data + offset + 2);
        offset += 4;
        ++frame.vlanTags;
    }
    if (type == ETHERTYPE_IPV4)
    {
        return WalkIpv4(data + offset, size - offset, frame, 0);
    }
    if (type == ETHERTYPE_IPV6)
    {
        return WalkIpv6(data + offset, size - offset, frame, 0);
    }
    return CaptureFrameError::NONE;
}

bool
TcpStreamReassembler::Add(
    uint32_t sequence, uint8_t flags, const uint8_t* data, size_t size, Bytes& delivered)
{
    if (flags & TCP_FLAG_SYN)
    {
        if (!m_started)
        {
            m_started = true;
            m_base = sequence + 1;
        }
        // data on a SYN is legal but PPTP stacks never send it
        sequence += 1;
    }
    if (size == 0)
    {
        return false;
    }
    if (!m_started)
    {
        m_started = true;
        m_base = sequence;
    }
    uint32_t next = m_base + static_cast<uint32_t>(m_stream.size());
    int64_t ahead = static_cast<int32_t>(sequence - next);
    if (ahead + static_cast<int64_t>(size) <= 0)
    {
        ++m_duplicates;
        return false;
    }
    if (ahead <= 0)
    {
        size_t skip = static_cast<size_t>(-ahead);
        Deliver(data + skip, size - skip, delivered);
        Drain(delivered);
        return true;
    }
    uint32_t relative = sequence - m_base;
    auto it = m_pending.find(relative);
    if (it != m_pending.end() && it->second.size() >= size)
    {
        ++m_duplicates;
        return false;
    }
    m_pending[relative].assign(data, data + size);
    return true;
}

void
TcpStreamReassembler::Drain(Bytes& delivered)
{
    while (!m_pending.empty())
    {
        auto it = m_pending.begin();
        size_t have = m_stream.size();
        if (it->first > have)
        {
            return;
        }
        size_t skip = have - it->first;
        if (skip < it->second.size())
        {
            Deliver(it->second.data() + skip, it->second.size() - skip, delivered);
        }
        m_pending.erase(it);
    }
}

void
TcpStreamReassembler::Deliver(const uint8_t* data, size_t size, Bytes& delivered)
{
    m_stream.insert(m_stream.end(), data, data + size);
    delivered.insert(delivered.end(), data, data + size);
}

const Bytes&
TcpStreamReassembler::GetStream() const
{
    return m_stream;
}

uint32_t
TcpStreamReassembler::GetDuplicateCount() const
{
    return m_duplicates;
}

size_t
TcpStreamReassembler::GetPendingBytes() const
{
    size_t total = 0;
    for (const auto& entry : m_pending)
    {
        total += entry.second.size();
    }
    return total;
}

bool
CaptureReader::Read(const std::string& filename)
{
    m_error.clear();
    m_frames.clear();
    m_toServer = TcpStreamReassembler();
    m_toClient = TcpStreamReassembler();

    PcapFile file;
    file.Open(filename, std::ios::in);
    if (file.Fail())
    {
        m_error = "cannot open " + filename + " as a pcap file";
        return false;
    }
    if (file.GetDataLinkType() != DLT_EN10MB)
    {
        m_error = filename + ": link type " + std::to_string(file.GetDataLinkType())
                  + " is not Ethernet (1)";
        return false;
    }
    Bytes buffer(std::max<uint32_t>(file.GetSnapLen(), 65536));
    for (uint32_t number = 1;; ++number)
    {
        uint32_t tsSec = 0;
        uint32_t tsUsec = 0;
        uint32_t inclLen = 0;
        uint32_t origLen = 0;
        uint32_t readLen = 0;
        file.Read(buffer.data(),
                  static_cast<uint32_t>(buffer.size()),
                  tsSec,
                  tsUsec,
                  inclLen,
                  origLen,
                  readLen);
        if (file.Eof() || file.Fail())
        {
            break;
        }
        CaptureFrame frame;
        frame.number = number;
        frame.timeSeconds = tsSec;
        frame.timeMicroseconds = tsUsec;
        CaptureFrameError error = ParseEthernetFrame(buffer.data(), readLen, frame);
        if (error != CaptureFrameError::NONE)
        {
            m_error = filename + ": frame " + std::to_string(number) + ": "
                      + CaptureFrameErrorName(error);
            return false;
        }
        m_frames.push_back(std::move(frame));
    }

    // The client is the side that talks to TCP port 1723.
    const CaptureFrame* first = nullptr;
    for (const auto& frame : m_frames)
    {
        if (frame.kind == CaptureKind::PPTP_TCP)
        {
            first = &frame;
            break;
        }
    }
    std::array<uint8_t, 16> client{};
    std::array<uint8_t, 16> server{};
    uint8_t version = 0;
    if (first != nullptr)
    {
        bool toServer = first->direction == CaptureDirection::CLIENT_TO_SERVER;
        client = toServer ? first->source : first->destination;
        server = toServer ? first->destination : first->source;
        version = first->ipVersion;
    }
    for (auto& frame : m_frames)
    {
        if (frame.kind == CaptureKind::GRE && version != 0 && frame.ipVersion == version)
        {
            if (frame.source == client && frame.destination == server)
            {
                frame.direction = CaptureDirection::CLIENT_TO_SERVER;
            }
            else if (frame.source == server && frame.destination == client)
            {
                frame.direction = CaptureDirection::SERVER_TO_CLIENT;
            }
        }
        else if (frame.kind == CaptureKind::PPTP_TCP)
        {
            TcpStreamReassembler& stream
                = frame.direction == CaptureDirection::CLIENT_TO_SERVER ? m_toServer : m_toClient;
            bool fresh = stream.Add(frame.tcpSequence,
                                    frame.tcpFlags,
                                    frame.payload.data(),
                                    frame.payload.size(),
                                    frame.delivered);
            frame.duplicate = !fresh && !frame.payload.empty();
        }
    }
    return true;
}

const std::string&
CaptureReader::GetError() const
{
    return m_error;
}

const std::vector<CaptureFrame>&
CaptureReader::GetFrames() const
{
    return m_frames;
}

uint32_t
CaptureReader::Count(CaptureKind kind) const
{
    return static_cast<uint32_t>(std::count_if(m_frames.begin(),
                                               m_frames.end(),
                                               [kind](const CaptureFrame& f)
                                               { return f.kind == kind; }));
}

uint32_t
CaptureReader::CountTcpWithPayload() const
{
    return static_cast<uint32_t>(std::count_if(m_frames.begin(),
                                               m_frames.end(),
                                               [](const CaptureFrame& f) {
                                                   return f.kind == CaptureKind::PPTP_TCP
                                                          && !f.payload.empty();
                                               }));
}

uint32_t
CaptureReader::CountTcpDuplicates() const
{
    return m_toServer.GetDuplicateCount() + m_toClient.GetDuplicateCount();
}

const Bytes&
CaptureReader::GetTcpStream(CaptureDirection direction) const
{
    switch (direction)
    {
        case CaptureDirection::CLIENT_TO_SERVER:
            return m_toServer.GetStream();
        case CaptureDirection::SERVER_TO_CLIENT:
            return m_toClient.GetStream();
        default:
            return m_empty;
    }
}

} // namespace pptptest
} // namespace ns3
