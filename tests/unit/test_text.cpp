// Text rules (contract section 2): control characters, length limits in characters, UTF-8.
#include "helpers.hpp"

#include "pov/text.hpp"

using namespace pov;
using test::contains;
using test::error_of;

namespace {

std::string repeat(const std::string& piece, std::size_t times)
{
    std::string out;
    out.reserve(piece.size() * times);
    for (std::size_t i = 0; i < times; ++i) {
        out += piece;
    }
    return out;
}

} // namespace

TEST_CASE("single-line text takes printable text of any script")
{
    CHECK_EXIT(check_text("name", "Acme Corp — Zoë's POV 🚀 日本語", TextKind::line), Exit::ok);
    CHECK_EXIT(check_text("name", test::hostile_line, TextKind::line), Exit::ok);
    CHECK_EXIT(check_text("name", "", TextKind::line), Exit::ok);
}

TEST_CASE("single-line text rejects control characters, naming the field")
{
    const std::pair<const char*, std::string> controls[] = {
        {"newline", "a\nb"},
        {"carriage return", "a\rb"},
        {"tab", "a\tb"},
        {"escape", "red \x1b[31m text"},
        {"NUL", std::string("a\0b", 3)},
        {"DEL", "a\x7f"},
        {"C1 NEL U+0085", "a\xc2\x85z"},
        {"C1 CSI U+009B", "a\xc2\x9b"
                          "31m"},
    };
    for (const auto& [what, text] : controls) {
        INFO(what);
        const auto error = error_of([&] { check_text("account", text, TextKind::line); });
        REQUIRE(error);
        CHECK(error->code() == Exit::invalid);
        CHECK(contains(error->what(), "account"));
    }
}

TEST_CASE("multi-line text takes newlines and tabs but no other control character")
{
    CHECK_EXIT(check_text("pain", "first line\nsecond\tline\n", TextKind::multiline), Exit::ok);
    CHECK_EXIT(check_text("pain", test::hostile_multiline, TextKind::multiline), Exit::ok);
    CHECK_EXIT(check_text("pain", "colour \x1b[31mred", TextKind::multiline), Exit::invalid);
    CHECK_EXIT(check_text("pain", "bell \x07", TextKind::multiline), Exit::invalid);
    CHECK_EXIT(check_text("pain", "del \x7f", TextKind::multiline), Exit::invalid);
    CHECK_EXIT(check_text("pain", "nel \xc2\x85", TextKind::multiline), Exit::invalid);
}

TEST_CASE("single-line text holds at most 10,000 characters, counted as code points")
{
    CHECK_EXIT(check_text("name", std::string(10'000, 'a'), TextKind::line), Exit::ok);
    const auto error = error_of([] { check_text("name", std::string(10'001, 'a'), TextKind::line); });
    REQUIRE(error);
    CHECK(error->code() == Exit::invalid);
    CHECK(contains(error->what(), "name"));
    CHECK(contains(error->what(), "10001"));

    SECTION("10,000 emoji are 40,000 bytes but 10,000 characters")
    {
        CHECK_EXIT(check_text("name", repeat("🚀", 10'000), TextKind::line), Exit::ok);
        CHECK_EXIT(check_text("name", repeat("🚀", 10'001), TextKind::line), Exit::invalid);
    }
    SECTION("accented letters count once")
    {
        CHECK_EXIT(check_text("name", repeat("é", 10'000), TextKind::line), Exit::ok);
        CHECK_EXIT(check_text("name", repeat("é", 10'001), TextKind::line), Exit::invalid);
    }
}

TEST_CASE("multi-line text holds at most 100,000 characters")
{
    CHECK_EXIT(check_text("evidence", std::string(100'000, 'a'), TextKind::multiline), Exit::ok);
    CHECK_EXIT(check_text("evidence", std::string(100'001, 'a'), TextKind::multiline), Exit::invalid);
    CHECK_EXIT(check_text("evidence", repeat("line\n", 20'000), TextKind::multiline), Exit::ok);
    CHECK_EXIT(check_text("evidence", repeat("🎯", 100'000), TextKind::multiline), Exit::ok);
    CHECK_EXIT(check_text("evidence", repeat("🎯", 100'001), TextKind::multiline), Exit::invalid);
}

TEST_CASE("text that is not UTF-8 is rejected")
{
    const std::pair<const char*, std::string> broken[] = {
        {"lone continuation byte", "a\x80z"},
        {"truncated sequence", "caf\xc3"},
        {"Latin-1 byte", "caf\xe9"},
        {"overlong slash", "\xc0\xaf"},
        {"overlong 3-byte", "\xe0\x80\xaf"},
        {"UTF-16 surrogate", "\xed\xa0\x80"},
        {"beyond U+10FFFF", "\xf4\x90\x80\x80"},
        {"invalid lead byte", "\xff"},
    };
    for (const auto& [what, text] : broken) {
        INFO(what);
        CHECK_FALSE(utf8_length(text));
        CHECK_EXIT(check_text("name", text, TextKind::line), Exit::invalid);
        CHECK_EXIT(check_text("pain", text, TextKind::multiline), Exit::invalid);
    }
}

TEST_CASE("UTF-8 length counts code points")
{
    CHECK(utf8_length("") == std::size_t{0});
    CHECK(utf8_length("abc") == std::size_t{3});
    CHECK(utf8_length("Zoë") == std::size_t{3});
    CHECK(utf8_length("日本") == std::size_t{2});
    CHECK(utf8_length("🚀🚀") == std::size_t{2});
    CHECK(utf8_length("\xf4\x8f\xbf\xbf") == std::size_t{1}); // U+10FFFF, the last code point
}

TEST_CASE("escape_control shows control characters and escape sequences, never raw")
{
    CHECK(escape_control("\x1b[31mred") == "\\x1b[31mred");
    CHECK(escape_control("a\nb") == "a\\nb");
    CHECK(escape_control("a\tb\rc") == "a\\tb\\rc");
    CHECK(escape_control("del\x7f") == "del\\x7f");
    CHECK(escape_control("nel\xc2\x85") == "nel\\x85");
    CHECK(escape_control("plain Zoë 🚀") == "plain Zoë 🚀");

    SECTION("multi-line text keeps its line breaks when asked, and still escapes the rest")
    {
        CHECK(escape_control("one\ntwo", true) == "one\ntwo");
        CHECK(escape_control("one\n\x1b]0;pwned\x07", true) == "one\n\\x1b]0;pwned\\x07");
    }
    SECTION("bytes that are not UTF-8 are shown in hex")
    {
        CHECK(escape_control("caf\xe9\x1b") == "caf\\xe9\\x1b");
    }
}

TEST_CASE("single-line text is trimmed of blanks, and blank text counts as empty (section 2)")
{
    CHECK(trim_blanks("  Priya Raman \t") == "Priya Raman");
    CHECK(trim_blanks("a  b") == "a  b");
    CHECK(trim_blanks(" \t\n ").empty());
    CHECK(is_blank(""));
    CHECK(is_blank("   "));
    CHECK(is_blank("\t\n"));
    CHECK_FALSE(is_blank(" x "));
}

TEST_CASE("words in messages: counts agree with their nouns, articles with their words")
{
    CHECK(pov::counted(0, "POV") == "0 POVs");
    CHECK(pov::counted(1, "POV") == "1 POV");
    CHECK(pov::counted(3, "POV") == "3 POVs");
    CHECK(pov::counted(1, "criterion", "criteria") == "1 criterion");
    CHECK(pov::counted(2, "criterion", "criteria") == "2 criteria");
    CHECK(pov::with_article("onsite") == "an onsite");
    CHECK(pov::with_article("guided") == "a guided");
    CHECK(pov::with_article("paid") == "a paid");
    CHECK(pov::with_article("lite") == "a lite");
}

TEST_CASE("a range with equal ends reads as one number")
{
    CHECK(pov::number_range(1, 3) == "1–3");
    CHECK(pov::number_range(1, 1) == "1");
    CHECK(pov::number_range(7, 7) == "7");
}
