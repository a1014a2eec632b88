//! Purchasing: suppliers, orders, receipts and supplier invoices.

// FatturaPA reader
mod fatturapa_bad;
mod fatturapa_bench;
mod fatturapa_checks;
mod fatturapa_p7m;
mod fatturapa_p7m_ber;
mod fatturapa_read;
mod fatturapa_xml;
