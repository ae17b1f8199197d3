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
