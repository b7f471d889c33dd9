// Notification hooks (contract section 14): the process a hook runs in (stdin, environment, exit,
// time limit), and the words of its warning. The commands that fire them: tests/cli/test_hooks.sh.
#include "cli/hooks.hpp"
#include "helpers.hpp"

#include <chrono>
#include <fstream>
#include <string>
#include <thread>

using namespace pov;
using cli::ProcessEnd;
using cli::run_process;
using std::chrono::milliseconds;
using test::contains;
using test::TempDir;

namespace {

constexpr milliseconds generous{10'000};

ProcessEnd run(const std::string& command_line, const std::string& input = {},
               const std::vector<std::string>& environment = {"PATH=/usr/bin:/bin"}, milliseconds limit = generous)
{
    return run_process(command_line, input, environment, limit);
}

// The state letter of /proc/PID/stat, or empty when there is no such process.
std::string process_state(const std::string& pid)
{
    std::ifstream stat("/proc/" + pid + "/stat");
    std::string ignored;
    std::string state;
    // pid, (comm) — a sleep's comm has no spaces — then the state.
    stat >> ignored >> ignored >> state;
    return state;
}

} // namespace

TEST_CASE("a hook's exit status is its end")
{
    CHECK(run("exit 0").ok());
    const auto end = run("exit 3");
    CHECK(end.kind == ProcessEnd::Kind::exited);
    CHECK(end.code == 3);
    CHECK_FALSE(end.ok());
    CHECK(run("kill -9 $$").kind == ProcessEnd::Kind::signalled);
    CHECK(run("kill -9 $$").code == 9);
    CHECK(run("no-such-command-for-pov-hooks 2>/dev/null").code == 127);
}

TEST_CASE("a hook gets its input on stdin, whole")
{
    TempDir dir;
    std::string input;
    for (int i = 0; i < 20'000; ++i) {
        input += "line " + std::to_string(i) + " of a record far larger than a pipe holds\n";
    }
    const auto copy = dir / "stdin";
    REQUIRE(run("cat >'" + copy.string() + "'", input).ok());
    CHECK(test::read_bytes(copy) == input);
    CHECK(run("cat >/dev/null").ok()); // empty input: stdin at its end at once
}

TEST_CASE("a hook that does not read its stdin is not waited for")
{
    const std::string input(1'000'000, 'x');
    const auto began = std::chrono::steady_clock::now();
    CHECK(run("exit 0", input).ok());
    CHECK(run("exec 0<&-; sleep 0.2", input).ok());
    CHECK(std::chrono::steady_clock::now() - began < std::chrono::seconds(5));
}

TEST_CASE("a hook gets exactly the environment it is given")
{
    const auto environment =
        cli::hook_environment({"PATH=/usr/bin:/bin", "POV_EVENT=stale", "POV_ID=99", "KEEP=me"}, HookEvent::start, 7);
    CHECK(environment == std::vector<std::string>{"PATH=/usr/bin:/bin", "KEEP=me", "POV_EVENT=start", "POV_ID=7"});
    CHECK(run(R"(test "$POV_EVENT" = start && test "$POV_ID" = 7 && test "$KEEP" = me)", {}, environment).ok());
    CHECK_FALSE(run(R"(test -n "$HOME")", {}, {"PATH=/usr/bin:/bin"}).ok());
}

TEST_CASE("a hook past its limit is killed with its whole process group")
{
    TempDir dir;
    const auto child = dir / "child";
    const auto began = std::chrono::steady_clock::now();
    const auto end = run("sleep 30 & echo $! >'" + child.string() + "'; sleep 30", std::string(200'000, 'x'),
                         {"PATH=/usr/bin:/bin"}, milliseconds(300));
    const auto took = std::chrono::steady_clock::now() - began;
    CHECK(end.kind == ProcessEnd::Kind::timed_out);
    CHECK(took >= milliseconds(300));
    CHECK(took < std::chrono::seconds(3));
    // The background child got the signals too: within a moment it is gone, or a zombie awaiting
    // its new parent.
    auto pid = test::read_bytes(child);
    REQUIRE_FALSE(pid.empty());
    pid.pop_back();
    std::string state = process_state(pid);
    for (int i = 0; i < 100 && !state.empty() && state != "Z"; ++i) {
        std::this_thread::sleep_for(milliseconds(10));
        state = process_state(pid);
    }
    CHECK((state.empty() || state == "Z"));
}

TEST_CASE("a hook that ignores SIGTERM is killed a moment later")
{
    const auto began = std::chrono::steady_clock::now();
    const auto end = run("trap '' TERM; sleep 30", {}, {"PATH=/usr/bin:/bin"}, milliseconds(200));
    CHECK(end.kind == ProcessEnd::Kind::timed_out);
    CHECK(std::chrono::steady_clock::now() - began < std::chrono::seconds(4));
}

TEST_CASE("a failed hook's warning says how it failed")
{
    const milliseconds limit = std::chrono::seconds(hook_time_limit_seconds);
    using Kind = ProcessEnd::Kind;
    CHECK(cli::describe_failure({Kind::exited, 3, {}}, limit) == "exit 3");
    CHECK(cli::describe_failure({Kind::exited, 127, {}}, limit) == "exit 127: command not found");
    CHECK(cli::describe_failure({Kind::exited, 126, {}}, limit) == "exit 126: command not executable");
    CHECK(cli::describe_failure({Kind::signalled, 9, {}}, limit) == "killed by signal 9");
    CHECK(cli::describe_failure({Kind::timed_out, 0, {}}, limit) == "timed out after 10 s; killed");
    CHECK(cli::describe_failure({Kind::timed_out, 0, {}}, milliseconds(250)) == "timed out after 250 ms; killed");
    CHECK(cli::describe_failure({Kind::error, 0, "cannot run /bin/sh: E"}, limit) == "cannot run /bin/sh: E");
}

TEST_CASE("each event has its key and its POV_EVENT spelling")
{
    CHECK(hook_key(HookEvent::create) == "on_create");
    CHECK(hook_key(HookEvent::qualify) == "on_qualify");
    CHECK(hook_key(HookEvent::start) == "on_start");
    CHECK(hook_key(HookEvent::close) == "on_close");
    CHECK(to_string(HookEvent::qualify) == "qualify");
    Hooks hooks{"notify create", "", " \t", "notify close"};
    CHECK(hooks.runs(HookEvent::create));
    CHECK_FALSE(hooks.runs(HookEvent::qualify));
    CHECK_FALSE(hooks.runs(HookEvent::start)); // blank: nothing to run
    CHECK(hooks.command(HookEvent::close) == "notify close");
}
