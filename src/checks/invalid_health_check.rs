//! ECS218 invalid-health-check: a container health check ECS refuses: a command that does not
//! start with `CMD`, `CMD-SHELL` or `NONE`, or a setting outside its range.

use crate::model::fields::{container, health_check};
use crate::model::{Container, Field, Spelled, TaskDef, Val};
use crate::rule::Sink;

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

fn check(_td: &TaskDef<'_>, c: &Container<'_>, sink: &mut Sink<'_>) {
    let Val::Known(hc, _) = c.view().object(&container::HEALTH_CHECK) else {
        return;
    };
    let commands = hc.strings(&health_check::COMMAND);
    if let Some(Val::Known(first, span)) = commands.iter().next() {
        if !matches!(*first, "CMD" | "CMD-SHELL" | "NONE") {
            let key = c.key(&health_check::COMMAND);
            // The command is not repeated: it may carry a token.
            let help = if commands.iter().count() == 1 {
                format!("put `\"CMD-SHELL\"` first in `{key}` to run this line with the container's shell")
            } else {
                format!("start `{key}` with `CMD` (run the arguments as they are) or `CMD-SHELL` (run one string in the container's shell)")
            };
            sink.report(
                c.at(*span),
                format!(
                    "the health check `{key}` of container {} starts with neither `CMD`, `CMD-SHELL` nor `NONE`: ECS refuses the task definition",
                    c.label()
                ),
            )
            .help(help);
        }
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
            td(r#"{"command":["${CMD}"],"interval":"${INTERVAL}"}"#),
            td(r#""${HEALTH_CHECK}""#),
        ];
        let fail = [
            td(r#"{"command":["curl -f http://localhost/"]}"#),
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
