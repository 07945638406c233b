//! ECS238 duplicate-mount-path: two mount points of one container at the same path.

use crate::model::fields::{container, mount_point};
use crate::model::{Container, Spelled, TaskDef, Val};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS238",
    name: "duplicate-mount-path",
    category: DeployError,
    severity: Error,
    check: Container(check),
}

fn check(_td: &TaskDef<'_>, c: &Container<'_>, sink: &mut Sink<'_>) {
    let mounts = c.view().objects(&container::MOUNT_POINTS);
    let mut seen: Vec<(&str, crate::span::Span)> = Vec::new();
    for m in &mounts {
        let Val::Known(path, span) = m.text(&mount_point::CONTAINER_PATH) else {
            continue;
        };
        // `/data` and `/data/` are one mount point for Docker.
        let normal = path.trim_end_matches('/');
        let normal = if normal.is_empty() { path } else { normal };
        match seen.iter().find(|(p, _)| *p == normal) {
            Some((_, first)) => {
                sink.report(
                    c.at(span),
                    format!(
                        "container {} mounts two volumes at `{}`: Docker refuses the container (\"Duplicate mount point\") and the task never starts",
                        c.label(),
                        crate::domain::names::shown(path)
                    ),
                )
                .label(*first, "first mounted here")
                .help(format!(
                    "give each `{}` entry its own `{}`",
                    c.key(&container::MOUNT_POINTS),
                    c.key(&mount_point::CONTAINER_PATH)
                ));
            }
            None => seen.push((normal, span)),
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let td = |mounts: &str| {
            format!(
                r#"{{"family":"web","volumes":[{{"name":"a"}},{{"name":"b"}}],"containerDefinitions":[{{"name":"web","image":"nginx:1.27","memory":256,"mountPoints":[{mounts}]}}]}}"#
            )
        };
        let pass = [
            td(
                r#"{"sourceVolume":"a","containerPath":"/data"},{"sourceVolume":"b","containerPath":"/cache"}"#,
            ),
            td(
                r#"{"sourceVolume":"a","containerPath":"/data"},{"sourceVolume":"b","containerPath":"${PATH}"}"#,
            ),
            td(
                r#"{"sourceVolume":"a","containerPath":"/data"},{"sourceVolume":"b","containerPath":"/data/sub"}"#,
            ),
        ];
        let fail = [
            td(
                r#"{"sourceVolume":"a","containerPath":"/data"},{"sourceVolume":"b","containerPath":"/data"}"#,
            ),
            td(
                r#"{"sourceVolume":"a","containerPath":"/data"},{"sourceVolume":"b","containerPath":"/data/"}"#,
            ),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
