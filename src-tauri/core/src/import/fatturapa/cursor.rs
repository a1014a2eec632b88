//! Walking the element tree with the path of where we are, so every problem names its element
//! (`FatturaElettronicaBody[2]/DatiBeniServizi/DettaglioLinee[3]/PrezzoTotale`).

use super::amount::{self, Decimal};
use super::problem::{Problem, ProblemCode};
use super::xml::Node;
use chrono::NaiveDate;

/// Texts are cut here: the longest FatturaPA string (`Descrizione`) allows 1000 characters.
const MAX_TEXT: usize = 2000;

#[derive(Clone, Copy)]
pub struct At<'a> {
    pub node: &'a Node,
    path: &'a str,
}

/// An element with its owned path.
pub struct Found<'a> {
    pub node: &'a Node,
    pub path: String,
}

impl<'a> Found<'a> {
    pub fn at(&self) -> At<'_> {
        At {
            node: self.node,
            path: &self.path,
        }
    }
}

impl<'a> At<'a> {
    pub fn new(node: &'a Node, path: &'a str) -> Self {
        Self { node, path }
    }

    pub fn path(&self) -> &str {
        self.path
    }

    pub fn path_of(&self, name: &str) -> String {
        if self.path.is_empty() {
            name.to_owned()
        } else {
            format!("{}/{name}", self.path)
        }
    }

    pub fn child(&self, name: &str) -> Option<Found<'a>> {
        self.node.child(name).map(|node| Found {
            node,
            path: self.path_of(name),
        })
    }

    pub fn req(&self, name: &str) -> Result<Found<'a>, Problem> {
        self.child(name).ok_or_else(|| self.missing(name))
    }

    /// Every child `name`, numbered from 1 in its path.
    pub fn all(&self, name: &str) -> Vec<Found<'a>> {
        self.node
            .children
            .iter()
            .filter(|c| c.name == name)
            .enumerate()
            .map(|(i, node)| Found {
                node,
                path: self.path_of(&format!("{name}[{}]", i + 1)),
            })
            .collect()
    }

    pub fn missing(&self, name: &str) -> Problem {
        Problem::new(ProblemCode::Missing, self.path_of(name)).with("element", name)
    }

    pub fn text(&self, name: &str) -> Option<String> {
        self.node
            .text_of(name)
            .map(|t| match t.char_indices().nth(MAX_TEXT) {
                Some((i, _)) => t[..i].to_owned(),
                None => t.to_owned(),
            })
    }

    pub fn req_text(&self, name: &str) -> Result<String, Problem> {
        self.text(name).ok_or_else(|| self.missing(name))
    }

    pub fn cents(&self, name: &str) -> Result<Option<i64>, Problem> {
        self.node
            .text_of(name)
            .map(|t| amount::cents(t, &self.path_of(name)))
            .transpose()
    }

    pub fn req_cents(&self, name: &str) -> Result<i64, Problem> {
        self.cents(name)?.ok_or_else(|| self.missing(name))
    }

    pub fn decimal(&self, name: &str) -> Result<Option<Decimal>, Problem> {
        self.node
            .text_of(name)
            .map(|t| amount::decimal(t, &self.path_of(name)))
            .transpose()
    }

    pub fn req_decimal(&self, name: &str) -> Result<Decimal, Problem> {
        self.decimal(name)?.ok_or_else(|| self.missing(name))
    }

    pub fn basis_points(&self, name: &str) -> Result<Option<i64>, Problem> {
        self.node
            .text_of(name)
            .map(|t| amount::basis_points(t, &self.path_of(name)))
            .transpose()
    }

    pub fn req_basis_points(&self, name: &str) -> Result<i64, Problem> {
        self.basis_points(name)?.ok_or_else(|| self.missing(name))
    }

    pub fn date(&self, name: &str) -> Result<Option<NaiveDate>, Problem> {
        self.node
            .text_of(name)
            .map(|t| amount::date(t, &self.path_of(name)))
            .transpose()
    }

    pub fn req_date(&self, name: &str) -> Result<NaiveDate, Problem> {
        self.date(name)?.ok_or_else(|| self.missing(name))
    }

    /// A whole number (`NumeroLinea`, `RiferimentoNumeroLinea`).
    pub fn integer(&self, name: &str) -> Result<Option<i64>, Problem> {
        self.node
            .text_of(name)
            .map(|t| {
                t.parse::<i64>()
                    .ok()
                    .filter(|n| *n >= 0 && t.bytes().all(|b| b.is_ascii_digit()))
                    .ok_or_else(|| {
                        Problem::new(ProblemCode::BadAmount, self.path_of(name))
                            .with("value", t.chars().take(40).collect::<String>())
                            .with("decimals", "0")
                    })
            })
            .transpose()
    }
}
