//! Software products and their licences as the forms and lists see them. A licence's key is
//! never part of a read: `licence_key` is `None` unless it was revealed on purpose.

use super::asset::MAX_COST_CENTS;
use crate::domain::page::{PageRequest, SortDir};
use crate::domain::text::{fold_key, Checks};
use crate::error::FieldError;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct SoftwareProduct {
    pub id: i64,
    pub name: String,
    pub publisher: Option<String>,
    /// The product's own version ("2021", "v12"); `version` is the row's.
    pub product_version: Option<String>,
    pub notes: Option<String>,
    /// Licences of it not retired.
    pub licences: i64,
    pub version: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct SoftwareProductInput {
    pub name: String,
    pub publisher: Option<String>,
    pub product_version: Option<String>,
    pub notes: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidProduct {
    pub name: String,
    pub name_key: String,
    pub publisher: Option<String>,
    pub product_version: Option<String>,
    pub product_version_key: String,
    pub notes: Option<String>,
}

impl SoftwareProductInput {
    pub fn validate(&self) -> crate::Result<ValidProduct> {
        let mut c = Checks::default();
        let name = c.required("name", &self.name, 200);
        let publisher = c.optional("publisher", &self.publisher, 200);
        let product_version = c.optional("product_version", &self.product_version, 60);
        let notes = c.optional_text("notes", &self.notes, 4000);
        c.finish()?;
        Ok(ValidProduct {
            name_key: fold_key(&name),
            name,
            publisher,
            product_version_key: product_version.as_deref().map(fold_key).unwrap_or_default(),
            product_version,
            notes,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LicenceKind {
    PerSeat,
    PerDevice,
    Site,
    Subscription,
}

pub const LICENCE_KINDS: [LicenceKind; 4] = [
    LicenceKind::PerSeat,
    LicenceKind::PerDevice,
    LicenceKind::Site,
    LicenceKind::Subscription,
];

impl LicenceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::PerSeat => "per_seat",
            Self::PerDevice => "per_device",
            Self::Site => "site",
            Self::Subscription => "subscription",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        LICENCE_KINDS.into_iter().find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct Licence {
    pub id: i64,
    pub product_id: i64,
    pub product_name: String,
    pub publisher: Option<String>,
    pub product_version: Option<String>,
    /// Always `None` in reads; only [`reveal_licence_key`](crate::services::Backoffice::reveal_licence_key)
    /// fills it.
    pub licence_key: Option<String>,
    /// Whether a key is stored, so the form can offer to reveal it.
    pub has_key: bool,
    pub kind: LicenceKind,
    pub seats: i64,
    /// Seats held now.
    pub seats_used: i64,
    pub purchase_date: Option<NaiveDate>,
    pub expiry_date: Option<NaiveDate>,
    /// Cost in cents of `currency`.
    pub cost_cents: Option<i64>,
    pub currency: String,
    pub supplier_name: Option<String>,
    pub order_number: Option<String>,
    pub notes: Option<String>,
    pub retired: bool,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct LicenceInput {
    pub product_id: i64,
    /// On an update, `None` keeps the stored key (the form never holds it) and an empty text
    /// removes it.
    pub licence_key: Option<String>,
    pub kind: LicenceKind,
    pub seats: i64,
    pub purchase_date: Option<NaiveDate>,
    pub expiry_date: Option<NaiveDate>,
    pub cost_cents: Option<i64>,
    pub currency: Option<String>,
    pub supplier_name: Option<String>,
    pub order_number: Option<String>,
    pub notes: Option<String>,
}

/// What becomes of the stored key on a save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyChange {
    Keep,
    Set(String),
    Remove,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidLicence {
    pub product_id: i64,
    pub key: KeyChange,
    pub kind: LicenceKind,
    pub seats: i64,
    pub purchase_date: Option<NaiveDate>,
    pub expiry_date: Option<NaiveDate>,
    pub cost_cents: Option<i64>,
    pub currency: String,
    pub supplier_name: Option<String>,
    pub order_number: Option<String>,
    pub notes: Option<String>,
}

/// More seats than any office buys: a typing mistake.
pub const MAX_SEATS: i64 = 1_000_000;

/// A three-letter upper-case code, EUR when not given; `None` when it is not one.
pub fn currency_code(given: &Option<String>) -> Option<String> {
    let code = given
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .unwrap_or("EUR")
        .to_uppercase();
    (code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())).then_some(code)
}

/// A cost in cents: zero or more, at most [`MAX_COST_CENTS`].
pub fn check_cost(c: &mut Checks, field: &str, cents: Option<i64>) {
    if cents.is_some_and(|v| !(0..=MAX_COST_CENTS).contains(&v)) {
        c.add(
            FieldError::new(field, "out_of_range")
                .with("min", 0)
                .with("max", MAX_COST_CENTS / 100),
        );
    }
}

impl LicenceInput {
    pub fn validate(&self, today: NaiveDate) -> crate::Result<ValidLicence> {
        let mut c = Checks::default();
        let key = match self.licence_key.as_deref().map(str::trim) {
            None => KeyChange::Keep,
            Some("") => KeyChange::Remove,
            Some(k) if k.chars().count() > 500 => {
                c.add(FieldError::new("licence_key", "too_long").with("max", 500));
                KeyChange::Keep
            }
            Some(k) => KeyChange::Set(k.to_owned()),
        };
        if !(1..=MAX_SEATS).contains(&self.seats) {
            c.add(
                FieldError::new("seats", "out_of_range")
                    .with("min", 1)
                    .with("max", MAX_SEATS),
            );
        }
        if self.purchase_date.is_some_and(|d| d > today) {
            c.add(FieldError::new("purchase_date", "date_in_future"));
        }
        if let (Some(p), Some(e)) = (self.purchase_date, self.expiry_date) {
            if e <= p {
                c.add(FieldError::new("expiry_date", "not_after_purchase"));
            }
        }
        check_cost(&mut c, "cost_cents", self.cost_cents);
        let currency = currency_code(&self.currency);
        if currency.is_none() {
            c.add(FieldError::new("currency", "bad_currency"));
        }
        let supplier_name = c.optional("supplier_name", &self.supplier_name, 200);
        let order_number = c.optional("order_number", &self.order_number, 60);
        let notes = c.optional_text("notes", &self.notes, 4000);
        c.finish()?;
        Ok(ValidLicence {
            product_id: self.product_id,
            key,
            kind: self.kind,
            seats: self.seats,
            purchase_date: self.purchase_date,
            expiry_date: self.expiry_date,
            cost_cents: self.cost_cents,
            currency: currency.unwrap_or_default(),
            supplier_name,
            order_number,
            notes,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LicenceSort {
    Product,
    Expiry,
    Seats,
    UpdatedAt,
}

/// How a licence's seats are used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SeatUse {
    /// More seats held than bought (the count was lowered after they were handed out).
    Over,
    /// Seats free.
    Under,
    /// Every seat held, none too many.
    Full,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct LicenceQuery {
    /// Matches the product's name or publisher.
    pub search: Option<String>,
    pub product_id: Option<i64>,
    pub kind: Option<LicenceKind>,
    /// Only licences expiring within this many days (already expired ones included).
    pub expiring_within_days: Option<i64>,
    pub seat_use: Option<SeatUse>,
    /// Retired licences too.
    pub include_retired: bool,
    pub sort: LicenceSort,
    pub dir: SortDir,
    pub page: PageRequest,
}
