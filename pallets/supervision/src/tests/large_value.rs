//! Large-value reports: cash, entity, individual domestic and individual cross-border
//! thresholds, reached by one movement or by the same UTC+8 day's total.

use super::*;

/// Below the threshold the movement is allowed; at and above it, reported for `reason`.
fn reported_from(make: impl Fn(Amount) -> Movement<u64>, threshold: Amount, reason: Reason) {
	assert_eq!(check(&make(threshold - 1)), Decision::Allow, "just below {reason:?}");
	assert_eq!(check(&make(threshold)), report(&[reason]), "at {reason:?}");
	assert_eq!(check(&make(threshold + 1)), report(&[reason]), "just above {reason:?}");
}

#[test]
fn cash_is_reported_from_cny_50_000_or_usd_10_000() {
	build_and_execute(|| {
		let rules = Rules::<Test>::get();
		assert_eq!(rules.large_cash, Threshold { home: cny(50_000), usd: usd(10_000) });
		reported_from(|a| deposit(ALICE, CNY, a), cny(50_000), Reason::LargeValueCash);
		reported_from(|a| withdrawal(ALICE, CNY, a), cny(50_000), Reason::LargeValueCash);
		reported_from(|a| deposit(ALICE, USD, a), usd(10_000), Reason::LargeValueCash);
		reported_from(|a| withdrawal(BOB, USD, a), usd(10_000), Reason::LargeValueCash);
		// Cash is cash whoever holds it: an enterprise's deposit too.
		reported_from(|a| deposit(ENTERPRISE_A, USD, a), usd(10_000), Reason::LargeValueCash);
		// HKD at its USD value: 7,812,500 HKD cents are USD 10,000.
		assert_eq!(check(&deposit(ALICE, HKD, 7_812_500)), report(&[Reason::LargeValueCash]));
		assert_eq!(check(&deposit(ALICE, HKD, 7_812_499)), Decision::Allow);
		// Checking files nothing.
		assert!(Reports::<Test>::iter().next().is_none());
		assert!(events().is_empty());
	});
}

#[test]
fn entity_transfers_are_reported_from_cny_2_000_000_or_usd_200_000() {
	build_and_execute(|| {
		let pay = |currency| move |a| payment(ENTERPRISE_A, BANK, currency, a);
		reported_from(pay(CNY), cny(2_000_000), Reason::LargeValueEntity);
		reported_from(pay(USD), usd(200_000), Reason::LargeValueEntity);
	});
}

#[test]
fn individual_domestic_transfers_are_reported_from_cny_500_000_or_usd_100_000() {
	build_and_execute(|| {
		let pay = |currency| move |a| payment(ALICE, BOB, currency, a);
		reported_from(pay(CNY), cny(500_000), Reason::LargeValueIndividualDomestic);
		reported_from(pay(USD), usd(100_000), Reason::LargeValueIndividualDomestic);
	});
}

#[test]
fn individual_cross_border_transfers_are_reported_from_cny_200_000_or_usd_10_000() {
	build_and_execute(|| {
		let pay = |currency| move |a| remittance(ALICE, NON_RESIDENT, currency, a);
		reported_from(pay(CNY), cny(200_000), Reason::LargeValueIndividualCrossBorder);
		reported_from(pay(USD), usd(10_000), Reason::LargeValueIndividualCrossBorder);
		let inward = |a| remittance(NON_RESIDENT, BOB, USD, a);
		reported_from(inward, usd(10_000), Reason::LargeValueIndividualCrossBorder);
	});
}

#[test]
fn each_party_over_its_own_threshold_gets_its_own_report() {
	build_and_execute(|| {
		// CNY 500,000 from an enterprise to an individual: under the entity threshold, at the
		// individual's.
		let m = payment(ENTERPRISE_A, ALICE, CNY, cny(500_000));
		assert_eq!(check(&m), report(&[Reason::LargeValueIndividualDomestic]));
		decided(&m, false);
		let filed: Vec<_> = Reports::<Test>::iter().map(|(_, r)| (r.party, r.rule)).collect();
		assert_eq!(filed, vec![(ALICE, Reason::LargeValueIndividualDomestic)]);

		// A cross-border payment at the threshold: both individuals are reported.
		let m = remittance(ALICE, NON_RESIDENT, USD, usd(10_000));
		decided(&m, false);
		let reason = Reason::LargeValueIndividualCrossBorder;
		assert_eq!(
			events(),
			vec![
				Event::ReportFiled {
					id: 0,
					reference: m.reference,
					rule: Reason::LargeValueIndividualDomestic,
					party: ALICE
				},
				Event::ReportFiled { id: 1, reference: m.reference, rule: reason, party: ALICE },
				Event::ReportFiled {
					id: 2,
					reference: m.reference,
					rule: reason,
					party: NON_RESIDENT
				},
			]
		);
		let report = Reports::<Test>::get(2).unwrap();
		assert_eq!(report.counterparty, Some(ALICE));
		assert_eq!(report.person, person(NON_RESIDENT));
		assert_eq!(Reports::<Test>::get(1).unwrap().counterparty, Some(NON_RESIDENT));
		assert_eq!(ReportBounds::<Test>::get(), (0, 3));
	});
}

#[test]
fn the_same_days_total_crossing_the_threshold_is_reported_once() {
	build_and_execute(|| {
		assert_eq!(propose(&deposit(ALICE, CNY, cny(30_000))), Decision::Allow);
		let totals = DailyTotals::<Test>::get(person(ALICE));
		assert_eq!(totals.day, calendar::day(START));
		assert_eq!(totals.cash, Sum { home: cny(30_000), usd: 0 });

		// 30,000 + 19,999.99 stays below, 30,000 + 20,000 reaches CNY 50,000.
		assert_eq!(check(&withdrawal(ALICE, CNY, cny(20_000) - 1)), Decision::Allow);
		let crossing = withdrawal(ALICE, CNY, cny(20_000));
		assert_eq!(propose(&crossing), report(&[Reason::LargeValueCash]));
		assert_eq!(Reports::<Test>::get(0).unwrap().rule, Reason::LargeValueCash);
		assert_eq!(DailyTotals::<Test>::get(person(ALICE)).cash.home, cny(50_000));

		// Once crossed, further small movements that day are not reported again.
		assert_eq!(propose(&deposit(ALICE, CNY, cny(100))), Decision::Allow);
		assert_eq!(ReportBounds::<Test>::get(), (0, 1));
		assert_eq!(events().len(), 1);
	});
}

#[test]
fn the_day_total_is_per_person_across_accounts() {
	build_and_execute(|| {
		assert_eq!(propose(&deposit(ALICE, CNY, cny(30_000))), Decision::Allow);
		assert_eq!(check(&deposit(ALICE_2, CNY, cny(20_000))), report(&[Reason::LargeValueCash]));
		assert_eq!(check(&deposit(BOB, CNY, cny(20_000))), Decision::Allow);
	});
}

#[test]
fn the_home_currency_and_other_currencies_are_totalled_apart() {
	build_and_execute(|| {
		assert_eq!(propose(&deposit(ALICE, CNY, cny(49_000))), Decision::Allow);
		// USD is totalled in USD, against the USD threshold.
		assert_eq!(propose(&deposit(ALICE, USD, usd(9_000))), Decision::Allow);
		assert_eq!(
			DailyTotals::<Test>::get(person(ALICE)).cash,
			Sum { home: cny(49_000), usd: usd(9_000) }
		);
		// HKD adds to the USD total at its USD value.
		assert_eq!(check(&deposit(ALICE, HKD, 7_812_500 / 10)), report(&[Reason::LargeValueCash]));
		assert_eq!(check(&deposit(ALICE, HKD, 7_812_500 / 10 - 1)), Decision::Allow);
	});
}

#[test]
fn the_day_total_starts_again_when_the_day_turns_at_16_utc() {
	build_and_execute(|| {
		// 23:59:59.999 in UTC+8.
		Now::set(NEXT_DAY - 1);
		assert_eq!(propose(&deposit(ALICE, CNY, cny(30_000))), Decision::Allow);
		assert_eq!(check(&deposit(ALICE, CNY, cny(20_000))), report(&[Reason::LargeValueCash]));
		// Midnight in UTC+8: a new day.
		Now::set(NEXT_DAY);
		assert_eq!(check(&deposit(ALICE, CNY, cny(20_000))), Decision::Allow);
		assert_eq!(propose(&deposit(ALICE, CNY, cny(20_000))), Decision::Allow);
		let totals = DailyTotals::<Test>::get(person(ALICE));
		assert_eq!((totals.day, totals.cash.home), (calendar::day(NEXT_DAY), cny(20_000)));
		assert!(Reports::<Test>::iter().next().is_none());
	});
}

#[test]
fn categories_are_totalled_apart() {
	build_and_execute(|| {
		assert_eq!(propose(&deposit(ALICE, CNY, cny(49_000))), Decision::Allow);
		// A domestic payment is not cash: its own total and threshold.
		assert_eq!(propose(&payment(ALICE, BOB, CNY, cny(49_000))), Decision::Allow);
		let totals = DailyTotals::<Test>::get(person(ALICE));
		assert_eq!(totals.cash.home, cny(49_000));
		assert_eq!(totals.individual_domestic.home, cny(49_000));
		assert_eq!(totals.individual_cross_border, Sum::default());
	});
}

#[test]
fn a_held_movement_adds_to_the_day_total_only_when_released() {
	build_and_execute(|| {
		let m = deposit(ALICE, CNY, cny(30_000));
		decided(&m, true);
		assert_eq!(DailyTotals::<Test>::get(person(ALICE)), DayTotals::default());
		assert_eq!(check(&deposit(ALICE, CNY, cny(20_000))), Decision::Allow);
		released(&m);
		assert_eq!(DailyTotals::<Test>::get(person(ALICE)).cash.home, cny(30_000));
		assert_eq!(check(&deposit(ALICE, CNY, cny(20_000))), report(&[Reason::LargeValueCash]));
		// Neither holding nor releasing a movement under the threshold files a report.
		assert!(events().is_empty());
	});
}
