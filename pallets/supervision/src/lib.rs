//! # Supervision pallet: capital-flow rules where money moves, and a record no one can rewrite
//!
//! The regulator's reason to run fxchain. The forex pallet proposes every movement of a currency
//! unit to this pallet ([`CapitalFlowCheck`]) before a balance changes; this pallet evaluates
//! every rule and answers allow, allow and report, hold for review, or deny, with every reason
//! that applies. Every rule is a parameter governance sets.
//!
//! ## Terminology
//!
//! - **Rules** ([`RuleSet`]): quotas, thresholds, windows and periods, in storage with the
//!   regulator's figures as defaults; governance changes one at a time ([`Rule`]), each change an
//!   event with the old and new value.
//! - **Reference rate**: USD minor units per minor unit of a currency, set by governance or the
//!   rate setter it appoints, with its time. USD needs none. A rule that needs the USD value of a
//!   currency without a rate, or with one older than `rate_max_age`, refuses the payment
//!   (`RateUnavailable`) rather than guess.
//! - **Person**: the keyed hash of an identity document in a KYC credential. Quotas, daily
//!   totals and the watch list follow the person across all their accounts.
//! - **Calendar**: days and years are UTC+8 calendar days and years.
//! - **Report**: a large-value or suspicious-activity record (reference, rule, party, amounts,
//!   USD value, time, status), filed when the forex pallet executes or holds the movement.
//!   Supervisors acknowledge or escalate it.
//!
//! ## The rules, as the check applies them to one movement
//!
//! Denials: a party without a live credential (`IdentityNotLive`), a frozen party
//! (`AccountFrozen`), a frozen currency (`CurrencyFrozen`), the chain-wide pause
//! (`PaymentsPaused`), a watch-listed party in a cross-border movement or an FX conversion
//! (`WatchListed`), an individual's FX purchase (buying another currency with the home
//! currency) or settlement (selling it for the home currency) beyond the year's quota
//! (`PurchaseQuotaExceeded`, `SettlementQuotaExceeded`), a class-B enterprise's cross-border
//! movement without a trade document (`TradeDocumentRequired`), a resident's outward
//! services-trade payment above the tax-filing threshold without a filing (`TaxFilingRequired`),
//! a cross-border payment at or above the travel-rule threshold without originator and
//! beneficiary data (`TravelRuleDataRequired`), a needed rate missing or stale
//! (`RateUnavailable`).
//!
//! Holds: a class-C enterprise's cross-border movement or conversion (`PriorReviewRequired`);
//! structuring when the rule says so.
//!
//! Reports (the movement executes): for each party, its large-value category's threshold (cash
//! for deposits and withdrawals, entity for enterprises and institutions, individual domestic or
//! cross-border), reached by the movement alone or by that day's total crossing it; structuring,
//! when the originator's payment just under its threshold completes `count` such payments within
//! the window.
//!
//! ## Interface
//!
//! ### Verified accounts (signed)
//! - [`file_feedback`](Pallet::file_feedback) about a payment they were party to.
//!
//! ### Rate setter (signed, appointed by governance)
//! - [`set_rate`](Pallet::set_rate).
//!
//! ### Supervisors (`SupervisorOrigin`)
//! - [`freeze_account`](Pallet::freeze_account), [`freeze_currency`](Pallet::freeze_currency),
//!   [`pause_payments`](Pallet::pause_payments): at once.
//! - [`watch_list`](Pallet::watch_list) a person.
//! - [`acknowledge_report`](Pallet::acknowledge_report),
//!   [`escalate_report`](Pallet::escalate_report), [`answer_feedback`](Pallet::answer_feedback).
//!   (Held payments are released or rejected in the forex pallet, where their funds are.)
//!
//! ### Governance (`GovernanceOrigin`)
//! - [`set_rule`](Pallet::set_rule), [`set_rate`](Pallet::set_rate),
//!   [`set_rate_setter`](Pallet::set_rate_setter).
//! - Lifting: [`unfreeze_account`](Pallet::unfreeze_account),
//!   [`unfreeze_currency`](Pallet::unfreeze_currency),
//!   [`resume_payments`](Pallet::resume_payments),
//!   [`remove_from_watch_list`](Pallet::remove_from_watch_list).
//!
//! ### Other pallets and clients
//! - [`CapitalFlowCheck`] is implemented by [`Pallet`]; the runtime gives it to the forex pallet.
//! - The runtime's `SupervisionApi` (dry run `transfer_report`, `quota`, `reports`,
//!   `open_feedback`) is served by the pallet's query functions.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod calendar;
pub mod migrations;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
mod types;
pub mod weights;

pub use fxchain_primitives::supervision::{
	FeedbackItem, FeedbackKind, OpenFeedback, QuotaStatus, Report, ReportPage, ReportQuery,
	ReportStatus, Rule, RuleSet, StructuringRule, Threshold, TransferReport,
};
pub use pallet::*;
pub use types::{Category, DayTotals, Freeze, Listing, ReferenceRate, Sum, YearUsage};
pub use weights::WeightInfo;

/// What the benchmarks need from the identity layer, the forex pallet's records and the clock,
/// which this pallet only reads.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Give `who` a live credential with `profile`.
	fn verify(who: &AccountId, profile: fxchain_primitives::kyc::KycProfile);
	/// Make a payment record the chain retains, with `parties` on its legs (what
	/// `Config::Payments::parties` returns for it), and return its reference. The runtime makes
	/// the largest record the forex pallet keeps, so that reading it is the worst case.
	fn payment(parties: &[AccountId]) -> fxchain_primitives::forex::Reference;
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
			is_cross_border, Amount, CapitalFlowCheck, CurrencyId, Decision, ForexLedger, Movement,
			MovementKind, Purpose, Reason, Reasons, Reference,
		},
		kyc::{EntityType, KycProfile, KycProvider, PersonId, Residency, SupervisionClass},
		supervision::{MAX_PAGE, USD},
		Moment,
	};
	use sp_core::H256;
	use sp_runtime::{
		traits::{One, Saturating, Zero},
		FixedPointNumber, FixedU128,
	};

	/// Storage layout version: 0, or 1 once `migrations::v1` rebuilt the report indexes. Only
	/// the upgrade-rehearsal runtime declares 1 (see `migrations`).
	#[cfg(not(feature = "upgrade-rehearsal"))]
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);
	#[cfg(feature = "upgrade-rehearsal")]
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	/// The most entries a report listing examines in one call; it returns a cursor to go on.
	pub const MAX_SCAN: u32 = 10_000;

	/// The most reports one block prunes in `on_idle`.
	pub const MAX_PRUNED_PER_BLOCK: u32 = 64;

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Real-name verification: who the parties are, their kind, residency and class.
		type Kyc: KycProvider<Self::AccountId>;

		/// The forex pallet's records, to tie feedback to the parties of a payment.
		type Payments: ForexLedger<Self::AccountId>;

		/// Chain time, for windows, years, rate ages and report times.
		type Time: Time<Moment = Moment>;

		/// Sets the rules and rates, and lifts freezes, pauses and listings.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Freezes, pauses, watch-lists, reviews reports and answers feedback.
		type SupervisorOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The most near-threshold payments a person's structuring window remembers; the
		/// structuring rule's `count` may not exceed it.
		#[pallet::constant]
		type MaxStructuringCount: Get<u32>;

		/// The most feedback items one account may have open.
		#[pallet::constant]
		type MaxOpenFeedback: Get<u32>;

		/// The most currencies with a reference rate.
		#[pallet::constant]
		type MaxRates: Get<u32>;

		/// Weights of the calls and of the check, from the benchmarks.
		type WeightInfo: WeightInfo;

		/// Sets up the credentials the benchmarks need.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Every parameter of supervision.
	#[pallet::storage]
	pub type Rules<T: Config> = StorageValue<_, RuleSet, ValueQuery>;

	/// The account governance appointed to set reference rates, if any.
	#[pallet::storage]
	pub type RateSetter<T: Config> = StorageValue<_, T::AccountId, OptionQuery>;

	/// Reference rates to USD by currency.
	#[pallet::storage]
	pub type Rates<T: Config> =
		CountedStorageMap<_, Twox64Concat, CurrencyId, ReferenceRate, OptionQuery>;

	/// Frozen accounts: nothing moves from or to them.
	#[pallet::storage]
	pub type FrozenAccounts<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, Freeze, OptionQuery>;

	/// Frozen currencies: nothing moves in them.
	#[pallet::storage]
	pub type FrozenCurrencies<T: Config> =
		StorageMap<_, Twox64Concat, CurrencyId, Freeze, OptionQuery>;

	/// The chain-wide pause of payments, while in force.
	#[pallet::storage]
	pub type Paused<T: Config> = StorageValue<_, Freeze, OptionQuery>;

	/// The watch list, by person (registrars choose person ids, so the key is hashed again).
	#[pallet::storage]
	pub type WatchList<T: Config> = StorageMap<_, Blake2_128Concat, PersonId, Listing, OptionQuery>;

	/// Each person's FX purchases and settlements in the latest year they made one.
	#[pallet::storage]
	pub type QuotaUsage<T: Config> =
		StorageMap<_, Blake2_128Concat, PersonId, YearUsage, ValueQuery>;

	/// Each person's executed movements on the latest day they made one, per category.
	#[pallet::storage]
	pub type DailyTotals<T: Config> =
		StorageMap<_, Blake2_128Concat, PersonId, DayTotals, ValueQuery>;

	/// The times of each person's latest payments just under a large-value threshold.
	#[pallet::storage]
	pub type NearThreshold<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		PersonId,
		BoundedVec<Moment, T::MaxStructuringCount>,
		ValueQuery,
	>;

	/// The quota each held operation reserved: person, purchase (or settlement), USD value and
	/// year, per leg, given back if the hold does not execute. `Identity` hashing: the key is a
	/// Blake2 reference the forex pallet derives.
	#[pallet::storage]
	pub type HeldQuota<T: Config> = StorageMap<
		_,
		Identity,
		Reference,
		BoundedVec<(PersonId, bool, Amount, u32), ConstU32<4>>,
		ValueQuery,
	>;

	/// Reports by id; ids grow with time.
	#[pallet::storage]
	pub type Reports<T: Config> = StorageMap<_, Twox64Concat, u64, Report<T::AccountId>>;

	/// The oldest kept report's id and the next id.
	#[pallet::storage]
	pub type ReportBounds<T: Config> = StorageValue<_, (u64, u64), ValueQuery>;

	/// Report ids by party, the id big-endian so that a party's reports iterate in order.
	#[pallet::storage]
	pub type ReportsByParty<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Identity, [u8; 8], ()>;

	/// Report ids by rule (a fixed set of keys nobody chooses), big-endian.
	#[pallet::storage]
	pub type ReportsByRule<T: Config> =
		StorageDoubleMap<_, Twox64Concat, Reason, Identity, [u8; 8], ()>;

	/// Report ids by status (a fixed set of keys), big-endian.
	#[pallet::storage]
	pub type ReportsByStatus<T: Config> =
		StorageDoubleMap<_, Twox64Concat, ReportStatus, Identity, [u8; 8], ()>;

	/// Open feedback by id; an answered item leaves storage (its events remain).
	#[pallet::storage]
	pub type Feedback<T: Config> = StorageMap<_, Twox64Concat, u64, FeedbackItem<T::AccountId>>;

	/// The id of the next feedback item.
	#[pallet::storage]
	pub type NextFeedback<T: Config> = StorageValue<_, u64, ValueQuery>;

	/// How many feedback items each account has open.
	#[pallet::storage]
	pub type OpenFeedbackOf<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// Governance changed a rule.
		RuleChanged { old: Rule, new: Rule },
		/// Governance appointed (or removed) the rate setter.
		RateSetterChanged { old: Option<T::AccountId>, new: Option<T::AccountId> },
		/// A currency's reference rate to USD changed.
		RateSet { currency: CurrencyId, old: Option<FixedU128>, new: FixedU128, at: Moment },
		/// A supervisor froze an account.
		AccountFrozen { who: T::AccountId, case: H256 },
		/// Governance lifted an account's freeze.
		AccountUnfrozen { who: T::AccountId },
		/// A supervisor froze a currency.
		CurrencyFrozen { currency: CurrencyId, case: H256 },
		/// Governance lifted a currency's freeze.
		CurrencyUnfrozen { currency: CurrencyId },
		/// A supervisor paused every payment on the chain.
		PaymentsPaused { case: H256 },
		/// Governance lifted the pause.
		PaymentsResumed,
		/// A supervisor put a person on the watch list until `until`.
		WatchListed { person: PersonId, until: Moment, case: H256 },
		/// Governance took a person off the watch list.
		WatchListRemoved { person: PersonId },
		/// A large-value or suspicious-activity report was filed.
		ReportFiled { id: u64, reference: Reference, rule: Reason, party: T::AccountId },
		/// A supervisor reviewed a report.
		ReportReviewed { id: u64, old: ReportStatus, new: ReportStatus, note: Option<H256> },
		/// A user filed feedback or a complaint about a payment.
		FeedbackFiled { id: u64, reference: Reference, who: T::AccountId, kind: FeedbackKind },
		/// A supervisor answered feedback (`late` if after its due date).
		FeedbackAnswered { id: u64, reference: Reference, answer: H256, late: bool },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The rule's value makes no sense (a zero quota, threshold or period, or a structuring
		/// rule outside 2..=`MaxStructuringCount` payments or above 100%): correct it.
		InvalidRule,
		/// A rate must be above zero; USD needs no rate.
		InvalidRate,
		/// The chain has rates for the most currencies it may.
		TooManyRates,
		/// Only governance or the appointed rate setter may set rates.
		NotAuthorized,
		/// The account or currency is frozen already, or payments are paused already.
		AlreadyFrozen,
		/// The account or currency is not frozen, or payments are not paused.
		NotFrozen,
		/// The person is on the watch list already.
		AlreadyListed,
		/// The person is not on the watch list.
		NotListed,
		/// No report has this id (it may have been pruned after the retention period).
		ReportNotFound,
		/// Only an open report can be acknowledged, and only an open or acknowledged one
		/// escalated.
		AlreadyReviewed,
		/// Feedback needs a verified account.
		NotVerified,
		/// You were not a party to this payment, or the chain no longer retains its record:
		/// check the reference.
		NotParty,
		/// You have the most feedback open you may: wait for an answer.
		TooManyFeedback,
		/// No open feedback has this id: it may have been answered.
		FeedbackNotFound,
		/// A counter overflowed (please report it).
		Overflow,
	}

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The rules; the regulator's defaults when absent.
		pub rules: Option<RuleSet>,
		/// Reference rates to USD, stamped with the first block's time.
		pub rates: Vec<(CurrencyId, FixedU128)>,
		/// The account that may set rates.
		pub rate_setter: Option<T::AccountId>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			if let Some(rules) = self.rules {
				assert!(Pallet::<T>::rules_valid(&rules), "genesis rules are valid");
				Rules::<T>::put(rules);
			}
			for (currency, rate) in &self.rates {
				assert!(*currency != USD && !rate.is_zero(), "genesis rates are valid");
				Rates::<T>::insert(currency, ReferenceRate { rate: *rate, set_at: 0 });
			}
			assert!(Rates::<T>::count() <= T::MaxRates::get(), "too many genesis rates");
			if let Some(setter) = &self.rate_setter {
				RateSetter::<T>::put(setter);
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxStructuringCount::get() >= 2, "structuring needs two payments");
			assert!(T::MaxOpenFeedback::get() > 0, "users must be able to file feedback");
			assert!(T::MaxRates::get() > 0, "the chain needs rates");
			assert!(Self::rules_valid(&RuleSet::default()), "the default rules are valid");
		}

		/// The first block stamps the genesis rates with its time (genesis has none); it pays
		/// for that here.
		fn on_initialize(block: BlockNumberFor<T>) -> Weight {
			if block == One::one() {
				T::WeightInfo::stamp_genesis_rates(Rates::<T>::count())
			} else {
				Weight::zero()
			}
		}

		fn on_finalize(block: BlockNumberFor<T>) {
			if block == One::one() {
				let now = T::Time::now();
				Rates::<T>::translate_values(|mut rate: ReferenceRate| {
					if rate.set_at.is_zero() {
						rate.set_at = now;
					}
					Some(rate)
				});
			}
		}

		/// Prune reports older than the retention period, oldest first, as far as the block's
		/// spare weight allows (at most `MAX_PRUNED_PER_BLOCK`).
		fn on_idle(_: BlockNumberFor<T>, remaining: Weight) -> Weight {
			// Without the weight to prune one report nothing is read: use none (never more than
			// `remaining`).
			if !remaining.all_gte(T::WeightInfo::prune_reports(1)) {
				return Weight::zero();
			}
			let mut pruned = 0;
			while pruned < MAX_PRUNED_PER_BLOCK
				&& remaining.all_gte(T::WeightInfo::prune_reports(pruned.saturating_add(1)))
				&& Self::prune_oldest_report()
			{
				pruned.saturating_inc();
			}
			T::WeightInfo::prune_reports(pruned)
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Change one rule; the value is checked for sense.
		///
		/// The dispatch origin must be `T::GovernanceOrigin`.
		///
		/// Emits `RuleChanged` with the old and new value.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::set_rule())]
		pub fn set_rule(origin: OriginFor<T>, rule: Rule) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let mut rules = Rules::<T>::get();
			let old = rules.apply(rule);
			ensure!(Self::rules_valid(&rules), Error::<T>::InvalidRule);
			Rules::<T>::put(rules);
			Self::deposit_event(Event::RuleChanged { old, new: rule });
			Ok(())
		}

		/// Appoint the account that may set reference rates, or remove it (`None`).
		///
		/// The dispatch origin must be `T::GovernanceOrigin`.
		///
		/// Emits `RateSetterChanged`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::set_rate_setter())]
		pub fn set_rate_setter(origin: OriginFor<T>, new: Option<T::AccountId>) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let old = RateSetter::<T>::get();
			RateSetter::<T>::set(new.clone());
			Self::deposit_event(Event::RateSetterChanged { old, new });
			Ok(())
		}

		/// Set `currency`'s reference rate: USD minor units per minor unit of the currency
		/// (CNY at 7.1 per dollar, both with two decimals: 0.1408...). It is valid for
		/// `rate_max_age` from now.
		///
		/// The dispatch origin must be `T::GovernanceOrigin` or signed by the rate setter.
		///
		/// Emits `RateSet`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_rate())]
		pub fn set_rate(
			origin: OriginFor<T>,
			currency: CurrencyId,
			rate: FixedU128,
		) -> DispatchResult {
			if T::GovernanceOrigin::try_origin(origin.clone()).is_err() {
				let who = ensure_signed(origin)?;
				ensure!(RateSetter::<T>::get().as_ref() == Some(&who), Error::<T>::NotAuthorized);
			}
			ensure!(currency != USD && !rate.is_zero(), Error::<T>::InvalidRate);
			let old = Rates::<T>::get(currency).map(|r| r.rate);
			ensure!(
				old.is_some() || Rates::<T>::count() < T::MaxRates::get(),
				Error::<T>::TooManyRates
			);
			let at = T::Time::now();
			Rates::<T>::insert(currency, ReferenceRate { rate, set_at: at });
			Self::deposit_event(Event::RateSet { currency, old, new: rate, at });
			Ok(())
		}

		/// Freeze an account at once: nothing moves from or to it (held payments wait for a
		/// supervisor). `case` is a hash of the case file.
		///
		/// The dispatch origin must be `T::SupervisorOrigin`.
		///
		/// Emits `AccountFrozen`.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::freeze_account())]
		pub fn freeze_account(
			origin: OriginFor<T>,
			who: T::AccountId,
			case: H256,
		) -> DispatchResult {
			T::SupervisorOrigin::ensure_origin(origin)?;
			ensure!(!FrozenAccounts::<T>::contains_key(&who), Error::<T>::AlreadyFrozen);
			FrozenAccounts::<T>::insert(&who, Freeze { since: T::Time::now(), case });
			Self::deposit_event(Event::AccountFrozen { who, case });
			Ok(())
		}

		/// Lift an account's freeze.
		///
		/// The dispatch origin must be `T::GovernanceOrigin`.
		///
		/// Emits `AccountUnfrozen`.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::unfreeze_account())]
		pub fn unfreeze_account(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			FrozenAccounts::<T>::take(&who).ok_or(Error::<T>::NotFrozen)?;
			Self::deposit_event(Event::AccountUnfrozen { who });
			Ok(())
		}

		/// Freeze a currency at once: nothing moves in it.
		///
		/// The dispatch origin must be `T::SupervisorOrigin`.
		///
		/// Emits `CurrencyFrozen`.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::freeze_currency())]
		pub fn freeze_currency(
			origin: OriginFor<T>,
			currency: CurrencyId,
			case: H256,
		) -> DispatchResult {
			T::SupervisorOrigin::ensure_origin(origin)?;
			ensure!(!FrozenCurrencies::<T>::contains_key(currency), Error::<T>::AlreadyFrozen);
			FrozenCurrencies::<T>::insert(currency, Freeze { since: T::Time::now(), case });
			Self::deposit_event(Event::CurrencyFrozen { currency, case });
			Ok(())
		}

		/// Lift a currency's freeze.
		///
		/// The dispatch origin must be `T::GovernanceOrigin`.
		///
		/// Emits `CurrencyUnfrozen`.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::unfreeze_currency())]
		pub fn unfreeze_currency(origin: OriginFor<T>, currency: CurrencyId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			FrozenCurrencies::<T>::take(currency).ok_or(Error::<T>::NotFrozen)?;
			Self::deposit_event(Event::CurrencyUnfrozen { currency });
			Ok(())
		}

		/// Pause every movement of money on the chain at once (an emergency).
		///
		/// The dispatch origin must be `T::SupervisorOrigin`.
		///
		/// Emits `PaymentsPaused`.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::pause_payments())]
		pub fn pause_payments(origin: OriginFor<T>, case: H256) -> DispatchResult {
			T::SupervisorOrigin::ensure_origin(origin)?;
			ensure!(!Paused::<T>::exists(), Error::<T>::AlreadyFrozen);
			Paused::<T>::put(Freeze { since: T::Time::now(), case });
			Self::deposit_event(Event::PaymentsPaused { case });
			Ok(())
		}

		/// Lift the pause.
		///
		/// The dispatch origin must be `T::GovernanceOrigin`.
		///
		/// Emits `PaymentsResumed`.
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::resume_payments())]
		pub fn resume_payments(origin: OriginFor<T>) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Paused::<T>::take().ok_or(Error::<T>::NotFrozen)?;
			Self::deposit_event(Event::PaymentsResumed);
			Ok(())
		}

		/// Put a person on the watch list (for splitting payments or using another's quota)
		/// until the end of this calendar year plus `watch_years` years: no quota, no
		/// cross-border movement, no conversion while listed.
		///
		/// The dispatch origin must be `T::SupervisorOrigin`.
		///
		/// Emits `WatchListed`.
		#[pallet::call_index(20)]
		#[pallet::weight(T::WeightInfo::watch_list())]
		pub fn watch_list(origin: OriginFor<T>, person: PersonId, case: H256) -> DispatchResult {
			T::SupervisorOrigin::ensure_origin(origin)?;
			let now = T::Time::now();
			ensure!(!Self::listed(&person, now), Error::<T>::AlreadyListed);
			let years = Rules::<T>::get().watch_years;
			let until = calendar::start_of_year(
				calendar::year(now).saturating_add(1).saturating_add(years),
			);
			WatchList::<T>::insert(person, Listing { listed_at: now, until, case });
			Self::deposit_event(Event::WatchListed { person, until, case });
			Ok(())
		}

		/// Take a person off the watch list (also one whose listing ran out, to clear it).
		///
		/// The dispatch origin must be `T::GovernanceOrigin`.
		///
		/// Emits `WatchListRemoved`.
		#[pallet::call_index(21)]
		#[pallet::weight(T::WeightInfo::remove_from_watch_list())]
		pub fn remove_from_watch_list(origin: OriginFor<T>, person: PersonId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			WatchList::<T>::take(person).ok_or(Error::<T>::NotListed)?;
			Self::deposit_event(Event::WatchListRemoved { person });
			Ok(())
		}

		/// Close an open report as seen, with a hash of the supervisor's note.
		///
		/// The dispatch origin must be `T::SupervisorOrigin`.
		///
		/// Emits `ReportReviewed`.
		#[pallet::call_index(30)]
		#[pallet::weight(T::WeightInfo::review_report())]
		pub fn acknowledge_report(
			origin: OriginFor<T>,
			id: u64,
			note: Option<H256>,
		) -> DispatchResult {
			T::SupervisorOrigin::ensure_origin(origin)?;
			Self::review(id, ReportStatus::Acknowledged, note)
		}

		/// Open a case on a report (open or acknowledged), with a hash of the supervisor's note.
		///
		/// The dispatch origin must be `T::SupervisorOrigin`.
		///
		/// Emits `ReportReviewed`.
		#[pallet::call_index(31)]
		#[pallet::weight(T::WeightInfo::review_report())]
		pub fn escalate_report(
			origin: OriginFor<T>,
			id: u64,
			note: Option<H256>,
		) -> DispatchResult {
			T::SupervisorOrigin::ensure_origin(origin)?;
			Self::review(id, ReportStatus::Escalated, note)
		}

		/// File feedback or a complaint about a payment you were party to, while the chain
		/// retains its record; `content` is a hash of the text your bank or the regulator's
		/// portal keeps. Supervisors answer within `feedback_deadline`.
		///
		/// The dispatch origin must be signed by a verified account.
		///
		/// Emits `FeedbackFiled`.
		#[pallet::call_index(40)]
		#[pallet::weight(T::WeightInfo::file_feedback())]
		pub fn file_feedback(
			origin: OriginFor<T>,
			reference: Reference,
			kind: FeedbackKind,
			content: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(T::Kyc::is_verified(&who), Error::<T>::NotVerified);
			ensure!(T::Payments::parties(&reference).contains(&who), Error::<T>::NotParty);
			OpenFeedbackOf::<T>::try_mutate(&who, |open| -> DispatchResult {
				ensure!(*open < T::MaxOpenFeedback::get(), Error::<T>::TooManyFeedback);
				open.saturating_inc();
				Ok(())
			})?;
			let id = NextFeedback::<T>::get();
			NextFeedback::<T>::put(id.checked_add(1).ok_or(Error::<T>::Overflow)?);
			let filed_at = T::Time::now();
			let due = filed_at.saturating_add(Rules::<T>::get().feedback_deadline);
			let item = FeedbackItem { reference, who: who.clone(), kind, content, filed_at, due };
			Feedback::<T>::insert(id, item);
			Self::deposit_event(Event::FeedbackFiled { id, reference, who, kind });
			Ok(())
		}

		/// Answer feedback; `answer` is a hash of the reply sent to the user. The item leaves
		/// the open list.
		///
		/// The dispatch origin must be `T::SupervisorOrigin`.
		///
		/// Emits `FeedbackAnswered`.
		#[pallet::call_index(41)]
		#[pallet::weight(T::WeightInfo::answer_feedback())]
		pub fn answer_feedback(origin: OriginFor<T>, id: u64, answer: H256) -> DispatchResult {
			T::SupervisorOrigin::ensure_origin(origin)?;
			let item = Feedback::<T>::take(id).ok_or(Error::<T>::FeedbackNotFound)?;
			OpenFeedbackOf::<T>::mutate_exists(&item.who, |open| {
				let left = open.unwrap_or_default().saturating_sub(1);
				*open = (left > 0).then_some(left);
			});
			let late = T::Time::now() > item.due;
			Self::deposit_event(Event::FeedbackAnswered {
				id,
				reference: item.reference,
				answer,
				late,
			});
			Ok(())
		}
	}

	/// What the rules make of one movement: the decision, and what to record and count when the
	/// forex pallet acts on it.
	#[derive(frame_support::DefaultNoBound)]
	pub(crate) struct Assessment<AccountId> {
		pub deny: Reasons,
		pub hold: Reasons,
		pub report: Reasons,
		/// The movement's USD value, when known.
		pub usd: Option<Amount>,
		/// Reports to file: the party, the person behind it, the rule.
		pub reports: Vec<(AccountId, PersonId, Reason)>,
		/// FX to count against quotas: the person, a purchase (or a settlement), the USD value.
		pub quota: Vec<(PersonId, bool, Amount)>,
		/// Daily totals to add: the person, the category, in the home currency, the value.
		pub totals: Vec<(PersonId, Category, bool, Amount)>,
		/// The originator, when its payment was just under its threshold.
		pub near: Option<PersonId>,
	}

	impl<AccountId> Assessment<AccountId> {
		/// Deny with every reason, or hold with every reason, or report, or allow.
		pub fn decision(&self) -> Decision {
			let all = self.deny | self.hold | self.report;
			if !self.deny.is_empty() {
				Decision::Deny(all)
			} else if !self.hold.is_empty() {
				Decision::Hold(all)
			} else if !self.report.is_empty() {
				Decision::Report(all)
			} else {
				Decision::Allow
			}
		}
	}

	impl<T: Config> Pallet<T> {
		/// Whether a rule set makes sense: no zero quota, threshold or period, a structuring
		/// rule of 2..=`MaxStructuringCount` payments at most 100%.
		pub fn rules_valid(rules: &RuleSet) -> bool {
			let threshold_ok = |t: &Threshold| !t.home.is_zero() && !t.usd.is_zero();
			let s = &rules.structuring;
			[
				rules.large_cash,
				rules.large_entity,
				rules.large_individual_domestic,
				rules.large_individual_cross_border,
				rules.travel_rule,
			]
			.iter()
			.all(threshold_ok)
				&& !rules.purchase_quota.is_zero()
				&& !rules.settlement_quota.is_zero()
				&& !rules.tax_filing.is_zero()
				&& s.count >= 2
				&& s.count <= T::MaxStructuringCount::get()
				&& s.floor_percent <= 100
				&& !s.window.is_zero()
				&& !rules.rate_max_age.is_zero()
				&& !rules.review_period.is_zero()
				&& !rules.feedback_deadline.is_zero()
				&& !rules.report_retention.is_zero()
		}

		/// Whether `person` is on the watch list at `now`.
		pub fn listed(person: &PersonId, now: Moment) -> bool {
			WatchList::<T>::get(person).is_some_and(|listing| now < listing.until)
		}

		/// The USD value of `amount` of `currency`, at a reference rate no older than the rules
		/// allow (`None` without one).
		pub fn usd_value(
			currency: CurrencyId,
			amount: Amount,
			rules: &RuleSet,
			now: Moment,
		) -> Option<Amount> {
			if currency == USD {
				return Some(amount);
			}
			let rate = Rates::<T>::get(currency)?;
			let fresh = now.saturating_sub(rate.set_at) <= rules.rate_max_age;
			fresh.then(|| rate.rate.saturating_mul_int(amount))
		}

		/// Evaluate every rule for `movement` at the current state.
		pub(crate) fn assess(m: &Movement<T::AccountId>) -> Assessment<T::AccountId> {
			let rules = Rules::<T>::get();
			let now = T::Time::now();
			let mut a = Assessment::<T::AccountId>::default();

			// Who the parties are, and whether they may move money at all.
			let mut parties: Vec<(T::AccountId, bool, KycProfile)> = Vec::new();
			for (who, payer) in [(&m.from, true), (&m.to, false)] {
				let Some(who) = who else { continue };
				match T::Kyc::verified_profile(who) {
					Some(profile) => parties.push((who.clone(), payer, profile)),
					None => a.deny = a.deny.with(Reason::IdentityNotLive),
				}
				if FrozenAccounts::<T>::contains_key(who) {
					a.deny = a.deny.with(Reason::AccountFrozen);
				}
			}
			if FrozenCurrencies::<T>::contains_key(m.currency) {
				a.deny = a.deny.with(Reason::CurrencyFrozen);
			}
			if Paused::<T>::exists() {
				a.deny = a.deny.with(Reason::PaymentsPaused);
			}

			// What the movement is worth in the rules' units.
			let home = m.currency == rules.home_currency;
			a.usd = Self::usd_value(m.currency, m.amount, &rules, now);
			if !home && a.usd.is_none() {
				a.deny = a.deny.with(Reason::RateUnavailable);
			}
			// The value in the unit its thresholds are written in.
			let value = if home { Some(m.amount) } else { a.usd };
			let limit = |t: Threshold| if home { t.home } else { t.usd };
			let fx = matches!(m.kind, MovementKind::Conversion | MovementKind::Trade);
			let home_fx = fx && !home && m.counter_currency == Some(rules.home_currency);
			let day = calendar::day(now);
			let year = calendar::year(now);

			for (who, payer, profile) in &parties {
				let person = profile.person;
				let listed = Self::listed(&person, now);
				if listed && (m.cross_border || fx) {
					a.deny = a.deny.with(Reason::WatchListed);
				}

				// Individuals' FX quotas: the payee of foreign currency bought with the home
				// currency purchases it; the payer of foreign currency sold for it settles.
				if profile.entity == EntityType::Individual && home_fx {
					if let Some(usd) = a.usd {
						let used = QuotaUsage::<T>::get(person).in_year(year);
						let (used, quota, exceeded) = if *payer {
							(
								used.settlement,
								rules.settlement_quota,
								Reason::SettlementQuotaExceeded,
							)
						} else {
							(used.purchase, rules.purchase_quota, Reason::PurchaseQuotaExceeded)
						};
						if !listed && used.saturating_add(usd) > quota {
							a.deny = a.deny.with(exceeded);
						}
						a.quota.push((person, !*payer, usd));
					}
				}

				// Enterprise classes.
				match profile.class {
					Some(SupervisionClass::B)
						if m.cross_border && m.documents.trade_document.is_none() =>
					{
						a.deny = a.deny.with(Reason::TradeDocumentRequired)
					},
					Some(SupervisionClass::C) if m.cross_border || fx => {
						a.hold = a.hold.with(Reason::PriorReviewRequired)
					},
					_ => {},
				}

				// Large value: the movement alone, or the day's total crossing the threshold.
				let category = Category::of(m.kind, profile.entity, m.cross_border);
				let threshold = limit(category.threshold(&rules));
				let Some(value) = value else { continue };
				let before = DailyTotals::<T>::get(person).on_day(day).sum(category).get(home);
				let crosses = before < threshold && before.saturating_add(value) >= threshold;
				if value >= threshold || crosses {
					a.report = a.report.with(category.reason());
					a.reports.push((who.clone(), person, category.reason()));
				}
				a.totals.push((person, category, home, value));

				// Structuring: the originator's payments just under its threshold.
				let originator = if m.kind == MovementKind::Deposit { !*payer } else { *payer };
				let floor =
					threshold.saturating_mul(Amount::from(rules.structuring.floor_percent)) / 100;
				if originator && value < threshold && value >= floor {
					let window_start = now.saturating_sub(rules.structuring.window);
					let recent = NearThreshold::<T>::get(person)
						.iter()
						.filter(|at| **at > window_start)
						.count();
					let count = usize::try_from(rules.structuring.count).unwrap_or(usize::MAX);
					if recent.saturating_add(1) >= count {
						if rules.structuring.hold {
							a.hold = a.hold.with(Reason::Structuring);
						} else {
							a.report = a.report.with(Reason::Structuring);
						}
						a.reports.push((who.clone(), person, Reason::Structuring));
					}
					a.near = Some(person);
				}
			}

			if m.cross_border {
				// Outward services-trade payments of residents above the tax-filing threshold.
				let outward = parties
					.iter()
					.any(|(_, payer, profile)| *payer && profile.residency == Residency::Resident);
				if m.purpose == Purpose::ServicesTrade
					&& outward && m.documents.tax_filing.is_none()
				{
					match a.usd {
						Some(usd) if usd > rules.tax_filing => {
							a.deny = a.deny.with(Reason::TaxFilingRequired)
						},
						None => a.deny = a.deny.with(Reason::RateUnavailable),
						_ => {},
					}
				}
				// Remittances at or above the travel-rule threshold carry both parties' data.
				if m.kind == MovementKind::Payment
					&& !m.travel_rule
					&& value.is_some_and(|v| v >= limit(rules.travel_rule))
				{
					a.deny = a.deny.with(Reason::TravelRuleDataRequired);
				}
			}
			a
		}

		/// Count a movement's FX against the quotas; for a hold, remember what it reserved.
		fn count_quota(m: &Movement<T::AccountId>, a: &Assessment<T::AccountId>, held: bool) {
			let year = calendar::year(T::Time::now());
			for (person, purchase, usd) in &a.quota {
				QuotaUsage::<T>::mutate(person, |usage| {
					let mut current = usage.in_year(year);
					let slot =
						if *purchase { &mut current.purchase } else { &mut current.settlement };
					*slot = slot.saturating_add(*usd);
					*usage = current;
				});
				if held {
					// At most two parties on each of two legs.
					let _ =
						HeldQuota::<T>::try_append(m.reference, (*person, *purchase, *usd, year));
				}
			}
		}

		/// Count an executed movement against daily totals and the structuring window.
		fn count_flows(a: &Assessment<T::AccountId>) {
			let now = T::Time::now();
			let day = calendar::day(now);
			for (person, category, home, value) in &a.totals {
				DailyTotals::<T>::mutate(person, |totals| {
					let mut current = totals.on_day(day);
					current.sum(*category).add(*home, *value);
					*totals = current;
				});
			}
			if let Some(person) = &a.near {
				let window = Rules::<T>::get().structuring.window;
				NearThreshold::<T>::mutate(person, |times| {
					times.retain(|at| at.saturating_add(window) > now);
					if times.is_full() {
						times.remove(0);
					}
					// Room was made above.
					let _ = times.try_push(now);
				});
			}
		}

		/// File the reports an assessment found.
		fn file_reports(m: &Movement<T::AccountId>, a: &Assessment<T::AccountId>) {
			let now = T::Time::now();
			for (party, person, rule) in &a.reports {
				let counterparty =
					if m.from.as_ref() == Some(party) { m.to.clone() } else { m.from.clone() };
				let report = Report {
					reference: m.reference,
					rule: *rule,
					party: party.clone(),
					person: *person,
					counterparty,
					kind: m.kind,
					currency: m.currency,
					amount: m.amount,
					usd: a.usd,
					at: now,
					status: ReportStatus::Open,
					note: None,
				};
				let id = ReportBounds::<T>::mutate(|(_, next)| {
					let id = *next;
					next.saturating_inc();
					id
				});
				Self::index_report(id, &report);
				Reports::<T>::insert(id, report);
				Self::deposit_event(Event::ReportFiled {
					id,
					reference: m.reference,
					rule: *rule,
					party: party.clone(),
				});
			}
		}

		fn review(id: u64, new: ReportStatus, note: Option<H256>) -> DispatchResult {
			let mut report = Reports::<T>::get(id).ok_or(Error::<T>::ReportNotFound)?;
			let old = report.status;
			let allowed = match new {
				ReportStatus::Acknowledged => old == ReportStatus::Open,
				ReportStatus::Escalated => old != ReportStatus::Escalated,
				ReportStatus::Open => false,
			};
			ensure!(allowed, Error::<T>::AlreadyReviewed);
			let key = id.to_be_bytes();
			ReportsByStatus::<T>::remove(old, key);
			ReportsByStatus::<T>::insert(new, key, ());
			report.status = new;
			report.note = note;
			Reports::<T>::insert(id, report);
			Self::deposit_event(Event::ReportReviewed { id, old, new, note });
			Ok(())
		}

		/// Enter report `id` in the party, rule and status indexes its fields name.
		pub(crate) fn index_report(id: u64, report: &Report<T::AccountId>) {
			let key = id.to_be_bytes();
			ReportsByParty::<T>::insert(&report.party, key, ());
			ReportsByRule::<T>::insert(report.rule, key, ());
			ReportsByStatus::<T>::insert(report.status, key, ());
		}

		/// Remove the oldest report if it is older than the retention period.
		pub(crate) fn prune_oldest_report() -> bool {
			let (oldest, next) = ReportBounds::<T>::get();
			if oldest >= next {
				return false;
			}
			let retention = Rules::<T>::get().report_retention;
			let now = T::Time::now();
			if let Some(report) = Reports::<T>::get(oldest) {
				if report.at.saturating_add(retention) > now {
					return false;
				}
				let key = oldest.to_be_bytes();
				ReportsByParty::<T>::remove(&report.party, key);
				ReportsByRule::<T>::remove(report.rule, key);
				ReportsByStatus::<T>::remove(report.status, key);
				Reports::<T>::remove(oldest);
			}
			ReportBounds::<T>::put((oldest.saturating_add(1), next));
			true
		}

		/// Every rule a payment would break or trigger (`SupervisionApi::transfer_report`).
		pub fn transfer_report(
			from: T::AccountId,
			to: T::AccountId,
			currency: CurrencyId,
			amount: Amount,
			purpose: Purpose,
		) -> TransferReport {
			let cross_border =
				match (T::Kyc::verified_profile(&from), T::Kyc::verified_profile(&to)) {
					(Some(payer), Some(payee)) => is_cross_border(&payer, &payee),
					_ => false,
				};
			let movement = Movement {
				reference: Reference::zero(),
				kind: MovementKind::Payment,
				from: Some(from),
				to: Some(to),
				currency,
				amount,
				cross_border,
				purpose,
				travel_rule: false,
				documents: Default::default(),
				counter_currency: None,
			};
			let a = Self::assess(&movement);
			let decision = a.decision();
			TransferReport {
				cross_border,
				usd: a.usd,
				decision,
				reasons: decision.reasons().to_vec(),
			}
		}

		/// The FX quotas of the person behind `who` this year (`SupervisionApi::quota`).
		pub fn quota(who: &T::AccountId) -> Option<QuotaStatus> {
			let person = T::Kyc::person_of(who)?;
			let rules = Rules::<T>::get();
			let now = T::Time::now();
			let year = calendar::year(now);
			let used = QuotaUsage::<T>::get(person).in_year(year);
			let listing = WatchList::<T>::get(person).filter(|l| now < l.until);
			let left = |quota: Amount, used: Amount| {
				if listing.is_some() {
					0
				} else {
					quota.saturating_sub(used)
				}
			};
			Some(QuotaStatus {
				year,
				purchase_used: used.purchase,
				purchase_left: left(rules.purchase_quota, used.purchase),
				settlement_used: used.settlement,
				settlement_left: left(rules.settlement_quota, used.settlement),
				watch_listed_until: listing.map(|l| l.until),
			})
		}

		/// The first report id at or after `since` (ids grow with time): a binary search.
		fn first_report_since(since: Moment) -> u64 {
			let (mut low, mut high) = ReportBounds::<T>::get();
			while low < high {
				let middle = low.saturating_add(high.saturating_sub(low) / 2);
				match Reports::<T>::get(middle) {
					Some(report) if report.at < since => low = middle.saturating_add(1),
					_ => high = middle,
				}
			}
			low
		}

		/// Reports, filtered and paged, oldest first (`SupervisionApi::reports`). The most
		/// selective filter given (party, then rule, then status) picks the index to walk; the
		/// others filter. At most `MAX_SCAN` entries are examined per call.
		pub fn reports(query: ReportQuery<T::AccountId>) -> ReportPage<T::AccountId> {
			let limit = usize::try_from(query.limit.clamp(1, MAX_PAGE)).unwrap_or(1);
			let (oldest, next_id) = ReportBounds::<T>::get();
			let mut start = oldest;
			if let Some(after) = query.after {
				start = start.max(after.saturating_add(1));
			}
			if let Some(since) = query.since {
				start = start.max(Self::first_report_since(since));
			}
			let ids: alloc::boxed::Box<dyn Iterator<Item = u64>> =
				match (&query.party, query.rule, query.status) {
					(Some(party), _, _) => alloc::boxed::Box::new(
						ReportsByParty::<T>::iter_prefix_from(
							party,
							ReportsByParty::<T>::hashed_key_for(party, start.to_be_bytes()),
						)
						.map(|(key, ())| u64::from_be_bytes(key)),
					),
					(None, Some(rule), _) => alloc::boxed::Box::new(
						ReportsByRule::<T>::iter_prefix_from(
							rule,
							ReportsByRule::<T>::hashed_key_for(rule, start.to_be_bytes()),
						)
						.map(|(key, ())| u64::from_be_bytes(key)),
					),
					(None, None, Some(status)) => alloc::boxed::Box::new(
						ReportsByStatus::<T>::iter_prefix_from(
							status,
							ReportsByStatus::<T>::hashed_key_for(status, start.to_be_bytes()),
						)
						.map(|(key, ())| u64::from_be_bytes(key)),
					),
					(None, None, None) => alloc::boxed::Box::new(start..next_id),
				};
			// `iter_prefix_from` starts after the key it is given; the start itself comes first.
			let ids = core::iter::once(start).chain(ids).filter(|id| *id >= start);
			let mut page = ReportPage { reports: Vec::new(), next: None };
			let mut last = None;
			let mut seen = alloc::collections::BTreeSet::new();
			for (examined, id) in ids.enumerate() {
				if examined >= usize::try_from(MAX_SCAN).unwrap_or(usize::MAX) {
					page.next = last;
					break;
				}
				if !seen.insert(id) {
					continue;
				}
				let Some(report) = Reports::<T>::get(id) else { continue };
				if query.until.is_some_and(|until| report.at >= until) {
					break;
				}
				last = Some(id);
				let matches = query.party.as_ref().is_none_or(|p| *p == report.party)
					&& query.rule.is_none_or(|r| r == report.rule)
					&& query.status.is_none_or(|s| s == report.status);
				if matches {
					if page.reports.len() == limit {
						page.next = page.reports.last().map(|(id, _)| *id);
						break;
					}
					page.reports.push((id, report));
				}
			}
			page
		}

		/// Open feedback, oldest first (`SupervisionApi::open_feedback`).
		pub fn open_feedback(
			overdue_only: bool,
			after: Option<u64>,
			limit: u32,
		) -> Vec<OpenFeedback<T::AccountId>> {
			let now = T::Time::now();
			let mut items: Vec<(u64, FeedbackItem<T::AccountId>)> = Feedback::<T>::iter()
				.filter(|(id, _)| after.is_none_or(|after| *id > after))
				.collect();
			items.sort_by_key(|(id, _)| *id);
			items
				.into_iter()
				.map(|(id, item)| OpenFeedback {
					id,
					age: now.saturating_sub(item.filed_at),
					overdue: now > item.due,
					item,
				})
				.filter(|open| !overdue_only || open.overdue)
				.take(usize::try_from(limit.clamp(1, MAX_PAGE)).unwrap_or(1))
				.collect()
		}

		/// The pallet's invariants:
		/// - the rules make sense and there are at most `MaxRates` rates;
		/// - every kept report is in exactly the party, rule and status index entries its fields
		///   name, and every index entry names a kept report with those fields;
		/// - report ids lie between the bounds;
		/// - open feedback per account matches the counters.
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			use alloc::collections::BTreeMap;
			ensure!(Self::rules_valid(&Rules::<T>::get()), "the rules make no sense");
			ensure!(Rates::<T>::count() <= T::MaxRates::get(), "too many rates");
			let (oldest, next) = ReportBounds::<T>::get();
			let mut reports = 0usize;
			for (id, report) in Reports::<T>::iter() {
				ensure!(id >= oldest && id < next, "a report id lies outside the bounds");
				let key = id.to_be_bytes();
				ensure!(
					ReportsByParty::<T>::contains_key(&report.party, key)
						&& ReportsByRule::<T>::contains_key(report.rule, key)
						&& ReportsByStatus::<T>::contains_key(report.status, key),
					"a report is missing from an index"
				);
				reports.saturating_inc();
			}
			let indexed = |count: usize| count == reports;
			ensure!(
				indexed(ReportsByParty::<T>::iter().count())
					&& indexed(ReportsByRule::<T>::iter().count())
					&& indexed(ReportsByStatus::<T>::iter().count()),
				"an index holds an entry for no report"
			);
			let mut open: BTreeMap<T::AccountId, u32> = BTreeMap::new();
			for (id, item) in Feedback::<T>::iter() {
				ensure!(id < NextFeedback::<T>::get(), "a feedback id lies beyond the counter");
				open.entry(item.who).or_default().saturating_inc();
			}
			ensure!(
				OpenFeedbackOf::<T>::iter().collect::<BTreeMap<_, _>>() == open,
				"open feedback counters differ from the open items"
			);
			Ok(())
		}
	}

	impl<T: Config> CapitalFlowCheck<T::AccountId> for Pallet<T> {
		fn check(movement: &Movement<T::AccountId>) -> Decision {
			Self::assess(movement).decision()
		}

		fn decided(movement: &Movement<T::AccountId>, held: bool) {
			let assessment = Self::assess(movement);
			Self::file_reports(movement, &assessment);
			Self::count_quota(movement, &assessment, held);
			if !held {
				Self::count_flows(&assessment);
			}
		}

		fn released(movement: &Movement<T::AccountId>) {
			HeldQuota::<T>::remove(movement.reference);
			Self::count_flows(&Self::assess(movement));
		}

		/// Give back exactly what the hold reserved (all its legs at the first call), unless the
		/// year it was counted in is over.
		fn returned(movement: &Movement<T::AccountId>) {
			for (person, purchase, usd, year) in HeldQuota::<T>::take(movement.reference) {
				QuotaUsage::<T>::mutate(person, |usage| {
					if usage.year == year {
						let slot =
							if purchase { &mut usage.purchase } else { &mut usage.settlement };
						*slot = slot.saturating_sub(usd);
					}
				});
			}
		}

		fn review_period() -> Moment {
			Rules::<T>::get().review_period
		}

		fn weight() -> Weight {
			T::WeightInfo::supervise()
		}
	}
}
