//! Data-sharing permissions: the catalogue of data items about subjects, the subjects'
//! consents, the audit log of every access and the disputes about data. Only hashes and
//! locators go on chain; the data stays with its holder.

use crate::Moment;
use alloc::vec::Vec;
use codec::{Codec, Decode, Encode};
use scale_info::TypeInfo;
use sp_core::{ConstU32, H256};
use sp_runtime::BoundedVec;

/// A data item's number, in registration order.
pub type ItemId = u64;

/// A consent's number, in granting order.
pub type ConsentId = u64;

/// An audit-log entry's number, in time order across all subjects.
pub type EntryId = u64;

/// One day in milliseconds.
const DAY: Moment = 86_400_000;

/// The longest off-chain locator (a URI or a holder's internal reference), in bytes.
pub const MAX_LOCATOR_LEN: u32 = 256;

/// Where a data item is held off chain: a URI or the holder's reference.
pub type Locator = BoundedVec<u8, ConstU32<MAX_LOCATOR_LEN>>;

/// The categories a consent covers: distinct, at least one.
pub type Categories = BoundedVec<Category, ConstU32<7>>;
const _: () = assert!(Category::ALL.len() == 7, "a consent may cover every category");

/// The most entries, consents or items one page of a query returns.
pub const MAX_PAGE: u32 = 100;

wire_type! {
	/// What kind of data an item holds or a query reads.
	pub enum Category {
		/// Registration data: name, registration number, legal representative, address.
		#[codec(index = 0)]
		Basic,
		/// Payment and trade behaviour with counterparties (invoices paid, days late).
		#[codec(index = 1)]
		TransactionCredit,
		/// Findings of regulators: sanctions, penalties, supervision class history.
		#[codec(index = 2)]
		RegulatoryCredit,
		/// Tax filings and payment standing.
		#[codec(index = 3)]
		Tax,
		/// Customs declarations and documents.
		#[codec(index = 4)]
		Customs,
		/// Finance-lease contracts and their payment record.
		#[codec(index = 5)]
		LeaseHistory,
		/// Cross-border payment and FX history.
		#[codec(index = 6)]
		Payments,
	}
}

impl Category {
	/// Every category.
	pub const ALL: [Category; 7] = [
		Category::Basic,
		Category::TransactionCredit,
		Category::RegulatoryCredit,
		Category::Tax,
		Category::Customs,
		Category::LeaseHistory,
		Category::Payments,
	];
}

wire_type! {
	/// Why a grantee reads a subject's data: a consent names one purpose, and a query must
	/// state the same.
	pub enum DataPurpose {
		/// Deciding on a loan, credit line or trade-finance facility.
		#[codec(index = 0)]
		CreditApproval,
		/// Monitoring an existing loan.
		#[codec(index = 1)]
		LoanMonitoring,
		/// Opening an account or onboarding a customer.
		#[codec(index = 2)]
		AccountOpening,
		/// Financing a trade document or receivable.
		#[codec(index = 3)]
		TradeFinance,
		/// Deciding on a finance lease.
		#[codec(index = 4)]
		LeaseUnderwriting,
		/// Underwriting or settling insurance.
		#[codec(index = 5)]
		Insurance,
	}
}

wire_type! {
	/// The legal ground of a consent-based processing, as the signed authorisation states it.
	pub enum LegalBasis {
		/// The subject's consent alone.
		#[codec(index = 0)]
		Consent,
		/// Necessary for a contract the subject is party to.
		#[codec(index = 1)]
		Contract,
		/// Required of the grantee by law (for example customer due diligence).
		#[codec(index = 2)]
		LegalObligation,
	}
}

wire_type! {
	/// The statute under which a supervisor reads a subject's data without consent.
	pub enum StatutoryBasis {
		/// Foreign-exchange and banking supervision.
		#[codec(index = 0)]
		Supervision,
		/// Anti-money-laundering and counter-terrorist-financing investigation.
		#[codec(index = 1)]
		AntiMoneyLaundering,
		/// A court or prosecutor's order.
		#[codec(index = 2)]
		JudicialOrder,
		/// Tax administration.
		#[codec(index = 3)]
		Taxation,
	}
}

wire_type! {
	/// The rules governance sets, in milliseconds.
	pub struct SharingParams {
		/// The longest a consent may run from its grant.
		pub max_consent_duration: Moment,
		/// How long the audit log keeps an entry, and a consent after it ended (revoked or
		/// expired), before the chain prunes them.
		pub retention: Moment,
		/// How long a provider has to answer a dispute.
		pub answer_period: Moment,
		/// The longest governance may keep a statutory case from the subject's view.
		pub max_confidentiality: Moment,
	}
}

impl Default for SharingParams {
	/// Twelve months of consent; a log kept three years (the record-keeping period of China's
	/// Personal Information Protection Law, art. 56); 20 days to answer a dispute; at most
	/// 180 days of confidentiality.
	fn default() -> Self {
		Self {
			max_consent_duration: 365 * DAY,
			retention: 3 * 365 * DAY,
			answer_period: 20 * DAY,
			max_confidentiality: 180 * DAY,
		}
	}
}

stored_type! {
	/// A data item about a subject, as its provider registered it.
	#[serde(rename_all = "camelCase")]
	pub struct DataItem<AccountId> {
		pub provider: AccountId,
		pub subject: AccountId,
		pub category: Category,
		/// Blake2-256 of the content the provider holds.
		pub content_hash: H256,
		/// In JSON, hex like every byte string.
		#[serde(serialize_with = "hex")]
		pub locator: Locator,
		/// 1 at registration, one more with every update.
		pub version: u32,
		pub updated_at: Moment,
	}
}

stored_type! {
	/// A subject's permission for a grantee to read some categories of its data for one
	/// purpose, until `expires_at`, at most `max_queries` times.
	#[serde(rename_all = "camelCase")]
	pub struct Consent<AccountId> {
		pub subject: AccountId,
		pub grantee: AccountId,
		pub categories: Categories,
		pub purpose: DataPurpose,
		pub basis: LegalBasis,
		/// Blake2-256 of the signed authorisation.
		pub evidence: H256,
		pub granted_at: Moment,
		pub expires_at: Moment,
		/// `None`: any number of queries until expiry.
		pub max_queries: Option<u32>,
		/// Queries logged under this consent.
		pub queries: u32,
		/// When the subject revoked it.
		pub revoked_at: Option<Moment>,
	}
}

wire_type! {
	/// Where a consent stands.
	pub enum ConsentStatus {
		/// Queries pass (for its categories and purpose).
		#[codec(index = 0)]
		Live,
		/// Every allowed query was made.
		#[codec(index = 1)]
		Exhausted,
		/// Its time ran out.
		#[codec(index = 2)]
		Expired,
		/// The subject revoked it.
		#[codec(index = 3)]
		Revoked,
	}
}

/// Why a consent does not let its grantee read.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Refusal {
	Revoked,
	Expired,
	Exhausted,
	Category,
	Purpose,
}

/// Whether `categories` name at least one category, each at most once.
pub fn valid_categories(categories: &[Category]) -> bool {
	let mut sorted = categories.to_vec();
	sorted.sort();
	sorted.dedup();
	!sorted.is_empty() && sorted.len() == categories.len()
}

impl<AccountId> Consent<AccountId> {
	/// Where the consent stands at `now`; revocation first, then expiry, then the count.
	pub fn status(&self, now: Moment) -> ConsentStatus {
		if self.revoked_at.is_some() {
			ConsentStatus::Revoked
		} else if now >= self.expires_at {
			ConsentStatus::Expired
		} else if self.max_queries.is_some_and(|max| self.queries >= max) {
			ConsentStatus::Exhausted
		} else {
			ConsentStatus::Live
		}
	}

	/// When the consent stopped being usable by time or revocation (its retention runs from
	/// then): the revocation, or else its expiry.
	pub fn ended_at(&self) -> Moment {
		self.revoked_at.unwrap_or(self.expires_at)
	}

	/// Whether the consent lets its grantee read `category` for `purpose` at `now`, and if
	/// not, the first reason: its status, then the category, then the purpose.
	pub fn check(
		&self,
		category: Category,
		purpose: DataPurpose,
		now: Moment,
	) -> Result<(), Refusal> {
		match self.status(now) {
			ConsentStatus::Live => {},
			ConsentStatus::Revoked => return Err(Refusal::Revoked),
			ConsentStatus::Expired => return Err(Refusal::Expired),
			ConsentStatus::Exhausted => return Err(Refusal::Exhausted),
		}
		if !self.categories.contains(&category) {
			return Err(Refusal::Category);
		}
		if self.purpose != purpose {
			return Err(Refusal::Purpose);
		}
		Ok(())
	}

	/// Whether a query logged under the consent may still be served at `now`: the consent is
	/// neither revoked nor expired (the query already used its place in the count).
	pub fn servable(&self, now: Moment) -> bool {
		!matches!(self.status(now), ConsentStatus::Revoked | ConsentStatus::Expired)
	}
}

stored_type! {
	/// The ground of one access.
	pub enum Access {
		/// A grantee under a subject's consent.
		#[codec(index = 0)]
		Consent { consent: ConsentId, purpose: DataPurpose },
		/// A supervisor under a statute, for the case `case` (a hash of the case file's
		/// reference).
		#[codec(index = 1)]
		Statutory { basis: StatutoryBasis, case: H256 },
	}
}

stored_type! {
	/// One access to a subject's data, on the record.
	#[serde(rename_all = "camelCase")]
	pub struct AuditEntry<AccountId> {
		pub subject: AccountId,
		/// Who read: the grantee, or the council member acting as supervisor; `None` when
		/// governance itself (root) read.
		pub accessor: Option<AccountId>,
		pub at: Moment,
		pub category: Category,
		pub access: Access,
		/// The data holder asked to serve: only it records the result.
		pub holder: AccountId,
		/// The Blake2-256 of what the holder served, once it recorded it.
		pub result: Option<H256>,
	}
}

stored_type! {
	/// A subject's dispute of a data item, open until the provider answers.
	#[serde(rename_all = "camelCase")]
	pub struct Dispute<AccountId> {
		pub subject: AccountId,
		pub provider: AccountId,
		/// Blake2-256 of the subject's statement.
		pub reason: H256,
		/// The item's version when the dispute opened.
		pub version: u32,
		pub opened_at: Moment,
		/// The provider must answer by then; after it the dispute is overdue.
		pub due_at: Moment,
	}
}

/// A locator as a hex string, as JSON-RPC shows byte strings.
fn hex<S: serde::Serializer>(locator: &Locator, serializer: S) -> Result<S::Ok, S::Error> {
	sp_core::bytes::serialize(locator.as_slice(), serializer)
}

wire_type! {
	/// A statutory case governance keeps from the subjects' view until `until`.
	pub struct Seal {
		pub case: H256,
		pub until: Moment,
	}
}

/// A consent with its number and status, as the queries return it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConsentView<AccountId> {
	pub id: ConsentId,
	pub status: ConsentStatus,
	pub consent: Consent<AccountId>,
}

sp_api::decl_runtime_apis! {
	/// Consent, catalogue and audit-log queries for subjects, data holders, grantees and
	/// supervisors. Pages return at most [`MAX_PAGE`] records, after the `after` key.
	pub trait DataSharingApi<AccountId> where AccountId: Codec {
		/// The live consent under which `grantee` may read `subject`'s `category` for
		/// `purpose` now, if any: whether a query would pass the gate.
		fn can_access(
			grantee: AccountId,
			subject: AccountId,
			category: Category,
			purpose: DataPurpose,
		) -> Option<ConsentId>;
		/// The log entry `entry` when `holder` may serve it now: the entry names the holder, which
		/// is licensed, no result is recorded yet, and the consent it used is neither revoked nor
		/// expired. What a data holder checks before serving.
		fn can_serve(holder: AccountId, entry: EntryId) -> Option<AuditEntry<AccountId>>;
		/// A consent, until it is pruned.
		fn consent(id: ConsentId) -> Option<ConsentView<AccountId>>;
		/// The consents `subject` gave, oldest first.
		fn consents_given(
			subject: AccountId,
			after: Option<ConsentId>,
			limit: u32,
		) -> Vec<ConsentView<AccountId>>;
		/// The consents `grantee` received, oldest first.
		fn consents_received(
			grantee: AccountId,
			after: Option<ConsentId>,
			limit: u32,
		) -> Vec<ConsentView<AccountId>>;
		/// `subject`'s audit log as the subject sees it (statutory accesses of a case
		/// governance keeps confidential are left out while it does), oldest first.
		fn access_log(
			subject: AccountId,
			after: Option<EntryId>,
			limit: u32,
		) -> Vec<(EntryId, AuditEntry<AccountId>)>;
		/// The whole audit log, for supervisors, oldest first.
		fn supervisory_log(after: Option<EntryId>, limit: u32) -> Vec<(EntryId, AuditEntry<AccountId>)>;
		/// A data item.
		fn item(id: ItemId) -> Option<DataItem<AccountId>>;
		/// The items about `subject`.
		fn items_of(subject: AccountId, after: Option<ItemId>, limit: u32) -> Vec<(ItemId, DataItem<AccountId>)>;
		/// Open disputes past their answer date, the longest overdue first.
		fn overdue_disputes(limit: u32) -> Vec<(ItemId, Dispute<AccountId>)>;
	}
}
