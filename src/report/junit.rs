//! `--format junit`: JUnit XML, one test suite per linted file and one failing test case per
//! finding (a clean file is one passing case), for CI systems that show test reports.

use super::{counts, region};
use crate::engine::Outcome;

fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 cannot carry at all.
            c if (c as u32) < 0x20 && !matches!(c, '\n' | '\r' | '\t') => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

pub fn render(outcome: &Outcome) -> String {
    let mut out = Vec::new();
    // Writing into memory cannot fail, and everything written is UTF-8.
    let _ = write(outcome, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// [`render`], written to `out` suite by suite: a report about 100,000 files is never held
/// whole in memory.
pub fn write(outcome: &Outcome, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let total = counts(&outcome.findings);
    let failures = total.errors + total.warnings + total.infos;
    // Each file's findings, gathered once (not one pass over every finding per file).
    let mut by_file: Vec<Vec<&crate::finding::Finding>> = vec![Vec::new(); outcome.files.len()];
    for f in &outcome.findings {
        if let Some(list) = by_file.get_mut(f.file) {
            list.push(f);
        }
    }
    let linted = |id: usize| outcome.statuses.get(id).is_some_and(|s| s.linted());
    let cases_total: usize = (0..outcome.files.len())
        .filter(|&id| linted(id))
        .map(|id| by_file[id].len().max(1))
        .sum();
    writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(
        out,
        "<testsuites name=\"ecslint\" tests=\"{cases_total}\" failures=\"{failures}\" errors=\"0\">"
    )?;
    for (id, file) in outcome.files.iter().enumerate() {
        if !linted(id) {
            continue;
        }
        let findings = &by_file[id];
        let name = xml(&file.display);
        writeln!(
            out,
            "  <testsuite name=\"{name}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\">",
            findings.len().max(1),
            findings.len()
        )?;
        for f in findings {
            let r = region(file, f.span);
            let mut body = format!("{}:{}:{}: {}", file.display, r.line, r.column, f.message);
            if let Some(help) = &f.help {
                body.push_str(&format!("\nhelp: {help}"));
            }
            write!(
                out,
                "    <testcase name=\"{} {} ({}:{})\" classname=\"{name}\" file=\"{name}\" line=\"{}\">\n      <failure type=\"{}\" message=\"{}\">{}</failure>\n    </testcase>\n",
                f.rule.code,
                f.rule.name,
                r.line,
                r.column,
                r.line,
                f.severity.as_str(),
                xml(&f.message),
                xml(&body),
            )?;
        }
        if findings.is_empty() {
            writeln!(
                out,
                "    <testcase name=\"ecslint\" classname=\"{name}\" file=\"{name}\"/>"
            )?;
        }
        writeln!(out, "  </testsuite>")?;
    }
    writeln!(out, "</testsuites>")
}
