//! Individuals' annual FX purchase and settlement quotas (USD 50,000 each by default).

use super::*;

const QUOTA: Amount = 5_000_000;

fn usage(who: u64) -> YearUsage {
	QuotaUsage::<Test>::get(person(who))
}

#[test]
fn purchase_quota_allows_up_to_the_quota_and_denies_one_cent_above() {
	build_and_execute(|| {
		assert_eq!(Rules::<Test>::get().purchase_quota, QUOTA);
		assert_eq!(propose(&purchase(ALICE, USD, usd(40_000))), Decision::Allow);
		assert_eq!(usage(ALICE), YearUsage { year: 2026, purchase: usd(40_000), settlement: 0 });

		// Just below and exactly at the quota: allowed.
		assert_eq!(check(&purchase(ALICE, USD, usd(10_000) - 1)), Decision::Allow);
		assert_eq!(check(&purchase(ALICE, USD, usd(10_000))), Decision::Allow);
		// Just above: denied, and the check changes nothing.
		assert_eq!(
			check(&purchase(ALICE, USD, usd(10_000) + 1)),
			deny(&[Reason::PurchaseQuotaExceeded])
		);
		assert_eq!(usage(ALICE).purchase, usd(40_000));

		// Using the quota to the cent leaves nothing.
		assert_eq!(propose(&purchase(ALICE, USD, usd(10_000))), Decision::Allow);
		assert_eq!(usage(ALICE).purchase, QUOTA);
		assert_eq!(check(&purchase(ALICE, USD, 1)), deny(&[Reason::PurchaseQuotaExceeded]));
		let status = Supervision::quota(&ALICE).unwrap();
		assert_eq!((status.purchase_used, status.purchase_left), (QUOTA, 0));
		// Quotas make no reports.
		assert!(Reports::<Test>::iter().next().is_none());
		assert!(events().is_empty());
	});
}

#[test]
fn a_single_purchase_above_the_quota_is_denied_at_once() {
	build_and_execute(|| {
		assert_eq!(check(&purchase(BOB, USD, QUOTA)), Decision::Allow);
		assert_eq!(check(&purchase(BOB, USD, QUOTA + 1)), deny(&[Reason::PurchaseQuotaExceeded]));
	});
}

#[test]
fn settlement_quota_allows_up_to_the_quota_and_denies_one_cent_above() {
	build_and_execute(|| {
		assert_eq!(propose(&settlement(ALICE, USD, usd(30_000))), Decision::Allow);
		assert_eq!(usage(ALICE), YearUsage { year: 2026, purchase: 0, settlement: usd(30_000) });
		assert_eq!(check(&settlement(ALICE, USD, usd(20_000) - 1)), Decision::Allow);
		assert_eq!(check(&settlement(ALICE, USD, usd(20_000))), Decision::Allow);
		assert_eq!(
			check(&settlement(ALICE, USD, usd(20_000) + 1)),
			deny(&[Reason::SettlementQuotaExceeded])
		);
		assert_eq!(usage(ALICE).settlement, usd(30_000));
	});
}

#[test]
fn purchases_and_settlements_count_apart() {
	build_and_execute(|| {
		assert_eq!(propose(&purchase(ALICE, USD, QUOTA)), Decision::Allow);
		// The purchase quota is used up; the settlement quota is untouched.
		assert_eq!(check(&purchase(ALICE, USD, 1)), deny(&[Reason::PurchaseQuotaExceeded]));
		// The next day, so that the day's total does not add a large-value report.
		Now::set(NEXT_DAY);
		assert_eq!(propose(&settlement(ALICE, USD, QUOTA)), Decision::Allow);
		assert_eq!(usage(ALICE), YearUsage { year: 2026, purchase: QUOTA, settlement: QUOTA });
		assert_eq!(check(&settlement(ALICE, USD, 1)), deny(&[Reason::SettlementQuotaExceeded]));
	});
}

#[test]
fn other_currencies_count_at_their_usd_value() {
	build_and_execute(|| {
		// 7,812,500 HKD cents are exactly 1,000,000 US cents at 0.128.
		assert_eq!(propose(&purchase(ALICE, HKD, 7_812_500)), Decision::Allow);
		assert_eq!(usage(ALICE).purchase, usd(10_000));
		// 40,000 dollars' worth of HKD is left: 312,500,000 HKD cents, and not one more.
		assert_eq!(check(&purchase(ALICE, HKD, 31_250_000)), Decision::Allow);
		assert_eq!(
			check(&purchase(ALICE, HKD, 31_250_008)),
			deny(&[Reason::PurchaseQuotaExceeded])
		);
	});
}

#[test]
fn the_quota_follows_the_person_across_accounts() {
	build_and_execute(|| {
		assert_eq!(person(ALICE), person(ALICE_2));
		assert_eq!(propose(&purchase(ALICE, USD, usd(30_000))), Decision::Allow);
		// ALICE_2 sees and shares what ALICE used.
		assert_eq!(Supervision::quota(&ALICE_2).unwrap().purchase_used, usd(30_000));
		assert_eq!(check(&purchase(ALICE_2, USD, usd(20_000))), Decision::Allow);
		assert_eq!(
			check(&purchase(ALICE_2, USD, usd(20_000) + 1)),
			deny(&[Reason::PurchaseQuotaExceeded])
		);
		assert_eq!(propose(&purchase(ALICE_2, USD, usd(20_000))), Decision::Allow);
		assert_eq!(check(&purchase(ALICE, USD, 1)), deny(&[Reason::PurchaseQuotaExceeded]));
		assert_eq!(Supervision::quota(&ALICE).unwrap().purchase_left, 0);
		// Somebody else's quota is untouched.
		assert_eq!(Supervision::quota(&BOB).unwrap().purchase_left, QUOTA);
	});
}

#[test]
fn the_quota_renews_when_the_year_turns_in_utc8() {
	build_and_execute(|| {
		let new_year = calendar::start_of_year(2027);
		// 2026-12-31 23:59:59.999 in UTC+8 (15:59 UTC).
		Now::set(new_year - 1);
		assert_eq!(propose(&purchase(ALICE, USD, QUOTA)), Decision::Allow);
		assert_eq!(check(&purchase(ALICE, USD, 1)), deny(&[Reason::PurchaseQuotaExceeded]));
		assert_eq!(usage(ALICE).year, 2026);

		// Midnight in UTC+8, still 31 December in UTC: a new quota, no carry-over.
		Now::set(new_year);
		let status = Supervision::quota(&ALICE).unwrap();
		assert_eq!((status.year, status.purchase_used, status.purchase_left), (2027, 0, QUOTA));
		assert_eq!(check(&purchase(ALICE, USD, QUOTA)), Decision::Allow);
		assert_eq!(propose(&purchase(ALICE, USD, 1)), Decision::Allow);
		assert_eq!(usage(ALICE), YearUsage { year: 2027, purchase: 1, settlement: 0 });
	});
}

#[test]
fn a_settlement_early_on_new_years_day_in_utc8_counts_in_the_new_year() {
	build_and_execute(|| {
		// Used up on 1 January 2026 at 07:00 in UTC+8, which is still 2025 in UTC.
		Now::set(calendar::start_of_year(2026) + 7 * HOUR);
		assert_eq!(propose(&settlement(ALICE, USD, QUOTA)), Decision::Allow);
		assert_eq!(usage(ALICE).year, 2026);
		// Later in 2026 the quota is still used up.
		Now::set(START);
		assert_eq!(check(&settlement(ALICE, USD, 1)), deny(&[Reason::SettlementQuotaExceeded]));
	});
}

#[test]
fn enterprises_conversions_between_foreign_currencies_and_payments_use_no_quota() {
	build_and_execute(|| {
		// An enterprise has no quota.
		assert_eq!(propose(&purchase(ENTERPRISE_A, USD, 2 * QUOTA)), Decision::Allow);
		assert_eq!(QuotaUsage::<Test>::get(person(ENTERPRISE_A)), YearUsage::default());
		// A conversion between two foreign currencies is no purchase against the home currency.
		let mut cross = purchase(ALICE, USD, 2 * QUOTA - 1);
		cross.counter_currency = Some(HKD);
		assert_eq!(check(&cross), Decision::Allow);
		// Nor is a leg without a counter currency, nor a payment.
		cross.counter_currency = None;
		assert_eq!(check(&cross), Decision::Allow);
		assert_eq!(propose(&payment(BOB, ALICE, USD, 2 * QUOTA - 1)), Decision::Allow);
		// The home-currency leg of a purchase counts nothing.
		assert_eq!(propose(&fx_leg(ALICE, BANK, CNY, cny(400_000))), Decision::Allow);
		assert_eq!(usage(ALICE), YearUsage::default());
	});
}

#[test]
fn a_held_purchase_reserves_its_quota_and_a_released_one_keeps_it() {
	build_and_execute(|| {
		let m = purchase(ALICE, USD, usd(30_000));
		decided(&m, true);
		assert_eq!(usage(ALICE).purchase, usd(30_000));
		// While it waits, another purchase that would overrun the quota with it is denied.
		assert_eq!(
			check(&purchase(ALICE_2, USD, usd(20_000) + 1)),
			deny(&[Reason::PurchaseQuotaExceeded])
		);
		released(&m);
		assert_eq!(usage(ALICE).purchase, usd(30_000));
		assert!(!HeldQuota::<Test>::contains_key(m.reference));
		// A later return of the same reference gives nothing back.
		returned(&m);
		assert_eq!(usage(ALICE).purchase, usd(30_000));
	});
}

#[test]
fn a_hold_that_does_not_execute_gives_its_quota_back_exactly() {
	build_and_execute(|| {
		assert_eq!(propose(&purchase(ALICE, USD, usd(10_000))), Decision::Allow);
		let held = purchase(ALICE, HKD, 7_812_500);
		decided(&held, true);
		assert_eq!(usage(ALICE).purchase, usd(20_000));
		// The rate changes while the hold waits: what goes back is what was reserved.
		assert_ok!(Supervision::set_rate(root(), HKD, FixedU128::from_rational(1, 1)));
		returned(&held);
		assert_eq!(usage(ALICE).purchase, usd(10_000));
		assert!(!HeldQuota::<Test>::contains_key(held.reference));
	});
}

#[test]
fn a_hold_returned_in_a_new_year_gives_nothing_back_to_the_old_one() {
	build_and_execute(|| {
		let held = purchase(ALICE, USD, usd(10_000));
		decided(&held, true);
		Now::set(calendar::start_of_year(2027));
		returned(&held);
		assert_eq!(Supervision::quota(&ALICE).unwrap().purchase_used, 0);
		assert!(!HeldQuota::<Test>::contains_key(held.reference));
	});
}

#[test]
fn a_lowered_quota_applies_to_what_was_used_already() {
	build_and_execute(|| {
		assert_eq!(propose(&purchase(ALICE, USD, usd(20_000))), Decision::Allow);
		assert_ok!(Supervision::set_rule(root(), Rule::PurchaseQuota(usd(20_000))));
		assert_eq!(check(&purchase(ALICE, USD, 1)), deny(&[Reason::PurchaseQuotaExceeded]));
		let status = Supervision::quota(&ALICE).unwrap();
		assert_eq!((status.purchase_used, status.purchase_left), (usd(20_000), 0));
	});
}
