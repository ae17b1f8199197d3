//! A test runtime: system and the leasing pallet, with stand-ins for KYC, licences, the clock
//! and a currency ledger whose supervision the tests steer (execute, hold or deny).

use crate::{self as pallet_leasing, Terms};
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64, Hooks, Time},
};
use fxchain_primitives::{
	forex::{Amount, CurrencyId, ForexLedger, LedgerObserver, LedgerOutcome, Purpose, Reference},
	kyc::{
		CountryCode, EntityType, KycLevel, KycProfile, KycProvider, LicenceProvider, PersonId,
		Residency, Role,
	},
	leasing::{DefaultTrigger, EndOption, LeaseId, Method},
	receivables::RentRouting,
	supervision::DAY,
	Moment,
};
use sp_core::H256;
use sp_runtime::{BuildStorage, DispatchError, DispatchResult, Perbill, Weight};
use std::collections::BTreeMap;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Leasing: pallet_leasing,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

/// The lease currency.
pub const CNY: CurrencyId = 156;

/// Accounts: a licensed lessor, a second licensed lessor, a lessee, a lessee abroad, a bank
/// that takes pledges, an unverified account, and a verified account without a licence.
pub const LESSOR: u64 = 1;
pub const OTHER_LESSOR: u64 = 2;
pub const LESSEE: u64 = 3;
pub const FOREIGN_LESSEE: u64 = 4;
pub const BANK: u64 = 5;
pub const STRANGER: u64 = 9;
pub const UNLICENSED: u64 = 10;

/// 2026-06-15T04:00:00Z.
pub const START: Moment = 1_781_496_000_000;

/// A 30-day instalment period.
pub const MONTH: Moment = 30 * DAY;

/// What supervision does with the next transfers.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Supervision {
	Execute,
	Hold,
	Deny,
}

/// A transfer the mock ledger holds for review.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct HeldTransfer {
	pub from: u64,
	pub to: u64,
	pub currency: CurrencyId,
	pub amount: Amount,
}

parameter_types! {
	pub static Now: Moment = START;
	pub static Profiles: BTreeMap<u64, KycProfile> = BTreeMap::new();
	pub static Lessors: Vec<u64> = vec![LESSOR, OTHER_LESSOR];
	pub static Free: BTreeMap<(u64, CurrencyId), Amount> = BTreeMap::new();
	pub static Reserved: BTreeMap<(u64, CurrencyId), Amount> = BTreeMap::new();
	pub static Mode: Supervision = Supervision::Execute;
	pub static Held: BTreeMap<Reference, HeldTransfer> = BTreeMap::new();
	/// Every transfer the ledger executed or held: (from, to, amount, purpose).
	pub static Transfers: Vec<(u64, u64, Amount, Purpose)> = Vec::new();
	pub static NextReference: u64 = 1;
	/// Leases whose rent the lessor assigned, and to whom.
	pub static Assignees: BTreeMap<LeaseId, u64> = BTreeMap::new();
	/// Every payment the routing was told reached its payee: (lease, payee, amount).
	pub static Collections: Vec<(LeaseId, u64, Amount)> = Vec::new();
}

/// A receivables registry in which the tests assign a lease's rent (`Assignees`).
pub struct MockRouting;
impl RentRouting<u64> for MockRouting {
	fn payee(lease: LeaseId, lessor: &u64) -> u64 {
		Assignees::get().get(&lease).copied().unwrap_or(*lessor)
	}
	fn collected(lease: LeaseId, payee: &u64, _: CurrencyId, amount: Amount) {
		Collections::mutate(|c| c.push((lease, *payee, amount)));
	}
	fn weight() -> Weight {
		Weight::zero()
	}
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
		Self::verified_profile(who).map(|profile| profile.person)
	}
}

impl LicenceProvider<u64> for MockKyc {
	fn is_licensed(who: &u64, role: Role) -> bool {
		role == Role::Lessor && Lessors::get().contains(who)
	}
}

fn adjust(
	map: &mut BTreeMap<(u64, CurrencyId), Amount>,
	key: (u64, CurrencyId),
	delta: Amount,
	add: bool,
) -> DispatchResult {
	let old = map.get(&key).copied().unwrap_or_default();
	let new = if add { old.checked_add(delta) } else { old.checked_sub(delta) }
		.ok_or(DispatchError::Other("insufficient balance"))?;
	map.insert(key, new);
	Ok(())
}

/// A ledger with free and reserved balances, whose supervision `Mode` steers.
pub struct MockLedger;
impl ForexLedger<u64> for MockLedger {
	fn transfer(
		from: &u64,
		to: &u64,
		currency: CurrencyId,
		amount: Amount,
		purpose: Purpose,
	) -> Result<LedgerOutcome, DispatchError> {
		if Mode::get() == Supervision::Deny {
			return Err(DispatchError::Other("denied"));
		}
		let mut free = Free::get();
		adjust(&mut free, (*from, currency), amount, false)?;
		let reference = H256::from_low_u64_be(NextReference::get());
		NextReference::set(NextReference::get() + 1);
		Transfers::mutate(|t| t.push((*from, *to, amount, purpose)));
		let outcome = if Mode::get() == Supervision::Hold {
			Held::mutate(|held| {
				held.insert(reference, HeldTransfer { from: *from, to: *to, currency, amount })
			});
			LedgerOutcome::Held(reference)
		} else {
			adjust(&mut free, (*to, currency), amount, true)?;
			LedgerOutcome::Executed(reference)
		};
		Free::set(free);
		Ok(outcome)
	}
	fn balance(who: &u64, currency: CurrencyId) -> Amount {
		Free::get().get(&(*who, currency)).copied().unwrap_or_default()
	}
	fn transfer_weight() -> Weight {
		Weight::zero()
	}
	fn supervision_weight() -> Weight {
		Weight::zero()
	}
	fn reserve(who: &u64, currency: CurrencyId, amount: Amount) -> DispatchResult {
		let (mut free, mut reserved) = (Free::get(), Reserved::get());
		adjust(&mut free, (*who, currency), amount, false)?;
		adjust(&mut reserved, (*who, currency), amount, true)?;
		Free::set(free);
		Reserved::set(reserved);
		Ok(())
	}
	fn unreserve(who: &u64, currency: CurrencyId, amount: Amount) -> DispatchResult {
		let (mut free, mut reserved) = (Free::get(), Reserved::get());
		adjust(&mut reserved, (*who, currency), amount, false)?;
		adjust(&mut free, (*who, currency), amount, true)?;
		Free::set(free);
		Reserved::set(reserved);
		Ok(())
	}
	fn reserved(who: &u64, currency: CurrencyId) -> Amount {
		Reserved::get().get(&(*who, currency)).copied().unwrap_or_default()
	}
	fn parties(_: &Reference) -> Vec<u64> {
		Vec::new()
	}
}

/// A supervisor decides a held transfer: released, the payee is paid; rejected, the payer has
/// the funds back. Either way the leasing pallet is told, as the forex pallet tells it.
pub fn conclude(reference: Reference, release: bool) {
	let held = Held::mutate(|held| held.remove(&reference)).expect("the transfer is held");
	let payee = if release { held.to } else { held.from };
	let mut free = Free::get();
	adjust(&mut free, (payee, held.currency), held.amount, true).unwrap();
	Free::set(free);
	<Leasing as LedgerObserver>::concluded(&reference, release);
}

impl pallet_leasing::Config for Test {
	type Kyc = MockKyc;
	type Licences = MockKyc;
	type Ledger = MockLedger;
	type Time = MockTime;
	type RentRouting = MockRouting;
	type MaxInstalments = ConstU32<360>;
	type MinPeriod = ConstU64<60_000>;
	type MaxCollectionsPerBlock = ConstU32<2>;
	type CollectionRetry = ConstU64<DAY>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkSetup;
}

#[cfg(feature = "runtime-benchmarks")]
pub struct BenchmarkSetup;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<u64> for BenchmarkSetup {
	fn verify(who: &u64) {
		Profiles::mutate(|p| p.insert(*who, profile(*who, *b"CN")));
	}
	fn license_lessor(who: &u64) {
		Lessors::mutate(|l| l.push(*who));
	}
	fn fund(who: &u64, amount: Amount) -> CurrencyId {
		fund(*who, amount);
		CNY
	}
	fn set_time(now: Moment) {
		Now::set(now);
	}
}

/// A resident enterprise's profile in `jurisdiction`.
pub fn profile(who: u64, jurisdiction: [u8; 2]) -> KycProfile {
	KycProfile {
		person: H256::from_low_u64_be(who),
		entity: EntityType::Enterprise,
		residency: if jurisdiction == *b"CN" {
			Residency::Resident
		} else {
			Residency::NonResident
		},
		jurisdiction: CountryCode(jurisdiction),
		level: KycLevel::Standard,
		class: None,
	}
}

/// Add `amount` CNY to `who`'s free balance.
pub fn fund(who: u64, amount: Amount) {
	let mut free = Free::get();
	adjust(&mut free, (who, CNY), amount, true).unwrap();
	Free::set(free);
}

/// `who`'s free CNY.
pub fn free(who: u64) -> Amount {
	<MockLedger as ForexLedger<u64>>::balance(&who, CNY)
}

/// `who`'s CNY reserved by the leasing pallet.
pub fn reserved(who: u64) -> Amount {
	<MockLedger as ForexLedger<u64>>::reserved(&who, CNY)
}

/// Terms of a one-year monthly annuity of CNY 120,000.00 at 1% a month, deposit CNY 10,000.00,
/// late fee 0.05% a day capped at 10%, 15 days' grace, the default trigger, 2% early fee,
/// title for CNY 1.00.
pub fn terms() -> Terms {
	Terms {
		currency: CNY,
		principal: 12_000_000,
		rate: Perbill::from_percent(1),
		instalments: 12,
		period: MONTH,
		method: Method::EqualInstalment,
		deposit: 1_000_000,
		late_fee: Perbill::from_parts(500_000),
		late_fee_cap: Perbill::from_percent(10),
		grace: 15 * DAY,
		trigger: DefaultTrigger::default(),
		early_fee: Perbill::from_percent(2),
		end: EndOption::Purchase { price: 100 },
	}
}

/// The asset the tests lease.
pub fn machine() -> H256 {
	H256::repeat_byte(0xAA)
}

/// Advance the clock to `now` and run the next block's `on_initialize` (the collection).
pub fn run_to(now: Moment) {
	Now::set(now);
	let next = System::block_number() + 1;
	System::set_block_number(next);
	Leasing::on_initialize(next);
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		Now::set(START);
		Mode::set(Supervision::Execute);
		Held::set(BTreeMap::new());
		Transfers::set(Vec::new());
		Assignees::set(BTreeMap::new());
		Collections::set(Vec::new());
		Free::set(BTreeMap::new());
		Reserved::set(BTreeMap::new());
		Profiles::set(
			[LESSOR, OTHER_LESSOR, LESSEE, BANK, UNLICENSED]
				.into_iter()
				.map(|who| (who, profile(who, *b"CN")))
				.chain([(FOREIGN_LESSEE, profile(FOREIGN_LESSEE, *b"HK"))])
				.collect(),
		);
		Lessors::set(vec![LESSOR, OTHER_LESSOR]);
	});
	ext
}

/// Run `test` on a fresh chain and check the pallet's invariants after it.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Leasing::do_try_state().expect("the leasing invariants hold");
	});
}
