#include "cli/plan_file.hpp"

#include "pov/error.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

namespace pov::cli {

CLI::Option* from_option(Command& command, std::optional<std::string>& target)
{
    return command
        .text("--from", target,
              "Take the fields from a TOML plan (see pov plan template; - reads stdin); options "
              "on the line win")
        ->type_name("FILE");
}

Plan read_plan_file(const std::string& path, Date today)
{
    std::ostringstream text;
    if (path == "-") {
        text << std::cin.rdbuf();
        return parse_plan(text.str(), "<stdin>", today);
    }
    std::error_code error;
    const auto status = std::filesystem::status(path, error);
    if (!std::filesystem::exists(status)) {
        throw Error(Exit::not_found, fmt::format("no plan file {}; write one with pov plan template > {}", path, path));
    }
    if (std::filesystem::is_directory(status)) {
        throw Error(Exit::not_found, fmt::format("cannot read plan {}: it is a folder", path));
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw Error(Exit::not_found, fmt::format("cannot read plan {}: {}", path, std::strerror(errno)));
    }
    text << in.rdbuf();
    return parse_plan(text.str(), path, today);
}

} // namespace pov::cli
