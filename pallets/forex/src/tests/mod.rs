//! Unit tests, one file per family of calls. Every test ends with the invariants
//! (`mock::build_and_execute`): issuance equals the sum of balances, reserved amounts included,
//! and every open record's funds are in escrow.

mod conversions;
mod currencies;
mod deposits;
mod history;
mod holds;
mod ledger;
mod payments;
mod property;
mod trades;

use crate::{mock::*, Event, PaymentStatus, Record, Records, Reference};
use frame_support::traits::fungibles::Inspect;

/// The pallet's events since the test began, oldest first.
pub fn forex_events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Forex(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// The last event the pallet emitted.
pub fn last_event() -> Event<Test> {
	forex_events().pop().expect("the pallet emitted an event")
}

/// The balance `who` holds in `currency`.
pub fn balance(currency: u32, who: u64) -> u128 {
	Assets::balance(currency, who)
}

/// The reference of the newest record.
pub fn last_reference() -> Reference {
	let seq = crate::NextSeq::<Test>::get() - 1;
	crate::RecordOrder::<Test>::get(seq).expect("a record was written")
}

/// The record of the newest operation.
pub fn last_record() -> Record<u64> {
	Records::<Test>::get(last_reference()).expect("the newest record is retained")
}

/// What supervision was told about each movement so far, in order.
pub fn outcomes() -> Vec<Outcome> {
	Told::get().into_iter().map(|(_, outcome)| outcome).collect()
}

/// The status of the newest operation.
pub fn last_status() -> PaymentStatus {
	last_record().status
}
