//! ECS215 mount-volume-not-found: a container's `mountPoints` names a volume the task
//! definition does not declare.

use crate::model::fields::{container, mount_point, task};
use crate::model::{Container, Spelled, TaskDef, Val};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS215",
    name: "mount-volume-not-found",
    category: DeployError,
    severity: Error,
    check: TaskDef(check),
    constraints: [95],
}

fn check(td: &TaskDef<'_>, sink: &mut Sink<'_>) {
    // A bare container list: the volumes are declared elsewhere.
    if td.view().is_none() {
        return;
    }
    let Some(volumes) = td.volume_names() else {
        return;
    };
    for c in &td.containers {
        for mount in &c.view().objects(&container::MOUNT_POINTS) {
            let Val::Known(name, span) = mount.text(&mount_point::SOURCE_VOLUME) else {
                continue;
            };
            if volumes.contains(&name) {
                continue;
            }
            report(td, c, name, span, &volumes, sink);
        }
    }
}

fn report(
    td: &TaskDef<'_>,
    c: &Container<'_>,
    name: &str,
    span: crate::span::Span,
    volumes: &[&str],
    sink: &mut Sink<'_>,
) {
    let key = td.key(&task::VOLUMES);
    let finding = sink.report(
        c.at(span),
        format!(
            "container {} mounts volume `{}`, and the task definition's `{key}` has no volume of that name",
            c.label(),
            crate::domain::names::shown(name)
        ),
    );
    let near = volumes
        .iter()
        .filter(|v| {
            strsim::damerau_levenshtein(&v.to_ascii_lowercase(), &name.to_ascii_lowercase()) <= 2
        })
        .collect::<Vec<_>>();
    match (near.as_slice(), volumes) {
        ([only], _) => finding.help(format!("did you mean `{only}`?")),
        (_, []) => finding.help(format!(
            "declare the volume in the task definition's `{key}` (a `name`, and `host`, `efsVolumeConfiguration` or `dockerVolumeConfiguration` as needed)"
        )),
        _ => finding.help(format!(
            "name one of the task definition's volumes ({}), or declare `{}` in `{key}`",
            volumes
                .iter()
                .take(5)
                .map(|v| format!("`{v}`"))
                .collect::<Vec<_>>()
                .join(", "),
            crate::domain::names::shown(name)
        )),
    };
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let td = |volumes: &str, mount: &str| {
            format!(
                r#"{{"family":"web","containerDefinitions":[{{"name":"web","image":"nginx:1.27","memory":256,"mountPoints":[{{"sourceVolume":"{mount}","containerPath":"/data"}}]}}]{volumes}}}"#
            )
        };
        let pass = [
            td(r#","volumes":[{"name":"data"}]"#, "data"),
            td(r#","volumes":[{"name":"cache"},{"name":"data","host":{"sourcePath":"/srv"}}]"#, "data"),
            td(r#","volumes":[{"name":"${VOLUME}"}]"#, "data"),
            td(r#","volumes":"${VOLUMES}""#, "data"),
            td(r#","volumes":[{"name":"data"}]"#, "${MOUNT}"),
            // Container definitions alone (Terraform's container_definitions): volumes are elsewhere.
            r#"[{"name":"web","image":"nginx:1.27","memory":256,"mountPoints":[{"sourceVolume":"data","containerPath":"/data"}]}]"#.to_string(),
            "Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      Volumes:\n        - !If [UseEfs, {Name: data, EFSVolumeConfiguration: {FilesystemId: fs-1}}, !Ref AWS::NoValue]\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n          MountPoints:\n            - SourceVolume: data\n              ContainerPath: /data\n".to_string(),
        ];
        let fail = [
            td(r#","volumes":[{"name":"dta"}]"#, "data"),
            td("", "data"),
            td(r#","volumes":[]"#, "data"),
            "Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      Volumes:\n        - Name: efs-data\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n          MountPoints:\n            - SourceVolume: data\n              ContainerPath: /data\n".to_string(),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
