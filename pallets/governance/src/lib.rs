//! # Governance
//!
//! The regulator council acting as the chain's root.
//!
//! ## Overview
//!
//! fxchain has no sudo key outside its `dev` chain. A few calls of polkadot-sdk pallets accept only
//! the `Root` origin, the runtime upgrade (`system.setCode`) first among them. This pallet lets
//! `T::GovernanceOrigin` (two thirds of the regulator council) dispatch such a call as `Root`:
//!
//! ```text
//! council.propose(threshold, governance.enact(system.setCode(wasm)))  -> votes -> council.close
//!   -> governance.enact with the council's 2/3 origin -> system.setCode with Root
//! ```
//!
//! ## Interface
//!
//! ### Governance (`T::GovernanceOrigin`)
//!
//! - [`Pallet::enact`]: dispatch a call with the `Root` origin.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::boxed::Box;
	use frame_support::{
		dispatch::{GetDispatchInfo, PostDispatchInfo},
		pallet_prelude::*,
		traits::UnfilteredDispatchable,
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::Dispatchable;

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// A call of the runtime.
		type RuntimeCall: Parameter
			+ Dispatchable<RuntimeOrigin = Self::RuntimeOrigin, PostInfo = PostDispatchInfo>
			+ UnfilteredDispatchable<RuntimeOrigin = Self::RuntimeOrigin>
			+ GetDispatchInfo
			+ From<frame_system::Call<Self>>;

		/// The origin that may act as `Root`: two thirds of the regulator council.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Weights of this pallet's calls, from its benchmarks.
		type WeightInfo: WeightInfo;
	}

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A call was dispatched with the `Root` origin; `result` is its outcome.
		Enacted { result: DispatchResult },
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Dispatch `call` with the `Root` origin.
		///
		/// The dispatch origin must be `T::GovernanceOrigin`. The call's own failure does not fail
		/// this call: it is reported in the event, so that the council's motion is recorded as
		/// executed with the call's outcome.
		///
		/// Emits `Enacted`.
		#[pallet::call_index(0)]
		#[pallet::weight({
			let info = call.get_dispatch_info();
			(T::WeightInfo::enact().saturating_add(info.call_weight), info.class)
		})]
		pub fn enact(
			origin: OriginFor<T>,
			call: Box<<T as Config>::RuntimeCall>,
		) -> DispatchResultWithPostInfo {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let outcome = call.dispatch_bypass_filter(frame_system::RawOrigin::Root.into());
			let call_weight = match &outcome {
				Ok(post) => post.actual_weight,
				Err(err) => err.post_info.actual_weight,
			};
			Self::deposit_event(Event::Enacted {
				result: outcome.map(|_| ()).map_err(|e| e.error),
			});
			Ok(call_weight.map(|w| w.saturating_add(T::WeightInfo::enact())).into())
		}
	}
}
