/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPP_CONTROL_PACKET_H
#define PPP_CONTROL_PACKET_H

#include "ppp-option.h"
#include "pptp-wire-error.h"

#include "ns3/header.h"

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief A packet of LCP, IPCP or CCP: Code, Identifier, Length, Data (\RFC{1661} s.5).
 *
 * \verbatim
    0                   1                   2                   3
    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
   |     Code      |  Identifier   |            Length             |
   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
   |    Data ...
   +-+-+-+-+-+-+-+-+
   \endverbatim
 *
 * The valid codes depend on the protocol, so the packet is told its protocol
 * before decoding: LCP 1..11, IPCP 1..7 (\RFC{1332}), CCP 1..7 plus 14
 * Reset-Request and 15 Reset-Ack (\RFC{1962}). What the Data hold:
 * - Configure-Request/Ack/Nak/Reject: a list of PppOption;
 * - Terminate-Request/Ack, Reset-Request/Ack: uninterpreted data;
 * - Code-Reject: the rejected packet (from its Code on);
 * - Protocol-Reject: the rejected protocol and the rejected information;
 * - Echo-Request/Reply, Discard-Request: a Magic-Number and data.
 *
 * Decoding: fewer than 4 octets, or a Length beyond the octets present, is
 * WireError::TRUNCATED; a Length below 4 (8 for Echo and Discard, 6 for
 * Protocol-Reject) is BAD_LENGTH; a code the protocol does not define is
 * UNKNOWN_TYPE, with Code, Identifier and Data kept so the caller can send a
 * Code-Reject (Serialize() then reproduces the packet); an option list that
 * does not fill the Data exactly, or an option with a length wrong for its
 * type, is BAD_OPTION_LENGTH. Options of types the protocol does not define
 * are kept with status UNKNOWN_TYPE and do not fail the packet. Octets after
 * Length are padding (\RFC{1661} s.5): they are not consumed, and Deserialize()
 * returns Length.
 */
class PppControlPacket : public Header
{
  public:
    /**
     * \brief Packet codes (\RFC{1661} s.5, \RFC{1962} s.3.1).
     */
    enum Code : uint8_t
    {
        CONFIGURE_REQUEST = 1, //!< Configure-Request
        CONFIGURE_ACK = 2,     //!< Configure-Ack
        CONFIGURE_NAK = 3,     //!< Configure-Nak
        CONFIGURE_REJECT = 4,  //!< Configure-Reject
        TERMINATE_REQUEST = 5, //!< Terminate-Request
        TERMINATE_ACK = 6,     //!< Terminate-Ack
        CODE_REJECT = 7,       //!< Code-Reject
        PROTOCOL_REJECT = 8,   //!< Protocol-Reject (LCP only)
        ECHO_REQUEST = 9,      //!< Echo-Request (LCP only)
        ECHO_REPLY = 10,       //!< Echo-Reply (LCP only)
        DISCARD_REQUEST = 11,  //!< Discard-Request (LCP only)
        RESET_REQUEST = 14,    //!< Reset-Request (CCP only)
        RESET_ACK = 15,        //!< Reset-Ack (CCP only)
    };

    /// Size of Code, Identifier and Length.
    static constexpr uint32_t HEADER_SIZE = 4;

    /**
     * \brief An LCP Configure-Request with identifier 0 and no options.
     */
    PppControlPacket();
    /**
     * \brief An empty Configure-Request of a control protocol (to build, or to decode into).
     * \param protocol PppProtocol::LCP, IPCP or CCP (asserted)
     */
    explicit PppControlPacket(uint16_t protocol);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    uint32_t GetSerializedSize() const override;
    void Serialize(Buffer::Iterator start) const override;
    /**
     * \brief Decode a packet of the protocol set before (see the class description).
     * \param start where the packet begins (the octet after the PPP protocol field)
     * \return Length (padding after it is not consumed), or 0 with GetError() telling why
     */
    uint32_t Deserialize(Buffer::Iterator start) override;
    void Print(std::ostream& os) const override;

    /**
     * \brief The outcome of the last Deserialize().
     * \return WireError::NONE after a successful decode (and for a built packet)
     */
    WireError GetError() const;

    /**
     * \brief Set the control protocol (decides the valid codes and option meanings).
     * \param protocol PppProtocol::LCP, IPCP or CCP (asserted)
     */
    void SetProtocol(uint16_t protocol);
    /**
     * \brief Get the control protocol.
     * \return PppProtocol::LCP, IPCP or CCP
     */
    uint16_t GetProtocol() const;

    /**
     * \brief Set the code; the content that does not belong to it is left as is
     * (and not sent).
     * \param code a Code valid for the protocol (asserted)
     */
    void SetCode(uint8_t code);
    /**
     * \brief Get the code.
     * \return the Code octet (also when unknown)
     */
    uint8_t GetCode() const;
    /**
     * \brief Set the identifier.
     * \param identifier the Identifier octet
     */
    void SetIdentifier(uint8_t identifier);
    /**
     * \brief Get the identifier.
     * \return the Identifier octet
     */
    uint8_t GetIdentifier() const;

    /**
     * \brief Set the options of a Configure-Request/Ack/Nak/Reject.
     * \param options the options, each of this packet's protocol (asserted)
     */
    void SetOptions(const std::vector<PppOption>& options);
    /**
     * \brief Append one option.
     * \param option an option of this packet's protocol (asserted)
     */
    void AddOption(const PppOption& option);
    /**
     * \brief The options of a Configure-* packet.
     * \return the options in wire order
     */
    const std::vector<PppOption>& GetOptions() const;
    /**
     * \brief Whether some option has a type the protocol does not define.
     * \return true when an option's status is UNKNOWN_TYPE (answer with Configure-Reject)
     */
    bool HasUnknownOptions() const;

    /**
     * \brief Set the data: of Terminate-*, Reset-*, Echo-* and Discard-Request (after the
     * magic number), the rejected packet of Code-Reject, the rejected information of
     * Protocol-Reject.
     * \param data the octets
     */
    void SetData(const std::vector<uint8_t>& data);
    /**
     * \brief Set the data from a buffer.
     * \param data the octets (may be null when size is 0)
     * \param size how many
     */
    void SetData(const uint8_t* data, uint32_t size);
    /**
     * \brief The data (see SetData()); for an UNKNOWN_TYPE code everything after Length.
     * \return the octets
     */
    const std::vector<uint8_t>& GetData() const;

    /**
     * \brief Set the Magic-Number of Echo-Request/Reply and Discard-Request.
     * \param magic the magic number (0 when none was negotiated)
     */
    void SetMagicNumber(uint32_t magic);
    /**
     * \brief Get the Magic-Number of Echo-Request/Reply and Discard-Request.
     * \return the magic number
     */
    uint32_t GetMagicNumber() const;

    /**
     * \brief Set the rejected protocol of a Protocol-Reject.
     * \param protocol the PPP protocol number being rejected
     */
    void SetRejectedProtocol(uint16_t protocol);
    /**
     * \brief Get the rejected protocol of a Protocol-Reject.
     * \return the PPP protocol number being rejected
     */
    uint16_t GetRejectedProtocol() const;

    /**
     * \brief Whether a code is defined for a control protocol.
     * \param protocol PppProtocol::LCP, IPCP or CCP
     * \param code the code
     * \return true when defined
     */
    static bool IsValidCode(uint16_t protocol, uint8_t code);
    /**
     * \brief The name of a code, e.g. "Configure-Request".
     * \param code the code
     * \return a static string; "unknown" for codes without a name
     */
    static const char* CodeName(uint8_t code);

    /**
     * \brief A Configure-Request/Ack/Nak/Reject.
     * \param protocol PppProtocol::LCP, IPCP or CCP
     * \param code CONFIGURE_REQUEST, CONFIGURE_ACK, CONFIGURE_NAK or CONFIGURE_REJECT
     * \param identifier the identifier
     * \param options the options
     * \return the packet
     */
    static PppControlPacket MakeConfigure(uint16_t protocol,
                                          uint8_t code,
                                          uint8_t identifier,
                                          const std::vector<PppOption>& options);
    /**
     * \brief A Configure-Request.
     * \param protocol PppProtocol::LCP, IPCP or CCP
     * \param identifier the identifier
     * \param options the options
     * \return the packet
     */
    static PppControlPacket MakeConfigureRequest(uint16_t protocol,
                                                 uint8_t identifier,
                                                 const std::vector<PppOption>& options);
    /**
     * \brief A Terminate-Request or Terminate-Ack.
     * \param protocol PppProtocol::LCP, IPCP or CCP
     * \param code TERMINATE_REQUEST or TERMINATE_ACK
     * \param identifier the identifier
     * \param data the data (e.g. a reason text)
     * \return the packet
     */
    static PppControlPacket MakeTerminate(uint16_t protocol,
                                          uint8_t code,
                                          uint8_t identifier,
                                          const std::vector<uint8_t>& data);
    /**
     * \brief A Code-Reject.
     * \param protocol PppProtocol::LCP, IPCP or CCP
     * \param identifier the identifier
     * \param rejected the rejected packet from its Code on (truncate it to fit the peer's MRU)
     * \return the packet
     */
    static PppControlPacket MakeCodeReject(uint16_t protocol,
                                           uint8_t identifier,
                                           const std::vector<uint8_t>& rejected);
    /**
     * \brief An LCP Protocol-Reject.
     * \param identifier the identifier
     * \param rejectedProtocol the protocol being rejected
     * \param information the rejected information (the frame after its protocol field)
     * \return the packet
     */
    static PppControlPacket MakeProtocolReject(uint8_t identifier,
                                               uint16_t rejectedProtocol,
                                               const std::vector<uint8_t>& information);
    /**
     * \brief An LCP Echo-Request, Echo-Reply or Discard-Request.
     * \param code ECHO_REQUEST, ECHO_REPLY or DISCARD_REQUEST
     * \param identifier the identifier
     * \param magic the sender's magic number (0 if none)
     * \param data the data
     * \return the packet
     */
    static PppControlPacket MakeEcho(uint8_t code,
                                     uint8_t identifier,
                                     uint32_t magic,
                                     const std::vector<uint8_t>& data);
    /**
     * \brief A CCP Reset-Request or Reset-Ack.
     * \param code RESET_REQUEST or RESET_ACK
     * \param identifier the identifier
     * \param data the data
     * \return the packet
     */
    static PppControlPacket MakeReset(uint8_t code,
                                      uint8_t identifier,
                                      const std::vector<uint8_t>& data);

  private:
    /// What the Data field of a code holds.
    enum class Content : uint8_t
    {
        OPTIONS,           //!< a list of options
        DATA,              //!< uninterpreted data
        MAGIC_AND_DATA,    //!< a magic number and data
        PROTOCOL_AND_DATA, //!< a protocol number and data
    };

    /**
     * \brief What the Data field holds for a code of this packet's protocol.
     * \param code the code
     * \return the content kind (DATA for unknown codes)
     */
    Content ContentOf(uint8_t code) const;

    uint16_t m_protocol;              //!< control protocol
    uint8_t m_code;                   //!< Code
    uint8_t m_identifier;             //!< Identifier
    uint32_t m_magic;                 //!< Magic-Number of Echo-* and Discard-Request
    uint16_t m_rejectedProtocol;      //!< rejected protocol of Protocol-Reject
    std::vector<PppOption> m_options; //!< options of Configure-*
    std::vector<uint8_t> m_data;      //!< data (see GetData())
    WireError m_error;                //!< outcome of the last Deserialize()
};

} // namespace ns3

#endif /* PPP_CONTROL_PACKET_H */
