/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPP_AUTH_METHOD_H
#define PPP_AUTH_METHOD_H

#include "ppp-option.h"

#include <cstdint>
#include <ostream>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief A PPP authentication method, as LCP's Authentication-Protocol option names it
 * (\RFC{1661} s.6.2, \RFC{1994} s.3, \RFC{2759} s.2).
 */
enum class PppAuthMethod : uint8_t
{
    NONE = 0,     //!< no authentication
    PAP = 1,      //!< PAP, protocol 0xC023 (\RFC{1334})
    CHAP_MD5 = 2, //!< CHAP with MD5, protocol 0xC223 algorithm 5 (\RFC{1994})
    MSCHAPV2 = 3, //!< MS-CHAPv2, protocol 0xC223 algorithm 0x81 (\RFC{2759})
};

/**
 * \ingroup pptp
 * \brief The name of a method: "NONE", "PAP", "CHAP_MD5", "MSCHAPV2".
 * \param method the method
 * \return a static string; never null
 */
const char* PppAuthMethodName(PppAuthMethod method);

/**
 * \ingroup pptp
 * \brief Prints PppAuthMethodName().
 * \param os the stream
 * \param method the method
 * \return the stream
 */
std::ostream& operator<<(std::ostream& os, PppAuthMethod method);

/**
 * \ingroup pptp
 * \brief The LCP Authentication-Protocol option that asks for a method.
 * \param method PAP, CHAP_MD5 or MSCHAPV2 (NONE is a programming error)
 * \return the option
 */
PppOption PppAuthMethodOption(PppAuthMethod method);

/**
 * \ingroup pptp
 * \brief The method an LCP Authentication-Protocol option asks for.
 * \param option a decoded Authentication-Protocol option
 * \param method set to the method when it is one of the three modelled
 * \return false for another protocol or CHAP algorithm (e.g. MS-CHAPv1, EAP)
 */
bool PppAuthMethodFromOption(const PppOption& option, PppAuthMethod& method);

} // namespace ns3

#endif /* PPP_AUTH_METHOD_H */
