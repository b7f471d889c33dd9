// libFuzzer target: the date parser (contract section 2). Any input either parses to a real
// calendar day or throws pov::Error; an ISO date parsed back from its own text is the same day.
#include "pov/date.hpp"
#include "pov/error.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const pov::Date today{std::chrono::year{2026}, std::chrono::month{3}, std::chrono::day{2}};
    try {
        const pov::Date date = pov::parse_date(text, today);
        if (!date.ok()) {
            std::abort(); // parse_date returned a day that does not exist
        }
        const auto again = pov::parse_iso_date(pov::format_date(date));
        if (!again || *again != date) {
            std::abort(); // format_date and parse_iso_date disagree
        }
    } catch (const pov::Error&) {
        // refused with a message: expected for most inputs
    }
    return 0;
}
