//! The invitation forms posted without JavaScript (the pages call server functions otherwise).

use app::model::BusinessId;
use app::pages::{business_path, invitation_path};
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};

use super::extract::SignedInPerson;
use crate::AppState;

/// `POST /espace/entreprises/{id}/invitation`: back to the eSpace's page, showing the link.
pub async fn invite_without_javascript(
    State(state): State<AppState>,
    Path(business_id): Path<BusinessId>,
    SignedInPerson(viewer): SignedInPerson,
) -> Response {
    let page = business_path(&business_id);
    match state
        .espaces
        .create_invitation(&viewer.person_id, &business_id)
        .await
    {
        Ok(Some(token)) => Redirect::to(&format!("{page}?invitation={token}")).into_response(),
        // Not an administrator there: the page says what this person may see.
        Ok(None) => Redirect::to(&page).into_response(),
        Err(error) => {
            tracing::error!(%error, "cannot create an invitation");
            Redirect::to(&page).into_response()
        }
    }
}

/// `POST /espace/invitations/{token}`: joins, then goes to the eSpace; an unusable token goes
/// back to the invitation page, which explains.
pub async fn accept_without_javascript(
    State(state): State<AppState>,
    Path(token): Path<String>,
    SignedInPerson(viewer): SignedInPerson,
) -> Response {
    let page = invitation_path(&token);
    match state
        .espaces
        .accept_invitation(&viewer.person_id, &token)
        .await
    {
        Ok(Some(business_id)) => Redirect::to(&business_path(&business_id)).into_response(),
        Ok(None) => Redirect::to(&page).into_response(),
        Err(error) => {
            tracing::error!(%error, "cannot accept an invitation");
            Redirect::to(&page).into_response()
        }
    }
}
