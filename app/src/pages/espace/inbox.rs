//! `/espace/entreprises/{id}/messages`: the business eSpace's inbox, the Police's messages
//! about its requests, newest first. Opening it marks them read; those that were new say so.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::business_path;
use super::status::Loaded;
use crate::api::load_inbox;
use crate::i18n::{use_i18n, FluentArgs};
use crate::model::after_connection::Notice;
use crate::model::case::{InboxEntry, InboxMessage, MessageKind};
use crate::model::BusinessId;
use crate::model::Procedure;
use crate::pages::request::request_path;
use crate::pages::site::site_path;

#[component]
pub fn InboxPage() -> impl IntoView {
    let params = use_params_map();
    let business = move || params.with(|p| BusinessId::new(p.get("id").unwrap_or_default()));
    let inbox = Resource::new(business, load_inbox);
    view! {
        <Loaded resource=inbox ready=move |entries| view! { <Inbox business_id=business() entries/> }.into_any()/>
    }
}

#[component]
fn Inbox(business_id: BusinessId, entries: Vec<InboxEntry>) -> impl IntoView {
    let i18n = use_i18n();
    let body = if entries.is_empty() {
        view! { <p>{i18n.t("inbox-empty")}</p> }.into_any()
    } else {
        let items = entries
            .into_iter()
            .map(|entry| match entry {
                InboxEntry::Case(item) => {
                    view! { <CaseLine business_id=business_id.clone() item/> }.into_any()
                }
                InboxEntry::Site(notice) => {
                    view! { <NoticeLine business_id=business_id.clone() notice/> }.into_any()
                }
            })
            .collect_view();
        view! { <ol class="messages" data-testid="inbox">{items}</ol> }.into_any()
    };
    view! {
        <Title text=i18n.t("inbox-title")/>
        <p><a href=business_path(&business_id)>{i18n.t("request-back-to-espace")}</a></p>
        <h1 class="page-title">{i18n.t("inbox-title")}</h1>
        {body}
    }
}

#[component]
fn NoticeLine(business_id: BusinessId, notice: Notice) -> impl IntoView {
    let i18n = use_i18n();
    let unread = notice.read_at.is_none();
    let mut args = FluentArgs::new();
    args.set(
        "date",
        notice
            .due_on
            .as_deref()
            .map(|d| i18n.date(d))
            .unwrap_or_default(),
    );
    let amount = notice
        .amount
        .as_deref()
        .map(|a| i18n.decimal(a))
        .unwrap_or_default();
    args.set("amount", amount);
    let subject = i18n.t_with(&notice.kind.subject_id(), &args);
    // A deleted draft has nothing left to open.
    let link = notice.request_id.as_ref().map(|id| {
        if notice.kind.is_about_draft() {
            request_path(&business_id, id)
        } else {
            site_path(&business_id, &id.site())
        }
    });
    let about = match &notice.client_number {
        Some(number) => format!("{} {number}", i18n.t("site-title")),
        None => i18n.t("notice-about-draft"),
    };
    view! {
        <li class=if unread { "message message--police message--unread" } else { "message message--police" }>
            <p class="message__meta">
                {unread.then(|| view! { <strong class="tag tag--new">{i18n.t("inbox-new")}</strong> " " })}
                <time datetime=notice.created_at.clone()>{i18n.date_time(&notice.created_at)}</time>
                " · " {about}
            </p>
            <p class="message__subject">
                {match link {
                    Some(href) => view! { <a href=href>{subject}</a> }.into_any(),
                    None => view! { <span>{subject}</span> }.into_any(),
                }}
            </p>
            {notice.body.clone().map(|body| view! { <p class="message__body">{body}</p> })}
        </li>
    }
}

#[component]
fn CaseLine(business_id: BusinessId, item: InboxMessage) -> impl IntoView {
    let i18n = use_i18n();
    let unread = item.message.read_at.is_none();
    let link = request_path(&business_id, &item.request_id);
    let detail = match (item.message.kind, item.procedure) {
        (MessageKind::Approved, Procedure::Connection) => item.client_number.clone().map(|number| {
            view! {
                <p>{i18n.t("client-number-issued")} " " <strong data-testid="inbox-client-number">{number}</strong></p>
            }
        }),
        _ => None,
    };
    view! {
        <li class=if unread { "message message--police message--unread" } else { "message message--police" }>
            <p class="message__meta">
                {unread.then(|| view! { <strong class="tag tag--new">{i18n.t("inbox-new")}</strong> " " })}
                <time datetime=item.message.created_at.clone()>{i18n.date_time(&item.message.created_at)}</time>
                " · " {i18n.t(item.procedure.title_id())} " " {item.reference.clone()}
            </p>
            <p class="message__subject">
                <a href=link>{i18n.t(&item.message.kind.subject_id())}</a>
            </p>
            {item.message.body.clone().map(|body| view! { <p class="message__body">{body}</p> })}
            {detail}
        </li>
    }
}
