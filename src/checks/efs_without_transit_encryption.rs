//! ECS110 efs-without-transit-encryption: an EFS volume of a task definition is mounted
//! without TLS between the task and the file system.

use crate::model::fields::volume;
use crate::model::{Spelled, TaskDef, Val};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS110",
    name: "efs-without-transit-encryption",
    category: Security,
    severity: Warning,
    check: TaskDef(check),
    security_severity: "5.0",
    peers: ["checkov:CKV_AWS_97", "trivy:AVD-AWS-0035", "kics:c1282e03-b285-4637-aee7-eefe3a7bb658", "kics:4d46ff3b-7160-41d1-a310-71d6d370b08f", "kics:6c131358-c54d-419b-9dd6-1f7dd41d180c", "securityhub:ECS.18"],
    constraints: [97, 99],
}

fn check(td: &TaskDef<'_>, sink: &mut Sink<'_>) {
    // With an access point or IAM authorization, ECS refuses the volume without TLS: ECS121
    // reports those as errors.
    let refused: Vec<crate::span::Span> = td
        .view()
        .map(|view| {
            view.objects(&crate::model::fields::task::VOLUMES)
                .iter()
                .filter_map(|v| match v.object(&volume::EFS_VOLUME_CONFIGURATION) {
                    Val::Known(efs, span) => match efs.object(&volume::AUTHORIZATION_CONFIG) {
                        Val::Known(auth, _)
                            if auth.get(&volume::ACCESS_POINT_ID).is_some()
                                || auth.text(&volume::IAM).known() == Some("ENABLED") =>
                        {
                            Some(span)
                        }
                        _ => None,
                    },
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default();
    for v in &td.volumes {
        let Some((efs_span, transit)) = v.efs else {
            continue;
        };
        if refused.contains(&efs_span) {
            continue;
        }
        let key = td.key(&volume::TRANSIT_ENCRYPTION);
        let name = v.name.known().map_or_else(
            || "an EFS volume".to_string(),
            |n| format!("EFS volume `{n}`"),
        );
        let (span, message) = match transit {
            Val::Known(t, span) if !t.eq_ignore_ascii_case("ENABLED") => (
                span,
                format!("{name} is mounted without encryption in transit: `{key}` is `{t}`"),
            ),
            Val::Absent => (
                efs_span,
                format!("{name} is mounted without encryption in transit: `{key}` is not set, and ECS defaults it to `DISABLED`"),
            ),
            _ => continue,
        };
        sink.report(span, message).help(format!(
            "set `{key}` to `ENABLED` under `{}`",
            td.key(&volume::EFS_VOLUME_CONFIGURATION)
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn task(volumes: &str) -> String {
        format!(
            r#"{{"family": "web", "containerDefinitions": [{{"name": "web", "image": "nginx:1.27", "memory": 256}}], "volumes": {volumes}}}"#
        )
    }

    #[test]
    fn cases() {
        let pass = [
            task(r#"[{"name": "data", "efsVolumeConfiguration": {"fileSystemId": "fs-1", "transitEncryption": "ENABLED"}}]"#),
            task(r#"[{"name": "scratch", "host": {}}, {"name": "tmp"}]"#),
            task(r#"[{"name": "data", "efsVolumeConfiguration": {"fileSystemId": "fs-1", "transitEncryption": "${TRANSIT}"}}]"#),
            task(r#"[{"name": "data", "efsVolumeConfiguration": "${EFS}"}]"#),
            "Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions: [{Name: a, Image: 'b:1', Memory: 128}]\n      Volumes:\n        - Name: data\n          EFSVolumeConfiguration:\n            FilesystemId: !Ref Fs\n            TransitEncryption: !If [Tls, ENABLED, ENABLED]\n".to_string(),
        ];
        let fail = [
            task(r#"[{"name": "data", "efsVolumeConfiguration": {"fileSystemId": "fs-1"}}]"#),
            task(r#"[{"name": "data", "efsVolumeConfiguration": {"fileSystemId": "fs-1", "transitEncryption": "DISABLED"}}]"#),
            "Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions: [{Name: a, Image: 'b:1', Memory: 128}]\n      Volumes:\n        - Name: data\n          EFSVolumeConfiguration:\n            FilesystemId: !Ref Fs\n".to_string(),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&RULE, &pass, &fail);
    }
}
