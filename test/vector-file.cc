/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "vector-file.h"

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace ns3
{
namespace pptptest
{

/**
 * \brief A recursive-descent JSON parser over one text.
 */
class JsonParser
{
  public:
    /**
     * \brief Prepares to parse.
     * \param text the text
     */
    explicit JsonParser(const std::string& text)
        : m_text(text)
        , m_pos(0)
    {
    }

    /**
     * \brief Parses the whole text as one value.
     * \return the value
     */
    JsonValue
    ParseDocument()
    {
        JsonValue value = ParseValue(0);
        SkipSpace();
        if (m_pos != m_text.size())
        {
            Fail("trailing characters after the value");
        }
        return value;
    }

  private:
    static constexpr int MAX_DEPTH = 64; //!< nesting limit

    [[noreturn]] void
    Fail(const std::string& what) const
    {
        std::ostringstream os;
        os << "JSON: " << what << " at offset " << m_pos;
        throw std::runtime_error(os.str());
    }

    void
    SkipSpace()
    {
        while (m_pos < m_text.size()
               && (m_text[m_pos] == ' ' || m_text[m_pos] == '\t' || m_text[m_pos] == '\n'
                   || m_text[m_pos] == '\r'))
        {
            ++m_pos;
        }
    }

    bool
    Consume(char c)
    {
        SkipSpace();
        if (m_pos < m_text.size() && m_text[m_pos] == c)
        {
            ++m_pos;
            return true;
        }
        return false;
    }

    void
    Expect(char c)
    {
        if (!Consume(c))
        {
            Fail(std::string("expected '") + c + "'");
        }
    }

    void
    ExpectWord(const char* word)
    {
        for (const char* p = word; *p != '\0'; ++p)
        {
            if (m_pos >= m_text.size() || m_text[m_pos] != *p)
            {
                Fail(std::string("expected '") + word + "'");
            }
            ++m_pos;
        }
    }

    JsonValue
    ParseValue(int depth)
    {
        if (depth > MAX_DEPTH)
        {
            Fail("nesting too deep");
        }
        SkipSpace();
        if (m_pos >= m_text.size())
        {
            Fail("unexpected end of text");
        }
        JsonValue value;
        const char c = m_text[m_pos];
        if (c == '{')
        {
            ++m_pos;
            value.m_type = JsonValue::Type::OBJECT;
            if (Consume('}'))
            {
                return value;
            }
            do
            {
                SkipSpace();
                std::string name = ParseString();
                Expect(':');
                value.m_members.emplace_back(std::move(name), ParseValue(depth + 1));
            } while (Consume(','));
            Expect('}');
        }
        else if (c == '[')
        {
            ++m_pos;
            value.m_type = JsonValue::Type::ARRAY;
            if (Consume(']'))
            {
                return value;
            }
            do
            {
                value.m_array.push_back(ParseValue(depth + 1));
            } while (Consume(','));
            Expect(']');
        }
        else if (c == '"')
        {
            value.m_type = JsonValue::Type::STRING;
            value.m_string = ParseString();
        }
        else if (c == 't')
        {
            ExpectWord("true");
            value.m_type = JsonValue::Type::BOOLEAN;
            value.m_bool = true;
        }
        else if (c == 'f')
        {
            ExpectWord("false");
            value.m_type = JsonValue::Type::BOOLEAN;
            value.m_bool = false;
        }
        else if (c == 'n')
        {
            ExpectWord("null");
        }
        else if (c == '-' || (c >= '0' && c <= '9'))
        {
            value.m_type = JsonValue::Type::NUMBER;
            value.m_number = ParseNumber();
        }
        else
        {
            Fail(std::string("unexpected character '") + c + "'");
        }
        return value;
    }

    bool
    IsDigitAt(std::size_t pos) const
    {
        return pos < m_text.size() && m_text[pos] >= '0' && m_text[pos] <= '9';
    }

    double
    ParseNumber()
    {
        // RFC 8259 s.6: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
        const std::size_t start = m_pos;
        if (m_text[m_pos] == '-')
        {
            ++m_pos;
        }
        if (!IsDigitAt(m_pos))
        {
            Fail("bad number");
        }
        if (m_text[m_pos] == '0')
        {
            ++m_pos;
        }
        else
        {
            while (IsDigitAt(m_pos))
            {
                ++m_pos;
            }
        }
        if (m_pos < m_text.size() && m_text[m_pos] == '.')
        {
            ++m_pos;
            if (!IsDigitAt(m_pos))
            {
                Fail("bad number fraction");
            }
            while (IsDigitAt(m_pos))
            {
                ++m_pos;
            }
        }
        if (m_pos < m_text.size() && (m_text[m_pos] == 'e' || m_text[m_pos] == 'E'))
        {
            ++m_pos;
            if (m_pos < m_text.size() && (m_text[m_pos] == '+' || m_text[m_pos] == '-'))
            {
                ++m_pos;
            }
            if (!IsDigitAt(m_pos))
            {
                Fail("bad number exponent");
            }
            while (IsDigitAt(m_pos))
            {
                ++m_pos;
            }
        }
        const std::string literal = m_text.substr(start, m_pos - start);
        return std::strtod(literal.c_str(), nullptr);
    }

    uint32_t
    ParseHex4()
    {
        if (m_pos + 4 > m_text.size())
        {
            Fail("truncated \\u escape");
        }
        uint32_t v = 0;
        for (int i = 0; i < 4; ++i)
        {
            const char c = m_text[m_pos++];
            v <<= 4;
            if (c >= '0' && c <= '9')
            {
                v |= c - '0';
            }
            else if (c >= 'a' && c <= 'f')
            {
                v |= c - 'a' + 10;
            }
            else if (c >= 'A' && c <= 'F')
            {
                v |= c - 'A' + 10;
            }
            else
            {
                Fail("bad \\u escape");
            }
        }
        return v;
    }

    static void
    AppendUtf8(std::string& out, uint32_t cp)
    {
        if (cp < 0x80)
        {
            out.push_back(static_cast<char>(cp));
        }
        else if (cp < 0x800)
        {
            out.push_back(static_cast<char>(0xc0 | cp >> 6));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
        }
        else if (cp < 0x10000)
        {
            out.push_back(static_cast<char>(0xe0 | cp >> 12));
            out.push_back(static_cast<char>(0x80 | (cp >> 6 & 0x3f)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
        }
        else
        {
            out.push_back(static_cast<char>(0xf0 | cp >> 18));
            out.push_back(static_cast<char>(0x80 | (cp >> 12 & 0x3f)));
            out.push_back(static_cast<char>(0x80 | (cp >> 6 & 0x3f)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
        }
    }

    std::string
    ParseString()
    {
        if (m_pos >= m_text.size() || m_text[m_pos] != '"')
        {
            Fail("expected a string");
        }
        ++m_pos;
        std::string out;
        while (true)
        {
            if (m_pos >= m_text.size())
            {
                Fail("unterminated string");
            }
            const char c = m_text[m_pos++];
            if (c == '"')
            {
                return out;
            }
            if (static_cast<unsigned char>(c) < 0x20)
            {
                Fail("control character in a string");
            }
            if (c != '\\')
            {
                out.push_back(c);
                continue;
            }
            if (m_pos >= m_text.size())
            {
                Fail("unterminated escape");
            }
            const char e = m_text[m_pos++];
            switch (e)
            {
                case '"':
                case '\\':
                case '/':
                    out.push_back(e);
                    break;
                case 'b':
                    out.push_back('\b');
                    break;
                case 'f':
                    out.push_back('\f');
                    break;
                case 'n':
                    out.push_back('\n');
                    break;
                case 'r':
                    out.push_back('\r');
                    break;
                case 't':
                    out.push_back('\t');
                    break;
                case 'u':
                {
                    uint32_t cp = ParseHex4();
                    if (cp >= 0xd800 && cp <= 0xdbff)
                    {
                        if (m_pos + 2 > m_text.size() || m_text[m_pos] != '\\'
                            || m_text[m_pos + 1] != 'u')
                        {
                            Fail("lone high surrogate");
                        }
                        m_pos += 2;
                        const uint32_t low = ParseHex4();
                        if (low < 0xdc00 || low > 0xdfff)
                        {
                            Fail("bad low surrogate");
                        }
                        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
                    }
                    else if (cp >= 0xdc00 && cp <= 0xdfff)
                    {
                        Fail("lone low surrogate");
                    }
                    AppendUtf8(out, cp);
                    break;
                }
                default:
                    Fail(std::string("bad escape '\\") + e + "'");
            }
        }
    }

    const std::string& m_text; //!< the text
    std::size_t m_pos;         //!< next character
};

namespace
{

[[noreturn]] void
TypeError(const char* wanted)
{
    throw std::runtime_error(std::string("JSON: value is not ") + wanted);
}

} // namespace

JsonValue::JsonValue()
    : m_type(Type::NUL)
    , m_bool(false)
    , m_number(0)
{
}

JsonValue::Type
JsonValue::GetType() const
{
    return m_type;
}

bool
JsonValue::AsBool() const
{
    if (m_type != Type::BOOLEAN)
    {
        TypeError("a boolean");
    }
    return m_bool;
}

double
JsonValue::AsNumber() const
{
    if (m_type != Type::NUMBER)
    {
        TypeError("a number");
    }
    return m_number;
}

int64_t
JsonValue::AsInt() const
{
    const double n = AsNumber();
    if (std::floor(n) != n || std::fabs(n) > 9007199254740992.0)
    {
        TypeError("an integer");
    }
    return static_cast<int64_t>(n);
}

const std::string&
JsonValue::AsString() const
{
    if (m_type != Type::STRING)
    {
        TypeError("a string");
    }
    return m_string;
}

const std::vector<JsonValue>&
JsonValue::AsArray() const
{
    if (m_type != Type::ARRAY)
    {
        TypeError("an array");
    }
    return m_array;
}

const std::vector<std::pair<std::string, JsonValue>>&
JsonValue::Members() const
{
    if (m_type != Type::OBJECT)
    {
        TypeError("an object");
    }
    return m_members;
}

bool
JsonValue::Has(const std::string& name) const
{
    if (m_type != Type::OBJECT)
    {
        return false;
    }
    for (const auto& member : m_members)
    {
        if (member.first == name)
        {
            return true;
        }
    }
    return false;
}

const JsonValue&
JsonValue::operator[](const std::string& name) const
{
    for (const auto& member : Members())
    {
        if (member.first == name)
        {
            return member.second;
        }
    }
    throw std::runtime_error("JSON: no member '" + name + "'");
}

const JsonValue&
JsonValue::operator[](std::size_t index) const
{
    const auto& elements = AsArray();
    if (index >= elements.size())
    {
        throw std::runtime_error("JSON: index " + std::to_string(index) + " out of range");
    }
    return elements[index];
}

std::size_t
JsonValue::Size() const
{
    switch (m_type)
    {
        case Type::ARRAY:
            return m_array.size();
        case Type::OBJECT:
            return m_members.size();
        default:
            return 0;
    }
}

Bytes
JsonValue::Hex(const std::string& name) const
{
    return FromHex((*this)[name].AsString());
}

JsonValue
JsonValue::Parse(const std::string& text)
{
    JsonParser parser(text);
    return parser.ParseDocument();
}

JsonValue
JsonValue::ReadFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
    {
        throw std::runtime_error("cannot open " + path);
    }
    std::ostringstream contents;
    contents << in.rdbuf();
    try
    {
        return Parse(contents.str());
    }
    catch (const std::runtime_error& e)
    {
        throw std::runtime_error(path + ": " + e.what());
    }
}

const JsonValue&
TestVectors()
{
    static const JsonValue root = JsonValue::ReadFile(SharedDir() + "/vectors/vectors.json");
    return root;
}

} // namespace pptptest
} // namespace ns3
