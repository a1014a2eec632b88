//! Courses: the training an employee can complete, with its hours and validity.
//! Retired, never deleted: the shared behaviour is in [`crate::store::retired_list`].

use crate::domain::permissions::Area;
use crate::domain::staff::catalog::{Course, ValidCourse};

crate::retired_list!(
    Course,
    ValidCourse,
    "courses",
    Area::Staff,
    "course",
    [hours, validity_months]
);
