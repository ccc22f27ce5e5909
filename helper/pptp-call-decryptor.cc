/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-call-decryptor.h"

#include "mppe-channel.h"
#include "mppe-header.h"
#include "ppp-frame-header.h"

#include "ns3/buffer.h"
#include "ns3/log.h"
#include "ns3/packet.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PptpCallDecryptor");

bool
PptpDecryptedFrame::GetIpv4(PptpIpv4View& ip) const
{
    return protocol == PppProtocol::IPV4 && headerSize <= data.size()
           && ip.Parse(data.data() + headerSize, data.size() - headerSize);
}

PptpCallKeys
PptpCallDecryptor::DeriveKeys(const MsChapV2Exchange& exchange,
                              const std::string& password,
                              MppeStrength strength)
{
    PptpCallKeys keys;
    keys.passwordHash = MsChapV2::NtPasswordHash(password);
    keys.passwordHashHash = MsChapV2::HashNtPasswordHash(keys.passwordHash);
    keys.masterKey = MppeKeys::GetMasterKey(keys.passwordHashHash, exchange.ntResponse);
    keys.clientSendStartKey = MppeKeys::GetAsymmetricStartKey(
        keys.masterKey, strength, MppeDirection::SEND, MppeSide::CLIENT);
    keys.serverSendStartKey = MppeKeys::GetAsymmetricStartKey(
        keys.masterKey, strength, MppeDirection::SEND, MppeSide::SERVER);
    return keys;
}

PptpCallDecryptor::PptpCallDecryptor(const PptpCapturedCall& call, const std::string& password)
    : m_keys(DeriveKeys(call.exchange, password, call.GetStrength()))
{
    NS_LOG_FUNCTION(this << call.frames.size());
    // The receiving end of each direction: the server reads the client's frames.
    Ptr<MppeChannel> atServer = CreateObject<MppeChannel>();
    Ptr<MppeChannel> atClient = CreateObject<MppeChannel>();
    atServer->Start(m_keys.masterKey, MppeSide::SERVER, call.GetStrength(), call.IsStateless());
    atClient->Start(m_keys.masterKey, MppeSide::CLIENT, call.GetStrength(), call.IsStateless());
    m_frames.reserve(call.frames.size());
    for (const PptpCapturedFrame& frame : call.frames)
    {
        const auto d = static_cast<std::size_t>(frame.direction);
        const bool toServer = frame.direction == PptpFrameDirection::CLIENT_TO_SERVER;
        Ptr<Packet> inner
            = (toServer ? atServer : atClient)
                  ->Decrypt(Create<Packet>(frame.payload.data(),
                                           static_cast<uint32_t>(frame.payload.size())));
        if (!inner)
        {
            ++m_failed[d];
            continue;
        }
        ++m_decrypted[d];
        PptpDecryptedFrame out;
        out.time = frame.time;
        out.direction = frame.direction;
        out.coherencyCount
            = static_cast<uint16_t>(((frame.payload[0] & 0x0f) << 8) | frame.payload[1]);
        out.data.resize(inner->GetSize());
        inner->CopyData(out.data.data(), inner->GetSize());
        // The inner protocol field (\RFC{3078} s.1: encrypted with the datagram; PFC applies).
        PppFrameHeader ppp;
        Buffer buffer(0);
        buffer.AddAtStart(inner->GetSize());
        buffer.Begin().Write(out.data.data(), inner->GetSize());
        out.headerSize = ppp.Deserialize(buffer.Begin());
        out.protocol = out.headerSize > 0 ? ppp.GetProtocol() : 0;
        PptpIpv4View ip;
        if (out.GetIpv4(ip))
        {
            ++m_ipv4[d];
        }
        m_frames.push_back(std::move(out));
    }
    atServer->Dispose();
    atClient->Dispose();
}

const PptpCallKeys&
PptpCallDecryptor::GetKeys() const
{
    return m_keys;
}

const std::vector<PptpDecryptedFrame>&
PptpCallDecryptor::GetFrames() const
{
    return m_frames;
}

uint64_t
PptpCallDecryptor::GetDecryptedCount(PptpFrameDirection direction) const
{
    return m_decrypted[static_cast<std::size_t>(direction)];
}

uint64_t
PptpCallDecryptor::GetFailedCount(PptpFrameDirection direction) const
{
    return m_failed[static_cast<std::size_t>(direction)];
}

uint64_t
PptpCallDecryptor::GetIpv4Count(PptpFrameDirection direction) const
{
    return m_ipv4[static_cast<std::size_t>(direction)];
}

} // namespace ns3
