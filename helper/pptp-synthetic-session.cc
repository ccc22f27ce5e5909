/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-synthetic-session.h"

#include "chap-packet.h"
#include "gre-header.h"
#include "mppe-header.h"
#include "mschapv2-message.h"
#include "ppp-control-packet.h"
#include "ppp-frame-header.h"
#include "ppp-option.h"
#include "pptp-control-message.h"

#include "ns3/icmpv4.h"
#include "ns3/ipv4-header.h"
#include "ns3/log.h"

#include <vector>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PptpSyntheticSession");

namespace
{

constexpr uint16_t CLIENT_CALL_ID = 0x4000;   //!< Call ID the PNS assigns
constexpr uint16_t SERVER_CALL_ID = 0x8001;   //!< Call ID the PAC assigns
constexpr uint16_t WINDOW = 64;               //!< Packet Recv. Window Size of both sides
constexpr uint16_t MRU = 1400;                //!< LCP MRU of both sides
constexpr uint32_t CLIENT_MAGIC = 0x1f2e3d4c; //!< client's LCP Magic-Number
constexpr uint32_t SERVER_MAGIC = 0x5a6b7c8d; //!< server's LCP Magic-Number
constexpr uint16_t ECHO_IDENTIFIER = 0x0200;  //!< ICMP echo identifier
constexpr uint32_t MAX_DATA_PACKETS = 4000;   //!< keeps the echo sequence numbers in 16 bits
constexpr uint8_t ICMP_PROTOCOL = 1;          //!< IP protocol number of ICMP

/// The echo payload of Windows' ping.
const char ECHO_DATA[] = "abcdefghijklmnopqrstuvwabcdefghi";

/// \RFC{2759} s.9.2 AuthenticatorChallenge.
const MsChapV2::Challenge RFC2759_AUTHENTICATOR_CHALLENGE = {
    0x5B, 0x5D, 0x7C, 0x7D, 0x7B, 0x3F, 0x2F, 0x3E, 0x3C, 0x2C, 0x60, 0x21, 0x32, 0x26, 0x26, 0x28};
/// \RFC{2759} s.9.2 PeerChallenge.
const MsChapV2::Challenge RFC2759_PEER_CHALLENGE = {
    0x21, 0x40, 0x23, 0x24, 0x25, 0x5E, 0x26, 0x2A, 0x28, 0x29, 0x5F, 0x2B, 0x3A, 0x33, 0x7C, 0x7E};

uint32_t
MppeStrengthBit(MppeStrength strength)
{
    switch (strength)
    {
        case MppeStrength::BITS_40:
            return PppOption::MPPE_40_BIT;
        case MppeStrength::BITS_56:
            return PppOption::MPPE_56_BIT;
        case MppeStrength::BITS_128:
            return PppOption::MPPE_128_BIT;
    }
    return PppOption::MPPE_128_BIT;
}

Ptr<Packet>
PacketOfHeader(const Header& header)
{
    Ptr<Packet> packet = Create<Packet>();
    packet->AddHeader(header);
    return packet;
}

} // namespace

PptpSyntheticSession::PptpSyntheticSession()
    : m_user("User")
    , m_password("clientPass")
    , m_authenticatorChallenge(RFC2759_AUTHENTICATOR_CHALLENGE)
    , m_peerChallenge(RFC2759_PEER_CHALLENGE)
    , m_dataPackets(6)
    , m_strength(MppeStrength::BITS_128)
    , m_stateless(true)
    , m_clientPublic("192.0.2.10")
    , m_serverPublic("198.51.100.1")
    , m_serverTunnel("172.16.0.1")
    , m_clientTunnel("172.16.0.10")
    , m_dns("172.16.0.53")
    , m_compressed(false)
    , m_ntResponse{}
    , m_authenticatorResponse{}
{
}

void
PptpSyntheticSession::SetUser(const std::string& user)
{
    m_user = user;
}

void
PptpSyntheticSession::SetPassword(const std::string& password)
{
    m_password = password;
}

void
PptpSyntheticSession::SetChallenges(const MsChapV2::Challenge& authenticator,
                                    const MsChapV2::Challenge& peer)
{
    m_authenticatorChallenge = authenticator;
    m_peerChallenge = peer;
}

void
PptpSyntheticSession::SetDataPackets(uint32_t packets)
{
    NS_ASSERT_MSG(packets <= MAX_DATA_PACKETS, "at most " << MAX_DATA_PACKETS << " packets");
    m_dataPackets = packets;
}

void
PptpSyntheticSession::SetStrength(MppeStrength strength)
{
    m_strength = strength;
}

void
PptpSyntheticSession::SetStateless(bool stateless)
{
    m_stateless = stateless;
}

void
PptpSyntheticSession::SetPublicAddresses(Ipv4Address client, Ipv4Address server)
{
    m_clientPublic = client;
    m_serverPublic = server;
}

void
PptpSyntheticSession::SetTunnelAddresses(Ipv4Address server, Ipv4Address client, Ipv4Address dns)
{
    m_serverTunnel = server;
    m_clientTunnel = client;
    m_dns = dns;
}

const std::vector<PptpSyntheticSessionStep>&
PptpSyntheticSession::GetSteps() const
{
    return m_steps;
}

uint32_t
PptpSyntheticSession::GetFrameCount() const
{
    return m_writer.GetFrameCount();
}

const MsChapV2::NtResponse&
PptpSyntheticSession::GetNtResponse() const
{
    return m_ntResponse;
}

const MsChapV2::AuthenticatorResponse&
PptpSyntheticSession::GetAuthenticatorResponse() const
{
    return m_authenticatorResponse;
}

MppeKey
PptpSyntheticSession::GetSendStartKey(MppeSide side) const
{
    return side == MppeSide::CLIENT ? m_clientSendKey : m_serverSendKey;
}

bool
PptpSyntheticSession::Write(const std::string& filename)
{
    NS_LOG_FUNCTION(this << filename);
    const Direction c2s = PptpPcapSessionWriter::CLIENT_TO_SERVER;
    const Direction s2c = PptpPcapSessionWriter::SERVER_TO_CLIENT;

    m_steps.clear();
    m_client = GreSender();
    m_server = GreSender();
    m_client.peerCallId = SERVER_CALL_ID;
    m_server.peerCallId = CLIENT_CALL_ID;
    m_compressed = false;
    m_writer.SetClient(m_clientPublic, Mac48Address("02:00:00:00:00:0a"), 49152);
    m_writer.SetServer(m_serverPublic, Mac48Address("02:00:00:00:00:01"));
    if (!m_writer.Open(filename))
    {
        return false;
    }

    // Control connection and call (RFC 2637 s.2).
    m_writer.WriteTcpHandshake();
    {
        PptpStartControlConnectionRequest sccrq;
        sccrq.framingCapabilities = static_cast<uint32_t>(PptpFramingCapability::ASYNCHRONOUS);
        sccrq.bearerCapabilities = static_cast<uint32_t>(PptpBearerCapability::ANALOG);
        sccrq.maximumChannels = 0;
        sccrq.firmwareRevision = 1;
        PptpSetText(sccrq.hostName, "ns3-pptp-client");
        PptpSetText(sccrq.vendorName, "ns-3");
        Control(c2s, PptpControlMessage(sccrq), "Start-Control-Connection-Request");

        PptpStartControlConnectionReply sccrp;
        sccrp.resultCode = PptpStartControlConnectionResult::SUCCESS;
        sccrp.framingCapabilities = static_cast<uint32_t>(PptpFramingCapability::ASYNCHRONOUS)
                                    | static_cast<uint32_t>(PptpFramingCapability::SYNCHRONOUS);
        sccrp.bearerCapabilities = static_cast<uint32_t>(PptpBearerCapability::ANALOG)
                                   | static_cast<uint32_t>(PptpBearerCapability::DIGITAL);
        sccrp.maximumChannels = 1;
        sccrp.firmwareRevision = 1;
        PptpSetText(sccrp.hostName, "ns3-pptp-server");
        PptpSetText(sccrp.vendorName, "ns-3");
        Control(s2c, PptpControlMessage(sccrp), "Start-Control-Connection-Reply");

        PptpOutgoingCallRequest ocrq;
        ocrq.callId = CLIENT_CALL_ID;
        ocrq.callSerialNumber = 1;
        ocrq.minimumBps = 2400;
        ocrq.maximumBps = 10000000;
        ocrq.bearerType = PptpBearerType::EITHER;
        ocrq.framingType = PptpFramingType::EITHER;
        ocrq.packetRecvWindowSize = WINDOW;
        ocrq.packetProcessingDelay = 0;
        Control(c2s, PptpControlMessage(ocrq), "Outgoing-Call-Request");

        PptpOutgoingCallReply ocrp;
        ocrp.callId = SERVER_CALL_ID;
        ocrp.peersCallId = CLIENT_CALL_ID;
        ocrp.resultCode = PptpOutgoingCallResult::CONNECTED;
        ocrp.connectSpeed = 10000000;
        ocrp.packetRecvWindowSize = WINDOW;
        ocrp.packetProcessingDelay = 0;
        Control(s2c, PptpControlMessage(ocrp), "Outgoing-Call-Reply");

        PptpSetLinkInfo sli;
        sli.peersCallId = SERVER_CALL_ID;
        sli.sendAccm = 0xffffffff;
        sli.receiveAccm = 0xffffffff;
        Control(c2s, PptpControlMessage(sli), "Set-Link-Info");
    }

    // LCP (RFC 1661): both sides agree on PFC and ACFC; the server asks for MS-CHAPv2.
    {
        std::vector<PppOption> clientOptions = {PppOption::MakeMru(MRU),
                                                PppOption::MakeMagicNumber(CLIENT_MAGIC),
                                                PppOption::MakePfc(),
                                                PppOption::MakeAcfc()};
        std::vector<PppOption> serverOptions
            = {PppOption::MakeMru(MRU),
               PppOption::MakeAuthenticationChap(PppOption::CHAP_MS_CHAP_V2),
               PppOption::MakeMagicNumber(SERVER_MAGIC),
               PppOption::MakePfc(),
               PppOption::MakeAcfc()};
        ConfigureBothWays(PppProtocol::LCP,
                          clientOptions,
                          serverOptions,
                          "LCP Configure-Request",
                          "LCP Configure-Ack");
        m_compressed = true;
    }

    // MS-CHAPv2 (RFC 2759) with values computed from the credentials.
    {
        m_ntResponse = MsChapV2::GenerateNtResponse(
            m_authenticatorChallenge, m_peerChallenge, m_user, m_password);
        m_authenticatorResponse = MsChapV2::GenerateAuthenticatorResponse(
            m_password, m_ntResponse, m_peerChallenge, m_authenticatorChallenge, m_user);
        const uint8_t identifier = 1;
        ChapPacket challenge;
        challenge.SetCode(ChapPacket::CHALLENGE);
        challenge.SetIdentifier(identifier);
        challenge.SetValue(m_authenticatorChallenge.data(), m_authenticatorChallenge.size());
        challenge.SetName("ns3-pptp-server");
        Ppp(s2c, PppProtocol::CHAP, PacketOfHeader(challenge), "CHAP Challenge");

        MsChapV2ResponseValue value;
        value.peerChallenge = m_peerChallenge;
        value.ntResponse = m_ntResponse;
        value.flags = 0;
        ChapPacket response;
        response.SetCode(ChapPacket::RESPONSE);
        response.SetIdentifier(identifier);
        response.SetValue(value.Encode());
        response.SetName(m_user);
        Ppp(c2s, PppProtocol::CHAP, PacketOfHeader(response), "CHAP Response");

        MsChapV2Success successText;
        successText.authenticatorResponse = m_authenticatorResponse;
        successText.hasMessage = true;
        successText.message = "Access granted";
        ChapPacket success;
        success.SetCode(ChapPacket::SUCCESS);
        success.SetIdentifier(identifier);
        success.SetMessage(successText.Format());
        Ppp(s2c, PppProtocol::CHAP, PacketOfHeader(success), "CHAP Success");
    }

    // CCP (RFC 1962) with the MPPE option (RFC 3078 s.2), the same bits both ways.
    {
        uint32_t bits = MppeStrengthBit(m_strength);
        if (m_stateless)
        {
            bits |= PppOption::MPPE_STATELESS;
        }
        std::vector<PppOption> options = {PppOption::MakeMppe(bits)};
        ConfigureBothWays(
            PppProtocol::CCP, options, options, "CCP Configure-Request", "CCP Configure-Ack");
    }

    // IPCP (RFC 1332, RFC 1877): the server assigns the client's address and DNS by a Nak.
    {
        const uint16_t ipcp = PppProtocol::IPCP;
        const Ipv4Address any("0.0.0.0");
        std::vector<PppOption> ask = {PppOption::MakeIpAddress(any),
                                      PppOption::MakeIpcpAddress(PppOption::IPCP_PRIMARY_DNS, any)};
        std::vector<PppOption> serverOwn = {PppOption::MakeIpAddress(m_serverTunnel)};
        std::vector<PppOption> assigned
            = {PppOption::MakeIpAddress(m_clientTunnel),
               PppOption::MakeIpcpAddress(PppOption::IPCP_PRIMARY_DNS, m_dns)};
        PppControl(
            c2s, PppControlPacket::MakeConfigureRequest(ipcp, 1, ask), "IPCP Configure-Request");
        PppControl(s2c,
                   PppControlPacket::MakeConfigureRequest(ipcp, 1, serverOwn),
                   "IPCP Configure-Request");
        PppControl(
            c2s,
            PppControlPacket::MakeConfigure(ipcp, PppControlPacket::CONFIGURE_ACK, 1, serverOwn),
            "IPCP Configure-Ack");
        PppControl(
            s2c,
            PppControlPacket::MakeConfigure(ipcp, PppControlPacket::CONFIGURE_NAK, 1, assigned),
            "IPCP Configure-Nak");
        PppControl(c2s,
                   PppControlPacket::MakeConfigureRequest(ipcp, 2, assigned),
                   "IPCP Configure-Request");
        PppControl(
            s2c,
            PppControlPacket::MakeConfigure(ipcp, PppControlPacket::CONFIGURE_ACK, 2, assigned),
            "IPCP Configure-Ack");
    }

    // MPPE data (RFC 3078, keys from RFC 3079): echo requests and replies.
    {
        m_clientSendKey = MppeKeys::GetStartKey(
            m_password, m_ntResponse, m_strength, MppeDirection::SEND, MppeSide::CLIENT);
        m_serverSendKey = MppeKeys::GetStartKey(
            m_password, m_ntResponse, m_strength, MppeDirection::SEND, MppeSide::SERVER);
        MppeSessionKey clientKey(m_clientSendKey, m_strength, m_stateless);
        MppeSessionKey serverKey(m_serverSendKey, m_strength, m_stateless);
        std::vector<uint8_t> clear;
        for (uint32_t i = 0; i < m_dataPackets; ++i)
        {
            bool request = i % 2 == 0;
            Ptr<Packet> ip = MakeEcho(request, static_cast<uint16_t>(i / 2 + 1));
            // The PPP protocol field is encrypted with the datagram (RFC 3078 s.3).
            clear.resize(2 + ip->GetSize());
            clear[0] = static_cast<uint8_t>(PppProtocol::IPV4 >> 8);
            clear[1] = static_cast<uint8_t>(PppProtocol::IPV4 & 0xff);
            ip->CopyData(clear.data() + 2, ip->GetSize());
            bool flushed = false;
            uint16_t count
                = (request ? clientKey : serverKey).Encrypt(clear.data(), clear.size(), flushed);
            MppeHeader mppe;
            mppe.SetFlushed(flushed);
            mppe.SetEncrypted(true);
            mppe.SetCoherencyCount(count);
            Ptr<Packet> payload = Create<Packet>(clear.data(), static_cast<uint32_t>(clear.size()));
            payload->AddHeader(mppe);
            Ppp(request ? c2s : s2c,
                PppProtocol::COMPRESSED_DATAGRAM,
                payload,
                request ? "MPPE data (ICMP echo request)" : "MPPE data (ICMP echo reply)");
        }
        GreAck(c2s);
        GreAck(s2c);
    }

    // LCP Terminate (RFC 1661 s.5.5), then the call and the control connection are cleared.
    {
        const uint16_t lcp = PppProtocol::LCP;
        const std::string reason = "User request";
        std::vector<uint8_t> data(reason.begin(), reason.end());
        PppControl(
            c2s,
            PppControlPacket::MakeTerminate(lcp, PppControlPacket::TERMINATE_REQUEST, 2, data),
            "LCP Terminate-Request");
        PppControl(s2c,
                   PppControlPacket::MakeTerminate(
                       lcp, PppControlPacket::TERMINATE_ACK, 2, std::vector<uint8_t>()),
                   "LCP Terminate-Ack");
        GreAck(c2s);

        PptpCallClearRequest ccrq;
        ccrq.callId = CLIENT_CALL_ID;
        Control(c2s, PptpControlMessage(ccrq), "Call-Clear-Request");

        PptpCallDisconnectNotify cdn;
        cdn.callId = SERVER_CALL_ID;
        cdn.resultCode = PptpCallDisconnectResult::REQUEST;
        cdn.causeCode = 0;
        Control(s2c, PptpControlMessage(cdn), "Call-Disconnect-Notify");

        PptpStopControlConnectionRequest stop;
        stop.reason = PptpStopReason::NONE;
        Control(c2s, PptpControlMessage(stop), "Stop-Control-Connection-Request");

        PptpStopControlConnectionReply stopReply;
        stopReply.resultCode = PptpStopControlConnectionResult::OK;
        Control(s2c, PptpControlMessage(stopReply), "Stop-Control-Connection-Reply");
    }
    m_writer.WriteTcpClose(c2s);
    m_writer.Close();
    return true;
}

void
PptpSyntheticSession::Step(Direction direction, const char* what)
{
    m_steps.push_back({m_writer.GetFrameCount() + 1, direction, what});
}

void
PptpSyntheticSession::Control(Direction direction,
                              const PptpControlMessage& message,
                              const char* what)
{
    Step(direction, what);
    m_writer.WriteControl(direction, PacketOfHeader(message), true);
}

void
PptpSyntheticSession::Ppp(Direction direction,
                          uint16_t protocol,
                          Ptr<Packet> payload,
                          const char* what)
{
    // LCP keeps the address and control fields whatever was negotiated (RFC 1661 s.6.6).
    bool compress = m_compressed && protocol != PppProtocol::LCP;
    PppFrameHeader frame(protocol);
    frame.SetAddressControl(!compress);
    frame.SetProtocolCompression(compress);
    payload->AddHeader(frame);
    Step(direction, what);
    Gre(direction, payload);
}

void
PptpSyntheticSession::PppControl(Direction direction,
                                 const PppControlPacket& packet,
                                 const char* what)
{
    Ppp(direction, packet.GetProtocol(), PacketOfHeader(packet), what);
}

void
PptpSyntheticSession::ConfigureBothWays(uint16_t protocol,
                                        const std::vector<PppOption>& clientOptions,
                                        const std::vector<PppOption>& serverOptions,
                                        const char* requestWhat,
                                        const char* ackWhat)
{
    const Direction c2s = PptpPcapSessionWriter::CLIENT_TO_SERVER;
    const Direction s2c = PptpPcapSessionWriter::SERVER_TO_CLIENT;
    const uint8_t ack = PppControlPacket::CONFIGURE_ACK;
    PppControl(
        c2s, PppControlPacket::MakeConfigureRequest(protocol, 1, clientOptions), requestWhat);
    PppControl(
        s2c, PppControlPacket::MakeConfigureRequest(protocol, 1, serverOptions), requestWhat);
    PppControl(s2c, PppControlPacket::MakeConfigure(protocol, ack, 1, clientOptions), ackWhat);
    PppControl(c2s, PppControlPacket::MakeConfigure(protocol, ack, 1, serverOptions), ackWhat);
}

void
PptpSyntheticSession::Gre(Direction direction, Ptr<Packet> ppp)
{
    bool fromClient = direction == PptpPcapSessionWriter::CLIENT_TO_SERVER;
    GreSender& self = fromClient ? m_client : m_server;
    GreSender& peer = fromClient ? m_server : m_client;
    GreHeader header;
    header.SetCallId(self.peerCallId);
    header.SetPayloadLength(static_cast<uint16_t>(ppp->GetSize()));
    uint32_t sequence = self.nextSequence++;
    header.SetSequenceNumber(sequence);
    if (self.pendingAck)
    {
        header.SetAcknowledgment(self.lastReceived);
        self.pendingAck = false;
    }
    ppp->AddHeader(header);
    peer.received = true;
    peer.lastReceived = sequence;
    peer.pendingAck = true;
    m_writer.WriteGre(direction, ppp);
}

void
PptpSyntheticSession::GreAck(Direction direction)
{
    GreSender& self = direction == PptpPcapSessionWriter::CLIENT_TO_SERVER ? m_client : m_server;
    if (!self.pendingAck)
    {
        return;
    }
    GreHeader header;
    header.SetCallId(self.peerCallId);
    header.SetPayloadLength(0);
    header.SetAcknowledgment(self.lastReceived);
    self.pendingAck = false;
    Step(direction, "GRE ack");
    m_writer.WriteGre(direction, PacketOfHeader(header));
}

Ptr<Packet>
PptpSyntheticSession::MakeEcho(bool request, uint16_t sequence) const
{
    Ptr<Packet> data
        = Create<Packet>(reinterpret_cast<const uint8_t*>(ECHO_DATA), sizeof(ECHO_DATA) - 1);
    Icmpv4Echo echo;
    echo.SetIdentifier(ECHO_IDENTIFIER);
    echo.SetSequenceNumber(sequence);
    echo.SetData(data);
    Icmpv4Header icmp;
    icmp.SetType(request ? Icmpv4Header::ICMPV4_ECHO : Icmpv4Header::ICMPV4_ECHO_REPLY);
    icmp.SetCode(0);
    icmp.EnableChecksum();
    Ptr<Packet> packet = Create<Packet>();
    packet->AddHeader(echo);
    packet->AddHeader(icmp);

    Ipv4Header ip;
    ip.SetSource(request ? m_clientTunnel : m_serverTunnel);
    ip.SetDestination(request ? m_serverTunnel : m_clientTunnel);
    ip.SetProtocol(ICMP_PROTOCOL);
    ip.SetPayloadSize(static_cast<uint16_t>(packet->GetSize()));
    ip.SetIdentification(static_cast<uint16_t>(sequence + (request ? 0x1000 : 0x2000)));
    ip.SetTtl(request ? 128 : 64);
    ip.EnableChecksum();
    packet->AddHeader(ip);
    return packet;
}

} // namespace ns3
