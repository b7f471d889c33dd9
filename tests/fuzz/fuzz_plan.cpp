// libFuzzer target: the plan (TOML) loader of `create --from`, `set --from` and `pov edit`. Any
// text is a plan or pov::Error; toml++'s own exceptions must never escape.
#include "pov/error.hpp"
#include "pov/plan.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const pov::Date today{std::chrono::year{2026}, std::chrono::month{3}, std::chrono::day{2}};
    try {
        (void)pov::parse_plan(text, "fuzz.toml", today);
    } catch (const pov::Error&) {
    }
    return 0;
}
