//! Capital-flow supervision (`pallet-supervision`): the rules every movement of money is
//! checked against, reports, freezes, the watch list and feedback.

use super::governance::{GovernanceOrigin, SupervisorOrigin};
use crate::{Forex, Runtime, Timestamp};
use frame_support::traits::ConstU32;

impl pallet_supervision::Config for Runtime {
	type Kyc = super::kyc::Identities;
	type Payments = Forex;
	type Time = Timestamp;
	type GovernanceOrigin = GovernanceOrigin;
	type SupervisorOrigin = SupervisorOrigin;
	// The default rule asks for 3 payments; governance may ask for up to 16.
	type MaxStructuringCount = ConstU32<16>;
	type MaxOpenFeedback = ConstU32<16>;
	// As many as the forex pallet may register currencies.
	type MaxRates = ConstU32<64>;
	type WeightInfo = pallet_supervision::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = super::forex::benchmark_helper::KycSetup;
}

#[cfg(feature = "runtime-benchmarks")]
mod benchmark_helper {
	use super::super::forex::benchmark_helper::KycSetup;
	use crate::{AccountId, Runtime};
	use alloc::vec;
	use fxchain_primitives::{
		forex::{Documents, MovementKind, PaymentStatus, Reference, TravelRule},
		kyc::KycProfile,
		Moment,
	};
	use sp_core::H256;
	use sp_runtime::{
		traits::{BlakeTwo256, Hash},
		BoundedVec,
	};

	impl pallet_supervision::BenchmarkHelper<AccountId> for KycSetup {
		fn verify(who: &AccountId, profile: KycProfile) {
			<KycSetup as pallet_forex::BenchmarkHelper<AccountId>>::verify(who, profile);
		}

		/// The largest record the forex pallet keeps: two legs between the parties, the most
		/// travel-rule data and both documents.
		fn payment(parties: &[AccountId]) -> Reference {
			let party = |index: usize| parties.get(index).or(parties.first()).cloned();
			let leg = |from: usize, to: usize| pallet_forex::Leg {
				from: party(from),
				to: party(to),
				currency: 840,
				amount: 1,
			};
			let payload = vec![0xab; fxchain_primitives::forex::MAX_TRAVEL_RULE_PAYLOAD as usize];
			let seq = pallet_forex::NextSeq::<Runtime>::get();
			let reference = BlakeTwo256::hash_of(&(b"fxchain/benchmark/payment", seq));
			let mut record = pallet_forex::Record::new(MovementKind::Conversion, leg(0, 1));
			let _ = record.legs.try_push(leg(1, 0));
			record.seq = seq;
			record.status = PaymentStatus::Executed;
			record.travel_rule = Some(TravelRule::Encrypted(BoundedVec::truncate_from(payload)));
			record.documents = Documents {
				trade_document: Some(H256::repeat_byte(1)),
				tax_filing: Some(H256::repeat_byte(2)),
			};
			pallet_forex::Records::<Runtime>::insert(reference, record);
			reference
		}

		fn set_time(now: Moment) {
			pallet_timestamp::Now::<Runtime>::put(now);
		}
	}
}
