//! ECS126 invalid-volume: a task volume of two kinds at once, two volumes configured at
//! launch, or a task-scoped Docker volume that refuses to be provisioned.

use crate::model::fields::{task, volume};
use crate::model::{Field, Spelled, TaskDef, Val};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS126",
    name: "invalid-volume",
    category: DeployError,
    severity: Error,
    check: TaskDef(check),
    constraints: [94, 101, 102],
}

/// The kinds of volume: a volume is one of them, or a bind mount (none).
static KINDS: [&Field; 6] = [
    &volume::HOST,
    &volume::DOCKER_VOLUME_CONFIGURATION,
    &volume::EFS_VOLUME_CONFIGURATION,
    &volume::FSX_WINDOWS_FILE_SERVER_VOLUME_CONFIGURATION,
    &volume::S3FILES_VOLUME_CONFIGURATION,
    &volume::CONFIGURED_AT_LAUNCH,
];

fn check(td: &TaskDef<'_>, sink: &mut Sink<'_>) {
    let Some(view) = td.view() else {
        return;
    };
    let mut at_launch: Option<crate::span::Span> = None;
    for v in &view.objects(&task::VOLUMES) {
        let kinds: Vec<(&Field, crate::span::Span)> = KINDS
            .iter()
            .filter_map(|f| {
                let node = v.get(f)?;
                let stated = if std::ptr::eq(*f, &volume::CONFIGURED_AT_LAUNCH) {
                    matches!(v.boolean(f), Val::Known(true, _))
                } else {
                    // `host: {}` asks for nothing (a bind mount into the task's storage).
                    node.is_item_object() && v.states(f).is_some()
                };
                stated.then(|| (*f, v.key_span(f).unwrap_or(node.span)))
            })
            .collect();
        if let [(first, first_span), (second, span), ..] = kinds.as_slice() {
            sink.report(
                *span,
                format!(
                    "a volume has both `{}` and `{}`: a volume is of one kind, and ECS refuses the task definition",
                    td.key(first),
                    td.key(second)
                ),
            )
            .label(*first_span, "the first kind")
            .help("split it into two volumes, each with its own name, and mount each where it belongs");
        }
        if let Some((_, span)) = kinds
            .iter()
            .find(|(f, _)| std::ptr::eq(*f, &volume::CONFIGURED_AT_LAUNCH))
        {
            match at_launch {
                Some(first) => {
                    sink.report(
                        *span,
                        format!(
                            "a second volume is `{}`: a task definition may leave one volume to be configured when the task is launched",
                            td.key(&volume::CONFIGURED_AT_LAUNCH)
                        ),
                    )
                    .label(first, "the first")
                    .help("configure this volume in the task definition, or attach a single Amazon EBS volume at launch");
                }
                None => at_launch = Some(*span),
            }
        }
        if let (Val::Known(os, os_span), Some(span)) = (
            td.os_family,
            v.states(&volume::FSX_WINDOWS_FILE_SERVER_VOLUME_CONFIGURATION),
        ) {
            if !os.starts_with("WINDOWS") {
                sink.report(
                    span,
                    format!(
                        "an FSx for Windows File Server volume in a task definition for `{os}`: only Windows containers can mount one, and ECS refuses the task definition"
                    ),
                )
                .label(os_span, "the task's operating system")
                .help("mount an EFS file system on Linux, or run the task on a Windows operating system family");
            }
        }
        if let Val::Known(docker, _) = v.object(&volume::DOCKER_VOLUME_CONFIGURATION) {
            if let (Val::Known(false, span), Val::Known("task", scope_span)) = (
                docker.boolean(&volume::AUTOPROVISION),
                docker.text(&volume::SCOPE),
            ) {
                sink.report(
                    span,
                    format!(
                        "`{}` is false on a Docker volume of `{}` `task`: a task-scoped volume is always created with its task, and ECS refuses the task definition (\"When 'scope' parameter is 'task', 'autoprovision' must either not be specified or set to 'True'\")",
                        td.key(&volume::AUTOPROVISION),
                        td.key(&volume::SCOPE)
                    ),
                )
                .label(scope_span, "a volume of the task's scope")
                .help(format!(
                    "remove `{}`, or make the volume `shared` if it must outlive the task",
                    td.key(&volume::AUTOPROVISION)
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let td = |volumes: &str| {
            format!(
                r#"{{"family":"web","volumes":[{volumes}],"containerDefinitions":[{{"name":"web","image":"nginx:1.27","memory":256}}]}}"#
            )
        };
        let pass = [
            td(r#"{"name":"a","host":{"sourcePath":"/data"}}"#),
            td(r#"{"name":"a"},{"name":"b","efsVolumeConfiguration":{"fileSystemId":"fs-1"}}"#),
            td(r#"{"name":"a","configuredAtLaunch":true},{"name":"b","configuredAtLaunch":false}"#),
            td(
                r#"{"name":"a","dockerVolumeConfiguration":{"scope":"shared","autoprovision":true,"driver":"local"}}"#,
            ),
            td(r#"{"name":"a","host":null,"efsVolumeConfiguration":{"fileSystemId":"fs-1"}}"#),
            td(r#"{"name":"a","host":{},"efsVolumeConfiguration":{"fileSystemId":"fs-1"}}"#),
            td(
                r#"{"name":"a","dockerVolumeConfiguration":{"scope":"task","autoprovision":true,"driver":"local"}}"#,
            ),
        ];
        let fail = [
            td(
                r#"{"name":"a","host":{"sourcePath":"/data"},"efsVolumeConfiguration":{"fileSystemId":"fs-1"}}"#,
            ),
            td(r#"{"name":"a","configuredAtLaunch":true},{"name":"b","configuredAtLaunch":true}"#),
            td(
                r#"{"name":"a","dockerVolumeConfiguration":{"scope":"task","autoprovision":false,"driver":"local"}}"#,
            ),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
