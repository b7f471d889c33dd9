// `pov edit`'s side of the system: a private temporary file, the user's editor run on it as git
// runs it, and a kept copy of an edit that could not be applied. The core never does any of this.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace pov::cli {

// The file as the editor left it.
struct Edited {
    std::string text;
    // Why the editor failed (exited non-zero, was killed, could not run): nothing is applied.
    std::optional<std::string> failure;
};

// Writes `text` to a private temporary file (0600) `<stem>-XXXXXX.toml`, runs `editor` on it and
// waits, reads the file back and removes it. Like git, it runs `sh -c '<editor> "$@"' editor
// <path>`: the editor may carry arguments (`code -w`), and the path is an argument, never part of
// a command line. The editor inherits stdin, stdout and stderr, terminal or not.
Edited edit_in_editor(const std::string& editor, std::string_view stem, const std::string& text);

// The name under which an edit is kept: `<stem>-<local time>.toml` (pov-3-20260302-091500.toml).
std::string kept_edit_name(std::string_view stem);

// Saves text the user typed that could not be applied as a new private file (0600) `name` in
// `folder` (made 0700 when missing; `-2`, `-3`… added when the name is taken), else in the
// temporary folder; returns its path. Throws pov::Error (storage) when neither can be written.
std::filesystem::path keep_edit(const std::optional<std::filesystem::path>& folder, std::string_view name,
                                std::string_view text);

} // namespace pov::cli
