//! Data-sharing permissions in the real runtime: licences and credentials from the KYC pallet,
//! the council's origins for statutory access and confidentiality, the clock from the timestamp
//! pallet and the pruning in `on_initialize`.

mod common;

use common::*;
use frame_support::{
	assert_noop, assert_ok,
	traits::{Hooks, Time as _},
};
use fxchain_primitives::data_sharing::{
	Access, Category, ConsentStatus, DataPurpose, LegalBasis, SharingParams, StatutoryBasis,
};
use fxchain_runtime::{DataSharing, Runtime, RuntimeCall, RuntimeOrigin, System, Timestamp};
use sp_core::H256;
use sp_keyring::Sr25519Keyring::{self, Alice, Bob, Charlie, Dave, Eve, Ferdie};

const DAY: u64 = 86_400_000;

type Collective =
	pallet_collective::RawOrigin<fxchain_runtime::AccountId, pallet_collective::Instance1>;

/// `subject` consents to `grantee` reading regulatory credit data for credit approval, for 30
/// days.
fn grant(subject: Sr25519Keyring, grantee: Sr25519Keyring) -> sp_runtime::DispatchResult {
	DataSharing::grant(
		RuntimeOrigin::signed(account(subject)),
		account(grantee),
		vec![Category::RegulatoryCredit].try_into().unwrap(),
		DataPurpose::CreditApproval,
		LegalBasis::Consent,
		Timestamp::now() + 30 * DAY,
		None,
		H256::repeat_byte(0xE1),
	)
}

/// Charlie's consent to Dave (the `dev` bank with the `DataConsumer` licence). Returns its
/// number.
fn charlie_consents_to_dave() -> u64 {
	let id = pallet_data_sharing::NextConsentId::<Runtime>::get();
	assert_ok!(grant(Charlie, Dave));
	id
}

#[test]
fn licences_and_credentials_come_from_the_kyc_pallet() {
	ext_from_preset("dev", |_| {}).execute_with(|| {
		pallet_timestamp::Now::<Runtime>::put(1_781_496_000_000);
		// Eve is a data provider, not a consumer: no consent to her, and she cannot query.
		assert_noop!(
			grant(Charlie, Eve),
			pallet_data_sharing::Error::<Runtime>::GranteeNotLicensed
		);
		// Ferdie has no credential: he cannot grant.
		assert_noop!(grant(Ferdie, Dave), pallet_data_sharing::Error::<Runtime>::NotVerified);
		let consent = charlie_consents_to_dave();
		assert_ok!(DataSharing::query(
			RuntimeOrigin::signed(account(Dave)),
			consent,
			Category::RegulatoryCredit,
			DataPurpose::CreditApproval,
			account(Eve),
		));
		// Dave's licence revoked by governance: his next query is refused.
		assert_ok!(fxchain_runtime::Kyc::revoke_licence(
			RuntimeOrigin::root(),
			account(Dave),
			fxchain_primitives::kyc::Role::DataConsumer
		));
		assert_noop!(
			DataSharing::query(
				RuntimeOrigin::signed(account(Dave)),
				consent,
				Category::RegulatoryCredit,
				DataPurpose::CreditApproval,
				account(Eve),
			),
			pallet_data_sharing::Error::<Runtime>::NotLicensed
		);
		DataSharing::do_try_state().unwrap();
	});
}

#[test]
fn one_council_member_queries_under_a_statute_and_is_named_in_the_log() {
	ext_from_preset("local", |_| {}).execute_with(|| {
		pallet_timestamp::Now::<Runtime>::put(1_781_496_000_000);
		let case = H256::repeat_byte(0xCA);
		assert_ok!(DataSharing::statutory_query(
			Collective::Member(account(Alice)).into(),
			account(Charlie),
			Category::Payments,
			StatutoryBasis::AntiMoneyLaundering,
			case,
			account(Eve),
		));
		let log = DataSharing::access_log(&account(Charlie), None, 10);
		assert_eq!(log.len(), 1);
		assert_eq!(log[0].1.accessor, Some(account(Alice)));
		assert_eq!(
			log[0].1.access,
			Access::Statutory { basis: StatutoryBasis::AntiMoneyLaundering, case }
		);
		// A signed account that is not acting through the council is refused.
		assert_noop!(
			DataSharing::statutory_query(
				RuntimeOrigin::signed(account(Dave)),
				account(Charlie),
				Category::Payments,
				StatutoryBasis::Supervision,
				case,
				account(Eve),
			),
			sp_runtime::DispatchError::BadOrigin
		);
		// One member cannot seal the case; two thirds of the council can.
		assert_noop!(
			DataSharing::seal_case(
				Collective::Member(account(Alice)).into(),
				case,
				Some(Timestamp::now() + DAY)
			),
			sp_runtime::DispatchError::BadOrigin
		);
		let seal = RuntimeCall::DataSharing(pallet_data_sharing::Call::seal_case {
			case,
			until: Some(Timestamp::now() + DAY),
		});
		let (hash, index) = propose(Alice, 2, seal.clone());
		vote_aye(&[Alice, Bob], hash, index);
		close(Alice, &seal, hash, index);
		assert_eq!(last_motion_result(), Some(Ok(())));
		assert!(DataSharing::access_log(&account(Charlie), None, 10).is_empty());
		assert_eq!(DataSharing::supervisory_log(None, 10).len(), 1);
		DataSharing::do_try_state().unwrap();
	});
}

#[test]
fn the_log_and_ended_consents_leave_storage_after_the_retention_period() {
	ext_from_preset("dev", |_| {}).execute_with(|| {
		let start = 1_781_496_000_000;
		pallet_timestamp::Now::<Runtime>::put(start);
		assert_ok!(DataSharing::set_params(
			RuntimeOrigin::root(),
			SharingParams { retention: 10 * DAY, ..SharingParams::default() }
		));
		let consent = charlie_consents_to_dave();
		assert_ok!(DataSharing::query(
			RuntimeOrigin::signed(account(Dave)),
			consent,
			Category::RegulatoryCredit,
			DataPurpose::CreditApproval,
			account(Eve),
		));
		assert_ok!(DataSharing::revoke(RuntimeOrigin::signed(account(Charlie)), consent));

		// Nine days on, everything stays.
		pallet_timestamp::Now::<Runtime>::put(start + 9 * DAY);
		DataSharing::on_initialize(System::block_number() + 1);
		assert_eq!(DataSharing::consent(consent).map(|c| c.status), Some(ConsentStatus::Revoked));
		assert_eq!(DataSharing::supervisory_log(None, 10).len(), 1);

		// Ten days after the query and the revocation, both are pruned.
		pallet_timestamp::Now::<Runtime>::put(start + 10 * DAY);
		DataSharing::on_initialize(System::block_number() + 1);
		assert_eq!(DataSharing::consent(consent), None);
		assert!(DataSharing::supervisory_log(None, 10).is_empty());
		assert!(DataSharing::access_log(&account(Charlie), None, 10).is_empty());
		DataSharing::do_try_state().unwrap();
	});
}
