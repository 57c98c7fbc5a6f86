//! Every address the portal answers, in four routers beside the Leptos pages and server
//! functions: the applicant's plain routes, the Police's, sign-in, and the development and test
//! routes (only when configured); then static files, and the layers every request goes through.

use app::api::backend::{
    PublicUrl, SessionIdleSeconds, SharedCaseStore, SharedEspaceStore, SharedRequestStore,
    SharedSiteStore,
};
use app::{paths, shell, App};
use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderName, HeaderValue};
use axum::middleware::{from_fn, from_fn_with_state};
use axum::routing::{get, post};
use axum::Router;
use leptos::prelude::{provide_context, use_context};
use leptos_axum::{file_and_error_handler_with_context, generate_route_list, LeptosRoutes};
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::services::ServeDir;
use tower_http::trace::TraceLayer;

use crate::{
    api_errors, auth, body_limit, csrf, dev_idp, metrics, page_scripts, rate_limit, routes,
    security_headers, store, AppState,
};

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Every route of the portal: pages and server functions (Leptos), plain routes, static files.
pub fn router(state: AppState) -> Router {
    let pages = generate_route_list(App);
    let leptos_options = state.leptos_options.clone();
    let mut router = Router::new()
        .route(paths::HEALTH, get(routes::healthz))
        .route(paths::METRICS, get(metrics::export))
        .route(paths::LANGUAGE, get(routes::choose_language))
        .route(paths::OBLIGATIONS_SHEET, get(routes::obligations_sheet))
        .merge(sign_in(&state))
        .merge(applicant(&state))
        .merge(police())
        .leptos_routes_with_context(&state, pages, page_context(&state), move || {
            shell(leptos_options.clone())
        })
        // The site's files (bundle, CSS, assets), else the Leptos "not found" page. tower-http
        // serves the files rather than leptos_axum's `file_and_error_handler`: that one wraps
        // each file response in `Owner::new()`, which on a busy worker thread can attach to
        // another request's owner and copy its status (under load, a 401 page made
        // `/pkg/alarmis.js` answer 401).
        .fallback_service(
            // scripts/build-site writes each file compressed beforehand (brotli at its best
            // quality, a quarter smaller than compressing on the fly).
            ServeDir::new(&*state.leptos_options.site_root)
                .precompressed_br()
                .precompressed_gzip()
                .fallback(axum::handler::Handler::with_state(
                    file_and_error_handler_with_context::<AppState, _>(page_context(&state), shell),
                    state.clone(),
                )),
        );
    if let Some(idp) = state.dev_idp.clone() {
        router = router.nest(paths::DEV_IDP, dev_idp::router(idp));
    }
    if state.config.test_clock {
        router = router.route(
            paths::TEST_CLOCK,
            get(routes::test_clock_today).post(routes::advance_test_clock),
        );
    }
    with_layers(router, &state).with_state(state)
}

/// Signing in and out with the identity provider; starting a sign-in and coming back from
/// the provider are rate-limited per network address.
fn sign_in(state: &AppState) -> Router<AppState> {
    let limited = || from_fn_with_state(state.clone(), rate_limit::sign_ins);
    Router::new()
        .route(paths::SIGN_IN, get(auth::login).layer(limited()))
        .route(
            paths::SIGN_IN_CALLBACK,
            get(auth::callback).layer(limited()),
        )
        .route(paths::SIGN_OUT, post(auth::logout))
}

/// The applicant's plain forms and files (the same forms work without JavaScript): business
/// eSpaces and invitations, the wizards, documents, certification codes, connected sites.
fn applicant(state: &AppState) -> Router<AppState> {
    // Routes that take files: one request's documents at most, and files counted per person.
    let uploads = || from_fn_with_state(state.clone(), rate_limit::uploads);
    let upload_size = || DefaultBodyLimit::max(routes::UPLOAD_BODY_LIMIT);
    Router::new()
        .route(
            paths::NEW_BUSINESS,
            post(routes::create_business_without_javascript),
        )
        .route(
            paths::BUSINESS_INVITATION,
            post(routes::invite_without_javascript),
        )
        .route(paths::INVITATION, post(routes::accept_without_javascript))
        .route(paths::NEW_REQUEST, post(routes::start_request))
        .route(
            paths::CERTIFICATION_CODE,
            post(routes::redeem)
                .layer(from_fn_with_state(state.clone(), rate_limit::code_attempts)),
        )
        .route(paths::EXPORT, get(routes::person_data))
        .route(
            paths::REQUEST,
            post(routes::answer).layer(upload_size()).layer(uploads()),
        )
        .route(paths::SITE_CHANGE, post(routes::report_change))
        .route(paths::SITE_FEE_CONTEST, post(routes::contest_fee))
        .route(
            paths::SITE_CHECKS,
            post(routes::record_check)
                .layer(upload_size())
                .layer(uploads()),
        )
        .route(paths::SITE_CERTIFICATE, get(routes::member_certificate))
        .route(paths::REQUEST_DELETE, post(routes::delete_request))
        .route(paths::DOCUMENT, get(routes::download))
        .route(paths::DOCUMENT_REMOVE, post(routes::remove))
        .route(paths::RECEIPT, get(routes::receipt))
        .route(
            paths::REQUEST_STEP,
            // The documents step takes uploads (form answers are limited by their extractor).
            post(routes::post_step)
                .layer(upload_size())
                .layer(uploads()),
        )
}

/// The Police's back office: cases, their documents and audit trail, letters, connected sites.
fn police() -> Router<AppState> {
    Router::new()
        .route(paths::AGENT_TRAIL, get(routes::trail_csv))
        .route(paths::AGENT_CASE_TRAIL, get(routes::case_trail_csv))
        .route(paths::AGENT_CASE_TAKE, post(routes::take))
        .route(paths::AGENT_CASE_QUESTION, post(routes::ask))
        .route(paths::AGENT_CASE_DECISION, post(routes::decide))
        .route(paths::AGENT_DOCUMENT, get(routes::agent_document))
        .route(paths::AGENT_CASE_LETTER, post(routes::letter))
        .route(paths::AGENT_CASE_POSTED, post(routes::posted))
        .route(paths::AGENT_SITE_CHANGE, post(routes::decide_change))
        .route(
            paths::AGENT_SITE_FALSE_ALERTS,
            post(routes::record_false_alert),
        )
        .route(
            paths::AGENT_SITE_CONNECTION,
            post(routes::record_connection),
        )
        .route(paths::AGENT_SITE_FEE_DECISION, post(routes::decide_fee))
        .route(paths::AGENT_PRICE_INDEX, post(routes::enter_price_index))
        .route(
            paths::AGENT_SITE_CERTIFICATE,
            get(routes::agent_certificate),
        )
}

/// What every request goes through, innermost first: scripts trimmed from pages without an
/// island, the signed-in person, the session, the cross-site check, error statuses, security
/// headers, body limits, compression, metrics, the log's span and the request's id.
fn with_layers(router: Router<AppState>, state: &AppState) -> Router<AppState> {
    router
        .layer(from_fn(page_scripts::trim))
        .layer(from_fn_with_state(state.clone(), auth::attach_viewer))
        .layer(store::sessions::layer(state.db.clone(), &state.config))
        .layer(from_fn(csrf::refuse_cross_origin))
        .layer(from_fn(api_errors::portal_error_status))
        .layer(from_fn_with_state(
            state.security_headers.clone(),
            security_headers::add,
        ))
        .layer(from_fn(body_limit::limit_bodies))
        .layer(CompressionLayer::new())
        .layer(from_fn(metrics::record))
        .layer(
            // Path only: query strings can hold what people typed (a postcode, a name).
            TraceLayer::new_for_http().make_span_with(|request: &axum::http::Request<_>| {
                let id = request
                    .headers()
                    .get(REQUEST_ID)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("-");
                tracing::info_span!("request", id, method = %request.method(), path = %request.uri().path())
            }),
        )
        // Outermost: every log line of a request carries its id, and the response says it
        // (a person quoting it to the helpdesk finds the lines). A proxy's id is kept.
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
}

/// What pages and server functions find in context beside the state: the eSpace store and
/// the public address. Every renderer provides it (the routes here, forms sent back).
pub(crate) fn page_context(state: &AppState) -> impl Fn() + Clone + Send + Sync + 'static {
    let espaces: SharedEspaceStore = state.espaces.clone();
    let requests: SharedRequestStore = state.requests.clone();
    let cases: SharedCaseStore = state.cases.clone();
    let sites: SharedSiteStore = state.sites.clone();
    let public_url = PublicUrl(state.config.public_url.clone());
    let session_idle = SessionIdleSeconds(state.config.session_idle.as_secs());
    let retention = app::model::retention::RetentionTerms {
        draft_days: state.config.retention.draft_days,
        draft_warning_days: state.config.retention.draft_warning_days,
        refused_years: state.config.retention.refused_years,
    };
    let security_headers = state.security_headers.clone();
    move || {
        // leptos_axum made this render's nonce and put it on its inline scripts.
        if let (Some(nonce), Some(response)) = (
            leptos::nonce::use_nonce(),
            use_context::<leptos_axum::ResponseOptions>(),
        ) {
            if let Ok(policy) = HeaderValue::from_str(&security_headers.page_policy(&nonce)) {
                response.insert_header(header::CONTENT_SECURITY_POLICY, policy);
            }
        }
        provide_context(espaces.clone());
        provide_context(requests.clone());
        provide_context(cases.clone());
        provide_context(sites.clone());
        provide_context(public_url.clone());
        provide_context(session_idle);
        provide_context(retention);
    }
}

#[cfg(test)]
mod tests {
    use app::{paths, App};
    use leptos_axum::generate_route_list;

    /// Leptos' `path!` spells each page's address again: it must be the path table's.
    // Leptos spawns its tasks on Tokio while it lists the routes.
    #[tokio::test]
    async fn the_pages_routes_are_the_path_tables_pages() {
        let mut routed: Vec<String> = generate_route_list(App)
            .iter()
            .map(|route| route.path().to_owned())
            .collect();
        routed.sort();
        routed.dedup();
        let mut table: Vec<String> = paths::PAGES.iter().map(|p| (*p).to_owned()).collect();
        table.sort();
        assert_eq!(routed, table);
    }
}
