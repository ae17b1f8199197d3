//! Weights for `pallet_validator_set`.
//!
//! PROVISIONAL: these count the storage reads and writes of each call (from the code) and charge
//! no execution time. They are replaced by the output of `scripts/benchmark.sh` (issue 9), which
//! runs `src/benchmarking.rs` on the reference machine; do not tune them by hand.

#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// Weight functions needed for `pallet_validator_set`.
pub trait WeightInfo {
	fn add_validator(v: u32) -> Weight;
	fn remove_validator(v: u32) -> Weight;
	fn set_min_validators() -> Weight;
}

/// Weights for `pallet_validator_set` using the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Reads `Session::NextKeys`, `ValidatorSet::Validators`; writes `Validators`, `SetChanged`.
	fn add_validator(_v: u32) -> Weight {
		T::DbWeight::get().reads_writes(2, 2)
	}
	/// Reads `MinValidators`, `Validators`; writes `Validators`, `SetChanged`.
	fn remove_validator(_v: u32) -> Weight {
		T::DbWeight::get().reads_writes(2, 2)
	}
	/// Reads `Validators`, `MinValidators`; writes `MinValidators`.
	fn set_min_validators() -> Weight {
		T::DbWeight::get().reads_writes(2, 1)
	}
}

// For tests and mocks.
impl WeightInfo for () {
	fn add_validator(_v: u32) -> Weight {
		RocksDbWeight::get().reads_writes(2, 2)
	}
	fn remove_validator(_v: u32) -> Weight {
		RocksDbWeight::get().reads_writes(2, 2)
	}
	fn set_min_validators() -> Weight {
		RocksDbWeight::get().reads_writes(2, 1)
	}
}
