//! Unit tests, one file per family of calls.

mod catalogue;
mod common;
mod consents;
mod disputes;
mod invariants;
mod queries;
mod retention;
mod smoke;
mod statutory;
