//! Reference rates: who sets them, when they go stale, and what a payment needs.

use super::*;

fn rate(currency: CurrencyId) -> Option<ReferenceRate> {
	Rates::<Test>::get(currency)
}

#[test]
fn the_first_block_stamps_the_genesis_rates_with_its_time() {
	build_and_execute(|| {
		assert_eq!(rate(HKD), Some(ReferenceRate { rate: hkd_rate(), set_at: START }));
		assert_eq!(rate(EUR), None);
		assert_eq!(Rates::<Test>::count(), 1);
		// Later blocks change nothing.
		Now::set(START + DAY);
		<Supervision as Hooks<u64>>::on_finalize(2);
		assert_eq!(rate(HKD).unwrap().set_at, START);
	});
}

#[test]
fn a_currency_without_a_rate_is_denied() {
	build_and_execute(|| {
		assert_eq!(check(&payment(ALICE, BOB, EUR, 1)), deny(&[Reason::RateUnavailable]));
		assert_eq!(check(&deposit(ALICE, EUR, 1)), deny(&[Reason::RateUnavailable]));
		assert_eq!(check(&purchase(ALICE, EUR, 1)), deny(&[Reason::RateUnavailable]));
	});
}

#[test]
fn a_rate_older_than_rate_max_age_is_stale() {
	build_and_execute(|| {
		assert_eq!(Rules::<Test>::get().rate_max_age, 2 * DAY);
		Now::set(START + 2 * DAY);
		assert_eq!(check(&payment(ALICE, BOB, HKD, 100)), Decision::Allow);
		Now::set(START + 2 * DAY + 1);
		assert_eq!(check(&payment(ALICE, BOB, HKD, 100)), deny(&[Reason::RateUnavailable]));
		let status = Supervision::transfer_report(ALICE, BOB, HKD, 100, Purpose::Domestic);
		assert_eq!(status.usd, None);

		// A new rate makes it fresh again.
		assert_ok!(Supervision::set_rate(RuntimeOrigin::signed(RATE_SETTER), HKD, hkd_rate()));
		assert_eq!(rate(HKD).unwrap().set_at, START + 2 * DAY + 1);
		assert_eq!(check(&payment(ALICE, BOB, HKD, 100)), Decision::Allow);
	});
}

#[test]
fn usd_and_the_home_currency_need_no_rate() {
	build_and_execute(|| {
		Now::set(START + 30 * DAY);
		assert_eq!(check(&payment(ALICE, BOB, USD, usd(100))), Decision::Allow);
		assert_eq!(check(&payment(ALICE, BOB, CNY, cny(100))), Decision::Allow);
		assert_eq!(check(&purchase(ALICE, USD, usd(100))), Decision::Allow);
		assert_eq!(check(&payment(ALICE, BOB, HKD, 100)), deny(&[Reason::RateUnavailable]));
	});
}

#[test]
fn the_rate_setter_sets_a_new_rate() {
	build_and_execute(|| {
		Now::set(START + HOUR);
		let eur = FixedU128::from_rational(108, 100);
		assert_ok!(Supervision::set_rate(RuntimeOrigin::signed(RATE_SETTER), EUR, eur));
		assert_eq!(rate(EUR), Some(ReferenceRate { rate: eur, set_at: START + HOUR }));
		assert_eq!(
			events(),
			vec![Event::RateSet { currency: EUR, old: None, new: eur, at: START + HOUR }]
		);
		// 100 euros are 108 dollars.
		let status = Supervision::transfer_report(ALICE, BOB, EUR, 10_000, Purpose::Domestic);
		assert_eq!((status.usd, status.decision), (Some(10_800), Decision::Allow));
	});
}

#[test]
fn governance_sets_a_rate_and_the_event_carries_the_old_one() {
	build_and_execute(|| {
		let new = FixedU128::from_rational(129, 1000);
		assert_ok!(Supervision::set_rate(root(), HKD, new));
		assert_eq!(rate(HKD), Some(ReferenceRate { rate: new, set_at: START }));
		assert_eq!(
			events(),
			vec![Event::RateSet { currency: HKD, old: Some(hkd_rate()), new, at: START }]
		);
		assert_eq!(Rates::<Test>::count(), 1);
	});
}

#[test]
fn nobody_else_sets_rates() {
	build_and_execute(|| {
		let eur = FixedU128::from_rational(108, 100);
		for who in [STRANGER, SUPERVISOR, ALICE] {
			assert_noop!(
				Supervision::set_rate(RuntimeOrigin::signed(who), EUR, eur),
				Error::<Test>::NotAuthorized
			);
		}
		assert_noop!(
			Supervision::set_rate(RuntimeOrigin::none(), EUR, eur),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn usd_and_zero_rates_are_refused() {
	build_and_execute(|| {
		let setter = RuntimeOrigin::signed(RATE_SETTER);
		assert_noop!(
			Supervision::set_rate(setter.clone(), USD, FixedU128::from_u32(1)),
			Error::<Test>::InvalidRate
		);
		assert_noop!(
			Supervision::set_rate(setter, HKD, FixedU128::from_u32(0)),
			Error::<Test>::InvalidRate
		);
		assert_eq!(rate(HKD).unwrap().rate, hkd_rate());
	});
}

#[test]
fn at_most_max_rates_currencies_have_a_rate() {
	build_and_execute(|| {
		let one = FixedU128::from_u32(1);
		for currency in [EUR, 392, 826] {
			assert_ok!(Supervision::set_rate(root(), currency, one));
		}
		assert_eq!(Rates::<Test>::count(), 4);
		assert_noop!(Supervision::set_rate(root(), 36, one), Error::<Test>::TooManyRates);
		// Updating a rate the chain has is still possible.
		assert_ok!(Supervision::set_rate(root(), EUR, FixedU128::from_u32(2)));
		assert_eq!(rate(EUR).unwrap().rate, FixedU128::from_u32(2));
	});
}

#[test]
fn governance_appoints_and_removes_the_rate_setter() {
	build_and_execute(|| {
		let eur = FixedU128::from_rational(108, 100);
		assert_noop!(
			Supervision::set_rate_setter(RuntimeOrigin::signed(RATE_SETTER), Some(STRANGER)),
			DispatchError::BadOrigin
		);
		assert_ok!(Supervision::set_rate_setter(root(), Some(STRANGER)));
		assert_eq!(RateSetter::<Test>::get(), Some(STRANGER));
		assert_noop!(
			Supervision::set_rate(RuntimeOrigin::signed(RATE_SETTER), EUR, eur),
			Error::<Test>::NotAuthorized
		);
		assert_ok!(Supervision::set_rate(RuntimeOrigin::signed(STRANGER), EUR, eur));

		assert_ok!(Supervision::set_rate_setter(root(), None));
		assert_eq!(RateSetter::<Test>::get(), None);
		assert_noop!(
			Supervision::set_rate(RuntimeOrigin::signed(STRANGER), EUR, eur),
			Error::<Test>::NotAuthorized
		);
		assert_eq!(
			events(),
			vec![
				Event::RateSetterChanged { old: Some(RATE_SETTER), new: Some(STRANGER) },
				Event::RateSet { currency: EUR, old: None, new: eur, at: START },
				Event::RateSetterChanged { old: Some(STRANGER), new: None },
			]
		);
	});
}
