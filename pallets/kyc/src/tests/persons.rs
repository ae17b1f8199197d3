use crate::{mock::*, Credentials, Error, KycProfile, KycProvider, PersonAccounts};
use frame_support::{assert_noop, assert_ok};
use fxchain_primitives::kyc::{EntityType, SupervisionClass};
use sp_core::H256;

fn accounts_of(person: u8) -> Vec<u64> {
	PersonAccounts::<Test>::get(H256::repeat_byte(person)).into_inner()
}

#[test]
fn accounts_with_the_same_document_hash_are_one_person() {
	build_and_execute(|| {
		assert_ok!(Kyc::attest(RuntimeOrigin::signed(REGISTRAR), ALICE, individual(1), EXPIRY));
		// Another bank verifies the same person's second account.
		assert_ok!(Kyc::attest(RuntimeOrigin::signed(OTHER_REGISTRAR), BOB, individual(1), EXPIRY));
		assert_eq!(Kyc::person_of(&ALICE), Kyc::person_of(&BOB));
		assert_eq!(accounts_of(1), vec![ALICE, BOB]);
	});
}

#[test]
fn one_person_has_one_entity_type() {
	build_and_execute(|| {
		assert_ok!(Kyc::attest(RuntimeOrigin::signed(REGISTRAR), ALICE, individual(1), EXPIRY));
		assert_noop!(
			Kyc::attest(
				RuntimeOrigin::signed(REGISTRAR),
				BOB,
				enterprise(1, SupervisionClass::A),
				EXPIRY
			),
			Error::<Test>::EntityMismatch
		);
	});
}

#[test]
fn a_person_holds_at_most_max_accounts() {
	build_and_execute(|| {
		let accounts: Vec<u64> = (20..20 + u64::from(MAX_ACCOUNTS)).collect();
		for who in &accounts {
			assert_ok!(Kyc::attest(RuntimeOrigin::signed(REGISTRAR), *who, individual(1), EXPIRY));
		}
		assert_eq!(accounts_of(1), accounts);
		assert_noop!(
			Kyc::attest(RuntimeOrigin::signed(REGISTRAR), ALICE, individual(1), EXPIRY),
			Error::<Test>::TooManyAccounts
		);
	});
}

#[test]
fn attesting_afresh_with_another_hash_moves_the_account() {
	build_and_execute(|| {
		assert_ok!(Kyc::attest(RuntimeOrigin::signed(REGISTRAR), ALICE, individual(1), EXPIRY));
		assert_ok!(Kyc::attest(RuntimeOrigin::signed(REGISTRAR), BOB, individual(1), EXPIRY));
		assert_ok!(Kyc::revoke(RuntimeOrigin::signed(REGISTRAR), ALICE));
		// The first attestation used the wrong document; the corrected one names person 2.
		assert_ok!(Kyc::attest(RuntimeOrigin::signed(REGISTRAR), ALICE, individual(2), EXPIRY));
		assert_eq!(accounts_of(1), vec![BOB]);
		assert_eq!(accounts_of(2), vec![ALICE]);
		assert_ok!(Kyc::revoke(RuntimeOrigin::signed(REGISTRAR), BOB));
		let as_enterprise = KycProfile {
			entity: EntityType::Enterprise,
			class: Some(SupervisionClass::B),
			..individual(3)
		};
		assert_ok!(Kyc::attest(RuntimeOrigin::signed(REGISTRAR), BOB, as_enterprise, EXPIRY));
		// Person 1 has no accounts left and is gone from the index.
		assert!(!PersonAccounts::<Test>::contains_key(H256::repeat_byte(1)));
		assert_eq!(
			Credentials::<Test>::get(BOB).map(|c| c.profile.person),
			Some(H256::repeat_byte(3))
		);
	});
}

#[test]
fn attesting_afresh_with_the_same_hash_keeps_one_entry() {
	build_and_execute(|| {
		assert_ok!(Kyc::attest(RuntimeOrigin::signed(REGISTRAR), ALICE, individual(1), EXPIRY));
		assert_ok!(Kyc::revoke(RuntimeOrigin::signed(REGISTRAR), ALICE));
		assert_ok!(Kyc::attest(
			RuntimeOrigin::signed(OTHER_REGISTRAR),
			ALICE,
			individual(1),
			EXPIRY
		));
		assert_eq!(accounts_of(1), vec![ALICE]);
	});
}

#[test]
fn one_person_has_one_supervision_class_set_by_supervisors() {
	build_and_execute(|| {
		let class_c = enterprise(1, SupervisionClass::C);
		assert_ok!(Kyc::attest(RuntimeOrigin::signed(REGISTRAR), ALICE, class_c, EXPIRY));
		// A second account, or the same one attested afresh, cannot move the enterprise to A.
		assert_noop!(
			Kyc::attest(
				RuntimeOrigin::signed(OTHER_REGISTRAR),
				BOB,
				enterprise(1, SupervisionClass::A),
				EXPIRY
			),
			Error::<Test>::SupervisionClassMismatch
		);
		assert_ok!(Kyc::revoke(RuntimeOrigin::signed(REGISTRAR), ALICE));
		assert_noop!(
			Kyc::attest(
				RuntimeOrigin::signed(REGISTRAR),
				ALICE,
				enterprise(1, SupervisionClass::A),
				EXPIRY
			),
			Error::<Test>::SupervisionClassMismatch
		);
		assert_ok!(Kyc::attest(RuntimeOrigin::signed(REGISTRAR), ALICE, class_c, EXPIRY));
		assert_ok!(Kyc::attest(RuntimeOrigin::signed(REGISTRAR), BOB, class_c, EXPIRY));

		// Supervisors move it, on every account.
		let person = H256::repeat_byte(1);
		assert_noop!(
			Kyc::set_supervision_class(
				RuntimeOrigin::signed(REGISTRAR),
				person,
				SupervisionClass::A
			),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_ok!(Kyc::set_supervision_class(
			RuntimeOrigin::signed(SUPERVISOR),
			person,
			SupervisionClass::B
		));
		for who in [ALICE, BOB] {
			assert_eq!(
				Credentials::<Test>::get(who).and_then(|c| c.profile.class),
				Some(SupervisionClass::B)
			);
		}
		assert_eq!(
			super::last_event(),
			crate::Event::SupervisionClassSet {
				person,
				old: Some(SupervisionClass::C),
				new: SupervisionClass::B
			}
		);
	});
}

#[test]
fn supervision_classes_are_for_known_enterprises_only() {
	build_and_execute(|| {
		assert_noop!(
			Kyc::set_supervision_class(
				RuntimeOrigin::signed(SUPERVISOR),
				H256::repeat_byte(7),
				SupervisionClass::A
			),
			Error::<Test>::NotFound
		);
		assert_noop!(
			Kyc::set_supervision_class(
				RuntimeOrigin::signed(SUPERVISOR),
				H256::repeat_byte(9),
				SupervisionClass::A
			),
			Error::<Test>::SupervisionClassNotApplicable
		);
	});
}

#[test]
fn a_supervisors_suspension_follows_the_person_to_new_accounts() {
	build_and_execute(|| {
		assert_ok!(Kyc::attest(RuntimeOrigin::signed(REGISTRAR), ALICE, individual(1), EXPIRY));
		assert_ok!(Kyc::suspend(RuntimeOrigin::signed(SUPERVISOR), ALICE));
		assert_noop!(
			Kyc::attest(RuntimeOrigin::signed(OTHER_REGISTRAR), BOB, individual(1), EXPIRY),
			Error::<Test>::SuspendedBySupervisor
		);
	});
}
