// A streaming JSON reader: it reads a stream one buffer at a time and hands each value to a
// handler as it is read (SAX), so a document of any size is read in constant memory. The handler
// has the methods of nlohmann's SAX interface (null, boolean, number_integer, number_unsigned,
// number_float, string, key, start_object, end_object, start_array, end_array) and a
// `syntax_error(line, column, what)` that must throw.
//
// It does what nlohmann::json::sax_parse does (RFC 8259, strict: one value, then only white
// space; strings of valid UTF-8), several times as fast: the import of section 12 reads hundreds
// of megabytes.
#pragma once

#include "pov/json_text.hpp"
#include "pov/record.hpp"
#include "pov/text.hpp"

#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace pov::json {

class Reader {
public:
    // Reads the stream one buffer at a time.
    explicit Reader(std::istream& in, std::size_t max_depth = 256)
        : in_(&in), max_depth_(max_depth), buffer_(buffer_bytes)
    {
    }
    // Reads text in memory, which must outlive the reader.
    explicit Reader(std::string_view text, std::size_t max_depth = 256)
        : max_depth_(max_depth), begin_(text.data()), position_(text.data()), end_(text.data() + text.size())
    {
    }

    template <typename Handler> void parse(Handler& handler)
    {
        skip_space();
        value(handler, 0);
        skip_space();
        if (!at_end()) {
            fail(handler, "more text after the JSON value");
        }
    }

private:
    static constexpr std::size_t buffer_bytes = std::size_t{1} << 20;

    // Refills the buffer; false at the end of the stream (or of the text).
    bool refill();
    [[nodiscard]] bool at_end() { return position_ == end_ && !refill(); }
    // The line and column (1-based, in bytes) of the next character.
    [[nodiscard]] std::pair<std::size_t, std::size_t> where() const;
    // The character at hand as the error shows it.
    [[nodiscard]] std::string got();

    template <typename Handler> [[noreturn]] void fail(Handler& handler, const std::string& what)
    {
        const auto [line, column] = where();
        handler.syntax_error(line, column, what);
        throw std::logic_error("json::Reader: syntax_error returned"); // a handler must throw
    }

    void skip_space()
    {
        while (true) {
            while (position_ < end_ &&
                   (*position_ == ' ' || *position_ == '\n' || *position_ == '\t' || *position_ == '\r')) {
                ++position_;
            }
            if (position_ < end_ || !refill()) {
                return;
            }
        }
    }

    template <typename Handler> char next(Handler& handler, const char* context)
    {
        if (at_end()) {
            fail(handler, std::string("unexpected end of input ") + context);
        }
        return *position_++;
    }

    template <typename Handler> void expect_word(Handler& handler, std::string_view word)
    {
        for (const char c : word) {
            if (at_end() || *position_ != c) {
                fail(handler, "invalid literal; expected a value (a string, number, object, array, true, false "
                              "or null), got " +
                                  got());
            }
            ++position_;
        }
    }

    template <typename Handler> void value(Handler& handler, std::size_t depth)
    {
        if (at_end()) {
            fail(handler, "unexpected end of input; expected a value");
        }
        switch (*position_) {
        case '{': object(handler, depth + 1); return;
        case '[': array(handler, depth + 1); return;
        case '"':
            ++position_;
            read_string(handler, text_);
            handler.string(text_);
            return;
        case 't':
            expect_word(handler, "true");
            handler.boolean(true);
            return;
        case 'f':
            expect_word(handler, "false");
            handler.boolean(false);
            return;
        case 'n':
            expect_word(handler, "null");
            handler.null();
            return;
        default: number(handler);
        }
    }

    template <typename Handler> void enter(Handler& handler, std::size_t depth)
    {
        if (depth > max_depth_) {
            fail(handler, "values nested deeper than " + std::to_string(max_depth_) + " levels");
        }
        ++position_; // the opening bracket
        skip_space();
    }

    template <typename Handler> void object(Handler& handler, std::size_t depth)
    {
        enter(handler, depth);
        handler.start_object(static_cast<std::size_t>(-1));
        if (!at_end() && *position_ == '}') {
            ++position_;
            handler.end_object();
            return;
        }
        while (true) {
            if (at_end() || *position_ != '"') {
                fail(handler, "expected a key (a string) in an object, got " + got());
            }
            ++position_;
            read_string(handler, text_);
            handler.key(text_);
            skip_space();
            if (at_end() || *position_ != ':') {
                fail(handler, "expected ':' after an object's key, got " + got());
            }
            ++position_;
            skip_space();
            value(handler, depth);
            skip_space();
            const char c = next(handler, "in an object; expected ',' or '}'");
            if (c == '}') {
                handler.end_object();
                return;
            }
            if (c != ',') {
                --position_;
                fail(handler, "expected ',' or '}' after an object's member, got " + got());
            }
            skip_space();
        }
    }

    template <typename Handler> void array(Handler& handler, std::size_t depth)
    {
        enter(handler, depth);
        handler.start_array(static_cast<std::size_t>(-1));
        if (!at_end() && *position_ == ']') {
            ++position_;
            handler.end_array();
            return;
        }
        while (true) {
            value(handler, depth);
            skip_space();
            const char c = next(handler, "in an array; expected ',' or ']'");
            if (c == ']') {
                handler.end_array();
                return;
            }
            if (c != ',') {
                --position_;
                fail(handler, "expected ',' or ']' after an array's element, got " + got());
            }
            skip_space();
        }
    }

    // Of eight bytes, those that are a quote, a backslash, a control character or not ASCII, as
    // their high bits: what a string's fast loop stops at. The lowest one is exact (a borrow only
    // runs upward from a byte that is flagged anyway).
    static std::uint64_t stops(const char* bytes)
    {
        constexpr std::uint64_t ones = 0x0101010101010101ULL;
        constexpr std::uint64_t high = 0x8080808080808080ULL;
        std::uint64_t x = 0;
        std::memcpy(&x, bytes, 8);
        const auto zero_byte = [](std::uint64_t v) { return (v - ones) & ~v & high; };
        return (x & high) | ((x - ones * 0x20) & ~x & high) | zero_byte(x ^ (ones * '"')) |
               zero_byte(x ^ (ones * '\\'));
    }

    // Reads the rest of a string (after its opening quote) into `out`.
    template <typename Handler> void read_string(Handler& handler, std::string& out)
    {
        out.clear();
        bool ascii = true;
        while (true) {
            const char* start = position_;
            while (true) {
                while (end_ - position_ >= 8) {
                    const auto found = stops(position_);
                    if (found != 0) {
                        position_ += __builtin_ctzll(found) / 8;
                        break;
                    }
                    position_ += 8;
                }
                if (position_ == end_) {
                    break;
                }
                const auto c = static_cast<unsigned char>(*position_);
                if (c == '"' || c == '\\' || c < 0x20) {
                    break;
                }
                ascii = ascii && c < 0x80;
                ++position_;
            }
            out.append(start, position_);
            if (position_ == end_) {
                if (!refill()) {
                    fail(handler, "unexpected end of input in a string; expected '\"'");
                }
                continue;
            }
            const char c = *position_++;
            if (c == '"') {
                break;
            }
            if (c != '\\') {
                --position_;
                fail(handler, "a control character in a string must be escaped, got " + got());
            }
            escape(handler, out); // writes valid UTF-8 whatever it decodes
        }
        if (!ascii && !utf8_length(out)) {
            fail(handler, "a string that is not valid UTF-8");
        }
    }

    template <typename Handler> void escape(Handler& handler, std::string& out)
    {
        const char c = next(handler, "in a string's escape");
        switch (c) {
        case '"': out += '"'; return;
        case '\\': out += '\\'; return;
        case '/': out += '/'; return;
        case 'b': out += '\b'; return;
        case 'f': out += '\f'; return;
        case 'n': out += '\n'; return;
        case 'r': out += '\r'; return;
        case 't': out += '\t'; return;
        case 'u': break;
        default: --position_; fail(handler, "an unknown escape in a string: \\" + got());
        }
        char32_t code = hex4(handler);
        if (code >= 0xDC00 && code <= 0xDFFF) {
            fail(handler, "a lone low surrogate \\u escape in a string");
        }
        if (code >= 0xD800 && code <= 0xDBFF) {
            if (next(handler, "after a high surrogate") != '\\' || next(handler, "after a high surrogate") != 'u') {
                fail(handler, "a high surrogate \\u escape must be followed by a low one");
            }
            const char32_t low = hex4(handler);
            if (low < 0xDC00 || low > 0xDFFF) {
                fail(handler, "a high surrogate \\u escape must be followed by a low one");
            }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
        }
        append_utf8(out, code);
    }

    template <typename Handler> char32_t hex4(Handler& handler)
    {
        char32_t code = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = next(handler, "in a \\u escape");
            code <<= 4;
            if (c >= '0' && c <= '9') {
                code |= static_cast<char32_t>(c - '0');
            } else if (c >= 'a' && c <= 'f') {
                code |= static_cast<char32_t>(c - 'a' + 10);
            } else if (c >= 'A' && c <= 'F') {
                code |= static_cast<char32_t>(c - 'A' + 10);
            } else {
                --position_;
                fail(handler, "a \\u escape needs four hexadecimal digits, got " + got());
            }
        }
        return code;
    }

    static void append_utf8(std::string& out, char32_t code);

    // Appends the digits at hand to number_; false when there were none.
    bool digits()
    {
        bool any = false;
        while (!at_end() && *position_ >= '0' && *position_ <= '9') {
            number_ += *position_++;
            any = true;
        }
        return any;
    }

    template <typename Handler> void number(Handler& handler)
    {
        number_.clear();
        if (*position_ == '-') {
            number_ += *position_++;
        }
        if (at_end() || *position_ < '0' || *position_ > '9') {
            fail(handler, "invalid literal; expected a value (a string, number, object, array, true, false or "
                          "null), got " +
                              got());
        }
        if (*position_ == '0') {
            number_ += *position_++;
        } else {
            digits();
        }
        bool integer = true;
        if (!at_end() && *position_ == '.') {
            integer = false;
            number_ += *position_++;
            if (!digits()) {
                fail(handler, "a number needs digits after its '.', got " + got());
            }
        }
        if (!at_end() && (*position_ == 'e' || *position_ == 'E')) {
            integer = false;
            number_ += *position_++;
            if (!at_end() && (*position_ == '+' || *position_ == '-')) {
                number_ += *position_++;
            }
            if (!digits()) {
                fail(handler, "a number needs digits in its exponent, got " + got());
            }
        }
        const char* first = number_.data();
        const char* last = first + number_.size();
        if (integer) {
            if (number_[0] == '-') {
                std::int64_t value = 0;
                if (std::from_chars(first, last, value).ec == std::errc()) {
                    handler.number_integer(value);
                    return;
                }
            } else {
                std::uint64_t value = 0;
                if (std::from_chars(first, last, value).ec == std::errc()) {
                    if (value <= static_cast<std::uint64_t>(INT64_MAX)) {
                        handler.number_integer(static_cast<std::int64_t>(value));
                    } else {
                        handler.number_unsigned(value);
                    }
                    return;
                }
            }
        }
        double value = 0;
        if (std::from_chars(first, last, value).ec != std::errc()) {
            fail(handler, "number " + number_ + " is out of range");
        }
        handler.number_float(value, number_);
    }

    std::istream* in_ = nullptr; // none when reading text in memory
    std::size_t max_depth_;
    std::vector<char> buffer_;
    const char* begin_ = nullptr; // of the buffer (or the text)
    const char* position_ = nullptr;
    const char* end_ = nullptr;
    // Where the buffer starts in the stream, for error positions.
    std::size_t lines_before_ = 0;      // line breaks before the buffer
    std::size_t line_start_before_ = 0; // bytes since the last line break before the buffer
    std::string text_;                  // the string being read
    std::string number_;                // the number being read
};

// A handler that writes what it is handed as compact JSON text, exactly as append_json writes
// the value a TreeBuilder would build (a key given twice is written twice), without building it:
// import keeps an event's changes as this text, and export copies stored text through it.
class TextWriter {
public:
    explicit TextWriter(std::string& out) : out_(&out) {}

    void null() { word("null"); }
    void boolean(bool value) { word(value ? "true" : "false"); }
    void number_integer(std::int64_t value) { number(value); }
    void number_unsigned(std::uint64_t value) { number(value); }
    void number_float(double value, const std::string& text);
    void string(std::string& value)
    {
        separate();
        append_json_string(*out_, value);
        comma_ = true;
    }
    void key(std::string& key)
    {
        separate();
        append_json_string(*out_, key);
        *out_ += ':';
    }
    void start_object(std::size_t) { open('{'); }
    void start_array(std::size_t) { open('['); }
    void end_object() { close('}'); }
    void end_array() { close(']'); }
    [[noreturn]] static void syntax_error(std::size_t line, std::size_t column, const std::string& what);

private:
    void separate()
    {
        if (comma_) {
            *out_ += ',';
            comma_ = false;
        }
    }
    void word(std::string_view text)
    {
        separate();
        out_->append(text);
        comma_ = true;
    }
    template <typename Number> void number(Number value)
    {
        separate();
        std::array<char, 24> digits{};
        const auto end = std::to_chars(digits.data(), digits.data() + digits.size(), value).ptr;
        out_->append(digits.data(), end);
        comma_ = true;
    }
    void open(char bracket)
    {
        separate();
        *out_ += bracket;
    }
    void close(char bracket)
    {
        *out_ += bracket;
        comma_ = true;
    }

    std::string* out_;
    bool comma_ = false; // a value was written at this level: the next one needs a comma
};

// Builds a JSON value from a Reader's calls, one container at a time. Members are appended, not
// looked up: a key given twice is kept twice, and the first one counts for find().
class ValueBuilder {
public:
    // Starts over with `root`, an object or an array that the next calls fill; `room` members
    // are reserved for a root object.
    void begin(Json root, std::size_t room = 0);
    void key(std::string&& key) { key_ = std::move(key); }
    void value(Json&& value) { place(std::move(value)); }
    // Opens an object or array inside the open one; returns how many are open.
    std::size_t open(Json&& container);
    // Closes the innermost container; true when that was the root.
    bool close();
    Json& root() { return root_; }

private:
    Json* place(Json&& value);

    Json root_;
    std::vector<Json*> open_; // the containers not yet closed, outermost first
    std::string key_;
};

// A handler that builds the whole document as one value.
class TreeBuilder {
public:
    bool null() { return scalar(nullptr); }
    bool boolean(bool value) { return scalar(value); }
    bool number_integer(std::int64_t value) { return scalar(value); }
    bool number_unsigned(std::uint64_t value) { return scalar(value); }
    bool number_float(double value, const std::string&) { return scalar(value); }
    bool string(std::string& value) { return scalar(std::move(value)); }
    bool key(std::string& key)
    {
        builder_.key(std::move(key));
        return true;
    }
    bool start_object(std::size_t) { return start(Json::object()); }
    bool start_array(std::size_t) { return start(Json::array()); }
    bool end_object()
    {
        builder_.close();
        return true;
    }
    bool end_array() { return end_object(); }
    [[noreturn]] static void syntax_error(std::size_t line, std::size_t column, const std::string& what);

    // The value read.
    Json& result() { return started_ ? builder_.root() : scalar_; }

private:
    bool scalar(Json&& value);
    bool start(Json&& container);

    ValueBuilder builder_;
    bool started_ = false; // the document is an object or an array
    Json scalar_;          // else its one value
};

} // namespace pov::json
