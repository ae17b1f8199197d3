//! Closing a pool once it has paid everything.

use super::common::*;
use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use fxchain_primitives::receivables::CollectionObserver;

/// Receivables A 100_000 and B 1_000; ORIGINATOR keeps 400 senior and all 200 junior units,
/// INV1 buys 400 senior. Date 1: A pays 100_000: interest 800, senior principal 80_000 (40_400
/// to each senior holder), junior principal 19_200 (800 left). Date 2: B pays 808: junior
/// principal 800 and residual 8. Date 3: B's last 192 is junior residual. The junior units are
/// all the originator's: no rounding dust.
#[test]
fn a_repaid_pool_closes_and_is_never_paid_again() {
	build_and_execute(|| {
		let id = issued_pool(&[(1, 100_000), (2, 1_000)]);
		let account = pool(id).account;
		buy(id, INV1, Tranche::Senior, 400);
		let close = |who| Securitisation::close(RuntimeOrigin::signed(who), id);
		assert_noop!(close(ORIGINATOR), Error::<Test>::PrincipalOutstanding);
		collect(rid(1), 100_000);
		run_to(FIRST);
		assert_eq!((free(INV1), free(ORIGINATOR)), (40_400, 40_000 + 40_400 + 19_200));
		collect(rid(2), 808);
		run_to(FIRST + MONTH);
		assert_eq!((pool(id).senior.principal, pool(id).junior.principal), (0, 0));
		assert_eq!(cash(id), 0);
		// B still owes 192: what it pays would reach a closed pool.
		assert_noop!(close(ORIGINATOR), Error::<Test>::ReceivablesOutstanding);
		collect(rid(2), 192);
		assert_noop!(close(ORIGINATOR), Error::<Test>::MoneyRemaining);
		// Date 3's payout is held: the pool waits for the decision.
		Mode::set(Supervision::Hold);
		run_to(FIRST + 2 * MONTH);
		let reference = *Held::get().keys().next().unwrap();
		assert_noop!(close(ORIGINATOR), Error::<Test>::TransfersInReview);
		assert_noop!(close(INV1), Error::<Test>::NotOriginator);
		Mode::set(Supervision::Execute);
		conclude(reference, true);
		assert_eq!(free(ORIGINATOR), 40_000 + 40_400 + 19_200 + 808 + 192);
		System::reset_events();
		assert_ok!(close(ORIGINATOR));
		assert_eq!(events(), vec![Event::PoolClosed { pool: id, dust: 0 }]);
		assert_eq!(pool(id).status, PoolStatus::Closed);
		assert_eq!(Agenda::<Test>::iter_keys().count(), 0);
		// Never paid again, whatever reaches the account; nothing more is bought or closed.
		<Securitisation as CollectionObserver<AccountId>>::collected(&rid(1), &account, CNY, 5);
		for month in 3..6 {
			run_to(FIRST + month * MONTH);
		}
		assert!(events().is_empty());
		assert_eq!(pool(id).collected, 100_000 + 1_000);
		assert!(Distributions::<Test>::get(id).is_none());
		fund(INV2, 100);
		assert_noop!(
			Securitisation::buy(RuntimeOrigin::signed(INV2), id, Tranche::Senior, 1),
			Error::<Test>::WrongStatus
		);
		assert_noop!(close(ORIGINATOR), Error::<Test>::WrongStatus);
	});
}

#[test]
fn a_pool_closes_only_once_issued_and_with_nothing_owed() {
	build_and_execute(|| {
		let open = pool_with(&[(1, 100_000)]);
		assert_noop!(
			Securitisation::close(RuntimeOrigin::signed(ORIGINATOR), open),
			Error::<Test>::WrongStatus
		);
		assert_noop!(
			Securitisation::close(RuntimeOrigin::signed(ORIGINATOR), 9),
			Error::<Test>::PoolNotFound
		);
		// Fully repaid on the first date, but INV1's payout refused: it is owed, so the pool
		// stays open until the next date pays it.
		let id = issued_pool(&[(2, 100_000), (3, 800)]);
		buy(id, INV1, Tranche::Senior, 400);
		collect(rid(2), 100_000);
		collect(rid(3), 800);
		DeniedPayees::set(vec![INV1]);
		run_to(FIRST);
		assert_eq!((pool(id).senior.principal, pool(id).junior.principal), (0, 0));
		assert_eq!((cash(id), Owed::<Test>::get(id, INV1)), (0, 40_400));
		assert_noop!(
			Securitisation::close(RuntimeOrigin::signed(ORIGINATOR), id),
			Error::<Test>::MoneyRemaining
		);
		DeniedPayees::set(Vec::new());
		run_to(FIRST + MONTH);
		assert_eq!(free(INV1), 40_400);
		assert_ok!(Securitisation::close(RuntimeOrigin::signed(ORIGINATOR), id));
	});
}

/// A written-off receivable does not keep a pool open, even with something outstanding.
#[test]
fn a_written_off_receivable_does_not_keep_the_pool_open() {
	build_and_execute(|| {
		let id = issued_pool(&[(1, 100_000), (2, 20_000)]);
		collect(rid(1), 100_000);
		collect(rid(2), 800);
		set_defaulted(rid(2));
		assert_ok!(Securitisation::write_off(RuntimeOrigin::signed(ORIGINATOR), id, rid(2)));
		run_to(FIRST);
		assert_eq!((pool(id).senior.principal, pool(id).junior.principal), (0, 0));
		assert_eq!(cash(id), 0);
		assert_ok!(Securitisation::close(RuntimeOrigin::signed(ORIGINATOR), id));
	});
}

/// Receivables A 100_000 and B 1_001; ORIGINATOR keeps all 800 senior and 199 junior units,
/// INV1 buys 1 junior unit. Date 1: A pays 100_000: interest 800, senior principal 80_000,
/// junior principal 19_200 (ORIGINATOR ⌊19_200 × 199 / 200⌋ = 19_104, INV1 96). Date 2: B pays
/// 1_001: junior principal 800 and residual 201, 1_001 for the junior tranche: ORIGINATOR
/// ⌊1_001 × 199 / 200⌋ = 995, INV1 ⌊5.005⌋ = 5, and 1 of rounding dust, which no later date can
/// share (less than one minor unit per holder): closing pays it to the originator.
#[test]
fn closing_pays_the_rounding_dust_to_the_originator() {
	build_and_execute(|| {
		let id = issued_pool(&[(1, 100_000), (2, 1_001)]);
		buy(id, INV1, Tranche::Junior, 1);
		collect(rid(1), 100_000);
		run_to(FIRST);
		collect(rid(2), 1_001);
		run_to(FIRST + MONTH);
		assert_eq!(free(INV1), 96 + 5);
		assert_eq!(cash(id), 1);
		let before = free(ORIGINATOR);
		System::reset_events();
		assert_ok!(Securitisation::close(RuntimeOrigin::signed(ORIGINATOR), id));
		assert_eq!(events(), vec![Event::PoolClosed { pool: id, dust: 1 }]);
		assert_eq!(free(ORIGINATOR), before + 1);
		assert_eq!((cash(id), free(pool(id).account)), (0, 0));
	});
}

#[test]
fn a_pool_whose_dust_transfer_would_be_held_stays_open() {
	build_and_execute(|| {
		let id = issued_pool(&[(1, 100_000), (2, 1_001)]);
		buy(id, INV1, Tranche::Junior, 1);
		collect(rid(1), 100_000);
		run_to(FIRST);
		collect(rid(2), 1_001);
		run_to(FIRST + MONTH);
		Mode::set(Supervision::Hold);
		// The mock ledger keeps its books outside storage, so they do not roll back with the
		// failed call as the forex pallet's do: put them back by hand.
		let (books, held) = (Free::get(), Held::get());
		assert_noop!(
			Securitisation::close(RuntimeOrigin::signed(ORIGINATOR), id),
			Error::<Test>::TransfersInReview
		);
		assert_eq!(Held::get().len(), held.len() + 1, "the transfer was held, then undone");
		Free::set(books);
		Held::set(held);
		assert_eq!(pool(id).status, PoolStatus::Issued);
	});
}
