// The handoff between the importer's reading thread and its storing one.
#include "core/handoff.hpp"

#include <catch2/catch.hpp>

#include <stdexcept>
#include <thread>

using pov::Handoff;

TEST_CASE("batches arrive in the order given, then the end")
{
    Handoff<int> handoff(2);
    bool all_given = true; // Catch2 asserts on the test's own thread only
    std::thread giver([&] {
        for (int i = 0; i < 100; ++i) {
            all_given = handoff.put({i, i + 1000}) && all_given;
        }
        handoff.put({}); // an empty batch is not handed on
        handoff.close();
    });
    std::vector<int> taken;
    for (auto batch = handoff.take(); !batch.empty(); batch = handoff.take()) {
        REQUIRE(batch.size() == 2);
        CHECK(batch[1] == batch[0] + 1000);
        taken.push_back(batch[0]);
    }
    giver.join();
    CHECK(all_given);
    REQUIRE(taken.size() == 100);
    for (int i = 0; i < 100; ++i) {
        CHECK(taken[i] == i);
    }
    CHECK(handoff.take().empty()); // the end stays the end
}

TEST_CASE("the giver's error comes after the batches given before it")
{
    Handoff<int> handoff(4);
    std::thread giver([&] {
        handoff.put({1});
        handoff.put({2});
        handoff.close(std::make_exception_ptr(std::runtime_error("broken at 3")));
    });
    giver.join();
    CHECK(handoff.take() == std::vector<int>{1});
    CHECK(handoff.take() == std::vector<int>{2});
    CHECK_THROWS_WITH(handoff.take(), "broken at 3");
}

TEST_CASE("a taker that cancels releases a giver waiting for room")
{
    Handoff<int> handoff(1);
    REQUIRE(handoff.put({1})); // full now
    bool given = true;
    std::thread giver([&] { given = handoff.put({2}); }); // waits for room
    handoff.cancel();
    giver.join();
    CHECK_FALSE(given);
    CHECK_FALSE(handoff.put({3}));
}

TEST_CASE("batches given back reach the giver, once each, until the taker cancels")
{
    Handoff<int> handoff(2);
    REQUIRE(handoff.put({1, 2}));
    REQUIRE(handoff.put({3}));
    CHECK(handoff.spent().empty()); // nothing given back yet
    auto first = handoff.take();
    auto second = handoff.take();
    handoff.give_back(std::move(first));
    handoff.give_back(std::move(second));
    const auto spent = handoff.spent();
    REQUIRE(spent.size() == 2);
    CHECK(spent[0] == std::vector<int>{1, 2});
    CHECK(spent[1] == std::vector<int>{3});
    CHECK(handoff.spent().empty()); // handed over once

    REQUIRE(handoff.put({4}));
    handoff.give_back(handoff.take());
    handoff.cancel();
    CHECK(handoff.spent().empty()); // a cancel drops what was given back
    handoff.give_back({5});
    CHECK(handoff.spent().empty()); // and keeps nothing given after it
}
