//! Contract types: the editable list an employee's contract is chosen from.
//! Retired, never deleted: the shared behaviour is in [`crate::store::retired_list`].

use crate::domain::permissions::Area;
use crate::domain::staff::catalog::{ContractType, ValidContractType};

crate::retired_list!(
    ContractType,
    ValidContractType,
    "contract_types",
    Area::Staff,
    "contract type",
    [fixed_term]
);
