/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef VECTOR_FILE_H
#define VECTOR_FILE_H

#include "pptp-test-util.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{
namespace pptptest
{

/**
 * \ingroup pptp
 * \brief A JSON value (RFC 8259) as the test vectors need it: null, booleans, numbers,
 * strings, arrays and objects (members kept in file order).
 *
 * Accessors throw std::runtime_error on a type mismatch or a missing member, which
 * Boost.Test reports as a failure of the test case.
 */
class JsonValue
{
  public:
    /** \brief The kinds of JSON value. */
    enum class Type : uint8_t
    {
        NUL,     //!< null
        BOOLEAN, //!< true or false
        NUMBER,  //!< a number (held as double)
        STRING,  //!< a string (held as UTF-8)
        ARRAY,   //!< an array
        OBJECT,  //!< an object
    };

    /** \brief A null value. */
    JsonValue();

    /**
     * \brief The kind of value.
     * \return the type
     */
    Type GetType() const;

    /**
     * \brief The boolean.
     * \return the value (throws unless BOOLEAN)
     */
    bool AsBool() const;

    /**
     * \brief The number.
     * \return the value (throws unless NUMBER)
     */
    double AsNumber() const;

    /**
     * \brief The number as an integer.
     * \return the value (throws unless an integral NUMBER)
     */
    int64_t AsInt() const;

    /**
     * \brief The string.
     * \return the value (throws unless STRING)
     */
    const std::string& AsString() const;

    /**
     * \brief The elements.
     * \return the array (throws unless ARRAY)
     */
    const std::vector<JsonValue>& AsArray() const;

    /**
     * \brief The members, in file order.
     * \return name/value pairs (throws unless OBJECT)
     */
    const std::vector<std::pair<std::string, JsonValue>>& Members() const;

    /**
     * \brief Whether an object has a member.
     * \param name the member name
     * \return true if present (false for non-objects)
     */
    bool Has(const std::string& name) const;

    /**
     * \brief A member of an object.
     * \param name the member name
     * \return its value (throws if absent or not an object)
     */
    const JsonValue& operator[](const std::string& name) const;

    /**
     * \brief An element of an array.
     * \param index the index
     * \return the element (throws if out of range or not an array)
     */
    const JsonValue& operator[](std::size_t index) const;

    /**
     * \brief Elements of an array or members of an object.
     * \return the count (0 for other types)
     */
    std::size_t Size() const;

    /**
     * \brief A string member holding hex, as bytes.
     * \param name the member name
     * \return FromHex() of the member's string
     */
    Bytes Hex(const std::string& name) const;

    /**
     * \brief Parses one JSON text (with optional surrounding white space).
     * \param text the text
     * \return the value (throws std::runtime_error naming the offset of a syntax error)
     */
    static JsonValue Parse(const std::string& text);

    /**
     * \brief Reads and parses a file.
     * \param path the file
     * \return the value (throws if unreadable or malformed)
     */
    static JsonValue ReadFile(const std::string& path);

  private:
    friend class JsonParser;

    Type m_type;                                              //!< kind of value
    bool m_bool;                                              //!< BOOLEAN value
    double m_number;                                          //!< NUMBER value
    std::string m_string;                                     //!< STRING value
    std::vector<JsonValue> m_array;                           //!< ARRAY elements
    std::vector<std::pair<std::string, JsonValue>> m_members; //!< OBJECT members
};

/**
 * \ingroup pptp
 * \brief Fixed-size copy of bytes, for APIs taking std::array.
 * \param bytes exactly N bytes (otherwise std::runtime_error)
 * \return the array
 */
template <std::size_t N>
std::array<uint8_t, N>
ArrayOf(const Bytes& bytes)
{
    if (bytes.size() != N)
    {
        throw std::runtime_error("expected " + std::to_string(N) + " bytes, got "
                                 + std::to_string(bytes.size()));
    }
    std::array<uint8_t, N> out;
    std::copy(bytes.begin(), bytes.end(), out.begin());
    return out;
}

/**
 * \ingroup pptp
 * \brief The project's test vectors, SharedDir() + "/vectors/vectors.json", read once.
 * \return the root object
 */
const JsonValue& TestVectors();

} // namespace pptptest
} // namespace ns3

#endif /* VECTOR_FILE_H */
