//! The built-in provider's signing key: RSA 2048 (RS256, what real providers use), made on the
//! first start and kept in the data folder, so sessions outlive restarts.

use std::path::Path;

use openidconnect::core::{CoreJsonWebKeySet, CoreRsaPrivateSigningKey};
use openidconnect::{JsonWebKeyId, PrivateSigningKey};
use rsa::pkcs1::{EncodeRsaPrivateKey, LineEnding};

pub const KEY_FILE: &str = "dev-idp-signing-key.pem";

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("cannot read or write the development provider's key {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("the development provider's key {path} is not an RSA key: {reason}")]
    Invalid { path: String, reason: String },
    #[error("cannot generate an RSA key: {0}")]
    Generate(String),
}

pub struct SigningKey {
    pub key: CoreRsaPrivateSigningKey,
    pub jwks: CoreJsonWebKeySet,
}

/// Loads the key in `data_dir`, creating it on first use.
pub fn load_or_create(data_dir: &Path) -> Result<SigningKey, KeyError> {
    let path = data_dir.join(KEY_FILE);
    let io = |source| KeyError::Io {
        path: path.display().to_string(),
        source,
    };
    let pem = match std::fs::read_to_string(&path) {
        Ok(pem) => pem,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            std::fs::create_dir_all(data_dir).map_err(io)?;
            create_once(&path, &generate_pem()?).map_err(io)?
        }
        Err(error) => return Err(io(error)),
    };
    from_pem(&pem).map_err(|reason| KeyError::Invalid {
        path: path.display().to_string(),
        reason,
    })
}

/// Writes `pem` to `path` unless another process got there first, and returns the key that
/// is there: processes starting together on one data folder all end up with the same key.
fn create_once(path: &Path, pem: &str) -> std::io::Result<String> {
    let draft = path.with_extension(format!("pem.{}.tmp", std::process::id()));
    std::fs::write(&draft, pem)?;
    // A hard link appears whole or not at all, and fails if the name is taken.
    let linked = std::fs::hard_link(&draft, path);
    let _ = std::fs::remove_file(&draft);
    match linked {
        Ok(()) => Ok(pem.to_owned()),
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
            std::fs::read_to_string(path)
        }
        Err(error) => Err(error),
    }
}

/// A new PKCS#1 PEM RSA private key.
pub fn generate_pem() -> Result<String, KeyError> {
    let key = rsa::RsaPrivateKey::new(&mut rand::rngs::OsRng, 2048)
        .map_err(|e| KeyError::Generate(e.to_string()))?;
    key.to_pkcs1_pem(LineEnding::LF)
        .map(|pem| pem.to_string())
        .map_err(|e| KeyError::Generate(e.to_string()))
}

/// The key id is derived from the key, so a new key gets a new id and relying parties that
/// cached the old key set fetch the new one.
pub fn from_pem(pem: &str) -> Result<SigningKey, String> {
    let kid = format!("dev-{:016x}", fnv1a(pem.as_bytes()));
    let key = CoreRsaPrivateSigningKey::from_pem(pem, Some(JsonWebKeyId::new(kid)))?;
    let jwks = CoreJsonWebKeySet::new(vec![key.as_verification_key()]);
    Ok(SigningKey { key, jwks })
}

/// A stable 64-bit hash (std's hasher may change between releases).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, b| {
        (hash ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}
