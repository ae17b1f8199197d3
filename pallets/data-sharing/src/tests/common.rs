//! Helpers shared by the data-sharing tests: items, consents and queries with sensible
//! defaults, and views of the events and the log.

use crate::{mock::*, *};
use frame_support::assert_ok;
pub(crate) use fxchain_primitives::supervision::DAY;
use fxchain_primitives::Moment;
use sp_core::H256;
use sp_runtime::DispatchResult;

/// A hash made of one repeated byte.
pub(crate) fn hash(byte: u8) -> H256 {
	H256::repeat_byte(byte)
}

/// `text` as a locator.
pub(crate) fn locator(text: &[u8]) -> Locator {
	text.to_vec().try_into().expect("a short locator")
}

/// The data-sharing events deposited so far, oldest first.
pub(crate) fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::DataSharing(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// How many `AccessLogged` events were deposited so far.
pub(crate) fn access_logged() -> usize {
	events()
		.iter()
		.filter(|event| matches!(event, Event::AccessLogged { .. }))
		.count()
}

/// How many `ConfidentialAccessLogged` events were deposited so far.
pub(crate) fn confidential_logged() -> usize {
	events()
		.iter()
		.filter(|event| matches!(event, Event::ConfidentialAccessLogged { .. }))
		.count()
}

/// `provider` registers an item of `category` about `subject`, with content hash `0xC0..`;
/// returns its number.
pub(crate) fn register_item(provider: u64, subject: u64, category: Category) -> ItemId {
	let id = NextItemId::<Test>::get();
	assert_ok!(DataSharing::register_item(
		RuntimeOrigin::signed(provider),
		subject,
		category,
		hash(0xC0),
		locator(b"vault://item")
	));
	id
}

/// `subject` lets `grantee` read `list` for `purpose` until `expires_at`, at most
/// `max_queries` times; returns the consent's number.
pub(crate) fn grant_to(
	subject: u64,
	grantee: u64,
	list: &[Category],
	purpose: DataPurpose,
	expires_at: Moment,
	max_queries: Option<u32>,
) -> ConsentId {
	let id = NextConsentId::<Test>::get();
	assert_ok!(DataSharing::grant(
		RuntimeOrigin::signed(subject),
		grantee,
		categories(list),
		purpose,
		LegalBasis::Consent,
		expires_at,
		max_queries,
		hash(0xE1)
	));
	id
}

/// `who` queries `category` for `purpose` under `consent`, asking `holder` to serve it.
pub(crate) fn query_from(
	who: u64,
	consent: ConsentId,
	category: Category,
	purpose: DataPurpose,
	holder: u64,
) -> DispatchResult {
	DataSharing::query(RuntimeOrigin::signed(who), consent, category, purpose, holder)
}

/// `who` queries `category` for `purpose` under `consent`, asking `PROVIDER` to serve it.
pub(crate) fn query_as(
	who: u64,
	consent: ConsentId,
	category: Category,
	purpose: DataPurpose,
) -> DispatchResult {
	query_from(who, consent, category, purpose, PROVIDER)
}

/// `BANK` queries regulatory-credit data for credit approval under `consent` (what the mock's
/// `grant` allows), served by `PROVIDER`; returns the entry's number.
pub(crate) fn query(consent: ConsentId) -> EntryId {
	let entry = NextEntryId::<Test>::get();
	assert_ok!(query_as(BANK, consent, Category::RegulatoryCredit, DataPurpose::CreditApproval));
	entry
}

/// Root reads `subject`'s `category` under a statute for `case`, served by `PROVIDER`;
/// returns the entry's number.
pub(crate) fn statutory(subject: u64, category: Category, case: H256) -> EntryId {
	let entry = NextEntryId::<Test>::get();
	assert_ok!(DataSharing::statutory_query(
		RuntimeOrigin::root(),
		subject,
		category,
		StatutoryBasis::Supervision,
		case,
		PROVIDER
	));
	entry
}

/// The numbers of `subject`'s entries as the subject sees them.
pub(crate) fn visible(subject: u64) -> Vec<EntryId> {
	DataSharing::access_log(&subject, None, MAX_PAGE)
		.into_iter()
		.map(|(id, _)| id)
		.collect()
}

/// The numbers of every entry in the supervisory log.
pub(crate) fn supervised() -> Vec<EntryId> {
	DataSharing::supervisory_log(None, MAX_PAGE)
		.into_iter()
		.map(|(id, _)| id)
		.collect()
}

/// The ids in a page of consent views.
pub(crate) fn ids(views: Vec<ConsentView<u64>>) -> Vec<ConsentId> {
	views.into_iter().map(|view| view.id).collect()
}

/// Consent `id` as stored.
pub(crate) fn stored(id: ConsentId) -> Consent<u64> {
	Consents::<Test>::get(id).expect("the consent is stored")
}
