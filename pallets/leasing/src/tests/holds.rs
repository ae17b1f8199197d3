//! Lease payments that supervision holds for review: the lease waits, a release applies the
//! payment, a return leaves the lease as it was.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use fxchain_primitives::{forex::Amount, supervision::DAY, Moment};
use sp_core::H256;
use sp_runtime::Perbill;

// Helpers of this file.

/// Equal-principal terms: CNY 120,000.00 over 12 monthly instalments at 1% a month (instalment
/// `k` repays 1,000,000 and interest `1% × (13 − k) × 1,000,000`), deposit CNY 10,000.00, late
/// fee 0.05% a day capped at 10%, the default trigger, 2% early fee, title for CNY 1.00.
fn level_terms() -> Terms {
	Terms {
		currency: CNY,
		principal: 12_000_000,
		rate: Perbill::from_percent(1),
		instalments: 12,
		period: MONTH,
		method: Method::EqualPrincipal,
		deposit: 1_000_000,
		late_fee: Perbill::from_parts(500_000),
		late_fee_cap: Perbill::from_percent(10),
		grace: 15 * DAY,
		trigger: DefaultTrigger::default(),
		early_fee: Perbill::from_percent(2),
		end: EndOption::Purchase { price: 100 },
	}
}

/// `LESSOR` leases `machine()` to `LESSEE` on `terms`; the lessee, funded with the deposit and
/// `extra`, signs now. Returns the lease's number.
fn signed_lease(terms: Terms, extra: Amount) -> LeaseId {
	fund(LESSEE, terms.deposit + extra);
	assert_ok!(Leasing::register_asset(RuntimeOrigin::signed(LESSOR), machine(), H256::zero()));
	let id = NextLeaseId::<Test>::get();
	assert_ok!(Leasing::draft(RuntimeOrigin::signed(LESSOR), LESSEE, machine(), terms));
	let hash = Leases::<Test>::get(id).unwrap().schedule_hash;
	assert_ok!(Leasing::sign(RuntimeOrigin::signed(LESSEE), id, hash));
	id
}

/// The reference of the ledger's latest transfer.
fn last_reference() -> H256 {
	H256::from_low_u64_be(NextReference::get() - 1)
}

/// The lease.
fn lease(id: LeaseId) -> Lease<u64> {
	Leases::<Test>::get(id).unwrap()
}

/// Halfway through the first period: the buyout is principal 12,000,000, half of instalment
/// 1's interest (120,000 × 15 / 30 = 60,000), the early fee 2% × 12,000,000 = 240,000 and the
/// price 100: 12,300,100.
const HALF_PERIOD_1: Moment = START + 15 * DAY;
const BUYOUT_AT_HALF_PERIOD_1: Amount = 12_300_100;

/// A lease whose first instalment (rent 1,120,000) the lessee paid and supervision holds.
/// Returns the lease and the held payment's reference.
fn held_rent_payment() -> (LeaseId, H256) {
	let id = signed_lease(level_terms(), 1_120_000);
	Mode::set(Supervision::Hold);
	assert_ok!(Leasing::pay(RuntimeOrigin::signed(LESSEE), id));
	(id, last_reference())
}

/// Nothing paid; demand at the second due date, default 15 days later. Owed: rent 12,780,000
/// and late fees ⌊1,120,000 × 45 × 0.05%⌋ + ⌊1,110,000 × 15 × 0.05%⌋ = 25,200 + 8,325.
const OWED: Amount = 12_813_525;

/// A lease of `level_terms()` on which nothing is paid, defaulted as `OWED` says (the clock is
/// at the default); the lessee holds nothing but the reserved deposit.
fn defaulted_lease() -> LeaseId {
	let id = signed_lease(level_terms(), 0);
	run_to(START + 2 * MONTH);
	assert_ok!(Leasing::send_demand(RuntimeOrigin::signed(LESSOR), id));
	run_to(START + 2 * MONTH + 15 * DAY);
	assert_ok!(Leasing::declare_default(RuntimeOrigin::signed(LESSOR), id));
	id
}

// Rent.

#[test]
fn a_held_rent_payment_changes_nothing_and_blocks_the_lease() {
	build_and_execute(|| {
		let (id, reference) = held_rent_payment();
		System::assert_last_event(
			Event::PaymentHeld { lease: id, reference, amount: 1_120_000 }.into(),
		);
		let record = lease(id);
		assert_eq!((record.in_review, record.paid), (Some(reference), 0));
		assert_eq!(
			InReview::<Test>::get(reference),
			Some(Pending {
				lease: id,
				effect: Effect::Rent { number: 1, rent: 1_120_000, fee: 0 },
				released_deposit: 0,
			})
		);
		// The ledger holds the funds; the lessor has nothing yet.
		assert_eq!((free(LESSEE), free(LESSOR)), (0, 0));

		// No other payment or remedy meanwhile.
		fund(LESSEE, 20_000_000);
		assert_noop!(
			Leasing::pay(RuntimeOrigin::signed(LESSEE), id),
			Error::<Test>::PaymentInReview
		);
		assert_noop!(
			Leasing::buy_out(RuntimeOrigin::signed(LESSEE), id),
			Error::<Test>::PaymentInReview
		);
		run_to(START + 2 * MONTH);
		assert_noop!(
			Leasing::send_demand(RuntimeOrigin::signed(LESSOR), id),
			Error::<Test>::PaymentInReview
		);
	});
}

#[test]
fn a_released_rent_payment_is_applied() {
	build_and_execute(|| {
		let (id, reference) = held_rent_payment();
		conclude(reference, true);
		System::assert_last_event(
			Event::RentPaid { lease: id, instalment: 1, rent: 1_120_000, late_fee: 0, reference }
				.into(),
		);
		let record = lease(id);
		assert_eq!((record.in_review, record.paid), (None, 1));
		assert!(InReview::<Test>::get(reference).is_none());
		assert_eq!((free(LESSEE), free(LESSOR)), (0, 1_120_000));
		// The next payment goes through.
		Mode::set(Supervision::Execute);
		fund(LESSEE, 1_110_000);
		assert_ok!(Leasing::pay(RuntimeOrigin::signed(LESSEE), id));
		assert_eq!(lease(id).paid, 2);
	});
}

#[test]
fn a_returned_rent_payment_leaves_the_lease_as_it_was() {
	build_and_execute(|| {
		let id = signed_lease(level_terms(), 1_120_000);
		let before = lease(id);
		Mode::set(Supervision::Hold);
		assert_ok!(Leasing::pay(RuntimeOrigin::signed(LESSEE), id));
		let reference = last_reference();

		conclude(reference, false);
		System::assert_last_event(Event::PaymentReturned { lease: id, reference }.into());
		assert_eq!(lease(id), before);
		assert!(InReview::<Test>::get(reference).is_none());
		assert_eq!((free(LESSEE), reserved(LESSEE), free(LESSOR)), (1_120_000, 1_000_000, 0));
	});
}

// Buyout.

#[test]
fn a_returned_buy_out_reserves_the_deposit_again() {
	build_and_execute(|| {
		// The lessee holds the buyout less the deposit: 12,300,100 − 1,000,000.
		let id = signed_lease(level_terms(), BUYOUT_AT_HALF_PERIOD_1 - 1_000_000);
		run_to(HALF_PERIOD_1);
		let before = lease(id);
		Mode::set(Supervision::Hold);
		assert_ok!(Leasing::buy_out(RuntimeOrigin::signed(LESSEE), id));
		let reference = last_reference();
		System::assert_last_event(
			Event::PaymentHeld { lease: id, reference, amount: BUYOUT_AT_HALF_PERIOD_1 }.into(),
		);
		// While in review the deposit is in the payment.
		assert_eq!((lease(id).deposit, reserved(LESSEE), free(LESSEE)), (0, 0, 0));
		assert_eq!(
			InReview::<Test>::get(reference),
			Some(Pending { lease: id, effect: Effect::Buyout, released_deposit: 1_000_000 })
		);
		assert!(Assets::<Test>::get(machine()).unwrap().encumbrance.is_some());

		conclude(reference, false);
		System::assert_last_event(Event::PaymentReturned { lease: id, reference }.into());
		assert_eq!(lease(id), before);
		assert_eq!(lease(id).status, LeaseStatus::Active);
		assert_eq!((reserved(LESSEE), free(LESSEE)), (1_000_000, 11_300_100));
		assert_eq!(Assets::<Test>::get(machine()).unwrap().holder, LESSOR);
	});
}

#[test]
fn a_released_buy_out_closes_the_lease() {
	build_and_execute(|| {
		let id = signed_lease(level_terms(), BUYOUT_AT_HALF_PERIOD_1 - 1_000_000);
		run_to(HALF_PERIOD_1);
		Mode::set(Supervision::Hold);
		assert_ok!(Leasing::buy_out(RuntimeOrigin::signed(LESSEE), id));

		conclude(last_reference(), true);
		System::assert_last_event(
			Event::LeaseClosed { lease: id, closure: Closure::BoughtOut }.into(),
		);
		assert!(Leases::<Test>::get(id).is_none());
		let asset = Assets::<Test>::get(machine()).unwrap();
		assert_eq!((asset.holder, asset.encumbrance), (LESSEE, None));
		assert_eq!((free(LESSEE), reserved(LESSEE), free(LESSOR)), (0, 0, BUYOUT_AT_HALF_PERIOD_1));
	});
}

#[test]
fn a_returned_buy_out_smaller_than_the_deposit_reserves_all_of_it_again() {
	build_and_execute(|| {
		// Deposit 2,000,000; instalments 1 to 11 paid (12,780,000 − 1,010,000 = 11,770,000).
		// Halfway through period 12 the buyout is 1,000,000 + 10,000 × 15 / 30 + 2% ×
		// 1,000,000 + 100 = 1,025,100, less than the deposit.
		let id = signed_lease(Terms { deposit: 2_000_000, ..level_terms() }, 11_770_000);
		for _ in 0..11 {
			assert_ok!(Leasing::pay(RuntimeOrigin::signed(LESSEE), id));
		}
		run_to(START + 11 * MONTH + 15 * DAY);
		assert_eq!(Leasing::lease_view(id).unwrap().buyout, Some(1_025_100));
		let before = lease(id);
		Mode::set(Supervision::Hold);
		assert_ok!(Leasing::buy_out(RuntimeOrigin::signed(LESSEE), id));
		// Only what the buyout uses left the deposit (no longer all of it): 2,000,000 −
		// 1,025,100 = 974,900 stays reserved while the payment is in review.
		let reference = last_reference();
		assert_eq!((lease(id).deposit, reserved(LESSEE)), (974_900, 974_900));
		assert_eq!(
			InReview::<Test>::get(reference).map(|pending| pending.released_deposit),
			Some(1_025_100)
		);

		conclude(reference, false);
		// The lease goes on as it was: its whole deposit secures it again.
		assert_eq!(lease(id).deposit, 2_000_000);
		assert_eq!(reserved(LESSEE), 2_000_000);
		assert_eq!(lease(id), before);
	});
}

#[test]
fn a_returned_purchase_payment_reserves_the_whole_deposit_again() {
	build_and_execute(|| {
		// All rent (12,780,000) paid; the deposit 1,000,000 exceeds the price 100.
		let id = signed_lease(level_terms(), 12_780_000);
		for _ in 0..12 {
			assert_ok!(Leasing::pay(RuntimeOrigin::signed(LESSEE), id));
		}
		let before = lease(id);
		Mode::set(Supervision::Hold);
		assert_ok!(Leasing::complete(RuntimeOrigin::signed(LESSEE), id));
		// Only the price left the deposit (no longer all of it).
		assert_eq!((lease(id).deposit, reserved(LESSEE)), (999_900, 999_900));

		conclude(last_reference(), false);
		assert_eq!(reserved(LESSEE), 1_000_000);
		assert_eq!(lease(id), before);
	});
}

// Remedies.

#[test]
fn a_returned_deposit_settlement_leaves_the_acceleration_standing_with_the_deposit() {
	build_and_execute(|| {
		let id = defaulted_lease();
		Mode::set(Supervision::Hold);
		assert_ok!(Leasing::accelerate(RuntimeOrigin::signed(LESSOR), id));
		let reference = last_reference();
		System::assert_last_event(
			Event::PaymentHeld { lease: id, reference, amount: 1_000_000 }.into(),
		);
		assert_eq!(
			InReview::<Test>::get(reference),
			Some(Pending {
				lease: id,
				effect: Effect::Settlement { amount: 1_000_000 },
				released_deposit: 1_000_000,
			})
		);
		assert_eq!(lease(id).status, LeaseStatus::Accelerated { due: OWED });

		conclude(reference, false);
		System::assert_last_event(Event::PaymentReturned { lease: id, reference }.into());
		// The acceleration stands, all of `OWED` due, and the deposit is reserved again.
		let record = lease(id);
		assert_eq!(
			(record.status, record.deposit, record.in_review),
			(LeaseStatus::Accelerated { due: OWED }, 1_000_000, None)
		);
		assert_eq!((free(LESSEE), reserved(LESSEE), free(LESSOR)), (0, 1_000_000, 0));

		// The deposit pays first when the lessee pays: it needs only the rest.
		Mode::set(Supervision::Execute);
		fund(LESSEE, OWED - 1_000_000);
		assert_ok!(Leasing::pay(RuntimeOrigin::signed(LESSEE), id));
		assert_eq!(lease(id).status, LeaseStatus::Matured);
		assert_eq!((free(LESSEE), reserved(LESSEE), free(LESSOR)), (0, 0, OWED));
	});
}

#[test]
fn a_returned_termination_surplus_closes_the_lease_with_the_surplus_owed_outside_it() {
	build_and_execute(|| {
		// Recovering 13,000,000 of the 12,813,525 owed leaves a surplus of 186,475 for the
		// lessee.
		let id = defaulted_lease();
		fund(LESSOR, 186_475);
		Mode::set(Supervision::Hold);
		assert_ok!(Leasing::terminate(
			RuntimeOrigin::signed(LESSOR),
			id,
			13_000_000,
			H256::repeat_byte(0xEE)
		));

		let held = last_reference();
		conclude(held, false);
		// The termination stands and the lessee owes nothing: the lease closes, the lessor keeps
		// the surplus it must now pay outside the lease, and the events say so (`SurplusUnpaid`
		// is new).
		assert!(Leases::<Test>::get(id).is_none());
		System::assert_has_event(Event::PaymentReturned { lease: id, reference: held }.into());
		System::assert_has_event(Event::SurplusUnpaid { lease: id, amount: 186_475 }.into());
		System::assert_last_event(
			Event::LeaseClosed { lease: id, closure: Closure::Terminated }.into(),
		);
		assert_eq!(free(LESSOR), 186_475);
		// The deposit, which paid nothing, returned when the lease closed.
		assert_eq!((free(LESSEE), reserved(LESSEE)), (1_000_000, 0));
	});
}
