#include "cli/atomic_file.hpp"

#include "pov/error.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

#include <fmt/format.h>

namespace pov::cli {

namespace {

namespace fs = std::filesystem;

// Pieces are gathered up to this size before they are written.
constexpr std::size_t buffer_bytes = std::size_t{1} << 20;

// The file a symlink leads to (even one not there yet), so that writing replaces the target,
// not the link.
fs::path through_links(fs::path target)
{
    std::error_code error;
    for (int hops = 0; hops < 40 && fs::is_symlink(target, error); ++hops) {
        const auto next = fs::read_symlink(target, error);
        if (error) {
            break;
        }
        target = next.is_absolute() ? next : target.parent_path() / next;
    }
    return target;
}

} // namespace

AtomicFile::AtomicFile(fs::path target) : target_(through_links(target))
{
    auto folder = target_.parent_path();
    if (folder.empty()) {
        folder = ".";
    }
    // Only a regular file is replaced: a folder or a device (/dev/stdout) is refused (section 6).
    std::error_code error;
    const auto status = fs::status(target, error);
    if (fs::is_directory(status)) {
        target_ = target;
        fail("it is a folder; name a file (or use - for stdout)");
    }
    if (fs::exists(status) && !fs::is_regular_file(status)) {
        target_ = target;
        fail("it is a device, not a file; use - for stdout");
    }
    temporary_ = (folder / ("." + target_.filename().string() + ".XXXXXX")).string();
    fd_ = ::mkstemp(temporary_.data()); // mode 0600
    if (fd_ < 0) {
        temporary_.clear();
        fail(std::strerror(errno));
    }
}

AtomicFile::~AtomicFile()
{
    discard();
}

void AtomicFile::fail(const char* reason)
{
    throw Error(Exit::storage, fmt::format("cannot write {}: {}", target_.string(), reason));
}

void AtomicFile::discard() noexcept
{
    if (fd_ >= 0) {
        ::close(fd_);
        fd_ = -1;
    }
    if (!temporary_.empty()) {
        ::unlink(temporary_.c_str());
        temporary_.clear();
    }
}

void AtomicFile::write(std::string_view content)
{
    buffer_ += content;
    if (buffer_.size() >= buffer_bytes) {
        flush();
    }
}

void AtomicFile::flush()
{
    std::size_t written = 0;
    while (written < buffer_.size()) {
        const auto n = ::write(fd_, buffer_.data() + written, buffer_.size() - written);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            const int saved = errno;
            discard();
            fail(std::strerror(saved));
        }
        written += static_cast<std::size_t>(n);
    }
    buffer_.clear();
}

void AtomicFile::commit()
{
    flush();
    if (::fsync(fd_) != 0) {
        const int saved = errno;
        discard();
        fail(std::strerror(saved));
    }
    const int closed = ::close(fd_);
    fd_ = -1;
    if (closed != 0 || ::rename(temporary_.c_str(), target_.c_str()) != 0) {
        const int saved = errno;
        discard();
        fail(std::strerror(saved));
    }
    temporary_.clear();
}

Output::Output(const std::string& output)
{
    if (!output.empty() && output != "-") {
        file_.emplace(output);
    }
}

void Output::write(std::string_view content)
{
    if (file_) {
        file_->write(content);
    } else {
        std::fwrite(content.data(), 1, content.size(), stdout);
    }
}

void Output::commit()
{
    if (file_) {
        file_->commit();
    }
}

void write_file_atomically(const fs::path& target, std::string_view content)
{
    AtomicFile file(target);
    file.write(content);
    file.commit();
}

void write_output(const std::string& output, std::string_view content)
{
    Output out(output);
    out.write(content);
    out.commit();
}

} // namespace pov::cli
