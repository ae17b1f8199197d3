//! Unit tests, one file per family of calls.

mod smoke;
