use super::*;
use chrono::TimeZone;

fn given(user_id: i64, role: ApproverRole) -> GivenApproval {
    GivenApproval {
        user_id,
        role,
        at: Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap(),
    }
}

#[test]
fn default_tiers_are_valid_and_pick_by_net_amount() {
    let tiers = default_tiers();
    validate_tiers(&tiers).unwrap();
    let need = |amount| approval_need(&tiers, amount, 1, &[]).unwrap();
    assert_eq!(
        (need(100_000).required_role, need(100_000).needed),
        (ApproverRole::Purchasing, 1)
    );
    assert_eq!(need(100_001).required_role, ApproverRole::Manager);
    assert_eq!(need(1_000_000).required_role, ApproverRole::Manager);
    assert_eq!(
        (need(5_000_000).required_role, need(5_000_000).needed),
        (ApproverRole::Admin, 1)
    );
    assert_eq!(
        (need(5_000_001).required_role, need(5_000_001).needed),
        (ApproverRole::Admin, 2)
    );
    assert_eq!(need(0).tier, 0);
}

#[test]
fn the_requester_never_approves_and_nobody_approves_twice() {
    let tiers = default_tiers();
    let n = approval_need(&tiers, 500_000, 10, &[]).unwrap();
    assert_eq!(
        n.can_approve(10, &[Role::Admin]),
        Err(ApprovalRefusal::OwnOrder)
    );
    assert_eq!(
        n.can_approve(11, &[Role::Purchasing]),
        Err(ApprovalRefusal::RoleTooLow)
    );
    assert_eq!(
        n.can_approve(11, &[Role::Viewer, Role::Hr]),
        Err(ApprovalRefusal::RoleTooLow)
    );
    assert_eq!(
        n.can_approve(11, &[Role::Purchasing, Role::Manager]),
        Ok(())
    );
    // A higher role approves a lower tier.
    assert_eq!(n.can_approve(12, &[Role::Admin]), Ok(()));
    let e = n.check_approver(10, &[Role::Admin]).unwrap_err();
    assert_eq!(
        (e.code, e.params["reason"].as_str()),
        (ErrorCode::BadTransition, "own_order")
    );
    let e = n.check_approver(11, &[Role::Purchasing]).unwrap_err();
    assert_eq!(e.params["role"], "manager");
}

#[test]
fn two_approvals_above_the_top_threshold() {
    let tiers = default_tiers();
    let one = [given(2, ApproverRole::Admin)];
    let n = approval_need(&tiers, 6_000_000, 1, &one).unwrap();
    assert_eq!((n.needed, n.have, n.complete), (2, 1, false));
    assert_eq!(n.missing_role, Some(ApproverRole::Admin));
    assert_eq!(
        n.can_approve(2, &[Role::Admin]),
        Err(ApprovalRefusal::AlreadyApproved)
    );
    assert_eq!(n.can_approve(3, &[Role::Admin]), Ok(()));
    let two = [given(2, ApproverRole::Admin), given(3, ApproverRole::Admin)];
    let n = approval_need(&tiers, 6_000_000, 1, &two).unwrap();
    assert!(n.complete);
    assert_eq!(n.missing_role, None);
    assert_eq!(
        n.can_approve(4, &[Role::Admin]),
        Err(ApprovalRefusal::AlreadyComplete)
    );
}

#[test]
fn approvals_that_do_not_qualify_are_not_counted() {
    let tiers = default_tiers();
    // The requester's own, a duplicate and one below the tier's role count for nothing.
    let given = [
        given(1, ApproverRole::Admin),
        given(2, ApproverRole::Purchasing),
        given(3, ApproverRole::Admin),
        given(3, ApproverRole::Admin),
    ];
    let n = approval_need(&tiers, 6_000_000, 1, &given).unwrap();
    assert_eq!(n.have, 1);
    assert!(!n.complete);
}

#[test]
fn bad_tier_lists_are_refused_by_field() {
    let t = |up: Option<i64>, r, n| ApprovalTier {
        up_to_cents: up,
        approver: r,
        approvals_needed: n,
    };
    let codes = |tiers: &[ApprovalTier]| -> Vec<(String, String)> {
        validate_tiers(tiers)
            .unwrap_err()
            .fields
            .into_iter()
            .map(|f| (f.field, f.code))
            .collect()
    };
    assert_eq!(codes(&[]), [("tiers".into(), "required".into())]);
    assert_eq!(
        codes(&[
            t(Some(100), ApproverRole::Manager, 1),
            t(Some(50), ApproverRole::Purchasing, 3)
        ]),
        [
            (
                "tiers.1.up_to_cents".to_string(),
                "last_unbounded".to_string()
            ),
            ("tiers.1.up_to_cents".into(), "not_increasing".into()),
            ("tiers.1.approver".into(), "role_decreasing".into()),
            ("tiers.1.approvals_needed".into(), "out_of_range".into()),
        ]
    );
    assert_eq!(
        codes(&[
            t(None, ApproverRole::Manager, 1),
            t(None, ApproverRole::Admin, 1)
        ]),
        [(
            "tiers.0.up_to_cents".to_string(),
            "only_last_unbounded".to_string()
        )]
    );
    assert_eq!(
        codes(&[
            t(Some(0), ApproverRole::Manager, 1),
            t(None, ApproverRole::Admin, 0)
        ]),
        [
            (
                "tiers.0.up_to_cents".to_string(),
                "must_be_positive".to_string()
            ),
            ("tiers.1.approvals_needed".into(), "out_of_range".into()),
        ]
    );
    assert!(approval_need(&[], 1, 1, &[]).is_err());
}

#[test]
fn foreign_orders_compare_their_euro_net() {
    use crate::domain::purchasing::totals::{compute_totals, OrderLineInput};
    let line = OrderLineInput {
        quantity: 1000,
        unit_price: 1_085_600_000,
        discount_bp: 0,
        vat_rate_bp: 2200,
        nature: None,
    };
    let t = compute_totals(&[line], "USD", Some(1_085_600)).unwrap();
    assert_eq!(approval_amount(&t), Some(10_000_000));
    let t = compute_totals(&[line], "EUR", None).unwrap();
    assert_eq!(approval_amount(&t), Some(t.taxable));
}
