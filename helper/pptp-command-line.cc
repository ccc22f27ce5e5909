/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-command-line.h"

#include "ns3/callback.h"

#include <utility>

namespace ns3
{

namespace
{

/**
 * \brief Store an option's value as given.
 *
 * The value is taken by value: CommandLine::AddValue wants exactly a
 * Callback<bool, std::string>, and a callback of another signature would be converted by an
 * invalid downcast (UndefinedBehaviorSanitizer reports it).
 * \param target where to store it
 * \param value the value
 * \return true (every text is accepted)
 */
bool
StoreText(std::string* target, std::string value)
{
    *target = std::move(value);
    return true;
}

} // namespace

void
PptpAddTextValue(CommandLine& cmd,
                 const std::string& name,
                 const std::string& help,
                 std::string& value)
{
    cmd.AddValue(name, help, MakeBoundCallback(&StoreText, &value), value);
}

} // namespace ns3
