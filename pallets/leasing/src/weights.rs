//! Weights for `pallet_leasing`: replaced by `scripts/benchmark.sh leasing`.

#![allow(missing_docs)]

use frame_support::weights::Weight;

/// Weight functions needed for `pallet_leasing`.
pub trait WeightInfo {
	fn register_asset() -> Weight;
	fn transfer_asset() -> Weight;
	fn pledge_asset() -> Weight;
	fn release_pledge() -> Weight;
	fn deregister_asset() -> Weight;
	fn draft(n: u32) -> Weight;
	fn withdraw_draft() -> Weight;
	fn sign() -> Weight;
	fn set_auto_pay() -> Weight;
	fn pay() -> Weight;
	fn buy_out() -> Weight;
	fn complete() -> Weight;
	fn send_demand() -> Weight;
	fn declare_default() -> Weight;
	fn accelerate() -> Weight;
	fn terminate() -> Weight;
	fn write_off() -> Weight;
	fn collect(n: u32) -> Weight;
	fn concluded() -> Weight;
}

impl WeightInfo for () {
	fn register_asset() -> Weight {
		Weight::zero()
	}
	fn transfer_asset() -> Weight {
		Weight::zero()
	}
	fn pledge_asset() -> Weight {
		Weight::zero()
	}
	fn release_pledge() -> Weight {
		Weight::zero()
	}
	fn deregister_asset() -> Weight {
		Weight::zero()
	}
	fn draft(_: u32) -> Weight {
		Weight::zero()
	}
	fn withdraw_draft() -> Weight {
		Weight::zero()
	}
	fn sign() -> Weight {
		Weight::zero()
	}
	fn set_auto_pay() -> Weight {
		Weight::zero()
	}
	fn pay() -> Weight {
		Weight::zero()
	}
	fn buy_out() -> Weight {
		Weight::zero()
	}
	fn complete() -> Weight {
		Weight::zero()
	}
	fn send_demand() -> Weight {
		Weight::zero()
	}
	fn declare_default() -> Weight {
		Weight::zero()
	}
	fn accelerate() -> Weight {
		Weight::zero()
	}
	fn write_off() -> Weight {
		Weight::zero()
	}
	fn terminate() -> Weight {
		Weight::zero()
	}
	fn collect(_: u32) -> Weight {
		Weight::zero()
	}
	fn concluded() -> Weight {
		Weight::zero()
	}
}
