use super::last_event;
use crate::{
	mock::*, Credential, CredentialStatus, Credentials, Error, Event, KycProvider, Role, Suspender,
};
use frame_support::{assert_noop, assert_ok};
use frame_system::RawOrigin;
use fxchain_primitives::kyc::{CountryCode, SupervisionClass};
use sp_runtime::DispatchError;

fn attest(registrar: u64, who: u64, person: u8) {
	assert_ok!(Kyc::attest(RuntimeOrigin::signed(registrar), who, individual(person), EXPIRY));
}

fn status(who: u64) -> Option<CredentialStatus> {
	Credentials::<Test>::get(who).map(|c| c.status)
}

#[test]
fn a_registrar_attests_an_account_which_becomes_verified() {
	build_and_execute(|| {
		assert!(!Kyc::is_verified(&ALICE));
		attest(REGISTRAR, ALICE, 1);
		assert_eq!(
			Credentials::<Test>::get(ALICE),
			Some(Credential {
				registrar: REGISTRAR,
				profile: individual(1),
				issued_at: START,
				expires_at: EXPIRY,
				status: CredentialStatus::Active,
			})
		);
		assert_eq!(Kyc::verified_profile(&ALICE), Some(individual(1)));
		assert!(super::kyc_events().contains(&Event::Attested {
			who: ALICE,
			registrar: REGISTRAR,
			person: individual(1).person,
			expires_at: EXPIRY,
		}));
	});
}

#[test]
fn only_active_registrars_attest() {
	build_and_execute(|| {
		assert_noop!(
			Kyc::attest(RuntimeOrigin::signed(ISSUER), ALICE, individual(1), EXPIRY),
			Error::<Test>::NotRegistrar
		);
		assert_ok!(Kyc::suspend_licence(RawOrigin::Root.into(), REGISTRAR, Role::Registrar));
		assert_noop!(
			Kyc::attest(RuntimeOrigin::signed(REGISTRAR), ALICE, individual(1), EXPIRY),
			Error::<Test>::LicenceSuspended
		);
		assert_noop!(
			Kyc::attest(RawOrigin::Root.into(), ALICE, individual(1), EXPIRY),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn an_account_a_pallet_owns_is_never_attested() {
	build_and_execute(|| {
		assert_noop!(
			Kyc::attest(RuntimeOrigin::signed(REGISTRAR), SYSTEM_ACCOUNT, individual(1), EXPIRY),
			Error::<Test>::SystemAccount
		);
		assert!(!Kyc::is_verified(&SYSTEM_ACCOUNT));
	});
}

#[test]
fn attestations_are_checked_for_consistency() {
	build_and_execute(|| {
		let signed = || RuntimeOrigin::signed(REGISTRAR);
		assert_noop!(
			Kyc::attest(signed(), REGISTRAR, individual(1), EXPIRY),
			Error::<Test>::SelfAttestation
		);
		let lower_case = crate::KycProfile { jurisdiction: CountryCode(*b"cn"), ..individual(1) };
		assert_noop!(
			Kyc::attest(signed(), ALICE, lower_case, EXPIRY),
			Error::<Test>::InvalidJurisdiction
		);
		let classless = crate::KycProfile { class: None, ..enterprise(1, SupervisionClass::A) };
		assert_noop!(
			Kyc::attest(signed(), ALICE, classless, EXPIRY),
			Error::<Test>::SupervisionClassRequired
		);
		let classed = crate::KycProfile { class: Some(SupervisionClass::B), ..individual(1) };
		assert_noop!(
			Kyc::attest(signed(), ALICE, classed, EXPIRY),
			Error::<Test>::SupervisionClassNotApplicable
		);
		assert_noop!(
			Kyc::attest(signed(), ALICE, individual(1), START),
			Error::<Test>::InvalidExpiry
		);
		assert_noop!(
			Kyc::attest(signed(), ALICE, individual(1), START + MAX_VALIDITY + 1),
			Error::<Test>::InvalidExpiry
		);
		assert_ok!(Kyc::attest(signed(), ALICE, individual(1), START + MAX_VALIDITY));
	});
}

#[test]
fn an_enterprise_carries_its_supervision_class() {
	build_and_execute(|| {
		assert_ok!(Kyc::attest(
			RuntimeOrigin::signed(REGISTRAR),
			ALICE,
			enterprise(1, SupervisionClass::C),
			EXPIRY
		));
		assert_eq!(Kyc::verified_profile(&ALICE).and_then(|p| p.class), Some(SupervisionClass::C));
	});
}

#[test]
fn a_live_credential_cannot_be_overwritten() {
	build_and_execute(|| {
		attest(REGISTRAR, ALICE, 1);
		assert_noop!(
			Kyc::attest(RuntimeOrigin::signed(OTHER_REGISTRAR), ALICE, individual(1), EXPIRY),
			Error::<Test>::AlreadyVerified
		);
		// Suspended by its registrar still belongs to that registrar.
		assert_ok!(Kyc::suspend(RuntimeOrigin::signed(REGISTRAR), ALICE));
		assert_noop!(
			Kyc::attest(RuntimeOrigin::signed(OTHER_REGISTRAR), ALICE, individual(1), EXPIRY),
			Error::<Test>::AlreadyVerified
		);
	});
}

#[test]
fn an_expired_credential_stops_counting_and_may_be_attested_afresh() {
	build_and_execute(|| {
		attest(REGISTRAR, ALICE, 1);
		Now::set(EXPIRY - 1);
		assert!(Kyc::is_verified(&ALICE));
		Now::set(EXPIRY);
		assert!(!Kyc::is_verified(&ALICE));
		// Quotas still find the person.
		assert_eq!(Kyc::person_of(&ALICE), Some(individual(1).person));
		assert_ok!(Kyc::attest(
			RuntimeOrigin::signed(OTHER_REGISTRAR),
			ALICE,
			individual(1),
			EXPIRY + 30 * DAY
		));
		assert!(Kyc::is_verified(&ALICE));
	});
}

#[test]
fn the_attesting_registrar_renews_its_credential() {
	build_and_execute(|| {
		attest(REGISTRAR, ALICE, 1);
		let later = EXPIRY + 30 * DAY;
		assert_ok!(Kyc::renew(RuntimeOrigin::signed(REGISTRAR), ALICE, later));
		assert_eq!(Credentials::<Test>::get(ALICE).map(|c| c.expires_at), Some(later));
		assert_eq!(
			last_event(),
			Event::Renewed { who: ALICE, registrar: REGISTRAR, old: EXPIRY, new: later }
		);
	});
}

#[test]
fn renewal_failures_change_nothing() {
	build_and_execute(|| {
		assert_noop!(
			Kyc::renew(RuntimeOrigin::signed(REGISTRAR), ALICE, EXPIRY),
			Error::<Test>::NotFound
		);
		attest(REGISTRAR, ALICE, 1);
		assert_noop!(
			Kyc::renew(RuntimeOrigin::signed(OTHER_REGISTRAR), ALICE, EXPIRY),
			Error::<Test>::NotIssuer
		);
		assert_noop!(
			Kyc::renew(RuntimeOrigin::signed(REGISTRAR), ALICE, START + MAX_VALIDITY + 1),
			Error::<Test>::InvalidExpiry
		);
		assert_ok!(Kyc::revoke(RuntimeOrigin::signed(REGISTRAR), ALICE));
		assert_noop!(
			Kyc::renew(RuntimeOrigin::signed(REGISTRAR), ALICE, EXPIRY),
			Error::<Test>::CredentialRevoked
		);
		assert_ok!(Kyc::suspend_licence(RawOrigin::Root.into(), REGISTRAR, Role::Registrar));
		assert_noop!(
			Kyc::renew(RuntimeOrigin::signed(REGISTRAR), GENESIS_USER, EXPIRY),
			Error::<Test>::LicenceSuspended
		);
	});
}

#[test]
fn a_registrar_suspends_and_reinstates_its_own_credential() {
	build_and_execute(|| {
		attest(REGISTRAR, ALICE, 1);
		assert_noop!(
			Kyc::suspend(RuntimeOrigin::signed(OTHER_REGISTRAR), ALICE),
			Error::<Test>::NotIssuer
		);
		assert_ok!(Kyc::suspend(RuntimeOrigin::signed(REGISTRAR), ALICE));
		assert_eq!(status(ALICE), Some(CredentialStatus::Suspended(Suspender::Registrar)));
		assert_eq!(
			last_event(),
			Event::CredentialSuspended { who: ALICE, by: Suspender::Registrar }
		);
		assert!(!Kyc::is_verified(&ALICE));
		assert_noop!(
			Kyc::suspend(RuntimeOrigin::signed(REGISTRAR), ALICE),
			Error::<Test>::AlreadySuspended
		);
		assert_noop!(
			Kyc::reinstate(RuntimeOrigin::signed(OTHER_REGISTRAR), ALICE),
			Error::<Test>::NotIssuer
		);
		assert_ok!(Kyc::reinstate(RuntimeOrigin::signed(REGISTRAR), ALICE));
		assert_eq!(last_event(), Event::CredentialReinstated { who: ALICE });
		assert!(Kyc::is_verified(&ALICE));
		assert_noop!(
			Kyc::reinstate(RuntimeOrigin::signed(REGISTRAR), ALICE),
			Error::<Test>::NotSuspended
		);
	});
}

#[test]
fn a_supervisor_suspends_any_credential_and_only_governance_lifts_it() {
	build_and_execute(|| {
		attest(REGISTRAR, ALICE, 1);
		assert_ok!(Kyc::suspend(RuntimeOrigin::signed(REGISTRAR), ALICE));
		// A supervisor's suspension overrides the registrar's.
		assert_ok!(Kyc::suspend(RuntimeOrigin::signed(SUPERVISOR), ALICE));
		assert_eq!(status(ALICE), Some(CredentialStatus::Suspended(Suspender::Supervisor)));
		assert_eq!(
			last_event(),
			Event::CredentialSuspended { who: ALICE, by: Suspender::Supervisor }
		);
		assert_noop!(
			Kyc::suspend(RuntimeOrigin::signed(SUPERVISOR), ALICE),
			Error::<Test>::AlreadySuspended
		);
		assert_noop!(
			Kyc::reinstate(RuntimeOrigin::signed(REGISTRAR), ALICE),
			Error::<Test>::SuspendedBySupervisor
		);
		// Nor may another registrar attest around it, even once it expired.
		Now::set(EXPIRY);
		assert_noop!(
			Kyc::attest(RuntimeOrigin::signed(OTHER_REGISTRAR), ALICE, individual(1), EXPIRY + DAY),
			Error::<Test>::SuspendedBySupervisor
		);
		assert_ok!(Kyc::reinstate(RawOrigin::Root.into(), ALICE));
		assert_eq!(status(ALICE), Some(CredentialStatus::Active));
	});
}

#[test]
fn suspension_needs_a_credential_that_is_not_revoked() {
	build_and_execute(|| {
		assert_noop!(
			Kyc::suspend(RuntimeOrigin::signed(SUPERVISOR), ALICE),
			Error::<Test>::NotFound
		);
		assert_noop!(Kyc::reinstate(RawOrigin::Root.into(), ALICE), Error::<Test>::NotFound);
		attest(REGISTRAR, ALICE, 1);
		assert_ok!(Kyc::revoke(RuntimeOrigin::signed(REGISTRAR), ALICE));
		assert_noop!(
			Kyc::suspend(RuntimeOrigin::signed(SUPERVISOR), ALICE),
			Error::<Test>::CredentialRevoked
		);
		assert_noop!(
			Kyc::suspend(RuntimeOrigin::signed(REGISTRAR), ALICE),
			Error::<Test>::CredentialRevoked
		);
		assert_noop!(Kyc::reinstate(RawOrigin::Root.into(), ALICE), Error::<Test>::NotSuspended);
	});
}

#[test]
fn a_suspended_registrar_cannot_reinstate() {
	build_and_execute(|| {
		attest(REGISTRAR, ALICE, 1);
		assert_ok!(Kyc::suspend(RuntimeOrigin::signed(REGISTRAR), ALICE));
		assert_ok!(Kyc::suspend_licence(RawOrigin::Root.into(), REGISTRAR, Role::Registrar));
		assert_noop!(
			Kyc::reinstate(RuntimeOrigin::signed(REGISTRAR), ALICE),
			Error::<Test>::LicenceSuspended
		);
	});
}

#[test]
fn the_registrar_or_governance_revokes_and_the_record_stays() {
	build_and_execute(|| {
		attest(REGISTRAR, ALICE, 1);
		attest(REGISTRAR, BOB, 2);
		assert_noop!(
			Kyc::revoke(RuntimeOrigin::signed(OTHER_REGISTRAR), ALICE),
			Error::<Test>::NotIssuer
		);
		assert_ok!(Kyc::revoke(RuntimeOrigin::signed(REGISTRAR), ALICE));
		assert_eq!(last_event(), Event::CredentialRevoked { who: ALICE, registrar: REGISTRAR });
		assert_eq!(status(ALICE), Some(CredentialStatus::Revoked));
		assert!(!Kyc::is_verified(&ALICE));
		assert_eq!(Kyc::person_of(&ALICE), Some(individual(1).person));
		assert_noop!(
			Kyc::revoke(RuntimeOrigin::signed(REGISTRAR), ALICE),
			Error::<Test>::CredentialRevoked
		);
		assert_ok!(Kyc::revoke(RawOrigin::Root.into(), BOB));
		assert_eq!(status(BOB), Some(CredentialStatus::Revoked));
		assert_noop!(Kyc::revoke(RawOrigin::Root.into(), 12), Error::<Test>::NotFound);
		// A revoked account may be attested afresh, by any registrar.
		attest(OTHER_REGISTRAR, ALICE, 1);
		assert!(Kyc::is_verified(&ALICE));
	});
}

#[test]
fn revoking_a_registrar_licence_unverifies_its_credentials_at_once() {
	build_and_execute(|| {
		attest(REGISTRAR, ALICE, 1);
		attest(OTHER_REGISTRAR, BOB, 2);
		// A suspended registrar's customers keep their standing.
		assert_ok!(Kyc::suspend_licence(RawOrigin::Root.into(), REGISTRAR, Role::Registrar));
		assert!(Kyc::is_verified(&ALICE));
		assert_ok!(Kyc::revoke_licence(RawOrigin::Root.into(), REGISTRAR, Role::Registrar));
		assert!(!Kyc::is_verified(&ALICE));
		assert!(!Kyc::is_verified(&GENESIS_USER));
		assert!(Kyc::is_verified(&BOB));
		// Another registrar takes the customer over.
		attest(OTHER_REGISTRAR, ALICE, 1);
		assert!(Kyc::is_verified(&ALICE));
	});
}

#[test]
fn the_runtime_api_reports_status_credential_and_licences() {
	build_and_execute(|| {
		let report = Kyc::verification(GENESIS_USER);
		assert!(report.verified);
		assert_eq!(report.credential.map(|c| c.registrar), Some(REGISTRAR));
		assert!(report.licences.is_empty());

		let report = Kyc::verification(ISSUER);
		assert!(!report.verified);
		assert_eq!(report.credential, None);
		assert_eq!(report.licences, vec![(Role::Issuer, crate::LicenceStatus::Active)]);

		assert_ok!(Kyc::suspend(RuntimeOrigin::signed(SUPERVISOR), GENESIS_USER));
		let report = Kyc::verification(GENESIS_USER);
		assert!(!report.verified);
		assert_eq!(
			report.credential.map(|c| c.status),
			Some(CredentialStatus::Suspended(Suspender::Supervisor))
		);
	});
}

#[test]
fn a_registrar_cannot_revoke_its_way_around_a_supervisors_suspension() {
	build_and_execute(|| {
		attest(REGISTRAR, ALICE, 1);
		assert_ok!(Kyc::suspend(RuntimeOrigin::signed(SUPERVISOR), ALICE));
		assert_noop!(
			Kyc::revoke(RuntimeOrigin::signed(REGISTRAR), ALICE),
			Error::<Test>::SuspendedBySupervisor
		);
		// Governance may.
		assert_ok!(Kyc::revoke(RawOrigin::Root.into(), ALICE));
	});
}

#[test]
fn a_suspended_registrar_cannot_suspend_renew_or_revoke() {
	build_and_execute(|| {
		attest(REGISTRAR, ALICE, 1);
		assert_ok!(Kyc::suspend_licence(RawOrigin::Root.into(), REGISTRAR, Role::Registrar));
		let signed = || RuntimeOrigin::signed(REGISTRAR);
		assert_noop!(Kyc::suspend(signed(), ALICE), Error::<Test>::LicenceSuspended);
		assert_noop!(Kyc::revoke(signed(), ALICE), Error::<Test>::LicenceSuspended);
		assert_noop!(Kyc::renew(signed(), ALICE, EXPIRY), Error::<Test>::LicenceSuspended);
		// Its customers keep their standing meanwhile.
		assert!(Kyc::is_verified(&ALICE));
	});
}

#[test]
fn credential_calls_refuse_callers_without_standing() {
	build_and_execute(|| {
		attest(REGISTRAR, ALICE, 1);
		// An issuer is not a registrar.
		let issuer = || RuntimeOrigin::signed(ISSUER);
		assert_noop!(Kyc::renew(issuer(), ALICE, EXPIRY), Error::<Test>::NotRegistrar);
		assert_noop!(Kyc::suspend(issuer(), ALICE), Error::<Test>::NotRegistrar);
		assert_noop!(Kyc::reinstate(issuer(), ALICE), Error::<Test>::NotRegistrar);
		assert_noop!(Kyc::revoke(issuer(), ALICE), Error::<Test>::NotRegistrar);
		// Unsigned origins.
		let none = || RuntimeOrigin::from(RawOrigin::None);
		assert_noop!(Kyc::renew(none(), ALICE, EXPIRY), DispatchError::BadOrigin);
		assert_noop!(Kyc::suspend(none(), ALICE), DispatchError::BadOrigin);
		assert_noop!(Kyc::reinstate(none(), ALICE), DispatchError::BadOrigin);
		assert_noop!(Kyc::revoke(none(), ALICE), DispatchError::BadOrigin);
		// Root is governance in this mock, but not a supervisor.
		assert_noop!(Kyc::suspend(RawOrigin::Root.into(), ALICE), DispatchError::BadOrigin);
		// The registrar's own path with no credential.
		assert_noop!(Kyc::suspend(RuntimeOrigin::signed(REGISTRAR), BOB), Error::<Test>::NotFound);
		assert_noop!(Kyc::revoke(RuntimeOrigin::signed(REGISTRAR), BOB), Error::<Test>::NotFound);
	});
}

#[test]
fn institutions_carry_no_supervision_class() {
	build_and_execute(|| {
		let institution = crate::KycProfile {
			entity: fxchain_primitives::kyc::EntityType::Institution,
			class: Some(SupervisionClass::A),
			..individual(1)
		};
		assert_noop!(
			Kyc::attest(RuntimeOrigin::signed(REGISTRAR), ALICE, institution, EXPIRY),
			Error::<Test>::SupervisionClassNotApplicable
		);
	});
}

#[test]
fn licensing_a_revoked_registrar_again_does_not_revive_its_credentials() {
	build_and_execute(|| {
		attest(REGISTRAR, ALICE, 1);
		assert_ok!(Kyc::revoke_licence(RawOrigin::Root.into(), REGISTRAR, Role::Registrar));
		Now::set(START + DAY);
		assert_ok!(Kyc::license(RawOrigin::Root.into(), REGISTRAR, Role::Registrar));
		assert!(!Kyc::is_verified(&ALICE));
		// It verifies the customer afresh.
		attest(REGISTRAR, ALICE, 1);
		assert!(Kyc::is_verified(&ALICE));
	});
}
