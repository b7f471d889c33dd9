// Writing a whole file so that a reader never sees half of it.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace pov::cli {

// A file written piece by piece that appears whole or not at all: the pieces go to a temporary
// file (mode 0600) in the target's folder, which commit() renames over the target. Destroyed
// without commit() it leaves no temporary file and the old file as it was. Creates no folders;
// a symlink is written through to its target. Failures throw pov::Error (storage) naming the file.
class AtomicFile {
public:
    explicit AtomicFile(std::filesystem::path target);
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;
    ~AtomicFile();

    void write(std::string_view content);
    void commit();

private:
    [[noreturn]] void fail(const char* reason);
    void flush();
    void discard() noexcept;

    std::filesystem::path target_;
    std::string temporary_;
    int fd_ = -1;
    std::string buffer_;
};

// Where a command's document goes (`--output FILE`): stdout when `output` is empty or `-`, else
// an AtomicFile that commit() puts in place.
class Output {
public:
    explicit Output(const std::string& output);

    void write(std::string_view content);
    void commit();

private:
    std::optional<AtomicFile> file_;
};

void write_file_atomically(const std::filesystem::path& target, std::string_view content);

// A command's `--output`: the file written atomically, or stdout when `output` is empty or `-`.
void write_output(const std::string& output, std::string_view content);

} // namespace pov::cli
