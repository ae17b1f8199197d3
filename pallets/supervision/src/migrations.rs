//! Storage migrations.
//!
//! `v1::MigrateToV1` rebuilds the three report indexes (by party, rule and status) from the
//! reports themselves and moves the storage version from 0 to 1. It changes no record, so every
//! report, listing and RPC answer reads the same afterwards; an index entry that named no kept
//! report is gone and a kept report missing from an index is back.
//!
//! The normal runtime does not run it: its in-code storage version is still 0. The
//! upgrade-rehearsal runtime (feature `upgrade-rehearsal`, built by `scripts/env.sh`'s
//! `build_rehearsal_wasm`) declares version 1 and lists it in its migrations, so that the
//! network test upgrades a live four-validator chain with a real storage migration
//! (`zombienet/upgrade.test.mjs`, `docs/decisions/0014-upgrade-rehearsal.md`).

use crate::pallet::{Config, Pallet, Reports, ReportsByParty, ReportsByRule, ReportsByStatus};
use frame_support::{
	migrations::VersionedMigration,
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::Weight,
};

pub mod v1 {
	use super::*;

	/// Rebuild the report indexes from the reports; see the module documentation.
	pub struct RebuildReportIndexes<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for RebuildReportIndexes<T> {
		fn on_runtime_upgrade() -> Weight {
			// Every index entry goes, then every kept report enters the entries its fields
			// name. The work is linear in the reports kept (retention bounds them); a chain
			// whose reports no longer fit one block's weight would need a multi-block migration.
			let cleared = [
				ReportsByParty::<T>::clear(u32::MAX, None).backend,
				ReportsByRule::<T>::clear(u32::MAX, None).backend,
				ReportsByStatus::<T>::clear(u32::MAX, None).backend,
			]
			.iter()
			.map(|&n| u64::from(n))
			.sum::<u64>();
			let mut reports = 0u64;
			for (id, report) in Reports::<T>::iter() {
				Pallet::<T>::index_report(id, &report);
				reports = reports.saturating_add(1);
			}
			log::info!(
				target: "runtime::supervision",
				"v1: report indexes rebuilt from {reports} reports ({cleared} entries cleared)"
			);
			T::DbWeight::get().reads_writes(
				cleared.saturating_add(reports),
				cleared.saturating_add(reports.saturating_mul(3)),
			)
		}
	}

	/// `RebuildReportIndexes` when the on-chain storage version is 0; it then becomes 1, so a
	/// later upgrade does not run it again.
	pub type MigrateToV1<T> = VersionedMigration<
		0,
		1,
		RebuildReportIndexes<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
