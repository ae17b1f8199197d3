//! # fxchain runtime
//!
//! The FRAME runtime of fxchain, a permissioned appchain for a foreign-exchange regulator and the
//! institutions it licenses. This crate composes polkadot-sdk pallets and fxchain's own:
//!
//! - consensus: `Babe` (block production, a block in every 6 s slot), `Grandpa` (finality),
//!   `Session` with `ValidatorSet` (governance-managed validators);
//! - the fee token: `Balances`, `TransactionPayment`, `Utility`;
//! - identity: `Identity` (public identities and registrar judgements);
//! - governance: `Council` (`pallet-collective`) with `CouncilMembership`, giving
//!   [`configs::governance::SupervisorOrigin`] (one member) and
//!   [`configs::governance::GovernanceOrigin`] (two thirds of members); `Governance` lets the
//!   latter act as root (runtime upgrades); `Sudo` only on the `dev` chain;
//! - currency ledgers: `Assets`, whose calls are not in [`RuntimeCall`], so that nobody moves a
//!   currency unit except through fxchain's own pallets; `PoolUnits`, the securitisation
//!   pools' senior and junior units, likewise;
//! - fxchain's capabilities: `Kyc` (licences and real-name credentials), `Forex` (currencies,
//!   payments, conversions and trades, every movement proposed to supervision first),
//!   `Supervision`, `Leasing`, `DataSharing`, `Receivables` (trade documents financed once,
//!   assignments) and `Securitisation` (pools of receivables paid out by a waterfall).

#![cfg_attr(not(feature = "std"), no_std)]
// `#[frame_support::runtime]` recurses deeply.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

use alloc::vec::Vec;

// Before `apis`: `define_benchmarks!` declares the macros the benchmark API uses.
#[cfg(feature = "runtime-benchmarks")]
#[macro_use]
mod benchmarks;
pub mod apis;
pub mod configs;
pub mod genesis_config_presets;
pub mod weights;

pub use apis::RuntimeApi;
pub use configs::receivables::Financing;
pub use fxchain_primitives::{AccountId, Balance, BlockNumber, Hash, Moment, Nonce, Signature};
use sp_runtime::{generic, impl_opaque_keys};
use sp_version::{runtime_version, RuntimeVersion};

/// Opaque types: what the node needs to know about blocks and keys without the runtime's types.
pub mod opaque {
	use super::*;
	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Block header type.
	pub type Header = fxchain_primitives::Header;
	/// Block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Block identifier.
	pub type BlockId = generic::BlockId<Block>;

	impl_opaque_keys! {
		/// The keys a validator registers with `session.setKeys`. The field names `babe` and
		/// `grandpa` are what `--dev`/`--alice` look for when they fill the keystore.
		pub struct SessionKeys {
			pub babe: super::Babe,
			pub grandpa: super::Grandpa,
		}
	}
}
pub use opaque::SessionKeys;

/// The runtime's version, `VERSION`. Increase `spec_version` with every change of runtime
/// logic, and `transaction_version` when the encoding of calls or extensions changes.
///
/// `#[runtime_version]` reads the numbers as literals, so the upgrade-rehearsal build (feature
/// `upgrade-rehearsal`, see `Migrations`) names its own, one above: bump both.
macro_rules! runtime_version {
	($spec_version:tt) => {
		#[runtime_version]
		pub const VERSION: RuntimeVersion = RuntimeVersion {
			spec_name: alloc::borrow::Cow::Borrowed("fxchain"),
			impl_name: alloc::borrow::Cow::Borrowed("fxchain"),
			authoring_version: 1,
			spec_version: $spec_version,
			impl_version: 1,
			apis: apis::RUNTIME_API_VERSIONS,
			transaction_version: 1,
			system_version: 1,
		};
	};
}
#[cfg(not(feature = "upgrade-rehearsal"))]
runtime_version!(110);
#[cfg(feature = "upgrade-rehearsal")]
runtime_version!(111);

/// Time and block production.
pub mod time {
	use super::BlockNumber;

	/// Target block time: BABE gives every 6 s slot a block (secondary VRF slots).
	pub const MILLI_SECS_PER_BLOCK: u64 = 6000;
	/// The BABE slot is the block time.
	pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;

	/// Blocks in a minute.
	pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
	/// Blocks in an hour.
	pub const HOURS: BlockNumber = MINUTES * 60;
	/// Blocks in a day.
	pub const DAYS: BlockNumber = HOURS * 24;

	/// BABE's primary-slot probability `c = 1/4`; with secondary VRF slots every slot still gets
	/// a block.
	pub const PRIMARY_PROBABILITY: (u64, u64) = (1, 4);
	/// The BABE epoch configuration at genesis.
	pub const BABE_GENESIS_EPOCH_CONFIG: sp_consensus_babe::BabeEpochConfiguration =
		sp_consensus_babe::BabeEpochConfiguration {
			c: PRIMARY_PROBABILITY,
			allowed_slots: sp_consensus_babe::AllowedSlots::PrimaryAndSecondaryVRFSlots,
		};
}

/// The address format for describing accounts.
pub type Address = sp_runtime::MultiAddress<AccountId, ()>;

/// Block header type as expected by this runtime.
pub type Header = fxchain_primitives::Header;

/// Block type as expected by this runtime.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;

/// A block signed with a justification (GRANDPA's, for finalised blocks).
pub type SignedBlock = generic::SignedBlock<Block>;

/// BlockId type as expected by this runtime.
pub type BlockId = generic::BlockId<Block>;

/// The transaction extensions every signed extrinsic carries, in order.
///
/// `CheckKyc` turns away, at the pool, signed extrinsics from accounts without a live KYC
/// credential or licence (open calls excepted). It runs before the nonce check, which refuses an
/// account that does not exist yet as unable to pay, so a fresh account learns that it needs
/// verification, not FXC; and before fees are charged, so a refusal costs nothing.
///
/// `CheckMetadataHash` lets offline signers (the generic Ledger app) verify what they sign; it is
/// inert unless the wasm is built with the `metadata-hash` feature and the signer opts in.
pub type TxExtension = (
	frame_system::AuthorizeCall<Runtime>,
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	pallet_kyc::CheckKyc<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// Unchecked extrinsic type as expected by this runtime.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;

/// The payload being signed in transactions.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// The extensions a wallet attaches to a transaction: immortal, `nonce`, no tip, no metadata
/// hash.
pub fn tx_extension(nonce: Nonce) -> TxExtension {
	(
		frame_system::AuthorizeCall::new(),
		frame_system::CheckNonZeroSender::new(),
		frame_system::CheckSpecVersion::new(),
		frame_system::CheckTxVersion::new(),
		frame_system::CheckGenesis::new(),
		frame_system::CheckEra::from(generic::Era::Immortal),
		pallet_kyc::CheckKyc::new(),
		frame_system::CheckNonce::from(nonce),
		frame_system::CheckWeight::new(),
		pallet_transaction_payment::ChargeTransactionPayment::from(0),
		frame_metadata_hash_extension::CheckMetadataHash::new(false),
		frame_system::WeightReclaim::new(),
	)
}

/// `signer`'s immortal transaction of `call` at `nonce` on the chain whose genesis hash is
/// `genesis`, for this runtime version. Signed offline: an immortal transaction's implicit data
/// (versions, genesis hash twice, no metadata hash) needs no chain state. The runtime's tests,
/// the node's overhead benchmark and the load benchmark (`bench/`) all sign with it.
#[cfg(feature = "std")]
pub fn signed_transaction(
	signer: &sp_core::sr25519::Pair,
	call: RuntimeCall,
	nonce: Nonce,
	genesis: Hash,
) -> UncheckedExtrinsic {
	use codec::Encode;
	use sp_core::Pair;
	let implicit = (
		(),
		(),
		VERSION.spec_version,
		VERSION.transaction_version,
		genesis,
		genesis,
		(),
		(),
		(),
		(),
		None,
		(),
	);
	let payload = SignedPayload::from_raw(call, tx_extension(nonce), implicit);
	let signature = payload.using_encoded(|bytes| signer.sign(bytes));
	let (call, extension, _) = payload.deconstruct();
	UncheckedExtrinsic::new_signed(
		call,
		sp_runtime::MultiAddress::Id(signer.public().into()),
		signature.into(),
		extension,
	)
}

/// Storage migrations run on the next runtime upgrade (none yet).
#[cfg(not(feature = "upgrade-rehearsal"))]
type Migrations = ();
/// The upgrade rehearsal's migration: a live network's upgrade runs a real one
/// (`zombienet/upgrade.test.mjs`).
#[cfg(feature = "upgrade-rehearsal")]
type Migrations = (pallet_supervision::migrations::v1::MigrateToV1<Runtime>,);

/// Executive: handles dispatch to the various pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	// Consensus.
	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(2)]
	pub type Babe = pallet_babe;
	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;
	#[runtime::pallet_index(4)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(5)]
	pub type TransactionPayment = pallet_transaction_payment;
	// Session before ValidatorSet: the validator set adopts the genesis validators that the
	// session's genesis build has just set.
	#[runtime::pallet_index(6)]
	pub type Session = pallet_session;
	#[runtime::pallet_index(7)]
	pub type ValidatorSet = pallet_validator_set;

	// Governance.
	#[runtime::pallet_index(10)]
	pub type Council = pallet_collective<Instance1>;
	#[runtime::pallet_index(11)]
	pub type CouncilMembership = pallet_membership<Instance1>;
	#[runtime::pallet_index(12)]
	pub type Governance = pallet_governance;
	#[runtime::pallet_index(13)]
	pub type Sudo = pallet_sudo;

	// Utilities and identity.
	#[runtime::pallet_index(20)]
	pub type Utility = pallet_utility;
	#[runtime::pallet_index(21)]
	pub type Identity = pallet_identity;

	// Currency ledgers: only fxchain's own pallets move them, so the calls are left out.
	#[runtime::pallet_index(30)]
	#[runtime::disable_call]
	pub type Assets = pallet_assets;
	// Securitisation pool units: moved only by the securitisation pallet.
	#[runtime::pallet_index(31)]
	#[runtime::disable_call]
	pub type PoolUnits = pallet_assets<Instance2>;

	// fxchain's capabilities.
	#[runtime::pallet_index(40)]
	pub type Kyc = pallet_kyc;
	#[runtime::pallet_index(41)]
	pub type Forex = pallet_forex;
	#[runtime::pallet_index(42)]
	pub type Supervision = pallet_supervision;
	#[runtime::pallet_index(43)]
	pub type Leasing = pallet_leasing;
	#[runtime::pallet_index(44)]
	pub type DataSharing = pallet_data_sharing;
	#[runtime::pallet_index(45)]
	pub type Receivables = pallet_receivables;
	#[runtime::pallet_index(46)]
	pub type Securitisation = pallet_securitisation;
}
