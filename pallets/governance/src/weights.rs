//! Weights for `pallet_governance`.
//!
//! PROVISIONAL: `enact` itself reads and writes no storage of its own (the event aside) and its
//! execution time is not yet measured. Replaced by the output of `scripts/benchmark.sh` (issue 9),
//! which runs `src/benchmarking.rs` on the reference machine; do not tune by hand.

#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::weights::Weight;

/// Weight functions needed for `pallet_governance`.
pub trait WeightInfo {
	fn enact() -> Weight;
}

/// Weights for `pallet_governance` using the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn enact() -> Weight {
		Weight::zero()
	}
}

impl WeightInfo for () {
	fn enact() -> Weight {
		Weight::zero()
	}
}
