//! Purchasing's types that cross to the UI.

use ts_rs::{Config, ExportError, TS};

/// The rules' types: money, VAT, states, approvals, receipts, terms, the match.
pub(super) fn export_rules(cfg: &Config) -> Result<(), ExportError> {
    use crate::domain::purchasing::{
        approval as a, match3 as m, numbering as n, order_state as o, payment_terms as pt,
        reapproval as ra, receipt as r, requisition_state as rq, summary_check as sc, totals as t,
        vat_rate as v,
    };
    v::Nature::export_all(cfg)?;
    v::VatRate::export_all(cfg)?;
    t::OrderLineInput::export_all(cfg)?;
    t::LineTotals::export_all(cfg)?;
    t::VatSummaryRow::export_all(cfg)?;
    t::Totals::export_all(cfg)?;
    o::OrderState::export_all(cfg)?;
    o::OrderMove::export_all(cfg)?;
    o::OrderRefusal::export_all(cfg)?;
    o::ReceiptProgress::export_all(cfg)?;
    ra::ApprovedLine::export_all(cfg)?;
    ra::ApprovedContent::export_all(cfg)?;
    ra::ReapprovalCause::export_all(cfg)?;
    rq::RequisitionState::export_all(cfg)?;
    rq::RequisitionMove::export_all(cfg)?;
    rq::RfqState::export_all(cfg)?;
    rq::RfqMove::export_all(cfg)?;
    a::ApproverRole::export_all(cfg)?;
    a::ApprovalTier::export_all(cfg)?;
    a::GivenApproval::export_all(cfg)?;
    a::ApprovalRefusal::export_all(cfg)?;
    a::ApprovalNeed::export_all(cfg)?;
    r::LineProgress::export_all(cfg)?;
    pt::TermsKind::export_all(cfg)?;
    pt::PaymentTerms::export_all(cfg)?;
    pt::Instalment::export_all(cfg)?;
    pt::TermsLabel::export_all(cfg)?;
    m::MatchTolerances::export_all(cfg)?;
    m::InvoiceKind::export_all(cfg)?;
    m::InvoiceLine::export_all(cfg)?;
    m::OrderLineOpen::export_all(cfg)?;
    m::Suggestion::export_all(cfg)?;
    m::Pairing::export_all(cfg)?;
    m::Difference::export_all(cfg)?;
    m::LineCheck::export_all(cfg)?;
    sc::StatedSummaryRow::export_all(cfg)?;
    sc::SummaryProblem::export_all(cfg)?;
    n::NumberedKind::export_all(cfg)?;
    Ok(())
}

/// Suppliers and purchase categories.
pub(super) fn export_suppliers(cfg: &Config) -> Result<(), ExportError> {
    use crate::domain::page::Page;
    use crate::domain::purchasing::{category as c, supplier as s};
    c::PurchaseCategory::export_all(cfg)?;
    c::PurchaseCategoryInput::export_all(cfg)?;
    s::SupplierStatus::export_all(cfg)?;
    s::CategoryName::export_all(cfg)?;
    s::Supplier::export_all(cfg)?;
    s::SupplierInput::export_all(cfg)?;
    s::SupplierContact::export_all(cfg)?;
    crate::domain::purchasing::performance::DeliveryYear::export_all(cfg)?;
    s::SupplierContactInput::export_all(cfg)?;
    s::SupplierSort::export_all(cfg)?;
    s::SupplierQuery::export_all(cfg)?;
    s::SupplierRow::export_all(cfg)?;
    Page::<s::SupplierRow>::export_all(cfg)?;
    {
        use crate::domain::purchasing::order as o;
        o::OrderLineForm::export_all(cfg)?;
        o::OrderInput::export_all(cfg)?;
        o::OrderLine::export_all(cfg)?;
        o::OrderApproval::export_all(cfg)?;
        o::PurchaseOrder::export_all(cfg)?;
        o::OrderSort::export_all(cfg)?;
        o::OrderQuery::export_all(cfg)?;
        o::OrderRow::export_all(cfg)?;
        Page::<o::OrderRow>::export_all(cfg)?;
    }
    // What saving an order's PDF reports.
    crate::services::OrderPdf::export_all(cfg)?;
    Ok(())
}

/// Suppliers' price lists.
pub(super) fn export_price_lists(cfg: &Config) -> Result<(), ExportError> {
    use crate::domain::page::Page;
    use crate::domain::purchasing::price_list as p;
    p::SupplierPrice::export_all(cfg)?;
    p::SupplierPriceInput::export_all(cfg)?;
    p::PriceSort::export_all(cfg)?;
    p::PriceQuery::export_all(cfg)?;
    p::PriceSuggestion::export_all(cfg)?;
    Page::<p::SupplierPrice>::export_all(cfg)?;
    Ok(())
}

/// Receiving: receipts, their list and the orders still to receive.
pub(super) fn export_receiving(cfg: &Config) -> Result<(), ExportError> {
    use crate::domain::page::Page;
    use crate::domain::purchasing::receiving as r;
    r::ReceiptLineInput::export_all(cfg)?;
    r::ReceiptInput::export_all(cfg)?;
    r::ReceiptAsset::export_all(cfg)?;
    r::ReceiptLine::export_all(cfg)?;
    r::PurchaseReceipt::export_all(cfg)?;
    r::ReceiptSort::export_all(cfg)?;
    r::ReceiptQuery::export_all(cfg)?;
    r::ReceiptRow::export_all(cfg)?;
    Page::<r::ReceiptRow>::export_all(cfg)?;
    r::ToReceiveQuery::export_all(cfg)?;
    r::ToReceiveRow::export_all(cfg)?;
    Page::<r::ToReceiveRow>::export_all(cfg)?;
    Ok(())
}

/// Requisitions and requests for quotation.
pub(super) fn export_requisitions(cfg: &Config) -> Result<(), ExportError> {
    use crate::domain::page::Page;
    use crate::domain::purchasing::{quote_compare as qc, requisition as r, rfq as q};
    r::RequisitionLineForm::export_all(cfg)?;
    r::RequisitionInput::export_all(cfg)?;
    r::RequisitionLine::export_all(cfg)?;
    r::Requisition::export_all(cfg)?;
    r::RequisitionSort::export_all(cfg)?;
    r::RequisitionQuery::export_all(cfg)?;
    r::RequisitionRow::export_all(cfg)?;
    r::RequisitionView::export_all(cfg)?;
    Page::<r::RequisitionRow>::export_all(cfg)?;
    q::OfferLine::export_all(cfg)?;
    q::Offer::export_all(cfg)?;
    q::Rfq::export_all(cfg)?;
    q::QuoteRequestInput::export_all(cfg)?;
    q::OfferLineForm::export_all(cfg)?;
    q::OfferInput::export_all(cfg)?;
    qc::OfferColumn::export_all(cfg)?;
    qc::OfferCell::export_all(cfg)?;
    qc::ComparisonLine::export_all(cfg)?;
    qc::QuoteComparison::export_all(cfg)?;
    qc::QuotesRule::export_all(cfg)?;
    qc::QuotesRuleSetting::export_all(cfg)?;
    crate::services::RfqPdf::export_all(cfg)?;
    Ok(())
}

/// Supplier invoices: stored, imported from FatturaPA, entered by hand; the lists.
pub(super) fn export_invoices(cfg: &Config) -> Result<(), ExportError> {
    use crate::domain::page::Page;
    use crate::domain::purchasing::{invoice as i, invoice_import as im, manual_invoice as m};
    i::InvoiceStatus::export_all(cfg)?;
    i::InvoiceSource::export_all(cfg)?;
    i::SignatureState::export_all(cfg)?;
    i::InvoiceParties::export_all(cfg)?;
    i::InvoiceLine::export_all(cfg)?;
    i::InvoiceVat::export_all(cfg)?;
    i::InvoiceDue::export_all(cfg)?;
    i::InvoiceOrderRef::export_all(cfg)?;
    i::SupplierInvoice::export_all(cfg)?;
    i::InvoiceSort::export_all(cfg)?;
    i::InvoiceQuery::export_all(cfg)?;
    i::InvoiceRow::export_all(cfg)?;
    Page::<i::InvoiceRow>::export_all(cfg)?;
    i::DueQuery::export_all(cfg)?;
    i::DueRow::export_all(cfg)?;
    Page::<i::DueRow>::export_all(cfg)?;
    im::SupplierMatch::export_all(cfg)?;
    im::InvoiceVerdict::export_all(cfg)?;
    im::InvoicePreview::export_all(cfg)?;
    im::FilePreview::export_all(cfg)?;
    im::SupplierOffer::export_all(cfg)?;
    im::InvoiceImportPreview::export_all(cfg)?;
    im::InvoiceKey::export_all(cfg)?;
    im::InvoiceAssignment::export_all(cfg)?;
    im::InvoiceImportChoices::export_all(cfg)?;
    im::ImportedInvoice::export_all(cfg)?;
    im::SkipReason::export_all(cfg)?;
    im::SkippedInvoice::export_all(cfg)?;
    im::InvoiceImportOutcome::export_all(cfg)?;
    m::ManualInvoiceLine::export_all(cfg)?;
    m::ManualDue::export_all(cfg)?;
    m::ManualInvoiceInput::export_all(cfg)?;
    Ok(())
}

/// The three-way match as stored, its reports and tolerances.
pub(super) fn export_match(cfg: &Config) -> Result<(), ExportError> {
    use crate::domain::page::Page;
    use crate::domain::purchasing::{invoice_match as im, match_reports as mr};
    im::MatchProposal::export_all(cfg)?;
    im::DifferenceState::export_all(cfg)?;
    im::MatchedLine::export_all(cfg)?;
    im::StoredDifference::export_all(cfg)?;
    im::InvoiceMatch::export_all(cfg)?;
    im::SupplierTolerances::export_all(cfg)?;
    im::MatchYear::export_all(cfg)?;
    mr::ToInvoiceSort::export_all(cfg)?;
    mr::ToInvoiceQuery::export_all(cfg)?;
    mr::ToInvoiceRow::export_all(cfg)?;
    Page::<mr::ToInvoiceRow>::export_all(cfg)?;
    Ok(())
}
