//! ECS108 missing-essential-container: at least one container must be essential.

use crate::model::fields::container;
use crate::model::Spelled;
use crate::model::{TaskDef, Tri};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS108",
    name: "missing-essential-container",
    category: DeployError,
    severity: Error,
    check: TaskDef(check),
    peers: ["cfn-lint:E3042"],
    constraints: [13],
}

fn check(td: &TaskDef<'_>, sink: &mut Sink<'_>) {
    // Omitted `essential` means true, so only "every container says false" fails; and only
    // when every container of the task was read.
    let Some(containers) = td.containers.complete() else {
        return;
    };
    if containers.is_empty() || containers.iter().any(|c| c.is_essential() != Tri::No) {
        return;
    }
    let at = td.container_list_key.unwrap_or(td.anchor);
    let essential = td.key(&container::ESSENTIAL);
    let finding = sink.report(
        at,
        format!("no container is essential: every container sets `{essential}` to false"),
    );
    for c in &td.containers {
        if let Some((_, span)) = c.essential.known_at() {
            finding.label(span, format!("{} is not essential", c.label()));
        }
    }
    finding.help(format!(
        "set `{essential}` to true on the main container (or remove its `{essential}`, which is true when omitted)"
    ));
}

#[cfg(test)]
mod tests {
    #[test]
    fn missing_essential_container() {
        crate::checks::tester::test_rule(
            &super::RULE,
            &[
                r#"{"family":"web","containerDefinitions":[{"name":"migrate","image":"nginx:1.27","essential":false},{"name":"web","image":"nginx:1.27"}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"migrate","image":"nginx:1.27","essential":false},{"name":"web","image":"nginx:1.27","essential":true}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"migrate","image":"nginx:1.27","essential":false},{"name":"web","image":"nginx:1.27","essential":"${ESSENTIAL}"}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"migrate","image":"nginx:1.27","essential":false},"${MAIN_CONTAINER}"]}"#,
                r#"[{"name":"log","image":"nginx:1.27","essential":false},"${MAIN_CONTAINER}"]"#,
                r#"[{"name":"migrate","image":"nginx:1.27","essential":false},{"name":"web","image":"nginx:1.27","essential":true}]"#,
                r#"{"name":"log","image":"fluent-bit:2.2","essential":false}"#,
            ],
            &[
                r#"{"family":"web","containerDefinitions":[{"name":"migrate","image":"nginx:1.27","essential":false},{"name":"web","image":"nginx:1.27","essential":false}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","essential":false}]}"#,
                r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","essential":"false"}]}"#,
                r#"{"taskDefinition":{"family":"web","containerDefinitions":[{"name":"migrate","image":"nginx:1.27","essential":false},{"name":"web","image":"nginx:1.27","essential":false}],"revision":3}}"#,
                r#"[{"name":"migrate","image":"nginx:1.27","essential":false},{"name":"web","image":"nginx:1.27","essential":false}]"#,
                r#"
family: web
containerDefinitions:
  - {name: migrate, image: "app:1.0", essential: false}
  - {name: web, image: "app:1.0", essential: false}"#,
            ],
        );
    }
}
