//! Helpers shared by the registry, contract and rent tests: the standard lease of
//! `mock::terms()` and its schedule, computed by hand.

use crate::{mock::*, *};
use frame_support::assert_ok;
use fxchain_primitives::forex::Amount;
use sp_core::H256;

/// The schedule of `mock::terms()` (CNY 120,000.00 at 1% a month over 12 monthly instalments,
/// equal instalment), as (principal, interest) per instalment.
///
/// Computed with exact rationals (python3 `fractions.Fraction`), `r = 1/100`, `q = (1 + r)¹²`:
/// rent `= ⌊12_000_000 × r·q / (q − 1)⌋ = ⌊1_066_185.464…⌋ = 1_066_185`; row `k` has interest
/// `⌊r × outstanding⌋` and principal `rent − interest`; the last row repays what remains.
pub(crate) const STANDARD_TABLE: [(Amount, Amount); 12] = [
	(946_185, 120_000),
	(955_647, 110_538),
	(965_204, 100_981),
	(974_856, 91_329),
	(984_604, 81_581),
	(994_450, 71_735),
	(1_004_395, 61_790),
	(1_014_439, 51_746),
	(1_024_583, 41_602),
	(1_034_829, 31_356),
	(1_045_177, 21_008),
	(1_055_631, 10_556),
];

/// The level rent of the standard lease (instalments 1 to 11).
pub(crate) const RENT: Amount = 1_066_185;

/// The last instalment's rent: `1_055_631 + 10_556`, two more than the level rent.
pub(crate) const LAST_RENT: Amount = 1_066_187;

/// `11 × 1_066_185 + 1_066_187`.
pub(crate) const TOTAL_RENT: Amount = 12_794_222;

/// The standard lease's deposit.
pub(crate) const DEPOSIT: Amount = 1_000_000;

/// What the standard lessee is funded with: all rent, the deposit and the nominal price, and
/// room for late fees.
pub(crate) const FUNDS: Amount = 20_000_000;

/// `rows` as instalments.
pub(crate) fn instalments(rows: &[(Amount, Amount)]) -> Vec<Instalment> {
	rows.iter()
		.map(|&(principal, interest)| Instalment { principal, interest })
		.collect()
}

/// Register `key` for `holder` with a zero description.
pub(crate) fn register(holder: u64, key: H256) {
	assert_ok!(Leasing::register_asset(RuntimeOrigin::signed(holder), key, H256::zero()));
}

/// `LESSOR` drafts a lease of `machine()` to `lessee` on `terms`; returns its number.
pub(crate) fn draft_lease(lessee: u64, terms: Terms) -> LeaseId {
	let id = NextLeaseId::<Test>::get();
	assert_ok!(Leasing::draft(RuntimeOrigin::signed(LESSOR), lessee, machine(), terms));
	id
}

/// The lessee signs draft `id` with its stored hash.
pub(crate) fn sign(id: LeaseId) {
	let lease = Leases::<Test>::get(id).expect("the draft exists");
	assert_ok!(Leasing::sign(RuntimeOrigin::signed(lease.lessee), id, lease.schedule_hash));
}

/// `LESSOR` registers `machine()` and leases it to `lessee` on `terms`, which the funded
/// lessee signs now.
pub(crate) fn signed_lease_to(lessee: u64, terms: Terms) -> LeaseId {
	fund(lessee, FUNDS);
	register(LESSOR, machine());
	let id = draft_lease(lessee, terms);
	sign(id);
	id
}

/// The standard lease of `mock::terms()` to `LESSEE`, signed at `START`.
pub(crate) fn signed_lease() -> LeaseId {
	signed_lease_to(LESSEE, terms())
}

/// Lease `id` as stored.
pub(crate) fn lease(id: LeaseId) -> Lease<u64> {
	Leases::<Test>::get(id).expect("the lease is open")
}

/// Instalment `number` of a lease signed at `START` on a monthly period falls due here.
pub(crate) fn due_at(number: u64) -> u64 {
	START + number * MONTH
}
