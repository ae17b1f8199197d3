//! Payments between verified accounts, and supervisors' decisions on held operations.

use super::*;
use crate::{Decision, Documents, Error, Purpose, Reason, Reasons, Reserved, TravelRule};
use frame_support::{assert_noop, assert_ok};
use fxchain_primitives::kyc::{EntityType, Residency};
use sp_core::H256;
use sp_runtime::DispatchError;

fn pay(
	from: u64,
	to: u64,
	amount: u128,
	purpose: Purpose,
) -> frame_support::dispatch::DispatchResult {
	Forex::pay(RuntimeOrigin::signed(from), to, USD, amount, purpose, None, Documents::default())
}

fn travel_rule() -> TravelRule {
	TravelRule::Hashes { originator: H256::repeat_byte(1), beneficiary: H256::repeat_byte(2) }
}

#[test]
fn a_domestic_payment_executes_with_a_unique_reference() {
	build_and_execute(|| {
		assert_ok!(pay(ALICE, BOB, 250, Purpose::Domestic));
		let first = last_reference();
		assert_eq!(balance(USD, ALICE), OPENING - 250);
		assert_eq!(balance(USD, BOB), OPENING + 250);
		assert_eq!(
			last_event(),
			Event::Paid {
				reference: first,
				from: ALICE,
				to: BOB,
				currency: USD,
				amount: 250,
				purpose: Purpose::Domestic,
				cross_border: false,
				status: PaymentStatus::Executed,
			}
		);
		assert_ok!(pay(ALICE, BOB, 250, Purpose::Domestic));
		assert_ne!(last_reference(), first, "every payment has its own reference");
	});
}

#[test]
fn cross_border_follows_from_the_parties_credentials() {
	build_and_execute(|| {
		// Resident to non-resident.
		assert_ok!(Forex::pay(
			RuntimeOrigin::signed(ENTERPRISE),
			NON_RESIDENT,
			USD,
			250,
			Purpose::GoodsTrade,
			Some(travel_rule()),
			Documents { trade_document: Some(H256::repeat_byte(7)), tax_filing: None },
		));
		let record = last_record();
		assert!(record.cross_border);
		assert_eq!(record.travel_rule, Some(travel_rule()));
		assert_eq!(record.documents.trade_document, Some(H256::repeat_byte(7)));
		let (movement, _) = Told::get().pop().expect("supervision was told");
		assert!(movement.cross_border && movement.travel_rule);

		// Two residents in different jurisdictions.
		Profiles::mutate(|all| {
			all.insert(BOB, profile(12, EntityType::Individual, Residency::Resident, b"HK"))
		});
		assert_ok!(pay(ALICE, BOB, 10, Purpose::CurrentTransfer));
		assert!(last_record().cross_border);
	});
}

#[test]
fn a_cross_border_payment_needs_an_international_purpose() {
	build_and_execute(|| {
		assert_noop!(
			pay(ALICE, NON_RESIDENT, 10, Purpose::Domestic),
			Error::<Test>::PurposeRequired
		);
	});
}

#[test]
fn both_parties_must_be_verified() {
	build_and_execute(|| {
		assert_noop!(pay(ALICE, STRANGER, 10, Purpose::Domestic), Error::<Test>::NotVerified);
		// A credential that lapses stops its holder paying at once.
		Profiles::mutate(|all| all.remove(&ALICE));
		assert_noop!(pay(ALICE, BOB, 10, Purpose::Domestic), Error::<Test>::NotVerified);
	});
}

#[test]
fn a_payment_needs_funds_an_amount_a_currency_and_another_payee() {
	build_and_execute(|| {
		assert_noop!(
			pay(ALICE, BOB, OPENING + 1, Purpose::Domestic),
			Error::<Test>::InsufficientBalance
		);
		assert_noop!(pay(ALICE, BOB, 0, Purpose::Domestic), Error::<Test>::ZeroAmount);
		assert_noop!(pay(ALICE, ALICE, 10, Purpose::Domestic), Error::<Test>::SelfPayment);
		assert_noop!(
			Forex::pay(
				RuntimeOrigin::signed(ALICE),
				BOB,
				EUR,
				10,
				Purpose::Domestic,
				None,
				Documents::default()
			),
			Error::<Test>::CurrencyNotFound
		);
	});
}

#[test]
fn a_reported_payment_executes_and_supervision_records_the_reports() {
	build_and_execute(|| {
		let reasons = Reasons::of(&[Reason::LargeValueIndividualDomestic]);
		supervision_answers(ALICE, Decision::Report(reasons));
		assert_ok!(pay(ALICE, BOB, 250, Purpose::Domestic));
		assert_eq!(balance(USD, BOB), OPENING + 250);
		assert_eq!(last_record().reasons, reasons);
		assert!(forex_events().contains(&Event::Reported { reference: last_reference(), reasons }));
		let (_, outcome) = Told::get().pop().expect("supervision was told");
		assert_eq!(outcome, Outcome::Executed);
	});
}

#[test]
fn a_held_payment_keeps_its_funds_reserved_until_released() {
	build_and_execute(|| {
		supervision_answers(
			ENTERPRISE,
			Decision::Hold(Reasons::of(&[Reason::PriorReviewRequired])),
		);
		assert_ok!(pay(ENTERPRISE, BOB, 400, Purpose::Domestic));
		let reference = last_reference();
		assert_eq!(last_status(), PaymentStatus::Held);
		assert_eq!(balance(USD, ENTERPRISE), OPENING - 400);
		assert_eq!(balance(USD, BOB), OPENING);
		assert_eq!(Reserved::<Test>::get(ENTERPRISE, USD), 400);
		assert_eq!(outcomes(), vec![Outcome::Held]);

		assert_noop!(
			Forex::release(RuntimeOrigin::signed(ALICE), reference),
			DispatchError::BadOrigin
		);
		assert_ok!(Forex::release(RuntimeOrigin::signed(SUPERVISOR), reference));
		assert_eq!(balance(USD, BOB), OPENING + 400);
		assert_eq!(Reserved::<Test>::get(ENTERPRISE, USD), 0);
		assert_eq!(last_status(), PaymentStatus::Released);
		assert_eq!(last_event(), Event::HoldReleased { reference });
		assert_eq!(outcomes(), vec![Outcome::Held, Outcome::Released]);
		assert_noop!(
			Forex::release(RuntimeOrigin::signed(SUPERVISOR), reference),
			Error::<Test>::NotHeld
		);
	});
}

#[test]
fn a_rejected_payment_returns_its_funds() {
	build_and_execute(|| {
		supervision_answers(
			ENTERPRISE,
			Decision::Hold(Reasons::of(&[Reason::PriorReviewRequired])),
		);
		assert_ok!(pay(ENTERPRISE, BOB, 400, Purpose::Domestic));
		let reference = last_reference();
		assert_noop!(
			Forex::reject(RuntimeOrigin::signed(BOB), reference),
			DispatchError::BadOrigin
		);
		assert_ok!(Forex::reject(RuntimeOrigin::signed(SUPERVISOR), reference));
		assert_eq!(balance(USD, ENTERPRISE), OPENING);
		assert_eq!(balance(USD, BOB), OPENING);
		assert_eq!(last_status(), PaymentStatus::Rejected);
		assert_eq!(last_event(), Event::HoldRejected { reference });
		assert_eq!(outcomes(), vec![Outcome::Held, Outcome::Returned], "supervision gives back");
		assert_noop!(
			Forex::reject(RuntimeOrigin::signed(SUPERVISOR), reference),
			Error::<Test>::NotHeld
		);
	});
}

#[test]
fn unknown_references_cannot_be_decided() {
	build_and_execute(|| {
		assert_noop!(
			Forex::release(RuntimeOrigin::signed(SUPERVISOR), H256::repeat_byte(9)),
			Error::<Test>::PaymentNotFound
		);
	});
}

#[test]
fn a_denied_payment_moves_nothing_and_lists_every_reason() {
	build_and_execute(|| {
		let reasons = Reasons::of(&[Reason::WatchListed, Reason::TravelRuleDataRequired]);
		supervision_answers(ALICE, Decision::Deny(reasons));
		assert_ok!(pay(ALICE, NON_RESIDENT, 250, Purpose::CurrentTransfer));
		assert_eq!(balance(USD, ALICE), OPENING);
		assert_eq!(balance(USD, NON_RESIDENT), OPENING);
		assert_eq!(last_status(), PaymentStatus::Denied);
		assert_eq!(
			last_record().reasons.to_vec(),
			vec![Reason::WatchListed, Reason::TravelRuleDataRequired]
		);
		assert!(forex_events().contains(&Event::Denied { reference: last_reference(), reasons }));
		assert!(matches!(last_event(), Event::Paid { status: PaymentStatus::Denied, .. }));
	});
}

#[test]
fn a_payee_whose_credential_lapsed_during_review_is_not_paid() {
	build_and_execute(|| {
		supervision_answers(
			ENTERPRISE,
			Decision::Hold(Reasons::of(&[Reason::PriorReviewRequired])),
		);
		assert_ok!(pay(ENTERPRISE, BOB, 400, Purpose::Domestic));
		let reference = last_reference();
		Profiles::mutate(|all| all.remove(&BOB));
		assert_noop!(
			Forex::release(RuntimeOrigin::signed(SUPERVISOR), reference),
			Error::<Test>::NotVerified
		);
		assert_ok!(Forex::reject(RuntimeOrigin::signed(SUPERVISOR), reference));
		assert_eq!(balance(USD, ENTERPRISE), OPENING);
	});
}
