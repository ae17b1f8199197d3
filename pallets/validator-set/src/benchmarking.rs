//! Benchmarks of the validator-set calls, each over its worst case: a set of `v` validators.

use super::*;
use codec::Decode;
use frame_benchmarking::v2::*;
use frame_support::{pallet_prelude::Get, traits::EnsureOrigin, BoundedVec};
use sp_runtime::traits::TrailingZeroInput;

/// Install `count` validators, each with session keys, and return them.
fn validators<T: Config>(count: u32) -> Vec<T::AccountId> {
	let accounts: Vec<T::AccountId> = (0..count).map(|i| account("validator", i, 0)).collect();
	accounts.iter().for_each(with_keys::<T>);
	let bounded: BoundedVec<_, T::MaxValidators> =
		accounts.clone().try_into().expect("count is within MaxValidators");
	Validators::<T>::put(bounded);
	accounts
}

fn with_keys<T: Config>(who: &T::AccountId) {
	let keys = T::Keys::decode(&mut TrailingZeroInput::zeroes()).expect("zeroes decode");
	pallet_session::NextKeys::<T>::insert(who, keys);
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn add_validator(v: Linear<1, { T::MaxValidators::get() - 1 }>) -> Result<(), BenchmarkError> {
		validators::<T>(v);
		MinValidators::<T>::put(1);
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let new: T::AccountId = account("new", 0, 0);
		with_keys::<T>(&new);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, new.clone());

		assert!(Validators::<T>::get().contains(&new));
		Ok(())
	}

	#[benchmark]
	fn remove_validator(v: Linear<2, { T::MaxValidators::get() }>) -> Result<(), BenchmarkError> {
		let all = validators::<T>(v);
		MinValidators::<T>::put(1);
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		// The last one is the worst case for the linear search.
		let last = all.last().cloned().expect("v >= 2");

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, last.clone());

		assert!(!Validators::<T>::get().contains(&last));
		Ok(())
	}

	#[benchmark]
	fn set_min_validators() -> Result<(), BenchmarkError> {
		let v = T::MaxValidators::get();
		validators::<T>(v);
		MinValidators::<T>::put(1);
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, v);

		assert_eq!(MinValidators::<T>::get(), v);
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(1), crate::mock::Test);
}
