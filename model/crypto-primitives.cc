/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "crypto-primitives.h"

#include "ns3/assert.h"

#include <nettle/des.h>

namespace ns3
{

Md4::Md4()
{
    md4_init(&m_ctx);
}

void
Md4::Update(const uint8_t* data, std::size_t length)
{
    if (length > 0)
    {
        md4_update(&m_ctx, length, data);
    }
}

Md4::Digest
Md4::Finish()
{
    Digest digest;
    md4_digest(&m_ctx, digest.size(), digest.data()); // nettle also re-initialises m_ctx
    return digest;
}

Md4::Digest
Md4::Hash(const uint8_t* data, std::size_t length)
{
    Md4 md4;
    md4.Update(data, length);
    return md4.Finish();
}

Md5::Md5()
{
    md5_init(&m_ctx);
}

void
Md5::Update(const uint8_t* data, std::size_t length)
{
    if (length > 0)
    {
        md5_update(&m_ctx, length, data);
    }
}

Md5::Digest
Md5::Finish()
{
    Digest digest;
    md5_digest(&m_ctx, digest.size(), digest.data());
    return digest;
}

Md5::Digest
Md5::Hash(const uint8_t* data, std::size_t length)
{
    Md5 md5;
    md5.Update(data, length);
    return md5.Finish();
}

Sha1::Sha1()
{
    sha1_init(&m_ctx);
}

void
Sha1::Update(const uint8_t* data, std::size_t length)
{
    if (length > 0)
    {
        sha1_update(&m_ctx, length, data);
    }
}

Sha1::Digest
Sha1::Finish()
{
    Digest digest;
    sha1_digest(&m_ctx, digest.size(), digest.data());
    return digest;
}

Sha1::Digest
Sha1::Hash(const uint8_t* data, std::size_t length)
{
    Sha1 sha1;
    sha1.Update(data, length);
    return sha1.Finish();
}

Des::Block
Des::ExpandKey(const uint8_t* key7)
{
    // Octet i of the result takes key bits 7i .. 7i+6 in its high seven bits.
    Block key;
    key[0] = key7[0];
    for (std::size_t i = 1; i < BLOCK_LENGTH - 1; ++i)
    {
        key[i] = static_cast<uint8_t>(key7[i - 1] << (8 - i) | key7[i] >> i);
    }
    key[7] = static_cast<uint8_t>(key7[6] << 1);
    des_fix_parity(key.size(), key.data(), key.data());
    return key;
}

Des::Block
Des::Encrypt(const uint8_t* clear, const uint8_t* key7)
{
    Block key = ExpandKey(key7);
    return EncryptWithFullKey(clear, key.data());
}

Des::Block
Des::EncryptWithFullKey(const uint8_t* clear, const uint8_t* key8)
{
    des_ctx ctx;
    // nettle reports weak keys (return 0) but fills the key schedule all the same; MS-CHAP's
    // third key (two hash octets and five zeros) can be weak and must still be used.
    des_set_key(&ctx, key8);
    Block cipher;
    des_encrypt(&ctx, cipher.size(), cipher.data(), clear);
    return cipher;
}

Rc4::Rc4()
    : m_ctx{}
    , m_keyed(false)
{
}

Rc4::Rc4(const uint8_t* key, std::size_t length)
    : m_ctx{}
    , m_keyed(false)
{
    SetKey(key, length);
}

void
Rc4::SetKey(const uint8_t* key, std::size_t length)
{
    NS_ASSERT_MSG(length >= 1 && length <= MAX_KEY_LENGTH, "RC4 key length " << length);
    arcfour_set_key(&m_ctx, length, key);
    m_keyed = true;
}

void
Rc4::Process(const uint8_t* in, uint8_t* out, std::size_t length)
{
    NS_ASSERT_MSG(m_keyed, "RC4 used before SetKey()");
    if (length > 0)
    {
        arcfour_crypt(&m_ctx, length, out, in);
    }
}

void
Rc4::Process(uint8_t* data, std::size_t length)
{
    Process(data, data, length);
}

bool
Rc4::IsKeyed() const
{
    return m_keyed;
}

} // namespace ns3
