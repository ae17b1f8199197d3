//! Deposits (issuers mint against fiat) and withdrawals (reserved, then burnt or returned).

use super::{currencies::H, *};
use crate::{Decision, Error, Issued, MovementKind, Reason, Reasons, Reserved};
use frame_support::{assert_noop, assert_ok};
use fxchain_primitives::kyc::Role;
use sp_runtime::DispatchError;

fn supply(currency: u32) -> u128 {
	Assets::total_issuance(currency)
}

#[test]
fn an_issuer_credits_a_verified_account_with_its_bank_reference() {
	build_and_execute(|| {
		let before = supply(USD);
		assert_ok!(Forex::deposit(RuntimeOrigin::signed(BANK), USD, ALICE, 500, H));
		assert_eq!(balance(USD, ALICE), OPENING + 500);
		assert_eq!(supply(USD), before + 500);
		assert_eq!(Issued::<Test>::get(USD), before + 500);
		let record = last_record();
		assert_eq!(record.kind, MovementKind::Deposit);
		assert_eq!(record.status, PaymentStatus::Executed);
		assert_eq!(record.issuer, Some(BANK));
		assert_eq!(record.bank_reference, Some(H));
		assert_eq!(
			last_event(),
			Event::Deposited {
				reference: last_reference(),
				issuer: BANK,
				to: ALICE,
				currency: USD,
				amount: 500,
				bank_reference: H,
				status: PaymentStatus::Executed,
			}
		);
		let (movement, _) = Told::get().pop().expect("supervision was told");
		assert_eq!((movement.from, movement.to, movement.amount), (None, Some(ALICE), 500));
	});
}

#[test]
fn only_a_named_licensed_issuer_deposits() {
	build_and_execute(|| {
		assert_noop!(
			Forex::deposit(RuntimeOrigin::signed(OTHER_BANK), USD, ALICE, 500, H),
			Error::<Test>::NotIssuer
		);
		// Named, but its licence is suspended.
		Licensed::mutate(|all| all.retain(|licence| *licence != (BANK, Role::Issuer)));
		assert_noop!(
			Forex::deposit(RuntimeOrigin::signed(BANK), USD, ALICE, 500, H),
			Error::<Test>::NotIssuer
		);
		assert_noop!(
			Forex::deposit(RuntimeOrigin::none(), USD, ALICE, 500, H),
			DispatchError::BadOrigin
		);
		// Licensed again, but its own credential lapsed.
		Licensed::mutate(|all| all.push((BANK, Role::Issuer)));
		Profiles::mutate(|all| all.remove(&BANK));
		assert_noop!(
			Forex::deposit(RuntimeOrigin::signed(BANK), USD, ALICE, 500, H),
			Error::<Test>::NotIssuer
		);
	});
}

#[test]
fn a_deposit_needs_a_registered_currency_a_verified_payee_and_an_amount() {
	build_and_execute(|| {
		let bank = RuntimeOrigin::signed(BANK);
		assert_noop!(
			Forex::deposit(bank.clone(), EUR, ALICE, 500, H),
			Error::<Test>::CurrencyNotFound
		);
		assert_noop!(
			Forex::deposit(bank.clone(), USD, STRANGER, 500, H),
			Error::<Test>::NotVerified
		);
		assert_noop!(Forex::deposit(bank, USD, ALICE, 0, H), Error::<Test>::ZeroAmount);
	});
}

#[test]
fn a_held_deposit_waits_in_escrow_and_is_credited_on_release() {
	build_and_execute(|| {
		let reasons = Reasons::of(&[Reason::LargeValueCash, Reason::PriorReviewRequired]);
		supervision_answers(ALICE, Decision::Hold(reasons));
		assert_ok!(Forex::deposit(RuntimeOrigin::signed(BANK), USD, ALICE, 700, H));
		let reference = last_reference();
		assert_eq!(last_status(), PaymentStatus::Held);
		assert_eq!(balance(USD, ALICE), OPENING);
		assert_eq!(balance(USD, Forex::escrow_account()), 700);
		assert_eq!(Reserved::<Test>::get(ALICE, USD), 700);
		assert!(forex_events().contains(&Event::Held { reference, reasons }));

		assert_ok!(Forex::release(RuntimeOrigin::signed(SUPERVISOR), reference));
		assert_eq!(balance(USD, ALICE), OPENING + 700);
		assert_eq!(Reserved::<Test>::get(ALICE, USD), 0);
		assert_eq!(last_status(), PaymentStatus::Released);
	});
}

#[test]
fn a_rejected_deposit_is_burnt_and_never_credited() {
	build_and_execute(|| {
		let before = supply(USD);
		supervision_answers(ALICE, Decision::Hold(Reasons::of(&[Reason::PriorReviewRequired])));
		assert_ok!(Forex::deposit(RuntimeOrigin::signed(BANK), USD, ALICE, 700, H));
		assert_ok!(Forex::reject(RuntimeOrigin::signed(SUPERVISOR), last_reference()));
		assert_eq!(balance(USD, ALICE), OPENING);
		assert_eq!(supply(USD), before);
		assert_eq!(last_status(), PaymentStatus::Rejected);
	});
}

#[test]
fn a_denied_deposit_mints_nothing_and_is_recorded_with_every_reason() {
	build_and_execute(|| {
		let before = supply(USD);
		let reasons = Reasons::of(&[Reason::AccountFrozen, Reason::LargeValueCash]);
		supervision_answers(ALICE, Decision::Deny(reasons));
		assert_ok!(Forex::deposit(RuntimeOrigin::signed(BANK), USD, ALICE, 700, H));
		assert_eq!(supply(USD), before);
		assert_eq!(last_record().status, PaymentStatus::Denied);
		assert_eq!(last_record().reasons, reasons);
		assert!(forex_events().contains(&Event::Denied { reference: last_reference(), reasons }));
		assert!(outcomes().is_empty(), "a denial is not acted on");
	});
}

#[test]
fn a_withdrawal_reserves_the_funds_and_the_issuer_burns_them() {
	build_and_execute(|| {
		let before = supply(USD);
		assert_ok!(Forex::request_withdrawal(RuntimeOrigin::signed(ALICE), USD, 300, BANK));
		let reference = last_reference();
		assert_eq!(last_status(), PaymentStatus::Pending);
		assert_eq!(balance(USD, ALICE), OPENING - 300);
		assert_eq!(Reserved::<Test>::get(ALICE, USD), 300);
		assert_eq!(outcomes(), vec![Outcome::Executed], "counted when it goes to the issuer");

		assert_noop!(
			Forex::complete_withdrawal(RuntimeOrigin::signed(OTHER_BANK), reference, H),
			Error::<Test>::NotIssuer
		);
		assert_ok!(Forex::complete_withdrawal(RuntimeOrigin::signed(BANK), reference, H));
		assert_eq!(supply(USD), before - 300);
		assert_eq!(Reserved::<Test>::get(ALICE, USD), 0);
		assert_eq!(last_status(), PaymentStatus::Executed);
		assert_eq!(last_record().bank_reference, Some(H));
		assert_eq!(
			last_event(),
			Event::WithdrawalCompleted { reference, issuer: BANK, bank_reference: H }
		);
		assert_eq!(outcomes(), vec![Outcome::Executed], "completion is not counted again");
		assert_noop!(
			Forex::complete_withdrawal(RuntimeOrigin::signed(BANK), reference, H),
			Error::<Test>::NotPending
		);
	});
}

#[test]
fn a_declined_withdrawal_returns_the_funds() {
	build_and_execute(|| {
		assert_ok!(Forex::request_withdrawal(RuntimeOrigin::signed(ALICE), USD, 300, BANK));
		let reference = last_reference();
		assert_ok!(Forex::decline_withdrawal(RuntimeOrigin::signed(BANK), reference));
		assert_eq!(balance(USD, ALICE), OPENING);
		assert_eq!(last_status(), PaymentStatus::Returned);
		assert_eq!(last_event(), Event::WithdrawalDeclined { reference, issuer: BANK });
		assert_noop!(
			Forex::decline_withdrawal(RuntimeOrigin::signed(BANK), reference),
			Error::<Test>::NotPending
		);
	});
}

#[test]
fn a_withdrawal_needs_a_named_issuer_a_verified_holder_and_the_funds() {
	build_and_execute(|| {
		assert_noop!(
			Forex::request_withdrawal(RuntimeOrigin::signed(ALICE), USD, 300, OTHER_BANK),
			Error::<Test>::NotIssuer
		);
		assert_noop!(
			Forex::request_withdrawal(RuntimeOrigin::signed(STRANGER), USD, 300, BANK),
			Error::<Test>::NotVerified
		);
		assert_noop!(
			Forex::request_withdrawal(RuntimeOrigin::signed(ALICE), USD, OPENING + 1, BANK),
			Error::<Test>::InsufficientBalance
		);
		assert_noop!(
			Forex::request_withdrawal(RuntimeOrigin::signed(ALICE), USD, 0, BANK),
			Error::<Test>::ZeroAmount
		);
	});
}

#[test]
fn a_held_withdrawal_goes_to_its_issuer_when_released() {
	build_and_execute(|| {
		supervision_answers(ALICE, Decision::Hold(Reasons::of(&[Reason::Structuring])));
		assert_ok!(Forex::request_withdrawal(RuntimeOrigin::signed(ALICE), USD, 300, BANK));
		let reference = last_reference();
		assert_noop!(
			Forex::complete_withdrawal(RuntimeOrigin::signed(BANK), reference, H),
			Error::<Test>::NotPending
		);
		assert_ok!(Forex::release(RuntimeOrigin::signed(SUPERVISOR), reference));
		assert_eq!(last_status(), PaymentStatus::Pending);
		assert_eq!(Reserved::<Test>::get(ALICE, USD), 300);
		assert_ok!(Forex::complete_withdrawal(RuntimeOrigin::signed(BANK), reference, H));
		assert_eq!(balance(USD, ALICE), OPENING - 300);
		assert_eq!(outcomes(), vec![Outcome::Held, Outcome::Released]);
	});
}

#[test]
fn a_supervisor_returns_a_withdrawal_its_issuer_can_no_longer_complete() {
	build_and_execute(|| {
		assert_ok!(Forex::request_withdrawal(RuntimeOrigin::signed(ALICE), USD, 300, BANK));
		let reference = last_reference();
		Licensed::mutate(|all| all.retain(|licence| *licence != (BANK, Role::Issuer)));
		assert_noop!(
			Forex::complete_withdrawal(RuntimeOrigin::signed(BANK), reference, H),
			Error::<Test>::NotIssuer
		);
		// A pending withdrawal cannot be released (it is not held), but it can be returned.
		assert_noop!(
			Forex::release(RuntimeOrigin::signed(SUPERVISOR), reference),
			Error::<Test>::NotHeld
		);
		assert_ok!(Forex::reject(RuntimeOrigin::signed(SUPERVISOR), reference));
		assert_eq!(balance(USD, ALICE), OPENING);
		assert_eq!(last_status(), PaymentStatus::Rejected);
		assert!(!Reserved::<Test>::contains_key(ALICE, USD), "no empty reservation is left");
	});
}

#[test]
fn withdrawals_go_only_to_licensed_issuers() {
	build_and_execute(|| {
		Licensed::mutate(|all| all.retain(|licence| *licence != (BANK, Role::Issuer)));
		assert_noop!(
			Forex::request_withdrawal(RuntimeOrigin::signed(ALICE), USD, 300, BANK),
			Error::<Test>::NotIssuer
		);
	});
}

#[test]
fn issuance_stops_at_half_the_range_so_no_transfer_loses_its_amount() {
	build_and_execute(|| {
		// pallet-assets credits a transfer's payee only while supply + amount fits in a u128,
		// after debiting the payer: a currency issued up to the full range lost transfers.
		let room = crate::MAX_ISSUANCE - supply(USD);
		assert_noop!(
			Forex::deposit(RuntimeOrigin::signed(BANK), USD, ALICE, room + 1, H),
			Error::<Test>::Overflow
		);
		assert_ok!(Forex::deposit(RuntimeOrigin::signed(BANK), USD, ALICE, room, H));
		assert_eq!(supply(USD), crate::MAX_ISSUANCE);
		let all = balance(USD, ALICE);
		assert_ok!(Forex::request_withdrawal(RuntimeOrigin::signed(ALICE), USD, all, BANK));
		assert_eq!(balance(USD, Forex::escrow_account()), all);
		assert_ok!(Forex::decline_withdrawal(RuntimeOrigin::signed(BANK), last_reference()));
		assert_eq!(balance(USD, ALICE), all);
	});
}

#[test]
fn the_invariant_check_catches_issuance_past_the_cap() {
	new_test_ext().execute_with(|| {
		assert_eq!(crate::Pallet::<Test>::do_try_state(), Ok(()));
		// Minted past the pallet's back, as a bug elsewhere could.
		let past = crate::MAX_ISSUANCE - supply(USD) + 1;
		assert_ok!(<Assets as frame_support::traits::fungibles::Mutate<u64>>::mint_into(
			USD, &ALICE, past
		));
		Issued::<Test>::mutate(USD, |issued| *issued += past);
		assert_eq!(
			crate::Pallet::<Test>::do_try_state(),
			Err("issuance passed MAX_ISSUANCE, where a transfer may lose its amount".into())
		);
	});
}
