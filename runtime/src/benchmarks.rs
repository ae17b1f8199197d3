//! The pallets `fxchain-node benchmark pallet` measures (node built with `runtime-benchmarks`;
//! `scripts/benchmark.sh` runs them: fxchain's pallets' weights go to `pallets/<name>/src/weights.rs`,
//! polkadot-sdk's to `runtime/src/weights/`).
//!
//! Not here: `pallet-assets`, whose calls are not in the runtime (its weights are never charged),
//! and BABE and GRANDPA, whose only signed calls, equivocation reports, cannot be made on
//! fxchain (no key-ownership proofs) and which benchmark nothing that yields weights.

mod session;

pub use crate::{
	Balances, Council, CouncilMembership, DataSharing, Forex, Governance, Identity, Kyc, Leasing,
	Receivables, Runtime, Securitisation, Sudo, Supervision, Timestamp, TransactionPayment,
	Utility, ValidatorSet,
};
pub use frame_benchmarking::baseline::Pallet as BaselineBench;
pub use frame_system_benchmarking::{
	extensions::Pallet as SystemExtensionsBench, Pallet as SystemBench,
};
pub use session::Pallet as SessionBench;

impl frame_system_benchmarking::Config for Runtime {}
impl frame_benchmarking::baseline::Config for Runtime {}
// Fees are burned: no block author to set up before measuring the payment extension.
impl pallet_transaction_payment::BenchmarkConfig for Runtime {}

frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench::<Runtime>]
	[frame_system, SystemBench::<Runtime>]
	[frame_system_extensions, SystemExtensionsBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_transaction_payment, TransactionPayment]
	[pallet_utility, Utility]
	[pallet_identity, Identity]
	[pallet_collective, Council]
	[pallet_membership, CouncilMembership]
	[pallet_sudo, Sudo]
	[pallet_session, SessionBench::<Runtime>]
	[pallet_governance, Governance]
	[pallet_validator_set, ValidatorSet]
	[pallet_kyc, Kyc]
	[pallet_forex, Forex]
	[pallet_supervision, Supervision]
	[pallet_leasing, Leasing]
	[pallet_data_sharing, DataSharing]
	[pallet_receivables, Receivables]
	[pallet_securitisation, Securitisation]
);
