//! Rent routing for the leasing pallet: the payee follows the lease's assignment, and rent
//! that reaches it is reported to the collection observer.

use crate::{mock::*, *};
use frame_support::assert_ok;
use fxchain_primitives::receivables::{ReceivableId, RentRouting};

fn lease_info() -> ReceivableInfo<u64> {
	ReceivableInfo {
		holder: LESSOR,
		currency: USD,
		outstanding: 12_000,
		due: START,
		defaulted: false,
	}
}

#[test]
fn rent_goes_to_the_lessor_until_an_assignment_is_registered() {
	build_and_execute(|| {
		Leases::mutate(|l| l.insert(3, (LESSOR, Some(lease_info()))));
		let lease = ReceivableId::Lease(3);
		assert_eq!(<Receivables as RentRouting<u64>>::payee(3, &LESSOR), LESSOR);
		assert_ok!(Receivables::offer_assignment(RuntimeOrigin::signed(LESSOR), lease, BUYER_B));
		assert_eq!(<Receivables as RentRouting<u64>>::payee(3, &LESSOR), LESSOR);
		assert_ok!(Receivables::register_assignment(RuntimeOrigin::signed(BUYER_B), lease));
		assert_eq!(<Receivables as RentRouting<u64>>::payee(3, &LESSOR), BUYER_B);
		// Another lease is not affected.
		assert_eq!(<Receivables as RentRouting<u64>>::payee(4, &LESSOR), LESSOR);
	});
}

#[test]
fn collected_rent_reaches_the_observer_in_the_payments_currency() {
	build_and_execute(|| {
		Leases::mutate(|l| l.insert(3, (LESSOR, Some(lease_info()))));
		<Receivables as RentRouting<u64>>::collected(3, &BUYER_B, CNY, 500);
		// Also for a lease the leasing pallet does not describe now (its payment was in
		// review until this release): the currency comes with the payment.
		Leases::mutate(|l| l.insert(4, (LESSOR, None)));
		<Receivables as RentRouting<u64>>::collected(4, &BUYER_B, USD, 900);
		assert_eq!(
			Collections::get(),
			vec![
				(ReceivableId::Lease(3), BUYER_B, CNY, 500),
				(ReceivableId::Lease(4), BUYER_B, USD, 900)
			]
		);
	});
}
