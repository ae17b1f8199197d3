//! Unit tests, one file per family of calls.

mod assignment;
mod collection;
mod common;
mod financing;
mod holds;
mod invariants;
mod random;
mod registry;
mod repayment;
mod routing;
