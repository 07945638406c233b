//! `--format human`: annotated source excerpts drawn by codespan-reporting, with the caret under
//! the exact token, secondary labels (also in other files), a help line, and a summary.

use codespan_reporting::diagnostic::{Diagnostic, Label, LabelStyle, Severity as CsSeverity};
use codespan_reporting::term::{self, Config};
use termcolor::{Buffer, WriteColor};

use super::excerpt::Excerpts;
use super::{counts, linted_files, region};
use crate::engine::Outcome;
use crate::rule::Severity;

/// How the human report is drawn.
#[derive(Clone, Debug, Default)]
pub struct Options {
    pub color: bool,
    /// Findings only: no summary, no notes.
    pub quiet: bool,
    /// A count per rule instead of the findings.
    pub statistics: bool,
    /// Also list the findings suppressions hid, with their reasons.
    pub show_suppressed: bool,
    /// The run time, shown in the summary (on a terminal only, so piped output is stable).
    pub elapsed: Option<std::time::Duration>,
}

/// The report with default options (no colour), as tests and library users want it.
pub fn render(outcome: &Outcome, color: bool) -> String {
    render_with(
        outcome,
        &Options {
            color,
            ..Options::default()
        },
    )
}

pub fn render_with(outcome: &Outcome, options: &Options) -> String {
    let color = options.color;
    if options.statistics {
        let mut out = statistics(outcome);
        if !options.quiet {
            out.push_str(&summary(outcome, options));
        }
        return out;
    }
    let mut files = Excerpts::default();
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
        // (file, span, message) of the primary label and the secondary ones that can be drawn.
        let mut spans: Vec<(usize, crate::span::Span, Option<&str>)> =
            vec![(file_id, f.span, None)];
        spans.extend(
            f.labels
                .iter()
                .filter_map(|l| ids[l.file].map(|id| (id, l.span, Some(l.message.as_str())))),
        );
        // Lines too long to read are cut around the labels on them: those files are swapped
        // for shortened copies while this finding is drawn.
        let mut swapped: Vec<(usize, super::excerpt::Entry)> = Vec::new();
        let mut seen: Vec<usize> = Vec::new();
        for i in 0..spans.len() {
            let id = spans[i].0;
            if seen.contains(&id) {
                continue;
            }
            seen.push(id);
            let on_file: Vec<usize> = (0..spans.len()).filter(|&j| spans[j].0 == id).collect();
            let wanted: Vec<crate::span::Span> = on_file.iter().map(|&j| spans[j].1).collect();
            if let Some((entry, moved)) = files.cut(id, &wanted) {
                for (&j, span) in on_file.iter().zip(moved) {
                    spans[j].1 = span;
                }
                if let Some(original) = files.swap(id, entry) {
                    swapped.push((id, original));
                }
            }
        }
        let labels: Vec<Label<usize>> = spans
            .iter()
            .map(|(id, span, message)| match message {
                None => Label::new(LabelStyle::Primary, *id, span.range()),
                Some(m) => Label::new(LabelStyle::Secondary, *id, span.range()).with_message(*m),
            })
            .collect();
        let diagnostic = Diagnostic::new(severity)
            .with_code(format!("{} {}", f.rule.code, f.rule.name))
            .with_message(f.message.clone())
            .with_labels(labels)
            .with_notes(notes);
        let mut one = if color {
            Buffer::ansi()
        } else {
            Buffer::no_color()
        };
        let drawn = term::emit_to_write_style(&mut one, &config, &files, &diagnostic);
        for (id, original) in swapped {
            files.swap(id, original);
        }
        if drawn.is_err() {
            let _ = std::io::Write::write_all(
                &mut buffer,
                format!("{}: {}\n", outcome.files[f.file].display, f.message).as_bytes(),
            );
            continue;
        }
        let mut text = String::from_utf8_lossy(one.as_slice()).into_owned();
        if f.severity == Severity::Info {
            // codespan-reporting calls this level "note"; ecslint calls it "info" everywhere
            // (severity overrides, --fail-on, JSON, the summary).
            text = text.replacen("note", "info", 1);
        }
        let _ = std::io::Write::write_all(&mut buffer, text.as_bytes());
    }
    let mut out = String::from_utf8_lossy(buffer.as_slice()).into_owned();
    if options.show_suppressed && !outcome.suppressed.is_empty() {
        out.push_str(&format!("Suppressed ({}):\n", outcome.suppressed.len()));
        for s in &outcome.suppressed {
            let file = &outcome.files[s.finding.file];
            let at = file.position(s.finding.span.start);
            out.push_str(&format!(
                "  {}:{}:{} {} {}: {} (suppressed by {}: {})\n",
                file.display,
                at.line,
                at.column,
                s.finding.rule.code,
                s.finding.rule.name,
                s.finding.message,
                s.by,
                s.reason
            ));
        }
        out.push('\n');
    }
    if !options.quiet {
        out.push_str(&summary(outcome, options));
    }
    out
}

/// `--statistics`: one line per rule with its count, most frequent first.
fn statistics(outcome: &Outcome) -> String {
    let counts = super::statistics(&outcome.findings);
    let width = counts
        .iter()
        .map(|c| c.2.to_string().len())
        .max()
        .unwrap_or(1);
    let name_width = counts.iter().map(|c| c.0.name.len()).max().unwrap_or(0);
    counts
        .iter()
        .map(|(rule, sev, n)| {
            format!(
                "{n:>width$}  {}  {:name_width$}  {}\n",
                rule.code,
                rule.name,
                sev.as_str()
            )
        })
        .collect()
}

fn plural(n: usize, word: &str) -> String {
    match (n, word) {
        (1, _) => format!("1 {word}"),
        (_, "entry") => format!("{n} entries"),
        _ => format!("{n} {word}s"),
    }
}

/// "Found 2 errors and 1 warning in 2 files (5 files, 6 resources linted in 0.12s)." plus
/// notes on what suppressions and the baseline hid.
fn summary(outcome: &Outcome, options: &Options) -> String {
    let c = counts(&outcome.findings);
    let linted = linted_files(outcome);
    let resources: usize = outcome
        .statuses
        .iter()
        .map(|s| match s {
            crate::engine::FileStatus::Linted { shapes, .. } => shapes.len(),
            _ => 0,
        })
        .sum();
    let time = options
        .elapsed
        .map(|d| format!(" in {:.2}s", d.as_secs_f64()))
        .unwrap_or_default();
    let scope = format!(
        "{}, {} linted{time}",
        plural(linted, "file"),
        plural(resources, "resource")
    );
    let not_read = outcome.not_read();
    let mut text = if outcome.findings.is_empty() && not_read.is_empty() {
        format!("No problems found ({scope}).\n")
    } else if outcome.findings.is_empty() {
        format!("No problems found in the files read ({scope}).\n")
    } else {
        let mut parts = Vec::new();
        for (n, word) in [
            (c.errors, "error"),
            (c.warnings, "warning"),
            (c.infos, "info"),
        ] {
            if n > 0 {
                parts.push(plural(n, word));
            }
        }
        let mut with_findings: Vec<usize> = outcome.findings.iter().map(|f| f.file).collect();
        with_findings.sort_unstable();
        with_findings.dedup();
        let list = match parts.as_slice() {
            [one] => one.clone(),
            [init @ .., last] => format!("{} and {last}", init.join(", ")),
            [] => String::new(),
        };
        // The configuration file (where unused or expired `[[suppress]]` entries are reported)
        // is named, not counted among the files linted.
        let inputs = outcome.statuses.len();
        let linted_with = with_findings.iter().filter(|&&id| id < inputs).count();
        let mut places: Vec<String> = Vec::new();
        if linted_with > 0 {
            places.push(plural(linted_with, "file"));
        }
        places.extend(
            with_findings
                .iter()
                .filter(|&&id| id >= inputs)
                .map(|&id| outcome.files[id].display.clone()),
        );
        format!("Found {list} in {} ({scope}).\n", places.join(" and "))
    };
    if !not_read.is_empty() {
        text.push_str(&format!(
            "Not read: {}; --verbose lists them.\n",
            crate::classify::describe_not_read(&not_read)
        ));
    }
    if outcome.not_changed > 0 {
        text.push_str(&format!(
            "{} in files not changed (and not linked to a change) not shown (--changed-since).\n",
            plural(outcome.not_changed, "finding")
        ));
    }
    if !outcome.suppressed.is_empty() && !options.show_suppressed {
        text.push_str(&format!(
            "{} suppressed with a reason (--show-suppressed lists them).\n",
            plural(outcome.suppressed.len(), "finding")
        ));
    }
    text.push_str(&baseline_note(outcome));
    if options.color {
        let mut b = Buffer::ansi();
        let _ = b.set_color(termcolor::ColorSpec::new().set_bold(true));
        let _ = std::io::Write::write_all(&mut b, text.as_bytes());
        let _ = b.reset();
        String::from_utf8_lossy(b.as_slice()).into_owned()
    } else {
        text
    }
}

/// What the baseline hid, and how many of its entries are stale; empty without a baseline.
pub fn baseline_note(outcome: &Outcome) -> String {
    let mut text = String::new();
    if outcome.baseline_hidden > 0 {
        text.push_str(&format!(
            "{} known from the baseline not shown.\n",
            plural(outcome.baseline_hidden, "finding")
        ));
    }
    if outcome.baseline_stale > 0 {
        text.push_str(&format!(
            "{} of the baseline no longer {} anything; shrink it with --write-baseline.\n",
            plural(outcome.baseline_stale, "entry"),
            if outcome.baseline_stale == 1 {
                "matches"
            } else {
                "match"
            }
        ));
    }
    text
}
