//! ECS218 invalid-health-check: a container health check that cannot work: a command that
//! names a whole shell line as one program, or a setting outside the range ECS accepts.

use crate::model::fields::{container, health_check};
use crate::model::{Container, Field, List, Spelled, TaskDef, Val};
use crate::rule::Sink;
use crate::span::Span;

crate::declare_rule! {
    code: "ECS218",
    name: "invalid-health-check",
    category: DeployError,
    severity: Error,
    check: Container(check),
    constraints: [83, 84],
}

/// Each setting, its range in seconds (retries: a count) and its default.
static RANGES: [(&Field, i64, i64, &str); 4] = [
    (&health_check::INTERVAL, 5, 300, "seconds, default 30"),
    (&health_check::TIMEOUT, 2, 60, "seconds, default 5"),
    (&health_check::RETRIES, 1, 10, "attempts, default 3"),
    (&health_check::START_PERIOD, 0, 300, "seconds, default none"),
];

/// Where a health check command names a whole shell line as one program: `["curl -f
/// http://localhost/"]` (ECS reads a list not starting with `CMD`, `CMD-SHELL` or `NONE` as
/// `CMD`, so other lists, `["powershell", "-c", "…"]`, run as written) or `["CMD", "curl -f
/// http://localhost/"]`.
fn command_never_runs(commands: &List<Val<'_, &str>>) -> Option<Span> {
    let items: Vec<&Val<'_, &str>> = commands.iter().collect();
    let line = match items.as_slice() {
        [Val::Known(first, span)] if !matches!(*first, "CMD" | "CMD-SHELL" | "NONE") => {
            (*first, *span)
        }
        [Val::Known("CMD", _), Val::Known(second, span)] => (*second, *span),
        _ => return None,
    };
    line.0
        .trim()
        .contains(char::is_whitespace)
        .then_some(line.1)
}

fn check(_td: &TaskDef<'_>, c: &Container<'_>, sink: &mut Sink<'_>) {
    let Val::Known(hc, _) = c.view().object(&container::HEALTH_CHECK) else {
        return;
    };
    let commands = hc.strings(&health_check::COMMAND);
    if let Some(span) = command_never_runs(&commands) {
        let key = c.key(&health_check::COMMAND);
        // The command is not repeated: it may carry a token.
        sink.report(
            c.at(span),
            format!(
                "the health check `{key}` of container {} runs a program named by this whole line, spaces included: no such program exists, so the check never passes and the container is marked unhealthy",
                c.label()
            ),
        )
        .help(format!(
            "write `{key}` as `[\"CMD-SHELL\", \"<the line>\"]` to run the line in the container's shell, or `[\"CMD\", \"<program>\", \"<argument>\", …]` with one argument per item"
        ));
    }
    for (field, min, max, unit) in RANGES {
        let Val::Known(value, span) = hc.int(field) else {
            continue;
        };
        if (min..=max).contains(&value) {
            continue;
        }
        sink.report(
            c.at(span),
            format!(
                "health check `{}` {value} of container {} is outside {min}–{max} ({unit}): ECS refuses the task definition",
                c.key(field),
                c.label()
            ),
        )
        .help(format!("set `{}` between {min} and {max}", c.key(field)));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let td = |hc: &str| {
            format!(
                r#"{{"family":"web","containerDefinitions":[{{"name":"web","image":"nginx:1.27","memory":256,"healthCheck":{hc}}}]}}"#
            )
        };
        let pass = [
            td(
                r#"{"command":["CMD-SHELL","curl -f http://localhost/ || exit 1"],"interval":30,"timeout":5,"retries":3,"startPeriod":60}"#,
            ),
            td(
                r#"{"command":["CMD","/bin/check"],"interval":5,"timeout":2,"retries":10,"startPeriod":0}"#,
            ),
            td(r#"{"command":["NONE"]}"#),
            td(r#"{"command":["powershell","-c","exit 0"]}"#),
            td(r#"{"command":["CMD","/bin/check","--quick"]}"#),
            td(r#"{"command":["/healthcheck"]}"#),
            td(r#"{"command":["${CMD}"],"interval":"${INTERVAL}"}"#),
            td(r#""${HEALTH_CHECK}""#),
        ];
        let fail = [
            td(r#"{"command":["curl -f http://localhost/"]}"#),
            td(r#"{"command":["CMD","curl -f http://localhost/"]}"#),
            td(r#"{"command":["CMD-SHELL","true"],"interval":2}"#),
            td(r#"{"command":["CMD-SHELL","true"],"timeout":0}"#),
            td(r#"{"command":["CMD-SHELL","true"],"retries":11}"#),
            td(r#"{"command":["CMD-SHELL","true"],"startPeriod":600}"#),
            "Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n          HealthCheck:\n            Command: [CMD-SHELL, curl -f localhost]\n            Interval: 2\n".to_string(),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
