//! `fxchain_history`, `fxchain_payment`, `fxchain_balances`: forex accounts in JSON.
//!
//! The history lives in the node's off-chain index, written by the runtime while it imports each
//! block (`docs/decisions/0009-payment-history-off-chain-index.md`). Entries are keyed by the hash
//! of their content and each names the one before it; the runtime keeps, per account, the number
//! of entries and the hash of the newest. Walking from the head at the best block therefore reads
//! exactly the entries the canonical chain wrote, never one from a block that lost a fork.

use super::{error, RUNTIME_ERROR};
use codec::Decode;
use fxchain_primitives::forex::{history_key, ForexApi, HistoryEntry, Holding, Reference};
use fxchain_runtime::{opaque::Block, AccountId, BlockNumber};
use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use pallet_forex::{Quote, Record, Trade};
use serde::Serialize;
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::{
	offchain::{OffchainStorage, STORAGE_PREFIX},
	H256,
};
use sp_io::hashing::blake2_256;
use std::sync::Arc;

/// The most entries one `fxchain_history` call returns.
pub const MAX_PAGE: u32 = 100;

/// The runtime API as the node sees it.
pub trait ForexRuntimeApi:
	ForexApi<Block, AccountId, Record<AccountId>, Quote<AccountId>, Trade<AccountId>>
{
}
impl<T> ForexRuntimeApi for T where
	T: ForexApi<Block, AccountId, Record<AccountId>, Quote<AccountId>, Trade<AccountId>>
{
}

#[rpc(server)]
pub trait ForexRpc {
	/// An account's payments, conversions, trades, deposits and withdrawals, newest first: one
	/// entry per status change. Pass the previous page's `next` as `cursor` for older entries.
	#[method(name = "fxchain_history")]
	fn history(
		&self,
		who: AccountId,
		limit: Option<u32>,
		cursor: Option<H256>,
	) -> RpcResult<HistoryPage>;

	/// A retained record by its end-to-end reference, or `null`.
	#[method(name = "fxchain_payment")]
	fn payment(&self, reference: Reference) -> RpcResult<Option<PaymentJson>>;

	/// An account's free and reserved balance in every registered currency.
	#[method(name = "fxchain_balances")]
	fn balances(&self, who: AccountId) -> RpcResult<Vec<HoldingJson>>;
}

/// One page of history.
#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HistoryPage {
	pub entries: Vec<EntryJson>,
	/// Where the next (older) page starts; `null` after the account's first entry.
	pub next: Option<H256>,
	/// How many entries the account's history has.
	pub total: u32,
}

/// A currency and an amount, the amount as a decimal string (it may exceed 2^53).
#[derive(Clone, Serialize)]
pub struct Money {
	pub currency: u32,
	pub amount: String,
}

/// A history entry.
#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EntryJson {
	pub reference: Reference,
	pub kind: String,
	pub status: String,
	pub counterparty: Option<AccountId>,
	/// What the account paid (`outgoing`) or received.
	pub currency: u32,
	pub amount: String,
	pub outgoing: bool,
	/// The other leg of a conversion or trade, seen from the account.
	pub counter_leg: Option<Money>,
	/// Chain time, milliseconds since the Unix epoch.
	pub at: u64,
	pub block: BlockNumber,
}

/// A leg of a record.
#[derive(Clone, Serialize)]
pub struct LegJson {
	pub from: Option<AccountId>,
	pub to: Option<AccountId>,
	pub currency: u32,
	pub amount: String,
}

/// A record.
#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentJson {
	pub reference: Reference,
	pub kind: String,
	pub status: String,
	pub legs: Vec<LegJson>,
	pub purpose: String,
	pub cross_border: bool,
	pub travel_rule: bool,
	/// Every reason supervision gave, by name.
	pub reasons: Vec<String>,
	pub issuer: Option<AccountId>,
	pub created_at: u64,
	pub updated_at: u64,
}

/// A holding.
#[derive(Clone, Serialize)]
pub struct HoldingJson {
	pub currency: u32,
	pub code: String,
	pub decimals: u8,
	pub free: String,
	pub reserved: String,
}

/// Serves the methods from the client and the off-chain index.
pub struct Forex<C, S> {
	client: Arc<C>,
	index: Option<S>,
}

impl<C, S> Forex<C, S> {
	pub fn new(client: Arc<C>, index: Option<S>) -> Self {
		Self { client, index }
	}
}

/// `-32002`: the off-chain index lacks an entry.
const INDEX_ERROR: i32 = -32002;

fn code_text(code: [u8; 3]) -> String {
	String::from_utf8_lossy(&code).into_owned()
}

impl<C, S> ForexRpcServer for Forex<C, S>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: ForexRuntimeApi,
	S: OffchainStorage + 'static,
{
	fn history(
		&self,
		who: AccountId,
		limit: Option<u32>,
		cursor: Option<H256>,
	) -> RpcResult<HistoryPage> {
		let index = self.index.as_ref().ok_or_else(|| {
			error(INDEX_ERROR, "this node has no off-chain storage; history is unavailable")
		})?;
		let best = self.client.info().best_hash;
		let head = self
			.client
			.runtime_api()
			.history_head(best, who)
			.map_err(|e| error(RUNTIME_ERROR, e.to_string()))?;
		let limit =
			usize::try_from(limit.unwrap_or(MAX_PAGE).clamp(1, MAX_PAGE)).unwrap_or(usize::MAX);
		let mut next = cursor.or(head.latest);
		let mut entries = Vec::new();
		while let Some(hash) = next.filter(|_| entries.len() < limit) {
			let raw = index.get(STORAGE_PREFIX, &history_key(&hash)).ok_or_else(|| {
				error(
					INDEX_ERROR,
					format!(
						"history entry {hash:?} is not in this node's off-chain index: the node \
						 synced that block without executing it"
					),
				)
			})?;
			if blake2_256(&raw) != hash.0 {
				return Err(error(INDEX_ERROR, format!("history entry {hash:?} is corrupt")));
			}
			let entry = HistoryEntry::<AccountId, BlockNumber>::decode(&mut &raw[..])
				.map_err(|e| error(INDEX_ERROR, format!("history entry {hash:?}: {e}")))?;
			next = entry.previous;
			entries.push(EntryJson {
				reference: entry.reference,
				kind: format!("{:?}", entry.kind),
				status: format!("{:?}", entry.status),
				counterparty: entry.counterparty,
				currency: entry.currency,
				amount: entry.amount.to_string(),
				outgoing: entry.outgoing,
				counter_leg: entry
					.counter_leg
					.map(|(currency, amount)| Money { currency, amount: amount.to_string() }),
				at: entry.at,
				block: entry.block,
			});
		}
		Ok(HistoryPage { entries, next, total: head.count })
	}

	fn payment(&self, reference: Reference) -> RpcResult<Option<PaymentJson>> {
		let best = self.client.info().best_hash;
		let record = self
			.client
			.runtime_api()
			.payment(best, reference)
			.map_err(|e| error(RUNTIME_ERROR, e.to_string()))?;
		Ok(record.map(|record| PaymentJson {
			reference,
			kind: format!("{:?}", record.kind),
			status: format!("{:?}", record.status),
			legs: record
				.legs
				.into_iter()
				.map(|leg| LegJson {
					from: leg.from,
					to: leg.to,
					currency: leg.currency,
					amount: leg.amount.to_string(),
				})
				.collect(),
			purpose: format!("{:?}", record.purpose),
			cross_border: record.cross_border,
			travel_rule: record.travel_rule.is_some(),
			reasons: record.reasons.to_vec().iter().map(|r| format!("{r:?}")).collect(),
			issuer: record.issuer,
			created_at: record.created_at,
			updated_at: record.updated_at,
		}))
	}

	fn balances(&self, who: AccountId) -> RpcResult<Vec<HoldingJson>> {
		let best = self.client.info().best_hash;
		let holdings: Vec<Holding> = self
			.client
			.runtime_api()
			.balances(best, who)
			.map_err(|e| error(RUNTIME_ERROR, e.to_string()))?;
		Ok(holdings
			.into_iter()
			.map(|h| HoldingJson {
				currency: h.currency,
				code: code_text(h.code),
				decimals: h.decimals,
				free: h.free.to_string(),
				reserved: h.reserved.to_string(),
			})
			.collect())
	}
}
