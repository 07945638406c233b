//! ECS125 windows-unsupported-parameter: a task definition for Windows containers sets a
//! parameter ECS supports only for Linux containers.

use crate::model::fields::{container, log_configuration, task};
use crate::model::{Field, NetworkMode, Spelled, TaskDef, Tri, Val};
use crate::rule::Sink;
use crate::span::Span;

crate::declare_rule! {
    code: "ECS125",
    name: "windows-unsupported-parameter",
    category: DeployError,
    severity: Error,
    check: TaskDef(check),
    constraints: [39, 57, 58, 59],
}

/// Container fields the API reference marks "not supported for Windows containers"
/// (`links` too, which ECS216 reports in every mode but `bridge`, and Windows has no `bridge`).
/// (Not `user`: the reference's sentence is stale, and Security Hub's ECS.21 asks Windows
/// containers to name a non-administrator user.)
static CONTAINER_FIELDS: [&Field; 9] = [
    &container::PRIVILEGED,
    &container::READONLY_ROOT_FILESYSTEM,
    &container::LINUX_PARAMETERS,
    &container::ULIMITS,
    &container::DISABLE_NETWORKING,
    &container::DNS_SERVERS,
    &container::DNS_SEARCH_DOMAINS,
    &container::EXTRA_HOSTS,
    &container::SYSTEM_CONTROLS,
];

/// Task fields the API reference marks so.
static TASK_FIELDS: [&Field; 3] = [&task::PID_MODE, &task::IPC_MODE, &task::PROXY_CONFIGURATION];

fn check(td: &TaskDef<'_>, sink: &mut Sink<'_>) {
    // Only a task definition that says it is for Windows: EC2 Windows task definitions often
    // omit runtimePlatform, and then nothing is known.
    if td.is_windows() != Tri::Yes {
        return;
    }
    let Some(view) = td.view() else {
        return;
    };
    let os = td.os_family.known_at();
    let mut found: Vec<(Span, Option<&crate::model::Container<'_>>, String)> = Vec::new();
    for field in TASK_FIELDS {
        if let Some(span) = view.states(field) {
            found.push((
                span,
                None,
                format!(
                    "`{}` is not supported for Windows containers",
                    td.key(field)
                ),
            ));
        }
    }
    if let Val::Known(mode, span) = td.network_mode {
        if matches!(
            NetworkMode::parse(mode),
            Some(NetworkMode::Bridge | NetworkMode::Host | NetworkMode::None)
        ) {
            found.push((
                span,
                None,
                format!(
                    "`{}` `{mode}` is not supported for Windows containers, which use `awsvpc`, or the default NAT network when the mode is omitted",
                    td.key(&task::NETWORK_MODE)
                ),
            ));
        }
    }
    if let Val::Known(platform, _) = view.object(&task::RUNTIME_PLATFORM) {
        if let Val::Known(arch, span) = platform.text(&task::CPU_ARCHITECTURE) {
            if arch.eq_ignore_ascii_case("ARM64") {
                found.push((
                    span,
                    None,
                    format!(
                        "`{}` `{arch}` is not supported for Windows containers, which run on X86_64 only",
                        td.key(&task::CPU_ARCHITECTURE)
                    ),
                ));
            }
        }
    }
    for c in &td.containers {
        let cv = c.view();
        for field in CONTAINER_FIELDS {
            // `extraHosts` under awsvpc is ECS216's.
            if std::ptr::eq(field, &container::EXTRA_HOSTS)
                && td.effective_network_mode() == Some(NetworkMode::Awsvpc)
            {
                continue;
            }
            if let Some(span) = cv.states(field) {
                found.push((span, Some(c), format!("`{}`", c.key(field))));
            }
        }
        if let Some(log) = c.log_configuration.as_known() {
            if let Val::Known("awsfirelens", span) = log.driver {
                found.push((
                    span,
                    Some(c),
                    format!(
                        "`{}` `awsfirelens` (FireLens)",
                        c.key(&log_configuration::LOG_DRIVER)
                    ),
                ));
            }
        }
    }
    for (span, c, what) in found {
        let (at, message) = match c {
            Some(c) => (
                c.at(span),
                format!(
                    "container {} sets {what}, which ECS does not support for Windows containers",
                    c.label()
                ),
            ),
            None => (span.into(), what),
        };
        let finding = sink.report(at, message);
        if let Some((family, os_span)) = os {
            finding.label(os_span, format!("the task runs on `{family}`"));
        }
        finding.help("remove it: Windows containers have no Linux kernel settings, links or namespaces to share, and FireLens runs on Linux only");
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let td = |os: &str, task: &str, container: &str| {
            format!(
                r#"{{"family":"web","runtimePlatform":{{"operatingSystemFamily":"{os}"}}{task},"containerDefinitions":[{{"name":"web","image":"mcr.microsoft.com/windows/servercore/iis","memory":2048{container}}}]}}"#
            )
        };
        let win = "WINDOWS_SERVER_2022_CORE";
        let pass = [
            td(win, r#","networkMode":"awsvpc""#, ""),
            td(
                win,
                "",
                r#","privileged":false,"readonlyRootFilesystem":false,"links":[]"#,
            ),
            td(
                "LINUX",
                r#","networkMode":"bridge","pidMode":"host""#,
                r#","user":"1000","linuxParameters":{"initProcessEnabled":true}"#,
            ),
            td("${OS}", r#","networkMode":"bridge""#, r#","user":"1000""#),
            td(win, "", r#","user":"ContainerUser""#),
        ];
        let fail = [
            td(win, r#","networkMode":"bridge""#, ""),
            td(win, "", r#","linuxParameters":{"initProcessEnabled":true}"#),
            td(win, r#","pidMode":"task""#, ""),
            td(
                win,
                "",
                r#","logConfiguration":{"logDriver":"awsfirelens","options":{"Name":"cloudwatch"}}"#,
            ),
            td(
                win,
                "",
                r#","ulimits":[{"name":"nofile","softLimit":1024,"hardLimit":4096}]"#,
            ),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
