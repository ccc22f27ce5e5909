/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_CONTROL_TYPES_H
#define PPTP_CONTROL_TYPES_H

#include <cstdint>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief The Protocol Version of \RFC{2637} s.1.4: version 1 in the high octet, revision 0.
 */
constexpr uint16_t PPTP_PROTOCOL_VERSION = 0x0100;

/**
 * \ingroup pptp
 * \brief The Magic Cookie every control message carries (\RFC{2637} s.1.4).
 */
constexpr uint32_t PPTP_MAGIC_COOKIE = 0x1A2B3C4D;

/**
 * \ingroup pptp
 * \brief The PPTP Message Type of a control message (\RFC{2637} s.1.4; 2 = management is
 * not defined).
 */
constexpr uint16_t PPTP_CONTROL_MESSAGE = 1;

/**
 * \ingroup pptp
 * \brief The TCP port of the control connection (\RFC{2637} s.1.4).
 */
constexpr uint16_t PPTP_TCP_PORT = 1723;

/**
 * \ingroup pptp
 * \brief Control Message Type field (\RFC{2637} s.1.4).
 */
enum class PptpControlMessageType : uint16_t
{
    START_CONTROL_CONNECTION_REQUEST = 1, //!< SCCRQ, s.2.1
    START_CONTROL_CONNECTION_REPLY = 2,   //!< SCCRP, s.2.2
    STOP_CONTROL_CONNECTION_REQUEST = 3,  //!< StopCCRQ, s.2.3
    STOP_CONTROL_CONNECTION_REPLY = 4,    //!< StopCCRP, s.2.4
    ECHO_REQUEST = 5,                     //!< s.2.5
    ECHO_REPLY = 6,                       //!< s.2.6
    OUTGOING_CALL_REQUEST = 7,            //!< OCRQ, s.2.7
    OUTGOING_CALL_REPLY = 8,              //!< OCRP, s.2.8
    INCOMING_CALL_REQUEST = 9,            //!< ICRQ, s.2.9
    INCOMING_CALL_REPLY = 10,             //!< ICRP, s.2.10
    INCOMING_CALL_CONNECTED = 11,         //!< ICCN, s.2.11
    CALL_CLEAR_REQUEST = 12,              //!< CCRQ, s.2.12
    CALL_DISCONNECT_NOTIFY = 13,          //!< CDN, s.2.13
    WAN_ERROR_NOTIFY = 14,                //!< WEN, s.2.14
    SET_LINK_INFO = 15,                   //!< SLI, s.2.15
};

/**
 * \ingroup pptp
 * \brief The RFC name of a control message type, e.g. "Start-Control-Connection-Request".
 * \param type the value
 * \return a static string; "UNKNOWN" for values outside 1..15
 */
const char* PptpControlMessageTypeName(PptpControlMessageType type);

/**
 * \ingroup pptp
 * \brief Result Code of a Start-Control-Connection-Reply (\RFC{2637} s.2.2).
 */
enum class PptpStartControlConnectionResult : uint8_t
{
    SUCCESS = 1,              //!< Successful channel establishment
    GENERAL_ERROR = 2,        //!< General error: Error Code indicates the problem
    CHANNEL_EXISTS = 3,       //!< Command channel already exists
    NOT_AUTHORIZED = 4,       //!< Requester is not authorized to establish a command channel
    VERSION_NOT_SUPPORTED = 5 //!< The protocol version of the requester is not supported
};

/**
 * \ingroup pptp
 * \brief The name of a Start-Control-Connection-Reply Result Code.
 * \param result the value
 * \return a static string; "UNKNOWN" for undefined values
 */
const char* PptpStartControlConnectionResultName(PptpStartControlConnectionResult result);

/**
 * \ingroup pptp
 * \brief Reason of a Stop-Control-Connection-Request (\RFC{2637} s.2.3).
 */
enum class PptpStopReason : uint8_t
{
    NONE = 1,               //!< General request to clear the control connection
    STOP_PROTOCOL = 2,      //!< Can't support the peer's version of the protocol
    STOP_LOCAL_SHUTDOWN = 3 //!< Requester is being shut down
};

/**
 * \ingroup pptp
 * \brief The name of a Stop-Control-Connection-Request Reason.
 * \param reason the value
 * \return a static string; "UNKNOWN" for undefined values
 */
const char* PptpStopReasonName(PptpStopReason reason);

/**
 * \ingroup pptp
 * \brief Result Code of a Stop-Control-Connection-Reply (\RFC{2637} s.2.4).
 */
enum class PptpStopControlConnectionResult : uint8_t
{
    OK = 1,           //!< Control connection closed
    GENERAL_ERROR = 2 //!< Not closed, for the reason in Error Code
};

/**
 * \ingroup pptp
 * \brief The name of a Stop-Control-Connection-Reply Result Code.
 * \param result the value
 * \return a static string; "UNKNOWN" for undefined values
 */
const char* PptpStopControlConnectionResultName(PptpStopControlConnectionResult result);

/**
 * \ingroup pptp
 * \brief Result Code of an Echo-Reply (\RFC{2637} s.2.6).
 */
enum class PptpEchoResult : uint8_t
{
    OK = 1,           //!< The Echo-Reply is valid
    GENERAL_ERROR = 2 //!< Echo-Request not accepted, for the reason in Error Code
};

/**
 * \ingroup pptp
 * \brief The name of an Echo-Reply Result Code.
 * \param result the value
 * \return a static string; "UNKNOWN" for undefined values
 */
const char* PptpEchoResultName(PptpEchoResult result);

/**
 * \ingroup pptp
 * \brief Result Code of an Outgoing-Call-Reply (\RFC{2637} s.2.8).
 */
enum class PptpOutgoingCallResult : uint8_t
{
    CONNECTED = 1,     //!< Call established with no errors
    GENERAL_ERROR = 2, //!< Not established, for the reason in Error Code
    NO_CARRIER = 3,    //!< Failed: no carrier detected
    BUSY = 4,          //!< Failed: busy signal
    NO_DIAL_TONE = 5,  //!< Failed: no dial tone
    TIME_OUT = 6,      //!< Not established within the time allotted by the PAC
    DO_NOT_ACCEPT = 7  //!< Administratively prohibited
};

/**
 * \ingroup pptp
 * \brief The name of an Outgoing-Call-Reply Result Code.
 * \param result the value
 * \return a static string; "UNKNOWN" for undefined values
 */
const char* PptpOutgoingCallResultName(PptpOutgoingCallResult result);

/**
 * \ingroup pptp
 * \brief Result Code of an Incoming-Call-Reply (\RFC{2637} s.2.10).
 */
enum class PptpIncomingCallResult : uint8_t
{
    CONNECT = 1,       //!< The PAC should answer the incoming call
    GENERAL_ERROR = 2, //!< Not to be established, for the reason in Error Code
    DO_NOT_ACCEPT = 3  //!< The PAC should not accept the call
};

/**
 * \ingroup pptp
 * \brief The name of an Incoming-Call-Reply Result Code.
 * \param result the value
 * \return a static string; "UNKNOWN" for undefined values
 */
const char* PptpIncomingCallResultName(PptpIncomingCallResult result);

/**
 * \ingroup pptp
 * \brief Result Code of a Call-Disconnect-Notify (\RFC{2637} s.2.13).
 */
enum class PptpCallDisconnectResult : uint8_t
{
    LOST_CARRIER = 1,   //!< Call disconnected due to loss of carrier
    GENERAL_ERROR = 2,  //!< Disconnected for the reason in Error Code
    ADMIN_SHUTDOWN = 3, //!< Disconnected for administrative reasons
    REQUEST = 4         //!< Disconnected due to a received Call-Clear-Request
};

/**
 * \ingroup pptp
 * \brief The name of a Call-Disconnect-Notify Result Code.
 * \param result the value
 * \return a static string; "UNKNOWN" for undefined values
 */
const char* PptpCallDisconnectResultName(PptpCallDisconnectResult result);

/**
 * \ingroup pptp
 * \brief General Error Codes (\RFC{2637} s.2.16), the Error Code field of every reply.
 */
enum class PptpGeneralError : uint8_t
{
    NONE = 0,          //!< No general error
    NOT_CONNECTED = 1, //!< No control connection exists yet for this PAC-PNS pair
    BAD_FORMAT = 2,    //!< Length is wrong or Magic Cookie value is incorrect
    BAD_VALUE = 3,     //!< A field value was out of range or a reserved field was non-zero
    NO_RESOURCE = 4,   //!< Insufficient resources to handle this command now
    BAD_CALL_ID = 5,   //!< The Call ID is invalid in this context
    PAC_ERROR = 6      //!< A generic vendor-specific error occurred in the PAC
};

/**
 * \ingroup pptp
 * \brief The name of a General Error Code.
 * \param error the value
 * \return a static string; "UNKNOWN" for undefined values
 */
const char* PptpGeneralErrorName(PptpGeneralError error);

/**
 * \ingroup pptp
 * \brief Bits of the Framing Capabilities field of SCCRQ / SCCRP (\RFC{2637} s.2.1).
 */
enum class PptpFramingCapability : uint32_t
{
    ASYNCHRONOUS = 1, //!< Asynchronous framing supported
    SYNCHRONOUS = 2   //!< Synchronous framing supported
};

/**
 * \ingroup pptp
 * \brief The name of a Framing Capabilities bit set, e.g. "Async|Sync".
 * \param bits the field value
 * \return a static string; "None" for 0, "UNKNOWN" when an undefined bit is set
 */
const char* PptpFramingCapabilitiesName(uint32_t bits);

/**
 * \ingroup pptp
 * \brief Bits of the Bearer Capabilities field of SCCRQ / SCCRP (\RFC{2637} s.2.1).
 */
enum class PptpBearerCapability : uint32_t
{
    ANALOG = 1, //!< Analog access supported
    DIGITAL = 2 //!< Digital access supported
};

/**
 * \ingroup pptp
 * \brief The name of a Bearer Capabilities bit set, e.g. "Analog|Digital".
 * \param bits the field value
 * \return a static string; "None" for 0, "UNKNOWN" when an undefined bit is set
 */
const char* PptpBearerCapabilitiesName(uint32_t bits);

/**
 * \ingroup pptp
 * \brief Framing Type of OCRQ and ICCN (\RFC{2637} s.2.7, s.2.11).
 */
enum class PptpFramingType : uint32_t
{
    ASYNCHRONOUS = 1, //!< Asynchronous framing
    SYNCHRONOUS = 2,  //!< Synchronous framing
    EITHER = 3        //!< Either type of framing (OCRQ only)
};

/**
 * \ingroup pptp
 * \brief The name of a Framing Type.
 * \param type the value
 * \return a static string; "UNKNOWN" for undefined values
 */
const char* PptpFramingTypeName(PptpFramingType type);

/**
 * \ingroup pptp
 * \brief Bearer Type of OCRQ and ICRQ (\RFC{2637} s.2.7, s.2.9).
 */
enum class PptpBearerType : uint32_t
{
    ANALOG = 1,  //!< Analog channel
    DIGITAL = 2, //!< Digital channel
    EITHER = 3   //!< Any type of channel (OCRQ only)
};

/**
 * \ingroup pptp
 * \brief The name of a Bearer Type.
 * \param type the value
 * \return a static string; "UNKNOWN" for undefined values
 */
const char* PptpBearerTypeName(PptpBearerType type);

/**
 * \ingroup pptp
 * \brief The name of a Protocol Version value.
 * \param version the field value
 * \return "1.0" for PPTP_PROTOCOL_VERSION, "UNKNOWN" otherwise
 */
const char* PptpProtocolVersionName(uint16_t version);

} // namespace ns3

#endif /* PPTP_CONTROL_TYPES_H */
