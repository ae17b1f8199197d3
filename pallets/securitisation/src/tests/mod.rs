//! Unit tests, one file per family of calls.

mod closing;
mod collections;
mod common;
mod payouts;
mod pools;
mod purchases;
mod waterfall;
