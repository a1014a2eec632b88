//! Audits and compliance: checklist templates and their versions, audits and their results,
//! findings and corrective actions, and how an audit is scored.

pub mod about;
pub mod audit;
pub mod evidence;
pub mod finding;
pub mod policy;
pub mod result;
pub mod score;
pub mod starter;
pub mod template;
