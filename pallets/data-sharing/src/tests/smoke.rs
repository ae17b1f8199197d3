//! One consent's life in one test.

use crate::{mock::*, Category, ConsentStatus, DataPurpose, Error};
use frame_support::{assert_noop, assert_ok};

#[test]
fn a_consent_lets_its_grantee_query_until_revoked() {
	build_and_execute(|| {
		let consent = grant(None);
		assert_ok!(DataSharing::query(
			RuntimeOrigin::signed(BANK),
			consent,
			Category::RegulatoryCredit,
			DataPurpose::CreditApproval,
			PROVIDER
		));
		assert_ok!(DataSharing::revoke(RuntimeOrigin::signed(SUBJECT), consent));
		assert_noop!(
			DataSharing::query(
				RuntimeOrigin::signed(BANK),
				consent,
				Category::RegulatoryCredit,
				DataPurpose::CreditApproval,
				PROVIDER
			),
			Error::<Test>::ConsentRevoked
		);
		assert_eq!(DataSharing::consent(consent).unwrap().status, ConsentStatus::Revoked);
		assert_eq!(DataSharing::access_log(&SUBJECT, None, 10).len(), 1);
	});
}
