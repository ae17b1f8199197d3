//! Pallet configurations, one file per group.

pub mod assets;
pub mod consensus;
pub mod data_sharing;
pub mod forex;
pub mod governance;
pub mod identity;
pub mod kyc;
pub mod leasing;
pub mod monetary;
pub mod receivables;
pub mod securitisation;
pub mod supervision;
pub mod system;
