//! What the session holds once someone signed in.

use app::model::PersonId;
use app::model::{AuthMeans, Role, Viewer};
use serde::{Deserialize, Serialize};

/// The session key of [`SignedIn`].
pub const KEY: &str = "signed_in";
/// The session key of the pending sign-in ([`super::PendingSignIn`]).
pub const PENDING_KEY: &str = "sign_in_pending";

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SignedIn {
    pub person_id: PersonId,
    pub subject: String,
    pub given_name: String,
    pub family_name: String,
    pub means: AuthMeans,
    pub role: Role,
    /// The provider's ID token, sent back as `id_token_hint` at sign-out.
    pub id_token: String,
    /// Unix seconds: the absolute timeout counts from here.
    pub signed_in_at: i64,
    /// Unix seconds of the last request that renewed the idle timeout.
    pub last_seen: i64,
}

impl SignedIn {
    pub fn viewer(&self) -> Viewer {
        Viewer {
            person_id: self.person_id.clone(),
            given_name: self.given_name.clone(),
            family_name: self.family_name.clone(),
            means: self.means,
            role: self.role,
        }
    }
}
