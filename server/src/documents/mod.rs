//! Uploaded documents and generated receipts: bytes in an object store (a local folder by
//! default; S3 and others are a change of store, not of code), facts about them in the database.

pub mod intake;
mod sniff;
pub mod virus_scan;

use app::model::RequestId;
use std::path::Path;
use std::sync::Arc;

use bytes::Bytes;
use object_store::local::LocalFileSystem;
use object_store::path::Path as ObjectPath;
use object_store::{ObjectStore, PutPayload};

pub use sniff::{sniff, SNIFF_BYTES};
pub use virus_scan::{ClamdAddress, ScanVerdict, VirusScanner};

#[derive(Debug, thiserror::Error)]
pub enum DocumentStoreError {
    #[error("cannot prepare the document folder {path}: {source}")]
    Folder {
        path: String,
        source: std::io::Error,
    },
    #[error("object store: {0}")]
    Store(#[from] object_store::Error),
    #[error("ALARMIS_DOCUMENTS_URL must be a URL such as s3://bucket/prefix, not {0:?}")]
    Url(String),
}

#[derive(Clone, Debug)]
pub struct DocumentStore {
    store: Arc<dyn ObjectStore>,
}

impl DocumentStore {
    /// Files under `folder`, created if needed.
    pub fn local(folder: &Path) -> Result<DocumentStore, DocumentStoreError> {
        std::fs::create_dir_all(folder).map_err(|source| DocumentStoreError::Folder {
            path: folder.display().to_string(),
            source,
        })?;
        let store = LocalFileSystem::new_with_prefix(folder)?;
        Ok(DocumentStore {
            store: Arc::new(store),
        })
    }

    /// The store `url` names (`s3://bucket/prefix`, `file:///srv/documents`; what
    /// `object_store::parse_url_opts` knows), with `options` such as `aws_endpoint`.
    pub fn from_url(
        url: &str,
        options: &[(String, String)],
    ) -> Result<DocumentStore, DocumentStoreError> {
        let parsed = url::Url::parse(url).map_err(|_| DocumentStoreError::Url(url.to_owned()))?;
        let (store, prefix) = object_store::parse_url_opts(&parsed, options.iter().cloned())?;
        let store: Arc<dyn ObjectStore> = if prefix.as_ref().is_empty() {
            Arc::from(store)
        } else {
            Arc::new(object_store::prefix::PrefixStore::new(store, prefix))
        };
        Ok(DocumentStore { store })
    }

    /// A fresh random key under the request's prefix: names never come from the uploader.
    pub fn new_key(request_id: &RequestId) -> String {
        format!("requests/{request_id}/{}", uuid::Uuid::new_v4())
    }

    pub async fn put(&self, key: &str, bytes: Bytes) -> Result<(), DocumentStoreError> {
        self.store
            .put(&ObjectPath::from(key), PutPayload::from_bytes(bytes))
            .await?;
        Ok(())
    }

    pub async fn get(&self, key: &str) -> Result<Bytes, DocumentStoreError> {
        Ok(self
            .store
            .get(&ObjectPath::from(key))
            .await?
            .bytes()
            .await?)
    }

    /// Deletes an object; one already gone is not an error.
    pub async fn delete(&self, key: &str) -> Result<(), DocumentStoreError> {
        match self.store.delete(&ObjectPath::from(key)).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(error) => Err(error.into()),
        }
    }
}
