// Aligned text tables for the terminal, measured with display_width.
#pragma once

#include "render/text.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace pov::render {

// A table with a header row; columns padded to their widest cell.
class Table {
public:
    explicit Table(std::vector<std::string> headers, std::vector<bool> right_aligned = {});
    // Each cell may carry a colour applied after padding.
    void add(std::vector<std::string> cells, std::vector<Color> colors = {});
    [[nodiscard]] bool empty() const { return rows_.empty(); }
    [[nodiscard]] std::string render(const Style& style, std::string_view indent = "") const;

private:
    std::vector<std::string> headers_;
    std::vector<bool> right_;
    std::vector<std::vector<std::string>> rows_;
    std::vector<std::vector<Color>> colors_;
};

} // namespace pov::render
