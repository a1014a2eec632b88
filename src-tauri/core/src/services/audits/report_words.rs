//! The audit report's words in Italian and English, kept together so a translation is checked
//! in one place and the report's code holds no sentences.

use crate::domain::audits::audit::AuditStatus;
use crate::domain::audits::finding::{ActionStatus, FindingStatus, Severity};
use crate::domain::audits::result::Outcome;
use crate::report::Lang;
use chrono::NaiveDate;

pub(crate) struct Words {
    pub lang: Lang,
    pub report: &'static str,
    pub organisation: &'static str,
    pub checklist: &'static str,
    pub version: &'static str,
    pub departments: &'static str,
    pub auditees: &'static str,
    pub assets: &'static str,
    pub suppliers: &'static str,
    pub scope_note: &'static str,
    pub planned: &'static str,
    pub actual: &'static str,
    pub lead: &'static str,
    pub status: &'static str,
    pub summary: &'static str,
    pub overall: &'static str,
    pub assessed: &'static str,
    pub not_assessed: &'static str,
    pub formula: &'static str,
    pub trend: &'static str,
    pub results: &'static str,
    pub section_score: &'static str,
    pub code: &'static str,
    pub requirement: &'static str,
    pub outcome: &'static str,
    pub notes: &'static str,
    pub evidence: &'static str,
    pub findings: &'static str,
    pub no_findings: &'static str,
    pub severity: &'static str,
    pub item: &'static str,
    pub description: &'static str,
    pub root_cause: &'static str,
    pub actions: &'static str,
    pub no_actions: &'static str,
    pub action: &'static str,
    pub owner: &'static str,
    pub due: &'static str,
    pub done: &'static str,
    pub verified: &'static str,
    pub effectiveness: &'static str,
    pub evidence_list: &'static str,
    pub no_evidence: &'static str,
    pub title_file_hash: &'static str,
    pub effective: &'static str,
    pub expires: &'static str,
    pub sign_off: &'static str,
    pub auditee_head: &'static str,
    pub none: &'static str,
}

pub(crate) const IT: Words = Words {
    lang: Lang::It,
    report: "Rapporto di audit",
    organisation: "Organizzazione",
    checklist: "Checklist",
    version: "versione",
    departments: "Reparti",
    auditees: "Persone verificate",
    assets: "Beni e apparati",
    suppliers: "Fornitori",
    scope_note: "Ambito",
    planned: "Date previste",
    actual: "Date effettive",
    lead: "Responsabile dell'audit",
    status: "Stato",
    summary: "Sintesi",
    overall: "Punteggio complessivo",
    assessed: "Requisiti valutati",
    not_assessed: "Non ancora valutati",
    formula: "Il punteggio è il peso ottenuto sul peso considerato: conforme e osservazione \
              valgono il 100 % del peso del requisito, non conformità minore il 50 %, maggiore \
              lo 0 %; i requisiti non applicabili o non ancora valutati non contano.",
    trend: "Andamento del punteggio nelle edizioni dell'audit (%)",
    results: "Risultati per sezione",
    section_score: "Punteggio della sezione",
    code: "Codice",
    requirement: "Requisito",
    outcome: "Esito",
    notes: "Note / motivo N.A.",
    evidence: "Evidenze",
    findings: "Rilievi e azioni correttive",
    no_findings: "Nessun rilievo.",
    severity: "Gravità",
    item: "Requisito",
    description: "Descrizione",
    root_cause: "Causa",
    actions: "Azioni",
    no_actions: "Nessuna azione.",
    action: "Azione",
    owner: "Responsabile",
    due: "Scadenza",
    done: "Eseguita",
    verified: "Verificata",
    effectiveness: "Efficacia",
    evidence_list: "Elenco delle evidenze",
    no_evidence: "Nessuna evidenza collegata.",
    title_file_hash: "Evidenza, file e SHA-256",
    effective: "Valida dal",
    expires: "Scade il",
    sign_off: "Firme",
    auditee_head: "Verificato / responsabile di reparto",
    none: "—",
};

pub(crate) const EN: Words = Words {
    lang: Lang::En,
    report: "Audit report",
    organisation: "Organisation",
    checklist: "Checklist",
    version: "version",
    departments: "Departments",
    auditees: "Auditees",
    assets: "Assets",
    suppliers: "Suppliers",
    scope_note: "Scope",
    planned: "Planned dates",
    actual: "Actual dates",
    lead: "Lead auditor",
    status: "Status",
    summary: "Summary",
    overall: "Overall score",
    assessed: "Requirements assessed",
    not_assessed: "Not assessed yet",
    formula: "The score is the weight earned over the weight counted: compliant and \
              observation earn 100% of a requirement's weight, a minor non-conformity 50%, a \
              major one 0%; requirements not applicable or not assessed yet do not count.",
    trend: "Score across the audit's occurrences (%)",
    results: "Results by section",
    section_score: "Section score",
    code: "Code",
    requirement: "Requirement",
    outcome: "Outcome",
    notes: "Notes / N/A reason",
    evidence: "Evidence",
    findings: "Findings and corrective actions",
    no_findings: "No findings.",
    severity: "Severity",
    item: "Requirement",
    description: "Description",
    root_cause: "Root cause",
    actions: "Actions",
    no_actions: "No actions.",
    action: "Action",
    owner: "Owner",
    due: "Due",
    done: "Done",
    verified: "Verified",
    effectiveness: "Effectiveness",
    evidence_list: "Evidence list",
    no_evidence: "No evidence linked.",
    title_file_hash: "Evidence, file and SHA-256",
    effective: "Effective",
    expires: "Expires",
    sign_off: "Sign-off",
    auditee_head: "Auditee / department head",
    none: "—",
};

impl Words {
    pub fn of(language: &str) -> &'static Words {
        if language.trim().eq_ignore_ascii_case("en") {
            &EN
        } else {
            &IT
        }
    }

    pub fn code(&self) -> &'static str {
        match self.lang {
            Lang::It => "it",
            Lang::En => "en",
        }
    }

    pub fn date(&self, d: NaiveDate) -> String {
        d.format("%d/%m/%Y").to_string()
    }

    pub fn opt_date(&self, d: Option<NaiveDate>) -> String {
        d.map_or_else(|| self.none.to_owned(), |d| self.date(d))
    }

    /// A score in basis points as a percentage with one decimal: "87,5 %" or "87.5%".
    pub fn score(&self, basis_points: Option<i64>) -> String {
        let Some(bp) = basis_points else {
            return self.none.to_owned();
        };
        // Rounded half up to tenths of a percent.
        let tenths = (bp + 5).div_euclid(10);
        let (whole, tenth) = (tenths.div_euclid(10), tenths.rem_euclid(10));
        match self.lang {
            Lang::It => format!("{whole},{tenth} %"),
            Lang::En => format!("{whole}.{tenth}%"),
        }
    }

    pub fn status(&self, s: AuditStatus) -> &'static str {
        let it = self.lang == Lang::It;
        match s {
            AuditStatus::Planned => pick(it, "Pianificato", "Planned"),
            AuditStatus::InProgress => pick(it, "In corso", "In progress"),
            AuditStatus::InReview => pick(it, "In revisione", "In review"),
            AuditStatus::Closed => pick(it, "Chiuso", "Closed"),
        }
    }

    pub fn outcome(&self, o: Option<Outcome>) -> &'static str {
        let it = self.lang == Lang::It;
        match o {
            None => pick(it, "Non valutato", "Not assessed"),
            Some(Outcome::Compliant) => pick(it, "Conforme", "Compliant"),
            Some(Outcome::Minor) => pick(it, "NC minore", "Minor NC"),
            Some(Outcome::Major) => pick(it, "NC maggiore", "Major NC"),
            Some(Outcome::Observation) => pick(it, "Osservazione", "Observation"),
            Some(Outcome::NotApplicable) => pick(it, "Non applicabile", "Not applicable"),
        }
    }

    pub fn severity(&self, s: Severity) -> &'static str {
        let it = self.lang == Lang::It;
        match s {
            Severity::Major => pick(it, "Maggiore", "Major"),
            Severity::Minor => pick(it, "Minore", "Minor"),
            Severity::Observation => pick(it, "Osservazione", "Observation"),
        }
    }

    pub fn finding_status(&self, s: FindingStatus) -> &'static str {
        let it = self.lang == Lang::It;
        match s {
            FindingStatus::Open => pick(it, "Aperto", "Open"),
            FindingStatus::Closed => pick(it, "Chiuso", "Closed"),
        }
    }

    pub fn action_status(&self, s: ActionStatus) -> &'static str {
        let it = self.lang == Lang::It;
        match s {
            ActionStatus::Open => pick(it, "Aperta", "Open"),
            ActionStatus::Done => pick(it, "Eseguita", "Done"),
            ActionStatus::Verified => pick(it, "Verificata", "Verified"),
        }
    }
}

fn pick(it: bool, italian: &'static str, english: &'static str) -> &'static str {
    if it {
        italian
    } else {
        english
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_read_as_each_language_writes_them() {
        assert_eq!(IT.score(Some(8750)), "87,5 %");
        assert_eq!(EN.score(Some(8750)), "87.5%");
        assert_eq!(IT.score(Some(10000)), "100,0 %");
        assert_eq!(EN.score(Some(6667)), "66.7%");
        assert_eq!(EN.score(None), "—");
    }
}
