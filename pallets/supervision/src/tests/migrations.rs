//! `migrations::v1`: the report indexes are rebuilt from the reports, once.

use super::{
	reports::{five_reports, query},
	*,
};
use crate::migrations::v1::MigrateToV1;
use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};

fn listing() -> Vec<Vec<(u64, Report<u64>)>> {
	let base = query();
	[
		base.clone(),
		ReportQuery { party: Some(ALICE), ..base.clone() },
		ReportQuery { rule: Some(Reason::LargeValueCash), ..base.clone() },
		ReportQuery { status: Some(ReportStatus::Acknowledged), ..base },
	]
	.into_iter()
	.map(|query| Supervision::reports(query).reports)
	.collect()
}

#[test]
fn v1_rebuilds_drifted_indexes_and_keeps_every_report_and_listing() {
	build_and_execute(|| {
		five_reports();
		StorageVersion::new(0).put::<Supervision>();
		let before = listing();
		let reports: Vec<_> = Reports::<Test>::iter().collect();
		// Drift: one report missing from its party index, one stray entry naming no report.
		ReportsByParty::<Test>::remove(ALICE, 2u64.to_be_bytes());
		ReportsByRule::<Test>::insert(Reason::LargeValueCash, 9u64.to_be_bytes(), ());
		assert!(Supervision::do_try_state().is_err());

		MigrateToV1::<Test>::on_runtime_upgrade();

		Supervision::do_try_state().expect("the indexes agree with the reports again");
		assert_eq!(Supervision::on_chain_storage_version(), StorageVersion::new(1));
		assert_eq!(Reports::<Test>::iter().collect::<Vec<_>>(), reports);
		assert_eq!(listing(), before);
	});
}

#[test]
fn v1_runs_once() {
	build_and_execute(|| {
		five_reports();
		StorageVersion::new(0).put::<Supervision>();
		MigrateToV1::<Test>::on_runtime_upgrade();
		ReportsByRule::<Test>::insert(Reason::LargeValueCash, 9u64.to_be_bytes(), ());

		// At version 1 the migration does nothing: the stray entry stays.
		MigrateToV1::<Test>::on_runtime_upgrade();
		assert_eq!(Supervision::on_chain_storage_version(), StorageVersion::new(1));
		assert!(ReportsByRule::<Test>::contains_key(Reason::LargeValueCash, 9u64.to_be_bytes()));
		ReportsByRule::<Test>::remove(Reason::LargeValueCash, 9u64.to_be_bytes());
	});
}
