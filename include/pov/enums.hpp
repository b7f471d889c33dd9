// The closed sets of the contract (section 2), with their one spelling in text and JSON.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace pov {

enum class Status { new_, qualified, in_progress, closed, cancelled };
enum class PovType { guided, onsite, paid, lite };
enum class Segment { enterprise, commercial };
enum class Deal { new_logo, uptier };
enum class Result { successful, unsuccessful };
enum class LossType { technical, non_technical };
enum class CapabilityStatus { pending, met, partial, not_met };
enum class JournalKind { note, retro };
enum class EventKind {
    created,
    updated,
    criteria_changed,
    signed_off,
    qualified,
    approved,
    started,
    extended,
    logged,
    closed,
    cancelled,
    reopened,
    imported,
    forced,
    journal_changed
};
// Risks of section 9, worst first: a POV's list of risks and the attention list sort by this.
enum class Risk {
    overdue,
    over_limit,
    off_track,
    unsigned_criteria,
    no_exec_review,
    endless_extension,
    no_progress,
    criteria_creep,
    late_start,
    not_approved,
    stale,
    ending_soon,
    ps_not_positioned
};

// Spellings, indexed by the enum's value.
template <typename E> struct EnumNames;
template <> struct EnumNames<Status> {
    static constexpr std::array<std::string_view, 5> names{"new", "qualified", "in_progress", "closed", "cancelled"};
};
template <> struct EnumNames<PovType> {
    static constexpr std::array<std::string_view, 4> names{"guided", "onsite", "paid", "lite"};
};
template <> struct EnumNames<Segment> {
    static constexpr std::array<std::string_view, 2> names{"enterprise", "commercial"};
};
template <> struct EnumNames<Deal> {
    static constexpr std::array<std::string_view, 2> names{"new-logo", "uptier"};
};
template <> struct EnumNames<Result> {
    static constexpr std::array<std::string_view, 2> names{"successful", "unsuccessful"};
};
template <> struct EnumNames<LossType> {
    static constexpr std::array<std::string_view, 2> names{"technical", "non-technical"};
};
template <> struct EnumNames<CapabilityStatus> {
    static constexpr std::array<std::string_view, 4> names{"pending", "met", "partial", "not-met"};
};
template <> struct EnumNames<JournalKind> {
    static constexpr std::array<std::string_view, 2> names{"note", "retro"};
};
template <> struct EnumNames<EventKind> {
    static constexpr std::array<std::string_view, 15> names{
        "created", "updated", "criteria_changed", "signed_off", "qualified", "approved", "started",        "extended",
        "logged",  "closed",  "cancelled",        "reopened",   "imported",  "forced",   "journal_changed"};
};

template <> struct EnumNames<Risk> {
    static constexpr std::array<std::string_view, 13> names{
        "overdue",          "over_limit",     "off_track",  "unsigned_criteria", "no_exec_review", "endless_extension",
        "no_progress",      "criteria_creep", "late_start", "not_approved",      "stale",          "ending_soon",
        "ps_not_positioned"};
};

template <typename E> constexpr std::string_view to_string(E value)
{
    return EnumNames<E>::names[static_cast<std::size_t>(value)];
}

template <typename E> constexpr std::optional<E> enum_from_string(std::string_view text)
{
    const auto& names = EnumNames<E>::names;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i] == text) {
            return static_cast<E>(i);
        }
    }
    return std::nullopt;
}

// The accepted spellings joined: "guided, onsite, paid, lite" for an error message,
// "guided|onsite|paid|lite" (with "|") for an option's help.
template <typename E> std::string enum_choices(std::string_view separator = ", ")
{
    std::string out;
    for (const auto name : EnumNames<E>::names) {
        if (!out.empty()) {
            out += separator;
        }
        out += name;
    }
    return out;
}

} // namespace pov
