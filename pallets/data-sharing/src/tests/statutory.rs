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
		assert_eq!(SealedCases::<Test>::get().into_inner(), vec![(case(1), until)]);
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
		assert_eq!(SealedCases::<Test>::get().into_inner(), vec![(case(1), START + 2 * DAY)]);
		Now::set(START + 2 * DAY);
		assert_eq!(visible(SUBJECT), vec![entry]);
	});
}

#[test]
fn a_seal_must_end_after_now_and_within_max_confidentiality() {
	build_and_execute(|| {
		Now::set(START + 5);
		assert_eq!(Params::<Test>::get().max_confidentiality, MAX_SEAL);
		for until in [0, START, START + 5] {
			assert_noop!(seal(case(1), Some(until)), Error::<Test>::SealTooLong);
		}
		assert_noop!(seal(case(1), Some(START + 5 + MAX_SEAL + 1)), Error::<Test>::SealTooLong);
		assert_noop!(seal(case(1), Some(Moment::MAX)), Error::<Test>::SealTooLong);
		assert_ok!(seal(case(1), Some(START + 5 + MAX_SEAL)));
		assert_ok!(seal(case(2), Some(START + 6)));
		assert_eq!(
			SealedCases::<Test>::get().into_inner(),
			vec![(case(1), START + 5 + MAX_SEAL), (case(2), START + 6)]
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
			vec![(case(2), START + 3 * DAY), (case(3), START + 4 * DAY)]
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
			vec![(case(3), START + 2 * DAY), (case(5), START + 2 * DAY)]
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
