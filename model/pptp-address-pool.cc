/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-address-pool.h"

namespace ns3
{

PptpAddressPool::PptpAddressPool()
    : m_first(0)
    , m_allocated(0)
    , m_searchFrom(0)
{
}

void
PptpAddressPool::SetRange(Ipv4Address first, uint32_t size)
{
    m_first = first.Get();
    m_taken.assign(size, false);
    m_allocated = 0;
    m_searchFrom = 0;
}

Ipv4Address
PptpAddressPool::Allocate()
{
    for (uint32_t i = m_searchFrom; i < m_taken.size(); ++i)
    {
        if (!m_taken[i])
        {
            m_taken[i] = true;
            ++m_allocated;
            m_searchFrom = i + 1;
            return Ipv4Address(m_first + i);
        }
    }
    m_searchFrom = static_cast<uint32_t>(m_taken.size());
    return Ipv4Address::GetAny();
}

void
PptpAddressPool::Release(Ipv4Address address)
{
    uint32_t index = address.Get() - m_first;
    if (address.Get() < m_first || index >= m_taken.size() || !m_taken[index])
    {
        return;
    }
    m_taken[index] = false;
    --m_allocated;
    if (index < m_searchFrom)
    {
        m_searchFrom = index;
    }
}

uint32_t
PptpAddressPool::GetSize() const
{
    return static_cast<uint32_t>(m_taken.size());
}

uint32_t
PptpAddressPool::GetAllocated() const
{
    return m_allocated;
}

} // namespace ns3
