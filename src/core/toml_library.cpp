// toml++'s compiled part, built into pov rather than linked from libtomlplusplus.so (see
// fmt_library.cpp): the one file that defines TOML_IMPLEMENTATION, as toml++ asks when it is
// not used header-only.
#define TOML_IMPLEMENTATION
#include <toml++/toml.h>
