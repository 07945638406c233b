//! ECS308 invalid-placement: a service's placement constraint or strategy ECS refuses: an
//! expression on `distinctInstance`, none on `memberOf`, or a strategy `field` its type does
//! not take.

use crate::model::fields::{placement, service};
use crate::model::{Service, Spelled, Val};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS308",
    name: "invalid-placement",
    category: DeployError,
    severity: Error,
    check: Service(check),
    constraints: [171, 172],
}

fn check(s: &Service<'_>, sink: &mut Sink<'_>) {
    let view = s.view();
    let expression = s.key(&placement::EXPRESSION);
    for c in &view.objects(&service::PLACEMENT_CONSTRAINTS) {
        let Val::Known(kind, span) = c.text(&placement::TYPE) else {
            continue;
        };
        match (kind, c.text(&placement::EXPRESSION)) {
            ("distinctInstance", Val::Known(e, e_span)) if !e.trim().is_empty() => {
                sink.report(e_span, format!("a `distinctInstance` constraint takes no `{expression}`: ECS refuses it"))
                    .help(format!("remove `{expression}`, or use type `memberOf` to place tasks on instances that match it"));
            }
            ("memberOf", Val::Absent) => {
                sink.report(span, format!("a `memberOf` constraint needs an `{expression}` saying which instances qualify"))
                    .help(format!("add an `{expression}`, for example `attribute:ecs.instance-type =~ t3.*`"));
            }
            _ => {}
        }
    }
    let field_key = s.key(&placement::FIELD);
    for p in &view.objects(&service::PLACEMENT_STRATEGY) {
        let (Val::Known(kind, _), Val::Known(field, span)) =
            (p.text(&placement::TYPE), p.text(&placement::FIELD))
        else {
            continue;
        };
        let lower = field.to_ascii_lowercase();
        let (ok, takes) = match kind {
            "binpack" => (lower == "cpu" || lower == "memory", "`cpu` or `memory`"),
            "spread" => (
                lower == "instanceid" || lower == "host" || lower.starts_with("attribute:"),
                "`instanceId`, `host` or `attribute:<name>`",
            ),
            _ => continue,
        };
        if ok {
            continue;
        }
        let hint = if kind == "spread" && lower.starts_with("ecs.") {
            format!(" (did you mean `attribute:{field}`?)")
        } else {
            String::new()
        };
        sink.report(
            span,
            format!("a `{kind}` strategy takes {takes} as its `{field_key}`, not `{field}`: ECS refuses it{hint}"),
        )
        .help(format!("set `{field_key}` to {takes}"));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let svc = |more: &str| {
            format!(
                r#"{{"serviceName":"web","taskDefinition":"web:1","cluster":"main","launchType":"EC2"{more}}}"#
            )
        };
        let pass = [
            svc(
                r#","placementConstraints":[{"type":"distinctInstance"},{"type":"memberOf","expression":"attribute:ecs.instance-type =~ t3.*"}]"#,
            ),
            svc(
                r#","placementStrategy":[{"type":"spread","field":"attribute:ecs.availability-zone"},{"type":"binpack","field":"memory"},{"type":"random"}]"#,
            ),
            svc(
                r#","placementStrategy":[{"type":"spread","field":"instanceId"},{"type":"binpack","field":"${F}"}]"#,
            ),
        ];
        let fail = [
            svc(
                r#","placementConstraints":[{"type":"distinctInstance","expression":"attribute:ecs.os-type == linux"}]"#,
            ),
            svc(r#","placementConstraints":[{"type":"memberOf"}]"#),
            svc(r#","placementStrategy":[{"type":"spread","field":"ecs.availability-zone"}]"#),
            svc(r#","placementStrategy":[{"type":"binpack","field":"instanceId"}]"#),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
