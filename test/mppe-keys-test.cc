/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "crypto-primitives.h"
#include "mppe-keys.h"
#include "mppe-session-key.h"
#include "mschapv2.h"
#include "pptp-test-util.h"
#include "vector-file.h"

#include <boost/test/unit_test.hpp>
#include <iterator>
#include <sstream>
#include <string>

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

Bytes
BytesOfKey(const MppeKey& key)
{
    return Bytes(key.GetData(), key.GetData() + key.GetLength());
}

MppeKey
KeyOf(const Bytes& bytes)
{
    return MppeKey(bytes.data(), bytes.size());
}

/// RC4 of data under a fresh key, as RFC 3078 s.6 encrypts a first packet.
Bytes
Rc4Of(const MppeKey& key, Bytes data)
{
    Rc4 rc4(key.GetData(), key.GetLength());
    rc4.Process(data.data(), data.size());
    return data;
}

/// Wire form of an MPPE packet: PPP protocol 0x00FD, header (A = FLUSHED, D = encrypted), data.
Bytes
MppePacket(uint16_t ccount, bool flushed, const Bytes& cipher)
{
    Bytes packet{0x00, 0xfd};
    packet.push_back(static_cast<uint8_t>((flushed ? 0x80 : 0x00) | 0x10 | ccount >> 8));
    packet.push_back(static_cast<uint8_t>(ccount & 0xff));
    packet.insert(packet.end(), cipher.begin(), cipher.end());
    return packet;
}

/// A plaintext that differs per packet, so a wrong key stream shows.
Bytes
PayloadFor(uint32_t n)
{
    Bytes payload{0x00, 0x21};
    for (uint32_t i = 0; i < 20; ++i)
    {
        payload.push_back(static_cast<uint8_t>(n * 7 + i * 13 + (n >> 8)));
    }
    return payload;
}

/// Checks one RFC 3079 s.3.5 example.
void
CheckRfc3079Example(const char* entry, MppeStrength strength, const char* suffix)
{
    const JsonValue& v = TestVectors()[entry];
    BOOST_TEST_CONTEXT(entry)
    {
        const std::string password = v["password"].AsString();
        const MsChapV2::PasswordHash hash = MsChapV2::NtPasswordHash(password);
        BOOST_TEST(ToHex(BytesOfArray(hash)) == v["password_hash"].AsString());
        const MsChapV2::PasswordHash hashHash = MsChapV2::HashNtPasswordHash(hash);
        BOOST_TEST(ToHex(BytesOfArray(hashHash)) == v["password_hash_hash"].AsString());
        const MsChapV2::NtResponse ntResponse
            = MsChapV2::GenerateNtResponse(ArrayOf<16>(v.Hex("authenticator_challenge")),
                                           ArrayOf<16>(v.Hex("peer_challenge")),
                                           v["user_name"].AsString(),
                                           password);
        BOOST_TEST(ToHex(BytesOfArray(ntResponse)) == v["nt_response"].AsString());

        const MppeKeys::MasterKey master = MppeKeys::GetMasterKey(hashHash, ntResponse);
        BOOST_TEST(ToHex(BytesOfArray(master)) == v["master_key"].AsString());

        // The RFC's "SendStartKey" is the server's send key = the client's receive key.
        const std::string startName = std::string("send_start_key") + suffix;
        const MppeKey serverSend = MppeKeys::GetAsymmetricStartKey(
            master, strength, MppeDirection::SEND, MppeSide::SERVER);
        const MppeKey clientReceive = MppeKeys::GetAsymmetricStartKey(
            master, strength, MppeDirection::RECEIVE, MppeSide::CLIENT);
        BOOST_TEST(serverSend.GetLength() == MppeKeys::KeyLength(strength));
        BOOST_TEST(serverSend.ToHex() == v[startName].AsString());
        BOOST_TEST(clientReceive.ToHex() == v[startName].AsString());
        BOOST_TEST(MppeKeys::GetStartKey(
                       password, ntResponse, strength, MppeDirection::RECEIVE, MppeSide::CLIENT)
                       .ToHex()
                   == v[startName].AsString());
        // The other direction uses the other magic.
        const MppeKey clientSend = MppeKeys::GetAsymmetricStartKey(
            master, strength, MppeDirection::SEND, MppeSide::CLIENT);
        const MppeKey serverReceive = MppeKeys::GetAsymmetricStartKey(
            master, strength, MppeDirection::RECEIVE, MppeSide::SERVER);
        BOOST_TEST(clientSend == serverReceive);
        BOOST_TEST(clientSend != serverSend);

        const MppeKey session = MppeKeys::GetInitialSessionKey(serverSend, strength);
        BOOST_TEST(session.ToHex() == v[std::string("send_session_key") + suffix].AsString());

        const Bytes plain = v.Hex("plaintext_hex");
        BOOST_TEST(std::string(plain.begin(), plain.end()) == v["plaintext"].AsString());
        BOOST_TEST(ToHex(Rc4Of(session, plain)) == v["rc4_ciphertext"].AsString());

        // The same through a session state: its session key 0 and first RC4 output.
        MppeSessionKey state(serverSend, strength, false);
        BOOST_TEST(state.GetSessionKey() == session);
        Bytes data = plain;
        state.Process(data.data(), data.size());
        BOOST_TEST(ToHex(data) == v["rc4_ciphertext"].AsString());
    }
}

/// Checks one derived key-change entry.
void
CheckDerivedKeyChanges(const char* entry, MppeStrength strength)
{
    const JsonValue& v = TestVectors()[entry];
    BOOST_TEST_CONTEXT(entry)
    {
        const MppeKey start = KeyOf(v.Hex("start_key"));
        const MppeKey key0 = MppeKeys::GetInitialSessionKey(start, strength);
        BOOST_TEST(key0.ToHex() == v["session_key_0"].AsString());

        const MppeKey interim1 = MppeKeys::GetNewKeyFromSha(start, key0);
        BOOST_TEST(interim1.ToHex() == v["interim_key_1"].AsString());
        const MppeKey key1 = MppeKeys::GetNextSessionKey(start, key0, strength);
        BOOST_TEST(key1.ToHex() == v["session_key_1"].AsString());
        // RFC 3078 s.7.3 spelt out: RC4 keyed with the interim key, applied to it, reduced.
        MppeKey manual = KeyOf(Rc4Of(interim1, BytesOfKey(interim1)));
        MppeKeys::ReduceKey(manual, strength);
        BOOST_TEST(manual == key1);

        const MppeKey interim2 = MppeKeys::GetNewKeyFromSha(start, key1);
        BOOST_TEST(interim2.ToHex() == v["interim_key_2"].AsString());
        const MppeKey key2 = MppeKeys::GetNextSessionKey(start, key1, strength);
        BOOST_TEST(key2.ToHex() == v["session_key_2"].AsString());

        MppeSessionKey state(start, strength, true);
        BOOST_TEST(state.GetSessionKey() == key0);
        BOOST_TEST(state.GetKeyChangeCount() == 0u);
        state.ChangeKey();
        BOOST_TEST(state.GetSessionKey() == key1);
        state.ChangeKey();
        BOOST_TEST(state.GetSessionKey() == key2);
        BOOST_TEST(state.GetKeyChangeCount() == 2u);
        BOOST_TEST(state.GetStartKey() == start);

        const Bytes plain = v.Hex("plaintext_ppp_protocol_and_data");

        // Stateless: the key changes before every packet, the first included.
        MppeSessionKey sender(start, strength, true);
        MppeSessionKey receiver(start, strength, true);
        const char* names[] = {"stateless_packet_ccount0", "stateless_packet_ccount1"};
        const MppeKey* keys[] = {&key1, &key2};
        for (uint16_t n = 0; n < 2; ++n)
        {
            Bytes data = plain;
            bool flushed = false;
            const uint16_t ccount = sender.Encrypt(data.data(), data.size(), flushed);
            BOOST_TEST(ccount == n);
            BOOST_TEST(flushed);
            BOOST_TEST(sender.GetSessionKey() == *keys[n]);
            BOOST_TEST(ToHex(MppePacket(ccount, flushed, data)) == v[names[n]].AsString());

            const Bytes packet = v.Hex(names[n]);
            Bytes cipher(packet.begin() + 4, packet.end());
            BOOST_TEST(receiver.Decrypt(cipher.data(),
                                        cipher.size(),
                                        static_cast<uint16_t>((packet[2] & 0x0f) << 8 | packet[3]),
                                        (packet[2] & 0x80) != 0)
                       == MppeDecryptResult::DECRYPTED);
            BOOST_TEST(ToHex(cipher) == ToHex(plain));
            BOOST_TEST(receiver.GetSessionKey() == *keys[n]);
            BOOST_TEST(receiver.GetCoherencyCount() == n);
        }

        // Stateful: the first packet uses session key 0, FLUSHED clear.
        MppeSessionKey statefulSender(start, strength, false);
        Bytes data = plain;
        bool flushed = true;
        BOOST_TEST(statefulSender.Encrypt(data.data(), data.size(), flushed) == 0);
        BOOST_TEST(!flushed);
        BOOST_TEST(ToHex(data)
                   == v["stateful_first_packet_ciphertext_with_session_key_0"].AsString());
        BOOST_TEST(statefulSender.GetSessionKey() == key0);
        MppeSessionKey statefulReceiver(start, strength, false);
        BOOST_TEST(statefulReceiver.Decrypt(data.data(), data.size(), 0, false)
                   == MppeDecryptResult::DECRYPTED);
        BOOST_TEST(ToHex(data) == ToHex(plain));
    }
}

/// Compares what a receiver decrypts with what was sent.
void
ExpectDecrypts(
    MppeSessionKey& receiver, const Bytes& cipher, uint16_t ccount, bool flushed, uint32_t n)
{
    Bytes data = cipher;
    const MppeDecryptResult result = receiver.Decrypt(data.data(), data.size(), ccount, flushed);
    BOOST_TEST(result == MppeDecryptResult::DECRYPTED, "packet " << n);
    BOOST_TEST(ToHex(data) == ToHex(PayloadFor(n)), "packet " << n);
}

} // namespace

BOOST_AUTO_TEST_SUITE(mppe_keys)

BOOST_AUTO_TEST_CASE(strength_lengths_names_and_reduction)
{
    BOOST_TEST(MppeKeys::KeyLength(MppeStrength::BITS_40) == 8u);
    BOOST_TEST(MppeKeys::KeyLength(MppeStrength::BITS_56) == 8u);
    BOOST_TEST(MppeKeys::KeyLength(MppeStrength::BITS_128) == 16u);
    BOOST_TEST(std::string(MppeStrengthName(MppeStrength::BITS_40)) == "BITS_40");
    BOOST_TEST(std::string(MppeStrengthName(MppeStrength::BITS_56)) == "BITS_56");
    BOOST_TEST(std::string(MppeStrengthName(MppeStrength::BITS_128)) == "BITS_128");
    std::ostringstream os;
    os << MppeStrength::BITS_56 << ' ' << KeyOf(FromHex("00ff"));
    BOOST_TEST(os.str() == "BITS_56 00ff");

    MppeKey k40 = KeyOf(FromHex("0102030405060708"));
    MppeKeys::ReduceKey(k40, MppeStrength::BITS_40);
    BOOST_TEST(k40.ToHex() == "d1269e0405060708");
    MppeKey k56 = KeyOf(FromHex("0102030405060708"));
    MppeKeys::ReduceKey(k56, MppeStrength::BITS_56);
    BOOST_TEST(k56.ToHex() == "d102030405060708");
    MppeKey k128 = KeyOf(FromHex("0102030405060708090a0b0c0d0e0f10"));
    MppeKeys::ReduceKey(k128, MppeStrength::BITS_128);
    BOOST_TEST(k128.ToHex() == "0102030405060708090a0b0c0d0e0f10");

    BOOST_TEST(MppeKey().GetLength() == 0u);
    BOOST_TEST(KeyOf(FromHex("0102")) != KeyOf(FromHex("010203")));
    BOOST_TEST(KeyOf(FromHex("0102")) == KeyOf(FromHex("0102")));
    BOOST_TEST(KeyOf(FromHex("0102"))[1] == 2);
}

BOOST_AUTO_TEST_CASE(rfc3079_s3_5_1_40bit)
{
    CheckRfc3079Example("rfc3079_s3_5_1_mschapv2_40bit", MppeStrength::BITS_40, "40");
    const JsonValue& v = TestVectors()["rfc3079_s3_5_1_mschapv2_40bit"];
    const MppeKey start = KeyOf(v.Hex("send_start_key40"));
    BOOST_TEST(MppeKeys::GetNewKeyFromSha(start, start).ToHex()
               == v["derived_get_new_key_from_sha_before_reduction"].AsString());
}

BOOST_AUTO_TEST_CASE(rfc3079_s3_5_2_56bit)
{
    // rc4_ciphertext, not the misprinted rc4_ciphertext_as_printed (see the entry's notes).
    CheckRfc3079Example("rfc3079_s3_5_2_mschapv2_56bit", MppeStrength::BITS_56, "56");
    const JsonValue& v = TestVectors()["rfc3079_s3_5_2_mschapv2_56bit"];
    BOOST_TEST(v["rc4_ciphertext"].AsString() != v["rc4_ciphertext_as_printed"].AsString());
}

BOOST_AUTO_TEST_CASE(rfc3079_s3_5_3_128bit)
{
    CheckRfc3079Example("rfc3079_s3_5_3_mschapv2_128bit", MppeStrength::BITS_128, "128");
    const JsonValue& v = TestVectors()["rfc3079_s3_5_3_mschapv2_128bit"];
    const MppeKeys::MasterKey master = ArrayOf<16>(v.Hex("master_key"));
    const MppeKey serverReceive = MppeKeys::GetAsymmetricStartKey(
        master, MppeStrength::BITS_128, MppeDirection::RECEIVE, MppeSide::SERVER);
    BOOST_TEST(serverReceive.ToHex() == v["derived_server_receive_start_key128"].AsString());
    BOOST_TEST(MppeKeys::GetAsymmetricStartKey(
                   master, MppeStrength::BITS_128, MppeDirection::SEND, MppeSide::CLIENT)
                   .ToHex()
               == v["derived_server_receive_start_key128"].AsString());
    BOOST_TEST(MppeKeys::GetInitialSessionKey(serverReceive, MppeStrength::BITS_128).ToHex()
               == v["derived_server_receive_session_key128"].AsString());
    // The 8-octet start keys are the first octets of the 16-octet one.
    const MppeKey start8 = MppeKeys::GetAsymmetricStartKey(
        master, MppeStrength::BITS_40, MppeDirection::SEND, MppeSide::SERVER);
    BOOST_TEST(v["send_start_key128"].AsString().substr(0, 16) == start8.ToHex());
}

BOOST_AUTO_TEST_CASE(rfc3079_s2_5_mschapv1_keys)
{
    // The MS-CHAPv1 derivations use the same Get_Key (GetNewKeyFromSHA) and reduction.
    const JsonValue& v40 = TestVectors()["rfc3079_s2_5_1_mschapv1_40bit"];
    const JsonValue& v56 = TestVectors()["rfc3079_s2_5_2_mschapv1_56bit"];
    // LmPasswordHash (RFC 2433 A.2): "KGS!@#$%" DES-encrypted with each half of the
    // upper-cased password padded to 14 octets.
    const std::string upper = "CLIENTPASS";
    Bytes padded(upper.begin(), upper.end());
    padded.resize(14, 0);
    const std::string magic = "KGS!@#$%";
    const uint8_t* clear = reinterpret_cast<const uint8_t*>(magic.data());
    Bytes lm = BytesOfArray(Des::Encrypt(clear, padded.data()));
    const Bytes second = BytesOfArray(Des::Encrypt(clear, padded.data() + 7));
    lm.insert(lm.end(), second.begin(), second.end());
    BOOST_TEST(ToHex(lm) == v40["lm_password_hash"].AsString());
    BOOST_TEST(ToHex(lm) == v56["lm_password_hash"].AsString());

    const MppeKey base(lm.data(), 8);
    const MppeKey key = MppeKeys::GetNewKeyFromSha(base, base);
    BOOST_TEST(key.ToHex() == v40["get_key_8"].AsString());
    MppeKey k40 = key;
    MppeKeys::ReduceKey(k40, MppeStrength::BITS_40);
    BOOST_TEST(k40.ToHex() == v40["session_key_40"].AsString());
    MppeKey k56 = key;
    MppeKeys::ReduceKey(k56, MppeStrength::BITS_56);
    BOOST_TEST(k56.ToHex() == v56["session_key_56"].AsString());

    // 128 bits: Get_Start_Key = SHA-1(hashHash || hashHash || challenge), then Get_Key.
    const JsonValue& v128 = TestVectors()["rfc3079_s2_5_3_mschapv1_128bit"];
    const MsChapV2::PasswordHash hashHash
        = MsChapV2::HashNtPasswordHash(MsChapV2::NtPasswordHash(v128["password"].AsString()));
    BOOST_TEST(ToHex(BytesOfArray(hashHash)) == v128["password_hash_hash"].AsString());
    const Bytes challenge = v128.Hex("challenge");
    Sha1 sha1;
    sha1.Update(hashHash.data(), hashHash.size());
    sha1.Update(hashHash.data(), hashHash.size());
    sha1.Update(challenge.data(), challenge.size());
    const Sha1::Digest digest = sha1.Finish();
    const MppeKey initial(digest.data(), 16);
    BOOST_TEST(initial.ToHex() == v128["initial_session_key"].AsString());
    BOOST_TEST(MppeKeys::GetNewKeyFromSha(initial, initial).ToHex()
               == v128["current_session_key"].AsString());
}

BOOST_AUTO_TEST_CASE(derived_128bit_key_changes_and_packets)
{
    CheckDerivedKeyChanges("derived_mppe_128bit_key_change_and_packets", MppeStrength::BITS_128);
}

BOOST_AUTO_TEST_CASE(derived_40bit_key_changes_and_packets)
{
    CheckDerivedKeyChanges("derived_mppe_40bit_key_change_and_packets", MppeStrength::BITS_40);
}

BOOST_AUTO_TEST_CASE(count_key_changes)
{
    // Stateless: one change per count advanced.
    BOOST_TEST(MppeSessionKey::CountKeyChanges(4095, 0, true) == 1u);
    BOOST_TEST(MppeSessionKey::CountKeyChanges(2, 5, true) == 3u); // RFC 3078 s.8.1 example
    BOOST_TEST(MppeSessionKey::CountKeyChanges(4090, 5, true) == 11u);
    BOOST_TEST(MppeSessionKey::CountKeyChanges(7, 7, true) == 0u);
    // Stateful: one change per flag count (low octet 0xFF) in (last, new].
    BOOST_TEST(MppeSessionKey::CountKeyChanges(4095, 254, false) == 0u);
    BOOST_TEST(MppeSessionKey::CountKeyChanges(4095, 255, false) == 1u);
    BOOST_TEST(MppeSessionKey::CountKeyChanges(254, 255, false) == 1u);
    BOOST_TEST(MppeSessionKey::CountKeyChanges(255, 510, false) == 0u);
    BOOST_TEST(MppeSessionKey::CountKeyChanges(255, 511, false) == 1u);
    BOOST_TEST(MppeSessionKey::CountKeyChanges(255, 255, false) == 0u);
    BOOST_TEST(MppeSessionKey::CountKeyChanges(0, 4095, false) == 16u);
    BOOST_TEST(MppeSessionKey::CountKeyChanges(3000, 100, false) == 5u);
    BOOST_TEST(MppeSessionKey::CountKeyChanges(4000, 4095, false) == 1u);
    // Against a plain walk over every pair with a stride (and all last counts near flags).
    for (uint32_t last = 0; last < 4096; last += (last % 256 >= 250 ? 1 : 37))
    {
        for (uint32_t next = 0; next < 4096; next += 29)
        {
            uint32_t flags = 0;
            uint32_t steps = 0;
            for (uint32_t c = last; c != next;)
            {
                c = (c + 1) % 4096;
                ++steps;
                flags += (c & 0xff) == 0xff ? 1 : 0;
            }
            BOOST_TEST_REQUIRE(MppeSessionKey::CountKeyChanges(last, next, false) == flags,
                               last << " -> " << next);
            BOOST_TEST_REQUIRE(MppeSessionKey::CountKeyChanges(last, next, true) == steps,
                               last << " -> " << next);
        }
    }
}

BOOST_AUTO_TEST_CASE(receiver_synchronised_to_n_equals_sender_after_n)
{
    const MppeKey start = KeyOf(FromHex("8b7cdc149b993a1ba118cb153f56dccb"));
    for (bool stateless : {true, false})
    {
        for (MppeStrength strength : {MppeStrength::BITS_40, MppeStrength::BITS_128})
        {
            const MppeKey key(start.GetData(), MppeKeys::KeyLength(strength));
            MppeSessionKey sender(key, strength, stateless);
            const uint32_t checkpoints[] = {0, 1, 2, 254, 255, 256, 300, 511, 512, 4094, 4095};
            std::size_t next = 0;
            for (uint32_t n = 0; n <= 4095; ++n)
            {
                Bytes data = PayloadFor(n);
                bool flushed = false;
                const uint16_t ccount = sender.Encrypt(data.data(), data.size(), flushed);
                BOOST_TEST_REQUIRE(ccount == n);
                BOOST_TEST_REQUIRE(flushed == (stateless || (n & 0xff) == 0xff));
                if (next < std::size(checkpoints) && checkpoints[next] == n)
                {
                    ++next;
                    BOOST_TEST_CONTEXT("stateless " << stateless << " " << strength << " n " << n)
                    {
                        MppeSessionKey receiver(key, strength, stateless);
                        receiver.SynchroniseTo(ccount);
                        BOOST_TEST(receiver.GetSessionKey() == sender.GetSessionKey());
                        BOOST_TEST(receiver.GetKeyChangeCount() == sender.GetKeyChangeCount());
                        BOOST_TEST(receiver.GetCoherencyCount() == ccount);
                        BOOST_TEST(sender.GetKeyChangeCount()
                                   == (stateless ? n + 1 : (n + 1) / 256));
                        if (flushed)
                        {
                            // A packet that starts a fresh key stream decrypts right away.
                            MppeSessionKey fresh(key, strength, stateless);
                            ExpectDecrypts(fresh, data, ccount, true, n);
                        }
                    }
                }
            }
            BOOST_TEST(next == std::size(checkpoints));
        }
    }
}

BOOST_AUTO_TEST_CASE(stateless_receiver_follows_losses_and_wrap)
{
    const MppeKey start = KeyOf(FromHex("8b7cdc149b993a1ba118cb153f56dccb"));
    MppeSessionKey sender(start, MppeStrength::BITS_128, true);
    MppeSessionKey receiver(start, MppeStrength::BITS_128, true);
    // Packets 0..4395: the receiver gets 0..4090, loses 4091..4095+300, gets ccount 300.
    for (uint32_t n = 0; n < 4096 + 301; ++n)
    {
        Bytes data = PayloadFor(n);
        bool flushed = false;
        const uint16_t ccount = sender.Encrypt(data.data(), data.size(), flushed);
        BOOST_TEST_REQUIRE(ccount == n % 4096);
        // Every third packet is lost as well, so most deliveries need two key changes.
        const bool delivered = (n <= 4090 && n % 3 != 1) || n == 4096 + 300;
        if (delivered)
        {
            ExpectDecrypts(receiver, data, ccount, flushed, n);
            BOOST_TEST_REQUIRE(receiver.GetSessionKey() == sender.GetSessionKey());
        }
    }
    BOOST_TEST(receiver.GetCoherencyCount() == 300);
    // A stateless packet without FLUSHED is refused and changes nothing.
    Bytes data = PayloadFor(0);
    BOOST_TEST(receiver.Decrypt(data.data(), data.size(), 301, false)
               == MppeDecryptResult::NOT_FLUSHED);
    BOOST_TEST(ToHex(data) == ToHex(PayloadFor(0)));
    BOOST_TEST(receiver.GetCoherencyCount() == 300);
}

BOOST_AUTO_TEST_CASE(stateful_receiver_loss_discard_and_flush)
{
    for (MppeStrength strength :
         {MppeStrength::BITS_40, MppeStrength::BITS_56, MppeStrength::BITS_128})
    {
        BOOST_TEST_CONTEXT(strength)
        {
            const MppeKey start(FromHex("8b7cdc149b993a1ba118cb153f56dccb").data(),
                                MppeKeys::KeyLength(strength));
            MppeSessionKey sender(start, strength, false);
            MppeSessionKey receiver(start, strength, false);
            uint32_t n = 0;
            auto send = [&](bool& flushed, uint16_t& ccount)
            {
                Bytes data = PayloadFor(n);
                ccount = sender.Encrypt(data.data(), data.size(), flushed);
                BOOST_TEST_REQUIRE(ccount == n % 4096);
                return data;
            };
            bool flushed = false;
            uint16_t ccount = 0;
            // In order through two flag packets (255, 511): the keys follow.
            for (; n < 600; ++n)
            {
                const Bytes data = send(flushed, ccount);
                ExpectDecrypts(receiver, data, ccount, flushed, n);
            }
            BOOST_TEST(receiver.GetKeyChangeCount() == 2u);
            BOOST_TEST(receiver.GetSessionKey() == sender.GetSessionKey());

            // Lose 600..1000, the flag packet 767 among them.
            for (; n <= 1000; ++n)
            {
                send(flushed, ccount);
            }
            // 1001 arrives: loss detected, packet dropped, data untouched.
            Bytes data = send(flushed, ccount);
            BOOST_TEST(!flushed);
            Bytes copy = data;
            BOOST_TEST(receiver.Decrypt(copy.data(), copy.size(), ccount, flushed)
                       == MppeDecryptResult::LOSS_DETECTED);
            BOOST_TEST(copy == data);
            BOOST_TEST(receiver.IsDiscarding());
            ++n;
            // Until the Reset-Request takes effect, further packets are discarded, even in order.
            for (; n < 1010; ++n)
            {
                data = send(flushed, ccount);
                copy = data;
                BOOST_TEST(receiver.Decrypt(copy.data(), copy.size(), ccount, flushed)
                           == MppeDecryptResult::DISCARDED);
                BOOST_TEST(copy == data);
            }
            // The sender gets the CCP Reset-Request: its next packet is FLUSHED and decrypts,
            // after the receiver applied the missed flag packet's key change (767).
            sender.RequestFlush();
            data = send(flushed, ccount);
            BOOST_TEST(flushed);
            ExpectDecrypts(receiver, data, ccount, flushed, n);
            BOOST_TEST(!receiver.IsDiscarding());
            BOOST_TEST(receiver.GetSessionKey() == sender.GetSessionKey());
            BOOST_TEST(receiver.GetKeyChangeCount() == 3u);
            ++n;
            // In order again, through the wrap from 4095 to 0 (flag 4095 changes the key).
            for (; n < 4096 + 600; ++n)
            {
                data = send(flushed, ccount);
                BOOST_TEST_REQUIRE(flushed == ((n & 0xff) == 0xff));
                ExpectDecrypts(receiver, data, ccount, flushed, n);
            }
            BOOST_TEST(receiver.GetKeyChangeCount() == 18u);
            BOOST_TEST(receiver.GetSessionKey() == sender.GetSessionKey());

            // A lost flag packet across the wrap is resynchronised by the next FLUSHED packet.
            for (; n < 2 * 4096 - 10; ++n)
            {
                data = send(flushed, ccount);
                ExpectDecrypts(receiver, data, ccount, flushed, n);
            }
            for (; n < 2 * 4096 + 3; ++n) // 8182..8194 lost, flag 8191 (count 4095) among them
            {
                send(flushed, ccount);
            }
            sender.RequestFlush();
            data = send(flushed, ccount);
            BOOST_TEST(ccount == 3);
            BOOST_TEST(flushed);
            ExpectDecrypts(receiver, data, ccount, flushed, n);
            BOOST_TEST(receiver.GetSessionKey() == sender.GetSessionKey());
            BOOST_TEST(receiver.GetKeyChangeCount() == sender.GetKeyChangeCount());
        }
    }
}

BOOST_AUTO_TEST_CASE(decrypt_result_names)
{
    BOOST_TEST(std::string(MppeDecryptResultName(MppeDecryptResult::DECRYPTED)) == "DECRYPTED");
    BOOST_TEST(std::string(MppeDecryptResultName(MppeDecryptResult::LOSS_DETECTED))
               == "LOSS_DETECTED");
    BOOST_TEST(std::string(MppeDecryptResultName(MppeDecryptResult::DISCARDED)) == "DISCARDED");
    BOOST_TEST(std::string(MppeDecryptResultName(MppeDecryptResult::NOT_FLUSHED)) == "NOT_FLUSHED");
    std::ostringstream os;
    os << MppeDecryptResult::LOSS_DETECTED;
    BOOST_TEST(os.str() == "LOSS_DETECTED");
}

BOOST_AUTO_TEST_SUITE_END()
