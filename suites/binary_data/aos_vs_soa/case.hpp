// binary_data/aos_vs_soa: the same particles as an array of structs (56 bytes each), a
// struct of arrays, and an array of blocks of 8 (AoSoA): summing one field (`sum_mass`
// reads 8 of every 56 bytes in AoS) and setting two from two others (`set_positions`:
// px = vx * t, py = vy * t, then their sum), in cache and beyond it. Python's answers are
// the `array` module and NumPy, beside a list of objects.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "idiombench/case.hpp"

namespace idiombench::binary_data::aos_vs_soa {

struct Particle {
  double px, py, vx, vy, mass, charge;
  std::uint32_t id, flags;
};
static_assert(sizeof(Particle) == 56);

struct Particles {  // the struct of arrays
  std::vector<double> px, py, vx, vy, mass, charge;
  std::vector<std::uint32_t> id, flags;
};

inline constexpr std::size_t block = 8;
struct Block {  // AoSoA: 8 particles' fields side by side, one block after another
  double px[block], py[block], vx[block], vy[block], mass[block], charge[block];
  std::uint32_t id[block], flags[block];
};

enum class Operation { sum_mass, set_positions };
inline constexpr double time_step = 0.125;

struct Input {
  Operation op = Operation::sum_mass;
  std::size_t n = 0;
  // Every layout holds the same particles; set_positions writes px and py in each, the
  // same values every time (so the input stays the same across runs).
  mutable std::vector<Particle> aos;
  mutable Particles soa;
  mutable std::vector<Block> aosoa;  // the last block padded with zero-mass particles
};
// The loop's answer (the sum), and what the layout holds in px + py afterwards, read back
// on the verification run only: a variant that returns the right sum without writing
// the positions fails.
struct Output {
  double result = 0;
  double written = 0;
  friend std::ostream& operator<<(std::ostream& os, const Output& o) {
    return os << "{result " << o.result << ", written " << o.written << "}";
  }
};

Case<Input, Output>& the_case();

enum class Layout { aos, soa, aosoa };

// px + py summed over what `layout` holds.
double written_sum(const Input& in, Layout layout);

// A variant whose loop `run` works on `layout`.
VariantSpec<Input, Output> layout_variant(std::string name, Layout layout,
                                          double (*run)(const Input&));

}  // namespace idiombench::binary_data::aos_vs_soa
