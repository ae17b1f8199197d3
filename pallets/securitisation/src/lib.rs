//! # Securitisation pallet: pools of receivables paid out to senior and junior units
//!
//! A licensed institution (the originator) opens a pool, assigns receivables it holds to the
//! pool's account (trade documents' collections, leases' future rent: see
//! [`ReceivableRegistry`]), and issues two tranches of units against them, which it sells to
//! verified investors for the pool's currency. What the receivables' debtors pay reaches the
//! pool's account and is counted ([`CollectionObserver`]); on each payment date the chain pays
//! the pool's cash to the holders by a stated waterfall, a bounded number of holders per
//! block. A defaulted receivable is written off against the junior tranche first. Every
//! movement of money goes through [`ForexLedger`], so supervision sees investors' cross-border
//! purchases and payouts like any payment.
//!
//! ## Terminology
//!
//! - **Pool account**: `PalletId` sub-account of the pool's number, a special-purpose vehicle
//!   that takes its originator's verified profile ([`Pallet::originator_of`], which the
//!   runtime's KYC provider asks), so that the ledger lets money move to and from it.
//! - **Tranches** ([`TrancheState`]): the senior tranche is paid interest (`rate_bps` of its
//!   principal per payment period, rounded down) and principal first; the junior tranche is
//!   paid its principal after the senior's and takes whatever is left (the residual), and
//!   absorbs losses first. Units are a `fungibles` asset per tranche, id `pool × 2 + tranche
//!   index` (0 senior, 1 junior); all are minted to the originator at issue.
//! - **Owed**: money a payment date gave one holder that has not reached it: a payout
//!   supervision refused (`PayoutFailed`) or sent back (`PayoutReturned`), kept per holder in
//!   [`Owed`] and paid to that holder, with its share, at the next payment date (no call
//!   needed: the payout run visits every holder). Units waiting in the pool's account for a
//!   purchase in review earn their share too, kept with the purchase; the conclusion makes it
//!   owed to whoever ends up with the units (the investor when released, the originator when
//!   returned). The pool's `owed` is the sum of both.
//! - **Cash**: `collected + returned − paid_out − owed`: what the next payment date's
//!   waterfall shares among the holders.
//! - **Waterfall** (on a payment date, from the cash): (1) senior interest, (2) senior
//!   principal up to what is outstanding, (3) junior principal up to what is outstanding, (4)
//!   the rest to the junior tranche as residual. Principals are reduced when the waterfall is
//!   computed. Interest the cash cannot pay is not carried to the next date. Each holder gets
//!   `⌊tranche amount × holder's units / tranche units⌋` of each tranche; the rounding dust
//!   stays in the cash for the next date.
//! - **Held transfers**: a purchase supervision holds leaves the units in the pool's account
//!   until a supervisor decides (released: the investor's; returned: the originator's again); a
//!   held payout counts as paid out unless it comes back, when it is owed to its holder. A
//!   denied payout is owed to its holder (`PayoutFailed`). Neither goes back to the cash: the
//!   principal it paid was reduced already.
//! - **Closing**: once both principals are zero, every pooled receivable is paid or written
//!   off, nothing is in review and the pool holds no money for its holders, the originator
//!   closes the pool; it leaves the payment agenda and is never paid again. Collections that
//!   reach a closed pool's account (recoveries on written-off receivables) are not counted.
//!
//! ## Interface
//!
//! ### Originators (signed, verified, with an active `Issuer` or `Lessor` licence to open)
//! - [`create_pool`](Pallet::create_pool), [`add_receivable`](Pallet::add_receivable),
//!   [`issue`](Pallet::issue), [`write_off`](Pallet::write_off), [`close`](Pallet::close).
//!
//! ### Investors (signed, verified)
//! - [`buy`](Pallet::buy) units from the originator.
//!
//! ### Every block
//! - `on_initialize` pays the holders of pools whose payment date came, at most
//!   `MaxPayoutsPerBlock` holders per block, from an agenda kept in time order.
//!
//! ### Other pallets and clients
//! - [`CollectionObserver`] and [`LedgerObserver`] are implemented by [`Pallet`].
//! - The runtime's `SecuritisationApi` (`pool`, `pools`) is served by
//!   [`pool_view`](Pallet::pool_view) and [`pool_ids`](Pallet::pool_ids).

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
mod types;
pub mod weights;

pub use fxchain_primitives::receivables::{
	Distribution, HolderView, Pool, PoolId, PoolStatus, PoolView, Pooled, ReceivableId, Tranche,
	TrancheState, TrancheView, UnitId,
};
pub use pallet::*;
pub use types::Pending;
pub use weights::WeightInfo;

/// What the benchmarks need from the identity layer, the currency ledger, the receivable
/// registry and the clock.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Give `who` a live credential (a resident enterprise in one jurisdiction, so that every
	/// transfer between two such accounts is domestic).
	fn verify(who: &AccountId);
	/// Give `who` an active `Issuer` licence.
	fn license(who: &AccountId);
	/// A registered currency, and `amount` of it in `who`'s balance.
	fn fund(
		who: &AccountId,
		amount: fxchain_primitives::forex::Amount,
	) -> fxchain_primitives::forex::CurrencyId;
	/// A receivable held by `holder` in `currency` with `amount` outstanding, distinct for
	/// each `index`.
	fn receivable(
		holder: &AccountId,
		currency: fxchain_primitives::forex::CurrencyId,
		amount: fxchain_primitives::forex::Amount,
		index: u32,
	) -> ReceivableId;
	/// Make receivable `id` defaulted in the registry.
	fn default(id: &ReceivableId);
	/// Set the time `Config::Time` reports to `now` (milliseconds since the Unix epoch).
	fn set_time(now: fxchain_primitives::Moment);
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungibles,
			tokens::{Fortitude, Preservation},
			Time,
		},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use fxchain_primitives::{
		forex::{
			is_cross_border, Amount, CurrencyId, ForexLedger, LedgerObserver, LedgerOutcome,
			Purpose, Reference,
		},
		kyc::{KycProvider, LicenceProvider, Role},
		receivables::{BasisPoints, CollectionObserver, ReceivableRegistry},
		split_time_key, time_key, Moment,
	};
	use sp_runtime::{
		helpers_128bit::multiply_by_rational_with_rounding,
		traits::{AccountIdConversion, Zero},
		Rounding,
	};

	/// Storage layout version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	/// A pool as stored.
	pub type PoolOf<T> = Pool<
		<T as frame_system::Config>::AccountId,
		BoundedVec<Pooled, <T as Config>::MaxReceivablesPerPool>,
	>;

	/// Basis points in one.
	const BPS: u128 = 10_000;

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Real-name verification: originators and investors must be verified; residency
		/// decides whether a purchase or payout crosses a border.
		type Kyc: KycProvider<Self::AccountId>;

		/// Institution licences: only `Issuer`s and `Lessor`s open pools.
		type Licences: LicenceProvider<Self::AccountId>;

		/// The currency ledger, through which every purchase and payout moves (and so through
		/// supervision).
		type Ledger: ForexLedger<Self::AccountId>;

		/// Chain time: payment dates.
		type Time: Time<Moment = Moment>;

		/// The receivable registry: what a receivable is now, and its assignment to a pool.
		type Registry: ReceivableRegistry<Self::AccountId>;

		/// The pool-unit ledger: one asset per tranche, created, minted and moved only by this
		/// pallet.
		type Units: fungibles::Inspect<Self::AccountId, AssetId = UnitId, Balance = Amount>
			+ fungibles::Mutate<Self::AccountId>
			+ fungibles::Create<Self::AccountId>;

		/// The pools' accounts are this id's sub-accounts.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// The most receivables a pool may hold.
		#[pallet::constant]
		type MaxReceivablesPerPool: Get<u32>;

		/// The most holders (the originator included) a pool may have.
		#[pallet::constant]
		type MaxInvestorsPerPool: Get<u32>;

		/// The most holders one block pays.
		#[pallet::constant]
		type MaxPayoutsPerBlock: Get<u32>;

		/// The shortest time between payment dates, in milliseconds.
		#[pallet::constant]
		type MinPaymentInterval: Get<Moment>;

		/// Weights of the calls, the payouts and the observers, from the benchmarks.
		type WeightInfo: WeightInfo;

		/// Sets up credentials, licences, balances, receivables and time for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// The pools. Numbers are given by the chain in order, hence Twox.
	#[pallet::storage]
	pub type Pools<T: Config> = StorageMap<_, Twox64Concat, PoolId, PoolOf<T>, OptionQuery>;

	/// The next pool's number.
	#[pallet::storage]
	pub type NextPoolId<T: Config> = StorageValue<_, PoolId, ValueQuery>;

	/// Which pool an account is the account of. Accounts may be chosen by users, hence Blake2.
	#[pallet::storage]
	pub type PoolAccounts<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, PoolId, OptionQuery>;

	/// Each pool's holders in payment order, the originator first.
	#[pallet::storage]
	pub type Holders<T: Config> = StorageMap<
		_,
		Twox64Concat,
		PoolId,
		BoundedVec<T::AccountId, T::MaxInvestorsPerPool>,
		ValueQuery,
	>;

	/// The payment date being paid out, per pool (at most one at a time on the chain).
	#[pallet::storage]
	pub type Distributions<T: Config> =
		StorageMap<_, Twox64Concat, PoolId, Distribution, OptionQuery>;

	/// The payment agenda: issued pools keyed by their next payment date and number (both
	/// big-endian, with the identity hasher, so that the map iterates in time order). A pool
	/// is off the agenda while its payment date is paid out.
	#[pallet::storage]
	pub type Agenda<T: Config> = StorageMap<_, Identity, [u8; 16], (), OptionQuery>;

	/// Purchases and payouts supervision holds for review, by the forex reference (a hash the
	/// chain generates, hence Twox).
	#[pallet::storage]
	pub type InReview<T: Config> =
		StorageMap<_, Twox64Concat, Reference, Pending<T::AccountId>, OptionQuery>;

	/// How many of each pool's purchases and payouts are in review (a pool closes at zero).
	#[pallet::storage]
	pub type Reviews<T: Config> = StorageMap<_, Twox64Concat, PoolId, u32, ValueQuery>;

	/// What each holder of each pool is owed: payouts refused or sent back, and the share of
	/// units it received after a review. Paid with its share at the pool's next payment date.
	/// Only holders have an entry (at most `MaxInvestorsPerPool` per pool); accounts are
	/// chosen by users, hence Blake2.
	#[pallet::storage]
	pub type Owed<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		PoolId,
		Blake2_128Concat,
		T::AccountId,
		Amount,
		ValueQuery,
	>;

	/// The purchase of each investor in each pool that is in review (one at a time).
	#[pallet::storage]
	pub type PurchaseInReview<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		PoolId,
		Blake2_128Concat,
		T::AccountId,
		Reference,
		OptionQuery,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A pool was opened; receivables are assigned to `account`.
		PoolCreated {
			pool: PoolId,
			originator: T::AccountId,
			account: T::AccountId,
			currency: CurrencyId,
		},
		/// A receivable was assigned to the pool with `amount` outstanding.
		ReceivableAdded { pool: PoolId, receivable: ReceivableId, amount: Amount },
		/// The pool issued its units, all to the originator; `pooled` is the receivables'
		/// outstanding amount when pooled.
		PoolIssued {
			pool: PoolId,
			senior_units: Amount,
			senior_unit_face: Amount,
			junior_units: Amount,
			junior_unit_face: Amount,
			pooled: Amount,
		},
		/// An investor paid `price` for `units` of `tranche`, which are its now.
		UnitsBought {
			pool: PoolId,
			tranche: Tranche,
			investor: T::AccountId,
			units: Amount,
			price: Amount,
			reference: Reference,
		},
		/// Supervision holds an investor's purchase: the units wait in the pool's account.
		PurchaseHeld {
			pool: PoolId,
			tranche: Tranche,
			investor: T::AccountId,
			units: Amount,
			reference: Reference,
		},
		/// A held purchase was rejected or expired: the investor has its money back and the
		/// originator its units.
		PurchaseReturned { pool: PoolId, investor: T::AccountId, reference: Reference },
		/// A defaulted receivable was written off: `loss` reduced the junior principal first,
		/// then the senior; the principals after it.
		ReceivableWrittenOff {
			pool: PoolId,
			receivable: ReceivableId,
			loss: Amount,
			junior_principal: Amount,
			senior_principal: Amount,
		},
		/// A debtor's payment on a pooled receivable reached the pool.
		Collected { pool: PoolId, receivable: ReceivableId, amount: Amount },
		/// A holder was paid its share of a payment date.
		PaidOut { pool: PoolId, holder: T::AccountId, amount: Amount, reference: Reference },
		/// Supervision holds a payout; it counts as paid unless it comes back.
		PayoutHeld { pool: PoolId, holder: T::AccountId, amount: Amount, reference: Reference },
		/// A held payout was released to the holder.
		PayoutReleased { pool: PoolId, holder: T::AccountId, amount: Amount, reference: Reference },
		/// A held payout was rejected or expired: the money is back in the pool's account, owed
		/// to the holder and paid to it at the next payment date.
		PayoutReturned { pool: PoolId, holder: T::AccountId, amount: Amount, reference: Reference },
		/// A payout could not be made (supervision refused, or the holder's credential
		/// lapsed): the money stays in the pool's account, owed to the holder and tried again at
		/// the next payment date.
		PayoutFailed { pool: PoolId, holder: T::AccountId, amount: Amount, error: DispatchError },
		/// A purchase in review concluded while its waiting units had earned `amount` from
		/// payment dates: it is owed to `to`, who has the units now.
		UnitsShareOwed { pool: PoolId, to: T::AccountId, amount: Amount, reference: Reference },
		/// The originator closed the pool: it is off the payment agenda for good. `dust` is
		/// the cash no payout could share any more (less than one minor unit per holder), paid
		/// to the originator as the pool's servicer.
		PoolClosed { pool: PoolId, dust: Amount },
		/// Every holder was paid (or tried) for a payment date: what each step of the waterfall
		/// took. The next payment date is `next_payment`.
		PaymentDateSettled {
			pool: PoolId,
			senior_interest: Amount,
			senior_principal: Amount,
			junior_principal: Amount,
			junior_residual: Amount,
			next_payment: Moment,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No pool with this number: list the pools with `SecuritisationApi::pools`.
		PoolNotFound,
		/// Opening a pool needs an active `Issuer` or `Lessor` licence: obtain one first.
		NotLicensed,
		/// The account must be verified: renew or obtain the credential.
		NotVerified,
		/// Only the pool's originator may do this: sign with the account that opened the pool.
		NotOriginator,
		/// The terms make no sense: units and unit faces above zero, a senior rate of at most
		/// 10,000 basis points, a payment interval of at least `MinPaymentInterval`, a first
		/// payment date in the future, and a total face that fits in an amount.
		InvalidTerms,
		/// The pool's status does not allow this (receivables are added while it is open, units
		/// bought and receivables written off once issued, nothing once closed): read it with
		/// `SecuritisationApi::pool`.
		WrongStatus,
		/// The registry does not know this receivable: check its id, or register it first.
		ReceivableNotFound,
		/// The receivable is not held by the originator: only its holder may pool it; have it
		/// assigned to you first.
		NotHolder,
		/// The receivable is in another currency than the pool's: add it to a pool in its
		/// currency (or open one).
		WrongCurrency,
		/// Nothing is outstanding on the receivable: pool or write off only a receivable that
		/// is still owed.
		NothingOutstanding,
		/// A receivable is in default: it cannot be pooled, and a pool holding one cannot
		/// issue; open another pool without it.
		ReceivableDefaulted,
		/// The receivable is in this pool already: add another one.
		AlreadyPooled,
		/// The pool holds `MaxReceivablesPerPool` receivables already: open another pool.
		TooManyReceivables,
		/// The pool has no receivables: add some before issuing.
		NoReceivables,
		/// The units' total face exceeds what backs them (the pooled receivables' outstanding
		/// amount now, with what they have paid in): add receivables or open a pool with fewer
		/// units.
		Undercollateralised,
		/// The originator does not buy its own units: it holds them already and sells them.
		OriginatorCannotBuy,
		/// Buy at least one unit.
		NoUnits,
		/// The originator has fewer unsold units of this tranche: buy fewer.
		NotEnoughUnits,
		/// The pool has `MaxInvestorsPerPool` holders already: units can only go to one of them.
		TooManyInvestors,
		/// A purchase of this investor in this pool is held for review: wait for the
		/// supervisor's decision.
		PurchaseInReview,
		/// A payment date is being paid out: try again after `PaymentDateSettled` (a few
		/// blocks at most).
		DistributionRunning,
		/// The registry does not report this receivable in default: only a defaulted receivable
		/// is written off; wait until the registry marks it.
		NotDefaulted,
		/// The receivable is not in this pool: check the pool's receivables with
		/// `SecuritisationApi::pool`.
		NotPooled,
		/// The receivable was written off already: nothing more to do (what its debtor still
		/// pays counts as collections).
		AlreadyWrittenOff,
		/// A tranche still has principal outstanding: close the pool once payment dates or
		/// write-offs have brought both principals to zero.
		PrincipalOutstanding,
		/// A pooled receivable that is not written off still has something outstanding: close
		/// the pool once it is paid, or write it off if it defaults.
		ReceivablesOutstanding,
		/// A purchase or payout of the pool is held for review: close the pool after the
		/// supervisor's decisions.
		TransfersInReview,
		/// The pool still holds money for its holders (money owed, or cash of at least one
		/// minor unit per holder): close it after the next payment date has paid it.
		MoneyRemaining,
		/// An amount or a number overflowed: use smaller amounts (and report it if they were
		/// sensible).
		Overflow,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxReceivablesPerPool::get() > 0, "a pool needs a receivable");
			assert!(T::MaxInvestorsPerPool::get() > 1, "a pool needs an investor and originator");
			assert!(T::MaxPayoutsPerBlock::get() > 0, "payouts must make progress");
			assert!(T::MinPaymentInterval::get() > 0, "payment dates need time between them");
			let id = T::PalletId::get();
			let (first, second): (T::AccountId, T::AccountId) =
				(id.into_sub_account_truncating(0u32), id.into_sub_account_truncating(1u32));
			assert!(first != second, "every pool needs its own account");
		}

		/// Pay the holders of pools whose payment date came: at most `MaxPayoutsPerBlock`
		/// holders, earliest date first.
		fn on_initialize(_: BlockNumberFor<T>) -> Weight {
			let (started, paid) = Self::distribute(T::MaxPayoutsPerBlock::get());
			// Each payment date started in the block is paid by a `pay_holders` call of its own,
			// whose fixed part (the pool and its holders read, the settlement) is
			// `pay_holders(0)`; `pay_holders(paid)` holds one such part and every payout.
			// A date starts with cash (or money owed) or settles at once without: the heavier.
			let per_start = T::WeightInfo::start_distribution()
				.max(T::WeightInfo::start_distribution_without_cash())
				.saturating_add(T::WeightInfo::pay_holders(0));
			T::WeightInfo::pay_holders(paid)
				.saturating_add(per_start.saturating_mul(started.into()))
				.saturating_add(T::Ledger::supervision_weight().saturating_mul(paid.into()))
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Open a pool in `currency` whose senior tranche has `senior = (units, unit face, rate
		/// per payment period in basis points)` and whose junior tranche has `junior = (units,
		/// unit face)`, paying on `first_payment` and every `payment_interval` after it.
		///
		/// The dispatch origin must be signed by a verified account with an active `Issuer` or
		/// `Lessor` licence, which becomes the originator.
		///
		/// Emits `PoolCreated`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::create_pool())]
		pub fn create_pool(
			origin: OriginFor<T>,
			currency: CurrencyId,
			senior: (Amount, Amount, BasisPoints),
			junior: (Amount, Amount),
			payment_interval: Moment,
			first_payment: Moment,
		) -> DispatchResult {
			let originator = ensure_signed(origin)?;
			ensure!(
				T::Licences::is_licensed(&originator, Role::Issuer)
					|| T::Licences::is_licensed(&originator, Role::Lessor),
				Error::<T>::NotLicensed
			);
			Self::ensure_verified(&originator)?;
			let (senior_units, senior_face, rate_bps) = senior;
			let (junior_units, junior_face) = junior;
			let sensible = !senior_units.is_zero()
				&& !senior_face.is_zero()
				&& !junior_units.is_zero()
				&& !junior_face.is_zero()
				&& u128::from(rate_bps) <= BPS
				&& payment_interval >= T::MinPaymentInterval::get()
				&& first_payment > T::Time::now();
			ensure!(sensible, Error::<T>::InvalidTerms);
			let senior_total = senior_units.checked_mul(senior_face);
			let junior_total = junior_units.checked_mul(junior_face);
			let fits = senior_total
				.zip(junior_total)
				.and_then(|(senior, junior)| senior.checked_add(junior))
				.is_some();
			ensure!(fits, Error::<T>::InvalidTerms);
			let id = NextPoolId::<T>::get();
			// Both unit ids must exist for the pool to issue.
			Self::unit_id(id, Tranche::Junior)?;
			NextPoolId::<T>::put(id.checked_add(1).ok_or(Error::<T>::Overflow)?);
			let account: T::AccountId = T::PalletId::get().into_sub_account_truncating(id);
			ensure!(!PoolAccounts::<T>::contains_key(&account), Error::<T>::Overflow);
			let tranche = |units, unit_face, rate_bps| TrancheState {
				units,
				unit_face,
				principal: 0,
				rate_bps,
			};
			let pool = Pool {
				originator: originator.clone(),
				account: account.clone(),
				currency,
				status: PoolStatus::Open,
				receivables: BoundedVec::new(),
				senior: tranche(senior_units, senior_face, rate_bps),
				junior: tranche(junior_units, junior_face, 0),
				payment_interval,
				next_payment: first_payment,
				collected: 0,
				paid_out: 0,
				returned: 0,
				losses: 0,
				owed: 0,
			};
			Pools::<T>::insert(id, pool);
			PoolAccounts::<T>::insert(&account, id);
			let holders: BoundedVec<_, _> = alloc::vec![originator.clone()]
				.try_into()
				.map_err(|_| Error::<T>::TooManyInvestors)?;
			Holders::<T>::insert(id, holders);
			Self::deposit_event(Event::PoolCreated { pool: id, originator, account, currency });
			Ok(())
		}

		/// Assign receivable `id`, which the originator holds, to the pool's account: its
		/// debtor's payments go to the pool from now on.
		///
		/// The dispatch origin must be signed by the originator; the pool must be open; the
		/// receivable in the pool's currency, with something outstanding, not in default.
		///
		/// Emits `ReceivableAdded`. O(receivables).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::add_receivable(T::MaxReceivablesPerPool::get())
			.saturating_add(T::Registry::info_weight())
			.saturating_add(T::Registry::assign_weight()))]
		pub fn add_receivable(
			origin: OriginFor<T>,
			pool: PoolId,
			id: ReceivableId,
		) -> DispatchResult {
			let (originator, mut record) = Self::originators_pool(origin, pool)?;
			ensure!(record.status == PoolStatus::Open, Error::<T>::WrongStatus);
			ensure!(!record.receivables.iter().any(|p| p.id == id), Error::<T>::AlreadyPooled);
			let info = T::Registry::info(&id).ok_or(Error::<T>::ReceivableNotFound)?;
			ensure!(info.holder == originator, Error::<T>::NotHolder);
			ensure!(info.currency == record.currency, Error::<T>::WrongCurrency);
			ensure!(!info.outstanding.is_zero(), Error::<T>::NothingOutstanding);
			ensure!(!info.defaulted, Error::<T>::ReceivableDefaulted);
			let amount = info.outstanding;
			record
				.receivables
				.try_push(Pooled { id, pooled: amount, collected: 0, written_off: 0 })
				.map_err(|_| Error::<T>::TooManyReceivables)?;
			T::Registry::assign(&id, &originator, &record.account)?;
			Pools::<T>::insert(pool, record);
			Self::deposit_event(Event::ReceivableAdded { pool, receivable: id, amount });
			Ok(())
		}

		/// Issue the pool's units: the two unit assets are created (administered by the pool's
		/// account) and every unit is minted to the originator, who sells them with `buy`.
		///
		/// The registry is read again: no pooled receivable may be in default now, and the
		/// units' total face must not exceed what backs them: the receivables' outstanding
		/// amount now (zero for one that left the registry) and what they have paid into the
		/// pool since they were pooled.
		///
		/// The dispatch origin must be signed by the originator; the pool must be open.
		///
		/// Emits `PoolIssued`. O(receivables), one registry read each.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::issue(T::MaxReceivablesPerPool::get()).saturating_add(
			T::Registry::info_weight().saturating_mul(u64::from(T::MaxReceivablesPerPool::get()))
		))]
		pub fn issue(origin: OriginFor<T>, pool: PoolId) -> DispatchResult {
			let (originator, mut record) = Self::originators_pool(origin, pool)?;
			ensure!(record.status == PoolStatus::Open, Error::<T>::WrongStatus);
			ensure!(!record.receivables.is_empty(), Error::<T>::NoReceivables);
			let pooled = record
				.receivables
				.iter()
				.try_fold(0u128, |sum, p| sum.checked_add(p.pooled))
				.ok_or(Error::<T>::Overflow)?;
			// What backs the units now: the money collected so far and what is still owed on
			// the receivables, none of which may be in default.
			let mut cover = record.collected;
			for pooled in record.receivables.iter() {
				let outstanding = match T::Registry::info(&pooled.id) {
					Some(info) => {
						ensure!(!info.defaulted, Error::<T>::ReceivableDefaulted);
						info.outstanding
					},
					None => 0,
				};
				cover = cover.checked_add(outstanding).ok_or(Error::<T>::Overflow)?;
			}
			let senior_face = Self::face(&record.senior)?;
			let junior_face = Self::face(&record.junior)?;
			let face = senior_face.checked_add(junior_face).ok_or(Error::<T>::Overflow)?;
			ensure!(face <= cover, Error::<T>::Undercollateralised);
			for tranche in Tranche::ALL {
				let unit = Self::unit_id(pool, tranche)?;
				<T::Units as fungibles::Create<_>>::create(unit, record.account.clone(), true, 1)?;
				<T::Units as fungibles::Mutate<_>>::mint_into(
					unit,
					&originator,
					Self::state(&record, tranche).units,
				)?;
			}
			record.senior.principal = senior_face;
			record.junior.principal = junior_face;
			record.status = PoolStatus::Issued;
			Agenda::<T>::insert(Self::agenda_key(record.next_payment, pool), ());
			Self::deposit_event(Event::PoolIssued {
				pool,
				senior_units: record.senior.units,
				senior_unit_face: record.senior.unit_face,
				junior_units: record.junior.units,
				junior_unit_face: record.junior.unit_face,
				pooled,
			});
			Pools::<T>::insert(pool, record);
			Ok(())
		}

		/// Buy `units` of `tranche` from the originator at their face value: the investor pays
		/// `units × unit_face` to the originator through the ledger (a financial-account flow
		/// when it crosses a border) and receives the units. A purchase supervision holds
		/// leaves the units in the pool's account until a supervisor decides.
		///
		/// The dispatch origin must be signed by a verified investor other than the originator;
		/// the pool must be issued and not paying out a payment date.
		///
		/// Emits `UnitsBought` (`PurchaseHeld` when supervision holds it). O(holders).
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::buy().saturating_add(T::Ledger::supervision_weight()))]
		pub fn buy(
			origin: OriginFor<T>,
			pool: PoolId,
			tranche: Tranche,
			units: Amount,
		) -> DispatchResult {
			let investor = ensure_signed(origin)?;
			let record = Self::pool(pool)?;
			ensure!(investor != record.originator, Error::<T>::OriginatorCannotBuy);
			ensure!(record.status == PoolStatus::Issued, Error::<T>::WrongStatus);
			ensure!(!Distributions::<T>::contains_key(pool), Error::<T>::DistributionRunning);
			ensure!(
				!PurchaseInReview::<T>::contains_key(pool, &investor),
				Error::<T>::PurchaseInReview
			);
			ensure!(!units.is_zero(), Error::<T>::NoUnits);
			let unit = Self::unit_id(pool, tranche)?;
			ensure!(
				<T::Units as fungibles::Inspect<_>>::reducible_balance(
					unit,
					&record.originator,
					Preservation::Expendable,
					Fortitude::Polite,
				) >= units,
				Error::<T>::NotEnoughUnits
			);
			let price = units
				.checked_mul(Self::state(&record, tranche).unit_face)
				.ok_or(Error::<T>::Overflow)?;
			Self::add_holder(pool, &investor)?;
			let purpose = Self::purpose(&investor, &record.originator)?;
			match T::Ledger::transfer(
				&investor,
				&record.originator,
				record.currency,
				price,
				purpose,
			)? {
				LedgerOutcome::Executed(reference) => {
					Self::move_units(unit, &record.originator, &investor, units)?;
					Self::deposit_event(Event::UnitsBought {
						pool,
						tranche,
						investor,
						units,
						price,
						reference,
					});
				},
				LedgerOutcome::Held(reference) => {
					Self::move_units(unit, &record.originator, &record.account, units)?;
					PurchaseInReview::<T>::insert(pool, &investor, reference);
					InReview::<T>::insert(
						reference,
						Pending::Purchase {
							pool,
							tranche,
							investor: investor.clone(),
							units,
							price,
							accrued: 0,
						},
					);
					Self::begin_review(pool)?;
					Self::deposit_event(Event::PurchaseHeld {
						pool,
						tranche,
						investor,
						units,
						reference,
					});
				},
			}
			Ok(())
		}

		/// Write off pooled receivable `id`, which the registry reports in default: the loss is
		/// what is outstanding on it now, and reduces the junior principal first, then the
		/// senior.
		///
		/// The dispatch origin must be signed by the originator; the pool must be issued.
		///
		/// Emits `ReceivableWrittenOff`. O(receivables).
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::write_off(T::MaxReceivablesPerPool::get())
			.saturating_add(T::Registry::info_weight()))]
		pub fn write_off(origin: OriginFor<T>, pool: PoolId, id: ReceivableId) -> DispatchResult {
			let (_, mut record) = Self::originators_pool(origin, pool)?;
			ensure!(record.status == PoolStatus::Issued, Error::<T>::WrongStatus);
			let info = T::Registry::info(&id).ok_or(Error::<T>::ReceivableNotFound)?;
			ensure!(info.defaulted, Error::<T>::NotDefaulted);
			let loss = info.outstanding;
			let entry = record
				.receivables
				.iter_mut()
				.find(|p| p.id == id)
				.ok_or(Error::<T>::NotPooled)?;
			ensure!(entry.written_off.is_zero(), Error::<T>::AlreadyWrittenOff);
			ensure!(!loss.is_zero(), Error::<T>::NothingOutstanding);
			entry.written_off = loss;
			let junior_loss = loss.min(record.junior.principal);
			record.junior.principal = record.junior.principal.saturating_sub(junior_loss);
			let senior_loss = loss.saturating_sub(junior_loss).min(record.senior.principal);
			record.senior.principal = record.senior.principal.saturating_sub(senior_loss);
			record.losses = record.losses.checked_add(loss).ok_or(Error::<T>::Overflow)?;
			Self::deposit_event(Event::ReceivableWrittenOff {
				pool,
				receivable: id,
				loss,
				junior_principal: record.junior.principal,
				senior_principal: record.senior.principal,
			});
			Pools::<T>::insert(pool, record);
			Ok(())
		}

		/// Close the pool: it leaves the payment agenda and is never paid again. Allowed once
		/// both principals are zero, every pooled receivable is paid (or left the registry) or
		/// written off, no purchase or payout of the pool is in review, no payment date is being
		/// paid out, nothing is owed to a holder, and the cash is only the rounding dust of the
		/// last payouts (less than one minor unit per holder), which goes to the originator
		/// through the ledger.
		///
		/// The dispatch origin must be signed by the originator; the pool must be issued.
		///
		/// Emits `PoolClosed`. O(receivables), one registry read each.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::close(T::MaxReceivablesPerPool::get())
			.saturating_add(
				T::Registry::info_weight()
					.saturating_mul(u64::from(T::MaxReceivablesPerPool::get()))
			)
			.saturating_add(T::Ledger::transfer_weight()))]
		pub fn close(origin: OriginFor<T>, pool: PoolId) -> DispatchResult {
			let (_, mut record) = Self::originators_pool(origin, pool)?;
			ensure!(record.status == PoolStatus::Issued, Error::<T>::WrongStatus);
			ensure!(!Distributions::<T>::contains_key(pool), Error::<T>::DistributionRunning);
			ensure!(
				record.senior.principal.is_zero() && record.junior.principal.is_zero(),
				Error::<T>::PrincipalOutstanding
			);
			ensure!(Reviews::<T>::get(pool).is_zero(), Error::<T>::TransfersInReview);
			ensure!(record.owed.is_zero(), Error::<T>::MoneyRemaining);
			let dust = Self::cash(&record).ok_or(Error::<T>::Overflow)?;
			let holders = Holders::<T>::decode_len(pool).unwrap_or_default();
			ensure!(
				dust < Amount::try_from(holders).map_err(|_| Error::<T>::Overflow)?,
				Error::<T>::MoneyRemaining
			);
			for pooled in record.receivables.iter().filter(|p| p.written_off.is_zero()) {
				let outstanding =
					T::Registry::info(&pooled.id).map(|info| info.outstanding).unwrap_or_default();
				ensure!(outstanding.is_zero(), Error::<T>::ReceivablesOutstanding);
			}
			if !dust.is_zero() {
				let purpose = Self::purpose(&record.account, &record.originator)?;
				let outcome = T::Ledger::transfer(
					&record.account,
					&record.originator,
					record.currency,
					dust,
					purpose,
				)?;
				// A pool that closes must not wait for a review: the call fails and takes the
				// held transfer back with it.
				ensure!(
					matches!(outcome, LedgerOutcome::Executed(_)),
					Error::<T>::TransfersInReview
				);
				record.paid_out = record.paid_out.checked_add(dust).ok_or(Error::<T>::Overflow)?;
			}
			Agenda::<T>::remove(Self::agenda_key(record.next_payment, pool));
			record.status = PoolStatus::Closed;
			Pools::<T>::insert(pool, record);
			Self::deposit_event(Event::PoolClosed { pool, dust });
			Ok(())
		}
	}

	impl<T: Config> CollectionObserver<T::AccountId> for Pallet<T> {
		/// A payment reached a pool's account: the pool and the pooled receivable count it.
		/// Payments to other accounts, in another currency, on receivables the pool does not
		/// hold or to a closed pool are not the pool's business (the ledger still shows the
		/// money).
		fn collected(
			id: &ReceivableId,
			holder: &T::AccountId,
			currency: CurrencyId,
			amount: Amount,
		) {
			let Some(pool) = PoolAccounts::<T>::get(holder) else { return };
			let Some(mut record) = Pools::<T>::get(pool) else { return };
			if record.status == PoolStatus::Closed {
				log::warn!(target: "runtime::securitisation", "pool {pool}: collection after closing");
				return;
			}
			if record.currency != currency {
				log::warn!(target: "runtime::securitisation", "pool {pool}: collection in another currency");
				return;
			}
			let Some(entry) = record.receivables.iter_mut().find(|p| p.id == *id) else {
				log::warn!(target: "runtime::securitisation", "pool {pool}: collection on a receivable it does not hold");
				return;
			};
			let (Some(on_entry), Some(on_pool)) =
				(entry.collected.checked_add(amount), record.collected.checked_add(amount))
			else {
				log::error!(target: "runtime::securitisation", "pool {pool}: collections overflow");
				return;
			};
			entry.collected = on_entry;
			record.collected = on_pool;
			Pools::<T>::insert(pool, record);
			Self::deposit_event(Event::Collected { pool, receivable: *id, amount });
		}

		fn weight() -> Weight {
			T::WeightInfo::collected(T::MaxReceivablesPerPool::get())
		}
	}

	impl<T: Config> LedgerObserver for Pallet<T> {
		/// A held purchase or payout concluded: a released purchase gives the investor its
		/// units, a returned one gives them back to the originator, and what the waiting units
		/// earned meanwhile is owed to whoever has them now; a returned payout is owed to its
		/// holder (paid at the next payment date), never back in the cash.
		fn concluded(reference: &Reference, executed: bool) {
			let Some(pending) = InReview::<T>::take(reference) else { return };
			match pending {
				Pending::Purchase { pool, tranche, investor, units, price, accrued } => {
					PurchaseInReview::<T>::remove(pool, &investor);
					Self::end_review(pool);
					let Some(mut record) = Pools::<T>::get(pool) else { return };
					let Ok(unit) = Self::unit_id(pool, tranche) else { return };
					let to = if executed { investor.clone() } else { record.originator.clone() };
					// A payment date under way that has not reached the investor has not
					// counted the waiting units; if they go to a holder it has passed, they
					// earn their share of it now.
					let late = Self::unreached_share(pool, &record, &investor, &to, tranche, units);
					record.owed = record.owed.saturating_add(late);
					let accrued = accrued.saturating_add(late);
					if let Err(error) = Self::move_units(unit, &record.account, &to, units) {
						log::error!(target: "runtime::securitisation", "pool {pool}: held units did not move: {error:?}");
					}
					if !accrued.is_zero() {
						// Counted in `record.owed` already: now it is `to`'s.
						Owed::<T>::mutate(pool, &to, |owed| *owed = owed.saturating_add(accrued));
						Self::deposit_event(Event::UnitsShareOwed {
							pool,
							to: to.clone(),
							amount: accrued,
							reference: *reference,
						});
					}
					Pools::<T>::insert(pool, record);
					if executed {
						Self::deposit_event(Event::UnitsBought {
							pool,
							tranche,
							investor,
							units,
							price,
							reference: *reference,
						});
					} else {
						Self::drop_holder_without_units(pool, &investor);
						Self::deposit_event(Event::PurchaseReturned {
							pool,
							investor,
							reference: *reference,
						});
					}
				},
				Pending::Payout { pool, holder, amount } => {
					Self::end_review(pool);
					if executed {
						Self::deposit_event(Event::PayoutReleased {
							pool,
							holder,
							amount,
							reference: *reference,
						});
						return;
					}
					Pools::<T>::mutate(pool, |record| {
						if let Some(record) = record {
							record.returned = record.returned.saturating_add(amount);
							record.owed = record.owed.saturating_add(amount);
						}
					});
					Owed::<T>::mutate(pool, &holder, |owed| *owed = owed.saturating_add(amount));
					Self::deposit_event(Event::PayoutReturned {
						pool,
						holder,
						amount,
						reference: *reference,
					});
				},
			}
		}

		fn weight() -> Weight {
			T::WeightInfo::concluded()
		}
	}

	impl<T: Config> Pallet<T> {
		/// The pool whose account `account` is, if it is one: its originator, whose verified
		/// profile the pool's account carries.
		pub fn originator_of(account: &T::AccountId) -> Option<T::AccountId> {
			let pool = PoolAccounts::<T>::get(account)?;
			Pools::<T>::get(pool).map(|record| record.originator)
		}

		/// The unit asset of `tranche` of pool `pool`: `pool × 2 + tranche index`.
		pub fn unit_id(pool: PoolId, tranche: Tranche) -> Result<UnitId, DispatchError> {
			let index = match tranche {
				Tranche::Senior => 0,
				Tranche::Junior => 1,
			};
			Ok(pool
				.checked_mul(2)
				.and_then(|base| base.checked_add(index))
				.ok_or(Error::<T>::Overflow)?)
		}

		fn ensure_verified(who: &T::AccountId) -> DispatchResult {
			ensure!(T::Kyc::verified_profile(who).is_some(), Error::<T>::NotVerified);
			Ok(())
		}

		fn pool(id: PoolId) -> Result<PoolOf<T>, DispatchError> {
			Ok(Pools::<T>::get(id).ok_or(Error::<T>::PoolNotFound)?)
		}

		/// The pool, if the origin is its originator, verified.
		fn originators_pool(
			origin: OriginFor<T>,
			id: PoolId,
		) -> Result<(T::AccountId, PoolOf<T>), DispatchError> {
			let who = ensure_signed(origin)?;
			let record = Self::pool(id)?;
			ensure!(who == record.originator, Error::<T>::NotOriginator);
			Self::ensure_verified(&who)?;
			Ok((who, record))
		}

		fn state(record: &PoolOf<T>, tranche: Tranche) -> &TrancheState {
			match tranche {
				Tranche::Senior => &record.senior,
				Tranche::Junior => &record.junior,
			}
		}

		/// A tranche's total face: `units × unit_face`.
		fn face(state: &TrancheState) -> Result<Amount, DispatchError> {
			Ok(state.units.checked_mul(state.unit_face).ok_or(Error::<T>::Overflow)?)
		}

		fn agenda_key(at: Moment, pool: PoolId) -> [u8; 16] {
			time_key(at, u64::from(pool))
		}

		/// Purchases and payouts are balance-of-payments financial-account flows when they
		/// cross a border.
		fn purpose(payer: &T::AccountId, payee: &T::AccountId) -> Result<Purpose, DispatchError> {
			let payer = T::Kyc::verified_profile(payer).ok_or(Error::<T>::NotVerified)?;
			let payee = T::Kyc::verified_profile(payee).ok_or(Error::<T>::NotVerified)?;
			Ok(if is_cross_border(&payer, &payee) {
				Purpose::FinancialAccount
			} else {
				Purpose::Domestic
			})
		}

		fn move_units(
			unit: UnitId,
			from: &T::AccountId,
			to: &T::AccountId,
			units: Amount,
		) -> DispatchResult {
			<T::Units as fungibles::Mutate<_>>::transfer(
				unit,
				from,
				to,
				units,
				Preservation::Expendable,
			)?;
			Ok(())
		}

		fn units_of(pool: PoolId, tranche: Tranche, who: &T::AccountId) -> Amount {
			Self::unit_id(pool, tranche)
				.map(|unit| <T::Units as fungibles::Inspect<_>>::balance(unit, who))
				.unwrap_or_default()
		}

		/// Make `who` a holder of pool `pool` if it is not one.
		fn add_holder(pool: PoolId, who: &T::AccountId) -> DispatchResult {
			Holders::<T>::try_mutate(pool, |holders| {
				if !holders.contains(who) {
					holders.try_push(who.clone()).map_err(|_| Error::<T>::TooManyInvestors)?;
				}
				Ok(())
			})
		}

		/// Remove `who` from pool `pool`'s holders if it holds no units and is owed nothing
		/// (never the originator).
		fn drop_holder_without_units(pool: PoolId, who: &T::AccountId) {
			let holds = Tranche::ALL.iter().any(|t| !Self::units_of(pool, *t, who).is_zero());
			if holds || !Owed::<T>::get(pool, who).is_zero() {
				return;
			}
			let Some(index) = Holders::<T>::get(pool).iter().position(|holder| holder == who)
			else {
				return;
			};
			// The originator is first and stays.
			if index == 0 {
				return;
			}
			Holders::<T>::mutate(pool, |holders| holders.retain(|holder| holder != who));
			// A payment date being paid out has passed the holders before its cursor: with one
			// of them gone, the cursor moves back one, or the holder after it would be skipped.
			Distributions::<T>::mutate(pool, |running| {
				if let Some(distribution) = running {
					if u32::try_from(index).is_ok_and(|index| index < distribution.cursor) {
						distribution.cursor = distribution.cursor.saturating_sub(1);
					}
				}
			});
		}

		/// A purchase or payout of pool `pool` is now in review.
		fn begin_review(pool: PoolId) -> DispatchResult {
			Reviews::<T>::try_mutate(pool, |count| {
				*count = count.checked_add(1).ok_or(Error::<T>::Overflow)?;
				Ok(())
			})
		}

		/// A purchase or payout of pool `pool` is no longer in review.
		fn end_review(pool: PoolId) {
			Reviews::<T>::mutate_exists(pool, |count| {
				*count = count.and_then(|n| n.checked_sub(1)).filter(|n| !n.is_zero());
			});
		}

		/// What pool `record` holds for its holders: collected + returned − paid out (the
		/// cash and what is owed).
		pub fn held(record: &PoolOf<T>) -> Option<Amount> {
			record.collected.checked_add(record.returned)?.checked_sub(record.paid_out)
		}

		/// What the next payment date's waterfall shares: what the pool holds for its holders
		/// but what it owes particular holders.
		pub fn cash(record: &PoolOf<T>) -> Option<Amount> {
			Self::held(record)?.checked_sub(record.owed)
		}

		/// The waterfall of `cash` on `record`'s tranches; reduces the principals.
		pub fn waterfall(record: &mut PoolOf<T>, cash: Amount) -> Distribution {
			let interest_due = multiply_by_rational_with_rounding(
				record.senior.principal,
				u128::from(record.senior.rate_bps),
				BPS,
				Rounding::Down,
			)
			.unwrap_or_default();
			let senior_interest = interest_due.min(cash);
			let rest = cash.saturating_sub(senior_interest);
			let senior_principal = record.senior.principal.min(rest);
			let rest = rest.saturating_sub(senior_principal);
			let junior_principal = record.junior.principal.min(rest);
			let junior_residual = rest.saturating_sub(junior_principal);
			record.senior.principal = record.senior.principal.saturating_sub(senior_principal);
			record.junior.principal = record.junior.principal.saturating_sub(junior_principal);
			Distribution {
				senior_interest,
				senior_principal,
				junior_principal,
				junior_residual,
				cursor: 0,
			}
		}

		/// One block's payouts: finish the payment date being paid out, then start the next
		/// due ones, paying at most `limit` holders. Returns how many payment dates started
		/// and how many holders were paid (or tried).
		pub(crate) fn distribute(limit: u32) -> (u32, u32) {
			let now = T::Time::now();
			let (mut started, mut paid) = (0u32, 0u32);
			while paid < limit && started <= limit {
				if let Some((pool, distribution)) = Distributions::<T>::iter().next() {
					let visited = Self::pay_holders(pool, distribution, limit.saturating_sub(paid));
					paid = paid.saturating_add(visited);
					continue;
				}
				let Some(key) = Agenda::<T>::iter_keys().next() else { break };
				let (at, pool) = split_time_key(&key);
				if at > now {
					break;
				}
				Agenda::<T>::remove(key);
				started = started.saturating_add(1);
				if let Ok(pool) = PoolId::try_from(pool) {
					Self::start_distribution(pool);
				}
			}
			(started, paid)
		}

		/// Pool `pool`'s payment date came: compute the waterfall on its cash and start paying
		/// (or settle at once when there is no cash and nothing is owed).
		pub(crate) fn start_distribution(pool: PoolId) {
			let Some(mut record) = Pools::<T>::get(pool) else { return };
			if record.status != PoolStatus::Issued {
				return;
			}
			let cash = Self::cash(&record).unwrap_or_else(|| {
				log::error!(target: "runtime::securitisation", "pool {pool}: paid out more than it had");
				0
			});
			let distribution = Self::waterfall(&mut record, cash);
			// Money owed to holders is paid when their turn comes, even on a date without cash.
			let owed = record.owed;
			Pools::<T>::insert(pool, record);
			if cash.is_zero() && owed.is_zero() {
				Self::settle(pool, distribution);
			} else {
				Distributions::<T>::insert(pool, distribution);
			}
		}

		/// Pay at most `budget` of pool `pool`'s holders from `distribution`'s cursor; settle
		/// the payment date when the last is paid. Returns how many holders were visited.
		fn pay_holders(pool: PoolId, mut distribution: Distribution, budget: u32) -> u32 {
			let holders = Holders::<T>::get(pool);
			let Some(record) = Pools::<T>::get(pool) else {
				Distributions::<T>::remove(pool);
				return 0;
			};
			let mut record = record;
			let mut visited = 0u32;
			let start = usize::try_from(distribution.cursor).unwrap_or(usize::MAX);
			let take = usize::try_from(budget).unwrap_or(usize::MAX);
			for holder in holders.iter().skip(start).take(take) {
				Self::accrue_waiting_units(pool, &mut record, &distribution, holder);
				Self::pay_holder(pool, &mut record, &distribution, holder);
				visited = visited.saturating_add(1);
			}
			distribution.cursor = distribution.cursor.saturating_add(visited);
			Pools::<T>::insert(pool, record);
			if usize::try_from(distribution.cursor).unwrap_or(usize::MAX) >= holders.len() {
				Distributions::<T>::remove(pool);
				Self::settle(pool, distribution);
			} else {
				Distributions::<T>::insert(pool, distribution);
			}
			visited
		}

		/// `units` of `tranche`'s share of `distribution`: `⌊tranche amount × units / tranche
		/// units⌋`.
		fn units_share(
			record: &PoolOf<T>,
			distribution: &Distribution,
			tranche: Tranche,
			units: Amount,
		) -> Amount {
			let (amount, total) = match tranche {
				Tranche::Senior => (
					distribution.senior_interest.saturating_add(distribution.senior_principal),
					record.senior.units,
				),
				Tranche::Junior => (
					distribution.junior_principal.saturating_add(distribution.junior_residual),
					record.junior.units,
				),
			};
			multiply_by_rational_with_rounding(amount, units, total, Rounding::Down)
				.unwrap_or_default()
		}

		/// `holder`'s share of `distribution`: of each tranche's amount, its share of the units.
		pub fn share(
			pool: PoolId,
			record: &PoolOf<T>,
			distribution: &Distribution,
			holder: &T::AccountId,
		) -> Amount {
			Tranche::ALL.iter().fold(0, |sum: Amount, tranche| {
				let units = Self::units_of(pool, *tranche, holder);
				sum.saturating_add(Self::units_share(record, distribution, *tranche, units))
			})
		}

		/// If `holder` has a purchase in review, its units wait in the pool's account: their
		/// share of `distribution` is kept with the purchase (and counted as owed) until the
		/// conclusion says whose it is.
		fn accrue_waiting_units(
			pool: PoolId,
			record: &mut PoolOf<T>,
			distribution: &Distribution,
			holder: &T::AccountId,
		) {
			let Some(reference) = PurchaseInReview::<T>::get(pool, holder) else { return };
			InReview::<T>::mutate(reference, |pending| {
				if let Some(Pending::Purchase { tranche, units, accrued, .. }) = pending {
					let share = Self::units_share(record, distribution, *tranche, *units);
					*accrued = accrued.saturating_add(share);
					record.owed = record.owed.saturating_add(share);
				}
			});
		}

		/// The share of the payment date under way that `units` of `tranche`, waiting for
		/// `investor`'s purchase in review, have not been counted for and will not be if they
		/// now go to `to`: the payout run has not reached the investor (whose turn counts
		/// them) but has passed `to` (whose turn would). Zero when no date is under way.
		fn unreached_share(
			pool: PoolId,
			record: &PoolOf<T>,
			investor: &T::AccountId,
			to: &T::AccountId,
			tranche: Tranche,
			units: Amount,
		) -> Amount {
			let Some(distribution) = Distributions::<T>::get(pool) else { return 0 };
			let holders = Holders::<T>::get(pool);
			let cursor = usize::try_from(distribution.cursor).unwrap_or(usize::MAX);
			let reached = |who: &T::AccountId| {
				holders.iter().position(|holder| holder == who).is_some_and(|i| i < cursor)
			};
			if reached(investor) || !reached(to) {
				return 0;
			}
			Self::units_share(record, &distribution, tranche, units)
		}

		/// Pay `holder` its share of `distribution` and what it is owed from `record`'s
		/// account; if the ledger refuses, the whole is owed to it.
		fn pay_holder(
			pool: PoolId,
			record: &mut PoolOf<T>,
			distribution: &Distribution,
			holder: &T::AccountId,
		) {
			let share = Self::share(pool, record, distribution, holder);
			let owed = Owed::<T>::get(pool, holder);
			let amount = share.saturating_add(owed);
			if amount.is_zero() {
				return;
			}
			let attempt = frame_support::storage::with_storage_layer(|| {
				let purpose = Self::purpose(&record.account, holder)?;
				T::Ledger::transfer(&record.account, holder, record.currency, amount, purpose)
			});
			match attempt {
				Ok(LedgerOutcome::Executed(reference)) => {
					Self::deposit_event(Event::PaidOut {
						pool,
						holder: holder.clone(),
						amount,
						reference,
					});
				},
				Ok(LedgerOutcome::Held(reference)) => {
					InReview::<T>::insert(
						reference,
						Pending::Payout { pool, holder: holder.clone(), amount },
					);
					if Self::begin_review(pool).is_err() {
						log::error!(target: "runtime::securitisation", "pool {pool}: too many reviews to count");
					}
					Self::deposit_event(Event::PayoutHeld {
						pool,
						holder: holder.clone(),
						amount,
						reference,
					});
				},
				Err(error) => {
					// The share is owed to the holder now, with what it was owed before.
					Owed::<T>::insert(pool, holder, amount);
					record.owed = record.owed.saturating_add(share);
					Self::deposit_event(Event::PayoutFailed {
						pool,
						holder: holder.clone(),
						amount,
						error,
					});
					return;
				},
			}
			// Executed or held: paid, unless a held payout comes back.
			record.paid_out = record.paid_out.saturating_add(amount);
			if !owed.is_zero() {
				Owed::<T>::remove(pool, holder);
				record.owed = record.owed.saturating_sub(owed);
			}
		}

		/// The payment date of pool `pool` is paid: the next one is a payment interval later.
		fn settle(pool: PoolId, distribution: Distribution) {
			let Some(mut record) = Pools::<T>::get(pool) else { return };
			record.next_payment = record.next_payment.saturating_add(record.payment_interval);
			Agenda::<T>::insert(Self::agenda_key(record.next_payment, pool), ());
			let next_payment = record.next_payment;
			Pools::<T>::insert(pool, record);
			Self::deposit_event(Event::PaymentDateSettled {
				pool,
				senior_interest: distribution.senior_interest,
				senior_principal: distribution.senior_principal,
				junior_principal: distribution.junior_principal,
				junior_residual: distribution.junior_residual,
				next_payment,
			});
		}

		/// Pool `id` with its receivables, tranches, holders and cash now
		/// (`SecuritisationApi::pool`).
		pub fn pool_view(id: PoolId) -> Option<PoolView<T::AccountId>> {
			let record = Pools::<T>::get(id)?;
			let tranche = |tranche: Tranche, state: TrancheState| {
				let unit_id = Self::unit_id(id, tranche).unwrap_or_default();
				let supply = if record.status == PoolStatus::Open {
					0
				} else {
					<T::Units as fungibles::Inspect<_>>::total_issuance(unit_id)
				};
				TrancheView { unit_id, state, supply }
			};
			let senior = tranche(Tranche::Senior, record.senior);
			let junior = tranche(Tranche::Junior, record.junior);
			let receivables =
				record.receivables.iter().map(|p| (*p, T::Registry::info(&p.id))).collect();
			let holders = Holders::<T>::get(id)
				.into_iter()
				.map(|account| HolderView {
					senior_units: Self::units_of(id, Tranche::Senior, &account),
					junior_units: Self::units_of(id, Tranche::Junior, &account),
					owed: Owed::<T>::get(id, &account),
					account,
				})
				.collect();
			let cash = Self::cash(&record).unwrap_or_default();
			let pool = Pool {
				originator: record.originator,
				account: record.account,
				currency: record.currency,
				status: record.status,
				receivables: record.receivables.into_inner(),
				senior: record.senior,
				junior: record.junior,
				payment_interval: record.payment_interval,
				next_payment: record.next_payment,
				collected: record.collected,
				paid_out: record.paid_out,
				returned: record.returned,
				losses: record.losses,
				owed: record.owed,
			};
			Some(PoolView {
				id,
				pool,
				receivables,
				senior,
				junior,
				holders,
				cash,
				distribution: Distributions::<T>::get(id),
			})
		}

		/// Every pool's number (`SecuritisationApi::pools`). For the runtime API only: it reads
		/// one storage key per pool ever created, so no call or hook may use it.
		pub fn pool_ids() -> Vec<PoolId> {
			Pools::<T>::iter_keys().collect()
		}

		/// The pallet's invariants, per pool:
		/// - what it holds for its holders (collected + returned − paid out) is without
		///   underflow, covers what it owes (so cash + owed = collected + returned − paid out),
		///   and the pool account's ledger balance is at least that;
		/// - what it owes is the sum of its holders' `Owed` entries and of what its purchases in
		///   review have accrued; only holders are owed;
		/// - the pooled receivables' collections add up to the pool's, their write-offs to its
		///   losses;
		/// - no principal above its tranche's face; an open pool has none and no units; an
		///   issued pool's unit supply per tranche is its units;
		/// - the holders start with the originator and have units, a purchase in review, or
		///   money owed;
		/// - an issued pool is either on the agenda at its next payment date or being paid
		///   out, and at most one payment date is paid out at a time; a closed pool is neither,
		///   holds nothing and has no principal;
		/// - the count of reviews per pool matches the reviews; the pool account maps back to
		///   the pool, and every review names a pool.
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			let mut reviews = alloc::collections::BTreeMap::<PoolId, u32>::new();
			for (_, pending) in InReview::<T>::iter() {
				let pool = match pending {
					Pending::Purchase { pool, .. } | Pending::Payout { pool, .. } => pool,
				};
				ensure!(Pools::<T>::contains_key(pool), "a review names no pool");
				let count = reviews.entry(pool).or_default();
				*count = count.saturating_add(1);
			}
			for (pool, count) in Reviews::<T>::iter() {
				ensure!(reviews.get(&pool) == Some(&count), "a pool's review count is wrong");
			}
			ensure!(reviews.keys().all(Reviews::<T>::contains_key), "a review is not counted");
			let mut agenda = 0usize;
			for (id, record) in Pools::<T>::iter() {
				let held = Self::held(&record).ok_or("a pool paid out more than it had")?;
				Self::cash(&record).ok_or("a pool owes more than it holds")?;
				ensure!(
					T::Ledger::balance(&record.account, record.currency) >= held,
					"a pool's account holds less than it holds for its holders"
				);
				let holders = Holders::<T>::get(id);
				let mut owed = 0u128;
				for (holder, amount) in Owed::<T>::iter_prefix(id) {
					ensure!(!amount.is_zero(), "an empty debt is stored");
					ensure!(holders.contains(&holder), "a debt to someone who is not a holder");
					owed = owed.checked_add(amount).ok_or("debts overflow")?;
				}
				for (_, reference) in PurchaseInReview::<T>::iter_prefix(id) {
					if let Some(Pending::Purchase { accrued, .. }) = InReview::<T>::get(reference) {
						owed = owed.checked_add(accrued).ok_or("debts overflow")?;
					}
				}
				ensure!(owed == record.owed, "what a pool owes does not add up");
				let collected =
					record.receivables.iter().try_fold(0u128, |s, p| s.checked_add(p.collected));
				ensure!(collected == Some(record.collected), "collections do not add up");
				let losses =
					record.receivables.iter().try_fold(0u128, |s, p| s.checked_add(p.written_off));
				ensure!(losses == Some(record.losses), "losses do not add up");
				ensure!(
					PoolAccounts::<T>::get(&record.account) == Some(id),
					"a pool's account does not map back to it"
				);
				for tranche in Tranche::ALL {
					let state = Self::state(&record, tranche);
					ensure!(
						state.principal <= Self::face(state).map_err(|_| "face overflows")?,
						"a principal exceeds its tranche's face"
					);
					let unit = Self::unit_id(id, tranche).map_err(|_| "no unit id")?;
					let supply = <T::Units as fungibles::Inspect<_>>::total_issuance(unit);
					match record.status {
						PoolStatus::Open => ensure!(
							supply.is_zero() && state.principal.is_zero(),
							"an open pool has units or principal"
						),
						_ => ensure!(supply == state.units, "unit supply differs from units"),
					}
				}
				ensure!(holders.first() == Some(&record.originator), "the originator is not first");
				for holder in holders.iter().skip(1) {
					let holds =
						Tranche::ALL.iter().any(|t| !Self::units_of(id, *t, holder).is_zero());
					ensure!(
						holds
							|| PurchaseInReview::<T>::contains_key(id, holder)
							|| Owed::<T>::contains_key(id, holder),
						"a holder holds no units"
					);
				}
				let on_agenda =
					Agenda::<T>::contains_key(Self::agenda_key(record.next_payment, id));
				let running = Distributions::<T>::get(id);
				match record.status {
					PoolStatus::Issued => {
						ensure!(on_agenda != running.is_some(), "a pool is neither due nor paying");
						// At the end of the holders only when the last holder, not paid yet,
						// left (a returned purchase): the next block settles the date.
						if let Some(d) = running {
							ensure!(
								usize::try_from(d.cursor).unwrap_or(usize::MAX) <= holders.len(),
								"a distribution ran past its holders"
							);
						}
						agenda = agenda.saturating_add(usize::from(on_agenda));
					},
					PoolStatus::Closed => {
						ensure!(!on_agenda && running.is_none(), "a closed pool is still paid");
						ensure!(
							held.is_zero()
								&& record.senior.principal.is_zero()
								&& record.junior.principal.is_zero()
								&& !reviews.contains_key(&id),
							"a closed pool holds money, principal or reviews"
						);
					},
					PoolStatus::Open => {},
				}
			}
			ensure!(Agenda::<T>::iter_keys().count() == agenda, "the agenda names a stray pool");
			ensure!(Distributions::<T>::iter_keys().count() <= 1, "two payment dates run at once");
			for (pool, investor, reference) in PurchaseInReview::<T>::iter() {
				ensure!(
					matches!(InReview::<T>::get(reference),
						Some(Pending::Purchase { pool: p, investor: i, .. }) if p == pool && i == investor),
					"a purchase in review is not recorded"
				);
			}
			Ok(())
		}
	}
}
