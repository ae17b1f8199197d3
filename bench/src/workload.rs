//! The four workloads: what each transaction is, who sends it to whom, and what the senders need
//! beforehand; and the check that supervision will neither refuse, hold nor report the load.
//!
//! Every payment is small on purpose. Supervision looks at every movement (that is what the
//! `domestic`, `cross-border` and `fx` workloads measure), but its outcomes other than "allow"
//! would change what is measured: a hold reserves the funds and waits for a supervisor, a denial
//! moves nothing, a report writes a report. So amounts, and the number of senders and receivers,
//! keep every person below every threshold of the chain's rules (read from the chain), and
//! [`check_plan`] refuses a configuration that would cross one. The weights charge every
//! payment supervision's benchmarked worst case whatever its amount, so the amount does not
//! change the weight ceiling.

use crate::accounts::Group;
use fxchain_primitives::{
	forex::{Amount, CurrencyId, Documents, Purpose, TravelRule},
	supervision::RuleSet,
	AccountId, Balance,
};
use fxchain_runtime::RuntimeCall;
use serde::Serialize;
use sp_core::H256;
use sp_runtime::{FixedPointNumber, FixedU128};

/// ISO 4217 numeric codes, the currencies' ids.
pub const CNY: CurrencyId = 156;
pub const USD: CurrencyId = 840;

/// One payment: CNY 1.00 or USD 1.00, in minor units.
pub const PAYMENT: Amount = 100;

/// The market maker's price in the `fx` workload: 7.10 CNY per USD, that is 7.1 fen per cent.
pub fn fx_rate() -> FixedU128 {
	FixedU128::from_rational(71, 10)
}

/// What a customer pays for [`PAYMENT`] USD cents at [`fx_rate`]: 710 fen.
pub fn fx_price() -> Amount {
	fx_rate().saturating_mul_int(PAYMENT)
}

/// A balances transfer moves the existential deposit, like the node's extrinsic benchmark.
pub const TRANSFER_VALUE: Balance = fxchain_runtime::configs::monetary::EXISTENTIAL_DEPOSIT;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Workload {
	/// `balances.transfer_keep_alive` of FXC between verified accounts: the baseline.
	Transfer,
	/// `forex.pay` of CNY between two resident individuals: supervised, no travel rule.
	Domestic,
	/// `forex.pay` of USD from a resident of CN to a non-resident in HK, with travel-rule data:
	/// the chain finds it cross-border from the two credentials.
	CrossBorder,
	/// `forex.exchange`: a resident individual buys USD for CNY at a bank's posted quote, both
	/// legs supervised and settled in one extrinsic (payment versus payment).
	Fx,
}

impl Workload {
	pub const ALL: [Workload; 4] =
		[Workload::Transfer, Workload::Domestic, Workload::CrossBorder, Workload::Fx];

	pub fn name(self) -> &'static str {
		match self {
			Self::Transfer => "transfer",
			Self::Domestic => "domestic",
			Self::CrossBorder => "cross-border",
			Self::Fx => "fx",
		}
	}

	/// Whom the senders pay: verified residents of CN, or non-residents in HK; `None` for a
	/// conversion, whose counterparty is the market maker.
	pub fn receivers(self) -> Option<Group> {
		match self {
			Self::Transfer | Self::Domestic => Some(Group::Residents),
			Self::CrossBorder => Some(Group::Foreigners),
			Self::Fx => None,
		}
	}

	/// The currency the senders spend, and how much of it one transaction spends.
	pub fn spends(self) -> Option<(CurrencyId, Amount)> {
		match self {
			Self::Transfer => None,
			Self::Domestic => Some((CNY, PAYMENT)),
			Self::CrossBorder => Some((USD, PAYMENT)),
			Self::Fx => Some((CNY, fx_price())),
		}
	}

	/// FXC a sender spends per transaction besides the fee.
	pub fn native_value(self) -> Balance {
		match self {
			Self::Transfer => TRANSFER_VALUE,
			_ => 0,
		}
	}

	/// One transaction of the workload from `from` to `to` (the receiver; ignored by `fx`),
	/// against `quote` (`fx` only).
	pub fn call(self, from: &AccountId, to: &AccountId, quote: u64) -> RuntimeCall {
		match self {
			Self::Transfer => pallet_balances::Call::transfer_keep_alive {
				dest: to.clone().into(),
				value: TRANSFER_VALUE,
			}
			.into(),
			Self::Domestic => pallet_forex::Call::pay {
				to: to.clone(),
				currency: CNY,
				amount: PAYMENT,
				purpose: Purpose::Domestic,
				travel_rule: None,
				documents: Documents::default(),
			}
			.into(),
			// A remittance (current transfer) with the originator's and beneficiary's data as
			// hashes of the records their banks keep, as a wallet sends it at any amount.
			Self::CrossBorder => pallet_forex::Call::pay {
				to: to.clone(),
				currency: USD,
				amount: PAYMENT,
				purpose: Purpose::CurrentTransfer,
				travel_rule: Some(TravelRule::Hashes {
					originator: party_record(from),
					beneficiary: party_record(to),
				}),
				documents: Documents::default(),
			}
			.into(),
			Self::Fx => pallet_forex::Call::exchange {
				quote,
				amount: PAYMENT,
				max_pay: fx_price(),
				purpose: Purpose::Domestic,
			}
			.into(),
		}
	}
}

/// The hash of a party's travel-rule record (kept by its bank, off chain).
fn party_record(who: &AccountId) -> H256 {
	let data = [b"fxchain bench travel-rule record/".as_slice(), who.as_ref()].concat();
	H256(sp_crypto_hashing::blake2_256(&data))
}

/// How a run spreads its transactions: the most any one sender sends, and the most any one
/// receiver (or, for `fx`, the market maker) receives.
#[derive(Clone, Copy, Debug)]
pub struct Plan {
	pub workload: Workload,
	pub transactions: usize,
	pub per_sender: usize,
	pub per_receiver: usize,
	/// What each sender is credited before the load, in the currency it spends.
	pub deposit: Amount,
}

impl Plan {
	pub fn new(workload: Workload, transactions: usize, senders: usize, receivers: usize) -> Self {
		let per_sender = transactions.div_ceil(senders.max(1));
		let per_receiver = match workload.receivers() {
			Some(_) => transactions.div_ceil(receivers.max(1)),
			None => transactions,
		};
		// What the sender spends, and half as much again: a margin for nothing, since amounts
		// are exact, but cheap.
		let deposit = workload
			.spends()
			.map(|(_, each)| each.saturating_mul(per_sender as Amount).saturating_mul(3) / 2)
			.unwrap_or_default();
		Self { workload, transactions, per_sender, per_receiver, deposit }
	}
}

/// Refuse a plan that would make supervision report, hold or deny part of the load under
/// `rules`, saying which rule and what to change. (Everything here is per person and per UTC+8
/// day or year; every bench account is its own person.)
pub fn check_plan(plan: &Plan, rules: &RuleSet) -> Result<(), String> {
	let home = |currency: CurrencyId| currency == rules.home_currency;
	let limit = |t: fxchain_primitives::supervision::Threshold, currency| {
		if home(currency) {
			t.home
		} else {
			t.usd
		}
	};
	// Below the threshold and below the structuring floor (a movement at or above
	// `floor_percent` of a threshold counts towards structuring).
	let under = |what: &str, total: Amount, single: Amount, threshold: Amount| {
		let floor = threshold.saturating_mul(Amount::from(rules.structuring.floor_percent)) / 100;
		if total >= threshold || single >= floor {
			Err(format!(
				"{what}: {total} minor units a day per person would reach the rules' threshold \
				 {threshold} (structuring floor {floor}); use more --senders/--receivers or \
				 fewer transactions"
			))
		} else {
			Ok(())
		}
	};
	let Some((currency, each)) = plan.workload.spends() else {
		// FXC transfers are not supervised.
		return Ok(());
	};
	// The setup's deposit is cash for the large-value rules.
	under("a sender's deposit", plan.deposit, plan.deposit, limit(rules.large_cash, currency))?;
	let sent = each.saturating_mul(plan.per_sender as Amount);
	match plan.workload {
		Workload::Transfer => Ok(()),
		Workload::Domestic => {
			let threshold = limit(rules.large_individual_domestic, currency);
			under("a sender's domestic payments", sent, each, threshold)?;
			let received = each.saturating_mul(plan.per_receiver as Amount);
			under("a receiver's domestic payments", received, each, threshold)
		},
		Workload::CrossBorder => {
			let threshold = limit(rules.large_individual_cross_border, currency);
			under("a sender's cross-border payments", sent, each, threshold)?;
			let received = each.saturating_mul(plan.per_receiver as Amount);
			under("a receiver's cross-border payments", received, each, threshold)
		},
		Workload::Fx => {
			// The customer buys PAYMENT USD cents per conversion: its purchase quota (USD) for
			// the year, and its CNY leg as an individual's domestic movement.
			let bought = PAYMENT.saturating_mul(plan.per_sender as Amount);
			if bought > rules.purchase_quota {
				return Err(format!(
					"a sender would buy {bought} US cents, over the purchase quota {}; use more \
					 --senders",
					rules.purchase_quota
				));
			}
			under(
				"a sender's CNY leg",
				sent,
				each,
				limit(rules.large_individual_domestic, currency),
			)?;
			// The market maker, an institution, is a party to every conversion, in both
			// currencies.
			let maker_usd = PAYMENT.saturating_mul(plan.per_receiver as Amount);
			under("the market maker's USD legs", maker_usd, PAYMENT, rules.large_entity.usd)?;
			let maker_cny = each.saturating_mul(plan.per_receiver as Amount);
			under("the market maker's CNY legs", maker_cny, each, rules.large_entity.home)
		},
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn the_default_runs_stay_under_every_threshold() {
		let rules = RuleSet::default();
		for workload in Workload::ALL {
			// The smoke run and a long full run at a high rate.
			for (transactions, senders, receivers) in [(200, 20, 20), (60_000, 500, 500)] {
				let plan = Plan::new(workload, transactions, senders, receivers);
				assert_eq!(check_plan(&plan, &rules), Ok(()), "{workload:?} {transactions}");
			}
		}
	}

	#[test]
	fn a_plan_that_would_cross_a_threshold_is_refused() {
		let rules = RuleSet::default();
		// 20,000 USD 1.00 payments to one receiver: USD 20,000 in a day, over the USD 10,000
		// cross-border report threshold.
		let plan = Plan::new(Workload::CrossBorder, 20_000, 500, 1);
		let err = check_plan(&plan, &rules).unwrap_err();
		assert!(err.contains("receiver's cross-border"), "{err}");
		// One sender's deposit for 8,000 conversions (CNY 85,200) is large-value cash.
		let plan = Plan::new(Workload::Fx, 8_000, 1, 1);
		let err = check_plan(&plan, &rules).unwrap_err();
		assert!(err.contains("deposit"), "{err}");
		// The market maker's day: 300,000 conversions of USD 1.00 crosses USD 200,000.
		let plan = Plan::new(Workload::Fx, 300_000, 100_000, 1);
		let err = check_plan(&plan, &rules).unwrap_err();
		assert!(err.contains("market maker"), "{err}");
		// Transfers are not supervised.
		assert_eq!(check_plan(&Plan::new(Workload::Transfer, 1_000_000, 1, 1), &rules), Ok(()));
	}

	#[test]
	fn the_conversion_price_is_exact() {
		assert_eq!(fx_price(), 710);
	}
}
