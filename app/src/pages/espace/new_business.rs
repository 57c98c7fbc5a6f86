//! `/espace/entreprises/nouvelle`: create a business eSpace.
//!
//! Without JavaScript the form posts to this same address; the server checks it and either
//! goes to the new eSpace or renders this page again with what was typed and the messages
//! (`Submitted`). With JavaScript the same rules run in the browser first, as each field is
//! left and on submit, then the server function decides.

use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos::web_sys::SubmitEvent;
use leptos_meta::Title;
use leptos_router::hooks::use_navigate;

use super::business_path;
use super::status::RefusalPanel;
use crate::api::{create_business_espace, current_viewer, PortalError};
use crate::components::{ErrorSummary, FormMessages, SelectField, SelectOption, TextField};
use crate::i18n::use_i18n;
use crate::islands::FormChecked;
use crate::model::CheckedForm;
use crate::model::{BusinessEspaceForm, FieldErrors, LegalForm, Submitted, BUSINESS_FIELDS};

pub const NEW_BUSINESS_PATH: &str = "/espace/entreprises/nouvelle";
/// The form's id, for its form-check island.
const BUSINESS_FORM: &str = "business-form";

#[component]
pub fn NewBusinessPage() -> impl IntoView {
    let i18n = use_i18n();
    let submitted = Submitted::<BusinessEspaceForm>::from_server();
    let submitted_has_errors = submitted.as_ref().is_some_and(|s| !s.errors.is_empty());
    // One resource for both: the browser receives the server's answer (and any sent-back
    // form) with the page, so hydration starts from exactly what the server rendered.
    let page = Resource::new(
        || (),
        move |_| {
            let submitted = submitted.clone();
            async move { current_viewer().await.map(|viewer| (viewer, submitted)) }
        },
    );
    // As on the home page: the title may render after the request's arena is gone.
    let has_errors_title = ArcRwSignal::new(submitted_has_errors);
    let has_errors = RwSignal::from(has_errors_title.clone());
    let title = move || {
        let title = i18n.t("business-new-title");
        if has_errors_title.get() {
            format!("{} {title}", i18n.t("error-title-prefix"))
        } else {
            title
        }
    };
    view! {
        <Title text=title/>
        <Suspense fallback=move || view! { <p>{i18n.t("loading")}</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok((Some(_), submitted)) => {
                        view! { <BusinessForm submitted has_errors/> }.into_any()
                    }
                    Ok((None, _)) => {
                        view! { <RefusalPanel error=PortalError::SignInRequired/> }.into_any()
                    }
                    Err(error) => view! { <RefusalPanel error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[derive(Clone, Copy)]
struct Fields {
    company_name: RwSignal<String>,
    legal_form: RwSignal<String>,
    rcs_number: RwSignal<String>,
    street: RwSignal<String>,
    house_number: RwSignal<String>,
    postcode: RwSignal<String>,
    locality: RwSignal<String>,
    email: RwSignal<String>,
    phone: RwSignal<String>,
}

impl Fields {
    fn new(form: BusinessEspaceForm) -> Fields {
        Fields {
            company_name: RwSignal::new(form.company_name),
            legal_form: RwSignal::new(form.legal_form),
            rcs_number: RwSignal::new(form.rcs_number),
            street: RwSignal::new(form.street),
            house_number: RwSignal::new(form.house_number),
            postcode: RwSignal::new(form.postcode),
            locality: RwSignal::new(form.locality),
            email: RwSignal::new(form.email),
            phone: RwSignal::new(form.phone),
        }
    }

    fn form(&self) -> BusinessEspaceForm {
        BusinessEspaceForm {
            company_name: self.company_name.get_untracked(),
            legal_form: self.legal_form.get_untracked(),
            rcs_number: self.rcs_number.get_untracked(),
            street: self.street.get_untracked(),
            house_number: self.house_number.get_untracked(),
            postcode: self.postcode.get_untracked(),
            locality: self.locality.get_untracked(),
            email: self.email.get_untracked(),
            phone: self.phone.get_untracked(),
        }
    }
}

#[component]
fn BusinessForm(
    submitted: Option<Submitted<BusinessEspaceForm>>,
    has_errors: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (form, server_errors) = match submitted {
        Some(s) => (s.form, s.errors),
        None => (BusinessEspaceForm::default(), FieldErrors::default()),
    };
    let fields = Fields::new(form);
    let focus_summary = !server_errors.is_empty();
    let messages = FormMessages::new(server_errors, has_errors, &BUSINESS_FIELDS);
    let failure = RwSignal::new(None::<PortalError>);
    let busy = RwSignal::new(false);
    let check_field =
        move |field: &'static str| messages.check_field(&fields.form().field_errors(), field);
    let message_for = move |field: &'static str| messages.message_for(i18n, field);
    let summary = NodeRef::<Div>::new();
    let focus_summary_now = move || {
        request_animation_frame(move || {
            if let Some(summary) = summary.get_untracked() {
                let _ = summary.focus();
            }
        });
    };
    let navigate = use_navigate();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let form = fields.form();
        let errors = form.field_errors();
        if !errors.is_empty() {
            messages.show_all(errors);
            focus_summary_now();
            return;
        }
        busy.set(true);
        failure.set(None);
        let navigate = navigate.clone();
        spawn_local(async move {
            match create_business_espace(form).await {
                Ok(id) => navigate(&business_path(&id), Default::default()),
                Err(PortalError::Invalid(errors)) => {
                    messages.show_all(errors);
                    focus_summary_now();
                }
                Err(other) => failure.set(Some(other)),
            }
            busy.set(false);
        });
    };
    let legal_forms = LegalForm::ALL
        .into_iter()
        .map(|form| SelectOption {
            value: form.code(),
            label: i18n.t(&form.message_id()),
        })
        .collect();
    view! {
        // Something is typed here: warn before the session ends.
        <crate::islands::WarnBeforeSessionEnds/>
        <span class="caption">{i18n.t("espace-private-title")}</span>
        <h1 class="page-title">{i18n.t("business-new-title")}</h1>
        <p>{i18n.t("business-new-intro")}</p>
        <ErrorSummary errors=messages.summary() node_ref=summary autofocus=focus_summary/>
        {move || failure.get().map(|e| view! {
            <div class="notice notice--error" role="alert">{i18n.t(e.message_id())}</div>
        })}
        <form id=BUSINESS_FORM class="form" method="post" action=NEW_BUSINESS_PATH novalidate on:submit=on_submit>
            <TextField id="company_name" label=i18n.t("business-company-name") value=fields.company_name
                autocomplete="organization" error=message_for("company_name")
                on_check=move |()| check_field("company_name")/>
            <SelectField id="legal_form" label=i18n.t("business-legal-form")
                placeholder=i18n.t("choose") options=legal_forms value=fields.legal_form
                error=message_for("legal_form") on_check=move |()| check_field("legal_form")/>
            <TextField id="rcs_number" label=i18n.t("business-rcs") hint=i18n.t("business-rcs-hint")
                value=fields.rcs_number width="input--width-10" error=message_for("rcs_number")
                on_check=move |()| check_field("rcs_number")/>
            <fieldset class="fieldset">
                <legend class="fieldset__legend">{i18n.t("business-seat")}</legend>
                <TextField id="street" label=i18n.t("address-street") value=fields.street
                    autocomplete="address-line1" error=message_for("street")
                    on_check=move |()| check_field("street")/>
                <TextField id="house_number" label=i18n.t("address-house-number")
                    value=fields.house_number width="input--width-5" error=message_for("house_number")
                    on_check=move |()| check_field("house_number")/>
                <TextField id="postcode" label=i18n.t("address-postcode") hint=i18n.t("check-postcode-hint")
                    value=fields.postcode autocomplete="postal-code" width="input--width-10"
                    error=message_for("postcode") on_check=move |()| check_field("postcode")/>
                <TextField id="locality" label=i18n.t("business-locality") value=fields.locality
                    autocomplete="address-level2" error=message_for("locality")
                    on_check=move |()| check_field("locality")/>
            </fieldset>
            <TextField id="email" label=i18n.t("business-email") value=fields.email input_type="email"
                autocomplete="email" error=message_for("email") on_check=move |()| check_field("email")/>
            <TextField id="phone" label=i18n.t("business-phone") hint=i18n.t("business-phone-hint")
                value=fields.phone input_type="tel" autocomplete="tel" width="input--width-20"
                error=message_for("phone") on_check=move |()| check_field("phone")/>
            <button class="button" type="submit" aria-disabled=move || busy.get().then_some("true")>
                {i18n.t("business-create")}
            </button>
        </form>
        <FormChecked form_id=BUSINESS_FORM form=CheckedForm::NewBusiness/>
    }
}
