/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MSCHAPV2_MESSAGE_H
#define MSCHAPV2_MESSAGE_H

#include "pptp-wire-error.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief MS-CHAPv2 error codes carried in the E= field of a Failure message (\RFC{2759} s.6).
 *
 * Other codes may appear on the wire and must be handled gracefully, so
 * MsChapV2Failure keeps the code as a plain number.
 */
enum class MsChapV2ErrorCode : uint32_t
{
    ERROR_RESTRICTED_LOGON_HOURS = 646, //!< logon not allowed at this time
    ERROR_ACCT_DISABLED = 647,          //!< the account is disabled
    ERROR_PASSWD_EXPIRED = 648,         //!< the password has expired (peer may Change-Password)
    ERROR_NO_DIALIN_PERMISSION = 649,   //!< the account may not dial in
    ERROR_AUTHENTICATION_FAILURE = 691, //!< wrong user name or password
    ERROR_CHANGING_PASSWORD = 709,      //!< the password change failed
};

/**
 * \ingroup pptp
 * \brief The name of an MS-CHAPv2 error code, e.g. "ERROR_AUTHENTICATION_FAILURE".
 * \param code the decimal code of the E= field (any value)
 * \return a static string; "UNKNOWN_ERROR" for codes \RFC{2759} s.6 does not list
 */
const char* MsChapV2ErrorCodeName(uint32_t code);

/**
 * \ingroup pptp
 * \brief The 49-octet Value of an MS-CHAPv2 Response packet (\RFC{2759} s.4).
 *
 * 16 octets Peer-Challenge, 8 octets Reserved (zero), 24 octets NT-Response,
 * 1 octet Flags. The Reserved octets are not stored: Decode() refuses any
 * that are not zero and Encode() writes zeros. Flags are kept as received
 * (the RFC reserves them and says they MUST be zero; a receiver that wants to
 * enforce that checks the field).
 */
struct MsChapV2ResponseValue
{
    static constexpr std::size_t PEER_CHALLENGE_SIZE = 16; //!< Peer-Challenge octets
    static constexpr std::size_t RESERVED_SIZE = 8;        //!< Reserved octets
    static constexpr std::size_t NT_RESPONSE_SIZE = 24;    //!< NT-Response octets
    static constexpr std::size_t SIZE = 49;                //!< the whole Value

    std::array<uint8_t, PEER_CHALLENGE_SIZE> peerChallenge{}; //!< Peer-Challenge
    std::array<uint8_t, NT_RESPONSE_SIZE> ntResponse{};       //!< NT-Response
    uint8_t flags{0};                                         //!< Flags

    /**
     * \brief Write the 49 octets.
     * \param out room for SIZE octets
     */
    void Encode(uint8_t* out) const;
    /**
     * \brief The 49 octets, e.g. for ChapPacket::SetValue().
     * \return SIZE octets
     */
    std::vector<uint8_t> Encode() const;
    /**
     * \brief Decode a Response Value; on failure the fields are left unchanged.
     * \param data the octets
     * \param size their number
     * \return NONE; BAD_LENGTH when size is not 49; BAD_VALUE when Reserved is not zero
     */
    WireError Decode(const uint8_t* data, std::size_t size);
    /**
     * \brief Decode a Response Value, e.g. ChapPacket::GetValue().
     * \param value the octets
     * \return as Decode(const uint8_t*, std::size_t)
     */
    WireError Decode(const std::vector<uint8_t>& value);
    /**
     * \brief Print every field in hex.
     * \param os the stream
     */
    void Print(std::ostream& os) const;
};

/**
 * \ingroup pptp
 * \brief The Message of an MS-CHAPv2 Success packet: "S=<auth_string> M=<message>"
 * (\RFC{2759} s.5).
 *
 * <auth_string> is the 20-octet authenticator response as 40 hex digits
 * (upper case on output as the RFC requires; either case accepted on input).
 * The " M=<message>" part may be missing (the bare "S=..." form some
 * authenticators send); hasMessage tells which form was parsed or is formatted.
 */
struct MsChapV2Success
{
    static constexpr std::size_t AUTHENTICATOR_RESPONSE_SIZE = 20; //!< octets of <auth_string>

    std::array<uint8_t, AUTHENTICATOR_RESPONSE_SIZE> authenticatorResponse{}; //!< the S= value
    bool hasMessage{true}; //!< whether " M=<message>" follows
    std::string message;   //!< the M= text (everything after "M=")

    /**
     * \brief The Message text.
     * \return "S=<40 upper-case hex digits>" followed by " M=<message>" if hasMessage
     */
    std::string Format() const;
    /**
     * \brief Parse a Success Message; on failure the fields are left unchanged.
     * \param text the Message octets, e.g. ChapPacket::GetMessage()
     * \return NONE, or BAD_TEXT when the text does not follow the grammar (no "S=", not
     *         exactly 40 hex digits, anything but " M=" after them)
     */
    WireError Parse(const std::string& text);
    /**
     * \brief Print every field (the authenticator response in hex).
     * \param os the stream
     */
    void Print(std::ostream& os) const;
};

/**
 * \ingroup pptp
 * \brief The Message of an MS-CHAPv2 Failure packet:
 * "E=eeeeeeeeee R=r C=cccccccccccccccccccccccccccccccc V=vvvvvvvvvv M=<msg>" (\RFC{2759} s.6).
 *
 * E is a decimal error code (1 to 10 digits, see MsChapV2ErrorCode), R the
 * retry flag '0' or '1', C the 16-octet challenge for a retry as exactly 32
 * hex digits (upper case on output, either case on input), V a decimal
 * password-change protocol version (1 to 10 digits; 3 for MS-CHAPv2, pppd
 * sends 0). The fields come in this order, separated by one space; the
 * " M=<msg>" part may be missing (hasMessage).
 */
struct MsChapV2Failure
{
    static constexpr std::size_t CHALLENGE_SIZE = 16; //!< octets of the C= value

    uint32_t errorCode{691};                         //!< the E= value (see MsChapV2ErrorCode)
    bool retry{false};                               //!< the R= flag
    std::array<uint8_t, CHALLENGE_SIZE> challenge{}; //!< the C= value
    uint32_t version{3};                             //!< the V= value
    bool hasMessage{true};                           //!< whether " M=<msg>" follows
    std::string message;                             //!< the M= text (everything after "M=")

    /**
     * \brief The Message text.
     * \return "E=<code> R=<0|1> C=<32 upper-case hex digits> V=<version>", followed by
     *         " M=<message>" if hasMessage
     */
    std::string Format() const;
    /**
     * \brief Parse a Failure Message; on failure the fields are left unchanged.
     * \param text the Message octets, e.g. ChapPacket::GetMessage()
     * \return NONE, or BAD_TEXT when the text does not follow the grammar (a field missing
     *         or out of order, a number without digits or beyond 32 bits, R not 0 or 1,
     *         C not exactly 32 hex digits)
     */
    WireError Parse(const std::string& text);
    /**
     * \brief Print every field (the error code with its name, the challenge in hex).
     * \param os the stream
     */
    void Print(std::ostream& os) const;
};

/**
 * \ingroup pptp
 * \brief Stream output of a Response Value (MsChapV2ResponseValue::Print()).
 * \param os the stream
 * \param value the value
 * \return the stream
 */
std::ostream& operator<<(std::ostream& os, const MsChapV2ResponseValue& value);

/**
 * \ingroup pptp
 * \brief Stream output of a Success message (MsChapV2Success::Print()).
 * \param os the stream
 * \param success the message
 * \return the stream
 */
std::ostream& operator<<(std::ostream& os, const MsChapV2Success& success);

/**
 * \ingroup pptp
 * \brief Stream output of a Failure message (MsChapV2Failure::Print()).
 * \param os the stream
 * \param failure the message
 * \return the stream
 */
std::ostream& operator<<(std::ostream& os, const MsChapV2Failure& failure);

} // namespace ns3

#endif /* MSCHAPV2_MESSAGE_H */
