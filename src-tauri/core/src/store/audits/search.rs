//! Global search over audits, findings and evidence titles: every word of the text, in the
//! folded title, read with LIKE (a few tens of thousands of short titles at most).

use super::audit::Visibility;
use crate::domain::search::{HitKind, SearchHit};
use crate::domain::text::fold_key;
use crate::store::like_pattern;
use crate::store::search::{page, search_words};
use rusqlite::types::Value;
use rusqlite::Connection;

/// ` AND col LIKE ?n …` for each word, with the arguments appended to `args`.
fn words_filter(col: &str, text: &str, args: &mut Vec<Value>) -> Option<String> {
    let words: Vec<String> = search_words(text).map(fold_key).collect();
    if words.is_empty() {
        return None;
    }
    let mut sql = String::new();
    for w in words {
        args.push(Value::Text(like_pattern(&w)));
        sql.push_str(&format!(" AND {col} LIKE ?{} ESCAPE '\\'", args.len()));
    }
    Some(sql)
}

fn hit(
    kind: HitKind,
    id: i64,
    title: String,
    detail: Option<String>,
    audit_id: Option<i64>,
) -> SearchHit {
    SearchHit {
        kind,
        id,
        title,
        detail,
        document_type_id: None,
        employee_id: None,
        inactive: false,
        audit_id,
    }
}

/// Audits the person may see whose title holds every word.
pub fn audits(
    conn: &Connection,
    text: &str,
    who: Visibility,
    limit: i64,
) -> crate::Result<(Vec<SearchHit>, bool)> {
    let mut args = Vec::new();
    let Some(words) = words_filter("a.title_key", text, &mut args) else {
        return Ok((Vec::new(), false));
    };
    let mut sql = format!("SELECT a.id, a.title, a.planned_start FROM audits a WHERE 1=1{words}");
    if let Some((cond, v)) = who.condition() {
        args.push(Value::Integer(v));
        sql.push_str(&format!(
            " AND {}",
            cond.replace("?V", &format!("?{}", args.len()))
        ));
    }
    args.push(Value::Integer(limit + 1));
    sql.push_str(&format!(
        " ORDER BY a.planned_start DESC, a.id DESC LIMIT ?{}",
        args.len()
    ));
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(args.iter()), |r| {
        let id: i64 = r.get(0)?;
        Ok(hit(HitKind::Audit, id, r.get(1)?, r.get(2)?, Some(id)))
    })?;
    page(rows, limit)
}

/// Findings whose title holds every word, with their audit.
pub fn findings(
    conn: &Connection,
    text: &str,
    limit: i64,
) -> crate::Result<(Vec<SearchHit>, bool)> {
    let mut args = Vec::new();
    let Some(words) = words_filter("f.title_key", text, &mut args) else {
        return Ok((Vec::new(), false));
    };
    args.push(Value::Integer(limit + 1));
    let sql = format!(
        "SELECT f.id, f.title, a.title, f.audit_id FROM findings f JOIN audits a ON a.id = f.audit_id
         WHERE 1=1{words} ORDER BY f.id DESC LIMIT ?{}",
        args.len()
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(args.iter()), |r| {
        Ok(hit(
            HitKind::Finding,
            r.get(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
        ))
    })?;
    page(rows, limit)
}

/// Evidence whose title holds every word, with the latest audit it supports.
pub fn evidence(
    conn: &Connection,
    text: &str,
    limit: i64,
) -> crate::Result<(Vec<SearchHit>, bool)> {
    let mut args = Vec::new();
    let Some(words) = words_filter("e.title_key", text, &mut args) else {
        return Ok((Vec::new(), false));
    };
    args.push(Value::Integer(limit + 1));
    let sql = format!(
        "SELECT e.id, e.title,
                (SELECT a.title FROM audit_evidence l JOIN audit_results r ON r.id = l.result_id
                   JOIN audits a ON a.id = r.audit_id WHERE l.evidence_id = e.id
                   ORDER BY a.planned_start DESC LIMIT 1),
                (SELECT r.audit_id FROM audit_evidence l JOIN audit_results r ON r.id = l.result_id
                   JOIN audits a ON a.id = r.audit_id WHERE l.evidence_id = e.id
                   ORDER BY a.planned_start DESC LIMIT 1)
         FROM evidence e WHERE 1=1{words} ORDER BY e.title_key, e.id LIMIT ?{}",
        args.len()
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(args.iter()), |r| {
        Ok(hit(
            HitKind::Evidence,
            r.get(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
        ))
    })?;
    page(rows, limit)
}
