//! Every rule's fixtures, one test each: `tests/fixtures/<CODE>/fail-*` must give at least one
//! finding of that rule, run with only that rule enabled, and its human rendering is
//! snapshotted (which proves the spans); `pass-*` must give none. A fixture is a file, or a
//! directory of files (for cross-file rules).
//!
//! Tests are named `<rule module>::<fixture>` (`host_port_mismatch::fail-awsvpc.json`), so
//! `cargo test --test rules host_port_mismatch` runs one rule, and one failing fixture does not
//! hide the others (libtest-mimic, one trial per fixture).

mod common;

use std::path::{Path, PathBuf};

use ecslint::checks::BUILT_IN;
use ecslint::engine::Plan;
use ecslint::rule::Rule;
use libtest_mimic::{Arguments, Failed, Trial};

fn fixtures(code: &str) -> Vec<PathBuf> {
    let dir = PathBuf::from("tests/fixtures").join(code);
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    entries.sort();
    entries
}

fn name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The rule's module name: `host-port-mismatch` → `host_port_mismatch`.
fn module(rule: &Rule) -> String {
    rule.name.replace('-', "_")
}

/// Only the rule under test runs. Suppression rules (ECS8xx) judge other rules' findings, so
/// their fixtures run the default profile (and still must give only findings of the rule under
/// test).
/// A fixture directory with an `.ecslint.toml` runs with that configuration.
fn plan_for(rule: &Rule, path: &Path) -> Result<Plan, Failed> {
    let mut plan = Plan::profile(ecslint::rule::Profile::Recommended);
    let config = path.join(".ecslint.toml");
    if config.is_file() {
        let loaded = ecslint::config::load(&config)?;
        let cwd = std::env::current_dir().unwrap_or_default();
        ecslint::config::apply(&mut plan, &loaded, Default::default(), &cwd)?;
    }
    if !rule.code.starts_with("ECS8") {
        plan.select_only(&rule.code);
    }
    Ok(plan)
}

fn fail_fixture(rule: &'static Rule, path: &Path) -> Result<(), Failed> {
    let outcome = common::lint(&[path.to_path_buf()], &plan_for(rule, path)?);
    if outcome.findings.is_empty() {
        return Err(format!("{} gives no finding", path.display()).into());
    }
    if let Some(f) = outcome.findings.iter().find(|f| f.rule.code != rule.code) {
        return Err(format!("{}: a finding of another rule: {f:?}", path.display()).into());
    }
    common::assert_spans_valid(&outcome);
    let snapshot = format!("{}__{}", rule.code, name(path).replace('.', "_"));
    let rendered = common::human(&outcome);
    insta::with_settings!({ snapshot_path => "snapshots/rules", prepend_module_to_snapshot => false, omit_expression => true }, {
        insta::assert_snapshot!(snapshot, rendered);
    });
    Ok(())
}

fn pass_fixture(rule: &'static Rule, path: &Path) -> Result<(), Failed> {
    let outcome = common::lint(&[path.to_path_buf()], &plan_for(rule, path)?);
    if !outcome.findings.is_empty() {
        return Err(format!(
            "{} should give no finding:\n{}",
            path.display(),
            common::human(&outcome)
        )
        .into());
    }
    // Each pass fixture is ECS configuration ecslint actually read.
    if !outcome.statuses.iter().all(|s| s.linted()) {
        return Err(format!(
            "{} was not recognised as ECS configuration: {:?}",
            path.display(),
            outcome.statuses
        )
        .into());
    }
    Ok(())
}

/// Every rule has a fail and a pass fixture; every fixture directory belongs to a rule and
/// holds only `fail-*` and `pass-*`.
fn catalog() -> Result<(), Failed> {
    for rule in BUILT_IN {
        let names: Vec<String> = fixtures(&rule.code).iter().map(|p| name(p)).collect();
        for kind in ["fail-", "pass-"] {
            if !names.iter().any(|n| n.starts_with(kind)) {
                return Err(format!("{} has no {kind}* fixture", rule.code).into());
            }
        }
    }
    for entry in std::fs::read_dir("tests/fixtures")?.flatten() {
        let dir = name(&entry.path());
        if dir.starts_with('_') {
            continue;
        }
        if !BUILT_IN.iter().any(|r| r.code == dir.as_str()) {
            return Err(format!("tests/fixtures/{dir} is not a rule code").into());
        }
        for f in fixtures(&dir) {
            let n = name(&f);
            if !(n.starts_with("fail-") || n.starts_with("pass-")) {
                return Err(format!("{}: fixtures are named fail-* or pass-*", f.display()).into());
            }
        }
    }
    Ok(())
}

fn main() {
    let args = Arguments::from_args();
    let mut trials = vec![Trial::test("fixture_catalog", catalog)];
    for rule in BUILT_IN {
        let rule: &'static Rule = rule;
        for path in fixtures(&rule.code) {
            let n = name(&path);
            let test = format!("{}::{n}", module(rule));
            if n.starts_with("fail-") {
                trials.push(Trial::test(test, move || fail_fixture(rule, &path)));
            } else if n.starts_with("pass-") {
                trials.push(Trial::test(test, move || pass_fixture(rule, &path)));
            }
        }
    }
    libtest_mimic::run(&args, trials).exit();
}
