/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPP_CREDENTIALS_H
#define PPP_CREDENTIALS_H

#include "ns3/simple-ref-count.h"

#include <cstddef>
#include <map>
#include <string>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief The authenticator's table of user names and passwords (pppd's chap-secrets), shared
 * by the calls of a server.
 *
 * User names compare exactly: octet by octet, case-sensitive. Passwords are kept as given
 * (UTF-8; MS-CHAPv2 hashes them as UTF-16LE, \RFC{2759} s.8.3).
 */
class PppCredentials : public SimpleRefCount<PppCredentials>
{
  public:
    /**
     * \brief Add a user, or replace the password of one already in the table.
     * \param user the user name
     * \param password the password
     */
    void Add(const std::string& user, const std::string& password);

    /**
     * \brief Look a user up.
     * \param user the user name (exact match)
     * \param password receives the password when the user is known; untouched otherwise
     * \return whether the user is in the table
     */
    bool Lookup(const std::string& user, std::string& password) const;

    /**
     * \brief The number of users.
     * \return the size of the table
     */
    std::size_t GetSize() const;

  private:
    std::map<std::string, std::string> m_users; //!< user name -> password
};

} // namespace ns3

#endif /* PPP_CREDENTIALS_H */
