//! Log drivers and the `awslogs` driver's options, as ECS and Docker accept them.
//!
//! Sources: the ECS API's `LogDriver` enum; the ECS developer guide (Fargate supports
//! `awslogs`, `splunk` and `awsfirelens`; `using_awslogs.html`); the registration error "Log
//! driver awslogs requires options: awslogs-region, awslogs-group" (cfn-lint issue #1787);
//! Docker's awslogs driver (`daemon/logger/awslogs`: its option names, the `mode` values the
//! daemon accepts, "you cannot configure log opt 'awslogs-datetime-format' and
//! 'awslogs-multiline-pattern' at the same time").

/// A `logDriver` value the ECS API knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogDriver {
    Awslogs,
    Splunk,
    Awsfirelens,
    JsonFile,
    Syslog,
    Journald,
    Gelf,
    Fluentd,
}

impl LogDriver {
    /// The API's value, exactly (the enum is case-sensitive).
    pub fn parse(s: &str) -> Option<LogDriver> {
        Some(match s {
            "awslogs" => LogDriver::Awslogs,
            "splunk" => LogDriver::Splunk,
            "awsfirelens" => LogDriver::Awsfirelens,
            "json-file" => LogDriver::JsonFile,
            "syslog" => LogDriver::Syslog,
            "journald" => LogDriver::Journald,
            "gelf" => LogDriver::Gelf,
            "fluentd" => LogDriver::Fluentd,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            LogDriver::Awslogs => "awslogs",
            LogDriver::Splunk => "splunk",
            LogDriver::Awsfirelens => "awsfirelens",
            LogDriver::JsonFile => "json-file",
            LogDriver::Syslog => "syslog",
            LogDriver::Journald => "journald",
            LogDriver::Gelf => "gelf",
            LogDriver::Fluentd => "fluentd",
        }
    }

    /// Whether a Fargate task may use it.
    pub fn on_fargate(self) -> bool {
        matches!(
            self,
            LogDriver::Awslogs | LogDriver::Splunk | LogDriver::Awsfirelens
        )
    }
}

/// The drivers Fargate supports, for messages.
pub const FARGATE_DRIVERS: &str = "`awslogs`, `splunk` or `awsfirelens`";

/// The options ECS's registration requires of `awslogs`.
pub const AWSLOGS_REQUIRED: [&str; 2] = ["awslogs-group", "awslogs-region"];

/// The option a Fargate task's `awslogs` also needs (CloudFormation reports the task definition
/// failed without it; the log stream is named `prefix/container/task-id`).
pub const AWSLOGS_STREAM_PREFIX: &str = "awslogs-stream-prefix";

/// Every option name the `awslogs` driver accepts: Docker's own, the daemon's generic `mode`
/// and `max-buffer-size`, and ECS's `awslogs-stream-prefix`. Docker adds options over time, so a
/// name outside this list is only reported when it is a near miss of one in it.
pub const AWSLOGS_OPTIONS: [&str; 16] = [
    "awslogs-create-group",
    "awslogs-create-stream",
    "awslogs-credentials-endpoint",
    "awslogs-datetime-format",
    "awslogs-endpoint",
    "awslogs-force-flush-interval-seconds",
    "awslogs-format",
    "awslogs-group",
    "awslogs-max-buffered-events",
    "awslogs-multiline-pattern",
    "awslogs-region",
    "awslogs-stream",
    "awslogs-stream-prefix",
    "max-buffer-size",
    "mode",
    "tag",
];

/// The values of the `mode` option.
pub const MODES: [&str; 2] = ["blocking", "non-blocking"];

/// The known option `name` is a near miss of (a typo: `awslogs-grup`, `awslogs_group`,
/// `awslogs-Region`), or `None` when it is known or not close to any.
pub fn near_miss(name: &str) -> Option<&'static str> {
    if AWSLOGS_OPTIONS.contains(&name) {
        return None;
    }
    let folded = name.to_ascii_lowercase().replace('_', "-");
    if let Some(exact) = AWSLOGS_OPTIONS.iter().find(|o| **o == folded) {
        return Some(exact);
    }
    AWSLOGS_OPTIONS
        .iter()
        .map(|o| (strsim::damerau_levenshtein(&folded, o), *o))
        .filter(|(d, o)| *d <= 2 && o.len() > 4)
        .min()
        .map(|(_, o)| o)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_misses() {
        assert_eq!(near_miss("awslogs-group"), None);
        assert_eq!(near_miss("awslogs-grup"), Some("awslogs-group"));
        assert_eq!(near_miss("awslogs_region"), Some("awslogs-region"));
        assert_eq!(near_miss("AWSLOGS-REGION"), Some("awslogs-region"));
        assert_eq!(
            near_miss("awslog-stream-prefix"),
            Some("awslogs-stream-prefix")
        );
        // Far from every known name: perhaps an option newer than this list.
        assert_eq!(near_miss("awslogs-something-new"), None);
        assert_eq!(near_miss("env"), None);
    }

    #[test]
    fn fargate_drivers() {
        assert!(LogDriver::parse("awslogs").is_some_and(LogDriver::on_fargate));
        assert!(LogDriver::parse("json-file").is_some_and(|d| !d.on_fargate()));
        assert_eq!(LogDriver::parse("AWSLOGS"), None);
    }
}
