//! `/espace/entreprises/nouvelle`: create a business eSpace.
//!
//! The form posts to this same address; the server checks it and either goes to the new
//! eSpace or renders this page again with what was typed and the messages (`Submitted`). In the
//! browser, the form-check island runs the same rules first, as each field is left and on
//! submit.

use leptos::prelude::*;
use leptos_meta::Title;

use super::status::{Loaded, RefusalPanel};
use crate::api::{current_viewer, PortalError};
use crate::components::{ErrorSummary, FormMessages, SelectField, SelectOption, TextField};
use crate::i18n::use_i18n;
use crate::islands::FormChecked;
use crate::model::CheckedForm;
use crate::model::{BusinessEspaceForm, FieldErrors, LegalForm, Submitted};

pub use crate::paths::NEW_BUSINESS as NEW_BUSINESS_PATH;
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
        <Loaded resource=page ready=move |loaded| match loaded {
            (Some(_), submitted) => {
                    view! { <BusinessForm submitted/> }.into_any()
                }
                (None, _) => {
                    view! { <RefusalPanel error=PortalError::SignInRequired/> }.into_any()
                }
        }/>
    }
}

#[component]
fn BusinessForm(submitted: Option<Submitted<BusinessEspaceForm>>) -> impl IntoView {
    let i18n = use_i18n();
    let (form, server_errors) = match submitted {
        Some(s) => (s.form, s.errors),
        None => (BusinessEspaceForm::default(), FieldErrors::default()),
    };
    let messages = FormMessages::new(server_errors);
    let message_for = move |field: &'static str| messages.message_for(i18n, field);
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
        <ErrorSummary errors=messages.summary()/>
        <form id=BUSINESS_FORM class="form" method="post" action=NEW_BUSINESS_PATH novalidate>
            <TextField id="company_name" label=i18n.t("business-company-name") value=form.company_name.clone()
                autocomplete="organization" error=message_for("company_name")/>
            <SelectField id="legal_form" label=i18n.t("business-legal-form")
                placeholder=i18n.t("choose") options=legal_forms value=form.legal_form.clone()
                error=message_for("legal_form")/>
            <TextField id="rcs_number" label=i18n.t("business-rcs") hint=i18n.t("business-rcs-hint")
                value=form.rcs_number.clone() width="input--width-10" error=message_for("rcs_number")/>
            <fieldset class="fieldset">
                <legend class="fieldset__legend">{i18n.t("business-seat")}</legend>
                <TextField id="street" label=i18n.t("address-street") value=form.street.clone()
                    autocomplete="address-line1" error=message_for("street")/>
                <TextField id="house_number" label=i18n.t("address-house-number")
                    value=form.house_number.clone() width="input--width-5" error=message_for("house_number")/>
                <TextField id="postcode" label=i18n.t("address-postcode") hint=i18n.t("check-postcode-hint")
                    value=form.postcode.clone() autocomplete="postal-code" width="input--width-10"
                    error=message_for("postcode")/>
                <TextField id="locality" label=i18n.t("business-locality") value=form.locality.clone()
                    autocomplete="address-level2" error=message_for("locality")/>
            </fieldset>
            <TextField id="email" label=i18n.t("business-email") value=form.email.clone() input_type="email"
                autocomplete="email" error=message_for("email")/>
            <TextField id="phone" label=i18n.t("business-phone") hint=i18n.t("business-phone-hint")
                value=form.phone.clone() input_type="tel" autocomplete="tel" width="input--width-20"
                error=message_for("phone")/>
            <button class="button" type="submit">
                {i18n.t("business-create")}
            </button>
        </form>
        <FormChecked form_id=BUSINESS_FORM form=CheckedForm::NewBusiness/>
    }
}
