//! ECS210 privileged-container: a container runs with `privileged: true`.

use crate::model::TaskDef;
use crate::rule::{Category, Check, Rule, Severity, Sink};

pub static RULE: Rule = Rule {
    code: "ECS210",
    name: "privileged-container",
    category: Category::Security,
    severity: Severity::Warning,
    docs: include_str!("../../rules/ECS210-privileged-container.md"),
    check: Check::TaskDef(check),
    security_severity: Some("8.0"),
};

fn check(td: &TaskDef<'_>, sink: &mut Sink<'_>) {
    for c in &td.containers {
        if let Some((true, span)) = c.privileged.known_at() {
            sink.report(
                span,
                c.pointer.field("privileged"),
                format!("container {} runs privileged, with root access to the host", c.label()),
            )
            .help("remove `privileged`; add only the capabilities it needs under `linuxParameters.capabilities.add`");
        }
    }
}
