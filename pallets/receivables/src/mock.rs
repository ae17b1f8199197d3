//! A test runtime: system and the receivables pallet, with stand-ins for KYC, licences, the
//! clock, the leasing pallet, a collection observer and a currency ledger whose supervision the
//! tests steer (execute, hold or deny).

use crate::{self as pallet_receivables, DocumentId, DocumentKind};
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64, Time},
};
use fxchain_primitives::{
	forex::{Amount, CurrencyId, ForexLedger, LedgerObserver, LedgerOutcome, Purpose, Reference},
	kyc::{
		CountryCode, EntityType, KycLevel, KycProfile, KycProvider, LicenceProvider, PersonId,
		Residency, Role,
	},
	leasing::LeaseId,
	receivables::{CollectionObserver, LeaseReceivables, ReceivableId, ReceivableInfo},
	supervision::DAY,
	Moment,
};
use sp_core::H256;
use sp_runtime::{BuildStorage, DispatchError, DispatchResult, Weight};
use std::collections::BTreeMap;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Receivables: pallet_receivables,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

/// The documents' currency, and another.
pub const CNY: CurrencyId = 156;
pub const USD: CurrencyId = 840;

/// Accounts: customs (a licensed data provider), two banks (licensed issuers), an exporter (the
/// creditor), an importer abroad (the debtor), two buyers of receivables, a lessor, an
/// unverified account and a verified account without a licence.
pub const CUSTOMS: u64 = 1;
pub const BANK_A: u64 = 2;
pub const BANK_B: u64 = 3;
pub const EXPORTER: u64 = 4;
pub const IMPORTER: u64 = 5;
pub const BUYER_B: u64 = 6;
pub const BUYER_C: u64 = 7;
pub const LESSOR: u64 = 8;
pub const STRANGER: u64 = 9;
pub const UNLICENSED: u64 = 10;

/// 2026-06-15T04:00:00Z.
pub const START: Moment = 1_781_496_000_000;

/// The grace after the due date before an unpaid document is in default.
pub const GRACE: Moment = 30 * DAY;

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
	pub static Licences: Vec<(u64, Role)> = Vec::new();
	pub static Free: BTreeMap<(u64, CurrencyId), Amount> = BTreeMap::new();
	pub static Mode: Supervision = Supervision::Execute;
	pub static Held: BTreeMap<Reference, HeldTransfer> = BTreeMap::new();
	/// Every transfer the ledger executed or held: (from, to, amount, purpose).
	pub static Transfers: Vec<(u64, u64, Amount, Purpose)> = Vec::new();
	pub static NextReference: u64 = 1;
	/// The open leases: lease -> (lessor, its receivable as the leasing pallet reports it).
	pub static Leases: BTreeMap<LeaseId, (u64, Option<ReceivableInfo<u64>>)> = BTreeMap::new();
	/// Every collection the observer was told of: (receivable, holder, currency, amount).
	pub static Collections: Vec<(ReceivableId, u64, CurrencyId, Amount)> = Vec::new();
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
		Licences::get().contains(&(*who, role))
	}
}

pub struct MockLeases;
impl LeaseReceivables<u64> for MockLeases {
	fn lessor(lease: LeaseId) -> Option<u64> {
		Leases::get().get(&lease).map(|(lessor, _)| *lessor)
	}
	fn receivable(lease: LeaseId) -> Option<ReceivableInfo<u64>> {
		Leases::get().get(&lease).and_then(|(_, info)| info.clone())
	}
	fn weight() -> Weight {
		Weight::zero()
	}
}

pub struct MockObserver;
impl CollectionObserver<u64> for MockObserver {
	fn collected(id: &ReceivableId, holder: &u64, currency: CurrencyId, amount: Amount) {
		Collections::mutate(|c| c.push((*id, *holder, currency, amount)));
	}
	fn weight() -> Weight {
		Weight::zero()
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

/// A ledger with free balances, whose supervision `Mode` steers. A held transfer takes the
/// payer's funds at once and pays the payee on release.
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
	fn reserve(_: &u64, _: CurrencyId, _: Amount) -> DispatchResult {
		Err(DispatchError::Other("the registry reserves nothing"))
	}
	fn unreserve(_: &u64, _: CurrencyId, _: Amount) -> DispatchResult {
		Err(DispatchError::Other("the registry reserves nothing"))
	}
	fn reserved(_: &u64, _: CurrencyId) -> Amount {
		0
	}
	fn parties(_: &Reference) -> Vec<u64> {
		Vec::new()
	}
}

/// A supervisor decides a held transfer: released, the payee is paid; rejected, the payer has
/// the funds back. Either way the pallet is told, as the forex pallet tells it.
pub fn conclude(reference: Reference, release: bool) {
	let held = Held::mutate(|held| held.remove(&reference)).expect("the transfer is held");
	let payee = if release { held.to } else { held.from };
	let mut free = Free::get();
	adjust(&mut free, (payee, held.currency), held.amount, true).unwrap();
	Free::set(free);
	<Receivables as LedgerObserver>::concluded(&reference, release);
}

impl pallet_receivables::Config for Test {
	type Kyc = MockKyc;
	type Licences = MockKyc;
	type Ledger = MockLedger;
	type Time = MockTime;
	type Leases = MockLeases;
	type Observer = MockObserver;
	type MaxDocumentsPerFinancing = ConstU32<16>;
	type MaxOffers = ConstU32<4>;
	type DefaultGrace = ConstU64<GRACE>;
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
	fn license(who: &u64, role: Role) {
		Licences::mutate(|l| l.push((*who, role)));
	}
	fn fund(who: &u64, amount: Amount) -> CurrencyId {
		fund(*who, CNY, amount);
		CNY
	}
	fn set_time(now: Moment) {
		Now::set(now);
	}
}

/// A resident enterprise's profile in `jurisdiction` (resident only in `CN`).
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

/// Add `amount` of `currency` to `who`'s free balance.
pub fn fund(who: u64, currency: CurrencyId, amount: Amount) {
	let mut free = Free::get();
	adjust(&mut free, (who, currency), amount, true).unwrap();
	Free::set(free);
}

/// `who`'s free CNY.
pub fn free(who: u64) -> Amount {
	<MockLedger as ForexLedger<u64>>::balance(&who, CNY)
}

/// The key of test document `n`.
pub fn doc(n: u64) -> DocumentId {
	H256::from_low_u64_be(0xD0C0_0000 + n)
}

/// The debtor's keyed hash.
pub fn debtor() -> H256 {
	H256::repeat_byte(0x1e)
}

/// The most common kind in the tests.
pub const DECLARATION: DocumentKind = DocumentKind::CustomsDeclaration;

pub fn new_test_ext() -> sp_io::TestExternalities {
	let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		Now::set(START);
		Mode::set(Supervision::Execute);
		Held::set(BTreeMap::new());
		Transfers::set(Vec::new());
		Free::set(BTreeMap::new());
		NextReference::set(1);
		Leases::set(BTreeMap::new());
		Collections::set(Vec::new());
		Profiles::set(
			[CUSTOMS, BANK_A, BANK_B, EXPORTER, BUYER_B, BUYER_C, LESSOR, UNLICENSED]
				.into_iter()
				.map(|who| (who, profile(who, *b"CN")))
				.chain([(IMPORTER, profile(IMPORTER, *b"HK"))])
				.collect(),
		);
		Licences::set(vec![
			(CUSTOMS, Role::DataProvider),
			(BANK_A, Role::Issuer),
			(BANK_B, Role::Issuer),
		]);
	});
	ext
}

/// Run `test` on a fresh chain and check the pallet's invariants after it.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Receivables::do_try_state().expect("the receivables invariants hold");
	});
}
