//! Statutory access: supervisors read without consent, from a licensed data provider they name,
//! and are logged like anyone else; the subject sees those entries unless governance seals the
//! case, for a bounded time.

use super::common::*;
use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use fxchain_primitives::Moment;
use sp_core::H256;
use sp_runtime::DispatchError;

/// A case reference's hash.
fn case(n: u8) -> H256 {
	H256::repeat_byte(0xA0 | n)
}

/// The longest a case may be sealed (the default parameters).
const MAX_SEAL: Moment = 180 * DAY;

fn seal(which: H256, until: Option<Moment>) -> sp_runtime::DispatchResult {
	DataSharing::seal_case(RuntimeOrigin::root(), which, until)
}

#[test]
fn a_supervisor_s_statutory_query_is_logged_with_the_member_as_accessor() {
	build_and_execute(|| {
		Now::set(START + 9);
		assert_ok!(DataSharing::statutory_query(
			RuntimeOrigin::signed(SUPERVISOR),
			SUBJECT,
			Category::Payments,
			StatutoryBasis::AntiMoneyLaundering,
			case(1),
			OTHER_PROVIDER
		));
		let access =
			Access::Statutory { basis: StatutoryBasis::AntiMoneyLaundering, case: case(1) };
		let entry = AuditEntry {
			subject: SUBJECT,
			accessor: Some(SUPERVISOR),
			at: START + 9,
			category: Category::Payments,
			access: access.clone(),
			holder: OTHER_PROVIDER,
			result: None,
		};
		assert_eq!(Log::<Test>::get(0), Some(entry.clone()));
		assert!(LogOf::<Test>::contains_key(SUBJECT, 0u64.to_be_bytes()));
		assert_eq!(NextEntryId::<Test>::get(), 1);
		System::assert_last_event(
			Event::AccessLogged {
				entry: 0,
				subject: SUBJECT,
				accessor: Some(SUPERVISOR),
				category: Category::Payments,
				access,
				holder: OTHER_PROVIDER,
			}
			.into(),
		);
		// The subject sees it; so does the supervisory log.
		assert_eq!(DataSharing::access_log(&SUBJECT, None, 10), vec![(0, entry.clone())]);
		assert_eq!(DataSharing::supervisory_log(None, 10), vec![(0, entry)]);
		// No consent was needed, and none was touched.
		assert_eq!(NextConsentId::<Test>::get(), 0);
	});
}

#[test]
fn a_statutory_query_by_root_is_logged_with_no_accessor() {
	build_and_execute(|| {
		let consent = grant(Some(1));
		assert_ok!(DataSharing::statutory_query(
			RuntimeOrigin::root(),
			SUBJECT,
			Category::RegulatoryCredit,
			StatutoryBasis::JudicialOrder,
			case(2),
			PROVIDER
		));
		let access = Access::Statutory { basis: StatutoryBasis::JudicialOrder, case: case(2) };
		let entry = AuditEntry {
			subject: SUBJECT,
			accessor: None,
			at: START,
			category: Category::RegulatoryCredit,
			access: access.clone(),
			holder: PROVIDER,
			result: None,
		};
		assert_eq!(Log::<Test>::get(0), Some(entry.clone()));
		System::assert_last_event(
			Event::AccessLogged {
				entry: 0,
				subject: SUBJECT,
				accessor: None,
				category: Category::RegulatoryCredit,
				access,
				holder: PROVIDER,
			}
			.into(),
		);
		assert_eq!(DataSharing::access_log(&SUBJECT, None, 10), vec![(0, entry)]);
		// The subject's consent is not used up by a statutory read.
		assert_eq!(stored(consent).queries, 0);
		assert_eq!(DataSharing::consent(consent).unwrap().status, ConsentStatus::Live);
	});
}

#[test]
fn statutory_and_consented_entries_share_one_numbering_in_one_log() {
	build_and_execute(|| {
		let consent = grant(None);
		assert_eq!(query(consent), 0);
		assert_eq!(statutory(SUBJECT, Category::Tax, case(1)), 1);
		assert_eq!(statutory(OTHER_SUBJECT, Category::Tax, case(1)), 2);
		assert_eq!(query(consent), 3);
		assert_eq!(visible(SUBJECT), vec![0, 1, 3]);
		assert_eq!(visible(OTHER_SUBJECT), vec![2]);
		assert_eq!(supervised(), vec![0, 1, 2, 3]);
	});
}

#[test]
fn only_supervisors_query_under_a_statute_and_a_refusal_logs_nothing() {
	build_and_execute(|| {
		for who in [BANK, SUBJECT, PROVIDER, UNLICENSED, UNVERIFIED] {
			assert_noop!(
				DataSharing::statutory_query(
					RuntimeOrigin::signed(who),
					SUBJECT,
					Category::Tax,
					StatutoryBasis::Taxation,
					case(1),
					PROVIDER
				),
				DispatchError::BadOrigin
			);
		}
		assert_noop!(
			DataSharing::statutory_query(
				RuntimeOrigin::none(),
				SUBJECT,
				Category::Tax,
				StatutoryBasis::Taxation,
				case(1),
				PROVIDER
			),
			DispatchError::BadOrigin
		);
		assert_eq!(NextEntryId::<Test>::get(), 0);
		assert_eq!(Log::<Test>::iter().count(), 0);
		assert_eq!(LogOf::<Test>::iter().count(), 0);
		assert_eq!(access_logged(), 0);
		assert_eq!(supervised(), Vec::<EntryId>::new());
	});
}

/// `origin`'s statutory query of `SUBJECT`'s tax data, asking `holder` to serve it, is refused
/// with `error`, and nothing of it is on the record.
fn statutory_refused(origin: RuntimeOrigin, holder: u64, error: impl Into<DispatchError>) {
	let next = NextEntryId::<Test>::get();
	let entries = Log::<Test>::iter().count();
	let indexed = LogOf::<Test>::iter().count();
	let logged = access_logged();
	let confidential = confidential_logged();
	let error: DispatchError = error.into();
	assert_noop!(
		DataSharing::statutory_query(
			origin,
			SUBJECT,
			Category::Tax,
			StatutoryBasis::Taxation,
			case(1),
			holder
		),
		error
	);
	assert_eq!(NextEntryId::<Test>::get(), next, "no entry number is used");
	assert_eq!(Log::<Test>::iter().count(), entries, "nothing is logged");
	assert_eq!(LogOf::<Test>::iter().count(), indexed, "nothing is indexed");
	assert_eq!(access_logged(), logged, "no AccessLogged event");
	assert_eq!(confidential_logged(), confidential, "no ConfidentialAccessLogged event");
}

#[test]
fn a_statutory_query_naming_an_unlicensed_holder_is_refused_and_logged_nowhere() {
	build_and_execute(|| {
		let first = statutory(SUBJECT, Category::Tax, case(1));
		for holder in [BANK, UNLICENSED, SUBJECT, SUPERVISOR, UNVERIFIED, 999] {
			statutory_refused(RuntimeOrigin::root(), holder, Error::<Test>::HolderNotLicensed);
			statutory_refused(
				RuntimeOrigin::signed(SUPERVISOR),
				holder,
				Error::<Test>::HolderNotLicensed,
			);
		}
		// The origin is checked first.
		statutory_refused(RuntimeOrigin::signed(BANK), UNLICENSED, DispatchError::BadOrigin);
		statutory_refused(RuntimeOrigin::none(), UNLICENSED, DispatchError::BadOrigin);
		// A provider whose licence was withdrawn is no longer a holder to name.
		Licences::mutate(|licences| licences.remove(&PROVIDER));
		statutory_refused(RuntimeOrigin::root(), PROVIDER, Error::<Test>::HolderNotLicensed);
		assert_eq!(visible(SUBJECT), vec![first]);
		assert_eq!(supervised(), vec![first]);
		// Naming a licensed provider, it passes.
		assert_ok!(DataSharing::statutory_query(
			RuntimeOrigin::root(),
			SUBJECT,
			Category::Tax,
			StatutoryBasis::Taxation,
			case(1),
			OTHER_PROVIDER
		));
		assert_eq!(Log::<Test>::get(first + 1).map(|entry| entry.holder), Some(OTHER_PROVIDER));
	});
}

#[test]
fn only_the_named_holder_records_the_result_of_a_statutory_access() {
	build_and_execute(|| {
		let entry = statutory(SUBJECT, Category::Tax, case(1));
		assert_eq!(Log::<Test>::get(entry).unwrap().holder, PROVIDER);
		assert_noop!(
			DataSharing::record_result(RuntimeOrigin::signed(OTHER_PROVIDER), entry, hash(0xF1)),
			Error::<Test>::NotHolder
		);
		// Neither the supervisor nor governance records it.
		assert_noop!(
			DataSharing::record_result(RuntimeOrigin::signed(SUPERVISOR), entry, hash(0xF1)),
			Error::<Test>::NotLicensed
		);
		assert_noop!(
			DataSharing::record_result(RuntimeOrigin::root(), entry, hash(0xF1)),
			DispatchError::BadOrigin
		);
		assert_eq!(Log::<Test>::get(entry).unwrap().result, None);
		assert_ok!(DataSharing::record_result(RuntimeOrigin::signed(PROVIDER), entry, hash(0xF1)));
		System::assert_last_event(
			Event::ResultRecorded { entry, holder: PROVIDER, result: hash(0xF1) }.into(),
		);
		assert_eq!(Log::<Test>::get(entry).unwrap().result, Some(hash(0xF1)));
	});
}

#[test]
fn a_sealed_case_is_hidden_from_the_subject_until_the_seal_ends() {
	build_and_execute(|| {
		let consent = grant(None);
		let consented = query(consent);
		let sealed = statutory(SUBJECT, Category::Tax, case(1));
		let open = statutory(SUBJECT, Category::Tax, case(2));
		let until = START + 30 * DAY;
		assert_ok!(seal(case(1), Some(until)));
		System::assert_last_event(Event::CaseSealed { case: case(1), until: Some(until) }.into());
		assert_eq!(SealedCases::<Test>::get().into_inner(), vec![Seal { case: case(1), until }]);
		// Later accesses of the case are hidden as well, for every subject.
		let later = statutory(SUBJECT, Category::Customs, case(1));
		let theirs = statutory(OTHER_SUBJECT, Category::Customs, case(1));

		assert_eq!(visible(SUBJECT), vec![consented, open]);
		assert_eq!(visible(OTHER_SUBJECT), Vec::<EntryId>::new());
		// The supervisors see everything.
		assert_eq!(supervised(), vec![consented, sealed, open, later, theirs]);

		Now::set(until - 1);
		assert_eq!(visible(SUBJECT), vec![consented, open]);
		// At `until` the entries reappear, without any call.
		Now::set(until);
		assert_eq!(visible(SUBJECT), vec![consented, sealed, open, later]);
		assert_eq!(visible(OTHER_SUBJECT), vec![theirs]);
	});
}

#[test]
fn lifting_a_seal_shows_the_case_again_at_once() {
	build_and_execute(|| {
		let entry = statutory(SUBJECT, Category::Tax, case(1));
		assert_ok!(seal(case(1), Some(START + DAY)));
		assert_eq!(visible(SUBJECT), Vec::<EntryId>::new());
		Now::set(START + 1);
		assert_ok!(seal(case(1), None));
		System::assert_last_event(Event::CaseSealed { case: case(1), until: None }.into());
		assert!(SealedCases::<Test>::get().is_empty());
		assert_eq!(visible(SUBJECT), vec![entry]);
		// Lifting a case that is not sealed changes nothing.
		assert_ok!(seal(case(2), None));
		assert!(SealedCases::<Test>::get().is_empty());
	});
}

#[test]
fn resealing_a_case_replaces_its_end() {
	build_and_execute(|| {
		let entry = statutory(SUBJECT, Category::Tax, case(1));
		assert_ok!(seal(case(1), Some(START + 10 * DAY)));
		assert_ok!(seal(case(1), Some(START + 2 * DAY)));
		assert_eq!(
			SealedCases::<Test>::get().into_inner(),
			vec![Seal { case: case(1), until: START + 2 * DAY }]
		);
		Now::set(START + 2 * DAY);
		assert_eq!(visible(SUBJECT), vec![entry]);
	});
}

#[test]
fn a_seal_must_end_after_now_and_within_max_confidentiality() {
	build_and_execute(|| {
		Now::set(START + 5);
		assert_eq!(Params::<Test>::get().max_confidentiality, MAX_SEAL);
		// A seal that ends now or earlier keeps nothing hidden: refused as invalid.
		for until in [0, START, START + 4, START + 5] {
			assert_noop!(seal(case(1), Some(until)), Error::<Test>::InvalidSeal);
		}
		assert_noop!(seal(case(1), Some(START + 5 + MAX_SEAL + 1)), Error::<Test>::SealTooLong);
		assert_noop!(seal(case(1), Some(Moment::MAX)), Error::<Test>::SealTooLong);
		assert_ok!(seal(case(1), Some(START + 5 + MAX_SEAL)));
		assert_ok!(seal(case(2), Some(START + 6)));
		assert_eq!(
			SealedCases::<Test>::get().into_inner(),
			vec![
				Seal { case: case(1), until: START + 5 + MAX_SEAL },
				Seal { case: case(2), until: START + 6 }
			]
		);
	});
}

#[test]
fn lapsed_seals_are_dropped_when_governance_seals_again() {
	build_and_execute(|| {
		assert_ok!(seal(case(1), Some(START + DAY)));
		assert_ok!(seal(case(2), Some(START + 3 * DAY)));
		Now::set(START + DAY);
		assert_ok!(seal(case(3), Some(START + 4 * DAY)));
		assert_eq!(
			SealedCases::<Test>::get().into_inner(),
			vec![
				Seal { case: case(2), until: START + 3 * DAY },
				Seal { case: case(3), until: START + 4 * DAY }
			]
		);
	});
}

#[test]
fn at_most_max_sealed_cases_are_sealed_at_once() {
	build_and_execute(|| {
		let until = START + DAY;
		assert_ok!(seal(case(1), Some(until)));
		assert_ok!(seal(case(2), Some(until)));
		assert_ok!(seal(case(3), Some(START + 2 * DAY)));
		assert_noop!(seal(case(4), Some(until)), Error::<Test>::TooManySealedCases);
		// Resealing one of the three needs no room.
		assert_ok!(seal(case(1), Some(until + 1)));
		assert_eq!(SealedCases::<Test>::get().len(), 3);
		// Lifting one makes room.
		assert_ok!(seal(case(2), None));
		assert_ok!(seal(case(4), Some(until)));
		assert_noop!(seal(case(5), Some(until)), Error::<Test>::TooManySealedCases);
		// So does one lapsing.
		Now::set(until + 1);
		assert_ok!(seal(case(5), Some(START + 2 * DAY)));
		assert_eq!(
			SealedCases::<Test>::get().into_inner(),
			vec![
				Seal { case: case(3), until: START + 2 * DAY },
				Seal { case: case(5), until: START + 2 * DAY }
			]
		);
	});
}

#[test]
fn only_governance_seals_a_case() {
	build_and_execute(|| {
		for who in [SUPERVISOR, SUBJECT, BANK] {
			assert_noop!(
				DataSharing::seal_case(RuntimeOrigin::signed(who), case(1), Some(START + DAY)),
				DispatchError::BadOrigin
			);
			assert_noop!(
				DataSharing::seal_case(RuntimeOrigin::signed(who), case(1), None),
				DispatchError::BadOrigin
			);
		}
		assert!(SealedCases::<Test>::get().is_empty());
	});
}

#[test]
fn the_seal_bound_follows_the_parameters() {
	build_and_execute(|| {
		let params = SharingParams { max_confidentiality: DAY, ..Default::default() };
		assert_ok!(DataSharing::set_params(RuntimeOrigin::root(), params));
		assert_noop!(seal(case(1), Some(START + DAY + 1)), Error::<Test>::SealTooLong);
		assert_ok!(seal(case(1), Some(START + DAY)));
	});
}

#[test]
fn the_subject_pages_past_a_run_of_sealed_entries() {
	build_and_execute(|| {
		let consent = grant(None);
		let first = query(consent);
		for _ in 0..3 {
			statutory(SUBJECT, Category::Tax, case(1));
		}
		let last = query(consent);
		assert_ok!(seal(case(1), Some(START + DAY)));
		// A client pages by two, continuing after the last entry returned, until a page comes
		// back empty: the sealed entries must not end the log early.
		let mut seen = Vec::new();
		let mut after = None;
		loop {
			let page = DataSharing::access_log(&SUBJECT, after, 2);
			let Some((id, _)) = page.last() else { break };
			after = Some(*id);
			seen.extend(page.into_iter().map(|(id, _)| id));
		}
		assert_eq!(seen, vec![first, last]);
		// A page is short only at the end of what the subject may see.
		let page: Vec<_> = DataSharing::access_log(&SUBJECT, None, 2)
			.into_iter()
			.map(|(id, _)| id)
			.collect();
		assert_eq!(page, vec![first, last]);
	});
}

/// The `AccessLogged` event of `statutory(subject, category, which)` logged as `entry`.
fn statutory_logged(entry: EntryId, subject: u64, category: Category, which: H256) -> Event<Test> {
	Event::AccessLogged {
		entry,
		subject,
		accessor: None,
		category,
		access: Access::Statutory { basis: StatutoryBasis::Supervision, case: which },
		holder: PROVIDER,
	}
}

#[test]
fn a_seal_ending_now_is_invalid() {
	build_and_execute(|| {
		let now = START + DAY;
		Now::set(now);
		let entry = statutory(SUBJECT, Category::Tax, case(1));
		assert_noop!(seal(case(1), Some(now)), Error::<Test>::InvalidSeal);
		assert!(SealedCases::<Test>::get().is_empty());
		assert_eq!(visible(SUBJECT), vec![entry]);
		// Even with the shortest confidentiality there is, an end at now is invalid rather
		// than too long; an end past the bound is too long.
		let params = SharingParams { max_confidentiality: 1, ..Default::default() };
		assert_ok!(DataSharing::set_params(RuntimeOrigin::root(), params));
		assert_noop!(seal(case(1), Some(now)), Error::<Test>::InvalidSeal);
		assert_noop!(seal(case(1), Some(now + 2)), Error::<Test>::SealTooLong);
		// A millisecond later is a seal.
		assert_ok!(seal(case(1), Some(now + 1)));
		assert_eq!(visible(SUBJECT), Vec::<EntryId>::new());
		// Resealing to end now is refused too, and leaves the seal in force as it was.
		assert_noop!(seal(case(1), Some(now)), Error::<Test>::InvalidSeal);
		assert_eq!(
			SealedCases::<Test>::get().into_inner(),
			vec![Seal { case: case(1), until: now + 1 }]
		);
		// Lifting is always possible.
		assert_ok!(seal(case(1), None));
		assert_eq!(visible(SUBJECT), vec![entry]);
	});
}

#[test]
fn resealing_cannot_hide_an_entry_longer_than_max_confidentiality_after_it_was_logged() {
	build_and_execute(|| {
		let logged_at = START + DAY;
		Now::set(logged_at);
		let consent = grant(None);
		let consented = query(consent);
		let entry = statutory(SUBJECT, Category::Tax, case(1));
		assert_ok!(seal(case(1), Some(logged_at + 60 * DAY)));
		// Governance seals the case again every 30 days, 60 days ahead each time: every seal
		// is within bounds, and the case never stops being sealed.
		for month in 1..=5 {
			let now = logged_at + month * 30 * DAY;
			Now::set(now);
			assert_eq!(visible(SUBJECT), vec![consented], "month {month}");
			assert_ok!(seal(case(1), Some(now + 60 * DAY)));
		}
		let sealed_until = logged_at + 150 * DAY + 60 * DAY;
		assert!(sealed_until > logged_at + MAX_SEAL);
		Now::set(logged_at + MAX_SEAL - 1);
		assert_eq!(visible(SUBJECT), vec![consented]);
		// `max_confidentiality` after it was logged, the entry is back in the subject's view,
		// though the case is still sealed.
		Now::set(logged_at + MAX_SEAL);
		assert_eq!(
			SealedCases::<Test>::get().into_inner(),
			vec![Seal { case: case(1), until: sealed_until }]
		);
		assert_eq!(visible(SUBJECT), vec![consented, entry]);
		// Sealing again, as far as allowed, does not hide it again.
		assert_ok!(seal(case(1), Some(logged_at + 2 * MAX_SEAL)));
		assert_eq!(visible(SUBJECT), vec![consented, entry]);
		// A later access of the case is hidden, for its own `max_confidentiality`.
		let later = statutory(SUBJECT, Category::Customs, case(1));
		assert_eq!(visible(SUBJECT), vec![consented, entry]);
		Now::set(logged_at + 2 * MAX_SEAL - 1);
		assert_eq!(visible(SUBJECT), vec![consented, entry]);
		Now::set(logged_at + 2 * MAX_SEAL);
		assert_eq!(visible(SUBJECT), vec![consented, entry, later]);
		// The supervisors saw everything throughout.
		assert_eq!(supervised(), vec![consented, entry, later]);
	});
}

#[test]
fn an_entry_sealed_after_it_was_logged_shows_max_confidentiality_after_it_was_logged() {
	build_and_execute(|| {
		let entry = statutory(SUBJECT, Category::Tax, case(1));
		// Sealed 100 days later, for as long as allowed: the seal outlasts the entry's bound.
		let sealed_at = START + 100 * DAY;
		Now::set(sealed_at);
		assert_ok!(seal(case(1), Some(sealed_at + MAX_SEAL)));
		let later = statutory(SUBJECT, Category::Tax, case(1));
		assert_eq!(visible(SUBJECT), Vec::<EntryId>::new());
		Now::set(START + MAX_SEAL - 1);
		assert_eq!(visible(SUBJECT), Vec::<EntryId>::new());
		Now::set(START + MAX_SEAL);
		assert_eq!(visible(SUBJECT), vec![entry]);
		// The later entry shows when the seal ends, its own bound at the same time.
		Now::set(sealed_at + MAX_SEAL - 1);
		assert_eq!(visible(SUBJECT), vec![entry]);
		Now::set(sealed_at + MAX_SEAL);
		assert_eq!(visible(SUBJECT), vec![entry, later]);
	});
}

#[test]
fn the_confidentiality_bound_follows_the_parameters() {
	build_and_execute(|| {
		let params = SharingParams { max_confidentiality: 10 * DAY, ..Default::default() };
		assert_ok!(DataSharing::set_params(RuntimeOrigin::root(), params));
		let entry = statutory(SUBJECT, Category::Tax, case(1));
		assert_ok!(seal(case(1), Some(START + 10 * DAY)));
		Now::set(START + 5 * DAY);
		assert_ok!(seal(case(1), Some(START + 15 * DAY)));
		Now::set(START + 10 * DAY - 1);
		assert_eq!(visible(SUBJECT), Vec::<EntryId>::new());
		Now::set(START + 10 * DAY);
		assert_eq!(visible(SUBJECT), vec![entry]);
	});
}

#[test]
fn a_statutory_query_of_a_sealed_case_is_logged_with_an_event_naming_neither_subject_nor_case() {
	build_and_execute(|| {
		assert_ok!(seal(case(1), Some(START + DAY)));
		let entry = statutory(SUBJECT, Category::Tax, case(1));
		System::assert_last_event(Event::ConfidentialAccessLogged { entry }.into());
		assert_eq!(access_logged(), 0);
		// By a council member as well, for another subject.
		let theirs = NextEntryId::<Test>::get();
		assert_ok!(DataSharing::statutory_query(
			RuntimeOrigin::signed(SUPERVISOR),
			OTHER_SUBJECT,
			Category::Payments,
			StatutoryBasis::AntiMoneyLaundering,
			case(1),
			OTHER_PROVIDER
		));
		System::assert_last_event(Event::ConfidentialAccessLogged { entry: theirs }.into());
		assert_eq!((access_logged(), confidential_logged()), (0, 2));
		// The entries are on the record in full, for the supervisors and the holders.
		let logged = Log::<Test>::get(entry).unwrap();
		assert_eq!((logged.subject, logged.category), (SUBJECT, Category::Tax));
		assert_eq!(
			logged.access,
			Access::Statutory { basis: StatutoryBasis::Supervision, case: case(1) }
		);
		assert_eq!(Log::<Test>::get(theirs).unwrap().accessor, Some(SUPERVISOR));
		assert_eq!(supervised(), vec![entry, theirs]);
		assert_eq!(DataSharing::can_serve(&PROVIDER, entry), Some(logged));
		assert!(DataSharing::can_serve(&OTHER_PROVIDER, theirs).is_some());
		// Not in the subjects' view.
		assert_eq!(visible(SUBJECT), Vec::<EntryId>::new());
		assert_eq!(visible(OTHER_SUBJECT), Vec::<EntryId>::new());
		// A refused query of the sealed case emits neither event.
		statutory_refused(RuntimeOrigin::root(), BANK, Error::<Test>::HolderNotLicensed);
		assert_eq!((access_logged(), confidential_logged()), (0, 2));
	});
}

#[test]
fn every_other_access_is_logged_with_access_logged() {
	build_and_execute(|| {
		// An unsealed case, while another is sealed.
		assert_ok!(seal(case(1), Some(START + DAY)));
		let open = statutory(SUBJECT, Category::Tax, case(2));
		System::assert_last_event(statutory_logged(open, SUBJECT, Category::Tax, case(2)).into());
		// A consented query while a case is sealed.
		let consent = grant(None);
		let consented = query(consent);
		System::assert_last_event(
			Event::AccessLogged {
				entry: consented,
				subject: SUBJECT,
				accessor: Some(BANK),
				category: Category::RegulatoryCredit,
				access: Access::Consent { consent, purpose: DataPurpose::CreditApproval },
				holder: PROVIDER,
			}
			.into(),
		);
		// The sealed case, in the same block: confidential.
		let hidden = statutory(SUBJECT, Category::Tax, case(1));
		System::assert_last_event(Event::ConfidentialAccessLogged { entry: hidden }.into());
		// The case once its seal lapsed.
		Now::set(START + DAY);
		let lapsed = statutory(SUBJECT, Category::Tax, case(1));
		System::assert_last_event(statutory_logged(lapsed, SUBJECT, Category::Tax, case(1)).into());
		// The case once its seal is lifted.
		assert_ok!(seal(case(1), Some(START + 2 * DAY)));
		let resealed = statutory(SUBJECT, Category::Tax, case(1));
		System::assert_last_event(Event::ConfidentialAccessLogged { entry: resealed }.into());
		assert_ok!(seal(case(1), None));
		let lifted = statutory(SUBJECT, Category::Tax, case(1));
		System::assert_last_event(statutory_logged(lifted, SUBJECT, Category::Tax, case(1)).into());
		// A case sealed after its access was logged: the event named it already.
		let before = statutory(SUBJECT, Category::Customs, case(3));
		System::assert_last_event(
			statutory_logged(before, SUBJECT, Category::Customs, case(3)).into(),
		);
		assert_ok!(seal(case(3), Some(START + 2 * DAY)));
		assert_eq!((access_logged(), confidential_logged()), (5, 2));
		// The subject sees what is not sealed now.
		assert_eq!(visible(SUBJECT), vec![open, consented, hidden, lapsed, resealed, lifted]);
	});
}

#[test]
fn the_named_holder_may_serve_a_statutory_entry_without_any_consent() {
	build_and_execute(|| {
		let entry = statutory(SUBJECT, Category::Tax, case(1));
		assert_eq!(NextConsentId::<Test>::get(), 0);
		let logged = Log::<Test>::get(entry).unwrap();
		assert_eq!(DataSharing::can_serve(&PROVIDER, entry), Some(logged.clone()));
		for who in [OTHER_PROVIDER, SUPERVISOR, SUBJECT, BANK] {
			assert_eq!(DataSharing::can_serve(&who, entry), None, "{who} is not the holder");
		}
		// Sealing the case keeps it from the subject, not from the holder.
		assert_ok!(seal(case(1), Some(START + DAY)));
		assert_eq!(DataSharing::can_serve(&PROVIDER, entry), Some(logged.clone()));
		// No consent to expire: a year on, it may still be served.
		Now::set(START + 365 * DAY);
		assert_eq!(DataSharing::can_serve(&PROVIDER, entry), Some(logged));
		// Not while the holder's licence is withdrawn.
		let roles = Licences::get().get(&PROVIDER).cloned().unwrap();
		Licences::mutate(|licences| licences.remove(&PROVIDER));
		assert_eq!(DataSharing::can_serve(&PROVIDER, entry), None);
		Licences::mutate(|licences| licences.insert(PROVIDER, roles));
		// Nor once the result is in.
		assert_ok!(DataSharing::record_result(RuntimeOrigin::signed(PROVIDER), entry, hash(0xF1)));
		assert_eq!(DataSharing::can_serve(&PROVIDER, entry), None);
	});
}
