//! # Forex pallet: bank-issued currencies, supervised payments, FX settled payment-versus-payment
//!
//! What users come to fxchain for: hold several currencies, deposit and withdraw through their
//! bank, pay at home and across borders, and exchange one currency for another with no
//! settlement risk. Every movement of a currency unit on the chain goes through this pallet, and
//! every one is proposed to supervision ([`Config::CapitalFlowCheck`]) before a balance changes.
//!
//! ## Terminology
//!
//! - **Currency**: an ISO 4217 currency, registered by governance. Its ledger is a
//!   `pallet-assets` asset whose id is the numeric code (840 USD), with the alphabetic code and
//!   decimals as metadata, so Polkadot.js Apps shows balances on its Assets page. The assets
//!   pallet's own calls are not in the runtime: this pallet is the only way money moves.
//! - **Issuer**: a bank with an active `Issuer` licence that governance names for a currency. It
//!   mints balances when fiat arrives (a deposit) and burns them when it pays fiat out (a
//!   withdrawal). Nobody else creates or destroys money.
//! - **Record**: every deposit, withdrawal, payment, conversion and trade gets an end-to-end
//!   [`Reference`] and a record of its legs, what supervision said and its [`PaymentStatus`].
//! - **Decision**: supervision's answer for every leg: allow, allow and report, hold for review,
//!   or deny, with every reason. A denial is recorded too (status `Denied`, nothing moves), so
//!   the payer learns every reason from the `Denied` event and the regulator sees the attempt.
//! - **Reservation**: funds set aside in the pallet's escrow account (a held payment, a pending
//!   withdrawal, an open trade offer), booked to their owner. Per currency the escrow balance
//!   always equals the sum of reservations, and the issuance always equals what issuers minted
//!   less what they burnt.
//! - **Cross-border**: decided from the parties' residency and jurisdiction in their KYC
//!   credentials ([`fxchain_primitives::forex::is_cross_border`]), never from the payer's word.
//!
//! ## History
//!
//! Records stay on chain for the last [`Config::RetainedRecords`] operations (and as long as
//! they are open), so storage is bounded whatever the traffic. The full history of every account
//! is written to the node's off-chain index during block import (entry by entry, each keyed by
//! the hash of its content and linked to the one before, so entries of losing forks are never
//! reachable) and served, newest first and paged, by the node's `fxchain_history` RPC; see
//! `docs/decisions/0009-payment-history-off-chain-index.md`.
//!
//! ## Interface
//!
//! ### Verified accounts (signed)
//! - [`pay`](Pallet::pay): pay another verified account.
//! - [`request_withdrawal`](Pallet::request_withdrawal): ask an issuer to pay out fiat.
//! - [`exchange`](Pallet::exchange): buy a currency at a market maker's quote.
//!
//! ### Institutions (signed, licensed)
//! - Issuers: [`deposit`](Pallet::deposit), [`complete_withdrawal`](Pallet::complete_withdrawal),
//!   [`decline_withdrawal`](Pallet::decline_withdrawal).
//! - Market makers: [`post_quote`](Pallet::post_quote), [`withdraw_quote`](Pallet::withdraw_quote).
//! - Institutions: [`propose_trade`](Pallet::propose_trade), [`accept_trade`](Pallet::accept_trade),
//!   [`decline_trade`](Pallet::decline_trade), [`cancel_trade`](Pallet::cancel_trade).
//!
//! ### Supervisors (`SupervisorOrigin`)
//! - [`release`](Pallet::release) or [`reject`](Pallet::reject) a held operation.
//!
//! ### Governance (`GovernanceOrigin`)
//! - [`register_currency`](Pallet::register_currency), [`add_issuer`](Pallet::add_issuer),
//!   [`remove_issuer`](Pallet::remove_issuer).
//!
//! ### Other pallets and clients
//! - [`ForexLedger`] is implemented by [`Pallet`]: other pallets move money only through it, under
//!   the same supervision as a user's payment.
//! - The runtime's `ForexApi` is served by the pallet's query functions.

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

pub use fxchain_primitives::forex::{
	Amount, CapitalFlowCheck, CurrencyId, CurrencyInfo, Decision, Documents, ForexLedger,
	HistoryEntry, HistoryHead, Holding, LedgerObserver, LedgerOutcome, Movement, MovementKind,
	PaymentStatus, Purpose, Reason, Reasons, Reference, TravelRule,
};
pub use pallet::*;
pub use types::{Leg, Quote, Record, Trade};
pub use weights::WeightInfo;

/// The most of one currency that may exist: half the balance range. pallet-assets credits the
/// payee of a transfer only if the currency's supply plus the amount still fits in a `u128`
/// (it checks a mint's bound on every credit), and the fungibles transfer debits the payer
/// before it credits the payee, ignoring a failed credit. With the supply capped here, no
/// transfer of existing funds can reach that bound, so no transfer loses its amount.
pub const MAX_ISSUANCE: fxchain_primitives::forex::Amount = u128::MAX / 2;

/// What the benchmarks need from the identity layer, which this pallet only reads.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Give `who` a live credential with `profile`.
	fn verify(who: &AccountId, profile: fxchain_primitives::kyc::KycProfile);
	/// Give `who` an active licence for `role`.
	fn license(who: &AccountId, role: fxchain_primitives::kyc::Role);
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungibles::{self, metadata::Mutate as MetadataMutate, Create, Inspect, Mutate},
			tokens::{Fortitude, Precision, Preservation},
			Time,
		},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use fxchain_primitives::{
		forex::{history_key, is_cross_border},
		kyc::{EntityType, KycProfile, KycProvider, LicenceProvider, Role},
		Moment,
	};
	use sp_core::H256;
	use sp_runtime::{
		traits::{AccountIdConversion, Saturating, Zero},
		FixedPointNumber, FixedU128,
	};

	/// Storage layout version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The currency ledgers: one fungible asset per currency, id = ISO 4217 numeric code.
		type Assets: fungibles::Inspect<Self::AccountId, AssetId = CurrencyId, Balance = Amount>
			+ fungibles::Mutate<Self::AccountId>
			+ fungibles::Create<Self::AccountId>
			+ fungibles::metadata::Mutate<Self::AccountId>;

		/// Real-name verification: who may hold and move currency, and where they reside.
		type Kyc: KycProvider<Self::AccountId>;

		/// Institution licences (issuers, market makers).
		type Licences: LicenceProvider<Self::AccountId>;

		/// Capital-flow supervision, asked before any balance changes.
		type CapitalFlowCheck: CapitalFlowCheck<Self::AccountId>;

		/// The pallets that move money through [`ForexLedger`], told when a transfer of theirs
		/// that supervision held concludes.
		type LedgerObserver: LedgerObserver;

		/// Chain time, for records, quotes and trade expiries.
		type Time: Time<Moment = Moment>;

		/// Registers currencies and names their issuers.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Releases or rejects held operations.
		type SupervisorOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Derives the escrow account that holds reservations and administers the assets.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// The most currencies the chain may register.
		#[pallet::constant]
		type MaxCurrencies: Get<u32>;

		/// How many of the latest records stay on chain (open ones stay until they close).
		#[pallet::constant]
		type RetainedRecords: Get<u64>;

		/// The most open quotes, and the most open trade offers, one account may have.
		#[pallet::constant]
		type MaxOpenOffers: Get<u32>;

		/// The longest a quote or trade offer may stay open, in milliseconds.
		#[pallet::constant]
		type MaxOfferLifetime: Get<Moment>;

		/// The most held operations whose review period ran out that one block returns.
		#[pallet::constant]
		type MaxExpiriesPerBlock: Get<u32>;

		/// Weights of the calls, from the benchmarks.
		type WeightInfo: WeightInfo;

		/// Sets up the credentials and licences the benchmarks need.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Registered currencies by ISO 4217 numeric code.
	#[pallet::storage]
	pub type Currencies<T: Config> =
		CountedStorageMap<_, Twox64Concat, CurrencyId, CurrencyInfo, OptionQuery>;

	/// Issuers named per currency. Keys are set by governance.
	#[pallet::storage]
	pub type Issuers<T: Config> =
		StorageDoubleMap<_, Twox64Concat, CurrencyId, Blake2_128Concat, T::AccountId, ()>;

	/// Per currency, what issuers minted less what they burnt: always the asset's issuance.
	#[pallet::storage]
	pub type Issued<T: Config> = StorageMap<_, Twox64Concat, CurrencyId, Amount, ValueQuery>;

	/// Per currency, the sum of reservations: always the escrow account's balance.
	#[pallet::storage]
	pub type Escrowed<T: Config> = StorageMap<_, Twox64Concat, CurrencyId, Amount, ValueQuery>;

	/// Per account and currency, what other pallets reserved through
	/// [`ForexLedger::reserve`] (a part of `Reserved`).
	#[pallet::storage]
	pub type LedgerReserved<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		CurrencyId,
		Amount,
		ValueQuery,
	>;

	/// Per account and currency, what is reserved for it in escrow.
	#[pallet::storage]
	pub type Reserved<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		CurrencyId,
		Amount,
		ValueQuery,
	>;

	/// The retained records by reference. `Identity` hashing: the key is a Blake2 hash the
	/// pallet derives, nobody chooses it.
	#[pallet::storage]
	pub type Records<T: Config> =
		StorageMap<_, Identity, Reference, Record<T::AccountId>, OptionQuery>;

	/// The retained records in order, for dropping the oldest.
	#[pallet::storage]
	pub type RecordOrder<T: Config> = StorageMap<_, Twox64Concat, u64, Reference, OptionQuery>;

	/// The sequence number of the next record.
	#[pallet::storage]
	pub type NextSeq<T: Config> = StorageValue<_, u64, ValueQuery>;

	/// Where each account's history in the off-chain index starts.
	#[pallet::storage]
	pub type Histories<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, HistoryHead, ValueQuery>;

	/// Open quotes by id.
	#[pallet::storage]
	pub type Quotes<T: Config> = StorageMap<_, Twox64Concat, u64, Quote<T::AccountId>>;

	/// Open trade offers by id.
	#[pallet::storage]
	pub type Trades<T: Config> = StorageMap<_, Twox64Concat, u64, Trade<T::AccountId>>;

	/// The id of the next quote or trade offer.
	#[pallet::storage]
	pub type NextOfferId<T: Config> = StorageValue<_, u64, ValueQuery>;

	/// Held operations in the order they were held, with the moment their review period ends:
	/// the queue the pallet returns expired holds from, a few per block.
	#[pallet::storage]
	pub type HoldQueue<T: Config> = StorageMap<_, Twox64Concat, u64, (Reference, Moment)>;

	/// The hold queue's first entry and the number of its next one.
	#[pallet::storage]
	pub type HoldQueueBounds<T: Config> = StorageValue<_, (u64, u64), ValueQuery>;

	/// How many quotes and trade offers each account has open.
	#[pallet::storage]
	pub type OpenOffers<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// Governance registered a currency and created its ledger.
		CurrencyRegistered { currency: CurrencyId, code: [u8; 3], decimals: u8 },
		/// Governance named an issuer for a currency.
		IssuerAdded { currency: CurrencyId, issuer: T::AccountId },
		/// Governance withdrew an issuer's naming for a currency.
		IssuerRemoved { currency: CurrencyId, issuer: T::AccountId },
		/// An issuer credited an account against fiat it received.
		Deposited {
			reference: Reference,
			issuer: T::AccountId,
			to: T::AccountId,
			currency: CurrencyId,
			amount: Amount,
			bank_reference: H256,
			status: PaymentStatus,
		},
		/// A holder asked its issuer to pay out fiat; the funds are reserved.
		WithdrawalRequested {
			reference: Reference,
			who: T::AccountId,
			issuer: T::AccountId,
			currency: CurrencyId,
			amount: Amount,
			status: PaymentStatus,
		},
		/// The issuer paid the fiat out and burnt the balance.
		WithdrawalCompleted { reference: Reference, issuer: T::AccountId, bank_reference: H256 },
		/// The issuer declined the withdrawal; the funds are back with the holder.
		WithdrawalDeclined { reference: Reference, issuer: T::AccountId },
		/// A payment from one verified account to another.
		Paid {
			reference: Reference,
			from: T::AccountId,
			to: T::AccountId,
			currency: CurrencyId,
			amount: Amount,
			purpose: Purpose,
			cross_border: bool,
			status: PaymentStatus,
		},
		/// A customer bought `received` for `paid` at a market maker's quote.
		Exchanged {
			reference: Reference,
			quote: u64,
			customer: T::AccountId,
			maker: T::AccountId,
			received: (CurrencyId, Amount),
			paid: (CurrencyId, Amount),
			status: PaymentStatus,
		},
		/// Both legs of an institution trade were proposed to supervision.
		TradeSettled {
			reference: Reference,
			trade: u64,
			proposer: T::AccountId,
			counterparty: T::AccountId,
			status: PaymentStatus,
		},
		/// Supervision recorded reports about an executed operation.
		Reported { reference: Reference, reasons: Reasons },
		/// Supervision held an operation for review; its funds are reserved.
		Held { reference: Reference, reasons: Reasons },
		/// Supervision denied an operation; nothing moved.
		Denied { reference: Reference, reasons: Reasons },
		/// A supervisor released a held operation: it executed (a withdrawal goes to its issuer).
		HoldReleased { reference: Reference },
		/// A supervisor rejected a held operation; the funds went back.
		HoldRejected { reference: Reference },
		/// No supervisor decided on a held operation within the review period; the funds went
		/// back.
		HoldExpired { reference: Reference },
		/// A market maker posted a quote.
		QuotePosted {
			quote: u64,
			maker: T::AccountId,
			offer: CurrencyId,
			ask: CurrencyId,
			rate: FixedU128,
			amount: Amount,
			expires_at: Moment,
		},
		/// A quote closed: its maker withdrew it, someone removed it after it expired, or a
		/// conversion took all that was left.
		QuoteWithdrawn { quote: u64 },
		/// An institution offered a trade to another; its leg is reserved.
		TradeProposed {
			trade: u64,
			proposer: T::AccountId,
			counterparty: T::AccountId,
			give: (CurrencyId, Amount),
			take: (CurrencyId, Amount),
			expires_at: Moment,
		},
		/// The counterparty declined the trade; the reservation went back.
		TradeDeclined { trade: u64 },
		/// The proposer cancelled the trade, or it expired; the reservation went back.
		TradeCancelled { trade: u64 },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No currency with this ISO 4217 numeric code is registered: check the code.
		CurrencyNotFound,
		/// The currency is registered already.
		AlreadyExists,
		/// The alphabetic code must be three upper-case letters and decimals at most 18.
		InvalidCurrency,
		/// The chain holds the most currencies it may; governance must raise the limit.
		TooManyCurrencies,
		/// The account needs an active `Issuer` licence from governance first.
		NotLicensed,
		/// Only an issuer that governance named for this currency, with an active licence and a
		/// live credential, may do this.
		NotIssuer,
		/// The account (yours or the one you named) has no live KYC credential: it must be
		/// verified by a licensed registrar, or renewed, before it holds or moves currency.
		NotVerified,
		/// Amounts must be above zero.
		ZeroAmount,
		/// The balance does not cover the amount: deposit or receive funds first.
		InsufficientBalance,
		/// A payment goes to another account.
		SelfPayment,
		/// A cross-border payment needs a balance-of-payments purpose, not `Domestic`.
		PurposeRequired,
		/// No retained record has this reference: check it, or look it up in the history RPC.
		PaymentNotFound,
		/// Only a held operation can be released, and only a held operation or a pending
		/// withdrawal rejected.
		NotHeld,
		/// Only a withdrawal waiting for its issuer can be completed or declined.
		NotPending,
		/// The quote does not exist (any more): ask the market maker for a fresh one.
		QuoteNotFound,
		/// The quote has expired: ask the market maker for a fresh one.
		QuoteExpired,
		/// The quote sells less than asked: take at most its remaining amount.
		QuoteExhausted,
		/// The account needs an active `MarketMaker` licence and a live credential.
		NotMarketMaker,
		/// A quote or trade exchanges two different currencies.
		SameCurrency,
		/// The rate must be above zero.
		InvalidRate,
		/// The expiry must lie in the future and within the longest offer lifetime.
		InvalidExpiry,
		/// The price at the quote exceeds your limit: the rate changed, check it again.
		PriceAboveLimit,
		/// The amount is too small to cost anything at this rate: buy more.
		AmountTooSmall,
		/// The account has the most open quotes and trade offers it may: close some first.
		TooManyOffers,
		/// No open trade has this id.
		TradeNotFound,
		/// Both sides of a trade must be verified institutions.
		NotInstitution,
		/// Only the counterparty named in the trade may accept or decline it.
		NotCounterparty,
		/// Only the proposer may cancel a trade before it expires.
		NotProposer,
		/// Only its maker may withdraw a quote before it expires.
		NotExpired,
		/// The trade offer has expired: it can only be cancelled.
		TradeExpired,
		/// Supervision denied the movement (a `ForexLedger` transfer): the calling pallet's call
		/// fails whole; supervision's reports say why.
		Denied,
		/// Less is reserved through `ForexLedger::reserve` than the calling pallet gives back
		/// (please report it: the pallet's books disagree with the ledger's).
		InsufficientReserve,
		/// An amount or counter overflowed, a currency's issuance would pass `MAX_ISSUANCE`, or
		/// the books disagree (please report it).
		Overflow,
	}

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Currencies: numeric code, alphabetic code, decimals.
		pub currencies: Vec<(CurrencyId, [u8; 3], u8)>,
		/// Issuers named per currency (they need their licence from the KYC genesis).
		pub issuers: Vec<(CurrencyId, T::AccountId)>,
		/// Opening balances, minted as if the issuer had received the fiat: (currency, account,
		/// amount).
		pub balances: Vec<(CurrencyId, T::AccountId, Amount)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (currency, code, decimals) in &self.currencies {
				Pallet::<T>::create_currency(*currency, *code, *decimals)
					.expect("genesis currencies are valid and distinct");
			}
			for (currency, issuer) in &self.issuers {
				assert!(Currencies::<T>::contains_key(currency), "issuer of an unknown currency");
				Issuers::<T>::insert(currency, issuer, ());
			}
			for (currency, who, amount) in &self.balances {
				T::Assets::mint_into(*currency, who, *amount).expect("genesis balances mint");
				Issued::<T>::mutate(currency, |issued| issued.saturating_accrue(*amount));
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxCurrencies::get() > 0, "the chain must hold at least one currency");
			assert!(T::RetainedRecords::get() > 0, "at least the latest record stays on chain");
			assert!(T::MaxOfferLifetime::get() > 0, "offers must be able to stay open");
			assert!(T::MaxExpiriesPerBlock::get() > 0, "expired holds must be able to return");
		}

		/// Return the funds of held operations whose review period ran out, oldest first, at
		/// most `MaxExpiriesPerBlock` queue entries per block.
		fn on_initialize(_: BlockNumberFor<T>) -> Weight {
			// The benchmark's intercept carries the first expiry's one-off reads, so a block with
			// nothing to expire is overcharged (about 0.8 ms of its 2 s); a separate benchmark of
			// the empty case would price it exactly.
			let examined = Self::expire_holds(T::MaxExpiriesPerBlock::get());
			T::WeightInfo::expire_holds(examined)
				.saturating_add(concluded_weight::<T>().saturating_mul(u64::from(examined)))
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Register a currency and create its ledger (a sufficient `pallet-assets` asset with the
		/// alphabetic code as name and symbol, and the decimals).
		///
		/// The dispatch origin must be `T::GovernanceOrigin`.
		///
		/// Emits `CurrencyRegistered`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_currency())]
		pub fn register_currency(
			origin: OriginFor<T>,
			currency: CurrencyId,
			code: [u8; 3],
			decimals: u8,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::create_currency(currency, code, decimals)?;
			Self::deposit_event(Event::CurrencyRegistered { currency, code, decimals });
			Ok(())
		}

		/// Name `issuer`, which holds an active `Issuer` licence, as an issuer of `currency`.
		///
		/// The dispatch origin must be `T::GovernanceOrigin`.
		///
		/// Emits `IssuerAdded`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::add_issuer())]
		pub fn add_issuer(
			origin: OriginFor<T>,
			currency: CurrencyId,
			issuer: T::AccountId,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			ensure!(Currencies::<T>::contains_key(currency), Error::<T>::CurrencyNotFound);
			ensure!(T::Licences::is_licensed(&issuer, Role::Issuer), Error::<T>::NotLicensed);
			ensure!(!Issuers::<T>::contains_key(currency, &issuer), Error::<T>::AlreadyExists);
			Issuers::<T>::insert(currency, &issuer, ());
			Self::deposit_event(Event::IssuerAdded { currency, issuer });
			Ok(())
		}

		/// Stop `issuer` from issuing `currency`. Withdrawals already waiting for it can still be
		/// completed or declined by it while it holds its licence.
		///
		/// The dispatch origin must be `T::GovernanceOrigin`.
		///
		/// Emits `IssuerRemoved`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::remove_issuer())]
		pub fn remove_issuer(
			origin: OriginFor<T>,
			currency: CurrencyId,
			issuer: T::AccountId,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			ensure!(Issuers::<T>::take(currency, &issuer).is_some(), Error::<T>::NotIssuer);
			Self::deposit_event(Event::IssuerRemoved { currency, issuer });
			Ok(())
		}

		/// Credit `amount` of `currency` to the verified account `to`: fiat arrived at the
		/// issuer, whose own reference for it is `bank_reference`. Supervision decides first; a
		/// held deposit waits in escrow for a supervisor.
		///
		/// The dispatch origin must be signed by an issuer named for the currency.
		///
		/// Emits `Deposited`, and `Reported`, `Held` or `Denied` as supervision decides.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::deposit()
			.saturating_add(T::CapitalFlowCheck::weight())
			.saturating_add(hold_margin::<T>(1)))]
		pub fn deposit(
			origin: OriginFor<T>,
			currency: CurrencyId,
			to: T::AccountId,
			amount: Amount,
			bank_reference: H256,
		) -> DispatchResult {
			let issuer = ensure_signed(origin)?;
			Self::ensure_issuer(currency, &issuer)?;
			ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
			ensure!(T::Kyc::is_verified(&to), Error::<T>::NotVerified);
			let leg = Leg { from: None, to: Some(to.clone()), currency, amount };
			let operation = Record {
				issuer: Some(issuer.clone()),
				bank_reference: Some(bank_reference),
				..Record::new(MovementKind::Deposit, leg)
			};
			let (reference, status) = Self::submit(operation, false)?;
			Self::deposit_event(Event::Deposited {
				reference,
				issuer,
				to,
				currency,
				amount,
				bank_reference,
				status,
			});
			Ok(())
		}

		/// Ask `issuer` to pay out `amount` of `currency` as fiat. The funds are reserved at
		/// once; the issuer completes the withdrawal (burning them) or declines it (returning
		/// them).
		///
		/// The dispatch origin must be signed by a verified account.
		///
		/// Emits `WithdrawalRequested`, and `Reported`, `Held` or `Denied` as supervision decides.
		#[pallet::call_index(11)]
		#[pallet::weight(
			T::WeightInfo::request_withdrawal().saturating_add(T::CapitalFlowCheck::weight())
		)]
		pub fn request_withdrawal(
			origin: OriginFor<T>,
			currency: CurrencyId,
			amount: Amount,
			issuer: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::ensure_issuer(currency, &issuer)?;
			ensure!(T::Kyc::is_verified(&who), Error::<T>::NotVerified);
			Self::ensure_can_pay(&who, currency, amount)?;
			let leg = Leg { from: Some(who.clone()), to: None, currency, amount };
			let operation = Record {
				issuer: Some(issuer.clone()),
				..Record::new(MovementKind::Withdrawal, leg)
			};
			let (reference, status) = Self::submit(operation, false)?;
			Self::deposit_event(Event::WithdrawalRequested {
				reference,
				who,
				issuer,
				currency,
				amount,
				status,
			});
			Ok(())
		}

		/// Complete a pending withdrawal: the issuer paid the fiat out (its reference is
		/// `bank_reference`) and the reserved balance is burnt.
		///
		/// The dispatch origin must be signed by the withdrawal's issuer, with an active licence.
		///
		/// Emits `WithdrawalCompleted`.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::complete_withdrawal())]
		pub fn complete_withdrawal(
			origin: OriginFor<T>,
			reference: Reference,
			bank_reference: H256,
		) -> DispatchResult {
			let issuer = ensure_signed(origin)?;
			let mut record = Self::pending_withdrawal(&reference, &issuer)?;
			for leg in &record.legs {
				Self::pay_out_reserved(leg)?;
			}
			record.bank_reference = Some(bank_reference);
			Self::update(reference, record, PaymentStatus::Executed);
			Self::deposit_event(Event::WithdrawalCompleted { reference, issuer, bank_reference });
			Ok(())
		}

		/// Decline a pending withdrawal; the reserved funds go back to the holder.
		///
		/// The dispatch origin must be signed by the withdrawal's issuer, with an active licence.
		///
		/// Emits `WithdrawalDeclined`.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::decline_withdrawal())]
		pub fn decline_withdrawal(origin: OriginFor<T>, reference: Reference) -> DispatchResult {
			let issuer = ensure_signed(origin)?;
			let record = Self::pending_withdrawal(&reference, &issuer)?;
			for leg in &record.legs {
				Self::return_reserved(leg)?;
			}
			Self::update(reference, record, PaymentStatus::Returned);
			Self::deposit_event(Event::WithdrawalDeclined { reference, issuer });
			Ok(())
		}

		/// Pay `amount` of `currency` to the verified account `to`, for `purpose`. Whether the
		/// payment is cross-border follows from both parties' credentials; a cross-border payment
		/// needs an international purpose and carries travel-rule data when the rules ask for it.
		/// `documents` refer to the underlying trade document or tax filing.
		///
		/// The dispatch origin must be signed by a verified account.
		///
		/// Emits `Paid` with the payment's reference and status, and `Reported`, `Held` or
		/// `Denied` as supervision decides.
		#[pallet::call_index(20)]
		#[pallet::weight(T::WeightInfo::pay()
			.saturating_add(T::CapitalFlowCheck::weight())
			.saturating_add(hold_margin::<T>(1)))]
		pub fn pay(
			origin: OriginFor<T>,
			to: T::AccountId,
			currency: CurrencyId,
			amount: Amount,
			purpose: Purpose,
			travel_rule: Option<TravelRule>,
			documents: Documents,
		) -> DispatchResult {
			let from = ensure_signed(origin)?;
			ensure!(from != to, Error::<T>::SelfPayment);
			let cross_border = Self::cross_border(&from, &to, purpose)?;
			Self::ensure_can_pay(&from, currency, amount)?;
			let leg = Leg { from: Some(from.clone()), to: Some(to.clone()), currency, amount };
			let operation = Record {
				purpose,
				cross_border,
				travel_rule,
				documents,
				..Record::new(MovementKind::Payment, leg)
			};
			let (reference, status) = Self::submit(operation, false)?;
			Self::deposit_event(Event::Paid {
				reference,
				from,
				to,
				currency,
				amount,
				purpose,
				cross_border,
				status,
			});
			Ok(())
		}

		/// Release a held operation: its reserved legs execute (a held withdrawal goes on to its
		/// issuer).
		///
		/// The dispatch origin must be `T::SupervisorOrigin`.
		///
		/// Emits `HoldReleased`.
		#[pallet::call_index(21)]
		#[pallet::weight(T::WeightInfo::release().saturating_add(concluded_weight::<T>()))]
		pub fn release(origin: OriginFor<T>, reference: Reference) -> DispatchResult {
			T::SupervisorOrigin::ensure_origin(origin)?;
			let record = Self::held(&reference)?;
			// A payee whose credential lapsed during the review cannot be paid; reject instead.
			for payee in record.legs.iter().filter_map(|leg| leg.to.as_ref()) {
				ensure!(T::Kyc::is_verified(payee), Error::<T>::NotVerified);
			}
			let withdrawal = record.kind == MovementKind::Withdrawal;
			for leg in &record.legs {
				if !withdrawal {
					Self::pay_out_reserved(leg)?;
				}
				T::CapitalFlowCheck::released(&Self::movement(&reference, &record, leg));
			}
			if record.kind == MovementKind::Ledger {
				T::LedgerObserver::concluded(&reference, true);
			}
			let status = if withdrawal { PaymentStatus::Pending } else { PaymentStatus::Released };
			Self::update(reference, record, status);
			Self::deposit_event(Event::HoldReleased { reference });
			Ok(())
		}

		/// Reject a held operation: every reserved leg goes back to its payer (a held deposit is
		/// burnt, and the issuer returns the fiat). A supervisor may also return a withdrawal
		/// still pending at its issuer (one whose issuer lost its licence cannot complete it).
		///
		/// The dispatch origin must be `T::SupervisorOrigin`.
		///
		/// Emits `HoldRejected`.
		#[pallet::call_index(22)]
		#[pallet::weight(T::WeightInfo::reject().saturating_add(concluded_weight::<T>()))]
		pub fn reject(origin: OriginFor<T>, reference: Reference) -> DispatchResult {
			T::SupervisorOrigin::ensure_origin(origin)?;
			let record = Records::<T>::get(reference).ok_or(Error::<T>::PaymentNotFound)?;
			ensure!(record.status.is_open(), Error::<T>::NotHeld);
			Self::return_legs(&reference, &record)?;
			Self::update(reference, record, PaymentStatus::Rejected);
			Self::deposit_event(Event::HoldRejected { reference });
			Ok(())
		}

		/// Offer to sell up to `amount` of `offer` for `ask`, at `rate` minor units of `ask` per
		/// minor unit of `offer`, until `expires_at` (milliseconds since the Unix epoch). Nothing
		/// is reserved: the maker needs the balance when a customer accepts.
		///
		/// The dispatch origin must be signed by a verified account with an active `MarketMaker`
		/// licence.
		///
		/// Emits `QuotePosted`.
		#[pallet::call_index(30)]
		#[pallet::weight(T::WeightInfo::post_quote())]
		pub fn post_quote(
			origin: OriginFor<T>,
			offer: CurrencyId,
			ask: CurrencyId,
			rate: FixedU128,
			amount: Amount,
			expires_at: Moment,
		) -> DispatchResult {
			let maker = ensure_signed(origin)?;
			Self::ensure_market_maker(&maker)?;
			ensure!(offer != ask, Error::<T>::SameCurrency);
			ensure!(Currencies::<T>::contains_key(offer), Error::<T>::CurrencyNotFound);
			ensure!(Currencies::<T>::contains_key(ask), Error::<T>::CurrencyNotFound);
			ensure!(!rate.is_zero(), Error::<T>::InvalidRate);
			ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
			Self::ensure_expiry(expires_at)?;
			let quote_id = Self::open_offer(&maker)?;
			Quotes::<T>::insert(
				quote_id,
				Quote { maker: maker.clone(), offer, ask, rate, remaining: amount, expires_at },
			);
			Self::deposit_event(Event::QuotePosted {
				quote: quote_id,
				maker,
				offer,
				ask,
				rate,
				amount,
				expires_at,
			});
			Ok(())
		}

		/// Withdraw a quote. Its maker may do so at any time; anyone may remove an expired one.
		///
		/// The dispatch origin must be signed.
		///
		/// Emits `QuoteWithdrawn`.
		#[pallet::call_index(31)]
		#[pallet::weight(T::WeightInfo::withdraw_quote())]
		pub fn withdraw_quote(origin: OriginFor<T>, quote: u64) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let offer = Quotes::<T>::get(quote).ok_or(Error::<T>::QuoteNotFound)?;
			ensure!(
				offer.maker == who || offer.expires_at <= T::Time::now(),
				Error::<T>::NotExpired
			);
			Self::close_quote(quote, &offer.maker);
			Ok(())
		}

		/// Buy `amount` of the quote's `offer` currency, paying `amount × rate` of its `ask`
		/// currency, rounded down: the market maker bears the rounding, at most one minor unit.
		/// `purpose` says what the currency is for (an international purpose when the customer
		/// and the maker are on different sides of a border).
		/// Refused if that price exceeds `max_pay`. Both legs are supervised and move in this
		/// call, or neither does (payment versus payment). A conversion held for review takes
		/// its amount off the quote at once; if a supervisor rejects it, the quote is not
		/// replenished (the maker posts again).
		///
		/// The dispatch origin must be signed by a verified account.
		///
		/// Emits `Exchanged`, and `Reported`, `Held` or `Denied` as supervision decides.
		#[pallet::call_index(32)]
		#[pallet::weight(T::WeightInfo::exchange()
			.saturating_add(T::CapitalFlowCheck::weight().saturating_mul(2))
			.saturating_add(hold_margin::<T>(2)))]
		pub fn exchange(
			origin: OriginFor<T>,
			quote: u64,
			amount: Amount,
			max_pay: Amount,
			purpose: Purpose,
		) -> DispatchResult {
			let customer = ensure_signed(origin)?;
			let mut offer = Quotes::<T>::get(quote).ok_or(Error::<T>::QuoteNotFound)?;
			ensure!(offer.expires_at > T::Time::now(), Error::<T>::QuoteExpired);
			ensure!(customer != offer.maker, Error::<T>::SelfPayment);
			ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
			ensure!(amount <= offer.remaining, Error::<T>::QuoteExhausted);
			let price = offer.rate.checked_mul_int(amount).ok_or(Error::<T>::Overflow)?;
			ensure!(!price.is_zero(), Error::<T>::AmountTooSmall);
			ensure!(price <= max_pay, Error::<T>::PriceAboveLimit);
			let cross_border = Self::cross_border(&customer, &offer.maker, purpose)?;
			Self::ensure_market_maker(&offer.maker)?;
			Self::ensure_can_pay(&customer, offer.ask, price)?;
			Self::ensure_can_pay(&offer.maker, offer.offer, amount)?;
			let sell = Leg {
				from: Some(offer.maker.clone()),
				to: Some(customer.clone()),
				currency: offer.offer,
				amount,
			};
			let pay = Leg {
				from: Some(customer.clone()),
				to: Some(offer.maker.clone()),
				currency: offer.ask,
				amount: price,
			};
			let mut operation = Record::new(MovementKind::Conversion, sell);
			operation.legs.try_push(pay).map_err(|_| Error::<T>::Overflow)?;
			operation.cross_border = cross_border;
			operation.purpose = purpose;
			let (reference, status) = Self::submit(operation, false)?;
			if status != PaymentStatus::Denied {
				offer.remaining = offer.remaining.saturating_sub(amount);
				if offer.remaining.is_zero() {
					Self::close_quote(quote, &offer.maker);
				} else {
					Quotes::<T>::insert(quote, &offer);
				}
			}
			Self::deposit_event(Event::Exchanged {
				reference,
				quote,
				customer,
				maker: offer.maker,
				received: (offer.offer, amount),
				paid: (offer.ask, price),
				status,
			});
			Ok(())
		}

		/// Offer `counterparty` a trade: the proposer gives `give` (currency, amount) and takes
		/// `take`, until `expires_at`, for `purpose` (an international one between institutions on
		/// different sides of a border). The `give` leg is reserved now, so the trade can settle
		/// both legs at once when accepted.
		///
		/// The dispatch origin must be signed by a verified institution; the counterparty must be
		/// one too.
		///
		/// Emits `TradeProposed`.
		#[pallet::call_index(40)]
		#[pallet::weight(T::WeightInfo::propose_trade())]
		pub fn propose_trade(
			origin: OriginFor<T>,
			counterparty: T::AccountId,
			give: (CurrencyId, Amount),
			take: (CurrencyId, Amount),
			expires_at: Moment,
			purpose: Purpose,
		) -> DispatchResult {
			let proposer = ensure_signed(origin)?;
			ensure!(proposer != counterparty, Error::<T>::SelfPayment);
			Self::ensure_institution(&proposer)?;
			Self::ensure_institution(&counterparty)?;
			Self::cross_border(&proposer, &counterparty, purpose)?;
			ensure!(give.0 != take.0, Error::<T>::SameCurrency);
			ensure!(Currencies::<T>::contains_key(take.0), Error::<T>::CurrencyNotFound);
			ensure!(!take.1.is_zero(), Error::<T>::ZeroAmount);
			Self::ensure_expiry(expires_at)?;
			Self::ensure_can_pay(&proposer, give.0, give.1)?;
			let trade_id = Self::open_offer(&proposer)?;
			let trade = Trade {
				proposer: proposer.clone(),
				counterparty: counterparty.clone(),
				give,
				take,
				expires_at,
				purpose,
			};
			Self::reserve(&trade.give_leg())?;
			Trades::<T>::insert(trade_id, trade);
			Self::deposit_event(Event::TradeProposed {
				trade: trade_id,
				proposer,
				counterparty,
				give,
				take,
				expires_at,
			});
			Ok(())
		}

		/// Accept a trade: both legs are supervised and swap in this call (or, if held, both are
		/// reserved until a supervisor decides). A denied trade closes and the proposer's
		/// reservation returns.
		///
		/// The dispatch origin must be signed by the trade's counterparty.
		///
		/// Emits `TradeSettled`, and `Reported`, `Held` or `Denied` as supervision decides.
		#[pallet::call_index(41)]
		#[pallet::weight(T::WeightInfo::accept_trade()
			.saturating_add(T::CapitalFlowCheck::weight().saturating_mul(2))
			.saturating_add(hold_margin::<T>(1)))]
		pub fn accept_trade(origin: OriginFor<T>, trade: u64) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let offer = Trades::<T>::get(trade).ok_or(Error::<T>::TradeNotFound)?;
			ensure!(who == offer.counterparty, Error::<T>::NotCounterparty);
			ensure!(offer.expires_at > T::Time::now(), Error::<T>::TradeExpired);
			Self::ensure_institution(&offer.proposer)?;
			Self::ensure_institution(&offer.counterparty)?;
			Self::ensure_can_pay(&offer.counterparty, offer.take.0, offer.take.1)?;
			let mut operation = Record::new(MovementKind::Trade, offer.give_leg());
			operation.legs.try_push(offer.take_leg()).map_err(|_| Error::<T>::Overflow)?;
			operation.cross_border =
				Self::cross_border(&offer.proposer, &offer.counterparty, offer.purpose)?;
			operation.purpose = offer.purpose;
			let (reference, status) = Self::submit(operation, true)?;
			Trades::<T>::remove(trade);
			Self::close_offer(&offer.proposer);
			Self::deposit_event(Event::TradeSettled {
				reference,
				trade,
				proposer: offer.proposer,
				counterparty: offer.counterparty,
				status,
			});
			Ok(())
		}

		/// Decline a trade; the proposer's reservation returns.
		///
		/// The dispatch origin must be signed by the trade's counterparty.
		///
		/// Emits `TradeDeclined`.
		#[pallet::call_index(42)]
		#[pallet::weight(T::WeightInfo::decline_trade())]
		pub fn decline_trade(origin: OriginFor<T>, trade: u64) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let offer = Trades::<T>::get(trade).ok_or(Error::<T>::TradeNotFound)?;
			ensure!(who == offer.counterparty, Error::<T>::NotCounterparty);
			Self::close_trade(trade, &offer)?;
			Self::deposit_event(Event::TradeDeclined { trade });
			Ok(())
		}

		/// Cancel a trade offer; the reservation returns to the proposer. The proposer may cancel
		/// at any time, anyone else once the offer has expired.
		///
		/// The dispatch origin must be signed.
		///
		/// Emits `TradeCancelled`.
		#[pallet::call_index(43)]
		#[pallet::weight(T::WeightInfo::cancel_trade())]
		pub fn cancel_trade(origin: OriginFor<T>, trade: u64) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let offer = Trades::<T>::get(trade).ok_or(Error::<T>::TradeNotFound)?;
			ensure!(
				who == offer.proposer || offer.expires_at <= T::Time::now(),
				Error::<T>::NotProposer
			);
			Self::close_trade(trade, &offer)?;
			Self::deposit_event(Event::TradeCancelled { trade });
			Ok(())
		}
	}

	/// What holding `legs` legs for review costs beyond executing them, which the benchmarks
	/// measure: each reservation also reads and writes the owner's `Reserved` and the currency's
	/// `Escrowed` entry, and the operation reads the review period and writes its place in the
	/// hold queue. (The benchmarks run with a hook that never holds, so these accesses are
	/// priced from the database weights.)
	pub(crate) fn hold_margin<T: Config>(legs: u64) -> Weight {
		let db = T::DbWeight::get();
		db.reads_writes(2, 2).saturating_mul(legs).saturating_add(db.reads_writes(2, 2))
	}

	/// What concluding a held operation costs beyond its benchmark: supervision's `released` or
	/// `returned` for each of its (at most two) legs, and the observer of a `ForexLedger`
	/// transfer.
	pub(crate) fn concluded_weight<T: Config>() -> Weight {
		T::CapitalFlowCheck::weight()
			.saturating_mul(2)
			.saturating_add(T::LedgerObserver::weight())
	}

	impl<T: Config> Pallet<T> {
		/// The escrow account: it holds every reservation and administers the currency assets.
		pub fn escrow_account() -> T::AccountId {
			T::PalletId::get().into_account_truncating()
		}

		pub(crate) fn create_currency(
			currency: CurrencyId,
			code: [u8; 3],
			decimals: u8,
		) -> DispatchResult {
			ensure!(
				code.iter().all(u8::is_ascii_uppercase) && decimals <= 18,
				Error::<T>::InvalidCurrency
			);
			ensure!(!Currencies::<T>::contains_key(currency), Error::<T>::AlreadyExists);
			ensure!(!T::Assets::asset_exists(currency), Error::<T>::AlreadyExists);
			ensure!(
				Currencies::<T>::count() < T::MaxCurrencies::get(),
				Error::<T>::TooManyCurrencies
			);
			let admin = Self::escrow_account();
			// Sufficient, so verified accounts hold currencies without native deposits; a minimum
			// balance of one minor unit, so no dust is ever lost.
			T::Assets::create(currency, admin.clone(), true, 1)?;
			T::Assets::set(currency, &admin, code.to_vec(), code.to_vec(), decimals)?;
			Currencies::<T>::insert(currency, CurrencyInfo { code, decimals });
			Ok(())
		}

		fn ensure_issuer(currency: CurrencyId, who: &T::AccountId) -> DispatchResult {
			ensure!(Currencies::<T>::contains_key(currency), Error::<T>::CurrencyNotFound);
			ensure!(
				Issuers::<T>::contains_key(currency, who)
					&& T::Licences::is_licensed(who, Role::Issuer)
					&& T::Kyc::is_verified(who),
				Error::<T>::NotIssuer
			);
			Ok(())
		}

		fn ensure_market_maker(who: &T::AccountId) -> DispatchResult {
			ensure!(
				T::Licences::is_licensed(who, Role::MarketMaker) && T::Kyc::is_verified(who),
				Error::<T>::NotMarketMaker
			);
			Ok(())
		}

		fn ensure_institution(who: &T::AccountId) -> DispatchResult {
			let profile = T::Kyc::verified_profile(who).ok_or(Error::<T>::NotInstitution)?;
			ensure!(profile.entity == EntityType::Institution, Error::<T>::NotInstitution);
			Ok(())
		}

		fn ensure_expiry(expires_at: Moment) -> DispatchResult {
			let now = T::Time::now();
			ensure!(
				expires_at > now && expires_at <= now.saturating_add(T::MaxOfferLifetime::get()),
				Error::<T>::InvalidExpiry
			);
			Ok(())
		}

		/// `who` can spend `amount` of the registered `currency`.
		fn ensure_can_pay(
			who: &T::AccountId,
			currency: CurrencyId,
			amount: Amount,
		) -> DispatchResult {
			ensure!(Currencies::<T>::contains_key(currency), Error::<T>::CurrencyNotFound);
			ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
			let spendable = T::Assets::reducible_balance(
				currency,
				who,
				Preservation::Expendable,
				Fortitude::Polite,
			);
			ensure!(spendable >= amount, Error::<T>::InsufficientBalance);
			Ok(())
		}

		/// Whether money from `from` to `to` crosses a border, from both parties' live profiles;
		/// a movement that does needs an international `purpose`.
		fn cross_border(
			from: &T::AccountId,
			to: &T::AccountId,
			purpose: Purpose,
		) -> Result<bool, DispatchError> {
			Ok(Self::crossing(from, to, purpose)?.is_some())
		}

		/// The payer's and payee's live profiles when money from `from` to `to` crosses a
		/// border, `None` when it stays at home (see [`Self::cross_border`]).
		fn crossing(
			from: &T::AccountId,
			to: &T::AccountId,
			purpose: Purpose,
		) -> Result<Option<(KycProfile, KycProfile)>, DispatchError> {
			let payer: KycProfile =
				T::Kyc::verified_profile(from).ok_or(Error::<T>::NotVerified)?;
			let payee: KycProfile = T::Kyc::verified_profile(to).ok_or(Error::<T>::NotVerified)?;
			if !is_cross_border(&payer, &payee) {
				return Ok(None);
			}
			ensure!(purpose != Purpose::Domestic, Error::<T>::PurposeRequired);
			Ok(Some((payer, payee)))
		}

		fn open_offer(who: &T::AccountId) -> Result<u64, DispatchError> {
			OpenOffers::<T>::try_mutate(who, |open| -> DispatchResult {
				ensure!(*open < T::MaxOpenOffers::get(), Error::<T>::TooManyOffers);
				open.saturating_inc();
				Ok(())
			})?;
			NextOfferId::<T>::try_mutate(|next| {
				let id = *next;
				*next = next.checked_add(1).ok_or(Error::<T>::Overflow)?;
				Ok(id)
			})
		}

		fn close_offer(who: &T::AccountId) {
			OpenOffers::<T>::mutate_exists(who, |open| {
				let left = open.unwrap_or_default().saturating_sub(1);
				*open = (left > 0).then_some(left);
			});
		}

		fn close_quote(quote: u64, maker: &T::AccountId) {
			Quotes::<T>::remove(quote);
			Self::close_offer(maker);
			Self::deposit_event(Event::QuoteWithdrawn { quote });
		}

		fn close_trade(trade: u64, offer: &Trade<T::AccountId>) -> DispatchResult {
			Self::return_reserved(&offer.give_leg())?;
			Trades::<T>::remove(trade);
			Self::close_offer(&offer.proposer);
			Ok(())
		}

		fn pending_withdrawal(
			reference: &Reference,
			issuer: &T::AccountId,
		) -> Result<Record<T::AccountId>, DispatchError> {
			let record = Records::<T>::get(reference).ok_or(Error::<T>::PaymentNotFound)?;
			ensure!(
				record.kind == MovementKind::Withdrawal && record.status == PaymentStatus::Pending,
				Error::<T>::NotPending
			);
			ensure!(
				record.issuer.as_ref() == Some(issuer)
					&& T::Licences::is_licensed(issuer, Role::Issuer)
					&& T::Kyc::is_verified(issuer),
				Error::<T>::NotIssuer
			);
			Ok(record)
		}

		fn held(reference: &Reference) -> Result<Record<T::AccountId>, DispatchError> {
			let record = Records::<T>::get(reference).ok_or(Error::<T>::PaymentNotFound)?;
			ensure!(record.status == PaymentStatus::Held, Error::<T>::NotHeld);
			Ok(record)
		}

		/// The movement supervision sees for one leg of a record.
		fn movement(
			reference: &Reference,
			record: &Record<T::AccountId>,
			leg: &Leg<T::AccountId>,
		) -> Movement<T::AccountId> {
			Movement {
				reference: *reference,
				kind: record.kind,
				from: leg.from.clone(),
				to: leg.to.clone(),
				currency: leg.currency,
				amount: leg.amount,
				cross_border: record.cross_border,
				purpose: record.purpose,
				travel_rule: record.travel_rule.is_some(),
				documents: record.documents,
				counter_currency: record
					.legs
					.iter()
					.find(|other| *other != leg)
					.map(|other| other.currency),
			}
		}

		/// Propose an operation to supervision and act on the decision: execute it (a withdrawal
		/// goes to its issuer, reserved), reserve it for review, or record the denial. With
		/// `first_leg_reserved`, the first leg's funds are in escrow already (a trade offer).
		pub(crate) fn submit(
			mut record: Record<T::AccountId>,
			first_leg_reserved: bool,
		) -> Result<(Reference, PaymentStatus), DispatchError> {
			let seq = NextSeq::<T>::get();
			NextSeq::<T>::put(seq.checked_add(1).ok_or(Error::<T>::Overflow)?);
			let reference: Reference =
				H256(sp_io::hashing::blake2_256(&(b"fxchain/forex/reference", seq).encode()));
			let now = T::Time::now();
			record.seq = seq;
			record.created_at = now;
			record.updated_at = now;
			let decision = record.legs.iter().fold(Decision::Allow, |decision, leg| {
				decision
					.combine(T::CapitalFlowCheck::check(&Self::movement(&reference, &record, leg)))
			});
			record.reasons = decision.reasons();
			let reserved = |index: usize| first_leg_reserved && index == 0;
			record.status = match decision {
				Decision::Allow | Decision::Report(_)
					if record.kind == MovementKind::Withdrawal =>
				{
					for leg in &record.legs {
						Self::reserve(leg)?;
						T::CapitalFlowCheck::decided(
							&Self::movement(&reference, &record, leg),
							false,
						);
					}
					PaymentStatus::Pending
				},
				Decision::Allow | Decision::Report(_) => {
					for (index, leg) in record.legs.iter().enumerate() {
						if reserved(index) {
							Self::pay_out_reserved(leg)?;
						} else {
							Self::execute(leg)?;
						}
						T::CapitalFlowCheck::decided(
							&Self::movement(&reference, &record, leg),
							false,
						);
					}
					PaymentStatus::Executed
				},
				Decision::Hold(_) => {
					for (index, leg) in record.legs.iter().enumerate() {
						if !reserved(index) {
							Self::reserve(leg)?;
						}
						T::CapitalFlowCheck::decided(
							&Self::movement(&reference, &record, leg),
							true,
						);
					}
					Self::queue_hold(reference, now)?;
					PaymentStatus::Held
				},
				Decision::Deny(_) => {
					for (index, leg) in record.legs.iter().enumerate() {
						if reserved(index) {
							Self::return_reserved(leg)?;
						}
					}
					PaymentStatus::Denied
				},
			};
			let event = match record.status {
				PaymentStatus::Held => Some(Event::Held { reference, reasons: record.reasons }),
				PaymentStatus::Denied => Some(Event::Denied { reference, reasons: record.reasons }),
				_ if !record.reasons.is_empty() => {
					Some(Event::Reported { reference, reasons: record.reasons })
				},
				_ => None,
			};
			let status = record.status;
			Self::write_history(&reference, &record);
			RecordOrder::<T>::insert(seq, reference);
			Records::<T>::insert(reference, record);
			Self::drop_oldest(seq);
			if let Some(event) = event {
				Self::deposit_event(event);
			}
			Ok((reference, status))
		}

		/// Put a new hold at the end of the expiry queue: its review period ends at
		/// `held_at + review_period` (the period in force when it was held).
		fn queue_hold(reference: Reference, held_at: Moment) -> DispatchResult {
			let expires_at = held_at.saturating_add(T::CapitalFlowCheck::review_period());
			HoldQueueBounds::<T>::try_mutate(|(_, next)| {
				HoldQueue::<T>::insert(*next, (reference, expires_at));
				*next = next.checked_add(1).ok_or(Error::<T>::Overflow)?;
				Ok(())
			})
		}

		/// Return the funds of expired holds from the front of the queue, looking at most at
		/// `limit` entries (an entry whose hold a supervisor decided already is dropped).
		/// Returns how many entries it looked at. The queue is in hold order, so it stops at the
		/// first hold still in its review period (if governance shortens the period, a later
		/// hold may wait for an earlier one to expire).
		pub(crate) fn expire_holds(limit: u32) -> u32 {
			let (mut head, next) = HoldQueueBounds::<T>::get();
			let now = T::Time::now();
			let mut examined = 0;
			while head < next && examined < limit {
				let entry = HoldQueue::<T>::get(head);
				if let Some((reference, expires_at)) = entry {
					let held = Records::<T>::get(reference)
						.filter(|record| record.status == PaymentStatus::Held);
					if let Some(record) = held {
						if expires_at > now {
							break;
						}
						Self::expire_hold(reference, record);
					}
				}
				HoldQueue::<T>::remove(head);
				head.saturating_inc();
				examined.saturating_inc();
			}
			if examined > 0 {
				HoldQueueBounds::<T>::put((head, next));
			}
			examined
		}

		/// Return an expired hold's reserved legs to their payers, all or none: should a return
		/// fail, the hold stays for a supervisor to decide.
		fn expire_hold(reference: Reference, record: Record<T::AccountId>) {
			let returned = frame_support::storage::with_storage_layer(|| {
				Self::return_legs(&reference, &record)
			});
			match returned {
				Ok(()) => {
					Self::update(reference, record, PaymentStatus::Expired);
					Self::deposit_event(Event::HoldExpired { reference });
				},
				Err(error) => log::error!(
					target: "runtime::forex",
					"expired hold {reference:?} could not be returned: {error:?}",
				),
			}
		}

		/// Return an open operation's reserved legs to their payers; for a hold, supervision
		/// gives back what it reserved.
		fn return_legs(reference: &Reference, record: &Record<T::AccountId>) -> DispatchResult {
			for leg in &record.legs {
				Self::return_reserved(leg)?;
				if record.status == PaymentStatus::Held {
					T::CapitalFlowCheck::returned(&Self::movement(reference, record, leg));
				}
			}
			if record.status == PaymentStatus::Held && record.kind == MovementKind::Ledger {
				T::LedgerObserver::concluded(reference, false);
			}
			Ok(())
		}

		/// Keep only the latest `RetainedRecords` records on chain: the one that falls out of the
		/// window goes, unless it is still open (it goes when it closes).
		fn drop_oldest(seq: u64) {
			let Some(old) = seq.checked_sub(T::RetainedRecords::get()) else { return };
			if let Some(reference) = RecordOrder::<T>::take(old) {
				let open = Records::<T>::get(reference).is_some_and(|r| r.status.is_open());
				if !open {
					Records::<T>::remove(reference);
				}
			}
		}

		/// Give a record its new status, write the change to the parties' histories, and drop it
		/// if it closed outside the retention window.
		fn update(reference: Reference, mut record: Record<T::AccountId>, status: PaymentStatus) {
			record.status = status;
			record.updated_at = T::Time::now();
			Self::write_history(&reference, &record);
			// The window holds the records numbered from `NextSeq - RetainedRecords` on.
			let retained =
				record.seq.saturating_add(T::RetainedRecords::get()) >= NextSeq::<T>::get();
			if retained || status.is_open() {
				Records::<T>::insert(reference, record);
			} else {
				Records::<T>::remove(reference);
			}
		}

		/// Move a leg's funds directly: transfer, mint (a deposit) or burn (a withdrawal).
		fn execute(leg: &Leg<T::AccountId>) -> DispatchResult {
			match (&leg.from, &leg.to) {
				(Some(from), Some(to)) => {
					T::Assets::transfer(
						leg.currency,
						from,
						to,
						leg.amount,
						Preservation::Expendable,
					)?;
				},
				(None, Some(to)) => Self::mint(leg.currency, to, leg.amount)?,
				(Some(from), None) => Self::burn(leg.currency, from, leg.amount)?,
				(None, None) => {},
			}
			Ok(())
		}

		/// The leg that stands for a reservation another pallet makes: the owner's funds going
		/// nowhere until given back.
		fn ledger_reservation(
			who: &T::AccountId,
			currency: CurrencyId,
			amount: Amount,
		) -> Leg<T::AccountId> {
			Leg { from: Some(who.clone()), to: None, currency, amount }
		}

		/// Set a leg's funds aside in escrow, booked to its owner (a held deposit is minted into
		/// escrow).
		pub(crate) fn reserve(leg: &Leg<T::AccountId>) -> DispatchResult {
			let escrow = Self::escrow_account();
			match &leg.from {
				Some(from) => {
					T::Assets::transfer(
						leg.currency,
						from,
						&escrow,
						leg.amount,
						Preservation::Expendable,
					)?;
				},
				None => Self::mint(leg.currency, &escrow, leg.amount)?,
			}
			Self::book_reservation(leg, true)
		}

		/// Pay a reserved leg out to its payee (or burn it, for a withdrawal).
		fn pay_out_reserved(leg: &Leg<T::AccountId>) -> DispatchResult {
			Self::book_reservation(leg, false)?;
			let escrow = Self::escrow_account();
			match &leg.to {
				Some(to) => {
					T::Assets::transfer(
						leg.currency,
						&escrow,
						to,
						leg.amount,
						Preservation::Expendable,
					)?;
				},
				None => Self::burn(leg.currency, &escrow, leg.amount)?,
			}
			Ok(())
		}

		/// Return a reserved leg to its payer (or burn it, for a deposit that was never credited).
		fn return_reserved(leg: &Leg<T::AccountId>) -> DispatchResult {
			Self::book_reservation(leg, false)?;
			let escrow = Self::escrow_account();
			match &leg.from {
				Some(from) => {
					T::Assets::transfer(
						leg.currency,
						&escrow,
						from,
						leg.amount,
						Preservation::Expendable,
					)?;
				},
				None => Self::burn(leg.currency, &escrow, leg.amount)?,
			}
			Ok(())
		}

		/// Add (`set_aside`) or remove a leg's reservation in the books; an entry that falls to
		/// zero is removed, so the books hold only live reservations.
		fn book_reservation(leg: &Leg<T::AccountId>, set_aside: bool) -> DispatchResult {
			let owner = leg.owner().ok_or(Error::<T>::Overflow)?;
			let apply = |slot: &mut Option<Amount>| -> DispatchResult {
				let total = slot.unwrap_or_default();
				let total = if set_aside {
					total.checked_add(leg.amount)
				} else {
					total.checked_sub(leg.amount)
				}
				.ok_or(Error::<T>::Overflow)?;
				*slot = (!total.is_zero()).then_some(total);
				Ok(())
			};
			Reserved::<T>::try_mutate_exists(&owner, leg.currency, apply)?;
			Escrowed::<T>::try_mutate_exists(leg.currency, apply)
		}

		/// Mint `amount` of `currency` to `to`, keeping the currency's issuance within
		/// [`MAX_ISSUANCE`].
		fn mint(currency: CurrencyId, to: &T::AccountId, amount: Amount) -> DispatchResult {
			let issued = Issued::<T>::get(currency)
				.checked_add(amount)
				.filter(|issued| *issued <= MAX_ISSUANCE)
				.ok_or(Error::<T>::Overflow)?;
			T::Assets::mint_into(currency, to, amount)?;
			Issued::<T>::insert(currency, issued);
			Ok(())
		}

		fn burn(currency: CurrencyId, from: &T::AccountId, amount: Amount) -> DispatchResult {
			T::Assets::burn_from(
				currency,
				from,
				amount,
				Preservation::Expendable,
				Precision::Exact,
				Fortitude::Polite,
			)?;
			Issued::<T>::try_mutate(currency, |issued| {
				*issued = issued.checked_sub(amount).ok_or(Error::<T>::Overflow)?;
				Ok(())
			})
		}

		/// Append the record's current state to the history of every account on its legs, in the
		/// off-chain index, and move each account's head.
		fn write_history(reference: &Reference, record: &Record<T::AccountId>) {
			let block = frame_system::Pallet::<T>::block_number();
			for who in &record.parties() {
				let outgoing = record.legs.iter().find(|leg| leg.from.as_ref() == Some(who));
				let incoming = record.legs.iter().find(|leg| leg.to.as_ref() == Some(who));
				let Some(main) = outgoing.or(incoming) else { continue };
				let counter_leg = outgoing.and(incoming).map(|leg| (leg.currency, leg.amount));
				let counterparty =
					if outgoing.is_some() { main.to.clone() } else { main.from.clone() };
				let head = Histories::<T>::get(who);
				let entry = HistoryEntry {
					reference: *reference,
					kind: record.kind,
					status: record.status,
					counterparty,
					currency: main.currency,
					amount: main.amount,
					outgoing: outgoing.is_some(),
					counter_leg,
					at: record.updated_at,
					block,
					previous: head.latest,
				};
				let encoded = entry.encode();
				let hash = H256(sp_io::hashing::blake2_256(&encoded));
				sp_io::offchain_index::set(&history_key(&hash), &encoded);
				Histories::<T>::insert(
					who,
					HistoryHead { count: head.count.saturating_add(1), latest: Some(hash) },
				);
			}
		}

		/// The account's holdings in every registered currency (`ForexApi::balances`).
		pub fn holdings(who: &T::AccountId) -> Vec<Holding> {
			Currencies::<T>::iter()
				.map(|(currency, info)| Holding {
					currency,
					code: info.code,
					decimals: info.decimals,
					free: T::Assets::balance(currency, who),
					reserved: Reserved::<T>::get(who, currency),
				})
				.collect()
		}

		/// Open quotes, of one maker or all (`ForexApi::quotes`).
		pub fn open_quotes(maker: Option<T::AccountId>) -> Vec<(u64, Quote<T::AccountId>)> {
			let now = T::Time::now();
			Quotes::<T>::iter()
				.filter(|(_, quote)| quote.expires_at > now)
				.filter(|(_, quote)| maker.as_ref().is_none_or(|m| *m == quote.maker))
				.collect()
		}

		/// Open trades in which `party` is either side, or all (`ForexApi::trades`).
		pub fn open_trades(party: Option<T::AccountId>) -> Vec<(u64, Trade<T::AccountId>)> {
			Trades::<T>::iter()
				.filter(|(_, trade)| {
					party.as_ref().is_none_or(|p| *p == trade.proposer || *p == trade.counterparty)
				})
				.collect()
		}

		/// The pallet's invariants:
		/// - per currency, the issuance equals what issuers minted less what they burnt;
		/// - per currency, the escrow account holds exactly the sum of reservations, which equals
		///   the sum of the open records' reserved legs, the open trade offers' reserved legs and
		///   what other pallets reserved through `ForexLedger::reserve`;
		/// - open quotes and trades per account match the counters.
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			use alloc::collections::BTreeMap;
			let escrow = Self::escrow_account();
			let mut expected: BTreeMap<CurrencyId, Amount> = BTreeMap::new();
			let mut add = |leg: &Leg<T::AccountId>| {
				let total = expected.entry(leg.currency).or_default();
				*total = total.saturating_add(leg.amount);
			};
			for (_, record) in Records::<T>::iter() {
				if record.status.is_open() {
					record.legs.iter().for_each(&mut add);
				}
			}
			let mut offers: BTreeMap<T::AccountId, u32> = BTreeMap::new();
			for (_, trade) in Trades::<T>::iter() {
				add(&trade.give_leg());
				offers.entry(trade.proposer.clone()).or_default().saturating_inc();
			}
			for (_, quote) in Quotes::<T>::iter() {
				offers.entry(quote.maker.clone()).or_default().saturating_inc();
			}
			for (who, currency, amount) in LedgerReserved::<T>::iter() {
				add(&Self::ledger_reservation(&who, currency, amount));
			}
			for (currency, _) in Currencies::<T>::iter() {
				ensure!(
					T::Assets::total_issuance(currency) == Issued::<T>::get(currency),
					"issuance differs from what issuers minted less what they burnt"
				);
				ensure!(
					Issued::<T>::get(currency) <= MAX_ISSUANCE,
					"issuance passed MAX_ISSUANCE, where a transfer may lose its amount"
				);
				let escrowed = Escrowed::<T>::get(currency);
				ensure!(
					T::Assets::balance(currency, &escrow) == escrowed,
					"escrow balance differs from the sum of reservations"
				);
				ensure!(
					expected.get(&currency).copied().unwrap_or_default() == escrowed,
					"reservations differ from the open records and trades"
				);
				let booked = Reserved::<T>::iter()
					.filter(|(_, c, _)| *c == currency)
					.fold(0u128, |sum, (_, _, amount)| sum.saturating_add(amount));
				ensure!(booked == escrowed, "per-account reservations differ from the escrow");
			}
			ensure!(
				OpenOffers::<T>::iter().collect::<BTreeMap<_, _>>() == offers,
				"open-offer counters differ from the open quotes and trades"
			);
			Ok(())
		}
	}

	impl<T: Config> ForexLedger<T::AccountId> for Pallet<T> {
		fn transfer(
			from: &T::AccountId,
			to: &T::AccountId,
			currency: CurrencyId,
			amount: Amount,
			purpose: Purpose,
		) -> Result<LedgerOutcome, DispatchError> {
			ensure!(from != to, Error::<T>::SelfPayment);
			let crossing = Self::crossing(from, to, purpose)?;
			Self::ensure_can_pay(from, currency, amount)?;
			let leg = Leg { from: Some(from.clone()), to: Some(to.clone()), currency, amount };
			// The travel rule asks that originator and beneficiary data go with a cross-border
			// payment. A pallet's transfer runs between verified accounts, so the chain names
			// them itself: the persons of their credentials, keyed hashes of the identity
			// documents their registrars hold.
			let travel_rule = crossing.as_ref().map(|(payer, payee)| TravelRule::Hashes {
				originator: payer.person,
				beneficiary: payee.person,
			});
			let operation = Record {
				purpose,
				cross_border: crossing.is_some(),
				travel_rule,
				..Record::new(MovementKind::Ledger, leg)
			};
			// A denial must leave no trace in the caller's state: undo the record with it.
			frame_support::storage::with_storage_layer(|| match Self::submit(operation, false)? {
				(_, PaymentStatus::Denied) => Err(Error::<T>::Denied.into()),
				(reference, PaymentStatus::Held) => Ok(LedgerOutcome::Held(reference)),
				(reference, _) => Ok(LedgerOutcome::Executed(reference)),
			})
		}

		fn balance(who: &T::AccountId, currency: CurrencyId) -> Amount {
			T::Assets::reducible_balance(currency, who, Preservation::Expendable, Fortitude::Polite)
		}

		/// What `pay` costs: the same checks, movement, record and history, without the
		/// travel-rule payload it may carry.
		fn transfer_weight() -> Weight {
			T::WeightInfo::pay().saturating_add(Self::supervision_weight())
		}

		fn supervision_weight() -> Weight {
			T::CapitalFlowCheck::weight().saturating_add(hold_margin::<T>(1))
		}

		fn reserve(who: &T::AccountId, currency: CurrencyId, amount: Amount) -> DispatchResult {
			// All or nothing, also for a caller that goes on after an error.
			frame_support::storage::with_storage_layer(|| {
				Self::ensure_can_pay(who, currency, amount)?;
				Self::reserve(&Self::ledger_reservation(who, currency, amount))?;
				LedgerReserved::<T>::try_mutate(who, currency, |reserved| {
					*reserved = reserved.checked_add(amount).ok_or(Error::<T>::Overflow)?;
					Ok(())
				})
			})
		}

		fn unreserve(who: &T::AccountId, currency: CurrencyId, amount: Amount) -> DispatchResult {
			frame_support::storage::with_storage_layer(|| {
				LedgerReserved::<T>::try_mutate_exists(who, currency, |slot| -> DispatchResult {
					let left = slot
						.unwrap_or_default()
						.checked_sub(amount)
						.ok_or(Error::<T>::InsufficientReserve)?;
					*slot = (!left.is_zero()).then_some(left);
					Ok(())
				})?;
				Self::return_reserved(&Self::ledger_reservation(who, currency, amount))
			})
		}

		fn reserved(who: &T::AccountId, currency: CurrencyId) -> Amount {
			LedgerReserved::<T>::get(who, currency)
		}

		fn parties(reference: &Reference) -> Vec<T::AccountId> {
			Records::<T>::get(reference).map(|record| record.parties()).unwrap_or_default()
		}
	}
}
