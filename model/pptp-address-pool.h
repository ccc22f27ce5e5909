/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_ADDRESS_POOL_H
#define PPTP_ADDRESS_POOL_H

#include "ns3/ipv4-address.h"

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief The server's pool of client tunnel addresses (pptpd's remoteip): a range of
 * consecutive IPv4 addresses handed out to IPCP one per call and taken back when the call
 * ends. The lowest free address is handed out first.
 */
class PptpAddressPool
{
  public:
    /** \brief An empty pool. */
    PptpAddressPool();

    /**
     * \brief Set the range (frees every address).
     * \param first the first address
     * \param size how many addresses (0: an empty pool)
     */
    void SetRange(Ipv4Address first, uint32_t size);

    /**
     * \brief Take the lowest free address.
     * \return the address, or 0.0.0.0 when none is free
     */
    Ipv4Address Allocate();

    /**
     * \brief Give an address back; nothing for one outside the range or not taken.
     * \param address the address
     */
    void Release(Ipv4Address address);

    /** \brief \return addresses in the range */
    uint32_t GetSize() const;
    /** \brief \return addresses taken */
    uint32_t GetAllocated() const;

  private:
    uint32_t m_first;          //!< first address (host order)
    std::vector<bool> m_taken; //!< taken flags, one per address of the range
    uint32_t m_allocated;      //!< addresses taken
    uint32_t m_searchFrom;     //!< no free address below this index
};

} // namespace ns3

#endif /* PPTP_ADDRESS_POOL_H */
