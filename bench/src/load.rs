//! The load: pre-signed transactions submitted at a fixed rate with bounded concurrency, and a
//! monitor that records every best and finalized head as it arrives (with the node's CPU time at
//! that moment) and fetches each new block's body.

use crate::{
	chain, node,
	rpc::{self, Rpc},
	setup::Signed,
	stats::BlockInfo,
};
use anyhow::Result;
use fxchain_runtime::Header;
use sp_core::H256;
use std::{
	collections::{HashMap, HashSet},
	sync::{Arc, Mutex},
	time::{Duration, Instant},
};
use tokio::{
	sync::{mpsc, watch, Semaphore},
	task::JoinHandle,
};

/// What the monitor saw.
#[derive(Default)]
pub struct Observed {
	pub blocks: HashMap<H256, BlockInfo>,
	/// The latest best head.
	pub best: Option<H256>,
	/// Every finalized-head notification: number, hash, arrival.
	pub finalized: Vec<(u32, H256, Instant)>,
	pub finalized_number: u32,
	/// CPU time (clock ticks) of the node and of this process when each block was seen.
	pub cpu: HashMap<H256, (Option<u64>, Option<u64>)>,
	/// Every extrinsic hash of every fetched block (any fork), with its block's number.
	pub extrinsics: HashMap<H256, u32>,
	/// Blocks learnt of by walking back from a head (their best notification was skipped).
	pub gap_filled: usize,
	pub errors: Vec<String>,
}

pub struct Monitor {
	pub observed: Arc<Mutex<Observed>>,
	stop: watch::Sender<bool>,
	heads: JoinHandle<()>,
	bodies: JoinHandle<()>,
}

fn lock(observed: &Mutex<Observed>) -> std::sync::MutexGuard<'_, Observed> {
	// A panic elsewhere poisons the lock; the data is still what was recorded.
	observed.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Monitor {
	pub async fn start(rpc: &Rpc, node_pid: Option<u32>) -> Result<Self> {
		let observed = Arc::new(Mutex::new(Observed::default()));
		let mut best = rpc.subscribe_heads(false).await?;
		let mut finalized = rpc.subscribe_heads(true).await?;
		let (stop, mut stopped) = watch::channel(false);
		let (to_fetch, mut fetch_queue) = mpsc::unbounded_channel::<(H256, Instant)>();
		let own_pid = std::process::id();

		let record = observed.clone();
		let heads = tokio::spawn(async move {
			loop {
				tokio::select! {
					_ = stopped.changed() => break,
					head = best.next() => {
						let seen = Instant::now();
						let header = match head {
							Some(Ok(header)) => header,
							other => {
								lock(&record).errors.push(format!("best-head subscription ended: {other:?}"));
								break;
							},
						};
						let cpu = (node_pid.and_then(node::cpu_ticks), node::cpu_ticks(own_pid));
						let hash = header.hash();
						let mut observed = lock(&record);
						let finalized_when_seen = observed.finalized_number;
						observed.blocks.insert(hash, block_info(&header, seen, finalized_when_seen));
						observed.cpu.insert(hash, cpu);
						observed.best = Some(hash);
						drop(observed);
						let _ = to_fetch.send((hash, seen));
					},
					head = finalized.next() => {
						let seen = Instant::now();
						let header = match head {
							Some(Ok(header)) => header,
							other => {
								lock(&record).errors.push(format!("finalized-head subscription ended: {other:?}"));
								break;
							},
						};
						let mut observed = lock(&record);
						observed.finalized_number = observed.finalized_number.max(header.number);
						observed.finalized.push((header.number, header.hash(), seen));
					},
				}
			}
		});

		let record = observed.clone();
		let fetcher = rpc.clone();
		let bodies = tokio::spawn(async move {
			let mut first: Option<u32> = None;
			while let Some((hash, seen)) = fetch_queue.recv().await {
				let mut next = Some(hash);
				while let Some(hash) = next.take() {
					match fetcher.block(hash).await {
						Ok(block) => {
							let number = block.header.number;
							let first = *first.get_or_insert(number);
							let hashes: Vec<H256> = block
								.extrinsics
								.iter()
								.map(|xt| chain::extrinsic_hash(xt))
								.collect();
							let timestamp = chain::block_timestamp(&block.extrinsics);
							let mut observed = lock(&record);
							for xt in &hashes {
								observed.extrinsics.insert(*xt, number);
							}
							let finalized_when_seen = observed.finalized_number;
							let info = observed.blocks.entry(hash).or_insert_with(|| {
								block_info(&block.header, seen, finalized_when_seen)
							});
							info.extrinsics = Some(hashes);
							info.timestamp = timestamp;
							// A best head that skipped blocks (a re-org, or notifications
							// coalesced): fetch the missing parents, back to where we started.
							let parent = block.header.parent_hash;
							if number > first && !observed.blocks.contains_key(&parent) {
								observed.gap_filled += 1;
								next = Some(parent);
							}
						},
						Err(err) => {
							lock(&record).errors.push(format!("fetching block {hash:?}: {err}"))
						},
					}
				}
			}
		});
		Ok(Self { observed, stop, heads, bodies })
	}

	/// Stop listening, wait for the bodies still being fetched, and hand over what was seen.
	pub async fn stop(self) -> Observed {
		let _ = self.stop.send(true);
		let _ = self.heads.await;
		// The head task owned the queue's sender: the body task ends when the queue is empty.
		let _ = self.bodies.await;
		std::mem::take(&mut *lock(&self.observed))
	}

	pub fn snapshot<T>(&self, f: impl FnOnce(&Observed) -> T) -> T {
		f(&lock(&self.observed))
	}
}

fn block_info(header: &Header, seen: Instant, finalized_when_seen: u32) -> BlockInfo {
	BlockInfo {
		number: header.number,
		hash: header.hash(),
		parent: header.parent_hash,
		seen,
		slot: chain::babe_slot(header),
		timestamp: None,
		extrinsics: None,
		finalized_when_seen,
	}
}

/// One submission: when it went out and what the node answered.
#[derive(Clone, Debug)]
pub struct Submission {
	pub hash: H256,
	pub sent: Instant,
	/// `Err((code, message))` when the node refused it.
	pub result: Result<(), (Option<i32>, String)>,
}

pub struct Submitted {
	pub submissions: Vec<Submission>,
	pub started: Instant,
	pub finished: Instant,
	/// Answers whose hash differed from ours (never expected).
	pub hash_mismatches: usize,
}

/// Submit `txs` in order at `rate` per second over the RPC's submission connections, at most
/// `in_flight` unanswered at a time. A transaction goes out at `start + i / rate` or as soon as a
/// slot frees, whichever is later.
pub async fn submit(rpc: &Rpc, txs: Vec<Signed>, rate: f64, in_flight: usize) -> Submitted {
	let permits = Arc::new(Semaphore::new(in_flight.max(1)));
	let clients = rpc.submitters().to_vec();
	let mut tasks = tokio::task::JoinSet::new();
	let started = Instant::now();
	let mut spawned = 0;
	for (index, tx) in txs.into_iter().enumerate() {
		let due = started + Duration::from_secs_f64(index as f64 / rate);
		tokio::time::sleep_until(due.into()).await;
		let Ok(permit) = permits.clone().acquire_owned().await else { break };
		let client = clients[index % clients.len()].clone();
		spawned += 1;
		tasks.spawn(async move {
			let sent = Instant::now();
			let answer = Rpc::submit_on(&client, &tx.hex).await;
			drop(permit);
			let mismatch = matches!(&answer, Ok(hash) if *hash != tx.hash);
			let result = answer.map(|_| ()).map_err(|e| rpc::describe_error(&e));
			(index, Submission { hash: tx.hash, sent, result }, mismatch)
		});
	}
	let mut results: Vec<Option<Submission>> = vec![None; spawned];
	let mut hash_mismatches = 0;
	while let Some(joined) = tasks.join_next().await {
		if let Ok((index, submission, mismatch)) = joined {
			hash_mismatches += usize::from(mismatch);
			results[index] = Some(submission);
		}
	}
	let finished = Instant::now();
	Submitted {
		submissions: results.into_iter().flatten().collect(),
		started,
		finished,
		hash_mismatches,
	}
}

/// Wait until every accepted transaction is in a block, or nothing new arrived for `idle`, or
/// `cap` passed; then until the finalized head reaches the last block that holds one of them
/// (at most `finality_timeout`).
pub async fn drain(
	monitor: &Monitor,
	node: &mut node::Node,
	accepted: &HashSet<H256>,
	idle: Duration,
	cap: Duration,
	finality_timeout: Duration,
) -> Result<()> {
	let started = Instant::now();
	let mut last_count = 0;
	let mut last_progress = Instant::now();
	loop {
		node.check_alive()?;
		let count =
			monitor.snapshot(|o| accepted.iter().filter(|h| o.extrinsics.contains_key(h)).count());
		if count == accepted.len() {
			break;
		}
		if count > last_count {
			last_count = count;
			last_progress = Instant::now();
		}
		if last_progress.elapsed() > idle || started.elapsed() > cap {
			break;
		}
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
	let target = monitor.snapshot(|o| {
		accepted
			.iter()
			.filter_map(|h| o.extrinsics.get(h))
			.copied()
			.max()
			.unwrap_or_default()
	});
	let deadline = Instant::now() + finality_timeout;
	while monitor.snapshot(|o| o.finalized_number) < target && Instant::now() < deadline {
		node.check_alive()?;
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
	Ok(())
}
