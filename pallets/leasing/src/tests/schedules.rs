//! Schedule arithmetic against tables computed by hand.
//!
//! Every expected figure below was computed independently of `schedule.rs`, in exact rational
//! arithmetic (python3 `fractions.Fraction`) and then floored as the module's rounding rules
//! say:
//! - interest of row `k` = `⌊r × outstanding before k⌋`;
//! - equal principal: rows `1..n−1` repay `⌊P / n⌋`, row `n` repays what remains;
//! - equal instalment: rent `= ⌊P × r·q / (q − 1)⌋`, `q = (1 + r)ⁿ`; rows `1..n−1` repay
//!   `rent − interest`, row `n` repays what remains (for every table below the 18-decimal
//!   fixed-point evaluation the pallet uses gives the same floor as the exact rational);
//! - at a zero rate the annuity rent is `⌊P / n⌋`.

use super::common::{instalments, RENT, STANDARD_TABLE, TOTAL_RENT};
use crate::{mock::*, schedule, Instalment, Method, Terms};
use fxchain_primitives::{forex::Amount, supervision::DAY, Moment};
use proptest::prelude::*;
use sp_runtime::Perbill;

/// 1% per period.
const ONE_PERCENT: Perbill = Perbill::from_percent(1);

/// The standard terms with another principal, rate, count and method.
fn terms_of(principal: Amount, rate: Perbill, instalments: u16, method: Method) -> Terms {
	Terms { principal, rate, instalments, method, ..terms() }
}

/// The schedule of `terms`, after checking that its principal adds up to the terms' and its
/// total rent to `total_rent`.
fn checked(terms: &Terms, total_rent: Amount) -> Vec<Instalment> {
	let rows = schedule::compute(terms);
	assert_eq!(rows.iter().map(|r| r.principal).sum::<Amount>(), terms.principal);
	assert_eq!(rows.iter().map(Instalment::rent).sum::<Amount>(), total_rent);
	assert_eq!(schedule::total_rent(&rows), total_rent);
	rows
}

#[test]
fn equal_principal_over_three_repays_the_floor_and_the_last_row_the_remainder() {
	// P = 1_000_001, n = 3, r = 1%: ⌊P / 3⌋ = 333_333, the last row 1_000_001 − 2 × 333_333.
	// Interest: ⌊1_000_001 / 100⌋ = 10_000, ⌊666_668 / 100⌋ = 6_666, ⌊333_335 / 100⌋ = 3_333.
	let terms = terms_of(1_000_001, ONE_PERCENT, 3, Method::EqualPrincipal);
	let rows = checked(&terms, 1_020_000);
	assert_eq!(rows, instalments(&[(333_333, 10_000), (333_333, 6_666), (333_335, 3_333)]));
}

#[test]
fn equal_principal_over_seven_repays_the_floor_and_the_last_row_the_remainder() {
	// P = 1_000_001, n = 7, r = 1%: ⌊P / 7⌋ = 142_857, the last row 1_000_001 − 6 × 142_857 =
	// 142_859. Outstanding before row k: 1_000_001 − (k − 1) × 142_857; interest ⌊that / 100⌋.
	let terms = terms_of(1_000_001, ONE_PERCENT, 7, Method::EqualPrincipal);
	let rows = checked(&terms, 1_039_998);
	assert_eq!(
		rows,
		instalments(&[
			(142_857, 10_000),
			(142_857, 8_571),
			(142_857, 7_142),
			(142_857, 5_714),
			(142_857, 4_285),
			(142_857, 2_857),
			(142_859, 1_428),
		])
	);
}

#[test]
fn annuity_rent_is_level_and_the_last_row_absorbs_the_rounding() {
	// P = 1_000_000, n = 12, r = 1%, q = 1.01¹²: rent = ⌊P × r·q / (q − 1)⌋ = ⌊88_848.788…⌋ =
	// 88_848. Row k: interest ⌊outstanding / 100⌋, principal 88_848 − interest; the last row
	// repays the 87_973 left, so its rent is 87_973 + 879 = 88_852.
	let terms = terms_of(1_000_000, ONE_PERCENT, 12, Method::EqualInstalment);
	let rows = checked(&terms, 1_066_180);
	assert_eq!(
		rows,
		instalments(&[
			(78_848, 10_000),
			(79_637, 9_211),
			(80_433, 8_415),
			(81_238, 7_610),
			(82_050, 6_798),
			(82_871, 5_977),
			(83_699, 5_149),
			(84_536, 4_312),
			(85_382, 3_466),
			(86_235, 2_613),
			(87_098, 1_750),
			(87_973, 879),
		])
	);
	assert!(rows[..11].iter().all(|row| row.rent() == 88_848));
	assert_eq!(rows[11].rent(), 88_852);
}

#[test]
fn annuity_with_odd_figures_matches_the_hand_table() {
	// P = 987_654_321, n = 7, r = 12_345_678 / 10⁹ (1.2345678%), q = (1 + r)⁷:
	// rent = ⌊P × r·q / (q − 1)⌋ = ⌊148_146_534.942…⌋ = 148_146_534.
	// Row 1: interest ⌊987_654_321 × r⌋ = ⌊12_193_262.22…⌋ = 12_193_262, and so on; the last
	// row repays the 146_339_873 left, rent 146_339_873 + 1_806_664 = 148_146_537.
	let terms = terms_of(987_654_321, Perbill::from_parts(12_345_678), 7, Method::EqualInstalment);
	let rows = checked(&terms, 1_037_025_741);
	assert_eq!(
		rows,
		instalments(&[
			(135_953_272, 12_193_262),
			(137_631_708, 10_514_826),
			(139_330_864, 8_815_670),
			(141_050_998, 7_095_536),
			(142_792_369, 5_354_165),
			(144_555_237, 3_591_297),
			(146_339_873, 1_806_664),
		])
	);
	assert!(rows[..6].iter().all(|row| row.rent() == 148_146_534));
}

#[test]
fn annuity_over_three_periods_matches_the_hand_table() {
	// P = 5_000_000, n = 3, r = 1%: rent = ⌊5_000_000 × 0.01 × 1.030301 / 0.030301⌋ =
	// ⌊1_700_110.557…⌋ = 1_700_110; interest 50_000, ⌊3_349_890 / 100⌋ = 33_498,
	// ⌊1_683_278 / 100⌋ = 16_832.
	let terms = terms_of(5_000_000, ONE_PERCENT, 3, Method::EqualInstalment);
	let rows = checked(&terms, 5_100_330);
	assert_eq!(rows, instalments(&[(1_650_110, 50_000), (1_666_612, 33_498), (1_683_278, 16_832)]));
}

#[test]
fn the_standard_mock_lease_matches_the_hand_table() {
	// P = 12_000_000, n = 12, r = 1%: rent ⌊1_066_185.464…⌋ = 1_066_185, last row 1_066_187.
	let rows = checked(&terms(), TOTAL_RENT);
	assert_eq!(rows, instalments(&STANDARD_TABLE));
	assert_eq!(rows[0].rent(), RENT);
}

#[test]
fn equal_principal_at_a_zero_rate_charges_no_interest() {
	// ⌊1_000_001 / 3⌋ = 333_333 twice, then the remaining 333_335; rent = principal.
	let terms = terms_of(1_000_001, Perbill::zero(), 3, Method::EqualPrincipal);
	let rows = checked(&terms, 1_000_001);
	assert_eq!(rows, instalments(&[(333_333, 0), (333_333, 0), (333_335, 0)]));
}

#[test]
fn annuity_at_a_zero_rate_is_principal_over_count_rounded_down() {
	// rent = ⌊100 / 7⌋ = 14 for six rows; the last repays 100 − 6 × 14 = 16.
	let terms = terms_of(100, Perbill::zero(), 7, Method::EqualInstalment);
	let rows = checked(&terms, 100);
	assert_eq!(rows, instalments(&[(14, 0), (14, 0), (14, 0), (14, 0), (14, 0), (14, 0), (16, 0)]));
}

#[test]
fn one_instalment_repays_all_principal_with_one_period_of_interest() {
	// n = 1: r·q / (q − 1) = r(1 + r) / r = 1.01, so the annuity rent is 1_010_000, which is
	// also P + ⌊P × 1%⌋, the equal-principal row.
	for method in [Method::EqualInstalment, Method::EqualPrincipal] {
		let terms = terms_of(1_000_000, ONE_PERCENT, 1, method);
		let rows = checked(&terms, 1_010_000);
		assert_eq!(rows, instalments(&[(1_000_000, 10_000)]), "{method:?}");
	}
}

#[test]
fn terms_without_instalments_or_principal_have_no_schedule() {
	for method in [Method::EqualInstalment, Method::EqualPrincipal] {
		assert!(schedule::compute(&terms_of(1_000_000, ONE_PERCENT, 0, method)).is_empty());
		assert!(schedule::compute(&terms_of(0, ONE_PERCENT, 12, method)).is_empty());
	}
	assert_eq!(schedule::total_rent(&[]), 0);
}

#[test]
fn instalment_k_falls_due_k_periods_after_the_start() {
	// START = 1_781_496_000_000, MONTH = 30 × 86_400_000 = 2_592_000_000.
	assert_eq!(schedule::due(START, MONTH, 0), 1_781_496_000_000);
	assert_eq!(schedule::due(START, MONTH, 1), 1_784_088_000_000);
	assert_eq!(schedule::due(START, MONTH, 2), 1_786_680_000_000);
	assert_eq!(schedule::due(START, MONTH, 12), 1_812_600_000_000);
	assert_eq!(schedule::due(START, 60_000, 360), START + 21_600_000);
}

#[test]
fn due_dates_saturate_instead_of_overflowing() {
	assert_eq!(schedule::due(Moment::MAX - 1, MONTH, 2), Moment::MAX);
	assert_eq!(schedule::due(START, Moment::MAX, u16::MAX), Moment::MAX);
}

#[test]
fn an_instalment_counts_as_due_from_its_due_moment_on() {
	let count = |now| schedule::count_due(START, MONTH, 12, now);
	assert_eq!(count(START - 1), 0, "before the start");
	assert_eq!(count(START), 0);
	assert_eq!(count(START + MONTH - 1), 0, "one millisecond before the first due date");
	assert_eq!(count(START + MONTH), 1, "at the first due date");
	assert_eq!(count(START + MONTH + 1), 1);
	assert_eq!(count(START + 2 * MONTH - 1), 1);
	assert_eq!(count(START + 2 * MONTH), 2);
	assert_eq!(count(START + 5 * MONTH - 1), 4);
	assert_eq!(count(START + 11 * MONTH + 29 * DAY), 11);
	assert_eq!(count(START + 12 * MONTH), 12, "at the last due date");
	assert_eq!(count(START + 100 * MONTH), 12, "never more than the instalments");
	assert_eq!(count(Moment::MAX), 12);
	// The moment count_due moves to k is the moment due() names for instalment k.
	for k in 1..=12u16 {
		let due = schedule::due(START, MONTH, k);
		assert_eq!(count(due), k);
		assert_eq!(count(due - 1), k - 1);
	}
}

#[test]
fn with_a_zero_period_every_instalment_is_due() {
	assert_eq!(schedule::count_due(START, 0, 12, START), 12);
}

#[test]
fn the_late_fee_is_zero_until_a_full_day_overdue() {
	// Rent 1_066_185, 0.05% a day: ⌊1_066_185 × 0.0005 × days⌋.
	let due = START + MONTH;
	let fee = |now| schedule::late_fee(&terms(), RENT, due, now);
	assert_eq!(fee(due - DAY), 0, "paid early");
	assert_eq!(fee(due), 0, "paid on the due date");
	assert_eq!(fee(due + DAY - 1), 0, "one millisecond short of a full day");
}

#[test]
fn the_late_fee_accrues_per_full_day_overdue() {
	let due = START + MONTH;
	let fee = |now| schedule::late_fee(&terms(), RENT, due, now);
	// 1 day: ⌊1_066_185 × 0.0005⌋ = ⌊533.0925⌋ = 533.
	assert_eq!(fee(due + DAY), 533);
	assert_eq!(fee(due + 2 * DAY - 1), 533);
	// 2 days: ⌊1_066.185⌋ = 1_066 (not 2 × 533: the floor applies to the whole fee).
	assert_eq!(fee(due + 2 * DAY), 1_066);
	// 3 days: ⌊1_599.2775⌋ = 1_599.
	assert_eq!(fee(due + 3 * DAY), 1_599);
	// 100 days: ⌊53_309.25⌋ = 53_309 (5% of the rent, below the 10% cap).
	assert_eq!(fee(due + 100 * DAY), 53_309);
	// 199 days: ⌊106_085.4075⌋ = 106_085.
	assert_eq!(fee(due + 199 * DAY), 106_085);
}

#[test]
fn the_late_fee_stops_at_its_cap() {
	let due = START + MONTH;
	let fee = |now| schedule::late_fee(&terms(), RENT, due, now);
	// Cap: ⌊1_066_185 × 10%⌋ = ⌊106_618.5⌋ = 106_618, reached after 200 days.
	assert_eq!(fee(due + 200 * DAY), 106_618);
	assert_eq!(fee(due + 250 * DAY), 106_618);
	assert_eq!(fee(due + 10_000 * DAY), 106_618);
	// A zero cap means no late fee at all.
	let uncharged = Terms { late_fee_cap: Perbill::zero(), ..terms() };
	assert_eq!(schedule::late_fee(&uncharged, RENT, due, due + 30 * DAY), 0);
}

/// `⌊parts × amount / 10⁹⌋`, in plain integers.
fn floor_share(parts: u32, amount: Amount) -> Amount {
	amount * Amount::from(parts) / 1_000_000_000
}

proptest! {
	#[test]
	fn every_schedule_repays_the_principal_row_by_row(
		principal in 1u128..=1_000_000_000_000_000_000,
		parts in 0u32..=1_000_000_000,
		count in 1u16..=360,
		equal_principal in any::<bool>(),
	) {
		let method =
			if equal_principal { Method::EqualPrincipal } else { Method::EqualInstalment };
		let terms = terms_of(principal, Perbill::from_parts(parts), count, method);
		let rows = schedule::compute(&terms);
		prop_assert_eq!(rows.len(), usize::from(count));
		let mut outstanding = principal;
		for (k, row) in rows.iter().enumerate() {
			prop_assert!(row.principal <= outstanding, "row {} repays more than is owed", k + 1);
			let interest = floor_share(parts, outstanding);
			prop_assert_eq!(row.interest, interest, "interest of row {}", k + 1);
			if equal_principal && k + 1 < rows.len() {
				prop_assert_eq!(row.principal, principal / Amount::from(count));
			}
			outstanding -= row.principal;
		}
		prop_assert_eq!(outstanding, 0);
		prop_assert_eq!(rows.iter().map(|r| r.principal).sum::<Amount>(), principal);
		prop_assert_eq!(
			schedule::total_rent(&rows),
			rows.iter().map(Instalment::rent).sum::<Amount>()
		);
	}
}
