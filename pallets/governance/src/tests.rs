//! Governance dispatches root-only calls; nobody else can.

use crate::{mock::*, Event};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

fn set_storage_call(value: &[u8]) -> Box<RuntimeCall> {
	Box::new(RuntimeCall::System(frame_system::Call::set_storage {
		items: vec![(b"key".to_vec(), value.to_vec())],
	}))
}

#[test]
fn governance_dispatches_a_root_only_call() {
	new_test_ext().execute_with(|| {
		assert_ok!(Governance::enact(RuntimeOrigin::signed(GOVERNANCE), set_storage_call(b"v")));
		assert_eq!(sp_io::storage::get(b"key").map(|v| v.to_vec()), Some(b"v".to_vec()));
		System::assert_last_event(Event::Enacted { result: Ok(()) }.into());
	});
}

#[test]
fn anyone_else_is_refused_and_nothing_changes() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			Governance::enact(RuntimeOrigin::signed(2), set_storage_call(b"v")),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Governance::enact(RuntimeOrigin::none(), set_storage_call(b"v")),
			DispatchError::BadOrigin
		);
		assert_eq!(sp_io::storage::get(b"key"), None);
	});
}

#[test]
fn the_inner_calls_failure_is_reported_not_hidden() {
	new_test_ext().execute_with(|| {
		// The inner call is itself an `enact`, which root may not make (in this mock only
		// account 1 is governance): it fails inside, and the outer `enact` reports it.
		let inner =
			Box::new(RuntimeCall::Governance(crate::Call::enact { call: set_storage_call(b"v") }));
		assert_ok!(Governance::enact(RuntimeOrigin::signed(GOVERNANCE), inner));
		System::assert_last_event(Event::Enacted { result: Err(DispatchError::BadOrigin) }.into());
		assert_eq!(sp_io::storage::get(b"key"), None);
	});
}
