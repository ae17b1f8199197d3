//! Placeholder until `scripts/benchmark.sh forex` generates this file.

use core::marker::PhantomData;
use frame_support::weights::Weight;

pub trait WeightInfo {
	fn register_currency() -> Weight;
	fn add_issuer() -> Weight;
	fn remove_issuer() -> Weight;
	fn deposit() -> Weight;
	fn request_withdrawal() -> Weight;
	fn complete_withdrawal() -> Weight;
	fn decline_withdrawal() -> Weight;
	fn pay() -> Weight;
	fn release() -> Weight;
	fn reject() -> Weight;
	fn post_quote() -> Weight;
	fn withdraw_quote() -> Weight;
	fn exchange() -> Weight;
	fn propose_trade() -> Weight;
	fn accept_trade() -> Weight;
	fn decline_trade() -> Weight;
	fn cancel_trade() -> Weight;
}
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn register_currency() -> Weight {
		Weight::from_parts(1_000_000_000, 0)
	}
	fn add_issuer() -> Weight {
		Weight::from_parts(1_000_000_000, 0)
	}
	fn remove_issuer() -> Weight {
		Weight::from_parts(1_000_000_000, 0)
	}
	fn deposit() -> Weight {
		Weight::from_parts(1_000_000_000, 0)
	}
	fn request_withdrawal() -> Weight {
		Weight::from_parts(1_000_000_000, 0)
	}
	fn complete_withdrawal() -> Weight {
		Weight::from_parts(1_000_000_000, 0)
	}
	fn decline_withdrawal() -> Weight {
		Weight::from_parts(1_000_000_000, 0)
	}
	fn pay() -> Weight {
		Weight::from_parts(1_000_000_000, 0)
	}
	fn release() -> Weight {
		Weight::from_parts(1_000_000_000, 0)
	}
	fn reject() -> Weight {
		Weight::from_parts(1_000_000_000, 0)
	}
	fn post_quote() -> Weight {
		Weight::from_parts(1_000_000_000, 0)
	}
	fn withdraw_quote() -> Weight {
		Weight::from_parts(1_000_000_000, 0)
	}
	fn exchange() -> Weight {
		Weight::from_parts(1_000_000_000, 0)
	}
	fn propose_trade() -> Weight {
		Weight::from_parts(1_000_000_000, 0)
	}
	fn accept_trade() -> Weight {
		Weight::from_parts(1_000_000_000, 0)
	}
	fn decline_trade() -> Weight {
		Weight::from_parts(1_000_000_000, 0)
	}
	fn cancel_trade() -> Weight {
		Weight::from_parts(1_000_000_000, 0)
	}
}
impl WeightInfo for () {
	fn register_currency() -> Weight {
		Weight::from_parts(1_000_000_000, 0)
	}
	fn add_issuer() -> Weight {
		Weight::from_parts(1_000_000_000, 0)
	}
	fn remove_issuer() -> Weight {
		Weight::from_parts(1_000_000_000, 0)
	}
	fn deposit() -> Weight {
		Weight::from_parts(1_000_000_000, 0)
	}
	fn request_withdrawal() -> Weight {
		Weight::from_parts(1_000_000_000, 0)
	}
	fn complete_withdrawal() -> Weight {
		Weight::from_parts(1_000_000_000, 0)
	}
	fn decline_withdrawal() -> Weight {
		Weight::from_parts(1_000_000_000, 0)
	}
	fn pay() -> Weight {
		Weight::from_parts(1_000_000_000, 0)
	}
	fn release() -> Weight {
		Weight::from_parts(1_000_000_000, 0)
	}
	fn reject() -> Weight {
		Weight::from_parts(1_000_000_000, 0)
	}
	fn post_quote() -> Weight {
		Weight::from_parts(1_000_000_000, 0)
	}
	fn withdraw_quote() -> Weight {
		Weight::from_parts(1_000_000_000, 0)
	}
	fn exchange() -> Weight {
		Weight::from_parts(1_000_000_000, 0)
	}
	fn propose_trade() -> Weight {
		Weight::from_parts(1_000_000_000, 0)
	}
	fn accept_trade() -> Weight {
		Weight::from_parts(1_000_000_000, 0)
	}
	fn decline_trade() -> Weight {
		Weight::from_parts(1_000_000_000, 0)
	}
	fn cancel_trade() -> Weight {
		Weight::from_parts(1_000_000_000, 0)
	}
}
