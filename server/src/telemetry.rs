//! Structured logs with `tracing`. `RUST_LOG` filters; `ALARMIS_LOG_FORMAT=json` gives one JSON
//! object per line for log collectors.

use tracing_subscriber::EnvFilter;

pub fn init() {
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn"));
    let json = std::env::var("ALARMIS_LOG_FORMAT").is_ok_and(|f| f == "json");
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false);
    // Ignoring the error: it only means a subscriber is already set (tests start several servers).
    let _ = if json {
        builder.json().try_init()
    } else {
        builder.try_init()
    };
}
