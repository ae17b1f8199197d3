//! Weights for `pallet_data_sharing`: NOT YET MEASURED. `scripts/benchmark.sh data-sharing`
//! replaces this file with weights generated from the pallet's benchmarks; until then the pallet
//! stays out of the runtime.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens, unused_imports, missing_docs, clippy::unnecessary_cast)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_data_sharing`.
pub trait WeightInfo {
	fn register_item() -> Weight;
	fn update_item() -> Weight;
	fn remove_item() -> Weight;
	fn grant() -> Weight;
	fn revoke() -> Weight;
	fn query() -> Weight;
	fn record_result() -> Weight;
	fn statutory_query() -> Weight;
	fn dispute() -> Weight;
	fn answer_dispute() -> Weight;
	fn set_params() -> Weight;
	fn seal_case() -> Weight;
	fn prune(e: u32, c: u32, ) -> Weight;
}

impl WeightInfo for () {
	fn register_item() -> Weight {
		Weight::zero()
	}
	fn update_item() -> Weight {
		Weight::zero()
	}
	fn remove_item() -> Weight {
		Weight::zero()
	}
	fn grant() -> Weight {
		Weight::zero()
	}
	fn revoke() -> Weight {
		Weight::zero()
	}
	fn query() -> Weight {
		Weight::zero()
	}
	fn record_result() -> Weight {
		Weight::zero()
	}
	fn statutory_query() -> Weight {
		Weight::zero()
	}
	fn dispute() -> Weight {
		Weight::zero()
	}
	fn answer_dispute() -> Weight {
		Weight::zero()
	}
	fn set_params() -> Weight {
		Weight::zero()
	}
	fn seal_case() -> Weight {
		Weight::zero()
	}
	fn prune(_e: u32, _c: u32, ) -> Weight {
		Weight::zero()
	}
}
