/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mppe-channel.h"

#include "mppe-header.h"

#include "ns3/log.h"
#include "ns3/tag.h"
#include "ns3/trace-source-accessor.h"

#include <algorithm>
#include <memory>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MppeChannel");

NS_OBJECT_ENSURE_REGISTERED(MppeChannel);

namespace
{
/// The MPPE header bits an MPPE-only sender sets: A (FLUSHED) and D (encrypted).
constexpr uint8_t FLAGS_MASK = 0xf0;

/**
 * \brief A fresh instance of a tag type, through its registered constructor.
 * \param tid the tag's TypeId
 * \return the tag, or null when the type has no constructor
 */
std::unique_ptr<Tag>
NewTag(TypeId tid)
{
    if (!tid.HasConstructor())
    {
        return nullptr;
    }
    ObjectBase* base = tid.GetConstructor()();
    Tag* tag = dynamic_cast<Tag*>(base);
    if (tag == nullptr)
    {
        delete base;
    }
    return std::unique_ptr<Tag>(tag);
}
} // namespace

const char*
MppeChannel::DropReasonName(DropReason reason)
{
    switch (reason)
    {
        case MALFORMED:
            return "MALFORMED";
        case NOT_STARTED:
            return "NOT_STARTED";
        case NOT_ENCRYPTED:
            return "NOT_ENCRYPTED";
        case COMPRESSED:
            return "COMPRESSED";
        case LOSS_DETECTED:
            return "LOSS_DETECTED";
        case DISCARDED:
            return "DISCARDED";
        case NOT_FLUSHED:
            return "NOT_FLUSHED";
        case DROP_REASON_COUNT:
            break;
    }
    return "unknown";
}

std::ostream&
operator<<(std::ostream& os, MppeChannel::DropReason reason)
{
    return os << MppeChannel::DropReasonName(reason);
}

TypeId
MppeChannel::GetTypeId()
{
    static TypeId tid
        = TypeId("ns3::MppeChannel")
              .SetParent<Object>()
              .SetGroupName("Pptp")
              .AddConstructor<MppeChannel>()
              .AddTraceSource("Drop",
                              "A received MPPE packet that was dropped, with the reason.",
                              MakeTraceSourceAccessor(&MppeChannel::m_dropTrace),
                              "ns3::MppeChannel::DropTracedCallback")
              .AddTraceSource("Resynchronized",
                              "A packet was decrypted after a gap in the coherency counts or a "
                              "detected loss: the receiver is in sync again.",
                              MakeTraceSourceAccessor(&MppeChannel::m_resynchronizedTrace),
                              "ns3::MppeChannel::ResynchronizedTracedCallback")
              .AddTraceSource("KeyChange",
                              "A direction changed its session key before a packet (RFC 3078 "
                              "s.7.3).",
                              MakeTraceSourceAccessor(&MppeChannel::m_keyChangeTrace),
                              "ns3::MppeChannel::KeyChangeTracedCallback");
    return tid;
}

MppeChannel::MppeChannel()
    : m_side(MppeSide::CLIENT)
    , m_started(false)
    , m_encrypted(0)
    , m_decrypted(0)
    , m_resetRequestsSent(0)
    , m_resetRequestsReceived(0)
    , m_resynchronizations(0)
    , m_drops{}
{
    NS_LOG_FUNCTION(this);
}

MppeChannel::~MppeChannel()
{
    NS_LOG_FUNCTION(this);
}

void
MppeChannel::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_started = false;
    m_resetRequest = Callback<void>();
    m_txScratch = std::vector<uint8_t>();
    m_rxScratch = std::vector<uint8_t>();
    Object::DoDispose();
}

void
MppeChannel::Start(const MppeKeys::MasterKey& masterKey,
                   MppeSide side,
                   MppeStrength strength,
                   bool stateless)
{
    NS_LOG_FUNCTION(this << static_cast<int>(side) << strength << stateless);
    m_side = side;
    m_send.Initialize(
        MppeKeys::GetAsymmetricStartKey(masterKey, strength, MppeDirection::SEND, side),
        strength,
        stateless);
    m_receive.Initialize(
        MppeKeys::GetAsymmetricStartKey(masterKey, strength, MppeDirection::RECEIVE, side),
        strength,
        stateless);
    m_started = true;
}

void
MppeChannel::Stop()
{
    NS_LOG_FUNCTION(this);
    m_started = false;
}

bool
MppeChannel::IsStarted() const
{
    return m_started;
}

MppeStrength
MppeChannel::GetStrength() const
{
    return m_send.GetStrength();
}

bool
MppeChannel::IsStateless() const
{
    return m_send.IsStateless();
}

MppeSide
MppeChannel::GetSide() const
{
    return m_side;
}

void
MppeChannel::SetResetRequestCallback(Callback<void> callback)
{
    NS_LOG_FUNCTION(this);
    m_resetRequest = callback;
}

void
MppeChannel::ReceiveResetRequest()
{
    NS_LOG_FUNCTION(this);
    ++m_resetRequestsReceived;
    if (m_started)
    {
        m_send.RequestFlush();
    }
}

Ptr<Packet>
MppeChannel::Encrypt(Ptr<const Packet> inner)
{
    NS_LOG_FUNCTION(this << inner);
    return EncryptWithPrefix(nullptr, 0, inner);
}

Ptr<Packet>
MppeChannel::EncryptDatagram(Ptr<const Packet> datagram, uint16_t protocol, bool compressProtocol)
{
    NS_LOG_FUNCTION(this << datagram << protocol << compressProtocol);
    uint8_t field[2];
    uint32_t length = 0;
    if (compressProtocol && protocol < 0x100)
    {
        field[length++] = static_cast<uint8_t>(protocol);
    }
    else
    {
        field[length++] = static_cast<uint8_t>(protocol >> 8);
        field[length++] = static_cast<uint8_t>(protocol);
    }
    return EncryptWithPrefix(field, length, datagram);
}

Ptr<Packet>
MppeChannel::EncryptWithPrefix(const uint8_t* prefix,
                               uint32_t prefixLength,
                               Ptr<const Packet> packet)
{
    if (!m_started)
    {
        NS_LOG_WARN("Encrypt() on a channel that is not started");
        return nullptr;
    }
    const uint32_t size = packet->GetSize();
    const uint32_t headerAndPrefix = MppeHeader::SIZE + prefixLength;
    const uint32_t total = headerAndPrefix + size;
    if (m_txScratch.size() < total)
    {
        m_txScratch.resize(total);
    }
    uint8_t* data = m_txScratch.data();
    std::copy(prefix, prefix + prefixLength, data + MppeHeader::SIZE);
    packet->CopyData(data + headerAndPrefix, size);

    const uint64_t keyChanges = m_send.GetKeyChangeCount();
    bool flushed = false;
    const uint16_t ccount = m_send.Encrypt(data + MppeHeader::SIZE, prefixLength + size, flushed);
    data[0] = static_cast<uint8_t>((flushed ? MppeHeader::FLAG_FLUSHED : 0)
                                   | MppeHeader::FLAG_ENCRYPTED | (ccount >> 8));
    data[1] = static_cast<uint8_t>(ccount);
    Ptr<Packet> out = Create<Packet>(data, total);
    ++m_encrypted;
    if (m_send.GetKeyChangeCount() != keyChanges)
    {
        m_keyChangeTrace(MppeDirection::SEND, ccount);
    }
    if (packet->GetPacketTagIterator().HasNext() || packet->GetByteTagIterator().HasNext())
    {
        CopyTags(packet, out, static_cast<int32_t>(headerAndPrefix));
    }
    return out;
}

Ptr<Packet>
MppeChannel::Decrypt(Ptr<const Packet> payload)
{
    NS_LOG_FUNCTION(this << payload);
    if (!m_started)
    {
        Drop(payload, NOT_STARTED);
        return nullptr;
    }
    const uint32_t size = payload->GetSize();
    // The header and at least one octet of the inner protocol field.
    if (size <= MppeHeader::SIZE)
    {
        Drop(payload, MALFORMED);
        return nullptr;
    }
    if (m_rxScratch.size() < size)
    {
        m_rxScratch.resize(size);
    }
    uint8_t* data = m_rxScratch.data();
    payload->CopyData(data, size);
    // The bits MppeHeader's decoder checks, told apart: C (MPPC), D, and B (MPPC only).
    const uint8_t flags = data[0] & FLAGS_MASK;
    if ((flags & MppeHeader::FLAG_COMPRESSED) != 0)
    {
        Drop(payload, COMPRESSED);
        return nullptr;
    }
    if ((flags & MppeHeader::FLAG_ENCRYPTED) == 0)
    {
        Drop(payload, NOT_ENCRYPTED);
        return nullptr;
    }
    if ((flags & MppeHeader::FLAG_AT_FRONT) != 0)
    {
        Drop(payload, MALFORMED);
        return nullptr;
    }
    const uint16_t ccount = static_cast<uint16_t>((data[0] & 0x0f) << 8 | data[1]);
    const bool flushed = (flags & MppeHeader::FLAG_FLUSHED) != 0;

    const bool wasDiscarding = m_receive.IsDiscarding();
    const uint16_t expected = MppeHeader::NextCoherencyCount(m_receive.GetCoherencyCount());
    const uint64_t keyChanges = m_receive.GetKeyChangeCount();
    switch (m_receive.Decrypt(data + MppeHeader::SIZE, size - MppeHeader::SIZE, ccount, flushed))
    {
        case MppeDecryptResult::DECRYPTED:
            break;
        case MppeDecryptResult::LOSS_DETECTED:
            NS_LOG_LOGIC("loss detected: expected " << expected << ", got " << ccount);
            Drop(payload, LOSS_DETECTED);
            ++m_resetRequestsSent;
            if (!m_resetRequest.IsNull())
            {
                m_resetRequest();
            }
            return nullptr;
        case MppeDecryptResult::DISCARDED:
            Drop(payload, DISCARDED);
            return nullptr;
        case MppeDecryptResult::NOT_FLUSHED:
            Drop(payload, NOT_FLUSHED);
            return nullptr;
    }
    Ptr<Packet> inner = Create<Packet>(data + MppeHeader::SIZE, size - MppeHeader::SIZE);
    ++m_decrypted;
    if (m_receive.GetKeyChangeCount() != keyChanges)
    {
        m_keyChangeTrace(MppeDirection::RECEIVE, ccount);
    }
    if (wasDiscarding || ccount != expected)
    {
        NS_LOG_LOGIC("resynchronized at coherency count " << ccount);
        ++m_resynchronizations;
        m_resynchronizedTrace(ccount);
    }
    if (payload->GetPacketTagIterator().HasNext() || payload->GetByteTagIterator().HasNext())
    {
        CopyTags(payload, inner, -static_cast<int32_t>(MppeHeader::SIZE));
    }
    return inner;
}

void
MppeChannel::Drop(Ptr<const Packet> payload, DropReason reason)
{
    NS_LOG_FUNCTION(this << payload << reason);
    NS_LOG_LOGIC("drop (" << reason << ") of " << payload->GetSize() << " octets");
    ++m_drops[reason];
    m_dropTrace(payload, reason);
}

void
MppeChannel::CopyTags(Ptr<const Packet> from, Ptr<const Packet> to, int32_t shift)
{
    PacketTagIterator packetTags = from->GetPacketTagIterator();
    while (packetTags.HasNext())
    {
        PacketTagIterator::Item item = packetTags.Next();
        std::unique_ptr<Tag> tag = NewTag(item.GetTypeId());
        if (!tag)
        {
            NS_LOG_WARN("packet tag " << item.GetTypeId().GetName() << " has no constructor");
            continue;
        }
        item.GetTag(*tag);
        to->AddPacketTag(*tag);
    }
    const int64_t limit = to->GetSize();
    ByteTagIterator byteTags = from->GetByteTagIterator();
    while (byteTags.HasNext())
    {
        ByteTagIterator::Item item = byteTags.Next();
        const int64_t start = std::max<int64_t>(0, int64_t(item.GetStart()) + shift);
        const int64_t end = std::min<int64_t>(limit, int64_t(item.GetEnd()) + shift);
        if (start >= end)
        {
            continue;
        }
        std::unique_ptr<Tag> tag = NewTag(item.GetTypeId());
        if (!tag)
        {
            NS_LOG_WARN("byte tag " << item.GetTypeId().GetName() << " has no constructor");
            continue;
        }
        item.GetTag(*tag);
        to->AddByteTag(*tag, static_cast<uint32_t>(start), static_cast<uint32_t>(end));
    }
}

uint64_t
MppeChannel::GetPacketsEncrypted() const
{
    return m_encrypted;
}

uint64_t
MppeChannel::GetPacketsDecrypted() const
{
    return m_decrypted;
}

uint64_t
MppeChannel::GetDropCount(DropReason reason) const
{
    return reason < DROP_REASON_COUNT ? m_drops[reason] : 0;
}

uint64_t
MppeChannel::GetResetRequestsSent() const
{
    return m_resetRequestsSent;
}

uint64_t
MppeChannel::GetResetRequestsReceived() const
{
    return m_resetRequestsReceived;
}

uint64_t
MppeChannel::GetResynchronizations() const
{
    return m_resynchronizations;
}

const MppeSessionKey&
MppeChannel::GetSendKey() const
{
    return m_send;
}

const MppeSessionKey&
MppeChannel::GetReceiveKey() const
{
    return m_receive;
}

} // namespace ns3
