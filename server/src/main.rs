use std::process::ExitCode;

use alarmis_server::{run, telemetry, Config};

/// Memory is allocated on Tokio's threads and freed on SQLite's (and the reverse); mimalloc's
/// per-thread heaps take that without the lock contention glibc's arenas showed under load.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> ExitCode {
    telemetry::init();
    let outcome = match Config::from_env() {
        Ok(config) => run(config).await,
        Err(error) => Err(error.into()),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!("{error}");
            ExitCode::FAILURE
        }
    }
}
