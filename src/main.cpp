// pov: run the command line and turn every error into its exit code (contract section 10).
#include "cli/app.hpp"
#include "pov/error.hpp"

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string_view>
#include <unistd.h>

#include <fmt/format.h>

namespace {

bool no_color_asked(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        if (std::string_view(argv[i]) == "--no-color") {
            return true;
        }
    }
    const char* no_color = std::getenv("NO_COLOR");
    return no_color != nullptr && *no_color != '\0';
}

void print_error(const std::string& message, bool color)
{
    fmt::print(stderr, "{}pov: error:{} {}\n", color ? "\x1b[31m" : "", color ? "\x1b[0m" : "", message);
}

} // namespace

int main(int argc, char** argv)
{
    try {
        return pov::cli::run(argc, argv);
    } catch (const pov::Error& e) {
        print_error(e.what(), ::isatty(STDERR_FILENO) == 1 && !no_color_asked(argc, argv));
        for (const auto& line : e.details()) {
            fmt::print(stderr, "{}\n", line);
        }
        return static_cast<int>(e.code());
    } catch (const std::exception& e) {
        print_error(fmt::format("unexpected failure: {}", e.what()), false);
        return 1;
    }
}
