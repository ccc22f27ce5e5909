/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "crypto-primitives.h"
#include "mppe-channel.h"
#include "mppe-keys.h"
#include "mppe-session-key.h"
#include "pptp-test-util.h"
#include "vector-file.h"

#include "ns3/flow-id-tag.h"
#include "ns3/socket.h"

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

/// One RFC 3079 s.3.5 example.
struct Example
{
    const char* entry;     //!< vectors.json entry
    const char* suffix;    //!< suffix of its key names
    MppeStrength strength; //!< its strength
};

/// The three MS-CHAPv2 examples.
const Example EXAMPLES[] = {
    {"rfc3079_s3_5_1_mschapv2_40bit", "40", MppeStrength::BITS_40},
    {"rfc3079_s3_5_2_mschapv2_56bit", "56", MppeStrength::BITS_56},
    {"rfc3079_s3_5_3_mschapv2_128bit", "128", MppeStrength::BITS_128},
};

/**
 * \brief The master key of the RFC 3079 examples (the same in all three).
 * \return the key
 */
MppeKeys::MasterKey
MasterKey()
{
    return ArrayOf<16>(TestVectors()["rfc3079_s3_5_3_mschapv2_128bit"].Hex("master_key"));
}

/**
 * \brief Inner frame number n: 00 21 and octets that depend on n and their place.
 * \param n the frame number
 * \param size octets after the protocol field
 * \return the frame
 */
Bytes
InnerFrame(uint32_t n, uint32_t size)
{
    Bytes frame{0x00, 0x21};
    for (uint32_t i = 0; i < size; ++i)
    {
        frame.push_back(static_cast<uint8_t>(n * 31 + i * 7 + (n >> 8)));
    }
    return frame;
}

/**
 * \brief RC4 over data with a key, computed independently of MppeSessionKey.
 * \param key the key
 * \param data the data
 * \return the output
 */
Bytes
Rc4Of(const MppeKey& key, const Bytes& data)
{
    Rc4 rc4(key.GetData(), key.GetLength());
    Bytes out = data;
    rc4.Process(out.data(), out.size());
    return out;
}

/**
 * \brief A key from bytes.
 * \param bytes 8 or 16 octets
 * \return the key
 */
MppeKey
KeyOf(const Bytes& bytes)
{
    return MppeKey(bytes.data(), bytes.size());
}

/// A client channel and a server channel started from the same master key.
struct ChannelPair
{
    Ptr<MppeChannel> client;                      //!< the client's channel
    Ptr<MppeChannel> server;                      //!< the server's channel
    uint32_t clientResets{0};                     //!< client asked for a Reset-Request
    uint32_t serverResets{0};                     //!< server asked for a Reset-Request
    std::vector<MppeChannel::DropReason> drops;   //!< server's drops, in order
    std::vector<uint16_t> resyncs;                //!< server's "Resynchronized"
    std::vector<uint16_t> serverReceiveKeyChange; //!< server's RECEIVE key changes
    std::vector<uint16_t> clientSendKeyChange;    //!< client's SEND key changes

    /**
     * \brief Build and start the pair.
     * \param strength the strength
     * \param stateless the mode
     */
    ChannelPair(MppeStrength strength, bool stateless)
        : client(CreateObject<MppeChannel>())
        , server(CreateObject<MppeChannel>())
    {
        client->Start(MasterKey(), MppeSide::CLIENT, strength, stateless);
        server->Start(MasterKey(), MppeSide::SERVER, strength, stateless);
        client->SetResetRequestCallback(Callback<void>([this]() { ++clientResets; }));
        server->SetResetRequestCallback(Callback<void>([this]() { ++serverResets; }));
        BOOST_REQUIRE(server->TraceConnectWithoutContext(
            "Drop",
            Callback<void, Ptr<const Packet>, MppeChannel::DropReason>(
                [this](Ptr<const Packet>, MppeChannel::DropReason reason)
                { drops.push_back(reason); })));
        BOOST_REQUIRE(server->TraceConnectWithoutContext(
            "Resynchronized",
            Callback<void, uint16_t>([this](uint16_t count) { resyncs.push_back(count); })));
        BOOST_REQUIRE(
            server->TraceConnectWithoutContext("KeyChange",
                                               Callback<void, MppeDirection, uint16_t>(
                                                   [this](MppeDirection direction, uint16_t count)
                                                   {
                                                       if (direction == MppeDirection::RECEIVE)
                                                       {
                                                           serverReceiveKeyChange.push_back(count);
                                                       }
                                                   })));
        BOOST_REQUIRE(
            client->TraceConnectWithoutContext("KeyChange",
                                               Callback<void, MppeDirection, uint16_t>(
                                                   [this](MppeDirection direction, uint16_t count)
                                                   {
                                                       if (direction == MppeDirection::SEND)
                                                       {
                                                           clientSendKeyChange.push_back(count);
                                                       }
                                                   })));
    }

    ChannelPair(const ChannelPair&) = delete;
    ChannelPair& operator=(const ChannelPair&) = delete;

    ~ChannelPair()
    {
        client->Dispose();
        server->Dispose();
    }
};

/**
 * \brief Checks the MPPE header octets of an encrypted packet.
 * \param packet the packet Encrypt() returned
 * \param ccount the expected coherency count
 * \param flushed the expected FLUSHED bit
 */
void
CheckHeader(const Bytes& packet, uint16_t ccount, bool flushed)
{
    BOOST_REQUIRE(packet.size() >= 2U);
    BOOST_TEST((packet[0] & 0x80) == (flushed ? 0x80 : 0), "A bit of packet " << ccount);
    BOOST_TEST((packet[0] & 0x70) == 0x10, "B C D bits of packet " << ccount);
    BOOST_TEST(((packet[0] & 0x0f) << 8 | packet[1]) == ccount);
}

/// The outcome of a run through a lossy wire.
struct LossRun
{
    uint32_t sent{0};           //!< packets encrypted
    uint32_t lost{0};           //!< packets the wire dropped
    uint32_t delivered{0};      //!< packets decrypted, every one checked
    uint32_t garbage{0};        //!< delivered packets that differ from the one sent
    uint32_t lastLoss{0};       //!< index of the last packet the wire dropped
    uint32_t firstAfterLoss{0}; //!< first packet delivered after the last loss
};

/**
 * \brief Sends count packets client to server through a wire that drops some; the server's
 * Reset-Requests reach the client resetDelay packets later (a CCP stand-in).
 * \param pair the channels
 * \param count packets to send
 * \param lose whether the wire drops packet n
 * \param resetDelay packets sent between the server's Reset-Request and its arrival
 * \return what happened
 */
LossRun
RunLossy(ChannelPair& pair,
         uint32_t count,
         const std::function<bool(uint32_t)>& lose,
         uint32_t resetDelay)
{
    LossRun run;
    std::vector<uint32_t> resetsDue;
    uint32_t resetsSeen = 0;
    bool lossSinceDelivery = false;
    for (uint32_t n = 0; n < count; ++n)
    {
        while (!resetsDue.empty() && resetsDue.front() <= n)
        {
            pair.client->ReceiveResetRequest();
            resetsDue.erase(resetsDue.begin());
        }
        const Bytes inner = InnerFrame(n, 20 + n % 50);
        Ptr<Packet> packet = pair.client->Encrypt(PacketOf(inner));
        BOOST_REQUIRE(packet);
        ++run.sent;
        if (lose(n))
        {
            ++run.lost;
            run.lastLoss = n;
            lossSinceDelivery = true;
            continue;
        }
        Ptr<Packet> out = pair.server->Decrypt(packet);
        if (pair.serverResets != resetsSeen)
        {
            resetsSeen = pair.serverResets;
            resetsDue.push_back(n + 1 + resetDelay);
        }
        if (!out)
        {
            continue;
        }
        ++run.delivered;
        if (BytesOf(out) != inner)
        {
            ++run.garbage;
        }
        if (lossSinceDelivery)
        {
            run.firstAfterLoss = n;
            lossSinceDelivery = false;
        }
    }
    return run;
}

} // namespace

BOOST_AUTO_TEST_SUITE(mppe_channel)

BOOST_AUTO_TEST_CASE(round_trips_both_directions)
{
    for (const Example& example : EXAMPLES)
    {
        for (bool stateless : {false, true})
        {
            BOOST_TEST_CONTEXT(example.suffix << " bits, stateless " << stateless)
            {
                ChannelPair pair(example.strength, stateless);
                BOOST_TEST(pair.client->IsStarted());
                BOOST_TEST((pair.client->GetStrength() == example.strength));
                BOOST_TEST(pair.client->IsStateless() == stateless);
                BOOST_TEST((pair.server->GetSide() == MppeSide::SERVER));
                // Each side's send key is the other's receive key, and the two directions
                // differ.
                BOOST_TEST(pair.client->GetSendKey().GetStartKey()
                           == pair.server->GetReceiveKey().GetStartKey());
                BOOST_TEST(pair.server->GetSendKey().GetStartKey()
                           == pair.client->GetReceiveKey().GetStartKey());
                BOOST_TEST(pair.client->GetSendKey().GetStartKey()
                           != pair.client->GetReceiveKey().GetStartKey());
                const uint32_t count = 600; // crosses the flag packets 255 and 511
                for (uint32_t n = 0; n < count; ++n)
                {
                    const Bytes up = InnerFrame(n, n % 1500);
                    Ptr<Packet> a = pair.client->Encrypt(PacketOf(up));
                    BOOST_REQUIRE(a);
                    const Bytes wire = BytesOf(a);
                    BOOST_REQUIRE_EQUAL(wire.size(), up.size() + 2);
                    const bool flagPacket = (n & 0xff) == 0xff;
                    CheckHeader(wire, static_cast<uint16_t>(n), stateless || flagPacket);
                    BOOST_TEST((Bytes(wire.begin() + 2, wire.end()) != up));
                    Ptr<Packet> b = pair.server->Decrypt(a);
                    BOOST_REQUIRE(b);
                    BOOST_REQUIRE(BytesOf(b) == up);

                    const Bytes down = InnerFrame(n + 7777, (n * 37) % 1400 + 1);
                    Ptr<Packet> c = pair.server->Encrypt(PacketOf(down));
                    BOOST_REQUIRE(c);
                    Ptr<Packet> d = pair.client->Decrypt(c);
                    BOOST_REQUIRE(d);
                    BOOST_REQUIRE(BytesOf(d) == down);
                }
                BOOST_TEST(pair.client->GetPacketsEncrypted() == count);
                BOOST_TEST(pair.client->GetPacketsDecrypted() == count);
                BOOST_TEST(pair.server->GetPacketsEncrypted() == count);
                BOOST_TEST(pair.server->GetPacketsDecrypted() == count);
                BOOST_TEST(pair.drops.empty());
                BOOST_TEST(pair.resyncs.empty());
                BOOST_TEST(pair.clientResets + pair.serverResets == 0U);
                // Stateless: a key change before every packet; stateful: before 255 and 511.
                const std::vector<uint16_t> statefulChanges{255, 511};
                BOOST_TEST(pair.clientSendKeyChange.size() == (stateless ? count : 2U));
                BOOST_TEST(pair.serverReceiveKeyChange == pair.clientSendKeyChange);
                if (!stateless)
                {
                    BOOST_TEST(pair.clientSendKeyChange == statefulChanges);
                }
                BOOST_TEST(pair.client->GetSendKey().GetSessionKey()
                           == pair.server->GetReceiveKey().GetSessionKey());
                BOOST_TEST(pair.client->GetSendKey().GetKeyChangeCount()
                           == (stateless ? count : 2U));
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(first_packet_matches_rfc3079)
{
    for (const Example& example : EXAMPLES)
    {
        BOOST_TEST_CONTEXT(example.entry)
        {
            const JsonValue& v = TestVectors()[example.entry];
            const MppeKey sendStart = KeyOf(v.Hex(std::string("send_start_key") + example.suffix));
            const MppeKey sendSession
                = KeyOf(v.Hex(std::string("send_session_key") + example.suffix));
            const Bytes plain = v.Hex("plaintext_hex");

            // Stateful: the server's first packet is encrypted with session key 0, the RFC's
            // SendSessionKey, FLUSHED clear.
            ChannelPair pair(example.strength, false);
            BOOST_TEST(pair.server->GetSendKey().GetStartKey() == sendStart);
            BOOST_TEST(pair.client->GetReceiveKey().GetStartKey() == sendStart);
            Ptr<Packet> packet = pair.server->Encrypt(PacketOf(plain));
            BOOST_REQUIRE(packet);
            BOOST_TEST(pair.server->GetSendKey().GetSessionKey() == sendSession);
            const Bytes wire = BytesOf(packet);
            BOOST_TEST(ToHex(Bytes(wire.begin(), wire.begin() + 2)) == "1000");
            const Bytes cipher(wire.begin() + 2, wire.end());
            BOOST_TEST(ToHex(cipher) == ToHex(Rc4Of(sendSession, plain)));
            BOOST_TEST(ToHex(cipher) == v["rc4_ciphertext"].AsString());
            Ptr<Packet> back = pair.client->Decrypt(packet);
            BOOST_REQUIRE(back);
            BOOST_TEST(ToHex(BytesOf(back)) == ToHex(plain));
            BOOST_TEST(pair.client->GetReceiveKey().GetSessionKey() == sendSession);

            // Stateless: the key changes before packet 0, which carries FLUSHED.
            ChannelPair statelessPair(example.strength, true);
            const MppeKey key1
                = MppeKeys::GetNextSessionKey(sendStart, sendSession, example.strength);
            Ptr<Packet> first = statelessPair.server->Encrypt(PacketOf(plain));
            BOOST_REQUIRE(first);
            BOOST_TEST(statelessPair.server->GetSendKey().GetSessionKey() == key1);
            const Bytes statelessWire = BytesOf(first);
            BOOST_TEST(ToHex(Bytes(statelessWire.begin(), statelessWire.begin() + 2)) == "9000");
            BOOST_TEST(ToHex(Bytes(statelessWire.begin() + 2, statelessWire.end()))
                       == ToHex(Rc4Of(key1, plain)));
            Ptr<Packet> statelessBack = statelessPair.client->Decrypt(first);
            BOOST_REQUIRE(statelessBack);
            BOOST_TEST(ToHex(BytesOf(statelessBack)) == ToHex(plain));
        }
    }
    // The other direction (client to server), from the derived 128-bit entries.
    const JsonValue& v = TestVectors()["rfc3079_s3_5_3_mschapv2_128bit"];
    ChannelPair pair(MppeStrength::BITS_128, false);
    BOOST_TEST(pair.client->GetSendKey().GetStartKey().ToHex()
               == v["derived_server_receive_start_key128"].AsString());
    const Bytes plain = v.Hex("plaintext_hex");
    Ptr<Packet> packet = pair.client->Encrypt(PacketOf(plain));
    BOOST_REQUIRE(packet);
    BOOST_TEST(pair.client->GetSendKey().GetSessionKey().ToHex()
               == v["derived_server_receive_session_key128"].AsString());
    const Bytes wire = BytesOf(packet);
    BOOST_TEST(ToHex(Bytes(wire.begin() + 2, wire.end()))
               == ToHex(Rc4Of(KeyOf(v.Hex("derived_server_receive_session_key128")), plain)));
}

BOOST_AUTO_TEST_CASE(losses_never_deliver_garbage)
{
    struct Pattern
    {
        const char* name;                   //!< for messages
        uint32_t count;                     //!< packets sent
        std::function<bool(uint32_t)> lose; //!< the wire's drop filter
        uint32_t recovery;                  //!< stateful: most packets from loss to delivery
    };
    uint32_t seed = 20260125;
    std::vector<bool> random(5000);
    for (std::size_t i = 0; i < random.size(); ++i)
    {
        seed = seed * 1103515245U + 12345U;
        random[i] = ((seed >> 16) % 100) < 5;
    }
    const uint32_t resetDelay = 3;
    // A loss is seen on the next packet; the Reset-Request reaches the sender resetDelay
    // packets later and its next packet is FLUSHED. When that packet is lost too, the
    // receiver waits for the next flag packet (count ending in FF), FLUSHED as well.
    const uint32_t quick = 2 + resetDelay;
    const std::vector<Pattern> patterns = {
        {"every 7th", 3000, [](uint32_t n) { return n % 7 == 6; }, quick},
        {"burst of 300", 3000, [](uint32_t n) { return n >= 1000 && n < 1300; }, quick},
        {"single loss", 1000, [](uint32_t n) { return n == 100; }, quick},
        {"loss before a flag packet", 1000, [](uint32_t n) { return n == 254; }, 1},
        {"lost flag packet", 1000, [](uint32_t n) { return n == 511; }, quick},
        {"seeded 5%", 5000, [&random](uint32_t n) { return random[n]; }, 256 + quick},
        {"burst across the wrap", 10000, [](uint32_t n) { return n >= 4090 && n < 4110; }, quick},
    };
    for (const Pattern& pattern : patterns)
    {
        for (MppeStrength strength : {MppeStrength::BITS_40, MppeStrength::BITS_128})
        {
            for (bool stateless : {false, true})
            {
                BOOST_TEST_CONTEXT(pattern.name << ", " << strength << ", stateless " << stateless)
                {
                    ChannelPair pair(strength, stateless);
                    // Nothing lost in the last 300 packets: every run ends in sync.
                    const uint32_t last = pattern.count - 300;
                    LossRun run = RunLossy(
                        pair,
                        pattern.count,
                        [&pattern, last](uint32_t n) { return n < last && pattern.lose(n); },
                        resetDelay);
                    BOOST_TEST(run.lost > 0U);
                    BOOST_TEST(run.garbage == 0U);
                    const uint64_t lossDetected
                        = pair.server->GetDropCount(MppeChannel::LOSS_DETECTED);
                    const uint64_t discarded = pair.server->GetDropCount(MppeChannel::DISCARDED);
                    BOOST_TEST(run.delivered + run.lost + lossDetected + discarded == run.sent);
                    BOOST_TEST(pair.server->GetPacketsDecrypted() == run.delivered);
                    BOOST_TEST(pair.drops.size() == lossDetected + discarded);
                    BOOST_TEST(pair.resyncs.size() == pair.server->GetResynchronizations());
                    BOOST_TEST(pair.resyncs.size() > 0U);
                    if (stateless)
                    {
                        // Every packet that arrives is decrypted.
                        BOOST_TEST(run.delivered == run.sent - run.lost);
                        BOOST_TEST(pair.serverResets == 0U);
                        BOOST_TEST(run.firstAfterLoss == run.lastLoss + 1);
                    }
                    else
                    {
                        // A Reset-Request for each loss detected, and the sender flushes when
                        // it arrives: recovery within the reset delay (sooner when a flag
                        // packet comes first).
                        BOOST_TEST(pair.serverResets == lossDetected);
                        BOOST_TEST(pair.server->GetResetRequestsSent() == lossDetected);
                        BOOST_TEST(pair.client->GetResetRequestsReceived() == lossDetected);
                        BOOST_TEST(run.firstAfterLoss > run.lastLoss);
                        BOOST_TEST(run.firstAfterLoss <= run.lastLoss + pattern.recovery);
                        BOOST_TEST(!pair.server->GetReceiveKey().IsDiscarding());
                    }
                    // Back in step at the end: both ends hold the same key and count.
                    BOOST_TEST(pair.client->GetSendKey().GetSessionKey()
                               == pair.server->GetReceiveKey().GetSessionKey());
                    BOOST_TEST(pair.client->GetSendKey().GetCoherencyCount()
                               == pair.server->GetReceiveKey().GetCoherencyCount());
                }
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(stateful_loss_waits_for_the_reset)
{
    ChannelPair pair(MppeStrength::BITS_128, false);
    std::vector<Ptr<Packet>> sent;
    for (uint32_t n = 0; n < 10; ++n)
    {
        sent.push_back(pair.client->Encrypt(PacketOf(InnerFrame(n, 30))));
    }
    BOOST_REQUIRE(pair.server->Decrypt(sent[0]));
    BOOST_REQUIRE(pair.server->Decrypt(sent[1]));
    // Packet 2 is lost: 3 shows the loss, 4 and 5 are discarded.
    BOOST_TEST(!pair.server->Decrypt(sent[3]));
    BOOST_TEST(pair.serverResets == 1U);
    BOOST_TEST(!pair.server->Decrypt(sent[4]));
    BOOST_TEST(!pair.server->Decrypt(sent[5]));
    BOOST_TEST(pair.serverResets == 1U);
    const std::vector<MppeChannel::DropReason> expected{
        MppeChannel::LOSS_DETECTED, MppeChannel::DISCARDED, MppeChannel::DISCARDED};
    BOOST_TEST(pair.drops == expected, boost::test_tools::per_element());
    BOOST_TEST(pair.server->GetReceiveKey().IsDiscarding());
    // Packets sent before the Reset-Request arrived stay unreadable.
    BOOST_TEST(!pair.server->Decrypt(sent[6]));
    // The Reset-Request reaches the sender: its next packet is FLUSHED and decrypts.
    pair.client->ReceiveResetRequest();
    BOOST_TEST(pair.client->GetResetRequestsReceived() == 1U);
    const Bytes inner = InnerFrame(10, 30);
    Ptr<Packet> flushed = pair.client->Encrypt(PacketOf(inner));
    CheckHeader(BytesOf(flushed), 10, true);
    Ptr<Packet> out = pair.server->Decrypt(flushed);
    BOOST_REQUIRE(out);
    BOOST_TEST(BytesOf(out) == inner);
    BOOST_TEST(pair.resyncs == std::vector<uint16_t>{10}, boost::test_tools::per_element());
    // And the stream goes on, not flushed.
    const Bytes next = InnerFrame(11, 30);
    Ptr<Packet> after = pair.client->Encrypt(PacketOf(next));
    CheckHeader(BytesOf(after), 11, false);
    Ptr<Packet> afterOut = pair.server->Decrypt(after);
    BOOST_REQUIRE(afterOut);
    BOOST_TEST(BytesOf(afterOut) == next);
    BOOST_TEST(pair.server->GetResynchronizations() == 1U);
    // A Reset-Request in stateless mode changes nothing visible: every packet is FLUSHED.
    ChannelPair stateless(MppeStrength::BITS_40, true);
    stateless.client->ReceiveResetRequest();
    Ptr<Packet> p = stateless.client->Encrypt(PacketOf(inner));
    CheckHeader(BytesOf(p), 0, true);
    BOOST_REQUIRE(stateless.server->Decrypt(p));
}

BOOST_AUTO_TEST_CASE(coherency_count_wraps)
{
    for (bool stateless : {false, true})
    {
        BOOST_TEST_CONTEXT("stateless " << stateless)
        {
            ChannelPair pair(MppeStrength::BITS_56, stateless);
            const uint32_t count = 10000;
            for (uint32_t n = 0; n < count; ++n)
            {
                const Bytes inner = InnerFrame(n, 8 + n % 13);
                Ptr<Packet> packet = pair.client->Encrypt(PacketOf(inner));
                const Bytes wire = BytesOf(packet);
                const uint16_t ccount = static_cast<uint16_t>((wire[0] & 0x0f) << 8 | wire[1]);
                BOOST_REQUIRE_EQUAL(ccount, n % 4096);
                Ptr<Packet> out = pair.server->Decrypt(packet);
                BOOST_REQUIRE(out);
                BOOST_REQUIRE(BytesOf(out) == inner);
            }
            BOOST_TEST(pair.client->GetSendKey().GetCoherencyCount() == (count - 1) % 4096);
            // Stateful: a key change before every count ending in FF: 39 of them in 10000.
            BOOST_TEST(pair.client->GetSendKey().GetKeyChangeCount() == (stateless ? count : 39U));
            BOOST_TEST(pair.server->GetReceiveKey().GetKeyChangeCount()
                       == pair.client->GetSendKey().GetKeyChangeCount());
            BOOST_TEST(pair.drops.empty());
            BOOST_TEST(pair.resyncs.empty());
        }
    }
}

BOOST_AUTO_TEST_CASE(every_drop_reason)
{
    ChannelPair pair(MppeStrength::BITS_128, false);
    Ptr<MppeChannel> idle = CreateObject<MppeChannel>();
    BOOST_TEST(!idle->IsStarted());
    std::vector<MppeChannel::DropReason> idleDrops;
    idle->TraceConnectWithoutContext(
        "Drop",
        Callback<void, Ptr<const Packet>, MppeChannel::DropReason>(
            [&idleDrops](Ptr<const Packet>, MppeChannel::DropReason reason)
            { idleDrops.push_back(reason); }));
    BOOST_TEST(!idle->Encrypt(PacketOf(InnerFrame(0, 4))));
    BOOST_TEST(!idle->Decrypt(PacketOf(FromHex("9000aabbcc"))));
    BOOST_TEST(idle->GetDropCount(MppeChannel::NOT_STARTED) == 1U);
    BOOST_TEST(idleDrops == std::vector<MppeChannel::DropReason>{MppeChannel::NOT_STARTED},
               boost::test_tools::per_element());

    // Malformed: no header, a header without data, the MPPC bit B.
    for (const char* hex : {"", "90", "9000", "d000aabb"})
    {
        BOOST_TEST(!pair.server->Decrypt(PacketOf(FromHex(hex))), hex);
    }
    BOOST_TEST(pair.server->GetDropCount(MppeChannel::MALFORMED) == 4U);
    // D clear; C set (MPPC), with or without D.
    BOOST_TEST(!pair.server->Decrypt(PacketOf(FromHex("8000aabb"))));
    BOOST_TEST(!pair.server->Decrypt(PacketOf(FromHex("3000aabb"))));
    BOOST_TEST(!pair.server->Decrypt(PacketOf(FromHex("2000aabb"))));
    BOOST_TEST(pair.server->GetDropCount(MppeChannel::NOT_ENCRYPTED) == 1U);
    BOOST_TEST(pair.server->GetDropCount(MppeChannel::COMPRESSED) == 2U);
    // None of these touched the RC4 state: packet 0 still decrypts.
    const Bytes inner = InnerFrame(0, 40);
    Ptr<Packet> p0 = pair.client->Encrypt(PacketOf(inner));
    Ptr<Packet> p1 = pair.client->Encrypt(PacketOf(InnerFrame(1, 40)));
    Ptr<Packet> p2 = pair.client->Encrypt(PacketOf(InnerFrame(2, 40)));
    Ptr<Packet> p3 = pair.client->Encrypt(PacketOf(InnerFrame(3, 40)));
    Ptr<Packet> out = pair.server->Decrypt(p0);
    BOOST_REQUIRE(out);
    BOOST_TEST(BytesOf(out) == inner);
    // Stateful loss, then discard.
    BOOST_TEST(!pair.server->Decrypt(p2));
    BOOST_TEST(!pair.server->Decrypt(p3));
    BOOST_TEST(pair.server->GetDropCount(MppeChannel::LOSS_DETECTED) == 1U);
    BOOST_TEST(pair.server->GetDropCount(MppeChannel::DISCARDED) == 1U);
    BOOST_TEST(pair.serverResets == 1U);
    // Stateless without FLUSHED.
    ChannelPair stateless(MppeStrength::BITS_128, true);
    Bytes wire = BytesOf(stateless.client->Encrypt(PacketOf(inner)));
    wire[0] &= 0x7f;
    BOOST_TEST(!stateless.server->Decrypt(PacketOf(wire)));
    BOOST_TEST(stateless.server->GetDropCount(MppeChannel::NOT_FLUSHED) == 1U);
    BOOST_TEST(stateless.drops == std::vector<MppeChannel::DropReason>{MppeChannel::NOT_FLUSHED},
               boost::test_tools::per_element());

    const std::vector<MppeChannel::DropReason> expected{
        MppeChannel::MALFORMED,
        MppeChannel::MALFORMED,
        MppeChannel::MALFORMED,
        MppeChannel::MALFORMED,
        MppeChannel::NOT_ENCRYPTED,
        MppeChannel::COMPRESSED,
        MppeChannel::COMPRESSED,
        MppeChannel::LOSS_DETECTED,
        MppeChannel::DISCARDED,
    };
    BOOST_TEST(pair.drops == expected, boost::test_tools::per_element());

    // After Stop() the channel drops everything as NOT_STARTED and encrypts nothing.
    pair.server->Stop();
    BOOST_TEST(!pair.server->IsStarted());
    BOOST_TEST(!pair.server->Decrypt(p1));
    BOOST_TEST(!pair.server->Encrypt(PacketOf(inner)));
    BOOST_TEST(pair.server->GetDropCount(MppeChannel::NOT_STARTED) == 1U);
    BOOST_TEST(pair.server->GetDropCount(MppeChannel::DROP_REASON_COUNT) == 0U);

    const std::vector<std::string> names{"MALFORMED",
                                         "NOT_STARTED",
                                         "NOT_ENCRYPTED",
                                         "COMPRESSED",
                                         "LOSS_DETECTED",
                                         "DISCARDED",
                                         "NOT_FLUSHED",
                                         "unknown"};
    for (uint8_t r = 0; r <= MppeChannel::DROP_REASON_COUNT; ++r)
    {
        BOOST_TEST(MppeChannel::DropReasonName(static_cast<MppeChannel::DropReason>(r))
                   == names[r]);
    }
    BOOST_TEST(Printed(MppeChannel::LOSS_DETECTED) == "LOSS_DETECTED");
    idle->Dispose();
}

BOOST_AUTO_TEST_CASE(tags_survive_encryption)
{
    ChannelPair pair(MppeStrength::BITS_128, true);
    Ptr<Packet> inner = PacketOf(InnerFrame(5, 100)); // 102 octets
    FlowIdTag whole(42);
    inner->AddByteTag(whole);
    FlowIdTag part(7);
    inner->AddByteTag(part, 10, 20);
    SocketIpTtlTag ttl;
    ttl.SetTtl(33);
    inner->AddPacketTag(ttl);

    /// The byte tags of a packet: {flow id, start, end}.
    auto byteTags = [](Ptr<const Packet> packet)
    {
        std::vector<std::vector<uint32_t>> tags;
        ByteTagIterator i = packet->GetByteTagIterator();
        while (i.HasNext())
        {
            ByteTagIterator::Item item = i.Next();
            BOOST_REQUIRE(item.GetTypeId() == FlowIdTag::GetTypeId());
            FlowIdTag tag;
            item.GetTag(tag);
            tags.push_back({tag.GetFlowId(), item.GetStart(), item.GetEnd()});
        }
        return tags;
    };
    const std::vector<std::vector<uint32_t>> before{{42, 0, 102}, {7, 10, 20}};
    BOOST_TEST((byteTags(inner) == before));

    Ptr<Packet> encrypted = pair.client->Encrypt(inner);
    BOOST_REQUIRE(encrypted);
    const std::vector<std::vector<uint32_t>> onWire{{42, 2, 104}, {7, 12, 22}};
    BOOST_TEST((byteTags(encrypted) == onWire));
    SocketIpTtlTag seen;
    BOOST_REQUIRE(encrypted->PeekPacketTag(seen));
    BOOST_TEST(seen.GetTtl() == 33);
    FlowIdTag found;
    BOOST_REQUIRE(encrypted->FindFirstMatchingByteTag(found));
    BOOST_TEST(found.GetFlowId() == 42U);

    Ptr<Packet> decrypted = pair.server->Decrypt(encrypted);
    BOOST_REQUIRE(decrypted);
    BOOST_TEST((byteTags(decrypted) == before));
    SocketIpTtlTag back;
    BOOST_REQUIRE(decrypted->PeekPacketTag(back));
    BOOST_TEST(back.GetTtl() == 33);

    // EncryptDatagram puts the protocol field in front: the tags move with the datagram.
    Ptr<Packet> datagram = PacketOf(Bytes(50, 0x45));
    datagram->AddByteTag(whole);
    Ptr<Packet> viaDatagram = pair.client->EncryptDatagram(datagram, 0x0021, true);
    BOOST_REQUIRE(viaDatagram);
    BOOST_TEST(viaDatagram->GetSize() == 53U);
    const std::vector<std::vector<uint32_t>> shifted{{42, 3, 53}};
    BOOST_TEST((byteTags(viaDatagram) == shifted));
    Ptr<Packet> datagramBack = pair.server->Decrypt(viaDatagram);
    BOOST_REQUIRE(datagramBack);
    BOOST_TEST(ToHex(BytesOf(datagramBack)) == "21" + ToHex(Bytes(50, 0x45)));

    // Untagged packets stay untagged.
    Ptr<Packet> plain = pair.client->Encrypt(PacketOf(InnerFrame(6, 10)));
    BOOST_TEST(!plain->GetByteTagIterator().HasNext());
    BOOST_TEST(!plain->GetPacketTagIterator().HasNext());
}

BOOST_AUTO_TEST_CASE(encrypt_datagram_equals_encrypt_of_the_frame)
{
    for (bool compress : {false, true})
    {
        ChannelPair a(MppeStrength::BITS_128, false);
        ChannelPair b(MppeStrength::BITS_128, false);
        const Bytes datagram = InnerFrame(9, 60);
        Bytes frame = compress ? Bytes{0x21} : Bytes{0x00, 0x21};
        frame.insert(frame.end(), datagram.begin(), datagram.end());
        Ptr<Packet> viaDatagram = a.client->EncryptDatagram(PacketOf(datagram), 0x0021, compress);
        BOOST_TEST(ToHex(BytesOf(viaDatagram))
                   == ToHex(BytesOf(b.client->Encrypt(PacketOf(frame)))));
        Ptr<Packet> back = a.server->Decrypt(viaDatagram);
        BOOST_REQUIRE(back);
        BOOST_TEST(ToHex(BytesOf(back)) == ToHex(frame));
        // A two-octet protocol is never compressed.
        Ptr<Packet> control = a.client->EncryptDatagram(PacketOf(datagram), 0x8021, true);
        Ptr<Packet> controlBack = a.server->Decrypt(control);
        BOOST_REQUIRE(controlBack);
        BOOST_TEST(ToHex(BytesOf(controlBack)) == "8021" + ToHex(datagram));
    }
}

BOOST_AUTO_TEST_CASE(throughput_figure)
{
    ChannelPair pair(MppeStrength::BITS_128, false);
    const uint32_t count = 20000;
    Ptr<Packet> datagram = PacketOf(InnerFrame(1, 1400));
    uint64_t octets = 0;
    const auto start = std::chrono::steady_clock::now();
    for (uint32_t n = 0; n < count; ++n)
    {
        Ptr<Packet> out = pair.server->Decrypt(pair.client->Encrypt(datagram));
        octets += out->GetSize();
    }
    const double seconds
        = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    BOOST_TEST(octets == uint64_t(count) * 1402);
    BOOST_TEST_MESSAGE("MPPE Encrypt+Decrypt of " << count << " 1400-octet datagrams: " << seconds
                                                  << " s, " << (octets * 8 / seconds / 1e6)
                                                  << " Mbit/s, " << (seconds / count * 1e6)
                                                  << " us per packet");
}

BOOST_AUTO_TEST_SUITE_END()
