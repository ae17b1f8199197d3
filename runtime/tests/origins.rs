//! Every extrinsic of the runtime, from every wrong origin, generated from the runtime's own
//! metadata: nothing here lists the calls, so a call added to any pallet in `construct_runtime`
//! is tested the day it appears.
//!
//! For each call of each pallet, the test builds arguments from the type registry (zeros, empty
//! collections, the first enum variant that has a value, `None`, `system.remark` wherever a call
//! is boxed), decodes them into a `RuntimeCall`, and dispatches it from eight origins: none, a
//! fresh unverified account, a verified account that holds no role, a council member's own
//! account, one council member (`SupervisorOrigin`), a motion carried by one vote, two thirds of
//! the council (`GovernanceOrigin`) and root, and from two licensed banks as controls. Every
//! dispatch is undone, and a failed one must leave the storage root as it found it. The same
//! calls go to the transaction pool as bare and as general (unsigned, extension-bearing)
//! extrinsics, which must be invalid, and signed by the unverified account, which the KYC door
//! must turn away unless `kyc::OpenCalls` lists the call.
//!
//! Who may make a call is written in reviewed tables: `OPEN_TO_ANY`, `INHERENTS`,
//! `OPEN_TO_SIGNED` and `SUPERVISOR`. Every call in none of them is privileged: none, both plain
//! signed accounts, the member's own account (unless the call is gated on council membership),
//! one member and a one-vote motion must be refused. A refusal is `BadOrigin`, or a pallet error
//! in `REFUSALS` that some other origin got past with the same arguments (so that it is about the
//! caller, not the arguments). So a new call that a plain account can dispatch fails the test
//! until it is reviewed into `OPEN_TO_SIGNED`, one that a single member can dispatch until it is
//! reviewed into `SUPERVISOR`, and one whose arguments fail before its caller is checked until it
//! is given arguments in `arguments()`.

mod common;

use codec::{DecodeAll, Encode};
use frame_metadata::{v14::RuntimeMetadataV14, RuntimeMetadata, RuntimeMetadataPrefixed};
use frame_support::{
	assert_ok,
	storage::{with_transaction, TransactionOutcome},
	traits::Contains,
};
use fxchain_primitives::kyc::{
	CountryCode, EntityType, KycLevel, KycProfile, KycProvider, Residency,
};
use fxchain_runtime::{
	configs::governance::CouncilInstance, AccountId, Executive, Kyc, Runtime, RuntimeCall,
	RuntimeOrigin, System, UncheckedExtrinsic,
};
use scale_info::{form::PortableForm, PortableRegistry, TypeDef, TypeDefPrimitive};
use sp_core::{sr25519, Pair, H256};
use sp_keyring::Sr25519Keyring::{Alice, Bob, Dave, Eve, One};
use sp_runtime::{
	traits::Dispatchable,
	transaction_validity::{
		InvalidTransaction, TransactionSource, TransactionValidity, TransactionValidityError,
	},
	DispatchError, StateVersion,
};
use std::collections::{BTreeMap, BTreeSet};

/// Calls every origin may dispatch, `None` included.
const OPEN_TO_ANY: &[(&str, &str, &str)] = &[
	("System", "remark", "does nothing but cost its weight"),
	(
		"System",
		"apply_authorized_upgrade",
		"applies only code whose hash root authorized with `authorize_upgrade`",
	),
];

/// Inherents: their origin is `None`, given by the block author, so they are not dispatched from
/// `None` here; the pool must still refuse them, and every other origin too.
const INHERENTS: &[(&str, &str, &str)] =
	&[("Timestamp", "set", "the block author's timestamp inherent")];

/// Calls any signed account may make: what they touch is the caller's own (its balance, identity,
/// consent, quote, lease...) or something that names the caller (the counterparty of a trade, the
/// issuer of a withdrawal, the lessor of a lease), which the pallet checks against the arguments.
/// Whether an unverified account may submit them is the KYC door's business (`kyc::OpenCalls`),
/// checked at the pool below. Every entry is a reviewed decision: add one only with its reason.
const OPEN_TO_SIGNED: &[(&str, &str, &str)] = &[
	("System", "remark_with_event", "records a hash of the remark for the caller"),
	("Balances", "transfer_allow_death", "moves the caller's own FXC"),
	("Balances", "transfer_keep_alive", "moves the caller's own FXC"),
	("Balances", "transfer_all", "moves the caller's own FXC"),
	("Balances", "burn", "burns the caller's own FXC"),
	("Balances", "upgrade_accounts", "only migrates accounts' storage format"),
	(
		"Session",
		"set_keys",
		"the caller's own keys, against a deposit; validators are chosen by governance",
	),
	("Session", "purge_keys", "the caller's own keys"),
	("Council", "close", "ends a motion that has its answer or ran out of time"),
	("Council", "release_proposal_cost", "returns a finished motion's deposit to its proposer"),
	("Utility", "batch", "the inner calls keep the caller's origin"),
	("Utility", "batch_all", "the inner calls keep the caller's origin"),
	("Utility", "force_batch", "the inner calls keep the caller's origin"),
	("Utility", "if_else", "the inner calls keep the caller's origin"),
	("Utility", "as_derivative", "the inner call gets a signed origin derived from the caller"),
	("Identity", "set_identity", "the caller's own identity"),
	("Identity", "set_subs", "the caller's own sub-accounts"),
	("Identity", "clear_identity", "the caller's own identity"),
	("Identity", "request_judgement", "for the caller's own identity, paying the fee"),
	("Identity", "cancel_request", "the caller's own request"),
	("Identity", "add_sub", "the caller's own sub-accounts"),
	("Identity", "rename_sub", "the caller's own sub-accounts"),
	("Identity", "remove_sub", "the caller's own sub-accounts"),
	("Identity", "quit_sub", "the caller's own sub-account link"),
	("Identity", "accept_username", "a username an authority granted to the caller"),
	("Identity", "set_primary_username", "a username the caller owns"),
	("Identity", "remove_expired_approval", "clears a lapsed grant, refunding the authority"),
	("Identity", "unbind_username", "only the authority that granted the username passes"),
	("Identity", "remove_username", "only after the unbinding grace period"),
	("Forex", "request_withdrawal", "the caller's own funds; verified accounts only"),
	("Forex", "complete_withdrawal", "only the issuer the withdrawal names passes"),
	("Forex", "decline_withdrawal", "only the issuer the withdrawal names passes"),
	("Forex", "pay", "the caller's own funds; verified accounts only"),
	("Forex", "withdraw_quote", "the caller's own quote, or an expired one"),
	("Forex", "exchange", "the caller's own funds against a posted quote"),
	("Forex", "accept_trade", "only the counterparty the trade names passes"),
	("Forex", "decline_trade", "only the counterparty the trade names passes"),
	("Forex", "cancel_trade", "the caller's own offer, or an expired one"),
	("Supervision", "file_feedback", "only a verified party to the payment passes"),
	("Leasing", "register_asset", "registers an asset to the verified caller"),
	("Leasing", "transfer_asset", "only the asset's holder passes"),
	("Leasing", "pledge_asset", "only the asset's holder passes"),
	("Leasing", "release_pledge", "only the pledgee passes"),
	("Leasing", "deregister_asset", "only the asset's holder passes"),
	("Leasing", "withdraw_draft", "only a party to the draft passes"),
	("Leasing", "sign", "only the lessee the draft names passes"),
	("Leasing", "set_auto_pay", "only the lease's lessee passes"),
	("Leasing", "pay", "only the lease's lessee passes"),
	("Leasing", "buy_out", "only the lease's lessee passes"),
	("Leasing", "complete", "only the lease's lessee or lessor passes, as its end option says"),
	("Leasing", "send_demand", "only the lease's verified lessor passes"),
	("Leasing", "declare_default", "only the lease's verified lessor passes"),
	("Leasing", "accelerate", "only the lease's verified lessor passes"),
	("Leasing", "terminate", "only the lease's verified lessor passes"),
	("Leasing", "write_off", "only the lease's verified lessor passes"),
	("DataSharing", "remove_item", "only the item's provider passes"),
	("DataSharing", "grant", "a verified subject's own consent"),
	("DataSharing", "revoke", "only the consent's subject passes"),
	("DataSharing", "dispute", "only the item's verified subject passes"),
	("DataSharing", "answer_dispute", "only the disputed item's provider passes"),
	("Receivables", "repay", "only the financing's borrower passes"),
	("Receivables", "release", "only the financing's bank passes"),
	("Receivables", "pay_document", "any verified account pays a registered document's holder"),
	("Receivables", "offer_assignment", "only the receivable's holder passes"),
	("Receivables", "register_assignment", "only an assignee holding an offer passes"),
	("Receivables", "withdraw_offer", "only the offer's assignor passes"),
	("Securitisation", "add_receivable", "only the pool's originator passes"),
	("Securitisation", "issue", "only the pool's originator passes"),
	("Securitisation", "buy", "a verified investor buys units from the originator"),
	("Securitisation", "write_off", "only the pool's originator passes"),
	("Securitisation", "close", "only the pool's originator passes"),
];

/// Privileged calls one council member may make (`SupervisorOrigin`: urgent operational acts).
/// Every other privileged call must refuse a single member.
const SUPERVISOR: &[(&str, &str)] = &[
	("Kyc", "suspend_licence"),
	("Kyc", "suspend"),
	("Kyc", "set_supervision_class"),
	("Forex", "release"),
	("Forex", "reject"),
	("Supervision", "freeze_account"),
	("Supervision", "freeze_currency"),
	("Supervision", "pause_payments"),
	("Supervision", "watch_list"),
	("Supervision", "acknowledge_report"),
	("Supervision", "escalate_report"),
	("Supervision", "answer_feedback"),
	("DataSharing", "statutory_query"),
];

/// Calls the generic builder cannot build, with the reason; none today. A call whose arguments
/// have no value at all (an argument of an empty enum, such as `sp_core::Void`) needs no entry:
/// nobody can submit it, and the test reports it as uncallable.
const UNBUILDABLE: &[(&str, &str, &str)] = &[];

/// Pallet errors that refuse the caller for who it is (no role, licence, membership or key). They
/// count only where some other origin gets past them with the same arguments (see `outcome`).
const REFUSALS: &[&str] = &[
	"Council.NotMember",
	"CouncilMembership.NotMember",
	"Sudo.RequireSudo",
	// A registrar index held by another account (the dev preset's registrars hold 0 and 1).
	"Identity.InvalidIndex",
	"Identity.NotUsernameAuthority",
	"Kyc.NotRegistrar",
	"Forex.NotIssuer",
	"Forex.NotMarketMaker",
	"Forex.NotInstitution",
	"Supervision.NotAuthorized",
	"Leasing.NotLicensed",
	"DataSharing.NotLicensed",
	"Receivables.NotLicensed",
	"Securitisation.NotLicensed",
];

/// Errors that refuse an account for having no live credential: a refusal of the unverified
/// account (and of the account `as_derivative` derives), not of a verified one.
const UNVERIFIED_REFUSALS: &[&str] = &[
	"Kyc.NotVerified",
	"Forex.NotVerified",
	"Supervision.NotVerified",
	"Leasing.NotVerified",
	"DataSharing.NotVerified",
	"Receivables.NotVerified",
	"Securitisation.NotVerified",
];

/// Hand-built arguments, tried besides the generic ones, for privileged calls whose generic
/// arguments fail for every caller alike, so that no refusal can be shown to be about the caller.
fn arguments() -> Vec<(&'static str, RuntimeCall)> {
	vec![
		(
			"the currency is checked before the issuer: currency 0 fails every caller",
			RuntimeCall::Forex(pallet_forex::Call::deposit {
				currency: 840,
				to: One.to_account_id(),
				amount: 1,
				bank_reference: H256::zero(),
			}),
		),
		(
			"the username is checked before its authority: an empty one fails every caller",
			RuntimeCall::Identity(pallet_identity::Call::set_username_for {
				who: One.to_account_id().into(),
				username: b"one.fx".to_vec(),
				signature: None,
				use_allocation: true,
			}),
		),
		(
			"a counterparty that is no institution fails every caller with the caller's error",
			RuntimeCall::Forex(pallet_forex::Call::propose_trade {
				counterparty: Eve.to_account_id(),
				give: (840, 1),
				take: (156, 1),
				expires_at: NOW + DAY,
				purpose: fxchain_primitives::forex::Purpose::Domestic,
			}),
		),
	]
}

/// The test clock: 2026-11-30.
const NOW: u64 = 1_796_000_000_000;
const DAY: u64 = 86_400_000;

/// The origins every call is dispatched from.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Who {
	/// `None`: what a bare extrinsic dispatches with.
	Nobody,
	/// A signed account that does not exist and holds no credential.
	Unverified,
	/// A verified individual without licence, council seat, sudo key or rate-setter post.
	Verified,
	/// A council member's account, signing for itself (not through the council).
	MemberAccount,
	/// One council member through `council.execute` (`SupervisorOrigin`).
	Member,
	/// A motion carried by one vote (`council.propose` with threshold 1).
	OneVote,
	/// Two thirds of the council (`GovernanceOrigin`).
	Governance,
	Root,
	/// Control: Dave, a bank licensed as registrar, issuer, market maker, lessor and data
	/// consumer, and a username authority. Nothing is asserted of the controls: they show which
	/// errors depend on the caller (below).
	Registrar,
	/// Control: Eve, a bank licensed as registrar, issuer, market maker and data provider.
	Provider,
}

const WHO: [Who; 10] = [
	Who::Nobody,
	Who::Unverified,
	Who::Verified,
	Who::MemberAccount,
	Who::Member,
	Who::OneVote,
	Who::Governance,
	Who::Root,
	Who::Registrar,
	Who::Provider,
];

impl Who {
	fn label(self) -> &'static str {
		match self {
			Who::Nobody => "none",
			Who::Unverified => "unverif",
			Who::Verified => "verif",
			Who::MemberAccount => "bob",
			Who::Member => "member",
			Who::OneVote => "1-vote",
			Who::Governance => "2/3",
			Who::Root => "root",
			Who::Registrar => "dave*",
			Who::Provider => "eve*",
		}
	}

	fn origin(self, accounts: &Accounts) -> RuntimeOrigin {
		type Collective = pallet_collective::RawOrigin<AccountId, CouncilInstance>;
		match self {
			Who::Nobody => RuntimeOrigin::none(),
			Who::Unverified => RuntimeOrigin::signed(accounts.unverified.clone()),
			Who::Verified => RuntimeOrigin::signed(accounts.verified.clone()),
			Who::MemberAccount => RuntimeOrigin::signed(accounts.member_account.clone()),
			Who::Member => Collective::Member(accounts.member.clone()).into(),
			Who::OneVote => Collective::Members(1, accounts.seats).into(),
			Who::Governance => Collective::Members(2, accounts.seats).into(),
			Who::Root => RuntimeOrigin::root(),
			Who::Registrar => RuntimeOrigin::signed(Dave.to_account_id()),
			Who::Provider => RuntimeOrigin::signed(Eve.to_account_id()),
		}
	}
}

struct Accounts {
	unverified_pair: sr25519::Pair,
	unverified: AccountId,
	verified: AccountId,
	member_account: AccountId,
	member: AccountId,
	seats: u32,
}

/// What one dispatch did.
#[derive(Clone, Debug, PartialEq)]
enum Outcome {
	/// Refused for who the caller is.
	Refused(String),
	/// Past the origin check, failed on the arguments or the state.
	Failed(String),
	/// Dispatched.
	Accepted,
}

/// The outcomes of one origin over every candidate encoding of a call.
#[derive(Default)]
struct Verdict {
	outcomes: Vec<Outcome>,
}

impl Verdict {
	fn refused(&self) -> bool {
		self.outcomes.iter().any(|o| matches!(o, Outcome::Refused(_)))
			&& !self.outcomes.contains(&Outcome::Accepted)
	}

	fn accepted(&self) -> bool {
		self.outcomes.contains(&Outcome::Accepted)
	}

	fn refused_with(&self, errors: &[&str]) -> bool {
		self.outcomes
			.iter()
			.any(|o| matches!(o, Outcome::Refused(e) if errors.contains(&e.as_str())))
	}

	fn symbol(&self) -> &'static str {
		if self.accepted() {
			"OK"
		} else if self.refused() {
			"-"
		} else if self.outcomes.is_empty() {
			" "
		} else {
			"err"
		}
	}

	fn describe(&self) -> String {
		let parts: Vec<String> = self
			.outcomes
			.iter()
			.map(|o| match o {
				Outcome::Refused(e) => format!("refused ({e})"),
				Outcome::Failed(e) => format!("failed ({e})"),
				Outcome::Accepted => "dispatched".into(),
			})
			.collect();
		parts.join(", ")
	}
}

/// One call of the metadata, with the encodings to try.
struct Call {
	pallet: String,
	name: String,
	candidates: Vec<RuntimeCall>,
}

impl Call {
	fn id(&self) -> String {
		format!("{}.{}", self.pallet, self.name)
	}

	fn is(&self, (pallet, name): (&str, &str)) -> bool {
		self.pallet == pallet && self.name == name
	}
}

/// Why a value of a type cannot be built.
enum Unbuilt {
	/// The type has no values: nobody can encode the call.
	Uninhabited(String),
	/// The builder does not know how.
	Unknown(String),
}

/// The registry's type `id`, encoded with its simplest value.
fn build(types: &PortableRegistry, id: u32, depth: u32, out: &mut Vec<u8>) -> Result<(), Unbuilt> {
	let ty = types
		.resolve(id)
		.ok_or_else(|| Unbuilt::Unknown(format!("type {id} missing")))?;
	let path = ty.path.segments.join("::");
	if depth > 32 {
		return Err(Unbuilt::Unknown(format!("{path} nests too deep")));
	}
	if path == "fxchain_runtime::RuntimeCall" {
		// A harmless call wherever a call is boxed (batches, motions, sudo, enact).
		RuntimeCall::System(frame_system::Call::remark { remark: vec![] }).encode_to(out);
		return Ok(());
	}
	match &ty.type_def {
		TypeDef::Composite(composite) => {
			for field in &composite.fields {
				build(types, field.ty.id, depth + 1, out)?;
			}
			Ok(())
		},
		TypeDef::Variant(variant) => {
			// The first variant that has a value.
			for candidate in &variant.variants {
				let mut encoded = vec![candidate.index];
				let built = candidate
					.fields
					.iter()
					.try_for_each(|field| build(types, field.ty.id, depth + 1, &mut encoded));
				match built {
					Ok(()) => {
						out.extend(encoded);
						return Ok(());
					},
					Err(Unbuilt::Uninhabited(_)) => continue,
					Err(unknown) => return Err(unknown),
				}
			}
			Err(Unbuilt::Uninhabited(path))
		},
		// Empty: no element is built, so `Vec<Void>` is fine.
		TypeDef::Sequence(_) | TypeDef::BitSequence(_) => {
			codec::Compact(0u32).encode_to(out);
			Ok(())
		},
		TypeDef::Array(array) => {
			(0..array.len).try_for_each(|_| build(types, array.type_param.id, depth + 1, out))
		},
		TypeDef::Tuple(tuple) => {
			tuple.fields.iter().try_for_each(|field| build(types, field.id, depth + 1, out))
		},
		TypeDef::Primitive(primitive) => {
			let width = match primitive {
				TypeDefPrimitive::Bool | TypeDefPrimitive::U8 | TypeDefPrimitive::I8 => 1,
				TypeDefPrimitive::U16 | TypeDefPrimitive::I16 => 2,
				TypeDefPrimitive::Char | TypeDefPrimitive::U32 | TypeDefPrimitive::I32 => 4,
				TypeDefPrimitive::U64 | TypeDefPrimitive::I64 => 8,
				TypeDefPrimitive::U128 | TypeDefPrimitive::I128 => 16,
				TypeDefPrimitive::U256 | TypeDefPrimitive::I256 => 32,
				// An empty string.
				TypeDefPrimitive::Str => 1,
			};
			out.extend(std::iter::repeat_n(0u8, width));
			Ok(())
		},
		// Zero, compact-encoded, whatever the width.
		TypeDef::Compact(_) => {
			out.push(0);
			Ok(())
		},
	}
}

fn metadata() -> RuntimeMetadataV14 {
	// Some constants (BABE's epoch duration) read storage.
	let prefixed: RuntimeMetadataPrefixed =
		sp_io::TestExternalities::default().execute_with(Runtime::metadata);
	match prefixed.1 {
		RuntimeMetadata::V14(metadata) => metadata,
		_ => panic!("`Runtime::metadata()` returns V14"),
	}
}

/// `pallet.Error` for a module error, `BadOrigin`, or the error's debug form.
fn error_name(metadata: &RuntimeMetadataV14, error: &DispatchError) -> String {
	match error {
		DispatchError::BadOrigin => "BadOrigin".into(),
		DispatchError::Module(module) => {
			let pallet = metadata.pallets.iter().find(|p| p.index == module.index);
			let name = pallet.and_then(|p| {
				let ty = metadata.types.resolve(p.error.as_ref()?.ty.id)?;
				let TypeDef::Variant(variant) = &ty.type_def else { return None };
				variant
					.variants
					.iter()
					.find(|v| v.index == module.error[0])
					.map(|v| v.name.clone())
			});
			match (pallet, name) {
				(Some(p), Some(name)) => format!("{}.{}", p.name, name),
				_ => format!("{module:?}"),
			}
		},
		other => format!("{other:?}"),
	}
}

fn listed(table: &[(&str, &str, &str)], call: &Call) -> bool {
	table.iter().any(|(pallet, name, _)| call.is((pallet, name)))
}

/// Dispatch `call` from `origin` and undo it; whether it changed the storage root on the way.
fn dispatch(call: &RuntimeCall, origin: RuntimeOrigin) -> (Result<(), DispatchError>, bool) {
	with_transaction(|| {
		let before = sp_io::storage::root(StateVersion::V1);
		let result = call.clone().dispatch(origin).map(|_| ()).map_err(|e| e.error);
		let changed = sp_io::storage::root(StateVersion::V1) != before;
		TransactionOutcome::Rollback(Ok::<_, DispatchError>((result, changed)))
	})
	.expect("the closure does not fail")
}

/// What the pool says of `extrinsic`, with whatever validation wrote undone.
fn pool(extrinsic: UncheckedExtrinsic) -> TransactionValidity {
	with_transaction(|| {
		let validity = Executive::validate_transaction(
			TransactionSource::External,
			extrinsic,
			System::parent_hash(),
		);
		TransactionOutcome::Rollback(Ok::<_, DispatchError>(validity))
	})
	.expect("the closure does not fail")
}

/// `pair`'s signed extrinsic of `call`.
fn signed(pair: &sr25519::Pair, call: RuntimeCall) -> UncheckedExtrinsic {
	let who: AccountId = pair.public().into();
	fxchain_runtime::signed_transaction(
		pair,
		call,
		System::account_nonce(&who),
		System::block_hash(0),
	)
}

/// The dev chain, its clock at 2026-11-30, with One verified by Dave (an individual).
fn dev() -> (sp_io::TestExternalities, Accounts) {
	let mut ext = common::ext_from_preset("dev", |_| {});
	let unverified_pair = sr25519::Pair::from_string("//fxchain/origins/unverified", None)
		.expect("a valid derivation path");
	let accounts = Accounts {
		unverified: unverified_pair.public().into(),
		unverified_pair,
		verified: One.to_account_id(),
		member_account: Bob.to_account_id(),
		member: Alice.to_account_id(),
		seats: 0,
	};
	let seats = ext.execute_with(|| {
		pallet_timestamp::Now::<Runtime>::put(NOW);
		let profile = KycProfile {
			person: H256::repeat_byte(0x01),
			entity: EntityType::Individual,
			residency: Residency::Resident,
			jurisdiction: CountryCode(*b"CN"),
			level: KycLevel::Standard,
			class: None,
		};
		assert_ok!(Kyc::attest(
			RuntimeOrigin::signed(Dave.to_account_id()),
			accounts.verified.clone(),
			profile,
			NOW + 365 * DAY,
		));
		// Dave grants usernames under `.fx`, so that an authority's check has a control.
		assert_ok!(fxchain_runtime::Identity::add_username_authority(
			RuntimeOrigin::root(),
			Dave.to_account_id().into(),
			b"fx".to_vec(),
			10,
		));
		check_roles(&accounts);
		pallet_collective::Members::<Runtime, CouncilInstance>::get().len() as u32
	});
	ext.register_extension(sp_core::traits::ReadRuntimeVersionExt::new(NoRuntime));
	// Genesis into the backend: the storage root is then cheap to compute after each dispatch.
	ext.commit_all().expect("the overlay commits");
	(ext, Accounts { seats, ..accounts })
}

/// Finds no runtime in any code, as the node's executor finds none in the empty code the
/// generic arguments give `system.set_code`.
struct NoRuntime;

impl sp_core::traits::ReadRuntimeVersion for NoRuntime {
	fn read_runtime_version(
		&self,
		_code: &[u8],
		_ext: &mut dyn sp_core::traits::Externalities,
	) -> Result<Vec<u8>, String> {
		Err("not a runtime".into())
	}
}

/// The accounts hold the roles their names say, and no other.
fn check_roles(accounts: &Accounts) {
	let council = pallet_collective::Members::<Runtime, CouncilInstance>::get();
	let sudo = pallet_sudo::Key::<Runtime>::get();
	let rate_setter = pallet_supervision::RateSetter::<Runtime>::get();
	let registrars: Vec<AccountId> = pallet_identity::Registrars::<Runtime>::get()
		.into_iter()
		.flatten()
		.map(|r| r.account)
		.collect();
	assert!(registrars.len() >= 2, "registrar indices 0 and 1 are held by the dev banks");
	for plain in [&accounts.unverified, &accounts.verified] {
		assert!(!council.contains(plain));
		assert_ne!(sudo.as_ref(), Some(plain));
		assert_ne!(rate_setter.as_ref(), Some(plain));
		assert!(!registrars.contains(plain));
		assert_eq!(pallet_kyc::Licences::<Runtime>::iter_prefix(plain).count(), 0);
	}
	assert!(!Kyc::is_verified(&accounts.unverified));
	assert!(!frame_system::Account::<Runtime>::contains_key(&accounts.unverified));
	assert!(Kyc::is_verified(&accounts.verified));
	// The member's own account is a member and nothing else.
	assert!(council.contains(&accounts.member_account));
	assert_ne!(sudo.as_ref(), Some(&accounts.member_account));
	assert_ne!(rate_setter.as_ref(), Some(&accounts.member_account));
	assert_eq!(pallet_kyc::Licences::<Runtime>::iter_prefix(&accounts.member_account).count(), 0);
	assert!(council.contains(&accounts.member));
	assert_eq!(council.len(), 3, "the dev council has three seats");
}

/// Every call of every pallet, with the generic encoding and any hand-built one; calls that
/// cannot be encoded at all; calls the builder failed on.
fn calls(metadata: &RuntimeMetadataV14) -> (Vec<Call>, Vec<String>, Vec<String>) {
	let mut hand_built: BTreeMap<(u8, u8), Vec<RuntimeCall>> = BTreeMap::new();
	for (_, call) in arguments() {
		let encoded = call.encode();
		hand_built.entry((encoded[0], encoded[1])).or_default().push(call);
	}
	let (mut calls, mut uncallable, mut unbuilt) = (vec![], vec![], vec![]);
	for pallet in &metadata.pallets {
		let Some(pallet_calls) = &pallet.calls else { continue };
		let ty = metadata.types.resolve(pallet_calls.ty.id).expect("the call enum is registered");
		let TypeDef::Variant(variants) = &ty.type_def else { panic!("a call enum is an enum") };
		for variant in &variants.variants {
			let id = format!("{}.{}", pallet.name, variant.name);
			let mut encoded = vec![pallet.index, variant.index];
			let built =
				variant.fields.iter().try_for_each(|field: &scale_info::Field<PortableForm>| {
					build(&metadata.types, field.ty.id, 0, &mut encoded)
				});
			let reason = match built {
				Ok(()) => match RuntimeCall::decode_all(&mut &encoded[..]) {
					Ok(call) => {
						let mut candidates = vec![call];
						candidates.extend(
							hand_built.remove(&(pallet.index, variant.index)).unwrap_or_default(),
						);
						calls.push(Call {
							pallet: pallet.name.clone(),
							name: variant.name.clone(),
							candidates,
						});
						continue;
					},
					Err(error) => format!("its arguments do not decode: {error}"),
				},
				Err(Unbuilt::Uninhabited(ty)) => {
					uncallable.push(format!("{id} (no value of {ty} exists)"));
					continue;
				},
				Err(Unbuilt::Unknown(why)) => why,
			};
			if !UNBUILDABLE.iter().any(|(p, c, _)| *p == pallet.name && *c == variant.name) {
				unbuilt.push(format!("{id}: {reason}"));
			}
		}
	}
	assert!(hand_built.is_empty(), "arguments() builds calls the metadata lacks: {hand_built:?}");
	(calls, uncallable, unbuilt)
}

/// Puts a call inside another (a batch, a derivative).
type Wrap = fn(RuntimeCall) -> RuntimeCall;

/// Whether `error` refuses `who` for who it is: `BadOrigin`, a role's error, or, for an account
/// without a credential, a verification error.
fn refuses(who: Who, error: &str) -> bool {
	error == "BadOrigin"
		|| REFUSALS.contains(&error)
		|| (who == Who::Unverified && UNVERIFIED_REFUSALS.contains(&error))
}

/// One dispatch: who, which candidate encoding, the error's name if it failed.
struct Dispatched {
	who: Who,
	candidate: usize,
	result: Result<(), String>,
}

/// How `result` of `who`'s dispatch of `candidate` counts, given every dispatch of the call.
///
/// A pallet's refusal error can also be about an argument (`CouncilMembership.NotMember` when
/// removing an account that is no member). It counts as refusing the caller only if, with the
/// same arguments, some other origin got past it: Dave or Eve (licensed), the council, root.
/// `BadOrigin` always counts.
fn outcome(all: &[Dispatched], who: Who, candidate: usize, result: &Result<(), String>) -> Outcome {
	let Err(error) = result else { return Outcome::Accepted };
	let passed = |d: &Dispatched| match &d.result {
		Ok(()) => true,
		Err(other) => other != error && !refuses(d.who, other),
	};
	let about_the_caller = error == "BadOrigin"
		|| (refuses(who, error)
			&& all.iter().any(|d| d.candidate == candidate && d.who != who && passed(d)));
	if about_the_caller {
		Outcome::Refused(error.clone())
	} else {
		Outcome::Failed(error.clone())
	}
}

#[test]
fn every_privileged_call_refuses_every_wrong_origin() {
	let started = std::time::Instant::now();
	let metadata = metadata();
	let (calls, uncallable, unbuilt) = calls(&metadata);
	let mut failures: Vec<String> = unbuilt
		.iter()
		.map(|u| format!("{u}: add it to UNBUILDABLE with a reason, or teach the builder"))
		.collect();

	// Every table entry names a call that exists.
	let known: BTreeSet<(String, String)> =
		calls.iter().map(|c| (c.pallet.clone(), c.name.clone())).collect();
	let tables = OPEN_TO_ANY
		.iter()
		.chain(INHERENTS)
		.chain(OPEN_TO_SIGNED)
		.chain(UNBUILDABLE)
		.map(|(p, c, _)| (*p, *c))
		.chain(SUPERVISOR.iter().copied());
	for (pallet, name) in tables {
		if !known.contains(&(pallet.to_string(), name.to_string())) {
			failures.push(format!("{pallet}.{name} is in a table but not in the runtime"));
		}
	}

	let (mut ext, accounts) = dev();
	let (mut dispatches, mut refused_dispatches) = (0usize, 0usize);
	let (mut asserted, mut asserted_wrapped) = (0usize, 0usize);
	let (mut privileged, mut pool_checks) = (0usize, 0usize);
	let mut matrix = vec![];
	let mut reasons: BTreeMap<String, usize> = BTreeMap::new();
	ext.execute_with(|| {
		for call in &calls {
			let open_to_any = listed(OPEN_TO_ANY, call);
			let inherent = listed(INHERENTS, call);
			let open_to_signed = listed(OPEN_TO_SIGNED, call);
			let supervisor = SUPERVISOR.iter().any(|entry| call.is(*entry));
			let is_privileged = !open_to_any && !open_to_signed;
			privileged += usize::from(is_privileged);

			// Every origin, every candidate encoding, each undone after.
			let mut all = vec![];
			for who in WHO {
				if who == Who::Nobody && inherent {
					continue;
				}
				for (candidate, encoded) in call.candidates.iter().enumerate() {
					let (result, changed) = dispatch(encoded, who.origin(&accounts));
					dispatches += 1;
					let result = result.map_err(|e| error_name(&metadata, &e));
					if let (Err(error), true) = (&result, changed) {
						failures.push(format!(
							"{}: failed ({error}) from {} but changed the storage root",
							call.id(),
							who.label()
						));
					}
					all.push(Dispatched { who, candidate, result });
				}
			}
			let mut verdicts: BTreeMap<Who, Verdict> = BTreeMap::new();
			for d in &all {
				let outcome = outcome(&all, d.who, d.candidate, &d.result);
				refused_dispatches += usize::from(matches!(outcome, Outcome::Refused(_)));
				verdicts.entry(d.who).or_default().outcomes.push(outcome);
			}

			// Who must be refused.
			let mut must_refuse = vec![];
			if !open_to_any && !inherent {
				must_refuse.push(Who::Nobody);
			}
			if is_privileged {
				must_refuse.extend([Who::Unverified, Who::Verified]);
				// A member's own account passes what council membership gates (proposing,
				// voting): the calls that refuse the verified account as no member.
				let member_gated = verdicts[&Who::Verified]
					.refused_with(&["Council.NotMember", "CouncilMembership.NotMember"]);
				if !member_gated {
					must_refuse.push(Who::MemberAccount);
				}
				if !supervisor {
					must_refuse.extend([Who::Member, Who::OneVote]);
				}
			}
			for who in must_refuse {
				asserted += 1;
				let verdict = &verdicts[&who];
				if let Some(Outcome::Refused(reason)) =
					verdict.outcomes.iter().find(|o| matches!(o, Outcome::Refused(_)))
				{
					*reasons.entry(reason.clone()).or_default() += 1;
				}
				if verdict.accepted() {
					let table = match who {
						Who::Member | Who::OneVote => "SUPERVISOR",
						_ => "OPEN_TO_SIGNED",
					};
					failures.push(format!(
						"{} DISPATCHED from {} ({}): a wrong origin may make a privileged call; \
						 if that is intended, review it into {table}",
						call.id(),
						who.label(),
						verdict.describe()
					));
				} else if !verdict.refused() {
					failures.push(format!(
						"{}: cannot show that {} is refused: {}; either the call does not check \
						 its caller first, or its arguments fail before the caller is checked: \
						 give it arguments in arguments() that a rightful caller gets past",
						call.id(),
						who.label(),
						verdict.describe()
					));
				}
			}
			// The tables stay true: a supervisor call admits a member, an open call a verified
			// account.
			if supervisor && verdicts[&Who::Member].refused() {
				failures.push(format!(
					"{} is in SUPERVISOR but refuses a member ({})",
					call.id(),
					verdicts[&Who::Member].describe()
				));
			}
			if open_to_signed && verdicts[&Who::Verified].refused() {
				failures.push(format!(
					"{} is in OPEN_TO_SIGNED but refuses a verified account ({})",
					call.id(),
					verdicts[&Who::Verified].describe()
				));
			}

			// Wrapped in `batch_all` or `as_derivative` by the verified account, a privileged
			// call is refused alike. The inner call's caller is the verified account itself, or
			// the account `as_derivative` derives from it, which holds no credential.
			if is_privileged {
				let wrappers: [(&str, Who, Wrap); 2] = [
					("batch_all", Who::Verified, |call| {
						RuntimeCall::Utility(pallet_utility::Call::batch_all { calls: vec![call] })
					}),
					("as_derivative", Who::Unverified, |call| {
						RuntimeCall::Utility(pallet_utility::Call::as_derivative {
							index: 0,
							call: Box::new(call),
						})
					}),
				];
				for (wrapper, inner, wrap) in wrappers {
					let mut verdict = Verdict::default();
					for (candidate, encoded) in call.candidates.iter().enumerate() {
						let (result, changed) =
							dispatch(&wrap(encoded.clone()), Who::Verified.origin(&accounts));
						dispatches += 1;
						let result = result.map_err(|e| error_name(&metadata, &e));
						if let (Err(error), true) = (&result, changed) {
							failures.push(format!(
								"{} in {wrapper}: failed ({error}) but changed the storage root",
								call.id()
							));
						}
						let outcome = outcome(&all, inner, candidate, &result);
						refused_dispatches += usize::from(matches!(outcome, Outcome::Refused(_)));
						verdict.outcomes.push(outcome);
					}
					asserted_wrapped += 1;
					if verdict.accepted() {
						failures.push(format!(
							"{} DISPATCHED in {wrapper} from the verified account ({})",
							call.id(),
							verdict.describe()
						));
					} else if !verdict.refused() && verdicts[&Who::Verified].refused() {
						// (When the direct call is inconclusive, that is reported above.)
						failures.push(format!(
							"{} in {wrapper}: cannot show the refusal: {}",
							call.id(),
							verdict.describe()
						));
					}
				}
			}

			// The pool: no call gets in unsigned, bare or general, nor signed by an unverified
			// account unless the KYC door lets it through (and then only with fees it cannot
			// pay).
			let door_refusal: TransactionValidityError =
				InvalidTransaction::Custom(pallet_kyc::CheckKyc::<Runtime>::rejection_code())
					.into();
			for encoded in &call.candidates {
				let bare = pool(UncheckedExtrinsic::new_bare(encoded.clone()));
				let general = pool(UncheckedExtrinsic::new_transaction(
					encoded.clone(),
					fxchain_runtime::tx_extension(0),
				));
				let from_unverified = pool(signed(&accounts.unverified_pair, encoded.clone()));
				pool_checks += 3;
				for (how, validity) in [("bare", &bare), ("general", &general)] {
					if validity.is_ok() {
						failures.push(format!(
							"{} is VALID in the pool as a {how} unsigned extrinsic",
							call.id()
						));
					}
				}
				let door = <Runtime as pallet_kyc::Config>::OpenCalls::contains(encoded);
				match (door || inherent, from_unverified) {
					(false, Err(error)) if error == door_refusal => {},
					// An inherent is refused before the door; an open call for want of fees.
					(true, Err(_)) => {},
					(_, validity) => failures.push(format!(
						"{} signed by an unverified account: the pool says {validity:?}",
						call.id()
					)),
				}
			}

			let symbols: Vec<String> = WHO
				.iter()
				.map(|who| format!("{:>8}", verdicts.get(who).map_or("", Verdict::symbol)))
				.collect();
			let kind = if open_to_any {
				"open to any"
			} else if open_to_signed {
				"open to signed"
			} else if inherent {
				"inherent"
			} else if supervisor {
				"supervisor"
			} else {
				"privileged"
			};
			matrix.push(format!("{:<40} {:<14}{}", call.id(), kind, symbols.concat()));
		}
	});

	let header: Vec<String> = WHO.iter().map(|w| format!("{:>8}", w.label())).collect();
	eprintln!("{:<40} {:<14}{}", "call", "kind", header.concat());
	for line in &matrix {
		eprintln!("{line}");
	}
	eprintln!(
		"(- refused, err got past the origin check and failed, OK dispatched; unverif: a fresh \
		 account, verif: One, verified, no role; bob: a member's own account; member: Alice \
		 through council.execute; 1-vote: Members(1, 3); 2/3: Members(2, 3); * controls, \
		 licensed banks, not asserted)"
	);
	for u in &uncallable {
		eprintln!("uncallable: {u}");
	}
	let pallets = metadata.pallets.len();
	let with_calls = metadata.pallets.iter().filter(|p| p.calls.is_some()).count();
	eprintln!(
		"origins: {pallets} pallets ({with_calls} with calls), {} calls: {} uncallable, {} \
		 tested ({privileged} privileged, {} of them supervisor; {} open to signed; {} open to \
		 any); {asserted} required refusals, {asserted_wrapped} more wrapped; {dispatches} \
		 dispatches, {refused_dispatches} refused; {pool_checks} pool validations; {:.2} s",
		calls.len() + uncallable.len() + unbuilt.len(),
		uncallable.len(),
		calls.len(),
		SUPERVISOR.len(),
		OPEN_TO_SIGNED.len(),
		OPEN_TO_ANY.len(),
		started.elapsed().as_secs_f64(),
	);
	let reasons: Vec<String> = reasons.iter().map(|(r, n)| format!("{r} {n}")).collect();
	eprintln!("required refusals by reason: {}", reasons.join(", "));
	assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
	// The test sees the whole runtime, not a part of it.
	assert!(with_calls >= 18 && calls.len() >= 150, "the metadata lists every pallet's calls");
}
