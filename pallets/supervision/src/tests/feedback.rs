//! Feedback and complaints about a payment, by its verified parties; supervisors answer.

use super::*;

const PAYMENT: u8 = 0x51;
const OTHER_PAYMENT: u8 = 0x52;

/// The forex pallet knows a payment from ALICE to BOB and another from ALICE to STRANGER.
fn payments() {
	PaymentParties::mutate(|parties| {
		parties.insert(reference(PAYMENT), vec![ALICE, BOB]);
		parties.insert(reference(OTHER_PAYMENT), vec![ALICE, STRANGER]);
	});
}

fn file(who: u64, kind: FeedbackKind) -> DispatchResult {
	Supervision::file_feedback(RuntimeOrigin::signed(who), reference(PAYMENT), kind, case(0xc0))
}

#[test]
fn a_party_files_feedback_due_in_20_days() {
	build_and_execute(|| {
		payments();
		assert_ok!(file(BOB, FeedbackKind::Complaint));
		let item = FeedbackItem {
			reference: reference(PAYMENT),
			who: BOB,
			kind: FeedbackKind::Complaint,
			content: case(0xc0),
			filed_at: START,
			due: START + 20 * DAY,
		};
		assert_eq!(Feedback::<Test>::get(0), Some(item));
		assert_eq!(NextFeedback::<Test>::get(), 1);
		assert_eq!(OpenFeedbackOf::<Test>::get(BOB), 1);
		assert_eq!(
			events(),
			vec![Event::FeedbackFiled {
				id: 0,
				reference: reference(PAYMENT),
				who: BOB,
				kind: FeedbackKind::Complaint
			}]
		);
	});
}

#[test]
fn only_verified_parties_file_feedback() {
	build_and_execute(|| {
		payments();
		// STRANGER was party to a payment but has no live credential.
		assert_noop!(
			Supervision::file_feedback(
				RuntimeOrigin::signed(STRANGER),
				reference(OTHER_PAYMENT),
				FeedbackKind::Feedback,
				case(1)
			),
			Error::<Test>::NotVerified
		);
		// Verified, but not a party to it.
		assert_noop!(file(NON_RESIDENT, FeedbackKind::Feedback), Error::<Test>::NotParty);
		assert_noop!(
			Supervision::file_feedback(
				RuntimeOrigin::signed(BOB),
				reference(OTHER_PAYMENT),
				FeedbackKind::Feedback,
				case(1)
			),
			Error::<Test>::NotParty
		);
		// A reference the chain does not know.
		assert_noop!(
			Supervision::file_feedback(
				RuntimeOrigin::signed(ALICE),
				reference(0x99),
				FeedbackKind::Feedback,
				case(1)
			),
			Error::<Test>::NotParty
		);
		assert_noop!(
			Supervision::file_feedback(
				RuntimeOrigin::none(),
				reference(PAYMENT),
				FeedbackKind::Feedback,
				case(1)
			),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn an_account_has_at_most_max_open_feedback_items_open() {
	build_and_execute(|| {
		payments();
		assert_ok!(file(ALICE, FeedbackKind::Feedback));
		assert_ok!(file(ALICE, FeedbackKind::Complaint));
		assert_eq!(OpenFeedbackOf::<Test>::get(ALICE), 2);
		assert_noop!(file(ALICE, FeedbackKind::Complaint), Error::<Test>::TooManyFeedback);
		// The other party is not limited by ALICE's items.
		assert_ok!(file(BOB, FeedbackKind::Feedback));
		// An answer makes room.
		assert_ok!(Supervision::answer_feedback(supervisor(), 0, case(0xa0)));
		assert_ok!(file(ALICE, FeedbackKind::Complaint));
		assert_eq!(OpenFeedbackOf::<Test>::get(ALICE), 2);
		assert_eq!(NextFeedback::<Test>::get(), 4);
	});
}

#[test]
fn a_supervisor_answers_feedback_and_it_leaves_the_open_list() {
	build_and_execute(|| {
		payments();
		assert_ok!(file(BOB, FeedbackKind::Complaint));
		System::reset_events();
		Now::set(START + 20 * DAY);
		assert_ok!(Supervision::answer_feedback(supervisor(), 0, case(0xa0)));
		assert_eq!(Feedback::<Test>::get(0), None);
		assert!(!OpenFeedbackOf::<Test>::contains_key(BOB));
		assert_eq!(
			events(),
			vec![Event::FeedbackAnswered {
				id: 0,
				reference: reference(PAYMENT),
				answer: case(0xa0),
				late: false
			}]
		);
		assert!(Supervision::open_feedback(false, None, MAX_PAGE).is_empty());
		assert_noop!(
			Supervision::answer_feedback(supervisor(), 0, case(0xa0)),
			Error::<Test>::FeedbackNotFound
		);
	});
}

#[test]
fn an_answer_after_the_deadline_is_late() {
	build_and_execute(|| {
		payments();
		assert_ok!(file(ALICE, FeedbackKind::Feedback));
		assert_ok!(file(ALICE, FeedbackKind::Feedback));
		Now::set(START + 20 * DAY + 1);
		assert_ok!(Supervision::answer_feedback(supervisor(), 1, case(0xa1)));
		assert_eq!(
			events().last(),
			Some(&Event::FeedbackAnswered {
				id: 1,
				reference: reference(PAYMENT),
				answer: case(0xa1),
				late: true
			})
		);
		assert_eq!(OpenFeedbackOf::<Test>::get(ALICE), 1);
	});
}

#[test]
fn only_supervisors_answer_feedback() {
	build_and_execute(|| {
		payments();
		assert_ok!(file(ALICE, FeedbackKind::Feedback));
		for origin in [root(), RuntimeOrigin::signed(ALICE)] {
			assert_noop!(
				Supervision::answer_feedback(origin, 0, case(0xa0)),
				DispatchError::BadOrigin
			);
		}
	});
}

#[test]
fn the_regulator_sees_open_feedback_with_its_age_and_whether_it_is_overdue() {
	build_and_execute(|| {
		payments();
		assert_ok!(file(ALICE, FeedbackKind::Feedback));
		Now::set(START + DAY);
		assert_ok!(file(BOB, FeedbackKind::Complaint));
		Now::set(START + 5 * DAY);
		assert_ok!(file(ALICE, FeedbackKind::Complaint));

		// 20 days after the first: due, not yet overdue.
		Now::set(START + 20 * DAY);
		let open = Supervision::open_feedback(false, None, MAX_PAGE);
		let summary: Vec<_> = open.iter().map(|o| (o.id, o.item.who, o.age, o.overdue)).collect();
		assert_eq!(
			summary,
			vec![
				(0, ALICE, 20 * DAY, false),
				(1, BOB, 19 * DAY, false),
				(2, ALICE, 15 * DAY, false)
			]
		);
		assert_eq!(open[1].item, Feedback::<Test>::get(1).unwrap());
		assert!(Supervision::open_feedback(true, None, MAX_PAGE).is_empty());

		// Past the second's due date the first two are overdue.
		Now::set(START + 21 * DAY + 1);
		let overdue: Vec<_> =
			Supervision::open_feedback(true, None, MAX_PAGE).iter().map(|o| o.id).collect();
		assert_eq!(overdue, vec![0, 1]);

		// Pages.
		let page = |after, limit| -> Vec<u64> {
			Supervision::open_feedback(false, after, limit).iter().map(|o| o.id).collect()
		};
		assert_eq!(page(None, 2), vec![0, 1]);
		assert_eq!(page(Some(1), 2), vec![2]);
		assert_eq!(page(None, 0), vec![0]);
		assert_eq!(page(Some(2), 2), Vec::<u64>::new());
	});
}

#[test]
fn listing_feedback_writes_nothing() {
	build_and_execute(|| {
		payments();
		assert_ok!(file(ALICE, FeedbackKind::Feedback));
		let root = storage_root();
		assert_eq!(Supervision::open_feedback(false, None, 10).len(), 1);
		assert_eq!(storage_root(), root);
	});
}
