// pov: build the command line, run it, and exit with the code its outcome maps to (section 10).
#include "cli/app.hpp"

#include <csignal>

int main(int argc, char** argv)
{
    // A write past the file-size limit (ulimit -f) fails with EFBIG, which the store reports as
    // a storage error (exit 6, the database as it was), instead of SIGXFSZ killing pov mid-write.
    std::signal(SIGXFSZ, SIG_IGN);
    pov::cli::Context context;
    return pov::cli::run_guarded(context, [&] { return pov::cli::run(context, argc, argv); });
}
