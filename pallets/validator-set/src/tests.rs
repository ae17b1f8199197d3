//! The validator set follows governance, one session late, and never drops below its minimum.

use crate::{mock::*, Error, Event, MinValidators, Validators};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

fn session_validators() -> Vec<u64> {
	pallet_session::Validators::<Test>::get()
}

fn queued_validators() -> Vec<u64> {
	pallet_session::QueuedKeys::<Test>::get().into_iter().map(|(v, _)| v).collect()
}

#[test]
fn genesis_adopts_the_session_keys_as_the_validator_set() {
	build_and_execute(2, || {
		assert_eq!(Validators::<Test>::get().into_inner(), vec![1, 2, 3]);
		assert_eq!(session_validators(), vec![1, 2, 3]);
		assert_eq!(MinValidators::<Test>::get(), 2);
	});
}

#[test]
fn added_validator_is_queued_at_the_next_session_and_active_from_the_one_after() {
	build_and_execute(2, || {
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 4));
		System::assert_last_event(Event::ValidatorAdded { who: 4 }.into());
		assert_eq!(Validators::<Test>::get().into_inner(), vec![1, 2, 3, 4]);

		start_session(1);
		System::assert_has_event(Event::ValidatorSetQueued { session: 2, validators: 4 }.into());
		assert_eq!(queued_validators(), vec![1, 2, 3, 4]);
		assert_eq!(session_validators(), vec![1, 2, 3]);

		start_session(2);
		assert_eq!(session_validators(), vec![1, 2, 3, 4]);
	});
}

#[test]
fn removed_validator_stops_from_the_session_after_the_next() {
	build_and_execute(2, || {
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 3));
		System::assert_last_event(Event::ValidatorRemoved { who: 3 }.into());
		start_session(1);
		assert_eq!(session_validators(), vec![1, 2, 3]);
		start_session(2);
		assert_eq!(session_validators(), vec![1, 2]);
	});
}

#[test]
fn unchanged_set_is_not_requeued() {
	build_and_execute(2, || {
		start_session(3);
		assert!(!System::events().iter().any(|r| matches!(
			r.event,
			RuntimeEvent::ValidatorSet(Event::ValidatorSetQueued { .. })
		)));
		assert_eq!(session_validators(), vec![1, 2, 3]);
	});
}

#[test]
fn removal_below_the_minimum_is_refused() {
	build_and_execute(3, || {
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::root(), 1),
			Error::<Test>::TooFewValidators
		);
	});
}

#[test]
fn removal_down_to_the_minimum_is_allowed() {
	build_and_execute(2, || {
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 1));
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::root(), 2),
			Error::<Test>::TooFewValidators
		);
		assert_eq!(Validators::<Test>::get().into_inner(), vec![2, 3]);
	});
}

#[test]
fn only_governance_changes_the_set() {
	build_and_execute(2, || {
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::signed(4), 4),
			DispatchError::BadOrigin
		);
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::signed(1), 3),
			DispatchError::BadOrigin
		);
		assert_noop!(
			ValidatorSet::set_min_validators(RuntimeOrigin::signed(1), 1),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn adding_needs_session_keys_and_no_duplicate() {
	build_and_execute(2, || {
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::root(), 7),
			Error::<Test>::NoSessionKeys
		);
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::root(), 2),
			Error::<Test>::AlreadyExists
		);
	});
}

#[test]
fn adding_beyond_the_maximum_is_refused() {
	build_and_execute(2, || {
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 4));
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 5));
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::root(), 6),
			Error::<Test>::TooManyValidators
		);
	});
}

#[test]
fn removing_an_unknown_account_is_refused() {
	build_and_execute(2, || {
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::root(), 4),
			Error::<Test>::NotFound
		);
	});
}

#[test]
fn minimum_changes_within_the_current_set_only() {
	build_and_execute(2, || {
		assert_ok!(ValidatorSet::set_min_validators(RuntimeOrigin::root(), 3));
		System::assert_last_event(Event::MinValidatorsChanged { old: 2, new: 3 }.into());
		assert_noop!(
			ValidatorSet::set_min_validators(RuntimeOrigin::root(), 4),
			Error::<Test>::InvalidMinimum
		);
		assert_noop!(
			ValidatorSet::set_min_validators(RuntimeOrigin::root(), 0),
			Error::<Test>::InvalidMinimum
		);
	});
}
