/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-call-id-allocator.h"

#include "pptp-control-connection.h"

#include "ns3/log.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PptpCallIdAllocator");

NS_OBJECT_ENSURE_REGISTERED(PptpCallIdAllocator);

TypeId
PptpCallIdAllocator::GetTypeId()
{
    static TypeId tid
        = TypeId("ns3::PptpCallIdAllocator")
              .SetParent<Object>()
              .SetGroupName("Pptp")
              .AddConstructor<PptpCallIdAllocator>()
              .AddAttribute("FirstCallId",
                            "The first Call ID handed out (1..65535); later ones follow in order "
                            "and wrap around to 1.",
                            UintegerValue(1),
                            MakeUintegerAccessor(&PptpCallIdAllocator::m_next),
                            MakePptpRangeChecker(MakeUintegerChecker<uint16_t>(1, 65535),
                                                 "ns3::PptpCallIdAllocator::FirstCallId",
                                                 "1..65535"))
              .AddAttribute("FirstSerialNumber",
                            "The first Call Serial Number handed out (0..65535).",
                            UintegerValue(0),
                            MakeUintegerAccessor(&PptpCallIdAllocator::m_nextSerial),
                            MakeUintegerChecker<uint16_t>());
    return tid;
}

PptpCallIdAllocator::PptpCallIdAllocator()
    : m_inUse(65536, false)
    , m_inUseCount(0)
    , m_next(1)
    , m_nextSerial(0)
{
    NS_LOG_FUNCTION(this);
}

PptpCallIdAllocator::~PptpCallIdAllocator()
{
    NS_LOG_FUNCTION(this);
}

void
PptpCallIdAllocator::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_connections.clear();
    Object::DoDispose();
}

Ptr<PptpCallIdAllocator>
PptpCallIdAllocator::GetOrCreate(Ptr<Node> node)
{
    NS_ASSERT_MSG(node, "PptpCallIdAllocator::GetOrCreate needs a node");
    Ptr<PptpCallIdAllocator> allocator = node->GetObject<PptpCallIdAllocator>();
    if (!allocator)
    {
        allocator = CreateObject<PptpCallIdAllocator>();
        node->AggregateObject(allocator);
    }
    return allocator;
}

bool
PptpCallIdAllocator::Allocate(uint16_t& callId)
{
    NS_LOG_FUNCTION(this);
    if (m_inUseCount >= 65535)
    {
        NS_LOG_WARN("all 65535 Call IDs are in use");
        return false;
    }
    uint16_t candidate = m_next == 0 ? 1 : m_next;
    while (m_inUse[candidate])
    {
        candidate = candidate == 65535 ? 1 : candidate + 1;
    }
    m_inUse[candidate] = true;
    ++m_inUseCount;
    m_next = candidate == 65535 ? 1 : candidate + 1;
    callId = candidate;
    NS_LOG_LOGIC("Call ID " << candidate << " allocated, " << m_inUseCount << " in use");
    return true;
}

void
PptpCallIdAllocator::Release(uint16_t callId)
{
    NS_LOG_FUNCTION(this << callId);
    if (callId != 0 && m_inUse[callId])
    {
        m_inUse[callId] = false;
        --m_inUseCount;
    }
}

bool
PptpCallIdAllocator::IsInUse(uint16_t callId) const
{
    return m_inUse[callId];
}

uint32_t
PptpCallIdAllocator::GetInUseCount() const
{
    return m_inUseCount;
}

uint16_t
PptpCallIdAllocator::NextSerialNumber()
{
    return m_nextSerial++;
}

void
PptpCallIdAllocator::AddConnection(uint32_t peer, PptpControlConnection* connection)
{
    NS_LOG_FUNCTION(this << peer << connection);
    m_connections.emplace(peer, connection);
}

void
PptpCallIdAllocator::RemoveConnection(uint32_t peer, PptpControlConnection* connection)
{
    NS_LOG_FUNCTION(this << peer << connection);
    auto range = m_connections.equal_range(peer);
    for (auto it = range.first; it != range.second; ++it)
    {
        if (it->second == connection)
        {
            m_connections.erase(it);
            return;
        }
    }
}

std::pair<PptpCallIdAllocator::ConnectionMap::const_iterator,
          PptpCallIdAllocator::ConnectionMap::const_iterator>
PptpCallIdAllocator::GetConnections(uint32_t peer) const
{
    return m_connections.equal_range(peer);
}

} // namespace ns3
