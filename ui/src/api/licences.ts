import type { Consumable } from "../bindings/Consumable";
import type { ConsumableInput } from "../bindings/ConsumableInput";
import type { ConsumableMove } from "../bindings/ConsumableMove";
import type { ConsumableQuery } from "../bindings/ConsumableQuery";
import type { Licence } from "../bindings/Licence";
import type { LicenceInput } from "../bindings/LicenceInput";
import type { LicenceQuery } from "../bindings/LicenceQuery";
import type { MoveInput } from "../bindings/MoveInput";
import type { Page } from "../bindings/Page";
import type { Seat } from "../bindings/Seat";
import type { SeatInput } from "../bindings/SeatInput";
import type { SoftwareProduct } from "../bindings/SoftwareProduct";
import type { SoftwareProductInput } from "../bindings/SoftwareProductInput";
import { assetKeys } from "./assets";
import { call } from "./invoke";

/**
 * Query keys of software licences, under the assets area's: retiring a device or a leaver
 * (anything invalidating `assetKeys.all`) refreshes the seats they hold.
 */
export const licenceKeys = {
  all: [...assetKeys.all, "licences"] as const,
  list: (query: LicenceQuery) => [...licenceKeys.all, "list", query] as const,
  products: (search: string | null) => [...licenceKeys.all, "products", search] as const,
  seats: (licenceId: number, heldOnly: boolean) =>
    [...licenceKeys.all, "seats", licenceId, heldOnly] as const,
};

/** Query keys of consumables (toner, cables…), under the assets area's too. */
export const consumableKeys = {
  all: [...assetKeys.all, "consumables"] as const,
  list: (query: ConsumableQuery) => [...consumableKeys.all, "list", query] as const,
  moves: (id: number, offset: number, limit: number) =>
    [...consumableKeys.all, "moves", id, offset, limit] as const,
};

export const licencesApi = {
  products: (search: string | null) =>
    call<SoftwareProduct[]>("list_software_products", { search }),
  saveProduct: (id: number | null, version: number, input: SoftwareProductInput) =>
    call<SoftwareProduct>("save_software_product", { id, version, input }),
  list: (query: LicenceQuery) => call<Page<Licence>>("list_licences", { query }),
  save: (id: number | null, version: number, input: LicenceInput) =>
    call<Licence>("save_licence", { id, version, input }),
  /** The licence with its key filled in; Rust records the read in the history. */
  revealKey: (id: number) => call<Licence>("reveal_licence_key", { id }),
  seats: (licenceId: number, heldOnly: boolean) =>
    call<Seat[]>("licence_seats", { licenceId, heldOnly }),
  assignSeat: (licenceId: number, input: SeatInput) =>
    call<Seat>("assign_seat", { licenceId, input }),
  /** `on` is the day the seat was freed; today when null. */
  releaseSeat: (seatId: number, version: number, on: string | null) =>
    call<Seat>("release_seat", { seatId, version, on }),
};

export const consumablesApi = {
  list: (query: ConsumableQuery) => call<Page<Consumable>>("list_consumables", { query }),
  save: (id: number | null, version: number, input: ConsumableInput) =>
    call<Consumable>("save_consumable", { id, version, input }),
  /** Stock received (quantity > 0) or issued (quantity < 0). */
  move: (id: number, input: MoveInput) => call<Consumable>("move_consumable", { id, input }),
  moves: (id: number, offset: number, limit: number) =>
    call<Page<ConsumableMove>>("consumable_moves", { id, offset, limit }),
};
