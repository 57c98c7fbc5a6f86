//! The agents' queue: submitted requests of both procedures, searched, filtered, sorted and cut
//! into pages in SQL.

use app::api::backend::StoreError;
use app::model::case::{CaseQuery, CaseSort, QueueLine, QueuePage, QUEUE_PAGE_SIZE};
use app::model::{PersonId, RequestId};
use app::model::{Procedure, RequestStatus};
use chrono::{DateTime, Utc};
use sqlx::{AnyPool, Row};

use crate::store::{corrupt, failed};

/// `%text%` for LIKE, with LIKE's own wildcards in the text taken literally.
fn like_pattern(text: &str) -> String {
    let mut pattern = String::from("%");
    for c in text.to_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

/// The WHERE clause and its values, numbered from `$1`.
fn filters(agent_id: &PersonId, query: &CaseQuery) -> (String, Vec<String>) {
    let mut clauses = vec!["r.status <> 'draft'".to_owned()];
    let mut values = Vec::new();
    let next = |value: String, values: &mut Vec<String>| {
        values.push(value);
        format!("${}", values.len())
    };
    if let Some(status) = query.status {
        let n = next(status.code().to_owned(), &mut values);
        clauses.push(format!("r.status = {n}"));
    }
    if let Some(procedure) = query.procedure {
        let n = next(procedure.code().to_owned(), &mut values);
        clauses.push(format!("r.procedure_kind = {n}"));
    }
    if query.mine {
        let n = next(agent_id.to_string(), &mut values);
        clauses.push(format!("r.assigned_to = {n}"));
    }
    if !query.text.is_empty() {
        let n = next(like_pattern(&query.text), &mut values);
        // The stored, Rust-lowered text; requests submitted before it existed are searched
        // through SQL's LOWER(), which on SQLite folds ASCII only.
        clauses.push(format!(
            "(r.search_text LIKE {n} ESCAPE '\\'
              OR (r.search_text IS NULL AND (LOWER(r.reference) LIKE {n} ESCAPE '\\'
                  OR LOWER(b.company_name) LIKE {n} ESCAPE '\\'
                  OR LOWER(b.rcs_number) LIKE {n} ESCAPE '\\'
                  OR LOWER(COALESCE(r.locality, b.seat_locality)) LIKE {n} ESCAPE '\\')))"
        ));
    }
    (clauses.join(" AND "), values)
}

fn order_by(sort: CaseSort) -> &'static str {
    match sort {
        CaseSort::Oldest => "r.submitted_at ASC, r.reference ASC",
        CaseSort::Newest => "r.submitted_at DESC, r.reference DESC",
        CaseSort::Reference => "r.reference ASC",
        CaseSort::Company => "LOWER(b.company_name) ASC, r.submitted_at ASC, r.id ASC",
    }
}

pub async fn page(
    db: &AnyPool,
    agent_id: &PersonId,
    query: &CaseQuery,
) -> Result<QueuePage, StoreError> {
    // The query may come from a server function call rather than the address: the same bounds.
    let mut query = query.normalised();
    let (where_clause, values) = filters(agent_id, &query);
    let from = "FROM requests r JOIN business_espaces b ON b.id = r.business_id
                LEFT JOIN persons p ON p.id = r.assigned_to";
    let count_sql = format!("SELECT COUNT(*) AS n {from} WHERE {where_clause}");
    let mut count = sqlx::query(&count_sql);
    for value in &values {
        count = count.bind(value);
    }
    let total: i64 = count.fetch_one(db).await.map_err(failed)?.get("n");
    let total = u32::try_from(total).unwrap_or(u32::MAX);
    // Past the last page (a stale link, a hand-edited address): the last page.
    query.page = query.page.min(total.div_ceil(QUEUE_PAGE_SIZE).max(1));
    let list_sql = format!(
        "SELECT r.id, r.reference, r.procedure_kind, r.status, r.submitted_at,
                COALESCE(r.locality, b.seat_locality) AS locality,
                b.company_name, b.rcs_number, p.given_name, p.family_name
         {from} WHERE {where_clause}
         ORDER BY {} LIMIT {} OFFSET {}",
        order_by(query.sort),
        QUEUE_PAGE_SIZE,
        query.offset()
    );
    let mut list = sqlx::query(&list_sql);
    for value in &values {
        list = list.bind(value);
    }
    let now = Utc::now();
    let lines = list
        .fetch_all(db)
        .await
        .map_err(failed)?
        .iter()
        .map(|row| {
            let status: String = row.get("status");
            let procedure: String = row.get("procedure_kind");
            let submitted_at: String = row
                .get::<Option<String>, _>("submitted_at")
                .unwrap_or_default();
            let age_days = DateTime::parse_from_rfc3339(&submitted_at)
                .map(|at| (now - at.with_timezone(&Utc)).num_days().max(0))
                .unwrap_or(0);
            let given: Option<String> = row.get("given_name");
            let family: Option<String> = row.get("family_name");
            Ok(QueueLine {
                request_id: RequestId::new(row.get::<String, _>("id")),
                reference: row
                    .get::<Option<String>, _>("reference")
                    .unwrap_or_default(),
                procedure: Procedure::from_code(&procedure)
                    .ok_or_else(|| corrupt("procedure", &procedure))?,
                company_name: row.get("company_name"),
                rcs_number: row.get("rcs_number"),
                locality: row.get("locality"),
                status: RequestStatus::from_code(&status)
                    .ok_or_else(|| corrupt("status", &status))?,
                submitted_at,
                age_days: u32::try_from(age_days).unwrap_or(u32::MAX),
                assigned_to: given.zip(family).map(|(g, f)| format!("{g} {f}")),
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    Ok(QueuePage {
        query,
        lines,
        total,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_wildcards_typed_in_a_search_are_taken_literally() {
        assert_eq!(like_pattern("Esch"), "%esch%");
        assert_eq!(like_pattern("100%_x\\"), "%100\\%\\_x\\\\%");
    }

    #[test]
    fn filters_number_their_values_in_order() {
        let query = CaseQuery {
            text: "esch".into(),
            status: Some(RequestStatus::Waiting),
            procedure: Some(Procedure::Connection),
            mine: true,
            ..CaseQuery::default()
        };
        let (clause, values) = filters(&PersonId::new("agent-1"), &query);
        assert_eq!(values, ["waiting", "connection", "agent-1", "%esch%"]);
        assert!(clause.contains("r.status = $1"));
        assert!(clause.contains("r.assigned_to = $3"));
        assert!(clause.contains("LIKE $4"));
        assert!(clause.starts_with("r.status <> 'draft'"));
    }
}
