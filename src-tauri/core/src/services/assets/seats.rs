//! Licence seats: handing a seat to a person or a device, releasing it, and who holds what.
//! A licence never hands out more seats than it has: the count of held seats is read in the
//! same transaction that adds one.

use crate::domain::assets::seat::{Seat, SeatInput, ValidSeat};
use crate::domain::permissions::{Action, Area};
use crate::error::{Error, ErrorCode, FieldError};
use crate::services::{Backoffice, Ctx};
use crate::store::assets::{checkouts, licences, seats};
use crate::store::tx::WriteTx;
use crate::store::versioned::at_version;
use chrono::NaiveDate;

/// Seats listed at most in one list.
const MAX_SEATS_LISTED: i64 = 2_000;

fn refused(reason: &str, message: &str) -> Error {
    Error::new(ErrorCode::BadTransition, message.to_owned()).with("reason", reason)
}

/// The holder exists and may take a seat: a person still employed, a device still in service.
fn check_holder(w: &WriteTx, v: &ValidSeat) -> crate::Result<()> {
    if let Some(e) = v.employee_id {
        let field = |code| {
            Err(Error::validation(vec![FieldError::new(
                "employee_id",
                code,
            )]))
        };
        match checkouts::employee_status(w.conn(), e)?.as_deref() {
            None => return field("not_found"),
            Some("active") => {}
            Some(_) => return field("not_active"),
        }
    }
    if let Some(a) = v.asset_id {
        let field = |code| Err(Error::validation(vec![FieldError::new("asset_id", code)]));
        match seats::asset_in_service(w.conn(), a)? {
            None => return field("not_found"),
            Some(false) => return field("asset_gone"),
            Some(true) => {}
        }
    }
    Ok(())
}

impl Backoffice {
    /// Gives one of the licence's seats to a person or a device. Refused when every seat is
    /// held (`no_free_seat`), when the holder already has one (`already_assigned`), and when
    /// the licence is retired or expired by the day of assignment.
    pub fn assign_seat(
        &self,
        ctx: &Ctx,
        licence_id: i64,
        input: &SeatInput,
    ) -> crate::Result<Seat> {
        self.keeper(ctx, Action::Write)?;
        let v = input.validate(self.today())?;
        self.store.write(&ctx.actor, |w| {
            let l =
                licences::get(w.conn(), licence_id)?.ok_or_else(|| Error::not_found("licence"))?;
            if l.retired {
                return Err(refused("retired", "the licence is retired"));
            }
            if l.expiry_date.is_some_and(|e| e < v.assigned_on) {
                return Err(refused("expired", "the licence has expired"));
            }
            check_holder(w, &v)?;
            if seats::already_held(w.conn(), licence_id, &v)? {
                return Err(refused(
                    "already_assigned",
                    "the holder already has a seat of this licence",
                ));
            }
            if licences::open_seats(w.conn(), licence_id)? >= l.seats {
                return Err(refused("no_free_seat", "every seat of the licence is held")
                    .with("seats", l.seats));
            }
            let id = seats::insert(w, licence_id, &v)?;
            seats::get(w.conn(), id)?.ok_or_else(|| Error::not_found("seat"))
        })
    }

    /// Frees the seat on `on` (today when not given).
    pub fn release_seat(
        &self,
        ctx: &Ctx,
        seat_id: i64,
        version: i64,
        on: Option<NaiveDate>,
    ) -> crate::Result<Seat> {
        self.keeper(ctx, Action::Write)?;
        let today = self.today();
        let on = on.unwrap_or(today);
        if on > today {
            return Err(Error::validation(vec![FieldError::new(
                "released_on",
                "date_in_future",
            )]));
        }
        self.store.write(&ctx.actor, |w| {
            let s = at_version(seats::get(w.conn(), seat_id)?, "seat", version)?;
            if s.released_on.is_some() {
                return Err(refused("already_released", "the seat is already free"));
            }
            if on < s.assigned_on {
                return Err(Error::validation(vec![FieldError::new(
                    "released_on",
                    "before_assignment",
                )]));
            }
            seats::release(w, seat_id, on)?;
            seats::get(w.conn(), seat_id)?.ok_or_else(|| Error::not_found("seat"))
        })
    }

    /// The licence's seats, held ones first; `held_only` leaves out released ones.
    pub fn licence_seats(
        &self,
        ctx: &Ctx,
        licence_id: i64,
        held_only: bool,
    ) -> crate::Result<Vec<Seat>> {
        self.inventory_reader(ctx)?;
        self.store
            .read(|c| seats::of_licence(c, licence_id, held_only, MAX_SEATS_LISTED))
    }

    /// The seats a person holds and held: their file's "Software" section. People who read
    /// staff files or the whole inventory see it, and so does the person themselves.
    pub fn employee_seats(&self, ctx: &Ctx, employee_id: i64) -> crate::Result<Vec<Seat>> {
        let own = self
            .store
            .read(|c| crate::store::users::employee_of(c, ctx.user_id))?
            == Some(employee_id);
        if !own && !ctx.can(Area::Staff, Action::Read) {
            self.inventory_reader(ctx)?;
        }
        self.store
            .read(|c| seats::of_employee(c, employee_id, false, MAX_SEATS_LISTED))
    }

    /// The seats a device holds and held, for whoever may see the device.
    pub fn asset_seats(&self, ctx: &Ctx, asset_id: i64) -> crate::Result<Vec<Seat>> {
        let who = self.keeper(ctx, Action::Read)?;
        self.store.read(|c| {
            super::visible_asset(c, &who, asset_id)?;
            seats::of_asset(c, asset_id, false, MAX_SEATS_LISTED)
        })
    }

    /// Seats still held by people who have left: to be released.
    pub fn seats_to_release(&self, ctx: &Ctx) -> crate::Result<Vec<Seat>> {
        self.inventory_reader(ctx)?;
        self.store.read(|c| seats::of_leavers(c, MAX_SEATS_LISTED))
    }
}
