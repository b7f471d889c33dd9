// Builds the `pov` command line and runs it.
#pragma once

namespace pov::cli {

// Parses the arguments and runs the command; returns its exit status. pov::Error escapes to
// the caller, which turns it into an exit code.
int run(int argc, char** argv);

} // namespace pov::cli
