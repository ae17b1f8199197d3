//! The pallet's storage records. The types that cross the runtime API (rules, reports,
//! feedback) live in `fxchain_primitives::supervision`.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use fxchain_primitives::{
	forex::{Amount, MovementKind, Reason},
	kyc::EntityType,
	supervision::{RuleSet, Threshold},
	Moment,
};
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::FixedU128;

/// A reference rate: USD minor units per minor unit of the currency, and when it was set.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct ReferenceRate {
	pub rate: FixedU128,
	/// Chain time of the update (0 for a genesis rate until the first block stamps it).
	pub set_at: Moment,
}

/// A freeze or pause: since when, and a hash of the supervisor's case file.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct Freeze {
	pub since: Moment,
	pub case: H256,
}

/// A person on the watch list.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct Listing {
	pub listed_at: Moment,
	/// The first moment the person is no longer listed.
	pub until: Moment,
	pub case: H256,
}

/// What a person used of the FX quotas in one calendar year, in USD minor units.
#[derive(
	Clone,
	Copy,
	Default,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct YearUsage {
	pub year: u32,
	pub purchase: Amount,
	pub settlement: Amount,
}

impl YearUsage {
	/// The usage in `year`: nothing carries over from another year.
	pub fn in_year(self, year: u32) -> Self {
		if self.year == year {
			self
		} else {
			Self { year, ..Self::default() }
		}
	}
}

/// The large-value category a movement falls in for one party.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Category {
	Cash,
	Entity,
	IndividualDomestic,
	IndividualCrossBorder,
}

impl Category {
	/// Deposits and withdrawals are cash; other movements by the party's kind and the border.
	pub fn of(kind: MovementKind, entity: EntityType, cross_border: bool) -> Self {
		match (kind, entity) {
			(MovementKind::Deposit | MovementKind::Withdrawal, _) => Self::Cash,
			(_, EntityType::Enterprise | EntityType::Institution) => Self::Entity,
			_ if cross_border => Self::IndividualCrossBorder,
			_ => Self::IndividualDomestic,
		}
	}

	pub fn threshold(self, rules: &RuleSet) -> Threshold {
		match self {
			Self::Cash => rules.large_cash,
			Self::Entity => rules.large_entity,
			Self::IndividualDomestic => rules.large_individual_domestic,
			Self::IndividualCrossBorder => rules.large_individual_cross_border,
		}
	}

	pub fn reason(self) -> Reason {
		match self {
			Self::Cash => Reason::LargeValueCash,
			Self::Entity => Reason::LargeValueEntity,
			Self::IndividualDomestic => Reason::LargeValueIndividualDomestic,
			Self::IndividualCrossBorder => Reason::LargeValueIndividualCrossBorder,
		}
	}
}

/// Same-day totals of one category: in the home currency, and everything else in USD.
#[derive(
	Clone,
	Copy,
	Default,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct Sum {
	pub home: Amount,
	pub usd: Amount,
}

impl Sum {
	pub fn get(&self, home: bool) -> Amount {
		if home {
			self.home
		} else {
			self.usd
		}
	}

	pub fn add(&mut self, home: bool, value: Amount) {
		let slot = if home { &mut self.home } else { &mut self.usd };
		*slot = slot.saturating_add(value);
	}
}

/// A person's executed movements of one UTC+8 day, per large-value category.
#[derive(
	Clone,
	Copy,
	Default,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct DayTotals {
	pub day: u32,
	pub cash: Sum,
	pub entity: Sum,
	pub individual_domestic: Sum,
	pub individual_cross_border: Sum,
}

impl DayTotals {
	/// The totals of `day`: a new day starts from zero.
	pub fn on_day(self, day: u32) -> Self {
		if self.day == day {
			self
		} else {
			Self { day, ..Self::default() }
		}
	}

	pub fn sum(&mut self, category: Category) -> &mut Sum {
		match category {
			Category::Cash => &mut self.cash,
			Category::Entity => &mut self.entity,
			Category::IndividualDomestic => &mut self.individual_domestic,
			Category::IndividualCrossBorder => &mut self.individual_cross_border,
		}
	}
}
