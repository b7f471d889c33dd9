// Shared helpers of the unit tests: dates, expected errors, temporary folders, printable values.
#pragma once

#include "pov/date.hpp"
#include "pov/enums.hpp"
#include "pov/error.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <system_error>
#include <utility>

#include <catch2/catch.hpp>

namespace test {

// A date the test knows is valid.
inline pov::Date day(const char* text)
{
    const auto date = pov::parse_iso_date(text);
    if (!date) {
        throw std::invalid_argument(std::string("test date is not a day: ") + text);
    }
    return *date;
}

// The pov::Error that `work` throws, or nullopt when it throws none.
template <typename Work> std::optional<pov::Error> error_of(Work&& work)
{
    try {
        std::forward<Work>(work)();
    } catch (const pov::Error& e) {
        return e;
    }
    return std::nullopt;
}

// The exit code `work` ends with: its error's code, or ok when it throws none.
template <typename Work> pov::Exit exit_of(Work&& work)
{
    const auto error = error_of(std::forward<Work>(work));
    return error ? error->code() : pov::Exit::ok;
}

inline bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

// A fresh folder under the system's temporary folder, removed with everything in it.
class TempDir {
public:
    TempDir()
    {
        auto pattern = (std::filesystem::temp_directory_path() / "pov-unit-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) {
            throw std::runtime_error("cannot create a temporary folder");
        }
        path_ = pattern;
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir()
    {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }

    [[nodiscard]] const std::filesystem::path& path() const { return path_; }
    [[nodiscard]] std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

inline std::string read_bytes(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void write_bytes(const std::filesystem::path& path, const std::string& bytes)
{
    std::ofstream out(path, std::ios::binary);
    out << bytes;
}

// Text that breaks naive quoting: quotes, backslashes, SQL, emoji, accents, newlines.
inline const std::string hostile_line = "Robert'); DROP TABLE povs;-- \"quoted\" \\back\\slash 🚀 Zoë ünïcödé %s {}";
inline const std::string hostile_multiline = "line one\nline \"two\"\r\n\ttabbed; DELETE FROM events; 🎯\n\\n 'end'";

} // namespace test

// Readable failure messages for the values the tests compare.
namespace Catch {
template <> struct StringMaker<pov::Exit> {
    static std::string convert(pov::Exit code)
    {
        constexpr const char* names[] = {"ok",        "check_failed", "usage",   "invalid",
                                         "not_found", "conflict",     "storage", "config"};
        const auto index = static_cast<int>(code);
        return index >= 0 && index < 8 ? std::string("Exit::") + names[index] : std::to_string(index);
    }
};
template <> struct StringMaker<pov::Date> {
    static std::string convert(const pov::Date& date) { return pov::format_date(date); }
};
template <> struct StringMaker<pov::Risk> {
    static std::string convert(pov::Risk risk) { return std::string(pov::to_string(risk)); }
};
template <> struct StringMaker<pov::Status> {
    static std::string convert(pov::Status status) { return std::string(pov::to_string(status)); }
};
template <> struct StringMaker<pov::EventKind> {
    static std::string convert(pov::EventKind kind) { return std::string(pov::to_string(kind)); }
};
} // namespace Catch

// CHECK that an expression throws pov::Error with the given exit code (ok: throws nothing).
#define CHECK_EXIT(expression, code) CHECK(::test::exit_of([&] { (void)(expression); }) == (code))
#define REQUIRE_EXIT(expression, code) REQUIRE(::test::exit_of([&] { (void)(expression); }) == (code))
