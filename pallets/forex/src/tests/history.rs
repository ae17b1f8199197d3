//! Bounded retention of records on chain, and account histories in the off-chain index.

use super::*;
use crate::{
	Decision, Documents, Histories, HistoryEntry, HistoryHead, MovementKind, Purpose, Reason,
	Reasons,
};
use codec::Decode;
use frame_support::assert_ok;
use fxchain_primitives::forex::history_key;
use sp_core::H256;

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

/// `who`'s history in the off-chain index of `db`, newest first, walked as the RPC walks it.
fn walk(
	db: &sp_core::offchain::testing::TestPersistentOffchainDB,
	head: HistoryHead,
) -> Vec<HistoryEntry<u64, u64>> {
	let mut entries = Vec::new();
	let mut next = head.latest;
	while let Some(hash) = next {
		let raw = db.get(&history_key(&hash)).expect("the entry is in the off-chain index");
		assert_eq!(sp_io::hashing::blake2_256(&raw), hash.0, "the entry is the one the key names");
		let entry = HistoryEntry::<u64, u64>::decode(&mut &raw[..]).expect("decodes");
		next = entry.previous;
		entries.push(entry);
	}
	assert_eq!(entries.len() as u32, head.count);
	entries
}

#[test]
fn every_party_gets_a_history_entry_per_status_change_walkable_newest_first() {
	let mut ext = new_test_ext();
	let mut references = Vec::new();
	ext.execute_with(|| {
		for block in 2..=4u64 {
			System::initialize(&block, &H256::repeat_byte(block as u8), &Default::default());
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

	let walked = walk(&db, alice);
	let summary: Vec<_> = walked
		.iter()
		.map(|e| (e.reference, e.status, e.amount, e.outgoing, e.block))
		.collect();
	assert_eq!(
		summary,
		vec![
			(references[1], PaymentStatus::Released, 20, true, 4),
			(references[1], PaymentStatus::Held, 20, true, 3),
			(references[0], PaymentStatus::Executed, 10, true, 2),
		]
	);
	assert!(walked
		.iter()
		.all(|e| e.counterparty == Some(BOB) && e.kind == MovementKind::Payment));

	// Bob sees the same payments as incoming, from Alice.
	let bobs = walk(&db, bob);
	let oldest = bobs.last().expect("three entries");
	assert_eq!(
		(oldest.reference, oldest.outgoing, oldest.counterparty),
		(references[0], false, Some(ALICE))
	);
}

#[test]
fn a_sibling_block_on_a_losing_fork_cannot_overwrite_the_canonical_history() {
	// Two blocks with the same parent: the canonical one pays 10, the losing sibling 99. Both
	// write to the same off-chain index, the sibling last.
	let mut canonical = new_test_ext();
	let mut sibling = new_test_ext();
	for (ext, amount) in [(&mut canonical, 10), (&mut sibling, 99)] {
		ext.execute_with(|| {
			System::initialize(&2, &H256::repeat_byte(2), &Default::default());
			pay(ALICE, BOB, amount);
		});
		ext.persist_offchain_overlay();
	}
	let mut db = canonical.offchain_db();
	let sibling_db = sibling.offchain_db();
	let head = sibling.execute_with(|| Histories::<Test>::get(ALICE));
	let key = history_key(&head.latest.expect("an entry"));
	let value = sibling_db.get(&key).expect("written");
	db.apply_offchain_changes(std::iter::once((
		(Vec::new(), key),
		sp_core::offchain::OffchainOverlayedChange::SetValue(value),
	)));
	// Walking from the canonical head finds the canonical entry, untouched.
	let head = canonical.execute_with(|| Histories::<Test>::get(ALICE));
	let entries = walk(&db, head);
	assert_eq!(entries.iter().map(|e| e.amount).collect::<Vec<_>>(), vec![10]);
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
		assert_ok!(Forex::exchange(RuntimeOrigin::signed(ALICE), 0, 10, 70, Purpose::Domestic));
	});
	ext.persist_offchain_overlay();
	let head = ext.execute_with(|| Histories::<Test>::get(ALICE));
	let entry = walk(&ext.offchain_db(), head).remove(0);
	// Alice pays 70 CNY and receives 10 USD.
	assert_eq!((entry.currency, entry.amount, entry.outgoing), (CNY, 70, true));
	assert_eq!(entry.counter_leg, Some((USD, 10)));
	assert_eq!(entry.counterparty, Some(BANK));
}
