// Visiting the block variants: one lambda per alternative and no catch-all, so a block
// type that a report kind gains but a builder forgets is a compile error.
#pragma once

namespace povo::report::detail {

template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

}  // namespace povo::report::detail
