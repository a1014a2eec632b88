//! Reading receipts: one, an order's, the list, and the "orders to receive" report.

use crate::domain::page::Page;
use crate::domain::permissions::{Action, Area};
use crate::domain::purchasing::receiving::{
    PurchaseReceipt, ReceiptQuery, ReceiptRow, ToReceiveQuery, ToReceiveRow,
};
use crate::services::{Backoffice, Ctx};
use crate::store::purchasing::{receipt_list, receipts};

impl Backoffice {
    pub fn receipt(&self, ctx: &Ctx, id: i64) -> crate::Result<PurchaseReceipt> {
        self.require(ctx, Area::Purchasing, Action::Read)?;
        self.store.read(|c| receipts::require(c, id))
    }

    pub fn order_receipts(&self, ctx: &Ctx, order_id: i64) -> crate::Result<Vec<PurchaseReceipt>> {
        self.require(ctx, Area::Purchasing, Action::Read)?;
        self.store.read(|c| receipts::of_order(c, order_id))
    }

    pub fn list_receipts(&self, ctx: &Ctx, q: &ReceiptQuery) -> crate::Result<Page<ReceiptRow>> {
        self.require(ctx, Area::Purchasing, Action::Read)?;
        self.store.read(|c| receipt_list::list(c, q))
    }

    pub fn orders_to_receive(
        &self,
        ctx: &Ctx,
        q: &ToReceiveQuery,
    ) -> crate::Result<Page<ToReceiveRow>> {
        self.require(ctx, Area::Purchasing, Action::Read)?;
        let today = self.today();
        self.store.read(|c| receipt_list::to_receive(c, q, today))
    }
}
