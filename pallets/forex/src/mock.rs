//! A test runtime: system, balances (the assets pallet's deposit currency), assets (the
//! ledgers) and the forex pallet, with stand-ins for KYC, licences, the clock and supervision
//! that the tests set.

use crate::{self as pallet_forex, CapitalFlowCheck, Decision, Movement, Reference};
use frame_support::{
	derive_impl, ord_parameter_types, parameter_types,
	traits::{AsEnsureOriginWithArg, ConstU128, ConstU32, ConstU64, Time},
	PalletId,
};
use frame_system::{EnsureNever, EnsureRoot, EnsureSignedBy};
use fxchain_primitives::{
	kyc::{
		CountryCode, EntityType, KycLevel, KycProfile, KycProvider, LicenceProvider, PersonId,
		Residency, Role,
	},
	Moment,
};
use sp_core::H256;
use sp_runtime::{BuildStorage, Weight};
use std::collections::BTreeMap;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Assets: pallet_assets,
		Forex: pallet_forex,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u128>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = u128;
	type AccountStore = System;
}

#[derive_impl(pallet_assets::config_preludes::TestDefaultConfig)]
impl pallet_assets::Config for Test {
	type Balance = u128;
	type Currency = Balances;
	type CreateOrigin = AsEnsureOriginWithArg<EnsureNever<u64>>;
	type ForceOrigin = EnsureRoot<u64>;
	type AssetDeposit = ConstU128<0>;
	type AssetAccountDeposit = ConstU128<0>;
	type MetadataDepositBase = ConstU128<0>;
	type MetadataDepositPerByte = ConstU128<0>;
	type ApprovalDeposit = ConstU128<0>;
}

/// Currencies registered at genesis.
pub const USD: u32 = 840;
pub const CNY: u32 = 156;
/// Registered by no one.
pub const EUR: u32 = 978;

/// A bank: issuer of USD and CNY, market maker, institution.
pub const BANK: u64 = 1;
/// A second bank: an institution and market maker, issuer of nothing.
pub const OTHER_BANK: u64 = 2;
/// A resident enterprise of China.
pub const ENTERPRISE: u64 = 10;
/// A resident individual of China.
pub const ALICE: u64 = 11;
/// A second resident individual of China.
pub const BOB: u64 = 12;
/// A non-resident individual living in the United States.
pub const NON_RESIDENT: u64 = 13;
/// An account without a live credential.
pub const STRANGER: u64 = 20;
/// The account `SupervisorOrigin` accepts.
pub const SUPERVISOR: u64 = 99;

/// One day in milliseconds, and the clock at the start of every test.
pub const DAY: Moment = 86_400_000;
pub const START: Moment = 1_000 * DAY;
/// How many records stay on chain.
pub const RETAINED: u64 = 5;
/// The most open quotes and trades per account.
pub const MAX_OFFERS: u32 = 3;
/// The longest a quote or trade may stay open.
pub const MAX_LIFETIME: Moment = 7 * DAY;
/// Opening balances: every verified account holds this much USD and CNY.
pub const OPENING: u128 = 1_000_000;
/// The most expired holds one block returns.
pub const MAX_EXPIRIES: u32 = 2;

parameter_types! {
	pub static Now: Moment = START;
	/// KYC profiles of live accounts.
	pub static Profiles: BTreeMap<u64, KycProfile> = BTreeMap::new();
	/// Active licences.
	pub static Licensed: Vec<(u64, Role)> = Vec::new();
	/// What the supervision stand-in answers, per payer (`None`: the deposit's payee).
	pub static Decisions: BTreeMap<u64, Decision> = BTreeMap::new();
	/// What the supervision stand-in was told about each movement, in order.
	pub static Told: Vec<(Movement<u64>, Outcome)> = Vec::new();
	/// What the ledger observer was told: each held `ForexLedger` transfer that concluded.
	pub static Concluded: Vec<(Reference, bool)> = Vec::new();
	pub const ForexPalletId: PalletId = PalletId(*b"fx/escrw");
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
		Profiles::get().get(who).map(|profile| profile.person)
	}
}
impl LicenceProvider<u64> for MockKyc {
	fn is_licensed(who: &u64, role: Role) -> bool {
		Licensed::get().contains(&(*who, role))
	}
}

/// What the forex pallet told supervision about a movement.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Outcome {
	Executed,
	Held,
	Released,
	Returned,
}

/// How long a hold waits for a supervisor.
pub const REVIEW_PERIOD: Moment = 10 * DAY;

/// Supervision as the tests set it: the decision for a movement is the one set for its payer
/// (or, for a deposit, its payee), `Allow` otherwise.
pub struct MockSupervision;
impl CapitalFlowCheck<u64> for MockSupervision {
	fn check(movement: &Movement<u64>) -> Decision {
		let party = movement.from.or(movement.to).unwrap_or_default();
		Decisions::get().get(&party).copied().unwrap_or(Decision::Allow)
	}
	fn decided(movement: &Movement<u64>, held: bool) {
		let outcome = if held { Outcome::Held } else { Outcome::Executed };
		Told::mutate(|all| all.push((movement.clone(), outcome)));
	}
	fn released(movement: &Movement<u64>) {
		Told::mutate(|all| all.push((movement.clone(), Outcome::Released)));
	}
	fn returned(movement: &Movement<u64>) {
		Told::mutate(|all| all.push((movement.clone(), Outcome::Returned)));
	}
	fn review_period() -> Moment {
		REVIEW_PERIOD
	}
	fn weight() -> Weight {
		Weight::zero()
	}
}

impl pallet_forex::Config for Test {
	type Assets = Assets;
	type Kyc = MockKyc;
	type Licences = MockKyc;
	type CapitalFlowCheck = MockSupervision;
	type LedgerObserver = RecordingObserver;
	type Time = MockTime;
	type GovernanceOrigin = EnsureRoot<u64>;
	type SupervisorOrigin = EnsureSignedBy<Supervisor, u64>;
	type PalletId = ForexPalletId;
	type MaxCurrencies = ConstU32<4>;
	type RetainedRecords = ConstU64<RETAINED>;
	type MaxOpenOffers = ConstU32<MAX_OFFERS>;
	type MaxOfferLifetime = ConstU64<MAX_LIFETIME>;
	type MaxExpiriesPerBlock = ConstU32<MAX_EXPIRIES>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockKyc;
}

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<u64> for MockKyc {
	fn verify(who: &u64, profile: KycProfile) {
		Profiles::mutate(|all| all.insert(*who, profile));
	}
	fn license(who: &u64, role: Role) {
		Licensed::mutate(|all| all.push((*who, role)));
	}
}

/// A profile: `person` is the document hash, `entity` and where it lives.
pub fn profile(
	person: u8,
	entity: EntityType,
	residency: Residency,
	country: &[u8; 2],
) -> KycProfile {
	KycProfile {
		person: H256::repeat_byte(person),
		entity,
		residency,
		jurisdiction: CountryCode(*country),
		level: KycLevel::Standard,
		class: None,
	}
}

/// Make supervision answer `decision` for movements paid by `who`.
pub fn supervision_answers(who: u64, decision: Decision) {
	Decisions::mutate(|all| all.insert(who, decision));
}

/// Genesis: USD and CNY with `BANK` as issuer; two banks, an enterprise and three individuals
/// verified, each holding `OPENING` of both currencies.
pub fn new_test_ext() -> sp_io::TestExternalities {
	use EntityType::*;
	use Residency::*;
	Now::set(START);
	Decisions::set(BTreeMap::new());
	Told::set(Vec::new());
	Concluded::set(Vec::new());
	Profiles::set(BTreeMap::from([
		(BANK, profile(1, Institution, Resident, b"CN")),
		(OTHER_BANK, profile(2, Institution, Resident, b"CN")),
		(ENTERPRISE, profile(10, Enterprise, Resident, b"CN")),
		(ALICE, profile(11, Individual, Resident, b"CN")),
		(BOB, profile(12, Individual, Resident, b"CN")),
		(NON_RESIDENT, profile(13, Individual, NonResident, b"US")),
	]));
	Licensed::set(vec![
		(BANK, Role::Issuer),
		(BANK, Role::MarketMaker),
		(OTHER_BANK, Role::MarketMaker),
	]);
	let holders = [BANK, OTHER_BANK, ENTERPRISE, ALICE, BOB, NON_RESIDENT];
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_forex::GenesisConfig::<Test> {
		currencies: vec![(USD, *b"USD", 2), (CNY, *b"CNY", 2)],
		issuers: vec![(USD, BANK), (CNY, BANK)],
		balances: holders
			.iter()
			.flat_map(|who| [(USD, *who, OPENING), (CNY, *who, OPENING)])
			.collect(),
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Records what the forex pallet tells the pallets that move money through `ForexLedger`.
pub struct RecordingObserver;
impl fxchain_primitives::forex::LedgerObserver for RecordingObserver {
	fn concluded(reference: &Reference, executed: bool) {
		Concluded::mutate(|told| told.push((*reference, executed)));
	}
	fn weight() -> sp_runtime::Weight {
		sp_runtime::Weight::zero()
	}
}

/// Run `test` on the genesis above, then check the invariants: the pallet's own, and that every
/// currency's issuance is the sum of all balances (reservations sit in the escrow account's).
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		check_invariants();
	});
}

/// The invariants every test and every step of the property test ends with.
pub fn check_invariants() {
	Forex::do_try_state().expect("the forex pallet's invariants hold");
	for currency in [USD, CNY] {
		let sum = pallet_assets::Account::<Test>::iter_prefix(currency)
			.fold(0u128, |sum, (_, account)| sum + account.balance);
		let supply = pallet_assets::Asset::<Test>::get(currency).expect("registered").supply;
		assert_eq!(sum, supply, "issuance of {currency} equals the sum of all balances");
	}
}
