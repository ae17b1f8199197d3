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

#[test]
fn a_cross_border_ledger_transfer_names_its_parties_for_the_travel_rule() {
	build_and_execute(|| {
		assert_ok!(Forex::transfer(&ALICE, &NON_RESIDENT, USD, 100, Purpose::ServicesTrade));
		let (movement, _) = Told::get().pop().expect("supervision was told");
		assert!(movement.cross_border && movement.travel_rule);
		let record = Records::<Test>::get(last_reference()).expect("retained");
		let person = |who| <MockKyc as fxchain_primitives::kyc::KycProvider<u64>>::person_of(&who);
		assert_eq!(
			record.travel_rule,
			Some(crate::TravelRule::Hashes {
				originator: person(ALICE).unwrap(),
				beneficiary: person(NON_RESIDENT).unwrap(),
			})
		);
		// A domestic transfer carries none.
		assert_ok!(Forex::transfer(&ALICE, &BOB, USD, 100, Purpose::Domestic));
		let record = Records::<Test>::get(last_reference()).expect("retained");
		assert_eq!(record.travel_rule, None);
	});
}

#[test]
fn a_reservation_for_another_pallet_sits_in_escrow_until_given_back() {
	build_and_execute(|| {
		assert_ok!(<Forex as ForexLedger<u64>>::reserve(&ALICE, USD, 300));
		assert_eq!(balance(USD, ALICE), OPENING - 300);
		assert_eq!(balance(USD, Forex::escrow_account()), 300);
		assert_eq!(<Forex as ForexLedger<u64>>::reserved(&ALICE, USD), 300);
		let holding = Forex::holdings(&ALICE).into_iter().find(|h| h.currency == USD).unwrap();
		assert_eq!((holding.free, holding.reserved), (OPENING - 300, 300));
		assert_ok!(<Forex as ForexLedger<u64>>::unreserve(&ALICE, USD, 100));
		assert_eq!(balance(USD, ALICE), OPENING - 200);
		assert_eq!(<Forex as ForexLedger<u64>>::reserved(&ALICE, USD), 200);
	});
}

#[test]
fn a_reservation_cannot_exceed_the_balance_nor_be_given_back_twice() {
	build_and_execute(|| {
		assert_noop!(
			<Forex as ForexLedger<u64>>::reserve(&ALICE, USD, OPENING + 1),
			Error::<Test>::InsufficientBalance
		);
		assert_noop!(
			<Forex as ForexLedger<u64>>::reserve(&ALICE, 978, 1),
			Error::<Test>::CurrencyNotFound
		);
		assert_ok!(<Forex as ForexLedger<u64>>::reserve(&ALICE, USD, 300));
		assert_noop!(
			<Forex as ForexLedger<u64>>::unreserve(&ALICE, USD, 301),
			Error::<Test>::InsufficientReserve
		);
		assert_noop!(
			<Forex as ForexLedger<u64>>::unreserve(&BOB, USD, 1),
			Error::<Test>::InsufficientReserve
		);
	});
}

#[test]
fn the_observer_learns_how_a_held_ledger_transfer_concluded() {
	build_and_execute(|| {
		supervision_answers(ALICE, Decision::Hold(Reasons::of(&[Reason::PriorReviewRequired])));
		let Ok(LedgerOutcome::Held(released)) =
			Forex::transfer(&ALICE, &BOB, USD, 100, Purpose::Domestic)
		else {
			panic!("held")
		};
		let Ok(LedgerOutcome::Held(rejected)) =
			Forex::transfer(&ALICE, &BOB, USD, 50, Purpose::Domestic)
		else {
			panic!("held")
		};
		assert!(Concluded::get().is_empty());
		assert_ok!(Forex::release(RuntimeOrigin::signed(SUPERVISOR), released));
		assert_ok!(Forex::reject(RuntimeOrigin::signed(SUPERVISOR), rejected));
		assert_eq!(Concluded::get(), vec![(released, true), (rejected, false)]);
		assert_eq!(balance(USD, BOB), OPENING + 100);
		assert_eq!(balance(USD, ALICE), OPENING - 100);
	});
}

#[test]
fn the_observer_hears_nothing_of_a_users_own_payments() {
	build_and_execute(|| {
		supervision_answers(ALICE, Decision::Hold(Reasons::of(&[Reason::PriorReviewRequired])));
		assert_ok!(Forex::pay(
			RuntimeOrigin::signed(ALICE),
			BOB,
			USD,
			100,
			Purpose::Domestic,
			None,
			crate::Documents::default()
		));
		assert_ok!(Forex::reject(RuntimeOrigin::signed(SUPERVISOR), last_reference()));
		assert!(Concluded::get().is_empty());
	});
}
