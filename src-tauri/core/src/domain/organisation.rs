//! The organisation using the app: legal name, VAT number, address, currency and locale.

use super::text::{clean, Checks};
use super::vat::normalise_partita_iva;
use crate::error::FieldError;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Currencies offered in settings; amounts are stored in minor units, two decimals for all of these.
pub const CURRENCIES: &[&str] = &["EUR", "CHF", "GBP", "USD"];
/// Interface languages shipped.
pub const LANGUAGES: &[&str] = &["it", "en"];
pub const DEFAULT_AUTO_LOCK_MINUTES: i64 = 15;
pub const AUTO_LOCK_RANGE: std::ops::RangeInclusive<i64> = 1..=240;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Organisation {
    pub name: String,
    pub vat_number: Option<String>,
    pub street: Option<String>,
    pub postal_code: Option<String>,
    pub city: Option<String>,
    /// Two-letter province code (sigla), e.g. "MI".
    pub province: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    /// ISO 4217.
    pub currency: String,
    /// Default language for documents the organisation produces ("it" or "en").
    pub locale: String,
    /// Idle minutes before the app locks and asks for the password again.
    pub auto_lock_minutes: i64,
    /// Increases on every save; a stale form is refused instead of overwriting newer data.
    pub version: i64,
    pub updated_at: Option<DateTime<Utc>>,
    /// SHA-256 of the logo's copy in the file store, printed on documents; none when unset.
    pub logo_sha256: Option<String>,
}

impl Organisation {
    /// What a new installation shows before anyone has saved settings.
    pub fn unset() -> Self {
        Self {
            name: String::new(),
            vat_number: None,
            street: None,
            postal_code: None,
            city: None,
            province: None,
            country: "IT".into(),
            currency: "EUR".into(),
            locale: "it".into(),
            auto_lock_minutes: DEFAULT_AUTO_LOCK_MINUTES,
            version: 0,
            updated_at: None,
            logo_sha256: None,
        }
    }

    pub fn is_set(&self) -> bool {
        self.version > 0
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct OrganisationInput {
    pub name: String,
    pub vat_number: Option<String>,
    pub street: Option<String>,
    pub postal_code: Option<String>,
    pub city: Option<String>,
    pub province: Option<String>,
    pub country: String,
    pub currency: String,
    pub locale: String,
    pub auto_lock_minutes: i64,
    /// The version the form was loaded at (0 for first save).
    pub version: i64,
}

/// Validated, normalised organisation fields ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidOrganisation {
    pub name: String,
    pub vat_number: Option<String>,
    pub street: Option<String>,
    pub postal_code: Option<String>,
    pub city: Option<String>,
    pub province: Option<String>,
    pub country: String,
    pub currency: String,
    pub locale: String,
    pub auto_lock_minutes: i64,
}

impl OrganisationInput {
    pub fn validate(&self) -> crate::Result<ValidOrganisation> {
        let mut c = Checks::default();
        let name = c.required("name", &self.name, 200);
        let country = clean(&self.country).to_uppercase();
        if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_uppercase()) {
            c.add(FieldError::new("country", "invalid_country"));
        }
        let vat_number = match c.optional("vat_number", &self.vat_number, 20) {
            None => None,
            // Only Italian numbers have a check we know; foreign ones are kept as typed.
            Some(v) if country == "IT" => match normalise_partita_iva(&v) {
                Some(n) => Some(n),
                None => {
                    c.add(FieldError::new("vat_number", "invalid_vat"));
                    Some(v)
                }
            },
            Some(v) => Some(v.to_uppercase()),
        };
        let street = c.optional("street", &self.street, 200);
        let postal_code = c.optional("postal_code", &self.postal_code, 12);
        if let (Some(cap), "IT") = (&postal_code, country.as_str()) {
            if cap.len() != 5 || !cap.bytes().all(|b| b.is_ascii_digit()) {
                c.add(FieldError::new("postal_code", "invalid_postal_code"));
            }
        }
        let city = c.optional("city", &self.city, 100);
        let province = c
            .optional("province", &self.province, 2)
            .map(|p| p.to_uppercase());
        if let Some(p) = &province {
            if p.len() != 2 || !p.bytes().all(|b| b.is_ascii_uppercase()) {
                c.add(FieldError::new("province", "invalid_province"));
            }
        }
        let currency = clean(&self.currency).to_uppercase();
        if !CURRENCIES.contains(&currency.as_str()) {
            c.add(FieldError::new("currency", "invalid_currency"));
        }
        let locale = clean(&self.locale).to_lowercase();
        if !LANGUAGES.contains(&locale.as_str()) {
            c.add(FieldError::new("locale", "invalid_language"));
        }
        if !AUTO_LOCK_RANGE.contains(&self.auto_lock_minutes) {
            c.add(
                FieldError::new("auto_lock_minutes", "out_of_range")
                    .with("min", AUTO_LOCK_RANGE.start())
                    .with("max", AUTO_LOCK_RANGE.end()),
            );
        }
        c.finish()?;
        Ok(ValidOrganisation {
            name,
            vat_number,
            street,
            postal_code,
            city,
            province,
            country,
            currency,
            locale,
            auto_lock_minutes: self.auto_lock_minutes,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> OrganisationInput {
        OrganisationInput {
            name: " Rossi  S.r.l. ".into(),
            vat_number: Some("IT 00488410010".into()),
            street: Some("Via Roma 1".into()),
            postal_code: Some("20121".into()),
            city: Some("Milano".into()),
            province: Some("mi".into()),
            country: "it".into(),
            currency: "eur".into(),
            locale: "it".into(),
            auto_lock_minutes: 15,
            version: 0,
        }
    }

    #[test]
    fn normalises_valid_input() {
        let v = input().validate().unwrap();
        assert_eq!(v.name, "Rossi S.r.l.");
        assert_eq!(v.vat_number.as_deref(), Some("00488410010"));
        assert_eq!(v.province.as_deref(), Some("MI"));
        assert_eq!((v.country.as_str(), v.currency.as_str()), ("IT", "EUR"));
    }

    #[test]
    fn reports_every_bad_field() {
        let mut i = input();
        i.name = "".into();
        i.vat_number = Some("00488410011".into());
        i.postal_code = Some("2012".into());
        i.currency = "XYZ".into();
        i.locale = "de".into();
        let e = i.validate().unwrap_err();
        let codes: Vec<_> = e
            .fields
            .iter()
            .map(|f| (f.field.as_str(), f.code.as_str()))
            .collect();
        assert_eq!(
            codes,
            vec![
                ("name", "required"),
                ("vat_number", "invalid_vat"),
                ("postal_code", "invalid_postal_code"),
                ("currency", "invalid_currency"),
                ("locale", "invalid_language"),
            ]
        );
    }

    #[test]
    fn foreign_vat_numbers_are_kept() {
        let mut i = input();
        i.country = "DE".into();
        i.postal_code = Some("10115".into());
        i.vat_number = Some("de123456789".into());
        assert_eq!(
            i.validate().unwrap().vat_number.as_deref(),
            Some("DE123456789")
        );
    }
}
