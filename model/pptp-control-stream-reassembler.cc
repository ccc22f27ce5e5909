/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-control-stream-reassembler.h"

#include "ns3/log.h"

#include <algorithm>
#include <cstring>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PptpControlStreamReassembler");

namespace
{
/// Initial buffer size: a few of the longest messages.
constexpr std::size_t INITIAL_CAPACITY = 4 * PptpControlMessage::MAX_LENGTH;
} // namespace

PptpControlStreamReassembler::PptpControlStreamReassembler()
    : m_buffer(INITIAL_CAPACITY)
    , m_head(0)
    , m_tail(0)
    , m_broken(false)
    , m_brokenReason(WireError::NONE)
    , m_bytesReceived(0)
    , m_messagesReceived(0)
    , m_errors(0)
{
}

uint8_t*
PptpControlStreamReassembler::Reserve(std::size_t size)
{
    if (m_buffer.size() - m_tail < size && m_head > 0)
    {
        std::memmove(m_buffer.data(), m_buffer.data() + m_head, m_tail - m_head);
        m_tail -= m_head;
        m_head = 0;
    }
    if (m_buffer.size() - m_tail < size)
    {
        m_buffer.resize(std::max(2 * m_buffer.size(), m_tail + size));
    }
    return m_buffer.data() + m_tail;
}

void
PptpControlStreamReassembler::Push(Ptr<const Packet> packet)
{
    NS_LOG_FUNCTION(this << packet);
    if (!packet)
    {
        return;
    }
    uint32_t size = packet->GetSize();
    m_bytesReceived += size;
    if (m_broken || size == 0)
    {
        return;
    }
    uint8_t* out = Reserve(size);
    packet->CopyData(out, size);
    m_tail += size;
}

void
PptpControlStreamReassembler::Push(const uint8_t* data, std::size_t size)
{
    NS_LOG_FUNCTION(this << size);
    if (data == nullptr)
    {
        return;
    }
    m_bytesReceived += size;
    if (m_broken || size == 0)
    {
        return;
    }
    uint8_t* out = Reserve(size);
    std::memcpy(out, data, size);
    m_tail += size;
}

bool
PptpControlStreamReassembler::Pop(PptpControlMessage& message, WireError& error)
{
    NS_LOG_FUNCTION(this);
    if (m_broken)
    {
        return false;
    }
    const uint8_t* data = m_buffer.data() + m_head;
    std::size_t available = m_tail - m_head;
    uint16_t length = 0;
    WireError framing = PptpControlMessage::PeekFraming(data, available, length);
    if (framing == WireError::TRUNCATED)
    {
        return false;
    }
    if (framing != WireError::NONE)
    {
        NS_LOG_WARN("control stream lost sync (" << WireErrorName(framing) << ", Length " << length
                                                 << ")");
        m_broken = true;
        m_brokenReason = framing;
        ++m_errors;
        m_head = m_tail = 0;
        error = framing;
        return true;
    }
    if (available < length)
    {
        return false;
    }
    uint32_t consumed = message.Deserialize(data, length);
    m_head += length;
    if (m_head == m_tail)
    {
        m_head = m_tail = 0;
    }
    if (consumed == 0)
    {
        error = message.GetError();
        ++m_errors;
        NS_LOG_WARN("dropped a malformed control message of "
                    << length << " octets: " << WireErrorName(error));
        return true;
    }
    error = WireError::NONE;
    ++m_messagesReceived;
    return true;
}

bool
PptpControlStreamReassembler::IsBroken() const
{
    return m_broken;
}

WireError
PptpControlStreamReassembler::GetBrokenReason() const
{
    return m_brokenReason;
}

void
PptpControlStreamReassembler::Reset()
{
    NS_LOG_FUNCTION(this);
    m_head = 0;
    m_tail = 0;
    m_broken = false;
    m_brokenReason = WireError::NONE;
    m_bytesReceived = 0;
    m_messagesReceived = 0;
    m_errors = 0;
}

std::size_t
PptpControlStreamReassembler::GetBufferedBytes() const
{
    return m_tail - m_head;
}

uint64_t
PptpControlStreamReassembler::GetBytesReceived() const
{
    return m_bytesReceived;
}

uint64_t
PptpControlStreamReassembler::GetMessagesReceived() const
{
    return m_messagesReceived;
}

uint64_t
PptpControlStreamReassembler::GetErrors() const
{
    return m_errors;
}

} // namespace ns3
