//! Every rule's fixtures: `tests/fixtures/<CODE>/fail-*` must give at least one finding of that
//! rule, run with only that rule enabled, and its human rendering is snapshotted (which proves
//! the spans); `pass-*` must give none. A fixture is a file, or a directory of files (for
//! cross-file rules).

mod common;

use std::path::PathBuf;

use ecslint::checks::RULES;
use ecslint::engine::Plan;

fn fixtures(code: &str) -> Vec<PathBuf> {
    let dir = PathBuf::from("tests/fixtures").join(code);
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    entries
}

fn name(path: &std::path::Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Only the rule under test runs. Suppression rules (ECS8xx) judge other rules' findings, so
/// their fixtures run every rule (and still must give only findings of the rule under test).
/// A fixture directory with an `.ecslint.toml` runs with that configuration.
fn plan_for(code: &str, path: &std::path::Path) -> Plan {
    let config = path.join(".ecslint.toml");
    let mut plan = if config.is_file() {
        let loaded = ecslint::config::load(&config).unwrap_or_else(|e| panic!("{e}"));
        ecslint::config::plan(
            &loaded,
            None,
            &[],
            &std::env::current_dir().unwrap_or_default(),
        )
        .unwrap_or_else(|e| panic!("{e}"))
    } else {
        Plan::all()
    };
    if !code.starts_with("ECS8") {
        plan.enabled = RULES.iter().map(|r| r.code == code).collect();
    }
    plan
}

#[test]
fn fail_fixtures_fire_and_match_their_snapshots() {
    for rule in RULES {
        let fails: Vec<PathBuf> = fixtures(rule.code)
            .into_iter()
            .filter(|p| name(p).starts_with("fail-"))
            .collect();
        assert!(!fails.is_empty(), "{} has no fail fixture", rule.code);
        for path in fails {
            let outcome = common::lint(std::slice::from_ref(&path), &plan_for(rule.code, &path));
            assert!(
                !outcome.findings.is_empty(),
                "{}: {} gives no finding",
                rule.code,
                path.display()
            );
            for f in &outcome.findings {
                assert_eq!(
                    f.rule.code,
                    rule.code,
                    "{}: finding of another rule",
                    path.display()
                );
            }
            common::assert_spans_valid(&outcome);
            let snapshot = format!("{}__{}", rule.code, name(&path).replace('.', "_"));
            insta::with_settings!({ snapshot_path => "snapshots/rules", prepend_module_to_snapshot => false, omit_expression => true }, {
                insta::assert_snapshot!(snapshot, common::human(&outcome));
            });
        }
    }
}

#[test]
fn pass_fixtures_are_silent() {
    for rule in RULES {
        let passes: Vec<PathBuf> = fixtures(rule.code)
            .into_iter()
            .filter(|p| name(p).starts_with("pass-"))
            .collect();
        assert!(!passes.is_empty(), "{} has no pass fixture", rule.code);
        for path in passes {
            let outcome = common::lint(std::slice::from_ref(&path), &plan_for(rule.code, &path));
            assert!(
                outcome.findings.is_empty(),
                "{}: {} should give no finding:\n{}",
                rule.code,
                path.display(),
                common::human(&outcome)
            );
            // Each pass fixture is ECS configuration ecslint actually read.
            assert!(
                outcome.statuses.iter().all(|s| s.linted()),
                "{}: {} was not recognised as ECS configuration: {:?}",
                rule.code,
                path.display(),
                outcome.statuses
            );
        }
    }
}

#[test]
fn fixture_directories_belong_to_rules() {
    for entry in std::fs::read_dir("tests/fixtures")
        .expect("fixtures dir")
        .flatten()
    {
        let dir = name(&entry.path());
        if dir.starts_with('_') {
            continue;
        }
        assert!(
            RULES.iter().any(|r| r.code == dir),
            "tests/fixtures/{dir} is not a rule code"
        );
        for f in fixtures(&dir) {
            let n = name(&f);
            assert!(
                n.starts_with("fail-") || n.starts_with("pass-"),
                "{}: fixtures are named fail-* or pass-*",
                f.display()
            );
        }
    }
}
