//! The node's JSON-RPC methods.
//!
//! Besides the standard Substrate methods that `sc-service` installs (`chain_*`, `state_*`,
//! `author_*`, `system_*`, `rpc_methods`, the new `chainHead_v1_*` family), this module adds:
//!
//! - `system_accountNextIndex`, `system_dryRun` (`substrate-frame-rpc-system`);
//! - `payment_queryInfo`, `payment_queryFeeDetails` (`pallet-transaction-payment-rpc`);
//! - `babe_epochAuthorship` (`sc-consensus-babe-rpc`);
//! - `grandpa_roundState`, `grandpa_proveFinality`, `grandpa_subscribeJustifications`
//!   (`sc-consensus-grandpa-rpc`);
//! - fxchain's own `fxchain_*` methods, one submodule per capability ([`forex`],
//!   [`supervision`], [`leasing`], [`data_sharing`], [`receivables`]), wrapping the runtime APIs for
//!   integrators who do not decode SCALE. Every one is documented in `docs/rpc.md`, and the
//!   end-to-end tests check that the document and the node's `rpc_methods` agree.

pub mod data_sharing;
pub mod forex;
pub mod leasing;
pub mod receivables;
pub mod supervision;

use fxchain_runtime::{opaque::Block, AccountId, Balance, Nonce};
use jsonrpsee::RpcModule;
use sc_consensus_babe::BabeWorkerHandle;
use sc_consensus_grandpa::{
	FinalityProofProvider, GrandpaJustificationStream, SharedAuthoritySet, SharedVoterState,
};
use sc_rpc::SubscriptionTaskExecutor;
use sc_transaction_pool_api::TransactionPool;
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};
use sp_consensus::SelectChain;
use sp_keystore::KeystorePtr;
use sp_runtime::traits::Block as BlockT;
use std::sync::Arc;

type Hash = <Block as BlockT>::Hash;
type BlockNumber = sp_runtime::traits::NumberFor<Block>;

/// What the BABE RPC needs.
pub struct BabeDeps<SC> {
	/// Answers epoch queries from the BABE worker.
	pub worker_handle: BabeWorkerHandle<Block>,
	/// The node's keystore, to tell which slots it may author.
	pub keystore: KeystorePtr,
	/// The chain selection rule.
	pub select_chain: SC,
}

/// What the GRANDPA RPC needs.
pub struct GrandpaDeps<B> {
	/// The voter's state, for `grandpa_roundState`.
	pub shared_voter_state: SharedVoterState,
	/// The authority set, for `grandpa_roundState`.
	pub shared_authority_set: SharedAuthoritySet<Hash, BlockNumber>,
	/// Justifications as blocks are finalised.
	pub justification_stream: GrandpaJustificationStream<Block>,
	/// Executor for subscriptions.
	pub subscription_executor: SubscriptionTaskExecutor,
	/// Finality proofs for `grandpa_proveFinality`.
	pub finality_provider: Arc<FinalityProofProvider<B, Block>>,
}

/// Everything the RPC methods need.
pub struct FullDeps<C, P, SC, B: sc_client_api::Backend<Block>> {
	/// The client.
	pub client: Arc<C>,
	/// The transaction pool.
	pub pool: Arc<P>,
	/// BABE's dependencies.
	pub babe: BabeDeps<SC>,
	/// GRANDPA's dependencies.
	pub grandpa: GrandpaDeps<B>,
	/// The off-chain index that holds account histories (`None` if the backend has none).
	pub history_index: Option<B::OffchainStorage>,
}

/// Build the node's RPC methods.
pub fn create_full<C, P, SC, B>(
	deps: FullDeps<C, P, SC, B>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
	C: ProvideRuntimeApi<Block>
		+ HeaderBackend<Block>
		+ HeaderMetadata<Block, Error = BlockChainError>
		+ Send
		+ Sync
		+ 'static,
	C::Api: substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce>
		+ pallet_transaction_payment_rpc::TransactionPaymentRuntimeApi<Block, Balance>
		+ sp_consensus_babe::BabeApi<Block>
		+ forex::ForexRuntimeApi
		+ fxchain_primitives::supervision::SupervisionApi<Block, AccountId>
		+ fxchain_primitives::leasing::LeasingApi<Block, AccountId>
		+ fxchain_primitives::data_sharing::DataSharingApi<Block, AccountId>
		+ fxchain_primitives::receivables::ReceivablesApi<
			Block,
			AccountId,
			fxchain_runtime::Financing,
		> + fxchain_primitives::receivables::SecuritisationApi<Block, AccountId>
		+ BlockBuilder<Block>,
	P: TransactionPool + 'static,
	SC: SelectChain<Block> + 'static,
	B: sc_client_api::Backend<Block> + Send + Sync + 'static,
	B::State: sc_client_api::StateBackend<sp_runtime::traits::HashingFor<Block>>,
{
	use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
	use sc_consensus_babe_rpc::{Babe, BabeApiServer};
	use sc_consensus_grandpa_rpc::{Grandpa, GrandpaApiServer};
	use substrate_frame_rpc_system::{System, SystemApiServer};

	use data_sharing::{DataSharing, DataSharingRpcServer};
	use forex::{Forex, ForexRpcServer};
	use leasing::{Leasing, LeasingRpcServer};
	use receivables::{Receivables, ReceivablesRpcServer};
	use supervision::{Supervision, SupervisionRpcServer};

	let FullDeps { client, pool, babe, grandpa, history_index } = deps;
	let mut module = RpcModule::new(());

	module.merge(Forex::new(client.clone(), history_index).into_rpc())?;
	module.merge(Supervision::new(client.clone()).into_rpc())?;
	module.merge(Leasing::new(client.clone()).into_rpc())?;
	module.merge(DataSharing::new(client.clone()).into_rpc())?;
	module.merge(Receivables::new(client.clone()).into_rpc())?;
	module.merge(System::new(client.clone(), pool).into_rpc())?;
	module.merge(TransactionPayment::new(client.clone()).into_rpc())?;
	module.merge(
		Babe::new(client, babe.worker_handle, babe.keystore, babe.select_chain).into_rpc(),
	)?;
	module.merge(
		Grandpa::new(
			grandpa.subscription_executor,
			grandpa.shared_authority_set,
			grandpa.shared_voter_state,
			grandpa.justification_stream,
			grandpa.finality_provider,
		)
		.into_rpc(),
	)?;

	Ok(module)
}

/// `-32001`: a runtime API call failed.
pub(crate) const RUNTIME_ERROR: i32 = -32001;

/// A JSON-RPC error with `code` and `message`.
pub(crate) fn error(code: i32, message: impl Into<String>) -> jsonrpsee::types::ErrorObjectOwned {
	jsonrpsee::types::ErrorObjectOwned::owned(code, message.into(), None::<()>)
}
