//! Properties over random sequences of movements and decisions: the invariants hold after
//! every step, and an individual's FX never takes quota usage beyond the quota.

use super::*;
use proptest::prelude::*;

const ACCOUNTS: [u64; 9] = [
	ALICE,
	ALICE_2,
	BOB,
	NON_RESIDENT,
	ENTERPRISE_A,
	ENTERPRISE_C,
	FOREIGN_ENTERPRISE,
	BANK,
	STRANGER,
];
const CURRENCIES: [CurrencyId; 4] = [CNY, USD, HKD, EUR];
const INDIVIDUALS: [u64; 3] = [ALICE, BOB, NON_RESIDENT];

#[derive(Clone, Debug)]
enum Op {
	/// Propose a movement and act on the answer as the forex pallet does.
	Move { kind: u8, from: usize, to: usize, currency: usize, amount: Amount, counter: u8 },
	/// Release the oldest held movement.
	Release,
	/// Return the oldest held movement (rejected, or expired).
	Return,
	/// Let time pass.
	Advance(Moment),
	/// A supervisor reviews a report.
	Review { id: u64, escalate: bool },
	/// Spare block weight prunes old reports.
	Idle,
	/// The rate setter refreshes the HKD rate.
	RefreshRate,
	/// Governance switches structuring holds on or off.
	StructuringHold(bool),
}

fn op() -> impl Strategy<Value = Op> {
	let amount = prop_oneof![1..usd(100), 1..usd(60_000), 1..usd(600_000)];
	prop_oneof![
		6 => (0..4u8, 0..ACCOUNTS.len(), 0..ACCOUNTS.len(), 0..CURRENCIES.len(), amount, 0..3u8)
			.prop_map(|(kind, from, to, currency, amount, counter)| Op::Move {
				kind,
				from,
				to,
				currency,
				amount,
				counter
			}),
		1 => Just(Op::Release),
		1 => Just(Op::Return),
		2 => (0..2 * DAY).prop_map(Op::Advance),
		1 => (0..20u64, any::<bool>()).prop_map(|(id, escalate)| Op::Review { id, escalate }),
		1 => Just(Op::Idle),
		1 => Just(Op::RefreshRate),
		1 => any::<bool>().prop_map(Op::StructuringHold),
	]
}

fn build(
	kind: u8,
	from: u64,
	to: u64,
	currency: CurrencyId,
	amount: Amount,
	counter: u8,
) -> Movement<u64> {
	match kind {
		0 => deposit(to, currency, amount),
		1 => withdrawal(from, currency, amount),
		2 => payment(from, to, currency, amount),
		_ => {
			let mut m = movement(MovementKind::Conversion, Some(from), Some(to), currency, amount);
			m.counter_currency = [Some(CNY), Some(HKD), None][usize::from(counter)];
			m
		},
	}
}

fn quota_respected() {
	let rules = Rules::<Test>::get();
	for who in INDIVIDUALS {
		let usage = QuotaUsage::<Test>::get(person(who));
		assert!(usage.purchase <= rules.purchase_quota, "{who}'s purchases: {usage:?}");
		assert!(usage.settlement <= rules.settlement_quota, "{who}'s settlements: {usage:?}");
	}
}

fn run(ops: Vec<Op>) {
	build_and_execute(|| {
		assert_ok!(Supervision::set_rule(root(), Rule::ReportRetention(DAY)));
		let mut held: Vec<Movement<u64>> = Vec::new();
		for (step, op) in (0u64..).zip(ops) {
			match op {
				Op::Move { kind, from, to, currency, amount, counter } => {
					let mut m = build(
						kind,
						ACCOUNTS[from],
						ACCOUNTS[to],
						CURRENCIES[currency],
						amount,
						counter,
					);
					// Every operation has its own reference, as in the forex pallet.
					m.reference = H256::from_low_u64_be(step);
					let before = storage_root();
					let decision = check(&m);
					assert_eq!(storage_root(), before, "check wrote to storage");
					let reports = ReportBounds::<Test>::get().1;
					match decision {
						Decision::Deny(reasons) => assert!(!reasons.is_empty()),
						Decision::Hold(reasons) => {
							decided(&m, true);
							held.push(m);
							let filed = ReportBounds::<Test>::get().1 - reports;
							assert!(filed > 0 || !reasons.contains(Reason::Structuring));
						},
						Decision::Report(reasons) => {
							decided(&m, false);
							assert!(ReportBounds::<Test>::get().1 > reports, "{reasons:?}");
						},
						Decision::Allow => {
							decided(&m, false);
							assert_eq!(ReportBounds::<Test>::get().1, reports);
						},
					}
				},
				Op::Release => {
					if !held.is_empty() {
						released(&held.remove(0));
					}
				},
				Op::Return => {
					if !held.is_empty() {
						returned(&held.remove(0));
					}
				},
				Op::Advance(ms) => Now::mutate(|now| *now += ms),
				Op::Review { id, escalate } => {
					let _ = if escalate {
						Supervision::escalate_report(supervisor(), id, None)
					} else {
						Supervision::acknowledge_report(supervisor(), id, None)
					};
				},
				Op::Idle => {
					<Supervision as Hooks<u64>>::on_idle(2, Weight::MAX);
				},
				Op::RefreshRate => {
					assert_ok!(Supervision::set_rate(
						RuntimeOrigin::signed(RATE_SETTER),
						HKD,
						hkd_rate()
					));
				},
				Op::StructuringHold(hold) => {
					let rule = StructuringRule { hold, ..Rules::<Test>::get().structuring };
					assert_ok!(Supervision::set_rule(root(), Rule::Structuring(rule)));
				},
			}
			quota_respected();
			Supervision::do_try_state().expect("invariants hold after every step");
		}
	});
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(64))]

	#[test]
	fn random_movements_keep_the_invariants_and_the_quotas(ops in prop::collection::vec(op(), 1..60)) {
		run(ops);
	}
}
