//! Bounded retention of records on chain, and account histories in the off-chain index.

use super::*;
use crate::{Decision, Documents, Histories, HistoryEntry, MovementKind, Purpose, Reason, Reasons};
use codec::Decode;
use frame_support::assert_ok;
use fxchain_primitives::forex::history_key;
use sp_core::H256;
use std::collections::BTreeMap;

fn pay(from: u64, to: u64, amount: u128) {
	assert_ok!(Forex::pay(
		RuntimeOrigin::signed(from),
		to,
		USD,
		amount,
		Purpose::Domestic,
		None,
		Documents::default()
	));
}

#[test]
fn only_the_latest_records_stay_on_chain() {
	build_and_execute(|| {
		pay(ALICE, BOB, 1);
		let first = last_reference();
		for _ in 1..RETAINED {
			pay(ALICE, BOB, 1);
		}
		assert!(Records::<Test>::contains_key(first));
		pay(ALICE, BOB, 1);
		assert!(!Records::<Test>::contains_key(first), "the oldest went with the newest");
		assert_eq!(Records::<Test>::iter().count() as u64, RETAINED);
	});
}

#[test]
fn a_record_closing_at_the_edge_of_the_window_is_kept() {
	build_and_execute(|| {
		supervision_answers(
			ENTERPRISE,
			Decision::Hold(Reasons::of(&[Reason::PriorReviewRequired])),
		);
		pay(ENTERPRISE, BOB, 5);
		let held = last_reference();
		// The held record and the newest `RETAINED - 1` fill the window exactly.
		for _ in 1..RETAINED {
			pay(ALICE, BOB, 1);
		}
		assert_ok!(Forex::release(RuntimeOrigin::signed(SUPERVISOR), held));
		assert!(Records::<Test>::contains_key(held), "still one of the latest");
	});
}

#[test]
fn an_open_record_outlives_the_window_and_goes_when_it_closes() {
	build_and_execute(|| {
		supervision_answers(
			ENTERPRISE,
			Decision::Hold(Reasons::of(&[Reason::PriorReviewRequired])),
		);
		pay(ENTERPRISE, BOB, 5);
		let held = last_reference();
		for _ in 0..RETAINED {
			pay(ALICE, BOB, 1);
		}
		assert_eq!(
			Records::<Test>::get(held).expect("kept while open").status,
			PaymentStatus::Held
		);
		assert_ok!(Forex::release(RuntimeOrigin::signed(SUPERVISOR), held));
		assert!(!Records::<Test>::contains_key(held), "closed outside the window");
		assert_eq!(balance(USD, BOB), OPENING + 5 + RETAINED as u128);
	});
}

#[test]
fn every_party_gets_a_history_entry_per_status_change_walkable_newest_first() {
	let mut ext = new_test_ext();
	let mut parents = BTreeMap::new();
	let mut references = Vec::new();
	ext.execute_with(|| {
		for block in 2..=4u64 {
			let parent = H256::repeat_byte(block as u8);
			System::initialize(&block, &parent, &Default::default());
			parents.insert(block, parent);
			if block == 3 {
				supervision_answers(ALICE, Decision::Hold(Reasons::of(&[Reason::Structuring])));
			}
			if block == 4 {
				assert_ok!(Forex::release(RuntimeOrigin::signed(SUPERVISOR), references[1]));
			} else {
				pay(ALICE, BOB, 10 * (block as u128 - 1));
				references.push(last_reference());
			}
		}
		check_invariants();
	});
	ext.persist_offchain_overlay();
	let db = ext.offchain_db();
	let (alice, bob) =
		ext.execute_with(|| (Histories::<Test>::get(ALICE), Histories::<Test>::get(BOB)));
	assert_eq!((alice.count, alice.block), (3, 4));
	assert_eq!(bob.count, 3);

	// Walk Alice's history as the RPC does: from the head, following `previous_block`.
	let mut walked = Vec::new();
	let mut block = alice.block;
	for index in (0..alice.count).rev() {
		let key = history_key(&ALICE, index, &parents[&block]);
		let raw = db.get(&key).expect("the entry is in the off-chain index");
		let entry = HistoryEntry::<u64, u64>::decode(&mut &raw[..]).expect("decodes");
		block = entry.previous_block;
		walked.push(entry);
	}
	let summary: Vec<_> =
		walked.iter().map(|e| (e.reference, e.status, e.amount, e.outgoing)).collect();
	assert_eq!(
		summary,
		vec![
			(references[1], PaymentStatus::Released, 20, true),
			(references[1], PaymentStatus::Held, 20, true),
			(references[0], PaymentStatus::Executed, 10, true),
		]
	);
	assert!(walked
		.iter()
		.all(|e| e.counterparty == Some(BOB) && e.kind == MovementKind::Payment));

	// Bob sees the same payments as incoming, from Alice.
	let key = history_key(&BOB, 0, &parents[&2]);
	let first = HistoryEntry::<u64, u64>::decode(&mut &db.get(&key).unwrap()[..]).unwrap();
	assert_eq!(
		(first.reference, first.outgoing, first.counterparty),
		(references[0], false, Some(ALICE))
	);
	// An entry written on another fork (another parent) is not where the canonical walk looks.
	assert!(db.get(&history_key(&ALICE, 0, &H256::repeat_byte(0xee))).is_none());
}

#[test]
fn a_conversion_entry_shows_both_legs_from_each_side() {
	let mut ext = new_test_ext();
	ext.execute_with(|| {
		System::initialize(&2, &H256::repeat_byte(1), &Default::default());
		assert_ok!(Forex::post_quote(
			RuntimeOrigin::signed(BANK),
			USD,
			CNY,
			sp_runtime::FixedU128::from(7),
			100,
			START + DAY
		));
		assert_ok!(Forex::exchange(RuntimeOrigin::signed(ALICE), 0, 10, 70));
	});
	ext.persist_offchain_overlay();
	let raw = ext.offchain_db().get(&history_key(&ALICE, 0, &H256::repeat_byte(1))).unwrap();
	let entry = HistoryEntry::<u64, u64>::decode(&mut &raw[..]).unwrap();
	// Alice pays 70 CNY and receives 10 USD.
	assert_eq!((entry.currency, entry.amount, entry.outgoing), (CNY, 70, true));
	assert_eq!(entry.counter_leg, Some((USD, 10)));
	assert_eq!(entry.counterparty, Some(BANK));
}
