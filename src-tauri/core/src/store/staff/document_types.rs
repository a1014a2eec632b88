//! Document types: what kinds of document can be attached, and whether they expire.
//! Retired, never deleted: the shared behaviour is in [`crate::store::retired_list`].

use crate::domain::permissions::Area;
use crate::domain::staff::catalog::{DocumentType, ValidDocumentType};

crate::retired_list!(
    DocumentType,
    ValidDocumentType,
    "document_types",
    Area::Staff,
    "document type",
    [expires, validity_months]
);
