//! Importing Snipe-IT's users export. Our people are staff files, which need a tax code and a
//! hire date Snipe-IT does not have, so this import creates no employee: it matches each user
//! to one employee (by employee number, else e-mail, else "first last" or "last first") and
//! remembers the user's Snipe-IT username for them (`person_aliases`), so that an asset file's
//! `Checked Out To: Username` finds the person later.
//!
//! Snipe-IT's Department, Location, Manager, Job Title, Phone, Company, Notes and Activated
//! columns are not fields: the staff file is where they live, and a second source for them
//! would only disagree with it. Natural key: the username (folded). A username already given to
//! another employee moves to the one this row matches.

use crate::domain::permissions::Area;
use crate::domain::text::fold_key;
use crate::error::Error;
use crate::import::{param, Begun, Cells, Change, Field, ImportOption, Importer, Input};
use crate::import::{Problems, Progress, RowChecker, RowWriter, SeenKeys};
use crate::store::assets::checkouts;
use crate::store::assets::person_aliases::{self, SNIPE_IT};
use crate::store::WriteTx;
use rusqlite::Connection;
use serde::Deserialize;
use std::collections::HashMap;

/// The Snipe-IT users import.
pub struct ItUserImport;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct ItUserImportOptions {
    /// A user who matches no employee is a warning and is left out, instead of failing the row.
    pub skip_non_employees: bool,
}

/// Snipe-IT writes `First Name`, `Last Name`, `Username`, `Email`, `Employee Number` (or
/// `Employee No.`), then the columns the module comment leaves out.
pub const IT_USER_FIELDS: &[Field] = &[
    Field::new(
        "username",
        "Nome utente",
        "Username",
        &["Utente", "User name", "Login", "Account"],
    )
    .required(),
    Field::new("first_name", "Nome", "First name", &["Given name"]),
    Field::new(
        "last_name",
        "Cognome",
        "Last name",
        &["Surname", "Family name"],
    ),
    Field::new(
        "email",
        "E-mail",
        "Email",
        &[
            "Email address",
            "Indirizzo e-mail",
            "Posta elettronica",
            "Mail",
        ],
    ),
    Field::new(
        "employee_number",
        "Matricola",
        "Employee number",
        &[
            "Employee No.",
            "Employee no",
            "Employee num",
            "Numero dipendente",
            "N. matricola",
        ],
    ),
];

const OPTIONS: &[ImportOption] = &[ImportOption {
    key: "skip_non_employees",
    it: "Salta gli utenti che non sono tra i dipendenti",
    en: "Skip users who are not employees",
    default: false,
}];

/// Employees by number, e-mail and both orders of their name (folded), and the usernames on file.
pub struct UserPrep {
    numbers: HashMap<String, Vec<i64>>,
    emails: HashMap<String, Vec<i64>>,
    names: HashMap<String, Vec<i64>>,
    /// Username key → (alias id, employee).
    aliases: HashMap<String, (i64, i64)>,
}

fn push(map: &mut HashMap<String, Vec<i64>>, key: String, id: i64) {
    if key.is_empty() {
        return;
    }
    let list = map.entry(key).or_default();
    if !list.contains(&id) {
        list.push(id);
    }
}

fn prep(conn: &Connection) -> crate::Result<UserPrep> {
    let (mut numbers, mut emails, mut names) = Default::default();
    for p in checkouts::holder_names(conn)? {
        if let Some(n) = &p.employee_number {
            push(&mut numbers, fold_key(n), p.id);
        }
        if let Some(e) = &p.email {
            push(&mut emails, fold_key(e), p.id);
        }
        let (first, last) = (&p.first_name, &p.last_name);
        push(&mut names, fold_key(&format!("{first} {last}")), p.id);
        push(&mut names, fold_key(&format!("{last} {first}")), p.id);
    }
    let aliases = person_aliases::all(conn)?
        .into_iter()
        .filter(|a| a.source == SNIPE_IT)
        .map(|a| (fold_key(&a.alias), (a.id, a.employee_id)))
        .collect();
    Ok(UserPrep {
        numbers,
        emails,
        names,
        aliases,
    })
}

impl UserPrep {
    /// The employees the row names: the first of number, e-mail, name that it gives and that
    /// finds anyone.
    fn matches(&self, cells: &Cells<'_>) -> &[i64] {
        let name = match (cells.get("first_name"), cells.get("last_name")) {
            (None, None) => None,
            (f, l) => Some(fold_key(&format!(
                "{} {}",
                f.unwrap_or(""),
                l.unwrap_or("")
            ))),
        };
        let tries = [
            cells
                .get("employee_number")
                .map(|v| (&self.numbers, fold_key(v))),
            cells.get("email").map(|v| (&self.emails, fold_key(v))),
            name.map(|k| (&self.names, k)),
        ];
        tries
            .into_iter()
            .flatten()
            .find_map(|(map, key)| map.get(&key).map(Vec::as_slice))
            .unwrap_or(&[])
    }
}

/// A username to give to an employee; `alias` is the row on file it updates.
pub struct UserRow {
    alias: Option<i64>,
    employee: i64,
    username: String,
}

struct UserChecker<'a> {
    input: Input<'a, ItUserImportOptions>,
    prep: &'a UserPrep,
    seen: SeenKeys,
}

impl RowChecker<UserRow> for UserChecker<'_> {
    fn check(
        &mut self,
        cells: &Cells<'_>,
        p: &mut Problems<'_>,
    ) -> crate::Result<Option<(Change, UserRow)>> {
        let Some(username) = cells.get("username") else {
            p.add("username", "required", Default::default());
            return Ok(None);
        };
        if username.chars().count() > 200 {
            p.add("username", "too_long", param("max", 200));
            return Ok(None);
        }
        let key = fold_key(username);
        self.seen.first(key.clone(), "username", p);
        let employee = match self.prep.matches(cells) {
            [one] => *one,
            [] if self.input.options.skip_non_employees => {
                p.warn("username", "user_not_employee", param("value", username));
                let skipped = UserRow {
                    alias: None,
                    employee: 0,
                    username: username.to_owned(),
                };
                return Ok(Some((Change::Unchanged, skipped)));
            }
            [] => {
                p.bad_value("username", "user_not_employee", username);
                return Ok(None);
            }
            _ => {
                p.bad_value("username", "ambiguous_employee", username);
                return Ok(None);
            }
        };
        let on_file = self.prep.aliases.get(&key).copied();
        let change = match on_file {
            None => Change::Create,
            Some((_, e)) if e == employee => Change::Unchanged,
            Some(_) => Change::Update,
        };
        Ok(Some((
            change,
            UserRow {
                alias: on_file.map(|(id, _)| id),
                employee,
                username: username.to_owned(),
            },
        )))
    }
}

struct UserWriter<'w, 'c> {
    w: &'w WriteTx<'c>,
}

impl RowWriter<UserRow> for UserWriter<'_, '_> {
    fn write(
        &mut self,
        change: Change,
        row: UserRow,
        progress: &mut Progress,
    ) -> crate::Result<()> {
        if change == Change::Update && row.alias.is_none() {
            return Err(Error::internal("users import: an update without its alias"));
        }
        person_aliases::save(self.w, row.alias, row.employee, SNIPE_IT, &row.username)?;
        progress.step()
    }

    fn finish(self: Box<Self>, _: &mut Progress) -> crate::Result<()> {
        Ok(())
    }
}

impl Importer for ItUserImport {
    type Options = ItUserImportOptions;
    type Prep = UserPrep;
    type Row = UserRow;

    fn area(&self) -> Area {
        Area::Assets
    }

    fn fields(&self) -> &'static [Field] {
        IT_USER_FIELDS
    }

    fn options(&self) -> &'static [ImportOption] {
        OPTIONS
    }

    fn known(&self, conn: &Connection, _: Input<'_, Self::Options>) -> crate::Result<UserPrep> {
        prep(conn)
    }

    fn checker<'a>(
        &'a self,
        _: &'a Connection,
        input: Input<'a, Self::Options>,
        prep: &'a UserPrep,
    ) -> crate::Result<Box<dyn RowChecker<UserRow> + 'a>> {
        Ok(Box::new(UserChecker {
            input,
            prep,
            seen: SeenKeys::with_capacity(input.table.rows.len()),
        }))
    }

    fn begin<'a>(
        &'a self,
        w: &'a WriteTx<'_>,
        _: Input<'a, Self::Options>,
    ) -> crate::Result<Begun<'a, UserPrep, UserRow>> {
        Ok(Begun {
            prep: prep(w.conn())?,
            writer: Box::new(UserWriter { w }),
            references: Vec::new(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::headers::ambiguous_titles;

    #[test]
    fn no_title_names_two_fields_and_options_read() {
        assert_eq!(ambiguous_titles(IT_USER_FIELDS), []);
        let o: ItUserImportOptions =
            serde_json::from_value(serde_json::json!({ OPTIONS[0].key: true })).unwrap();
        assert!(o.skip_non_employees);
    }
}
