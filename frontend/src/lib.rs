//! The browser entry point: hydrate the page the server rendered.
#![cfg(feature = "hydrate")]

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::App);
}
