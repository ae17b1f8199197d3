//! Random interleavings of every call and of supervision's holds and decisions: after each step
//! the pallet's invariants hold, and no money is created or lost.

use super::common::*;
use crate::{mock::*, *};
use fxchain_primitives::{
	forex::Amount,
	receivables::{ReceivableId, ReceivableRegistry},
};

/// A small deterministic generator (xorshift), so a failure replays.
struct Rng(u64);
impl Rng {
	fn next(&mut self) -> u64 {
		self.0 ^= self.0 << 13;
		self.0 ^= self.0 >> 7;
		self.0 ^= self.0 << 17;
		self.0
	}
	fn below(&mut self, n: u64) -> u64 {
		self.next() % n
	}
	fn pick<T: Copy>(&mut self, of: &[T]) -> T {
		of[usize::try_from(self.below(of.len() as u64)).unwrap()]
	}
}

/// Every unit of money: free balances plus transfers held by supervision.
fn money() -> Amount {
	Free::get().values().sum::<Amount>() + Held::get().values().map(|h| h.amount).sum::<Amount>()
}

const DOCS: u64 = 5;

#[test]
fn random_interleavings_keep_the_invariants_and_the_money() {
	for seed in 1..=12u64 {
		new_test_ext().execute_with(|| {
			let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
			fund_all();
			for who in [BUYER_B, BUYER_C] {
				fund(who, CNY, FUNDS);
			}
			for n in 0..DOCS {
				register_face(n, Amount::from(10_000 + 1_000 * n));
			}
			let total = money();
			let accounts = [BANK_A, BANK_B, EXPORTER, IMPORTER, BUYER_B, BUYER_C];
			let mut executed = 0u32;
			for step in 0..400 {
				Mode::set(if rng.below(4) == 0 { Supervision::Hold } else { Supervision::Execute });
				let who = rng.pick(&accounts);
				let n = rng.below(DOCS);
				let amount = Amount::from(rng.below(6_000) + 1);
				let next = NextFinancingId::<Test>::get().max(1);
				let financing = rng.below(next);
				let receivable = ReceivableId::Document(doc(n));
				let result = match rng.below(9) {
					0 | 1 => {
						let count = rng.below(3) + 1;
						let share = amount / Amount::from(count) + 1;
						let of: Vec<(u64, Amount)> =
							(0..count).map(|i| ((n + i) % DOCS, share)).collect();
						Receivables::finance(RuntimeOrigin::signed(who), lines(&of))
					},
					2 => Receivables::repay(RuntimeOrigin::signed(who), financing, amount),
					3 => Receivables::release(RuntimeOrigin::signed(who), financing),
					4 => Receivables::pay_document(RuntimeOrigin::signed(who), doc(n), amount),
					5 => Receivables::offer_assignment(
						RuntimeOrigin::signed(who),
						receivable,
						rng.pick(&accounts),
					),
					6 => Receivables::register_assignment(RuntimeOrigin::signed(who), receivable),
					7 => <Receivables as ReceivableRegistry<u64>>::assign(
						&receivable,
						&who,
						&rng.pick(&accounts),
					),
					_ => {
						let held: Vec<_> = Held::get().keys().copied().collect();
						if !held.is_empty() {
							conclude(rng.pick(&held), rng.below(2) == 0);
						}
						Ok(())
					},
				};
				if result.is_ok() {
					executed += 1;
				}
				Receivables::do_try_state()
					.unwrap_or_else(|e| panic!("seed {seed} step {step}: {e:?} after {result:?}"));
				assert_eq!(money(), total, "seed {seed} step {step}: money changed");
				for m in 0..DOCS {
					let d = document(m);
					assert!(d.financed <= d.face_value && d.collected <= d.face_value);
				}
			}
			// Drain the holds: every decision keeps the invariants too.
			for reference in Held::get().keys().copied().collect::<Vec<_>>() {
				conclude(reference, true);
				Receivables::do_try_state().unwrap();
			}
			assert_eq!(money(), total);
			assert!(executed > 60, "seed {seed}: only {executed} calls succeeded");
		});
	}
}
