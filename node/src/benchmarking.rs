//! `fxchain-node benchmark ...`: only in a node built with `--features runtime-benchmarks`.
//!
//! `benchmark pallet` runs the runtime's `frame-benchmarking` benchmarks and writes `weights.rs`
//! files (driven by `scripts/benchmark.sh`); `benchmark machine` rates the hardware against the
//! reference machine the weights were measured on.

use crate::cli::Cli;
use frame_benchmarking_cli::BenchmarkCmd;
use fxchain_runtime::opaque::Block;
use sc_cli::SubstrateCli;
use sp_runtime::traits::HashingFor;

pub fn run(cli: &Cli, cmd: &BenchmarkCmd) -> sc_cli::Result<()> {
	let runner = cli.create_runner(cmd)?;
	match cmd {
		BenchmarkCmd::Pallet(cmd) => runner
			.sync_run(|config| cmd.run_with_spec::<HashingFor<Block>, ()>(Some(config.chain_spec))),
		BenchmarkCmd::Machine(cmd) => runner.sync_run(|config| {
			cmd.run(&config, frame_benchmarking_cli::SUBSTRATE_REFERENCE_HARDWARE.clone())
		}),
		_ => Err("this benchmark is not wired into fxchain-node yet; see issue 9".into()),
	}
}
