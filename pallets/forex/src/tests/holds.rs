//! Holds that no supervisor decides within the review period return by themselves, a few per
//! block, oldest first.

use super::*;
use crate::{Decision, Documents, HoldQueue, HoldQueueBounds, Purpose, Reason, Reasons, Reserved};
use frame_support::{assert_ok, traits::Hooks};

fn hold_payments_of(who: u64) {
	supervision_answers(who, Decision::Hold(Reasons::of(&[Reason::PriorReviewRequired])));
}

fn pay(from: u64, to: u64, amount: u128) -> Reference {
	assert_ok!(Forex::pay(
		RuntimeOrigin::signed(from),
		to,
		USD,
		amount,
		Purpose::Domestic,
		None,
		Documents::default()
	));
	last_reference()
}

fn next_block() {
	Forex::on_initialize(System::block_number() + 1);
}

#[test]
fn an_undecided_hold_returns_its_funds_when_the_review_period_ends() {
	build_and_execute(|| {
		hold_payments_of(ENTERPRISE);
		let reference = pay(ENTERPRISE, BOB, 400);
		assert_eq!(HoldQueue::<Test>::get(0), Some((reference, START + REVIEW_PERIOD)));

		// One millisecond before the end of the period nothing happens.
		Now::set(START + REVIEW_PERIOD - 1);
		next_block();
		assert_eq!(last_status(), PaymentStatus::Held);
		assert_eq!(Reserved::<Test>::get(ENTERPRISE, USD), 400);

		Now::set(START + REVIEW_PERIOD);
		next_block();
		assert_eq!(last_status(), PaymentStatus::Expired);
		assert_eq!(last_event(), Event::HoldExpired { reference });
		assert_eq!(outcomes(), vec![Outcome::Held, Outcome::Returned]);
		assert_eq!(balance(USD, ENTERPRISE), OPENING);
		assert_eq!(balance(USD, BOB), OPENING);
		assert_eq!(Reserved::<Test>::get(ENTERPRISE, USD), 0);
		assert_eq!(HoldQueueBounds::<Test>::get(), (1, 1));
		assert_eq!(HoldQueue::<Test>::get(0), None);
	});
}

#[test]
fn a_decided_hold_leaves_the_queue_without_a_second_return() {
	build_and_execute(|| {
		hold_payments_of(ENTERPRISE);
		let released = pay(ENTERPRISE, BOB, 400);
		let rejected = pay(ENTERPRISE, BOB, 300);
		assert_ok!(Forex::release(RuntimeOrigin::signed(SUPERVISOR), released));
		assert_ok!(Forex::reject(RuntimeOrigin::signed(SUPERVISOR), rejected));

		Now::set(START + REVIEW_PERIOD);
		next_block();
		assert_eq!(Records::<Test>::get(released).unwrap().status, PaymentStatus::Released);
		assert_eq!(Records::<Test>::get(rejected).unwrap().status, PaymentStatus::Rejected);
		assert_eq!(balance(USD, BOB), OPENING + 400);
		assert_eq!(balance(USD, ENTERPRISE), OPENING - 400);
		assert_eq!(HoldQueueBounds::<Test>::get(), (2, 2));
		assert!(!forex_events().iter().any(|e| matches!(e, Event::HoldExpired { .. })));
	});
}

#[test]
fn expiries_are_returned_a_bounded_number_per_block() {
	build_and_execute(|| {
		hold_payments_of(ENTERPRISE);
		let references: Vec<_> = (1..=5).map(|amount| pay(ENTERPRISE, BOB, amount)).collect();
		Now::set(START + REVIEW_PERIOD);
		for (block, left) in [(1, 3), (2, 1), (3, 0)] {
			next_block();
			let (head, next) = HoldQueueBounds::<Test>::get();
			assert_eq!(next - head, left, "after block {block}");
		}
		for reference in references {
			assert_eq!(Records::<Test>::get(reference).unwrap().status, PaymentStatus::Expired);
		}
		assert_eq!(balance(USD, ENTERPRISE), OPENING);
	});
}

#[test]
fn the_queue_stops_at_the_first_hold_still_under_review() {
	build_and_execute(|| {
		hold_payments_of(ENTERPRISE);
		let early = pay(ENTERPRISE, BOB, 100);
		Now::set(START + DAY);
		let late = pay(ENTERPRISE, BOB, 200);
		Now::set(START + REVIEW_PERIOD);
		next_block();
		assert_eq!(Records::<Test>::get(early).unwrap().status, PaymentStatus::Expired);
		assert_eq!(Records::<Test>::get(late).unwrap().status, PaymentStatus::Held);
		assert_eq!(Reserved::<Test>::get(ENTERPRISE, USD), 200);
		Now::set(START + DAY + REVIEW_PERIOD);
		next_block();
		assert_eq!(Records::<Test>::get(late).unwrap().status, PaymentStatus::Expired);
	});
}

#[test]
fn an_empty_queue_costs_one_read() {
	build_and_execute(|| {
		assert_eq!(Forex::expire_holds(MAX_EXPIRIES), 0);
		assert_eq!(HoldQueueBounds::<Test>::get(), (0, 0));
	});
}
