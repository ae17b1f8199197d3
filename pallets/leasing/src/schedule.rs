//! A lease's schedule and what falls due under it, in integer arithmetic.
//!
//! # Rounding
//!
//! - Interest of instalment `k` is the per-period rate times the principal outstanding before
//!   it, rounded down to the minor unit.
//! - Equal principal: every instalment repays `⌊principal / n⌋`; the last repays what remains.
//! - Equal instalment (annuity): the rent is `⌊principal × r·q / (q − 1)⌋` with `q = (1 + r)ⁿ`,
//!   computed in 18-decimal fixed point (`FixedU128`, each step rounding down); each instalment
//!   repays the rent less its interest, and the last repays what remains (so its rent absorbs
//!   the rounding). At a zero rate the rent is `⌊principal / n⌋`.
//! - Instalment `k` (1-based) falls due at `start + k × period`.
//! - The late fee of an overdue instalment is `⌊rent × late_fee × full days overdue⌋`, at most
//!   `⌊rent × late_fee_cap⌋`.

use alloc::vec::Vec;
use fxchain_primitives::{
	forex::Amount,
	leasing::{Instalment, Method, Terms},
	supervision::DAY,
	Moment,
};
use sp_runtime::{
	traits::{CheckedDiv, One, Saturating, Zero},
	FixedPointNumber, FixedU128,
};

/// The schedule of `terms`, one row per instalment. Terms with no instalment or no principal
/// have none.
pub fn compute(terms: &Terms) -> Vec<Instalment> {
	let count = terms.instalments;
	if count == 0 || terms.principal.is_zero() {
		return Vec::new();
	}
	let n = Amount::from(count);
	let rate = terms.rate;
	let level = match terms.method {
		Method::EqualPrincipal => terms.principal / n,
		Method::EqualInstalment => annuity(terms.principal, terms, count),
	};
	let mut outstanding = terms.principal;
	let mut rows = Vec::with_capacity(usize::from(count));
	for number in 1..=count {
		let interest = rate.mul_floor(outstanding);
		let principal = if number == count {
			outstanding
		} else {
			match terms.method {
				Method::EqualPrincipal => level,
				Method::EqualInstalment => level.saturating_sub(interest),
			}
			.min(outstanding)
		};
		outstanding = outstanding.saturating_sub(principal);
		rows.push(Instalment { principal, interest });
	}
	rows
}

/// The level rent of an annuity: `⌊principal × r·q / (q − 1)⌋`, `q = (1 + r)ⁿ`.
fn annuity(principal: Amount, terms: &Terms, count: u16) -> Amount {
	if terms.rate.is_zero() {
		return principal / Amount::from(count);
	}
	let rate = FixedU128::from_rational(u128::from(terms.rate.deconstruct()), 1_000_000_000);
	let growth = FixedU128::one().saturating_add(rate).saturating_pow(usize::from(count));
	let factor = rate
		.saturating_mul(growth)
		.checked_div(&growth.saturating_sub(FixedU128::one()))
		.unwrap_or(rate);
	factor.saturating_mul_int(principal)
}

/// The sum of the rows' rent.
pub fn total_rent(rows: &[Instalment]) -> Amount {
	rows.iter().fold(0, |sum: Amount, row| sum.saturating_add(row.rent()))
}

/// When instalment `number` (1-based) falls due under a lease that started at `start`.
pub fn due(start: Moment, period: Moment, number: u16) -> Moment {
	start.saturating_add(period.saturating_mul(Moment::from(number)))
}

/// How many instalments have fallen due by `now`.
pub fn count_due(start: Moment, period: Moment, count: u16, now: Moment) -> u16 {
	if period.is_zero() {
		return count;
	}
	let elapsed = now.saturating_sub(start) / period;
	u16::try_from(elapsed).unwrap_or(u16::MAX).min(count)
}

/// The late fee an instalment of `rent` due at `due` has accrued at `now`.
pub fn late_fee(terms: &Terms, rent: Amount, due: Moment, now: Moment) -> Amount {
	let days = now.saturating_sub(due) / DAY;
	let fee = terms.late_fee.mul_floor(rent.saturating_mul(Amount::from(days)));
	fee.min(terms.late_fee_cap.mul_floor(rent))
}
