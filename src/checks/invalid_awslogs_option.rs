//! ECS112 invalid-awslogs-option: an `awslogs` option the driver refuses when the container
//! starts: a misspelt name, a `mode` that does not exist, both multiline options at once, a
//! log group or stream prefix CloudWatch Logs refuses.

use crate::domain::logging::{near_miss, LogDriver, MODES};
use crate::model::{Container, TaskDef, Val};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS112",
    name: "invalid-awslogs-option",
    category: DeployError,
    severity: Error,
    check: Container(check),
    peers: ["cfn-lint:E3046"],
    constraints: [74],
}

const DATETIME: &str = "awslogs-datetime-format";
const MULTILINE: &str = "awslogs-multiline-pattern";

fn check(_td: &TaskDef<'_>, c: &Container<'_>, sink: &mut Sink<'_>) {
    let Some(log) = c.log_configuration.as_known() else {
        return;
    };
    if log.driver.known().and_then(LogDriver::parse) != Some(LogDriver::Awslogs) {
        return;
    }
    let Val::Known(options, _) = log.options else {
        return;
    };
    for m in options.as_object().unwrap_or_default() {
        if m.is_open() || m.value.is_no_value() {
            continue;
        }
        if let Some(meant) = near_miss(&m.key) {
            sink.report(
                c.at(m.key_span),
                format!(
                    "container {} has `awslogs` option `{}`, which the driver does not know: the container fails to start",
                    c.label(),
                    m.key
                ),
            )
            .help(format!("did you mean `{meant}`?"));
        }
    }
    if let Some((mode, span)) = log.option("mode").known_at() {
        if !MODES.contains(&mode) {
            sink.report(
                c.at(span),
                format!(
                    "container {} has `awslogs` `mode` `{mode}`: the container fails to start",
                    c.label()
                ),
            )
            .help("set `mode` to `blocking` (the default) or `non-blocking`");
        }
    }
    if let Some((group, span)) = log.option("awslogs-group").known_at() {
        if let Some(problem) = bad_log_group(group) {
            sink.report(
                c.at(span),
                format!(
                    "container {} logs to the log group `{}`, which CloudWatch Logs refuses: {problem}; the container fails to start",
                    c.label(),
                    crate::domain::names::shown(group)
                ),
            )
            .help("name the log group with letters, digits and `._-/#` only, up to 512 characters (`/ecs/web`)");
        }
    }
    if let Some((prefix, span)) = log.option("awslogs-stream-prefix").known_at() {
        if let Some(bad) = prefix.chars().find(|c| matches!(c, ':' | '*')) {
            sink.report(
                c.at(span),
                format!(
                    "container {} has `awslogs-stream-prefix` `{}`, and CloudWatch Logs refuses `{bad}` in a log stream name: the container fails to start",
                    c.label(),
                    crate::domain::names::shown(prefix)
                ),
            )
            .help("remove `:` and `*` from the prefix");
        }
    }
    if let (Val::Known(_, first), Val::Known(_, second)) =
        (log.option(DATETIME), log.option(MULTILINE))
    {
        let (first, second) = if first.start <= second.start {
            (first, second)
        } else {
            (second, first)
        };
        sink.report(
            c.at(second),
            format!(
                "container {} sets both `{DATETIME}` and `{MULTILINE}`: the `awslogs` driver refuses the pair and the container fails to start",
                c.label()
            ),
        )
        .label(first, "the other one")
        .help("keep one: `awslogs-multiline-pattern` is a regular expression, `awslogs-datetime-format` a strftime pattern; both mark where a log event starts");
    }
}

/// What CloudWatch Logs refuses in a log group name, if anything: 1 to 512 of letters, digits
/// and `._-/#`.
fn bad_log_group(name: &str) -> Option<String> {
    if name.is_empty() {
        return Some("the name is empty".into());
    }
    if name.len() > 512 {
        return Some(format!(
            "it is {} characters long, and 512 is the most",
            name.len()
        ));
    }
    let bad = name
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '/' | '#')))?;
    Some(if bad.is_whitespace() {
        "it contains white space".into()
    } else {
        format!("it contains `{bad}`")
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let with = |options: &str| {
            format!(
                r#"{{"family":"web","containerDefinitions":[{{"name":"web","image":"nginx:1.27","logConfiguration":{{"logDriver":"awslogs","options":{{"awslogs-group":"/ecs/web","awslogs-region":"us-east-1"{options}}}}}}}]}}"#
            )
        };
        let pass = [
            with(""),
            with(r#","awslogs-create-group":"true","awslogs-stream-prefix":"web","mode":"non-blocking","max-buffer-size":"25m""#),
            with(r#","awslogs-multiline-pattern":"^INFO""#),
            with(r#","awslogs-endpoint":"https://logs.example","awslogs-create-stream":"false","tag":"x""#),
            // A name far from every known one may be newer than ecslint.
            with(r#","awslogs-some-future-option":"1""#),
            with(r#","mode":"${MODE}""#),
            with(r#","awslogs-stream-prefix":"${PREFIX}""#),
            r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","logConfiguration":{"logDriver":"fluentd","options":{"awslogs-grup":"x"}}}]}"#.to_string(),
        ];
        let fail = [
            with(r#","awslogs-stream-prefx":"web""#),
            with(r#","awslogs_create_group":"true""#),
            with(r#","mode":"nonblocking""#),
            with(r#","awslogs-stream-prefix":"web:blue""#),
            r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","logConfiguration":{"logDriver":"awslogs","options":{"awslogs-group":"ecs web logs","awslogs-region":"us-east-1"}}}]}"#.to_string(),
            with(r#","awslogs-multiline-pattern":"^INFO","awslogs-datetime-format":"%Y-%m-%d""#),
            "Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n          LogConfiguration:\n            LogDriver: awslogs\n            Options:\n              awslogs-group: !Ref Logs\n              awslogs-regin: !Ref AWS::Region\n".to_string(),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
