#include "json_reader.hpp"

#include "pov/error.hpp"

#include <cstdint>
#include <cstring>

#include <fmt/format.h>

namespace pov::json {

namespace {

// The line breaks in [first, last), eight bytes at a time.
std::size_t count_breaks(const char* first, const char* last)
{
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    constexpr std::uint64_t low7 = 0x7F7F7F7F7F7F7F7FULL;
    std::size_t count = 0;
    for (; first + 8 <= last; first += 8) {
        std::uint64_t block = 0;
        std::memcpy(&block, first, 8);
        const auto x = block ^ (ones * '\n');                          // a zero byte where a line break was
        const auto zero = ~(((x & low7) + low7) | x | low7);           // its high bit set, and only there
        count += static_cast<std::size_t>(((zero >> 7) * ones) >> 56); // the flags summed in the top byte
    }
    for (; first < last; ++first) {
        count += *first == '\n' ? 1 : 0;
    }
    return count;
}

} // namespace

bool Reader::refill()
{
    if (in_ == nullptr) {
        return false;
    }
    const char* begin = buffer_.data();
    if (end_ != nullptr) {
        // Count the line breaks of what is consumed, so an error can say where it is.
        const auto breaks = count_breaks(begin, end_);
        if (breaks == 0) {
            line_start_before_ += static_cast<std::size_t>(end_ - begin);
        } else {
            lines_before_ += breaks;
            const auto* last = static_cast<const char*>(::memrchr(begin, '\n', static_cast<std::size_t>(end_ - begin)));
            line_start_before_ = static_cast<std::size_t>(end_ - last - 1);
        }
    }
    in_->read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    const auto count = static_cast<std::size_t>(in_->gcount());
    begin_ = begin;
    position_ = begin;
    end_ = begin + count;
    return count > 0;
}

std::pair<std::size_t, std::size_t> Reader::where() const
{
    const char* begin = begin_;
    const char* at = position_;
    const auto breaks = count_breaks(begin, at);
    if (breaks == 0) {
        return {lines_before_ + 1, line_start_before_ + static_cast<std::size_t>(at - begin) + 1};
    }
    const auto* last = static_cast<const char*>(::memrchr(begin, '\n', static_cast<std::size_t>(at - begin)));
    return {lines_before_ + breaks + 1, static_cast<std::size_t>(at - last)};
}

std::string Reader::got()
{
    if (at_end()) {
        return "the end of the input";
    }
    const auto c = static_cast<unsigned char>(*position_);
    if (c < 0x20 || c == 0x7F) {
        return fmt::format("U+{:04X}", c);
    }
    if (c >= 0x80) {
        return fmt::format("byte 0x{:02X}", c);
    }
    return fmt::format("'{}'", static_cast<char>(c));
}

void Reader::append_utf8(std::string& out, char32_t code)
{
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

void ValueBuilder::begin(Json root, std::size_t room)
{
    root_ = std::move(root);
    if (root_.is_object()) {
        root_.get_ref<Json::object_t&>().reserve(room);
    }
    open_ = {&root_};
}

std::size_t ValueBuilder::open(Json&& container)
{
    if (container.is_object()) {
        // Room up front spares copying members as the object grows.
        container.get_ref<Json::object_t&>().reserve(16);
    }
    open_.push_back(place(std::move(container)));
    return open_.size();
}

bool ValueBuilder::close()
{
    open_.pop_back();
    return open_.empty();
}

Json* ValueBuilder::place(Json&& value)
{
    auto& top = *open_.back();
    if (top.is_array()) {
        top.push_back(std::move(value));
        return &top.back();
    }
    auto& members = top.get_ref<Json::object_t&>();
    members.emplace_back(std::move(key_), std::move(value));
    return &members.back().second;
}

void TextWriter::number_float(double value, const std::string&)
{
    separate();
    // As append_json writes a floating point number: the way nlohmann writes it.
    *out_ += Json(value).dump();
    comma_ = true;
}

void TextWriter::syntax_error(std::size_t line, std::size_t column, const std::string& what)
{
    throw Error(Exit::invalid, fmt::format("line {}, column {}: {}", line, column, what));
}

void TreeBuilder::syntax_error(std::size_t line, std::size_t column, const std::string& what)
{
    throw Error(Exit::invalid, fmt::format("line {}, column {}: {}", line, column, what));
}

bool TreeBuilder::scalar(Json&& value)
{
    if (started_) {
        builder_.value(std::move(value));
    } else {
        scalar_ = std::move(value);
    }
    return true;
}

bool TreeBuilder::start(Json&& container)
{
    if (started_) {
        builder_.open(std::move(container));
    } else {
        started_ = true;
        builder_.begin(std::move(container));
    }
    return true;
}

} // namespace pov::json
