//! The browser entry point, islands mode: the island script (`HydrationScripts islands=true`)
//! loads this module, calls `hydrate`, then wakes each `<leptos-island>` of the page with its
//! props. Pages, the router and the translations are not here: they render on the server.
#![cfg(feature = "hydrate")]

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // Through `app`, not `leptos` directly: the islands live in `app`, and a crate nothing
    // calls into is left out at link time without a word, its islands with it (leptos issue
    // 3459). The end-to-end tests check that each island wakes up.
    app::islands::hydrate();
}
