//! Benchmarks: written next.
