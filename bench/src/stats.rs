//! The arithmetic of the measurements, apart from any I/O so that it can be tested: percentiles,
//! the canonical chain, matching transactions to blocks, the steady window, throughput, skipped
//! slots, finality times, CPU use and `/proc` parsing.

use sp_core::H256;
use std::{
	collections::HashMap,
	time::{Duration, Instant},
};

/// The `p`-th percentile (0 < p <= 100) of `values` by the nearest-rank method: the smallest
/// value that at least `p` percent of the values do not exceed. `None` for no values.
pub fn percentile(values: &[f64], p: f64) -> Option<f64> {
	if values.is_empty() || !(p > 0.0 && p <= 100.0) {
		return None;
	}
	let mut sorted = values.to_vec();
	sorted.sort_by(f64::total_cmp);
	// Nearest rank: ceil(p/100 * n), 1-based.
	let rank = (p / 100.0 * sorted.len() as f64).ceil() as usize;
	sorted.get(rank.clamp(1, sorted.len()) - 1).copied()
}

/// What the monitor knows about one block.
#[derive(Clone, Debug)]
pub struct BlockInfo {
	pub number: u32,
	pub hash: H256,
	pub parent: H256,
	/// When the monitor learnt of the block (its best-head notification).
	pub seen: Instant,
	/// The BABE slot of its pre-runtime digest.
	pub slot: Option<u64>,
	/// The time its timestamp inherent sets, in milliseconds since the Unix epoch.
	pub timestamp: Option<u64>,
	/// The hashes of its extrinsics, in order (`None` until the body is fetched).
	pub extrinsics: Option<Vec<H256>>,
	/// The highest finalized block number known when the block was seen.
	pub finalized_when_seen: u32,
}

/// The chain that ends in `head`, oldest block first, as far back as `blocks` knows it.
pub fn canonical_chain(blocks: &HashMap<H256, BlockInfo>, head: H256) -> Vec<&BlockInfo> {
	let mut chain = Vec::new();
	let mut next = blocks.get(&head);
	while let Some(block) = next {
		chain.push(block);
		// A chain with a gap ends there: the blocks before it cannot be linked.
		next = blocks.get(&block.parent).filter(|parent| parent.number + 1 == block.number);
	}
	chain.reverse();
	chain
}

/// For every submitted hash found in `chain`, the index of its block in `chain` (the first
/// one, should a transaction appear twice) and its index in the block.
pub fn match_inclusions(
	chain: &[&BlockInfo],
	submitted: &HashMap<H256, usize>,
) -> HashMap<usize, (usize, usize)> {
	let mut found = HashMap::new();
	for (block_index, block) in chain.iter().enumerate() {
		for (position, hash) in block.extrinsics.iter().flatten().enumerate() {
			if let Some(tx) = submitted.get(hash) {
				found.entry(*tx).or_insert((block_index, position));
			}
		}
	}
	found
}

/// The blocks under load: the first and last index of `counts` (transactions of the load per
/// block, chain order) that hold any. The steady window is the blocks strictly between them,
/// which excludes the ramp-up (a block that got only the first part of a slot's load) and the
/// drain (what was left over after submission stopped).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LoadSpan {
	pub first: usize,
	pub last: usize,
}

impl LoadSpan {
	pub fn of(counts: &[usize]) -> Option<Self> {
		let first = counts.iter().position(|count| *count > 0)?;
		let last = counts.iter().rposition(|count| *count > 0)?;
		Some(Self { first, last })
	}

	/// The steady window's block indices, `first + 1 ..= last - 1`; empty when the load fitted
	/// in one or two blocks.
	pub fn steady(&self) -> core::ops::Range<usize> {
		(self.first + 1)..self.last.max(self.first + 1)
	}
}

/// Included transactions per second over the steady window of `span`: the window's
/// transactions divided by the time from the block before the window (`first`) to the window's
/// last block, by the blocks' own timestamps. `counts` and `timestamps` are in chain order.
/// Without a steady window (fewer than three blocks under load), over every block under load,
/// from the timestamp of the block before the first one (`None` if it is unknown).
pub fn throughput(
	span: LoadSpan,
	counts: &[usize],
	timestamps: &[Option<u64>],
) -> Option<Throughput> {
	let window = span.steady();
	let (txs, from, to, steady) = if window.is_empty() {
		let from = span.first.checked_sub(1)?;
		let txs: usize = counts.get(span.first..=span.last)?.iter().sum();
		(txs, from, span.last, false)
	} else {
		let txs: usize = counts.get(window.clone())?.iter().sum();
		(txs, span.first, window.end - 1, true)
	};
	let millis = timestamps
		.get(to)
		.copied()
		.flatten()?
		.checked_sub(timestamps.get(from).copied().flatten()?)?;
	if millis == 0 {
		return None;
	}
	let blocks = to - from;
	Some(Throughput {
		per_second: txs as f64 * 1000.0 / millis as f64,
		transactions: txs,
		blocks,
		millis,
		steady,
	})
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Throughput {
	pub per_second: f64,
	pub transactions: usize,
	/// Blocks the transactions were counted in.
	pub blocks: usize,
	/// The span of the blocks' timestamps.
	pub millis: u64,
	/// Whether this is the steady window (or the whole load, which was too short for one).
	pub steady: bool,
}

/// Slots without a block between consecutive blocks with the given slot numbers.
pub fn skipped_slots(slots: &[u64]) -> u64 {
	slots
		.windows(2)
		.map(|pair| pair[1].saturating_sub(pair[0]).saturating_sub(1))
		.sum()
}

/// When each block of `chain` was known final: the first finalized-head notification (number,
/// hash, time) at or above the block's height whose hash is the chain's block at that height
/// (a finalized head on another fork finalizes nothing of this chain). Also returns how many
/// notifications did not match the chain.
pub fn finality_times(
	chain: &[&BlockInfo],
	finalized: &[(u32, H256, Instant)],
) -> (Vec<Option<Instant>>, usize) {
	let mut times = vec![None; chain.len()];
	let mut mismatched = 0;
	let Some(first) = chain.first().map(|block| block.number) else {
		return (times, finalized.len());
	};
	let mut done = 0; // blocks of `chain` known final so far (a prefix).
	for (number, hash, at) in finalized {
		let Some(index) = number.checked_sub(first).map(|i| i as usize) else {
			// Below the chain we know: it finalizes nothing we measure.
			continue;
		};
		match chain.get(index) {
			Some(block) if block.hash == *hash => {
				while done <= index {
					times[done] = Some(*at);
					done += 1;
				}
			},
			Some(_) => mismatched += 1,
			// Beyond the best head we recorded: finalizes everything we know, if it descends
			// from it, which we cannot check; leave it.
			None => {},
		}
	}
	(times, mismatched)
}

/// CPU cores used between two samples of a process's CPU time (clock ticks).
pub fn cores_used(ticks: (u64, u64), at: (Instant, Instant), ticks_per_second: u64) -> Option<f64> {
	let wall = at.1.checked_duration_since(at.0)?;
	if wall.is_zero() || ticks_per_second == 0 {
		return None;
	}
	let cpu = ticks.1.checked_sub(ticks.0)? as f64 / ticks_per_second as f64;
	Some(cpu / wall.as_secs_f64())
}

/// `utime + stime` (clock ticks) from the contents of `/proc/<pid>/stat`. The command name, the
/// second field, is in parentheses and may hold spaces and parentheses itself, so the fields are
/// counted from the last `)`.
pub fn parse_stat_ticks(stat: &str) -> Option<u64> {
	let rest = &stat[stat.rfind(')')? + 1..];
	let fields: Vec<&str> = rest.split_whitespace().collect();
	// After the name: state (field 3) is fields[0]; utime is field 14, stime field 15.
	let utime: u64 = fields.get(11)?.parse().ok()?;
	let stime: u64 = fields.get(12)?.parse().ok()?;
	Some(utime + stime)
}

/// The peak resident set size, `VmHWM`, in KiB, from the contents of `/proc/<pid>/status`.
pub fn parse_vm_hwm(status: &str) -> Option<u64> {
	status
		.lines()
		.find_map(|line| line.strip_prefix("VmHWM:"))
		.and_then(|value| value.trim().strip_suffix("kB"))
		.and_then(|kb| kb.trim().parse().ok())
}

/// What the block author's log says about a block it built: `Prepared block for proposing at
/// <number> (<ms> ms) hash: <hash>; parent_hash: ...; end: <reason>; extrinsics_count: <n>`
/// (sc-basic-authorship). The reason it stopped adding transactions tells which limit bound:
/// `HitBlockWeightLimit`, `HitDeadline` (the proposer's time, that is the CPU),
/// `HitBlockSizeLimit`, or `NoMoreTransactions`. The hash it logs is the unsealed block's, so
/// a block is known by its number and its parent (which the log abbreviates, see
/// [`abbreviate`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proposal {
	pub number: u32,
	pub parent: String,
	pub millis: u64,
	pub end: String,
}

/// A hash as Substrate's logs abbreviate it: `0x` and the first and last two bytes.
pub fn abbreviate(hash: &H256) -> String {
	let bytes = hash.as_bytes();
	format!("0x{}\u{2026}{}", hex::encode(&bytes[..2]), hex::encode(&bytes[30..]))
}

pub fn parse_proposal(line: &str) -> Option<Proposal> {
	let rest = line.split_once("Prepared block for proposing at ")?.1;
	let (number, rest) = rest.split_once(" (")?;
	let (millis, rest) = rest.split_once(" ms)")?;
	let parent = rest.split_once("parent_hash: ")?.1.split(';').next()?.trim();
	let end = rest.split_once("end: ")?.1.split(';').next()?.trim();
	Some(Proposal {
		number: number.trim().parse().ok()?,
		parent: parent.to_string(),
		millis: millis.trim().parse().ok()?,
		end: end.to_string(),
	})
}

/// Seconds between two instants, for latencies (`None` if `to` is before `from`).
pub fn seconds(from: Instant, to: Instant) -> Option<f64> {
	to.checked_duration_since(from).map(|d: Duration| d.as_secs_f64())
}

#[cfg(test)]
mod tests {
	use super::*;

	fn hash(n: u8) -> H256 {
		H256::repeat_byte(n)
	}

	/// Blocks `numbers` (chained by parent hash), each holding the given extrinsic hashes.
	fn chain_of(numbers: &[(u32, u8, u8, Vec<H256>)]) -> HashMap<H256, BlockInfo> {
		let now = Instant::now();
		numbers
			.iter()
			.map(|(number, own, parent, extrinsics)| {
				let info = BlockInfo {
					number: *number,
					hash: hash(*own),
					parent: hash(*parent),
					seen: now,
					slot: None,
					timestamp: None,
					extrinsics: Some(extrinsics.clone()),
					finalized_when_seen: 0,
				};
				(hash(*own), info)
			})
			.collect()
	}

	#[test]
	fn percentiles_use_the_nearest_rank() {
		let values: Vec<f64> = (1..=20).map(f64::from).collect();
		assert_eq!(percentile(&values, 50.0), Some(10.0));
		assert_eq!(percentile(&values, 95.0), Some(19.0));
		assert_eq!(percentile(&values, 100.0), Some(20.0));
		// Order does not matter.
		let reversed: Vec<f64> = values.iter().rev().copied().collect();
		assert_eq!(percentile(&reversed, 95.0), Some(19.0));
		assert_eq!(percentile(&[7.0], 50.0), Some(7.0));
		assert_eq!(percentile(&[1.0, 2.0], 50.0), Some(1.0));
		assert_eq!(percentile(&[], 50.0), None);
		assert_eq!(percentile(&values, 0.0), None);
	}

	#[test]
	fn the_canonical_chain_follows_parents_and_leaves_forks_out() {
		// 1 <- 2 <- 3 <- 4, and a fork 3' on 2.
		let blocks = chain_of(&[
			(1, 1, 0, vec![]),
			(2, 2, 1, vec![]),
			(3, 3, 2, vec![]),
			(3, 33, 2, vec![]),
			(4, 4, 3, vec![]),
		]);
		let chain: Vec<u32> = canonical_chain(&blocks, hash(4)).iter().map(|b| b.number).collect();
		assert_eq!(chain, vec![1, 2, 3, 4]);
		let hashes: Vec<H256> = canonical_chain(&blocks, hash(4)).iter().map(|b| b.hash).collect();
		assert!(!hashes.contains(&hash(33)));
		// A gap ends the chain.
		let gapped = chain_of(&[(1, 1, 0, vec![]), (3, 3, 2, vec![]), (4, 4, 3, vec![])]);
		let chain: Vec<u32> = canonical_chain(&gapped, hash(4)).iter().map(|b| b.number).collect();
		assert_eq!(chain, vec![3, 4]);
	}

	#[test]
	fn transactions_match_their_block_on_the_chain_only() {
		let (a, b, c, d) = (hash(0xa), hash(0xb), hash(0xc), hash(0xd));
		let blocks = chain_of(&[
			(1, 1, 0, vec![hash(0xee), a]),
			(2, 2, 1, vec![hash(0xee), b, a]),
			// `c` only in a fork.
			(2, 22, 1, vec![hash(0xee), c]),
			(3, 3, 2, vec![hash(0xee)]),
		]);
		let chain = canonical_chain(&blocks, hash(3));
		let submitted: HashMap<H256, usize> =
			[(a, 0), (b, 1), (c, 2), (d, 3)].into_iter().collect();
		let found = match_inclusions(&chain, &submitted);
		// `a` counts once, in its first block; `c` (forked out) and `d` (never seen) are missing.
		assert_eq!(found.get(&0), Some(&(0, 1)));
		assert_eq!(found.get(&1), Some(&(1, 1)));
		assert_eq!(found.get(&2), None);
		assert_eq!(found.get(&3), None);
		assert_eq!(found.len(), 2);
	}

	#[test]
	fn the_steady_window_excludes_ramp_up_and_drain() {
		let counts = [0, 0, 120, 900, 950, 940, 300, 0];
		let span = LoadSpan::of(&counts).unwrap();
		assert_eq!(span, LoadSpan { first: 2, last: 6 });
		assert_eq!(span.steady(), 3..6);
		assert_eq!(LoadSpan::of(&[0, 0]), None);
		// One or two loaded blocks: no steady window.
		assert!(LoadSpan::of(&[0, 5, 0]).unwrap().steady().is_empty());
		assert!(LoadSpan::of(&[5, 6]).unwrap().steady().is_empty());
	}

	#[test]
	fn throughput_divides_the_windows_transactions_by_its_time_span() {
		let counts = [0, 120, 900, 960, 300];
		let ts = [Some(0), Some(6_000), Some(12_000), Some(18_000), Some(24_000)];
		let span = LoadSpan::of(&counts).unwrap();
		let t = throughput(span, &counts, &ts).unwrap();
		// Blocks 2 and 3: 1,860 transactions from t=6 s (block 1) to t=18 s: 155/s.
		assert!(t.steady);
		assert_eq!((t.transactions, t.blocks, t.millis), (1_860, 2, 12_000));
		assert!((t.per_second - 155.0).abs() < 1e-9);
		// A missed slot lengthens the span: 1,860 in 18 s.
		let late = [Some(0), Some(6_000), Some(18_000), Some(24_000), Some(30_000)];
		let t = throughput(span, &counts, &late).unwrap();
		assert!((t.per_second - 1_860.0 / 18.0).abs() < 1e-9);
		// Too short for a window: every loaded block over the time since the block before.
		let short = [0, 50, 70];
		let t = throughput(LoadSpan::of(&short).unwrap(), &short, &ts[..3]).unwrap();
		assert!(!t.steady);
		assert!((t.per_second - 10.0).abs() < 1e-9);
		// An unknown timestamp gives no figure rather than a wrong one.
		let unknown = [Some(0), None, Some(12_000), Some(18_000), Some(24_000)];
		assert_eq!(throughput(span, &counts, &unknown), None);
	}

	#[test]
	fn skipped_slots_count_the_gaps_between_consecutive_blocks() {
		assert_eq!(skipped_slots(&[10, 11, 12, 13]), 0);
		assert_eq!(skipped_slots(&[10, 12, 13, 17]), 1 + 3);
		assert_eq!(skipped_slots(&[10]), 0);
		assert_eq!(skipped_slots(&[]), 0);
	}

	#[test]
	fn a_block_is_final_when_a_finalized_head_on_its_chain_reaches_it() {
		let blocks =
			chain_of(&[(5, 5, 4, vec![]), (6, 6, 5, vec![]), (7, 7, 6, vec![]), (8, 8, 7, vec![])]);
		let chain = canonical_chain(&blocks, hash(8));
		let t0 = Instant::now();
		let t = |s| t0 + Duration::from_secs(s);
		let finalized = [
			(4, hash(4), t(1)),
			(6, hash(6), t(2)),
			// A head on another fork at 7 finalizes nothing here.
			(7, hash(77), t(3)),
			(8, hash(8), t(4)),
		];
		let (times, mismatched) = finality_times(&chain, &finalized);
		assert_eq!(times, vec![Some(t(2)), Some(t(2)), Some(t(4)), Some(t(4))]);
		assert_eq!(mismatched, 1);
		let (times, _) = finality_times(&chain, &finalized[..2]);
		assert_eq!(times, vec![Some(t(2)), Some(t(2)), None, None]);
	}

	#[test]
	fn cpu_is_ticks_over_wall_time() {
		let t0 = Instant::now();
		let t1 = t0 + Duration::from_secs(10);
		assert_eq!(cores_used((1_000, 2_500), (t0, t1), 100), Some(1.5));
		assert_eq!(cores_used((1_000, 2_500), (t0, t0), 100), None);
		assert_eq!(cores_used((2_500, 1_000), (t0, t1), 100), None);
	}

	#[test]
	fn the_authors_log_tells_how_long_a_block_took_and_why_it_ended() {
		let hash = "c8e21f89d8174b972fdee94429738fa29912f60051960f403c882e599630e091";
		let line = format!(
			"2026-12-01 18:25:12 \u{1f381} Prepared block for proposing at 4 (836 ms) hash: \
			 0x{hash}; parent_hash: 0xe7b5\u{2026}aa4e; end: HitBlockWeightLimit; \
			 extrinsics_count: 3409    "
		);
		let proposal = parse_proposal(&line).unwrap();
		assert_eq!(proposal.number, 4);
		assert_eq!(proposal.millis, 836);
		assert_eq!(proposal.end, "HitBlockWeightLimit");
		let mut parent = [0u8; 32];
		parent[..2].copy_from_slice(&[0xe7, 0xb5]);
		parent[30..].copy_from_slice(&[0xaa, 0x4e]);
		assert_eq!(proposal.parent, abbreviate(&H256(parent)));
		assert_ne!(proposal.parent, abbreviate(&H256::repeat_byte(0xe7)));
		assert_eq!(parse_proposal("2026-12-01 18:25:12 Imported #4 (0xc8e2\u{2026}e091)"), None);
		assert_eq!(parse_proposal("Prepared block for proposing at x (1 ms) hash: 0x12"), None);
	}

	#[test]
	fn proc_files_parse_even_with_odd_command_names() {
		let stat = "4242 (fxchain (node) x) S 1 4242 4242 0 -1 4194560 9000 0 0 0 1234 567 0 0 20 \
		            0 30 0 100 2000000 5000 18446744073709551615";
		assert_eq!(parse_stat_ticks(stat), Some(1_234 + 567));
		assert_eq!(parse_stat_ticks("garbage"), None);
		let status =
			"Name:\tfxchain-node\nVmPeak:\t 2000000 kB\nVmHWM:\t  412345 kB\nVmRSS:\t 400000 kB\n";
		assert_eq!(parse_vm_hwm(status), Some(412_345));
		assert_eq!(parse_vm_hwm("Name: x\n"), None);
	}
}
