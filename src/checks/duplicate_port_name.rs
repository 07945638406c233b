//! ECS228 duplicate-port-name: two port mappings of a task definition have the same `name`.

use crate::model::fields::{container, port_mapping};
use crate::model::{Spelled, TaskDef, Val};
use crate::rule::Sink;
use crate::span::Span;

crate::declare_rule! {
    code: "ECS228",
    name: "duplicate-port-name",
    category: DeployError,
    severity: Error,
    check: TaskDef(check),
    constraints: [42],
}

fn check(td: &TaskDef<'_>, sink: &mut Sink<'_>) {
    let mut seen: Vec<(&str, Span)> = Vec::new();
    for c in &td.containers {
        for pm in &c.view().objects(&container::PORT_MAPPINGS) {
            let Val::Known(name, span) = pm.text(&port_mapping::NAME) else {
                continue;
            };
            match seen.iter().find(|(n, _)| *n == name) {
                Some(&(_, first)) => {
                    let key = td.key(&port_mapping::NAME);
                    sink.report(
                        c.at(span),
                        format!(
                            "port mapping `{key}` `{}` is already used in this task definition: ECS refuses two port mappings of one name",
                            crate::domain::names::shown(name)
                        ),
                    )
                    .label(first, "first used here")
                    .help(format!("give each port mapping its own `{key}` (Service Connect and VPC Lattice refer to ports by it)"));
                }
                None => seen.push((name, span)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let td = |a: &str, b: &str| {
            format!(
                r#"{{"family":"web","containerDefinitions":[{{"name":"web","image":"nginx:1.27","memory":256,"portMappings":[{{"containerPort":80,"name":"{a}"}}]}},{{"name":"api","image":"acme/api:1","memory":256,"portMappings":[{{"containerPort":8080,"name":"{b}"}}]}}]}}"#
            )
        };
        let pass = [td("web", "api"), td("${A}", "${A}"), td("http", "HTTP")];
        let fail = [td("http", "http")];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
