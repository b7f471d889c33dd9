#include "pov/plan.hpp"

#include "pov/fields.hpp"
#include "pov/text.hpp"
#include "pov/validation.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>
#include <toml++/toml.h>

namespace pov {

namespace {

constexpr std::string_view capabilities_key = "capabilities";

// The keys of one [[capabilities]] table and what each holds.
struct CapabilityKey {
    std::string_view name;
    std::string_view meaning;
    std::string NewCapability::*member;
};
const std::array<CapabilityKey, 3> capability_keys{{
    {"title", "what must be proven (required)", &NewCapability::title},
    {"target", "the measurable threshold, such as \"p95 < 10 min\"", &NewCapability::target},
    {"outcome", "the business outcome it serves", &NewCapability::outcome},
}};

// The plan's sections: each starts at a field of the table (section-2 order) and runs to the next.
struct Section {
    std::string_view first_field;
    std::string_view title;
};
constexpr std::array<Section, 8> sections{{
    {"name", "The POV and the deal"},
    {"owner", "People: the vendor's, then the customer's"},
    {"why_now", "Command plan: all seven are needed to qualify"},
    {"desired_future", "A strategic guided POV also needs these two"},
    {"objective", "Proposal"},
    {"start", "Schedule"},
    {"business_impact", "Results: for the results document (pov results)"},
    {"ps_positioned", "Services and licence"},
}};

// ---- reading ----------------------------------------------------------------------------------

std::size_t line_of(const toml::node& node)
{
    return node.source().begin.line;
}

[[noreturn]] void plan_error(std::string_view source, const toml::node& node, const std::string& message)
{
    throw Error(Exit::invalid, fmt::format("{}:{}: {}", source, line_of(node), message));
}

std::string_view type_name(const toml::node& node)
{
    switch (node.type()) {
    case toml::node_type::string: return "text";
    case toml::node_type::integer: return "a whole number";
    case toml::node_type::floating_point: return "a decimal number";
    case toml::node_type::boolean: return "true or false";
    case toml::node_type::date: return "a date";
    case toml::node_type::time: return "a time";
    case toml::node_type::date_time: return "a date and time";
    case toml::node_type::array: return "an array";
    case toml::node_type::table: return "a table";
    case toml::node_type::none: break;
    }
    return "nothing";
}

// What a field's key takes, for the error about a value of the wrong TOML type.
std::string_view expected_value(FieldKind kind)
{
    switch (kind) {
    case FieldKind::line:
    case FieldKind::multiline: return "text in quotes";
    case FieldKind::choice: return "one of its choices in quotes";
    case FieldKind::integer: return "a whole number";
    case FieldKind::money: return "a whole number of dollars, or text such as \"150k\"";
    case FieldKind::boolean: return "true or false";
    case FieldKind::date: return "a date such as 2026-03-02, or text such as \"+14d\"";
    }
    return "a value";
}

// What the user wrote for a field, as the text an option would carry; throws when the TOML type
// does not fit the field.
std::string raw_value(const Field& field, const toml::node& node, std::string_view source)
{
    if (const auto* text = node.as_string()) {
        return text->get();
    }
    const bool number = field.kind == FieldKind::integer || field.kind == FieldKind::money;
    if (const auto* integer = node.as_integer(); integer != nullptr && number) {
        return std::to_string(integer->get());
    }
    if (const auto* boolean = node.as_boolean(); boolean != nullptr && field.kind == FieldKind::boolean) {
        return boolean->get() ? "true" : "false";
    }
    if (const auto* date = node.as_date(); date != nullptr && field.kind == FieldKind::date) {
        const auto& value = date->get();
        return fmt::format("{:04}-{:02}-{:02}", value.year, value.month, value.day);
    }
    plan_error(source, node,
               fmt::format("{} must be {}; got {}", field.name, expected_value(field.kind), type_name(node)));
}

// The parsed value in the form parse_field_input reads back unchanged.
std::string canonical(const Json& value)
{
    if (value.is_null()) {
        return {};
    }
    if (value.is_string()) {
        return value.get<std::string>();
    }
    if (value.is_boolean()) {
        return value.get<bool>() ? "true" : "false";
    }
    return value.dump();
}

std::optional<FieldInput> read_field(const Field& field, const toml::node& node, std::string_view source, Date today)
{
    const auto raw = raw_value(field, node, source);
    if (raw.empty() && !field.optional) {
        return std::nullopt; // segment and type cannot be empty: an empty one is not filled in
    }
    try {
        return FieldInput{std::string(field.name), canonical(parse_field_input(field, raw, today, field.name))};
    } catch (const Error& e) {
        plan_error(source, node, e.what());
    }
}

std::vector<NewCapability> read_capabilities(const toml::node& node, std::string_view source)
{
    const auto* array = node.as_array();
    const bool tables = array != nullptr && std::all_of(array->begin(), array->end(),
                                                        [](const toml::node& item) { return item.is_table(); });
    if (!tables) {
        plan_error(source, node,
                   fmt::format("capabilities must be [[capabilities]] tables with title, target and outcome; got {}",
                               type_name(node)));
    }
    std::vector<NewCapability> capabilities;
    for (const auto& item : *array) {
        const auto& table = *item.as_table();
        const auto n = capabilities.size() + 1;
        NewCapability capability;
        for (const auto& [key, value] : table) {
            const std::string_view name = key.str(); // a named copy: clang 14 cannot capture a binding
            const auto known = std::find_if(capability_keys.begin(), capability_keys.end(),
                                            [name](const CapabilityKey& k) { return k.name == name; });
            if (known == capability_keys.end()) {
                plan_error(source, value,
                           fmt::format("unknown key '{}' in capability {}; a capability has title, target and outcome",
                                       key.str(), n));
            }
            if (!value.is_string()) {
                plan_error(
                    source, value,
                    fmt::format("capability {} {} must be text in quotes; got {}", n, key.str(), type_name(value)));
            }
            capability.*(known->member) = value.as_string()->get();
        }
        if (capability.title.empty()) {
            plan_error(source, item, fmt::format("capability {} needs a title", n));
        }
        capabilities.push_back(std::move(capability));
    }
    return capabilities;
}

// ---- writing ----------------------------------------------------------------------------------

void escape_into(std::string& out, char c, bool multiline)
{
    switch (c) {
    case '\\': out += "\\\\"; return;
    case '"': out += "\\\""; return;
    case '\n': out += multiline ? "\n" : "\\n"; return;
    case '\t': out += multiline ? "\t" : "\\t"; return;
    case '\r': out += "\\r"; return;
    default: break;
    }
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) {
        out += fmt::format("\\u{:04X}", byte);
    } else {
        out += c;
    }
}

// A TOML basic string; text over several lines as a multi-line one, which reads as typed.
std::string toml_string(std::string_view text)
{
    const bool multiline = text.find('\n') != std::string_view::npos;
    std::string out = multiline ? "\"\"\"\n" : "\"";
    for (std::size_t i = 0; i < text.size(); ++i) {
        // Within """…""" a quote needs escaping only where it could close the string.
        const bool quote_may_close = i + 1 == text.size() || text[i + 1] == '"';
        if (multiline && text[i] == '"' && !quote_may_close) {
            out += '"';
        } else {
            escape_into(out, text[i], multiline);
        }
    }
    return out + (multiline ? "\"\"\"" : "\"");
}

std::string toml_value(const Field& field, const Json& value)
{
    if (value.is_string()) {
        // A date is a TOML date; everything else that the record holds as text is a string.
        return field.kind == FieldKind::date ? value.get<std::string>() : toml_string(value.get<std::string>());
    }
    if (value.is_boolean()) {
        return value.get<bool>() ? "true" : "false";
    }
    return value.dump();
}

std::string capitalized(std::string_view text)
{
    std::string out(text);
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') {
        out[0] = static_cast<char>(out[0] - 'a' + 'A');
    }
    return out;
}

std::string duration_note(PovType type, const Config& config)
{
    const auto& rule = config.rule(type);
    return fmt::format("{} POVs last {} days (end - start), at most {} with extensions", to_string(type),
                       number_range(rule.min_days, rule.max_days), rule.max_extended_days);
}

// The one-line comment of a key: the field's meaning and the forms its value takes.
std::string comment(const Field& field, const Config& config, std::optional<PovType> type)
{
    auto text = capitalized(field.meaning);
    if (field.name == "solution") {
        text += fmt::format(": {}", fmt::join(config.solutions, ", "));
    }
    if (field.kind == FieldKind::date) {
        text += "; YYYY-MM-DD, or \"today\", \"+14d\"";
    } else if (field.kind == FieldKind::boolean) {
        text += "; true or false";
    }
    if (field.name == "start" && type) {
        text += "; " + duration_note(*type, config);
    }
    return "# " + text + "\n";
}

std::string section_header(std::string_view field_name)
{
    for (const auto& section : sections) {
        if (section.first_field == field_name) {
            return fmt::format("\n# ---- {} ----\n", section.title);
        }
    }
    return {};
}

// Whether a key shows the POV's value (plan show) or is blank for the user to fill (template).
enum class Mode { show, blank };

std::string render_fields(const Pov& pov, const Config& config, Mode mode, std::optional<PovType> type)
{
    std::string out;
    for (const auto& field : record_fields()) {
        if (field.access != FieldAccess::writable) {
            continue;
        }
        out += section_header(field.name) + comment(field, config, type);
        const bool filled_type = field.name == "type" && type;
        const auto value = mode == Mode::blank && !filled_type ? Json(nullptr) : field.get(pov);
        if (value.is_null()) {
            out += fmt::format("{}{} = \"\"\n", mode == Mode::show ? "# " : "", field.name);
        } else {
            out += fmt::format("{} = {}\n", field.name, toml_value(field, value));
        }
    }
    return out;
}

std::string capability_example()
{
    std::string out = "# [[capabilities]]\n";
    for (const auto& key : capability_keys) {
        out += fmt::format("# {:<8}= \"\"  # {}\n", key.name, key.meaning);
    }
    return out;
}

std::string render_capabilities(const Pov& pov, const Config& config, Mode mode)
{
    std::string out =
        fmt::format("\n# ---- Success criteria: 1 to {}, each specific, measurable and tied to a business "
                    "outcome ----\n",
                    config.max_capabilities);
    if (mode == Mode::blank || pov.capabilities.empty()) {
        return out + "# Add a block like this one for each, without the leading '# ':\n" + capability_example();
    }
    out += "# A criterion that keeps its title keeps its status and evidence (pov cap set).\n";
    for (const auto& capability : pov.capabilities) {
        out += fmt::format("\n# {}: {}\n[[capabilities]]\n", capability.n, to_string(capability.status));
        const NewCapability keys{capability.title, capability.target, capability.outcome};
        for (const auto& key : capability_keys) {
            const auto& text = keys.*(key.member);
            out += fmt::format("{}{} = {}\n", text.empty() ? "# " : "", key.name, toml_string(text));
        }
    }
    return out;
}

constexpr std::string_view value_forms =
    "# Text in quotes (\"\"\"…\"\"\" over several lines); dates as 2026-03-02 or \"today\", \"+14d\";\n"
    "# money as 150000 or \"150k\"; yes/no as true or false. An unknown key is an error.\n";

} // namespace

Plan parse_plan(std::string_view text, std::string_view source, Date today)
{
    toml::table root;
    try {
        root = toml::parse(text, source);
    } catch (const toml::parse_error& e) {
        throw Error(Exit::invalid, fmt::format("{}:{}: {}", source, e.source().begin.line, e.description()));
    }
    for (const auto& [key, node] : root) {
        if (key.str() == capabilities_key) {
            continue;
        }
        const auto* field = find_field(key.str());
        if (field == nullptr) {
            throw Error(Exit::invalid, fmt::format("unknown key '{}' in {} (line {}); see pov plan template", key.str(),
                                                   source, line_of(node)));
        }
        if (field->access != FieldAccess::writable) {
            plan_error(
                source, node,
                fmt::format("'{}' is not set from a plan; the lifecycle commands (or pov set) set it", key.str()));
        }
    }
    Plan plan{std::string(source), {}, std::nullopt};
    for (const auto& field : record_fields()) {
        if (const auto* node = root.get(field.name)) {
            if (auto input = read_field(field, *node, source, today)) {
                plan.fields.push_back(std::move(*input));
            }
        }
    }
    if (const auto* node = root.get(capabilities_key)) {
        plan.capabilities = read_capabilities(*node, source);
    }
    return plan;
}

Plan whole_plan(Plan plan)
{
    std::vector<FieldInput> fields;
    for (const auto& field : record_fields()) {
        if (field.access != FieldAccess::writable) {
            continue;
        }
        if (auto value = input_value(plan.fields, field.name)) {
            fields.push_back({std::string(field.name), std::move(*value)});
        } else if (field.optional) {
            fields.push_back({std::string(field.name), ""});
        }
    }
    plan.fields = std::move(fields);
    if (!plan.capabilities) {
        plan.capabilities.emplace();
    }
    return plan;
}

std::optional<std::string> input_value(const std::vector<FieldInput>& inputs, std::string_view field)
{
    // A field given twice takes the last value, as an option given twice does.
    const auto found =
        std::find_if(inputs.rbegin(), inputs.rend(), [&](const FieldInput& input) { return input.field == field; });
    return found == inputs.rend() ? std::nullopt : std::optional<std::string>(found->value);
}

std::vector<FieldInput> with_line_values(const Plan& plan, const std::vector<FieldInput>& line)
{
    std::vector<FieldInput> merged;
    for (const auto& field : record_fields()) {
        auto value = input_value(line, field.name);
        if (!value) {
            value = input_value(plan.fields, field.name);
        }
        if (value) {
            merged.push_back({std::string(field.name), std::move(*value)});
        }
    }
    return merged;
}

bool plan_breaks(const Plan& plan, Pov base, std::string_view message, const Config& config, Date today)
{
    try {
        for (const auto& input : plan.fields) {
            const auto& field = *find_field(input.field);
            put_field(base, field, parse_field_input(field, input.value, today));
        }
    } catch (const Error&) {
        return false; // parse_plan checked every value: nothing to blame here
    }
    if (plan.capabilities) {
        base.capabilities.clear();
        for (const auto& wanted : *plan.capabilities) {
            auto& capability = base.capabilities.emplace_back();
            capability.n = static_cast<int>(base.capabilities.size());
            capability.title = wanted.title;
            capability.target = wanted.target;
            capability.outcome = wanted.outcome;
        }
    }
    const auto found = find_violations(base, config);
    return std::any_of(found.begin(), found.end(), [&](const Violation& v) { return v.message == message; });
}

std::string plan_template(const Config& config, std::optional<PovType> type)
{
    Pov blank;
    if (type) {
        blank.type = *type;
    }
    std::string out = "# A POV plan (TOML). Fill in what you know, leave the rest empty, then create the POV:\n"
                      "#   pov create --from FILE      (options on the command line win over the plan)\n"
                      "# name, account and sa are required, here or on the command line.\n";
    out += value_forms;
    out += render_fields(blank, config, Mode::blank, type);
    out += render_capabilities(blank, config, Mode::blank);
    return out;
}

std::string plan_to_toml(const Pov& pov, const Config& config)
{
    std::string out = fmt::format("# POV {}: {} ({}), as a plan. A commented-out key is empty.\n"
                                  "# Change it with pov edit {}, or with pov set {} --from FILE (which sets the keys "
                                  "the file gives).\n",
                                  pov.id, escape_control(pov.name), to_string(pov.status), pov.id, pov.id);
    out += value_forms;
    out += render_fields(pov, config, Mode::show, pov.type);
    out += render_capabilities(pov, config, Mode::show);
    return out;
}

} // namespace pov
