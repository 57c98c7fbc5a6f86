//! One module per page; a page's own components live beside it.

mod home;
mod not_found;

pub use home::HomePage;
pub use not_found::NotFound;
