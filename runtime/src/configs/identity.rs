//! Public identities (`pallet-identity`): institutions publish theirs, licensed registrars give
//! judgements, so Polkadot.js Apps shows who is who. No personal data goes on chain: real-name KYC
//! records only hashes (the `kyc` pallet).

use crate::{time::DAYS, Balance, Balances, Runtime, RuntimeEvent, Signature};
use frame_support::{parameter_types, traits::ConstU32};
use fxchain_primitives::token::{MILLI_UNIT, UNIT};
use sp_runtime::traits::Verify;

use super::governance::GovernanceOrigin;

parameter_types! {
	/// Deposits make identity storage cost what it occupies; they are returned when cleared.
	pub const BasicDeposit: Balance = UNIT;
	pub const ByteDeposit: Balance = MILLI_UNIT;
	pub const UsernameDeposit: Balance = UNIT;
	pub const SubAccountDeposit: Balance = UNIT;
	pub const MaxSubAccounts: u32 = 100;
	pub const MaxAdditionalFields: u32 = 16;
	pub const MaxRegistrars: u32 = 20;
}

impl pallet_identity::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type BasicDeposit = BasicDeposit;
	type ByteDeposit = ByteDeposit;
	type UsernameDeposit = UsernameDeposit;
	type SubAccountDeposit = SubAccountDeposit;
	type MaxSubAccounts = MaxSubAccounts;
	type IdentityInformation = pallet_identity::legacy::IdentityInfo<MaxAdditionalFields>;
	type MaxRegistrars = MaxRegistrars;
	// Slashed deposits are burned (no treasury).
	type Slashed = ();
	type ForceOrigin = GovernanceOrigin;
	type RegistrarOrigin = GovernanceOrigin;
	type OffchainSignature = Signature;
	type SigningPublicKey = <Signature as Verify>::Signer;
	type UsernameAuthorityOrigin = GovernanceOrigin;
	type PendingUsernameExpiration = ConstU32<{ 7 * DAYS }>;
	type UsernameGracePeriod = ConstU32<{ 30 * DAYS }>;
	type MaxSuffixLength = ConstU32<7>;
	type MaxUsernameLength = ConstU32<32>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
	type WeightInfo = crate::weights::pallet_identity::WeightInfo<Runtime>;
}
