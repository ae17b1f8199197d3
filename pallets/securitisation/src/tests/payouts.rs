//! Payment dates paid out in bounded work per block, and payouts that supervision holds or
//! refuses.

use super::common::*;
use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use fxchain_primitives::forex::Amount;

/// Holders' payouts in `events`, of any kind: (holder, amount, kind).
fn payouts(events: &[Event<Test>]) -> Vec<(AccountId, Amount, &'static str)> {
	events
		.iter()
		.filter_map(|e| match e {
			Event::PaidOut { holder, amount, .. } => Some((*holder, *amount, "paid")),
			Event::PayoutHeld { holder, amount, .. } => Some((*holder, *amount, "held")),
			Event::PayoutFailed { holder, amount, .. } => Some((*holder, *amount, "failed")),
			_ => None,
		})
		.collect()
}

fn is_settled(events: &[Event<Test>]) -> bool {
	events.iter().any(|e| matches!(e, Event::PaymentDateSettled { .. }))
}

#[test]
fn more_holders_than_max_payouts_per_block_are_paid_over_several_blocks() {
	build_and_execute(|| {
		let id = issued_pool(&[(1, 100_000)]);
		// Seven investors with 100 senior units each, and the originator with 100 senior and
		// 200 junior: eight holders, three a block.
		for who in 20..27 {
			buy(id, who, Tranche::Senior, 100);
		}
		collect(rid(1), 8_000);
		// Cash 8_000: interest 800, principal 7_200; 1_000 per 100 senior units.
		System::reset_events();
		run_to(FIRST);
		let first = events();
		assert_eq!(
			payouts(&first),
			vec![(ORIGINATOR, 1_000, "paid"), (20, 1_000, "paid"), (21, 1_000, "paid")]
		);
		assert!(!is_settled(&first));
		assert_eq!(Distributions::<Test>::get(id).unwrap().cursor, 3);
		Securitisation::do_try_state().unwrap();
		// While a date is paid out, nobody buys (holdings must not change under the cursor).
		fund(20, 100);
		assert_noop!(
			Securitisation::buy(RuntimeOrigin::signed(20), id, Tranche::Senior, 1),
			Error::<Test>::DistributionRunning
		);
		// The clock does not matter: the payout continues in the next block.
		run_to(FIRST + 6_000);
		let second = events();
		assert_eq!(
			payouts(&second),
			vec![(22, 1_000, "paid"), (23, 1_000, "paid"), (24, 1_000, "paid")]
		);
		assert!(!is_settled(&second));
		run_to(FIRST + 12_000);
		let third = events();
		assert_eq!(payouts(&third), vec![(25, 1_000, "paid"), (26, 1_000, "paid")]);
		assert!(is_settled(&third));
		assert!(Distributions::<Test>::get(id).is_none());
		assert_eq!(cash(id), 0);
		assert_eq!(pool(id).next_payment, FIRST + MONTH);
		// A quiet block does nothing.
		run_to(FIRST + 18_000);
		assert!(events().is_empty());
		// Once settled, holders buy again.
		assert_ok!(Securitisation::buy(RuntimeOrigin::signed(20), id, Tranche::Senior, 1));
	});
}

#[test]
fn a_payment_date_without_cash_settles_at_once_and_missed_dates_follow() {
	build_and_execute(|| {
		let id = issued_pool(&[(1, 100_000)]);
		System::reset_events();
		// Three dates have passed when the chain looks; none has cash.
		run_to(FIRST + 2 * MONTH);
		let settled: Vec<_> = events()
			.into_iter()
			.filter_map(|e| match e {
				Event::PaymentDateSettled { next_payment, senior_interest, .. } => {
					Some((next_payment, senior_interest))
				},
				_ => None,
			})
			.collect();
		assert_eq!(
			settled,
			vec![(FIRST + MONTH, 0), (FIRST + 2 * MONTH, 0), (FIRST + 3 * MONTH, 0)]
		);
		// Interest the cash cannot pay is not carried over.
		assert_eq!(pool(id).senior.principal, 80_000);
	});
}

#[test]
fn two_pools_due_together_are_paid_one_after_the_other() {
	build_and_execute(|| {
		let first = issued_pool(&[(1, 100_000)]);
		let second = issued_pool(&[(2, 100_000)]);
		buy(first, INV1, Tranche::Senior, 400);
		buy(first, INV2, Tranche::Junior, 100);
		buy(second, INV3, Tranche::Senior, 400);
		collect(rid(1), 10_000);
		collect(rid(2), 10_000);
		System::reset_events();
		run_to(FIRST);
		// Pool `first`'s three holders fill the block (INV2's junior units get nothing).
		let block = events();
		assert_eq!(payouts(&block), vec![(ORIGINATOR, 5_000, "paid"), (INV1, 5_000, "paid")]);
		assert!(is_settled(&block));
		// Pool `second` waits for the next block.
		assert_eq!(Distributions::<Test>::get(second), None);
		assert_eq!(pool(second).paid_out, 0);
		run_to(FIRST);
		let block = events();
		assert_eq!(payouts(&block), vec![(ORIGINATOR, 5_000, "paid"), (INV3, 5_000, "paid")]);
		assert!(is_settled(&block));
	});
}

/// A payout held and then sent back is owed to its holder, not shared again: the principal
/// it paid was reduced already. INV1 gets its 5_000 at the next date; the originator none of it.
#[test]
fn a_payout_returned_after_review_is_owed_to_its_holder_and_paid_at_the_next_date() {
	build_and_execute(|| {
		let id = issued_pool(&[(1, 100_000)]);
		buy(id, INV1, Tranche::Senior, 400);
		collect(rid(1), 10_000);
		let account = pool(id).account;
		Mode::set(Supervision::Hold);
		System::reset_events();
		run_to(FIRST);
		let block = events();
		assert_eq!(payouts(&block), vec![(ORIGINATOR, 5_000, "held"), (INV1, 5_000, "held")]);
		assert!(is_settled(&block));
		assert_eq!(pool(id).paid_out, 10_000);
		assert_eq!((cash(id), free(account)), (0, 0));
		assert_eq!(Reviews::<Test>::get(id), 2);
		let references: Vec<_> = Held::get().keys().copied().collect();
		assert_eq!(references.len(), 2);
		Securitisation::do_try_state().unwrap();
		// The originator's payout is released, the investor's rejected.
		Mode::set(Supervision::Execute);
		conclude(references[0], true);
		conclude(references[1], false);
		assert_eq!(free(ORIGINATOR) - 40_000, 5_000);
		assert_eq!(free(INV1), 0);
		let record = pool(id);
		assert_eq!((record.paid_out, record.returned, record.owed), (10_000, 5_000, 5_000));
		// The money is back in the account but not in the cash: it is INV1's.
		assert_eq!((cash(id), free(account)), (0, 5_000));
		assert_eq!(Owed::<Test>::get(id, INV1), 5_000);
		assert_eq!(Reviews::<Test>::get(id), 0);
		assert_eq!(Securitisation::pool_view(id).unwrap().holders[1].owed, 5_000);
		assert_eq!(
			events(),
			vec![
				Event::PayoutReleased {
					pool: id,
					holder: ORIGINATOR,
					amount: 5_000,
					reference: references[0]
				},
				Event::PayoutReturned {
					pool: id,
					holder: INV1,
					amount: 5_000,
					reference: references[1]
				},
			]
		);
		Securitisation::do_try_state().unwrap();
		// The next date has no cash, yet pays INV1 what it is owed, and the originator nothing.
		run_to(FIRST + MONTH);
		let block = events();
		assert_eq!(payouts(&block), vec![(INV1, 5_000, "paid")]);
		assert!(is_settled(&block));
		assert_eq!(free(INV1), 5_000);
		assert_eq!(free(ORIGINATOR) - 40_000, 5_000);
		assert_eq!((pool(id).owed, Owed::<Test>::get(id, INV1), free(account)), (0, 0, 0));
	});
}

/// A refused payout is owed to its holder; refused again, the debt grows by the new share;
/// once the ledger accepts, the holder gets all of it (on a date with no cash too).
#[test]
fn a_denied_payout_is_owed_to_its_holder_until_the_ledger_accepts_it() {
	build_and_execute(|| {
		let id = issued_pool(&[(1, 100_000)]);
		buy(id, INV1, Tranche::Senior, 400);
		collect(rid(1), 10_000);
		DeniedPayees::set(vec![INV1]);
		System::reset_events();
		run_to(FIRST);
		let block = events();
		assert_eq!(payouts(&block), vec![(ORIGINATOR, 5_000, "paid"), (INV1, 5_000, "failed")]);
		assert!(is_settled(&block));
		assert_eq!(pool(id).paid_out, 5_000);
		// The principal was reduced by the whole waterfall; INV1's share is its, not cash.
		assert_eq!(pool(id).senior.principal, 80_000 - 9_200);
		assert_eq!((cash(id), pool(id).owed, free(pool(id).account)), (0, 5_000, 5_000));
		assert_eq!(Owed::<Test>::get(id, INV1), 5_000);
		// Date 2: cash 2_000 = interest ⌊70_800 × 1%⌋ = 708 + principal 1_292; 1_000 each.
		// INV1 is refused again: it is owed 5_000 + 1_000.
		collect(rid(1), 2_000);
		run_to(FIRST + MONTH);
		assert_eq!(payouts(&events()), vec![(ORIGINATOR, 1_000, "paid"), (INV1, 6_000, "failed")]);
		assert_eq!((cash(id), pool(id).owed), (0, 6_000));
		assert_eq!(Owed::<Test>::get(id, INV1), 6_000);
		Securitisation::do_try_state().unwrap();
		// Date 3: no cash; the ledger accepts INV1 now.
		DeniedPayees::set(Vec::new());
		run_to(FIRST + 2 * MONTH);
		let block = events();
		assert_eq!(payouts(&block), vec![(INV1, 6_000, "paid")]);
		assert!(is_settled(&block));
		assert_eq!((free(INV1), free(ORIGINATOR) - 40_000), (6_000, 6_000));
		assert_eq!((pool(id).owed, free(pool(id).account)), (0, 0));
		assert!(!Owed::<Test>::contains_key(id, INV1));
	});
}

#[test]
fn a_payout_to_a_holder_whose_credential_lapsed_fails_and_the_rest_are_paid() {
	build_and_execute(|| {
		let id = issued_pool(&[(1, 100_000)]);
		buy(id, INV1, Tranche::Senior, 400);
		collect(rid(1), 10_000);
		Profiles::mutate(|p| p.remove(&INV1));
		System::reset_events();
		run_to(FIRST);
		let block = events();
		assert_eq!(payouts(&block), vec![(ORIGINATOR, 5_000, "paid"), (INV1, 5_000, "failed")]);
		assert_eq!((cash(id), Owed::<Test>::get(id, INV1)), (0, 5_000));
		// Renewed, it is paid at the next date.
		Profiles::mutate(|p| p.insert(INV1, profile(INV1, *b"CN")));
		run_to(FIRST + MONTH);
		assert_eq!(payouts(&events()), vec![(INV1, 5_000, "paid")]);
	});
}

/// Holders [ORIGINATOR, INV1 (purchase held), INV2, INV3, 20], three paid a block. The first
/// block pays ORIGINATOR, INV1 (nothing: its units wait) and INV2; then INV1's purchase is
/// returned and it leaves the holders. The cursor must move back with them, or INV3 (now where
/// the cursor was) would be skipped and its share go to the next date's waterfall.
#[test]
fn a_holder_leaving_during_a_payout_does_not_make_the_next_holder_miss_it() {
	build_and_execute(|| {
		let id = issued_pool(&[(1, 100_000)]);
		Mode::set(Supervision::Hold);
		buy(id, INV1, Tranche::Senior, 100);
		let held = sp_core::H256::from_low_u64_be(1);
		Mode::set(Supervision::Execute);
		for who in [INV2, INV3, 20] {
			buy(id, who, Tranche::Senior, 100);
		}
		assert_eq!(Holders::<Test>::get(id).into_inner(), vec![ORIGINATOR, INV1, INV2, INV3, 20]);
		// Cash 8_000: interest 800, principal 7_200; 1_000 per 100 senior units.
		collect(rid(1), 8_000);
		System::reset_events();
		run_to(FIRST);
		assert_eq!(payouts(&events()), vec![(ORIGINATOR, 4_000, "paid"), (INV2, 1_000, "paid")]);
		assert_eq!(Distributions::<Test>::get(id).unwrap().cursor, 3);
		conclude(held, false);
		assert_eq!(Holders::<Test>::get(id).into_inner(), vec![ORIGINATOR, INV2, INV3, 20]);
		assert_eq!(Distributions::<Test>::get(id).unwrap().cursor, 2);
		run_to(FIRST);
		let block = events();
		assert_eq!(payouts(&block), vec![(INV3, 1_000, "paid"), (20, 1_000, "paid")]);
		assert!(is_settled(&block));
		assert_eq!((free(INV2), free(INV3), free(20)), (1_000, 1_000, 1_000));
		// The held units' share (1_000) went back with them to the originator: owed to it, not
		// shared by the next date's waterfall.
		assert_eq!((cash(id), Owed::<Test>::get(id, ORIGINATOR)), (0, 1_000));
		run_to(FIRST + MONTH);
		assert_eq!(payouts(&events()), vec![(ORIGINATOR, 1_000, "paid")]);
		// Sales to INV2, INV3 and 20, the first date, and the waiting units' share.
		assert_eq!(free(ORIGINATOR), 30_000 + 4_000 + 1_000);
	});
}

/// The last holder, not paid yet, leaves (its held purchase returned) while the date is paid
/// out: the cursor is then at the end of the holders, and the next block settles the date.
#[test]
fn the_last_unpaid_holder_leaving_during_a_payout_lets_the_date_settle() {
	build_and_execute(|| {
		let id = issued_pool(&[(1, 100_000)]);
		buy(id, INV2, Tranche::Senior, 100);
		buy(id, INV3, Tranche::Senior, 100);
		Mode::set(Supervision::Hold);
		buy(id, INV1, Tranche::Senior, 100);
		let held = sp_core::H256::from_low_u64_be(3);
		Mode::set(Supervision::Execute);
		collect(rid(1), 8_000);
		System::reset_events();
		run_to(FIRST);
		assert_eq!(Distributions::<Test>::get(id).unwrap().cursor, 3);
		conclude(held, false);
		assert_eq!(Holders::<Test>::get(id).len(), 3);
		// The run had not reached INV1, and has passed the originator, who has the units back:
		// their share of this date (1_000) is owed to the originator now.
		assert_eq!(Owed::<Test>::get(id, ORIGINATOR), 1_000);
		assert!(events().contains(&Event::UnitsShareOwed {
			pool: id,
			to: ORIGINATOR,
			amount: 1_000,
			reference: held
		}));
		Securitisation::do_try_state().expect("a cursor at the end is allowed");
		run_to(FIRST);
		assert!(is_settled(&events()));
		assert!(Distributions::<Test>::get(id).is_none());
	});
}

/// Three due pools, each paid to its one holder in the same block: three `pay_holders` runs,
/// each with its own fixed part, which the block's weight must include.
#[test]
fn each_payment_date_started_in_a_block_is_charged_its_own_payout_run() {
	build_and_execute(|| {
		use frame_support::traits::Hooks;
		for n in 1..=3 {
			let id = issued_pool(&[(n, 100_000)]);
			collect(rid(n), 1_000);
			assert_eq!(Holders::<Test>::get(id).len(), 1);
		}
		Now::set(FIRST);
		System::reset_events();
		let weight = Securitisation::on_initialize(2);
		let settled = events()
			.iter()
			.filter(|e| matches!(e, Event::PaymentDateSettled { .. }))
			.count();
		assert_eq!(settled, 3);
		let three_runs = <() as crate::weights::WeightInfo>::pay_holders(1)
			.saturating_add(<() as crate::weights::WeightInfo>::start_distribution())
			.saturating_mul(3);
		assert!(weight.all_gte(three_runs), "{weight:?} < {three_runs:?}");
	});
}
