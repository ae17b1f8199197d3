//! Investors buying units: executed, held for review (released or returned) and denied.

use super::common::*;
use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use fxchain_primitives::forex::Purpose;

#[test]
fn an_investor_pays_the_face_to_the_originator_and_receives_the_units() {
	build_and_execute(|| {
		let id = issued_pool(&[(1, 100_000)]);
		fund(INV1, 30_000);
		System::reset_events();
		assert_ok!(Securitisation::buy(RuntimeOrigin::signed(INV1), id, Tranche::Senior, 300));
		assert_eq!((free(INV1), free(ORIGINATOR)), (0, 30_000));
		assert_eq!(units(id, Tranche::Senior, INV1), 300);
		assert_eq!(units(id, Tranche::Senior, ORIGINATOR), 500);
		assert_eq!(Holders::<Test>::get(id).into_inner(), vec![ORIGINATOR, INV1]);
		assert_eq!(Transfers::get(), vec![(INV1, ORIGINATOR, 30_000, Purpose::Domestic)]);
		let reference = sp_core::H256::from_low_u64_be(1);
		assert_eq!(
			events(),
			vec![Event::UnitsBought {
				pool: id,
				tranche: Tranche::Senior,
				investor: INV1,
				units: 300,
				price: 30_000,
				reference
			}]
		);
		// Buying again adds units, not a second holder entry.
		buy(id, INV1, Tranche::Junior, 10);
		assert_eq!(Holders::<Test>::get(id).len(), 2);
		assert_eq!(units(id, Tranche::Junior, INV1), 10);
	});
}

#[test]
fn a_purchase_from_abroad_is_a_financial_account_flow() {
	build_and_execute(|| {
		let id = issued_pool(&[(1, 100_000)]);
		buy(id, FOREIGN, Tranche::Junior, 50);
		assert_eq!(Transfers::get(), vec![(FOREIGN, ORIGINATOR, 5_000, Purpose::FinancialAccount)]);
	});
}

#[test]
fn purchases_need_a_verified_investor_other_than_the_originator_and_unsold_units() {
	build_and_execute(|| {
		let open = create();
		let id = issued_pool(&[(1, 100_000)]);
		fund(INV1, 1_000_000);
		fund(STRANGER, 1_000_000);
		let buy_as = |who, pool, tranche, units| {
			Securitisation::buy(RuntimeOrigin::signed(who), pool, tranche, units)
		};
		assert_noop!(buy_as(STRANGER, id, Tranche::Senior, 1), Error::<Test>::NotVerified);
		assert_noop!(
			buy_as(ORIGINATOR, id, Tranche::Senior, 1),
			Error::<Test>::OriginatorCannotBuy
		);
		assert_noop!(buy_as(INV1, open, Tranche::Senior, 1), Error::<Test>::WrongStatus);
		assert_noop!(buy_as(INV1, id, Tranche::Senior, 0), Error::<Test>::NoUnits);
		assert_noop!(buy_as(INV1, id, Tranche::Senior, 801), Error::<Test>::NotEnoughUnits);
		assert_noop!(buy_as(INV1, id, Tranche::Junior, 201), Error::<Test>::NotEnoughUnits);
		assert_noop!(buy_as(INV1, 9, Tranche::Junior, 1), Error::<Test>::PoolNotFound);
		// Not enough money: the ledger refuses and nothing moves.
		assert_noop!(
			buy_as(INV2, id, Tranche::Senior, 1),
			sp_runtime::DispatchError::Other("insufficient balance")
		);
		assert_ok!(buy_as(INV1, id, Tranche::Senior, 800));
		assert_noop!(buy_as(INV1, id, Tranche::Senior, 1), Error::<Test>::NotEnoughUnits);
	});
}

#[test]
fn a_pool_takes_at_most_max_investors_holders() {
	build_and_execute(|| {
		let id = issued_pool(&[(1, 100_000)]);
		// The originator and seven investors fill the mock's eight places.
		for who in 20..27 {
			buy(id, who, Tranche::Senior, 1);
		}
		fund(27, 100);
		assert_noop!(
			Securitisation::buy(RuntimeOrigin::signed(27), id, Tranche::Senior, 1),
			Error::<Test>::TooManyInvestors
		);
		// A holder may still buy more.
		buy(id, 20, Tranche::Senior, 1);
		assert_eq!(units(id, Tranche::Senior, 20), 2);
	});
}

#[test]
fn a_denied_purchase_changes_nothing() {
	build_and_execute(|| {
		let id = issued_pool(&[(1, 100_000)]);
		fund(INV1, 30_000);
		Mode::set(Supervision::Deny);
		assert_noop!(
			Securitisation::buy(RuntimeOrigin::signed(INV1), id, Tranche::Senior, 300),
			sp_runtime::DispatchError::Other("denied")
		);
		assert_eq!(units(id, Tranche::Senior, ORIGINATOR), 800);
		assert_eq!(Holders::<Test>::get(id).len(), 1);
	});
}

#[test]
fn a_held_purchase_waits_in_the_pool_account_and_a_release_delivers_the_units() {
	build_and_execute(|| {
		let id = issued_pool(&[(1, 100_000)]);
		let account = pool(id).account;
		fund(INV1, 30_000);
		Mode::set(Supervision::Hold);
		System::reset_events();
		assert_ok!(Securitisation::buy(RuntimeOrigin::signed(INV1), id, Tranche::Senior, 300));
		let reference = sp_core::H256::from_low_u64_be(1);
		assert_eq!(
			events(),
			vec![Event::PurchaseHeld {
				pool: id,
				tranche: Tranche::Senior,
				investor: INV1,
				units: 300,
				reference
			}]
		);
		// Nothing is the investor's yet; the units wait.
		assert_eq!(units(id, Tranche::Senior, INV1), 0);
		assert_eq!(units(id, Tranche::Senior, account), 300);
		assert_eq!(units(id, Tranche::Senior, ORIGINATOR), 500);
		assert_eq!(free(ORIGINATOR), 0);
		assert_eq!(Holders::<Test>::get(id).into_inner(), vec![ORIGINATOR, INV1]);
		// One purchase in review at a time per investor and pool.
		assert_noop!(
			Securitisation::buy(RuntimeOrigin::signed(INV1), id, Tranche::Junior, 1),
			Error::<Test>::PurchaseInReview
		);
		Securitisation::do_try_state().unwrap();
		Mode::set(Supervision::Execute);
		conclude(reference, true);
		assert_eq!(units(id, Tranche::Senior, INV1), 300);
		assert_eq!(units(id, Tranche::Senior, account), 0);
		assert_eq!(free(ORIGINATOR), 30_000);
		assert!(InReview::<Test>::get(reference).is_none());
		assert!(PurchaseInReview::<Test>::get(id, INV1).is_none());
		assert_eq!(
			events(),
			vec![Event::UnitsBought {
				pool: id,
				tranche: Tranche::Senior,
				investor: INV1,
				units: 300,
				price: 30_000,
				reference
			}]
		);
	});
}

#[test]
fn a_returned_purchase_gives_the_units_back_and_the_investor_leaves() {
	build_and_execute(|| {
		let id = issued_pool(&[(1, 100_000)]);
		fund(INV1, 30_000);
		Mode::set(Supervision::Hold);
		assert_ok!(Securitisation::buy(RuntimeOrigin::signed(INV1), id, Tranche::Senior, 300));
		let reference = sp_core::H256::from_low_u64_be(1);
		System::reset_events();
		conclude(reference, false);
		assert_eq!(free(INV1), 30_000);
		assert_eq!(free(ORIGINATOR), 0);
		assert_eq!(units(id, Tranche::Senior, ORIGINATOR), 800);
		assert_eq!(units(id, Tranche::Senior, INV1), 0);
		assert_eq!(Holders::<Test>::get(id).into_inner(), vec![ORIGINATOR]);
		assert_eq!(events(), vec![Event::PurchaseReturned { pool: id, investor: INV1, reference }]);
	});
}

#[test]
fn a_returned_purchase_keeps_a_holder_that_holds_other_units() {
	build_and_execute(|| {
		let id = issued_pool(&[(1, 100_000)]);
		buy(id, INV1, Tranche::Junior, 10);
		fund(INV1, 30_000);
		Mode::set(Supervision::Hold);
		assert_ok!(Securitisation::buy(RuntimeOrigin::signed(INV1), id, Tranche::Senior, 300));
		conclude(sp_core::H256::from_low_u64_be(2), false);
		assert_eq!(Holders::<Test>::get(id).into_inner(), vec![ORIGINATOR, INV1]);
		assert_eq!(units(id, Tranche::Junior, INV1), 10);
	});
}

/// Units waiting for a held purchase earn their share of a payment date; the release makes it
/// the investor's, paid at the next date. Holders [ORIGINATOR (700 senior, 200 junior), INV1
/// (100 senior waiting)]; cash 8_000 = interest 800 + senior principal 7_200: the originator
/// gets ⌊8_000 × 700 / 800⌋ = 7_000, the waiting units 1_000.
#[test]
fn a_released_purchase_gets_what_its_waiting_units_earned() {
	build_and_execute(|| {
		let id = issued_pool(&[(1, 100_000)]);
		fund(INV1, 10_000);
		Mode::set(Supervision::Hold);
		assert_ok!(Securitisation::buy(RuntimeOrigin::signed(INV1), id, Tranche::Senior, 100));
		let reference = sp_core::H256::from_low_u64_be(1);
		Mode::set(Supervision::Execute);
		collect(rid(1), 8_000);
		run_to(FIRST);
		assert!(Distributions::<Test>::get(id).is_none());
		assert_eq!(free(ORIGINATOR), 7_000);
		assert!(matches!(
			InReview::<Test>::get(reference),
			Some(Pending::Purchase { accrued: 1_000, .. })
		));
		// Not cash: the waiting units' share is kept for whoever gets them.
		assert_eq!((cash(id), pool(id).owed), (0, 1_000));
		System::reset_events();
		conclude(reference, true);
		assert_eq!(Owed::<Test>::get(id, INV1), 1_000);
		assert_eq!(
			events()[0],
			Event::UnitsShareOwed { pool: id, to: INV1, amount: 1_000, reference }
		);
		run_to(FIRST + MONTH);
		assert_eq!(free(INV1), 1_000);
		assert_eq!(free(ORIGINATOR), 7_000 + 10_000);
		assert_eq!(pool(id).owed, 0);
	});
}

/// A purchase released while a date is paid out, before the run reaches the investor: the
/// investor's own turn pays the units' share, once (nothing accrues besides).
#[test]
fn units_released_before_the_run_reaches_the_investor_are_paid_at_its_turn_once() {
	build_and_execute(|| {
		let id = issued_pool(&[(1, 100_000)]);
		buy(id, INV2, Tranche::Senior, 100);
		buy(id, INV3, Tranche::Senior, 100);
		Mode::set(Supervision::Hold);
		buy(id, INV1, Tranche::Senior, 100);
		let held = sp_core::H256::from_low_u64_be(3);
		Mode::set(Supervision::Execute);
		// Cash 8_000: 1_000 per 100 senior units. Three holders a block: INV1 waits.
		collect(rid(1), 8_000);
		run_to(FIRST);
		assert_eq!(Distributions::<Test>::get(id).unwrap().cursor, 3);
		conclude(held, true);
		assert_eq!((pool(id).owed, Owed::<Test>::get(id, INV1)), (0, 0));
		run_to(FIRST);
		assert!(Distributions::<Test>::get(id).is_none());
		assert_eq!(free(INV1), 1_000);
		assert_eq!(cash(id), 0);
	});
}
