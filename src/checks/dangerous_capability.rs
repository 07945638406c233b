//! ECS230 dangerous-capability: a container adds a Linux capability that gives it power over
//! the host or its network (`ALL`, `SYS_ADMIN`, `NET_ADMIN`, `NET_RAW`).

use crate::model::fields::{container, linux_parameters};
use crate::model::{Container, Spelled, TaskDef, Tri, Val};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS230",
    name: "dangerous-capability",
    category: Security,
    severity: Warning,
    check: Container(check),
    security_severity: "7.0",
    profile: Security,
    constraints: [180],
}

fn check(td: &TaskDef<'_>, c: &Container<'_>, sink: &mut Sink<'_>) {
    // On Fargate, anything but SYS_PTRACE is refused: ECS116's error.
    if td.is_fargate() == Tri::Yes {
        return;
    }
    let Val::Known(linux, _) = c.view().object(&container::LINUX_PARAMETERS) else {
        return;
    };
    let Val::Known(caps, _) = linux.object(&linux_parameters::CAPABILITIES) else {
        return;
    };
    for cap in &caps.strings(&linux_parameters::ADD) {
        let Val::Known(name, span) = *cap else {
            continue;
        };
        let bare = name
            .strip_prefix("CAP_")
            .unwrap_or(name)
            .to_ascii_uppercase();
        let risk = match bare.as_str() {
            "ALL" => "every capability, as good as root on the host",
            "SYS_ADMIN" => "mount file systems and escape the container in many known ways",
            "NET_ADMIN" => "reconfigure the network: interfaces, routes, firewall rules",
            "NET_RAW" => "forge packets and spoof addresses on the network",
            _ => continue,
        };
        sink.report(
            c.at(span),
            format!("container {} adds `{name}`, which lets it {risk}", c.label()),
        )
        .help(format!(
            "remove `{name}` from `{}` unless the container's job needs it (a VPN, a network agent), and drop what it does not need",
            c.key(&container::LINUX_CAPABILITIES_ADD)
        ));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let td = |compat: &str, caps: &str| {
            format!(
                r#"{{"family":"web","requiresCompatibilities":{compat},"containerDefinitions":[{{"name":"web","image":"nginx:1.27","memory":256,"linuxParameters":{{"capabilities":{{"add":[{caps}]}}}}}}]}}"#
            )
        };
        let ec2 = r#"["EC2"]"#;
        let pass = [
            td(ec2, r#""SYS_PTRACE","CHOWN""#),
            td(ec2, r#""${CAP}""#),
            td(r#"["FARGATE"]"#, r#""SYS_ADMIN""#),
        ];
        let fail = [
            td(ec2, r#""SYS_ADMIN""#),
            td(ec2, r#""CAP_NET_ADMIN""#),
            td(ec2, r#""ALL""#),
            td(ec2, r#""net_raw""#),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
