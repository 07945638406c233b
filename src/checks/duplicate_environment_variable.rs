//! ECS224 duplicate-environment-variable: a container sets one variable twice, in `environment`
//! or in `environment` and `secrets`, and only one value reaches the process.

use crate::model::fields::{container, secret};
use crate::model::{Container, Spelled, TaskDef};
use crate::rule::Sink;
use crate::span::Span;

crate::declare_rule! {
    code: "ECS224",
    name: "duplicate-environment-variable",
    category: BestPractice,
    severity: Warning,
    check: Container(check),
    constraints: [67],
}

fn check(_td: &TaskDef<'_>, c: &Container<'_>, sink: &mut Sink<'_>) {
    let mut seen: Vec<(&str, Span, bool)> = Vec::new();
    let env = c
        .environment
        .iter()
        .filter_map(|e| e.name.known_at())
        .map(|(n, s)| (n, s, false));
    let view = c.view();
    let secrets: Vec<(&str, Span, bool)> = view
        .objects(&container::SECRETS)
        .iter()
        .filter_map(|s| s.text(&secret::NAME).known_at())
        .map(|(n, s)| (n, s, true))
        .collect();
    for (name, span, is_secret) in env.chain(secrets) {
        let Some(&(_, first, first_secret)) = seen.iter().find(|(n, _, _)| *n == name) else {
            seen.push((name, span, is_secret));
            continue;
        };
        let (list, earlier) = match (first_secret, is_secret) {
            (false, false) => (c.key(&container::ENVIRONMENT), "earlier in the list"),
            (true, true) => (c.key(&container::SECRETS), "earlier in the list"),
            _ => (c.key(&container::SECRETS), "in `environment` too"),
        };
        sink.report(
            c.at(span),
            format!(
                "container {} sets `{}` twice (here in `{list}`, and {earlier}): one value silently wins",
                c.label(),
                crate::domain::names::shown(name)
            ),
        )
        .label(first, "first set here")
        .help("keep one entry per variable");
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let td = |c: &str| {
            format!(
                r#"{{"family":"web","containerDefinitions":[{{"name":"web","image":"nginx:1.27","memory":256{c}}}]}}"#
            )
        };
        let pass = [
            td(r#","environment":[{"name":"A","value":"1"},{"name":"B","value":"2"}]"#),
            td(
                r#","environment":[{"name":"A","value":"1"}],"secrets":[{"name":"B","valueFrom":"arn:aws:ssm:us-east-1:1:parameter/b"}]"#,
            ),
            td(r#","environment":[{"name":"${N}","value":"1"},{"name":"${N}","value":"2"}]"#),
            td(r#","environment":[{"name":"a","value":"1"},{"name":"A","value":"2"}]"#),
        ];
        let fail = [
            td(r#","environment":[{"name":"A","value":"1"},{"name":"A","value":"2"}]"#),
            td(
                r#","environment":[{"name":"DB_URL","value":"x"}],"secrets":[{"name":"DB_URL","valueFrom":"arn:aws:ssm:us-east-1:1:parameter/b"}]"#,
            ),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
