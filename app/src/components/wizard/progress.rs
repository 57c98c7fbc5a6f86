//! "Step 3 of 8" and the list of steps: done ones are links, the current one is marked for
//! screen readers with `aria-current="step"`, later ones are plain text until reachable.

use leptos::prelude::*;

use crate::i18n::use_i18n;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepState {
    Done,
    Current,
    /// Reachable (every step before it is done) but not done yet.
    Open,
    Locked,
}

#[derive(Clone, Debug)]
pub struct ProgressItem {
    pub label: String,
    pub href: String,
    pub state: StepState,
}

#[component]
pub fn StepProgress(items: Vec<ProgressItem>) -> impl IntoView {
    let i18n = use_i18n();
    let entries = items
        .into_iter()
        .enumerate()
        .map(|(index, item)| {
            let number = index + 1;
            let class = match item.state {
                StepState::Done => "steps__item steps__item--done",
                StepState::Current => "steps__item steps__item--current",
                StepState::Open => "steps__item",
                StepState::Locked => "steps__item steps__item--locked",
            };
            let status = match item.state {
                StepState::Done => Some(i18n.t("wizard-step-done")),
                StepState::Locked => Some(i18n.t("wizard-step-locked")),
                _ => None,
            };
            let label = view! {
                <span class="steps__number" aria-hidden="true">{number}</span>
                <span class="steps__label">{item.label}</span>
                {status.map(|s| view! { <span class="visually-hidden">" (" {s} ")"</span> })}
            };
            match item.state {
                StepState::Current => view! {
                    <li class=class aria-current="step">{label}</li>
                }
                .into_any(),
                StepState::Locked => view! { <li class=class>{label}</li> }.into_any(),
                StepState::Done | StepState::Open => view! {
                    <li class=class><a class="steps__link" href=item.href>{label}</a></li>
                }
                .into_any(),
            }
        })
        .collect_view();
    view! {
        <nav class="steps" aria-label=i18n.t("wizard-progress")>
            <ol class="steps__list">{entries}</ol>
        </nav>
    }
}
