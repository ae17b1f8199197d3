//! `fxchain_document`, `fxchain_financings`, `fxchain_assignee`, `fxchain_pool`,
//! `fxchain_pools`: trade documents with their financing, assignments and securitisation pools
//! in JSON, for the bank about to finance a document and for investors and the regulator.

use super::{error, RUNTIME_ERROR};
use fxchain_primitives::{
	forex::Reference,
	receivables::{
		Distribution, DocumentId, DocumentKind, DocumentStatus, Endorsement, FinancingId,
		FinancingStatus, PoolId, PoolStatus, PoolView, ReceivableId, ReceivablesApi,
		SecuritisationApi, TrancheView, UnitId,
	},
};
use fxchain_runtime::{opaque::Block, AccountId, Financing};
use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use serde::Serialize;
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::H256;
use std::sync::Arc;

#[rpc(server)]
pub trait ReceivablesRpc {
	/// A registered trade document: its face value, what is financed against it and by whom
	/// (in priority order), what the debtor paid, what may still be financed and who is paid
	/// (`null` when the key is not registered).
	#[method(name = "fxchain_document")]
	fn document(&self, id: DocumentId) -> RpcResult<Option<DocumentJson>>;

	/// The financings a bank registered, open first, newest first.
	#[method(name = "fxchain_financings")]
	fn financings(&self, bank: AccountId) -> RpcResult<Vec<FinancingJson>>;

	/// The registered assignee of a receivable (`{"Document": "0x…"}` or `{"Lease": 7}`), or
	/// `null` when it is not assigned.
	#[method(name = "fxchain_assignee")]
	fn assignee(&self, receivable: ReceivableId) -> RpcResult<Option<AccountId>>;

	/// A securitisation pool: its receivables now, tranches, holders, collections and payouts
	/// (`null` when no pool has this number).
	#[method(name = "fxchain_pool")]
	fn pool(&self, id: PoolId) -> RpcResult<Option<PoolJson>>;

	/// Every pool's number.
	#[method(name = "fxchain_pools")]
	fn pools(&self) -> RpcResult<Vec<PoolId>>;
}

/// A bank's claim on a document; amounts as decimal strings.
#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EndorsementJson {
	pub financing: FinancingId,
	pub bank: AccountId,
	pub outstanding: String,
	pub registered_at: u64,
}

/// A registered trade document; amounts as decimal strings.
#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DocumentJson {
	pub id: DocumentId,
	pub kind: DocumentKind,
	pub registrant: AccountId,
	pub creditor: AccountId,
	pub debtor: H256,
	pub currency: u32,
	pub face_value: String,
	pub due: u64,
	pub registered_at: u64,
	pub financed: String,
	pub collected: String,
	pub available: String,
	pub holder: AccountId,
	pub endorsements: Vec<EndorsementJson>,
}

/// One document a financing is against, and the amount.
#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LineJson {
	pub document: DocumentId,
	pub amount: String,
}

/// A financing; amounts as decimal strings.
#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FinancingJson {
	pub id: FinancingId,
	pub bank: AccountId,
	pub borrower: AccountId,
	pub currency: u32,
	pub principal: String,
	pub outstanding: String,
	pub lines: Vec<LineJson>,
	pub registered_at: u64,
	pub status: FinancingStatus,
	pub in_review: Option<Reference>,
}

/// A tranche: its unit asset in `poolUnits`, units issued and their face, principal still
/// outstanding, the senior rate per payment period in basis points, and the unit supply.
#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TrancheJson {
	pub unit_id: UnitId,
	pub units: String,
	pub unit_face: String,
	pub principal: String,
	pub rate_bps: u32,
	pub supply: String,
}

/// A pooled receivable: what it was pooled at, collected and written off, and the registry's
/// view of it now (`null` fields once it left the registry).
#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PooledJson {
	pub receivable: ReceivableId,
	pub pooled: String,
	pub collected: String,
	pub written_off: String,
	pub holder: Option<AccountId>,
	pub outstanding: Option<String>,
	pub due: Option<u64>,
	pub defaulted: Option<bool>,
}

/// A holder's units and what the pool owes it from payouts that did not reach it.
#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HolderJson {
	pub account: AccountId,
	pub senior_units: String,
	pub junior_units: String,
	pub owed: String,
}

/// The payment date being paid out: the waterfall's amounts and the next holder to pay.
#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DistributionJson {
	pub senior_interest: String,
	pub senior_principal: String,
	pub junior_principal: String,
	pub junior_residual: String,
	pub cursor: u32,
}

/// A securitisation pool; amounts as decimal strings, times in milliseconds.
#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PoolJson {
	pub id: PoolId,
	pub originator: AccountId,
	pub account: AccountId,
	pub currency: u32,
	pub status: PoolStatus,
	pub payment_interval: u64,
	pub next_payment: u64,
	pub collected: String,
	pub paid_out: String,
	pub returned: String,
	pub losses: String,
	pub owed: String,
	pub cash: String,
	pub senior: TrancheJson,
	pub junior: TrancheJson,
	pub receivables: Vec<PooledJson>,
	pub holders: Vec<HolderJson>,
	pub distribution: Option<DistributionJson>,
}

fn tranche_json(tranche: TrancheView) -> TrancheJson {
	TrancheJson {
		unit_id: tranche.unit_id,
		units: tranche.state.units.to_string(),
		unit_face: tranche.state.unit_face.to_string(),
		principal: tranche.state.principal.to_string(),
		rate_bps: tranche.state.rate_bps,
		supply: tranche.supply.to_string(),
	}
}

fn distribution_json(distribution: Distribution) -> DistributionJson {
	DistributionJson {
		senior_interest: distribution.senior_interest.to_string(),
		senior_principal: distribution.senior_principal.to_string(),
		junior_principal: distribution.junior_principal.to_string(),
		junior_residual: distribution.junior_residual.to_string(),
		cursor: distribution.cursor,
	}
}

fn pool_json(view: PoolView<AccountId>) -> PoolJson {
	let PoolView { id, pool, receivables, senior, junior, holders, cash, distribution } = view;
	PoolJson {
		id,
		originator: pool.originator,
		account: pool.account,
		currency: pool.currency,
		status: pool.status,
		payment_interval: pool.payment_interval,
		next_payment: pool.next_payment,
		collected: pool.collected.to_string(),
		paid_out: pool.paid_out.to_string(),
		returned: pool.returned.to_string(),
		losses: pool.losses.to_string(),
		owed: pool.owed.to_string(),
		cash: cash.to_string(),
		senior: tranche_json(senior),
		junior: tranche_json(junior),
		receivables: receivables
			.into_iter()
			.map(|(pooled, info)| PooledJson {
				receivable: pooled.id,
				pooled: pooled.pooled.to_string(),
				collected: pooled.collected.to_string(),
				written_off: pooled.written_off.to_string(),
				holder: info.as_ref().map(|i| i.holder.clone()),
				outstanding: info.as_ref().map(|i| i.outstanding.to_string()),
				due: info.as_ref().map(|i| i.due),
				defaulted: info.as_ref().map(|i| i.defaulted),
			})
			.collect(),
		holders: holders
			.into_iter()
			.map(|holder| HolderJson {
				account: holder.account,
				senior_units: holder.senior_units.to_string(),
				junior_units: holder.junior_units.to_string(),
				owed: holder.owed.to_string(),
			})
			.collect(),
		distribution: distribution.map(distribution_json),
	}
}

fn endorsement_json(endorsement: Endorsement<AccountId>) -> EndorsementJson {
	EndorsementJson {
		financing: endorsement.financing,
		bank: endorsement.bank,
		outstanding: endorsement.outstanding.to_string(),
		registered_at: endorsement.registered_at,
	}
}

fn document_json(status: DocumentStatus<AccountId>) -> DocumentJson {
	DocumentJson {
		id: status.id,
		kind: status.kind,
		registrant: status.registrant,
		creditor: status.creditor,
		debtor: status.debtor,
		currency: status.currency,
		face_value: status.face_value.to_string(),
		due: status.due,
		registered_at: status.registered_at,
		financed: status.financed.to_string(),
		collected: status.collected.to_string(),
		available: status.available.to_string(),
		holder: status.holder,
		endorsements: status.endorsements.into_iter().map(endorsement_json).collect(),
	}
}

fn financing_json((id, financing): (FinancingId, Financing)) -> FinancingJson {
	FinancingJson {
		id,
		bank: financing.bank,
		borrower: financing.borrower,
		currency: financing.currency,
		principal: financing.principal.to_string(),
		outstanding: financing.outstanding.to_string(),
		lines: financing
			.lines
			.into_iter()
			.map(|(document, amount)| LineJson { document, amount: amount.to_string() })
			.collect(),
		registered_at: financing.registered_at,
		status: financing.status,
		in_review: financing.in_review,
	}
}

/// Serves the methods from the runtime APIs at the best block.
pub struct Receivables<C> {
	client: Arc<C>,
}

impl<C> Receivables<C> {
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

impl<C> ReceivablesRpcServer for Receivables<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: ReceivablesApi<Block, AccountId, Financing> + SecuritisationApi<Block, AccountId>,
{
	fn document(&self, id: DocumentId) -> RpcResult<Option<DocumentJson>> {
		let best = self.client.info().best_hash;
		let status = self
			.client
			.runtime_api()
			.document(best, id)
			.map_err(|e| error(RUNTIME_ERROR, e.to_string()))?;
		Ok(status.map(document_json))
	}

	fn financings(&self, bank: AccountId) -> RpcResult<Vec<FinancingJson>> {
		let best = self.client.info().best_hash;
		let financings = self
			.client
			.runtime_api()
			.financings_of(best, bank)
			.map_err(|e| error(RUNTIME_ERROR, e.to_string()))?;
		Ok(financings.into_iter().map(financing_json).collect())
	}

	fn assignee(&self, receivable: ReceivableId) -> RpcResult<Option<AccountId>> {
		let best = self.client.info().best_hash;
		self.client
			.runtime_api()
			.assignee(best, receivable)
			.map_err(|e| error(RUNTIME_ERROR, e.to_string()))
	}

	fn pool(&self, id: PoolId) -> RpcResult<Option<PoolJson>> {
		let best = self.client.info().best_hash;
		let view = self
			.client
			.runtime_api()
			.pool(best, id)
			.map_err(|e| error(RUNTIME_ERROR, e.to_string()))?;
		Ok(view.map(pool_json))
	}

	fn pools(&self) -> RpcResult<Vec<PoolId>> {
		let best = self.client.info().best_hash;
		self.client
			.runtime_api()
			.pools(best)
			.map_err(|e| error(RUNTIME_ERROR, e.to_string()))
	}
}
