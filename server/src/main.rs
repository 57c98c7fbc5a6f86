use std::process::ExitCode;

use alarmis_server::{run, telemetry, Config};

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
