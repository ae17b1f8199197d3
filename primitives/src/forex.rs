//! Forex accounts: currencies, payments and the supervision hook.
//!
//! Every movement of a currency unit is proposed to [`CapitalFlowCheck`] before balances change,
//! and other pallets move money only through [`ForexLedger`], which takes the same path.

use crate::{kyc::KycProfile, Moment};
use alloc::vec::Vec;
use codec::{Codec, Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};
use sp_core::{ConstU32, H256};
use sp_runtime::{BoundedVec, DispatchError, DispatchResult, Weight};

/// A currency: its ISO 4217 numeric code (156 CNY, 840 USD, 978 EUR, 392 JPY, ...), which is
/// also its `pallet-assets` asset id.
pub type CurrencyId = u32;

/// An amount of a currency, in its minor unit (cents for USD, fen for CNY, yen for JPY).
pub type Amount = u128;

/// The end-to-end reference of a payment, trade or conversion (like SWIFT gpi's UETR): unique
/// on the chain, the same for payer, payee and regulator.
pub type Reference = H256;

/// The largest encrypted travel-rule payload, in bytes.
pub const MAX_TRAVEL_RULE_PAYLOAD: u32 = 1024;

wire_type! {
	/// Why money moves, balance-of-payments style. Every payment carries one; a cross-border
	/// payment needs one of the international categories (anything but `Domestic`).
	pub enum Purpose {
		/// Payment within one jurisdiction between residents, no balance-of-payments category.
		#[codec(index = 0)]
		Domestic,
		/// Import or export of goods.
		#[codec(index = 1)]
		GoodsTrade,
		/// Services: transport, travel, royalties, consulting, ...
		#[codec(index = 2)]
		ServicesTrade,
		/// Wages, interest, dividends.
		#[codec(index = 3)]
		PrimaryIncome,
		/// Remittances, gifts, pensions: current transfers.
		#[codec(index = 4)]
		CurrentTransfer,
		/// Capital transfers and non-produced assets.
		#[codec(index = 5)]
		CapitalAccount,
		/// Direct and portfolio investment, loans.
		#[codec(index = 6)]
		FinancialAccount,
	}
}

wire_type! {
	/// Supporting documents a payment refers to, as hashes of the documents held off chain.
	#[derive(Default)]
	pub struct Documents {
		/// The underlying trade document (contract, invoice, customs declaration): what a
		/// class-B enterprise must show on a cross-border payment.
		pub trade_document: Option<H256>,
		/// The tax-filing reference a large services-trade payment needs.
		pub tax_filing: Option<H256>,
	}
}

/// Travel-rule data about originator and beneficiary, never in the clear.
#[derive(
	Clone,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	Serialize,
	Deserialize,
)]
pub enum TravelRule {
	/// Hashes of the originator's and beneficiary's data, which the banks keep.
	#[codec(index = 0)]
	Hashes { originator: H256, beneficiary: H256 },
	/// The data encrypted for the regulator and the counterparty.
	#[codec(index = 1)]
	Encrypted(BoundedVec<u8, ConstU32<MAX_TRAVEL_RULE_PAYLOAD>>),
}

wire_type! {
	/// What a movement is, for the rules that depend on it.
	pub enum MovementKind {
		/// An issuer credits an account against fiat it received (mint).
		#[codec(index = 0)]
		Deposit,
		/// A holder takes money out to fiat at its issuer (burn).
		#[codec(index = 1)]
		Withdrawal,
		/// A payment from one account to another.
		#[codec(index = 2)]
		Payment,
		/// One leg of a conversion at a market maker's quote.
		#[codec(index = 3)]
		Conversion,
		/// One leg of an institution-to-institution FX trade.
		#[codec(index = 4)]
		Trade,
		/// A movement another pallet makes through [`ForexLedger`] (rent, for example).
		#[codec(index = 5)]
		Ledger,
	}
}

/// One movement of one currency, as proposed to supervision. Deposits have no payer,
/// withdrawals no payee.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct Movement<AccountId> {
	/// The operation's end-to-end reference (both legs of an exchange share it).
	pub reference: Reference,
	pub kind: MovementKind,
	pub from: Option<AccountId>,
	pub to: Option<AccountId>,
	pub currency: CurrencyId,
	pub amount: Amount,
	/// Decided by the forex pallet from the parties' residency and jurisdiction.
	pub cross_border: bool,
	pub purpose: Purpose,
	/// Whether originator and beneficiary data accompany the movement.
	pub travel_rule: bool,
	pub documents: Documents,
	/// For a leg of a conversion or trade: the currency of the other leg, which tells a purchase
	/// of foreign currency from a settlement.
	pub counter_currency: Option<CurrencyId>,
}

wire_type! {
	/// A rule of capital-flow supervision that applies to a movement. The indices are the bit
	/// positions in [`Reasons`].
	pub enum Reason {
		#[codec(index = 0)]
		IdentityNotLive,
		#[codec(index = 1)]
		AccountFrozen,
		#[codec(index = 2)]
		CurrencyFrozen,
		#[codec(index = 3)]
		PaymentsPaused,
		#[codec(index = 4)]
		WatchListed,
		#[codec(index = 5)]
		PurchaseQuotaExceeded,
		#[codec(index = 6)]
		SettlementQuotaExceeded,
		#[codec(index = 7)]
		TradeDocumentRequired,
		#[codec(index = 8)]
		PriorReviewRequired,
		#[codec(index = 9)]
		TaxFilingRequired,
		#[codec(index = 10)]
		TravelRuleDataRequired,
		#[codec(index = 11)]
		RateUnavailable,
		#[codec(index = 12)]
		ForbiddenCapitalUse,
		#[codec(index = 13)]
		LargeValueCash,
		#[codec(index = 14)]
		LargeValueEntity,
		#[codec(index = 15)]
		LargeValueIndividualDomestic,
		#[codec(index = 16)]
		LargeValueIndividualCrossBorder,
		#[codec(index = 17)]
		Structuring,
	}
}

impl Reason {
	/// Every reason, in index order.
	pub const ALL: [Reason; 18] = [
		Reason::IdentityNotLive,
		Reason::AccountFrozen,
		Reason::CurrencyFrozen,
		Reason::PaymentsPaused,
		Reason::WatchListed,
		Reason::PurchaseQuotaExceeded,
		Reason::SettlementQuotaExceeded,
		Reason::TradeDocumentRequired,
		Reason::PriorReviewRequired,
		Reason::TaxFilingRequired,
		Reason::TravelRuleDataRequired,
		Reason::RateUnavailable,
		Reason::ForbiddenCapitalUse,
		Reason::LargeValueCash,
		Reason::LargeValueEntity,
		Reason::LargeValueIndividualDomestic,
		Reason::LargeValueIndividualCrossBorder,
		Reason::Structuring,
	];

	/// The reason's bit in [`Reasons`]: its codec index.
	fn bit(self) -> u32 {
		let index = self.using_encoded(|bytes| bytes.first().copied().unwrap_or_default());
		1u32.checked_shl(u32::from(index)).unwrap_or_default()
	}
}

wire_type! {
	/// A set of [`Reason`]s, one bit each: every rule that applies, in four bytes.
	#[derive(Default)]
	pub struct Reasons(pub u32);
}

impl Reasons {
	/// The set holding `reasons`.
	pub fn of(reasons: &[Reason]) -> Self {
		reasons.iter().fold(Self::default(), |set, reason| set.with(*reason))
	}

	/// This set and `reason`.
	pub fn with(self, reason: Reason) -> Self {
		Self(self.0 | reason.bit())
	}

	pub fn contains(&self, reason: Reason) -> bool {
		self.0 & reason.bit() != 0
	}

	pub fn is_empty(&self) -> bool {
		self.0 == 0
	}

	/// The reasons in the set, in index order.
	pub fn to_vec(&self) -> Vec<Reason> {
		Reason::ALL.into_iter().filter(|reason| self.contains(*reason)).collect()
	}
}

impl core::ops::BitOr for Reasons {
	type Output = Self;
	fn bitor(self, other: Self) -> Self {
		Self(self.0 | other.0)
	}
}

wire_type! {
	/// Supervision's answer to a proposed movement, with every reason that applies.
	pub enum Decision {
		/// Execute.
		#[codec(index = 0)]
		Allow,
		/// Execute, and the reasons are recorded as reports (large value, structuring).
		#[codec(index = 1)]
		Report(Reasons),
		/// Reserve the funds until a supervisor releases or rejects the payment.
		#[codec(index = 2)]
		Hold(Reasons),
		/// Refuse; no balance changes.
		#[codec(index = 3)]
		Deny(Reasons),
	}
}

impl Decision {
	fn severity(&self) -> u8 {
		match self {
			Decision::Allow => 0,
			Decision::Report(_) => 1,
			Decision::Hold(_) => 2,
			Decision::Deny(_) => 3,
		}
	}

	/// The reasons the decision gives (none for `Allow`).
	pub fn reasons(&self) -> Reasons {
		match self {
			Decision::Allow => Reasons::default(),
			Decision::Report(r) | Decision::Hold(r) | Decision::Deny(r) => *r,
		}
	}

	/// The decision for an operation of several legs: the most severe of the two, with the
	/// reasons of both (a denial lists every reason, also those that alone would only hold).
	pub fn combine(self, other: Decision) -> Decision {
		let reasons = self.reasons() | other.reasons();
		match self.severity().max(other.severity()) {
			0 => Decision::Allow,
			1 => Decision::Report(reasons),
			2 => Decision::Hold(reasons),
			_ => Decision::Deny(reasons),
		}
	}
}

/// Capital-flow supervision as the forex pallet sees it.
///
/// The forex pallet asks [`check`](Self::check) about every leg of an operation before any
/// balance changes, acts on the most severe answer, and then tells supervision what it did:
/// [`decided`](Self::decided) once per leg when the operation executed or was held (never for a
/// denial), and, for a hold, [`released`](Self::released) when a supervisor released it or
/// [`returned`](Self::returned) when its funds went back (rejected, or the review period ended).
pub trait CapitalFlowCheck<AccountId> {
	/// The decision for `movement`, without side effects (also used for dry runs).
	fn check(movement: &Movement<AccountId>) -> Decision;

	/// The forex pallet acted on the decision for `movement`: it executed (`held == false`; a
	/// withdrawal went to its issuer) or reserved it for review. Supervision records the reports
	/// the movement triggers and counts it against quotas (a held movement reserves its quota);
	/// an executed movement also counts against daily totals.
	fn decided(movement: &Movement<AccountId>, held: bool);

	/// A held `movement` was released and executed: it counts against daily totals now (its
	/// reports were recorded, and its quota reserved, when it was held).
	fn released(movement: &Movement<AccountId>);

	/// A held `movement` did not execute (a supervisor rejected it, or its review period ended):
	/// supervision gives back the quota it reserved.
	fn returned(movement: &Movement<AccountId>);

	/// How long a held operation waits for a supervisor before its funds return by themselves,
	/// in milliseconds.
	fn review_period() -> Moment;

	/// The most that `check` and `decided` (or `released`, or `returned`) cost for one movement,
	/// which the forex pallet adds to the weight of every call that proposes one.
	fn weight() -> Weight;
}

/// Allows everything and records nothing: a stand-in for tests that are not about supervision,
/// and the hook the forex pallet's own benchmarks run with (supervision's cost is benchmarked
/// separately and added per movement).
impl<AccountId> CapitalFlowCheck<AccountId> for () {
	fn check(_: &Movement<AccountId>) -> Decision {
		Decision::Allow
	}
	fn decided(_: &Movement<AccountId>, _: bool) {}
	fn released(_: &Movement<AccountId>) {}
	fn returned(_: &Movement<AccountId>) {}
	fn review_period() -> Moment {
		Moment::MAX
	}
	fn weight() -> Weight {
		Weight::zero()
	}
}

/// Whether money moving between two verified parties crosses a border: their residency differs
/// or their jurisdictions do. The payer never says so itself.
pub fn is_cross_border(payer: &KycProfile, payee: &KycProfile) -> bool {
	payer.residency != payee.residency || payer.jurisdiction != payee.jurisdiction
}

wire_type! {
	/// Where a payment, conversion, trade, deposit or withdrawal stands.
	pub enum PaymentStatus {
		/// Balances moved.
		#[codec(index = 0)]
		Executed,
		/// Funds reserved, waiting for a supervisor.
		#[codec(index = 1)]
		Held,
		/// A supervisor released the hold and the balances moved.
		#[codec(index = 2)]
		Released,
		/// A supervisor rejected the hold; the funds went back.
		#[codec(index = 3)]
		Rejected,
		/// Returned without execution: a withdrawal its issuer declined.
		#[codec(index = 4)]
		Returned,
		/// Supervision refused it; nothing moved.
		#[codec(index = 5)]
		Denied,
		/// A withdrawal waiting for its issuer to pay out the fiat; funds reserved.
		#[codec(index = 6)]
		Pending,
		/// Held, and no supervisor decided within the review period: the funds went back.
		#[codec(index = 7)]
		Expired,
	}
}

impl PaymentStatus {
	/// Whether the status can still change (and so funds may be reserved for it).
	pub fn is_open(&self) -> bool {
		matches!(self, PaymentStatus::Held | PaymentStatus::Pending)
	}
}

/// What a `ForexLedger` transfer came to.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub enum LedgerOutcome {
	/// Executed at once.
	Executed(Reference),
	/// Held for review: the funds are reserved, the payee is paid only when a supervisor
	/// releases it.
	Held(Reference),
}

/// How other pallets move currency: supervised exactly like a user's payment.
pub trait ForexLedger<AccountId> {
	/// Pay `amount` of `currency` from `from` to `to` for `purpose`, through supervision.
	/// A denial is `Err`, so the caller's whole call fails and nothing moves. A cross-border
	/// transfer carries the parties' persons (keyed hashes from their credentials) as its
	/// travel-rule data.
	fn transfer(
		from: &AccountId,
		to: &AccountId,
		currency: CurrencyId,
		amount: Amount,
		purpose: Purpose,
	) -> Result<LedgerOutcome, DispatchError>;

	/// The spendable balance of `who` in `currency`.
	fn balance(who: &AccountId, currency: CurrencyId) -> Amount;

	/// The most one `transfer` costs (supervision, the movement, the record and the history),
	/// for the calling pallet's own weights.
	fn transfer_weight() -> Weight;

	/// What supervision adds to one `transfer` (the check, its records and the hold path):
	/// the part of [`transfer_weight`](Self::transfer_weight) that a benchmark of the calling
	/// pallet does not measure, because benchmarks run with a hook that allows everything.
	fn supervision_weight() -> Weight;

	/// Set `amount` of `currency` aside from `who`'s spendable balance for the calling pallet
	/// (a lease's security deposit, for example). The funds stay `who`'s, shown as reserved;
	/// nothing crosses to another party, so supervision is not asked.
	fn reserve(who: &AccountId, currency: CurrencyId, amount: Amount) -> DispatchResult;

	/// Give back to `who`'s spendable balance `amount` that [`reserve`](Self::reserve) set
	/// aside. Fails, changing nothing, if less than `amount` is reserved that way.
	fn unreserve(who: &AccountId, currency: CurrencyId, amount: Amount) -> DispatchResult;

	/// What other pallets have reserved from `who` in `currency` through
	/// [`reserve`](Self::reserve).
	fn reserved(who: &AccountId, currency: CurrencyId) -> Amount;

	/// The accounts on the legs of the operation `reference`, while the chain retains its
	/// record (empty when it does not).
	fn parties(reference: &Reference) -> Vec<AccountId>;
}

/// What a pallet that moves money through [`ForexLedger`] learns about its transfers that
/// supervision held for review.
pub trait LedgerObserver {
	/// The held transfer `reference` concluded: a supervisor released it and the payee was paid
	/// (`executed`), or it was rejected or its review period ended and the payer has the funds
	/// back.
	fn concluded(reference: &Reference, executed: bool);

	/// The most one `concluded` costs, which the forex pallet adds to every release, rejection
	/// and expiry.
	fn weight() -> Weight;
}

impl LedgerObserver for () {
	fn concluded(_: &Reference, _: bool) {}
	fn weight() -> Weight {
		Weight::zero()
	}
}

/// Several pallets observe their own transfers: each is told of every conclusion and ignores
/// the references it does not hold.
#[impl_trait_for_tuples::impl_for_tuples(1, 4)]
impl LedgerObserver for Tuple {
	fn concluded(reference: &Reference, executed: bool) {
		for_tuples!( #( Tuple::concluded(reference, executed); )* );
	}
	fn weight() -> Weight {
		let mut weight = Weight::zero();
		for_tuples!( #( weight = weight.saturating_add(Tuple::weight()); )* );
		weight
	}
}

wire_type! {
	/// A registered currency.
	pub struct CurrencyInfo {
		/// ISO 4217 alphabetic code, three upper-case letters (`*b"USD"`).
		pub code: [u8; 3],
		/// Digits of the minor unit (2 for USD, 0 for JPY).
		pub decimals: u8,
	}
}

/// An account's holding of one currency, as the runtime API reports it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct Holding {
	pub currency: CurrencyId,
	pub code: [u8; 3],
	pub decimals: u8,
	/// What the account can spend.
	pub free: Amount,
	/// What is reserved for its held payments, pending withdrawals and open trade offers.
	pub reserved: Amount,
}

/// Where an account's history starts: kept on chain so that the history written to the
/// off-chain index at block import can be walked from it (see the forex pallet's docs).
#[derive(
	Clone,
	Copy,
	Default,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct HistoryHead {
	/// How many entries the account's history has.
	pub count: u32,
	/// The hash of the newest entry (its key in the off-chain index).
	pub latest: Option<H256>,
}

/// One entry of an account's history, as written to the off-chain index.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct HistoryEntry<AccountId, BlockNumber> {
	pub reference: Reference,
	pub kind: MovementKind,
	pub status: PaymentStatus,
	/// The other party, when there is one.
	pub counterparty: Option<AccountId>,
	/// What the account paid (`outgoing`) or received.
	pub currency: CurrencyId,
	pub amount: Amount,
	pub outgoing: bool,
	/// For a conversion or trade: the other leg, seen from the account.
	pub counter_leg: Option<(CurrencyId, Amount)>,
	/// Chain time of the entry.
	pub at: Moment,
	/// The block that wrote the entry.
	pub block: BlockNumber,
	/// The hash of the account's previous entry: the link to follow for older entries.
	pub previous: Option<H256>,
}

/// The key of the history entry whose SCALE encoding hashes (Blake2-256) to `entry` in the
/// off-chain index. Entries are addressed by their content, and each names the one before it,
/// so the chain of an account's entries that the on-chain head points to is exactly the one its
/// canonical blocks wrote: an entry a block on a losing fork wrote has another hash, and nothing
/// on the canonical chain points to it.
pub fn history_key(entry: &H256) -> Vec<u8> {
	(b"fxchain/forex/history", entry).encode()
}

sp_api::decl_runtime_apis! {
	/// Forex queries for wallets and integrators.
	pub trait ForexApi<AccountId, Record, Quote, Trade>
	where
		AccountId: Codec,
		Record: Codec,
		Quote: Codec,
		Trade: Codec,
	{
		/// The account's holdings in every registered currency.
		fn balances(who: AccountId) -> Vec<Holding>;
		/// A payment, conversion, trade, deposit or withdrawal by its reference, while the chain
		/// retains it (the history RPC keeps older ones).
		fn payment(reference: Reference) -> Option<Record>;
		/// Open quotes, optionally of one market maker.
		fn quotes(maker: Option<AccountId>) -> Vec<(u64, Quote)>;
		/// Open institution trades, optionally those in which `party` is either side.
		fn trades(party: Option<AccountId>) -> Vec<(u64, Trade)>;
		/// Where the account's history starts in the off-chain index.
		fn history_head(who: AccountId) -> HistoryHead;
	}
}
