/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_SECURITY_OPTIONS_H
#define PPTP_SECURITY_OPTIONS_H

#include "pptp-client-helper.h"
#include "pptp-server-helper.h"

#include "ns3/command-line.h"

#include <cstdint>
#include <string>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief The security settings of a PPTP experiment in the words of a VPN administrator
 * (authentication method, MPPE strength and mode, user and password), as CommandLine options,
 * applied to a client and a server helper as the PPP Attributes they stand for.
 *
 * Defaults: MS-CHAPv2 with MPPE-128 stateless, required by both ends (what Windows and pptpd
 * negotiate by default).
 */
class PptpSecurityOptions
{
  public:
    std::string auth{"mschapv2"}; //!< none, pap, chap-md5 or mschapv2
    std::string mppe{"128"};      //!< none, 40, 56 or 128
    bool stateless{true};         //!< MPPE stateless mode (key change every packet)
    std::string user{"alice"};    //!< the user name of the clients (and the server's table)
    std::string password{"correct horse battery staple"}; //!< their password

    /**
     * \brief Add --auth, --mppe, --stateless, --user and --password to a command line.
     * \param cmd the command line
     */
    void AddToCommandLine(CommandLine& cmd);

    /**
     * \brief Check the values.
     * \return an empty string when they are valid, else a message naming the bad option and
     * its valid values
     */
    std::string Validate() const;

    /**
     * \brief Whether MPPE is asked for.
     * \return true unless mppe is "none"
     */
    bool IsEncrypted() const;

    /**
     * \brief Octets MPPE adds to every datagram's frame (the MTU is lowered by them).
     * \return 4 when encrypted, else 0
     */
    uint16_t GetMtuReduction() const;

    /**
     * \brief Set the PPP Attributes on both helpers: the server requires the method and
     * knows the user; the client authenticates with the user and password; both require
     * MPPE of the strength and mode (or run without it).
     * The values must be valid (Validate()); an invalid one stops the program.
     * \param client the client helper
     * \param server the server helper
     */
    void Apply(PptpClientHelper& client, PptpServerHelper& server) const;
};

} // namespace ns3

#endif /* PPTP_SECURITY_OPTIONS_H */
