//! ECS121 invalid-efs-volume: an EFS volume uses an access point or IAM authorization without
//! encryption in transit, an access point with a root directory, or IAM without a task role.

use crate::model::fields::{task, volume};
use crate::model::{Spelled, TaskDef, Val};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS121",
    name: "invalid-efs-volume",
    category: DeployError,
    severity: Error,
    check: TaskDef(check),
    constraints: [97, 98],
}

fn check(td: &TaskDef<'_>, sink: &mut Sink<'_>) {
    let Some(view) = td.view() else {
        return;
    };
    for v in &view.objects(&task::VOLUMES) {
        let Val::Known(efs, _) = v.object(&volume::EFS_VOLUME_CONFIGURATION) else {
            continue;
        };
        let auth = match efs.object(&volume::AUTHORIZATION_CONFIG) {
            Val::Known(a, _) => Some(a),
            _ => None,
        };
        let access_point = auth
            .and_then(|a| a.get(&volume::ACCESS_POINT_ID))
            .filter(|n| !n.is_null());
        let iam = auth.map(|a| a.text(&volume::IAM));
        let iam_on = matches!(iam, Some(Val::Known("ENABLED", _)));
        let transit = efs.text(&volume::TRANSIT_ENCRYPTION);
        let encrypted = match transit {
            Val::Known(t, _) => t.eq_ignore_ascii_case("ENABLED"),
            Val::Absent => false,
            _ => true,
        };
        let te = td.key(&volume::TRANSIT_ENCRYPTION);
        if (access_point.is_some() || iam_on) && !encrypted {
            let (span, what) = match (access_point, iam) {
                (Some(ap), _) => (
                    ap.span,
                    format!("an access point (`{}`)", td.key(&volume::ACCESS_POINT_ID)),
                ),
                (None, Some(i)) => (
                    i.span().unwrap_or(efs.span()),
                    format!("IAM authorization (`{}`)", td.key(&volume::IAM)),
                ),
                (None, None) => (efs.span(), "IAM authorization".into()),
            };
            let finding = sink.report(
                span,
                format!("an EFS volume with {what} needs `{te}` `ENABLED`: ECS refuses the task definition"),
            );
            if let Some(t) = transit.span() {
                finding.label(t, format!("`{te}` here"));
            }
            finding.help(format!("set `{te}` to `ENABLED`"));
        }
        if let (Some(_), Val::Known(root, span)) = (access_point, efs.text(&volume::ROOT_DIRECTORY))
        {
            if !root.is_empty() && root != "/" {
                sink.report(
                    span,
                    format!("an EFS volume with an access point cannot also set `{}`: the access point's own root directory applies, and ECS refuses both", td.key(&volume::ROOT_DIRECTORY)),
                )
                .help(format!("remove `{}`, or set it to `/`", td.key(&volume::ROOT_DIRECTORY)));
            }
        }
        if iam_on {
            let role = view.text(&task::TASK_ROLE_ARN);
            let missing = match role {
                Val::Absent => true,
                Val::Known(r, _) => r.trim().is_empty(),
                _ => false,
            };
            if missing {
                let span = iam.and_then(|i| i.span()).unwrap_or(efs.span());
                sink.report(
                    span,
                    format!(
                        "an EFS volume with IAM authorization mounts with the task role, and the task definition has no `{}`",
                        td.key(&task::TASK_ROLE_ARN)
                    ),
                )
                .help(format!(
                    "set `{}` to a role allowed `elasticfilesystem:ClientMount` (and `ClientWrite`) on the file system",
                    td.key(&task::TASK_ROLE_ARN)
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let td = |role: &str, efs: &str| {
            format!(
                r#"{{"family":"web"{role},"volumes":[{{"name":"data","efsVolumeConfiguration":{{"fileSystemId":"fs-1"{efs}}}}}],"containerDefinitions":[{{"name":"web","image":"nginx:1.27","memory":256}}]}}"#
            )
        };
        let role = r#","taskRoleArn":"arn:aws:iam::1:role/app""#;
        let pass = [
            td("", ""),
            td(
                role,
                r#","transitEncryption":"ENABLED","authorizationConfig":{"accessPointId":"fsap-1","iam":"ENABLED"}"#,
            ),
            td(
                "",
                r#","transitEncryption":"ENABLED","authorizationConfig":{"accessPointId":"fsap-1"},"rootDirectory":"/""#,
            ),
            td(
                "",
                r#","transitEncryption":"${TE}","authorizationConfig":{"accessPointId":"fsap-1"}"#,
            ),
            td(
                r#","taskRoleArn":"${ROLE}""#,
                r#","transitEncryption":"ENABLED","authorizationConfig":{"iam":"ENABLED"}"#,
            ),
        ];
        let fail = [
            td("", r#","authorizationConfig":{"accessPointId":"fsap-1"}"#),
            td(
                role,
                r#","transitEncryption":"DISABLED","authorizationConfig":{"iam":"ENABLED"}"#,
            ),
            td(
                "",
                r#","transitEncryption":"ENABLED","authorizationConfig":{"accessPointId":"fsap-1"},"rootDirectory":"/data""#,
            ),
            td(
                "",
                r#","transitEncryption":"ENABLED","authorizationConfig":{"iam":"ENABLED"}"#,
            ),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
