//! ECS221 writable-root-filesystem: a Linux container may write to its root file system.

use crate::model::fields::container;
use crate::model::{Container, Spelled, TaskDef, Tri, Val};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS221",
    name: "writable-root-filesystem",
    category: Security,
    severity: Warning,
    check: Container(check),
    security_severity: "4.0",
    profile: Security,
    peers: ["securityhub:ECS.5", "checkov:CKV_AWS_336"],
    constraints: [174],
}

fn check(td: &TaskDef<'_>, c: &Container<'_>, sink: &mut Sink<'_>) {
    // Windows containers do not have the setting.
    if td.is_windows() != Tri::No {
        return;
    }
    let key = c.key(&container::READONLY_ROOT_FILESYSTEM);
    let at = match c.view().boolean(&container::READONLY_ROOT_FILESYSTEM) {
        Val::Known(true, _) | Val::Unknown(_) | Val::Ref(..) => return,
        Val::Known(false, span) => c.at(span),
        Val::Absent => c.missing(),
    };
    sink.report(
        at,
        format!(
            "container {} can write to its root file system: a compromised process can change its own binaries and configuration",
            c.label()
        ),
    )
    .help(format!(
        "set `{key}` to true, and give the paths it must write to a volume or `tmpfs` mount"
    ));
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let td = |platform: &str, c: &str| {
            format!(
                r#"{{"family":"web"{platform},"containerDefinitions":[{{"name":"web","image":"nginx:1.27","memory":256{c}}}]}}"#
            )
        };
        let pass = [
            td("", r#","readonlyRootFilesystem":true"#),
            td("", r#","readonlyRootFilesystem":"${RO}""#),
            td(
                r#","runtimePlatform":{"operatingSystemFamily":"WINDOWS_SERVER_2022_CORE"}"#,
                "",
            ),
        ];
        let fail = [
            td("", ""),
            td("", r#","readonlyRootFilesystem":false"#),
            td(
                r#","runtimePlatform":{"operatingSystemFamily":"LINUX"}"#,
                "",
            ),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
