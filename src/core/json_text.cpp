#include "pov/json_text.hpp"

#include "json_reader.hpp"
#include "pov/error.hpp"
#include "pov/text.hpp"

#include <array>
#include <charconv>
#include <cstring>

namespace pov {

namespace {

template <typename Number> void append_number(std::string& out, Number number)
{
    std::array<char, 24> digits{};
    const auto end = std::to_chars(digits.data(), digits.data() + digits.size(), number).ptr;
    out.append(digits.data(), end);
}

} // namespace

void append_json_number(std::string& out, std::int64_t number)
{
    append_number(out, number);
}

void append_json_string(std::string& out, std::string_view text)
{
    static constexpr char hex[] = "0123456789abcdef";
    const auto start = out.size();
    out += '"';
    bool ascii = true;
    std::size_t run = 0; // the start of the characters that need no escape
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c != '"' && c != '\\') {
            ascii = ascii && c < 0x80;
            continue;
        }
        out.append(text.data() + run, i - run);
        run = i + 1;
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 0xF];
        }
    }
    out.append(text.data() + run, text.size() - run);
    out += '"';
    if (!ascii && !utf8_length(text)) {
        out.resize(start);
        out += Json(std::string(text)).dump(-1, ' ', false, Json::error_handler_t::replace);
    }
}

void append_json(std::string& out, const Json& value)
{
    switch (value.type()) {
    case Json::value_t::null: out += "null"; return;
    case Json::value_t::boolean: out += value.get<bool>() ? "true" : "false"; return;
    case Json::value_t::number_integer: append_number(out, value.get<std::int64_t>()); return;
    case Json::value_t::number_unsigned: append_number(out, value.get<std::uint64_t>()); return;
    case Json::value_t::string: append_json_string(out, value.get_ref<const std::string&>()); return;
    case Json::value_t::array: {
        out += '[';
        bool first = true;
        for (const auto& element : value.get_ref<const Json::array_t&>()) {
            if (!first) {
                out += ',';
            }
            first = false;
            append_json(out, element);
        }
        out += ']';
        return;
    }
    case Json::value_t::object: {
        out += '{';
        bool first = true;
        for (const auto& [key, member] : value.get_ref<const Json::object_t&>()) {
            if (!first) {
                out += ',';
            }
            first = false;
            append_json_string(out, key);
            out += ':';
            append_json(out, member);
        }
        out += '}';
        return;
    }
    default:
        // Floating point numbers (and what JSON text never holds) as nlohmann writes them.
        out += value.dump(-1, ' ', false, Json::error_handler_t::replace);
    }
}

std::string json_text(const Json& value)
{
    std::string out;
    append_json(out, value);
    return out;
}

bool append_json_text(std::string& out, std::string_view text)
{
    const auto size = out.size();
    json::TextWriter writer(out);
    try {
        json::Reader(text).parse(writer);
    } catch (const Error&) {
        out.resize(size);
        return false;
    }
    return true;
}

void append_indented_json(std::string& out, std::string_view compact, int indent, int depth)
{
    const auto new_line = [&] {
        out += '\n';
        out.append(static_cast<std::size_t>(depth * indent), ' ');
    };
    const char* at = compact.data();
    const char* const end = at + compact.size();
    while (at < end) {
        // A run that is laid out as it is: numbers, literals, strings with their escapes.
        const char* run = at;
        while (run < end) {
            const char c = *run;
            if (c == '"') {
                const char* close = run + 1;
                while (true) {
                    close = static_cast<const char*>(std::memchr(close, '"', static_cast<std::size_t>(end - close)));
                    if (close == nullptr) {
                        close = end - 1;
                        break;
                    }
                    // A quote after an odd number of backslashes is escaped.
                    std::size_t slashes = 0;
                    while (close - slashes - 1 > run && close[-1 - static_cast<std::ptrdiff_t>(slashes)] == '\\') {
                        ++slashes;
                    }
                    if (slashes % 2 == 0) {
                        break;
                    }
                    ++close;
                }
                run = close + 1;
            } else if (c == '{' || c == '[' || c == '}' || c == ']' || c == ',' || c == ':') {
                break;
            } else {
                ++run;
            }
        }
        out.append(at, static_cast<std::size_t>(run - at));
        at = run;
        if (at == end) {
            break;
        }
        const char c = *at++;
        switch (c) {
        case '{':
        case '[':
            out += c;
            if (at < end && (*at == '}' || *at == ']')) {
                out += *at++; // empty: {} and [] as they are
            } else {
                ++depth;
                new_line();
            }
            break;
        case '}':
        case ']':
            --depth;
            new_line();
            out += c;
            break;
        case ',':
            out += ',';
            new_line();
            break;
        default: out += ": ";
        }
    }
}

std::optional<Json> parse_json_text(std::string_view text)
{
    json::TreeBuilder builder;
    try {
        json::Reader(text).parse(builder);
    } catch (const Error&) {
        return std::nullopt;
    }
    return std::move(builder.result());
}

ObjectWriter::ObjectWriter(std::string& out, int indent, int depth) : out_(out), indent_(indent), depth_(depth)
{
    out_ += '{';
}

void ObjectWriter::start_member(std::string_view key)
{
    if (!first_) {
        out_ += ',';
    }
    first_ = false;
    new_line(depth_ + 1);
    out_ += '"';
    out_ += key;
    out_ += indent_ >= 0 ? "\": " : "\":";
}

void ObjectWriter::write(const Json& value)
{
    if (indent_ >= 0) {
        append_indented_json(out_, json_text(value), indent_, depth_ + 1);
    } else {
        append_json(out_, value);
    }
}

void ObjectWriter::new_line(int depth)
{
    if (indent_ >= 0) {
        out_ += '\n';
        out_.append(static_cast<std::size_t>(indent_ * depth), ' ');
    }
}

void ObjectWriter::end()
{
    if (!first_) {
        new_line(depth_);
    }
    out_ += '}';
}

std::optional<std::string_view> text_or_null(const std::string& text)
{
    return text.empty() ? std::nullopt : std::optional<std::string_view>(text);
}

std::optional<std::string> date_or_null(const std::optional<Date>& date)
{
    return date ? std::optional(format_date(*date)) : std::nullopt;
}

} // namespace pov
