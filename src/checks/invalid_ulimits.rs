//! ECS229 invalid-ulimits: a container's `ulimits` set one limit twice, or a soft limit above
//! its hard limit.

use crate::model::fields::{container, ulimit};
use crate::model::{Container, Spelled, TaskDef, Val};
use crate::rule::Sink;
use crate::span::Span;

crate::declare_rule! {
    code: "ECS229",
    name: "invalid-ulimits",
    category: DeployError,
    severity: Error,
    check: Container(check),
    constraints: [107],
}

fn check(_td: &TaskDef<'_>, c: &Container<'_>, sink: &mut Sink<'_>) {
    let mut seen: Vec<(&str, Span)> = Vec::new();
    for u in &c.view().objects(&container::ULIMITS) {
        let name = u.text(&ulimit::NAME);
        if let Val::Known(n, span) = name {
            if let Some(&(_, first)) = seen.iter().find(|(s, _)| *s == n) {
                sink.report(
                    c.at(span),
                    format!("container {} sets the `{n}` ulimit twice", c.label()),
                )
                .label(first, "first set here")
                .help("keep one entry per limit");
            } else {
                seen.push((n, span));
            }
        }
        if let (Val::Known(soft, soft_span), Val::Known(hard, hard_span)) =
            (u.int(&ulimit::SOFT_LIMIT), u.int(&ulimit::HARD_LIMIT))
        {
            if soft > hard {
                let which = name.known().map_or_else(String::new, |n| format!("`{n}` "));
                sink.report(
                    c.at(soft_span),
                    format!(
                        "the {which}ulimit of container {} has `{}` {soft} above its `{}` {hard}: Docker refuses to start the container",
                        c.label(),
                        c.key(&ulimit::SOFT_LIMIT),
                        c.key(&ulimit::HARD_LIMIT)
                    ),
                )
                .label(hard_span, "the hard limit")
                .help(format!(
                    "make `{}` at most `{}`",
                    c.key(&ulimit::SOFT_LIMIT),
                    c.key(&ulimit::HARD_LIMIT)
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let td = |ulimits: &str| {
            format!(
                r#"{{"family":"web","containerDefinitions":[{{"name":"web","image":"nginx:1.27","memory":256,"ulimits":[{ulimits}]}}]}}"#
            )
        };
        let pass = [
            td(r#"{"name":"nofile","softLimit":65535,"hardLimit":65535}"#),
            td(
                r#"{"name":"nofile","softLimit":1024,"hardLimit":4096},{"name":"nproc","softLimit":1,"hardLimit":2}"#,
            ),
            td(r#"{"name":"nofile","softLimit":"${SOFT}","hardLimit":1024}"#),
        ];
        let fail = [
            td(r#"{"name":"nofile","softLimit":65535,"hardLimit":4096}"#),
            td(
                r#"{"name":"nofile","softLimit":1024,"hardLimit":4096},{"name":"nofile","softLimit":2048,"hardLimit":4096}"#,
            ),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
