//! `fxchain_canAccess`, `fxchain_canServe`, `fxchain_consent`, `fxchain_consentsGiven`, `fxchain_consentsReceived`,
//! `fxchain_accessLog`, `fxchain_supervisoryLog`, `fxchain_dataItem`, `fxchain_dataItems`,
//! `fxchain_overdueDisputes`: consents, the audit log, the catalogue and disputes in JSON, for
//! data holders checking a grant before serving, subjects reading who looked at their data, and
//! supervisors.
//!
//! Categories and purposes are their names (`"RegulatoryCredit"`, `"CreditApproval"`); pages
//! hold at most 100 records after the `after` number (`null` from the start), `limit` defaults
//! to 100.

use super::{error, RUNTIME_ERROR};
use fxchain_primitives::data_sharing::{
	AuditEntry, Category, ConsentId, ConsentView, DataItem, DataPurpose, DataSharingApi, Dispute,
	EntryId, ItemId, MAX_PAGE,
};
use fxchain_runtime::{opaque::Block, AccountId};
use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use sp_api::{ApiError, ApiRef, ProvideRuntimeApi};
use sp_blockchain::HeaderBackend;
use std::sync::Arc;

type Hash = <Block as sp_runtime::traits::Block>::Hash;

#[rpc(server)]
pub trait DataSharingRpc {
	/// The number of the live consent under which `grantee` may read `subject`'s `category`
	/// for `purpose` now, or `null`: whether the grantee's query would pass the gate.
	#[method(name = "fxchain_canAccess")]
	fn can_access(
		&self,
		grantee: AccountId,
		subject: AccountId,
		category: Category,
		purpose: DataPurpose,
	) -> RpcResult<Option<ConsentId>>;

	/// The log entry when `holder` may serve it now (it names the holder, no result yet, its
	/// consent neither revoked nor expired), or `null`: what a data holder checks before
	/// serving.
	#[method(name = "fxchain_canServe")]
	fn can_serve(
		&self,
		holder: AccountId,
		entry: EntryId,
	) -> RpcResult<Option<AuditEntry<AccountId>>>;

	/// A consent with its status (`Live`, `Exhausted`, `Expired`, `Revoked`), until pruned.
	#[method(name = "fxchain_consent")]
	fn consent(&self, id: ConsentId) -> RpcResult<Option<ConsentView<AccountId>>>;

	/// The consents a subject gave, oldest first.
	#[method(name = "fxchain_consentsGiven")]
	fn consents_given(
		&self,
		subject: AccountId,
		after: Option<ConsentId>,
		limit: Option<u32>,
	) -> RpcResult<Vec<ConsentView<AccountId>>>;

	/// The consents a grantee received, oldest first.
	#[method(name = "fxchain_consentsReceived")]
	fn consents_received(
		&self,
		grantee: AccountId,
		after: Option<ConsentId>,
		limit: Option<u32>,
	) -> RpcResult<Vec<ConsentView<AccountId>>>;

	/// A subject's audit log as the subject sees it, oldest first, as `[entry, record]` pairs.
	#[method(name = "fxchain_accessLog")]
	fn access_log(
		&self,
		subject: AccountId,
		after: Option<EntryId>,
		limit: Option<u32>,
	) -> RpcResult<Vec<(EntryId, AuditEntry<AccountId>)>>;

	/// The whole audit log, for supervisors, oldest first.
	#[method(name = "fxchain_supervisoryLog")]
	fn supervisory_log(
		&self,
		after: Option<EntryId>,
		limit: Option<u32>,
	) -> RpcResult<Vec<(EntryId, AuditEntry<AccountId>)>>;

	/// A catalogued data item.
	#[method(name = "fxchain_dataItem")]
	fn data_item(&self, id: ItemId) -> RpcResult<Option<DataItem<AccountId>>>;

	/// The items about a subject, by number.
	#[method(name = "fxchain_dataItems")]
	fn data_items(
		&self,
		subject: AccountId,
		after: Option<ItemId>,
		limit: Option<u32>,
	) -> RpcResult<Vec<(ItemId, DataItem<AccountId>)>>;

	/// Open disputes past their answer date, the longest overdue first.
	#[method(name = "fxchain_overdueDisputes")]
	fn overdue_disputes(&self, limit: Option<u32>) -> RpcResult<Vec<(ItemId, Dispute<AccountId>)>>;
}

/// Serves the methods from the runtime API at the best block.
pub struct DataSharing<C> {
	client: Arc<C>,
}

impl<C> DataSharing<C> {
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

impl<C> DataSharing<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block>,
{
	/// `query` against the runtime API at the best block.
	fn at_best<R>(
		&self,
		query: impl FnOnce(ApiRef<'_, C::Api>, Hash) -> Result<R, ApiError>,
	) -> RpcResult<R> {
		let best = self.client.info().best_hash;
		query(self.client.runtime_api(), best).map_err(|e| error(RUNTIME_ERROR, e.to_string()))
	}
}

fn page(limit: Option<u32>) -> u32 {
	limit.unwrap_or(MAX_PAGE)
}

impl<C> DataSharingRpcServer for DataSharing<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: DataSharingApi<Block, AccountId>,
{
	fn can_access(
		&self,
		grantee: AccountId,
		subject: AccountId,
		category: Category,
		purpose: DataPurpose,
	) -> RpcResult<Option<ConsentId>> {
		self.at_best(|api, at| api.can_access(at, grantee, subject, category, purpose))
	}

	fn can_serve(
		&self,
		holder: AccountId,
		entry: EntryId,
	) -> RpcResult<Option<AuditEntry<AccountId>>> {
		self.at_best(|api, at| api.can_serve(at, holder, entry))
	}

	fn consent(&self, id: ConsentId) -> RpcResult<Option<ConsentView<AccountId>>> {
		self.at_best(|api, at| api.consent(at, id))
	}

	fn consents_given(
		&self,
		subject: AccountId,
		after: Option<ConsentId>,
		limit: Option<u32>,
	) -> RpcResult<Vec<ConsentView<AccountId>>> {
		self.at_best(|api, at| api.consents_given(at, subject, after, page(limit)))
	}

	fn consents_received(
		&self,
		grantee: AccountId,
		after: Option<ConsentId>,
		limit: Option<u32>,
	) -> RpcResult<Vec<ConsentView<AccountId>>> {
		self.at_best(|api, at| api.consents_received(at, grantee, after, page(limit)))
	}

	fn access_log(
		&self,
		subject: AccountId,
		after: Option<EntryId>,
		limit: Option<u32>,
	) -> RpcResult<Vec<(EntryId, AuditEntry<AccountId>)>> {
		self.at_best(|api, at| api.access_log(at, subject, after, page(limit)))
	}

	fn supervisory_log(
		&self,
		after: Option<EntryId>,
		limit: Option<u32>,
	) -> RpcResult<Vec<(EntryId, AuditEntry<AccountId>)>> {
		self.at_best(|api, at| api.supervisory_log(at, after, page(limit)))
	}

	fn data_item(&self, id: ItemId) -> RpcResult<Option<DataItem<AccountId>>> {
		self.at_best(|api, at| api.item(at, id))
	}

	fn data_items(
		&self,
		subject: AccountId,
		after: Option<ItemId>,
		limit: Option<u32>,
	) -> RpcResult<Vec<(ItemId, DataItem<AccountId>)>> {
		self.at_best(|api, at| api.items_of(at, subject, after, page(limit)))
	}

	fn overdue_disputes(&self, limit: Option<u32>) -> RpcResult<Vec<(ItemId, Dispute<AccountId>)>> {
		self.at_best(|api, at| api.overdue_disputes(at, page(limit)))
	}
}
