/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-security-options.h"

#include "ppp-auth-method.h"
#include "ppp-ccp.h"
#include "pptp-command-line.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/enum.h"

namespace ns3
{

void
PptpSecurityOptions::AddToCommandLine(CommandLine& cmd)
{
    cmd.AddValue("auth", "PPP authentication: none, pap, chap-md5 or mschapv2", auth);
    cmd.AddValue("mppe", "MPPE key length: none, 40, 56 or 128 (needs mschapv2)", mppe);
    cmd.AddValue("stateless", "MPPE stateless mode (new key every packet)", stateless);
    PptpAddTextValue(cmd, "user", "The clients' PPP user name", user);
    PptpAddTextValue(cmd, "password", "The clients' PPP password (spaces allowed)", password);
}

std::string
PptpSecurityOptions::Validate() const
{
    if (auth != "none" && auth != "pap" && auth != "chap-md5" && auth != "mschapv2")
    {
        return "--auth must be none, pap, chap-md5 or mschapv2 (not \"" + auth + "\")";
    }
    if (mppe != "none" && mppe != "40" && mppe != "56" && mppe != "128")
    {
        return "--mppe must be none, 40, 56 or 128 (not \"" + mppe + "\")";
    }
    if (mppe != "none" && auth != "mschapv2")
    {
        return "--mppe " + mppe
               + " needs --auth mschapv2 (MPPE keys come from MS-CHAPv2); use "
                 "--mppe none with --auth "
               + auth;
    }
    return "";
}

bool
PptpSecurityOptions::IsEncrypted() const
{
    return mppe != "none";
}

uint16_t
PptpSecurityOptions::GetMtuReduction() const
{
    return IsEncrypted() ? 4 : 0;
}

void
PptpSecurityOptions::Apply(PptpClientHelper& client, PptpServerHelper& server) const
{
    std::string problem = Validate();
    NS_ABORT_MSG_UNLESS(problem.empty(), problem);
    PppAuthMethod method = auth == "pap"        ? PppAuthMethod::PAP
                           : auth == "chap-md5" ? PppAuthMethod::CHAP_MD5
                           : auth == "mschapv2" ? PppAuthMethod::MSCHAPV2
                                                : PppAuthMethod::NONE;
    server.SetPppAttribute("Authentication", EnumValue(static_cast<int>(method)));
    server.AddUser(user, password);
    client.SetCredentials(user, password);
    EnumValue policy(IsEncrypted() ? PppCcp::Policy::REQUIRED : PppCcp::Policy::NONE);
    auto configure = [&](auto& helper)
    {
        helper.SetPppAttribute("Encryption", policy);
        if (IsEncrypted())
        {
            helper.SetPppAttribute("Allow40Bit", BooleanValue(mppe == "40"));
            helper.SetPppAttribute("Allow56Bit", BooleanValue(mppe == "56"));
            helper.SetPppAttribute("Allow128Bit", BooleanValue(mppe == "128"));
            helper.SetPppAttribute("AllowStateless", BooleanValue(stateless));
            helper.SetPppAttribute("AllowStateful", BooleanValue(!stateless));
        }
    };
    configure(client);
    configure(server);
}

} // namespace ns3
