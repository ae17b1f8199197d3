//! Weights for `pallet_supervision`: placeholders until `scripts/benchmark.sh supervision`
//! generates this file.

#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// Weight functions needed for `pallet_supervision`.
pub trait WeightInfo {
	fn set_rule() -> Weight;
	fn set_rate_setter() -> Weight;
	fn set_rate() -> Weight;
	fn freeze_account() -> Weight;
	fn unfreeze_account() -> Weight;
	fn freeze_currency() -> Weight;
	fn unfreeze_currency() -> Weight;
	fn pause_payments() -> Weight;
	fn resume_payments() -> Weight;
	fn watch_list() -> Weight;
	fn remove_from_watch_list() -> Weight;
	fn review_report() -> Weight;
	fn file_feedback() -> Weight;
	fn answer_feedback() -> Weight;
	fn supervise() -> Weight;
	fn prune_reports(n: u32) -> Weight;
	fn stamp_genesis_rates(n: u32) -> Weight;
}

/// Weights for `pallet_supervision`, measured with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn set_rule() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads_writes(20, 20))
	}
	fn set_rate_setter() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads_writes(20, 20))
	}
	fn set_rate() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads_writes(20, 20))
	}
	fn freeze_account() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads_writes(20, 20))
	}
	fn unfreeze_account() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads_writes(20, 20))
	}
	fn freeze_currency() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads_writes(20, 20))
	}
	fn unfreeze_currency() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads_writes(20, 20))
	}
	fn pause_payments() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads_writes(20, 20))
	}
	fn resume_payments() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads_writes(20, 20))
	}
	fn watch_list() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads_writes(20, 20))
	}
	fn remove_from_watch_list() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads_writes(20, 20))
	}
	fn review_report() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads_writes(20, 20))
	}
	fn file_feedback() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads_writes(20, 20))
	}
	fn answer_feedback() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads_writes(20, 20))
	}
	fn supervise() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads_writes(20, 20))
	}
	fn prune_reports(n: u32) -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_mul(n.into())
			.saturating_add(T::DbWeight::get().reads_writes(20, 20))
	}
	fn stamp_genesis_rates(n: u32) -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_mul(n.into())
			.saturating_add(T::DbWeight::get().reads_writes(20, 20))
	}
}

// For backwards compatibility and tests.
impl WeightInfo for () {
	fn set_rule() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads_writes(20, 20))
	}
	fn set_rate_setter() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads_writes(20, 20))
	}
	fn set_rate() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads_writes(20, 20))
	}
	fn freeze_account() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads_writes(20, 20))
	}
	fn unfreeze_account() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads_writes(20, 20))
	}
	fn freeze_currency() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads_writes(20, 20))
	}
	fn unfreeze_currency() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads_writes(20, 20))
	}
	fn pause_payments() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads_writes(20, 20))
	}
	fn resume_payments() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads_writes(20, 20))
	}
	fn watch_list() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads_writes(20, 20))
	}
	fn remove_from_watch_list() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads_writes(20, 20))
	}
	fn review_report() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads_writes(20, 20))
	}
	fn file_feedback() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads_writes(20, 20))
	}
	fn answer_feedback() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads_writes(20, 20))
	}
	fn supervise() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads_writes(20, 20))
	}
	fn prune_reports(n: u32) -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_mul(n.into())
			.saturating_add(RocksDbWeight::get().reads_writes(20, 20))
	}
	fn stamp_genesis_rates(n: u32) -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_mul(n.into())
			.saturating_add(RocksDbWeight::get().reads_writes(20, 20))
	}
}
