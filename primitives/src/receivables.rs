//! Trade finance and securitisation: trade documents financed at most once up to their face
//! value, receivables (a document's collections or a lease's future rent) assigned to a buyer,
//! and pools of receivables whose collections pay the holders of their senior and junior units.
//!
//! Two pallets share these types: `pallet-receivables` keeps the registry, the financings and
//! the assignments; `pallet-securitisation` keeps the pools. The leasing pallet routes rent to
//! a lease's assignee through [`RentRouting`] and describes its leases as receivables through
//! [`LeaseReceivables`].

use crate::{
	forex::{Amount, CurrencyId, Reference},
	leasing::LeaseId,
	Moment,
};
use alloc::vec::Vec;
use codec::{Codec, Decode, Encode};
use scale_info::TypeInfo;
use sp_core::{ConstU32, Get, H256};
use sp_runtime::{BoundedVec, DispatchResult, Weight};

/// A trade document's key: a keyed hash of its kind and number (the customs declaration
/// number, the invoice number, ...) under a key the consortium's registrants share, so that the
/// same document registered twice gets the same key and nobody learns the number from it.
pub type DocumentId = H256;

/// A financing's number, in registration order.
pub type FinancingId = u64;

/// A securitisation pool's number, in creation order.
pub type PoolId = u32;

/// A pool-unit asset's id in the pool-unit ledger: `pool × 2 + tranche index`.
pub type UnitId = u32;

/// The most banks that may hold financing against one document at a time.
pub const MAX_ENDORSEMENTS: u32 = 8;

/// Per payment period rates, in basis points (1/100 of a percent).
pub type BasisPoints = u32;

wire_type! {
	/// What a trade document is.
	pub enum DocumentKind {
		/// An export or import customs declaration, registered by customs.
		#[codec(index = 0)]
		CustomsDeclaration,
		/// A commercial or VAT invoice, registered by the tax authority or the seller's bank.
		#[codec(index = 1)]
		Invoice,
		/// A bill of lading or airway bill, registered by the carrier or a logistics platform.
		#[codec(index = 2)]
		BillOfLading,
		/// A credit-insurance policy covering the receivable.
		#[codec(index = 3)]
		CreditInsurance,
	}
}

wire_type! {
	/// A receivable: a trade document's collections, or a lease's future rent.
	pub enum ReceivableId {
		#[codec(index = 0)]
		Document(DocumentId),
		#[codec(index = 1)]
		Lease(LeaseId),
	}
}

wire_type! {
	/// A tranche of a pool: seniors are paid interest and principal first, juniors take what is
	/// left and absorb losses first.
	pub enum Tranche {
		#[codec(index = 0)]
		Senior,
		#[codec(index = 1)]
		Junior,
	}
}

impl Tranche {
	/// Both tranches, in payment order.
	pub const ALL: [Tranche; 2] = [Tranche::Senior, Tranche::Junior];
}

/// One financing bank's claim on a document, in the order of registration (which is the order
/// in which collections repay them).
#[derive(
	Clone,
	PartialEq,
	Eq,
	Encode,
	Decode,
	codec::DecodeWithMemTracking,
	codec::MaxEncodedLen,
	TypeInfo,
	Debug,
	serde::Serialize,
)]
pub struct Endorsement<AccountId> {
	pub financing: FinancingId,
	pub bank: AccountId,
	/// What this financing still has outstanding against the document.
	pub outstanding: Amount,
	/// When the financing was registered: the earlier has priority.
	pub registered_at: Moment,
}

/// A document's endorsements, oldest first.
pub type Endorsements<AccountId> = BoundedVec<Endorsement<AccountId>, ConstU32<MAX_ENDORSEMENTS>>;

wire_type! {
	/// Where a financing stands.
	pub enum FinancingStatus {
		/// Disbursed (or its disbursement in review); its endorsements protect the bank.
		#[codec(index = 0)]
		Open,
		/// Repaid in full (by the borrower or by collections): its endorsements are gone.
		#[codec(index = 1)]
		Repaid,
		/// Closed by the bank with the rest settled off chain: its endorsements are gone.
		#[codec(index = 2)]
		Released,
	}
}

/// A bank's financing against one or more trade documents (`pallet-receivables`), kept after
/// it closes as a record. `S` bounds its lines (the runtime's `MaxDocumentsPerFinancing`).
#[derive(
	Encode, Decode, codec::DecodeWithMemTracking, codec::MaxEncodedLen, TypeInfo, serde::Serialize,
)]
#[scale_info(skip_type_params(S))]
#[codec(mel_bound(AccountId: codec::MaxEncodedLen))]
#[serde(bound(serialize = "AccountId: serde::Serialize"))]
pub struct Financing<AccountId, S: Get<u32>> {
	/// The financing bank (an `Issuer`), which disbursed the principal.
	pub bank: AccountId,
	/// The documents' holder when it was financed, who received the principal and repays it.
	pub borrower: AccountId,
	pub currency: CurrencyId,
	/// What was disbursed: the sum of the lines' amounts.
	pub principal: Amount,
	/// What is still owed: the sum of its endorsements' outstanding amounts (zero once closed).
	pub outstanding: Amount,
	/// The documents financed and the amount against each, in the order repayments reduce them.
	pub lines: BoundedVec<(DocumentId, Amount), S>,
	pub registered_at: Moment,
	pub status: FinancingStatus,
	/// Its disbursement, or a repayment of it, that supervision holds for review.
	pub in_review: Option<Reference>,
}

impl<AccountId: Clone, S: Get<u32>> Clone for Financing<AccountId, S> {
	fn clone(&self) -> Self {
		Self {
			bank: self.bank.clone(),
			borrower: self.borrower.clone(),
			currency: self.currency,
			principal: self.principal,
			outstanding: self.outstanding,
			lines: self.lines.clone(),
			registered_at: self.registered_at,
			status: self.status,
			in_review: self.in_review,
		}
	}
}

impl<AccountId: PartialEq, S: Get<u32>> PartialEq for Financing<AccountId, S> {
	fn eq(&self, other: &Self) -> bool {
		self.bank == other.bank
			&& self.borrower == other.borrower
			&& self.currency == other.currency
			&& self.principal == other.principal
			&& self.outstanding == other.outstanding
			&& self.lines == other.lines
			&& self.registered_at == other.registered_at
			&& self.status == other.status
			&& self.in_review == other.in_review
	}
}

impl<AccountId: Eq, S: Get<u32>> Eq for Financing<AccountId, S> {}

impl<AccountId: core::fmt::Debug, S: Get<u32>> core::fmt::Debug for Financing<AccountId, S> {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		f.debug_struct("Financing")
			.field("bank", &self.bank)
			.field("borrower", &self.borrower)
			.field("currency", &self.currency)
			.field("principal", &self.principal)
			.field("outstanding", &self.outstanding)
			.field("lines", &self.lines)
			.field("registered_at", &self.registered_at)
			.field("status", &self.status)
			.field("in_review", &self.in_review)
			.finish()
	}
}

/// What the registry tells a pool about a receivable, now.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct ReceivableInfo<AccountId> {
	/// Who the debtor's payments go to: the registered assignee, otherwise the creditor.
	pub holder: AccountId,
	pub currency: CurrencyId,
	/// What the debtor still owes.
	pub outstanding: Amount,
	/// When the next (or the only) payment falls due.
	pub due: Moment,
	/// Whether the receivable is in default: a document unpaid past its due date and grace
	/// period, a lease defaulted, accelerated or terminated.
	pub defaulted: bool,
}

/// What a lease is, seen as a receivable (implemented by the leasing pallet).
pub trait LeaseReceivables<AccountId> {
	/// The lease's lessor (who holds the right to its rent unless assigned), while it is open.
	fn lessor(lease: LeaseId) -> Option<AccountId>;
	/// The lease's currency, its rent still to be paid, the next due date and whether it is in
	/// default, for an active lease (`None` for drafts and closed leases). `holder` is the
	/// lessor; the registry replaces it with the assignee.
	fn receivable(lease: LeaseId) -> Option<ReceivableInfo<AccountId>>;
	/// The most one `receivable` (or `lessor`) costs.
	fn weight() -> Weight;
}

impl<AccountId> LeaseReceivables<AccountId> for () {
	fn lessor(_: LeaseId) -> Option<AccountId> {
		None
	}
	fn receivable(_: LeaseId) -> Option<ReceivableInfo<AccountId>> {
		None
	}
	fn weight() -> Weight {
		Weight::zero()
	}
}

/// Where a lease's rent goes (the leasing pallet asks the registry before every rent payment).
pub trait RentRouting<AccountId> {
	/// Who is paid lease `lease`'s rent: its assignee, or `lessor` when it is not assigned.
	fn payee(lease: LeaseId, lessor: &AccountId) -> AccountId;
	/// `amount` of `currency` paid by lease `lease`'s lessee reached `payee` (executed, not
	/// held).
	fn collected(lease: LeaseId, payee: &AccountId, currency: CurrencyId, amount: Amount);
	/// The most `payee` and `collected` cost together.
	fn weight() -> Weight;
}

impl<AccountId: Clone> RentRouting<AccountId> for () {
	fn payee(_: LeaseId, lessor: &AccountId) -> AccountId {
		lessor.clone()
	}
	fn collected(_: LeaseId, _: &AccountId, _: CurrencyId, _: Amount) {}
	fn weight() -> Weight {
		Weight::zero()
	}
}

/// The receivable registry, as a securitisation pool sees it (implemented by
/// `pallet-receivables`).
pub trait ReceivableRegistry<AccountId> {
	/// The receivable now, if it is registered (a document) or open (a lease).
	fn info(id: &ReceivableId) -> Option<ReceivableInfo<AccountId>>;
	/// Assign `id` from its holder `from` to `to`, registered at once. Fails if `from` is not
	/// the holder.
	fn assign(id: &ReceivableId, from: &AccountId, to: &AccountId) -> DispatchResult;
	/// What one `assign` costs.
	fn assign_weight() -> Weight;
	/// The most one `info` costs.
	fn info_weight() -> Weight;
}

/// Who learns of money collected on a receivable (implemented by `pallet-securitisation`, so a
/// pool counts the collections that reach its account).
pub trait CollectionObserver<AccountId> {
	/// `amount` of `currency` paid by the debtor of `id` reached its holder `holder`.
	fn collected(id: &ReceivableId, holder: &AccountId, currency: CurrencyId, amount: Amount);
	/// The most one `collected` costs.
	fn weight() -> Weight;
}

impl<AccountId> CollectionObserver<AccountId> for () {
	fn collected(_: &ReceivableId, _: &AccountId, _: CurrencyId, _: Amount) {}
	fn weight() -> Weight {
		Weight::zero()
	}
}

/// A registered trade document with its financing and collection state, for clients.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug, serde::Serialize)]
pub struct DocumentStatus<AccountId> {
	pub id: DocumentId,
	pub kind: DocumentKind,
	pub registrant: AccountId,
	pub creditor: AccountId,
	/// A keyed hash of the debtor's identity (no personal data on chain).
	pub debtor: H256,
	pub currency: CurrencyId,
	pub face_value: Amount,
	pub due: Moment,
	pub registered_at: Moment,
	/// The sum of the endorsements' outstanding amounts: never above the face value.
	pub financed: Amount,
	pub collected: Amount,
	/// What a bank may still finance against it.
	pub available: Amount,
	/// Who the debtor's payments go to.
	pub holder: AccountId,
	pub endorsements: Vec<Endorsement<AccountId>>,
}

wire_type! {
	/// Where a securitisation pool stands.
	pub enum PoolStatus {
		/// The originator is adding receivables; no units exist yet.
		#[codec(index = 0)]
		Open,
		/// Units are issued: investors buy them and the collections pay them on payment dates.
		#[codec(index = 1)]
		Issued,
		/// Wound up: nothing is owed and nothing more is paid.
		#[codec(index = 2)]
		Closed,
	}
}

wire_type! {
	/// One tranche of a pool: its units, what each unit's face is, the face still outstanding
	/// and its interest rate per payment period.
	pub struct TrancheState {
		/// How many units were issued (the supply of the tranche's unit asset).
		pub units: Amount,
		/// The face value of one unit, in the pool's currency.
		pub unit_face: Amount,
		/// The face not yet repaid nor written off: at most `units × unit_face`.
		pub principal: Amount,
		/// Interest per payment period on the principal, in basis points (the junior tranche
		/// has none: it takes the residual).
		pub rate_bps: BasisPoints,
	}
}

wire_type! {
	/// A receivable in a pool, with what the pool counted on it.
	pub struct Pooled {
		pub id: ReceivableId,
		/// Its outstanding amount when it was pooled.
		pub pooled: Amount,
		/// What its debtor has paid into the pool since.
		pub collected: Amount,
		/// The loss written off when it defaulted (zero while it performs).
		pub written_off: Amount,
	}
}

wire_type! {
	/// A payment date's waterfall, computed from the pool's cash when the date came: what each
	/// step takes, and how far the payout to the holders has gone.
	#[derive(Default)]
	pub struct Distribution {
		pub senior_interest: Amount,
		pub senior_principal: Amount,
		pub junior_principal: Amount,
		pub junior_residual: Amount,
		/// The next holder to pay (an index into the pool's holders).
		pub cursor: u32,
	}
}

/// A securitisation pool. `Receivables` is a bounded list in storage and a `Vec` in
/// [`PoolView`].
#[derive(
	Clone,
	PartialEq,
	Eq,
	Encode,
	Decode,
	codec::DecodeWithMemTracking,
	codec::MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct Pool<AccountId, Receivables> {
	/// The licensed institution that pooled the receivables and sells the units.
	pub originator: AccountId,
	/// The pool's own account (a special-purpose vehicle with its originator's profile), to
	/// which the receivables are assigned and the collections flow.
	pub account: AccountId,
	pub currency: CurrencyId,
	pub status: PoolStatus,
	pub receivables: Receivables,
	pub senior: TrancheState,
	pub junior: TrancheState,
	/// Time between payment dates, in milliseconds.
	pub payment_interval: Moment,
	/// The next payment date.
	pub next_payment: Moment,
	/// Everything the receivables' debtors paid into the pool.
	pub collected: Amount,
	/// Everything paid (or held for review on the way) to the holders.
	pub paid_out: Amount,
	/// Held payouts that supervision sent back to the pool.
	pub returned: Amount,
	/// The losses written off on defaulted receivables.
	pub losses: Amount,
	/// Money past payment dates gave particular holders and that has not reached them: payouts
	/// refused or sent back (owed to their holder), and the share of units waiting in the pool's
	/// account for a purchase in review (owed to whoever ends up with the units). Kept out of
	/// the cash the waterfall shares.
	pub owed: Amount,
}

/// One tranche as a client reads it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct TrancheView {
	/// The tranche's asset id in the pool-unit ledger (`pool × 2 + tranche index`).
	pub unit_id: UnitId,
	pub state: TrancheState,
	/// The units in existence (equal to `state.units` once issued, zero before).
	pub supply: Amount,
}

/// One holder's units.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct HolderView<AccountId> {
	pub account: AccountId,
	pub senior_units: Amount,
	pub junior_units: Amount,
	/// What past payment dates gave it and it has not received yet (a payout refused or sent
	/// back): paid with its share at the next payment date.
	pub owed: Amount,
}

/// A pool with everything an investor or the regulator reads about it
/// (`SecuritisationApi::pool`).
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct PoolView<AccountId> {
	pub id: PoolId,
	pub pool: Pool<AccountId, Vec<Pooled>>,
	/// Each pooled receivable as the registry describes it now (`None` once it left the
	/// registry).
	pub receivables: Vec<(Pooled, Option<ReceivableInfo<AccountId>>)>,
	pub senior: TrancheView,
	pub junior: TrancheView,
	/// The holders in payment order (the originator first) with their units.
	pub holders: Vec<HolderView<AccountId>>,
	/// What the next payment date's waterfall shares: collected + returned − paid out − owed.
	pub cash: Amount,
	/// The payment date being paid out, if one is.
	pub distribution: Option<Distribution>,
}

sp_api::decl_runtime_apis! {
	/// Trade documents, their financing and assignment: what a bank checks before financing.
	pub trait ReceivablesApi<AccountId, Financing> where AccountId: Codec, Financing: Codec {
		/// A document's financing status, if it is registered.
		fn document(id: DocumentId) -> Option<DocumentStatus<AccountId>>;
		/// The financings a bank holds, open first, newest first.
		fn financings_of(bank: AccountId) -> Vec<(FinancingId, Financing)>;
		/// Who receives a receivable's payments: the registered assignee, or `None` when it is
		/// not assigned.
		fn assignee(id: ReceivableId) -> Option<AccountId>;
	}

	/// Securitisation pools: their receivables, tranches, collections and payouts.
	pub trait SecuritisationApi<AccountId> where AccountId: Codec {
		/// A pool with everything an investor or the regulator reads about it.
		fn pool(id: PoolId) -> Option<PoolView<AccountId>>;
		/// Every pool's number.
		fn pools() -> Vec<PoolId>;
	}
}
