#include "cli/hooks.hpp"

#include "cli/output.hpp"
#include "pov/error.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

extern char** environ; // NOLINT: POSIX declares it nowhere

namespace pov::cli {

namespace {

using std::chrono::milliseconds;
using SteadyClock = std::chrono::steady_clock;

// After SIGTERM, how long a hook's process group has to end before SIGKILL.
constexpr milliseconds kill_grace{1000};
// How often a running hook is looked at when it has no more input to take.
constexpr milliseconds poll_step{10};

// What each event did, for the warning: `POV 4 was started all the same`. Indexed by HookEvent.
constexpr std::array<std::string_view, 4> done{"created", "qualified", "started", "closed"};

// A descriptor closed when it goes out of scope.
class Descriptor {
public:
    explicit Descriptor(int fd) : fd_(fd) {}
    ~Descriptor() { reset(); }
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;

    [[nodiscard]] int get() const { return fd_; }
    void reset()
    {
        if (fd_ >= 0) {
            ::close(fd_);
        }
        fd_ = -1;
    }

private:
    int fd_;
};

// A signal's disposition for as long as a hook runs, the old one restored after: SIGPIPE ignored,
// so a hook that exits without reading its stdin is an EPIPE and not the death of pov; SIGCHLD
// at its default, so the hook is ours to reap even when pov's parent left SIGCHLD ignored.
class SignalDisposition {
public:
    SignalDisposition(int signal, void (*handler)(int)) : signal_(signal)
    {
        struct sigaction action {};
        action.sa_handler = handler;
        sigemptyset(&action.sa_mask);
        ::sigaction(signal_, &action, &saved_);
    }
    ~SignalDisposition() { ::sigaction(signal_, &saved_, nullptr); }
    SignalDisposition(const SignalDisposition&) = delete;
    SignalDisposition& operator=(const SignalDisposition&) = delete;

private:
    int signal_;
    struct sigaction saved_ {};
};

// posix_spawn's file actions and attributes for a hook: `input` as its stdin, our stderr as its
// stdout and stderr, no other descriptor, a process group of its own, SIGPIPE at its default
// (ignored here) and no signal blocked.
class SpawnSetup {
public:
    SpawnSetup()
    {
        ::posix_spawn_file_actions_init(&actions_);
        ::posix_spawnattr_init(&attributes_);
    }
    ~SpawnSetup()
    {
        ::posix_spawn_file_actions_destroy(&actions_);
        ::posix_spawnattr_destroy(&attributes_);
    }
    SpawnSetup(const SpawnSetup&) = delete;
    SpawnSetup& operator=(const SpawnSetup&) = delete;

    // 0, or the error of the first step that failed.
    int prepare(int input)
    {
        sigset_t none;
        sigemptyset(&none);
        sigset_t defaults;
        sigemptyset(&defaults);
        sigaddset(&defaults, SIGPIPE);
        const short flags = POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK;
        for (const int error : {
                 ::posix_spawn_file_actions_adddup2(&actions_, input, STDIN_FILENO),
                 ::posix_spawn_file_actions_adddup2(&actions_, STDERR_FILENO, STDOUT_FILENO),
                 ::posix_spawn_file_actions_addclosefrom_np(&actions_, STDERR_FILENO + 1),
                 ::posix_spawnattr_setflags(&attributes_, flags),
                 ::posix_spawnattr_setpgroup(&attributes_, 0),
                 ::posix_spawnattr_setsigdefault(&attributes_, &defaults),
                 ::posix_spawnattr_setsigmask(&attributes_, &none),
             }) {
            if (error != 0) {
                return error;
            }
        }
        return 0;
    }

    [[nodiscard]] const posix_spawn_file_actions_t* actions() const { return &actions_; }
    [[nodiscard]] const posix_spawnattr_t* attributes() const { return &attributes_; }

private:
    posix_spawn_file_actions_t actions_{};
    posix_spawnattr_t attributes_{};
};

ProcessEnd failed(std::string_view what, int error)
{
    return {ProcessEnd::Kind::error, 0, fmt::format("{}: {}", what, std::strerror(error))};
}

// Whether the process has ended. It is left a zombie (WNOWAIT), so its pid, which names its
// process group, cannot be taken by another process before the group is killed.
bool has_ended(pid_t pid)
{
    siginfo_t info{};
    while (::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) != 0) {
        if (errno != EINTR) {
            return true; // nothing to wait for: reaped() says why
        }
    }
    return info.si_pid != 0;
}

void pause_for(milliseconds time)
{
    ::poll(nullptr, 0, static_cast<int>(time.count()));
}

// SIGTERM to the process group, then SIGKILL to whatever is left of it after the grace period.
void kill_group(pid_t pid)
{
    ::kill(-pid, SIGTERM);
    ::kill(-pid, SIGCONT); // a stopped process gets its SIGTERM too
    const auto deadline = SteadyClock::now() + kill_grace;
    while (!has_ended(pid) && SteadyClock::now() < deadline) {
        pause_for(poll_step);
    }
    // The leader, alive or a zombie, still holds the group's id.
    ::kill(-pid, SIGKILL);
}

ProcessEnd reaped(pid_t pid, bool timed_out)
{
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            return failed("cannot wait for it", errno);
        }
    }
    if (timed_out) {
        return {ProcessEnd::Kind::timed_out, 0, {}};
    }
    if (WIFSIGNALED(status)) {
        return {ProcessEnd::Kind::signalled, WTERMSIG(status), {}};
    }
    return {ProcessEnd::Kind::exited, WEXITSTATUS(status), {}};
}

// Feeds `input` to the process through `writer` (non-blocking) until it is all written, the
// process stops reading, the process ends or `deadline` passes; false when the deadline passed.
bool feed_until_end(pid_t pid, Descriptor& writer, const std::string& input, SteadyClock::time_point deadline)
{
    std::size_t written = 0;
    if (input.empty()) {
        writer.reset();
    }
    while (!has_ended(pid)) {
        const auto now = SteadyClock::now();
        if (now >= deadline) {
            return false;
        }
        const auto wait = std::min(poll_step, std::chrono::ceil<milliseconds>(deadline - now));
        // With all the input written the descriptor is -1, which poll ignores: a pause.
        pollfd ready{writer.get(), POLLOUT, 0};
        if (::poll(&ready, 1, static_cast<int>(wait.count())) <= 0 || writer.get() < 0) {
            continue;
        }
        if ((ready.revents & POLLOUT) == 0) {
            writer.reset(); // the process closed its stdin
            continue;
        }
        const auto n = ::write(writer.get(), input.data() + written, input.size() - written);
        if (n < 0) {
            if (errno != EAGAIN && errno != EINTR) {
                writer.reset(); // EPIPE: it stopped reading
            }
            continue;
        }
        written += static_cast<std::size_t>(n);
        if (written == input.size()) {
            writer.reset();
        }
    }
    return true;
}

// A copy of `fd` numbered above stdin, stdout and stderr, so that the child's dup2 onto them
// cannot overwrite it (pov may be started with one of them closed).
int above_standard(int fd)
{
    if (fd > STDERR_FILENO) {
        return fd;
    }
    const int moved = ::fcntl(fd, F_DUPFD_CLOEXEC, STDERR_FILENO + 1);
    ::close(fd);
    return moved;
}

std::vector<char*> pointers(std::vector<std::string>& strings)
{
    std::vector<char*> result;
    for (auto& text : strings) {
        result.push_back(text.data());
    }
    result.push_back(nullptr);
    return result;
}

// pov's own environment, passed on to a hook as it is.
std::vector<std::string> inherited_environment()
{
    std::vector<std::string> variables;
    for (char** variable = environ; variable != nullptr && *variable != nullptr; ++variable) {
        variables.emplace_back(*variable);
    }
    return variables;
}

} // namespace

ProcessEnd run_process(const std::string& command_line, const std::string& input,
                       const std::vector<std::string>& environment, std::chrono::milliseconds limit)
{
    const SignalDisposition no_sigpipe(SIGPIPE, SIG_IGN);
    const SignalDisposition reaped_here(SIGCHLD, SIG_DFL);
    std::array<int, 2> ends{};
    if (::pipe2(ends.data(), O_CLOEXEC) != 0) {
        return failed("cannot make a pipe", errno);
    }
    Descriptor writer(ends[1]);
    Descriptor reader(above_standard(ends[0]));
    if (reader.get() < 0) {
        return failed("cannot make a pipe", errno);
    }
    if (::fcntl(writer.get(), F_SETFL, O_NONBLOCK) != 0) {
        return failed("cannot make a pipe", errno);
    }

    SpawnSetup setup;
    if (const int error = setup.prepare(reader.get()); error != 0) {
        return failed("cannot run /bin/sh", error);
    }
    std::vector<std::string> arguments{"/bin/sh", "-c", command_line};
    auto variables = environment;
    const auto argv = pointers(arguments);
    const auto envp = pointers(variables);
    pid_t pid = 0;
    const int error = ::posix_spawn(&pid, "/bin/sh", setup.actions(), setup.attributes(), argv.data(), envp.data());
    reader.reset();
    if (error != 0) {
        return failed("cannot run /bin/sh", error);
    }

    const bool in_time = feed_until_end(pid, writer, input, SteadyClock::now() + limit);
    writer.reset();
    if (!in_time) {
        kill_group(pid);
    }
    return reaped(pid, !in_time);
}

std::vector<std::string> hook_environment(std::vector<std::string> environment, HookEvent event, std::int64_t id)
{
    std::erase_if(environment, [](const std::string& variable) {
        return variable.starts_with("POV_EVENT=") || variable.starts_with("POV_ID=");
    });
    environment.push_back(fmt::format("POV_EVENT={}", to_string(event)));
    environment.push_back(fmt::format("POV_ID={}", id));
    return environment;
}

std::string describe_failure(const ProcessEnd& end, std::chrono::milliseconds limit)
{
    switch (end.kind) {
    case ProcessEnd::Kind::exited:
        // The shell's own codes for a command it cannot find or cannot execute.
        if (end.code == 127) {
            return "exit 127: command not found";
        }
        if (end.code == 126) {
            return "exit 126: command not executable";
        }
        return fmt::format("exit {}", end.code);
    case ProcessEnd::Kind::signalled: return fmt::format("killed by signal {}", end.code);
    case ProcessEnd::Kind::timed_out:
        return limit.count() % 1000 == 0 ? fmt::format("timed out after {} s; killed", limit.count() / 1000)
                                         : fmt::format("timed out after {} ms; killed", limit.count());
    case ProcessEnd::Kind::error: return end.error;
    }
    return end.error;
}

void run_hook(Context& context, HookEvent event, const Pov& pov)
{
    const auto& hooks = context.config().hooks;
    if (!hooks.runs(event)) {
        return;
    }
    const std::chrono::milliseconds limit = std::chrono::seconds(hook_time_limit_seconds);
    std::string input;
    try {
        // The record as `pov show ID --json` prints it, risks and all.
        input = json_text(record_json(pov, context.tracker(OpenMode::existing).risks_of(pov)));
    } catch (const Error& error) {
        context.warn(fmt::format("hook {} not run: {}", hook_key(event), error.what()));
        return;
    }
    // pov's warnings come before the hook's output. stdout is left to pov's own end: a reader that
    // closed it early kills pov there, after the hook ran, as before hooks existed.
    std::fflush(stderr);
    const auto end =
        run_process(hooks.command(event), input, hook_environment(inherited_environment(), event, pov.id), limit);
    if (!end.ok()) {
        context.warn(fmt::format("hook {} failed ({}): POV {} was {} all the same", hook_key(event),
                                 describe_failure(end, limit), pov.id, done[static_cast<std::size_t>(event)]));
    }
}

} // namespace pov::cli
