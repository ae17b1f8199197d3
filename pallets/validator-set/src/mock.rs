//! A test runtime: system, balances (for session key deposits), session driven by this pallet.

use crate as pallet_validator_set;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, Hooks},
};
use frame_system::EnsureRoot;
use sp_runtime::{
	impl_opaque_keys,
	testing::UintAuthorityId,
	traits::{ConvertInto, OpaqueKeys},
	BuildStorage, KeyTypeId, RuntimeAppPublic,
};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Session: pallet_session,
		ValidatorSet: pallet_validator_set,
	}
);

impl_opaque_keys! {
	pub struct MockSessionKeys {
		pub dummy: UintAuthorityId,
	}
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
}

/// Sessions last `PERIOD` blocks.
pub const PERIOD: u64 = 5;

parameter_types! {
	pub const Period: u64 = PERIOD;
	pub const Offset: u64 = 0;
}

/// Accepts any keys; the mock only checks which validators the session pallet picks.
pub struct TestSessionHandler;
impl pallet_session::SessionHandler<u64> for TestSessionHandler {
	const KEY_TYPE_IDS: &'static [KeyTypeId] = &[UintAuthorityId::ID];
	fn on_genesis_session<K: OpaqueKeys>(_validators: &[(u64, K)]) {}
	fn on_new_session<K: OpaqueKeys>(_: bool, _: &[(u64, K)], _: &[(u64, K)]) {}
	fn on_disabled(_validator_index: u32) {}
}

impl pallet_session::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = u64;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = pallet_session::PeriodicSessions<Period, Offset>;
	type NextSessionRotation = pallet_session::PeriodicSessions<Period, Offset>;
	type SessionManager = ValidatorSet;
	type SessionHandler = TestSessionHandler;
	type Keys = MockSessionKeys;
	type DisablingStrategy = ();
	type WeightInfo = ();
	type Currency = Balances;
	type KeyDeposit = ();
}

impl pallet_validator_set::Config for Test {
	type GovernanceOrigin = EnsureRoot<u64>;
	type MaxValidators = ConstU32<5>;
	type WeightInfo = ();
}

/// Session keys for validator `id`.
pub fn keys(id: u64) -> MockSessionKeys {
	MockSessionKeys { dummy: UintAuthorityId(id) }
}

/// Accounts 1, 2 and 3 validate from genesis; 4, 5 and 6 have keys and funds but do not.
pub fn new_test_ext(min_validators: u32) -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: (1..=6).map(|id| (id, 1_000)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_session::GenesisConfig::<Test> {
		keys: (1..=3).map(|id| (id, id, keys(id))).collect(),
		non_authority_keys: (4..=6).map(|id| (id, id, keys(id))).collect(),
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_validator_set::GenesisConfig::<Test> {
		min_validators,
		session_length: PERIOD,
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Run a test and then check the pallet's invariants.
pub fn build_and_execute(min_validators: u32, test: impl FnOnce()) {
	new_test_ext(min_validators).execute_with(|| {
		test();
		ValidatorSet::do_try_state().expect("invariants hold after the test");
	});
}

/// Advance to the first block of session `index`.
pub fn start_session(index: u32) {
	while pallet_session::CurrentIndex::<Test>::get() < index {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Session::on_initialize(next);
	}
}
