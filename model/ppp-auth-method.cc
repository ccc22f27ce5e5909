/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ppp-auth-method.h"

#include "ppp-frame-header.h"

#include "ns3/abort.h"

namespace ns3
{

const char*
PppAuthMethodName(PppAuthMethod method)
{
    switch (method)
    {
        case PppAuthMethod::NONE:
            return "NONE";
        case PppAuthMethod::PAP:
            return "PAP";
        case PppAuthMethod::CHAP_MD5:
            return "CHAP_MD5";
        case PppAuthMethod::MSCHAPV2:
            return "MSCHAPV2";
    }
    return "UNKNOWN";
}

std::ostream&
operator<<(std::ostream& os, PppAuthMethod method)
{
    return os << PppAuthMethodName(method);
}

PppOption
PppAuthMethodOption(PppAuthMethod method)
{
    switch (method)
    {
        case PppAuthMethod::PAP:
            return PppOption::MakeAuthenticationPap();
        case PppAuthMethod::CHAP_MD5:
            return PppOption::MakeAuthenticationChap(PppOption::CHAP_MD5);
        case PppAuthMethod::MSCHAPV2:
            return PppOption::MakeAuthenticationChap(PppOption::CHAP_MS_CHAP_V2);
        case PppAuthMethod::NONE:
            break;
    }
    NS_ABORT_MSG("PppAuthMethodOption: no option asks for " << method);
    return PppOption();
}

bool
PppAuthMethodFromOption(const PppOption& option, PppAuthMethod& method)
{
    if (!option.Is(PppProtocol::LCP, PppOption::LCP_AUTHENTICATION_PROTOCOL)
        || option.GetStatus() != WireError::NONE)
    {
        return false;
    }
    uint16_t protocol = option.GetAuthenticationProtocol();
    if (protocol == PppProtocol::PAP)
    {
        method = PppAuthMethod::PAP;
        return true;
    }
    if (protocol != PppProtocol::CHAP)
    {
        return false;
    }
    switch (option.GetChapAlgorithm())
    {
        case PppOption::CHAP_MD5:
            method = PppAuthMethod::CHAP_MD5;
            return true;
        case PppOption::CHAP_MS_CHAP_V2:
            method = PppAuthMethod::MSCHAPV2;
            return true;
        default:
            return false;
    }
}

} // namespace ns3
