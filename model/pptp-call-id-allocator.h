/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_CALL_ID_ALLOCATOR_H
#define PPTP_CALL_ID_ALLOCATOR_H

#include "ns3/node.h"
#include "ns3/object.h"
#include "ns3/ptr.h"

#include <cstdint>
#include <unordered_map>
#include <utility>
#include <vector>

namespace ns3
{

class PptpControlConnection;

/**
 * \ingroup pptp
 * \brief The PPTP state a node shares among its control connections: Call IDs unique on the
 * node, Call Serial Numbers, and the list of control connections by peer address.
 *
 * \RFC{2637} s.3.2.2 requires a Call ID unique per tunnel; allocating them per node makes
 * them unique across all of the node's tunnels, which is what the GRE layer needs to find a
 * call from the Call ID of a GRE packet alone. IDs are handed out in increasing order from
 * FirstCallId, wrap around after 65535 to 1 (0 is never used: it stands for "no call" in
 * replies), and an ID in use is never handed out again until Release().
 *
 * The connection list serves the SCCRQ collision rule (\RFC{2637} s.3.1.3) and the rule of
 * one control connection per PAC-PNS pair; it holds plain pointers that each connection
 * removes itself.
 *
 * Get one with PptpCallIdAllocator::GetOrCreate(node): it is aggregated to the node on first
 * use.
 */
class PptpCallIdAllocator : public Object
{
  public:
    /** \brief The node's control connections, keyed by the peer's IPv4 address. */
    typedef std::unordered_multimap<uint32_t, PptpControlConnection*> ConnectionMap;

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PptpCallIdAllocator();
    ~PptpCallIdAllocator() override;

    /**
     * \brief The node's allocator, aggregated to the node on first use.
     * \param node the node
     * \return the allocator
     */
    static Ptr<PptpCallIdAllocator> GetOrCreate(Ptr<Node> node);

    /**
     * \brief Take a free Call ID.
     * \param [out] callId the ID (unchanged on failure)
     * \return false when all 65535 IDs are in use
     */
    bool Allocate(uint16_t& callId);

    /**
     * \brief Give a Call ID back (nothing happens for an ID not in use).
     * \param callId the ID
     */
    void Release(uint16_t callId);

    /**
     * \brief Whether a Call ID is in use.
     * \param callId the ID
     * \return true between Allocate() and Release()
     */
    bool IsInUse(uint16_t callId) const;

    /**
     * \brief Number of Call IDs in use.
     * \return the count
     */
    uint32_t GetInUseCount() const;

    /**
     * \brief The next Call Serial Number (\RFC{2637} s.2.7): consecutive, wrapping at 65535.
     * \return the number
     */
    uint16_t NextSerialNumber();

    /**
     * \brief Register a control connection to a peer.
     * \param peer the peer's IPv4 address as a 32-bit value
     * \param connection the connection
     */
    void AddConnection(uint32_t peer, PptpControlConnection* connection);

    /**
     * \brief Remove a control connection (nothing happens if it is not registered).
     * \param peer the peer's IPv4 address as registered
     * \param connection the connection
     */
    void RemoveConnection(uint32_t peer, PptpControlConnection* connection);

    /**
     * \brief The node's control connections to a peer.
     * \param peer the peer's IPv4 address
     * \return the range of matching entries
     */
    std::pair<ConnectionMap::const_iterator, ConnectionMap::const_iterator> GetConnections(
        uint32_t peer) const;

  protected:
    void DoDispose() override;

  private:
    std::vector<bool> m_inUse;   //!< one flag per Call ID
    uint32_t m_inUseCount;       //!< IDs in use
    uint16_t m_next;             //!< where the search for a free ID starts
    uint16_t m_nextSerial;       //!< next Call Serial Number
    ConnectionMap m_connections; //!< control connections by peer address
};

} // namespace ns3

#endif /* PPTP_CALL_ID_ALLOCATOR_H */
