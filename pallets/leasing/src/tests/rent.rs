//! Paying rent: on time, early, late with its fee, up to maturity; who may pay; how the payment
//! is declared to the ledger; and a payment supervision denies.
//!
//! The standard lease (`mock::terms()`, signed at `START`) has a level rent of 1_066_185 and a
//! last rent of 1_066_187 (see `common::STANDARD_TABLE`); its late fee is 0.05% of the rent per
//! full day overdue, capped at 10% of the rent.

use super::common::*;
use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use fxchain_primitives::{
	forex::{Amount, Purpose},
	supervision::{DAY, HOUR},
};
use sp_core::H256;
use sp_runtime::DispatchError;

/// The reference the mock ledger gives the next transfer.
fn next_reference() -> H256 {
	H256::from_low_u64_be(NextReference::get())
}

/// The standard lessee pays instalment 1 of lease `id` at `now`: it pays `RENT + fee`, all of
/// which the lessor receives, and the event and the lease record the fee.
fn pays_first_instalment_with_fee(id: LeaseId, now: u64, fee: Amount) {
	Now::set(now);
	let (lessee_before, lessor_before) = (free(LESSEE), free(LESSOR));
	let reference = next_reference();
	assert_ok!(Leasing::pay(RuntimeOrigin::signed(LESSEE), id));
	System::assert_last_event(
		Event::RentPaid { lease: id, instalment: 1, rent: RENT, late_fee: fee, reference }.into(),
	);
	assert_eq!(free(LESSOR), lessor_before + RENT + fee);
	assert_eq!(free(LESSEE), lessee_before - RENT - fee);
	let record = lease(id);
	assert_eq!(record.paid, 1);
	assert_eq!(record.fees_paid, fee);
	assert_eq!(record.status, LeaseStatus::Active);
}

#[test]
fn rent_paid_on_the_due_date_reaches_the_lessor_without_fee() {
	build_and_execute(|| {
		let id = signed_lease();
		pays_first_instalment_with_fee(id, due_at(1), 0);
		assert_eq!(free(LESSOR), RENT);
		assert_eq!(reserved(LESSEE), DEPOSIT, "paying rent leaves the deposit reserved");
	});
}

#[test]
fn rent_may_be_paid_before_it_falls_due() {
	build_and_execute(|| {
		let id = signed_lease();
		// One day after signing, a month before instalment 1 falls due.
		pays_first_instalment_with_fee(id, START + DAY, 0);
		// Instalment 2 can be paid in advance as well; it is never late.
		assert_ok!(Leasing::pay(RuntimeOrigin::signed(LESSEE), id));
		System::assert_last_event(
			Event::RentPaid {
				lease: id,
				instalment: 2,
				rent: RENT,
				late_fee: 0,
				reference: H256::from_low_u64_be(NextReference::get() - 1),
			}
			.into(),
		);
		assert_eq!(lease(id).paid, 2);
		assert_eq!(free(LESSOR), 2 * RENT);
	});
}

#[test]
fn rent_less_than_a_full_day_late_carries_no_fee() {
	build_and_execute(|| {
		let id = signed_lease();
		pays_first_instalment_with_fee(id, due_at(1) + DAY - 1, 0);
	});
}

#[test]
fn rent_three_full_days_late_carries_three_days_of_late_fee() {
	build_and_execute(|| {
		let id = signed_lease();
		// 3 days and 5 hours late: 3 full days. Fee ⌊1_066_185 × 0.0005 × 3⌋ = ⌊1_599.2775⌋.
		pays_first_instalment_with_fee(id, due_at(1) + 3 * DAY + 5 * HOUR, 1_599);
		assert_eq!(free(LESSOR), 1_067_784);
	});
}

#[test]
fn rent_a_hundred_days_late_carries_five_percent() {
	build_and_execute(|| {
		let id = signed_lease();
		// 100 days × 0.05% = 5% of the rent, below the 10% cap: ⌊53_309.25⌋ = 53_309.
		pays_first_instalment_with_fee(id, due_at(1) + 100 * DAY, 53_309);
	});
}

#[test]
fn the_late_fee_of_one_instalment_stops_at_its_cap() {
	build_and_execute(|| {
		let id = signed_lease();
		// 250 days × 0.05% = 12.5%, capped at 10%: ⌊1_066_185 × 0.1⌋ = ⌊106_618.5⌋ = 106_618.
		pays_first_instalment_with_fee(id, due_at(1) + 250 * DAY, 106_618);
		// Instalment 2, due a month later, is 220 days late: 11%, also capped.
		let reference = next_reference();
		assert_ok!(Leasing::pay(RuntimeOrigin::signed(LESSEE), id));
		System::assert_last_event(
			Event::RentPaid { lease: id, instalment: 2, rent: RENT, late_fee: 106_618, reference }
				.into(),
		);
		assert_eq!(lease(id).fees_paid, 2 * 106_618);
	});
}

#[test]
fn only_the_lessee_pays() {
	build_and_execute(|| {
		let id = signed_lease();
		Now::set(due_at(1));
		fund(LESSOR, RENT);
		fund(STRANGER, RENT);
		for who in [LESSOR, STRANGER, BANK] {
			assert_noop!(Leasing::pay(RuntimeOrigin::signed(who), id), Error::<Test>::NotLessee);
		}
		assert_noop!(
			Leasing::pay(RuntimeOrigin::signed(LESSEE), id + 1),
			Error::<Test>::LeaseNotFound
		);
		assert!(Transfers::get().is_empty());
	});
}

#[test]
fn a_draft_has_nothing_due() {
	build_and_execute(|| {
		fund(LESSEE, FUNDS);
		register(LESSOR, machine());
		let id = draft_lease(LESSEE, terms());
		Now::set(due_at(1));
		assert_noop!(Leasing::pay(RuntimeOrigin::signed(LESSEE), id), Error::<Test>::NothingDue);
	});
}

#[test]
fn paying_every_instalment_matures_the_lease_and_then_nothing_is_due() {
	build_and_execute(|| {
		let id = signed_lease();
		for number in 1..=12u16 {
			Now::set(due_at(u64::from(number)));
			assert_ok!(Leasing::pay(RuntimeOrigin::signed(LESSEE), id));
			assert_eq!(lease(id).paid, number);
		}
		System::assert_has_event(
			Event::RentPaid {
				lease: id,
				instalment: 12,
				rent: LAST_RENT,
				late_fee: 0,
				reference: H256::from_low_u64_be(NextReference::get() - 1),
			}
			.into(),
		);
		System::assert_last_event(Event::LeaseMatured { lease: id }.into());
		let record = lease(id);
		assert_eq!(record.status, LeaseStatus::Matured);
		assert_eq!(record.fees_paid, 0);
		// The lessor received exactly the total rent: 11 × 1_066_185 + 1_066_187.
		assert_eq!(free(LESSOR), TOTAL_RENT);
		assert_eq!(free(LESSEE), FUNDS - DEPOSIT - TOTAL_RENT);
		Now::set(due_at(13));
		assert_noop!(Leasing::pay(RuntimeOrigin::signed(LESSEE), id), Error::<Test>::NothingDue);
	});
}

#[test]
fn rent_between_two_resident_accounts_is_a_domestic_payment() {
	build_and_execute(|| {
		let id = signed_lease();
		Now::set(due_at(1));
		assert_ok!(Leasing::pay(RuntimeOrigin::signed(LESSEE), id));
		assert_eq!(Transfers::get(), vec![(LESSEE, LESSOR, RENT, Purpose::Domestic)]);
	});
}

#[test]
fn rent_from_a_lessee_abroad_is_a_financial_account_flow() {
	build_and_execute(|| {
		let id = signed_lease_to(FOREIGN_LESSEE, terms());
		Now::set(due_at(1) + 3 * DAY);
		assert_ok!(Leasing::pay(RuntimeOrigin::signed(FOREIGN_LESSEE), id));
		assert_eq!(
			Transfers::get(),
			vec![(FOREIGN_LESSEE, LESSOR, RENT + 1_599, Purpose::FinancialAccount)]
		);
		assert_eq!(free(LESSOR), RENT + 1_599);
	});
}

#[test]
fn a_payment_supervision_denies_fails_and_changes_nothing() {
	build_and_execute(|| {
		let id = signed_lease();
		Now::set(due_at(1));
		Mode::set(Supervision::Deny);
		assert_noop!(
			Leasing::pay(RuntimeOrigin::signed(LESSEE), id),
			DispatchError::Other("denied")
		);
		assert_eq!(free(LESSEE), FUNDS - DEPOSIT);
		assert_eq!(free(LESSOR), 0);
		assert!(Transfers::get().is_empty());
		assert_eq!(lease(id).paid, 0);
		// Once supervision lets it through, the same instalment is paid.
		Mode::set(Supervision::Execute);
		assert_ok!(Leasing::pay(RuntimeOrigin::signed(LESSEE), id));
		assert_eq!(lease(id).paid, 1);
	});
}

#[test]
fn a_lessee_without_funds_for_the_rent_pays_nothing() {
	build_and_execute(|| {
		fund(LESSEE, DEPOSIT + RENT - 1);
		register(LESSOR, machine());
		let id = draft_lease(LESSEE, terms());
		sign(id);
		Now::set(due_at(1));
		assert_noop!(
			Leasing::pay(RuntimeOrigin::signed(LESSEE), id),
			DispatchError::Other("insufficient balance")
		);
		assert_eq!(free(LESSEE), RENT - 1);
		assert_eq!(reserved(LESSEE), DEPOSIT, "the deposit is not touched for rent");
		assert_eq!(lease(id).paid, 0);
	});
}
