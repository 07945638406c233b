//! ECS009 invalid-enum-value: a value outside the ones the API accepts for the field
//! (`"networkMode": "awsvpc2"`, `"logDriver": "awslog"`, a capability `CAP_SYS_ADMIN`).

use crate::rule::Sink;
use crate::structure::{Problem, ProblemKind};

crate::declare_rule! {
    code: "ECS009",
    name: "invalid-enum-value",
    category: DeployError,
    severity: Error,
    check: Structure(check),
    constraints: [5, 14, 104, 106],
}

/// At most this many accepted values are listed in a message.
const LISTED: usize = 12;

fn check(p: &Problem<'_>, sink: &mut Sink<'_>) {
    let ProblemKind::Enum { allowed } = &p.kind else {
        return;
    };
    let Some(value) = p.node.as_str() else {
        return;
    };
    let field = crate::domain::names::shown(&p.field);
    let shown = crate::domain::names::shown(value);
    let mut list: Vec<String> = allowed
        .iter()
        .take(LISTED)
        .map(|v| format!("`{v}`"))
        .collect();
    if allowed.len() > LISTED {
        list.push("…".to_string());
    }
    let finding = sink.report(
        p.span,
        format!(
            "`{field}` is `{shown}`, which is not one of the accepted values ({}): {}",
            list.join(", "),
            p.refusal()
        ),
    );
    match closest(value, allowed) {
        Some(meant) => finding.help(format!("did you mean `{meant}`?")),
        None => finding.help("use one of the values listed"),
    };
}

/// The accepted value `value` most likely meant: another case, a `CAP_` prefix dropped, or
/// within two edits.
fn closest<'a>(value: &str, allowed: &'a [String]) -> Option<&'a str> {
    let bare = value.strip_prefix("CAP_").unwrap_or(value);
    if let Some(same) = allowed.iter().find(|a| a.eq_ignore_ascii_case(bare)) {
        return Some(same);
    }
    allowed
        .iter()
        .map(|a| {
            (
                strsim::damerau_levenshtein(&bare.to_ascii_lowercase(), &a.to_ascii_lowercase()),
                a,
            )
        })
        .filter(|(d, a)| *d <= 2 && a.len() > 2)
        .min()
        .map(|(_, a)| a.as_str())
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let td = |extra: &str| {
            format!(
                r#"{{"family":"web"{extra},"containerDefinitions":[{{"name":"web","image":"nginx:1.27"}}]}}"#
            )
        };
        let c = |extra: &str| {
            format!(
                r#"{{"family":"web","containerDefinitions":[{{"name":"web","image":"nginx:1.27",{extra}}}]}}"#
            )
        };
        let pass = [
            td(r#","networkMode":"awsvpc","requiresCompatibilities":["FARGATE"]"#),
            td(r#","networkMode":"${NETWORK_MODE}""#),
            c(r#""linuxParameters":{"capabilities":{"add":["SYS_PTRACE"]}}"#),
            // ECS reads another protocol as tcp: not this rule's to call an error.
            c(r#""portMappings":[{"containerPort":80,"protocol":"http"}]"#),
        ];
        let fail = [
            td(r#","networkMode":"awsvpc2""#),
            td(r#","requiresCompatibilities":["FARGATE_SPOT"]"#),
            c(r#""logConfiguration":{"logDriver":"awslog"}"#),
            c(r#""linuxParameters":{"capabilities":{"add":["CAP_SYS_PTRACE"]}}"#),
            c(
                r#""linuxParameters":{"tmpfs":[{"containerPath":"/tmp","size":64,"mountOptions":["noexec","readonly"]}]}"#,
            ),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }

    #[test]
    fn suggestions() {
        let allowed: Vec<String> = ["bridge", "host", "awsvpc", "none"]
            .map(String::from)
            .to_vec();
        assert_eq!(super::closest("awsvpc2", &allowed), Some("awsvpc"));
        assert_eq!(super::closest("AWSVPC", &allowed), Some("awsvpc"));
        assert_eq!(super::closest("overlay", &allowed), None);
        let caps: Vec<String> = ["SYS_PTRACE", "NET_ADMIN"].map(String::from).to_vec();
        assert_eq!(super::closest("CAP_SYS_PTRACE", &caps), Some("SYS_PTRACE"));
    }
}
