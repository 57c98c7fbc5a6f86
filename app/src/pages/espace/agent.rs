//! `/agent`: the Police's queue of submitted requests of both procedures (search, filters, sort,
//! pages: all in the address, through a plain GET form), and the registered business eSpaces.
//! Refused to applicants.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::agent_case_path;
use super::status::Loaded;
use crate::api::{case_queue, registered_businesses};
use crate::i18n::{use_i18n, FluentArgs};
use crate::model::case::queue::param;
use crate::model::case::{CaseQuery, CaseSort, QueuePage};
use crate::model::{Procedure, RegisteredBusiness, RequestStatus};
use crate::paths;

#[component]
pub fn AgentPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let list = Resource::new(
        move || {
            query.with(|q| {
                let params = [
                    param::TEXT,
                    param::STATUS,
                    param::PROCEDURE,
                    param::SORT,
                    param::PAGE,
                    param::MINE,
                ]
                .into_iter()
                .filter_map(|name| q.get(name).map(|v| (name.to_owned(), v)))
                .collect();
                CaseQuery::from_params(&params)
            })
        },
        |query| async {
            let page = case_queue(query).await?;
            let businesses = registered_businesses().await?;
            Ok::<_, crate::api::PortalError>((page, businesses))
        },
    );
    view! {
        <Loaded resource=list ready=move |(page, list)| {
            view! {
                <Title text=i18n.t("agent-title")/>
                <h1 class="page-title">{i18n.t("agent-title")}</h1>
                <p><a href=paths::AGENT_SITES data-testid="agent-sites-link">{i18n.t("agent-sites-title")}</a></p>
                <Queue page/>
                <RegisteredList list/>
            }
            .into_any()
        }/>
    }
}

/// The search form: a GET to this page, so the result is an address like any other.
#[component]
fn SearchForm(query: CaseQuery) -> impl IntoView {
    let i18n = use_i18n();
    let status_options = RequestStatus::ALL
        .into_iter()
        .filter(|s| *s != RequestStatus::Draft)
        .map(|s| {
            view! {
                <option value=s.code() selected=query.status == Some(s)>{i18n.t(&s.message_id())}</option>
            }
        })
        .collect_view();
    let procedure_options = Procedure::ALL
        .into_iter()
        .map(|p| {
            view! {
                <option value=p.code() selected=query.procedure == Some(p)>{i18n.t(p.title_id())}</option>
            }
        })
        .collect_view();
    let sort_options = CaseSort::ALL
        .into_iter()
        .map(|s| {
            view! {
                <option value=s.code() selected=query.sort == s>{i18n.t(&s.message_id())}</option>
            }
        })
        .collect_view();
    view! {
        <form class="form search-form" method="get" action=paths::AGENT role="search"
            aria-label=i18n.t("queue-search-title")>
            <div class="field">
                <label class="label" for="queue-q">{i18n.t("queue-search")}</label>
                <div id="queue-q-hint" class="hint">{i18n.t("queue-search-hint")}</div>
                <input class="input" id="queue-q" name=param::TEXT type="search"
                    value=query.text.clone() aria-describedby="queue-q-hint"/>
            </div>
            <div class="search-form__filters">
                <div class="field">
                    <label class="label" for="queue-status">{i18n.t("requests-status")}</label>
                    <select class="select" id="queue-status" name=param::STATUS>
                        <option value="">{i18n.t("queue-any")}</option>
                        {status_options}
                    </select>
                </div>
                <div class="field">
                    <label class="label" for="queue-procedure">{i18n.t("queue-procedure")}</label>
                    <select class="select" id="queue-procedure" name=param::PROCEDURE>
                        <option value="">{i18n.t("queue-any")}</option>
                        {procedure_options}
                    </select>
                </div>
                <div class="field">
                    <label class="label" for="queue-sort">{i18n.t("queue-sort")}</label>
                    <select class="select" id="queue-sort" name=param::SORT>{sort_options}</select>
                </div>
            </div>
            <div class="field choice">
                <input class="choice__input" id="queue-mine" name=param::MINE type="checkbox"
                    value="1" checked=query.mine/>
                <label class="choice__label" for="queue-mine">{i18n.t("queue-mine")}</label>
            </div>
            <button class="button" type="submit">{i18n.t("queue-search-button")}</button>
        </form>
    }
}

#[component]
fn Queue(page: QueuePage) -> impl IntoView {
    let i18n = use_i18n();
    let mut count = FluentArgs::new();
    count.set("n", page.total);
    let pages = page.page_count();
    let current = page.query.page.min(pages);
    let query = page.query.clone();
    let link = move |n: u32| {
        let text = query.to_query_string(n);
        if text.is_empty() {
            paths::AGENT.to_owned()
        } else {
            format!("{}?{text}", paths::AGENT)
        }
    };
    let rows = page
        .lines
        .into_iter()
        .map(|line| {
            let mut age = FluentArgs::new();
            age.set("days", line.age_days);
            view! {
                <tr>
                    <td><a href=agent_case_path(&line.request_id)>{line.reference}</a></td>
                    <td>{i18n.t(line.procedure.title_id())}</td>
                    <td>{line.company_name}</td>
                    <td>{line.rcs_number}</td>
                    <td>{line.locality}</td>
                    <td><strong class="tag">{i18n.t(&line.status.message_id())}</strong></td>
                    <td>
                        <time datetime=line.submitted_at.clone()>{i18n.t_with("queue-age", &age)}</time>
                    </td>
                    <td>{line.assigned_to.unwrap_or_else(|| i18n.t("queue-unassigned"))}</td>
                </tr>
            }
        })
        .collect_view();
    let has_rows = page.total > 0;
    let mut position = FluentArgs::new();
    position.set("page", current);
    position.set("pages", pages);
    view! {
        <h2>{i18n.t("agent-cases")}</h2>
        <SearchForm query=page.query.clone()/>
        <p role="status" data-testid="queue-count">{i18n.t_with("queue-count", &count)}</p>
        {has_rows.then(|| view! {
            <table class="table" data-testid="queue">
                <caption class="visually-hidden">{i18n.t("agent-cases")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{i18n.t("requests-reference")}</th>
                        <th scope="col">{i18n.t("queue-procedure")}</th>
                        <th scope="col">{i18n.t("business-company-name")}</th>
                        <th scope="col">{i18n.t("business-rcs")}</th>
                        <th scope="col">{i18n.t("business-locality")}</th>
                        <th scope="col">{i18n.t("requests-status")}</th>
                        <th scope="col">{i18n.t("queue-age-title")}</th>
                        <th scope="col">{i18n.t("queue-assigned")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        })}
        {(pages > 1).then(|| view! {
            <nav class="pagination" aria-label=i18n.t("queue-pages")>
                {(current > 1).then(|| view! {
                    <a class="pagination__link" rel="prev" href=link(current - 1)>{i18n.t("queue-previous")}</a>
                })}
                <span class="pagination__position">{i18n.t_with("queue-position", &position)}</span>
                {(current < pages).then(|| view! {
                    <a class="pagination__link" rel="next" href=link(current + 1)>{i18n.t("queue-next")}</a>
                })}
            </nav>
        })}
        <p><a href=paths::AGENT_TRAIL rel="external" download="">{i18n.t("audit-export-all")}</a></p>
    }
}

#[component]
fn RegisteredList(list: Vec<RegisteredBusiness>) -> impl IntoView {
    let i18n = use_i18n();
    let body = if list.is_empty() {
        view! { <p>{i18n.t("agent-none")}</p> }.into_any()
    } else {
        let rows = list
            .into_iter()
            .map(|b| {
                view! {
                    <tr>
                        <td>{b.company_name}</td>
                        <td>{b.rcs_number}</td>
                        <td>{b.locality}</td>
                        <td>{b.members}</td>
                        <td>{b.created_at.get(..10).unwrap_or_default().to_owned()}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table class="table">
                <caption class="visually-hidden">{i18n.t("agent-businesses")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{i18n.t("business-company-name")}</th>
                        <th scope="col">{i18n.t("business-rcs")}</th>
                        <th scope="col">{i18n.t("business-locality")}</th>
                        <th scope="col">{i18n.t("business-members")}</th>
                        <th scope="col">{i18n.t("agent-created")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        }
        .into_any()
    };
    view! {
        <h2>{i18n.t("agent-businesses")}</h2>
        {body}
    }
}
