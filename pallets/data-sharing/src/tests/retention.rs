//! The parameters governance sets, and retention: log entries, and consents after they ended,
//! leave storage `retention` later, oldest first, at most `MaxPrunePerBlock` of each per block.

use super::common::*;
use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, traits::Get};
use fxchain_primitives::Moment;
use sp_runtime::DispatchError;

/// The default retention: three years.
const RETENTION: Moment = 3 * 365 * DAY;

/// The mock `grant`'s expiry.
const EXPIRY: Moment = START + 90 * DAY;

/// `MaxPrunePerBlock` in the mock.
const PER_BLOCK: u32 = 4;

/// The `Pruned` events so far, as (entries, consents).
fn pruned() -> Vec<(u32, u32)> {
	events()
		.into_iter()
		.filter_map(|event| match event {
			Event::Pruned { entries, consents } => Some((entries, consents)),
			_ => None,
		})
		.collect()
}

/// The consents still stored, by number.
fn consents() -> Vec<ConsentId> {
	let mut ids: Vec<_> = Consents::<Test>::iter_keys().collect();
	ids.sort();
	ids
}

/// The log entries still stored, by number.
fn entries() -> Vec<EntryId> {
	let mut ids: Vec<_> = Log::<Test>::iter_keys().collect();
	ids.sort();
	ids
}

/// `SUBJECT` grants `BANK` the mock's consent, expiring at `expires_at`.
fn grant_until(expires_at: Moment) -> ConsentId {
	grant_to(
		SUBJECT,
		BANK,
		&[Category::RegulatoryCredit],
		DataPurpose::CreditApproval,
		expires_at,
		None,
	)
}

fn revoke(consent: ConsentId) {
	assert_ok!(DataSharing::revoke(RuntimeOrigin::signed(SUBJECT), consent));
}

#[test]
fn governance_sets_the_parameters() {
	build_and_execute(|| {
		let old = Params::<Test>::get();
		assert_eq!(old, SharingParams::default());
		let new = SharingParams {
			max_consent_duration: 30 * DAY,
			retention: 5 * 365 * DAY,
			answer_period: 10 * DAY,
			max_confidentiality: 90 * DAY,
		};
		assert_ok!(DataSharing::set_params(RuntimeOrigin::root(), new));
		assert_eq!(Params::<Test>::get(), new);
		System::assert_last_event(Event::ParamsUpdated { old, new }.into());
		// The next change reports this one as the old parameters.
		let newer = SharingParams { retention: DAY, ..new };
		assert_ok!(DataSharing::set_params(RuntimeOrigin::root(), newer));
		System::assert_last_event(Event::ParamsUpdated { old: new, new: newer }.into());
	});
}

#[test]
fn only_governance_sets_the_parameters() {
	build_and_execute(|| {
		let new = SharingParams { retention: DAY, ..Default::default() };
		for who in [SUPERVISOR, SUBJECT, BANK, PROVIDER] {
			assert_noop!(
				DataSharing::set_params(RuntimeOrigin::signed(who), new),
				DispatchError::BadOrigin
			);
		}
		assert_noop!(DataSharing::set_params(RuntimeOrigin::none(), new), DispatchError::BadOrigin);
		assert_eq!(Params::<Test>::get(), SharingParams::default());
	});
}

#[test]
fn every_parameter_must_be_above_zero() {
	build_and_execute(|| {
		let good = SharingParams::default();
		for bad in [
			SharingParams { max_consent_duration: 0, ..good },
			SharingParams { retention: 0, ..good },
			SharingParams { answer_period: 0, ..good },
			SharingParams { max_confidentiality: 0, ..good },
			SharingParams {
				max_consent_duration: 0,
				retention: 0,
				answer_period: 0,
				max_confidentiality: 0,
			},
		] {
			assert_noop!(
				DataSharing::set_params(RuntimeOrigin::root(), bad),
				Error::<Test>::InvalidParams
			);
		}
		// One millisecond each is enough.
		let least = SharingParams {
			max_consent_duration: 1,
			retention: 1,
			answer_period: 1,
			max_confidentiality: 1,
		};
		assert_ok!(DataSharing::set_params(RuntimeOrigin::root(), least));
		assert_eq!(Params::<Test>::get(), least);
	});
}

#[test]
fn a_log_entry_leaves_storage_retention_after_it_was_made() {
	build_and_execute(|| {
		let first = statutory(SUBJECT, Category::Tax, hash(0xCA));
		Now::set(START + DAY);
		let second = statutory(SUBJECT, Category::Tax, hash(0xCA));

		run_to(START + RETENTION - 1);
		assert_eq!(entries(), vec![first, second]);
		assert_eq!(OldestEntryId::<Test>::get(), 0);
		assert_eq!(pruned(), vec![]);

		// Retention is over at `at + retention` exactly; the younger entry stops the pruning.
		run_to(START + RETENTION);
		assert_eq!(entries(), vec![second]);
		assert!(!LogOf::<Test>::contains_key(SUBJECT, first.to_be_bytes()));
		assert_eq!(OldestEntryId::<Test>::get(), 1);
		assert_eq!(visible(SUBJECT), vec![second]);
		assert_eq!(supervised(), vec![second]);
		System::assert_last_event(Event::Pruned { entries: 1, consents: 0 }.into());

		run_to(START + DAY + RETENTION - 1);
		assert_eq!(entries(), vec![second]);
		run_to(START + DAY + RETENTION);
		assert_eq!(entries(), Vec::<EntryId>::new());
		assert_eq!(OldestEntryId::<Test>::get(), 2);
		assert_eq!(visible(SUBJECT), Vec::<EntryId>::new());
		assert_eq!(pruned(), vec![(1, 0), (1, 0)]);
		// A pruned entry's result can no longer be recorded.
		assert_noop!(
			DataSharing::record_result(RuntimeOrigin::signed(PROVIDER), first, hash(0xF1)),
			Error::<Test>::EntryNotFound
		);
		// Numbering goes on.
		assert_eq!(statutory(SUBJECT, Category::Tax, hash(0xCA)), 2);
	});
}

#[test]
fn a_consent_leaves_storage_retention_after_it_ended() {
	build_and_execute(|| {
		// Revoked a day in: its retention runs from the revocation.
		let revoked = grant_until(EXPIRY);
		// Expired at its expiry: retention runs from there.
		let expired = grant_until(EXPIRY);
		// Exhausted but not revoked: retention runs from the expiry, too.
		let exhausted = grant_to(
			SUBJECT,
			BANK,
			&[Category::RegulatoryCredit],
			DataPurpose::CreditApproval,
			EXPIRY + DAY,
			Some(1),
		);
		query(exhausted);
		Now::set(START + DAY);
		revoke(revoked);

		run_to(START + DAY + RETENTION - 1);
		assert_eq!(consents(), vec![revoked, expired, exhausted]);
		run_to(START + DAY + RETENTION);
		assert_eq!(consents(), vec![expired, exhausted]);
		assert_eq!(DataSharing::consent(revoked), None);
		assert!(!ConsentsGiven::<Test>::contains_key(SUBJECT, revoked.to_be_bytes()));
		assert!(!ConsentsReceived::<Test>::contains_key(BANK, revoked.to_be_bytes()));
		assert_eq!(ids(DataSharing::consents_given(&SUBJECT, None, 10)), vec![expired, exhausted]);
		assert_eq!(ids(DataSharing::consents_received(&BANK, None, 10)), vec![expired, exhausted]);
		System::assert_last_event(Event::Pruned { entries: 0, consents: 1 }.into());

		run_to(EXPIRY + RETENTION - 1);
		assert_eq!(consents(), vec![expired, exhausted]);
		run_to(EXPIRY + RETENTION);
		assert_eq!(consents(), vec![exhausted]);
		// The query under the exhausted consent, made at START, went long ago.
		assert_eq!(entries(), Vec::<EntryId>::new());
		run_to(EXPIRY + DAY + RETENTION);
		assert_eq!(consents(), Vec::<ConsentId>::new());
		assert_eq!(ConsentEnds::<Test>::iter().count(), 0);
		assert_eq!(ids(DataSharing::consents_given(&SUBJECT, None, 10)), Vec::<ConsentId>::new());
		// Pruned consents are unknown to the calls.
		assert_noop!(
			DataSharing::revoke(RuntimeOrigin::signed(SUBJECT), revoked),
			Error::<Test>::ConsentNotFound
		);
		assert_noop!(
			query_as(BANK, expired, Category::RegulatoryCredit, DataPurpose::CreditApproval),
			Error::<Test>::ConsentNotFound
		);
	});
}

#[test]
fn a_live_consent_is_never_pruned() {
	build_and_execute(|| {
		// The shortest retention there is.
		let params = SharingParams { retention: 1, ..Default::default() };
		assert_ok!(DataSharing::set_params(RuntimeOrigin::root(), params));
		let expiry = START + 365 * DAY;
		let live = grant_until(expiry);
		let limited = grant_to(
			SUBJECT,
			BANK,
			&[Category::RegulatoryCredit],
			DataPurpose::CreditApproval,
			expiry,
			Some(1_000),
		);
		for day in 1..=364 {
			Now::set(START + day * DAY);
			query(live);
			query(limited);
			run_to(START + day * DAY + 1);
			assert_eq!(consents(), vec![live, limited], "day {day}");
			// Its log entries go, the consent stays.
			assert_eq!(entries(), Vec::<EntryId>::new());
			assert_eq!(DataSharing::consent(live).unwrap().status, ConsentStatus::Live);
		}
		run_to(expiry - 1);
		assert_eq!(consents(), vec![live, limited]);
		// Expired at `expiry`, pruned a retention later.
		run_to(expiry);
		assert_eq!(consents(), vec![live, limited]);
		assert_eq!(DataSharing::consent(live).unwrap().status, ConsentStatus::Expired);
		run_to(expiry + 1);
		assert_eq!(consents(), Vec::<ConsentId>::new());
	});
}

#[test]
fn a_shorter_retention_applies_to_what_is_already_stored() {
	build_and_execute(|| {
		let entry = statutory(SUBJECT, Category::Tax, hash(0xCA));
		let consent = grant(None);
		revoke(consent);
		run_to(START + 30 * DAY);
		assert_eq!((entries(), consents()), (vec![entry], vec![consent]));
		let params = SharingParams { retention: 30 * DAY, ..Default::default() };
		assert_ok!(DataSharing::set_params(RuntimeOrigin::root(), params));
		run_to(START + 30 * DAY);
		assert_eq!((entries(), consents()), (vec![], vec![]));
		System::assert_last_event(Event::Pruned { entries: 1, consents: 1 }.into());
	});
}

#[test]
fn pruning_takes_at_most_max_prune_per_block_of_each_oldest_first() {
	build_and_execute(|| {
		// A day's retention, so that a consent granted for a year is still live throughout.
		let params = SharingParams { retention: DAY, ..Default::default() };
		assert_ok!(DataSharing::set_params(RuntimeOrigin::root(), params));
		// Ten consents granted at START, revoked a millisecond apart in a scrambled order:
		// they end, and go, in that order.
		let granted: Vec<ConsentId> = (0..10).map(|_| grant_until(EXPIRY)).collect();
		let order = [7, 2, 9, 0, 4, 1, 8, 3, 6, 5];
		for (n, &consent) in order.iter().enumerate() {
			Now::set(START + n as u64);
			revoke(granted[consent]);
		}
		// Ten log entries, a millisecond apart.
		let logged: Vec<EntryId> = (0..10)
			.map(|n| {
				Now::set(START + 10 + n);
				statutory(SUBJECT, Category::Tax, hash(0xCA))
			})
			.collect();
		// A consent that is still live stays throughout.
		let live = grant_to(
			SUBJECT,
			BANK,
			&[Category::Tax],
			DataPurpose::Insurance,
			START + 365 * DAY,
			None,
		);

		let ended = |from: usize| -> Vec<ConsentId> {
			let mut ids: Vec<_> = order[from..].iter().map(|&n| granted[n]).collect();
			ids.push(live);
			ids.sort();
			ids
		};
		let later = START + DAY + 20;
		assert_eq!(PER_BLOCK, <<Test as Config>::MaxPrunePerBlock as Get<u32>>::get());

		run_to(later);
		System::assert_last_event(Event::Pruned { entries: 4, consents: 4 }.into());
		assert_eq!(entries(), logged[4..].to_vec());
		assert_eq!(consents(), ended(4));
		assert_eq!(OldestEntryId::<Test>::get(), 4);

		run_to(later);
		System::assert_last_event(Event::Pruned { entries: 4, consents: 4 }.into());
		assert_eq!(entries(), logged[8..].to_vec());
		assert_eq!(consents(), ended(8));
		assert_eq!(OldestEntryId::<Test>::get(), 8);

		run_to(later);
		System::assert_last_event(Event::Pruned { entries: 2, consents: 2 }.into());
		assert_eq!(entries(), Vec::<EntryId>::new());
		assert_eq!(consents(), vec![live]);
		assert_eq!(OldestEntryId::<Test>::get(), 10);

		// Nothing left to prune: no event.
		run_to(later + DAY);
		assert_eq!(pruned(), vec![(4, 4), (4, 4), (2, 2)]);
		assert_eq!(OldestEntryId::<Test>::get(), 10);
		assert_eq!(DataSharing::consent(live).unwrap().status, ConsentStatus::Live);
	});
}

#[test]
fn entries_and_consents_are_pruned_independently() {
	build_and_execute(|| {
		// Six entries and one ended consent: the consent goes in the first block with the
		// first four entries, the rest of the entries in the next.
		let consent = grant(None);
		revoke(consent);
		for _ in 0..6 {
			statutory(OTHER_SUBJECT, Category::Basic, hash(0xCA));
		}
		run_to(START + RETENTION);
		System::assert_last_event(Event::Pruned { entries: 4, consents: 1 }.into());
		run_to(START + RETENTION);
		System::assert_last_event(Event::Pruned { entries: 2, consents: 0 }.into());
		assert_eq!((entries(), consents()), (vec![], vec![]));
	});
}

#[test]
fn supervisory_log_pages_after_the_last_entry_and_starts_at_the_oldest() {
	build_and_execute(|| {
		let consent = grant(None);
		// Entries 0..7, a day apart, alternating between the two subjects.
		for n in 0..7u64 {
			Now::set(START + n * DAY);
			if n % 2 == 0 {
				query(consent);
			} else {
				statutory(OTHER_SUBJECT, Category::Basic, hash(0xCA));
			}
		}
		let page = |after, limit| -> Vec<EntryId> {
			DataSharing::supervisory_log(after, limit)
				.into_iter()
				.map(|(id, _)| id)
				.collect()
		};
		assert_eq!(page(None, 3), vec![0, 1, 2]);
		assert_eq!(page(Some(2), 3), vec![3, 4, 5]);
		assert_eq!(page(Some(5), 3), vec![6]);
		assert_eq!(page(Some(6), 3), Vec::<EntryId>::new());
		assert_eq!(page(Some(EntryId::MAX), 3), Vec::<EntryId>::new());
		assert_eq!(page(None, 0), Vec::<EntryId>::new());
		// The subject's view pages the same way, over the subject's entries only.
		let mine = |after, limit| -> Vec<EntryId> {
			DataSharing::access_log(&SUBJECT, after, limit)
				.into_iter()
				.map(|(id, _)| id)
				.collect()
		};
		assert_eq!(mine(None, 2), vec![0, 2]);
		assert_eq!(mine(Some(2), 2), vec![4, 6]);
		assert_eq!(mine(Some(3), 10), vec![4, 6]);

		// The first three entries outlive their retention: the log starts at the oldest left.
		run_to(START + 2 * DAY + RETENTION);
		assert_eq!(OldestEntryId::<Test>::get(), 3);
		assert_eq!(page(None, 3), vec![3, 4, 5]);
		assert_eq!(page(Some(0), 10), vec![3, 4, 5, 6]);
		assert_eq!(page(Some(4), 10), vec![5, 6]);
		assert_eq!(mine(None, 10), vec![4, 6]);
	});
}

#[test]
fn supervisory_log_returns_at_most_max_page() {
	build_and_execute(|| {
		for _ in 0..MAX_PAGE + 3 {
			statutory(SUBJECT, Category::Basic, hash(0xCA));
		}
		assert_eq!(DataSharing::supervisory_log(None, u32::MAX).len(), MAX_PAGE as usize);
		assert_eq!(DataSharing::access_log(&SUBJECT, None, u32::MAX).len(), MAX_PAGE as usize);
		let rest = DataSharing::supervisory_log(Some(u64::from(MAX_PAGE) - 1), u32::MAX);
		assert_eq!(rest.into_iter().map(|(id, _)| id).collect::<Vec<_>>(), vec![100, 101, 102]);
	});
}

#[test]
fn a_block_that_prunes_no_entry_leaves_the_oldest_entry_number_unwritten() {
	build_and_execute(|| {
		let params = SharingParams { retention: DAY, ..Default::default() };
		assert_ok!(DataSharing::set_params(RuntimeOrigin::root(), params));
		let consent = grant_until(EXPIRY);
		revoke(consent);
		Now::set(START + 1);
		let entry = statutory(SUBJECT, Category::Tax, hash(0xCA));
		// Nothing to prune at all: no write, no event.
		run_to(START + DAY - 1);
		assert!(!OldestEntryId::<Test>::exists());
		frame_support::assert_storage_noop!(DataSharing::prune(PER_BLOCK));
		assert_eq!(pruned(), vec![]);
		// Only the consent is due: the entry number is still not written.
		run_to(START + DAY);
		assert_eq!(pruned(), vec![(0, 1)]);
		assert!(!OldestEntryId::<Test>::exists());
		assert_eq!(entries(), vec![entry]);
		// The entry is due: now it is.
		run_to(START + 1 + DAY);
		assert_eq!(pruned(), vec![(0, 1), (1, 0)]);
		assert_eq!(OldestEntryId::<Test>::get(), entry + 1);
		frame_support::assert_storage_noop!(DataSharing::prune(PER_BLOCK));
	});
}
