//! The scripts a page does not need, taken out before it leaves. The portal runs Leptos in
//! islands mode (docs/islands.md): nothing outside an island hydrates, and an island gets its
//! props in its `data-props`. Two kinds of script would still reach every page:
//!
//! - Leptos's hydration data, which leptos_axum appends after the document:
//!   `<script nonce=…>__RESOLVED_RESOURCES=[…];…</script><script nonce=…>__INCOMPLETE_CHUNKS=…`.
//!   The browser never reads it (the shell writes no resource for it), so it always goes.
//! - The island loader (`<HydrationScripts islands=true/>`, the shell's last element: two
//!   preload links and a module script): it goes from a page that has no `<leptos-island>`, so
//!   a page where nothing acts fetches no JavaScript and no WASM at all.
//!
//! Which page has an island is known only once it is rendered (a request with an open question
//! has one, the same page without has none), hence here, on the finished page.

use axum::body::Body;
use axum::extract::Request;
use axum::http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// What begins each of Leptos's data scripts.
const DATA_MARKERS: [&[u8]; 3] = [
    b"__RESOLVED_RESOURCES",
    b"__INCOMPLETE_CHUNKS",
    b"__SERIALIZED_ERRORS",
];
/// The island loader's first element, as `HydrationScripts` writes it.
const LOADER_START: &[u8] = b"<link rel=\"modulepreload\"";
const ISLAND: &[u8] = b"<leptos-island";
const SCRIPT_END: &[u8] = b"</script>";

pub async fn trim(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let is_page = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("text/html"));
    if !is_page {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    // A page is tens of kilobytes, rendered whole (SsrMode::Async) before it is sent.
    let Ok(page) = axum::body::to_bytes(body, usize::MAX).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let trimmed = trimmed(&page);
    parts.headers.remove(CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(trimmed))
}

/// The page without Leptos's data scripts, and without the island loader if it has no island.
fn trimmed(page: &[u8]) -> Vec<u8> {
    let mut kept = Vec::with_capacity(page.len());
    let has_island = find(page, ISLAND).is_some();
    let mut rest = page;
    while let Some(open) = find(rest, b"<") {
        let at = &rest[open..];
        let cut = if !has_island && at.starts_with(LOADER_START) {
            // The two links and the module script, in this order, up to the script's end.
            find(at, SCRIPT_END).map(|end| end + SCRIPT_END.len())
        } else if at.starts_with(b"<script") {
            at.iter().position(|&b| b == b'>').and_then(|tag_end| {
                let content = &at[tag_end + 1..];
                let is_data = DATA_MARKERS
                    .iter()
                    .any(|marker| content.starts_with(marker));
                let end = find(content, SCRIPT_END)?;
                is_data.then_some(tag_end + 1 + end + SCRIPT_END.len())
            })
        } else {
            None
        };
        match cut {
            Some(length) => {
                kept.extend_from_slice(&rest[..open]);
                rest = &at[length..];
            }
            None => {
                kept.extend_from_slice(&rest[..=open]);
                rest = &at[1..];
            }
        }
    }
    kept.extend_from_slice(rest);
    kept
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::trimmed;

    fn page(body: &str) -> String {
        let loader = concat!(
            r#"<link rel="modulepreload" href="/pkg/alarmis.js" crossorigin="n">"#,
            r#"<link rel="preload" href="/pkg/alarmis.wasm" as="fetch" type="application/wasm" crossorigin="n">"#,
            r#"<script type="module" nonce="n">((root) => {})("", "pkg")</script>"#
        );
        let data = concat!(
            r#"<script nonce="n">__RESOLVED_RESOURCES=[];__SERIALIZED_ERRORS=[];</script>"#,
            r#"<script nonce="n">__INCOMPLETE_CHUNKS=[];</script>"#
        );
        format!("<!DOCTYPE html><html><head></head><body>{body}{loader}</body></html>{data}")
    }

    fn trim(page: &str) -> String {
        String::from_utf8(trimmed(page.as_bytes())).expect("text")
    }

    #[test]
    fn a_page_without_an_island_loses_every_script() {
        assert_eq!(
            trim(&page("<p>a <b>page</b></p>")),
            "<!DOCTYPE html><html><head></head><body><p>a <b>page</b></p></body></html>"
        );
    }

    #[test]
    fn a_page_with_an_island_keeps_its_loader_and_loses_the_data() {
        let island =
            r#"<leptos-island data-component="FormCheck_1"><span hidden></span></leptos-island>"#;
        let trimmed = trim(&page(island));
        assert!(trimmed.contains(island));
        assert!(trimmed.contains(r#"<script type="module" nonce="n">"#));
        assert!(trimmed.contains("/pkg/alarmis.wasm"));
        assert!(!trimmed.contains("__RESOLVED_RESOURCES"));
        assert!(!trimmed.contains("__INCOMPLETE_CHUNKS"));
        assert!(trimmed.ends_with("</html>"));
    }
}
