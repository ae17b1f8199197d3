//! Trade finance (`pallet-receivables`): trade documents financed at most up to their face
//! value, and receivables assigned to a buyer (a securitisation pool, for one), whose debtors'
//! payments and a lease's rent then go to the buyer.

use crate::{Forex, Leasing, Moment, Runtime, Securitisation, Timestamp};
use frame_support::traits::{ConstU32, ConstU64};

/// One day of wall-clock time in milliseconds.
const DAY_MS: Moment = 86_400_000;

/// A financing as the runtime stores it and `ReceivablesApi` returns it.
pub type Financing = pallet_receivables::FinancingOf<Runtime>;

impl pallet_receivables::Config for Runtime {
	type Kyc = super::kyc::Identities;
	type Licences = crate::Kyc;
	type Ledger = Forex;
	type Time = Timestamp;
	type Leases = Leasing;
	type Observer = Securitisation;
	// A financing against a shipment's declaration, invoices and bill of lading, and more.
	type MaxDocumentsPerFinancing = ConstU32<16>;
	// A holder negotiates with a few buyers at a time; registration settles it.
	type MaxOffers = ConstU32<4>;
	// Trade credit's usual collection period past the due date.
	type DefaultGrace = ConstU64<{ 30 * DAY_MS }>;
	type WeightInfo = pallet_receivables::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = super::forex::benchmark_helper::KycSetup;
}

#[cfg(feature = "runtime-benchmarks")]
mod benchmark_helper {
	use super::super::forex::benchmark_helper::KycSetup;
	use crate::{AccountId, Runtime, RuntimeOrigin};
	use fxchain_primitives::{
		forex::{Amount, CurrencyId},
		kyc::{CountryCode, EntityType, KycLevel, KycProfile, Residency, Role, SupervisionClass},
		receivables::{DocumentKind, ReceivableId},
		Moment,
	};
	use sp_core::H256;
	use sp_runtime::traits::{BlakeTwo256, Hash};

	/// A resident enterprise's profile, so that every payment between two of them is domestic.
	fn resident(who: &AccountId) -> KycProfile {
		KycProfile {
			person: H256(<[u8; 32]>::from(who.clone())),
			entity: EntityType::Enterprise,
			residency: Residency::Resident,
			jurisdiction: CountryCode(*b"CN"),
			level: KycLevel::Standard,
			class: Some(SupervisionClass::A),
		}
	}

	fn verify_once(who: &AccountId) {
		if pallet_kyc::Credentials::<Runtime>::get(who).is_none() {
			<KycSetup as pallet_forex::BenchmarkHelper<AccountId>>::verify(who, resident(who));
		}
	}

	fn fund_cny(who: &AccountId, amount: Amount) -> CurrencyId {
		<KycSetup as pallet_leasing::BenchmarkHelper<AccountId>>::fund(who, amount)
	}

	fn set_now(now: Moment) {
		pallet_timestamp::Now::<Runtime>::put(now);
	}

	impl pallet_receivables::BenchmarkHelper<AccountId> for KycSetup {
		fn verify(who: &AccountId) {
			verify_once(who);
		}

		fn license(who: &AccountId, role: Role) {
			<KycSetup as pallet_forex::BenchmarkHelper<AccountId>>::license(who, role);
		}

		fn fund(who: &AccountId, amount: Amount) -> CurrencyId {
			fund_cny(who, amount)
		}

		fn set_time(now: Moment) {
			set_now(now);
		}
	}

	impl pallet_securitisation::BenchmarkHelper<AccountId> for KycSetup {
		fn verify(who: &AccountId) {
			verify_once(who);
		}

		fn license(who: &AccountId) {
			<KycSetup as pallet_forex::BenchmarkHelper<AccountId>>::license(who, Role::Issuer);
		}

		fn fund(who: &AccountId, amount: Amount) -> CurrencyId {
			fund_cny(who, amount)
		}

		/// A customs declaration registered by a licensed data provider, with `holder` its
		/// creditor, due in 90 days.
		fn receivable(
			holder: &AccountId,
			currency: CurrencyId,
			amount: Amount,
			index: u32,
		) -> ReceivableId {
			let customs: AccountId = frame_benchmarking::account("fx-customs", 0, 0);
			verify_once(&customs);
			<KycSetup as pallet_forex::BenchmarkHelper<AccountId>>::license(
				&customs,
				Role::DataProvider,
			);
			verify_once(holder);
			let id = <BlakeTwo256 as Hash>::hash_of(&(b"fx-document", index));
			let due = pallet_timestamp::Now::<Runtime>::get().saturating_add(90 * 86_400_000);
			crate::Receivables::register_document(
				RuntimeOrigin::signed(customs),
				id,
				DocumentKind::CustomsDeclaration,
				holder.clone(),
				H256::repeat_byte(0xde),
				currency,
				amount,
				due,
			)
			.expect("a licensed data provider registers a new document");
			ReceivableId::Document(id)
		}

		/// The document fell due long enough ago to be in default.
		fn default(id: &ReceivableId) {
			if let ReceivableId::Document(document) = id {
				pallet_receivables::Documents::<Runtime>::mutate(document, |record| {
					if let Some(record) = record {
						record.due = 0;
					}
				});
			}
		}

		fn set_time(now: Moment) {
			set_now(now);
		}
	}
}
