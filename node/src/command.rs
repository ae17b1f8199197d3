//! Dispatch of the command line to the node or a subcommand.

use crate::{
	chain_spec,
	cli::{Cli, Subcommand},
	service,
};
use fxchain_runtime::opaque::Block;
use sc_cli::{CliConfiguration, SubstrateCli};
use sc_service::config::RpcMethods;
use sc_service::PartialComponents;
use sp_runtime::traits::Block as BlockT;

impl SubstrateCli for Cli {
	fn impl_name() -> String {
		"fxchain node".into()
	}

	fn impl_version() -> String {
		env!("SUBSTRATE_CLI_IMPL_VERSION").into()
	}

	fn description() -> String {
		env!("CARGO_PKG_DESCRIPTION").into()
	}

	fn author() -> String {
		env!("CARGO_PKG_AUTHORS").into()
	}

	fn support_url() -> String {
		"https://github.com/fxchain/fxchain/issues".into()
	}

	fn copyright_start_year() -> i32 {
		2026
	}

	fn load_spec(&self, id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
		Ok(match id {
			"" | "dev" => Box::new(chain_spec::dev()?),
			"local" => Box::new(chain_spec::local()?),
			"staging" => Box::new(chain_spec::staging()?),
			path => {
				Box::new(chain_spec::ChainSpec::from_json_file(std::path::PathBuf::from(path))?)
			},
		})
	}
}

/// Parse the command line and run the node or the subcommand.
pub fn run() -> sc_cli::Result<()> {
	let cli = Cli::from_args();

	match &cli.subcommand {
		Some(Subcommand::Key(cmd)) => cmd.run(&cli),
		Some(Subcommand::BuildSpec(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.chain_spec, config.network))
		},
		Some(Subcommand::ExportChainSpec(cmd)) => {
			let chain_spec = cli.load_spec(&cmd.chain)?;
			cmd.run(chain_spec)
		},
		Some(Subcommand::CheckBlock(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|mut config| {
				service::enable_history_index(&mut config);
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		},
		Some(Subcommand::ExportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } = service::new_partial(&config)?;
				Ok((cmd.run(client, config.database), task_manager))
			})
		},
		Some(Subcommand::ExportState(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } = service::new_partial(&config)?;
				Ok((cmd.run(client, config.chain_spec), task_manager))
			})
		},
		Some(Subcommand::ImportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|mut config| {
				service::enable_history_index(&mut config);
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		},
		Some(Subcommand::PurgeChain(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.database))
		},
		Some(Subcommand::Revert(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, backend, .. } =
					service::new_partial(&config)?;
				// BABE's epoch data and GRANDPA's authority-set changes live beside the blocks
				// and are reverted with them.
				let aux_revert = Box::new(|client, backend, blocks| {
					sc_consensus_babe::revert(std::sync::Arc::clone(&client), backend, blocks)?;
					sc_consensus_grandpa::revert(client, blocks)?;
					Ok(())
				});
				Ok((cmd.run(client, backend, Some(aux_revert)), task_manager))
			})
		},
		#[cfg(feature = "runtime-benchmarks")]
		Some(Subcommand::Benchmark(cmd)) => crate::benchmarking::run(&cli, cmd),
		Some(Subcommand::ChainInfo(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run::<Block>(&config))
		},
		None => {
			let runner = cli.create_runner(&cli.run)?;
			let dev = cli.run.is_dev()?;
			runner.run_node_until_exit(|mut config| async move {
				safe_rpc_on_validators(&mut config, dev);
				match config.network.network_backend {
					sc_network::config::NetworkBackendType::Libp2p => service::new_full::<
						sc_network::NetworkWorker<Block, <Block as BlockT>::Hash>,
					>(config)
					.map_err(sc_cli::Error::Service),
					sc_network::config::NetworkBackendType::Litep2p => {
						service::new_full::<sc_network::Litep2pNetworkBackend>(config)
							.map_err(sc_cli::Error::Service)
					},
				}
			})
		},
	}
}

/// A validator serves only the safe RPC methods unless its operator asks for the unsafe ones with
/// `--rpc-methods unsafe`: Substrate's default (`auto`) serves the unsafe ones (key insertion,
/// peer management, `author_rotateKeys`) on loopback, and a validator's loopback is shared with
/// whatever else runs on its machine. The dev chain keeps `auto`, for tools that rotate keys.
///
/// sc-cli gives each listen address its own methods setting, which is what the RPC server uses;
/// the top-level one only fills them in when no address is configured.
fn safe_rpc_on_validators(config: &mut sc_service::Configuration, dev: bool) {
	if !config.role.is_authority() || dev {
		return;
	}
	let endpoints = config.rpc.addr.iter_mut().flatten().map(|endpoint| &mut endpoint.rpc_methods);
	let mut changed = false;
	for methods in core::iter::once(&mut config.rpc.methods).chain(endpoints) {
		if matches!(methods, RpcMethods::Auto) {
			*methods = RpcMethods::Safe;
			changed = true;
		}
	}
	if changed {
		log::info!("validator: serving safe RPC methods only (--rpc-methods unsafe to change)");
	}
}
