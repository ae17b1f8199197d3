//! Unit tests, one file per family of behaviour. Every test runs in `mock::build_and_execute`,
//! which checks the pallet's invariants (`do_try_state`) at the end.

mod cross_border;
mod feedback;
mod freezes;
mod large_value;
mod migrations;
mod properties;
mod quotas;
mod rates;
mod reports;
mod rules;
mod structuring;
mod transfer_report;
mod watch_list;

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, traits::Hooks, weights::Weight};
use fxchain_primitives::{
	forex::{
		Amount, CapitalFlowCheck, CurrencyId, Decision, Movement, MovementKind, Purpose, Reason,
		Reasons, Reference,
	},
	kyc::PersonId,
	supervision::{CNY, DAY, HOUR, MAX_PAGE, USD},
	Moment,
};
use sp_core::H256;
use sp_runtime::{DispatchError, DispatchResult, FixedU128};

/// What the forex pallet asks before a movement.
fn check(m: &Movement<u64>) -> Decision {
	<Supervision as CapitalFlowCheck<u64>>::check(m)
}

/// The forex pallet executed (`held == false`) or held the movement.
fn decided(m: &Movement<u64>, held: bool) {
	<Supervision as CapitalFlowCheck<u64>>::decided(m, held)
}

/// A supervisor released a held movement.
fn released(m: &Movement<u64>) {
	<Supervision as CapitalFlowCheck<u64>>::released(m)
}

/// A held movement's funds went back (rejected, or its review period ended).
fn returned(m: &Movement<u64>) {
	<Supervision as CapitalFlowCheck<u64>>::returned(m)
}

/// Check, then act as the forex pallet does on the answer; returns the decision.
fn propose(m: &Movement<u64>) -> Decision {
	let decision = check(m);
	match decision {
		Decision::Deny(_) => {},
		Decision::Hold(_) => decided(m, true),
		Decision::Allow | Decision::Report(_) => decided(m, false),
	}
	decision
}

fn reasons(list: &[Reason]) -> Reasons {
	Reasons::of(list)
}

fn deny(list: &[Reason]) -> Decision {
	Decision::Deny(reasons(list))
}

fn report(list: &[Reason]) -> Decision {
	Decision::Report(reasons(list))
}

fn hold(list: &[Reason]) -> Decision {
	Decision::Hold(reasons(list))
}

/// The supervision pallet's events so far, oldest first.
fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Supervision(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// The person behind one of the mock's accounts.
fn person(who: u64) -> PersonId {
	<MockKyc as fxchain_primitives::kyc::KycProvider<u64>>::person_of(&who).expect("a mock account")
}

fn case(byte: u8) -> H256 {
	H256::repeat_byte(byte)
}

fn reference(byte: u8) -> Reference {
	H256::repeat_byte(byte)
}

fn supervisor() -> RuntimeOrigin {
	RuntimeOrigin::signed(SUPERVISOR)
}

fn root() -> RuntimeOrigin {
	RuntimeOrigin::root()
}

/// One leg of a conversion against the home currency (CNY).
fn fx_leg(from: u64, to: u64, currency: CurrencyId, amount: Amount) -> Movement<u64> {
	let mut m = movement(MovementKind::Conversion, Some(from), Some(to), currency, amount);
	m.counter_currency = Some(CNY);
	m
}

/// `who` buys foreign currency from the bank with CNY: the foreign leg, paid to `who`.
fn purchase(who: u64, currency: CurrencyId, amount: Amount) -> Movement<u64> {
	fx_leg(BANK, who, currency, amount)
}

/// `who` sells foreign currency to the bank for CNY: the foreign leg, paid by `who`.
fn settlement(who: u64, currency: CurrencyId, amount: Amount) -> Movement<u64> {
	fx_leg(who, BANK, currency, amount)
}

/// A payment between two accounts, with a distinct reference.
fn payment(from: u64, to: u64, currency: CurrencyId, amount: Amount) -> Movement<u64> {
	movement(MovementKind::Payment, Some(from), Some(to), currency, amount)
}

/// A cross-border payment carrying travel-rule data (so only the rule under test applies).
fn remittance(from: u64, to: u64, currency: CurrencyId, amount: Amount) -> Movement<u64> {
	let mut m = payment(from, to, currency, amount);
	assert!(m.cross_border, "the parties are in different jurisdictions");
	m.travel_rule = true;
	m
}

fn deposit(to: u64, currency: CurrencyId, amount: Amount) -> Movement<u64> {
	movement(MovementKind::Deposit, None, Some(to), currency, amount)
}

fn withdrawal(from: u64, currency: CurrencyId, amount: Amount) -> Movement<u64> {
	movement(MovementKind::Withdrawal, Some(from), None, currency, amount)
}

/// USD cents from dollars.
const fn usd(dollars: Amount) -> Amount {
	units(dollars)
}

/// CNY fen from yuan.
const fn cny(yuan: Amount) -> Amount {
	units(yuan)
}

/// The storage root, to prove that a query wrote nothing.
fn storage_root() -> Vec<u8> {
	sp_io::storage::root(sp_runtime::StateVersion::V1)
}

/// The first moment of the UTC+8 day after `START`'s (16:00 UTC).
const NEXT_DAY: Moment = START + 12 * HOUR;

#[test]
fn the_day_turns_at_16_utc_and_the_mock_starts_in_2026_with_the_default_rules() {
	build_and_execute(|| {
		assert_eq!(calendar::day(NEXT_DAY) - calendar::day(NEXT_DAY - 1), 1);
		assert_eq!(calendar::day(START), calendar::day(NEXT_DAY - 1));
		assert_eq!(calendar::year(START), 2026);
		assert_eq!(Rules::<Test>::get(), RuleSet::default());
		assert_eq!(RateSetter::<Test>::get(), Some(RATE_SETTER));
		assert!(events().is_empty());
	});
}
