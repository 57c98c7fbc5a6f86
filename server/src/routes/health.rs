//! `GET /healthz`: for load balancers and monitoring; answers 503 when the database is down.

use std::time::Duration;

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::Serialize;

use crate::AppState;

#[derive(Serialize)]
pub struct Health {
    status: &'static str,
    database: &'static str,
}

pub async fn healthz(State(state): State<AppState>) -> (StatusCode, Json<Health>) {
    let database_up =
        tokio::time::timeout(Duration::from_secs(2), crate::store::pool::ping(&state.db))
            .await
            .is_ok_and(|ping| ping.is_ok());
    if database_up {
        (
            StatusCode::OK,
            Json(Health {
                status: "ok",
                database: "ok",
            }),
        )
    } else {
        tracing::warn!("health check: the database did not answer");
        (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(Health {
                status: "unavailable",
                database: "unreachable",
            }),
        )
    }
}
