//! `--format human`: annotated source excerpts drawn by codespan-reporting, with the caret under
//! the exact token, secondary labels (also in other files), a help line, and a summary.

use codespan_reporting::diagnostic::{Diagnostic, Label, LabelStyle, Severity as CsSeverity};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, Config};
use termcolor::{Buffer, WriteColor};

use super::{counts, linted_files, region};
use crate::engine::Outcome;
use crate::rule::Severity;

pub fn render(outcome: &Outcome, color: bool) -> String {
    let mut files = SimpleFiles::new();
    let ids: Vec<Option<usize>> = outcome
        .files
        .iter()
        .map(|f| {
            f.text
                .as_ref()
                .map(|t| files.add(f.display.clone(), t.clone()))
        })
        .collect();
    let config = Config::default();
    let mut buffer = if color {
        Buffer::ansi()
    } else {
        Buffer::no_color()
    };
    for f in &outcome.findings {
        let severity = match f.severity {
            Severity::Error => CsSeverity::Error,
            Severity::Warning => CsSeverity::Warning,
            Severity::Info => CsSeverity::Note,
        };
        let mut notes = Vec::new();
        if let Some(help) = &f.help {
            notes.push(format!("help: {help}"));
        }
        let Some(file_id) = ids[f.file] else {
            // The text could not be read back (the file changed or vanished): no excerpt.
            let r = region(&outcome.files[f.file], f.span);
            let line = format!(
                "{}:{}:{}: {}[{} {}]: {}\n",
                outcome.files[f.file].display,
                r.line,
                r.column,
                f.severity.as_str(),
                f.rule.code,
                f.rule.name,
                f.message
            );
            let _ = std::io::Write::write_all(&mut buffer, line.as_bytes());
            continue;
        };
        let mut labels = vec![Label::new(LabelStyle::Primary, file_id, f.span.range())];
        for l in &f.labels {
            if let Some(id) = ids[l.file] {
                labels.push(
                    Label::new(LabelStyle::Secondary, id, l.span.range())
                        .with_message(l.message.clone()),
                );
            }
        }
        let diagnostic = Diagnostic::new(severity)
            .with_code(format!("{} {}", f.rule.code, f.rule.name))
            .with_message(f.message.clone())
            .with_labels(labels)
            .with_notes(notes);
        if term::emit_to_write_style(&mut buffer, &config, &files, &diagnostic).is_err() {
            let _ = std::io::Write::write_all(
                &mut buffer,
                format!("{}: {}\n", outcome.files[f.file].display, f.message).as_bytes(),
            );
        }
    }
    let mut out = String::from_utf8_lossy(buffer.as_slice()).into_owned();
    out.push_str(&summary(outcome, color));
    out
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// "Found 2 errors and 1 warning in 2 files (5 files linted)." or "No problems found (5 files linted)."
fn summary(outcome: &Outcome, color: bool) -> String {
    let c = counts(&outcome.findings);
    let linted = linted_files(outcome);
    let linted = plural(linted, "file");
    if outcome.findings.is_empty() {
        return format!("No problems found ({linted} linted).\n");
    }
    let mut parts = Vec::new();
    if c.errors > 0 {
        parts.push(plural(c.errors, "error"));
    }
    if c.warnings > 0 {
        parts.push(plural(c.warnings, "warning"));
    }
    if c.infos > 0 {
        parts.push(plural(c.infos, "info"));
    }
    let mut with_findings: Vec<usize> = outcome.findings.iter().map(|f| f.file).collect();
    with_findings.sort_unstable();
    with_findings.dedup();
    let text = format!(
        "Found {} in {} ({linted} linted).\n",
        super::super::checks::fargate_sizes::or_list(&parts).replace(" or ", " and "),
        plural(with_findings.len(), "file"),
    );
    if color {
        let mut b = Buffer::ansi();
        let _ = b.set_color(termcolor::ColorSpec::new().set_bold(true));
        let _ = std::io::Write::write_all(&mut b, text.as_bytes());
        let _ = b.reset();
        String::from_utf8_lossy(b.as_slice()).into_owned()
    } else {
        text
    }
}
