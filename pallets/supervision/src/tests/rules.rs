//! `set_rule`: governance changes one parameter at a time, values checked for sense.

use super::*;

#[test]
fn governance_changes_a_rule_and_the_event_carries_old_and_new() {
	build_and_execute(|| {
		assert_ok!(Supervision::set_rule(root(), Rule::PurchaseQuota(usd(30_000))));
		assert_eq!(Rules::<Test>::get().purchase_quota, usd(30_000));
		assert_eq!(
			events(),
			vec![Event::RuleChanged {
				old: Rule::PurchaseQuota(usd(50_000)),
				new: Rule::PurchaseQuota(usd(30_000))
			}]
		);
		// The new rule applies at once.
		assert_eq!(check(&purchase(ALICE, USD, usd(30_000))), Decision::Allow);
		assert_eq!(
			check(&purchase(ALICE, USD, usd(30_000) + 1)),
			deny(&[Reason::PurchaseQuotaExceeded])
		);
	});
}

#[test]
fn every_parameter_can_be_changed() {
	build_and_execute(|| {
		let threshold = Threshold { home: 7, usd: 1 };
		let structuring =
			StructuringRule { count: 4, window: HOUR, floor_percent: 100, hold: true };
		let rules = [
			Rule::HomeCurrency(HKD),
			Rule::PurchaseQuota(1),
			Rule::SettlementQuota(2),
			Rule::LargeCash(threshold),
			Rule::LargeEntity(threshold),
			Rule::LargeIndividualDomestic(threshold),
			Rule::LargeIndividualCrossBorder(threshold),
			Rule::TravelRule(threshold),
			Rule::TaxFiling(3),
			Rule::Structuring(structuring),
			Rule::WatchYears(0),
			Rule::RateMaxAge(1),
			Rule::ReviewPeriod(2),
			Rule::FeedbackDeadline(3),
			Rule::ReportRetention(4),
		];
		for rule in rules {
			assert_ok!(Supervision::set_rule(root(), rule));
		}
		assert_eq!(
			Rules::<Test>::get(),
			RuleSet {
				home_currency: HKD,
				purchase_quota: 1,
				settlement_quota: 2,
				large_cash: threshold,
				large_entity: threshold,
				large_individual_domestic: threshold,
				large_individual_cross_border: threshold,
				travel_rule: threshold,
				tax_filing: 3,
				structuring,
				watch_years: 0,
				rate_max_age: 1,
				review_period: 2,
				feedback_deadline: 3,
				report_retention: 4,
			}
		);
		assert_eq!(<Supervision as CapitalFlowCheck<u64>>::review_period(), 2);
		assert_eq!(events().len(), rules.len());
	});
}

#[test]
fn only_governance_changes_rules() {
	build_and_execute(|| {
		for origin in [supervisor(), RuntimeOrigin::signed(RATE_SETTER), RuntimeOrigin::none()] {
			assert_noop!(
				Supervision::set_rule(origin, Rule::PurchaseQuota(1)),
				DispatchError::BadOrigin
			);
		}
	});
}

#[test]
fn a_rule_that_makes_no_sense_is_refused_and_changes_nothing() {
	build_and_execute(|| {
		let structuring = Rules::<Test>::get().structuring;
		let zero_home = Threshold { home: 0, usd: 1 };
		let zero_usd = Threshold { home: 1, usd: 0 };
		let invalid = [
			Rule::PurchaseQuota(0),
			Rule::SettlementQuota(0),
			Rule::TaxFiling(0),
			Rule::LargeCash(zero_home),
			Rule::LargeEntity(zero_usd),
			Rule::LargeIndividualDomestic(zero_home),
			Rule::LargeIndividualCrossBorder(zero_usd),
			Rule::TravelRule(zero_home),
			Rule::Structuring(StructuringRule { count: 1, ..structuring }),
			Rule::Structuring(StructuringRule { count: 0, ..structuring }),
			Rule::Structuring(StructuringRule { count: MAX_STRUCTURING + 1, ..structuring }),
			Rule::Structuring(StructuringRule { floor_percent: 101, ..structuring }),
			Rule::Structuring(StructuringRule { window: 0, ..structuring }),
			Rule::RateMaxAge(0),
			Rule::ReviewPeriod(0),
			Rule::FeedbackDeadline(0),
			Rule::ReportRetention(0),
		];
		for rule in invalid {
			assert_noop!(Supervision::set_rule(root(), rule), Error::<Test>::InvalidRule);
		}
		assert_eq!(Rules::<Test>::get(), RuleSet::default());
	});
}

#[test]
fn the_structuring_count_may_be_two_up_to_max_structuring_count() {
	build_and_execute(|| {
		let structuring = Rules::<Test>::get().structuring;
		for count in [2, MAX_STRUCTURING] {
			let new = StructuringRule { count, ..structuring };
			assert_ok!(Supervision::set_rule(root(), Rule::Structuring(new)));
			assert_eq!(Rules::<Test>::get().structuring.count, count);
		}
	});
}

#[test]
fn a_new_home_currency_needs_a_rate_for_the_old_one() {
	build_and_execute(|| {
		assert_ok!(Supervision::set_rule(root(), Rule::HomeCurrency(HKD)));
		// HKD is now valued in HKD against the `home` thresholds; CNY needs a rate.
		assert_eq!(check(&payment(ALICE, BOB, CNY, 1)), deny(&[Reason::RateUnavailable]));
		assert_eq!(
			check(&payment(ALICE, BOB, HKD, cny(500_000))),
			report(&[Reason::LargeValueIndividualDomestic])
		);
		// Buying USD with HKD now uses the quota; with CNY it does not.
		let mut with_hkd = purchase(ALICE, USD, usd(50_000) + 1);
		assert_eq!(check(&with_hkd), Decision::Allow);
		with_hkd.counter_currency = Some(HKD);
		assert_eq!(check(&with_hkd), deny(&[Reason::PurchaseQuotaExceeded]));
	});
}
