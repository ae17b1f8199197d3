//! Currency ledgers: one `pallet-assets` asset per ISO 4217 currency (id = numeric code).
//!
//! The pallet's calls are not in the runtime (`#[runtime::disable_call]`): nobody can move a
//! currency unit with `assets.transfer`, directly or inside a batch. fxchain's forex pallet moves
//! them through the `fungibles` traits, after supervision has decided. Polkadot.js Apps still
//! shows balances on its Assets page, from storage and metadata.

use crate::{AccountId, Balance, Balances, Runtime, RuntimeEvent};
use frame_support::traits::{AsEnsureOriginWithArg, ConstU128, ConstU32};
use frame_system::EnsureNever;

use super::governance::GovernanceOrigin;

pub use fxchain_primitives::forex::CurrencyId;

impl pallet_assets::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Balance = Balance;
	type RemoveItemsLimit = ConstU32<1000>;
	type AssetId = CurrencyId;
	type AssetIdParameter = codec::Compact<CurrencyId>;
	type ReserveData = ();
	type Currency = Balances;
	// Currencies are created by the forex pallet on a governance decision, never by a signed call.
	type CreateOrigin = AsEnsureOriginWithArg<EnsureNever<AccountId>>;
	type ForceOrigin = GovernanceOrigin;
	// Verified accounts hold currencies without native-token deposits (assets are sufficient).
	type AssetDeposit = ConstU128<0>;
	type AssetAccountDeposit = ConstU128<0>;
	type MetadataDepositBase = ConstU128<0>;
	type MetadataDepositPerByte = ConstU128<0>;
	type ApprovalDeposit = ConstU128<0>;
	type StringLimit = ConstU32<50>;
	type Freezer = ();
	type Holder = ();
	type Extra = ();
	type CallbackHandle = ();
	type AssetIdAllocator = ();
	// Never charged: the pallet's calls are not in the runtime.
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}

/// Securitisation pool units: a second `pallet-assets` ledger, one asset per pool tranche
/// (id = pool × 2 + tranche), created and moved only by the securitisation pallet. Its calls
/// are not in the runtime either, so units change hands only by a supervised purchase.
impl pallet_assets::Config<pallet_assets::Instance2> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Balance = Balance;
	type RemoveItemsLimit = ConstU32<1000>;
	type AssetId = fxchain_primitives::receivables::UnitId;
	type AssetIdParameter = codec::Compact<fxchain_primitives::receivables::UnitId>;
	type ReserveData = ();
	type Currency = Balances;
	type CreateOrigin = AsEnsureOriginWithArg<EnsureNever<AccountId>>;
	type ForceOrigin = GovernanceOrigin;
	// Investors hold units without native-token deposits (the unit assets are sufficient).
	type AssetDeposit = ConstU128<0>;
	type AssetAccountDeposit = ConstU128<0>;
	type MetadataDepositBase = ConstU128<0>;
	type MetadataDepositPerByte = ConstU128<0>;
	type ApprovalDeposit = ConstU128<0>;
	type StringLimit = ConstU32<50>;
	type Freezer = ();
	type Holder = ();
	type Extra = ();
	type CallbackHandle = ();
	type AssetIdAllocator = ();
	// Never charged: the pallet's calls are not in the runtime.
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}
