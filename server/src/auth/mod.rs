//! Sign-in and sign-out: the routes around the OpenID Connect relying party, the session's
//! record of who signed in, and the middleware that tells pages and server functions.

mod relying_party;
mod routes;
mod signed_in;
mod viewer;

pub use relying_party::{PendingSignIn, RelyingParty, SignInError, VerifiedIdentity};
pub use routes::{callback, login, logout, FAILURE_PATH};
pub use signed_in::SignedIn;
pub use viewer::attach_viewer;
