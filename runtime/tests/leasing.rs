//! Finance leases on the real runtime: the deposit is a forex reservation, rent is a supervised
//! ledger payment, the chain collects due rent in `on_initialize`, and rent that supervision holds
//! waits for the supervisor's decision in the forex pallet.

mod common;

use common::*;
use frame_support::{assert_noop, assert_ok, traits::Hooks};
use fxchain_primitives::{
	forex::{PaymentStatus, Purpose},
	kyc::{CountryCode, EntityType, KycLevel, KycProfile, Residency, SupervisionClass},
	leasing::{DefaultTrigger, EndOption, LeaseStatus, Method, Terms},
};
use fxchain_runtime::{AccountId, Forex, Kyc, Leasing, Runtime, RuntimeOrigin, Supervision};
use sp_core::H256;
use sp_keyring::Sr25519Keyring::{Charlie, Dave, Ferdie};
use sp_runtime::Perbill;

const CNY: u32 = 156;
const DAY: u64 = 86_400_000;

/// The dev chain at 2026-11-30, its genesis rates stamped.
fn dev() -> sp_io::TestExternalities {
	let mut ext = ext_from_preset("dev", |_| {});
	ext.execute_with(|| {
		pallet_timestamp::Now::<Runtime>::put(1_796_000_000_000);
		Supervision::on_finalize(1);
	});
	ext
}

fn now() -> u64 {
	pallet_timestamp::Now::<Runtime>::get()
}

/// Dave, the dev chain's issuer, credits `to` with `amount` fen.
fn fund(to: &AccountId, amount: u128) {
	assert_ok!(Forex::deposit(
		RuntimeOrigin::signed(account(Dave)),
		CNY,
		to.clone(),
		amount,
		H256::repeat_byte(7)
	));
}

fn cny(who: &AccountId) -> (u128, u128) {
	let holding = Forex::holdings(who).into_iter().find(|h| h.currency == CNY).expect("CNY");
	(holding.free, holding.reserved)
}

/// CNY 30,000.00 over three monthly instalments at 1% (rent above the travel-rule threshold of
/// CNY 5,000.00), CNY 3,000.00 deposit, title for CNY 1.00.
fn terms() -> Terms {
	Terms {
		currency: CNY,
		principal: 3_000_000,
		rate: Perbill::from_percent(1),
		instalments: 3,
		period: 30 * DAY,
		method: Method::EqualPrincipal,
		deposit: 300_000,
		late_fee: Perbill::from_parts(500_000),
		late_fee_cap: Perbill::from_percent(10),
		grace: 15 * DAY,
		trigger: DefaultTrigger::default(),
		early_fee: Perbill::from_percent(2),
		end: EndOption::Purchase { price: 100 },
	}
}

/// Dave leases a machine to `lessee`, who signs; returns the lease's number.
fn lease_to(lessee: &AccountId) -> u64 {
	let machine = H256::repeat_byte(0x4d);
	let dave = RuntimeOrigin::signed(account(Dave));
	assert_ok!(Leasing::register_asset(dave.clone(), machine, H256::zero()));
	let id = pallet_leasing::NextLeaseId::<Runtime>::get();
	assert_ok!(Leasing::draft(dave, lessee.clone(), machine, terms()));
	let hash = pallet_leasing::Leases::<Runtime>::get(id).expect("drafted").schedule_hash;
	assert_ok!(Leasing::sign(RuntimeOrigin::signed(lessee.clone()), id, hash));
	id
}

fn lease(id: u64) -> pallet_leasing::Lease<AccountId> {
	pallet_leasing::Leases::<Runtime>::get(id).expect("open")
}

fn books_balance() {
	pallet_forex::Pallet::<Runtime>::do_try_state().expect("forex books");
	Leasing::do_try_state().expect("leasing books");
}

#[test]
fn the_deposit_is_a_forex_reservation_and_rent_a_ledger_payment() {
	dev().execute_with(|| {
		let (charlie, dave) = (account(Charlie), account(Dave));
		fund(&charlie, 5_000_000);
		let id = lease_to(&charlie);
		assert_eq!(cny(&charlie), (4_700_000, 300_000));
		books_balance();

		let (dave_before, _) = cny(&dave);
		assert_ok!(Leasing::pay(RuntimeOrigin::signed(charlie.clone()), id));
		// Equal principal: 1,000,000 + 1% of 3,000,000.
		assert_eq!(cny(&dave).0 - dave_before, 1_030_000);
		let record = pallet_forex::Records::<Runtime>::iter()
			.map(|(_, record)| record)
			.find(|record| record.kind == fxchain_primitives::forex::MovementKind::Ledger)
			.expect("the rent's record");
		assert_eq!((record.purpose, record.status), (Purpose::Domestic, PaymentStatus::Executed));
		books_balance();
	});
}

#[test]
fn due_rent_is_collected_in_on_initialize() {
	dev().execute_with(|| {
		let charlie = account(Charlie);
		fund(&charlie, 5_000_000);
		let id = lease_to(&charlie);
		assert_ok!(Leasing::set_auto_pay(RuntimeOrigin::signed(charlie.clone()), id, true));
		// The first instalment falls due in 30 days; the block after it collects it.
		pallet_timestamp::Now::<Runtime>::put(now() + 30 * DAY);
		Leasing::on_initialize(2);
		assert_eq!(lease(id).paid, 1);
		assert_eq!(cny(&charlie), (4_700_000 - 1_030_000, 300_000));
		books_balance();
	});
}

#[test]
fn rent_that_supervision_holds_waits_for_the_supervisor() {
	dev().execute_with(|| {
		// Ferdie: a class-C enterprise in Hong Kong, whose cross-border flows need prior review.
		let ferdie = account(Ferdie);
		let profile = KycProfile {
			person: H256::repeat_byte(0xfe),
			entity: EntityType::Enterprise,
			residency: Residency::NonResident,
			jurisdiction: CountryCode(*b"HK"),
			level: KycLevel::Standard,
			class: Some(SupervisionClass::C),
		};
		assert_ok!(Kyc::attest(
			RuntimeOrigin::signed(account(Dave)),
			ferdie.clone(),
			profile,
			now() + 365 * DAY
		));
		fund(&ferdie, 5_000_000);
		let id = lease_to(&ferdie);

		// The first rent is held: nothing of the lease changes, nothing else may be paid.
		assert_ok!(Leasing::pay(RuntimeOrigin::signed(ferdie.clone()), id));
		let held = lease(id).in_review.expect("held for review");
		let record = pallet_forex::Records::<Runtime>::get(held).expect("the held rent");
		assert_eq!(
			(record.purpose, record.status),
			(Purpose::FinancialAccount, PaymentStatus::Held)
		);
		assert_eq!(lease(id).paid, 0);
		assert_noop!(
			Leasing::pay(RuntimeOrigin::signed(ferdie.clone()), id),
			pallet_leasing::Error::<Runtime>::PaymentInReview
		);
		books_balance();

		// Released: the rent is paid.
		assert_ok!(Forex::release(RuntimeOrigin::root(), held));
		assert_eq!((lease(id).paid, lease(id).in_review), (1, None));
		books_balance();

		// The second is rejected: the lease is as it was, Ferdie has the funds back.
		let before = cny(&ferdie);
		assert_ok!(Leasing::pay(RuntimeOrigin::signed(ferdie.clone()), id));
		let held = lease(id).in_review.expect("held for review");
		assert_ok!(Forex::reject(RuntimeOrigin::root(), held));
		assert_eq!((lease(id).paid, lease(id).in_review), (1, None));
		assert_eq!(lease(id).status, LeaseStatus::Active);
		assert_eq!(cny(&ferdie), before);
		books_balance();
	});
}
