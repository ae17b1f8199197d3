//! A test runtime: system and the supervision pallet, with stand-ins for KYC, the forex
//! pallet's records and the clock that the tests set.

use crate::{self as pallet_supervision};
use frame_support::{
	derive_impl, ord_parameter_types, parameter_types,
	traits::{ConstU32, Time},
};
use frame_system::{EnsureRoot, EnsureSignedBy};
use fxchain_primitives::{
	forex::{
		Amount, CurrencyId, Documents, ForexLedger, LedgerOutcome, Movement, MovementKind, Purpose,
		Reference,
	},
	kyc::{
		CountryCode, EntityType, KycLevel, KycProfile, KycProvider, PersonId, Residency,
		SupervisionClass,
	},
	Moment,
};
use sp_core::H256;
use sp_runtime::{BuildStorage, DispatchError, FixedU128, Weight};
use std::collections::BTreeMap;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Supervision: pallet_supervision,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

/// A currency with a rate (7.8 HKD to the dollar), one without.
pub const HKD: CurrencyId = 344;
pub const EUR: CurrencyId = 978;

/// Accounts. Two accounts of one person (`ALICE`, `ALICE_2`), individuals at home and abroad,
/// enterprises of each class and a bank.
pub const ALICE: u64 = 1;
pub const ALICE_2: u64 = 2;
pub const BOB: u64 = 3;
pub const NON_RESIDENT: u64 = 4;
pub const ENTERPRISE_A: u64 = 10;
pub const ENTERPRISE_B: u64 = 11;
pub const ENTERPRISE_C: u64 = 12;
pub const FOREIGN_ENTERPRISE: u64 = 13;
pub const BANK: u64 = 20;
pub const STRANGER: u64 = 30;
pub const RATE_SETTER: u64 = 40;
pub const SUPERVISOR: u64 = 99;

/// 2026-06-15T04:00:00Z (noon in UTC+8), a Monday.
pub const START: Moment = 1_781_496_000_000;

/// The most near-threshold payments remembered.
pub const MAX_STRUCTURING: u32 = 5;

parameter_types! {
	pub static Now: Moment = START;
	/// KYC profiles of live accounts.
	pub static Profiles: BTreeMap<u64, KycProfile> = BTreeMap::new();
	/// Persons of accounts whose credential is no longer live.
	pub static LapsedPersons: BTreeMap<u64, PersonId> = BTreeMap::new();
	/// The parties of the forex records the tests pretend exist.
	pub static PaymentParties: BTreeMap<Reference, Vec<u64>> = BTreeMap::new();
}

ord_parameter_types! {
	pub const Supervisor: u64 = SUPERVISOR;
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
		Profiles::get().get(who).copied()
	}
	fn person_of(who: &u64) -> Option<PersonId> {
		Profiles::get()
			.get(who)
			.map(|profile| profile.person)
			.or_else(|| LapsedPersons::get().get(who).copied())
	}
}

/// The forex pallet as supervision sees it: only the parties of a reference.
pub struct MockPayments;
impl ForexLedger<u64> for MockPayments {
	fn transfer(
		_: &u64,
		_: &u64,
		_: CurrencyId,
		_: Amount,
		_: Purpose,
	) -> Result<LedgerOutcome, DispatchError> {
		Err(DispatchError::Other("not used by supervision"))
	}
	fn balance(_: &u64, _: CurrencyId) -> Amount {
		0
	}
	fn transfer_weight() -> Weight {
		Weight::zero()
	}
	fn supervision_weight() -> Weight {
		Weight::zero()
	}
	fn reserve(_: &u64, _: CurrencyId, _: Amount) -> sp_runtime::DispatchResult {
		Err(DispatchError::Other("not used by supervision"))
	}
	fn unreserve(_: &u64, _: CurrencyId, _: Amount) -> sp_runtime::DispatchResult {
		Err(DispatchError::Other("not used by supervision"))
	}
	fn reserved(_: &u64, _: CurrencyId) -> Amount {
		0
	}
	fn parties(reference: &Reference) -> Vec<u64> {
		PaymentParties::get().get(reference).cloned().unwrap_or_default()
	}
}

impl pallet_supervision::Config for Test {
	type Kyc = MockKyc;
	type Payments = MockPayments;
	type Time = MockTime;
	type GovernanceOrigin = EnsureRoot<u64>;
	type SupervisorOrigin = EnsureSignedBy<Supervisor, u64>;
	type MaxStructuringCount = ConstU32<MAX_STRUCTURING>;
	type MaxOpenFeedback = ConstU32<2>;
	type MaxRates = ConstU32<4>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockKyc;
}

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<u64> for MockKyc {
	fn verify(who: &u64, profile: KycProfile) {
		Profiles::mutate(|all| all.insert(*who, profile));
	}
	fn payment(parties: &[u64]) -> Reference {
		let reference = H256(sp_io::hashing::blake2_256(&codec::Encode::encode(parties)));
		PaymentParties::mutate(|all| all.insert(reference, parties.to_vec()));
		reference
	}
	fn set_time(now: Moment) {
		Now::set(now);
	}
}

/// A profile: `person` is the document hash, then the kind, residency, country and class.
pub fn profile(
	person: u8,
	entity: EntityType,
	residency: Residency,
	country: &[u8; 2],
	class: Option<SupervisionClass>,
) -> KycProfile {
	KycProfile {
		person: H256::repeat_byte(person),
		entity,
		residency,
		jurisdiction: CountryCode(*country),
		level: KycLevel::Standard,
		class,
	}
}

/// The reference rate of HKD: 100 HKD cents are 12.8 US cents (7.8125 HKD to the dollar).
pub fn hkd_rate() -> FixedU128 {
	FixedU128::from_rational(128, 1000)
}

/// Genesis: the default rules, a fresh HKD rate (none for EUR), the rate setter, and the
/// accounts above verified.
pub fn new_test_ext() -> sp_io::TestExternalities {
	use EntityType::*;
	use Residency::*;
	Now::set(START);
	LapsedPersons::set(BTreeMap::new());
	PaymentParties::set(BTreeMap::new());
	Profiles::set(BTreeMap::from([
		(ALICE, profile(1, Individual, Resident, b"CN", None)),
		(ALICE_2, profile(1, Individual, Resident, b"CN", None)),
		(BOB, profile(3, Individual, Resident, b"CN", None)),
		(NON_RESIDENT, profile(4, Individual, NonResident, b"US", None)),
		(ENTERPRISE_A, profile(10, Enterprise, Resident, b"CN", Some(SupervisionClass::A))),
		(ENTERPRISE_B, profile(11, Enterprise, Resident, b"CN", Some(SupervisionClass::B))),
		(ENTERPRISE_C, profile(12, Enterprise, Resident, b"CN", Some(SupervisionClass::C))),
		(FOREIGN_ENTERPRISE, profile(13, Enterprise, NonResident, b"HK", None)),
		(BANK, profile(20, Institution, Resident, b"CN", None)),
	]));
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_supervision::GenesisConfig::<Test> {
		rules: None,
		rates: vec![(HKD, hkd_rate())],
		rate_setter: Some(RATE_SETTER),
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		// What the first block does: stamp the genesis rates with its time.
		<Supervision as frame_support::traits::Hooks<u64>>::on_finalize(1);
		System::set_block_number(2);
	});
	ext
}

/// Run `test` on the genesis above, then check the pallet's invariants.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Supervision::do_try_state().expect("the supervision pallet's invariants hold");
	});
}

/// A movement as the forex pallet would propose it.
pub fn movement(
	kind: MovementKind,
	from: Option<u64>,
	to: Option<u64>,
	currency: CurrencyId,
	amount: Amount,
) -> Movement<u64> {
	let cross_border = match (
		from.and_then(|f| Profiles::get().get(&f).copied()),
		to.and_then(|t| Profiles::get().get(&t).copied()),
	) {
		(Some(a), Some(b)) => fxchain_primitives::forex::is_cross_border(&a, &b),
		_ => false,
	};
	Movement {
		reference: H256::repeat_byte(0xee),
		kind,
		from,
		to,
		currency,
		amount,
		cross_border,
		purpose: if cross_border { Purpose::CurrentTransfer } else { Purpose::Domestic },
		travel_rule: false,
		documents: Documents::default(),
		counter_currency: None,
	}
}

/// Amounts in major units of a two-decimal currency.
pub const fn units(major: Amount) -> Amount {
	major * 100
}
