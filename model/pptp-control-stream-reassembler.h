/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_CONTROL_STREAM_REASSEMBLER_H
#define PPTP_CONTROL_STREAM_REASSEMBLER_H

#include "pptp-control-message.h"
#include "pptp-wire-error.h"

#include "ns3/packet.h"
#include "ns3/ptr.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief Cuts the TCP byte stream of a control connection into PPTP control messages.
 *
 * TCP delivers the stream in arbitrary pieces: a message may arrive over several segments,
 * and a segment may carry several messages. Push() appends what the socket delivered; then
 * call Pop() until it returns false:
 *
 * \code
 *   reassembler.Push(packet);
 *   PptpControlMessage message;
 *   WireError error;
 *   while (reassembler.Pop(message, error))
 *   {
 *       if (error == WireError::NONE) { handle(message); }
 *       else if (reassembler.IsBroken()) { send Stop-Control-Connection-Request; break; }
 *       else { count / answer the malformed message; }
 *   }
 * \endcode
 *
 * The Length field frames the stream. A message whose Length and Magic Cookie are plausible
 * but which fails to decode (wrong Length for its type, unknown type, PPTP Message Type other
 * than 1) is consumed whole and reported; the stream stays in sync. A Length below 12 or a bad
 * Magic Cookie means the stream has lost sync, which \RFC{2637} s.1.4 forbids repairing: the
 * reassembler reports it once, becomes broken (IsBroken()) and ignores all further input.
 *
 * One byte buffer is kept and compacted in place; it grows only when a message (or a burst of
 * unread input) is larger than it.
 */
class PptpControlStreamReassembler
{
  public:
    /** \brief An empty reassembler. */
    PptpControlStreamReassembler();

    /**
     * \brief Append the octets of a packet received on the control connection.
     * \param packet the packet (its whole content is stream data)
     */
    void Push(Ptr<const Packet> packet);

    /**
     * \brief Append stream octets.
     * \param data the octets
     * \param size how many
     */
    void Push(const uint8_t* data, std::size_t size);

    /**
     * \brief Take the next message out of the stream.
     * \param [out] message the decoded message when error is NONE (left as it was otherwise,
     *        except for its GetError())
     * \param [out] error NONE for a good message; the reason for a malformed message that was
     *        consumed; BAD_LENGTH or BAD_MAGIC when the stream lost sync (then IsBroken())
     * \return false when no complete message is buffered, or when the reassembler is broken
     *         and has already reported why; true when message or error was set
     */
    bool Pop(PptpControlMessage& message, WireError& error);

    /**
     * \brief Whether the stream lost sync (Length below 12 or bad Magic Cookie).
     * \return true once broken; only Reset() clears it
     */
    bool IsBroken() const;

    /**
     * \brief Why the stream lost sync.
     * \return BAD_LENGTH or BAD_MAGIC when broken, NONE otherwise
     */
    WireError GetBrokenReason() const;

    /** \brief Forget all buffered octets, the broken state and the counters (for a new
     * connection); the buffer's memory is kept. */
    void Reset();

    /**
     * \brief Octets pushed but not yet taken out by Pop().
     * \return the count
     */
    std::size_t GetBufferedBytes() const;

    /**
     * \brief All octets pushed, including those ignored after the stream broke.
     * \return the count
     */
    uint64_t GetBytesReceived() const;

    /**
     * \brief Messages decoded without error.
     * \return the count
     */
    uint64_t GetMessagesReceived() const;

    /**
     * \brief Errors reported by Pop(), the loss of sync included.
     * \return the count
     */
    uint64_t GetErrors() const;

  private:
    /**
     * \brief Make room for size more octets at the tail, compacting first.
     * \param size the octets to be appended
     * \return where to write them
     */
    uint8_t* Reserve(std::size_t size);

    std::vector<uint8_t> m_buffer; //!< storage; the unread octets are [m_head, m_tail)
    std::size_t m_head;            //!< first unread octet
    std::size_t m_tail;            //!< one past the last unread octet
    bool m_broken;                 //!< the stream lost sync
    WireError m_brokenReason;      //!< why the stream lost sync
    uint64_t m_bytesReceived;      //!< octets pushed
    uint64_t m_messagesReceived;   //!< good messages popped
    uint64_t m_errors;             //!< errors popped
};

} // namespace ns3

#endif /* PPTP_CONTROL_STREAM_REASSEMBLER_H */
