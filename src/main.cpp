// pov: run the command line and turn every error into its exit code (contract section 10).
#include "cli/app.hpp"

#include <exception>
#include <system_error>

int main(int argc, char** argv)
{
    pov::cli::Context context;
    try {
        return pov::cli::run(context, argc, argv);
    } catch (const pov::Error& e) {
        pov::cli::print_error(context, e);
        return static_cast<int>(e.code());
    } catch (const std::system_error& e) {
        // Output that cannot be written: a full disk, a closed pipe.
        pov::cli::print_error(context, pov::Error(pov::Exit::storage, e.what()));
        return static_cast<int>(pov::Exit::storage);
    } catch (const std::exception& e) {
        // Anything else is a bug: exit 70, never a code a script reads as an expected outcome.
        pov::cli::print_internal_error(context, e.what());
        return static_cast<int>(pov::Exit::internal);
    } catch (...) {
        pov::cli::print_internal_error(context, "unknown exception");
        return static_cast<int>(pov::Exit::internal);
    }
}
