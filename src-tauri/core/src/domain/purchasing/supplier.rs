//! A supplier's card: who they are, how to reach and pay them, what they sell, and whether new
//! orders may go to them.

use super::supplier_checks::{
    normalise_fiscal_code, normalise_sdi_code, normalise_vat, VatProblem,
};
use crate::domain::iban;
use crate::domain::page::{PageRequest, SortDir};
use crate::domain::staff::employee::{email_ok, phone_ok};
use crate::domain::text::{clean, fold_key, Checks};
use crate::error::FieldError;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SupplierStatus {
    Active,
    /// No new order may go to a blocked supplier; the reason says why.
    Blocked,
}

impl SupplierStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::Blocked => "blocked",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "active" => Some(Self::Active),
            "blocked" => Some(Self::Blocked),
            _ => None,
        }
    }
}

/// A category the supplier sells, named in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CategoryName {
    pub id: i64,
    pub name_it: String,
    pub name_en: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct Supplier {
    pub id: i64,
    pub name: String,
    /// Country prefix and code: `IT00488410010`.
    pub vat_number: Option<String>,
    pub fiscal_code: Option<String>,
    pub street: Option<String>,
    pub postcode: Option<String>,
    pub city: Option<String>,
    pub province: Option<String>,
    pub country: String,
    pub email: Option<String>,
    pub pec: Option<String>,
    pub sdi_code: Option<String>,
    pub phone: Option<String>,
    pub website: Option<String>,
    pub iban: Option<String>,
    pub payment_terms: Option<String>,
    pub rating: Option<i64>,
    pub status: SupplierStatus,
    pub blocked_reason: Option<String>,
    pub blocked_on: Option<NaiveDate>,
    pub notes: Option<String>,
    pub categories: Vec<CategoryName>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct SupplierInput {
    pub name: String,
    pub vat_number: Option<String>,
    pub fiscal_code: Option<String>,
    pub street: Option<String>,
    pub postcode: Option<String>,
    pub city: Option<String>,
    pub province: Option<String>,
    /// Two letters; Italy when empty.
    pub country: Option<String>,
    pub email: Option<String>,
    pub pec: Option<String>,
    pub sdi_code: Option<String>,
    pub phone: Option<String>,
    pub website: Option<String>,
    pub iban: Option<String>,
    pub payment_terms: Option<String>,
    pub rating: Option<i64>,
    pub notes: Option<String>,
    #[serde(default)]
    pub category_ids: Vec<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidSupplier {
    pub name: String,
    pub name_key: String,
    pub vat_number: Option<String>,
    pub fiscal_code: Option<String>,
    pub street: Option<String>,
    pub postcode: Option<String>,
    pub city: Option<String>,
    pub province: Option<String>,
    pub country: String,
    pub email: Option<String>,
    pub pec: Option<String>,
    pub sdi_code: Option<String>,
    pub phone: Option<String>,
    pub website: Option<String>,
    pub iban: Option<String>,
    pub payment_terms: Option<String>,
    pub rating: Option<i64>,
    pub notes: Option<String>,
    pub category_ids: Vec<i64>,
}

impl SupplierInput {
    pub fn validate(&self) -> crate::Result<ValidSupplier> {
        let mut c = Checks::default();
        let name = c.required("name", &self.name, 200);
        let country = self
            .country
            .as_deref()
            .map(clean)
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "IT".to_owned())
            .to_uppercase();
        if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_uppercase()) {
            c.add(FieldError::new("country", "invalid_country"));
        }
        let italian = country == "IT";
        let (vat_number, fiscal_code) = self.identity(&mut c, &country);
        let (street, postcode, city, province) = self.address(&mut c, italian);
        let email = c.optional_checked("email", &self.email, 254, email_ok, "invalid_email");
        let pec = c.optional_checked("pec", &self.pec, 254, email_ok, "invalid_email");
        let sdi_code = c.optional_normalised(
            "sdi_code",
            &self.sdi_code,
            7,
            normalise_sdi_code,
            "invalid_sdi_code",
        );
        let phone = c.optional_checked("phone", &self.phone, 40, phone_ok, "invalid_phone");
        let website = c.optional("website", &self.website, 200);
        let iban = c.optional_normalised("iban", &self.iban, 50, iban::normalise, "invalid_iban");
        let payment_terms = c.optional("payment_terms", &self.payment_terms, 100);
        if self.rating.is_some_and(|r| !(1..=5).contains(&r)) {
            c.add(
                FieldError::new("rating", "out_of_range")
                    .with("min", 1)
                    .with("max", 5),
            );
        }
        let notes = c.optional_text("notes", &self.notes, 4000);
        let mut category_ids = self.category_ids.clone();
        category_ids.sort_unstable();
        category_ids.dedup();
        c.finish()?;
        Ok(ValidSupplier {
            name_key: fold_key(&name),
            name,
            vat_number,
            fiscal_code,
            street,
            postcode,
            city,
            province,
            country,
            email,
            pec,
            sdi_code,
            phone,
            website,
            iban,
            payment_terms,
            rating: self.rating,
            notes,
            category_ids,
        })
    }

    /// The VAT number (Italian ones checked, foreign ones kept) and the Italian tax code.
    fn identity(&self, c: &mut Checks, country: &str) -> (Option<String>, Option<String>) {
        let italian = country == "IT";
        let vat_number = c
            .optional("vat_number", &self.vat_number, 30)
            .and_then(|v| match normalise_vat(&v, country) {
                Ok(n) => Some(n),
                Err(VatProblem::ItalianCheck) => {
                    c.add(FieldError::new("vat_number", "invalid_vat"));
                    None
                }
                Err(VatProblem::Shape) => {
                    c.add(FieldError::new("vat_number", "invalid_foreign_vat"));
                    None
                }
            });
        // A foreign tax code is kept as written, upper-cased.
        let fiscal_code = c.optional_normalised(
            "fiscal_code",
            &self.fiscal_code,
            16,
            |v| {
                if italian {
                    normalise_fiscal_code(v)
                } else {
                    Some(v.to_uppercase())
                }
            },
            "invalid_fiscal_code",
        );
        (vat_number, fiscal_code)
    }

    /// The address; an Italian one has a five-digit CAP and a two-letter province.
    #[allow(clippy::type_complexity)]
    fn address(
        &self,
        c: &mut Checks,
        italian: bool,
    ) -> (
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
    ) {
        let street = c.optional("street", &self.street, 200);
        let postcode = c.optional("postcode", &self.postcode, 12);
        if italian
            && postcode
                .as_deref()
                .is_some_and(|p| p.len() != 5 || !p.bytes().all(|b| b.is_ascii_digit()))
        {
            c.add(FieldError::new("postcode", "invalid_postal_code"));
        }
        let city = c.optional("city", &self.city, 100);
        let province = c
            .optional("province", &self.province, 2)
            .map(|p| p.to_uppercase());
        if italian
            && province
                .as_deref()
                .is_some_and(|p| p.len() != 2 || !p.bytes().all(|b| b.is_ascii_uppercase()))
        {
            c.add(FieldError::new("province", "invalid_province"));
        }
        (street, postcode, city, province)
    }
}

/// Why a supplier is blocked: required, one paragraph.
pub fn valid_block_reason(reason: &str) -> crate::Result<String> {
    let mut c = Checks::default();
    let r = c.required_text("reason", reason, 1000);
    c.finish()?;
    Ok(r)
}

/// A person to talk to at the supplier.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct SupplierContact {
    pub id: i64,
    pub supplier_id: i64,
    pub name: String,
    pub role: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub notes: Option<String>,
    pub version: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct SupplierContactInput {
    pub name: String,
    pub role: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub notes: Option<String>,
}

impl SupplierContactInput {
    pub fn validate(&self) -> crate::Result<SupplierContactInput> {
        let mut c = Checks::default();
        let name = c.required("name", &self.name, 200);
        let role = c.optional("role", &self.role, 100);
        let email = c.optional_checked("email", &self.email, 254, email_ok, "invalid_email");
        let phone = c.optional_checked("phone", &self.phone, 40, phone_ok, "invalid_phone");
        let notes = c.optional_text("notes", &self.notes, 2000);
        c.finish()?;
        Ok(SupplierContactInput {
            name,
            role,
            email,
            phone,
            notes,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SupplierSort {
    Name,
    City,
    Status,
    Rating,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct SupplierQuery {
    #[serde(default)]
    pub page: PageRequest,
    pub sort: Option<SupplierSort>,
    pub dir: Option<SortDir>,
    /// Part of the name, VAT number, tax code or city.
    pub search: Option<String>,
    pub status: Option<SupplierStatus>,
    pub category_id: Option<i64>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct SupplierRow {
    pub id: i64,
    pub name: String,
    pub vat_number: Option<String>,
    pub city: Option<String>,
    pub province: Option<String>,
    pub country: String,
    pub rating: Option<i64>,
    pub status: SupplierStatus,
    pub blocked_reason: Option<String>,
    /// Files of the supplier that expired or expire within 30 days.
    pub files_expiring: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> SupplierInput {
        SupplierInput {
            name: " Ferramenta  Rossi S.r.l. ".into(),
            vat_number: Some("00488410010".into()),
            postcode: Some("20121".into()),
            province: Some("mi".into()),
            iban: Some("it60 x054 2811 1010 0000 0123 456".into()),
            sdi_code: Some("m5uxcr1".into()),
            pec: Some("rossi@pec.it".into()),
            rating: Some(4),
            category_ids: vec![3, 1, 3],
            ..SupplierInput::default()
        }
    }

    #[test]
    fn normalises_a_good_card() {
        let v = input().validate().unwrap();
        assert_eq!(v.name, "Ferramenta Rossi S.r.l.");
        assert_eq!(v.vat_number.as_deref(), Some("IT00488410010"));
        assert_eq!(v.province.as_deref(), Some("MI"));
        assert_eq!(v.iban.as_deref(), Some("IT60X0542811101000000123456"));
        assert_eq!(v.sdi_code.as_deref(), Some("M5UXCR1"));
        assert_eq!(v.country, "IT");
        assert_eq!(v.category_ids, vec![1, 3]);
    }

    #[test]
    fn reports_every_bad_field() {
        let mut i = input();
        i.vat_number = Some("00488410011".into());
        i.iban = Some("IT60X0542811101000000123457".into());
        i.pec = Some("rossi@".into());
        i.sdi_code = Some("AB".into());
        i.rating = Some(6);
        i.postcode = Some("2012".into());
        let e = i.validate().unwrap_err();
        let got: Vec<_> = e
            .fields
            .iter()
            .map(|f| (f.field.as_str(), f.code.as_str()))
            .collect();
        for want in [
            ("vat_number", "invalid_vat"),
            ("iban", "invalid_iban"),
            ("pec", "invalid_email"),
            ("sdi_code", "invalid_sdi_code"),
            ("rating", "out_of_range"),
            ("postcode", "invalid_postal_code"),
        ] {
            assert!(got.contains(&want), "{want:?} in {got:?}");
        }
    }

    #[test]
    fn a_foreign_supplier_keeps_its_numbers() {
        let i = SupplierInput {
            name: "Müller GmbH".into(),
            country: Some("de".into()),
            vat_number: Some("DE 123 456 789".into()),
            fiscal_code: Some("12/345/67890".into()),
            postcode: Some("80331".into()),
            ..SupplierInput::default()
        };
        let v = i.validate().unwrap();
        assert_eq!(v.vat_number.as_deref(), Some("DE123456789"));
        assert_eq!(v.country, "DE");
    }
}
