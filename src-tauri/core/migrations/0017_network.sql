-- Networks and addresses: the VLANs and subnets of each site, the network interfaces of the
-- assets with their addresses, and the cables between network devices for the map.

CREATE TABLE vlans (
    id          INTEGER PRIMARY KEY,
    site_id     INTEGER NOT NULL REFERENCES locations (id),
    number      INTEGER NOT NULL CHECK (number BETWEEN 1 AND 4094),
    name        TEXT NOT NULL,
    notes       TEXT,
    version     INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    UNIQUE (site_id, number)
);

-- A subnet in CIDR. Addresses are also kept as fixed-width sort keys (family and 32 hex
-- digits, see domain::ipam::ip_sort_key) so that ranges compare as text in an index: overlap
-- and containment are two comparisons, and addresses sort numerically.
CREATE TABLE subnets (
    id          INTEGER PRIMARY KEY,
    site_id     INTEGER NOT NULL REFERENCES locations (id),
    vlan_id     INTEGER REFERENCES vlans (id),
    cidr        TEXT NOT NULL,
    first_key   TEXT NOT NULL,
    last_key    TEXT NOT NULL,
    name        TEXT NOT NULL,
    gateway     TEXT,
    dhcp_start  TEXT,
    dhcp_end    TEXT,
    dns         TEXT,
    notes       TEXT,
    version     INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX subnets_by_site ON subnets (site_id, first_key);
CREATE INDEX subnets_by_vlan ON subnets (vlan_id);

-- A network interface of an asset: its address in a subnet, its MAC and hostname.
CREATE TABLE interfaces (
    id          INTEGER PRIMARY KEY,
    asset_id    INTEGER NOT NULL REFERENCES assets (id),
    subnet_id   INTEGER REFERENCES subnets (id),
    name        TEXT,
    ip          TEXT,
    ip_key      TEXT,
    -- Upper case, colon-separated: AA:BB:CC:DD:EE:FF.
    mac         TEXT,
    hostname    TEXT,
    version     INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    CHECK ((ip IS NULL) = (ip_key IS NULL)),
    CHECK (ip IS NULL OR subnet_id IS NOT NULL)
);
CREATE INDEX interfaces_by_asset ON interfaces (asset_id);
-- An address is used once in its subnet; the index also walks a subnet's addresses in order.
CREATE UNIQUE INDEX interfaces_address ON interfaces (subnet_id, ip_key) WHERE ip_key IS NOT NULL;
CREATE UNIQUE INDEX interfaces_mac ON interfaces (mac) WHERE mac IS NOT NULL;
CREATE INDEX interfaces_by_ip ON interfaces (ip_key) WHERE ip_key IS NOT NULL;

-- A cable between two network devices, port to port.
CREATE TABLE network_links (
    id          INTEGER PRIMARY KEY,
    from_asset_id INTEGER NOT NULL REFERENCES assets (id),
    from_port   TEXT,
    to_asset_id INTEGER NOT NULL REFERENCES assets (id),
    to_port     TEXT,
    notes       TEXT,
    version     INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    CHECK (from_asset_id <> to_asset_id)
);
CREATE INDEX network_links_from ON network_links (from_asset_id);
CREATE INDEX network_links_to ON network_links (to_asset_id);
