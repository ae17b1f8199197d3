//! # Validator set
//!
//! The consortium's validators, changed only by governance.
//!
//! ## Overview
//!
//! fxchain's validators are the nodes of the regulator and its licensed institutions. This pallet
//! keeps the list that governance maintains and hands it to `pallet-session` as its
//! [`SessionManager`]. BABE and GRANDPA take their authorities from the session, so a change made
//! here follows the session's rhythm:
//!
//! - during session `n` governance adds or removes a validator: the list here changes at once and
//!   the pallet emits [`Event::ValidatorAdded`] or [`Event::ValidatorRemoved`];
//! - at the start of session `n + 1` the session pallet asks for the next set: the new list is
//!   queued ([`Event::ValidatorSetQueued`]) and BABE announces it as the next epoch's authorities;
//! - from session `n + 2` the new set produces and finalises blocks.
//!
//! The one-session delay is BABE's: the authorities of an epoch are announced one epoch ahead, so
//! that every node knows who may author before the epoch starts.
//!
//! The genesis set is the one in `session.keys` (what chain-spec tooling such as zombienet
//! rewrites); this pallet adopts it when the chain starts.
//!
//! ## Terminology
//!
//! - *Validator*: an account whose session keys (BABE and GRANDPA) author and finalise blocks.
//! - *Session length*: blocks per session, which are BABE epochs; set at genesis, never changed.
//! - *Minimum*: the number of validators the set may never fall below. GRANDPA needs more than
//!   two thirds of its voters online, so a consortium sets it to keep finality safe.
//!
//! ## Interface
//!
//! ### Governance (`T::GovernanceOrigin`)
//!
//! - [`Pallet::add_validator`]: add an account that has set its session keys.
//! - [`Pallet::remove_validator`]: remove a validator, never below the minimum.
//! - [`Pallet::set_min_validators`]: change the minimum, never above the current set.

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

use alloc::vec::Vec;
use sp_staking::SessionIndex;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;

	/// The validator list as governance keeps it.
	pub type ValidatorsOf<T> =
		BoundedVec<<T as frame_system::Config>::AccountId, <T as Config>::MaxValidators>;

	#[pallet::config]
	pub trait Config:
		frame_system::Config
		+ pallet_session::Config<ValidatorId = <Self as frame_system::Config>::AccountId>
	{
		/// The origin that adds and removes validators and sets the minimum.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The largest validator set the chain supports.
		#[pallet::constant]
		type MaxValidators: Get<u32>;

		/// Weights of this pallet's calls, from its benchmarks.
		type WeightInfo: WeightInfo;
	}

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	/// The validators governance wants; the session pallet takes them at the next session.
	#[pallet::storage]
	pub type Validators<T: Config> = StorageValue<_, ValidatorsOf<T>, ValueQuery>;

	/// The number of validators the set may never fall below.
	#[pallet::storage]
	pub type MinValidators<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// The length of a session (a BABE epoch) in blocks, fixed at genesis: BABE cannot change its
	/// epoch length on a running chain. Test chains use minutes, real networks an hour.
	#[pallet::storage]
	pub type SessionLength<T: Config> = StorageValue<_, u64, ValueQuery>;

	/// True when [`Validators`] changed since the session pallet last took it.
	#[pallet::storage]
	pub type SetChanged<T: Config> = StorageValue<_, bool, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A validator was added; it is queued at the next session and active from the one after.
		ValidatorAdded { who: T::AccountId },
		/// A validator was removed; it stops authoring from the session after the next.
		ValidatorRemoved { who: T::AccountId },
		/// The minimum size of the set changed.
		MinValidatorsChanged { old: u32, new: u32 },
		/// The changed set was handed to the session pallet for session `session`.
		ValidatorSetQueued { session: SessionIndex, validators: u32 },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is a validator already: nothing to add.
		AlreadyExists,
		/// The account is not a validator: check the address in `validatorSet.validators`.
		NotFound,
		/// The set is full (`MaxValidators`): remove a validator first.
		TooManyValidators,
		/// Removing would leave fewer than `MinValidators`: add a validator first, or lower the
		/// minimum.
		TooFewValidators,
		/// The account has no session keys: it must call `session.setKeys` before it is added.
		NoSessionKeys,
		/// The minimum must be at least one and at most the current number of validators.
		InvalidMinimum,
	}

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The minimum size of the validator set.
		pub min_validators: u32,
		/// The length of a session (BABE epoch) in blocks.
		pub session_length: u64,
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			// The session pallet's genesis (built before this one) has set the initial validators
			// from `session.keys`; they are the list governance starts from.
			let initial: ValidatorsOf<T> = pallet_session::Validators::<T>::get()
				.try_into()
				.expect("genesis validators exceed MaxValidators");
			// A genesis without validators (the runtime's default config) produces no blocks and
			// is only built by tests; every real preset has validators and sane parameters.
			if !initial.is_empty() {
				assert!(
					self.min_validators >= 1 && self.min_validators <= Pallet::<T>::count(&initial),
					"genesis min_validators must be between 1 and the number of genesis validators",
				);
				assert!(self.session_length > 0, "genesis session_length must be positive");
			}
			Validators::<T>::put(initial);
			MinValidators::<T>::put(self.min_validators);
			SessionLength::<T>::put(self.session_length);
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Add a validator. It is queued at the next session and authors from the one after.
		///
		/// The dispatch origin must be `T::GovernanceOrigin`. The account must have set its session
		/// keys (`session.setKeys`).
		///
		/// Emits `ValidatorAdded`.
		///
		/// Complexity: `O(V)` in the number of validators (membership check and insertion).
		#[pallet::call_index(0)]
		#[pallet::weight(<T as Config>::WeightInfo::add_validator(T::MaxValidators::get()))]
		pub fn add_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			ensure!(pallet_session::NextKeys::<T>::contains_key(&who), Error::<T>::NoSessionKeys);
			Validators::<T>::try_mutate(|validators| {
				ensure!(!validators.contains(&who), Error::<T>::AlreadyExists);
				validators.try_push(who.clone()).map_err(|_| Error::<T>::TooManyValidators)
			})?;
			SetChanged::<T>::put(true);
			Self::deposit_event(Event::ValidatorAdded { who });
			Ok(())
		}

		/// Remove a validator. It stops authoring from the session after the next.
		///
		/// The dispatch origin must be `T::GovernanceOrigin`. The set may not fall below
		/// `MinValidators`.
		///
		/// Emits `ValidatorRemoved`.
		///
		/// Complexity: `O(V)` in the number of validators.
		#[pallet::call_index(1)]
		#[pallet::weight(<T as Config>::WeightInfo::remove_validator(T::MaxValidators::get()))]
		pub fn remove_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let min = MinValidators::<T>::get();
			Validators::<T>::try_mutate(|validators| {
				let position =
					validators.iter().position(|v| v == &who).ok_or(Error::<T>::NotFound)?;
				ensure!(Self::count(validators) > min, Error::<T>::TooFewValidators);
				validators.remove(position);
				Ok::<_, Error<T>>(())
			})?;
			SetChanged::<T>::put(true);
			Self::deposit_event(Event::ValidatorRemoved { who });
			Ok(())
		}

		/// Set the number of validators the set may never fall below.
		///
		/// The dispatch origin must be `T::GovernanceOrigin`. The minimum must be at least one and
		/// at most the current number of validators.
		///
		/// Emits `MinValidatorsChanged` with the old and new values.
		#[pallet::call_index(2)]
		#[pallet::weight(<T as Config>::WeightInfo::set_min_validators())]
		pub fn set_min_validators(origin: OriginFor<T>, new: u32) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let count = Self::count(&Validators::<T>::get());
			ensure!(new >= 1 && new <= count, Error::<T>::InvalidMinimum);
			let old = MinValidators::<T>::mutate(|min| core::mem::replace(min, new));
			Self::deposit_event(Event::MinValidatorsChanged { old, new });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// The number of validators in a list bounded by `MaxValidators` (a `u32`).
		pub(crate) fn count(validators: &[T::AccountId]) -> u32 {
			validators.len().try_into().unwrap_or(u32::MAX)
		}

		/// The pallet's invariants: the set is never below its minimum and has no duplicates.
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			let validators = Validators::<T>::get();
			let min = MinValidators::<T>::get();
			ensure!(min >= 1, "the minimum must be at least one");
			ensure!(Self::count(&validators) >= min, "the validator set is below its minimum");
			let mut sorted: Vec<_> = validators.iter().collect();
			sorted.sort();
			sorted.dedup();
			ensure!(sorted.len() == validators.len(), "a validator is listed twice");
			Ok(())
		}
	}
}

impl<T: Config> pallet_session::SessionManager<T::AccountId> for Pallet<T> {
	fn new_session(new_index: SessionIndex) -> Option<Vec<T::AccountId>> {
		if !SetChanged::<T>::take() {
			return None;
		}
		let validators = Validators::<T>::get().into_inner();
		Self::deposit_event(Event::ValidatorSetQueued {
			session: new_index,
			validators: Self::count(&validators),
		});
		Some(validators)
	}

	fn new_session_genesis(_new_index: SessionIndex) -> Option<Vec<T::AccountId>> {
		// The genesis set comes from `session.keys`; see the genesis build.
		None
	}

	fn end_session(_end_index: SessionIndex) {}

	fn start_session(_start_index: SessionIndex) {}
}
