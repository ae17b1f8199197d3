//! `fxchain-node benchmark ...`: only in a node built with `--features runtime-benchmarks`.
//!
//! - `benchmark pallet` runs the runtime's `frame-benchmarking` benchmarks and writes `weights.rs`
//!   files;
//! - `benchmark overhead` measures an empty block and a no-op extrinsic (`system.remark` with an
//!   empty remark, signed like any wallet transaction) and writes `block_weights.rs` and
//!   `extrinsic_weights.rs`;
//! - `benchmark extrinsic` times whole blocks of one kind of extrinsic (`system.remark`,
//!   `balances.transfer_keep_alive`), a check on the weights above;
//! - `benchmark machine` rates the hardware against the reference machine.
//!
//! `scripts/benchmark.sh` drives the first two.

use crate::{cli::Cli, service};
use frame_benchmarking_cli::{BenchmarkCmd, ExtrinsicBuilder, ExtrinsicFactory};
use fxchain_runtime::{opaque::Block, AccountId, Hash, RuntimeCall};
use sc_cli::SubstrateCli;
use sp_core::{sr25519, Encode};
use sp_inherents::{InherentData, InherentDataProvider};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{traits::HashingFor, OpaqueExtrinsic};
use std::sync::Arc;

pub fn run(cli: &Cli, cmd: &BenchmarkCmd) -> sc_cli::Result<()> {
	let runner = cli.create_runner(cmd)?;
	match cmd {
		BenchmarkCmd::Pallet(cmd) => runner
			.sync_run(|config| cmd.run_with_spec::<HashingFor<Block>, ()>(Some(config.chain_spec))),
		BenchmarkCmd::Overhead(cmd) => runner.sync_run(|config| {
			let client = service::new_partial(&config)?.client;
			let remark = Signed::remark(&client);
			cmd.run(
				config.chain_spec.name().into(),
				client,
				inherent_data()?,
				Vec::new(),
				&remark,
				false,
			)
		}),
		BenchmarkCmd::Extrinsic(cmd) => runner.sync_run(|config| {
			let client = service::new_partial(&config)?.client;
			let factory = ExtrinsicFactory(vec![
				Box::new(Signed::remark(&client)),
				Box::new(Signed::transfer(&client)),
			]);
			cmd.run(client, inherent_data()?, Vec::new(), &factory)
		}),
		BenchmarkCmd::Machine(cmd) => runner.sync_run(|config| {
			cmd.run(&config, frame_benchmarking_cli::SUBSTRATE_REFERENCE_HARDWARE.clone())
		}),
		BenchmarkCmd::Storage(_) | BenchmarkCmd::Block(_) => {
			Err("fxchain-node wires `benchmark pallet`, `overhead`, `extrinsic` and `machine` only"
				.into())
		},
	}
}

/// Alice's signed transactions of one call, with increasing nonces, on the benchmark's genesis.
/// Alice is verified on every development chain, so the KYC door lets them in.
struct Signed {
	pallet: &'static str,
	extrinsic: &'static str,
	call: RuntimeCall,
	genesis: Hash,
}

impl Signed {
	fn new(
		client: &Arc<service::FullClient>,
		pallet: &'static str,
		extrinsic: &'static str,
		call: RuntimeCall,
	) -> Self {
		use sc_client_api::UsageProvider;
		Self { pallet, extrinsic, call, genesis: client.usage_info().chain.genesis_hash }
	}

	/// The no-op extrinsic: an empty remark.
	fn remark(client: &Arc<service::FullClient>) -> Self {
		let call = frame_system::Call::remark { remark: Vec::new() }.into();
		Self::new(client, "system", "remark", call)
	}

	/// The baseline payment: Alice sends Bob the existential deposit.
	fn transfer(client: &Arc<service::FullClient>) -> Self {
		let bob: AccountId = Sr25519Keyring::Bob.to_account_id();
		let call = pallet_balances::Call::transfer_keep_alive {
			dest: bob.into(),
			value: fxchain_runtime::configs::monetary::EXISTENTIAL_DEPOSIT,
		}
		.into();
		Self::new(client, "balances", "transfer_keep_alive", call)
	}

	fn signer() -> sr25519::Pair {
		Sr25519Keyring::Alice.pair()
	}
}

impl ExtrinsicBuilder for Signed {
	fn pallet(&self) -> &str {
		self.pallet
	}

	fn extrinsic(&self) -> &str {
		self.extrinsic
	}

	fn build(&self, nonce: u32) -> Result<OpaqueExtrinsic, &'static str> {
		let extrinsic = fxchain_runtime::signed_transaction(
			&Self::signer(),
			self.call.clone(),
			nonce,
			self.genesis,
		);
		OpaqueExtrinsic::try_from_encoded_extrinsic(&extrinsic.encode())
			.map_err(|_| "a signed extrinsic always decodes as an opaque one")
	}
}

/// The inherents of a benchmark block: the timestamp at zero, the genesis slot's time, so BABE's
/// slot check passes without a pre-digest.
fn inherent_data() -> sc_cli::Result<InherentData> {
	let mut data = InherentData::new();
	futures::executor::block_on(
		sp_timestamp::InherentDataProvider::new(0.into()).provide_inherent_data(&mut data),
	)
	.map_err(|e| format!("the timestamp inherent: {e}"))?;
	Ok(data)
}
