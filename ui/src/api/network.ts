import type { Interface } from "../bindings/Interface";
import type { InterfaceInput } from "../bindings/InterfaceInput";
import type { LabelRequest } from "../bindings/LabelRequest";
import type { LabelSheetInfo } from "../bindings/LabelSheetInfo";
import type { LabelsPrinted } from "../bindings/LabelsPrinted";
import type { LinkInput } from "../bindings/LinkInput";
import type { NetworkLink } from "../bindings/NetworkLink";
import type { NetworkMap } from "../bindings/NetworkMap";
import type { ScanAccept } from "../bindings/ScanAccept";
import type { ScanReview } from "../bindings/ScanReview";
import type { SubnetAddresses } from "../bindings/SubnetAddresses";
import type { SubnetInfo } from "../bindings/SubnetInfo";
import type { SubnetInput } from "../bindings/SubnetInput";
import type { Vlan } from "../bindings/Vlan";
import type { VlanInput } from "../bindings/VlanInput";
import { assetKeys } from "./assets";
import { call } from "./invoke";

/** Query keys of networks, under the assets area's so one invalidation refreshes both. */
export const networkKeys = {
  all: [...assetKeys.all, "network"] as const,
  subnets: (siteId: number | null) => [...networkKeys.all, "subnets", siteId] as const,
  subnet: (id: number) => [...networkKeys.all, "subnet", id] as const,
  addresses: (id: number, offset: number) => [...networkKeys.all, "addresses", id, offset] as const,
  vlans: (siteId: number) => [...networkKeys.all, "vlans", siteId] as const,
  interfaces: (assetId: number) => [...networkKeys.all, "interfaces", assetId] as const,
  links: (assetId: number) => [...networkKeys.all, "links", assetId] as const,
  map: (siteId: number) => [...networkKeys.all, "map", siteId] as const,
  sheets: () => [...assetKeys.all, "labelSheets"] as const,
};

export const networkApi = {
  subnets: (siteId: number | null) => call<SubnetInfo[]>("list_subnets", { siteId }),
  subnet: (id: number) => call<SubnetInfo>("get_subnet", { id }),
  saveSubnet: (id: number | null, version: number, input: SubnetInput) =>
    call<SubnetInfo>("save_subnet", { id, version, input }),
  addresses: (id: number, offset: number, limit: number) =>
    call<SubnetAddresses>("subnet_addresses", { id, offset, limit }),
  nextFree: (subnetId: number) => call<string | null>("next_free_address", { subnetId }),
  vlans: (siteId: number) => call<Vlan[]>("list_vlans", { siteId }),
  saveVlan: (id: number | null, version: number, input: VlanInput) =>
    call<Vlan>("save_vlan", { id, version, input }),
  interfaces: (assetId: number) => call<Interface[]>("asset_interfaces", { assetId }),
  saveInterface: (id: number | null, version: number, input: InterfaceInput) =>
    call<Interface>("save_interface", { id, version, input }),
  deleteInterface: (id: number, version: number) => call<null>("delete_interface", { id, version }),
  links: (assetId: number) => call<NetworkLink[]>("asset_links", { assetId }),
  addLink: (input: LinkInput) => call<NetworkLink[]>("add_network_link", { input }),
  deleteLink: (id: number) => call<null>("delete_network_link", { id }),
  map: (siteId: number) => call<NetworkMap>("network_map", { siteId }),
  exportMap: (
    siteId: number,
    format: "png" | "svg",
    bytes: number[],
    title: string,
    fileName: string,
  ) => call<string>("export_network_map", { siteId, format, bytes, title, fileName }),
  reviewScan: (title: string) => call<ScanReview>("review_scan", { title }),
  acceptScan: (change: ScanAccept) => call<null>("accept_scan_change", { change }),
  labelSheets: () => call<LabelSheetInfo[]>("label_sheets", {}),
  printLabels: (request: LabelRequest, title: string, fileName: string) =>
    call<LabelsPrinted>("export_asset_labels", { request, title, fileName }),
};
