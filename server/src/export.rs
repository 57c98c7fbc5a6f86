//! The person's data (GDPR Art. 15 and 20): everything the portal holds about the signed-in
//! person and the business eSpaces they belong to, as `donnees.json` with every document beside
//! it, in one zip. Reading it marks nothing read and changes nothing but the audit trail.

use std::io::Write;

use app::api::backend::{RequestStore, SiteStore, StoreError};
use app::model::after_connection::ConnectedSite;
use app::model::case::{AuditAction, InboxEntry};
use app::model::{BusinessEspace, ProcedureRequest};
use app::model::{PersonId, RequestId};
use serde::Serialize;
use zip::write::SimpleFileOptions;

use crate::store::audit::{self, Event};
use crate::store::failed;
use crate::store::persons::Person;
use crate::AppState;

#[derive(Serialize)]
struct Export {
    exported_at: String,
    person: Person,
    espaces: Vec<Espace>,
    /// Where each document sits in the zip, by request.
    documents: Vec<ExportedFile>,
}

#[derive(Serialize)]
struct Espace {
    espace: BusinessEspace,
    requests: Vec<ProcedureRequest>,
    connected_sites: Vec<ConnectedSite>,
    inbox: Vec<InboxEntry>,
}

#[derive(Serialize)]
struct ExportedFile {
    request_id: RequestId,
    path: String,
}

/// The first characters of an id: enough to keep two files of the same name apart.
fn short_id(id: &str) -> &str {
    id.get(..8).unwrap_or(id)
}

/// Makes every path of the archive distinct, should two ever fold to the same name (the zip
/// format refuses a second entry of a name).
fn distinct_paths(files: &mut [(RequestId, String, String)]) {
    let mut seen = std::collections::HashSet::new();
    for (_, path, _) in files.iter_mut() {
        let mut candidate = path.clone();
        let mut n = 2;
        while !seen.insert(candidate.clone()) {
            candidate = format!("{path}-{n}");
            n += 1;
        }
        *path = candidate;
    }
}

/// A name safe inside a zip: no folders, nothing but a plain file name.
fn plain_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || ".-_ ".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let trimmed = cleaned.trim_matches(['.', ' ']);
    if trimmed.is_empty() {
        "fichier".to_owned()
    } else {
        trimmed.to_owned()
    }
}

/// The zip's bytes; the export is recorded in the audit trail before they leave.
pub async fn person_zip(state: &AppState, person_id: &PersonId) -> Result<Vec<u8>, StoreError> {
    let person = crate::store::persons::record(&state.db, person_id).await?;
    let mut espaces = Vec::new();
    // (path in the zip, storage key)
    let mut files: Vec<(RequestId, String, String)> = Vec::new();
    for summary in state.espaces.businesses_of(person_id).await? {
        let Some(espace) = state
            .espaces
            .business_for_member(person_id, &summary.id)
            .await?
        else {
            continue;
        };
        let mut requests = Vec::new();
        for line in state
            .requests
            .requests_of_business(person_id, &summary.id)
            .await?
            .unwrap_or_default()
        {
            let Some(request) = state
                .requests
                .request_for_member(person_id, &summary.id, &line.id)
                .await?
            else {
                continue;
            };
            let folder = format!(
                "documents/{}",
                request
                    .reference
                    .clone()
                    .unwrap_or_else(|| request.id.to_string())
            );
            for document in &request.documents {
                if let Some(key) = state
                    .requests
                    .document_key(&request.id, &document.id)
                    .await?
                {
                    let path = format!(
                        "{folder}/{}-{}",
                        &document.id[..8.min(document.id.len())],
                        plain_name(&document.file_name)
                    );
                    files.push((request.id.clone(), path, key));
                }
            }
            if let (Some(key), Some(reference)) = (
                state.requests.receipt_key(&request.id).await?,
                request.reference.as_ref(),
            ) {
                files.push((
                    request.id.clone(),
                    format!("{folder}/recepisse-{reference}.pdf"),
                    key,
                ));
            }
            requests.push(request);
        }
        let mut connected_sites = Vec::new();
        for line in state
            .sites
            .sites_of_business(person_id, &summary.id)
            .await?
            .unwrap_or_default()
        {
            let Some(site) = state
                .sites
                .site_for_member(person_id, &summary.id, &line.id)
                .await?
            else {
                continue;
            };
            for check in &site.checks {
                if let Some(stored) = state.sites.certificate(&site.id(), &check.id).await? {
                    let path = format!(
                        "documents/{}/controles/{}-{}-{}-{}",
                        site.request
                            .reference
                            .clone()
                            .unwrap_or_else(|| site.id().to_string()),
                        check.done_on,
                        check.check.code(),
                        short_id(&check.id),
                        plain_name(&stored.file_name)
                    );
                    files.push((site.id().request(), path, stored.storage_key));
                }
            }
            connected_sites.push(site);
        }
        let inbox = crate::store::inbox::entries(&state.db, &summary.id).await?;
        espaces.push(Espace {
            espace,
            requests,
            connected_sites,
            inbox,
        });
    }
    distinct_paths(&mut files);
    let export = Export {
        exported_at: crate::clock::now_rfc3339(),
        person,
        espaces,
        documents: files
            .iter()
            .map(|(request_id, path, _)| ExportedFile {
                request_id: request_id.clone(),
                path: path.clone(),
            })
            .collect(),
    };
    let json = serde_json::to_vec_pretty(&export).map_err(failed)?;
    let mut contents = Vec::with_capacity(files.len());
    for (_, path, key) in files {
        let bytes = state.requests.documents().get(&key).await.map_err(failed)?;
        contents.push((path, bytes));
    }
    audit::record(
        &state.db,
        Event::applicant(person_id, AuditAction::DataExported),
    )
    .await?;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("donnees.json", options).map_err(failed)?;
    zip.write_all(&json).map_err(failed)?;
    for (path, bytes) in contents {
        zip.start_file(path, options).map_err(failed)?;
        zip.write_all(&bytes).map_err(failed)?;
    }
    Ok(zip.finish().map_err(failed)?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_cannot_leave_their_folder() {
        assert_eq!(plain_name("../../etc/passwd"), "_.._etc_passwd");
        assert_eq!(plain_name("plan étage 1.pdf"), "plan étage 1.pdf");
        assert_eq!(plain_name("..."), "fichier");
    }

    #[test]
    fn two_files_of_one_name_get_two_paths() {
        let file = |path: &str| (RequestId::default(), path.to_owned(), String::new());
        let mut files = vec![file("a/x.pdf"), file("a/x.pdf"), file("a/y.pdf")];
        distinct_paths(&mut files);
        let paths: Vec<&str> = files.iter().map(|f| f.1.as_str()).collect();
        assert_eq!(paths, ["a/x.pdf", "a/x.pdf-2", "a/y.pdf"]);
    }
}
