/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/*
 * Writes a complete synthetic PPTP session (control connection, LCP, MS-CHAPv2,
 * CCP/MPPE, IPCP, encrypted data, tear-down) to a pcap file and prints the
 * message sequence. Open the file in Wireshark, or:
 *
 *   ./pptp-synthetic-session --output=session.pcap --user=alice --password=secret
 *   tshark -r session.pcap
 */

#include "pptp-synthetic-session.h"

#include "ns3/command-line.h"

#include <cstdlib>
#include <iostream>

using namespace ns3;

int
main(int argc, char* argv[])
{
    std::string output = "pptp-synthetic-session.pcap";
    std::string user = "User";
    std::string password = "clientPass";
    uint32_t packets = 6;
    uint32_t strength = 128;
    bool stateless = true;

    CommandLine cmd(__FILE__);
    cmd.AddValue("output", "the pcap file to write", output);
    cmd.AddValue("user", "MS-CHAPv2 user name", user);
    cmd.AddValue("password", "MS-CHAPv2 password", password);
    cmd.AddValue(
        "packets", "MPPE-encrypted data packets (ICMP echo requests and replies)", packets);
    cmd.AddValue("strength", "MPPE key length in bits: 40, 56 or 128", strength);
    cmd.AddValue("stateless", "stateless MPPE (a new key for every packet)", stateless);
    cmd.Parse(argc, argv);

    if (strength != 40 && strength != 56 && strength != 128)
    {
        std::cerr << "--strength must be 40, 56 or 128" << std::endl;
        return EXIT_FAILURE;
    }
    if (packets > 4000)
    {
        std::cerr << "--packets must be at most 4000" << std::endl;
        return EXIT_FAILURE;
    }

    PptpSyntheticSession session;
    session.SetUser(user);
    session.SetPassword(password);
    session.SetDataPackets(packets);
    session.SetStrength(strength == 40   ? MppeStrength::BITS_40
                        : strength == 56 ? MppeStrength::BITS_56
                                         : MppeStrength::BITS_128);
    session.SetStateless(stateless);
    if (!session.Write(output))
    {
        std::cerr << "cannot write " << output << std::endl;
        return EXIT_FAILURE;
    }

    std::cout << "wrote " << session.GetFrameCount() << " frames to " << output << std::endl;
    std::cout << "MS-CHAPv2 user '" << user << "', authenticator response "
              << MsChapV2::FormatAuthenticatorResponse(session.GetAuthenticatorResponse())
              << std::endl;
    std::cout << "MPPE " << strength << "-bit " << (stateless ? "stateless" : "stateful")
              << ", client send key " << session.GetSendStartKey(MppeSide::CLIENT)
              << ", server send key " << session.GetSendStartKey(MppeSide::SERVER) << std::endl;
    for (const auto& step : session.GetSteps())
    {
        std::cout << "  frame " << step.frame << "  "
                  << (step.direction == PptpPcapSessionWriter::CLIENT_TO_SERVER
                          ? "client -> server"
                          : "server -> client")
                  << "  " << step.what << std::endl;
    }
    return EXIT_SUCCESS;
}
