//! Unit tests, one file per family of calls. Every test ends with the pallet's invariant check
//! (`mock::build_and_execute`).

mod allowance;
mod credentials;
mod door;
mod genesis;
mod licences;
mod persons;

use crate::{mock::*, Event};

/// The pallet's events since the test began, oldest first.
pub fn kyc_events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Kyc(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// The last event the pallet emitted.
pub fn last_event() -> Event<Test> {
	kyc_events().pop().expect("the pallet emitted an event")
}
