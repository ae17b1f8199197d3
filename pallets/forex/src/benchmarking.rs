//! Benchmarks of every call, each over its worst case: the caller's balance leaves entirely (its
//! asset account is reaped) and the payee has no account yet in the currency (it is created), the
//! escrow account is created or reaped where a reservation opens or closes, an operation has both
//! its legs, and every call that writes a record finds the retention window full, so the oldest
//! record (the largest a payment can be) is dropped.
//!
//! The supervision hook decides which path `submit` takes; the benchmarks measure the one the
//! configured [`Config::CapitalFlowCheck`] chooses (the runtime's allows everything) and assert
//! that it executed, so they fail loudly instead of measuring another path.

use super::*;
use alloc::{vec, vec::Vec};
use codec::Encode;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{
		fungibles::{Inspect, Mutate},
		EnsureOrigin, Get, Time,
	},
	BoundedVec,
};
use frame_system::RawOrigin;
use fxchain_primitives::{
	forex::MAX_TRAVEL_RULE_PAYLOAD,
	kyc::{CountryCode, EntityType, KycLevel, KycProfile, Residency, Role},
	Moment,
};
use sp_core::H256;
use sp_runtime::{traits::Saturating, FixedPointNumber, FixedU128};

const SEED: u32 = 0;

/// The currencies the benchmarks use: ids no chain registers, created when missing, so that the
/// benchmarks also run over the `dev` genesis.
const SOLD: CurrencyId = 9001;
const BOUGHT: CurrencyId = 9002;

/// The amount every benchmark moves, and a rate that is no whole number, with its price.
const AMOUNT: Amount = 1_000_000;
fn rate() -> FixedU128 {
	FixedU128::from_rational(71, 10)
}
fn price() -> Amount {
	rate().saturating_mul_int(AMOUNT)
}

/// `SOLD` and `BOUGHT`, registered.
fn currencies<T: Config>() -> (CurrencyId, CurrencyId) {
	for (currency, code) in [(SOLD, *b"XSA"), (BOUGHT, *b"XSB")] {
		if !Currencies::<T>::contains_key(currency) {
			Pallet::<T>::create_currency(currency, code, 2)
				.expect("the chain has room for the benchmark currencies");
		}
	}
	(SOLD, BOUGHT)
}

/// A currency id that is neither registered nor an asset.
fn fresh_currency<T: Config>() -> CurrencyId {
	let mut currency = SOLD;
	while Currencies::<T>::contains_key(currency) || T::Assets::asset_exists(currency) {
		currency = currency.saturating_add(1);
	}
	currency
}

fn profile(person: u8, entity: EntityType, residency: Residency, country: &[u8; 2]) -> KycProfile {
	KycProfile {
		person: H256::repeat_byte(person),
		entity,
		residency,
		jurisdiction: CountryCode(*country),
		level: KycLevel::Standard,
		class: None,
	}
}

/// A resident individual of China.
fn resident<T: Config>(who: &T::AccountId, person: u8) {
	T::BenchmarkHelper::verify(
		who,
		profile(person, EntityType::Individual, Residency::Resident, b"CN"),
	);
}

/// A non-resident individual living in the United States.
fn non_resident<T: Config>(who: &T::AccountId, person: u8) {
	T::BenchmarkHelper::verify(
		who,
		profile(person, EntityType::Individual, Residency::NonResident, b"US"),
	);
}

/// A verified institution of `country`, with the licences of `roles`.
fn institution<T: Config>(who: &T::AccountId, person: u8, country: &[u8; 2], roles: &[Role]) {
	let residency = if country == b"CN" { Residency::Resident } else { Residency::NonResident };
	T::BenchmarkHelper::verify(who, profile(person, EntityType::Institution, residency, country));
	for role in roles {
		T::BenchmarkHelper::license(who, *role);
	}
}

/// A licensed issuer named for `currency`.
fn issuer<T: Config>(who: &T::AccountId, currency: CurrencyId) {
	institution::<T>(who, 100, b"CN", &[Role::Issuer]);
	Issuers::<T>::insert(currency, who, ());
}

/// Mint `amount` to `who` as an issuer's deposit would, books included.
fn fund<T: Config>(currency: CurrencyId, who: &T::AccountId, amount: Amount) {
	T::Assets::mint_into(currency, who, amount).expect("the currency is registered");
	Issued::<T>::mutate(currency, |issued| issued.saturating_accrue(amount));
}

fn balance<T: Config>(currency: CurrencyId, who: &T::AccountId) -> Amount {
	T::Assets::balance(currency, who)
}

/// The latest expiry a quote or trade offer may have.
fn expiry<T: Config>() -> Moment {
	T::Time::now().saturating_add(T::MaxOfferLifetime::get())
}

/// The reference the pallet gives record `seq`.
fn reference(seq: u64) -> Reference {
	H256(sp_io::hashing::blake2_256(&(b"fxchain/forex/reference", seq).encode()))
}

/// The largest travel-rule data a payment can carry.
fn travel_rule() -> TravelRule {
	TravelRule::Encrypted(BoundedVec::truncate_from(vec![0xab; MAX_TRAVEL_RULE_PAYLOAD as usize]))
}

fn documents() -> Documents {
	Documents { trade_document: Some(H256::repeat_byte(1)), tax_filing: Some(H256::repeat_byte(2)) }
}

/// Fill the retention window: the next record drops a closed one, the largest a record can be (a
/// cross-border payment with the most travel-rule data and both documents). Returns the dropped
/// record's reference.
fn fill_retention<T: Config>() -> Reference {
	let retained = T::RetainedRecords::get();
	let next = NextSeq::<T>::get().max(retained);
	NextSeq::<T>::put(next);
	let seq = next.saturating_sub(retained);
	if let Some(reference) = RecordOrder::<T>::get(seq) {
		return reference;
	}
	let reference = reference(seq);
	let leg = Leg {
		from: Some(account("old payer", 0, SEED)),
		to: Some(account("old payee", 0, SEED)),
		currency: SOLD,
		amount: AMOUNT,
	};
	let now = T::Time::now();
	let record = Record {
		seq,
		kind: MovementKind::Payment,
		legs: BoundedVec::truncate_from(vec![leg]),
		purpose: Purpose::ServicesTrade,
		cross_border: true,
		travel_rule: Some(travel_rule()),
		documents: documents(),
		issuer: None,
		bank_reference: None,
		status: PaymentStatus::Executed,
		reasons: Reasons::default(),
		created_at: now,
		updated_at: now,
	};
	RecordOrder::<T>::insert(seq, reference);
	Records::<T>::insert(reference, record);
	reference
}

/// The newest record.
fn last_record<T: Config>() -> Record<T::AccountId> {
	let seq = NextSeq::<T>::get().saturating_sub(1);
	RecordOrder::<T>::get(seq)
		.and_then(Records::<T>::get)
		.expect("a record was written")
}

/// A conversion held for review: the maker sells `AMOUNT` of `SOLD` to the customer for the
/// price in `BOUGHT`. Each party's whole balance is reserved (their asset accounts are gone), so
/// neither holds the currency it will receive or get back, and the escrow account holds only
/// these reservations.
fn held_conversion<T: Config>(index: u32) -> (Reference, T::AccountId, T::AccountId) {
	let (sold, bought) = currencies::<T>();
	let maker: T::AccountId = account("maker", index, SEED);
	let customer: T::AccountId = account("customer", index, SEED);
	institution::<T>(&maker, 1, b"CN", &[Role::MarketMaker]);
	non_resident::<T>(&customer, 2);
	fund::<T>(sold, &maker, AMOUNT);
	fund::<T>(bought, &customer, price());
	let sell = Leg {
		from: Some(maker.clone()),
		to: Some(customer.clone()),
		currency: sold,
		amount: AMOUNT,
	};
	let pay = Leg {
		from: Some(customer.clone()),
		to: Some(maker.clone()),
		currency: bought,
		amount: price(),
	};
	Pallet::<T>::reserve(&sell).expect("the maker holds the amount");
	Pallet::<T>::reserve(&pay).expect("the customer holds the price");
	let seq = NextSeq::<T>::get();
	NextSeq::<T>::put(seq.saturating_add(1));
	let reference = reference(seq);
	let now = T::Time::now();
	let record = Record {
		seq,
		kind: MovementKind::Conversion,
		legs: BoundedVec::truncate_from(vec![sell, pay]),
		purpose: Purpose::Domestic,
		cross_border: true,
		travel_rule: None,
		documents: Documents::default(),
		issuer: None,
		bank_reference: None,
		status: PaymentStatus::Held,
		reasons: Reasons::of(&[Reason::PriorReviewRequired]),
		created_at: now,
		updated_at: now,
	};
	RecordOrder::<T>::insert(seq, reference);
	Records::<T>::insert(reference, record);
	(reference, maker, customer)
}

/// A pending withdrawal of the holder's whole balance of `SOLD`, at `issuer`.
fn pending_withdrawal<T: Config>(issuer: &T::AccountId) -> (Reference, T::AccountId) {
	let (sold, _) = currencies::<T>();
	self::issuer::<T>(issuer, sold);
	let holder: T::AccountId = account("holder", 0, SEED);
	resident::<T>(&holder, 2);
	fund::<T>(sold, &holder, AMOUNT);
	Pallet::<T>::request_withdrawal(
		RawOrigin::Signed(holder.clone()).into(),
		sold,
		AMOUNT,
		issuer.clone(),
	)
	.expect("the holder holds the amount");
	let record = last_record::<T>();
	assert_eq!(record.status, PaymentStatus::Pending);
	(reference(record.seq), holder)
}

/// A trade offer from `proposer` (a Chinese institution giving its whole balance of `SOLD`) to
/// `counterparty` (an American institution, taking the price in `BOUGHT`). Returns its id.
fn open_trade<T: Config>(proposer: &T::AccountId, counterparty: &T::AccountId) -> u64 {
	let (sold, bought) = currencies::<T>();
	institution::<T>(proposer, 1, b"CN", &[]);
	institution::<T>(counterparty, 2, b"US", &[]);
	fund::<T>(sold, proposer, AMOUNT);
	let trade = NextOfferId::<T>::get();
	Pallet::<T>::propose_trade(
		RawOrigin::Signed(proposer.clone()).into(),
		counterparty.clone(),
		(sold, AMOUNT),
		(bought, price()),
		expiry::<T>(),
		Purpose::GoodsTrade,
	)
	.expect("the proposer holds the amount");
	trade
}

/// A quote of `maker`, a licensed Chinese market maker, selling `AMOUNT` of `SOLD` for `BOUGHT`.
/// Returns its id.
fn open_quote<T: Config>(maker: &T::AccountId) -> u64 {
	let (sold, bought) = currencies::<T>();
	institution::<T>(maker, 1, b"CN", &[Role::MarketMaker]);
	let quote = NextOfferId::<T>::get();
	Pallet::<T>::post_quote(
		RawOrigin::Signed(maker.clone()).into(),
		sold,
		bought,
		rate(),
		AMOUNT,
		expiry::<T>(),
	)
	.expect("the maker is licensed");
	quote
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// A currency the chain has room for: its asset and metadata are created.
	#[benchmark]
	fn register_currency() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let currency = fresh_currency::<T>();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, currency, *b"XSC", 18);

		assert_eq!(
			Currencies::<T>::get(currency),
			Some(CurrencyInfo { code: *b"XSC", decimals: 18 })
		);
		assert!(T::Assets::asset_exists(currency));
		Ok(())
	}

	/// Every check passes: the currency exists, the issuer is licensed and not yet named.
	#[benchmark]
	fn add_issuer() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let (currency, _) = currencies::<T>();
		let issuer: T::AccountId = account("issuer", 0, SEED);
		institution::<T>(&issuer, 1, b"CN", &[Role::Issuer]);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, currency, issuer.clone());

		assert!(Issuers::<T>::contains_key(currency, &issuer));
		Ok(())
	}

	#[benchmark]
	fn remove_issuer() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let (currency, _) = currencies::<T>();
		let issuer: T::AccountId = account("issuer", 0, SEED);
		self::issuer::<T>(&issuer, currency);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, currency, issuer.clone());

		assert!(!Issuers::<T>::contains_key(currency, &issuer));
		Ok(())
	}

	/// The payee has no account in the currency yet (it is created), and the retention window is
	/// full (the oldest record is dropped).
	#[benchmark]
	fn deposit() {
		let (currency, _) = currencies::<T>();
		let issuer: T::AccountId = whitelisted_caller();
		self::issuer::<T>(&issuer, currency);
		let to: T::AccountId = account("holder", 0, SEED);
		resident::<T>(&to, 2);
		let issued = Issued::<T>::get(currency);
		let dropped = fill_retention::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(issuer), currency, to.clone(), AMOUNT, H256::repeat_byte(7));

		assert_eq!(last_record::<T>().status, PaymentStatus::Executed);
		assert_eq!(balance::<T>(currency, &to), AMOUNT);
		assert_eq!(Issued::<T>::get(currency), issued.saturating_add(AMOUNT));
		assert!(!Records::<T>::contains_key(dropped));
	}

	/// The holder withdraws its whole balance (its account is reaped), the escrow account has
	/// none in the currency yet (it is created), and the oldest record is dropped.
	#[benchmark]
	fn request_withdrawal() {
		let (currency, _) = currencies::<T>();
		let issuer: T::AccountId = account("issuer", 0, SEED);
		self::issuer::<T>(&issuer, currency);
		let who: T::AccountId = whitelisted_caller();
		resident::<T>(&who, 2);
		fund::<T>(currency, &who, AMOUNT);
		let dropped = fill_retention::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), currency, AMOUNT, issuer);

		assert_eq!(last_record::<T>().status, PaymentStatus::Pending);
		assert_eq!(balance::<T>(currency, &who), 0);
		assert_eq!(Reserved::<T>::get(&who, currency), AMOUNT);
		assert!(!Records::<T>::contains_key(dropped));
	}

	/// The burn empties the escrow account (it is reaped).
	#[benchmark]
	fn complete_withdrawal() {
		let issuer: T::AccountId = whitelisted_caller();
		let (reference, holder) = pending_withdrawal::<T>(&issuer);
		let issued = Issued::<T>::get(SOLD);

		#[extrinsic_call]
		_(RawOrigin::Signed(issuer), reference, H256::repeat_byte(7));

		assert_eq!(Records::<T>::get(reference).map(|r| r.status), Some(PaymentStatus::Executed));
		assert_eq!(Reserved::<T>::get(&holder, SOLD), 0);
		assert_eq!(Issued::<T>::get(SOLD), issued.saturating_sub(AMOUNT));
	}

	/// The holder's account was reaped when it requested the withdrawal (it is created again),
	/// and the return empties the escrow account (it is reaped).
	#[benchmark]
	fn decline_withdrawal() {
		let issuer: T::AccountId = whitelisted_caller();
		let (reference, holder) = pending_withdrawal::<T>(&issuer);

		#[extrinsic_call]
		_(RawOrigin::Signed(issuer), reference);

		assert_eq!(Records::<T>::get(reference).map(|r| r.status), Some(PaymentStatus::Returned));
		assert_eq!(balance::<T>(SOLD, &holder), AMOUNT);
		assert_eq!(Reserved::<T>::get(&holder, SOLD), 0);
	}

	/// A cross-border payment (a Chinese resident pays a non-resident in the United States) with
	/// the most travel-rule data and both documents. The payer pays its whole balance (its account
	/// is reaped), the payee has no account in the currency yet (it is created), and the oldest
	/// record is dropped.
	#[benchmark]
	fn pay() {
		let (currency, _) = currencies::<T>();
		let from: T::AccountId = whitelisted_caller();
		let to: T::AccountId = account("payee", 0, SEED);
		resident::<T>(&from, 1);
		non_resident::<T>(&to, 2);
		fund::<T>(currency, &from, AMOUNT);
		let dropped = fill_retention::<T>();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(from.clone()),
			to.clone(),
			currency,
			AMOUNT,
			Purpose::ServicesTrade,
			Some(travel_rule()),
			documents(),
		);

		let record = last_record::<T>();
		assert_eq!(record.status, PaymentStatus::Executed);
		assert!(record.cross_border);
		assert_eq!(balance::<T>(currency, &from), 0);
		assert_eq!(balance::<T>(currency, &to), AMOUNT);
		assert!(!Records::<T>::contains_key(dropped));
	}

	/// A held conversion: both legs are paid out of escrow, neither payee holds the currency it
	/// receives (both accounts are created), and the escrow account is emptied in both
	/// currencies (reaped twice).
	#[benchmark]
	fn release() -> Result<(), BenchmarkError> {
		let origin =
			T::SupervisorOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let (reference, maker, customer) = held_conversion::<T>(0);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, reference);

		assert_eq!(Records::<T>::get(reference).map(|r| r.status), Some(PaymentStatus::Released));
		assert_eq!(balance::<T>(SOLD, &customer), AMOUNT);
		assert_eq!(balance::<T>(BOUGHT, &maker), price());
		assert_eq!(Escrowed::<T>::get(SOLD), 0);
		assert_eq!(Escrowed::<T>::get(BOUGHT), 0);
		Ok(())
	}

	/// A held conversion: both legs return to their payers, whose accounts were reaped when the
	/// funds were reserved (both are created again), and the escrow account is emptied in both
	/// currencies (reaped twice).
	#[benchmark]
	fn reject() -> Result<(), BenchmarkError> {
		let origin =
			T::SupervisorOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let (reference, maker, customer) = held_conversion::<T>(0);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, reference);

		assert_eq!(Records::<T>::get(reference).map(|r| r.status), Some(PaymentStatus::Rejected));
		assert_eq!(balance::<T>(SOLD, &maker), AMOUNT);
		assert_eq!(balance::<T>(BOUGHT, &customer), price());
		assert_eq!(Escrowed::<T>::get(SOLD), 0);
		assert_eq!(Escrowed::<T>::get(BOUGHT), 0);
		Ok(())
	}

	/// Every check passes; the cost does not depend on how many offers the maker has open.
	#[benchmark]
	fn post_quote() {
		let (sold, bought) = currencies::<T>();
		let maker: T::AccountId = whitelisted_caller();
		institution::<T>(&maker, 1, b"CN", &[Role::MarketMaker]);
		let quote = NextOfferId::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(maker.clone()), sold, bought, rate(), AMOUNT, expiry::<T>());

		assert_eq!(Quotes::<T>::get(quote).map(|q| q.maker), Some(maker.clone()));
		assert_eq!(OpenOffers::<T>::get(&maker), 1);
	}

	/// Someone other than the maker removes an expired quote, which reads the clock.
	#[benchmark]
	fn withdraw_quote() {
		let maker: T::AccountId = account("maker", 0, SEED);
		let quote = open_quote::<T>(&maker);
		Quotes::<T>::mutate(quote, |q| {
			if let Some(q) = q {
				q.expires_at = T::Time::now();
			}
		});
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), quote);

		assert!(!Quotes::<T>::contains_key(quote));
		assert_eq!(OpenOffers::<T>::get(&maker), 0);
	}

	/// A cross-border conversion that takes the whole quote (it closes). Both parties pay their
	/// whole balance of one currency (both accounts are reaped) and hold none of the other (both
	/// are created), and the oldest record is dropped.
	#[benchmark]
	fn exchange() {
		let (sold, bought) = currencies::<T>();
		let maker: T::AccountId = account("maker", 0, SEED);
		let quote = open_quote::<T>(&maker);
		fund::<T>(sold, &maker, AMOUNT);
		let customer: T::AccountId = whitelisted_caller();
		non_resident::<T>(&customer, 2);
		fund::<T>(bought, &customer, price());
		let dropped = fill_retention::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(customer.clone()), quote, AMOUNT, price(), Purpose::GoodsTrade);

		assert_eq!(last_record::<T>().status, PaymentStatus::Executed);
		assert!(!Quotes::<T>::contains_key(quote));
		assert_eq!(balance::<T>(sold, &customer), AMOUNT);
		assert_eq!(balance::<T>(bought, &maker), price());
		assert_eq!(balance::<T>(sold, &maker), 0);
		assert_eq!(balance::<T>(bought, &customer), 0);
		assert!(!Records::<T>::contains_key(dropped));
	}

	/// The proposer reserves its whole balance (its account is reaped) and the escrow account has
	/// none in the currency yet (it is created).
	#[benchmark]
	fn propose_trade() {
		let (sold, bought) = currencies::<T>();
		let proposer: T::AccountId = whitelisted_caller();
		let counterparty: T::AccountId = account("counterparty", 0, SEED);
		institution::<T>(&proposer, 1, b"CN", &[]);
		institution::<T>(&counterparty, 2, b"US", &[]);
		fund::<T>(sold, &proposer, AMOUNT);
		let trade = NextOfferId::<T>::get();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(proposer.clone()),
			counterparty,
			(sold, AMOUNT),
			(bought, price()),
			expiry::<T>(),
			Purpose::GoodsTrade,
		);

		assert!(Trades::<T>::contains_key(trade));
		assert_eq!(balance::<T>(sold, &proposer), 0);
		assert_eq!(Reserved::<T>::get(&proposer, sold), AMOUNT);
	}

	/// A cross-border trade between institutions: the proposer's leg leaves escrow (emptying it,
	/// so it is reaped), the counterparty pays its whole balance (its account is reaped), neither
	/// holds the currency it receives (both accounts are created), and the oldest record is
	/// dropped.
	#[benchmark]
	fn accept_trade() {
		let (sold, bought) = currencies::<T>();
		let proposer: T::AccountId = account("proposer", 0, SEED);
		let counterparty: T::AccountId = whitelisted_caller();
		let trade = open_trade::<T>(&proposer, &counterparty);
		fund::<T>(bought, &counterparty, price());
		let dropped = fill_retention::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(counterparty.clone()), trade);

		assert_eq!(last_record::<T>().status, PaymentStatus::Executed);
		assert!(!Trades::<T>::contains_key(trade));
		assert_eq!(balance::<T>(sold, &counterparty), AMOUNT);
		assert_eq!(balance::<T>(bought, &proposer), price());
		assert_eq!(Escrowed::<T>::get(sold), 0);
		assert!(!Records::<T>::contains_key(dropped));
	}

	/// The reservation returns to the proposer, whose account was reaped when it proposed (it is
	/// created again), and empties the escrow account (it is reaped).
	#[benchmark]
	fn decline_trade() {
		let proposer: T::AccountId = account("proposer", 0, SEED);
		let counterparty: T::AccountId = whitelisted_caller();
		let trade = open_trade::<T>(&proposer, &counterparty);

		#[extrinsic_call]
		_(RawOrigin::Signed(counterparty), trade);

		assert!(!Trades::<T>::contains_key(trade));
		assert_eq!(balance::<T>(SOLD, &proposer), AMOUNT);
		assert_eq!(Reserved::<T>::get(&proposer, SOLD), 0);
	}

	/// Someone other than the proposer cancels an expired offer, which reads the clock; the
	/// reservation returns as in `decline_trade`.
	#[benchmark]
	fn cancel_trade() {
		let proposer: T::AccountId = account("proposer", 0, SEED);
		let counterparty: T::AccountId = account("counterparty", 0, SEED);
		let trade = open_trade::<T>(&proposer, &counterparty);
		Trades::<T>::mutate(trade, |t| {
			if let Some(t) = t {
				t.expires_at = T::Time::now();
			}
		});
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), trade);

		assert!(!Trades::<T>::contains_key(trade));
		assert_eq!(balance::<T>(SOLD, &proposer), AMOUNT);
		assert_eq!(Reserved::<T>::get(&proposer, SOLD), 0);
	}

	/// `n` held conversions whose review period has ended, at the front of the hold queue: each
	/// returns both legs (the payers' accounts are created again, the escrow account is emptied
	/// by the last) and closes its record.
	#[benchmark]
	fn expire_holds(n: Linear<0, { T::MaxExpiriesPerBlock::get() }>) {
		let now = T::Time::now();
		let mut references = Vec::new();
		for index in 0..n {
			let (reference, _, _) = held_conversion::<T>(index);
			HoldQueueBounds::<T>::mutate(|(_, next)| {
				HoldQueue::<T>::insert(*next, (reference, now));
				next.saturating_inc();
			});
			references.push(reference);
		}

		#[block]
		{
			assert_eq!(Pallet::<T>::expire_holds(n), n);
		}

		for reference in references {
			let status = Records::<T>::get(reference).map(|r| r.status);
			assert_eq!(status, Some(PaymentStatus::Expired));
		}
		assert_eq!(Escrowed::<T>::get(SOLD), 0);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
