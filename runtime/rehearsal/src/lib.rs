//! The upgrade-rehearsal runtime: fxchain-runtime built with its `upgrade-rehearsal` feature
//! (one `spec_version` higher, with supervision's `migrations::v1`), which the live-network
//! upgrade test (`zombienet/upgrade.test.mjs`) sets as the new code. Natively this crate is
//! empty; its wasm is fxchain-runtime's, re-exported.

#![cfg_attr(not(feature = "std"), no_std)]

#[cfg(not(feature = "std"))]
pub use fxchain_runtime::*;
