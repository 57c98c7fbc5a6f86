//! What both islands do with the page (browser only): listen to an event for the page's life,
//! find an event's element, and mark an island awake.

use leptos::prelude::document;
use leptos::wasm_bindgen::closure::Closure;
use leptos::wasm_bindgen::JsCast;
use leptos::web_sys::{Element, Event};

pub fn listen(target: &Element, event: &str, handler: impl FnMut(Event) + 'static) {
    let closure = Closure::<dyn FnMut(Event)>::new(handler);
    let _ = target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    // The listener lives as long as the page: the page is replaced whole on navigation.
    closure.forget();
}

pub fn target_element(event: &Event) -> Option<Element> {
    event.target().and_then(|t| t.dyn_into::<Element>().ok())
}

/// Marks the page's islands of this kind awake (`<leptos-island data-hydrated>`), which the
/// end-to-end tests wait for before they type: an island whose WASM never came stays unmarked.
pub fn mark_awake(kind: &str) {
    let selector = format!("leptos-island[data-component^=\"{kind}_\"]");
    let Ok(islands) = document().query_selector_all(&selector) else {
        return;
    };
    for index in 0..islands.length() {
        if let Some(island) = islands
            .item(index)
            .and_then(|n| n.dyn_into::<Element>().ok())
        {
            let _ = island.set_attribute("data-hydrated", "true");
        }
    }
}
