//! Block production and finality: timestamp, BABE, GRANDPA, session and the validator set.

use crate::{
	time::SLOT_DURATION, AccountId, Babe, Balances, Moment, Runtime, RuntimeEvent, SessionKeys,
	ValidatorSet,
};
use frame_support::{
	parameter_types,
	traits::{ConstU32, ConstU64},
};
use sp_runtime::traits::{ConvertInto, OpaqueKeys};

/// The most validators (and so BABE and GRANDPA authorities) the chain supports.
pub const MAX_VALIDATORS: u32 = 100;

parameter_types! {
	pub const ExpectedBlockTime: Moment = SLOT_DURATION;
	pub const MaxAuthorities: u32 = MAX_VALIDATORS;
	/// Session keys cost a deposit, returned by `session.purgeKeys`, so that key storage is not
	/// free to fill.
	pub const SessionKeyDeposit: crate::Balance = fxchain_primitives::token::UNIT;
}

impl pallet_timestamp::Config for Runtime {
	type Moment = Moment;
	type OnTimestampSet = Babe;
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = crate::weights::pallet_timestamp::WeightInfo<Runtime>;
}

/// The epoch length, fixed at genesis: short on test chains, an hour on real ones. Sessions are
/// BABE epochs, so this is also the session length.
pub struct EpochDuration;
impl frame_support::traits::Get<u64> for EpochDuration {
	fn get() -> u64 {
		pallet_validator_set::SessionLength::<Runtime>::get()
	}
}

impl pallet_babe::Config for Runtime {
	type EpochDuration = EpochDuration;
	type ExpectedBlockTime = ExpectedBlockTime;
	// Sessions decide when an epoch ends.
	type EpochChangeTrigger = pallet_babe::ExternalTrigger;
	type DisabledValidators = crate::Session;
	// Upstream's formulas, not a benchmark: BABE's calls are equivocation reports, which cannot be
	// made here (see `KeyOwnerProof`), and root's `plan_config_change`, one storage write priced
	// at RocksDB's cost (above ParityDB's). pallet-babe's benchmarks measure nothing else.
	type WeightInfo = ();
	type MaxAuthorities = MaxAuthorities;
	type MaxNominators = ConstU32<0>;
	// No staking, so no slashing: equivocation reports have nothing to act on (see
	// docs/decisions/0002-consensus.md).
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	// As for BABE: equivocation reports cannot be made, and root's `note_stalled` is one write.
	type WeightInfo = ();
	type MaxAuthorities = MaxAuthorities;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = Babe;
	type NextSessionRotation = Babe;
	type SessionManager = ValidatorSet;
	type SessionHandler = <SessionKeys as OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	type DisablingStrategy = ();
	type WeightInfo = crate::weights::pallet_session::WeightInfo<Runtime>;
	type Currency = Balances;
	type KeyDeposit = SessionKeyDeposit;
}

impl pallet_validator_set::Config for Runtime {
	type GovernanceOrigin = super::governance::GovernanceOrigin;
	type MaxValidators = ConstU32<MAX_VALIDATORS>;
	type WeightInfo = pallet_validator_set::weights::SubstrateWeight<Runtime>;
}
