//! Forex accounts (`pallet-forex`): currencies in `pallet-assets`, payments, conversions and
//! institution trades.
//!
//! Every movement is proposed to capital-flow supervision (`pallet-supervision`). The forex
//! pallet's own benchmarks run with the allow-all `()` instead, so that its weights measure the
//! forex pallet alone; supervision's benchmarked cost (`CapitalFlowCheck::weight`) is added to
//! every call once per movement.

use super::governance::{GovernanceOrigin, SupervisorOrigin};
use crate::{Assets, Kyc, Moment, Runtime, Timestamp};
use frame_support::{
	parameter_types,
	traits::{ConstU32, ConstU64},
	PalletId,
};

/// One day of wall-clock time in milliseconds.
const DAY_MS: Moment = 86_400_000;

parameter_types! {
	/// Derives the escrow account that holds reservations and administers the currency assets.
	pub const ForexPalletId: PalletId = PalletId(*b"fx/escrw");
}

impl pallet_forex::Config for Runtime {
	type Assets = Assets;
	type Kyc = super::kyc::Identities;
	type Licences = Kyc;
	#[cfg(not(feature = "runtime-benchmarks"))]
	type CapitalFlowCheck = crate::Supervision;
	#[cfg(feature = "runtime-benchmarks")]
	type CapitalFlowCheck = ();
	// Each pallet that moves money learns how its held transfers end.
	type LedgerObserver = (crate::Leasing, crate::Receivables, crate::Securitisation);
	type Time = Timestamp;
	type GovernanceOrigin = GovernanceOrigin;
	type SupervisorOrigin = SupervisorOrigin;
	type PalletId = ForexPalletId;
	// ISO 4217 lists about 180 currencies; a regulator's chain starts with a handful.
	type MaxCurrencies = ConstU32<64>;
	// About 150 MB of state at a typical record size; older records live in the history RPC.
	type RetainedRecords = ConstU64<500_000>;
	type MaxOpenOffers = ConstU32<64>;
	type MaxOfferLifetime = ConstU64<{ 7 * DAY_MS }>;
	// Expiries wait for a supervisor for days; a few per block drain any backlog in minutes.
	type MaxExpiriesPerBlock = ConstU32<16>;
	type WeightInfo = pallet_forex::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = benchmark_helper::KycSetup;
}

#[cfg(feature = "runtime-benchmarks")]
pub(crate) mod benchmark_helper {
	use crate::{AccountId, Balances, Kyc, Runtime, RuntimeOrigin, Timestamp};
	use frame_support::traits::{fungible::Mutate, Time};
	use fxchain_primitives::{
		kyc::{KycProfile, Role},
		token::UNIT,
	};

	/// Licences and credentials through the KYC pallet's own calls, as governance and a licensed
	/// registrar would make them.
	pub struct KycSetup;

	fn license_if_needed(who: &AccountId, role: Role) {
		if pallet_kyc::Licences::<Runtime>::get(who, role).is_none() {
			Kyc::license(RuntimeOrigin::root(), who.clone(), role).expect("governance licenses");
		}
	}

	impl pallet_forex::BenchmarkHelper<AccountId> for KycSetup {
		fn verify(who: &AccountId, profile: KycProfile) {
			let registrar: AccountId = frame_benchmarking::account("fx-registrar", 0, 0);
			license_if_needed(&registrar, Role::Registrar);
			Balances::set_balance(&registrar, 1_000 * UNIT);
			// The longest validity: a lease schedule of the most instalments runs for years.
			let expires_at =
				Timestamp::now().saturating_add(super::super::kyc::MAX_CREDENTIAL_VALIDITY);
			Kyc::attest(RuntimeOrigin::signed(registrar), who.clone(), profile, expires_at)
				.expect("a licensed registrar attests");
		}

		fn license(who: &AccountId, role: Role) {
			license_if_needed(who, role);
		}
	}
}
