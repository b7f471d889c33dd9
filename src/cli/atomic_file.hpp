// Writing a whole file so that a reader never sees half of it.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace pov::cli {

// Writes `content` to a temporary file (mode 0600) in the target's folder, then renames it over
// the target. Creates no folders. On failure the old file stays as it was, no temporary file
// is left, and pov::Error (storage) names the file.
void write_file_atomically(const std::filesystem::path& target, std::string_view content);

// A command's `--output`: the file written atomically, or stdout when `output` is empty.
void write_output(const std::string& output, std::string_view content);

} // namespace pov::cli
