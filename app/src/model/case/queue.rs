//! The agents' queue: which cases to list (search, filters), in which order, which page.
//! The query lives in the address (`/agent?q=…&statut=…&page=2`), so a search is a plain GET
//! form, a link can be shared between agents, and "back" returns to the same list.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::{Procedure, RequestStatus};

pub const QUEUE_PAGE_SIZE: u32 = 20;
/// A search longer than this is cut: nothing in a reference, name or locality is longer.
const SEARCH_MAX_CHARS: usize = 100;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum CaseSort {
    /// The longest waiting first: the default, a queue's natural order.
    #[default]
    Oldest,
    Newest,
    Reference,
    Company,
}

impl CaseSort {
    pub const ALL: [CaseSort; 4] = [
        CaseSort::Oldest,
        CaseSort::Newest,
        CaseSort::Reference,
        CaseSort::Company,
    ];

    pub fn code(self) -> &'static str {
        match self {
            CaseSort::Oldest => "anciennes",
            CaseSort::Newest => "recentes",
            CaseSort::Reference => "reference",
            CaseSort::Company => "entreprise",
        }
    }

    pub fn from_code(code: &str) -> Option<CaseSort> {
        CaseSort::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn message_id(self) -> String {
        format!("queue-sort-{}", self.code())
    }
}

/// The names of the queue's query parameters.
pub mod param {
    pub const TEXT: &str = "q";
    pub const STATUS: &str = "statut";
    pub const PROCEDURE: &str = "procedure";
    pub const SORT: &str = "tri";
    pub const PAGE: &str = "page";
    pub const MINE: &str = "moi";
}

/// What the agent asked to see. Every field has a harmless default, so a hand-edited address
/// gives a list, never an error.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CaseQuery {
    /// Part of a reference, company name, RCS number or locality; empty for all.
    pub text: String,
    /// `None`: every status from submission on (never drafts).
    pub status: Option<RequestStatus>,
    pub procedure: Option<Procedure>,
    /// Only the cases the agent took.
    pub mine: bool,
    pub sort: CaseSort,
    /// 1-based.
    pub page: u32,
}

impl CaseQuery {
    pub fn from_params(params: &BTreeMap<String, String>) -> CaseQuery {
        let get = |name: &str| params.get(name).map(|v| v.trim()).unwrap_or_default();
        CaseQuery {
            text: get(param::TEXT).chars().take(SEARCH_MAX_CHARS).collect(),
            status: RequestStatus::from_code(get(param::STATUS))
                .filter(|s| *s != RequestStatus::Draft),
            procedure: Procedure::from_code(get(param::PROCEDURE)),
            mine: get(param::MINE) == "1",
            sort: CaseSort::from_code(get(param::SORT)).unwrap_or_default(),
            page: get(param::PAGE)
                .parse()
                .ok()
                .filter(|p| *p >= 1)
                .unwrap_or(1),
        }
    }

    /// The same bounds as `from_params`, for a query that came another way (a server
    /// function's arguments).
    pub fn normalised(&self) -> CaseQuery {
        CaseQuery {
            text: self.text.trim().chars().take(SEARCH_MAX_CHARS).collect(),
            status: self.status.filter(|s| *s != RequestStatus::Draft),
            page: self.page.max(1),
            ..self.clone()
        }
    }

    /// The query as an address's parameters, defaults left out; `page` replaces the page.
    pub fn to_query_string(&self, page: u32) -> String {
        let mut pairs = Vec::new();
        if !self.text.is_empty() {
            pairs.push((param::TEXT, self.text.clone()));
        }
        if let Some(status) = self.status {
            pairs.push((param::STATUS, status.code().to_owned()));
        }
        if let Some(procedure) = self.procedure {
            pairs.push((param::PROCEDURE, procedure.code().to_owned()));
        }
        if self.mine {
            pairs.push((param::MINE, "1".to_owned()));
        }
        if self.sort != CaseSort::default() {
            pairs.push((param::SORT, self.sort.code().to_owned()));
        }
        if page > 1 {
            pairs.push((param::PAGE, page.to_string()));
        }
        pairs
            .into_iter()
            .map(|(k, v)| format!("{k}={}", crate::components::percent_encode(&v)))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// Rows to skip for this page.
    pub fn offset(&self) -> u32 {
        (self.page.max(1) - 1).saturating_mul(QUEUE_PAGE_SIZE)
    }
}

/// A line of the queue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueLine {
    pub request_id: crate::model::RequestId,
    pub reference: String,
    pub procedure: Procedure,
    pub company_name: String,
    pub rcs_number: String,
    /// The protected site's locality (B), else the company seat's.
    pub locality: String,
    pub status: RequestStatus,
    pub submitted_at: String,
    /// Whole days since submission, counted by the server's clock.
    pub age_days: u32,
    pub assigned_to: Option<String>,
}

/// One page of the queue and how many cases match in all.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueuePage {
    pub query: CaseQuery,
    pub lines: Vec<QueueLine>,
    pub total: u32,
}

impl QueuePage {
    pub fn page_count(&self) -> u32 {
        self.total.div_ceil(QUEUE_PAGE_SIZE).max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn an_empty_address_is_the_whole_queue_oldest_first() {
        let query = CaseQuery::from_params(&BTreeMap::new());
        assert_eq!(
            query,
            CaseQuery {
                page: 1,
                ..CaseQuery::default()
            }
        );
        assert_eq!(query.offset(), 0);
        assert_eq!(query.to_query_string(1), "");
    }

    #[test]
    fn nonsense_in_the_address_falls_back_to_defaults() {
        let query = CaseQuery::from_params(&params(&[
            ("statut", "draft"),
            ("procedure", "x"),
            ("tri", "random"),
            ("page", "-3"),
            ("moi", "yes"),
        ]));
        assert_eq!(
            query,
            CaseQuery {
                page: 1,
                ..CaseQuery::default()
            }
        );
        let huge = CaseQuery::from_params(&params(&[("page", "99999999999")]));
        assert_eq!(huge.page, 1);
    }

    fn decode(text: &str) -> String {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'%' {
                out.push(u8::from_str_radix(&text[i + 1..i + 3], 16).unwrap());
                i += 3;
            } else {
                out.push(bytes[i]);
                i += 1;
            }
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_query_survives_the_round_trip_through_the_address() {
        let query = CaseQuery {
            text: "Café & Co".to_owned(),
            status: Some(RequestStatus::Waiting),
            procedure: Some(Procedure::Connection),
            mine: true,
            sort: CaseSort::Company,
            page: 3,
        };
        let text = query.to_query_string(3);
        let back: BTreeMap<String, String> = text
            .split('&')
            .map(|pair| {
                let (k, v) = pair.split_once('=').unwrap();
                (k.to_owned(), decode(v))
            })
            .collect();
        assert_eq!(CaseQuery::from_params(&back), query);
        assert_eq!(query.offset(), 40);
    }

    #[test]
    fn a_query_from_elsewhere_gets_the_same_bounds() {
        let wild = CaseQuery {
            text: "x".repeat(5000),
            status: Some(RequestStatus::Draft),
            page: 0,
            ..CaseQuery::default()
        };
        let tamed = wild.normalised();
        assert_eq!(tamed.text.len(), 100);
        assert_eq!((tamed.status, tamed.page), (None, 1));
    }

    #[test]
    fn pages_are_counted_up() {
        let page = |total| QueuePage {
            query: CaseQuery::default(),
            lines: Vec::new(),
            total,
        };
        assert_eq!(page(0).page_count(), 1);
        assert_eq!(page(20).page_count(), 1);
        assert_eq!(page(21).page_count(), 2);
    }
}
