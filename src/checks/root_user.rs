//! ECS222 root-user: a Linux container runs as root, or says nothing of its user.

use crate::model::fields::container;
use crate::model::{Container, Spelled, TaskDef, Tri, Val};
use crate::rule::Sink;

crate::declare_rule! {
    code: "ECS222",
    name: "root-user",
    category: Security,
    severity: Warning,
    check: Container(check),
    security_severity: "5.0",
    profile: Security,
    peers: ["securityhub:ECS.20"],
    constraints: [175],
}

fn check(td: &TaskDef<'_>, c: &Container<'_>, sink: &mut Sink<'_>) {
    if td.is_windows() != Tri::No {
        return;
    }
    let key = c.key(&container::USER);
    let (at, message) = match c.view().text(&container::USER) {
        Val::Known(user, span) if is_root(user) => (
            c.at(span),
            format!("container {} runs as root (`{key}` `{user}`)", c.label()),
        ),
        Val::Known(..) | Val::Unknown(_) | Val::Ref(..) => return,
        Val::Absent => (
            c.missing(),
            format!(
                "container {} does not set `{key}`, so it runs as its image's user, root unless the image's Dockerfile says otherwise (which ecslint cannot see)",
                c.label()
            ),
        ),
    };
    sink.report(at, message).help(format!(
        "set `{key}` to a non-root user or uid (`1000`, `app`, `1000:1000`)"
    ));
}

/// `root`, `0`, `root:app`, `0:0`, and an empty value: the uid part is root. A gid of 0 alone
/// (`1000:0`) is not.
fn is_root(user: &str) -> bool {
    let uid = user.split(':').next().unwrap_or(user).trim();
    uid.is_empty() || uid == "root" || uid == "0"
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let td = |c: &str| {
            format!(
                r#"{{"family":"web","containerDefinitions":[{{"name":"web","image":"nginx:1.27","memory":256{c}}}]}}"#
            )
        };
        let pass = [
            td(r#","user":"1000""#),
            td(r#","user":"app:app""#),
            td(r#","user":"1000:0""#),
            td(r#","user":"${USER}""#),
        ];
        let fail = [
            td(""),
            td(r#","user":"root""#),
            td(r#","user":"0:0""#),
            td(r#","user":"""#),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
