/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_RANGE_CHECKER_H
#define PPTP_RANGE_CHECKER_H

#include "ns3/attribute.h"
#include "ns3/ptr.h"

#include <string>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief Wrap an Attribute checker so that a value of the right type that it rejects is
 * reported with the Attribute's name and its valid range before ns-3 stops (ns-3's own
 * message names the Attribute only). Everything else is the wrapped checker's.
 * \param checker the checker that decides (e.g. MakeUintegerChecker<uint16_t>(1, 65535))
 * \param attribute the full Attribute name, e.g. "ns3::PptpServer::Port"
 * \param range the valid values in words, e.g. "1..65535"
 * \return the checker
 */
Ptr<const AttributeChecker> MakePptpRangeChecker(Ptr<const AttributeChecker> checker,
                                                 const std::string& attribute,
                                                 const std::string& range);

} // namespace ns3

#endif /* PPTP_RANGE_CHECKER_H */
