use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn days(list: &[u16], end_of_month: bool, extra_days: u8) -> PaymentTerms {
    PaymentTerms {
        kind: TermsKind::Days,
        days: list.to_vec(),
        end_of_month,
        extra_days,
    }
}

#[test]
fn rimessa_diretta_is_due_on_the_invoice_date() {
    let t = PaymentTerms::immediate();
    assert_eq!(t.due_dates(d(2026, 3, 15)).unwrap(), [d(2026, 3, 15)]);
    assert_eq!(t.label().key, "purchasing.terms.immediate");
}

#[test]
fn days_from_the_invoice_date() {
    assert_eq!(
        days(&[30], false, 0).due_dates(d(2026, 1, 31)).unwrap(),
        [d(2026, 3, 2)]
    );
    assert_eq!(
        days(&[45], true, 0).due_dates(d(2026, 1, 20)).unwrap(),
        [d(2026, 3, 31)]
    );
}

#[test]
fn end_of_month_counts_commercial_months() {
    let t = days(&[30, 60, 90], true, 0);
    assert_eq!(
        t.due_dates(d(2026, 1, 31)).unwrap(),
        [d(2026, 2, 28), d(2026, 3, 31), d(2026, 4, 30)]
    );
    assert_eq!(
        t.due_dates(d(2026, 11, 15)).unwrap(),
        [d(2026, 12, 31), d(2027, 1, 31), d(2027, 2, 28)]
    );
    // Leap year.
    assert_eq!(
        days(&[30], true, 0).due_dates(d(2028, 1, 10)).unwrap(),
        [d(2028, 2, 29)]
    );
    // FM + 10: the 10th of the month after.
    assert_eq!(
        days(&[60], true, 10).due_dates(d(2026, 1, 5)).unwrap(),
        [d(2026, 4, 10)]
    );
}

#[test]
fn instalments_put_the_remainder_on_the_last() {
    let t = days(&[30, 60, 90], true, 0);
    let i = t.instalments(d(2026, 1, 31), 10_000).unwrap();
    assert_eq!(
        i.iter().map(|x| x.amount_cents).collect::<Vec<_>>(),
        [3333, 3333, 3334]
    );
    assert_eq!(i.iter().map(|x| x.amount_cents).sum::<i64>(), 10_000);
    assert_eq!(split_amount(-100, 3), [-33, -33, -34]);
    assert_eq!(split_amount(5, 0), Vec::<i64>::new());
    assert_eq!(split_amount(2, 3), [0, 0, 2]);
}

#[test]
fn bad_terms_are_refused_by_field() {
    let codes = |t: PaymentTerms| -> Vec<(String, String)> {
        t.validate()
            .unwrap_err()
            .fields
            .into_iter()
            .map(|f| (f.field, f.code))
            .collect()
    };
    assert_eq!(
        codes(days(&[], false, 0)),
        [("days".into(), "required".into())]
    );
    assert_eq!(
        codes(days(&[60, 30], false, 0)),
        [("days".into(), "not_increasing".into())]
    );
    assert_eq!(
        codes(days(&[0, 400], false, 0)),
        [("days".into(), "out_of_range".into())]
    );
    assert_eq!(
        codes(days(&[30], false, 10)),
        [("extra_days".into(), "needs_end_of_month".into())]
    );
    assert_eq!(
        codes(days(&[30], true, 40)),
        [("extra_days".into(), "out_of_range".into())]
    );
    let mut imm = PaymentTerms::immediate();
    imm.days = vec![30];
    assert_eq!(codes(imm), [("days".into(), "not_for_immediate".into())]);
    let many: Vec<u16> = (1..=13).map(|i| i * 10).collect();
    assert_eq!(
        codes(days(&many, false, 0)),
        [("days".into(), "too_many".into())]
    );
    assert!(days(&[30], false, 0).due_dates(NaiveDate::MAX).is_err());
}

#[test]
fn labels_are_keys_with_params() {
    let l = days(&[30, 60, 90], true, 10).label();
    assert_eq!(l.key, "purchasing.terms.days_eom_extra");
    assert_eq!(l.params["days"], "30/60/90");
    assert_eq!(l.params["extra"], "10");
    assert_eq!(days(&[30], false, 0).label().key, "purchasing.terms.days");
    assert_eq!(
        days(&[60], true, 0).label().key,
        "purchasing.terms.days_eom"
    );
}
