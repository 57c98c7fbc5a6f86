//! Small reusable pieces of UI.

mod error_summary;
mod fields;
mod layout;

pub use error_summary::ErrorSummary;
pub use fields::{CheckboxGroup, CheckboxItem, RadioGroup, RadioOption, TextField};
pub use layout::{SiteFooter, SiteHeader, SkipLink};
