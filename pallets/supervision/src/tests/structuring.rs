//! Structuring: the third payment within 24 hours each at least 90% of the originator's
//! large-value threshold and under it.

use super::*;

/// ALICE pays BOB at home: the individual domestic threshold, CNY 500,000 or USD 100,000.
fn pay(currency: CurrencyId, amount: Amount) -> Movement<u64> {
	payment(ALICE, BOB, currency, amount)
}

/// 23:00 on the first day in UTC+8.
const T0: Moment = NEXT_DAY - HOUR;

/// Two near-threshold payments in CNY, one on each side of midnight in UTC+8 (so that no day's
/// total reaches the threshold), starting at `T0`.
fn two_near_threshold_payments() {
	Now::set(T0);
	assert_eq!(propose(&pay(CNY, cny(450_000))), Decision::Allow);
	Now::set(NEXT_DAY + HOUR);
	assert_eq!(propose(&pay(CNY, cny(499_999))), Decision::Allow);
	assert_eq!(NearThreshold::<Test>::get(person(ALICE)).into_inner(), vec![T0, NEXT_DAY + HOUR]);
}

#[test]
fn the_third_near_threshold_payment_within_24_hours_is_reported() {
	build_and_execute(|| {
		two_near_threshold_payments();
		// The third, in USD (so the day's CNY total is not involved), just inside the window.
		Now::set(T0 + DAY - 1);
		let third = pay(USD, usd(90_000));
		assert_eq!(check(&third), report(&[Reason::Structuring]));
		decided(&third, false);
		assert_eq!(
			events(),
			vec![Event::ReportFiled {
				id: 0,
				reference: third.reference,
				rule: Reason::Structuring,
				party: ALICE
			}]
		);
		let filed = Reports::<Test>::get(0).unwrap();
		assert_eq!(
			(filed.rule, filed.party, filed.person, filed.counterparty, filed.usd, filed.at),
			(Reason::Structuring, ALICE, person(ALICE), Some(BOB), Some(usd(90_000)), T0 + DAY - 1)
		);
		assert_eq!(NearThreshold::<Test>::get(person(ALICE)).len(), 3);
	});
}

#[test]
fn only_payments_from_90_percent_up_to_the_threshold_count() {
	build_and_execute(|| {
		two_near_threshold_payments();
		Now::set(T0 + 2 * HOUR + 30 * 60_000);
		// Just under 90%.
		assert_eq!(check(&pay(USD, usd(90_000) - 1)), Decision::Allow);
		// Just under the threshold.
		assert_eq!(check(&pay(USD, usd(100_000) - 1)), report(&[Reason::Structuring]));
		// At the threshold: a large-value report, no structuring.
		assert_eq!(check(&pay(USD, usd(100_000))), report(&[Reason::LargeValueIndividualDomestic]));
		assert!(events().is_empty());
	});
}

#[test]
fn payments_older_than_the_window_do_not_count() {
	build_and_execute(|| {
		two_near_threshold_payments();
		// Exactly 24 hours after the first: it has left the window.
		Now::set(T0 + DAY);
		assert_eq!(propose(&pay(USD, usd(90_000))), Decision::Allow);
		// The record forgets it too.
		assert_eq!(
			NearThreshold::<Test>::get(person(ALICE)).into_inner(),
			vec![NEXT_DAY + HOUR, T0 + DAY]
		);
		// The next one completes a pattern with the two in the window (and takes the day's USD
		// total over the threshold).
		assert_eq!(
			check(&pay(USD, usd(95_000))),
			report(&[Reason::LargeValueIndividualDomestic, Reason::Structuring])
		);
	});
}

#[test]
fn the_payee_is_not_the_originator_but_a_depositor_is() {
	build_and_execute(|| {
		two_near_threshold_payments();
		Now::set(T0 + 3 * HOUR);
		// BOB received both: his own payment near the threshold is his first.
		assert!(NearThreshold::<Test>::get(person(BOB)).is_empty());
		assert_eq!(check(&payment(BOB, ALICE, USD, usd(90_000))), Decision::Allow);
		// Cash deposits near the cash threshold count for the account credited.
		assert_eq!(propose(&deposit(BOB, CNY, cny(45_000))), Decision::Allow);
		Now::set(T0 + 4 * HOUR);
		assert_eq!(propose(&deposit(BOB, USD, usd(9_000))), Decision::Allow);
		// 7,031,250 HKD cents are USD 9,000: the third, and the day's USD cash total crosses.
		assert_eq!(
			check(&deposit(BOB, HKD, 7_031_250)),
			report(&[Reason::LargeValueCash, Reason::Structuring])
		);
	});
}

#[test]
fn a_pattern_is_held_when_the_rule_says_so() {
	build_and_execute(|| {
		let rule = StructuringRule { count: 3, window: DAY, floor_percent: 90, hold: true };
		assert_ok!(Supervision::set_rule(root(), Rule::Structuring(rule)));
		System::reset_events();
		two_near_threshold_payments();
		let third = pay(USD, usd(90_000));
		assert_eq!(check(&third), hold(&[Reason::Structuring]));

		// Held: the report is filed, the payment not counted.
		decided(&third, true);
		assert_eq!(Reports::<Test>::get(0).unwrap().rule, Reason::Structuring);
		assert_eq!(NearThreshold::<Test>::get(person(ALICE)).len(), 2);
		assert_eq!(DailyTotals::<Test>::get(person(ALICE)).individual_domestic.usd, 0);
		assert_eq!(events().len(), 1);

		// Released: counted, and no second report.
		released(&third);
		assert_eq!(NearThreshold::<Test>::get(person(ALICE)).len(), 3);
		assert_eq!(DailyTotals::<Test>::get(person(ALICE)).individual_domestic.usd, usd(90_000));
		assert_eq!(ReportBounds::<Test>::get(), (0, 1));
		assert_eq!(events().len(), 1);
	});
}

#[test]
fn the_count_is_a_parameter() {
	build_and_execute(|| {
		let rule = StructuringRule { count: 2, window: DAY, floor_percent: 90, hold: false };
		assert_ok!(Supervision::set_rule(root(), Rule::Structuring(rule)));
		assert_eq!(propose(&pay(CNY, cny(450_000))), Decision::Allow);
		Now::set(NEXT_DAY);
		assert_eq!(check(&pay(CNY, cny(450_000))), report(&[Reason::Structuring]));
	});
}

#[test]
fn the_window_remembers_at_most_max_structuring_count_payments() {
	build_and_execute(|| {
		let rule = StructuringRule {
			count: MAX_STRUCTURING,
			window: 30 * DAY,
			floor_percent: 90,
			hold: false,
		};
		assert_ok!(Supervision::set_rule(root(), Rule::Structuring(rule)));
		for day in 0..7 {
			Now::set(START + day * DAY);
			let decision = propose(&pay(CNY, cny(450_000)));
			let expected = if day + 1 >= u64::from(MAX_STRUCTURING) {
				report(&[Reason::Structuring])
			} else {
				Decision::Allow
			};
			assert_eq!(decision, expected, "day {day}");
		}
		let times = NearThreshold::<Test>::get(person(ALICE)).into_inner();
		assert_eq!(times, (2..7).map(|day| START + day * DAY).collect::<Vec<_>>());
		assert_eq!(ReportBounds::<Test>::get(), (0, 3));
	});
}
