//! Random sequences of deposits, payments, conversions, trades, withdrawals and supervisors'
//! decisions never break the invariants, and only issuers create or destroy money.

use super::*;
use crate::{Decision, Documents, Purpose, Reason, Reasons};
use frame_support::traits::fungibles::Inspect;
use proptest::prelude::*;
use sp_core::H256;
use sp_runtime::FixedU128;

const PARTIES: [u64; 6] = [BANK, OTHER_BANK, ENTERPRISE, ALICE, BOB, NON_RESIDENT];
const CURRENCIES: [u32; 2] = [USD, CNY];

#[derive(Clone, Debug)]
enum Op {
	/// Supervision's answer for a party from now on: 0 allow, 1 report, 2 hold, 3 deny.
	Supervise {
		party: usize,
		decision: u8,
	},
	Deposit {
		to: usize,
		currency: usize,
		amount: u128,
	},
	Pay {
		from: usize,
		to: usize,
		currency: usize,
		amount: u128,
	},
	Withdraw {
		from: usize,
		currency: usize,
		amount: u128,
	},
	CompleteWithdrawal {
		nth: usize,
		decline: bool,
	},
	Quote {
		maker: usize,
		offer: usize,
		rate_permille: u128,
		amount: u128,
	},
	Exchange {
		customer: usize,
		nth: usize,
		amount: u128,
	},
	Propose {
		proposer: usize,
		to: usize,
		give: usize,
		amount: u128,
		price: u128,
	},
	SettleTrade {
		nth: usize,
		how: u8,
	},
	Decide {
		nth: usize,
		release: bool,
	},
	Tick,
}

fn op() -> impl Strategy<Value = Op> {
	let party = 0..PARTIES.len();
	let currency = 0..CURRENCIES.len();
	let amount = prop_oneof![1..100u128, 1..2_000_000u128];
	prop_oneof![
		(party.clone(), 0..4u8).prop_map(|(party, decision)| Op::Supervise { party, decision }),
		(party.clone(), currency.clone(), amount.clone())
			.prop_map(|(to, currency, amount)| Op::Deposit { to, currency, amount }),
		(party.clone(), party.clone(), currency.clone(), amount.clone())
			.prop_map(|(from, to, currency, amount)| Op::Pay { from, to, currency, amount }),
		(party.clone(), currency.clone(), amount.clone())
			.prop_map(|(from, currency, amount)| Op::Withdraw { from, currency, amount }),
		(0..8usize, any::<bool>())
			.prop_map(|(nth, decline)| Op::CompleteWithdrawal { nth, decline }),
		(party.clone(), currency.clone(), 1..20_000u128, amount.clone()).prop_map(
			|(maker, offer, rate_permille, amount)| Op::Quote {
				maker,
				offer,
				rate_permille,
				amount
			}
		),
		(party.clone(), 0..8usize, amount.clone())
			.prop_map(|(customer, nth, amount)| Op::Exchange { customer, nth, amount }),
		(party.clone(), party.clone(), currency, amount.clone(), amount).prop_map(
			|(proposer, to, give, amount, price)| Op::Propose { proposer, to, give, amount, price }
		),
		(0..8usize, 0..3u8).prop_map(|(nth, how)| Op::SettleTrade { nth, how }),
		(0..8usize, any::<bool>()).prop_map(|(nth, release)| Op::Decide { nth, release }),
		Just(Op::Tick),
	]
}

fn nth_record(nth: usize, status: PaymentStatus) -> Option<Reference> {
	let mut open: Vec<_> = Records::<Test>::iter()
		.filter(|(_, r)| r.status == status)
		.map(|(k, r)| (r.seq, k))
		.collect();
	open.sort();
	open.get(nth % open.len().max(1)).map(|(_, k)| *k)
}

fn nth_key<V>(items: Vec<(u64, V)>, nth: usize) -> Option<u64> {
	let mut ids: Vec<u64> = items.into_iter().map(|(id, _)| id).collect();
	ids.sort();
	ids.get(nth % ids.len().max(1)).copied()
}

/// Run one step; only issuers' steps and supervisors' decisions on deposits and withdrawals may
/// change a currency's issuance.
fn run(op: Op) {
	let supply = |c| Assets::total_issuance(c);
	let before: Vec<u128> = CURRENCIES.iter().map(|c| supply(*c)).collect();
	let mut may_change_supply = false;
	let who = |i: usize| PARTIES[i];
	let signed = |i: usize| RuntimeOrigin::signed(PARTIES[i]);
	// Errors are expected (refusals); the invariants must hold either way.
	let _ = match op {
		Op::Supervise { party, decision } => {
			let reasons = Reasons::of(&[Reason::Structuring]);
			let decision = match decision {
				0 => Decision::Allow,
				1 => Decision::Report(reasons),
				2 => Decision::Hold(reasons),
				_ => Decision::Deny(reasons),
			};
			supervision_answers(who(party), decision);
			Ok(())
		},
		Op::Deposit { to, currency, amount } => {
			may_change_supply = true;
			Forex::deposit(
				RuntimeOrigin::signed(BANK),
				CURRENCIES[currency],
				who(to),
				amount,
				H256::zero(),
			)
		},
		Op::Pay { from, to, currency, amount } => Forex::pay(
			signed(from),
			who(to),
			CURRENCIES[currency],
			amount,
			Purpose::GoodsTrade,
			None,
			Documents::default(),
		),
		Op::Withdraw { from, currency, amount } => {
			Forex::request_withdrawal(signed(from), CURRENCIES[currency], amount, BANK)
		},
		Op::CompleteWithdrawal { nth, decline } => match nth_record(nth, PaymentStatus::Pending) {
			Some(reference) if decline => {
				Forex::decline_withdrawal(RuntimeOrigin::signed(BANK), reference)
			},
			Some(reference) => {
				may_change_supply = true;
				Forex::complete_withdrawal(RuntimeOrigin::signed(BANK), reference, H256::zero())
			},
			None => Ok(()),
		},
		Op::Quote { maker, offer, rate_permille, amount } => Forex::post_quote(
			signed(maker),
			CURRENCIES[offer],
			CURRENCIES[1 - offer],
			FixedU128::from_rational(rate_permille, 1_000),
			amount,
			START + DAY,
		),
		Op::Exchange { customer, nth, amount } => match nth_key(Forex::open_quotes(None), nth) {
			Some(quote) => {
				Forex::exchange(signed(customer), quote, amount, u128::MAX, Purpose::GoodsTrade)
			},
			None => Ok(()),
		},
		Op::Propose { proposer, to, give, amount, price } => Forex::propose_trade(
			signed(proposer),
			who(to),
			(CURRENCIES[give], amount),
			(CURRENCIES[1 - give], price),
			START + DAY,
			Purpose::GoodsTrade,
		),
		Op::SettleTrade { nth, how } => match nth_key(Forex::open_trades(None), nth) {
			Some(id) => {
				let trade = crate::Trades::<Test>::get(id).expect("open");
				match how {
					0 => Forex::accept_trade(RuntimeOrigin::signed(trade.counterparty), id),
					1 => Forex::decline_trade(RuntimeOrigin::signed(trade.counterparty), id),
					_ => Forex::cancel_trade(RuntimeOrigin::signed(trade.proposer), id),
				}
			},
			None => Ok(()),
		},
		Op::Decide { nth, release } => match nth_record(nth, PaymentStatus::Held) {
			Some(reference) => {
				// Deciding a held deposit or withdrawal mints or burns.
				may_change_supply = true;
				if release {
					Forex::release(RuntimeOrigin::signed(SUPERVISOR), reference)
				} else {
					Forex::reject(RuntimeOrigin::signed(SUPERVISOR), reference)
				}
			},
			None => Ok(()),
		},
		Op::Tick => {
			Now::mutate(|now| *now += DAY / 2);
			Ok(())
		},
	};
	check_invariants();
	if !may_change_supply {
		let after: Vec<u128> = CURRENCIES.iter().map(|c| supply(*c)).collect();
		assert_eq!(before, after, "money was created or destroyed by {op:?}");
	}
}

proptest! {
	#![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]

	#[test]
	fn random_operations_keep_the_books(ops in prop::collection::vec(op(), 1..60)) {
		new_test_ext().execute_with(|| {
			for op in ops {
				run(op);
			}
		});
	}
}
