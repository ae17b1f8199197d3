//! Helpers shared by the test families: documents registered by customs for the exporter,
//! financings and the events the pallet deposited.

use crate::{mock::*, *};
use frame_support::assert_ok;
use fxchain_primitives::{forex::Amount, Moment};

/// The face value of the standard document: CNY 1,000.00.
pub(crate) const FACE: Amount = 100_000;

/// The standard document's due date: 90 days after `START`.
pub(crate) const DUE: Moment = START + 90 * fxchain_primitives::supervision::DAY;

/// What each bank and the importer are funded with.
pub(crate) const FUNDS: Amount = 10_000_000;

/// Customs registers document `n` for `EXPORTER`: `face` CNY, due at `DUE`.
pub(crate) fn register_face(n: u64, face: Amount) {
	assert_ok!(Receivables::register_document(
		RuntimeOrigin::signed(CUSTOMS),
		doc(n),
		DECLARATION,
		EXPORTER,
		debtor(),
		CNY,
		face,
		DUE,
	));
}

/// Customs registers the standard document `n`.
pub(crate) fn register(n: u64) {
	register_face(n, FACE)
}

/// Fund the banks and the importer.
pub(crate) fn fund_all() {
	for who in [BANK_A, BANK_B, IMPORTER, EXPORTER] {
		fund(who, CNY, FUNDS);
	}
}

/// Lines of a financing: (document number, amount).
pub(crate) fn lines(of: &[(u64, Amount)]) -> Lines<Test> {
	of.iter()
		.map(|&(n, amount)| (doc(n), amount))
		.collect::<Vec<_>>()
		.try_into()
		.unwrap()
}

/// `bank` finances `of`; returns the financing's number.
pub(crate) fn finance(bank: u64, of: &[(u64, Amount)]) -> FinancingId {
	let id = NextFinancingId::<Test>::get();
	assert_ok!(Receivables::finance(RuntimeOrigin::signed(bank), lines(of)));
	id
}

/// Document `n` as stored.
pub(crate) fn document(n: u64) -> Document<u64> {
	Documents::<Test>::get(doc(n)).expect("the document is registered")
}

/// Financing `id` as stored.
pub(crate) fn financing(id: FinancingId) -> FinancingOf<Test> {
	Financings::<Test>::get(id).expect("the financing exists")
}

/// The endorsements of document `n` as (financing, bank, outstanding).
pub(crate) fn endorsements(n: u64) -> Vec<(FinancingId, u64, Amount)> {
	document(n)
		.endorsements
		.iter()
		.map(|e| (e.financing, e.bank, e.outstanding))
		.collect()
}

/// The pallet's events, oldest first.
pub(crate) fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Receivables(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// The last reference the mock ledger handed out.
pub(crate) fn last_reference() -> fxchain_primitives::forex::Reference {
	sp_core::H256::from_low_u64_be(NextReference::get() - 1)
}
