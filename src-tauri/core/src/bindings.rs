//! The TypeScript bindings of every type that crosses to the UI.
//!
//! `ui/src/bindings/` is generated from this list and committed; a test fails when the committed
//! files drift from the Rust types. Regenerate with `UPDATE_BINDINGS=1 cargo test -p backoffice-core bindings`.

use std::path::Path;
use ts_rs::{Config, ExportError, TS};

mod purchasing;

/// Writes every binding file into `dir`.
pub fn export_all(dir: &Path) -> Result<(), ExportError> {
    use crate::domain::{
        department as d, history as h, organisation as o, page as p, permissions as r, search as s,
        users as u,
    };
    use crate::import::{field as impf, report as imp};
    // Integers cross as JS numbers: ids and money minor units stay far below 2^53.
    let cfg = Config::new().with_large_int("number").with_out_dir(dir);
    crate::error::Error::export_all(&cfg)?;
    std::fs::write(dir.join("tables.ts"), crate::store::tracked::typescript())?;
    std::fs::write(
        dir.join("fieldNames.ts"),
        crate::services::field_names::typescript(),
    )?;
    o::Organisation::export_all(&cfg)?;
    o::OrganisationInput::export_all(&cfg)?;
    d::Department::export_all(&cfg)?;
    d::DepartmentInput::export_all(&cfg)?;
    d::DepartmentQuery::export_all(&cfg)?;
    p::Page::<d::Department>::export_all(&cfg)?;
    h::Change::export_all(&cfg)?;
    h::HistoryQuery::export_all(&cfg)?;
    h::HistoryPage::export_all(&cfg)?;
    h::VerifyReport::export_all(&cfg)?;
    crate::services::Home::export_all(&cfg)?;
    crate::domain::attention::Attention::export_all(&cfg)?;
    crate::services::Preferences::export_all(&cfg)?;
    crate::services::Startup::export_all(&cfg)?;
    crate::services::EncryptionStatus::export_all(&cfg)?;
    crate::services::EncryptionStarted::export_all(&cfg)?;
    crate::jobs::JobStatus::export_all(&cfg)?;
    // Backups.
    crate::backup::settings::BackupSettings::export_all(&cfg)?;
    crate::backup::settings::BackupHealth::export_all(&cfg)?;
    crate::backup::sets::BackupSet::export_all(&cfg)?;
    crate::services::RestoreProof::export_all(&cfg)?;
    // Imports, for every area.
    crate::import::BadFileReason::export_all(&cfg)?;
    crate::services::ImportArea::export_all(&cfg)?;
    impf::FieldKind::export_all(&cfg)?;
    imp::Label::export_all(&cfg)?;
    imp::ImportSource::export_all(&cfg)?;
    imp::ImportField::export_all(&cfg)?;
    imp::OptionSpec::export_all(&cfg)?;
    imp::ImportPreview::export_all(&cfg)?;
    imp::RowError::export_all(&cfg)?;
    imp::UnknownValues::export_all(&cfg)?;
    imp::ImportReport::export_all(&cfg)?;
    imp::CreatedReferences::export_all(&cfg)?;
    imp::ImportOutcome::export_all(&cfg)?;
    h::HistoryHead::export_all(&cfg)?;
    u::User::export_all(&cfg)?;
    u::NewUserInput::export_all(&cfg)?;
    u::UserUpdateInput::export_all(&cfg)?;
    u::SessionInfo::export_all(&cfg)?;
    u::SetupInput::export_all(&cfg)?;
    r::Role::export_all(&cfg)?;
    r::Area::export_all(&cfg)?;
    r::Action::export_all(&cfg)?;
    r::Grant::export_all(&cfg)?;
    export_staff(&cfg)?;
    export_audits(&cfg)?;
    export_assets(&cfg)?;
    export_maintenance(&cfg)?;
    export_licences(&cfg)?;
    purchasing::export_rules(&cfg)?;
    purchasing::export_suppliers(&cfg)?;
    purchasing::export_price_lists(&cfg)?;
    // Requisitions and requests for quotation.
    purchasing::export_requisitions(&cfg)?;
    export_fatturapa(&cfg)?;
    // Global search.
    s::GlobalSearchQuery::export_all(&cfg)?;
    s::HitKind::export_all(&cfg)?;
    s::SearchHit::export_all(&cfg)?;
    s::GlobalSearchResult::export_all(&cfg)?;
    // Receiving
    purchasing::export_receiving(&cfg)?;
    // Supplier invoices.
    purchasing::export_invoices(&cfg)?;
    // Three-way match and approval for payment.
    purchasing::export_match(&cfg)?;
    Ok(())
}

/// Audits' types.
fn export_audits(cfg: &Config) -> Result<(), ExportError> {
    use crate::domain::audits::{
        audit as a, evidence as ev, finding as f, result as r, score as sc, template as t,
    };
    use crate::domain::page::Page;
    t::Template::export_all(cfg)?;
    t::TemplateInput::export_all(cfg)?;
    t::ChecklistItem::export_all(cfg)?;
    t::ChecklistItemInput::export_all(cfg)?;
    t::TemplateVersion::export_all(cfg)?;
    t::TemplateDetail::export_all(cfg)?;
    t::StarterInfo::export_all(cfg)?;
    Page::<t::Template>::export_all(cfg)?;
    a::AuditStatus::export_all(cfg)?;
    a::Transition::export_all(cfg)?;
    a::Recurrence::export_all(cfg)?;
    a::Audit::export_all(cfg)?;
    a::AuditInput::export_all(cfg)?;
    a::AuditQuery::export_all(cfg)?;
    a::AuditRow::export_all(cfg)?;
    a::AuditDetail::export_all(cfg)?;
    crate::domain::audits::about::RecordAudit::export_all(cfg)?;
    Page::<a::AuditRow>::export_all(cfg)?;
    r::Outcome::export_all(cfg)?;
    r::ItemResult::export_all(cfg)?;
    r::ResultInput::export_all(cfg)?;
    sc::SectionScore::export_all(cfg)?;
    ev::Evidence::export_all(cfg)?;
    ev::EvidenceInput::export_all(cfg)?;
    ev::EvidenceQuery::export_all(cfg)?;
    Page::<ev::Evidence>::export_all(cfg)?;
    f::Finding::export_all(cfg)?;
    f::FindingInput::export_all(cfg)?;
    f::FindingQuery::export_all(cfg)?;
    f::FindingRow::export_all(cfg)?;
    Page::<f::FindingRow>::export_all(cfg)?;
    f::CapaAction::export_all(cfg)?;
    f::ActionInput::export_all(cfg)?;
    f::ActionDoneInput::export_all(cfg)?;
    f::ActionVerifyInput::export_all(cfg)?;
    f::ActionQuery::export_all(cfg)?;
    f::ActionRow::export_all(cfg)?;
    Page::<f::ActionRow>::export_all(cfg)?;
    {
        use crate::domain::audits::policy as pol;
        pol::PolicyKind::export_all(cfg)?;
        pol::Policy::export_all(cfg)?;
        pol::PolicyInput::export_all(cfg)?;
        pol::PolicyQuery::export_all(cfg)?;
        pol::AckFilter::export_all(cfg)?;
        pol::AckQuery::export_all(cfg)?;
        pol::AckRow::export_all(cfg)?;
        pol::AckInput::export_all(cfg)?;
        Page::<pol::Policy>::export_all(cfg)?;
        Page::<pol::AckRow>::export_all(cfg)?;
    }
    crate::services::AuditPackSummary::export_all(cfg)?;
    crate::services::AuditPackCheck::export_all(cfg)?;
    Ok(())
}

/// Software licences' and consumables' types.
fn export_licences(cfg: &Config) -> Result<(), ExportError> {
    use crate::domain::assets::{consumable as k, licence as l, seat as s};
    use crate::domain::page::Page;
    l::SoftwareProduct::export_all(cfg)?;
    l::SoftwareProductInput::export_all(cfg)?;
    l::LicenceKind::export_all(cfg)?;
    l::Licence::export_all(cfg)?;
    l::LicenceInput::export_all(cfg)?;
    l::LicenceSort::export_all(cfg)?;
    l::SeatUse::export_all(cfg)?;
    l::LicenceQuery::export_all(cfg)?;
    Page::<l::Licence>::export_all(cfg)?;
    s::SeatInput::export_all(cfg)?;
    s::Seat::export_all(cfg)?;
    k::ConsumableCategory::export_all(cfg)?;
    k::Consumable::export_all(cfg)?;
    k::ConsumableInput::export_all(cfg)?;
    k::MoveInput::export_all(cfg)?;
    k::ConsumableMove::export_all(cfg)?;
    k::ConsumableQuery::export_all(cfg)?;
    Page::<k::Consumable>::export_all(cfg)?;
    Page::<k::ConsumableMove>::export_all(cfg)?;
    Ok(())
}

/// IT assets' types.
fn export_assets(cfg: &Config) -> Result<(), ExportError> {
    use crate::domain::assets::{asset as a, catalog as cat, checkout as k};
    use crate::domain::page::Page;
    cat::AssetCategory::export_all(cfg)?;
    cat::AssetCategoryInput::export_all(cfg)?;
    cat::LocationKind::export_all(cfg)?;
    cat::Location::export_all(cfg)?;
    cat::LocationInput::export_all(cfg)?;
    a::AssetStatus::export_all(cfg)?;
    a::Asset::export_all(cfg)?;
    a::AssetInput::export_all(cfg)?;
    a::AssetSort::export_all(cfg)?;
    a::AssetQuery::export_all(cfg)?;
    a::AssetRow::export_all(cfg)?;
    Page::<a::AssetRow>::export_all(cfg)?;
    k::CheckoutInput::export_all(cfg)?;
    k::CheckinInput::export_all(cfg)?;
    k::Checkout::export_all(cfg)?;
    Page::<k::Checkout>::export_all(cfg)?;
    {
        use crate::domain::assets::network as n;
        n::Vlan::export_all(cfg)?;
        n::VlanInput::export_all(cfg)?;
        n::SubnetInfo::export_all(cfg)?;
        n::SubnetInput::export_all(cfg)?;
        n::Interface::export_all(cfg)?;
        n::InterfaceInput::export_all(cfg)?;
        n::NetworkLink::export_all(cfg)?;
        n::LinkInput::export_all(cfg)?;
        n::SubnetAddresses::export_all(cfg)?;
        n::FreeRange::export_all(cfg)?;
        n::NetworkMap::export_all(cfg)?;
        n::MapDevice::export_all(cfg)?;
    }
    {
        use crate::domain::assets::{labels as l, scan as sc};
        use crate::domain::ipam as ip;
        crate::domain::assets::inventory_check::CheckedAsset::export_all(cfg)?;
        crate::domain::assets::inventory_check::InventoryCheckInput::export_all(cfg)?;
        crate::domain::assets::inventory_check::InventoryCheckResult::export_all(cfg)?;
        crate::domain::assets::value::AssetValue::export_all(cfg)?;
        crate::domain::assets::value::CategoryValue::export_all(cfg)?;
        l::LabelSheetInfo::export_all(cfg)?;
        l::LabelRequest::export_all(cfg)?;
        l::LabelsPrinted::export_all(cfg)?;
        sc::ScanReview::export_all(cfg)?;
        sc::ScanAccept::export_all(cfg)?;
        ip::Difference::export_all(cfg)?;
        use crate::domain::assets::report as rp;
        rp::Grouping::export_all(cfg)?;
        rp::ReportGroup::export_all(cfg)?;
        rp::TcoQuery::export_all(cfg)?;
        rp::TcoRow::export_all(cfg)?;
        rp::Expiring::export_all(cfg)?;
    }
    Ok(())
}

/// IT maintenance's types.
fn export_maintenance(cfg: &Config) -> Result<(), ExportError> {
    use crate::domain::assets::{maintenance as m, maintenance_log as l};
    use crate::domain::page::Page;
    m::Target::export_all(cfg)?;
    m::PlanInput::export_all(cfg)?;
    m::Plan::export_all(cfg)?;
    m::PlanRow::export_all(cfg)?;
    m::DueFilter::export_all(cfg)?;
    m::PlanSort::export_all(cfg)?;
    m::PlanQuery::export_all(cfg)?;
    Page::<m::PlanRow>::export_all(cfg)?;
    l::Outcome::export_all(cfg)?;
    l::LogInput::export_all(cfg)?;
    l::LogEntry::export_all(cfg)?;
    Page::<l::LogEntry>::export_all(cfg)?;
    l::CalendarKind::export_all(cfg)?;
    l::CalendarEntry::export_all(cfg)?;
    l::ComplianceMonth::export_all(cfg)?;
    l::Compliance::export_all(cfg)?;
    Ok(())
}

/// Staff files' types.
fn export_staff(cfg: &Config) -> Result<(), ExportError> {
    use crate::domain::{
        attachment as att, page as p, staff::catalog as cat, staff::completeness as cmp,
        staff::document as doc, staff::employee as e,
    };
    cat::ContractType::export_all(cfg)?;
    cat::ContractTypeInput::export_all(cfg)?;
    cat::DocumentType::export_all(cfg)?;
    cat::DocumentTypeInput::export_all(cfg)?;
    cat::Course::export_all(cfg)?;
    cat::CourseInput::export_all(cfg)?;
    cat::Requirement::export_all(cfg)?;
    cat::RequirementInput::export_all(cfg)?;
    cat::Required::export_all(cfg)?;
    crate::domain::codice_fiscale::Sex::export_all(cfg)?;
    e::Employee::export_all(cfg)?;
    e::EmployeeInput::export_all(cfg)?;
    e::EmployeeStatus::export_all(cfg)?;
    e::EmployeeSaved::export_all(cfg)?;
    e::EmployeeFile::export_all(cfg)?;
    e::TerminationInput::export_all(cfg)?;
    e::StatusFilter::export_all(cfg)?;
    e::StaffSort::export_all(cfg)?;
    e::StaffQuery::export_all(cfg)?;
    e::StaffRow::export_all(cfg)?;
    p::Page::<e::StaffRow>::export_all(cfg)?;
    att::Attachment::export_all(cfg)?;
    att::AttachmentInput::export_all(cfg)?;
    att::AttachmentEdit::export_all(cfg)?;
    att::RenewalInput::export_all(cfg)?;
    doc::TrainingRecord::export_all(cfg)?;
    doc::TrainingInput::export_all(cfg)?;
    cmp::Completeness::export_all(cfg)?;
    cmp::Issue::export_all(cfg)?;
    cmp::IssueKind::export_all(cfg)?;
    crate::domain::attention::Severity::export_all(cfg)?;
    cmp::FixTab::export_all(cfg)?;
    cmp::FixTarget::export_all(cfg)?;
    cmp::CompletenessRollup::export_all(cfg)?;
    cmp::CompanyCompleteness::export_all(cfg)?;
    cmp::FixQuery::export_all(cfg)?;
    cmp::FixRow::export_all(cfg)?;
    p::Page::<cmp::FixRow>::export_all(cfg)?;
    crate::services::EmployeeExport::export_all(cfg)?;
    Ok(())
}

/// The FatturaPA reader's types, shown in the supplier-invoice import preview.
fn export_fatturapa(cfg: &Config) -> Result<(), ExportError> {
    use crate::import::fatturapa as fp;
    fp::ReadFile::export_all(cfg)?;
    fp::Signature::export_all(cfg)?;
    fp::ReadInvoice::export_all(cfg)?;
    fp::Problem::export_all(cfg)?;
    fp::ProblemCode::export_all(cfg)?;
    Ok(())
}
