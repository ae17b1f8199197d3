//! Benchmarks of `pallet-session`'s two calls. polkadot-sdk's own (`pallet-session-benchmarking`)
//! set validators up through `pallet-staking`, which fxchain does not have: here a validator is
//! any funded account, as `validatorSet` admits it.

use crate::{AccountId, Runtime, SessionKeys};
use alloc::vec::Vec;
use codec::Encode;
use frame_benchmarking::v2::*;
use frame_support::traits::fungible::{Inspect, Mutate};
use frame_system::RawOrigin;
use sp_runtime::traits::Convert;

/// The benchmarked pallet: `pallet-session` itself.
pub struct Pallet<T: Config>(core::marker::PhantomData<T>);

/// What the benchmarks need from the runtime.
pub trait Config: pallet_session::Config {
	/// Fresh session keys of `owner`, and the proof that `owner` holds their private keys.
	fn keys_and_proof(owner: &Self::AccountId) -> (Self::Keys, Vec<u8>);
}

impl Config for Runtime {
	fn keys_and_proof(owner: &AccountId) -> (SessionKeys, Vec<u8>) {
		let generated = SessionKeys::generate(&owner.encode(), None);
		(generated.keys, generated.proof.encode())
	}
}

/// A funded account that can pay the key deposit, kept out of the measured storage accesses as
/// the transaction's signer is.
fn validator<T: Config>() -> T::AccountId {
	let who: T::AccountId = account("validator", 0, 0);
	// The deposit, and the existential deposit that keeps the account alive once it is held.
	pallet_session::Pallet::<T>::ensure_can_pay_key_deposit(&who)
		.expect("minting the key deposit into a new account works");
	T::Currency::mint_into(&who, T::Currency::minimum_balance())
		.expect("minting the existential deposit works");
	frame_benchmarking::benchmarking::add_to_whitelist(
		frame_system::Account::<T>::hashed_key_for(&who).into(),
	);
	who
}

fn validator_id<T: Config>(who: T::AccountId) -> T::ValidatorId {
	T::ValidatorIdOf::convert(who).expect("every account is a validator id")
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// The worst case is a first registration: the deposit is held and every key gets an owner.
	#[benchmark]
	fn set_keys() -> Result<(), BenchmarkError> {
		let who = validator::<T>();
		let (keys, proof) = T::keys_and_proof(&who);

		#[block]
		{
			pallet_session::Pallet::<T>::set_keys(
				RawOrigin::Signed(who.clone()).into(),
				keys,
				proof,
			)?;
		}

		assert!(pallet_session::NextKeys::<T>::contains_key(validator_id::<T>(who)));
		Ok(())
	}

	#[benchmark]
	fn purge_keys() -> Result<(), BenchmarkError> {
		let who = validator::<T>();
		let (keys, proof) = T::keys_and_proof(&who);
		pallet_session::Pallet::<T>::set_keys(RawOrigin::Signed(who.clone()).into(), keys, proof)
			.expect("fresh keys with a valid proof are accepted");

		#[block]
		{
			pallet_session::Pallet::<T>::purge_keys(RawOrigin::Signed(who.clone()).into())?;
		}

		assert!(!pallet_session::NextKeys::<T>::contains_key(validator_id::<T>(who)));
		Ok(())
	}
}
