//! Assigned rent: the lessee's payments go to whom the lessor assigned the lease's rent, the
//! registry learns of each payment that arrives (not of one that is held or returned), and a
//! lease describes itself as a receivable.

use super::common::*;
use crate::{mock::*, *};
use frame_support::assert_ok;
use fxchain_primitives::{
	forex::Purpose,
	receivables::{LeaseReceivables, ReceivableInfo},
	supervision::DAY,
};
use sp_core::H256;

/// The account the tests assign rent to: a verified resident, like the lessor.
const ASSIGNEE: u64 = BANK;

/// The reference of the ledger's latest transfer.
fn last_reference() -> H256 {
	H256::from_low_u64_be(NextReference::get() - 1)
}

#[test]
fn rent_of_an_assigned_lease_goes_to_the_assignee_and_the_registry_learns_of_it() {
	build_and_execute(|| {
		let id = signed_lease();
		Assignees::mutate(|a| a.insert(id, ASSIGNEE));
		Now::set(due_at(1));
		assert_ok!(Leasing::pay(RuntimeOrigin::signed(LESSEE), id));
		assert_eq!(free(ASSIGNEE), RENT);
		assert_eq!(free(LESSOR), 0, "the lessor assigned its rent away");
		assert_eq!(Collections::get(), vec![(id, ASSIGNEE, RENT)]);
		System::assert_has_event(
			Event::PaymentRouted { lease: id, payee: ASSIGNEE, amount: RENT }.into(),
		);
		assert_eq!(lease(id).paid, 1, "the lease counts the instalment as paid");
	});
}

#[test]
fn rent_of_a_lease_not_assigned_goes_to_the_lessor_without_a_routing_event() {
	build_and_execute(|| {
		let id = signed_lease();
		Now::set(due_at(1));
		assert_ok!(Leasing::pay(RuntimeOrigin::signed(LESSEE), id));
		assert_eq!(free(LESSOR), RENT);
		assert_eq!(Collections::get(), vec![(id, LESSOR, RENT)]);
		assert!(!System::events()
			.iter()
			.any(|r| matches!(r.event, RuntimeEvent::Leasing(Event::PaymentRouted { .. }))));
	});
}

#[test]
fn a_held_payment_reaches_the_registry_only_when_released() {
	build_and_execute(|| {
		let id = signed_lease();
		Assignees::mutate(|a| a.insert(id, ASSIGNEE));
		Now::set(due_at(1));
		Mode::set(Supervision::Hold);
		assert_ok!(Leasing::pay(RuntimeOrigin::signed(LESSEE), id));
		let first = last_reference();
		assert!(Collections::get().is_empty(), "nothing arrived yet");
		assert_eq!(RoutedInReview::<Test>::get(first), Some((ASSIGNEE, RENT)));
		// While the payment is in review, the rent cannot change hands.
		assert_eq!(<Leasing as LeaseReceivables<u64>>::receivable(id), None);

		conclude(first, false);
		assert!(Collections::get().is_empty(), "a returned payment never arrived");
		assert_eq!(RoutedInReview::<Test>::get(first), None);

		assert_ok!(Leasing::pay(RuntimeOrigin::signed(LESSEE), id));
		let second = last_reference();
		conclude(second, true);
		assert_eq!(Collections::get(), vec![(id, ASSIGNEE, RENT)]);
		assert_eq!(free(ASSIGNEE), RENT);
		assert_eq!(lease(id).paid, 1);
	});
}

#[test]
fn a_payment_to_a_foreign_assignee_is_declared_a_financial_account_flow() {
	build_and_execute(|| {
		let id = signed_lease();
		Assignees::mutate(|a| a.insert(id, FOREIGN_LESSEE));
		Now::set(due_at(1));
		assert_ok!(Leasing::pay(RuntimeOrigin::signed(LESSEE), id));
		let (from, to, amount, purpose) = *Transfers::get().last().unwrap();
		assert_eq!((from, to, amount), (LESSEE, FOREIGN_LESSEE, RENT));
		assert_eq!(purpose, Purpose::FinancialAccount, "the payment crosses a border");
	});
}

#[test]
fn a_running_lease_is_a_receivable_of_its_unpaid_rent() {
	build_and_execute(|| {
		let id = signed_lease();
		let info = <Leasing as LeaseReceivables<u64>>::receivable(id).unwrap();
		assert_eq!(
			info,
			ReceivableInfo {
				holder: LESSOR,
				currency: CNY,
				outstanding: TOTAL_RENT,
				due: due_at(1),
				defaulted: false,
			}
		);
		Now::set(due_at(1));
		assert_ok!(Leasing::pay(RuntimeOrigin::signed(LESSEE), id));
		let info = <Leasing as LeaseReceivables<u64>>::receivable(id).unwrap();
		assert_eq!(info.outstanding, TOTAL_RENT - RENT);
		assert_eq!(info.due, due_at(2));
		assert_eq!(<Leasing as LeaseReceivables<u64>>::lessor(id), Some(LESSOR));
	});
}

#[test]
fn a_defaulted_lease_is_a_receivable_in_default_and_a_draft_is_none() {
	build_and_execute(|| {
		let id = signed_lease();
		// Nothing paid: demand at the second due date, default after the 15 days' grace.
		run_to(due_at(2));
		assert_ok!(Leasing::send_demand(RuntimeOrigin::signed(LESSOR), id));
		run_to(due_at(2) + 15 * DAY);
		assert_ok!(Leasing::declare_default(RuntimeOrigin::signed(LESSOR), id));
		let info = <Leasing as LeaseReceivables<u64>>::receivable(id).unwrap();
		assert!(info.defaulted);
		assert_eq!(info.outstanding, TOTAL_RENT);

		register(LESSOR, H256::repeat_byte(0xBB));
		let draft = NextLeaseId::<Test>::get();
		assert_ok!(Leasing::draft(
			RuntimeOrigin::signed(LESSOR),
			LESSEE,
			H256::repeat_byte(0xBB),
			terms()
		));
		assert_eq!(<Leasing as LeaseReceivables<u64>>::receivable(draft), None);
		assert_eq!(<Leasing as LeaseReceivables<u64>>::lessor(draft), Some(LESSOR));
	});
}
