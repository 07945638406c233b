//! ECS107 duplicate-container-name: container names must be unique within a task definition.

use std::collections::HashMap;

use crate::model::TaskDef;
use crate::rule::Sink;
use crate::span::Span;

crate::declare_rule! {
    code: "ECS107",
    name: "duplicate-container-name",
    category: DeployError,
    severity: Error,
    check: TaskDef(check),
    constraints: [10],
}

/// Past this many containers, names are looked up in a hash map instead of a list.
const LINEAR: usize = 16;

fn check(td: &TaskDef<'_>, sink: &mut Sink<'_>) {
    // A task has a few containers: a list beats hashing; a hostile file may hold thousands.
    let mut seen: Vec<(&str, Span)> = Vec::new();
    let mut first: HashMap<&str, Span> = HashMap::new();
    for c in &td.containers {
        let Some((name, span)) = c.name.known_at() else {
            continue;
        };
        let earlier = if seen.len() < LINEAR {
            seen.iter().find(|(n, _)| *n == name).map(|(_, s)| *s)
        } else {
            if first.is_empty() {
                first.extend(seen.iter().rev().copied());
            }
            first.get(name).copied()
        };
        match earlier {
            None => {
                if seen.len() < LINEAR {
                    seen.push((name, span));
                } else {
                    first.insert(name, span);
                }
            }
            Some(earlier) => {
                sink.report(
                    c.at(span),
                    format!("container name `{name}` is used by another container of this task definition"),
                )
                .label(earlier, "first used here")
                .help("give every container a unique name");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    /// Past the list's size the lookup is a hash map: a duplicate there is still found, once.
    #[test]
    fn many_containers() {
        let mut plan = crate::engine::Plan::new(crate::suppress::Date(2026, 1, 1));
        plan.select_only("ECS107");
        let names: Vec<String> = (0..40)
            .map(|i| {
                if i == 30 {
                    "c3".to_string()
                } else {
                    format!("c{i}")
                }
            })
            .collect();
        let containers: Vec<String> = names
            .iter()
            .map(|n| format!(r#"{{"name": "{n}", "image": "x:1", "memory": 64}}"#))
            .collect();
        let text = format!(
            r#"{{"family": "f", "containerDefinitions": [{}]}}"#,
            containers.join(",")
        );
        let lint = crate::engine::lint_text("many.json", &text, &plan);
        let found: Vec<&str> = lint.findings.iter().map(|f| f.pointer.as_str()).collect();
        assert_eq!(found, vec!["/containerDefinitions/30/name"]);
    }

    #[test]
    fn duplicate_container_name() {
        crate::checks::tester::test_rule(
            &super::RULE,
            &[
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27"},{"name":"log","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27"},{"name":"Web","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"${NAME}","image":"nginx:1.27"},{"name":"${NAME}","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"{{ must_env `APP_NAME` }}","image":"nginx:1.27"},{"name":"{{ must_env `APP_NAME` }}","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27"}]}"#,
                r#"[{"name":"web","image":"nginx:1.27"},{"name":"log","image":"nginx:1.27"}]"#,
                r#"
family: web
containerDefinitions:
  - {name: web, image: "nginx:1.27"}
  - {name: log, image: "fluent-bit:2.2"}"#,
            ],
            &[
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27"},{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27"},{"name":"log","image":"nginx:1.27"},{"name":"web","image":"nginx:1.27"}]}"#,
                r#"[{"name":"web","image":"nginx:1.27"},{"name":"web","image":"nginx:1.27"}]"#,
                r#"{"taskDefinition":{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27"},{"name":"web","image":"nginx:1.27"}],"revision":3}}"#,
                r#"
family: web
containerDefinitions:
  - {name: web, image: "nginx:1.27"}
  - {name: web, image: "fluent-bit:2.2"}"#,
            ],
        );
    }
}
