//! Finance leases (`pallet-leasing`): the asset registry, lease contracts and their rent, which
//! moves through the forex pallet's `ForexLedger` and so through supervision.

use crate::{Forex, Kyc, Moment, Runtime, Timestamp};
use frame_support::traits::{ConstU32, ConstU64};

/// One day of wall-clock time in milliseconds.
const DAY_MS: Moment = 86_400_000;

impl pallet_leasing::Config for Runtime {
	type Kyc = super::kyc::Identities;
	type Licences = Kyc;
	type Ledger = Forex;
	type Time = Timestamp;
	type RentRouting = crate::Receivables;
	// Thirty years of monthly rent.
	type MaxInstalments = ConstU32<360>;
	// One slot: no two instalments of a lease fall due in one block.
	type MinPeriod = ConstU64<6_000>;
	// A lessor's month-end run of thousands of leases is collected 16 per block, about 160 a
	// minute, earliest due first.
	type MaxCollectionsPerBlock = ConstU32<16>;
	type CollectionRetry = ConstU64<DAY_MS>;
	type WeightInfo = pallet_leasing::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = super::forex::benchmark_helper::KycSetup;
}

#[cfg(feature = "runtime-benchmarks")]
mod benchmark_helper {
	use super::super::forex::benchmark_helper::KycSetup;
	use crate::{AccountId, Runtime};
	use frame_support::traits::fungibles::Mutate;
	use fxchain_primitives::{
		forex::{Amount, CurrencyId},
		kyc::{CountryCode, EntityType, KycLevel, KycProfile, Residency, Role, SupervisionClass},
		Moment,
	};
	use sp_core::H256;

	/// The currency leases are benchmarked in: registered in every genesis preset.
	const CNY: CurrencyId = 156;

	impl pallet_leasing::BenchmarkHelper<AccountId> for KycSetup {
		fn verify(who: &AccountId) {
			let profile = KycProfile {
				person: H256(<[u8; 32]>::from(who.clone())),
				entity: EntityType::Enterprise,
				residency: Residency::Resident,
				jurisdiction: CountryCode(*b"CN"),
				level: KycLevel::Standard,
				class: Some(SupervisionClass::A),
			};
			<KycSetup as pallet_forex::BenchmarkHelper<AccountId>>::verify(who, profile);
		}

		fn license_lessor(who: &AccountId) {
			<KycSetup as pallet_forex::BenchmarkHelper<AccountId>>::license(who, Role::Lessor);
		}

		/// Minted as an issuer would, with the forex pallet's books kept right.
		fn fund(who: &AccountId, amount: Amount) -> CurrencyId {
			crate::Assets::mint_into(CNY, who, amount).expect("CNY is registered at genesis");
			pallet_forex::Issued::<Runtime>::mutate(CNY, |issued| {
				*issued = issued.saturating_add(amount)
			});
			CNY
		}

		fn set_time(now: Moment) {
			pallet_timestamp::Now::<Runtime>::put(now);
		}
	}
}
