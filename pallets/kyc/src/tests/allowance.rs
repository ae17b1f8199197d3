use super::last_event;
use crate::{mock::*, Error, Event, OnboardingAllowance};
use frame_support::{assert_noop, assert_ok};
use frame_system::RawOrigin;
use sp_runtime::DispatchError;

#[test]
fn a_new_account_gets_the_allowance_from_its_registrar() {
	build_and_execute(|| {
		assert_eq!(Balances::free_balance(ALICE), 0);
		assert_ok!(Kyc::attest(RuntimeOrigin::signed(REGISTRAR), ALICE, individual(1), EXPIRY));
		assert_eq!(Balances::free_balance(ALICE), ALLOWANCE);
		assert_eq!(Balances::free_balance(REGISTRAR), REGISTRAR_FUNDS - ALLOWANCE);
		assert_eq!(
			last_event(),
			Event::AllowanceGranted { who: ALICE, registrar: REGISTRAR, amount: ALLOWANCE }
		);
	});
}

#[test]
fn the_allowance_only_tops_up() {
	build_and_execute(|| {
		assert_ok!(Balances::force_set_balance(RawOrigin::Root.into(), ALICE, 4));
		assert_ok!(Balances::force_set_balance(RawOrigin::Root.into(), BOB, 50));
		assert_ok!(Kyc::attest(RuntimeOrigin::signed(REGISTRAR), ALICE, individual(1), EXPIRY));
		assert_ok!(Kyc::attest(RuntimeOrigin::signed(REGISTRAR), BOB, individual(2), EXPIRY));
		assert_eq!(Balances::free_balance(ALICE), ALLOWANCE);
		assert_eq!(Balances::free_balance(BOB), 50);
		assert_eq!(Balances::free_balance(REGISTRAR), REGISTRAR_FUNDS - (ALLOWANCE - 4));
		assert!(matches!(last_event(), Event::Attested { who: BOB, .. }));
	});
}

#[test]
fn a_registrar_that_cannot_pay_the_allowance_cannot_attest() {
	build_and_execute(|| {
		// The registrar must keep the existential deposit after paying.
		let short = ALLOWANCE + EXISTENTIAL_DEPOSIT - 1;
		assert_ok!(Balances::force_set_balance(RawOrigin::Root.into(), REGISTRAR, short));
		assert_noop!(
			Kyc::attest(RuntimeOrigin::signed(REGISTRAR), ALICE, individual(1), EXPIRY),
			Error::<Test>::AllowanceUnfunded
		);
	});
}

#[test]
fn governance_sets_the_allowance_with_old_and_new_in_the_event() {
	build_and_execute(|| {
		assert_ok!(Kyc::set_onboarding_allowance(RawOrigin::Root.into(), 25));
		assert_eq!(OnboardingAllowance::<Test>::get(), 25);
		assert_eq!(last_event(), Event::OnboardingAllowanceSet { old: ALLOWANCE, new: 25 });
		assert_ok!(Kyc::attest(RuntimeOrigin::signed(REGISTRAR), ALICE, individual(1), EXPIRY));
		assert_eq!(Balances::free_balance(ALICE), 25);
		// Zero switches allowances off.
		assert_ok!(Kyc::set_onboarding_allowance(RawOrigin::Root.into(), 0));
		assert_ok!(Kyc::attest(RuntimeOrigin::signed(REGISTRAR), BOB, individual(2), EXPIRY));
		assert_eq!(Balances::free_balance(BOB), 0);
	});
}

#[test]
fn the_allowance_is_zero_or_at_least_the_existential_deposit() {
	build_and_execute(|| {
		assert_noop!(
			Kyc::set_onboarding_allowance(RawOrigin::Root.into(), EXISTENTIAL_DEPOSIT - 1),
			Error::<Test>::AllowanceBelowMinimum
		);
		assert_ok!(Kyc::set_onboarding_allowance(RawOrigin::Root.into(), EXISTENTIAL_DEPOSIT));
		assert_noop!(
			Kyc::set_onboarding_allowance(RuntimeOrigin::signed(REGISTRAR), 5),
			DispatchError::BadOrigin
		);
	});
}
