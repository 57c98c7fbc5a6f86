//! The pages a public-sector site owes its users, linked from every page's footer: the
//! accessibility statement (law of 28 May 2019, directive (EU) 2016/2102) and the privacy
//! notice (GDPR Art. 13 and 14). Their words are in the catalogues; here is their outline.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::retention_terms;
use crate::i18n::{use_i18n, FluentArgs, I18n};
use crate::model::retention::RetentionTerms;

/// The section the configured retention periods join.
const RETENTION_HEADING: &str = "privacy-retention-title";

pub use crate::paths::{ACCESSIBILITY as ACCESSIBILITY_PATH, PRIVACY as PRIVACY_PATH};

/// One part of a statement: its heading, its paragraphs, then a list if it has one.
struct Section {
    heading: &'static str,
    paragraphs: &'static [&'static str],
    items: &'static [&'static str],
}

const ACCESSIBILITY: &[Section] = &[
    Section {
        heading: "a11y-status-title",
        paragraphs: &["a11y-status"],
        items: &[],
    },
    Section {
        heading: "a11y-issues-title",
        paragraphs: &[],
        items: &["a11y-issue-pdf"],
    },
    Section {
        heading: "a11y-method-title",
        paragraphs: &["a11y-method"],
        items: &[],
    },
    Section {
        heading: "a11y-feedback-title",
        paragraphs: &["a11y-feedback", "legal-contact"],
        items: &[],
    },
    Section {
        heading: "a11y-enforcement-title",
        paragraphs: &["a11y-enforcement"],
        items: &[],
    },
];

const PRIVACY: &[Section] = &[
    Section {
        heading: "privacy-controller-title",
        paragraphs: &["privacy-controller", "legal-contact"],
        items: &[],
    },
    Section {
        heading: "privacy-purpose-title",
        paragraphs: &["privacy-purpose", "privacy-basis"],
        items: &[],
    },
    Section {
        heading: "privacy-data-title",
        paragraphs: &[],
        items: &[
            "privacy-data-identity",
            "privacy-data-business",
            "privacy-data-request",
            "privacy-data-exchange",
            "privacy-data-technical",
        ],
    },
    Section {
        heading: "privacy-others-title",
        paragraphs: &["privacy-others"],
        items: &[],
    },
    Section {
        heading: "privacy-recipients-title",
        paragraphs: &["privacy-recipients"],
        items: &[],
    },
    Section {
        heading: RETENTION_HEADING,
        paragraphs: &[],
        items: &[
            "privacy-retention-session",
            "privacy-retention-limits",
            "privacy-retention-language",
            "privacy-retention-requests",
            "privacy-retention-trail",
        ],
    },
    Section {
        heading: "privacy-rights-title",
        paragraphs: &["privacy-rights", "privacy-export", "privacy-complaint"],
        items: &[],
    },
];

#[component]
pub fn AccessibilityPage() -> impl IntoView {
    view! { <Statement title="a11y-title" intro="a11y-intro" sections=ACCESSIBILITY retention=None/> }
}

#[component]
pub fn PrivacyPage() -> impl IntoView {
    let i18n = use_i18n();
    let terms = Resource::new(|| (), |_| retention_terms());
    view! {
        <Suspense fallback=move || view! { <p>{i18n.t("loading")}</p> }>
            {move || Suspend::new(async move {
                let retention = terms.await.ok();
                view! { <Statement title="privacy-title" intro="privacy-intro" sections=PRIVACY retention/> }
            })}
        </Suspense>
    }
}

/// The retention periods the configuration sets, as list items of their section.
fn retention_items(i18n: I18n, terms: RetentionTerms) -> Vec<String> {
    let mut drafts = FluentArgs::new();
    drafts.set("days", terms.draft_days);
    drafts.set("warning", terms.draft_warning_days);
    let mut refused = FluentArgs::new();
    refused.set("years", terms.refused_years);
    vec![
        i18n.t_with("privacy-retention-drafts", &drafts),
        i18n.t_with("privacy-retention-refused", &refused),
    ]
}

#[component]
fn Statement(
    title: &'static str,
    intro: &'static str,
    sections: &'static [Section],
    /// The privacy notice's configured periods, listed with its retention section.
    retention: Option<RetentionTerms>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t(title)/>
        <div class="statement">
            <h1 class="page-title">{i18n.t(title)}</h1>
            <p class="lead">{i18n.t(intro)}</p>
            {sections
                .iter()
                .map(|section| {
                    let configured = match retention {
                        Some(terms) if section.heading == RETENTION_HEADING => retention_items(i18n, terms),
                        _ => Vec::new(),
                    };
                    view! {
                        <h2>{i18n.t(section.heading)}</h2>
                        {section.paragraphs.iter().map(|id| view! { <p>{i18n.t(id)}</p> }).collect_view()}
                        {(!section.items.is_empty())
                            .then(|| {
                                view! {
                                    <ul class="list">
                                        {section.items.iter().map(|id| view! { <li>{i18n.t(id)}</li> }).collect_view()}
                                        {configured.into_iter().map(|text| view! { <li>{text}</li> }).collect_view()}
                                    </ul>
                                }
                            })}
                    }
                })
                .collect_view()}
            <p class="statement__updated">{i18n.t("legal-updated")}</p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{catalog, Locale};

    #[test]
    fn every_message_of_both_statements_exists_in_every_language() {
        let ids = ACCESSIBILITY
            .iter()
            .chain(PRIVACY)
            .flat_map(|s| {
                std::iter::once(s.heading)
                    .chain(s.paragraphs.iter().copied())
                    .chain(s.items.iter().copied())
            })
            .chain([
                "a11y-title",
                "a11y-intro",
                "privacy-title",
                "privacy-intro",
                "legal-updated",
                "privacy-retention-drafts",
                "privacy-retention-refused",
            ]);
        for id in ids {
            for locale in Locale::ALL {
                assert!(
                    catalog::has_message(locale, id),
                    "{id} missing in {locale:?}"
                );
            }
        }
    }
}
