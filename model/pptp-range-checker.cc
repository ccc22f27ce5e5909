/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-range-checker.h"

#include <iostream>
#include <typeinfo>
#include <utility>

namespace ns3
{

namespace
{

/// An Attribute checker that reports a rejected value with the Attribute name and valid range.
class PptpRangeReportingChecker : public AttributeChecker
{
  public:
    /**
     * \brief Wrap a checker.
     * \param inner the checker that decides
     * \param attribute the Attribute name
     * \param range the valid range in words
     */
    PptpRangeReportingChecker(Ptr<const AttributeChecker> inner,
                              std::string attribute,
                              std::string range)
        : m_inner(inner)
        , m_attribute(std::move(attribute))
        , m_range(std::move(range))
    {
    }

    bool
    Check(const AttributeValue& value) const override
    {
        if (m_inner->Check(value))
        {
            return true;
        }
        // A value of another type is not an error yet: ns-3 converts it through a string and
        // asks again.
        Ptr<AttributeValue> probe = m_inner->Create();
        const AttributeValue& p = *probe;
        if (typeid(value) == typeid(p))
        {
            std::cerr << "invalid value " << value.SerializeToString(m_inner) << " for Attribute "
                      << m_attribute << ": valid values are " << m_range << std::endl;
        }
        return false;
    }

    std::string
    GetValueTypeName() const override
    {
        return m_inner->GetValueTypeName();
    }

    bool
    HasUnderlyingTypeInformation() const override
    {
        return m_inner->HasUnderlyingTypeInformation();
    }

    std::string
    GetUnderlyingTypeInformation() const override
    {
        return m_inner->GetUnderlyingTypeInformation() + " (" + m_range + ")";
    }

    Ptr<AttributeValue>
    Create() const override
    {
        return m_inner->Create();
    }

    bool
    Copy(const AttributeValue& source, AttributeValue& destination) const override
    {
        return m_inner->Copy(source, destination);
    }

  private:
    Ptr<const AttributeChecker> m_inner; //!< decides
    std::string m_attribute;             //!< Attribute name
    std::string m_range;                 //!< valid range in words
};

} // namespace

Ptr<const AttributeChecker>
MakePptpRangeChecker(Ptr<const AttributeChecker> checker,
                     const std::string& attribute,
                     const std::string& range)
{
    return Ptr<const AttributeChecker>(new PptpRangeReportingChecker(checker, attribute, range),
                                       false);
}

} // namespace ns3
