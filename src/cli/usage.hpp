// Usage mistakes said the way a person can fix them (contract section 6): an unknown command or
// option named with the nearest one, `pov help [COMMAND…]`, and a group given without its
// subcommand listing them.
#pragma once

#include "pov/error.hpp"

#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace pov::cli {

// `pov help [COMMAND…]`: the same as `pov [COMMAND…] --help`. add_help_command lists it with the
// commands; answer_help prints the help when the line asks for it, and says whether it did.
void add_help_command(CLI::App& app);
bool answer_help(CLI::App& app, const std::vector<std::string>& typed);

// Where the command word is in `typed` (the arguments after the program name): after the
// options of `app` and their values (`pov --db x.db list`); typed.size() when there is none.
std::size_t command_word(const CLI::App& app, const std::vector<std::string>& typed);

// The command given last on a parsed line: `cap add` for `pov cap add 1 T`; the app itself when
// no command was given.
CLI::App& deepest_command(CLI::App& app);

// When `command` is a group (it has public subcommands) given without one, and without the
// arguments of its own it may take (`pov journal ID`): the usage error that lists them.
std::optional<Error> bare_group(CLI::App& command);

// The usage error for arguments CLI11 did not expect, in the order they were typed:
// `unknown command 'lst'; did you mean 'list'?`, `unknown option '--stauts'; did you mean
// '--status'?`, else the arguments not expected.
Error unexpected_arguments(CLI::App& app, const std::vector<std::string>& typed);

// The closest of `candidates` to `typed` (a few edits away, or one it begins), else empty.
std::string nearest(const std::string& typed, const std::vector<std::string>& candidates);

} // namespace pov::cli
