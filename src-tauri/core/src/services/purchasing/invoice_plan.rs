//! What an import of FatturaPA files would do, worked out from the files read and three
//! batched look-ups (suppliers by VAT number, stored invoices by supplier, number and date,
//! our orders by number), whatever the number of files. The preview shows it; the confirm
//! works it out again inside its transaction and follows it.

use crate::domain::purchasing::invoice::duplicate_key;
use crate::domain::purchasing::invoice_from_file::order_number_key;
use crate::domain::purchasing::invoice_import::{
    signature_state, supplier_input, supplier_match, vat_key, FilePreview, InvoiceImportChoices,
    InvoiceImportPreview, InvoicePreview, InvoiceVerdict, SupplierMatch, SupplierOffer,
};
use crate::import::fatturapa::{Problem, ReadFile, ReadInvoice};
use crate::store::purchasing::invoice_list;
use chrono::NaiveDate;
use rusqlite::Connection;
use std::collections::{HashMap, HashSet};

/// One chosen file: its name, its bytes as received and what the reader made of them.
pub struct BatchFile {
    pub name: String,
    pub bytes: Vec<u8>,
    pub read: Result<ReadFile, Problem>,
}

pub struct Batch {
    pub files: Vec<BatchFile>,
}

/// What becomes of one invoice on confirm.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    Supplier(i64, String),
    /// Its supplier is created from the invoice (the offer named by this VAT key).
    ToCreate(String),
    /// No supplier: skipped.
    None,
    Duplicate,
    DuplicateInBatch,
}

pub struct Item {
    pub file_index: usize,
    pub body_index: i64,
    pub resolved: Resolved,
}

pub struct Plan {
    pub preview: InvoiceImportPreview,
    pub items: Vec<Item>,
    /// Our orders the invoices name, by upper-cased number.
    pub orders: HashMap<String, (i64, String)>,
}

impl Plan {
    pub fn item(&self, file_index: usize, body_index: i64) -> Option<&Item> {
        self.items
            .iter()
            .find(|i| i.file_index == file_index && i.body_index == body_index)
    }
}

/// Works out the batch against the store as `c` sees it, with the person's `choices` (none
/// for the preview: then an unknown supplier counts as to be created, the default offer).
pub fn plan(c: &Connection, batch: &Batch, choices: &InvoiceImportChoices) -> crate::Result<Plan> {
    let read: Vec<(usize, &ReadFile)> = batch
        .files
        .iter()
        .enumerate()
        .filter_map(|(i, f)| f.read.as_ref().ok().map(|r| (i, r)))
        .collect();
    let orders = our_orders(c, &read)?;
    let matches = resolve(c, &read, choices)?;
    let stored_keys: Vec<(i64, String, NaiveDate)> = matches
        .iter()
        .filter_map(|(_, inv, _, r)| match r {
            Resolved::Supplier(id, _) => Some(duplicate_key(*id, &inv.number, inv.date)),
            _ => None,
        })
        .collect();
    let stored = invoice_list::existing(c, &stored_keys)?;
    let mut seen: HashSet<(String, String, NaiveDate)> = HashSet::new();
    let mut files = file_previews(batch);
    let mut items = Vec::new();
    let mut offers: Vec<SupplierOffer> = Vec::new();
    let mut ready = 0;
    for (fi, inv, m, mut resolved) in matches {
        // Within the batch an invoice is known by its supplier's id, or VAT number if new.
        let who = match &resolved {
            Resolved::Supplier(id, _) => format!("id:{id}"),
            _ => format!("vat:{}", vat_key(&inv.supplier).unwrap_or_default()),
        };
        let (_, number, date) = duplicate_key(0, &inv.number, inv.date);
        let mut duplicate_of = None;
        let mut verdict = match &resolved {
            Resolved::Supplier(..) => InvoiceVerdict::Ready,
            _ => InvoiceVerdict::NeedsSupplier,
        };
        if let Resolved::Supplier(id, _) = &resolved {
            if let Some(existing) = stored.get(&duplicate_key(*id, &inv.number, inv.date)) {
                duplicate_of = Some(*existing);
                verdict = InvoiceVerdict::Duplicate;
                resolved = Resolved::Duplicate;
            }
        }
        if duplicate_of.is_none() && !seen.insert((who, number, date)) {
            verdict = InvoiceVerdict::DuplicateInBatch;
            resolved = Resolved::DuplicateInBatch;
        }
        if let (SupplierMatch::Unknown { vat_key }, Resolved::ToCreate(_)) = (&m, &resolved) {
            if !offers.iter().any(|o| &o.vat_key == vat_key) {
                let input = supplier_input(&inv.supplier);
                let problem = input.validate().err().map(|e| e.message);
                offers.push(SupplierOffer {
                    vat_key: vat_key.clone(),
                    input,
                    problem,
                });
            }
        }
        if matches!(resolved, Resolved::Supplier(..) | Resolved::ToCreate(_)) {
            ready += 1;
        }
        files[fi].invoices.push(InvoicePreview {
            body_index: inv.body_index,
            number: inv.number.clone(),
            date: inv.date,
            document_type: inv.document_type.code().to_owned(),
            currency: inv.currency.clone(),
            total_cents: inv.total_cents.unwrap_or_else(|| {
                inv.vat_summary
                    .iter()
                    .map(|r| r.taxable_cents + r.tax_cents)
                    .sum()
            }),
            supplier_name: inv.supplier.name.clone(),
            supplier_vat: vat_key(&inv.supplier),
            supplier: m,
            verdict,
            duplicate_of,
            line_count: i64::try_from(inv.lines.len()).unwrap_or(i64::MAX),
            order_refs: inv
                .order_refs
                .iter()
                .map(|o| o.document_id.clone())
                .collect(),
            warnings: inv.warnings.clone(),
        });
        items.push(Item {
            file_index: fi,
            body_index: inv.body_index,
            resolved,
        });
    }
    Ok(Plan {
        preview: InvoiceImportPreview {
            files,
            new_suppliers: offers,
            ready,
        },
        items,
        orders,
    })
}

/// The names of the suppliers invoices were assigned to (an unknown id assigns nothing).
fn assigned_suppliers(
    c: &Connection,
    assigned: &HashMap<(i64, i64), i64>,
) -> crate::Result<HashMap<i64, String>> {
    let mut out = HashMap::new();
    for id in assigned.values() {
        if out.contains_key(id) {
            continue;
        }
        if let Some(s) = crate::store::purchasing::suppliers::get(c, *id)? {
            out.insert(*id, s.name);
        }
    }
    Ok(out)
}

/// Our orders the invoices name, by upper-cased number: one look-up.
fn our_orders(
    c: &Connection,
    read: &[(usize, &ReadFile)],
) -> crate::Result<HashMap<String, (i64, String)>> {
    let mut numbers: Vec<String> = read
        .iter()
        .flat_map(|(_, r)| r.invoices.iter())
        .flat_map(|i| {
            i.order_refs
                .iter()
                .map(|o| order_number_key(&o.document_id))
        })
        .collect();
    numbers.sort_unstable();
    numbers.dedup();
    invoice_list::orders_by_number(c, &numbers)
}

/// One entry per file, its invoices still to add.
fn file_previews(batch: &Batch) -> Vec<FilePreview> {
    batch
        .files
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let (signature, signer) = match &f.read {
                Ok(r) => {
                    let (s, who) = signature_state(&r.signature);
                    (Some(s), who)
                }
                Err(_) => (None, None),
            };
            FilePreview {
                file_index: i64::try_from(i).unwrap_or(i64::MAX),
                file_name: f.name.clone(),
                sha256: f.read.as_ref().ok().map(|r| r.sha256.clone()),
                problem: f.read.as_ref().err().cloned(),
                signature,
                signer,
                invoices: Vec::new(),
            }
        })
        .collect()
}

/// An invoice of the batch with its supplier as found and as it will be resolved.
type Matched<'a> = (usize, &'a ReadInvoice, SupplierMatch, Resolved);

/// Each invoice's supplier: ours by VAT number (one look-up), assigned by hand, to create, or
/// none.
fn resolve<'a>(
    c: &Connection,
    read: &[(usize, &'a ReadFile)],
    choices: &InvoiceImportChoices,
) -> crate::Result<Vec<Matched<'a>>> {
    let mut keys: Vec<String> = read
        .iter()
        .flat_map(|(_, r)| r.invoices.iter().filter_map(|i| vat_key(&i.supplier)))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    let known = invoice_list::suppliers_by_vat(c, &keys)?;
    let assigned: HashMap<(i64, i64), i64> = choices
        .assign
        .iter()
        .map(|a| ((a.key.file_index, a.key.body_index), a.supplier_id))
        .collect();
    let assigned_names = assigned_suppliers(c, &assigned)?;
    // The supplier of each invoice first, so the stored duplicates are one look-up.
    let mut matches = Vec::new();
    for (fi, r) in read {
        for inv in &r.invoices {
            let key = vat_key(&inv.supplier);
            let found = key.as_ref().and_then(|k| known.get(k)).cloned();
            let m = supplier_match(&inv.supplier, found);
            let fi64 = i64::try_from(*fi).unwrap_or(i64::MAX);
            let resolved = match (&m, assigned.get(&(fi64, inv.body_index))) {
                (_, Some(id)) => assigned_names
                    .get(id)
                    .map_or(Resolved::None, |n| Resolved::Supplier(*id, n.clone())),
                (SupplierMatch::Known { id, name }, None) => Resolved::Supplier(*id, name.clone()),
                (SupplierMatch::Unknown { vat_key }, None) => Resolved::ToCreate(vat_key.clone()),
                _ => Resolved::None,
            };
            matches.push((*fi, inv, m, resolved));
        }
    }
    Ok(matches)
}
