//! Optimistic concurrency in one place: a form saves over the version it was loaded at.

use crate::domain::assets::asset::Asset;
use crate::domain::assets::catalog::{AssetCategory, Location};
use crate::domain::assets::checkout::Checkout;
use crate::domain::assets::consumable::Consumable;
use crate::domain::assets::licence::{Licence, SoftwareProduct};
use crate::domain::assets::maintenance::Plan;
use crate::domain::assets::network::{Interface, SubnetInfo, Vlan};
use crate::domain::assets::seat::Seat;
use crate::domain::attachment::Attachment;
use crate::domain::audits::audit::Audit;
use crate::domain::audits::evidence::Evidence;
use crate::domain::audits::finding::{CapaAction, Finding};
use crate::domain::audits::policy::Policy;
use crate::domain::audits::template::Template;
use crate::domain::department::Department;
use crate::domain::purchasing::category::PurchaseCategory;
use crate::domain::purchasing::order::PurchaseOrder;
use crate::domain::purchasing::price_list::SupplierPrice;
use crate::domain::purchasing::requisition::Requisition;
use crate::domain::purchasing::rfq::Rfq;
use crate::domain::purchasing::supplier::{Supplier, SupplierContact};
use crate::domain::staff::catalog::{ContractType, Course, DocumentType, Requirement};
use crate::domain::staff::document::TrainingRecord;
use crate::domain::staff::employee::Employee;
use crate::domain::users::User;
use crate::error::{Error, ErrorCode};

/// A row with a `version` that every write moves on by one.
pub trait Versioned {
    fn version(&self) -> i64;
}

macro_rules! versioned {
    ($($t:ty),*) => {
        $(impl Versioned for $t {
            fn version(&self) -> i64 {
                self.version
            }
        })*
    };
}

versioned!(
    ContractType,
    Course,
    DocumentType,
    Requirement,
    Department,
    Attachment,
    TrainingRecord,
    Employee,
    User,
    Template,
    Audit,
    Evidence,
    Finding,
    CapaAction,
    Policy,
    AssetCategory,
    Location,
    Asset,
    Checkout,
    Vlan,
    SubnetInfo,
    Interface,
    Plan,
    SoftwareProduct,
    Licence,
    Seat,
    Consumable,
    PurchaseCategory,
    Supplier,
    SupplierContact,
    PurchaseOrder,
    SupplierPrice,
    Requisition,
    Rfq
);

/// The row as the form that loaded it saw it: `not_found` when it is gone, `conflict` when
/// someone saved it since, so a stale form never overwrites newer data. `expected` is `None`
/// for a change that comes from no form (an administrator's reset, a renewal).
pub fn at_version<T: Versioned>(
    row: Option<T>,
    what: &str,
    expected: impl Into<Option<i64>>,
) -> crate::Result<T> {
    let row = row.ok_or_else(|| Error::not_found(what))?;
    match expected.into() {
        Some(v) if v != row.version() => Err(Error::new(
            ErrorCode::Conflict,
            format!("{what} changed since it was loaded"),
        )),
        _ => Ok(row),
    }
}
