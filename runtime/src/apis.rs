//! The runtime APIs the node and clients call.

use crate::{
	configs::consensus::EpochDuration, time::BABE_GENESIS_EPOCH_CONFIG, AccountId, Babe, Balance,
	Block, Executive, Grandpa, InherentDataExt, Nonce, Runtime, RuntimeCall, RuntimeGenesisConfig,
	SessionKeys, System, TransactionPayment, VERSION,
};
use alloc::vec::Vec;
use frame_support::{
	genesis_builder_helper::{build_state, get_preset},
	traits::Get,
	weights::Weight,
};
use pallet_grandpa::AuthorityId as GrandpaId;
use sp_api::impl_runtime_apis;
use sp_core::{crypto::KeyTypeId, OpaqueMetadata};
use sp_runtime::{
	traits::{Block as BlockT, NumberFor},
	transaction_validity::{TransactionSource, TransactionValidity},
	ApplyExtrinsicResult, ExtrinsicInclusionMode,
};
use sp_version::RuntimeVersion;

impl_runtime_apis! {
	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}

		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block);
		}

		fn initialize_block(header: &<Block as BlockT>::Header) -> ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl sp_api::Metadata<Block> for Runtime {
		fn metadata() -> OpaqueMetadata {
			OpaqueMetadata::new(Runtime::metadata().into())
		}

		fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
			Runtime::metadata_at_version(version)
		}

		fn metadata_versions() -> Vec<u32> {
			Runtime::metadata_versions()
		}
	}

	impl sp_block_builder::BlockBuilder<Block> for Runtime {
		fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
			Executive::apply_extrinsic(extrinsic)
		}

		fn finalize_block() -> <Block as BlockT>::Header {
			Executive::finalize_block()
		}

		fn inherent_extrinsics(data: sp_inherents::InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
			data.create_extrinsics()
		}

		fn check_inherents(
			block: <Block as BlockT>::LazyBlock,
			data: sp_inherents::InherentData,
		) -> sp_inherents::CheckInherentsResult {
			data.check_extrinsics(&block)
		}
	}

	impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
		fn validate_transaction(
			source: TransactionSource,
			tx: <Block as BlockT>::Extrinsic,
			block_hash: <Block as BlockT>::Hash,
		) -> TransactionValidity {
			Executive::validate_transaction(source, tx, block_hash)
		}
	}

	impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
		fn offchain_worker(header: &<Block as BlockT>::Header) {
			Executive::offchain_worker(header)
		}
	}

	impl sp_consensus_babe::BabeApi<Block> for Runtime {
		fn configuration() -> sp_consensus_babe::BabeConfiguration {
			let epoch_config = Babe::epoch_config().unwrap_or(BABE_GENESIS_EPOCH_CONFIG);
			sp_consensus_babe::BabeConfiguration {
				slot_duration: Babe::slot_duration(),
				epoch_length: EpochDuration::get(),
				c: epoch_config.c,
				authorities: Babe::authorities().to_vec(),
				randomness: Babe::randomness(),
				allowed_slots: epoch_config.allowed_slots,
			}
		}

		fn current_epoch_start() -> sp_consensus_babe::Slot {
			Babe::current_epoch_start()
		}

		fn current_epoch() -> sp_consensus_babe::Epoch {
			Babe::current_epoch()
		}

		fn next_epoch() -> sp_consensus_babe::Epoch {
			Babe::next_epoch()
		}

		// Equivocations are not reported on chain (no staking to slash; see
		// docs/decisions/0002-consensus.md), so there is no ownership proof to make.
		fn generate_key_ownership_proof(
			_slot: sp_consensus_babe::Slot,
			_authority_id: sp_consensus_babe::AuthorityId,
		) -> Option<sp_consensus_babe::OpaqueKeyOwnershipProof> {
			None
		}

		fn submit_report_equivocation_unsigned_extrinsic(
			_equivocation_proof: sp_consensus_babe::EquivocationProof<<Block as BlockT>::Header>,
			_key_owner_proof: sp_consensus_babe::OpaqueKeyOwnershipProof,
		) -> Option<()> {
			None
		}
	}

	impl sp_consensus_grandpa::GrandpaApi<Block> for Runtime {
		fn grandpa_authorities() -> sp_consensus_grandpa::AuthorityList {
			Grandpa::grandpa_authorities()
		}

		fn current_set_id() -> sp_consensus_grandpa::SetId {
			Grandpa::current_set_id()
		}

		fn submit_report_equivocation_unsigned_extrinsic(
			_equivocation_proof: sp_consensus_grandpa::EquivocationProof<
				<Block as BlockT>::Hash,
				NumberFor<Block>,
			>,
			_key_owner_proof: sp_consensus_grandpa::OpaqueKeyOwnershipProof,
		) -> Option<()> {
			None
		}

		fn generate_key_ownership_proof(
			_set_id: sp_consensus_grandpa::SetId,
			_authority_id: GrandpaId,
		) -> Option<sp_consensus_grandpa::OpaqueKeyOwnershipProof> {
			None
		}
	}

	impl sp_session::SessionKeys<Block> for Runtime {
		fn generate_session_keys(
			owner: Vec<u8>,
			seed: Option<Vec<u8>>,
		) -> sp_session::OpaqueGeneratedSessionKeys {
			SessionKeys::generate(&owner, seed).into()
		}

		fn decode_session_keys(encoded: Vec<u8>) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
			SessionKeys::decode_into_raw_public_keys(&encoded)
		}
	}

	impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
		fn account_nonce(account: AccountId) -> Nonce {
			System::account_nonce(account)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentApi<Block, Balance> for Runtime {
		fn query_info(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment_rpc_runtime_api::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_info(uxt, len)
		}

		fn query_fee_details(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_fee_details(uxt, len)
		}

		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}

		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentCallApi<Block, Balance, RuntimeCall>
		for Runtime
	{
		fn query_call_info(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_call_info(call, len)
		}

		fn query_call_fee_details(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_call_fee_details(call, len)
		}

		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}

		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl fxchain_primitives::kyc::KycApi<Block, AccountId> for Runtime {
		fn verification(who: AccountId) -> fxchain_primitives::kyc::AccountVerification<AccountId> {
			crate::Kyc::verification(who)
		}
	}

	impl fxchain_primitives::forex::ForexApi<
		Block,
		AccountId,
		pallet_forex::Record<AccountId>,
		pallet_forex::Quote<AccountId>,
		pallet_forex::Trade<AccountId>,
	> for Runtime {
		fn balances(who: AccountId) -> Vec<fxchain_primitives::forex::Holding> {
			crate::Forex::holdings(&who)
		}

		fn payment(
			reference: fxchain_primitives::forex::Reference,
		) -> Option<pallet_forex::Record<AccountId>> {
			pallet_forex::Records::<Runtime>::get(reference)
		}

		fn quotes(maker: Option<AccountId>) -> Vec<(u64, pallet_forex::Quote<AccountId>)> {
			crate::Forex::open_quotes(maker)
		}

		fn trades(party: Option<AccountId>) -> Vec<(u64, pallet_forex::Trade<AccountId>)> {
			crate::Forex::open_trades(party)
		}

		fn history_head(who: AccountId) -> fxchain_primitives::forex::HistoryHead {
			pallet_forex::Histories::<Runtime>::get(who)
		}
	}

	impl fxchain_primitives::supervision::SupervisionApi<Block, AccountId> for Runtime {
		fn transfer_report(
			from: AccountId,
			to: AccountId,
			currency: fxchain_primitives::forex::CurrencyId,
			amount: fxchain_primitives::forex::Amount,
			purpose: fxchain_primitives::forex::Purpose,
		) -> fxchain_primitives::supervision::TransferReport {
			crate::Supervision::transfer_report(from, to, currency, amount, purpose)
		}

		fn quota(who: AccountId) -> Option<fxchain_primitives::supervision::QuotaStatus> {
			crate::Supervision::quota(&who)
		}

		fn reports(
			query: fxchain_primitives::supervision::ReportQuery<AccountId>,
		) -> fxchain_primitives::supervision::ReportPage<AccountId> {
			crate::Supervision::reports(query)
		}

		fn open_feedback(
			overdue_only: bool,
			after: Option<u64>,
			limit: u32,
		) -> Vec<fxchain_primitives::supervision::OpenFeedback<AccountId>> {
			crate::Supervision::open_feedback(overdue_only, after, limit)
		}
	}

	impl fxchain_primitives::leasing::LeasingApi<Block, AccountId> for Runtime {
		fn lease(
			id: fxchain_primitives::leasing::LeaseId,
		) -> Option<fxchain_primitives::leasing::LeaseView<AccountId>> {
			crate::Leasing::lease_view(id)
		}

		fn asset(
			key: fxchain_primitives::leasing::AssetKey,
		) -> Option<fxchain_primitives::leasing::Asset<AccountId>> {
			pallet_leasing::Assets::<Runtime>::get(key)
		}

		fn leases_of(who: AccountId) -> Vec<fxchain_primitives::leasing::LeaseId> {
			crate::Leasing::leases_of(&who)
		}
	}

	impl fxchain_primitives::receivables::ReceivablesApi<
		Block,
		AccountId,
		pallet_receivables::FinancingOf<Runtime>,
	> for Runtime {
		fn document(
			id: fxchain_primitives::receivables::DocumentId,
		) -> Option<fxchain_primitives::receivables::DocumentStatus<AccountId>> {
			crate::Receivables::document_status(id)
		}

		fn financings_of(
			bank: AccountId,
		) -> Vec<(
			fxchain_primitives::receivables::FinancingId,
			pallet_receivables::FinancingOf<Runtime>,
		)> {
			crate::Receivables::financings_of(&bank)
		}

		fn assignee(id: fxchain_primitives::receivables::ReceivableId) -> Option<AccountId> {
			crate::Receivables::assignee(&id)
		}
	}

	impl fxchain_primitives::receivables::SecuritisationApi<Block, AccountId> for Runtime {
		fn pool(
			id: fxchain_primitives::receivables::PoolId,
		) -> Option<fxchain_primitives::receivables::PoolView<AccountId>> {
			crate::Securitisation::pool_view(id)
		}

		fn pools() -> Vec<fxchain_primitives::receivables::PoolId> {
			crate::Securitisation::pool_ids()
		}
	}

	impl fxchain_primitives::data_sharing::DataSharingApi<Block, AccountId> for Runtime {
		fn can_access(
			grantee: AccountId,
			subject: AccountId,
			category: fxchain_primitives::data_sharing::Category,
			purpose: fxchain_primitives::data_sharing::DataPurpose,
		) -> Option<fxchain_primitives::data_sharing::ConsentId> {
			crate::DataSharing::can_access(&grantee, &subject, category, purpose)
		}

		fn can_serve(
			holder: AccountId,
			entry: fxchain_primitives::data_sharing::EntryId,
		) -> Option<fxchain_primitives::data_sharing::AuditEntry<AccountId>> {
			crate::DataSharing::can_serve(&holder, entry)
		}

		fn consent(
			id: fxchain_primitives::data_sharing::ConsentId,
		) -> Option<fxchain_primitives::data_sharing::ConsentView<AccountId>> {
			crate::DataSharing::consent(id)
		}

		fn consents_given(
			subject: AccountId,
			after: Option<fxchain_primitives::data_sharing::ConsentId>,
			limit: u32,
		) -> Vec<fxchain_primitives::data_sharing::ConsentView<AccountId>> {
			crate::DataSharing::consents_given(&subject, after, limit)
		}

		fn consents_received(
			grantee: AccountId,
			after: Option<fxchain_primitives::data_sharing::ConsentId>,
			limit: u32,
		) -> Vec<fxchain_primitives::data_sharing::ConsentView<AccountId>> {
			crate::DataSharing::consents_received(&grantee, after, limit)
		}

		fn access_log(
			subject: AccountId,
			after: Option<fxchain_primitives::data_sharing::EntryId>,
			limit: u32,
		) -> Vec<(
			fxchain_primitives::data_sharing::EntryId,
			fxchain_primitives::data_sharing::AuditEntry<AccountId>,
		)> {
			crate::DataSharing::access_log(&subject, after, limit)
		}

		fn supervisory_log(
			after: Option<fxchain_primitives::data_sharing::EntryId>,
			limit: u32,
		) -> Vec<(
			fxchain_primitives::data_sharing::EntryId,
			fxchain_primitives::data_sharing::AuditEntry<AccountId>,
		)> {
			crate::DataSharing::supervisory_log(after, limit)
		}

		fn item(
			id: fxchain_primitives::data_sharing::ItemId,
		) -> Option<fxchain_primitives::data_sharing::DataItem<AccountId>> {
			pallet_data_sharing::Items::<Runtime>::get(id)
		}

		fn items_of(
			subject: AccountId,
			after: Option<fxchain_primitives::data_sharing::ItemId>,
			limit: u32,
		) -> Vec<(
			fxchain_primitives::data_sharing::ItemId,
			fxchain_primitives::data_sharing::DataItem<AccountId>,
		)> {
			crate::DataSharing::items_of(&subject, after, limit)
		}

		fn overdue_disputes(
			limit: u32,
		) -> Vec<(
			fxchain_primitives::data_sharing::ItemId,
			fxchain_primitives::data_sharing::Dispute<AccountId>,
		)> {
			crate::DataSharing::overdue_disputes(limit)
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	impl frame_benchmarking::Benchmark<Block> for Runtime {
		fn benchmark_metadata(extra: bool) -> (
			Vec<frame_benchmarking::BenchmarkList>,
			Vec<frame_support::traits::StorageInfo>,
		) {
			use crate::benchmarks::*;
			use frame_benchmarking::BenchmarkList;
			use frame_support::traits::StorageInfoTrait;

			let mut list = Vec::<BenchmarkList>::new();
			list_benchmarks!(list, extra);
			(list, crate::AllPalletsWithSystem::storage_info())
		}

		fn dispatch_benchmark(
			config: frame_benchmarking::BenchmarkConfig,
		) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
			use crate::benchmarks::*;
			use frame_benchmarking::BenchmarkBatch;
			use frame_support::traits::WhitelistedStorageKeys;

			let whitelist = crate::AllPalletsWithSystem::whitelisted_storage_keys();
			let mut batches = Vec::<BenchmarkBatch>::new();
			let params = (&config, &whitelist);
			add_benchmarks!(params, batches);
			Ok(batches)
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, crate::genesis_config_presets::get_preset)
		}

		fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
			crate::genesis_config_presets::preset_names()
		}
	}
}
