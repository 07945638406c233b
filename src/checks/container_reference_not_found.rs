//! ECS213 container-reference-not-found: `dependsOn`, `links` or `volumesFrom` names a container
//! the task definition does not have (or the container itself), or `proxyConfiguration` names a
//! proxy container it does not have.

use crate::model::fields::{container, depends_on, proxy_configuration, task, volume_from};
use crate::model::{Container, Spelled, TaskDef, Val, View};
use crate::rule::Sink;
use crate::span::Span;

crate::declare_rule! {
    code: "ECS213",
    name: "container-reference-not-found",
    category: DeployError,
    severity: Error,
    check: TaskDef(check),
    constraints: [45, 86, 96, 111],
}

fn check(td: &TaskDef<'_>, sink: &mut Sink<'_>) {
    // Every name must be known, or a reference may name the one that is not.
    let Some(names) = td.container_names() else {
        return;
    };
    for c in &td.containers {
        for (name, span, field) in references(c) {
            let own = c.name.known() == Some(name);
            if names.contains(&name) && !own {
                continue;
            }
            let message = if own {
                format!("container {} names itself in `{}`", c.label(), c.key(field))
            } else {
                format!(
                    "container {} names container `{}` in `{}`, and the task definition has no container of that name",
                    c.label(),
                    crate::domain::names::shown(name),
                    c.key(field)
                )
            };
            let finding = sink.report(c.at(span), message);
            if !own {
                if let Some(near) = closest(name, &names) {
                    finding.help(format!("did you mean `{near}`?"));
                } else {
                    let others: Vec<&str> = names
                        .iter()
                        .copied()
                        .filter(|n| Some(*n) != c.name.known())
                        .collect();
                    finding.help(format!(
                        "name one of the task definition's other containers: {}",
                        listed(&others)
                    ));
                }
            } else {
                finding.help(format!("remove the entry from `{}`", c.key(field)));
            }
        }
    }
    proxy(td, &names, sink);
}

/// `proxyConfiguration.containerName`: the App Mesh proxy container, which the task must have.
fn proxy(td: &TaskDef<'_>, names: &[&str], sink: &mut Sink<'_>) {
    // A task definition without containers is ECS106's; a describe output is what ECS
    // registered, not what a file asks it to.
    if names.is_empty()
        || matches!(
            td.shape,
            crate::model::TaskDefShape::Describe | crate::model::TaskDefShape::DescribeWrapped
        )
    {
        return;
    }
    let Some(view) = td.view() else {
        return;
    };
    let Val::Known(proxy, _) = view.object(&task::PROXY_CONFIGURATION) else {
        return;
    };
    let Val::Known(name, span) = proxy.text(&proxy_configuration::CONTAINER_NAME) else {
        return;
    };
    if names.contains(&name) {
        return;
    }
    let finding = sink.report(
        span,
        format!(
            "`{}` names container `{}` as the task's proxy, and the task definition has no container of that name: ECS refuses the task definition",
            td.key(&task::PROXY_CONFIGURATION),
            crate::domain::names::shown(name)
        ),
    );
    match closest(name, names) {
        Some(near) => finding.help(format!("did you mean `{near}`?")),
        None => finding.help(format!(
            "add the proxy container (Envoy, for App Mesh) or name one of the task definition's containers: {}",
            listed(names)
        )),
    };
}

/// Every container name `c` states in its `dependsOn`, `links` and `volumesFrom`, with where.
fn references<'t>(c: &Container<'t>) -> Vec<(&'t str, Span, &'static crate::model::Field)> {
    let view = c.view();
    let mut out = Vec::new();
    let named = |items: &crate::model::List<View<'t>>,
                 field: &crate::model::Field,
                 out: &mut Vec<(&'t str, Span, &'static crate::model::Field)>,
                 list: &'static crate::model::Field| {
        for item in items {
            if let Val::Known(name, span) = item.text(field) {
                out.push((name, span, list));
            }
        }
    };
    named(
        &view.objects(&container::DEPENDS_ON),
        &depends_on::CONTAINER_NAME,
        &mut out,
        &container::DEPENDS_ON,
    );
    for link in &view.strings(&container::LINKS) {
        if let Val::Known(link, span) = *link {
            // `name` or `name:alias`.
            let name = link.split_once(':').map_or(link, |(n, _)| n);
            out.push((name, span, &container::LINKS));
        }
    }
    named(
        &view.objects(&container::VOLUMES_FROM),
        &volume_from::SOURCE_CONTAINER,
        &mut out,
        &container::VOLUMES_FROM,
    );
    out
}

/// The container name one or two edits from `name`, if exactly one is.
fn closest<'a>(name: &str, names: &[&'a str]) -> Option<&'a str> {
    let near: Vec<&str> = names
        .iter()
        .copied()
        .filter(|n| {
            strsim::damerau_levenshtein(&n.to_ascii_lowercase(), &name.to_ascii_lowercase()) <= 2
        })
        .collect();
    match near.as_slice() {
        [only] => Some(only),
        _ => None,
    }
}

fn listed(names: &[&str]) -> String {
    let shown: Vec<String> = names
        .iter()
        .take(5)
        .map(|n| format!("`{}`", crate::domain::names::shown(n)))
        .collect();
    let more = if names.len() > 5 { ", …" } else { "" };
    format!("{}{more}", shown.join(", "))
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let td = |web: &str, more: &str| {
            format!(
                r#"{{"family":"web","containerDefinitions":[{{"name":"web","image":"nginx:1.27","memory":256{web}}},{{"name":"db","image":"postgres:16","memory":256}}{more}]}}"#
            )
        };
        let pass = [
            td(r#","dependsOn":[{"containerName":"db","condition":"START"}]"#, ""),
            td(r#","links":["db:database"]"#, ""),
            td(r#","links":["db"]"#, ""),
            td(r#","volumesFrom":[{"sourceContainer":"db"}]"#, ""),
            td(r#","dependsOn":[{"containerName":"${DEP}","condition":"START"}]"#, ""),
            // A container whose name is unknown may be the one named.
            td(r#","dependsOn":[{"containerName":"cache","condition":"START"}]"#, r#",{"name":"${SIDECAR}","image":"redis:7"}"#),
            // A container list with an unknown item.
            td(r#","links":["cache"]"#, r#",{"Fn::If":["C",{"Name":"cache"},{"Ref":"AWS::NoValue"}]}"#),
            "Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n          DependsOn:\n            - ContainerName: !Ref Sidecar\n              Condition: START\n        - Name: db\n          Image: postgres:16\n".to_string(),
            r#"{"family":"web","proxyConfiguration":{"type":"APPMESH","containerName":"envoy"},"containerDefinitions":[{"name":"web","image":"nginx:1.27","memory":256},{"name":"envoy","image":"envoy:1.29","memory":256}]}"#.to_string(),
            r#"{"family":"web","proxyConfiguration":{"type":"APPMESH","containerName":"${PROXY}"},"containerDefinitions":[{"name":"web","image":"nginx:1.27","memory":256}]}"#.to_string(),
        ];
        let fail = [
            td(r#","dependsOn":[{"containerName":"database","condition":"START"}]"#, ""),
            td(r#","links":["dbb:db"]"#, ""),
            td(r#","volumesFrom":[{"sourceContainer":"data"}]"#, ""),
            td(r#","dependsOn":[{"containerName":"web","condition":"START"}]"#, ""),
            "Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n          DependsOn:\n            - ContainerName: Db\n              Condition: HEALTHY\n        - Name: db\n          Image: postgres:16\n".to_string(),
            r#"{"family":"web","proxyConfiguration":{"type":"APPMESH","containerName":"envoy"},"containerDefinitions":[{"name":"web","image":"nginx:1.27","memory":256}]}"#.to_string(),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
