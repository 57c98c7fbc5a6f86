//! `/espace/entreprises/{id}`: a business eSpace, where the ALARMIS procedures are offered.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::certification_panel::CertificationPanel;
use super::status::{load_with_sent_back, Loaded};
use super::{invitation_path, site_origin};
use crate::api::load_business_espace;
use crate::i18n::{use_i18n, FluentArgs};
use crate::model::certification::CertificationState;
use crate::model::BusinessId;
use crate::model::{BusinessEspace, MemberRole, Procedure, StepValues, Submitted};
use crate::pages::request::{RequestsList, StartRequest};
use crate::pages::site::ConnectedSites;
use crate::paths;

#[component]
pub fn BusinessPage() -> impl IntoView {
    let params = use_params_map();
    // A code form sent back without JavaScript (a wrong code): its value and message.
    let space = load_with_sent_back(
        move || params.with(|p| BusinessId::new(p.get("id").unwrap_or_default())),
        load_business_espace,
    );
    view! {
        <Loaded resource=space ready=move |(space, submitted)| view! { <BusinessView space submitted/> }.into_any()/>
    }
}

#[component]
fn BusinessView(space: BusinessEspace, submitted: Option<Submitted<StepValues>>) -> impl IntoView {
    let i18n = use_i18n();
    let details = space.details;
    let role_label = move |role: MemberRole| match role {
        MemberRole::Administrator => i18n.t("role-administrator"),
        MemberRole::Member => i18n.t("role-member"),
    };
    let rows = [
        (
            i18n.t("business-legal-form"),
            i18n.t(&details.legal_form.message_id()),
        ),
        (i18n.t("business-rcs"), details.rcs_number.to_string()),
        (
            i18n.t("business-seat"),
            format!(
                "{} {}, {} {}",
                details.seat.house_number,
                details.seat.street,
                details.seat.postcode,
                details.seat.locality
            ),
        ),
        (i18n.t("business-email"), details.email.clone()),
        (i18n.t("business-phone"), details.phone.as_str().to_owned()),
        (i18n.t("business-your-role"), role_label(space.role)),
    ]
    .into_iter()
    .map(|(term, value)| {
        view! {
            <div class="summary-list__row">
                <dt>{term}</dt>
                <dd>{value}</dd>
            </div>
        }
    })
    .collect_view();
    let is_administrator = space.role == MemberRole::Administrator;
    let business_id = space.id.clone();
    let members = space
        .members
        .into_iter()
        .map(|m| {
            view! {
                <tr>
                    <td>{format!("{} {}", m.given_name, m.family_name)}</td>
                    <td>{role_label(m.role)}</td>
                </tr>
            }
        })
        .collect_view();
    let certification = space.certification.clone();
    let certified = matches!(certification, CertificationState::Certified { .. });
    // Once approved, the code is on its way: another request would only cross it.
    let may_ask_certification = certification == CertificationState::NotCertified;
    view! {
        // Something is filled in here: warn before the session ends.
        <crate::islands::WarnBeforeSessionEnds/>
        <Title text=details.company_name.clone()/>
        <span class="caption">{i18n.t("business-caption")}</span>
        <h1 class="page-title">
            {details.company_name.clone()}
            {certified.then(|| view! {
                " " <strong class="tag tag--certified" data-testid="certified-badge">{i18n.t("certified-badge")}</strong>
            })}
        </h1>
        <p><a href=paths::PRIVATE_ESPACE>{i18n.t("business-switch")}</a></p>
        <p>
            <a class="inbox-link" href=super::inbox_path(&business_id) data-testid="inbox-link">
                {i18n.t("inbox-title")}
                {(space.unread_messages > 0).then(|| {
                    let mut n = FluentArgs::new();
                    n.set("n", space.unread_messages);
                    view! { " " <strong class="tag tag--new">{i18n.t_with("inbox-unread", &n)}</strong> }
                })}
            </a>
        </p>
        <dl class="summary-list">{rows}</dl>
        <CertificationPanel business_id=business_id.clone() state=certification submitted/>
        <ConnectedSites business_id=business_id.clone()/>
        <h2>{i18n.t("procedures-title")}</h2>
        <p>{i18n.t("procedures-intro")}</p>
        <ul class="procedure-list">
            <li>
                <h3>{i18n.t("procedure-a-title")}</h3>
                <p class="card__audience">{i18n.t("procedure-a-audience")}</p>
                <p>{i18n.t("procedure-a-body")}</p>
                {may_ask_certification.then(|| view! {
                    <StartRequest business_id=business_id.clone() procedure=Procedure::Certification/>
                })}
            </li>
            <li>
                <h3>{i18n.t("procedure-b-title")}</h3>
                <p class="card__audience">{i18n.t("procedure-b-audience")}</p>
                <p>{i18n.t("procedure-b-body")}</p>
                <StartRequest business_id=business_id.clone() procedure=Procedure::Connection/>
            </li>
        </ul>
        <RequestsList business_id=business_id.clone()/>
        <h2>{i18n.t("business-members")}</h2>
        <table class="table">
            <caption class="visually-hidden">{i18n.t("business-members")}</caption>
            <thead>
                <tr>
                    <th scope="col">{i18n.t("espace-name")}</th>
                    <th scope="col">{i18n.t("business-role")}</th>
                </tr>
            </thead>
            <tbody>{members}</tbody>
        </table>
        {is_administrator.then(|| view! { <InviteMember business_id/> })}
    }
}

/// An administrator makes a one-time link for a future member. The form posts; the page comes
/// back with `?invitation=<token>` and shows the link.
#[component]
fn InviteMember(business_id: BusinessId) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let link = move || {
        query
            .with(|q| q.get("invitation"))
            .map(|token| format!("{}{}", site_origin(), invitation_path(&token)))
    };
    let action = paths::business_invitation_path(&business_id);
    view! {
        <section aria-labelledby="invite-title">
            <h2 id="invite-title">{i18n.t("invite-title")}</h2>
            <p>{i18n.t("invite-body")}</p>
            {move || link().map(|link| view! {
                <div class="field">
                    <label class="label" for="invitation-link">{i18n.t("invite-link-label")}</label>
                    <div id="invitation-link-hint" class="hint">{i18n.t("invite-link-hint")}</div>
                    <input class="input" id="invitation-link" type="text" readonly value=link
                        aria-describedby="invitation-link-hint"/>
                </div>
            })}
            <form method="post" action=action>
                <button class="button button--secondary" type="submit">{i18n.t("invite-create")}</button>
            </form>
        </section>
    }
}
