//! The frame of every page: skip link, header with the language switch, footer with contacts.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::i18n::{use_i18n, Locale};
use crate::paths;

/// The first thing a keyboard reaches: straight to the page's content.
#[component]
pub fn SkipLink() -> impl IntoView {
    let i18n = use_i18n();
    view! { <a class="skip-link" href="#main-content">{i18n.t("skip-to-content")}</a> }
}

#[component]
pub fn SiteHeader() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <a class="site-header__brand" href="/">
                    <span class="site-header__name">"ALARMIS"</span>
                    <span class="site-header__owner">{i18n.t("site-owner")}</span>
                </a>
                <AccountNav/>
                <LanguageSwitch/>
            </div>
        </header>
    }
}

/// "Sign in", or the person's name, their eSpace and "Sign out". The sign-out is a form that
/// posts (a link could be triggered by another site); both go to server routes, not the router.
#[component]
fn AccountNav() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    // Blocking: the header is in the first bytes sent, also for browsers without JavaScript.
    let viewer = Resource::new_blocking(|| (), |_| crate::api::current_viewer());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match viewer.await {
                    Ok(Some(viewer)) => view! {
                        <nav class="account-nav" aria-label=i18n.t("account-nav-label")>
                            <a class="account-nav__link" href=paths::PRIVATE_ESPACE>{viewer.display_name()}</a>
                            <form class="account-nav__form" method="post" action=paths::SIGN_OUT>
                                <button class="link-button" type="submit">{i18n.t("sign-out")}</button>
                            </form>
                        </nav>
                    }.into_any(),
                    _ => {
                        let href = move || {
                            let path = location.pathname.get();
                            let return_to = if path == paths::HOME || path == paths::SIGN_IN_FAILURE {
                                paths::PRIVATE_ESPACE.to_owned()
                            } else {
                                path
                            };
                            sign_in_href(&return_to)
                        };
                        view! {
                            <nav class="account-nav" aria-label=i18n.t("account-nav-label")>
                                <a class="account-nav__link" href=href rel="external">{i18n.t("sign-in")}</a>
                            </nav>
                        }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

/// `/auth/login?return_to=<path>`: the server route that starts sign-in and comes back to
/// `path`. The server's own redirects to sign-in use it too.
pub fn sign_in_href(return_to: &str) -> String {
    format!("{}?return_to={}", paths::SIGN_IN, percent_encode(return_to))
}

/// The page's own address without its host (`/espace?x=1`): where a link that leaves the page
/// for a moment (another language, signing in again) brings the person back to.
pub fn path_and_query(path: &str, search: &str) -> String {
    let search = search.trim_start_matches('?');
    if search.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{search}")
    }
}

/// Links, not a script: a language change works without JavaScript and returns to the same page.
/// `rel="external"` keeps the client-side router out, so the server can set the cookie.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let return_to = move || path_and_query(&location.pathname.get(), &location.search.get());
    let links = Locale::ALL
        .into_iter()
        .map(|locale| {
            let current = locale == i18n.locale;
            let href = move || {
                format!(
                    "{}?return_to={}",
                    paths::fill(paths::LANGUAGE, &[locale.code()]),
                    percent_encode(&return_to())
                )
            };
            view! {
                <li>
                    <a
                        class="language-switch__link"
                        href=href
                        rel="external"
                        lang=locale.code()
                        hreflang=locale.code()
                        aria-current=current.then_some("true")
                    >
                        {locale.native_name()}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="language-switch" aria-label=i18n.t("language-switch-label")>
            <ul class="language-switch__list">{links}</ul>
        </nav>
    }
}

/// Percent-encodes everything but unreserved characters, for a path carried in a query value.
pub fn percent_encode(text: &str) -> String {
    let mut encoded = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~/".contains(&byte) {
            encoded.push(byte as char);
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

#[component]
pub fn SiteFooter() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <footer class="site-footer">
            <div class="site-footer__inner">
                <section aria-labelledby="footer-contact-title">
                    <h2 id="footer-contact-title" class="site-footer__title">{i18n.t("footer-contact-title")}</h2>
                    <p>{i18n.t("footer-cin")}</p>
                    <p>
                        <a href="tel:+352244244910">"+352 244 24 49 10"</a>
                        " · "
                        <a href="mailto:alarmis@police.etat.lu">"alarmis@police.etat.lu"</a>
                    </p>
                    <p>{i18n.t("footer-snpc")}</p>
                    <p>
                        <a href="tel:+352244244033">"+352 244 24 40 33"</a>
                        " · "
                        <a href="mailto:prevention@police.etat.lu">"prevention@police.etat.lu"</a>
                    </p>
                </section>
                <nav class="site-footer__links" aria-label=i18n.t("footer-links-label")>
                    <a href=crate::pages::legal::ACCESSIBILITY_PATH>{i18n.t("footer-accessibility")}</a>
                    <a href=crate::pages::legal::PRIVACY_PATH>{i18n.t("footer-privacy")}</a>
                </nav>
                <p class="site-footer__owner">{i18n.t("footer-owner")}</p>
            </div>
        </footer>
    }
}

#[cfg(test)]
mod tests {
    use super::percent_encode;

    #[test]
    fn keeps_paths_readable_and_encodes_query_characters() {
        assert_eq!(percent_encode("/"), "/");
        assert_eq!(percent_encode("/?a=1&b=L 1"), "/%3Fa%3D1%26b%3DL%201");
        assert_eq!(percent_encode("/é"), "/%C3%A9");
    }
}
