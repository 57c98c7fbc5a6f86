//! The Police's open question on a request, and the applicant's answer: words, a file, or
//! both, through a plain `multipart/form-data` form (with or without JavaScript) posted to the
//! request's own address, so that a refused answer comes back at the page's address.

use leptos::prelude::*;

use super::documents::{KindAndFile, FILE_FIELD};
use super::request_path;
use crate::components::ErrorSummary;
use crate::i18n::{use_i18n, FluentArgs};
use crate::model::case::{CaseMessage, ANSWER_MAX_CHARS};
use crate::model::connection::{DocumentKind, MAX_DOCUMENT_BYTES};
use crate::model::{FieldErrors, ProcedureRequest, StepValues, Submitted};

/// The answer's text input.
pub const ANSWER_FIELD: &str = "answer";

#[component]
pub fn AnswerForm(
    request: ProcedureRequest,
    question: CaseMessage,
    submitted: Option<Submitted<StepValues>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (typed, errors) = submitted
        .map(|s| (s.form, s.errors))
        .unwrap_or_else(|| (StepValues::new(), FieldErrors::default()));
    let answer_error = errors
        .for_field(ANSWER_FIELD)
        .map(|e| i18n.field_message(e));
    let file_error = errors.for_field(FILE_FIELD).map(|e| i18n.field_message(e));
    let typed_answer = typed.get(ANSWER_FIELD).cloned().unwrap_or_default();
    let mut limits = FluentArgs::new();
    limits.set("file", i18n.size(MAX_DOCUMENT_BYTES));
    limits.set("n", ANSWER_MAX_CHARS);
    let has_answer_error = answer_error.is_some();
    view! {
        // Something is filled in here: warn before the session ends.
        <crate::islands::WarnBeforeSessionEnds/>
        <section class="panel panel--question" aria-labelledby="question-title" data-testid="open-question">
            <h2 class="panel__title" id="question-title">{i18n.t("answer-title")}</h2>
            <p class="hint">
                {i18n.t("exchange-from-police")} " · "
                <time datetime=question.created_at.clone()>{i18n.date_time(&question.created_at)}</time>
            </p>
            <blockquote class="message__body" data-testid="question">{question.body.unwrap_or_default()}</blockquote>
        </section>
        <ErrorSummary errors=errors/>
        <form class="form upload" method="post" enctype="multipart/form-data"
            action=request_path(&request.business_id, &request.id)>
            <div class=if has_answer_error { "field field--error" } else { "field" }>
                <label class="label" for=ANSWER_FIELD>{i18n.t("answer-label")}</label>
                <div id="answer-hint" class="hint">{i18n.t_with("answer-hint", &limits)}</div>
                {answer_error.map(|message| view! {
                    <p id="answer-error" class="error-message">
                        <span class="visually-hidden">{i18n.t("error-prefix")} " "</span>{message}
                    </p>
                })}
                <textarea class="textarea" id=ANSWER_FIELD name=ANSWER_FIELD rows="6"
                    aria-describedby=if has_answer_error { "answer-hint answer-error" } else { "answer-hint" }
                    aria-invalid=has_answer_error.then_some("true")>{typed_answer}</textarea>
            </div>
            <KindAndFile selected=DocumentKind::Other label=i18n.t("answer-file")
                hint=i18n.t_with("answer-file-hint", &limits) error=file_error/>
            <button class="button" type="submit">{i18n.t("answer-send")}</button>
        </form>
    }
}
