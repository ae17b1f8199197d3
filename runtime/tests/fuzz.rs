//! Fuzzing the real runtime: random sequences of calls of every fxchain pallet (and some of
//! `balances`, `identity`, `utility` and the council), with every kind of origin, across real
//! blocks whose clock jumps by seconds to weeks; after every block, every pallet's invariants and
//! the chain's money are checked.
//!
//! # Running
//!
//! The bounded run, part of the normal test command (about 70 s of execution on a 2-core
//! machine, after the build):
//!
//! ```text
//! source scripts/env.sh
//! cargo test --release --workspace --locked --test fuzz -- --nocapture
//! ```
//!
//! A long run (here about a quarter of an hour; hours are better):
//!
//! ```text
//! FXCHAIN_FUZZ_CASES=3000 FXCHAIN_FUZZ_BLOCKS=60 cargo test --release --workspace --locked \
//!     --test fuzz fuzz_the_runtime -- --nocapture
//! ```
//!
//! - `FXCHAIN_FUZZ_CASES`: how many cases (default [`DEFAULT_CASES`]); each is a fresh `dev`
//!   chain.
//! - `FXCHAIN_FUZZ_BLOCKS`: the most blocks of random calls per case, after the scripted prefix
//!   (default [`DEFAULT_BLOCKS`]).
//! - `FXCHAIN_FUZZ_SEED`: the seed (every run prints the one it used), to replay a run.
//! - `FXCHAIN_FUZZ_SHRINK_SECS`: how long a failing case may be minimised (default 600).
//! - `FXCHAIN_FUZZ_VERBOSE=1`: also print the commonest failure reasons.
//!
//! The summary line (cases, blocks, calls, successes per pallet, invariant checks) goes to
//! stderr: run with `--nocapture` to see it.
//!
//! # A case
//!
//! A fresh `dev` chain (Bob also holds session keys, so governance can make him a validator; Two
//! starts without FXC, so a registrar's attestation is what lets it pay fees). Its first blocks
//! are a scripted prefix that funds the customers and walks the interesting flows once (deposit
//! then pay, quote then exchange, asset then lease then rent, consent then query, item then
//! dispute, trade proposed then accepted, withdrawal requested then completed, a class-C
//! enterprise's rent held for review, an hourly lease one late instalment from default). Then
//! come random blocks of random steps, flows (short scripted sequences with random parameters,
//! such as a council motion from proposal to close) and batches.
//!
//! Every block is a real one: `Executive::initialize_block` with a BABE secondary pre-digest for
//! the slot of the block's time, the timestamp inherent, the steps, `Executive::finalize_block`,
//! and its state committed. The clock advances by one slot, minutes, hours, or up to forty days,
//! so rent falls due, holds and credentials expire, rates go stale, sessions rotate and the
//! retention periods prune. A block that rotates the session is full (`pallet-session` charges
//! the whole block): like a block author, the harness closes it with its inherent alone and
//! makes the steps in the next slot.
//!
//! Signed steps are signed extrinsics applied with `Executive::apply_extrinsic`, as a block
//! builder applies them (the KYC door, nonces and fees apply; a refused extrinsic is rolled back
//! and leaves the block). The council's and root's steps dispatch the call with that origin, as
//! the collective and sudo do: one council member (`SupervisorOrigin`), two thirds
//! (`GovernanceOrigin`), one third (neither), or root; some go the production way instead, as a
//! signed `council.execute` of a member or Alice's `sudo.sudo`. Batches (`utility.batch`,
//! `batch_all`, `force_batch`, `as_derivative`) put calls behind the door and derivative,
//! never-verified origins.
//!
//! Arguments lean towards values that mean something: the dev accounts and two fresh ones, the
//! dev currencies, amounts around the rules' thresholds and at the integer limits, and existing
//! objects (the latest or the n-th open lease, quote, trade, held payment, consent, item, ...).
//! A step's `Natural` caller is the party that would make the call (the lessee for rent, the
//! quote's maker to withdraw it, one council member for a freeze, ...).
//!
//! # After every block
//!
//! - every fxchain pallet's `do_try_state`, and [`registrars_in_step`] (the KYC pallet's
//!   registrar licences against `pallet-identity`'s registrars);
//! - per currency: the issuance is the sum of all balances (reservations sit in the forex escrow
//!   account) and what the events say issuers minted less what they burnt; the escrow holds the
//!   sum of reservations; each account's reservation is exactly its open operations' legs, its
//!   trade offers and what the leasing pallet reserved (deposits);
//! - a held operation is in the expiry queue, supervision keeps held quota only for held
//!   operations, a lease waiting for a payment's review points at a held ledger transfer;
//! - the native token: the issuance is the sum of all accounts, and it falls only by the fees
//!   paid (burnt, no treasury) and dust.

mod common;

use codec::Encode;
use frame_support::{
	dispatch::GetDispatchInfo,
	traits::{fungibles::Inspect, GetCallMetadata},
};
use fxchain_primitives::{
	data_sharing::{Category, DataPurpose, LegalBasis, SharingParams, StatutoryBasis},
	forex::{
		Amount, CurrencyId, Documents, MovementKind, PaymentStatus, Purpose, Reference, TravelRule,
	},
	kyc::{
		CountryCode, CredentialStatus, EntityType, KycLevel, KycProfile, PersonId, Residency, Role,
		SupervisionClass,
	},
	leasing::{DefaultTrigger, Encumbrance, EndOption, LeaseId, LeaseStatus, Method, Terms},
	supervision::{FeedbackKind, Rule, StructuringRule, Threshold},
	token::{MILLI_UNIT, UNIT},
	Balance, Moment,
};
use fxchain_runtime::{
	AccountId, Executive, Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin, System,
	UncheckedExtrinsic,
};
use proptest::{
	collection::vec,
	prelude::*,
	sample::select,
	test_runner::{Config, RngSeed, TestCaseError, TestError, TestRunner},
};
use sp_core::H256;
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	traits::{BlakeTwo256, Dispatchable, Hash as _, Header as _},
	DispatchError, FixedPointNumber, FixedU128, Perbill,
};
use std::{
	cell::RefCell,
	collections::{BTreeMap, BTreeSet},
	time::Instant,
};

/// Cases of the bounded run.
const DEFAULT_CASES: u32 = 400;
/// The most random blocks per case in the bounded run.
const DEFAULT_BLOCKS: u32 = 40;
/// The most steps and flows in one random block.
const MAX_GROUPS_PER_BLOCK: usize = 8;

const SLOT: Moment = 6_000;
const MINUTE: Moment = 60_000;
const HOUR: Moment = 60 * MINUTE;
const DAY: Moment = 24 * HOUR;
/// The first block's time: 2026-11-30, on a slot boundary.
const GENESIS_TIME: Moment = 1_796_000_004_000;

const CNY: CurrencyId = 156;
const USD: CurrencyId = 840;
const EUR: CurrencyId = 978;
const HKD: CurrencyId = 344;
const JPY: CurrencyId = 392;
const GBP: CurrencyId = 826;
/// Not registered at genesis (governance may register it).
const CHF: CurrencyId = 756;

type Collective = pallet_collective::RawOrigin<AccountId, pallet_collective::Instance1>;
type Record = pallet_forex::Record<AccountId>;
type Lease = fxchain_primitives::leasing::Lease<AccountId>;

// ---------------------------------------------------------------------------------------------
// Actors, origins and selectors
// ---------------------------------------------------------------------------------------------

/// The accounts that act. Alice and Bob are individuals (Bob a non-resident in Hong Kong),
/// Charlie a class-A enterprise, Dave and Eve the licensed banks (Dave also lessor and data
/// consumer, Eve data provider); Alice, Bob and Charlie form the council. Ferdie is the rate
/// setter without a credential, One is never attested, Two starts without FXC (the prefix has
/// Dave attest it, a class-C enterprise in Hong Kong).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Actor {
	Alice,
	Bob,
	Charlie,
	Dave,
	Eve,
	Ferdie,
	One,
	Two,
	/// The forex pallet's escrow account: nobody holds its key. Only a target.
	Escrow,
}

impl Actor {
	const ALL: [Actor; 9] = [
		Actor::Alice,
		Actor::Bob,
		Actor::Charlie,
		Actor::Dave,
		Actor::Eve,
		Actor::Ferdie,
		Actor::One,
		Actor::Two,
		Actor::Escrow,
	];

	/// The actor's key; `None` for the escrow account.
	fn keyring(self) -> Option<Sr25519Keyring> {
		Some(match self {
			Actor::Alice => Sr25519Keyring::Alice,
			Actor::Bob => Sr25519Keyring::Bob,
			Actor::Charlie => Sr25519Keyring::Charlie,
			Actor::Dave => Sr25519Keyring::Dave,
			Actor::Eve => Sr25519Keyring::Eve,
			Actor::Ferdie => Sr25519Keyring::Ferdie,
			Actor::One => Sr25519Keyring::One,
			Actor::Two => Sr25519Keyring::Two,
			Actor::Escrow => return None,
		})
	}

	fn id(self) -> AccountId {
		match self.keyring() {
			Some(keyring) => keyring.to_account_id(),
			None => pallet_forex::Pallet::<Runtime>::escrow_account(),
		}
	}

	/// The actor holding `who`; Dave for anyone else.
	fn of(who: &AccountId) -> Actor {
		Self::ALL.into_iter().find(|actor| actor.id() == *who).unwrap_or(Actor::Dave)
	}

	/// The person (keyed document hash) of the dev chain's test credentials.
	fn person(self) -> PersonId {
		BlakeTwo256::hash(
			&[b"fxchain test person/".as_slice(), format!("{self:?}").as_bytes()].concat(),
		)
	}
}

/// Who makes a step.
#[derive(Clone, Copy, Debug)]
enum Caller {
	/// The party that would make the call (see `build`).
	Natural,
	/// A signed extrinsic through the real transaction path.
	Signed(Actor),
	/// One council member: `SupervisorOrigin`.
	Member(Actor),
	/// Two thirds of the council: `GovernanceOrigin`.
	Governance,
	/// One third of the council: neither.
	Minority,
	Root,
	/// Alice's `sudo.sudo` (the `dev` chain's key), a signed extrinsic: root.
	Sudo,
	/// A member's `council.execute`, a signed extrinsic: `SupervisorOrigin`.
	Execute(Actor),
}

/// How a batch dispatches its calls.
#[derive(Clone, Copy, Debug)]
enum BatchMode {
	Batch,
	All,
	Force,
	/// The first call only, from a derivative account (which has no credential).
	Derivative(u16),
}

/// An existing object: the latest, the n-th (modulo how many there are), or a raw id.
#[derive(Clone, Copy, Debug)]
enum Pick {
	Latest,
	Nth(u8),
	Raw(u64),
}

impl Pick {
	fn choose<T: Clone>(self, list: &[T]) -> Option<T> {
		match self {
			Pick::Latest => list.last().cloned(),
			Pick::Nth(n) if !list.is_empty() => list.get(usize::from(n) % list.len()).cloned(),
			_ => None,
		}
	}

	/// A numeric id among `ids` (ascending); 0 when there is none.
	fn id(self, ids: &[u64]) -> u64 {
		match self {
			Pick::Raw(id) => id,
			_ => self.choose(ids).unwrap_or_default(),
		}
	}
}

/// A moment relative to the block's time.
#[derive(Clone, Copy, Debug)]
enum Expiry {
	Past,
	Now,
	Minutes(u64),
	Hours(u64),
	Days(u64),
}

impl Expiry {
	fn at(self, now: Moment) -> Moment {
		match self {
			Expiry::Past => now.saturating_sub(MINUTE),
			Expiry::Now => now,
			Expiry::Minutes(m) => now.saturating_add(m * MINUTE),
			Expiry::Hours(h) => now.saturating_add(h * HOUR),
			Expiry::Days(d) => now.saturating_add(d * DAY),
		}
	}
}

/// A rate around the reference rates of the dev chain.
#[derive(Clone, Copy, Debug)]
enum RateSel {
	Reference,
	Premium(u8),
	Discount(u8),
	Tiny,
	Huge,
	Zero,
}

/// US cents per minor unit of each currency, as the genesis rates say.
fn usd_value(currency: CurrencyId) -> (u128, u128) {
	match currency {
		CNY => (1_408, 10_000),
		EUR => (108, 100),
		HKD => (128, 1_000),
		JPY => (67, 100),
		GBP => (127, 100),
		_ => (1, 1),
	}
}

impl RateSel {
	/// `numerator / denominator` adjusted as selected.
	fn apply(self, numerator: u128, denominator: u128) -> FixedU128 {
		match self {
			RateSel::Reference => FixedU128::from_rational(numerator, denominator),
			RateSel::Premium(p) => {
				FixedU128::from_rational(numerator * (100 + u128::from(p)), denominator * 100)
			},
			RateSel::Discount(p) => FixedU128::from_rational(
				numerator * (100 - u128::from(p.min(99))),
				denominator * 100,
			),
			RateSel::Tiny => FixedU128::from_inner(1),
			RateSel::Huge => FixedU128::from_u32(1_000_000_000),
			RateSel::Zero => FixedU128::from_inner(0),
		}
	}

	/// Minor units of `ask` per minor unit of `offer`.
	fn quote(self, offer: CurrencyId, ask: CurrencyId) -> FixedU128 {
		let ((on, od), (an, ad)) = (usd_value(offer), usd_value(ask));
		self.apply(on * ad, od * an)
	}

	/// US cents per minor unit of `currency` (a reference rate).
	fn reference(self, currency: CurrencyId) -> FixedU128 {
		let (n, d) = usd_value(currency);
		self.apply(n, d)
	}
}

/// How much of a quote to buy.
#[derive(Clone, Copy, Debug)]
enum Share {
	Units(Amount),
	Percent(u8),
}

/// The price limit of an exchange, against the quote's price.
#[derive(Clone, Copy, Debug)]
enum Limit {
	Exact,
	Ample,
	Short,
}

/// A person: a dev account's, or a new one.
#[derive(Clone, Copy, Debug)]
enum Person {
	Of(Actor),
	New(u8),
}

impl Person {
	fn id(self) -> PersonId {
		match self {
			Person::Of(actor) => actor.person(),
			Person::New(n) => H256::repeat_byte(n),
		}
	}
}

/// A KYC profile, its person named.
#[derive(Clone, Copy, Debug)]
struct Profile {
	person: Person,
	entity: EntityType,
	residency: Residency,
	jurisdiction: [u8; 2],
	level: KycLevel,
	class: Option<SupervisionClass>,
}

impl Profile {
	fn profile(self) -> KycProfile {
		KycProfile {
			person: self.person.id(),
			entity: self.entity,
			residency: self.residency,
			jurisdiction: CountryCode(self.jurisdiction),
			level: self.level,
			class: self.class,
		}
	}
}

/// A call the council makes by motion, or by `governance.enact`.
#[derive(Clone, Copy, Debug)]
enum Motion {
	Remark,
	Rule(Rule),
	MinValidators(u32),
	License(Actor, Role),
	Rate(CurrencyId),
}

impl Motion {
	fn call(self) -> RuntimeCall {
		match self {
			Motion::Remark => {
				RuntimeCall::System(frame_system::Call::remark_with_event { remark: vec![1, 2] })
			},
			Motion::Rule(rule) => {
				RuntimeCall::Supervision(pallet_supervision::Call::set_rule { rule })
			},
			Motion::MinValidators(new) => {
				RuntimeCall::ValidatorSet(pallet_validator_set::Call::set_min_validators { new })
			},
			Motion::License(who, role) => {
				RuntimeCall::Kyc(pallet_kyc::Call::license { institution: who.id(), role })
			},
			Motion::Rate(currency) => {
				RuntimeCall::Supervision(pallet_supervision::Call::set_rate {
					currency,
					rate: RateSel::Reference.reference(currency),
				})
			},
		}
	}
}

/// One call, its arguments as selectors resolved against the state when it runs.
#[derive(Clone, Debug)]
enum Act {
	// Balances, identity, the council.
	Transfer {
		from: Actor,
		to: Actor,
		value: Balance,
		keep_alive: bool,
	},
	SetIdentity {
		who: Actor,
		name: u8,
	},
	ClearIdentity {
		who: Actor,
	},
	RequestJudgement {
		who: Actor,
		registrar: u32,
	},
	CancelRequest {
		who: Actor,
		registrar: u32,
	},
	ProvideJudgement {
		registrar: Actor,
		index: u32,
		target: Actor,
		good: bool,
	},
	Propose {
		member: Actor,
		threshold: u32,
		motion: Motion,
	},
	Vote {
		member: Actor,
		motion: Pick,
		aye: bool,
	},
	Close {
		member: Actor,
		motion: Pick,
	},
	// KYC.
	License {
		institution: Actor,
		role: Role,
	},
	SuspendLicence {
		institution: Actor,
		role: Role,
	},
	ReinstateLicence {
		institution: Actor,
		role: Role,
	},
	RevokeLicence {
		institution: Actor,
		role: Role,
	},
	Attest {
		registrar: Actor,
		who: Actor,
		profile: Profile,
		expiry: Expiry,
	},
	Renew {
		registrar: Actor,
		who: Actor,
		expiry: Expiry,
	},
	Suspend {
		registrar: Actor,
		who: Actor,
	},
	Reinstate {
		registrar: Actor,
		who: Actor,
	},
	Revoke {
		registrar: Actor,
		who: Actor,
	},
	SetClass {
		person: Person,
		class: SupervisionClass,
	},
	SetAllowance {
		amount: Balance,
	},
	// Forex.
	RegisterCurrency {
		currency: CurrencyId,
		code: [u8; 3],
		decimals: u8,
	},
	AddIssuer {
		currency: CurrencyId,
		issuer: Actor,
	},
	RemoveIssuer {
		currency: CurrencyId,
		issuer: Actor,
	},
	Deposit {
		issuer: Actor,
		currency: CurrencyId,
		to: Actor,
		amount: Amount,
	},
	RequestWithdrawal {
		who: Actor,
		currency: CurrencyId,
		amount: Amount,
		issuer: Actor,
	},
	CompleteWithdrawal {
		withdrawal: Pick,
	},
	DeclineWithdrawal {
		withdrawal: Pick,
	},
	Pay {
		from: Actor,
		to: Actor,
		currency: CurrencyId,
		amount: Amount,
		purpose: Purpose,
		travel_rule: bool,
		documents: Documents,
	},
	Release {
		hold: Pick,
	},
	Reject {
		hold: Pick,
	},
	PostQuote {
		maker: Actor,
		offer: CurrencyId,
		ask: CurrencyId,
		rate: RateSel,
		amount: Amount,
		expiry: Expiry,
	},
	WithdrawQuote {
		quote: Pick,
	},
	Exchange {
		customer: Actor,
		quote: Pick,
		share: Share,
		limit: Limit,
		purpose: Purpose,
	},
	ProposeTrade {
		proposer: Actor,
		counterparty: Actor,
		give: (CurrencyId, Amount),
		take: (CurrencyId, Amount),
		expiry: Expiry,
		purpose: Purpose,
	},
	AcceptTrade {
		trade: Pick,
	},
	DeclineTrade {
		trade: Pick,
	},
	CancelTrade {
		trade: Pick,
	},
	// Supervision.
	SetRule {
		rule: Rule,
	},
	SetRateSetter {
		setter: Option<Actor>,
	},
	SetRate {
		currency: CurrencyId,
		rate: RateSel,
	},
	FreezeAccount {
		who: Actor,
	},
	UnfreezeAccount {
		who: Actor,
	},
	FreezeCurrency {
		currency: CurrencyId,
	},
	UnfreezeCurrency {
		currency: CurrencyId,
	},
	PausePayments,
	ResumePayments,
	WatchList {
		person: Person,
	},
	Unwatch {
		person: Person,
	},
	AcknowledgeReport {
		report: Pick,
	},
	EscalateReport {
		report: Pick,
	},
	FileFeedback {
		who: Actor,
		payment: Pick,
		kind: FeedbackKind,
	},
	AnswerFeedback {
		feedback: Pick,
	},
	// Leasing.
	RegisterAsset {
		holder: Actor,
		asset: u8,
	},
	TransferAsset {
		asset: u8,
		to: Actor,
	},
	PledgeAsset {
		asset: u8,
		pledgee: Actor,
	},
	ReleasePledge {
		asset: u8,
	},
	DeregisterAsset {
		asset: u8,
	},
	Draft {
		lessor: Actor,
		lessee: Actor,
		asset: u8,
		terms: Terms,
	},
	WithdrawDraft {
		lease: Pick,
		by_lessee: bool,
	},
	Sign {
		lease: Pick,
		right_hash: bool,
	},
	SetAutoPay {
		lease: Pick,
		enabled: bool,
	},
	PayRent {
		lease: Pick,
	},
	BuyOut {
		lease: Pick,
	},
	Complete {
		lease: Pick,
	},
	SendDemand {
		lease: Pick,
	},
	DeclareDefault {
		lease: Pick,
	},
	Accelerate {
		lease: Pick,
	},
	Terminate {
		lease: Pick,
		recovered: Amount,
	},
	WriteOff {
		lease: Pick,
	},
	// Data sharing.
	RegisterItem {
		provider: Actor,
		subject: Actor,
		category: Category,
	},
	UpdateItem {
		item: Pick,
	},
	RemoveItem {
		item: Pick,
	},
	Grant {
		subject: Actor,
		grantee: Actor,
		categories: u8,
		purpose: DataPurpose,
		basis: LegalBasis,
		expiry: Expiry,
		max_queries: Option<u32>,
	},
	RevokeConsent {
		consent: Pick,
	},
	Query {
		consent: Pick,
		exact: bool,
		category: Category,
		purpose: DataPurpose,
		holder: Actor,
	},
	RecordResult {
		entry: Pick,
	},
	StatutoryQuery {
		subject: Actor,
		category: Category,
		basis: StatutoryBasis,
		case: u8,
		holder: Actor,
	},
	Dispute {
		item: Pick,
	},
	AnswerDispute {
		item: Pick,
	},
	SetParams {
		params: SharingParams,
	},
	SealCase {
		case: u8,
		until: Option<Expiry>,
	},
	// Validators and governance.
	AddValidator {
		who: Actor,
	},
	RemoveValidator {
		who: Actor,
	},
	SetMinValidators {
		min: u32,
	},
	Enact {
		motion: Motion,
	},
	// Utility.
	Batch {
		mode: BatchMode,
		calls: Vec<Act>,
	},
}

#[derive(Clone, Debug)]
struct Step {
	caller: Caller,
	act: Act,
}

fn natural(act: Act) -> Step {
	Step { caller: Caller::Natural, act }
}

/// One block: how far the clock moves, whether the rate setter refreshes stale rates first,
/// and the steps.
#[derive(Clone, Debug)]
struct BlockPlan {
	advance: Moment,
	keeper: bool,
	steps: Vec<Step>,
}

// ---------------------------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------------------------

fn actor() -> impl Strategy<Value = Actor> {
	use Actor::*;
	prop_oneof![
		4 => Just(Alice),
		4 => Just(Bob),
		4 => Just(Charlie),
		3 => Just(Dave),
		3 => Just(Eve),
		1 => Just(Ferdie),
		1 => Just(One),
		2 => Just(Two),
	]
}

/// `targets`, and now and then the forex escrow account, which must never become a party
/// (`the_escrow_account_is_never_verified_so_no_money_reaches_it_past_the_books`).
fn or_escrow(targets: impl Strategy<Value = Actor> + 'static) -> BoxedStrategy<Actor> {
	prop_oneof![19 => targets, 1 => Just(Actor::Escrow)].boxed()
}

/// The verified customers, and Two once attested.
/// `to`, or if that is `from` and the parties are to be `distinct`, another party: the other
/// bank for a bank, else another customer.
fn other(from: Actor, to: Actor, distinct: bool) -> Actor {
	if to != from || !distinct {
		return to;
	}
	match from {
		Actor::Dave => Actor::Eve,
		Actor::Eve => Actor::Dave,
		Actor::Alice => Actor::Bob,
		Actor::Bob => Actor::Charlie,
		_ => Actor::Alice,
	}
}

fn customer() -> impl Strategy<Value = Actor> {
	prop_oneof![
		4 => Just(Actor::Alice),
		3 => Just(Actor::Bob),
		4 => Just(Actor::Charlie),
		1 => Just(Actor::Two),
		1 => actor(),
	]
}

fn bank() -> impl Strategy<Value = Actor> {
	prop_oneof![6 => Just(Actor::Dave), 4 => Just(Actor::Eve), 1 => actor()]
}

fn council_member() -> impl Strategy<Value = Actor> {
	select(vec![Actor::Alice, Actor::Bob, Actor::Charlie])
}

fn caller() -> impl Strategy<Value = Caller> {
	prop_oneof![
		80 => Just(Caller::Natural),
		8 => actor().prop_map(Caller::Signed),
		3 => council_member().prop_map(Caller::Member),
		2 => council_member().prop_map(Caller::Execute),
		3 => Just(Caller::Governance),
		1 => Just(Caller::Minority),
		2 => Just(Caller::Root),
		2 => Just(Caller::Sudo),
	]
}

fn currency() -> impl Strategy<Value = CurrencyId> {
	prop_oneof![
		5 => Just(CNY),
		5 => Just(USD),
		2 => Just(EUR),
		2 => Just(HKD),
		1 => Just(JPY),
		1 => Just(GBP),
		1 => Just(CHF),
		1 => Just(0),
	]
}

/// Amounts in minor units: mostly what customers hold, also the rules' thresholds, zero, one
/// and the integer limits.
fn amount() -> impl Strategy<Value = Amount> {
	prop_oneof![
		2 => 1u128..=1_000,
		6 => 1_000u128..=100_000,
		6 => 100_000u128..=5_000_000,
		2 => 5_000_000u128..=200_000_000,
		2 => select(vec![
			99_999u128, 100_000, 499_999, 500_000, 999_999, 1_000_000, 1_999_999, 2_000_000,
			5_000_000, 10_000_000, 50_000_000,
		]),
		1 => Just(0u128),
		1 => Just(1u128),
		1 => select(vec![u128::MAX, u128::MAX - 1, u128::MAX / 2, u128::from(u64::MAX)]),
	]
}

fn native_value() -> impl Strategy<Value = Balance> {
	prop_oneof![
		4 => select(vec![MILLI_UNIT, UNIT, 10 * UNIT, MILLI_UNIT - 1]),
		2 => 1u128..=1_000 * UNIT,
		1 => select(vec![0, 999_999 * UNIT, u128::MAX]),
	]
}

fn pick() -> impl Strategy<Value = Pick> {
	prop_oneof![
		4 => Just(Pick::Latest),
		6 => any::<u8>().prop_map(Pick::Nth),
		1 => (0u64..4).prop_map(Pick::Raw),
	]
}

fn expiry() -> impl Strategy<Value = Expiry> {
	prop_oneof![
		1 => Just(Expiry::Past),
		1 => Just(Expiry::Now),
		2 => (1u64..=120).prop_map(Expiry::Minutes),
		4 => (1u64..=48).prop_map(Expiry::Hours),
		5 => (1u64..=400).prop_map(Expiry::Days),
		1 => (1_800u64..=1_900).prop_map(Expiry::Days),
	]
}

/// Offers live at most seven days.
fn offer_expiry() -> impl Strategy<Value = Expiry> {
	prop_oneof![
		1 => Just(Expiry::Past),
		3 => (1u64..=120).prop_map(Expiry::Minutes),
		6 => (1u64..=48).prop_map(Expiry::Hours),
		2 => (3u64..=8).prop_map(Expiry::Days),
	]
}

fn purpose() -> impl Strategy<Value = Purpose> {
	prop_oneof![
		6 => Just(Purpose::Domestic),
		2 => Just(Purpose::GoodsTrade),
		2 => Just(Purpose::ServicesTrade),
		1 => Just(Purpose::PrimaryIncome),
		2 => Just(Purpose::CurrentTransfer),
		1 => Just(Purpose::CapitalAccount),
		1 => Just(Purpose::FinancialAccount),
	]
}

fn documents() -> impl Strategy<Value = Documents> {
	(any::<bool>(), any::<bool>()).prop_map(|(trade, tax)| Documents {
		trade_document: trade.then(|| H256::repeat_byte(0xD0)),
		tax_filing: tax.then(|| H256::repeat_byte(0x7A)),
	})
}

fn role() -> impl Strategy<Value = Role> {
	select(Role::ALL.to_vec())
}

fn rate_sel() -> impl Strategy<Value = RateSel> {
	prop_oneof![
		8 => Just(RateSel::Reference),
		2 => (1u8..=5).prop_map(RateSel::Premium),
		2 => (1u8..=5).prop_map(RateSel::Discount),
		1 => Just(RateSel::Tiny),
		1 => Just(RateSel::Huge),
		1 => Just(RateSel::Zero),
	]
}

fn person() -> impl Strategy<Value = Person> {
	prop_oneof![4 => actor().prop_map(Person::Of), 1 => (1u8..=4).prop_map(Person::New)]
}

fn profile() -> impl Strategy<Value = Profile> {
	let entity = prop_oneof![
		4 => Just(EntityType::Individual),
		3 => Just(EntityType::Enterprise),
		1 => Just(EntityType::Institution),
	];
	let class = prop_oneof![
		1 => Just(None),
		1 => Just(Some(SupervisionClass::A)),
		1 => Just(Some(SupervisionClass::B)),
		2 => Just(Some(SupervisionClass::C)),
	];
	(
		person(),
		entity,
		any::<bool>(),
		select(vec![*b"CN", *b"CN", *b"HK", *b"US", *b"cn"]),
		select(vec![KycLevel::Basic, KycLevel::Standard, KycLevel::Enhanced]),
		class,
		prop::bool::weighted(0.85),
	)
		.prop_map(|(person, entity, non_resident, jurisdiction, level, class, consistent)| {
			// Mostly what a registrar would attest: a class for enterprises only.
			let class = match (consistent, entity) {
				(true, EntityType::Enterprise) => class.or(Some(SupervisionClass::A)),
				(true, _) => None,
				(false, _) => class,
			};
			let residency = if non_resident { Residency::NonResident } else { Residency::Resident };
			Profile { person, entity, residency, jurisdiction, level, class }
		})
}

fn threshold() -> impl Strategy<Value = Threshold> {
	(
		prop_oneof![1 => Just(0u128), 6 => 1_000u128..=10_000_000],
		prop_oneof![1 => Just(0u128), 6 => 1_000u128..=2_000_000],
	)
		.prop_map(|(home, usd)| Threshold { home, usd })
}

fn period() -> impl Strategy<Value = Moment> {
	select(vec![0, 10 * MINUTE, HOUR, DAY, 2 * DAY, 10 * DAY, 30 * DAY])
}

fn rule() -> impl Strategy<Value = Rule> {
	let quota = || prop_oneof![1 => Just(0u128), 4 => 100u128..=10_000_000];
	prop_oneof![
		1 => select(vec![CNY, USD, HKD]).prop_map(Rule::HomeCurrency),
		2 => quota().prop_map(Rule::PurchaseQuota),
		1 => quota().prop_map(Rule::SettlementQuota),
		1 => threshold().prop_map(Rule::LargeCash),
		1 => threshold().prop_map(Rule::LargeEntity),
		1 => threshold().prop_map(Rule::LargeIndividualDomestic),
		1 => threshold().prop_map(Rule::LargeIndividualCrossBorder),
		2 => threshold().prop_map(Rule::TravelRule),
		1 => prop_oneof![Just(0u128), 1u128..=10_000_000].prop_map(Rule::TaxFiling),
		2 => (0u32..=17, period(), 0u8..=101, any::<bool>()).prop_map(
			|(count, window, floor_percent, hold)| Rule::Structuring(StructuringRule {
				count,
				window,
				floor_percent,
				hold,
			})
		),
		1 => (0u32..=5).prop_map(Rule::WatchYears),
		2 => period().prop_map(Rule::RateMaxAge),
		3 => period().prop_map(Rule::ReviewPeriod),
		1 => period().prop_map(Rule::FeedbackDeadline),
		2 => period().prop_map(Rule::ReportRetention),
	]
}

fn terms() -> impl Strategy<Value = Terms> {
	let principal = prop_oneof![
		1 => Just(0u128),
		1 => Just(1u128),
		6 => 10_000u128..=5_000_000,
		2 => 5_000_000u128..=100_000_000,
		1 => Just(u128::MAX),
	];
	let instalments = prop_oneof![
		1 => Just(0u16),
		6 => 1u16..=6,
		2 => 7u16..=24,
		1 => Just(360u16),
		1 => Just(361u16),
	];
	let period = select(vec![5_999, 6_000, HOUR, DAY, DAY, 30 * DAY, 30 * DAY]);
	let method = select(vec![Method::EqualInstalment, Method::EqualPrincipal]);
	let deposit_percent = prop_oneof![4 => Just(0u128), 4 => 1u128..=20, 1 => Just(100u128)];
	let trigger = prop_oneof![
		4 => Just(DefaultTrigger::default()),
		2 => (1u16..=3, 1u32..=30).prop_map(|(instalments, share)| DefaultTrigger {
			instalments,
			share: Perbill::from_percent(share),
		}),
		1 => Just(DefaultTrigger { instalments: 0, share: Perbill::zero() }),
	];
	let end = prop_oneof![
		2 => Just(EndOption::Purchase { price: 100 }),
		1 => Just(EndOption::Purchase { price: 0 }),
		1 => (1u128..=1_000_000).prop_map(|price| EndOption::Purchase { price }),
		2 => Just(EndOption::Return),
	];
	(
		(
			prop_oneof![6 => Just(CNY), 2 => Just(USD), 1 => Just(EUR), 1 => Just(CHF)],
			principal,
			(0u32..=50).prop_map(|permille| Perbill::from_rational(permille, 1_000)),
			instalments,
			period,
			method,
			deposit_percent,
		),
		(
			(0u32..=2_000).prop_map(|ppm| Perbill::from_parts(ppm * 1_000)),
			(0u32..=20).prop_map(Perbill::from_percent),
			select(vec![0, HOUR, DAY, 15 * DAY]),
			trigger,
			(0u32..=5).prop_map(Perbill::from_percent),
			end,
		),
	)
		.prop_map(
			|(
				(currency, principal, rate, instalments, period, method, deposit_percent),
				(late_fee, late_fee_cap, grace, trigger, early_fee, end),
			)| Terms {
				currency,
				principal,
				rate,
				instalments,
				period,
				method,
				deposit: principal.saturating_mul(deposit_percent) / 100,
				late_fee,
				late_fee_cap,
				grace,
				trigger,
				early_fee,
				end,
			},
		)
}

fn category() -> impl Strategy<Value = Category> {
	select(Category::ALL.to_vec())
}

/// A consent's categories as a bit set (bit 7 repeats one: refused).
fn categories() -> impl Strategy<Value = u8> {
	prop_oneof![
		8 => 1u8..=0x7F,
		1 => Just(0u8),
		1 => (1u8..=0x7F).prop_map(|set| set | 0x80),
	]
}

fn data_purpose() -> impl Strategy<Value = DataPurpose> {
	select(vec![
		DataPurpose::CreditApproval,
		DataPurpose::LoanMonitoring,
		DataPurpose::AccountOpening,
		DataPurpose::TradeFinance,
		DataPurpose::LeaseUnderwriting,
		DataPurpose::Insurance,
	])
}

fn sharing_params() -> impl Strategy<Value = SharingParams> {
	let span = || select(vec![0, HOUR, DAY, 30 * DAY, 365 * DAY, 3 * 365 * DAY]);
	(span(), span(), span(), span()).prop_map(
		|(max_consent_duration, retention, answer_period, max_confidentiality)| SharingParams {
			max_consent_duration,
			retention,
			answer_period,
			max_confidentiality,
		},
	)
}

fn motion() -> impl Strategy<Value = Motion> {
	prop_oneof![
		2 => Just(Motion::Remark),
		3 => rule().prop_map(Motion::Rule),
		1 => (0u32..=3).prop_map(Motion::MinValidators),
		2 => (actor(), role()).prop_map(|(who, role)| Motion::License(who, role)),
		2 => select(vec![CNY, EUR, HKD, JPY, GBP, USD]).prop_map(Motion::Rate),
	]
}

/// One call. With the flows, forex makes about 30% of the calls, leasing 20%, data sharing and
/// supervision about 12% each, KYC 10%, the other pallets the rest.
fn act() -> BoxedStrategy<Act> {
	prop_oneof![
		// Balances, identity, the council.
		3 => (actor(), actor(), native_value(), any::<bool>())
			.prop_map(|(from, to, value, keep_alive)| Act::Transfer { from, to, value, keep_alive }),
		2 => (actor(), 0u8..8).prop_map(|(who, name)| Act::SetIdentity { who, name }),
		1 => actor().prop_map(|who| Act::ClearIdentity { who }),
		1 => (actor(), 0u32..3).prop_map(|(who, registrar)| Act::RequestJudgement { who, registrar }),
		1 => (actor(), 0u32..3).prop_map(|(who, registrar)| Act::CancelRequest { who, registrar }),
		1 => (bank(), 0u32..3, actor(), any::<bool>()).prop_map(|(registrar, index, target, good)| {
			Act::ProvideJudgement { registrar, index, target, good }
		}),
		1 => (council_member(), 1u32..=3, motion())
			.prop_map(|(member, threshold, motion)| Act::Propose { member, threshold, motion }),
		1 => (council_member(), pick(), any::<bool>())
			.prop_map(|(member, motion, aye)| Act::Vote { member, motion, aye }),
		1 => (actor(), pick()).prop_map(|(member, motion)| Act::Close { member, motion }),
		// KYC.
		2 => (actor(), role()).prop_map(|(institution, role)| Act::License { institution, role }),
		1 => (bank(), role())
			.prop_map(|(institution, role)| Act::SuspendLicence { institution, role }),
		1 => (bank(), role())
			.prop_map(|(institution, role)| Act::ReinstateLicence { institution, role }),
		1 => (actor(), role())
			.prop_map(|(institution, role)| Act::RevokeLicence { institution, role }),
		5 => (
			bank(),
			or_escrow(prop_oneof![
				4 => Just(Actor::Two),
				2 => Just(Actor::Ferdie),
				2 => customer(),
			]),
			profile(),
			expiry(),
		)
			.prop_map(|(registrar, who, profile, expiry)| Act::Attest {
				registrar,
				who,
				profile,
				expiry,
			}),
		2 => (bank(), actor(), expiry())
			.prop_map(|(registrar, who, expiry)| Act::Renew { registrar, who, expiry }),
		1 => (bank(), actor()).prop_map(|(registrar, who)| Act::Suspend { registrar, who }),
		1 => (bank(), actor()).prop_map(|(registrar, who)| Act::Reinstate { registrar, who }),
		1 => (bank(), actor()).prop_map(|(registrar, who)| Act::Revoke { registrar, who }),
		2 => (
			prop_oneof![3 => Just(Person::Of(Actor::Charlie)), 1 => person()],
			select(vec![SupervisionClass::A, SupervisionClass::B, SupervisionClass::C]),
		)
			.prop_map(|(person, class)| Act::SetClass { person, class }),
		1 => select(vec![0, MILLI_UNIT - 1, MILLI_UNIT, UNIT, 10 * UNIT])
			.prop_map(|amount| Act::SetAllowance { amount }),
		// Forex.
		1 => (
			select(vec![CHF, CHF, 36, USD]),
			select(vec![*b"CHF", *b"AUD", *b"chf"]),
			select(vec![0u8, 2, 18, 19]),
		)
			.prop_map(|(currency, code, decimals)| Act::RegisterCurrency {
				currency,
				code,
				decimals,
			}),
		1 => (currency(), bank()).prop_map(|(currency, issuer)| Act::AddIssuer { currency, issuer }),
		1 => (currency(), bank())
			.prop_map(|(currency, issuer)| Act::RemoveIssuer { currency, issuer }),
		14 => (bank(), currency(), or_escrow(customer()), amount())
			.prop_map(|(issuer, currency, to, amount)| Act::Deposit { issuer, currency, to, amount }),
		4 => (customer(), currency(), amount(), bank()).prop_map(
			|(who, currency, amount, issuer)| Act::RequestWithdrawal { who, currency, amount, issuer }
		),
		3 => pick().prop_map(|withdrawal| Act::CompleteWithdrawal { withdrawal }),
		1 => pick().prop_map(|withdrawal| Act::DeclineWithdrawal { withdrawal }),
		16 => (
			customer(),
			or_escrow(customer()),
			prop::bool::weighted(0.9),
			currency(),
			amount(),
			purpose(),
			any::<bool>(),
			documents(),
		)
			.prop_map(|(from, to, distinct, currency, amount, purpose, travel_rule, documents)| Act::Pay {
				from,
				to: other(from, to, distinct),
				currency,
				amount,
				purpose,
				travel_rule,
				documents,
			}),
		4 => pick().prop_map(|hold| Act::Release { hold }),
		3 => pick().prop_map(|hold| Act::Reject { hold }),
		5 => (bank(), currency(), currency(), rate_sel(), amount(), offer_expiry()).prop_map(
			|(maker, offer, ask, rate, amount, expiry)| Act::PostQuote {
				maker,
				offer,
				ask,
				rate,
				amount,
				expiry,
			}
		),
		1 => pick().prop_map(|quote| Act::WithdrawQuote { quote }),
		8 => (
			customer(),
			pick(),
			prop_oneof![1 => amount().prop_map(Share::Units), 2 => (1u8..=100).prop_map(Share::Percent)],
			select(vec![Limit::Exact, Limit::Ample, Limit::Ample, Limit::Short]),
			purpose(),
		)
			.prop_map(|(customer, quote, share, limit, purpose)| Act::Exchange {
				customer,
				quote,
				share,
				limit,
				purpose,
			}),
		3 => (
			bank(),
			bank(),
			prop::bool::weighted(0.9),
			(currency(), amount()),
			(currency(), amount()),
			offer_expiry(),
			purpose(),
		)
			.prop_map(|(proposer, counterparty, distinct, give, take, expiry, purpose)| Act::ProposeTrade {
				proposer,
				counterparty: other(proposer, counterparty, distinct),
				give,
				take,
				expiry,
				purpose,
			}),
		2 => pick().prop_map(|trade| Act::AcceptTrade { trade }),
		1 => pick().prop_map(|trade| Act::DeclineTrade { trade }),
		1 => pick().prop_map(|trade| Act::CancelTrade { trade }),
		// Supervision.
		4 => rule().prop_map(|rule| Act::SetRule { rule }),
		1 => prop_oneof![3 => Just(Some(Actor::Ferdie)), 1 => actor().prop_map(Some), 1 => Just(None)]
			.prop_map(|setter| Act::SetRateSetter { setter }),
		5 => (currency(), rate_sel()).prop_map(|(currency, rate)| Act::SetRate { currency, rate }),
		2 => customer().prop_map(|who| Act::FreezeAccount { who }),
		2 => customer().prop_map(|who| Act::UnfreezeAccount { who }),
		1 => currency().prop_map(|currency| Act::FreezeCurrency { currency }),
		1 => currency().prop_map(|currency| Act::UnfreezeCurrency { currency }),
		1 => Just(Act::PausePayments),
		1 => Just(Act::ResumePayments),
		1 => person().prop_map(|person| Act::WatchList { person }),
		1 => person().prop_map(|person| Act::Unwatch { person }),
		2 => pick().prop_map(|report| Act::AcknowledgeReport { report }),
		1 => pick().prop_map(|report| Act::EscalateReport { report }),
		3 => (customer(), pick(), select(vec![FeedbackKind::Feedback, FeedbackKind::Complaint]))
			.prop_map(|(who, payment, kind)| Act::FileFeedback { who, payment, kind }),
		2 => pick().prop_map(|feedback| Act::AnswerFeedback { feedback }),
		// Leasing.
		3 => (prop_oneof![3 => Just(Actor::Dave), 1 => actor()], 0u8..6)
			.prop_map(|(holder, asset)| Act::RegisterAsset { holder, asset }),
		1 => (0u8..6, actor()).prop_map(|(asset, to)| Act::TransferAsset { asset, to }),
		1 => (0u8..6, actor()).prop_map(|(asset, pledgee)| Act::PledgeAsset { asset, pledgee }),
		1 => (0u8..6).prop_map(|asset| Act::ReleasePledge { asset }),
		1 => (0u8..6).prop_map(|asset| Act::DeregisterAsset { asset }),
		4 => (bank(), customer(), 0u8..6, terms()).prop_map(|(lessor, lessee, asset, terms)| {
			Act::Draft { lessor, lessee, asset, terms }
		}),
		1 => (pick(), any::<bool>())
			.prop_map(|(lease, by_lessee)| Act::WithdrawDraft { lease, by_lessee }),
		4 => (pick(), prop::bool::weighted(0.9))
			.prop_map(|(lease, right_hash)| Act::Sign { lease, right_hash }),
		2 => (pick(), any::<bool>()).prop_map(|(lease, enabled)| Act::SetAutoPay { lease, enabled }),
		5 => pick().prop_map(|lease| Act::PayRent { lease }),
		1 => pick().prop_map(|lease| Act::BuyOut { lease }),
		1 => pick().prop_map(|lease| Act::Complete { lease }),
		2 => pick().prop_map(|lease| Act::SendDemand { lease }),
		1 => pick().prop_map(|lease| Act::DeclareDefault { lease }),
		1 => pick().prop_map(|lease| Act::Accelerate { lease }),
		1 => (pick(), prop_oneof![Just(0u128), amount()])
			.prop_map(|(lease, recovered)| Act::Terminate { lease, recovered }),
		1 => pick().prop_map(|lease| Act::WriteOff { lease }),
		// Data sharing.
		3 => (prop_oneof![3 => Just(Actor::Eve), 1 => actor()], customer(), category())
			.prop_map(|(provider, subject, category)| Act::RegisterItem {
				provider,
				subject,
				category,
			}),
		1 => pick().prop_map(|item| Act::UpdateItem { item }),
		1 => pick().prop_map(|item| Act::RemoveItem { item }),
		4 => (
			customer(),
			prop_oneof![5 => Just(Actor::Dave), 1 => actor()],
			categories(),
			data_purpose(),
			select(vec![LegalBasis::Consent, LegalBasis::Contract, LegalBasis::LegalObligation]),
			expiry(),
			prop_oneof![Just(None), (0u32..4).prop_map(Some)],
		)
			.prop_map(|(subject, grantee, categories, purpose, basis, expiry, max_queries)| {
				Act::Grant { subject, grantee, categories, purpose, basis, expiry, max_queries }
			}),
		1 => pick().prop_map(|consent| Act::RevokeConsent { consent }),
		4 => (
			pick(),
			prop::bool::weighted(0.8),
			category(),
			data_purpose(),
			prop_oneof![4 => Just(Actor::Eve), 1 => actor()],
		)
			.prop_map(|(consent, exact, category, purpose, holder)| Act::Query {
				consent,
				exact,
				category,
				purpose,
				holder,
			}),
		2 => pick().prop_map(|entry| Act::RecordResult { entry }),
		2 => (
			actor(),
			category(),
			select(vec![
				StatutoryBasis::Supervision,
				StatutoryBasis::AntiMoneyLaundering,
				StatutoryBasis::JudicialOrder,
				StatutoryBasis::Taxation,
			]),
			0u8..4,
			prop_oneof![4 => Just(Actor::Eve), 1 => actor()],
		)
			.prop_map(|(subject, category, basis, case, holder)| Act::StatutoryQuery {
				subject,
				category,
				basis,
				case,
				holder,
			}),
		2 => pick().prop_map(|item| Act::Dispute { item }),
		1 => pick().prop_map(|item| Act::AnswerDispute { item }),
		1 => sharing_params().prop_map(|params| Act::SetParams { params }),
		1 => (0u8..4, prop_oneof![1 => Just(None), 3 => expiry().prop_map(Some)])
			.prop_map(|(case, until)| Act::SealCase { case, until }),
		// Validators and governance.
		1 => actor().prop_map(|who| Act::AddValidator { who }),
		1 => actor().prop_map(|who| Act::RemoveValidator { who }),
		1 => (0u32..=3).prop_map(|min| Act::SetMinValidators { min }),
		2 => motion().prop_map(|motion| Act::Enact { motion }),
	]
	.boxed()
}

/// Flows: a few steps that build on each other, with random parameters.
fn flow() -> BoxedStrategy<Vec<Step>> {
	prop_oneof![
		// A bank credits a customer, who pays someone.
		(bank(), currency(), customer(), customer(), amount(), purpose(), any::<bool>()).prop_map(
			|(issuer, currency, from, to, amount, purpose, travel_rule)| vec![
				natural(Act::Deposit { issuer, currency, to: from, amount }),
				natural(Act::Pay {
					from,
					to,
					currency,
					amount: amount / 2,
					purpose,
					travel_rule,
					documents: Documents::default(),
				}),
			]
		),
		// A market maker quotes, a customer buys.
		(bank(), currency(), currency(), customer(), 1u8..=100, purpose()).prop_map(
			|(maker, offer, ask, customer, percent, purpose)| vec![
				natural(Act::PostQuote {
					maker,
					offer,
					ask,
					rate: RateSel::Reference,
					amount: 5_000_000,
					expiry: Expiry::Hours(12),
				}),
				natural(Act::Exchange {
					customer,
					quote: Pick::Latest,
					share: Share::Percent(percent),
					limit: Limit::Ample,
					purpose,
				}),
			]
		),
		// A lessor registers an asset and leases it; the lessee signs.
		(customer(), 0u8..6, terms(), any::<bool>()).prop_map(|(lessee, asset, terms, auto)| vec![
			natural(Act::RegisterAsset { holder: Actor::Dave, asset }),
			natural(Act::Draft { lessor: Actor::Dave, lessee, asset, terms }),
			natural(Act::Sign { lease: Pick::Latest, right_hash: true }),
			natural(Act::SetAutoPay { lease: Pick::Latest, enabled: auto }),
		]),
		// A customer consents, the bank queries, the holder records the result.
		(customer(), categories(), data_purpose(), expiry()).prop_map(
			|(subject, categories, purpose, expiry)| vec![
				natural(Act::Grant {
					subject,
					grantee: Actor::Dave,
					categories,
					purpose,
					basis: LegalBasis::Consent,
					expiry,
					max_queries: Some(2),
				}),
				natural(Act::Query {
					consent: Pick::Latest,
					exact: true,
					category: Category::Basic,
					purpose,
					holder: Actor::Eve,
				}),
				natural(Act::RecordResult { entry: Pick::Latest }),
			]
		),
		// An institution trade, proposed, then accepted, declined, cancelled or left open.
		(bank(), (currency(), amount()), (currency(), amount()), 0u8..4).prop_map(
			|(proposer, give, take, end)| {
				let counterparty = other(proposer, proposer, true);
				let mut steps = vec![natural(Act::ProposeTrade {
					proposer,
					counterparty,
					give,
					take,
					expiry: Expiry::Hours(6),
					purpose: Purpose::Domestic,
				})];
				let trade = Pick::Latest;
				match end {
					0 | 1 => steps.push(natural(Act::AcceptTrade { trade })),
					2 => steps.push(natural(Act::DeclineTrade { trade })),
					_ => steps.push(natural(Act::CancelTrade { trade })),
				}
				steps
			}
		),
		// A withdrawal, completed or declined.
		(customer(), currency(), amount(), bank(), any::<bool>()).prop_map(
			|(who, currency, amount, issuer, complete)| vec![
				natural(Act::RequestWithdrawal { who, currency, amount, issuer }),
				natural(if complete {
					Act::CompleteWithdrawal { withdrawal: Pick::Latest }
				} else {
					Act::DeclineWithdrawal { withdrawal: Pick::Latest }
				}),
			]
		),
		// A council motion from proposal to close.
		(motion(), council_member(), council_member()).prop_map(|(motion, first, second)| vec![
			natural(Act::Propose { member: first, threshold: 2, motion }),
			natural(Act::Vote { member: first, motion: Pick::Latest, aye: true }),
			natural(Act::Vote { member: second, motion: Pick::Latest, aye: true }),
			natural(Act::Close { member: Actor::Charlie, motion: Pick::Latest }),
		]),
		// Class C for Charlie: his cross-border payment is held; a supervisor decides.
		(amount(), any::<bool>()).prop_map(|(amount, release)| vec![
			natural(Act::SetClass {
				person: Person::Of(Actor::Charlie),
				class: SupervisionClass::C,
			}),
			natural(Act::Pay {
				from: Actor::Charlie,
				to: Actor::Bob,
				currency: USD,
				amount,
				purpose: Purpose::GoodsTrade,
				travel_rule: true,
				documents: Documents::default(),
			}),
			natural(if release {
				Act::Release { hold: Pick::Latest }
			} else {
				Act::Reject { hold: Pick::Latest }
			}),
		]),
		// An identity published, judged by the registrar asked, perhaps withdrawn.
		(actor(), 0u8..8, 0u32..2, any::<bool>(), any::<bool>()).prop_map(
			|(who, name, registrar, good, clear)| {
				let mut steps = vec![
					natural(Act::SetIdentity { who, name }),
					natural(Act::RequestJudgement { who, registrar }),
					natural(Act::ProvideJudgement {
						registrar: Actor::Dave,
						index: registrar,
						target: who,
						good,
					}),
				];
				if clear {
					steps.insert(2, natural(Act::CancelRequest { who, registrar }));
					steps.push(natural(Act::ClearIdentity { who }));
				}
				steps
			}
		),
		// An asset registered, pledged, released, transferred and deregistered.
		(customer(), customer(), customer(), 6u8..8).prop_map(|(holder, pledgee, to, asset)| vec![
			natural(Act::RegisterAsset { holder, asset }),
			natural(Act::PledgeAsset { asset, pledgee }),
			natural(Act::ReleasePledge { asset }),
			natural(Act::TransferAsset { asset, to }),
			natural(Act::DeregisterAsset { asset }),
		]),
		// A lease's remedies, each on the latest lease they apply to.
		(prop_oneof![Just(0u128), amount()], any::<bool>()).prop_map(|(recovered, accelerate)| {
			let mut steps = vec![
				natural(Act::SendDemand { lease: Pick::Latest }),
				natural(Act::DeclareDefault { lease: Pick::Latest }),
			];
			if accelerate {
				steps.push(natural(Act::Accelerate { lease: Pick::Latest }));
				steps.push(natural(Act::PayRent { lease: Pick::Latest }));
			}
			steps.push(natural(Act::Terminate { lease: Pick::Latest, recovered }));
			steps.push(natural(Act::WriteOff { lease: Pick::Latest }));
			steps.push(natural(Act::Complete { lease: Pick::Latest }));
			steps
		}),
		// A supervisor's measure, a payment meeting it, governance lifting it.
		(customer(), customer(), person(), currency(), 0u8..3).prop_map(
			|(who, to, person, currency, measure)| {
				let (impose, lift) = match measure {
					0 => (Act::FreezeAccount { who }, Act::UnfreezeAccount { who }),
					1 => (Act::FreezeCurrency { currency }, Act::UnfreezeCurrency { currency }),
					_ => (Act::WatchList { person }, Act::Unwatch { person }),
				};
				vec![
					natural(impose),
					natural(Act::Pay {
						from: who,
						to: other(who, to, true),
						currency,
						amount: 1_000,
						purpose: Purpose::CurrentTransfer,
						travel_rule: false,
						documents: Documents::default(),
					}),
					natural(lift),
				]
			}
		),
		// The chain paused and resumed; a registrar's suspension lifted; a licence suspended
		// and reinstated.
		(customer(), bank(), role()).prop_map(|(who, institution, role)| vec![
			natural(Act::PausePayments),
			natural(Act::ResumePayments),
			natural(Act::Suspend { registrar: Actor::Dave, who }),
			natural(Act::Reinstate { registrar: Actor::Dave, who }),
			natural(Act::SuspendLicence { institution, role }),
			natural(Act::ReinstateLicence { institution, role }),
		]),
		// Governance changes the validator set.
		(prop_oneof![3 => Just(Actor::Bob), 1 => actor()], 1u32..=2, any::<bool>()).prop_map(
			|(who, min, remove_alice)| vec![
				natural(Act::AddValidator { who }),
				natural(Act::SetMinValidators { min }),
				natural(Act::RemoveValidator {
					who: if remove_alice { Actor::Alice } else { who },
				}),
			]
		),
		// A data item, disputed, corrected and answered.
		(customer(), category()).prop_map(|(subject, category)| vec![
			natural(Act::RegisterItem { provider: Actor::Eve, subject, category }),
			natural(Act::Dispute { item: Pick::Latest }),
			natural(Act::UpdateItem { item: Pick::Latest }),
			natural(Act::AnswerDispute { item: Pick::Latest }),
		]),
	]
	.boxed()
}

/// A batch of calls (or one, from a derivative account), signed by the first call's party.
fn batch() -> impl Strategy<Value = Vec<Step>> {
	let mode = prop_oneof![
		1 => Just(BatchMode::Batch),
		2 => Just(BatchMode::All),
		1 => Just(BatchMode::Force),
		1 => (0u16..3).prop_map(BatchMode::Derivative),
	];
	let calls = prop_oneof![
		// Any calls: the batch is signed by the first one's party.
		1 => vec(act(), 1..=3),
		// One customer's own calls.
		2 => (customer(), vec((customer(), currency(), amount(), 0u8..4), 1..=3)).prop_map(
			|(who, parts)| {
				parts
					.into_iter()
					.map(|(other_party, currency, amount, kind)| match kind {
						0 => Act::Pay {
							from: who,
							to: other(who, other_party, true),
							currency,
							amount,
							purpose: Purpose::Domestic,
							travel_rule: true,
							documents: Documents::default(),
						},
						1 => Act::Transfer {
							from: who,
							to: other_party,
							value: UNIT,
							keep_alive: true,
						},
						2 => Act::SetIdentity { who, name: currency as u8 },
						_ => Act::RequestWithdrawal {
							who,
							currency,
							amount,
							issuer: Actor::Dave,
						},
					})
					.collect()
			}
		),
	];
	(prop_oneof![6 => Just(Caller::Natural), 1 => actor().prop_map(Caller::Signed)], mode, calls)
		.prop_map(|(caller, mode, calls)| vec![Step { caller, act: Act::Batch { mode, calls } }])
}

fn step_group() -> impl Strategy<Value = Vec<Step>> {
	prop_oneof![
		16 => (caller(), act()).prop_map(|(caller, act)| vec![Step { caller, act }]),
		4 => flow(),
		1 => batch(),
	]
}

/// How far the clock moves before a block: mostly one slot, sometimes minutes, hours or days.
fn advance() -> impl Strategy<Value = Moment> {
	prop_oneof![
		12 => Just(SLOT),
		4 => (2u64..=600).prop_map(|slots| slots * SLOT),
		2 => (1u64..=48).prop_map(|hours| hours * HOUR),
		3 => (1u64..=40).prop_map(|days| days * DAY),
	]
}

fn block_plan() -> impl Strategy<Value = BlockPlan> {
	(advance(), prop::bool::weighted(0.6), vec(step_group(), 0..=MAX_GROUPS_PER_BLOCK)).prop_map(
		|(advance, keeper, groups)| BlockPlan {
			advance,
			keeper,
			steps: groups.into_iter().flatten().collect(),
		},
	)
}

fn case(max_blocks: usize) -> impl Strategy<Value = Vec<BlockPlan>> {
	vec(block_plan(), 1..=max_blocks.max(1))
}

/// The first blocks of every case: the customers funded, and every interesting flow walked
/// once.
fn scripted_prefix() -> Vec<BlockPlan> {
	use Actor::*;
	let short_lease = Terms {
		currency: CNY,
		principal: 600_000,
		rate: Perbill::from_percent(1),
		instalments: 6,
		period: DAY,
		method: Method::EqualInstalment,
		deposit: 0,
		late_fee: Perbill::from_parts(500_000),
		late_fee_cap: Perbill::from_percent(10),
		grace: DAY,
		trigger: DefaultTrigger::default(),
		early_fee: Perbill::from_percent(2),
		end: EndOption::Return,
	};
	let monthly_lease = Terms {
		principal: 3_000_000,
		instalments: 3,
		period: 30 * DAY,
		method: Method::EqualPrincipal,
		deposit: 300_000,
		grace: 15 * DAY,
		end: EndOption::Purchase { price: 100 },
		..short_lease
	};
	let hourly_lease = Terms {
		principal: 1_200_000,
		instalments: 12,
		period: HOUR,
		deposit: 100_000,
		grace: 0,
		trigger: DefaultTrigger { instalments: 1, share: Perbill::from_percent(1) },
		..short_lease
	};
	let deposit =
		|issuer, currency, to, amount| natural(Act::Deposit { issuer, currency, to, amount });
	vec![
		// The genesis rates are stamped at the end of the first block: US dollars only.
		BlockPlan {
			advance: 0,
			keeper: false,
			steps: vec![
				deposit(Dave, USD, Alice, 500_000),
				deposit(Dave, USD, Bob, 500_000),
				deposit(Eve, USD, Charlie, 5_000_000),
			],
		},
		BlockPlan {
			advance: SLOT,
			keeper: false,
			steps: vec![
				deposit(Dave, CNY, Alice, 5_000_000),
				deposit(Eve, CNY, Bob, 2_000_000),
				deposit(Dave, CNY, Charlie, 20_000_000),
				deposit(Dave, HKD, Bob, 1_000_000),
				deposit(Dave, EUR, Alice, 200_000),
				natural(Act::Pay {
					from: Alice,
					to: Charlie,
					currency: CNY,
					amount: 100_000,
					purpose: Purpose::Domestic,
					travel_rule: false,
					documents: Documents::default(),
				}),
				natural(Act::Pay {
					from: Charlie,
					to: Bob,
					currency: USD,
					amount: 150_000,
					purpose: Purpose::GoodsTrade,
					travel_rule: true,
					documents: Documents::default(),
				}),
				natural(Act::PostQuote {
					maker: Dave,
					offer: USD,
					ask: CNY,
					rate: RateSel::Premium(1),
					amount: 10_000_000,
					expiry: Expiry::Days(1),
				}),
				natural(Act::Exchange {
					customer: Alice,
					quote: Pick::Latest,
					share: Share::Units(10_000),
					limit: Limit::Exact,
					purpose: Purpose::Domestic,
				}),
				natural(Act::PostQuote {
					maker: Eve,
					offer: CNY,
					ask: USD,
					rate: RateSel::Premium(1),
					amount: 100_000_000,
					expiry: Expiry::Days(1),
				}),
				natural(Act::Exchange {
					customer: Charlie,
					quote: Pick::Latest,
					share: Share::Units(1_000_000),
					limit: Limit::Ample,
					purpose: Purpose::Domestic,
				}),
			],
		},
		BlockPlan {
			advance: SLOT,
			keeper: false,
			steps: vec![
				natural(Act::RegisterAsset { holder: Dave, asset: 0 }),
				natural(Act::Draft {
					lessor: Dave,
					lessee: Charlie,
					asset: 0,
					terms: monthly_lease,
				}),
				natural(Act::Sign { lease: Pick::Latest, right_hash: true }),
				natural(Act::SetAutoPay { lease: Pick::Latest, enabled: true }),
				natural(Act::RegisterAsset { holder: Dave, asset: 1 }),
				natural(Act::Draft { lessor: Dave, lessee: Alice, asset: 1, terms: short_lease }),
				natural(Act::Sign { lease: Pick::Latest, right_hash: true }),
				natural(Act::PayRent { lease: Pick::Latest }),
				natural(Act::Grant {
					subject: Charlie,
					grantee: Dave,
					categories: 0b100_0100,
					purpose: DataPurpose::CreditApproval,
					basis: LegalBasis::Consent,
					expiry: Expiry::Days(30),
					max_queries: Some(5),
				}),
				natural(Act::Query {
					consent: Pick::Latest,
					exact: true,
					category: Category::Basic,
					purpose: DataPurpose::CreditApproval,
					holder: Eve,
				}),
				natural(Act::RecordResult { entry: Pick::Latest }),
				natural(Act::RegisterItem {
					provider: Eve,
					subject: Charlie,
					category: Category::RegulatoryCredit,
				}),
				natural(Act::Dispute { item: Pick::Latest }),
				natural(Act::ProposeTrade {
					proposer: Dave,
					counterparty: Eve,
					give: (USD, 1_000_000),
					take: (CNY, 7_000_000),
					expiry: Expiry::Days(1),
					purpose: Purpose::Domestic,
				}),
				natural(Act::AcceptTrade { trade: Pick::Latest }),
				natural(Act::RequestWithdrawal {
					who: Alice,
					currency: USD,
					amount: 10_000,
					issuer: Dave,
				}),
				natural(Act::CompleteWithdrawal { withdrawal: Pick::Latest }),
				natural(Act::FileFeedback {
					who: Alice,
					payment: Pick::Latest,
					kind: FeedbackKind::Feedback,
				}),
				// Two: a class-C enterprise in Hong Kong, whose cross-border flows are held.
				natural(Act::Attest {
					registrar: Dave,
					who: Two,
					profile: Profile {
						person: Person::New(2),
						entity: EntityType::Enterprise,
						residency: Residency::NonResident,
						jurisdiction: *b"HK",
						level: KycLevel::Standard,
						class: Some(SupervisionClass::C),
					},
					expiry: Expiry::Days(365),
				}),
				natural(Act::SetRate { currency: EUR, rate: RateSel::Reference }),
			],
		},
		BlockPlan {
			advance: SLOT,
			keeper: false,
			steps: vec![
				deposit(Dave, CNY, Two, 2_000_000),
				// Two's rent crosses the border: held for review, the lease waits.
				natural(Act::RegisterAsset { holder: Dave, asset: 2 }),
				natural(Act::Draft { lessor: Dave, lessee: Two, asset: 2, terms: hourly_lease }),
				natural(Act::Sign { lease: Pick::Latest, right_hash: true }),
				natural(Act::PayRent { lease: Pick::Latest }),
				// Bob's falls due every hour, and one late instalment is a default.
				natural(Act::RegisterAsset { holder: Dave, asset: 3 }),
				natural(Act::Draft { lessor: Dave, lessee: Bob, asset: 3, terms: hourly_lease }),
				natural(Act::Sign { lease: Pick::Latest, right_hash: true }),
			],
		},
	]
}

// ---------------------------------------------------------------------------------------------
// Resolving a step against the state
// ---------------------------------------------------------------------------------------------

fn now() -> Moment {
	pallet_timestamp::Now::<Runtime>::get()
}

fn sorted_keys<K: Ord, V>(entries: impl Iterator<Item = (K, V)>) -> Vec<K> {
	let mut keys: Vec<K> = entries.map(|(key, _)| key).collect();
	keys.sort();
	keys
}

/// Retained forex records that pass `filter`, oldest first.
fn records(filter: impl Fn(&Record) -> bool) -> Vec<(Reference, Record)> {
	let mut found: Vec<_> = pallet_forex::Records::<Runtime>::iter()
		.filter(|(_, record)| filter(record))
		.collect();
	found.sort_by_key(|(_, record)| record.seq);
	found
}

/// A record's reference, or one that names nothing.
fn pick_record(pick: Pick, filter: impl Fn(&Record) -> bool) -> (Reference, Option<Record>) {
	if let Pick::Raw(n) = pick {
		return (H256::from_low_u64_be(n), None);
	}
	match pick.choose(&records(filter)) {
		Some((reference, record)) => (reference, Some(record)),
		None => (H256::repeat_byte(0xEE), None),
	}
}

/// A lease among those `fit` for the call (all leases if none is), or a raw number.
fn pick_lease(pick: Pick, fit: impl Fn(&Lease) -> bool) -> (LeaseId, Option<Lease>) {
	let leases: Vec<(LeaseId, Lease)> = pallet_leasing::Leases::<Runtime>::iter().collect();
	let mut fitting: Vec<LeaseId> =
		leases.iter().filter(|(_, lease)| fit(lease)).map(|(id, _)| *id).collect();
	if fitting.is_empty() {
		fitting = leases.iter().map(|(id, _)| *id).collect();
	}
	fitting.sort();
	let id = pick.id(&fitting);
	(id, pallet_leasing::Leases::<Runtime>::get(id))
}

/// The registrar that attested `who`'s credential.
fn attester(who: Actor) -> Option<Actor> {
	pallet_kyc::Credentials::<Runtime>::get(who.id()).map(|c| Actor::of(&c.registrar))
}

fn asset_key(asset: u8) -> H256 {
	H256::repeat_byte(0xA0 + asset)
}

fn identity_info(
	name: u8,
) -> pallet_identity::legacy::IdentityInfo<fxchain_runtime::configs::identity::MaxAdditionalFields>
{
	let display = vec![b'a' + name % 26; 1 + usize::from(name % 8)];
	pallet_identity::legacy::IdentityInfo {
		display: pallet_identity::Data::Raw(display.try_into().expect("at most 8 bytes")),
		..Default::default()
	}
}

/// The council motions this case proposed: hash, index, call.
type Motions = Vec<(H256, u32, RuntimeCall)>;

/// The call a step makes, and who would naturally make it.
fn build(act: &Act, motions: &Motions) -> (Caller, RuntimeCall) {
	use pallet_forex::Call as Fx;
	use pallet_leasing::Call as Ls;
	use pallet_supervision::Call as Sv;
	use Caller::{Governance, Signed};
	use RuntimeCall as C;
	let supervisor = Caller::Member(Actor::Alice);
	let now = now();
	let open_motion = |pick: Pick| {
		let open: Vec<_> = motions
			.iter()
			.filter(|(hash, ..)| {
				pallet_collective::ProposalOf::<Runtime, pallet_collective::Instance1>::contains_key(
					hash,
				)
			})
			.cloned()
			.collect();
		pick.choose(&open).or_else(|| motions.last().cloned())
	};
	match act.clone() {
		Act::Transfer { from, to, value, keep_alive } => {
			let dest = to.id().into();
			let call = if keep_alive {
				pallet_balances::Call::transfer_keep_alive { dest, value }
			} else {
				pallet_balances::Call::transfer_allow_death { dest, value }
			};
			(Signed(from), C::Balances(call))
		},
		Act::SetIdentity { who, name } => (
			Signed(who),
			C::Identity(pallet_identity::Call::set_identity {
				info: Box::new(identity_info(name)),
			}),
		),
		Act::ClearIdentity { who } => {
			(Signed(who), C::Identity(pallet_identity::Call::clear_identity {}))
		},
		Act::RequestJudgement { who, registrar } => (
			Signed(who),
			C::Identity(pallet_identity::Call::request_judgement {
				reg_index: registrar,
				max_fee: 0,
			}),
		),
		Act::CancelRequest { who, registrar } => (
			Signed(who),
			C::Identity(pallet_identity::Call::cancel_request { reg_index: registrar }),
		),
		Act::ProvideJudgement { registrar, index, target, good } => {
			let identity = pallet_identity::IdentityOf::<Runtime>::get(target.id())
				.map(|registration| BlakeTwo256::hash_of(&registration.info))
				.unwrap_or_default();
			let judgement = if good {
				pallet_identity::Judgement::KnownGood
			} else {
				pallet_identity::Judgement::Erroneous
			};
			let registrar = pallet_identity::Registrars::<Runtime>::get()
				.get(index as usize)
				.cloned()
				.flatten()
				.map_or(registrar, |info| Actor::of(&info.account));
			(
				Signed(registrar),
				C::Identity(pallet_identity::Call::provide_judgement {
					reg_index: index,
					target: target.id().into(),
					judgement,
					identity,
				}),
			)
		},
		Act::Propose { member, threshold, motion } => {
			let proposal = motion.call();
			let length_bound = proposal.encoded_size() as u32;
			(
				Signed(member),
				C::Council(pallet_collective::Call::propose {
					threshold,
					proposal: Box::new(proposal),
					length_bound,
				}),
			)
		},
		Act::Vote { member, motion, aye } => {
			let (hash, index, _) =
				open_motion(motion).unwrap_or((H256::zero(), 0, Motion::Remark.call()));
			(
				Signed(member),
				C::Council(pallet_collective::Call::vote { proposal: hash, index, approve: aye }),
			)
		},
		Act::Close { member, motion } => {
			let (hash, index, call) =
				open_motion(motion).unwrap_or((H256::zero(), 0, Motion::Remark.call()));
			(
				Signed(member),
				C::Council(pallet_collective::Call::close {
					proposal_hash: hash,
					index,
					proposal_weight_bound: call.get_dispatch_info().call_weight,
					length_bound: call.encoded_size() as u32,
				}),
			)
		},

		Act::License { institution, role } => {
			(Governance, C::Kyc(pallet_kyc::Call::license { institution: institution.id(), role }))
		},
		Act::SuspendLicence { institution, role } => (
			supervisor,
			C::Kyc(pallet_kyc::Call::suspend_licence { institution: institution.id(), role }),
		),
		Act::ReinstateLicence { institution, role } => (
			Governance,
			C::Kyc(pallet_kyc::Call::reinstate_licence { institution: institution.id(), role }),
		),
		Act::RevokeLicence { institution, role } => (
			Governance,
			C::Kyc(pallet_kyc::Call::revoke_licence { institution: institution.id(), role }),
		),
		Act::Attest { registrar, who, profile, expiry } => (
			Signed(registrar),
			C::Kyc(pallet_kyc::Call::attest {
				who: who.id(),
				profile: profile.profile(),
				expires_at: expiry.at(now),
			}),
		),
		Act::Renew { registrar, who, expiry } => (
			Signed(attester(who).unwrap_or(registrar)),
			C::Kyc(pallet_kyc::Call::renew { who: who.id(), expires_at: expiry.at(now) }),
		),
		Act::Suspend { registrar, who } => (
			Signed(attester(who).unwrap_or(registrar)),
			C::Kyc(pallet_kyc::Call::suspend { who: who.id() }),
		),
		Act::Reinstate { registrar, who } => (
			Signed(attester(who).unwrap_or(registrar)),
			C::Kyc(pallet_kyc::Call::reinstate { who: who.id() }),
		),
		Act::Revoke { registrar, who } => (
			Signed(attester(who).unwrap_or(registrar)),
			C::Kyc(pallet_kyc::Call::revoke { who: who.id() }),
		),
		Act::SetClass { person, class } => (
			supervisor,
			C::Kyc(pallet_kyc::Call::set_supervision_class { person: person.id(), class }),
		),
		Act::SetAllowance { amount } => {
			(Governance, C::Kyc(pallet_kyc::Call::set_onboarding_allowance { amount }))
		},

		Act::RegisterCurrency { currency, code, decimals } => {
			(Governance, C::Forex(Fx::register_currency { currency, code, decimals }))
		},
		Act::AddIssuer { currency, issuer } => {
			(Governance, C::Forex(Fx::add_issuer { currency, issuer: issuer.id() }))
		},
		Act::RemoveIssuer { currency, issuer } => {
			(Governance, C::Forex(Fx::remove_issuer { currency, issuer: issuer.id() }))
		},
		Act::Deposit { issuer, currency, to, amount } => (
			Signed(issuer),
			C::Forex(Fx::deposit {
				currency,
				to: to.id(),
				amount,
				bank_reference: H256::from_low_u64_be(now),
			}),
		),
		Act::RequestWithdrawal { who, currency, amount, issuer } => (
			Signed(who),
			C::Forex(Fx::request_withdrawal { currency, amount, issuer: issuer.id() }),
		),
		Act::CompleteWithdrawal { withdrawal } | Act::DeclineWithdrawal { withdrawal } => {
			let (reference, record) = pick_record(withdrawal, |record| {
				record.kind == MovementKind::Withdrawal && record.status == PaymentStatus::Pending
			});
			let issuer =
				record.and_then(|record| record.issuer).map_or(Actor::Dave, |i| Actor::of(&i));
			let call = if matches!(act, Act::CompleteWithdrawal { .. }) {
				Fx::complete_withdrawal { reference, bank_reference: H256::repeat_byte(0xB1) }
			} else {
				Fx::decline_withdrawal { reference }
			};
			(Signed(issuer), C::Forex(call))
		},
		Act::Pay { from, to, currency, amount, purpose, travel_rule, documents } => (
			Signed(from),
			C::Forex(Fx::pay {
				to: to.id(),
				currency,
				amount,
				purpose,
				travel_rule: travel_rule.then_some(TravelRule::Hashes {
					originator: H256::repeat_byte(1),
					beneficiary: H256::repeat_byte(2),
				}),
				documents,
			}),
		),
		Act::Release { hold } => {
			let (reference, _) = pick_record(hold, |record| record.status == PaymentStatus::Held);
			(supervisor, C::Forex(Fx::release { reference }))
		},
		Act::Reject { hold } => {
			let (reference, _) = pick_record(hold, |record| record.status.is_open());
			(supervisor, C::Forex(Fx::reject { reference }))
		},
		Act::PostQuote { maker, offer, ask, rate, amount, expiry } => (
			Signed(maker),
			C::Forex(Fx::post_quote {
				offer,
				ask,
				rate: rate.quote(offer, ask),
				amount,
				expires_at: expiry.at(now),
			}),
		),
		Act::WithdrawQuote { quote } => {
			let id = quote.id(&sorted_keys(pallet_forex::Quotes::<Runtime>::iter()));
			let maker = pallet_forex::Quotes::<Runtime>::get(id)
				.map_or(Actor::Dave, |quote| Actor::of(&quote.maker));
			(Signed(maker), C::Forex(Fx::withdraw_quote { quote: id }))
		},
		Act::Exchange { customer, quote, share, limit, purpose } => {
			let live: Vec<u64> = sorted_keys(
				pallet_forex::Quotes::<Runtime>::iter().filter(|(_, q)| q.expires_at > now),
			);
			let id = if live.is_empty() {
				quote.id(&sorted_keys(pallet_forex::Quotes::<Runtime>::iter()))
			} else {
				quote.id(&live)
			};
			let (amount, max_pay) = match pallet_forex::Quotes::<Runtime>::get(id) {
				Some(quote) => {
					let amount = match share {
						Share::Units(units) => units,
						Share::Percent(p) => {
							(quote.remaining.saturating_mul(u128::from(p)) / 100).max(1)
						},
					};
					let price = quote.rate.checked_mul_int(amount).unwrap_or(u128::MAX);
					let max_pay = match limit {
						Limit::Exact => price,
						Limit::Ample => u128::MAX,
						Limit::Short => price.saturating_sub(1),
					};
					(amount, max_pay)
				},
				None => (1_000, u128::MAX),
			};
			(Signed(customer), C::Forex(Fx::exchange { quote: id, amount, max_pay, purpose }))
		},
		Act::ProposeTrade { proposer, counterparty, give, take, expiry, purpose } => (
			Signed(proposer),
			C::Forex(Fx::propose_trade {
				counterparty: counterparty.id(),
				give,
				take,
				expires_at: expiry.at(now),
				purpose,
			}),
		),
		Act::AcceptTrade { trade } | Act::DeclineTrade { trade } | Act::CancelTrade { trade } => {
			let id = trade.id(&sorted_keys(pallet_forex::Trades::<Runtime>::iter()));
			let offer = pallet_forex::Trades::<Runtime>::get(id);
			let (proposer, counterparty) = offer.map_or((Actor::Dave, Actor::Eve), |offer| {
				(Actor::of(&offer.proposer), Actor::of(&offer.counterparty))
			});
			match act {
				Act::AcceptTrade { .. } => {
					(Signed(counterparty), C::Forex(Fx::accept_trade { trade: id }))
				},
				Act::DeclineTrade { .. } => {
					(Signed(counterparty), C::Forex(Fx::decline_trade { trade: id }))
				},
				_ => (Signed(proposer), C::Forex(Fx::cancel_trade { trade: id })),
			}
		},

		Act::SetRule { rule } => (Governance, C::Supervision(Sv::set_rule { rule })),
		Act::SetRateSetter { setter } => {
			(Governance, C::Supervision(Sv::set_rate_setter { new: setter.map(Actor::id) }))
		},
		Act::SetRate { currency, rate } => (
			Signed(Actor::Ferdie),
			C::Supervision(Sv::set_rate { currency, rate: rate.reference(currency) }),
		),
		Act::FreezeAccount { who } => (
			supervisor,
			C::Supervision(Sv::freeze_account { who: who.id(), case: H256::repeat_byte(0xCA) }),
		),
		Act::UnfreezeAccount { who } => {
			(Governance, C::Supervision(Sv::unfreeze_account { who: who.id() }))
		},
		Act::FreezeCurrency { currency } => (
			supervisor,
			C::Supervision(Sv::freeze_currency { currency, case: H256::repeat_byte(0xCB) }),
		),
		Act::UnfreezeCurrency { currency } => {
			(Governance, C::Supervision(Sv::unfreeze_currency { currency }))
		},
		Act::PausePayments => {
			(supervisor, C::Supervision(Sv::pause_payments { case: H256::repeat_byte(0xCC) }))
		},
		Act::ResumePayments => (Governance, C::Supervision(Sv::resume_payments {})),
		Act::WatchList { person } => (
			supervisor,
			C::Supervision(Sv::watch_list { person: person.id(), case: H256::repeat_byte(0xCD) }),
		),
		Act::Unwatch { person } => {
			(Governance, C::Supervision(Sv::remove_from_watch_list { person: person.id() }))
		},
		Act::AcknowledgeReport { report } => {
			let id = report.id(&sorted_keys(pallet_supervision::Reports::<Runtime>::iter()));
			(supervisor, C::Supervision(Sv::acknowledge_report { id, note: None }))
		},
		Act::EscalateReport { report } => {
			let id = report.id(&sorted_keys(pallet_supervision::Reports::<Runtime>::iter()));
			(
				supervisor,
				C::Supervision(Sv::escalate_report { id, note: Some(H256::repeat_byte(0xE5)) }),
			)
		},
		Act::FileFeedback { who, payment, kind } => {
			let party = who.id();
			let (reference, _) = pick_record(payment, |record| record.parties().contains(&party));
			(
				Signed(who),
				C::Supervision(Sv::file_feedback {
					reference,
					kind,
					content: H256::repeat_byte(0xFB),
				}),
			)
		},
		Act::AnswerFeedback { feedback } => {
			let id = feedback.id(&sorted_keys(pallet_supervision::Feedback::<Runtime>::iter()));
			(
				supervisor,
				C::Supervision(Sv::answer_feedback { id, answer: H256::repeat_byte(0xAF) }),
			)
		},

		Act::RegisterAsset { holder, asset } => (
			Signed(holder),
			C::Leasing(Ls::register_asset {
				key: asset_key(asset),
				description: H256::repeat_byte(asset),
			}),
		),
		Act::TransferAsset { asset, .. }
		| Act::PledgeAsset { asset, .. }
		| Act::ReleasePledge { asset }
		| Act::DeregisterAsset { asset } => {
			let key = asset_key(asset);
			let registered = pallet_leasing::Assets::<Runtime>::get(key);
			let holder = registered.as_ref().map_or(Actor::Dave, |a| Actor::of(&a.holder));
			match *act {
				Act::TransferAsset { to, .. } => {
					(Signed(holder), C::Leasing(Ls::transfer_asset { key, to: to.id() }))
				},
				Act::PledgeAsset { pledgee, .. } => {
					(Signed(holder), C::Leasing(Ls::pledge_asset { key, pledgee: pledgee.id() }))
				},
				Act::ReleasePledge { .. } => {
					let pledgee = match registered.and_then(|a| a.encumbrance) {
						Some((Encumbrance::Pledge { pledgee }, _)) => Actor::of(&pledgee),
						_ => holder,
					};
					(Signed(pledgee), C::Leasing(Ls::release_pledge { key }))
				},
				_ => (Signed(holder), C::Leasing(Ls::deregister_asset { key })),
			}
		},
		Act::Draft { lessor, lessee, asset, terms } => (
			Signed(lessor),
			C::Leasing(Ls::draft { lessee: lessee.id(), asset: asset_key(asset), terms }),
		),
		Act::WithdrawDraft { lease, by_lessee } => {
			let (id, record) = pick_lease(lease, |l| l.status == LeaseStatus::Draft);
			let who = record.map_or(Actor::Dave, |lease| {
				Actor::of(if by_lessee { &lease.lessee } else { &lease.lessor })
			});
			(Signed(who), C::Leasing(Ls::withdraw_draft { lease: id }))
		},
		Act::Sign { lease, right_hash } => {
			let (id, record) = pick_lease(lease, |l| l.status == LeaseStatus::Draft);
			let (who, hash) = record.map_or((Actor::Charlie, H256::zero()), |lease| {
				(Actor::of(&lease.lessee), lease.schedule_hash)
			});
			let schedule_hash = if right_hash { hash } else { H256::repeat_byte(0x5C) };
			(Signed(who), C::Leasing(Ls::sign { lease: id, schedule_hash }))
		},
		Act::SetAutoPay { lease, enabled } => {
			let (id, record) = pick_lease(lease, |l| l.status != LeaseStatus::Draft);
			let who = record.map_or(Actor::Charlie, |lease| Actor::of(&lease.lessee));
			(Signed(who), C::Leasing(Ls::set_auto_pay { lease: id, enabled }))
		},
		Act::PayRent { lease } | Act::BuyOut { lease } | Act::Complete { lease } => {
			let (id, record) = pick_lease(lease, |l| match act {
				Act::Complete { .. } => l.status == LeaseStatus::Matured,
				_ => l.status != LeaseStatus::Draft && l.in_review.is_none(),
			});
			let lessee = record.as_ref().map_or(Actor::Charlie, |lease| Actor::of(&lease.lessee));
			match act {
				Act::PayRent { .. } => (Signed(lessee), C::Leasing(Ls::pay { lease: id })),
				Act::BuyOut { .. } => (Signed(lessee), C::Leasing(Ls::buy_out { lease: id })),
				_ => {
					let who = match record {
						Some(lease) if lease.terms.end == EndOption::Return => {
							Actor::of(&lease.lessor)
						},
						_ => lessee,
					};
					(Signed(who), C::Leasing(Ls::complete { lease: id }))
				},
			}
		},
		Act::SendDemand { lease }
		| Act::DeclareDefault { lease }
		| Act::Accelerate { lease }
		| Act::Terminate { lease, .. }
		| Act::WriteOff { lease } => {
			let (id, record) = pick_lease(lease, |l| {
				matches!(
					(act, l.status),
					(Act::SendDemand { .. }, LeaseStatus::Active)
						| (Act::DeclareDefault { .. }, LeaseStatus::Demanded { .. })
						| (Act::Accelerate { .. }, LeaseStatus::Defaulted { .. })
						| (
							Act::Terminate { .. },
							LeaseStatus::Defaulted { .. } | LeaseStatus::Accelerated { .. }
						) | (Act::WriteOff { .. }, LeaseStatus::Terminated { .. })
				)
			});
			let lessor = record.map_or(Actor::Dave, |lease| Actor::of(&lease.lessor));
			let call = match *act {
				Act::SendDemand { .. } => Ls::send_demand { lease: id },
				Act::DeclareDefault { .. } => Ls::declare_default { lease: id },
				Act::Accelerate { .. } => Ls::accelerate { lease: id },
				Act::Terminate { recovered, .. } => {
					Ls::terminate { lease: id, recovered, evidence: H256::repeat_byte(0xE7) }
				},
				_ => Ls::write_off { lease: id },
			};
			(Signed(lessor), C::Leasing(call))
		},

		Act::RegisterItem { provider, subject, category } => (
			Signed(provider),
			C::DataSharing(pallet_data_sharing::Call::register_item {
				subject: subject.id(),
				category,
				content_hash: H256::repeat_byte(0x17),
				locator: b"https://eve.example/items".to_vec().try_into().expect("short"),
			}),
		),
		Act::UpdateItem { item } | Act::RemoveItem { item } | Act::Dispute { item } => {
			let id = item.id(&sorted_keys(pallet_data_sharing::Items::<Runtime>::iter()));
			let record = pallet_data_sharing::Items::<Runtime>::get(id);
			let (provider, subject) = record.map_or((Actor::Eve, Actor::Charlie), |item| {
				(Actor::of(&item.provider), Actor::of(&item.subject))
			});
			match act {
				Act::UpdateItem { .. } => (
					Signed(provider),
					C::DataSharing(pallet_data_sharing::Call::update_item {
						item: id,
						content_hash: H256::from_low_u64_be(now),
						locator: b"https://eve.example/v2".to_vec().try_into().expect("short"),
					}),
				),
				Act::RemoveItem { .. } => (
					Signed(provider),
					C::DataSharing(pallet_data_sharing::Call::remove_item { item: id }),
				),
				_ => (
					Signed(subject),
					C::DataSharing(pallet_data_sharing::Call::dispute {
						item: id,
						reason: H256::repeat_byte(0xD1),
					}),
				),
			}
		},
		Act::Grant { subject, grantee, categories, purpose, basis, expiry, max_queries } => {
			let all = Category::ALL;
			let mut chosen: Vec<Category> = all
				.into_iter()
				.enumerate()
				.filter(|(bit, _)| categories & (1 << bit) != 0)
				.map(|(_, category)| category)
				.collect();
			// The top bit repeats a category: refused.
			if categories & 0x80 != 0 && !chosen.is_empty() && chosen.len() < all.len() {
				chosen.push(chosen[0]);
			}
			(
				Signed(subject),
				C::DataSharing(pallet_data_sharing::Call::grant {
					grantee: grantee.id(),
					categories: chosen.try_into().expect("at most seven"),
					purpose,
					basis,
					expires_at: expiry.at(now),
					max_queries,
					evidence: H256::repeat_byte(0xE1),
				}),
			)
		},
		Act::RevokeConsent { consent } => {
			let id = consent.id(&sorted_keys(pallet_data_sharing::Consents::<Runtime>::iter()));
			let subject = pallet_data_sharing::Consents::<Runtime>::get(id)
				.map_or(Actor::Charlie, |consent| Actor::of(&consent.subject));
			(Signed(subject), C::DataSharing(pallet_data_sharing::Call::revoke { consent: id }))
		},
		Act::Query { consent, exact, category, purpose, holder } => {
			let id = consent.id(&sorted_keys(pallet_data_sharing::Consents::<Runtime>::iter()));
			let record = pallet_data_sharing::Consents::<Runtime>::get(id);
			let grantee = record.as_ref().map_or(Actor::Dave, |c| Actor::of(&c.grantee));
			let (category, purpose) = match record {
				Some(consent) if exact => {
					(consent.categories.first().copied().unwrap_or(category), consent.purpose)
				},
				_ => (category, purpose),
			};
			(
				Signed(grantee),
				C::DataSharing(pallet_data_sharing::Call::query {
					consent: id,
					category,
					purpose,
					holder: holder.id(),
				}),
			)
		},
		Act::RecordResult { entry } => {
			let id = entry.id(&sorted_keys(pallet_data_sharing::Log::<Runtime>::iter()));
			let holder = pallet_data_sharing::Log::<Runtime>::get(id)
				.map_or(Actor::Eve, |entry| Actor::of(&entry.holder));
			(
				Signed(holder),
				C::DataSharing(pallet_data_sharing::Call::record_result {
					entry: id,
					result: H256::repeat_byte(0x2E),
				}),
			)
		},
		Act::StatutoryQuery { subject, category, basis, case, holder } => (
			supervisor,
			C::DataSharing(pallet_data_sharing::Call::statutory_query {
				subject: subject.id(),
				category,
				basis,
				case: H256::repeat_byte(0xC0 + case),
				holder: holder.id(),
			}),
		),
		Act::AnswerDispute { item } => {
			let id = item.id(&sorted_keys(pallet_data_sharing::Disputes::<Runtime>::iter()));
			let provider = pallet_data_sharing::Disputes::<Runtime>::get(id)
				.map_or(Actor::Eve, |dispute| Actor::of(&dispute.provider));
			(
				Signed(provider),
				C::DataSharing(pallet_data_sharing::Call::answer_dispute {
					item: id,
					answer: H256::repeat_byte(0xA2),
				}),
			)
		},
		Act::SetParams { params } => {
			(Governance, C::DataSharing(pallet_data_sharing::Call::set_params { params }))
		},
		Act::SealCase { case, until } => (
			Governance,
			C::DataSharing(pallet_data_sharing::Call::seal_case {
				case: H256::repeat_byte(0xC0 + case),
				until: until.map(|until| until.at(now)),
			}),
		),

		Act::AddValidator { who } => (
			Governance,
			C::ValidatorSet(pallet_validator_set::Call::add_validator { who: who.id() }),
		),
		Act::RemoveValidator { who } => (
			Governance,
			C::ValidatorSet(pallet_validator_set::Call::remove_validator { who: who.id() }),
		),
		Act::SetMinValidators { min } => (
			Governance,
			C::ValidatorSet(pallet_validator_set::Call::set_min_validators { new: min }),
		),
		Act::Enact { motion } => (
			Governance,
			C::Governance(pallet_governance::Call::enact { call: Box::new(motion.call()) }),
		),
		Act::Batch { mode, calls } => {
			let built: Vec<(Caller, RuntimeCall)> =
				calls.iter().map(|act| build(act, motions)).collect();
			let who = match built.first() {
				Some((Signed(actor), _)) => *actor,
				_ => Actor::Alice,
			};
			let mut calls: Vec<RuntimeCall> = built.into_iter().map(|(_, call)| call).collect();
			let call = match mode {
				BatchMode::Batch => pallet_utility::Call::batch { calls },
				BatchMode::All => pallet_utility::Call::batch_all { calls },
				BatchMode::Force => pallet_utility::Call::force_batch { calls },
				BatchMode::Derivative(index) => pallet_utility::Call::as_derivative {
					index,
					call: Box::new(calls.swap_remove(0)),
				},
			};
			(Signed(who), C::Utility(call))
		},
	}
}

// ---------------------------------------------------------------------------------------------
// Running blocks
// ---------------------------------------------------------------------------------------------

/// What became of a call.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Outcome {
	/// Dispatched and succeeded.
	Ok,
	/// Dispatched and failed (a signed extrinsic was included and paid its fee).
	Failed(DispatchError),
	/// A signed extrinsic the block builder refused (the door, the nonce, the fee).
	Refused(sp_runtime::transaction_validity::TransactionValidityError),
}

/// Dispatch `call` as `caller` would: a signed extrinsic applied as a block builder applies it
/// (in a storage transaction, rolled back if refused), or the call with the origin.
fn dispatch(caller: Caller, call: RuntimeCall) -> Outcome {
	let origin: RuntimeOrigin = match caller {
		Caller::Signed(actor) => return apply_signed(actor, call),
		Caller::Sudo => {
			let sudo = RuntimeCall::Sudo(pallet_sudo::Call::sudo { call: Box::new(call) });
			return apply_signed(Actor::Alice, sudo);
		},
		Caller::Execute(member) => {
			let length_bound = call.encoded_size() as u32;
			let execute = RuntimeCall::Council(pallet_collective::Call::execute {
				proposal: Box::new(call),
				length_bound,
			});
			return apply_signed(member, execute);
		},
		Caller::Member(member) => Collective::Member(member.id()).into(),
		Caller::Governance => Collective::Members(2, 3).into(),
		Caller::Minority => Collective::Members(1, 3).into(),
		Caller::Root | Caller::Natural => RuntimeOrigin::root(),
	};
	match call.dispatch(origin) {
		Ok(_) => Outcome::Ok,
		Err(error) => Outcome::Failed(error.error),
	}
}

/// Apply `who`'s signed extrinsic of `call` as a block builder does: in a storage transaction,
/// rolled back if refused. A call that dispatches others (sudo, a council member's execution, a
/// batch) fails if one of those failed, as its events tell.
fn apply_signed(who: Actor, call: RuntimeCall) -> Outcome {
	let Some(keyring) = who.keyring() else {
		// Nobody can sign for a keyless account.
		return Outcome::Refused(
			sp_runtime::transaction_validity::InvalidTransaction::BadProof.into(),
		);
	};
	let extrinsic = common::signed_extrinsic(keyring, call);
	let since = System::event_count() as usize;
	sp_io::storage::start_transaction();
	match Executive::apply_extrinsic(extrinsic) {
		Ok(result) => {
			sp_io::storage::commit_transaction();
			match result {
				Ok(()) => inner_failure(since).map_or(Outcome::Ok, Outcome::Failed),
				Err(error) => Outcome::Failed(error),
			}
		},
		Err(refused) => {
			sp_io::storage::rollback_transaction();
			Outcome::Refused(refused)
		},
	}
}

/// The failure of a call dispatched by another, among the events from the `since`-th on.
fn inner_failure(since: usize) -> Option<DispatchError> {
	System::events()
		.into_iter()
		.skip(since)
		.rev()
		.find_map(|record| match record.event {
			RuntimeEvent::Sudo(pallet_sudo::Event::Sudid { sudo_result: Err(error) })
			| RuntimeEvent::Council(pallet_collective::Event::MemberExecuted {
				result: Err(error),
				..
			})
			| RuntimeEvent::Utility(pallet_utility::Event::BatchInterrupted { error, .. })
			| RuntimeEvent::Utility(pallet_utility::Event::ItemFailed { error }) => Some(error),
			_ => None,
		})
}

/// The money the chain should hold, from what the events say happened.
#[derive(Clone, Debug, Default)]
struct Ledger {
	/// The native token's issuance: genesis less the fees and dust since.
	native: Balance,
	/// Per currency, what issuers minted less what they burnt.
	issued: BTreeMap<CurrencyId, Amount>,
	/// Held deposits (minted into escrow, burnt if rejected or expired).
	held_deposits: BTreeMap<Reference, (CurrencyId, Amount)>,
	/// Requested withdrawals (burnt when completed).
	withdrawals: BTreeMap<Reference, (CurrencyId, Amount)>,
	fees: Balance,
}

impl Ledger {
	fn at_genesis() -> Self {
		Ledger {
			native: pallet_balances::TotalIssuance::<Runtime>::get(),
			issued: pallet_forex::Currencies::<Runtime>::iter_keys()
				.map(|currency| (currency, pallet_forex::Issued::<Runtime>::get(currency)))
				.collect(),
			..Default::default()
		}
	}

	fn observe(&mut self, events: &[RuntimeEvent]) -> Result<(), String> {
		use pallet_forex::Event as Fx;
		for event in events {
			match event {
				RuntimeEvent::TransactionPayment(
					pallet_transaction_payment::Event::TransactionFeePaid { actual_fee, .. },
				) => {
					self.fees += *actual_fee;
					self.native =
						self.native.checked_sub(*actual_fee).ok_or("fees above issuance")?;
				},
				RuntimeEvent::Balances(pallet_balances::Event::DustLost { amount, .. }) => {
					self.native = self.native.checked_sub(*amount).ok_or("dust above issuance")?;
				},
				RuntimeEvent::Forex(Fx::CurrencyRegistered { currency, .. }) => {
					self.issued.insert(*currency, 0);
				},
				RuntimeEvent::Forex(Fx::Deposited {
					reference, currency, amount, status, ..
				}) => {
					if *status == PaymentStatus::Denied {
						continue;
					}
					let issued = self.issued.entry(*currency).or_default();
					*issued = issued.checked_add(*amount).ok_or("issuance overflows")?;
					if *status == PaymentStatus::Held {
						self.held_deposits.insert(*reference, (*currency, *amount));
					}
				},
				RuntimeEvent::Forex(Fx::WithdrawalRequested {
					reference,
					currency,
					amount,
					status,
					..
				}) if *status != PaymentStatus::Denied => {
					self.withdrawals.insert(*reference, (*currency, *amount));
				},
				RuntimeEvent::Forex(Fx::WithdrawalCompleted { reference, .. }) => {
					let (currency, amount) = self
						.withdrawals
						.remove(reference)
						.ok_or_else(|| format!("completed an unknown withdrawal {reference:?}"))?;
					let issued = self.issued.entry(currency).or_default();
					*issued = issued.checked_sub(amount).ok_or("burnt more than issued")?;
				},
				RuntimeEvent::Forex(Fx::WithdrawalDeclined { reference, .. }) => {
					self.withdrawals.remove(reference);
				},
				RuntimeEvent::Forex(Fx::HoldReleased { reference }) => {
					self.held_deposits.remove(reference);
				},
				RuntimeEvent::Forex(
					Fx::HoldRejected { reference } | Fx::HoldExpired { reference },
				) => {
					self.withdrawals.remove(reference);
					if let Some((currency, amount)) = self.held_deposits.remove(reference) {
						let issued = self.issued.entry(currency).or_default();
						*issued = issued.checked_sub(amount).ok_or("burnt more than issued")?;
					}
				},
				_ => {},
			}
		}
		Ok(())
	}
}

macro_rules! check {
	($condition:expr, $($message:tt)+) => {
		if !$condition {
			return Err(format!($($message)+));
		}
	};
}

/// Every `Registrar` licence's identity registrar index names the licensed institution in
/// `pallet-identity`'s registrar list (which the KYC pallet sees only through a trait).
fn registrars_in_step() -> Result<(), String> {
	use pallet_kyc::Licences;
	let registrars = pallet_identity::Registrars::<Runtime>::get();
	let mut indices = BTreeSet::new();
	for (institution, role, licence) in Licences::<Runtime>::iter() {
		check!(
			licence.identity_registrar.is_some() == (role == Role::Registrar),
			"kyc: only registrar licences carry an identity registrar index"
		);
		if let Some(index) = licence.identity_registrar {
			check!(indices.insert(index), "kyc: two licences share an identity registrar index");
			let listed = registrars.get(index as usize).cloned().flatten().map(|r| r.account);
			check!(
				listed == Some(institution.clone()),
				"kyc: registrar licence {index} of {institution:?} is not identity registrar {index}"
			);
		}
	}
	Ok(())
}

/// The money: native issuance and balances, every currency's issuance, escrow and reservations.
fn money_invariants(ledger: &Ledger) -> Result<(), String> {
	use pallet_forex::{Escrowed, Issued, LedgerReserved, Records, Reserved, Trades};
	// The native token.
	let issuance = pallet_balances::TotalIssuance::<Runtime>::get();
	let held: Balance = frame_system::Account::<Runtime>::iter().fold(0, |sum, (_, account)| {
		sum.saturating_add(account.data.free).saturating_add(account.data.reserved)
	});
	check!(held == issuance, "native: accounts hold {held}, the issuance is {issuance}");
	check!(
		issuance == ledger.native,
		"native: the issuance is {issuance}, genesis less fees and dust is {}",
		ledger.native
	);

	// Every currency.
	let escrow = pallet_forex::Pallet::<Runtime>::escrow_account();
	for currency in pallet_forex::Currencies::<Runtime>::iter_keys() {
		let supply = fxchain_runtime::Assets::total_issuance(currency);
		let held: Amount = pallet_assets::Account::<Runtime>::iter_prefix(currency)
			.fold(0, |sum, (_, account)| sum.saturating_add(account.balance));
		check!(held == supply, "{currency}: accounts hold {held}, the issuance is {supply}");
		let expected = ledger.issued.get(&currency).copied().unwrap_or_default();
		check!(
			supply == expected,
			"{currency}: the issuance is {supply}, the issuers' deposits less withdrawals are \
			 {expected}"
		);
		check!(Issued::<Runtime>::get(currency) == supply, "{currency}: `Issued` differs");
		let escrowed = Escrowed::<Runtime>::get(currency);
		let in_escrow = fxchain_runtime::Assets::balance(currency, &escrow);
		check!(in_escrow == escrowed, "{currency}: escrow holds {in_escrow}, booked {escrowed}");
	}

	// Each account's reservations: its open operations, trade offers and ledger reservations.
	let mut expected: BTreeMap<(AccountId, CurrencyId), Amount> = BTreeMap::new();
	let mut book = |owner: AccountId, currency: CurrencyId, amount: Amount| {
		let slot = expected.entry((owner, currency)).or_default();
		*slot = slot.saturating_add(amount);
	};
	let mut held_records = BTreeSet::new();
	for (reference, record) in Records::<Runtime>::iter() {
		if record.status.is_open() {
			for leg in &record.legs {
				book(leg.owner().ok_or("a leg without parties")?, leg.currency, leg.amount);
			}
		}
		if record.status == PaymentStatus::Held {
			held_records.insert(reference);
		}
	}
	for (_, trade) in Trades::<Runtime>::iter() {
		book(trade.proposer.clone(), trade.give.0, trade.give.1);
	}
	for (who, currency, amount) in LedgerReserved::<Runtime>::iter() {
		book(who, currency, amount);
	}
	let reserved: BTreeMap<(AccountId, CurrencyId), Amount> = Reserved::<Runtime>::iter()
		.map(|(who, currency, amount)| ((who, currency), amount))
		.collect();
	if reserved != expected {
		let differ: Vec<_> = reserved
			.keys()
			.chain(expected.keys())
			.collect::<BTreeSet<_>>()
			.into_iter()
			.filter(|key| reserved.get(*key) != expected.get(*key))
			.map(|key| {
				format!(
					"{:?}/{}: reserved {:?}, open operations {:?}",
					Actor::of(&key.0),
					key.1,
					reserved.get(key),
					expected.get(key)
				)
			})
			.collect();
		return Err(format!("reservations differ from what they are for: {differ:?}"));
	}

	// Every hold can expire; supervision keeps quota only for holds.
	let (head, next) = pallet_forex::HoldQueueBounds::<Runtime>::get();
	let queued: BTreeSet<Reference> = (head..next)
		.filter_map(|index| pallet_forex::HoldQueue::<Runtime>::get(index).map(|(r, _)| r))
		.collect();
	for reference in &held_records {
		check!(queued.contains(reference), "the hold {reference:?} is not in the expiry queue");
	}
	for reference in pallet_supervision::HeldQuota::<Runtime>::iter_keys() {
		check!(
			held_records.contains(&reference),
			"supervision keeps held quota for {reference:?}, which is not held"
		);
	}
	// Every ledger reservation is a lease deposit, and the other way round.
	let mut deposits: BTreeMap<(AccountId, CurrencyId), Amount> = BTreeMap::new();
	for (_, lease) in pallet_leasing::Leases::<Runtime>::iter() {
		if lease.deposit > 0 {
			let slot = deposits.entry((lease.lessee.clone(), lease.terms.currency)).or_default();
			*slot = slot.saturating_add(lease.deposit);
		}
	}
	let ledger_reserved: BTreeMap<(AccountId, CurrencyId), Amount> =
		LedgerReserved::<Runtime>::iter()
			.map(|(who, c, amount)| ((who, c), amount))
			.collect();
	check!(
		deposits == ledger_reserved,
		"lease deposits {deposits:?} differ from the ledger's reservations {ledger_reserved:?}"
	);
	for (id, quote) in pallet_forex::Quotes::<Runtime>::iter() {
		check!(quote.remaining > 0, "quote {id} is open with nothing left to sell");
	}
	// A lease waiting for a review waits for a held ledger transfer.
	for (id, lease) in pallet_leasing::Leases::<Runtime>::iter() {
		if let Some(reference) = lease.in_review {
			let record = Records::<Runtime>::get(reference);
			check!(
				record.is_some_and(
					|r| r.kind == MovementKind::Ledger && r.status == PaymentStatus::Held
				),
				"lease {id} waits for {reference:?}, which is not a held ledger transfer"
			);
		}
	}
	Ok(())
}

fn check_invariants(ledger: &Ledger) -> Result<(), String> {
	let pallet = |name: &str, result: Result<(), sp_runtime::TryRuntimeError>| {
		result.map_err(|error| format!("{name} try_state: {error:?}"))
	};
	pallet("forex", pallet_forex::Pallet::<Runtime>::do_try_state())?;
	pallet("supervision", pallet_supervision::Pallet::<Runtime>::do_try_state())?;
	pallet("leasing", pallet_leasing::Pallet::<Runtime>::do_try_state())?;
	pallet("data-sharing", pallet_data_sharing::Pallet::<Runtime>::do_try_state())?;
	pallet("receivables", pallet_receivables::Pallet::<Runtime>::do_try_state())?;
	pallet("securitisation", pallet_securitisation::Pallet::<Runtime>::do_try_state())?;
	pallet("kyc", pallet_kyc::Pallet::<Runtime>::do_try_state())?;
	pallet("validator-set", pallet_validator_set::Pallet::<Runtime>::do_try_state())?;
	registrars_in_step()?;
	money_invariants(ledger)
}

/// Successes and failures.
#[derive(Clone, Copy, Debug, Default)]
struct Tally {
	tried: u64,
	ok: u64,
	failed: u64,
	refused: u64,
}

impl Tally {
	fn add(&mut self, outcome: &Outcome) {
		self.tried += 1;
		match outcome {
			Outcome::Ok => self.ok += 1,
			Outcome::Failed(_) => self.failed += 1,
			Outcome::Refused(_) => self.refused += 1,
		}
	}

	fn share(&self) -> f64 {
		if self.tried == 0 {
			0.0
		} else {
			100.0 * self.ok as f64 / self.tried as f64
		}
	}
}

#[derive(Debug, Default)]
struct Stats {
	cases: u64,
	blocks: u64,
	checks: u64,
	simulated: Moment,
	/// Random steps per pallet.
	pallets: BTreeMap<&'static str, Tally>,
	/// The scripted prefix and the rate setter's refreshes.
	scripted: Tally,
	/// Calls that succeeded at least once, and all tried.
	succeeded: BTreeSet<(&'static str, &'static str)>,
	tried: BTreeSet<(&'static str, &'static str)>,
	/// Failure reasons of random steps.
	reasons: BTreeMap<String, u64>,
}

impl Stats {
	fn record(&mut self, call: &RuntimeCall, outcome: &Outcome, scripted: bool) {
		let metadata = call.get_call_metadata();
		let name = (metadata.pallet_name, metadata.function_name);
		self.tried.insert(name);
		if *outcome == Outcome::Ok {
			self.succeeded.insert(name);
		}
		if scripted {
			self.scripted.add(outcome);
			return;
		}
		self.pallets.entry(metadata.pallet_name).or_default().add(outcome);
		let reason = match outcome {
			Outcome::Ok => return,
			// Errors read back from events have lost their names.
			Outcome::Failed(DispatchError::Module(error)) => error.message.map_or_else(
				|| format!("module {} error {:?}", error.index, error.error),
				str::to_string,
			),
			Outcome::Failed(error) => format!("{error:?}"),
			Outcome::Refused(refused) => format!("refused {refused:?}"),
		};
		*self.reasons.entry(format!("{}.{}: {reason}", name.0, name.1)).or_default() += 1;
	}

	fn total(&self) -> Tally {
		self.pallets.values().fold(Tally::default(), |sum, t| Tally {
			tried: sum.tried + t.tried,
			ok: sum.ok + t.ok,
			failed: sum.failed + t.failed,
			refused: sum.refused + t.refused,
		})
	}
}

/// A `dev` chain being built block by block.
struct Chain {
	ext: sp_io::TestExternalities,
	parent: H256,
	number: u32,
	now: Moment,
	ledger: Ledger,
	motions: Motions,
}

impl Chain {
	fn new() -> Self {
		let mut ext = common::ext_from_preset("dev", |json| {
			// Bob has session keys: governance may make him a validator.
			let keys = fxchain_runtime::SessionKeys {
				babe: Sr25519Keyring::Bob.public().into(),
				grandpa: sp_keyring::Ed25519Keyring::Bob.public().into(),
			};
			let bob = Actor::Bob.id();
			json["session"]["nonAuthorityKeys"] = serde_json::json!([[bob, bob, keys]]);
		});
		let (parent, ledger) = ext.execute_with(|| {
			// Two starts without FXC: only a registrar's attestation lets it pay fees.
			pallet_balances::Pallet::<Runtime>::force_set_balance(
				RuntimeOrigin::root(),
				Actor::Two.id().into(),
				0,
			)
			.expect("root sets balances");
			// The first block the chain builds is block 1.
			System::set_block_number(0);
			(System::block_hash(0), Ledger::at_genesis())
		});
		ext.commit_all().expect("the genesis state commits");
		Chain { ext, parent, number: 0, now: GENESIS_TIME, ledger, motions: Vec::new() }
	}

	/// Build one block: the clock advanced, the rate setter's refreshes if asked, the steps;
	/// then the invariants. Returns each step's outcome.
	///
	/// A block that rotates the session is full (`pallet-session` charges the whole block in
	/// `on_initialize`) and takes no transaction: as a block author would, the harness closes it
	/// with its inherent alone and makes the steps in the next slot's block.
	fn block(
		&mut self,
		plan: &BlockPlan,
		scripted: bool,
		stats: &mut Stats,
	) -> Result<Vec<Outcome>, String> {
		self.now += plan.advance;
		stats.simulated += plan.advance;
		let Chain { ext, ledger, motions, parent, number, now } = self;
		let result = ext.execute_with(|| {
			*number += 1;
			start_block(*number, *now, *parent);
			while block_is_full() {
				*parent = end_block(ledger, *number, stats)?;
				*number += 1;
				*now += SLOT;
				stats.simulated += SLOT;
				start_block(*number, *now, *parent);
			}
			if plan.keeper {
				refresh_rates(stats);
			}
			let outcomes: Vec<Outcome> =
				plan.steps.iter().map(|step| run_step(step, motions, stats, scripted)).collect();
			*parent = end_block(ledger, *number, stats)?;
			Ok(outcomes)
		});
		ext.commit_all().expect("the blocks' state commits");
		result
	}
}

/// Whether the block has no room for normal transactions (it rotated the session).
fn block_is_full() -> bool {
	let limits = <Runtime as frame_system::Config>::BlockWeights::get();
	System::block_weight().total().ref_time() >= limits.max_block.ref_time()
}

/// Finalize the block, follow its events and check the invariants; returns its hash.
fn end_block(ledger: &mut Ledger, number: u32, stats: &mut Stats) -> Result<H256, String> {
	let header = Executive::finalize_block();
	let events: Vec<RuntimeEvent> =
		System::events().into_iter().map(|record| record.event).collect();
	stats.blocks += 1;
	stats.checks += 1;
	ledger
		.observe(&events)
		.and_then(|()| check_invariants(ledger))
		.map_err(|error| format!("after block {number}: {error}"))?;
	Ok(header.hash())
}

/// Start block `number` at `now`: BABE's pre-digest for the slot, then the timestamp inherent.
fn start_block(number: u32, now: Moment, parent: H256) {
	use sp_consensus_babe::digests::{PreDigest, SecondaryPlainPreDigest};
	let slot = sp_consensus_babe::Slot::from(now / SLOT);
	let pre_digest =
		PreDigest::SecondaryPlain(SecondaryPlainPreDigest { authority_index: 0, slot });
	let digest = sp_runtime::generic::Digest {
		logs: vec![sp_runtime::DigestItem::PreRuntime(
			sp_consensus_babe::BABE_ENGINE_ID,
			pre_digest.encode(),
		)],
	};
	let header = fxchain_runtime::Header::new(number, H256::zero(), H256::zero(), parent, digest);
	Executive::initialize_block(&header);
	let timestamp =
		UncheckedExtrinsic::new_bare(RuntimeCall::Timestamp(pallet_timestamp::Call::set { now }));
	let applied = Executive::apply_extrinsic(timestamp);
	assert_eq!(applied, Ok(Ok(())), "the timestamp inherent applies");
}

/// The rate setter (or governance, if it appointed none) refreshes rates older than half a day.
fn refresh_rates(stats: &mut Stats) {
	let now = now();
	let stale: Vec<CurrencyId> = pallet_supervision::Rates::<Runtime>::iter()
		.filter(|(_, rate)| rate.set_at.saturating_add(DAY / 2) <= now)
		.map(|(currency, _)| currency)
		.collect();
	let setter = pallet_supervision::RateSetter::<Runtime>::get();
	for currency in stale {
		let call = RuntimeCall::Supervision(pallet_supervision::Call::set_rate {
			currency,
			rate: RateSel::Reference.reference(currency),
		});
		let caller = match &setter {
			Some(setter) if Actor::ALL.iter().any(|a| a.id() == *setter) => {
				Caller::Signed(Actor::of(setter))
			},
			_ => Caller::Root,
		};
		let outcome = dispatch(caller, call.clone());
		stats.record(&call, &outcome, true);
	}
}

fn run_step(step: &Step, motions: &mut Motions, stats: &mut Stats, scripted: bool) -> Outcome {
	let (natural, call) = build(&step.act, motions);
	let caller = match step.caller {
		Caller::Natural => natural,
		chosen => chosen,
	};
	let proposed = match &call {
		RuntimeCall::Council(pallet_collective::Call::propose { proposal, .. }) => {
			let index =
				pallet_collective::ProposalCount::<Runtime, pallet_collective::Instance1>::get();
			Some((BlakeTwo256::hash_of(proposal.as_ref()), index, (**proposal).clone()))
		},
		_ => None,
	};
	let outcome = dispatch(caller, call.clone());
	if let (Outcome::Ok, Some(motion)) = (&outcome, proposed) {
		motions.push(motion);
	}
	stats.record(&call, &outcome, scripted);
	outcome
}

/// Run one case: the scripted prefix, then `blocks`.
fn run_case(blocks: &[BlockPlan], stats: &mut Stats) -> Result<(), String> {
	let mut chain = Chain::new();
	for plan in scripted_prefix() {
		chain.block(&plan, true, stats)?;
	}
	for plan in blocks {
		chain.block(plan, false, stats)?;
	}
	stats.cases += 1;
	Ok(())
}

fn env_number(name: &str, default: u64) -> u64 {
	std::env::var(name).ok().and_then(|value| value.parse().ok()).unwrap_or(default)
}

fn print_summary(stats: &Stats, seed: u64, elapsed: f64) {
	let total = stats.total();
	let years = stats.simulated as f64 / (365.0 * DAY as f64);
	eprintln!(
		"fuzz: seed {seed}: {} cases, {} blocks ({:.1} simulated years), {} random calls, {} \
		 succeeded ({:.1}%), {} failed, {} refused; {} scripted calls ({:.1}% succeeded); {} \
		 invariant checks; {elapsed:.1} s",
		stats.cases,
		stats.blocks,
		years,
		total.tried,
		total.ok,
		total.share(),
		total.failed,
		total.refused,
		stats.scripted.tried,
		stats.scripted.share(),
		stats.checks,
	);
	eprintln!(
		"fuzz:   {:<16} {:>7} {:>7} {:>7} {:>7} {:>6}",
		"pallet", "tried", "ok", "failed", "refused", "ok%"
	);
	for (pallet, tally) in &stats.pallets {
		eprintln!(
			"fuzz:   {pallet:<16} {:>7} {:>7} {:>7} {:>7} {:>5.1}%",
			tally.tried,
			tally.ok,
			tally.failed,
			tally.refused,
			tally.share()
		);
	}
	let never: Vec<String> = stats
		.tried
		.difference(&stats.succeeded)
		.map(|(pallet, call)| format!("{pallet}.{call}"))
		.collect();
	eprintln!(
		"fuzz: {} calls tried, {} of them succeeded at least once; never succeeded: {never:?}",
		stats.tried.len(),
		stats.succeeded.len()
	);
	if std::env::var("FXCHAIN_FUZZ_VERBOSE").is_ok_and(|v| v == "1") {
		let mut reasons: Vec<_> = stats.reasons.iter().collect();
		reasons.sort_by(|a, b| b.1.cmp(a.1));
		for (reason, count) in reasons.into_iter().take(60) {
			eprintln!("fuzz:   {count:>6}  {reason}");
		}
	}
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

/// Random cases on fresh `dev` chains; a failing case is minimised and printed.
#[test]
fn fuzz_the_runtime() {
	let cases = env_number("FXCHAIN_FUZZ_CASES", DEFAULT_CASES.into()) as u32;
	let blocks = env_number("FXCHAIN_FUZZ_BLOCKS", DEFAULT_BLOCKS.into()) as usize;
	let seed = std::env::var("FXCHAIN_FUZZ_SEED")
		.ok()
		.and_then(|seed| seed.parse().ok())
		.unwrap_or_else(|| {
			let nanos = std::time::SystemTime::now()
				.duration_since(std::time::UNIX_EPOCH)
				.map_or(0, |d| d.as_nanos() as u64);
			nanos ^ u64::from(std::process::id()).rotate_left(32)
		});
	let config = Config {
		cases,
		failure_persistence: None,
		rng_seed: RngSeed::Fixed(seed),
		max_shrink_time: (env_number("FXCHAIN_FUZZ_SHRINK_SECS", 600) * 1_000) as u32,
		max_shrink_iters: 100_000,
		..Config::default()
	};
	eprintln!("fuzz: seed {seed}, {cases} cases of up to {blocks} random blocks");
	let started = Instant::now();
	let stats = RefCell::new(Stats::default());
	let mut runner = TestRunner::new(config);
	let result = runner.run(&case(blocks), |plans| {
		run_case(&plans, &mut stats.borrow_mut()).map_err(TestCaseError::fail)
	});
	print_summary(&stats.borrow(), seed, started.elapsed().as_secs_f64());
	match result {
		Ok(()) => {},
		Err(TestError::Fail(reason, minimal)) => panic!(
			"fuzz: seed {seed}: {reason}\nminimal failing case ({} blocks after the scripted \
			 prefix):\n{minimal:#?}",
			minimal.len()
		),
		Err(error) => panic!("fuzz: seed {seed}: {error}"),
	}
}

/// The scripted prefix walks every interesting flow, and every step of it succeeds on the real
/// block path: the harness reaches deep states, and a regression that closes a flow shows here.
#[test]
fn the_scripted_prefix_walks_every_flow() {
	let mut stats = Stats::default();
	let mut chain = Chain::new();
	for (index, plan) in scripted_prefix().iter().enumerate() {
		let outcomes = chain.block(plan, true, &mut stats).expect("the invariants hold");
		for (step, outcome) in plan.steps.iter().zip(outcomes) {
			assert_eq!(outcome, Outcome::Ok, "block {index}: {step:?}");
		}
	}
	chain.ext.execute_with(|| {
		// The flows got where they lead.
		let statuses: Vec<_> =
			records(|_| true).into_iter().map(|(_, r)| (r.kind, r.status)).collect();
		assert!(statuses.contains(&(MovementKind::Conversion, PaymentStatus::Executed)));
		assert!(statuses.contains(&(MovementKind::Trade, PaymentStatus::Executed)));
		assert!(statuses.contains(&(MovementKind::Ledger, PaymentStatus::Executed)));
		assert!(statuses.contains(&(MovementKind::Withdrawal, PaymentStatus::Executed)));
		let leases: BTreeMap<LeaseId, Lease> = pallet_leasing::Leases::<Runtime>::iter().collect();
		assert_eq!(leases.len(), 4);
		assert!(leases.values().all(|lease| lease.status == LeaseStatus::Active));
		assert_eq!(leases[&1].paid, 1, "Alice paid her first rent");
		let held = leases[&2].in_review.expect("Two's rent is held for review");
		assert_eq!(
			pallet_forex::Records::<Runtime>::get(held).map(|r| (r.kind, r.status)),
			Some((MovementKind::Ledger, PaymentStatus::Held))
		);
		assert_eq!(pallet_data_sharing::NextEntryId::<Runtime>::get(), 1);
		assert!(pallet_kyc::Credentials::<Runtime>::get(Actor::Two.id())
			.is_some_and(|c| c.status == CredentialStatus::Active));
		// Two, attested with no FXC, paid its fees from the registrar's allowance.
		let left = pallet_balances::Pallet::<Runtime>::free_balance(Actor::Two.id());
		assert!(left > 0 && left < pallet_kyc::OnboardingAllowance::<Runtime>::get());
	});
	// Fees were paid and burnt.
	assert!(chain.ledger.fees > 0);
}

/// The money checks can fail: a unit minted past the issuers, or a reservation booked to the
/// wrong account, is caught.
#[test]
fn the_money_checks_catch_money_made_past_the_issuers() {
	use frame_support::traits::fungibles::Mutate;
	let mut stats = Stats::default();
	let mut chain = Chain::new();
	for plan in scripted_prefix() {
		chain.block(&plan, true, &mut stats).expect("the invariants hold");
	}
	let ledger = chain.ledger.clone();
	chain.ext.execute_with(|| {
		assert_eq!(check_invariants(&ledger), Ok(()));
		sp_io::storage::start_transaction();
		<fxchain_runtime::Assets as Mutate<AccountId>>::mint_into(USD, &Actor::Alice.id(), 1)
			.expect("mints");
		pallet_forex::Issued::<Runtime>::mutate(USD, |issued| *issued += 1);
		let error = money_invariants(&ledger).expect_err("an extra unit is caught");
		assert!(error.contains("840: the issuance is"), "{error}");
		sp_io::storage::rollback_transaction();

		sp_io::storage::start_transaction();
		let escrow = pallet_forex::Pallet::<Runtime>::escrow_account();
		<fxchain_runtime::Assets as Mutate<AccountId>>::transfer(
			CNY,
			&Actor::Bob.id(),
			&escrow,
			10,
			frame_support::traits::tokens::Preservation::Expendable,
		)
		.expect("transfers");
		pallet_forex::Reserved::<Runtime>::mutate(Actor::Bob.id(), CNY, |r| *r += 10);
		pallet_forex::Escrowed::<Runtime>::mutate(CNY, |e| *e += 10);
		let error = money_invariants(&ledger).expect_err("a stray reservation is caught");
		assert!(error.contains("reservations differ"), "{error}");
		sp_io::storage::rollback_transaction();

		assert_eq!(check_invariants(&ledger), Ok(()));
	});
}

/// The forex pallet's escrow account, whose address anyone can derive, is never verified: the
/// registrar's attestation is refused (`kyc.SystemAccount`), so a payment or a deposit to it is
/// refused too, and the books (`escrow balance = sum of reservations`) still balance. Before the
/// fix a registrar could attest it and money reached escrow that no reservation stood for.
/// Found by this fuzzer, which aims payments, deposits and attestations at the escrow account.
#[test]
fn the_escrow_account_is_never_verified_so_no_money_reaches_it_past_the_books() {
	let mut stats = Stats::default();
	let mut chain = Chain::new();
	for plan in scripted_prefix() {
		chain.block(&plan, true, &mut stats).expect("the invariants hold");
	}
	let escrow_profile = Profile {
		person: Person::New(0xE5),
		entity: EntityType::Individual,
		residency: Residency::Resident,
		jurisdiction: *b"CN",
		level: KycLevel::Basic,
		class: None,
	};
	let plan = BlockPlan {
		advance: SLOT,
		keeper: false,
		steps: vec![
			natural(Act::Attest {
				registrar: Actor::Dave,
				who: Actor::Escrow,
				profile: escrow_profile,
				expiry: Expiry::Days(30),
			}),
			natural(Act::Pay {
				from: Actor::Alice,
				to: Actor::Escrow,
				currency: USD,
				amount: 100,
				purpose: Purpose::Domestic,
				travel_rule: false,
				documents: Documents::default(),
			}),
			natural(Act::Deposit {
				issuer: Actor::Dave,
				currency: USD,
				to: Actor::Escrow,
				amount: 100,
			}),
		],
	};
	chain.block(&plan, false, &mut stats).expect("the books balance");
	chain.ext.execute_with(|| {
		let escrow = pallet_forex::Pallet::<Runtime>::escrow_account();
		assert_eq!(pallet_kyc::Credentials::<Runtime>::get(&escrow), None);
		assert_eq!(fxchain_runtime::Assets::balance(USD, &escrow), 0);
	});
}
