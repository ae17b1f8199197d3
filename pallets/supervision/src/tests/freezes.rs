//! Freezes of accounts and currencies and the chain-wide pause: supervisors impose them at
//! once, only governance lifts them.

use super::*;

#[test]
fn a_supervisor_freezes_an_account_and_nothing_moves_from_or_to_it() {
	build_and_execute(|| {
		assert_ok!(Supervision::freeze_account(supervisor(), ALICE, case(1)));
		assert_eq!(
			FrozenAccounts::<Test>::get(ALICE),
			Some(Freeze { since: START, case: case(1) })
		);
		assert_eq!(events(), vec![Event::AccountFrozen { who: ALICE, case: case(1) }]);

		let frozen = deny(&[Reason::AccountFrozen]);
		assert_eq!(check(&payment(ALICE, BOB, CNY, 1)), frozen);
		assert_eq!(check(&payment(BOB, ALICE, CNY, 1)), frozen);
		assert_eq!(check(&deposit(ALICE, USD, 1)), frozen);
		assert_eq!(check(&withdrawal(ALICE, USD, 1)), frozen);
		// The freeze is the account's, not the person's.
		assert_eq!(check(&payment(ALICE_2, BOB, CNY, 1)), Decision::Allow);
	});
}

#[test]
fn an_account_is_frozen_once() {
	build_and_execute(|| {
		assert_ok!(Supervision::freeze_account(supervisor(), ALICE, case(1)));
		assert_noop!(
			Supervision::freeze_account(supervisor(), ALICE, case(2)),
			Error::<Test>::AlreadyFrozen
		);
	});
}

#[test]
fn only_supervisors_freeze() {
	build_and_execute(|| {
		for origin in [root(), RuntimeOrigin::signed(ALICE), RuntimeOrigin::none()] {
			assert_noop!(
				Supervision::freeze_account(origin.clone(), BOB, case(1)),
				DispatchError::BadOrigin
			);
			assert_noop!(
				Supervision::freeze_currency(origin.clone(), HKD, case(1)),
				DispatchError::BadOrigin
			);
			assert_noop!(Supervision::pause_payments(origin, case(1)), DispatchError::BadOrigin);
		}
	});
}

#[test]
fn only_governance_unfreezes_an_account() {
	build_and_execute(|| {
		assert_ok!(Supervision::freeze_account(supervisor(), ALICE, case(1)));
		assert_noop!(Supervision::unfreeze_account(supervisor(), ALICE), DispatchError::BadOrigin);
		assert_ok!(Supervision::unfreeze_account(root(), ALICE));
		assert!(!FrozenAccounts::<Test>::contains_key(ALICE));
		assert_eq!(events().last(), Some(&Event::AccountUnfrozen { who: ALICE }));
		assert_eq!(check(&payment(ALICE, BOB, CNY, 1)), Decision::Allow);
		assert_noop!(Supervision::unfreeze_account(root(), ALICE), Error::<Test>::NotFrozen);
	});
}

#[test]
fn a_frozen_currency_does_not_move() {
	build_and_execute(|| {
		assert_ok!(Supervision::freeze_currency(supervisor(), HKD, case(2)));
		assert_eq!(
			FrozenCurrencies::<Test>::get(HKD),
			Some(Freeze { since: START, case: case(2) })
		);
		assert_eq!(events(), vec![Event::CurrencyFrozen { currency: HKD, case: case(2) }]);
		assert_eq!(check(&payment(ALICE, BOB, HKD, 100)), deny(&[Reason::CurrencyFrozen]));
		assert_eq!(check(&purchase(ALICE, HKD, 100)), deny(&[Reason::CurrencyFrozen]));
		assert_eq!(check(&payment(ALICE, BOB, USD, 100)), Decision::Allow);
		assert_noop!(
			Supervision::freeze_currency(supervisor(), HKD, case(3)),
			Error::<Test>::AlreadyFrozen
		);

		assert_noop!(Supervision::unfreeze_currency(supervisor(), HKD), DispatchError::BadOrigin);
		assert_ok!(Supervision::unfreeze_currency(root(), HKD));
		assert!(!FrozenCurrencies::<Test>::contains_key(HKD));
		assert_eq!(events().last(), Some(&Event::CurrencyUnfrozen { currency: HKD }));
		assert_eq!(check(&payment(ALICE, BOB, HKD, 100)), Decision::Allow);
		assert_noop!(Supervision::unfreeze_currency(root(), HKD), Error::<Test>::NotFrozen);
	});
}

#[test]
fn the_pause_stops_every_movement_until_governance_resumes() {
	build_and_execute(|| {
		assert_ok!(Supervision::pause_payments(supervisor(), case(3)));
		assert_eq!(Paused::<Test>::get(), Some(Freeze { since: START, case: case(3) }));
		assert_eq!(events(), vec![Event::PaymentsPaused { case: case(3) }]);
		let paused = deny(&[Reason::PaymentsPaused]);
		assert_eq!(check(&payment(ALICE, BOB, CNY, 1)), paused);
		assert_eq!(check(&deposit(ENTERPRISE_A, USD, 1)), paused);
		assert_eq!(check(&purchase(BOB, USD, 1)), paused);
		assert_noop!(
			Supervision::pause_payments(supervisor(), case(4)),
			Error::<Test>::AlreadyFrozen
		);

		assert_noop!(Supervision::resume_payments(supervisor()), DispatchError::BadOrigin);
		assert_ok!(Supervision::resume_payments(root()));
		assert_eq!(Paused::<Test>::get(), None);
		assert_eq!(events().last(), Some(&Event::PaymentsResumed));
		assert_eq!(check(&payment(ALICE, BOB, CNY, 1)), Decision::Allow);
		assert_noop!(Supervision::resume_payments(root()), Error::<Test>::NotFrozen);
	});
}

#[test]
fn a_denial_lists_every_reason_that_applies() {
	build_and_execute(|| {
		assert_ok!(Supervision::freeze_account(supervisor(), ALICE, case(1)));
		assert_ok!(Supervision::freeze_currency(supervisor(), EUR, case(2)));
		assert_ok!(Supervision::pause_payments(supervisor(), case(3)));
		assert_eq!(
			check(&payment(ALICE, STRANGER, EUR, 1)),
			deny(&[
				Reason::IdentityNotLive,
				Reason::AccountFrozen,
				Reason::CurrencyFrozen,
				Reason::PaymentsPaused,
				Reason::RateUnavailable,
			])
		);
	});
}

#[test]
fn a_denial_also_lists_the_holds_and_reports_it_overrides() {
	build_and_execute(|| {
		// A class-C enterprise's remittance without travel-rule data, at the entity threshold.
		let m = payment(ENTERPRISE_C, FOREIGN_ENTERPRISE, USD, usd(200_000));
		assert_eq!(
			check(&m),
			deny(&[
				Reason::PriorReviewRequired,
				Reason::TravelRuleDataRequired,
				Reason::LargeValueEntity,
			])
		);
		// A watch-listed individual over the purchase quota and over the threshold.
		assert_ok!(Supervision::watch_list(supervisor(), person(ALICE), case(4)));
		let mut m = remittance(ALICE, FOREIGN_ENTERPRISE, USD, usd(60_000));
		m.kind = MovementKind::Conversion;
		m.counter_currency = Some(CNY);
		m.purpose = Purpose::ServicesTrade;
		assert_eq!(
			check(&m),
			deny(&[
				Reason::WatchListed,
				Reason::TaxFilingRequired,
				Reason::LargeValueIndividualCrossBorder,
			])
		);
		// Off the list the quota applies instead.
		assert_ok!(Supervision::remove_from_watch_list(root(), person(ALICE)));
		assert_eq!(
			check(&m),
			deny(&[
				Reason::SettlementQuotaExceeded,
				Reason::TaxFilingRequired,
				Reason::LargeValueIndividualCrossBorder,
			])
		);
	});
}
