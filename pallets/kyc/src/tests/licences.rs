use super::last_event;
use crate::{mock::*, Error, Event, Licence, LicenceStatus, Licences, Role};
use frame_support::{assert_noop, assert_ok};
use frame_system::RawOrigin;
use sp_runtime::DispatchError;

const BANK: u64 = 20;

#[test]
fn governance_licenses_an_institution_for_a_role() {
	build_and_execute(|| {
		assert_ok!(Kyc::license(RawOrigin::Root.into(), BANK, Role::MarketMaker));
		assert_eq!(
			Licences::<Test>::get(BANK, Role::MarketMaker),
			Some(Licence {
				status: LicenceStatus::Active,
				granted_at: START,
				identity_registrar: None
			})
		);
		assert_eq!(
			last_event(),
			Event::Licensed {
				institution: BANK,
				role: Role::MarketMaker,
				identity_registrar: None
			}
		);
	});
}

#[test]
fn a_registrar_licence_makes_the_institution_an_identity_registrar() {
	build_and_execute(|| {
		assert_ok!(Kyc::license(RawOrigin::Root.into(), BANK, Role::Registrar));
		// Genesis licensed two registrars, at slots 0 and 1.
		assert_eq!(RegistrarSlots::get(), vec![Some(REGISTRAR), Some(OTHER_REGISTRAR), Some(BANK)]);
		assert_eq!(
			Licences::<Test>::get(BANK, Role::Registrar).and_then(|l| l.identity_registrar),
			Some(2)
		);
		assert_eq!(
			last_event(),
			Event::Licensed {
				institution: BANK,
				role: Role::Registrar,
				identity_registrar: Some(2)
			}
		);
	});
}

#[test]
fn licensing_refuses_non_governance_origins_and_duplicates() {
	build_and_execute(|| {
		assert_noop!(
			Kyc::license(RuntimeOrigin::signed(SUPERVISOR), BANK, Role::Issuer),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Kyc::license(RawOrigin::Root.into(), ISSUER, Role::Issuer),
			Error::<Test>::AlreadyLicensed
		);
	});
}

#[test]
fn a_full_identity_registrar_list_refuses_the_licence() {
	build_and_execute(|| {
		assert_ok!(Kyc::license(RawOrigin::Root.into(), 20, Role::Registrar));
		assert_ok!(Kyc::license(RawOrigin::Root.into(), 21, Role::Registrar));
		assert_noop!(
			Kyc::license(RawOrigin::Root.into(), 22, Role::Registrar),
			DispatchError::Other("TooManyRegistrars")
		);
	});
}

#[test]
fn a_supervisor_or_governance_suspends_and_governance_reinstates() {
	build_and_execute(|| {
		assert_ok!(Kyc::suspend_licence(RuntimeOrigin::signed(SUPERVISOR), ISSUER, Role::Issuer));
		assert_eq!(
			Licences::<Test>::get(ISSUER, Role::Issuer).map(|l| l.status),
			Some(LicenceStatus::Suspended)
		);
		assert_eq!(
			last_event(),
			Event::LicenceSuspended { institution: ISSUER, role: Role::Issuer }
		);
		assert_noop!(
			Kyc::suspend_licence(RawOrigin::Root.into(), ISSUER, Role::Issuer),
			Error::<Test>::AlreadySuspended
		);
		// A supervisor may not lift it.
		assert_noop!(
			Kyc::reinstate_licence(RuntimeOrigin::signed(SUPERVISOR), ISSUER, Role::Issuer),
			DispatchError::BadOrigin
		);
		assert_ok!(Kyc::reinstate_licence(RawOrigin::Root.into(), ISSUER, Role::Issuer));
		assert_eq!(
			Licences::<Test>::get(ISSUER, Role::Issuer).map(|l| l.status),
			Some(LicenceStatus::Active)
		);
		assert_eq!(
			last_event(),
			Event::LicenceReinstated { institution: ISSUER, role: Role::Issuer }
		);
		assert_noop!(
			Kyc::reinstate_licence(RawOrigin::Root.into(), ISSUER, Role::Issuer),
			Error::<Test>::NotSuspended
		);
	});
}

#[test]
fn suspending_needs_an_authority_and_an_existing_licence() {
	build_and_execute(|| {
		assert_noop!(
			Kyc::suspend_licence(RuntimeOrigin::signed(REGISTRAR), ISSUER, Role::Issuer),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Kyc::suspend_licence(RawOrigin::Root.into(), ISSUER, Role::Lessor),
			Error::<Test>::LicenceNotFound
		);
		assert_noop!(
			Kyc::reinstate_licence(RawOrigin::Root.into(), ISSUER, Role::Lessor),
			Error::<Test>::LicenceNotFound
		);
	});
}

#[test]
fn revoking_a_registrar_licence_removes_it_from_the_identity_registrars() {
	build_and_execute(|| {
		assert_ok!(Kyc::revoke_licence(RawOrigin::Root.into(), REGISTRAR, Role::Registrar));
		assert!(!Licences::<Test>::contains_key(REGISTRAR, Role::Registrar));
		assert_eq!(RegistrarSlots::get(), vec![None, Some(OTHER_REGISTRAR)]);
		assert_eq!(
			last_event(),
			Event::LicenceRevoked { institution: REGISTRAR, role: Role::Registrar }
		);
		assert_noop!(
			Kyc::revoke_licence(RawOrigin::Root.into(), REGISTRAR, Role::Registrar),
			Error::<Test>::LicenceNotFound
		);
		assert_noop!(
			Kyc::revoke_licence(RuntimeOrigin::signed(SUPERVISOR), ISSUER, Role::Issuer),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn licences_are_visible_to_other_pallets_only_while_active() {
	use crate::LicenceProvider;
	build_and_execute(|| {
		assert!(Kyc::is_licensed(&ISSUER, Role::Issuer));
		assert!(!Kyc::is_licensed(&ISSUER, Role::Registrar));
		assert_ok!(Kyc::suspend_licence(RawOrigin::Root.into(), ISSUER, Role::Issuer));
		assert!(!Kyc::is_licensed(&ISSUER, Role::Issuer));
		assert_ok!(Kyc::reinstate_licence(RawOrigin::Root.into(), ISSUER, Role::Issuer));
		assert_ok!(Kyc::revoke_licence(RawOrigin::Root.into(), ISSUER, Role::Issuer));
		assert!(!Kyc::is_licensed(&ISSUER, Role::Issuer));
	});
}

#[test]
fn revoking_a_registrar_that_governance_already_removed_from_identity_succeeds() {
	build_and_execute(|| {
		// Governance removed slot 0 through pallet-identity directly.
		RegistrarSlots::mutate(|slots| slots[0] = None);
		assert_ok!(Kyc::revoke_licence(RawOrigin::Root.into(), REGISTRAR, Role::Registrar));
		assert_eq!(RegistrarSlots::get(), vec![None, Some(OTHER_REGISTRAR)]);
	});
}
