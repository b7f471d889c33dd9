// The streaming JSON reader import uses, and the compact writer the store and export use: both
// must agree with nlohmann's parse() and dump() byte for byte.
#include "helpers.hpp"

#include "core/json_reader.hpp"
#include "pov/json_text.hpp"

#include <sstream>

using namespace pov;
using test::contains;

namespace {

Json read(const std::string& text)
{
    std::istringstream in(text);
    json::TreeBuilder builder;
    json::Reader(in).parse(builder);
    return builder.result();
}

std::string error_reading(const std::string& text)
{
    const auto error = test::error_of([&] { read(text); });
    REQUIRE(error);
    return error->what();
}

} // namespace

TEST_CASE("the reader reads what nlohmann reads")
{
    const std::vector<std::string> documents = {
        R"({"a": 1, "b": [true, false, null], "c": {"d": "e"}})",
        R"([])",
        R"({})",
        R"("just a string")",
        R"(  -0  )",
        R"([0, -1, 9223372036854775807, -9223372036854775808, 18446744073709551615])",
        R"([1.5, -2.25e3, 1E-2, 0.0, 1e308])",
        R"(["\"\\\/\b\f\n\r\t", "\u00e9\u4e2d\ud83d\ude80", "Zoë 🚀"])",
        "{\n\t\"nested\": [[[[{\"deep\": [1, [2, [3]]]}]]]],\r\n \"empty\": \"\"\n}",
    };
    for (const auto& document : documents) {
        INFO(document);
        CHECK(read(document) == Json::parse(document));
        CHECK(parse_json_text(document) == Json::parse(document));
    }
    // A key given twice: the first counts (import reads the first one too).
    CHECK(read(R"({"key": "value", "key": "again"})").at("key") == "value");
}

TEST_CASE("parse_json_text says when text is not JSON")
{
    CHECK_FALSE(parse_json_text(""));
    CHECK_FALSE(parse_json_text("{\"a\": }"));
    CHECK_FALSE(parse_json_text("[1] 2"));
    CHECK(parse_json_text("  {}  ") == Json::object());
}

TEST_CASE("the reader reads strings and numbers across its buffer's end")
{
    // Longer than the reader's 1 MiB buffer, with escapes and multi-byte characters at every offset.
    std::string long_text;
    while (long_text.size() < 3 * 1024 * 1024) {
        long_text += "abcdefg é 🚀 \"q\" \\ \n";
    }
    const Json document = {{"text", long_text}, {"numbers", Json::array({123456789, -0.5, 1e10})}};
    CHECK(read(document.dump()) == document);
    CHECK(read(document.dump(4)) == document);
}

TEST_CASE("the reader refuses what is not JSON, saying where")
{
    CHECK(contains(error_reading(""), "line 1, column 1: unexpected end of input"));
    CHECK(contains(error_reading("{\"a\": 1,\n \"b\" 2}"), "line 2, column 6: expected ':'"));
    CHECK(contains(error_reading("[1, 2"), "unexpected end of input"));
    CHECK(contains(error_reading("[1 2]"), "expected ',' or ']'"));
    CHECK(contains(error_reading("{\"a\": tru}"), "invalid literal"));
    CHECK(contains(error_reading("{a: 1}"), "expected a key"));
    CHECK(contains(error_reading("[1] x"), "more text after the JSON value"));
    CHECK(contains(error_reading("[01]"), "expected ',' or ']'"));
    CHECK(contains(error_reading("[1.]"), "digits after its '.'"));
    CHECK(contains(error_reading("[1e]"), "digits in its exponent"));
    CHECK(contains(error_reading("[-]"), "invalid literal"));
    CHECK(contains(error_reading("[1e999]"), "out of range"));
    CHECK(contains(error_reading("[\"a\nb\"]"), "control character"));
    CHECK(contains(error_reading("[\"\\x\"]"), "unknown escape"));
    CHECK(contains(error_reading("[\"\\u12\"]"), "four hexadecimal digits"));
    CHECK(contains(error_reading("[\"\\udc00\"]"), "lone low surrogate"));
    CHECK(contains(error_reading("[\"\\ud83d\"]"), "followed by a low one"));
    CHECK(contains(error_reading("[\"\xff\"]"), "not valid UTF-8"));
    CHECK(contains(error_reading("[\"\xc3\"]"), "not valid UTF-8"));
    CHECK(contains(error_reading(std::string(300, '[')), "nested deeper than 256 levels"));
    // The column counts bytes from the start of the line, across buffers.
    const std::string padded = std::string(2 * 1024 * 1024, ' ') + "\n\n   x";
    CHECK(contains(error_reading(padded), "line 3, column 4"));
}

TEST_CASE("json_text writes what dump() writes")
{
    const std::vector<Json> values = {
        nullptr,
        true,
        Json::array(),
        Json::object(),
        -42,
        std::uint64_t{18446744073709551615ULL},
        1.5,
        1.0,
        1e100,
        "plain",
        "quote \" backslash \\ slash / tab \t newline \n return \r bell \x07 escape \x1b del \x7f",
        "Zoë ünïcödé 🚀 中文",
        Json{{"b", 1}, {"a", Json::array({nullptr, "x", Json{{"nested", false}}})}},
    };
    for (const auto& value : values) {
        INFO(value.dump());
        CHECK(json_text(value) == value.dump());
    }
}

TEST_CASE("json_text replaces bytes that are not UTF-8 instead of failing")
{
    const Json bad = std::string("ok \xff end");
    CHECK(json_text(bad) == bad.dump(-1, ' ', false, Json::error_handler_t::replace));
}
