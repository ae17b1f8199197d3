//! Digital identity (`pallet-kyc`): institution licences and real-name KYC credentials.
//!
//! A `Registrar` licence also makes the institution a `pallet-identity` registrar. The door
//! (`CheckKyc`, in `TxExtension`) lets accounts that are neither verified nor licensed make only
//! the identity calls they need to onboard, and the council's calls, which admit members only.

use super::governance::{GovernanceOrigin, SupervisorOrigin};
use crate::{AccountId, Balances, Kyc, Moment, Runtime, RuntimeCall, RuntimeOrigin, Timestamp};
use frame_support::traits::{ConstU32, ConstU64, Contains};
use fxchain_primitives::kyc::{KycProfile, KycProvider, PersonId};
use pallet_kyc::IdentityRegistrars;
use sp_runtime::{DispatchError, DispatchResult, MultiAddress};

/// One day of wall-clock time in milliseconds (credentials count time, not blocks).
const DAY_MS: Moment = 86_400_000;

/// Credentials run at most five years before the registrar must renew them.
pub const MAX_CREDENTIAL_VALIDITY: Moment = 5 * 366 * DAY_MS;

impl pallet_kyc::Config for Runtime {
	type Currency = Balances;
	type Time = Timestamp;
	type GovernanceOrigin = GovernanceOrigin;
	type SupervisorOrigin = SupervisorOrigin;
	type IdentityRegistrars = IdentityPalletRegistrars;
	type OpenCalls = OpenCalls;
	type SystemAccounts = SystemAccounts;
	type MaxAccountsPerPerson = ConstU32<16>;
	type MaxValidity = ConstU64<MAX_CREDENTIAL_VALIDITY>;
	type WeightInfo = pallet_kyc::weights::SubstrateWeight<Runtime>;
}

/// The accounts fxchain's pallets own: the forex escrow, which holds every reservation, and the
/// securitisation pools' accounts (a credential would let payments and deposits reach them past
/// the pallets' books).
pub struct SystemAccounts;
impl Contains<AccountId> for SystemAccounts {
	fn contains(who: &AccountId) -> bool {
		*who == crate::Forex::escrow_account()
			|| crate::Securitisation::originator_of(who).is_some()
	}
}

/// The parties money moves between, as the pallets that move it see them: accounts with a
/// live credential, and securitisation pools, special-purpose vehicles that take their
/// originator's verified profile (jurisdiction, residency, person) for as long as the
/// originator's credential lives (decision 0016).
pub struct Identities;
impl KycProvider<AccountId> for Identities {
	fn verified_profile(who: &AccountId) -> Option<KycProfile> {
		Kyc::verified_profile(who).or_else(|| {
			crate::Securitisation::originator_of(who)
				.and_then(|originator| Kyc::verified_profile(&originator))
		})
	}

	fn person_of(who: &AccountId) -> Option<PersonId> {
		Kyc::person_of(who).or_else(|| {
			crate::Securitisation::originator_of(who)
				.and_then(|originator| Kyc::person_of(&originator))
		})
	}
}

/// What an account without a credential or licence may do: publish or withdraw its public
/// identity, ask a registrar for a judgement, the council's business, and setting a reference
/// rate, so a regulator's accounts need no bank's KYC (the collective admits only members to
/// propose, vote and execute; `close`, open to any signed account, only ends a vote that has its
/// answer or ran out of time; `supervision.set_rate` admits only the rate setter governance
/// appointed). Nothing else, and nothing wrapped in a batch or a proxy.
pub struct OpenCalls;
impl Contains<RuntimeCall> for OpenCalls {
	fn contains(call: &RuntimeCall) -> bool {
		matches!(
			call,
			RuntimeCall::Identity(
				pallet_identity::Call::set_identity { .. }
					| pallet_identity::Call::clear_identity { .. }
					| pallet_identity::Call::request_judgement { .. }
					| pallet_identity::Call::cancel_request { .. }
			) | RuntimeCall::Council(_)
				| RuntimeCall::Supervision(pallet_supervision::Call::set_rate { .. })
		)
	}
}

/// Keeps `pallet-identity`'s registrar list in step with `Registrar` licences, through the
/// identity pallet's own calls so its events and bookkeeping stay standard.
pub struct IdentityPalletRegistrars;
impl IdentityRegistrars<AccountId> for IdentityPalletRegistrars {
	fn add(who: &AccountId) -> Result<u32, DispatchError> {
		pallet_identity::Pallet::<Runtime>::add_registrar(
			RuntimeOrigin::root(),
			MultiAddress::Id(who.clone()),
		)
		.map_err(|e| e.error)?;
		let count = pallet_identity::Registrars::<Runtime>::decode_len().unwrap_or_default();
		u32::try_from(count.saturating_sub(1)).map_err(|_| DispatchError::Other("registrar index"))
	}

	fn remove(who: &AccountId, index: u32) -> DispatchResult {
		let registrars = pallet_identity::Registrars::<Runtime>::get();
		let holds_it = registrars
			.get(index as usize)
			.and_then(Option::as_ref)
			.is_some_and(|registrar| registrar.account == *who);
		if !holds_it {
			// Governance removed it through pallet-identity already.
			return Ok(());
		}
		pallet_identity::Pallet::<Runtime>::remove_registrar(RuntimeOrigin::root(), index)
			.map(|_| ())
			.map_err(|e| e.error)
	}

	fn free_slots() -> u32 {
		let used = pallet_identity::Registrars::<Runtime>::decode_len().unwrap_or_default();
		let max = <Runtime as pallet_identity::Config>::MaxRegistrars::get();
		max.saturating_sub(u32::try_from(used).unwrap_or(u32::MAX))
	}
}
