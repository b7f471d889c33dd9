// Builds the `pov` command line and runs it.
#pragma once

#include "cli/context.hpp"
#include "pov/error.hpp"

namespace pov::cli {

// Parses the arguments and runs the command; returns its exit status. pov::Error escapes to
// the caller, which turns it into an exit code.
int run(Context& context, int argc, char** argv);

// An error as section 10 wants it: `pov: error: …` on stderr, detail lines under it, control
// characters escaped, red only on a terminal without NO_COLOR or --no-color.
void print_error(const Context& context, const Error& error);

// A bug in pov (exit 70): `pov: internal error: …`, so it is never mistaken for a user's error.
void print_internal_error(const Context& context, std::string_view what);

} // namespace pov::cli
