//! Financing: no double or excess financing, priority by registration time, and what a bank
//! must be and check.

use super::common::*;
use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use fxchain_primitives::{forex::Purpose, supervision::DAY};

#[test]
fn financing_exactly_the_face_value_passes_and_one_unit_more_is_refused() {
	build_and_execute(|| {
		fund_all();
		register(1);
		register(2);
		assert_noop!(
			Receivables::finance(RuntimeOrigin::signed(BANK_A), lines(&[(1, FACE + 1)])),
			Error::<Test>::ExceedsFaceValue
		);
		let id = finance(BANK_A, &[(1, FACE)]);
		assert_eq!(endorsements(1), vec![(id, BANK_A, FACE)]);
		assert_eq!(document(1).financed, FACE);
		// Nothing is left: a second financing of one unit, by either bank, is refused.
		for bank in [BANK_A, BANK_B] {
			assert_noop!(
				Receivables::finance(RuntimeOrigin::signed(bank), lines(&[(1, 1)])),
				Error::<Test>::ExceedsFaceValue
			);
		}
		// A multi-document financing that overreaches on one line is refused whole.
		assert_noop!(
			Receivables::finance(RuntimeOrigin::signed(BANK_B), lines(&[(2, 10), (1, 1)])),
			Error::<Test>::ExceedsFaceValue
		);
		assert_eq!(document(2).financed, 0);
	});
}

#[test]
fn a_second_bank_finances_only_what_is_left_and_ranks_after_the_first() {
	build_and_execute(|| {
		fund_all();
		register(1);
		let first = finance(BANK_A, &[(1, 60_000)]);
		Now::set(START + DAY);
		assert_noop!(
			Receivables::finance(RuntimeOrigin::signed(BANK_B), lines(&[(1, 40_001)])),
			Error::<Test>::ExceedsFaceValue
		);
		let second = finance(BANK_B, &[(1, 40_000)]);
		assert_eq!(endorsements(1), vec![(first, BANK_A, 60_000), (second, BANK_B, 40_000)]);
		let times: Vec<_> = document(1).endorsements.iter().map(|e| e.registered_at).collect();
		assert_eq!(times, vec![START, START + DAY]);
		assert_eq!(Receivables::document_status(doc(1)).unwrap().available, 0);
	});
}

#[test]
fn collections_reduce_what_is_available() {
	build_and_execute(|| {
		fund_all();
		register(1);
		assert_ok!(Receivables::pay_document(RuntimeOrigin::signed(IMPORTER), doc(1), 30_000));
		assert_noop!(
			Receivables::finance(RuntimeOrigin::signed(BANK_A), lines(&[(1, 70_001)])),
			Error::<Test>::ExceedsFaceValue
		);
		finance(BANK_A, &[(1, 70_000)]);
	});
}

#[test]
fn financing_disburses_the_principal_to_the_holder() {
	build_and_execute(|| {
		fund_all();
		register(1);
		register(2);
		let id = finance(BANK_A, &[(1, 50_000), (2, 30_000)]);
		assert_eq!(free(BANK_A), FUNDS - 80_000);
		assert_eq!(free(EXPORTER), FUNDS + 80_000);
		assert_eq!(Transfers::get(), vec![(BANK_A, EXPORTER, 80_000, Purpose::Domestic)]);
		let record = financing(id);
		assert_eq!(
			(record.bank, record.borrower, record.principal, record.outstanding, record.status),
			(BANK_A, EXPORTER, 80_000, 80_000, FinancingStatus::Open)
		);
		assert_eq!(record.lines.into_inner(), vec![(doc(1), 50_000), (doc(2), 30_000)]);
		assert_eq!(
			events().last(),
			Some(&Event::Financed {
				financing: id,
				bank: BANK_A,
				borrower: EXPORTER,
				currency: CNY,
				principal: 80_000,
				reference: last_reference(),
			})
		);
		assert_eq!(Receivables::financings_of(&BANK_A).len(), 1);
	});
}

#[test]
fn a_cross_border_disbursement_is_a_financial_account_flow() {
	build_and_execute(|| {
		fund_all();
		register(1);
		Profiles::mutate(|p| p.insert(EXPORTER, profile(EXPORTER, *b"SG")));
		finance(BANK_A, &[(1, 10_000)]);
		assert_eq!(Transfers::get(), vec![(BANK_A, EXPORTER, 10_000, Purpose::FinancialAccount)]);
	});
}

#[test]
fn a_denied_disbursement_registers_nothing() {
	build_and_execute(|| {
		fund_all();
		register(1);
		Mode::set(Supervision::Deny);
		assert_noop!(
			Receivables::finance(RuntimeOrigin::signed(BANK_A), lines(&[(1, 10_000)])),
			sp_runtime::DispatchError::Other("denied")
		);
		assert_eq!(NextFinancingId::<Test>::get(), 0);
	});
}

#[test]
fn a_held_disbursement_keeps_the_endorsement() {
	build_and_execute(|| {
		fund_all();
		register(1);
		Mode::set(Supervision::Hold);
		let id = finance(BANK_A, &[(1, FACE)]);
		assert_eq!(endorsements(1), vec![(id, BANK_A, FACE)]);
		assert_eq!(free(EXPORTER), FUNDS);
		// The disbursement waits for a supervisor (see `holds.rs`).
		assert_eq!(
			InReview::<Test>::iter().collect::<Vec<_>>(),
			vec![(last_reference(), Pending::Disbursement { financing: id })]
		);
		// The document is protected at once.
		Mode::set(Supervision::Execute);
		assert_noop!(
			Receivables::finance(RuntimeOrigin::signed(BANK_B), lines(&[(1, 1)])),
			Error::<Test>::ExceedsFaceValue
		);
	});
}

#[test]
fn the_lines_must_make_sense() {
	build_and_execute(|| {
		fund_all();
		register(1);
		register(2);
		assert_ok!(Receivables::register_document(
			RuntimeOrigin::signed(CUSTOMS),
			doc(3),
			DECLARATION,
			EXPORTER,
			debtor(),
			USD,
			FACE,
			DUE,
		));
		assert_ok!(Receivables::register_document(
			RuntimeOrigin::signed(CUSTOMS),
			doc(4),
			DECLARATION,
			BUYER_B,
			debtor(),
			CNY,
			FACE,
			DUE,
		));
		let call =
			|of: &[(u64, u128)]| Receivables::finance(RuntimeOrigin::signed(BANK_A), lines(of));
		assert_noop!(call(&[]), Error::<Test>::NoLines);
		assert_noop!(call(&[(1, 0)]), Error::<Test>::ZeroAmount);
		assert_noop!(call(&[(1, 10), (1, 10)]), Error::<Test>::DuplicateDocument);
		assert_noop!(call(&[(9, 10)]), Error::<Test>::DocumentNotFound);
		assert_noop!(call(&[(1, 10), (3, 10)]), Error::<Test>::CurrencyMismatch);
		assert_noop!(call(&[(1, 10), (4, 10)]), Error::<Test>::HolderMismatch);
	});
}

#[test]
fn a_document_in_default_cannot_be_financed() {
	build_and_execute(|| {
		fund_all();
		register(1);
		Now::set(DUE + GRACE);
		finance(BANK_A, &[(1, 10_000)]);
		Now::set(DUE + GRACE + 1);
		assert_noop!(
			Receivables::finance(RuntimeOrigin::signed(BANK_B), lines(&[(1, 10_000)])),
			Error::<Test>::DocumentInDefault
		);
	});
}

#[test]
fn only_a_verified_issuer_finances_and_not_its_own_documents() {
	build_and_execute(|| {
		fund_all();
		register(1);
		assert_noop!(
			Receivables::finance(RuntimeOrigin::signed(CUSTOMS), lines(&[(1, 10)])),
			Error::<Test>::NotLicensed
		);
		assert_ok!(Receivables::register_document(
			RuntimeOrigin::signed(CUSTOMS),
			doc(2),
			DECLARATION,
			BANK_A,
			debtor(),
			CNY,
			FACE,
			DUE,
		));
		assert_noop!(
			Receivables::finance(RuntimeOrigin::signed(BANK_A), lines(&[(2, 10)])),
			Error::<Test>::SelfFinancing
		);
		Profiles::mutate(|p| p.remove(&EXPORTER));
		assert_noop!(
			Receivables::finance(RuntimeOrigin::signed(BANK_A), lines(&[(1, 10)])),
			Error::<Test>::NotVerified
		);
		Profiles::mutate(|p| p.remove(&BANK_A));
		assert_noop!(
			Receivables::finance(RuntimeOrigin::signed(BANK_A), lines(&[(1, 10)])),
			Error::<Test>::NotVerified
		);
	});
}

#[test]
fn a_document_takes_at_most_max_endorsements() {
	build_and_execute(|| {
		fund_all();
		register(1);
		for _ in 0..fxchain_primitives::receivables::MAX_ENDORSEMENTS {
			finance(BANK_A, &[(1, 1)]);
		}
		assert_noop!(
			Receivables::finance(RuntimeOrigin::signed(BANK_B), lines(&[(1, 1)])),
			Error::<Test>::TooManyEndorsements
		);
	});
}
