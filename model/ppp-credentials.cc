/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ppp-credentials.h"

namespace ns3
{

void
PppCredentials::Add(const std::string& user, const std::string& password)
{
    m_users[user] = password;
}

bool
PppCredentials::Lookup(const std::string& user, std::string& password) const
{
    auto it = m_users.find(user);
    if (it == m_users.end())
    {
        return false;
    }
    password = it->second;
    return true;
}

std::size_t
PppCredentials::GetSize() const
{
    return m_users.size();
}

} // namespace ns3
