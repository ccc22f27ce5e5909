/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-control-types.h"

namespace ns3
{

const char*
PptpControlMessageTypeName(PptpControlMessageType type)
{
    switch (type)
    {
        case PptpControlMessageType::START_CONTROL_CONNECTION_REQUEST:
            return "Start-Control-Connection-Request";
        case PptpControlMessageType::START_CONTROL_CONNECTION_REPLY:
            return "Start-Control-Connection-Reply";
        case PptpControlMessageType::STOP_CONTROL_CONNECTION_REQUEST:
            return "Stop-Control-Connection-Request";
        case PptpControlMessageType::STOP_CONTROL_CONNECTION_REPLY:
            return "Stop-Control-Connection-Reply";
        case PptpControlMessageType::ECHO_REQUEST:
            return "Echo-Request";
        case PptpControlMessageType::ECHO_REPLY:
            return "Echo-Reply";
        case PptpControlMessageType::OUTGOING_CALL_REQUEST:
            return "Outgoing-Call-Request";
        case PptpControlMessageType::OUTGOING_CALL_REPLY:
            return "Outgoing-Call-Reply";
        case PptpControlMessageType::INCOMING_CALL_REQUEST:
            return "Incoming-Call-Request";
        case PptpControlMessageType::INCOMING_CALL_REPLY:
            return "Incoming-Call-Reply";
        case PptpControlMessageType::INCOMING_CALL_CONNECTED:
            return "Incoming-Call-Connected";
        case PptpControlMessageType::CALL_CLEAR_REQUEST:
            return "Call-Clear-Request";
        case PptpControlMessageType::CALL_DISCONNECT_NOTIFY:
            return "Call-Disconnect-Notify";
        case PptpControlMessageType::WAN_ERROR_NOTIFY:
            return "WAN-Error-Notify";
        case PptpControlMessageType::SET_LINK_INFO:
            return "Set-Link-Info";
    }
    return "UNKNOWN";
}

const char*
PptpStartControlConnectionResultName(PptpStartControlConnectionResult result)
{
    switch (result)
    {
        case PptpStartControlConnectionResult::SUCCESS:
            return "Success";
        case PptpStartControlConnectionResult::GENERAL_ERROR:
            return "General-Error";
        case PptpStartControlConnectionResult::CHANNEL_EXISTS:
            return "Channel-Exists";
        case PptpStartControlConnectionResult::NOT_AUTHORIZED:
            return "Not-Authorized";
        case PptpStartControlConnectionResult::VERSION_NOT_SUPPORTED:
            return "Version-Not-Supported";
    }
    return "UNKNOWN";
}

const char*
PptpStopReasonName(PptpStopReason reason)
{
    switch (reason)
    {
        case PptpStopReason::NONE:
            return "None";
        case PptpStopReason::STOP_PROTOCOL:
            return "Stop-Protocol";
        case PptpStopReason::STOP_LOCAL_SHUTDOWN:
            return "Stop-Local-Shutdown";
    }
    return "UNKNOWN";
}

const char*
PptpStopControlConnectionResultName(PptpStopControlConnectionResult result)
{
    switch (result)
    {
        case PptpStopControlConnectionResult::OK:
            return "OK";
        case PptpStopControlConnectionResult::GENERAL_ERROR:
            return "General-Error";
    }
    return "UNKNOWN";
}

const char*
PptpEchoResultName(PptpEchoResult result)
{
    switch (result)
    {
        case PptpEchoResult::OK:
            return "OK";
        case PptpEchoResult::GENERAL_ERROR:
            return "General-Error";
    }
    return "UNKNOWN";
}

const char*
PptpOutgoingCallResultName(PptpOutgoingCallResult result)
{
    switch (result)
    {
        case PptpOutgoingCallResult::CONNECTED:
            return "Connected";
        case PptpOutgoingCallResult::GENERAL_ERROR:
            return "General-Error";
        case PptpOutgoingCallResult::NO_CARRIER:
            return "No-Carrier";
        case PptpOutgoingCallResult::BUSY:
            return "Busy";
        case PptpOutgoingCallResult::NO_DIAL_TONE:
            return "No-Dial-Tone";
        case PptpOutgoingCallResult::TIME_OUT:
            return "Time-out";
        case PptpOutgoingCallResult::DO_NOT_ACCEPT:
            return "Do-Not-Accept";
    }
    return "UNKNOWN";
}

const char*
PptpIncomingCallResultName(PptpIncomingCallResult result)
{
    switch (result)
    {
        case PptpIncomingCallResult::CONNECT:
            return "Connect";
        case PptpIncomingCallResult::GENERAL_ERROR:
            return "General-Error";
        case PptpIncomingCallResult::DO_NOT_ACCEPT:
            return "Do-Not-Accept";
    }
    return "UNKNOWN";
}

const char*
PptpCallDisconnectResultName(PptpCallDisconnectResult result)
{
    switch (result)
    {
        case PptpCallDisconnectResult::LOST_CARRIER:
            return "Lost-Carrier";
        case PptpCallDisconnectResult::GENERAL_ERROR:
            return "General-Error";
        case PptpCallDisconnectResult::ADMIN_SHUTDOWN:
            return "Admin-Shutdown";
        case PptpCallDisconnectResult::REQUEST:
            return "Request";
    }
    return "UNKNOWN";
}

const char*
PptpGeneralErrorName(PptpGeneralError error)
{
    switch (error)
    {
        case PptpGeneralError::NONE:
            return "None";
        case PptpGeneralError::NOT_CONNECTED:
            return "Not-Connected";
        case PptpGeneralError::BAD_FORMAT:
            return "Bad-Format";
        case PptpGeneralError::BAD_VALUE:
            return "Bad-Value";
        case PptpGeneralError::NO_RESOURCE:
            return "No-Resource";
        case PptpGeneralError::BAD_CALL_ID:
            return "Bad-Call-ID";
        case PptpGeneralError::PAC_ERROR:
            return "PAC-Error";
    }
    return "UNKNOWN";
}

const char*
PptpFramingCapabilitiesName(uint32_t bits)
{
    switch (bits)
    {
        case 0:
            return "None";
        case 1:
            return "Async";
        case 2:
            return "Sync";
        case 3:
            return "Async|Sync";
        default:
            return "UNKNOWN";
    }
}

const char*
PptpBearerCapabilitiesName(uint32_t bits)
{
    switch (bits)
    {
        case 0:
            return "None";
        case 1:
            return "Analog";
        case 2:
            return "Digital";
        case 3:
            return "Analog|Digital";
        default:
            return "UNKNOWN";
    }
}

const char*
PptpFramingTypeName(PptpFramingType type)
{
    switch (type)
    {
        case PptpFramingType::ASYNCHRONOUS:
            return "Async";
        case PptpFramingType::SYNCHRONOUS:
            return "Sync";
        case PptpFramingType::EITHER:
            return "Either";
    }
    return "UNKNOWN";
}

const char*
PptpBearerTypeName(PptpBearerType type)
{
    switch (type)
    {
        case PptpBearerType::ANALOG:
            return "Analog";
        case PptpBearerType::DIGITAL:
            return "Digital";
        case PptpBearerType::EITHER:
            return "Either";
    }
    return "UNKNOWN";
}

const char*
PptpProtocolVersionName(uint16_t version)
{
    return version == PPTP_PROTOCOL_VERSION ? "1.0" : "UNKNOWN";
}

} // namespace ns3
