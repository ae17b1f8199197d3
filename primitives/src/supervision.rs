//! Capital-flow supervision: the rules as parameters, reports, feedback and the queries that
//! wallets, integrators and the regulator make.

use crate::{
	forex::{Amount, CurrencyId, Decision, MovementKind, Reason, Reference},
	kyc::PersonId,
	Moment,
};
use alloc::vec::Vec;
use codec::{Codec, Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};
use sp_core::H256;

/// US dollars: the currency the rules are written in (ISO 4217 840).
pub const USD: CurrencyId = 840;

/// Chinese yuan (ISO 4217 156), the home currency by default.
pub const CNY: CurrencyId = 156;

/// A millisecond timestamp's offset to the calendar the rules count days and years in (UTC+8).
pub const UTC8_OFFSET: Moment = 8 * HOUR;

/// One hour, one day, in milliseconds.
pub const HOUR: Moment = 3_600_000;
pub const DAY: Moment = 24 * HOUR;

wire_type! {
	/// A threshold "≥ CNY x or ≥ USD y": an amount in the home currency applies to movements in
	/// it, a USD amount to movements in any other currency, valued at the reference rate. Both
	/// in minor units.
	pub struct Threshold {
		pub home: Amount,
		pub usd: Amount,
	}
}

wire_type! {
	/// Several payments just under a large-value threshold inside a window.
	pub struct StructuringRule {
		/// How many near-threshold payments (this one included) make a pattern; at least 2.
		pub count: u32,
		/// The window they fall in, in milliseconds.
		pub window: Moment,
		/// A payment is near the threshold from this percentage of it (and below it).
		pub floor_percent: u8,
		/// Hold the payment that completes the pattern for review; otherwise it executes and
		/// is reported.
		pub hold: bool,
	}
}

wire_type! {
	/// Every parameter of capital-flow supervision; governance changes them one by one with
	/// [`Rule`]. The defaults are the regulator's figures. Amounts are in minor units (USD
	/// cents, CNY fen), times in milliseconds.
	pub struct RuleSet {
		/// The currency whose conversions count against individuals' quotas, and in which the
		/// `home` thresholds are written.
		pub home_currency: CurrencyId,
		/// An individual's FX purchases per calendar year, in USD.
		pub purchase_quota: Amount,
		/// An individual's FX settlements per calendar year, in USD, counted apart from purchases.
		pub settlement_quota: Amount,
		/// Large-value report: deposits and withdrawals (cash), single or same-day total.
		pub large_cash: Threshold,
		/// Large-value report: transfers of enterprises and institutions.
		pub large_entity: Threshold,
		/// Large-value report: individuals' domestic transfers.
		pub large_individual_domestic: Threshold,
		/// Large-value report: individuals' cross-border transfers.
		pub large_individual_cross_border: Threshold,
		/// Cross-border payments from this value on need originator and beneficiary data.
		pub travel_rule: Threshold,
		/// Outward services-trade payments above this USD value need a tax-filing reference.
		pub tax_filing: Amount,
		/// Structuring: several payments just under a large-value threshold.
		pub structuring: StructuringRule,
		/// A watch listing lasts the rest of the listing year and this many calendar years.
		pub watch_years: u32,
		/// A reference rate older than this is not used: the payment is refused.
		pub rate_max_age: Moment,
		/// A held payment no supervisor decided within this period returns to its payer.
		pub review_period: Moment,
		/// Feedback unanswered after this long is overdue.
		pub feedback_deadline: Moment,
		/// Reports are kept this long, then pruned.
		pub report_retention: Moment,
	}
}

impl Default for RuleSet {
	/// The figures of the regulator's rules (DOMAIN.md, "Capital-flow supervision").
	fn default() -> Self {
		const CNY_UNIT: Amount = 100;
		const USD_UNIT: Amount = 100;
		Self {
			home_currency: CNY,
			purchase_quota: 50_000 * USD_UNIT,
			settlement_quota: 50_000 * USD_UNIT,
			large_cash: Threshold { home: 50_000 * CNY_UNIT, usd: 10_000 * USD_UNIT },
			large_entity: Threshold { home: 2_000_000 * CNY_UNIT, usd: 200_000 * USD_UNIT },
			large_individual_domestic: Threshold {
				home: 500_000 * CNY_UNIT,
				usd: 100_000 * USD_UNIT,
			},
			large_individual_cross_border: Threshold {
				home: 200_000 * CNY_UNIT,
				usd: 10_000 * USD_UNIT,
			},
			travel_rule: Threshold { home: 5_000 * CNY_UNIT, usd: 1_000 * USD_UNIT },
			tax_filing: 50_000 * USD_UNIT,
			structuring: StructuringRule { count: 3, window: DAY, floor_percent: 90, hold: false },
			watch_years: 2,
			rate_max_age: 2 * DAY,
			review_period: 10 * DAY,
			feedback_deadline: 20 * DAY,
			report_retention: 3_653 * DAY,
		}
	}
}

wire_type! {
	/// One parameter with its new value, as governance sets it (and as the `RuleChanged` event
	/// reports the old and new values).
	pub enum Rule {
		#[codec(index = 0)]
		HomeCurrency(CurrencyId),
		#[codec(index = 1)]
		PurchaseQuota(Amount),
		#[codec(index = 2)]
		SettlementQuota(Amount),
		#[codec(index = 3)]
		LargeCash(Threshold),
		#[codec(index = 4)]
		LargeEntity(Threshold),
		#[codec(index = 5)]
		LargeIndividualDomestic(Threshold),
		#[codec(index = 6)]
		LargeIndividualCrossBorder(Threshold),
		#[codec(index = 7)]
		TravelRule(Threshold),
		#[codec(index = 8)]
		TaxFiling(Amount),
		#[codec(index = 9)]
		Structuring(StructuringRule),
		#[codec(index = 10)]
		WatchYears(u32),
		#[codec(index = 11)]
		RateMaxAge(Moment),
		#[codec(index = 12)]
		ReviewPeriod(Moment),
		#[codec(index = 13)]
		FeedbackDeadline(Moment),
		#[codec(index = 14)]
		ReportRetention(Moment),
	}
}

impl RuleSet {
	/// Set the parameter `rule` names to its value; returns the parameter with its old value.
	pub fn apply(&mut self, rule: Rule) -> Rule {
		use core::mem::replace;
		match rule {
			Rule::HomeCurrency(v) => Rule::HomeCurrency(replace(&mut self.home_currency, v)),
			Rule::PurchaseQuota(v) => Rule::PurchaseQuota(replace(&mut self.purchase_quota, v)),
			Rule::SettlementQuota(v) => {
				Rule::SettlementQuota(replace(&mut self.settlement_quota, v))
			},
			Rule::LargeCash(v) => Rule::LargeCash(replace(&mut self.large_cash, v)),
			Rule::LargeEntity(v) => Rule::LargeEntity(replace(&mut self.large_entity, v)),
			Rule::LargeIndividualDomestic(v) => {
				Rule::LargeIndividualDomestic(replace(&mut self.large_individual_domestic, v))
			},
			Rule::LargeIndividualCrossBorder(v) => Rule::LargeIndividualCrossBorder(replace(
				&mut self.large_individual_cross_border,
				v,
			)),
			Rule::TravelRule(v) => Rule::TravelRule(replace(&mut self.travel_rule, v)),
			Rule::TaxFiling(v) => Rule::TaxFiling(replace(&mut self.tax_filing, v)),
			Rule::Structuring(v) => Rule::Structuring(replace(&mut self.structuring, v)),
			Rule::WatchYears(v) => Rule::WatchYears(replace(&mut self.watch_years, v)),
			Rule::RateMaxAge(v) => Rule::RateMaxAge(replace(&mut self.rate_max_age, v)),
			Rule::ReviewPeriod(v) => Rule::ReviewPeriod(replace(&mut self.review_period, v)),
			Rule::FeedbackDeadline(v) => {
				Rule::FeedbackDeadline(replace(&mut self.feedback_deadline, v))
			},
			Rule::ReportRetention(v) => {
				Rule::ReportRetention(replace(&mut self.report_retention, v))
			},
		}
	}
}

wire_type! {
	/// Where a report stands with the regulator.
	pub enum ReportStatus {
		/// Filed, nobody looked at it yet.
		#[codec(index = 0)]
		Open,
		/// A supervisor saw it and closed it.
		#[codec(index = 1)]
		Acknowledged,
		/// A supervisor opened a case on it.
		#[codec(index = 2)]
		Escalated,
	}
}

/// A large-value or suspicious-activity report: what happened, under which rule, to whom.
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
pub struct Report<AccountId> {
	/// The operation's end-to-end reference.
	pub reference: Reference,
	/// The rule that triggered the report (a `LargeValue*` reason or `Structuring`).
	pub rule: Reason,
	/// The party the report is about, and the person behind it.
	pub party: AccountId,
	pub person: PersonId,
	/// The other party of the movement, if there is one.
	pub counterparty: Option<AccountId>,
	pub kind: MovementKind,
	pub currency: CurrencyId,
	pub amount: Amount,
	/// The USD equivalent at the reference rate, when the currency has a fresh one.
	pub usd: Option<Amount>,
	/// When the movement was decided.
	pub at: Moment,
	pub status: ReportStatus,
	/// A hash of the supervisor's note, once reviewed.
	pub note: Option<H256>,
}

/// Which reports to list: every filter is optional, the result is oldest first from `after`.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug, Serialize, Deserialize)]
pub struct ReportQuery<AccountId> {
	pub rule: Option<Reason>,
	pub party: Option<AccountId>,
	pub status: Option<ReportStatus>,
	/// Reports from this time on (milliseconds since the Unix epoch).
	pub since: Option<Moment>,
	/// Reports before this time.
	pub until: Option<Moment>,
	/// The cursor: reports with a higher id than this (the previous page's `next`).
	pub after: Option<u64>,
	/// At most this many reports (capped at [`MAX_PAGE`]).
	pub limit: u32,
}

/// The most entries a listing returns at once.
pub const MAX_PAGE: u32 = 100;

/// One page of reports, and the cursor for the next.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug, Serialize, Deserialize)]
pub struct ReportPage<AccountId> {
	pub reports: Vec<(u64, Report<AccountId>)>,
	/// Pass as `after` for the next page; `None` when there are no more.
	pub next: Option<u64>,
}

/// An individual's FX quotas in the current calendar year (UTC+8), in USD minor units.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug, Serialize, Deserialize)]
pub struct QuotaStatus {
	pub year: u32,
	pub purchase_used: Amount,
	pub purchase_left: Amount,
	pub settlement_used: Amount,
	pub settlement_left: Amount,
	/// The end of the person's watch listing (no quota until then), if listed.
	pub watch_listed_until: Option<Moment>,
}

/// What supervision would make of a payment, without sending it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug, Serialize, Deserialize)]
pub struct TransferReport {
	/// Whether the payment crosses a border (from both parties' credentials).
	pub cross_border: bool,
	/// Its USD equivalent at the reference rate, when known.
	pub usd: Option<Amount>,
	/// Allow, report, hold or deny.
	pub decision: Decision,
	/// Every rule the payment would break or trigger. Sent as it is, without travel-rule data
	/// or documents: `TravelRuleDataRequired`, `TradeDocumentRequired` and `TaxFilingRequired`
	/// say what to attach.
	pub reasons: Vec<Reason>,
}

wire_type! {
	/// What a user files about a payment.
	pub enum FeedbackKind {
		#[codec(index = 0)]
		Feedback,
		#[codec(index = 1)]
		Complaint,
	}
}

/// Feedback or a complaint about a payment, open until a supervisor answers it.
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
pub struct FeedbackItem<AccountId> {
	pub reference: Reference,
	pub who: AccountId,
	pub kind: FeedbackKind,
	/// A hash of the text, which the user's bank or the regulator's portal keeps.
	pub content: H256,
	pub filed_at: Moment,
	/// When the answer is due.
	pub due: Moment,
}

/// An open feedback item, with its age, for the regulator's list.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug, Serialize, Deserialize)]
pub struct OpenFeedback<AccountId> {
	pub id: u64,
	pub item: FeedbackItem<AccountId>,
	/// Milliseconds since it was filed.
	pub age: Moment,
	pub overdue: bool,
}

sp_api::decl_runtime_apis! {
	/// Capital-flow supervision queries for wallets, integrators and the regulator.
	pub trait SupervisionApi<AccountId> where AccountId: Codec {
		/// Every rule a payment would break or trigger, without executing anything.
		fn transfer_report(
			from: AccountId,
			to: AccountId,
			currency: CurrencyId,
			amount: Amount,
			purpose: crate::forex::Purpose,
		) -> TransferReport;
		/// The account's person's FX quotas this year (`None` without a credential).
		fn quota(who: AccountId) -> Option<QuotaStatus>;
		/// Reports, filtered and paged.
		fn reports(query: ReportQuery<AccountId>) -> ReportPage<AccountId>;
		/// Open feedback, oldest first from the id `after`; only overdue items with
		/// `overdue_only`.
		fn open_feedback(overdue_only: bool, after: Option<u64>, limit: u32) -> Vec<OpenFeedback<AccountId>>;
	}
}
