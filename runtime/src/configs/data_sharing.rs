//! Data-sharing permissions (`pallet-data-sharing`): the catalogue, consents, the query gate
//! with its audit log, statutory access and disputes.

use super::governance::{GovernanceOrigin, SupervisorOrigin};
use crate::{AccountId, Kyc, Runtime, Timestamp};
use frame_support::traits::{ConstU32, MapSuccess};
use sp_runtime::{traits::Morph, Either};

/// The account of the council member acting as supervisor, `None` when root acts.
pub struct ActingMember;
impl Morph<Either<(), AccountId>> for ActingMember {
	type Outcome = Option<AccountId>;
	fn morph(origin: Either<(), AccountId>) -> Option<AccountId> {
		origin.right()
	}
}

impl pallet_data_sharing::Config for Runtime {
	type Kyc = Kyc;
	type Licences = Kyc;
	type Time = Timestamp;
	type SupervisorOrigin = MapSuccess<SupervisorOrigin, ActingMember>;
	type GovernanceOrigin = GovernanceOrigin;
	// 32 entries and 32 consents a block: about 460,000 of each a day, far above what a
	// national consortium logs, so the pruning keeps up.
	type MaxPrunePerBlock = ConstU32<32>;
	type MaxSealedCases = ConstU32<64>;
	type WeightInfo = pallet_data_sharing::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = super::forex::benchmark_helper::KycSetup;
}

#[cfg(feature = "runtime-benchmarks")]
mod benchmark_helper {
	use super::super::forex::benchmark_helper::KycSetup;
	use crate::AccountId;
	use fxchain_primitives::{kyc::Role, Moment};

	/// The same setup as the leasing benchmarks': a resident enterprise's credential, a
	/// licence, the clock.
	impl pallet_data_sharing::BenchmarkHelper<AccountId> for KycSetup {
		fn verify(who: &AccountId) {
			<KycSetup as pallet_leasing::BenchmarkHelper<AccountId>>::verify(who);
		}

		fn license(who: &AccountId, role: Role) {
			<KycSetup as pallet_forex::BenchmarkHelper<AccountId>>::license(who, role);
		}

		fn set_time(now: Moment) {
			<KycSetup as pallet_leasing::BenchmarkHelper<AccountId>>::set_time(now);
		}
	}
}
