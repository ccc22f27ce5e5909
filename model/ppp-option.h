/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPP_OPTION_H
#define PPP_OPTION_H

#include "pptp-wire-error.h"

#include "ns3/buffer.h"
#include "ns3/ipv4-address.h"

#include <array>
#include <cstdint>
#include <ostream>

namespace ns3
{

/**
 * \ingroup pptp
 * \brief One PPP Configuration Option (type, length, data) of LCP, IPCP or CCP
 * (\RFC{1661} s.6).
 *
 * \verbatim
    0                   1
    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7
   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
   |     Type      |    Length     |    Data ...
   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
   \endverbatim
 *
 * The option remembers the control protocol it belongs to (PppProtocol::LCP,
 * IPCP or CCP): type numbers mean different things in each. Typed factories
 * build the options the module negotiates; anything else is kept as raw data,
 * so a decoded option always re-encodes to the same bytes.
 *
 * Each option carries a status: WireError::NONE for a type the protocol
 * defines, with a length that fits the type; WireError::UNKNOWN_TYPE for a
 * type the protocol does not define (the option is kept so the automaton can
 * answer with Configure-Reject); WireError::BAD_OPTION_LENGTH for a length of
 * 0 or 1, past the end of the packet, or wrong for the type (MRU not 4, Magic
 * not 6, PFC not 2, IP-Address not 6, MPPE not 6, ...).
 *
 * The data are stored inline (at most 253 octets), so options need no heap.
 */
class PppOption
{
  public:
    /// Largest data field (Length is one octet and counts Type and Length).
    static constexpr uint8_t MAX_DATA_SIZE = 253;

    /**
     * \brief LCP option types (\RFC{1661} s.6, \RFC{1570}, \RFC{1990}, IANA).
     */
    enum LcpType : uint8_t
    {
        LCP_VENDOR_SPECIFIC = 0,             //!< Vendor-Specific (\RFC{2153})
        LCP_MRU = 1,                         //!< Maximum-Receive-Unit
        LCP_ACCM = 2,                        //!< Async-Control-Character-Map (\RFC{1662})
        LCP_AUTHENTICATION_PROTOCOL = 3,     //!< Authentication-Protocol
        LCP_QUALITY_PROTOCOL = 4,            //!< Quality-Protocol
        LCP_MAGIC_NUMBER = 5,                //!< Magic-Number
        LCP_PFC = 7,                         //!< Protocol-Field-Compression
        LCP_ACFC = 8,                        //!< Address-and-Control-Field-Compression
        LCP_FCS_ALTERNATIVES = 9,            //!< FCS-Alternatives (\RFC{1570})
        LCP_SELF_DESCRIBING_PAD = 10,        //!< Self-Describing-Pad (\RFC{1570})
        LCP_NUMBERED_MODE = 11,              //!< Numbered-Mode (\RFC{1663})
        LCP_MULTILINK_PROCEDURE = 12,        //!< Multi-Link-Procedure
        LCP_CALLBACK = 13,                   //!< Callback (\RFC{1570})
        LCP_CONNECT_TIME = 14,               //!< Connect-Time
        LCP_COMPOUND_FRAMES = 15,            //!< Compound-Frames (\RFC{1570})
        LCP_NOMINAL_DATA_ENCAPSULATION = 16, //!< Nominal-Data-Encapsulation
        LCP_MRRU = 17,                       //!< Multilink MRRU (\RFC{1990})
        LCP_SHORT_SEQUENCE = 18,           //!< Multilink Short-Sequence-Number-Header (\RFC{1990})
        LCP_ENDPOINT_DISCRIMINATOR = 19,   //!< Multilink Endpoint-Discriminator (\RFC{1990})
        LCP_PROPRIETARY = 20,              //!< Proprietary
        LCP_DCE_IDENTIFIER = 21,           //!< DCE-Identifier (\RFC{1976})
        LCP_MULTILINK_PLUS_PROCEDURE = 22, //!< Multi-Link-Plus-Procedure (\RFC{1934})
        LCP_LINK_DISCRIMINATOR = 23,       //!< Link Discriminator for BACP (\RFC{2125})
        LCP_AUTHENTICATION_OPTION = 24,    //!< LCP-Authentication-Option
        LCP_COBS = 25,                     //!< Consistent Overhead Byte Stuffing
        LCP_PREFIX_ELISION = 26,           //!< Prefix elision (\RFC{2686})
        LCP_MULTILINK_HEADER_FORMAT = 27,  //!< Multilink header format (\RFC{2686})
        LCP_INTERNATIONALIZATION = 28,     //!< Internationalization (\RFC{2484})
        LCP_SIMPLE_DATA_LINK = 29,         //!< Simple Data Link on SONET/SDH (\RFC{2823})
    };

    /**
     * \brief IPCP option types (\RFC{1332} s.3, \RFC{1877}).
     */
    enum IpcpType : uint8_t
    {
        IPCP_IP_ADDRESSES = 1,            //!< IP-Addresses (deprecated, \RFC{1172})
        IPCP_IP_COMPRESSION_PROTOCOL = 2, //!< IP-Compression-Protocol
        IPCP_IP_ADDRESS = 3,              //!< IP-Address
        IPCP_MOBILE_IPV4 = 4,             //!< Mobile-IPv4 (\RFC{2290})
        IPCP_PRIMARY_DNS = 129,           //!< Primary DNS Server Address (\RFC{1877})
        IPCP_PRIMARY_NBNS = 130,          //!< Primary NBNS Server Address (\RFC{1877})
        IPCP_SECONDARY_DNS = 131,         //!< Secondary DNS Server Address (\RFC{1877})
        IPCP_SECONDARY_NBNS = 132,        //!< Secondary NBNS Server Address (\RFC{1877})
    };

    /**
     * \brief CCP option types (\RFC{1962} s.4, IANA).
     */
    enum CcpType : uint8_t
    {
        CCP_OUI = 0,           //!< Organization Unique Identifier
        CCP_PREDICTOR_1 = 1,   //!< Predictor type 1
        CCP_PREDICTOR_2 = 2,   //!< Predictor type 2
        CCP_PUDDLE_JUMPER = 3, //!< Puddle Jumper
        CCP_HP_PPC = 16,       //!< Hewlett-Packard PPC
        CCP_STAC_LZS = 17,     //!< Stac Electronics LZS (\RFC{1974})
        CCP_MPPE = 18,         //!< Microsoft PPE/PPC (\RFC{3078}, \RFC{2118})
        CCP_GANDALF_FZA = 19,  //!< Gandalf FZA
        CCP_V42BIS = 20,       //!< V.42bis compression
        CCP_BSD_COMPRESS = 21, //!< BSD LZW Compress (\RFC{1977})
        CCP_LZS_DCP = 23,      //!< LZS-DCP (\RFC{1967})
        CCP_MVRCA = 24,        //!< Magnalink MVRCA (\RFC{1975}); also draft Deflate
        CCP_DCE = 25,          //!< DCE (\RFC{1976})
        CCP_DEFLATE = 26,      //!< Deflate (\RFC{1979})
    };

    /**
     * \brief CHAP algorithm octet of the Authentication-Protocol option (\RFC{1994}, \RFC{2433},
     * \RFC{2759}).
     */
    enum ChapAlgorithm : uint8_t
    {
        CHAP_MD5 = 0x05,        //!< CHAP with MD5
        CHAP_MS_CHAP_V1 = 0x80, //!< MS-CHAP (\RFC{2433})
        CHAP_MS_CHAP_V2 = 0x81, //!< MS-CHAPv2 (\RFC{2759})
    };

    /**
     * \brief Supported Bits of the CCP MPPE/MPPC option (\RFC{3078} s.2).
     *
     * Values as \RFC{3078} s.2 states them in its text (and as real stacks and
     * Wireshark use them): S = 0x40 is 128-bit, M = 0x80 is 56-bit, L = 0x20 is
     * 40-bit, H = 0x01000000 is stateless mode.
     */
    enum MppeBits : uint32_t
    {
        MPPE_STATELESS = 0x01000000,   //!< 'H': stateless mode (key change per packet)
        MPPE_56_BIT = 0x00000080,      //!< 'M': 56-bit session keys
        MPPE_128_BIT = 0x00000040,     //!< 'S': 128-bit session keys
        MPPE_40_BIT = 0x00000020,      //!< 'L': 40-bit session keys
        MPPE_OBSOLETE_D = 0x00000010,  //!< 'D': obsolete, SHOULD NOT be accepted
        MPPC_COMPRESSION = 0x00000001, //!< 'C': MPPC compression (\RFC{2118})
    };

    /**
     * \brief Operation octet of the LCP Callback option (\RFC{1570} s.2.3).
     */
    enum CallbackOperation : uint8_t
    {
        CALLBACK_AUTHENTICATION = 0,     //!< location determined by user authentication
        CALLBACK_DIALING_STRING = 1,     //!< dialing string
        CALLBACK_LOCATION_ID = 2,        //!< location identifier
        CALLBACK_E164 = 3,               //!< E.164 number
        CALLBACK_DISTINGUISHED_NAME = 4, //!< distinguished name
        CALLBACK_CBCP = 6, //!< location determined during CBCP negotiation (Microsoft)
    };

    /**
     * \brief Class octet of the LCP Endpoint-Discriminator option (\RFC{1990} s.5.1.3).
     */
    enum EndpointClass : uint8_t
    {
        ENDPOINT_NULL = 0,             //!< Null class
        ENDPOINT_LOCAL = 1,            //!< Locally assigned address
        ENDPOINT_IP = 2,               //!< Internet Protocol address
        ENDPOINT_MAC = 3,              //!< IEEE 802.1 globally assigned MAC address
        ENDPOINT_MAGIC_BLOCK = 4,      //!< PPP Magic-Number block
        ENDPOINT_DIRECTORY_NUMBER = 5, //!< Public switched network directory number
    };

    /**
     * \brief An empty LCP option of type 0 (a placeholder to assign to).
     */
    PppOption();

    /**
     * \brief A raw option; the status says whether it is well-formed for its type.
     * \param protocol PppProtocol::LCP, IPCP or CCP (asserted)
     * \param type the option type
     * \param data the data field (may be null when size is 0)
     * \param size octets of data, at most MAX_DATA_SIZE (asserted)
     */
    PppOption(uint16_t protocol, uint8_t type, const uint8_t* data, uint8_t size);

    /**
     * \brief LCP Maximum-Receive-Unit.
     * \param mru the MRU
     * \return the option
     */
    static PppOption MakeMru(uint16_t mru);
    /**
     * \brief LCP Async-Control-Character-Map.
     * \param accm the map
     * \return the option
     */
    static PppOption MakeAccm(uint32_t accm);
    /**
     * \brief LCP Authentication-Protocol for PAP (C0 23).
     * \return the option
     */
    static PppOption MakeAuthenticationPap();
    /**
     * \brief LCP Authentication-Protocol for CHAP (C2 23) with an algorithm.
     * \param algorithm a ChapAlgorithm value
     * \return the option
     */
    static PppOption MakeAuthenticationChap(uint8_t algorithm);
    /**
     * \brief LCP Quality-Protocol.
     * \param protocol the quality protocol (e.g. PppProtocol::LQR)
     * \param data protocol-specific data (may be null when size is 0)
     * \param size octets of data
     * \return the option
     */
    static PppOption MakeQualityProtocol(uint16_t protocol, const uint8_t* data, uint8_t size);
    /**
     * \brief LCP Magic-Number.
     * \param magic the magic number
     * \return the option
     */
    static PppOption MakeMagicNumber(uint32_t magic);
    /**
     * \brief LCP Protocol-Field-Compression.
     * \return the option
     */
    static PppOption MakePfc();
    /**
     * \brief LCP Address-and-Control-Field-Compression.
     * \return the option
     */
    static PppOption MakeAcfc();
    /**
     * \brief LCP Callback (\RFC{1570}).
     * \param operation a CallbackOperation value
     * \param message the message (may be null when size is 0)
     * \param size octets of message
     * \return the option
     */
    static PppOption MakeCallback(uint8_t operation, const uint8_t* message, uint8_t size);
    /**
     * \brief LCP Multilink MRRU (\RFC{1990}).
     * \param mrru the maximum reconstructed receive unit
     * \return the option
     */
    static PppOption MakeMrru(uint16_t mrru);
    /**
     * \brief LCP Multilink Short-Sequence-Number-Header-Format (\RFC{1990}).
     * \return the option
     */
    static PppOption MakeShortSequence();
    /**
     * \brief LCP Multilink Endpoint-Discriminator (\RFC{1990}).
     * \param endpointClass an EndpointClass value
     * \param address the address (may be null when size is 0)
     * \param size octets of address
     * \return the option
     */
    static PppOption MakeEndpointDiscriminator(uint8_t endpointClass,
                                               const uint8_t* address,
                                               uint8_t size);
    /**
     * \brief IPCP IP-Compression-Protocol.
     * \param protocol the compression protocol (e.g. 0x002D Van Jacobson)
     * \param data protocol-specific data (for VJ: Max-Slot-Id, Comp-Slot-Id)
     * \param size octets of data
     * \return the option
     */
    static PppOption MakeIpCompressionProtocol(uint16_t protocol,
                                               const uint8_t* data,
                                               uint8_t size);
    /**
     * \brief An IPCP option carrying one IPv4 address: IP-Address, Mobile-IPv4 or an
     * \RFC{1877} DNS / NBNS address.
     * \param type IPCP_IP_ADDRESS, IPCP_MOBILE_IPV4, IPCP_PRIMARY_DNS, IPCP_PRIMARY_NBNS,
     *        IPCP_SECONDARY_DNS or IPCP_SECONDARY_NBNS (asserted)
     * \param address the address (0.0.0.0 asks the peer for one)
     * \return the option
     */
    static PppOption MakeIpcpAddress(uint8_t type, Ipv4Address address);
    /**
     * \brief IPCP IP-Address.
     * \param address the address (0.0.0.0 asks the peer for one)
     * \return the option
     */
    static PppOption MakeIpAddress(Ipv4Address address);
    /**
     * \brief CCP MPPE/MPPC option (\RFC{3078} s.2).
     * \param supportedBits an OR of MppeBits values
     * \return the option
     */
    static PppOption MakeMppe(uint32_t supportedBits);

    /**
     * \brief Decode one option.
     * \param start where the option begins
     * \param available octets left for options in the enclosing packet
     * \param protocol the control protocol of the enclosing packet (LCP, IPCP or CCP)
     * \return the option's length (also for an UNKNOWN_TYPE option), or 0 with
     *         GetStatus() == BAD_OPTION_LENGTH
     */
    uint32_t Deserialize(Buffer::Iterator start, uint32_t available, uint16_t protocol);
    /**
     * \brief Write the option (exactly GetSerializedSize() octets).
     * \param start where to write
     */
    void Serialize(Buffer::Iterator start) const;
    /**
     * \brief Size on the wire.
     * \return 2 + data size (the Length field)
     */
    uint32_t GetSerializedSize() const;
    /**
     * \brief Print the option's name and value, e.g. "MRU=1400".
     * \param os the stream
     */
    void Print(std::ostream& os) const;

    /**
     * \brief Whether the option is well-formed and defined.
     * \return NONE, UNKNOWN_TYPE or BAD_OPTION_LENGTH (see the class description)
     */
    WireError GetStatus() const;
    /**
     * \brief The control protocol the option belongs to.
     * \return PppProtocol::LCP, IPCP or CCP
     */
    uint16_t GetProtocol() const;
    /**
     * \brief The option type.
     * \return the Type octet
     */
    uint8_t GetType() const;
    /**
     * \brief The Length octet (2 + data size).
     * \return the length
     */
    uint8_t GetLength() const;
    /**
     * \brief The data field.
     * \return a pointer to GetDataSize() octets
     */
    const uint8_t* GetData() const;
    /**
     * \brief The size of the data field.
     * \return the number of octets after Type and Length
     */
    uint8_t GetDataSize() const;
    /**
     * \brief Whether this is a given option.
     * \param protocol the control protocol
     * \param type the option type
     * \return true when both match
     */
    bool Is(uint16_t protocol, uint8_t type) const;

    /**
     * \brief The MRU (LCP_MRU; asserted).
     * \return the MRU
     */
    uint16_t GetMru() const;
    /**
     * \brief The map (LCP_ACCM; asserted).
     * \return the ACCM
     */
    uint32_t GetAccm() const;
    /**
     * \brief The authentication protocol (LCP_AUTHENTICATION_PROTOCOL; asserted).
     * \return e.g. PppProtocol::CHAP
     */
    uint16_t GetAuthenticationProtocol() const;
    /**
     * \brief The CHAP algorithm (LCP_AUTHENTICATION_PROTOCOL with CHAP; asserted).
     * \return a ChapAlgorithm value
     */
    uint8_t GetChapAlgorithm() const;
    /**
     * \brief The quality protocol (LCP_QUALITY_PROTOCOL; asserted).
     * \return e.g. PppProtocol::LQR
     */
    uint16_t GetQualityProtocol() const;
    /**
     * \brief The magic number (LCP_MAGIC_NUMBER; asserted).
     * \return the magic number
     */
    uint32_t GetMagicNumber() const;
    /**
     * \brief The callback operation (LCP_CALLBACK; asserted).
     * \return a CallbackOperation value
     */
    uint8_t GetCallbackOperation() const;
    /**
     * \brief The MRRU (LCP_MRRU; asserted).
     * \return the MRRU
     */
    uint16_t GetMrru() const;
    /**
     * \brief The endpoint class (LCP_ENDPOINT_DISCRIMINATOR; asserted).
     * \return an EndpointClass value
     */
    uint8_t GetEndpointClass() const;
    /**
     * \brief The compression protocol (IPCP_IP_COMPRESSION_PROTOCOL; asserted).
     * \return e.g. 0x002D
     */
    uint16_t GetIpCompressionProtocol() const;
    /**
     * \brief The address of an IPCP address option (IP-Address, Mobile-IPv4, DNS, NBNS;
     * asserted).
     * \return the address
     */
    Ipv4Address GetIpv4Address() const;
    /**
     * \brief The Supported Bits (CCP_MPPE; asserted).
     * \return an OR of MppeBits values
     */
    uint32_t GetMppeBits() const;

    /**
     * \brief The name of an option type in a control protocol, e.g. "MRU".
     * \param protocol PppProtocol::LCP, IPCP or CCP
     * \param type the option type
     * \return a static string; "unknown" for a type the protocol does not define
     */
    static const char* TypeName(uint16_t protocol, uint8_t type);
    /**
     * \brief Whether a control protocol defines an option type.
     * \param protocol PppProtocol::LCP, IPCP or CCP
     * \param type the option type
     * \return true when TypeName() knows it
     */
    static bool IsKnownType(uint16_t protocol, uint8_t type);
    /**
     * \brief The name of a CHAP algorithm, e.g. "MS-CHAPv2".
     * \param algorithm the algorithm octet
     * \return a static string; "unknown" otherwise
     */
    static const char* ChapAlgorithmName(uint8_t algorithm);
    /**
     * \brief The name of a callback operation.
     * \param operation the operation octet
     * \return a static string; "unknown" otherwise
     */
    static const char* CallbackOperationName(uint8_t operation);
    /**
     * \brief The name of an endpoint discriminator class.
     * \param endpointClass the class octet
     * \return a static string; "unknown" otherwise
     */
    static const char* EndpointClassName(uint8_t endpointClass);
    /**
     * \brief Whether a control protocol is one whose options this class knows.
     * \param protocol a PPP protocol number
     * \return true for LCP, IPCP and CCP
     */
    static bool IsControlProtocol(uint16_t protocol);

    /**
     * \brief Equality of protocol, type and data.
     * \param other the other option
     * \return true when equal
     */
    bool operator==(const PppOption& other) const;
    /**
     * \brief Inequality.
     * \param other the other option
     * \return true when different
     */
    bool operator!=(const PppOption& other) const;

  private:
    /**
     * \brief Compute m_status from protocol, type and data size.
     */
    void Validate();
    /**
     * \brief Read a big-endian 16-bit value from the data.
     * \param offset the offset in the data field
     * \return the value
     */
    uint16_t DataU16(uint8_t offset) const;
    /**
     * \brief Read a big-endian 32-bit value from the data.
     * \param offset the offset in the data field
     * \return the value
     */
    uint32_t DataU32(uint8_t offset) const;
    /**
     * \brief Assert (for the typed getters) that this is a well-formed given option.
     * \param protocol the control protocol
     * \param type the option type
     */
    void Expect(uint16_t protocol, uint8_t type) const;

    uint16_t m_protocol;                       //!< control protocol
    uint8_t m_type;                            //!< Type octet
    uint8_t m_dataSize;                        //!< octets of data (Length - 2)
    WireError m_status;                        //!< well-formedness
    std::array<uint8_t, MAX_DATA_SIZE> m_data; //!< data field
};

/**
 * \ingroup pptp
 * \brief Stream output of an option (its Print()).
 * \param os the stream
 * \param option the option
 * \return the stream
 */
std::ostream& operator<<(std::ostream& os, const PppOption& option);

} // namespace ns3

#endif /* PPP_OPTION_H */
