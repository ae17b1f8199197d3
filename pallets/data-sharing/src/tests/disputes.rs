//! Disputes: a subject disputes an item about it, its provider answers within the answer
//! period (correcting the item first if the subject is right), and supervisors list the
//! overdue ones.

use super::common::*;
use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use fxchain_primitives::Moment;
use sp_runtime::DispatchError;

/// The default answer period.
const ANSWER: Moment = 20 * DAY;

fn dispute(item: ItemId) {
	assert_ok!(DataSharing::dispute(RuntimeOrigin::signed(SUBJECT), item, hash(0xD1)));
}

fn answer(item: ItemId) {
	assert_ok!(DataSharing::answer_dispute(RuntimeOrigin::signed(PROVIDER), item, hash(0xA1)));
}

/// The items of the overdue disputes, as listed.
fn overdue() -> Vec<ItemId> {
	DataSharing::overdue_disputes(MAX_PAGE)
		.into_iter()
		.map(|(item, _)| item)
		.collect()
}

#[test]
fn the_subject_disputes_an_item_and_the_provider_must_answer_within_the_answer_period() {
	build_and_execute(|| {
		let item = register_item(PROVIDER, SUBJECT, Category::TransactionCredit);
		Now::set(START + 1_234);
		assert_eq!(Params::<Test>::get().answer_period, ANSWER);
		assert_ok!(DataSharing::dispute(RuntimeOrigin::signed(SUBJECT), item, hash(0xD1)));
		let due_at = START + 1_234 + ANSWER;
		assert_eq!(
			Disputes::<Test>::get(item),
			Some(Dispute {
				subject: SUBJECT,
				provider: PROVIDER,
				reason: hash(0xD1),
				version: 1,
				opened_at: START + 1_234,
				due_at,
			})
		);
		System::assert_last_event(
			Event::DisputeOpened {
				item,
				subject: SUBJECT,
				provider: PROVIDER,
				reason: hash(0xD1),
				due_at,
			}
			.into(),
		);
		assert_eq!(DisputesDue::<Test>::iter().count(), 1);
	});
}

#[test]
fn the_answer_period_follows_the_parameters() {
	build_and_execute(|| {
		let item = register_item(PROVIDER, SUBJECT, Category::Tax);
		let params = SharingParams { answer_period: 3 * DAY, ..Default::default() };
		assert_ok!(DataSharing::set_params(RuntimeOrigin::root(), params));
		dispute(item);
		assert_eq!(Disputes::<Test>::get(item).unwrap().due_at, START + 3 * DAY);
	});
}

#[test]
fn only_the_verified_subject_of_an_item_disputes_it() {
	build_and_execute(|| {
		let item = register_item(PROVIDER, SUBJECT, Category::Tax);
		for who in [OTHER_SUBJECT, PROVIDER, BANK, SUPERVISOR] {
			assert_noop!(
				DataSharing::dispute(RuntimeOrigin::signed(who), item, hash(0xD1)),
				Error::<Test>::NotSubject
			);
		}
		assert_noop!(
			DataSharing::dispute(RuntimeOrigin::root(), item, hash(0xD1)),
			DispatchError::BadOrigin
		);
		assert_noop!(
			DataSharing::dispute(RuntimeOrigin::signed(SUBJECT), item + 1, hash(0xD1)),
			Error::<Test>::ItemNotFound
		);
		// The subject itself, once its credential lapsed.
		Verified::mutate(|verified| verified.remove(&SUBJECT));
		assert_noop!(
			DataSharing::dispute(RuntimeOrigin::signed(SUBJECT), item, hash(0xD1)),
			Error::<Test>::NotVerified
		);
		assert!(Disputes::<Test>::get(item).is_none());
	});
}

#[test]
fn an_item_has_at_most_one_open_dispute() {
	build_and_execute(|| {
		let item = register_item(PROVIDER, SUBJECT, Category::Tax);
		dispute(item);
		Now::set(START + DAY);
		assert_noop!(
			DataSharing::dispute(RuntimeOrigin::signed(SUBJECT), item, hash(0xD2)),
			Error::<Test>::AlreadyDisputed
		);
		assert_eq!(Disputes::<Test>::get(item).unwrap().reason, hash(0xD1));
		// Once answered, it may be disputed again, with a new answer date.
		answer(item);
		assert_ok!(DataSharing::dispute(RuntimeOrigin::signed(SUBJECT), item, hash(0xD2)));
		assert_eq!(Disputes::<Test>::get(item).unwrap().due_at, START + DAY + ANSWER);
	});
}

#[test]
fn only_the_provider_answers_a_dispute() {
	build_and_execute(|| {
		let item = register_item(PROVIDER, SUBJECT, Category::Tax);
		assert_noop!(
			DataSharing::answer_dispute(RuntimeOrigin::signed(PROVIDER), item, hash(0xA1)),
			Error::<Test>::DisputeNotFound
		);
		dispute(item);
		for who in [OTHER_PROVIDER, SUBJECT, BANK, SUPERVISOR] {
			assert_noop!(
				DataSharing::answer_dispute(RuntimeOrigin::signed(who), item, hash(0xA1)),
				Error::<Test>::NotProvider
			);
		}
		assert_noop!(
			DataSharing::answer_dispute(RuntimeOrigin::root(), item, hash(0xA1)),
			DispatchError::BadOrigin
		);
		assert!(Disputes::<Test>::get(item).is_some());
	});
}

#[test]
fn an_answer_without_a_correction_in_time_closes_the_dispute() {
	build_and_execute(|| {
		let item = register_item(PROVIDER, SUBJECT, Category::Tax);
		dispute(item);
		// On the answer date exactly is still in time.
		Now::set(START + ANSWER);
		answer(item);
		System::assert_last_event(
			Event::DisputeAnswered { item, answer: hash(0xA1), corrected: false, late: false }
				.into(),
		);
		assert!(Disputes::<Test>::get(item).is_none());
		assert_eq!(DisputesDue::<Test>::iter().count(), 0);
		assert_noop!(
			DataSharing::answer_dispute(RuntimeOrigin::signed(PROVIDER), item, hash(0xA1)),
			Error::<Test>::DisputeNotFound
		);
	});
}

#[test]
fn an_answer_after_an_update_is_a_correction() {
	build_and_execute(|| {
		let item = register_item(PROVIDER, SUBJECT, Category::Tax);
		dispute(item);
		Now::set(START + DAY);
		assert_ok!(DataSharing::update_item(
			RuntimeOrigin::signed(PROVIDER),
			item,
			hash(0xC9),
			locator(b"vault://corrected")
		));
		answer(item);
		System::assert_last_event(
			Event::DisputeAnswered { item, answer: hash(0xA1), corrected: true, late: false }
				.into(),
		);
	});
}

#[test]
fn an_update_before_the_dispute_is_not_a_correction() {
	build_and_execute(|| {
		let item = register_item(PROVIDER, SUBJECT, Category::Tax);
		assert_ok!(DataSharing::update_item(
			RuntimeOrigin::signed(PROVIDER),
			item,
			hash(0xC9),
			locator(b"v2")
		));
		dispute(item);
		assert_eq!(Disputes::<Test>::get(item).unwrap().version, 2);
		answer(item);
		System::assert_last_event(
			Event::DisputeAnswered { item, answer: hash(0xA1), corrected: false, late: false }
				.into(),
		);
	});
}

#[test]
fn an_answer_after_the_answer_date_is_late() {
	build_and_execute(|| {
		let item = register_item(PROVIDER, SUBJECT, Category::Tax);
		dispute(item);
		Now::set(START + ANSWER + 1);
		assert_ok!(DataSharing::update_item(
			RuntimeOrigin::signed(PROVIDER),
			item,
			hash(0xC9),
			locator(b"v2")
		));
		answer(item);
		System::assert_last_event(
			Event::DisputeAnswered { item, answer: hash(0xA1), corrected: true, late: true }.into(),
		);
		let other = register_item(PROVIDER, SUBJECT, Category::Basic);
		dispute(other);
		Now::set(START + 2 * ANSWER + 2);
		answer(other);
		System::assert_last_event(
			Event::DisputeAnswered {
				item: other,
				answer: hash(0xA1),
				corrected: false,
				late: true,
			}
			.into(),
		);
	});
}

#[test]
fn overdue_disputes_lists_only_those_past_due_oldest_first() {
	build_and_execute(|| {
		// Items 0..4 disputed a day apart, in the order 2, 0, 3, 1.
		let items: Vec<ItemId> =
			(0..4).map(|_| register_item(PROVIDER, SUBJECT, Category::Tax)).collect();
		for (n, item) in [items[2], items[0], items[3], items[1]].into_iter().enumerate() {
			Now::set(START + n as u64 * DAY);
			dispute(item);
		}
		assert_eq!(overdue(), Vec::<ItemId>::new());
		// At the first answer date exactly, nothing is overdue yet.
		Now::set(START + ANSWER);
		assert_eq!(overdue(), Vec::<ItemId>::new());
		Now::set(START + ANSWER + 1);
		assert_eq!(overdue(), vec![items[2]]);
		Now::set(START + ANSWER + 2 * DAY + 1);
		assert_eq!(overdue(), vec![items[2], items[0], items[3]]);
		let listed = DataSharing::overdue_disputes(MAX_PAGE);
		assert_eq!(listed[1].1, Disputes::<Test>::get(items[0]).unwrap());
		// The limit takes the longest overdue.
		assert_eq!(
			DataSharing::overdue_disputes(2)
				.into_iter()
				.map(|(item, _)| item)
				.collect::<Vec<_>>(),
			vec![items[2], items[0]]
		);
		assert_eq!(DataSharing::overdue_disputes(0), vec![]);
		// Answered disputes leave the list, even answered late.
		answer(items[0]);
		assert_eq!(overdue(), vec![items[2], items[3]]);
		Now::set(START + ANSWER + 10 * DAY);
		assert_eq!(overdue(), vec![items[2], items[3], items[1]]);
		answer(items[2]);
		answer(items[1]);
		assert_eq!(overdue(), vec![items[3]]);
	});
}
