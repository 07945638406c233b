//! ECS240 interactive-container: a container that keeps standard input open or allocates a
//! terminal, a leftover from debugging.

use crate::model::fields::container;
use crate::model::{Container, Spelled, TaskDef};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS240",
    name: "interactive-container",
    category: BestPractice,
    severity: Warning,
    check: Container(check),
    profile: All,
    constraints: [185],
}

fn check(_td: &TaskDef<'_>, c: &Container<'_>, sink: &mut Sink<'_>) {
    let view = c.view();
    for field in [&container::INTERACTIVE, &container::PSEUDO_TERMINAL] {
        if let Some(span) = view.states(field) {
            sink.report(
                c.at(span),
                format!(
                    "container {} sets `{}`: nobody attaches to a container ECS runs, and a process that waits for a terminal's input or behaves differently with one is a leftover from debugging",
                    c.label(),
                    c.key(field)
                ),
            )
            .help(format!("remove `{}`; use ECS Exec to open a shell when debugging", c.key(field)));
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let td = |fields: &str| {
            format!(
                r#"{{"family":"web","containerDefinitions":[{{"name":"web","image":"nginx:1.27","memory":256{fields}}}]}}"#
            )
        };
        let pass = [
            td(""),
            td(r#","interactive":false"#),
            td(r#","pseudoTerminal":"${TTY}""#),
        ];
        let fail = [
            td(r#","interactive":true"#),
            td(r#","pseudoTerminal":true"#),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
