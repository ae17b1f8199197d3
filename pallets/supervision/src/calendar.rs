//! Calendar days and years in UTC+8, from `pallet-timestamp`'s milliseconds, in integer
//! arithmetic (the proleptic Gregorian calendar, after Howard Hinnant's `civil_from_days`).

use fxchain_primitives::{
	supervision::{DAY, UTC8_OFFSET},
	Moment,
};

/// Days in a 400-year cycle, and from 0000-03-01 to 1970-01-01.
const DAYS_PER_ERA: u64 = 146_097;
const EPOCH_SHIFT: u64 = 719_468;

/// The UTC+8 calendar day of `now`, counted from 1970-01-01.
pub fn day(now: Moment) -> u32 {
	u32::try_from(now.saturating_add(UTC8_OFFSET) / DAY).unwrap_or(u32::MAX)
}

/// The UTC+8 calendar year of `now`.
pub fn year(now: Moment) -> u32 {
	let z = u64::from(day(now)).saturating_add(EPOCH_SHIFT);
	let era = z / DAYS_PER_ERA;
	let doe = z % DAYS_PER_ERA;
	let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
	let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	let mp = (5 * doy + 2) / 153;
	// March-based years: January and February belong to the next calendar year.
	let march_based = era.saturating_mul(400).saturating_add(yoe);
	let year = if mp >= 10 { march_based.saturating_add(1) } else { march_based };
	u32::try_from(year).unwrap_or(u32::MAX)
}

/// The first millisecond of 1 January of `year` in UTC+8.
pub fn start_of_year(year: u32) -> Moment {
	// 1 January is day 306 of the March-based year before.
	let y = u64::from(year).saturating_sub(1);
	let era = y / 400;
	let yoe = y % 400;
	let doe = yoe * 365 + yoe / 4 - yoe / 100 + 306;
	let days = era.saturating_mul(DAYS_PER_ERA).saturating_add(doe).saturating_sub(EPOCH_SHIFT);
	days.saturating_mul(DAY).saturating_sub(UTC8_OFFSET)
}

#[cfg(test)]
mod tests {
	use super::*;
	use fxchain_primitives::supervision::HOUR;

	/// 2026-01-01T00:00:00Z in milliseconds.
	const NEW_YEAR_2026_UTC: Moment = 1_767_225_600_000;

	#[test]
	fn the_year_turns_at_midnight_in_utc8() {
		let turn = NEW_YEAR_2026_UTC - 8 * HOUR;
		assert_eq!(start_of_year(2026), turn);
		assert_eq!(year(turn - 1), 2025);
		assert_eq!(year(turn), 2026);
		assert_eq!(day(turn) - day(turn - 1), 1);
		assert_eq!(day(turn + DAY - 1), day(turn));
	}

	#[test]
	fn years_and_their_starts_agree_over_four_centuries() {
		for y in 1971..2400 {
			let start = start_of_year(y);
			assert_eq!(year(start), y, "start of {y}");
			assert_eq!(year(start - 1), y - 1, "end of {}", y - 1);
			let days = (start_of_year(y + 1) - start) / DAY;
			let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
			assert_eq!(days, if leap { 366 } else { 365 }, "length of {y}");
		}
	}

	#[test]
	fn the_epoch_is_day_zero_before_eight() {
		assert_eq!(day(0), 0);
		assert_eq!(day(16 * HOUR - 1), 0);
		assert_eq!(day(16 * HOUR), 1);
		assert_eq!(year(0), 1970);
	}
}
