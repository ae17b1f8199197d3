//! Unit tests, one file per family of calls.

mod buyout;
mod collection;
mod common;
mod contracts;
mod defaults;
mod holds;
mod registry;
mod rent;
mod routing;
mod schedules;
mod smoke;
