// One width (style guide): display_width and clip, and the tables and lists that use them.
#include "helpers.hpp"
#include "sample.hpp"

#include "render/table.hpp"
#include "render/views.hpp"
#include "render/width.hpp"

#include <sstream>
#include <vector>

using namespace pov;
using namespace pov::render;

namespace {

std::vector<std::string> lines_of(const std::string& text)
{
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        lines.push_back(line);
    }
    return lines;
}

// The display column at which `part` starts in `line`.
std::size_t column_of(const std::string& line, const std::string& part)
{
    const auto at = line.find(part);
    REQUIRE(at != std::string::npos);
    return display_width(std::string_view(line).substr(0, at));
}

} // namespace

TEST_CASE("display_width counts terminal columns")
{
    SECTION("ASCII: one column a character")
    {
        CHECK(display_width("") == 0);
        CHECK(display_width("Acme Corp") == 9);
    }
    SECTION("East Asian wide and fullwidth characters: two")
    {
        CHECK(display_width("東京海上日動") == 12);
        CHECK(display_width("한국어") == 6);
        CHECK(display_width("Ａ") == 2); // fullwidth A
        CHECK(display_width("ｱ") == 1);  // halfwidth katakana stays narrow
        CHECK(display_width("Tokyo 東京") == 10);
    }
    SECTION("emoji: two, and a sequence drawn as one emoji two")
    {
        CHECK(display_width("🚀") == 2);
        CHECK(display_width("🇯🇵") == 2); // a flag: two regional indicators
        CHECK(display_width("🇯🇵🇫🇷") == 4);
        CHECK(display_width("👨\u200d👩\u200d👧") == 2); // a ZWJ family
        CHECK(display_width("👍🏽") == 2);        // a skin tone modifier
    }
    SECTION("combining marks and zero-width characters: zero")
    {
        CHECK(display_width("e\u0301") == 1);
        CHECK(display_width("Zoe\u0308") == 3);
        CHECK(display_width("a\u200bb") == 2); // zero width space
        CHECK(display_width("\u200d") == 0);   // a lone zero width joiner
    }
    SECTION("bytes that are not UTF-8: one column each, and no crash")
    {
        CHECK(display_width("caf\xe9") == 4);
        CHECK(display_width("\xff\xfe") == 2);
        CHECK(display_width("a\x80z") == 3);
        CHECK(display_width("\xe6\x9d") == 2);     // a wide character cut short
        CHECK(display_width("\xed\xa0\x80") == 3); // a UTF-16 surrogate
    }
}

TEST_CASE("clip cuts text to a number of columns, ending in an ellipsis")
{
    SECTION("text that fits is left as it is")
    {
        CHECK(clip("Acme", 4) == "Acme");
        CHECK(clip("Acme", 10) == "Acme");
        CHECK(clip("", 0) == "");
        CHECK(clip("東京海上日動", 12) == "東京海上日動");
    }
    SECTION("ASCII")
    {
        CHECK(clip("Acme Corporation", 8) == "Acme Co…");
        CHECK(clip("Acme", 3) == "Ac…");
        CHECK(clip("Acme", 1) == "…");
        CHECK(clip("Acme", 0) == "");
    }
    SECTION("wide characters are never split; the result may fall a column short")
    {
        CHECK(clip("東京海上日動", 11) == "東京海上日…");
        CHECK(clip("東京海上日動", 6) == "東京…");
        CHECK(display_width(clip("東京海上日動", 6)) == 5);
        CHECK(clip("🚀🚀🚀", 4) == "🚀…");
    }
    SECTION("a letter keeps its combining marks, a sequence stays whole")
    {
        CHECK(clip("e\u0301e\u0301e\u0301", 2) == "e\u0301…");
        CHECK(clip("👨\u200d👩\u200d👧 family", 3) == "👨\u200d👩\u200d👧…");
        CHECK(clip("🇯🇵🇫🇷", 3) == "🇯🇵…");
    }
    SECTION("bytes that are not UTF-8 are cut between bytes")
    {
        CHECK(clip("caf\xe9 au lait", 4) == "caf…");
    }
    SECTION("the result never takes more than the columns asked for")
    {
        const std::string samples[] = {"Acme Corporation", "東京海上日動火災保険", "🚀 launch 🚀", "e\u0301t\u00e9 \xff"};
        for (const auto& text : samples) {
            for (std::size_t columns = 0; columns < 24; ++columns) {
                INFO(text << " in " << columns);
                CHECK(display_width(clip(text, columns)) <= columns);
            }
        }
    }
}

TEST_CASE("a table aligns CJK cells by display columns")
{
    Table table({"ID", "ACCOUNT", "SA", "TYPE"}, {true});
    table.add({"1", "東京海上日動", "Sam", "guided"});
    table.add({"22", "Acme", "Lee", "onsite"});
    table.add({"3", "e\u0301tude", "Zoë", "paid"});
    const auto text = table.render(Style(false));
    CHECK(text == "ID  ACCOUNT       SA   TYPE\n"
                  " 1  東京海上日動  Sam  guided\n"
                  "22  Acme          Lee  onsite\n"
                  " 3  e\u0301tude         Zoë  paid\n");

    const auto lines = lines_of(text);
    REQUIRE(lines.size() == 4);
    CHECK(column_of(lines[1], "Sam") == column_of(lines[0], "SA"));
    CHECK(column_of(lines[2], "Lee") == column_of(lines[0], "SA"));
    CHECK(column_of(lines[3], "Zoë") == column_of(lines[0], "SA"));
    CHECK(column_of(lines[1], "guided") == column_of(lines[0], "TYPE"));
}

TEST_CASE("a table given its rows on demand draws what render draws, in colour too")
{
    // The report's closed list is drawn this way (Table::write): widths from every row, the same lines.
    const std::vector<std::vector<std::string>> rows{{"1", "東京海上日動", "Sam", "guided"},
                                                     {"22", "Acme Corporation Worldwide", "Lee", "onsite"},
                                                     {"333", "e\u0301tude", "Zoë", ""}};
    const std::vector<Color> red{Color::none, Color::red};
    for (const bool color : {false, true}) {
        const Style style(color);
        Table held({"ID", "ACCOUNT", "SA", "TYPE"}, {true});
        Table given({"ID", "ACCOUNT", "SA", "TYPE"}, {true});
        held.add(rows[0]);
        given.add(rows[0]);
        for (std::size_t r = 1; r < rows.size(); ++r) {
            held.add(rows[r], red);
        }
        std::string drawn;
        given.write(
            style, "  ", rows.size() - 1,
            [&](std::size_t r, std::vector<std::string>& cells, std::vector<Color>& colors) {
                cells = rows[r + 1];
                colors = red;
            },
            [&](std::string_view line) { drawn += line; });
        CHECK(drawn == held.render(style, "  "));
    }
}

TEST_CASE("a table fits a width by clipping only the columns that may give way")
{
    Table table({"ID", "NAME", "ACCOUNT", "STATUS"}, {true});
    table.may_clip({1, 2});
    table.add({"1", "A very long opportunity name that does not fit", "東京海上日動火災保険株式会社", "in_progress"});
    table.add({"2", "Short", "Acme", "new"});

    SECTION("no limit: every value in full")
    {
        const auto text = table.render(Style(false));
        CHECK(test::contains(text, "A very long opportunity name that does not fit"));
        CHECK(test::contains(text, "東京海上日動火災保険株式会社"));
    }
    SECTION("a limit: every line fits, the widest column gives way first, the others stay whole")
    {
        const auto text = table.render(Style(false), "", 50);
        for (const auto& line : lines_of(text)) {
            INFO(line);
            CHECK(display_width(line) <= 50);
        }
        CHECK(test::contains(text, "…"));
        CHECK(test::contains(text, "in_progress"));
        CHECK(test::contains(text, "Short"));
        const auto lines = lines_of(text);
        CHECK(column_of(lines[1], "in_progress") == column_of(lines[0], "STATUS"));
        CHECK(column_of(lines[2], "new") == column_of(lines[0], "STATUS"));
    }
    SECTION("an indent counts")
    {
        for (const auto& line : lines_of(table.render(Style(false), "  ", 50))) {
            CHECK(display_width(line) <= 50);
        }
    }
    SECTION("too narrow: the clippable columns stop at 8 columns")
    {
        const auto lines = lines_of(table.render(Style(false), "", 10));
        REQUIRE(lines.size() == 3);
        CHECK(lines[1] == " 1  A very …  東京海…   in_progress");
        CHECK(column_of(lines[2], "new") == column_of(lines[0], "STATUS"));
    }
    SECTION("colour does not change the layout")
    {
        const auto plain = table.render(Style(false), "", 50);
        const auto coloured = table.render(Style(true), "", 50);
        CHECK(coloured != plain);
        CHECK(test::contains(coloured, "\x1b[1mNAME\x1b[0m"));
    }
}

TEST_CASE("Style paints through fmt with the same escapes as before, and nothing when off")
{
    const Style on(true);
    CHECK(on.red("x") == "\x1b[31mx\x1b[0m");
    CHECK(on.green("x") == "\x1b[32mx\x1b[0m");
    CHECK(on.yellow("x") == "\x1b[33mx\x1b[0m");
    CHECK(on.paint(Color::cyan, "x") == "\x1b[36mx\x1b[0m");
    CHECK(on.bold("x") == "\x1b[1mx\x1b[0m");
    CHECK(on.dim("x") == "\x1b[2mx\x1b[0m");
    CHECK(on.paint(Color::none, "x") == "x");
    CHECK(on.red("") == "");
    const Style off(false);
    CHECK(off.red("x") == "x");
    CHECK(off.bold("x") == "x");
}

TEST_CASE("list lines up CJK accounts and fits a terminal's width")
{
    auto tokyo = test::minimal_pov();
    tokyo.id = 1;
    tokyo.name = "A very long opportunity name that does not fit in a column";
    tokyo.account = "東京海上日動";
    auto acme = test::minimal_pov();
    acme.id = 2;
    acme.name = "Acme";
    acme.sa = "Lee";
    const std::vector<Pov> povs = {tokyo, acme};
    const std::vector<std::vector<Risk>> risks(2);
    const auto today = test::day("2026-03-02");

    SECTION("in full when there is no limit")
    {
        const auto lines = lines_of(render_list(povs, risks, today, Style(false)));
        REQUIRE(lines.size() == 3);
        CHECK(test::contains(lines[1], tokyo.name));
        CHECK(column_of(lines[1], "Sam Architect") == column_of(lines[0], "SA"));
        CHECK(column_of(lines[2], "Lee") == column_of(lines[0], "SA"));
    }
    SECTION("fitted to 80 columns: the longest name gives way first")
    {
        const auto lines = lines_of(render_list(povs, risks, today, Style(false), 80));
        REQUIRE(lines.size() == 3);
        for (const auto& line : lines) {
            INFO(line);
            CHECK(display_width(line) <= 80);
        }
        CHECK(test::contains(lines[1], "A very long …"));
        CHECK(test::contains(lines[1], "東京海上日動"));
        CHECK(column_of(lines[1], "guided") == column_of(lines[0], "TYPE"));
        CHECK(column_of(lines[2], "guided") == column_of(lines[0], "TYPE"));
    }
    SECTION("narrower than the table can go: names, accounts and SAs stop at 8 columns")
    {
        const auto lines = lines_of(render_list(povs, risks, today, Style(false), 40));
        REQUIRE(lines.size() == 3);
        CHECK(lines[1] == " 1  A very …  東京海…   Sam Arc…  guided  new     –       –");
    }
}
