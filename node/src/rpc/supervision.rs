//! `fxchain_reports`, `fxchain_quota`, `fxchain_transferReport`, `fxchain_openFeedback`:
//! capital-flow supervision in JSON, for the regulator's tools and for wallets.

use super::{error, RUNTIME_ERROR};
use fxchain_primitives::{
	forex::{Amount, CurrencyId, Purpose, Reason, Reference},
	kyc::PersonId,
	supervision::{
		FeedbackKind, OpenFeedback, Report, ReportQuery, ReportStatus, SupervisionApi,
		TransferReport,
	},
};
use fxchain_runtime::{opaque::Block, AccountId};
use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use serde::{Deserialize, Serialize};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::H256;
use std::sync::Arc;

#[rpc(server)]
pub trait SupervisionRpc {
	/// Large-value and suspicious-activity reports, oldest first, filtered by rule, party,
	/// status and time. Pass the previous page's `next` as `after` for the next page.
	#[method(name = "fxchain_reports")]
	fn reports(&self, query: ReportQueryJson) -> RpcResult<ReportPageJson>;

	/// The FX quotas this year of the person behind an account (`null` without a credential).
	#[method(name = "fxchain_quota")]
	fn quota(&self, who: AccountId) -> RpcResult<Option<QuotaJson>>;

	/// Every rule a payment would break or trigger, without sending it. `amount` is a decimal
	/// string in the currency's minor unit.
	#[method(name = "fxchain_transferReport")]
	fn transfer_report(
		&self,
		from: AccountId,
		to: AccountId,
		currency: CurrencyId,
		amount: String,
		purpose: Purpose,
	) -> RpcResult<TransferReportJson>;

	/// Open feedback and complaints, oldest first, with their age; only overdue ones with
	/// `overdueOnly`.
	#[method(name = "fxchain_openFeedback")]
	fn open_feedback(
		&self,
		overdue_only: Option<bool>,
		after: Option<u64>,
		limit: Option<u32>,
	) -> RpcResult<Vec<FeedbackJson>>;
}

/// Which reports to list; every field is optional. Rules and statuses by name
/// (`"LargeValueIndividualCrossBorder"`, `"Open"`).
#[derive(Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ReportQueryJson {
	pub rule: Option<Reason>,
	pub party: Option<AccountId>,
	pub status: Option<ReportStatus>,
	/// Milliseconds since the Unix epoch.
	pub since: Option<u64>,
	pub until: Option<u64>,
	pub after: Option<u64>,
	/// At most 100; 100 when absent.
	pub limit: Option<u32>,
}

/// A report, amounts as decimal strings.
#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportJson {
	pub id: u64,
	pub reference: Reference,
	pub rule: Reason,
	pub party: AccountId,
	pub person: PersonId,
	pub counterparty: Option<AccountId>,
	pub kind: String,
	pub currency: CurrencyId,
	pub amount: String,
	pub usd: Option<String>,
	pub at: u64,
	pub status: ReportStatus,
	pub note: Option<H256>,
}

/// One page of reports.
#[derive(Clone, Serialize)]
pub struct ReportPageJson {
	pub reports: Vec<ReportJson>,
	/// Pass as `after` for the next page; `null` when there are no more.
	pub next: Option<u64>,
}

/// An individual's FX quotas this year, in US cents (decimal strings).
#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuotaJson {
	pub year: u32,
	pub purchase_used: String,
	pub purchase_left: String,
	pub settlement_used: String,
	pub settlement_left: String,
	pub watch_listed_until: Option<u64>,
}

/// What supervision would make of a payment.
#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TransferReportJson {
	pub cross_border: bool,
	/// The USD value in cents, when the currency has a fresh reference rate.
	pub usd: Option<String>,
	/// `Allow`, `Report`, `Hold` or `Deny`.
	pub decision: String,
	pub reasons: Vec<Reason>,
}

/// An open feedback item.
#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FeedbackJson {
	pub id: u64,
	pub reference: Reference,
	pub who: AccountId,
	pub kind: FeedbackKind,
	pub content: H256,
	pub filed_at: u64,
	pub due: u64,
	pub age: u64,
	pub overdue: bool,
}

/// Serves the methods from the runtime API at the best block.
pub struct Supervision<C> {
	client: Arc<C>,
}

impl<C> Supervision<C> {
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

/// `-32602`: a parameter is malformed.
const INVALID_PARAMS: i32 = -32602;

fn report_json((id, report): (u64, Report<AccountId>)) -> ReportJson {
	ReportJson {
		id,
		reference: report.reference,
		rule: report.rule,
		party: report.party,
		person: report.person,
		counterparty: report.counterparty,
		kind: format!("{:?}", report.kind),
		currency: report.currency,
		amount: report.amount.to_string(),
		usd: report.usd.map(|usd| usd.to_string()),
		at: report.at,
		status: report.status,
		note: report.note,
	}
}

impl<C> SupervisionRpcServer for Supervision<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: SupervisionApi<Block, AccountId>,
{
	fn reports(&self, query: ReportQueryJson) -> RpcResult<ReportPageJson> {
		let best = self.client.info().best_hash;
		let query = ReportQuery {
			rule: query.rule,
			party: query.party,
			status: query.status,
			since: query.since,
			until: query.until,
			after: query.after,
			limit: query.limit.unwrap_or(u32::MAX),
		};
		let page = self
			.client
			.runtime_api()
			.reports(best, query)
			.map_err(|e| error(RUNTIME_ERROR, e.to_string()))?;
		Ok(ReportPageJson {
			reports: page.reports.into_iter().map(report_json).collect(),
			next: page.next,
		})
	}

	fn quota(&self, who: AccountId) -> RpcResult<Option<QuotaJson>> {
		let best = self.client.info().best_hash;
		let quota = self
			.client
			.runtime_api()
			.quota(best, who)
			.map_err(|e| error(RUNTIME_ERROR, e.to_string()))?;
		Ok(quota.map(|q| QuotaJson {
			year: q.year,
			purchase_used: q.purchase_used.to_string(),
			purchase_left: q.purchase_left.to_string(),
			settlement_used: q.settlement_used.to_string(),
			settlement_left: q.settlement_left.to_string(),
			watch_listed_until: q.watch_listed_until,
		}))
	}

	fn transfer_report(
		&self,
		from: AccountId,
		to: AccountId,
		currency: CurrencyId,
		amount: String,
		purpose: Purpose,
	) -> RpcResult<TransferReportJson> {
		let amount: Amount = amount.parse().map_err(|_| {
			error(INVALID_PARAMS, "amount must be a decimal string of the minor unit")
		})?;
		let best = self.client.info().best_hash;
		let report: TransferReport = self
			.client
			.runtime_api()
			.transfer_report(best, from, to, currency, amount, purpose)
			.map_err(|e| error(RUNTIME_ERROR, e.to_string()))?;
		let decision = format!("{:?}", report.decision);
		Ok(TransferReportJson {
			cross_border: report.cross_border,
			usd: report.usd.map(|usd| usd.to_string()),
			decision: decision.split('(').next().unwrap_or_default().to_owned(),
			reasons: report.reasons,
		})
	}

	fn open_feedback(
		&self,
		overdue_only: Option<bool>,
		after: Option<u64>,
		limit: Option<u32>,
	) -> RpcResult<Vec<FeedbackJson>> {
		let best = self.client.info().best_hash;
		let items: Vec<OpenFeedback<AccountId>> = self
			.client
			.runtime_api()
			.open_feedback(best, overdue_only.unwrap_or(false), after, limit.unwrap_or(u32::MAX))
			.map_err(|e| error(RUNTIME_ERROR, e.to_string()))?;
		Ok(items
			.into_iter()
			.map(|open| FeedbackJson {
				id: open.id,
				reference: open.item.reference,
				who: open.item.who,
				kind: open.item.kind,
				content: open.item.content,
				filed_at: open.item.filed_at,
				due: open.item.due,
				age: open.age,
				overdue: open.overdue,
			})
			.collect())
	}
}
