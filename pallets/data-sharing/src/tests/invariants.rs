//! `do_try_state` catches what the calls never leave behind: log entries out of time order, and
//! consents whose dates contradict each other.

use super::common::*;
use crate::{mock::*, *};
use frame_support::assert_ok;
use sp_runtime::TryRuntimeError;

fn broken(reason: &'static str) -> Result<(), TryRuntimeError> {
	Err(reason.into())
}

#[test]
fn log_entries_must_be_in_time_order() {
	new_test_ext().execute_with(|| {
		Now::set(START + DAY);
		let first = statutory(SUBJECT, Category::Tax, hash(0xCA));
		// Two entries in the same millisecond are in order.
		statutory(SUBJECT, Category::Tax, hash(0xCA));
		assert_ok!(DataSharing::do_try_state());
		// A clock that ran backwards would put a later entry before an earlier one.
		Now::set(START);
		let last = statutory(OTHER_SUBJECT, Category::Tax, hash(0xCA));
		assert_eq!(DataSharing::do_try_state(), broken("log entries out of time order"));
		// Without the earlier entries (pruned, say), the order holds again.
		Log::<Test>::remove(last);
		LogOf::<Test>::remove(OTHER_SUBJECT, last.to_be_bytes());
		assert_ok!(DataSharing::do_try_state());
		Log::<Test>::mutate(first, |entry| entry.as_mut().unwrap().at = START + 2 * DAY);
		assert_eq!(DataSharing::do_try_state(), broken("log entries out of time order"));
	});
}

#[test]
fn a_consent_must_be_granted_and_revoked_before_it_expires() {
	const REASON: &str = "a consent ends before it began, or was revoked after it expired";
	new_test_ext().execute_with(|| {
		let consent = grant(None);
		assert_ok!(DataSharing::do_try_state());
		let expires_at = stored(consent).expires_at;
		// Granted at its expiry.
		Consents::<Test>::mutate(consent, |c| c.as_mut().unwrap().granted_at = expires_at);
		assert_eq!(DataSharing::do_try_state(), broken(REASON));
		Consents::<Test>::mutate(consent, |c| c.as_mut().unwrap().granted_at = START);
		assert_ok!(DataSharing::do_try_state());
		// Revoked at its expiry (its end key is where the revocation would put it).
		Consents::<Test>::mutate(consent, |c| c.as_mut().unwrap().revoked_at = Some(expires_at));
		assert_eq!(DataSharing::do_try_state(), broken(REASON));
		// Revoked before: fine.
		Consents::<Test>::mutate(consent, |c| c.as_mut().unwrap().revoked_at = None);
		Now::set(expires_at - 1);
		assert_ok!(DataSharing::revoke(RuntimeOrigin::signed(SUBJECT), consent));
		assert_ok!(DataSharing::do_try_state());
	});
}
