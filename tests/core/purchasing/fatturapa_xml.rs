//! FatturaPA documents written for the tests by the published schema (version 1.2.x), with the
//! parts each test varies.

pub struct Line {
    pub number: u32,
    pub description: &'static str,
    pub quantity: Option<&'static str>,
    pub unit_price: &'static str,
    pub discount_percent: Option<&'static str>,
    pub total: &'static str,
    pub rate: &'static str,
    pub nature: Option<&'static str>,
}

pub fn line(
    number: u32,
    description: &'static str,
    quantity: &'static str,
    price: &'static str,
    total: &'static str,
) -> Line {
    Line {
        number,
        description,
        quantity: Some(quantity),
        unit_price: price,
        discount_percent: None,
        total,
        rate: "22.00",
        nature: None,
    }
}

pub struct Summary {
    pub rate: &'static str,
    pub nature: Option<&'static str>,
    pub taxable: &'static str,
    pub tax: &'static str,
}

pub struct Body {
    pub kind: &'static str,
    pub number: &'static str,
    pub date: &'static str,
    pub total: Option<&'static str>,
    pub lines: Vec<Line>,
    pub summary: Vec<Summary>,
    /// Extra XML placed in DatiGenerali after DatiGeneraliDocumento (order references…).
    pub general_extra: String,
    /// Extra XML at the end of the body (payments, attachments).
    pub tail: String,
    /// Extra XML inside DatiGeneraliDocumento after Numero (stamp duty, pension fund…).
    pub document_extra: String,
}

/// A plain TD01 of two lines at 22 %: 10 × 12.50 + 1 × 75.00 = 200.00 + 44.00 VAT.
pub fn body(number: &'static str) -> Body {
    Body {
        kind: "TD01",
        number,
        date: "2026-03-15",
        total: Some("244.00"),
        lines: vec![
            line(1, "Viti M6 inox", "10.00", "12.50", "125.00"),
            line(2, "Montaggio", "1.00", "75.00000000", "75.00"),
        ],
        summary: vec![Summary {
            rate: "22.00",
            nature: None,
            taxable: "200.00",
            tax: "44.00",
        }],
        general_extra: String::new(),
        tail: String::new(),
        document_extra: String::new(),
    }
}

pub struct Doc {
    /// `p`, `ns2`, or empty for no prefix.
    pub prefix: &'static str,
    pub version: &'static str,
    pub supplier_vat: &'static str,
    pub supplier_name: &'static str,
    pub declaration: &'static str,
    pub bodies: Vec<Body>,
}

pub fn doc(bodies: Vec<Body>) -> Doc {
    Doc {
        prefix: "p",
        version: "FPR12",
        supplier_vat: "00488410010",
        supplier_name: "Ferramenta Rossi S.r.l.",
        declaration: r#"<?xml version="1.0" encoding="UTF-8"?>"#,
        bodies,
    }
}

impl Doc {
    pub fn xml(&self) -> String {
        let root = if self.prefix.is_empty() {
            "FatturaElettronica".to_owned()
        } else {
            format!("{}:FatturaElettronica", self.prefix)
        };
        let ns = if self.prefix.is_empty() {
            String::new()
        } else {
            format!(
                r#" xmlns:{}="http://ivaservizi.agenziaentrate.gov.it/docs/xsd/fatture/v1.2""#,
                self.prefix
            )
        };
        let recipient = if self.version == "FPA12" {
            "UF1234"
        } else {
            "0000000"
        };
        let mut s = format!(
            r#"{decl}
<{root} versione="{ver}"{ns} xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
  <FatturaElettronicaHeader>
    <DatiTrasmissione>
      <IdTrasmittente><IdPaese>IT</IdPaese><IdCodice>01234567890</IdCodice></IdTrasmittente>
      <ProgressivoInvio>00001</ProgressivoInvio>
      <FormatoTrasmissione>{ver}</FormatoTrasmissione>
      <CodiceDestinatario>{recipient}</CodiceDestinatario>
      <PECDestinatario>acquisti@pec.esempio.it</PECDestinatario>
    </DatiTrasmissione>
    <CedentePrestatore>
      <DatiAnagrafici>
        <IdFiscaleIVA><IdPaese>IT</IdPaese><IdCodice>{vat}</IdCodice></IdFiscaleIVA>
        <CodiceFiscale>{vat}</CodiceFiscale>
        <Anagrafica><Denominazione>{name}</Denominazione></Anagrafica>
        <RegimeFiscale>RF01</RegimeFiscale>
      </DatiAnagrafici>
      <Sede>
        <Indirizzo>Via Roma</Indirizzo><NumeroCivico>1</NumeroCivico><CAP>10100</CAP>
        <Comune>Torino</Comune><Provincia>TO</Provincia><Nazione>IT</Nazione>
      </Sede>
      <Contatti><Email>amministrazione@rossi.example</Email></Contatti>
    </CedentePrestatore>
    <CessionarioCommittente>
      <DatiAnagrafici>
        <IdFiscaleIVA><IdPaese>IT</IdPaese><IdCodice>07643520567</IdCodice></IdFiscaleIVA>
        <Anagrafica><Nome>Anna</Nome><Cognome>Bianchi</Cognome></Anagrafica>
      </DatiAnagrafici>
      <Sede><Indirizzo>Corso Italia 5</Indirizzo><CAP>20100</CAP><Comune>Milano</Comune><Nazione>IT</Nazione></Sede>
    </CessionarioCommittente>
  </FatturaElettronicaHeader>
"#,
            decl = self.declaration,
            ver = self.version,
            vat = self.supplier_vat,
            name = self.supplier_name,
        );
        for b in &self.bodies {
            s.push_str(&b.xml());
        }
        s.push_str(&format!("</{root}>\n"));
        s
    }
}

impl Body {
    fn xml(&self) -> String {
        let total = self
            .total
            .map(|t| format!("<ImportoTotaleDocumento>{t}</ImportoTotaleDocumento>"))
            .unwrap_or_default();
        let mut s = format!(
            r#"  <FatturaElettronicaBody>
    <DatiGenerali>
      <DatiGeneraliDocumento>
        <TipoDocumento>{}</TipoDocumento><Divisa>EUR</Divisa><Data>{}</Data><Numero>{}</Numero>
        {}{total}<Causale>Fornitura di marzo</Causale>
      </DatiGeneraliDocumento>{}
    </DatiGenerali>
    <DatiBeniServizi>
"#,
            self.kind, self.date, self.number, self.document_extra, self.general_extra
        );
        for l in &self.lines {
            let qty = l
                .quantity
                .map(|q| format!("<Quantita>{q}</Quantita><UnitaMisura>PZ</UnitaMisura>"))
                .unwrap_or_default();
            let disc = l
                .discount_percent
                .map(|p| format!("<ScontoMaggiorazione><Tipo>SC</Tipo><Percentuale>{p}</Percentuale></ScontoMaggiorazione>"))
                .unwrap_or_default();
            let nature = l
                .nature
                .map(|n| format!("<Natura>{n}</Natura>"))
                .unwrap_or_default();
            s.push_str(&format!(
                "      <DettaglioLinee><NumeroLinea>{}</NumeroLinea><CodiceArticolo><CodiceTipo>EAN</CodiceTipo><CodiceValore>800{}</CodiceValore></CodiceArticolo><Descrizione>{}</Descrizione>{qty}<PrezzoUnitario>{}</PrezzoUnitario>{disc}<PrezzoTotale>{}</PrezzoTotale><AliquotaIVA>{}</AliquotaIVA>{nature}</DettaglioLinee>\n",
                l.number, l.number, l.description, l.unit_price, l.total, l.rate
            ));
        }
        for r in &self.summary {
            let nature = r
                .nature
                .map(|n| format!("<Natura>{n}</Natura>"))
                .unwrap_or_default();
            s.push_str(&format!(
                "      <DatiRiepilogo><AliquotaIVA>{}</AliquotaIVA>{nature}<ImponibileImporto>{}</ImponibileImporto><Imposta>{}</Imposta><EsigibilitaIVA>I</EsigibilitaIVA></DatiRiepilogo>\n",
                r.rate, r.taxable, r.tax
            ));
        }
        s.push_str("    </DatiBeniServizi>\n");
        s.push_str(&self.tail);
        s.push_str("  </FatturaElettronicaBody>\n");
        s
    }
}
