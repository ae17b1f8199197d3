//! Reading fxchain's blocks and state with the runtime's own types: storage keys, the timestamp
//! inherent, the BABE slot, events and what they say about each extrinsic.

use codec::Decode;
use frame_system::{EventRecord, Phase};
use fxchain_primitives::{forex::PaymentStatus, AccountId, Balance, Hash, Moment, Nonce};
use fxchain_runtime::{
	Header, Runtime, RuntimeCall, RuntimeError, RuntimeEvent, UncheckedExtrinsic,
};
use sp_consensus_babe::digests::CompatibleDigestItem;
use sp_core::{Bytes, H256};
use sp_crypto_hashing::twox_128;
use sp_runtime::{DispatchError, Weight};
use std::collections::BTreeMap;

pub type Events = Vec<EventRecord<RuntimeEvent, Hash>>;

/// `System.Events` (not public in `frame-system`, so by name: `twox128(pallet) ++ twox128(item)`).
pub fn events_key() -> Vec<u8> {
	[twox_128(b"System"), twox_128(b"Events")].concat()
}

/// `System.BlockWeight`: the block's consumed weight per dispatch class.
pub fn block_weight_key() -> Vec<u8> {
	frame_system::BlockWeight::<Runtime>::hashed_key().to_vec()
}

pub fn account_key(who: &AccountId) -> Vec<u8> {
	frame_system::Account::<Runtime>::hashed_key_for(who)
}

pub type AccountInfo = frame_system::AccountInfo<Nonce, pallet_balances::AccountData<Balance>>;

pub fn timestamp_key() -> Vec<u8> {
	pallet_timestamp::Now::<Runtime>::hashed_key().to_vec()
}

pub fn rules_key() -> Vec<u8> {
	pallet_supervision::Rules::<Runtime>::hashed_key().to_vec()
}

pub fn extrinsic_hash(encoded: &[u8]) -> H256 {
	H256(sp_crypto_hashing::blake2_256(encoded))
}

/// The BABE slot from the header's pre-runtime digest.
pub fn babe_slot(header: &Header) -> Option<u64> {
	header
		.digest
		.logs
		.iter()
		.find_map(|item| item.as_babe_pre_digest())
		.map(|d| *d.slot())
}

/// The time the block's timestamp inherent sets (milliseconds since the Unix epoch).
pub fn block_timestamp(extrinsics: &[Bytes]) -> Option<Moment> {
	// The inherents come first; the timestamp is among the first few.
	extrinsics.iter().take(4).find_map(|encoded| {
		match UncheckedExtrinsic::decode(&mut &encoded[..]).ok()?.function {
			RuntimeCall::Timestamp(pallet_timestamp::Call::set { now }) => Some(now),
			_ => None,
		}
	})
}

/// A dispatch error as the runtime names it, e.g. `Forex(InsufficientBalance)`.
pub fn describe_dispatch_error(err: &DispatchError) -> String {
	match RuntimeError::from_dispatch_error(*err) {
		Some(named) => format!("{named:?}"),
		None => format!("{err:?}"),
	}
}

/// What one extrinsic's events say.
#[derive(Clone, Debug, Default)]
pub struct Outcome {
	/// `Some(true)` for `ExtrinsicSuccess`, `Some(false)` for `ExtrinsicFailed`.
	pub succeeded: Option<bool>,
	/// The weight the block was charged for it (after refunds).
	pub weight: Option<Weight>,
	/// Why it failed, or why supervision held or denied its payment.
	pub problem: Option<String>,
	/// Supervision filed reports about it (allowed, but not what the benchmark means to
	/// measure).
	pub reported: Option<String>,
	/// `forex.QuotePosted`'s quote id.
	pub quote: Option<u64>,
}

impl Outcome {
	/// Succeeded, and nothing held or denied.
	pub fn ok(&self) -> bool {
		self.succeeded == Some(true) && self.problem.is_none()
	}
}

/// Each extrinsic's outcome, by its index in the block.
pub fn outcomes(events: &Events) -> BTreeMap<u32, Outcome> {
	let mut by_index: BTreeMap<u32, Outcome> = BTreeMap::new();
	for record in events {
		let Phase::ApplyExtrinsic(index) = record.phase else { continue };
		let outcome = by_index.entry(index).or_default();
		match &record.event {
			RuntimeEvent::System(frame_system::Event::ExtrinsicSuccess { dispatch_info }) => {
				outcome.succeeded = Some(true);
				outcome.weight = Some(dispatch_info.weight);
			},
			RuntimeEvent::System(frame_system::Event::ExtrinsicFailed {
				dispatch_error,
				dispatch_info,
			}) => {
				outcome.succeeded = Some(false);
				outcome.weight = Some(dispatch_info.weight);
				outcome.problem = Some(describe_dispatch_error(dispatch_error));
			},
			RuntimeEvent::Forex(pallet_forex::Event::Held { reasons, .. }) => {
				outcome.problem = Some(format!("held by supervision: {:?}", reasons.to_vec()));
			},
			RuntimeEvent::Forex(pallet_forex::Event::Denied { reasons, .. }) => {
				outcome.problem = Some(format!("denied by supervision: {:?}", reasons.to_vec()));
			},
			RuntimeEvent::Forex(pallet_forex::Event::Reported { reasons, .. }) => {
				outcome.reported = Some(format!("{:?}", reasons.to_vec()));
			},
			RuntimeEvent::Forex(
				pallet_forex::Event::Paid { status, .. }
				| pallet_forex::Event::Exchanged { status, .. }
				| pallet_forex::Event::Deposited { status, .. },
			) if *status != PaymentStatus::Executed => {
				outcome.problem.get_or_insert_with(|| format!("status {status:?}"));
			},
			RuntimeEvent::Forex(pallet_forex::Event::QuotePosted { quote, .. }) => {
				outcome.quote = Some(*quote);
			},
			_ => {},
		}
	}
	by_index
}

#[cfg(test)]
mod tests {
	use super::*;
	use frame_support::dispatch::{DispatchClass, Pays};
	use fxchain_primitives::forex::{Purpose, Reason, Reasons};
	use sp_keyring::Sr25519Keyring;

	fn record(index: u32, event: RuntimeEvent) -> EventRecord<RuntimeEvent, Hash> {
		EventRecord { phase: Phase::ApplyExtrinsic(index), event, topics: vec![] }
	}

	fn info(weight: u64) -> frame_system::DispatchEventInfo {
		frame_system::DispatchEventInfo {
			weight: Weight::from_parts(weight, 0),
			class: DispatchClass::Normal,
			pays_fee: Pays::Yes,
		}
	}

	fn paid(status: PaymentStatus) -> RuntimeEvent {
		RuntimeEvent::Forex(pallet_forex::Event::Paid {
			reference: H256::zero(),
			from: Sr25519Keyring::Alice.to_account_id(),
			to: Sr25519Keyring::Bob.to_account_id(),
			currency: 840,
			amount: 100,
			purpose: Purpose::CurrentTransfer,
			cross_border: true,
			status,
		})
	}

	#[test]
	fn events_tell_success_failure_holds_and_reports_apart() {
		let events: Events = vec![
			EventRecord {
				phase: Phase::Initialization,
				event: paid(PaymentStatus::Held),
				topics: vec![],
			},
			record(1, paid(PaymentStatus::Executed)),
			record(
				1,
				RuntimeEvent::System(frame_system::Event::ExtrinsicSuccess {
					dispatch_info: info(7),
				}),
			),
			record(
				2,
				RuntimeEvent::System(frame_system::Event::ExtrinsicFailed {
					dispatch_error: DispatchError::BadOrigin,
					dispatch_info: info(9),
				}),
			),
			record(
				3,
				RuntimeEvent::Forex(pallet_forex::Event::Held {
					reference: H256::zero(),
					reasons: Reasons::of(&[Reason::PriorReviewRequired]),
				}),
			),
			record(3, paid(PaymentStatus::Held)),
			record(
				3,
				RuntimeEvent::System(frame_system::Event::ExtrinsicSuccess {
					dispatch_info: info(8),
				}),
			),
			record(
				4,
				RuntimeEvent::Forex(pallet_forex::Event::Reported {
					reference: H256::zero(),
					reasons: Reasons::of(&[Reason::LargeValueIndividualCrossBorder]),
				}),
			),
			record(
				4,
				RuntimeEvent::System(frame_system::Event::ExtrinsicSuccess {
					dispatch_info: info(8),
				}),
			),
		];
		let outcomes = outcomes(&events);
		assert_eq!(outcomes.len(), 4, "events outside an extrinsic belong to none");
		assert!(outcomes[&1].ok());
		assert_eq!(outcomes[&1].weight, Some(Weight::from_parts(7, 0)));
		assert!(!outcomes[&2].ok());
		assert_eq!(outcomes[&2].problem.as_deref(), Some("BadOrigin"));
		assert!(!outcomes[&3].ok(), "a held payment is not a success for the benchmark");
		assert!(outcomes[&3].problem.as_deref().unwrap().contains("PriorReviewRequired"));
		assert!(outcomes[&4].ok());
		assert!(outcomes[&4]
			.reported
			.as_deref()
			.unwrap()
			.contains("LargeValueIndividualCrossBorder"));
	}

	#[test]
	fn module_errors_are_named_by_the_runtime() {
		let err: DispatchError = pallet_forex::Error::<Runtime>::InsufficientBalance.into();
		assert_eq!(describe_dispatch_error(&err), "Forex(InsufficientBalance)");
	}
}
