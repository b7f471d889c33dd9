// pov: run the command line and turn every error into its exit code (contract section 10).
#include "cli/app.hpp"
#include "pov/error.hpp"

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <unistd.h>

#include <fmt/format.h>

namespace {

void print_error(const std::string& message)
{
    const bool color = ::isatty(STDERR_FILENO) == 1 && std::getenv("NO_COLOR") == nullptr;
    fmt::print(stderr, "{}pov: error:{} {}\n", color ? "\x1b[31m" : "", color ? "\x1b[0m" : "", message);
}

} // namespace

int main(int argc, char** argv)
{
    try {
        return pov::cli::run(argc, argv);
    } catch (const pov::Error& e) {
        print_error(e.what());
        for (const auto& line : e.details()) {
            fmt::print(stderr, "{}\n", line);
        }
        return static_cast<int>(e.code());
    } catch (const std::exception& e) {
        print_error(fmt::format("unexpected failure: {}", e.what()));
        return 1;
    }
}
