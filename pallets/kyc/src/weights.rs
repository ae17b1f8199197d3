//! Weights for `pallet_kyc`.
//!
//! PROVISIONAL: replaced by the output of `scripts/benchmark.sh`; do not tune by hand.

#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// Weight functions needed for `pallet_kyc`.
pub trait WeightInfo {
	fn license() -> Weight;
	fn suspend_licence() -> Weight;
	fn reinstate_licence() -> Weight;
	fn revoke_licence() -> Weight;
	fn attest() -> Weight;
	fn renew() -> Weight;
	fn suspend() -> Weight;
	fn reinstate() -> Weight;
	fn revoke() -> Weight;
	fn set_supervision_class() -> Weight;
	fn set_onboarding_allowance() -> Weight;
	fn check_kyc() -> Weight;
}

pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn license() -> Weight {
		T::DbWeight::get().reads_writes(2, 2)
	}
	fn suspend_licence() -> Weight {
		T::DbWeight::get().reads_writes(1, 1)
	}
	fn reinstate_licence() -> Weight {
		T::DbWeight::get().reads_writes(1, 1)
	}
	fn revoke_licence() -> Weight {
		T::DbWeight::get().reads_writes(2, 2)
	}
	fn attest() -> Weight {
		T::DbWeight::get().reads_writes(8, 6)
	}
	fn renew() -> Weight {
		T::DbWeight::get().reads_writes(3, 1)
	}
	fn suspend() -> Weight {
		T::DbWeight::get().reads_writes(1, 1)
	}
	fn reinstate() -> Weight {
		T::DbWeight::get().reads_writes(2, 1)
	}
	fn revoke() -> Weight {
		T::DbWeight::get().reads_writes(1, 1)
	}
	fn set_supervision_class() -> Weight {
		T::DbWeight::get().reads_writes(17, 16)
	}
	fn set_onboarding_allowance() -> Weight {
		T::DbWeight::get().reads_writes(1, 1)
	}
	fn check_kyc() -> Weight {
		T::DbWeight::get().reads(5)
	}
}

impl WeightInfo for () {
	fn license() -> Weight {
		RocksDbWeight::get().reads_writes(2, 2)
	}
	fn suspend_licence() -> Weight {
		RocksDbWeight::get().reads_writes(1, 1)
	}
	fn reinstate_licence() -> Weight {
		RocksDbWeight::get().reads_writes(1, 1)
	}
	fn revoke_licence() -> Weight {
		RocksDbWeight::get().reads_writes(2, 2)
	}
	fn attest() -> Weight {
		RocksDbWeight::get().reads_writes(8, 6)
	}
	fn renew() -> Weight {
		RocksDbWeight::get().reads_writes(3, 1)
	}
	fn suspend() -> Weight {
		RocksDbWeight::get().reads_writes(1, 1)
	}
	fn reinstate() -> Weight {
		RocksDbWeight::get().reads_writes(2, 1)
	}
	fn revoke() -> Weight {
		RocksDbWeight::get().reads_writes(1, 1)
	}
	fn set_supervision_class() -> Weight {
		RocksDbWeight::get().reads_writes(17, 16)
	}
	fn set_onboarding_allowance() -> Weight {
		RocksDbWeight::get().reads_writes(1, 1)
	}
	fn check_kyc() -> Weight {
		RocksDbWeight::get().reads(5)
	}
}
