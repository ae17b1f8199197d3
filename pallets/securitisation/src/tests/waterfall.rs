//! The waterfall against a hand-computed table, and write-offs: the junior tranche first, then
//! the senior.

use super::common::*;
use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use fxchain_primitives::forex::Amount;

/// Run blocks at `at` until the pool's payment date is settled (the mock pays three holders a
/// block); returns the pallet's events meanwhile.
fn pay_date(id: PoolId, at: u64) -> Vec<Event<Test>> {
	System::reset_events();
	run_to(at);
	while Distributions::<Test>::contains_key(id) {
		run_to(at);
	}
	events()
}

/// What each holder received in `events`, in order (holders paid nothing have no event).
fn paid(events: &[Event<Test>]) -> Vec<(AccountId, Amount)> {
	events
		.iter()
		.filter_map(|e| match e {
			Event::PaidOut { holder, amount, .. } => Some((*holder, *amount)),
			_ => None,
		})
		.collect()
}

fn settled(events: &[Event<Test>]) -> (Amount, Amount, Amount, Amount) {
	events
		.iter()
		.find_map(|e| match e {
			Event::PaymentDateSettled {
				senior_interest,
				senior_principal,
				junior_principal,
				junior_residual,
				..
			} => Some((*senior_interest, *senior_principal, *junior_principal, *junior_residual)),
			_ => None,
		})
		.expect("the payment date settled")
}

/// The standard pool: senior 800 units × 100 at 1% (100 bps) a period, junior 200 units × 100.
/// Receivables A 50_000, B 30_000, C 20_000 (pooled 100_000 = the units' face). Holders, in
/// payment order: ORIGINATOR (0 senior, 50 junior), INV1 (333 senior), INV2 (467 senior),
/// INV3 (150 junior). Per holder: ⌊tranche amount × units / tranche units⌋.
///
/// | date | collected        | cash   | sen. interest      | sen. principal | jun. principal | residual | principals after (S / J) |
/// |------|------------------|--------|--------------------|----------------|----------------|----------|--------------------------|
/// | 1    | A 10_000         | 10_000 | ⌊80_000×1%⌋ = 800  | 9_200          | 0              | 0        | 70_800 / 20_000          |
/// | 2    | C 5_000, B 10_000| 15_001 | ⌊70_800×1%⌋ = 708  | 14_293         | 0              | 0        | 56_507 / 20_000          |
/// | —    | C defaults: write-off of its outstanding 15_000, all on the junior | |    |          | 56_507 / 5_000           |
/// | 3    | A 40_000, B 20_000| 60_001| ⌊56_507×1%⌋ = 565  | 56_507         | 2_929          | 0        | 0 / 2_071                |
/// | 4    | C 3_000 (recovery)| 3_002 | 0                  | 0              | 2_071          | 931      | 0 / 0                    |
///
/// Payouts (senior amount = interest + principal; junior = principal + residual):
///
/// | date | ORIGINATOR (50 J)        | INV1 (333 S)              | INV2 (467 S)              | INV3 (150 J)              | dust |
/// |------|--------------------------|---------------------------|---------------------------|---------------------------|------|
/// | 1    | 0                        | ⌊10_000×333/800⌋ = 4_162  | ⌊10_000×467/800⌋ = 5_837  | 0                         | 1    |
/// | 2    | 0                        | ⌊15_001×333/800⌋ = 6_244  | ⌊15_001×467/800⌋ = 8_756  | 0                         | 1    |
/// | 3    | ⌊2_929×50/200⌋ = 732     | ⌊57_072×333/800⌋ = 23_756 | ⌊57_072×467/800⌋ = 33_315 | ⌊2_929×150/200⌋ = 2_196   | 2    |
/// | 4    | ⌊3_002×50/200⌋ = 750     | 0                         | 0                         | ⌊3_002×150/200⌋ = 2_251   | 1    |
///
/// (Each date's cash includes the dust left by the one before it.)
#[test]
fn collections_pay_out_by_the_waterfall_of_the_hand_computed_table() {
	build_and_execute(|| {
		let id = issued_pool(&[(1, 50_000), (2, 30_000), (3, 20_000)]);
		let (a, b, c) = (rid(1), rid(2), rid(3));
		buy(id, INV1, Tranche::Senior, 333);
		buy(id, INV2, Tranche::Senior, 467);
		buy(id, INV3, Tranche::Junior, 150);
		assert_eq!(free(ORIGINATOR), 33_300 + 46_700 + 15_000);
		let account = pool(id).account;

		// Date 1.
		collect(a, 10_000);
		// Nothing happens before the date.
		run_to(FIRST - 1);
		assert_eq!(pool(id).paid_out, 0);
		let seen = pay_date(id, FIRST);
		assert_eq!(settled(&seen), (800, 9_200, 0, 0));
		assert_eq!(paid(&seen), vec![(INV1, 4_162), (INV2, 5_837)]);
		assert_eq!((pool(id).senior.principal, pool(id).junior.principal), (70_800, 20_000));
		assert_eq!(cash(id), 1);
		assert_eq!(free(account), 1);
		assert_eq!(pool(id).next_payment, FIRST + MONTH);

		// Date 2.
		collect(c, 5_000);
		collect(b, 10_000);
		let seen = pay_date(id, FIRST + MONTH);
		assert_eq!(settled(&seen), (708, 14_293, 0, 0));
		assert_eq!(paid(&seen), vec![(INV1, 6_244), (INV2, 8_756)]);
		assert_eq!((pool(id).senior.principal, pool(id).junior.principal), (56_507, 20_000));
		assert_eq!(cash(id), 1);

		// C defaults with 15_000 outstanding: the junior tranche takes the loss.
		set_defaulted(c);
		System::reset_events();
		assert_ok!(Securitisation::write_off(RuntimeOrigin::signed(ORIGINATOR), id, c));
		assert_eq!(
			events(),
			vec![Event::ReceivableWrittenOff {
				pool: id,
				receivable: c,
				loss: 15_000,
				junior_principal: 5_000,
				senior_principal: 56_507,
			}]
		);

		// Date 3.
		collect(a, 40_000);
		collect(b, 20_000);
		let seen = pay_date(id, FIRST + 2 * MONTH);
		assert_eq!(settled(&seen), (565, 56_507, 2_929, 0));
		assert_eq!(
			paid(&seen),
			vec![(ORIGINATOR, 732), (INV1, 23_756), (INV2, 33_315), (INV3, 2_196)]
		);
		assert_eq!((pool(id).senior.principal, pool(id).junior.principal), (0, 2_071));
		assert_eq!(cash(id), 2);

		// Date 4: a recovery on the written-off receivable; the junior takes the rest.
		collect(c, 3_000);
		let seen = pay_date(id, FIRST + 3 * MONTH);
		assert_eq!(settled(&seen), (0, 0, 2_071, 931));
		assert_eq!(paid(&seen), vec![(ORIGINATOR, 750), (INV3, 2_251)]);
		assert_eq!((pool(id).senior.principal, pool(id).junior.principal), (0, 0));
		assert_eq!(cash(id), 1);

		// The books: everything collected is paid out but the dust.
		let record = pool(id);
		assert_eq!((record.collected, record.paid_out, record.losses), (88_000, 87_999, 15_000));
		let pooled: Vec<_> =
			record.receivables.iter().map(|p| (p.collected, p.written_off)).collect();
		assert_eq!(pooled, vec![(50_000, 0), (30_000, 0), (8_000, 15_000)]);
		assert_eq!(free(INV1), 4_162 + 6_244 + 23_756);
		assert_eq!(free(INV2), 5_837 + 8_756 + 33_315);
		assert_eq!(free(INV3), 2_196 + 2_251);
		assert_eq!(free(ORIGINATOR), 95_000 + 732 + 750);
		assert_eq!(free(account), 1);
	});
}

#[test]
fn a_loss_above_the_junior_principal_spills_onto_the_senior() {
	build_and_execute(|| {
		let id = issued_pool(&[(1, 70_000), (2, 30_000)]);
		collect(rid(2), 4_000);
		set_defaulted(rid(2));
		System::reset_events();
		assert_ok!(Securitisation::write_off(RuntimeOrigin::signed(ORIGINATOR), id, rid(2)));
		// Loss 26_000: junior 20_000 → 0, senior 80_000 − 6_000 = 74_000.
		assert_eq!(
			events(),
			vec![Event::ReceivableWrittenOff {
				pool: id,
				receivable: rid(2),
				loss: 26_000,
				junior_principal: 0,
				senior_principal: 74_000,
			}]
		);
		assert_eq!(pool(id).losses, 26_000);
		// The next date pays senior interest on the reduced principal: ⌊74_000 × 1%⌋ = 740.
		collect(rid(1), 1_000);
		System::reset_events();
		run_to(FIRST);
		let settled = events().into_iter().find_map(|e| match e {
			Event::PaymentDateSettled { senior_interest, senior_principal, .. } => {
				Some((senior_interest, senior_principal))
			},
			_ => None,
		});
		// Cash 5_000 = 4_000 before the default + 1_000.
		assert_eq!(settled, Some((740, 4_260)));
		assert_eq!(pool(id).senior.principal, 74_000 - 4_260);
	});
}

#[test]
fn only_the_originator_writes_off_a_defaulted_pooled_receivable_once() {
	build_and_execute(|| {
		let open = pool_with(&[(5, 100_000)]);
		let id = issued_pool(&[(1, 60_000), (2, 40_000)]);
		register_in(rid(3), ORIGINATOR, CNY, 1_000);
		set_defaulted(rid(3));
		let write_off =
			|who, pool, n| Securitisation::write_off(RuntimeOrigin::signed(who), pool, rid(n));
		set_defaulted(rid(5));
		assert_noop!(write_off(ORIGINATOR, open, 5), Error::<Test>::WrongStatus);
		assert_noop!(write_off(ORIGINATOR, id, 1), Error::<Test>::NotDefaulted);
		assert_noop!(write_off(ORIGINATOR, id, 3), Error::<Test>::NotPooled);
		assert_noop!(write_off(ORIGINATOR, id, 9), Error::<Test>::ReceivableNotFound);
		set_defaulted(rid(2));
		assert_noop!(write_off(INV1, id, 2), Error::<Test>::NotOriginator);
		assert_ok!(write_off(ORIGINATOR, id, 2));
		assert_noop!(write_off(ORIGINATOR, id, 2), Error::<Test>::AlreadyWrittenOff);
		assert_eq!(pool(id).junior.principal, 0);
		assert_eq!(pool(id).senior.principal, 60_000);
	});
}
