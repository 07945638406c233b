//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use ecslint::discover::{discover, Filters};
use ecslint::engine::{run, Outcome, Plan};

/// Lints `paths` (files or directories) in-process with `plan`.
pub fn lint(paths: &[PathBuf], plan: &Plan) -> Outcome {
    let found = discover(paths, &Filters::default());
    assert!(
        found.errors.is_empty(),
        "discovery errors: {:?}",
        found.errors
    );
    run(&found.inputs, plan)
}

/// The human rendering without colour.
pub fn human(outcome: &Outcome) -> String {
    ecslint::report::human::render(outcome, false)
}

/// `../shared/corpus`, or `None` (with a visible message) when it is absent. Under `CI=true`
/// its absence is a failure.
pub fn corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if dir.is_dir() {
        return Some(dir);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("../shared/corpus is missing, and CI=true: the corpus tests must run in CI");
    }
    eprintln!("SKIPPED: ../shared/corpus is absent (it is not part of a user's clone)");
    None
}

/// Asserts that every finding's span, and every label's, lies inside its file and on
/// character boundaries.
pub fn assert_spans_valid(outcome: &Outcome) {
    for f in &outcome.findings {
        // Findings about a whole file that has no text to point into (too large, empty) sit
        // at its start.
        if matches!(f.rule.code, "ECS003" | "ECS004") {
            assert_eq!((f.span.start, f.span.end), (0, 0), "{f:?}");
            continue;
        }
        let spans =
            std::iter::once((f.file, f.span)).chain(f.labels.iter().map(|l| (l.file, l.span)));
        for (file, span) in spans {
            let text = outcome.files[file]
                .text
                .as_ref()
                .unwrap_or_else(|| panic!("no text for {}", outcome.files[file].display));
            assert!(span.start <= span.end, "{f:?}: inverted span");
            assert!(
                (span.end as usize) <= text.len(),
                "{f:?}: span past the end of {}",
                outcome.files[file].display
            );
            assert!(
                text.is_char_boundary(span.start as usize)
                    && text.is_char_boundary(span.end as usize),
                "{f:?}: span not on char boundaries"
            );
            assert!(span.start < span.end, "{f:?}: empty span");
        }
    }
}

/// Path of the built binary.
pub fn bin() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("ecslint").expect("binary built")
}
