//! # Leasing pallet: finance leases that run themselves, on assets nobody can finance twice
//!
//! A lessor registers the asset it bought, drafts a lease with its terms, and the lessee signs
//! it. The chain computes the schedule, reserves the security deposit, encumbers the asset,
//! collects rent when it falls due (every movement through [`ForexLedger`], so supervision sees
//! rent like any payment), charges late fees, and follows the contract through default and its
//! remedies, an early buyout or maturity.
//!
//! ## Terminology
//!
//! - **Asset registry**: assets by a key (a hash of serial number and purchase invoice) with
//!   their holder (title) and at most one encumbrance, a lease or a pledge. A second is
//!   refused; the first registration has priority. A financier looks the key up before
//!   financing (`LeasingApi::asset`).
//! - **Terms** ([`Terms`]): currency, principal, rate per period, instalments and period, method
//!   (equal instalment or equal principal), deposit, late fee per day and its cap, grace period,
//!   default trigger, early-termination fee, end option (title for a nominal price, or return).
//! - **Schedule**: computed on chain by [`schedule::compute`] (its module states every rounding
//!   rule); its Blake2-256 hash is what the lessee signs.
//! - **Pay** ([`pay`](Pallet::pay)): the oldest unpaid instalment with its late fee, or after
//!   acceleration or termination the settlement still due. The lessee may pay an instalment
//!   before it is due. With automatic payment on, the chain collects what is due.
//! - **Default**: when the trigger is met (by default two instalments or 15% of the total rent
//!   overdue) the lessor sends a demand notice; the lessee may cure within the grace period;
//!   after it, the lessor declares default and chooses **acceleration** (all remaining rent and
//!   fees due now) or **termination** (repossession: the settlement is unpaid rent and fees less
//!   the recovered value the lessor reports with evidence). The deposit is applied first; any
//!   surplus returns to the lessee.
//! - **Buyout**: the lessee ends the lease early for the outstanding principal, the accrued
//!   rent (overdue rent's interest, late fees and the current period's interest pro rata), the
//!   early-termination fee and the nominal price, of which the deposit pays first.
//! - **Held payments**: when supervision holds a lease payment for review, nothing of the lease
//!   changes until a supervisor decides ([`LedgerObserver`]): a release applies the payment, a
//!   rejection or expiry leaves the lease as it was (a deposit the payment used is reserved
//!   again). Meanwhile the lease accepts no other payment or remedy.
//!
//! ## Interface
//!
//! ### Verified accounts (signed)
//! - Registry: [`register_asset`](Pallet::register_asset),
//!   [`transfer_asset`](Pallet::transfer_asset), [`pledge_asset`](Pallet::pledge_asset),
//!   [`release_pledge`](Pallet::release_pledge) (the pledgee),
//!   [`deregister_asset`](Pallet::deregister_asset).
//! - Lessees: [`sign`](Pallet::sign), [`set_auto_pay`](Pallet::set_auto_pay),
//!   [`pay`](Pallet::pay), [`buy_out`](Pallet::buy_out), [`complete`](Pallet::complete) (title
//!   for the nominal price), [`withdraw_draft`](Pallet::withdraw_draft) (decline).
//!
//! ### Lessors (signed, with an active `Lessor` licence to draft)
//! - [`draft`](Pallet::draft), [`withdraw_draft`](Pallet::withdraw_draft),
//!   [`send_demand`](Pallet::send_demand), [`declare_default`](Pallet::declare_default),
//!   [`accelerate`](Pallet::accelerate), [`terminate`](Pallet::terminate),
//!   [`complete`](Pallet::complete) (asset returned).
//!
//! ### Every block
//! - `on_initialize` collects due rent of leases with automatic payment, at most
//!   `MaxCollectionsPerBlock` leases per block, earliest due first, from an agenda kept in
//!   time order.
//!
//! ### Other pallets and clients
//! - [`LedgerObserver`] is implemented by [`Pallet`]; the runtime gives it to the forex pallet.
//! - The runtime's `LeasingApi` (`lease`, `asset`, `leases_of`) is served by the pallet's query
//!   functions.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
pub mod schedule;
#[cfg(test)]
mod tests;
mod types;
pub mod weights;

pub use fxchain_primitives::leasing::{
	Arrears, Asset, AssetKey, Closure, DefaultTrigger, Encumbrance, EndOption, Instalment, Lease,
	LeaseId, LeaseStatus, LeaseView, Method, ScheduleRow, Terms,
};
pub use pallet::*;
pub use types::{Effect, Pending};
pub use weights::WeightInfo;

/// What the benchmarks need from the identity layer, the currency ledger and the clock.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Give `who` a live credential (a resident enterprise in one jurisdiction, so that every
	/// lease payment between two such accounts is domestic).
	fn verify(who: &AccountId);
	/// Give `who` an active `Lessor` licence.
	fn license_lessor(who: &AccountId);
	/// A registered currency, and `amount` of it in `who`'s balance.
	fn fund(
		who: &AccountId,
		amount: fxchain_primitives::forex::Amount,
	) -> fxchain_primitives::forex::CurrencyId;
	/// Set the time `Config::Time` reports to `now` (milliseconds since the Unix epoch).
	fn set_time(now: fxchain_primitives::Moment);
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{pallet_prelude::*, traits::Time};
	use frame_system::pallet_prelude::*;
	use fxchain_primitives::{
		forex::{
			is_cross_border, Amount, ForexLedger, LedgerObserver, LedgerOutcome, Purpose, Reference,
		},
		kyc::{KycProvider, LicenceProvider, Role},
		receivables::{LeaseReceivables, ReceivableInfo, RentRouting},
		split_time_key, time_key, Moment,
	};
	use sp_core::H256;
	use sp_runtime::traits::Zero;

	/// Storage layout version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Real-name verification: every party must be verified; residency decides whether rent
		/// crosses a border.
		type Kyc: KycProvider<Self::AccountId>;

		/// Institution licences: only `Lessor`s draft leases.
		type Licences: LicenceProvider<Self::AccountId>;

		/// The currency ledger, through which every payment moves (and so through supervision)
		/// and in which deposits are reserved.
		type Ledger: ForexLedger<Self::AccountId>;

		/// Chain time: due dates, late fees, notices.
		type Time: Time<Moment = Moment>;

		/// Where the lessee's payments go: to whom the lessor assigned the lease's rent (a
		/// receivables registry), otherwise to the lessor; told of every payment that reaches
		/// its payee.
		type RentRouting: RentRouting<Self::AccountId>;

		/// The most instalments a lease may have.
		#[pallet::constant]
		type MaxInstalments: Get<u32>;

		/// The shortest instalment period, in milliseconds (at least one block, so that one
		/// collection per block keeps up).
		#[pallet::constant]
		type MinPeriod: Get<Moment>;

		/// The most leases whose rent one block collects.
		#[pallet::constant]
		type MaxCollectionsPerBlock: Get<u32>;

		/// How long after a failed collection (no funds, or supervision refused) the chain tries
		/// again, in milliseconds.
		#[pallet::constant]
		type CollectionRetry: Get<Moment>;

		/// Weights of the calls and of the collection, from the benchmarks.
		type WeightInfo: WeightInfo;

		/// Sets up credentials, licences, balances and time for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// The asset registry. Keys are chosen by the registrant, hence Blake2.
	#[pallet::storage]
	pub type Assets<T: Config> =
		StorageMap<_, Blake2_128Concat, AssetKey, Asset<T::AccountId>, OptionQuery>;

	/// Open leases (drafts included); a lease leaves with its `LeaseClosed` event.
	#[pallet::storage]
	pub type Leases<T: Config> =
		StorageMap<_, Twox64Concat, LeaseId, Lease<T::AccountId>, OptionQuery>;

	/// Each open lease's schedule.
	#[pallet::storage]
	pub type Schedules<T: Config> = StorageMap<
		_,
		Twox64Concat,
		LeaseId,
		BoundedVec<Instalment, T::MaxInstalments>,
		OptionQuery,
	>;

	/// The open leases of each lessor and lessee.
	#[pallet::storage]
	pub type LeasesOf<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, LeaseId, (), OptionQuery>;

	/// The next lease's number.
	#[pallet::storage]
	pub type NextLeaseId<T: Config> = StorageValue<_, LeaseId, ValueQuery>;

	/// Lease payments supervision holds for review, by the forex reference (a hash the chain
	/// generates, hence Twox).
	#[pallet::storage]
	pub type InReview<T: Config> = StorageMap<_, Twox64Concat, Reference, Pending, OptionQuery>;

	/// The payee and amount of each held payment from the lessee, by the forex reference (a
	/// hash the chain generates, hence Twox): told to [`Config::RentRouting`] when a supervisor
	/// releases it.
	#[pallet::storage]
	pub type RoutedInReview<T: Config> =
		StorageMap<_, Twox64Concat, Reference, (T::AccountId, Amount), OptionQuery>;

	/// The collection agenda: leases with automatic payment, keyed by when to look at them
	/// next and the lease (both big-endian, with the identity hasher, so that the map iterates
	/// in time order and the next due lease is the first key). One entry per lease at most.
	#[pallet::storage]
	pub type Agenda<T: Config> = StorageMap<_, Identity, [u8; 16], (), OptionQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An asset was registered: its key is taken.
		AssetRegistered { key: AssetKey, holder: T::AccountId, description: H256 },
		/// Title to an asset passed by its holder's transfer.
		AssetTransferred { key: AssetKey, from: T::AccountId, to: T::AccountId },
		/// An asset was pledged; nothing else may encumber it until the pledgee releases it.
		AssetPledged { key: AssetKey, holder: T::AccountId, pledgee: T::AccountId },
		/// An asset was leased; nothing else may encumber it until the lease ends.
		AssetLeased { key: AssetKey, lease: LeaseId, lessee: T::AccountId },
		/// An asset's lease or pledge ended; `holder` holds title.
		AssetReleased { key: AssetKey, holder: T::AccountId },
		/// An asset left the registry.
		AssetDeregistered { key: AssetKey },
		/// A lessor drafted a lease; the lessee signs `schedule_hash`.
		LeaseDrafted {
			lease: LeaseId,
			lessor: T::AccountId,
			lessee: T::AccountId,
			asset: AssetKey,
			schedule_hash: H256,
			total_rent: Amount,
		},
		/// The lessee signed: the deposit is reserved, the first instalment falls due one
		/// period after `start`.
		LeaseSigned { lease: LeaseId, start: Moment, deposit: Amount },
		/// The lessee turned automatic payment on or off.
		AutoPaySet { lease: LeaseId, enabled: bool },
		/// An instalment was paid (`reference` is its forex payment).
		RentPaid {
			lease: LeaseId,
			instalment: u16,
			rent: Amount,
			late_fee: Amount,
			reference: Reference,
		},
		/// A settlement payment after acceleration or termination; `due` is what remains.
		SettlementPaid { lease: LeaseId, amount: Amount, due: Amount, reference: Reference },
		/// Supervision holds a lease payment for review; the lease waits for the decision.
		PaymentHeld { lease: LeaseId, reference: Reference, amount: Amount },
		/// A held lease payment was rejected or expired: the payer has the funds back and the
		/// lease is as it was.
		PaymentReturned { lease: LeaseId, reference: Reference },
		/// Automatic collection could not take what is due; it tries again at `retry_at`.
		CollectionFailed { lease: LeaseId, error: DispatchError, retry_at: Moment },
		/// The default trigger was met and the lessor sent a demand notice.
		DemandSent { lease: LeaseId, overdue_instalments: u16, overdue_rent: Amount },
		/// The lessee paid enough after a demand notice (or a declared default the lessor has
		/// not acted on) that the trigger is no longer met: the lease is active again.
		DemandCured { lease: LeaseId },
		/// The grace period ended with the trigger met: the lease is in default.
		LeaseDefaulted { lease: LeaseId },
		/// The lessor accelerated: `owed` fell due; the deposit pays first (`SettlementPaid`).
		LeaseAccelerated { lease: LeaseId, owed: Amount },
		/// The lessor terminated and repossessed: `owed` less `recovered` (backed by
		/// `evidence`) is `due`, which the deposit pays first; `surplus` goes to the lessee.
		LeaseTerminated {
			lease: LeaseId,
			owed: Amount,
			recovered: Amount,
			evidence: H256,
			due: Amount,
			surplus: Amount,
		},
		/// The deposit could not pay towards a settlement now (the lessee's credential lapsed,
		/// or supervision refused); it stays reserved and pays first when the lessee pays.
		DepositNotApplied { lease: LeaseId, error: DispatchError },
		/// A termination's surplus could not reach the lessee (supervision refused or rejected
		/// it, or the lessee's credential lapsed): the lease closed and the lessor owes it.
		SurplusUnpaid { lease: LeaseId, amount: Amount },
		/// All rent is paid; the end option completes the lease.
		LeaseMatured { lease: LeaseId },
		/// The lease ended and left storage.
		LeaseClosed { lease: LeaseId, closure: Closure },
		/// A payment from the lessee goes to `payee`, to whom the lessor assigned the lease's
		/// rent, rather than to the lessor.
		PaymentRouted { lease: LeaseId, payee: T::AccountId, amount: Amount },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No open lease with this number: check it with `LeasingApi::lease`.
		LeaseNotFound,
		/// No asset is registered under this key: register it first.
		AssetNotFound,
		/// An asset is registered under this key already; the earlier registration has
		/// priority.
		AssetExists,
		/// Only the asset's holder may do this.
		NotHolder,
		/// The asset is leased or pledged: it cannot be leased, pledged, transferred or
		/// deregistered until that ends.
		AssetEncumbered,
		/// The asset has no pledge, or not to the caller.
		NotPledgee,
		/// Drafting a lease needs an active `Lessor` licence.
		NotLicensed,
		/// Every party must be a verified account: renew or obtain the credential.
		NotVerified,
		/// Lessor and lessee must differ.
		SelfLease,
		/// The terms make no sense: a principal, at least one and at most `MaxInstalments`
		/// instalments, a period of at least `MinPeriod`, rent in every instalment (a principal
		/// of at least one minor unit per instalment), a trigger of at least one instalment and
		/// a share above zero. (A zero late-fee cap means no late fees.)
		InvalidTerms,
		/// The schedule hash differs from the draft's: read the draft again before signing.
		ScheduleMismatch,
		/// Only the lease's lessor may do this.
		NotLessor,
		/// Only the lease's lessee may do this.
		NotLessee,
		/// Only the lease's lessor or lessee may do this.
		NotParty,
		/// The lease's status does not allow this: read it with `LeasingApi::lease`.
		WrongStatus,
		/// Nothing is due or payable on the lease now.
		NothingDue,
		/// The default trigger is not met: the lessee is not that far behind.
		TriggerNotMet,
		/// The grace period after the demand notice has not ended yet.
		GraceNotOver,
		/// A payment of this lease is held for review: wait for the supervisor's decision.
		PaymentInReview,
		/// An amount overflowed (please report it).
		Overflow,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxInstalments::get() > 0, "a lease needs at least one instalment");
			assert!(T::MaxInstalments::get() <= u32::from(u16::MAX), "instalment numbers are u16");
			assert!(T::MinPeriod::get() > 0, "instalments need time between them");
			assert!(T::MaxCollectionsPerBlock::get() > 0, "collection must make progress");
			assert!(T::CollectionRetry::get() > 0, "a retry must be later");
		}

		/// Collect the rent that fell due on leases with automatic payment: at most
		/// `MaxCollectionsPerBlock` leases, earliest due first.
		fn on_initialize(_: BlockNumberFor<T>) -> Weight {
			let collected = Self::collect_due(T::MaxCollectionsPerBlock::get());
			// `collect` measures rent; a settlement may also give back the deposit and close the
			// lease, which `complete` measures (with a transfer): charged on top, an upper bound.
			T::WeightInfo::collect(collected).saturating_add(
				T::Ledger::supervision_weight()
					.saturating_add(T::WeightInfo::complete())
					.saturating_add(T::RentRouting::weight())
					.saturating_mul(u64::from(collected)),
			)
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Register an asset under `key` (a hash of its serial number and purchase invoice),
		/// with a hash of its description. The caller holds title.
		///
		/// The dispatch origin must be signed by a verified account.
		///
		/// Emits `AssetRegistered`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_asset())]
		pub fn register_asset(
			origin: OriginFor<T>,
			key: AssetKey,
			description: H256,
		) -> DispatchResult {
			let holder = ensure_signed(origin)?;
			Self::ensure_verified(&holder)?;
			ensure!(!Assets::<T>::contains_key(key), Error::<T>::AssetExists);
			Assets::<T>::insert(
				key,
				Asset {
					holder: holder.clone(),
					description,
					registered_at: T::Time::now(),
					encumbrance: None,
				},
			);
			Self::deposit_event(Event::AssetRegistered { key, holder, description });
			Ok(())
		}

		/// Pass title to an unencumbered asset to `to`.
		///
		/// The dispatch origin must be signed by the holder; `to` must be verified.
		///
		/// Emits `AssetTransferred`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::transfer_asset())]
		pub fn transfer_asset(
			origin: OriginFor<T>,
			key: AssetKey,
			to: T::AccountId,
		) -> DispatchResult {
			let from = ensure_signed(origin)?;
			let mut asset = Self::unencumbered(&key, &from)?;
			Self::ensure_verified(&to)?;
			asset.holder = to.clone();
			Assets::<T>::insert(key, asset);
			Self::deposit_event(Event::AssetTransferred { key, from, to });
			Ok(())
		}

		/// Pledge an unencumbered asset to `pledgee` as security.
		///
		/// The dispatch origin must be signed by the holder; `pledgee` must be verified.
		///
		/// Emits `AssetPledged`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::pledge_asset())]
		pub fn pledge_asset(
			origin: OriginFor<T>,
			key: AssetKey,
			pledgee: T::AccountId,
		) -> DispatchResult {
			let holder = ensure_signed(origin)?;
			let mut asset = Self::unencumbered(&key, &holder)?;
			Self::ensure_verified(&pledgee)?;
			asset.encumbrance =
				Some((Encumbrance::Pledge { pledgee: pledgee.clone() }, T::Time::now()));
			Assets::<T>::insert(key, asset);
			Self::deposit_event(Event::AssetPledged { key, holder, pledgee });
			Ok(())
		}

		/// Release a pledge.
		///
		/// The dispatch origin must be signed by the pledgee.
		///
		/// Emits `AssetReleased`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::release_pledge())]
		pub fn release_pledge(origin: OriginFor<T>, key: AssetKey) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut asset = Assets::<T>::get(key).ok_or(Error::<T>::AssetNotFound)?;
			ensure!(
				matches!(&asset.encumbrance, Some((Encumbrance::Pledge { pledgee }, _)) if *pledgee == who),
				Error::<T>::NotPledgee
			);
			asset.encumbrance = None;
			let holder = asset.holder.clone();
			Assets::<T>::insert(key, asset);
			Self::deposit_event(Event::AssetReleased { key, holder });
			Ok(())
		}

		/// Remove an unencumbered asset from the registry (sold abroad, scrapped).
		///
		/// The dispatch origin must be signed by the holder.
		///
		/// Emits `AssetDeregistered`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::deregister_asset())]
		pub fn deregister_asset(origin: OriginFor<T>, key: AssetKey) -> DispatchResult {
			let holder = ensure_signed(origin)?;
			Self::unencumbered(&key, &holder)?;
			Assets::<T>::remove(key);
			Self::deposit_event(Event::AssetDeregistered { key });
			Ok(())
		}

		/// Draft a lease of `asset` to `lessee` on `terms`. The chain computes the schedule and
		/// its hash; nothing is reserved or encumbered until the lessee signs.
		///
		/// The dispatch origin must be signed by a verified account with an active `Lessor`
		/// licence that holds the unencumbered asset; `lessee` must be verified.
		///
		/// Emits `LeaseDrafted`. O(instalments).
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::draft(u32::from(terms.instalments)))]
		pub fn draft(
			origin: OriginFor<T>,
			lessee: T::AccountId,
			asset: AssetKey,
			terms: Terms,
		) -> DispatchResult {
			let lessor = ensure_signed(origin)?;
			ensure!(T::Licences::is_licensed(&lessor, Role::Lessor), Error::<T>::NotLicensed);
			Self::ensure_verified(&lessor)?;
			Self::ensure_verified(&lessee)?;
			ensure!(lessor != lessee, Error::<T>::SelfLease);
			Self::unencumbered(&asset, &lessor)?;
			Self::ensure_sensible(&terms)?;
			let rows = schedule::compute(&terms);
			// An instalment of no rent could never be paid, and would count as arrears.
			ensure!(rows.iter().all(|row| !row.rent().is_zero()), Error::<T>::InvalidTerms);
			let schedule_hash = H256(sp_io::hashing::blake2_256(&rows.encode()));
			let total_rent = schedule::total_rent(&rows);
			let rows: BoundedVec<_, T::MaxInstalments> =
				rows.try_into().map_err(|_| Error::<T>::InvalidTerms)?;
			let id = NextLeaseId::<T>::get();
			NextLeaseId::<T>::put(id.checked_add(1).ok_or(Error::<T>::Overflow)?);
			let lease = Lease {
				lessor: lessor.clone(),
				lessee: lessee.clone(),
				asset,
				terms,
				schedule_hash,
				total_rent,
				status: LeaseStatus::Draft,
				drafted_at: T::Time::now(),
				start: 0,
				paid: 0,
				fees_paid: 0,
				deposit: 0,
				auto_pay: false,
				collect_at: None,
				in_review: None,
			};
			Leases::<T>::insert(id, lease);
			Schedules::<T>::insert(id, rows);
			LeasesOf::<T>::insert(&lessor, id, ());
			LeasesOf::<T>::insert(&lessee, id, ());
			Self::deposit_event(Event::LeaseDrafted {
				lease: id,
				lessor,
				lessee,
				asset,
				schedule_hash,
				total_rent,
			});
			Ok(())
		}

		/// Withdraw a draft (the lessor) or decline it (the lessee).
		///
		/// The dispatch origin must be signed by the lessor or the lessee.
		///
		/// Emits `LeaseClosed` (`Withdrawn`).
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::withdraw_draft())]
		pub fn withdraw_draft(origin: OriginFor<T>, lease: LeaseId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let record = Self::lease(lease)?;
			ensure!(who == record.lessor || who == record.lessee, Error::<T>::NotParty);
			ensure!(record.status == LeaseStatus::Draft, Error::<T>::WrongStatus);
			Self::close(lease, record, Closure::Withdrawn);
			Ok(())
		}

		/// Sign a draft whose schedule hashes to `schedule_hash`: the deposit is reserved from
		/// the lessee's balance, the asset is encumbered and the lease is active from now.
		///
		/// The dispatch origin must be signed by the lessee, verified.
		///
		/// Emits `LeaseSigned` and `AssetLeased`.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::sign())]
		pub fn sign(origin: OriginFor<T>, lease: LeaseId, schedule_hash: H256) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut record = Self::lease(lease)?;
			ensure!(who == record.lessee, Error::<T>::NotLessee);
			ensure!(record.status == LeaseStatus::Draft, Error::<T>::WrongStatus);
			ensure!(schedule_hash == record.schedule_hash, Error::<T>::ScheduleMismatch);
			Self::ensure_verified(&who)?;
			Self::ensure_verified(&record.lessor)?;
			ensure!(
				T::Licences::is_licensed(&record.lessor, Role::Lessor),
				Error::<T>::NotLicensed
			);
			let mut asset = Self::unencumbered(&record.asset, &record.lessor)?;
			let deposit = record.terms.deposit;
			if !deposit.is_zero() {
				T::Ledger::reserve(&who, record.terms.currency, deposit)?;
			}
			let now = T::Time::now();
			asset.encumbrance = Some((Encumbrance::Lease { lease, lessee: who.clone() }, now));
			Assets::<T>::insert(record.asset, asset);
			record.status = LeaseStatus::Active;
			record.start = now;
			record.deposit = deposit;
			Self::deposit_event(Event::AssetLeased { key: record.asset, lease, lessee: who });
			Self::deposit_event(Event::LeaseSigned { lease, start: now, deposit });
			Self::store(lease, record);
			Ok(())
		}

		/// Turn automatic payment on or off: when on, the chain collects each instalment (and
		/// a settlement) from the lessee's balance when it falls due.
		///
		/// The dispatch origin must be signed by the lessee.
		///
		/// Emits `AutoPaySet`.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::set_auto_pay())]
		pub fn set_auto_pay(origin: OriginFor<T>, lease: LeaseId, enabled: bool) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut record = Self::lease(lease)?;
			ensure!(who == record.lessee, Error::<T>::NotLessee);
			ensure!(record.status != LeaseStatus::Draft, Error::<T>::WrongStatus);
			record.auto_pay = enabled;
			if !enabled {
				Self::take_off_agenda(lease, &mut record);
			}
			Self::store(lease, record);
			Self::deposit_event(Event::AutoPaySet { lease, enabled });
			Ok(())
		}

		/// Pay what is owed next: the oldest unpaid instalment with its late fee (also before
		/// it falls due), or after acceleration or termination the whole settlement due.
		///
		/// The dispatch origin must be signed by the lessee.
		///
		/// Emits `RentPaid` or `SettlementPaid` (`PaymentHeld` when supervision holds it).
		#[pallet::call_index(20)]
		#[pallet::weight(payment_weight::<T>().saturating_add(routed_weight::<T>()))]
		pub fn pay(origin: OriginFor<T>, lease: LeaseId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let record = Self::lease(lease)?;
			ensure!(who == record.lessee, Error::<T>::NotLessee);
			Self::pay_next(lease, record, T::Time::now())
		}

		/// Buy the asset out early: the lessee pays the outstanding principal, the accrued
		/// rent, the early-termination fee and the nominal price (the deposit pays first), and
		/// title passes.
		///
		/// The dispatch origin must be signed by the lessee.
		///
		/// Emits `LeaseClosed` (`BoughtOut`) and `AssetReleased` (`PaymentHeld` when supervision
		/// holds it).
		#[pallet::call_index(21)]
		#[pallet::weight(T::WeightInfo::buy_out().saturating_add(routed_weight::<T>()))]
		pub fn buy_out(origin: OriginFor<T>, lease: LeaseId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut record = Self::lease(lease)?;
			ensure!(who == record.lessee, Error::<T>::NotLessee);
			ensure!(record.in_review.is_none(), Error::<T>::PaymentInReview);
			let rows = Self::rows(lease);
			let amount = Self::buyout_amount(&record, &rows, T::Time::now())
				.ok_or(Error::<T>::WrongStatus)?;
			let applied = Self::apply_deposit(&mut record, amount)?;
			let (lessee, lessor) = (record.lessee.clone(), record.lessor.clone());
			Self::pay_for(lease, record, &lessee, &lessor, amount, Effect::Buyout, applied)
		}

		/// Complete a matured lease: for a purchase the lessee pays the nominal price and title
		/// passes; for a return the lessor confirms the asset is back. The deposit returns to the
		/// lessee either way.
		///
		/// The dispatch origin must be signed by the lessee (purchase) or the lessor (return).
		///
		/// Emits `LeaseClosed` and `AssetReleased`.
		#[pallet::call_index(22)]
		#[pallet::weight(T::WeightInfo::complete().saturating_add(routed_weight::<T>()))]
		pub fn complete(origin: OriginFor<T>, lease: LeaseId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut record = Self::lease(lease)?;
			ensure!(record.status == LeaseStatus::Matured, Error::<T>::WrongStatus);
			ensure!(record.in_review.is_none(), Error::<T>::PaymentInReview);
			match record.terms.end {
				EndOption::Purchase { price } => {
					ensure!(who == record.lessee, Error::<T>::NotLessee);
					if price.is_zero() {
						Self::close(lease, record, Closure::TitlePassed);
						return Ok(());
					}
					let applied = Self::apply_deposit(&mut record, price)?;
					let (lessee, lessor) = (record.lessee.clone(), record.lessor.clone());
					Self::pay_for(lease, record, &lessee, &lessor, price, Effect::Purchase, applied)
				},
				EndOption::Return => {
					ensure!(who == record.lessor, Error::<T>::NotLessor);
					Self::close(lease, record, Closure::Returned);
					Ok(())
				},
			}
		}

		/// Send the lessee a demand notice: the default trigger is met now. The lessee may cure
		/// within the grace period.
		///
		/// The dispatch origin must be signed by the lessor.
		///
		/// Emits `DemandSent`.
		#[pallet::call_index(30)]
		#[pallet::weight(T::WeightInfo::send_demand())]
		pub fn send_demand(origin: OriginFor<T>, lease: LeaseId) -> DispatchResult {
			let mut record = Self::lessors_lease(origin, lease)?;
			ensure!(record.status == LeaseStatus::Active, Error::<T>::WrongStatus);
			let now = T::Time::now();
			let arrears = Self::arrears(&record, &Self::rows(lease), now);
			ensure!(arrears.trigger_met, Error::<T>::TriggerNotMet);
			record.status = LeaseStatus::Demanded { notice_at: now };
			Leases::<T>::insert(lease, record);
			Self::deposit_event(Event::DemandSent {
				lease,
				overdue_instalments: arrears.instalments,
				overdue_rent: arrears.rent,
			});
			Ok(())
		}

		/// Declare the lease in default: the grace period after the demand notice has ended and
		/// the trigger is still met.
		///
		/// The dispatch origin must be signed by the lessor.
		///
		/// Emits `LeaseDefaulted`.
		#[pallet::call_index(31)]
		#[pallet::weight(T::WeightInfo::declare_default())]
		pub fn declare_default(origin: OriginFor<T>, lease: LeaseId) -> DispatchResult {
			let mut record = Self::lessors_lease(origin, lease)?;
			let LeaseStatus::Demanded { notice_at } = record.status else {
				return Err(Error::<T>::WrongStatus.into());
			};
			let now = T::Time::now();
			ensure!(now >= notice_at.saturating_add(record.terms.grace), Error::<T>::GraceNotOver);
			ensure!(
				Self::arrears(&record, &Self::rows(lease), now).trigger_met,
				Error::<T>::TriggerNotMet
			);
			record.status = LeaseStatus::Defaulted { at: now };
			Leases::<T>::insert(lease, record);
			Self::deposit_event(Event::LeaseDefaulted { lease });
			Ok(())
		}

		/// Accelerate a defaulted lease whose trigger is still met: all remaining rent and the
		/// late fees accrued fall due now, and the deposit pays first (what it does not need
		/// returns to the lessee at the end). Should the deposit not move (the lessee's
		/// credential lapsed, supervision refused), the acceleration stands and the deposit
		/// stays reserved, to pay first when the lessee pays.
		///
		/// The dispatch origin must be signed by the lessor.
		///
		/// Emits `LeaseAccelerated`, and `SettlementPaid`, `PaymentHeld` or `DepositNotApplied`
		/// for the deposit.
		#[pallet::call_index(32)]
		#[pallet::weight(T::WeightInfo::accelerate().saturating_add(T::Ledger::supervision_weight()))]
		pub fn accelerate(origin: OriginFor<T>, lease: LeaseId) -> DispatchResult {
			let mut record = Self::lessors_lease(origin, lease)?;
			ensure!(
				matches!(record.status, LeaseStatus::Defaulted { .. }),
				Error::<T>::WrongStatus
			);
			let rows = Self::rows(lease);
			let now = T::Time::now();
			ensure!(Self::arrears(&record, &rows, now).trigger_met, Error::<T>::TriggerNotMet);
			let owed = Self::unpaid(&record, &rows, now);
			record.status = LeaseStatus::Accelerated { due: owed };
			Self::deposit_event(Event::LeaseAccelerated { lease, owed });
			Self::settle_from_deposit(lease, record, owed);
			Ok(())
		}

		/// Terminate a defaulted lease whose trigger is still met, or an accelerated one, and
		/// repossess the asset (its registration is released at once). The settlement is what
		/// is owed (unpaid rent and fees; after acceleration, what is still due) less
		/// `recovered`, the value the lessor recovered from the asset (backed by the hash of its
		/// `evidence`); the deposit pays first, as for an acceleration. What remains is due from
		/// the lessee; a surplus goes to the lessee.
		///
		/// The dispatch origin must be signed by the lessor.
		///
		/// Emits `LeaseTerminated` and `AssetReleased` (and `LeaseClosed` when settled, or
		/// `SurplusUnpaid` when the surplus could not be paid).
		#[pallet::call_index(33)]
		#[pallet::weight(T::WeightInfo::terminate().saturating_add(T::Ledger::supervision_weight()))]
		pub fn terminate(
			origin: OriginFor<T>,
			lease: LeaseId,
			recovered: Amount,
			evidence: H256,
		) -> DispatchResult {
			let mut record = Self::lessors_lease(origin, lease)?;
			let owed = match record.status {
				LeaseStatus::Defaulted { .. } => {
					let rows = Self::rows(lease);
					let now = T::Time::now();
					let arrears = Self::arrears(&record, &rows, now);
					ensure!(arrears.trigger_met, Error::<T>::TriggerNotMet);
					Self::unpaid(&record, &rows, now)
				},
				LeaseStatus::Accelerated { due } => due,
				_ => return Err(Error::<T>::WrongStatus.into()),
			};
			Self::release_asset(lease, &record, false);
			let net = owed.saturating_sub(recovered);
			let surplus = recovered.saturating_sub(owed);
			record.status = LeaseStatus::Terminated { due: net };
			Self::deposit_event(Event::LeaseTerminated {
				lease,
				owed,
				recovered,
				evidence,
				due: net,
				surplus,
			});
			if !surplus.is_zero() {
				let (lessee, lessor) = (record.lessee.clone(), record.lessor.clone());
				let effect = Effect::Surplus { amount: surplus };
				let attempt = frame_support::storage::with_storage_layer(|| {
					Self::pay_for(lease, record.clone(), &lessor, &lessee, surplus, effect, 0)
				});
				if attempt.is_err() {
					Self::deposit_event(Event::SurplusUnpaid { lease, amount: surplus });
					Self::close(lease, record, Closure::Terminated);
				}
				return Ok(());
			}
			if net.is_zero() {
				Self::close(lease, record, Closure::Terminated);
				return Ok(());
			}
			Self::settle_from_deposit(lease, record, net);
			Ok(())
		}

		/// Give up what a terminated lease still has due: the lease closes and the rest of the
		/// deposit returns to the lessee. (The claim may still be pursued off chain.)
		///
		/// The dispatch origin must be signed by the lessor.
		///
		/// Emits `LeaseClosed` (`WrittenOff`).
		#[pallet::call_index(34)]
		#[pallet::weight(T::WeightInfo::write_off())]
		pub fn write_off(origin: OriginFor<T>, lease: LeaseId) -> DispatchResult {
			let record = Self::lessors_lease(origin, lease)?;
			ensure!(
				matches!(record.status, LeaseStatus::Terminated { .. }),
				Error::<T>::WrongStatus
			);
			Self::close(lease, record, Closure::WrittenOff);
			Ok(())
		}
	}

	/// The most one `pay` costs: a rent payment that reads the whole schedule and cures a
	/// demand (`pay`), or a settlement that gives back the deposit and closes the lease, as a
	/// purchase at `complete` does.
	pub(crate) fn payment_weight<T: Config>() -> Weight {
		T::WeightInfo::pay().max(T::WeightInfo::complete())
	}

	/// What a payment from the lessee adds to its benchmark: supervision (benchmarks run with
	/// a hook that allows everything) and the routing to the rent's assignee.
	pub(crate) fn routed_weight<T: Config>() -> Weight {
		T::Ledger::supervision_weight().saturating_add(T::RentRouting::weight())
	}

	impl<T: Config> LedgerObserver for Pallet<T> {
		/// A held lease payment concluded: a release applies it, a return leaves the lease as it
		/// was and reserves again the deposit the payment used.
		fn concluded(reference: &Reference, executed: bool) {
			let routed = RoutedInReview::<T>::take(reference);
			let Some(pending) = InReview::<T>::take(reference) else { return };
			let Some(mut record) = Leases::<T>::get(pending.lease) else { return };
			record.in_review = None;
			if executed {
				if let Some((payee, amount)) = routed {
					T::RentRouting::collected(pending.lease, &payee, record.terms.currency, amount);
				}
				Self::apply(pending.lease, record, pending.effect, *reference);
				return;
			}
			if !pending.released_deposit.is_zero() {
				match T::Ledger::reserve(
					&record.lessee,
					record.terms.currency,
					pending.released_deposit,
				) {
					Ok(()) => {
						record.deposit = record.deposit.saturating_add(pending.released_deposit)
					},
					Err(error) => log::error!(
						target: "runtime::leasing",
						"lease {}: the deposit could not be reserved again: {error:?}",
						pending.lease,
					),
				}
			}
			Self::deposit_event(Event::PaymentReturned {
				lease: pending.lease,
				reference: *reference,
			});
			if let Effect::Surplus { amount } = pending.effect {
				// The termination stands and the lessee owes nothing; the lessor, whose surplus
				// payment a supervisor refused, owes it outside the lease.
				Self::deposit_event(Event::SurplusUnpaid { lease: pending.lease, amount });
				Self::close(pending.lease, record, Closure::Terminated);
				return;
			}
			Self::store(pending.lease, record);
		}

		/// The benchmarked return of a held buyout (the ledger reserves the deposit again), or,
		/// when dearer, what applying a payment costs at most (see [`payment_weight`]).
		fn weight() -> Weight {
			T::WeightInfo::concluded()
				.max(payment_weight::<T>())
				.saturating_add(T::RentRouting::weight())
		}
	}

	/// A lease's future rent, as a receivable that its lessor may assign (to a securitisation
	/// pool, for example).
	impl<T: Config> LeaseReceivables<T::AccountId> for Pallet<T> {
		fn lessor(lease: LeaseId) -> Option<T::AccountId> {
			Leases::<T>::get(lease).map(|record| record.lessor)
		}

		/// A running lease's unpaid rent (or the settlement still due), the due date of its
		/// next instalment and whether it is in default. `None` for a draft, a matured lease
		/// and a lease whose payment is in review: its rent cannot change hands until a
		/// supervisor decides.
		fn receivable(lease: LeaseId) -> Option<ReceivableInfo<T::AccountId>> {
			let record = Leases::<T>::get(lease)?;
			if record.in_review.is_some() {
				return None;
			}
			let rows = Self::rows(lease);
			let next_due =
				schedule::due(record.start, record.terms.period, record.paid.saturating_add(1));
			let (outstanding, due, defaulted) = match record.status {
				LeaseStatus::Active | LeaseStatus::Demanded { .. } => (
					Self::unpaid_rows(&record, &rows)
						.fold(0u128, |sum, (_, row)| sum.saturating_add(row.rent())),
					next_due,
					false,
				),
				LeaseStatus::Defaulted { at } => (
					Self::unpaid_rows(&record, &rows)
						.fold(0u128, |sum, (_, row)| sum.saturating_add(row.rent())),
					at,
					true,
				),
				LeaseStatus::Accelerated { due } | LeaseStatus::Terminated { due }
					if !due.is_zero() =>
				{
					(due, T::Time::now(), true)
				},
				_ => return None,
			};
			Some(ReceivableInfo {
				holder: record.lessor,
				currency: record.terms.currency,
				outstanding,
				due,
				defaulted,
			})
		}

		/// Bounded by `pay`'s benchmark, which reads the same lease and its whole schedule (and
		/// then pays).
		fn weight() -> Weight {
			T::WeightInfo::pay()
		}
	}

	impl<T: Config> Pallet<T> {
		fn ensure_verified(who: &T::AccountId) -> DispatchResult {
			ensure!(T::Kyc::verified_profile(who).is_some(), Error::<T>::NotVerified);
			Ok(())
		}

		/// The asset under `key`, held by `holder` and free of any lease or pledge.
		fn unencumbered(
			key: &AssetKey,
			holder: &T::AccountId,
		) -> Result<Asset<T::AccountId>, DispatchError> {
			let asset = Assets::<T>::get(key).ok_or(Error::<T>::AssetNotFound)?;
			ensure!(asset.holder == *holder, Error::<T>::NotHolder);
			ensure!(asset.encumbrance.is_none(), Error::<T>::AssetEncumbered);
			Ok(asset)
		}

		fn ensure_sensible(terms: &Terms) -> DispatchResult {
			let sensible = !terms.principal.is_zero()
				&& terms.instalments > 0
				&& u32::from(terms.instalments) <= T::MaxInstalments::get()
				&& terms.period >= T::MinPeriod::get()
				&& terms.trigger.instalments > 0
				&& !terms.trigger.share.is_zero();
			ensure!(sensible, Error::<T>::InvalidTerms);
			Ok(())
		}

		fn lease(id: LeaseId) -> Result<Lease<T::AccountId>, DispatchError> {
			Ok(Leases::<T>::get(id).ok_or(Error::<T>::LeaseNotFound)?)
		}

		/// The lease, if the origin is its lessor and no payment of it is in review.
		fn lessors_lease(
			origin: OriginFor<T>,
			id: LeaseId,
		) -> Result<Lease<T::AccountId>, DispatchError> {
			let who = ensure_signed(origin)?;
			let record = Self::lease(id)?;
			ensure!(who == record.lessor, Error::<T>::NotLessor);
			ensure!(record.in_review.is_none(), Error::<T>::PaymentInReview);
			// A lessor whose own credential lapsed could not be paid: no remedies meanwhile.
			Self::ensure_verified(&who)?;
			Ok(record)
		}

		fn rows(id: LeaseId) -> Vec<Instalment> {
			Schedules::<T>::get(id).map(BoundedVec::into_inner).unwrap_or_default()
		}

		/// Pay what `record` owes next at `now` (see [`pay`](Pallet::pay)); also what the
		/// collection does.
		fn pay_next(id: LeaseId, mut record: Lease<T::AccountId>, now: Moment) -> DispatchResult {
			ensure!(record.in_review.is_none(), Error::<T>::PaymentInReview);
			let (lessee, lessor) = (record.lessee.clone(), record.lessor.clone());
			let mut applied = 0;
			let (amount, effect) = match record.status {
				LeaseStatus::Active
				| LeaseStatus::Demanded { .. }
				| LeaseStatus::Defaulted { .. } => {
					let (number, rent, fee) = Self::next_rent(&record, &Self::rows(id), now)
						.ok_or(Error::<T>::NothingDue)?;
					let amount = rent.checked_add(fee).ok_or(Error::<T>::Overflow)?;
					(amount, Effect::Rent { number, rent, fee })
				},
				LeaseStatus::Accelerated { due } | LeaseStatus::Terminated { due }
					if !due.is_zero() =>
				{
					// A deposit that could not pay when the settlement fell due pays first now.
					applied = Self::apply_deposit(&mut record, due)?;
					(due, Effect::Settlement { amount: due })
				},
				_ => return Err(Error::<T>::NothingDue.into()),
			};
			Self::pay_for(id, record, &lessee, &lessor, amount, effect, applied)
		}

		/// Pay `amount` from `from` to `to` through the ledger for lease `id`, and apply `effect`
		/// when it executes: now, or when a supervisor releases it. What the lessee owes the
		/// lessor goes to the rent's payee ([`Config::RentRouting`]), which learns of it when it
		/// arrives. `released_deposit` is the part of the deposit given back to the lessee for
		/// this payment, reserved again if the payment does not execute. Stores the lease.
		fn pay_for(
			id: LeaseId,
			mut record: Lease<T::AccountId>,
			from: &T::AccountId,
			to: &T::AccountId,
			amount: Amount,
			effect: Effect,
			released_deposit: Amount,
		) -> DispatchResult {
			let routed = *to == record.lessor;
			let payee = if routed { T::RentRouting::payee(id, to) } else { to.clone() };
			if routed && payee != record.lessor {
				Self::deposit_event(Event::PaymentRouted {
					lease: id,
					payee: payee.clone(),
					amount,
				});
			}
			let purpose = Self::purpose(from, &payee)?;
			match T::Ledger::transfer(from, &payee, record.terms.currency, amount, purpose)? {
				LedgerOutcome::Executed(reference) => {
					if routed {
						T::RentRouting::collected(id, &payee, record.terms.currency, amount);
					}
					Self::apply(id, record, effect, reference)
				},
				LedgerOutcome::Held(reference) => {
					if routed {
						RoutedInReview::<T>::insert(reference, (payee, amount));
					}
					InReview::<T>::insert(
						reference,
						Pending { lease: id, effect, released_deposit },
					);
					record.in_review = Some(reference);
					Self::deposit_event(Event::PaymentHeld { lease: id, reference, amount });
					Self::store(id, record);
				},
			}
			Ok(())
		}

		/// A finance lease's payments are balance-of-payments financial-account flows when they
		/// cross a border (between the payer and the payee, who may be the rent's assignee).
		fn purpose(from: &T::AccountId, to: &T::AccountId) -> Result<Purpose, DispatchError> {
			let payer = T::Kyc::verified_profile(from).ok_or(Error::<T>::NotVerified)?;
			let payee = T::Kyc::verified_profile(to).ok_or(Error::<T>::NotVerified)?;
			Ok(if is_cross_border(&payer, &payee) {
				Purpose::FinancialAccount
			} else {
				Purpose::Domestic
			})
		}

		/// Pay what the deposit covers of a settlement of `due` to the lessor. Should that
		/// fail, the settlement stands and the deposit stays reserved (`DepositNotApplied`).
		/// Stores the lease.
		fn settle_from_deposit(id: LeaseId, record: Lease<T::AccountId>, due: Amount) {
			if record.deposit.is_zero() {
				Self::store(id, record);
				return;
			}
			let attempt = frame_support::storage::with_storage_layer(|| {
				let mut tried = record.clone();
				let applied = Self::apply_deposit(&mut tried, due)?;
				let (lessee, lessor) = (tried.lessee.clone(), tried.lessor.clone());
				let effect = Effect::Settlement { amount: applied };
				Self::pay_for(id, tried, &lessee, &lessor, applied, effect, applied)
			});
			if let Err(error) = attempt {
				Self::deposit_event(Event::DepositNotApplied { lease: id, error });
				Self::store(id, record);
			}
		}

		/// Give back to the lessee's balance the part of the deposit that pays `owed`, and
		/// return it; the rest stays reserved until the lease closes.
		fn apply_deposit(
			record: &mut Lease<T::AccountId>,
			owed: Amount,
		) -> Result<Amount, DispatchError> {
			let applied = record.deposit.min(owed);
			if !applied.is_zero() {
				T::Ledger::unreserve(&record.lessee, record.terms.currency, applied)?;
				record.deposit = record.deposit.saturating_sub(applied);
			}
			Ok(applied)
		}

		/// A payment of lease `id` executed: what it changes. Stores (or closes) the lease.
		fn apply(
			id: LeaseId,
			mut record: Lease<T::AccountId>,
			effect: Effect,
			reference: Reference,
		) {
			match effect {
				Effect::Rent { number, rent, fee } => {
					record.paid = number;
					record.fees_paid = record.fees_paid.saturating_add(fee);
					Self::deposit_event(Event::RentPaid {
						lease: id,
						instalment: number,
						rent,
						late_fee: fee,
						reference,
					});
					if record.paid >= record.terms.instalments {
						record.status = LeaseStatus::Matured;
						Self::deposit_event(Event::LeaseMatured { lease: id });
					} else if matches!(
						record.status,
						LeaseStatus::Demanded { .. } | LeaseStatus::Defaulted { .. }
					) && !Self::arrears(&record, &Self::rows(id), T::Time::now())
						.trigger_met
					{
						record.status = LeaseStatus::Active;
						Self::deposit_event(Event::DemandCured { lease: id });
					}
					Self::store(id, record);
				},
				Effect::Settlement { amount } => {
					let due = match &mut record.status {
						LeaseStatus::Accelerated { due } | LeaseStatus::Terminated { due } => {
							*due = due.saturating_sub(amount);
							*due
						},
						_ => 0,
					};
					Self::deposit_event(Event::SettlementPaid {
						lease: id,
						amount,
						due,
						reference,
					});
					match record.status {
						LeaseStatus::Accelerated { due: 0 } => {
							record.paid = record.terms.instalments;
							record.status = LeaseStatus::Matured;
							Self::deposit_event(Event::LeaseMatured { lease: id });
							Self::store(id, record);
						},
						LeaseStatus::Terminated { due: 0 } => {
							Self::close(id, record, Closure::Terminated)
						},
						_ => Self::store(id, record),
					}
				},
				Effect::Buyout => Self::close(id, record, Closure::BoughtOut),
				Effect::Purchase => Self::close(id, record, Closure::TitlePassed),
				Effect::Surplus { .. } => Self::close(id, record, Closure::Terminated),
			}
		}

		/// Write the lease, putting it on the collection agenda if it pays automatically and
		/// something falls due.
		fn store(id: LeaseId, mut record: Lease<T::AccountId>) {
			if record.auto_pay && record.collect_at.is_none() && record.in_review.is_none() {
				if let Some(at) = Self::next_collection(&record) {
					Self::put_on_agenda(id, &mut record, at);
				}
			}
			Leases::<T>::insert(id, record);
		}

		/// End lease `id`: release the asset (title passes for a purchase or buyout), give back
		/// any deposit, and remove the lease.
		fn close(id: LeaseId, mut record: Lease<T::AccountId>, closure: Closure) {
			let title_passes = matches!(closure, Closure::TitlePassed | Closure::BoughtOut);
			Self::release_asset(id, &record, title_passes);
			Self::take_off_agenda(id, &mut record);
			let deposit = record.deposit;
			if let Err(error) = Self::apply_deposit(&mut record, deposit) {
				log::error!(target: "runtime::leasing", "lease {id}: deposit not returned: {error:?}");
			}
			Leases::<T>::remove(id);
			Schedules::<T>::remove(id);
			LeasesOf::<T>::remove(&record.lessor, id);
			LeasesOf::<T>::remove(&record.lessee, id);
			Self::deposit_event(Event::LeaseClosed { lease: id, closure });
		}

		/// Lift lease `id`'s encumbrance from its asset, passing title to the lessee if
		/// `title_passes`.
		fn release_asset(id: LeaseId, record: &Lease<T::AccountId>, title_passes: bool) {
			let key = record.asset;
			let Some(mut asset) = Assets::<T>::get(key) else { return };
			let ours = matches!(
				&asset.encumbrance,
				Some((Encumbrance::Lease { lease, .. }, _)) if *lease == id
			);
			if !ours {
				return;
			}
			asset.encumbrance = None;
			if title_passes {
				asset.holder = record.lessee.clone();
			}
			let holder = asset.holder.clone();
			Assets::<T>::insert(key, asset);
			Self::deposit_event(Event::AssetReleased { key, holder });
		}

		/// The late fee instalment `number` (`row`) of `record` has accrued at `now`.
		fn late_fee_of(
			record: &Lease<T::AccountId>,
			number: u16,
			row: &Instalment,
			now: Moment,
		) -> Amount {
			let due = schedule::due(record.start, record.terms.period, number);
			schedule::late_fee(&record.terms, row.rent(), due, now)
		}

		/// The next unpaid instalment of `record`: its number, rent and late fee at `now`.
		fn next_rent(
			record: &Lease<T::AccountId>,
			rows: &[Instalment],
			now: Moment,
		) -> Option<(u16, Amount, Amount)> {
			let row = rows.get(usize::from(record.paid))?;
			let number = record.paid.saturating_add(1);
			Some((number, row.rent(), Self::late_fee_of(record, number, row, now)))
		}

		/// All unpaid rent and the late fees accrued at `now`.
		fn unpaid(record: &Lease<T::AccountId>, rows: &[Instalment], now: Moment) -> Amount {
			let (mut rent, mut fees) = (0u128, 0u128);
			for (number, row) in Self::unpaid_rows(record, rows) {
				rent = rent.saturating_add(row.rent());
				fees = fees.saturating_add(Self::late_fee_of(record, number, row, now));
			}
			rent.saturating_add(fees)
		}

		/// The unpaid rows with their 1-based numbers.
		fn unpaid_rows<'a>(
			record: &Lease<T::AccountId>,
			rows: &'a [Instalment],
		) -> impl Iterator<Item = (u16, &'a Instalment)> {
			(1..=record.terms.instalments).zip(rows).skip(usize::from(record.paid))
		}

		/// What the lessee is behind on at `now`, and whether the default trigger is met.
		pub fn arrears(record: &Lease<T::AccountId>, rows: &[Instalment], now: Moment) -> Arrears {
			let terms = &record.terms;
			let running = matches!(
				record.status,
				LeaseStatus::Active | LeaseStatus::Demanded { .. } | LeaseStatus::Defaulted { .. }
			);
			if !running {
				// A draft owes nothing yet; after acceleration or termination, what is owed is
				// the settlement due; a matured lease owes no rent.
				return Arrears::default();
			}
			let fallen_due =
				schedule::count_due(record.start, terms.period, terms.instalments, now);
			let mut arrears = Arrears::default();
			for (number, row) in
				Self::unpaid_rows(record, rows).take_while(|(n, _)| *n <= fallen_due)
			{
				arrears.instalments = arrears.instalments.saturating_add(1);
				arrears.rent = arrears.rent.saturating_add(row.rent());
				arrears.fees =
					arrears.fees.saturating_add(Self::late_fee_of(record, number, row, now));
			}
			// Overdue rent at least `share` of the total, compared exactly: rent × 10⁹ ≥ parts ×
			// total.
			let share_met = arrears.rent.saturating_mul(1_000_000_000)
				>= u128::from(terms.trigger.share.deconstruct()).saturating_mul(record.total_rent);
			arrears.trigger_met = !arrears.instalments.is_zero()
				&& (arrears.instalments >= terms.trigger.instalments || share_met);
			arrears
		}

		/// What an early buyout takes from the lessee at `now` (before the deposit), or `None`
		/// when the lease cannot be bought out.
		pub fn buyout_amount(
			record: &Lease<T::AccountId>,
			rows: &[Instalment],
			now: Moment,
		) -> Option<Amount> {
			if !matches!(
				record.status,
				LeaseStatus::Active | LeaseStatus::Demanded { .. } | LeaseStatus::Defaulted { .. }
			) {
				return None;
			}
			let terms = &record.terms;
			let fallen_due =
				schedule::count_due(record.start, terms.period, terms.instalments, now);
			let mut total: Amount = 0;
			let mut outstanding: Amount = 0;
			for (number, row) in Self::unpaid_rows(record, rows) {
				outstanding = outstanding.saturating_add(row.principal);
				total = total.saturating_add(row.principal);
				if number <= fallen_due {
					// Overdue: its interest and late fee are accrued in full.
					total = total
						.saturating_add(row.interest)
						.saturating_add(Self::late_fee_of(record, number, row, now));
				} else if number == fallen_due.saturating_add(1) {
					// The current period: its interest pro rata to the time elapsed.
					let begun = schedule::due(record.start, terms.period, number)
						.saturating_sub(terms.period);
					let elapsed = now.saturating_sub(begun).min(terms.period);
					let accrued = row
						.interest
						.saturating_mul(u128::from(elapsed))
						.checked_div(u128::from(terms.period))
						.unwrap_or_default();
					total = total.saturating_add(accrued);
				}
			}
			let fee = terms.early_fee.mul_floor(outstanding);
			let price = match terms.end {
				EndOption::Purchase { price } => price,
				EndOption::Return => 0,
			};
			Some(total.saturating_add(fee).saturating_add(price))
		}

		/// When the collection should next look at the lease, if anything will fall due.
		fn next_collection(record: &Lease<T::AccountId>) -> Option<Moment> {
			match record.status {
				LeaseStatus::Active
				| LeaseStatus::Demanded { .. }
				| LeaseStatus::Defaulted { .. }
					if record.paid < record.terms.instalments =>
				{
					Some(schedule::due(
						record.start,
						record.terms.period,
						record.paid.saturating_add(1),
					))
				},
				LeaseStatus::Accelerated { due } | LeaseStatus::Terminated { due }
					if !due.is_zero() =>
				{
					Some(T::Time::now())
				},
				_ => None,
			}
		}

		/// Put lease `id` on the agenda at `at` (replacing any earlier entry).
		fn put_on_agenda(id: LeaseId, record: &mut Lease<T::AccountId>, at: Moment) {
			Self::take_off_agenda(id, record);
			Agenda::<T>::insert(time_key(at, id), ());
			record.collect_at = Some(at);
		}

		fn take_off_agenda(id: LeaseId, record: &mut Lease<T::AccountId>) {
			if let Some(at) = record.collect_at.take() {
				Agenda::<T>::remove(time_key(at, id));
			}
		}

		/// Collect from the leases due by now, earliest first, at most `limit` of them. Returns
		/// how many were looked at.
		pub(crate) fn collect_due(limit: u32) -> u32 {
			let now = T::Time::now();
			let due: Vec<(Moment, LeaseId)> = Agenda::<T>::iter_keys()
				.map(|key| split_time_key(&key))
				.take_while(|(at, _)| *at <= now)
				.take(usize::try_from(limit).unwrap_or(usize::MAX))
				.collect();
			for (at, id) in &due {
				Agenda::<T>::remove(time_key(*at, *id));
				Self::collect(*id, now);
			}
			u32::try_from(due.len()).unwrap_or(u32::MAX)
		}

		/// Collect what lease `id` owes at `now`, if anything; on failure, try again after
		/// `CollectionRetry`.
		fn collect(id: LeaseId, now: Moment) {
			let Some(mut record) = Leases::<T>::get(id) else { return };
			// Its agenda entry is gone already.
			record.collect_at = None;
			let due_now = Self::next_collection(&record).is_some_and(|at| at <= now);
			if !record.auto_pay || record.in_review.is_some() || !due_now {
				Self::store(id, record);
				return;
			}
			let attempt = frame_support::storage::with_storage_layer(|| {
				Self::pay_next(id, record.clone(), now)
			});
			if let Err(error) = attempt {
				let retry_at = now.saturating_add(T::CollectionRetry::get());
				Self::put_on_agenda(id, &mut record, retry_at);
				Leases::<T>::insert(id, record);
				Self::deposit_event(Event::CollectionFailed { lease: id, error, retry_at });
			}
		}

		/// Lease `id` with its schedule, arrears and payment figures now (`LeasingApi::lease`).
		pub fn lease_view(id: LeaseId) -> Option<LeaseView<T::AccountId>> {
			let lease = Leases::<T>::get(id)?;
			let rows = Self::rows(id);
			let now = T::Time::now();
			let signed = lease.status != LeaseStatus::Draft;
			let schedule = (1..=lease.terms.instalments)
				.zip(&rows)
				.map(|(number, row)| {
					let paid = number <= lease.paid;
					let late_fee = if signed && !paid {
						Self::late_fee_of(&lease, number, row, now)
					} else {
						0
					};
					ScheduleRow {
						number,
						due: signed.then(|| schedule::due(lease.start, lease.terms.period, number)),
						principal: row.principal,
						interest: row.interest,
						rent: row.rent(),
						paid,
						late_fee,
					}
				})
				.collect();
			let next_payment = match lease.status {
				LeaseStatus::Active
				| LeaseStatus::Demanded { .. }
				| LeaseStatus::Defaulted { .. } => Self::next_rent(&lease, &rows, now)
					.map(|(_, rent, fee)| rent.saturating_add(fee))
					.unwrap_or_default(),
				LeaseStatus::Accelerated { due } | LeaseStatus::Terminated { due } => due,
				_ => 0,
			};
			Some(LeaseView {
				id,
				arrears: Self::arrears(&lease, &rows, now),
				buyout: Self::buyout_amount(&lease, &rows, now),
				next_payment,
				schedule,
				lease,
			})
		}

		/// The open leases in which `who` is lessor or lessee (`LeasingApi::leases_of`).
		pub fn leases_of(who: &T::AccountId) -> Vec<LeaseId> {
			LeasesOf::<T>::iter_key_prefix(who).collect()
		}

		/// The pallet's invariants:
		/// - each signed lease's deposit is reserved: per lessee and currency, the deposits
		///   equal what the ledger holds reserved for other pallets;
		/// - the registry and the leases agree: a signed lease not yet terminated encumbers its
		///   asset, and every lease encumbrance names such a lease;
		/// - every lease has its schedule, which hashes to the signed hash and adds up to the
		///   principal and the total rent, and no more instalments are paid than it has;
		/// - a payment in review is in `InReview` and the other way round;
		/// - the agenda holds exactly the leases waiting for collection, at the time they name;
		/// - the lease index lists exactly each lease's lessor and lessee.
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			use alloc::collections::{BTreeMap, BTreeSet};
			let mut deposits: BTreeMap<(T::AccountId, u32), Amount> = BTreeMap::new();
			let mut index: BTreeSet<(T::AccountId, LeaseId)> = BTreeSet::new();
			let mut agenda: BTreeSet<[u8; 16]> = BTreeSet::new();
			for (id, lease) in Leases::<T>::iter() {
				let rows = Schedules::<T>::get(id).ok_or("a lease has no schedule")?;
				ensure!(
					H256(sp_io::hashing::blake2_256(&rows.encode())) == lease.schedule_hash,
					"a schedule differs from its hash"
				);
				ensure!(
					rows.iter().fold(0u128, |s, r| s.saturating_add(r.principal))
						== lease.terms.principal,
					"a schedule does not repay the principal"
				);
				ensure!(schedule::total_rent(&rows) == lease.total_rent, "total rent differs");
				ensure!(lease.paid <= lease.terms.instalments, "more instalments paid than exist");
				let slot =
					deposits.entry((lease.lessee.clone(), lease.terms.currency)).or_default();
				*slot = slot.saturating_add(lease.deposit);
				let encumbers =
					!matches!(lease.status, LeaseStatus::Draft | LeaseStatus::Terminated { .. });
				let asset = Assets::<T>::get(lease.asset);
				let encumbered_by_it = asset.as_ref().is_some_and(|a| {
					matches!(&a.encumbrance, Some((Encumbrance::Lease { lease: l, lessee }, _))
						if *l == id && *lessee == lease.lessee)
				});
				ensure!(encumbers == encumbered_by_it, "registry and lease disagree");
				if let Some(reference) = lease.in_review {
					ensure!(
						InReview::<T>::get(reference).is_some_and(|p| p.lease == id),
						"a payment in review is not recorded"
					);
				}
				if let Some(at) = lease.collect_at {
					ensure!(
						Agenda::<T>::contains_key(time_key(at, id)),
						"a lease is off the agenda"
					);
					agenda.insert(time_key(at, id));
				}
				index.insert((lease.lessor.clone(), id));
				index.insert((lease.lessee.clone(), id));
			}
			for ((lessee, currency), deposit) in deposits {
				ensure!(
					T::Ledger::reserved(&lessee, currency) == deposit,
					"deposits differ from the reservations"
				);
			}
			for (key, asset) in Assets::<T>::iter() {
				if let Some((Encumbrance::Lease { lease, .. }, _)) = asset.encumbrance {
					let record = Leases::<T>::get(lease).ok_or("an asset names a closed lease")?;
					ensure!(record.asset == key, "an asset names another asset's lease");
				}
			}
			for (reference, pending) in InReview::<T>::iter() {
				ensure!(
					Leases::<T>::get(pending.lease).is_some_and(|l| l.in_review == Some(reference)),
					"a payment in review names no lease waiting for it"
				);
			}
			for reference in RoutedInReview::<T>::iter_keys() {
				ensure!(
					InReview::<T>::contains_key(reference),
					"a routed payment is not in review"
				);
			}
			ensure!(
				LeasesOf::<T>::iter_keys().collect::<BTreeSet<_>>() == index,
				"the lease index differs from the leases"
			);
			ensure!(
				Agenda::<T>::iter_keys().collect::<BTreeSet<_>>() == agenda,
				"the agenda holds a lease that is not waiting for collection"
			);
			Ok(())
		}
	}
}
