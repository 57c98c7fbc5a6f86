//! The documents step. Files go up through a plain `multipart/form-data` form to the server's
//! upload route (streamed and size-limited there), with or without JavaScript; the page lists
//! what is there, with download and remove.

use leptos::prelude::*;

use super::{document_path, remove_document_path, step_path, BACK_TO_REVIEW};
use crate::components::ErrorSummary;
use crate::i18n::{use_i18n, FluentArgs};
use crate::islands::FormChecked;
use crate::model::connection::{
    DocumentKind, ProcedureRequest, WizardStep, MAX_DOCUMENT_BYTES, MAX_REQUEST_BYTES,
};
use crate::model::{CheckedForm, StepValues, Submitted};

/// The documents step's upload form: the document picker's check in the browser finds it.
const UPLOAD_FORM: &str = "upload-form";
/// The file input's id: upload errors link to it.
pub const FILE_FIELD: &str = crate::model::connection::DOCUMENT_FILE_FIELD;
pub const KIND_FIELD: &str = crate::model::connection::DOCUMENT_KIND_FIELD;

#[component]
pub fn DocumentsStep(
    request: ProcedureRequest,
    submitted: Option<Submitted<StepValues>>,
    back_to_review: bool,
    has_errors: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let errors = submitted.map(|s| s.errors).unwrap_or_default();
    has_errors.set(!errors.is_empty());
    let file_error = errors
        .for_field(FILE_FIELD)
        .or_else(|| errors.for_field(KIND_FIELD))
        .map(|e| i18n.field_message(e));
    let (business_id, request_id) = (request.business_id.clone(), request.id.clone());
    let mut limits = FluentArgs::new();
    limits.set("file", i18n.size(MAX_DOCUMENT_BYTES));
    limits.set("total", i18n.size(MAX_REQUEST_BYTES));
    let required: Vec<String> = DocumentKind::ALL
        .into_iter()
        .filter(|k| k.is_required())
        .map(|k| {
            let present = request.documents.iter().any(|d| d.kind == k);
            let state = if present {
                "documents-present"
            } else {
                "documents-missing"
            };
            format!("{} – {}", i18n.t(&k.message_id()), i18n.t(state))
        })
        .collect();
    let rows = request
        .documents
        .iter()
        .map(|document| {
            let download = document_path(&business_id, &request_id, &document.id);
            let remove = remove_document_path(&business_id, &request_id, &document.id);
            let name = document.file_name.clone();
            view! {
                <tr>
                    <td>{i18n.t(&document.kind.message_id())}</td>
                    <td><a href=download rel="external" download=name.clone()>{name.clone()}</a></td>
                    <td>{i18n.size(document.size_bytes)}</td>
                    <td>
                        <form method="post" action=remove>
                            <button class="button button--secondary button--small" type="submit">
                                {i18n.t("documents-remove")}
                                <span class="visually-hidden">" " {name}</span>
                            </button>
                        </form>
                    </td>
                </tr>
            }
        })
        .collect_view();
    let has_documents = !request.documents.is_empty();
    view! {
        // Something is filled in here: warn before the session ends.
        <crate::islands::WarnBeforeSessionEnds/>
        <ErrorSummary errors=errors/>
        <ul class="list" data-testid="required-documents">
            {required.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
        </ul>
        {has_documents.then(|| view! {
            <table class="table" data-testid="documents">
                <caption class="table__caption">{i18n.t("documents-uploaded")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{i18n.t("documents-kind")}</th>
                        <th scope="col">{i18n.t("documents-file")}</th>
                        <th scope="col">{i18n.t("documents-size")}</th>
                        <th scope="col"><span class="visually-hidden">{i18n.t("documents-actions")}</span></th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        }.into_any())}
        {view! {
        <form class="form upload" id=UPLOAD_FORM method="post" enctype="multipart/form-data"
            action=step_path(&business_id, &request_id, WizardStep::Documents)>
            <h2 class="heading-m">{i18n.t("documents-add")}</h2>
            <KindAndFile selected=DocumentKind::BuildingPlan label=i18n.t("documents-file")
                hint=i18n.t_with("documents-hint", &limits) error=file_error/>
            <button class="button button--secondary" type="submit">{i18n.t("documents-upload")}</button>
        </form>
        <FormChecked form_id=UPLOAD_FORM form=CheckedForm::Upload/>
        }.into_any()}
        {view! {
        <form class="form" method="post" action=step_path(&business_id, &request_id, WizardStep::Documents)>
            {back_to_review.then(|| view! { <input type="hidden" name=BACK_TO_REVIEW value="1"/> })}
            <div class="button-group">
                <button class="button" type="submit">{i18n.t("wizard-save-continue")}</button>
                <a class="link-back" href=step_path(&business_id, &request_id, WizardStep::Motivation)>
                    {i18n.t("wizard-back")}
                </a>
            </div>
        </form>
        }.into_any()}
    }
}

/// The document's kind and the file input, with the file's hint and message: the documents
/// step and the answer to the Police's question share them (a plain multipart form posts both).
#[component]
pub fn KindAndFile(
    selected: DocumentKind,
    label: String,
    hint: String,
    error: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let has_error = error.is_some();
    view! {
        <div class="field" data-field=KIND_FIELD>
            <label class="label" for=KIND_FIELD>{i18n.t("documents-kind")}</label>
            <select class="select" id=KIND_FIELD name=KIND_FIELD>
                {DocumentKind::ALL.into_iter().map(|k| view! {
                    <option value=k.code() selected=k == selected>{i18n.t(&k.message_id())}</option>
                }).collect_view()}
            </select>
        </div>
        <div class=if has_error { "field field--error" } else { "field" } data-field=FILE_FIELD>
            <label class="label" for=FILE_FIELD>{label}</label>
            <div id="file-hint" class="hint">{hint}</div>
            {error.map(|message| view! {
                <p id="file-error" class="error-message">
                    <span class="visually-hidden">{i18n.t("error-prefix")} " "</span>{message}
                </p>
            })}
            <input class="file-input" id=FILE_FIELD name=FILE_FIELD type="file"
                accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
                aria-describedby=if has_error { "file-hint file-error" } else { "file-hint" }/>
        </div>
    }
}
