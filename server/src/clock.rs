//! Timestamps as the database stores them: RFC 3339, UTC, whole seconds (sorts as text).

pub fn now_rfc3339() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

pub fn unix_now() -> i64 {
    chrono::Utc::now().timestamp()
}
