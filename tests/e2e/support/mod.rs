//! Test support for driving the real app: a WebDriver client and the `App` fixture.
//!
//! ```ignore
//! let app = App::launch("departments_create");
//! app.click("[data-testid=new-department]");
//! app.type_text("input[name=name]", "Sales");
//! app.screenshot("filled");
//! ```

// Helpers exist for the feature tests; not every one is used by every build of this binary.
#![allow(dead_code)]

mod app;
mod driver;
mod launch;
mod paths;
pub mod webdriver;

pub use app::{App, TIMEOUT};
pub use launch::Launch;
pub use paths::screenshot_file;
