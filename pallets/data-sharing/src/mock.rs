//! A test runtime: system and the data-sharing pallet, with stand-ins for KYC, licences, the
//! clock and the council's origins.

use crate::{self as pallet_data_sharing, Categories, Category, DataPurpose, LegalBasis};
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, EnsureOrigin, Hooks, Time},
};
use frame_system::{EnsureRoot, RawOrigin};
use fxchain_primitives::{
	kyc::{
		CountryCode, EntityType, KycLevel, KycProfile, KycProvider, LicenceProvider, PersonId,
		Residency, Role, SupervisionClass,
	},
	supervision::DAY,
	Moment,
};
use sp_core::H256;
use sp_runtime::BuildStorage;
use std::collections::{BTreeMap, BTreeSet};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		DataSharing: pallet_data_sharing,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

/// Accounts: two verified subjects, two licensed data consumers (banks), two licensed data
/// providers, a supervisor (a council member), an unverified account and a verified account
/// without a licence.
pub const SUBJECT: u64 = 1;
pub const OTHER_SUBJECT: u64 = 2;
pub const BANK: u64 = 3;
pub const OTHER_BANK: u64 = 4;
pub const PROVIDER: u64 = 5;
pub const OTHER_PROVIDER: u64 = 6;
pub const SUPERVISOR: u64 = 7;
pub const UNVERIFIED: u64 = 9;
pub const UNLICENSED: u64 = 10;

/// 2026-06-15T04:00:00Z.
pub const START: Moment = 1_781_496_000_000;

parameter_types! {
	pub static Now: Moment = START;
	pub static Verified: BTreeSet<u64> =
		[SUBJECT, OTHER_SUBJECT, BANK, OTHER_BANK, PROVIDER, OTHER_PROVIDER, SUPERVISOR, UNLICENSED]
			.into_iter()
			.collect();
	pub static Licences: BTreeMap<u64, Vec<Role>> = [
		(BANK, vec![Role::DataConsumer]),
		(OTHER_BANK, vec![Role::DataConsumer]),
		(PROVIDER, vec![Role::DataProvider]),
		(OTHER_PROVIDER, vec![Role::DataProvider]),
	]
	.into_iter()
	.collect();
}

pub struct MockTime;
impl Time for MockTime {
	type Moment = Moment;
	fn now() -> Moment {
		Now::get()
	}
}

pub struct MockKyc;
impl KycProvider<u64> for MockKyc {
	fn verified_profile(who: &u64) -> Option<KycProfile> {
		Verified::get().contains(who).then(|| KycProfile {
			person: H256::from_low_u64_be(*who),
			entity: EntityType::Enterprise,
			residency: Residency::Resident,
			jurisdiction: CountryCode(*b"CN"),
			level: KycLevel::Standard,
			class: Some(SupervisionClass::A),
		})
	}
	fn person_of(who: &u64) -> Option<PersonId> {
		Self::verified_profile(who).map(|profile| profile.person)
	}
}

impl LicenceProvider<u64> for MockKyc {
	fn is_licensed(who: &u64, role: Role) -> bool {
		Licences::get().get(who).is_some_and(|roles| roles.contains(&role))
	}
}

/// A council member acting alone (`Some` of the member), or root (`None`).
pub struct EnsureSupervisor;
impl EnsureOrigin<RuntimeOrigin> for EnsureSupervisor {
	type Success = Option<u64>;
	fn try_origin(origin: RuntimeOrigin) -> Result<Option<u64>, RuntimeOrigin> {
		match origin.clone().into() {
			Ok(RawOrigin::Root) => Ok(None),
			Ok(RawOrigin::Signed(SUPERVISOR)) => Ok(Some(SUPERVISOR)),
			_ => Err(origin),
		}
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<RuntimeOrigin, ()> {
		Ok(RuntimeOrigin::signed(SUPERVISOR))
	}
}

#[cfg(feature = "runtime-benchmarks")]
pub struct BenchmarkSetup;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<u64> for BenchmarkSetup {
	fn verify(who: &u64) {
		Verified::mutate(|verified| verified.insert(*who));
	}
	fn license(who: &u64, role: Role) {
		Licences::mutate(|licences| licences.entry(*who).or_default().push(role));
	}
	fn set_time(now: Moment) {
		Now::set(now);
	}
}

impl pallet_data_sharing::Config for Test {
	type Kyc = MockKyc;
	type Licences = MockKyc;
	type Time = MockTime;
	type SupervisorOrigin = EnsureSupervisor;
	type GovernanceOrigin = EnsureRoot<u64>;
	type MaxPrunePerBlock = ConstU32<4>;
	type MaxSealedCases = ConstU32<3>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkSetup;
}

/// The categories `list` as a consent's.
pub fn categories(list: &[Category]) -> Categories {
	list.to_vec().try_into().expect("at most every category")
}

/// A consent from `SUBJECT` to `BANK` for regulatory-credit data, for credit approval, for
/// 90 days, at most `max_queries` queries. Returns its number.
pub fn grant(max_queries: Option<u32>) -> u64 {
	let id = crate::NextConsentId::<Test>::get();
	DataSharing::grant(
		RuntimeOrigin::signed(SUBJECT),
		BANK,
		categories(&[Category::RegulatoryCredit]),
		DataPurpose::CreditApproval,
		LegalBasis::Consent,
		START + 90 * DAY,
		max_queries,
		H256::repeat_byte(0xE1),
	)
	.expect("a valid consent");
	id
}

/// Advance the clock to `now` and run the next block's `on_initialize` (the pruning).
pub fn run_to(now: Moment) {
	Now::set(now);
	let next = System::block_number() + 1;
	System::set_block_number(next);
	DataSharing::on_initialize(next);
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let storage = RuntimeGenesisConfig::default().build_storage().unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		Now::set(START);
	});
	ext
}

/// Run `test` on a fresh chain, then check the pallet's invariants.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		DataSharing::do_try_state().expect("the data-sharing invariants hold");
	});
}
