// Notification hooks (contract section 14): after a change is committed, the command line the
// config gives for its event runs under /bin/sh with the POV as JSON on stdin and POV_EVENT and
// POV_ID in its environment. No value of the record ever becomes part of a command line. A hook
// that fails or overruns is one warning: it never undoes the change nor changes the exit status.
#pragma once

#include "cli/context.hpp"
#include "pov/config.hpp"
#include "pov/record.hpp"

#include <chrono>
#include <string>
#include <vector>

namespace pov::cli {

// How one run of a hook's process ended.
struct ProcessEnd {
    enum class Kind { exited, signalled, timed_out, error };
    Kind kind = Kind::exited;
    int code = 0;      // the exit status, or the signal that ended it
    std::string error; // what went wrong running it: `cannot run /bin/sh: …`

    [[nodiscard]] bool ok() const { return kind == Kind::exited && code == 0; }
};

// Runs `command_line` with `/bin/sh -c` in a process group of its own, `environment` (NAME=value)
// as its whole environment, `input` on its stdin and its stdout and stderr both on our stderr.
// A process that does not read its stdin is not waited for. Past `limit` its process group gets
// SIGTERM, then SIGKILL a second later.
ProcessEnd run_process(const std::string& command_line, const std::string& input,
                       const std::vector<std::string>& environment, std::chrono::milliseconds limit);

// `environment` (NAME=value), with POV_EVENT and POV_ID set for `event` on POV `id`.
std::vector<std::string> hook_environment(std::vector<std::string> environment, HookEvent event, std::int64_t id);

// What a run that failed says in its warning: `exit 3`, `timed out after 10 s; killed`, …
std::string describe_failure(const ProcessEnd& end, std::chrono::milliseconds limit);

// Runs the hook the config gives for `event`, if any, on `pov` as just committed. Never throws a
// pov::Error: a hook that fails, or cannot be run, is one warning.
void run_hook(Context& context, HookEvent event, const Pov& pov);

} // namespace pov::cli
