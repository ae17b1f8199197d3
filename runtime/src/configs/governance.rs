//! The regulator council and the origins it gives the rest of the runtime.
//!
//! - [`SupervisorOrigin`]: any one council member, acting through `council.execute`, for urgent
//!   operational acts (a freeze, a review decision).
//! - [`GovernanceOrigin`]: two thirds of the council through a motion (`council.propose`, votes,
//!   `council.close`), for rules, parameters, validators and code. `governance.enact` lets it act
//!   as root, which is how the runtime is upgraded on chains without sudo.
//!
//! Root (sudo on `dev`, or `governance.enact`) satisfies both.

use crate::{
	configs::system::RuntimeBlockWeights, time::DAYS, AccountId, BlockNumber, Council, Runtime,
	RuntimeCall, RuntimeEvent, RuntimeOrigin,
};
use frame_support::{parameter_types, traits::EitherOfDiverse, weights::Weight};
use frame_system::EnsureRoot;
use sp_runtime::Perbill;

/// The council instance of `pallet-collective` (and of `pallet-membership`, which manages it).
pub type CouncilInstance = pallet_collective::Instance1;

/// One council member, or root.
pub type SupervisorOrigin = EitherOfDiverse<
	EnsureRoot<AccountId>,
	pallet_collective::EnsureMember<AccountId, CouncilInstance>,
>;

/// Two thirds of the council, or root.
pub type GovernanceOrigin = EitherOfDiverse<
	EnsureRoot<AccountId>,
	pallet_collective::EnsureProportionAtLeast<AccountId, CouncilInstance, 2, 3>,
>;

/// The most members the council may have.
pub const COUNCIL_MAX_MEMBERS: u32 = 100;

parameter_types! {
	/// A motion not closed within this time can be closed by anyone; absent members then count
	/// as the prime member voted (or as nays without a prime).
	pub const CouncilMotionDuration: BlockNumber = 3 * DAYS;
	pub const CouncilMaxProposals: u32 = 100;
	pub const CouncilMaxMembers: u32 = COUNCIL_MAX_MEMBERS;
	/// A motion may use at most half a block.
	pub MaxProposalWeight: Weight = Perbill::from_percent(50) * RuntimeBlockWeights::get().max_block;
}

impl pallet_collective::Config<CouncilInstance> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = CouncilMotionDuration;
	type MaxProposals = CouncilMaxProposals;
	type MaxMembers = CouncilMaxMembers;
	type DefaultVote = pallet_collective::PrimeDefaultVote;
	type WeightInfo = crate::weights::pallet_collective::WeightInfo<Runtime>;
	// Membership changes go through `councilMembership`, which calls the collective directly.
	type SetMembersOrigin = EnsureRoot<AccountId>;
	type MaxProposalWeight = MaxProposalWeight;
	type DisapproveOrigin = EnsureRoot<AccountId>;
	type KillOrigin = EnsureRoot<AccountId>;
	type Consideration = ();
}

impl pallet_membership::Config<CouncilInstance> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AddOrigin = GovernanceOrigin;
	type RemoveOrigin = GovernanceOrigin;
	type SwapOrigin = GovernanceOrigin;
	type ResetOrigin = GovernanceOrigin;
	type PrimeOrigin = GovernanceOrigin;
	type MembershipInitialized = Council;
	type MembershipChanged = Council;
	type MaxMembers = CouncilMaxMembers;
	type WeightInfo = crate::weights::pallet_membership::WeightInfo<Runtime>;
}

impl pallet_governance::Config for Runtime {
	type RuntimeCall = RuntimeCall;
	type GovernanceOrigin = GovernanceOrigin;
	type WeightInfo = pallet_governance::weights::SubstrateWeight<Runtime>;
}

/// Only the `dev` chain has a sudo key (see the genesis presets).
impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = crate::weights::pallet_sudo::WeightInfo<Runtime>;
}
