//! Rules registered at run time (configured policies later; a test's rule here) run through
//! the same registry as the built-in ones: they report, are selectable, severity-configurable
//! and suppressible, and appear in SARIF's rule list.

mod common;

use std::borrow::Cow;
use std::sync::Arc;

use ecslint::engine::Plan;
use ecslint::model::Resource;
use ecslint::rule::{Category, Check, Rule, Severity};

/// A test-only policy: task families must start with `team-`.
fn team_prefix() -> Rule {
    Rule {
        code: Cow::Borrowed("ECS9001"),
        name: Cow::Borrowed("family-without-team-prefix"),
        category: Category::Policy,
        severity: Severity::Warning,
        docs: Cow::Borrowed(
            "# ECS9001 family-without-team-prefix\n\nTask families start with `team-`.\n",
        ),
        check: Check::Dynamic(Arc::new(|resource, sink| {
            if let Resource::TaskDef(td) = resource {
                if let Some((family, span)) = td.family.known_at() {
                    if !family.starts_with("team-") {
                        sink.report(
                            span,
                            format!("family `{family}` does not start with `team-`"),
                        );
                    }
                }
            }
        })),
        security_severity: None,
        options: None,
        profile: Category::Policy.default_profile(),
        peers: &[],
        constraints: &[],
    }
}

fn write(dir: &std::path::Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    path
}

#[test]
fn a_rule_registered_at_run_time_reports_like_a_built_in() {
    let dir = tempfile::tempdir().expect("tmp");
    let task = write(
        dir.path(),
        "task.yaml",
        "family: billing\ncontainerDefinitions:\n  - name: app\n    image: app:1.0\n    memory: 128\n",
    );
    let mut plan = Plan::profile(ecslint::rule::Profile::Recommended);
    let rule = plan.register(team_prefix()).expect("registers");
    let outcome = common::lint(std::slice::from_ref(&task), &plan);
    assert_eq!(outcome.findings.len(), 1);
    assert_eq!(outcome.findings[0].rule.code, "ECS9001");
    assert_eq!(outcome.findings[0].rule.id(), rule.id());
    let at = outcome.files[0].position(outcome.findings[0].span.start);
    assert_eq!((at.line, at.column), (1, 9));

    // Selectable: selecting another rule leaves it out; selecting it runs only it.
    plan.select_only("ECS201");
    assert!(common::lint(std::slice::from_ref(&task), &plan)
        .findings
        .is_empty());
    plan.select_only("family-without-team-prefix");
    assert_eq!(
        common::lint(std::slice::from_ref(&task), &plan)
            .findings
            .len(),
        1
    );

    // Configurable like a built-in: selectors and severities in a configuration name it.
    let mut plan = Plan::all();
    plan.register(team_prefix()).expect("registers");
    let config = write(
        dir.path(),
        "policy.toml",
        "select = [\"ECS9001\"]\n[severity]\nfamily-without-team-prefix = \"error\"\n",
    );
    let loaded = ecslint::config::load(&config).expect("loads");
    ecslint::config::apply(&mut plan, &loaded, Default::default(), dir.path()).expect("applies");
    let outcome = common::lint(std::slice::from_ref(&task), &plan);
    assert_eq!(outcome.findings.len(), 1);
    assert_eq!(outcome.findings[0].severity, Severity::Error);
    // A code that is neither built in nor registered is still an error.
    let mut bare = Plan::all();
    let err = ecslint::config::apply(&mut bare, &loaded, Default::default(), dir.path())
        .expect_err("unknown");
    assert!(err.contains("ECS9001"), "{err}");

    // Suppressible with a comment, and in SARIF's rule list.
    let suppressed = write(
        dir.path(),
        "suppressed.yaml",
        "family: billing  # ecslint-ignore ECS9001: billing predates the naming policy\ncontainerDefinitions:\n  - name: app\n    image: app:1.0\n    memory: 128\n",
    );
    let mut plan = Plan::profile(ecslint::rule::Profile::Recommended);
    plan.register(team_prefix()).expect("registers");
    let outcome = common::lint(&[suppressed], &plan);
    assert!(outcome.findings.is_empty(), "{:?}", outcome.findings);
    assert_eq!(outcome.suppressed.len(), 1);
    let outcome = common::lint(std::slice::from_ref(&task), &plan);
    let sarif: serde_json::Value =
        serde_json::from_str(&ecslint::report::sarif::render(&outcome, dir.path())).expect("sarif");
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let index = sarif["runs"][0]["results"][0]["ruleIndex"]
        .as_u64()
        .unwrap_or(0) as usize;
    assert_eq!(rules[index]["id"], "ECS9001");

    // A second rule with a taken code is refused.
    assert!(plan.register(team_prefix()).is_err());
}
