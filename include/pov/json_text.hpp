// Compact JSON text, as nlohmann's `dump()` writes it (no spaces, UTF-8 as it is, control
// characters escaped), and back, several times faster: the store writes and reads every event's
// changes with them, and export writes every record.
#pragma once

#include "pov/record.hpp"

#include <concepts>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pov {

// Appends `value` to `out`. Text that is not valid UTF-8 has its bad bytes replaced by U+FFFD.
void append_json(std::string& out, const Json& value);

[[nodiscard]] std::string json_text(const Json& value);

// Appends a whole number as JSON writes it.
void append_json_number(std::string& out, std::int64_t number);

// Appends `text` as a JSON string: quoted, with what must be escaped escaped.
void append_json_string(std::string& out, std::string_view text);

// Appends the JSON text `text` as json_text writes the value it holds, without building the
// value (export copies stored events this way); false, with `out` unchanged, when `text` is not JSON.
[[nodiscard]] bool append_json_text(std::string& out, std::string_view text);

// Appends compact JSON text (as json_text writes it) laid out as nlohmann's dump(indent) lays out
// the value it holds, the value starting `depth` levels in: what `list --json` prints, written one
// record at a time instead of as one value.
void append_indented_json(std::string& out, std::string_view compact, int indent, int depth = 0);

// An object described once for both of its forms: a `members(object, item)` function template,
// called with an ObjectBuilder, builds it as a JSON value; called with an ObjectWriter, writes
// that value's text without building it (export, list and report write thousands). A member's
// key is a plain name (no escapes); its value a whole number, a boolean, text, an optional of
// those (null when empty) or a JSON value.
class ObjectBuilder {
public:
    template <typename T> void member(std::string_view key, const T& value)
    {
        value_.get_ref<Json::object_t&>().emplace_back(std::string(key), as_value(value));
    }
    [[nodiscard]] Json take() { return std::move(value_); }

private:
    template <typename T> static Json as_value(const std::optional<T>& value)
    {
        return value ? as_value(*value) : Json(nullptr);
    }
    static Json as_value(std::string_view text) { return std::string(text); }
    static Json as_value(const std::string& text) { return text; }
    static Json as_value(bool value) { return value; }
    template <std::integral T> static Json as_value(T number) { return static_cast<std::int64_t>(number); }
    static Json as_value(const Json& value) { return value; }

    Json value_ = Json::object();
};

// The object `members(builder)` describes, as a JSON value.
template <typename Members> [[nodiscard]] Json built_object(Members&& members)
{
    ObjectBuilder object;
    members(object);
    return object.take();
}

// Writes what ObjectBuilder builds, as json_text writes it (the default), or laid out as
// dump(indent) lays it out, the object starting `depth` levels in. end() closes it.
class ObjectWriter {
public:
    explicit ObjectWriter(std::string& out, int indent = -1, int depth = 0);
    template <typename T> void member(std::string_view key, const T& value)
    {
        start_member(key);
        write(value);
    }
    // A member whose value `append(out)` writes as compact text: a scalar, which reads the same
    // laid out (a field's Field::append).
    template <typename Append> void text_member(std::string_view key, Append&& append)
    {
        start_member(key);
        append(out_);
    }
    // A member holding an array of objects, each written by `members(writer, position, item)`,
    // positions from 1.
    template <typename Item, typename Members>
    void array_member(std::string_view key, const std::vector<Item>& items, Members&& members)
    {
        start_member(key);
        out_ += '[';
        std::size_t n = 0;
        for (const auto& item : items) {
            if (n++ > 0) {
                out_ += ',';
            }
            new_line(depth_ + 2);
            ObjectWriter object(out_, indent_, depth_ + 2);
            members(object, n, item);
            object.end();
        }
        if (n > 0) {
            new_line(depth_ + 1);
        }
        out_ += ']';
    }
    void end();

private:
    void start_member(std::string_view key);
    // A line break and the indent of `depth` levels, when laid out.
    void new_line(int depth);
    template <typename T> void write(const std::optional<T>& value)
    {
        if (value) {
            write(*value);
        } else {
            out_ += "null";
        }
    }
    void write(std::string_view text) { append_json_string(out_, text); }
    void write(const std::string& text) { append_json_string(out_, text); }
    void write(bool value) { out_ += value ? "true" : "false"; }
    template <std::integral T> void write(T number) { append_json_number(out_, static_cast<std::int64_t>(number)); }
    void write(const Json& value);

    std::string& out_;
    int indent_;
    int depth_;
    bool first_ = true;
};

// Member values of text that is null when empty, and of a date that may be missing.
[[nodiscard]] std::optional<std::string_view> text_or_null(const std::string& text);
[[nodiscard]] std::optional<std::string> date_or_null(const std::optional<Date>& date);

// The value JSON text holds, as nlohmann's parse() reads it (a key given twice: the first counts),
// several times faster; nullopt when the text is not JSON.
[[nodiscard]] std::optional<Json> parse_json_text(std::string_view text);

} // namespace pov
