//! From what was submitted and what the blocks hold to the figures: one result per workload, the
//! table, and the JSON.

use crate::{
	chain::{self, Events, Outcome},
	load::{Observed, Submitted},
	stats::{self, BlockInfo, LoadSpan},
	workload::Workload,
};
use serde::Serialize;
use sp_core::H256;
use sp_runtime::Weight;
use std::collections::{BTreeMap, HashMap};

/// The canonical chain as the monitor saw it, and where the load landed in it.
pub struct ChainView {
	pub chain: Vec<BlockInfo>,
	/// Submission index -> (index in `chain`, index in the block).
	pub found: HashMap<usize, (usize, usize)>,
	/// Load transactions per block of `chain`.
	pub counts: Vec<usize>,
	pub span: Option<LoadSpan>,
	/// Blocks seen that are not on the chain (forks).
	pub orphans: usize,
}

impl ChainView {
	pub fn new(observed: &Observed, submitted: &Submitted) -> Self {
		let chain: Vec<BlockInfo> = observed
			.best
			.map(|head| {
				stats::canonical_chain(&observed.blocks, head).into_iter().cloned().collect()
			})
			.unwrap_or_default();
		let refs: Vec<&BlockInfo> = chain.iter().collect();
		let by_hash: HashMap<H256, usize> =
			submitted.submissions.iter().enumerate().map(|(i, s)| (s.hash, i)).collect();
		let found = stats::match_inclusions(&refs, &by_hash);
		let mut counts = vec![0; chain.len()];
		for (block, _) in found.values() {
			counts[*block] += 1;
		}
		let span = LoadSpan::of(&counts);
		let orphans = observed.blocks.len().saturating_sub(chain.len());
		Self { chain, found, counts, span, orphans }
	}

	/// The blocks that hold load, whose events and weights are read after the run.
	pub fn loaded_blocks(&self) -> Vec<H256> {
		self.chain
			.iter()
			.zip(&self.counts)
			.filter(|(_, c)| **c > 0)
			.map(|(b, _)| b.hash)
			.collect()
	}
}

/// What the runtime allows per block and costs per transaction.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
	/// `RuntimeBlockWeights`' normal-class `max_total`.
	pub max_normal: Weight,
	/// `RuntimeBlockLength`'s normal-class maximum, in bytes.
	pub max_normal_length: u32,
	/// A load transaction's pre-dispatch weight (`TransactionPaymentApi_query_info`).
	pub pre_dispatch: Weight,
	pub tx_length: usize,
	pub slot_ms: u64,
}

#[derive(Serialize, Default, Clone)]
pub struct WorkloadReport {
	pub workload: Option<Workload>,
	/// An error that stopped the workload before it was measured.
	pub error: Option<String>,
	pub node: NodeSummary,
	pub config: Config,
	pub setup_seconds: f64,
	pub submitted: usize,
	pub accepted: usize,
	pub rejected: usize,
	/// Refused at submission but in a block anyway (an RPC time-out, say).
	pub rejected_but_included: usize,
	pub included: usize,
	/// Accepted but in no block of the chain by the end.
	pub lost: usize,
	/// Of the lost, how many the pool still held at the end.
	pub lost_still_in_pool: Option<usize>,
	pub lost_sample: Vec<H256>,
	/// Included, but the dispatch failed or supervision held or denied the payment.
	pub failed: usize,
	/// Included, but no events were read for them.
	pub unknown_outcome: usize,
	pub reported: usize,
	pub rejections: BTreeMap<String, usize>,
	pub failures: BTreeMap<String, usize>,
	pub reports: BTreeMap<String, usize>,
	pub submission: SubmissionSummary,
	pub throughput: Option<ThroughputSummary>,
	pub ratio_to_transfer: Option<f64>,
	pub per_block: PerBlock,
	pub missed_slots: Option<u64>,
	/// Blocks of the steady window without a transaction of the load, though the load was
	/// waiting (on the dev chain, the first block of each one-minute session: pallet-session
	/// charges a rotation the whole block).
	pub empty_blocks: Vec<u32>,
	pub latency: Latency,
	pub finality_lag: FinalityLag,
	pub cpu: Cpu,
	pub binds: String,
	pub blocks: Vec<BlockSummary>,
	pub monitor: MonitorSummary,
	/// Why this run counts as failed (empty when it passed).
	pub problems: Vec<String>,
}

#[derive(Serialize, Default, Clone)]
pub struct NodeSummary {
	pub url: String,
	pub log: Option<String>,
	pub spec_version: u32,
	pub transaction_version: u32,
}

#[derive(Serialize, Default, Clone)]
pub struct Config {
	pub smoke: bool,
	pub senders: usize,
	pub receivers: usize,
	pub transactions: usize,
	pub rate: f64,
	pub in_flight: usize,
	pub connections: usize,
}

#[derive(Serialize, Default, Clone)]
pub struct SubmissionSummary {
	pub seconds: f64,
	/// Submissions per second actually achieved.
	pub rate: f64,
	pub hash_mismatches: usize,
}

#[derive(Serialize, Default, Clone)]
pub struct ThroughputSummary {
	pub tx_per_s: f64,
	pub transactions: usize,
	pub blocks: usize,
	pub millis: u64,
	/// The steady window (blocks strictly between the first and last with load), or, when the
	/// load was too short for one, every loaded block.
	pub steady: bool,
	pub first_block: u32,
	pub last_block: u32,
}

#[derive(Serialize, Default, Clone)]
pub struct PerBlock {
	/// Transactions per block the weights allow: normal `max_total` over the weight one
	/// transaction is charged after dispatch (what fills the block), and over its
	/// pre-dispatch weight; the block length's limit besides.
	pub ceiling: Option<u64>,
	pub ceiling_pre_dispatch: Option<u64>,
	pub ceiling_by_length: Option<u64>,
	pub tx_weight_ps: Option<u64>,
	pub tx_weight_pre_dispatch_ps: u64,
	pub tx_length: usize,
	pub max_normal_ps: u64,
	/// Most load transactions in one block (any block).
	pub max: usize,
	/// Mean load transactions per block of the steady window.
	pub mean: Option<f64>,
	/// Normal-class weight used over `max_total`, in the steady window.
	pub fill_max: Option<f64>,
	pub fill_mean: Option<f64>,
	/// The author's time to build a block of the steady window that holds load (of about 3 s
	/// it may take: the proposer gets half the 6 s slot), mean and most.
	pub build_ms_mean: Option<f64>,
	pub build_ms_max: Option<u64>,
	/// Why the author stopped filling the window's blocks, and how often.
	pub ends: BTreeMap<String, usize>,
}

#[derive(Serialize, Default, Clone)]
pub struct Latency {
	pub inclusion_p50: Option<f64>,
	pub inclusion_p95: Option<f64>,
	pub finality_p50: Option<f64>,
	pub finality_p95: Option<f64>,
	/// Included but not known final by the end.
	pub not_finalized: usize,
	pub finalized_heads_off_chain: usize,
}

#[derive(Serialize, Default, Clone)]
pub struct FinalityLag {
	/// Best minus finalized block number when each loaded block arrived.
	pub max: Option<u32>,
	pub mean: Option<f64>,
}

#[derive(Serialize, Default, Clone)]
pub struct Cpu {
	/// The node's CPU time over the window, in cores (2.0 = both cores busy).
	pub node_cores: Option<f64>,
	/// This benchmark's own, over the same time (it shares the machine).
	pub bench_cores: Option<f64>,
	/// The node's peak resident memory (`VmHWM`), MiB.
	pub node_peak_rss_mib: Option<f64>,
}

#[derive(Serialize, Default, Clone)]
pub struct BlockSummary {
	pub number: u32,
	/// How long the author took to build it, and why it stopped adding transactions (from
	/// the node's log, when the benchmark started the node).
	pub build_ms: Option<u64>,
	pub end: Option<String>,
	pub hash: H256,
	pub slot: Option<u64>,
	pub timestamp: Option<u64>,
	pub extrinsics: usize,
	pub load: usize,
	pub normal_fill: Option<f64>,
	pub finality_lag: u32,
}

#[derive(Serialize, Default, Clone)]
pub struct MonitorSummary {
	pub blocks_seen: usize,
	pub orphans: usize,
	pub gap_filled: usize,
	pub errors: Vec<String>,
}

/// Everything read back after the run, per loaded block.
pub struct BlockEvents {
	pub events: Option<Events>,
	pub normal_weight: Option<Weight>,
}

pub struct Measured<'a> {
	pub workload: Workload,
	pub observed: &'a Observed,
	pub submitted: &'a Submitted,
	pub view: &'a ChainView,
	pub events: &'a HashMap<H256, BlockEvents>,
	/// The author's account of each block it built, by number and abbreviated parent hash
	/// (empty for a node we did not start).
	pub proposals: &'a HashMap<(u32, String), stats::Proposal>,
	pub limits: Limits,
	pub ticks_per_second: u64,
	pub peak_rss_kib: Option<u64>,
}

fn ratio(value: u64, per: u64) -> Option<u64> {
	value.checked_div(per)
}

pub fn summarise(m: Measured<'_>, mut result: WorkloadReport) -> WorkloadReport {
	let Measured {
		workload,
		observed,
		submitted,
		view,
		events,
		proposals,
		limits,
		ticks_per_second,
		peak_rss_kib,
	} = m;
	result.workload = Some(workload);
	let subs = &submitted.submissions;
	result.submitted = subs.len();
	result.accepted = subs.iter().filter(|s| s.result.is_ok()).count();
	result.rejected = subs.len() - result.accepted;
	let first_sent = subs.iter().map(|s| s.sent).min();
	let last_sent = subs.iter().map(|s| s.sent).max();
	let seconds = match (first_sent, last_sent) {
		(Some(a), Some(b)) => stats::seconds(a, b).unwrap_or_default(),
		_ => 0.0,
	};
	result.submission = SubmissionSummary {
		seconds,
		rate: if seconds > 0.0 { subs.len().saturating_sub(1) as f64 / seconds } else { 0.0 },
		hash_mismatches: submitted.hash_mismatches,
	};
	for s in subs {
		if let Err((_, message)) = &s.result {
			*result.rejections.entry(message.clone()).or_default() += 1;
		}
	}

	// Inclusion, outcome and latency of every transaction.
	let chain = &view.chain;
	let (finality, off_chain) = {
		let refs: Vec<&BlockInfo> = chain.iter().collect();
		stats::finality_times(&refs, &observed.finalized)
	};
	let outcomes: HashMap<H256, std::collections::BTreeMap<u32, Outcome>> = events
		.iter()
		.filter_map(|(hash, e)| e.events.as_ref().map(|ev| (*hash, chain::outcomes(ev))))
		.collect();
	let mut inclusion = Vec::new();
	let mut finalization = Vec::new();
	let mut weights = Vec::new();
	for (index, s) in subs.iter().enumerate() {
		match view.found.get(&index) {
			Some((block, position)) => {
				result.included += 1;
				if s.result.is_err() {
					result.rejected_but_included += 1;
				}
				let info = &chain[*block];
				inclusion.extend(stats::seconds(s.sent, info.seen));
				match finality[*block] {
					Some(at) => finalization.extend(stats::seconds(s.sent, at)),
					None => result.latency.not_finalized += 1,
				}
				match outcomes.get(&info.hash).and_then(|o| o.get(&(*position as u32))) {
					Some(outcome) => {
						if outcome.ok() {
							weights.extend(outcome.weight.map(|w| w.ref_time()));
						} else {
							result.failed += 1;
							let why = outcome
								.problem
								.clone()
								.unwrap_or_else(|| "no outcome event".into());
							*result.failures.entry(why).or_default() += 1;
						}
						if let Some(reasons) = &outcome.reported {
							result.reported += 1;
							*result.reports.entry(reasons.clone()).or_default() += 1;
						}
					},
					None => result.unknown_outcome += 1,
				}
			},
			None if s.result.is_ok() => {
				result.lost += 1;
				if result.lost_sample.len() < 20 {
					result.lost_sample.push(s.hash);
				}
			},
			None => {},
		}
	}
	result.latency.finalized_heads_off_chain = off_chain;
	result.latency.inclusion_p50 = stats::percentile(&inclusion, 50.0);
	result.latency.inclusion_p95 = stats::percentile(&inclusion, 95.0);
	result.latency.finality_p50 = stats::percentile(&finalization, 50.0);
	result.latency.finality_p95 = stats::percentile(&finalization, 95.0);

	// The weight ceiling.
	let max_ps = limits.max_normal.ref_time();
	let charged = stats::percentile(&weights.iter().map(|w| *w as f64).collect::<Vec<_>>(), 50.0)
		.map(|w| w as u64);
	result.per_block.max_normal_ps = max_ps;
	result.per_block.tx_weight_ps = charged;
	result.per_block.tx_weight_pre_dispatch_ps = limits.pre_dispatch.ref_time();
	result.per_block.tx_length = limits.tx_length;
	let by_length = ratio(u64::from(limits.max_normal_length), limits.tx_length as u64);
	result.per_block.ceiling_by_length = by_length;
	let cap = |weight: Option<u64>| {
		let by_weight = weight.and_then(|w| ratio(max_ps, w));
		match (by_weight, by_length) {
			(Some(w), Some(l)) => Some(w.min(l)),
			(w, l) => w.or(l),
		}
	};
	result.per_block.ceiling = cap(charged);
	result.per_block.ceiling_pre_dispatch = cap(Some(limits.pre_dispatch.ref_time()));
	result.per_block.max = view.counts.iter().copied().max().unwrap_or_default();

	// The window.
	let lag = |b: &BlockInfo| b.number.saturating_sub(b.finalized_when_seen);
	for (block, count) in chain.iter().zip(&view.counts) {
		let fill = events
			.get(&block.hash)
			.and_then(|e| e.normal_weight)
			.and_then(|w| (max_ps > 0).then(|| w.ref_time() as f64 / max_ps as f64));
		let proposal = proposals.get(&(block.number, stats::abbreviate(&block.parent)));
		result.blocks.push(BlockSummary {
			number: block.number,
			build_ms: proposal.map(|p| p.millis),
			end: proposal.map(|p| p.end.clone()),
			hash: block.hash,
			slot: block.slot,
			timestamp: block.timestamp,
			extrinsics: block.extrinsics.as_ref().map(Vec::len).unwrap_or_default(),
			load: *count,
			normal_fill: fill,
			finality_lag: lag(block),
		});
	}
	if let Some(span) = view.span {
		let timestamps: Vec<Option<u64>> = chain.iter().map(|b| b.timestamp).collect();
		let t = stats::throughput(span, &view.counts, &timestamps);
		result.throughput = t.map(|t| ThroughputSummary {
			tx_per_s: t.per_second,
			transactions: t.transactions,
			blocks: t.blocks,
			millis: t.millis,
			steady: t.steady,
			first_block: chain[span.first].number,
			last_block: chain[span.last].number,
		});
		let window = span.steady();
		if !window.is_empty() {
			result.empty_blocks = chain[window.clone()]
				.iter()
				.zip(&view.counts[window.clone()])
				.filter(|(_, count)| **count == 0)
				.map(|(block, _)| block.number)
				.collect();
			let counts = &view.counts[window.clone()];
			result.per_block.mean = Some(counts.iter().sum::<usize>() as f64 / counts.len() as f64);
			let fills: Vec<f64> =
				result.blocks[window.clone()].iter().filter_map(|b| b.normal_fill).collect();
			result.per_block.fill_max = fills.iter().copied().reduce(f64::max);
			result.per_block.fill_mean =
				(!fills.is_empty()).then(|| fills.iter().sum::<f64>() / fills.len() as f64);
			// Blocks with load only: an empty one (a session rotation) built in no time.
			let built: Vec<u64> = result.blocks[window.clone()]
				.iter()
				.filter(|b| b.load > 0)
				.filter_map(|b| b.build_ms)
				.collect();
			result.per_block.build_ms_max = built.iter().copied().max();
			result.per_block.build_ms_mean =
				(!built.is_empty()).then(|| built.iter().sum::<u64>() as f64 / built.len() as f64);
			for (block, count) in
				result.blocks[window.clone()].iter().zip(&view.counts[window.clone()])
			{
				if let (Some(end), true) = (&block.end, *count > 0) {
					*result.per_block.ends.entry(end.clone()).or_default() += 1;
				}
			}
		}
		// Skipped slots and finality lag over every block under load.
		let loaded = &chain[span.first..=span.last];
		let slots: Vec<u64> = loaded.iter().filter_map(|b| b.slot).collect();
		result.missed_slots = (slots.len() == loaded.len()).then(|| stats::skipped_slots(&slots));
		let lags: Vec<u32> = loaded.iter().map(lag).collect();
		result.finality_lag.max = lags.iter().copied().max();
		result.finality_lag.mean = Some(lags.iter().sum::<u32>() as f64 / lags.len() as f64);
		// CPU over the same time as the throughput.
		let (from, to) = if window.is_empty() {
			(span.first.saturating_sub(1), span.last)
		} else {
			(span.first, window.end - 1)
		};
		let sample = |i: usize| observed.cpu.get(&chain[i].hash).copied();
		if let (Some((node_a, own_a)), Some((node_b, own_b))) = (sample(from), sample(to)) {
			let at = (chain[from].seen, chain[to].seen);
			result.cpu.node_cores = node_a
				.zip(node_b)
				.and_then(|ticks| stats::cores_used(ticks, at, ticks_per_second));
			result.cpu.bench_cores = own_a
				.zip(own_b)
				.and_then(|ticks| stats::cores_used(ticks, at, ticks_per_second));
		}
	}
	result.cpu.node_peak_rss_mib = peak_rss_kib.map(|kib| kib as f64 / 1024.0);
	result.binds = binds(&result, limits.slot_ms);
	result.monitor = MonitorSummary {
		blocks_seen: observed.blocks.len(),
		orphans: view.orphans,
		gap_filled: observed.gap_filled,
		errors: observed.errors.clone(),
	};
	result
}

/// Which limit the load met. The author says why it stopped filling each block: the weight
/// limit, its deadline (the CPU), the size limit, or no more transactions (the chain kept up
/// with the offered rate); the most common reason in the window counts. Without the author's
/// log: the weight when the fullest block reached 95% of the ceiling, the CPU when blocks
/// stayed below it although transactions were waiting.
fn binds(result: &WorkloadReport, slot_ms: u64) -> String {
	// Too short a load for a steady window says nothing about limits.
	let Some(throughput) = result.throughput.as_ref().filter(|t| t.steady) else {
		return "-".into();
	};
	if let Some((end, _)) = result.per_block.ends.iter().max_by_key(|(_, count)| **count) {
		return match end.as_str() {
			"HitBlockWeightLimit" => "weight",
			"HitDeadline" => "cpu",
			"HitBlockSizeLimit" => "length",
			"NoMoreTransactions" => "offered rate",
			other => other,
		}
		.into();
	}
	if let Some(ceiling) = result.per_block.ceiling {
		if result.per_block.max as f64 >= 0.95 * ceiling as f64 {
			return "weight".into();
		}
	}
	// Waiting transactions: the chain included less than was offered, or they waited for more
	// than two slots.
	let backlog = throughput.tx_per_s < 0.95 * result.submission.rate
		|| result
			.latency
			.inclusion_p95
			.is_some_and(|p95| p95 * 1000.0 > 2.0 * slot_ms as f64);
	if backlog {
		"cpu".into()
	} else {
		"offered rate".into()
	}
}

/// The ratio of each workload's rate to the transfer baseline of the same run.
pub fn add_ratios(results: &mut [WorkloadReport]) {
	let baseline = results
		.iter()
		.find(|r| r.workload == Some(Workload::Transfer))
		.and_then(|r| r.throughput.as_ref())
		.map(|t| t.tx_per_s);
	for result in results {
		result.ratio_to_transfer = match (baseline, &result.throughput) {
			(Some(base), Some(t)) if base > 0.0 => Some(t.tx_per_s / base),
			_ => None,
		};
	}
}

fn opt(value: Option<f64>, decimals: usize) -> String {
	value.map(|v| format!("{v:.decimals$}")).unwrap_or_else(|| "-".into())
}

fn opt_int<T: ToString>(value: Option<T>) -> String {
	value.map(|v| v.to_string()).unwrap_or_else(|| "-".into())
}

/// The table, one row per workload.
pub fn table(results: &[WorkloadReport]) -> String {
	let header = [
		"workload",
		"tx/s",
		"x transfer",
		"ceiling/blk",
		"max/blk",
		"mean/blk",
		"missed slots",
		"empty blk",
		"incl p50/p95 s",
		"final p50/p95 s",
		"fin lag",
		"build ms",
		"CPU cores",
		"RSS MiB",
		"sub/incl/rej/lost/failed",
		"binds",
	];
	let mut rows: Vec<Vec<String>> = vec![header.iter().map(|h| h.to_string()).collect()];
	for r in results {
		let name = r.workload.map(Workload::name).unwrap_or("?").to_string();
		if let Some(error) = &r.error {
			rows.push(vec![name, format!("error: {error}")]);
			continue;
		}
		let tx_per_s = r
			.throughput
			.as_ref()
			.map(|t| format!("{:.1}{}", t.tx_per_s, if t.steady { "" } else { "*" }));
		rows.push(vec![
			name,
			tx_per_s.unwrap_or_else(|| "-".into()),
			opt(r.ratio_to_transfer, 2),
			opt_int(r.per_block.ceiling),
			r.per_block.max.to_string(),
			opt(r.per_block.mean, 1),
			opt_int(r.missed_slots),
			if r.throughput.is_some() { r.empty_blocks.len().to_string() } else { "-".into() },
			format!("{}/{}", opt(r.latency.inclusion_p50, 1), opt(r.latency.inclusion_p95, 1)),
			format!("{}/{}", opt(r.latency.finality_p50, 1), opt(r.latency.finality_p95, 1)),
			opt_int(r.finality_lag.max),
			opt(r.per_block.build_ms_mean, 0),
			opt(r.cpu.node_cores, 2),
			opt(r.cpu.node_peak_rss_mib, 0),
			format!("{}/{}/{}/{}/{}", r.submitted, r.included, r.rejected, r.lost, r.failed),
			r.binds.clone(),
		]);
	}
	let columns = header.len();
	let widths: Vec<usize> = (0..columns)
		.map(|c| {
			rows.iter()
				.filter(|row| row.len() == columns)
				.map(|row| row[c].len())
				.max()
				.unwrap_or(0)
		})
		.collect();
	let mut out = String::new();
	for row in &rows {
		let line: Vec<String> = if row.len() == columns {
			row.iter()
				.enumerate()
				.map(|(c, cell)| {
					if c == 0 {
						format!("{cell:<w$}", w = widths[c])
					} else {
						format!("{cell:>w$}", w = widths[c])
					}
				})
				.collect()
		} else {
			row.clone()
		};
		out.push_str(line.join("  ").trim_end());
		out.push('\n');
	}
	out
}
