//! Securitisation pools (`pallet-securitisation`): receivables assigned to a pool's account,
//! senior and junior units in `PoolUnits`, collections paid out by the waterfall through the
//! forex ledger.

use crate::{Forex, PoolUnits, Receivables, Runtime, Timestamp};
use frame_support::{
	parameter_types,
	traits::{ConstU32, ConstU64},
	PalletId,
};

parameter_types! {
	/// Derives each pool's account (its special-purpose vehicle).
	pub const SecuritisationPalletId: PalletId = PalletId(*b"fx/secur");
}

impl pallet_securitisation::Config for Runtime {
	type Kyc = super::kyc::Identities;
	type Licences = crate::Kyc;
	type Ledger = Forex;
	type Time = Timestamp;
	type Registry = Receivables;
	type Units = PoolUnits;
	type PalletId = SecuritisationPalletId;
	// A pool of a few dozen large receivables (trade documents, equipment leases).
	type MaxReceivablesPerPool = ConstU32<64>;
	// A private placement among institutions, not a retail issue.
	type MaxInvestorsPerPool = ConstU32<64>;
	// Each payout is a supervised ledger transfer; 16 a block pay 64 holders in four blocks.
	type MaxPayoutsPerBlock = ConstU32<16>;
	// One slot: a payment date per block at most.
	type MinPaymentInterval = ConstU64<6_000>;
	type WeightInfo = pallet_securitisation::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = super::forex::benchmark_helper::KycSetup;
}
