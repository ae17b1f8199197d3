//! # fxchain-bench
//!
//! fxchain's load benchmark (issue 9): how many payments per second the chain settles, how fast
//! they are final, and what supervision costs in throughput.
//!
//! For each workload it starts a fresh `fxchain-node --dev --tmp` (or uses `--url`), creates and
//! funds verified accounts, signs every transaction offline ahead of time, submits them over
//! WebSocket at a controlled rate, and measures from the blocks themselves: included
//! transactions per second over a steady window (by the blocks' own timestamps), transactions
//! per block against the ceiling the weights allow, skipped BABE slots, submission-to-inclusion
//! and submission-to-finality latency, finality lag, and the node's CPU and peak memory. It
//! prints one table and writes JSON.
//!
//! Workloads (see [`workload::Workload`]): `transfer` (the baseline), `domestic`,
//! `cross-border`, `fx`. `--smoke` runs a few hundred transactions of each and fails unless
//! every one was included and succeeded (or was refused with its error).
//!
//! The tool signs for the runtime it was compiled with (`fxchain_runtime::signed_transaction`),
//! so it refuses a node whose runtime version differs.

mod accounts;
mod chain;
mod load;
mod node;
mod report;
mod rpc;
mod setup;
mod stats;
mod workload;

use accounts::{Account, Group};
use anyhow::{anyhow, bail, Context, Result};
use clap::{Parser, ValueEnum};
use codec::Encode;
use frame_support::dispatch::DispatchClass;
use fxchain_primitives::{supervision::RuleSet, Nonce};
use fxchain_runtime::configs::system::{RuntimeBlockLength, RuntimeBlockWeights};
use node::Node;
use report::{BlockEvents, ChainView, Limits, Measured, WorkloadReport};
use serde::Serialize;
use setup::Signed;
use sp_core::H256;
use sp_keyring::Sr25519Keyring;
use sp_runtime::Weight;
use std::{
	collections::{HashMap, HashSet},
	path::{Path, PathBuf},
	process::ExitCode,
	time::{Duration, Instant, SystemTime, UNIX_EPOCH},
};
use workload::{Plan, Workload};

#[derive(Parser, Debug)]
#[command(name = "fxchain-bench", about = "fxchain's load benchmark", version)]
struct Args {
	/// Workloads to run, in order (comma-separated): transfer, domestic, cross-border, fx, or
	/// all.
	#[arg(long, value_delimiter = ',', default_value = "all")]
	workload: Vec<Which>,

	/// Start a fresh `fxchain-node --dev --tmp` for each workload (the default).
	#[arg(long, conflicts_with = "url")]
	spawn: bool,

	/// Use the node at this WebSocket URL instead (all workloads on it, one after another).
	#[arg(long)]
	url: Option<String>,

	/// The process id of the `--url` node, for its CPU and memory.
	#[arg(long, requires = "url")]
	node_pid: Option<u32>,

	/// The node binary [default: $FXCHAIN_NODE, else $CARGO_TARGET_DIR/release/fxchain-node].
	#[arg(long)]
	node: Option<PathBuf>,

	/// A short check rather than a measurement: 200 transactions of each workload at 100/s;
	/// fails unless every one is included and succeeds.
	#[arg(long)]
	smoke: bool,

	/// Accounts that send [default: 500; smoke 20].
	#[arg(long)]
	senders: Option<usize>,

	/// Accounts that receive [default: 500; smoke 20].
	#[arg(long)]
	receivers: Option<usize>,

	/// Transactions per workload [default: rate x duration; smoke 200].
	#[arg(long)]
	txs: Option<usize>,

	/// Seconds of load per workload when --txs is not given.
	#[arg(long, default_value_t = 60.0)]
	duration: f64,

	/// Submissions per second [default: 1.2 x what the weights allow per slot; smoke 100].
	#[arg(long)]
	rate: Option<f64>,

	/// Submissions awaiting the node's answer at most.
	#[arg(long, default_value_t = 256)]
	in_flight: usize,

	/// WebSocket connections for submissions.
	#[arg(long, default_value_t = 4)]
	connections: usize,

	/// Where to write the results as JSON (node logs go next to it).
	#[arg(long, default_value = "bench/results/latest.json")]
	json: PathBuf,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Which {
	All,
	Transfer,
	Domestic,
	CrossBorder,
	Fx,
}

impl Args {
	fn workloads(&self) -> Vec<Workload> {
		let mut out = Vec::new();
		for which in &self.workload {
			let add: &[Workload] = match which {
				Which::All => &Workload::ALL,
				Which::Transfer => &[Workload::Transfer],
				Which::Domestic => &[Workload::Domestic],
				Which::CrossBorder => &[Workload::CrossBorder],
				Which::Fx => &[Workload::Fx],
			};
			for w in add {
				if !out.contains(w) {
					out.push(*w);
				}
			}
		}
		out
	}

	fn senders(&self) -> usize {
		self.senders.unwrap_or(if self.smoke { 20 } else { 500 }).max(1)
	}

	fn receivers(&self) -> usize {
		self.receivers.unwrap_or(if self.smoke { 20 } else { 500 }).max(1)
	}

	fn node_binary(&self) -> PathBuf {
		if let Some(node) = &self.node {
			return node.clone();
		}
		if let Ok(node) = std::env::var("FXCHAIN_NODE") {
			return node.into();
		}
		let target = std::env::var("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|_| {
			let home = std::env::var("HOME").unwrap_or_else(|_| ".".into());
			Path::new(&home).join(".cache/fxchain/target")
		});
		target.join("release/fxchain-node")
	}
}

/// The node runs another runtime than this tool signs for: nothing else can work.
#[derive(Debug)]
struct VersionMismatch(String);

impl std::fmt::Display for VersionMismatch {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		f.write_str(&self.0)
	}
}

impl std::error::Error for VersionMismatch {}

#[derive(Serialize)]
struct Output<'a> {
	/// Seconds since the Unix epoch.
	started_at: u64,
	seconds: f64,
	cores: usize,
	spec_version: u32,
	transaction_version: u32,
	smoke: bool,
	results: &'a [WorkloadReport],
}

#[tokio::main]
async fn main() -> ExitCode {
	let args = Args::parse();
	let interrupted = async {
		let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
			.expect("a SIGTERM handler can be installed; qed");
		tokio::select! {
			_ = tokio::signal::ctrl_c() => {},
			_ = term.recv() => {},
		}
	};
	// Dropping `run` on a signal drops the node it started, which stops it.
	tokio::select! {
		outcome = run(&args) => match outcome {
			Ok(true) => ExitCode::SUCCESS,
			Ok(false) => ExitCode::FAILURE,
			Err(err) => {
				eprintln!("fxchain-bench: {err:#}");
				ExitCode::FAILURE
			},
		},
		_ = interrupted => {
			eprintln!("fxchain-bench: interrupted; the node is stopped");
			ExitCode::from(130)
		},
	}
}

/// Run every workload; `Ok(false)` if any failed its checks.
async fn run(args: &Args) -> Result<bool> {
	let started = Instant::now();
	let started_at = SystemTime::now().duration_since(UNIX_EPOCH)?.as_secs();
	let out_dir = args
		.json
		.parent()
		.filter(|p| !p.as_os_str().is_empty())
		.unwrap_or(Path::new("."));
	std::fs::create_dir_all(out_dir).with_context(|| format!("creating {}", out_dir.display()))?;
	let mut shared = args.url.clone().map(|url| Node::existing(url, args.node_pid));
	if let Some(node) = &shared {
		// Nothing can run without it: say so once.
		rpc::connect(&node.url, 1)
			.await
			.with_context(|| format!("connecting to {}", node.url))?;
	}
	let mut results = Vec::new();
	for workload in args.workloads() {
		eprintln!("== {}", workload.name());
		let outcome = match shared.as_mut() {
			Some(node) => run_workload(args, workload, node, false).await,
			None => {
				let log = out_dir.join(format!("node-{}.log", workload.name()));
				match Node::spawn(&args.node_binary(), &log).await {
					Ok(mut node) => {
						eprintln!(
							"   node pid {:?} at {}, log {}",
							node.pid,
							node.url,
							log.display()
						);
						let outcome = run_workload(args, workload, &mut node, true).await;
						node.stop();
						outcome
					},
					Err(err) => Err(err),
				}
			},
		};
		match outcome {
			Ok(result) => results.push(result),
			Err(err) if err.downcast_ref::<VersionMismatch>().is_some() => return Err(err),
			Err(err) => {
				eprintln!("   {} failed: {err:#}", workload.name());
				results.push(WorkloadReport {
					workload: Some(workload),
					error: Some(format!("{err:#}")),
					problems: vec![format!("{err:#}")],
					..Default::default()
				});
			},
		}
	}
	report::add_ratios(&mut results);
	println!("\n{}", report::table(&results));
	println!(
		"tx/s: steady window by block timestamps (* = load too short for one, all loaded blocks); \
		 ceiling/blk: normal-class max_total / the weight a transaction is charged; empty blk: \
		 window blocks without load (session rotations); fin lag: most blocks between best and \
		 finalized under load; build ms: the author's time per loaded window block (its \
		 budget is about 3 s); CPU: the node's, in cores"
	);
	let output = Output {
		started_at,
		seconds: started.elapsed().as_secs_f64(),
		cores: std::thread::available_parallelism().map(usize::from).unwrap_or(1),
		spec_version: fxchain_runtime::VERSION.spec_version,
		transaction_version: fxchain_runtime::VERSION.transaction_version,
		smoke: args.smoke,
		results: &results,
	};
	std::fs::write(&args.json, serde_json::to_string_pretty(&output)?)
		.with_context(|| format!("writing {}", args.json.display()))?;
	println!("results: {} ({:.0} s)", args.json.display(), started.elapsed().as_secs_f64());
	let mut passed = true;
	for result in &results {
		for problem in &result.problems {
			passed = false;
			eprintln!("FAILED {}: {problem}", result.workload.map(Workload::name).unwrap_or("?"));
		}
	}
	Ok(passed)
}

async fn run_workload(
	args: &Args,
	workload: Workload,
	node: &mut Node,
	fresh: bool,
) -> Result<WorkloadReport> {
	let rpc = rpc::Rpc::connect(&node.url, args.connections).await?;
	let version = rpc.runtime_version().await?;
	let ours = fxchain_runtime::VERSION;
	if version.spec_name != ours.spec_name
		|| version.spec_version != ours.spec_version
		|| version.transaction_version != ours.transaction_version
	{
		return Err(VersionMismatch(format!(
			"the node at {} runs {} spec_version {} transaction_version {}, but this fxchain-bench \
			 signs for {} spec_version {} transaction_version {}: rebuild it from the same source \
			 as the node (scripts/bench.sh builds both) or point it at a matching node",
			node.url,
			version.spec_name,
			version.spec_version,
			version.transaction_version,
			ours.spec_name,
			ours.spec_version,
			ours.transaction_version
		))
		.into());
	}
	let genesis = rpc.genesis_hash().await?;
	let rules: RuleSet = rpc.storage_decoded(&chain::rules_key(), None).await?.unwrap_or_default();
	let block_weights = RuntimeBlockWeights::get();
	let max_normal = block_weights
		.get(DispatchClass::Normal)
		.max_total
		.unwrap_or(block_weights.max_block);
	let max_normal_length = *RuntimeBlockLength::get().max.get(DispatchClass::Normal);
	let slot_ms = fxchain_runtime::time::SLOT_DURATION;

	let senders = Account::group(Group::Senders, args.senders());
	let receivers = workload
		.receivers()
		.map(|g| Account::group(g, args.receivers()))
		.unwrap_or_default();
	let maker = Sr25519Keyring::Dave.to_account_id();
	let receiver_of =
		|i: usize| receivers.get(i % receivers.len().max(1)).map(|a| &a.id).unwrap_or(&maker);

	// One transaction of the workload: its pre-dispatch weight, fee and length.
	let sample = fxchain_runtime::signed_transaction(
		&senders[0].pair,
		workload.call(&senders[0].id, receiver_of(0), 0),
		0,
		genesis,
	);
	let mut info = rpc.query_info(&sample).await?;
	// A block counts a transaction's weight with the class's base extrinsic weight, as the
	// `ExtrinsicSuccess` event reports it.
	info.weight = info
		.weight
		.saturating_add(block_weights.get(DispatchClass::Normal).base_extrinsic);
	let tx_length = sample.encoded_size();
	let per_slot = |weight: Weight| {
		(max_normal.ref_time() / weight.ref_time().max(1))
			.min(u64::from(max_normal_length) / tx_length as u64)
	};
	let auto_rate = |weight: Weight| 1.2 * per_slot(weight) as f64 * 1000.0 / slot_ms as f64;

	// How many transactions at most: the setup funds the senders for that many. Refunds take
	// back at most the extensions' worst cases, so a transaction is charged at least half its
	// pre-dispatch weight.
	let fixed_rate = args.rate.or(args.smoke.then_some(100.0));
	let most = match (args.txs, fixed_rate) {
		(Some(txs), _) => txs,
		(None, _) if args.smoke => 200,
		(None, Some(rate)) => (rate * args.duration).ceil() as usize,
		(None, None) => (auto_rate(info.weight / 2) * args.duration).ceil() as usize,
	}
	.max(1);
	let plan = Plan::new(workload, most, senders.len(), receivers.len());
	workload::check_plan(&plan, &rules).map_err(|e| anyhow!("{}: {e}", workload.name()))?;

	let prepared = setup::prepare(
		&rpc,
		genesis,
		setup::Needs {
			workload,
			plan,
			senders: &senders,
			receivers: &receivers,
			fee: info.partial_fee,
			ask_who_is_verified: !fresh,
			batch_budget: max_normal / 4,
		},
	)
	.await?;
	eprintln!(
		"   setup in {:.1} s: {} attested, {} funded with FXC, {} credited currency{}",
		prepared.seconds,
		prepared.attested,
		prepared.funded,
		prepared.deposited,
		if workload == Workload::Fx {
			format!(", quote {}", prepared.quote)
		} else {
			String::new()
		}
	);
	let mut nonces = setup::nonces(&rpc, &senders).await?;

	// Unless the rate is given, one transaction first, for the weight a block is charged for it
	// (and to fail early if the workload does not work at all).
	let rate = match fixed_rate {
		Some(rate) => rate,
		None => {
			let tx = Signed::new(
				&senders[0].pair,
				workload.call(&senders[0].id, receiver_of(0), prepared.quote),
				nonces[0],
				genesis,
			);
			let probe =
				setup::submit_and_wait(&rpc, std::slice::from_ref(&tx), Duration::from_secs(60))
					.await
					.context("the probe transaction")?;
			let outcome = &probe[&tx.hash].outcome;
			if !outcome.ok() {
				bail!(
					"a {} transaction failed: {}",
					workload.name(),
					outcome.problem.as_deref().unwrap_or("no ExtrinsicSuccess event")
				);
			}
			nonces[0] += 1;
			let charged = outcome.weight.unwrap_or(info.weight);
			eprintln!(
				"   one transaction: {} µs charged ({} µs before dispatch), {} bytes: {} per block",
				charged.ref_time() / 1_000_000,
				info.weight.ref_time() / 1_000_000,
				tx_length,
				per_slot(charged)
			);
			auto_rate(charged)
		},
	};
	let count = match args.txs {
		Some(txs) => txs,
		None if args.smoke => 200,
		None => ((rate * args.duration).ceil() as usize).min(most),
	};

	let signing = Instant::now();
	let txs =
		sign_load(workload, &senders, &receivers, &maker, &nonces, count, prepared.quote, genesis);
	eprintln!(
		"   {count} transactions signed in {:.1} s; submitting at {rate:.0}/s",
		signing.elapsed().as_secs_f64()
	);

	let monitor = load::Monitor::start(&rpc, node.pid).await?;
	let submitted = load::submit(&rpc, txs, rate, args.in_flight).await;
	let accepted: HashSet<H256> = submitted
		.submissions
		.iter()
		.filter(|s| s.result.is_ok())
		.map(|s| s.hash)
		.collect();
	eprintln!(
		"   submitted {} in {:.1} s, {} accepted; waiting for inclusion and finality",
		submitted.submissions.len(),
		submitted.finished.duration_since(submitted.started).as_secs_f64(),
		accepted.len()
	);
	load::drain(
		&monitor,
		node,
		&accepted,
		Duration::from_secs(30),
		Duration::from_secs(300),
		Duration::from_secs(60),
	)
	.await?;
	let observed = monitor.stop().await;
	let view = ChainView::new(&observed, &submitted);

	// The loaded blocks' events and consumed weight.
	let mut events = HashMap::new();
	for hash in view.loaded_blocks() {
		let block_events: Option<chain::Events> =
			rpc.storage_decoded(&chain::events_key(), Some(hash)).await.ok().flatten();
		let consumed: Option<frame_system::ConsumedWeight> =
			rpc.storage_decoded(&chain::block_weight_key(), Some(hash)).await.ok().flatten();
		events.insert(
			hash,
			BlockEvents {
				events: block_events,
				normal_weight: consumed.map(|c| *c.get(DispatchClass::Normal)),
			},
		);
	}

	let mut result = WorkloadReport {
		node: report::NodeSummary {
			url: node.url.clone(),
			log: node.log.as_ref().map(|p| p.display().to_string()),
			spec_version: version.spec_version,
			transaction_version: version.transaction_version,
		},
		config: report::Config {
			smoke: args.smoke,
			senders: senders.len(),
			receivers: receivers.len(),
			transactions: count,
			rate,
			in_flight: args.in_flight,
			connections: args.connections,
		},
		setup_seconds: prepared.seconds,
		..Default::default()
	};

	// Lost transactions: does the pool still hold them?
	let lost: Vec<H256> = submitted
		.submissions
		.iter()
		.enumerate()
		.filter(|(i, s)| s.result.is_ok() && !view.found.contains_key(i))
		.map(|(_, s)| s.hash)
		.collect();
	if !lost.is_empty() {
		if let Ok(pending) = rpc.pending_extrinsics().await {
			let pending: HashSet<H256> =
				pending.iter().map(|xt| chain::extrinsic_hash(xt)).collect();
			result.lost_still_in_pool = Some(lost.iter().filter(|h| pending.contains(h)).count());
		}
	}

	// The author's account of the blocks it built, when we started it (and so have its log).
	let proposals: HashMap<(u32, String), stats::Proposal> = node
		.log
		.as_ref()
		.and_then(|log| std::fs::read_to_string(log).ok())
		.map(|text| {
			text.lines()
				.filter_map(stats::parse_proposal)
				.map(|p| ((p.number, p.parent.clone()), p))
				.collect()
		})
		.unwrap_or_default();

	let mut result = report::summarise(
		Measured {
			workload,
			observed: &observed,
			submitted: &submitted,
			view: &view,
			events: &events,
			proposals: &proposals,
			limits: Limits {
				max_normal,
				max_normal_length,
				pre_dispatch: info.weight,
				tx_length,
				slot_ms,
			},
			ticks_per_second: node::ticks_per_second(),
			peak_rss_kib: node.pid.and_then(node::peak_rss_kib),
		},
		result,
	);

	if result.included == 0 {
		result.problems.push("no transaction was included".into());
	}
	if result.lost > 0 {
		result.problems.push(format!(
			"{} accepted transactions are in no block ({} of them still in the pool), e.g. {:?}",
			result.lost,
			opt(result.lost_still_in_pool),
			result.lost_sample.first()
		));
	}
	if result.failed > 0 {
		result
			.problems
			.push(format!("{} included transactions failed: {:?}", result.failed, result.failures));
	}
	if result.unknown_outcome > 0 {
		result
			.problems
			.push(format!("no events read for {} included transactions", result.unknown_outcome));
	}
	if args.smoke && result.rejected > 0 {
		result
			.problems
			.push(format!("{} refused at submission: {:?}", result.rejected, result.rejections));
	}
	if result.reported > 0 {
		eprintln!(
			"   note: supervision reported {} of the load: {:?}",
			result.reported, result.reports
		);
	}
	eprintln!(
		"   {} included ({} lost, {} failed, {} refused); {}",
		result.included,
		result.lost,
		result.failed,
		result.rejected,
		result
			.throughput
			.as_ref()
			.map(|t| format!("{:.1} tx/s", t.tx_per_s))
			.unwrap_or_else(|| "no throughput".into())
	);
	Ok(result)
}

fn opt(value: Option<usize>) -> String {
	value.map(|v| v.to_string()).unwrap_or_else(|| "unknown".into())
}

/// Sign `count` transactions: round `r` has every sender send one, at its nonce + `r`, to the
/// receiver `(sender + r)` along, so that each receiver gets its share too. Signed on every core.
#[allow(clippy::too_many_arguments)]
fn sign_load(
	workload: Workload,
	senders: &[Account],
	receivers: &[Account],
	maker: &fxchain_primitives::AccountId,
	nonces: &[Nonce],
	count: usize,
	quote: u64,
	genesis: H256,
) -> Vec<Signed> {
	let sign = |i: usize| {
		let (sender, round) = (i % senders.len(), i / senders.len());
		let to = match receivers.len() {
			0 => maker,
			n => &receivers[(sender + round) % n].id,
		};
		let from = &senders[sender];
		let nonce = nonces[sender] + round as Nonce;
		Signed::new(&from.pair, workload.call(&from.id, to, quote), nonce, genesis)
	};
	let threads = std::thread::available_parallelism().map(usize::from).unwrap_or(1);
	let chunk = count.div_ceil(threads).max(1);
	std::thread::scope(|scope| {
		let handles: Vec<_> = (0..count)
			.step_by(chunk)
			.map(|start| {
				let sign = &sign;
				scope.spawn(move || {
					(start..(start + chunk).min(count)).map(sign).collect::<Vec<_>>()
				})
			})
			.collect();
		handles
			.into_iter()
			.flat_map(|h| h.join().expect("signing does not panic; qed"))
			.collect()
	})
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn the_load_spreads_over_senders_and_receivers_with_consecutive_nonces() {
		let senders = Account::group(Group::Senders, 3);
		let receivers = Account::group(Group::Residents, 2);
		let maker = Sr25519Keyring::Dave.to_account_id();
		let genesis = H256::repeat_byte(1);
		let txs =
			sign_load(Workload::Transfer, &senders, &receivers, &maker, &[5, 0, 9], 7, 0, genesis);
		assert_eq!(txs.len(), 7);
		let decoded: Vec<fxchain_runtime::UncheckedExtrinsic> = txs
			.iter()
			.map(|tx| {
				let bytes = hex::decode(tx.hex.trim_start_matches("0x")).unwrap();
				assert_eq!(chain::extrinsic_hash(&bytes), tx.hash);
				codec::Decode::decode(&mut bytes.as_slice()).unwrap()
			})
			.collect();
		let expected_nonces = [5, 0, 9, 6, 1, 10, 7];
		for (i, xt) in decoded.iter().enumerate() {
			let sp_runtime::generic::Preamble::Signed(sp_runtime::MultiAddress::Id(who), _, ext) =
				&xt.preamble
			else {
				panic!("not signed");
			};
			assert_eq!(who, &senders[i % 3].id, "tx {i}");
			assert_eq!(ext.7 .0, expected_nonces[i], "tx {i}");
			let fxchain_runtime::RuntimeCall::Balances(
				pallet_balances::Call::transfer_keep_alive {
					dest: sp_runtime::MultiAddress::Id(to),
					..
				},
			) = &xt.function
			else {
				panic!("not a transfer");
			};
			assert_eq!(to, &receivers[(i % 3 + i / 3) % 2].id, "tx {i}");
		}
	}
}
