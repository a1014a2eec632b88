//! Audits: templates and their versions, audits with their scope and results, evidence,
//! findings and corrective actions.

pub mod actions;
pub mod attention;
pub mod audit;
pub mod evidence;
pub mod findings;
pub mod policies;
pub mod records;
pub mod results;
pub mod scope;
pub mod search;
pub mod templates;
