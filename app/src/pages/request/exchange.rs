//! The messages of a case, both ways, as a list: on the applicant's request page and on the
//! Police's case page. What a person wrote is shown as text (never as markup).

use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::model::case::{CaseMessage, Direction};

#[component]
pub fn Exchange(messages: Vec<CaseMessage>, #[prop(optional)] for_agent: bool) -> impl IntoView {
    let i18n = use_i18n();
    if messages.is_empty() {
        return ().into_any();
    }
    let items = messages
        .into_iter()
        .map(|message| {
            let from = match (message.direction, for_agent) {
                (Direction::ToApplicant, _) => i18n.t("exchange-from-police"),
                (Direction::FromApplicant, true) => i18n.t("exchange-from-applicant"),
                (Direction::FromApplicant, false) => i18n.t("exchange-from-you"),
            };
            let class = match message.direction {
                Direction::ToApplicant => "message message--police",
                Direction::FromApplicant => "message message--applicant",
            };
            view! {
                <li class=class>
                    <p class="message__meta">
                        <strong>{from}</strong> " · "
                        <time datetime=message.created_at.clone()>{i18n.date_time(&message.created_at)}</time>
                    </p>
                    <p class="message__subject">{i18n.t(&message.kind.subject_id())}</p>
                    {message.body.map(|body| view! { <p class="message__body">{body}</p> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <section id="messages" aria-labelledby="messages-title">
            <h2 class="heading-m" id="messages-title">{i18n.t("exchange-title")}</h2>
            <ol class="messages" data-testid="exchange">{items}</ol>
        </section>
    }
    .into_any()
}
