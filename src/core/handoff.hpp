// Batches handed from one thread to another in order, a few at a time: the importer reads and
// checks a document on one core while it stores the records already read on the other.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <mutex>
#include <utility>
#include <vector>

namespace pov {

// The giving side put()s batches and ends with close(), or with close(error) when it failed; the
// taking side take()s them in the order given and learns of the error after the batches given
// before it. At most `capacity` batches wait: a giver ahead of its taker waits too, so memory
// holds a few batches, not the document. A taker that stops early cancel()s: the giver's next
// put() returns false instead of waiting for ever.
//
// A taker done with a batch may give_back() it, and the giver destroy or reuse it (spent()): memory
// is then freed by the thread that allocated it. glibc keeps an arena per thread, and a free from
// another thread takes that arena's lock against the thread allocating in it (a large import spent
// a tenth of its time there).
template <typename T> class Handoff {
public:
    explicit Handoff(std::size_t capacity) : capacity_(capacity == 0 ? 1 : capacity) {}

    // Waits for room; false when the taker has cancelled (the batch is dropped). Empty batches
    // are not handed on.
    bool put(std::vector<T>&& batch)
    {
        std::unique_lock lock(mutex_);
        room_.wait(lock, [&] { return cancelled_ || batches_.size() < capacity_; });
        if (cancelled_) {
            return false;
        }
        if (!batch.empty()) {
            batches_.push_back(std::move(batch));
            ready_.notify_one();
        }
        return true;
    }

    // No more batches; `error`, when given, is rethrown by take() once the batches before it are taken.
    void close(std::exception_ptr error = nullptr)
    {
        std::lock_guard lock(mutex_);
        closed_ = true;
        error_ = std::move(error);
        ready_.notify_one();
    }

    // The next batch, waiting for it; empty when the giver closed and every batch was taken.
    std::vector<T> take()
    {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [&] { return closed_ || !batches_.empty(); });
        if (batches_.empty()) {
            if (error_) {
                std::rethrow_exception(std::exchange(error_, nullptr));
            }
            return {};
        }
        auto batch = std::move(batches_.front());
        batches_.pop_front();
        room_.notify_one();
        return batch;
    }

    // The taker is done with a batch taken: it goes back to the giver's side, never waiting.
    void give_back(std::vector<T>&& batch)
    {
        std::lock_guard lock(mutex_);
        if (!cancelled_) {
            spent_.push_back(std::move(batch));
        }
    }

    // The batches given back so far, for the giver to destroy or reuse; never waits.
    std::vector<std::vector<T>> spent()
    {
        std::lock_guard lock(mutex_);
        return std::exchange(spent_, {});
    }

    // The taker stops: batches waiting are dropped and the giver's put() returns false.
    void cancel()
    {
        std::lock_guard lock(mutex_);
        cancelled_ = true;
        batches_.clear();
        spent_.clear();
        room_.notify_all();
    }

private:
    std::size_t capacity_;
    std::mutex mutex_;
    std::condition_variable ready_; // a batch, or the end, for the taker
    std::condition_variable room_;  // room, or a cancel, for the giver
    std::deque<std::vector<T>> batches_;
    std::vector<std::vector<T>> spent_;
    bool closed_ = false;
    bool cancelled_ = false;
    std::exception_ptr error_;
};

} // namespace pov
