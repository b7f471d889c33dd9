// Builds the `pov` command line and runs it.
#pragma once

#include "cli/context.hpp"
#include "pov/error.hpp"

#include <functional>

#include <CLI/CLI.hpp>

namespace pov::cli {

// The app's own settings and the global options (--db, --config, --today, --no-color, --quiet),
// which come before any command's.
void add_global_options(CLI::App& app, Context& context);

// Parses the arguments and runs the command; returns its exit status. pov::Error escapes to
// the caller, which turns it into an exit code.
int run(Context& context, int argc, char** argv);

// An error as section 10 wants it: `pov: error: …` on stderr, detail lines under it, control
// characters escaped, red only on a terminal without NO_COLOR or --no-color.
void print_error(const Context& context, const Error& error);

// Runs `work` and returns its exit status, or the status its error maps to, printing the error:
// pov::Error carries its own code; output that cannot be written is storage (6); anything else
// is a bug in pov (70, `pov: internal error: …`), never a code a script reads as an expected outcome.
int run_guarded(const Context& context, const std::function<int()>& work);

} // namespace pov::cli
