// concurrency/transfer_cost: a payload goes to a worker process, which reads all of it
// (a checksum) and answers. Serialised through a pipe, or placed in shared memory:
// what does each cost per size, and where do they cross?
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "idiombench/case.hpp"

namespace idiombench::concurrency::transfer_cost {

struct Input {
  std::vector<unsigned char> payload;
  std::uint64_t id = 0;  // unique per input made in this process (see shared_memory.cpp)
};
using Output = std::uint64_t;  // the worker's checksum of what it received

// Reads every byte: the sum of the 8-byte words, the i-th multiplied by 2i + 1 (so a
// misplaced word shows), then the tail bytes. One multiply-add per word: it keeps up
// with memory.
std::uint64_t checksum(const unsigned char* data, std::size_t size);

// A variant: sends the payload to its worker process and returns the worker's checksum.
using Transfer = Output (*)(const Input& in);

Case<Input, Output>& the_case();
Registration register_transfer(const std::string& name, Transfer run);

// An input of `size` pseudo-random bytes.
Input make_payload(std::size_t size);

Output transfer_pipe(const Input& in);
Output transfer_shared_memory(const Input& in);
Output transfer_shared_memory_in_place(const Input& in);

}  // namespace idiombench::concurrency::transfer_cost
