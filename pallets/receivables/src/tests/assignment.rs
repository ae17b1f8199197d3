//! Assignment: registered beats unregistered, earlier registration beats later.

use super::common::*;
use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use fxchain_primitives::receivables::{ReceivableId, ReceivableRegistry};

fn receivable() -> ReceivableId {
	ReceivableId::Document(doc(1))
}

fn offer(from: u64, to: u64) {
	assert_ok!(Receivables::offer_assignment(RuntimeOrigin::signed(from), receivable(), to));
}

fn assignees() -> Vec<u64> {
	Offers::<Test>::get(receivable()).iter().map(|o| o.assignee).collect()
}

#[test]
fn the_later_offer_registered_first_wins() {
	build_and_execute(|| {
		register(1);
		offer(EXPORTER, BUYER_B);
		offer(EXPORTER, BUYER_C);
		assert_ok!(Receivables::register_assignment(RuntimeOrigin::signed(BUYER_C), receivable()));
		assert_eq!(Receivables::assignee(&receivable()), Some(BUYER_C));
		assert_eq!(
			events().last(),
			Some(&Event::AssignmentRegistered {
				receivable: receivable(),
				assignor: EXPORTER,
				assignee: BUYER_C,
			})
		);
		// B's offer came first but was not registered: void.
		assert_noop!(
			Receivables::register_assignment(RuntimeOrigin::signed(BUYER_B), receivable()),
			Error::<Test>::AssignorNoLongerHolder
		);
		assert_eq!(Receivables::assignee(&receivable()), Some(BUYER_C));
	});
}

#[test]
fn of_two_registrations_the_earlier_wins() {
	build_and_execute(|| {
		register(1);
		offer(EXPORTER, BUYER_B);
		offer(EXPORTER, BUYER_C);
		assert_ok!(Receivables::register_assignment(RuntimeOrigin::signed(BUYER_B), receivable()));
		assert_noop!(
			Receivables::register_assignment(RuntimeOrigin::signed(BUYER_C), receivable()),
			Error::<Test>::AssignorNoLongerHolder
		);
		let assignment = Assignments::<Test>::get(receivable()).unwrap();
		assert_eq!((assignment.assignor, assignment.assignee), (EXPORTER, BUYER_B));
		// The former holder can no longer offer it; the new holder can.
		assert_noop!(
			Receivables::offer_assignment(RuntimeOrigin::signed(EXPORTER), receivable(), BUYER_C),
			Error::<Test>::NotHolder
		);
		offer(BUYER_B, BUYER_C);
		// The void offer made room for it.
		assert_eq!(assignees(), vec![BUYER_C]);
		assert_ok!(Receivables::register_assignment(RuntimeOrigin::signed(BUYER_C), receivable()));
		let assignment = Assignments::<Test>::get(receivable()).unwrap();
		assert_eq!((assignment.assignor, assignment.assignee), (BUYER_B, BUYER_C));
		assert!(!Offers::<Test>::contains_key(receivable()));
	});
}

#[test]
fn a_void_offer_does_not_revive_when_the_receivable_returns() {
	build_and_execute(|| {
		register(1);
		offer(EXPORTER, BUYER_B);
		offer(EXPORTER, BUYER_C);
		assert_ok!(Receivables::register_assignment(RuntimeOrigin::signed(BUYER_C), receivable()));
		offer(BUYER_C, EXPORTER);
		assert_ok!(Receivables::register_assignment(RuntimeOrigin::signed(EXPORTER), receivable()));
		// The exporter holds it again, but its old offer to B was voided.
		assert_noop!(
			Receivables::register_assignment(RuntimeOrigin::signed(BUYER_B), receivable()),
			Error::<Test>::OfferNotFound
		);
	});
}

#[test]
fn offers_are_bounded_unique_and_withdrawable() {
	build_and_execute(|| {
		register(1);
		for who in [BUYER_B, BUYER_C, BANK_A, BANK_B] {
			offer(EXPORTER, who);
		}
		assert_noop!(
			Receivables::offer_assignment(RuntimeOrigin::signed(EXPORTER), receivable(), CUSTOMS),
			Error::<Test>::TooManyOffers
		);
		assert_noop!(
			Receivables::offer_assignment(RuntimeOrigin::signed(EXPORTER), receivable(), BUYER_B),
			Error::<Test>::AlreadyOffered
		);
		assert_noop!(
			Receivables::withdraw_offer(RuntimeOrigin::signed(BUYER_B), receivable(), BUYER_C),
			Error::<Test>::OfferNotFound
		);
		assert_ok!(Receivables::withdraw_offer(
			RuntimeOrigin::signed(EXPORTER),
			receivable(),
			BUYER_B
		));
		assert_eq!(
			events().last(),
			Some(&Event::OfferWithdrawn {
				receivable: receivable(),
				assignor: EXPORTER,
				assignee: BUYER_B,
			})
		);
		assert_eq!(assignees(), vec![BUYER_C, BANK_A, BANK_B]);
		assert_noop!(
			Receivables::register_assignment(RuntimeOrigin::signed(BUYER_B), receivable()),
			Error::<Test>::OfferNotFound
		);
	});
}

#[test]
fn who_may_offer_and_to_whom() {
	build_and_execute(|| {
		register(1);
		let call =
			|from, to| Receivables::offer_assignment(RuntimeOrigin::signed(from), receivable(), to);
		assert_noop!(call(BUYER_B, BUYER_C), Error::<Test>::NotHolder);
		assert_noop!(call(EXPORTER, EXPORTER), Error::<Test>::SelfAssignment);
		assert_noop!(call(EXPORTER, STRANGER), Error::<Test>::NotVerified);
		assert_noop!(
			Receivables::offer_assignment(
				RuntimeOrigin::signed(EXPORTER),
				ReceivableId::Document(doc(2)),
				BUYER_B
			),
			Error::<Test>::ReceivableNotFound
		);
		offer(EXPORTER, BUYER_B);
		assert_eq!(
			events().last(),
			Some(&Event::AssignmentOffered {
				receivable: receivable(),
				assignor: EXPORTER,
				assignee: BUYER_B,
			})
		);
		// An assignee whose credential lapsed cannot register.
		Profiles::mutate(|p| p.remove(&BUYER_B));
		assert_noop!(
			Receivables::register_assignment(RuntimeOrigin::signed(BUYER_B), receivable()),
			Error::<Test>::NotVerified
		);
	});
}

#[test]
fn a_lease_is_assigned_by_its_lessor() {
	build_and_execute(|| {
		let info = ReceivableInfo {
			holder: LESSOR,
			currency: CNY,
			outstanding: 9_000,
			due: DUE,
			defaulted: false,
		};
		Leases::mutate(|l| l.insert(7, (LESSOR, Some(info.clone()))));
		let lease = ReceivableId::Lease(7);
		assert_noop!(
			Receivables::offer_assignment(RuntimeOrigin::signed(EXPORTER), lease, BUYER_B),
			Error::<Test>::NotHolder
		);
		assert_ok!(Receivables::offer_assignment(RuntimeOrigin::signed(LESSOR), lease, BUYER_B));
		assert_ok!(Receivables::register_assignment(RuntimeOrigin::signed(BUYER_B), lease));
		assert_eq!(Receivables::assignee(&lease), Some(BUYER_B));
		assert_noop!(
			Receivables::offer_assignment(
				RuntimeOrigin::signed(LESSOR),
				ReceivableId::Lease(8),
				BUYER_B
			),
			Error::<Test>::ReceivableNotFound
		);
	});
}

#[test]
fn the_registry_assigns_at_once_for_a_pool() {
	build_and_execute(|| {
		register(1);
		offer(EXPORTER, BUYER_B);
		assert_noop!(
			<Receivables as ReceivableRegistry<u64>>::assign(&receivable(), &BUYER_C, &BUYER_B),
			Error::<Test>::NotHolder
		);
		assert_ok!(<Receivables as ReceivableRegistry<u64>>::assign(
			&receivable(),
			&EXPORTER,
			&BUYER_C
		));
		assert_eq!(Receivables::assignee(&receivable()), Some(BUYER_C));
		// The unregistered offer to B lost.
		assert_noop!(
			Receivables::register_assignment(RuntimeOrigin::signed(BUYER_B), receivable()),
			Error::<Test>::AssignorNoLongerHolder
		);
		assert_noop!(
			<Receivables as ReceivableRegistry<u64>>::assign(
				&ReceivableId::Document(doc(2)),
				&EXPORTER,
				&BUYER_C
			),
			Error::<Test>::ReceivableNotFound
		);
	});
}

#[test]
fn the_registry_describes_documents_and_leases() {
	build_and_execute(|| {
		fund_all();
		register(1);
		assert_ok!(Receivables::pay_document(RuntimeOrigin::signed(IMPORTER), doc(1), 25_000));
		let info = <Receivables as ReceivableRegistry<u64>>::info(&receivable()).unwrap();
		assert_eq!(
			info,
			ReceivableInfo {
				holder: EXPORTER,
				currency: CNY,
				outstanding: 75_000,
				due: DUE,
				defaulted: false
			}
		);
		Now::set(DUE + GRACE + 1);
		assert!(<Receivables as ReceivableRegistry<u64>>::info(&receivable()).unwrap().defaulted);
		let lease_info = ReceivableInfo {
			holder: LESSOR,
			currency: USD,
			outstanding: 9_000,
			due: DUE,
			defaulted: false,
		};
		Leases::mutate(|l| l.insert(7, (LESSOR, Some(lease_info.clone()))));
		let lease = ReceivableId::Lease(7);
		assert_eq!(
			<Receivables as ReceivableRegistry<u64>>::info(&lease),
			Some(lease_info.clone())
		);
		assert_ok!(<Receivables as ReceivableRegistry<u64>>::assign(&lease, &LESSOR, &BUYER_B));
		assert_eq!(
			<Receivables as ReceivableRegistry<u64>>::info(&lease),
			Some(ReceivableInfo { holder: BUYER_B, ..lease_info })
		);
		assert_eq!(<Receivables as ReceivableRegistry<u64>>::info(&ReceivableId::Lease(8)), None);
	});
}

#[test]
fn a_lease_in_review_or_not_running_does_not_change_hands() {
	build_and_execute(|| {
		let info = ReceivableInfo {
			holder: LESSOR,
			currency: CNY,
			outstanding: 9_000,
			due: DUE,
			defaulted: false,
		};
		Leases::mutate(|l| l.insert(7, (LESSOR, Some(info.clone()))));
		let lease = ReceivableId::Lease(7);
		assert_ok!(Receivables::offer_assignment(RuntimeOrigin::signed(LESSOR), lease, BUYER_B));
		// A payment of the lease goes into review: the leasing pallet no longer describes it.
		Leases::mutate(|l| l.insert(7, (LESSOR, None)));
		assert_noop!(
			Receivables::register_assignment(RuntimeOrigin::signed(BUYER_B), lease),
			Error::<Test>::LeaseNotAssignable
		);
		assert_noop!(
			Receivables::offer_assignment(RuntimeOrigin::signed(LESSOR), lease, BUYER_C),
			Error::<Test>::LeaseNotAssignable
		);
		assert_noop!(
			<Receivables as ReceivableRegistry<u64>>::assign(&lease, &LESSOR, &BUYER_C),
			Error::<Test>::LeaseNotAssignable
		);
		Leases::mutate(|l| l.insert(7, (LESSOR, Some(info))));
		assert_ok!(Receivables::register_assignment(RuntimeOrigin::signed(BUYER_B), lease));
	});
}
