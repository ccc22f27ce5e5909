/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPP_AUTOMATON_LINK_H
#define PPP_AUTOMATON_LINK_H

#include "ppp-automaton.h"
#include "ppp-control-packet.h"
#include "pptp-test-util.h"

#include "ns3/nstime.h"
#include "ns3/packet.h"
#include "ns3/ptr.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{
namespace pptptest
{

/// A short name of a control packet code ("CR", "CA", "CN", "CJ", "TR", "TA", "CodeRej",
/// "RR", "RA", else "code<n>") for the tests' exchange logs. \param code the code
/// \return the name
inline std::string
PppCodeTag(uint8_t code)
{
    switch (code)
    {
        case PppControlPacket::CONFIGURE_REQUEST:
            return "CR";
        case PppControlPacket::CONFIGURE_ACK:
            return "CA";
        case PppControlPacket::CONFIGURE_NAK:
            return "CN";
        case PppControlPacket::CONFIGURE_REJECT:
            return "CJ";
        case PppControlPacket::TERMINATE_REQUEST:
            return "TR";
        case PppControlPacket::TERMINATE_ACK:
            return "TA";
        case PppControlPacket::CODE_REJECT:
            return "CodeRej";
        case PppControlPacket::RESET_REQUEST:
            return "RR";
        case PppControlPacket::RESET_ACK:
            return "RA";
    }
    return "code" + std::to_string(code);
}

/// A control packet's bytes with the Identifier octet zeroed, as hex (to compare with a
/// capture, whose identifiers differ). \param bytes the packet \return the hex text
inline std::string
WithoutIdentifier(Bytes bytes)
{
    BOOST_REQUIRE_GE(bytes.size(), 4U);
    bytes[1] = 0;
    return ToHex(bytes);
}

/// A control packet from hex bytes (e.g. a capture's) with its Identifier octet replaced.
/// \param hex the bytes \param identifier the Identifier \return the packet
inline Ptr<Packet>
WithIdentifier(const std::string& hex, uint8_t identifier)
{
    Bytes bytes = FromHex(hex);
    bytes[1] = identifier;
    return PacketOf(bytes);
}

/**
 * Two instances of one PppAutomaton protocol, sides A (the client in the tests) and B (the
 * server), joined by a link with a one-way delay; every packet is logged as
 * "<side> <describe(packet)>" with its bytes. Side holds the instance in the member
 * \p Instance (e.g. Ptr<PppIpcp> Side::ipcp) and sets it up in its constructor.
 * \tparam Side the test's side type
 * \tparam T the protocol class
 * \tparam Instance the member of Side holding the instance
 */
template <class Side, class T, Ptr<T> Side::*Instance>
struct PppAutomatonLink
{
    /// Turns a packet into its log text.
    typedef std::string (*Describer)(Ptr<const Packet> packet);

    Side a;                        //!< side A (the client in the tests)
    Side b;                        //!< side B (the server)
    Time delay = MilliSeconds(10); //!< one-way delay
    std::vector<std::string> log;  //!< every packet, in sending order
    std::vector<Bytes> wire;       //!< their bytes
    uint16_t protocol;             //!< the PPP protocol every packet must carry
    Describer describe;            //!< the log text of a packet

    /**
     * \param protocolNumber the PPP protocol of the instances
     * \param describer the log text of a packet
     */
    PppAutomatonLink(uint16_t protocolNumber, Describer describer)
        : protocol(protocolNumber)
        , describe(describer)
    {
        (a.*Instance)
            ->SetSendCallback(PppAutomaton::SendCallback([this](uint16_t p, Ptr<Packet> packet)
                                                         { Carry('A', p, packet); }));
        (b.*Instance)
            ->SetSendCallback(PppAutomaton::SendCallback([this](uint16_t p, Ptr<Packet> packet)
                                                         { Carry('B', p, packet); }));
    }

    ~PppAutomatonLink()
    {
        (a.*Instance)->Dispose();
        (b.*Instance)->Dispose();
    }

    /// Carry one packet to the other side. \param from 'A' or 'B' \param p its protocol
    /// \param packet the packet
    void
    Carry(char from, uint16_t p, Ptr<Packet> packet)
    {
        BOOST_CHECK_EQUAL(p, protocol);
        log.push_back(std::string(1, from) + " " + describe(packet));
        wire.push_back(BytesOf(packet));
        Ptr<T> to = from == 'A' ? b.*Instance : a.*Instance;
        Simulator::Schedule(delay, &PppAutomaton::Receive, to, packet->Copy());
    }

    /// Open and bring up both sides (B first, as the server in the capture), run.
    /// \param until when the simulation stops
    void
    Run(Time until = Seconds(120))
    {
        Simulator::Schedule(Seconds(0),
                            [this]()
                            {
                                (b.*Instance)->Open();
                                (b.*Instance)->Up();
                            });
        Simulator::Schedule(MilliSeconds(1),
                            [this]()
                            {
                                (a.*Instance)->Open();
                                (a.*Instance)->Up();
                            });
        Simulator::Stop(until);
        Simulator::Run();
    }

    /// \param line a log line \return whether the log holds it
    bool
    Logged(const std::string& line) const
    {
        return std::find(log.begin(), log.end(), line) != log.end();
    }

    /// Check the log against the expected lines (joined, so that a failure shows the whole
    /// exchange). \param expected the lines
    void
    Expect(const std::vector<std::string>& expected) const
    {
        auto join = [](const std::vector<std::string>& lines)
        {
            std::string text;
            for (const std::string& line : lines)
            {
                text += line + "\n";
            }
            return text;
        };
        BOOST_CHECK_EQUAL(join(log), join(expected));
    }
};

/**
 * One instance of a PppAutomaton protocol whose packets are collected; the test plays the
 * peer. Side holds the instance in the member \p Instance.
 * \tparam Side the test's side type
 * \tparam T the protocol class
 * \tparam Instance the member of Side holding the instance
 */
template <class Side, class T, Ptr<T> Side::*Instance>
struct PppAutomatonProbe
{
    Side side;              //!< the instance under test
    std::vector<Bytes> out; //!< what it sent
    uint16_t protocol;      //!< the PPP protocol every packet must carry

    /// \param protocolNumber the PPP protocol of the instance
    explicit PppAutomatonProbe(uint16_t protocolNumber)
        : protocol(protocolNumber)
    {
        (side.*Instance)
            ->SetSendCallback(PppAutomaton::SendCallback(
                [this](uint16_t p, Ptr<Packet> packet)
                {
                    BOOST_CHECK_EQUAL(p, protocol);
                    out.push_back(BytesOf(packet));
                }));
    }

    ~PppAutomatonProbe()
    {
        (side.*Instance)->Dispose();
    }

    /// Open and Up.
    void
    Start()
    {
        (side.*Instance)->Open();
        (side.*Instance)->Up();
    }

    /// Deliver a packet to the instance. \param packet the packet
    void
    Inject(Ptr<Packet> packet)
    {
        (side.*Instance)->Receive(packet);
    }

    /// Deliver hex bytes to the instance. \param hex the bytes
    void
    Inject(const std::string& hex)
    {
        Inject(PacketOf(FromHex(hex)));
    }

    /// \return the last packet sent
    const Bytes&
    Last() const
    {
        BOOST_REQUIRE(!out.empty());
        return out.back();
    }
};

} // namespace pptptest
} // namespace ns3

#endif /* PPP_AUTOMATON_LINK_H */
