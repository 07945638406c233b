//! ECS116 fargate-unsupported-parameter: a Fargate task definition sets a parameter only EC2
//! container instances support (privileged mode, host paths, devices, Docker volumes…).

use crate::model::fields::{container, linux_parameters, resource_requirement, task, volume};
use crate::model::{Field, Spelled, TaskDef, Tri, Val, View};
use crate::rule::Sink;
use crate::span::Span;

crate::declare_rule! {
    code: "ECS116",
    name: "fargate-unsupported-parameter",
    category: DeployError,
    severity: Error,
    check: TaskDef(check),
    peers: ["cfn-lint:E3048"],
    constraints: [31, 49, 50, 51, 52, 173],
}

/// Container fields Fargate refuses whatever their value (besides `false`/empty). `links`,
/// `hostname` and `extraHosts` are left to ECS216, which judges them by network mode (Fargate's
/// is `awsvpc`).
static CONTAINER_FIELDS: [&Field; 4] = [
    &container::DISABLE_NETWORKING,
    &container::DNS_SEARCH_DOMAINS,
    &container::DNS_SERVERS,
    &container::DOCKER_SECURITY_OPTIONS,
];

/// `linuxParameters` fields Fargate refuses.
static LINUX_FIELDS: [&Field; 5] = [
    &linux_parameters::DEVICES,
    &linux_parameters::SHARED_MEMORY_SIZE,
    &linux_parameters::TMPFS,
    &linux_parameters::MAX_SWAP,
    &linux_parameters::SWAPPINESS,
];

fn check(td: &TaskDef<'_>, sink: &mut Sink<'_>) {
    if td.is_fargate() != Tri::Yes {
        return;
    }
    let mut found: Vec<(Span, Option<&crate::model::Container<'_>>, String)> = Vec::new();
    if let Some(view) = td.view() {
        task_level(td, view, &mut found);
    }
    for c in &td.containers {
        let view = c.view();
        let mut here = |span: Span, what: String| found.push((span, Some(c), what));
        if let Some((true, span)) = c.privileged.known_at() {
            here(span, format!("`{}`", c.key(&container::PRIVILEGED)));
        }
        for field in CONTAINER_FIELDS {
            if let Some(span) = view.states(field) {
                here(span, format!("`{}`", c.key(field)));
            }
        }
        if let Val::Known(linux, _) = view.object(&container::LINUX_PARAMETERS) {
            for field in LINUX_FIELDS {
                if let Some(span) = linux.states(field) {
                    here(
                        span,
                        format!("`{}.{}`", c.key(&container::LINUX_PARAMETERS), c.key(field)),
                    );
                }
            }
            if let Val::Known(caps, _) = linux.object(&linux_parameters::CAPABILITIES) {
                for cap in &caps.strings(&linux_parameters::ADD) {
                    if let Val::Known(name, span) = *cap {
                        let bare = name.strip_prefix("CAP_").unwrap_or(name);
                        if !bare.eq_ignore_ascii_case("SYS_PTRACE") {
                            here(
                                span,
                                format!("the capability `{name}` (Fargate adds only `SYS_PTRACE`)"),
                            );
                        }
                    }
                }
            }
        }
        for req in &view.objects(&container::RESOURCE_REQUIREMENTS) {
            if let Val::Known(kind, span) = req.text(&resource_requirement::TYPE) {
                if kind == "GPU" {
                    here(span, "a GPU".into());
                }
            }
        }
    }
    for (span, c, what) in found {
        let message = match c {
            Some(c) => format!("container {} sets {what}, which Fargate does not support: ECS refuses the task definition", c.label()),
            None => format!("{what} is not supported on Fargate: ECS refuses the task definition"),
        };
        let at = match c {
            Some(c) => c.at(span),
            None => span.into(),
        };
        let finding = sink.report(at, message);
        if let Some(f) = td.fargate_span() {
            finding.label(f, "Fargate is required here");
        }
        finding.help(format!(
            "remove it, or drop Fargate from `{}` if the task must run on EC2 container instances",
            td.key(&task::REQUIRES_COMPATIBILITIES)
        ));
    }
}

/// Task-level settings Fargate refuses: `ipcMode`, a `pidMode` other than `task`, Docker
/// volumes and host paths.
fn task_level<'t>(
    td: &TaskDef<'t>,
    view: View<'t>,
    found: &mut Vec<(Span, Option<&crate::model::Container<'t>>, String)>,
) {
    if let Some(span) = view.states(&task::IPC_MODE) {
        found.push((span, None, format!("`{}`", td.key(&task::IPC_MODE))));
    }
    if let Val::Known(mode, span) = view.text(&task::PID_MODE) {
        if mode != "task" {
            found.push((
                span,
                None,
                format!("`{}` `{mode}`", td.key(&task::PID_MODE)),
            ));
        }
    }
    for v in &view.objects(&task::VOLUMES) {
        if let Some(span) = v.states(&volume::DOCKER_VOLUME_CONFIGURATION) {
            found.push((
                span,
                None,
                format!(
                    "a volume with `{}`",
                    td.key(&volume::DOCKER_VOLUME_CONFIGURATION)
                ),
            ));
        }
        if let Val::Known(host, _) = v.object(&volume::HOST) {
            if let Val::Known(path, span) = host.text(&volume::SOURCE_PATH) {
                if !path.is_empty() {
                    found.push((
                        span,
                        None,
                        format!("a host path volume (`{}`)", td.key(&volume::SOURCE_PATH)),
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let td = |compat: &str, task: &str, container: &str| {
            format!(
                r#"{{"family":"web","requiresCompatibilities":{compat},"networkMode":"awsvpc","cpu":"256","memory":"512"{task},"containerDefinitions":[{{"name":"web","image":"nginx:1.27"{container}}}]}}"#
            )
        };
        let f = r#"["FARGATE"]"#;
        let pass = [
            td(f, "", r#","privileged":false"#),
            td(
                f,
                "",
                r#","linuxParameters":{"capabilities":{"add":["SYS_PTRACE"],"drop":["ALL"]},"initProcessEnabled":true}"#,
            ),
            td(f, r#","pidMode":"task""#, ""),
            td(f, r#","volumes":[{"name":"scratch","host":{}}]"#, ""),
            td(f, "", r#","dnsServers":[]"#),
            td(
                r#"["EC2"]"#,
                r#","ipcMode":"host","volumes":[{"name":"d","host":{"sourcePath":"/var/run/docker.sock"}}]"#,
                r#","privileged":true,"linuxParameters":{"devices":[{"hostPath":"/dev/fuse"}]}"#,
            ),
            td(f, "", r#","privileged":"${PRIVILEGED}""#),
            td(r#"["${COMPAT}"]"#, "", r#","privileged":true"#),
        ];
        let fail = [
            td(f, "", r#","privileged":true"#),
            td(f, "", r#","linuxParameters":{"capabilities":{"add":["NET_ADMIN"]}}"#),
            td(f, "", r#","linuxParameters":{"sharedMemorySize":512}"#),
            td(f, r#","ipcMode":"task""#, ""),
            td(f, r#","pidMode":"host""#, ""),
            td(f, r#","volumes":[{"name":"sock","host":{"sourcePath":"/var/run/docker.sock"}}]"#, ""),
            td(f, r#","volumes":[{"name":"data","dockerVolumeConfiguration":{"scope":"task","driver":"local"}}]"#, ""),
            td(f, "", r#","dnsServers":["10.0.0.2"]"#),
            td(f, "", r#","resourceRequirements":[{"type":"GPU","value":"1"}]"#),

            "Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      RequiresCompatibilities: [FARGATE]\n      NetworkMode: awsvpc\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n          Privileged: true\n".to_string(),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
