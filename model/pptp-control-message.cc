/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-control-message.h"

#include "pptp-wire-text.h"

#include "ns3/log.h"

#include <algorithm>
#include <cstring>
#include <type_traits>
#include <utility>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PptpControlMessage");

NS_OBJECT_ENSURE_REGISTERED(PptpControlMessage);

namespace
{

/// Marks a field that Print() shows in hexadecimal.
struct HexField
{
};

/// Name function of a bit-set or version field.
template <class V>
using NameFunction = const char* (*)(V);

// One field list per message, in wire order, drives encoding, decoding and printing,
// so that the three cannot disagree. Field names are those of the body structs.

template <class Io, class B>
void
Fields(Io& io, B& b, const PptpStartControlConnectionRequest*)
{
    io("protocolVersion", b.protocolVersion, NameFunction<uint16_t>(&PptpProtocolVersionName));
    io("reserved1", b.reserved1, HexField());
    io("framingCapabilities",
       b.framingCapabilities,
       NameFunction<uint32_t>(&PptpFramingCapabilitiesName));
    io("bearerCapabilities",
       b.bearerCapabilities,
       NameFunction<uint32_t>(&PptpBearerCapabilitiesName));
    io("maximumChannels", b.maximumChannels);
    io("firmwareRevision", b.firmwareRevision, HexField());
    io("hostName", b.hostName);
    io("vendorName", b.vendorName);
}

template <class Io, class B>
void
Fields(Io& io, B& b, const PptpStartControlConnectionReply*)
{
    io("protocolVersion", b.protocolVersion, NameFunction<uint16_t>(&PptpProtocolVersionName));
    io("resultCode", b.resultCode);
    io("errorCode", b.errorCode);
    io("framingCapabilities",
       b.framingCapabilities,
       NameFunction<uint32_t>(&PptpFramingCapabilitiesName));
    io("bearerCapabilities",
       b.bearerCapabilities,
       NameFunction<uint32_t>(&PptpBearerCapabilitiesName));
    io("maximumChannels", b.maximumChannels);
    io("firmwareRevision", b.firmwareRevision, HexField());
    io("hostName", b.hostName);
    io("vendorName", b.vendorName);
}

template <class Io, class B>
void
Fields(Io& io, B& b, const PptpStopControlConnectionRequest*)
{
    io("reason", b.reason);
    io("reserved1", b.reserved1, HexField());
    io("reserved2", b.reserved2, HexField());
}

template <class Io, class B>
void
Fields(Io& io, B& b, const PptpStopControlConnectionReply*)
{
    io("resultCode", b.resultCode);
    io("errorCode", b.errorCode);
    io("reserved1", b.reserved1, HexField());
}

template <class Io, class B>
void
Fields(Io& io, B& b, const PptpEchoRequest*)
{
    io("identifier", b.identifier, HexField());
}

template <class Io, class B>
void
Fields(Io& io, B& b, const PptpEchoReply*)
{
    io("identifier", b.identifier, HexField());
    io("resultCode", b.resultCode);
    io("errorCode", b.errorCode);
    io("reserved1", b.reserved1, HexField());
}

template <class Io, class B>
void
Fields(Io& io, B& b, const PptpOutgoingCallRequest*)
{
    io("callId", b.callId);
    io("callSerialNumber", b.callSerialNumber);
    io("minimumBps", b.minimumBps);
    io("maximumBps", b.maximumBps);
    io("bearerType", b.bearerType);
    io("framingType", b.framingType);
    io("packetRecvWindowSize", b.packetRecvWindowSize);
    io("packetProcessingDelay", b.packetProcessingDelay);
    io("phoneNumberLength", b.phoneNumberLength);
    io("reserved1", b.reserved1, HexField());
    io("phoneNumber", b.phoneNumber);
    io("subaddress", b.subaddress);
}

template <class Io, class B>
void
Fields(Io& io, B& b, const PptpOutgoingCallReply*)
{
    io("callId", b.callId);
    io("peersCallId", b.peersCallId);
    io("resultCode", b.resultCode);
    io("errorCode", b.errorCode);
    io("causeCode", b.causeCode);
    io("connectSpeed", b.connectSpeed);
    io("packetRecvWindowSize", b.packetRecvWindowSize);
    io("packetProcessingDelay", b.packetProcessingDelay);
    io("physicalChannelId", b.physicalChannelId);
}

template <class Io, class B>
void
Fields(Io& io, B& b, const PptpIncomingCallRequest*)
{
    io("callId", b.callId);
    io("callSerialNumber", b.callSerialNumber);
    io("callBearerType", b.callBearerType);
    io("physicalChannelId", b.physicalChannelId);
    io("dialedNumberLength", b.dialedNumberLength);
    io("dialingNumberLength", b.dialingNumberLength);
    io("dialedNumber", b.dialedNumber);
    io("dialingNumber", b.dialingNumber);
    io("subaddress", b.subaddress);
}

template <class Io, class B>
void
Fields(Io& io, B& b, const PptpIncomingCallReply*)
{
    io("callId", b.callId);
    io("peersCallId", b.peersCallId);
    io("resultCode", b.resultCode);
    io("errorCode", b.errorCode);
    io("packetRecvWindowSize", b.packetRecvWindowSize);
    io("packetTransmitDelay", b.packetTransmitDelay);
    io("reserved1", b.reserved1, HexField());
}

template <class Io, class B>
void
Fields(Io& io, B& b, const PptpIncomingCallConnected*)
{
    io("peersCallId", b.peersCallId);
    io("reserved1", b.reserved1, HexField());
    io("connectSpeed", b.connectSpeed);
    io("packetRecvWindowSize", b.packetRecvWindowSize);
    io("packetTransmitDelay", b.packetTransmitDelay);
    io("framingType", b.framingType);
}

template <class Io, class B>
void
Fields(Io& io, B& b, const PptpCallClearRequest*)
{
    io("callId", b.callId);
    io("reserved1", b.reserved1, HexField());
}

template <class Io, class B>
void
Fields(Io& io, B& b, const PptpCallDisconnectNotify*)
{
    io("callId", b.callId);
    io("resultCode", b.resultCode);
    io("errorCode", b.errorCode);
    io("causeCode", b.causeCode);
    io("reserved1", b.reserved1, HexField());
    io("callStatistics", b.callStatistics);
}

template <class Io, class B>
void
Fields(Io& io, B& b, const PptpWanErrorNotify*)
{
    io("peersCallId", b.peersCallId);
    io("reserved1", b.reserved1, HexField());
    io("crcErrors", b.crcErrors);
    io("framingErrors", b.framingErrors);
    io("hardwareOverruns", b.hardwareOverruns);
    io("bufferOverruns", b.bufferOverruns);
    io("timeoutErrors", b.timeoutErrors);
    io("alignmentErrors", b.alignmentErrors);
}

template <class Io, class B>
void
Fields(Io& io, B& b, const PptpSetLinkInfo*)
{
    io("peersCallId", b.peersCallId);
    io("reserved1", b.reserved1, HexField());
    io("sendAccm", b.sendAccm, HexField());
    io("receiveAccm", b.receiveAccm, HexField());
}

/**
 * Visit the fields of a body in wire order.
 * \param io the visitor
 * \param body the body (const for encoding and printing)
 */
template <class Io, class B>
void
VisitFields(Io& io, B& body)
{
    Fields(io, body, static_cast<const std::remove_const_t<B>*>(nullptr));
}

/// Writes fields in network order.
class FieldWriter
{
  public:
    /**
     * \param it where to write
     */
    explicit FieldWriter(Buffer::Iterator& it)
        : m_it(it)
    {
    }

    template <class... Extra>
    void
    operator()(const char*, uint8_t v, Extra...)
    {
        m_it.WriteU8(v);
    }

    template <class... Extra>
    void
    operator()(const char*, uint16_t v, Extra...)
    {
        m_it.WriteHtonU16(v);
    }

    template <class... Extra>
    void
    operator()(const char*, uint32_t v, Extra...)
    {
        m_it.WriteHtonU32(v);
    }

    template <std::size_t N>
    void
    operator()(const char*, const std::array<uint8_t, N>& v)
    {
        m_it.Write(v.data(), N);
    }

    template <class E, std::enable_if_t<std::is_enum_v<E>, int> = 0>
    void
    operator()(const char* name, E v)
    {
        (*this)(name, static_cast<std::underlying_type_t<E>>(v));
    }

  private:
    Buffer::Iterator& m_it; //!< output position
};

/// Reads fields in network order; the caller has checked that the whole body is present.
template <class Source>
class FieldReader
{
  public:
    /**
     * \param source where to read
     */
    explicit FieldReader(Source& source)
        : m_source(source)
    {
    }

    template <class... Extra>
    void
    operator()(const char*, uint8_t& v, Extra...)
    {
        v = m_source.ReadU8();
    }

    template <class... Extra>
    void
    operator()(const char*, uint16_t& v, Extra...)
    {
        v = m_source.ReadNtohU16();
    }

    template <class... Extra>
    void
    operator()(const char*, uint32_t& v, Extra...)
    {
        v = m_source.ReadNtohU32();
    }

    template <std::size_t N>
    void
    operator()(const char*, std::array<uint8_t, N>& v)
    {
        m_source.Read(v.data(), N);
    }

    template <class E, std::enable_if_t<std::is_enum_v<E>, int> = 0>
    void
    operator()(const char* name, E& v)
    {
        std::underlying_type_t<E> raw;
        (*this)(name, raw);
        v = static_cast<E>(raw);
    }

  private:
    Source& m_source; //!< input position
};

/// A byte array with the read methods of Buffer::Iterator used here.
class ByteSource
{
  public:
    /**
     * \param data the first octet
     */
    explicit ByteSource(const uint8_t* data)
        : m_data(data)
    {
    }

    uint8_t
    ReadU8()
    {
        return *m_data++;
    }

    uint16_t
    ReadNtohU16()
    {
        uint16_t v = static_cast<uint16_t>((m_data[0] << 8) | m_data[1]);
        m_data += 2;
        return v;
    }

    uint32_t
    ReadNtohU32()
    {
        uint32_t v = (static_cast<uint32_t>(m_data[0]) << 24)
                     | (static_cast<uint32_t>(m_data[1]) << 16)
                     | (static_cast<uint32_t>(m_data[2]) << 8) | static_cast<uint32_t>(m_data[3]);
        m_data += 4;
        return v;
    }

    void
    Read(uint8_t* out, uint32_t size)
    {
        std::memcpy(out, m_data, size);
        m_data += size;
    }

  private:
    const uint8_t* m_data; //!< next octet
};

const char*
CodeName(PptpStartControlConnectionResult v)
{
    return PptpStartControlConnectionResultName(v);
}

const char*
CodeName(PptpStopReason v)
{
    return PptpStopReasonName(v);
}

const char*
CodeName(PptpStopControlConnectionResult v)
{
    return PptpStopControlConnectionResultName(v);
}

const char*
CodeName(PptpEchoResult v)
{
    return PptpEchoResultName(v);
}

const char*
CodeName(PptpOutgoingCallResult v)
{
    return PptpOutgoingCallResultName(v);
}

const char*
CodeName(PptpIncomingCallResult v)
{
    return PptpIncomingCallResultName(v);
}

const char*
CodeName(PptpCallDisconnectResult v)
{
    return PptpCallDisconnectResultName(v);
}

const char*
CodeName(PptpGeneralError v)
{
    return PptpGeneralErrorName(v);
}

const char*
CodeName(PptpFramingType v)
{
    return PptpFramingTypeName(v);
}

const char*
CodeName(PptpBearerType v)
{
    return PptpBearerTypeName(v);
}

/// Prints fields as " name=value": codes by name, text quoted, raw values in hex.
class FieldPrinter
{
  public:
    /**
     * \param os the stream
     */
    explicit FieldPrinter(std::ostream& os)
        : m_os(os)
    {
    }

    template <class V, std::enable_if_t<std::is_integral_v<V>, int> = 0>
    void
    operator()(const char* name, V v)
    {
        m_os << ' ' << name << '=' << static_cast<uint32_t>(v);
    }

    template <class V>
    void
    operator()(const char* name, V v, HexField)
    {
        m_os << ' ' << name << '=';
        pptp::PrintHexValue(m_os, static_cast<uint32_t>(v), sizeof(V) * 2);
    }

    template <class V>
    void
    operator()(const char* name, V v, NameFunction<V> nameOf)
    {
        m_os << ' ' << name << '=' << nameOf(v) << '(';
        pptp::PrintHexValue(m_os, v, sizeof(V) * 2);
        m_os << ')';
    }

    template <class E, std::enable_if_t<std::is_enum_v<E>, int> = 0>
    void
    operator()(const char* name, E v)
    {
        m_os << ' ' << name << '=' << CodeName(v) << '('
             << static_cast<uint32_t>(static_cast<std::underlying_type_t<E>>(v)) << ')';
    }

    template <std::size_t N>
    void
    operator()(const char* name, const std::array<uint8_t, N>& v)
    {
        const std::string text = PptpGetText(v);
        m_os << ' ' << name << '=';
        pptp::PrintQuoted(m_os, text);
        // Octets after the terminating NUL are kept for re-encoding; show them if not zero.
        std::size_t last = N;
        while (last > text.size() && v[last - 1] == 0)
        {
            --last;
        }
        if (last > text.size())
        {
            m_os << "+padding[";
            pptp::PrintHex(m_os, v.data() + text.size(), last - text.size());
            m_os << ']';
        }
    }

  private:
    std::ostream& m_os; //!< the stream
};

/// Fixed lengths, indexed by Control Message Type - 1.
template <std::size_t... I>
constexpr std::array<uint16_t, sizeof...(I)>
MakeLengthTable(std::index_sequence<I...>)
{
    return {std::variant_alternative_t<I, PptpControlBody>::LENGTH...};
}

/// The variant alternatives are in Control Message Type order.
template <std::size_t... I>
constexpr bool
CheckTypeOrder(std::index_sequence<I...>)
{
    return (
        (static_cast<std::size_t>(std::variant_alternative_t<I, PptpControlBody>::TYPE) == I + 1)
        && ...);
}

constexpr std::size_t TYPE_COUNT = std::variant_size_v<PptpControlBody>;
constexpr std::array<uint16_t, TYPE_COUNT> LENGTHS
    = MakeLengthTable(std::make_index_sequence<TYPE_COUNT>());
static_assert(CheckTypeOrder(std::make_index_sequence<TYPE_COUNT>()),
              "PptpControlBody alternatives must follow the Control Message Type values");
static_assert(TYPE_COUNT == 15, "RFC 2637 defines 15 control messages");

/**
 * Emplace alternative \p index of the body and read its fields.
 * \param body the body
 * \param index the alternative (Control Message Type - 1)
 * \param source the input, holding the whole body
 */
template <std::size_t I = 0, class Source>
void
ReadBody(PptpControlBody& body, std::size_t index, Source& source)
{
    if constexpr (I < TYPE_COUNT)
    {
        if (index == I)
        {
            auto& b = body.template emplace<I>();
            FieldReader<Source> reader(source);
            VisitFields(reader, b);
        }
        else
        {
            ReadBody<I + 1>(body, index, source);
        }
    }
}

} // namespace

void
PptpSetText(uint8_t* field, std::size_t size, const std::string& text)
{
    std::size_t n = std::min(size, text.size());
    std::memcpy(field, text.data(), n);
    std::memset(field + n, 0, size - n);
}

std::string
PptpGetText(const uint8_t* field, std::size_t size)
{
    const uint8_t* end = std::find(field, field + size, 0);
    return std::string(reinterpret_cast<const char*>(field), end - field);
}

PptpControlMessage::PptpControlMessage()
    : m_body()
    , m_reserved0(0)
    , m_error(WireError::NONE)
{
}

TypeId
PptpControlMessage::GetTypeId()
{
    static TypeId tid = TypeId("ns3::PptpControlMessage")
                            .SetParent<Header>()
                            .SetGroupName("Pptp")
                            .AddConstructor<PptpControlMessage>();
    return tid;
}

TypeId
PptpControlMessage::GetInstanceTypeId() const
{
    return GetTypeId();
}

uint32_t
PptpControlMessage::GetSerializedSize() const
{
    return GetLength();
}

void
PptpControlMessage::Serialize(Buffer::Iterator start) const
{
    Buffer::Iterator it = start;
    it.WriteHtonU16(GetLength());
    it.WriteHtonU16(PPTP_CONTROL_MESSAGE);
    it.WriteHtonU32(PPTP_MAGIC_COOKIE);
    it.WriteHtonU16(static_cast<uint16_t>(GetMessageType()));
    it.WriteHtonU16(m_reserved0);
    FieldWriter writer(it);
    std::visit([&writer](const auto& body) { VisitFields(writer, body); }, m_body);
}

template <class Source>
uint32_t
PptpControlMessage::DoDeserialize(Source& source, uint32_t available)
{
    if (available < 2)
    {
        m_error = WireError::TRUNCATED;
        return 0;
    }
    uint16_t length = source.ReadNtohU16();
    if (length < HEADER_LENGTH)
    {
        NS_LOG_LOGIC("Length " << length << " is shorter than the PPTP header");
        m_error = WireError::BAD_LENGTH;
        return 0;
    }
    if (available < HEADER_LENGTH)
    {
        m_error = WireError::TRUNCATED;
        return 0;
    }
    uint16_t pptpType = source.ReadNtohU16();
    uint32_t magic = source.ReadNtohU32();
    uint16_t controlType = source.ReadNtohU16();
    uint16_t reserved0 = source.ReadNtohU16();
    // The cookie is checked first: without it the octets are not a PPTP message at all.
    if (magic != PPTP_MAGIC_COOKIE)
    {
        NS_LOG_LOGIC("bad Magic Cookie 0x" << std::hex << magic << std::dec);
        m_error = WireError::BAD_MAGIC;
        return 0;
    }
    if (pptpType != PPTP_CONTROL_MESSAGE)
    {
        NS_LOG_LOGIC("PPTP Message Type " << pptpType << " is not a control message");
        m_error = WireError::BAD_MESSAGE_TYPE;
        return 0;
    }
    if (controlType == 0 || controlType > TYPE_COUNT)
    {
        NS_LOG_LOGIC("unknown Control Message Type " << controlType);
        m_error = WireError::UNKNOWN_TYPE;
        return 0;
    }
    if (length != LENGTHS[controlType - 1])
    {
        NS_LOG_LOGIC("Length " << length << " is wrong for Control Message Type " << controlType);
        m_error = WireError::BAD_LENGTH;
        return 0;
    }
    if (available < length)
    {
        m_error = WireError::TRUNCATED;
        return 0;
    }
    // All octets of the body are present: the field reads below stay within the input.
    ReadBody(m_body, controlType - 1, source);
    m_reserved0 = reserved0;
    m_error = WireError::NONE;
    return length;
}

uint32_t
PptpControlMessage::Deserialize(Buffer::Iterator start)
{
    NS_LOG_FUNCTION(this);
    return DoDeserialize(start, start.GetRemainingSize());
}

uint32_t
PptpControlMessage::Deserialize(Buffer::Iterator start, Buffer::Iterator end)
{
    NS_LOG_FUNCTION(this);
    uint32_t available = std::min(start.GetRemainingSize(), end.GetDistanceFrom(start));
    return DoDeserialize(start, available);
}

uint32_t
PptpControlMessage::Deserialize(const uint8_t* data, std::size_t size)
{
    NS_LOG_FUNCTION(this << size);
    ByteSource source(data);
    uint32_t available = static_cast<uint32_t>(std::min<std::size_t>(size, UINT32_MAX));
    if (data == nullptr)
    {
        available = 0;
    }
    return DoDeserialize(source, available);
}

void
PptpControlMessage::Print(std::ostream& os) const
{
    if (m_error != WireError::NONE)
    {
        os << "[last decode failed: " << WireErrorName(m_error) << "] ";
    }
    os << PptpControlMessageTypeName(GetMessageType()) << '('
       << static_cast<uint16_t>(GetMessageType()) << ") length=" << GetLength() << " reserved0=";
    pptp::PrintHexValue(os, m_reserved0, 4);
    FieldPrinter printer(os);
    std::visit([&printer](const auto& body) { VisitFields(printer, body); }, m_body);
}

WireError
PptpControlMessage::GetError() const
{
    return m_error;
}

const PptpControlBody&
PptpControlMessage::GetVariant() const
{
    return m_body;
}

PptpControlMessageType
PptpControlMessage::GetMessageType() const
{
    return static_cast<PptpControlMessageType>(m_body.index() + 1);
}

uint16_t
PptpControlMessage::GetLength() const
{
    return LENGTHS[m_body.index()];
}

uint16_t
PptpControlMessage::GetReserved0() const
{
    return m_reserved0;
}

void
PptpControlMessage::SetReserved0(uint16_t reserved0)
{
    m_reserved0 = reserved0;
}

uint16_t
PptpControlMessage::GetFixedLength(PptpControlMessageType type)
{
    auto value = static_cast<std::size_t>(type);
    if (value == 0 || value > TYPE_COUNT)
    {
        return 0;
    }
    return LENGTHS[value - 1];
}

uint16_t
PptpControlMessage::PeekLength(const uint8_t* data, std::size_t size)
{
    if (data == nullptr || size < 2)
    {
        return 0;
    }
    return static_cast<uint16_t>((data[0] << 8) | data[1]);
}

WireError
PptpControlMessage::PeekFraming(const uint8_t* data, std::size_t size, uint16_t& length)
{
    length = PeekLength(data, size);
    if (size >= 2 && length < HEADER_LENGTH)
    {
        return WireError::BAD_LENGTH;
    }
    if (size < 8)
    {
        return WireError::TRUNCATED;
    }
    uint32_t magic = (static_cast<uint32_t>(data[4]) << 24) | (static_cast<uint32_t>(data[5]) << 16)
                     | (static_cast<uint32_t>(data[6]) << 8) | static_cast<uint32_t>(data[7]);
    if (magic != PPTP_MAGIC_COOKIE)
    {
        return WireError::BAD_MAGIC;
    }
    return WireError::NONE;
}

std::ostream&
operator<<(std::ostream& os, const PptpControlMessage& message)
{
    message.Print(os);
    return os;
}

} // namespace ns3
