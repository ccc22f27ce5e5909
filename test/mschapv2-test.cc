/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "chap-md5.h"
#include "crypto-primitives.h"
#include "mschapv2.h"
#include "pptp-test-util.h"
#include "vector-file.h"

#include <boost/test/unit_test.hpp>
#include <cctype>
#include <string>

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

/// The RFC 2759 s.9.2 inputs.
struct HashExample
{
    std::string user;
    std::string password;
    MsChapV2::Challenge authenticatorChallenge;
    MsChapV2::Challenge peerChallenge;
    MsChapV2::NtResponse ntResponse;
};

HashExample
LoadHashExample()
{
    const JsonValue& v = TestVectors()["rfc2759_s9_2_mschapv2_hash_example"];
    return HashExample{v["user_name"].AsString(),
                       v["password"].AsString(),
                       ArrayOf<16>(v.Hex("authenticator_challenge")),
                       ArrayOf<16>(v.Hex("peer_challenge")),
                       ArrayOf<24>(v.Hex("nt_response"))};
}

} // namespace

BOOST_AUTO_TEST_SUITE(mschapv2)

BOOST_AUTO_TEST_CASE(rfc2759_s9_2_every_intermediate_value)
{
    const JsonValue& v = TestVectors()["rfc2759_s9_2_mschapv2_hash_example"];
    const HashExample ex = LoadHashExample();

    BOOST_TEST(ToHex(Bytes(ex.user.begin(), ex.user.end())) == v["user_name_hex"].AsString());
    BOOST_TEST(ToHex(MsChapV2::PasswordToUnicode(ex.password))
               == v["password_unicode_hex"].AsString());

    const MsChapV2::ChallengeDigest challenge
        = MsChapV2::ChallengeHash(ex.peerChallenge, ex.authenticatorChallenge, ex.user);
    BOOST_TEST(ToHex(BytesOfArray(challenge)) == v["challenge"].AsString());

    const MsChapV2::PasswordHash passwordHash = MsChapV2::NtPasswordHash(ex.password);
    BOOST_TEST(ToHex(BytesOfArray(passwordHash)) == v["password_hash"].AsString());

    BOOST_TEST(ToHex(BytesOfArray(MsChapV2::ChallengeResponse(challenge, passwordHash)))
               == v["nt_response"].AsString());
    BOOST_TEST(ToHex(BytesOfArray(MsChapV2::GenerateNtResponse(
                   ex.authenticatorChallenge, ex.peerChallenge, ex.user, ex.password)))
               == v["nt_response"].AsString());
    BOOST_TEST(ToHex(BytesOfArray(MsChapV2::GenerateNtResponse(
                   ex.authenticatorChallenge, ex.peerChallenge, ex.user, passwordHash)))
               == v["nt_response"].AsString());

    BOOST_TEST(ToHex(BytesOfArray(MsChapV2::HashNtPasswordHash(passwordHash)))
               == v["password_hash_hash"].AsString());

    const MsChapV2::AuthenticatorResponse response = MsChapV2::GenerateAuthenticatorResponse(
        ex.password, ex.ntResponse, ex.peerChallenge, ex.authenticatorChallenge, ex.user);
    const std::string text = MsChapV2::FormatAuthenticatorResponse(response);
    BOOST_TEST(text == v["authenticator_response"].AsString());
    BOOST_TEST(text.size() == MsChapV2::AUTHENTICATOR_RESPONSE_TEXT_LENGTH);
    BOOST_TEST(
        ToHex(BytesOfArray(MsChapV2::GenerateAuthenticatorResponse(
            passwordHash, ex.ntResponse, ex.peerChallenge, ex.authenticatorChallenge, ex.user)))
        == ToHex(BytesOfArray(response)));

    // The 49-octet Response Value of RFC 2759 s.4 built from these values.
    Bytes value(ex.peerChallenge.begin(), ex.peerChallenge.end());
    value.resize(value.size() + 8, 0);
    value.insert(value.end(), ex.ntResponse.begin(), ex.ntResponse.end());
    value.push_back(0);
    BOOST_TEST(ToHex(value) == v["derived_chap_response_value_49"].AsString());
}

BOOST_AUTO_TEST_CASE(rfc2759_s8_8_check_authenticator_response)
{
    const JsonValue& v = TestVectors()["rfc2759_s9_2_mschapv2_hash_example"];
    const HashExample ex = LoadHashExample();
    const std::string good = v["authenticator_response"].AsString();

    BOOST_TEST(MsChapV2::CheckAuthenticatorResponse(
        ex.password, ex.ntResponse, ex.peerChallenge, ex.authenticatorChallenge, ex.user, good));
    MsChapV2::AuthenticatorResponse digest;
    BOOST_REQUIRE(MsChapV2::ParseAuthenticatorResponse(good, digest));
    BOOST_TEST(MsChapV2::FormatAuthenticatorResponse(digest) == good);
    BOOST_TEST(MsChapV2::CheckAuthenticatorResponse(
        ex.password, ex.ntResponse, ex.peerChallenge, ex.authenticatorChallenge, ex.user, digest));

    // Every single-bit flip of the digest fails.
    for (std::size_t bit = 0; bit < 8 * digest.size(); ++bit)
    {
        MsChapV2::AuthenticatorResponse flipped = digest;
        flipped[bit / 8] ^= static_cast<uint8_t>(1u << (bit % 8));
        BOOST_TEST(!MsChapV2::CheckAuthenticatorResponse(ex.password,
                                                         ex.ntResponse,
                                                         ex.peerChallenge,
                                                         ex.authenticatorChallenge,
                                                         ex.user,
                                                         flipped),
                   "bit " << bit);
        BOOST_TEST(
            !MsChapV2::CheckAuthenticatorResponse(ex.password,
                                                  ex.ntResponse,
                                                  ex.peerChallenge,
                                                  ex.authenticatorChallenge,
                                                  ex.user,
                                                  MsChapV2::FormatAuthenticatorResponse(flipped)),
            "bit " << bit);
    }
    // A wrong password, a different NT-Response or user name fail too.
    BOOST_TEST(!MsChapV2::CheckAuthenticatorResponse(
        "clientPasS", ex.ntResponse, ex.peerChallenge, ex.authenticatorChallenge, ex.user, good));
    MsChapV2::NtResponse otherResponse = ex.ntResponse;
    otherResponse[23] ^= 0x80;
    BOOST_TEST(!MsChapV2::CheckAuthenticatorResponse(
        ex.password, otherResponse, ex.peerChallenge, ex.authenticatorChallenge, ex.user, good));
    BOOST_TEST(!MsChapV2::CheckAuthenticatorResponse(
        ex.password, ex.ntResponse, ex.peerChallenge, ex.authenticatorChallenge, "user", good));

    // Lower-case hex digits carry the same digest; malformed texts are rejected.
    std::string lower = good;
    for (std::size_t i = 2; i < lower.size(); ++i)
    {
        lower[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(lower[i])));
    }
    BOOST_TEST(MsChapV2::CheckAuthenticatorResponse(
        ex.password, ex.ntResponse, ex.peerChallenge, ex.authenticatorChallenge, ex.user, lower));
    const std::string bad[] = {"",
                               good.substr(0, 41),
                               good + "0",
                               "s" + good.substr(1),
                               "S:" + good.substr(2),
                               good.substr(0, 41) + "G",
                               good + " M=hello"};
    for (const std::string& text : bad)
    {
        MsChapV2::AuthenticatorResponse parsed = digest;
        BOOST_TEST(!MsChapV2::ParseAuthenticatorResponse(text, parsed), text);
        BOOST_TEST(ToHex(BytesOfArray(parsed)) == ToHex(BytesOfArray(digest))); // untouched
        BOOST_TEST(!MsChapV2::CheckAuthenticatorResponse(ex.password,
                                                         ex.ntResponse,
                                                         ex.peerChallenge,
                                                         ex.authenticatorChallenge,
                                                         ex.user,
                                                         text),
                   text);
    }
}

BOOST_AUTO_TEST_CASE(rfc2759_s9_3_password_hash_and_des_keys)
{
    const JsonValue& v = TestVectors()["rfc2759_s9_3_des_key_generation"];
    const std::string password = v["password"].AsString();
    BOOST_TEST(ToHex(MsChapV2::PasswordToUnicode(password))
               == v["password_unicode_hex"].AsString());
    const MsChapV2::PasswordHash hash = MsChapV2::NtPasswordHash(password);
    BOOST_TEST(ToHex(BytesOfArray(hash)) == v["password_hash"].AsString());
    BOOST_TEST(ToHex(Bytes(hash.begin(), hash.begin() + 7)) == v["raw_des_key_1"].AsString());
    BOOST_TEST(ToHex(Bytes(hash.begin() + 7, hash.begin() + 14)) == v["raw_des_key_2"].AsString());
    BOOST_TEST(ToHex(BytesOfArray(Des::ExpandKey(hash.data())))
               == v["parity_des_key_1"].AsString());
    BOOST_TEST(ToHex(BytesOfArray(Des::ExpandKey(hash.data() + 7)))
               == v["parity_des_key_2"].AsString());
}

BOOST_AUTO_TEST_CASE(rfc2433_b2_mschapv1_challenge_response)
{
    // MS-CHAPv1's NT response is the same ChallengeResponse() over the server's challenge.
    const JsonValue& v = TestVectors()["rfc2433_appB2_mschapv1_hash_example"];
    const MsChapV2::PasswordHash hash = MsChapV2::NtPasswordHash(v["password"].AsString());
    BOOST_TEST(ToHex(BytesOfArray(hash)) == v["nt_password_hash"].AsString());
    BOOST_TEST(
        ToHex(BytesOfArray(MsChapV2::ChallengeResponse(ArrayOf<8>(v.Hex("challenge")), hash)))
        == v["nt_challenge_response"].AsString());
}

BOOST_AUTO_TEST_CASE(user_name_domain_is_removed)
{
    const HashExample ex = LoadHashExample();
    const auto plain = MsChapV2::ChallengeHash(ex.peerChallenge, ex.authenticatorChallenge, "User");
    const auto withDomain
        = MsChapV2::ChallengeHash(ex.peerChallenge, ex.authenticatorChallenge, "CORP\\User");
    const auto twoLevels
        = MsChapV2::ChallengeHash(ex.peerChallenge, ex.authenticatorChallenge, "A\\B\\User");
    const auto other = MsChapV2::ChallengeHash(ex.peerChallenge, ex.authenticatorChallenge, "Use");
    BOOST_TEST(ToHex(BytesOfArray(withDomain)) == ToHex(BytesOfArray(plain)));
    BOOST_TEST(ToHex(BytesOfArray(twoLevels)) == ToHex(BytesOfArray(plain)));
    BOOST_TEST(ToHex(BytesOfArray(other)) != ToHex(BytesOfArray(plain)));
}

BOOST_AUTO_TEST_CASE(password_utf8_to_utf16le)
{
    BOOST_TEST(ToHex(MsChapV2::PasswordToUnicode("")) == "");
    BOOST_TEST(ToHex(MsChapV2::PasswordToUnicode("a\xc3\xa9")) == "6100e900");        // a, e-acute
    BOOST_TEST(ToHex(MsChapV2::PasswordToUnicode("\xe2\x82\xac")) == "ac20");         // euro sign
    BOOST_TEST(ToHex(MsChapV2::PasswordToUnicode("\xf0\x9f\x98\x80")) == "3dd800de"); // U+1F600
    // Octets that are not valid UTF-8 stand for themselves (Latin-1).
    BOOST_TEST(ToHex(MsChapV2::PasswordToUnicode("\xff")) == "ff00");
    BOOST_TEST(ToHex(MsChapV2::PasswordToUnicode("\xe2\x82")) == "e2008200");         // truncated
    BOOST_TEST(ToHex(MsChapV2::PasswordToUnicode("\xc0\xaf")) == "c000af00");         // overlong
    BOOST_TEST(ToHex(MsChapV2::PasswordToUnicode("\xed\xa0\x80")) == "ed00a0008000"); // D800
    // NtPasswordHash is MD4 of exactly that form.
    const std::string password = "p\xc3\xa4ss\xf0\x9f\x98\x80\xff";
    const Bytes unicode = MsChapV2::PasswordToUnicode(password);
    BOOST_TEST(ToHex(BytesOfArray(MsChapV2::NtPasswordHash(password)))
               == ToHex(BytesOfArray(Md4::Hash(unicode.data(), unicode.size()))));
    BOOST_TEST(ToHex(BytesOfArray(MsChapV2::NtPasswordHash("")))
               == "31d6cfe0d16ae931b73c59d7e0c089c0");
}

BOOST_AUTO_TEST_CASE(chap_md5_rfc1994_responses)
{
    const JsonValue& cases = TestVectors()["chap_md5_pear_crypt_chap"]["cases"];
    BOOST_TEST(cases.Size() == 2u);
    for (const JsonValue& c : cases.AsArray())
    {
        const uint8_t id = static_cast<uint8_t>(c["identifier"].AsInt());
        const std::string& secret = c["secret"].AsString();
        const Bytes challenge = c.Hex("challenge");
        BOOST_TEST_CONTEXT("secret " << secret)
        {
            const ChapMd5::Response r = ChapMd5::Compute(id, secret, challenge);
            BOOST_TEST(ToHex(BytesOfArray(r)) == c["response"].AsString());
            BOOST_TEST(ToHex(BytesOfArray(
                           ChapMd5::Compute(id, secret, challenge.data(), challenge.size())))
                       == c["response"].AsString());
            // The definition, MD5(identifier || secret || challenge), spelt out.
            Bytes message{id};
            message.insert(message.end(), secret.begin(), secret.end());
            message.insert(message.end(), challenge.begin(), challenge.end());
            BOOST_TEST(ToHex(BytesOfArray(Md5::Hash(message.data(), message.size())))
                       == c["response"].AsString());

            BOOST_TEST(ChapMd5::Verify(id, secret, challenge, r.data(), r.size()));
            BOOST_TEST(!ChapMd5::Verify(id, secret, challenge, r.data(), r.size() - 1));
            BOOST_TEST(!ChapMd5::Verify(
                static_cast<uint8_t>(id + 1), secret, challenge, r.data(), r.size()));
            for (std::size_t bit = 0; bit < 8 * r.size(); ++bit)
            {
                ChapMd5::Response flipped = r;
                flipped[bit / 8] ^= static_cast<uint8_t>(1u << (bit % 8));
                BOOST_TEST(!ChapMd5::Verify(id, secret, challenge, flipped.data(), flipped.size()),
                           "bit " << bit);
            }
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
