#include "cli/editor.hpp"

#include "pov/error.hpp"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <fstream>
#include <iterator>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

#include <fmt/format.h>

extern char** environ; // NOLINT: POSIX declares it for posix_spawn's callers

namespace pov::cli {

namespace {

namespace fs = std::filesystem;

fs::path temporary_folder()
{
    std::error_code error;
    auto folder = fs::temp_directory_path(error);
    return error ? fs::path("/tmp") : folder;
}

// Writes all of `text` to `fd`; false (errno set) when it cannot.
bool write_all(int fd, std::string_view text)
{
    while (!text.empty()) {
        const auto n = ::write(fd, text.data(), text.size());
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return false;
        }
        text.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

// Closes `fd` after writing `text` to it; the errno of the first failure, or 0.
int write_and_close(int fd, std::string_view text)
{
    const int written = write_all(fd, text) ? 0 : errno;
    const int closed = ::close(fd) == 0 ? 0 : errno;
    return written != 0 ? written : closed;
}

// A private temporary file (mkstemps: 0600), removed when it goes out of scope.
class TemporaryFile {
public:
    TemporaryFile(std::string_view stem, std::string_view text)
        : path_((temporary_folder() / fmt::format("{}-XXXXXX.toml", stem)).string())
    {
        const int fd = ::mkstemps(path_.data(), 5);
        if (fd < 0) {
            throw Error(Exit::storage,
                        fmt::format("cannot create a temporary file {}: {}", path_, std::strerror(errno)));
        }
        if (const int error = write_and_close(fd, text); error != 0) {
            ::unlink(path_.c_str());
            throw Error(Exit::storage, fmt::format("cannot write {}: {}", path_, std::strerror(error)));
        }
    }
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;
    ~TemporaryFile() { ::unlink(path_.c_str()); }

    [[nodiscard]] const std::string& path() const { return path_; }

private:
    std::string path_;
};

// While the editor runs, Ctrl-C and Ctrl-\ are the editor's: pov ignores them and waits, as git
// does; the editor gets them back at their defaults.
class EditorSignals {
public:
    EditorSignals()
    {
        struct sigaction ignore {};
        ignore.sa_handler = SIG_IGN;
        sigemptyset(&ignore.sa_mask);
        ::sigaction(SIGINT, &ignore, &interrupt_);
        ::sigaction(SIGQUIT, &ignore, &quit_);
    }
    EditorSignals(const EditorSignals&) = delete;
    EditorSignals& operator=(const EditorSignals&) = delete;
    ~EditorSignals()
    {
        ::sigaction(SIGINT, &interrupt_, nullptr);
        ::sigaction(SIGQUIT, &quit_, nullptr);
    }

private:
    struct sigaction interrupt_ {};
    struct sigaction quit_ {};
};

// Runs the editor on `path` and waits: nullopt when it succeeded, else what went wrong.
std::optional<std::string> run_editor(const std::string& editor, const std::string& path)
{
    std::fflush(nullptr);
    std::string shell = "sh";
    std::string option = "-c";
    std::string script = editor + " \"$@\"";
    std::string name = "editor";
    std::string file = path;
    std::vector<char*> argv{shell.data(), option.data(), script.data(), name.data(), file.data(), nullptr};

    posix_spawnattr_t attributes;
    ::posix_spawnattr_init(&attributes);
    sigset_t defaults;
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGINT);
    sigaddset(&defaults, SIGQUIT);
    ::posix_spawnattr_setsigdefault(&attributes, &defaults);
    ::posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGDEF);

    const EditorSignals signals;
    pid_t pid = 0;
    const int spawned = ::posix_spawn(&pid, "/bin/sh", nullptr, &attributes, argv.data(), environ);
    ::posix_spawnattr_destroy(&attributes);
    if (spawned != 0) {
        return fmt::format("cannot run the editor '{}': {}", editor, std::strerror(spawned));
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            return fmt::format("cannot wait for the editor '{}': {}", editor, std::strerror(errno));
        }
    }
    if (WIFSIGNALED(status)) {
        return fmt::format("the editor '{}' was stopped by signal {}", editor, WTERMSIG(status));
    }
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : 1;
    if (code == 127) {
        return fmt::format("the editor '{}' was not found (exit 127); set VISUAL or EDITOR", editor);
    }
    if (code != 0) {
        return fmt::format("the editor '{}' exited with status {}", editor, code);
    }
    return std::nullopt;
}

std::optional<std::string> read_text(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return std::nullopt;
    }
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A new file `name` (or `name` with -2, -3 … before .toml) in `folder`, made private; its path.
std::optional<fs::path> write_new_file(const fs::path& folder, std::string_view name, std::string_view text)
{
    std::error_code error;
    if (!fs::is_directory(folder, error)) {
        fs::create_directories(folder, error);
        fs::permissions(folder, fs::perms::owner_all, error);
        if (error) {
            return std::nullopt;
        }
    }
    const auto stem = fs::path(name).stem().string();
    for (int attempt = 1; attempt < 100; ++attempt) {
        const auto path = folder / (attempt == 1 ? std::string(name) : fmt::format("{}-{}.toml", stem, attempt));
        const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd < 0 && errno == EEXIST) {
            continue;
        }
        if (fd < 0 || write_and_close(fd, text) != 0) {
            return std::nullopt;
        }
        return path;
    }
    return std::nullopt;
}

} // namespace

Edited edit_in_editor(const std::string& editor, std::string_view stem, const std::string& text)
{
    const TemporaryFile file(stem, text);
    Edited edited{text, run_editor(editor, file.path())};
    if (auto saved = read_text(file.path())) {
        edited.text = std::move(*saved);
    } else if (!edited.failure) {
        edited.failure = fmt::format("the edited file {} is gone", file.path());
    }
    return edited;
}

std::string kept_edit_name(std::string_view stem)
{
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return fmt::format("{}-{:04}{:02}{:02}-{:02}{:02}{:02}.toml", stem, local.tm_year + 1900, local.tm_mon + 1,
                       local.tm_mday, local.tm_hour, local.tm_min, local.tm_sec);
}

fs::path keep_edit(const std::optional<fs::path>& folder, std::string_view name, std::string_view text)
{
    if (folder) {
        if (auto kept = write_new_file(*folder, name, text)) {
            return *kept;
        }
    }
    if (auto kept = write_new_file(temporary_folder(), name, text)) {
        return *kept;
    }
    throw Error(Exit::storage, fmt::format("cannot keep the edited plan {} in {} or {}", name,
                                           folder ? folder->string() : "the data folder", temporary_folder().string()));
}

} // namespace pov::cli
