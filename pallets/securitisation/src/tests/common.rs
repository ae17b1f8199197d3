//! Helpers shared by the tests: the standard pool (senior 800 units × 100 at 1% a period,
//! junior 200 units × 100, monthly from a month after `START`) and its receivables.

use crate::{mock::*, *};
use frame_support::assert_ok;
use fxchain_primitives::forex::Amount;
use sp_core::H256;

/// The standard tranches: senior (units, unit face, rate in basis points), junior (units, face).
pub(crate) const SENIOR: (Amount, Amount, u32) = (800, 100, 100);
pub(crate) const JUNIOR: (Amount, Amount) = (200, 100);

/// The standard pool's first payment date.
pub(crate) const FIRST: u64 = START + MONTH;

/// A document receivable numbered `n`.
pub(crate) fn rid(n: u64) -> ReceivableId {
	ReceivableId::Document(H256::from_low_u64_be(n))
}

/// `ORIGINATOR` opens the standard pool in CNY; returns its number.
pub(crate) fn create() -> PoolId {
	let id = NextPoolId::<Test>::get();
	assert_ok!(Securitisation::create_pool(
		RuntimeOrigin::signed(ORIGINATOR),
		CNY,
		SENIOR,
		JUNIOR,
		MONTH,
		FIRST
	));
	id
}

/// The standard pool with `receivables` (number, outstanding), registered to the originator
/// and added.
pub(crate) fn pool_with(receivables: &[(u64, Amount)]) -> PoolId {
	let id = create();
	for (n, amount) in receivables {
		register_in(rid(*n), ORIGINATOR, CNY, *amount);
		assert_ok!(Securitisation::add_receivable(RuntimeOrigin::signed(ORIGINATOR), id, rid(*n)));
	}
	id
}

/// The standard pool with `receivables`, issued.
pub(crate) fn issued_pool(receivables: &[(u64, Amount)]) -> PoolId {
	let id = pool_with(receivables);
	assert_ok!(Securitisation::issue(RuntimeOrigin::signed(ORIGINATOR), id));
	id
}

/// `investor`, funded with the price, buys `units` of `tranche` of pool `id`.
pub(crate) fn buy(id: PoolId, investor: AccountId, tranche: Tranche, units: Amount) {
	let face = match tranche {
		Tranche::Senior => SENIOR.1,
		Tranche::Junior => JUNIOR.1,
	};
	fund(investor, units * face);
	assert_ok!(Securitisation::buy(RuntimeOrigin::signed(investor), id, tranche, units));
}

/// Pool `id` as stored.
pub(crate) fn pool(id: PoolId) -> PoolOf<Test> {
	Pools::<Test>::get(id).expect("the pool exists")
}

/// `who`'s units of `tranche` of pool `id`.
pub(crate) fn units(id: PoolId, tranche: Tranche, who: AccountId) -> Amount {
	Units::balance(Securitisation::unit_id(id, tranche).unwrap(), who)
}

/// The pallet's events since the last call, in order.
pub(crate) fn events() -> Vec<Event<Test>> {
	let events = System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Securitisation(event) => Some(event),
			_ => None,
		})
		.collect();
	System::reset_events();
	events
}

/// The pool's cash: collected + returned − paid out.
pub(crate) fn cash(id: PoolId) -> Amount {
	Securitisation::cash(&pool(id)).expect("no underflow")
}
