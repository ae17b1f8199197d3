//! The fxchain node: BABE block production, GRANDPA finality, ParityDB, JSON-RPC.

// `sc_cli::Error` and `sc_service::Error` are large, and the runner's closures and the service
// builder must return exactly those types: boxing them here would only move the allocation.
#![allow(clippy::result_large_err)]

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod chain_spec;
mod cli;
mod command;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
