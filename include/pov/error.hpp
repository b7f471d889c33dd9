// The one error type of the core: a message and the exit code it maps to (contract section 10).
#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace pov {

// Exit codes are part of the interface: scripts test them.
enum class Exit : int {
    ok = 0,
    check_failed = 1, // qualify not met, db check found damage
    usage = 2,        // unknown option, malformed value, unknown choice
    invalid = 3,      // a well-formed value that a rule rejects
    not_found = 4,    // no such POV, capability or input file
    conflict = 5,     // the POV's state or its SA's load forbids it
    storage = 6,      // database locked, damaged, newer, unwritable file
    config = 7,       // config file unreadable or invalid
    internal = 70,    // a bug in pov (EX_SOFTWARE); never an expected failure
};

class Error : public std::runtime_error {
public:
    Error(Exit code, std::string message, std::vector<std::string> details = {})
        : std::runtime_error(std::move(message)), code_(code), details_(std::move(details))
    {
    }

    [[nodiscard]] Exit code() const noexcept { return code_; }
    // Extra lines shown under the error line (e.g. the command that fixes each problem).
    [[nodiscard]] const std::vector<std::string>& details() const noexcept { return details_; }

private:
    Exit code_;
    std::vector<std::string> details_;
};

} // namespace pov
