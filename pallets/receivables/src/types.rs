//! The registry's records: documents, assignments, offers, and the pallet's own bookkeeping of
//! payments that supervision holds.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use fxchain_primitives::{
	forex::{Amount, CurrencyId},
	receivables::{DocumentId, DocumentKind, Endorsements, FinancingId},
	Moment,
};
use scale_info::TypeInfo;
use sp_core::H256;

/// A registered trade document with its financing and collection state.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Document<AccountId> {
	pub kind: DocumentKind,
	/// The licensed data provider or bank that registered it.
	pub registrant: AccountId,
	/// Who the debtor owes (the exporter): the holder unless the document is assigned.
	pub creditor: AccountId,
	/// A keyed hash of the debtor's identity (no personal data on chain).
	pub debtor: H256,
	pub currency: CurrencyId,
	pub face_value: Amount,
	pub due: Moment,
	pub registered_at: Moment,
	/// The sum of its endorsements' outstanding amounts: never above the face value.
	pub financed: Amount,
	/// What the debtor has paid: never above the face value.
	pub collected: Amount,
	/// The banks' claims on it, oldest first (their priority).
	pub endorsements: Endorsements<AccountId>,
	/// A payment of it that supervision holds for review.
	pub in_review: Option<fxchain_primitives::forex::Reference>,
}

/// A registered assignment: the receivable's payments go to `assignee`.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Assignment<AccountId> {
	/// The holder that assigned it.
	pub assignor: AccountId,
	pub assignee: AccountId,
	pub registered_at: Moment,
}

/// An unregistered assignment: the holder `assignor` offers the receivable to `assignee`, who
/// registers it. Void once `assignor` no longer holds the receivable.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Offer<AccountId> {
	pub assignor: AccountId,
	pub assignee: AccountId,
	pub offered_at: Moment,
}

/// A payment supervision holds for review, and what it does once released.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub enum Pending<AccountId> {
	/// The borrower repays `amount` of `financing` to its bank.
	#[codec(index = 0)]
	Repayment { financing: FinancingId, amount: Amount },
	/// `payer` pays `amount` of `document` to its holder at the time, `holder`.
	#[codec(index = 1)]
	DocumentPayment { document: DocumentId, payer: AccountId, holder: AccountId, amount: Amount },
	/// The bank disburses `financing`'s principal to the borrower. Released, the financing
	/// stands; returned, it is void and its endorsements leave the documents.
	#[codec(index = 2)]
	Disbursement { financing: FinancingId },
}
