//! The query gate: a query passes, and is logged exactly once, only under a live consent of
//! the caller's for that category and purpose with queries left, naming a licensed data
//! provider as the holder to serve it; every refused query leaves no trace. `can_access` agrees
//! with the gate, and the holder the entry names, and only it, records what it served.

use super::common::*;
use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use fxchain_primitives::{kyc::Role, Moment};
use sp_runtime::DispatchError;

/// The mock `grant`'s expiry.
const EXPIRY: Moment = START + 90 * DAY;

/// `who`'s query of `category` for `purpose` under `consent`, asking `holder` to serve it, is
/// refused with `error`, and nothing of it is on the record: no log entry, no index entry, no
/// number used, no event, no query counted.
fn refused_from(
	who: u64,
	consent: ConsentId,
	category: Category,
	purpose: DataPurpose,
	holder: u64,
	error: impl Into<DispatchError>,
) {
	let next = NextEntryId::<Test>::get();
	let entries = Log::<Test>::iter().count();
	let indexed = LogOf::<Test>::iter().count();
	let logged = access_logged();
	let confidential = confidential_logged();
	let queries = Consents::<Test>::get(consent).map(|record| record.queries);
	let seen = visible(SUBJECT);
	let error: DispatchError = error.into();
	assert_noop!(query_from(who, consent, category, purpose, holder), error);
	assert_eq!(NextEntryId::<Test>::get(), next, "no entry number is used");
	assert_eq!(Log::<Test>::iter().count(), entries, "nothing is logged");
	assert_eq!(LogOf::<Test>::iter().count(), indexed, "nothing is indexed");
	assert_eq!(access_logged(), logged, "no AccessLogged event");
	assert_eq!(confidential_logged(), confidential, "no ConfidentialAccessLogged event");
	assert_eq!(
		Consents::<Test>::get(consent).map(|record| record.queries),
		queries,
		"no query is counted"
	);
	assert_eq!(visible(SUBJECT), seen, "the subject's log is unchanged");
}

/// `who`'s query, asking `PROVIDER` to serve it, is refused with `error` and leaves no trace.
fn refused(
	who: u64,
	consent: ConsentId,
	category: Category,
	purpose: DataPurpose,
	error: impl Into<DispatchError>,
) {
	refused_from(who, consent, category, purpose, PROVIDER, error);
}

/// `BANK` queries under `consent` for what the mock's `grant` allows.
fn refused_to_bank(consent: ConsentId, error: Error<Test>) {
	refused(BANK, consent, Category::RegulatoryCredit, DataPurpose::CreditApproval, error);
}

#[test]
fn a_valid_query_is_logged_exactly_once() {
	build_and_execute(|| {
		let consent = grant(Some(5));
		Now::set(START + 42);
		assert_ok!(query_as(
			BANK,
			consent,
			Category::RegulatoryCredit,
			DataPurpose::CreditApproval
		));
		let entry = AuditEntry {
			subject: SUBJECT,
			accessor: Some(BANK),
			at: START + 42,
			category: Category::RegulatoryCredit,
			access: Access::Consent { consent, purpose: DataPurpose::CreditApproval },
			holder: PROVIDER,
			result: None,
		};
		assert_eq!(Log::<Test>::iter().collect::<Vec<_>>(), vec![(0, entry.clone())]);
		assert!(LogOf::<Test>::contains_key(SUBJECT, 0u64.to_be_bytes()));
		assert_eq!(LogOf::<Test>::iter().count(), 1);
		assert_eq!(NextEntryId::<Test>::get(), 1);
		assert_eq!(stored(consent).queries, 1);
		assert_eq!(access_logged(), 1);
		System::assert_last_event(
			Event::AccessLogged {
				entry: 0,
				subject: SUBJECT,
				accessor: Some(BANK),
				category: Category::RegulatoryCredit,
				access: Access::Consent { consent, purpose: DataPurpose::CreditApproval },
				holder: PROVIDER,
			}
			.into(),
		);
		// The subject and the supervisor see it; nobody else's log holds it.
		assert_eq!(DataSharing::access_log(&SUBJECT, None, 10), vec![(0, entry.clone())]);
		assert_eq!(DataSharing::supervisory_log(None, 10), vec![(0, entry)]);
		assert_eq!(DataSharing::access_log(&OTHER_SUBJECT, None, 10), vec![]);
		assert_eq!(DataSharing::access_log(&BANK, None, 10), vec![]);
	});
}

#[test]
fn each_valid_query_gets_the_next_entry_and_counts_once() {
	build_and_execute(|| {
		let consent = grant_to(
			SUBJECT,
			BANK,
			&[Category::Tax, Category::Customs],
			DataPurpose::TradeFinance,
			EXPIRY,
			None,
		);
		for (n, category) in
			[Category::Tax, Category::Customs, Category::Tax].into_iter().enumerate()
		{
			Now::set(START + n as u64);
			assert_ok!(query_as(BANK, consent, category, DataPurpose::TradeFinance));
			let entry = Log::<Test>::get(n as u64).unwrap();
			assert_eq!((entry.category, entry.at), (category, START + n as u64));
		}
		assert_eq!(stored(consent).queries, 3);
		assert_eq!(NextEntryId::<Test>::get(), 3);
		assert_eq!(visible(SUBJECT), vec![0, 1, 2]);
		assert_eq!(access_logged(), 3);
	});
}

#[test]
fn a_query_under_an_unknown_consent_is_refused_and_logged_nowhere() {
	build_and_execute(|| {
		refused_to_bank(0, Error::<Test>::ConsentNotFound);
		let consent = grant(None);
		query(consent);
		refused_to_bank(consent + 1, Error::<Test>::ConsentNotFound);
		refused_to_bank(ConsentId::MAX, Error::<Test>::ConsentNotFound);
	});
}

#[test]
fn a_query_under_an_expired_consent_is_refused_and_logged_nowhere() {
	build_and_execute(|| {
		let consent = grant(None);
		Now::set(EXPIRY - 1);
		query(consent);
		// Expired at its expiry exactly.
		Now::set(EXPIRY);
		refused_to_bank(consent, Error::<Test>::ConsentExpired);
		Now::set(EXPIRY + 365 * DAY);
		refused_to_bank(consent, Error::<Test>::ConsentExpired);
		assert_eq!(stored(consent).queries, 1);
	});
}

#[test]
fn a_query_under_a_revoked_consent_is_refused_and_logged_nowhere() {
	build_and_execute(|| {
		let consent = grant(None);
		query(consent);
		assert_ok!(DataSharing::revoke(RuntimeOrigin::signed(SUBJECT), consent));
		refused_to_bank(consent, Error::<Test>::ConsentRevoked);
		// Revocation outranks the expiry.
		Now::set(EXPIRY + 1);
		refused_to_bank(consent, Error::<Test>::ConsentRevoked);
	});
}

#[test]
fn a_query_of_a_category_not_consented_is_refused_and_logged_nowhere() {
	build_and_execute(|| {
		let consent = grant(None);
		query(consent);
		for category in Category::ALL.into_iter().filter(|c| *c != Category::RegulatoryCredit) {
			refused(
				BANK,
				consent,
				category,
				DataPurpose::CreditApproval,
				Error::<Test>::CategoryNotConsented,
			);
		}
	});
}

#[test]
fn a_query_for_another_purpose_is_refused_and_logged_nowhere() {
	build_and_execute(|| {
		let consent = grant(None);
		query(consent);
		for purpose in [
			DataPurpose::LoanMonitoring,
			DataPurpose::AccountOpening,
			DataPurpose::TradeFinance,
			DataPurpose::LeaseUnderwriting,
			DataPurpose::Insurance,
		] {
			refused(
				BANK,
				consent,
				Category::RegulatoryCredit,
				purpose,
				Error::<Test>::PurposeNotConsented,
			);
		}
	});
}

#[test]
fn a_query_past_the_count_is_refused_and_logged_nowhere() {
	build_and_execute(|| {
		let consent = grant(Some(2));
		query(consent);
		query(consent);
		refused_to_bank(consent, Error::<Test>::QueriesExhausted);
		refused_to_bank(consent, Error::<Test>::QueriesExhausted);
		assert_eq!(stored(consent).queries, 2);
		assert_eq!(visible(SUBJECT), vec![0, 1]);
	});
}

#[test]
fn a_query_by_someone_other_than_the_grantee_is_refused_and_logged_nowhere() {
	build_and_execute(|| {
		let consent = grant(None);
		query(consent);
		// Another licensed bank, even for exactly what the consent covers.
		refused(
			OTHER_BANK,
			consent,
			Category::RegulatoryCredit,
			DataPurpose::CreditApproval,
			Error::<Test>::NotGrantee,
		);
		// The grantee check comes first: a stranger learns nothing of the consent's state.
		assert_ok!(DataSharing::revoke(RuntimeOrigin::signed(SUBJECT), consent));
		refused(
			OTHER_BANK,
			consent,
			Category::Tax,
			DataPurpose::Insurance,
			Error::<Test>::NotGrantee,
		);
	});
}

#[test]
fn a_query_by_an_unlicensed_caller_is_refused_and_logged_nowhere() {
	build_and_execute(|| {
		let consent = grant(None);
		query(consent);
		// Without a licence, with a provider's licence, the subject itself, the supervisor.
		for who in [UNLICENSED, PROVIDER, SUBJECT, SUPERVISOR, UNVERIFIED] {
			refused(
				who,
				consent,
				Category::RegulatoryCredit,
				DataPurpose::CreditApproval,
				Error::<Test>::NotLicensed,
			);
		}
		// The grantee itself once its licence is withdrawn.
		Licences::mutate(|licences| licences.remove(&BANK));
		refused_to_bank(consent, Error::<Test>::NotLicensed);
		// Unsigned and root origins are not callers at all.
		assert_noop!(
			DataSharing::query(
				RuntimeOrigin::root(),
				consent,
				Category::RegulatoryCredit,
				DataPurpose::CreditApproval,
				PROVIDER
			),
			DispatchError::BadOrigin
		);
		assert_eq!(NextEntryId::<Test>::get(), 1);
	});
}

#[test]
fn revoking_mid_stream_stops_the_next_query() {
	build_and_execute(|| {
		let consent = grant(None);
		query(consent);
		Now::set(START + 1);
		query(consent);
		Now::set(START + 2);
		assert_ok!(DataSharing::revoke(RuntimeOrigin::signed(SUBJECT), consent));
		// In the same millisecond as the revocation.
		refused_to_bank(consent, Error::<Test>::ConsentRevoked);
		assert_eq!(stored(consent).queries, 2);
		assert_eq!(visible(SUBJECT), vec![0, 1]);
		// A new consent is needed, and works.
		let renewed = grant_to(
			SUBJECT,
			BANK,
			&[Category::RegulatoryCredit],
			DataPurpose::CreditApproval,
			EXPIRY,
			None,
		);
		assert_eq!(query(renewed), 2);
	});
}

#[test]
fn can_access_names_the_live_consent_and_agrees_with_the_gate() {
	build_and_execute(|| {
		let access = |grantee, category, purpose| {
			DataSharing::can_access(&grantee, &SUBJECT, category, purpose)
		};
		let rc = Category::RegulatoryCredit;
		let credit = DataPurpose::CreditApproval;
		assert_eq!(access(BANK, rc, credit), None);
		let consent = grant(Some(2));
		assert_eq!(access(BANK, rc, credit), Some(consent));
		// Not for another category, purpose, grantee or subject.
		assert_eq!(access(BANK, Category::Tax, credit), None);
		assert_eq!(access(BANK, rc, DataPurpose::LoanMonitoring), None);
		assert_eq!(access(OTHER_BANK, rc, credit), None);
		assert_eq!(DataSharing::can_access(&BANK, &OTHER_SUBJECT, rc, credit), None);
		// Each refused by the gate as well.
		refused(BANK, consent, Category::Tax, credit, Error::<Test>::CategoryNotConsented);
		refused(BANK, consent, rc, DataPurpose::LoanMonitoring, Error::<Test>::PurposeNotConsented);
		refused(OTHER_BANK, consent, rc, credit, Error::<Test>::NotGrantee);
		// Live until the count runs out.
		query(consent);
		assert_eq!(access(BANK, rc, credit), Some(consent));
		query(consent);
		assert_eq!(access(BANK, rc, credit), None);
		refused_to_bank(consent, Error::<Test>::QueriesExhausted);
	});
}

#[test]
fn can_access_ends_with_revocation() {
	build_and_execute(|| {
		let consent = grant(None);
		assert_eq!(
			DataSharing::can_access(
				&BANK,
				&SUBJECT,
				Category::RegulatoryCredit,
				DataPurpose::CreditApproval
			),
			Some(consent)
		);
		assert_ok!(DataSharing::revoke(RuntimeOrigin::signed(SUBJECT), consent));
		assert_eq!(
			DataSharing::can_access(
				&BANK,
				&SUBJECT,
				Category::RegulatoryCredit,
				DataPurpose::CreditApproval
			),
			None
		);
		refused_to_bank(consent, Error::<Test>::ConsentRevoked);
	});
}

#[test]
fn can_access_ends_at_the_expiry() {
	build_and_execute(|| {
		let consent = grant(None);
		let access = || {
			DataSharing::can_access(
				&BANK,
				&SUBJECT,
				Category::RegulatoryCredit,
				DataPurpose::CreditApproval,
			)
		};
		Now::set(EXPIRY - 1);
		assert_eq!(access(), Some(consent));
		query(consent);
		Now::set(EXPIRY);
		assert_eq!(access(), None);
		refused_to_bank(consent, Error::<Test>::ConsentExpired);
	});
}

#[test]
fn can_access_skips_ended_consents_for_a_live_one() {
	build_and_execute(|| {
		let revoked = grant(None);
		assert_ok!(DataSharing::revoke(RuntimeOrigin::signed(SUBJECT), revoked));
		let exhausted = grant(Some(1));
		query(exhausted);
		// A live one for another grantee and one for another purpose do not count.
		grant_to(
			SUBJECT,
			OTHER_BANK,
			&[Category::RegulatoryCredit],
			DataPurpose::CreditApproval,
			EXPIRY,
			None,
		);
		grant_to(
			SUBJECT,
			BANK,
			&[Category::RegulatoryCredit],
			DataPurpose::Insurance,
			EXPIRY,
			None,
		);
		assert_eq!(
			DataSharing::can_access(
				&BANK,
				&SUBJECT,
				Category::RegulatoryCredit,
				DataPurpose::CreditApproval
			),
			None
		);
		let live = grant_to(
			SUBJECT,
			BANK,
			&[Category::Tax, Category::RegulatoryCredit],
			DataPurpose::CreditApproval,
			EXPIRY,
			None,
		);
		assert_eq!(
			DataSharing::can_access(
				&BANK,
				&SUBJECT,
				Category::RegulatoryCredit,
				DataPurpose::CreditApproval
			),
			Some(live)
		);
		assert_ok!(query_as(BANK, live, Category::RegulatoryCredit, DataPurpose::CreditApproval));
	});
}

#[test]
fn the_data_holder_records_the_result_of_a_logged_query_once() {
	build_and_execute(|| {
		let consent = grant(None);
		let entry = query(consent);
		assert_ok!(DataSharing::record_result(RuntimeOrigin::signed(PROVIDER), entry, hash(0xF1)));
		assert_eq!(Log::<Test>::get(entry).unwrap().result, Some(hash(0xF1)));
		System::assert_last_event(
			Event::ResultRecorded { entry, holder: PROVIDER, result: hash(0xF1) }.into(),
		);
		let logged = &DataSharing::access_log(&SUBJECT, None, 10)[0].1;
		assert_eq!((logged.holder, logged.result), (PROVIDER, Some(hash(0xF1))));
		// Once: neither the same holder nor another may overwrite it (another provider is
		// not the holder the entry names).
		assert_noop!(
			DataSharing::record_result(RuntimeOrigin::signed(PROVIDER), entry, hash(0xF2)),
			Error::<Test>::ResultAlreadyRecorded
		);
		assert_noop!(
			DataSharing::record_result(RuntimeOrigin::signed(OTHER_PROVIDER), entry, hash(0xF2)),
			Error::<Test>::NotHolder
		);
		assert_eq!(Log::<Test>::get(entry).unwrap().result, Some(hash(0xF1)));
	});
}

#[test]
fn only_a_licensed_provider_records_a_result() {
	build_and_execute(|| {
		let consent = grant(None);
		let entry = query(consent);
		for who in [BANK, SUBJECT, UNLICENSED, SUPERVISOR] {
			assert_noop!(
				DataSharing::record_result(RuntimeOrigin::signed(who), entry, hash(0xF1)),
				Error::<Test>::NotLicensed
			);
		}
		assert_noop!(
			DataSharing::record_result(RuntimeOrigin::root(), entry, hash(0xF1)),
			DispatchError::BadOrigin
		);
		Licences::mutate(|licences| licences.remove(&PROVIDER));
		assert_noop!(
			DataSharing::record_result(RuntimeOrigin::signed(PROVIDER), entry, hash(0xF1)),
			Error::<Test>::NotLicensed
		);
		assert_eq!(Log::<Test>::get(entry).unwrap().result, None);
	});
}

#[test]
fn a_result_for_an_unknown_entry_is_refused() {
	build_and_execute(|| {
		assert_noop!(
			DataSharing::record_result(RuntimeOrigin::signed(PROVIDER), 0, hash(0xF1)),
			Error::<Test>::EntryNotFound
		);
		let consent = grant(None);
		let entry = query(consent);
		assert_noop!(
			DataSharing::record_result(RuntimeOrigin::signed(PROVIDER), entry + 1, hash(0xF1)),
			Error::<Test>::EntryNotFound
		);
	});
}

#[test]
fn can_access_ends_when_the_grantee_loses_its_licence() {
	build_and_execute(|| {
		let consent = grant(None);
		let access = || {
			DataSharing::can_access(
				&BANK,
				&SUBJECT,
				Category::RegulatoryCredit,
				DataPurpose::CreditApproval,
			)
		};
		assert_eq!(access(), Some(consent));
		// The gate refuses a grantee without a licence; a holder asking `can_access` must not
		// be told otherwise.
		Licences::mutate(|licences| licences.remove(&BANK));
		refused_to_bank(consent, Error::<Test>::NotLicensed);
		assert_eq!(access(), None);
		// The consent itself is still live: with the licence back, both pass again.
		assert_eq!(DataSharing::consent(consent).unwrap().status, ConsentStatus::Live);
		Licences::mutate(|licences| licences.insert(BANK, vec![Role::DataConsumer]));
		assert_eq!(access(), Some(consent));
		query(consent);
	});
}

#[test]
fn a_query_naming_an_unlicensed_holder_is_refused_and_logged_nowhere() {
	build_and_execute(|| {
		let consent = grant(Some(5));
		query(consent);
		// A consumer's licence, none, the subject, the supervisor, an unverified account, an
		// account the chain has never seen: none of them is a data provider.
		for holder in [BANK, OTHER_BANK, UNLICENSED, SUBJECT, SUPERVISOR, UNVERIFIED, 999] {
			refused_from(
				BANK,
				consent,
				Category::RegulatoryCredit,
				DataPurpose::CreditApproval,
				holder,
				Error::<Test>::HolderNotLicensed,
			);
		}
		// A provider whose licence was withdrawn is no longer a holder to name.
		Licences::mutate(|licences| licences.remove(&PROVIDER));
		refused_to_bank(consent, Error::<Test>::HolderNotLicensed);
		assert_eq!(stored(consent).queries, 1);
		assert_eq!(visible(SUBJECT), vec![0]);
		// The same query naming a licensed provider passes.
		assert_ok!(query_from(
			BANK,
			consent,
			Category::RegulatoryCredit,
			DataPurpose::CreditApproval,
			OTHER_PROVIDER
		));
		assert_eq!(stored(consent).queries, 2);
		assert_eq!(visible(SUBJECT), vec![0, 1]);
	});
}

#[test]
fn the_holder_is_checked_after_the_caller_and_before_the_consent() {
	build_and_execute(|| {
		let rc = Category::RegulatoryCredit;
		let credit = DataPurpose::CreditApproval;
		let consent = grant(Some(1));
		// The caller's own licence and origin come first.
		refused_from(UNLICENSED, consent, rc, credit, UNLICENSED, Error::<Test>::NotLicensed);
		refused_from(PROVIDER, consent, rc, credit, BANK, Error::<Test>::NotLicensed);
		assert_noop!(
			DataSharing::query(RuntimeOrigin::root(), consent, rc, credit, BANK),
			DispatchError::BadOrigin
		);
		// Then the holder, whatever the consent: unknown, another grantee's, another category
		// or purpose, exhausted, revoked.
		let unlicensed = |who, consent, category, purpose| {
			refused_from(
				who,
				consent,
				category,
				purpose,
				UNLICENSED,
				Error::<Test>::HolderNotLicensed,
			)
		};
		unlicensed(BANK, consent + 1, rc, credit);
		unlicensed(OTHER_BANK, consent, rc, credit);
		unlicensed(BANK, consent, Category::Tax, credit);
		unlicensed(BANK, consent, rc, DataPurpose::Insurance);
		query(consent);
		unlicensed(BANK, consent, rc, credit);
		assert_ok!(DataSharing::revoke(RuntimeOrigin::signed(SUBJECT), consent));
		unlicensed(BANK, consent, rc, credit);
		// Naming a licensed holder, the consent's own refusal shows.
		refused_to_bank(consent, Error::<Test>::ConsentRevoked);
	});
}

#[test]
fn the_entry_and_the_event_name_the_holder_the_query_asked() {
	build_and_execute(|| {
		let consent = grant(None);
		let access = Access::Consent { consent, purpose: DataPurpose::CreditApproval };
		for (entry, holder) in [(0, OTHER_PROVIDER), (1, PROVIDER)] {
			assert_ok!(query_from(
				BANK,
				consent,
				Category::RegulatoryCredit,
				DataPurpose::CreditApproval,
				holder
			));
			let logged = Log::<Test>::get(entry).unwrap();
			assert_eq!((logged.holder, logged.result), (holder, None));
			System::assert_last_event(
				Event::AccessLogged {
					entry,
					subject: SUBJECT,
					accessor: Some(BANK),
					category: Category::RegulatoryCredit,
					access: access.clone(),
					holder,
				}
				.into(),
			);
		}
		// The subject and the supervisors see who was asked to serve each query.
		let holders = |log: Vec<(EntryId, AuditEntry<u64>)>| -> Vec<(EntryId, u64)> {
			log.into_iter().map(|(id, entry)| (id, entry.holder)).collect()
		};
		let expected = vec![(0, OTHER_PROVIDER), (1, PROVIDER)];
		assert_eq!(holders(DataSharing::access_log(&SUBJECT, None, 10)), expected);
		assert_eq!(holders(DataSharing::supervisory_log(None, 10)), expected);
	});
}

#[test]
fn a_provider_that_is_not_the_holder_cannot_record_the_result() {
	build_and_execute(|| {
		let consent = grant(None);
		let entry = NextEntryId::<Test>::get();
		assert_ok!(query_from(
			BANK,
			consent,
			Category::RegulatoryCredit,
			DataPurpose::CreditApproval,
			OTHER_PROVIDER
		));
		let before = Log::<Test>::get(entry).unwrap();
		let deposited = events().len();
		// `PROVIDER` is licensed, but the query asked `OTHER_PROVIDER`.
		assert_noop!(
			DataSharing::record_result(RuntimeOrigin::signed(PROVIDER), entry, hash(0xF1)),
			Error::<Test>::NotHolder
		);
		assert_eq!(Log::<Test>::get(entry), Some(before), "the entry is unchanged");
		assert_eq!(events().len(), deposited, "no ResultRecorded event");
		// The holder the entry names records it, once.
		assert_ok!(DataSharing::record_result(
			RuntimeOrigin::signed(OTHER_PROVIDER),
			entry,
			hash(0xF2)
		));
		System::assert_last_event(
			Event::ResultRecorded { entry, holder: OTHER_PROVIDER, result: hash(0xF2) }.into(),
		);
		let logged = Log::<Test>::get(entry).unwrap();
		assert_eq!((logged.holder, logged.result), (OTHER_PROVIDER, Some(hash(0xF2))));
		// Still not the holder once the result is in: the holder check comes first.
		assert_noop!(
			DataSharing::record_result(RuntimeOrigin::signed(PROVIDER), entry, hash(0xF1)),
			Error::<Test>::NotHolder
		);
		assert_noop!(
			DataSharing::record_result(RuntimeOrigin::signed(OTHER_PROVIDER), entry, hash(0xF1)),
			Error::<Test>::ResultAlreadyRecorded
		);
	});
}

#[test]
fn the_holder_records_a_result_only_while_licensed() {
	build_and_execute(|| {
		let consent = grant(None);
		let entry = query(consent);
		// The holder the entry names, once its licence is withdrawn, is refused for its
		// licence: the licence is checked before the holder.
		Licences::mutate(|licences| licences.remove(&PROVIDER));
		assert_noop!(
			DataSharing::record_result(RuntimeOrigin::signed(PROVIDER), entry, hash(0xF1)),
			Error::<Test>::NotLicensed
		);
		assert_eq!(Log::<Test>::get(entry).unwrap().result, None);
		// With the licence back, it records.
		Licences::mutate(|licences| licences.insert(PROVIDER, vec![Role::DataProvider]));
		assert_ok!(DataSharing::record_result(RuntimeOrigin::signed(PROVIDER), entry, hash(0xF1)));
		assert_eq!(Log::<Test>::get(entry).unwrap().result, Some(hash(0xF1)));
	});
}

/// What `holder` may serve of `entry` now.
fn serve(holder: u64, entry: EntryId) -> Option<AuditEntry<u64>> {
	DataSharing::can_serve(&holder, entry)
}

#[test]
fn can_serve_gives_the_named_licensed_holder_the_entry_until_the_result_is_in() {
	build_and_execute(|| {
		let consent = grant(None);
		let entry = query(consent);
		let logged = Log::<Test>::get(entry).unwrap();
		assert_eq!(serve(PROVIDER, entry), Some(logged.clone()));
		// Nobody else the entry does not name: another provider, the grantee, the subject, the
		// supervisor.
		for who in [OTHER_PROVIDER, BANK, SUBJECT, SUPERVISOR, UNLICENSED] {
			assert_eq!(serve(who, entry), None, "{who} is not the holder");
		}
		// No entry, no service.
		assert_eq!(serve(PROVIDER, entry + 1), None);
		assert_eq!(serve(PROVIDER, EntryId::MAX), None);
		// Asking changes nothing.
		assert_eq!(Log::<Test>::get(entry), Some(logged.clone()));
		// Once the result is recorded, there is nothing left to serve.
		assert_ok!(DataSharing::record_result(RuntimeOrigin::signed(PROVIDER), entry, hash(0xF1)));
		assert_eq!(serve(PROVIDER, entry), None);
		assert_eq!(serve(OTHER_PROVIDER, entry), None);
	});
}

#[test]
fn can_serve_names_only_the_holder_the_query_asked() {
	build_and_execute(|| {
		let consent = grant(None);
		let entry = NextEntryId::<Test>::get();
		assert_ok!(query_from(
			BANK,
			consent,
			Category::RegulatoryCredit,
			DataPurpose::CreditApproval,
			OTHER_PROVIDER
		));
		assert_eq!(serve(PROVIDER, entry), None);
		assert_eq!(serve(OTHER_PROVIDER, entry), Log::<Test>::get(entry));
		assert!(serve(OTHER_PROVIDER, entry).is_some());
		// It agrees with `record_result`: the holder it names records, the other is refused.
		assert_noop!(
			DataSharing::record_result(RuntimeOrigin::signed(PROVIDER), entry, hash(0xF1)),
			Error::<Test>::NotHolder
		);
		assert_ok!(DataSharing::record_result(
			RuntimeOrigin::signed(OTHER_PROVIDER),
			entry,
			hash(0xF1)
		));
		assert_eq!(serve(OTHER_PROVIDER, entry), None);
	});
}

#[test]
fn can_serve_ends_while_the_holder_s_licence_is_withdrawn() {
	build_and_execute(|| {
		let consent = grant(None);
		let entry = query(consent);
		assert!(serve(PROVIDER, entry).is_some());
		Licences::mutate(|licences| licences.remove(&PROVIDER));
		assert_eq!(serve(PROVIDER, entry), None);
		// The same holder could not record the result either.
		assert_noop!(
			DataSharing::record_result(RuntimeOrigin::signed(PROVIDER), entry, hash(0xF1)),
			Error::<Test>::NotLicensed
		);
		// A consumer's licence is not a provider's.
		Licences::mutate(|licences| licences.insert(PROVIDER, vec![Role::DataConsumer]));
		assert_eq!(serve(PROVIDER, entry), None);
		// With its licence back, it may serve again.
		Licences::mutate(|licences| licences.insert(PROVIDER, vec![Role::DataProvider]));
		assert_eq!(serve(PROVIDER, entry), Log::<Test>::get(entry));
		assert!(serve(PROVIDER, entry).is_some());
	});
}

#[test]
fn can_serve_ends_when_the_subject_revokes_the_consent() {
	build_and_execute(|| {
		let consent = grant(None);
		let entry = query(consent);
		let other = query(consent);
		assert!(serve(PROVIDER, entry).is_some());
		Now::set(START + DAY);
		assert_ok!(DataSharing::revoke(RuntimeOrigin::signed(SUBJECT), consent));
		// Logged before the revocation, but not served yet: the holder must not serve it now.
		assert_eq!(serve(PROVIDER, entry), None);
		assert_eq!(serve(PROVIDER, other), None);
		// Still not once the consent would have expired anyway.
		Now::set(EXPIRY + DAY);
		assert_eq!(serve(PROVIDER, entry), None);
	});
}

#[test]
fn can_serve_ends_at_the_consent_s_expiry() {
	build_and_execute(|| {
		let consent = grant(None);
		let entry = query(consent);
		Now::set(EXPIRY - 1);
		assert!(serve(PROVIDER, entry).is_some());
		// Expired at its expiry exactly, as the gate has it.
		Now::set(EXPIRY);
		assert_eq!(DataSharing::consent(consent).unwrap().status, ConsentStatus::Expired);
		assert_eq!(serve(PROVIDER, entry), None);
		Now::set(EXPIRY + 365 * DAY);
		assert_eq!(serve(PROVIDER, entry), None);
	});
}

#[test]
fn can_serve_the_query_that_exhausted_its_consent() {
	build_and_execute(|| {
		let consent = grant(Some(1));
		let entry = query(consent);
		// The query used the consent's only place: no further query passes...
		assert_eq!(DataSharing::consent(consent).unwrap().status, ConsentStatus::Exhausted);
		refused_to_bank(consent, Error::<Test>::QueriesExhausted);
		assert_eq!(
			DataSharing::can_access(
				&BANK,
				&SUBJECT,
				Category::RegulatoryCredit,
				DataPurpose::CreditApproval
			),
			None
		);
		// ...but the one that used it may still be served.
		assert_eq!(serve(PROVIDER, entry), Log::<Test>::get(entry));
		assert!(serve(PROVIDER, entry).is_some());
		// Until the consent is revoked or expires.
		Now::set(EXPIRY);
		assert_eq!(serve(PROVIDER, entry), None);
	});
}

#[test]
fn can_serve_an_exhausted_consent_s_query_until_revoked() {
	build_and_execute(|| {
		let consent = grant(Some(2));
		let first = query(consent);
		let last = query(consent);
		assert_eq!(DataSharing::consent(consent).unwrap().status, ConsentStatus::Exhausted);
		assert!(serve(PROVIDER, first).is_some());
		assert!(serve(PROVIDER, last).is_some());
		assert_ok!(DataSharing::revoke(RuntimeOrigin::signed(SUBJECT), consent));
		assert_eq!(serve(PROVIDER, first), None);
		assert_eq!(serve(PROVIDER, last), None);
	});
}

#[test]
fn can_serve_nothing_once_the_entry_is_pruned() {
	build_and_execute(|| {
		// A day's retention: the entry leaves storage a day after it was logged, while its
		// consent is still live.
		let params = SharingParams { retention: DAY, ..Default::default() };
		assert_ok!(DataSharing::set_params(RuntimeOrigin::root(), params));
		let consent = grant(None);
		let entry = query(consent);
		assert!(serve(PROVIDER, entry).is_some());
		run_to(START + DAY);
		assert_eq!(Log::<Test>::get(entry), None);
		assert_eq!(serve(PROVIDER, entry), None);
		assert_eq!(
			DataSharing::consent(consent).map(|view| view.status),
			Some(ConsentStatus::Live)
		);
	});
}

#[test]
fn the_gate_reports_the_consent_s_status_before_its_category_and_its_category_before_its_purpose() {
	build_and_execute(|| {
		let consent = grant(Some(1));
		// Live: the category is checked before the purpose.
		refused(
			BANK,
			consent,
			Category::Tax,
			DataPurpose::Insurance,
			Error::<Test>::CategoryNotConsented,
		);
		query(consent);
		// Exhausted, revoked, expired: the status comes first, whatever is asked.
		refused(
			BANK,
			consent,
			Category::Tax,
			DataPurpose::Insurance,
			Error::<Test>::QueriesExhausted,
		);
		assert_ok!(DataSharing::revoke(RuntimeOrigin::signed(SUBJECT), consent));
		refused(
			BANK,
			consent,
			Category::Tax,
			DataPurpose::Insurance,
			Error::<Test>::ConsentRevoked,
		);
		let expiring = grant(None);
		Now::set(EXPIRY);
		refused(
			BANK,
			expiring,
			Category::Tax,
			DataPurpose::Insurance,
			Error::<Test>::ConsentExpired,
		);
	});
}

#[test]
fn every_refusal_of_a_consent_maps_to_its_error() {
	let cases = [
		(Refusal::Revoked, Error::<Test>::ConsentRevoked),
		(Refusal::Expired, Error::<Test>::ConsentExpired),
		(Refusal::Exhausted, Error::<Test>::QueriesExhausted),
		(Refusal::Category, Error::<Test>::CategoryNotConsented),
		(Refusal::Purpose, Error::<Test>::PurposeNotConsented),
	];
	for (refusal, error) in cases {
		assert_eq!(DispatchError::from(Error::<Test>::from(refusal)), DispatchError::from(error));
	}
	// `Consent::check` agrees with `status`: every refusal but the category's and the
	// purpose's is a status other than live.
	let consent = Consent {
		subject: SUBJECT,
		grantee: BANK,
		categories: categories(&[Category::Tax]),
		purpose: DataPurpose::Insurance,
		basis: LegalBasis::Consent,
		evidence: hash(0xE1),
		granted_at: START,
		expires_at: EXPIRY,
		max_queries: Some(1),
		queries: 0,
		revoked_at: None,
	};
	let (tax, insurance) = (Category::Tax, DataPurpose::Insurance);
	assert_eq!(consent.check(tax, insurance, START), Ok(()));
	assert_eq!(consent.check(Category::Basic, insurance, START), Err(Refusal::Category));
	assert_eq!(consent.check(tax, DataPurpose::TradeFinance, START), Err(Refusal::Purpose));
	assert_eq!(consent.check(tax, insurance, EXPIRY), Err(Refusal::Expired));
	assert!(consent.servable(EXPIRY - 1) && !consent.servable(EXPIRY));
	let exhausted = Consent { queries: 1, ..consent.clone() };
	assert_eq!(exhausted.check(tax, insurance, START), Err(Refusal::Exhausted));
	assert!(exhausted.servable(START));
	let revoked = Consent { revoked_at: Some(START), ..exhausted };
	assert_eq!(revoked.check(tax, insurance, START), Err(Refusal::Revoked));
	assert!(!revoked.servable(START));
}

#[test]
fn a_query_when_entry_numbers_run_out_is_refused_and_logged_nowhere() {
	build_and_execute(|| {
		let consent = grant(None);
		let first = query(consent);
		let next = NextEntryId::<Test>::get();
		NextEntryId::<Test>::put(EntryId::MAX);
		// The last number is never handed out: the counter cannot move past it. The query is
		// not counted either.
		refused_to_bank(consent, Error::<Test>::Overflow);
		assert_eq!(NextEntryId::<Test>::get(), EntryId::MAX);
		assert_eq!(stored(consent).queries, 1);
		NextEntryId::<Test>::put(next);
		assert_eq!(query(consent), first + 1);
	});
}
