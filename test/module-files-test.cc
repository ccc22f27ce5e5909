/*
 * Copyright (c) 2026 The ns3-pptp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// module-files.txt is the one list of files that CMakeLists.txt and wscript
// both read. These tests prove the list and the tree agree, and that wscript
// reads the same entries CMake does.

#include "pptp-test-util.h"

#include <array>
#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

namespace fs = std::filesystem;
using namespace ns3;

namespace
{

/// kind -> paths, read the way CMakeLists.txt reads it.
std::map<std::string, std::set<std::string>>
ReadManifest()
{
    std::ifstream in(std::string(PPTP_SOURCE_DIR) + "/module-files.txt");
    BOOST_REQUIRE_MESSAGE(in, "cannot open module-files.txt");
    std::map<std::string, std::set<std::string>> files;
    std::string line;
    while (std::getline(in, line))
    {
        std::istringstream words(line);
        std::string kind;
        std::string path;
        if (!(words >> kind) || kind[0] == '#')
        {
            continue;
        }
        BOOST_REQUIRE_MESSAGE(words >> path, "no path on the line: " << line);
        files[kind].insert(path);
    }
    return files;
}

std::set<std::string>
FilesUnder(const std::string& folder, const std::set<std::string>& extensions)
{
    std::set<std::string> found;
    fs::path root(PPTP_SOURCE_DIR);
    if (!fs::exists(root / folder))
    {
        return found;
    }
    for (const auto& entry : fs::recursive_directory_iterator(root / folder))
    {
        if (entry.is_regular_file() && extensions.count(entry.path().extension().string()))
        {
            found.insert(fs::relative(entry.path(), root).generic_string());
        }
    }
    return found;
}

} // namespace

BOOST_AUTO_TEST_CASE(every_source_file_is_listed_once)
{
    auto manifest = ReadManifest();
    std::set<std::string> listed;
    for (const auto& [kind, paths] : manifest)
    {
        BOOST_CHECK_MESSAGE(kind == "source" || kind == "header" || kind == "testlib"
                                || kind == "test" || kind == "example" || kind == "benchmark",
                            "unknown kind " << kind);
        for (const auto& path : paths)
        {
            BOOST_CHECK_MESSAGE(fs::exists(fs::path(PPTP_SOURCE_DIR) / path),
                                path << " is listed but missing");
            BOOST_CHECK_MESSAGE(listed.insert(path).second, path << " is listed twice");
        }
    }
    for (const std::string folder : {"model", "helper", "test", "examples", "benchmarks"})
    {
        for (const auto& path : FilesUnder(folder, {".cc", ".h"}))
        {
            BOOST_CHECK_MESSAGE(listed.count(path), path << " is not in module-files.txt");
        }
    }
}

BOOST_AUTO_TEST_CASE(headers_and_sources_sit_where_they_belong)
{
    auto manifest = ReadManifest();
    for (const auto& path : manifest["source"])
    {
        BOOST_CHECK_MESSAGE(path.rfind("model/", 0) == 0 || path.rfind("helper/", 0) == 0,
                            path << ": library sources live in model/ or helper/");
    }
    for (const auto& path : manifest["header"])
    {
        BOOST_CHECK_MESSAGE(path.size() > 2 && path.substr(path.size() - 2) == ".h",
                            path << ": a header ends in .h");
    }
    for (const auto& path : manifest["test"])
    {
        BOOST_CHECK_MESSAGE(path.rfind("test/", 0) == 0, path << ": tests live in test/");
    }
    for (const auto& path : manifest["benchmark"])
    {
        BOOST_CHECK_MESSAGE(path.rfind("benchmarks/", 0) == 0,
                            path << ": benchmarks live in benchmarks/");
    }
}

BOOST_AUTO_TEST_CASE(model_never_includes_helper)
{
    auto manifest = ReadManifest();
    std::set<std::string> helperHeaders;
    for (const auto& path : manifest["header"])
    {
        if (path.rfind("helper/", 0) == 0)
        {
            helperHeaders.insert(fs::path(path).filename().string());
        }
    }
    for (const auto& path : FilesUnder("model", {".cc", ".h"}))
    {
        std::ifstream in(fs::path(PPTP_SOURCE_DIR) / path);
        std::string line;
        while (std::getline(in, line))
        {
            for (const auto& header : helperHeaders)
            {
                BOOST_CHECK_MESSAGE(line.find("#include") == std::string::npos
                                        || line.find(header) == std::string::npos,
                                    path << " includes the helper header " << header);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(wscript_reads_the_same_list)
{
    // Run wscript's own reader and compare its answer with ours, kind by kind.
    std::string command = "cd '" + std::string(PPTP_SOURCE_DIR)
                          + "' && python3 -c \"import runpy; m = runpy.run_path('wscript'); "
                            "f = m['read_manifest']('.'); "
                            "[print(k, p) for k in sorted(f) for p in f[k]]\"";
    FILE* pipe = popen(command.c_str(), "r");
    BOOST_REQUIRE_MESSAGE(pipe, "cannot run python3");
    std::map<std::string, std::set<std::string>> fromWscript;
    std::array<char, 512> line{};
    while (fgets(line.data(), line.size(), pipe))
    {
        std::istringstream words(line.data());
        std::string kind;
        std::string path;
        if (words >> kind >> path)
        {
            fromWscript[kind].insert(path);
        }
    }
    BOOST_REQUIRE_EQUAL(pclose(pipe), 0);
    auto manifest = ReadManifest();
    for (const std::string kind : {"source", "header", "testlib", "test", "example", "benchmark"})
    {
        BOOST_CHECK_MESSAGE(manifest[kind] == fromWscript[kind],
                            "wscript and CMake disagree on the " << kind << " files");
    }
    BOOST_CHECK(!fromWscript["source"].empty());
}
