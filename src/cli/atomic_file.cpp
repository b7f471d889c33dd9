#include "cli/atomic_file.hpp"

#include "pov/error.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

#include <fmt/format.h>

namespace pov::cli {

void write_file_atomically(const std::filesystem::path& target, std::string_view content)
{
    const auto fail = [&](const char* reason) {
        throw Error(Exit::storage, fmt::format("cannot write {}: {}", target.string(), reason));
    };
    auto folder = target.parent_path();
    if (folder.empty()) {
        folder = ".";
    }
    std::error_code error;
    if (std::filesystem::is_directory(target, error)) {
        fail("it is a folder");
    }
    std::string temporary = (folder / ("." + target.filename().string() + ".XXXXXX")).string();
    const int fd = ::mkstemp(temporary.data()); // mode 0600
    if (fd < 0) {
        fail(std::strerror(errno));
    }
    const auto discard = [&](int saved_errno) {
        ::close(fd);
        ::unlink(temporary.c_str());
        fail(std::strerror(saved_errno));
    };
    std::size_t written = 0;
    while (written < content.size()) {
        const auto n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            discard(errno);
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) {
        discard(errno);
    }
    if (::close(fd) != 0) {
        const int saved = errno;
        ::unlink(temporary.c_str());
        fail(std::strerror(saved));
    }
    if (::rename(temporary.c_str(), target.c_str()) != 0) {
        const int saved = errno;
        ::unlink(temporary.c_str());
        fail(std::strerror(saved));
    }
}

void write_output(const std::string& output, std::string_view content)
{
    if (output.empty()) {
        fmt::print("{}", content);
        return;
    }
    write_file_atomically(output, content);
}

} // namespace pov::cli
