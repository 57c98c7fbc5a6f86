//! The last step: every answer with a "change" link, the documents, and the submit button.
//! Submitting twice (a double click, a form sent again) gives the same reference.

use leptos::prelude::*;

use super::questions::sections;
use super::{change_path, step_path};
use crate::components::wizard::{Control, ReviewRow, ReviewSection};
use crate::i18n::{use_i18n, FluentArgs, I18n};
use crate::model::step_form::is_checked;
use crate::model::{ProcedureRequest, StepValues, WizardStep};

/// The rows of one step's answers, as the person would read them.
pub fn answer_rows(i18n: I18n, request: &ProcedureRequest, step: WizardStep) -> Vec<ReviewRow> {
    let values = request.answers_of(step).cloned().unwrap_or_default();
    value_rows(i18n, step, &values, None)
}

/// The rows of a step's `values`; with `only`, the rows of those inputs alone (a change report
/// of part of a step).
pub fn value_rows(
    i18n: I18n,
    step: WizardStep,
    values: &StepValues,
    only: Option<&[&str]>,
) -> Vec<ReviewRow> {
    let mut rows = Vec::new();
    for section in sections(step) {
        let prefix = section.legend.map(|legend| {
            let mut args = FluentArgs::new();
            args.set("n", section.n.unwrap_or(0));
            i18n.t_with(legend, &args)
        });
        let questions: Vec<_> = section
            .questions
            .into_iter()
            .filter(|q| only.is_none_or(|fields| fields.contains(&q.id)))
            .collect();
        // An optional group left empty (the third contact person) is not listed.
        let answered = questions.iter().any(|q| match q.control {
            Control::Checkboxes(boxes) => boxes.iter().any(|(n, _)| values.contains_key(*n)),
            _ => values.contains_key(q.id),
        });
        if !answered {
            continue;
        }
        for question in questions {
            let value = match question.control {
                Control::Select(choices) | Control::Radios(choices) => values
                    .get(question.id)
                    .and_then(|v| choices.iter().find(|(c, _)| c == v))
                    .map(|(_, label)| i18n.t(label)),
                Control::Checkboxes(boxes) => {
                    let ticked: Vec<String> = boxes
                        .iter()
                        .filter(|(name, _)| values.get(*name).is_some_and(|v| is_checked(v)))
                        .map(|(_, label)| i18n.t(label))
                        .collect();
                    (!ticked.is_empty()).then(|| ticked.join("\n"))
                }
                Control::Text { .. } | Control::Area => values.get(question.id).cloned(),
            };
            let label = match &prefix {
                Some(prefix) => format!("{prefix} – {}", i18n.t(question.label)),
                None => i18n.t(question.label),
            };
            rows.push(ReviewRow {
                label,
                value: value.unwrap_or_else(|| i18n.t("review-not-given")),
            });
        }
    }
    rows
}

pub fn document_rows(i18n: I18n, request: &ProcedureRequest) -> Vec<ReviewRow> {
    request
        .documents
        .iter()
        .map(|d| ReviewRow {
            label: i18n.t(&d.kind.message_id()),
            value: format!("{} ({})", d.file_name, i18n.size(d.size_bytes)),
        })
        .collect()
}

/// Every step's answers; with "change" links while the request is a draft.
#[component]
pub fn AllAnswers(request: ProcedureRequest, editable: bool) -> impl IntoView {
    let i18n = use_i18n();
    request
        .steps()
        .iter()
        .copied()
        .filter(|s| *s != WizardStep::Review)
        .map(|step| {
            let rows = if step == WizardStep::Documents {
                document_rows(i18n, &request)
            } else {
                answer_rows(i18n, &request, step)
            };
            let change_href =
                editable.then(|| change_path(&request.business_id, &request.id, step));
            view! { <ReviewSection title=i18n.t(&step.title_id()) rows change_href/> }
        })
        .collect_view()
}

#[component]
pub fn ReviewStep(request: ProcedureRequest) -> impl IntoView {
    let i18n = use_i18n();
    let (business_id, request_id) = (request.business_id.clone(), request.id.clone());
    view! {
        <AllAnswers request=request.clone() editable=true/>
        <form class="form" method="post" action=step_path(&business_id, &request_id, WizardStep::Review)>
            <h2 class="heading-m">{i18n.t("review-declaration-title")}</h2>
            <p>{i18n.t("review-declaration")}</p>
            <button class="button" type="submit">
                {i18n.t("review-submit")}
            </button>
        </form>
    }
}
