//! When the session warning speaks: the arithmetic both sides share, the server to word the
//! alerts ("in 2 minutes"), the island to set its timers.

use std::time::Duration;

/// The server renews a session at most once a minute (`auth::viewer`): the page counts that
/// minute as already gone, so it never says "signed in" after the server stopped agreeing.
const SERVER_SLACK: Duration = Duration::from_secs(60);
/// How long the person has to answer the warning.
const WARNING_LEAD: Duration = Duration::from_secs(120);

/// When to warn and when to say it ended, counted from the last request, for a session that
/// lasts `idle` without one.
pub(super) fn schedule(idle: Duration) -> (Duration, Duration) {
    let ends = idle.saturating_sub(SERVER_SLACK).max(idle / 2);
    let warns = ends.saturating_sub(WARNING_LEAD).max(ends / 2);
    (warns, ends)
}

/// The attribute that carries the session's idle length (seconds) to the island, as
/// `WarnBeforeSessionEnds` writes it.
#[cfg(feature = "hydrate")]
pub(super) const IDLE_SECONDS: &str = "data-idle-seconds";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_warning_comes_two_minutes_before_the_end_and_a_minute_early() {
        let minutes = |m: u64| Duration::from_secs(m * 60);
        assert_eq!(schedule(minutes(30)), (minutes(27), minutes(29)));
        assert_eq!(schedule(minutes(10)), (minutes(7), minutes(9)));
        // Short sessions still get a warning before the end, and the end before the server's.
        let (warns, ends) = schedule(minutes(2));
        assert_eq!((warns, ends), (Duration::from_secs(30), minutes(1)));
        assert!(warns < ends && ends < minutes(2));
    }
}
