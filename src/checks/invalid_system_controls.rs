//! ECS241 invalid-system-controls: a kernel parameter a container cannot set: one that is not
//! namespaced, a network one in the host's network namespace, an IPC one in the host's IPC
//! namespace.

use crate::model::fields::{container, system_control, task};
use crate::model::{Container, NetworkMode, Spelled, TaskDef, Val};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS241",
    name: "invalid-system-controls",
    category: DeployError,
    severity: Error,
    check: Container(check),
    constraints: [48],
}

/// The IPC kernel parameters a container has its own copy of.
const IPC: [&str; 8] = [
    "kernel.msgmax",
    "kernel.msgmnb",
    "kernel.msgmni",
    "kernel.sem",
    "kernel.shmall",
    "kernel.shmmax",
    "kernel.shmmni",
    "kernel.shm_rmid_forced",
];

fn is_ipc(name: &str) -> bool {
    IPC.contains(&name) || name.starts_with("fs.mqueue.")
}

/// The UTS parameters runc also sets in a container's own namespace.
const UTS: [&str; 2] = ["kernel.hostname", "kernel.domainname"];

fn check(td: &TaskDef<'_>, c: &Container<'_>, sink: &mut Sink<'_>) {
    // Windows containers take no system controls at all: ECS125's.
    if td.is_windows() == crate::model::Tri::Yes {
        return;
    }
    let controls = c.view().objects(&container::SYSTEM_CONTROLS);
    if controls.none_known() {
        return;
    }
    let host_network = td.effective_network_mode() == Some(NetworkMode::Host);
    let host_ipc = td
        .view()
        .is_some_and(|v| matches!(v.text(&task::IPC_MODE), Val::Known("host", _)));
    for control in &controls {
        let Val::Known(name, span) = control.text(&system_control::NAMESPACE) else {
            continue;
        };
        let problem = if name.starts_with("net.") {
            host_network.then(|| {
                format!(
                    "but the task shares the host's network namespace (`{}` `host`)",
                    td.key(&task::NETWORK_MODE)
                )
            })
        } else if UTS.contains(&name) {
            None
        } else if is_ipc(name) {
            host_ipc.then(|| {
                format!(
                    "but the task shares the host's IPC namespace (`{}` `host`)",
                    td.key(&task::IPC_MODE)
                )
            })
        } else {
            Some("which is not one a container may set (only `net.*`, `fs.mqueue.*` and the IPC `kernel.msg*`, `kernel.sem` and `kernel.shm*` parameters are namespaced)".to_string())
        };
        let Some(problem) = problem else {
            continue;
        };
        sink.report(
            c.at(span),
            format!(
                "container {} sets kernel parameter `{}`, {problem}: Docker refuses it, and the container never starts",
                c.label(),
                crate::domain::names::shown(name)
            ),
        )
        .help(format!(
            "remove it from `{}` (on EC2, a parameter the instance must have belongs in its user data)",
            c.key(&container::SYSTEM_CONTROLS)
        ));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let td = |task: &str, controls: &str| {
            format!(
                r#"{{"family":"web"{task},"containerDefinitions":[{{"name":"web","image":"nginx:1.27","memory":256,"systemControls":[{controls}]}}]}}"#
            )
        };
        let net = r#"{"namespace":"net.core.somaxconn","value":"4096"}"#;
        let ipc = r#"{"namespace":"kernel.shmmax","value":"68719476736"}"#;
        let pass = [
            td(r#","networkMode":"awsvpc""#, net),
            td(r#","networkMode":"bridge""#, ipc),
            td(r#","networkMode":"host""#, ipc),
            td(r#","ipcMode":"host","networkMode":"bridge""#, net),
            td("", r#"{"namespace":"fs.mqueue.msg_max","value":"100"}"#),
            td("", r#"{"namespace":"${SYSCTL}","value":"1"}"#),
            td("", r#"{"namespace":"kernel.hostname","value":"web"}"#),
        ];
        let fail = [
            td(r#","networkMode":"host""#, net),
            td(r#","ipcMode":"host""#, ipc),
            td("", r#"{"namespace":"vm.max_map_count","value":"262144"}"#),
            td("", r#"{"namespace":"kernel.pid_max","value":"65536"}"#),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
