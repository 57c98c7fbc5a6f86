//! Small reusable pieces of UI.

mod error_summary;
mod fields;
mod form_messages;
mod http_status;
mod layout;
pub mod wizard;

pub use error_summary::ErrorSummary;
pub use fields::{
    described_by, CheckboxGroup, CheckboxItem, RadioGroup, RadioOption, SelectField, SelectOption,
    TextArea, TextField,
};
pub use form_messages::FormMessages;
pub use http_status::set_http_status;
pub use layout::{path_and_query, percent_encode, sign_in_href, SiteFooter, SiteHeader, SkipLink};
