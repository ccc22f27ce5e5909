/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_CONTROL_MESSAGE_H
#define PPTP_CONTROL_MESSAGE_H

#include "pptp-control-types.h"
#include "pptp-wire-error.h"

#include "ns3/buffer.h"
#include "ns3/header.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <variant>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief Body of a Start-Control-Connection-Request (\RFC{2637} s.2.1), 156 octets in all.
 */
struct PptpStartControlConnectionRequest
{
    /** \brief The Control Message Type of this body. */
    static constexpr PptpControlMessageType TYPE
        = PptpControlMessageType::START_CONTROL_CONNECTION_REQUEST;
    /** \brief Total message length, PPTP header included. */
    static constexpr uint16_t LENGTH = 156;

    uint16_t protocolVersion{PPTP_PROTOCOL_VERSION}; //!< Protocol Version
    uint16_t reserved1{0};                           //!< Reserved1 (MUST be 0; kept verbatim)
    uint32_t framingCapabilities{0};      //!< Framing Capabilities (PptpFramingCapability bits)
    uint32_t bearerCapabilities{0};       //!< Bearer Capabilities (PptpBearerCapability bits)
    uint16_t maximumChannels{0};          //!< Maximum Channels
    uint16_t firmwareRevision{0};         //!< Firmware Revision
    std::array<uint8_t, 64> hostName{};   //!< Host Name, NUL padded
    std::array<uint8_t, 64> vendorName{}; //!< Vendor String, NUL padded
};

/**
 * \ingroup pptp
 * \brief Body of a Start-Control-Connection-Reply (\RFC{2637} s.2.2), 156 octets in all.
 */
struct PptpStartControlConnectionReply
{
    /** \brief The Control Message Type of this body. */
    static constexpr PptpControlMessageType TYPE
        = PptpControlMessageType::START_CONTROL_CONNECTION_REPLY;
    /** \brief Total message length, PPTP header included. */
    static constexpr uint16_t LENGTH = 156;

    uint16_t protocolVersion{PPTP_PROTOCOL_VERSION};    //!< Protocol Version
    PptpStartControlConnectionResult resultCode{0};     //!< Result Code
    PptpGeneralError errorCode{PptpGeneralError::NONE}; //!< Error Code
    uint32_t framingCapabilities{0};      //!< Framing Capability (PptpFramingCapability bits)
    uint32_t bearerCapabilities{0};       //!< Bearer Capability (PptpBearerCapability bits)
    uint16_t maximumChannels{0};          //!< Maximum Channels
    uint16_t firmwareRevision{0};         //!< Firmware Revision
    std::array<uint8_t, 64> hostName{};   //!< Host Name, NUL padded
    std::array<uint8_t, 64> vendorName{}; //!< Vendor String, NUL padded
};

/**
 * \ingroup pptp
 * \brief Body of a Stop-Control-Connection-Request (\RFC{2637} s.2.3), 16 octets in all.
 */
struct PptpStopControlConnectionRequest
{
    /** \brief The Control Message Type of this body. */
    static constexpr PptpControlMessageType TYPE
        = PptpControlMessageType::STOP_CONTROL_CONNECTION_REQUEST;
    /** \brief Total message length, PPTP header included. */
    static constexpr uint16_t LENGTH = 16;

    PptpStopReason reason{0}; //!< Reason
    uint8_t reserved1{0};     //!< Reserved1 (MUST be 0; kept verbatim)
    uint16_t reserved2{0};    //!< Reserved2 (MUST be 0; kept verbatim)
};

/**
 * \ingroup pptp
 * \brief Body of a Stop-Control-Connection-Reply (\RFC{2637} s.2.4), 16 octets in all.
 */
struct PptpStopControlConnectionReply
{
    /** \brief The Control Message Type of this body. */
    static constexpr PptpControlMessageType TYPE
        = PptpControlMessageType::STOP_CONTROL_CONNECTION_REPLY;
    /** \brief Total message length, PPTP header included. */
    static constexpr uint16_t LENGTH = 16;

    PptpStopControlConnectionResult resultCode{0};      //!< Result Code
    PptpGeneralError errorCode{PptpGeneralError::NONE}; //!< Error Code
    uint16_t reserved1{0};                              //!< Reserved1 (MUST be 0; kept verbatim)
};

/**
 * \ingroup pptp
 * \brief Body of an Echo-Request (\RFC{2637} s.2.5), 16 octets in all.
 */
struct PptpEchoRequest
{
    /** \brief The Control Message Type of this body. */
    static constexpr PptpControlMessageType TYPE = PptpControlMessageType::ECHO_REQUEST;
    /** \brief Total message length, PPTP header included. */
    static constexpr uint16_t LENGTH = 16;

    uint32_t identifier{0}; //!< Identifier
};

/**
 * \ingroup pptp
 * \brief Body of an Echo-Reply (\RFC{2637} s.2.6), 20 octets in all.
 */
struct PptpEchoReply
{
    /** \brief The Control Message Type of this body. */
    static constexpr PptpControlMessageType TYPE = PptpControlMessageType::ECHO_REPLY;
    /** \brief Total message length, PPTP header included. */
    static constexpr uint16_t LENGTH = 20;

    uint32_t identifier{0};                             //!< Identifier
    PptpEchoResult resultCode{0};                       //!< Result Code
    PptpGeneralError errorCode{PptpGeneralError::NONE}; //!< Error Code
    uint16_t reserved1{0};                              //!< Reserved1 (MUST be 0; kept verbatim)
};

/**
 * \ingroup pptp
 * \brief Body of an Outgoing-Call-Request (\RFC{2637} s.2.7), 168 octets in all.
 */
struct PptpOutgoingCallRequest
{
    /** \brief The Control Message Type of this body. */
    static constexpr PptpControlMessageType TYPE = PptpControlMessageType::OUTGOING_CALL_REQUEST;
    /** \brief Total message length, PPTP header included. */
    static constexpr uint16_t LENGTH = 168;

    uint16_t callId{0};                    //!< Call ID
    uint16_t callSerialNumber{0};          //!< Call Serial Number
    uint32_t minimumBps{0};                //!< Minimum BPS
    uint32_t maximumBps{0};                //!< Maximum BPS
    PptpBearerType bearerType{0};          //!< Bearer Type
    PptpFramingType framingType{0};        //!< Framing Type
    uint16_t packetRecvWindowSize{0};      //!< Packet Recv. Window Size
    uint16_t packetProcessingDelay{0};     //!< Packet Processing Delay (1/10 s)
    uint16_t phoneNumberLength{0};         //!< Phone Number Length
    uint16_t reserved1{0};                 //!< Reserved1 (MUST be 0; kept verbatim)
    std::array<uint8_t, 64> phoneNumber{}; //!< Phone Number, NUL padded
    std::array<uint8_t, 64> subaddress{};  //!< Subaddress, NUL padded
};

/**
 * \ingroup pptp
 * \brief Body of an Outgoing-Call-Reply (\RFC{2637} s.2.8), 32 octets in all.
 */
struct PptpOutgoingCallReply
{
    /** \brief The Control Message Type of this body. */
    static constexpr PptpControlMessageType TYPE = PptpControlMessageType::OUTGOING_CALL_REPLY;
    /** \brief Total message length, PPTP header included. */
    static constexpr uint16_t LENGTH = 32;

    uint16_t callId{0};                                 //!< Call ID
    uint16_t peersCallId{0};                            //!< Peer's Call ID
    PptpOutgoingCallResult resultCode{0};               //!< Result Code
    PptpGeneralError errorCode{PptpGeneralError::NONE}; //!< Error Code
    uint16_t causeCode{0};                              //!< Cause Code
    uint32_t connectSpeed{0};                           //!< Connect Speed (bit/s)
    uint16_t packetRecvWindowSize{0};                   //!< Packet Recv. Window Size
    uint16_t packetProcessingDelay{0};                  //!< Packet Processing Delay (1/10 s)
    uint32_t physicalChannelId{0};                      //!< Physical Channel ID
};

/**
 * \ingroup pptp
 * \brief Body of an Incoming-Call-Request (\RFC{2637} s.2.9), 220 octets in all.
 */
struct PptpIncomingCallRequest
{
    /** \brief The Control Message Type of this body. */
    static constexpr PptpControlMessageType TYPE = PptpControlMessageType::INCOMING_CALL_REQUEST;
    /** \brief Total message length, PPTP header included. */
    static constexpr uint16_t LENGTH = 220;

    uint16_t callId{0};                      //!< Call ID
    uint16_t callSerialNumber{0};            //!< Call Serial Number
    PptpBearerType callBearerType{0};        //!< Call Bearer Type
    uint32_t physicalChannelId{0};           //!< Physical Channel ID
    uint16_t dialedNumberLength{0};          //!< Dialed Number Length
    uint16_t dialingNumberLength{0};         //!< Dialing Number Length
    std::array<uint8_t, 64> dialedNumber{};  //!< Dialed Number, NUL padded
    std::array<uint8_t, 64> dialingNumber{}; //!< Dialing Number, NUL padded
    std::array<uint8_t, 64> subaddress{};    //!< Subaddress, NUL padded
};

/**
 * \ingroup pptp
 * \brief Body of an Incoming-Call-Reply (\RFC{2637} s.2.10), 24 octets in all.
 */
struct PptpIncomingCallReply
{
    /** \brief The Control Message Type of this body. */
    static constexpr PptpControlMessageType TYPE = PptpControlMessageType::INCOMING_CALL_REPLY;
    /** \brief Total message length, PPTP header included. */
    static constexpr uint16_t LENGTH = 24;

    uint16_t callId{0};                                 //!< Call ID
    uint16_t peersCallId{0};                            //!< Peer's Call ID
    PptpIncomingCallResult resultCode{0};               //!< Result Code
    PptpGeneralError errorCode{PptpGeneralError::NONE}; //!< Error Code
    uint16_t packetRecvWindowSize{0};                   //!< Packet Recv. Window Size
    uint16_t packetTransmitDelay{0};                    //!< Packet Transmit Delay (1/10 s)
    uint16_t reserved1{0};                              //!< Reserved1 (MUST be 0; kept verbatim)
};

/**
 * \ingroup pptp
 * \brief Body of an Incoming-Call-Connected (\RFC{2637} s.2.11), 28 octets in all.
 */
struct PptpIncomingCallConnected
{
    /** \brief The Control Message Type of this body. */
    static constexpr PptpControlMessageType TYPE = PptpControlMessageType::INCOMING_CALL_CONNECTED;
    /** \brief Total message length, PPTP header included. */
    static constexpr uint16_t LENGTH = 28;

    uint16_t peersCallId{0};          //!< Peer's Call ID
    uint16_t reserved1{0};            //!< Reserved1 (MUST be 0; kept verbatim)
    uint32_t connectSpeed{0};         //!< Connect Speed (bit/s)
    uint16_t packetRecvWindowSize{0}; //!< Packet Recv. Window Size
    uint16_t packetTransmitDelay{0};  //!< Packet Transmit Delay (1/10 s)
    PptpFramingType framingType{0};   //!< Framing Type
};

/**
 * \ingroup pptp
 * \brief Body of a Call-Clear-Request (\RFC{2637} s.2.12), 16 octets in all.
 */
struct PptpCallClearRequest
{
    /** \brief The Control Message Type of this body. */
    static constexpr PptpControlMessageType TYPE = PptpControlMessageType::CALL_CLEAR_REQUEST;
    /** \brief Total message length, PPTP header included. */
    static constexpr uint16_t LENGTH = 16;

    uint16_t callId{0};    //!< Call ID (the PNS's)
    uint16_t reserved1{0}; //!< Reserved1 (MUST be 0; kept verbatim)
};

/**
 * \ingroup pptp
 * \brief Body of a Call-Disconnect-Notify (\RFC{2637} s.2.13), 148 octets in all.
 */
struct PptpCallDisconnectNotify
{
    /** \brief The Control Message Type of this body. */
    static constexpr PptpControlMessageType TYPE = PptpControlMessageType::CALL_DISCONNECT_NOTIFY;
    /** \brief Total message length, PPTP header included. */
    static constexpr uint16_t LENGTH = 148;

    uint16_t callId{0};                                 //!< Call ID (the PAC's)
    PptpCallDisconnectResult resultCode{0};             //!< Result Code
    PptpGeneralError errorCode{PptpGeneralError::NONE}; //!< Error Code
    uint16_t causeCode{0};                              //!< Cause Code
    uint16_t reserved1{0};                              //!< Reserved1 (MUST be 0; kept verbatim)
    std::array<uint8_t, 128> callStatistics{};          //!< Call Statistics, NUL padded
};

/**
 * \ingroup pptp
 * \brief Body of a WAN-Error-Notify (\RFC{2637} s.2.14), 40 octets in all.
 */
struct PptpWanErrorNotify
{
    /** \brief The Control Message Type of this body. */
    static constexpr PptpControlMessageType TYPE = PptpControlMessageType::WAN_ERROR_NOTIFY;
    /** \brief Total message length, PPTP header included. */
    static constexpr uint16_t LENGTH = 40;

    uint16_t peersCallId{0};      //!< Peer's Call ID
    uint16_t reserved1{0};        //!< Reserved1 (kept verbatim)
    uint32_t crcErrors{0};        //!< CRC Errors
    uint32_t framingErrors{0};    //!< Framing Errors
    uint32_t hardwareOverruns{0}; //!< Hardware Overruns
    uint32_t bufferOverruns{0};   //!< Buffer Overruns
    uint32_t timeoutErrors{0};    //!< Time-out Errors
    uint32_t alignmentErrors{0};  //!< Alignment Errors
};

/**
 * \ingroup pptp
 * \brief Body of a Set-Link-Info (\RFC{2637} s.2.15), 24 octets in all.
 */
struct PptpSetLinkInfo
{
    /** \brief The Control Message Type of this body. */
    static constexpr PptpControlMessageType TYPE = PptpControlMessageType::SET_LINK_INFO;
    /** \brief Total message length, PPTP header included. */
    static constexpr uint16_t LENGTH = 24;

    uint16_t peersCallId{0};          //!< Peer's Call ID
    uint16_t reserved1{0};            //!< Reserved1 (MUST be 0; kept verbatim)
    uint32_t sendAccm{0xFFFFFFFF};    //!< Send ACCM
    uint32_t receiveAccm{0xFFFFFFFF}; //!< Receive ACCM
};

/**
 * \ingroup pptp
 * \brief The body of any control message; alternative I is Control Message Type I + 1.
 */
using PptpControlBody = std::variant<PptpStartControlConnectionRequest,
                                     PptpStartControlConnectionReply,
                                     PptpStopControlConnectionRequest,
                                     PptpStopControlConnectionReply,
                                     PptpEchoRequest,
                                     PptpEchoReply,
                                     PptpOutgoingCallRequest,
                                     PptpOutgoingCallReply,
                                     PptpIncomingCallRequest,
                                     PptpIncomingCallReply,
                                     PptpIncomingCallConnected,
                                     PptpCallClearRequest,
                                     PptpCallDisconnectNotify,
                                     PptpWanErrorNotify,
                                     PptpSetLinkInfo>;

/**
 * \ingroup pptp
 * \brief Fill a fixed-size text field: the text (cut to the field size), then NUL octets.
 * \param field the field
 * \param size the field size in octets
 * \param text the text
 */
void PptpSetText(uint8_t* field, std::size_t size, const std::string& text);

/**
 * \ingroup pptp
 * \brief The text of a fixed-size field: its octets up to the first NUL (or all of them).
 * \param field the field
 * \param size the field size in octets
 * \return the text
 */
std::string PptpGetText(const uint8_t* field, std::size_t size);

/**
 * \ingroup pptp
 * \brief Fill a fixed-size text field such as Host Name or Phone Number.
 * \param field the field
 * \param text the text, cut to N octets; the rest of the field becomes NUL octets
 */
template <std::size_t N>
void
PptpSetText(std::array<uint8_t, N>& field, const std::string& text)
{
    PptpSetText(field.data(), N, text);
}

/**
 * \ingroup pptp
 * \brief The text of a fixed-size field such as Host Name or Phone Number.
 * \param field the field
 * \return its octets up to the first NUL
 */
template <std::size_t N>
std::string
PptpGetText(const std::array<uint8_t, N>& field)
{
    return PptpGetText(field.data(), N);
}

/**
 * \ingroup pptp
 * \brief Any one of the 15 PPTP control messages (\RFC{2637} s.2), common header included.
 *
 * The common header is Length, PPTP Message Type (1), Magic Cookie (0x1A2B3C4D),
 * Control Message Type and Reserved0; Length and Control Message Type follow from the body,
 * Reserved0 is kept verbatim. Every body field, reserved ones and the octets after the NUL of
 * text fields included, is kept, so that Serialize() gives back exactly the decoded octets.
 *
 * Deserialize() is strict: it reads exactly Length octets and refuses (returns 0, GetError()
 * tells why, the previous content is kept) a bad Magic Cookie (BAD_MAGIC), a PPTP Message Type
 * other than 1 (BAD_MESSAGE_TYPE), an unknown Control Message Type (UNKNOWN_TYPE), a Length
 * below 12 or other than the type's fixed length (BAD_LENGTH), and fewer octets than needed
 * (TRUNCATED).
 */
class PptpControlMessage : public Header
{
  public:
    /** \brief Octets of the common header (Length up to Reserved0). */
    static constexpr uint16_t HEADER_LENGTH = 12;
    /** \brief The longest control message (Incoming-Call-Request). */
    static constexpr uint16_t MAX_LENGTH = 220;

    /** \brief A Start-Control-Connection-Request with default fields. */
    PptpControlMessage();

    /**
     * \brief A message holding this body.
     * \param body one of the body structs of PptpControlBody
     */
    template <class T>
    explicit PptpControlMessage(const T& body);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    uint32_t GetSerializedSize() const override;
    void Serialize(Buffer::Iterator start) const override;
    uint32_t Deserialize(Buffer::Iterator start) override;
    /**
     * \brief Deserialize from at most the octets between start and end.
     * \param start the first octet
     * \param end one past the last octet that may be read
     * \return the octets consumed (the message Length), 0 on error (see GetError())
     */
    uint32_t Deserialize(Buffer::Iterator start, Buffer::Iterator end) override;
    /**
     * \brief Deserialize from a plain byte array (as the stream reassembler does).
     * \param data the octets
     * \param size how many octets may be read
     * \return the octets consumed (the message Length), 0 on error (see GetError())
     */
    uint32_t Deserialize(const uint8_t* data, std::size_t size);
    void Print(std::ostream& os) const override;

    /**
     * \brief Why the last Deserialize() failed.
     * \return WireError::NONE after a successful decode (and for a message never decoded)
     */
    WireError GetError() const;

    /**
     * \brief Replace the body (and so the Control Message Type and Length).
     * \param body one of the body structs of PptpControlBody
     */
    template <class T>
    void SetBody(const T& body);

    /**
     * \brief The body, if it is of type T.
     * \return the body, or nullptr when the message is of another type
     */
    template <class T>
    const T* GetBody() const;

    /**
     * \brief The body for modification, if it is of type T.
     * \return the body, or nullptr when the message is of another type
     */
    template <class T>
    T* GetBody();

    /**
     * \brief Whether the body is of type T.
     * \return true if GetBody<T>() is not null
     */
    template <class T>
    bool Is() const;

    /**
     * \brief The body as a variant (for std::visit).
     * \return the body
     */
    const PptpControlBody& GetVariant() const;

    /**
     * \brief The Control Message Type, from the body.
     * \return the type
     */
    PptpControlMessageType GetMessageType() const;

    /**
     * \brief The Length field: the fixed length of the message type.
     * \return the total length in octets, common header included
     */
    uint16_t GetLength() const;

    /**
     * \brief The Reserved0 field.
     * \return its value (0 unless a peer sent something else)
     */
    uint16_t GetReserved0() const;

    /**
     * \brief Set the Reserved0 field (MUST be 0 on the wire; for tests of a receiver).
     * \param reserved0 the value
     */
    void SetReserved0(uint16_t reserved0);

    /**
     * \brief The fixed total length of a message type.
     * \param type the Control Message Type
     * \return the length in octets, 0 for an unknown type
     */
    static uint16_t GetFixedLength(PptpControlMessageType type);

    /**
     * \brief The Length field at the start of a message.
     * \param data the first octets of the message
     * \param size how many are available
     * \return the Length field, 0 when fewer than 2 octets are available
     */
    static uint16_t PeekLength(const uint8_t* data, std::size_t size);

    /**
     * \brief Check the framing of the next message of a stream from its first octets.
     *
     * Looks at Length (>= 12) and the Magic Cookie only: these tell whether the stream is in
     * sync, not whether the message is valid.
     * \param data the first octets of the message
     * \param size how many are available
     * \param [out] length the Length field when at least 2 octets are available, else 0
     * \return NONE (in sync), TRUNCATED (fewer than 8 octets, nothing wrong yet), BAD_LENGTH
     *         (Length < 12) or BAD_MAGIC
     */
    static WireError PeekFraming(const uint8_t* data, std::size_t size, uint16_t& length);

  private:
    /**
     * \brief Decode from any source with the Buffer::Iterator read methods.
     * \param source the source
     * \param available how many octets may be read
     * \return the octets consumed, 0 on error
     */
    template <class Source>
    uint32_t DoDeserialize(Source& source, uint32_t available);

    PptpControlBody m_body; //!< the body, which determines the Control Message Type
    uint16_t m_reserved0;   //!< Reserved0 of the common header
    WireError m_error;      //!< outcome of the last Deserialize()
};

/**
 * \ingroup pptp
 * \brief Stream output (Print()) of a control message.
 * \param os the stream
 * \param message the message
 * \return the stream
 */
std::ostream& operator<<(std::ostream& os, const PptpControlMessage& message);

template <class T>
PptpControlMessage::PptpControlMessage(const T& body)
    : m_body(std::in_place_type<T>, body)
    , m_reserved0(0)
    , m_error(WireError::NONE)
{
}

template <class T>
void
PptpControlMessage::SetBody(const T& body)
{
    m_body.template emplace<T>(body);
}

template <class T>
const T*
PptpControlMessage::GetBody() const
{
    return std::get_if<T>(&m_body);
}

template <class T>
T*
PptpControlMessage::GetBody()
{
    return std::get_if<T>(&m_body);
}

template <class T>
bool
PptpControlMessage::Is() const
{
    return std::holds_alternative<T>(m_body);
}

} // namespace ns3

#endif /* PPTP_CONTROL_MESSAGE_H */
