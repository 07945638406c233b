//! ECS108 missing-essential-container: at least one container must be essential.

use crate::model::{TaskDef, Tri};
use crate::rule::{Category, Check, Rule, Severity, Sink};

pub static RULE: Rule = Rule {
    code: "ECS108",
    name: "missing-essential-container",
    category: Category::DeployError,
    severity: Severity::Error,
    docs: include_str!("../../rules/ECS108-missing-essential-container.md"),
    check: Check::TaskDef(check),
    security_severity: None,
};

fn check(td: &TaskDef<'_>, sink: &mut Sink<'_>) {
    // Omitted `essential` means true, so only "every container says false" fails; and only
    // when every container of the task was read.
    if !td.containers_complete
        || td.containers.is_empty()
        || td.containers.iter().any(|c| c.is_essential() != Tri::No)
    {
        return;
    }
    let at = td.container_list_key.unwrap_or(td.anchor);
    let finding = sink.report(
        at,
        td.pointer.field("containerDefinitions"),
        "no container is essential: every container sets `essential` to false",
    );
    for c in &td.containers {
        if let Some((_, span)) = c.essential.known_at() {
            finding.label(span, format!("{} is not essential", c.label()));
        }
    }
    finding.help(
        "set \"essential\": true on the main container (or remove `essential: false` from it)",
    );
}
