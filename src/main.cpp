// pov: build the command line, run it, and exit with the code its outcome maps to (section 10).
#include "cli/app.hpp"
#include "pov/error.hpp"
#include "pov/version.hpp"

#include <csignal>
#include <cstdio>
#include <cstring>

int main(int argc, char** argv)
{
    // `pov --version` alone answers before the command line is built (scripts ask it often);
    // with other arguments the parser answers it, the same way.
    if (argc == 2 && std::strcmp(argv[1], "--version") == 0) {
        return std::printf("pov %s\n", pov::version) < 0 || std::fflush(stdout) != 0
                   ? static_cast<int>(pov::Exit::storage)
                   : 0;
    }
    // A write past the file-size limit (ulimit -f) fails with EFBIG, which the store reports as
    // a storage error (exit 6, the database as it was), instead of SIGXFSZ killing pov mid-write.
    std::signal(SIGXFSZ, SIG_IGN);
    pov::cli::Context context;
    return pov::cli::run_guarded(context, [&] { return pov::cli::run(context, argc, argv); });
}
