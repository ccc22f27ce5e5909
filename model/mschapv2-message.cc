/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mschapv2-message.h"

#include "pptp-wire-text.h"

#include "ns3/log.h"

#include <cstring>
#include <limits>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MsChapV2Message");

namespace
{

/**
 * \brief A cursor over message text; every step checks the bounds and fails rather than
 * reading past the end.
 */
class TextCursor
{
  public:
    /**
     * \brief Start at the beginning of a text.
     * \param text the text; must outlive the cursor
     */
    explicit TextCursor(const std::string& text)
        : m_text(text)
        , m_pos(0)
    {
    }

    /**
     * \brief Consume a literal if the text continues with it.
     * \param literal the expected characters
     * \return whether they were there (and were consumed)
     */
    bool
    Expect(const char* literal)
    {
        std::size_t size = std::strlen(literal);
        if (m_text.size() - m_pos < size || m_text.compare(m_pos, size, literal) != 0)
        {
            return false;
        }
        m_pos += size;
        return true;
    }

    /**
     * \brief Consume exactly 2 * size hex digits; the next character must not be a hex digit.
     * \param out room for size octets
     * \param size octets to read
     * \return whether the digits were there
     */
    bool
    Hex(uint8_t* out, std::size_t size)
    {
        if (m_text.size() - m_pos < 2 * size)
        {
            return false;
        }
        for (std::size_t k = 0; k < size; ++k)
        {
            int high = pptp::HexValue(m_text[m_pos + 2 * k]);
            int low = pptp::HexValue(m_text[m_pos + 2 * k + 1]);
            if (high < 0 || low < 0)
            {
                return false;
            }
            out[k] = static_cast<uint8_t>(high << 4 | low);
        }
        m_pos += 2 * size;
        return AtEnd() || pptp::HexValue(m_text[m_pos]) < 0;
    }

    /**
     * \brief Consume a decimal number of 1 to 10 digits that fits in 32 bits.
     * \param out the number
     * \return whether one was there
     */
    bool
    Decimal(uint32_t& out)
    {
        uint64_t value = 0;
        std::size_t digits = 0;
        while (!AtEnd() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9')
        {
            if (++digits > 10)
            {
                return false;
            }
            value = value * 10 + static_cast<uint64_t>(m_text[m_pos] - '0');
            ++m_pos;
        }
        if (digits == 0 || value > std::numeric_limits<uint32_t>::max())
        {
            return false;
        }
        out = static_cast<uint32_t>(value);
        return true;
    }

    /**
     * \brief Consume one character if it is \p c.
     * \param c the expected character
     * \return whether it was there
     */
    bool
    Char(char c)
    {
        if (AtEnd() || m_text[m_pos] != c)
        {
            return false;
        }
        ++m_pos;
        return true;
    }

    /**
     * \brief Whether the whole text has been consumed.
     * \return true at the end
     */
    bool
    AtEnd() const
    {
        return m_pos == m_text.size();
    }

    /**
     * \brief The position of the next character.
     * \return an index into the text
     */
    std::size_t
    Position() const
    {
        return m_pos;
    }

  private:
    const std::string& m_text; //!< the text
    std::size_t m_pos;         //!< index of the next character
};

/**
 * \brief Parse the optional " M=<message>" tail.
 * \param cursor the cursor, just after the last mandatory field
 * \param text the whole text
 * \param hasMessage set to whether the tail is there
 * \param message set to the text after "M="
 * \return false when something other than the tail follows
 */
bool
ParseMessageTail(TextCursor& cursor,
                 const std::string& text,
                 bool& hasMessage,
                 std::string& message)
{
    if (cursor.AtEnd())
    {
        hasMessage = false;
        message.clear();
        return true;
    }
    if (!cursor.Expect(" M="))
    {
        return false;
    }
    hasMessage = true;
    message.assign(text, cursor.Position(), std::string::npos);
    return true;
}

} // namespace

const char*
MsChapV2ErrorCodeName(uint32_t code)
{
    switch (static_cast<MsChapV2ErrorCode>(code))
    {
        case MsChapV2ErrorCode::ERROR_RESTRICTED_LOGON_HOURS:
            return "ERROR_RESTRICTED_LOGON_HOURS";
        case MsChapV2ErrorCode::ERROR_ACCT_DISABLED:
            return "ERROR_ACCT_DISABLED";
        case MsChapV2ErrorCode::ERROR_PASSWD_EXPIRED:
            return "ERROR_PASSWD_EXPIRED";
        case MsChapV2ErrorCode::ERROR_NO_DIALIN_PERMISSION:
            return "ERROR_NO_DIALIN_PERMISSION";
        case MsChapV2ErrorCode::ERROR_AUTHENTICATION_FAILURE:
            return "ERROR_AUTHENTICATION_FAILURE";
        case MsChapV2ErrorCode::ERROR_CHANGING_PASSWORD:
            return "ERROR_CHANGING_PASSWORD";
    }
    return "UNKNOWN_ERROR";
}

// ---------------------------------------------------------------------------
// Response Value

void
MsChapV2ResponseValue::Encode(uint8_t* out) const
{
    std::memcpy(out, peerChallenge.data(), PEER_CHALLENGE_SIZE);
    std::memset(out + PEER_CHALLENGE_SIZE, 0, RESERVED_SIZE);
    std::memcpy(out + PEER_CHALLENGE_SIZE + RESERVED_SIZE, ntResponse.data(), NT_RESPONSE_SIZE);
    out[SIZE - 1] = flags;
}

std::vector<uint8_t>
MsChapV2ResponseValue::Encode() const
{
    std::vector<uint8_t> out(SIZE);
    Encode(out.data());
    return out;
}

WireError
MsChapV2ResponseValue::Decode(const uint8_t* data, std::size_t size)
{
    if (size != SIZE)
    {
        NS_LOG_LOGIC("MS-CHAPv2 Response Value of " << size << " octets, not 49");
        return WireError::BAD_LENGTH;
    }
    for (std::size_t k = 0; k < RESERVED_SIZE; ++k)
    {
        if (data[PEER_CHALLENGE_SIZE + k] != 0)
        {
            NS_LOG_LOGIC("MS-CHAPv2 Response Value: Reserved octet " << k << " is not zero");
            return WireError::BAD_VALUE;
        }
    }
    std::memcpy(peerChallenge.data(), data, PEER_CHALLENGE_SIZE);
    std::memcpy(ntResponse.data(), data + PEER_CHALLENGE_SIZE + RESERVED_SIZE, NT_RESPONSE_SIZE);
    flags = data[SIZE - 1];
    return WireError::NONE;
}

WireError
MsChapV2ResponseValue::Decode(const std::vector<uint8_t>& value)
{
    return Decode(value.data(), value.size());
}

void
MsChapV2ResponseValue::Print(std::ostream& os) const
{
    os << "peer-challenge=";
    pptp::PrintHex(os, peerChallenge.data(), peerChallenge.size(), pptp::HexCase::UPPER);
    os << " nt-response=";
    pptp::PrintHex(os, ntResponse.data(), ntResponse.size(), pptp::HexCase::UPPER);
    os << " flags=";
    pptp::PrintHexValue(os, flags, 2, pptp::HexCase::UPPER);
}

// ---------------------------------------------------------------------------
// Success message

std::string
MsChapV2Success::Format() const
{
    std::string out;
    out.reserve(2 + 2 * AUTHENTICATOR_RESPONSE_SIZE + (hasMessage ? 3 + message.size() : 0));
    out += "S=";
    pptp::AppendHex(
        out, authenticatorResponse.data(), authenticatorResponse.size(), pptp::HexCase::UPPER);
    if (hasMessage)
    {
        out += " M=";
        out += message;
    }
    return out;
}

WireError
MsChapV2Success::Parse(const std::string& text)
{
    TextCursor cursor(text);
    std::array<uint8_t, AUTHENTICATOR_RESPONSE_SIZE> response;
    bool withMessage = false;
    std::string tail;
    if (!cursor.Expect("S=") || !cursor.Hex(response.data(), response.size())
        || !ParseMessageTail(cursor, text, withMessage, tail))
    {
        NS_LOG_LOGIC("MS-CHAPv2 Success message does not follow the grammar at octet "
                     << cursor.Position());
        return WireError::BAD_TEXT;
    }
    authenticatorResponse = response;
    hasMessage = withMessage;
    message.swap(tail);
    return WireError::NONE;
}

void
MsChapV2Success::Print(std::ostream& os) const
{
    os << "authenticator-response=";
    pptp::PrintHex(
        os, authenticatorResponse.data(), authenticatorResponse.size(), pptp::HexCase::UPPER);
    if (hasMessage)
    {
        os << " message=";
        pptp::PrintQuoted(os, message);
    }
    else
    {
        os << " (no message)";
    }
}

// ---------------------------------------------------------------------------
// Failure message

std::string
MsChapV2Failure::Format() const
{
    std::string out;
    out.reserve(64 + (hasMessage ? message.size() : 0));
    out += "E=";
    out += std::to_string(errorCode);
    out += retry ? " R=1 C=" : " R=0 C=";
    pptp::AppendHex(out, challenge.data(), challenge.size(), pptp::HexCase::UPPER);
    out += " V=";
    out += std::to_string(version);
    if (hasMessage)
    {
        out += " M=";
        out += message;
    }
    return out;
}

WireError
MsChapV2Failure::Parse(const std::string& text)
{
    TextCursor cursor(text);
    uint32_t code = 0;
    bool retryAllowed = false;
    std::array<uint8_t, CHALLENGE_SIZE> newChallenge;
    uint32_t passwordVersion = 0;
    bool withMessage = false;
    std::string tail;
    bool ok = cursor.Expect("E=") && cursor.Decimal(code) && cursor.Expect(" R=");
    if (ok)
    {
        retryAllowed = cursor.Char('1');
        ok = retryAllowed || cursor.Char('0');
    }
    ok = ok && cursor.Expect(" C=") && cursor.Hex(newChallenge.data(), newChallenge.size())
         && cursor.Expect(" V=") && cursor.Decimal(passwordVersion)
         && ParseMessageTail(cursor, text, withMessage, tail);
    if (!ok)
    {
        NS_LOG_LOGIC("MS-CHAPv2 Failure message does not follow the grammar at octet "
                     << cursor.Position());
        return WireError::BAD_TEXT;
    }
    errorCode = code;
    retry = retryAllowed;
    challenge = newChallenge;
    version = passwordVersion;
    hasMessage = withMessage;
    message.swap(tail);
    return WireError::NONE;
}

void
MsChapV2Failure::Print(std::ostream& os) const
{
    os << "error=" << errorCode << " (" << MsChapV2ErrorCodeName(errorCode) << ")"
       << " retry=" << (retry ? 1 : 0) << " challenge=";
    pptp::PrintHex(os, challenge.data(), challenge.size(), pptp::HexCase::UPPER);
    os << " version=" << version;
    if (hasMessage)
    {
        os << " message=";
        pptp::PrintQuoted(os, message);
    }
    else
    {
        os << " (no message)";
    }
}

std::ostream&
operator<<(std::ostream& os, const MsChapV2ResponseValue& value)
{
    value.Print(os);
    return os;
}

std::ostream&
operator<<(std::ostream& os, const MsChapV2Success& success)
{
    success.Print(os);
    return os;
}

std::ostream&
operator<<(std::ostream& os, const MsChapV2Failure& failure)
{
    failure.Print(os);
    return os;
}

} // namespace ns3
