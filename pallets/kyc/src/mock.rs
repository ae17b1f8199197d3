//! A test runtime: system, balances (the fee token for allowances) and the KYC pallet, with a
//! clock the tests move and a registrar list standing in for `pallet-identity`'s.

use crate::{self as pallet_kyc, GenesisCredential, IdentityRegistrars, KycProfile, Role};
use frame_support::{
	derive_impl, ord_parameter_types, parameter_types,
	traits::{ConstU32, ConstU64, Contains, Time},
};
use frame_system::{EnsureRoot, EnsureSignedBy};
use fxchain_primitives::{
	kyc::{CountryCode, EntityType, KycLevel, Residency, SupervisionClass},
	Moment,
};
use sp_core::H256;
use sp_runtime::{BuildStorage, DispatchError, DispatchResult};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Kyc: pallet_kyc,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type ExistentialDeposit = ConstU64<EXISTENTIAL_DEPOSIT>;
}

/// Above one, so that an allowance below it exists.
pub const EXISTENTIAL_DEPOSIT: u64 = 2;

/// A registrar licensed at genesis.
pub const REGISTRAR: u64 = 1;
/// A second registrar licensed at genesis.
pub const OTHER_REGISTRAR: u64 = 2;
/// An issuer (not a registrar) licensed at genesis.
pub const ISSUER: u64 = 3;
/// An account verified at genesis by `REGISTRAR`.
pub const GENESIS_USER: u64 = 9;
/// Users with nothing on chain.
pub const ALICE: u64 = 10;
pub const BOB: u64 = 11;
/// The account `SupervisorOrigin` accepts.
pub const SUPERVISOR: u64 = 99;

/// One day in milliseconds, and the clock at the start of every test.
pub const DAY: Moment = 86_400_000;
pub const START: Moment = 1_000 * DAY;
/// The onboarding allowance set at genesis, and what registrars hold.
pub const ALLOWANCE: u64 = 10;
pub const REGISTRAR_FUNDS: u64 = 1_000;
/// The most accounts a person may hold, and the longest validity.
pub const MAX_ACCOUNTS: u32 = 3;
pub const MAX_VALIDITY: Moment = 365 * DAY;
/// How many identity registrars the stand-in list takes (`pallet-identity`'s `MaxRegistrars`).
pub const MAX_IDENTITY_REGISTRARS: usize = 4;

parameter_types! {
	pub static Now: Moment = START;
	/// `pallet-identity`'s registrar slots: removal tombstones a slot, as there.
	pub static RegistrarSlots: Vec<Option<u64>> = Vec::new();
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

pub struct MockIdentityRegistrars;
impl IdentityRegistrars<u64> for MockIdentityRegistrars {
	fn add(who: &u64) -> Result<u32, DispatchError> {
		RegistrarSlots::mutate(|slots| {
			if slots.len() >= MAX_IDENTITY_REGISTRARS {
				return Err(DispatchError::Other("TooManyRegistrars"));
			}
			slots.push(Some(*who));
			u32::try_from(slots.len() - 1).map_err(|_| DispatchError::Other("overflow"))
		})
	}
	fn remove(who: &u64, index: u32) -> DispatchResult {
		RegistrarSlots::mutate(|slots| {
			let slot = slots.get_mut(index as usize).ok_or(DispatchError::Other("InvalidIndex"))?;
			if *slot == Some(*who) {
				*slot = None;
			}
			Ok(())
		})
	}
	fn free_slots() -> u32 {
		let used = RegistrarSlots::get().len();
		u32::try_from(MAX_IDENTITY_REGISTRARS.saturating_sub(used)).unwrap_or_default()
	}
}

/// `remark` stands in for the onboarding calls (setting a public identity, asking for judgement).
pub struct Onboarding;
impl Contains<RuntimeCall> for Onboarding {
	fn contains(call: &RuntimeCall) -> bool {
		matches!(call, RuntimeCall::System(frame_system::Call::remark { .. }))
	}
}

/// A pallet-owned account, as the forex escrow is in the runtime.
pub const SYSTEM_ACCOUNT: u64 = 999;
pub struct SystemAccounts;
impl Contains<u64> for SystemAccounts {
	fn contains(who: &u64) -> bool {
		*who == SYSTEM_ACCOUNT
	}
}

impl pallet_kyc::Config for Test {
	type Currency = Balances;
	type Time = MockTime;
	type GovernanceOrigin = EnsureRoot<u64>;
	type SupervisorOrigin = EnsureSignedBy<Supervisor, u64>;
	type IdentityRegistrars = MockIdentityRegistrars;
	type OpenCalls = Onboarding;
	type SystemAccounts = SystemAccounts;
	type MaxAccountsPerPerson = ConstU32<MAX_ACCOUNTS>;
	type MaxValidity = ConstU64<MAX_VALIDITY>;
	type WeightInfo = ();
}

/// A resident individual of China whose document hashes to `person`.
pub fn individual(person: u8) -> KycProfile {
	KycProfile {
		person: H256::repeat_byte(person),
		entity: EntityType::Individual,
		residency: Residency::Resident,
		jurisdiction: CountryCode(*b"CN"),
		level: KycLevel::Standard,
		class: None,
	}
}

/// A class-`class` enterprise whose credit code hashes to `person`.
pub fn enterprise(person: u8, class: SupervisionClass) -> KycProfile {
	KycProfile { entity: EntityType::Enterprise, class: Some(class), ..individual(person) }
}

/// An expiry half a year from the start.
pub const EXPIRY: Moment = START + 180 * DAY;

/// Genesis: two registrars and an issuer, one verified user, funded registrars.
pub fn new_test_ext() -> sp_io::TestExternalities {
	Now::set(START);
	RegistrarSlots::set(Vec::new());
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![(REGISTRAR, REGISTRAR_FUNDS), (OTHER_REGISTRAR, REGISTRAR_FUNDS)],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_kyc::GenesisConfig::<Test> {
		licences: vec![
			(REGISTRAR, Role::Registrar),
			(OTHER_REGISTRAR, Role::Registrar),
			(ISSUER, Role::Issuer),
		],
		credentials: vec![GenesisCredential {
			who: GENESIS_USER,
			registrar: REGISTRAR,
			profile: individual(9),
			expires_at: EXPIRY,
		}],
		onboarding_allowance: ALLOWANCE,
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Run `test` on the genesis above, then check the pallet's invariants.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Kyc::do_try_state().expect("invariants hold after the test");
	});
}
