//! Granting and revoking consent, the consents' status over time, and the lists of consents a
//! subject gave and a grantee received.

use super::common::*;
use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use fxchain_primitives::Moment;
use sp_runtime::DispatchError;

/// The mock `grant`'s expiry.
const EXPIRY: Moment = START + 90 * DAY;

/// `subject` lets `grantee` read `list` for credit approval until `expires_at`, at most
/// `max_queries` times.
fn try_grant(
	subject: u64,
	grantee: u64,
	list: &[Category],
	expires_at: Moment,
	max_queries: Option<u32>,
) -> sp_runtime::DispatchResult {
	DataSharing::grant(
		RuntimeOrigin::signed(subject),
		grantee,
		categories(list),
		DataPurpose::CreditApproval,
		LegalBasis::Consent,
		expires_at,
		max_queries,
		hash(0xE1),
	)
}

#[test]
fn a_verified_subject_grants_a_licensed_grantee_consent() {
	build_and_execute(|| {
		Now::set(START + 7);
		assert_ok!(DataSharing::grant(
			RuntimeOrigin::signed(SUBJECT),
			BANK,
			categories(&[Category::Tax, Category::Basic]),
			DataPurpose::LoanMonitoring,
			LegalBasis::Contract,
			EXPIRY,
			Some(3),
			hash(0xE2)
		));
		assert_eq!(
			Consents::<Test>::get(0),
			Some(Consent {
				subject: SUBJECT,
				grantee: BANK,
				categories: categories(&[Category::Tax, Category::Basic]),
				purpose: DataPurpose::LoanMonitoring,
				basis: LegalBasis::Contract,
				evidence: hash(0xE2),
				granted_at: START + 7,
				expires_at: EXPIRY,
				max_queries: Some(3),
				queries: 0,
				revoked_at: None,
			})
		);
		assert_eq!(NextConsentId::<Test>::get(), 1);
		assert!(ConsentsGiven::<Test>::contains_key(SUBJECT, 0u64.to_be_bytes()));
		assert!(ConsentsReceived::<Test>::contains_key(BANK, 0u64.to_be_bytes()));
		System::assert_last_event(
			Event::ConsentGranted {
				consent: 0,
				subject: SUBJECT,
				grantee: BANK,
				categories: categories(&[Category::Tax, Category::Basic]),
				purpose: DataPurpose::LoanMonitoring,
				expires_at: EXPIRY,
				max_queries: Some(3),
			}
			.into(),
		);
		let view = DataSharing::consent(0).unwrap();
		assert_eq!((view.id, view.status), (0, ConsentStatus::Live));
		assert_eq!(view.consent, Consents::<Test>::get(0).unwrap());
	});
}

#[test]
fn an_unverified_subject_cannot_grant() {
	build_and_execute(|| {
		assert_noop!(
			try_grant(UNVERIFIED, BANK, &[Category::Basic], EXPIRY, None),
			Error::<Test>::NotVerified
		);
		// A subject whose credential lapsed neither.
		Verified::mutate(|verified| verified.remove(&SUBJECT));
		assert_noop!(
			try_grant(SUBJECT, BANK, &[Category::Basic], EXPIRY, None),
			Error::<Test>::NotVerified
		);
		assert_noop!(
			DataSharing::grant(
				RuntimeOrigin::none(),
				BANK,
				categories(&[Category::Basic]),
				DataPurpose::CreditApproval,
				LegalBasis::Consent,
				EXPIRY,
				None,
				hash(0xE1)
			),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn a_subject_cannot_grant_itself_consent() {
	build_and_execute(|| {
		// Even a licensed data consumer, about its own data.
		assert_noop!(
			try_grant(BANK, BANK, &[Category::Basic], EXPIRY, None),
			Error::<Test>::SelfGrant
		);
		assert_noop!(
			try_grant(SUBJECT, SUBJECT, &[Category::Basic], EXPIRY, None),
			Error::<Test>::SelfGrant
		);
	});
}

#[test]
fn the_grantee_must_hold_a_data_consumer_licence() {
	build_and_execute(|| {
		// No licence, a provider's licence, an unverified account, another subject.
		for grantee in [UNLICENSED, PROVIDER, UNVERIFIED, OTHER_SUBJECT, SUPERVISOR] {
			assert_noop!(
				try_grant(SUBJECT, grantee, &[Category::Basic], EXPIRY, None),
				Error::<Test>::GranteeNotLicensed
			);
		}
		// A bank whose licence was withdrawn.
		Licences::mutate(|licences| licences.remove(&OTHER_BANK));
		assert_noop!(
			try_grant(SUBJECT, OTHER_BANK, &[Category::Basic], EXPIRY, None),
			Error::<Test>::GranteeNotLicensed
		);
		assert_eq!(NextConsentId::<Test>::get(), 0);
	});
}

#[test]
fn a_consent_covers_at_least_one_category_each_at_most_once() {
	build_and_execute(|| {
		assert_noop!(try_grant(SUBJECT, BANK, &[], EXPIRY, None), Error::<Test>::InvalidCategories);
		assert_noop!(
			try_grant(SUBJECT, BANK, &[Category::Tax, Category::Tax], EXPIRY, None),
			Error::<Test>::InvalidCategories
		);
		// Duplicates that are not adjacent are found as well.
		assert_noop!(
			try_grant(
				SUBJECT,
				BANK,
				&[Category::Tax, Category::Basic, Category::Customs, Category::Tax],
				EXPIRY,
				None
			),
			Error::<Test>::InvalidCategories
		);
		// Every category at once is fine.
		assert_ok!(try_grant(SUBJECT, BANK, &Category::ALL, EXPIRY, None));
		assert_eq!(stored(0).categories.len(), 7);
	});
}

#[test]
fn the_expiry_must_be_in_the_future() {
	build_and_execute(|| {
		Now::set(START + 1_000);
		assert_noop!(
			try_grant(SUBJECT, BANK, &[Category::Basic], START + 999, None),
			Error::<Test>::InvalidExpiry
		);
		assert_noop!(
			try_grant(SUBJECT, BANK, &[Category::Basic], START + 1_000, None),
			Error::<Test>::InvalidExpiry
		);
		assert_noop!(
			try_grant(SUBJECT, BANK, &[Category::Basic], 0, None),
			Error::<Test>::InvalidExpiry
		);
		// One millisecond ahead is enough.
		assert_ok!(try_grant(SUBJECT, BANK, &[Category::Basic], START + 1_001, None));
	});
}

#[test]
fn the_expiry_may_be_exactly_max_consent_duration_away_but_no_further() {
	build_and_execute(|| {
		let max = Params::<Test>::get().max_consent_duration;
		assert_eq!(max, 365 * DAY);
		assert_noop!(
			try_grant(SUBJECT, BANK, &[Category::Basic], START + max + 1, None),
			Error::<Test>::InvalidExpiry
		);
		assert_noop!(
			try_grant(SUBJECT, BANK, &[Category::Basic], Moment::MAX, None),
			Error::<Test>::InvalidExpiry
		);
		assert_ok!(try_grant(SUBJECT, BANK, &[Category::Basic], START + max, None));
		assert_eq!(stored(0).expires_at, START + max);
	});
}

#[test]
fn the_bound_on_the_expiry_follows_the_parameters() {
	build_and_execute(|| {
		let params = SharingParams { max_consent_duration: 10 * DAY, ..Default::default() };
		assert_ok!(DataSharing::set_params(RuntimeOrigin::root(), params));
		assert_noop!(
			try_grant(SUBJECT, BANK, &[Category::Basic], START + 10 * DAY + 1, None),
			Error::<Test>::InvalidExpiry
		);
		assert_ok!(try_grant(SUBJECT, BANK, &[Category::Basic], START + 10 * DAY, None));
	});
}

#[test]
fn a_maximum_of_zero_queries_is_refused() {
	build_and_execute(|| {
		assert_noop!(
			try_grant(SUBJECT, BANK, &[Category::Basic], EXPIRY, Some(0)),
			Error::<Test>::ZeroQueries
		);
		assert_ok!(try_grant(SUBJECT, BANK, &[Category::Basic], EXPIRY, Some(1)));
		assert_ok!(try_grant(SUBJECT, BANK, &[Category::Basic], EXPIRY, None));
		assert_eq!((stored(0).max_queries, stored(1).max_queries), (Some(1), None));
	});
}

#[test]
fn consents_given_and_received_list_each_party_s_consents_in_order() {
	build_and_execute(|| {
		let a =
			grant_to(SUBJECT, BANK, &[Category::Basic], DataPurpose::CreditApproval, EXPIRY, None);
		let b = grant_to(
			OTHER_SUBJECT,
			BANK,
			&[Category::Tax],
			DataPurpose::TradeFinance,
			EXPIRY,
			None,
		);
		let c = grant_to(
			SUBJECT,
			OTHER_BANK,
			&[Category::Customs],
			DataPurpose::TradeFinance,
			EXPIRY,
			Some(2),
		);
		assert_eq!(ids(DataSharing::consents_given(&SUBJECT, None, 10)), vec![a, c]);
		assert_eq!(ids(DataSharing::consents_given(&OTHER_SUBJECT, None, 10)), vec![b]);
		assert_eq!(ids(DataSharing::consents_received(&BANK, None, 10)), vec![a, b]);
		assert_eq!(ids(DataSharing::consents_received(&OTHER_BANK, None, 10)), vec![c]);
		assert_eq!(ids(DataSharing::consents_given(&BANK, None, 10)), Vec::<ConsentId>::new());
		// The views carry the record and its status.
		let given = DataSharing::consents_given(&SUBJECT, None, 10);
		assert_eq!(given[1].consent, stored(c));
		assert_eq!(given[1].status, ConsentStatus::Live);
		// Revocation shows in the lists.
		assert_ok!(DataSharing::revoke(RuntimeOrigin::signed(SUBJECT), a));
		let received = DataSharing::consents_received(&BANK, None, 10);
		assert_eq!(
			received.iter().map(|view| view.status).collect::<Vec<_>>(),
			vec![ConsentStatus::Revoked, ConsentStatus::Live]
		);
	});
}

#[test]
fn consent_lists_page_after_the_last_consent_seen() {
	build_and_execute(|| {
		let mut given = Vec::new();
		for n in 0..9u32 {
			given.push(grant_to(
				SUBJECT,
				BANK,
				&[Category::Basic],
				DataPurpose::CreditApproval,
				EXPIRY,
				None,
			));
			if n % 2 == 0 {
				grant_to(
					OTHER_SUBJECT,
					BANK,
					&[Category::Basic],
					DataPurpose::Insurance,
					EXPIRY,
					None,
				);
			}
		}
		assert_eq!(ids(DataSharing::consents_given(&SUBJECT, None, 4)), given[..4].to_vec());
		assert_eq!(
			ids(DataSharing::consents_given(&SUBJECT, Some(given[3]), 4)),
			given[4..8].to_vec()
		);
		assert_eq!(
			ids(DataSharing::consents_given(&SUBJECT, Some(given[7]), 4)),
			given[8..].to_vec()
		);
		assert_eq!(
			ids(DataSharing::consents_given(&SUBJECT, Some(given[8]), 4)),
			Vec::<ConsentId>::new()
		);

		// BANK received all 14, SUBJECT's and OTHER_SUBJECT's interleaved.
		let all: Vec<ConsentId> = (0..NextConsentId::<Test>::get()).collect();
		assert_eq!(all.len(), 14);
		assert_eq!(ids(DataSharing::consents_received(&BANK, None, 5)), all[..5].to_vec());
		assert_eq!(
			ids(DataSharing::consents_received(&BANK, Some(all[4]), 5)),
			all[5..10].to_vec()
		);
		assert_eq!(ids(DataSharing::consents_received(&BANK, Some(all[9]), 5)), all[10..].to_vec());
		assert_eq!(ids(DataSharing::consents_received(&BANK, None, 0)), Vec::<ConsentId>::new());
	});
}

#[test]
fn the_subject_revokes_a_consent_at_once() {
	build_and_execute(|| {
		let consent = grant(None);
		Now::set(START + 3 * DAY);
		assert_ok!(DataSharing::revoke(RuntimeOrigin::signed(SUBJECT), consent));
		assert_eq!(stored(consent).revoked_at, Some(START + 3 * DAY));
		assert_eq!(DataSharing::consent(consent).unwrap().status, ConsentStatus::Revoked);
		System::assert_last_event(
			Event::ConsentRevoked { consent, subject: SUBJECT, grantee: BANK }.into(),
		);
		// Its retention now runs from the revocation, not the expiry.
		assert!(ConsentEnds::<Test>::iter_keys().eq([{
			let mut key = [0u8; 16];
			key[..8].copy_from_slice(&(START + 3 * DAY).to_be_bytes());
			key[8..].copy_from_slice(&consent.to_be_bytes());
			key
		}]));
	});
}

#[test]
fn only_the_subject_revokes() {
	build_and_execute(|| {
		let consent = grant(None);
		for who in [BANK, OTHER_SUBJECT, SUPERVISOR, PROVIDER] {
			assert_noop!(
				DataSharing::revoke(RuntimeOrigin::signed(who), consent),
				Error::<Test>::NotSubject
			);
		}
		assert_noop!(DataSharing::revoke(RuntimeOrigin::root(), consent), DispatchError::BadOrigin);
		assert_noop!(
			DataSharing::revoke(RuntimeOrigin::signed(SUBJECT), consent + 1),
			Error::<Test>::ConsentNotFound
		);
		assert_eq!(DataSharing::consent(consent).unwrap().status, ConsentStatus::Live);
	});
}

#[test]
fn a_revoked_consent_cannot_be_revoked_again() {
	build_and_execute(|| {
		let consent = grant(None);
		assert_ok!(DataSharing::revoke(RuntimeOrigin::signed(SUBJECT), consent));
		Now::set(START + DAY);
		assert_noop!(
			DataSharing::revoke(RuntimeOrigin::signed(SUBJECT), consent),
			Error::<Test>::ConsentRevoked
		);
		// Still revoked, not expired, once its expiry passed.
		Now::set(EXPIRY + 1);
		assert_noop!(
			DataSharing::revoke(RuntimeOrigin::signed(SUBJECT), consent),
			Error::<Test>::ConsentRevoked
		);
		assert_eq!(stored(consent).revoked_at, Some(START));
	});
}

#[test]
fn an_expired_consent_cannot_be_revoked() {
	build_and_execute(|| {
		let consent = grant(None);
		Now::set(EXPIRY);
		assert_noop!(
			DataSharing::revoke(RuntimeOrigin::signed(SUBJECT), consent),
			Error::<Test>::ConsentExpired
		);
		assert_eq!(stored(consent).revoked_at, None);
		assert_eq!(DataSharing::consent(consent).unwrap().status, ConsentStatus::Expired);
	});
}

#[test]
fn an_exhausted_consent_can_still_be_revoked() {
	build_and_execute(|| {
		let consent = grant(Some(1));
		query(consent);
		assert_eq!(DataSharing::consent(consent).unwrap().status, ConsentStatus::Exhausted);
		Now::set(START + DAY);
		assert_ok!(DataSharing::revoke(RuntimeOrigin::signed(SUBJECT), consent));
		assert_eq!(DataSharing::consent(consent).unwrap().status, ConsentStatus::Revoked);
		assert_eq!(stored(consent).revoked_at, Some(START + DAY));
		System::assert_last_event(
			Event::ConsentRevoked { consent, subject: SUBJECT, grantee: BANK }.into(),
		);
	});
}

#[test]
fn a_consent_is_live_then_exhausted_then_revoked() {
	build_and_execute(|| {
		let consent = grant(Some(2));
		let status = || DataSharing::consent(consent).unwrap().status;
		assert_eq!(status(), ConsentStatus::Live);
		query(consent);
		assert_eq!(status(), ConsentStatus::Live);
		query(consent);
		assert_eq!(status(), ConsentStatus::Exhausted);
		assert_eq!(stored(consent).queries, 2);
		assert_ok!(DataSharing::revoke(RuntimeOrigin::signed(SUBJECT), consent));
		assert_eq!(status(), ConsentStatus::Revoked);
	});
}

#[test]
fn a_consent_expires_at_its_expiry_exactly() {
	build_and_execute(|| {
		let consent = grant(None);
		let status = || DataSharing::consent(consent).unwrap().status;
		Now::set(EXPIRY - 1);
		assert_eq!(status(), ConsentStatus::Live);
		Now::set(EXPIRY);
		assert_eq!(status(), ConsentStatus::Expired);
		// Expiry outranks exhaustion, revocation outranks both.
		let exhausted = grant_to(
			SUBJECT,
			BANK,
			&[Category::RegulatoryCredit],
			DataPurpose::CreditApproval,
			EXPIRY + DAY,
			Some(1),
		);
		query(exhausted);
		assert_eq!(DataSharing::consent(exhausted).unwrap().status, ConsentStatus::Exhausted);
		Now::set(EXPIRY + DAY);
		assert_eq!(DataSharing::consent(exhausted).unwrap().status, ConsentStatus::Expired);
	});
}

#[test]
fn an_unknown_consent_has_no_view() {
	build_and_execute(|| {
		assert_eq!(DataSharing::consent(0), None);
		grant(None);
		assert!(DataSharing::consent(0).is_some());
		assert_eq!(DataSharing::consent(1), None);
	});
}

#[test]
fn granting_when_consent_numbers_run_out_is_refused() {
	build_and_execute(|| {
		let first = grant(None);
		let next = NextConsentId::<Test>::get();
		NextConsentId::<Test>::put(ConsentId::MAX);
		assert_noop!(
			try_grant(SUBJECT, BANK, &[Category::Basic], EXPIRY, None),
			Error::<Test>::Overflow
		);
		NextConsentId::<Test>::put(next);
		assert_eq!(grant(None), first + 1);
	});
}

#[test]
fn valid_categories_are_distinct_and_at_least_one() {
	assert!(!valid_categories(&[]));
	assert!(valid_categories(&[Category::Tax]));
	assert!(valid_categories(&Category::ALL));
	let mut reversed = Category::ALL;
	reversed.reverse();
	assert!(valid_categories(&reversed));
	assert!(!valid_categories(&[Category::Tax, Category::Tax]));
	assert!(!valid_categories(&[Category::Tax, Category::Basic, Category::Tax]));
}
