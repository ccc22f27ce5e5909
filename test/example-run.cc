/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "example-run.h"

#include "pptp-test-util.h"
#include "tshark-util.h"

#include <boost/test/unit_test.hpp>
#include <fstream>

namespace ns3
{
namespace pptptest
{

ExampleRun
RunExampleProgram(const std::string& name, const std::string& arguments)
{
    const std::string program = BinaryDir() + "/examples/" + name;
    BOOST_REQUIRE_MESSAGE(std::ifstream(program).good(), "build the example first: " << program);
    ExampleRun run;
    run.status
        = RunCommand("cd '" + BinaryDir() + "' && '" + program + "' " + arguments, run.output);
    for (const std::string& line : SplitLines(run.output))
    {
        std::string::size_type colon = line.find(": ");
        if (colon != std::string::npos)
        {
            run.summary[line.substr(0, colon)] = line.substr(colon + 2);
        }
    }
    return run;
}

} // namespace pptptest
} // namespace ns3
