// pov: build the command line, run it, and exit with the code its outcome maps to (section 10).
#include "cli/app.hpp"

int main(int argc, char** argv)
{
    pov::cli::Context context;
    return pov::cli::run_guarded(context, [&] { return pov::cli::run(context, argc, argv); });
}
