//! `--format markdown`: a report for job summaries and review exports, grouped by severity and
//! file, with counts and links to the rule docs.

use super::{counts, linted_files, region};
use crate::engine::Outcome;
use crate::rule::Severity;

/// Text safe inside a table cell.
/// Text for a table cell: pipes and backslashes escaped, `<`, `>` and `&` as entities (so
/// `<secret or parameter ARN>` shows as text instead of vanishing as an HTML tag), one line.
fn cell(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

pub fn render(outcome: &Outcome) -> String {
    let c = counts(&outcome.findings);
    let mut out = String::from("# ecslint report\n\n");
    let linted = plural(linted_files(outcome), "file");
    let not_read = outcome.not_read();
    let not_read_note = if not_read.is_empty() {
        String::new()
    } else {
        format!(
            "\nNot read: {}.\n",
            crate::classify::describe_not_read(&not_read)
        )
    };
    if outcome.findings.is_empty() {
        let scope = if not_read.is_empty() {
            ""
        } else {
            " in the files read"
        };
        out.push_str(&format!("No problems found{scope} ({linted} linted).\n"));
        out.push_str(&not_read_note);
        return out;
    }
    out.push_str(not_read_note.trim_start());
    if !not_read_note.is_empty() {
        out.push('\n');
    }
    out.push_str(&format!(
        "| errors | warnings | infos | files linted |\n|---|---|---|---|\n| {} | {} | {} | {} |\n",
        c.errors,
        c.warnings,
        c.infos,
        linted_files(outcome)
    ));
    for (severity, title) in [
        (Severity::Error, "Errors"),
        (Severity::Warning, "Warnings"),
        (Severity::Info, "Infos"),
    ] {
        let group: Vec<_> = outcome
            .findings
            .iter()
            .filter(|f| f.severity == severity)
            .collect();
        if group.is_empty() {
            continue;
        }
        out.push_str(&format!("\n## {title} ({})\n", group.len()));
        let mut files: Vec<usize> = group.iter().map(|f| f.file).collect();
        files.dedup();
        for id in files {
            let file = &outcome.files[id];
            out.push_str(&format!(
                "\n### `{}`\n\n| line | rule | message |\n|---|---|---|\n",
                file.display.replace('`', "'")
            ));
            for f in group.iter().filter(|f| f.file == id) {
                let r = region(file, f.span);
                let mut message = cell(&f.message);
                if let Some(help) = &f.help {
                    message.push_str(&format!("<br>*help:* {}", cell(help)));
                }
                out.push_str(&format!(
                    "| {}:{} | [{} {}]({}) | {} |\n",
                    r.line,
                    r.column,
                    f.rule.code,
                    f.rule.name,
                    f.rule.docs_url(),
                    message
                ));
            }
        }
    }
    out
}
