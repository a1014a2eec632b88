//! Audits: templates, audits and their items, evidence, findings and corrective actions.

pub mod findings;
pub mod outputs;
pub mod plans;
pub mod policies;
pub mod templates;
