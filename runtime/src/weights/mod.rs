//! Weights of the polkadot-sdk pallets in fxchain's runtime, and the block and extrinsic
//! overhead, all measured on fxchain's reference machine (2 cores) by `scripts/benchmark.sh`.
//! fxchain's own pallets keep theirs in `pallets/<name>/src/weights.rs`. Database accesses are
//! priced at ParityDB's (`frame_system::Config::DbWeight`), the only backend fxchain-node uses.
//!
//! Every file here is generated; rerun the script rather than editing one.

pub mod block_weights;
pub mod extrinsic_weights;
pub mod frame_system;
pub mod frame_system_extensions;
pub mod pallet_balances;
pub mod pallet_collective;
pub mod pallet_identity;
pub mod pallet_membership;
pub mod pallet_session;
pub mod pallet_sudo;
pub mod pallet_timestamp;
pub mod pallet_transaction_payment;
pub mod pallet_utility;
