//! # Data-sharing pallet: consent before every look, and every look on the record
//!
//! Financial institutions may read an enterprise's or a person's data only with the subject's
//! consent, for a stated purpose, for a limited time, and every read is logged where the
//! subject and the regulator can see it. The chain holds the catalogue (hashes and locators),
//! the consents and the log; the data stays with its holder.
//!
//! ## Terminology
//!
//! - **Data item** ([`DataItem`]): a record a licensed data provider holds about a subject (a
//!   category, a hash of the content, where it is held, a version).
//! - **Consent** ([`Consent`]): a subject lets a grantee (a licensed data consumer) read some
//!   categories for one purpose, on a legal basis, until an expiry (at most
//!   `SharingParams::max_consent_duration` away, twelve months by default), optionally at most
//!   a number of times, backed by the hash of the signed authorisation. The subject revokes it
//!   in one call, effective at once.
//! - **Query gate**: before a data holder serves a grantee, the grantee records the query,
//!   naming the holder it asks ([`query`](Pallet::query)); the chain accepts it only under a
//!   live consent for that grantee, category and purpose with queries left, and appends an
//!   [`AuditEntry`]. The holder checks the entry (`DataSharingApi::can_serve`) before serving
//!   and records the hash of what it served ([`record_result`](Pallet::record_result)); nobody
//!   else can. A refused query leaves no trace; `DataSharingApi::can_access` tells a grantee
//!   beforehand whether its query would pass.
//! - **Statutory access**: a supervisor reads without consent under a statute and a case; the
//!   entry is logged the same way. Governance may keep a case from the subject's view of the
//!   log for a bounded time ([`seal_case`](Pallet::seal_case)): no entry stays hidden longer
//!   than `max_confidentiality` after it was logged, and a query of a case sealed beforehand
//!   emits an event that names neither subject nor case. Chain state itself is readable by
//!   every node operator: confidentiality is a rule of the subject's view (runtime API and
//!   RPC), not encryption.
//! - **Dispute**: a subject disputes an item; its provider must answer within
//!   `SharingParams::answer_period` (20 days by default); overdue disputes are listed for
//!   supervisors (`DataSharingApi::overdue_disputes`).
//! - **Retention**: log entries, and consents after they end (revoked or expired), leave storage
//!   `SharingParams::retention` later (three years by default), at most `MaxPrunePerBlock` of
//!   each per block. Live consents are never pruned.
//!
//! ## Interface
//!
//! ### Subjects (signed, verified)
//! - [`grant`](Pallet::grant), [`revoke`](Pallet::revoke), [`dispute`](Pallet::dispute).
//!
//! ### Data consumers (signed, with an active `DataConsumer` licence)
//! - [`query`](Pallet::query).
//!
//! ### Data providers (signed)
//! - With an active `DataProvider` licence: [`register_item`](Pallet::register_item),
//!   [`update_item`](Pallet::update_item), [`record_result`](Pallet::record_result) (the
//!   holder a query named).
//! - The item's provider, licensed or not (a lapsed licence does not end its duties):
//!   [`remove_item`](Pallet::remove_item), [`answer_dispute`](Pallet::answer_dispute).
//!
//! ### Supervisors (`SupervisorOrigin`)
//! - [`statutory_query`](Pallet::statutory_query).
//!
//! ### Governance (`GovernanceOrigin`)
//! - [`set_params`](Pallet::set_params), [`seal_case`](Pallet::seal_case).
//!
//! ### Every block
//! - `on_initialize` prunes what outlived its retention, oldest first, bounded per block.
//!
//! ### Clients
//! - The runtime's `DataSharingApi` is served by the pallet's query functions.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

pub use fxchain_primitives::data_sharing::{
	valid_categories, Access, AuditEntry, Categories, Category, Consent, ConsentId, ConsentStatus,
	ConsentView, DataItem, DataPurpose, Dispute, EntryId, ItemId, LegalBasis, Locator, Refusal,
	Seal, SharingParams, StatutoryBasis, MAX_PAGE,
};
pub use pallet::*;
pub use weights::WeightInfo;

/// What the benchmarks need from the identity layer and the clock.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Give `who` a live credential.
	fn verify(who: &AccountId);
	/// Give `who` an active licence for `role`.
	fn license(who: &AccountId, role: fxchain_primitives::kyc::Role);
	/// Set the time `Config::Time` reports to `now` (milliseconds since the Unix epoch).
	fn set_time(now: fxchain_primitives::Moment);
}

/// A big-endian key: with the identity hasher, a map under it iterates in numeric order.
fn ordered(id: u64) -> [u8; 8] {
	id.to_be_bytes()
}

/// The number an [`ordered`] key holds.
fn number(key: [u8; 8]) -> u64 {
	u64::from_be_bytes(key)
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{pallet_prelude::*, storage::IterableStorageDoubleMap, traits::Time};
	use frame_system::pallet_prelude::*;
	use fxchain_primitives::{
		kyc::{KycProvider, LicenceProvider, Role},
		split_time_key, time_key, Moment,
	};
	use sp_core::H256;
	use sp_runtime::Saturating;

	/// Storage layout version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Real-name verification: subjects must be verified to grant consent or dispute.
		type Kyc: KycProvider<Self::AccountId>;

		/// Institution licences: `DataProvider`s register items, `DataConsumer`s are granted
		/// consent and query.
		type Licences: LicenceProvider<Self::AccountId>;

		/// Chain time: expiries, retention, answer dates.
		type Time: Time<Moment = Moment>;

		/// Supervisors querying under a statute; the success is the acting member's account,
		/// `None` for root.
		type SupervisorOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = Option<Self::AccountId>>;

		/// Sets the parameters and keeps statutory cases confidential.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The most log entries, and the most ended consents, one block prunes.
		#[pallet::constant]
		type MaxPrunePerBlock: Get<u32>;

		/// The most statutory cases kept confidential at once.
		#[pallet::constant]
		type MaxSealedCases: Get<u32>;

		/// Weights of the calls and of the pruning, from the benchmarks.
		type WeightInfo: WeightInfo;

		/// Sets up credentials, licences and time for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// The rules governance sets.
	#[pallet::storage]
	pub type Params<T: Config> = StorageValue<_, SharingParams, ValueQuery>;

	/// The catalogue. Item numbers are assigned by the chain, hence Twox.
	#[pallet::storage]
	pub type Items<T: Config> =
		StorageMap<_, Twox64Concat, ItemId, DataItem<T::AccountId>, OptionQuery>;

	/// The items about each subject, by big-endian item number (chain-assigned, so the
	/// identity hasher is safe and keeps them in order).
	#[pallet::storage]
	pub type ItemsOf<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Identity, [u8; 8], (), OptionQuery>;

	/// The next item's number.
	#[pallet::storage]
	pub type NextItemId<T: Config> = StorageValue<_, ItemId, ValueQuery>;

	/// Consents, live and ended, until pruned.
	#[pallet::storage]
	pub type Consents<T: Config> =
		StorageMap<_, Twox64Concat, ConsentId, Consent<T::AccountId>, OptionQuery>;

	/// The consents each subject gave, by big-endian consent number.
	#[pallet::storage]
	pub type ConsentsGiven<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Identity, [u8; 8], (), OptionQuery>;

	/// The consents each grantee received, by big-endian consent number.
	#[pallet::storage]
	pub type ConsentsReceived<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Identity, [u8; 8], (), OptionQuery>;

	/// Every consent by when it ended or will end (expiry, or revocation) and its number,
	/// big-endian: the pruning takes them in this order, `retention` after the end.
	#[pallet::storage]
	pub type ConsentEnds<T: Config> = StorageMap<_, Identity, [u8; 16], (), OptionQuery>;

	/// The next consent's number.
	#[pallet::storage]
	pub type NextConsentId<T: Config> = StorageValue<_, ConsentId, ValueQuery>;

	/// The audit log, in time order.
	#[pallet::storage]
	pub type Log<T: Config> =
		StorageMap<_, Twox64Concat, EntryId, AuditEntry<T::AccountId>, OptionQuery>;

	/// Each subject's log entries, by big-endian entry number.
	#[pallet::storage]
	pub type LogOf<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Identity, [u8; 8], (), OptionQuery>;

	/// The next entry's number.
	#[pallet::storage]
	pub type NextEntryId<T: Config> = StorageValue<_, EntryId, ValueQuery>;

	/// The oldest entry not yet pruned (entries below it are gone).
	#[pallet::storage]
	pub type OldestEntryId<T: Config> = StorageValue<_, EntryId, ValueQuery>;

	/// Open disputes, one per item at most.
	#[pallet::storage]
	pub type Disputes<T: Config> =
		StorageMap<_, Twox64Concat, ItemId, Dispute<T::AccountId>, OptionQuery>;

	/// Open disputes by answer date and item (big-endian): the overdue ones come first.
	#[pallet::storage]
	pub type DisputesDue<T: Config> = StorageMap<_, Identity, [u8; 16], (), OptionQuery>;

	/// Statutory cases kept from the subjects' view of the log, until when.
	#[pallet::storage]
	pub type SealedCases<T: Config> =
		StorageValue<_, BoundedVec<Seal, T::MaxSealedCases>, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A provider registered a data item about a subject.
		ItemRegistered {
			item: ItemId,
			provider: T::AccountId,
			subject: T::AccountId,
			category: Category,
			content_hash: H256,
		},
		/// A provider replaced an item's content; `version` is the new one.
		ItemUpdated { item: ItemId, version: u32, content_hash: H256 },
		/// A provider removed an item from the catalogue.
		ItemRemoved { item: ItemId },
		/// A subject granted consent.
		ConsentGranted {
			consent: ConsentId,
			subject: T::AccountId,
			grantee: T::AccountId,
			categories: Categories,
			purpose: DataPurpose,
			expires_at: Moment,
			max_queries: Option<u32>,
		},
		/// A subject revoked a consent: no query passes under it from now on.
		ConsentRevoked { consent: ConsentId, subject: T::AccountId, grantee: T::AccountId },
		/// An access to a subject's data is on the record.
		AccessLogged {
			entry: EntryId,
			subject: T::AccountId,
			accessor: Option<T::AccountId>,
			category: Category,
			access: Access,
			holder: T::AccountId,
		},
		/// A statutory access of a case governance keeps confidential is on the record; the
		/// event names neither the subject nor the case.
		ConfidentialAccessLogged { entry: EntryId },
		/// The data holder that served a logged query recorded the hash of what it served.
		ResultRecorded { entry: EntryId, holder: T::AccountId, result: H256 },
		/// A subject disputed an item; its provider must answer by `due_at`.
		DisputeOpened {
			item: ItemId,
			subject: T::AccountId,
			provider: T::AccountId,
			reason: H256,
			due_at: Moment,
		},
		/// The provider answered a dispute; `corrected` when the item changed since it opened,
		/// `late` when the answer came after the answer date.
		DisputeAnswered { item: ItemId, answer: H256, corrected: bool, late: bool },
		/// Governance changed the parameters.
		ParamsUpdated { old: SharingParams, new: SharingParams },
		/// Governance keeps statutory accesses of `case` from the subjects' view until `until`
		/// (`None`: no longer).
		CaseSealed { case: H256, until: Option<Moment> },
		/// What outlived its retention left storage this block.
		Pruned { entries: u32, consents: u32 },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// Registering and updating items and recording results needs an active `DataProvider`
		/// licence; querying needs an active `DataConsumer` licence.
		NotLicensed,
		/// The subject must be a verified account: obtain or renew the credential.
		NotVerified,
		/// A consent's grantee must hold an active `DataConsumer` licence.
		GranteeNotLicensed,
		/// A subject cannot grant consent to itself.
		SelfGrant,
		/// No item with this number: list a subject's items with `DataSharingApi::items_of`.
		ItemNotFound,
		/// Only the item's provider may do this.
		NotProvider,
		/// Only the subject may do this.
		NotSubject,
		/// The item is disputed: answer the dispute first.
		ItemDisputed,
		/// The item has an open dispute already: wait for the provider's answer.
		AlreadyDisputed,
		/// The item has no open dispute.
		DisputeNotFound,
		/// No consent with this number (it may have been pruned): list them with
		/// `DataSharingApi::consents_received`.
		ConsentNotFound,
		/// Only the consent's grantee may query under it.
		NotGrantee,
		/// The subject revoked this consent: ask for a new one.
		ConsentRevoked,
		/// The consent has expired: ask for a new one.
		ConsentExpired,
		/// Every query the consent allows was made: ask for a new one.
		QueriesExhausted,
		/// The consent does not cover this category.
		CategoryNotConsented,
		/// The consent was given for another purpose.
		PurposeNotConsented,
		/// A consent needs at least one category, each at most once.
		InvalidCategories,
		/// The expiry must be after now and at most `max_consent_duration` away.
		InvalidExpiry,
		/// A maximum of zero queries allows nothing: leave it out or allow at least one.
		ZeroQueries,
		/// No log entry with this number (it may have been pruned).
		EntryNotFound,
		/// Only the holder the log entry names records its result.
		NotHolder,
		/// The holder named to serve a query must hold an active `DataProvider` licence.
		HolderNotLicensed,
		/// The result of this query was recorded already.
		ResultAlreadyRecorded,
		/// Every parameter must be above zero.
		InvalidParams,
		/// A seal must end after now.
		InvalidSeal,
		/// Confidentiality may last at most `max_confidentiality` from now.
		SealTooLong,
		/// Too many cases are confidential at once: let one lapse or lift it first.
		TooManySealedCases,
		/// A number overflowed (please report it).
		Overflow,
	}

	impl<T> From<Refusal> for Error<T> {
		fn from(refusal: Refusal) -> Self {
			match refusal {
				Refusal::Revoked => Error::ConsentRevoked,
				Refusal::Expired => Error::ConsentExpired,
				Refusal::Exhausted => Error::QueriesExhausted,
				Refusal::Category => Error::CategoryNotConsented,
				Refusal::Purpose => Error::PurposeNotConsented,
			}
		}
	}

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The parameters at genesis.
		pub params: SharingParams,
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			assert!(Pallet::<T>::valid(&self.params), "every data-sharing parameter is above zero");
			Params::<T>::put(self.params);
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxPrunePerBlock::get() > 0, "pruning must make progress");
		}

		/// Prune the log entries and the ended consents that outlived their retention: at most
		/// `MaxPrunePerBlock` of each, oldest first.
		fn on_initialize(_: BlockNumberFor<T>) -> Weight {
			let (entries, consents) = Self::prune(T::MaxPrunePerBlock::get());
			T::WeightInfo::prune(entries, consents)
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Register a data item about `subject`: its category, the hash of its content and
		/// where it is held. Only hashes and locators go on chain.
		///
		/// The dispatch origin must be signed by a `DataProvider`; the subject must be
		/// verified.
		///
		/// Emits `ItemRegistered`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_item())]
		pub fn register_item(
			origin: OriginFor<T>,
			subject: T::AccountId,
			category: Category,
			content_hash: H256,
			locator: Locator,
		) -> DispatchResult {
			let provider = Self::ensure_licensed(origin, Role::DataProvider)?;
			ensure!(T::Kyc::is_verified(&subject), Error::<T>::NotVerified);
			let item = Self::next_id::<NextItemId<T>>()?;
			let record = DataItem {
				provider: provider.clone(),
				subject: subject.clone(),
				category,
				content_hash,
				locator,
				version: 1,
				updated_at: T::Time::now(),
			};
			Items::<T>::insert(item, record);
			ItemsOf::<T>::insert(&subject, ordered(item), ());
			Self::deposit_event(Event::ItemRegistered {
				item,
				provider,
				subject,
				category,
				content_hash,
			});
			Ok(())
		}

		/// Replace an item's content hash and locator; its version goes up by one. A provider
		/// corrects a disputed item this way before answering the dispute.
		///
		/// The dispatch origin must be signed by the item's provider, still licensed.
		///
		/// Emits `ItemUpdated`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::update_item())]
		pub fn update_item(
			origin: OriginFor<T>,
			item: ItemId,
			content_hash: H256,
			locator: Locator,
		) -> DispatchResult {
			let provider = Self::ensure_licensed(origin, Role::DataProvider)?;
			let version = Items::<T>::try_mutate(item, |record| {
				let record = record.as_mut().ok_or(Error::<T>::ItemNotFound)?;
				ensure!(record.provider == provider, Error::<T>::NotProvider);
				record.version = record.version.checked_add(1).ok_or(Error::<T>::Overflow)?;
				record.content_hash = content_hash;
				record.locator = locator;
				record.updated_at = T::Time::now();
				Ok::<_, DispatchError>(record.version)
			})?;
			Self::deposit_event(Event::ItemUpdated { item, version, content_hash });
			Ok(())
		}

		/// Remove an item from the catalogue (the log keeps what was read of it).
		///
		/// The dispatch origin must be signed by the item's provider; the item must not be
		/// disputed.
		///
		/// Emits `ItemRemoved`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::remove_item())]
		pub fn remove_item(origin: OriginFor<T>, item: ItemId) -> DispatchResult {
			let provider = ensure_signed(origin)?;
			let record = Items::<T>::get(item).ok_or(Error::<T>::ItemNotFound)?;
			ensure!(record.provider == provider, Error::<T>::NotProvider);
			ensure!(!Disputes::<T>::contains_key(item), Error::<T>::ItemDisputed);
			Items::<T>::remove(item);
			ItemsOf::<T>::remove(&record.subject, ordered(item));
			Self::deposit_event(Event::ItemRemoved { item });
			Ok(())
		}

		/// Let `grantee` read `categories` of the caller's data for `purpose`, on `basis`,
		/// until `expires_at`, at most `max_queries` times (`None`: no limit), as the signed
		/// authorisation whose hash is `evidence` says.
		///
		/// The dispatch origin must be signed by a verified account (the subject); the grantee
		/// must hold a `DataConsumer` licence. The expiry is at most `max_consent_duration`
		/// away.
		///
		/// Emits `ConsentGranted`.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::grant())]
		#[allow(clippy::too_many_arguments)]
		pub fn grant(
			origin: OriginFor<T>,
			grantee: T::AccountId,
			categories: Categories,
			purpose: DataPurpose,
			basis: LegalBasis,
			expires_at: Moment,
			max_queries: Option<u32>,
			evidence: H256,
		) -> DispatchResult {
			let subject = ensure_signed(origin)?;
			ensure!(T::Kyc::is_verified(&subject), Error::<T>::NotVerified);
			ensure!(subject != grantee, Error::<T>::SelfGrant);
			ensure!(
				T::Licences::is_licensed(&grantee, Role::DataConsumer),
				Error::<T>::GranteeNotLicensed
			);
			ensure!(valid_categories(&categories), Error::<T>::InvalidCategories);
			let now = T::Time::now();
			let latest = now.saturating_add(Params::<T>::get().max_consent_duration);
			ensure!(expires_at > now && expires_at <= latest, Error::<T>::InvalidExpiry);
			ensure!(max_queries != Some(0), Error::<T>::ZeroQueries);
			let consent = Self::next_id::<NextConsentId<T>>()?;
			Consents::<T>::insert(
				consent,
				Consent {
					subject: subject.clone(),
					grantee: grantee.clone(),
					categories: categories.clone(),
					purpose,
					basis,
					evidence,
					granted_at: now,
					expires_at,
					max_queries,
					queries: 0,
					revoked_at: None,
				},
			);
			ConsentsGiven::<T>::insert(&subject, ordered(consent), ());
			ConsentsReceived::<T>::insert(&grantee, ordered(consent), ());
			ConsentEnds::<T>::insert(time_key(expires_at, consent), ());
			Self::deposit_event(Event::ConsentGranted {
				consent,
				subject,
				grantee,
				categories,
				purpose,
				expires_at,
				max_queries,
			});
			Ok(())
		}

		/// Revoke a consent, effective at once: the next query under it is refused.
		///
		/// The dispatch origin must be signed by the consent's subject.
		///
		/// Emits `ConsentRevoked`.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::revoke())]
		pub fn revoke(origin: OriginFor<T>, consent: ConsentId) -> DispatchResult {
			let subject = ensure_signed(origin)?;
			let mut record = Consents::<T>::get(consent).ok_or(Error::<T>::ConsentNotFound)?;
			ensure!(record.subject == subject, Error::<T>::NotSubject);
			let now = T::Time::now();
			match record.status(now) {
				ConsentStatus::Revoked => return Err(Error::<T>::ConsentRevoked.into()),
				ConsentStatus::Expired => return Err(Error::<T>::ConsentExpired.into()),
				ConsentStatus::Live | ConsentStatus::Exhausted => {},
			}
			ConsentEnds::<T>::remove(time_key(record.ended_at(), consent));
			record.revoked_at = Some(now);
			ConsentEnds::<T>::insert(time_key(now, consent), ());
			let grantee = record.grantee.clone();
			Consents::<T>::insert(consent, record);
			Self::deposit_event(Event::ConsentRevoked { consent, subject, grantee });
			Ok(())
		}

		/// Record a query of the subject's `category` for `purpose` under `consent`, to be
		/// served by `holder`, before the holder serves it. Refused, and logged nowhere, unless
		/// the consent is live, is the caller's, covers the category and the purpose, and has
		/// queries left.
		///
		/// The dispatch origin must be signed by the consent's grantee, holding a
		/// `DataConsumer` licence; the holder must hold a `DataProvider` licence.
		///
		/// Emits `AccessLogged`.
		#[pallet::call_index(20)]
		#[pallet::weight(T::WeightInfo::query())]
		pub fn query(
			origin: OriginFor<T>,
			consent: ConsentId,
			category: Category,
			purpose: DataPurpose,
			holder: T::AccountId,
		) -> DispatchResult {
			let grantee = Self::ensure_licensed(origin, Role::DataConsumer)?;
			Self::ensure_holder(&holder)?;
			let now = T::Time::now();
			let subject = Consents::<T>::try_mutate(consent, |record| {
				let record = record.as_mut().ok_or(Error::<T>::ConsentNotFound)?;
				ensure!(record.grantee == grantee, Error::<T>::NotGrantee);
				record.check(category, purpose, now).map_err(Error::<T>::from)?;
				record.queries = record.queries.checked_add(1).ok_or(Error::<T>::Overflow)?;
				Ok::<_, Error<T>>(record.subject.clone())
			})?;
			Self::log(AuditEntry {
				subject,
				accessor: Some(grantee),
				at: now,
				category,
				access: Access::Consent { consent, purpose },
				holder,
				result: None,
			})
		}

		/// Record the hash of what the caller served for a logged query.
		///
		/// The dispatch origin must be signed by the holder the entry names, still holding its
		/// `DataProvider` licence; once per entry.
		///
		/// Emits `ResultRecorded`.
		#[pallet::call_index(21)]
		#[pallet::weight(T::WeightInfo::record_result())]
		pub fn record_result(origin: OriginFor<T>, entry: EntryId, result: H256) -> DispatchResult {
			let holder = Self::ensure_licensed(origin, Role::DataProvider)?;
			Log::<T>::try_mutate(entry, |record| {
				let record = record.as_mut().ok_or(Error::<T>::EntryNotFound)?;
				ensure!(record.holder == holder, Error::<T>::NotHolder);
				ensure!(record.result.is_none(), Error::<T>::ResultAlreadyRecorded);
				record.result = Some(result);
				Ok::<_, Error<T>>(())
			})?;
			Self::deposit_event(Event::ResultRecorded { entry, holder, result });
			Ok(())
		}

		/// Record a supervisor's query of `subject`'s `category` under a statute, for the case
		/// whose reference hashes to `case`, to be served by `holder`. No consent is needed;
		/// the entry is logged like any other and the subject sees it unless governance seals
		/// the case.
		///
		/// The dispatch origin must be `T::SupervisorOrigin`; the holder must hold a
		/// `DataProvider` licence.
		///
		/// Emits `AccessLogged`.
		#[pallet::call_index(22)]
		#[pallet::weight(T::WeightInfo::statutory_query())]
		pub fn statutory_query(
			origin: OriginFor<T>,
			subject: T::AccountId,
			category: Category,
			basis: StatutoryBasis,
			case: H256,
			holder: T::AccountId,
		) -> DispatchResult {
			let accessor = T::SupervisorOrigin::ensure_origin(origin)?;
			Self::ensure_holder(&holder)?;
			Self::log(AuditEntry {
				subject,
				accessor,
				at: T::Time::now(),
				category,
				access: Access::Statutory { basis, case },
				holder,
				result: None,
			})
		}

		/// Dispute an item about the caller, with the hash of the caller's statement. Its
		/// provider must answer within `answer_period`.
		///
		/// The dispatch origin must be signed by the item's subject, verified.
		///
		/// Emits `DisputeOpened`.
		#[pallet::call_index(30)]
		#[pallet::weight(T::WeightInfo::dispute())]
		pub fn dispute(origin: OriginFor<T>, item: ItemId, reason: H256) -> DispatchResult {
			let subject = ensure_signed(origin)?;
			let record = Items::<T>::get(item).ok_or(Error::<T>::ItemNotFound)?;
			ensure!(record.subject == subject, Error::<T>::NotSubject);
			ensure!(T::Kyc::is_verified(&subject), Error::<T>::NotVerified);
			ensure!(!Disputes::<T>::contains_key(item), Error::<T>::AlreadyDisputed);
			let now = T::Time::now();
			let due_at = now.saturating_add(Params::<T>::get().answer_period);
			let provider = record.provider;
			Disputes::<T>::insert(
				item,
				Dispute {
					subject: subject.clone(),
					provider: provider.clone(),
					reason,
					version: record.version,
					opened_at: now,
					due_at,
				},
			);
			DisputesDue::<T>::insert(time_key(due_at, item), ());
			Self::deposit_event(Event::DisputeOpened { item, subject, provider, reason, due_at });
			Ok(())
		}

		/// Answer a dispute with the hash of the answer; correct the item with `update_item`
		/// first if the subject is right. The dispute closes.
		///
		/// The dispatch origin must be signed by the item's provider.
		///
		/// Emits `DisputeAnswered`.
		#[pallet::call_index(31)]
		#[pallet::weight(T::WeightInfo::answer_dispute())]
		pub fn answer_dispute(origin: OriginFor<T>, item: ItemId, answer: H256) -> DispatchResult {
			let provider = ensure_signed(origin)?;
			let dispute = Disputes::<T>::get(item).ok_or(Error::<T>::DisputeNotFound)?;
			ensure!(dispute.provider == provider, Error::<T>::NotProvider);
			let version = Items::<T>::get(item).map(|record| record.version).unwrap_or_default();
			Disputes::<T>::remove(item);
			DisputesDue::<T>::remove(time_key(dispute.due_at, item));
			Self::deposit_event(Event::DisputeAnswered {
				item,
				answer,
				corrected: version > dispute.version,
				late: T::Time::now() > dispute.due_at,
			});
			Ok(())
		}

		/// Set the parameters: the longest consent, the retention of the log and of ended
		/// consents, the time to answer a dispute and the longest confidentiality.
		///
		/// The dispatch origin must be `T::GovernanceOrigin`.
		///
		/// Emits `ParamsUpdated`.
		#[pallet::call_index(40)]
		#[pallet::weight(T::WeightInfo::set_params())]
		pub fn set_params(origin: OriginFor<T>, params: SharingParams) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			ensure!(Self::valid(&params), Error::<T>::InvalidParams);
			let old = Params::<T>::get();
			Params::<T>::put(params);
			Self::deposit_event(Event::ParamsUpdated { old, new: params });
			Ok(())
		}

		/// Keep the statutory accesses of `case` from the subjects' view of the log until
		/// `until`, at most `max_confidentiality` from now; `None` lifts the seal. Seals that
		/// lapsed are dropped first. However often a case is sealed again, no access stays
		/// hidden longer than `max_confidentiality` after it was logged.
		///
		/// The dispatch origin must be `T::GovernanceOrigin`.
		///
		/// Emits `CaseSealed`.
		#[pallet::call_index(41)]
		#[pallet::weight(T::WeightInfo::seal_case())]
		pub fn seal_case(
			origin: OriginFor<T>,
			case: H256,
			until: Option<Moment>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let now = T::Time::now();
			if let Some(until) = until {
				ensure!(until > now, Error::<T>::InvalidSeal);
				let latest = now.saturating_add(Params::<T>::get().max_confidentiality);
				ensure!(until <= latest, Error::<T>::SealTooLong);
			}
			SealedCases::<T>::try_mutate(|sealed| {
				sealed.retain(|seal| seal.until > now && seal.case != case);
				if let Some(until) = until {
					sealed
						.try_push(Seal { case, until })
						.map_err(|_| Error::<T>::TooManySealedCases)?;
				}
				Ok::<_, Error<T>>(())
			})?;
			Self::deposit_event(Event::CaseSealed { case, until });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// The signer of `origin`, if it holds an active licence for `role`.
		fn ensure_licensed(
			origin: OriginFor<T>,
			role: Role,
		) -> Result<T::AccountId, DispatchError> {
			let who = ensure_signed(origin)?;
			ensure!(T::Licences::is_licensed(&who, role), Error::<T>::NotLicensed);
			Ok(who)
		}

		/// The number the counter `S` holds, which it then moves past.
		fn next_id<S: frame_support::storage::StorageValue<u64, Query = u64>>(
		) -> Result<u64, Error<T>> {
			S::try_mutate(|next| {
				let id = *next;
				*next = next.checked_add(1).ok_or(Error::<T>::Overflow)?;
				Ok(id)
			})
		}

		fn valid(params: &SharingParams) -> bool {
			params.max_consent_duration > 0
				&& params.retention > 0
				&& params.answer_period > 0
				&& params.max_confidentiality > 0
		}

		/// Append an entry to the audit log.
		fn log(record: AuditEntry<T::AccountId>) -> DispatchResult {
			let entry = Self::next_id::<NextEntryId<T>>()?;
			LogOf::<T>::insert(&record.subject, ordered(entry), ());
			// An entry being logged is within its confidentiality bound: only the seals matter,
			// and only a statutory entry reads them.
			let confidential = match record.access {
				Access::Statutory { case, .. } => {
					Self::case_sealed(case, &SealedCases::<T>::get(), record.at)
				},
				Access::Consent { .. } => false,
			};
			if confidential {
				// The case was sealed beforehand: the event names neither subject nor case.
				Self::deposit_event(Event::ConfidentialAccessLogged { entry });
			} else {
				Self::deposit_event(Event::AccessLogged {
					entry,
					subject: record.subject.clone(),
					accessor: record.accessor.clone(),
					category: record.category,
					access: record.access.clone(),
					holder: record.holder.clone(),
				});
			}
			Log::<T>::insert(entry, record);
			Ok(())
		}

		/// A query names a licensed data provider as the holder to serve it.
		fn ensure_holder(holder: &T::AccountId) -> DispatchResult {
			ensure!(
				T::Licences::is_licensed(holder, Role::DataProvider),
				Error::<T>::HolderNotLicensed
			);
			Ok(())
		}

		/// Prune at most `limit` log entries and `limit` ended consents whose retention is
		/// over, oldest first. Returns how many of each left.
		pub(crate) fn prune(limit: u32) -> (u32, u32) {
			let now = T::Time::now();
			let retention = Params::<T>::get().retention;
			let expired = |at: Moment| at.saturating_add(retention) <= now;

			let mut entries = 0u32;
			let (mut oldest, next) = (OldestEntryId::<T>::get(), NextEntryId::<T>::get());
			while entries < limit && oldest < next {
				match Log::<T>::get(oldest) {
					Some(entry) if !expired(entry.at) => break,
					Some(entry) => {
						Log::<T>::remove(oldest);
						LogOf::<T>::remove(&entry.subject, ordered(oldest));
					},
					None => {},
				}
				entries.saturating_inc();
				oldest.saturating_inc();
			}
			if entries > 0 {
				OldestEntryId::<T>::put(oldest);
			}

			let ended: Vec<(Moment, ConsentId)> = ConsentEnds::<T>::iter_keys()
				.map(|key| split_time_key(&key))
				.take_while(|(end, _)| expired(*end))
				.take(usize::try_from(limit).unwrap_or(usize::MAX))
				.collect();
			for (end, consent) in &ended {
				ConsentEnds::<T>::remove(time_key(*end, *consent));
				if let Some(record) = Consents::<T>::take(consent) {
					ConsentsGiven::<T>::remove(&record.subject, ordered(*consent));
					ConsentsReceived::<T>::remove(&record.grantee, ordered(*consent));
				}
			}
			let consents = u32::try_from(ended.len()).unwrap_or(u32::MAX);
			if entries > 0 || consents > 0 {
				Self::deposit_event(Event::Pruned { entries, consents });
			}
			(entries, consents)
		}

		/// At most [`MAX_PAGE`] and at most `limit`.
		fn page(limit: u32) -> usize {
			usize::try_from(limit.min(MAX_PAGE)).unwrap_or_default()
		}

		/// The numbers `owner` has in the ordered index `M`, after `after`, in order.
		fn index_keys<M>(owner: &T::AccountId, after: Option<u64>) -> impl Iterator<Item = u64>
		where
			M: IterableStorageDoubleMap<T::AccountId, [u8; 8], ()>
				+ frame_support::storage::StorageDoubleMap<T::AccountId, [u8; 8], ()>,
		{
			let keys = match after {
				Some(after) => {
					M::iter_key_prefix_from(owner, M::hashed_key_for(owner, ordered(after)))
				},
				None => M::iter_key_prefix(owner),
			};
			keys.map(number)
		}

		/// A page of the numbers `owner` has in the ordered index `M`, after `after`.
		fn index_page<M>(owner: &T::AccountId, after: Option<u64>, limit: u32) -> Vec<u64>
		where
			M: IterableStorageDoubleMap<T::AccountId, [u8; 8], ()>
				+ frame_support::storage::StorageDoubleMap<T::AccountId, [u8; 8], ()>,
		{
			Self::index_keys::<M>(owner, after).take(Self::page(limit)).collect()
		}

		fn consent_views(ids: Vec<ConsentId>) -> Vec<ConsentView<T::AccountId>> {
			ids.into_iter().filter_map(Self::consent).collect()
		}

		/// The live consent under which `grantee` may read `subject`'s `category` for
		/// `purpose` now (`DataSharingApi::can_access`); `None` while the grantee holds no
		/// active `DataConsumer` licence, as the query gate refuses it then.
		pub fn can_access(
			grantee: &T::AccountId,
			subject: &T::AccountId,
			category: Category,
			purpose: DataPurpose,
		) -> Option<ConsentId> {
			if !T::Licences::is_licensed(grantee, Role::DataConsumer) {
				return None;
			}
			let now = T::Time::now();
			ConsentsGiven::<T>::iter_key_prefix(subject).map(number).find(|id| {
				Consents::<T>::get(id).is_some_and(|consent| {
					consent.grantee == *grantee && consent.check(category, purpose, now).is_ok()
				})
			})
		}

		/// A consent with its status now (`DataSharingApi::consent`).
		pub fn consent(id: ConsentId) -> Option<ConsentView<T::AccountId>> {
			let consent = Consents::<T>::get(id)?;
			Some(ConsentView { id, status: consent.status(T::Time::now()), consent })
		}

		/// The consents `subject` gave, oldest first (`DataSharingApi::consents_given`).
		pub fn consents_given(
			subject: &T::AccountId,
			after: Option<ConsentId>,
			limit: u32,
		) -> Vec<ConsentView<T::AccountId>> {
			Self::consent_views(Self::index_page::<ConsentsGiven<T>>(subject, after, limit))
		}

		/// The consents `grantee` received, oldest first (`DataSharingApi::consents_received`).
		pub fn consents_received(
			grantee: &T::AccountId,
			after: Option<ConsentId>,
			limit: u32,
		) -> Vec<ConsentView<T::AccountId>> {
			Self::consent_views(Self::index_page::<ConsentsReceived<T>>(grantee, after, limit))
		}

		/// Whether the subject's view leaves out `entry` now, given the seals in force and
		/// `max_confidentiality`: a statutory access of a sealed case, logged less than
		/// `max_confidentiality` ago.
		fn sealed(
			entry: &AuditEntry<T::AccountId>,
			seals: &[Seal],
			max_confidentiality: Moment,
			now: Moment,
		) -> bool {
			let Access::Statutory { case, .. } = entry.access else { return false };
			now < entry.at.saturating_add(max_confidentiality)
				&& Self::case_sealed(case, seals, now)
		}

		/// Whether `seals` keep `case` confidential at `now`.
		fn case_sealed(case: H256, seals: &[Seal], now: Moment) -> bool {
			seals.iter().any(|seal| seal.case == case && seal.until > now)
		}

		/// `subject`'s log as the subject sees it, oldest first (`DataSharingApi::access_log`).
		/// Sealed entries are skipped before the page is cut, so a page is short only at the
		/// end of what the subject may see.
		pub fn access_log(
			subject: &T::AccountId,
			after: Option<EntryId>,
			limit: u32,
		) -> Vec<(EntryId, AuditEntry<T::AccountId>)> {
			let now = T::Time::now();
			let seals = SealedCases::<T>::get();
			let max_confidentiality = Params::<T>::get().max_confidentiality;
			Self::index_keys::<LogOf<T>>(subject, after)
				.filter_map(|id| Log::<T>::get(id).map(|entry| (id, entry)))
				.filter(|(_, entry)| !Self::sealed(entry, &seals, max_confidentiality, now))
				.take(Self::page(limit))
				.collect()
		}

		/// The log entry `entry` when `holder` may serve it now (`DataSharingApi::can_serve`):
		/// it names `holder`, which holds its `DataProvider` licence, has no result yet, and
		/// its consent (if any) is neither revoked nor expired.
		pub fn can_serve(
			holder: &T::AccountId,
			entry: EntryId,
		) -> Option<AuditEntry<T::AccountId>> {
			let record = Log::<T>::get(entry)?;
			let consent_stands = match record.access {
				Access::Consent { consent, .. } => Consents::<T>::get(consent)
					.is_some_and(|consent| consent.servable(T::Time::now())),
				Access::Statutory { .. } => true,
			};
			(record.holder == *holder
				&& record.result.is_none()
				&& consent_stands
				&& T::Licences::is_licensed(holder, Role::DataProvider))
			.then_some(record)
		}

		/// The whole log, oldest first (`DataSharingApi::supervisory_log`).
		pub fn supervisory_log(
			after: Option<EntryId>,
			limit: u32,
		) -> Vec<(EntryId, AuditEntry<T::AccountId>)> {
			let from =
				after.map_or(0, |after| after.saturating_add(1)).max(OldestEntryId::<T>::get());
			(from..NextEntryId::<T>::get())
				.filter_map(|id| Log::<T>::get(id).map(|entry| (id, entry)))
				.take(Self::page(limit))
				.collect()
		}

		/// The items about `subject` (`DataSharingApi::items_of`).
		pub fn items_of(
			subject: &T::AccountId,
			after: Option<ItemId>,
			limit: u32,
		) -> Vec<(ItemId, DataItem<T::AccountId>)> {
			Self::index_page::<ItemsOf<T>>(subject, after, limit)
				.into_iter()
				.filter_map(|id| Items::<T>::get(id).map(|item| (id, item)))
				.collect()
		}

		/// Open disputes past their answer date, the longest overdue first
		/// (`DataSharingApi::overdue_disputes`).
		pub fn overdue_disputes(limit: u32) -> Vec<(ItemId, Dispute<T::AccountId>)> {
			let now = T::Time::now();
			DisputesDue::<T>::iter_keys()
				.map(|key| split_time_key(&key))
				.take_while(|(due_at, _)| *due_at < now)
				.take(Self::page(limit))
				.filter_map(|(_, item)| Disputes::<T>::get(item).map(|dispute| (item, dispute)))
				.collect()
		}

		/// The pallet's invariants:
		/// - every consent is in its subject's and its grantee's index and has one end key, at
		///   its end; it made no more queries than it allows; its categories are distinct;
		/// - every index entry names an existing record, and the indexes hold nothing else;
		/// - log entries lie between the oldest and the next number, each in its subject's
		///   index; consents and items are numbered below the next number;
		/// - every open dispute is about an existing item, between its subject and provider,
		///   with one due key.
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			let next_consent = NextConsentId::<T>::get();
			let mut consents = 0usize;
			for (id, consent) in Consents::<T>::iter() {
				consents.saturating_inc();
				ensure!(id < next_consent, "a consent is numbered beyond the next number");
				ensure!(
					ConsentsGiven::<T>::contains_key(&consent.subject, ordered(id)),
					"a consent is missing from its subject's index"
				);
				ensure!(
					ConsentsReceived::<T>::contains_key(&consent.grantee, ordered(id)),
					"a consent is missing from its grantee's index"
				);
				ensure!(
					ConsentEnds::<T>::contains_key(time_key(consent.ended_at(), id)),
					"a consent has no end key at its end"
				);
				ensure!(
					consent.max_queries.is_none_or(|max| consent.queries <= max),
					"a consent made more queries than it allows"
				);
				ensure!(
					valid_categories(&consent.categories),
					"a consent's categories repeat or are empty"
				);
				ensure!(
					consent.granted_at < consent.expires_at
						&& consent.revoked_at.is_none_or(|at| at < consent.expires_at),
					"a consent ends before it began, or was revoked after it expired"
				);
			}
			ensure!(ConsentsGiven::<T>::iter().count() == consents, "stray subject index entries");
			ensure!(
				ConsentsReceived::<T>::iter().count() == consents,
				"stray grantee index entries"
			);
			ensure!(ConsentEnds::<T>::iter().count() == consents, "stray consent end keys");

			let (oldest, next_entry) = (OldestEntryId::<T>::get(), NextEntryId::<T>::get());
			ensure!(oldest <= next_entry, "the oldest entry is beyond the next number");
			let mut entries = 0usize;
			let mut last_at = 0;
			for id in oldest..next_entry {
				if let Some(entry) = Log::<T>::get(id) {
					ensure!(entry.at >= last_at, "log entries out of time order");
					last_at = entry.at;
				}
			}
			for (id, entry) in Log::<T>::iter() {
				entries.saturating_inc();
				ensure!(oldest <= id && id < next_entry, "a log entry outside the live range");
				ensure!(
					LogOf::<T>::contains_key(&entry.subject, ordered(id)),
					"a log entry is missing from its subject's index"
				);
			}
			ensure!(LogOf::<T>::iter().count() == entries, "stray log index entries");

			let next_item = NextItemId::<T>::get();
			let mut items = 0usize;
			for (id, item) in Items::<T>::iter() {
				items.saturating_inc();
				ensure!(id < next_item, "an item is numbered beyond the next number");
				ensure!(item.version >= 1, "an item without a version");
				ensure!(
					ItemsOf::<T>::contains_key(&item.subject, ordered(id)),
					"an item is missing from its subject's index"
				);
			}
			ensure!(ItemsOf::<T>::iter().count() == items, "stray item index entries");

			let mut disputes = 0usize;
			for (id, dispute) in Disputes::<T>::iter() {
				disputes.saturating_inc();
				let item = Items::<T>::get(id).ok_or("a dispute about a missing item")?;
				ensure!(
					item.subject == dispute.subject && item.provider == dispute.provider,
					"a dispute between the wrong parties"
				);
				ensure!(
					DisputesDue::<T>::contains_key(time_key(dispute.due_at, id)),
					"a dispute has no due key"
				);
			}
			ensure!(DisputesDue::<T>::iter().count() == disputes, "stray dispute due keys");
			Ok(())
		}
	}
}
