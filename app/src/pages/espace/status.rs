//! What a page shows when its server function refused: sign in, not allowed, not found, or
//! try again later; with the matching HTTP status when rendered on the server.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_location;

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::api::PortalError;
use crate::components::{set_http_status, sign_in_href};
use crate::i18n::use_i18n;
use crate::model::{StepValues, Submitted};

#[component]
pub fn RefusalPanel(error: PortalError) -> impl IntoView {
    set_http_status(error.status_code());
    let i18n = use_i18n();
    let location = use_location();
    let (title, body) = match error {
        PortalError::SignInRequired => ("sign-in-required-title", "sign-in-required-body"),
        PortalError::Forbidden => ("forbidden-title", "forbidden-body"),
        PortalError::NotFound => ("not-found-title", "espace-not-found-body"),
        _ => ("unavailable-title", "error-unavailable"),
    };
    let sign_in = matches!(error, PortalError::SignInRequired).then(|| {
        let href = sign_in_href(&location.pathname.get_untracked());
        view! { <p><a class="button" href=href rel="external">{i18n.t("sign-in")}</a></p> }
    });
    view! {
        <Title text=i18n.t(title)/>
        <h1 class="page-title">{i18n.t(title)}</h1>
        <p>{i18n.t(body)}</p>
        {sign_in}
    }
}

/// A page's data, loaded on the server before the first byte is sent (`SsrMode::Async`): `ready`
/// renders it; a refusal (sign in first, not found, not allowed, unavailable) shows its panel
/// and status instead. What every page with data does, in one place.
#[component]
pub fn Loaded<T, F>(resource: Resource<Result<T, PortalError>>, ready: F) -> impl IntoView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    F: Fn(T) -> AnyView + Clone + Send + Sync + 'static,
{
    let i18n = use_i18n();
    view! {
        <Suspense fallback=move || view! { <p>{i18n.t("loading")}</p> }>
            {move || {
                let ready = ready.clone();
                Suspend::new(async move {
                    match resource.await {
                        Ok(value) => ready(value),
                        Err(error) => view! { <RefusalPanel error/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// A page's data and the form the server sent back with it, if any: a post refused without
/// JavaScript comes back at its own address with what was typed and why.
pub type WithSentBack<T> = (T, Option<Submitted<StepValues>>);

/// A page's data loaded for `key`, with the form the server sent back: the loader of every page
/// whose forms post to the server's own routes.
pub fn load_with_sent_back<K, T, Fut>(
    key: impl Fn() -> K + Send + Sync + 'static,
    load: impl Fn(K) -> Fut + Send + Sync + 'static,
) -> Resource<Result<WithSentBack<T>, PortalError>>
where
    K: PartialEq + Clone + Send + Sync + 'static,
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    Fut: std::future::Future<Output = Result<T, PortalError>> + Send + 'static,
{
    let submitted = Submitted::<StepValues>::from_server();
    Resource::new(key, move |key| {
        let submitted = submitted.clone();
        let loading = load(key);
        async move { loading.await.map(|value| (value, submitted)) }
    })
}
