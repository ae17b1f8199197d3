//! A test runtime: system, balances (for the unit ledger's deposits), `pallet-assets` as the
//! pool-unit ledger and the securitisation pallet, with stand-ins for KYC (a pool's account
//! carries its originator's profile, as in the runtime), licences, the clock, the receivable
//! registry and a currency ledger whose supervision the tests steer (execute, hold or deny).

use crate::{self as pallet_securitisation};
use frame_support::{
	derive_impl, parameter_types,
	traits::{AsEnsureOriginWithArg, ConstU32, ConstU64, Hooks, Time},
	PalletId,
};
use frame_system::{EnsureRoot, EnsureSigned};
use fxchain_primitives::{
	forex::{Amount, CurrencyId, ForexLedger, LedgerObserver, LedgerOutcome, Purpose, Reference},
	kyc::{
		CountryCode, EntityType, KycLevel, KycProfile, KycProvider, LicenceProvider, PersonId,
		Residency, Role,
	},
	receivables::{CollectionObserver, ReceivableId, ReceivableInfo, ReceivableRegistry},
	supervision::DAY,
	Moment,
};
use sp_core::H256;
use sp_runtime::{traits::IdentityLookup, BuildStorage, DispatchError, DispatchResult, Weight};
use std::collections::BTreeMap;

type Block = frame_system::mocking::MockBlock<Test>;

/// Accounts are `u128`, so that a pool's `PalletId` sub-account keeps the whole pool number
/// (a `u64` would truncate every pool to one account).
pub type AccountId = u128;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Units: pallet_assets,
		Securitisation: pallet_securitisation,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
}

#[derive_impl(pallet_assets::config_preludes::TestDefaultConfig)]
impl pallet_assets::Config for Test {
	type Balance = Amount;
	type Currency = Balances;
	type CreateOrigin = AsEnsureOriginWithArg<EnsureSigned<AccountId>>;
	type ForceOrigin = EnsureRoot<AccountId>;
	type Freezer = ();
	type Holder = ();
}

/// The pools' currency, and another.
pub const CNY: CurrencyId = 156;
pub const USD: CurrencyId = 840;

/// Accounts: a licensed issuer (originator), a licensed lessor, investors at home, an investor
/// abroad, an unverified account, a verified account without a licence, a licensed account
/// without a credential.
pub const ORIGINATOR: AccountId = 1;
pub const LESSOR: AccountId = 2;
pub const INV1: AccountId = 11;
pub const INV2: AccountId = 12;
pub const INV3: AccountId = 13;
pub const FOREIGN: AccountId = 14;
pub const STRANGER: AccountId = 90;
pub const UNLICENSED: AccountId = 91;
pub const UNVERIFIED_ISSUER: AccountId = 92;

/// 2026-06-15T04:00:00Z.
pub const START: Moment = 1_781_496_000_000;

/// A 30-day payment period.
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
	pub from: AccountId,
	pub to: AccountId,
	pub currency: CurrencyId,
	pub amount: Amount,
}

parameter_types! {
	pub static Now: Moment = START;
	pub static Profiles: BTreeMap<AccountId, KycProfile> = BTreeMap::new();
	pub static Issuers: Vec<AccountId> = vec![ORIGINATOR, UNVERIFIED_ISSUER];
	pub static Lessors: Vec<AccountId> = vec![LESSOR];
	pub static Free: BTreeMap<(AccountId, CurrencyId), Amount> = BTreeMap::new();
	pub static Mode: Supervision = Supervision::Execute;
	/// Payees whose transfers supervision denies whatever `Mode` says.
	pub static DeniedPayees: Vec<AccountId> = Vec::new();
	pub static Held: BTreeMap<Reference, HeldTransfer> = BTreeMap::new();
	/// Every transfer the ledger executed or held: (from, to, amount, purpose).
	pub static Transfers: Vec<(AccountId, AccountId, Amount, Purpose)> = Vec::new();
	pub static NextReference: u64 = 1;
	pub static Registry: BTreeMap<ReceivableId, ReceivableInfo<AccountId>> = BTreeMap::new();
	pub const SecuritisationPalletId: PalletId = PalletId(*b"fx/secur");
}

pub struct MockTime;
impl Time for MockTime {
	type Moment = Moment;
	fn now() -> Moment {
		Now::get()
	}
}

/// KYC as the runtime's wrapper does it: a pool's account has its originator's profile.
pub struct MockKyc;
impl KycProvider<AccountId> for MockKyc {
	fn verified_profile(who: &AccountId) -> Option<KycProfile> {
		let profiles = Profiles::get();
		profiles.get(who).copied().or_else(|| {
			Securitisation::originator_of(who)
				.and_then(|originator| profiles.get(&originator).copied())
		})
	}
	fn person_of(who: &AccountId) -> Option<PersonId> {
		Self::verified_profile(who).map(|profile| profile.person)
	}
}

impl LicenceProvider<AccountId> for MockKyc {
	fn is_licensed(who: &AccountId, role: Role) -> bool {
		match role {
			Role::Issuer => Issuers::get().contains(who),
			Role::Lessor => Lessors::get().contains(who),
			_ => false,
		}
	}
}

fn adjust(
	map: &mut BTreeMap<(AccountId, CurrencyId), Amount>,
	key: (AccountId, CurrencyId),
	delta: Amount,
	add: bool,
) -> DispatchResult {
	let old = map.get(&key).copied().unwrap_or_default();
	let new = if add { old.checked_add(delta) } else { old.checked_sub(delta) }
		.ok_or(DispatchError::Other("insufficient balance"))?;
	map.insert(key, new);
	Ok(())
}

/// A ledger of free balances that moves money only between verified accounts, whose
/// supervision `Mode` (and `DeniedPayees`) steers.
pub struct MockLedger;
impl ForexLedger<AccountId> for MockLedger {
	fn transfer(
		from: &AccountId,
		to: &AccountId,
		currency: CurrencyId,
		amount: Amount,
		purpose: Purpose,
	) -> Result<LedgerOutcome, DispatchError> {
		if !MockKyc::is_verified(from) || !MockKyc::is_verified(to) {
			return Err(DispatchError::Other("unverified"));
		}
		if Mode::get() == Supervision::Deny || DeniedPayees::get().contains(to) {
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
	fn balance(who: &AccountId, currency: CurrencyId) -> Amount {
		Free::get().get(&(*who, currency)).copied().unwrap_or_default()
	}
	fn transfer_weight() -> Weight {
		Weight::zero()
	}
	fn supervision_weight() -> Weight {
		Weight::zero()
	}
	fn reserve(_: &AccountId, _: CurrencyId, _: Amount) -> DispatchResult {
		Err(DispatchError::Other("the pallet reserves nothing"))
	}
	fn unreserve(_: &AccountId, _: CurrencyId, _: Amount) -> DispatchResult {
		Err(DispatchError::Other("the pallet reserves nothing"))
	}
	fn reserved(_: &AccountId, _: CurrencyId) -> Amount {
		0
	}
	fn parties(_: &Reference) -> Vec<AccountId> {
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
	<Securitisation as LedgerObserver>::concluded(&reference, release);
}

/// The receivable registry: receivables by id, assigned by their holder.
pub struct MockRegistry;
impl ReceivableRegistry<AccountId> for MockRegistry {
	fn info(id: &ReceivableId) -> Option<ReceivableInfo<AccountId>> {
		Registry::get().get(id).cloned()
	}
	fn assign(id: &ReceivableId, from: &AccountId, to: &AccountId) -> DispatchResult {
		let mut registry = Registry::get();
		let info = registry.get_mut(id).ok_or(DispatchError::Other("unknown receivable"))?;
		if info.holder != *from {
			return Err(DispatchError::Other("not the holder"));
		}
		info.holder = *to;
		Registry::set(registry);
		Ok(())
	}
	fn assign_weight() -> Weight {
		Weight::zero()
	}
	fn info_weight() -> Weight {
		Weight::zero()
	}
}

impl pallet_securitisation::Config for Test {
	type Kyc = MockKyc;
	type Licences = MockKyc;
	type Ledger = MockLedger;
	type Time = MockTime;
	type Registry = MockRegistry;
	type Units = Units;
	type PalletId = SecuritisationPalletId;
	type MaxReceivablesPerPool = ConstU32<4>;
	type MaxInvestorsPerPool = ConstU32<8>;
	type MaxPayoutsPerBlock = ConstU32<3>;
	type MinPaymentInterval = ConstU64<DAY>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkSetup;
}

#[cfg(feature = "runtime-benchmarks")]
pub struct BenchmarkSetup;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for BenchmarkSetup {
	fn verify(who: &AccountId) {
		Profiles::mutate(|p| p.insert(*who, profile(*who, *b"CN")));
	}
	fn license(who: &AccountId) {
		Issuers::mutate(|l| l.push(*who));
	}
	fn fund(who: &AccountId, amount: Amount) -> CurrencyId {
		fund(*who, amount);
		CNY
	}
	fn receivable(
		holder: &AccountId,
		currency: CurrencyId,
		amount: Amount,
		index: u32,
	) -> ReceivableId {
		let id = ReceivableId::Lease(u64::from(index).saturating_add(1_000_000));
		register_in(id, *holder, currency, amount);
		id
	}
	fn default(id: &ReceivableId) {
		set_defaulted(*id);
	}
	fn set_time(now: Moment) {
		Now::set(now);
	}
}

/// A resident enterprise's profile in `jurisdiction`.
pub fn profile(who: AccountId, jurisdiction: [u8; 2]) -> KycProfile {
	KycProfile {
		person: H256(sp_io::hashing::blake2_256(&who.to_le_bytes())),
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
pub fn fund(who: AccountId, amount: Amount) {
	let mut free = Free::get();
	adjust(&mut free, (who, CNY), amount, true).unwrap();
	Free::set(free);
}

/// `who`'s free CNY.
pub fn free(who: AccountId) -> Amount {
	<MockLedger as ForexLedger<AccountId>>::balance(&who, CNY)
}

/// Register receivable `id` held by `holder` in `currency` with `outstanding` due.
pub fn register_in(id: ReceivableId, holder: AccountId, currency: CurrencyId, outstanding: Amount) {
	Registry::mutate(|r| {
		r.insert(
			id,
			ReceivableInfo { holder, currency, outstanding, due: START + MONTH, defaulted: false },
		)
	});
}

/// Mark receivable `id` defaulted.
pub fn set_defaulted(id: ReceivableId) {
	Registry::mutate(|r| r.get_mut(&id).expect("registered").defaulted = true);
}

/// The debtor of receivable `id` pays `amount`: the registry's holder receives it through the
/// ledger and the pallet is told, as the registry does.
pub fn collect(id: ReceivableId, amount: Amount) {
	let mut registry = Registry::get();
	let info = registry.get_mut(&id).expect("registered");
	info.outstanding = info.outstanding.saturating_sub(amount);
	let (holder, currency) = (info.holder, info.currency);
	Registry::set(registry);
	let mut free = Free::get();
	adjust(&mut free, (holder, currency), amount, true).unwrap();
	Free::set(free);
	<Securitisation as CollectionObserver<AccountId>>::collected(&id, &holder, currency, amount);
}

/// Advance the clock to `now` and run the next block's `on_initialize` (the payouts).
pub fn run_to(now: Moment) {
	Now::set(now);
	let next = System::block_number() + 1;
	System::set_block_number(next);
	Securitisation::on_initialize(next);
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		Now::set(START);
		Mode::set(Supervision::Execute);
		DeniedPayees::set(Vec::new());
		Held::set(BTreeMap::new());
		Transfers::set(Vec::new());
		Free::set(BTreeMap::new());
		Registry::set(BTreeMap::new());
		NextReference::set(1);
		Profiles::set(
			[ORIGINATOR, LESSOR, INV1, INV2, INV3, UNLICENSED]
				.into_iter()
				.chain(20..30)
				.map(|who| (who, profile(who, *b"CN")))
				.chain([(FOREIGN, profile(FOREIGN, *b"HK"))])
				.collect(),
		);
		Issuers::set(vec![ORIGINATOR, UNVERIFIED_ISSUER]);
		Lessors::set(vec![LESSOR]);
	});
	ext
}

/// Run `test` on a fresh chain and check the pallet's invariants after it.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Securitisation::do_try_state().expect("the securitisation invariants hold");
	});
}
