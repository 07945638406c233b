//! ECS214 container-dependency-cycle: containers of a task definition wait for each other
//! through `dependsOn`, or link to each other through `links`, in a cycle.

use crate::model::fields::{container, depends_on};
use crate::model::{Container, Field, Spelled, TaskDef, Val};
use crate::rule::Sink;
use crate::span::Span;

crate::declare_rule! {
    code: "ECS214",
    name: "container-dependency-cycle",
    category: DeployError,
    severity: Error,
    check: TaskDef(check),
    constraints: [45, 86],
}

/// One `dependsOn` edge: container `from` waits for container `to`.
struct Edge {
    from: usize,
    to: usize,
    span: Span,
}

fn check(td: &TaskDef<'_>, sink: &mut Sink<'_>) {
    let containers: Vec<_> = td.containers.iter().collect();
    for field in [&container::DEPENDS_ON, &container::LINKS] {
        let edges = edges(&containers, field);
        for cycle in cycles(containers.len(), &edges) {
            report(td, &containers, &edges, &cycle, field, sink);
        }
    }
}

/// The edges `field` states between containers of known, unique names.
fn edges(containers: &[&Container<'_>], field: &Field) -> Vec<Edge> {
    let mut edges = Vec::new();
    for (from, c) in containers.iter().enumerate() {
        let view = c.view();
        let named: Vec<(&str, Span)> = if std::ptr::eq(field, &container::DEPENDS_ON) {
            view.objects(field)
                .iter()
                .filter_map(|d| d.text(&depends_on::CONTAINER_NAME).known_at())
                .collect()
        } else {
            view.strings(field)
                .iter()
                .filter_map(Val::known_at)
                .map(|(link, span)| (link.split_once(':').map_or(link, |(n, _)| n), span))
                .collect()
        };
        for (name, span) in named {
            // A name two containers share is ECS107's; a self-reference is ECS213's.
            let mut targets = containers
                .iter()
                .enumerate()
                .filter(|(_, t)| t.name.known() == Some(name));
            if let (Some((to, _)), None) = (targets.next(), targets.next()) {
                if to != from {
                    edges.push(Edge { from, to, span });
                }
            }
        }
    }
    edges
}

fn report(
    td: &TaskDef<'_>,
    containers: &[&Container<'_>],
    edges: &[Edge],
    cycle: &[usize],
    field: &Field,
    sink: &mut Sink<'_>,
) {
    let first = &edges[cycle[0]];
    let names: Vec<String> = cycle
        .iter()
        .map(|&e| containers[edges[e].from].label())
        .chain(std::iter::once(containers[first.from].label()))
        .collect();
    let key = td.key(field);
    let (verb, effect) = if std::ptr::eq(field, &container::DEPENDS_ON) {
        (
            "waits for",
            "containers wait for each other in a cycle, so none of them starts",
        )
    } else {
        (
            "links to",
            "containers link to each other in a cycle, which ECS refuses",
        )
    };
    let finding = sink.report(
        containers[first.from].at(first.span),
        format!("{effect} (`{key}`): {}", names.join(" → ")),
    );
    for &e in cycle.iter().skip(1) {
        let edge = &edges[e];
        finding.label(
            edge.span,
            format!(
                "{} {verb} {}",
                containers[edge.from].label(),
                containers[edge.to].label()
            ),
        );
    }
    finding.help(format!(
        "remove one of these `{key}` entries: a container can only name containers that do not name it back"
    ));
}

/// The elementary cycles of the graph, each as the edges in order, each reported once: found
/// from its smallest container, following the smallest edges first (task definitions have at
/// most ten containers, so a depth-first search per container is cheap).
fn cycles(n: usize, edges: &[Edge]) -> Vec<Vec<usize>> {
    let mut found = Vec::new();
    for start in 0..n {
        let mut path: Vec<usize> = Vec::new();
        let mut on_path = vec![false; n];
        walk(start, start, edges, &mut path, &mut on_path, &mut found);
    }
    found
}

fn walk(
    start: usize,
    at: usize,
    edges: &[Edge],
    path: &mut Vec<usize>,
    on_path: &mut [bool],
    found: &mut Vec<Vec<usize>>,
) {
    // Bounded: at most ten containers in a task definition; stop at 16 cycles.
    if found.len() >= 16 {
        return;
    }
    on_path[at] = true;
    for (i, e) in edges.iter().enumerate().filter(|(_, e)| e.from == at) {
        if e.to == start {
            let mut cycle = path.clone();
            cycle.push(i);
            found.push(cycle);
        } else if e.to > start && !on_path[e.to] {
            path.push(i);
            walk(start, e.to, edges, path, on_path, found);
            path.pop();
        }
    }
    on_path[at] = false;
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let c = |name: &str, deps: &[&str]| {
            let deps: Vec<String> = deps
                .iter()
                .map(|d| format!(r#"{{"containerName":"{d}","condition":"START"}}"#))
                .collect();
            format!(
                r#"{{"name":"{name}","image":"nginx:1.27","memory":128,"dependsOn":[{}]}}"#,
                deps.join(",")
            )
        };
        let td = |containers: &[String]| {
            format!(
                r#"{{"family":"web","containerDefinitions":[{}]}}"#,
                containers.join(",")
            )
        };
        let pass = [
            td(&[c("a", &["b"]), c("b", &["c"]), c("c", &[])]),
            td(&[c("a", &["b", "c"]), c("b", &["c"]), c("c", &[])]),
            td(&[c("a", &["${X}"]), c("b", &["a"])]),
            // Self-reference: ECS213's.
            td(&[c("a", &["a"])]),
        ];
        let fail = [
            td(&[c("a", &["b"]), c("b", &["a"])]),
            td(&[c("a", &["b"]), c("b", &["c"]), c("c", &["a"])]),
            r#"{"family":"web","containerDefinitions":[{"name":"a","image":"x:1","memory":128,"links":["b:bee"]},{"name":"b","image":"x:1","memory":128,"links":["a"]}]}"#.to_string(),
            "Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: app\n          Image: nginx:1.27\n          DependsOn: [{ContainerName: proxy, Condition: HEALTHY}]\n        - Name: proxy\n          Image: envoy:1\n          DependsOn: [{ContainerName: app, Condition: START}]\n".to_string(),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }

    #[test]
    fn each_cycle_once() {
        let edge = |from, to| super::Edge {
            from,
            to,
            span: crate::span::Span::new(0, 0),
        };
        let edges = [edge(0, 1), edge(1, 0), edge(1, 2), edge(2, 1)];
        assert_eq!(super::cycles(3, &edges), vec![vec![0, 1], vec![2, 3]]);
    }
}
