//! Repayment and release: they reduce and remove endorsements, so the documents may be
//! financed again.

use super::common::*;
use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use fxchain_primitives::forex::Purpose;

/// `BANK_A` finances 50,000 on document 1 and 30,000 on document 2.
fn two_line_financing() -> FinancingId {
	fund_all();
	register(1);
	register(2);
	finance(BANK_A, &[(1, 50_000), (2, 30_000)])
}

#[test]
fn repayment_reduces_the_lines_in_order() {
	build_and_execute(|| {
		let id = two_line_financing();
		assert_ok!(Receivables::repay(RuntimeOrigin::signed(EXPORTER), id, 60_000));
		assert_eq!(endorsements(1), vec![(id, BANK_A, 0)]);
		assert_eq!(endorsements(2), vec![(id, BANK_A, 20_000)]);
		assert_eq!((document(1).financed, document(2).financed), (0, 20_000));
		assert_eq!(financing(id).outstanding, 20_000);
		assert_eq!(free(BANK_A), FUNDS - 80_000 + 60_000);
		assert_eq!(Transfers::get().last(), Some(&(EXPORTER, BANK_A, 60_000, Purpose::Domestic)));
		assert_eq!(
			events().last(),
			Some(&Event::Repaid {
				financing: id,
				amount: 60_000,
				outstanding: 20_000,
				reference: last_reference(),
			})
		);
		// The repaid part of document 1 is available again, to any bank.
		finance(BANK_B, &[(1, 50_000)]);
	});
}

#[test]
fn full_repayment_closes_the_financing_and_removes_its_endorsements() {
	build_and_execute(|| {
		let id = two_line_financing();
		assert_ok!(Receivables::repay(RuntimeOrigin::signed(EXPORTER), id, 80_000));
		let record = financing(id);
		assert_eq!((record.status, record.outstanding), (FinancingStatus::Repaid, 0));
		assert!(endorsements(1).is_empty() && endorsements(2).is_empty());
		assert_eq!(events().last(), Some(&Event::FinancingClosed { financing: id }));
		assert_noop!(
			Receivables::repay(RuntimeOrigin::signed(EXPORTER), id, 1),
			Error::<Test>::FinancingClosed
		);
		// A closed financing stays a record, listed after the open ones.
		let open = finance(BANK_A, &[(1, FACE)]);
		let listed: Vec<_> =
			Receivables::financings_of(&BANK_A).into_iter().map(|(f, _)| f).collect();
		assert_eq!(listed, vec![open, id]);
	});
}

#[test]
fn only_the_borrower_repays_and_at_most_what_is_outstanding() {
	build_and_execute(|| {
		let id = two_line_financing();
		assert_noop!(
			Receivables::repay(RuntimeOrigin::signed(IMPORTER), id, 1),
			Error::<Test>::NotBorrower
		);
		assert_noop!(
			Receivables::repay(RuntimeOrigin::signed(EXPORTER), id, 80_001),
			Error::<Test>::ExceedsOutstanding
		);
		assert_noop!(
			Receivables::repay(RuntimeOrigin::signed(EXPORTER), id, 0),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			Receivables::repay(RuntimeOrigin::signed(EXPORTER), 7, 1),
			Error::<Test>::FinancingNotFound
		);
	});
}

#[test]
fn a_denied_repayment_changes_nothing() {
	build_and_execute(|| {
		let id = two_line_financing();
		Mode::set(Supervision::Deny);
		assert_noop!(
			Receivables::repay(RuntimeOrigin::signed(EXPORTER), id, 10_000),
			sp_runtime::DispatchError::Other("denied")
		);
	});
}

#[test]
fn the_bank_releases_a_financing_and_waives_the_rest() {
	build_and_execute(|| {
		let id = two_line_financing();
		assert_ok!(Receivables::repay(RuntimeOrigin::signed(EXPORTER), id, 10_000));
		assert_noop!(
			Receivables::release(RuntimeOrigin::signed(EXPORTER), id),
			Error::<Test>::NotBank
		);
		assert_noop!(
			Receivables::release(RuntimeOrigin::signed(BANK_B), id),
			Error::<Test>::NotBank
		);
		assert_ok!(Receivables::release(RuntimeOrigin::signed(BANK_A), id));
		assert_eq!(
			events().last(),
			Some(&Event::FinancingReleased { financing: id, waived: 70_000 })
		);
		let record = financing(id);
		assert_eq!((record.status, record.outstanding), (FinancingStatus::Released, 0));
		assert!(endorsements(1).is_empty() && endorsements(2).is_empty());
		assert_eq!((document(1).financed, document(2).financed), (0, 0));
		assert_noop!(
			Receivables::release(RuntimeOrigin::signed(BANK_A), id),
			Error::<Test>::FinancingClosed
		);
		finance(BANK_B, &[(1, FACE), (2, FACE)]);
	});
}

#[test]
fn releasing_one_financing_leaves_the_other_banks_endorsement() {
	build_and_execute(|| {
		fund_all();
		register(1);
		let first = finance(BANK_A, &[(1, 60_000)]);
		let second = finance(BANK_B, &[(1, 40_000)]);
		assert_ok!(Receivables::release(RuntimeOrigin::signed(BANK_A), first));
		assert_eq!(endorsements(1), vec![(second, BANK_B, 40_000)]);
		assert_eq!(document(1).financed, 40_000);
	});
}
