/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "crypto-primitives.h"
#include "pptp-test-util.h"
#include "vector-file.h"

#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <string>

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

const uint8_t*
Octets(const std::string& s)
{
    return reinterpret_cast<const uint8_t*>(s.data());
}

} // namespace

BOOST_AUTO_TEST_SUITE(crypto_primitives)

BOOST_AUTO_TEST_CASE(json_reader_reads_every_value_kind)
{
    const JsonValue v = JsonValue::Parse(
        R"( {"a": [1, -2.5e1, 0, true, false, null], "s": "x\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00",
             "o": {}, "e": []} )");
    BOOST_TEST(v.Size() == 4u);
    BOOST_TEST(v["a"].Size() == 6u);
    BOOST_TEST(v["a"][0].AsInt() == 1);
    BOOST_TEST(v["a"][1].AsNumber() == -25.0);
    BOOST_TEST(v["a"][2].AsInt() == 0);
    BOOST_TEST(v["a"][3].AsBool() == true);
    BOOST_TEST(v["a"][4].AsBool() == false);
    BOOST_TEST(static_cast<int>(v["a"][5].GetType()) == static_cast<int>(JsonValue::Type::NUL));
    BOOST_TEST(v["s"].AsString() == "x\"\\/\b\f\n\r\t\xc3\xa9\xf0\x9f\x98\x80");
    BOOST_TEST(v["o"].Size() == 0u);
    BOOST_TEST(v["e"].AsArray().empty());
    BOOST_TEST(v.Members()[0].first == "a");
    BOOST_TEST(v.Has("o"));
    BOOST_TEST(!v.Has("z"));
    BOOST_CHECK_THROW(v["z"], std::runtime_error);
    BOOST_CHECK_THROW(v["a"][6], std::runtime_error);
    BOOST_CHECK_THROW(v["s"].AsNumber(), std::runtime_error);
    BOOST_CHECK_THROW(v["a"][1].AsString(), std::runtime_error);
}

BOOST_AUTO_TEST_CASE(json_reader_rejects_malformed_text)
{
    for (const char* bad : {"",
                            "{",
                            "[1,]",
                            "{\"a\" 1}",
                            "01",
                            "1.",
                            "-",
                            "\"abc",
                            "\"\\x\"",
                            "tru",
                            "[1] 2",
                            "\"\\ud800\"",
                            "{'a': 1}",
                            "\"a\tb\""})
    {
        BOOST_CHECK_THROW(JsonValue::Parse(bad), std::runtime_error);
    }
    BOOST_CHECK_THROW(JsonValue::ReadFile("/nonexistent/vectors.json"), std::runtime_error);
}

BOOST_AUTO_TEST_CASE(vectors_file_loads)
{
    const JsonValue& root = TestVectors();
    BOOST_TEST(root.Has("md4_rfc1320_a5"));
    BOOST_TEST(root.Has("rc4_rfc6229_s2"));
    BOOST_TEST(root["md4_rfc1320_a5"]["cases"].Size() == 7u);
}

BOOST_AUTO_TEST_CASE(md4_rfc1320_test_suite)
{
    const JsonValue& cases = TestVectors()["md4_rfc1320_a5"]["cases"];
    BOOST_TEST(cases.Size() == 7u);
    for (const JsonValue& c : cases.AsArray())
    {
        const std::string& input = c["input"].AsString();
        BOOST_TEST_CONTEXT("MD4(\"" << input << "\")")
        {
            BOOST_TEST(ToHex(BytesOfArray(Md4::Hash(Octets(input), input.size())))
                       == c["md4"].AsString());
            // The same message fed one octet at a time.
            Md4 md4;
            for (char ch : input)
            {
                const uint8_t octet = static_cast<uint8_t>(ch);
                md4.Update(&octet, 1);
            }
            BOOST_TEST(ToHex(BytesOfArray(md4.Finish())) == c["md4"].AsString());
        }
    }
}

BOOST_AUTO_TEST_CASE(md5_rfc1321_values)
{
    // RFC 1321 appendix A.5.
    BOOST_TEST(ToHex(BytesOfArray(Md5::Hash(nullptr, 0))) == "d41d8cd98f00b204e9800998ecf8427e");
    const std::string abc = "abc";
    BOOST_TEST(ToHex(BytesOfArray(Md5::Hash(Octets(abc), 3)))
               == "900150983cd24fb0d6963f7d28e17f72");
    const std::string digest = "message digest";
    BOOST_TEST(ToHex(BytesOfArray(Md5::Hash(Octets(digest), digest.size())))
               == "f96b697d7cb7938d525a2f31aaf161d0");
}

BOOST_AUTO_TEST_CASE(sha1_fips180_values_and_incremental_use)
{
    // FIPS 180-2 appendix A.1 and A.2.
    const std::string abc = "abc";
    BOOST_TEST(ToHex(BytesOfArray(Sha1::Hash(Octets(abc), 3)))
               == "a9993e364706816aba3e25717850c26c9cd0d89d");
    const std::string two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    BOOST_TEST(ToHex(BytesOfArray(Sha1::Hash(Octets(two), two.size())))
               == "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
    Sha1 sha1;
    sha1.Update(Octets(two), 5);
    sha1.Update(nullptr, 0);
    sha1.Update(Octets(two) + 5, two.size() - 5);
    BOOST_TEST(ToHex(BytesOfArray(sha1.Finish())) == "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
    // Finish() starts a new message.
    sha1.Update(Octets(abc), 3);
    BOOST_TEST(ToHex(BytesOfArray(sha1.Finish())) == "a9993e364706816aba3e25717850c26c9cd0d89d");
    BOOST_TEST(ToHex(BytesOfArray(sha1.Finish())) == "da39a3ee5e6b4b0d3255bfef95601890afd80709");
}

BOOST_AUTO_TEST_CASE(des_known_answer)
{
    const JsonValue& v = TestVectors()["des_ecb_kat_chapcrack"];
    const Bytes key = v.Hex("key");
    const Bytes clear = v.Hex("plaintext");
    BOOST_TEST(ToHex(BytesOfArray(Des::EncryptWithFullKey(clear.data(), key.data())))
               == v["ciphertext"].AsString());
    // The classic weak key 01..01 must still encrypt (NBS weak-key value).
    const Bytes weak = FromHex("0101010101010101");
    const Bytes zero(8, 0);
    BOOST_TEST(ToHex(BytesOfArray(Des::EncryptWithFullKey(zero.data(), weak.data())))
               == "8ca64de9c1b123a7");
    // A zero 7-octet key expands to that weak key, as MS-CHAP's third key often does.
    BOOST_TEST(ToHex(BytesOfArray(Des::ExpandKey(zero.data()))) == "0101010101010101");
    BOOST_TEST(ToHex(BytesOfArray(Des::Encrypt(zero.data(), zero.data()))) == "8ca64de9c1b123a7");
}

BOOST_AUTO_TEST_CASE(des_key_expansion_rfc2759_s9_3)
{
    const JsonValue& v = TestVectors()["rfc2759_s9_3_des_key_generation"];
    const Bytes raw1 = v.Hex("raw_des_key_1");
    const Bytes raw2 = v.Hex("raw_des_key_2");
    BOOST_TEST(ToHex(BytesOfArray(Des::ExpandKey(raw1.data())))
               == v["parity_des_key_1"].AsString());
    BOOST_TEST(ToHex(BytesOfArray(Des::ExpandKey(raw2.data())))
               == v["parity_des_key_2"].AsString());
    // Every octet of an expanded key has odd parity; the 56 key bits survive unchanged.
    const Bytes ones = FromHex("ffffffffffffff");
    BOOST_TEST(ToHex(BytesOfArray(Des::ExpandKey(ones.data()))) == "fefefefefefefefe");
    const Bytes pattern = FromHex("80000000000001");
    BOOST_TEST(ToHex(BytesOfArray(Des::ExpandKey(pattern.data()))) == "8001010101010102");
    // Encrypt() with a 7-octet key equals EncryptWithFullKey() with its expansion.
    const Bytes clear = FromHex("0123456789abcdef");
    const Des::Block full = Des::ExpandKey(raw1.data());
    BOOST_TEST(ToHex(BytesOfArray(Des::Encrypt(clear.data(), raw1.data())))
               == ToHex(BytesOfArray(Des::EncryptWithFullKey(clear.data(), full.data()))));
}

BOOST_AUTO_TEST_CASE(rc4_rfc6229_key_streams)
{
    const JsonValue& keys = TestVectors()["rc4_rfc6229_s2"]["keys"];
    BOOST_TEST(keys.Size() == 4u);
    for (const JsonValue& k : keys.AsArray())
    {
        const Bytes key = k.Hex("key");
        Rc4 rc4(key.data(), key.size());
        Bytes stream(4096 + 16, 0);
        rc4.Process(stream.data(), stream.size());
        BOOST_TEST(k["keystream"].Size() == 18u);
        for (const auto& entry : k["keystream"].Members())
        {
            const std::size_t offset = std::strtoul(entry.first.c_str(), nullptr, 10);
            BOOST_TEST_CONTEXT("key " << k["key"].AsString() << " offset " << offset)
            {
                BOOST_TEST(ToHex(Bytes(stream.begin() + offset, stream.begin() + offset + 16))
                           == entry.second.AsString());
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(rc4_state_continues_across_calls_and_copies)
{
    const Bytes key = FromHex("0102030405060708");
    // One call over 32 zeros equals two calls of 16 (RFC 6229 offsets 0 and 16).
    Rc4 a(key.data(), key.size());
    Bytes first(16, 0);
    a.Process(first.data(), first.size());
    BOOST_TEST(ToHex(first) == "97ab8a1bf0afb96132f2f67258da15a8");
    Rc4 copy = a; // the copy continues from the same point
    Bytes second(16, 0);
    Bytes out(16, 0xff);
    a.Process(second.data(), out.data(), second.size());
    BOOST_TEST(ToHex(out) == "8263efdb45c4a18684ef87e6b19e5b09");
    BOOST_TEST(ToHex(second) == "00000000000000000000000000000000"); // input left alone
    copy.Process(second.data(), second.size());
    BOOST_TEST(ToHex(second) == "8263efdb45c4a18684ef87e6b19e5b09");
    // Decryption is the same operation from the same starting state.
    Rc4 enc(key.data(), key.size());
    Rc4 dec(key.data(), key.size());
    const std::string text = "test message";
    Bytes data(text.begin(), text.end());
    enc.Process(data.data(), data.size());
    BOOST_TEST(ToHex(data) != ToHex(Bytes(text.begin(), text.end())));
    dec.Process(data.data(), data.size());
    BOOST_TEST(std::string(data.begin(), data.end()) == text);
    // SetKey() starts the key stream again.
    a.SetKey(key.data(), key.size());
    Bytes again(16, 0);
    a.Process(again.data(), again.size());
    BOOST_TEST(ToHex(again) == "97ab8a1bf0afb96132f2f67258da15a8");
    BOOST_TEST(a.IsKeyed());
    BOOST_TEST(!Rc4().IsKeyed());
}

BOOST_AUTO_TEST_SUITE_END()
