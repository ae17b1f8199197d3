//! Before the load: verified accounts with fees and currency, and a quote to convert at. A
//! licensed registrar of the dev chain (Dave) attests the bench accounts and, as an issuing bank,
//! credits the senders the currency they spend and posts the `fx` workload's quote; Alice tops up
//! FXC where attestation's onboarding allowance would not pay the fees. Everything goes in
//! `utility.batch_all`s that fit a block easily, and the load starts once all of it is in.

use crate::{
	accounts::Account,
	chain::{self, AccountInfo, Outcome},
	rpc::Rpc,
	workload::{self, Plan, Workload},
};
use anyhow::{anyhow, bail, Context, Result};
use codec::Encode;
use frame_support::dispatch::GetDispatchInfo;
use futures::{stream, StreamExt, TryStreamExt};
use fxchain_primitives::{kyc::AccountVerification, AccountId, Balance, Moment, Nonce};
use fxchain_runtime::{Runtime, RuntimeCall, UncheckedExtrinsic};
use sp_core::{sr25519, H256};
use sp_keyring::Sr25519Keyring;
use sp_runtime::Weight;
use std::{
	collections::HashMap,
	time::{Duration, Instant, SystemTime, UNIX_EPOCH},
};

const DAY_MS: Moment = 86_400_000;

/// A signed transaction, its encoding as the RPC takes it, and its hash.
pub struct Signed {
	pub hash: H256,
	pub hex: String,
}

impl Signed {
	pub fn new(signer: &sr25519::Pair, call: RuntimeCall, nonce: Nonce, genesis: H256) -> Self {
		Self::from_extrinsic(&fxchain_runtime::signed_transaction(signer, call, nonce, genesis))
	}

	pub fn from_extrinsic(extrinsic: &UncheckedExtrinsic) -> Self {
		let encoded = extrinsic.encode();
		Self { hash: chain::extrinsic_hash(&encoded), hex: format!("0x{}", hex::encode(&encoded)) }
	}
}

/// Pack `calls`, in order, into `utility.batch_all`s of at most `budget` weight each.
pub fn batches(calls: Vec<RuntimeCall>, budget: Weight) -> Vec<RuntimeCall> {
	let mut out = Vec::new();
	let mut current: Vec<RuntimeCall> = Vec::new();
	let mut used = Weight::zero();
	for call in calls {
		let weight = call.get_dispatch_info().call_weight;
		if !current.is_empty() && used.saturating_add(weight).any_gt(budget) {
			out.push(
				pallet_utility::Call::batch_all { calls: std::mem::take(&mut current) }.into(),
			);
			used = Weight::zero();
		}
		used = used.saturating_add(weight);
		current.push(call);
	}
	if !current.is_empty() {
		out.push(pallet_utility::Call::batch_all { calls: current }.into());
	}
	out
}

/// Where an extrinsic went: its block and what its events say.
pub struct Inclusion {
	pub block: H256,
	pub number: u32,
	pub outcome: Outcome,
}

/// Submit `txs` in order and wait until every one is in a block of the best chain.
pub async fn submit_and_wait(
	rpc: &Rpc,
	txs: &[Signed],
	timeout: Duration,
) -> Result<HashMap<H256, Inclusion>> {
	let mut next = rpc.header(None).await?.number + 1;
	for tx in txs {
		Rpc::submit_on(&rpc.main, &tx.hex).await.map_err(|e| {
			anyhow!("the node refused a setup transaction: {}", crate::rpc::describe_error(&e).1)
		})?;
	}
	let wanted: HashMap<H256, ()> = txs.iter().map(|tx| (tx.hash, ())).collect();
	let mut found = HashMap::new();
	let deadline = Instant::now() + timeout;
	while found.len() < wanted.len() {
		if Instant::now() > deadline {
			bail!(
				"{} of {} setup transactions not in a block after {timeout:?}",
				wanted.len() - found.len(),
				wanted.len()
			);
		}
		let best = rpc.header(None).await?.number;
		while next <= best {
			let hash = rpc.block_hash(next).await?.ok_or_else(|| anyhow!("no block {next}"))?;
			let block = rpc.block(hash).await?;
			let mine: Vec<(u32, H256)> = block
				.extrinsics
				.iter()
				.enumerate()
				.map(|(index, xt)| (index as u32, chain::extrinsic_hash(xt)))
				.filter(|(_, h)| wanted.contains_key(h))
				.collect();
			if !mine.is_empty() {
				let events: chain::Events = rpc
					.storage_decoded(&chain::events_key(), Some(hash))
					.await?
					.unwrap_or_default();
				let mut outcomes = chain::outcomes(&events);
				for (index, tx) in mine {
					let outcome = outcomes.remove(&index).unwrap_or_default();
					found.insert(tx, Inclusion { block: hash, number: next, outcome });
				}
			}
			next += 1;
		}
		tokio::time::sleep(Duration::from_millis(300)).await;
	}
	Ok(found)
}

/// The chain's time, or the wall clock before the first block.
pub async fn chain_now(rpc: &Rpc) -> Result<Moment> {
	let now: Option<Moment> = rpc.storage_decoded(&chain::timestamp_key(), None).await?;
	match now {
		Some(now) if now > 0 => Ok(now),
		_ => Ok(SystemTime::now().duration_since(UNIX_EPOCH)?.as_millis() as Moment),
	}
}

pub async fn account_info(rpc: &Rpc, who: &AccountId) -> Result<AccountInfo> {
	Ok(rpc.storage_decoded(&chain::account_key(who), None).await?.unwrap_or_default())
}

/// Nonces of many accounts at the best block.
pub async fn nonces(rpc: &Rpc, accounts: &[Account]) -> Result<Vec<Nonce>> {
	stream::iter(
		accounts.iter().map(|account| async move {
			account_info(rpc, &account.id).await.map(|info| info.nonce)
		}),
	)
	.buffered(64)
	.try_collect()
	.await
}

/// What the setup needs to know.
pub struct Needs<'a> {
	pub workload: Workload,
	pub plan: Plan,
	pub senders: &'a [Account],
	pub receivers: &'a [Account],
	/// The fee of one load transaction.
	pub fee: Balance,
	/// `None` on a fresh dev chain, where nobody is verified yet; otherwise ask the chain.
	pub ask_who_is_verified: bool,
	/// Weight per setup batch.
	pub batch_budget: Weight,
}

/// What the load needs from the setup.
pub struct Prepared {
	/// The quote the `fx` workload converts at (0 for the others).
	pub quote: u64,
	pub attested: usize,
	pub funded: usize,
	pub deposited: usize,
	pub seconds: f64,
}

pub async fn prepare(rpc: &Rpc, genesis: H256, needs: Needs<'_>) -> Result<Prepared> {
	let started = Instant::now();
	let registrar = Sr25519Keyring::Dave; // registrar, issuer and market maker in `dev`
	let funder = Sr25519Keyring::Alice;
	let now = chain_now(rpc).await?;

	// Attest whoever is not verified yet.
	let everyone: Vec<&Account> = needs.senders.iter().chain(needs.receivers).collect();
	let verified: Vec<bool> = if needs.ask_who_is_verified {
		stream::iter(everyone.iter().map(|account| async move {
			rpc.state_call::<AccountVerification<AccountId>>(
				"KycApi_verification",
				&account.id.encode(),
			)
			.await
			.map(|v| v.verified)
		}))
		.buffered(64)
		.try_collect()
		.await?
	} else {
		vec![false; everyone.len()]
	};
	let expires_at = now + 180 * DAY_MS;
	let attests: Vec<RuntimeCall> = everyone
		.iter()
		.zip(&verified)
		.filter(|(_, verified)| !**verified)
		.map(|(account, _)| {
			pallet_kyc::Call::attest {
				who: account.id.clone(),
				profile: account.profile,
				expires_at,
			}
			.into()
		})
		.collect();
	let attested = attests.len();

	// FXC for the fees (and a transfer's value): attestation tops an account up to the
	// onboarding allowance; Alice pays what that leaves short.
	let allowance: Balance = rpc
		.storage_decoded(&pallet_kyc::OnboardingAllowance::<Runtime>::hashed_key(), None)
		.await?
		.unwrap_or_default();
	let per_tx = needs.fee.saturating_add(needs.workload.native_value());
	let need = per_tx
		.saturating_mul(needs.plan.per_sender as Balance)
		.saturating_mul(2)
		.saturating_add(10 * workload::TRANSFER_VALUE);
	let mut fundings = Vec::new();
	for (index, sender) in needs.senders.iter().enumerate() {
		let free = account_info(rpc, &sender.id).await?.data.free;
		let after_attest = if verified[index] { free } else { free.max(allowance) };
		if after_attest < need {
			fundings.push(
				pallet_balances::Call::transfer_keep_alive {
					dest: sender.id.clone().into(),
					value: need - after_attest,
				}
				.into(),
			);
		}
	}
	let funded = fundings.len();

	// Currency for the senders, after their attestation (same signer, later nonces).
	let mut bank_calls = attests;
	let mut deposited = 0;
	if let Some((currency, _)) = needs.workload.spends() {
		for (index, sender) in needs.senders.iter().enumerate() {
			let reference = H256(sp_crypto_hashing::blake2_256(
				&(b"fxchain bench deposit", now, index as u32).encode(),
			));
			bank_calls.push(
				pallet_forex::Call::deposit {
					currency,
					to: sender.id.clone(),
					amount: needs.plan.deposit,
					bank_reference: reference,
				}
				.into(),
			);
			deposited += 1;
		}
	}
	let mut bank_txs = batches(bank_calls, needs.batch_budget);
	let mut quote_tx = None;
	if needs.workload == Workload::Fx {
		// Dave sells USD for CNY at 7.10, enough for the whole load, for a day.
		let amount = (needs.plan.transactions as u128 + 10) * workload::PAYMENT * 2;
		bank_txs.push(
			pallet_forex::Call::post_quote {
				offer: workload::USD,
				ask: workload::CNY,
				rate: workload::fx_rate(),
				amount,
				expires_at: now + DAY_MS,
			}
			.into(),
		);
		quote_tx = Some(bank_txs.len() - 1);
	}

	let mut txs = Vec::new();
	let sign_all = |signer: Sr25519Keyring, calls: Vec<RuntimeCall>, first: Nonce| {
		let pair = signer.pair();
		calls
			.into_iter()
			.enumerate()
			.map(|(i, call)| Signed::new(&pair, call, first + i as Nonce, genesis))
			.collect::<Vec<_>>()
	};
	let bank_nonce = account_info(rpc, &registrar.to_account_id()).await?.nonce;
	let bank_signed = sign_all(registrar, bank_txs, bank_nonce);
	let quote_hash = quote_tx.map(|index| bank_signed[index].hash);
	txs.extend(bank_signed);
	let funder_nonce = account_info(rpc, &funder.to_account_id()).await?.nonce;
	txs.extend(sign_all(funder, batches(fundings, needs.batch_budget), funder_nonce));

	let included = submit_and_wait(rpc, &txs, Duration::from_secs(180))
		.await
		.context("setting up the accounts")?;
	for tx in &txs {
		let inclusion = &included[&tx.hash];
		if !inclusion.outcome.ok() {
			bail!(
				"a setup transaction failed in block #{} ({:?}): {}",
				inclusion.number,
				inclusion.block,
				inclusion.outcome.problem.as_deref().unwrap_or("no ExtrinsicSuccess event")
			);
		}
		if let Some(reports) = &inclusion.outcome.reported {
			eprintln!("  note: supervision reported a setup transaction: {reports}");
		}
	}
	let quote = match quote_hash {
		Some(hash) => included[&hash]
			.outcome
			.quote
			.ok_or_else(|| anyhow!("forex.post_quote emitted no QuotePosted"))?,
		None => 0,
	};
	Ok(Prepared { quote, attested, funded, deposited, seconds: started.elapsed().as_secs_f64() })
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::accounts::Group;

	#[test]
	fn batches_keep_every_call_in_order_within_the_budget() {
		let calls: Vec<RuntimeCall> = (0..25)
			.map(|i| {
				let account = Account::derive(Group::Senders, i);
				pallet_kyc::Call::attest {
					who: account.id,
					profile: account.profile,
					expires_at: 1,
				}
				.into()
			})
			.collect();
		let one = calls[0].get_dispatch_info().call_weight;
		let budget = one.saturating_mul(10);
		let packed = batches(calls.clone(), budget);
		assert_eq!(packed.len(), 3, "10 + 10 + 5");
		let mut unpacked = Vec::new();
		for batch in packed {
			let RuntimeCall::Utility(pallet_utility::Call::batch_all { calls: inner }) = batch
			else {
				panic!("not a batch_all");
			};
			let total = inner.iter().fold(Weight::zero(), |sum, call| {
				sum.saturating_add(call.get_dispatch_info().call_weight)
			});
			assert!(total.all_lte(budget));
			unpacked.extend(inner);
		}
		assert_eq!(unpacked, calls);
		// A call heavier than the budget still goes, alone.
		assert_eq!(batches(calls[..2].to_vec(), Weight::from_parts(1, 1)).len(), 2);
	}

	#[test]
	fn signed_transactions_hash_their_encoding() {
		let pair = Sr25519Keyring::Alice.pair();
		let call: RuntimeCall = frame_system::Call::remark { remark: vec![1, 2, 3] }.into();
		let extrinsic = fxchain_runtime::signed_transaction(&pair, call, 5, H256::repeat_byte(7));
		let signed = Signed::from_extrinsic(&extrinsic);
		let encoded = extrinsic.encode();
		assert_eq!(signed.hash, H256(sp_crypto_hashing::blake2_256(&encoded)));
		assert_eq!(signed.hex, format!("0x{}", hex::encode(&encoded)));
		// The node names a transaction by the same hash (`author_submitExtrinsic`'s answer).
		use sp_runtime::traits::{BlakeTwo256, Hash};
		assert_eq!(signed.hash, BlakeTwo256::hash(&encoded));
	}
}
