//! `ForexLedger`: how other pallets move money, under the same supervision.

use super::*;
use crate::{Decision, Error, ForexLedger, LedgerOutcome, MovementKind, Purpose, Reason, Reasons};
use frame_support::{assert_noop, assert_ok};

#[test]
fn a_ledger_transfer_is_supervised_like_a_payment() {
	build_and_execute(|| {
		let outcome = Forex::transfer(&ALICE, &BOB, USD, 100, Purpose::Domestic);
		assert_eq!(outcome, Ok(LedgerOutcome::Executed(last_reference())));
		assert_eq!(balance(USD, BOB), OPENING + 100);
		let (movement, _) = Told::get().pop().expect("supervision was told");
		assert_eq!(movement.kind, MovementKind::Ledger);
		assert_eq!(<Forex as ForexLedger<u64>>::balance(&BOB, USD), OPENING + 100);
	});
}

#[test]
fn a_held_ledger_transfer_reports_the_hold() {
	build_and_execute(|| {
		supervision_answers(ALICE, Decision::Hold(Reasons::of(&[Reason::PriorReviewRequired])));
		let outcome = Forex::transfer(&ALICE, &BOB, USD, 100, Purpose::Domestic);
		assert_eq!(outcome, Ok(LedgerOutcome::Held(last_reference())));
		assert_eq!(balance(USD, BOB), OPENING);
	});
}

#[test]
fn a_denied_ledger_transfer_is_an_error() {
	build_and_execute(|| {
		supervision_answers(ALICE, Decision::Deny(Reasons::of(&[Reason::AccountFrozen])));
		assert_noop!(
			Forex::transfer(&ALICE, &BOB, USD, 100, Purpose::Domestic),
			Error::<Test>::Denied
		);
	});
}

#[test]
fn a_ledger_transfer_checks_identity_and_funds() {
	build_and_execute(|| {
		assert_noop!(
			Forex::transfer(&ALICE, &STRANGER, USD, 100, Purpose::Domestic),
			Error::<Test>::NotVerified
		);
		assert_noop!(
			Forex::transfer(&ALICE, &BOB, USD, OPENING + 1, Purpose::Domestic),
			Error::<Test>::InsufficientBalance
		);
		assert_ok!(Forex::transfer(&ALICE, &BOB, USD, OPENING, Purpose::Domestic));
	});
}

#[test]
fn a_cross_border_ledger_transfer_needs_an_international_purpose() {
	build_and_execute(|| {
		assert_noop!(
			Forex::transfer(&ALICE, &NON_RESIDENT, USD, 100, Purpose::Domestic),
			Error::<Test>::PurposeRequired
		);
		assert_ok!(Forex::transfer(&ALICE, &NON_RESIDENT, USD, 100, Purpose::ServicesTrade));
	});
}
