//! ECS108 missing-essential-container: at least one container must be essential.

use crate::model::{TaskDef, Tri};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS108",
    name: "missing-essential-container",
    category: DeployError,
    severity: Error,
    check: TaskDef(check),
}

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
