//! Entry points for the fuzz targets (`fuzz/`) and the property tests: the whole pipeline on
//! one text, with every output format rendered and every span checked.

use crate::discover::Input;
use crate::engine::{run, Outcome, Plan};
use crate::report;

/// Lints `text` as a file called `name`, renders every format, and panics if a finding's span
/// (or a label's) is outside its file or off a character boundary.
pub fn lint_and_render(name: &str, text: String) -> Outcome {
    let input = Input {
        display: name.to_string(),
        path: None,
        stdin: Some(text),
        explicit: true,
        claimed: false,
        bound: None,
    };
    // A fixed date: the fuzz targets and property tests are deterministic.
    let outcome = run(&[input], &Plan::new(crate::suppress::Date(2026, 1, 1)));
    for f in &outcome.findings {
        let spans =
            std::iter::once((f.file, f.span)).chain(f.labels.iter().map(|l| (l.file, l.span)));
        for (file, span) in spans {
            if let Some(text) = &outcome.files[file].text {
                crate::load::tree::assert_span_within(span, text);
            }
        }
    }
    let cwd = std::path::Path::new("/");
    // Rendering must not panic, whatever was found.
    let _rendered = [
        report::human::render(&outcome, false),
        report::human::render(&outcome, true),
        report::json::render(&outcome, true),
        report::sarif::render(&outcome, cwd),
        report::github::render(&outcome),
        report::junit::render(&outcome),
        report::markdown::render(&outcome),
    ];
    outcome
}
