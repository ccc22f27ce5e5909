/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_CAPTURED_CALL_H
#define PPTP_CAPTURED_CALL_H

#include "mppe-keys.h"
#include "mschapv2-dictionary-attack.h"

#include "ns3/ipv4-address.h"

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief The direction of a frame of a PPTP call, from the roles of the two ends.
 */
enum class PptpFrameDirection : uint8_t
{
    CLIENT_TO_SERVER = 0, //!< from the PNS / the authenticated peer
    SERVER_TO_CLIENT = 1, //!< from the PAC / the authenticator
};

/**
 * \ingroup pptp
 * \brief The name of a direction.
 * \param direction the direction
 * \return "CLIENT_TO_SERVER" or "SERVER_TO_CLIENT" (or "UNKNOWN")
 */
const char* PptpFrameDirectionName(PptpFrameDirection direction);

/**
 * \ingroup pptp
 * \brief Prints PptpFrameDirectionName().
 * \param os the stream
 * \param direction the direction
 * \return the stream
 */
std::ostream& operator<<(std::ostream& os, PptpFrameDirection direction);

/**
 * \ingroup pptp
 * \brief A bounds-checked view of an IPv4 datagram in a byte buffer (no copy); used on
 * captured frames and on decrypted ones alike.
 */
struct PptpIpv4View
{
    Ipv4Address source;              //!< Source Address
    Ipv4Address destination;         //!< Destination Address
    uint8_t protocol{0};             //!< Protocol
    bool fragment{false};            //!< MF set or a non-zero fragment offset
    const uint8_t* payload{nullptr}; //!< the data after the header (within Total Length)
    std::size_t payloadSize{0};      //!< its length

    /**
     * \brief Reads the header: version 4, IHL >= 5, Total Length within the bytes.
     * \param data the datagram
     * \param size octets available (octets past Total Length, e.g. link padding, are ignored)
     * \return false if the bytes are not a well-formed IPv4 header
     */
    bool Parse(const uint8_t* data, std::size_t size);

    /**
     * \brief The UDP payload of a datagram Parse() accepted.
     * \param sourcePort receives the UDP source port
     * \param destinationPort receives the UDP destination port
     * \param data receives the payload's first octet
     * \param size receives its length
     * \return false unless protocol 17, not a fragment and the UDP Length fits
     */
    bool GetUdp(uint16_t& sourcePort,
                uint16_t& destinationPort,
                const uint8_t*& data,
                std::size_t& size) const;
};

/**
 * \ingroup pptp
 * \brief One MPPE-encrypted PPP frame an eavesdropper stored.
 */
struct PptpCapturedFrame
{
    double time{0};                 //!< capture time (s)
    PptpFrameDirection direction{}; //!< which way it went
    std::vector<uint8_t> payload;   //!< the MPPE header and the encrypted data
};

/**
 * \ingroup pptp
 * \brief What an eavesdropper learned about one PPTP call: its two ends and Call IDs, the
 * MS-CHAPv2 exchange, the MPPE strength and mode CCP agreed on, and the encrypted frames.
 *
 * The ends' roles come from the control connection (the side that sends the
 * Outgoing-Call-Request is the client) or from CHAP (the side that sends the Challenge is the
 * server); until then the source of the first GRE packet is taken as the client.
 */
struct PptpCapturedCall
{
    Ipv4Address client;            //!< the PNS's address
    Ipv4Address server;            //!< the PAC's address
    bool rolesKnown{false};        //!< client and server confirmed (control or CHAP)
    bool clientCallIdKnown{false}; //!< clientCallId seen
    uint16_t clientCallId{0};      //!< Call ID of the client (Key of GRE packets to it)
    bool serverCallIdKnown{false}; //!< serverCallId seen
    uint16_t serverCallId{0};      //!< Call ID of the server (Key of GRE packets to it)
    double firstTime{0};           //!< first frame of the call (s)
    double lastTime{0};            //!< last frame of the call (s)
    uint64_t greFrames[2]{0, 0};   //!< GRE packets by PptpFrameDirection
    uint64_t pppFrames{0};         //!< PPP frames carried (both ways)

    std::string authenticatorName; //!< Name of the CHAP Challenge
    uint8_t chapIdentifier{0};     //!< Identifier of the last Challenge
    bool hasChallenge{false};      //!< an MS-CHAPv2 Challenge was seen
    bool hasResponse{false};       //!< a Response to it was seen
    bool hasSuccess{false};        //!< a Success to it was seen
    bool hasFailure{false};        //!< a Failure to it was seen
    std::string resultMessage;     //!< the Success or Failure text
    MsChapV2Exchange exchange;     //!< the exchange's fields

    bool hasMppe{false};                   //!< a CCP Configure-Ack carried the MPPE option
    uint32_t mppeBits{0};                  //!< its Supported Bits (the last Configure-Ack)
    std::vector<PptpCapturedFrame> frames; //!< the MPPE frames in capture order

    /**
     * \brief Whether the exchange can be attacked: Challenge and Response seen.
     * \return true if so
     */
    bool HasExchange() const;

    /**
     * \brief The MPPE strength CCP agreed on (128 bits if several bits are set, as \RFC{3078}
     * s.2 says the strongest wins).
     * \return the strength (BITS_128 when no MPPE option was seen)
     */
    MppeStrength GetStrength() const;

    /**
     * \brief Whether CCP agreed on stateless mode (bit H).
     * \return true if so
     */
    bool IsStateless() const;

    /**
     * \brief The MPPE frames of one direction.
     * \param direction the direction
     * \return how many were stored
     */
    uint64_t CountFrames(PptpFrameDirection direction) const;

    /**
     * \brief Swap the client and server roles (and Call IDs, directions, counters).
     */
    void SwapRoles();
};

} // namespace ns3

#endif /* PPTP_CAPTURED_CALL_H */
