//! Benchmarks of every call and of the [`CheckKyc`] extension, each over its worst case: the
//! identity registrar list as full as it can be, persons with `MaxAccountsPerPerson` accounts,
//! the registrar's path where a call takes either a registrar or an authority.

use super::*;
use crate::pallet::BalanceOf;
use alloc::vec;
use frame_benchmarking::v2::*;
use frame_support::{
	dispatch::{DispatchInfo, PostDispatchInfo},
	traits::{
		fungible::{Inspect, Mutate},
		EnsureOrigin, Get, Time,
	},
};
use frame_system::RawOrigin;
use fxchain_primitives::Hash as H256;
use fxchain_primitives::{
	kyc::{CountryCode, KycLevel, Residency},
	Moment,
};
use sp_runtime::traits::{
	AsSystemOriginSigner, AsTransactionAuthorizedOrigin, DispatchTransaction, Dispatchable,
	Saturating,
};

fn profile(person: u8) -> KycProfile {
	KycProfile {
		person: H256::repeat_byte(person),
		entity: EntityType::Individual,
		residency: Residency::Resident,
		jurisdiction: CountryCode(*b"CN"),
		level: KycLevel::Standard,
		class: None,
	}
}

/// An expiry the pallet accepts: the longest allowed.
fn expiry<T: Config>() -> Moment {
	T::Time::now().saturating_add(T::MaxValidity::get())
}

/// A licensed registrar with enough of the native token to pay many allowances.
fn registrar<T: Config>(index: u32) -> T::AccountId {
	let registrar: T::AccountId = account("registrar", index, 0);
	let funds = T::Currency::minimum_balance()
		.saturating_add(OnboardingAllowance::<T>::get())
		.saturating_mul(1_000u32.into());
	T::Currency::set_balance(&registrar, funds);
	if !Licences::<T>::contains_key(&registrar, Role::Registrar) {
		Pallet::<T>::do_license(&registrar, Role::Registrar).expect("registrar slots are free");
	}
	registrar
}

/// `who` attested by `registrar` as `person`.
fn verified<T: Config>(registrar: &T::AccountId, who: &T::AccountId, person: u8) {
	Pallet::<T>::do_attest(registrar, who, profile(person), expiry::<T>())
		.expect("the benchmark's accounts are fresh");
}

/// `count` accounts of `person`, attested by `registrar` with `profile`.
fn fill_person_with<T: Config>(registrar: &T::AccountId, count: u32, profile: KycProfile) {
	let seed = u32::from(profile.person.as_bytes()[0]).saturating_mul(1_000);
	for i in 0..count {
		let sibling = account("sibling", seed.saturating_add(i), 0);
		Pallet::<T>::do_attest(registrar, &sibling, profile, expiry::<T>())
			.expect("the siblings are fresh and fit the person");
	}
}

fn fill_person<T: Config>(registrar: &T::AccountId, person: u8, count: u32) {
	fill_person_with::<T>(registrar, count, self::profile(person));
}

/// License registrars until the identity registrar list has `left` free slots.
fn fill_identity_registrars<T: Config>(left: u32) {
	let fill = T::IdentityRegistrars::free_slots().saturating_sub(left);
	for i in 0..fill {
		Pallet::<T>::do_license(&account("filler", i, 0), Role::Registrar)
			.expect("the list has room");
	}
}

/// A non-zero allowance, so that attesting pays one.
fn set_allowance<T: Config>() {
	let allowance = T::Currency::minimum_balance().saturating_mul(10u32.into());
	OnboardingAllowance::<T>::put::<BalanceOf<T>>(allowance);
}

#[benchmarks(where
	T: Send + Sync,
	<T as frame_system::Config>::RuntimeCall:
		Dispatchable<Info = DispatchInfo, PostInfo = PostDispatchInfo> + From<frame_system::Call<T>>,
	<<T as frame_system::Config>::RuntimeCall as Dispatchable>::RuntimeOrigin:
		AsSystemOriginSigner<T::AccountId> + AsTransactionAuthorizedOrigin + Clone,
)]
mod benchmarks {
	use super::*;

	/// A `Registrar` licence: the role that also touches `pallet-identity`.
	#[benchmark]
	fn license() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let institution: T::AccountId = account("institution", 0, 0);
		fill_identity_registrars::<T>(1);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, institution.clone(), Role::Registrar);

		assert!(Licences::<T>::contains_key(&institution, Role::Registrar));
		Ok(())
	}

	#[benchmark]
	fn suspend_licence() -> Result<(), BenchmarkError> {
		let origin =
			T::SupervisorOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let institution = registrar::<T>(0);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, institution.clone(), Role::Registrar);

		assert!(!Pallet::<T>::is_licensed(&institution, Role::Registrar));
		Ok(())
	}

	#[benchmark]
	fn reinstate_licence() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let institution = registrar::<T>(0);
		Licences::<T>::mutate(&institution, Role::Registrar, |licence| {
			if let Some(licence) = licence {
				licence.status = LicenceStatus::Suspended;
			}
		});

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, institution.clone(), Role::Registrar);

		assert!(Pallet::<T>::is_licensed(&institution, Role::Registrar));
		Ok(())
	}

	/// The last registrar of a full identity registrar list.
	#[benchmark]
	fn revoke_licence() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		fill_identity_registrars::<T>(1);
		let institution = registrar::<T>(0);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, institution.clone(), Role::Registrar);

		assert!(!Licences::<T>::contains_key(&institution, Role::Registrar));
		Ok(())
	}

	/// Worst case: the account moves from a full person to one with a single free slot, whose
	/// every credential is checked; its old credential is active and unexpired but its registrar
	/// lost the licence (every standing check runs); the registrar pays the allowance to a new
	/// account.
	#[benchmark]
	fn attest() -> Result<(), BenchmarkError> {
		set_allowance::<T>();
		let old_registrar = registrar::<T>(1);
		let registrar = registrar::<T>(0);
		let max = T::MaxAccountsPerPerson::get();
		let who: T::AccountId = account("who", 0, 0);
		fill_person::<T>(&old_registrar, 1, max.saturating_sub(1));
		verified::<T>(&old_registrar, &who, 1);
		Licences::<T>::remove(&old_registrar, Role::Registrar);
		fill_person::<T>(&registrar, 2, max.saturating_sub(1));
		let _ = T::Currency::set_balance(&who, 0u32.into());

		#[extrinsic_call]
		_(RawOrigin::Signed(registrar.clone()), who.clone(), profile(2), expiry::<T>());

		assert!(Pallet::<T>::is_verified(&who));
		assert_eq!(T::Currency::balance(&who), OnboardingAllowance::<T>::get());
		Ok(())
	}

	#[benchmark]
	fn renew() {
		let registrar = registrar::<T>(0);
		let who: T::AccountId = account("who", 0, 0);
		verified::<T>(&registrar, &who, 1);
		let earlier = expiry::<T>().saturating_sub(1);
		Credentials::<T>::mutate(&who, |c| {
			if let Some(c) = c {
				c.expires_at = earlier;
			}
		});

		#[extrinsic_call]
		_(RawOrigin::Signed(registrar), who.clone(), expiry::<T>());

		assert_eq!(Credentials::<T>::get(&who).map(|c| c.expires_at), Some(expiry::<T>()));
	}

	/// The registrar's path: a failed supervisor origin, then its licence check.
	#[benchmark]
	fn suspend() {
		let registrar = registrar::<T>(0);
		let who: T::AccountId = account("who", 0, 0);
		verified::<T>(&registrar, &who, 1);

		#[extrinsic_call]
		_(RawOrigin::Signed(registrar), who.clone());

		assert!(!Pallet::<T>::is_verified(&who));
	}

	/// The registrar's path: a failed governance origin, then its licence check.
	#[benchmark]
	fn reinstate() {
		let registrar = registrar::<T>(0);
		let who: T::AccountId = account("who", 0, 0);
		verified::<T>(&registrar, &who, 1);
		Credentials::<T>::mutate(&who, |c| {
			if let Some(c) = c {
				c.status = CredentialStatus::Suspended(Suspender::Registrar);
			}
		});

		#[extrinsic_call]
		_(RawOrigin::Signed(registrar), who.clone());

		assert!(Pallet::<T>::is_verified(&who));
	}

	#[benchmark]
	fn revoke() {
		let registrar = registrar::<T>(0);
		let who: T::AccountId = account("who", 0, 0);
		verified::<T>(&registrar, &who, 1);

		#[extrinsic_call]
		_(RawOrigin::Signed(registrar), who.clone());

		assert_eq!(Credentials::<T>::get(&who).map(|c| c.status), Some(CredentialStatus::Revoked));
	}

	/// A person with `MaxAccountsPerPerson` accounts, every one rewritten.
	#[benchmark]
	fn set_supervision_class() -> Result<(), BenchmarkError> {
		let origin =
			T::SupervisorOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let registrar = registrar::<T>(0);
		let enterprise = KycProfile {
			entity: EntityType::Enterprise,
			class: Some(SupervisionClass::A),
			..profile(3)
		};
		fill_person_with::<T>(&registrar, T::MaxAccountsPerPerson::get(), enterprise);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, enterprise.person, SupervisionClass::C);

		let accounts = PersonAccounts::<T>::get(enterprise.person);
		assert!(accounts.iter().all(|a| {
			Credentials::<T>::get(a).and_then(|c| c.profile.class) == Some(SupervisionClass::C)
		}));
		Ok(())
	}

	#[benchmark]
	fn set_onboarding_allowance() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let amount = T::Currency::minimum_balance().saturating_mul(3u32.into());

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, amount);

		assert_eq!(OnboardingAllowance::<T>::get(), amount);
		Ok(())
	}

	/// Worst case for the door: every check runs and fails. The account's credential names a
	/// registrar whose licence was revoked, and the account holds every licence, all suspended.
	#[benchmark]
	fn check_kyc() {
		let registrar = registrar::<T>(0);
		let who: T::AccountId = account("who", 0, 0);
		verified::<T>(&registrar, &who, 1);
		Licences::<T>::remove(&registrar, Role::Registrar);
		for role in Role::ALL {
			let licence = Licence {
				status: LicenceStatus::Suspended,
				granted_at: 0,
				identity_registrar: (role == Role::Registrar).then_some(0),
			};
			Licences::<T>::insert(&who, role, licence);
		}
		let call: <T as frame_system::Config>::RuntimeCall =
			frame_system::Call::<T>::remark_with_event { remark: vec![] }.into();
		let info = DispatchInfo::default();
		let ext = CheckKyc::<T>::new();

		#[block]
		{
			let outcome =
				ext.test_run(RawOrigin::Signed(who.clone()).into(), &call, &info, 0, 0, |_| {
					Ok(().into())
				});
			assert!(outcome.is_err());
		}
	}

	/// The common path: a verified account's call.
	#[benchmark]
	fn check_kyc_verified() {
		let registrar = registrar::<T>(0);
		let who: T::AccountId = account("who", 0, 0);
		verified::<T>(&registrar, &who, 1);
		let call: <T as frame_system::Config>::RuntimeCall =
			frame_system::Call::<T>::remark_with_event { remark: vec![] }.into();
		let info = DispatchInfo::default();
		let ext = CheckKyc::<T>::new();

		#[block]
		{
			let outcome =
				ext.test_run(RawOrigin::Signed(who.clone()).into(), &call, &info, 0, 0, |_| {
					Ok(().into())
				});
			assert!(matches!(outcome, Ok(Ok(_))));
		}
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
