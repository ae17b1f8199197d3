//! `fxchain_lease`, `fxchain_asset`, `fxchain_leases`: finance leases and the asset registry in
//! JSON, for lessors, lessees and the financiers who check an asset before lending against it.

use super::{error, RUNTIME_ERROR};
use fxchain_primitives::leasing::{
	Asset, AssetKey, Encumbrance, EndOption, LeaseId, LeaseStatus, LeaseView, LeasingApi, Method,
};
use fxchain_runtime::{opaque::Block, AccountId};
use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use serde::Serialize;
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::H256;
use std::sync::Arc;

#[rpc(server)]
pub trait LeasingRpc {
	/// An open lease with its terms, schedule, arrears and what paying or buying out takes now
	/// (`null` when no open lease has this number).
	#[method(name = "fxchain_lease")]
	fn lease(&self, id: LeaseId) -> RpcResult<Option<LeaseJson>>;

	/// A registered asset, its holder and its lease or pledge (`null` when the key is free).
	#[method(name = "fxchain_asset")]
	fn asset(&self, key: AssetKey) -> RpcResult<Option<AssetJson>>;

	/// The numbers of the open leases in which the account is lessor or lessee.
	#[method(name = "fxchain_leases")]
	fn leases(&self, who: AccountId) -> RpcResult<Vec<LeaseId>>;
}

/// A lease's terms; amounts as decimal strings, shares in parts per billion.
#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TermsJson {
	pub currency: u32,
	pub principal: String,
	pub rate_ppb: u32,
	pub instalments: u16,
	pub period: u64,
	/// `EqualInstalment` or `EqualPrincipal`.
	pub method: String,
	pub deposit: String,
	pub late_fee_ppb: u32,
	pub late_fee_cap_ppb: u32,
	pub grace: u64,
	pub trigger_instalments: u16,
	pub trigger_share_ppb: u32,
	pub early_fee_ppb: u32,
	/// `Purchase` or `Return`.
	pub end: String,
	/// The nominal price of a purchase.
	pub price: Option<String>,
}

/// One instalment.
#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RowJson {
	pub number: u16,
	pub due: Option<u64>,
	pub principal: String,
	pub interest: String,
	pub rent: String,
	pub paid: bool,
	pub late_fee: String,
}

/// An open lease.
#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LeaseJson {
	pub id: LeaseId,
	pub lessor: AccountId,
	pub lessee: AccountId,
	pub asset: AssetKey,
	pub terms: TermsJson,
	pub schedule_hash: H256,
	pub total_rent: String,
	/// `Draft`, `Active`, `Demanded`, `Defaulted`, `Accelerated`, `Terminated` or `Matured`.
	pub status: String,
	/// When the demand notice was sent, or default declared.
	pub status_at: Option<u64>,
	/// What is still due after acceleration or termination.
	pub settlement_due: Option<String>,
	pub start: Option<u64>,
	pub paid: u16,
	pub fees_paid: String,
	pub deposit: String,
	pub auto_pay: bool,
	pub collect_at: Option<u64>,
	pub in_review: Option<H256>,
	pub schedule: Vec<RowJson>,
	pub overdue_instalments: u16,
	pub overdue_rent: String,
	pub overdue_fees: String,
	pub trigger_met: bool,
	pub next_payment: String,
	pub buyout: Option<String>,
}

/// A registered asset.
#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AssetJson {
	pub holder: AccountId,
	pub description: H256,
	pub registered_at: u64,
	/// `null`, `Lease` or `Pledge`.
	pub encumbrance: Option<String>,
	pub lease: Option<LeaseId>,
	/// The lessee or the pledgee.
	pub party: Option<AccountId>,
	pub encumbered_since: Option<u64>,
}

/// Serves the methods from the runtime API at the best block.
pub struct Leasing<C> {
	client: Arc<C>,
}

impl<C> Leasing<C> {
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

fn lease_json(view: LeaseView<AccountId>) -> LeaseJson {
	let LeaseView { id, lease, schedule, arrears, next_payment, buyout } = view;
	let terms = lease.terms;
	let (status, status_at, settlement_due) = match lease.status {
		LeaseStatus::Draft => ("Draft", None, None),
		LeaseStatus::Active => ("Active", None, None),
		LeaseStatus::Demanded { notice_at } => ("Demanded", Some(notice_at), None),
		LeaseStatus::Defaulted { at } => ("Defaulted", Some(at), None),
		LeaseStatus::Accelerated { due } => ("Accelerated", None, Some(due.to_string())),
		LeaseStatus::Terminated { due } => ("Terminated", None, Some(due.to_string())),
		LeaseStatus::Matured => ("Matured", None, None),
	};
	let (end, price) = match terms.end {
		EndOption::Purchase { price } => ("Purchase", Some(price.to_string())),
		EndOption::Return => ("Return", None),
	};
	LeaseJson {
		id,
		lessor: lease.lessor,
		lessee: lease.lessee,
		asset: lease.asset,
		terms: TermsJson {
			currency: terms.currency,
			principal: terms.principal.to_string(),
			rate_ppb: terms.rate.deconstruct(),
			instalments: terms.instalments,
			period: terms.period,
			method: match terms.method {
				Method::EqualInstalment => "EqualInstalment",
				Method::EqualPrincipal => "EqualPrincipal",
			}
			.to_owned(),
			deposit: terms.deposit.to_string(),
			late_fee_ppb: terms.late_fee.deconstruct(),
			late_fee_cap_ppb: terms.late_fee_cap.deconstruct(),
			grace: terms.grace,
			trigger_instalments: terms.trigger.instalments,
			trigger_share_ppb: terms.trigger.share.deconstruct(),
			early_fee_ppb: terms.early_fee.deconstruct(),
			end: end.to_owned(),
			price,
		},
		schedule_hash: lease.schedule_hash,
		total_rent: lease.total_rent.to_string(),
		status: status.to_owned(),
		status_at,
		settlement_due,
		start: (lease.status != LeaseStatus::Draft).then_some(lease.start),
		paid: lease.paid,
		fees_paid: lease.fees_paid.to_string(),
		deposit: lease.deposit.to_string(),
		auto_pay: lease.auto_pay,
		collect_at: lease.collect_at,
		in_review: lease.in_review,
		schedule: schedule
			.into_iter()
			.map(|row| RowJson {
				number: row.number,
				due: row.due,
				principal: row.principal.to_string(),
				interest: row.interest.to_string(),
				rent: row.rent.to_string(),
				paid: row.paid,
				late_fee: row.late_fee.to_string(),
			})
			.collect(),
		overdue_instalments: arrears.instalments,
		overdue_rent: arrears.rent.to_string(),
		overdue_fees: arrears.fees.to_string(),
		trigger_met: arrears.trigger_met,
		next_payment: next_payment.to_string(),
		buyout: buyout.map(|amount| amount.to_string()),
	}
}

fn asset_json(asset: Asset<AccountId>) -> AssetJson {
	let (encumbrance, lease, party, since) = match asset.encumbrance {
		None => (None, None, None, None),
		Some((Encumbrance::Lease { lease, lessee }, since)) => {
			(Some("Lease"), Some(lease), Some(lessee), Some(since))
		},
		Some((Encumbrance::Pledge { pledgee }, since)) => {
			(Some("Pledge"), None, Some(pledgee), Some(since))
		},
	};
	AssetJson {
		holder: asset.holder,
		description: asset.description,
		registered_at: asset.registered_at,
		encumbrance: encumbrance.map(str::to_owned),
		lease,
		party,
		encumbered_since: since,
	}
}

impl<C> LeasingRpcServer for Leasing<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: LeasingApi<Block, AccountId>,
{
	fn lease(&self, id: LeaseId) -> RpcResult<Option<LeaseJson>> {
		let best = self.client.info().best_hash;
		let view = self
			.client
			.runtime_api()
			.lease(best, id)
			.map_err(|e| error(RUNTIME_ERROR, e.to_string()))?;
		Ok(view.map(lease_json))
	}

	fn asset(&self, key: AssetKey) -> RpcResult<Option<AssetJson>> {
		let best = self.client.info().best_hash;
		let asset = self
			.client
			.runtime_api()
			.asset(best, key)
			.map_err(|e| error(RUNTIME_ERROR, e.to_string()))?;
		Ok(asset.map(asset_json))
	}

	fn leases(&self, who: AccountId) -> RpcResult<Vec<LeaseId>> {
		let best = self.client.info().best_hash;
		self.client
			.runtime_api()
			.leases_of(best, who)
			.map_err(|e| error(RUNTIME_ERROR, e.to_string()))
	}
}
