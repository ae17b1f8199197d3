//! # KYC pallet: fxchain's digital identity
//!
//! Before money moves, every other capability asks one question: is this account a verified,
//! living identity, and what kind? This pallet answers it, with no personal data on chain.
//!
//! ## Terminology
//!
//! - **Licence**: governance's grant of a [`Role`] to an institution account (registrar, issuer,
//!   market maker, lessor, data provider, data consumer). A licence is active or suspended; revoking
//!   it removes it. A `Registrar` licence also makes the institution a `pallet-identity` registrar,
//!   so Polkadot.js Apps shows institutions' public identities and judgements with the usual ticks.
//! - **Credential**: a licensed registrar's attestation that it verified the real-name identity
//!   behind an account off chain. It records categories (entity type, residency, jurisdiction, KYC
//!   level, supervision class) and a keyed hash of the identity document, issue and expiry dates.
//! - **Person**: the keyed document hash ([`PersonId`]). Several accounts of one person share it;
//!   quotas and watch lists follow the person, not the account.
//! - **Live**: a credential is live while it is active, not expired, and its registrar still holds
//!   a `Registrar` licence. Expired, suspended or revoked means "not verified" everywhere at once:
//!   liveness is computed when asked, never swept.
//! - **The door**: the [`CheckKyc`] transaction extension rejects, at the pool, signed extrinsics
//!   from accounts that are neither verified nor licensed institutions, except open calls
//!   (onboarding, and the council's member-checked business). It is the early, cheap rejection;
//!   the currency layer checks again wherever money moves.
//! - **Onboarding allowance**: when a registrar attests an account, it tops the account's native
//!   balance up to a governance-set allowance, so a new user can pay fees at once
//!   (`docs/decisions/0007-fees-for-new-users.md`).
//!
//! ## Interface
//!
//! ### Institutions (signed, with an active `Registrar` licence)
//! - [`attest`](Pallet::attest): verify an account and top up its allowance.
//! - [`renew`](Pallet::renew), [`suspend`](Pallet::suspend), [`reinstate`](Pallet::reinstate),
//!   [`revoke`](Pallet::revoke): manage the registrar's own attestations.
//!
//! ### Supervisors (`SupervisorOrigin`)
//! - [`suspend`](Pallet::suspend) any credential, [`suspend_licence`](Pallet::suspend_licence),
//!   [`set_supervision_class`](Pallet::set_supervision_class).
//!
//! ### Governance (`GovernanceOrigin`)
//! - [`license`](Pallet::license), [`suspend_licence`](Pallet::suspend_licence),
//!   [`reinstate_licence`](Pallet::reinstate_licence), [`revoke_licence`](Pallet::revoke_licence).
//! - [`reinstate`](Pallet::reinstate) a credential a supervisor suspended, [`revoke`](Pallet::revoke)
//!   any credential.
//! - [`set_onboarding_allowance`](Pallet::set_onboarding_allowance).
//!
//! ### Other pallets and clients
//! - [`KycProvider`] and [`LicenceProvider`] (from `fxchain-primitives`) are implemented by
//!   [`Pallet`]; the runtime's `KycApi` is served by [`Pallet::verification`].

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod extension;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
mod types;
pub mod weights;

pub use extension::CheckKyc;
pub use fxchain_primitives::kyc::{
	AccountVerification, Credential, CredentialStatus, EntityType, KycProfile, KycProvider,
	LicenceProvider, LicenceStatus, PersonId, Role, SupervisionClass, Suspender,
};
pub use pallet::*;
pub use types::{Door, GenesisCredential, IdentityRegistrars, Licence};
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, Mutate},
			tokens::Preservation,
			Contains, Time,
		},
	};
	use frame_system::pallet_prelude::*;
	use fxchain_primitives::Moment;
	use sp_runtime::traits::{Saturating, Zero};

	/// The native token's balance type, for onboarding allowances.
	pub type BalanceOf<T> =
		<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The native fee token, from which registrars pay onboarding allowances.
		type Currency: Mutate<Self::AccountId>;

		/// Wall-clock time for issue and expiry dates (`pallet-timestamp`).
		type Time: Time<Moment = Moment>;

		/// Grants, reinstates and revokes licences; lifts supervisors' suspensions.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Suspends any credential or licence at once.
		type SupervisorOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// `pallet-identity`'s registrar list, kept in step with `Registrar` licences.
		type IdentityRegistrars: IdentityRegistrars<Self::AccountId>;

		/// The calls any account may make without a credential: those it needs to onboard, and
		/// calls that check their caller's standing themselves (the council's).
		type OpenCalls: Contains<<Self as frame_system::Config>::RuntimeCall>;

		/// Accounts the runtime's pallets own (the forex escrow): nobody holds their keys, and
		/// a credential would let money reach them past their pallets' books, so none is ever
		/// attested.
		type SystemAccounts: Contains<Self::AccountId>;

		/// How many accounts one person may hold.
		#[pallet::constant]
		type MaxAccountsPerPerson: Get<u32>;

		/// The longest a credential may run before renewal, in milliseconds.
		#[pallet::constant]
		type MaxValidity: Get<Moment>;

		/// Weights of this pallet's calls and of the [`CheckKyc`] extension.
		type WeightInfo: WeightInfo;
	}

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Institution licences, by institution and role.
	#[pallet::storage]
	pub type Licences<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Blake2_128Concat, Role, Licence>;

	/// Every account's credential, live or not. Revoked credentials stay as records until the
	/// account is attested afresh.
	#[pallet::storage]
	pub type Credentials<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, Credential<T::AccountId>>;

	/// The accounts of each person. A person appears here while at least one account's credential
	/// (live or not) names it.
	#[pallet::storage]
	pub type PersonAccounts<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		PersonId,
		BoundedVec<T::AccountId, T::MaxAccountsPerPerson>,
		ValueQuery,
	>;

	/// What a newly attested account's native balance is topped up to, paid by its registrar.
	#[pallet::storage]
	pub type OnboardingAllowance<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// Governance licensed `institution` for `role`; a registrar also got an identity index.
		Licensed { institution: T::AccountId, role: Role, identity_registrar: Option<u32> },
		/// The licence may not be used until reinstated.
		LicenceSuspended { institution: T::AccountId, role: Role },
		/// A suspended licence is active again.
		LicenceReinstated { institution: T::AccountId, role: Role },
		/// The licence is gone; a registrar's credentials stopped counting as verified.
		LicenceRevoked { institution: T::AccountId, role: Role },
		/// `registrar` verified `who` as `person` until `expires_at`.
		Attested {
			who: T::AccountId,
			registrar: T::AccountId,
			person: PersonId,
			expires_at: Moment,
		},
		/// The credential's expiry moved from `old` to `new`.
		Renewed { who: T::AccountId, registrar: T::AccountId, old: Moment, new: Moment },
		/// The account no longer counts as verified until reinstated.
		CredentialSuspended { who: T::AccountId, by: Suspender },
		/// A suspended credential is active again.
		CredentialReinstated { who: T::AccountId },
		/// The credential is revoked; the record stays.
		CredentialRevoked { who: T::AccountId, registrar: T::AccountId },
		/// Supervisors moved an enterprise from class `old` to `new`, on all its accounts.
		SupervisionClassSet {
			person: PersonId,
			old: Option<SupervisionClass>,
			new: SupervisionClass,
		},
		/// `registrar` paid `amount` of the native token to a newly verified account for fees.
		AllowanceGranted { who: T::AccountId, registrar: T::AccountId, amount: BalanceOf<T> },
		/// Governance changed the onboarding allowance.
		OnboardingAllowanceSet { old: BalanceOf<T>, new: BalanceOf<T> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account has no live KYC credential: ask a licensed registrar to verify it.
		NotVerified,
		/// Only an institution with an active `Registrar` licence may do this.
		NotRegistrar,
		/// Only the registrar that attested this account (or a supervisor or governance, as the
		/// call says) may change its credential.
		NotIssuer,
		/// A registrar cannot attest its own account: ask another registrar.
		SelfAttestation,
		/// The jurisdiction must be an ISO 3166-1 alpha-2 code in upper case, such as `CN`.
		InvalidJurisdiction,
		/// An enterprise needs a supervision class (A, B or C).
		SupervisionClassRequired,
		/// Only enterprises carry a supervision class: leave it empty.
		SupervisionClassNotApplicable,
		/// The expiry must lie in the future and within `MaxValidity` of now.
		InvalidExpiry,
		/// The account's credential still stands (live, or suspended by its registrar): its
		/// registrar must revoke it first.
		AlreadyVerified,
		/// A supervisor suspended this credential: only governance can lift that.
		SuspendedBySupervisor,
		/// The document hash belongs to a person of another entity type: check the hash.
		EntityMismatch,
		/// The person's supervision class differs: attest with its current class (supervisors
		/// change classes with `set_supervision_class`).
		SupervisionClassMismatch,
		/// The person already holds `MaxAccountsPerPerson` accounts.
		TooManyAccounts,
		/// The account has no credential.
		NotFound,
		/// The credential or licence is already suspended.
		AlreadySuspended,
		/// The credential or licence is not suspended.
		NotSuspended,
		/// The credential is revoked: attest the account afresh instead.
		CredentialRevoked,
		/// The registrar cannot pay the onboarding allowance and stay alive: top up its balance.
		AllowanceUnfunded,
		/// The allowance must be zero or at least the existential deposit.
		AllowanceBelowMinimum,
		/// The institution already holds a licence for this role.
		AlreadyLicensed,
		/// The institution holds no licence for this role.
		LicenceNotFound,
		/// The licence is suspended: ask governance to reinstate it.
		LicenceSuspended,
		/// The account belongs to one of the runtime's pallets (such as the forex escrow) and
		/// cannot be verified: check the address.
		SystemAccount,
	}

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Licensed institutions and their roles.
		pub licences: Vec<(T::AccountId, Role)>,
		/// Verified accounts; their registrars must be licensed above. Expiry is not limited by
		/// `MaxValidity` here (genesis time is zero).
		pub credentials: Vec<GenesisCredential<T::AccountId>>,
		/// The initial onboarding allowance.
		pub onboarding_allowance: BalanceOf<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (institution, role) in &self.licences {
				if let Err(e) = Pallet::<T>::do_license(institution, *role) {
					panic!("genesis licence {institution:?} {role:?}: {e:?}");
				}
			}
			for credential in &self.credentials {
				let GenesisCredential { who, registrar, profile, expires_at } = credential;
				let check = Pallet::<T>::ensure_active_registrar(registrar)
					.and_then(|_| Pallet::<T>::do_attest(registrar, who, *profile, *expires_at));
				if let Err(e) = check {
					panic!("genesis credential of {who:?}: {e:?}");
				}
			}
			let minimum = T::Currency::minimum_balance();
			let allowance = self.onboarding_allowance;
			assert!(allowance.is_zero() || allowance >= minimum, "onboarding allowance below ED");
			OnboardingAllowance::<T>::put(allowance);
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxAccountsPerPerson::get() > 0, "a person needs at least one account");
			assert!(T::MaxValidity::get() > 0, "credentials need a validity");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// License `institution` for `role`. A `Registrar` licence also adds the institution to
		/// `pallet-identity`'s registrars.
		///
		/// The dispatch origin must be `T::GovernanceOrigin`.
		///
		/// Emits `Licensed` (and `pallet-identity`'s `RegistrarAdded` for a registrar).
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::license())]
		pub fn license(
			origin: OriginFor<T>,
			institution: T::AccountId,
			role: Role,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_license(&institution, role)
		}

		/// Suspend a licence: the institution may not act in the role until it is reinstated.
		/// A suspended registrar's existing credentials stay live; it cannot attest or renew.
		///
		/// The dispatch origin must be `T::SupervisorOrigin` or `T::GovernanceOrigin`.
		///
		/// Emits `LicenceSuspended`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::suspend_licence())]
		pub fn suspend_licence(
			origin: OriginFor<T>,
			institution: T::AccountId,
			role: Role,
		) -> DispatchResult {
			Self::ensure_supervisor_or_governance(origin)?;
			Licences::<T>::try_mutate(&institution, role, |licence| {
				let licence = licence.as_mut().ok_or(Error::<T>::LicenceNotFound)?;
				ensure!(licence.status == LicenceStatus::Active, Error::<T>::AlreadySuspended);
				licence.status = LicenceStatus::Suspended;
				Ok::<_, DispatchError>(())
			})?;
			Self::deposit_event(Event::LicenceSuspended { institution, role });
			Ok(())
		}

		/// Reinstate a suspended licence.
		///
		/// The dispatch origin must be `T::GovernanceOrigin`.
		///
		/// Emits `LicenceReinstated`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::reinstate_licence())]
		pub fn reinstate_licence(
			origin: OriginFor<T>,
			institution: T::AccountId,
			role: Role,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Licences::<T>::try_mutate(&institution, role, |licence| {
				let licence = licence.as_mut().ok_or(Error::<T>::LicenceNotFound)?;
				ensure!(licence.status == LicenceStatus::Suspended, Error::<T>::NotSuspended);
				licence.status = LicenceStatus::Active;
				Ok::<_, DispatchError>(())
			})?;
			Self::deposit_event(Event::LicenceReinstated { institution, role });
			Ok(())
		}

		/// Revoke a licence. Revoking a `Registrar` licence removes the institution from
		/// `pallet-identity`'s registrars, and every credential it attested stops counting as
		/// verified at once (another registrar may attest those accounts afresh).
		///
		/// The dispatch origin must be `T::GovernanceOrigin`.
		///
		/// Emits `LicenceRevoked` (and `pallet-identity`'s `RegistrarRemoved` for a registrar).
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::revoke_licence())]
		pub fn revoke_licence(
			origin: OriginFor<T>,
			institution: T::AccountId,
			role: Role,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let licence =
				Licences::<T>::take(&institution, role).ok_or(Error::<T>::LicenceNotFound)?;
			if let Some(index) = licence.identity_registrar {
				T::IdentityRegistrars::remove(&institution, index)?;
			}
			Self::deposit_event(Event::LicenceRevoked { institution, role });
			Ok(())
		}

		/// Attest that the registrar verified the real-name identity behind `who` off chain, and
		/// top `who`'s native balance up to the onboarding allowance, paid by the registrar.
		///
		/// `profile.person` is the keyed hash of the identity document or credit code: a second
		/// account with the same hash is linked to the same person. The account may already hold a
		/// credential only if it is revoked, expired, or its registrar lost its licence.
		///
		/// The dispatch origin must be signed by an institution with an active `Registrar`
		/// licence.
		///
		/// Emits `Attested`, and `AllowanceGranted` when a top-up was paid.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::attest())]
		pub fn attest(
			origin: OriginFor<T>,
			who: T::AccountId,
			profile: KycProfile,
			expires_at: Moment,
		) -> DispatchResult {
			let registrar = ensure_signed(origin)?;
			Self::ensure_active_registrar(&registrar)?;
			Self::ensure_valid_expiry(expires_at)?;
			Self::do_attest(&registrar, &who, profile, expires_at)?;
			Self::grant_allowance(&registrar, &who)
		}

		/// Move the expiry of a credential the registrar attested.
		///
		/// The dispatch origin must be signed by the attesting registrar, with an active licence.
		///
		/// Emits `Renewed`.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::renew())]
		pub fn renew(
			origin: OriginFor<T>,
			who: T::AccountId,
			expires_at: Moment,
		) -> DispatchResult {
			let registrar = ensure_signed(origin)?;
			Self::ensure_active_registrar(&registrar)?;
			Self::ensure_valid_expiry(expires_at)?;
			let old = Credentials::<T>::try_mutate(&who, |credential| {
				let credential = credential.as_mut().ok_or(Error::<T>::NotFound)?;
				ensure!(credential.registrar == registrar, Error::<T>::NotIssuer);
				ensure!(
					credential.status != CredentialStatus::Revoked,
					Error::<T>::CredentialRevoked
				);
				Ok::<_, DispatchError>(core::mem::replace(&mut credential.expires_at, expires_at))
			})?;
			Self::deposit_event(Event::Renewed { who, registrar, old, new: expires_at });
			Ok(())
		}

		/// Suspend a credential: the account is not verified until the suspension is lifted.
		///
		/// The dispatch origin must be `T::SupervisorOrigin` (any credential, also one its
		/// registrar suspended) or signed by the attesting registrar with an active licence (an
		/// active credential).
		///
		/// Emits `CredentialSuspended`.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::suspend())]
		pub fn suspend(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			let by = Self::authority_or_active_registrar::<T::SupervisorOrigin>(origin)?;
			let by = Credentials::<T>::try_mutate(&who, |credential| {
				let credential = credential.as_mut().ok_or(Error::<T>::NotFound)?;
				let suspender = match by {
					None => {
						ensure!(
							credential.status != CredentialStatus::Revoked,
							Error::<T>::CredentialRevoked
						);
						ensure!(
							credential.status != CredentialStatus::Suspended(Suspender::Supervisor),
							Error::<T>::AlreadySuspended
						);
						Suspender::Supervisor
					},
					Some(registrar) => {
						ensure!(credential.registrar == registrar, Error::<T>::NotIssuer);
						match credential.status {
							CredentialStatus::Active => Suspender::Registrar,
							CredentialStatus::Suspended(_) => Err(Error::<T>::AlreadySuspended)?,
							CredentialStatus::Revoked => Err(Error::<T>::CredentialRevoked)?,
						}
					},
				};
				credential.status = CredentialStatus::Suspended(suspender);
				Ok::<_, DispatchError>(suspender)
			})?;
			Self::deposit_event(Event::CredentialSuspended { who, by });
			Ok(())
		}

		/// Lift a credential's suspension.
		///
		/// The dispatch origin must be `T::GovernanceOrigin` (any suspension) or signed by the
		/// attesting registrar with an active licence (a suspension it imposed itself).
		///
		/// Emits `CredentialReinstated`.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::reinstate())]
		pub fn reinstate(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			let registrar = Self::authority_or_active_registrar::<T::GovernanceOrigin>(origin)?;
			Credentials::<T>::try_mutate(&who, |credential| {
				let credential = credential.as_mut().ok_or(Error::<T>::NotFound)?;
				let CredentialStatus::Suspended(suspender) = credential.status else {
					return Err(Error::<T>::NotSuspended.into());
				};
				if let Some(registrar) = registrar {
					ensure!(credential.registrar == registrar, Error::<T>::NotIssuer);
					ensure!(suspender == Suspender::Registrar, Error::<T>::SuspendedBySupervisor);
				}
				credential.status = CredentialStatus::Active;
				Ok::<_, DispatchError>(())
			})?;
			Self::deposit_event(Event::CredentialReinstated { who });
			Ok(())
		}

		/// Revoke a credential. The record stays (and keeps the account linked to its person);
		/// a registrar may attest the account afresh.
		///
		/// The dispatch origin must be `T::GovernanceOrigin` (any credential) or signed by the
		/// attesting registrar with an active licence (not one a supervisor suspended).
		///
		/// Emits `CredentialRevoked`.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::revoke())]
		pub fn revoke(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			let caller = Self::authority_or_active_registrar::<T::GovernanceOrigin>(origin)?;
			let registrar = Credentials::<T>::try_mutate(&who, |credential| {
				let credential = credential.as_mut().ok_or(Error::<T>::NotFound)?;
				if let Some(caller) = caller {
					ensure!(credential.registrar == caller, Error::<T>::NotIssuer);
					// Revoking and attesting afresh would lift the supervisor's suspension.
					ensure!(
						credential.status != CredentialStatus::Suspended(Suspender::Supervisor),
						Error::<T>::SuspendedBySupervisor
					);
				}
				ensure!(
					credential.status != CredentialStatus::Revoked,
					Error::<T>::CredentialRevoked
				);
				credential.status = CredentialStatus::Revoked;
				Ok::<_, DispatchError>(credential.registrar.clone())
			})?;
			Self::deposit_event(Event::CredentialRevoked { who, registrar });
			Ok(())
		}

		/// Set an enterprise's supervision class, on every account of the person. Registrars
		/// attest with the class the person already has; only supervisors change it.
		///
		/// The dispatch origin must be `T::SupervisorOrigin` or `T::GovernanceOrigin`.
		///
		/// Emits `SupervisionClassSet`.
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::set_supervision_class())]
		pub fn set_supervision_class(
			origin: OriginFor<T>,
			person: PersonId,
			class: SupervisionClass,
		) -> DispatchResult {
			Self::ensure_supervisor_or_governance(origin)?;
			let accounts = PersonAccounts::<T>::get(person);
			ensure!(!accounts.is_empty(), Error::<T>::NotFound);
			let mut old = None;
			for account in accounts.iter() {
				Credentials::<T>::try_mutate(account, |credential| {
					let credential = credential.as_mut().ok_or(Error::<T>::NotFound)?;
					ensure!(
						credential.profile.entity == EntityType::Enterprise,
						Error::<T>::SupervisionClassNotApplicable
					);
					old = credential.profile.class.replace(class);
					Ok::<_, DispatchError>(())
				})?;
			}
			Self::deposit_event(Event::SupervisionClassSet { person, old, new: class });
			Ok(())
		}

		/// Set the native balance a newly attested account is topped up to (zero: no top-up).
		///
		/// The dispatch origin must be `T::GovernanceOrigin`.
		///
		/// Emits `OnboardingAllowanceSet`.
		#[pallet::call_index(20)]
		#[pallet::weight(T::WeightInfo::set_onboarding_allowance())]
		pub fn set_onboarding_allowance(
			origin: OriginFor<T>,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			ensure!(
				amount.is_zero() || amount >= T::Currency::minimum_balance(),
				Error::<T>::AllowanceBelowMinimum
			);
			let old =
				OnboardingAllowance::<T>::mutate(|allowance| core::mem::replace(allowance, amount));
			Self::deposit_event(Event::OnboardingAllowanceSet { old, new: amount });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// The credential of `who` if it is live right now.
		pub fn live_credential(who: &T::AccountId) -> Option<Credential<T::AccountId>> {
			Credentials::<T>::get(who).filter(|c| Self::is_live(c, T::Time::now()))
		}

		/// How `who` may submit `call` through the door, cheapest checks first: an open call, a
		/// verified account, an institution with an active licence, or not at all.
		pub fn door(who: &T::AccountId, call: &<T as frame_system::Config>::RuntimeCall) -> Door {
			if T::OpenCalls::contains(call) {
				Door::Open
			} else if Self::live_credential(who).is_some() {
				Door::Verified
			} else if Licences::<T>::iter_prefix_values(who)
				.any(|licence| licence.status == LicenceStatus::Active)
			{
				Door::Licensed
			} else {
				Door::Closed
			}
		}

		/// The runtime API's answer for `who`.
		pub fn verification(who: T::AccountId) -> AccountVerification<T::AccountId> {
			let credential = Credentials::<T>::get(&who);
			let verified = credential.as_ref().is_some_and(|c| Self::is_live(c, T::Time::now()));
			let licences = Licences::<T>::iter_prefix(&who)
				.map(|(role, licence)| (role, licence.status))
				.collect();
			AccountVerification { verified, credential, licences }
		}

		fn is_live(credential: &Credential<T::AccountId>, now: Moment) -> bool {
			credential.status == CredentialStatus::Active
				&& now < credential.expires_at
				&& Self::registrar_vouches_for(credential)
		}

		/// Whether the credential's registrar holds a `Registrar` licence (active or suspended)
		/// granted no later than the credential: a registrar licensed again after a revocation
		/// does not bring its earlier credentials back.
		fn registrar_vouches_for(credential: &Credential<T::AccountId>) -> bool {
			Licences::<T>::get(&credential.registrar, Role::Registrar)
				.is_some_and(|licence| licence.granted_at <= credential.issued_at)
		}

		fn ensure_supervisor_or_governance(origin: OriginFor<T>) -> DispatchResult {
			match T::SupervisorOrigin::try_origin(origin) {
				Ok(_) => Ok(()),
				Err(origin) => T::GovernanceOrigin::ensure_origin(origin).map(|_| ()),
			}
			.map_err(Into::into)
		}

		/// `None` when `origin` passes the authority `A`, else the signer, who must hold an
		/// active `Registrar` licence.
		fn authority_or_active_registrar<A: EnsureOrigin<OriginFor<T>>>(
			origin: OriginFor<T>,
		) -> Result<Option<T::AccountId>, DispatchError> {
			match A::try_origin(origin) {
				Ok(_) => Ok(None),
				Err(origin) => {
					let registrar = ensure_signed(origin)?;
					Self::ensure_active_registrar(&registrar)?;
					Ok(Some(registrar))
				},
			}
		}

		pub(crate) fn ensure_active_registrar(who: &T::AccountId) -> DispatchResult {
			match Licences::<T>::get(who, Role::Registrar).map(|l| l.status) {
				Some(LicenceStatus::Active) => Ok(()),
				Some(LicenceStatus::Suspended) => Err(Error::<T>::LicenceSuspended.into()),
				None => Err(Error::<T>::NotRegistrar.into()),
			}
		}

		fn ensure_valid_expiry(expires_at: Moment) -> DispatchResult {
			let now = T::Time::now();
			ensure!(
				expires_at > now && expires_at <= now.saturating_add(T::MaxValidity::get()),
				Error::<T>::InvalidExpiry
			);
			Ok(())
		}

		pub(crate) fn do_license(institution: &T::AccountId, role: Role) -> DispatchResult {
			ensure!(!Licences::<T>::contains_key(institution, role), Error::<T>::AlreadyLicensed);
			let identity_registrar = match role {
				Role::Registrar => Some(T::IdentityRegistrars::add(institution)?),
				_ => None,
			};
			let licence = Licence {
				status: LicenceStatus::Active,
				granted_at: T::Time::now(),
				identity_registrar,
			};
			Licences::<T>::insert(institution, role, licence);
			Self::deposit_event(Event::Licensed {
				institution: institution.clone(),
				role,
				identity_registrar,
			});
			Ok(())
		}

		/// Record `registrar`'s attestation of `who`, linking the account to its person. The
		/// caller has checked the registrar's licence and the expiry.
		pub(crate) fn do_attest(
			registrar: &T::AccountId,
			who: &T::AccountId,
			profile: KycProfile,
			expires_at: Moment,
		) -> DispatchResult {
			ensure!(registrar != who, Error::<T>::SelfAttestation);
			ensure!(!T::SystemAccounts::contains(who), Error::<T>::SystemAccount);
			ensure!(profile.jurisdiction.is_well_formed(), Error::<T>::InvalidJurisdiction);
			match (profile.entity, profile.class) {
				(EntityType::Enterprise, None) => Err(Error::<T>::SupervisionClassRequired)?,
				(EntityType::Individual | EntityType::Institution, Some(_)) => {
					Err(Error::<T>::SupervisionClassNotApplicable)?
				},
				_ => {},
			}
			let now = T::Time::now();
			let previous = Credentials::<T>::get(who);
			if let Some(existing) = &previous {
				ensure!(
					existing.status != CredentialStatus::Suspended(Suspender::Supervisor),
					Error::<T>::SuspendedBySupervisor
				);
				let standing = existing.status != CredentialStatus::Revoked
					&& now < existing.expires_at
					&& Self::registrar_vouches_for(existing);
				ensure!(!standing, Error::<T>::AlreadyVerified);
			}

			PersonAccounts::<T>::try_mutate(profile.person, |accounts| {
				// The person's other credentials, and this account's own earlier one if it named
				// the same person: one entity type and one class per person, and a supervisor's
				// suspension of one account holds for every new one.
				for credential in accounts.iter().filter_map(Credentials::<T>::get) {
					ensure!(
						credential.profile.entity == profile.entity,
						Error::<T>::EntityMismatch
					);
					ensure!(
						credential.profile.class == profile.class,
						Error::<T>::SupervisionClassMismatch
					);
					ensure!(
						credential.status != CredentialStatus::Suspended(Suspender::Supervisor),
						Error::<T>::SuspendedBySupervisor
					);
				}
				if !accounts.contains(who) {
					accounts.try_push(who.clone()).map_err(|_| Error::<T>::TooManyAccounts)?;
				}
				Ok::<_, DispatchError>(())
			})?;
			let moved_from = previous.map(|c| c.profile.person).filter(|p| *p != profile.person);
			if let Some(old_person) = moved_from {
				PersonAccounts::<T>::mutate_exists(old_person, |accounts| {
					if let Some(list) = accounts {
						list.retain(|account| account != who);
						if list.is_empty() {
							*accounts = None;
						}
					}
				});
			}

			let credential = Credential {
				registrar: registrar.clone(),
				profile,
				issued_at: now,
				expires_at,
				status: CredentialStatus::Active,
			};
			Credentials::<T>::insert(who, credential);
			Self::deposit_event(Event::Attested {
				who: who.clone(),
				registrar: registrar.clone(),
				person: profile.person,
				expires_at,
			});
			Ok(())
		}

		fn grant_allowance(registrar: &T::AccountId, who: &T::AccountId) -> DispatchResult {
			let top_up = OnboardingAllowance::<T>::get().saturating_sub(T::Currency::balance(who));
			if top_up.is_zero() {
				return Ok(());
			}
			T::Currency::transfer(registrar, who, top_up, Preservation::Preserve)
				.map_err(|_| Error::<T>::AllowanceUnfunded)?;
			Self::deposit_event(Event::AllowanceGranted {
				who: who.clone(),
				registrar: registrar.clone(),
				amount: top_up,
			});
			Ok(())
		}

		/// The pallet's invariants. (That a live credential's registrar is licensed holds by the
		/// definition of live, which every question recomputes.)
		/// - no credential attests its own registrar, and none expires before it was issued;
		/// - the person index and the credentials agree, both ways, and a person's accounts share
		///   one entity type and one supervision class;
		/// - a `Registrar` licence, and only it, carries an identity registrar index, and no two
		///   carry the same;
		/// - the onboarding allowance is zero or at least the existential deposit.
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			for (who, credential) in Credentials::<T>::iter() {
				ensure!(credential.registrar != who, "a credential attests its own registrar");
				ensure!(
					credential.issued_at < credential.expires_at,
					"a credential expires before it was issued"
				);
				ensure!(
					PersonAccounts::<T>::get(credential.profile.person).contains(&who),
					"a credential's person does not list the account"
				);
			}
			for (person, accounts) in PersonAccounts::<T>::iter() {
				ensure!(!accounts.is_empty(), "a person with no accounts is stored");
				let mut shared = None;
				for account in accounts.iter() {
					let credential = Credentials::<T>::get(account)
						.ok_or("a person lists an account without a credential")?;
					ensure!(
						credential.profile.person == person,
						"a person lists another's account"
					);
					let kind = (credential.profile.entity, credential.profile.class);
					ensure!(
						*shared.get_or_insert(kind) == kind,
						"a person's accounts disagree on entity type or class"
					);
				}
			}
			let mut indices = alloc::collections::BTreeSet::new();
			for (_, role, licence) in Licences::<T>::iter() {
				ensure!(
					licence.identity_registrar.is_some() == (role == Role::Registrar),
					"only registrar licences carry an identity registrar index"
				);
				if let Some(index) = licence.identity_registrar {
					ensure!(
						indices.insert(index),
						"two licences share an identity registrar index"
					);
				}
			}
			let allowance = OnboardingAllowance::<T>::get();
			ensure!(
				allowance.is_zero() || allowance >= T::Currency::minimum_balance(),
				"the onboarding allowance is below the existential deposit"
			);
			Ok(())
		}
	}
}

impl<T: Config> KycProvider<T::AccountId> for Pallet<T> {
	fn verified_profile(who: &T::AccountId) -> Option<KycProfile> {
		Self::live_credential(who).map(|c| c.profile)
	}

	fn person_of(who: &T::AccountId) -> Option<PersonId> {
		Credentials::<T>::get(who).map(|c| c.profile.person)
	}
}

impl<T: Config> LicenceProvider<T::AccountId> for Pallet<T> {
	fn is_licensed(who: &T::AccountId, role: Role) -> bool {
		Licences::<T>::get(who, role).is_some_and(|l| l.status == LicenceStatus::Active)
	}
}
