// libFuzzer target: the money parser (contract section 2: digits, `k`/`M`, `$`, commas grouping
// three digits). Any input is a whole number of dollars, never negative, or pov::Error.
#include "pov/error.hpp"
#include "pov/values.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        if (pov::parse_money(text, "--net-arr") < 0) {
            std::abort(); // money is never negative
        }
    } catch (const pov::Error&) {
    }
    return 0;
}
