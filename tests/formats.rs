//! Every output format on the shared fixture set: snapshots, and SARIF validated against the
//! official SARIF 2.1.0 JSON Schema (vendored under `schemas/vendor/`).

mod common;

use common::bin;

const SHARED: &str = "tests/fixtures/_shared";

fn run(args: &[&str]) -> (i32, String) {
    let out = bin().args(args).output().expect("runs");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "",
        "stderr of {args:?}"
    );
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

fn snapshot(name: &str, value: &str) {
    insta::with_settings!({ snapshot_path => "snapshots/formats", prepend_module_to_snapshot => false, omit_expression => true }, {
        insta::assert_snapshot!(name, value);
    });
}

#[test]
fn github_annotations() {
    let (code, out) = run(&["check", SHARED, "--format", "github"]);
    assert_eq!(code, 1);
    for line in out.lines() {
        assert!(
            line.starts_with("::error file=") || line.starts_with("::warning file="),
            "{line}"
        );
        assert!(
            line.contains(",line=") && line.contains(",endColumn=") && line.contains(",title=ECS"),
            "{line}"
        );
    }
    snapshot("github", &out);
}

#[test]
fn junit_report() {
    let (code, out) = run(&["check", SHARED, "--format", "junit"]);
    assert_eq!(code, 1);
    assert!(
        out.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"ecslint\"")
    );
    assert_eq!(out.matches("<failure ").count(), 7);
    snapshot("junit", &out);
}

#[test]
fn markdown_report() {
    let (code, out) = run(&["check", SHARED, "--format", "markdown"]);
    assert_eq!(code, 1);
    assert!(
        out.contains("## Errors (6)") && out.contains("## Warnings (1)"),
        "{out}"
    );
    assert!(out.contains(
        "(https://github.com/ecslint/ecslint/blob/main/rules/ECS201-host-port-mismatch.md)"
    ));
    snapshot("markdown", &out);
    let (code, out) = run(&[
        "check",
        "tests/fixtures/_shared/clean-taskdef.json",
        "--format",
        "markdown",
    ]);
    assert_eq!(
        (code, out.as_str()),
        (
            0,
            "# ecslint report\n\nNo problems found (1 file linted).\n"
        )
    );
}

#[test]
fn sarif_passes_the_official_schema() {
    // The shared corpus gets the same check in tests/corpus.rs, where its absence shows.
    for target in [SHARED, "tests/fixtures/_secrets", "examples"] {
        common::assert_sarif_valid(target);
    }
}
